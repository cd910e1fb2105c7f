/*
 * net.h - the HTTP transport shared by URL reading and push. Not API.
 *
 * http_curl.c is the only file that sees libcurl; request.c adds the retry policy on
 * top of one attempt; fetch.c and push.c are its two users.
 */
#ifndef KG_NET_H
#define KG_NET_H

#include <kgbuild/http.h>

#include "util/util.h"

/** One request. Every pointer is borrowed. */
typedef struct {
  const char *method;       /**< "GET", "PUT", "POST", "DELETE" */
  const char *url;
  const char *content_type; /**< of the body, or NULL */
  const char *accept;       /**< Accept header, or NULL */
  const char *body;         /**< request body (may contain NUL bytes), or NULL */
  size_t body_len;
  size_t max_response;      /**< response body ceiling; 0 means 16 MiB */
  int follow_redirects;     /**< 1: follow up to KgHttpOptions.max_redirects */
} KgiHttpRequest;

/** What came back from one attempt. Strings are kg_malloc'd; kgi_http_response_free(). */
typedef struct {
  long status;            /**< HTTP status of the final response; 0 when none arrived */
  char *reason;           /**< its reason phrase ("Not Found"), or NULL */
  char *content_type;     /**< Content-Type header, or NULL */
  char *effective_url;    /**< URL the final response came from, or NULL */
  char *body;             /**< NUL-terminated (the NUL is not counted), or NULL */
  size_t body_len;
  long retry_after_s;     /**< Retry-After in seconds, or -1 */
  int transient;          /**< the failure may go away when tried again */
  long redirects;         /**< redirects followed */
  char error[256];        /**< transport failure in words, "" when a response arrived */
} KgiHttpResponse;

void kgi_http_response_init(KgiHttpResponse *r);
void kgi_http_response_free(KgiHttpResponse *r);

/**
 * One attempt (http_curl.c). KG_SUCCESS when an HTTP response arrived, whatever its
 * status; otherwise KG_ERR_HTTP (connection failed, reset, closed mid-body, too many
 * redirects), KG_ERR_TIMEOUT, KG_ERR_TOO_LARGE (response over the ceiling; the transfer
 * is aborted), KG_ERR_UNSUPPORTED (a scheme other than http/https, also as a redirect
 * target), KG_ERR_BAD_ARG (malformed URL), KG_ERR_NOMEM. resp->error says what happened;
 * resp->transient says whether trying again may help. @p resp is reset first.
 */
KgStatus kgi_http_perform(const KgiHttpRequest *req, const KgHttpOptions *o,
                          KgiHttpResponse *resp);

/** URL-encode @p s (RFC 3986 unreserved characters kept). kg_free() the result; NULL on OOM. */
char *kgi_http_escape(const char *s);

/**
 * The request with the retry policy of @p o (request.c): repeated, after exponential
 * backoff or the server's Retry-After (bounded), while the failure is transient.
 * Each retry is announced to @p log as a warning about @p what (a name for messages).
 * Returns KG_SUCCESS only for a 2xx answer; KG_ERR_AUTH for 401 and 403; KG_ERR_HTTP for
 * other statuses; or the transport status of the last attempt. @p resp holds the last
 * attempt's response either way. Nothing is logged for the final failure: describe it
 * with kgi_http_describe().
 */
KgStatus kgi_http_send(const KgiHttpRequest *req, const KgHttpOptions *o, const KgLog *log,
                       const char *what, KgiHttpResponse *resp);

/** 1 for a status worth trying again (408, 429, 5xx). */
int kgi_http_status_transient(long status);

/**
 * One line for the outcome in @p resp: "HTTP 404 Not Found", "HTTP 500 Internal Server
 * Error: <first line of the body>", or the transport error. Written into @p buf.
 */
const char *kgi_http_describe(const KgiHttpResponse *resp, char *buf, size_t n);

/** Sleep for @p ms milliseconds (request.c; also used between push steps). */
void kgi_sleep_ms(long ms);

/** The resolved settings: defaults filled in where @p o says "default" (or is NULL). */
void kgi_http_resolve(const KgHttpOptions *o, KgHttpOptions *out);

#endif
