/* iri.c - what makes IRIs stable: SHA-256 (the only file that sees nettle), folding
 * names to ASCII and slugs (shared/spec/OUTPUT.md), IRI cleaning. */
#include "config.h"

#include <string.h>

#include <nettle/sha2.h>

#include "graph/graph_internal.h"
#include "util/util.h"

#include "graph/fold_table.h"

/* Longest slug kept whole; longer names are cut and keep a hash so they stay distinct. */
#define KGI_SLUG_MAX 96
#define KGI_SLUG_CUT 80

void kg_sha256_hex(const void *data, size_t len, char out[65]) {
  struct sha256_ctx ctx;
  uint8_t digest[SHA256_DIGEST_SIZE];
  static const char hex[] = "0123456789abcdef";
  sha256_init(&ctx);
  sha256_update(&ctx, len, data);
  sha256_digest(&ctx, sizeof digest, digest);
  for (size_t i = 0; i < SHA256_DIGEST_SIZE; i++) {
    out[2 * i] = hex[digest[i] >> 4];
    out[2 * i + 1] = hex[digest[i] & 15];
  }
  out[64] = '\0';
}

static const char *kgi_fold_lookup(uint32_t cp) {
  size_t lo = 0, hi = sizeof kg_fold_table / sizeof kg_fold_table[0];
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (kg_fold_table[mid].cp == cp)
      return kg_fold_table[mid].ascii;
    if (kg_fold_table[mid].cp < cp)
      lo = mid + 1;
    else
      hi = mid;
  }
  return NULL;
}

/* Marks that only modify the letter before them (decomposed "e" + U+0301) and
 * invisible joiners vanish; they must not split a word. */
static int kgi_cp_vanishes(uint32_t cp) {
  return (cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x1AB0 && cp <= 0x1AFF) ||
         (cp >= 0x1DC0 && cp <= 0x1DFF) || (cp >= 0x20D0 && cp <= 0x20FF) ||
         (cp >= 0xFE20 && cp <= 0xFE2F) || (cp >= 0xFE00 && cp <= 0xFE0F) ||
         (cp >= 0x200B && cp <= 0x200F) || cp == 0x2060 || cp == 0xFEFF || cp == 0x00AD ||
         (cp >= 0xE0100 && cp <= 0xE01EF);
}

char *kg_fold_ascii(const char *s, size_t len) {
  if (!s)
    return NULL;
  KgiBuf b;
  kgi_buf_init(&b, 0);
  const unsigned char *p = (const unsigned char *)s;
  while (len) {
    /* ASCII stays as it is: copy a whole run at once */
    size_t run = 0;
    while (run < len && p[run] < 0x80)
      run++;
    if (run) {
      if (kgi_buf_append(&b, p, run) != KG_SUCCESS) {
        kgi_buf_free(&b);
        return NULL;
      }
      p += run;
      len -= run;
      continue;
    }
    uint32_t cp;
    size_t n = kgi_utf8_decode(p, len, &cp);
    KgStatus st = KG_SUCCESS;
    if (!kgi_cp_vanishes(cp)) {
      const char *a = kgi_fold_lookup(cp);
      /* no ASCII form (CJK, Arabic, emoji, bad bytes): a word break */
      st = kgi_buf_puts(&b, a ? a : " ");
    }
    if (st != KG_SUCCESS) {
      kgi_buf_free(&b);
      return NULL;
    }
    p += n;
    len -= n;
  }
  return kgi_buf_steal(&b, NULL);
}

/* Trailing words dropped from slugs; the same list as the scorer's normalization
 * (shared/scripts/kgscore SUFFIXES), so an IRI and a score agree on what a name is. */
static const char *const kgi_legal_suffixes[] = {
    "inc", "corp", "corporation", "llc", "ltd", "lp",  "plc", "sa", "sas",
    "se",  "ag",   "gmbh",        "nv",  "bv",  "spa", "co",  "the"};

static int kgi_is_suffix(const char *w, size_t n) {
  for (size_t i = 0; i < sizeof kgi_legal_suffixes / sizeof kgi_legal_suffixes[0]; i++)
    if (strlen(kgi_legal_suffixes[i]) == n && memcmp(kgi_legal_suffixes[i], w, n) == 0)
      return 1;
  return 0;
}

