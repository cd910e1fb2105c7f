#!/bin/sh
# cli.sh - the kgbuild command as a product: help, version, bad options, bad inputs,
# every output format valid in rapper and N3.js, determinism, whole-or-nothing output.
. "$top_srcdir/tests/lib.sh"
D="$top_srcdir/tests/data/cli"

# --- help, version, usage errors
ok "--help exits 0 and documents the exit codes" sh -c '"$KGBUILD" --help | grep -q "Exit status"'
ok "--help names the environment variables" sh -c '"$KGBUILD" --help | grep -q "KGBUILD_CACHE_DIR" && "$KGBUILD" --help | grep -q "KGBUILD_DATA_DIR"'
ok "-h is --help" sh -c '"$KGBUILD" -h | grep -q "^Usage: kgbuild"'
ok "--version prints the version" sh -c '"$KGBUILD" --version | grep -Eq "^kgbuild [0-9]+\.[0-9]+"'
for bad in --no-such-option -Z "--format=xml2" "--lang=de" "--max-bytes=0" "--max-bytes=-5" \
           "--base=not-an-iri" "--base=http://x/a b" "--label-lang=es" "--max-nodes=abc"; do
  ok "bad option $bad exits 2 with a hint" exit_is 2 "$KGBUILD" "$bad" "$D/en-basic.txt"
done
ok "unknown --layout is a usage error before any work" exit_is 2 "$KGBUILD" --png "$TMP/x.png" --layout spiral "$D/en-basic.txt"
ok "bad --timeout exits 2" exit_is 2 "$KGBUILD" --timeout 0 "$D/en-basic.txt"
ok "option without its value exits 2" exit_is 2 "$KGBUILD" "$D/en-basic.txt" -o
ok "usage error names the option" stderr_has "unknown option '--no-such-option'" "$KGBUILD" --no-such-option "$D/en-basic.txt"

# --- bad inputs
ok "missing file: exit 1" exit_is 1 "$KGBUILD" "$TMP/nope.txt"
ok "missing file: one line naming it" sh -c '"$KGBUILD" "$1/nope.txt" 2>"$1/err" >/dev/null; [ "$(wc -l <"$1/err")" -eq 1 ] && grep -q "nope.txt: no such file" "$1/err"' _ "$TMP"
printf 'Zorbex Inc. invests in Quintal.\n' >"$TMP/unreadable.txt"; chmod 000 "$TMP/unreadable.txt"
if [ "$(id -u)" -ne 0 ]; then
  ok "unreadable file: exit 1" exit_is 1 "$KGBUILD" "$TMP/unreadable.txt"
  ok "unreadable file: named in the error" stderr_has "unreadable.txt: cannot read" "$KGBUILD" "$TMP/unreadable.txt"
else
  # root reads any mode; /proc/self/mem opens but every read at offset 0 fails (EIO)
  ok "unreadable file: exit 1" exit_is 1 "$KGBUILD" /proc/self/mem
  ok "unreadable file: named in the error" stderr_has "/proc/self/mem: cannot read" "$KGBUILD" /proc/self/mem
fi
mkdir -p "$TMP/empty/sub"; echo x >"$TMP/empty/sub/notes.md"
ok "directory with no articles: exit 1" exit_is 1 "$KGBUILD" "$TMP/empty"
ok "directory with no articles: says so" stderr_has "no articles" "$KGBUILD" "$TMP/empty"
ok "a missing file does not stop the others (exit 1, output kept)" sh -c '"$KGBUILD" "$1/nope.txt" "$2/en-basic.txt" >"$1/partial.ttl" 2>/dev/null; [ $? -eq 1 ] && grep -q "kgbuild/ns#Article\|kg:Article" "$1/partial.ttl"' _ "$TMP" "$D"
ok "--max-bytes ceiling: exit 1 with a clear error" stderr_has "larger than the --max-bytes" "$KGBUILD" --max-bytes 100 "$D/en-basic.txt"

