# lib.sh - helpers for the shell tests: TAP output, running kgbuild, validating RDF.
# Source it from tests/cli/*.sh; the environment comes from AM_TESTS_ENVIRONMENT.
set -u
: "${top_srcdir:=$(cd "$(dirname "$0")/../.." && pwd)}"
: "${top_builddir:=$top_srcdir}"
: "${KGBUILD:=$top_builddir/src/kgbuild}"
: "${KGBUILD_DATA_DIR:=$top_srcdir/ontology}"
: "${RAPPER:=$(command -v rapper || true)}"
: "${NODE:=$(command -v node || true)}"
export KGBUILD_DATA_DIR

kg_n=0
kg_failed=0
kg_plan_done=0
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kgtest.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok() { # ok DESCRIPTION COMMAND... : passes when COMMAND exits 0
  desc=$1; shift
  kg_n=$((kg_n + 1))
  if "$@" >"$TMP/ok.out" 2>&1; then
    echo "ok $kg_n - $desc"
  else
    echo "not ok $kg_n - $desc"
    sed 's/^/# /' "$TMP/ok.out" | head -40
    kg_failed=$((kg_failed + 1))
  fi
}

skip() { kg_n=$((kg_n + 1)); echo "ok $kg_n - $1 # SKIP $2"; }

done_testing() { echo "1..$kg_n"; [ "$kg_failed" -eq 0 ]; }

# exit_is CODE COMMAND... : passes when COMMAND exits with CODE
exit_is() {
  want=$1; shift
  "$@"; got=$?
  if [ "$got" -ne "$want" ]; then echo "exit $got, expected $want"; return 1; fi
}

# stderr_has REGEX COMMAND... : COMMAND's stderr matches REGEX (extended)
stderr_has() {
  re=$1; shift
  "$@" 2>"$TMP/stderr" >/dev/null
  grep -Eq "$re" "$TMP/stderr" || { echo "stderr was:"; cat "$TMP/stderr"; return 1; }
}

# Where the n3 npm package lives for the strict validator (installed by the test command).
kg_n3_modules() {
  for d in "${RDF_VALIDATOR_MODULES:-}" "$top_builddir/tests/node" "$top_srcdir/tests/node" \
           "${HOME:-/root}/.cache/kgbuild/node"; do
    [ -n "$d" ] && [ -d "$d/node_modules/n3" ] && { echo "$d"; return 0; }
  done
  return 1
}

# valid_rdf FILE FORMAT : parses with rapper (any format) and, for
# turtle/ntriples/nquads, with N3.js through validate-rdf.mjs
valid_rdf() {
  f=$1; fmt=$2
  case $fmt in
    turtle) rs=turtle ;; ntriples) rs=ntriples ;; nquads) rs=nquads ;;
    rdfxml) rs=rdfxml ;; json) rs=json ;; *) echo "unknown format $fmt"; return 1 ;;
  esac
  "$RAPPER" -q -c -i "$rs" "$f" https://example.org/base/ || { echo "rapper rejected $f"; return 1; }
  case $fmt in
    turtle|ntriples|nquads)
      mods=$(kg_n3_modules) || { echo "n3 npm package not installed (see README)"; return 1; }
      "$NODE" "$top_srcdir/tests/validate-rdf.mjs" --quiet --modules "$mods" --format "$fmt" "$f" \
        || { echo "N3.js rejected $f"; return 1; } ;;
    json)
      "$NODE" -e 'JSON.parse(require("fs").readFileSync(process.argv[1],"utf8"))' "$f" \
        || { echo "invalid JSON $f"; return 1; } ;;
  esac
}
