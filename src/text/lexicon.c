/* lexicon.c - loading language data files and matching their phrases against tokens. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "text/chars.h"
#include "text/phrase.h"
#include "text/text_int.h"
#include "util/util.h"

/* Lexicon files are small (kilobytes); this only stops a wrong path (a disk image...). */
#define KGT_LEXICON_MAX_BYTES (64u << 20)

static const char *const kgt_kind_names[KGT_LEX__COUNT] = {
    "abbrev",   "month",      "currency",   "scale",     "percent",  "dateprep",
    "moneyof",  "descriptor", "legal",      "orgword",   "title",    "role",
    "productcue", "anaphor",  "quotepron",  "speechverb", "notname", "particle",
    "legalform", "prep",      "det",        "listsep",     "clause",     "common",
    "subjverb", "nameadj", "genitive", "young", "hyphenmod", "street", "copula",
    "placecue"};

typedef struct KgtChunk {
  struct KgtChunk *next;
  char data[];
} KgtChunk;

struct KgtLexiconImpl {
  KgtLexEntry *entries;
  size_t n, cap;
  KgtPhraseIndex ix;
  KgtChunk *chunks; /* file contents the entries point into */
};

const char *kgt_lex_kind_name(KgtLexKind k) {
  return (unsigned)k < KGT_LEX__COUNT ? kgt_kind_names[k] : NULL;
}

KgStatus kgt_lexicon_new(KgtLexicon **out) {
  KgtLexicon *lx = kg_calloc(1, sizeof *lx);
  if (!lx)
    return KG_ERR_NOMEM;
  kgt_phrase_init(&lx->ix);
  lx->ix.items_by_mask = 1; /* kgt_accept() refuses an entry of a kind not asked for */
  *out = lx;
  return KG_SUCCESS;
}

void kgt_lexicon_free(KgtLexicon *lx) {
  if (!lx)
    return;
  kgt_phrase_free(&lx->ix);
  kg_free(lx->entries);
  while (lx->chunks) {
    KgtChunk *c = lx->chunks;
    lx->chunks = c->next;
    kg_free(c);
  }
  kg_free(lx);
}

/* kgt_fold() of each ASCII byte: 0 for white space (controls, ' ' and DEL, as kgc_class
 * says), else the byte lower-cased (kgc_fold_cp); 0xFF for the other bytes. */
static const unsigned char kgt_fold_ascii[256] = {
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,
    0,   '!', '"', '#', '$', '%', '&', '\'', '(', ')', '*', '+', ',', '-', '.', '/',
    '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', ':', ';', '<', '=', '>', '?',
    '@', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '[', '\\', ']', '^', '_',
    '`', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k', 'l', 'm', 'n', 'o',
    'p', 'q', 'r', 's', 't', 'u', 'v', 'w', 'x', 'y', 'z', '{', '|', '}', '~', 0,
    /* 0x80..0xFF */
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
    0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF,
};

#define KGT_ONES 0x0101010101010101ULL
#define KGT_HIGH 0x8080808080808080ULL

/* 8 bytes that kgt_fold() turns into 8 bytes one for one: ASCII without white space but
 * single spaces between other bytes. Returns them folded (lower-cased), or 0 when they
 * are not such bytes. The tests are per byte, so the byte order does not matter. */
static inline uint64_t kgt_fold8(uint64_t x) {
  if (x & KGT_HIGH)
    return 0;
  /* some byte < 0x20 (controls), some byte 0x7F (DEL) */
  if (((x - 0x20 * KGT_ONES) & ~x & KGT_HIGH) || ((x + KGT_ONES) & KGT_HIGH))
    return 0;
  /* spaces, exactly: not first, not last, no two side by side */
  uint64_t sp = ~((x ^ 0x20 * KGT_ONES) + 0x7F * KGT_ONES) & KGT_HIGH;
  if (sp & (0x80ULL | (0x80ULL << 56) | (sp << 8)))
    return 0;
  /* 'A'..'Z' (0x41..0x5A) get 0x20 */
  uint64_t up = (x + 0x3F * KGT_ONES) & ~(x + 0x25 * KGT_ONES) & KGT_HIGH;
  return x | (up >> 2);
}

size_t kgt_fold(const char *s, size_t n, char *out, size_t cap) {
  const unsigned char *p = (const unsigned char *)s;
  size_t k = 0, o = 0;
  int space = 0;
  char tmp[8];
  while (k < n) {
    if (p[k] < 0x80) {
      /* ASCII, most bytes. A run of it writes at most one byte per byte left and the
       * pending space: when that fits, the run needs no bounds checks. */
      if (o + (size_t)space + (n - k) < cap) {
        do {
          uint64_t x, y;
          if (n - k >= 8 && (memcpy(&x, p + k, 8), (y = kgt_fold8(x)) != 0)) {
            if (space) {
              out[o++] = ' ';
              space = 0;
            }
            memcpy(out + o, &y, 8);
            o += 8;
            k += 8;
            continue;
          }
          unsigned char b = kgt_fold_ascii[p[k++]];
          if (!b) {
            space = o > 0;
            continue;
          }
          if (space) {
            out[o++] = ' ';
            space = 0;
          }
          out[o++] = (char)b;
        } while (k < n && p[k] < 0x80);
        continue;
      }
      unsigned char b = kgt_fold_ascii[p[k++]];
      if (!b) {
        space = o > 0;
        continue;
      }
      if (space) {
        if (o + 1 >= cap)
          return (size_t)-1;
        out[o++] = ' ';
        space = 0;
      }
      if (o + 1 >= cap)
        return (size_t)-1;
      out[o++] = (char)b;
      continue;
    }
    uint32_t cp;
    k += kgc_decode(p + k, n - k, &cp);
    KgcClass c = kgc_class(cp);
    if (c == KGC_SPACE || c == KGC_NEWLINE) {
      space = o > 0;
      continue;
    }
    size_t f = kgc_fold_cp(cp, tmp);
    if (f == 0)
      continue;
    if (space) {
      if (o + 1 >= cap)
        return (size_t)-1;
      out[o++] = ' ';
      space = 0;
    }
    if (o + f >= cap)
      return (size_t)-1;
    memcpy(out + o, tmp, f);
    o += f;
  }
  if (cap == 0)
    return (size_t)-1;
  out[o] = '\0';
  return o;
}

