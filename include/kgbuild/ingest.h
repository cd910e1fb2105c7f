/*
 * kgbuild/ingest.h - bytes from files, streams and directories become KgArticles:
 * UTF-8 checked and repaired, BOM and CRLF handled, HTML turned into text,
 * header lines and datelines turned into metadata.
 */
#ifndef KGBUILD_INGEST_H
#define KGBUILD_INGEST_H

#include <stdio.h>
#include <kgbuild/article.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KG_DEFAULT_MAX_BYTES ((size_t)64 * 1024 * 1024)

typedef enum {
  KG_INPUT_AUTO = 0, /**< decide from the name's extension and then the content */
  KG_INPUT_TEXT,
  KG_INPUT_HTML
} KgInputKind;

typedef struct {
  size_t max_bytes; /**< per-article ceiling; 0 means KG_DEFAULT_MAX_BYTES */
  KgInputKind kind;
} KgIngestOptions;

/**
 * Turn raw bytes into an article. Invalid UTF-8 becomes U+FFFD with one warning (naming
 * @p name and the first bad byte offset) sent to @p log; a BOM is dropped; CRLF and CR
 * become LF; NUL bytes are kept as U+FFFD rather than truncating. HTML is turned into
 * text (title/meta become metadata). A leading header ("date 2023-01 (Boursier.com) —")
 * or a dateline ("PARIS (Reuters) -") fills KG_META_DATE_PUBLISHED / KG_META_PUBLISHER.
 * @p charset may name the encoding declared by a transport (HTTP), or be NULL.
 * On success *out is a new article the caller frees with kg_article_free().
 */
KG_API KgStatus kg_ingest_bytes(const char *bytes, size_t len, const char *name,
                                const char *charset, const KgIngestOptions *opts,
                                const KgLog *log, KgArticle **out);

/** Read a file ("-" is stdin) and call kg_ingest_bytes(). Errors name the file. */
KG_API KgStatus kg_ingest_file(const char *path, const KgIngestOptions *opts,
                               const KgLog *log, KgArticle **out);

/** Read all of @p fp (up to the ceiling) and call kg_ingest_bytes(). */
KG_API KgStatus kg_ingest_stream(FILE *fp, const char *name, const KgIngestOptions *opts,
                                 const KgLog *log, KgArticle **out);

/**
 * Expand @p path: a regular file gives itself; a directory gives every `.txt`, `.html`
 * and `.htm` file below it, recursively, sorted by byte-wise path order (so the result
 * does not depend on the file system's order). Hidden entries (starting with '.') are
 * skipped. Appends to *paths (a kg_malloc'd array of kg_malloc'd strings, grown as
 * needed) and *n. Returns KG_ERR_NOT_FOUND when @p path does not exist, KG_ERR_IO when
 * it cannot be read. Free with kg_ingest_free_paths().
 */
KG_API KgStatus kg_ingest_expand(const char *path, char ***paths, size_t *n);
KG_API void kg_ingest_free_paths(char **paths, size_t n);

#ifdef __cplusplus
}
#endif
#endif
