/*
 * ingest.c - kg_ingest_bytes(): raw bytes to a KgArticle.
 *
 * Choices (see also utf8.c, charset.c, html.c, header.c):
 * - The size ceiling applies to the bytes as given, before decoding.
 * - Control characters other than NUL are kept: the RDF writers escape them. NUL becomes
 *   U+FFFD so that C strings downstream are never cut short.
 * - One warning per article for replaced bytes, at the offset of the first one in the
 *   input as given (before the BOM is dropped and line ends change), with the counts.
 * - HTML metadata wins over a dateline found in the text; a publisher named in the
 *   page's meta tags or the text's dateline wins over og:site_name.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "ingest/ingest_int.h"

static KgInputKind kgi_kind(const char *bytes, size_t len, const char *name,
                            const KgIngestOptions *opts) {
  if (opts && opts->kind != KG_INPUT_AUTO)
    return opts->kind;
  if (name && (kgi_ends_with_ci(name, ".html") || kgi_ends_with_ci(name, ".htm")))
    return KG_INPUT_HTML;
  return kgi_html_sniff(bytes, len) ? KG_INPUT_HTML : KG_INPUT_TEXT;
}

static void kgi_warn_repair(const KgLog *log, const char *name, const KgiRepair *rep) {
  if (!rep->bad && !rep->nul)
    return;
  char what[160];
  if (rep->bad && rep->nul)
    snprintf(what, sizeof what, "%zu invalid UTF-8 sequence%s and %zu NUL byte%s", rep->bad,
             rep->bad == 1 ? "" : "s", rep->nul, rep->nul == 1 ? "" : "s");
  else if (rep->bad)
    snprintf(what, sizeof what, "%zu invalid UTF-8 sequence%s", rep->bad,
             rep->bad == 1 ? "" : "s");
  else
    snprintf(what, sizeof what, "%zu NUL byte%s", rep->nul, rep->nul == 1 ? "" : "s");
  kgi_log(log, KG_LOG_WARNING, KG_ERR_PARSE, name, rep->first,
          "%s replaced by U+FFFD (the first at byte %ld)", what, rep->first);
}

KgStatus kg_ingest_bytes(const char *bytes, size_t len, const char *name,
                         const char *charset, const KgIngestOptions *opts,
                         const KgLog *log, KgArticle **out) {
  size_t max = opts && opts->max_bytes ? opts->max_bytes : KG_DEFAULT_MAX_BYTES;
  KgiBuf dec, html;
  KgiMeta meta;
  KgiRepair rep;
  KgArticle *a = NULL;
  KgStatus st = KG_SUCCESS;
  char declared[64];

  if (!out || (!bytes && len))
    return KG_ERR_BAD_ARG;
  *out = NULL;
  if (len > max)
    return KG_ERR_TOO_LARGE;
  if (!bytes)
    bytes = "";
  kgi_buf_init(&dec, 0);
  kgi_buf_init(&html, 0);
  memset(&meta, 0, sizeof meta);
  kgi_repair_init(&rep);

  KgInputKind kind = kgi_kind(bytes, len, name, opts);
  if (kind == KG_INPUT_HTML && !(charset && *charset) &&
      kgi_html_declared_charset(bytes, len, declared, sizeof declared))
    charset = declared;
  /* every path below ends with an append, so on success dec.data is allocated */
  KGI_TRY(st, kgi_decode(bytes, len, charset, name, log, &dec, &rep));
  if (kind == KG_INPUT_HTML) {
    KGI_TRY(st, kgi_html_to_text(dec.data, dec.len, &html, &meta));
    /* character references may have made CR, NUL-less but not yet LF-only text */
    if (!kgi_utf8_is_clean(html.data, html.len)) {
      KgiRepair quiet;
      kgi_repair_init(&quiet);
      dec.len = 0;
      KGI_TRY(st, kgi_utf8_repair(html.data, html.len, 0, 0, &dec, &quiet));
    } else {
      KgiBuf t = dec;
      dec = html;
      html = t;
    }
  }
  if (!dec.data) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  KGI_TRY(st, kgi_header_scan(dec.data, dec.len, &meta));
  if (!meta.v[KG_META_PUBLISHER] && meta.v[KG_META_SITE_NAME])
    KGI_TRY(st, kgi_meta_offer(&meta, KG_META_PUBLISHER, meta.v[KG_META_SITE_NAME],
                               strlen(meta.v[KG_META_SITE_NAME])));

  size_t tlen;
  char *text = kgi_buf_steal(&dec, &tlen);
  if (!text || !(a = kgi_article_adopt(name, text, tlen))) {
    kg_free(text);
    st = KG_ERR_NOMEM;
    goto out;
  }
  for (int k = 0; k < KG_META__COUNT; k++)
    if (meta.v[k])
      KGI_TRY(st, kg_article_set_meta(a, (KgMetaKey)k, meta.v[k]));
  kgi_warn_repair(log, name, &rep);
  *out = a;
  a = NULL;
out:
  kg_article_free(a);
  kgi_meta_clear(&meta);
  kgi_buf_free(&dec);
  kgi_buf_free(&html);
  return st;
}
