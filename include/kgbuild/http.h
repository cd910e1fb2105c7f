/*
 * kgbuild/http.h - the one HTTP client (libcurl): reading articles from URLs, and the
 * transfer settings (timeouts, retries, authentication, TLS) that kgbuild/push.h uses.
 */
#ifndef KGBUILD_HTTP_H
#define KGBUILD_HTTP_H

#include <kgbuild/ingest.h>

#ifdef __cplusplus
extern "C" {
#endif

/** 1 when @p s starts with http:// or https:// (any case) followed by a host. */
KG_API int kg_is_url(const char *s);

/** How credentials are offered to the server. */
typedef enum {
  KG_HTTP_AUTH_ANY = 0, /**< whatever the server asks for (basic or digest) */
  KG_HTTP_AUTH_BASIC,
  KG_HTTP_AUTH_DIGEST
} KgHttpAuth;

/**
 * Transfer settings. Fill with kg_http_options_init() and change what you need; every
 * pointer is borrowed for the duration of the call that gets the options.
 * Only http and https are ever spoken, also after a redirect.
 */
typedef struct {
  long connect_timeout_ms; /**< per connection attempt; <= 0 means 10 s */
  long timeout_ms;         /**< whole transfer of one request; <= 0 means 60 s */
  int retries;             /**< further attempts after a failure that may go away (5xx, 429,
                                408, timeout, connection reset or closed mid-body); never for
                                other 4xx or a refused connection. < 0 means 2 */
  long retry_delay_ms;     /**< wait before the first retry, doubled for each next one
                                (capped at 30 s); <= 0 means 1000 */
  long max_retry_after_s;  /**< longest Retry-After honoured; a server asking for more makes
                                the request fail; <= 0 means 60 */
  int max_redirects;       /**< redirects followed when reading articles; < 0 means 5 */
  const char *user;        /**< NULL: no credentials (unless use_netrc) */
  const char *password;    /**< with user */
  KgHttpAuth auth;
  int use_netrc;           /**< 1: take credentials for the host from a .netrc file */
  const char *netrc_file;  /**< NULL: $HOME/.netrc */
  const char *cacert;      /**< CA bundle (PEM) to verify servers with; NULL: the system's */
  int insecure;            /**< 1: do not verify TLS certificates or host names */
  const char *user_agent;  /**< NULL: "kgbuild/VERSION" */
} KgHttpOptions;

/** Defaults: verification on, 10 s connect, 60 s total, 2 retries from 1 s, 5 redirects. */
KG_API void kg_http_options_init(KgHttpOptions *o);

/**
 * Fetch @p url (http and https only, redirects followed up to the limit) and ingest the
 * page as an article: HTML or text by its Content-Type (unless @p opts->kind says),
 * charset from the Content-Type header, else from the page. KG_META_URL is set to the
 * URL the page was finally read from; the article's source is @p url as given.
 * The body is read up to @p opts->max_bytes: beyond it the transfer is aborted and
 * KG_ERR_TOO_LARGE returned. Failures are reported to @p log naming the URL (an HTTP
 * error with its status): KG_ERR_HTTP (HTTP error, connection failure, redirect loop),
 * KG_ERR_TIMEOUT, KG_ERR_UNSUPPORTED (another scheme, a non-text content type),
 * KG_ERR_AUTH (401, 403), KG_ERR_BAD_ARG (malformed URL).
 * On success *out is a new article the caller frees with kg_article_free();
 * on failure *out is NULL.
 */
KG_API KgStatus kg_http_fetch_article(const char *url, const KgIngestOptions *opts,
                                      const KgLog *log, KgArticle **out);

/** Same with explicit transfer settings (@p http NULL: kg_http_options_init() defaults). */
KG_API KgStatus kg_http_fetch_article_ex(const char *url, const KgIngestOptions *opts,
                                         const KgHttpOptions *http, const KgLog *log,
                                         KgArticle **out);

#ifdef __cplusplus
}
#endif
#endif
