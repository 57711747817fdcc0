#!/usr/bin/env bash
# Runs sdk_test.mjs against ddbexport-server with the SDK pinned in
# package-lock.json, installed by `npm ci` into WORKDIR (the build tree, so the
# source tree stays clean). Installs node and npm first when they are missing.
# usage: run.sh SERVER WORKDIR
set -euo pipefail
server=$(realpath "$1")
work=$(realpath -m "$2")
here=$(cd "$(dirname "$0")" && pwd)
if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
  echo "installing nodejs and npm" >&2
  sudo_cmd=()
  [ "$(id -u)" -ne 0 ] && sudo_cmd=(sudo)
  "${sudo_cmd[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq nodejs npm >/dev/null
fi
mkdir -p "$work"
cp "$here/package.json" "$here/package-lock.json" "$here/sdk_test.mjs" "$work/"
# npm ci wipes and reinstalls; skip it while the installed tree matches the lock.
if ! cmp -s "$here/package-lock.json" "$work/node_modules/.ddbexport-lock" 2>/dev/null; then
  (cd "$work" && timeout 300 npm ci --no-audit --no-fund --loglevel=error)
  cp "$here/package-lock.json" "$work/node_modules/.ddbexport-lock"
fi
cd "$work"
exec timeout 120 node sdk_test.mjs "$server"
