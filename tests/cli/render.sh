#!/bin/sh
# render.sh - `kgbuild render` and `kgbuild --png/--svg/--pdf/--dot` as a product: every
# format valid, every RDF syntax read, bad options and inputs, unwritable outputs,
# determinism, large graphs, and Graphviz never writing to the terminal itself.
. "$top_srcdir/tests/lib.sh"
D="$top_srcdir/tests/data/draw"
XMLLINT=$(command -v xmllint || true)
# Graphviz has no frame pointers: in sanitizer builds, unwind slowly so its own leaks
# match tests/lsan.supp (see tests/check_draw.c)
ASAN_OPTIONS="${ASAN_OPTIONS:+$ASAN_OPTIONS:}fast_unwind_on_malloc=0"; export ASAN_OPTIONS

# png_size FILE: "WIDTH HEIGHT" from the IHDR chunk, or nothing when FILE is not a PNG
png_size() {
  [ "$(od -An -tx1 -N8 "$1" | tr -d ' \n')" = 89504e470d0a1a0a ] || return 1
  [ "$(od -An -c -j12 -N4 "$1" | tr -d ' \n')" = IHDR ] || return 1
  set -- $(od -An -tu1 -j16 -N8 "$1")
  echo $(( ($1 << 24) + ($2 << 16) + ($3 << 8) + $4 )) $(( ($5 << 24) + ($6 << 16) + ($7 << 8) + $8 ))
}
# png_ok FILE: a PNG of plausible size
png_ok() {
  s=$(png_size "$1") || { echo "$1 is not a PNG"; return 1; }
  set -- $s
  [ "$1" -ge 100 ] && [ "$1" -le 6000 ] && [ "$2" -ge 50 ] && [ "$2" -le 6000 ] || { echo "size $1 x $2"; return 1; }
}
# svg_ok FILE TEXT...: well-formed XML that contains each TEXT
svg_ok() {
  f=$1; shift
  if [ -n "$XMLLINT" ]; then "$XMLLINT" --noout --nonet "$f" || return 1; fi
  # Graphviz writes '-' as &#45; in SVG text
  sed 's/&#45;/-/g' "$f" >"$TMP/svg-text"
  for t in "$@"; do grep -qF -- "$t" "$TMP/svg-text" || { echo "no '$t' in $f"; return 1; }; done
}
# one_line_err FILE : stderr FILE holds exactly one line, an error
one_line_err() { [ "$(wc -l <"$1")" -eq 1 ] && grep -q "^kgbuild: error: " "$1" || { cat "$1"; return 1; }; }

# --- help, version, usage errors
ok "render --help exits 0 and documents the exit codes" sh -c '"$KGBUILD" render --help | grep -q "Exit status"'
ok "render --help lists the layouts" sh -c '"$KGBUILD" render --help | grep -q "neato, fdp, sfdp, circo"'
ok "render --version" sh -c '"$KGBUILD" render --version | grep -Eq "^kgbuild [0-9]+\.[0-9]+"'
for bad in --no-such-option "--layout=twopi" "-Tjpeg" "--label-lang=es" "--max-nodes=0" \
           "--max-nodes=abc" "--max-nodes=-3"; do
  ok "render: bad option $bad exits 2" exit_is 2 "$KGBUILD" render "$bad" -o "$TMP/x.svg" "$D/seed.ttl"
done
ok "render: unknown layout lists the valid ones" stderr_has "unknown layout 'twopi' \(valid: dot, neato, fdp, sfdp, circo\)" "$KGBUILD" render --layout twopi -o "$TMP/x.svg" "$D/seed.ttl"
ok "render: usage error hints at --help" stderr_has "kgbuild render --help" "$KGBUILD" render --bogus "$D/seed.ttl"
ok "render: no input exits 2" exit_is 2 "$KGBUILD" render -o "$TMP/x.svg"
ok "render: option without its value exits 2" exit_is 2 "$KGBUILD" render "$D/seed.ttl" -o
ok "render: unknown extension without -T exits 2" exit_is 2 "$KGBUILD" render -o "$TMP/x.jpg" "$D/seed.ttl"
ok "render: stdin twice exits 2" exit_is 2 "$KGBUILD" render -o "$TMP/x.svg" - -

