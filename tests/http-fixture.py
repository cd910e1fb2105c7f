#!/usr/bin/env python3
"""http-fixture.py - a small HTTP server on 127.0.0.1 for kgbuild's URL and push tests.

Usage: http-fixture.py [--port-file FILE] [--lifetime SECONDS]
Binds a free loopback port, writes it (one line) to FILE or stdout, and serves until
SIGTERM, GET /quit, or the lifetime (default 300 s) runs out. Python stdlib only.

Pages (the state of /flaky and /busy is kept per ?key=, so tests do not interfere):
  /article.html         UTF-8 HTML news article          /article.txt   text/plain
  /latin1.html          Latin-1 bytes, charset in the Content-Type header only
  /latin1-meta.html     Latin-1 bytes, no charset in the header, <meta charset> in the page
  /wrong-charset.html   header says UTF-8, bytes are Latin-1
  /redirect/N           N redirects (302) then /article.html
  /loop                 redirects to itself forever
  /to-file              redirects to file:///etc/passwd
  /huge                 40 MiB of text without Content-Length (chunked)
  /huge-length          40 MiB announced by Content-Length
  /slow                 a few bytes, then one byte a second for 30 s
  /status/CODE          that status with a short text body
  /flaky?key=K&fail=N   503 for the first N requests with key K, then 200 (any method)
  /busy?key=K&after=S   429 with Retry-After: S for the first request with key K, then 200
  /closed               announces 100000 bytes, sends 100, closes the connection
  /auth                 401 (Basic realm) unless the credentials are kg:secret
  /pdf                  application/pdf
  /echo                 any method: 200, the request's method, headers and body as text
"""
import argparse
import base64
import os
import signal
import sys
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlsplit

