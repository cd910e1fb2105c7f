/*
 * fetch.c - articles read from http(s) URLs.
 *
 * Choices:
 * - The transport's Content-Type decides HTML or text and gives the charset; ingest
 *   falls back to the page's own <meta charset> only when the header names none (a
 *   header is what the browser obeys too).
 * - Content types that are not text (PDF, images, archives) are refused rather than fed
 *   to the extractor as garbage; application/octet-stream and a missing type are sniffed.
 * - A URL with characters that cannot appear in an IRI is refused before any request:
 *   it would become schema:url in the output.
 */
#include "config.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "net/net.h"

int kg_is_url(const char *s) {
  if (!s)
    return 0;
  size_t n = strncasecmp(s, "http://", 7) == 0 ? 7 : strncasecmp(s, "https://", 8) == 0 ? 8 : 0;
  return n && s[n] && s[n] != '/';
}

/* The bytes a URL may not contain if it is to be written as an IRI. */
static int kgi_url_chars_ok(const char *url, char *bad) {
  for (const unsigned char *c = (const unsigned char *)url; *c; c++) {
    if (*c <= 0x20 || *c == 0x7f || strchr("<>\"{}|\\^`", *c)) {
      *bad = (char)*c;
      return 0;
    }
  }
  return 1;
}

/* "text/html; charset=ISO-8859-1" -> mime "text/html", charset "ISO-8859-1" */
static void kgi_parse_content_type(const char *ct, char *mime, size_t mn, char *cs, size_t cn) {
  size_t i = 0;
  mime[0] = cs[0] = '\0';
  if (!ct)
    return;
  while (*ct == ' ')
    ct++;
  for (; *ct && *ct != ';' && *ct != ' ' && i + 1 < mn; ct++)
    mime[i++] = (char)tolower((unsigned char)*ct);
  mime[i] = '\0';
  const char *p = ct;
  while ((p = strchr(p, ';')) != NULL) {
    p++;
    while (*p == ' ' || *p == '\t')
      p++;
    if (strncasecmp(p, "charset=", 8) != 0)
      continue;
    p += 8;
    int quoted = *p == '"';
    if (quoted)
      p++;
    i = 0;
    while (*p && i + 1 < cn && (quoted ? *p != '"' : (*p != ';' && *p != ' ' && *p != '\t')))
      cs[i++] = *p++;
    cs[i] = '\0';
    return;
  }
}

KgStatus kg_http_fetch_article(const char *url, const KgIngestOptions *opts, const KgLog *log,
                               KgArticle **out) {
  return kg_http_fetch_article_ex(url, opts, NULL, log, out);
}

KgStatus kg_http_fetch_article_ex(const char *url, const KgIngestOptions *opts,
                                  const KgHttpOptions *http, const KgLog *log,
                                  KgArticle **out) {
  KgiHttpResponse resp;
  KgIngestOptions io = {KG_DEFAULT_MAX_BYTES, KG_INPUT_AUTO};
  KgArticle *a = NULL;
  char desc[320], mime[96], charset[64], bad;
  KgStatus st;

  if (!out)
    return KG_ERR_BAD_ARG;
  *out = NULL;
  if (!url)
    return KG_ERR_BAD_ARG;
  if (opts)
    io = *opts;
  if (!io.max_bytes)
    io.max_bytes = KG_DEFAULT_MAX_BYTES;
  if (!kg_is_url(url)) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_UNSUPPORTED, url, -1,
            "only http:// and https:// URLs are read");
    return strstr(url, "://") ? KG_ERR_UNSUPPORTED : KG_ERR_BAD_ARG;
  }
  if (!kgi_url_chars_ok(url, &bad)) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_BAD_ARG, url, -1,
            "not a valid URL: byte 0x%02x is not allowed (percent-encode it)",
            (unsigned)(unsigned char)bad);
    return KG_ERR_BAD_ARG;
  }

  KgiHttpRequest req = {"GET", url, NULL,
                        "text/html, application/xhtml+xml;q=0.9, text/plain;q=0.8, */*;q=0.1",
                        NULL, 0, io.max_bytes, 1};
  kgi_http_response_init(&resp);
  st = kgi_http_send(&req, http, log, url, &resp);
  if (st != KG_SUCCESS) {
    if (st == KG_ERR_TOO_LARGE)
      kgi_log(log, KG_LOG_ERROR, st, url, -1, "page larger than the ceiling of %zu bytes",
              io.max_bytes);
    else
      kgi_log(log, KG_LOG_ERROR, st, url, -1, "%s", kgi_http_describe(&resp, desc, sizeof desc));
    goto out;
  }

  kgi_parse_content_type(resp.content_type, mime, sizeof mime, charset, sizeof charset);
  if (io.kind == KG_INPUT_AUTO) {
    if (strcmp(mime, "text/html") == 0 || strcmp(mime, "application/xhtml+xml") == 0)
      io.kind = KG_INPUT_HTML;
    else if (strcmp(mime, "text/plain") == 0)
      io.kind = KG_INPUT_TEXT;
    else if (mime[0] && strncmp(mime, "text/", 5) != 0 &&
             strcmp(mime, "application/octet-stream") != 0) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_UNSUPPORTED, url, -1,
              "not a text or HTML page (Content-Type %s)", mime);
      st = KG_ERR_UNSUPPORTED;
      goto out;
    }
  }
  st = kg_ingest_bytes(resp.body, resp.body_len, url, charset[0] ? charset : NULL, &io, log, &a);
  if (st != KG_SUCCESS)
    goto out;
  st = kg_article_set_meta(a, KG_META_URL, resp.effective_url ? resp.effective_url : url);
  if (st != KG_SUCCESS)
    goto out;
  if (resp.redirects)
    kgi_log(log, KG_LOG_INFO, KG_SUCCESS, url, -1, "read from %s after %ld redirect%s",
            resp.effective_url ? resp.effective_url : url, resp.redirects,
            resp.redirects == 1 ? "" : "s");
  *out = a;
  a = NULL;

out:
  kg_article_free(a);
  kgi_http_response_free(&resp);
  return st;
}
