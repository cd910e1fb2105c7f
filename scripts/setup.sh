#!/bin/sh
# setup.sh - on a fresh Debian 12 machine: install what is missing, build kgbuild, and
# run it on the example article (Turtle on stdout). Safe to re-run.
set -eu
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
sh scripts/deps.sh
[ -x configure ] || ./autogen.sh >/dev/null 2>&1 || { echo "setup: autogen.sh failed" >&2; exit 1; }
mkdir -p _build/release
cd _build/release
[ -f Makefile ] || ../../configure -q
make -s -j"$(nproc)" >/dev/null
./src/kgbuild "$top/examples/microsoft-openai-2023-01.fr.txt"
