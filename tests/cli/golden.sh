#!/bin/sh
# golden.sh - the extractor on the invented articles of tests/data/extract (one
# construction each, English and French, with their expected facts in the gold format):
# every expected fact, no other fact, every expected qualifier.
. "$top_srcdir/tests/lib.sh"

gold="$top_srcdir/tests/data/extract"
score() { python3 "$KGSCORE" "$gold" --run "'$KGBUILD' {}" >"$TMP/score.txt" 2>&1; }
KGSCORE="$top_srcdir/../shared/scripts/kgscore"

if ! command -v python3 >/dev/null 2>&1 || [ -z "$RAPPER" ] || [ ! -f "$KGSCORE" ]; then
  skip "golden articles" "needs python3, rapper and the kgscore scorer"
  done_testing
  exit $?
fi
ok "the scorer runs on the golden articles" score
ok "no article failed" grep -q "errors: 0" "$TMP/score.txt"
# every relation and attribute row of the table (legal forms, founding dates, head counts too):
# found = gold and right = pred (the rounded F1 of
# "relations:" would hide one fact in two thousand)
exact() {
  awk '$1 ~ /^[a-zA-Z]+$/ && NF == 8 && $1 != "relation" && $1 != "type" { rows++; if ($2 != $3 || $4 != $5) bad++ }
       END { exit !(rows > 0 && bad == 0) }' "$TMP/score.txt"
}
ok "every expected fact and no other (relations F1 = 1)" exact
ok "every expected qualifier" grep -q "^qualifiers: recall=1.000" "$TMP/score.txt"
[ "$kg_failed" -eq 0 ] || sed 's/^/# /' "$TMP/score.txt"
done_testing