ARTICLE_HTML = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Acme buys Widget Corp</title></head>
<body><article><h1>Acme buys Widget Corp</h1>
<p>NEW YORK (Reuters) - Acme Inc. agreed to acquire Widget Corp for $2 billion in 2023,
the companies said on Monday. Jane Doe, chief executive of Acme, said the deal would close
in March. Acme is headquartered in Chicago.</p></article></body></html>
"""
ARTICLE_TXT = ("Acme Inc. agreed to acquire Widget Corp for $2 billion in 2023. "
               "Jane Doe is the chief executive of Acme.\n")
LATIN1_TEXT = ("<html><head><title>Soci\u00e9t\u00e9 G\u00e9n\u00e9rale</title></head><body><p>"
               "PARIS (Reuters) - La Soci\u00e9t\u00e9 G\u00e9n\u00e9rale a acquis la soci\u00e9t\u00e9 "
               "Lyxor pour 1 milliard d'euros en 2021, a d\u00e9clar\u00e9 le groupe.</p></body></html>\n")

state_lock = threading.Lock()
counters = {}


def bump(key):
    with state_lock:
        counters[key] = counters.get(key, 0) + 1
        return counters[key]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "kgbuild-fixture/1"

    def log_message(self, fmt, *args):  # quiet: tests read stdout/stderr of kgbuild only
        pass

    def send_body(self, code, ctype, body, extra=()):
        self.send_response(code)
        if ctype:
            self.send_header("Content-Type", ctype)
        for k, v in extra:
            self.send_header(k, v)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def read_body(self):
        n = int(self.headers.get("Content-Length") or 0)
        return self.rfile.read(n) if n > 0 else b""

    def handle_any(self):
        u = urlsplit(self.path)
        q = {k: v[0] for k, v in parse_qs(u.query).items()}
        path = u.path
        body = self.read_body() if self.command in ("POST", "PUT") else b""
        if path == "/article.html":
            return self.send_body(200, "text/html; charset=utf-8", ARTICLE_HTML.encode())
        if path == "/article.txt":
            return self.send_body(200, "text/plain; charset=utf-8", ARTICLE_TXT.encode())
        if path == "/latin1.html":
            return self.send_body(200, "text/html; charset=ISO-8859-1", LATIN1_TEXT.encode("latin-1"))
        if path == "/latin1-meta.html":
            page = LATIN1_TEXT.replace("<head>", '<head><meta charset="iso-8859-1">', 1)
            return self.send_body(200, "text/html", page.encode("latin-1"))
        if path == "/wrong-charset.html":
            return self.send_body(200, "text/html; charset=utf-8", LATIN1_TEXT.encode("latin-1"))
        if path.startswith("/redirect/"):
            n = int(path.rsplit("/", 1)[1] or 0)
            loc = "/article.html" if n <= 1 else "/redirect/%d" % (n - 1)
            return self.send_body(302, "text/plain", b"moved\n", [("Location", loc)])
        if path == "/loop":
            return self.send_body(302, "text/plain", b"again\n", [("Location", "/loop")])
        if path == "/to-file":
            return self.send_body(302, "text/plain", b"x\n", [("Location", "file:///etc/passwd")])
        if path in ("/huge", "/huge-length"):
            return self.send_huge(path == "/huge-length")
        if path == "/slow":
            return self.send_slow()
        if path.startswith("/status/"):
            code = int(path.rsplit("/", 1)[1])
            return self.send_body(code, "text/plain", b"status %d from the fixture\n" % code)
        if path == "/flaky":
            n = bump("flaky:" + q.get("key", ""))
            if n <= int(q.get("fail", "1")):
                return self.send_body(503, "text/plain", b"try again later\n")
            return self.send_body(200, "text/plain; charset=utf-8", ARTICLE_TXT.encode())
        if path == "/busy":
            n = bump("busy:" + q.get("key", ""))
            if n == 1:
                return self.send_body(429, "text/plain", b"slow down\n",
                                      [("Retry-After", q.get("after", "1"))])
            return self.send_body(200, "text/plain; charset=utf-8", ARTICLE_TXT.encode())
        if path == "/closed":
            self.send_response(200)
            self.send_header("Content-Type", "text/plain")
            self.send_header("Content-Length", "100000")
            self.end_headers()
            self.wfile.write(b"x" * 100)
            self.wfile.flush()
            self.close_connection = True
            self.connection.shutdown(2)
            return None
        if path == "/auth":
            want = "Basic " + base64.b64encode(b"kg:secret").decode()
            if self.headers.get("Authorization") != want:
                return self.send_body(401, "text/plain", b"who are you?\n",
                                      [("WWW-Authenticate", 'Basic realm="fixture"')])
            return self.send_body(200, "text/plain; charset=utf-8", ARTICLE_TXT.encode())
        if path == "/pdf":
            return self.send_body(200, "application/pdf", b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
        if path == "/echo":
            head = "".join("%s: %s\n" % (k, v) for k, v in self.headers.items())
            text = ("%s %s\n%s\n" % (self.command, self.path, head)).encode() + body
            return self.send_body(200, "text/plain; charset=utf-8", text)
        if path == "/quit":
            self.send_body(200, "text/plain", b"bye\n")
            threading.Thread(target=self.server.shutdown, daemon=True).start()
            return None
        return self.send_body(404, "text/plain", b"no such page\n")

    def send_huge(self, with_length):
        total = 40 * 1024 * 1024
        block = (b"Acme Inc. bought Widget Corp. " * 2185)[:65536]
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        if with_length:
            self.send_header("Content-Length", str(total))
        else:
            self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        sent = 0
        try:
            while sent < total:
                if with_length:
                    self.wfile.write(block)
                else:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(block), block))
                sent += len(block)
            if not with_length:
                self.wfile.write(b"0\r\n\r\n")
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    def send_slow(self):
        self.send_response(200)
        self.send_header("Content-Type", "text/plain")
        self.send_header("Content-Length", "40")
        self.end_headers()
        try:
            self.wfile.write(b"Acme Inc.")
            self.wfile.flush()
            for _ in range(31):  # bounded: 31 s at most
                time.sleep(1)
                self.wfile.write(b" ")
                self.wfile.flush()
        except (BrokenPipeError, ConnectionResetError):
            pass
        self.close_connection = True

    do_GET = do_POST = do_PUT = do_DELETE = do_HEAD = handle_any


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--port-file")
    ap.add_argument("--lifetime", type=float, default=300)
    args = ap.parse_args()
    srv = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    port = srv.server_address[1]
    if args.port_file:
        tmp = args.port_file + ".tmp"
        with open(tmp, "w") as f:
            f.write("%d\n" % port)
        os.rename(tmp, args.port_file)
    else:
        sys.stdout.write("%d\n" % port)
        sys.stdout.flush()
    signal.signal(signal.SIGTERM, lambda *a: threading.Thread(target=srv.shutdown, daemon=True).start())
    timer = threading.Timer(args.lifetime, srv.shutdown)
    timer.daemon = True
    timer.start()
    try:
        srv.serve_forever(poll_interval=0.2)
    finally:
        srv.server_close()


if __name__ == "__main__":
    main()