/* kgt_fold_key() of each byte: the folded byte and its class << 8 (0 digit, 1 letter,
 * 2 other: see kgt_key_class in phrase.c); 0 for white space, 0xFF for a byte that is not
 * ASCII. */
static const uint16_t kgt_fold_class[256] = {
    0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
    0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000,
    0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x000, 0x221, 0x222, 0x223,
    0x224, 0x225, 0x226, 0x227, 0x228, 0x229, 0x22A, 0x22B, 0x22C, 0x22D, 0x22E, 0x22F,
    0x030, 0x031, 0x032, 0x033, 0x034, 0x035, 0x036, 0x037, 0x038, 0x039, 0x23A, 0x23B,
    0x23C, 0x23D, 0x23E, 0x23F, 0x240, 0x161, 0x162, 0x163, 0x164, 0x165, 0x166, 0x167,
    0x168, 0x169, 0x16A, 0x16B, 0x16C, 0x16D, 0x16E, 0x16F, 0x170, 0x171, 0x172, 0x173,
    0x174, 0x175, 0x176, 0x177, 0x178, 0x179, 0x17A, 0x25B, 0x25C, 0x25D, 0x25E, 0x25F,
    0x260, 0x161, 0x162, 0x163, 0x164, 0x165, 0x166, 0x167, 0x168, 0x169, 0x16A, 0x16B,
    0x16C, 0x16D, 0x16E, 0x16F, 0x170, 0x171, 0x172, 0x173, 0x174, 0x175, 0x176, 0x177,
    0x178, 0x179, 0x17A, 0x27B, 0x27C, 0x27D, 0x27E, 0x000, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF, 0x0FF,
    0x0FF, 0x0FF, 0x0FF, 0x0FF,
};

/* Bit 4 * a + b: a token may start at a byte of class b after one of class a (3: a
 * space), as in phrase.c. */
#define KGT_CUT_BITS 0x0FDEu

#if defined(__GNUC__) && defined(__BYTE_ORDER__) && \
    (__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__ || __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__)
#define KGT_SWAR 1
/* The 8 bytes at @p p (readable: the buffers of data files have KGT_LINE_PAD bytes past
 * their end), byte j in bits 8j..8j+7, those past the @p avail left as zeros. */
static inline uint64_t kgt_load8(const unsigned char *p, size_t avail) {
  uint64_t x;
  memcpy(&x, p, 8);
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  if (avail < 8)
    x &= ~0ULL >> (64 - 8 * avail);
  return x;
}
#endif

#ifdef KGT_SWAR
/* Store 8 bytes at @p w, byte j from bits 8j..8j+7. */
static inline void kgt_store8(unsigned char *w, uint64_t x) {
#if __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  x = __builtin_bswap64(x);
#endif
  memcpy(w, &x, 8);
}
#endif

/* The class (as kgt_key_class in phrase.c) of any byte of a folded key. */
static unsigned kgt_key_class(unsigned x) {
  if (x >= 0x80)
    return 1;
  if (kgt_fold_class[x])
    return kgt_fold_class[x] >> 8;
  return x == ' ' ? 3 : 2;
}