# --- bad user data files: exit 4, one line naming the file and line
printf 'rule en:x-1 investsIn\n    @S:ORG invests in @O:ORG\nrule en:x-1 investsIn\n    @S:ORG backs @O:ORG\n' >"$TMP/dup.rules"
printf 'rule en:x-2 investsIn\n    @S:ORG invests in @O:NOSUCHTYPE\n' >"$TMP/badcap.rules"
printf '# kgbuild-lexicon: mentions en\nbogus\tx\n' >"$TMP/badkind.tsv"
# a mentions lexicon without its header line must not load silently as word classes
printf 'productcue\tgizmo\tafter\n' >"$TMP/nohead-cue.tsv"
for f in dup.rules:3 badcap.rules:1 badkind.tsv:2 nohead-cue.tsv:1; do  # a pattern error names its rule's line
  ok "bad --lexicon ${f%%:*}: exit 4" exit_is 4 "$KGBUILD" --lexicon "$TMP/${f%%:*}" "$D/en-basic.txt"
  ok "bad --lexicon ${f%%:*}: one line, FILE:LINE first" sh -c '"$KGBUILD" --lexicon "$1/${2%%:*}" "$3/en-basic.txt" 2>"$1/err" >/dev/null; [ "$(wc -l <"$1/err")" -eq 1 ] && grep -q "^kgbuild: error: $1/$2: " "$1/err"' _ "$TMP" "$f" "$D"
done
printf 'organization\tNo header here\n' >"$TMP/nohead.tsv"
ok "bad --gazetteer: one line, FILE:LINE first" sh -c '"$KGBUILD" --gazetteer "$1/nohead.tsv" "$2/en-basic.txt" 2>"$1/err" >/dev/null; [ $? -eq 4 ] && [ "$(wc -l <"$1/err")" -eq 1 ] && grep -q "^kgbuild: error: $1/nohead.tsv:1: " "$1/err"' _ "$TMP" "$D"

# --- bad shipped rules: a language's rules compile when its first article comes
mkdir -p "$TMP/data"; cp -R "$top_srcdir/ontology/." "$TMP/data/"
printf 'rule en:zz-1 investsIn\n' >>"$TMP/data/rules/en.rules"
printf 'Velmar SA a racheté la société Orvex en 2021.\n' >"$TMP/fr-only.txt"
ok "broken English rules do not stop a French article" sh -c 'KGBUILD_DATA_DIR="$1/data" "$KGBUILD" --lang auto "$1/fr-only.txt" | grep -q "kgbuild/ns#acquired\|kg:acquired"' _ "$TMP"
ok "broken English rules: an English article exits 4, one line FILE:LINE" sh -c 'KGBUILD_DATA_DIR="$1/data" "$KGBUILD" "$1/fr-only.txt" "$2/en-basic.txt" 2>"$1/err" >/dev/null; [ $? -eq 4 ] && [ "$(wc -l <"$1/err")" -eq 1 ] && grep -q "^kgbuild: error: $1/data/rules/en.rules:[0-9]*: " "$1/err"' _ "$TMP" "$D"
ok "broken English rules: -o is not written when an English article stops the run" sh -c 'KGBUILD_DATA_DIR="$1/data" "$KGBUILD" -q -o "$1/stopped.ttl" "$1/fr-only.txt" "$2/en-basic.txt" 2>/dev/null; [ $? -eq 4 ] && [ ! -e "$1/stopped.ttl" ]' _ "$TMP" "$D"
ok "broken English rules: --lang en fails at start, exit 4" exit_is 4 env KGBUILD_DATA_DIR="$TMP/data" "$KGBUILD" --lang en "$TMP/fr-only.txt"

