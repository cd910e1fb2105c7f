/*
 * kgbuild/ingest.h - bytes from files, streams and directories become KgArticles:
 * UTF-8 checked and repaired, BOM and CRLF handled, HTML turned into text,
 * header lines and datelines turned into metadata.
 *
 * Choices every caller may rely on:
 *
 * Text. The article text is valid UTF-8 with LF line ends. A leading BOM is dropped;
 * CRLF and a lone CR become LF. Every invalid UTF-8 sequence (lone continuation byte,
 * truncated sequence, overlong form, surrogate, code point over U+10FFFF, bytes C0, C1,
 * F5..FF) becomes one U+FFFD per maximal invalid subpart, as Unicode recommends. A NUL
 * byte becomes U+FFFD too, so C strings are never cut short. Other control characters
 * are kept: the RDF writers escape them. An article with replaced bytes gets exactly one
 * KG_LOG_WARNING naming the source, at the offset of the first replaced byte in the
 * input as given (BOM included), with the number of sequences and NUL bytes replaced.
 *
 * Charset. A UTF-8 or UTF-16 BOM decides; else the @p charset argument (a transport's
 * declaration); else, for HTML, the page's <meta charset> or <meta http-equiv>; else
 * UTF-8. "iso-8859-1", "latin1" and "us-ascii" are read as Windows-1252, as browsers do.
 * Other charsets go through iconv(3); an unknown name is warned about and read as UTF-8.
 *
 * HTML. Chosen by KgIngestOptions.kind, else by a ".html"/".htm" name, else by content
 * starting (after a BOM, blanks, an XML declaration or comments) with "<!DOCTYPE html" or
 * "<html". Parsed by libxml2 with the network off. script, style, noscript, nav, header,
 * footer, aside, form, iframe, svg, template (and head, button, select, textarea, object,
 * embed, canvas, math, map, audio, video, dialog, elements with a hidden attribute) are
 * dropped with their content. Block elements (p, div, h1-h6, li, br, tr, article,
 * section, blockquote, pre, lists, tables, ...) end a paragraph; paragraphs are
 * separated by one blank line; inside one, runs of white space and no-break spaces become
 * one space (line breaks are kept inside pre); table cells are separated by a space.
 * Metadata: <title> (else og:title) -> KG_META_TITLE; og:site_name -> KG_META_SITE_NAME;
 * article:published_time, itemprop datePublished, meta date/pubdate/dc.date and the like
 * -> KG_META_DATE_PUBLISHED; meta publisher/dc.publisher -> KG_META_PUBLISHER; the html
 * lang attribute (else Content-Language, else og:locale) -> KG_META_LANGUAGE when it is
 * English or French ("en", "fr").
 *
 * Header and dateline. The first three non-blank lines are looked at for a header
 * "date 2023-01 (Zorbex Info) —" or a dateline "PARIS (Reuters) -",
 * "REDMOND, Wash., Oct. 13, 2023 (Reuters) -", "PARIS, 7 janvier 2021 (AFP) —",
 * "NEW YORK, Jan. 5, 2023 /PRNewswire/ --", "(Bloomberg) --". They give
 * KG_META_DATE_PUBLISHED (only when a year is written), KG_META_PUBLISHER and
 * KG_META_DATELINE_PLACE (as written: "REDMOND, Wash."). The text is never modified.
 * The place must be in capitals and the agency short, without ':', and followed by a
 * dash, so ordinary first sentences ("Zorbex (ZRBX) - ...") do not count.
 * Page metadata wins over the text's; the text's publisher wins over og:site_name,
 * which is the publisher only when nothing else names one.
 * Dates are stored as xsd:date "YYYY-MM-DD", xsd:gYearMonth "YYYY-MM" or xsd:gYear.
 *
 * Errors are returned, not logged. After KG_ERR_IO or KG_ERR_NOT_FOUND, errno says why
 * (ENOENT, EACCES, EISDIR, ...). The size ceiling counts the bytes as read, before any
 * decoding, and reading stops as soon as one byte more than the ceiling has arrived.
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
 * text (title/meta become metadata). A leading header ("date 2023-01 (Zorbex Info) —")
 * or a dateline ("PARIS (Reuters) -") fills KG_META_DATE_PUBLISHED / KG_META_PUBLISHER.
 * @p charset may name the encoding declared by a transport (HTTP), or be NULL.
 * @p name is the article's source (and the name warnings carry); @p opts and @p log may
 * be NULL. KG_ERR_TOO_LARGE when @p len is over the ceiling.
 * On success *out is a new article the caller frees with kg_article_free(); on failure
 * it is NULL.
 */
KG_API KgStatus kg_ingest_bytes(const char *bytes, size_t len, const char *name,
                                const char *charset, const KgIngestOptions *opts,
                                const KgLog *log, KgArticle **out);

/**
 * Read a file ("-" is stdin) and call kg_ingest_bytes() with the path as its name. A
 * regular file larger than the ceiling is refused before it is read; any other file
 * (pipe, device) is read up to the ceiling plus one byte. KG_ERR_NOT_FOUND when the file
 * does not exist, KG_ERR_IO (errno set, EISDIR for a directory) when it cannot be read,
 * KG_ERR_TOO_LARGE over the ceiling. On failure *out is NULL.
 */
KG_API KgStatus kg_ingest_file(const char *path, const KgIngestOptions *opts,
                               const KgLog *log, KgArticle **out);

/**
 * Read all of @p fp (up to the ceiling plus one byte, then KG_ERR_TOO_LARGE without
 * waiting for the end) and call kg_ingest_bytes(). @p fp is not closed.
 */
KG_API KgStatus kg_ingest_stream(FILE *fp, const char *name, const KgIngestOptions *opts,
                                 const KgLog *log, KgArticle **out);

/**
 * Expand @p path: a regular file gives itself; a directory gives every `.txt`, `.html`
 * and `.htm` file below it, recursively, sorted by byte-wise path order (so the result
 * does not depend on the file system's order). Hidden entries (starting with '.') are
 * skipped. Extensions match without regard to case. A symbolic link to a file is listed;
 * a symbolic link to a directory is not walked (so links cannot make a loop). Anything
 * named directly that is not a directory (any extension, a pipe) gives itself.
 * Appends to *paths (a kg_malloc'd array of kg_malloc'd strings, grown with kg_realloc)
 * and *n; entries already there stay first, in their order. A directory without
 * articles appends nothing and succeeds. Returns KG_ERR_NOT_FOUND when @p path does not
 * exist, KG_ERR_IO (errno set) when it or a directory below it cannot be read; on failure
 * *n is unchanged (the array may have moved). Free with kg_ingest_free_paths().
 */
KG_API KgStatus kg_ingest_expand(const char *path, char ***paths, size_t *n);
KG_API void kg_ingest_free_paths(char **paths, size_t n);

#ifdef __cplusplus
}
#endif
#endif
