#!/usr/bin/env bash
# Makes a Pulumi CLI available and prints the folder that holds it (the only line on stdout).
# Order: a `pulumi` already on PATH that is recent enough; else a binary cached by an
# earlier run; else a build of the pinned version from the Go module proxy into that cache.
# Progress goes to stderr so callers can capture the folder.
set -euo pipefail

version="${PULUMI_CLI_VERSION:-v3.259.0}"
minimum="3.139.0" # dynamic providers receive `configure` from this version on
cache_root="${PULUMI_OPENAI_ADMIN_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/pulumi-openai-admin}"
cache_dir="$cache_root/pulumi-cli-$version"

script_dir="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"

say() { printf '[pulumi-cli] %s\n' "$*" >&2; }

version_at_least() { # $1 >= $2, both x.y.z
  [ "$(printf '%s\n%s\n' "$2" "$1" | sort -V | head -n1)" = "$2" ]
}

if [ -z "${PULUMI_CLI_FORCE_BUILD:-}" ] && command -v pulumi >/dev/null 2>&1; then
  found=$(pulumi version 2>/dev/null | sed 's/^v//' | cut -d- -f1 || true)
  if [ -n "$found" ] && version_at_least "$found" "$minimum"; then
    say "using pulumi $found from PATH"
    dirname "$(command -v pulumi)"
    exit 0
  fi
  say "ignoring pulumi '${found:-unknown}' on PATH: need >= $minimum"
fi

# The engine finds plugins beside its own binary without the warning it prints for ones found
# elsewhere on PATH. Both are shims that run the SDK of the project (or policy pack) at hand:
# the SDK's dynamic-provider plugin, and this repository's policy-pack runner (which a CLI
# with a Node.js language plugin does not need).
place_nodejs_plugins() {
  local shim
  for shim in "$script_dir/../node_modules/@pulumi/pulumi/pulumi-resource-pulumi-nodejs" \
              "$script_dir/pulumi-analyzer-policy-nodejs"; do
    if [ -f "$shim" ] && ! cmp -s "$shim" "$cache_dir/$(basename "$shim")"; then
      cp "$shim" "$cache_dir/"
      chmod +x "$cache_dir/$(basename "$shim")"
    fi
  done
}

if [ -x "$cache_dir/pulumi" ]; then
  place_nodejs_plugins
  say "using cached pulumi $version ($cache_dir)"
  echo "$cache_dir"
  exit 0
fi

if ! command -v go >/dev/null 2>&1; then
  say "no Pulumi CLI found and no Go toolchain to build one."
  say "Install Pulumi (https://www.pulumi.com/docs/install/) so that 'pulumi' is on PATH, then run again."
  exit 1
fi

say "building pulumi $version from the Go module proxy into $cache_dir"
say "this is a one-off: about 5 to 8 minutes on 2 cores; later runs reuse the binary"
started=$(date +%s)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"

# pkg/go.mod carries replace directives, so `go install pkg@version` is refused; a throwaway
# module that repeats the non-local replaces of that tag builds the same binary.
go mod init pulumi-cli-build >/dev/null 2>&1
go mod edit \
  -replace github.com/atotto/clipboard=github.com/tgummerer/clipboard@v0.0.0-20241001131231-d02d263e614e \
  -replace golang.org/x/text=golang.org/x/text@v0.39.0

heartbeat() {
  while sleep 30; do say "... still building ($(( $(date +%s) - started ))s)"; done
}
heartbeat &
beat=$!
trap 'kill $beat 2>/dev/null || true; rm -rf "$work"' EXIT

# Go's own output (hundreds of "downloading" lines) goes to a log, shown only on failure.
run_logged() {
  if ! "$@" >"$work/go.log" 2>&1; then
    say "failed: $*"
    tail -n 40 "$work/go.log" >&2
    exit 1
  fi
}

say "resolving modules"
run_logged go get "github.com/pulumi/pulumi/pkg/v3/cmd/pulumi@$version"
say "compiling (modules resolved after $(( $(date +%s) - started ))s)"
mkdir -p "$cache_dir.partial"
run_logged env CGO_ENABLED=0 go build -trimpath \
  -ldflags "-X github.com/pulumi/pulumi/sdk/v3/go/common/version.Version=$version" \
  -o "$cache_dir.partial/pulumi" github.com/pulumi/pulumi/pkg/v3/cmd/pulumi
# Rename last so an interrupted build never looks like a cached one.
rm -rf "$cache_dir"
mv "$cache_dir.partial" "$cache_dir"
place_nodejs_plugins
say "built pulumi $version in $(( $(date +%s) - started ))s"
echo "$cache_dir"
