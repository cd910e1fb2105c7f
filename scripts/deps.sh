#!/bin/sh
# deps.sh - install the Debian packages kgbuild needs to build and test (only the
# missing ones), and the n3 npm package the strict RDF validator uses. Safe to re-run.
# Runs apt-get as root directly, or through sudo.
set -eu
PKGS="build-essential autoconf automake libtool pkg-config make gcc
libraptor2-dev raptor2-utils librdf0-dev librasqal3-dev libgraphviz-dev graphviz
check libcurl4-gnutls-dev nettle-dev libxml2-dev
virtuoso-opensource-7-bin python3 nodejs npm"

missing=""
for p in $PKGS; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing="$missing $p"
done
# node/npm may come from elsewhere than Debian's packages: accept what is on PATH
if command -v node >/dev/null 2>&1 && command -v npm >/dev/null 2>&1; then
  missing=$(printf '%s\n' $missing | grep -vx -e nodejs -e npm | tr '\n' ' ' || true)
fi
missing=$(echo $missing)
if [ -n "$missing" ]; then
  if [ "$(id -u)" -eq 0 ]; then
    SUDO=""
  elif command -v sudo >/dev/null 2>&1; then
    SUDO="sudo"
  else
    echo "deps: missing packages ($missing); run as root or install sudo" >&2
    exit 1
  fi
  echo "deps: installing $missing" >&2
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  # shellcheck disable=SC2086
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $missing >/dev/null
fi

# N3.js for the strict validator, in the source tree's tests/node (git-ignored)
top=$(cd "$(dirname "$0")/.." && pwd)
if [ ! -d "$top/tests/node/node_modules/n3" ]; then
  echo "deps: installing n3 (npm) into tests/node" >&2
  mkdir -p "$top/tests/node"
  timeout 600 npm install --silent --no-audit --no-fund --fetch-timeout=60000 --fetch-retries=3 \
    --prefix "$top/tests/node" n3@1 >/dev/null || { echo "deps: npm could not install n3" >&2; exit 1; }
fi
