#!/usr/bin/env bash
# Quick start: installs what is missing, builds ddbexport-check with g++ and
# runs it on its built-in sample request (no input given).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bash "$root/tests/support/install-deps.sh"
dir="$root/.build/g++"
# Configured as tests/run.sh configures it, so that the test command reuses it.
[ -f "$dir/build.ninja" ] || CXX=g++ meson setup "$dir" "$root" -Ddebug=false >/dev/null
ninja -C "$dir" tests/examples/ddbexport-check >/dev/null
exec "$dir/tests/examples/ddbexport-check" "$@" </dev/null
