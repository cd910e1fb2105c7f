/* article.c - KgArticle: text, source name, metadata, and the SHA-256 of the text. */
#include "config.h"

#include <string.h>

#include <nettle/sha2.h>

#include "ingest/ingest_int.h"

struct KgArticleImpl {
  char *source;
  char *text; /* always NUL-terminated; may hold NUL bytes before len */
  size_t len;
  char *meta[KG_META__COUNT];
};

KgArticle *kgi_article_adopt(const char *source, char *text, size_t len) {
  KgArticle *a = kg_calloc(1, sizeof *a);
  if (!a)
    return NULL;
  if (source && !(a->source = kg_strdup(source))) {
    kg_free(a);
    return NULL;
  }
  a->text = text;
  a->len = len;
  return a;
}

KgArticle *kg_article_new(const char *source, const char *text, size_t len) {
  char *copy = kg_malloc(len + 1);
  if (!copy)
    return NULL;
  if (len)
    memcpy(copy, text, len);
  copy[len] = '\0';
  KgArticle *a = kgi_article_adopt(source, copy, len);
  if (!a)
    kg_free(copy);
  return a;
}

void kg_article_free(KgArticle *a) {
  if (!a)
    return;
  for (int k = 0; k < KG_META__COUNT; k++)
    kg_free(a->meta[k]);
  kg_free(a->text);
  kg_free(a->source);
  kg_free(a);
}

const char *kg_article_text(const KgArticle *a) { return a->text; }

size_t kg_article_length(const KgArticle *a) { return a->len; }

const char *kg_article_source(const KgArticle *a) { return a->source; }

const char *kg_article_get_meta(const KgArticle *a, KgMetaKey key) {
  if (!a || (unsigned)key >= KG_META__COUNT)
    return NULL;
  return a->meta[key];
}

KgStatus kg_article_set_meta(KgArticle *a, KgMetaKey key, const char *value) {
  if (!a || (unsigned)key >= KG_META__COUNT)
    return KG_ERR_BAD_ARG;
  char *copy = NULL;
  if (value && !(copy = kg_strdup(value)))
    return KG_ERR_NOMEM;
  kg_free(a->meta[key]);
  a->meta[key] = copy;
  return KG_SUCCESS;
}

void kg_article_sha256_hex(const KgArticle *a, char out[65]) {
  static const char hex[] = "0123456789abcdef";
  struct sha256_ctx ctx;
  uint8_t digest[SHA256_DIGEST_SIZE];
  sha256_init(&ctx);
  sha256_update(&ctx, a->len, (const uint8_t *)a->text);
  sha256_digest(&ctx, sizeof digest, digest);
  for (size_t i = 0; i < sizeof digest; i++) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 15];
  }
  out[64] = '\0';
}

void kgi_meta_clear(KgiMeta *m) {
  for (int k = 0; k < KG_META__COUNT; k++) {
    kg_free(m->v[k]);
    m->v[k] = NULL;
  }
}

KgStatus kgi_meta_offer(KgiMeta *m, KgMetaKey key, const char *s, size_t n) {
  if (m->v[key])
    return KG_SUCCESS;
  m->v[key] = kg_strndup(s, n);
  return m->v[key] ? KG_SUCCESS : KG_ERR_NOMEM;
}
