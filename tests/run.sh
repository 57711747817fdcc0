#!/usr/bin/env bash
# The test command: installs what is missing, builds with g++ and clang
# (warnings are errors), runs every test, and ends with
# "tests: N passed, M failed". DDBEXPORT_COMPILERS picks a subset.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tests/support/install-deps.sh" || exit 2
compilers=${DDBEXPORT_COMPILERS:-"g++ clang++"}
passed=0 failed=0 status=0
for cxx in $compilers; do
  dir="$root/.build/$cxx"
  echo "== $cxx: configure and build in $dir"
  if [ ! -f "$dir/build.ninja" ]; then
    # -O2 as the project's default, without debug information: a third less
    # compile time for the test command (a build dir of your own keeps -g).
    CXX=$cxx meson setup "$dir" "$root" -Ddebug=false >/dev/null || { echo "configure failed for $cxx"; status=1; failed=$((failed + 1)); continue; }
  fi
  if ! ninja -C "$dir"; then
    echo "build failed for $cxx"; status=1; failed=$((failed + 1)); continue
  fi
  meson test -C "$dir" --print-errorlogs --num-processes 2 || status=1
  read -r p f < <(python3 "$root/tests/support/count_tests.py" "$dir/meson-logs/testlog.json")
  echo "== $cxx: $p passed, $f failed"
  passed=$((passed + p)) failed=$((failed + f))
done
[ "$failed" -gt 0 ] && status=1
echo "tests: $passed passed, $failed failed"
exit $status