# --- every format, from the extension or -T
ok "png from the extension" "$KGBUILD" render -o "$TMP/g.png" "$D/seed.ttl"
ok "the PNG has the signature and a plausible IHDR" png_ok "$TMP/g.png"
ok "svg from the extension" "$KGBUILD" render -o "$TMP/g.svg" "$D/seed.ttl"
ok "the SVG has every entity and qualifier" svg_ok "$TMP/g.svg" Microsoft OpenAI "Elon Musk" ChatGPT Azure "GitHub Copilot" Semafor Boursier.com Californie "10 Md$ · 2023-01 · rumeur" "49 % · rumeur" exclusif
ok "the SVG shows no statement or article node" sh -c '! grep -q "/stmt/\|/article/" "$1/g.svg"' _ "$TMP"
ok "pdf from the extension" sh -c '"$KGBUILD" render -o "$1/g.pdf" "$2/seed.ttl" && head -c5 "$1/g.pdf" | grep -q "^%PDF-"' _ "$TMP" "$D"
ok "dot from the extension" sh -c '"$KGBUILD" render -o "$1/g.dot" "$2/seed.ttl" && head -1 "$1/g.dot" | grep -q "^digraph kgbuild {"' _ "$TMP" "$D"
ok "-T overrides the extension" sh -c '"$KGBUILD" render -T svg -o "$1/g.out" "$2/seed.ttl" && grep -q "<svg" "$1/g.out"' _ "$TMP" "$D"
ok "no -o: DOT on stdout" sh -c '"$KGBUILD" render "$1/seed.ttl" | head -1 | grep -q "^digraph"' _ "$D"
ok "-T svg -o -: SVG on stdout" sh -c '"$KGBUILD" render -T svg -o - "$1/seed.ttl" | grep -q "</svg>"' _ "$D"
for layout in dot neato fdp sfdp circo; do
  ok "layout $layout draws, and Graphviz prints nothing itself" sh -c '"$KGBUILD" render --layout "$1" -o "$2/l.png" "$3/seed.ttl" 2>"$2/err" && [ ! -s "$2/err" ]' _ "$layout" "$TMP" "$D"
done

# --- every RDF syntax Raptor reads
ok "N-Triples (only literals) draws" sh -c '"$KGBUILD" render -o "$1/lit.svg" "$2/literals.nt"' _ "$TMP" "$D"
ok "literal-only graph: the literals are in the nodes" svg_ok "$TMP/lit.svg" "Only literals" "No resource object anywhere"
ok "N-Quads draws" sh -c '"$KGBUILD" render -o "$1/q.svg" "$2/quads.nq" && grep -q Nvidia "$1/q.svg"' _ "$TMP" "$D"
ok "RDF/XML draws" sh -c '"$KGBUILD" render -o "$1/x.svg" "$2/people.rdf" && grep -q Figma "$1/x.svg"' _ "$TMP" "$D"
ok "generic RDF: names, literals and predicate names" sh -c '"$KGBUILD" render -o "$1/gen.svg" "$2/generic.ttl"' _ "$TMP" "$D"
ok "generic RDF: the SVG shows them" svg_ok "$TMP/gen.svg" "Alice Martin" "alice@example.org" knows creator
ok "several files are one graph" sh -c '"$KGBUILD" render -o "$1/m.svg" "$2/quads.nq" "$2/people.rdf" && grep -q Nvidia "$1/m.svg" && grep -q Figma "$1/m.svg"' _ "$TMP" "$D"
ok "- reads standard input (syntax guessed)" sh -c '"$KGBUILD" render -T svg - <"$1/seed.ttl" | grep -q "Elon Musk"' _ "$D"
ok "hostile labels draw without a word on stderr" sh -c '"$KGBUILD" render -o "$1/n.svg" "$2/nasty.ttl" 2>"$1/err" && [ ! -s "$1/err" ]' _ "$TMP" "$D"
ok "hostile labels are shown, escaped" svg_ok "$TMP/n.svg" "Say &quot;Hi&quot; &amp; &lt;b&gt;bold&lt;/b&gt; Ltd" "Яндекс" "ソフトバンク" "Line two\\N \\G"
ok "an empty file draws a picture that says so" sh -c '"$KGBUILD" render -o "$1/e.svg" "$2/empty.ttl" && grep -q "No entities to draw" "$1/e.svg"' _ "$TMP" "$D"
ok "an empty file as PNG" sh -c '"$KGBUILD" render -o "$1/e.png" "$2/empty.ttl"' _ "$TMP" "$D"
ok "the empty PNG is a PNG" png_ok "$TMP/e.png"

