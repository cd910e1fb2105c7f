#!/bin/sh
# push.sh - `kgbuild push` against a real Virtuoso 7 on loopback (tests/virtuoso-server,
# one server for the whole file, stopped on exit). Skipped only without virtuoso-t.
. "$top_srcdir/tests/lib.sh"

: "${VIRTUOSO_T:=$(command -v virtuoso-t || echo /usr/lib/virtuoso-opensource-7/bin/virtuoso-t)}"
if [ ! -x "$VIRTUOSO_T" ] || ! command -v python3 >/dev/null 2>&1; then
  skip "push to a SPARQL server" "virtuoso-t (virtuoso-opensource-7-bin) or python3 not installed"
  done_testing; exit $?
fi
export VIRTUOSO_T
VSRV="$top_srcdir/tests/virtuoso-server"
VDIR="$TMP/virtuoso"
trap 'bash "$VSRV" stop --dir "$VDIR" >/dev/null 2>&1; rm -rf "$TMP"' EXIT
if ! bash "$VSRV" start --dir "$VDIR" >"$TMP/vts.env" 2>"$TMP/vts.log"; then
  cat "$TMP/vts.log" | sed 's/^/# /'
  ok "a Virtuoso test server starts" false
  done_testing; exit $?
fi
. "$TMP/vts.env"
E=$SPARQL_ENDPOINT
unset KGBUILD_USER KGBUILD_PASSWORD

# count GRAPH: triples in GRAPH, by a SPARQL COUNT on the server
count() {
  python3 - "$E" "$1" <<'PY'
import sys, urllib.parse, urllib.request
q = "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }" % sys.argv[2]
req = urllib.request.Request(sys.argv[1] + "?" + urllib.parse.urlencode({"query": q}),
                             headers={"Accept": "text/csv"})
print(urllib.request.urlopen(req, timeout=60).read().decode().split()[1].strip('"'))
PY
}
count_is() { # GRAPH N
  got=$(count "$1") || return 1
  [ "$got" = "$2" ] || { echo "COUNT of <$1> is $got, expected $2"; return 1; }
}
# the article IRI and number of distinct triples kgbuild makes of FILE
article_iri() { "$KGBUILD" -f ntriples "$1" | sed -n 's|^<\([^>]*/article/[0-9a-f]*\)> <http://www.w3.org/1999/02/22-rdf-syntax-ns#type> <https://w3id.org/kgbuild/ns#Article> .*|\1|p' | head -1; }
ntriples_count() { "$KGBUILD" -f ntriples "$1" | sort -u | grep -c .; }
staging_of() { printf 'urn:kgbuild:staging:%s' "$(printf '%s' "$1" | sha256sum | cut -c1-32)"; }

cat >"$TMP/a1.txt" <<'TXT'
Acme Inc. agreed to acquire Widget Corp for $2 billion in 2023, the companies said on Monday.
Jane Doe, chief executive of Acme, said the deal would close in March.
TXT
cat >"$TMP/a2.txt" <<'TXT'
PARIS (Reuters) - La Société Générale a acquis la société Lyxor pour 1 milliard d'euros en 2021.
TXT
cat >"$TMP/a3.txt" <<'TXT'
Globex Corporation invested $500 million in Initech in 2022, Globex said.
TXT
G1=$(article_iri "$TMP/a1.txt"); N1=$(ntriples_count "$TMP/a1.txt")
G2=$(article_iri "$TMP/a2.txt"); N2=$(ntriples_count "$TMP/a2.txt")
cat >"$TMP/a4.txt" <<'TXT'
Umbrella Corp hired John Smith as chief financial officer in 2020.
TXT
G4=$(article_iri "$TMP/a4.txt")

# 1. A graph over the chunk size, first, while the store is small: staging + MOVE.
awk 'BEGIN { for (i = 0; i < 120000; i++)
  printf "<http://example.org/e/%d> <http://example.org/p%d> \"value %d \\\"quoted\\\" caf\\u00E9\"@fr .\n", i, i % 7, i }' \
  >"$TMP/big.nt"
ok "a 120000-triple graph is pushed in chunks (exit 0)" \
  "$KGBUILD" push -q --timeout 900 --endpoint "$E" --graph urn:kgbuild:test:big "$TMP/big.nt"
ok "... and lands whole: COUNT is 120000" count_is urn:kgbuild:test:big 120000
ok "... with no staging graph left behind" count_is "$(staging_of urn:kgbuild:test:big)" 0

# 2. Articles through the Graph Store endpoint derived from /sparql.
ok "an article is pushed (exit 0)" "$KGBUILD" push --endpoint "$E" "$TMP/a1.txt"
ok "... its graph holds every triple kgbuild writes for it" count_is "$G1" "$N1"
ok "the summary line says what landed" \
  stderr_has "push: 1 of 1 graph landed \\($N1 triples\\)" "$KGBUILD" push --endpoint "$E" "$TMP/a1.txt"
ok "a re-push replaces: same COUNT" count_is "$G1" "$N1"
ok "-q drops the summary" sh -c '! "$1" push -q --endpoint "$2" "$3" 2>&1 | grep -q .' sh "$KGBUILD" "$E" "$TMP/a1.txt"
mkdir "$TMP/dir" && cp "$TMP/a2.txt" "$TMP/a3.txt" "$TMP/dir/"
ok "a directory pushes one graph per article" \
  stderr_has "push: 2 of 2 graphs landed" "$KGBUILD" push --endpoint "$E" "$TMP/dir"