# --- prepared language data: written by a first run into KGBUILD_CACHE_DIR, mapped by the
# next ones; whatever becomes of it, the output is the one the text files give
C="$TMP/prep"; X="$top_srcdir/tests/data/extract"
KGBUILD_CACHE_DIR=off "$KGBUILD" -q "$X" >"$TMP/text.ttl" 2>/dev/null
ok "the first run writes the prepared language data" sh -c 'KGBUILD_CACHE_DIR="$1" "$KGBUILD" -q "$2" >/dev/null && ls "$1"/data-*.kgp >/dev/null' _ "$C" "$D/en-basic.txt"
ok "a run from the prepared data says so under -v" sh -c 'KGBUILD_CACHE_DIR="$1" "$KGBUILD" -v "$2" 2>&1 >/dev/null | grep -q "language data mapped from $1/data-"' _ "$C" "$D/en-basic.txt"
ok "the prepared data gives the text files' output, byte for byte (425 articles)" sh -c 'KGBUILD_CACHE_DIR="$1" "$KGBUILD" -q "$2" >"$1.ttl" && [ -s "$3" ] && cmp "$1.ttl" "$3"' _ "$C" "$X" "$TMP/text.ttl"
ok "a damaged prepared file: the same output, nothing on stderr" sh -c 'for f in "$1"/data-*.kgp; do printf "damage" | dd of="$f" bs=1 seek=40000 conv=notrunc 2>/dev/null; done; KGBUILD_CACHE_DIR="$1" "$KGBUILD" -q "$2" >"$1.ttl" 2>"$1.err" && cmp "$1.ttl" "$3" && [ ! -s "$1.err" ]' _ "$C" "$X" "$TMP/text.ttl"
ok "a cache folder that cannot be made: the same output, nothing on stderr" sh -c 'KGBUILD_CACHE_DIR=/proc/kgbuild-cache "$KGBUILD" -q "$1" >"$2.ttl" 2>"$2.err" && cmp "$2.ttl" "$3" && [ ! -s "$2.err" ]' _ "$X" "$TMP/nocache" "$TMP/text.ttl"

# --- output errors
if [ -w /dev/full ]; then
  ok "output to /dev/full fails with exit 3" exit_is 3 sh -c '"$KGBUILD" "$1" >/dev/full' _ "$D/en-basic.txt"
  ok "-o /dev/full-like failure leaves no file" sh -c '! "$KGBUILD" -o "$1/no/such/dir/out.ttl" "$2" 2>/dev/null && [ ! -e "$1/no/such/dir/out.ttl" ]' _ "$TMP" "$D/en-basic.txt"
else
  skip "output to /dev/full" "no /dev/full"; skip "-o failure" "no /dev/full"
fi
ok "-o /dev/null writes in place and leaves the device a device" sh -c '"$KGBUILD" -q -o /dev/null "$1" && [ -c /dev/null ]' _ "$D/en-basic.txt"
ok "-o writes the file whole and leaves no temporary" sh -c '"$KGBUILD" -q -o "$1/o.ttl" "$2" && [ -s "$1/o.ttl" ] && [ "$(ls "$1" | grep -c "o.ttl.")" -eq 0 ]' _ "$TMP" "$D/en-basic.txt"
ok "a failed run does not replace an existing -o file" sh -c 'echo keep >"$1/k.ttl"; "$KGBUILD" -q -o "$1/k.ttl" "$1/none.txt"; [ "$(cat "$1/k.ttl")" = keep ]' _ "$TMP"

