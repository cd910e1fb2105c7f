#!/bin/sh
# url.sh - `kgbuild URL`: articles read over HTTP from the loopback fixture
# (tests/http-fixture.py): redirects, charsets, ceilings, timeouts, HTTP errors, schemes.
. "$top_srcdir/tests/lib.sh"

if ! command -v python3 >/dev/null 2>&1; then
  skip "articles from URLs" "python3 (for tests/http-fixture.py) is not installed"
  done_testing; exit $?
fi
python3 "$top_srcdir/tests/http-fixture.py" --port-file "$TMP/port" --lifetime 300 &
FIXTURE_PID=$!
trap 'kill $FIXTURE_PID 2>/dev/null; wait $FIXTURE_PID 2>/dev/null; rm -rf "$TMP"' EXIT
i=0
while [ ! -s "$TMP/port" ] && [ $i -lt 100 ]; do sleep 0.1; i=$((i + 1)); done
PORT=$(cat "$TMP/port" 2>/dev/null)
U="http://127.0.0.1:$PORT"

fetch_ok() { # URL OUT: exit 0 and parseable Turtle
  "$KGBUILD" "$1" >"$2" 2>"$TMP/err" || { cat "$TMP/err"; return 1; }
  valid_rdf "$2" turtle
}
ok "an HTML page becomes an article" fetch_ok "$U/article.html" "$TMP/a.ttl"
ok "schema:url names the page" grep -q "schema:url <$U/article.html>" "$TMP/a.ttl"
ok "the page's entities are extracted" grep -q 'Acme' "$TMP/a.ttl"
ok "a text/plain page is read as text" fetch_ok "$U/article.txt" "$TMP/t.ttl"

ok "redirects are followed" fetch_ok "$U/redirect/3" "$TMP/r.ttl"
ok "schema:url is where the page was finally read" grep -q "schema:url <$U/article.html>" "$TMP/r.ttl"
ok "a redirect loop fails with exit 1" exit_is 1 "$KGBUILD" "$U/loop"
ok "... naming the URL and the redirect limit" stderr_has "$U/loop: more than 5 redirects" "$KGBUILD" "$U/loop"
ok "a redirect to file:// is refused" stderr_has "to-file: refused: only http:// and https://" "$KGBUILD" "$U/to-file"
ok "a file:// argument is not read as a URL" exit_is 1 "$KGBUILD" "file:///etc/passwd"

ok "Latin-1 declared in the Content-Type header is decoded" fetch_ok "$U/latin1.html" "$TMP/l.ttl"
ok "... to UTF-8 names" grep -q 'Société Générale' "$TMP/l.ttl"
ok "Latin-1 declared only in <meta charset> is decoded" fetch_ok "$U/latin1-meta.html" "$TMP/m.ttl"
ok "... to UTF-8 names" grep -q 'Société Générale' "$TMP/m.ttl"
ok "a wrong charset in the header: bytes repaired, with a warning" \
  stderr_has "wrong-charset.html.*U\\+FFFD" "$KGBUILD" "$U/wrong-charset.html"
ok "... and the output still parses" fetch_ok "$U/wrong-charset.html" "$TMP/w.ttl"

ok "a body beyond --max-bytes is aborted (exit 1)" exit_is 1 "$KGBUILD" --max-bytes 1M "$U/huge"
ok "... with the ceiling in the message" stderr_has "huge: page larger than the ceiling of 1048576 bytes" \
  "$KGBUILD" --max-bytes 1M "$U/huge"
ok "a Content-Length beyond --max-bytes is refused" exit_is 1 "$KGBUILD" --max-bytes 1M "$U/huge-length"

ok "HTTP 404 fails with exit 1" exit_is 1 "$KGBUILD" "$U/status/404"
ok "... naming the URL and the status" stderr_has "$U/status/404: HTTP 404 Not Found" "$KGBUILD" "$U/status/404"
ok "a PDF is refused" stderr_has "not a text or HTML page \\(Content-Type application/pdf\\)" "$KGBUILD" "$U/pdf"
ok "a 503 then 200 is retried and read" fetch_ok "$U/flaky?key=url-sh&fail=1" "$TMP/f.ttl"
ok "a 401 fails with exit 1" stderr_has "auth: HTTP 401 Unauthorized" "$KGBUILD" "$U/auth"
ok "one bad URL does not stop the others" exit_is 1 "$KGBUILD" -o "$TMP/two.ttl" "$U/status/500" "$U/article.txt"
ok "... whose articles are written" grep -q 'Acme' "$TMP/two.ttl"

if "$KGBUILD" --help | grep -q -- '--timeout'; then
  ok "a body slower than --timeout fails" stderr_has "slow: timed out" "$KGBUILD" --timeout 1 "$U/slow"
else
  skip "a body slower than --timeout fails" "kgbuild extract has no --timeout option yet"
fi
done_testing
