/*
 * mentions.c - finding the organizations, people, products and places of a document.
 *
 * Passes, strongest evidence first; a token belongs to at most one mention, so a later,
 * weaker pass never overrides an earlier one:
 *   1. descriptors ("la société", "the startup") mark the token where their name starts;
 *   2. gazetteer look-ups (longest match), demonyms, names inside hyphenated words;
 *   3. names a descriptor introduces; names ending in a legal suffix or a name word;
 *   4. products after or before a cue ("son chatbot X", "the X platform");
 *   5. people: titles (M., Mr.), first names, roles ("CEO Jane Roe", "Jane Roe, CEO");
 *   6. names seen earlier in the document (a surname alone, "Zorbex" after
 *      "la société Zorbex");
 *   7. other capitalised spans in context (KGM_F_GUESS);
 *   8. lists of products, appositions (", firme californienne"), possessive descriptors;
 *   9. anaphora, then the "we"/"nous" of quotations resolved to their speaker.
 * Every word list is language data (lexicon, gazetteer); the code only knows the shapes.
 */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "extract/mention_int.h"
#include "text/text_int.h"

/* How far back an anaphor looks for its referent, in sentences. */
#define KGM_ANAPHOR_SENTENCES 3
/* How many tokens back a name before ", who" is looked for as a surname written before. */
#define KGM_WHO_LOOKBACK 4000
/* How many earlier names an anaphor looks at, at most: enough for any real text, and
 * keeps a hostile one (thousands of names in one sentence) linear. */
#define KGM_REF_SCAN 64
/* Longest name, in tokens. */
#define KGM_MAX_NAME 12

typedef struct KgmStr {
  struct KgmStr *next;
  size_t used, cap;
  char data[];
} KgmStr;

typedef struct {
  const KgtLexEntry *e; /* descriptor naming the name that starts at this token */
  size_t ds, de;        /* the descriptor's tokens (with its modifiers) */
} KgmDesc;

/* internal per-mention data */
typedef struct {
  size_t name_end; /* end of the name's tokens (legal suffixes excluded) */
  int dead;        /* merged into another mention */
  int source;      /* KGM_SRC_* */
} KgmAux;

enum { KGM_SRC_GAZ = 0, KGM_SRC_DESC, KGM_SRC_SUFFIX, KGM_SRC_CUE, KGM_SRC_PERSON,
       KGM_SRC_LEARNED, KGM_SRC_GUESS, KGM_SRC_BRACKET, KGM_SRC_ANAPHOR };

/* kgm_lex() answers for one token. The passes ask the same of a token again and again
 * (the anaphora pass whether it is a determiner four times), and each answer is a phrase
 * look-up over the tokens that follow: the answers for the last tokens asked about are
 * kept, a row per token, in KGM_LEX_ROWS rows that passes moving forward through the text
 * take over as they go (a row taken over forgets its kinds at once, so no table needs
 * clearing per article). */
typedef struct {
  size_t tok1;   /* the token + 1; 0: no token */
  uint64_t known; /* bit k: the answer for kind k is below */
  uint32_t n[KGT_LEX__COUNT];
  const KgtLexEntry *e[KGT_LEX__COUNT];
} KgmLexRow;

#define KGM_LEX_ROWS 16 /* a power of two */
_Static_assert(KGT_LEX__COUNT <= 64, "KgmLexRow.known has a bit per lexicon kind");

typedef struct {
  const KgmGazetteer *g;
  const KgtDoc *d;
  const KgtLexicon *lx;
  const KgtToken *toks;
  const char *text;
  int fr;
  size_t nt;
  int *owner;
  unsigned char *quoted;
  unsigned char *headline; /* per sentence */
  size_t *sent_word;       /* per sentence: its first token that is no punctuation */
  unsigned char *namey;    /* per token: 0 not computed, 1 a name word, 2 not */
  uint32_t *lmask;         /* per token: lexicon kinds with a phrase starting there */
  uint32_t *gmask;         /* per token: gazetteer key kinds starting there */
  uint32_t *ghead;         /* per token: the gazetteer's first item under its fold string,
                              from the probe that gave gmask (phrase.h) */
  KgmLexRow *lexrows;      /* KGM_LEX_ROWS rows of kgm_lex() answers, which fills them */
  KgmDesc *desc;
  unsigned char *in_desc; /* per token: part of a descriptor that names someone */
  unsigned char *fn_org;  /* per token: 0 not computed, 1 a first name used as a company's
                             name (kgm_first_name_as_org()), 2 not */
  size_t fn_scans;        /* how many first names kgm_first_name_as_org() has looked up */
  KgmMention *m;
  KgmAux *aux;
  size_t n, cap;
  KgmStr *strs;
  KgStatus st;
} KgmCtx;

/* ---------------------------------------------------------------- strings */

static const char *kgm_strndup(KgmCtx *c, const char *s, size_t n) {
  if (!c->strs || c->strs->cap - c->strs->used < n + 1) {
    size_t cap = n + 1 > 8192 ? n + 1 : 8192;
    KgmStr *b = kg_malloc(sizeof *b + cap);
    if (!b) {
      c->st = KG_ERR_NOMEM;
      return NULL;
    }
    b->next = c->strs;
    b->used = 0;
    b->cap = cap;
    c->strs = b;
  }
  char *o = c->strs->data + c->strs->used;
  memcpy(o, s, n);
  o[n] = '\0';
  c->strs->used += n + 1;
  return o;
}

/* Text of tokens [a, b) with every run of white space made one space. */
static const char *kgm_span_str(KgmCtx *c, size_t a, size_t b) {
  char buf[1024];
  size_t o = 0;
  for (size_t j = a; j < b; j++) {
    const KgtToken *t = kgt_doc_token(c->d, j);
    if (j > a && (t->flags & KGT_F_SPACE_BEFORE) && o < sizeof buf - 1)
      buf[o++] = ' ';
    size_t n = t->end - t->start;
    if (o + n >= sizeof buf)
      break;
    memcpy(buf + o, c->text + t->start, n);
    o += n;
    /* "… sous l'enseigne Velo K.": a capital's dot that ends the sentence is the
       sentence's, not the name's */
    if (j + 1 == b && j > a && n == 2 && buf[o - 1] == '.' && buf[o - 2] >= 'A' && buf[o - 2] <= 'Z' &&
        j + 1 == kgt_doc_sentence(c->d, t->sentence)->tok_end)
      o--;
  }
  return kgm_strndup(c, buf, o);
}

/* --------------------------------------------------------------- tokens */

static const KgtToken *kgm_tok(const KgmCtx *c, size_t i) { return &c->toks[i]; }

static int kgm_is(const KgmCtx *c, size_t i, const char *fold) {
  return i < c->nt && c->toks[i].fold[0] == fold[0] && strcmp(c->toks[i].fold, fold) == 0;
}

/* kgm_lex() of a token that has a phrase of kind @p k starting there. */
static size_t kgm_lex_memo(const KgmCtx *c, size_t i, KgtLexKind k, const KgtLexEntry **e) {
  KgmLexRow *r = &c->lexrows[i & (KGM_LEX_ROWS - 1)];
  uint64_t bit = (uint64_t)1 << k;
  if (r->tok1 != i + 1) {
    r->tok1 = i + 1;
    r->known = 0;
  }
  if (!(r->known & bit)) {
    const KgtLexEntry *found = NULL;
    r->n[k] = (uint32_t)kgt_lexicon_match(c->lx, c->d, i, KGT_LEX_BIT(k), &found);
    r->e[k] = found;
    r->known |= bit;
  }
  if (r->n[k] && e)
    *e = r->e[k];
  return r->n[k];
}

/* The length of the longest lexicon phrase of kind @p k at token @p i (*e its entry), 0
 * when none; the mask test, which turns most tokens away, stays inline. */
static inline size_t kgm_lex(const KgmCtx *c, size_t i, KgtLexKind k, const KgtLexEntry **e) {
  if (i >= c->nt || !(c->lmask[i] & KGT_LEX_BIT(k)))
    return 0;
  return kgm_lex_memo(c, i, k, e);
}

static const KgtLexEntry *kgm_lex1(const KgmCtx *c, size_t i, KgtLexKind k) {
  if (!(c->lmask[i] & KGT_LEX_BIT(k)))
    return NULL;
  return kgt_lexicon_lookup_token(c->lx, k, c->d, i);
}

static int kgm_has(const char *list, const char *v);

/* A genitive at @p i ("de", "of"; lexicon kind genitive); with @p plural 0 not "des". */
static int kgm_of(const KgmCtx *c, size_t i, int plural) {
  const KgtLexEntry *e = i < c->nt ? kgm_lex1(c, i, KGT_LEX_GENITIVE) : NULL;
  return e && (plural || !kgm_has(e->value, "plural"));
}

static int kgm_has(const char *list, const char *v) {
  size_t n = strlen(v);
  for (const char *p = list; (p = strstr(p, v)) != NULL; p += n)
    if ((p == list || p[-1] == '|') && (p[n] == '\0' || p[n] == '|'))
      return 1;
  return 0;
}

static size_t kgm_sent_end(const KgmCtx *c, size_t i) {
  return kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_end;
}

/* A brand is a product when the phrase names whose it is (« Velna, la marque premium du
 * constructeur Corvel », "the luxury brand of Orsa"); without an owner (« Tessaro, la marque
 * italienne de vêtements ») the brand is as often the company itself. True when a genitive
 * after the cue is followed, before a comma, by a name. */
static int kgm_owner_after(const KgmCtx *c, size_t i, size_t lim) {
  int gen = 0;
  for (size_t k = i; k < lim && k < i + 10; k++) {
    if (kgm_tok(c, k)->kind == KGT_PUNCT)
      return 0;
    if (kgm_of(c, k, 1))
      gen = 1;
    else if (gen && (kgm_tok(c, k)->flags & KGT_F_CAP))
      return 1;
  }
  return 0;
}

/* The first word of the sentence, after opening quotes and dashes; also a word right
 * after an opening quote or a colon counts as starting a sentence. */
static inline int kgm_initial(const KgmCtx *c, size_t i) {
  if (i <= c->sent_word[kgm_tok(c, i)->sentence])
    return 1; /* only punctuation before it in its sentence */
  const KgtToken *p = kgm_tok(c, i - 1);
  return p->kind == KGT_PUNCT && (p->fold[0] == '"' || p->fold[0] == ':') && !p->fold[1];
}

/* A word that cannot be (part of) a name: function words, days, months, titles, roles. */
static int kgm_stop(const KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  /* acronyms ("CA", "IT") are no function words, except in all-capital headlines */
  if ((!(t->flags & KGT_F_ALLCAPS) || c->headline[t->sentence]) &&
      kgt_is_function_word_in(t->fold, kgt_doc_lang(c->d)))
    return 1;
  /* participles ("founded", « basée ») are in the lexicon for kgm_initial_name(); folded,
     « basée » is also "Base" */
  const KgtLexEntry *nn = kgm_lex1(c, i, KGT_LEX_NOT_NAME);
  /* "Investors", "Analysts" open sentences; inside one, capitalised, they start a name
     ("a portfolio manager at Investors Orsk") */
  /* ("Long Island": an adverb valued namepart too may be part of a name) */
  if (nn && !(nn->value && (kgm_has(nn->value, "participle") || kgm_has(nn->value, "namepart"))) &&
      !(nn->value && kgm_has(nn->value, "initial") && !kgm_initial(c, i) && !c->headline[t->sentence]))
    return 1;
  /* (a name part alone is no name: « dans le Nord », where « le fonds Nord Varenne » is) */
  if (nn && nn->value && kgm_has(nn->value, "namepart") && !kgm_has(nn->value, "participle") &&
      (i + 1 >= c->nt || kgm_tok(c, i + 1)->kind != KGT_WORD ||
       !(kgm_tok(c, i + 1)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) ||
       kgm_tok(c, i + 1)->sentence != t->sentence) &&
      !(i > 0 && kgm_tok(c, i - 1)->kind == KGT_WORD && (kgm_tok(c, i - 1)->flags & KGT_F_CAP) &&
        !kgm_initial(c, i - 1)))
    return 1;
  return kgm_lex1(c, i, KGT_LEX_MONTH) ||
         kgm_lex1(c, i, KGT_LEX_TITLE) || kgm_lex1(c, i, KGT_LEX_ROLE) ||
         kgm_lex1(c, i, KGT_LEX_SPEECH_VERB);
}

/* The lexicon's hyphenmod entry for the part after the last hyphen of token @p i, a word in
 * lower case of three letters or more ("owned" in "Kestrel-owned"), or NULL; *@p tail and
 * *@p n give that part (*@p n is 0 when there is none). */
static const KgtLexEntry *kgm_hyphen_entry(const KgmCtx *c, size_t i, const char **tail,
                                           size_t *n) {
  const KgtToken *t = kgm_tok(c, i);
  const char *w = c->text + t->start, *end = c->text + t->end, *h = NULL;
  for (const char *p = w; p < end; p++)
    if (*p == '-')
      h = p;
  if (!h || h + 3 >= end || h[1] < 'a' || h[1] > 'z')
    return *n = 0, NULL;
  *tail = h + 1;
  *n = (size_t)(end - h - 1);
  return kgt_lexicon_lookup(c->lx, KGT_LEX_HYPHEN_MOD, kgt_doc_lang(c->d), h + 1, *n);
}

/* The part after the last hyphen of token @p i is a modifier word (lexicon kind
 * hyphenmod: "Kestrel-owned", "Halvik-led", "BBB-minus", a suffix entry "ed" for
 * "Lorvanne-based"), which makes the token a modifier, not a name word ("Orvane-Velmair",
 * "Saint-Lorvanne", "Park Tae-min" stay); with @p owner only one whose value is owner (the
 * name before owns or backs what follows). */
static int kgm_hyphen_mod(const KgmCtx *c, size_t i, int owner) {
  const char *tail;
  size_t n;
  const KgtLexEntry *e = kgm_hyphen_entry(c, i, &tail, &n);
  if (!n)
    return 0;
  const char *end = tail + n;
  if (e)
    return !owner || kgm_has(e->value, "owner");
  if (owner)
    return 0;
  /* a suffix entry: "ed" for any participle of four letters or more */
  for (size_t k = 1; k < n && k <= 4; k++) {
    e = kgt_lexicon_lookup(c->lx, KGT_LEX_HYPHEN_MOD, kgt_doc_lang(c->d), end - k, k);
    if (e && kgm_has(e->value, "suffix") && n >= 4)
      return 1;
  }
  return 0;
}

/* The first @p n bytes of @p w name a place or a people of the gazetteer ("Japanese",
 * "Ohio"). */
static int kgm_place_word(const KgmCtx *c, const char *w, size_t n) {
  char key[KGT_PHRASE_MAX + 1];
  size_t kl = kgt_fold(w, n, key, sizeof key);
  if (kl == (size_t)-1)
    return 0;
  for (uint32_t it = kgt_phrase_find(&c->g->ix, key, kl); it;
       it = kgt_phrase_item(&c->g->ix, it)->next) {
    const KgmForm *f = &c->g->forms[kgt_phrase_item(&c->g->ix, it)->payload];
    if (f->demonym || c->g->entries[f->entry].type == KGM_G_PLACE)
      return 1;
  }
  return 0;
}

/* "Japanese-language", "French-speaking", "Texas-focused": a place or a people, a hyphen and
 * a word in lower case make an adjective, not a name ("Orvane-Velmair", "Lorvanne-Saclin" and
 * "Q-velm" stay names). */
static int kgm_place_compound(const KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  const char *w = c->text + t->start, *end = c->text + t->end;
  const char *h = memchr(w, '-', (size_t)(end - w));
  if (!h || h == w || h + 2 >= end || h[1] < 'a' || h[1] > 'z' || memchr(h + 1, '-', (size_t)(end - h - 1)))
    return 0;
  return kgm_place_word(c, w, (size_t)(h - w));
}

static int kgm_modifier_tok(const KgmCtx *c, size_t i) {
  return kgm_hyphen_mod(c, i, 0) || kgm_place_compound(c, i);
}

/* kgm_namey() of a token not yet asked about. */
static int kgm_namey_first(const KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  int yes = t->kind == KGT_WORD && (t->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && !kgm_stop(c, i);
  /* a brand in camel case, its first letter in lower case */
  if (!yes && t->kind == KGT_WORD && t->end - t->start >= 4) {
    const char *w = c->text + t->start;
    size_t n = t->end - t->start, up = 1;
    while (up < n && w[up] >= 'a' && w[up] <= 'z')
      up++;
    /* "fuboTV" (capitals to the end), "eTraveli", "eDreams" (the e- of online businesses;
       an i- product such as "iWidgets" is not, and an i- company is for the gazetteer); not two
       words run together when a page lost its spaces ("politiqueBiotech", "donsLes") */
    int tail_caps = up < n && n - up >= 2;
    for (size_t k = up; k < n && tail_caps; k++)
      tail_caps = (w[k] >= 'A' && w[k] <= 'Z') || (w[k] >= '0' && w[k] <= '9');
    yes = w[0] >= 'a' && w[0] <= 'z' && up < n && w[up] >= 'A' && w[up] <= 'Z' &&
          (tail_caps || (up == 1 && w[0] == 'e'));
  }
  /* "iQ": two letters, the second a capital, that no number comes before (not a unit:
     "40 kW") */
  if (!yes && t->kind == KGT_WORD && t->end - t->start == 2) {
    const char *w = c->text + t->start;
    yes = w[0] >= 'a' && w[0] <= 'z' && w[1] >= 'A' && w[1] <= 'Z' &&
          !(i > 0 && kgm_tok(c, i - 1)->kind == KGT_NUMBER);
  }
  if (yes && kgm_modifier_tok(c, i))
    yes = 0;
  /* "ISAs", "ETFs", "SPACs": an acronym in the plural is a common noun */
  if (yes && t->kind == KGT_WORD && t->end - t->start >= 3 && t->end - t->start <= 6) {
    const char *w = c->text + t->start;
    size_t n = t->end - t->start, k = 0;
    while (k < n - 1 && w[k] >= 'A' && w[k] <= 'Z')
      k++;
    if (k == n - 1 && w[n - 1] == 's')
      yes = 0;
  }
  c->namey[i] = yes ? 1 : 2; /* a cache: the doc does not change */
  return yes;
}

/* A capitalised word that may belong to a name. Asked of every token by several passes:
 * the cached answer is read inline. */
static inline int kgm_namey(const KgmCtx *c, size_t i) {
  if (i >= c->nt)
    return 0;
  if (c->namey[i])
    return c->namey[i] == 1;
  return kgm_namey_first(c, i);
}

static int kgm_is_org(KgClass k) { return k <= KG_CLASS_GOVERNMENT_BODY; }

/* ------------------------------------------------------------ gazetteer */

typedef struct {
  KgmCtx *c;
  int first_names; /* accept first names (and only them) */
  int demonyms;    /* accept demonyms only */
} KgmGazAcc;

/* Letters of @p s, counted up to @p cap: callers only ask "at least k?". */
static size_t kgm_letters(const char *s, size_t cap) {
  size_t n = 0;
  for (; *s && n < cap; s++)
    if (((unsigned char)*s | 0x20) >= 'a' && ((unsigned char)*s | 0x20) <= 'z')
      n++;
    else if ((unsigned char)*s >= 0xC0)
      n++;
  return n;
}

static int kgm_span_allcaps(const KgmCtx *c, size_t a, size_t b) {
  for (size_t j = a; j < b; j++) {
    const KgtToken *t = kgm_tok(c, j);
    if (t->kind == KGT_WORD && !(t->flags & KGT_F_ALLCAPS))
      return 0;
  }
  return 1;
}

static int kgm_gaz_accept(void *u, uint32_t payload, size_t a, size_t b) {
  KgmGazAcc *acc = u;
  KgmCtx *c = acc->c;
  const KgmForm *f = &c->g->forms[payload];
  const KgmEntry *e = &c->g->entries[f->entry];
  if ((e->type == KGM_G_FIRSTNAME) != (acc->first_names != 0))
    return 0;
  if (acc->demonyms && !f->demonym)
    return 0;
  if (f->demonym)
    return 1; /* "British", "britannique", "les Britanniques" */
  if (kgt_span_case_equal_sig(c->d, a, b, &f->sig))
    return 1;
  if (acc->first_names)
    return 0;
  size_t letters = kgm_letters(f->form, 5);
  /* headlines: "MICROSOFT TO BUY..." */
  if (letters >= 4 && kgm_span_allcaps(c, a, b)) {
    /* …but one word in capitals inside a sentence in lower case is an acronym, not the
       place or company a list writes otherwise ("competes with Quorlix and BRAVO") */
    if (b > a + 1 || c->headline[kgm_tok(c, a)->sentence] || kgm_initial(c, a))
      return 1;
    /* (a run of capitals, a dateline's "NEW YORK/AMSTERDAM" too) */
    size_t pa = a - 1, nb = b;
    if (pa > 0 && kgm_is(c, pa, "/"))
      pa--;
    if (nb + 1 < c->nt && kgm_is(c, nb, "/"))
      nb++;
    const KgtToken *p = kgm_tok(c, pa), *n = nb < c->nt ? kgm_tok(c, nb) : NULL;
    return (p->kind == KGT_WORD && (p->flags & KGT_F_ALLCAPS)) ||
           (n && n->kind == KGT_WORD && (n->flags & KGT_F_ALLCAPS));
  }
  /* "Zorbexai" for "ZorbexAI", "Gazette du matin" for "Gazette du Matin", but never
     "pear" for "Pear", nor "Capital a (investi)" for "Capital A" */
  const KgtToken *t = kgm_tok(c, a);
  size_t ll;
  kgt_token_text(c->d, b - 1, &ll);
  /* ... nor "La presse affirme" for "La Presse": a sentence's first capital says nothing */
  if (b > a + 1 && kgm_initial(c, a))
    return 0;
  return (b == a + 1 || ll > 1) && letters >= 5 && (t->flags & KGT_F_CAP) &&
         kgt_str_case_equal(f->form, 1, "A");
}

/* kgm_gaz() past its mask test. */
static size_t kgm_gaz_walk(KgmCtx *c, size_t i, int first_names, uint32_t mask,
                           const KgmForm **form) {
  KgmGazAcc acc = {c, first_names, 0};
  uint32_t pl = 0;
  size_t n = kgt_phrase_longest_from(&c->g->ix, c->d, i, KGM_MAX_NAME, mask, kgm_gaz_accept,
                                     &acc, &pl, c->ghead[i], c->gmask[i]);
  if (n)
    *form = &c->g->forms[pl];
  return n;
}

/* The longest gazetteer name (or with @p first_names, first name) at token @p i, *form
 * its form; 0 when none. Asked of most tokens: the mask test, which turns most away, is
 * inline. */
static inline size_t kgm_gaz(KgmCtx *c, size_t i, int first_names, const KgmForm **form) {
  uint32_t mask = first_names ? KGM_MASK_FIRST : (KGM_MASK_NAME | KGM_MASK_DEMONYM);
  /* a run that starts with a lower-case letter ("la", "the", "de") is only a name written
     that way, or a demonym: most such tokens start no key of those, and stop here */
  if ((unsigned)((unsigned char)c->text[kgm_tok(c, i)->start] - 'a') < 26u)
    mask = first_names ? KGM_MASK_LOWER : (KGM_MASK_LOWER | KGM_MASK_DEMONYM);
  if (!(c->gmask[i] & mask))
    return 0;
  return kgm_gaz_walk(c, i, first_names, mask, form);
}

/* A demonym at @p i: its length (0: none) and the written form it matched. */
static size_t kgm_demonym_form(KgmCtx *c, size_t i, const KgmForm **form) {
  if (i >= c->nt || kgm_tok(c, i)->kind != KGT_WORD || !(c->gmask[i] & KGM_MASK_DEMONYM))
    return 0;
  KgmGazAcc acc = {c, 0, 1};
  uint32_t pl = 0;
  size_t n = kgt_phrase_longest_from(&c->g->ix, c->d, i, 4, KGM_MASK_DEMONYM, kgm_gaz_accept,
                                     &acc, &pl, c->ghead[i], c->gmask[i]);
  if (n)
    *form = &c->g->forms[pl];
  return n;
}

/* A demonym at @p i: its place entry and length (0: none). */
static size_t kgm_demonym(KgmCtx *c, size_t i, const KgmEntry **place) {
  const KgmForm *f;
  size_t n = kgm_demonym_form(c, i, &f);
  if (n)
    *place = &c->g->entries[f->entry];
  return n;
}

/* Whether the demonym at @p i is one word matching a form the gazetteer writes in lower case
 * (a French adjective, « italien », not the English "Italian"). */
static int kgm_demonym_lower_form(KgmCtx *c, size_t i) {
  const KgmForm *f;
  return kgm_demonym_form(c, i, &f) == 1 && f->form && !(f->form[0] >= 'A' && f->form[0] <= 'Z');
}

/* The gazetteer form written exactly as the @p n bytes at @p s (folded), of an entry of
 * @p type, and a demonym when @p demonym: the parts of a hyphenated word. NULL when none. */
static const KgmForm *kgm_part_form(KgmCtx *c, const char *s, size_t n, KgmGType type,
                                    int demonym) {
  char key[KGT_PHRASE_MAX + 1];
  size_t kl = kgt_fold(s, n, key, sizeof key);
  if (kl == (size_t)-1 || kl == 0)
    return NULL;
  for (uint32_t it = kgt_phrase_find(&c->g->ix, key, kl); it;
       it = kgt_phrase_item(&c->g->ix, it)->next) {
    const KgtPhraseItem *item = kgt_phrase_item(&c->g->ix, it);
    const KgmForm *f = &c->g->forms[item->payload];
    if (item->key_len == kl && memcmp(c->g->ix.keys + item->key_off, key, kl) == 0 &&
        c->g->entries[f->entry].type == type && (!demonym || f->demonym))
      return f;
  }
  return NULL;
}

/* « Luc-Olivier », "Rolf-Dieter": a hyphenated token whose two parts are first names the
 * gazetteer lists is a first name (most compounds are not listed themselves); the caller
 * wants a name after it and no company noun after that ("the Orsk-Marcus Furniture
 * subsidiary" is a company). */
static int kgm_compound_first_name(KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  if (t->kind != KGT_WORD || !(t->flags & KGT_F_CAP) || (t->flags & KGT_F_ALLCAPS))
    return 0;
  size_t len;
  const char *s = kgt_token_text(c->d, i, &len);
  const char *h = memchr(s, '-', len);
  size_t a = h ? (size_t)(h - s) : 0;
  if (!h || a < 2 || a + 3 > len || memchr(h + 1, '-', len - a - 1))
    return 0;
  return kgm_part_form(c, s, a, KGM_G_FIRSTNAME, 0) &&
         kgm_part_form(c, h + 1, len - a - 1, KGM_G_FIRSTNAME, 0);
}

/* "franco-italien", "sino-américain": a combining form of one place (listed among its
 * demonyms with a final hyphen, "franco-", so that it never matches a word alone) and a
 * demonym of another, in one token. Fills @p pl[0..1]; returns 1 when found. */
static int kgm_compound_demonym(KgmCtx *c, size_t i, const KgmEntry *pl[2]) {
  size_t len;
  const char *s = kgt_token_text(c->d, i, &len);
  const char *h = kgm_tok(c, i)->kind == KGT_WORD ? memchr(s, '-', len) : NULL;
  if (!h || h == s || (size_t)(h - s) + 1 >= len)
    return 0;
  const char *parts[2] = {s, h + 1};
  size_t lens[2] = {(size_t)(h - s) + 1, len - (size_t)(h - s) - 1};
  for (int k = 0; k < 2; k++) {
    const KgmForm *f = kgm_part_form(c, parts[k], lens[k], KGM_G_PLACE, 1);
    pl[k] = f ? &c->g->entries[f->entry] : NULL;
    if (!pl[k])
      return 0;
  }
  return pl[0] != pl[1];
}

/* A demonym, simple or compound, at @p i: its places (pl[1] NULL for a simple one) and
 * its length in tokens (0: none). */
static size_t kgm_demonyms(KgmCtx *c, size_t i, const KgmEntry *pl[2]) {
  pl[1] = NULL;
  size_t n = kgm_demonym(c, i, &pl[0]);
  if (n)
    return n;
  return i < c->nt && kgm_compound_demonym(c, i, pl) ? 1 : 0;
}

/* ------------------------------------------------------------- mentions */

static int kgm_free_span(const KgmCtx *c, size_t a, size_t b) {
  for (size_t j = a; j < b; j++)
    if (c->owner[j] >= 0)
      return 0;
  return 1;
}

static int kgm_add(KgmCtx *c, size_t a, size_t b, KgClass cls, const char *name,
                   unsigned flags, int source) {
  if (a >= b || b > c->nt || c->st != KG_SUCCESS)
    return -1;
  if (!(flags & KGM_F_SHARED) && !kgm_free_span(c, a, b))
    return -1;
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 64;
    KgmMention *nm = kg_realloc(c->m, nc * sizeof *nm);
    if (!nm) {
      c->st = KG_ERR_NOMEM;
      return -1;
    }
    c->m = nm;
    KgmAux *na = kg_realloc(c->aux, nc * sizeof *na);
    if (!na) {
      c->st = KG_ERR_NOMEM;
      return -1;
    }
    c->aux = na;
    c->cap = nc;
  }
  int id = (int)c->n;
  KgmMention *m = &c->m[c->n];
  memset(m, 0, sizeof *m);
  m->tok_start = a;
  m->tok_end = b;
  m->cls = cls;
  m->surface = kgm_span_str(c, a, b);
  m->name = name ? name : m->surface;
  m->desc_start = m->desc_end = a;
  m->flags = flags | ((c->toks[a].flags & KGT_F_CAP) ? 0u : KGM_F_LOWER);
  c->aux[c->n].name_end = b;
  c->aux[c->n].dead = 0;
  c->aux[c->n].source = source;
  c->n++;
  if (!(flags & KGM_F_SHARED))
    for (size_t j = a; j < b; j++)
      c->owner[j] = id;
  return id;
}

static void kgm_kill(KgmCtx *c, int id) {
  KgmMention *m = &c->m[id];
  c->aux[id].dead = 1;
  for (size_t j = m->tok_start; j < m->tok_end; j++)
    if (c->owner[j] == id)
      c->owner[j] = -1;
}

/* Legal suffixes after a name: "Corp.", "Co Inc", ", Inc."; returns tokens used. */
static size_t kgm_legal_after(KgmCtx *c, size_t j, const KgtLexEntry **first) {
  size_t k = j, lim = j < c->nt ? kgm_sent_end(c, j) : j;
  *first = NULL;
  for (;;) {
    const KgtLexEntry *e;
    size_t m;
    if (k + 1 < lim && kgm_is(c, k, ",") && (m = kgm_lex(c, k + 1, KGT_LEX_LEGAL, &e)) > 0 &&
        c->owner[k + 1] < 0) {
      k += 1 + m;
    } else if (k < lim && c->owner[k] < 0 && (m = kgm_lex(c, k, KGT_LEX_LEGAL, &e)) > 0) {
      k += m;
    } else {
      break;
    }
    if (!*first)
      *first = e;
  }
  return k - j;
}

static int kgm_modifier_word(KgmCtx *c, size_t j);

static int kgm_in_quote(const KgmCtx *c, size_t i);
static int kgm_quoted_before(const KgmCtx *c, size_t r, size_t i);

static KgClass kgm_class_of(const char *name) {
  static const struct {
    const char *n;
    KgClass c;
  } map[] = {{"Organization", KG_CLASS_ORGANIZATION}, {"Company", KG_CLASS_COMPANY},
             {"NonProfit", KG_CLASS_NONPROFIT},       {"InvestmentFirm", KG_CLASS_INVESTMENT_FIRM},
             {"NewsOrganization", KG_CLASS_NEWS_ORGANIZATION},
             {"GovernmentBody", KG_CLASS_GOVERNMENT_BODY},
             {"Person", KG_CLASS_PERSON},             {"Product", KG_CLASS_PRODUCT},
             {"Place", KG_CLASS_PLACE}};
  for (size_t k = 0; k < sizeof map / sizeof *map; k++)
    if (strcmp(name, map[k].n) == 0)
      return map[k].c;
  return KG_CLASS_ORGANIZATION;
}

/* What a descriptor tells about mention @p id. */
static void kgm_describe(KgmCtx *c, int id, const KgtLexEntry *e, size_t ds, size_t de) {
  KgmMention *m = &c->m[id];
  if (!kgm_is_org(m->cls) && m->cls != KG_CLASS_PRODUCT && !(m->flags & KGM_F_GUESS))
    return;
  KgClass dc = kgm_class_of(e->value);
  if (m->desc_start == m->desc_end) {
    m->desc_start = ds;
    m->desc_end = de;
  }
  if (*e->arg[1]) {
    m->cls = dc;
    m->qualifier = e->arg[1];
  } else if (!(m->flags & KGM_F_GAZETTEER) || m->cls == KG_CLASS_ORGANIZATION) {
    if (m->cls != KG_CLASS_PRODUCT || (m->flags & KGM_F_GUESS))
      m->cls = dc;
  }
  if (*e->arg[2])
    m->legal_form = e->arg[2];
  m->flags &= ~(unsigned)KGM_F_GUESS;
  /* "le lunetier italien X", "le groupe franco-italien X": where X is, so that "le groupe
     italien" finds it later; a compound one is stated by no rule, so it is kept here */
  for (size_t t = ds; t < de; t++) {
    const KgmEntry *pl[2];
    size_t n = kgm_demonyms(c, t, pl);
    if (!n)
      continue;
    m = &c->m[id];
    if (!m->country)
      m->country = pl[0]->country ? pl[0]->country : pl[0]->name;
    if (pl[1] && !m->place[0])
      for (int k = 0; k < 2; k++) {
        m->place[k] = pl[k]->name;
        m->place_qid[k] = pl[k]->qid;
      }
    t += n - 1;
  }
  /* "Dutch shoe maker Velmora", "Swedish mining and metals group Y": in English the
     demonym stands before the noun and its modifiers, so that "the Dutch group" finds
     Velmora later */
  m = &c->m[id];
  if (!c->fr && !m->country && de == m->tok_start)
    for (size_t k = ds; k-- > 0 && ds - k <= 5;) {
      const KgmEntry *pl[2];
      size_t n = 0;
      for (size_t b = k + 1; b-- > 0 && k + 1 - b <= 2 && !n;)
        if (kgm_demonyms(c, b, pl) == k + 1 - b)
          n = k + 1 - b;
      if (n) {
        m = &c->m[id];
        m->country = pl[0]->country ? pl[0]->country : pl[0]->name;
        break;
      }
      if (!kgm_modifier_word(c, k) && !(k + 1 < ds && kgm_is(c, k, "and")))
        break;
    }
}

static void kgm_apply_desc(KgmCtx *c, int id) {
  if (id < 0)
    return;
  const KgmDesc *dd = &c->desc[c->m[id].tok_start];
  if (dd->e)
    kgm_describe(c, id, dd->e, dd->ds, dd->de);
}

/* ---------------------------------------------------- pass 1: descriptors */

/* Skip what may stand between a descriptor and its name: demonyms ("japonais",
 * "French") anywhere; in French also up to two adjectives or "de" + noun ("le groupe de
 * luxe Zorbex", "le géant britannique des télécoms Brantel", "le constructeur automobile
 * japonais Quintal"). */
static size_t kgm_skip_mods(KgmCtx *c, size_t j, size_t lim) {
  size_t skipped = 0, limit = 4;
  int after_of = 0; /* a « de » + noun was just skipped */
  while (j < lim && skipped < limit) {
    const KgmEntry *pl;
    size_t n = kgm_demonym(c, j, &pl);
    if (n) {
      j += n;
      skipped++;
      after_of = 0;
      continue;
    }
    /* « le fabricant italien de vannes et de robinets X », « … de vannes, de pompes et de
       tuyaux X », « … de vannes et pompes X »: the complement's nouns in a list */
    const KgtLexEntry *ls;
    /* (the separator as written: folded, « où » is « ou ») */
    if (c->fr && after_of && j + 1 < lim && limit < 8 && kgm_lex(c, j, KGT_LEX_LIST_SEP, &ls) == 1 &&
        strcmp(kgm_tok(c, j)->lower, kgm_tok(c, j)->fold) == 0) {
      const KgtToken *u = kgm_tok(c, j + 1);
      int of = kgm_of(c, j + 1, 1);
      if (of || (u->kind == KGT_WORD && !(u->flags & KGT_F_CAP) && !kgt_is_function_word(u->fold) &&
                 !kgm_lex1(c, j + 1, KGT_LEX_SUBJ_VERB) && !kgm_lex1(c, j + 1, KGT_LEX_PREP) &&
                 j + 2 < lim && kgm_namey(c, j + 2))) {
        limit += 2;
        j += of ? 1 : 2; /* the « de » is read below */
        after_of = !of;
        continue;
      }
    }
    after_of = 0;
    const KgtToken *t = kgm_tok(c, j);
    if (!c->fr || t->kind != KGT_WORD || (t->flags & KGT_F_CAP))
      break;
    if (kgm_of(c, j, 1) && j + 1 < lim) {
      const KgtToken *u = kgm_tok(c, j + 1);
      /* but not "le groupe du milliardaire Daniel X" (a person's title) nor "filiale du
         groupe X" (another organization's descriptor) */
      const KgtLexEntry *de;
      if (u->kind == KGT_WORD && !(u->flags & KGT_F_CAP) && !kgt_is_function_word(u->fold) &&
          !kgm_lex1(c, j + 1, KGT_LEX_ROLE) && !kgm_lex(c, j + 1, KGT_LEX_DESCRIPTOR, &de)) {
        j += 2;
        skipped += 2;
        after_of = 1;
        continue;
      }
      break;
    }
    /* not « le fonds américain avait racheté Tessor »: a verb ends the description */
    if (kgt_is_function_word(t->fold) || kgm_lex1(c, j, KGT_LEX_SPEECH_VERB) ||
        kgm_lex1(c, j, KGT_LEX_PREP) || kgm_lex1(c, j, KGT_LEX_SUBJ_VERB))
      break;
    j++;
    skipped++;
  }
  return j;
}

/* « le quotidien La Brado », « la société Le Tessil », "the newspaper The Brado": a name
 * that opens with a capitalised article, at @p j inside a sentence, a name word after it. */
static int kgm_cap_article_name(KgmCtx *c, size_t j, size_t lim) {
  const KgtToken *t = kgm_tok(c, j);
  const KgtLexEntry *d;
  return j + 1 < lim && t->kind == KGT_WORD && (t->flags & KGT_F_CAP) && !(t->flags & KGT_F_ALLCAPS) &&
         j > 0 && kgm_lex(c, j, KGT_LEX_DET, &d) == 1 && c->owner[j + 1] < 0 &&
         kgm_namey(c, j + 1);
}

static size_t kgm_caps_span(KgmCtx *c, size_t i, int allow_of, size_t maxlen);

/* Whether the capitalised article before token @p i opens the name that starts at @p i:
 * French capitalises an article inside a sentence only then (« pour La Maison Velmar »). */
static int kgm_cap_article_opens(KgmCtx *c, size_t i) {
  const KgtLexEntry *da;
  if (!c->fr || i == 0 || c->owner[i - 1] >= 0 || kgm_initial(c, i - 1) || c->in_desc[i - 1])
    return 0;
  const KgtToken *t = kgm_tok(c, i - 1);
  return (t->flags & KGT_F_CAP) && !(t->flags & KGT_F_ALLCAPS) &&
         t->sentence == kgm_tok(c, i)->sentence && kgm_lex(c, i - 1, KGT_LEX_DET, &da) == 1 &&
         !strchr(t->lower, '\'');
}

static void kgm_pass_descriptors(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    if (!(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_DESCRIPTOR)))
      continue; /* no descriptor starts here (kgm_lex() below would say 0): most tokens */
    const KgtToken *t = kgm_tok(c, i);
    if (t->kind != KGT_WORD || c->headline[t->sentence])
      continue;
    if ((t->flags & KGT_F_CAP) && !kgm_initial(c, i))
      continue; /* "la Maison Blanche": a name, not the descriptor "maison" */
    const KgtLexEntry *e;
    size_t m = kgm_lex(c, i, KGT_LEX_DESCRIPTOR, &e);
    if (!m)
      continue;
    size_t lim = kgm_sent_end(c, i);
    const char *att = e->arg[0];
    if (kgm_has(att, "next")) {
      size_t j = kgm_skip_mods(c, i + m, lim);
      /* "its rival American Velmar Corp.": in English a capitalised demonym right before name
         words and a legal suffix opens that name ("its American rival Velmar" puts it first) */
      for (size_t q = i + m; !c->fr && q < j; q++) {
        const KgmEntry *dp;
        const KgtLexEntry *lf;
        size_t f;
        if (kgm_demonym(c, q, &dp) == j - q && (kgm_tok(c, q)->flags & KGT_F_CAP)) {
          if (c->owner[j] < 0 && (f = kgm_caps_span(c, j, 0, 3)) > j && kgm_legal_after(c, f, &lf) > 0)
            j = q;
          break;
        }
      }
      /* "le producteur américain Paul Brantel": after a noun that also names people
         (attachment person), a first name and a surname are a person */
      const KgmForm *fn;
      if (kgm_has(att, "person") && j + 1 < lim && kgm_gaz(c, j, 1, &fn) > 0 &&
          kgm_namey(c, j + 1) && c->owner[j] < 0)
        j = lim;
      /* « le fabricant des téléviseurs Lumora »: after a complement with an article (the
         televisions) whose noun cues a product, the name is that product's, and the noun
         phrase describes its maker (« le fabricant de téléviseurs Lumora » is the maker) */
      int product_of = 0;
      for (size_t q = i + m; c->fr && q + 1 < j && !product_of; q++) {
        const KgtLexEntry *ge, *pe;
        product_of = kgm_lex(c, q, KGT_LEX_GENITIVE, &ge) == 1 && kgm_has(ge->value, "article") &&
                     kgm_lex(c, q + 1, KGT_LEX_PRODUCT_CUE, &pe) > 0 && kgm_has(pe->value, "before");
      }
      if (product_of) {
        i += m - 1;
        continue;
      }
      /* a name that opens with a capitalised article: « du groupe La Poste » */
      const KgmForm *gf;
      /* not a letter alone: « une levée de fonds de série B » names no fund */
      if (j < lim && !c->desc[j].e && kgm_tok(c, j)->lower[0] && kgm_tok(c, j)->lower[1] &&
          (kgm_namey(c, j) ||
           ((kgm_tok(c, j)->flags & KGT_F_CAP) && kgm_gaz(c, j, 0, &gf) > 1) ||
           kgm_cap_article_name(c, j, lim))) {
        c->desc[j].e = e;
        c->desc[j].ds = i;
        c->desc[j].de = j;
        memset(c->in_desc + i, 1, j - i);
      }
    }
    if (kgm_has(att, "of")) {
      size_t j = kgm_skip_mods(c, i + m, lim);
      if (j + 1 < lim && kgm_of(c, j, 0) &&
          kgm_namey(c, j + 1) && !c->desc[j + 1].e) {
        c->desc[j + 1].e = e;
        c->desc[j + 1].ds = i;
        c->desc[j + 1].de = i + m;
        memset(c->in_desc + i, 1, j + 1 - i);
      }
    }
    i += m - 1;
  }
}

/* ------------------------------------------------------ pass 2: gazetteer */

static int kgm_from_form(KgmCtx *c, size_t a, size_t b, const KgmForm *f) {
  const KgmEntry *e = &c->g->entries[f->entry];
  unsigned flags = KGM_F_GAZETTEER | (f->demonym ? KGM_F_DEMONYM : 0);
  size_t end = b;
  const KgtLexEntry *le = NULL;
  if (e->type == KGM_G_ORG)
    end += kgm_legal_after(c, b, &le);
  int id = kgm_add(c, a, end, e->cls, e->name, flags, KGM_SRC_GAZ);
  if (id < 0)
    return id;
  c->aux[id].name_end = b;
  c->m[id].maker = e->type == KGM_G_PRODUCT && e->extra && *e->extra ? e->extra : NULL;
  c->m[id].qid = e->qid;
  c->m[id].country = e->country;
  kgm_apply_desc(c, id);
  return id;
}

/* The gazetteer form that the part [@p p, @p q) of a hyphenated word @p s is, as written
 * (no first name, demonym or one-letter form); NULL when none. */
static const KgmForm *kgm_hyphen_part_form(KgmCtx *c, const char *s, size_t p, size_t q) {
  char key[KGT_PHRASE_MAX + 1];
  size_t kl = kgt_fold(s + p, q - p, key, sizeof key);
  if (kl == (size_t)-1 || kl == 0)
    return NULL;
  for (uint32_t it = kgt_phrase_find(&c->g->ix, key, kl); it; it = kgt_phrase_item(&c->g->ix, it)->next) {
    const KgtPhraseItem *item = kgt_phrase_item(&c->g->ix, it);
    if (item->key_len != kl || memcmp(c->g->ix.keys + item->key_off, key, kl) != 0)
      continue;
    const KgmForm *f = &c->g->forms[item->payload];
    const KgmEntry *e = &c->g->entries[f->entry];
    if (e->type == KGM_G_FIRSTNAME || f->demonym || kgm_letters(f->form, 2) < 2)
      continue;
    if (kgt_str_case_equal(s + p, q - p, f->form))
      return f;
  }
  return NULL;
}

/* Whether the hyphenated word @p s of @p len bytes has a capitalised part no list holds:
 * "Ostravel-Mons" is a town of its own, not Mons. */
static int kgm_hyphen_unknown_cap(KgmCtx *c, const char *s, size_t len) {
  for (size_t p = 0; p < len;) {
    size_t q = p;
    while (q < len && s[q] != '-')
      q++;
    /* (the part's own first character: "34Pas" glued to a number is no name part) */
    unsigned char b0 = (unsigned char)s[p];
    int letter = b0 >= 0x80 || ((b0 | 0x20) >= 'a' && (b0 | 0x20) <= 'z');
    if (q > p + 1 && letter && kgt_str_first_upper(s + p, q - p) && !kgm_hyphen_part_form(c, s, p, q))
      return 1;
    p = q + 1;
  }
  return 0;
}

/* Whether the hyphenated word @p s of @p len bytes has a lower-case part of at most three
 * letters ("de", "en", "sur"): a compound place name's link word. */
static int kgm_hyphen_has_link(const char *s, size_t len) {
  for (size_t p = 0; p < len;) {
    size_t q = p;
    while (q < len && s[q] != '-')
      q++;
    if (q > p && q - p <= 3 && s[p] >= 'a' && s[p] <= 'z')
      return 1;
    p = q + 1;
  }
  return 0;
}

/* "Ohio-based", "Zorbex-Quintal": known names inside a hyphenated word. */
static void kgm_hyphen_parts(KgmCtx *c, size_t i) {
  size_t len;
  const char *s = kgt_token_text(c->d, i, &len);
  if (!memchr(s, '-', len))
    return;
  int first = 1, unknown_cap = -1;
  size_t p = 0;
  while (p < len) {
    size_t q = p;
    while (q < len && s[q] != '-')
      q++;
    const KgmForm *f = kgm_hyphen_part_form(c, s, p, q);
    const KgmEntry *e = f ? &c->g->entries[f->entry] : NULL;
    /* (a place beside a capitalised part no list holds names a compound town) */
    if (e && e->type == KGM_G_PLACE && unknown_cap < 0)
      unknown_cap = kgm_hyphen_unknown_cap(c, s, len);
    if (e && e->type == KGM_G_PLACE && unknown_cap) {
      /* « Île-de-France », « Châlons-en-Champagne »: with a lower-case link word the whole
         word is the place (« Velmont-Matin », "Ostravel-Mons" stay to the cues) */
      if (kgm_hyphen_has_link(s, len) && c->owner[i] < 0) {
        const char *name = kgm_strndup(c, s, len);
        if (name)
          kgm_add(c, i, i + 1, KG_CLASS_PLACE, name, 0, KGM_SRC_GUESS);
      }
    } else if (e) {
      int id = kgm_add(c, i, i + 1, e->cls, e->name, KGM_F_GAZETTEER | (first ? 0 : KGM_F_SHARED),
                       KGM_SRC_GAZ);
      if (id >= 0) {
        c->m[id].qid = e->qid;
        c->m[id].country = e->country;
        first = 0;
      }
    }
    p = q + 1;
  }
}

/* "Dravnes-based Quenmar", "the Dravnes-based company": a capitalised word no list holds,
 * made a modifier by a word the lexicon marks as a place's (hyphenmod valued place), is a
 * town, when a name or a company noun follows (not "Android-based phones"; at the start of
 * a sentence only before a name: not "Plant-based meat"). */
static void kgm_pass_based_towns(KgmCtx *c) {
  for (size_t i = 0; i + 1 < c->nt; i++) {
    const KgtToken *t = kgm_tok(c, i);
    if (c->owner[i] >= 0 || t->kind != KGT_WORD || !(t->flags & KGT_F_CAP) ||
        (t->flags & KGT_F_ALLCAPS))
      continue;
    const char *tail;
    size_t n;
    const KgtLexEntry *e = kgm_hyphen_entry(c, i, &tail, &n);
    if (!e || !e->value || !kgm_has(e->value, "place"))
      continue;
    const char *w = c->text + t->start;
    size_t wl = (size_t)(tail - 1 - w);
    if (wl < 3 || kgm_letters(w, 3) < 3 || memchr(w, '-', wl) ||
        kgt_lexicon_lookup(c->lx, KGT_LEX_COMMON, kgt_doc_lang(c->d), w, wl) ||
        kgm_place_word(c, w, wl))
      continue; /* (not "Plant-based", "Cloud-based": common words; "Swiss-based": a people) */
    size_t j = i + 1, lim = kgm_sent_end(c, i);
    int ok = j < lim && kgm_namey(c, j);
    const KgtLexEntry *de;
    for (size_t q = j; !ok && !kgm_initial(c, i) && q < lim && q <= j + 2; q++) {
      if (kgm_tok(c, q)->kind != KGT_WORD || (kgm_tok(c, q)->flags & KGT_F_CAP))
        break;
      ok = kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &de) > 0;
    }
    if (!ok)
      continue;
    const char *name = kgm_strndup(c, w, wl);
    if (name)
      kgm_add(c, i, i + 1, KG_CLASS_PLACE, name, 0, KGM_SRC_GUESS);
  }
}

/* The surface of tokens [@p a, @p b) joined by single spaces, the last one cut at its
 * first hyphen ("Salt Lake City" for "Salt Lake City-based"), into @p out of @p cap
 * bytes. Its length, 0 when it does not fit. */
static size_t kgm_surface_to_hyphen(const KgmCtx *c, size_t a, size_t b, char *out, size_t cap) {
  size_t o = 0;
  for (size_t q = a; q < b; q++) {
    size_t tl;
    const char *ts = kgt_token_text(c->d, q, &tl);
    const char *h = q + 1 == b ? memchr(ts, '-', tl) : NULL;
    if (h)
      tl = (size_t)(h - ts);
    if (o + tl + 2 >= cap)
      return 0;
    if (q > a)
      out[o++] = ' ';
    memcpy(out + o, ts, tl);
    o += tl;
  }
  return o;
}

/* "Salt Lake City-based", "New Mexico-based": a known name of several words whose last
 * word is the first part of a hyphenated word. The mention covers the whole word, as
 * for "Ohio-based". Returns its id, or -1. */
static int kgm_hyphen_multi(KgmCtx *c, size_t i) {
  size_t lim = kgm_sent_end(c, i);
  for (size_t j = i + 1; j < lim && j <= i + 3; j++) {
    if (c->owner[j] >= 0 || kgm_tok(c, j)->kind != KGT_WORD ||
        !(kgm_tok(c, j)->flags & KGT_F_SPACE_BEFORE))
      return -1;
    size_t len;
    const char *s = kgt_token_text(c->d, j, &len);
    const char *h = memchr(s, '-', len);
    if (!h) {
      if (!kgm_namey(c, j))
        return -1;
      continue;
    }
    if (h == s || !(kgm_tok(c, j)->flags & KGT_F_CAP))
      return -1;
    char surf[KGT_PHRASE_MAX + 1];
    size_t o = kgm_surface_to_hyphen(c, i, j + 1, surf, sizeof surf);
    if (!o)
      return -1;
    char key[KGT_PHRASE_MAX + 1];
    size_t kl = kgt_fold(surf, o, key, sizeof key);
    if (kl == (size_t)-1 || kl == 0)
      return -1;
    uint32_t it = kgt_phrase_find(&c->g->ix, key, kl);
    for (; it; it = kgt_phrase_item(&c->g->ix, it)->next) {
      const KgtPhraseItem *item = kgt_phrase_item(&c->g->ix, it);
      if (item->key_len != kl || memcmp(c->g->ix.keys + item->key_off, key, kl) != 0)
        continue;
      const KgmForm *f = &c->g->forms[item->payload];
      const KgmEntry *e = &c->g->entries[f->entry];
      if (e->type == KGM_G_FIRSTNAME || f->demonym || !kgt_str_case_equal(surf, o, f->form))
        continue;
      int id = kgm_add(c, i, j + 1, e->cls, e->name, KGM_F_GAZETTEER, KGM_SRC_GAZ);
      if (id >= 0) {
        c->m[id].qid = e->qid;
        c->m[id].country = e->country;
      }
      return id;
    }
    return -1;
  }
  return -1;
}

/* "Marlow, Vessia-based", "Dunholt, Vessia": after a town and a comma the name of a
 * state is meant, when the gazetteer knows "<name> State" ("Vessia State") beside the
 * city of that name. */
static void kgm_city_comma_state(KgmCtx *c, int id) {
  KgmMention *m = &c->m[id];
  size_t a = m->tok_start, b = m->tok_end;
  if (m->cls != KG_CLASS_PLACE || (m->flags & KGM_F_DEMONYM) || a < 2 || !kgm_is(c, a - 1, ",") ||
      (c->owner[a - 2] >= 0 ? c->m[c->owner[a - 2]].cls != KG_CLASS_PLACE
                            : !kgm_namey(c, a - 2) || kgm_initial(c, a - 2)))
    return; /* a known place, or a capitalised word not opening the sentence ("Bothell") */
  char surf[KGT_PHRASE_MAX + 1];
  size_t o = kgm_surface_to_hyphen(c, a, b, surf, sizeof surf - 6); /* "Vessia-based" */
  if (!o)
    return;
  memcpy(surf + o, " State", 6);
  o += 6;
  char key[KGT_PHRASE_MAX + 1];
  size_t kl = kgt_fold(surf, o, key, sizeof key);
  if (kl == (size_t)-1 || kl == 0)
    return;
  for (uint32_t it = kgt_phrase_find(&c->g->ix, key, kl); it;
       it = kgt_phrase_item(&c->g->ix, it)->next) {
    const KgtPhraseItem *item = kgt_phrase_item(&c->g->ix, it);
    if (item->key_len != kl || memcmp(c->g->ix.keys + item->key_off, key, kl) != 0)
      continue;
    const KgmEntry *e = &c->g->entries[c->g->forms[item->payload].entry];
    if (e->type != KGM_G_PLACE || !e->extra || strcmp(e->extra, "state") != 0)
      continue;
    m->name = e->name;
    m->qid = e->qid;
    m->country = e->country;
    return;
  }
}

/* Mention @p m is a place written as its name: no demonym, no description that refers back,
 * no lower-case adjective. */
static int kgm_place_by_name(const KgmMention *m) {
  return m->cls == KG_CLASS_PLACE && !(m->flags & (KGM_F_DEMONYM | KGM_F_ANAPHOR | KGM_F_LOWER));
}

/* A known name made of legal suffixes and suffix words only ("Capital Group") right after an unknown
 * capitalised word of the same sentence: "Orsk Capital Group" is another firm, which the
 * suffix pass reads whole. */
static int kgm_suffix_only_after_name(KgmCtx *c, size_t i, size_t n) {
  if (i == 0 || kgm_tok(c, i - 1)->sentence != kgm_tok(c, i)->sentence)
    return 0;
  /* a town's name may open such a name: "Tacoma Capital Group" */
  int p = c->owner[i - 1];
  if (p >= 0 ? !(kgm_place_by_name(&c->m[p]) && c->m[p].tok_end == i &&
                 (kgm_tok(c, c->m[p].tok_start)->flags & KGT_F_CAP) && !kgm_is(c, i - 1, "'s") &&
                 /* (not "in Lorvanne Capital Group said") */
                 !(c->m[p].tok_start > 0 && kgm_lex1(c, c->m[p].tok_start - 1, KGT_LEX_PREP)))
             : !kgm_namey(c, i - 1))
    return 0;
  for (size_t k = i; k < i + n;) {
    const KgtLexEntry *e;
    size_t m = kgm_lex(c, k, KGT_LEX_LEGAL, &e);
    if (!m && (m = kgm_lex(c, k, KGT_LEX_ORGWORD, &e)) && !kgm_has(e->arg[0], "suffix"))
      m = 0;
    if (!m)
      return 0;
    k += m;
  }
  return 1;
}

/* "Orsk Growth Fund 2", « le fonds Orsk Capital Fonds III »: whether a number or a Roman
 * numeral after the known fund's name of mention @p id makes another fund of that family (not
 * "Orsk Fund 2 billion", nor a year). */
static int kgm_fund_number(const KgmCtx *c, int id) {
  const KgmMention *m = &c->m[id];
  size_t e = m->tok_end;
  if (e >= c->nt || !kgm_is_org(m->cls) ||
      !(kgm_is(c, e - 1, "fund") || kgm_is(c, e - 1, "fonds") || kgm_is(c, e - 1, "fondo")))
    return 0;
  const KgtToken *x = kgm_tok(c, e);
  if (!(x->flags & KGT_F_SPACE_BEFORE) || x->sentence != kgm_tok(c, e - 1)->sentence)
    return 0;
  size_t l = strlen(x->lower);
  int num = x->kind == KGT_NUMBER && l == 1 && x->lower[0] >= '1' && x->lower[0] <= '9';
  int roman = x->kind == KGT_WORD && (x->flags & KGT_F_ALLCAPS) && l >= 2 && l <= 4 &&
              strspn(x->lower, "ivx") == l;
  if (!num && !roman)
    return 0;
  /* a unit or a quantity after it: an amount ("Fund 2 billion", "Fund 3 %") */
  if (e + 1 < c->nt && (kgm_tok(c, e + 1)->kind == KGT_NUMBER ||
                        (kgm_tok(c, e + 1)->kind == KGT_WORD && !(kgm_tok(c, e + 1)->flags & KGT_F_CAP) &&
                         !kgt_is_function_word(kgm_tok(c, e + 1)->fold) &&
                         !kgm_lex1(c, e + 1, KGT_LEX_SUBJ_VERB) &&
                         !kgm_lex1(c, e + 1, KGT_LEX_SPEECH_VERB))))
    return 0;
  return 1;
}

/* Token @p i stands between two capitalised name words of one sentence, the first not the
 * sentence's first word ("Orika Nippon Kogyo"). */
static int kgm_inner_demonym(KgmCtx *c, size_t i) {
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start, lim = kgm_sent_end(c, i);
  if (i < s + 2 || i + 1 >= lim || c->owner[i - 1] >= 0 || c->owner[i + 1] >= 0)
    return 0;
  const KgtToken *p = kgm_tok(c, i - 1), *n = kgm_tok(c, i + 1);
  return (p->flags & KGT_F_CAP) && (n->flags & KGT_F_CAP) && kgm_namey(c, i - 1) &&
         kgm_namey(c, i + 1) && (kgm_tok(c, i)->flags & KGT_F_SPACE_BEFORE) &&
         (n->flags & KGT_F_SPACE_BEFORE) && !kgm_place_word(c, p->fold, strlen(p->fold)) &&
         !kgm_place_word(c, n->fold, strlen(n->fold));
}

static void kgm_pass_gazetteer(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    const KgtToken *t = kgm_tok(c, i);
    if ((t->kind != KGT_WORD && t->kind != KGT_NUMBER) || c->owner[i] >= 0)
      continue;
    const KgmForm *f;
    size_t n = kgm_gaz(c, i, 0, &f);
    if (n && kgm_suffix_only_after_name(c, i, n)) {
      if (c->owner[i - 1] >= 0)
        kgm_kill(c, c->owner[i - 1]); /* the town opens the company's name */
      i += n - 1;
      continue;
    }
    /* "SBF 120", "CAC 40": capitals a number follows name a stock index, not the person
       some list abbreviates so */
    if (n == 1 && c->g->entries[f->entry].cls == KG_CLASS_PERSON && (t->flags & KGT_F_ALLCAPS) &&
        i + 1 < c->nt && kgm_tok(c, i + 1)->kind == KGT_NUMBER)
      continue;
    if (n) {
      /* a first word of a sentence that is also a function word ("On", "Total" is
       * ambiguous but kept) is no name */
      if (n == 1 && kgm_initial(c, i) && kgt_is_function_word(t->fold))
        continue;
      /* « le japonais Orika Nippon Kogyo »: a capitalised demonym between two name words
         is one of them */
      if (n == 1 && f->demonym && (t->flags & KGT_F_CAP) && !(t->flags & KGT_F_ALLCAPS) &&
          !c->headline[t->sentence] && kgm_inner_demonym(c, i))
        continue;
      /* "Port Alder, Wexmoor": the alias picks the city, and the region after the
         comma is a place of its own ("based in Port Alder, Wexmoor" names both) */
      if (n >= 3 && c->g->entries[f->entry].type == KGM_G_PLACE) {
        size_t k = i + 1;
        while (k < i + n - 1 && !kgm_is(c, k, ","))
          k++;
        const KgmForm *f2;
        if (k < i + n - 1 && kgm_gaz(c, k + 1, 0, &f2) == i + n - k - 1 &&
            c->g->entries[f2->entry].type == KGM_G_PLACE) {
          int id = kgm_from_form(c, i, k, f);
          if (id >= 0 && kgm_from_form(c, k + 1, i + n, f2) >= 0)
            i = i + n - 1;
          continue;
        }
      }
      int id = kgm_from_form(c, i, i + n, f);
      if (id >= 0 && kgm_fund_number(c, id)) {
        KgClass cls = c->m[id].cls;
        kgm_kill(c, id);
        id = kgm_add(c, i, i + n + 1, cls, NULL, 0, KGM_SRC_GUESS);
      }
      if (id >= 0)
        i = c->m[id].tok_end - 1;
      continue;
    }
    if (t->kind == KGT_WORD && (t->flags & KGT_F_CAP)) {
      int id = kgm_hyphen_multi(c, i);
      if (id >= 0)
        i = c->m[id].tok_end - 1;
      else
        kgm_hyphen_parts(c, i);
    }
  }
}

/* ------------------------------------------- pass 3: descriptors, suffixes */

/* A capitalised word of the lexicon's notname entries with no value ("Santé", "Défense":
 * words of ministries' names) right after a name word: « Orvex Santé » goes on; an
 * all-capital one only when valued tail ("Velmora AI", where "AI" alone is no name). */
static int kgm_name_tail(KgmCtx *c, size_t j) {
  const KgtToken *t = kgm_tok(c, j);
  if (t->kind != KGT_WORD || !(t->flags & KGT_F_CAP) || j == 0 ||
      !(kgm_tok(c, j - 1)->flags & KGT_F_CAP) || kgm_tok(c, j - 1)->kind != KGT_WORD ||
      c->headline[t->sentence] || kgt_is_function_word_in(t->fold, kgt_doc_lang(c->d)))
    return 0;
  const KgtLexEntry *nn;
  if (kgm_lex(c, j, KGT_LEX_NOT_NAME, &nn) != 1)
    return 0;
  int tail = nn->value && kgm_has(nn->value, "tail");
  return (t->flags & KGT_F_ALLCAPS) ? tail : (!nn->value || !nn->value[0] || tail);
}

/* A "+" glued to the word before it at @p k ("Velmar+"), before @p lim. */
static int kgm_glued_plus(const KgmCtx *c, size_t k, size_t lim) {
  return k < lim && kgm_is(c, k, "+") && !(kgm_tok(c, k)->flags & KGT_F_SPACE_BEFORE);
}

/* A glued "+" at @p k that ends a name: a space or a punctuation mark after it ("Velmar+ ",
 * "the Orca C2+ catheter"), or the sentence's end at @p lim. */
static int kgm_plus_ends_name(const KgmCtx *c, size_t k, size_t lim) {
  return kgm_glued_plus(c, k, lim) &&
         (k + 1 >= lim || (kgm_tok(c, k + 1)->flags & KGT_F_SPACE_BEFORE) ||
          kgm_tok(c, k + 1)->kind == KGT_PUNCT);
}

/* The end of a run of lower-case particles that the lexicon allows in company names
 * (particle … company: "van der", "do", "i") starting at @p j; @p j when none. */
static size_t kgm_company_particles(KgmCtx *c, size_t j, size_t lim) {
  const KgtLexEntry *pe;
  size_t k = j, m;
  while (k < lim && c->owner[k] < 0 && !(kgm_tok(c, k)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
         (m = kgm_lex(c, k, KGT_LEX_PARTICLE, &pe)) > 0 && pe->value && kgm_has(pe->value, "company"))
    k += m;
  return k;
}

/* Capitalised span from @p i: name words, '&' between them; with @p allow_of also
 * "of"/"de" between two name words ("Lord of Tides"). Stops at owned tokens and
 * at legal suffixes. */
static size_t kgm_caps_span(KgmCtx *c, size_t i, int allow_of, size_t maxlen) {
  size_t lim = kgm_sent_end(c, i), j = i;
  while (j < lim && j - i < maxlen && c->owner[j] < 0) {
    if (kgm_namey(c, j) || (j > i && kgm_name_tail(c, j))) {
      if (j > i) {
        const KgtLexEntry *e;
        if (kgm_lex(c, j, KGT_LEX_LEGAL, &e))
          break;
      }
      /* "P'tits Glaçons": a capitalised elision glued to the next word keeps it in the
       * name, whatever its case */
      const KgtToken *t = kgm_tok(c, j);
      size_t tl = strlen(t->fold);
      if (tl >= 2 && t->fold[tl - 1] == '\'' && j + 1 < lim && c->owner[j + 1] < 0 &&
          j + 2 - i <= maxlen && kgm_tok(c, j + 1)->kind == KGT_WORD &&
          !(kgm_tok(c, j + 1)->flags & KGT_F_SPACE_BEFORE)) {
        j += 2;
        continue;
      }
      j++;
      continue;
    }
    /* "Van der Brelle Kwekerij", "Couros Velmar do Brasil": lower-case particles of
       company names between name words */
    size_t pk = kgm_company_particles(c, j, lim);
    if (j > i && pk > j && pk < lim && pk - i < maxlen && c->owner[pk] < 0 && kgm_namey(c, pk)) {
      j = pk;
      continue;
    }
    if (j > i && j + 1 < lim && c->owner[j + 1] < 0 && kgm_namey(c, j + 1)) {
      const KgtToken *t = kgm_tok(c, j);
      if (strcmp(t->fold, "&") == 0 ||
          (allow_of && kgm_of(c, j, 1))) {
        j++;
        continue;
      }
      /* "Vosecke+Dorrant", « Tarlen+Brody »: a plus sign glued between two name words */
      if (strcmp(t->fold, "+") == 0 && !(t->flags & KGT_F_SPACE_BEFORE) &&
          !(kgm_tok(c, j + 1)->flags & KGT_F_SPACE_BEFORE)) {
        j++;
        continue;
      }
      /* "Velmar Within Reach", "Orvex Without Borders": a capitalised small word between
         name words, inside a sentence (a headline capitalises every word) */
      if (t->kind == KGT_WORD && (t->flags & KGT_F_CAP) && !(t->flags & KGT_F_ALLCAPS) &&
          !c->headline[t->sentence] && !kgm_initial(c, j) && strlen(t->fold) >= 2 &&
          kgt_is_function_word_in(t->fold, kgt_doc_lang(c->d)) && !kgm_lex1(c, j, KGT_LEX_LIST_SEP)) {
        j++;
        continue;
      }
      /* "AM/NS Calvert": a slash glued between two acronyms */
      const KgtToken *p = kgm_tok(c, j - 1), *n = kgm_tok(c, j + 1);
      if (strcmp(t->fold, "/") == 0 && !(t->flags & KGT_F_SPACE_BEFORE) &&
          !(n->flags & KGT_F_SPACE_BEFORE) && (p->flags & KGT_F_ALLCAPS) &&
          (n->flags & KGT_F_ALLCAPS)) {
        j++;
        continue;
      }
    }
    /* "Velmar+", "the Orca C2+ catheter": a plus glued to the last name word and followed
       by a space or a punctuation mark ends the name */
    if (j > i && kgm_plus_ends_name(c, j, lim))
      j++;
    break;
  }
  /* "competes with Investing 365 and Halbury Dene": a whole number of one to three
     digits after the name words, then a list separator or the clause's end, is part of the
     name (not "Velmar 10 days ago", nor a year) */
  if (j > i && j + 1 < lim && c->owner[j] < 0 && kgm_tok(c, j)->kind == KGT_NUMBER) {
    const KgtToken *nt = kgm_tok(c, j);
    size_t nl = strlen(nt->lower);
    if (nl <= 3 && strspn(nt->lower, "0123456789") == nl && (nt->flags & KGT_F_SPACE_BEFORE) &&
        (kgm_is(c, j + 1, ",") || kgm_is(c, j + 1, ";") || kgm_lex1(c, j + 1, KGT_LEX_LIST_SEP)))
      j++;
  }
  /* "brands such as Tarnish, Kelm's and Orsk": a possessive owns a noun phrase, so a
     glued "'s" that a list separator or the sentence's end follows is the name's own (not
     when a determiner follows the separator: "cut Kelm's and the unit's ratings") */
  /* (French has no such possessive: « Pommel's », « Tarn & Kelso's » are names) */
  if (j > i && j < lim && c->owner[j] < 0 && kgm_is(c, j, "'s") &&
      !(kgm_tok(c, j)->flags & KGT_F_SPACE_BEFORE) &&
      (c->fr || j + 1 == lim || kgm_is(c, j + 1, ";") || kgm_is(c, j + 1, ")") || kgm_is(c, j + 1, ".") ||
       ((kgm_is(c, j + 1, ",") || kgm_lex1(c, j + 1, KGT_LEX_LIST_SEP)) &&
        !(j + 2 < lim && kgm_lex1(c, j + 2, KGT_LEX_DET)))))
    j++;
  return j;
}

/* An organization named from @p a to @p b (legal suffixes after it join the mention). */
static int kgm_org_span(KgmCtx *c, size_t a, size_t b, KgClass cls, int source) {
  const KgtLexEntry *le;
  size_t legal = kgm_legal_after(c, b, &le);
  const char *name = kgm_span_str(c, a, b);
  int id = kgm_add(c, a, b + legal, cls, name, 0, source);
  if (id >= 0)
    c->aux[id].name_end = b;
  return id;
}

/* "Brelloc Holdings Canada Inc", "Zorbex France SA": a place between a name ending at @p e
 * and a legal suffix is part of the name (the company's unit there). Returns the new end. */
static size_t kgm_unit_of_place(KgmCtx *c, size_t e) {
  const KgtLexEntry *le;
  int p = e < c->nt ? c->owner[e] : -1;
  if (p < 0 || c->m[p].tok_start != e || c->m[p].cls != KG_CLASS_PLACE ||
      (c->m[p].flags & (KGM_F_DEMONYM | KGM_F_SHARED)) ||
      !(kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE) ||
      kgm_legal_after(c, c->m[p].tok_end, &le) == 0)
    return e;
  size_t pe = c->m[p].tok_end;
  kgm_kill(c, p);
  return pe;
}

/* A place of the gazetteer that spans many countries: kind continent ("Europe",
 * "Southeast Asia"). */
static int kgm_wide_entry(const KgmEntry *e) {
  return e && e->type == KGM_G_PLACE && e->extra && strcmp(e->extra, "continent") == 0;
}

/* Whether place entry @p e is a country's (its kind in places.tsv). */
static int kgm_country_entry(const KgmEntry *e) {
  return e->extra && strcmp(e->extra, "country") == 0;
}

/* Whether mention @p m opens on a capitalised name word of position "prefix" (« Maison
 * Velmar », « Groupe Velmar »): such a name, like one after a descriptor, takes any place
 * right after it (« Maison Velmar Paris »). */
static int kgm_prefix_named(KgmCtx *c, const KgmMention *m) {
  const KgtLexEntry *w;
  return m->tok_end - m->tok_start >= 2 && (kgm_tok(c, m->tok_start)->flags & KGT_F_CAP) &&
         kgm_lex(c, m->tok_start, KGT_LEX_ORGWORD, &w) == 1 && kgm_has(w->arg[0], "prefix");
}

/* "Velmar Italia", « Velmar Espagne », "Orvex France", "Orvex North America": a known
 * company's name and a country's or a continent's right after it, with nothing capitalised
 * after them, name the company's unit there, a company of its own. */
static void kgm_pass_country_units(KgmCtx *c) {
  size_t n0 = c->n;
  for (size_t k = 0; k < n0; k++) {
    const KgmMention *m = &c->m[k];
    if (c->aux[k].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_ANAPHOR | KGM_F_DEMONYM)) ||
        m->cls == KG_CLASS_GOVERNMENT_BODY || m->cls == KG_CLASS_NEWS_ORGANIZATION)
      continue;
    size_t e = m->tok_end;
    /* "Jaguar Cars Inc U.S. subsidiary": a legal suffix closes the name */
    if (c->aux[k].name_end < e)
      continue;
    if (e >= c->nt || c->owner[e] < 0 || !(kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE) ||
        kgm_tok(c, e)->sentence != kgm_tok(c, m->tok_start)->sentence)
      continue;
    int p = c->owner[e];
    const KgmMention *pm = &c->m[p];
    const KgmForm *f;
    /* after a descriptor, any place: "its subsidiary Velmar Arizona", « sa filiale Velmar
       Lyon »; otherwise a country or a continent: "Velmar France", "Velmar Trucks North
       America" (a city or a state there is more often where the name is: "Velmar Ohio plant") */
    if (pm->cls != KG_CLASS_PLACE || pm->tok_start != e || (pm->flags & KGM_F_DEMONYM) ||
        kgm_gaz(c, e, 0, &f) != pm->tok_end - e ||
        c->g->entries[f->entry].type != KGM_G_PLACE ||
        (m->desc_start >= m->tok_start && !kgm_prefix_named(c, m) &&
         !kgm_wide_entry(&c->g->entries[f->entry]) &&
         !kgm_country_entry(&c->g->entries[f->entry])))
      continue;
    size_t b = pm->tok_end;
    if (b < c->nt && kgm_tok(c, b)->sentence == kgm_tok(c, e)->sentence && kgm_namey(c, b))
      continue;
    size_t a = m->tok_start, ds = m->desc_start, de = m->desc_end;
    kgm_kill(c, p);
    kgm_kill(c, (int)k);
    /* the descriptor before the name still calls it (« la maison Velmar Paris … la maison ») */
    int id = kgm_org_span(c, a, b, KG_CLASS_COMPANY, KGM_SRC_SUFFIX);
    if (id >= 0 && ds < de && de <= a) {
      c->m[id].desc_start = ds;
      c->m[id].desc_end = de;
    }
  }
}

static size_t kgm_head_span(KgmCtx *c, size_t i, size_t m);

static void kgm_pass_named_by_descriptor(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    if (!c->desc[i].e || c->owner[i] >= 0)
      continue;
    size_t e = kgm_caps_span(c, i, 0, 6);
    if (e == i && kgm_cap_article_name(c, i, kgm_sent_end(c, i)))
      e = kgm_caps_span(c, i + 1, 0, 5); /* « le quotidien La Brado » */
    if (e == i)
      continue;
    /* « la holding belge Compagnie du Val Rasier »: a head word's complements belong to the
       name the descriptor calls */
    const KgtLexEntry *hw;
    size_t hm = c->fr ? kgm_lex(c, i, KGT_LEX_ORGWORD, &hw) : 0;
    if (hm && e == i + hm && kgm_has(hw->arg[0], "head") && !kgm_namey(c, i + hm))
      e = kgm_head_span(c, i, hm);
    e = kgm_unit_of_place(c, e);
    int id = kgm_org_span(c, i, e, kgm_class_of(c->desc[i].e->value), KGM_SRC_DESC);
    kgm_apply_desc(c, id);
  }
}

/* A lower-case name word before a name makes a group of its own: "la famille Velmore",
 * "les frères Draxil" are not the company Velmore nor a person, "the government of Velmia"
 * is not the country. Names already found
 * inside the span give way. Returns the end of the new mention or 0. */
static size_t kgm_lower_prefix_org(KgmCtx *c, size_t i) {
  const KgtLexEntry *w;
  if (!(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_ORGWORD)))
    return 0; /* the look-up below would say 0: most tokens */
  const KgtToken *t = kgm_tok(c, i);
  size_t m;
  if ((t->flags & KGT_F_CAP) || c->owner[i] >= 0 || c->headline[t->sentence] ||
      (m = kgm_lex(c, i, KGT_LEX_ORGWORD, &w)) == 0 || !kgm_has(w->arg[0], "prefix"))
    return 0;
  /* « les frères Jean et Henri Boiron »: first names after it are people */
  const KgmForm *fn;
  if (i + m < c->nt && c->owner[i + m] < 0 && kgm_gaz(c, i + m, 1, &fn) == 1)
    return 0;
  /* « le gouvernement d'Emmanuel Virel »: a person's government is no body of its own name */
  if (i + m < c->nt && c->owner[i + m] >= 0 && c->m[c->owner[i + m]].cls == KG_CLASS_PERSON)
    return 0;
  size_t lim = kgm_sent_end(c, i), e = i + m;
  const KgtLexEntry *pe;
  while (e < lim && e - i <= 5) {
    /* « la famille Halvik dos Velmar »: a name particle between two name words */
    if (e > i + m && e + 1 < lim && !kgm_namey(c, e) && kgm_lex(c, e, KGT_LEX_PARTICLE, &pe) == 1 &&
        kgm_namey(c, e + 1) && c->owner[e + 1] < 0)
      e++;
    else if (!kgm_namey(c, e))
      break;
    int g = c->owner[e];
    if (g >= 0) {
      if (c->m[g].tok_start != e || c->m[g].tok_end > lim)
        break;
      e = c->m[g].tok_end;
    } else {
      e++;
    }
  }
  if (e == i + m)
    return 0;
  for (size_t j = i + m; j < e; j++)
    if (c->owner[j] >= 0)
      kgm_kill(c, c->owner[j]);
  int id = kgm_org_span(c, i, e, kgm_class_of(w->value), KGM_SRC_SUFFIX);
  return id >= 0 ? c->m[id].tok_end : 0;
}

/* Lower-case adjectives and demonyms after @p j that belong to an institution's name
 * (« spatiale européenne »). Returns the end. */
static size_t kgm_name_adjs(KgmCtx *c, size_t j, size_t lim) {
  const KgmEntry *pl;
  for (size_t n = 0; j < lim && n < 3; n++) {
    const KgtToken *t = kgm_tok(c, j);
    size_t m = 0;
    if (t->kind != KGT_WORD || (t->flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
      break;
    if (kgm_lex(c, j, KGT_LEX_NAME_ADJ, NULL) == 1)
      m = 1;
    else if ((m = kgm_demonym(c, j, &pl)) == 0)
      break;
    j += m;
  }
  return j;
}

/* « l'Agence régionale de santé d'Île-de-France », « la Cour d'appel de Velmont », « le Salon
 * de Genève »: French capitalises only the first word of an institution's name, so a head
 * word (orgword position "head") opens a name that runs on through adjectives and up to
 * two complements with "de": a place, a lower-case noun, or (first) capitalised words. It
 * stops before an organization, a person or a product named after it (« le Conseil de
 * surveillance de Zorbex »). Returns the end; @p i + m when the head stands alone. */
static size_t kgm_head_span(KgmCtx *c, size_t i, size_t m) {
  size_t lim = kgm_sent_end(c, i), e = kgm_name_adjs(c, i + m, lim);
  for (int k = 0; k < 2 && e + 1 < lim; k++) {
    const char *f = kgm_tok(c, e)->fold;
    if (strcmp(f, "de") != 0 && strcmp(f, "d'") != 0 && strcmp(f, "du") != 0 &&
        strcmp(f, "des") != 0)
      break;
    size_t j = e + 1;
    if ((strcmp(f, "de") == 0) && j + 1 < lim &&
        (kgm_is(c, j, "la") || kgm_is(c, j, "l'")))
      j++;
    const KgtToken *t = kgm_tok(c, j);
    int g = c->owner[j];
    if (g >= 0) {
      if (c->m[g].cls != KG_CLASS_PLACE || c->m[g].tok_start != j || c->m[g].tok_end > lim)
        break;
      e = kgm_name_adjs(c, c->m[g].tok_end, lim);
    } else if ((k == 0 || j > e + 1) && kgm_namey(c, j)) {
      /* capitalised words right after the head (« l'Université de Sorvanne ») or after an
       * article (« de l'Homme »), but not a company's name (« Brantol SA ») */
      const KgtLexEntry *lg;
      size_t ce = kgm_caps_span(c, j, 0, 4);
      if (ce == j || kgm_legal_after(c, ce, &lg) > 0)
        break;
      e = ce;
    } else if (t->kind == KGT_WORD && !(t->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
               !kgm_stop(c, j) && kgm_letters(t->lower, 3) >= 3) {
      e = kgm_name_adjs(c, j + 1, lim);
    } else {
      break;
    }
  }
  return e;
}

/* A lower-case plural of a company noun at @p k ("the investment companies A and B AB",
 * « les sociétés A et B SA »): a list follows it. */
static int kgm_plural_descriptor(KgmCtx *c, size_t k) {
  const KgtToken *t = kgm_tok(c, k);
  size_t n = strlen(t->fold);
  if (t->kind != KGT_WORD || (t->flags & KGT_F_CAP) || n < 4 || n > 40 || t->fold[n - 1] != 's')
    return 0;
  char w[48];
  memcpy(w, t->fold, n + 1);
  if (n > 4 && strcmp(w + n - 3, "ies") == 0)
    memcpy(w + n - 3, "y", 2), n -= 2; /* companies */
  else
    w[--n] = '\0';
  const KgtLexEntry *e = kgt_lexicon_lookup(c->lx, KGT_LEX_DESCRIPTOR, kgt_doc_lang(c->d), w, n);
  return e && kgm_is_org(kgm_class_of(e->value));
}

/* "Willcox and Gibbs Inc", "Procter & Gamble Co", "American Telephone and Telegraph Co":
 * before the name at @p i (which a legal suffix ends) a conjunction and capitalised words
 * that name nothing known, no list running into them ("Acme, Brill and Corva Inc" are
 * three), make one name with it; @p nb is the number of words of that name. Returns
 * where the name starts. */
static size_t kgm_and_joins(KgmCtx *c, size_t i, size_t nb) {
  const KgtLexEntry *ls;
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  if (i < s0 + 2 || kgm_lex(c, i - 1, KGT_LEX_LIST_SEP, &ls) != 1 ||
      (kgm_tok(c, i - 1)->kind == KGT_PUNCT && !kgm_is(c, i - 1, "&")))
    return i;
  size_t k = i - 1;
  for (int n = 0; n < 3 && k > s0; n++) {
    int o = c->owner[k - 1];
    /* a demonym may open it: "American Telephone and Telegraph Co" */
    int dem = o >= 0 && c->m[o].cls == KG_CLASS_PLACE && (c->m[o].flags & KGM_F_DEMONYM) &&
              c->m[o].tok_start == k - 1 && c->m[o].tok_end == k;
    if (!(kgm_tok(c, k - 1)->flags & KGT_F_CAP) || (!dem && !kgm_namey(c, k - 1)) ||
        (o >= 0 && !dem && !(c->m[o].flags & KGM_F_GUESS)))
      break;
    k--;
  }
  if (k == i - 1 || (k > s0 && (kgm_lex(c, k - 1, KGT_LEX_LIST_SEP, &ls) || kgm_is(c, k - 1, ",") ||
                                 kgm_plural_descriptor(c, k - 1))))
    return i;
  /* "Dudley S. Taft and Narragansett Capital Inc": a person, then a company of its own
     (a name of two words or more), not "Joseph E. Seagram and Sons Inc" */
  const KgmForm *fn;
  if (nb >= 2 && kgm_gaz(c, k, 1, &fn) > 0)
    return i;
  for (size_t q = k; q < i - 1; q++)
    if (c->owner[q] >= 0)
      kgm_kill(c, c->owner[q]);
  return k;
}

/* 1 when @p name starts with the words of tokens [a, b), then a space ("Velmora Electric"
 * and "Velmora Electric Company"). */
static int kgm_name_starts(const KgmCtx *c, const char *name, size_t a, size_t b) {
  const char *p = name;
  for (size_t q = a; q < b; q++) {
    size_t len;
    const char *w = kgt_token_text(c->d, q, &len);
    if (q > a && *p++ != ' ')
      return 0;
    if (strncmp(p, w, len) != 0)
      return 0;
    p += len;
  }
  return *p == ' ';
}

/* Mention @p g gives way to an organization read on a company word over [a, e); returns the
 * token the pass goes on after (a itself when nothing was added). */
static size_t kgm_reread_org(KgmCtx *c, int g, size_t a, size_t e, KgClass cls) {
  kgm_kill(c, g);
  int id = kgm_org_span(c, a, e, cls, KGM_SRC_SUFFIX);
  kgm_apply_desc(c, id);
  return id >= 0 ? c->m[id].tok_end - 1 : a;
}

/* "the Vollan family", "Italy's Ardent family": a `suffix` name word written in lower case
 * after one to three capitalised words makes them one group of its own, neither the company
 * nor a person of that name (not "the Velmar family of products"). Returns the token after
 * it, 0 when none. */
static size_t kgm_lower_suffix_org(KgmCtx *c, size_t i) {
  const KgtLexEntry *w;
  if (!(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_ORGWORD)) || i == 0)
    return 0;
  const KgtToken *t = kgm_tok(c, i);
  if ((t->flags & KGT_F_CAP) || c->owner[i] >= 0 || c->headline[t->sentence] ||
      kgm_lex(c, i, KGT_LEX_ORGWORD, &w) != 1 || !kgm_has(w->arg[0], "suffix") ||
      kgm_of(c, i + 1, 1))
    return 0;
  size_t s = kgt_doc_sentence(c->d, t->sentence)->tok_start, a = i;
  while (a > s && i - a < 3 && (kgm_tok(c, a - 1)->flags & KGT_F_CAP) &&
         !(kgm_tok(c, a - 1)->flags & KGT_F_ALLCAPS) && kgm_namey(c, a - 1) &&
         !kgm_initial(c, a - 1)) {
    int g = c->owner[a - 1];
    if (g >= 0 && (c->m[g].tok_end != a || c->m[g].tok_start < s || i - c->m[g].tok_start > 3 ||
                   (c->m[g].flags & KGM_F_DEMONYM)))
      break;
    a = g >= 0 ? c->m[g].tok_start : a - 1;
  }
  if (a == i)
    return 0;
  /* "the Ohio family firm that makes …": after a place, the word qualifies the company
     noun after it (not "the Carl Velmar family company") */
  const KgtLexEntry *dn;
  int pa = c->owner[a];
  if (pa >= 0 && c->m[pa].cls == KG_CLASS_PLACE && c->m[pa].tok_end == i && i + 1 < c->nt &&
      !(kgm_tok(c, i + 1)->flags & KGT_F_CAP) && kgm_lex(c, i + 1, KGT_LEX_DESCRIPTOR, &dn) > 0)
    return 0;
  for (size_t j = a; j < i; j++)
    if (c->owner[j] >= 0)
      kgm_kill(c, c->owner[j]);
  int id = kgm_org_span(c, a, i + 1, kgm_class_of(w->value), KGM_SRC_SUFFIX);
  return id >= 0 ? c->m[id].tok_end : 0;
}

/* Known mention @p g runs on to token @p end, its name to @p name_end: the words after it
 * belong to it ("Velmora Electric Co", "Velmora Energy Group"), whatever read them before. */
static void kgm_extend_known(KgmCtx *c, int g, size_t end, size_t name_end) {
  for (size_t q = c->m[g].tok_end; q < end; q++) {
    if (c->owner[q] >= 0 && c->owner[q] != g)
      kgm_kill(c, c->owner[q]);
    c->owner[q] = g;
  }
  c->m[g].tok_end = end;
  c->aux[g].name_end = name_end;
}

/* "Public Service Electric and Gas", "Texas Utilities Electric and Power": after a name that
 * a name word ends, "and" and one more capitalised name word of the kind that ends names are
 * part of it ("Halvik Power and Siemens Energy" are two). Returns the name's new end, before
 * any legal suffix. */
static size_t kgm_and_name_word(KgmCtx *c, size_t e) {
  const KgtLexEntry *w;
  if (e + 2 > c->nt || e == 0 || !(kgm_is(c, e, "and") || kgm_is(c, e, "&")) ||
      c->owner[e + 1] >= 0 || kgm_tok(c, e + 1)->sentence != kgm_tok(c, e - 1)->sentence ||
      !(kgm_tok(c, e + 1)->flags & KGT_F_CAP) || kgm_lex(c, e + 1, KGT_LEX_ORGWORD, &w) != 1 ||
      !kgm_has(w->arg[0], "suffix"))
    return e;
  const KgtLexEntry *lf;
  if (kgm_legal_after(c, e + 2, &lf))
    return e + 2; /* "Norvan Electric and Gas Co": the legal suffix is read as usual */
  if (e + 2 < c->nt && kgm_tok(c, e + 2)->sentence == kgm_tok(c, e)->sentence &&
      (kgm_tok(c, e + 2)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && kgm_tok(c, e + 2)->kind == KGT_WORD)
    return e;
  return e + 2;
}

static void kgm_pass_suffixes(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    const KgtToken *t = kgm_tok(c, i);
    size_t lp = kgm_lower_prefix_org(c, i);
    if (!lp)
      lp = kgm_lower_suffix_org(c, i);
    if (lp) {
      i = lp - 1;
      continue;
    }
    int g = c->owner[i];
    /* "Cleveland-Cliffs Inc.": a hyphenated word a place opens, its second part capitalised,
       before a legal suffix, is a company's name (not "Ohio-based") */
    const KgtLexEntry *hl;
    size_t hn;
    if (g >= 0 && c->m[g].tok_start == i && c->m[g].tok_end == i + 1 &&
        c->m[g].cls == KG_CLASS_PLACE && (t->flags & KGT_F_CAP) && !c->headline[t->sentence] &&
        (hn = kgm_legal_after(c, i + 1, &hl)) > 0 && hl) {
      size_t tl;
      const char *tx = kgt_token_text(c->d, i, &tl);
      const char *h = memchr(tx, '-', tl);
      if (h && h + 1 < tx + tl && h[1] >= 'A' && h[1] <= 'Z') {
        i = kgm_reread_org(c, g, i, i + 1 + hn, kgm_class_of(hl->value));
        continue;
      }
    }
    /* "Oslo Sports Investments", "Turin Pacific Holdings": a place opening capitalised words
       that end in a company word is part of that company's name */
    if (g >= 0 && c->m[g].tok_start == i && c->m[g].cls == KG_CLASS_PLACE &&
        !(c->m[g].flags & KGM_F_SHARED) && (t->flags & KGT_F_CAP) &&
        !c->headline[t->sentence] && !strchr(kgm_tok(c, c->m[g].tok_end - 1)->lower, '-')) {
      /* not "Oslo-based Velmar Technologies": the place modifies the name */
      size_t b = c->m[g].tok_end, e = b;
      int h = b < c->nt ? c->owner[b] : -1;
      if (b < c->nt && (kgm_tok(c, b)->flags & KGT_F_SPACE_BEFORE) &&
          kgm_tok(c, b)->sentence == t->sentence) {
        if (h < 0)
          e = kgm_caps_span(c, b, 0, 3);
        else if (c->m[h].tok_start == b && kgm_is_org(c->m[h].cls) &&
                 !(c->m[h].flags & (KGM_F_GAZETTEER | KGM_F_ANAPHOR)))
          e = c->aux[h].name_end; /* "Sports Investments", read on its suffix already */
      }
      const KgtLexEntry *w, *dl = NULL;
      /* a demonym opens a name only with a legal suffix after it: "Hawaiian Holdings Inc." */
      int dem_ok = !(c->m[g].flags & KGM_F_DEMONYM) || (e > b && kgm_legal_after(c, e, &dl) > 0);
      /* "le studio Marlow Lab", "its cloud unit, Brellham Cloud": a company noun before the
         place (or before the comma of an apposition) names the whole span */
      const KgtLexEntry *dw = NULL;
      size_t ds = i >= 1 && kgm_is(c, i - 1, ",") ? i - 1 : i;
      int described = 0;
      for (size_t back = 1; back <= 3 && back <= ds && !described; back++) {
        const KgtLexEntry *de;
        described = kgm_lex(c, ds - back, KGT_LEX_DESCRIPTOR, &de) == back &&
                    kgm_is_org(kgm_class_of(de->value)) && !(c->m[g].flags & KGM_F_DEMONYM);
        if (described)
          dw = de;
      }
      int suffix = e > b && kgm_lex(c, e - 1, KGT_LEX_ORGWORD, &w) == 1 && kgm_has(w->arg[0], "suffix");
      /* "Canadian Velmar Corp": a capitalised demonym, name words and a legal suffix
         right after them are one name (not "Velmar", a Canadian company) */
      if (!suffix && (c->m[g].flags & KGM_F_DEMONYM) && e > b && dem_ok && dl &&
          !(i > 0 && kgm_lex1(c, i - 1, KGT_LEX_DET))) { /* not "the Dutch Orvane NV" */
        w = dl;
        suffix = 1;
      }
      if (!suffix && described && e > b && h < 0 && kgm_free_span(c, b, e) &&
          (e >= c->nt || kgm_tok(c, e)->kind == KGT_PUNCT || !(kgm_tok(c, e)->flags & KGT_F_CAP))) {
        i = kgm_reread_org(c, g, i, e, kgm_class_of(dw->value));
        continue;
      }
      if (e > b && dem_ok && (h >= 0 || kgm_free_span(c, b, e)) && suffix) {
        if (h >= 0) {
          e = c->m[h].tok_end;
          kgm_kill(c, h);
        }
        /* "Kansas Power and Light Co": a coordinated name word and a legal suffix */
        const KgtLexEntry *lf;
        size_t lim = kgm_sent_end(c, i), f, ln;
        if (e + 2 < lim && (kgm_is(c, e, "and") || kgm_is(c, e, "&")) && c->owner[e + 1] < 0 &&
            (f = kgm_caps_span(c, e + 1, 0, 2)) > e + 1 && kgm_free_span(c, e + 1, f) &&
            (ln = kgm_legal_after(c, f, &lf)) > 0)
          e = f + ln;
        else if ((f = kgm_and_name_word(c, e)) > e)
          e = f + kgm_legal_after(c, f, &lf);
        i = kgm_reread_org(c, g, i, e, kgm_class_of(w->value));
        continue;
      }
    }
    if (g >= 0 && c->m[g].tok_start == i && kgm_is_org(c->m[g].cls) &&
        c->aux[g].name_end == c->m[g].tok_end && !c->headline[t->sentence]) {
      /* a known name, a place and a legal suffix: "Halvik Canada Ltd" is its unit there */
      size_t u = kgm_unit_of_place(c, c->m[g].tok_end);
      if (u != c->m[g].tok_end) {
        KgClass gc = c->m[g].cls;
        kgm_kill(c, g);
        int id = kgm_org_span(c, i, u, gc, KGM_SRC_SUFFIX);
        if (id >= 0)
          i = c->m[id].tok_end - 1;
        continue;
      }
      /* a known name and a name word: "Zorbex Holding" is another organization */
      size_t b = c->m[g].tok_end, bb = b;
      /* "Halvik Brantel Mobility Inc": other known names on the way to a legal suffix */
      /* "Halvik Africa Logistics": a place there too, when a name word follows it */
      int hops = 0, phops = 0;
      while (hops + phops < 2 && bb < c->nt && c->owner[bb] >= 0) {
        const KgmMention *h = &c->m[c->owner[bb]];
        int place = h->cls == KG_CLASS_PLACE && !(h->flags & KGM_F_DEMONYM) && !phops;
        if (h->tok_start != bb || (!kgm_is_org(h->cls) && !place) ||
            !(kgm_tok(c, bb)->flags & KGT_F_CAP) ||
            !(kgm_tok(c, bb)->flags & KGT_F_SPACE_BEFORE) || kgm_tok(c, bb)->sentence != t->sentence)
          break;
        bb = h->tok_end;
        if (place)
          phops++;
        else
          hops++;
      }
      /* the name ends with its sentence: a headline's last name is not continued by the
         next paragraph's first words */
      int same = bb < kgm_sent_end(c, i);
      size_t e = same ? kgm_caps_span(c, bb, 0, 4) : bb; /* "Water & Process Technologies" */
      const KgtLexEntry *w;
      size_t m;
      const KgtLexEntry *lg = NULL;
      int word = e > b && !hops && (!phops || e > bb) &&
                 (m = kgm_lex(c, e - 1, KGT_LEX_ORGWORD, &w)) == 1 && kgm_has(w->arg[0], "suffix");
      if (phops && !word)
        continue; /* "Halvik Europe said": the place is where, not part of a name */
      /* "Zorbex Trust Company": a known name, name words and a legal suffix */
      if (!word && e > bb && same && kgm_legal_after(c, e, &lg) > 0 && lg)
        w = lg;
      /* "Velmora Electric Co" for the known "Velmora Electric Company" (found on its alias
         "Velmora"): the same organization, its name written out */
      if (lg && !hops && e > b && (kgm_tok(c, b)->flags & KGT_F_SPACE_BEFORE) &&
          kgm_name_starts(c, c->m[g].name, i, e)) {
        size_t end = e + kgm_legal_after(c, e, &lg);
        kgm_extend_known(c, g, end, e);
        i = end - 1;
        continue;
      }
      /* "Velmora Energy Group" for the known "Velmora Energy": a name word valued `same`
         (Group) names the whole of the company the known name names, not another one */
      if (word && !phops && e == b + 1 && kgm_has(w->arg[0], "same") &&
          (kgm_tok(c, b)->flags & KGT_F_SPACE_BEFORE) && !kgm_modifier_tok(c, b - 1) &&
          (c->m[g].flags & KGM_F_GAZETTEER)) {
        kgm_extend_known(c, g, e, e);
        c->m[g].surface = kgm_span_str(c, i, e);
        i = e - 1;
        continue;
      }
      /* not after "Kestrel-backed": the known name is inside a modifier */
      if ((word || lg) && (kgm_tok(c, b)->flags & KGT_F_SPACE_BEFORE) &&
          !kgm_modifier_tok(c, b - 1)) {
        for (size_t q = b; q < bb; q++)
          if (c->owner[q] >= 0)
            kgm_kill(c, c->owner[q]);
        i = kgm_reread_org(c, g, i, e, kgm_class_of(w->value));
      }
      continue;
    }
    if (c->owner[i] >= 0 || c->headline[t->sentence] || !kgm_namey(c, i))
      continue;
    const KgtLexEntry *le;
    size_t hm = (t->flags & KGT_F_CAP) ? kgm_lex(c, i, KGT_LEX_ORGWORD, &le) : 0;
    /* at a sentence start the capital is the sentence's: « Société de droit néerlandais, X » */
    if (hm && kgm_has(le->arg[0], "head") && kgm_free_span(c, i, i + hm) &&
        !kgm_namey(c, i + hm) && !kgm_initial(c, i)) {
      size_t he = kgm_head_span(c, i, hm);
      if (he > i + hm) {
        for (size_t j = i + hm; j < he; j++)
          if (c->owner[j] >= 0)
            kgm_kill(c, c->owner[j]);
        int id = kgm_org_span(c, i, he, kgm_class_of(le->value), KGM_SRC_SUFFIX);
        if (id >= 0)
          i = c->m[id].tok_end - 1;
      }
      continue;
    }
    /* « Fonds Stratégique de Participations »: in French, after a prefix name word,
       capitalised words may be joined by a genitive (English keeps "Velmar State Bank of
       Ardon" for the pass of "Bank of" and a place) */
    const KgtLexEntry *pw;
    int pre = c->fr && kgm_lex(c, i, KGT_LEX_ORGWORD, &pw) > 0 && kgm_has(pw->arg[0], "prefix");
    size_t e = kgm_caps_span(c, i, pre, 8);
    if (e == i)
      continue;
    e = kgm_unit_of_place(c, e);
    /* "Brado's Inc", "Velmo's Corp": a possessive glued to the name before a legal suffix
       is part of the name */
    if (e + 1 < c->nt && kgm_tok(c, e)->sentence == t->sentence && c->owner[e] < 0 &&
        kgm_is(c, e, "'s") &&
        !(kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE) && kgm_legal_after(c, e + 1, &le) > 0)
      e++;
    /* "Talmont 14 Inc", "Studio 54 Ltd": a whole number between the name and a legal suffix
       is part of the name */
    else if (e + 1 < c->nt && kgm_tok(c, e)->sentence == t->sentence && c->owner[e] < 0 &&
             kgm_tok(c, e)->kind == KGT_NUMBER && strspn(kgm_tok(c, e)->lower, "0123456789") ==
             strlen(kgm_tok(c, e)->lower) && kgm_legal_after(c, e + 1, &le) > 0)
      e++;
    size_t legal = kgm_legal_after(c, e, &le);
    KgClass cls;
    int ok = 0;
    if (legal) {
      cls = kgm_class_of(le->value);
      ok = 1;
    } else if (e - i >= 2) {
      const KgtLexEntry *w;
      size_t m;
      /* the last name word ("Acme Holdings") or the first ("Groupe Acme", "Bank of X") */
      for (size_t k = i + 1; k < e && !ok; k++)
        if ((m = kgm_lex(c, k, KGT_LEX_ORGWORD, &w)) > 0 && k + m == e &&
            kgm_has(w->arg[0], "suffix")) {
          cls = kgm_class_of(w->value);
          ok = 1;
          e = kgm_and_name_word(c, e);
        }
      if (!ok && (m = kgm_lex(c, i, KGT_LEX_ORGWORD, &w)) > 0 && kgm_has(w->arg[0], "prefix") &&
          i + m < e) {
        cls = kgm_class_of(w->value);
        ok = 1;
      }
    } else if (i > 0 && c->owner[i - 1] >= 0 && kgm_lex(c, i, KGT_LEX_ORGWORD, &le) == 1 &&
               kgm_has(le->arg[0], "suffix") && (kgm_tok(c, i)->flags & KGT_F_SPACE_BEFORE) &&
               c->m[c->owner[i - 1]].cls == KG_CLASS_PLACE &&
               !(c->m[c->owner[i - 1]].flags & KGM_F_DEMONYM) &&
               c->m[c->owner[i - 1]].tok_end == i) {
      /* a place and a name word: "Ohio Holding", "Velmo Investment" */
      cls = kgm_class_of(le->value);
      ok = 1;
    } else if (kgm_lex(c, i, KGT_LEX_ORGWORD, &le) && kgm_has(le->arg[0], "prefix")) {
      /* "Bank of" + a place already found: "Bank of America" */
      size_t m = kgm_lex(c, i, KGT_LEX_ORGWORD, &le);
      if (m >= 2 && i + m < c->nt && c->owner[i + m] >= 0 &&
          c->m[c->owner[i + m]].cls == KG_CLASS_PLACE) {
        int p = c->owner[i + m];
        size_t pe = c->m[p].tok_end;
        kgm_kill(c, p);
        kgm_org_span(c, i, pe, kgm_class_of(le->value), KGM_SRC_SUFFIX);
        continue;
      }
      /* "the Institute for Velmic Research", "American Association for Velmic Research": a
         prefix word and its preposition, then capitalised words (a name found there already,
         not a known one, is read again as part of it); a capitalised demonym opening it
         belongs to it */
      int q = m >= 2 && i + m < c->nt ? c->owner[i + m] : -1;
      size_t qe = i + m;
      /* only where the prefix opens the name: "Velmar State Bank of X" is read elsewhere */
      int pv = i > 0 ? c->owner[i - 1] : -1;
      if (i > 0 && kgm_tok(c, i - 1)->sentence == kgm_tok(c, i)->sentence &&
          (kgm_tok(c, i - 1)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
          !(pv >= 0 && (c->m[pv].flags & KGM_F_DEMONYM)) && !kgm_initial(c, i))
        q = -2;
      KgClass qc = kgm_class_of(le->value);
      if (q >= 0 && c->m[q].tok_start == i + m && kgm_is_org(c->m[q].cls) &&
          !(c->m[q].flags & (KGM_F_GAZETTEER | KGM_F_ANAPHOR))) {
        qe = c->m[q].tok_end;
        if (c->m[q].cls != KG_CLASS_ORGANIZATION)
          qc = c->m[q].cls;
      } else if (q == -1 && i + m < c->nt && kgm_namey(c, i + m)) {
        qe = kgm_caps_span(c, i + m, 1, 6);
      }
      if (qe > i + m && kgm_tok(c, qe - 1)->sentence == kgm_tok(c, i)->sentence) {
        if (q >= 0 && qe == c->m[q].tok_end)
          kgm_kill(c, q);
        if (!kgm_free_span(c, i, qe))
          continue;
        size_t a = i;
        int d = i > 0 ? c->owner[i - 1] : -1;
        if (d >= 0 && c->m[d].tok_end == i && (c->m[d].flags & KGM_F_DEMONYM) &&
            (kgm_tok(c, c->m[d].tok_start)->flags & KGT_F_CAP) && !kgm_initial(c, c->m[d].tok_start)) {
          a = c->m[d].tok_start;
          kgm_kill(c, d);
        } else if (kgm_cap_article_opens(c, i)) {
          a = i - 1; /* « pour La Maison Velmar » */
        }
        int id = kgm_org_span(c, a, qe, qc, KGM_SRC_SUFFIX);
        if (id >= 0)
          i = c->m[id].tok_end - 1;
        continue;
      }
    }
    if (!ok)
      continue;
    /* a place right before the name belongs to it: "Ohio Resources Corp" */
    size_t a = i;
    if (legal)
      a = kgm_and_joins(c, i, e - i);
    if (i > 0 && c->owner[i - 1] >= 0 && (kgm_tok(c, i)->flags & KGT_F_SPACE_BEFORE)) {
      int p = c->owner[i - 1];
      /* a demonym too when it is capitalised where demonyms are not ("Czech Media
       * Invest" in French) or starts the name ("Czech Airlines") */
      size_t pl;
      const char *ps = kgt_token_text(c->d, i - 1, &pl);
      /* ... but not "Ohio-based": that place says where the company is */
      int based = memchr(ps, '-', pl) != NULL;
      if (c->m[p].cls == KG_CLASS_PLACE && c->m[p].tok_end == i && !based &&
          (!(c->m[p].flags & KGM_F_DEMONYM) ||
           (c->fr && (kgm_tok(c, c->m[p].tok_start)->flags & KGT_F_CAP) &&
            !kgm_initial(c, c->m[p].tok_start)))) {
        a = c->m[p].tok_start;
        kgm_kill(c, p);
      }
    }
    if (a == i && kgm_cap_article_opens(c, i))
      a = i - 1; /* « à La Maison Velmar » */
    int id = kgm_org_span(c, a, e, cls, KGM_SRC_SUFFIX);
    kgm_apply_desc(c, id);
    if (id >= 0)
      i = c->m[id].tok_end - 1;
  }
}

/* "l'État belge", "le gouvernement espagnol", "l'État": a government named by the
 * demonym after its noun (orgword position "demonym"), or by the capitalised noun alone
 * after a determiner (position "det"). The name is the words as written. */
static void kgm_pass_states(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    if (!(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_ORGWORD)))
      continue; /* as in kgm_pass_descriptors() */
    const KgtToken *t = kgm_tok(c, i);
    if (t->kind != KGT_WORD || c->owner[i] >= 0 || c->headline[t->sentence])
      continue;
    const KgtLexEntry *w;
    size_t m = kgm_lex(c, i, KGT_LEX_ORGWORD, &w);
    if (!m || (!kgm_has(w->arg[0], "demonym") && !kgm_has(w->arg[0], "det") &&
               !kgm_has(w->arg[0], "predemonym")))
      continue;
    /* "the Taiwanese government": the demonym before the noun (position "predemonym") */
    int pd = i > 0 ? c->owner[i - 1] : -1;
    if (kgm_has(w->arg[0], "predemonym") && pd >= 0 && (c->m[pd].flags & KGM_F_DEMONYM) &&
        c->m[pd].tok_end == i && kgm_free_span(c, i, i + m) &&
        !(i + m < c->nt && (kgm_tok(c, i + m)->flags & KGT_F_CAP))) {
      size_t a = c->m[pd].tok_start;
      const char *country = c->m[pd].country;
      kgm_kill(c, pd);
      int id = kgm_add(c, a, i + m, kgm_class_of(w->value), NULL, 0, KGM_SRC_SUFFIX);
      if (id >= 0) {
        c->m[id].country = country;
        i += m - 1;
      }
      continue;
    }
    const KgmEntry *pl = NULL;
    size_t n = 0;
    int dm = i + m < c->nt ? c->owner[i + m] : -1;
    if (kgm_has(w->arg[0], "demonym") && kgm_free_span(c, i, i + m) && dm >= 0 &&
        (c->m[dm].flags & KGM_F_DEMONYM) && c->m[dm].tok_start == i + m &&
        !(kgm_tok(c, i + m)->flags & KGT_F_CAP) && (n = kgm_demonym(c, i + m, &pl)) > 0 &&
        c->m[dm].tok_end == i + m + n) {
      kgm_kill(c, dm);
      int id = kgm_add(c, i, i + m + n, kgm_class_of(w->value), NULL, 0, KGM_SRC_SUFFIX);
      if (id >= 0) {
        c->m[id].country = pl->country;
        i += m + n - 1;
      }
      continue;
    }
    const KgtLexEntry *d;
    if (kgm_has(w->arg[0], "det") && (t->flags & KGT_F_CAP) && i > 0 &&
        kgm_lex(c, i - 1, KGT_LEX_DET, &d) == 1 && kgm_free_span(c, i, i + m) &&
        (i + m >= c->nt || !(kgm_tok(c, i + m)->flags & KGT_F_CAP))) {
      if (kgm_add(c, i, i + m, kgm_class_of(w->value), NULL, 0, KGM_SRC_SUFFIX) >= 0)
        i += m - 1;
    }
  }
}

/* Whether a participle the lexicon values @p value (notname: "founding", "leading") stands
 * among the @p span tokens before token @p from, in its sentence; with @p stop, not past a
 * punctuation token (KGM_STOP_PUNCT) or a comma or semicolon (KGM_STOP_CLAUSE). */
enum { KGM_STOP_NONE, KGM_STOP_CLAUSE, KGM_STOP_PUNCT };
static int kgm_participle_before(const KgmCtx *c, size_t from, size_t span, const char *value,
                                 int stop) {
  size_t s = kgm_tok(c, from)->sentence;
  for (size_t q = from; q-- > 0 && from - q <= span;) {
    const KgtLexEntry *ne;
    if (kgm_tok(c, q)->sentence != s ||
        (stop == KGM_STOP_PUNCT && kgm_tok(c, q)->kind == KGT_PUNCT) ||
        (stop == KGM_STOP_CLAUSE && (kgm_is(c, q, ",") || kgm_is(c, q, ";"))))
      return 0;
    if (kgm_lex(c, q, KGT_LEX_NOT_NAME, &ne) == 1 && ne->value && kgm_has(ne->value, value))
      return 1;
  }
  return 0;
}

static void kgm_key_of(KgmCtx *c, size_t a, size_t b, char *key, size_t cap);
static inline int kgm_key_is(const KgmCtx *c, size_t a, size_t b, const char *key, size_t cap);

/* Tokens @p a to @p b name an organization found so far (the words of its name, legal
 * suffix aside). */
static int kgm_org_named(KgmCtx *c, size_t a, size_t b) {
  char key[128];
  kgm_key_of(c, a, b, key, sizeof key);
  for (size_t k = 0; k < c->n; k++) {
    const KgmMention *m = &c->m[k];
    if (!c->aux[k].dead && kgm_is_org(m->cls) && !(m->flags & KGM_F_ANAPHOR) &&
        c->aux[k].name_end - m->tok_start == b - a &&
        kgm_key_is(c, m->tok_start, c->aux[k].name_end, key, sizeof key))
      return 1;
  }
  return 0;
}

/* "based in Yongin", « installée à Bernin »: after a place cue, an unknown capitalised name
 * (up to three words, not a first name) is a town no gazetteer holds. */
static void kgm_pass_place_cues(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    if (!(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_PLACE_CUE)))
      continue; /* as in kgm_pass_descriptors() */
    const KgtToken *t = kgm_tok(c, i);
    if (t->kind != KGT_WORD || c->headline[t->sentence])
      continue;
    const KgtLexEntry *e;
    size_t m = kgm_lex(c, i, KGT_LEX_PLACE_CUE, &e);
    if (!m || (e->value && kgm_has(e->value, "region")))
      continue; /* a region's cue only after a town (kgm_city_of_region()) */
    /* a cue valued founding (« à », "in") only after a participle of founding and a date or
       nothing: « Fondée en 1774 à Brenheim » */
    if (e->value && kgm_has(e->value, "founding") &&
        !kgm_participle_before(c, i, 4, "founding", KGM_STOP_PUNCT))
      continue;
    size_t j = i + m, lim = kgm_sent_end(c, i);
    const KgmForm *f;
    if (j >= lim || c->owner[j] >= 0 || !kgm_namey(c, j) || kgm_gaz(c, j, 1, &f))
      continue;
    size_t k = j;
    while (k < lim && k - j < 3 && c->owner[k] < 0 && kgm_namey(c, k) &&
           !(kgm_tok(c, k)->flags & KGT_F_ALLCAPS))
      k++;
    /* not a company's name ("based in Zorbex Tower"): the words must end the phrase; nor
       a name an organization of the text bears (« l'usine de Velmar » after « Velmar SA ») */
    if (k > j && (k >= lim || !(kgm_tok(c, k)->flags & KGT_F_CAP)) && !kgm_org_named(c, j, k))
      kgm_add(c, j, k, KG_CLASS_PLACE, NULL, 0, KGM_SRC_GUESS);
    i = k > i ? k - 1 : i;
  }
  /* « Lisieux (Calvados) », « Morlaix (Finistère) », "Yongin (Gyeonggi)": an unknown name
     that a known region, state or country in brackets places is a town */
  for (size_t i = 1; i + 2 < c->nt; i++) {
    int p = c->owner[i + 1];
    if (!kgm_is(c, i, "(") || p < 0 || c->m[p].tok_start != i + 1 || c->m[p].cls != KG_CLASS_PLACE ||
        (c->m[p].flags & KGM_F_DEMONYM) || !kgm_is(c, c->m[p].tok_end, ")") ||
        c->headline[kgm_tok(c, i)->sentence])
      continue;
    size_t k = i, s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
    const KgmForm *f;
    while (k > s && i - k < 3 && c->owner[k - 1] < 0 && kgm_namey(c, k - 1) &&
           (kgm_tok(c, k - 1)->flags & KGT_F_CAP) && !(kgm_tok(c, k - 1)->flags & KGT_F_ALLCAPS) &&
           !kgm_gaz(c, k - 1, 1, &f))
      k--;
    /* not "Halvik Electrical (Ireland) Ltd": the name goes on after the brackets; nor
       "Halvik InfoComm Manufacturing (India)": it goes on from a company's name before */
    size_t after = c->m[p].tok_end + 1;
    int ob = k > s ? c->owner[k - 1] : -1;
    if (k < i && !kgm_initial(c, k) &&
        !(ob >= 0 && kgm_is_org(c->m[ob].cls) && c->m[ob].tok_end == k) &&
        !(after < c->nt && kgm_tok(c, after)->sentence == kgm_tok(c, i)->sentence &&
          (kgm_tok(c, after)->flags & (KGT_F_CAP | KGT_F_ALLCAPS))))
      kgm_add(c, k, i, KG_CLASS_PLACE, NULL, 0, KGM_SRC_GUESS);
  }
}

/* ------------------------------------------------------- pass 4: products */

static int kgm_product(KgmCtx *c, size_t a, size_t b, int source) {
  int id = kgm_add(c, a, b, KG_CLASS_PRODUCT, NULL, 0, source);
  return id;
}

/* A product a cue names, from @p a to @p b, the cue (tokens @p ds to @p de) its descriptor. */
static void kgm_cue_product(KgmCtx *c, size_t a, size_t b, size_t ds, size_t de) {
  int id = kgm_product(c, a, b, KGM_SRC_CUE);
  if (id >= 0) {
    c->m[id].desc_start = ds;
    c->m[id].desc_end = de;
  }
}

/* A capitalised word of office at @p k, right after a product's cue, that no name follows
 * (« les marques Président, Orsk et Velma », « la marque Président. »): the brand's name,
 * not a title. */
static int kgm_cue_role_name(KgmCtx *c, size_t k, size_t lim) {
  const KgtToken *t = kgm_tok(c, k);
  if (t->kind != KGT_WORD || !(t->flags & KGT_F_CAP) || (t->flags & KGT_F_ALLCAPS) ||
      c->owner[k] >= 0 || !kgm_lex1(c, k, KGT_LEX_ROLE))
    return 0;
  if (k + 1 >= lim)
    return 1;
  const KgtToken *n = kgm_tok(c, k + 1);
  const KgtLexEntry *e;
  return n->kind == KGT_PUNCT || kgm_lex(c, k + 1, KGT_LEX_LIST_SEP, &e) == 1 ||
         (n->kind == KGT_WORD && !(n->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
          !kgm_of(c, k + 1, 1));
}

/* A capitalised demonym at @p k that opens a name right after a product's cue ("brands
 * include American Orsk", "the brand British Velma"): part of the brand's name. */
static int kgm_cue_demonym_name(KgmCtx *c, size_t k, size_t lim) {
  int o = c->owner[k];
  return o >= 0 && (c->m[o].flags & KGM_F_DEMONYM) && c->m[o].tok_start == k &&
         c->m[o].tok_end == k + 1 && (kgm_tok(c, k)->flags & KGT_F_CAP) &&
         !(kgm_tok(c, k)->flags & KGT_F_ALLCAPS) && k + 1 < lim && c->owner[k + 1] < 0 &&
         kgm_namey(c, k + 1);
}

/* A capitalised elided article glued to a capitalised word at @p k, before @p lim: « L'Orsk »,
 * « L'Ormeau » after a product's noun are one name (the word may be a function word
 * elsewhere). */
static int kgm_cap_elision(KgmCtx *c, size_t k, size_t lim) {
  const KgtToken *t = kgm_tok(c, k);
  size_t n = strlen(t->fold);
  return t->kind == KGT_WORD && (t->flags & KGT_F_CAP) && n == 2 && t->fold[1] == '\'' &&
         k + 1 < lim && c->owner[k + 1] < 0 && kgm_tok(c, k + 1)->kind == KGT_WORD &&
         (kgm_tok(c, k + 1)->flags & KGT_F_CAP) &&
         !(kgm_tok(c, k + 1)->flags & KGT_F_SPACE_BEFORE);
}

/* A token of two or three capital letters and nothing else: "SUV", "VP". */
static int kgm_acronym_tok(const KgmCtx *c, size_t k) {
  const char *w = c->text + kgm_tok(c, k)->start;
  size_t n = kgm_tok(c, k)->end - kgm_tok(c, k)->start;
  if (n < 2 || n > 3)
    return 0;
  for (size_t q = 0; q < n; q++)
    if (w[q] < 'A' || w[q] > 'Z')
      return 0;
  return 1;
}

/* A lower-case word that may qualify a product's noun: "home" in "its Quilbo home robot",
 * "smart" in "Tessalin smart speakers" (no function word, verb, preposition or name). */
static int kgm_cue_mod(KgmCtx *c, size_t k) {
  const KgtToken *t = kgm_tok(c, k);
  if (c->owner[k] < 0 && kgm_place_compound(c, k))
    return 1; /* "a Japanese-language model" */
  return t->kind == KGT_WORD && !(t->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && c->owner[k] < 0 &&
         !strpbrk(t->lower, "0123456789'") && !kgm_stop(c, k) && !kgm_lex1(c, k, KGT_LEX_PREP) &&
         !kgm_lex1(c, k, KGT_LEX_SUBJ_VERB) && !kgm_lex1(c, k, KGT_LEX_COPULA) &&
         !kgm_lex1(c, k, KGT_LEX_CLAUSE) && !kgm_lex1(c, k, KGT_LEX_DET) &&
         !kgm_lex1(c, k, KGT_LEX_GENITIVE) && !kgm_lex1(c, k, KGT_LEX_ANAPHOR);
}

/* Token @p k opens the noun phrase after it: a determiner, a possessive ("its", « sa ») or
 * a verb whose object follows ("which makes Orsk and Tessil power tools"). */
static int kgm_np_opener(const KgmCtx *c, size_t k) {
  const KgtLexEntry *e;
  return kgm_lex(c, k, KGT_LEX_DET, &e) == 1 || kgm_lex1(c, k, KGT_LEX_SUBJ_VERB) ||
         (kgm_lex(c, k, KGT_LEX_ANAPHOR, &e) == 1 && kgm_has(e->value, "poss"));
}

/* The token before a name that qualifying words separate from its cue must make it a
 * noun phrase of its own: a determiner or a possessive ("its Quilbo home robot", "the
 * Velo floor mop"), perhaps with one word between ("its own", "the new"). */
static int kgm_cue_np_start(KgmCtx *c, size_t a, size_t s) {
  for (size_t back = 1; back <= 2 && a >= s + back; back++) {
    size_t k = a - back;
    const KgtLexEntry *e;
    if (kgm_lex(c, k, KGT_LEX_DET, &e) == 1)
      return 1;
    if (kgm_lex(c, k, KGT_LEX_ANAPHOR, &e) == 1 && kgm_has(e->value, "poss"))
      return 1;
    /* the object of a verb: "which makes Orsk and Tessil power tools" */
    if (back == 1 && kgm_lex1(c, k, KGT_LEX_SUBJ_VERB))
      return 1;
    /* the next item of a list of products: "its own Quilbo home robot and Tessalin
       smart speakers" */
    if (back == 1 && k > s && kgm_lex(c, k, KGT_LEX_LIST_SEP, &e) == 1) {
      size_t q = k - 1;
      while (q > s && k - q <= 3 && c->owner[q] < 0 && kgm_cue_mod(c, q))
        q--;
      if (c->owner[q] >= 0 && c->m[c->owner[q]].cls == KG_CLASS_PRODUCT)
        return 1;
      /* the second of two names a determiner opens: "the Orsk and Tessil parasite
         treatments" */
      size_t b = k;
      while (b > s && k - b < 3 && c->owner[b - 1] < 0 && kgm_namey(c, b - 1))
        b--;
      /* a first item some list already holds, a town's name among them: "which makes
         Phoenix and Zarvox power tools" */
      int fo = b == k && b > s ? c->owner[b - 1] : -1;
      if (fo >= 0 && c->m[fo].tok_end == b && c->m[fo].cls != KG_CLASS_PERSON &&
          !(c->m[fo].flags & KGM_F_ANAPHOR) && b - c->m[fo].tok_start <= 3)
        b = c->m[fo].tok_start;
      if (b < k && b > s && kgm_np_opener(c, b - 1))
        return 1;
    }
    if (!kgm_cue_mod(c, k))
      return 0;
  }
  return 0;
}

/* Whether the cue at @p i is possessed: "its", a possessive "'s" or a possessive
 * anaphor before it, perhaps with up to two qualifying words between ("its own", "its
 * flagship smart", "The company's first"). */
static int kgm_cue_possessed(KgmCtx *c, size_t i, size_t s) {
  for (size_t back = 1; back <= 3 && i >= s + back; back++) {
    size_t k = i - back;
    const KgtLexEntry *e;
    if (kgm_is(c, k, "'s") || (kgm_lex(c, k, KGT_LEX_ANAPHOR, &e) == 1 && kgm_has(e->value, "poss")))
      return 1;
    if (!kgm_cue_mod(c, k))
      return 0;
  }
  return 0;
}

/* The first name word after a cue that qualifying words separate from it: « la
 * plateforme de streaming Brivamax », « son système de guerre électronique Spectrine »
 * (French puts them between); 0 when none, or when a genitive stands right before the
 * name (« la plateforme de Zorbex » names its owner), or the name is a person's. */
static size_t kgm_cue_gap_name(KgmCtx *c, const KgtLexEntry *cue, size_t j, size_t lim) {
  if (!c->fr)
    return 0;
  size_t g = kgm_skip_mods(c, j, lim);
  if (g == j || g >= lim || kgm_of(c, g - 1, 1) || c->owner[g] >= 0 || !kgm_namey(c, g))
    return 0;
  /* a demonym makes a company of the name (« le moteur français Zorbex »), except after a
     cue whose demonym says where the product comes from (« le whisky écossais Orsk ») */
  int origin = kgm_has(cue->value, "origin");
  for (size_t k = j; k < g; k++) {
    int o = c->owner[k];
    if (o >= 0 && origin && c->m[o].cls == KG_CLASS_PLACE && (c->m[o].flags & KGM_F_DEMONYM) &&
        (c->m[o].flags & KGM_F_LOWER))
      continue;
    if (o >= 0 || (kgm_tok(c, k)->flags & KGT_F_CAP))
      return 0; /* the demonym keeps its place mention */
  }
  const KgmForm *f;
  if (kgm_gaz(c, g, 1, &f))
    return 0;
  return g;
}

/* The first of up to four unknown name words that end right before token @p end (not
 * before the sentence start @p s): the name an apposition after it describes. */
static size_t kgm_name_before(KgmCtx *c, size_t end, size_t s) {
  size_t b = end;
  while (b > s && c->owner[b - 1] < 0 && kgm_namey(c, b - 1) && end - b < 4)
    b--;
  return b;
}

/* A lower-case word ending in "-ed" at @p k, in English: a participle that opens a phrase
 * on the noun before it ("a small modular reactor unveiled in May"). */
static int kgm_participle_ed(KgmCtx *c, size_t k) {
  const KgtToken *t = kgm_tok(c, k);
  size_t n = strlen(t->lower);
  return !c->fr && t->kind == KGT_WORD && !(t->flags & KGT_F_CAP) && n > 4 &&
         strcmp(t->lower + n - 2, "ed") == 0;
}

/* After the name a verb of making introduced (@p k): where its object may end — a
 * punctuation mark, a list's conjunction, a preposition ("makes Pimenta in Ohio") or
 * a plural noun ("makes Orsk valves"); a determiner or an adjective after it makes the verb
 * causative ("makes Velmar the largest", "makes Velmar profitable"). */
static int kgm_cue_verb_object_end(KgmCtx *c, size_t k) {
  const KgtToken *t = kgm_tok(c, k);
  const KgtLexEntry *le;
  size_t n = strlen(t->lower);
  if (t->kind == KGT_PUNCT)
    return !kgm_is(c, k, "'") && !kgm_is(c, k, "’");
  if (t->kind != KGT_WORD || (t->flags & KGT_F_CAP))
    return 0;
  return kgm_lex(c, k, KGT_LEX_LIST_SEP, &le) == 1 || kgm_lex(c, k, KGT_LEX_PREP, &le) > 0 ||
         (kgm_lex(c, k, KGT_LEX_CLAUSE, &le) == 1 && kgm_has(le->value, "relative")) ||
         (n > 3 && t->lower[n - 1] == 's' && t->lower[n - 2] != 's' && kgm_lex(c, k, KGT_LEX_DET, &le) == 0);
}

static void kgm_pass_cues(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    if (!(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_PRODUCT_CUE)))
      continue; /* as in kgm_pass_descriptors() */
    const KgtToken *t = kgm_tok(c, i);
    if (t->kind != KGT_WORD || c->owner[i] >= 0 || c->headline[t->sentence])
      continue;
    if ((t->flags & KGT_F_CAP) && !kgm_initial(c, i))
      continue; /* "Zorbex Cloud Service": part of a name */
    const KgtLexEntry *lsep;
    if (c->in_desc[i] && i > 0 && (kgm_of(c, i - 1, 1) || kgm_lex(c, i - 1, KGT_LEX_LIST_SEP, &lsep) == 1))
      continue; /* « la maison de parfums Creed », « … de vannes et pompes X »: the complement
                   of a company's noun */
    const KgtLexEntry *cde;
    if (i > 0 && kgm_lex(c, i - 1, KGT_LEX_DESCRIPTOR, &cde) >= 2)
      continue; /* "the investment vehicle of P": the cue ends a company's noun */
    const KgtLexEntry *e;
    size_t m = kgm_lex(c, i, KGT_LEX_PRODUCT_CUE, &e);
    if (!m)
      continue;
    size_t lim = kgm_sent_end(c, i);
    /* "its streaming service, Tarsik Plus", "The company's first robot, Figure 7": a name
       in apposition to a possessed or determined cue, closing the phrase */
    const KgtLexEntry *cd;
    /* "its next flagship phone, the Orvo S8": a determiner may open the name's phrase */
    size_t dn = i + m + 2 < lim && kgm_is(c, i + m, ",") ? kgm_lex(c, i + m + 1, KGT_LEX_DET, &cd) : 0;
    int possessed = !kgm_has(e->value, "maker") && !kgm_has(e->value, "firm") &&
                    i + m + 1 + dn < lim && kgm_is(c, i + m, ",") &&
                    kgm_cue_possessed(c, i, kgt_doc_sentence(c->d, t->sentence)->tok_start);
    /* "its streaming service, Velmar+", "its delivery service, Velmar Fresh": the
       company's name opens its product's (a "+" or more name words after it), when the
       apposition ends there */
    if (possessed && c->owner[i + m + 1 + dn] >= 0) {
      size_t j = i + m + 1 + dn;
      int o = c->owner[j];
      if (c->m[o].tok_start == j && kgm_is_org(c->m[o].cls)) {
        size_t oe = c->m[o].tok_end, e2 = oe;
        if (kgm_glued_plus(c, e2, lim))
          e2++;
        else
          e2 = kgm_caps_span(c, e2, 0, 3);
        const KgtToken *nx = e2 < lim ? kgm_tok(c, e2) : NULL;
        /* (or a name no list holds that a suffix made a company's, closing the
           apposition: "Its artificial intelligence product, Velmar AI, …") */
        if ((e2 > oe || !(c->m[o].flags & KGM_F_GAZETTEER)) &&
            (!nx || kgm_is(c, e2, ",") || kgm_is(c, e2, ".") || kgm_is(c, e2, "("))) {
          kgm_kill(c, o);
          kgm_cue_product(c, j, e2, i, i + m);
          continue;
        }
      }
    }
    if (possessed && c->owner[i + m + 1 + dn] < 0 && kgm_namey(c, i + m + 1 + dn)) {
      size_t j = i + m + 1 + dn, e2 = kgm_caps_span(c, j, 1, 6);
      if (e2 > j && kgm_glued_plus(c, e2, lim))
        e2++; /* "Velmar+" */
      const KgtToken *nx = e2 < lim ? kgm_tok(c, e2) : NULL;
      if (e2 > j && (!nx || nx->kind == KGT_NUMBER || kgm_is(c, e2, ",") || kgm_is(c, e2, ".") ||
                     kgm_is(c, e2, "("))) {
        kgm_cue_product(c, j, e2, i, i + m);
        continue;
      }
    }
    if (kgm_has(e->value, "before")) {
      size_t j = i + m;
      const KgmForm *fm;
      /* « la marque britannique Tessa Brown »: in French the demonym comes between the cue and
         the name; a brand named after a person is the brand (a company's name after a
         demonym is left to the descriptors: « l'enseigne française X ») */
      int dm = j < lim ? c->owner[j] : -1;
      if (c->fr && dm >= 0 && (c->m[dm].flags & KGM_F_DEMONYM) && c->m[dm].tok_start == j &&
          !(kgm_tok(c, j)->flags & KGT_F_CAP) && c->m[dm].tok_end < lim &&
          kgm_has(e->value, "brand") && c->owner[c->m[dm].tok_end] < 0 &&
          kgm_gaz(c, c->m[dm].tok_end, 1, &fm) == 1)
        j = c->m[dm].tok_end;
      /* the name words after the cue, known ones included: "le service Zorbex Cloud" */
      size_t k = j;
      int known = 0, unknown = 0;
      while (k < lim && k - j < 6) {
        if (k == j && kgm_cue_demonym_name(c, k, lim)) {
          kgm_kill(c, c->owner[k]); /* "brands include American Orsk": no place */
          size_t e2 = kgm_caps_span(c, k + 1, 1, 6);
          unknown += (int)(e2 - k);
          k = e2;
        } else if (c->owner[k] >= 0) {
          const KgmMention *o = &c->m[c->owner[k]];
          if (o->tok_start != k || (o->cls != KG_CLASS_PRODUCT && !kgm_is_org(o->cls)))
            break;
          known++;
          k = o->tok_end;
        } else if (kgm_namey(c, k)) {
          size_t e2 = kgm_caps_span(c, k, 1, 6);
          unknown += (int)(e2 - k);
          k = e2;
        } else if (k == j && k + 1 < lim && kgm_lex1(c, k, KGT_LEX_TITLE) && c->owner[k + 1] < 0 &&
                   kgm_namey(c, k + 1)) {
          size_t e2 = kgm_caps_span(c, k + 1, 1, 6); /* « les sodas Dr Orsk »: no doctor */
          unknown += (int)(e2 - k);
          k = e2;
        } else if (k == j && k + 1 < lim && (kgm_tok(c, k)->flags & KGT_F_CAP) &&
                   !(kgm_tok(c, k)->flags & KGT_F_ALLCAPS) && kgt_is_function_word(kgm_tok(c, k)->fold) &&
                   c->owner[k + 1] < 0 && kgm_namey(c, k + 1)) {
          size_t e2 = kgm_caps_span(c, k + 1, 1, 6); /* « les marques La Orsa », « le gin The Orsk » */
          unknown += (int)(e2 - k);
          k = e2;
        } else if (kgm_cap_elision(c, k, lim)) {
          size_t e2 = kgm_caps_span(c, k + 1, 1, 6); /* « les thés L'Orsk » */
          if (e2 < k + 2)
            e2 = k + 2;
          unknown += (int)(e2 - k);
          k = e2;
        } else if (k == j && kgm_cue_role_name(c, k, lim)) {
          unknown++; /* « les marques Président, Orsk et Velma »: no chairman */
          k++;
        } else {
          break;
        }
      }
      /* a verb of making ("makes Pimenta", « fabrique les couteaux Orsk ») names its product
         only where the name closes the object: not "the deal makes Velmar the largest bank" */
      if (kgm_has(e->value, "verb")) {
        if (k == j || (k < lim && !kgm_cue_verb_object_end(c, k)))
          continue;
      }
      /* « Quarnil, seul traitement approuvé … », « Velo, un drone … »: a name in
         apposition to the cue, when no name follows it */
      /* not "X, a maker of", nor « BeVrai, l'application de partage de photos » (firm: a
         noun that as often describes the company behind the product) */
      if (k == j && i >= 2 && !kgm_of(c, i + m - 1, 1) &&
          (!kgm_has(e->value, "firm") ||
           (kgm_has(e->value, "brand") && kgm_owner_after(c, i + m, lim)))) {
        size_t q = i;
        const KgtToken *w = kgm_tok(c, q - 1);
        if (w->kind == KGT_WORD && !(w->flags & KGT_F_CAP) && c->owner[q - 1] < 0 &&
            !strpbrk(w->lower, "0123456789") && strlen(w->lower) <= 6)
          q--; /* « un », « le », « seul » */
        /* "Quorrabot, an AI legal assistant": in English, up to two modifiers (a capitalised
           word only when it is no name, "AI") after an indefinite article right after the comma */
        size_t q0 = q;
        for (int mods = 0; !c->fr && mods < 2 && q >= 3 && q < i && !kgm_is(c, q - 1, ","); mods++) {
          const KgtToken *x = kgm_tok(c, q - 1);
          if (x->kind != KGT_WORD || c->owner[q - 1] >= 0 || strpbrk(x->lower, "0123456789") ||
              ((x->flags & KGT_F_CAP) && !((x->flags & KGT_F_ALLCAPS) && kgm_stop(c, q - 1))))
            break;
          q--;
        }
        if (q < q0 && !(q >= 2 && kgm_is(c, q - 1, ",") && strlen(kgm_tok(c, q)->lower) <= 2 &&
                        !(kgm_tok(c, q)->flags & KGT_F_CAP)))
          q = q0;
        if (q >= 2 && kgm_is(c, q - 1, ",") && c->owner[q - 2] < 0 && kgm_namey(c, q - 2)) {
          size_t s0 = kgt_doc_sentence(c->d, t->sentence)->tok_start;
          size_t b = kgm_name_before(c, q - 1, s0);
          const KgtLexEntry *le;
          if (b == s0 || !kgm_lex(c, b - 1, KGT_LEX_LIST_SEP, &le)) {
            kgm_product(c, b, q - 1, KGM_SRC_CUE);
            continue;
          }
        }
      }
      /* "its in-car assistant, the Velo Agent, was …": the name in apposition after it
         (not after a noun's complement: « sa division de vélos, Orsk Sports, » is the
         division's name) */
      if (k == j && j + 2 < lim && kgm_is(c, j, ",") && !(i > 0 && kgm_of(c, i - 1, 1))) {
        size_t n0 = j + 1;
        const KgtLexEntry *de;
        if (kgm_lex(c, n0, KGT_LEX_DET, &de) == 1)
          n0++;
        if (n0 < lim && c->owner[n0] < 0 && kgm_namey(c, n0) && !kgm_gaz(c, n0, 1, &fm)) {
          size_t e2 = n0;
          while (e2 < lim && e2 - n0 < 5 && c->owner[e2] < 0 && kgm_namey(c, e2))
            e2++;
          if (e2 < lim && kgm_is(c, e2, ",")) { /* closed by a comma: an apposition */
            kgm_product(c, n0, e2, KGM_SRC_CUE);
            continue;
          }
        }
      }
      size_t gap = k == j ? kgm_cue_gap_name(c, e, j, lim) : 0;
      if (gap) {
        size_t e2 = kgm_caps_span(c, gap, 1, 6);
        if (e2 > gap)
          kgm_cue_product(c, gap, e2, i, gap);
        continue;
      }
      /* "ses modèles SUV", "its brands AMR": after a plural cue a lone acronym is a
         category */
      if (unknown == 1 && !known && kgm_has(e->value, "plural") && kgm_acronym_tok(c, j))
        continue;
      if (k > j && (unknown > 0 || known > 1)) {
        for (size_t q = j; q < k; q++)
          if (c->owner[q] >= 0)
            kgm_kill(c, c->owner[q]);
        /* the cue is the product's descriptor: "la berline Velo et le drone Orca" lists
           two products */
        kgm_cue_product(c, j, k, i, j);
      } else if (k > j && known == 1 && c->m[c->owner[j]].cls != KG_CLASS_PRODUCT &&
                 !(c->m[c->owner[j]].flags & KGM_F_GAZETTEER) &&
                 c->aux[c->owner[j]].name_end >= c->m[c->owner[j]].tok_end) {
        /* (a name with a legal suffix stays a company: "premium bag brand Velo Holdings
           Inc.") */
        c->m[c->owner[j]].cls = KG_CLASS_PRODUCT;
        c->m[c->owner[j]].flags &= ~(unsigned)KGM_F_GUESS;
      }
    }
    if (kgm_has(e->value, "after") && i > 0) {
      size_t s = kgt_doc_sentence(c->d, t->sentence)->tok_start;
      /* "the Orca maker", "shares of Orca owner Velbro", "Halvik and Orca maker Velbro", not
         "Truck maker Norvane said" (a sentence's first word) */
      /* after a verb too when a name follows the noun: "agreed to buy Orca maker Velbro" */
      if (kgm_has(e->value, "maker") &&
          (i < s + 2 || kgm_namey(c, i - 2) || !kgm_namey(c, i - 1) ||
           (!kgm_lex(c, i - 2, KGT_LEX_DET, &e) && !kgm_lex1(c, i - 2, KGT_LEX_PREP) &&
            !(kgm_tok(c, i - 2)->kind == KGT_WORD && kgm_lex1(c, i - 2, KGT_LEX_LIST_SEP)) &&
            !(kgm_tok(c, i - 2)->kind == KGT_WORD && !(kgm_tok(c, i - 2)->flags & KGT_F_CAP) &&
              i + m < kgm_sent_end(c, i) && kgm_namey(c, i + m)))))
        continue;
      size_t a = i;
      /* "its Quilbo home robot", "the Velo floor mop": up to two qualifying words between */
      if (!kgm_has(e->value, "maker")) {
        size_t g = i;
        while (g > s + 1 && i - g < 2 && kgm_cue_mod(c, g - 1))
          g--;
        /* "the Orsk flea and tick collar": two qualifying words joined by a conjunction */
        const KgtLexEntry *cj;
        if (g == i - 1 && g > s + 2 && kgm_lex(c, g - 1, KGT_LEX_LIST_SEP, &cj) == 1 &&
            kgm_tok(c, g - 1)->kind == KGT_WORD && kgm_cue_mod(c, g - 2))
          g -= 2;
        /* a name only capitalisation made an organization's: "Zarvox power tools" */
        int go = g < i && g > s + 1 ? c->owner[g - 1] : -1;
        if (go >= 0 && (c->m[go].flags & KGM_F_GUESS) && c->m[go].tok_end == g &&
            kgm_cue_np_start(c, c->m[go].tok_start, s)) {
          c->m[go].cls = KG_CLASS_PRODUCT;
          c->m[go].flags &= ~(unsigned)KGM_F_GUESS;
          continue;
        }
        if (g < i && kgm_namey(c, g - 1) && c->owner[g - 1] < 0) {
          size_t b = g;
          while (b > s && c->owner[b - 1] < 0 && kgm_namey(c, b - 1))
            b--;
          if (b > s && kgm_cue_np_start(c, b, s)) {
            kgm_product(c, b, g, KGM_SRC_CUE);
            continue;
          }
        }
      }
      /* "Quorvix, the vaccine that …", "Mendalo, a pill for …": a name in apposition to
         the noun (a determiner and up to two qualifying words between) */
      if (!kgm_has(e->value, "maker") &&
          (!kgm_has(e->value, "firm") ||
           (kgm_has(e->value, "brand") && kgm_owner_after(c, i + m, kgm_sent_end(c, i))))) {
        size_t g = i;
        while (g > s + 3 && i - g < 2 && kgm_cue_mod(c, g - 1))
          g--;
        const KgtToken *dt = g > s + 2 ? kgm_tok(c, g - 1) : NULL;
        const KgtLexEntry *de;
        /* the cue heads the phrase: "Velca Camiones, a truck subsidiary" is no truck */
        size_t after = i + m;
        int head = after >= kgm_sent_end(c, i) || kgm_tok(c, after)->kind != KGT_WORD ||
                   kgt_is_function_word(kgm_tok(c, after)->fold) || kgm_participle_ed(c, after);
        if (dt && head && c->owner[g - 1] < 0 && dt->kind == KGT_WORD &&
            !(dt->flags & KGT_F_CAP) &&
            (kgm_lex(c, g - 1, KGT_LEX_DET, &de) == 1 ||
             (strlen(dt->lower) <= 2 && kgt_is_function_word(dt->fold))) &&
            kgm_is(c, g - 2, ",") && c->owner[g - 3] < 0 && kgm_namey(c, g - 3)) {
          size_t b = kgm_name_before(c, g - 2, s);
          /* not a sentence's first word alone ("Shares, the …") */
          if (b > s || g - 2 - b > 1) {
            kgm_product(c, b, g - 2, KGM_SRC_CUE);
            continue;
          }
        }
      }
      /* "its Orca+ app": a plus glued to the name ends it */
      if (a > s + 1 && kgm_glued_plus(c, a - 1, i) && c->owner[a - 1] < 0 && c->owner[a - 2] < 0 &&
          kgm_namey(c, a - 2))
        a--;
      /* "the Velo scanner", "its Velo 3 smartphone" (a version after the name) */
      while (a > s && c->owner[a - 1] < 0 &&
             (kgm_namey(c, a - 1) || (a - 1 > s && c->owner[a - 2] < 0 && kgm_namey(c, a - 2) &&
                                      (kgm_tok(c, a - 1)->kind == KGT_NUMBER ||
                                       strpbrk(kgm_tok(c, a - 1)->lower, "0123456789")))))
        a--;
      /* "the Kelvo and High Orsk brands": a one-word name of the gazetteer with an unknown
         name word before it is part of a longer name */
      if (a == i && i > s + 1 && c->owner[i - 1] >= 0 && c->owner[i - 2] < 0 &&
          kgm_namey(c, i - 2) && (kgm_tok(c, i - 1)->flags & KGT_F_SPACE_BEFORE)) {
        int o = c->owner[i - 1];
        if (kgm_is_org(c->m[o].cls) && (c->m[o].flags & KGM_F_GAZETTEER) &&
            c->m[o].tok_start == i - 1 && c->m[o].tok_end == i) {
          kgm_kill(c, o);
          a = i - 1;
          while (a > s && c->owner[a - 1] < 0 && kgm_namey(c, a - 1))
            a--;
        }
      }
      /* "Domestic truck production", "Heavy truck sales": a common word opening the
         sentence is no name */
      if (a == s && i == s + 1 && kgm_lex1(c, s, KGT_LEX_COMMON))
        a = i;
      if (a < i && a > s && c->owner[a - 1] >= 0 && kgm_is_org(c->m[c->owner[a - 1]].cls) &&
          c->m[c->owner[a - 1]].tok_end == a) {
        /* "the Zorbex Cloud platform": the org's name is part of the product's */
        int o = c->owner[a - 1];
        a = c->m[o].tok_start;
        kgm_kill(c, o);
      }
      /* "its AI models", "DUV systems": after a plural cue a lone acronym is a category
         (not the last of a list: "the MAAF, MMA and GMF brands") */
      const KgtLexEntry *se;
      if (a + 1 == i && kgm_has(e->value, "plural") && kgm_acronym_tok(c, a) &&
          !(a > s && kgm_lex(c, a - 1, KGT_LEX_LIST_SEP, &se) == 1))
        continue;
      if (a < i)
        kgm_product(c, a, i, KGM_SRC_CUE);
    }
  }
}

/* A version after a product's name belongs to it: "Velo 18", "Orca 8x7B", "310 MAX 9",
 * "Velo 3 Pro". Up to two tokens: a small whole number not followed by a unit, scale or
 * currency, a word with digits, or a model word in capitals. */
static int kgm_version_token(KgmCtx *c, size_t k, size_t lim) {
  const KgtToken *t = kgm_tok(c, k);
  if (c->owner[k] >= 0 || !(t->flags & KGT_F_SPACE_BEFORE))
    return 0;
  if (t->kind == KGT_NUMBER) {
    if (t->number != (double)(long)t->number || t->number < 0 || t->number >= 1000 ||
        strpbrk(t->lower, ".,"))
      return 0;
    if (k + 1 < lim) {
      const KgtToken *n = kgm_tok(c, k + 1);
      const KgtLexEntry *e;
      if (n->kind != KGT_WORD || kgm_lex(c, k + 1, KGT_LEX_SCALE, &e) ||
          kgm_lex(c, k + 1, KGT_LEX_CURRENCY, &e) || kgm_lex(c, k + 1, KGT_LEX_PERCENT, &e) ||
          kgm_lex(c, k + 1, KGT_LEX_MONTH, &e))
        return n->kind == KGT_PUNCT && !kgm_lex(c, k + 1, KGT_LEX_PERCENT, &e) &&
               !kgm_lex(c, k + 1, KGT_LEX_CURRENCY, &e);
      return !(n->flags & KGT_F_CAP) || (n->flags & KGT_F_ALLCAPS);
    }
    return 1;
  }
  if (t->kind != KGT_WORD)
    return 0;
  if (strpbrk(t->lower, "0123456789"))
    return 1; /* "8x7B", "4o" */
  return (t->flags & KGT_F_ALLCAPS) && kgm_letters(t->lower, 2) >= 2 &&
         kgm_letters(t->lower, 5) <= 4 && k > 0 &&
         kgm_tok(c, k - 1)->kind == KGT_NUMBER; /* "310 MAX" */
}

static void kgm_pass_versions(KgmCtx *c) {
  for (size_t i = 0; i < c->n; i++) {
    KgmMention *m = &c->m[i];
    if (c->aux[i].dead || m->cls != KG_CLASS_PRODUCT || (m->flags & KGM_F_SHARED) ||
        m->tok_end >= c->nt)
      continue;
    size_t lim = kgm_sent_end(c, m->tok_start), k = m->tok_end;
    while (k < lim && k - m->tok_end < 2 && kgm_version_token(c, k, lim))
      k++;
    /* "Velo C2+", "Orca+": a plus glued to the name, then a space or a punctuation mark */
    if (kgm_plus_ends_name(c, k, lim) && c->owner[k] < 0)
      k++;
    if (k == m->tok_end)
      continue;
    const char *name = kgm_span_str(c, m->tok_start, k);
    if (!name)
      return;
    m = &c->m[i];
    for (size_t q = m->tok_end; q < k; q++)
      c->owner[q] = (int)i;
    m->tok_end = k;
    m->name = m->surface = name;
    m->qid = NULL; /* a version is not the product line the gazetteer names */
    c->aux[i].name_end = k;
  }
}

/* "l'italo-américain Varelli Motors", "the Franco-Italian Orvenza": a compound
 * demonym right before a name places the organization in both countries (no rule can,
 * as both places stand in one word). */
static void kgm_pass_compound_demonyms(KgmCtx *c) {
  for (size_t i = 0; i < c->n; i++) {
    KgmMention *m = &c->m[i];
    size_t a = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
    if (c->aux[i].dead || !kgm_is_org(m->cls) || (m->flags & KGM_F_ANAPHOR) || m->place[0] ||
        a == 0)
      continue;
    const KgmEntry *pl[2];
    for (size_t k = a; k-- > 0 && a - k <= 2;) {
      if (kgm_compound_demonym(c, k, pl)) {
        m = &c->m[i];
        for (int q = 0; q < 2; q++) {
          m->place[q] = pl[q]->name;
          m->place_qid[q] = pl[q]->qid;
        }
        if (!m->country)
          m->country = pl[0]->country ? pl[0]->country : pl[0]->name;
        break;
      }
      if (kgm_tok(c, k)->kind != KGT_WORD || c->owner[k] >= 0)
        break;
    }
  }
}

/* The capitals of acronym @p acr ("BCI", "N.A.W.") into @p want (at most 15); 0 when it
 * holds anything else. */
static size_t kgm_acronym_caps(const char *acr, size_t alen, char want[16]) {
  size_t n = 0;
  for (size_t k = 0; k < alen; k++) {
    unsigned char ch = (unsigned char)acr[k];
    if (ch == '.')
      continue;
    if (ch < 'A' || ch > 'Z' || n + 1 >= 16)
      return 0;
    want[n++] = (char)ch;
  }
  return n;
}

/* The initials of the capitalised words of @p name into @p got (at most @p cap; "de", "of",
 * "&" are skipped); returns their count, @p cap + 1 when there are more. */
static size_t kgm_name_initials(const char *name, char *got, size_t cap) {
  size_t g = 0;
  for (const char *p = name; *p;) {
    while (*p == ' ' || *p == '-')
      p++;
    if (!*p)
      break;
    if (*p >= 'A' && *p <= 'Z') {
      if (g == cap)
        return cap + 1;
      got[g++] = *p;
    }
    while (*p && *p != ' ' && *p != '-')
      p++;
  }
  return g;
}

/* 1 when the capitals of @p acr ("BCI", "N.A.W.") are the initials of the capitalised
 * words of @p name ("Brelloc Chemical Industries"; "de", "of", "&" are skipped); with
 * @p prefix, when the name's initials (two at least) start the acronym ("SAS",
 * "Nordic Airways"). */
static int kgm_initials_of(const char *acr, size_t alen, const char *name, int prefix) {
  char want[16], got[16];
  size_t n = kgm_acronym_caps(acr, alen, want);
  if (n < 2)
    return 0;
  size_t g = kgm_name_initials(name, got, n);
  if (g > n || memcmp(got, want, g) != 0)
    return 0;
  return g == n || (prefix && g >= 2);
}

/* kgm_initials_of() leaving out one capitalised word at either end of @p name, for an
 * acronym of three letters or more defined in brackets right after it: "The Kelm Playing
 * Card Company (KPC)", "Velmar Tessil Orsk Group (VTO)". */
static int kgm_initials_inner(const char *acr, size_t alen, const char *name) {
  char want[16], got[32];
  size_t n = kgm_acronym_caps(acr, alen, want);
  size_t g = kgm_name_initials(name, got, sizeof got);
  if (n < 3 || g < n || g > n + 2)
    return 0;
  for (size_t lead = 0; lead <= 1 && lead + n <= g; lead++)
    if (g - lead - n <= 1 && memcmp(got + lead, want, n) == 0)
      return 1;
  return 0;
}

/* « Vitalmed Cardiosul (GVC) », "Orsk Velmar (GOV)": an acronym of three letters or more
 * whose first letter stands for a word the name leaves out (Grupo, Groupe, Group) and whose
 * others are the name's capitals, or its words' initials. */
static int kgm_initials_lead_extra(const char *acr, size_t alen, const char *name) {
  char want[16], caps[16], got[16];
  size_t n = kgm_acronym_caps(acr, alen, want), k = 0;
  if (n < 3)
    return 0;
  for (const char *p = name; *p && k < sizeof caps; p++)
    if (*p >= 'A' && *p <= 'Z')
      caps[k++] = *p;
  if (k == n - 1 && memcmp(caps, want + 1, k) == 0)
    return 1;
  size_t g = kgm_name_initials(name, got, n - 1);
  return g == n - 1 && memcmp(got, want + 1, g) == 0;
}

/* "VMT" after "VelMicroTronics", "GV" after "GlobalVance": an acronym made of the
 * capitals of a one-word name, or of the run of capitals it opens with (at least two). */
static int kgm_caps_of_word(const char *acr, size_t alen, const char *name) {
  char caps[16];
  size_t n = 0, lead = 0;
  int in_lead = 1;
  for (const char *p = name; *p && n + 1 < sizeof caps; p++) {
    if (*p >= 'A' && *p <= 'Z') {
      caps[n++] = *p;
      lead += in_lead;
    } else {
      in_lead = 0;
    }
  }
  if (n < 2 || alen < 2 || alen > n || memcmp(caps, acr, alen) != 0)
    return 0;
  return alen == n || alen <= lead; /* all capitals, or a prefix of the leading run */
}

/* Make mention @p id name what mention @p to names (same entity). */
static void kgm_same_as(KgmCtx *c, int id, int to) {
  KgmMention *m = &c->m[id];
  const KgmMention *t = &c->m[to];
  m->name = t->name;
  m->cls = t->cls;
  m->qid = t->qid;
  m->country = t->country;
  m->qualifier = t->qualifier;
  m->flags &= ~(unsigned)KGM_F_GUESS;
}

/* "Brelloc Chemical Industries (BCI)", "NAW (Nordic Airways)": a name and its
 * acronym in brackets name one organization, and the acronym means it in the rest of
 * the article, whatever a gazetteer says it means elsewhere. */
/* "Tarvik Group … Tarvik said": an organization named by the first words of a longer,
 * typed name found in the same article is that organization, when exactly one name fits and
 * the short name is no known organization of its own ("Zorbex" is not "Zorbex Cloud
 * Services"). Names are sorted once so that an article with very many mentions costs
 * n log n, not n². */
typedef struct {
  const char *name;
  int id;
} KgmNamed;

static int kgm_cmp_named(const void *a, const void *b) {
  const KgmNamed *x = a, *y = b;
  int d = strcmp(x->name, y->name);
  return d ? d : (x->id > y->id) - (x->id < y->id);
}

/* First index in @p v[0..n) whose name is >= @p key. */
static size_t kgm_lower_bound(const KgmNamed *v, size_t n, const char *key) {
  size_t lo = 0, hi = n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (strcmp(v[mid].name, key) < 0)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* A stock ticker token: "FFMC", "SIEG.F", "MSFT.O" (capitals, at most a dot suffix). */
static int kgm_ticker_tok(const KgmCtx *c, size_t j) {
  const KgtToken *t = kgm_tok(c, j);
  if (t->kind != KGT_WORD)
    return 0;
  /* capitals as written ("F", "SIEG"), then at most a short suffix after a dot (".F", ".PA") */
  const char *w = c->text + t->start;
  size_t len = t->end - t->start, n = 0;
  while (n < len && w[n] >= 'A' && w[n] <= 'Z')
    n++;
  if (n < 1 || n > 6)
    return 0;
  if (n == len)
    return 1;
  if (w[n] != '.' || len - n - 1 < 1 || len - n - 1 > 3)
    return 0;
  for (size_t k = n + 1; k < len; k++)
    if (!((w[k] >= 'A' && w[k] <= 'Z') || (w[k] >= 'a' && w[k] <= 'z')))
      return 0;
  return 1;
}

/* The tokens of a ticker at @p j right after a name: "<FFMC>", "(MSFT.O)", "(NASDAQ: MSFT)",
 * "(Euronext: AIR)"; their count, 0 when there is none. */
static size_t kgm_ticker_at(const KgmCtx *c, size_t j, size_t lim) {
  const KgtToken *t = j < lim ? kgm_tok(c, j) : NULL;
  if (!t)
    return 0;
  if (strcmp(t->fold, "<") == 0)
    return j + 2 < lim && kgm_ticker_tok(c, j + 1) && strcmp(kgm_tok(c, j + 2)->fold, ">") == 0 ? 3 : 0;
  if (strcmp(t->fold, "(") != 0)
    return 0;
  if (j + 2 < lim && kgm_ticker_tok(c, j + 1) && strcmp(kgm_tok(c, j + 2)->fold, ")") == 0)
    return 3;
  /* an exchange first: one word in capitals or capitalised, then a colon */
  if (j + 4 < lim && kgm_tok(c, j + 1)->kind == KGT_WORD && (kgm_tok(c, j + 1)->flags & KGT_F_CAP) &&
      strcmp(kgm_tok(c, j + 2)->fold, ":") == 0 && kgm_ticker_tok(c, j + 3) &&
      strcmp(kgm_tok(c, j + 4)->fold, ")") == 0)
    return 5;
  return 0;
}

/* A ticker after an organization's name belongs to the mention, so that what follows it
 * ("Osprel Corp <OSP> said it agreed to buy …") comes right after the name. */
static void kgm_pass_tickers(KgmCtx *c) {
  for (size_t k = 0; k < c->n; k++) {
    KgmMention *m = &c->m[k];
    if (c->aux[k].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_ANAPHOR | KGM_F_SHARED)))
      continue;
    size_t e = m->tok_end, n = kgm_ticker_at(c, e, kgm_sent_end(c, m->tok_start));
    if (!n)
      continue;
    /* the ticker or the exchange taken for a name of its own ("Euronext", "MSFT.O"); a
     * known acronym in brackets after a known name is another entity ("la Cour de justice de
     * l'UE (CJUE)"), after a name no list holds it says which entity that name is ("des
     * Républicains (LR)") */
    int inside = 1;
    const KgmMention *known = NULL;
    for (size_t j = e; j < e + n && inside; j++)
      if (c->owner[j] >= 0) {
        const KgmMention *o = &c->m[c->owner[j]];
        inside = o->tok_start >= e && o->tok_end <= e + n && !(o->flags & KGM_F_ANAPHOR);
        if (inside && n == 3 && kgm_is(c, e, "(") && (o->flags & KGM_F_GAZETTEER) &&
            strcmp(o->name, m->name) != 0) {
          size_t al;
          const char *acr = kgt_token_text(c->d, e + 1, &al);
          if (m->flags & KGM_F_GAZETTEER)
            inside = 0;
          else if (strstr(o->name, m->name) || (m->surface && kgm_initials_of(acr, al, m->surface, 0)) ||
                   kgm_initials_of(acr, al, m->name, 0))
            known = o; /* "Velmar Semiconductor Manufacturing Co (VSMC)" */
        }
      }
    if (!inside)
      continue;
    KgmMention kn;
    memset(&kn, 0, sizeof kn);
    if (known)
      kn = *known;
    for (size_t j = e; j < e + n; j++)
      if (c->owner[j] >= 0)
        kgm_kill(c, c->owner[j]);
    m = &c->m[k];
    if (known) {
      m->name = kn.name;
      m->qid = kn.qid;
      m->country = kn.country;
      m->cls = kn.cls;
      m->flags |= KGM_F_GAZETTEER;
    }
    for (size_t j = e; j < e + n; j++)
      c->owner[j] = (int)k;
    m->tok_end = e + n;
  }
}

/* The organization other than @p self whose mention names just the token at @p t ("Velmar"),
 * or -1. */
static int kgm_org_named_as(const KgmCtx *c, size_t t, int self) {
  const KgtToken *tk = kgm_tok(c, t);
  size_t tl = tk->end - tk->start;
  for (size_t j = 0; j < c->n; j++) {
    const KgmMention *o = &c->m[j];
    if ((int)j != self && !c->aux[j].dead && kgm_is_org(o->cls) && !(o->flags & KGM_F_ANAPHOR) &&
        (o->tok_start > t || o->tok_end <= t) && strlen(o->name) == tl &&
        strncmp(o->name, c->text + tk->start, tl) == 0)
      return (int)j;
  }
  return -1;
}

/* "founded in 1902 in Bergen by Aksel Velmar", « fondé en 1921 par Ansgar Velmar »:
 * after a founding participle (lexicon: notname … founding) and its agent preposition, two
 * capitalised words whose second is the name of a company the text names are a person, the
 * founder it is named after, even when the first name is on no list. Only where the first word
 * is unknown or a guess: "by Velmar Capital" stays the company. */
static void kgm_pass_eponyms(KgmCtx *c) {
  for (size_t a = 2; a + 1 < c->nt; a++) {
    const KgtToken *ft = kgm_tok(c, a), *st = kgm_tok(c, a + 1);
    const KgtLexEntry *pe;
    if (ft->kind != KGT_WORD || st->kind != KGT_WORD || !(ft->flags & KGT_F_CAP) ||
        !(st->flags & KGT_F_CAP) || ((ft->flags | st->flags) & KGT_F_ALLCAPS) ||
        ft->sentence != st->sentence || kgm_lex(c, a - 1, KGT_LEX_PREP, &pe) != 1 ||
        !kgm_has(pe->value, "agent"))
      continue;
    int fo = c->owner[a], so = c->owner[a + 1];
    /* the first word: no mention, or a guess of its own or with the second */
    if (fo >= 0 && (c->aux[fo].source != KGM_SRC_GUESS && c->aux[fo].source != KGM_SRC_LEARNED))
      continue;
    if (fo >= 0 && (c->m[fo].tok_start != a || c->m[fo].tok_end > a + 2 || !kgm_is_org(c->m[fo].cls)))
      continue;
    if (so >= 0 && so != fo && (c->m[so].tok_start != a + 1 || c->m[so].tok_end != a + 2))
      continue;
    if (a + 2 < c->nt && kgm_tok(c, a + 2)->kind == KGT_WORD && (kgm_tok(c, a + 2)->flags & KGT_F_CAP) &&
        kgm_tok(c, a + 2)->sentence == ft->sentence)
      continue; /* a longer name */
    if (kgm_org_named_as(c, a + 1, so) < 0)
      continue;
    if (!kgm_participle_before(c, a - 1, 12, "founding", KGM_STOP_NONE))
      continue;
    if (fo >= 0)
      kgm_kill(c, fo);
    if (so >= 0 && so != fo)
      kgm_kill(c, so);
    kgm_add(c, a, a + 2, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
  }
}

/* "M. Durand" after "Paul Durand", "Dunne Kerrow" after "Marta Dunne Kerrow": a person named
 * by the surname alone (after a title the people pass read it as a name of its own) is the
 * one person named before in full with that surname; two such people ("Marc and Lena
 * Ostrov") leave it alone. */
static void kgm_pass_surnames(KgmCtx *c) {
  /* the people named in full, a bounded number of them: any article names fewer */
  int full[64];
  size_t nf = 0;
  for (size_t j = 0; j < c->n && nf < 64; j++) {
    const KgmMention *o = &c->m[j];
    if (!c->aux[j].dead && o->cls == KG_CLASS_PERSON && !(o->flags & KGM_F_ANAPHOR) &&
        strchr(o->name, ' '))
      full[nf++] = (int)j;
  }
  for (size_t k = 0; nf && k < c->n; k++) {
    const KgmMention *m = &c->m[k];
    /* (a surname of two words too: "Dunne Kerrow" after "Marta Dunne Kerrow") */
    const char *sp = strchr(m->name, ' ');
    if (c->aux[k].dead || m->cls != KG_CLASS_PERSON || (m->flags & KGM_F_ANAPHOR) ||
        (sp && strchr(sp + 1, ' ')))
      continue;
    size_t nl = strlen(m->name);
    int found = -1, many = 0;
    for (size_t q = 0; q < nf && !many; q++) {
      const KgmMention *o = &c->m[full[q]];
      size_t ol = strlen(o->name);
      if (o->tok_start >= m->tok_start || ol <= nl + 1 || o->name[ol - nl - 1] != ' ' ||
          strcmp(o->name + ol - nl, m->name) != 0)
        continue;
      if (found >= 0 && strcmp(c->m[found].name, o->name) != 0)
        many = 1;
      found = full[q];
    }
    if (found >= 0 && !many)
      kgm_same_as(c, (int)k, found);
  }
}

/* Mention @p x is the complement in mention @p o's apposition: "Brookor Ventures, the
 * investment arm of Brookor", « Brookor Santé, la filiale de la foncière Brookor ». */
static int kgm_appos_owner(const KgmCtx *c, const KgmMention *o, const KgmMention *x) {
  size_t xs = x->desc_start < x->tok_start ? x->desc_start : x->tok_start;
  if (o->tok_end >= xs || xs - o->tok_end > 10 || !kgm_is(c, o->tok_end, ",") ||
      kgm_tok(c, o->tok_start)->sentence != kgm_tok(c, x->tok_start)->sentence)
    return 0;
  const KgtLexEntry *de;
  size_t b = xs - 1;
  /* "of the Velmar group", « de la société Velmar » (but « du » is a genitive itself) */
  if (!kgm_of(c, b, 1) && b > o->tok_end && kgm_lex(c, b, KGT_LEX_DET, &de) == 1)
    b--;
  for (size_t u = o->tok_end + 1; u < b; u++)
    if (kgm_tok(c, u)->kind == KGT_PUNCT)
      return 0;
  return kgm_of(c, b, 1);
}

/* A mention named @p shortn is the owner in the apposition of one named @p longn: the
 * short name is then another company wherever the text uses it (@p v: the organizations'
 * mentions sorted by name; a bounded number of each). */
static int kgm_owner_named(const KgmCtx *c, const KgmNamed *v, size_t n, const char *shortn,
                           const char *longn) {
  size_t ia = kgm_lower_bound(v, n, shortn), ib = kgm_lower_bound(v, n, longn);
  for (size_t i = ia, ti = 0; i < n && ti < 64 && strcmp(v[i].name, shortn) == 0; i++, ti++)
    for (size_t j = ib, tj = 0; j < n && tj < 64 && strcmp(v[j].name, longn) == 0; j++, tj++)
      if (kgm_appos_owner(c, &c->m[v[j].id], &c->m[v[i].id]))
        return 1;
  return 0;
}

/* The one organization of @p longer (not @p self) whose name is a first name and then
 * the surname @p name, perhaps after one more word: « le groupe Orsk » is the « Groupe
 * Lucien Orsk » the text named, as "Tessil" is "Maison Paul Tessil". -1 when none
 * or more than one fits. */
static int kgm_founder_named(KgmCtx *c, const KgmNamed *longer, size_t nl, const char *name,
                             int self) {
  size_t ln = strlen(name);
  int found = -1;
  for (size_t i = 0; i < nl; i++) {
    const char *on = longer[i].name;
    size_t lo = strlen(on);
    if (longer[i].id == self || lo <= ln + 1 || on[lo - ln - 1] != ' ' ||
        strcmp(on + lo - ln, name) != 0)
      continue;
    size_t fe = lo - ln - 1, fs = fe;
    while (fs > 0 && on[fs - 1] != ' ')
      fs--;
    if (fs > 0 && memchr(on, ' ', fs - 1))
      continue; /* more than one word before the first name */
    if (!kgm_part_form(c, on + fs, fe - fs, KGM_G_FIRSTNAME, 0))
      continue;
    if (found >= 0 && strcmp(c->m[found].name, on) != 0)
      return -1;
    found = longer[i].id;
  }
  return found;
}

/* The article's names sorted once (@p v, @p n), and the first token of the last two names
 * looked up there, so that many mentions of one pair of names cost one look-up. */
typedef struct {
  const KgmNamed *v;
  size_t n;
  const char *name[2];
  size_t first[2];
} KgmFirstNamed;

/* The first token where an organization is named @p name, or SIZE_MAX. */
static size_t kgm_first_named(const KgmCtx *c, KgmFirstNamed *fn, const char *name) {
  for (int k = 0; k < 2; k++)
    if (fn->name[k] && strcmp(fn->name[k], name) == 0)
      return fn->first[k];
  size_t first = SIZE_MAX;
  for (size_t k = kgm_lower_bound(fn->v, fn->n, name); k < fn->n && strcmp(fn->v[k].name, name) == 0; k++)
    if (c->m[fn->v[k].id].tok_start < first)
      first = c->m[fn->v[k].id].tok_start;
  fn->name[1] = fn->name[0], fn->first[1] = fn->first[0];
  fn->name[0] = name, fn->first[0] = first;
  return first;
}

/* Whether the article names the organization @p name before the longer name of mention
 * @p long_id, and the sentence of that mention names it too, on its own: then they are
 * two (« … une nouvelle société, Velmora Holding, dont Velmora détient 51 % »; not
 * "Tessil Orsk, created through the merger of Sweden's Tessil and …"). */
static int kgm_short_beside(const KgmCtx *c, KgmFirstNamed *fn, int long_id, const char *name) {
  const KgmMention *o = &c->m[long_id];
  const KgtSentence *st = kgt_doc_sentence(c->d, kgm_tok(c, o->tok_start)->sentence);
  for (size_t t = st->tok_start; t < st->tok_end; t++) {
    int w = c->owner[t];
    if (w >= 0 && w != long_id && c->m[w].tok_start == t && !(c->m[w].flags & KGM_F_ANAPHOR) &&
        kgm_is_org(c->m[w].cls) && strcmp(c->m[w].name, name) == 0)
      return kgm_first_named(c, fn, name) < kgm_first_named(c, fn, o->name);
  }
  return 0;
}

/* « le japonais Harlowe Silver Arrow », "the Danish Velmar Holding": a demonym used
 * as a noun after a determiner right before token @p i (what stands there is an organization,
 * however few capitals say so). */
static int kgm_demonym_noun_before(KgmCtx *c, size_t i) {
  const KgtLexEntry *d;
  int p = i > 0 ? c->owner[i - 1] : -1;
  return p >= 0 && (c->m[p].flags & KGM_F_DEMONYM) && c->m[p].tok_end == i &&
         c->m[p].tok_start > 0 && kgm_lex(c, c->m[p].tok_start - 1, KGT_LEX_DET, &d) > 0;
}

/* Mention @p q's name is @p sl words and then one word of a parent (lexicon orgword …
 * parent: "Group", "Holding", "Foundation"): "Orsk Group", "Orsk Foundation". */
static int kgm_parent_form(KgmCtx *c, int q, size_t sl) {
  const KgmMention *o = &c->m[q];
  size_t w = o->tok_start + sl;
  const KgtLexEntry *e;
  return w + 1 == c->aux[q].name_end && kgm_lex(c, w, KGT_LEX_ORGWORD, &e) == 1 &&
         kgm_has(e->arg[0], "parent");
}

/* "Al Marjan Energy Holding … chief executive of Al Marjan": a name that first names alone
 * read as a person's is the first words of an organization the article names in full, when
 * no title or role stands before it; that organization, then. A few such names per article
 * are looked at, so the scan stays linear. */
static void kgm_pass_person_org_prefix(KgmCtx *c) {
  size_t n0 = c->n, tried = 0;
  for (size_t i = 0; i < n0 && tried < 32; i++) {
    const KgmMention *p = &c->m[i];
    size_t pn = p->tok_end - p->tok_start;
    const KgtLexEntry *te;
    if (c->aux[i].dead || p->cls != KG_CLASS_PERSON || c->aux[i].source != KGM_SRC_PERSON ||
        (p->flags & (KGM_F_ANAPHOR | KGM_F_GAZETTEER)) || pn < 2 ||
        (p->tok_start > 0 && (kgm_lex(c, p->tok_start - 1, KGT_LEX_TITLE, &te) > 0 ||
                              kgm_lex(c, p->tok_start - 1, KGT_LEX_ROLE, &te) > 0)))
      continue;
    /* (not the founder of an eponymous house: « Créé en 1897 par Jakob Orsk », "founded by
       Gordon Velmar") */
    int founder = 0;
    for (size_t q = p->tok_start >= 6 ? p->tok_start - 6 : 0; q < p->tok_start && !founder; q++)
      founder = kgm_lex(c, q, KGT_LEX_NOT_NAME, &te) == 1 && te->value && kgm_has(te->value, "founding");
    if (founder)
      continue;
    tried++;
    for (size_t j = 0; j < n0; j++) {
      const KgmMention *o = &c->m[j];
      if (j == i || c->aux[j].dead || !kgm_is_org(o->cls) || (o->flags & KGM_F_ANAPHOR) ||
          c->aux[j].name_end <= o->tok_start + pn)
        continue;
      size_t k = 0;
      while (k < pn && strcmp(kgm_tok(c, p->tok_start + k)->fold, kgm_tok(c, o->tok_start + k)->fold) == 0)
        k++;
      if (k == pn) {
        kgm_same_as(c, (int)i, (int)j);
        break;
      }
    }
  }
}

static void kgm_pass_short_names(KgmCtx *c) {
  if (c->n < 2 || c->st != KG_SUCCESS)
    return;
  KgmNamed *longer = kg_malloc(c->n * sizeof *longer), *suffixed = kg_malloc(c->n * sizeof *suffixed),
           *all = kg_malloc(c->n * sizeof *all), *written = kg_malloc(c->n * sizeof *written),
           *trade = kg_malloc(c->n * sizeof *trade);
  if (!longer || !suffixed || !all || !written || !trade) {
    kg_free(longer);
    kg_free(suffixed);
    kg_free(all);
    kg_free(written);
    kg_free(trade);
    c->st = KG_ERR_NOMEM;
    return;
  }
  size_t nl = 0, ns = 0, na = 0, nw = 0, ntr = 0;
  for (size_t q = 0; q < c->n; q++) {
    const KgmMention *o = &c->m[q];
    if (c->aux[q].dead || !kgm_is_org(o->cls))
      continue;
    if (!(o->flags & KGM_F_ANAPHOR))
      all[na++] = (KgmNamed){o->name, (int)q};
    /* the longer name must be typed by more than capitals (a legal suffix, a name word,
     * a descriptor, a gazetteer): "Bugatti Chiron" is a car, not Bugatti */
    if ((o->cls != KG_CLASS_ORGANIZATION && !(o->flags & (KGM_F_ANAPHOR | KGM_F_GUESS))) ||
        (!(o->flags & KGM_F_ANAPHOR) && o->tok_end - o->tok_start >= 2 &&
         kgm_demonym_noun_before(c, o->tok_start)))
      longer[nl++] = (KgmNamed){o->name, (int)q};
    /* "Groupe Valmorin", « Conceria Velmar », "Bodegas Orvex": a word of trade that opens
       the name (orgword … prefix) is dropped as often as not; the rest names it too */
    const KgtLexEntry *pw;
    const char *sp = o->name ? strchr(o->name, ' ') : NULL;
    if (sp && !(o->flags & KGM_F_ANAPHOR) && kgm_is_org(o->cls) &&
        kgm_lex(c, o->tok_start, KGT_LEX_ORGWORD, &pw) == 1 && kgm_has(pw->arg[0], "prefix") &&
        (kgm_tok(c, o->tok_start)->flags & KGT_F_CAP) &&
        strlen(kgm_tok(c, o->tok_start)->lower) == (size_t)(sp - o->name))
      trade[ntr++] = (KgmNamed){sp + 1, (int)q};
    /* a name written with a legal suffix ("Gelco Corp") is a company of its own, whose
     * units may share its first word ("Gelco Express Ltd") */
    if (c->aux[q].name_end < o->tok_end)
      suffixed[ns++] = (KgmNamed){o->name, (int)q};
    /* "Kelvo Inc." that the gazetteer knows under a newer name (Nuvra Inc.): the words
       before the legal suffix, as written, name it too ("Denver-based Kelvo") */
    if (!(o->flags & KGM_F_GAZETTEER) || (o->flags & KGM_F_ANAPHOR))
      continue;
    size_t we = c->aux[q].name_end;
    const KgtLexEntry *lg;
    for (size_t j = o->tok_start + 1; we == o->tok_end && j < o->tok_end; j++)
      if (kgm_lex(c, j, KGT_LEX_LEGAL, &lg) == o->tok_end - j)
        we = j;
    if (we < o->tok_end && we > o->tok_start) {
      const char *w = kgm_span_str(c, o->tok_start, we);
      if (w && strcmp(w, o->name) != 0 && strncmp(w, o->name, strlen(w)) != 0)
        written[nw++] = (KgmNamed){w, (int)q};
    }
  }
  qsort(written, nw, sizeof *written, kgm_cmp_named);
  qsort(longer, nl, sizeof *longer, kgm_cmp_named);
  qsort(suffixed, ns, sizeof *suffixed, kgm_cmp_named);
  qsort(all, na, sizeof *all, kgm_cmp_named);
  qsort(trade, ntr, sizeof *trade, kgm_cmp_named);
  KgmFirstNamed fn = {all, na, {NULL, NULL}, {0, 0}};
  char key[1024];
  for (size_t k = 0; k < c->n; k++) {
    KgmMention *m = &c->m[k];
    if (c->aux[k].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_GAZETTEER | KGM_F_ANAPHOR)))
      continue;
    size_t ln = strlen(m->name);
    if (ln + 2 > sizeof key)
      continue;
    size_t at = kgm_lower_bound(suffixed, ns, m->name);
    if (at < ns && strcmp(suffixed[at].name, m->name) == 0)
      continue;
    memcpy(key, m->name, ln);
    key[ln] = ' ', key[ln + 1] = '\0';
    int to = -1;
    const char *tn = NULL;
    size_t tries = 0;
    for (size_t i = kgm_lower_bound(longer, nl, key); i < nl && tries < 64; i++, tries++) {
      int q = longer[i].id;
      const KgmMention *o = &c->m[q];
      if (strncmp(o->name, key, ln + 1) != 0)
        break;
      if ((size_t)q == k)
        continue;
      /* "Orvane France" is Orvane's unit in France, not Orvane */
      const KgmForm *f;
      size_t ex = o->tok_start + (m->tok_end - m->tok_start);
      if (ex < o->tok_end && kgm_gaz(c, ex, 0, &f) > 0 &&
          c->g->entries[f->entry].type == KGM_G_PLACE)
        continue;
      if (tn && strcmp(tn, o->name) != 0) {
        /* "Orsk" of "Orsk Microfinance Bank" or "Orsk Foundation": of two, the one whose
           name is not the short name and a parent's word (orgword … parent) */
        size_t sl = m->tok_end - m->tok_start;
        int po = kgm_parent_form(c, to, sl), pn = kgm_parent_form(c, q, sl);
        if (pn && !po)
          continue; /* the new one is the parent's: keep the old one */
        if (!po || pn) {
          to = -2; /* two longer names fit: "Morgan" of "Morgan Stanley" or "Morgan Grenfell" */
          break;
        }
        tn = NULL; /* the old one was the parent's: weigh the new one below */
        to = -1;
      }
      /* « Brookor, qui mène l'opération via sa filiale Brookor Renewable »: the longer name
         later in the same sentence is another company (the short name's unit) */
      if (o->tok_start > m->tok_start &&
          kgm_tok(c, o->tok_start)->sentence == kgm_tok(c, m->tok_start)->sentence) {
        to = -2;
        break;
      }
      /* « Velmora … une nouvelle société, Velmora Holding, dont Velmora détient 51 % »: a
         sentence that names both sets them apart everywhere, when the short name came first */
      if (kgm_short_beside(c, &fn, q, m->name)) {
        to = -2;
        break;
      }
      if (kgm_owner_named(c, all, na, m->name, o->name)) {
        to = -2;
        break;
      }
      tn = o->name;
      to = q;
    }
    /* "Valmorin" after "Groupe Valmorin", "Velmar" after "Curtidos Velmar i Fills": the name
       after its word of trade, when one name only has it so */
    for (size_t i = kgm_lower_bound(trade, ntr, m->name); to == -1 && i < ntr; i++) {
      const char *rest = trade[i].name;
      if (strncmp(rest, m->name, ln) != 0 || (rest[ln] && rest[ln] != ' '))
        break;
      if ((size_t)trade[i].id == k || strcmp(c->m[trade[i].id].name, m->name) == 0)
        continue;
      for (size_t j = i + 1; j < ntr && to != -2; j++) {
        const char *r2 = trade[j].name;
        if (strncmp(r2, m->name, ln) != 0 || (r2[ln] && r2[ln] != ' '))
          break;
        if (strcmp(c->m[trade[j].id].name, c->m[trade[i].id].name) != 0)
          to = -2;
      }
      if (to == -1)
        to = trade[i].id;
    }
    if (to == -1 && !strchr(m->name, ' '))
      to = kgm_founder_named(c, longer, nl, m->name, (int)k);
    /* a name written before a legal suffix of an earlier gazetteer mention, when only one
       such mention is written so */
    for (size_t i = kgm_lower_bound(written, nw, m->name); to == -1 && i < nw && strcmp(written[i].name, m->name) == 0; i++) {
      const KgmMention *g = &c->m[written[i].id];
      if (g->tok_start >= m->tok_start)
        break;
      to = written[i].id;
      for (size_t j = i + 1; j < nw && strcmp(written[j].name, m->name) == 0; j++)
        if (strcmp(c->m[written[j].id].name, g->name) != 0)
          to = -2;
    }
    if (to >= 0)
      kgm_same_as(c, (int)k, to);
  }
  /* "Kestrel Investment Management … Kestrel, which was founded …": a lone capitalised word
     no other pass took (a first name alone is no person) that opens exactly one longer
     organization name of the article is that organization; never a common word ("American"
     of American Tarlo Lines), a function word or a word before another capitalised one */
  for (size_t i = 0; i < c->nt && nl > 0 && c->st == KG_SUCCESS; i++) {
    const KgtToken *t = kgm_tok(c, i);
    /* "Alaska Air Group … Alaska said", "Hawaiian Holdings … Hawaiian has struggled": a
       place or a demonym standing as a noun — no preposition or article before it, a verb
       or a possessive after it — is the company named in full before */
    int place = -1;
    if (c->owner[i] >= 0) {
      const KgmMention *pm = &c->m[c->owner[i]];
      const KgtLexEntry *le;
      size_t nx = i + 1;
      int noun_after = nx < c->nt && kgm_tok(c, nx)->sentence == t->sentence &&
                       (kgm_is(c, nx, "'s") || kgm_lex(c, nx, KGT_LEX_SUBJ_VERB, &le) == 1 ||
                        kgm_lex(c, nx, KGT_LEX_SPEECH_VERB, &le) > 0 ||
                        kgm_lex(c, nx, KGT_LEX_COPULA, &le) > 0);
      if (pm->cls == KG_CLASS_PLACE && pm->tok_start == i && pm->tok_end == i + 1 && noun_after &&
          !c->headline[t->sentence] && (t->flags & KGT_F_CAP) &&
          !(i > 0 && (kgm_lex(c, i - 1, KGT_LEX_PREP, &le) || kgm_lex(c, i - 1, KGT_LEX_DET, &le) ||
                      (kgm_tok(c, i - 1)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)))))
        place = c->owner[i];
    }
    if ((c->owner[i] >= 0 && place < 0) || t->kind != KGT_WORD || !(t->flags & KGT_F_CAP) ||
        (t->flags & KGT_F_ALLCAPS) || c->headline[t->sentence] || kgm_stop(c, i) ||
        kgm_lex1(c, i, KGT_LEX_COMMON) ||
        (i + 1 < c->nt && c->owner[i + 1] < 0 && (kgm_tok(c, i + 1)->flags & KGT_F_CAP) &&
         kgm_tok(c, i + 1)->sentence == t->sentence))
      continue;
    size_t tl;
    const char *tx = kgt_token_text(c->d, i, &tl);
    if (tl < 3 || tl + 2 > sizeof key)
      continue;
    memcpy(key, tx, tl);
    key[tl] = ' ', key[tl + 1] = '\0';
    int to = -1;
    size_t tries = 0;
    for (size_t j = kgm_lower_bound(longer, nl, key); j < nl && tries < 64; j++, tries++) {
      const KgmMention *o = &c->m[longer[j].id];
      if (strncmp(o->name, key, tl + 1) != 0)
        break;
      if (o->tok_start > i || (o->flags & KGM_F_ANAPHOR))
        continue; /* named in full before, not after */
      if (to >= 0 && strcmp(c->m[to].name, o->name) != 0) {
        to = -2;
        break;
      }
      to = longer[j].id;
    }
    if (to < 0)
      continue;
    if (place >= 0)
      kgm_kill(c, place);
    int id = kgm_add(c, i, i + 1, c->m[to].cls, c->m[to].name, 0, KGM_SRC_LEARNED);
    if (id >= 0)
      kgm_same_as(c, id, to);
  }
  kg_free(longer);
  kg_free(suffixed);
  kg_free(all);
  kg_free(written);
  kg_free(trade);
}

/* « l'Instituto Velmarino de Orskidad (IVO) »: a name read as two, joined by a function
 * word, whose initials together are the acronym defined in brackets after the second; the
 * two become one mention (its id), -1 when they do not. */
static int kgm_acronym_joins(KgmCtx *c, int second, const char *acr, size_t al) {
  const KgmMention *m = &c->m[second];
  size_t a = m->tok_start;
  if (a < 2 || kgm_tok(c, a - 1)->kind != KGT_WORD || (kgm_tok(c, a - 1)->flags & KGT_F_CAP) ||
      !kgt_is_function_word_in(kgm_tok(c, a - 1)->fold, kgt_doc_lang(c->d)))
    return -1;
  int f = c->owner[a - 2];
  if (f < 0 || c->m[f].tok_end != a - 1 || !kgm_is_org(c->m[f].cls) ||
      (c->m[f].flags & (KGM_F_ANAPHOR | KGM_F_SHARED | KGM_F_GAZETTEER)) ||
      (m->flags & KGM_F_GAZETTEER))
    return -1;
  size_t s = c->m[f].tok_start, e = m->tok_end;
  const char *span = kgm_span_str(c, s, e);
  if (!span || !kgm_initials_of(acr, al, span, 0))
    return -1;
  KgClass cls = m->cls != KG_CLASS_ORGANIZATION ? m->cls : c->m[f].cls;
  kgm_kill(c, f);
  kgm_kill(c, second);
  return kgm_add(c, s, e, cls, NULL, 0, KGM_SRC_GUESS);
}

/* « la Société de mécanique de Normandie » … « SMN »: a name written in sentence case
 * (a lower-case word inside it) whose content words give the capitals of an organization's
 * acronym named in the article is that organization. A few such names per article are
 * looked at, so the scan stays linear. */
static void kgm_sentence_case_acronyms(KgmCtx *c) {
  size_t n0 = c->n, tried = 0;
  for (size_t i = 0; i < n0 && tried < 16; i++) {
    const KgmMention *m = &c->m[i];
    if (c->aux[i].dead || !kgm_is_org(m->cls) ||
        (m->flags & (KGM_F_ANAPHOR | KGM_F_SHARED | KGM_F_GAZETTEER)) || m->tok_end < m->tok_start + 3)
      continue;
    char got[8];
    size_t g = 0;
    int lower = 0;
    for (size_t k = m->tok_start; k < m->tok_end && g <= 6; k++) {
      const KgtToken *t = kgm_tok(c, k);
      if (t->kind != KGT_WORD || kgt_is_function_word(t->fold))
        continue;
      lower |= !(t->flags & KGT_F_CAP);
      if (t->fold[0] < 'a' || t->fold[0] > 'z')
        g = 7; /* a digit or a sign: no acronym's */
      else
        got[g++] = (char)(t->fold[0] - 'a' + 'A');
    }
    if (!lower || g < 3 || g > 6)
      continue;
    tried++;
    for (size_t j = 0; j < n0; j++) {
      const KgmMention *a = &c->m[j];
      if (j == i || c->aux[j].dead || !kgm_is_org(a->cls) || (a->flags & KGM_F_ANAPHOR) ||
          a->tok_end != a->tok_start + 1 || !(kgm_tok(c, a->tok_start)->flags & KGT_F_ALLCAPS))
        continue;
      size_t al;
      const char *acr = kgt_token_text(c->d, a->tok_start, &al);
      char want[16];
      if (strcmp(a->name, m->name) == 0)
        break; /* one already: "SGV (Syndicat général des vignerons)" */
      if (kgm_acronym_caps(acr, al, want) == g && memcmp(want, got, g) == 0) {
        /* the gazetteer's name when it knows the acronym, or the acronym when the full name
           follows it in brackets ("SGV (Syndicat général des vignerons)"), else the full name */
        if ((a->flags & KGM_F_GAZETTEER) || (m->tok_start == a->tok_end + 1 && kgm_is(c, a->tok_end, "(")))
          kgm_same_as(c, (int)i, (int)j);
        else
          kgm_same_as(c, (int)j, (int)i);
        break;
      }
    }
  }
}

/* « la Compagnie Fluviale Belge (CFB) », "Moravská strojírna Group (MSG)", « le Fonds monétaire
 * international (FMI) »: the words right before an acronym in brackets whose initials
 * (function words left out, lower-case words kept) spell it are one name, whatever the
 * passes before made of them (a demonym, two names, a lower-case word between). That
 * name becomes one organization ending at the bracket, which kgm_pass_acronyms() then
 * defines; only where no single organization already ends there. */
static void kgm_acronym_spans(KgmCtx *c) {
  for (size_t k = 2; k + 2 < c->nt; k++) {
    if (!kgm_is(c, k, "(") || !kgm_is(c, k + 2, ")") ||
        !(kgm_tok(c, k + 1)->flags & KGT_F_ALLCAPS))
      continue;
    size_t al;
    const char *acr = kgt_token_text(c->d, k + 1, &al);
    char want[16], got[16];
    size_t n = kgm_acronym_caps(acr, al, want);
    if (n < 3)
      continue;
    /* the organization that ends at the bracket, if one does */
    int before = c->owner[k - 1];
    if (before >= 0 && !(kgm_is_org(c->m[before].cls) && c->m[before].tok_end == k))
      before = -1;
    if (before >= 0 &&
        (kgm_initials_of(acr, al, c->m[before].name, 0) || (c->m[before].flags & KGM_F_GAZETTEER)))
      continue; /* "Brelloc Chemical Industries (BCI)": kgm_pass_acronyms() reads it; a known
                   name keeps the gazetteer's form */
    /* back from the bracket: words only, the initials of those that count read backwards */
    size_t g = 0, s = k, lower = 0, split = 0;
    while (s > 0 && g < n && k - s < n + 4) {
      const KgtToken *w = kgm_tok(c, s - 1);
      if (w->kind != KGT_WORD || w->sentence != kgm_tok(c, k)->sentence)
        break;
      s--;
      if (kgt_is_function_word_in(w->fold, kgt_doc_lang(c->d)) && !(w->flags & KGT_F_CAP))
        continue;
      unsigned char f0 = (unsigned char)w->fold[0];
      if (f0 < 'a' || f0 > 'z')
        break;
      got[n - 1 - g++] = (char)(f0 - 'a' + 'A');
      lower += !(w->flags & KGT_F_CAP);
    }
    if (g != n || memcmp(got, want, n) != 0 || !(kgm_tok(c, s)->flags & KGT_F_CAP) ||
        kgt_is_function_word_in(kgm_tok(c, s)->fold, kgt_doc_lang(c->d)))
      continue;
    if (before >= 0 && c->m[before].tok_start <= s)
      continue; /* one name already covers the words ("Orsk Railway Corporation") */
    /* a capitalised word right before would be part of the name: not an acronym's start */
    if (s > 0 && kgm_tok(c, s - 1)->kind == KGT_WORD && (kgm_tok(c, s - 1)->flags & KGT_F_CAP) &&
        !kgm_initial(c, s - 1))
      continue;
    /* what the passes before made of the span: places, people, names cut in two */
    int org = -1;
    for (size_t q = s; q < k + 3; q++) {
      int o = c->owner[q];
      if (o < 0 || c->aux[o].dead)
        continue;
      if (c->m[o].tok_start < s || c->m[o].tok_end > k + 3)
        goto next; /* a mention that reaches outside: leave it */
      if (c->m[o].cls == KG_CLASS_PERSON || c->m[o].cls == KG_CLASS_PRODUCT)
        goto next;
      if (kgm_is_org(c->m[o].cls) && c->m[o].tok_end <= k)
        split++;
      if (kgm_is_org(c->m[o].cls) && org < 0)
        org = o;
    }
    if (!lower && split < 2 && !(org < 0 || c->owner[k - 1] < 0 || c->m[c->owner[k - 1]].cls == KG_CLASS_PLACE))
      continue; /* nothing the join would mend */
    {
      KgClass cls = org >= 0 ? c->m[org].cls : KG_CLASS_ORGANIZATION;
      for (size_t q = s; q < k + 3; q++)
        if (c->owner[q] >= 0)
          kgm_kill(c, c->owner[q]);
      kgm_add(c, s, k, cls, NULL, 0, KGM_SRC_GUESS);
    }
  next:;
  }
}

static void kgm_pass_acronyms(KgmCtx *c) {
  kgm_acronym_spans(c);
  size_t n0 = c->n, defined = 0;
  /* each definition scans the rest of the text: a few dozen cover any article */
  for (size_t i = 0; i < n0 && defined < 32; i++) {
    const KgmMention *m = &c->m[i];
    size_t j = m->tok_end;
    if (c->aux[i].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_ANAPHOR | KGM_F_SHARED)) ||
        j + 2 >= c->nt || !kgm_is(c, j, "(") ||
        kgm_tok(c, j)->sentence != kgm_tok(c, m->tok_start)->sentence)
      continue;
    size_t close = j + 1;
    while (close < c->nt && close - j <= 6 && !kgm_is(c, close, ")"))
      close++;
    if (close >= c->nt || !kgm_is(c, close, ")") || close == j + 1)
      continue;
    size_t al;
    const char *acr;
    int full; /* the mention whose name is kept */
    int in = c->owner[j + 1];
    if (close == j + 2 && (kgm_tok(c, j + 1)->flags & KGT_F_ALLCAPS)) {
      acr = kgt_token_text(c->d, j + 1, &al);
      full = (int)i; /* "Brelloc Chemical Industries (BCI)", "Velmar Motor Co (VMC)" */
      if (!kgm_initials_of(acr, al, m->name, 0) &&
          !(m->surface && kgm_initials_of(acr, al, m->surface, 0)) &&
          !kgm_initials_inner(acr, al, m->surface ? m->surface : m->name) &&
          !kgm_initials_lead_extra(acr, al, m->name) &&
          (full = kgm_acronym_joins(c, (int)i, acr, al)) < 0)
        continue;
      m = &c->m[i]; /* (kgm_acronym_joins() may have grown the array) */
    } else if (m->tok_end == m->tok_start + 1 &&
               (kgm_tok(c, m->tok_start)->flags & KGT_F_ALLCAPS) &&
               in >= 0 && c->m[in].tok_start == j + 1 && c->m[in].tok_end == close) {
      acr = kgt_token_text(c->d, m->tok_start, &al);
      if (!kgm_initials_of(acr, al, c->m[in].surface, 1))
        continue;
      full = (int)i; /* "NAW (Nordic Airways)": the acronym is the name used */
      kgm_same_as(c, in, full);
      continue;
    } else {
      continue;
    }
    /* every later use of the acronym is this organization */
    defined++;
    for (size_t k = j + 1; k < c->nt; k++) {
      size_t tl;
      const char *tx = kgt_token_text(c->d, k, &tl);
      if (tl != al || memcmp(tx, acr, al) != 0)
        continue;
      int o = c->owner[k];
      if (o >= 0 && c->m[o].tok_start == k && c->m[o].tok_end == k + 1) {
        if (!(c->m[o].flags & KGM_F_ANAPHOR))
          kgm_same_as(c, o, full);
      } else if (o < 0) {
        int id = kgm_add(c, k, k + 1, c->m[full].cls, c->m[full].name, 0, KGM_SRC_GUESS);
        if (id >= 0)
          kgm_same_as(c, id, full);
      }
    }
  }
  /* an acronym never defined but made of the initials of a name of three words or more
   * used before it ("Iowa Beef Processors Inc" … "IBP is a subsidiary of …") */
  int cand[16];
  size_t ncand = 0;
  for (size_t i = 0; i < c->n && ncand < 16; i++) {
    const KgmMention *m = &c->m[i];
    if (c->aux[i].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_ANAPHOR | KGM_F_SHARED)) ||
        c->aux[i].source == KGM_SRC_ANAPHOR)
      continue;
    size_t words = 1;
    for (const char *p = m->name; *p; p++)
      words += *p == ' ';
    size_t caps = 0;
    for (const char *p = m->name; *p; p++)
      caps += *p >= 'A' && *p <= 'Z';
    if ((words >= 3 && words <= 5) || (words == 1 && caps >= 2 && caps < strlen(m->name)))
      cand[ncand++] = (int)i;
  }
  for (size_t k = 0; ncand && k < c->nt; k++) {
    const KgtToken *t = kgm_tok(c, k);
    int o = c->owner[k];
    /* free, or guessed alone as a name of its own */
    if ((o >= 0 && (c->m[o].tok_start != k || c->m[o].tok_end != k + 1 ||
                    !(c->m[o].flags & KGM_F_GUESS) || (c->m[o].flags & KGM_F_ANAPHOR))) ||
        t->kind != KGT_WORD || !(t->flags & KGT_F_ALLCAPS) || c->headline[t->sentence])
      continue;
    size_t al;
    const char *acr = kgt_token_text(c->d, k, &al);
    if (al < 2 || al > 5)
      continue;
    for (size_t q = 0; q < ncand; q++) {
      const KgmMention *m = &c->m[cand[q]];
      size_t words = 1, capwords = 0; /* "Halvex Data Systems" makes "HDS" */
      for (const char *p = m->name; *p; p++)
        words += *p == ' ';
      for (const char *p = m->name; *p; p++)
        capwords += (p == m->name || p[-1] == ' ') && *p >= 'A' && *p <= 'Z';
      if (m->tok_start < k && ((al >= 3 && capwords == al && kgm_initials_of(acr, al, m->name, 0)) ||
                               (words == 1 && kgm_caps_of_word(acr, al, m->name)))) {
        int id = o >= 0 ? o : kgm_add(c, k, k + 1, m->cls, m->name, 0, KGM_SRC_GUESS);
        if (id >= 0)
          kgm_same_as(c, id, cand[q]);
        break;
      }
    }
  }
  /* (after the acronyms defined in brackets, which keep the full name) */
  kgm_sentence_case_acronyms(c);
}

/* "Velmar EDA, the former Tarsik Graphics, …", "Orvane (formerly Halden Systems)",
 * « Brantel, anciennement Quellis, … »: a name in apposition after a phrase of the lexicon
 * (`notname` entries valued `renamed`) is the organization before it under its older name,
 * and so is every other mention of that name in the article; the older name stays an
 * alternative label. The apposition must end there ("the former Tarsik unit" names a part
 * of Tarsik, not Tarsik). Each rename scans the mentions again: a few dozen cover any
 * article, and a page of thousands stays linear. */
static void kgm_pass_renamed(KgmCtx *c) {
  size_t n0 = c->n, renamed = 0;
  for (size_t i = 0; i < n0 && renamed < 32; i++) {
    const KgmMention *m = &c->m[i];
    size_t j = m->tok_end;
    if (c->aux[i].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_ANAPHOR | KGM_F_SHARED)) ||
        j + 2 >= c->nt || !(kgm_is(c, j, ",") || kgm_is(c, j, "(")) ||
        kgm_tok(c, j)->sentence != kgm_tok(c, m->tok_start)->sentence)
      continue;
    const KgtLexEntry *e;
    size_t k = kgm_lex(c, j + 1, KGT_LEX_NOT_NAME, &e);
    if (!k || !e->value || !kgm_has(e->value, "renamed") || j + 1 + k >= c->nt)
      continue;
    int o = c->owner[j + 1 + k];
    if (o < 0 || o == (int)i || c->aux[o].dead || c->m[o].tok_start != j + 1 + k ||
        !kgm_is_org(c->m[o].cls) || (c->m[o].flags & KGM_F_ANAPHOR))
      continue;
    size_t after = c->m[o].tok_end;
    if (after < kgm_sent_end(c, j) && !kgm_is(c, after, ",") && !kgm_is(c, after, ")") &&
        !kgm_is(c, after, ";") && !kgm_is(c, after, "."))
      continue;
    const char *old = c->m[o].name;
    if (!old || !m->name || strcmp(old, m->name) == 0)
      continue;
    renamed++;
    for (size_t q = 0; q < c->n; q++)
      if (!c->aux[q].dead && c->m[q].name && strcmp(c->m[q].name, old) == 0 &&
          !(c->m[q].flags & KGM_F_ANAPHOR) && kgm_is_org(c->m[q].cls))
        kgm_same_as(c, (int)q, (int)i);
  }
}

/* ------------------------------------------------------- pass 5: people */

/* Surname span after a first name or a title: up to @p maxlen name words, and particles
 * before one (they do not count: « Henri de La Brède d'Orvalle »). */
static size_t kgm_person_span(KgmCtx *c, size_t j, size_t maxlen) {
  size_t lim = kgm_sent_end(c, j < c->nt ? j : c->nt - 1), k = j, words = 0;
  while (k < lim && words < maxlen && c->owner[k] < 0) {
    if (kgm_namey(c, k)) {
      const KgtLexEntry *e;
      if (kgm_lex(c, k, KGT_LEX_LEGAL, &e) || kgm_lex(c, k, KGT_LEX_ORGWORD, &e))
        break;
      k++;
      words++;
      continue;
    }
    const KgtLexEntry *p;
    const KgmForm *fn;
    /* "Lia de Vos" (a first name before the particle), and capitalised at the start of a
       surname: "Jean-Marc Le Guen" */
    size_t m = (k > j || (kgm_tok(c, k)->flags & KGT_F_CAP) ||
                (k > 0 && kgm_gaz(c, k - 1, 1, &fn) == 1))
                   ? kgm_lex(c, k, KGT_LEX_PARTICLE, &p)
                   : 0;
    /* "Pieter van der Velde", "Jan van den Berg": particles in a row */
    for (size_t m2; m && m < 4 && k + m < lim && c->owner[k + m] < 0 &&
                    (m2 = kgm_lex(c, k + m, KGT_LEX_PARTICLE, &p)) > 0;)
      m += m2;
    if (m && k + m < lim && c->owner[k + m] < 0 && kgm_namey(c, k + m)) {
      k += m;
      continue;
    }
    /* "Ivan Rusk and Tobias Last, who …": a capitalised word that alone is no name (lexicon:
       `notname` with no value), as the one surname right after a first name, inside a
       sentence, with no capital after it */
    const KgtToken *t = kgm_tok(c, k);
    const KgtLexEntry *nn;
    if (k == j && k > 0 && t->kind == KGT_WORD && (t->flags & KGT_F_CAP) && !(t->flags & KGT_F_ALLCAPS) &&
        !kgm_initial(c, k) && (nn = kgm_lex1(c, k, KGT_LEX_NOT_NAME)) && (!nn->value || !nn->value[0]) &&
        kgm_gaz(c, k - 1, 1, &fn) == 1 &&
        (k + 1 >= lim || !(kgm_tok(c, k + 1)->flags & (KGT_F_CAP | KGT_F_ALLCAPS))))
      return k + 1;
    break;
  }
  return k;
}

/* "J." of "J. Marcus Delling": one capital letter and its dot. */
static int kgm_lead_initial(const KgtToken *t) {
  const unsigned char *l = (const unsigned char *)t->lower;
  return t->kind == KGT_WORD && (t->flags & KGT_F_CAP) && l[0] >= 'a' && l[0] <= 'z' &&
         l[1] == '.' && l[2] == '\0';
}

/* "Tarek Vollan, who earlier founded Velmar, …": two or three capitalised words from token
 * @p i that no list knows, before a comma and a clause word of persons (`clause … person`),
 * name a person, whatever the first-name list lacks. Returns the token after the name, 0
 * when there is none. */
static size_t kgm_who_person(KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  if (!(t->flags & KGT_F_CAP) || (t->flags & KGT_F_ALLCAPS) || c->headline[t->sentence])
    return 0;
  /* the comma and the clause word first: they rule out almost every token at once */
  const KgtLexEntry *e;
  size_t comma = 0;
  for (size_t q = i + 2; q <= i + 4 && q + 1 < c->nt && !comma; q++) {
    if (!kgm_is(c, q, ","))
      continue;
    /* "P, the Norwegian who …": a demonym noun before the clause; in French the noun
       alone, capitalised, is a person (« P, le Néerlandais qui … », « P, l'Italien, … »: a
       company takes the lower-case adjective) */
    size_t w = q + 1;
    int dm = w + 2 < c->nt ? c->owner[w + 1] : -1;
    if (dm >= 0 && kgm_lex(c, w, KGT_LEX_DET, &e) == 1 && !kgm_lex1(c, w, KGT_LEX_PREP) &&
        !kgm_lex1(c, w, KGT_LEX_GENITIVE) && c->m[dm].tok_start == w + 1 &&
        c->m[dm].cls == KG_CLASS_PLACE && (c->m[dm].flags & KGM_F_DEMONYM) &&
        (kgm_tok(c, w + 1)->flags & KGT_F_CAP) && !(kgm_tok(c, w + 1)->flags & KGT_F_ALLCAPS)) {
      if (c->fr && kgm_demonym_lower_form(c, w + 1)) {
        comma = q;
        continue;
      }
      w = c->m[dm].tok_end;
    }
    if (kgm_lex(c, w, KGT_LEX_CLAUSE, &e) == 1 && kgm_has(e->value, "person"))
      comma = q;
  }
  /* a name that goes on from a capitalised word before is not this one's start */
  if (!comma || !kgm_namey(c, i) || kgm_stop(c, i) ||
      (i > 0 && kgm_tok(c, i - 1)->sentence == t->sentence &&
       (kgm_tok(c, i - 1)->flags & KGT_F_CAP) && (c->owner[i - 1] >= 0 || kgm_namey(c, i - 1))))
    return 0;
  size_t k = kgm_person_span(c, i + 1, 2);
  if (k != comma)
    return 0;
  for (size_t q = i; q < k; q++)
    if (c->owner[q] >= 0 || !(kgm_tok(c, q)->flags & KGT_F_CAP) ||
        (kgm_tok(c, q)->flags & KGT_F_ALLCAPS) || kgm_lex(c, q, KGT_LEX_ORGWORD, &e) ||
        kgm_lex(c, q, KGT_LEX_LEGAL, &e) || kgm_lex1(c, q, KGT_LEX_COMMON))
      return 0;
  /* "De Geus, who …" after "co-founder Aart de Geus": words written before are the surname
     of someone named before, which a later pass finds (looked for in the few pages before,
     so that a long text stays linear) */
  const uint64_t *fh = kgt_doc_head(c->d)->fold_hash;
  for (size_t p = i > KGM_WHO_LOOKBACK ? i - KGM_WHO_LOOKBACK : 0; p + (k - i) <= i; p++) {
    if (fh[p] != fh[i])
      continue; /* most tokens differ from the first word: one compare */
    size_t q = 0;
    while (q < k - i && strcmp(kgm_tok(c, p + q)->fold, kgm_tok(c, i + q)->fold) == 0)
      q++;
    if (q == k - i)
      return 0;
  }
  return k;
}

/* « dirigé depuis 2023 par Ilvar Velmar », "Orsk, headed by Dovran Brell, …": after a
 * participle of leading (lexicon: notname valued `leading`), a few words and the agent
 * preposition, two or three capitalised words that no list knows, no name word or legal
 * suffix among them and none after, name a person whatever the first-name list lacks.
 * Returns the token after the name, 0 when there is none. */
static size_t kgm_led_person(KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  const KgtLexEntry *e;
  if (i < 2 || !(t->flags & KGT_F_CAP) || (t->flags & KGT_F_ALLCAPS) || c->headline[t->sentence] ||
      kgm_lex(c, i - 1, KGT_LEX_PREP, &e) != 1 || !kgm_has(e->value, "agent"))
    return 0;
  if (!kgm_participle_before(c, i - 1, 4, "leading", KGM_STOP_CLAUSE) || !kgm_namey(c, i) ||
      kgm_stop(c, i) || kgm_lex1(c, i, KGT_LEX_COMMON))
    return 0;
  size_t k = kgm_person_span(c, i, 3);
  if (k < i + 2 || (k < c->nt && kgm_tok(c, k)->sentence == t->sentence &&
                    ((kgm_tok(c, k)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) ||
                     kgm_lex(c, k, KGT_LEX_LEGAL, &e))))
    return 0;
  for (size_t q = i; q < k; q++)
    if (c->owner[q] >= 0 || (kgm_tok(c, q)->flags & KGT_F_ALLCAPS) ||
        kgm_lex(c, q, KGT_LEX_ORGWORD, &e) || kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &e))
      return 0;
  return k;
}

/* "Ryomei Orsk became chief executive", « Kenji Orsa devient directeur général »: two or
 * three capitalised words no list knows, before a verb that puts an office on its subject
 * (subjverb valued role) and a role, are a person whatever the first-name list lacks. The
 * end of the name, or 0. */
static size_t kgm_role_verb_person(KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  const KgtLexEntry *e;
  if (!(t->flags & KGT_F_CAP) || (t->flags & KGT_F_ALLCAPS) || c->headline[t->sentence] ||
      !kgm_namey(c, i) || kgm_stop(c, i) || kgm_lex1(c, i, KGT_LEX_COMMON) ||
      (i > 0 && kgm_tok(c, i - 1)->sentence == t->sentence && (kgm_tok(c, i - 1)->flags & KGT_F_CAP) &&
       (c->owner[i - 1] >= 0 || kgm_namey(c, i - 1))))
    return 0;
  size_t k = kgm_person_span(c, i, 3);
  if (k < i + 2 || k + 1 >= c->nt || kgm_tok(c, k)->sentence != t->sentence ||
      kgm_lex(c, k, KGT_LEX_SUBJ_VERB, &e) != 1 || !e->value || !kgm_has(e->value, "role"))
    return 0;
  size_t r = k + 1;
  if (r < c->nt && kgm_lex(c, r, KGT_LEX_DET, &e) == 1)
    r++;
  if (r >= c->nt || kgm_lex(c, r, KGT_LEX_ROLE, &e) == 0)
    return 0;
  for (size_t q = i; q < k; q++)
    if (c->owner[q] >= 0 || (kgm_tok(c, q)->flags & KGT_F_ALLCAPS) || kgm_lex1(c, q, KGT_LEX_COMMON) ||
        kgm_lex(c, q, KGT_LEX_ORGWORD, &e) || kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &e) ||
        kgm_lex(c, q, KGT_LEX_LEGAL, &e))
      return 0;
  return k;
}

/* « les frères Jorn et Wiebe Velde », "brothers Jon and Sam Ostrov": after a word for
 * siblings (an orgword with position `siblings`), two first names and the surname they share
 * are two people, not a family group (the names need be in no list). */
static void kgm_pass_siblings(KgmCtx *c) {
  for (size_t k = 0; k + 4 < c->nt; k++) {
    const KgtLexEntry *w;
    if (!(c->lmask[k] & KGT_LEX_BIT(KGT_LEX_ORGWORD)) || kgm_lex(c, k, KGT_LEX_ORGWORD, &w) != 1 ||
        !kgm_has(w->arg[0], "siblings") || (kgm_tok(c, k)->flags & KGT_F_CAP))
      continue;
    size_t sn = kgm_tok(c, k)->sentence, a = k + 1, e;
    const KgtLexEntry *sep;
    /* the first name, the conjunction, then the second name and the surname */
    if (!(kgm_tok(c, a)->flags & KGT_F_CAP) || kgm_tok(c, a)->kind != KGT_WORD ||
        kgm_lex(c, a + 1, KGT_LEX_LIST_SEP, &sep) != 1 || kgm_is(c, a + 1, ","))
      continue;
    for (e = a + 2; e < c->nt && e < a + 6 && kgm_tok(c, e)->kind == KGT_WORD &&
                    (kgm_tok(c, e)->flags & KGT_F_CAP) && kgm_tok(c, e)->sentence == sn;)
      e++;
    if (e < a + 4)
      continue; /* no surname after the second first name */
    /* a name the gazetteer gives the surname (« Velde ») yields to the people */
    int ok = 1;
    for (size_t q = a; q < e && ok; q++)
      ok = c->owner[q] < 0 || (q == e - 1 && c->m[c->owner[q]].tok_start == q &&
                               c->m[c->owner[q]].tok_end == e);
    if (!ok)
      continue;
    if (c->owner[e - 1] >= 0)
      kgm_kill(c, c->owner[e - 1]);
    size_t l1, l2;
    const char *f1 = kgt_token_text(c->d, a, &l1), *sur = kgt_token_text(c->d, e - 1, &l2);
    char nm[256];
    if (l1 + l2 + 2 > sizeof nm)
      continue;
    memcpy(nm, f1, l1);
    nm[l1] = ' ';
    memcpy(nm + l1 + 1, sur, l2);
    const char *name = kgm_strndup(c, nm, l1 + 1 + l2);
    if (name && kgm_add(c, a, a + 1, KG_CLASS_PERSON, name, 0, KGM_SRC_PERSON) >= 0)
      kgm_add(c, a + 2, e, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
    k = e - 1;
  }
}

static void kgm_pass_people(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    const KgtToken *t = kgm_tok(c, i);
    /* « Virginie Morvan », "Georgia Frost": a first name that is also a place's name, with
       a surname after it, is the person's */
    int o0 = c->owner[i];
    const KgmForm *ff;
    /* ("Jean-Quilla Morel": the product Quilla found inside the hyphenated name gives way;
       in French a capitalised demonym with no determiner before it is no adjective: «
       Romain Velmar » is a first name, and the surname may be a common noun there) */
    /* (in English, a capitalised word that only a French adjective's form matches is no
       demonym either: "Romain Velmar") */
    const KgtLexEntry *dd0;
    int fr_demonym = o0 >= 0 && (c->m[o0].flags & KGM_F_DEMONYM) &&
                     (c->fr ? !(i > 0 && kgm_lex(c, i - 1, KGT_LEX_DET, &dd0) == 1)
                            : kgm_demonym_lower_form(c, i));
    if (o0 >= 0 && c->m[o0].tok_start == i && c->m[o0].tok_end == i + 1 &&
        (c->m[o0].cls == KG_CLASS_PLACE || c->m[o0].cls == KG_CLASS_PRODUCT ||
         (c->m[o0].flags & KGM_F_SHARED)) &&
        (!(c->m[o0].flags & KGM_F_DEMONYM) || fr_demonym) &&
        (t->flags & KGT_F_CAP) && !(t->flags & KGT_F_ALLCAPS) && !c->headline[t->sentence] &&
        kgm_gaz(c, i, 1, &ff) == 1 && i + 1 < c->nt && c->owner[i + 1] < 0 &&
        kgm_tok(c, i + 1)->sentence == t->sentence) {
      /* not "Georgia Steel Chairman", "Austin Medical Clinic": the name must end there */
      size_t k = kgm_person_span(c, i + 1, 2);
      int ok = k > i + 1 && !(k < c->nt && (kgm_tok(c, k)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)));
      const KgtLexEntry *ow;
      for (size_t q = i + 1; q < k && ok; q++)
        ok = !kgm_lex(c, q, KGT_LEX_ORGWORD, &ow) && !kgm_lex(c, q, KGT_LEX_LEGAL, &ow) &&
             (fr_demonym || !kgm_lex1(c, q, KGT_LEX_COMMON)); /* "Georgia Steel" */
      if (ok)
        kgm_kill(c, o0);
    }
    /* « l'Italien Giandomenico Tarlo », « le Néerlandais Pieter Velde »: in French a demonym
       written as a capitalised noun after a determiner names a person, and the two or three
       name words after it are that person (a company takes the lower-case adjective: «
       l'italien Tessil Motori ») */
    int dp = c->owner[i];
    const KgtLexEntry *dd;
    if (c->fr && dp >= 0 && c->m[dp].cls == KG_CLASS_PLACE && (c->m[dp].flags & KGM_F_DEMONYM) &&
        c->m[dp].tok_start == i && c->m[dp].tok_end == i + 1 && (t->flags & KGT_F_CAP) &&
        kgm_demonym_lower_form(c, i) &&
        !(t->flags & (KGT_F_ALLCAPS | KGT_F_SENT_START)) && i > 0 &&
        kgm_lex(c, i - 1, KGT_LEX_DET, &dd) == 1 && !c->headline[t->sentence]) {
      size_t k = kgm_person_span(c, i + 1, 3);
      if (k >= i + 3 && (k >= c->nt || !(kgm_tok(c, k)->flags & KGT_F_CAP)) &&
          kgm_add(c, i + 1, k, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON) >= 0) {
        i = k - 1;
        continue;
      }
    }
    if (c->owner[i] >= 0 || t->kind != KGT_WORD || c->headline[t->sentence])
      continue;
    const KgtLexEntry *e;
    size_t m;
    size_t wk = kgm_who_person(c, i);
    if (!wk)
      wk = kgm_led_person(c, i);
    if (!wk)
      wk = kgm_role_verb_person(c, i);
    if (wk && kgm_add(c, i, wk, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON) >= 0) {
      i = wk - 1;
      continue;
    }
    /* "M. Dupont", "Mr. Smith" */
    if ((m = kgm_lex(c, i, KGT_LEX_TITLE, &e)) > 0) {
      size_t k = kgm_person_span(c, i + m, 4);
      if (k > i + m) {
        /* the title is the mention's descriptor, as « la société » is a company's: rules
           see the person right after the preposition ("présidée par M. Jean Darnel",
           "chaired by Sheikh P") */
        int id = kgm_add(c, i + m, k, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
        if (id >= 0) {
          c->m[id].desc_start = i;
          c->m[id].desc_end = i + m;
        }
      }
      continue;
    }
    /* "Jean Dupont", "Lia de Vos", « Luc-Olivier Tarlo » */
    const KgmForm *f;
    if ((t->flags & KGT_F_CAP) && !(t->flags & KGT_F_ALLCAPS) &&
        (kgm_gaz(c, i, 1, &f) == 1 ||
         (kgm_compound_first_name(c, i) && i + 1 < c->nt && kgm_namey(c, i + 1) &&
          !(i + 2 < c->nt && kgm_lex1(c, i + 2, KGT_LEX_DESCRIPTOR))))) {
      {
        size_t k = kgm_person_span(c, i + 1, 3);
        /* "Jean Vallon", "Henry Ford", "Nora Leeds": a first name before a one-word
           organization or town of the gazetteer makes a person of both words */
        /* ("Johann Adam Velmar": middle names, first names too, may come before it) */
        size_t mid = i + 1;
        const KgmForm *mf;
        /* ("Arthur C. Velmar": a middle initial too) */
        while (mid < k && mid < i + 3 && (kgm_gaz(c, mid, 1, &mf) == 1 || kgm_lead_initial(kgm_tok(c, mid))))
          mid++;
        int o1 = mid < c->nt && mid == k ? c->owner[mid] : -1;
        /* ("Ludovic Normand": a capitalised demonym right after a first name is a surname) */
        if (o1 >= 0 && c->m[o1].tok_start == mid && c->m[o1].tok_end == mid + 1 &&
            (kgm_is_org(c->m[o1].cls) || c->m[o1].cls == KG_CLASS_PLACE) &&
            (!(c->m[o1].flags & KGM_F_DEMONYM) ||
             ((kgm_tok(c, mid)->flags & KGT_F_CAP) && !(kgm_tok(c, mid)->flags & KGT_F_ALLCAPS))) &&
            (c->m[o1].flags & KGM_F_GAZETTEER) &&
            !(c->m[o1].flags & KGM_F_SHARED) && (kgm_tok(c, mid)->flags & KGT_F_SPACE_BEFORE) &&
            kgm_tok(c, mid)->sentence == t->sentence && (mid + 1 >= c->nt || !kgm_namey(c, mid + 1))) {
          kgm_kill(c, o1);
          k = mid + 1;
        }
        if (k > i + 1) {
          /* "chairman J. Marcus Delling": an initial before the first name is the name's */
          size_t a = i;
          if (i > 0 && c->owner[i - 1] < 0 && kgm_tok(c, i - 1)->sentence == t->sentence &&
              kgm_lead_initial(kgm_tok(c, i - 1)))
            a = i - 1;
          int id = kgm_add(c, a, k, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
          if (id >= 0)
            i = k - 1;
          continue;
        }
        /* "Marc and Lena Ostrov": two first names share the surname */
        const KgtLexEntry *sep;
        const KgmForm *f2;
        size_t ns = kgm_lex(c, i + 1, KGT_LEX_LIST_SEP, &sep);
        int o2 = i + 2 < c->nt ? c->owner[i + 2] : -1;
        /* (not a surname that is a first name too: "by Tavik Oruneth, Jomar Lee and Andrew
           Pellot") */
        int surname = i > 0 && c->owner[i - 1] < 0 && kgm_tok(c, i - 1)->kind == KGT_WORD &&
                      (kgm_tok(c, i - 1)->flags & KGT_F_CAP) &&
                      kgm_tok(c, i - 1)->sentence == t->sentence && !kgm_initial(c, i - 1);
        if (ns == 1 && !surname && !kgm_is(c, i + 1, ",") && i + 2 < c->nt &&
            (kgm_tok(c, i + 2)->flags & KGT_F_CAP) && kgm_gaz(c, i + 2, 1, &f2) == 1 &&
            kgm_tok(c, i + 2)->sentence == t->sentence &&
            (o2 < 0 || (c->m[o2].cls == KG_CLASS_PERSON && c->m[o2].tok_start == i + 2 &&
                        c->m[o2].tok_end > i + 3))) {
          size_t k2 = o2 >= 0 ? c->m[o2].tok_end : kgm_person_span(c, i + 3, 3);
          if (k2 > i + 3) {
            char nm[256];
            size_t l1, o = 0;
            const char *s1 = kgt_token_text(c->d, i, &l1);
            const char *sur = kgm_span_str(c, i + 3, k2);
            if (sur && l1 + strlen(sur) + 2 < sizeof nm) {
              memcpy(nm, s1, l1);
              o = l1;
              nm[o++] = ' ';
              memcpy(nm + o, sur, strlen(sur));
              o += strlen(sur);
              const char *name = kgm_strndup(c, nm, o);
              if (name && kgm_add(c, i, i + 1, KG_CLASS_PERSON, name, 0, KGM_SRC_PERSON) >= 0 &&
                  (o2 >= 0 || kgm_add(c, i + 2, k2, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON) >= 0))
                i = k2 - 1;
            }
          }
        }
      }
    }
  }
  /* roles: "CEO Jane Roe", "Jane Roe, chief executive of Acme" */
  for (size_t i = 0; i < c->nt; i++) {
    if (!(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_ROLE)))
      continue; /* as in kgm_pass_descriptors() */
    const KgtToken *t = kgm_tok(c, i);
    if (c->owner[i] >= 0 || t->kind != KGT_WORD || c->headline[t->sentence])
      continue;
    const KgtLexEntry *e;
    size_t m = kgm_lex(c, i, KGT_LEX_ROLE, &e);
    if (!m)
      continue;
    size_t s = kgt_doc_sentence(c->d, t->sentence)->tok_start;
    size_t j = i + m;
    /* "le PDG de Ferrari, Benedetto Vigna", "the chief executive of Zorbex, Jane Roe" */
    const KgtLexEntry *pe;
    if (j + 2 < c->nt && kgm_lex(c, j, KGT_LEX_PREP, &pe) == 1 && c->owner[j + 1] >= 0 &&
        c->m[c->owner[j + 1]].tok_start == j + 1 && kgm_is_org(c->m[c->owner[j + 1]].cls) &&
        kgm_is(c, c->m[c->owner[j + 1]].tok_end, ","))
      j = c->m[c->owner[j + 1]].tok_end;
    if (kgm_is(c, j, ","))
      j++;
    /* « l'homme d'affaires norvégien Jon Lund »: a demonym between the role and the name */
    else if (j + 1 < c->nt && c->owner[j] >= 0 && c->m[c->owner[j]].tok_start == j &&
             c->m[c->owner[j]].cls == KG_CLASS_PLACE && (c->m[c->owner[j]].flags & KGM_F_DEMONYM) &&
             !(kgm_tok(c, j)->flags & KGT_F_CAP) && c->m[c->owner[j]].tok_end < c->nt &&
             c->owner[c->m[c->owner[j]].tok_end] < 0)
      j = c->m[c->owner[j]].tok_end;
    /* « dont le directeur général est Calvo Brell », "whose chief executive is Calvo Brell":
       after a relative word, the role, one verb word, then the name */
    const KgtLexEntry *ce;
    if (j == i + m && j + 2 < c->nt && kgm_tok(c, j)->kind == KGT_WORD &&
        !(kgm_tok(c, j)->flags & KGT_F_CAP) && c->owner[j + 1] < 0 && kgm_namey(c, j + 1) &&
        ((i >= 1 && kgm_lex(c, i - 1, KGT_LEX_CLAUSE, &ce) > 0) ||
         (i >= 2 && kgm_lex(c, i - 1, KGT_LEX_DET, &ce) == 1 && kgm_lex(c, i - 2, KGT_LEX_CLAUSE, &ce) > 0)) &&
        kgm_person_span(c, j + 1, 3) >= j + 3)
      j++;
    /* "financier J.P. Morgan", "lawyer Elbert Gary": after a role, a name the gazetteer
       holds for a company but written as a person's (initials or a first name, then a
       surname) is the person */
    const KgmForm *fn;
    if (j == i + m && j + 1 < c->nt && c->owner[j] >= 0) {
      const KgmMention *om = &c->m[c->owner[j]];
      const char *w0 = kgm_tok(c, j)->lower;
      int initials = strlen(w0) >= 2 && strlen(w0) <= 5 && strchr(w0, '.') && w0[strlen(w0) - 1] == '.';
      if (om->tok_start == j && kgm_is_org(om->cls) && om->tok_end - j == 2 &&
          (initials || kgm_gaz(c, j, 1, &fn) > 0) && kgm_namey(c, j + 1) &&
          !kgm_lex(c, om->tok_end, KGT_LEX_LEGAL, &e)) {
        size_t oe = om->tok_end;
        kgm_kill(c, c->owner[j]);
        kgm_add(c, j, oe, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
        i += m - 1;
        continue;
      }
    }
    /* « l'administrateur Orvik João Brandt »: after a role, a word only capitalisation made
       a name, right before a person's name, is that person's first name */
    if (j == i + m && j + 1 < c->nt && c->owner[j] < 0 && c->owner[j + 1] >= 0 &&
        kgm_namey(c, j) && !(kgm_tok(c, j)->flags & KGT_F_ALLCAPS)) {
      int pn = c->owner[j + 1];
      if (c->m[pn].tok_start == j + 1 && c->m[pn].cls == KG_CLASS_PERSON &&
          !(c->m[pn].flags & KGM_F_ANAPHOR)) {
        size_t pe2 = c->m[pn].tok_end;
        kgm_kill(c, pn);
        kgm_add(c, j, pe2, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
        i += m - 1;
        continue;
      }
    }
    size_t k = kgm_person_span(c, j, 3);
    int named = k >= j + 2 && !kgm_lex(c, k, KGT_LEX_LEGAL, &e);
    if (named)
      kgm_add(c, j, k, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
    /* (or a person the first names found there already) */
    named |= j < c->nt && c->owner[j] >= 0 && c->m[c->owner[j]].tok_start == j &&
             c->m[c->owner[j]].cls == KG_CLASS_PERSON;
    /* look back for ", " with at most four words between it and the role; not when the
     * role is the subject of a speech verb ("Kestrel Marine, a spokesman said, ..."), nor
     * when the role names the person right after it ("Kelm, the company engineer P set up",
     * "X, including its chief executive, P") */
    int speaks = (named && (j == i + m || (j == i + m + 1 && kgm_is(c, i + m, ",")))) ||
                 (i + m < c->nt && kgm_lex1(c, i + m, KGT_LEX_SPEECH_VERB) != NULL);
    for (size_t b = i; !speaks && b > s && i - b <= 5; b--) {
      if (!kgm_is(c, b - 1, ","))
        continue;
      size_t end = b - 1, a = end;
      while (a > s && c->owner[a - 1] < 0 && kgm_namey(c, a - 1) && end - a < 3)
        a--;
      if (end - a >= 2)
        kgm_add(c, a, end, KG_CLASS_PERSON, NULL, 0, KGM_SRC_PERSON);
      break;
    }
    i += m - 1;
  }
}

/* ------------------------------------------------ pass 6: names seen before */

typedef struct {
  char key[128];
  size_t ntok;
  int id;
  int surname; /* a person's last name word, learned alone */
} KgmLearned;

/* Whether the word at @p i opens the longer name of an organization this document types
 * (by a suffix, a name word, a descriptor: "Velmora Group"): then the word alone is that
 * company before it is a person's surname — "Velmora, which is controlled by Anna
 * Velmora, …" is the family company. */
static int kgm_opens_org_name(const KgmCtx *c, size_t i) {
  const char *w = kgm_tok(c, i)->fold;
  /* "Redstone, who controls …" is the man (lexicon: clause words of value "person") */
  const KgtLexEntry *ce;
  if (i + 2 < c->nt && kgm_is(c, i + 1, ",") && kgm_lex(c, i + 2, KGT_LEX_CLAUSE, &ce) == 1 &&
      kgm_has(ce->value, "person"))
    return 0;
  for (size_t q = 0; q < c->n; q++) {
    const KgmMention *o = &c->m[q];
    if (c->aux[q].dead || !kgm_is_org(o->cls) || o->cls == KG_CLASS_ORGANIZATION ||
        (o->flags & (KGM_F_ANAPHOR | KGM_F_GUESS)) || o->tok_end - o->tok_start < 2 ||
        o->tok_start >= i)
      continue;
    if (strcmp(kgm_tok(c, o->tok_start)->fold, w) == 0)
      return 1;
  }
  return 0;
}

static void kgm_key_of(KgmCtx *c, size_t a, size_t b, char *key, size_t cap) {
  size_t o = 0;
  key[0] = '\0';
  for (size_t j = a; j < b; j++) {
    const KgtToken *t = kgm_tok(c, j);
    size_t fl = strlen(t->fold);
    if (o + fl + 2 >= cap)
      return;
    if (j > a)
      key[o++] = ' ';
    memcpy(key + o, t->fold, fl);
    o += fl;
    key[o] = '\0';
  }
}

/* strcmp(key of tokens [a, b) as kgm_key_of() makes it in @p cap bytes, @p key) == 0,
 * without making it: most tokens differ from a learned name at the first byte. */
static inline int kgm_key_is(const KgmCtx *c, size_t a, size_t b, const char *key, size_t cap) {
  /* callers try every token: most differ in their first byte already */
  if (a < b && key[0] && c->toks[a].fold[0] && c->toks[a].fold[0] != key[0])
    return 0;
  size_t o = 0;
  for (size_t j = a; j < b; j++) {
    const char *fold = kgm_tok(c, j)->fold;
    size_t fl = strlen(fold);
    if (o + fl + 2 >= cap)
      break; /* kgm_key_of() stops here */
    if (j > a && key[o++] != ' ')
      return 0;
    if (strncmp(key + o, fold, fl) != 0)
      return 0;
    o += fl;
  }
  return key[o] == '\0';
}

/* Whether a name of @p ntok tokens keyed @p key stands somewhere as an organization's: after
 * a determiner and a demonym used as a noun (« l'allemand Orvex », "the German Orvex"), with
 * a company descriptor before it (« le groupe Orvex »), or, with @p subjects, as the subject
 * opening a clause. */
static int kgm_named_as_org(KgmCtx *c, const char *key, size_t ntok, int subjects) {
  const KgtLexEntry *d;
  for (size_t i = 2; i + ntok <= c->nt; i++) {
    if (!kgm_key_is(c, i, i + ntok, key, 128))
      continue;
    if (kgm_demonym_noun_before(c, i))
      return 1;
    /* « le coutelier angevin Quervain »: a trade noun between the determiner and the
       demonym, a word no pass took */
    int p = c->owner[i - 1];
    size_t ds = p >= 0 ? c->m[p].tok_start : 0;
    if (p >= 0 && (c->m[p].flags & KGM_F_DEMONYM) && c->m[p].tok_end == i && ds >= 3 &&
        c->owner[ds - 1] < 0 && !(kgm_tok(c, ds - 1)->flags & KGT_F_CAP) &&
        kgm_tok(c, ds - 1)->kind == KGT_WORD && kgm_lex(c, ds - 2, KGT_LEX_DET, &d) > 0)
      return 1;
    if (c->desc[i].e && kgm_class_of(c->desc[i].e->value) != KG_CLASS_PRODUCT)
      return 1;
    /* « …, Tessil emploie 1 200 personnes »: the subject of a verb that opens its clause */
    if (subjects && i + ntok < c->nt && kgm_lex1(c, i + ntok, KGT_LEX_SUBJ_VERB) &&
        ((kgm_tok(c, i)->flags & KGT_F_SENT_START) || kgm_is(c, i - 1, ",")))
      return 1;
  }
  return 0;
}

static int kgm_poss_name_end(KgmCtx *c, size_t k);

/* "Seth Merrill … Merrill sold the first bottles": one word at @p i that the gazetteer took
 * for an organization by a one-word alias of a longer name is the surname of a person the
 * text named in full before it, when the text never names that organization by a longer
 * name (then the word alone stays ambiguous and the gazetteer keeps it). A company whose
 * very name is the word is most often the family's (« Anne Velmar … Velmar a levé »). */
static int kgm_surname_over_alias(KgmCtx *c, size_t i, const KgmLearned *learned, size_t nl) {
  int o = c->owner[i];
  const KgmMention *g = &c->m[o];
  if (g->tok_start != i || g->tok_end != i + 1 || !(g->flags & KGM_F_GAZETTEER) ||
      !kgm_is_org(g->cls) || (g->flags & (KGM_F_ANAPHOR | KGM_F_DEMONYM)) || c->desc[i].e ||
      !strchr(g->name, ' '))
    return 0;
  int person = 0;
  for (size_t k = 0; k < nl && !person; k++)
    person = learned[k].surname && learned[k].ntok == 1 && c->m[learned[k].id].tok_end <= i &&
             kgm_key_is(c, i, i + 1, learned[k].key, 128);
  /* the scans of every mention last, for the rare word that is a surname too */
  if (!person || kgm_opens_org_name(c, i))
    return 0;
  for (size_t q = 0; q < c->n; q++)
    if ((int)q != o && !c->aux[q].dead && c->m[q].cls == g->cls &&
        c->m[q].tok_end - c->m[q].tok_start >= 2 && strcmp(c->m[q].name, g->name) == 0)
      return 0;
  return 1;
}

static void kgm_pass_learned(KgmCtx *c) {
  KgmLearned learned[64];
  size_t nl = 0;
  size_t n0 = c->n;
  for (size_t k = 0; k < n0 && nl < 64; k++) {
    const KgmMention *m = &c->m[k];
    int src = c->aux[k].source;
    if (c->aux[k].dead || src == KGM_SRC_GUESS)
      continue;
    size_t a = m->tok_start, b = c->aux[k].name_end;
    if (src == KGM_SRC_GAZ) {
      /* a known person: later "Ferracci" alone is "Julien Ferracci" (a known name is found again
       * by the gazetteer itself) */
      if (m->cls != KG_CLASS_PERSON || b - a < 2 || (m->flags & KGM_F_ANAPHOR))
        continue;
      KgmLearned *s = &learned[nl++];
      kgm_key_of(c, b - 1, b, s->key, sizeof s->key);
      s->ntok = 1;
      s->id = (int)k;
      s->surname = 1;
      continue;
    }
    if (b - a > 6)
      continue;
    KgmLearned *l = &learned[nl];
    kgm_key_of(c, a, b, l->key, sizeof l->key);
    /* « sous les marques Orvex, Silo et Kasir » after « l'allemand Orvex »: a brand named like
       the company the text also calls by a demonym or a company noun is no product
       elsewhere */
    if (m->cls == KG_CLASS_PRODUCT && kgm_named_as_org(c, l->key, b - a, 1))
      continue;
    /* "the Velo app itself" after "to buy Velo": a cue that as often names the company
       behind the product (productcue firm) types that mention only, not every other one */
    const KgtLexEntry *fc;
    if (m->cls == KG_CLASS_PRODUCT && b < c->nt && kgm_lex(c, b, KGT_LEX_PRODUCT_CUE, &fc) > 0 &&
        kgm_has(fc->value, "firm") && kgm_has(fc->value, "after"))
      continue;
    nl++;
    l->ntok = b - a;
    l->id = (int)k;
    l->surname = 0;
    if (m->cls == KG_CLASS_PERSON && b - a >= 2 && nl < 64) {
      /* the surname alone */
      KgmLearned *s = &learned[nl++];
      kgm_key_of(c, b - 1, b, s->key, sizeof s->key);
      s->ntok = 1;
      s->id = (int)k;
      s->surname = 1;
    }
  }
  if (!nl)
    return;
  for (size_t i = 0; i < c->nt; i++) {
    if (c->owner[i] >= 0 && kgm_surname_over_alias(c, i, learned, nl))
      kgm_kill(c, c->owner[i]);
    if (c->owner[i] >= 0 || !kgm_namey(c, i))
      continue;
    for (size_t k = 0; k < nl; k++) {
      KgmLearned *l = &learned[k];
      if (i + l->ntok > c->nt || !kgm_free_span(c, i, i + l->ntok))
        continue;
      if (!kgm_key_is(c, i, i + l->ntok, l->key, 128))
        continue;
      /* a longer capitalised span is another name ("Zorbex Labs" is not "Zorbex") */
      if (i + l->ntok < c->nt && kgm_namey(c, i + l->ntok) && c->owner[i + l->ntok] < 0 &&
          kgm_tok(c, i + l->ntok)->sentence == kgm_tok(c, i)->sentence)
        continue;
      if (l->surname && kgm_opens_org_name(c, i))
        break;
      /* "Brisk & Tolland" after "Edwin Brisk": surnames joined by an ampersand name
         a firm */
      if (l->surname && ((i > 0 && kgm_is(c, i - 1, "&")) ||
                         (i + l->ntok < c->nt && kgm_is(c, i + l->ntok, "&"))))
        continue;
      /* a word that a demonym noun or a company descriptor calls an organization somewhere is
         the family's company alone, before and after the founder's full name (« le finlandais
         Velmar … Fondé par Aksel Velmar, Velmar emploie … ») */
      if (l->surname && kgm_named_as_org(c, l->key, 1, 0))
        continue;
      if (kgm_poss_name_end(c, i + l->ntok))
        break; /* "Zorbeby's agreed …" after "John Zorbeby": the company's name */
      const KgmMention *src = &c->m[l->id];
      int id = kgm_add(c, i, i + l->ntok, src->cls, src->name, 0, KGM_SRC_LEARNED);
      if (id >= 0) {
        c->m[id].maker = c->m[l->id].maker;
        c->m[id].qid = c->m[l->id].qid;
        c->m[id].country = c->m[l->id].country;
        kgm_apply_desc(c, id);
        i += l->ntok - 1;
      }
      break;
    }
  }
}

static const KgtLexEntry *kgm_appos(KgmCtx *c, size_t j, size_t *ds, size_t *de);

/* ------------------------------------------------ pass 7: capitalised spans */

/* "in Brackley, Ohio", "VELMO, Spain": an unknown name, a comma and a known place
 * (not a demonym, not "Spain's") is a town of that place, when it stands where places
 * stand: after a preposition or a determiner ("the Brackley, Ohio-based maker"),
 * at the start of a sentence (a dateline), or after another "Town, Region," in a list. */
static int kgm_city_of_region(KgmCtx *c, size_t a, size_t b) {
  if (!kgm_is(c, b, ",") || b + 1 >= c->nt)
    return 0;
  /* « de Kellerbach, dans la Hesse », « de Tarvenne, dans la préfecture d'Aichi » (a place cue
     valued region) */
  size_t r = b + 1;
  const KgtLexEntry *re;
  size_t rn = kgm_lex(c, r, KGT_LEX_PLACE_CUE, &re);
  if (rn && re->value && kgm_has(re->value, "region"))
    r += rn;
  if (r >= c->nt)
    return 0;
  int p = c->owner[r];
  if (p < 0 || c->m[p].tok_start != r || c->m[p].cls != KG_CLASS_PLACE ||
      (c->m[p].flags & (KGM_F_DEMONYM | KGM_F_ANAPHOR)) || !(c->m[p].flags & KGM_F_GAZETTEER))
    return 0;
  size_t pe = c->m[p].tok_end;
  if (pe < c->nt && kgm_tok(c, pe)->sentence == kgm_tok(c, a)->sentence &&
      (kgm_is(c, pe, "'s") || kgm_is(c, pe, "'")))
    return 0;
  if (kgm_initial(c, a))
    return 1;
  /* "leaves Dunmarrow, Ohio-based Quelvane": a region made a modifier of the name
     after it says the name before the comma is a town, wherever it stands */
  /* (not an item of a list: "… and Orsk Growth, Abu Dhabi-based Velmar, …") */
  const KgtLexEntry *le;
  if (pe < c->nt && kgm_hyphen_mod(c, pe - 1, 0) && kgm_namey(c, pe) && a > 0 &&
      !kgm_is(c, a - 1, ",") && !kgm_lex(c, a - 1, KGT_LEX_LIST_SEP, &le))
    return 1;
  const KgtLexEntry *e;
  if (a == 0)
    return 0;
  if (kgm_lex(c, a - 1, KGT_LEX_PREP, &e) || kgm_lex(c, a - 1, KGT_LEX_DET, &e))
    return 1;
  /* "a Brackley, Ohio-based provider": the indefinite article too, before a modifier */
  if (!c->fr && (kgm_is(c, a - 1, "a") || kgm_is(c, a - 1, "an")) && kgm_hyphen_mod(c, pe - 1, 0))
    return 1;
  /* "..., in Velmo, Spain, Dunmore, Ohio": after "Town, Region," */
  if (kgm_is(c, a - 1, ",") && a >= 2 && c->owner[a - 2] >= 0 &&
      c->m[c->owner[a - 2]].cls == KG_CLASS_PLACE)
    return 1;
  return 0;
}

/* A word of an adverb's shape ("Additionally", « Parallèlement »): no name before an
 * apposition's comma. */
static int kgm_adverb_shape(const KgtToken *t, int fr) {
  size_t n = strlen(t->fold);
  const char *suf = fr ? "ment" : "ly";
  size_t sn = strlen(suf);
  return n > sn + 3 && strcmp(t->fold + n - sn, suf) == 0;
}

/* A verb of the lexicon's "subjverb" entries at token @p k, with its accents as written
 * ("a", not "à"); a French reflexive is two tokens ("s'" "est"). */
static int kgm_subj_verb(KgmCtx *c, size_t k) {
  const KgtLexEntry *e = NULL;
  size_t m = kgm_lex(c, k, KGT_LEX_SUBJ_VERB, &e);
  if (m == 1)
    return strcmp(kgm_tok(c, k)->lower, e->phrase) == 0;
  if (m != 2)
    return 0;
  const char *a = kgm_tok(c, k)->lower, *b = kgm_tok(c, k + 1)->lower;
  size_t al = strlen(a);
  return al > 0 && a[al - 1] == '\'' && strncmp(e->phrase, a, al) == 0 &&
         strcmp(e->phrase + al, b) == 0;
}

/* Token @p k is a possessive glued to the name before it that a verb valued "poss"
 * follows ("Zorbex's agreed", "Velo's said"): the possessive ends the name. */
static int kgm_poss_name_end(KgmCtx *c, size_t k) {
  const KgtLexEntry *v;
  return k + 1 < c->nt && kgm_is(c, k, "'s") && !(kgm_tok(c, k)->flags & KGT_F_SPACE_BEFORE) &&
         kgm_tok(c, k + 1)->sentence == kgm_tok(c, k)->sentence && c->owner[k + 1] < 0 &&
         kgm_lex(c, k + 1, KGT_LEX_SUBJ_VERB, &v) == 1 && v->value && kgm_has(v->value, "poss") &&
         strcmp(kgm_tok(c, k + 1)->lower, v->phrase) == 0;
}

/* A hyphenated word opening a sentence may be a name ("Velo-Therm", "Q-velm") unless
 * its first part is a common word or a known place or people: "Long-term", "Non-executive",
 * "Franco-German" (modifiers such as "Ohio-based" are no name words at all). */
static int kgm_initial_hyphen_ok(KgmCtx *c, size_t i) {
  size_t len;
  const char *w = kgt_token_text(c->d, i, &len);
  const char *h = memchr(w, '-', len);
  if (!h)
    return 1;
  size_t n = (size_t)(h - w);
  if (n == 0 || h + 1 >= w + len)
    return 0;
  return !kgt_lexicon_lookup(c->lx, KGT_LEX_COMMON, kgt_doc_lang(c->d), w, n) &&
         !kgm_place_word(c, w, n);
}

/* A capitalised word alone at a sentence start, @p i, is a name when the language does
 * not use it as a common word and a verb that takes a company as subject follows:
 * "Zorbex acquired Quintal", "Zorbex a racheté", but not "Shares rose", "Analysts said",
 * "Approuvée sous conditions". */
static int kgm_initial_name(KgmCtx *c, size_t i) {
  const KgtToken *t = kgm_tok(c, i);
  if (kgm_letters(t->lower, 3) < 3 || kgm_lex1(c, i, KGT_LEX_COMMON) ||
      i + 1 >= kgm_sent_end(c, i) || !kgm_initial_hyphen_ok(c, i))
    return 0;
  /* an acronym opening a sentence ("KVR owns 55% of …", "KVR, which …") is a name only by
     what follows it right away: a verb, a possessive, a relative clause */
  int caps = (t->flags & KGT_F_ALLCAPS) != 0;
  /* "Lumetra's founder": the tokenizer split a possessive off the word */
  const KgtToken *n = kgm_tok(c, i + 1);
  if (n->kind == KGT_WORD && !(n->flags & KGT_F_SPACE_BEFORE) &&
      (strcmp(n->fold, "'s") == 0 || strcmp(n->fold, "'") == 0))
    return 1;
  /* "Selmar, which employs ...", « Selmar, qui emploie ... »: a relative clause opens */
  if (strcmp(n->fold, ",") == 0 && i + 2 < kgm_sent_end(c, i) &&
      kgm_lex(c, i + 2, KGT_LEX_CLAUSE, NULL) == 1 && kgm_lex(c, i + 2, KGT_LEX_ANAPHOR, NULL) == 0 &&
      !(kgm_tok(c, i + 2)->flags & KGT_F_CAP))
    return 1;
  /* "Velotherm, founded in 2009 by …", « Velotherm, détenue par … »: a participle (the
     lexicon's "notname" entries valued "participle"), then a preposition */
  /* ("Velotherm, long run by …", « Velotherm, longtemps dirigée par … »: an adverb first) */
  const KgtLexEntry *pe;
  size_t pp = i + 2, am;
  if (strcmp(n->fold, ",") == 0 && pp < kgm_sent_end(c, i) && !(kgm_tok(c, pp)->flags & KGT_F_CAP) &&
      (am = kgm_lex(c, pp, KGT_LEX_NOT_NAME, &pe)) > 0 && pe->value && kgm_has(pe->value, "adverb"))
    pp += am;
  if (strcmp(n->fold, ",") == 0 && pp + 1 < kgm_sent_end(c, i) &&
      !(kgm_tok(c, pp)->flags & KGT_F_CAP) && kgm_lex(c, pp, KGT_LEX_NOT_NAME, &pe) == 1 &&
      pe->value && kgm_has(pe->value, "participle") &&
      strcmp(kgm_tok(c, pp)->lower, pe->phrase) == 0 && kgm_lex(c, pp + 1, KGT_LEX_PREP, NULL) > 0)
    return 1;
  /* « Calverde, propriétaire des marques … », "Kestrel, owner of …": an apposition that opens
     with a noun only organizations take (notname valued appos) and its complement */
  if (strcmp(n->fold, ",") == 0 && i + 3 < kgm_sent_end(c, i) && !(kgm_tok(c, i + 2)->flags & KGT_F_CAP) &&
      (am = kgm_lex(c, i + 2, KGT_LEX_NOT_NAME, &pe)) > 0 && pe->value && kgm_has(pe->value, "appos") &&
      i + 2 + am < kgm_sent_end(c, i) && kgm_lex(c, i + 2 + am, KGT_LEX_GENITIVE, NULL) > 0)
    return 1;
  /* "Quantor, the quantum computing company majority-owned by …", « Brookor, une société
     de … »: an apposition with a determiner and a company noun a few words on */
  if (!caps && strcmp(n->fold, ",") == 0 && i + 3 < kgm_sent_end(c, i) &&
      kgm_lex(c, i + 2, KGT_LEX_DET, NULL) > 0 && !kgm_lex1(c, i, KGT_LEX_NOT_NAME) &&
      !kgm_adverb_shape(t, c->fr)) {
    size_t lim = kgm_sent_end(c, i);
    for (size_t k = i + 2; k < lim && k <= i + 7; k++) {
      if (kgm_lex(c, k, KGT_LEX_DESCRIPTOR, NULL) > 0)
        return 1;
      if (kgm_tok(c, k)->kind == KGT_PUNCT)
        break;
    }
  }
  /* accents as written: "a racheté", not "à" */
  const KgtLexEntry *e;
  /* "Pellix and Daranet, which …": a conjunction, then another name no common word */
  if (!caps && n->kind == KGT_WORD && kgm_lex(c, i + 1, KGT_LEX_LIST_SEP, &e) == 1 &&
      i + 2 < kgm_sent_end(c, i) &&
      ((c->owner[i + 2] >= 0 && kgm_is_org(c->m[c->owner[i + 2]].cls) &&
        c->m[c->owner[i + 2]].tok_start == i + 2) ||
       (c->owner[i + 2] < 0 && kgm_namey(c, i + 2) && !kgm_lex1(c, i + 2, KGT_LEX_COMMON) &&
        !(kgm_tok(c, i + 2)->flags & KGT_F_ALLCAPS))))
    return 1;
  /* "Dornell and its parent Quellix Holdings": a conjunction, a possessive and a name a
     few words on */
  const KgtLexEntry *pa;
  if (!caps && n->kind == KGT_WORD && kgm_lex(c, i + 1, KGT_LEX_LIST_SEP, &e) == 1 &&
      kgm_lex(c, i + 2, KGT_LEX_ANAPHOR, &pa) == 1 && kgm_has(pa->value, "poss")) {
    size_t lim2 = kgm_sent_end(c, i);
    for (size_t q = i + 3; q < lim2 && q <= i + 5; q++) {
      if (c->owner[q] >= 0 && kgm_is_org(c->m[c->owner[q]].cls))
        return 1;
      if (kgm_tok(c, q)->kind != KGT_WORD || (kgm_tok(c, q)->flags & KGT_F_CAP))
        break;
    }
  }
  if (kgm_subj_verb(c, i + 1) || kgm_poss_name_end(c, i + 1))
    return 1;
  /* "Kestrel last year completed …", "Kestrel also bought …": an adverb of the lexicon
     ("notname" entries valued "adverb") between the name and its verb */
  if (caps)
    return 0;
  size_t lim = kgm_sent_end(c, i), k = i + 1, m;
  if ((kgm_tok(c, k)->flags & KGT_F_CAP) || !(m = kgm_lex(c, k, KGT_LEX_NOT_NAME, &e)) ||
      !e->value || !kgm_has(e->value, "adverb") || k + m >= lim)
    return 0;
  k += m;
  return kgm_subj_verb(c, k);
}


/* A hyphenated word both of whose parts are places or peoples: "French-Israeli",
 * "Anglo-Dutch" qualify a noun, they name nothing. */
static int kgm_demonym_pair(KgmCtx *c, size_t i) {
  size_t len;
  const char *w = kgt_token_text(c->d, i, &len);
  const char *h = kgm_tok(c, i)->kind == KGT_WORD ? memchr(w, '-', len) : NULL;
  if (!h || h == w || h + 1 >= w + len || memchr(h + 1, '-', (size_t)(w + len - h - 1)))
    return 0;
  return kgm_place_word(c, w, (size_t)(h - w)) &&
         kgm_place_word(c, h + 1, (size_t)(w + len - h - 1));
}

/* "le fabricant suisse de robinetterie von Ostermaier Armaturen": lower-case particles of
 * company names right before an organization's name open it, unless a capitalised word
 * comes before them ("Jakob von Ostermaier" is a person's name, read elsewhere). */
static void kgm_pass_particle_starts(KgmCtx *c) {
  for (size_t k = 0; k < c->n; k++) {
    KgmMention *m = &c->m[k];
    if (c->aux[k].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_GAZETTEER | KGM_F_ANAPHOR)) ||
        m->tok_start < 2 || !(kgm_tok(c, m->tok_start)->flags & KGT_F_CAP))
      continue;
    size_t s = kgt_doc_sentence(c->d, kgm_tok(c, m->tok_start)->sentence)->tok_start, a = m->tok_start;
    while (a > s && c->owner[a - 1] < 0 && kgm_company_particles(c, a - 1, a) == a)
      a--;
    if (a == m->tok_start || (a > s && (kgm_tok(c, a - 1)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
                              kgm_tok(c, a - 1)->kind == KGT_WORD))
      continue;
    const char *old = kgm_span_str(c, m->tok_start, c->aux[k].name_end);
    int renamed = old && m->name && strcmp(old, m->name) == 0;
    for (size_t j = a; j < m->tok_start; j++)
      c->owner[j] = (int)k;
    if (m->desc_start == m->tok_start && m->desc_end == m->tok_start)
      m->desc_start = m->desc_end = a; /* no descriptor before it */
    m->tok_start = a;
    m->surface = kgm_span_str(c, a, m->tok_end);
    if (renamed)
      m->name = kgm_span_str(c, a, c->aux[k].name_end);
  }
  /* "Von Ostermaier, qui …" opening a sentence is the "von Ostermaier Armaturen" named before:
     the particle's capital is the sentence's */
  for (size_t k = 0; k < c->n; k++) {
    KgmMention *m = &c->m[k];
    size_t a = m->tok_start;
    if (c->aux[k].dead || !kgm_is_org(m->cls) || (m->flags & (KGM_F_GAZETTEER | KGM_F_ANAPHOR)) ||
        !kgm_initial(c, a) || !m->name || m->name[0] < 'A' || m->name[0] > 'Z')
      continue;
    const KgtLexEntry *pe;
    if (kgm_lex(c, a, KGT_LEX_PARTICLE, &pe) < 1 || !pe->value || !kgm_has(pe->value, "company"))
      continue;
    size_t ln = strlen(m->name);
    for (size_t q = 0; q < c->n; q++) {
      const KgmMention *o = &c->m[q];
      if (q == k || c->aux[q].dead || !kgm_is_org(o->cls) || (o->flags & KGM_F_ANAPHOR) ||
          !o->name || o->name[0] != m->name[0] + ('a' - 'A') || strncmp(o->name + 1, m->name + 1, ln - 1) != 0 ||
          (o->name[ln] && o->name[ln] != ' '))
        continue;
      char *lw = (char *)kgm_strndup(c, m->name, ln);
      if (lw) {
        lw[0] = (char)(lw[0] + ('a' - 'A'));
        m->name = lw;
      }
      break;
    }
  }
}

/* « Lyon Fruitière », « Rhône Avenir »: a place of one word, written as a name, that no
 * preposition of place introduces (« à Lyon Orvex … » is rare; « de » is the genitive of a
 * name too), right before one capitalised word no list holds, opens that word's name. */
static int kgm_place_opens_name(KgmCtx *c, int p) {
  const KgmMention *pm = &c->m[p];
  const KgtLexEntry *e;
  size_t a = pm->tok_start;
  if (pm->cls != KG_CLASS_PLACE || pm->tok_end != a + 1 ||
      (pm->flags & (KGM_F_DEMONYM | KGM_F_WIDE | KGM_F_LOWER)) ||
      (kgm_tok(c, a)->flags & KGT_F_ALLCAPS) || c->headline[kgm_tok(c, a)->sentence])
    return 0;
  if (a > 0 && kgm_tok(c, a - 1)->sentence == kgm_tok(c, a)->sentence &&
      kgm_lex(c, a - 1, KGT_LEX_PREP, &e) == 1 && !kgm_lex(c, a - 1, KGT_LEX_GENITIVE, &e))
    return 0;
  return 1;
}

/* A guessed name of class @p cls from token @p a through the end of mention @p kn, which it
 * replaces (the words before a known name that belong to it). Returns its end. */
static size_t kgm_guess_through(KgmCtx *c, size_t a, int kn, KgClass cls) {
  size_t ke = c->m[kn].tok_end;
  kgm_kill(c, kn);
  kgm_apply_desc(c, kgm_add(c, a, ke, cls, NULL, KGM_F_GUESS, KGM_SRC_GUESS));
  return ke;
}

/* Token @p i is written as the first word of a longer organization's name the text gives
 * with a legal suffix, a name word or a descriptor ("K&V" after "K&V Group Plc"). */
static int kgm_opens_named_org(const KgmCtx *c, size_t i) {
  const char *w = kgm_tok(c, i)->fold;
  for (size_t q = 0; q < c->n; q++) {
    const KgmMention *m = &c->m[q];
    if (!c->aux[q].dead && kgm_is_org(m->cls) && m->tok_end > m->tok_start + 1 &&
        m->tok_start != i && m->cls != KG_CLASS_ORGANIZATION && !(m->flags & KGM_F_ANAPHOR) &&
        strcmp(kgm_tok(c, m->tok_start)->fold, w) == 0)
      return 1;
  }
  return 0;
}

/* Token @p i stands in a list next to an organization's name: "Harlow and Velmar Group",
 * "Velmar, Harlow and Orsk Inc", "Velmar and its partner Harlow". */
static int kgm_listed_with_org(const KgmCtx *c, size_t i) {
  const KgtLexEntry *e;
  size_t s = kgm_tok(c, i)->sentence, j = i;
  /* "Velmar and its partner Harlow": the company's possessive and a noun between */
  if (i >= 4 && kgm_tok(c, i - 1)->kind == KGT_WORD && !(kgm_tok(c, i - 1)->flags & KGT_F_CAP) &&
      kgm_lex(c, i - 2, KGT_LEX_ANAPHOR, &e) == 1 && kgm_has(e->value, "poss"))
    i -= 2;
  if (i >= 2 && kgm_lex(c, i - 1, KGT_LEX_LIST_SEP, &e) == 1 && c->owner[i - 2] >= 0 &&
      kgm_tok(c, i - 2)->sentence == s && kgm_is_org(c->m[c->owner[i - 2]].cls) &&
      c->m[c->owner[i - 2]].tok_end == i - 1)
    return 1;
  return j + 2 < c->nt && kgm_lex(c, j + 1, KGT_LEX_LIST_SEP, &e) == 1 && c->owner[j + 2] >= 0 &&
         kgm_tok(c, j + 2)->sentence == s && kgm_is_org(c->m[c->owner[j + 2]].cls) &&
         c->m[c->owner[j + 2]].tok_start == j + 2;
}

/* "Retour en demi-teinte pour Marius … avait racheté Marius en 2015": news names a person
 * in full and then by the surname, never by the first name alone; a first name the text uses
 * alone at least twice (once inside a sentence) and never after a title, a role or another
 * capitalised word names an organization; each use before a capitalised word (a surname, a
 * unit's name) asks for one more lone use. */
/* One look-up per first name and document: the answer is kept for every use of it, and a
 * text of many first names gets no more than KGM_FN_SCANS look-ups (each reads the whole
 * text), so no input makes this quadratic. */
#define KGM_FN_SCANS 64

static int kgm_first_name_scan(KgmCtx *c, const char *w) {
  size_t alone = 0, inside = 0, longer = 0;
  for (size_t k = 0; k < c->nt; k++) {
    const KgtToken *t = kgm_tok(c, k);
    if (t->kind != KGT_WORD || strcmp(t->fold, w) != 0)
      continue;
    if (c->headline[t->sentence] || !(t->flags & KGT_F_CAP))
      return 0;
    const KgtToken *p = k > 0 ? kgm_tok(c, k - 1) : NULL, *n = k + 1 < c->nt ? kgm_tok(c, k + 1) : NULL;
    /* a capitalised word after it: a surname (« Jérôme de Metz »), a name of its own ("David's
       Bridal") or a unit of the company ("Lorenzo Helicopters"); the lone uses must
       outnumber such ones well. A title or a role before it makes it a person's. */
    size_t nx = k + 1 + (n && (strcmp(n->fold, "'s") == 0 || kgm_lex1(c, k + 1, KGT_LEX_PARTICLE)));
    if (n && nx < c->nt && kgm_tok(c, nx)->sentence == t->sentence &&
        kgm_tok(c, nx)->kind == KGT_WORD && (kgm_tok(c, nx)->flags & KGT_F_CAP)) {
      longer++;
      continue;
    }
    if (p && p->sentence == t->sentence && !kgm_initial(c, k) &&
        (((p->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && !kgm_initial(c, k - 1)) ||
         kgm_lex1(c, k - 1, KGT_LEX_TITLE) || kgm_lex1(c, k - 1, KGT_LEX_ROLE)))
      return 0;
    alone++;
    inside += !kgm_initial(c, k);
  }
  return alone >= 2 + longer && inside >= 1;
}

static int kgm_first_name_as_org(KgmCtx *c, size_t i) {
  if (!c->fn_org[i]) {
    if (c->fn_scans >= KGM_FN_SCANS)
      return 0;
    c->fn_scans++;
    const char *w = kgm_tok(c, i)->fold;
    unsigned char v = kgm_first_name_scan(c, w) ? 1 : 2;
    for (size_t k = i; k < c->nt; k++)
      if (strcmp(kgm_tok(c, k)->fold, w) == 0)
        c->fn_org[k] = v;
  }
  return c->fn_org[i] == 1;
}

static void kgm_pass_guesses(KgmCtx *c) {
  for (size_t i = 0; i < c->nt; i++) {
    const KgtToken *t = kgm_tok(c, i);
    if (c->owner[i] >= 0 || c->headline[t->sentence])
      continue;
    if ((t->flags & KGT_F_CAP) && kgm_demonym_pair(c, i))
      continue;
    /* "NOK 600 million", "pay USD 900 million": a currency's code next to its number */
    const KgtLexEntry *ce;
    if ((t->flags & KGT_F_ALLCAPS) && kgm_lex(c, i, KGT_LEX_CURRENCY, &ce) == 1 &&
        ((i + 1 < c->nt && kgm_tok(c, i + 1)->kind == KGT_NUMBER) ||
         (i > 0 && kgm_tok(c, i - 1)->kind == KGT_NUMBER)))
      continue;
    /* "Quintal-owned", "Kestrel-backed": the name before an ownership participle is an
     * owner or a backer, a company no list holds */
    if (t->kind == KGT_WORD && (t->flags & KGT_F_CAP) && !kgm_initial(c, i) &&
        kgm_modifier_tok(c, i)) { /* not "Family-controlled X" opening a sentence */
      size_t len;
      const char *w = kgt_token_text(c->d, i, &len);
      const char *h = memchr(w, '-', len);
      size_t n = h ? (size_t)(h - w) : 0;
      int own = h && memchr(h + 1, '-', len - n - 1) == NULL && kgm_hyphen_mod(c, i, 1);
      /* not a place or a people: "Japanese-owned", "French-owned" */
      own = own && !kgm_place_word(c, w, n);
      if (own && n >= 2 && kgm_letters(w, 3) >= 2) {
        const char *name = kgm_strndup(c, w, n);
        if (name)
          kgm_add(c, i, i + 1, KG_CLASS_ORGANIZATION, name, KGM_F_GUESS, KGM_SRC_GUESS);
        continue;
      }
    }
    /* wire copy marks companies: "<United Savings and Loan Association>" */
    if (t->fold[0] == '<' && !t->fold[1] && i + 2 < c->nt && !(kgm_tok(c, i + 1)->flags & KGT_F_SPACE_BEFORE)) {
      size_t e = i + 1, lim = kgm_sent_end(c, i);
      while (e < lim && e - i < 10 && strcmp(kgm_tok(c, e)->fold, ">") != 0 &&
             kgm_tok(c, e)->kind != KGT_PUNCT)
        e++;
      /* "<SIEG.F>", "<LFT>": a stock ticker, not a company's name */
      int ticker = e == i + 2 && kgm_ticker_tok(c, i + 1) &&
                   (strchr(kgm_tok(c, i + 1)->lower, '.') ||
                    kgm_letters(kgm_tok(c, i + 1)->lower, 6) <= 5);
      /* names found inside by other passes: one that is the whole name takes the
       * brackets; pieces of it guessed apart ("<Voice Systems and Services Inc>") give way */
      int whole = -1, pieces = 1;
      if (e < lim && e > i + 1 && strcmp(kgm_tok(c, e)->fold, ">") == 0 && !ticker &&
          (kgm_tok(c, i + 1)->flags & KGT_F_CAP) && !kgm_free_span(c, i + 1, e) &&
          c->owner[i] < 0 && c->owner[e] < 0) {
        for (size_t q = i + 1; q < e && pieces; q++) {
          int o = c->owner[q];
          if (o < 0)
            continue;
          const KgmMention *om = &c->m[o];
          if (om->tok_start == i + 1 && om->tok_end == e)
            whole = o;
          else if (om->tok_start <= i || om->tok_end > e || (om->flags & KGM_F_GAZETTEER) ||
                   !kgm_is_org(om->cls))
            pieces = 0;
        }
        if (whole >= 0) {
          c->m[whole].tok_start = i;
          c->m[whole].tok_end = e + 1;
          c->owner[i] = c->owner[e] = whole;
          i = e;
          continue;
        }
        for (size_t q = i + 1; q < e && pieces; q++)
          if (c->owner[q] >= 0)
            kgm_kill(c, c->owner[q]);
      }
      if (e < lim && e > i + 1 && strcmp(kgm_tok(c, e)->fold, ">") == 0 && !ticker &&
          (kgm_tok(c, i + 1)->flags & KGT_F_CAP) && kgm_free_span(c, i + 1, e)) {
        const KgtLexEntry *le;
        size_t ne = e;
        /* keep legal suffixes out of the name */
        for (size_t q = i + 2; q < e; q++)
          if (kgm_lex(c, q, KGT_LEX_LEGAL, &le)) {
            ne = q;
            break;
          }
        /* the brackets belong to the mention ("to acquire <Voice Systems Inc> for"), not
         * to its name */
        int id = kgm_add(c, i, e + 1, kgm_class_of(ne < e ? le->value : "Organization"),
                         kgm_span_str(c, i + 1, ne), 0, KGM_SRC_BRACKET);
        if (id >= 0) {
          c->aux[id].name_end = ne;
          c->m[id].surface = kgm_span_str(c, i + 1, e);
        }
        i = e;
        continue;
      }
    }
    if (!kgm_namey(c, i))
      continue;
    size_t e = kgm_caps_span(c, i, 0, 6);
    if (e == i)
      continue;
    /* "Adding Orsk would …", "Buying Orsk gives …": an English gerund opening the sentence
       is the verb of a clause whose object is the name after it */
    size_t wl = strlen(t->lower);
    if (!c->fr && e > i + 1 && kgm_initial(c, i) && wl > 5 && strcmp(t->lower + wl - 3, "ing") == 0 &&
        kgm_lex1(c, i, KGT_LEX_COMMON) && !kgm_lex1(c, i, KGT_LEX_ORGWORD))
      continue;
    /* "Brell Velmar agreed …": in English an unknown capitalised word, no common word nor
       first name, right before a known company's name is the first word of a longer name
       (at a sentence's start too) */
    int kg = e == i + 1 && e < c->nt ? c->owner[e] : -1;
    const KgmForm *ff;
    if (!c->fr && kg >= 0 && c->m[kg].tok_start == e && kgm_is_org(c->m[kg].cls) &&
        (c->m[kg].flags & KGM_F_GAZETTEER) && !(c->m[kg].flags & (KGM_F_ANAPHOR | KGM_F_SHARED)) &&
        c->m[kg].desc_start >= c->m[kg].tok_start && (kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE) &&
        kgm_tok(c, e)->sentence == t->sentence && !(t->flags & KGT_F_ALLCAPS) &&
        !kgm_lex1(c, i, KGT_LEX_COMMON) && !kgm_gaz(c, i, 1, &ff) && !strchr(t->lower, '-') &&
        !kgm_lex1(c, i, KGT_LEX_ORGWORD) && kgm_letters(t->lower, 3) >= 3) {
      i = kgm_guess_through(c, i, kg, c->m[kg].cls) - 1;
      continue;
    }
    size_t len = e - i;
    size_t ds, de;
    if (len <= 3 && (i == 0 || c->owner[i - 1] < 0) && kgm_city_of_region(c, i, e)) {
      kgm_add(c, i, e, KG_CLASS_PLACE, NULL, 0, KGM_SRC_GUESS);
      i = e - 1;
      continue;
    }
    /* "the New Lisbon, Ohio-based company": a town whose name ends with a known place's */
    int kp = e < c->nt ? c->owner[e] : -1;
    if (len <= 2 && kp >= 0 && c->m[kp].tok_start == e && c->m[kp].cls == KG_CLASS_PLACE &&
        !(c->m[kp].flags & KGM_F_DEMONYM) && (kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE) &&
        (i == 0 || c->owner[i - 1] < 0) && kgm_city_of_region(c, i, c->m[kp].tok_end)) {
      size_t pe = c->m[kp].tok_end;
      kgm_kill(c, kp);
      kgm_add(c, i, pe, KG_CLASS_PLACE, NULL, 0, KGM_SRC_GUESS);
      i = pe - 1;
      continue;
    }
    if (len == 1) {
      const KgtLexEntry *le;
      if (kgm_letters(t->lower, 2) < 2)
        continue; /* "série A" */
      if (kgm_lex(c, i, KGT_LEX_LEGAL, &le))
        continue; /* a legal suffix left alone: "Holdings Canada Inc" */
      if (kgm_lex(c, i, KGT_LEX_ORGWORD, &le) == 1 && kgm_has(le->arg[0], "head")) {
        /* « la Fondation Velmar »: a head word of a nonprofit right before a company's
           name makes the company's foundation, another body (not « le Groupe Velmar ») */
        int fk = e < c->nt ? c->owner[e] : -1;
        if (c->fr && fk >= 0 && c->m[fk].tok_start == e && kgm_is_org(c->m[fk].cls) &&
            !(c->m[fk].flags & (KGM_F_ANAPHOR | KGM_F_SHARED)) && kgm_tok(c, e)->sentence == t->sentence &&
            kgm_class_of(le->value) == KG_CLASS_NONPROFIT) {
          size_t fe = c->m[fk].tok_end;
          kgm_kill(c, fk);
          kgm_add(c, i, fe, KG_CLASS_NONPROFIT, NULL, 0, KGM_SRC_GUESS);
          i = fe - 1;
        }
        continue; /* « le Conseil a tranché »: a head word alone is no name */
      }
      if (i > 0 && i + 1 < c->nt && strcmp(kgm_tok(c, i - 1)->fold, "<") == 0 &&
          strcmp(kgm_tok(c, i + 1)->fold, ">") == 0 && (t->flags & KGT_F_ALLCAPS))
        continue; /* "<SIEG.F>": a stock ticker */
      if (kgm_initial(c, i) && !kgm_appos(c, e, &ds, &de) && !kgm_initial_name(c, i) &&
          !((t->flags & KGT_F_ALLCAPS) && kgm_opens_named_org(c, i)))
        continue; /* "Revenue rose", but "Zorbex, a startup, ...", "Zorbex acquired" */
      /* French capitalises no common noun inside a sentence, so a capitalised common word
       * there names an event, a place or a body by its noun (« les Journées européennes »,
       * « la Police »), not an organization of its own; unless an apposition says it is */
      int after_name = i > 0 && c->owner[i - 1] >= 0 &&
                       (kgm_tok(c, i)->flags & KGT_F_SPACE_BEFORE) &&
                       kgm_is_org(c->m[c->owner[i - 1]].cls); /* "Zorbex Designer" */
      if (c->fr && !(t->flags & KGT_F_ALLCAPS) && kgm_lex1(c, i, KGT_LEX_COMMON) &&
          !after_name && !kgm_appos(c, e, &ds, &de))
        continue;
      if ((t->flags & KGT_F_ALLCAPS) && kgm_letters(t->lower, 3) <= 2 && !kgm_opens_named_org(c, i))
        continue; /* "AI", "TV"; but "K&V" after "K&V Group Plc" */
      /* a first name alone is no name, unless it is listed with organizations and the
         first-name list says it is other things too (lang any): "rivals such as Harlow and
         Velmar Group" */
      const KgmForm *f;
      if (kgm_gaz(c, i, 1, &f) &&
          !(f->entry < c->g->n && c->g->entries[f->entry].extra &&
            strcmp(c->g->entries[f->entry].extra, "any") == 0 && kgm_listed_with_org(c, i)) &&
          !kgm_first_name_as_org(c, i))
        continue;
    } else if (kgm_initial(c, i) && kgm_stop(c, i)) {
      continue;
    }
    /* a capitalised demonym or a known organization right before belongs to the name:
     * "Northern Trade Area", "Zorbex Gaming" */
    size_t a = i;
    KgClass gcls = KG_CLASS_ORGANIZATION;
    int p = i > 0 ? c->owner[i - 1] : -1;
    /* not "Halvik-backed Velmora": a known name inside a modifier stays the modifier's */
    if (p >= 0 && c->m[p].tok_end == i && (t->flags & KGT_F_SPACE_BEFORE) &&
        !(c->m[p].flags & KGM_F_SHARED) && !kgm_modifier_tok(c, i - 1) &&
        (kgm_tok(c, c->m[p].tok_start)->flags & KGT_F_CAP) &&
        (((c->m[p].flags & KGM_F_DEMONYM) && c->m[p].tok_end - c->m[p].tok_start == 1) ||
         (kgm_is_org(c->m[p].cls) && (c->m[p].flags & KGM_F_GAZETTEER) &&
          c->aux[p].name_end == c->m[p].tok_end) ||
         (len == 1 && kgm_place_opens_name(c, p)))) {
      a = c->m[p].tok_start;
      /* "Zorbex Gaming": a unit of a known company is a company */
      if (c->m[p].cls == KG_CLASS_COMPANY && !(c->m[p].flags & KGM_F_DEMONYM))
        gcls = KG_CLASS_COMPANY;
      kgm_kill(c, p);
    }
    /* « Moulins Velmar », « Malteries Velmar »: in French a capitalised word right before a
       company's name (a unit named by its trade) makes one name with it */
    int kn = e < c->nt ? c->owner[e] : -1;
    const KgmForm *fn;
    if (c->fr && e == a + 1 && !kgm_initial(c, a) && kn >= 0 && c->m[kn].tok_start == e &&
        !strchr(kgm_tok(c, a)->lower, '-') && !kgm_gaz(c, a, 1, &fn) && /* « Marie-Anne Velmar » */
        kgm_is_org(c->m[kn].cls) && !(c->m[kn].flags & (KGM_F_ANAPHOR | KGM_F_SHARED)) &&
        c->m[kn].desc_start >= c->m[kn].tok_start && (kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE) &&
        kgm_tok(c, e)->sentence == t->sentence) {
      KgClass kc = c->m[kn].cls == KG_CLASS_ORGANIZATION ? gcls : c->m[kn].cls;
      i = kgm_guess_through(c, a, kn, kc) - 1;
      continue;
    }
    /* "Vodafino Italia", "Bollard Africa Logistics": a country or town after a guessed name
       is its unit there, or part of a name that goes on in capitals */
    size_t pa = kgm_company_particles(c, e, kgm_sent_end(c, i)); /* "Couros Velmar do Brasil" */
    int pl = pa < c->nt ? c->owner[pa] : -1;
    if (pa > e && pl >= 0 && c->m[pl].tok_start == pa && c->m[pl].cls == KG_CLASS_PLACE &&
        c->m[pl].tok_end == pa + 1 && (kgm_tok(c, pa)->flags & KGT_F_CAP) &&
        !(c->m[pl].flags & (KGM_F_DEMONYM | KGM_F_SHARED)))
      e = pa;
    else
      pl = e < c->nt ? c->owner[e] : -1;
    if (pl >= 0 && c->m[pl].tok_start == e && c->m[pl].cls == KG_CLASS_PLACE &&
        c->m[pl].tok_end == e + 1 && !(c->m[pl].flags & (KGM_F_DEMONYM | KGM_F_SHARED)) &&
        (kgm_tok(c, e)->flags & KGT_F_CAP) && (kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE) &&
        !strchr(kgm_tok(c, e)->lower, '-') && kgm_tok(c, e)->sentence == t->sentence) {
      size_t after = e + 1;
      size_t e2 = after < c->nt && c->owner[after] < 0 && kgm_tok(c, after)->sentence == t->sentence &&
                          (kgm_tok(c, after)->flags & KGT_F_SPACE_BEFORE)
                      ? kgm_caps_span(c, after, 0, 3) : after;
      if (e2 > after) {
        kgm_kill(c, pl);
        e = e2;
      } else if (!(after < c->nt && (kgm_is(c, after, "'s") || kgm_is(c, after, "'")))) {
        kgm_kill(c, pl);
        e = after;
      }
    }
    if (e < c->nt && c->owner[e] < 0 && kgm_poss_name_end(c, e))
      e++; /* "Zorbex's agreed …": the company is "Zorbex's" */
    if (a == i && kgm_cap_article_opens(c, i))
      a = i - 1; /* « pour La Belle Velmar » */
    int id = kgm_add(c, a, e, gcls, NULL, KGM_F_GUESS, KGM_SRC_GUESS);
    kgm_apply_desc(c, id);
    i = e - 1;
  }
}

/* "Carla's Velmar", "Sven's Bakery": a first name alone, its possessive, then a guessed
 * name is one company's name, the founder's first name in it — news names a person by the
 * first name alone almost never. Not after a capitalised word ("Jon Lund's Velmar" is his
 * company), and only for a guess: "Carla's Orsk" with Orsk a known company stays apart. */
static void kgm_pass_first_name_poss(KgmCtx *c) {
  size_t n0 = c->n;
  for (size_t q = 0; q < n0; q++) {
    const KgmMention *m = &c->m[q];
    size_t a = m->tok_start;
    const KgmForm *fn;
    if (c->aux[q].dead || c->aux[q].source != KGM_SRC_GUESS || !kgm_is_org(m->cls) || a < 2 ||
        m->desc_start < a || !kgm_is(c, a - 1, "'s") ||
        (kgm_tok(c, a - 1)->flags & KGT_F_SPACE_BEFORE) || c->owner[a - 1] >= 0 ||
        c->owner[a - 2] >= 0 || kgm_tok(c, a - 2)->sentence != kgm_tok(c, a)->sentence)
      continue;
    const KgtToken *ft = kgm_tok(c, a - 2);
    if (ft->kind != KGT_WORD || !(ft->flags & KGT_F_CAP) || (ft->flags & KGT_F_ALLCAPS) ||
        kgm_gaz(c, a - 2, 1, &fn) != 1)
      continue;
    if (a >= 3 && kgm_tok(c, a - 3)->sentence == ft->sentence &&
        kgm_tok(c, a - 3)->kind == KGT_WORD && (kgm_tok(c, a - 3)->flags & KGT_F_CAP))
      continue;
    size_t e = m->tok_end;
    if (e == a + 1 && kgm_lex1(c, a, KGT_LEX_COMMON))
      continue; /* "Valentine's Day" */
    KgClass cls = m->cls;
    kgm_kill(c, (int)q);
    kgm_add(c, a - 2, e, cls, NULL, KGM_F_GUESS, KGM_SRC_GUESS);
  }
}

/* "Zorbex's agreed …" made "Zorbex's" a name: later "Zorbex's chief executive" is that
 * company too (its possessive is written the same), not a company "Zorbex". */
static void kgm_pass_poss_names(KgmCtx *c) {
  size_t n0 = c->n;
  for (size_t q = 0; q < n0; q++) {
    const KgmMention *m = &c->m[q];
    size_t a = m->tok_start, e = m->tok_end;
    /* (a surname alone too: "Zorbeby's board" after a "John Zorbeby") */
    if (c->aux[q].dead || (m->flags & KGM_F_ANAPHOR) || e >= c->nt ||
        !(kgm_is_org(m->cls) || (m->cls == KG_CLASS_PERSON && e == a + 1)) ||
        c->owner[e] >= 0 || !kgm_is(c, e, "'s") || (kgm_tok(c, e)->flags & KGT_F_SPACE_BEFORE))
      continue;
    int found = -1;
    for (size_t r = 0; r < n0 && found < 0; r++) {
      const KgmMention *o = &c->m[r];
      size_t oa = o->tok_start, oe = o->tok_end;
      if (r == q || c->aux[r].dead || !kgm_is_org(o->cls) || oe - oa != e - a + 1 ||
          !kgm_is(c, oe - 1, "'s"))
        continue;
      int same = 1;
      for (size_t k = 0; k < e - a && same; k++)
        same = strcmp(kgm_tok(c, a + k)->lower, kgm_tok(c, oa + k)->lower) == 0;
      if (same)
        found = (int)r;
    }
    if (found < 0)
      continue;
    KgClass cls = c->m[found].cls;
    kgm_kill(c, (int)q);
    int id = kgm_add(c, a, e + 1, cls, NULL, 0, KGM_SRC_LEARNED);
    if (id >= 0)
      kgm_apply_desc(c, id);
  }
}

/* A capitalised word that starts a sentence is no name by itself ("Revenue rose"), but it
 * is when the same word was guessed a name elsewhere in the text ("Velorane a pris..."
 * after "... de Velorane"). */
static void kgm_pass_initial_repeats(KgmCtx *c) {
  size_t n0 = c->n;
  for (size_t i = 0; i < c->nt; i++) {
    const KgtToken *t = kgm_tok(c, i);
    if (c->owner[i] >= 0 || c->headline[t->sentence] || !kgm_initial(c, i) ||
        !kgm_namey(c, i) || (i + 1 < c->nt && kgm_namey(c, i + 1)))
      continue;
    for (size_t k = 0; k < n0; k++) {
      const KgmMention *m = &c->m[k];
      if (c->aux[k].dead || c->aux[k].source != KGM_SRC_GUESS || m->tok_end != m->tok_start + 1 ||
          strcmp(kgm_tok(c, m->tok_start)->fold, t->fold) != 0 ||
          kgt_span_case_equal(c->d, i, i + 1, m->surface) == 0)
        continue;
      int id = kgm_add(c, i, i + 1, m->cls, m->name, m->flags, KGM_SRC_GUESS);
      if (id >= 0)
        kgm_apply_desc(c, id);
      break;
    }
  }
}

static const char *kgm_place_country(const KgmCtx *c, const char *name);

/* « l'américain Orvex », "Japanese Orvex", "Japan's Orvex": a demonym or a place's possessive
 * right before an organization's name says where it is, so that « l'américain » or "the
 * Japanese group" later finds it. */
static void kgm_pass_demonym_countries(KgmCtx *c) {
  for (size_t k = 0; k < c->n; k++) {
    KgmMention *m = &c->m[k];
    size_t a = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
    if (c->aux[k].dead || !kgm_is_org(m->cls) || m->country || (m->flags & KGM_F_ANAPHOR) || a == 0)
      continue;
    int p = c->owner[a - 1];
    /* "Denmark's Velmar Brewing": a place's possessive says it too */
    if (p < 0 && a >= 2 && (kgm_is(c, a - 1, "'s") || kgm_is(c, a - 1, "'")) &&
        (p = c->owner[a - 2]) >= 0 && !c->aux[p].dead && c->m[p].cls == KG_CLASS_PLACE &&
        c->m[p].tok_end == a - 1 && !(c->m[p].flags & KGM_F_DEMONYM)) {
      const char *pc = kgm_place_country(c, c->m[p].name);
      if (pc)
        m->country = pc;
      continue;
    }
    /* "Danish brewer Velmar", "Dutch shoe maker Velmora": in English a demonym, then up to
       three lower-case words of the noun that describes the company */
    if (p < 0 && !c->fr) {
      size_t w = a;
      while (w > 0 && a - w < 3 && kgm_modifier_word(c, w - 1))
        w--;
      if (w < a && w > 0)
        p = c->owner[w - 1];
      if (p >= 0 && c->m[p].tok_end != w)
        p = -1;
      else if (p >= 0)
        a = w;
    }
    if (p < 0 || c->aux[p].dead || c->m[p].cls != KG_CLASS_PLACE || c->m[p].tok_end != a ||
        !(c->m[p].flags & KGM_F_DEMONYM))
      continue;
    const char *pc = kgm_place_country(c, c->m[p].name);
    if (pc)
      m->country = pc;
  }
}

/* "Padrova was developed with …": a word opening a sentence, guessed a company by the verb
 * after it, is the product a cue or a list named so earlier or later in the text. */
static void kgm_pass_product_repeats(KgmCtx *c) {
  if (c->n < 2 || c->st != KG_SUCCESS)
    return;
  /* the products by name, looked up once per guess (a long page holds many of both) */
  KgmNamed *prods = kg_malloc(c->n * sizeof *prods);
  if (!prods) {
    c->st = KG_ERR_NOMEM;
    return;
  }
  size_t np = 0;
  for (size_t j = 0; j < c->n; j++)
    if (!c->aux[j].dead && c->m[j].cls == KG_CLASS_PRODUCT && c->m[j].name)
      prods[np++] = (KgmNamed){c->m[j].name, (int)j};
  qsort(prods, np, sizeof *prods, kgm_cmp_named);
  for (size_t k = 0; k < c->n && np; k++) {
    KgmMention *m = &c->m[k];
    if (c->aux[k].dead || c->aux[k].source != KGM_SRC_GUESS || !kgm_is_org(m->cls) ||
        m->tok_end != m->tok_start + 1 || !kgm_initial(c, m->tok_start) || !m->name)
      continue;
    size_t at = kgm_lower_bound(prods, np, m->name);
    if (at < np && strcmp(prods[at].name, m->name) == 0) {
      m->cls = KG_CLASS_PRODUCT;
      m->maker = c->m[prods[at].id].maker;
    }
  }
  kg_free(prods);
}

/* "Ana Ruiz, Tom Weld and Ira Kohn": a guessed name of two or three words
 * listed between people (one on each side, or the last item after people) is a person. */
static void kgm_pass_people_lists(KgmCtx *c) {
  /* forward, then back: an item's neighbour may become a person only after it was looked
     at ("Tavik Oruneth, Jomar Lee and Andrew Pellot") */
  for (size_t step = 0; step < 2 * c->n; step++) {
    size_t k = step < c->n ? step : 2 * c->n - 1 - step;
    KgmMention *m = &c->m[k];
    size_t len = m->tok_end - m->tok_start;
    if (c->aux[k].dead || c->aux[k].source != KGM_SRC_GUESS || !(m->flags & KGM_F_GUESS) ||
        len < 2 || len > 3 || m->tok_start == 0)
      continue;
    const KgtLexEntry *e;
    size_t a = m->tok_start, b = m->tok_end;
    int before = 0, after = 0;
    if (kgm_lex(c, a - 1, KGT_LEX_LIST_SEP, &e) == 1 && a >= 2 && c->owner[a - 2] >= 0 &&
        c->m[c->owner[a - 2]].cls == KG_CLASS_PERSON)
      before = 1;
    if (b + 1 < c->nt && kgm_lex(c, b, KGT_LEX_LIST_SEP, &e) == 1 && c->owner[b + 1] >= 0 &&
        c->m[c->owner[b + 1]].cls == KG_CLASS_PERSON && c->m[c->owner[b + 1]].tok_start == b + 1)
      after = 1;
    /* "Tavik Oruneth, Jomar Lee and Andrew Pellot": the first item of a list whose next
       two items are people */
    int first_of_three = 0;
    if (after && kgm_is(c, b, ",")) {
      size_t pe = c->m[c->owner[b + 1]].tok_end;
      int q2 = pe + 1 < c->nt && !kgm_is(c, pe, ",") && kgm_lex(c, pe, KGT_LEX_LIST_SEP, &e) == 1
                   ? c->owner[pe + 1]
                   : -1;
      first_of_three = q2 >= 0 && c->m[q2].cls == KG_CLASS_PERSON && c->m[q2].tok_start == pe + 1;
    }
    /* "Ann Tarlo and Paul Brantel": a conjunction to a person after is enough */
    if ((before && (after || !kgm_is(c, a - 1, ","))) || (after && !kgm_is(c, b, ",")) ||
        first_of_three) {
      m->cls = KG_CLASS_PERSON;
      m->flags &= ~(unsigned)KGM_F_GUESS;
    }
  }
}

/* ------------------------------ pass 8: lists, appositions, possessives */

static int kgm_mention_at(const KgmCtx *c, size_t k) {
  if (k >= c->nt || c->owner[k] < 0)
    return -1;
  int id = c->owner[k];
  return c->m[id].tok_start == k ? id : -1;
}

/* The name ending before @p e has a company noun in apposition, "…, Pelmont, its
 * subsidiary", « …, ainsi que de Pelmont, sa filiale »: it is no product of a list. */
static int kgm_company_appos(KgmCtx *c, size_t e) {
  if (e + 2 >= c->nt || !kgm_is(c, e, ","))
    return 0;
  size_t q = e + 1;
  const KgtLexEntry *d;
  if (kgm_lex(c, q, KGT_LEX_DET, &d) == 1 ||
      (kgm_lex(c, q, KGT_LEX_ANAPHOR, &d) == 1 && kgm_has(d->value, "poss")))
    q++;
  return q < c->nt && kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &d) > 0 &&
         kgm_class_of(d->value) == KG_CLASS_COMPANY;
}

/* « le britannique A, le polonais B et Montbrac, propriété de … », "A, B and Montbrac": the last
 * item of a list of two organizations or more, a capitalised word no pass took (a first name
 * alone, which is no person's name), is an organization too. */
static void kgm_pass_org_list_tails(KgmCtx *c) {
  size_t n0 = c->n;
  for (size_t p = 0; p < n0; p++) {
    const KgmMention *m = &c->m[p];
    if (c->aux[p].dead || !kgm_is_org(m->cls) || (m->flags & KGM_F_ANAPHOR))
      continue;
    size_t j = m->tok_end, a = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
    const KgtLexEntry *e;
    /* the item before: an organization and a comma (a determiner and a demonym may open it) */
    if (a > 0 && c->owner[a - 1] >= 0 && (c->m[c->owner[a - 1]].flags & KGM_F_DEMONYM))
      a = c->m[c->owner[a - 1]].tok_start;
    if (a > 0 && c->owner[a - 1] < 0 && kgm_lex(c, a - 1, KGT_LEX_DET, &e) == 1)
      a--;
    if (a < 2 || !kgm_is(c, a - 1, ","))
      continue;
    size_t q = a - 2;
    int prev = c->owner[q];
    if (prev < 0 || !kgm_is_org(c->m[prev].cls) || (c->m[prev].flags & KGM_F_ANAPHOR))
      continue;
    /* then "et"/"and", and a name no mention holds, closing the list */
    if (j + 1 >= c->nt || kgm_lex(c, j, KGT_LEX_LIST_SEP, &e) != 1 || kgm_tok(c, j)->kind != KGT_WORD ||
        c->owner[j + 1] >= 0 ||
        !kgm_namey(c, j + 1) || kgm_tok(c, j + 1)->sentence != kgm_tok(c, j)->sentence)
      continue;
    size_t k = j + 1, e2 = kgm_caps_span(c, k, 1, 4);
    if (e2 <= k || (e2 < c->nt && kgm_tok(c, e2)->kind == KGT_WORD &&
                    kgm_tok(c, e2)->sentence == kgm_tok(c, k)->sentence))
      continue; /* (a word after it: "… and Montbrac said", a clause, not a list's end) */
    kgm_add(c, k, e2, KG_CLASS_ORGANIZATION, NULL, KGM_F_GUESS, KGM_SRC_GUESS);
  }
}

static void kgm_pass_lists(KgmCtx *c) {
  size_t n0 = c->n;
  for (size_t p = 0; p < n0; p++) {
    if (c->aux[p].dead || c->m[p].cls != KG_CLASS_PRODUCT || (c->m[p].flags & KGM_F_ANAPHOR))
      continue;
    /* rightwards: ", Velo-2 et Marlin" */
    size_t j = c->m[p].tok_end;
    for (int items = 0; items < 8; items++) {
      const KgtLexEntry *e;
      /* « A et B en Australie, C et D en Asie »: a place after an item, then the list goes on */
      int pl = j + 2 < c->nt && kgm_lex(c, j, KGT_LEX_PREP, &e) == 1 && kgm_has(e->value, "place")
                   ? c->owner[j + 1]
                   : -1;
      if (pl >= 0 && c->m[pl].cls == KG_CLASS_PLACE && c->m[pl].tok_start == j + 1 &&
          c->m[pl].tok_end < c->nt && kgm_lex(c, c->m[pl].tok_end, KGT_LEX_LIST_SEP, &e))
        j = c->m[pl].tok_end;
      size_t s = j < c->nt ? kgm_lex(c, j, KGT_LEX_LIST_SEP, &e) : 0;
      size_t s2 = 0; /* ", ainsi qu'Orsk", ", and Velma": a comma, then a word that joins */
      if (s == 1 && j + 1 < c->nt && kgm_is(c, j, ",") && kgm_tok(c, j + 1)->kind == KGT_WORD)
        s2 = kgm_lex(c, j + 1, KGT_LEX_LIST_SEP, &e);
      s += s2;
      if (!s || j + s >= c->nt || kgm_tok(c, j + s)->sentence != kgm_tok(c, j)->sentence)
        break;
      size_t k = j + s;
      int q = kgm_mention_at(c, k);
      /* « ses caravanes Orsk, Velmar a réalisé … »: after a bare comma, a name a verb
         follows is the next clause's subject, no further item */
      size_t ie = q >= 0 ? c->m[q].tok_end
                         : (c->owner[k] < 0 && kgm_namey(c, k) ? kgm_caps_span(c, k, 1, 6) : k);
      if ((s == 1 || s2) && kgm_is(c, j, ",") && ie > k && ie < c->nt && kgm_lex1(c, ie, KGT_LEX_SUBJ_VERB))
        break;
      /* "the maker of Kelmo and Velmar's biggest rival": a name a possessive follows opens
         a phrase of its own */
      if (ie > k && ie < c->nt && (kgm_is(c, ie, "'s") || kgm_is(c, ie, "'")) &&
          !(kgm_tok(c, ie)->flags & KGT_F_SPACE_BEFORE))
        break;
      if (q >= 0) {
        KgmMention *o = &c->m[q];
        int r = o->tok_end < c->nt ? c->owner[o->tok_end] : -1;
        /* "Zorbex Studio" in a list of products: one product; so is "High Orsk", a word
           only capitalisation made a name's before a one-word name of the gazetteer */
        int joined = kgm_is_org(o->cls) && r >= 0 && c->m[r].tok_start == o->tok_end &&
                     (kgm_tok(c, o->tok_end)->flags & KGT_F_SPACE_BEFORE) &&
                     ((c->m[r].flags & KGM_F_GUESS) ||
                      ((o->flags & KGM_F_GUESS) && kgm_is_org(c->m[r].cls) &&
                       c->m[r].tok_end == o->tok_end + 1));
        if ((o->flags & KGM_F_GUESS) && !joined) {
          o->cls = KG_CLASS_PRODUCT;
          o->flags &= ~(unsigned)KGM_F_GUESS;
        } else if (joined) {
          size_t pa = o->tok_start, pe = c->m[r].tok_end;
          kgm_kill(c, q);
          kgm_kill(c, r);
          if (kgm_product(c, pa, pe, KGM_SRC_CUE) < 0)
            break;
          j = pe;
          continue;
        } else if (o->cls == KG_CLASS_PERSON && c->aux[q].source == KGM_SRC_PERSON &&
                   o->tok_start == k && o->tok_end < c->nt &&
                   kgm_lex(c, o->tok_end, KGT_LEX_LIST_SEP, &e) &&
                   kgm_tok(c, o->tok_end)->sentence == kgm_tok(c, k)->sentence) {
          /* « les cafés Orsk, Jacques Tessil et Brado »: a first name opens a brand that
             the list goes on after */
          o->cls = KG_CLASS_PRODUCT;
        } else if (o->cls != KG_CLASS_PRODUCT) {
          break;
        }
        j = o->tok_end;
      } else if (c->owner[k] < 0 && kgm_namey(c, k)) {
        size_t e2 = kgm_caps_span(c, k, 1, 6);
        if (kgm_company_appos(c, e2) || kgm_product(c, k, e2, KGM_SRC_CUE) < 0)
          break;
        j = e2;
      } else {
        break;
      }
    }
    /* leftwards: "Velo, Velo-2 et Marlin" when only the last is known */
    size_t a = c->m[p].tok_start;
    for (int items = 0; items < 8 && a >= 2; items++) {
      const KgtLexEntry *e;
      size_t sep = a - 1;
      if (!kgm_lex(c, sep, KGT_LEX_LIST_SEP, &e) ||
          kgm_tok(c, sep)->sentence != kgm_tok(c, a)->sentence)
        break;
      size_t end = sep;
      int q = c->owner[end - 1];
      if (q >= 0) {
        KgmMention *o = &c->m[q];
        if (o->flags & KGM_F_GUESS) {
          o->cls = KG_CLASS_PRODUCT;
          o->flags &= ~(unsigned)KGM_F_GUESS;
        } else if (items == 0 && c->aux[p].source == KGM_SRC_CUE && kgm_place_by_name(o) &&
                   kgm_tok(c, sep)->kind == KGT_WORD && o->tok_start > 0 &&
                   kgm_np_opener(c, o->tok_start - 1)) {
          /* "which makes Phoenix and Zarvox power tools": a town's name opening a list of
             products that a cue made, as the object of a verb or after a determiner, is a
             brand */
          o->cls = KG_CLASS_PRODUCT;
        } else if (o->cls != KG_CLASS_PRODUCT) {
          break;
        }
        a = o->tok_start;
      } else {
        size_t b = end;
        while (b > 0 && c->owner[b - 1] < 0 && kgm_namey(c, b - 1) && end - b < 4)
          b--;
        if (b == end || kgm_product(c, b, end, KGM_SRC_CUE) < 0)
          break;
        a = b;
      }
    }
  }
}

/* ", firme californienne", ", a Lorvanne-based startup": a descriptor in apposition after
 * token @p j-1; returns its entry and sets [*ds, *de) (0: none). */
static const KgtLexEntry *kgm_appos(KgmCtx *c, size_t j, size_t *ds, size_t *de) {
  if (j >= c->nt || !kgm_is(c, j, ","))
    return NULL;
  size_t lim = kgm_sent_end(c, j), q = j + 1, skipped = 0, n;
  int words = 0; /* a lower-case word other than a determiner stepped over */
  const KgtLexEntry *e;
  while (q < lim && skipped < 3) {
    const KgtToken *t = kgm_tok(c, q);
    if (kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &e))
      break;
    const KgmEntry *pl;
    size_t dn = kgm_demonym(c, q, &pl);
    int p = c->owner[q];
    if (dn) {
      q += dn;
    } else if (p >= 0 && !c->aux[p].dead && c->m[p].cls == KG_CLASS_PLACE &&
               c->m[p].tok_start == q && c->m[p].tok_end + 1 < lim &&
               kgm_is(c, c->m[p].tok_end, "'s")) {
      q = c->m[p].tok_end + 1; /* ", Norway's state-owned investor" */
    } else if (t->kind == KGT_WORD && (!(t->flags & KGT_F_CAP) || strchr(t->lower, '-')) &&
               !kgm_lex1(c, q, KGT_LEX_SPEECH_VERB) && !kgm_lex1(c, q, KGT_LEX_PREP) &&
               !kgm_lex1(c, q, KGT_LEX_CLAUSE)) {
      /* not past a preposition or a clause word: « Orsk, associé au fonds X, », "Y, whose
         fund Z" describe someone else */
      const KgtLexEntry *dt;
      if (!kgm_lex(c, q, KGT_LEX_DET, &dt))
        words = 1;
      q++;
    } else {
      break;
    }
    skipped++;
  }
  if (q >= lim || !(n = kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &e)) || !kgm_has(e->arg[0], "next"))
    return NULL;
  if ((kgm_tok(c, q)->flags & KGT_F_CAP))
    return NULL;
  size_t end = q + n, dn;
  const KgmEntry *pl;
  while (end < lim && (dn = kgm_demonym(c, end, &pl)) > 0)
    end += dn;
  /* « A, le fonds souverain singapourien B et C »: a name right after the noun is the one
     it describes, the next item of a list (not « Tarlo, que le groupe Halvik a racheté ») */
  if (!words && end < lim && c->owner[end] >= 0 && c->m[c->owner[end]].tok_start == end &&
      kgm_is_org(c->m[c->owner[end]].cls))
    return NULL;
  /* "sous l'égide de l'État, l'entreprise est passée …": a verb next makes the noun the
   * subject of what follows, not a description of the name before the comma */
  const KgtLexEntry *v, *ag;
  if (end < lim && kgm_lex(c, end, KGT_LEX_SUBJ_VERB, &v) == 1 &&
      strcmp(kgm_tok(c, end)->lower, v->phrase) == 0 &&
      /* but "X, a company backed by Y,": a participle and its agent describe the noun */
      !(end + 1 < lim && kgm_lex(c, end + 1, KGT_LEX_PREP, &ag) == 1 && ag->value &&
        kgm_has(ag->value, "agent")))
    return NULL;
  *ds = j + 1;
  *de = end;
  return e;
}

static int kgm_after_fronted_phrase(const KgmCtx *c, size_t i);

/* ", the Danish maker of …", ", a Lorvanne company that …" at @p j: a determiner, demonyms,
 * then at once a company's descriptor that no possessive, role or name follows, and not the
 * subject after a fronted phrase; its entry, or NULL. */
static const KgtLexEntry *kgm_person_company_appos(KgmCtx *c, size_t j) {
  const KgtLexEntry *d, *e;
  const KgmEntry *pl;
  size_t lim = j < c->nt ? kgm_sent_end(c, j) : j, q = j + 1, n, dn;
  if (j >= c->nt || !kgm_is(c, j, ",") || q >= lim || !(n = kgm_lex(c, q, KGT_LEX_DET, &d)))
    return NULL;
  /* "Founded in 1975 by P, the company said …": the subject after a fronted phrase */
  if (kgm_after_fronted_phrase(c, q))
    return NULL;
  q += n;
  /* ("the Brackley, Ohio-based maker", "the family-owned maker": places and modifiers
     written with a hyphen may come first) */
  for (size_t steps = 0; q < lim && steps < 6; steps++) {
    int p = c->owner[q];
    if ((dn = kgm_demonym(c, q, &pl)) > 0)
      q += dn;
    else if (p >= 0 && c->m[p].tok_start == q && c->m[p].cls == KG_CLASS_PLACE &&
             !(c->m[p].flags & KGM_F_DEMONYM) && c->m[p].tok_end < lim &&
             (kgm_is(c, c->m[p].tok_end, ",") || kgm_modifier_tok(c, c->m[p].tok_end - 1)))
      q = c->m[p].tok_end + kgm_is(c, c->m[p].tok_end, ",");
    else if (kgm_modifier_tok(c, q))
      q++;
    else
      break;
  }
  if (q >= lim || !(n = kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &e)) || !kgm_has(e->arg[0], "next") ||
      kgm_has(e->arg[0], "person") || !kgm_is_org(kgm_class_of(e->value)) ||
      (kgm_tok(c, q)->flags & KGT_F_CAP))
    return NULL;
  /* the description goes on with a complement or closes ("the maker of …", « le fabricant
     de … »); a verb after it makes it a clause's subject (« P, le groupe dijonnais exige ») */
  size_t a = q + n;
  while (a < lim && (dn = kgm_demonym(c, a, &pl)) > 0)
    a += dn;
  /* ("the maker owned by …", « le fabricant détenu par … », "the maker that …" describe
     it too) */
  const KgtLexEntry *ag;
  if (a < lim && !kgm_of(c, a, 1) && !kgm_is(c, a, ",") && !kgm_lex1(c, a, KGT_LEX_CLAUSE) &&
      !(a + 1 < lim && kgm_tok(c, a)->kind == KGT_WORD && !(kgm_tok(c, a)->flags & KGT_F_CAP) &&
        kgm_lex(c, a + 1, KGT_LEX_PREP, &ag) == 1 &&
        ag->value && kgm_has(ag->value, "agent")))
    return NULL;
  return e;
}

static void kgm_pass_appositions(KgmCtx *c) {
  size_t n0 = c->n;
  for (size_t k = 0; k < n0; k++) {
    KgmMention *m = &c->m[k];
    size_t j = m->tok_end, ds, de, n;
    const KgtLexEntry *e;
    /* "Hunter Tessil, the Danish maker of Orsk lamps, …": a name read as a person from a
       first name, with a company's description in apposition, is a company, wherever it is
       named (not "P, the company's founder", "P, a company director") */
    if (!c->aux[k].dead && m->cls == KG_CLASS_PERSON && c->aux[k].source == KGM_SRC_PERSON &&
        (e = kgm_person_company_appos(c, j)) != NULL) {
      KgClass dc = kgm_class_of(e->value);
      for (size_t q = 0; q < n0; q++)
        if (q != k && !c->aux[q].dead && c->m[q].cls == KG_CLASS_PERSON &&
            strcmp(c->m[q].name, m->name) == 0)
          c->m[q].cls = dc;
      m->cls = dc;
    }
    if (c->aux[k].dead || !(kgm_is_org(m->cls) || (m->flags & KGM_F_GUESS)))
      continue;
    if (j >= c->nt)
      continue;
    /* "Zorbex's nonprofit parent" */
    if (kgm_is(c, j, "'s") && (n = kgm_lex(c, j + 1, KGT_LEX_DESCRIPTOR, &e)) > 0 &&
        kgm_has(e->arg[0], "poss")) {
      kgm_describe(c, (int)k, e, j + 1, j + 1 + n);
      continue;
    }
    if (m->desc_start != m->desc_end)
      continue;
    if ((e = kgm_appos(c, j, &ds, &de)) != NULL) {
      kgm_describe(c, (int)k, e, ds, de);
      continue;
    }
    /* "the Orsk Ventures unit invested", "its Velmar fund": a company noun right after a
       name that a determiner or a possessive opens describes it (not when a name follows
       the noun: "the Velmar unit Orsk") */
    const KgtLexEntry *d;
    size_t a = m->tok_start;
    if (a > 0 && (n = kgm_lex(c, j, KGT_LEX_DESCRIPTOR, &e)) > 0 && j + n < c->nt &&
        !(kgm_tok(c, j)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
        kgm_tok(c, j + n)->sentence == kgm_tok(c, j)->sentence && !kgm_namey(c, j + n) &&
        c->owner[j + n] < 0 &&
        (kgm_lex(c, a - 1, KGT_LEX_DET, &d) == 1 || kgm_is(c, a - 1, "'s") ||
         (kgm_lex(c, a - 1, KGT_LEX_ANAPHOR, &d) == 1 && kgm_has(d->value, "poss")))) {
      /* a class the name itself gave stays ("the Orsk Ventures unit" is an investor) */
      KgClass was = m->cls;
      int typed = was != KG_CLASS_ORGANIZATION && !(m->flags & KGM_F_GUESS);
      kgm_describe(c, (int)k, e, j, j + n);
      if (typed)
        c->m[k].cls = was;
    }
  }
}

/* ------------------------------------------------------- pass 9: anaphora */

typedef struct {
  int id;          /* the mention (or anaphor) naming it */
  size_t sentence;
  size_t tok;
  int subject;     /* 1: not after a preposition, may be the sentence's subject; -1: names
                    * a person's employer (kgm_role_attr), no antecedent of a description */
} KgmRef;

static int kgm_cmp_mentions(const void *a, const void *b) {
  const KgmMention *x = a, *y = b;
  if (x->tok_start != y->tok_start)
    return x->tok_start < y->tok_start ? -1 : 1;
  if (x->tok_end != y->tok_end)
    return x->tok_end < y->tok_end ? -1 : 1;
  return (x->flags & KGM_F_SHARED) ? 1 : ((y->flags & KGM_F_SHARED) ? -1 : 0);
}

/* Drop dead mentions, sort, and rebuild the owner map (aux follows the items). */
static KgStatus kgm_compact(KgmCtx *c) {
  size_t o = 0;
  for (size_t k = 0; k < c->n; k++)
    if (!c->aux[k].dead)
      c->m[o++] = c->m[k];
  c->n = o;
  /* often in order already (a pass that added nothing, or added at the end): then there
     is nothing for qsort() to do, and it would copy every mention twice finding that out */
  size_t in_order = 1;
  while (in_order < c->n && kgm_cmp_mentions(&c->m[in_order - 1], &c->m[in_order]) <= 0)
    in_order++;
  if (in_order < c->n)
    qsort(c->m, c->n, sizeof *c->m, kgm_cmp_mentions);
  for (size_t j = 0; j < c->nt; j++)
    c->owner[j] = -1;
  for (size_t k = 0; k < c->n; k++) {
    c->aux[k].dead = 0;
    c->aux[k].source = (c->m[k].flags & KGM_F_GAZETTEER) ? KGM_SRC_GAZ : KGM_SRC_GUESS;
    c->aux[k].name_end = c->m[k].tok_end;
    if (!(c->m[k].flags & KGM_F_SHARED))
      for (size_t j = c->m[k].tok_start; j < c->m[k].tok_end; j++)
        c->owner[j] = (int)k;
  }
  return KG_SUCCESS;
}

static int kgm_right_after_prep(const KgmCtx *c, size_t tok) {
  if (tok == 0)
    return 0;
  const KgtLexEntry *e;
  size_t p = tok - 1;
  if (kgm_tok(c, p)->kind == KGT_WORD && kgm_lex(c, p, KGT_LEX_PREP, &e))
    return 1;
  /* "de la", "of the" */
  return p > 0 && kgm_lex(c, p, KGT_LEX_DET, &e) && kgm_lex(c, p - 1, KGT_LEX_PREP, &e);
}

/* A preposition governs token @p tok: right before it, or before the first item of the
 * list it ends ("a joint venture between Orvex and Tamlin International": Tamlin International
 * is no subject either). */
static int kgm_after_prep(const KgmCtx *c, size_t tok) {
  if (kgm_right_after_prep(c, tok))
    return 1;
  const KgtLexEntry *e;
  size_t p = tok;
  for (int items = 0; items < 6 && p >= 2; items++) {
    size_t sep = 0;
    /* a conjunction, not a comma: "Set up by Orvex, Velmark is …" has a subject */
    if (kgm_lex(c, p - 1, KGT_LEX_LIST_SEP, &e) == 1 && kgm_tok(c, p - 1)->kind == KGT_WORD)
      sep = p - 1;
    else if (p >= 3 && kgm_lex(c, p - 1, KGT_LEX_DET, &e) == 1 &&
             kgm_lex(c, p - 2, KGT_LEX_LIST_SEP, &e) == 1 && kgm_tok(c, p - 2)->kind == KGT_WORD)
      sep = p - 2; /* "and the Velmar Foundation" */
    if (!sep || c->owner[sep - 1] < 0 || !kgm_is_org(c->m[c->owner[sep - 1]].cls))
      return 0;
    const KgmMention *m = &c->m[c->owner[sep - 1]];
    p = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
    if (kgm_right_after_prep(c, p))
      return 1;
  }
  return 0;
}

/* The gazetteer's place entry named @p name, or NULL. */
static const KgmEntry *kgm_place_entry(const KgmCtx *c, const char *name) {
  char key[KGT_PHRASE_MAX + 1];
  size_t kl = name ? kgt_fold(name, strlen(name), key, sizeof key) : (size_t)-1;
  if (kl == (size_t)-1)
    return NULL;
  uint32_t it = kgt_phrase_find(&c->g->ix, key, kl);
  for (; it; it = kgt_phrase_item(&c->g->ix, it)->next) {
    const KgmEntry *e = &c->g->entries[c->g->forms[kgt_phrase_item(&c->g->ix, it)->payload].entry];
    if (e->type == KGM_G_PLACE)
      return e;
  }
  return NULL;
}

/* country of a place entry named @p name ("Ohio" -> "United States") */
static const char *kgm_place_country(const KgmCtx *c, const char *name) {
  const KgmEntry *e = kgm_place_entry(c, name);
  return e ? (e->country ? e->country : e->name) : NULL;
}


typedef struct {
  KgmRef *refs;
  size_t n, cap;
} KgmRefs;

/* The places an anaphor's description names ("le groupe franco-italien": France and
 * Italy), as countries; none when both are NULL. */
typedef struct {
  const KgmEntry *place[2];
  const char *country[2];
  const char *legal_form; /* "l'entreprise publique": state-owned */
  const char *town;       /* a town no gazetteer holds, before the places (« le groupe de
                             Kellerbach, dans la Hesse »), or NULL */
} KgmAnaPlaces;

/* Mention @p m is spoken to: right before it (a determiner may come between) a speech
 * verb whose object is its addressee ("told the SEC": lexicon value addressee), or any
 * speech verb and a preposition (« a assuré à l'AFP »). */
static int kgm_addressee(const KgmCtx *c, const KgmMention *m) {
  size_t a = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
  const KgtLexEntry *e;
  if (a >= 1 && kgm_lex(c, a - 1, KGT_LEX_DET, &e) == 1)
    a--;
  if (a >= 2 && kgm_lex(c, a - 1, KGT_LEX_PREP, &e) == 1)
    return kgm_lex(c, a - 2, KGT_LEX_SPEECH_VERB, &e) == 1;
  return a >= 1 && kgm_lex(c, a - 1, KGT_LEX_SPEECH_VERB, &e) == 1 &&
         kgm_has(e->value, "addressee");
}

/* @p r may be what an anaphor refers to. With @p where, it must be an organization the
 * gazetteer places in one of its countries. */
static size_t kgm_family_word(const char *name, char *out, size_t cap);

static int kgm_ref_ok(const KgmCtx *c, const KgmRef *r, const KgmAnaPlaces *where, int np) {
  const KgmMention *m = &c->m[r->id];
  if (np && (m->cls == KG_CLASS_NEWS_ORGANIZATION || m->cls == KG_CLASS_GOVERNMENT_BODY))
    return 0;
  /* nor a union, a party or a trade body the gazetteer lists as such (« un délégué de
     Force ouvrière … l'entreprise iséroise » is the company) */
  if (np && m->cls == KG_CLASS_ORGANIZATION && (m->flags & KGM_F_GAZETTEER))
    return 0;
  /* "the company", « la société »: never the family that owns it */
  char fw[64];
  if (np && kgm_family_word(m->name, fw, sizeof fw))
    return 0;
  /* a news outlet spoken to or quoted ("a assuré à la Dépêche son directeur général", "told
   * the Orvane Wire its"): a pronoun is not the outlet, unless the outlet is the subject */
  if (m->cls == KG_CLASS_NEWS_ORGANIZATION && r->subject <= 0)
    return 0;
  /* nor the agency of a dateline ("ST. LOUIS (AP) - Velmar has called off its …") */
  if (m->cls == KG_CLASS_NEWS_ORGANIZATION && r->tok > 0 && kgm_is(c, r->tok - 1, "("))
    return 0;
  /* nor a source ("the Orvane Wire reported in March that …", "Velnews said"): it is quoted */
  const KgtLexEntry *sv;
  if (m->cls == KG_CLASS_NEWS_ORGANIZATION && m->tok_end < c->nt &&
      kgm_lex(c, m->tok_end, KGT_LEX_SPEECH_VERB, &sv))
    return 0;
  /* nor whoever is told ("told the Securities and Exchange Commission it raised its
   * stake") */
  if (!np && kgm_addressee(c, m))
    return 0;
  /* nor the backer inside a modifier ("the Tamura-backed start-up"): it qualifies another */
  if (m->tok_end > m->tok_start && kgm_hyphen_mod(c, m->tok_end - 1, 1))
    return 0;
  if (where && where->country[0]) {
    const char *mc = m->country ? kgm_place_country(c, m->country) : NULL;
    if (!mc || (strcmp(mc, where->country[0]) != 0 &&
                !(where->country[1] && strcmp(mc, where->country[1]) == 0)))
      return 0;
  }
  return 1;
}

/* Mention @p id is the subject of a clause ("Zorbex, which ...", "Acme, qui ...") that
 * goes on to token @p i. */
static int kgm_opens_clause(const KgmCtx *c, int id, size_t i) {
  size_t e = c->m[id].tok_end;
  if (e < i && kgm_is(c, e, ","))
    e++;
  const KgtLexEntry *x;
  /* "X, in which the group holds", « X, dans laquelle le groupe détient » */
  if (e + 1 < i && kgm_lex((KgmCtx *)c, e, KGT_LEX_PREP, &x) == 1)
    e++;
  return e < i && kgm_lex((KgmCtx *)c, e, KGT_LEX_CLAUSE, &x) > 0;
}

/* How often the entity of ref @p k is named in the refs up to it, within ten sentences
 * of sentence @p s. */
static size_t kgm_times_named(const KgmCtx *c, const KgmRefs *R, size_t k, size_t s) {
  const KgmMention *m = &c->m[R->refs[k].id];
  size_t n = 0;
  for (size_t j = k + 1; j-- > 0 && k - j < KGM_REF_SCAN && s - R->refs[j].sentence <= 10;) {
    const KgmMention *o = &c->m[R->refs[j].id];
    if (o->cls == m->cls && strcmp(o->name, m->name) == 0 &&
        (o->qualifier == m->qualifier ||
         (o->qualifier && m->qualifier && strcmp(o->qualifier, m->qualifier) == 0)))
      n++;
  }
  return n;
}

static int kgm_backer_class(KgClass k) {
  return k == KG_CLASS_INVESTMENT_FIRM || k == KG_CLASS_GOVERNMENT_BODY || k == KG_CLASS_NONPROFIT;
}

/* The organization listed right before (@p dir -1) or after (1) mention @p id, over a list
 * separator or two (", and"; a determiner next to the mention is stepped over); -1 when
 * none. *conj tells whether a word (and, et, or) was among the separators. */
static int kgm_list_mate(const KgmCtx *c, int id, int dir, int *conj) {
  const KgmMention *m = &c->m[id];
  size_t s = m->tok_start, e = m->tok_end, sent = kgm_tok(c, s)->sentence;
  const KgtLexEntry *le;
  *conj = 0;
  if (dir < 0) {
    size_t q = s;
    if (q > 0 && c->owner[q - 1] < 0 && kgm_lex1(c, q - 1, KGT_LEX_DET))
      q--;
    size_t q0 = q;
    for (int k = 0; k < 2 && q > 0 && kgm_lex(c, q - 1, KGT_LEX_LIST_SEP, &le) == 1; k++) {
      q--;
      *conj |= kgm_tok(c, q)->kind == KGT_WORD;
    }
    if (q == q0 || q == 0 || kgm_tok(c, q - 1)->sentence != sent)
      return -1;
    int o = c->owner[q - 1];
    return o >= 0 && c->m[o].tok_end == q && kgm_is_org(c->m[o].cls) ? o : -1;
  }
  size_t q = e;
  for (int k = 0; k < 2 && q < c->nt && kgm_tok(c, q)->sentence == sent &&
                  kgm_lex(c, q, KGT_LEX_LIST_SEP, &le) == 1;
       k++) {
    *conj |= kgm_tok(c, q)->kind == KGT_WORD;
    q++;
  }
  if (q == e)
    return -1;
  if (q < c->nt && c->owner[q] < 0 && kgm_lex1(c, q, KGT_LEX_DET))
    q++;
  if (q >= c->nt || kgm_tok(c, q)->sentence != sent)
    return -1;
  int o = c->owner[q];
  return o >= 0 && c->m[o].tok_start == q && kgm_is_org(c->m[o].cls) ? o : -1;
}

/* Whether organization @p id is an item of a list of organizations that a conjunction closes
 * ("A, B and C"; not "Founded by A, B employs …"). Its neighbours go to @p before and
 * @p after when given (-1 when none). */
static int kgm_listed(const KgmCtx *c, int id, int *before, int *after) {
  int cb, ca;
  int b = kgm_list_mate(c, id, -1, &cb), a = kgm_list_mate(c, id, 1, &ca);
  if (before)
    *before = b;
  if (after)
    *after = a;
  if ((b >= 0 && cb) || (a >= 0 && ca))
    return 1;
  int cur = a;
  for (int k = 0; k < 8 && cur >= 0; k++) {
    int cj, nx = kgm_list_mate(c, cur, 1, &cj);
    if (nx >= 0 && cj)
      return 1;
    cur = nx;
  }
  return 0;
}

/* A fund, a state body or a foundation; or an organization no list knows the class of, listed
 * among backers only ("led by Orvex Ventures; also taking part were Tessil Capital, Brelm and
 * Quarto Partners"): the company a round is for is not in its investors' list. */
static int kgm_is_backer_id(const KgmCtx *c, int id) {
  const KgmMention *m = &c->m[id];
  if (kgm_backer_class(m->cls))
    return 1;
  if (m->cls != KG_CLASS_ORGANIZATION || !(m->flags & KGM_F_GUESS) || (m->flags & KGM_F_ANAPHOR))
    return 0;
  int before, after;
  return kgm_listed(c, id, &before, &after) && (before < 0 || kgm_backer_class(c->m[before].cls)) &&
         (after < 0 || kgm_backer_class(c->m[after].cls));
}

static int kgm_is_backer(const KgmCtx *c, const KgmRef *r) { return kgm_is_backer_id(c, r->id); }

/* Of the organizations named in the @p window sentences before token @p i (sentence @p s)
 * that fit @p where, whose name is not @p but (when given), that are no backer (with @p
 * no_backers 1; only backers with 2) and were a subject there (with @p subjects), the one
 * named most; ties: the latest. -1 when none. */
static int kgm_most_named_in(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s,
                             const KgmAnaPlaces *where, int np, int no_backers, const char *but,
                             size_t window, int subjects) {
  int best = -1;
  size_t best_n = 0;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (s - r->sentence > window)
      break;
    if ((but && strcmp(c->m[r->id].name, but) == 0) || (subjects && r->subject <= 0))
      continue;
    if (r->tok < i && kgm_ref_ok(c, r, where, np) && !(no_backers == 1 && kgm_is_backer(c, r)) &&
        !(no_backers == 2 && !kgm_is_backer(c, r))) {
      size_t n = kgm_times_named(c, R, k, s);
      if (n > best_n)
        best = r->id, best_n = n;
    }
  }
  return best;
}

static int kgm_most_named_but(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s,
                              const KgmAnaPlaces *where, int np, int no_backers, const char *but) {
  return kgm_most_named_in(c, R, i, s, where, np, no_backers, but, 10, 0);
}

static int kgm_most_named(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s,
                          const KgmAnaPlaces *where, int np, int no_backers) {
  return kgm_most_named_but(c, R, i, s, where, np, no_backers, NULL);
}

/* The other company an anaphor stands for when the one it would have been is named
 * after it in its clause (kgm_named_after()): of the organizations other than @p but that
 * were the subject of this sentence or of one of the two before, the one the text has named
 * most; -1 when none (the description is then something no name gives: "The group will
 * provide service for Orvex" after "the formation of a new services group"). */
static int kgm_other_subject(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s,
                             const KgmAnaPlaces *where, int np, const char *but) {
  return kgm_most_named_in(c, R, i, s, where, np, 1, but, 2, 1);
}

/* Whether the organization of mention @p id opened one of the ten sentences before
 * sentence @p s as its subject: the first ref of that sentence that may be a subject. */
static int kgm_opened_sentence(const KgmCtx *c, const KgmRefs *R, int id, size_t s) {
  for (size_t k = R->n; k-- > 0;) {
    const KgmRef *r = &R->refs[k];
    if (r->sentence > s)
      continue;
    if (s - r->sentence > 10)
      break; /* refs are in text order */
    if (r->subject <= 0 || strcmp(c->m[r->id].name, c->m[id].name) != 0)
      continue;
    int first = 1;
    for (size_t q = k; q-- > 0 && R->refs[q].sentence == r->sentence && first;)
      first = R->refs[q].subject <= 0;
    if (first)
      return 1;
  }
  return 0;
}

/* Whether the text gives a place for the organization named @p name in the ten sentences
 * up to sentence @p s: a demonym right before one of its names (« le britannique X ») or a
 * description with a place that stands for it (« le groupe londonien »). */
static int kgm_text_placed(const KgmCtx *c, const KgmRefs *R, const char *name, size_t s) {
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (r->sentence > s)
      continue;
    if (s - r->sentence > 10)
      break;
    const KgmMention *m = &c->m[r->id];
    if (strcmp(m->name, name) != 0)
      continue;
    if ((m->flags & KGM_F_ANAPHOR) && m->place[0])
      return 1;
    size_t a = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
    int d = a > 0 ? c->owner[a - 1] : -1;
    if (d >= 0 && (c->m[d].flags & KGM_F_DEMONYM))
      return 1;
  }
  return 0;
}

/* Of the organizations named in the ten sentences before token @p i (sentence @p s) whose
 * country the text has not given, the one named most (how often in *@p times, when given);
 * only funds with @p funds; only, with @p opened, those that opened one of those sentences
 * as their subject and are no backer; with @p opened 2, only those the text places nowhere
 * either (kgm_text_placed()); with @p opened 3, not the subject of sentence @p s itself.
 * -1 when none. kgm_most_named_of() with @p unplaced 0 takes organizations of any country. */
static int kgm_most_named_of(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s, int np,
                             int funds, int opened, size_t *times, int unplaced) {
  int best = -1;
  size_t best_n = 0;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (s - r->sentence > 10)
      break;
    const KgmMention *m = &c->m[r->id];
    if (r->tok >= i || (unplaced && m->country) || !kgm_ref_ok(c, r, NULL, np) ||
        (funds && m->cls != KG_CLASS_INVESTMENT_FIRM) ||
        (opened == 1 && (kgm_is_backer(c, r) || !kgm_opened_sentence(c, R, r->id, s))) ||
        (opened == 2 && kgm_text_placed(c, R, m->name, s)))
      continue;
    int own = 0;
    for (size_t j = R->n; opened == 3 && !own && j-- > 0 && R->refs[j].sentence >= s;)
      own = R->refs[j].sentence == s && R->refs[j].subject > 0 && R->refs[j].tok < i &&
            strcmp(c->m[R->refs[j].id].name, m->name) == 0;
    if (own)
      continue;
    size_t n = kgm_times_named(c, R, k, s);
    if (n > best_n)
      best = r->id, best_n = n;
  }
  if (times)
    *times = best_n;
  return best;
}

static int kgm_most_unplaced(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s, int np,
                             int funds, int opened, size_t *times) {
  return kgm_most_named_of(c, R, i, s, np, funds, opened, times, 1);
}

/* Whether sentence @p s names an organization other than @p name. */
static int kgm_other_named_in(const KgmCtx *c, const KgmRefs *R, size_t s, const char *name) {
  for (size_t k = R->n; k-- > 0 && R->refs[k].sentence >= s;)
    if (R->refs[k].sentence == s && strcmp(c->m[R->refs[k].id].name, name) != 0)
      return 1;
  return 0;
}

/* The company that opened sentence @p s - 1 as its subject, named there after a descriptor
 * (« Le groupe Velmar poursuit … »), when the text has not given its country and no
 * organization comes before it in that sentence; -1 otherwise. */
static int kgm_prev_described_subject(const KgmCtx *c, const KgmRefs *R, size_t s, int np) {
  int first = -1;
  for (size_t k = R->n; s > 0 && k-- > 0;) {
    const KgmRef *r = &R->refs[k];
    if (r->sentence < s - 1)
      break; /* refs are in text order */
    const KgmMention *m = &c->m[r->id];
    /* (a dateline's news agency is no subject) */
    if (r->sentence == s - 1 && kgm_ref_ok(c, r, NULL, np) && m->cls != KG_CLASS_NEWS_ORGANIZATION)
      /* (or by a description that placed it: « Le groupe de Kellerbach, dans la Hesse, … ») */
      first = r->subject > 0 && !m->country && m->cls == KG_CLASS_COMPANY &&
                      ((m->desc_start < m->tok_start && !(m->flags & KGM_F_ANAPHOR)) ||
                       ((m->flags & KGM_F_ANAPHOR) && m->place[0]))
                  ? (int)k
                  : -2;
  }
  return first >= 0 ? R->refs[first].id : -1;
}

/* How often the organization of mention @p id is named before token @p i (sentence @p s),
 * as kgm_times_named() counts. */
static size_t kgm_named_count(const KgmCtx *c, const KgmRefs *R, int id, size_t i, size_t s) {
  size_t n = 0;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (s - r->sentence > 10)
      break;
    if (r->tok < i && strcmp(c->m[r->id].name, c->m[id].name) == 0) {
      size_t t = kgm_times_named(c, R, k, s);
      if (t > n)
        n = t;
    }
  }
  return n;
}

/* "start-up", "startup", "pousse": a word for a young company */
static int kgm_young(const KgmCtx *c, size_t t) {
  return t < c->nt && kgm_lex1(c, t, KGT_LEX_YOUNG) != NULL;
}

/* The description opening at @p i names a young company: "la jeune pousse", "the
 * start-up", "the Velmont-based startup" (its noun a few words on). */
static int kgm_young_ahead(const KgmCtx *c, size_t i, int np) {
  if (!np || i + 1 >= c->nt)
    return 0;
  for (size_t t = i + 1; t < c->nt && t <= i + 4; t++) {
    if (kgm_young(c, t))
      return 1;
    if (kgm_tok(c, t)->kind == KGT_PUNCT)
      break;
  }
  return 0;
}

static int kgm_in_relative(const KgmCtx *c, size_t tok);
static int kgm_in_relative_of(const KgmCtx *c, size_t tok, int person);
static int kgm_after_fronted_phrase(const KgmCtx *c, size_t i);

/* The referent an anaphor of type @p type in sentence @p s finds in the sentences before
 * it: their subject, else their last organization. */
static int kgm_resolve_earlier(const KgmCtx *c, const KgmRefs *R, size_t s, const char *type,
                               int np, int young) {
  int fallback = -1, fallback_set = 0;
  int pron = strcmp(type, "subj") == 0 || strcmp(type, "clitic") == 0;
  for (size_t back = 1; back <= KGM_ANAPHOR_SENTENCES && back <= s; back++) {
    size_t ps = s - back;
    int first = -1, latest = -1, latest_rel = -1, latest_any = -1, listed = 0;
    /* refs are in text order: walk back to that sentence (a bounded number of them) */
    for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN && R->refs[k].sentence >= ps;) {
      const KgmRef *r = &R->refs[k];
      if (r->sentence != ps || !kgm_ref_ok(c, r, NULL, np) || (young && kgm_is_backer(c, r)) ||
          r->subject < 0)
        continue;
      if (latest_any < 0)
        latest_any = r->id;
      /* "Also taking part were A, B and C. It was founded …": "it" is no item of a list */
      if (pron && r->subject > 0 && kgm_listed(c, r->id, NULL, NULL)) {
        listed = 1;
        continue;
      }
      /* not a subject inside a person's relative clause ("P, who helped found Orvex and
         left the company in 2024, set up Velmar"): the clause's verb is not the sentence's */
      if (r->subject > 0 && !c->m[r->id].qualifier && !kgm_in_relative_of(c, r->tok, 1))
        first = r->id;
      /* "For Selmar Batteries, in which Tarvik Electronics holds a stake, … The
         battery maker": a name in a relative clause only when nothing else is there */
      if (latest < 0 && r->subject == 0 && kgm_in_relative(c, r->tok)) {
        if (latest_rel < 0)
          latest_rel = r->id;
      } else if (latest < 0) {
        latest = r->id;
      }
    }
    if (latest < 0)
      latest = latest_rel;
    /* « …, qui l'avait racheté à Velmira. Ce dernier, … »: the latter is the last one named,
       in a relative clause too (a new entity, « le nouvel ensemble », is not a name there) */
    if (strcmp(type, "latter") == 0 && latest_any >= 0)
      return latest_any;
    if (strcmp(type, "latest") == 0 && latest >= 0)
      return latest;
    if (first >= 0)
      return first;
    if (pron && listed)
      continue;
    if (pron)
      return -1; /* "it" needs a subject */
    /* « …, concurrent de Valeo dans les phares, il emploie … Son directeur général »: a
       possessive looks further back for a subject before it takes a name a preposition
       governed */
    if (latest >= 0 && strcmp(type, "poss") == 0 && !fallback_set) {
      int lsub = 0;
      for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN && R->refs[k].sentence >= ps;)
        if (R->refs[k].id == latest)
          lsub = R->refs[k].subject > 0;
      if (!lsub) {
        fallback = latest, fallback_set = 1;
        continue;
      }
    }
    /* « L'acquisition permet à Velmora, connu pour l'Orso, de … Plus tôt, le groupe avait
       acquis … »: with no subject there, a description stands for the organization of that
       sentence the text has named most, not merely the last one */
    if (latest >= 0 && np && strcmp(type, "np") == 0) {
      int best = latest;
      size_t best_n = 0;
      for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN && R->refs[k].sentence >= ps;)
        if (R->refs[k].id == latest)
          best_n = kgm_times_named(c, R, k, s);
      for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN && R->refs[k].sentence >= ps;) {
        const KgmRef *r = &R->refs[k];
        if (r->sentence != ps || !kgm_ref_ok(c, r, NULL, np) || r->subject < 0 ||
            (young && kgm_is_backer(c, r)) || (r->subject == 0 && kgm_in_relative(c, r->tok)) ||
            kgm_in_quote(c, r->tok))
          continue;
        size_t n = kgm_times_named(c, R, k, s);
        if (n > best_n)
          best = r->id, best_n = n;
      }
      return best;
    }
    if (latest >= 0)
      return latest;
  }
  return fallback_set ? fallback : -1;
}

/* Whether a role phrase ends just before token @p p (« PDG » in « PDG de Tarlo »). */
static int kgm_role_before(const KgmCtx *c, size_t p) {
  const KgtLexEntry *x;
  for (size_t k = 1; k <= 4 && k <= p; k++) /* (« chef de la direction ») */
    if (kgm_lex(c, p - k, KGT_LEX_ROLE, &x) == k)
      return 1;
  return 0;
}

/* Whether the mention at @p tok follows a preposition that opens its sentence: a topic
 * fronted before the clause (« Pour Tarlo, la vente … », "For Tarlo, the sale …"). */
static int kgm_fronted_topic(const KgmCtx *c, size_t tok) {
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, tok)->sentence)->tok_start;
  return tok >= 1 && tok - 1 <= s0 + 1 && kgm_after_prep(c, tok);
}

/* How often the text has named organization @p id in the ten sentences up to sentence
 * @p s, as kgm_times_named() counts from its latest reference, however old (unlike
 * kgm_named_count(), which takes the most over the references of those ten sentences);
 * 0 when none is found. */
static size_t kgm_times_named_id(const KgmCtx *c, const KgmRefs *R, int id, size_t s) {
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;)
    if (strcmp(c->m[R->refs[k].id].name, c->m[id].name) == 0)
      return kgm_times_named(c, R, k, s);
  return 0;
}

/* kgm_resolve_earlier() for a description that is its sentence's subject (« Pour 2026, la
 * société prévoit … », "Founded in 1990, the company …"): when the sentence that gave the
 * referent named organizations only as complements (« grâce au rachat de Tarlo »), the
 * subject of a sentence before it, if the text has named that one more often. */
static int kgm_resolve_earlier_subj(const KgmCtx *c, const KgmRefs *R, size_t s, const char *type,
                                    int np, int young) {
  int r = kgm_resolve_earlier(c, R, s, type, np, young);
  if (r < 0 || !np)
    return r;
  /* the sentence that gave r: the latest one before s with a usable reference */
  size_t ps = SIZE_MAX;
  int comp_only = 1, has_r = 0;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *x = &R->refs[k];
    if (x->sentence >= s || !kgm_ref_ok(c, x, NULL, np))
      continue;
    if (ps == SIZE_MAX)
      ps = x->sentence;
    if (x->sentence != ps)
      break;
    has_r |= strcmp(c->m[x->id].name, c->m[r].name) == 0;
    /* not a speaker's employer (« a déclaré P, PDG de Tarlo »): the text's own company */
    if (x->subject != 0 || !kgm_after_prep(c, x->tok) || (c->m[x->id].flags & KGM_F_ANAPHOR) ||
        kgm_role_before(c, x->tok - 1) || kgm_fronted_topic(c, x->tok))
      comp_only = 0;
  }
  if (ps == SIZE_MAX || ps == 0 || !has_r || !comp_only || s - ps > KGM_ANAPHOR_SENTENCES)
    return r;
  for (size_t back = 0; back < 2 && ps > back; back++) {
    int e = kgm_resolve_earlier(c, R, ps - back, "subj", np, young);
    if (e < 0)
      continue;
    if (strcmp(c->m[e].name, c->m[r].name) != 0 &&
        kgm_times_named_id(c, R, e, s) > kgm_times_named_id(c, R, r, s))
      return e;
    break;
  }
  return r;
}

/* Whether mentions @p a and @p b stand in one list ("A and B", "A, and B"): two subjects of
 * one verb, neither of which a description after them can stand for when the other
 * cannot ("A and B each own 30% of the company"). */
static int kgm_coordinated(const KgmCtx *c, int a, int b) {
  const KgmMention *x = &c->m[a], *y = &c->m[b];
  if (x->tok_start > y->tok_start) {
    const KgmMention *t = x;
    x = y;
    y = t;
  }
  /* "A and Chilean shipping group B": the second one's descriptor (and a demonym before
     it) is part of it */
  size_t ys = y->desc_end > y->desc_start && y->desc_start < y->tok_start ? y->desc_start
                                                                          : y->tok_start;
  for (int k = 0; k < 4 && ys > x->tok_end; k++) {
    int o = c->owner[ys - 1];
    const KgtToken *t = kgm_tok(c, ys - 1);
    if (o >= 0 && c->m[o].cls == KG_CLASS_PLACE && (c->m[o].flags & KGM_F_DEMONYM))
      ys = c->m[o].tok_start;
    else if (o < 0 && t->kind == KGT_WORD && !(t->flags & KGT_F_CAP) && !kgm_is(c, ys - 1, "and") &&
             !kgm_is(c, ys - 1, "et"))
      ys--;
    else
      break;
  }
  if (ys < x->tok_end || ys - x->tok_end > 2 || ys == x->tok_end)
    return 0;
  /* a conjunction: a comma alone may open an apposition ("Orvia, the businessman P") */
  int conj = 0;
  for (size_t q = x->tok_end; q < ys; q++) {
    if (kgm_is(c, q, "and") || kgm_is(c, q, "et") || kgm_is(c, q, "&"))
      conj = 1;
    else if (!kgm_is(c, q, ","))
      return 0;
  }
  return conj;
}

/* The latest organization of sentence @p s before token @p i with another name than
 * mention @p ref ("… seeking control of Bolt, said it raised its stake in the company"). */
/* Whether sentence @p s names @p ref (by its name) before token @p i. */
static int kgm_named_in_sentence(const KgmCtx *c, const KgmRefs *R, int ref, size_t s, size_t i) {
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (r->sentence != s)
      break;
    if (r->tok < i && strcmp(c->m[r->id].name, c->m[ref].name) == 0)
      return 1;
  }
  return 0;
}

/* Token @p q, no mention's, ends a clause: a punctuation mark (not a currency or percent
 * sign) or a relative word. */
static int kgm_clause_break(const KgmCtx *c, size_t q) {
  const KgtLexEntry *x;
  const KgtToken *t = kgm_tok(c, q);
  return c->owner[q] < 0 &&
         ((t->kind == KGT_PUNCT && !kgm_is(c, q, "$") && !kgm_is(c, q, "%") && !kgm_is(c, q, "€") &&
           !kgm_is(c, q, "£")) ||
          kgm_lex(c, q, KGT_LEX_CLAUSE, &x) > 0);
}

/* Token @p q ends the clause before the tokens after it: kgm_clause_break(), or a speech
 * verb. */
static int kgm_clause_edge(const KgmCtx *c, size_t q) {
  const KgtLexEntry *x;
  return kgm_clause_break(c, q) || (c->owner[q] < 0 && kgm_lex(c, q, KGT_LEX_SPEECH_VERB, &x) > 0);
}

/* Whether the mention at @p q is an item of a list a product cue opens (« sous les marques
 * A, B et C », "under the A and B brands" reads the other way and is not seen here): a
 * company's name there is its brand's. */
static int kgm_in_cued_list(const KgmCtx *c, size_t q, size_t s0) {
  const KgtLexEntry *x;
  size_t p = q;
  for (int items = 0; p > s0 && items < 12; items++) {
    int o = c->owner[p - 1];
    if (o >= 0 && c->m[o].tok_end == p && (kgm_is_org(c->m[o].cls) || c->m[o].cls == KG_CLASS_PRODUCT))
      p = c->m[o].tok_start;
    else if (o < 0 && kgm_lex(c, p - 1, KGT_LEX_LIST_SEP, &x) == 1)
      p--;
    else
      break;
  }
  for (size_t k = 1; k <= 4 && k <= p - s0; k++)
    if (kgm_lex(c, p - k, KGT_LEX_PRODUCT_CUE, &x) == k && kgm_has(x->value, "before"))
      return 1;
  return 0;
}

/* An anaphor over tokens [@p i, @p e) cannot stand for @p ref when the same clause names
 * ref after it: "The Atlanta-based company will pay for Orvex", « Le groupe lyonnais
 * financera l'achat d'Orvex », "It will pay for Orvex" (a name is never bound by an
 * expression before it that it would be coreferent with). Only an anaphor a preposition
 * does not govern and no possessive follows ("the company's offer for Orvex" may be
 * Orvex's own); a name in apposition right after it ("The company, Orvex, …") is its own. */
static int kgm_named_after(const KgmCtx *c, int ref, size_t i, size_t e) {
  /* nor one a complement names ("la maison mère de Velmar", "the parent of Velmar") */
  if (kgm_after_prep(c, i) || e >= c->nt || kgm_is(c, e, "'s") || kgm_is(c, e, "'") ||
      kgm_of(c, e, 0))
    return 0;
  size_t lim = kgm_sent_end(c, i);
  const KgtLexEntry *x;
  for (size_t q = e; q < lim; q++) {
    int o = c->owner[q];
    /* the clause ends at a punctuation mark or a relative word: "…, and GE has named",
       « … de Tessil, qui possède 15 % de Velmar » may name it again */
    if (kgm_clause_break(c, q))
      return 0;
    /* a speech verb opens a clause of its own ("said the system was bought by X", « précise
       en effet que … de X »), unless a verb follows it at once (« a indiqué avoir levé …
       auprès de X »: a lower-case word, no function word) */
    if (o < 0 && q + 1 < lim && kgm_lex(c, q, KGT_LEX_SPEECH_VERB, &x) > 0) {
      const KgtToken *nt = kgm_tok(c, q + 1);
      if (c->owner[q + 1] >= 0 || nt->kind != KGT_WORD || (nt->flags & KGT_F_CAP) ||
          kgt_is_function_word(nt->fold) || kgm_lex(c, q + 1, KGT_LEX_DET, &x) > 0)
        return 0;
    }
    if (o < 0 || c->m[o].tok_start != q || (c->m[o].flags & KGM_F_ANAPHOR) ||
        !kgm_is_org(c->m[o].cls) || strcmp(c->m[o].name, c->m[ref].name) != 0)
      continue;
    /* « Le groupe d'électronique Velmar »: the anaphor is that name's own descriptor */
    if (c->m[o].desc_end > c->m[o].desc_start && c->m[o].desc_start < e)
      return 0;
    /* « Le groupe fabrique des vélos sous les marques Velmar, Tarlo et Brado »: the
       group's own name as one of its brands */
    if (kgm_in_cued_list(c, q, kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start))
      continue;
    /* a name that qualifies a noun ("0.25 of a Tessil share", "Orvex's shares", "la Velmar
       911", "its Velmar Quebec Division") is no party */
    size_t f = c->m[o].tok_end;
    const KgtToken *ft = f < lim ? kgm_tok(c, f) : NULL;
    if (ft && (kgm_is(c, f, "'s") || kgm_is(c, f, "'") || ft->kind == KGT_NUMBER ||
               (ft->kind == KGT_WORD && ((ft->flags & KGT_F_CAP) || !kgt_is_function_word(ft->fold)))))
      return 0;
    return 1;
  }
  return 0;
}

static int kgm_poss_modifier(const KgmCtx *c, const KgmMention *m);

/* The clause of the anaphor at @p i names @p ref before it as its subject (by name or by
 * an anaphor already resolved to it): "Velmar paid $157 a share for the Ohio-based
 * company". An object is not its own clause's subject. The clause starts after a
 * punctuation mark, a relative word or a speech verb ("Velmar said the Ohio-based company
 * …" may be Velmar itself). */
static int kgm_named_before(const KgmCtx *c, int ref, size_t i) {
  size_t s0 = kgm_tok(c, i)->sentence;
  for (size_t q = i; q-- > 0;) {
    const KgtToken *t = kgm_tok(c, q);
    if (t->sentence != s0)
      return 0;
    if (kgm_clause_edge(c, q)) {
      /* "Orvex, which already held 19% of the Kiel-based start-up": the relative's subject
         is the name before it (for a complement: "…, the Tokyo-listed company said" is Orvex) */
      int o = q >= 2 && kgm_is(c, q - 1, ",") ? c->owner[q - 2] : -1;
      const KgtLexEntry *rw;
      return kgm_lex((KgmCtx *)c, q, KGT_LEX_CLAUSE, &rw) == 1 && rw->value &&
             kgm_has(rw->value, "relative") && o >= 0 && c->m[o].tok_end == q - 1 &&
             kgm_is_org(c->m[o].cls) &&
             strcmp(c->m[o].name, c->m[ref].name) == 0 && !kgm_after_prep(c, c->m[o].tok_start) &&
             kgm_after_prep(c, i);
    }
    int o = c->owner[q];
    if (o < 0 || c->m[o].tok_start != q || !kgm_is_org(c->m[o].cls) ||
        strcmp(c->m[o].name, c->m[ref].name) != 0)
      continue;
    /* no complement ("raised $748 million for Orvex and valued the Ohio-based company")
       nor possessor ("Orvex's offering valued the company"), nor an object ("could buy
       Orvex common stock from the Ohio-based company": a verb right before it, unless a
       speech verb opens the clause a few words back, "said last month it had agreed") */
    size_t a = c->m[o].desc_start < q ? c->m[o].desc_start : q;
    if (kgm_after_prep(c, a) || kgm_poss_modifier(c, &c->m[o]))
      return 0;
    if (a == 0 || kgm_tok(c, a - 1)->sentence != s0)
      return 1;
    const KgtToken *b = kgm_tok(c, a - 1);
    if (c->owner[a - 1] >= 0 || b->kind != KGT_WORD || (b->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) ||
        kgt_is_function_word(b->fold) || kgm_clause_edge(c, a - 1))
      return 1;
    const KgtLexEntry *x;
    for (size_t k = a - 1, n = 0; n < 3 && k > 0 && kgm_tok(c, k)->sentence == s0; k--, n++)
      if (c->owner[k] < 0 && kgm_lex(c, k, KGT_LEX_SPEECH_VERB, &x) > 0)
        return 1;
    return 0;
  }
  return 0;
}

/* @p a and @p b agree on their first @p n bytes, ASCII letters of either case alike. */
static int kgm_ascii_ieq(const char *a, const char *b, size_t n) {
  for (size_t k = 0; k < n; k++) {
    unsigned char x = (unsigned char)a[k], y = (unsigned char)b[k];
    if (x >= 'A' && x <= 'Z')
      x = (unsigned char)(x | 0x20);
    if (y >= 'A' && y <= 'Z')
      y = (unsigned char)(y | 0x20);
    if (x != y)
      return 0;
  }
  return 1;
}

/* The first word of @p name, or the word before " family" / after "famille " (a family
 * named as an organization), into @p out. */
static size_t kgm_family_word(const char *name, char *out, size_t cap) {
  const char *b = name, *e;
  size_t n = strlen(name);
  if (n > 7 && strcmp(name + n - 7, " family") == 0) {
    e = name + n - 7;
    const char *sp = e;
    while (sp > name && sp[-1] != ' ')
      sp--;
    b = sp;
  } else if (strncmp(name, "famille ", 8) == 0) {
    b = name + 8;
    e = b + strcspn(b, " ");
  } else {
    return 0;
  }
  if ((size_t)(e - b) + 1 > cap || e == b)
    return 0;
  memcpy(out, b, (size_t)(e - b));
  out[e - b] = '\0';
  return (size_t)(e - b);
}

int kgm_name_is_family(const char *name) {
  char fw[64];
  return kgm_family_word(name, fw, sizeof fw) > 0;
}

int kgm_name_has_word(const char *name, const char *key, size_t kl) {
  for (const char *w = name; *w;) {
    size_t wl = strcspn(w, " ");
    if (wl == kl && kgm_ascii_ieq(w, key, kl))
      return 1;
    w += wl;
    while (*w == ' ')
      w++;
  }
  return 0;
}

/* "Founded in 1911 by Frank C. Halvik …, the Virginia-based company remains owned by the Halvik
 * family": a description in a sentence that names a person or a family whose surname is a
 * word of the name of an organization named before is that organization (a company named
 * after its founders: « Fondée en 1921 par Pieter van der Brelle, la société », of Van der
 * Brelle Kwekerij). -1 when there is none, or more than one. */
static int kgm_eponym(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s) {
  const KgtSentence *st = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence);
  int found = -1;
  for (size_t q = st->tok_start; q < st->tok_end; q++) {
    int o = c->owner[q];
    if (o < 0 || c->m[o].tok_start != q || (c->m[o].flags & KGM_F_ANAPHOR) || !c->m[o].name)
      continue;
    char key[64];
    size_t kl = 0;
    if (c->m[o].cls == KG_CLASS_PERSON) {
      const char *nm = c->m[o].name, *sp = strrchr(nm, ' ');
      if (!sp)
        continue; /* a surname alone may be anyone's */
      kl = strlen(sp + 1);
      if (kl + 1 > sizeof key)
        continue;
      memcpy(key, sp + 1, kl + 1);
    } else if (kgm_is_org(c->m[o].cls)) {
      kl = kgm_family_word(c->m[o].name, key, sizeof key);
    }
    if (kl < 3)
      continue;
    for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
      const KgmRef *r = &R->refs[k];
      if (s - r->sentence > 10)
        break;
      const char *rn = c->m[r->id].name;
      char fw[64];
      if (r->tok >= i || !rn || kgm_family_word(rn, fw, sizeof fw) || !kgm_ref_ok(c, r, NULL, 1))
        continue;
      if (kgm_name_has_word(rn, key, kl)) {
        if (found >= 0 && strcmp(c->m[found].name, rn) != 0)
          return -1;
        found = r->id;
        break;
      }
    }
  }
  return found;
}

static int kgm_resolve_other(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s, int ref,
                             int np) {
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (r->sentence != s)
      break;
    if (r->tok >= i || !kgm_ref_ok(c, r, NULL, np))
      continue;
    if (strcmp(c->m[r->id].name, c->m[ref].name) != 0 && !kgm_coordinated(c, r->id, ref))
      return r->id;
  }
  return -1;
}

/* Whether token @p i opens its sentence (a determiner before it allowed). */
static int kgm_opens_sentence(const KgmCtx *c, size_t i) {
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  const KgtLexEntry *de;
  return i == s || (i == s + 1 && kgm_lex(c, s, KGT_LEX_DET, &de) > 0);
}

/* Whether an apposition right after mention @p m calls it by a noun other than
 * @p noun: "Kestrel, l'assureur présidé par …" for « la banque ». */
static int kgm_appos_other_noun(const KgmCtx *c, const KgmMention *m, const char *noun) {
  size_t j = m->tok_end;
  const KgtLexEntry *de;
  if (j + 2 >= c->nt || !kgm_is(c, j, ",") || kgm_lex(c, j + 1, KGT_LEX_DET, &de) <= 0)
    return 0;
  const KgtToken *t = kgm_tok(c, j + 2);
  return t->kind == KGT_WORD && t->sentence == kgm_tok(c, j)->sentence &&
         strcmp(t->fold, noun) != 0;
}

/* "…, as well as from Quorvane Capital, the fund co-founded by P.": a description at @p i that
 * runs to its sentence's end, short and with no verb of its own, is an apposition (not the
 * subject after a fronted phrase, "Although its shares trade on X, the group is controlled
 * by …"). */
static int kgm_verbless_to_end(const KgmCtx *c, size_t i) {
  size_t se = kgm_sent_end(c, i);
  if (se > i + 16)
    return 0;
  for (size_t q = i + 1; q < se; q++)
    if (kgm_is(c, q, ",") || kgm_lex1(c, q, KGT_LEX_SUBJ_VERB))
      return 0;
  return 1;
}

/* The organization a subject relative clause hangs on, when the possessive at @p i stands
 * one to four lower-case words into it ("Tessaro, which bundles its …", « X, qui a
 * cédé sa … »); -1 if none. Not right after the relative word ("Velmar, which its rival
 * bought": an object relative), nor after a copula or a verb of office (lexicon:
 * `subjverb … role`). */
static int kgm_poss_relative(const KgmCtx *c, size_t i) {
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  if (i < s0 + 3)
    return -1; /* no room for a name, a comma and a relative word before it */
  for (size_t q = i - 1; q >= s0 + 2 && q + 5 >= i; q--) {
    const KgtToken *t = kgm_tok(c, q);
    const KgtLexEntry *rw;
    if (t->kind != KGT_WORD || c->owner[q] >= 0 || (t->flags & KGT_F_ALLCAPS))
      return -1;
    if (kgm_lex(c, q, KGT_LEX_CLAUSE, &rw) == 1) {
      if (q + 1 == i || !rw->value || !kgm_has(rw->value, "relative") || kgm_has(rw->value, "person") ||
          !kgm_is(c, q - 1, ","))
        return -1;
      int o = c->owner[q - 2];
      return o >= 0 && c->m[o].tok_end == q - 1 && kgm_is_org(c->m[o].cls) ? o : -1;
    }
    /* not after a copula or a verb of office: "X, which became its largest shareholder" is
       another's */
    const KgtLexEntry *sv;
    if ((t->flags & KGT_F_CAP) || kgm_lex1(c, q, KGT_LEX_SPEECH_VERB) || kgm_lex1(c, q, KGT_LEX_COPULA) ||
        (kgm_lex(c, q, KGT_LEX_SUBJ_VERB, &sv) == 1 && sv->value && kgm_has(sv->value, "role")))
      return -1;
  }
  return -1;
}

/* The description opening at @p i goes on, within a few words and no punctuation, with a
 * relative clause: "controlled by Kelm Partners, the Chicago private equity firm that
 * first invested in it" describes the name before its comma. */
static int kgm_desc_relative(const KgmCtx *c, size_t i) {
  size_t lim = kgm_sent_end(c, i);
  for (size_t q = i + 1; q < lim && q <= i + 8; q++) {
    const KgtToken *t = kgm_tok(c, q);
    if (t->kind != KGT_WORD)
      return 0;
    const KgtLexEntry *rw;
    if (q > i + 1 && kgm_lex(c, q, KGT_LEX_CLAUSE, &rw) == 1 && rw->value &&
        kgm_has(rw->value, "relative")) {
      /* right after the description's noun ("… private equity firm that"), not after a
         verb ("the group disclosed that") */
      const KgtLexEntry *e;
      for (size_t k = q - 1; k > i; k--)
        if (kgm_lex(c, k, KGT_LEX_DESCRIPTOR, &e) == q - k)
          return 1;
      return 0;
    }
  }
  return 0;
}

/* The comma before token @p bs closes a phrase that opens the sentence and names no
 * organization ("In addition, Velmar, the discount chain …"): no list goes before. */
static int kgm_after_opening_adverbial(const KgmCtx *c, size_t bs) {
  if (bs < 2 || !kgm_is(c, bs - 1, ","))
    return 0;
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, bs)->sentence)->tok_start;
  if (bs - 1 - s0 > 4)
    return 0;
  for (size_t q = s0; q < bs - 1; q++)
    if (c->owner[q] >= 0 || kgm_is(c, q, ","))
      return 0;
  return 1;
}

/* The organization a description at @p i stands in apposition to ("Brantel, la maison mère
 * de …", "Tarlo, the Brackley-based company …"): the name right before its comma, when that
 * name is no news outlet, no description itself, and opens no fronted phrase ("In a filing
 * with the SEC, the group disclosed") nor the next item of a list. A caller that knows
 * where the description ends passes that token as @p close (else 0). -1 when none. */
static int kgm_appos_name(const KgmCtx *c, size_t i, size_t close) {
  if (i < 2 || !kgm_is(c, i - 1, ",") || c->owner[i - 2] < 0)
    return -1;
  const KgmMention *b = &c->m[c->owner[i - 2]];
  size_t bs = b->desc_start < b->tok_start ? b->desc_start : b->tok_start;
  const KgtLexEntry *le;
  if (!kgm_is_org(b->cls) || b->cls == KG_CLASS_NEWS_ORGANIZATION || (b->flags & KGM_F_ANAPHOR) ||
      (bs >= 1 && kgm_lex(c, bs - 1, KGT_LEX_LIST_SEP, &le) && !kgm_after_opening_adverbial(c, bs)))
    return -1;
  /* "an agreement with Orvex Materials, the Orsk-based producer, to buy …": after a
     preposition too, a description closed by a comma right after its noun */
  if (kgm_after_prep(c, bs) && !(close && close < c->nt && kgm_is(c, close, ",")) &&
      !kgm_verbless_to_end(c, i) && !kgm_desc_relative(c, i)) {
    /* « Pour Velmar, la société d'investissement dirigée par P, l'échec … »: after a
       preposition opening the sentence, a description closed by a comma is the name's
       apposition (« Racheté par Velmar, la société emploie … » has no comma after it) */
    size_t ss = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start, lim = kgm_sent_end(c, i);
    int closed = 0;
    for (size_t q = i + 1; q < lim && q <= i + 10 && !closed; q++)
      closed = kgm_is(c, q, ",");
    if (bs != ss + 1 || !closed)
      return -1;
  }
  return c->owner[i - 2];
}

/* kgm_resolve()'s apposition after a preposition: the organization named right before the
 * comma before the description at @p i, when the text gave it no country or one of @p where,
 * and the description has no verb up to the next comma; -1 otherwise. */
static int kgm_loose_appos(const KgmCtx *c, size_t i, const KgmAnaPlaces *where) {
  if (i < 2 || !kgm_is(c, i - 1, ",") || c->owner[i - 2] < 0)
    return -1;
  const KgmMention *b = &c->m[c->owner[i - 2]];
  if (!kgm_is_org(b->cls) || b->cls == KG_CLASS_NEWS_ORGANIZATION || (b->flags & KGM_F_ANAPHOR) ||
      b->tok_end != i - 1)
    return -1;
  if (b->country) {
    const char *bc = kgm_place_country(c, b->country);
    if (!bc || !where->country[0] || strcmp(bc, where->country[0]) != 0)
      return -1;
  }
  /* the description runs to a comma or the sentence's end with no verb ("…, le constructeur
     de Woking a dévoilé" is the subject after a fronted phrase) */
  size_t lim = kgm_sent_end(c, i);
  const KgtLexEntry *e;
  for (size_t q = i + 1; q < lim; q++) {
    if (q > i + 16)
      return -1;
    if (kgm_is(c, q, ","))
      break;
    if (kgm_lex(c, q, KGT_LEX_SPEECH_VERB, &e) || kgm_lex(c, q, KGT_LEX_SUBJ_VERB, &e) ||
        (kgm_lex(c, q, KGT_LEX_COPULA, &e) && !kgm_is(c, q, "'s")))
      return -1;
  }
  return c->owner[i - 2];
}

/* The organization an earlier descriptor called by the noun after the anaphor at token @p i
 * (sentence @p s), when that noun is not a generic one and the text gave it no country
 * other than those of @p where; with @p by_name, the organization whose name opens with that
 * noun instead (« la coopérative » after « la Coopérative Orsk Primeurs », « la fondation »
 * after « Fondation Velmar »). The latest such, or -1. */
static int kgm_noun_ref(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s,
                        const KgmAnaPlaces *where, int by_name) {
  const KgtLexEntry *ae;
  if (i + 1 >= c->nt || kgm_tok(c, i + 1)->kind != KGT_WORD ||
      (by_name && (kgm_tok(c, i + 1)->flags & (KGT_F_CAP | KGT_F_ALLCAPS))) ||
      (kgm_lex(c, i, KGT_LEX_ANAPHOR, &ae) > 0 && kgm_has(ae->arg[0], "generic")))
    return -1;
  const char *noun = kgm_tok(c, i + 1)->fold;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    const KgmMention *m = &c->m[r->id];
    if (s - r->sentence > 10)
      break;
    if (r->tok >= i || (m->flags & KGM_F_ANAPHOR) || !kgm_ref_ok(c, r, NULL, 1))
      continue;
    if (by_name) {
      const KgtToken *first = kgm_tok(c, m->tok_start);
      if (m->tok_end > m->tok_start + 1 && (first->flags & KGT_F_CAP) && strcmp(first->fold, noun) == 0)
        return r->id;
      continue;
    }
    int called = 0;
    for (size_t t = m->desc_start; t < m->desc_end && t < m->tok_start && !called; t++)
      called = strcmp(kgm_tok(c, t)->fold, noun) == 0 &&
               !(kgm_tok(c, t)->flags & (KGT_F_CAP | KGT_F_ALLCAPS));
    if (!called)
      continue;
    /* placed by the text or the gazetteer: only in the description's country */
    return m->country && !kgm_ref_ok(c, r, where, 1) ? -1 : r->id;
  }
  return -1;
}

/* The organization a sentence fronts as its topic before token @p i (sentence @p s): named
 * right after the sentence's first word, a preposition of value "topic", and followed by a
 * comma (« Pour Velmar, … », "For Velmar, …"); -1 when none. */
static int kgm_topic_fronted(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s) {
  size_t s0 = kgt_doc_sentence(c->d, s)->tok_start;
  const KgtLexEntry *pe;
  if (kgm_lex(c, s0, KGT_LEX_PREP, &pe) != 1 || !pe->value || !kgm_has(pe->value, "topic"))
    return -1;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (r->sentence < s)
      break;
    const KgmMention *m = &c->m[r->id];
    if (r->sentence == s && m->tok_start == s0 + 1 && m->tok_end < i && kgm_is(c, m->tok_end, ",") &&
        !(m->flags & KGM_F_ANAPHOR) && kgm_ref_ok(c, r, NULL, 0))
      return r->id;
  }
  return -1;
}

/* The organization the story opens with, wherever it stands in its sentence (« Nouveau départ
 * pour La Maison Velmar »): the first one named (before token @p i) that is no news outlet nor
 * public body, when it is no backer nor anaphor and the text has given it no country (with
 * @p placed, whatever its country); -1 otherwise. kgm_lead_subject() wants it as its
 * sentence's subject. */
static int kgm_story_topic(const KgmCtx *c, const KgmRefs *R, size_t i, int placed) {
  for (size_t k = 0; k < R->n && R->refs[k].tok < i; k++) {
    const KgmRef *r = &R->refs[k];
    const KgmMention *m = &c->m[r->id];
    if (m->cls == KG_CLASS_NEWS_ORGANIZATION || m->cls == KG_CLASS_GOVERNMENT_BODY)
      continue;
    if ((m->flags & KGM_F_ANAPHOR) || kgm_is_backer(c, r) || (!placed && m->country) ||
        r->subject < 0)
      return -1;
    return r->id;
  }
  return -1;
}

/* "Tessa Reffan, a former Brellan Bank trader, …": the name at @p a comes after a person's
 * name, a comma, a determiner and one lower-case word, in the person's apposition. */
static int kgm_in_person_appos(const KgmCtx *c, size_t a) {
  if (a < 4 || !kgm_is(c, a - 3, ",") || c->owner[a - 4] < 0 ||
      c->m[c->owner[a - 4]].cls != KG_CLASS_PERSON || c->owner[a - 1] >= 0 || c->owner[a - 2] >= 0)
    return 0;
  const KgtToken *w = kgm_tok(c, a - 1), *d = kgm_tok(c, a - 2);
  return w->kind == KGT_WORD && !(w->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && d->kind == KGT_WORD &&
         !(d->flags & KGT_F_CAP) && kgt_is_function_word_in(d->fold, kgt_doc_lang(c->d));
}

/* Whether every time the ten sentences before sentence @p s (and @p s) name the
 * organization of mention @p id, the name only qualifies the noun after it ("their Nasdaq
 * debut"): no preposition before it, a lower-case word after it that is no function word,
 * verb or adverb of the lexicon; with @p det, a determiner before it too (not "give Brantor
 * firepower"). */
static int kgm_premodifier_only(const KgmCtx *c, const KgmRefs *R, int id, size_t s, int det) {
  int seen = 0;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (s - r->sentence > 10)
      break;
    const KgmMention *m = &c->m[r->id];
    if ((m->flags & KGM_F_ANAPHOR) || strcmp(m->name, c->m[id].name) != 0)
      continue;
    size_t a = m->tok_start, e = m->tok_end;
    const KgtLexEntry *x;
    if (e >= c->nt || kgm_tok(c, e)->sentence != kgm_tok(c, a)->sentence)
      return 0;
    const KgtToken *n = kgm_tok(c, e);
    if (n->kind != KGT_WORD || (n->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) || c->owner[e] >= 0 ||
        kgt_is_function_word_in(n->fold, kgt_doc_lang(c->d)) || kgm_lex(c, e, KGT_LEX_PREP, &x) ||
        kgm_lex(c, e, KGT_LEX_SUBJ_VERB, &x) || kgm_lex(c, e, KGT_LEX_SPEECH_VERB, &x) ||
        kgm_lex(c, e, KGT_LEX_COPULA, &x) || kgm_lex(c, e, KGT_LEX_NOT_NAME, &x) ||
        kgm_lex(c, e, KGT_LEX_DESCRIPTOR, &x) ||
        (a > 0 && kgm_lex(c, a - 1, KGT_LEX_PREP, &x)) ||
        (det && (a == 0 || !(kgm_lex1(c, a - 1, KGT_LEX_DET) ||
                             kgt_is_function_word_in(kgm_tok(c, a - 1)->fold, kgt_doc_lang(c->d)) ||
                             (c->owner[a - 1] >= 0 && (c->m[c->owner[a - 1]].flags & KGM_F_ANAPHOR)) ||
                             kgm_in_person_appos(c, a)))))
      return 0;
    seen = 1;
  }
  return seen;
}

/* "Shares of Velmar slumped in their Nasdaq debut … the company": when the text only used
 * the name of @p ref to qualify a noun, the company the story opened with (before token @p i
 * of sentence @p s), else @p ref. With @p strict, only names used after a determiner, and the
 * opening company may be one whose country the text has given. */
static int kgm_past_premodifier(const KgmCtx *c, const KgmRefs *R, int ref, size_t i, size_t s,
                                int strict) {
  int op;
  if (ref >= 0 && kgm_premodifier_only(c, R, ref, s, strict) &&
      (op = kgm_story_topic(c, R, i, strict)) >= 0 && !kgm_is_backer_id(c, op) &&
      strcmp(c->m[op].name, c->m[ref].name) != 0)
    return op;
  return ref;
}

/* Whether a fund's noun (a descriptor of class InvestmentFirm: "the fund", « le fonds »)
 * starts at token @p j. */
static int kgm_fund_noun(const KgmCtx *c, size_t j) {
  const KgtLexEntry *de;
  return j < c->nt && kgm_lex(c, j, KGT_LEX_DESCRIPTOR, &de) > 0 &&
         kgm_class_of(de->value) == KG_CLASS_INVESTMENT_FIRM;
}

/* Whether the noun at token @p j names a fund as often as a company (descriptor attachment
 * backer: "firm"). */
static int kgm_backer_noun(const KgmCtx *c, size_t j) {
  const KgtLexEntry *de;
  return kgm_lex(c, j, KGT_LEX_DESCRIPTOR, &de) > 0 && kgm_has(de->arg[0], "backer");
}

/* The referent of an anaphor of type @p type at token @p i in sentence @p s. */
static int kgm_resolve_any(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s, const char *type,
                           const KgmAnaPlaces *where, int *sure);

/* Of the funds named in the ten sentences before token @p i (sentence @p s), the one named
 * most; -1 when none. */
static int kgm_most_named_fund(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s) {
  return kgm_most_named_of(c, R, i, s, 1, 1, 0, NULL, 0);
}

/* kgm_resolve_any(); in English a fund's noun ("the buyout firm") stands for a fund when the
 * text has named one lately, not for the company it buys (French « le fonds » has its own
 * readings: kgm_young_ahead()). */
static int kgm_resolve(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s, const char *type,
                       const KgmAnaPlaces *where, int *sure) {
  int r = kgm_resolve_any(c, R, i, s, type, where, sure);
  if (r >= 0 && !c->fr && c->m[r].cls != KG_CLASS_INVESTMENT_FIRM && strcmp(type, "np") == 0 &&
      kgm_fund_noun(c, i + 1)) {
    int f = kgm_most_named_fund(c, R, i, s);
    if (f >= 0)
      r = f;
  }
  return r;
}

/* Whether the latest sentence before sentence @p s that names organizations a description
 * may stand for (kgm_ref_ok(); anaphors aside) names only the one of mention @p id. */
static int kgm_sole_recent(const KgmCtx *c, const KgmRefs *R, size_t s, int id) {
  size_t at = SIZE_MAX;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    const KgmMention *m = &c->m[r->id];
    if (r->sentence >= s)
      continue;
    if (at != SIZE_MAX && r->sentence != at)
      break;
    if ((m->flags & KGM_F_ANAPHOR) || !kgm_ref_ok(c, r, NULL, 1))
      continue;
    at = r->sentence;
    if (strcmp(m->name, c->m[id].name) != 0)
      return 0;
  }
  return at != SIZE_MAX;
}

/* Whether an organization is named in the sentence of token @p i before it. */
static int kgm_org_before(const KgmCtx *c, size_t i) {
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  for (size_t q = s0; q < i; q++)
    if (c->owner[q] >= 0 && kgm_is_org(c->m[c->owner[q]].cls))
      return 1;
  return 0;
}

static int kgm_resolve_any(const KgmCtx *c, const KgmRefs *R, size_t i, size_t s, const char *type,
                           const KgmAnaPlaces *where, int *sure) {
  *sure = 0;
  /* "the combined group", « le nouvel ensemble »: after a merger, the company the article is
     about (its buyer), the one named most, not the last one named */
  if (strcmp(type, "focus") == 0) {
    int best = kgm_most_named(c, R, i, s, NULL, 1, 1);
    *sure = best >= 0;
    return best;
  }
  int np = strcmp(type, "np") == 0;
  /* "Velmar is the first U.S. company to …": a description after a name and a copula is
     said of that name */
  const KgtLexEntry *cp;
  if (np && i >= 2 && kgm_lex(c, i - 1, KGT_LEX_COPULA, &cp) == 1 && !kgm_is(c, i - 1, "'s") &&
      c->owner[i - 2] >= 0 &&
      c->m[c->owner[i - 2]].tok_end == i - 1 && kgm_is_org(c->m[c->owner[i - 2]].cls) &&
      !(c->m[c->owner[i - 2]].flags & KGM_F_ANAPHOR)) {
    *sure = 1;
    return c->owner[i - 2];
  }
  /* "Tessaro, which bundles its Velmo app with …", « Tessaro, qui a cédé sa filiale »: a
     possessive a few verb words into a relative clause that opens on an organization
     (before a fronted topic: "For Orsk, … Tessaro, which bundles its …") */
  if (strcmp(type, "poss") == 0) {
    int rel = kgm_poss_relative(c, i);
    if (rel >= 0) {
      *sure = 1;
      return rel;
    }
  }
  /* "For Velmar, the sale leaves it more focused on Orsk, its unit": a pronoun or a
     possessive after a topic fronted by a preposition of value "topic" stands for it */
  if (!np && strcmp(type, "focus") != 0) {
    int ft = kgm_topic_fronted(c, R, i, s);
    if (ft >= 0) {
      *sure = 1;
      return ft;
    }
  }
  const KgtLexEntry *ce;
  int in_clause = i > 0 && kgm_lex(c, i - 1, KGT_LEX_CLAUSE, &ce) > 0; /* "dont il" */
  if (where && where->country[0]) {
    /* "controlled by Kelm Partners, the Chicago private equity firm that …": in
       apposition, the name before the comma */
    /* (not after a fronted phrase: "Like rivals A and B, the New York-listed group has …" is
       the main clause's subject, no apposition of B) */
    int fronted = np && kgm_after_fronted_phrase(c, i);
    int ap = np && !fronted ? kgm_appos_name(c, i, 0) : -1;
    if (ap >= 0 && kgm_desc_relative(c, i)) {
      *sure = 1;
      return ap;
    }
    /* "came from Camelot Group, the Michigan investment firm of P": after a preposition
       too, a name right before the comma that the text has placed nowhere else, when no
       verb follows the description's noun ("sold it to Orsk, the Ohio company said") */
    int lp = np && !fronted ? kgm_loose_appos(c, i, where) : -1;
    if (lp >= 0) {
      *sure = 1;
      return lp;
    }
    /* « La maison parisienne » after « la maison Velmar Paris »: with a town (a country is
       matched by the gazetteer's companies below: « le constructeur allemand »), the
       organization an earlier descriptor called by the same (not generic) noun, when the
       text has not placed it elsewhere, before any other of that country */
    int town = where->place[0] && !kgm_country_entry(where->place[0]);
    int same = np && town ? kgm_noun_ref(c, R, i, s, where, 0) : -1;
    if (same >= 0) {
      *sure = 1;
      return same;
    }
    /* of the organizations of that country, the one the text has named most ("du géant
       français" is the group, not its brand named last); "the Velmont-based
       startup" is never the fund that backs it */
    int best = kgm_most_named(c, R, i, s, where, np, kgm_young_ahead(c, i, np));
    /* « Nouveau départ pour La Maison Velmar … l'entreprise de Villeurbanne » after funds of that
       country entered its capital: a company noun with a town is not a backer the gazetteer
       alone places in the town's country, but the organization the story opened with, when
       the text has placed it nowhere */
    const KgtLexEntry *cd;
    if (best >= 0 && np && town && kgm_is_backer_id(c, best) && i + 1 < c->nt && kgm_lex(c, i + 1, KGT_LEX_DESCRIPTOR, &cd) > 0 &&
        kgm_class_of(cd->value) == KG_CLASS_COMPANY) {
      int topic = kgm_story_topic(c, R, i, 0);
      if (topic >= 0)
        best = topic;
    }
    *sure = best >= 0;
    /* « le fonds d'infrastructure américain » when no fund of that country is known: the
       fund named most whose country the text has not given */
    if (best < 0 && np && kgm_fund_noun(c, i + 1))
      best = kgm_most_unplaced(c, R, i, s, np, 1, 0, NULL);
    /* « P, président et chef de la direction du groupe montréalais »: after an officer's
       title, when no organization of that country is known, the one named most whose
       country the text has not given */
    if (best < 0 && np && kgm_role_before(c, i))
      best = kgm_most_unplaced(c, R, i, s, np, 0, 2, NULL);
    /* « Le groupe Velmar poursuit ses emplettes. Le spécialiste lyonnais a … »: a description
       that opens its sentence (or its main clause after a fronted phrase: « Fondé en 1921,
       le groupe de Lyon emploie … »), when no organization of that country is known, is the
       company the sentence before opened with, named after a descriptor */
    if (best < 0 && np && (kgm_initial(c, i) || fronted)) {
      best = kgm_prev_described_subject(c, R, s, np);
      /* (after a fronted phrase, only when that sentence named no other organization:
         « X a pris le contrôle de la société Y. Fondée en 1948, la maison lyonnaise … » may
         be either) */
      if (best >= 0 && !kgm_initial(c, i) && kgm_other_named_in(c, R, s - 1, c->m[best].name))
        best = -1;
    }
    /* « Pour Orvalho, il s'agit de sa plus grosse acquisition. Le groupe de Curitiba avait
       déjà repris … »: a description with a town opening its sentence, when no organization
       there is known and no descriptor named the subject before, is the subject of the
       sentence before (or the topic it fronts), unless the gazetteer places that one in
       another country, the text places it already, it is a backer, it follows another
       organization in its sentence or that sentence is a headline */
    if (best < 0 && np && town && kgm_initial(c, i)) {
      int pr = kgm_resolve_earlier(c, R, s, "subj", np, 0);
      if (pr < 0 && s > 0)
        pr = kgm_topic_fronted(c, R, i, s - 1);
      const char *pc = pr >= 0 && c->m[pr].country ? kgm_place_country(c, c->m[pr].country) : NULL;
      if (pr >= 0 && !kgm_is_backer_id(c, pr) && (!pc || strcmp(pc, where->country[0]) == 0) &&
          !kgm_text_placed(c, R, c->m[pr].name, s) && !kgm_org_before(c, c->m[pr].tok_start) &&
          !c->headline[kgm_tok(c, c->m[pr].tok_start)->sentence]) {
        best = pr;
        *sure = 1;
      }
    }
    /* « a bouclé le rachat de 94 % du capital de l'allemand », with no organization of that
       country known: a demonym standing alone as a noun is the organization named most
       whose country the text has not given, never a backer */
    int bare = i + 1 < c->nt && c->owner[i + 1] >= 0 && c->m[c->owner[i + 1]].tok_start == i + 1 &&
               c->m[c->owner[i + 1]].tok_end == i + 2 && (c->m[c->owner[i + 1]].flags & KGM_F_DEMONYM) &&
               kgm_lex1(c, i, KGT_LEX_DET);
    /* (not « à l'italienne », a manner; only a company no list of names alone made one:
       « l'anglais » is as often the language, « le monégasque » a man) */
    if (best < 0 && np && c->fr && bare && !(i > 0 && kgm_is(c, i - 1, "a"))) {
      best = kgm_most_unplaced(c, R, i, s, np, 0, 3, NULL);
      if (best >= 0 && (c->m[best].cls != KG_CLASS_COMPANY || (c->m[best].flags & KGM_F_GUESS)))
        best = -1;
    }
    /* « L'éditeur de logiciels Velmar … La start-up française a levé … » when no young
       company of that country is known: the one named most whose country the text has not
       given, never a backer */
    if (best < 0 && kgm_young_ahead(c, i, np)) {
      best = kgm_most_unplaced(c, R, i, s, np, 0, 0, NULL);
      if (best >= 0 && kgm_is_backer_id(c, best))
        best = -1;
    }
    /* « Fondée en 1931, l'entreprise iséroise fabrique … » when no organization of that
       region or town is known: as the subject, the company the description would stand for
       without its place, when nothing places that one elsewhere (the gazetteer nor the text)
       and a headline did not name it (« Le nouveau Velo X2 révélé … Le constructeur de Tarvik »:
       a model the headline alone named), and the latest sentence naming organizations names
       it alone (« X a pris le contrôle de Y. Fondée en 1948, la maison lyonnaise … » may be
       either) */
    if (best < 0 && np && town && (kgm_initial(c, i) || fronted)) {
      int s2;
      int r = kgm_resolve_any(c, R, i, s, type, NULL, &s2);
      if (r >= 0 && !c->m[r].country && !kgm_is_backer_id(c, r) && !kgm_text_placed(c, R, c->m[r].name, s) &&
          !c->headline[kgm_tok(c, c->m[r].tok_start)->sentence] && !(c->m[r].flags & KGM_F_GUESS) &&
          !strpbrk(c->m[r].name, "0123456789") && kgm_sole_recent(c, R, s, r))
        best = r;
    }
    return best;
  }
  /* « Brantel, la maison mère d'Orvane Motors, prévoit … », "Tarlo, the company that makes
   * X": a description in apposition to a name is that name's (a speaker's "…, the company
   * said" is read as a possessive before this) */
  int an = np ? kgm_appos_name(c, i, 0) : -1, appos_poss = -1;
  int nn = np && an < 0 ? kgm_noun_ref(c, R, i, s, NULL, 1) : -1;
  if (nn >= 0) {
    *sure = 1;
    return nn;
  }
  if (an >= 0) {
    /* not a possessive description ("Corvel Gas Transmission, the company's pipeline
       unit") */
    size_t ae = kgm_sent_end(c, i);
    int poss_after = 0;
    for (size_t q = i + 1; q < ae && q <= i + 4 && !poss_after; q++)
      poss_after = kgm_is(c, q, "'s") || kgm_is(c, q, "'");
    if (!poss_after) {
      *sure = 1;
      return an;
    }
  }
  /* "X, the conglomerate's unit" (after a preposition too: "the merger of X, the
     conglomerate's unit, with Y"): the conglomerate is not X */
  if (np && i >= 2 && kgm_is(c, i - 1, ",") && c->owner[i - 2] >= 0 &&
      kgm_is_org(c->m[c->owner[i - 2]].cls) && !(c->m[c->owner[i - 2]].flags & KGM_F_ANAPHOR)) {
    size_t ae = kgm_sent_end(c, i);
    for (size_t q = i + 1; q < ae && q <= i + 4 && appos_poss < 0; q++)
      if (kgm_is(c, q, "'s") || kgm_is(c, q, "'"))
        appos_poss = c->owner[i - 2];
    /* "Velmar Quantum Solutions, the conglomerate's quantum unit": a unit named after its
       parent, when the text has named the parent */
    const char *un = appos_poss >= 0 ? c->m[appos_poss].name : NULL;
    for (size_t k = R->n; un && k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
      const KgmRef *r = &R->refs[k];
      if (s - r->sentence > 10)
        break;
      const char *pn = c->m[r->id].name;
      size_t pl = pn ? strlen(pn) : 0;
      if (r->tok < i && pl >= 3 && strncmp(un, pn, pl) == 0 && un[pl] == ' ' &&
          kgm_ref_ok(c, r, NULL, np)) {
        *sure = 1;
        return r->id;
      }
    }
  }
  /* "the start-up" is the young company, never the fund that backs it */
  int young = kgm_young_ahead(c, i, np);
  /* "le joaillier" after "du joaillier new-yorkais Castaly": the organization an earlier
   * descriptor called by the same noun */
  if (np && i + 1 < c->nt && kgm_tok(c, i + 1)->kind == KGT_WORD) {
    const char *noun = kgm_tok(c, i + 1)->fold;
    const KgtLexEntry *ae;
    int generic = kgm_lex(c, i, KGT_LEX_ANAPHOR, &ae) > 0 && kgm_has(ae->arg[0], "generic");
    /* "X, le groupe du milliardaire": an apposition or a complement makes a new description */
    int named_here = 0, appos = kgm_of(c, i + 2, 1);
    if (i >= 2 && kgm_is(c, i - 1, ",") && c->owner[i - 2] >= 0) {
      const KgmMention *b = &c->m[c->owner[i - 2]];
      appos |= kgm_is_org(b->cls) && b->cls != KG_CLASS_NEWS_ORGANIZATION;
    }
    for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
      const KgmRef *r = &R->refs[k];
      const KgmMention *m = &c->m[r->id];
      if (s - r->sentence > 10)
        break;
      if (r->tok >= i || !kgm_ref_ok(c, r, NULL, np))
        continue;
      /* refs are walked back from here: a name opening a later sentence as its subject
         ("Brelmar, which is listed in Milan, also owns … The group") stands between,
         unless an apposition calls it by another noun ("la banque" skips "Kestrel,
         l'assureur, …") */
      if (!(m->flags & KGM_F_ANAPHOR) && r->subject > 0 &&
          (r->sentence == s ||
           ((kgm_opens_sentence(c, m->tok_start) || kgm_after_fronted_phrase(c, m->tok_start)) &&
            !kgm_appos_other_noun(c, m, noun))))
        named_here = 1;
      if (m->flags & KGM_F_ANAPHOR) {
        /* « la banque … » again: the same description keeps its referent, whatever the
           sentences between named (« Kestrel, l'assureur, … Selon le journal, la banque … »);
           not past a name of this sentence not after a preposition ("when Halvik bought
           the company") */
        if (!named_here && !appos && s - r->sentence <= 3 && m->tok_end - m->tok_start == 2 &&
            strcmp(kgm_tok(c, m->tok_start + 1)->fold, noun) == 0 &&
            kgm_lex1(c, m->tok_start, KGT_LEX_DET)) {
          *sure = 1;
          return r->id;
        }
        continue;
      }
      /* a generic noun ("the company", « la société ») names no earlier descriptor's
         company: "Wi-Fi router company Velnet" is not what "The company" later means */
      if (generic)
        continue;
      /* its own descriptor, or one that called the same organization earlier: « le fonds
         belge X … le fonds Y … X vise … Le fonds » is X, named since */
      for (size_t j = k + 1; j-- > 0 && k - j <= KGM_REF_SCAN;) {
        const KgmMention *o = &c->m[R->refs[j].id];
        if (j != k && ((o->flags & KGM_F_ANAPHOR) || strcmp(o->name, m->name) != 0))
          continue;
        for (size_t t = o->desc_start; t < o->desc_end && t < o->tok_start; t++)
          if (strcmp(kgm_tok(c, t)->fold, noun) == 0 || (young && kgm_young(c, t))) {
            *sure = 1;
            return r->id;
          }
      }
    }
  }
  /* « Fondée en 2008 et incubée par le fonds X, la société, dirigée par P, … », "After buying
     Velo, the company said": the description is the main clause's subject, not a name of
     the phrase fronted before it */
  if (np && kgm_after_fronted_phrase(c, i)) {
    int r = kgm_resolve_earlier_subj(c, R, s, type, np, 1);
    /* "Orsa had bought the business in 2006, but losses pushed Velmora into bankruptcy …
       Founded in 1886, the company employs …": a generic noun keeps to the company the
       text is about when the sentence before named it too, whoever was its subject */
    const KgtLexEntry *ge;
    if (r >= 0 && s > 0 && kgm_lex(c, i, KGT_LEX_ANAPHOR, &ge) > 0 && kgm_has(ge->arg[0], "generic")) {
      int best = kgm_most_named(c, R, i, s, NULL, np, 1);
      /* (named more than the subject: « Le groupe Velmar a racheté la société Tessil.
         Fondé en 1931, le groupe … » names each once, and the subject stays) */
      if (best >= 0 && strcmp(c->m[best].name, c->m[r].name) != 0 &&
          kgm_times_named_id(c, R, best, s) > kgm_times_named_id(c, R, r, s))
        for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN && R->refs[k].sentence >= s - 1;)
          if (R->refs[k].sentence == s - 1 && strcmp(c->m[R->refs[k].id].name, c->m[best].name) == 0 &&
              !kgm_after_prep(c, R->refs[k].tok))
            return best; /* not "a buyout of Cardis": a complement is no topic */
    }
    if (r >= 0)
      return r;
  }
  if (young) {
    /* the company the text has named most lately: backers crowd the sentences of a
       funding round ("Bolt et Zorvex remettent au pot … la jeune pousse") */
    int best = kgm_most_named(c, R, i, s, NULL, np, 1);
    if (best >= 0)
      return best;
  }
  /* "Kestrel, its main rival", "Dravex, son principal actionnaire": the possessive is
   * neither the name it stands beside nor the names listed with it ("Tarlo and Kestrel, its
   * rival"); the sentence's subject, else the sentences before */
  const char *beside[4];
  size_t nbeside = 0;
  int appos = strcmp(type, "poss") == 0 && i >= 2 && kgm_is(c, i - 1, ",") && c->owner[i - 2] >= 0;
  /* "Orvane, its infrastructure arm Brix Partners, and Tessor": a possessive description followed by a
     name is the next item of a list, and its possessor the name before ("Dravex, its largest
     shareholder," with no name after is an apposition, and the possessor someone else) */
  /* "Tarsik Group and its Momo service", « l'allemand Dornell et sa marque Xtrakers »: a
     possessive right after "and" and a company, a name a few words on, is that company's */
  const KgtLexEntry *sep;
  if (strcmp(type, "poss") == 0 && i >= 2 && kgm_tok(c, i - 1)->kind == KGT_WORD &&
      kgm_lex(c, i - 1, KGT_LEX_LIST_SEP, &sep) == 1 && c->owner[i - 2] >= 0 &&
      c->m[c->owner[i - 2]].tok_end == i - 1 && kgm_is_org(c->m[c->owner[i - 2]].cls)) {
    size_t lim = kgm_sent_end(c, i);
    for (size_t q = i + 1; q < lim && q <= i + 4; q++) {
      const KgtToken *qt = kgm_tok(c, q);
      if (c->owner[q] >= 0 || (qt->flags & (KGT_F_CAP | KGT_F_ALLCAPS))) {
        *sure = 1;
        return c->owner[i - 2];
      }
      if (qt->kind != KGT_WORD)
        break;
    }
  }
  if (appos && kgm_is_org(c->m[c->owner[i - 2]].cls)) {
    size_t q = i + 1, lim = kgm_sent_end(c, i);
    while (q < lim && q <= i + 4 && c->owner[q] < 0 && kgm_tok(c, q)->kind == KGT_WORD &&
           !(kgm_tok(c, q)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
      q++;
    if (q > i + 1 && q < lim && c->owner[q] >= 0 && c->m[c->owner[q]].tok_start == q &&
        kgm_is_org(c->m[c->owner[q]].cls)) {
      *sure = 1;
      return c->owner[i - 2];
    }
  }
  for (size_t e = i - 1; appos && nbeside < 4 && e > 0 && c->owner[e - 1] >= 0;) {
    const KgmMention *bm = &c->m[c->owner[e - 1]];
    const KgtLexEntry *le;
    beside[nbeside++] = bm->name;
    size_t st = bm->tok_start;
    if (st < 2 || !kgm_lex(c, st - 1, KGT_LEX_LIST_SEP, &le)) {
      /* "For Orvane Air, its acquisition of …": a fronted phrase, not an apposition */
      if (st >= 1 && kgm_lex(c, st - 1, KGT_LEX_PREP, &le) &&
          st - 1 == kgt_doc_sentence(c->d, kgm_tok(c, st)->sentence)->tok_start)
        appos = 0, nbeside = 0;
      break;
    }
    e = st - 1;
  }
  /* this sentence, before the anaphor: the latest (one without a qualifier first) and
   * the first subject */
  int last = -1, lastq = -1, subj = -1, last_nb = -1;
  for (size_t k = R->n; k-- > 0 && R->n - k <= KGM_REF_SCAN;) {
    const KgmRef *r = &R->refs[k];
    if (r->sentence != s)
      break;
    if (r->tok >= i || !kgm_ref_ok(c, r, NULL, np) || (young && kgm_is_backer(c, r)) ||
        (np && r->subject < 0))
      continue;
    /* "For Tarvo Mobile, whose majority shareholder is Velkom, … its merger": not a
       name inside a relative clause the possessive stands outside of */
    if (strcmp(type, "poss") == 0 && r->subject == 0 && kgm_in_relative(c, r->tok) &&
        !kgm_in_relative(c, i))
      continue;
    /* « "Nous croyons au potentiel d'Orsk", a ajouté son directeur général »: not a name
       the speaker quoted, from outside the quotation (a subject there may be the speaker
       itself: « "Velmar compte s'étendre", explique la société ») */
    if (r->subject <= 0 && kgm_quoted_before(c, r->tok, i))
      continue;
    int is_beside = appos_poss >= 0 && strcmp(c->m[appos_poss].name, c->m[r->id].name) == 0;
    for (size_t q = 0; q < nbeside && !is_beside; q++)
      is_beside = strcmp(beside[q], c->m[r->id].name) == 0;
    if (is_beside)
      continue;
    if ((np || (strcmp(type, "poss") == 0 && in_clause)) && kgm_opens_clause(c, r->id, i))
      continue; /* "Zorbex, which acquired the company", "Quintal, dont il détient": not
                   the name the clause hangs on */
    if (c->m[r->id].qualifier) {
      if (lastq < 0)
        lastq = r->id;
    } else if (last < 0) {
      last = r->id;
    }
    if (last_nb < 0 && !kgm_is_backer(c, r) && !c->m[r->id].qualifier)
      last_nb = r->id;
    if (r->subject > 0)
      subj = r->id;
  }
  if (last < 0)
    last = lastq;
  /* "raised $120 million in a round led by Tiger Global, valuing the company at …": a
   * company described as such is not the fund that backs it, unless the description is
   * a fund's ("the fund", "l'investisseur") */
  if (np && last >= 0 && kgm_is_backer_id(c, last)) {
    int fund_noun = kgm_fund_noun(c, i + 1);
    /* "Tessor Capital led an earlier round that valued the company at $1.2 billion": with
       no other name in the sentence, the company the text has named most lately */
    int other = last_nb >= 0 ? last_nb : s > 0 ? kgm_most_named(c, R, i, s, NULL, np, 1) : -1;
    if (!fund_noun && other >= 0)
      last = other;
  }
  if (strcmp(type, "latest") == 0) {
    /* "X détiendra 66,7 % du nouvel ensemble": a description that is no subject does not
       stand for its own clause's subject; the one named before it then */
    int possessed = 0; /* "the latter's" */
    for (size_t ae = i + 1; ae < c->nt && ae < i + 4 && !possessed; ae++)
      possessed = kgm_is(c, ae, "'s") || kgm_is(c, ae, "'");
    /* "GMA, la nouvelle société", "Gordon Murray Automotive (GMA), la nouvelle société" */
    int appos_subj = i >= 2 && kgm_is(c, i - 1, ",") &&
                     (c->owner[i - 2] == subj || kgm_is(c, i - 2, ")"));
    if (last >= 0 && last == subj && !kgm_initial(c, i) && !appos_subj && !possessed) {
      int other = kgm_resolve_other(c, R, i, s, subj, np);
      if (other >= 0)
        return other;
      int e = kgm_resolve_earlier(c, R, s, type, np, young);
      if (e >= 0 && strcmp(c->m[e].name, c->m[subj].name) != 0)
        return e;
    }
    if (last >= 0)
      return last;
  } else if (strcmp(type, "clitic") == 0) {
    if (subj >= 0)
      return subj; /* never the name inside the person's apposition */
  } else if (strcmp(type, "poss") == 0) {
    if (subj >= 0)
      return subj;
    if (appos) /* the subject of the sentence before, or nothing */
      return kgm_resolve_earlier(c, R, s, "subj", np, young);
    if (last >= 0)
      return last;
  } else if (np) {
    /* "raised $675 million from investors including A and B, valuing the company at":
       names a preposition governs in a list are backers, the subject is the company */
    if (last >= 0 && subj >= 0 && last != subj && strcmp(c->m[subj].name, c->m[last].name) != 0) {
      /* walk back over the list's names and separators to what governs it */
      size_t q = c->m[last].tok_start, s0 = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
      const KgtLexEntry *le;
      int items = 0;
      while (q > s0 && items < 8) {
        size_t p = q - 1;
        if (c->owner[p] >= 0 && kgm_is_org(c->m[c->owner[p]].cls)) {
          q = c->m[c->owner[p]].tok_start;
          items++;
        } else if (kgm_lex(c, p, KGT_LEX_LIST_SEP, &le) == 1) {
          q = p;
        } else {
          break;
        }
      }
      if (items > 0 && q > s0 && kgm_lex(c, q - 1, KGT_LEX_PREP, &le) == 1)
        return subj;
    }
    if (last >= 0)
      return last;
    /* « Il réunit les actionnaires existants : Eurazeo, … » then « P, qui a fondé
       l'entreprise »: a company described as such, in the sentences before, is not a fund
       that backs one when another was named there (a fund's own noun, "le fonds", may) */
    int fund_noun = kgm_fund_noun(c, i + 1);
    if (!fund_noun && !young) {
      int r = kgm_initial(c, i) ? kgm_resolve_earlier_subj(c, R, s, type, np, 1)
                                : kgm_resolve_earlier(c, R, s, type, np, 1);
      if (r >= 0)
        return r;
    }
  }
  /* « ce dernier » (lexicon: latter) is the last one named, in a relative clause too */
  const KgtLexEntry *le;
  if (strcmp(type, "latest") == 0 && kgm_lex(c, i, KGT_LEX_ANAPHOR, &le) > 0 && kgm_has(le->arg[0], "latter"))
    type = "latter";
  return kgm_resolve_earlier(c, R, s, type, np, young);
}

static KgStatus kgm_refs_push(KgmRefs *R, int id, size_t sent, size_t tok, int subject) {
  if (R->n == R->cap) {
    size_t nc = R->cap ? R->cap * 2 : 32;
    KgmRef *nr = kg_realloc(R->refs, nc * sizeof *nr);
    if (!nr)
      return KG_ERR_NOMEM;
    R->refs = nr;
    R->cap = nc;
  }
  R->refs[R->n++] = (KgmRef){id, sent, tok, subject};
  return KG_SUCCESS;
}

static int kgm_anaphor(KgmCtx *c, size_t a, size_t b, int ref) {
  const KgmMention *r = &c->m[ref];
  int id = kgm_add(c, a, b, r->cls, r->name, KGM_F_ANAPHOR, KGM_SRC_ANAPHOR);
  if (id < 0)
    return id;
  r = &c->m[ref]; /* the array may have moved */
  c->m[id].qualifier = r->qualifier;
  c->m[id].qid = r->qid;
  c->m[id].country = r->country;
  c->m[id].legal_form = r->legal_form;
  return id;
}

/* "de l'agroalimentaire", "des télécoms", "of the steel": a complement of one lower-case
 * word (a determiner may come first) at @p j; returns the position after it, 0 if none. */
static size_t kgm_complement(KgmCtx *c, size_t j, size_t lim) {
  const KgtLexEntry *d;
  if (j + 1 >= lim || !kgm_of(c, j, 1))
    return 0;
  size_t q = j + 1 + kgm_lex(c, j + 1, KGT_LEX_DET, &d);
  if (q >= lim || kgm_tok(c, q)->kind != KGT_WORD || (kgm_tok(c, q)->flags & KGT_F_CAP))
    return 0;
  return q + 1;
}

/* The region that places the town ending before token @p b: in brackets, « Lorvanne
 * (Vessia) », or after a comma and a region's cue, « Kellerbach, dans la Hesse », « Tarvenne,
 * dans la préfecture d'Aichi ». Sets *@p end past it; NULL when none. */
static const KgmEntry *kgm_town_region(KgmCtx *c, size_t b, size_t lim, size_t *end) {
  const KgmForm *rf;
  size_t r = b + 1, rn = 0;
  if (b + 2 < lim && kgm_is(c, b, "(")) {
    rn = kgm_gaz(c, r, 0, &rf);
    if (!rn || r + rn >= lim || !kgm_is(c, r + rn, ")"))
      return NULL;
    *end = r + rn + 1;
  } else if (b + 2 < lim && kgm_is(c, b, ",")) {
    const KgtLexEntry *ce;
    size_t cn = kgm_lex(c, r, KGT_LEX_PLACE_CUE, &ce);
    if (!cn || !ce->value || !kgm_has(ce->value, "region"))
      return NULL;
    r += cn;
    rn = r < lim ? kgm_gaz(c, r, 0, &rf) : 0;
    if (!rn)
      return NULL;
    *end = r + rn;
  } else {
    return NULL;
  }
  const KgmEntry *re = &c->g->entries[rf->entry];
  if (re->type != KGM_G_PLACE || rf->demonym || !re->extra ||
      (strcmp(re->extra, "region") != 0 && strcmp(re->extra, "state") != 0))
    return NULL;
  return re;
}

/* "de Lyon", "de l'agroalimentaire de Denver" after a definite description: a
 * city (one lower-case complement may come first) that says where the organization is.
 * Fills pl[0] and, when a region places the city, pl[1]; a town no gazetteer holds, that
 * the text places (« le groupe de Kellerbach, dans la Hesse »), goes to *@p town, its region
 * to pl[0]. Returns the tokens used (0: none). */
static size_t kgm_of_city(KgmCtx *c, size_t i, size_t lim, const KgmEntry *pl[2],
                          const char **town, int seat) {
  size_t j = i;
  pl[0] = pl[1] = NULL;
  *town = NULL;
  for (int k = 0; k < 2 && j + 1 < lim; k++) {
    const KgtLexEntry *ge = kgm_lex1(c, j, KGT_LEX_GENITIVE);
    if (!ge)
      return 0;
    const KgmForm *f;
    size_t n = !kgm_has(ge->value, "article") ? kgm_gaz(c, j + 1, 0, &f) : 0;
    size_t b = j + 1 + n, end = b;
    if (n > 0) {
      const KgmEntry *e = &c->g->entries[f->entry];
      /* (a canton, a state or a region names a seat as well: « le groupe de Vessia ») */
      if (e->type != KGM_G_PLACE || f->demonym || !e->extra ||
          (strcmp(e->extra, "city") != 0 && strcmp(e->extra, "region") != 0 &&
           strcmp(e->extra, "state") != 0) ||
          (b < lim && kgm_namey(c, b)))
        return 0;
      /* not "the investment firm of Lisbon shipping magnate P": the place qualifies a person */
      const KgtLexEntry *qe;
      for (size_t q = b; q < lim && q < b + 4 && kgm_tok(c, q)->kind == KGT_WORD; q++) {
        if (c->owner[q] >= 0 && c->m[c->owner[q]].cls == KG_CLASS_PERSON)
          return 0;
        if (kgm_lex(c, q, KGT_LEX_PREP, &qe)) /* (« de Velmont récemment racheté par P ») */
          break;
      }
      pl[0] = e;
      pl[1] = strcmp(e->extra, "city") == 0 ? kgm_town_region(c, b, lim, &end) : NULL;
      return (pl[1] ? end : b) - i;
    }
    int o = !kgm_has(ge->value, "article") ? c->owner[j + 1] : -1;
    const KgmMention *om = o >= 0 && c->m[o].tok_start == j + 1 ? &c->m[o] : NULL;
    /* a place no gazetteer holds, when a region places it (« de Kellerbach, dans la Hesse »);
       or, after a noun that names no owner nor product by its complement (lexicon: seat), a
       word no list holds and only its capital made a name: « le groupe de Kervalstad », « la
       société de Dravenne (Val-de-Marne) » (the description is kept only when it refers to a
       company named before) */
    int placed = om && om->cls == KG_CLASS_PLACE && !(om->flags & (KGM_F_GAZETTEER | KGM_F_DEMONYM));
    int guessed = om && seat && k == 0 && (om->flags & KGM_F_GUESS) && kgm_is_org(om->cls) &&
                  om->tok_end - om->tok_start <= 2 && !(kgm_tok(c, j + 1)->flags & KGT_F_ALLCAPS) &&
                  !(om->tok_end < lim && kgm_namey(c, om->tok_end));
    if (placed || guessed) {
      b = om->tok_end;
      pl[0] = kgm_town_region(c, b, lim, &end);
      if (!pl[0] && placed)
        return 0;
      *town = om->name;
      return (pl[0] ? end : b) - i;
    }
    if (!(j = kgm_complement(c, j, lim))) /* "de l'agroalimentaire" */
      return 0;
  }
  return 0;
}

/* A name after the description, maybe past complements: "le géant britannique des
 * télécoms Brantel" describes Brantel; it refers to nothing before. */
static int kgm_name_follows(KgmCtx *c, size_t j, size_t lim) {
  for (int k = 0; k < 2 && j + 1 < lim; k++) {
    if (!kgm_of(c, j, 1))
      break;
    if (!(j = kgm_complement(c, j, lim)))
      return 0;
  }
  /* "le spécialiste américain Ann Tarlo": the description is the person's */
  return j < lim && j < c->nt && kgm_namey(c, j) &&
         (c->owner[j] < 0 || kgm_is_org(c->m[c->owner[j]].cls) ||
          c->m[c->owner[j]].cls == KG_CLASS_PERSON);
}

static void kgm_set_places(KgmAnaPlaces *w, const KgmEntry *pl[2]) {
  for (int k = 0; k < 2; k++) {
    w->place[k] = pl[k];
    w->country[k] = pl[k] ? (pl[k]->country ? pl[k]->country : pl[k]->name) : NULL;
  }
}

/* "de Dynafab, Helix Industries, détient" after a description at @p j: a complement that
 * names an organization, then that organization's name in apposition (closed by a comma
 * that no third name follows: not the list "de A, B, C et D"). The description is that
 * name, no anaphor. */
static int kgm_of_then_appos(KgmCtx *c, size_t j, size_t lim) {
  const KgtLexEntry *d;
  if (j + 1 >= lim || !kgm_of(c, j, 0))
    return 0;
  size_t q = j + 1 + kgm_lex(c, j + 1, KGT_LEX_DET, &d);
  if (q >= lim || c->owner[q] < 0 || c->m[c->owner[q]].tok_start != q)
    return 0;
  size_t e = c->m[c->owner[q]].tok_end;
  if (e + 1 >= lim || !kgm_is(c, e, ","))
    return 0;
  /* the name after the comma, a determiner and a descriptor before it: « la maison mère de
     Brantel, le groupe Orvane, » */
  size_t p = e + 1;
  const KgtLexEntry *ds;
  size_t dn, dl;
  if (c->owner[p] < 0 && (dn = kgm_lex(c, p, KGT_LEX_DET, &d)) > 0 && p + dn < lim &&
      c->owner[p + dn] < 0 && (dl = kgm_lex(c, p + dn, KGT_LEX_DESCRIPTOR, &ds)) > 0)
    p += dn + dl;
  if (p >= lim || c->owner[p] < 0 || c->m[c->owner[p]].tok_start != p ||
      !kgm_is_org(c->m[c->owner[p]].cls))
    return 0;
  size_t f = c->m[c->owner[p]].tok_end;
  return f + 1 < lim && kgm_is(c, f, ",") && c->owner[f + 1] < 0 && !kgm_namey(c, f + 1);
}

/* A descriptor's class names a news outlet or a public authority. */
static int kgm_news_or_gov(const char *cls) {
  KgClass k = kgm_class_of(cls);
  return k == KG_CLASS_NEWS_ORGANIZATION || k == KG_CLASS_GOVERNMENT_BODY;
}

/* Anaphor shapes at @p i: lexicon phrases, "the French group", "le constructeur japonais",
 * "le groupe franco-italien", "l'américain". Sets the type and the places the description
 * names; returns tokens used. */
/* A lower-case word that may modify a company noun: no function word, no name, no
 * number, no verb the lexicon knows as a speech verb. */
static int kgm_modifier_word(KgmCtx *c, size_t j) {
  const KgtToken *t = kgm_tok(c, j);
  return t->kind == KGT_WORD && !(t->flags & KGT_F_CAP) && c->owner[j] < 0 &&
         !kgt_is_function_word(t->fold) && !kgm_lex1(c, j, KGT_LEX_SPEECH_VERB) &&
         !kgm_lex1(c, j, KGT_LEX_ROLE) && !kgm_lex1(c, j, KGT_LEX_DESCRIPTOR) &&
         !kgm_lex1(c, j, KGT_LEX_ANAPHOR);
}

/* Whether the determiner at @p det and the noun at @p noun, apart in the text, make an
 * anaphor of type np of the lexicon ("the" + "brewer": "the brewer"). */
static int kgm_det_noun_np(const KgmCtx *c, size_t det, size_t noun) {
  size_t l1, l2;
  const char *s1 = kgt_token_text(c->d, det, &l1), *s2 = kgt_token_text(c->d, noun, &l2);
  char buf[128];
  if (l1 + l2 + 2 > sizeof buf)
    return 0;
  memcpy(buf, s1, l1);
  buf[l1] = ' ';
  memcpy(buf + l1 + 1, s2, l2);
  const KgtLexEntry *e = kgt_lexicon_lookup(c->lx, KGT_LEX_ANAPHOR, kgt_doc_lang(c->d), buf,
                                            l1 + 1 + l2);
  return e && strcmp(e->value, "np") == 0;
}

static size_t kgm_anaphor_at(KgmCtx *c, size_t i, const char **type, KgmAnaPlaces *where) {
  const KgtLexEntry *e, *d;
  const KgmEntry *pl[2];
  memset(where, 0, sizeof *where);
  /* every reading below starts with an anaphor or a determiner phrase, or "the": most
     tokens have none */
  if (!(c->lmask[i] & (KGT_LEX_BIT(KGT_LEX_ANAPHOR) | KGT_LEX_BIT(KGT_LEX_DET))) &&
      (c->fr || !kgm_is(c, i, "the")))
    return 0;
  size_t lim = kgm_sent_end(c, i), m, dn, n;
  if ((m = kgm_lex(c, i, KGT_LEX_ANAPHOR, &e)) > 0) {
    if (strcmp(e->value, "notmod") == 0)
      return 0;
    if (i + m < c->nt && c->desc[i + m].e) {
      /* "la société Zorbex": a descriptor; but in « Sa filiale Zorbex » the possessive alone
         is still the parent */
      const KgtLexEntry *e1 = m > 1 ? kgm_lex1(c, i, KGT_LEX_ANAPHOR) : NULL;
      if (!e1 || !kgm_has(e1->value, "poss"))
        return 0;
      e = e1;
      m = 1;
    }
    /* « à la société française », « de la société américaine »: a word of two senses
       (society) with a demonym is taken for a company only as a subject (lexicon:
       subject); « le patron de la société, X » stays an anaphor */
    if (kgm_has(e->arg[0], "subject") && kgm_after_prep(c, i) && i + m < c->nt &&
        c->owner[i + m] >= 0 && (c->m[c->owner[i + m]].flags & KGM_F_DEMONYM))
      return 0;
    if (strcmp(e->value, "np") == 0 &&
        (kgm_name_follows(c, i + m, lim) || kgm_of_then_appos(c, i + m, lim)))
      return 0; /* "le géant des télécoms Brantel", « la maison mère de X, Helix, … » */
    /* « la plateforme Paris en Commun »: a noun that is no descriptor (lexicon: noname)
       names whatever capitalised word follows it, a town's name too */
    if (kgm_has(e->arg[0], "noname") && i + m < lim && (kgm_tok(c, i + m)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
      return 0;
    *type = e->value;
    /* « le groupe agroalimentaire français », « le géant pharmaceutique suisse »: one or two
       adjectives before the demonym belong to the description */
    if (strcmp(e->value, "np") == 0 && c->fr && !kgm_demonyms(c, i + m, pl))
      for (size_t k = 1; k <= 2 && i + m + k < lim; k++) {
        if (!kgm_modifier_word(c, i + m + k - 1))
          break;
        if (kgm_demonyms(c, i + m + k, pl) > 0) {
          m += k;
          break;
        }
      }
    if (strcmp(e->value, "np") == 0 && (dn = kgm_demonyms(c, i + m, pl)) > 0) {
      if (i + m + dn < lim && kgm_namey(c, i + m + dn))
        return 0; /* "le spécialiste américain Ann Tarlo": it names what follows */
      if (kgm_name_follows(c, i + m + dn, lim))
        return 0; /* "le géant britannique des télécoms Brantel" */
      kgm_set_places(where, pl);
      /* « l'éditeur français de logiciels »: a complement after the demonym belongs to it */
      size_t cq = kgm_complement(c, i + m + dn, lim);
      if (cq && !kgm_name_follows(c, cq, lim) && !(cq < lim && kgm_namey(c, cq)))
        return cq - i;
      return m + dn; /* "le constructeur japonais" */
    }
    if (strcmp(e->value, "np") == 0 && (dn = kgm_of_city(c, i + m, lim, pl, &where->town, kgm_has(e->arg[0], "seat"))) > 0) {
      kgm_set_places(where, pl);
      return m + dn; /* "le groupe de Lyon" */
    }
    /* "l'entreprise publique", "la société cotée": the noun and what follows it make a
       legal form */
    const KgtLexEntry *lf;
    size_t ln;
    if (strcmp(e->value, "np") == 0 && m >= 2 &&
        (ln = kgm_lex(c, i + m - 1, KGT_LEX_LEGAL_FORM, &lf)) > 1 && i + m - 1 + ln <= lim) {
      where->legal_form = lf->value;
      return m - 1 + ln;
    }
    /* "the privately held company": the form inside the description */
    for (size_t q = i + 1; strcmp(e->value, "np") == 0 && q + 1 < i + m; q++)
      if ((ln = kgm_lex(c, q, KGT_LEX_LEGAL_FORM, &lf)) > 0 && q + ln < i + m) {
        where->legal_form = lf->value;
        break;
      }
    return m;
  }
  /* "du constructeur japonais": a determiner, a descriptor, a demonym */
  /* not « le quotidien breton »: a newspaper or an authority is no referent of a description
     (kgm_ref_ok), so it would find some company */
  if ((n = kgm_lex(c, i, KGT_LEX_DET, &d)) > 0 && (m = kgm_lex(c, i + n, KGT_LEX_DESCRIPTOR, &e)) > 0 &&
      kgm_has(e->arg[0], "next") && !kgm_news_or_gov(e->value) &&
      (dn = kgm_demonyms(c, i + n + m, pl)) > 0 &&
      !(i + n + m + dn < lim && kgm_namey(c, i + n + m + dn)) && !c->desc[i + n + m + dn].e &&
      !kgm_name_follows(c, i + n + m + dn, lim)) {
    *type = "np";
    kgm_set_places(where, pl);
    return n + m + dn;
  }
  /* "the data analytics and artificial intelligence company", "the low-cost carrier",
     "the British pay-TV group": in English, lower-case modifiers (a demonym among them)
     between "the" and a company noun; one at least, and never a plural noun ("the two
     companies") nor a name after it ("the Dutch chip equipment maker Velmark") */
  if (!c->fr && kgm_is(c, i, "the") && i + 2 < lim) {
    const KgmEntry *dem[2] = {NULL, NULL}, *tmp[2];
    /* "the steelmaker", "the grocer": a company noun of the descriptors right after "the",
       a verb after it (not "the steelmaker Velmar", "the grocer's shares") */
    {
      size_t hn;
      const KgtLexEntry *he;
      if ((hn = kgm_lex(c, i + 1, KGT_LEX_DESCRIPTOR, &he)) == 1 && kgm_has(he->arg[0], "next") &&
          kgm_class_of(he->value) == KG_CLASS_COMPANY && c->owner[i + 1] < 0 && i + 2 < lim &&
          !c->desc[i + 2].e && !kgm_namey(c, i + 2) && kgm_subj_verb(c, i + 2)) {
        const char *hf = kgm_tok(c, i + 1)->fold;
        size_t hl = strlen(hf);
        if (hl > 2 && hf[hl - 1] != 's') {
          *type = "np";
          return 2;
        }
      }
    }
    for (size_t j = i + 1; j < i + 6 && j + 1 < lim; j++) {
      size_t k = kgm_demonyms(c, j, tmp);
      if (k == 0) { /* "the Texas carrier": a place's name as a modifier */
        const KgmForm *pf;
        size_t pn = kgm_gaz(c, j, 0, &pf);
        if (pn > 0 && c->g->entries[pf->entry].type == KGM_G_PLACE && !pf->demonym)
          tmp[0] = &c->g->entries[pf->entry], tmp[1] = NULL, k = pn;
      }
      if (k > 0) {
        if (!dem[0])
          dem[0] = tmp[0], dem[1] = tmp[1];
        j += k - 1;
      } else if (kgm_tok(c, j)->kind == KGT_NUMBER && j + 3 < lim && kgm_is(c, j + 1, "-") &&
                 kgm_modifier_word(c, j + 2)) {
        j += 2; /* "the 148-year-old conglomerate": the tokenizer splits the number off */
      } else if (!kgm_modifier_word(c, j) && !(j > i + 1 && kgm_is(c, j, "and"))) {
        break;
      }
      size_t h = j + 1, hn;
      const KgtLexEntry *he;
      if (h >= lim)
        continue;
      /* the head: a company noun among the descriptors, or one the lexicon makes an
         anaphor with "the" ("the brewer": "the Danish brewer", "the struggling lessor") */
      if (!(hn = kgm_lex(c, h, KGT_LEX_DESCRIPTOR, &he)) || !kgm_has(he->arg[0], "next") ||
          kgm_class_of(he->value) != KG_CLASS_COMPANY) {
        if (kgm_tok(c, h)->kind != KGT_WORD || !kgm_det_noun_np(c, i, h))
          continue;
        hn = 1;
      }
      const char *hf = kgm_tok(c, h + hn - 1)->fold;
      size_t hl = strlen(hf);
      if (hl < 2 || hf[hl - 1] == 's' || (h + hn < c->nt && c->desc[h + hn].e) ||
          kgm_name_follows(c, h + hn, lim) || (h + hn < lim && kgm_namey(c, h + hn)))
        break;
      /* "the Australian dollar bank bill rate": a noun after the head makes it a modifier
         too (a verb after it, "the Dutch group announced", is no such noun) */
      if (h + hn < lim && kgm_modifier_word(c, h + hn) && !kgm_lex1(c, h + hn, KGT_LEX_SUBJ_VERB)) {
        const char *nf = kgm_tok(c, h + hn)->fold;
        size_t nl = strlen(nf);
        if (!(nl > 2 && (strcmp(nf + nl - 2, "ed") == 0 || nf[nl - 1] == 's')))
          break;
      }
      *type = "np";
      if (dem[0]) {
        pl[0] = dem[0], pl[1] = dem[1];
        kgm_set_places(where, pl);
      }
      return h + hn - i;
    }
  }
  if ((n = kgm_lex(c, i, KGT_LEX_DET, &d)) > 0 && (dn = kgm_demonyms(c, i + n, pl)) > 0) {
    size_t j = i + n + dn;
    *type = "np";
    kgm_set_places(where, pl);
    if ((m = kgm_lex(c, j, KGT_LEX_DESCRIPTOR, &e)) > 0 && kgm_has(e->arg[0], "next")) {
      if ((j + m < c->nt && c->desc[j + m].e) || kgm_news_or_gov(e->value))
        return 0; /* "the French publisher Quintal", "the French newspaper" */
      return j + m - i; /* "the French group" */
    }
    /* "l'américain a annoncé": the demonym used as a noun; capitalised in French it names
     * people or a title (« les Américains », « le Parisien »), not a company */
    const KgtToken *nx = j < lim ? kgm_tok(c, j) : NULL;
    int noun_ok = !(c->fr && (kgm_tok(c, i + n)->flags & KGT_F_CAP));
    if (noun_ok && (!nx || nx->kind != KGT_WORD || kgt_is_function_word(nx->fold) ||
                    kgm_lex1(c, j, KGT_LEX_SPEECH_VERB) || kgm_subj_verb(c, j)))
      if (!nx || !(nx->flags & KGT_F_CAP))
        return j - i;
  }
  memset(where, 0, sizeof *where);
  return 0;
}

/* A sentence that opens with a date adverbial, "Last June it raised", "In 2021, it
 * bought": the date (one modifier word may come first) ends right before @p i or at a
 * comma right before it. */
static int kgm_after_opening_date_from(KgmCtx *c, size_t s, size_t i) {
  size_t e = i > s && kgm_is(c, i - 1, ",") ? i - 1 : i;
  char buf[16];
  for (size_t k = s; k <= s + 1 && k < e; k++) {
    if (k > s && (kgm_tok(c, s)->kind != KGT_WORD || c->owner[s] >= 0))
      break;
    size_t n = kgt_parse_date(c->d, k, 2000, buf);
    if (n > 0 && k + n == e)
      return 1;
  }
  return 0;
}

static int kgm_after_opening_date(KgmCtx *c, size_t i) {
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  return kgm_after_opening_date_from(c, s, i);
}

/* "… ; en 2020, il avait racheté …", "…: in August 2021 it bought …": a clause after a
 * semicolon or a colon opens like a sentence and its pronoun subject is the sentence's
 * subject. */
static int kgm_after_semicolon(KgmCtx *c, size_t i) {
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  /* a clause opening is a few words back at most (bounded: sentences may be huge) */
  for (size_t k = i; k > s && i - k < 8; k--)
    if (kgm_is(c, k - 1, ";") || kgm_is(c, k - 1, ":"))
      return k == i || kgm_after_opening_date_from(c, k, i);
  return 0;
}

/* "said on Monday it", "said in a statement it": a speech verb two to five words before
 * @p i, with only words and numbers (no name, no punctuation) between. */
static int kgm_said_before(KgmCtx *c, size_t i) {
  const KgtLexEntry *e;
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  for (size_t k = i - 1; k > s && i - k <= 5; k--) {
    const KgtToken *t = kgm_tok(c, k);
    if (c->owner[k] >= 0 || (t->kind != KGT_WORD && t->kind != KGT_NUMBER))
      return 0;
    if (kgm_lex(c, k - 1, KGT_LEX_SPEECH_VERB, &e))
      return 1;
  }
  return 0;
}

/* "told the SEC it": the token at @p i follows whoever is told. */
static int kgm_after_told(const KgmCtx *c, size_t i) {
  return i > 0 && c->owner[i - 1] >= 0 && c->m[c->owner[i - 1]].tok_end == i &&
         kgm_addressee(c, &c->m[c->owner[i - 1]]);
}

static int kgm_after_opening_date_from(KgmCtx *c, size_t s, size_t i);
static int kgm_after_fronted_participle(KgmCtx *c, size_t i);

/* "…, and it was acquired by …", "…, and in 2019 it completed …", « …, et il a racheté … »:
 * a clause joined after a comma opens on its subject (a date may come first). */
static int kgm_after_comma_conj(KgmCtx *c, size_t i) {
  const KgtLexEntry *e;
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  for (size_t k = i; k > s + 1 && i - k < 6; k--) {
    /* as written: « où » folds to the conjunction « ou » */
    if (kgm_tok(c, k - 1)->kind == KGT_WORD && kgm_lex(c, k - 1, KGT_LEX_LIST_SEP, &e) == 1 &&
        strcmp(kgm_tok(c, k - 1)->lower, e->phrase) == 0 && kgm_is(c, k - 2, ","))
      return k == i || kgm_after_opening_date_from(c, k, i);
  }
  return 0;
}

/* "Last month, it announced …", « Le mois dernier encore, il annonçait … », « Numéro un
 * mondial de la chirurgie dentaire, il … »: a short phrase fronted before the pronoun
 * (eight words at most, no name and no verb in it). */
static int kgm_after_short_fronted(KgmCtx *c, size_t i) {
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  if (i < s + 2 || i - s > 9 || !kgm_is(c, i - 1, ","))
    return 0;
  /* « Outre le Quintor, elle … », "Besides Orsk, it …": after a preposition a name may be in it */
  const KgtLexEntry *pe;
  int prep = kgm_lex(c, s, KGT_LEX_PREP, &pe) == 1 && i - s <= 6;
  for (size_t k = s; k + 1 < i; k++) {
    const KgtToken *t = kgm_tok(c, k);
    if (prep && c->owner[k] >= 0 && !(c->m[c->owner[k]].flags & KGM_F_ANAPHOR))
      continue;
    /* a verb as written: « À la fin mars, il … » holds none, though « à » folds to « a » */
    const KgtLexEntry *ve = kgm_lex1(c, k, KGT_LEX_SUBJ_VERB);
    if (t->kind != KGT_WORD || c->owner[k] >= 0 || (ve && strcmp(t->lower, ve->phrase) == 0) ||
        kgm_lex1(c, k, KGT_LEX_SPEECH_VERB) || kgm_lex1(c, k, KGT_LEX_CLAUSE))
      return 0;
  }
  return 1;
}

static int kgm_subj_position(KgmCtx *c, size_t i) {
  if (kgm_initial(c, i) || kgm_after_opening_date(c, i) || kgm_after_short_fronted(c, i))
    return 1;
  const KgtLexEntry *e;
  return i > 0 && (kgm_after_told(c, i) || kgm_lex(c, i - 1, KGT_LEX_SPEECH_VERB, &e) ||
                   kgm_after_comma_conj(c, i) || kgm_after_fronted_participle(c, i) ||
                   kgm_lex(c, i - 1, KGT_LEX_CLAUSE, &e) ||
                   kgm_said_before(c, i) || kgm_after_semicolon(c, i));
}

/* Token @p tok stands inside a relative clause opened after a comma (", whose majority
 * shareholder is X", ", in which X holds", « , dont X est l'actionnaire »): a name there is
 * not the subject of its sentence. */
static int kgm_in_relative_of(const KgmCtx *c, size_t tok, int person);
static int kgm_in_relative(const KgmCtx *c, size_t tok) { return kgm_in_relative_of(c, tok, 0); }

/* kgm_in_relative(); with @p person only a clause about a person ("P, who founded X"). */
static int kgm_in_relative_of(const KgmCtx *c, size_t tok, int person) {
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, tok)->sentence)->tok_start;
  for (size_t k = tok; k > s0 && tok - k < 12;) {
    k--;
    if (kgm_is(c, k, ","))
      return 0;
    const KgtLexEntry *e;
    if (kgm_tok(c, k)->kind == KGT_WORD && kgm_lex(c, k, KGT_LEX_CLAUSE, &e) == 1 && k > s0 &&
        (!person || kgm_has(e->value, "person")) &&
        (kgm_is(c, k - 1, ",") ||
         (k - 1 > s0 && kgm_lex(c, k - 1, KGT_LEX_PREP, &e) && kgm_is(c, k - 2, ","))))
      return 1;
  }
  return 0;
}

/* "a subsidiary of" right before @p i: a company noun of the lexicon (a descriptor of
 * class Company), then "of". */
static int kgm_company_noun_of(KgmCtx *c, size_t i) {
  if (i < 2 || !kgm_is(c, i - 1, "of") || c->owner[i - 2] >= 0 || kgm_tok(c, i - 2)->kind != KGT_WORD)
    return 0;
  const KgtLexEntry *de;
  for (size_t k = i - 2, back = 0; back < 2; k--, back++) {
    size_t dn = kgm_lex(c, k, KGT_LEX_DESCRIPTOR, &de);
    if (dn > 0 && k + dn == i - 1 && kgm_class_of(de->value) == KG_CLASS_COMPANY)
      return 1;
    if (k == 0)
      break;
  }
  return 0;
}

/* "the New York-listed group", "the Nasdaq-listed company": capitalised words, the last of
 * them ending in a hyphen and a word of lexicon kind hyphenmod with value listing, say where
 * the company's shares trade, not where it is. The token after them, or 0; *@p form is the
 * entry's legal form ("" when none). */
static size_t kgm_listed_end(const KgmCtx *c, size_t i, size_t lim, const char **form) {
  for (size_t j = i + 1; j < lim && j <= i + 4; j++) {
    const KgtToken *t = kgm_tok(c, j);
    if (t->kind != KGT_WORD || !(t->flags & KGT_F_CAP))
      return 0;
    const char *tail;
    size_t n;
    const KgtLexEntry *e = kgm_hyphen_entry(c, j, &tail, &n);
    if (e && kgm_has(e->value, "listing")) {
      *form = e->arg[0];
      return j + 1;
    }
  }
  return 0;
}

/* "the Salt Lake City-based company", "the Brackley, Ohio-based group", "the Oakland,
 * California, company": a determiner, places the last of which ends in "-based" (or two
 * places each closed by a comma), maybe lower-case modifiers, and a noun that makes an
 * anaphor with the determiner ("the company"). Returns the noun's token, 0 when the shape
 * is not there; sets *@p mod to the first token after the places and *@p prep when a
 * preposition governs the phrase (then it may be a new party: the caller decides). */
static int kgm_dateline_place(const KgmCtx *c, const KgmMention *p);

static size_t kgm_based_anaphor_at(KgmCtx *c, size_t i, size_t *mod, int *prep,
                                   const char **listed) {
  const KgtLexEntry *d;
  if (kgm_lex(c, i, KGT_LEX_DET, &d) != 1 || i + 2 >= c->nt)
    return 0;
  size_t j = i + 1, lim = kgm_sent_end(c, i), le = kgm_listed_end(c, i, lim, listed);
  if (le)
    j = le;
  /* "the privately held, Minnesota-based group": lower-case words and a comma before the
     places, a coordinate modifier */
  size_t q = j;
  while (!le && q < lim && q < i + 4 && kgm_modifier_word(c, q))
    q++;
  if (q > j && q + 1 < lim && kgm_is(c, q, ",") && c->owner[q + 1] >= 0)
    j = q + 1;
  for (int k = 0; k < 3 && j < lim && !le; k++) {
    int p = c->owner[j];
    /* "the Oakland, California, company": the places set off by commas, then the noun */
    if (k >= 2 && p < 0 && kgm_is(c, j - 1, ","))
      break;
    if (p < 0 || c->m[p].tok_start != j || c->m[p].cls != KG_CLASS_PLACE ||
        (c->m[p].flags & KGM_F_DEMONYM))
      return 0;
    size_t e = c->m[p].tok_end, len;
    const char *s = kgt_token_text(c->d, e - 1, &len);
    if (len > 6 && kgt_str_case_equal(s + len - 6, 6, "-based") &&
        (s[len - 5] | 0x20) == 'b') {
      j = e;
      break;
    }
    if (!kgm_is(c, e, ","))
      return 0;
    j = e + 1;
  }
  if (j >= lim || c->owner[j] >= 0 || kgm_tok(c, j)->kind != KGT_WORD || j == i + 1)
    return 0;
  /* the noun may come after a few lower-case modifiers: "the Velmont-based oil producer",
     "the Ohio-based cybersecurity and data analytics company"; they are part of the
     anaphor */
  *mod = j;
  for (size_t k = 0; k < 4 && !kgm_det_noun_np(c, i, j); k++) {
    const KgtToken *u = kgm_tok(c, j);
    if (j + 1 >= lim || c->owner[j] >= 0 || u->kind != KGT_WORD ||
        (u->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) ||
        (kgt_is_function_word(u->fold) && !kgm_is(c, j, "and")))
      return 0;
    j++;
  }
  if (!kgm_det_noun_np(c, i, j) || (j + 1 < c->nt && c->desc[j + 1].e))
    return 0;
  /* the exchange or its town is part of the description, no mention of its own; none when a
     name follows ("the London-quoted company <Nevi Baltic Plc>" names it) */
  if (le && (kgm_name_follows(c, j + 1, lim) ||
             (j + 1 < lim && (kgm_namey(c, j + 1) || kgm_is(c, j + 1, "<")))))
    return 0;
  if (le)
    *mod = i + 1;
  /* "for the Lorvanne-based maker of X", "for the Lorvanne-based company": a new party
     described, as often as one named before; but "chief executive of the Tokyo-based
     group" is a role's company, and "a subsidiary of the Tokyo-based group" a company's
     owner */
  int role_of = 0;
  if (i >= 2 && (kgm_is(c, i - 1, "of") || kgm_is(c, i - 1, "at")))
    for (size_t back = 1; back <= 4 && back <= i - 1 && !role_of; back++) {
      const KgtLexEntry *re;
      role_of = kgm_lex(c, i - 1 - back, KGT_LEX_ROLE, &re) == back;
    }
  role_of |= kgm_company_noun_of(c, i);
  /* (opening its sentence it is the subject the story goes on with: "The Chicago-based maker
     of CT scanners plans to …") */
  /* (nor does one filed from its town: "MANNHEIM — … will turn the Mannheim-based maker
     of Ultrex into …") */
  if ((kgm_is(c, j + 1, "of") || kgm_is(c, j + 1, "de")) && !kgm_initial(c, i) &&
      !(c->owner[i + 1] >= 0 && c->m[c->owner[i + 1]].cls == KG_CLASS_PLACE &&
        kgm_dateline_place(c, &c->m[c->owner[i + 1]])))
    return 0;
  *prep = kgm_after_prep(c, i) && !role_of;
  return j;
}

/* kgm_based_anaphor_at() where a determiner may start at @p i: the anaphora pass asks at
 * every word, and the lexicon mask turns most away without a call. */
static inline size_t kgm_based_anaphor(KgmCtx *c, size_t i, size_t *mod, int *prep,
                                       const char **listed) {
  *listed = NULL;
  if (i >= c->nt || !(c->lmask[i] & KGT_LEX_BIT(KGT_LEX_DET)))
    return 0;
  return kgm_based_anaphor_at(c, i, mod, prep, listed);
}

static inline int kgm_open_q(const KgtToken *t, int inside);
static inline int kgm_close_q(const KgtToken *t, int inside);

/* A quoted phrase of lower-case words and one organization's name, "un « nouveau
 * Suez »": the quotes coin the name of another organization (the part carved out of
 * the first), not a mention of the named one. */
static void kgm_pass_quoted_names(KgmCtx *c) {
  for (size_t q = 0; q + 3 < c->nt; q++) {
    if (!kgm_open_q(kgm_tok(c, q), 0) || c->headline[kgm_tok(c, q)->sentence])
      continue;
    size_t lim = kgm_sent_end(c, q), j = q + 1;
    while (j < lim && j - q <= 3 && c->owner[j] < 0 && kgm_tok(c, j)->kind == KGT_WORD &&
           !(kgm_tok(c, j)->flags & KGT_F_CAP) && !kgt_is_function_word(kgm_tok(c, j)->fold))
      j++;
    int g = j < lim ? c->owner[j] : -1;
    if (j == q + 1 || g < 0 || c->m[g].tok_start != j || !kgm_is_org(c->m[g].cls) ||
        c->m[g].tok_end >= lim || !kgm_close_q(kgm_tok(c, c->m[g].tok_end), 1))
      continue;
    KgClass cls = c->m[g].cls;
    size_t e = c->m[g].tok_end;
    kgm_kill(c, g);
    kgm_org_span(c, q + 1, e, cls, KGM_SRC_SUFFIX);
    q = e;
  }
}

/* A speech verb ends right before @p i, or one word (a day, an adverb) before it: "…, a
 * annoncé jeudi le groupe", "said the company". */
static int kgm_after_speech(KgmCtx *c, size_t i) {
  const KgtLexEntry *e;
  for (size_t gap = 0; gap <= 1; gap++) {
    if (i < gap + 1)
      break;
    size_t end = i - gap;
    if (gap && (kgm_tok(c, end)->kind != KGT_WORD || c->owner[end] >= 0))
      break;
    for (size_t back = 1; back <= 3 && back <= end; back++)
      if (kgm_lex(c, end - back, KGT_LEX_SPEECH_VERB, &e) == back)
        return 1;
  }
  return 0;
}

/* The person mention ending right before @p i, or before a comma that closes an
 * apposition after it ("John Roe, petit-fils de X, en ..."); -1 when none. */
static int kgm_person_before(const KgmCtx *c, size_t i) {
  if (i == 0)
    return -1;
  size_t p = i - 1;
  if (c->owner[p] >= 0)
    return c->m[c->owner[p]].cls == KG_CLASS_PERSON && c->m[c->owner[p]].tok_end == i
               ? c->owner[p] : -1;
  if (!kgm_is(c, p, ","))
    return -1;
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  for (size_t j = p; j > s && p - j <= 16; j--) {
    if (j < p && kgm_is(c, j, ",")) {
      int o = c->owner[j - 1];
      return o >= 0 && c->m[o].cls == KG_CLASS_PERSON && c->m[o].tok_end == j ? o : -1;
    }
  }
  return -1;
}

/* French clitic "en" after a person subject, "A, ancien de X, en est le directeur
 * général", "B en préside le conseil": it stands for an organization, the subject of
 * the clause or of an earlier sentence. */
static int kgm_clitic_en(KgmCtx *c, size_t i) {
  if (!c->fr || !kgm_is(c, i, "en") || c->owner[i] >= 0 ||
      i + 1 >= kgm_sent_end(c, i))
    return 0;
  const KgtToken *nx = kgm_tok(c, i + 1);
  const KgtLexEntry *e;
  char buf[16];
  if (nx->kind != KGT_WORD || (nx->flags & KGT_F_CAP) || c->owner[i + 1] >= 0 ||
      kgm_lex(c, i + 1, KGT_LEX_DET, &e) || kgm_lex(c, i + 1, KGT_LEX_PREP, &e) ||
      kgt_parse_date(c->d, i, 2000, buf) > 0)
    return 0;
  return kgm_person_before(c, i) >= 0;
}

/* "Orvane Corp's Kestrel Systems Inc said it …": a name in the possessive before another
 * organization's name qualifies it; the other one is the subject. */
static int kgm_poss_modifier(const KgmCtx *c, const KgmMention *m) {
  size_t e = m->tok_end;
  /* "Quintal-owned Velmora Games said it …" */
  if (e < c->nt && kgm_modifier_tok(c, e - 1) && c->owner[e] >= 0 &&
      c->m[c->owner[e]].tok_start == e && kgm_is_org(c->m[c->owner[e]].cls))
    return 1;
  if (e + 1 >= c->nt)
    return 0;
  const char *f = kgm_tok(c, e)->fold;
  if (strcmp(f, "'s") != 0 && strcmp(f, "'") != 0)
    return 0;
  int o = c->owner[e + 1];
  return o >= 0 && c->m[o].tok_start == e + 1 && kgm_is_org(c->m[o].cls);
}

/* « de l'Orca », « du Velo » at @p j: the developer the gazetteer gives for that
 * product, or NULL. */
static const char *kgm_maker_of_next(const KgmCtx *c, size_t j) {
  if (j + 1 >= c->nt || !kgm_of(c, j, 0))
    return NULL;
  j++;
  const KgtLexEntry *e;
  size_t n = kgm_lex(c, j, KGT_LEX_DET, &e);
  if (n && j + n < c->nt)
    j += n;
  int p = c->owner[j];
  return p >= 0 && c->m[p].tok_start == j && c->m[p].cls == KG_CLASS_PRODUCT ? c->m[p].maker
                                                                            : NULL;
}

/* The latest organization named @p name among the refs (a bounded number back), or -1. */
static int kgm_ref_named(const KgmCtx *c, const KgmRefs *R, const char *name) {
  for (size_t k = R->n; name && k-- > 0 && R->n - k <= KGM_REF_SCAN;)
    if (strcmp(c->m[R->refs[k].id].name, name) == 0)
      return R->refs[k].id;
  return -1;
}

/* The noun at @p noun ("the Salt Lake City-based company", "the Orca maker") refers to
 * @p ref: an anaphor over tokens [@p a, @p noun] (lower-case modifiers before the noun
 * belong to it), pushed as a ref of the description opening at @p i. */
static KgStatus kgm_span_anaphor(KgmCtx *c, KgmRefs *R, size_t a, size_t noun, int ref, size_t i) {
  int id = kgm_anaphor(c, a, noun + 1, ref);
  if (id < 0)
    return c->st;
  return kgm_refs_push(R, id, kgm_tok(c, i)->sentence, i, kgm_initial(c, i) || !kgm_after_prep(c, i));
}

static KgStatus kgm_noun_anaphor(KgmCtx *c, KgmRefs *R, size_t noun, int ref, size_t i) {
  return kgm_span_anaphor(c, R, noun, noun, ref, i);
}

/* "the Orca maker said": a determiner at @p i, a product, then a noun the lexicon gives as
 * its maker (product cue "maker") with no name after it; returns the noun's token, 0 when
 * the shape is not there. */
static size_t kgm_maker_anaphor(KgmCtx *c, size_t i) {
  const KgtLexEntry *e;
  size_t n = kgm_lex(c, i, KGT_LEX_DET, &e);
  if (!n || i + n >= c->nt)
    return 0;
  int p = c->owner[i + n];
  if (p < 0 || c->m[p].tok_start != i + n || c->m[p].cls != KG_CLASS_PRODUCT)
    return 0;
  size_t j = c->m[p].tok_end, lim = kgm_sent_end(c, i);
  if (j >= lim || c->owner[j] >= 0 || kgm_lex(c, j, KGT_LEX_PRODUCT_CUE, &e) != 1 ||
      !kgm_has(e->value, "maker") || kgm_name_follows(c, j + 1, lim))
    return 0;
  return j;
}

/* Organization mention @p m only says what a person does or did: "Michel Pautrat, un
 * ancien dirigeant de Sorvex", "a former Quintal executive", "analyst at Orvane" (a role of
 * lexicon value other).
 * Such a name is no subject, and no antecedent of a later "la société" / "the company". */
static int kgm_role_attr(const KgmCtx *c, const KgmMention *m) {
  size_t a = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
  const KgtLexEntry *e;
  size_t rl;
  if (m->tok_end < c->nt && (rl = kgm_lex(c, m->tok_end, KGT_LEX_ROLE, &e)) > 0) {
    if (kgm_has(e->value, "other"))
      return 1;
    /* "Orvane Chief Executive Lena Marsh": the name titles a person named right after */
    size_t q = m->tok_end + rl;
    if (q < c->nt && c->owner[q] >= 0 && c->m[c->owner[q]].cls == KG_CLASS_PERSON)
      return 1;
  }
  if (a >= 1 && kgm_lex1(c, a - 1, KGT_LEX_DET))
    a--;
  if (a < 2 || !kgm_of(c, a - 1, 0))
    return 0;
  /* the role's last word just before "de"/"of": "dirigeant", "directeur financier"; a head
   * of the company ("président-directeur général d'X") often is the topic: not those */
  for (size_t r = a - 1; r-- > 0 && a - 1 - r <= 3;)
    if (kgm_lex(c, r, KGT_LEX_ROLE, &e) == a - 1 - r)
      return kgm_has(e->value, "other");
  return 0;
}

/* Token @p s looks like a past participle: "Founded", "Spun", « Fondée », « Créés » (by
 * shape: the lexicon has no participle kind; "Spun", "Set" and the like are missed). */
static int kgm_participle(const KgmCtx *c, size_t s) {
  const char *w = kgm_tok(c, s)->lower;
  size_t wl = strlen(w);
  if (wl > 3 && w[wl - 1] == 's')
    wl--;
  if (wl > 3 && w[wl - 1] == 'e' && (unsigned char)w[wl - 2] == 0xA9)
    wl--;
  return wl > 4 && ((w[wl - 2] == 'e' && w[wl - 1] == 'd') ||
                    ((unsigned char)w[wl - 2] == 0xC3 && (unsigned char)w[wl - 1] == 0xA9));
}

/* Token @p i follows the comma that closes a participle or prepositional phrase opening
 * its sentence ("Listed in 2007, it employs …", "With 16,000 staff, it …"): a subject.
 * In French only after a participle that only an organization takes (lexicon: notname
 * valued participle|org, « Cotée à Paris depuis 2015, elle emploie … »): a French « il » / « elle »
 * there is as often a person (« Née à Lyon, elle … »), and the English "it" never is. */
static int kgm_after_fronted_phrase(const KgmCtx *c, size_t i);
static int kgm_participle(const KgmCtx *c, size_t s);

static int kgm_after_fronted_participle(KgmCtx *c, size_t i) {
  if (!c->fr)
    return kgm_after_fronted_phrase(c, i);
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  while (s < i && kgm_tok(c, s)->kind == KGT_PUNCT)
    s++;
  const KgtLexEntry *pe = s < i ? kgm_lex1(c, s, KGT_LEX_NOT_NAME) : NULL;
  return pe && pe->value && kgm_has(pe->value, "org") && kgm_after_fronted_phrase(c, i);
}

/* Token @p q (q > 0) is a verb of the lexicon's subjverb class in lower case right after a
 * lower-case word that is no relative, pronoun, preposition, determiner nor verb: a noun's
 * own verb ("the brand competes"), not a passive's participle ("Orsk is unveiled"). */
static int kgm_noun_verb(const KgmCtx *c, size_t q) {
  const KgtToken *t = kgm_tok(c, q), *p = kgm_tok(c, q - 1);
  const KgtLexEntry *e;
  if (c->owner[q] >= 0 || (t->flags & KGT_F_CAP) || kgm_lex(c, q, KGT_LEX_SUBJ_VERB, &e) != 1 ||
      p->kind != KGT_WORD || (p->flags & KGT_F_CAP) || c->owner[q - 1] >= 0)
    return 0;
  static const int not_before[] = {KGT_LEX_CLAUSE, KGT_LEX_ANAPHOR, KGT_LEX_PREP, KGT_LEX_DET,
                                   KGT_LEX_SUBJ_VERB};
  for (size_t k = 0; k < sizeof not_before / sizeof *not_before; k++)
    if (kgm_lex(c, q - 1, not_before[k], &e) != 0)
      return 0;
  return 1;
}

/* The same, in any language: a description there (« Fondée en 2008 et incubée par le fonds
 * X, la société … ») is the subject of the main clause, not a name of the fronted phrase. */
static int kgm_after_fronted_phrase(const KgmCtx *c, size_t i) {
  if (i == 0 || !kgm_is(c, i - 1, ","))
    return 0;
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  while (s < i && kgm_tok(c, s)->kind == KGT_PUNCT)
    s++;
  const KgtLexEntry *e;
  if (s >= i || c->owner[s] >= 0 || kgm_tok(c, s)->kind != KGT_WORD)
    return 0;
  /* a participle by its shape, a preposition, or a word a preposition follows at once or
     one word on ("Spun off from X in 2007, it …", "Sales at the unit fell, it said") */
  /* participles of other shapes are in the lexicon (« Issu de », « Détenue par ») */
  const KgtLexEntry *pe = kgm_lex1(c, s, KGT_LEX_NOT_NAME);
  /* a subordinate clause too ("Although its shares trade in New York, the company …"):
     the clause words the lexicon marks "fronted" */
  const KgtLexEntry *ce = NULL;
  if (kgm_lex(c, s, KGT_LEX_CLAUSE, &ce) <= 0)
    ce = NULL;
  /* a noun of apposition too (« Propriétaire des maisons A et B, l'entreprise … ») */
  int opening = kgm_participle(c, s) || kgm_lex(c, s, KGT_LEX_PREP, &e) ||
                (pe && pe->value && (kgm_has(pe->value, "participle") || kgm_has(pe->value, "appos"))) ||
                (ce && ce->value && kgm_has(ce->value, "fronted"));
  for (size_t q = s + 1; q <= s + 2 && q < i && !opening; q++)
    opening = c->owner[q] < 0 && kgm_lex(c, q, KGT_LEX_PREP, &e) == 1 &&
              !kgm_lex(c, s, KGT_LEX_DET, &e) && !kgm_lex(c, s, KGT_LEX_ANAPHOR, &e);
  if (!opening)
    return 0;
  /* one phrase ("Based in Orange, Connecticut, and run by P, it"): no clause of its own in
     between */
  int commas = 0;
  for (size_t q = s + 1; q + 1 < i; q++)
    if (kgm_is(c, q, ";") || kgm_is(c, q, ":") || (kgm_is(c, q, ",") && ++commas > 3))
      return 0;
  /* a phrase a preposition opens holds no verb of a subject of its own: "In U.S. grocery
     aisles the brand competes with Tamlin Co, the Ohio firm …" has passed the subject
     (a relative's verb is the phrase's: "With sales that have doubled, it …") */
  if (kgm_lex(c, s, KGT_LEX_PREP, &e) && !kgm_participle(c, s))
    for (size_t q = s + 2; q + 1 < i; q++)
      if (kgm_noun_verb(c, q))
        return 0;
  return 1;
}

/* A possessive in a phrase fronted before its sentence's subject points forward to that
 * subject: « Fondée en 2013 par P, son PDG, avec Q, Vorlex est … », "Since its listing in
 * 2010, Orvane has …", « Selon son PDG, Brantel … ». The phrase opens with a preposition or
 * a participle and names no organization before @p i (else the possessive may be that
 * one's); the subject is the first organization after it that follows a comma, is governed
 * by no preposition and is no possessive's qualifier ("…, Orvane's chief said"). Mentions
 * from @p from on are those after @p i. The names listed right after the possessive's span,
 * which ends at @p after, are what it qualifies, not the subject (« Face à ses concurrents A ou
 * B, Vorlex … »), up to the one a conjunction brings. Returns the subject's mention, or -1. */
static int kgm_cataphor(KgmCtx *c, size_t i, size_t after, size_t from) {
  const KgtToken *t = kgm_tok(c, i);
  const KgtSentence *sn = kgt_doc_sentence(c->d, t->sentence);
  size_t s = sn->tok_start;
  while (s < i && kgm_tok(c, s)->kind == KGT_PUNCT)
    s++;
  if (s >= i || c->owner[s] >= 0 || kgm_tok(c, s)->kind != KGT_WORD)
    return -1;
  const KgtLexEntry *e, *e2;
  if (!kgm_participle(c, s) && !kgm_lex(c, s, KGT_LEX_PREP, &e))
    return -1;
  /* (not the antecedent of « qui en »: « Contrôlé par la famille O, qui en détient 28 %, X »
     — the family holds part of X) */
  for (size_t q = s; q < i; q++)
    if (c->owner[q] >= 0 && kgm_is_org(c->m[c->owner[q]].cls) &&
        !(c->m[c->owner[q]].tok_end + 1 == i && kgm_is(c, i - 1, ",")))
      return -1;
  size_t le = after;
  for (int conj = 0; le < sn->tok_end && c->owner[le] >= 0 && kgm_is_org(c->m[c->owner[le]].cls);) {
    size_t end = c->m[c->owner[le]].tok_end;
    le = end;
    if (conj || end + 1 >= sn->tok_end || c->owner[end + 1] < 0 ||
        !(kgm_is(c, end, ",") || kgm_lex(c, end, KGT_LEX_LIST_SEP, &e2)))
      break;
    conj = !kgm_is(c, end, ",");
    le = end + 1;
  }
  for (size_t k = from; k < c->n; k++) {
    const KgmMention *m = &c->m[k];
    if (m->tok_start <= i || m->tok_start < le || !kgm_is_org(m->cls))
      continue;
    if (m->tok_start >= sn->tok_end)
      return -1;
    size_t a = m->desc_start < m->tok_start ? m->desc_start : m->tok_start;
    if (kgm_after_prep(c, a))
      continue;
    /* (« …, la société Vorlex »: the descriptor's article) */
    if (a >= 2 && kgm_lex1(c, a - 1, KGT_LEX_DET) && kgm_is(c, a - 2, ","))
      a--;
    if (a == 0 || !kgm_is(c, a - 1, ",") || kgm_poss_modifier(c, m) ||
        (m->tok_end < sn->tok_end && (kgm_is(c, m->tok_end, ",") ||
                                      kgm_lex(c, m->tok_end, KGT_LEX_LIST_SEP, &e))))
      return -1;
    return (int)k;
  }
  return -1;
}

/* 1 when token @p i stands inside a quotation opened in its sentence (« X est un actif
 * exceptionnel », a déclaré P): a name there is the speaker's topic, no subject a later
 * description could stand for. */
static int kgm_in_quote(const KgmCtx *c, size_t i) {
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  int open = 0;
  /* straight quotes say not which side they stand on: kgm_open_q and kgm_close_q take
     them only as told, and are told never */
  for (size_t k = s0; k < i; k++) {
    const KgtToken *t = kgm_tok(c, k);
    if (kgm_open_q(t, 1))
      open++;
    else if (open > 0 && kgm_close_q(t, 0))
      open--;
  }
  return open > 0;
}

/* Whether the comma at @p q stands between two items of a list of names that goes on after
 * the second (« des maisons A, B, C et D, … »): no phrase ends there. */
static int kgm_list_comma(const KgmCtx *c, size_t q, size_t lim) {
  int a = c->owner[q - 1], b = q + 1 < lim ? c->owner[q + 1] : -1;
  if (a < 0 || b < 0 || c->m[a].tok_end != q || c->m[b].tok_start != q + 1)
    return 0;
  size_t e = c->m[b].tok_end;
  const KgtLexEntry *le;
  return e + 1 < lim && c->owner[e + 1] >= 0 &&
         (kgm_is(c, e, ",") || kgm_lex(c, e, KGT_LEX_LIST_SEP, &le) == 1);
}

/* The end of a phrase fronted before the subject of the sentence holding token @p p: the
 * sentence's first comma that a subject follows (kgm_after_fronted_phrase()), or 0 when
 * none. « En rachetant l'afficheur Orsk en 1999, Velmar … », « Né en 2011 du rachat de l'école
 * X par Y, Velmar … », "By buying Orsk, Velmar …": a name before it is not what the sentence
 * is about. */
static size_t kgm_fronted_phrase_end(const KgmCtx *c, size_t p) {
  size_t s = kgt_doc_sentence(c->d, kgm_tok(c, p)->sentence)->tok_start, lim = kgm_sent_end(c, p);
  for (size_t q = s + 1; q + 1 < lim; q++)
    if (kgm_is(c, q, ",") && !kgm_list_comma(c, q, lim) && kgm_after_fronted_phrase(c, q + 1))
      return q;
  return 0;
}

/* Whether the place named @p name opens the text in capitals, as a dateline's town does
 * ("DAYTON, Ohio, June 3 -"). */
static int kgm_dateline_place(const KgmCtx *c, const KgmMention *p) {
  size_t len = p->tok_end - p->tok_start;
  for (size_t k = 0; k < c->n && c->m[k].tok_start < 3; k++) {
    const KgmMention *m = &c->m[k];
    if (c->aux[k].dead || m->cls != KG_CLASS_PLACE ||
        !(kgm_tok(c, m->tok_start)->flags & KGT_F_ALLCAPS) || m == p)
      continue;
    /* one place of the gazetteer, however written: "MANNHEIM" and "Mannheim-based" */
    if (m->name && p->name && strcmp(m->name, p->name) == 0)
      return 1;
    if (m->tok_end - m->tok_start != len)
      continue;
    int same = 1; /* the dateline's capitals fold as the town's name does */
    for (size_t q = 0; q < len && same; q++)
      same = strcmp(kgm_tok(c, m->tok_start + q)->fold, kgm_tok(c, p->tok_start + q)->fold) == 0;
    if (same)
      return 1;
  }
  return 0;
}

/* Whether the dateline names a town with its state or region ("ZEELAND, Mich."): a
 * story filed from a company's home town, the way wire services date a company's news. */
static int kgm_dateline_town_region(const KgmCtx *c) {
  for (size_t k = 0; k + 1 < c->n && c->m[k].tok_start < 3; k++) {
    const KgmMention *m = &c->m[k], *r = &c->m[k + 1];
    if (!c->aux[k].dead && m->cls == KG_CLASS_PLACE &&
        (kgm_tok(c, m->tok_start)->flags & KGT_F_ALLCAPS) && kgm_is(c, m->tok_end, ",") &&
        r->tok_start == m->tok_end + 1 && r->cls == KG_CLASS_PLACE && !c->aux[k + 1].dead &&
        !(kgm_tok(c, r->tok_start)->flags & KGT_F_ALLCAPS))
      return 1;
  }
  return 0;
}

/* The organization the story opens with: the first one named before token @p i that may be
 * its sentence's subject, no news outlet, backer nor anaphor; -1 when none. */
static int kgm_lead_subject(const KgmCtx *c, const KgmRefs *R, size_t i) {
  for (size_t k = 0; k < R->n && R->refs[k].tok < i; k++) {
    const KgmRef *r = &R->refs[k];
    const KgmMention *m = &c->m[r->id];
    if (m->cls == KG_CLASS_NEWS_ORGANIZATION || (m->flags & KGM_F_ANAPHOR))
      continue;
    if (r->subject <= 0 || kgm_is_backer(c, r) || !kgm_ref_ok(c, r, NULL, 1))
      return -1; /* a story that opens on another organization says nothing here */
    return r->id;
  }
  return -1;
}

/* « la société cotée, Velmar Holding N.V., une entité … », "the listed company, Velmar Holding
 * plc,": a description followed (after a lower-case word or two of its own) by a comma and
 * an organization's name closed by a comma or the sentence's end is that organization.
 * Returns its mention, -1 when there is none. @p e is the token after the description. */
static int kgm_appos_named(const KgmCtx *c, size_t e) {
  size_t k = e;
  while (k < c->nt && k < e + 2 && c->owner[k] < 0 && kgm_tok(c, k)->kind == KGT_WORD &&
         !(kgm_tok(c, k)->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && !kgm_stop(c, k))
    k++;
  if (k + 1 >= c->nt || !kgm_is(c, k, ",") || kgm_tok(c, k)->sentence != kgm_tok(c, e > 0 ? e - 1 : 0)->sentence)
    return -1;
  /* « Le nouvel ensemble, rebaptisé Olmeda Group, … »: the name it is given (lexicon notname
     valued newname) */
  const KgtLexEntry *ne;
  size_t nn = kgm_lex(c, k + 1, KGT_LEX_NOT_NAME, &ne);
  if (nn > 0 && ne->value && kgm_has(ne->value, "newname") && k + 1 + nn < c->nt)
    k += nn;
  int o = c->owner[k + 1];
  if (o < 0 || c->m[o].tok_start != k + 1 || !kgm_is_org(c->m[o].cls) ||
      (c->m[o].flags & KGM_F_ANAPHOR) || c->m[o].cls == KG_CLASS_NEWS_ORGANIZATION)
    return -1;
  size_t oe = c->m[o].tok_end;
  if (oe < c->nt && kgm_tok(c, oe)->sentence == kgm_tok(c, k)->sentence && !kgm_is(c, oe, ",") &&
      !(kgm_tok(c, oe)->kind == KGT_PUNCT && strchr(".;", kgm_tok(c, oe)->fold[0])))
    return -1;
  return o;
}

static KgStatus kgm_pass_anaphora(KgmCtx *c) {
  KgmRefs R = {NULL, 0, 0};
  size_t n0 = c->n, next = 0;
  KgStatus st = KG_SUCCESS;
  /* the fronted phrase's end, found once per sentence */
  size_t fr_sent = SIZE_MAX, fr_end = 0;
  for (size_t i = 0; i < c->nt && st == KG_SUCCESS; i++) {
    const KgtToken *t = kgm_tok(c, i);
    /* organizations named up to here */
    while (next < n0 && c->m[next].tok_start <= i) {
      const KgmMention *m = &c->m[next];
      if (kgm_is_org(m->cls) && !(m->flags & KGM_F_SHARED)) {
        size_t ms = kgm_tok(c, m->tok_start)->sentence;
        if (ms != fr_sent) {
          fr_sent = ms;
          fr_end = kgm_fronted_phrase_end(c, m->tok_start);
        }
        st = kgm_refs_push(&R, (int)next, ms, m->tok_start,
                           kgm_role_attr(c, m)
                               ? -1
                               : !kgm_after_prep(c, m->desc_start < m->tok_start ? m->desc_start
                                                                                 : m->tok_start) &&
                                     !kgm_poss_modifier(c, m) &&
                                     !kgm_in_quote(c, m->tok_start) &&
                                     !kgm_in_relative(c, m->desc_start < m->tok_start
                                                             ? m->desc_start
                                                             : m->tok_start) &&
                                     !(m->tok_start < fr_end));
      }
      next++;
    }
    if (st != KG_SUCCESS || c->owner[i] >= 0 || t->kind != KGT_WORD || c->headline[t->sentence])
      continue;
    const char *type = NULL;
    KgmAnaPlaces where;
    size_t pmod = 0;
    int prep = 0;
    const char *listed;
    size_t pj = kgm_based_anaphor(c, i, &pmod, &prep, &listed);
    if (pj) {
      /* "the Salt Lake City-based company": the noun is the anaphor, the place stays; it
         describes the company the article is about (named most lately), not a backer
         listed last ("… joined Halden and Brantel. The Oslo-based company …") */
      int sure;
      /* of those, one the gazetteer places in the place's country first ("The Bilbao-based
         group" after a Spanish and an American company is the Spanish one) */
      KgmAnaPlaces w;
      memset(&w, 0, sizeof w);
      int pm0 = c->owner[i + 1];
      if (pm0 >= 0 && c->m[pm0].cls == KG_CLASS_PLACE && !listed)
        w.country[0] = kgm_place_country(c, c->m[pm0].name);
      /* in apposition to a name: "Tarlo, the Brackley, Ohio-based company founded in
         1970, …" describes Tarlo */
      int ref = kgm_appos_name(c, i, pj + 1), appos = ref >= 0;
      /* "the London-based private equity group": a fund's description is a backer */
      const KgtLexEntry *fd;
      int fund = kgm_lex(c, pmod, KGT_LEX_DESCRIPTOR, &fd) == pj + 1 - pmod &&
                 kgm_class_of(fd->value) == KG_CLASS_INVESTMENT_FIRM;
      /* ("the Chicago-based firm" may be a backer as well as a company) */
      int backer_noun = kgm_backer_noun(c, pj);
      int backers = fund ? 2 : backer_noun ? 0 : 1;
      /* "DAYTON, Ohio — Velmar agreed to buy Orsk … The Dayton, Ohio-based company said":
         the town of the dateline is where the company that opens the story is */
      if (ref < 0 && !fund && pm0 >= 0 && c->m[pm0].cls == KG_CLASS_PLACE && !listed &&
          kgm_dateline_place(c, &c->m[pm0]))
        ref = kgm_lead_subject(c, &R, i);
      if (ref < 0 && w.country[0])
        ref = kgm_most_named(c, &R, i, t->sentence, &w, 1, backers);
      if (ref < 0)
        ref = kgm_most_named(c, &R, i, t->sentence, NULL, 1, backers);
      /* "Velmar Inc, …, saw its shares rise in their Nasdaq debut … The Raleigh-based
         company": a company of that country the text only named in passing gives way to
         one that opened a sentence as its subject and whose country the text has not given */
      /* (not a fund that "the Chicago-based firm" names as well as any company) */
      if (ref >= 0 && !appos && w.country[0] && !fund && !kgm_opened_sentence(c, &R, ref, t->sentence) &&
          !(c->m[ref].cls == KG_CLASS_INVESTMENT_FIRM && backer_noun)) {
        size_t rn = 0;
        int op = kgm_most_unplaced(c, &R, i, t->sentence, 1, 0, 1, &rn);
        if (op >= 0 && rn >= 2 && rn > kgm_named_count(c, &R, ref, i, t->sentence))
          ref = op;
      }
      /* "Shares of Velmar slumped in their Nasdaq debut … The Nashville, Tennessee-based
         company": a name the text only used to qualify a noun gives way to the company the
         story opened with, whose country the text has not given */
      if (!appos && w.country[0] && !fund)
        ref = kgm_past_premodifier(c, &R, ref, i, t->sentence, 0);
      /* not one the gazetteer places in another country ("the Stamford, Connecticut-based
         company" after a Korean buyer is the American target) */
      for (int tries = 0; ref >= 0 && w.country[0] && c->m[ref].country && tries < 3; tries++) {
        const char *rc = kgm_place_country(c, c->m[ref].country);
        if (!rc || strcmp(rc, w.country[0]) == 0)
          break;
        int other = kgm_most_named_but(c, &R, i, t->sentence, NULL, 1, 1, c->m[ref].name);
        if (other < 0 || (c->m[other].country && (rc = kgm_place_country(c, c->m[other].country)) &&
                          strcmp(rc, w.country[0]) != 0))
          break;
        ref = other;
      }
      if (ref < 0)
        ref = kgm_resolve(c, &R, i, t->sentence, "np", NULL, &sure);
      int epo = kgm_appos_name(c, i, 0) < 0 ? kgm_eponym(c, &R, i, t->sentence) : -1;
      if (epo >= 0)
        ref = epo;
      if (ref >= 0 && kgm_named_after(c, ref, i, pj + 1))
        ref = kgm_other_subject(c, &R, i, t->sentence, NULL, 1, c->m[ref].name);
      if (ref >= 0) {
        /* named in this very sentence ("Quorvane is now a unit of the Ohio-based group"):
           the other reading is kept for a relation that would tie the name to itself; after
           a company noun and "of" it is the referent (a unit's owner is not the unit) */
        int alt = -1;
        if (kgm_named_in_sentence(c, &R, ref, t->sentence, i)) {
          alt = kgm_resolve_other(c, &R, i, t->sentence, ref, 1);
          if (alt < 0)
            alt = kgm_resolve_earlier(c, &R, t->sentence, "np", 1, 0);
          if (alt >= 0 && strcmp(c->m[alt].name, c->m[ref].name) == 0)
            alt = kgm_most_named_but(c, &R, i, t->sentence, NULL, 1, 1, c->m[ref].name);
          /* an object is not its clause's subject: "Velmar paid $157 a share for the
             Ohio-based company" (only then after a preposition: "for the Ohio-based
             company" alone may be a new party, described as often as one named before) */
          int object = alt >= 0 && kgm_named_before(c, ref, i);
          if (object)
            prep = 0;
          if (alt >= 0 && (kgm_company_noun_of(c, i) || object)) {
            int tmp = ref;
            ref = alt;
            alt = tmp;
          }
        }
        /* "for the Ohio-based company" alone may be a new party; it is the company the
           story opens with unless the story was filed from another company's home town
           ("ZEELAND, Mich. -- Velmar agreed to buy Orsk … associated with the East
           Greenville, Pennsylvania-based company" is Orsk) */
        int lead = prep ? kgm_lead_subject(c, &R, i) : -1;
        if (lead >= 0 && pm0 >= 0 && c->m[pm0].cls == KG_CLASS_PLACE &&
            !kgm_dateline_place(c, &c->m[pm0]) && kgm_dateline_town_region(c))
          lead = -1;
        if (prep && (lead < 0 || strcmp(c->m[lead].name, c->m[ref].name) != 0)) {
          i = pj;
          continue;
        }
        for (size_t q = pmod; listed && q < pj; q++)
          if (c->owner[q] >= 0)
            kgm_kill(c, c->owner[q]);
        st = kgm_span_anaphor(c, &R, pmod, pj, ref, i);
        int id = c->owner[pj];
        if (st == KG_SUCCESS && id >= 0 && listed && listed[0])
          c->m[id].legal_form = listed;
        if (st == KG_SUCCESS && id >= 0 && alt >= 0) {
          c->m[id].alt_name = c->m[alt].name;
          c->m[id].alt_qualifier = c->m[alt].qualifier;
          c->m[id].alt_cls = c->m[alt].cls;
        }
        i = pj;
      }
      continue;
    }
    size_t pm = kgm_maker_anaphor(c, i);
    if (pm) {
      /* "the Orca maker": the noun is the anaphor, the product stays; the maker is the
       * product's developer when the gazetteer knows it, else the company the text has
       * named most lately, not the last name before ("well ahead of what it paid for
       * Tarlo. It makes the Orca maker …") */
      int ref = kgm_ref_named(c, &R, c->owner[pm - 1] >= 0 ? c->m[c->owner[pm - 1]].maker : NULL);
      if (ref < 0)
        ref = kgm_most_named(c, &R, i, t->sentence, NULL, 1, 0);
      if (ref >= 0)
        st = kgm_noun_anaphor(c, &R, pm, ref, i);
      i = pm;
      continue;
    }
    size_t m = kgm_anaphor_at(c, i, &type, &where);
    if (!m && kgm_clitic_en(c, i)) {
      m = 1;
      type = "clitic";
    }
    if (!m || memchr(c->in_desc + i, 1, m))
      continue; /* "la société mère à but non lucratif d'X" names X: no anaphor */
    /* « sa filiale française »: the place describes the subsidiary, not the company the
       possessive stands for */
    if (strcmp(type, "poss") == 0)
      memset(&where, 0, sizeof where);
    /* only a demonym or the place of the description may stand where an anaphor is
       ("the French group", "le groupe de Lyon") */
    int blocked = 0;
    for (size_t q = i; q < i + m && !blocked; q++)
      blocked = c->owner[q] >= 0 && !(c->m[c->owner[q]].flags & KGM_F_DEMONYM) &&
                !(where.place[0] && c->m[c->owner[q]].cls == KG_CLASS_PLACE) &&
                !(where.town && c->m[c->owner[q]].name == where.town);
    if (blocked)
      continue;
    int rel_it = 0;
    /* "… when Carl Varn founded it in 1971": "it" as the object of a verb of founding (the
       lexicon's founding participles, here past tenses) is the sentence's subject */
    const KgtLexEntry *fe;
    if (strcmp(type, "subj") == 0 && !c->fr && i > 1 && kgm_is(c, i, "it") &&
        kgm_lex(c, i - 1, KGT_LEX_NOT_NAME, &fe) == 1 && fe->value && kgm_has(fe->value, "founding") &&
        c->owner[i - 2] >= 0 && c->m[c->owner[i - 2]].cls == KG_CLASS_PERSON)
      type = "poss";
    else if (strcmp(type, "subj") == 0) {
      /* "a venture it owns with …": "it" opening a relative clause with no "that", a noun
         before and a verb after, is this sentence's subject */
      const KgtLexEntry *e;
      /* (the noun may close a description read as an anaphor: "Kelm, the brand-protection
         company it bought") */
      int rel = !kgm_subj_position(c, i) && i > 0 && i + 1 < c->nt &&
                kgm_tok(c, i - 1)->kind == KGT_WORD &&
                !(kgm_tok(c, i - 1)->flags & KGT_F_CAP) &&
                (c->owner[i - 1] < 0 || (c->m[c->owner[i - 1]].flags & KGM_F_ANAPHOR)) &&
                !kgt_is_function_word(kgm_tok(c, i - 1)->fold) &&
                !kgm_lex1(c, i - 1, KGT_LEX_SUBJ_VERB) && !kgm_lex1(c, i - 1, KGT_LEX_SPEECH_VERB) &&
                kgm_lex(c, i + 1, KGT_LEX_SUBJ_VERB, &e) == 1 && !kgm_lex1(c, i + 1, KGT_LEX_COPULA);
      /* "it" as a subject, not "it is likely that"; but "It is preparing to release …" (a
         progressive: the copula and a word in -ing) has one */
      int progressive = 0;
      if (i + 2 < c->nt && kgm_lex1(c, i + 1, KGT_LEX_COPULA)) {
        /* "It is already working with …": an adverb of the lexicon may come first */
        size_t vi = i + 2;
        const KgtLexEntry *ae;
        if (vi + 1 < c->nt && kgm_lex(c, vi, KGT_LEX_NOT_NAME, &ae) == 1 && ae->value &&
            kgm_has(ae->value, "adverb"))
          vi++;
        const KgtToken *v = kgm_tok(c, vi);
        size_t vl = strlen(v->lower);
        progressive = v->kind == KGT_WORD && !(v->flags & KGT_F_CAP) && vl > 5 &&
                      strcmp(v->lower + vl - 3, "ing") == 0;
        /* nor a passive with its agent or place: "It is led by …", "It is based in …" (not
           "it is expected to", "it is reported that") */
        const KgtLexEntry *pe;
        progressive |= v->kind == KGT_WORD && !(v->flags & KGT_F_CAP) && vl >= 3 &&
                       strcmp(v->lower + vl - 2, "ed") == 0 && vi + 1 < c->nt &&
                       kgm_lex(c, vi + 1, KGT_LEX_PREP, &pe) == 1 && !kgm_has(pe->value, "infinitive");
        /* an irregular participle with its agent: "It is run by …", "It was taken private in
           2017 for about $500 million by …" (the agent a few words on, no comma between) */
        int word = v->kind == KGT_WORD && !(v->flags & KGT_F_CAP) && vl >= 3;
        for (size_t q = vi + 1; word && !progressive && q < c->nt && q <= vi + 9; q++) {
          if (kgm_is(c, q, ",") || kgm_is(c, q, ";") || kgm_is(c, q, ":") || kgm_is(c, q, ".") ||
              kgm_tok(c, q)->sentence != kgm_tok(c, i)->sentence)
            break;
          progressive = kgm_lex(c, q, KGT_LEX_PREP, &pe) == 1 && pe->value && kgm_has(pe->value, "agent");
        }
      }
      /* « Il s'agit de … », « il faut »: a copula phrase of several words is impersonal
         whatever follows */
      const KgtLexEntry *ce;
      /* "It is one of the largest makers of …", "It is among the biggest …": a copula
         that ranks it among others says something of a company, never impersonal */
      progressive |= i + 3 < c->nt && kgm_lex1(c, i + 1, KGT_LEX_COPULA) &&
                     ((kgm_is(c, i + 2, "one") && kgm_is(c, i + 3, "of")) || kgm_is(c, i + 2, "among"));
      /* "It is the sole supplier of …", "It is the largest maker of …": an article, a few
         words that may modify a company noun, then one, say what the company is (not "it
         is the first time") */
      const KgtLexEntry *ae;
      if (!progressive && !c->fr && i + 3 < c->nt && kgm_lex1(c, i + 1, KGT_LEX_COPULA) &&
          kgm_lex(c, i + 2, KGT_LEX_DET, &ae) == 1)
        for (size_t q = i + 3; q < c->nt && q <= i + 6; q++) {
          if (kgm_lex(c, q, KGT_LEX_DESCRIPTOR, &ae) > 0 && kgm_class_of(ae->value) == KG_CLASS_COMPANY) {
            progressive = 1;
            break;
          }
          if (!kgm_modifier_word(c, q))
            break;
        }
      if ((!rel && !c->fr && !kgm_subj_position(c, i)) ||
          (i + 1 < c->nt && kgm_lex1(c, i + 1, KGT_LEX_COPULA) && !progressive) ||
          kgm_lex(c, i + 1, KGT_LEX_COPULA, &ce) > 1)
        continue;
      if (rel)
        type = "clitic", rel_it = 1;
      else if (i > 0 && (kgm_lex(c, i - 1, KGT_LEX_SPEECH_VERB, &e) || kgm_after_told(c, i) ||
                    kgm_lex(c, i - 1, KGT_LEX_CLAUSE, &e) || kgm_said_before(c, i) ||
                    kgm_after_semicolon(c, i) || kgm_after_comma_conj(c, i) ||
                    kgm_is(c, i - 1, ":")))
        type = "poss"; /* « Le groupe X est grand : il a racheté … »: X too */ /* "Acme said (on Monday) it would", "Acme told the SEC it",
                          "Acme …; it": this sentence's subject */
    }
    if (strcmp(type, "np") == 0 && !where.country[0] && kgm_after_speech(c, i))
      type = "poss"; /* an inverted speaker is the subject of what it says */
    int sure;
    int ref = strcmp(type, "poss") == 0 && !where.country[0] ? kgm_cataphor(c, i, i + m, next) : -1;
    int cata = ref >= 0;
    int named = strcmp(type, "np") == 0 || strcmp(type, "focus") == 0 ? kgm_appos_named(c, i + m) : -1;
    if (cata)
      sure = 1;
    else if (named >= 0)
      ref = named, sure = 1;
    else
      ref = kgm_resolve(c, &R, i, t->sentence, type, &where, &sure);
    /* "Shares of Velmar soared in their Nasdaq debut … valuing the company at $8 billion":
       a name the text only used to qualify a noun gives way to the company the story
       opened with */
    if (!sure && !where.country[0] &&
        (strcmp(type, "np") == 0 || strcmp(type, "subj") == 0 || strcmp(type, "clitic") == 0 ||
         strcmp(type, "poss") == 0))
      ref = kgm_past_premodifier(c, &R, ref, i, t->sentence, 1);
    /* « le fabricant de l'Orca »: the developer the products gazetteer gives, when the
     * text names it */
    int made = strcmp(type, "np") == 0 ? kgm_ref_named(c, &R, kgm_maker_of_next(c, i + m)) : -1;
    if (made >= 0)
      ref = made, sure = 1;
    if (ref >= 0 && !cata && made < 0 && !sure && strcmp(type, "np") == 0) {
      int epo = kgm_eponym(c, &R, i, t->sentence);
      if (epo >= 0)
        ref = epo, sure = 1; /* the founder's name says which company it is */
    }
    if (ref >= 0 && !cata && made < 0 && strcmp(type, "poss") != 0 &&
        kgm_named_after(c, ref, i, i + m)) {
      /* a pronoun then stands for something no name gives (« Le pool familial … Il
         deviendra le premier actionnaire de Velmar »); a description for the other
         company the text is about */
      ref = strcmp(type, "subj") == 0 || strcmp(type, "clitic") == 0
                ? -1
                : kgm_other_subject(c, &R, i, t->sentence, where.country[0] ? &where : NULL,
                                    strcmp(type, "np") == 0, c->m[ref].name);
    }
    /* « X est entré à son capital »: a possessive the lexicon marks "other" (argument) is
       never the subject of its own clause, the organization named last before it with no
       comma between; then the company of the sentences before */
    const KgtLexEntry *oe;
    if (ref >= 0 && !cata && kgm_lex(c, i, KGT_LEX_ANAPHOR, &oe) == m && kgm_has(oe->arg[0], "other")) {
      size_t s0 = kgt_doc_sentence(c->d, t->sentence)->tok_start, q = i;
      while (q > s0 && !kgm_is(c, q - 1, ",") &&
             !(c->owner[q - 1] >= 0 && kgm_is_org(c->m[c->owner[q - 1]].cls)))
        q--;
      if (q > s0 && c->owner[q - 1] >= 0 && kgm_is_org(c->m[c->owner[q - 1]].cls) &&
          strcmp(c->m[c->owner[q - 1]].name, c->m[ref].name) == 0)
        ref = kgm_resolve_earlier(c, &R, t->sentence, "poss", 0, 0);
    }
    /* a town no list holds places only a company the text has typed (not "Velo Two",
       a car model capitalisation alone made a name), and no company is its own town
       (« le groupe de Rohingyas ») */
    if (ref < 0 || (where.town && !where.place[0] &&
                    (c->m[ref].cls == KG_CLASS_ORGANIZATION || strcmp(c->m[ref].name, where.town) == 0)))
      continue;
    for (size_t q = i; q < i + m; q++)
      if (c->owner[q] >= 0)
        kgm_kill(c, c->owner[q]);
    int id = kgm_anaphor(c, i, i + m, ref);
    if (id >= 0) {
      if (sure)
        c->m[id].flags |= KGM_F_SURE;
      if (cata)
        c->m[id].flags |= KGM_F_CATAPHOR;
      /* named in this very sentence: keep the referent of the sentences before as a
       * second reading, for a relation that would tie that name to itself */
      int np = strcmp(type, "np") == 0;
      /* a possessive only in an apposition ("Dravex, its largest shareholder"): elsewhere
       * "its" is the subject's own ("Brindle bought its stake") */
      /* no second reading for a description in apposition to its own name (« Brantel, la
         maison mère de Orvane Motors » : the same group twice is no relation) */
      int appos_own = np && i >= 2 && kgm_is(c, i - 1, ",") && c->owner[i - 2] == ref &&
                      !(i + m < c->nt && (kgm_is(c, i + m, "'s") || kgm_is(c, i + m, "'")));
      if ((np || (strcmp(type, "poss") == 0 && i > 0 && kgm_is(c, i - 1, ","))) && !appos_own &&
          !where.country[0] && kgm_tok(c, c->m[ref].tok_start)->sentence == t->sentence) {
        int alt = np ? kgm_resolve_other(c, &R, i, t->sentence, ref, np) : -1;
        if (alt < 0)
          alt = kgm_resolve_earlier(c, &R, t->sentence, type, np, kgm_young_ahead(c, i, np));
        if (alt >= 0 && strcmp(c->m[alt].name, c->m[ref].name) != 0) {
          c->m[id].alt_name = c->m[alt].name;
          c->m[id].alt_qualifier = c->m[alt].qualifier;
          c->m[id].alt_cls = c->m[alt].cls;
        }
      }
      if (where.legal_form)
        c->m[id].legal_form = where.legal_form;
      /* "the European group" places nothing: a continent is no base */
      int np0 = where.town ? 1 : 0;
      if (where.town)
        c->m[id].place[0] = where.town;
      for (int k = 0; k + np0 < 2 && where.place[k] && !kgm_wide_entry(where.place[k]); k++) {
        c->m[id].place[k + np0] = where.place[k]->name;
        c->m[id].place_qid[k + np0] = where.place[k]->qid;
      }
      /* a possessive names the sentence's topic wherever it stands ("in its Series I
         round, led by A and joined by chipmaker B": the company of "its", not B) */
      /* not a relative clause's "it": it names its referent once more only in passing,
         and must not make it what later descriptions mean ("the commitment it made to the
         start-up … the Lorvanne-based company") */
      /* nor a possessive that only says whose rivals a list names (« ses grands rivaux »,
         lexicon: passing): later descriptions do not mean its company because of it */
      const KgtLexEntry *pe;
      int passing = strcmp(type, "poss") == 0 && kgm_lex(c, i, KGT_LEX_ANAPHOR, &pe) > 1 &&
                    kgm_has(pe->arg[0], "passing");
      if (!rel_it && !passing)
        st = kgm_refs_push(&R, id, t->sentence, i,
                           kgm_initial(c, i) || !kgm_after_prep(c, i) || strcmp(type, "poss") == 0);
    }
    i += m - 1;
  }
  kg_free(R.refs);
  if (st == KG_SUCCESS && c->st != KG_SUCCESS)
    st = c->st;
  return st;
}

/* ---------------------------------------------- pass 10: quotations */

/* Quotes start with one of these bytes: most tokens are told apart without a strcmp. */
static inline int kgm_quote_byte(const KgtToken *t) {
  unsigned char b = (unsigned char)t->lower[0];
  return b == 0xE2 || b == 0xC2 || b == '"';
}

static int kgm_open_q_full(const KgtToken *t, int inside) {
  return strcmp(t->lower, "\xe2\x80\x9c") == 0 || strcmp(t->lower, "\xc2\xab") == 0 ||
         (strcmp(t->lower, "\"") == 0 && !inside);
}

static int kgm_close_q_full(const KgtToken *t, int inside) {
  return strcmp(t->lower, "\xe2\x80\x9d") == 0 || strcmp(t->lower, "\xc2\xbb") == 0 ||
         (strcmp(t->lower, "\"") == 0 && inside);
}

/* Asked of every token by several passes: the first byte's test stays inline. */
static inline int kgm_open_q(const KgtToken *t, int inside) {
  return kgm_quote_byte(t) && kgm_open_q_full(t, inside);
}

static inline int kgm_close_q(const KgtToken *t, int inside) {
  return kgm_quote_byte(t) && kgm_close_q_full(t, inside);
}

/* 1 when token @p r stands inside a quotation of its sentence that closes before token
 * @p i: « "Nous croyons en Orsk", a ajouté son directeur général ». Straight quotes count
 * here, paired in the sentence from its start: a quotation left open by the sentence
 * before leaves them unpaired, and then nothing is skipped that was not before. */
static int kgm_quoted_before(const KgmCtx *c, size_t r, size_t i) {
  size_t s0 = kgt_doc_sentence(c->d, kgm_tok(c, i)->sentence)->tok_start;
  int inside = 0, r_in = 0;
  for (size_t k = s0; k < i; k++) {
    const KgtToken *t = kgm_tok(c, k);
    if (k == r)
      r_in = inside;
    if (t->kind != KGT_PUNCT || !kgm_quote_byte(t))
      continue;
    if (!inside && kgm_open_q_full(t, 0))
      inside = 1;
    else if (inside && kgm_close_q_full(t, 1))
      inside = 0;
  }
  return r_in && !inside;
}

/* The mention speaking a quotation that ends at @p qe / starts at @p qs, or -1. */
static int kgm_speaker(KgmCtx *c, size_t qs, size_t qe) {
  const KgtLexEntry *e;
  size_t j = qe + 1, m;
  if (kgm_is(c, j, ","))
    j++;
  int id;
  if (j < c->nt && (m = kgm_lex(c, j, KGT_LEX_SPEECH_VERB, &e)) > 0 &&
      (id = kgm_mention_at(c, j + m)) >= 0)
    return id; /* ", ajoute Zorbex", ", said Acme" */
  if ((id = kgm_mention_at(c, j)) >= 0 && kgm_lex(c, c->m[id].tok_end, KGT_LEX_SPEECH_VERB, &e))
    return id; /* ", Acme said" */
  /* before: "Acme said: « ... »" */
  size_t b = qs;
  if (b > 0 && (kgm_is(c, b - 1, ":") || kgm_is(c, b - 1, ",")))
    b--;
  for (size_t k = b; k > 0 && b - k < 4; k--) {
    if ((m = kgm_lex(c, k - 1, KGT_LEX_SPEECH_VERB, &e)) > 0 && k - 1 + m == b && k >= 2 &&
        c->owner[k - 2] >= 0 && c->m[c->owner[k - 2]].tok_end == k - 1)
      return c->owner[k - 2];
  }
  return -1;
}

static void kgm_pass_quotes(KgmCtx *c) {
  size_t para = (size_t)-1, qs = 0, sent = (size_t)-1;
  int inside = 0, prev_speaker = -1;
  for (size_t i = 0; i < c->nt; i++) {
    const KgtToken *t = kgm_tok(c, i);
    /* a new paragraph starts with a new sentence: look it up only then */
    if (t->sentence != sent) {
      sent = t->sentence;
      size_t p = kgt_doc_sentence(c->d, sent)->paragraph;
      if (p != para) {
        para = p;
        inside = 0;
        prev_speaker = -1;
      }
    }
    if (t->kind != KGT_PUNCT)
      continue;
    if (!inside && kgm_open_q(t, 0)) {
      inside = 1;
      qs = i;
    } else if (inside && kgm_close_q(t, 1)) {
      inside = 0;
      for (size_t k = qs + 1; k < i; k++)
        c->quoted[k] = 1;
      int sp = kgm_speaker(c, qs, i);
      if (sp < 0)
        sp = prev_speaker;
      else
        prev_speaker = sp;
      if (sp < 0 || !kgm_is_org(c->m[sp].cls))
        continue;
      for (size_t k = qs + 1; k < i; k++) {
        const KgtLexEntry *e;
        if (c->owner[k] >= 0 || kgm_tok(c, k)->kind != KGT_WORD ||
            !kgm_lex(c, k, KGT_LEX_QUOTE_PRON, &e))
          continue;
        int id = kgm_anaphor(c, k, k + 1, sp);
        if (id >= 0)
          c->m[id].flags |= KGM_F_SPEAKER;
      }
    }
  }
}

/* ----------------------------------------------------------------- driver */

/* « la rue d'Antin », « avenue Montaigne »: the capitalised words after a street word, a
 * genitive and an article between, name the street: no gazetteer entry, no name. */
static void kgm_mark_streets(KgmCtx *c) {
  for (size_t j = 0; j < c->nt; j++) {
    size_t n = kgm_lex(c, j, KGT_LEX_STREET, NULL);
    if (!n)
      continue;
    size_t k = j + n, se = kgm_sent_end(c, j);
    if (k < se && kgm_of(c, k, 1))
      k++;
    if (k < se && kgm_lex1(c, k, KGT_LEX_DET) && !(kgm_tok(c, k)->flags & KGT_F_CAP))
      k++;
    for (size_t e = k; e < se && e < k + 3 && kgm_tok(c, e)->kind == KGT_WORD &&
                       (kgm_tok(c, e)->flags & KGT_F_CAP);
         e++) {
      c->gmask[e] = 0;
      c->namey[e] = 2;
    }
    j = k > j ? k - 1 : j;
  }
}

static void kgm_mark_headlines(KgmCtx *c) {
  size_t ns = kgt_doc_nsentences(c->d);
  for (size_t s = 0; s < ns; s++) {
    const KgtSentence *se = kgt_doc_sentence(c->d, s);
    size_t words = 0, caps = 0, allcaps = 0, lower = 0;
    /* a title: a paragraph of its own, no final stop, mostly capitalised words */
    int alone = (kgm_tok(c, se->tok_start)->flags & KGT_F_PARA_START) &&
                (se->tok_end == c->nt || (kgm_tok(c, se->tok_end)->flags & KGT_F_PARA_START));
    unsigned any_allcaps = 0;
    for (size_t j = se->tok_start; !alone && j < se->tok_end; j++)
      any_allcaps |= kgm_tok(c, j)->flags & KGT_F_ALLCAPS;
    if (!alone && !any_allcaps)
      continue; /* neither a title nor in capitals: most sentences, without counting */
    for (size_t j = se->tok_start; j < se->tok_end; j++) {
      const KgtToken *t = kgm_tok(c, j);
      if (t->kind != KGT_WORD || kgm_letters(t->lower, 3) < 3)
        continue;
      words++;
      caps += (t->flags & KGT_F_CAP) != 0;
      allcaps += (t->flags & KGT_F_ALLCAPS) != 0;
    }
    const KgtToken *last = kgm_tok(c, se->tok_end - 1);
    int ends = (last->kind == KGT_PUNCT && strchr(".!?", last->fold[0]) != NULL) ||
               (last->flags & KGT_F_ABBREV);
    int title = alone && !ends && caps * 10 >= words * 6 && words >= 4;
    /* an English title in title case leaves only function words in lower case (a French
     * one is in sentence case: « Systra, filiale de la SNCF, mise en examen ») */
    for (size_t j = se->tok_start; title && !c->fr && j < se->tok_end && !lower; j++) {
      const KgtToken *t = kgm_tok(c, j);
      lower = t->kind == KGT_WORD && !(t->flags & KGT_F_CAP) && kgm_letters(t->lower, 4) >= 4 &&
              !kgt_is_function_word(t->fold);
    }
    c->headline[s] = words >= 3 && (allcaps * 10 >= words * 7 || (title && !lower));
  }
}

KgStatus kgm_find_mentions(const KgmGazetteer *g, const KgtDoc *doc, KgmMentions *out) {
  if (!g || !doc || !out)
    return KG_ERR_BAD_ARG;
  memset(out, 0, sizeof *out);
  KgmCtx c;
  memset(&c, 0, sizeof c);
  c.g = g;
  c.d = doc;
  c.lx = g->lx;
  c.text = kgt_doc_text(doc);
  c.toks = kgt_doc_tokens(doc);
  c.fr = strcmp(kgt_doc_lang(doc), "fr") == 0;
  c.nt = kgt_doc_ntokens(doc);
  size_t ns = kgt_doc_nsentences(doc);
  c.owner = kg_malloc((c.nt + 1) * sizeof *c.owner);
  c.quoted = kg_calloc(c.nt + 1, 1);
  c.headline = kg_calloc(ns + 1, 1);
  c.sent_word = kg_malloc((ns + 1) * sizeof *c.sent_word);
  c.desc = kg_calloc(c.nt + 1, sizeof *c.desc);
  c.namey = kg_calloc(c.nt + 1, 1);
  c.in_desc = kg_calloc(c.nt + 1, 1);
  c.fn_org = kg_calloc(c.nt + 1, 1);
  c.lmask = kg_calloc(c.nt + 1, sizeof *c.lmask);
  c.gmask = kg_calloc(c.nt + 1, sizeof *c.gmask);
  c.ghead = kg_calloc(c.nt + 1, sizeof *c.ghead);
  if ((c.lexrows = kg_malloc(KGM_LEX_ROWS * sizeof *c.lexrows)) != NULL)
    for (size_t k = 0; k < KGM_LEX_ROWS; k++)
      c.lexrows[k].tok1 = 0;
  KgStatus st = KG_SUCCESS;
  if (!c.owner || !c.quoted || !c.headline || !c.sent_word || !c.desc || !c.namey || !c.in_desc || !c.fn_org || !c.lmask ||
      !c.gmask || !c.ghead || !c.lexrows) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  for (size_t k = 0; k < ns; k++) {
    const KgtSentence *se = kgt_doc_sentence(doc, k);
    size_t j = se->tok_start;
    while (j < se->tok_end && c.toks[j].kind == KGT_PUNCT)
      j++;
    c.sent_word[k] = j;
  }
  for (size_t j = 0; j < c.nt; j++) {
    c.owner[j] = -1;
    c.lmask[j] = kgt_doc_lex_mask(doc, g->lx, j);
  }
  /* every token's gazetteer probe at once, the table read ahead: it is megabytes, and most
     probes would wait for memory one after the other */
  kgt_phrase_probe_many(&g->ix, kgt_doc_head(doc)->fold_hash, c.nt, c.ghead, c.gmask);
  /* the words of a phrase that is no name ("Wall Street") or a role ("Prime Minister",
   * "Vice President", but not "Bank Board chairman") are no name words either */
  for (size_t j = 0; j < c.nt; j++) {
    if (!(c.lmask[j] & (KGT_LEX_BIT(KGT_LEX_NOT_NAME) | KGT_LEX_BIT(KGT_LEX_ROLE))))
      continue; /* both look-ups would give 0: most tokens */
    size_t n = kgm_lex(&c, j, KGT_LEX_NOT_NAME, NULL), r = kgm_lex(&c, j, KGT_LEX_ROLE, NULL);
    if (r > n && j + r <= c.nt &&
        ((c.toks[j].flags ^ c.toks[j + r - 1].flags) & KGT_F_CAP) == 0)
      n = r;
    for (size_t k = j; n > 1 && k < j + n && k < c.nt; k++)
      c.namey[k] = 2;
  }
  kgm_mark_streets(&c);
  kgm_mark_headlines(&c);
  kgm_pass_descriptors(&c);
  kgm_pass_gazetteer(&c);
  kgm_pass_siblings(&c);
  for (size_t k = 0; k < c.n; k++)
    kgm_city_comma_state(&c, (int)k);
  kgm_pass_named_by_descriptor(&c);
  kgm_pass_suffixes(&c);
  kgm_pass_country_units(&c);
  kgm_pass_states(&c);
  kgm_pass_place_cues(&c);
  kgm_pass_based_towns(&c);
  kgm_pass_cues(&c);
  kgm_pass_people(&c);
  kgm_pass_learned(&c);
  kgm_pass_surnames(&c);
  kgm_pass_guesses(&c);
  kgm_pass_particle_starts(&c);
  kgm_pass_first_name_poss(&c);
  kgm_pass_eponyms(&c);
  /* a name the text taught or capitalisation gave may have its country's unit too: « le
     chilien Orsk Chile » after « le groupe Orsk » */
  kgm_pass_country_units(&c);
  kgm_pass_quoted_names(&c);
  kgm_pass_initial_repeats(&c);
  kgm_pass_poss_names(&c);
  kgm_pass_people_lists(&c);
  kgm_pass_org_list_tails(&c);
  kgm_pass_lists(&c);
  kgm_pass_product_repeats(&c);
  kgm_pass_demonym_countries(&c);
  kgm_pass_appositions(&c);
  kgm_pass_versions(&c);
  kgm_pass_compound_demonyms(&c);
  kgm_pass_acronyms(&c);
  kgm_pass_renamed(&c);
  kgm_pass_short_names(&c);
  kgm_pass_person_org_prefix(&c);
  kgm_pass_tickers(&c);
  if ((st = c.st) != KG_SUCCESS)
    goto out;
  kgm_compact(&c);
  if ((st = kgm_pass_anaphora(&c)) != KG_SUCCESS)
    goto out;
  kgm_compact(&c);
  kgm_pass_quotes(&c);
  if ((st = c.st) != KG_SUCCESS)
    goto out;
  kgm_compact(&c);
  for (size_t k = 0; k < c.n; k++) {
    if (c.quoted[c.m[k].tok_start])
      c.m[k].flags |= KGM_F_QUOTED;
    if (c.m[k].cls == KG_CLASS_PLACE && !c.m[k].country &&
        kgm_wide_entry(kgm_place_entry(&c, c.m[k].name)))
      c.m[k].flags |= KGM_F_WIDE;
  }
  out->items = c.m;
  out->n = c.n;
  out->strings_ = c.strs;
  c.m = NULL;
  c.strs = NULL;
out:
  kg_free(c.owner);
  kg_free(c.quoted);
  kg_free(c.headline);
  kg_free(c.sent_word);
  kg_free(c.desc);
  kg_free(c.namey);
  kg_free(c.in_desc);
  kg_free(c.fn_org);
  kg_free(c.lmask);
  kg_free(c.gmask);
  kg_free(c.ghead);
  kg_free(c.lexrows);
  kg_free(c.aux);
  kg_free(c.m);
  while (c.strs) {
    KgmStr *b = c.strs;
    c.strs = b->next;
    kg_free(b);
  }
  return st;
}

void kgm_mentions_clear(KgmMentions *m) {
  if (!m)
    return;
  kg_free(m->items);
  KgmStr *b = m->strings_;
  while (b) {
    KgmStr *nx = b->next;
    kg_free(b);
    b = nx;
  }
  memset(m, 0, sizeof *m);
}
