/*
 * ingest_int.h - the parts of the ingest module that talk to each other: byte repair,
 * charset decoding, HTML to text, header/dateline metadata. Private; not API.
 *
 * Data flow inside kg_ingest_bytes():
 *   raw bytes --(charset.c: BOM sniff, decode, utf8.c repair)--> valid UTF-8, LF only
 *             --(html.c, HTML only)--> paragraphs of text + metadata
 *             --(header.c)--> metadata from a header line or a dateline
 *             --(article.c)--> KgArticle
 */
#ifndef KG_INGEST_INT_H
#define KG_INGEST_INT_H

#include <stddef.h>
#include <kgbuild/ingest.h>

#include "util/util.h"

/* What the repair steps replaced, for the one warning an article gets. */
typedef struct {
  size_t bad;  /* invalid sequences (or undecodable bytes) replaced by U+FFFD */
  size_t nul;  /* NUL bytes replaced by U+FFFD */
  long first;  /* offset of the first replaced byte in the input as given, or -1 */
} KgiRepair;

void kgi_repair_init(KgiRepair *rep);

/*
 * Append @p in (@p len bytes) to @p out as valid UTF-8: a BOM at offset 0 is dropped
 * (only when @p at_start), CRLF and lone CR become LF, NUL and every invalid sequence
 * become U+FFFD (one per maximal invalid subpart, as Unicode recommends). Offsets in
 * @p rep are @p base + the offset in @p in. On failure @p out may hold a partial result;
 * the caller discards it.
 */
KgStatus kgi_utf8_repair(const char *in, size_t len, int at_start, long base, KgiBuf *out,
                         KgiRepair *rep);

/* 1 when @p s (@p len bytes) is valid UTF-8 without NUL and CR. */
int kgi_utf8_is_clean(const char *s, size_t len);

/*
 * Decode @p in from @p charset (NULL or "" means UTF-8) into valid UTF-8 with LF line
 * ends in @p out. A UTF-8 or UTF-16 byte order mark wins over @p charset. An unknown
 * charset is reported to @p log (naming @p name) and the bytes are read as UTF-8.
 */
KgStatus kgi_decode(const char *in, size_t len, const char *charset, const char *name,
                    const KgLog *log, KgiBuf *out, KgiRepair *rep);

/* Metadata gathered before the article exists; values are kg_malloc'd or NULL. */
typedef struct {
  char *v[KG_META__COUNT];
} KgiMeta;

void kgi_meta_clear(KgiMeta *m);
/* Set @p key to a copy of @p s (@p n bytes) unless it is already set (then nothing
 * happens). KG_ERR_NOMEM when the copy fails. */
KgStatus kgi_meta_offer(KgiMeta *m, KgMetaKey key, const char *s, size_t n);

/*
 * The charset an HTML page declares in a <meta charset> or <meta http-equiv> within its
 * first bytes, copied into @p out (NUL-terminated); 0 when none was found.
 */
int kgi_html_declared_charset(const char *b, size_t len, char *out, size_t outsz);

/* 1 when @p b starts (after a BOM, blanks, an XML declaration, comments) like HTML. */
int kgi_html_sniff(const char *b, size_t len);

/*
 * Turn an HTML page (valid UTF-8 in @p utf8) into text: paragraphs separated by a blank
 * line, whitespace collapsed inside them. Title, meta tags and the html lang attribute
 * go to @p meta (only keys still unset). @p text receives the text.
 */
KgStatus kgi_html_to_text(const char *utf8, size_t len, KgiBuf *text, KgiMeta *meta);

/*
 * Look at the first lines of @p text for a "date YYYY-MM (Publisher) —" header or a
 * news dateline and fill the unset keys of @p meta (date, publisher, dateline place).
 * The text itself is never changed. Returns KG_ERR_NOMEM or KG_SUCCESS (found or not).
 */
KgStatus kgi_header_scan(const char *text, size_t len, KgiMeta *meta);

/*
 * Normalize a date written as ISO 8601 ("2023-10-13T14:05:00Z", "2023-10", "2023") or
 * in English/French words ("Oct. 13, 2023", "7 janvier 2021") to the lexical form of
 * xsd:date, xsd:gYearMonth or xsd:gYear. 1 on success (@p out NUL-terminated), 0 when
 * @p s is not a date.
 */
int kgi_date_normalize(const char *s, size_t len, char out[11]);

/* Take ownership of @p text (kg_malloc'd, NUL-terminated at @p len) as a new article. */
KgArticle *kgi_article_adopt(const char *source, char *text, size_t len);

#endif
