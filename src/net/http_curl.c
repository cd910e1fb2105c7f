/*
 * http_curl.c - one HTTP attempt through libcurl: the only file that includes curl.h.
 *
 * Choices:
 * - Only http and https, for the first request and every redirect (a redirect to
 *   file:// must not read local files on a server's say-so).
 * - The response body has a ceiling enforced twice: by Content-Length up front
 *   (CURLOPT_MAXFILESIZE_LARGE) and by counting bytes as they arrive, since chunked
 *   or compressed bodies announce no length.
 * - Credentials are never forwarded to another host on a redirect (curl's default,
 *   kept: CURLOPT_UNRESTRICTED_AUTH stays off).
 * - CURLOPT_NOSIGNAL: timeouts must not rely on SIGALRM in a library.
 */
#include "config.h"

#include <pthread.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "net/net.h"

#define KGI_DEFAULT_MAX_RESPONSE ((size_t)16 * 1024 * 1024)

static pthread_once_t kgi_curl_once = PTHREAD_ONCE_INIT;
static CURLcode kgi_curl_init_rc = CURLE_OK;

static void kgi_curl_global_init(void) {
  kgi_curl_init_rc = curl_global_init(CURL_GLOBAL_DEFAULT);
}

typedef struct {
  KgiBuf body;
  int too_large;
  char reason[128];
} KgiTransfer;

static size_t kgi_on_body(char *data, size_t size, size_t nmemb, void *user) {
  KgiTransfer *t = user;
  size_t n = size * nmemb;
  KgStatus st = kgi_buf_append(&t->body, data, n);
  if (st == KG_ERR_TOO_LARGE)
    t->too_large = 1;
  return st == KG_SUCCESS ? n : 0; /* 0 aborts the transfer */
}

/* The reason phrase of the last status line: each redirect, 100 Continue or auth
 * challenge starts a new response, so a later status line replaces an earlier one. */
static size_t kgi_on_header(char *data, size_t size, size_t nmemb, void *user) {
  KgiTransfer *t = user;
  size_t n = size * nmemb;
  if (n > 5 && strncmp(data, "HTTP/", 5) == 0) {
    const char *p = memchr(data, ' ', n);
    const char *end = data + n;
    t->reason[0] = '\0';
    if (p && (p = memchr(p + 1, ' ', (size_t)(end - p - 1))) != NULL) {
      p++;
      size_t len = (size_t)(end - p);
      while (len && (p[len - 1] == '\r' || p[len - 1] == '\n' || p[len - 1] == ' '))
        len--;
      if (len >= sizeof t->reason)
        len = sizeof t->reason - 1;
      memcpy(t->reason, p, len);
      t->reason[len] = '\0';
    }
  }
  return n;
}

static int kgi_scheme_ok(const char *url) {
  return strncasecmp(url, "http://", 7) == 0 || strncasecmp(url, "https://", 8) == 0;
}

static KgStatus kgi_classify(CURLcode rc, const KgiTransfer *t, KgiHttpResponse *resp) {
  switch (rc) {
  case CURLE_OK:
    return KG_SUCCESS;
  case CURLE_UNSUPPORTED_PROTOCOL:
    return KG_ERR_UNSUPPORTED;
  case CURLE_URL_MALFORMAT:
    return KG_ERR_BAD_ARG;
  case CURLE_OUT_OF_MEMORY:
    return KG_ERR_NOMEM;
  case CURLE_OPERATION_TIMEDOUT:
    resp->transient = 1;
    return KG_ERR_TIMEOUT;
  case CURLE_FILESIZE_EXCEEDED:
    return KG_ERR_TOO_LARGE;
  case CURLE_WRITE_ERROR:
    if (t->too_large)
      return KG_ERR_TOO_LARGE;
    return KG_ERR_NOMEM; /* our callback refuses data only for the ceiling or OOM */
  case CURLE_PARTIAL_FILE:
  case CURLE_RECV_ERROR:
  case CURLE_SEND_ERROR:
  case CURLE_GOT_NOTHING:
  case CURLE_HTTP2:
  case CURLE_HTTP2_STREAM:
    resp->transient = 1;
    return KG_ERR_HTTP;
  default:
    return KG_ERR_HTTP;
  }
}

