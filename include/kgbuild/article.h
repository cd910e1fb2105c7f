/*
 * kgbuild/article.h - one input document: its text (valid UTF-8) and metadata.
 */
#ifndef KGBUILD_ARTICLE_H
#define KGBUILD_ARTICLE_H

#include <kgbuild/common.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KgArticleImpl KgArticle;

/** Metadata keys. Values are UTF-8 strings. */
typedef enum {
  KG_META_TITLE = 0,
  KG_META_LANGUAGE,       /**< "en", "fr" (set by ingest when known, or by the extractor) */
  KG_META_DATE_PUBLISHED, /**< xsd:date, xsd:gYearMonth or xsd:gYear lexical form */
  KG_META_PUBLISHER,      /**< name of the publishing organization ("Reuters") */
  KG_META_URL,            /**< when read from a URL */
  KG_META_SITE_NAME,      /**< og:site_name */
  KG_META_DATELINE_PLACE, /**< "PARIS" from "PARIS (Reuters) -" */
  KG_META__COUNT
} KgMetaKey;

/**
 * New article holding a copy of @p text (@p len bytes, must be valid UTF-8 and may
 * contain NUL bytes) and of @p source (the file name as given, "-" for stdin, or a URL).
 * Returns NULL when out of memory. Free with kg_article_free().
 */
KG_API KgArticle *kg_article_new(const char *source, const char *text, size_t len);
/** Frees @p a; NULL is allowed. */
KG_API void kg_article_free(KgArticle *a);

/** The text, NUL-terminated (a copy of what was given). Borrowed. */
KG_API const char *kg_article_text(const KgArticle *a);
/** Length of the text in bytes. */
KG_API size_t kg_article_length(const KgArticle *a);
/** The source name as given. Borrowed. */
KG_API const char *kg_article_source(const KgArticle *a);

/** Value of a metadata key, or NULL. Borrowed until the key is set again. */
KG_API const char *kg_article_get_meta(const KgArticle *a, KgMetaKey key);
/** Set (copy) a metadata value; NULL clears it. On failure nothing changes. */
KG_API KgStatus kg_article_set_meta(KgArticle *a, KgMetaKey key, const char *value);

/** Lower-case hex SHA-256 of the text as stored (65 bytes with the NUL). */
KG_API void kg_article_sha256_hex(const KgArticle *a, char out[65]);

#ifdef __cplusplus
}
#endif
#endif