size_t kgt_fold_key(const char *s, size_t n, char *out, KgtKeyHash *kh) {
  /* kgt_fold() and kgt_phrase_key_hash() in one pass. ASCII writes at most a byte per
   * byte, so while the rest of the input fits the output needs no bounds checks;
   * other code points are checked one by one, and any doubt is left to kgt_fold(). */
  const size_t cap = KGT_PHRASE_MAX + 1;
  if (n < cap) {
    const unsigned char *p = (const unsigned char *)s, *pe = p + n;
    unsigned char *w = (unsigned char *)out;
    uint64_t h = KGT_PHRASE_SEED, *pre = kh->pre, *pw = pre;
    unsigned a = 3; /* the first byte counts as after a space */
    int space = 0;
    while (p < pe) {
#ifdef KGT_SWAR
      /* a run of ASCII letters, up to 8 at a time: no cut inside, only the hash */
      uint64_t lo = kgt_load8(p, (size_t)(pe - p)) | 0x20 * KGT_ONES;
      uint64_t l7 = lo & 0x7F * KGT_ONES; /* 0x20 set: bytes that were not ASCII show */
      uint64_t letter = (l7 + 0x1F * KGT_ONES) & ~(l7 + 0x05 * KGT_ONES) & ~lo & KGT_HIGH;
      uint64_t non = ~letter & KGT_HIGH;
      unsigned run = non ? (unsigned)__builtin_ctzll(non) >> 3 : 8;
      if (run) {
        if (space) {
          *w++ = ' ';
          *pw++ = h;
          h = (h ^ ' ') * 1099511628211ULL;
          a = 3;
          space = 0;
        }
        if (a == 0 || a == 2) /* after a digit or other: a cut */
          *pw++ = h;
        if ((size_t)(w - (unsigned char *)out) + 8 <= cap) {
          /* all 8 (the bytes after the run are written over later, or past the key) */
          kgt_store8(w, lo);
          w += run;
        } else {
          for (unsigned j = 0; j < run; j++)
            *w++ = (unsigned char)(lo >> (8 * j));
        }
        for (unsigned j = run; j; j--) {
          h = (h ^ (lo & 0xFF)) * 1099511628211ULL;
          lo >>= 8;
        }
        p += run;
        a = 1;
        continue;
      }
#endif
      unsigned t = kgt_fold_class[*p];
      unsigned b = t & 0xFF, c = t >> 8;
      if (b - 1 < 0x7F) {
        p++;
        if (space) {
          /* a space after a byte that is none: always a place to cut */
          *w++ = ' ';
          *pw++ = h;
          h = (h ^ ' ') * 1099511628211ULL;
          a = 3;
          space = 0;
        }
        *w++ = (unsigned char)b;
        *pw = h; /* stored every time, kept at a cut: no branch to mispredict */
        pw += (KGT_CUT_BITS >> (4 * a + c)) & 1;
        a = c;
        h = (h ^ b) * 1099511628211ULL;
        continue;
      }
      if (b == 0) { /* ASCII white space */
        p++;
        space = w != (unsigned char *)out;
        continue;
      }
      uint32_t cp;
      const unsigned char *q = p + kgc_decode(p, (size_t)(pe - p), &cp);
      KgcClass cc = kgc_class(cp);
      if (cc == KGC_SPACE || cc == KGC_NEWLINE) {
        p = q;
        space = w != (unsigned char *)out;
        continue;
      }
      char tmp[8];
      size_t f = kgc_fold_cp(cp, tmp);
      /* what is written so far, this code point, and one byte per byte left */
      if ((size_t)(w - (unsigned char *)out) + (size_t)space + f + (size_t)(pe - q) >= cap)
        break;
      p = q;
      for (size_t j = 0; j < f; j++) {
        unsigned x = (unsigned char)tmp[j];
        if (space) {
          *w++ = ' ';
          *pw++ = h;
          h = (h ^ ' ') * 1099511628211ULL;
          a = 3;
          space = 0;
        }
        unsigned xc = kgt_key_class(x);
        *w++ = (unsigned char)x;
        *pw = h;
        pw += (KGT_CUT_BITS >> (4 * a + xc)) & 1;
        a = xc;
        h = (h ^ x) * 1099511628211ULL;
      }
    }
    if (p == pe) {
      *w = '\0';
      kh->h = h ? h : 1;
      kh->np = (size_t)(pw - pre);
      return (size_t)(w - (unsigned char *)out);
    }
  }
  size_t kl = kgt_fold(s, n, out, cap);
  if (kl != (size_t)-1 && kl > 0)
    kgt_phrase_key_hash(out, kl, kh);
  return kl;
}

static int kgt_has_upper(const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  size_t k = 0;
  while (k < n) {
    if (p[k] < 0x80) {
      if (p[k] >= 'A' && p[k] <= 'Z')
        return 1;
      k++;
      continue;
    }
    uint32_t cp;
    k += kgc_decode(p + k, n - k, &cp);
    if (kgc_is_upper(cp))
      return 1;
  }
  return 0;
}

static int kgt_is_class_name(const char *v) {
  static const char *const names[] = {"Organization", "Company", "NonProfit",
                                      "InvestmentFirm", "NewsOrganization",
                                      "GovernmentBody", "Person", "Product", "Place"};
  for (size_t k = 0; k < sizeof names / sizeof *names; k++)
    if (strcmp(v, names[k]) == 0)
      return 1;
  return 0;
}

/* @p v is one of @p set, or several joined by '|' ("before|after"). */
static int kgt_is_one_of(const char *v, const char *const *set) {
  if (!*v)
    return 0;
  for (;;) {
    const char *bar = strchr(v, '|');
    size_t n = bar ? (size_t)(bar - v) : strlen(v);
    const char *const *s;
    for (s = set; *s; s++)
      if (strlen(*s) == n && memcmp(v, *s, n) == 0)
        break;
    if (!*s)
      return 0;
    if (!bar)
      return 1;
    v = bar + 1;
  }
}

