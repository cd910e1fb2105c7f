#!/bin/sh
# eval.sh - the floor test: relations F1 on the development set of ../shared/gold, each
# language on its own, and on the seed article of ../shared/seeds must not fall below
# tests/eval-floor.txt (raise the floors as the rules improve), and the seed yields no
# wrong fact. Skips when the shared folder is not beside the source tree.
. "$top_srcdir/tests/lib.sh"

shared="$top_srcdir/../shared"
floors="$top_srcdir/tests/eval-floor.txt"
if [ ! -d "$shared/gold" ] || [ ! -f "$shared/scripts/kgscore" ] || [ -z "$RAPPER" ] ||
   ! command -v python3 >/dev/null 2>&1; then
  skip "development set floor" "needs ../shared/gold, python3 and rapper"
  done_testing
  exit $?
fi

# at_least ACTUAL FLOOR : ACTUAL >= FLOOR (decimals)
at_least() { awk -v a="$1" -v f="$2" 'BEGIN { exit !(a + 0 >= f + 0) }' || { echo "F1 $1 is below the floor $2"; return 1; }; }

for lang in en fr; do
  dir="$TMP/gold-$lang"
  mkdir -p "$dir"
  for t in "$shared"/gold/*."$lang".txt; do
    b=$(basename "$t" ".$lang.txt")
    ln -s "$t" "$dir/" && ln -s "$shared/gold/$b.gold.tsv" "$dir/"
  done
  python3 "$shared/scripts/kgscore" "$dir" --run "'$KGBUILD' {}" >"$TMP/$lang.txt" 2>&1
  f1=$(sed -n 's/^relations: .*F1=\([0-9.]*\)$/\1/p' "$TMP/$lang.txt")
  floor=$(awk -v l="$lang" '$1 == l { print $2 }' "$floors")
  echo "# $lang: relations F1 $f1 (floor $floor)"
  ok "$lang relations F1 at or above the floor" at_least "${f1:-0}" "${floor:-1}"
done

# the seed article: its bar is relations F1 >= 0.90 with no wrong fact; hold what it reached
if [ -d "$shared/seeds" ]; then
  python3 "$shared/scripts/kgscore" "$shared/seeds" --run "'$KGBUILD' {}" >"$TMP/seed.txt" 2>&1
  sf1=$(sed -n 's/^relations: .*F1=\([0-9.]*\)$/\1/p' "$TMP/seed.txt")
  sp=$(sed -n 's/^relations: P=\([0-9.]*\) .*$/\1/p' "$TMP/seed.txt")
  floor=$(awk '$1 == "seed" { print $2 }' "$floors")
  echo "# seed: relations F1 $sf1 (floor $floor), precision $sp"
  ok "seed relations F1 at or above the floor" at_least "${sf1:-0}" "${floor:-1}"
  ok "no wrong fact on the seed (precision 1.000)" test "$sp" = "1.000"
  sq=$(sed -n 's/^qualifiers: recall=\([0-9.]*\) .*$/\1/p' "$TMP/seed.txt")
  qfloor=$(awk '$1 == "seed-qualifiers" { print $2 }' "$floors")
  echo "# seed: qualifier recall $sq (floor $qfloor)"
  ok "seed qualifier recall at or above the floor" at_least "${sq:-0}" "${qfloor:-1}"
fi
done_testing