# --- every format parses in rapper and (turtle/ntriples/nquads) N3.js, on every test article
for f in "$D"/*.txt "$D"/*.html "$top_srcdir"/examples/*.txt; do
  for fmt in turtle ntriples nquads rdfxml json; do
    ok "$(basename "$f") as $fmt is valid" sh -c '"$KGBUILD" -q -f "$2" "$1" >"$3/out" && . "$top_srcdir/tests/lib.sh" && valid_rdf "$3/out" "$2"' _ "$f" "$fmt" "$TMP"
  done
done
ok "stdin is read when no file is given" sh -c '"$KGBUILD" -q -f ntriples <"$1" | grep -q "kgbuild/ns#Article"' _ "$D/en-basic.txt"
ok "- reads stdin" sh -c '"$KGBUILD" -q -f ntriples - <"$1" | grep -q "terms/source> \"-\""' _ "$D/en-basic.txt"
ok "--no-statements drops rdf:Statement nodes" sh -c '! "$KGBUILD" -q -f ntriples --no-statements "$1" | grep -q "22-rdf-syntax-ns#Statement"' _ "$top_srcdir/examples/microsoft-openai-2023-01.fr.txt"
ok "statements are there by default" sh -c '"$KGBUILD" -q -f ntriples "$1" | grep -q "22-rdf-syntax-ns#Statement"' _ "$top_srcdir/examples/microsoft-openai-2023-01.fr.txt"
ok "--base changes resource IRIs" sh -c '"$KGBUILD" -q -f ntriples --base https://example.org/kg/ "$1" | grep -q "<https://example.org/kg/article/"' _ "$D/en-basic.txt"
ok "no blank nodes in any output" sh -c '! "$KGBUILD" -q -f ntriples "$1"/*.txt | grep -q "_:"' _ "$D"
ok "invalid UTF-8 gives one warning naming file and byte" sh -c '"$KGBUILD" -f ntriples "$1" 2>"$2/w" >/dev/null; grep -c "hostile.txt: byte" "$2/w" | grep -qx 1' _ "$D/hostile.txt" "$TMP"
ok "-q silences warnings" sh -c '"$KGBUILD" -q "$1" 2>"$2/w" >/dev/null; [ ! -s "$2/w" ]' _ "$D/hostile.txt" "$TMP"
ok "HTML: script text is not extracted" sh -c '! "$KGBUILD" -q -f ntriples "$1" | grep -qi "evil"' _ "$D/page.html"
# libxml2's complaints about HTML5 tags reached stderr as errors through Raptor's handler
ok "HTML: HTML5 tags (nav, article) are no error" sh -c '"$KGBUILD" -f ntriples "$1" 2>"$2" >/dev/null && ! grep -qi "error" "$2"' _ "$D/page.html" "$TMP/html-err"
ok "HTML: title becomes schema:name" sh -c '"$KGBUILD" -q -f ntriples "$1" | grep -q "schema.org/name> \"Zorbex buys Quintal\""' _ "$D/page.html"
ok "nquads: triples in the article's named graph" sh -c '"$KGBUILD" -q -f nquads "$1" | grep -Eq "<https://w3id.org/kgbuild/id/article/[0-9a-f]{16}> \.$"' _ "$D/en-basic.txt"
ok "plain-text dateline gives the publisher" sh -c '"$KGBUILD" -q -f ntriples "$1" | grep -q "schema.org/publisher"' _ "$D/en-basic.txt"

# --- determinism
ok "same input, byte-identical output" sh -c '"$KGBUILD" -q "$1" >"$2/a1"; "$KGBUILD" -q "$1" >"$2/a2"; cmp "$2/a1" "$2/a2"' _ "$top_srcdir/examples/microsoft-openai-2023-01.fr.txt" "$TMP"
mkdir -p "$TMP/d1/b" "$TMP/d2/b"
cp "$D/en-basic.txt" "$TMP/d1/z.txt"; cp "$D/fr-bom.txt" "$TMP/d1/b/a.txt"; cp "$D/page.html" "$TMP/d1/m.html"
cp "$D/page.html" "$TMP/d2/m.html"; cp "$D/fr-bom.txt" "$TMP/d2/b/a.txt"; cp "$D/en-basic.txt" "$TMP/d2/z.txt"
ok "a directory gives the same output whatever the creation order" sh -c 'cd "$1/d1" && "$KGBUILD" -q -f nquads . >"$1/o1"; cd "$1/d2" && "$KGBUILD" -q -f nquads . >"$1/o2"; cmp "$1/o1" "$1/o2"' _ "$TMP"
ok "nquads of a corpus split in two equals the whole (as sets)" sh -c '"$KGBUILD" -q -f nquads "$2"/*.txt | sort >"$1/w"; for f in "$2"/*.txt; do "$KGBUILD" -q -f nquads "$f"; done | sort >"$1/s"; cmp "$1/w" "$1/s"' _ "$TMP" "$D"

# an organization known only by its capitals becomes a company when it is bought, makes
# products or competes; a political party that is merely named stays an organization
printf '%s\n' "Orbis Health said it had ended talks to buy Quenta Labs. Delmar Party won the vote." >"$TMP/roles.txt"
ok "roles type organizations" "$KGBUILD" -q -f ntriples -o "$TMP/roles.nt" "$TMP/roles.txt"
ok "a bought organization is a kg:Company" \
  grep -q '/org/quenta-labs> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Company>' "$TMP/roles.nt"
ok "a merely named organization is no kg:Company" \
  sh -c '! grep -q "/org/delmar-party> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Company>" "$1"' _ "$TMP/roles.nt"
done_testing