# --- bad inputs: exit 1, one line naming the file, no picture
ok "unparsable input: exit 1" exit_is 1 "$KGBUILD" render -o "$TMP/b.svg" "$D/broken.ttl"
ok "unparsable input: one line naming file and line" sh -c '"$KGBUILD" render -o "$1/b.svg" "$2/broken.ttl" 2>"$1/err"; grep -q "broken.ttl:3" "$1/err" && [ "$(wc -l <"$1/err")" -eq 1 ]' _ "$TMP" "$D"
ok "unparsable input: no picture written" test ! -e "$TMP/b.svg"
ok "missing input: exit 1" exit_is 1 "$KGBUILD" render -o "$TMP/b.svg" "$TMP/nope.ttl"
ok "missing input: one line naming it" sh -c '"$KGBUILD" render -o "$1/b.svg" "$1/nope.ttl" 2>"$1/err"; grep -q "nope.ttl" "$1/err"' _ "$TMP"
ok "missing input: exactly one line" one_line_err "$TMP/err"
ok "a directory as input: exit 1" exit_is 1 "$KGBUILD" render -o "$TMP/b.svg" "$D"

# --- outputs that cannot be written: exit 3, one line, nothing left behind
ok "unwritable output: exit 3" exit_is 3 "$KGBUILD" render -o "$TMP/no/such/dir/g.png" "$D/seed.ttl"
ok "unwritable output: one line naming it" sh -c '"$KGBUILD" render -o "$1/no/such/dir/g.png" "$2/seed.ttl" 2>"$1/err"; grep -q "no/such/dir/g.png" "$1/err"' _ "$TMP" "$D"
ok "unwritable output: exactly one line" one_line_err "$TMP/err"
if [ -c /dev/full ]; then
  ok "-o /dev/full: exit 3" exit_is 3 "$KGBUILD" render -T svg -o /dev/full "$D/seed.ttl"
  ok "-o /dev/full leaves the device a device" test -c /dev/full
  ok "stdout on /dev/full: exit 3" exit_is 3 sh -c '"$KGBUILD" render -T svg "$1/seed.ttl" >/dev/full' _ "$D"
else
  skip "-o /dev/full" "no /dev/full"; skip "/dev/full stays" "no /dev/full"; skip "stdout full" "no /dev/full"
fi
ok "-o /dev/null works and leaves the device alone" sh -c '"$KGBUILD" render -T png -o /dev/null "$1/seed.ttl" && [ -c /dev/null ]' _ "$D"
ok "a failed render keeps an existing picture" sh -c 'echo keep >"$1/k.svg"; "$KGBUILD" render -o "$1/k.svg" "$2/broken.ttl" 2>/dev/null; [ "$(cat "$1/k.svg")" = keep ]' _ "$TMP" "$D"
ok "no temporary file is left beside the picture" sh -c '[ "$(ls "$1" | grep -c "\.svg\.\|\.png\.")" -eq 0 ]' _ "$TMP"