static int kgi_is_alnum(char c) { return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'); }

char *kg_slug(const char *name) {
  if (!name)
    return NULL;
  size_t nlen = strlen(name);
  char *f = kg_fold_ascii(name, nlen);
  if (!f)
    return NULL;
  /* lower case; every other character is a separator; words are [a-z0-9]+ */
  for (char *c = f; *c; c++) {
    if (*c >= 'A' && *c <= 'Z')
      *c = (char)(*c - 'A' + 'a');
    else if (!kgi_is_alnum(*c))
      *c = ' ';
  }
  /* word boundaries, then drop legal-form suffixes (never the last word) and a
   * leading "the", as the scorer does */
  size_t flen = strlen(f);
  size_t start = 0, end = flen;
  while (start < end && f[start] == ' ')
    start++;
  while (end > start && f[end - 1] == ' ')
    end--;
  for (;;) {
    size_t ws = end;
    while (ws > start && f[ws - 1] != ' ')
      ws--;
    if (ws == start || !kgi_is_suffix(f + ws, end - ws))
      break;
    end = ws;
    while (end > start && f[end - 1] == ' ')
      end--;
  }
  if (end - start > 4 && memcmp(f + start, "the ", 4) == 0) {
    start += 4;
    while (start < end && f[start] == ' ')
      start++;
  }
  /* runs of spaces to one '-', in place: the slug is never longer than f */
  size_t o = 0;
  int gap = 0;
  for (size_t i = start; i < end; i++) {
    if (f[i] == ' ') {
      gap = 1;
      continue;
    }
    if (gap && o)
      f[o++] = '-';
    gap = 0;
    f[o++] = f[i];
  }
  KgiBuf b;
  kgi_buf_init(&b, 0);
  KgStatus st = kgi_buf_append(&b, f, o);
  kg_free(f);
  char hex[65];
  if (st == KG_SUCCESS && b.len == 0) {
    kg_sha256_hex(name, nlen, hex);
    st = kgi_buf_printf(&b, "x%.12s", hex);
  } else if (st == KG_SUCCESS && b.len > KGI_SLUG_MAX) {
    size_t cut = KGI_SLUG_CUT;
    while (cut > 0 && b.data[cut - 1] == '-')
      cut--;
    b.len = cut;
    kg_sha256_hex(name, nlen, hex);
    st = kgi_buf_printf(&b, "-%.12s", hex);
  }
  if (st != KG_SUCCESS) {
    kgi_buf_free(&b);
    return NULL;
  }
  return kgi_buf_steal(&b, NULL);
}

/* The bytes an IRI may contain as such, in one table (this runs over every IRI
 * written): printable ASCII but space and <>"{}|^`\\ (RFC 3987 and the Turtle IRIREF
 * rule); the controls, DEL and everything above ASCII need a closer look. */
#define KGI_OK16 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1
static const unsigned char kgi_iri_ok[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x00 */
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, /* 0x10 */
    0, 1, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x20: space, '"' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, /* 0x30: '<', '>' */
    KGI_OK16,                                       /* 0x40 */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 1, 0, 1, /* 0x50: '\\', '^' */
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, /* 0x60: '`' */
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 1, 0, /* 0x70: '{', '|', '}', DEL */
};

static inline int kgi_iri_byte_ok(unsigned char c) { return kgi_iri_ok[c]; }

/* Length of the well-formed part at @p p to keep as is, or 0 if its first byte must
 * be percent-encoded (C1 controls and non-characters are encoded too). */
static size_t kgi_iri_keep(const unsigned char *p, size_t len) {
  if (*p < 0x80)
    return kgi_iri_byte_ok(*p);
  uint32_t cp;
  size_t n = kgi_utf8_decode(p, len, &cp);
  if (cp == 0xFFFFFFFFu || (cp >= 0x80 && cp <= 0x9F) || cp == 0xFFFE || cp == 0xFFFF)
    return 0;
  return n;
}

size_t kgi_iri_ascii_len(const char *iri) {
  const unsigned char *p = (const unsigned char *)iri;
  size_t k = 0;
  while ((p[k] >= 'a' && p[k] <= 'z') || (p[k] >= 'A' && p[k] <= 'Z') ||
         (k > 0 && ((p[k] >= '0' && p[k] <= '9') || p[k] == '+' || p[k] == '-' || p[k] == '.')))
    k++;
  if (k == 0 || p[k] != ':')
    return 0;
  while (kgi_iri_byte_ok(p[k])) /* the NUL is no IRI byte */
    k++;
  return p[k] == '\0' ? k : 0;
}

int kgi_iri_is_valid(const char *iri) {
  if (kgi_iri_ascii_len(iri)) /* the common case */
    return 1;
  const unsigned char *p = (const unsigned char *)iri;
  size_t len = strlen(iri);
  /* scheme ":" */
  size_t i = 0;
  if (!len || !((p[0] >= 'a' && p[0] <= 'z') || (p[0] >= 'A' && p[0] <= 'Z')))
    return 0;
  while (i < len && p[i] != ':') {
    unsigned char c = p[i];
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
          c == '+' || c == '-' || c == '.'))
      return 0;
    i++;
  }
  if (i == len)
    return 0;
  for (i = 0; i < len;) {
    size_t n = kgi_iri_keep(p + i, len - i);
    if (!n)
      return 0;
    i += n;
  }
  return 1;
}

char *kgi_iri_clean(const char *iri) {
  size_t len = strlen(iri);
  if (len > ((size_t)-1 - 1) / 3)
    return NULL;
  char *out = kg_malloc(len * 3 + 1);
  if (!out)
    return NULL;
  static const char hex[] = "0123456789ABCDEF";
  const unsigned char *p = (const unsigned char *)iri;
  size_t o = 0;
  for (size_t i = 0; i < len;) {
    size_t n = kgi_iri_keep(p + i, len - i);
    if (n) {
      memcpy(out + o, p + i, n);
      o += n;
      i += n;
    } else {
      out[o++] = '%';
      out[o++] = hex[p[i] >> 4];
      out[o++] = hex[p[i] & 15];
      i++;
    }
  }
  out[o] = '\0';
  return out;
}
