#!/bin/sh
# store.sh - kgbuild load / query / stats: the embedded store as a user meets it.
. "$top_srcdir/tests/lib.sh"
# Rasqal leaks every SELECT DISTINCT query (see tests/lsan-store.supp)
LSAN_OPTIONS="suppressions=$top_srcdir/tests/lsan-store.supp:print_suppressions=0:fast_unwind_on_malloc=0"; export LSAN_OPTIONS

D=$top_srcdir/tests/data/store
S=$TMP/store
P='PREFIX kg: <https://w3id.org/kgbuild/ns#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
PREFIX prov: <http://www.w3.org/ns/prov#>
'

stat_line() { "$KGBUILD" stats --store "$1" | awk -v k="$2" '$1 == k { print $2 }'; }

# --help / --version / bad options, for each subcommand
for cmd in load query stats; do
  ok "$cmd --help prints usage on stdout" sh -c "'$KGBUILD' $cmd --help | grep -q 'Usage: kgbuild $cmd'"
  ok "$cmd --version" sh -c "'$KGBUILD' $cmd --version | grep -q '^kgbuild [0-9]'"
  ok "$cmd: unknown option exits 2" exit_is 2 "$KGBUILD" $cmd --no-such-option
  ok "$cmd: unknown option explained" stderr_has "unknown option '--no-such-option'" "$KGBUILD" $cmd --no-such-option
  ok "$cmd: --store without value exits 2" exit_is 2 "$KGBUILD" $cmd --store
done
ok "load without input exits 2" exit_is 2 "$KGBUILD" load --store "$S"
ok "load --graph needs an IRI" exit_is 2 "$KGBUILD" load --store "$S" --graph 'not an iri' "$D/extra.ttl"
ok "query without a query exits 2" exit_is 2 "$KGBUILD" query --store "$S"
ok "query --results checks its value" exit_is 2 "$KGBUILD" query --store "$S" --results xml 'ASK {}'
ok "stats takes no argument" exit_is 2 "$KGBUILD" stats "$S"

# a missing store is an error for query and stats, and is not created
ok "query on a missing store exits 5" exit_is 5 "$KGBUILD" query --store "$S" 'ASK { ?s ?p ?o }'
ok "query on a missing store says so" stderr_has "$S: no such store" "$KGBUILD" query --store "$S" 'ASK { ?s ?p ?o }'
ok "stats on a missing store exits 5" exit_is 5 "$KGBUILD" stats --store "$S"
ok "the missing store was not created" test ! -e "$S"

# RDF files: N-Quads keep their graphs, Turtle goes to its file's graph
ok "load N-Quads and Turtle" "$KGBUILD" load -q --store "$S" "$D/sample.nq" "$D/extra.ttl"
ok "stats: 3 graphs" test "$(stat_line "$S" graphs)" = 3
ok "stats: 2 articles" test "$(stat_line "$S" articles)" = 2
ok "stats: 104 triples" test "$(stat_line "$S" triples)" = 104
ok "stats: facts per relation" sh -c "'$KGBUILD' stats --store '$S' | grep -Eq '^  investsIn +3\$'"
ok "reload replaces, never duplicates" "$KGBUILD" load --store "$S" "$D/sample.nq" "$D/extra.ttl"
ok "stats: still 104 triples" test "$(stat_line "$S" triples)" = 104
ok "the Turtle graph is named after the file" sh -c "'$KGBUILD' query --store '$S' -r tsv 'SELECT DISTINCT ?g WHERE { GRAPH ?g { ?s ?p ?o } } ORDER BY ?g' | grep -qx '<file://$(cd "$D" && pwd)/extra.ttl>'"
ok "--graph names the graph" "$KGBUILD" load --store "$S" --graph http://example.org/g "$D/extra.ttl"
ok "stats: 4 graphs" test "$(stat_line "$S" graphs)" = 4

# the analyst queries of doc/store.md, on the sample
q() { "$KGBUILD" query --store "$S" -r csv "$P$1" > "$TMP/q.csv" 2>"$TMP/q.err" && printf "$2" | cmp -s - "$TMP/q.csv" || { echo "got:"; cat "$TMP/q.csv" "$TMP/q.err"; return 1; }; }
ok "who invested in Anthropic" q 'SELECT DISTINCT ?investor ?name WHERE { ?target rdfs:label "Anthropic"@en . ?investor kg:investsIn ?target ; rdfs:label ?name } ORDER BY ?name' \
  'investor,name\r\nhttps://w3id.org/kgbuild/id/org/amazon,Amazon\r\nhttps://w3id.org/kgbuild/id/org/google,Google\r\n'
