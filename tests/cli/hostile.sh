#!/bin/sh
# hostile.sh - texts made to blow the extractor up: one sentence of thousands of facts or
# of repeated descriptions. The run ends (a watchdog stands for "hangs"), the output is
# valid RDF, and a fact's evidence is a window around its match, not the whole
# monster sentence (the output stays in proportion to the input).
. "$top_srcdir/tests/lib.sh"

gen() { python3 -c "$1" >"$2"; }
if ! command -v python3 >/dev/null 2>&1; then
  skip "hostile texts" "needs python3"
  done_testing
  exit $?
fi
gen "print(''.join('La société Zorb%d a racheté la société Quin%d, ' % (i, i) for i in range(3000)) + '.')" "$TMP/facts.txt"
gen "print('Renault, le groupe français, ' * 20000 + '.')" "$TMP/descr.txt"
gen "print('Zorbex bought Quintal. ' + 'it ' * 200000 + '.')" "$TMP/pron.txt"

for f in facts descr pron; do
  ok "$f: finishes" timeout 300 "$KGBUILD" -q -f ntriples -o "$TMP/$f.nt" "$TMP/$f.txt"
  ok "$f: valid N-Triples (rapper and N3.js)" valid_rdf "$TMP/$f.nt" ntriples
done
# 3,000 facts over one sentence of ~160 KB: each evidence is at most a few KB
ok "facts: 3,000 acquisitions found" \
  sh -c "[ \$(grep -c '#acquired> <' '$TMP/facts.nt') -ge 3000 ]"
ok "facts: no evidence longer than a window" python3 - "$TMP/facts.nt" <<'PY'
import re, sys
ev = [m.group(1).encode().decode('unicode_escape') for m in
      re.finditer(r'#evidence> "((?:[^"\\]|\\.)*)"', open(sys.argv[1]).read())]
longest = max((len(e.encode('latin-1', 'replace')) for e in ev), default=0)
sys.exit(0 if 0 < longest <= 2100 else 1)
PY
ok "facts: output in proportion to the input (< 100x)" \
  sh -c "[ \$(wc -c <'$TMP/facts.nt') -lt \$((\$(wc -c <'$TMP/facts.txt') * 100)) ]"
done_testing
