/* lexicon.c - loading language data files and matching their phrases against tokens. */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

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
    "subjverb"};

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

size_t kgt_fold(const char *s, size_t n, char *out, size_t cap) {
  const unsigned char *p = (const unsigned char *)s;
  size_t k = 0, o = 0;
  int space = 0;
  char tmp[8];
  while (k < n) {
    if (p[k] < 0x80) {
      /* ASCII, most bytes: controls, ' ' and DEL are white space (kgc_class), the rest
       * folds to itself lower-cased (kgc_fold_cp) */
      unsigned char b = p[k++];
      if (b <= 0x20 || b == 0x7F) {
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
      out[o++] = (char)((b >= 'A' && b <= 'Z') ? b + 32 : b);
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

static int kgt_has_upper(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  size_t n = strlen(s), k = 0;
  while (k < n) {
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
  static const char *const attach[] = {"next", "of", "poss", "appos", NULL};
  static const char *const orgpos[] = {"suffix", "prefix", "demonym", "det", NULL};
  static const char *const cuepos[] = {"before", "after", NULL};
  static const char *const anatype[] = {"np", "latest", "subj", "poss", NULL};
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
      return "descriptor attachment must be next, of, poss or appos";
    break;
  case KGT_LEX_LEGAL:
    if (!kgt_is_class_name(e->value))
      return "legal value must be a class";
    break;
  case KGT_LEX_ORGWORD:
    if (!kgt_is_class_name(e->value))
      return "orgword value must be a class";
    if (!kgt_is_one_of(e->arg[0], orgpos))
      return "orgword position must be suffix, prefix, demonym or det";
    break;
  case KGT_LEX_PRODUCT_CUE:
    if (!kgt_is_one_of(e->value, cuepos))
      return "productcue value must be before or after";
    break;
  case KGT_LEX_ANAPHOR:
    if (!kgt_is_one_of(e->value, anatype))
      return "anaphor value must be np, latest, subj or poss";
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

static KgStatus kgt_add_entry(KgtLexicon *lx, const KgtLexEntry *e) {
  char key[KGT_PHRASE_MAX + 1];
  size_t kl = kgt_fold(e->phrase, strlen(e->phrase), key, sizeof key);
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
  KgStatus st = kgt_phrase_add(&lx->ix, key, kl, (uint32_t)lx->n, KGT_LEX_BIT(e->kind));
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

KgStatus kgt_lexicon_load_string(KgtLexicon *lx, const char *data, size_t len,
                                 const char *name, const char *lang, const KgLog *log) {
  KgtChunk *ch = kg_malloc(sizeof *ch + len + 1);
  if (!ch)
    return KG_ERR_NOMEM;
  memcpy(ch->data, data, len);
  ch->data[len] = '\0';
  ch->next = lx->chunks;
  lx->chunks = ch;
  char flang[4] = "";
  if (lang)
    snprintf(flang, sizeof flang, "%s", lang);
  char *p = ch->data, *end = ch->data + len;
  long lineno = 0;
  size_t last_kind = 0;
  int have_lang = lang != NULL;
  while (p < end) {
    char *nl = memchr(p, '\n', (size_t)(end - p));
    char *le = nl ? nl : end;
    lineno++;
    if (le > p && le[-1] == '\r')
      le[-1] = '\0';
    *le = '\0';
    char *line = p;
    p = nl ? nl + 1 : end;
    if (lineno == 1) {
      int mentions = 0;
      char hl[4];
      if (kgt_header_lang(line, strlen(line), hl, &mentions)) {
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
    char *f[7] = {NULL};
    size_t nf = kgi_split_tabs(line, f, 7);
    if (nf < 2 || !*f[1]) {
      if (nf == 1 && strspn(line, " \t") == strlen(line))
        continue;
      kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1,
              "%s:%ld: expected KIND<TAB>PHRASE[<TAB>VALUE...]", name, lineno);
      return KG_ERR_PARSE;
    }
    KgtLexEntry e;
    memset(&e, 0, sizeof e);
    /* files list one kind at a time (thousands of "common" lines): the last kind first */
    size_t k = last_kind;
    if (strcmp(f[0], kgt_kind_names[k]) != 0)
      for (k = 0; k < KGT_LEX__COUNT; k++)
        if (f[0][0] == kgt_kind_names[k][0] && strcmp(f[0], kgt_kind_names[k]) == 0)
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
    e.case_sensitive = kgt_has_upper(e.phrase);
    const char *why = kgt_check_entry(&e);
    if (why) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1, "%s:%ld: %s", name, lineno, why);
      return KG_ERR_PARSE;
    }
    KgStatus st = kgt_add_entry(lx, &e);
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

KgStatus kgt_lexicon_load_file(KgtLexicon *lx, const char *path, const char *lang,
                               const KgLog *log) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    KgStatus st = errno == ENOENT ? KG_ERR_NOT_FOUND : KG_ERR_IO;
    kgi_log(log, KG_LOG_ERROR, st, path, -1, "%s: cannot open: %s", path, strerror(errno));
    return st;
  }
  KgiBuf b;
  kgi_buf_init(&b, KGT_LEXICON_MAX_BYTES);
  char tmp[16384];
  size_t got;
  KgStatus st = KG_SUCCESS;
  while ((got = fread(tmp, 1, sizeof tmp, fp)) > 0)
    if ((st = kgi_buf_append(&b, tmp, got)) != KG_SUCCESS)
      break;
  if (st == KG_SUCCESS && ferror(fp))
    st = KG_ERR_IO;
  fclose(fp);
  if (st == KG_SUCCESS)
    st = kgt_lexicon_load_string(lx, b.data ? b.data : "", b.len, path, lang, log);
  else
    kgi_log(log, KG_LOG_ERROR, st, path, -1, "%s: cannot read: %s", path, kg_strerror(st));
  kgi_buf_free(&b);
  return st;
}

KgStatus kgt_lexicon_load_dir(KgtLexicon *lx, const char *data_dir, const KgLog *log) {
  static const char *const langs[] = {"en", "fr"};
  static const char *const files[] = {"mentions", "words"};
  for (size_t k = 0; k < 2; k++)
    for (size_t f = 0; f < 2; f++) {
      char path[4096];
      snprintf(path, sizeof path, "%s/lexicon/%s-%s.tsv", data_dir, langs[k], files[f]);
      KgStatus st = kgt_lexicon_load_file(lx, path, langs[k], log);
      if (st != KG_SUCCESS)
        return st;
    }
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
  return !lang || !e->lang[0] || strcmp(e->lang, lang) == 0;
}

static int kgt_accept(void *user, uint32_t payload, size_t a, size_t b) {
  KgtMatchCtx *c = user;
  const KgtLexEntry *e = &c->lx->entries[payload];
  if (!(c->kinds & KGT_LEX_BIT(e->kind)) || !kgt_lang_ok(e, c->lang))
    return 0;
  if (e->case_sensitive && !kgt_span_case_equal(c->d, a, b, e->phrase))
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
    if (e->case_sensitive && !kgt_str_case_equal(s, n, e->phrase))
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