ok "Microsoft's subsidiaries" q 'SELECT DISTINCT ?name WHERE { ?parent rdfs:label "Microsoft"@en . ?sub kg:subsidiaryOf ?parent ; rdfs:label ?name } ORDER BY ?name' \
  'name\r\nGitHub\r\nLinkedIn\r\n'
ok "deals by status" q 'SELECT ?status (COUNT(?st) AS ?deals) WHERE { ?st a rdf:Statement ; rdf:predicate ?rel ; kg:status ?status . FILTER(?rel IN (kg:acquired, kg:investsIn)) } GROUP BY ?status ORDER BY DESC(?deals) ?status' \
  'status,deals\r\nhttps://w3id.org/kgbuild/ns#Announced,2\r\nhttps://w3id.org/kgbuild/ns#Completed,2\r\nhttps://w3id.org/kgbuild/ns#Rumored,1\r\n'
ok "facts with their evidence (quotes and commas quoted)" q 'SELECT ?object ?evidence WHERE { ?st rdf:subject ?s ; rdf:predicate kg:investsIn ; rdf:object ?o ; kg:evidence ?evidence . ?s rdfs:label "Microsoft"@en . ?o rdfs:label ?object . FILTER(lang(?evidence) = "en") }' \
  'object,evidence\r\nOpenAI,"Microsoft said it would invest ""billions"", people familiar with the matter said."\r\n'
ok "which articles mention OpenAI" q 'SELECT ?article WHERE { GRAPH ?article { ?x rdfs:label "OpenAI"@en } }' \
  'article\r\nhttps://w3id.org/kgbuild/id/article/00000000000000a2\r\n'

# result formats
ok "TSV: terms in Turtle syntax, tabs escaped" sh -c "'$KGBUILD' query --store '$S' -r tsv 'SELECT ?n WHERE { <http://example.org/widget> <http://example.org/note> ?n }' | grep -qxF '\"line one\\nline two\\ttabbed\"'"
ok "TSV: language tags" sh -c "'$KGBUILD' query --store '$S' -r tsv 'SELECT ?l WHERE { <http://example.org/widget> <http://www.w3.org/2000/01/rdf-schema#label> ?l } ORDER BY ?l' | grep -qxF '\"Gadget Ω\"@fr'"
ok "JSON results parse" sh -c "'$KGBUILD' query --store '$S' -r json 'SELECT * WHERE { ?s ?p ?o }' > '$TMP/r.json' && '${NODE:-node}' -e 'const r=JSON.parse(require(\"fs\").readFileSync(process.argv[1],\"utf8\")); if (r.results.bindings.length !== 106 || r.head.vars.length !== 3) process.exit(1)' '$TMP/r.json'"
ok "table on request" sh -c "'$KGBUILD' query --store '$S' -r table '${P}SELECT ?s WHERE { ?s a kg:Article }' | grep -q '(2 rows)'"
ok "ASK prints true" sh -c "test \"\$('$KGBUILD' query --store '$S' 'ASK { ?s ?p ?o }')\" = true"
ok "CONSTRUCT prints Turtle" sh -c "'$KGBUILD' query --store '$S' '${P}CONSTRUCT { ?t kg:fundedBy ?m } WHERE { ?m kg:investsIn ?t }' > '$TMP/c.ttl'"
if [ -n "$RAPPER" ]; then
  ok "CONSTRUCT output is valid Turtle with 3 triples" sh -c "'$RAPPER' -i turtle -c '$TMP/c.ttl' https://example.org/ 2>&1 | grep -q 'returned 3 triples'"
else
  skip "CONSTRUCT output is valid Turtle" "rapper not installed"
fi
ok "query -F reads the query from a file" sh -c "printf '%s' 'ASK { ?s ?p ?o }' > '$TMP/q.rq' && '$KGBUILD' query --store '$S' -F '$TMP/q.rq' | grep -qx true"
ok "query -o writes a file" sh -c "'$KGBUILD' query --store '$S' -o '$TMP/out.tsv' 'SELECT ?s WHERE { ?s ?p ?o } LIMIT 1' && test \"\$(wc -l < '$TMP/out.tsv')\" -eq 2"