/* What each kind requires of its columns; NULL when the line is fine. */
static const char *kgt_check_entry(const KgtLexEntry *e) {
  static const char *const endvals[] = {"end", "noend", NULL};
  static const char *const pos3[] = {"pre", "post", "both", NULL};
  static const char *const attach[] = {"next", "of", "poss", "appos", "person", "backer", NULL};
  static const char *const orgpos[] = {"suffix", "prefix", "demonym", "predemonym", "det", "head", "same", "siblings", "parent", NULL};
  static const char *const cuepos[] = {"before", "after", "maker", "plural", "firm", "brand", "origin", "verb", NULL};
  static const char *const genvals[] = {"article", "plural", NULL};
  static const char *const modvals[] = {"owner", "suffix", "listing", "place", NULL};
  static const char *const anatype[] = {"np", "latest", "subj", "poss", "notmod", "focus", NULL};
  static const char *const roles[] = {"ceo", "chair", "founder", "other", NULL};
  char *endp;
  switch (e->kind) {
  case KGT_LEX_ABBREV:
    if (!kgt_is_one_of(e->value, endvals))
      return "abbrev value must be end or noend";
    if (!strchr(e->phrase, '.'))
      return "an abbreviation ends with '.'";
    break;
  case KGT_LEX_MONTH: {
    long m = strtol(e->value, &endp, 10);
    if (*endp || m < 1 || m > 12)
      return "month value must be 1..12";
    break;
  }
  case KGT_LEX_SCALE: {
    long x = strtol(e->value, &endp, 10);
    if (*endp || !*e->value || x < 0 || x > 24)
      return "scale value must be a power of ten 0..24";
    if (e->arg[0][0] && strcmp(e->arg[0], "alone") != 0)
      return "scale position must be empty or alone";
    break;
  }
  case KGT_LEX_CURRENCY:
    if (strlen(e->value) != 3 || e->value[0] < 'A' || e->value[0] > 'Z')
      return "currency value must be an ISO 4217 code";
    if (!kgt_is_one_of(e->arg[0], pos3))
      return "currency position must be pre, post or both";
    break;
  case KGT_LEX_DESCRIPTOR:
    if (!kgt_is_class_name(e->value))
      return "descriptor value must be a class (Company, NonProfit...)";
    if (!kgt_is_one_of(e->arg[0], attach))
      return "descriptor attachment must be next, of, poss, appos, person or backer";
    break;
  case KGT_LEX_LEGAL:
    if (!kgt_is_class_name(e->value))
      return "legal value must be a class";
    break;
  case KGT_LEX_ORGWORD:
    if (!kgt_is_class_name(e->value))
      return "orgword value must be a class";
    if (!kgt_is_one_of(e->arg[0], orgpos))
      return "orgword position must be suffix, prefix, demonym, predemonym, det, head, same, siblings or parent";
    break;
  case KGT_LEX_GENITIVE:
    if (e->value[0] && !kgt_is_one_of(e->value, genvals))
      return "genitive value must be empty, article or plural";
    break;
  case KGT_LEX_HYPHEN_MOD:
    if (e->value[0] && !kgt_is_one_of(e->value, modvals))
      return "hyphenmod value must be empty, owner, suffix, listing or place";
    break;
  case KGT_LEX_PRODUCT_CUE:
    if (!kgt_is_one_of(e->value, cuepos))
      return "productcue value must be before, after, maker, plural, firm, brand, origin or verb";
    break;
  case KGT_LEX_ANAPHOR:
    if (!kgt_is_one_of(e->value, anatype))
      return "anaphor value must be np, latest, subj, poss or notmod";
    break;
  case KGT_LEX_ROLE:
    if (!kgt_is_one_of(e->value, roles))
      return "role value must be ceo, chair, founder or other";
    break;
  case KGT_LEX_LEGAL_FORM:
    if (!*e->value)
      return "legalform needs a value";
    break;
  default: break;
  }
  return NULL;
}

/* Make room for the entries of @p bytes more of lexicon files: about one entry in 14
 * bytes (phrases are words), keys never longer than the files. A guess only: the
 * arrays still grow past it. */
static KgStatus kgt_reserve(KgtLexicon *lx, size_t bytes) {
  size_t want = lx->n + bytes / 14 + 16;
  if (want > lx->cap) {
    KgtLexEntry *ne = kg_realloc(lx->entries, want * sizeof *ne);
    if (!ne)
      return KG_ERR_NOMEM;
    lx->entries = ne;
    lx->cap = want;
  }
  KgStatus st = kgt_phrase_reserve_items(&lx->ix, lx->ix.nitems + bytes / 14 + 16,
                                         lx->ix.keys_len + bytes + 16);
  /* about one slot (key or prefix) per 19 bytes */
  if (st == KG_SUCCESS)
    st = kgt_phrase_reserve(&lx->ix, lx->ix.used + bytes / 20);
  return st;
}

static KgStatus kgt_add_entry(KgtLexicon *lx, const KgtLexEntry *e, size_t phrase_len) {
  /* folded straight into the index's key arena */
  char *key = kgt_phrase_key_room(&lx->ix);
  if (!key)
    return KG_ERR_NOMEM;
  KgtKeyHash kh;
  size_t kl = kgt_fold_key(e->phrase, phrase_len, key, &kh);
  if (kl == (size_t)-1 || kl == 0)
    return KG_ERR_PARSE;
  if (lx->n == lx->cap) {
    size_t nc = lx->cap ? lx->cap * 2 : 256;
    KgtLexEntry *ne = kg_realloc(lx->entries, nc * sizeof *ne);
    if (!ne)
      return KG_ERR_NOMEM;
    lx->entries = ne;
    lx->cap = nc;
  }
  KgStatus st =
      kgt_phrase_add_hashed(&lx->ix, key, kl, (uint32_t)lx->n, KGT_LEX_BIT(e->kind), &kh);
  if (st != KG_SUCCESS)
    return st;
  lx->entries[lx->n++] = *e;
  return KG_SUCCESS;
}