static char *kgi_dup_or_null(const char *s) { return s ? kg_strdup(s) : NULL; }

KgStatus kgi_http_perform(const KgiHttpRequest *req, const KgHttpOptions *opts,
                          KgiHttpResponse *resp) {
  KgHttpOptions o;
  KgiTransfer t;
  struct curl_slist *headers = NULL, *h2;
  CURL *h = NULL;
  char errbuf[CURL_ERROR_SIZE];
  char line[512];
  KgStatus st = KG_SUCCESS;
  CURLcode rc;

  kgi_http_response_free(resp);
  if (!req || !req->url || !req->method)
    return KG_ERR_BAD_ARG;
  if (!kgi_scheme_ok(req->url)) {
    snprintf(resp->error, sizeof resp->error, "only http:// and https:// URLs are read");
    return KG_ERR_UNSUPPORTED;
  }
  kgi_http_resolve(opts, &o);
  pthread_once(&kgi_curl_once, kgi_curl_global_init);
  if (kgi_curl_init_rc != CURLE_OK) {
    snprintf(resp->error, sizeof resp->error, "cannot initialise libcurl: %s",
             curl_easy_strerror(kgi_curl_init_rc));
    return kgi_curl_init_rc == CURLE_OUT_OF_MEMORY ? KG_ERR_NOMEM : KG_ERR_HTTP;
  }
  memset(&t, 0, sizeof t);
  size_t max = req->max_response ? req->max_response : KGI_DEFAULT_MAX_RESPONSE;
  kgi_buf_init(&t.body, max);
  errbuf[0] = '\0';

  if (!(h = curl_easy_init())) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  if (req->content_type) {
    snprintf(line, sizeof line, "Content-Type: %s", req->content_type);
    if (!(h2 = curl_slist_append(headers, line))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    headers = h2;
  }
  if (req->accept) {
    snprintf(line, sizeof line, "Accept: %s", req->accept);
    if (!(h2 = curl_slist_append(headers, line))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    headers = h2;
  }

  curl_easy_setopt(h, CURLOPT_URL, req->url);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_ERRORBUFFER, errbuf);
#if LIBCURL_VERSION_NUM >= 0x075500
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "http,https");
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
#else
  curl_easy_setopt(h, CURLOPT_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
  curl_easy_setopt(h, CURLOPT_REDIR_PROTOCOLS, (long)(CURLPROTO_HTTP | CURLPROTO_HTTPS));
#endif
  curl_easy_setopt(h, CURLOPT_USERAGENT, o.user_agent);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, o.connect_timeout_ms);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, o.timeout_ms);
  curl_easy_setopt(h, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)max);
  curl_easy_setopt(h, CURLOPT_ACCEPT_ENCODING, ""); /* decoded bytes count toward the ceiling */
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, kgi_on_body);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &t);
  curl_easy_setopt(h, CURLOPT_HEADERFUNCTION, kgi_on_header);
  curl_easy_setopt(h, CURLOPT_HEADERDATA, &t);
  if (headers)
    curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers);
  if (req->follow_redirects && o.max_redirects > 0) {
    curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(h, CURLOPT_MAXREDIRS, (long)o.max_redirects);
  }
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, o.insecure ? 0L : 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, o.insecure ? 0L : 2L);
  if (o.cacert)
    curl_easy_setopt(h, CURLOPT_CAINFO, o.cacert);
  if (o.user) {
    curl_easy_setopt(h, CURLOPT_USERNAME, o.user);
    if (o.password)
      curl_easy_setopt(h, CURLOPT_PASSWORD, o.password);
  }
  if (o.use_netrc) {
    curl_easy_setopt(h, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
    if (o.netrc_file)
      curl_easy_setopt(h, CURLOPT_NETRC_FILE, o.netrc_file);
  }
  if (o.user || o.use_netrc) {
    unsigned long auth = o.auth == KG_HTTP_AUTH_BASIC    ? CURLAUTH_BASIC
                         : o.auth == KG_HTTP_AUTH_DIGEST ? CURLAUTH_DIGEST
                                                         : CURLAUTH_ANY;
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, auth);
  }
  if (strcmp(req->method, "GET") == 0) {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else if (strcmp(req->method, "POST") == 0 || strcmp(req->method, "PUT") == 0) {
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE_LARGE, (curl_off_t)(req->body ? req->body_len : 0));
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, req->body ? req->body : "");
    if (strcmp(req->method, "PUT") == 0)
      curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, "PUT");
  } else {
    curl_easy_setopt(h, CURLOPT_CUSTOMREQUEST, req->method);
  }

  rc = curl_easy_perform(h);
  st = kgi_classify(rc, &t, resp);
  if (rc == CURLE_OK) {
    long code = 0, redirs = 0;
    char *eff = NULL, *ctype = NULL;
    curl_off_t ra = -1;
    curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
    curl_easy_getinfo(h, CURLINFO_REDIRECT_COUNT, &redirs);
    curl_easy_getinfo(h, CURLINFO_EFFECTIVE_URL, &eff);
    curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &ctype);
    if (curl_easy_getinfo(h, CURLINFO_RETRY_AFTER, &ra) != CURLE_OK)
      ra = -1;
    resp->status = code;
    resp->redirects = redirs;
    resp->retry_after_s = ra > 0 ? (long)(ra > 86400 * 365 ? 86400 * 365 : ra) : -1;
    resp->transient = kgi_http_status_transient(code);
    if ((eff && !(resp->effective_url = kg_strdup(eff))) ||
        (ctype && !(resp->content_type = kg_strdup(ctype))) ||
        (t.reason[0] && !(resp->reason = kgi_dup_or_null(t.reason)))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    kgi_buf_cstr(&t.body);
    resp->body = kgi_buf_steal(&t.body, &resp->body_len);
    if (!resp->body) {
      st = KG_ERR_NOMEM;
      goto out;
    }
  } else if (st == KG_ERR_TOO_LARGE) {
    snprintf(resp->error, sizeof resp->error, "response larger than %zu bytes", max);
  } else if (rc == CURLE_UNSUPPORTED_PROTOCOL) {
    snprintf(resp->error, sizeof resp->error,
             "refused: only http:// and https:// are followed (%.160s)",
             errbuf[0] ? errbuf : curl_easy_strerror(rc));
  } else if (rc == CURLE_TOO_MANY_REDIRECTS) {
    snprintf(resp->error, sizeof resp->error, "more than %d redirects", o.max_redirects);
  } else if (rc == CURLE_PARTIAL_FILE || rc == CURLE_RECV_ERROR || rc == CURLE_GOT_NOTHING) {
    snprintf(resp->error, sizeof resp->error, "connection closed before the answer was complete (%.160s)",
             errbuf[0] ? errbuf : curl_easy_strerror(rc));
  } else if (rc == CURLE_OPERATION_TIMEDOUT) {
    snprintf(resp->error, sizeof resp->error, "timed out (%.160s)",
             errbuf[0] ? errbuf : curl_easy_strerror(rc));
  } else {
    snprintf(resp->error, sizeof resp->error, "%s", errbuf[0] ? errbuf : curl_easy_strerror(rc));
  }
  /* curl ends its error texts with a newline on some paths */
  size_t el = strlen(resp->error);
  while (el && (resp->error[el - 1] == '\n' || resp->error[el - 1] == '\r'))
    resp->error[--el] = '\0';

out:
  if (st == KG_ERR_NOMEM && !resp->error[0])
    snprintf(resp->error, sizeof resp->error, "out of memory");
  if (st != KG_SUCCESS) {
    /* a failed attempt leaves no half response behind */
    char keep[sizeof resp->error];
    int transient = resp->transient;
    memcpy(keep, resp->error, sizeof keep);
    kgi_http_response_free(resp);
    memcpy(resp->error, keep, sizeof keep);
    resp->transient = transient;
  }
  kgi_buf_free(&t.body);
  curl_slist_free_all(headers);
  if (h)
    curl_easy_cleanup(h);
  return st;
}
