#!/usr/bin/env bash
# The test command: installs what is missing, builds with g++ and clang
# (warnings are errors), runs every test, and ends with
# "tests: N passed, M failed". DDBEXPORT_COMPILERS picks a subset.
#
# The two builds check different things, so each is built once:
#  - g++: -O2 as the project's default, without debug information (a third
#    less compile time; a build dir of your own keeps -g).
#  - clang: AddressSanitizer and UndefinedBehaviorSanitizer at -O1 with line
#    tables, any report fatal (-fno-sanitize-recover=all). Every test runs
#    under the sanitizers, the fuzz targets are real libFuzzer binaries (what
#    .ci/run's fuzz stage runs), and the properties run 2,000 cases each
#    there (DDBEXPORT_RC_PARAMS overrides; the g++ build runs 10,000).
# A build dir that exists keeps its configuration: remove it to start over.
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
bash "$root/tests/support/install-deps.sh" || exit 2
compilers=${DDBEXPORT_COMPILERS:-"g++ clang++"}
passed=0 failed=0 status=0
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
for cxx in $compilers; do
  dir="$root/.build/$cxx"
  options=(-Ddebug=false) test_env=() test_options=()
  case $cxx in
    clang*)
      options=(-Db_sanitize=address,undefined -Db_lundef=false -Doptimization=1 -Ddebug=false
               "-Dcpp_args=-fno-sanitize-recover=all -g1")
      test_env=(DDBEXPORT_RC_PARAMS="${DDBEXPORT_RC_PARAMS:-max_success=2000 seed=20261009}")
      test_options=(--timeout-multiplier 4)
      ;;
  esac
  echo "== $cxx: configure and build in $dir"
  if [ ! -f "$dir/build.ninja" ]; then
    CXX=$cxx meson setup "$dir" "$root" "${options[@]}" >/dev/null ||
      { echo "configure failed for $cxx"; status=1; failed=$((failed + 1)); continue; }
  fi
  if ! ninja -C "$dir"; then
    echo "build failed for $cxx"; status=1; failed=$((failed + 1)); continue
  fi
  env "${test_env[@]}" meson test -C "$dir" --print-errorlogs --num-processes 2 "${test_options[@]}" || status=1
  read -r p f < <(python3 "$root/tests/support/count_tests.py" "$dir/meson-logs/testlog.json")
  echo "== $cxx: $p passed, $f failed"
  passed=$((passed + p)) failed=$((failed + f))
done
[ "$failed" -gt 0 ] && status=1
echo "tests: $passed passed, $failed failed"
exit $status