/* Reads "# kgbuild-lexicon: mentions LANG"; 1 when the line is such a header. */
static int kgt_header_lang(const char *line, size_t n, char lang[4], int *is_mentions) {
  static const char tag[] = "# kgbuild-lexicon:";
  size_t tl = sizeof tag - 1;
  if (n < tl || memcmp(line, tag, tl) != 0)
    return 0;
  char buf[64];
  size_t bl = n - tl < sizeof buf - 1 ? n - tl : sizeof buf - 1;
  memcpy(buf, line + tl, bl);
  buf[bl] = '\0';
  char what[32] = "", lg[8] = "";
  if (sscanf(buf, "%31s %7s", what, lg) < 1)
    return 0;
  *is_mentions = strcmp(what, "mentions") == 0;
  size_t ll = strlen(lg) < 3 ? strlen(lg) : 3;
  memcpy(lang, lg, ll);
  lang[ll] = '\0';
  return 1;
}

char *kgt_line_cut(char *p, char *end, KgtLine *ln, size_t max_tabs) {
  char *nul = NULL, *le = end;
  ln->line = p;
  ln->ntabs = 0;
#ifdef KGT_SWAR
  /* 8 bytes at a time: bytes below 0x0B are candidates (a few false ones, checked) */
  for (char *q = p;; q += 8) {
    uint64_t x = kgt_load8((const unsigned char *)q, 8);
    uint64_t m = (x - 0x0B * KGT_ONES) & ~x & KGT_HIGH;
    for (; m; m &= m - 1) {
      char *c = q + (__builtin_ctzll(m) >> 3);
      if (*c == '\t') {
        if (!nul && ln->ntabs < max_tabs)
          ln->tab[ln->ntabs++] = c;
      } else if (*c == '\n') {
        le = c;
        goto found;
      } else if (*c == '\0') {
        if (c >= end)
          goto found;
        if (!nul)
          nul = c; /* the line ends there for strlen(); tabs after it do not count */
      }
    }
  }
found:
#else
  for (char *c = p;; c++) {
    if (*c == '\t') {
      if (!nul && ln->ntabs < max_tabs)
        ln->tab[ln->ntabs++] = c;
    } else if (*c == '\n') {
      le = c;
      break;
    } else if (*c == '\0') {
      if (c >= end)
        break;
      if (!nul)
        nul = c;
    }
  }
#endif
  char *next = le < end ? le + 1 : end;
  char *stop = le;
  if (le > p && le[-1] == '\r')
    *--stop = '\0';
  *le = '\0';
  ln->len = (size_t)((nul ? nul : stop) - p);
  return next;
}

size_t kgt_line_fields(const KgtLine *ln, char **f, size_t *fl, size_t max) {
  char *q = ln->line;
  size_t k;
  for (k = 0; k < ln->ntabs && k < max; k++) {
    f[k] = q;
    fl[k] = (size_t)(ln->tab[k] - q);
    *ln->tab[k] = '\0';
    q = ln->tab[k] + 1;
  }
  if (k == max) /* the last field is cut at the tab after it too */
    return k;
  f[k] = q;
  fl[k] = (size_t)(ln->line + ln->len - q);
  return k + 1;
}

/* Add the lines of @p data (@p len bytes and a NUL, kept by @p lx: entries point into
 * it, and it is cut into strings in place); kgt_parse() commits them. */
