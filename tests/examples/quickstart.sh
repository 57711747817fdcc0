#!/usr/bin/env bash
# Quick start: installs what is missing, builds ddbexport-check with g++ and
# runs it on its built-in sample request (no input given).
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
bash "$root/tests/support/install-deps.sh"
dir="$root/.build/g++"
[ -f "$dir/build.ninja" ] || CXX=g++ meson setup "$dir" "$root" >/dev/null
ninja -C "$dir" tests/examples/ddbexport-check >/dev/null
exec "$dir/tests/examples/ddbexport-check" "$@" </dev/null
