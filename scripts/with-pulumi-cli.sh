#!/usr/bin/env bash
# Runs a command with the Pulumi CLI (see ensure-pulumi-cli.sh) and the SDK's dynamic
# provider plugin (shipped in @pulumi/pulumi) on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli_dir="$(bash "$root/scripts/ensure-pulumi-cli.sh")"
# The SDK's own folder last: it holds the dynamic-provider plugin for a CLI that lacks one.
export PATH="$cli_dir:$root/node_modules/.bin:$PATH:$root/node_modules/@pulumi/pulumi"
export PULUMI_SKIP_UPDATE_CHECK=true
exec "$@"
