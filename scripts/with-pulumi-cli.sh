#!/usr/bin/env bash
# Runs a command with the Pulumi CLI (see ensure-pulumi-cli.sh) and the SDK's dynamic
# provider plugin (shipped in @pulumi/pulumi) on PATH.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli_dir="$(bash "$root/scripts/ensure-pulumi-cli.sh")"
# Last, the plugins for a CLI that lacks them: the SDK's dynamic provider and the policy-pack runner.
export PATH="$cli_dir:$root/node_modules/.bin:$PATH:$root/node_modules/@pulumi/pulumi:$root/scripts"
export PULUMI_SKIP_UPDATE_CHECK=true
exec "$@"