static KgStatus kgt_parse_lines(KgtLexicon *lx, char *data, size_t len, const char *name,
                          const char *lang, const KgLog *log) {
  KgStatus st;
  char flang[4] = "";
  if (lang)
    snprintf(flang, sizeof flang, "%s", lang);
  char *p = data, *end = data + len;
  long lineno = 0;
  size_t last_kind = 0;
  size_t kind_len[KGT_LEX__COUNT];
  for (size_t k = 0; k < KGT_LEX__COUNT; k++)
    kind_len[k] = strlen(kgt_kind_names[k]);
  int have_lang = lang != NULL;
  while (p < end) {
    KgtLine ln;
    p = kgt_line_cut(p, end, &ln, 7);
    char *line = ln.line;
    lineno++;
    if (lineno == 1) {
      int mentions = 0;
      char hl[4];
      if (kgt_header_lang(line, ln.len, hl, &mentions)) {
        if (!mentions) {
          kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1,
                  "%s:1: not a mentions lexicon (header says otherwise)", name);
          return KG_ERR_PARSE;
        }
        if (hl[0]) {
          snprintf(flang, sizeof flang, "%s", hl);
          have_lang = 1;
        }
        continue;
      }
      if (!have_lang) {
        kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1,
                "%s:1: a lexicon starts with '# kgbuild-lexicon: mentions LANG'", name);
        return KG_ERR_PARSE;
      }
    }
    if (line[0] == '#' || line[0] == '\0')
      continue;
    char *f[7];
    size_t fl[7];
    size_t nf = kgt_line_fields(&ln, f, fl, 7);
    if (nf < 2 || !*f[1]) {
      if (nf == 1 && strspn(line, " \t") == ln.len)
        continue;
      kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1,
              "%s:%ld: expected KIND<TAB>PHRASE[<TAB>VALUE...]", name, lineno);
      return KG_ERR_PARSE;
    }
    KgtLexEntry e;
    memset(&e, 0, sizeof e);
    /* files list one kind at a time (thousands of "common" lines): the last kind first */
    size_t k = last_kind;
    if (fl[0] != kind_len[k] || memcmp(f[0], kgt_kind_names[k], fl[0]) != 0)
      for (k = 0; k < KGT_LEX__COUNT; k++)
        if (fl[0] == kind_len[k] && memcmp(f[0], kgt_kind_names[k], fl[0]) == 0)
          break;
    if (k == KGT_LEX__COUNT) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1, "%s:%ld: unknown kind '%s'", name,
              lineno, f[0]);
      return KG_ERR_PARSE;
    }
    last_kind = k;
    e.kind = (KgtLexKind)k;
    memcpy(e.lang, flang, sizeof e.lang);
    e.phrase = f[1];
    e.value = nf > 2 ? f[2] : "";
    for (size_t a = 0; a < 3; a++)
      e.arg[a] = nf > 3 + a ? f[3 + a] : "";
    e.case_sensitive = kgt_has_upper(e.phrase, fl[1]);
    memset(&e.case_sig, 0, sizeof e.case_sig);
    if (e.case_sensitive)
      kgt_case_sig_of(e.phrase, strlen(e.phrase), &e.case_sig);
    const char *why = kgt_check_entry(&e);
    if (why) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1, "%s:%ld: %s", name, lineno, why);
      return KG_ERR_PARSE;
    }
    st = kgt_add_entry(lx, &e, fl[1]);
    if (st == KG_ERR_PARSE) {
      kgi_log(log, KG_LOG_ERROR, st, name, -1, "%s:%ld: phrase too long or empty", name,
              lineno);
      return st;
    }
    if (st != KG_SUCCESS)
      return st;
  }
  return KG_SUCCESS;
}

/* kgt_parse_lines(), and the index made whole again: the lines before a bad one stay. */
static KgStatus kgt_parse(KgtLexicon *lx, char *data, size_t len, const char *name,
                          const char *lang, const KgLog *log) {
  KgStatus st = kgt_parse_lines(lx, data, len, name, lang, log);
  KgStatus cst = kgt_phrase_commit(&lx->ix);
  return st != KG_SUCCESS ? st : cst;
}

KgStatus kgt_lexicon_load_string(KgtLexicon *lx, const char *data, size_t len,
                                 const char *name, const char *lang, const KgLog *log) {
  KgtChunk *ch = kg_malloc(sizeof *ch + len + 1 + KGT_LINE_PAD);
  if (!ch)
    return KG_ERR_NOMEM;
  memcpy(ch->data, data, len);
  memset(ch->data + len, 0, 1 + KGT_LINE_PAD);
  ch->next = lx->chunks;
  lx->chunks = ch;
  return kgt_parse(lx, ch->data, len, name, lang, log);
}

/* Read all of @p fp into a new chunk (*len bytes and a NUL), at most
 * KGT_LEXICON_MAX_BYTES; one read of the file's size for a regular file. */
static KgStatus kgt_read_chunk(FILE *fp, KgtChunk **out, size_t *len) {
  struct stat sb;
  size_t cap = 16384;
  if (fstat(fileno(fp), &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size >= 0) {
    if ((unsigned long long)sb.st_size > KGT_LEXICON_MAX_BYTES)
      return KG_ERR_TOO_LARGE;
    cap = (size_t)sb.st_size + 1; /* + 1: the read that sees the end */
  }
  KgtChunk *c = kg_malloc(sizeof *c + cap + 1 + KGT_LINE_PAD);
  if (!c)
    return KG_ERR_NOMEM;
  size_t n = 0, got;
  while ((got = fread(c->data + n, 1, cap - n, fp)) > 0) {
    n += got;
    if (n > KGT_LEXICON_MAX_BYTES) {
      kg_free(c);
      return KG_ERR_TOO_LARGE;
    }
    if (n == cap) {
      size_t nc = cap * 2;
      KgtChunk *nch = kg_realloc(c, sizeof *c + nc + 1 + KGT_LINE_PAD);
      if (!nch) {
        kg_free(c);
        return KG_ERR_NOMEM;
      }
      c = nch;
      cap = nc;
    }
  }
  if (ferror(fp)) {
    kg_free(c);
    return KG_ERR_IO;
  }
  memset(c->data + n, 0, 1 + KGT_LINE_PAD);
  c->next = NULL;
  *out = c;
  *len = n;
  return KG_SUCCESS;
}

KgStatus kgt_lexicon_load_file(KgtLexicon *lx, const char *path, const char *lang,
                               const KgLog *log) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    KgStatus st = errno == ENOENT ? KG_ERR_NOT_FOUND : KG_ERR_IO;
    kgi_log(log, KG_LOG_ERROR, st, path, -1, "%s: cannot open: %s", path, strerror(errno));
    return st;
  }
  KgtChunk *ch = NULL;
  size_t len = 0;
  KgStatus st = kgt_read_chunk(fp, &ch, &len);
  fclose(fp);
  if (st != KG_SUCCESS) {
    kgi_log(log, KG_LOG_ERROR, st, path, -1, "%s: cannot read: %s", path, kg_strerror(st));
    return st;
  }
  ch->next = lx->chunks;
  lx->chunks = ch;
  return kgt_parse(lx, ch->data, len, path, lang, log);
}