# --- determinism, options
ok "the same input gives the same DOT, byte for byte" sh -c '"$KGBUILD" render -o "$1/d1.dot" "$2/seed.ttl" && "$KGBUILD" render -o "$1/d2.dot" "$2/seed.ttl" && cmp -s "$1/d1.dot" "$1/d2.dot"' _ "$TMP" "$D"
ok "the same input gives the same SVG" sh -c '"$KGBUILD" render -o "$1/s1.svg" "$2/seed.ttl" && "$KGBUILD" render -o "$1/s2.svg" "$2/seed.ttl" && cmp -s "$1/s1.svg" "$1/s2.svg"' _ "$TMP" "$D"
ok "--label-lang en" "$KGBUILD" render --label-lang en -o "$TMP/en.svg" "$D/seed.ttl"
ok "--label-lang en: English labels and money" svg_ok "$TMP/en.svg" ">Legend<" "\$10B · 2023-01 · rumored" "49% · rumored"
ok "--ontology labels relations" sh -c '"$KGBUILD" render --ontology "$2/labels.ttl" -o "$1/o.svg" "$2/seed.ttl" && grep -q "investit dans" "$1/o.svg"' _ "$TMP" "$D"
ok "--max-nodes: a note in the picture" sh -c '"$KGBUILD" render --max-nodes 3 -o "$1/mx.svg" "$2/seed.ttl" && grep -q "3 entités sur 10 affichées" "$1/mx.svg"' _ "$TMP" "$D"
ok "--max-nodes: -v says how many were left out" stderr_has "left 7 out" "$KGBUILD" render -v --max-nodes 3 -o "$TMP/mx.svg" "$D/seed.ttl"

# --- a large graph: 5,000 companies
awk 'BEGIN { k = "https://w3id.org/kgbuild/ns#"; b = "https://w3id.org/kgbuild/id/org/c";
  for (i = 0; i < 5000; i++) {
    printf "<%s%d> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <%sCompany> .\n", b, i, k
    printf "<%s%d> <http://www.w3.org/2000/01/rdf-schema#label> \"Company %d\" .\n", b, i, i
    if (i) printf "<%s%d> <%sinvestsIn> <%s%d> .\n", b, i, k, b, int(i / 3)
  } }' >"$TMP/big.nt"
ok "5,000 entities: sfdp instead of dot, and a warning says so" stderr_has "5000 entities are too many for the dot layout: using sfdp" "$KGBUILD" render -o "$TMP/big.dot" "$TMP/big.nt"
ok "5,000 entities: the DOT has them all, laid out by sfdp" sh -c 'grep -q "layout=sfdp" "$1/big.dot" && [ "$(grep -c "^	\"https://w3id.org/kgbuild/id/org/c[0-9]*\"	\[" "$1/big.dot")" -eq 5000 ]' _ "$TMP"
ok "5,000 entities: -q silences the warning" sh -c '"$KGBUILD" render -q -o "$1/big.dot" "$1/big.nt" 2>"$1/err" && [ ! -s "$1/err" ]' _ "$TMP"
# A sanitizer build unwinds every Graphviz allocation: the full layout would take many
# minutes there, so it draws the best-connected 1,000 (the model still sees all 5,000).
if ldd "$KGBUILD" 2>/dev/null | grep -q libasan; then big=1000; else big=5000; fi
ok "5,000 entities: an SVG of $big" sh -c '"$KGBUILD" render -q --max-nodes "$2" -o "$1/big.svg" "$1/big.nt" && [ "$(grep -c "class=\"node\"" "$1/big.svg")" -eq $(($2 + 1)) ]' _ "$TMP" "$big"
ok "5,000 entities with --max-nodes 200 as PNG" sh -c '"$KGBUILD" render --max-nodes 200 -o "$1/big.png" "$1/big.nt" 2>"$1/err" && [ ! -s "$1/err" ]' _ "$TMP"
ok "the 200-entity PNG is a PNG" png_ok "$TMP/big.png"

# --- pictures while extracting
A="$top_srcdir/examples/microsoft-openai-2023-01.fr.txt"
if [ -f "$A" ]; then
  ok "kgbuild --png --svg --dot beside the RDF" sh -c '"$KGBUILD" -q --png "$1/a.png" --svg "$1/a.svg" --dot "$1/a.dot" -o "$1/a.ttl" "$2" && [ -s "$1/a.ttl" ]' _ "$TMP" "$A"
  ok "the article's PNG is a PNG" png_ok "$TMP/a.png"
  ok "the article's SVG names Microsoft and OpenAI" svg_ok "$TMP/a.svg" Microsoft OpenAI
  ok "the article's DOT is the same as render's on the RDF" sh -c '"$KGBUILD" render -o "$1/b.dot" "$1/a.ttl" && cmp -s "$1/a.dot" "$1/b.dot"' _ "$TMP"
else
  skip "kgbuild --png" "no example article"
fi

done_testing
