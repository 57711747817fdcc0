#!/usr/bin/env bash
# Consumer tests: ddbexport used the four ways a project can use it.
#   install      meson install into a temp prefix; files present, versions agree
#   meson        a meson project with ddbexport as a subproject (wrap + symlink)
#   cmake        find_package(ddbexport CONFIG REQUIRED) against the installed
#                prefix, copied elsewhere first (the package is relocatable)
#   pkg-config   a Makefile using `pkg-config --cflags ddbexport`
#   plain        one compiler line with `-I include`
# Each consumer builds in a temp dir and runs its program, which exits
# non-zero when validate or write_request disagrees with what it expects.
#
# usage: tests/consumers/run.sh [SOURCE_ROOT]
#   CXX picks the compiler (default g++); meson's 'consumers' test passes its own.
#   Installs cmake, pkg-config and make with tests/support/install-deps.sh if missing.
# Ends with "consumers: N passed, M failed"; exits 1 when any failed.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "${1:-$here/../..}" && pwd)
here=$root/tests/consumers
export CXX=${CXX:-g++}

bash "$root/tests/support/install-deps.sh" make || { echo "consumers: cannot install dependencies"; exit 2; }

tmp=$(mktemp -d "${TMPDIR:-/tmp}/ddbexport-consumers.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# Meson's test runner exports its own variables; keep them from the nested builds.
unset MESON_BUILD_ROOT MESON_SOURCE_ROOT MESONINTROSPECT
# The consumers must see ddbexport only where each one is told to look.
unset PKG_CONFIG_PATH CMAKE_PREFIX_PATH CPATH CPLUS_INCLUDE_PATH

passed=0 failed=0
# run NAME FUNCTION: runs FUNCTION in a subshell (so its `set -e` holds, which
# it would not inside an `if`), output in $tmp/NAME.log; prints PASS/FAIL.
run() {
  local name=$1 started=$SECONDS rc
  shift
  ("$@") >"$tmp/$name.log" 2>&1
  rc=$?
  if [ "$rc" -eq 0 ]; then
    echo "PASS $name ($((SECONDS - started)) s)"
    passed=$((passed + 1))
  else
    echo "FAIL $name ($((SECONDS - started)) s); its log:"
    sed 's/^/  | /' "$tmp/$name.log" | tail -n 60
    failed=$((failed + 1))
  fi
}

prefix=$tmp/prefix
echo "== consumers of $root with CXX=$CXX, staged in $tmp"

stage_install() {
  set -e
  meson setup "$tmp/build" "$root" --prefix "$prefix"
  # Header-only: nothing to compile, so install without building the tests.
  meson install -C "$tmp/build" --no-rebuild
  version=$(python3 -c 'import json, sys; print(json.load(sys.stdin)["version"])' \
    < <(meson introspect "$tmp/build" --projectinfo))
  echo "version $version"
  test -f "$prefix/include/ddbexport/ddbexport.hpp"
  test -f "$prefix/include/ddbexport/json/writer.hpp"
  # Everything installed is a header or a package file.
  find "$prefix" -type f | sort
  if find "$prefix" -type f ! -name '*.hpp' ! -name ddbexport.pc ! -name 'ddbexport*.cmake' | grep .; then
    echo "unexpected files installed"
    return 1
  fi
  python3 "$root/tests/packaging/check_version.py" "$version" \
    --header "$prefix/include/ddbexport/version.hpp" \
    --pc "$prefix/share/pkgconfig/ddbexport.pc" \
    --cmake "$prefix/share/cmake/ddbexport/ddbexportConfigVersion.cmake"
}

consumer_meson() {
  set -e
  cp -R "$here/meson_subproject" "$tmp/meson_src"
  ln -s "$root" "$tmp/meson_src/subprojects/ddbexport"
  # Forced: an installed ddbexport (pkg-config) must not stand in for the subproject.
  meson setup "$tmp/meson_build" "$tmp/meson_src" --force-fallback-for=ddbexport | tee "$tmp/meson_setup.log"
  grep -q "Executing subproject ddbexport" "$tmp/meson_setup.log"
  ninja -C "$tmp/meson_build"
  "$tmp/meson_build/consumer"
}

consumer_cmake() {
  set -e
  # A copy of the prefix: the package must not depend on where it was installed.
  cp -R "$prefix" "$tmp/moved"
  cp -R "$here/cmake" "$tmp/cmake_src"
  cmake -S "$tmp/cmake_src" -B "$tmp/cmake_build" -DCMAKE_PREFIX_PATH="$tmp/moved" \
    -DCMAKE_CXX_COMPILER="$CXX" -DCMAKE_CXX_FLAGS="-Wall -Wextra -Wpedantic -Werror"
  grep -qx "ddbexport_DIR:PATH=$tmp/moved/share/cmake/ddbexport" "$tmp/cmake_build/CMakeCache.txt"
  cmake --build "$tmp/cmake_build" --verbose
  "$tmp/cmake_build/consumer"
}

consumer_pkgconfig() {
  set -e
  cp -R "$here/pkgconfig" "$tmp/pkgconfig_src"
  export PKG_CONFIG_PATH=$prefix/share/pkgconfig
  test "$(pkg-config --variable=prefix ddbexport)" = "$prefix"
  pkg-config --cflags ddbexport
  make -C "$tmp/pkgconfig_src" CXX="$CXX"
  "$tmp/pkgconfig_src/consumer"
}

consumer_plain() {
  set -e
  mkdir -p "$tmp/plain"
  "$CXX" -std=c++20 -Wall -Wextra -Wpedantic -Werror -I "$root/include" \
    "$here/plain/main.cpp" -o "$tmp/plain/consumer"
  "$tmp/plain/consumer"
}

run install stage_install
if [ -f "$prefix/include/ddbexport/ddbexport.hpp" ]; then
  run cmake consumer_cmake
  run pkg-config consumer_pkgconfig
else
  echo "FAIL cmake (nothing was installed)"
  echo "FAIL pkg-config (nothing was installed)"
  failed=$((failed + 2))
fi
run meson consumer_meson
run plain consumer_plain

echo "consumers: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