ok "... each in its own graph" count_is "$G2" "$N2"

# 3. SPARQL Update only: DROP + INSERT DATA, several requests through staging + MOVE.
head -3000 "$TMP/big.nt" >"$TMP/3k.nt"
ok "--update sends INSERT DATA in chunks (exit 0)" \
  "$KGBUILD" push -q --update "$E" --chunk-size 1000 --graph urn:kgbuild:test:upd "$TMP/3k.nt"
ok "... and the graph holds all 3000" count_is urn:kgbuild:test:upd 3000
head -10 "$TMP/big.nt" >"$TMP/10.nt"
ok "--update re-push of a smaller graph, in one request (exit 0)" \
  "$KGBUILD" push -q --update "$E" --graph urn:kgbuild:test:upd "$TMP/10.nt"
ok "... leaves exactly the new triples" count_is urn:kgbuild:test:upd 10
ok "an N-Quads file pushes each of its graphs" sh -c '
  sed "s| \\.\$| <urn:kgbuild:test:q1> .|" "$1" >"$2"; "$3" push -q --endpoint "$4" "$2"' \
  sh "$TMP/10.nt" "$TMP/q.nq" "$KGBUILD" "$E"
ok "... into the graph it names" count_is urn:kgbuild:test:q1 10

# 4. Authentication: the digest endpoints.
wrong_pw() { KGBUILD_USER=dba KGBUILD_PASSWORD=wrong "$KGBUILD" "$@"; }
right_pw() { KGBUILD_USER=dba KGBUILD_PASSWORD=dba "$KGBUILD" "$@"; }
count_positive() { got=$(count "$1") && [ "$got" -gt 0 ]; }
ok "a wrong password is refused with exit 5" exit_is 5 wrong_pw push --endpoint "$E-auth" "$TMP/a4.txt"
ok "... saying the server refused it" \
  stderr_has "a4.txt: not pushed .*authentication refused" wrong_pw push --endpoint "$E-auth" "$TMP/a4.txt"
ok "... and nothing landed" count_is "$G4" 0
ok "the right password (digest) lands the graph" \
  right_pw push -q --auth digest --endpoint "$E-auth" "$TMP/a4.txt"
ok "... COUNT > 0" count_positive "$G4"
ok "--user without a terminal fails without asking (exit 2)" \
  exit_is 2 setsid -w "$KGBUILD" push --user dba --endpoint "$E-auth" "$TMP/a4.txt"
ok "--user NAME:PASSWORD is refused (exit 2)" \
  exit_is 2 "$KGBUILD" push --user dba:dba --endpoint "$E-auth" "$TMP/a4.txt"
printf 'machine 127.0.0.1 login dba password dba\n' >"$TMP/netrc"
ok "--netrc-file supplies the credentials" \
  "$KGBUILD" push -q --netrc-file "$TMP/netrc" --endpoint "$E-auth" "$TMP/a4.txt"

# 5. Usage.
ok "no endpoint is a usage error" exit_is 2 "$KGBUILD" push "$TMP/a1.txt"
ok "an endpoint that is not /sparql needs --graph-store or --update" \
  stderr_has "give --graph-store URL or --update URL" "$KGBUILD" push --endpoint "http://127.0.0.1:$VTS_HTTP_PORT/query" "$TMP/a1.txt"
ok "--graph with an article is a usage error" exit_is 2 "$KGBUILD" push --endpoint "$E" --graph urn:x "$TMP/a1.txt"
ok "a missing file is reported before any request (exit 1)" exit_is 1 "$KGBUILD" push --endpoint "$E" "$TMP/none.txt"

# 6. A stopped server: clear error, exit 5, no partial graph.
bash "$VSRV" stop --dir "$VDIR" >/dev/null 2>&1
ok "a stopped server gives exit 5" exit_is 5 "$KGBUILD" push --retries 0 --endpoint "$E" "$TMP/a2.txt"
ok "... naming the article and the failure" \
  stderr_has "a2.txt: not pushed \\(graph <$G2>\\)" "$KGBUILD" push --retries 0 --endpoint "$E" "$TMP/a2.txt"
ok "without --continue the first failure stops the run" sh -c '
  "$1" push --retries 0 --endpoint "$2" "$3" "$4" 2>&1 | grep -c "not pushed" | grep -qx 1' \
  sh "$KGBUILD" "$E" "$TMP/a2.txt" "$TMP/a3.txt"
ok "with --continue every failure is reported" sh -c '
  "$1" push --continue --retries 0 --endpoint "$2" "$3" "$4" 2>&1 | grep -c "not pushed" | grep -qx 2' \
  sh "$KGBUILD" "$E" "$TMP/a2.txt" "$TMP/a3.txt"
ok "a big graph to a stopped server fails too (exit 5)" \
  exit_is 5 "$KGBUILD" push --retries 0 --endpoint "$E" --graph urn:kgbuild:test:big2 "$TMP/big.nt"
if bash "$VSRV" start --dir "$VDIR" --sql-port "$VTS_SQL_PORT" --http-port "$VTS_HTTP_PORT" >/dev/null 2>&1; then
  ok "after restarting: the failed big graph left nothing" count_is urn:kgbuild:test:big2 0
  ok "... and the landed graphs are still whole" count_is urn:kgbuild:test:big 120000
else
  skip "after restarting: the failed big graph left nothing" "the server did not restart on its ports"
  skip "... and the landed graphs are still whole" "the server did not restart on its ports"
fi
done_testing
