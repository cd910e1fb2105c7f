#!/bin/sh
# qualifiers.sh - the dates facts take: not a relative clause's date ("X, que Y a
# rachetée en 2019, a racheté Z": 2019 is when Y bought X, not when X bought Z; "Y va
# reprendre X, la marque qu'elle avait créée en 1965": 1965 is no date of the deal), the
# dateline's day for "lundi", and the year before for a past month not yet come this year
# ("last June", "en juin dernier" written in March).
. "$top_srcdir/tests/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
  skip "qualifiers" "needs python3"
  done_testing
  exit $?
fi
date_of() { # FILE SUBJECT OBJECT -> the pointInTime of that acquisition, or "none"
  python3 - "$1" "$2" "$3" <<'PY'
import re, sys, collections
st = collections.defaultdict(dict)
for l in open(sys.argv[1]):
    m = re.match(r'<([^>]*)> <[^>]*[#/]([A-Za-z]+)> (.*) \.$', l.strip())
    if m and '/stmt/' in m.group(1):
        st[m.group(1)][m.group(2)] = m.group(3)
for v in st.values():
    if v.get('subject', '').endswith('/org/%s>' % sys.argv[2]) and \
       v.get('object', '').endswith('/org/%s>' % sys.argv[3]) and v.get('predicate', '').endswith('#acquired>'):
        print(v.get('pointInTime', 'none').split('^^')[0].strip('"'))
        sys.exit(0)
print('missing')
PY
}
printf '%s\n' "La société Osprel, que le groupe Delmark a rachetée en 2019, a racheté la société Tarvex." >"$TMP/rel.txt"
ok "a relative clause is read" "$KGBUILD" -q -f ntriples -o "$TMP/rel.nt" "$TMP/rel.txt"
ok "the clause's deal has its date" test "$(date_of "$TMP/rel.nt" delmark osprel)" = 2019
ok "the main deal does not take the clause's date" test "$(date_of "$TMP/rel.nt" osprel tarvex)" = none
# a relative clause after the deal: "…, la marque qu'elle avait créée en 1965"
printf '%s\n' "La coopérative Velmora va reprendre le contrôle de Tarvex en Europe, la marque qu'elle avait créée en 1965." >"$TMP/after.txt"
ok "a clause after the deal is read" "$KGBUILD" -q -f ntriples -o "$TMP/after.nt" "$TMP/after.txt"
ok "the deal does not take the date of a clause after it" test "$(date_of "$TMP/after.nt" velmora tarvex)" = none
printf '%s\n' "PARIS, 4 mai 2024 — Le groupe Brantor a racheté lundi la société Tarvex." >"$TMP/dl.txt"
ok "a dateline is read" "$KGBUILD" -q -f ntriples -o "$TMP/dl.nt" "$TMP/dl.txt"
ok "'lundi' after a dateline is the dateline's day" test "$(date_of "$TMP/dl.nt" brantor tarvex)" = 2024-05-04
# "last June" / "en juin dernier" written in March 2024 is June 2023
printf '%s\n' "PARIS, 4 mars 2024 — Le groupe Brantor a racheté en juin dernier la société Tarvex." >"$TMP/past-fr.txt"
printf '%s\n' "NEW YORK, March 4, 2024 - Brantor Inc said it bought Quillex Corp last June." >"$TMP/past-en.txt"
ok "a past month in French is read" "$KGBUILD" -q -f ntriples -o "$TMP/past-fr.nt" "$TMP/past-fr.txt"
ok "a past month in English is read" "$KGBUILD" -q -f ntriples -o "$TMP/past-en.nt" "$TMP/past-en.txt"
ok "'en juin dernier' in March 2024 is June 2023" test "$(date_of "$TMP/past-fr.nt" brantor tarvex)" = 2023-06
ok "'last June' in March 2024 is June 2023" test "$(date_of "$TMP/past-en.nt" brantor quillex)" = 2023-06
done_testing
