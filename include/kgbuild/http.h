/*
 * kgbuild/http.h - the one HTTP client (libcurl): reading articles from URLs.
 */
#ifndef KGBUILD_HTTP_H
#define KGBUILD_HTTP_H

#include <kgbuild/ingest.h>

#ifdef __cplusplus
extern "C" {
#endif

/** 1 when @p s looks like an http:// or https:// URL. */
KG_API int kg_is_url(const char *s);

/**
 * Fetch @p url (http and https only) and ingest the page as an article (HTML by its
 * content type, charset from the headers or the page), setting KG_META_URL.
 */
KG_API KgStatus kg_http_fetch_article(const char *url, const KgIngestOptions *opts,
                                      const KgLog *log, KgArticle **out);

#ifdef __cplusplus
}
#endif
#endif