# bad queries
ok "a syntax error exits 2" exit_is 2 "$KGBUILD" query --store "$S" 'SELEKT ?x WHERE { ?x ?p ?o }'
ok "a syntax error is one clear line" sh -c "'$KGBUILD' query --store '$S' 'SELECT ?x WHERE { ?x ?p ' 2>'$TMP/e'; test \$(wc -l < '$TMP/e') -eq 1 && grep -q 'SPARQL syntax error at line 1' '$TMP/e'"
ok "updates are refused with exit 2" exit_is 2 "$KGBUILD" query --store "$S" 'INSERT DATA { <a> <b> <c> }'
ok "DESCRIBE is refused with exit 2" exit_is 2 "$KGBUILD" query --store "$S" 'DESCRIBE <http://example.org/widget>'
ok "a missing query file exits 1" exit_is 1 "$KGBUILD" query --store "$S" -F "$TMP/none.rq"

# articles: one graph per article, reloading replaces it
ok "load an article" "$KGBUILD" load -q --store "$TMP/a" "$D/article.txt"
n1=$(stat_line "$TMP/a" triples)
ok "the article gave triples" test "${n1:-0}" -gt 0
ok "stats: 1 article" test "$(stat_line "$TMP/a" articles)" = 1
ok "load the article again" "$KGBUILD" load -q --store "$TMP/a" "$D/article.txt"
ok "same triple count after reloading" test "$(stat_line "$TMP/a" triples)" = "$n1"
ok "the article graph is its kg:Article" sh -c "'$KGBUILD' query --store '$TMP/a' -r tsv '${P}SELECT ?g WHERE { GRAPH ?g { ?g a kg:Article } }' | grep -q '^<https://w3id.org/kgbuild/id/article/'"
ok "a missing input exits 1" exit_is 1 "$KGBUILD" load -q --store "$TMP/a" "$TMP/none.txt"
ok "a broken RDF file exits 1" sh -c "printf '<a> <b> .\n' > '$TMP/bad.nt'; '$KGBUILD' load -q --store '$TMP/a' '$TMP/bad.nt'; test \$? -eq 1"

# store failures
mkdir -p "$TMP/foreign" && echo mine > "$TMP/foreign/notes.txt"
ok "load refuses a directory that is not a store (exit 5)" exit_is 5 "$KGBUILD" load --store "$TMP/foreign" "$D/extra.ttl"
ok "... and leaves it alone" test "$(ls "$TMP/foreign")" = notes.txt
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$TMP/ro" && chmod 555 "$TMP/ro"
  ok "an unwritable place exits 5" exit_is 5 "$KGBUILD" load --store "$TMP/ro/s" "$D/extra.ttl"
  chmod 755 "$TMP/ro"
else
  skip "an unwritable place exits 5" "running as root"
fi
cp -r "$S" "$TMP/damaged"
head -c 20000 /dev/urandom > "$TMP/damaged/kgbuild-sp2o.db"
ok "a damaged store exits 5" exit_is 5 "$KGBUILD" stats --store "$TMP/damaged"
ok "a damaged store is one clear message, no Berkeley DB noise" sh -c "'$KGBUILD' stats --store '$TMP/damaged' 2>'$TMP/e'; test \$(wc -l < '$TMP/e') -eq 1 && grep -q 'cannot open the store' '$TMP/e'"
# a writer excludes everyone else: hold the lock the way a running load does
if command -v flock >/dev/null 2>&1; then
  ok "a store in use is a clear error (exit 5)" sh -c "flock -x '$S/kgstore.info' sh -c \"'$KGBUILD' stats --store '$S' 2>'$TMP/e'; test \\\$? -eq 5\" && grep -q 'in use by another kgbuild process' '$TMP/e'"
else
  skip "a store in use is a clear error" "flock(1) not installed"
fi
ok "writing to a full disk is an error (exit 3)" sh -c "'$KGBUILD' query --store '$S' 'SELECT * WHERE { ?s ?p ?o }' > /dev/full; test \$? -eq 3"

done_testing