const char *kgt_lexicon_dir_file(const char *data_dir, size_t k, char *path, size_t cap) {
  static const char *const langs[] = {"en", "fr"};
  static const char *const files[] = {"mentions", "words"};
  if (k >= 4)
    return NULL;
  snprintf(path, cap, "%s/lexicon/%s-%s.tsv", data_dir, langs[k / 2], files[k % 2]);
  return langs[k / 2];
}

KgStatus kgt_lexicon_load_dir(KgtLexicon *lx, const char *data_dir, const KgLog *log) {
  char path[4096];
  size_t total = 0;
  for (size_t k = 0; kgt_lexicon_dir_file(data_dir, k, path, sizeof path); k++) {
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
        (unsigned long long)sb.st_size <= KGT_LEXICON_MAX_BYTES)
      total += (size_t)sb.st_size;
  }
  /* room for the four files at once: the tables grow no more while they load */
  KgStatus st = kgt_reserve(lx, total);
  const char *lang;
  for (size_t k = 0; st == KG_SUCCESS && (lang = kgt_lexicon_dir_file(data_dir, k, path, sizeof path)); k++)
    st = kgt_lexicon_load_file(lx, path, lang, log);
  return st;
}

/* An entry in a prepared file: its strings as pool references. */
typedef struct {
  uint32_t kind;
  char lang[4];
  uint32_t phrase, value, arg[3];
  uint32_t case_sensitive;
  KgtCaseSig case_sig;
} KgtLexRec;

void kgt_lexicon_save(const KgtLexicon *lx, KgiSnapW *w) {
  KgiBuf pool;
  kgi_pool_init(&pool);
  KgtLexRec *rec = kg_calloc(lx->n ? lx->n : 1, sizeof *rec);
  if (!rec && w->st == KG_SUCCESS)
    w->st = KG_ERR_NOMEM;
  for (size_t k = 0; rec && k < lx->n; k++) {
    const KgtLexEntry *e = &lx->entries[k];
    rec[k].kind = (uint32_t)e->kind;
    memcpy(rec[k].lang, e->lang, sizeof rec[k].lang);
    rec[k].phrase = kgi_pool_ref(w, &pool, e->phrase);
    rec[k].value = kgi_pool_ref(w, &pool, e->value);
    for (int a = 0; a < 3; a++)
      rec[k].arg[a] = kgi_pool_ref(w, &pool, e->arg[a]);
    rec[k].case_sensitive = (uint32_t)e->case_sensitive;
    rec[k].case_sig = e->case_sig;
  }
  kgi_snapw_put(w, pool.data, pool.len);
  kgi_snapw_put(w, rec, rec ? lx->n * sizeof *rec : 0);
  kgt_phrase_save(&lx->ix, w);
  kg_free(rec);
  kgi_buf_free(&pool);
}

KgStatus kgt_lexicon_map(KgiSnapR *r, KgtLexicon **out) {
  size_t npool, n;
  const char *pool = kgi_snapr_get(r, &npool);
  const KgtLexRec *rec = kgi_snapr_array(r, sizeof *rec, &n);
  if (r->bad || !npool || n >= UINT32_MAX)
    return KG_ERR_PARSE;
  KgtLexicon *lx;
  KgStatus st = kgt_lexicon_new(&lx);
  if (st != KG_SUCCESS)
    return st;
  if (!(lx->entries = kg_malloc((n ? n : 1) * sizeof *lx->entries))) {
    kgt_lexicon_free(lx);
    return KG_ERR_NOMEM;
  }
  lx->cap = n ? n : 1;
  int bad = 0;
  for (size_t k = 0; k < n && !bad; k++) {
    KgtLexEntry *e = &lx->entries[k];
    bad = rec[k].kind >= KGT_LEX__COUNT || rec[k].lang[3] != 0 || rec[k].case_sensitive > 1;
    e->kind = (KgtLexKind)rec[k].kind;
    memcpy(e->lang, rec[k].lang, sizeof e->lang);
    e->phrase = kgi_pool_str(pool, npool, rec[k].phrase, &bad);
    e->value = kgi_pool_str(pool, npool, rec[k].value, &bad);
    for (int a = 0; a < 3; a++)
      e->arg[a] = kgi_pool_str(pool, npool, rec[k].arg[a], &bad);
    if (!e->phrase || !e->value || !e->arg[0] || !e->arg[1] || !e->arg[2])
      bad = 1; /* the loader never leaves one NULL */
    e->case_sensitive = (int)rec[k].case_sensitive;
    e->case_sig = rec[k].case_sig;
    lx->n = k + 1;
  }
  st = bad ? KG_ERR_PARSE : kgt_phrase_map(&lx->ix, r, (uint32_t)n);
  if (st != KG_SUCCESS) {
    kgt_lexicon_free(lx);
    return st;
  }
  *out = lx;
  return KG_SUCCESS;
}

uint32_t kgt_lexicon_first(const KgtLexicon *lx, const KgtDoc *d, size_t i, uint32_t *head) {
  *head = 0;
  if (!lx || i >= kgt_doc_ntokens(d))
    return 0;
  uint32_t mask;
  *head = kgt_phrase_probe(&lx->ix, kgt_doc_fold_hash(d, i), &mask);
  return mask;
}

