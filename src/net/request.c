/*
 * request.c - the retry policy over single HTTP attempts, and the small helpers every
 * user of the transport needs (defaults, URL-encoding, one-line descriptions).
 *
 * Choices:
 * - Retried: 408, 429, 5xx, timeouts, connections reset or closed mid-body: a later try
 *   may succeed. Never retried: other 4xx (the same request gets the same answer), a
 *   refused connection (nothing is listening; curl's --retry takes the same view), TLS
 *   and DNS failures.
 * - Backoff doubles from retry_delay_ms, capped at 30 s; a Retry-After replaces it, but
 *   one longer than max_retry_after_s ends the attempts instead of blocking for hours.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "net/net.h"

#define KGI_MAX_BACKOFF_MS 30000L

void kg_http_options_init(KgHttpOptions *o) {
  if (!o)
    return;
  memset(o, 0, sizeof *o);
  o->connect_timeout_ms = 10000;
  o->timeout_ms = 60000;
  o->retries = 2;
  o->retry_delay_ms = 1000;
  o->max_retry_after_s = 60;
  o->max_redirects = 5;
  o->auth = KG_HTTP_AUTH_ANY;
}

void kgi_http_resolve(const KgHttpOptions *o, KgHttpOptions *out) {
  static char agent[64];
  if (!agent[0])
    snprintf(agent, sizeof agent, "kgbuild/%s (+https://w3id.org/kgbuild)", kg_version());
  if (o)
    *out = *o;
  else
    kg_http_options_init(out);
  if (out->connect_timeout_ms <= 0)
    out->connect_timeout_ms = 10000;
  if (out->timeout_ms <= 0)
    out->timeout_ms = 60000;
  if (out->retries < 0)
    out->retries = 2;
  if (out->retry_delay_ms <= 0)
    out->retry_delay_ms = 1000;
  if (out->max_retry_after_s <= 0)
    out->max_retry_after_s = 60;
  if (out->max_redirects < 0)
    out->max_redirects = 5;
  if (!out->user_agent)
    out->user_agent = agent;
}

void kgi_http_response_init(KgiHttpResponse *r) {
  memset(r, 0, sizeof *r);
  r->retry_after_s = -1;
}

void kgi_http_response_free(KgiHttpResponse *r) {
  if (!r)
    return;
  kg_free(r->reason);
  kg_free(r->content_type);
  kg_free(r->effective_url);
  kg_free(r->body);
  kgi_http_response_init(r);
}

char *kgi_http_escape(const char *s) {
  static const char hex[] = "0123456789ABCDEF";
  size_t n = strlen(s);
  if (n > ((size_t)-1 - 1) / 3)
    return NULL;
  char *out = kg_malloc(n * 3 + 1), *p = out;
  if (!out)
    return NULL;
  for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
    if ((*c >= 'A' && *c <= 'Z') || (*c >= 'a' && *c <= 'z') || (*c >= '0' && *c <= '9') ||
        *c == '-' || *c == '.' || *c == '_' || *c == '~') {
      *p++ = (char)*c;
    } else {
      *p++ = '%';
      *p++ = hex[*c >> 4];
      *p++ = hex[*c & 15];
    }
  }
  *p = '\0';
  return out;
}

int kgi_http_status_transient(long status) {
  return status == 408 || status == 429 || (status >= 500 && status <= 599);
}

void kgi_sleep_ms(long ms) {
  if (ms <= 0)
    return;
  struct timespec ts = {ms / 1000, (ms % 1000) * 1000000L};
  /* bounded: each EINTR resumes with what is left, which only shrinks */
  while (nanosleep(&ts, &ts) != 0 && errno == EINTR)
    ;
}

const char *kgi_http_describe(const KgiHttpResponse *r, char *buf, size_t n) {
  if (!r->status) {
    snprintf(buf, n, "%s", r->error[0] ? r->error : "no answer");
    return buf;
  }
  /* the first non-blank line of an error body: servers put the reason there
   * (Virtuoso: "Virtuoso 37000 Error SP030: ...") */
  char first[200] = "";
  if (r->status >= 400 && r->body && r->body_len) {
    const char *p = r->body, *end = r->body + r->body_len;
    while (p < end && (*p == '\n' || *p == '\r' || *p == ' ' || *p == '\t'))
      p++;
    const char *e = p;
    while (e < end && *e != '\n' && *e != '\r')
      e++;
    size_t len = (size_t)(e - p);
    /* an HTML error page says nothing useful in its first line */
    if (len && *p != '<') {
      if (len >= sizeof first)
        len = sizeof first - 1;
      memcpy(first, p, len);
      first[len] = '\0';
      for (char *c = first; *c; c++)
        if ((unsigned char)*c < 0x20)
          *c = ' ';
    }
  }
  snprintf(buf, n, "HTTP %ld%s%s%s%s", r->status, r->reason ? " " : "", r->reason ? r->reason : "",
           first[0] ? ": " : "", first);
  return buf;
}

KgStatus kgi_http_send(const KgiHttpRequest *req, const KgHttpOptions *opts, const KgLog *log,
                       const char *what, KgiHttpResponse *resp) {
  KgHttpOptions o;
  kgi_http_resolve(opts, &o);
  long delay = o.retry_delay_ms;
  char desc[320];
  for (int attempt = 0;; attempt++) {
    KgStatus st = kgi_http_perform(req, &o, resp);
    if (st == KG_SUCCESS) {
      if (resp->status >= 200 && resp->status <= 299)
        return KG_SUCCESS;
      st = resp->status == 401 || resp->status == 403 ? KG_ERR_AUTH : KG_ERR_HTTP;
    }
    if (!resp->transient || attempt >= o.retries)
      return st;
    long wait = delay;
    if (resp->retry_after_s >= 0) {
      if (resp->retry_after_s > o.max_retry_after_s) {
        kgi_log(log, KG_LOG_WARNING, st, what, -1,
                "%s; the server asks to retry after %ld s, more than the %ld s limit",
                kgi_http_describe(resp, desc, sizeof desc), resp->retry_after_s,
                o.max_retry_after_s);
        return st;
      }
      wait = resp->retry_after_s * 1000;
    }
    kgi_log(log, KG_LOG_WARNING, st, what, -1, "%s; retrying in %.1f s (retry %d of %d)",
            kgi_http_describe(resp, desc, sizeof desc), (double)wait / 1000.0, attempt + 1,
            o.retries);
    kgi_sleep_ms(wait);
    delay = delay > KGI_MAX_BACKOFF_MS / 2 ? KGI_MAX_BACKOFF_MS : delay * 2;
  }
}