void kgt_lexicon_first_all(const KgtLexicon *lx, const KgtDoc *d, uint32_t *heads,
                           uint32_t *masks) {
  kgt_phrase_probe_many(&lx->ix, kgt_doc_head(d)->fold_hash, kgt_doc_ntokens(d), heads, masks);
}

uint32_t kgt_lexicon_first_mask(const KgtLexicon *lx, const KgtDoc *d, size_t i) {
  uint32_t head;
  return kgt_lexicon_first(lx, d, i, &head);
}

/* The probe of token @p i (as kgt_lexicon_first()), from the doc when it was made with
 * @p lx: the tokenizer did it once for every token. */
static uint32_t kgt_first_cached(const KgtLexicon *lx, const KgtDoc *d, size_t i,
                                 uint32_t *head) {
  const KgtDocHead *h = kgt_doc_head(d);
  if (h->lex_head && lx == h->lx) {
    *head = h->lex_head[i];
    return h->lex_mask[i];
  }
  return kgt_lexicon_first(lx, d, i, head);
}

typedef struct {
  const KgtLexicon *lx;
  const KgtDoc *d;
  unsigned kinds;
  const char *lang;
} KgtMatchCtx;

static int kgt_lang_ok(const KgtLexEntry *e, const char *lang) {
  if (!lang || !e->lang[0])
    return 1;
  /* strcmp() in line: the entry's code has at most three letters, and this runs for
     every item a look-up meets */
  for (size_t k = 0; k < sizeof e->lang; k++) {
    if (e->lang[k] != lang[k])
      return 0;
    if (!lang[k])
      return 1;
  }
  return 1;
}

static int kgt_accept(void *user, uint32_t payload, size_t a, size_t b) {
  KgtMatchCtx *c = user;
  const KgtLexEntry *e = &c->lx->entries[payload];
  if (!(c->kinds & KGT_LEX_BIT(e->kind)) || !kgt_lang_ok(e, c->lang))
    return 0;
  if (e->case_sensitive && !kgt_span_case_equal_sig(c->d, a, b, &e->case_sig))
    return 0;
  return 1;
}

size_t kgt_lexicon_match(const KgtLexicon *lx, const KgtDoc *d, size_t i, unsigned kinds,
                         const KgtLexEntry **out) {
  if (!lx || i >= kgt_doc_ntokens(d))
    return 0;
  uint32_t head, smask = kgt_first_cached(lx, d, i, &head);
  if (!(smask & kinds))
    return 0;
  KgtMatchCtx c = {lx, d, kinds, kgt_doc_lang(d)};
  uint32_t pl = 0;
  size_t n = kgt_phrase_longest_from(&lx->ix, d, i, 0, kinds, kgt_accept, &c, &pl, head, smask);
  if (n && out)
    *out = &lx->entries[pl];
  return n;
}

/* The entry of @p kind among the items from @p it (a probe's result, with its @p mask)
 * whose key is @p key. */
static const KgtLexEntry *kgt_lookup_items(const KgtLexicon *lx, KgtLexKind kind,
                                           const char *lang, uint32_t it, uint32_t mask,
                                           const char *key, size_t kl, const char *s, size_t n) {
  if (!(mask & KGT_LEX_BIT(kind)))
    return NULL;
  for (; it; it = kgt_phrase_item(&lx->ix, it)->next) {
    const KgtPhraseItem *item = kgt_phrase_item(&lx->ix, it);
    const KgtLexEntry *e = &lx->entries[item->payload];
    if (e->kind != kind || !kgt_lang_ok(e, lang) || item->key_len != kl ||
        memcmp(lx->ix.keys + item->key_off, key, kl) != 0)
      continue;
    if (e->case_sensitive && !kgt_str_case_equal_sig(s, n, &e->case_sig))
      continue;
    return e;
  }
  return NULL;
}

const KgtLexEntry *kgt_lexicon_lookup(const KgtLexicon *lx, KgtLexKind kind, const char *lang,
                                      const char *s, size_t n) {
  if (!lx)
    return NULL;
  char key[KGT_PHRASE_MAX + 1];
  size_t kl = kgt_fold(s, n, key, sizeof key);
  if (kl == (size_t)-1 || kl == 0)
    return NULL;
  uint32_t mask;
  uint32_t it = kgt_phrase_probe(&lx->ix, kgt_phrase_hash(KGT_PHRASE_SEED, key, kl), &mask);
  return kgt_lookup_items(lx, kind, lang, it, mask, key, kl, s, n);
}

const KgtLexEntry *kgt_lexicon_lookup_token(const KgtLexicon *lx, KgtLexKind kind,
                                            const KgtDoc *d, size_t i) {
  if (!lx || i >= kgt_doc_ntokens(d))
    return NULL;
  uint32_t it, mask = kgt_first_cached(lx, d, i, &it);
  if (!(mask & KGT_LEX_BIT(kind)))
    return NULL;
  const KgtToken *t = kgt_doc_token(d, i);
  return kgt_lookup_items(lx, kind, kgt_doc_lang(d), it, mask, t->fold, strlen(t->fold),
                          kgt_doc_text(d) + t->start, t->end - t->start);
}
