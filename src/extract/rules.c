/*
 * rules.c - compiling rule files into indexed matchers, and matching them over the
 * annotated tokens of one sentence. The language is documented in
 * ontology/rules/README.md.
 *
 * Words are interned once: every literal and class member gets an id, prefixes
 * ("invest*") too. A token is looked up once per document (its exact id plus the ids
 * of the prefixes it starts with), so an atom test is an integer compare or a bit test.
 * Each rule is indexed by what can match its first token (word ids, "a mention starts
 * here", "a quantity starts here"), so a token position tries only the few rules that
 * can start there.
 */
#include "config.h"

#include <errno.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/rules.h"
#include "text/phrase.h"
#include "text/text_int.h"
#include "util/util.h"

#define KGR_MAX_WORD 64
#define KGR_MAX_TOK_IDS 6
#define KGR_STEP_LIMIT 20000
#define KGR_MAX_FILE (16u * 1024 * 1024)

/* ------------------------------------------------------------------ folding */

/* Fold one UTF-8 code point to lower-case ASCII; returns bytes consumed, writes up to 2
 * chars to out (n set). Letters outside Latin-1/Extended-A are kept as they are, so
 * a pattern word and a token folded by different code compare equal on the letters
 * French and English use. */
static size_t kgr_fold_cp(const unsigned char *s, char out[3], size_t *n) {
  static const char *const latin1 = /* U+00C0 .. U+00FF */
      "aaaaaaaceeeeiiiidnooooo\0ouuuuyts" "aaaaaaaceeeeiiiidnooooo\0ouuuuyty";
  *n = 0;
  if (s[0] < 0x80) {
    out[0] = (char)((s[0] >= 'A' && s[0] <= 'Z') ? s[0] + 32 : s[0]);
    *n = 1;
    return 1;
  }
  if ((s[0] & 0xE0) == 0xC0 && (s[1] & 0xC0) == 0x80) {
    unsigned cp = ((unsigned)(s[0] & 0x1F) << 6) | (s[1] & 0x3F);
    if (cp >= 0xC0 && cp <= 0xFF) {
      if (cp == 0xC6 || cp == 0xE6) {
        out[0] = 'a', out[1] = 'e', *n = 2;
      } else if (cp == 0xDF) {
        out[0] = 's', out[1] = 's', *n = 2;
      } else if (latin1[cp - 0xC0]) {
        out[0] = latin1[cp - 0xC0], *n = 1;
      }
      return 2;
    }
    if (cp == 0x152 || cp == 0x153) {
      out[0] = 'o', out[1] = 'e', *n = 2;
      return 2;
    }
    out[0] = (char)s[0], out[1] = (char)s[1], *n = 2;
    return 2;
  }
  if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x98 || s[2] == 0x99)) {
    out[0] = '\'', *n = 1; /* typographic apostrophes */
    return 3;
  }
  if (s[0] == 0xE2 && s[1] == 0x80 && (s[2] == 0x93 || s[2] == 0x94)) {
    out[0] = '-', *n = 1; /* en and em dashes */
    return 3;
  }
  size_t len = (s[0] & 0xF0) == 0xE0 ? 3 : (s[0] & 0xF8) == 0xF0 ? 4 : 1;
  for (size_t i = 1; i < len; i++)
    if ((s[i] & 0xC0) != 0x80)
      len = i;
  for (size_t i = 0; i < len && i < 3; i++)
    out[i] = (char)s[i];
  *n = len < 3 ? len : 3;
  return len;
}

/* Fold @p s into @p out (size KGR_MAX_WORD); its length, or (size_t)-1 when it does not
 * fit. */
static size_t kgr_fold_len(const char *s, char *out) {
  const unsigned char *p = (const unsigned char *)s;
  size_t o = 0;
  while (*p) {
    if (*p < 0x80) { /* most bytes: no call, no copy */
      if (o + 1 >= KGR_MAX_WORD)
        return (size_t)-1;
      out[o++] = (char)((*p >= 'A' && *p <= 'Z') ? *p + 32 : *p);
      p++;
      continue;
    }
    char buf[3];
    size_t n;
    p += kgr_fold_cp(p, buf, &n);
    if (o + n >= KGR_MAX_WORD)
      return (size_t)-1;
    memcpy(out + o, buf, n);
    o += n;
  }
  out[o] = '\0';
  return o;
}

/* Fold @p s into @p out (size KGR_MAX_WORD); 0 when it does not fit. */
static int kgr_fold(const char *s, char *out) { return kgr_fold_len(s, out) != (size_t)-1; }

/* ------------------------------------------------------------------ interning */

/* A slot keeps the hash and the length with the id: a probe for a word not in the
 * vocabulary reads one slot and nothing else, and one for a word in it compares bytes
 * once (memcmp of a known length, not strncmp). */
#define KGR_VOCAB_FILTER_BITS (1u << 15)

typedef struct {
  uint64_t hash;
  uint32_t id1; /* id + 1, 0 empty */
  uint32_t len; /* strlen of the word */
} KgrVocabSlot;

typedef struct {
  char **words;   /* id -> word ("invest*" for a prefix entry) */
  uint64_t *hashes; /* id -> kgr_hash of the word (to rehash the slots) */
  size_t n, cap;
  KgrVocabSlot *slots; /* open addressing */
  size_t nslots;
  size_t min_prefix, max_prefix; /* lengths of prefix entries, without '*' */
  size_t min_suffix, max_suffix; /* lengths of suffix entries ("*-based"), without '*' */
  uint64_t prefix_lens, suffix_lens; /* bit l: some entry has that length (l < 64) */
  uint64_t suffix_first[4];          /* bit c: some suffix entry starts with byte c ("-") */
  /* one bit per class of hashes, set for each word: most tokens of a text and most of
   * their prefixes are no word of the rules, which these 4 KB (they stay in cache) say
   * without reading the slots (128 KB, a cache miss a probe) */
  uint64_t filter[KGR_VOCAB_FILTER_BITS / 64];
} KgrVocab;

/* The tokenizer's fold hash (kgt_phrase_hash()), so that an ASCII token's comes free
 * (see kgr_input_new()). */
static uint64_t kgr_hash(const char *s, size_t n) { return kgt_phrase_hash(KGT_PHRASE_SEED, s, n); }

/* The filter bit of hash @p h: its high bits (a slot is picked by the low ones). */
static inline size_t kgr_vocab_filter_bit(uint64_t h) { return (size_t)(h >> 49); }

/* @p h is kgr_hash(s, n). */
static inline long kgr_vocab_find_h(const KgrVocab *v, const char *s, size_t n, uint64_t h) {
  size_t b = kgr_vocab_filter_bit(h);
  if (!(v->filter[b / 64] & (1ULL << (b % 64))))
    return -1; /* no word has a hash of that class; also when the vocabulary is empty */
  size_t i = (size_t)(h & (v->nslots - 1));
  while (v->slots[i].id1) {
    if (v->slots[i].hash == h && v->slots[i].len == n) {
      size_t id = v->slots[i].id1 - 1;
      if (memcmp(v->words[id], s, n) == 0)
        return (long)id;
    }
    i = (i + 1) & (v->nslots - 1);
  }
  return -1;
}

static long kgr_vocab_find(const KgrVocab *v, const char *s, size_t n) {
  return kgr_vocab_find_h(v, s, n, kgr_hash(s, n));
}

static KgStatus kgr_vocab_grow(KgrVocab *v) {
  size_t ns = v->nslots ? v->nslots * 2 : 256;
  KgrVocabSlot *slots = kg_calloc(ns, sizeof *slots);
  if (!slots)
    return KG_ERR_NOMEM;
  for (size_t id = 0; id < v->n; id++) {
    size_t i = (size_t)(v->hashes[id] & (ns - 1));
    while (slots[i].id1)
      i = (i + 1) & (ns - 1);
    slots[i].hash = v->hashes[id];
    slots[i].id1 = (uint32_t)id + 1;
    slots[i].len = (uint32_t)strlen(v->words[id]);
  }
  kg_free(v->slots);
  v->slots = slots;
  v->nslots = ns;
  return KG_SUCCESS;
}

/* Id of the folded word @p w (interned if new). */
static KgStatus kgr_vocab_intern(KgrVocab *v, const char *w, size_t *id) {
  size_t n = strlen(w);
  long f = kgr_vocab_find(v, w, n);
  if (f >= 0) {
    *id = (size_t)f;
    return KG_SUCCESS;
  }
  if ((v->n + 1) * 2 > v->nslots && kgr_vocab_grow(v) != KG_SUCCESS)
    return KG_ERR_NOMEM;
  if (v->n == v->cap) {
    size_t nc = v->cap ? v->cap * 2 : 256;
    char **nw = kg_realloc(v->words, nc * sizeof *nw);
    if (!nw)
      return KG_ERR_NOMEM;
    v->words = nw;
    uint64_t *nh = kg_realloc(v->hashes, nc * sizeof *nh);
    if (!nh)
      return KG_ERR_NOMEM;
    v->hashes = nh;
    v->cap = nc;
  }
  char *copy = kg_strdup(w);
  if (!copy)
    return KG_ERR_NOMEM;
  v->words[v->n] = copy;
  v->hashes[v->n] = kgr_hash(w, n);
  size_t i = (size_t)(v->hashes[v->n] & (v->nslots - 1));
  while (v->slots[i].id1)
    i = (i + 1) & (v->nslots - 1);
  v->slots[i].hash = v->hashes[v->n];
  v->slots[i].id1 = (uint32_t)v->n + 1;
  v->slots[i].len = (uint32_t)n;
  size_t fb = kgr_vocab_filter_bit(v->hashes[v->n]);
  v->filter[fb / 64] |= 1ULL << (fb % 64);
  if (n > 1 && w[n - 1] == '*') {
    if (n - 1 < 64)
      v->prefix_lens |= (uint64_t)1 << (n - 1);
    if (!v->min_prefix || n - 1 < v->min_prefix)
      v->min_prefix = n - 1;
    if (n - 1 > v->max_prefix)
      v->max_prefix = n - 1;
  } else if (n > 1 && w[0] == '*') {
    if (n - 1 < 64)
      v->suffix_lens |= (uint64_t)1 << (n - 1);
    v->suffix_first[(unsigned char)w[1] >> 6] |= (uint64_t)1 << ((unsigned char)w[1] & 63);
    if (!v->min_suffix || n - 1 < v->min_suffix)
      v->min_suffix = n - 1;
    if (n - 1 > v->max_suffix)
      v->max_suffix = n - 1;
  }
  *id = v->n++;
  return KG_SUCCESS;
}

static void kgr_vocab_clear(KgrVocab *v) {
  for (size_t i = 0; i < v->n; i++)
    kg_free(v->words[i]);
  kg_free(v->words);
  kg_free(v->hashes);
  kg_free(v->slots);
  memset(v, 0, sizeof *v);
}

/* ------------------------------------------------------------------ rules */

typedef enum { N_LIT = 0, N_CLASS, N_ANY, N_GAP, N_CAP, N_START, N_END, N_GROUP } KgrNodeKind;

/* capture types */
#define T_ORG 0x001u
#define T_COMPANY 0x002u
#define T_INVESTOR 0x004u
#define T_NEWS 0x008u
#define T_GOV 0x010u
#define T_NONPROFIT 0x020u
#define T_PERSON 0x040u
#define T_PRODUCT 0x080u
#define T_PLACE 0x100u
#define T_DEMONYM 0x200u
#define T_ADJDEMONYM 0x400u /* a demonym in lower case (an adjective in French) */
#define T_MONEY 0x1000u
#define T_PERCENT 0x2000u
#define T_DATE 0x4000u
#define T_COUNT 0x8000u
#define T_ORGS (T_ORG | T_COMPANY | T_INVESTOR | T_NEWS | T_GOV | T_NONPROFIT) /* every organization */
#define T_MENTIONS 0x0FFFu
#define T_QUANTS 0xF000u

typedef struct {
  KgrNodeKind kind;
  int neg;        /* !atom: any one token the atom does not match */
  int nomention;  /* 1: gap written _{m,n}, skips no mention of an entity; 3: gap written
                     ~{m,n}, skips no description or pronoun (an anaphor); 2: a short gap
                     after @S, skips no other organization or person nor a PRONOUN ("X
                     told the SEC it raised": the SEC raised nothing; "it" is a subject of
                     its own) */
  int behind;     /* <atom: the token before the cursor must match; consumes nothing */
  int list;       /* capture written @S:ORG+ */
  int named;      /* capture written @S:ORG! (or @S:ORG+!): a name, never an anaphor */
  int cap;        /* slot, or -1 */
  unsigned tmask; /* capture types */
  unsigned min, max;
  int next;       /* next node of its sequence, -1 at the end */
  int *alts;      /* group: first node of each alternative (-1 for an empty one) */
  size_t nalts;
  size_t *ids;    /* literal: word ids, sorted */
  size_t nids;
  uint64_t idmask; /* literal: bit id % 64 of each of its ids (after compile), so that most
                      tokens, which are none of them, are told without a search */
  char *cls_name; /* class reference until compiled */
  long cls;
} KgrNode;

typedef struct {
  size_t word; /* id / 64 */
  uint64_t bits;
} KgrReqBlk;

typedef struct {
  KgrRule pub;
  KgrNode *nodes;
  size_t nnodes;
  int first;      /* first node */
  int anchored;   /* starts with '^': tried at the sentence start only */
  /* word sets every match must cross (up to KGR_MAX_REQ, the smallest): a sentence
   * lacking all the words of one set cannot match, so the rule is not tried there */
  size_t *req[3];
  size_t nreq[3];
  /* the rule opens with a capture that must take an item: the kind of that capture
   * (kgr_first_kinds()), or -1. Rules of one kind find items at the same tokens. */
  int first_kind;
} KgrRuleImpl;
#define KGR_MAX_REQ 3
/* Words of one adverbial phrase at most ("earlier_this_year") */
#define KGR_ADV_WORDS 4

/* An ADVERBIAL phrase: its words' ids. */
typedef struct {
  size_t ids[KGR_ADV_WORDS];
  unsigned n;
  size_t group_end; /* in the sorted table: past the last phrase with the same first word */
} KgrAdverbial;
/* Rule bitsets (rule_words words each) a sentence's scan works in: seen, possible, nzw, a
 * sat per required set, and the rules a sentence's capture types allow */
#define KGR_SCAN_BITSETS (4 + KGR_MAX_REQ)
/* Sets of capture types whose allowed rules (kgr_need_filter()) an input keeps: sentences
 * name the same few types again and again */
#define KGR_NEED_CACHE 8
/* Kinds of opening captures the scan remembers at a token (the others are tried anyway) */
#define KGR_FIRST_KINDS 64
/* A gap right after @S this short or shorter skips no other organization or person */
#define KGR_SUBJ_GAP 4

typedef struct {
  char *name;
  size_t *ids;    /* members (words and prefixes) */
  size_t n, cap;
  uint64_t *bits; /* after compile: membership by id */
} KgrClass;

struct KgrRuleSetImpl {
  char lang[8];
  KgrVocab vocab;
  KgiArena arena;       /* the parsed rules' nodes, word-id lists, alternatives and class
                           names, freed with the rule set: a rule file is some ten thousand
                           small pieces, and allocating and freeing each on its own was a
                           good part of start-up */
  KgrNode *scratch;     /* the nodes of the rule being parsed (copied out when it is) */
  size_t capscratch;
  KgrRuleImpl *rules;
  size_t nrules, caprules;
  KgrClass *classes;
  size_t nclasses, capclasses;
  char **strings; /* ids, file names and values the rules borrow */
  size_t nstrings, capstrings;
  int compiled;
  /* index */
  size_t **by_id;     /* id -> rule list (length in by_id_n) */
  size_t *by_id_n;
  size_t nby_id;
  size_t *mention_rules, nmention_rules;
  size_t *quant_rules, nquant_rules;
  size_t *any_rules, nany_rules;
  /* the same three lists as bitsets over rules (rule_words words each) */
  uint64_t *mention_bits, *quant_bits, *any_bits;
  /* rules that start with '^' as a bitset too: the scan drops them past the sentence's
   * first token without reading each candidate's rule (a cache miss apiece) */
  uint64_t *anchored_bits;
  /* the rules a token may start by what starts there: start_bits + c * rule_words for c = 1
   * when a mention does, | 2 when a quantity does (any_bits, with mention_bits and
   * quant_bits as c says), so that the scan reads one word where it read three */
  uint64_t *start_bits;
  size_t rule_words;
  /* required word sets (req[]) as bitsets over word ids, stored sparse in one array:
   * rule i's sets start at req_flat[req_off[i]], each a header {word: number of blocks}
   * and then its non-zero 64-id blocks (sets of inflections are interned together, so a
   * set of a hundred words is a few blocks) */
  KgrReqBlk *req_flat;
  size_t *req_off;
  unsigned char *req_nsets;
  /* the same sets by word, so that a sentence finds its possible rules in one pass over
   * its words: req_row[id] is -1 or a row of req_rows, KGR_MAX_REQ bitsets over rules
   * (the q-th: rules whose q-th set holds the word); req_none[q]: rules with no q-th set */
  long *req_row;
  uint64_t *req_rows, *req_none;
  /* the same rows kept sparse, as a sentence's scan reads them: row r's non-zero words are
   * entries [req_sp_off[r], req_sp_off[r + 1]), each a word's index in a row
   * (q * rule_words + w) and its bits; a word's required sets name few rules */
  size_t *req_sp_off;
  uint32_t *req_sp_at;
  uint64_t *req_sp_bits;
  long det_cls, sep_cls, conj_cls, possdet_cls;
  long nomod_cls; /* NOT_MODIFIER: verbs, never a word qualifying a company noun */
  long tail_cls; /* LIST_TAIL: "Zesto crackers and Plumba biscuits" (product lists) */
  long link_cls; /* APPOS_LINK: "X, led by P, owns": P is not the subject */
  long pron_cls; /* PRONOUN: a subject of its own, never skipped by a gap after @S */
  long possmod_cls; /* POSS_OR_MOD: "its rival": a noun whose possessor is a party */
  long psuf_cls; /* PLACE_SUFFIX: "Ohio-based" before a name places it */
  long rel_cls;  /* RELATIVE_WORD: ", which" may follow a subject in a short gap */
  long srel_cls; /* SUBJECT_RELATIVE: ", which has invested …" reads as "has invested …" */
  long descof_cls; /* DESC_OF: "The maker of Orsk drills first invested …" (its products) */
  long arel_cls; /* DESC_RELATIVE: ", the Danish company that agreed to …" reads as "agreed to …" */
  /* ADVERBIAL: words and phrases ("par_ailleurs", "on_Monday") a pattern may step over
   * where its next element does not match: « a par ailleurs racheté » */
  KgrAdverbial *adv;
  size_t nadv;
  uint64_t *adv_first; /* by word id: the first word of some adverbial */
  uint32_t *adv_start;  /* by word id with adv_first set: its first phrase in adv */
  uint64_t *adv_second; /* by word id: the second word of some adverbial phrase */
  long prole_cls, pmod_cls; /* PERSON_ROLE, PERSON_PREMOD: "Zorbex co-founder Ana Ruiz" */
  long compl_cls;           /* COMPLEMENTIZER: "said that X, its …, will" opens a clause */
  long age_cls;             /* AGE_UNIT: « P, 54 ans, présidente de X » (after an age) */
  long dadv_cls;            /* DATE_ADVERBIAL: a word that, before a date, makes an
                               adverbial a pattern may step over (« a cédé en 2023 sa … ») */
  long month_cls;           /* MONTH: "in February" is such a date too */
  long orgnoun_cls;         /* ORG_NOUN: "A, le fonds de la famille X, B et C" (a list's apposition) */
  long final_cls;           /* LIST_FINAL: "and", « et » before a list's last item: a bare
                               comma after that item ends the list */
  long noserial_cls;        /* LIST_NO_SERIAL: « fondé par P, et Orvane, dont … »: after a comma
                               this conjunction joins clauses, not the items of a list */
  long apposnoun_cls;       /* APPOS_NOUN: « A, filiale du groupe X, et B » (the same) */
  long lclause_cls;         /* LIST_CLAUSE: « fondé par P, est piloté par A et B »: a verb after
                               an item's comma opens a clause, no apposition */
  long plink_cls, parea_cls, parea_of_cls; /* PLACE_LINK, PLACE_AREA, PLACE_AREA_OF: « à
                                              Velmont, dans la province du Fujian » */
  /* captures every match makes (@S:ORG on the rule's own sequence, not optional): a
   * sentence with no mention or quantity of such a capture's types cannot match. One
   * bitset over rules per distinct type mask (need_rules + i * rule_words). */
  unsigned *need_masks;
  uint64_t *need_rules;
  size_t nneed;
  /* need_rules kept sparse, as req_sp_* keep req_rows: most masks concern few rules */
  size_t *need_sp_off;
  uint32_t *need_sp_at;
  uint64_t *need_sp_bits;
};

static const char *const kgr_relations[] = {
    "investsIn", "acquired", "subsidiaryOf", "governs", "controls", "ownsStakeIn",
    "profitShareIn", "partnerOf", "supplierOf", "competitorOf", "foundedBy", "ceo",
    "chair", "basedIn", "develops", "usesTechnologyOf", "foundingDate", "legalForm",
    "employees", "valuation", "revenue"};

static const char *const kgr_statuses[] = {"", "rumored", "proposed", "announced",
                                           "completed", "cancelled"};

/* @p n bytes in the rule set's arena, aligned for any type; NULL when out of memory. */
static void *kgr_alloc(KgrRuleSet *rs, size_t n) { return kgi_arena_take_aligned(&rs->arena, n); }

static void *kgr_copy(KgrRuleSet *rs, const void *src, size_t n) {
  void *p = kgr_alloc(rs, n ? n : 1);
  if (p && n)
    memcpy(p, src, n);
  return p;
}

static char *kgr_keep(KgrRuleSet *rs, const char *s, size_t n) {
  if (rs->nstrings == rs->capstrings) {
    size_t nc = rs->capstrings ? rs->capstrings * 2 : 64;
    char **ns = kg_realloc(rs->strings, nc * sizeof *ns);
    if (!ns)
      return NULL;
    rs->strings = ns;
    rs->capstrings = nc;
  }
  char *c = kg_strndup(s, n);
  if (c)
    rs->strings[rs->nstrings++] = c;
  return c;
}

KgStatus kgr_ruleset_new(const char *lang, KgrRuleSet **out) {
  KgrRuleSet *rs = kg_calloc(1, sizeof *rs);
  if (!rs)
    return KG_ERR_NOMEM;
  snprintf(rs->lang, sizeof rs->lang, "%s", lang ? lang : "");
  rs->det_cls = rs->sep_cls = rs->conj_cls = rs->tail_cls = rs->link_cls = rs->possdet_cls = -1;
  rs->pron_cls = rs->psuf_cls = rs->rel_cls = rs->srel_cls = rs->arel_cls = rs->prole_cls = rs->pmod_cls = rs->possmod_cls = -1;
  rs->compl_cls = rs->age_cls = rs->dadv_cls = rs->month_cls = -1;
  rs->orgnoun_cls = rs->apposnoun_cls = rs->noserial_cls = rs->final_cls = rs->lclause_cls = -1;
  rs->plink_cls = rs->parea_cls = rs->parea_of_cls = rs->descof_cls = -1;
  *out = rs;
  return KG_SUCCESS;
}

static void kgr_rule_clear(KgrRuleImpl *r) {
  for (int k = 0; k < KGR_MAX_REQ; k++) {
    kg_free(r->req[k]);
    r->req[k] = NULL;
    r->nreq[k] = 0;
  }
  r->nodes = NULL; /* in the rule set's blocks, as what its nodes point to */
  r->nnodes = 0;
}

static void kgr_index_clear(KgrRuleSet *rs) {
  for (size_t i = 0; i < rs->nby_id; i++)
    kg_free(rs->by_id[i]);
  kg_free(rs->by_id);
  kg_free(rs->by_id_n);
  kg_free(rs->req_flat);
  kg_free(rs->req_off);
  kg_free(rs->req_nsets);
  kg_free(rs->req_row);
  kg_free(rs->req_rows);
  kg_free(rs->req_none);
  kg_free(rs->req_sp_off);
  kg_free(rs->req_sp_at);
  kg_free(rs->req_sp_bits);
  rs->req_row = NULL;
  rs->req_rows = rs->req_none = NULL;
  rs->req_sp_off = NULL;
  rs->req_sp_at = NULL;
  rs->req_sp_bits = NULL;
  kg_free(rs->mention_bits);
  rs->req_flat = NULL;
  rs->req_off = NULL;
  rs->req_nsets = NULL;
  rs->mention_bits = rs->quant_bits = rs->any_bits = rs->anchored_bits = rs->start_bits = NULL;
  rs->rule_words = 0;
  kg_free(rs->mention_rules);
  kg_free(rs->quant_rules);
  kg_free(rs->any_rules);
  rs->by_id = NULL;
  rs->by_id_n = NULL;
  rs->nby_id = 0;
  rs->mention_rules = rs->quant_rules = rs->any_rules = NULL;
  rs->nmention_rules = rs->nquant_rules = rs->nany_rules = 0;
  kg_free(rs->need_masks);
  kg_free(rs->need_rules);
  kg_free(rs->need_sp_off);
  kg_free(rs->need_sp_at);
  kg_free(rs->need_sp_bits);
  rs->need_masks = NULL;
  rs->need_rules = NULL;
  rs->need_sp_off = NULL;
  rs->need_sp_at = NULL;
  rs->need_sp_bits = NULL;
  rs->nneed = 0;
  for (size_t i = 0; i < rs->nclasses; i++) {
    kg_free(rs->classes[i].bits);
    rs->classes[i].bits = NULL;
  }
}

void kgr_ruleset_free(KgrRuleSet *rs) {
  if (!rs)
    return;
  kgr_index_clear(rs);
  for (size_t i = 0; i < rs->nrules; i++)
    kgr_rule_clear(&rs->rules[i]);
  kg_free(rs->rules);
  for (size_t i = 0; i < rs->nclasses; i++) {
    kg_free(rs->classes[i].name);
    kg_free(rs->classes[i].ids);
  }
  kg_free(rs->classes);
  kg_free(rs->adv);
  kg_free(rs->adv_first);
  kg_free(rs->adv_start);
  kg_free(rs->adv_second);
  for (size_t i = 0; i < rs->nstrings; i++)
    kg_free(rs->strings[i]);
  kg_free(rs->strings);
  kgr_vocab_clear(&rs->vocab);
  kg_free(rs->scratch);
  kgi_arena_free(&rs->arena);
  kg_free(rs);
}

size_t kgr_ruleset_count(const KgrRuleSet *rs) { return rs ? rs->nrules : 0; }

const KgrRule *kgr_ruleset_rule(const KgrRuleSet *rs, size_t i) {
  return rs && i < rs->nrules ? &rs->rules[i].pub : NULL;
}

static long kgr_class_find(const KgrRuleSet *rs, const char *name) {
  for (size_t i = 0; i < rs->nclasses; i++)
    if (strcmp(rs->classes[i].name, name) == 0)
      return (long)i;
  return -1;
}

static KgStatus kgr_class_get(KgrRuleSet *rs, const char *name, size_t n, KgrClass **out) {
  char tmp[KGR_MAX_WORD];
  if (n == 0 || n >= sizeof tmp)
    return KG_ERR_PARSE;
  memcpy(tmp, name, n);
  tmp[n] = '\0';
  long f = kgr_class_find(rs, tmp);
  if (f >= 0) {
    *out = &rs->classes[f];
    return KG_SUCCESS;
  }
  if (rs->nclasses == rs->capclasses) {
    size_t nc = rs->capclasses ? rs->capclasses * 2 : 32;
    KgrClass *ncl = kg_realloc(rs->classes, nc * sizeof *ncl);
    if (!ncl)
      return KG_ERR_NOMEM;
    rs->classes = ncl;
    rs->capclasses = nc;
  }
  KgrClass *c = &rs->classes[rs->nclasses];
  memset(c, 0, sizeof *c);
  if (!(c->name = kg_strdup(tmp)))
    return KG_ERR_NOMEM;
  rs->nclasses++;
  *out = c;
  return KG_SUCCESS;
}

static KgStatus kgr_class_add(KgrRuleSet *rs, KgrClass *c, const char *word, size_t n) {
  char raw[KGR_MAX_WORD], folded[KGR_MAX_WORD];
  size_t id;
  if (n == 0 || n >= sizeof raw)
    return KG_ERR_PARSE;
  memcpy(raw, word, n);
  raw[n] = '\0';
  if (!kgr_fold(raw, folded))
    return KG_ERR_PARSE;
  KgStatus st = kgr_vocab_intern(&rs->vocab, folded, &id);
  if (st != KG_SUCCESS)
    return st;
  for (size_t i = 0; i < c->n; i++)
    if (c->ids[i] == id)
      return KG_SUCCESS;
  if (c->n == c->cap) {
    size_t nc = c->cap ? c->cap * 2 : 16;
    size_t *ni = kg_realloc(c->ids, nc * sizeof *ni);
    if (!ni)
      return KG_ERR_NOMEM;
    c->ids = ni;
    c->cap = nc;
  }
  c->ids[c->n++] = id;
  return KG_SUCCESS;
}

/* ------------------------------------------------------------------ pattern parser */

typedef struct {
  KgrRuleSet *rs;
  KgrRuleImpl *rule;
  const char *p;    /* cursor in the pattern text */
  int depth;        /* parentheses open at the cursor */
  char err[160];
} KgrPat;

/* A new node of the rule being parsed, in the rule set's scratch (kgr_pattern() copies
 * the nodes out at the end). */
static int kgr_new_node(KgrPat *ps, KgrNodeKind kind) {
  KgrRuleImpl *r = ps->rule;
  KgrRuleSet *rs = ps->rs;
  if (r->nnodes == rs->capscratch) {
    size_t nc = rs->capscratch ? rs->capscratch * 2 : 64;
    KgrNode *nn = kg_realloc(rs->scratch, nc * sizeof *nn);
    if (!nn)
      return -1;
    rs->scratch = nn;
    rs->capscratch = nc;
  }
  r->nodes = rs->scratch;
  KgrNode *n = &r->nodes[r->nnodes];
  memset(n, 0, sizeof *n);
  n->kind = kind;
  n->cap = -1;
  n->min = n->max = 1;
  n->next = -1;
  n->cls = -1;
  return (int)r->nnodes++;
}

static int kgr_isspace(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

/* A chunk of the pattern: up to whitespace, '(' or ')'; inside a group also up to '|',
 * which separates alternatives there (except in a capture's types, "@S:ORG|PERSON"). */
static size_t kgr_chunk(const char *p, int in_group) {
  size_t n = 0;
  int cap = p[0] == '@';
  while (p[n] && !kgr_isspace(p[n]) && p[n] != '(' && p[n] != ')' &&
         !(in_group && !cap && p[n] == '|')) {
    if (p[n] == '\\' && p[n + 1])
      n++;
    n++;
  }
  return n;
}

/* Parse "{m,n}" or "?" at *pp; defaults stay when absent. 0 on a malformed one. */
static int kgr_quant(const char **pp, unsigned *min, unsigned *max) {
  const char *p = *pp;
  if (*p == '?') {
    *min = 0, *max = 1;
    *pp = p + 1;
    return 1;
  }
  if (*p != '{')
    return 1;
  char *end;
  unsigned long a = strtoul(p + 1, &end, 10);
  unsigned long b = a;
  if (*end == ',')
    b = strtoul(end + 1, &end, 10);
  if (*end != '}' || b < a || b > 64 || end == p + 1)
    return 0;
  *min = (unsigned)a, *max = (unsigned)b;
  *pp = end + 1;
  return 1;
}

static unsigned kgr_type(const char *s, size_t n) {
  static const struct {
    const char *name;
    unsigned mask;
  } types[] = {{"ORG", T_ORGS},
               {"COMPANY", T_COMPANY | T_INVESTOR},
               {"FIRM", T_ORG | T_COMPANY | T_INVESTOR},
               {"INVESTOR", T_INVESTOR},
               {"NEWS", T_NEWS},
               {"GOV", T_GOV},
               {"NONPROFIT", T_NONPROFIT},
               {"PERSON", T_PERSON},
               {"PRODUCT", T_PRODUCT},
               {"PLACE", T_PLACE | T_DEMONYM},
               {"DEMONYM", T_DEMONYM},
               {"ADJDEMONYM", T_ADJDEMONYM},
               {"ENT", T_MENTIONS},
               {"AGENT", T_ORGS | T_PERSON},
               {"MONEY", T_MONEY},
               {"PERCENT", T_PERCENT},
               {"DATE", T_DATE},
               {"COUNT", T_COUNT}};
  for (size_t i = 0; i < sizeof types / sizeof *types; i++)
    if (strlen(types[i].name) == n && memcmp(types[i].name, s, n) == 0)
      return types[i].mask;
  return 0;
}

static int kgr_slot(const char *s, size_t n) {
  static const char *const names[KGR_CAP__COUNT] = {"S", "O", "AMT", "PCT", "DATE", "REP", "VAL"};
  for (int i = 0; i < KGR_CAP__COUNT; i++)
    if (strlen(names[i]) == n && memcmp(names[i], s, n) == 0)
      return i;
  return -1;
}

static int kgr_cmp_size(const void *a, const void *b) {
  size_t x = *(const size_t *)a, y = *(const size_t *)b;
  return x < y ? -1 : x > y;
}

/* One atom from a chunk [s, s+n). Returns the node or -1 (ps->err set). */
static int kgr_atom(KgrPat *ps, const char *s, size_t n) {
  int neg = 0;
  unsigned min = 1, max = 1;
  /* a trailing quantifier: "word?", "word{0,2}", "...{0,6}" */
  size_t body = n;
  const char *q = NULL;
  for (size_t i = 0; i < n; i++) {
    if (s[i] == '\\') {
      i++;
      continue;
    }
    if ((s[i] == '{' && i > 0) || (s[i] == '?' && i > 0 && i == n - 1)) {
      body = i;
      q = s + i;
      break;
    }
  }
  if (q) {
    const char *qq = q;
    if (!kgr_quant(&qq, &min, &max) || qq != s + n) {
      snprintf(ps->err, sizeof ps->err, "bad quantifier in '%.*s'", (int)n, s);
      return -1;
    }
  }
  int behind = 0;
  if (body > 1 && s[0] == '<') {
    behind = 1;
    s++, body--;
    if (q) {
      snprintf(ps->err, sizeof ps->err, "a look-behind '<' takes no quantifier");
      return -1;
    }
  }
  if (body == 1 && s[0] == '!') {
    /* "!(a|b)" would read as the word "!" followed by a group, which never matches */
    snprintf(ps->err, sizeof ps->err,
             "'!' negates one atom or a list ('!a|b|c'), not a group; write '\\!' for the word");
    return -1;
  }
  if (body > 1 && s[0] == '!') {
    neg = 1;
    s++, body--;
  }
  if (behind && (s[0] == '@' || (body == 3 && memcmp(s, "...", 3) == 0) || s[0] == '_' || s[0] == '^')) {
    snprintf(ps->err, sizeof ps->err, "only a word or a %%CLASS can be looked behind");
    return -1;
  }
  int id;
  KgrNode *nd;
  if ((body == 3 && memcmp(s, "...", 3) == 0) || (body == 1 && (s[0] == '_' || s[0] == '~'))) {
    if (neg) {
      snprintf(ps->err, sizeof ps->err, "a gap cannot be negated");
      return -1;
    }
    if ((id = kgr_new_node(ps, N_GAP)) < 0)
      return -1;
    nd = &ps->rule->nodes[id];
    nd->nomention = s[0] == '_' ? 1 : s[0] == '~' ? 3 : 0;
    nd->min = q ? min : 0;
    nd->max = q ? max : 5;
    return id;
  }
  if (body == 1 && (s[0] == '^' || s[0] == '$') && !neg && !behind) {
    if ((id = kgr_new_node(ps, s[0] == '^' ? N_START : N_END)) < 0)
      return -1;
    return id;
  }
  if (body == 3 && memcmp(s, "ANY", 3) == 0) {
    if ((id = kgr_new_node(ps, N_ANY)) < 0)
      return -1;
    nd = &ps->rule->nodes[id];
    nd->min = min, nd->max = max;
    return id;
  }
  if (s[0] == '@' && body > 1) {
    const char *colon = memchr(s, ':', body);
    if (!colon || colon == s + 1) {
      snprintf(ps->err, sizeof ps->err, "capture '%.*s' needs @NAME:TYPE", (int)body, s);
      return -1;
    }
    if ((id = kgr_new_node(ps, N_CAP)) < 0)
      return -1;
    nd = &ps->rule->nodes[id];
    nd->cap = kgr_slot(s + 1, (size_t)(colon - s - 1));
    const char *t = colon + 1, *end = s + body;
    if (end > t && end[-1] == '!') {
      nd->named = 1;
      end--;
    }
    if (end > t && end[-1] == '+') {
      nd->list = 1;
      end--;
    }
    while (t < end) {
      const char *bar = memchr(t, '|', (size_t)(end - t));
      size_t tn = bar ? (size_t)(bar - t) : (size_t)(end - t);
      unsigned m = kgr_type(t, tn);
      if (!m) {
        snprintf(ps->err, sizeof ps->err, "unknown capture type '%.*s'", (int)tn, t);
        return -1;
      }
      nd->tmask |= m;
      t += tn + (bar ? 1 : 0);
    }
    if ((nd->tmask & T_MENTIONS) && (nd->tmask & T_QUANTS)) {
      snprintf(ps->err, sizeof ps->err, "a capture is either entities or quantities");
      return -1;
    }
    nd->min = q ? min : 1;
    nd->max = 1;
    if (nd->min > 1 || (q && max != 1)) {
      snprintf(ps->err, sizeof ps->err, "a capture can only be optional ('?')");
      return -1;
    }
    nd->neg = neg;
    if (neg) {
      snprintf(ps->err, sizeof ps->err, "a capture cannot be negated");
      return -1;
    }
    return id;
  }
  if (s[0] == '%' && body > 1) {
    if ((id = kgr_new_node(ps, N_CLASS)) < 0)
      return -1;
    char *name = kgr_alloc(ps->rs, body);
    if (!name)
      return -1;
    memcpy(name, s + 1, body - 1);
    name[body - 1] = '\0';
    nd = &ps->rule->nodes[id];
    nd->cls_name = name;
    nd->neg = neg;
    nd->behind = behind;
    nd->min = min, nd->max = max;
    return id;
  }
  /* literal alternatives w1|w2|pre* ; "\|" and "\(" escape */
  if ((id = kgr_new_node(ps, N_LIT)) < 0)
    return -1;
  /* the ids are gathered here (on the heap past 64), then kept in the rule set's blocks */
  size_t local[64], cap = 64, nids = 0;
  size_t *ids = local;
  size_t i = 0;
  while (i <= body) {
    char raw[KGR_MAX_WORD], folded[KGR_MAX_WORD];
    size_t o = 0;
    while (i < body && s[i] != '|') {
      if (s[i] == '\\' && i + 1 < body)
        i++;
      if (o + 1 >= sizeof raw) {
        if (ids != local)
          kg_free(ids);
        snprintf(ps->err, sizeof ps->err, "word too long in '%.*s'", (int)n, s);
        return -1;
      }
      raw[o++] = s[i++];
    }
    raw[o] = '\0';
    i++;
    if (o == 0 || !kgr_fold(raw, folded)) {
      if (ids != local)
        kg_free(ids);
      snprintf(ps->err, sizeof ps->err, "empty or bad word in '%.*s'", (int)n, s);
      return -1;
    }
    size_t wid;
    if (kgr_vocab_intern(&ps->rs->vocab, folded, &wid) != KG_SUCCESS) {
      if (ids != local)
        kg_free(ids);
      return -1;
    }
    if (nids == cap) {
      size_t *ni = kg_realloc(ids == local ? NULL : ids, cap * 2 * sizeof *ni);
      if (!ni) {
        if (ids != local)
          kg_free(ids);
        return -1;
      }
      if (ids == local)
        memcpy(ni, local, sizeof local);
      ids = ni;
      cap *= 2;
    }
    ids[nids++] = wid;
  }
  qsort(ids, nids, sizeof *ids, kgr_cmp_size);
  size_t *kept = kgr_copy(ps->rs, ids, nids * sizeof *ids);
  if (ids != local)
    kg_free(ids);
  if (!kept)
    return -1;
  nd = &ps->rule->nodes[id];
  nd->ids = kept;
  nd->nids = nids;
  nd->neg = neg;
  nd->behind = behind;
  nd->min = min, nd->max = max;
  return id;
}

static int kgr_alts(KgrPat *ps, int in_group, int **alts, size_t *nalts);

/* A sequence up to '|', ')' or the end. Returns its first node (-1 when empty) in
 * *first; 0 on error. */
static int kgr_seq(KgrPat *ps, int *first) {
  int prev = -1;
  *first = -1;
  for (;;) {
    while (kgr_isspace(*ps->p))
      ps->p++;
    char c = *ps->p;
    if (!c || c == ')')
      return 1;
    if (c == '|' && (ps->depth > 0 || kgr_isspace(ps->p[1]) || !ps->p[1] || ps->p[1] == ')'))
      return 1;
    int id;
    if (c == '(') {
      ps->p++;
      int *alts = NULL;
      size_t nalts = 0;
      ps->depth++;
      if (!kgr_alts(ps, 1, &alts, &nalts))
        return 0;
      ps->depth--;
      if (*ps->p != ')') {
        snprintf(ps->err, sizeof ps->err, "missing ')'");
        return 0;
      }
      ps->p++;
      if ((id = kgr_new_node(ps, N_GROUP)) < 0)
        return 0;
      KgrNode *nd = &ps->rule->nodes[id];
      nd->alts = alts;
      nd->nalts = nalts;
      unsigned min = 1, max = 1;
      if (!kgr_quant(&ps->p, &min, &max) || max != 1) {
        snprintf(ps->err, sizeof ps->err, "a group can only be optional ('?')");
        return 0;
      }
      nd->min = min, nd->max = 1;
    } else {
      size_t n = kgr_chunk(ps->p, ps->depth > 0);
      if (n == 0) {
        snprintf(ps->err, sizeof ps->err, "unexpected '%c'", c);
        return 0;
      }
      id = kgr_atom(ps, ps->p, n);
      if (id < 0) {
        if (!ps->err[0])
          snprintf(ps->err, sizeof ps->err, "out of memory");
        return 0;
      }
      ps->p += n;
    }
    if (prev < 0)
      *first = id;
    else
      ps->rule->nodes[prev].next = id;
    prev = id;
  }
}

/* The alternatives up to ')' or the end; *alts is in the rule set's blocks. */
static int kgr_alts(KgrPat *ps, int in_group, int **alts, size_t *nalts) {
  int local[32];
  size_t cap = 32, n = 0;
  int *a = local; /* on the heap past 32 */
  int ok = 0;
  for (;;) {
    int first;
    if (!kgr_seq(ps, &first))
      goto out;
    if (n == cap) {
      int *na = kg_realloc(a == local ? NULL : a, cap * 2 * sizeof *na);
      if (!na)
        goto out;
      if (a == local)
        memcpy(na, local, sizeof local);
      a = na;
      cap *= 2;
    }
    a[n++] = first;
    if (*ps->p == '|') {
      ps->p++;
      continue;
    }
    if (*ps->p == ')' && !in_group) {
      snprintf(ps->err, sizeof ps->err, "unbalanced ')'");
      goto out;
    }
    break;
  }
  if ((*alts = kgr_copy(ps->rs, a, n * sizeof *a)) != NULL) {
    *nalts = n;
    ok = 1;
  }
out:
  if (a != local)
    kg_free(a);
  return ok;
}

/* ------------------------------------------------------------------ file parsing */

typedef struct {
  KgrRuleSet *rs;
  const char *file;
  const KgLog *log;
} KgrLoad;

static KgStatus kgr_bad(const KgrLoad *ld, long line, const char *why) {
  kgi_log(ld->log, KG_LOG_ERROR, KG_ERR_PARSE, ld->file, -1, "%s:%ld: %s", ld->file, line, why);
  return KG_ERR_PARSE;
}

static int kgr_rel_from_name(const char *s, size_t n, KgRelation *out) {
  for (size_t i = 0; i < sizeof kgr_relations / sizeof *kgr_relations; i++)
    if (strlen(kgr_relations[i]) == n && memcmp(kgr_relations[i], s, n) == 0) {
      *out = (KgRelation)i;
      return 1;
    }
  return 0;
}

static int kgr_status_from_name(const char *s, size_t n, KgFactStatus *out) {
  for (size_t i = 1; i < sizeof kgr_statuses / sizeof *kgr_statuses; i++)
    if (strlen(kgr_statuses[i]) == n && memcmp(kgr_statuses[i], s, n) == 0) {
      *out = (KgFactStatus)i;
      return 1;
    }
  return 0;
}

/* Next whitespace-separated word of [*pp, end). */
static int kgr_word(const char **pp, const char *end, const char **w, size_t *n) {
  const char *p = *pp;
  while (p < end && kgr_isspace(*p))
    p++;
  if (p >= end)
    return 0;
  *w = p;
  while (p < end && !kgr_isspace(*p))
    p++;
  *n = (size_t)(p - *w);
  *pp = p;
  return 1;
}

/* Parse a rule header "rule ID OUTPUT key=value..." into @p r. */
static KgStatus kgr_header(KgrLoad *ld, long line, const char *p, const char *end,
                           KgrRuleImpl *r, int *skip) {
  const char *w;
  size_t n;
  char msg[200];
  KgrRule *pub = &r->pub;
  pub->weight = 0.8;
  pub->exclusive = -1;
  pub->line = line;
  pub->file = ld->file;
  if (!kgr_word(&p, end, &w, &n))
    return kgr_bad(ld, line, "rule without id");
  const char *colon = memchr(w, ':', n);
  *skip = colon && ld->rs->lang[0] &&
          !((size_t)(colon - w) == strlen(ld->rs->lang) && memcmp(w, ld->rs->lang, (size_t)(colon - w)) == 0);
  if (!(pub->id = kgr_keep(ld->rs, w, n)))
    return KG_ERR_NOMEM;
  if (!kgr_word(&p, end, &w, &n))
    return kgr_bad(ld, line, "rule without relation");
  if (n > 7 && memcmp(w, "status:", 7) == 0) {
    pub->output = KGR_OUT_STATUS;
    if (!kgr_status_from_name(w + 7, n - 7, &pub->status))
      return kgr_bad(ld, line, "unknown status (rumored, proposed, announced, completed, cancelled)");
  } else if (n > 10 && memcmp(w, "exclusive:", 10) == 0) {
    pub->output = KGR_OUT_EXCLUSIVE;
    if (n - 10 == 4 && memcmp(w + 10, "true", 4) == 0)
      pub->exclusive = 1;
    else if (n - 10 == 5 && memcmp(w + 10, "false", 5) == 0)
      pub->exclusive = 0;
    else
      return kgr_bad(ld, line, "exclusive: needs true or false");
  } else if (n == 10 && memcmp(w, "reportedBy", 10) == 0) {
    pub->output = KGR_OUT_REPORTED;
  } else if (n == 5 && memcmp(w, "hedge", 5) == 0) {
    pub->output = KGR_OUT_HEDGE;
  } else if (n == 8 && memcmp(w, "negation", 8) == 0) {
    pub->output = KGR_OUT_NEGATION;
  } else if (n == 5 && memcmp(w, "topic", 5) == 0) {
    pub->output = KGR_OUT_TOPIC;
  } else if (!kgr_rel_from_name(w, n, &pub->relation)) {
    snprintf(msg, sizeof msg, "unknown relation '%.*s'", (int)(n > 40 ? 40 : n), w);
    return kgr_bad(ld, line, msg);
  }
  while (kgr_word(&p, end, &w, &n)) {
    const char *eq = memchr(w, '=', n);
    size_t kn = eq ? (size_t)(eq - w) : n;
    const char *v = eq ? eq + 1 : NULL;
    size_t vn = eq ? n - kn - 1 : 0;
    if (kn == 6 && memcmp(w, "weight", 6) == 0 && v) {
      char buf[32], *e;
      snprintf(buf, sizeof buf, "%.*s", (int)(vn < 31 ? vn : 31), v);
      errno = 0;
      double d = strtod(buf, &e);
      if (*e || errno || d < 0 || d > 1 || vn == 0)
        return kgr_bad(ld, line, "weight must be a number from 0 to 1");
      pub->weight = d;
    } else if (kn == 6 && memcmp(w, "status", 6) == 0 && v) {
      if (!kgr_status_from_name(v, vn, &pub->status))
        return kgr_bad(ld, line, "unknown status (rumored, proposed, announced, completed, cancelled)");
    } else if (kn == 9 && memcmp(w, "exclusive", 9) == 0 && v) {
      if (vn == 4 && memcmp(v, "true", 4) == 0)
        pub->exclusive = 1;
      else if (vn == 5 && memcmp(v, "false", 5) == 0)
        pub->exclusive = 0;
      else
        return kgr_bad(ld, line, "exclusive must be true or false");
    } else if (kn == 5 && memcmp(w, "value", 5) == 0 && v && vn) {
      if (!(pub->value = kgr_keep(ld->rs, v, vn)))
        return KG_ERR_NOMEM;
    } else if (!eq && n == 5 && memcmp(w, "noneg", 5) == 0) {
      pub->flags |= KGR_RULE_NONEG;
    } else if (!eq && n == 7 && memcmp(w, "noquant", 7) == 0) {
      pub->flags |= KGR_RULE_NOQUANT;
    } else if (!eq && n == 6 && memcmp(w, "nodate", 6) == 0) {
      pub->flags |= KGR_RULE_NODATE;
    } else if (!eq && n == 11 && memcmp(w, "noadverbial", 11) == 0) {
      pub->flags |= KGR_RULE_NOADV;
    } else if (!eq && n == 8 && memcmp(w, "majority", 8) == 0) {
      pub->flags |= KGR_RULE_MAJORITY;
    } else if (!eq && n == 8 && memcmp(w, "fallback", 8) == 0) {
      pub->flags |= KGR_RULE_FALLBACK;
    } else if (!eq && n == 9 && memcmp(w, "symmetric", 9) == 0) {
      pub->flags |= KGR_RULE_SYMMETRIC;
    } else if (kn == 6 && memcmp(w, "object", 6) == 0 && v && vn == 5 && memcmp(v, "topic", 5) == 0) {
      pub->flags |= KGR_RULE_OBJ_TOPIC;
    } else if (kn == 6 && memcmp(w, "object", 6) == 0 && v && vn == 8 && memcmp(v, "previous", 8) == 0) {
      pub->flags |= KGR_RULE_OBJ_PREV;
    } else if (kn == 6 && memcmp(w, "object", 6) == 0 && v && vn == 7 && memcmp(v, "sibling", 7) == 0) {
      pub->flags |= KGR_RULE_OBJ_SIBLING;
    } else if (kn == 6 && memcmp(w, "object", 6) == 0 && v && vn == 5 && memcmp(v, "focus", 5) == 0) {
      pub->flags |= KGR_RULE_OBJ_FOCUS;
    } else if (kn == 7 && memcmp(w, "subject", 7) == 0 && v && vn == 8 && memcmp(v, "previous", 8) == 0) {
      pub->flags |= KGR_RULE_SUBJ_PREV;
    } else if (kn == 7 && memcmp(w, "subject", 7) == 0 && v && vn == 5 && memcmp(v, "focus", 5) == 0) {
      pub->flags |= KGR_RULE_SUBJ_FOCUS;
    } else {
      snprintf(msg, sizeof msg, "unknown rule option '%.*s'", (int)(n > 40 ? 40 : n), w);
      return kgr_bad(ld, line, msg);
    }
  }
  return KG_SUCCESS;
}

/* Whether the apostrophe at @p q of @p t ends a French elision ("l'", "s'", "qu'",
 * "jusqu'") that opens a word: the tokenizer makes such a word two tokens, "s'" and
 * "apprête" (kgt_elision_prefix()), so a pattern word "s'apprête" is read as those two. */
static int kgr_elision_at(const char *t, size_t q) {
  size_t a = q;
  while (a > 0 && (unsigned)((t[a - 1] | 0x20) - 'a') < 26u)
    a--;
  if (a == q || (a > 0 && !strchr(" \t(|!<", t[a - 1])) || !kgt_elision_prefix(t + a, q - a))
    return 0;
  unsigned char n = (unsigned char)t[q + 1];
  return (n >= '0' && n <= '9') || ((n | 0x20) >= 'a' && (n | 0x20) <= 'z') || n >= 0xC0;
}

/* The pattern @p text with each elided word written as the two words the tokenizer makes of
 * it: inside a group a space after the apostrophe ("(va|s'apprête)" → "(va|s' apprête)"); a
 * word of its own, or alternatives of one word, become a group ("s'apprête|va?" →
 * "(s' apprête | va)?"). A negated or look-behind word is left as written. Returns a string
 * to kg_free(), or NULL when out of memory. */
static char *kgr_split_elisions(const char *text) {
  size_t len = strlen(text);
  char *out = kg_malloc(4 * len + 1);
  if (!out)
    return NULL;
  size_t o = 0;
  int depth = 0;
  for (size_t i = 0; i < len;) {
    char c = text[i];
    if (c == '\\' && i + 1 < len) {
      out[o++] = text[i++];
      out[o++] = text[i++];
      continue;
    }
    if (c == '(')
      depth++;
    else if (c == ')' && depth > 0)
      depth--;
    if (depth > 0 || c == '(' || c == ')' || c == ' ' || c == '\t') {
      out[o++] = c;
      if (c == '\'' && kgr_elision_at(text, i))
        out[o++] = ' ';
      i++;
      continue;
    }
    /* a chunk at the top level: up to a blank or a bracket */
    size_t e = i, qpos = 0, has_el = 0, has_bar = 0;
    while (e < len && text[e] != ' ' && text[e] != '\t' && text[e] != '(' && text[e] != ')') {
      if (text[e] == '\\' && e + 1 < len) {
        e += 2;
        continue;
      }
      if (text[e] == '\'' && kgr_elision_at(text, e))
        has_el = 1;
      if (text[e] == '|')
        has_bar = 1;
      if (!qpos && e > i && (text[e] == '{' || (text[e] == '?' && (e + 1 == len || text[e + 1] == ' '))))
        qpos = e;
      e++;
    }
    if (!has_el || c == '!' || c == '<' || c == '@' || c == '%') {
      memcpy(out + o, text + i, e - i);
      o += e - i;
      i = e;
      continue;
    }
    size_t be = qpos ? qpos : e;
    int wrap = has_bar || qpos;
    if (wrap)
      out[o++] = '(';
    for (size_t k = i; k < be; k++) {
      if (text[k] == '|') {
        memcpy(out + o, " | ", 3);
        o += 3;
        continue;
      }
      out[o++] = text[k];
      if (text[k] == '\'' && kgr_elision_at(text, k))
        out[o++] = ' ';
    }
    if (wrap)
      out[o++] = ')';
    memcpy(out + o, text + be, e - be);
    o += e - be;
    i = e;
  }
  out[o] = '\0';
  return out;
}

/* Compile the pattern text of rule @p r; checks the captures its output needs. Its
 * nodes are in the rule set's scratch: see kgr_pattern(). */
static KgStatus kgr_pattern_nodes(KgrLoad *ld, long line, const char *text, KgrRuleImpl *r) {
  KgrPat ps;
  memset(&ps, 0, sizeof ps);
  ps.rs = ld->rs;
  ps.rule = r;
  /* only French splits elisions into tokens of their own */
  char *split = NULL;
  if (strcmp(ld->rs->lang, "fr") == 0 && strchr(text, '\'') && !(split = kgr_split_elisions(text)))
    return KG_ERR_NOMEM;
  ps.p = split ? split : text;
  int *alts = NULL;
  size_t nalts = 0;
  int ok = kgr_alts(&ps, 0, &alts, &nalts), rest = ok && *ps.p;
  kg_free(split);
  ps.p = NULL;
  if (!ok)
    return kgr_bad(ld, line, ps.err[0] ? ps.err : "out of memory");
  if (rest)
    return kgr_bad(ld, line, "unexpected text after the pattern");
  if (nalts == 1) {
    r->first = alts[0];
  } else {
    int id = kgr_new_node(&ps, N_GROUP);
    if (id < 0)
      return KG_ERR_NOMEM;
    r->nodes[id].alts = alts;
    r->nodes[id].nalts = nalts;
    r->first = id;
  }
  if (r->first < 0)
    return kgr_bad(ld, line, "empty pattern");
  unsigned have = 0, s_mask = 0;
  for (size_t i = 0; i < r->nnodes; i++)
    if (r->nodes[i].kind == N_CAP && r->nodes[i].cap >= 0) {
      have |= 1u << r->nodes[i].cap;
      if (r->nodes[i].cap == KGR_CAP_S)
        s_mask |= r->nodes[i].tmask;
    }
  if (r->nodes[r->first].kind == N_GAP)
    return kgr_bad(ld, line, "a pattern cannot start with a gap");
  const KgrRule *pub = &r->pub;
  if (pub->output == KGR_OUT_FACT) {
    if (!(have & (1u << KGR_CAP_S)) && !(pub->flags & (KGR_RULE_SUBJ_PREV | KGR_RULE_SUBJ_FOCUS)))
      return kgr_bad(ld, line, "a fact rule needs an @S capture (or subject=previous|focus)");
    if (s_mask & T_QUANTS)
      return kgr_bad(ld, line, "@S must capture an entity");
    int entity_rel = pub->relation <= KG_REL_USES_TECHNOLOGY_OF;
    if (entity_rel && !(have & (1u << KGR_CAP_O)) &&
        !(pub->flags & (KGR_RULE_SYMMETRIC | KGR_RULE_OBJ_TOPIC | KGR_RULE_OBJ_PREV |
                       KGR_RULE_OBJ_FOCUS | KGR_RULE_OBJ_SIBLING)))
      return kgr_bad(ld, line, "a relation rule needs an @O capture");
    if (pub->relation == KG_REL_FOUNDING_DATE && !(have & (1u << KGR_CAP_DATE)) && !pub->value)
      return kgr_bad(ld, line, "foundingDate needs @DATE");
    if (pub->relation == KG_REL_EMPLOYEES && !(have & (1u << KGR_CAP_VAL)))
      return kgr_bad(ld, line, "employees needs @VAL:COUNT");
    if (pub->relation == KG_REL_LEGAL_FORM && !pub->value)
      return kgr_bad(ld, line, "legalForm needs value=...");
    if ((pub->relation == KG_REL_VALUATION || pub->relation == KG_REL_REVENUE) &&
        !(have & (1u << KGR_CAP_AMT)))
      return kgr_bad(ld, line, "valuation and revenue need @AMT:MONEY");
  } else if (pub->output == KGR_OUT_REPORTED && !(have & (1u << KGR_CAP_REP))) {
    return kgr_bad(ld, line, "reportedBy needs an @REP capture");
  } else if (pub->output == KGR_OUT_TOPIC && !(have & (1u << KGR_CAP_S))) {
    return kgr_bad(ld, line, "topic needs an @S capture");
  }
  return KG_SUCCESS;
}

/* kgr_pattern_nodes(), its nodes then kept in the rule set's blocks. */
static KgStatus kgr_pattern(KgrLoad *ld, long line, const char *text, KgrRuleImpl *r) {
  r->nodes = NULL;
  r->nnodes = 0;
  KgStatus st = kgr_pattern_nodes(ld, line, text, r);
  if (st == KG_SUCCESS && !(r->nodes = kgr_copy(ld->rs, r->nodes, r->nnodes * sizeof *r->nodes)))
    st = KG_ERR_NOMEM;
  if (st != KG_SUCCESS)
    r->nodes = NULL, r->nnodes = 0; /* the scratch is the rule set's */
  return st;
}

static KgStatus kgr_push_rule(KgrRuleSet *rs, KgrRuleImpl *r) {
  if (rs->nrules == rs->caprules) {
    size_t nc = rs->caprules ? rs->caprules * 2 : 64;
    KgrRuleImpl *nr = kg_realloc(rs->rules, nc * sizeof *nr);
    if (!nr)
      return KG_ERR_NOMEM;
    rs->rules = nr;
    rs->caprules = nc;
  }
  rs->rules[rs->nrules++] = *r;
  return KG_SUCCESS;
}

/* Strip a comment: '#' at the start or after whitespace. */
static const char *kgr_line_end(const char *p, const char *end) {
  for (const char *q = p; q < end; q++)
    if (*q == '#' && (q == p || kgr_isspace(q[-1])) && !(q > p && q[-1] == '\\'))
      return q;
  return end;
}

static int kgr_cmp_rule_id(const void *a, const void *b) {
  const KgrRule *x = *(const KgrRule *const *)a, *y = *(const KgrRule *const *)b;
  int d = strcmp(x->id, y->id);
  return d ? d : (x->line > y->line) - (x->line < y->line);
}

/* An id names one rule (it becomes kg:extractor): a second rule of the same id, in this
 * file or an earlier one, is an error at its line. */
static KgStatus kgr_check_ids(const KgrLoad *ld, const KgrRuleSet *rs, size_t first) {
  if (rs->nrules < 2 || first >= rs->nrules)
    return KG_SUCCESS;
  const KgrRule **v = kg_malloc(rs->nrules * sizeof *v);
  if (!v)
    return KG_ERR_NOMEM;
  for (size_t i = 0; i < rs->nrules; i++)
    v[i] = &rs->rules[i].pub;
  qsort(v, rs->nrules, sizeof *v, kgr_cmp_rule_id);
  KgStatus st = KG_SUCCESS;
  for (size_t i = 1; i < rs->nrules && st == KG_SUCCESS; i++)
    if (strcmp(v[i - 1]->id, v[i]->id) == 0) {
      /* report the rule this file added (the later one when both are its own) */
      const KgrRule *dup = v[i]->file == ld->file ? v[i] : v[i - 1];
      char msg[160];
      snprintf(msg, sizeof msg, "rule id '%.60s' is already used (%.60s:%ld)", dup->id,
               (dup == v[i] ? v[i - 1] : v[i])->file, (long)(dup == v[i] ? v[i - 1] : v[i])->line);
      st = kgr_bad(ld, dup->line, msg);
    }
  kg_free(v);
  return st;
}

KgStatus kgr_ruleset_add_rules(KgrRuleSet *rs, const char *name, const char *text, size_t len,
                               const KgLog *log) {
  KgrLoad ld = {rs, name, log};
  KgStatus st = KG_SUCCESS;
  size_t rules0 = rs->nrules;
  KgiBuf pat;
  KgrRuleImpl cur;
  int have_cur = 0, skip = 0;
  long cur_line = 0, line = 0;
  const char *p = text, *end = text + len;
  const char *fname = kgr_keep(rs, name, strlen(name));
  if (!fname)
    return KG_ERR_NOMEM;
  ld.file = fname;
  kgi_buf_init(&pat, 1u << 20);
  memset(&cur, 0, sizeof cur);
  if (rs->compiled)
    kgr_index_clear(rs), rs->compiled = 0;
  for (;;) {
    const char *nl = p < end ? memchr(p, '\n', (size_t)(end - p)) : NULL;
    const char *le = nl ? nl : end;
    int at_end = p >= end;
    line++;
    const char *ce = at_end ? p : kgr_line_end(p, le);
    const char *q = p;
    while (q < ce && kgr_isspace(*q))
      q++;
    int blank = q >= ce;
    int indented = !blank && q > p;
    if (!blank && memchr(q, '\0', (size_t)(ce - q))) {
      st = kgr_bad(&ld, line, "NUL byte in rule file");
      goto out;
    }
    if (have_cur && (at_end || (!blank && !indented))) {
      /* the current rule ends here */
      if (pat.len == 0) {
        st = kgr_bad(&ld, cur_line, "rule without pattern");
        goto out;
      }
      if ((st = kgr_pattern(&ld, cur_line, kgi_buf_cstr(&pat), &cur)) != KG_SUCCESS)
        goto out;
      if (skip) {
        kgr_rule_clear(&cur);
      } else if ((st = kgr_push_rule(rs, &cur)) != KG_SUCCESS) {
        goto out;
      }
      memset(&cur, 0, sizeof cur);
      have_cur = 0;
      pat.len = 0;
    }
    if (at_end)
      break;
    if (!blank) {
      if (indented) {
        if (!have_cur) {
          st = kgr_bad(&ld, line, "indented pattern line outside a rule");
          goto out;
        }
        if ((st = kgi_buf_append(&pat, q, (size_t)(ce - q))) != KG_SUCCESS ||
            (st = kgi_buf_putc(&pat, ' ')) != KG_SUCCESS)
          goto out;
      } else {
        const char *w = q;
        size_t n = 0;
        const char *r = q;
        kgr_word(&r, ce, &w, &n);
        if (n == 4 && memcmp(w, "rule", 4) == 0) {
          memset(&cur, 0, sizeof cur);
          cur.first = -1;
          if ((st = kgr_header(&ld, line, r, ce, &cur, &skip)) != KG_SUCCESS)
            goto out;
          have_cur = 1;
          cur_line = line;
        } else if (n == 5 && memcmp(w, "class", 5) == 0) {
          const char *cn;
          size_t cnn;
          KgrClass *c;
          if (!kgr_word(&r, ce, &cn, &cnn)) {
            st = kgr_bad(&ld, line, "class without name");
            goto out;
          }
          if ((st = kgr_class_get(rs, cn, cnn, &c)) != KG_SUCCESS) {
            if (st == KG_ERR_PARSE)
              kgr_bad(&ld, line, "bad class name");
            goto out;
          }
          size_t nw = 0;
          while (kgr_word(&r, ce, &w, &n)) {
            if (n == 1 && w[0] == '=')
              continue;
            if ((st = kgr_class_add(rs, c, w, n)) != KG_SUCCESS) {
              if (st == KG_ERR_PARSE)
                kgr_bad(&ld, line, "bad word in class");
              goto out;
            }
            nw++;
          }
          if (!nw) {
            st = kgr_bad(&ld, line, "class without words");
            goto out;
          }
        } else {
          char msg[120];
          snprintf(msg, sizeof msg, "expected 'rule' or 'class', not '%.*s'",
                   (int)(n > 40 ? 40 : n), w);
          st = kgr_bad(&ld, line, msg);
          goto out;
        }
      }
    }
    p = nl ? nl + 1 : end;
  }
  if (st == KG_SUCCESS)
    st = kgr_check_ids(&ld, rs, rules0);
out:
  kgi_buf_free(&pat);
  if (st != KG_SUCCESS) {
    kgr_rule_clear(&cur);
    while (rs->nrules > rules0)
      kgr_rule_clear(&rs->rules[--rs->nrules]);
  }
  return st;
}

KgStatus kgr_ruleset_add_lexicon(KgrRuleSet *rs, const char *name, const char *text,
                                 size_t len, const KgLog *log) {
  KgrLoad ld = {rs, name, log};
  const char *p = text, *end = text + len;
  long line = 0;
  if (rs->compiled)
    kgr_index_clear(rs), rs->compiled = 0;
  while (p < end) {
    const char *nl = memchr(p, '\n', (size_t)(end - p));
    const char *le = nl ? nl : end;
    line++;
    const char *q = p;
    while (q < le && kgr_isspace(*q))
      q++;
    if (q < le && *q != '#') {
      const char *tab = memchr(q, '\t', (size_t)(le - q));
      if (!tab || tab == q)
        return kgr_bad(&ld, line, "expected CLASS<TAB>words");
      /* a mentions lexicon that lost its header line would otherwise load silently as
         word classes no rule uses */
      for (unsigned k = 0; k < KGT_LEX__COUNT; k++) {
        const char *kn = kgt_lex_kind_name((KgtLexKind)k);
        if (strlen(kn) == (size_t)(tab - q) && memcmp(kn, q, (size_t)(tab - q)) == 0) {
          char why[160];
          snprintf(why, sizeof why,
                   "'%s' is a kind of mentions lexicon, whose first line must be "
                   "'# kgbuild-lexicon: mentions LANG'", kn);
          return kgr_bad(&ld, line, why);
        }
      }
      KgrClass *c;
      KgStatus st = kgr_class_get(rs, q, (size_t)(tab - q), &c);
      if (st != KG_SUCCESS)
        return st == KG_ERR_PARSE ? kgr_bad(&ld, line, "bad class name") : st;
      const char *r = tab + 1, *w;
      size_t n, nw = 0;
      const char *ce = kgr_line_end(r, le);
      while (kgr_word(&r, ce, &w, &n)) {
        /* '|' separates words too */
        const char *s = w, *e = w + n;
        while (s < e) {
          const char *bar = memchr(s, '|', (size_t)(e - s));
          size_t wn = bar ? (size_t)(bar - s) : (size_t)(e - s);
          if (wn) {
            if ((st = kgr_class_add(rs, c, s, wn)) != KG_SUCCESS)
              return st == KG_ERR_PARSE ? kgr_bad(&ld, line, "bad word") : st;
            nw++;
          }
          s += wn + 1;
        }
      }
      if (!nw)
        return kgr_bad(&ld, line, "class without words");
    }
    p = nl ? nl + 1 : end;
  }
  return KG_SUCCESS;
}

KgStatus kgr_ruleset_add_file(KgrRuleSet *rs, const char *path, const KgLog *log) {
  FILE *f = fopen(path, "rb");
  if (!f) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_NOT_FOUND, path, -1, "%s: cannot open: %s", path,
            strerror(errno));
    return KG_ERR_NOT_FOUND;
  }
  KgiBuf b;
  kgi_buf_init(&b, KGR_MAX_FILE);
  char chunk[8192];
  size_t n;
  KgStatus st = KG_SUCCESS;
  while ((n = fread(chunk, 1, sizeof chunk, f)) > 0)
    if ((st = kgi_buf_append(&b, chunk, n)) != KG_SUCCESS)
      break;
  if (st == KG_SUCCESS && ferror(f))
    st = KG_ERR_IO;
  fclose(f);
  if (st != KG_SUCCESS) {
    kgi_log(log, KG_LOG_ERROR, st, path, -1, "%s: cannot read: %s", path, kg_strerror(st));
    kgi_buf_free(&b);
    return st;
  }
  const char *text = kgi_buf_cstr(&b);
  /* "# kgbuild-lexicon: KIND LANG": mention lexicons belong to the mention finder, and a
   * relation lexicon of another language to the other rule set */
  static const char tag[] = "# kgbuild-lexicon:";
  if (b.len > sizeof tag && strncmp(text, tag, sizeof tag - 1) == 0) {
    char kind[32] = "", lang[8] = "";
    if (sscanf(text + sizeof tag - 1, " %31s %7s", kind, lang) < 1 || strcmp(kind, "relations") != 0 ||
        (lang[0] && rs->lang[0] && strcmp(lang, rs->lang) != 0)) {
      kgi_buf_free(&b);
      return KG_SUCCESS;
    }
    st = kgr_ruleset_add_lexicon(rs, path, text, b.len, log);
  } else if (kgi_ends_with_ci(path, ".tsv"))
    st = kgr_ruleset_add_lexicon(rs, path, text, b.len, log);
  else
    st = kgr_ruleset_add_rules(rs, path, text, b.len, log);
  kgi_buf_free(&b);
  return st;
}

/* ------------------------------------------------------------------ compile + index */

#define KGR_FIRST_MENTION 0x1u
#define KGR_FIRST_QUANT 0x2u
#define KGR_FIRST_ANY 0x4u

typedef struct {
  size_t *ids;
  size_t n, cap;
  unsigned flags;
} KgrFirst;

static KgStatus kgr_first_add(KgrFirst *f, size_t id) {
  if (f->n == f->cap) {
    size_t nc = f->cap ? f->cap * 2 : 16;
    size_t *ni = kg_realloc(f->ids, nc * sizeof *ni);
    if (!ni)
      return KG_ERR_NOMEM;
    f->ids = ni;
    f->cap = nc;
  }
  f->ids[f->n++] = id;
  return KG_SUCCESS;
}

/* FIRST set of the sequence starting at node @p n, followed by @p cont (a chain of
 * continuation nodes, for the inside of groups). *nullable when it can match nothing. */
static KgStatus kgr_first(const KgrRuleSet *rs, const KgrRuleImpl *r, int n, KgrFirst *f,
                          int *nullable, int depth) {
  *nullable = 1;
  if (depth > 32) {
    f->flags |= KGR_FIRST_ANY;
    *nullable = 0;
    return KG_SUCCESS;
  }
  while (n >= 0) {
    const KgrNode *nd = &r->nodes[n];
    KgStatus st;
    int nl = nd->min == 0;
    if (nd->behind) {
      n = nd->next;
      continue;
    }
    switch (nd->kind) {
    case N_LIT:
      if (nd->neg) {
        f->flags |= KGR_FIRST_ANY;
      } else {
        for (size_t i = 0; i < nd->nids; i++)
          if ((st = kgr_first_add(f, nd->ids[i])) != KG_SUCCESS)
            return st;
      }
      break;
    case N_CLASS:
      if (nd->neg || nd->cls < 0) {
        f->flags |= KGR_FIRST_ANY;
      } else {
        const KgrClass *c = &rs->classes[nd->cls];
        for (size_t i = 0; i < c->n; i++)
          if ((st = kgr_first_add(f, c->ids[i])) != KG_SUCCESS)
            return st;
      }
      break;
    case N_ANY:
    case N_GAP:
      f->flags |= KGR_FIRST_ANY;
      nl = nd->min == 0;
      break;
    case N_CAP:
      f->flags |= (nd->tmask & T_QUANTS) ? KGR_FIRST_QUANT : KGR_FIRST_MENTION;
      break;
    case N_START:
    case N_END:
      nl = 1;
      break;
    case N_GROUP: {
      int any_null = 0;
      for (size_t i = 0; i < nd->nalts; i++) {
        int an;
        if ((st = kgr_first(rs, r, nd->alts[i], f, &an, depth + 1)) != KG_SUCCESS)
          return st;
        any_null |= an;
      }
      nl = nl || any_null;
      break;
    }
    }
    if (!nl) {
      *nullable = 0;
      return KG_SUCCESS;
    }
    n = nd->next;
  }
  return KG_SUCCESS;
}

static KgStatus kgr_list_add(size_t **list, size_t *n, size_t v) {
  if (*n && (*list)[*n - 1] == v)
    return KG_SUCCESS;
  size_t *nl = kg_realloc(*list, (*n + 1) * sizeof *nl);
  if (!nl)
    return KG_ERR_NOMEM;
  nl[(*n)++] = v;
  *list = nl;
  return KG_SUCCESS;
}

static KgStatus kgr_required_at(const KgrRuleSet *rs, const KgrRuleImpl *r, int n, int behind_ok,
                                size_t **ids, size_t *nids);
static KgStatus kgr_required(const KgrRuleSet *rs, const KgrRuleImpl *r, int n, size_t **ids,
                             size_t *nids) {
  return kgr_required_at(rs, r, n, 0, ids, nids);
}

/* The shortest word of a required set: of two sets as large, the one whose words are all
 * longer is the rarer in text ("désormais" rather than "est"). */
static size_t kgr_set_minlen(const KgrRuleSet *rs, const size_t *ids, size_t n) {
  size_t m = SIZE_MAX;
  for (size_t i = 0; i < n; i++) {
    size_t l = strlen(rs->vocab.words[ids[i]]);
    if (l < m)
      m = l;
  }
  return m;
}

/* The best word set the sequence from node @p n (to its end) always consumes: the
 * smallest required set of its nodes. *ids is new, or NULL when no node requires one. */
static KgStatus kgr_required_seq(const KgrRuleSet *rs, const KgrRuleImpl *r, int n, size_t **ids,
                                 size_t *nids) {
  *ids = NULL;
  *nids = 0;
  size_t best_len = 0;
  for (; n >= 0; n = r->nodes[n].next) {
    size_t *sub = NULL, nsub = 0;
    KgStatus st = kgr_required(rs, r, n, &sub, &nsub);
    if (st != KG_SUCCESS) {
      kg_free(*ids);
      *ids = NULL;
      *nids = 0;
      return st;
    }
    if (!sub)
      continue;
    size_t len = kgr_set_minlen(rs, sub, nsub);
    if (!*ids || nsub < *nids || (nsub == *nids && len > best_len)) {
      kg_free(*ids);
      *ids = sub, *nids = nsub, best_len = len;
    } else {
      kg_free(sub);
    }
  }
  return KG_SUCCESS;
}

/* Words one of which node @p n always consumes: a word or class atom, or a group each of
 * whose alternatives consumes one of its own. *ids is new (NULL when the node requires
 * none). */
/* @p behind_ok: a look-behind at @p n looks at a token the match has consumed already (a
 * node before it always takes one), so that word is in the match too. */
static KgStatus kgr_required_at(const KgrRuleSet *rs, const KgrRuleImpl *r, int n, int behind_ok,
                                size_t **ids, size_t *nids) {
  const KgrNode *nd = &r->nodes[n];
  *ids = NULL;
  *nids = 0;
  if (nd->neg || (nd->behind && !behind_ok) || nd->min == 0)
    return KG_SUCCESS;
  if (nd->kind == N_LIT || nd->kind == N_CLASS) {
    const size_t *src = nd->kind == N_LIT ? nd->ids : rs->classes[nd->cls].ids;
    size_t ns = nd->kind == N_LIT ? nd->nids : rs->classes[nd->cls].n;
    if (!(*ids = kg_malloc((ns ? ns : 1) * sizeof **ids)))
      return KG_ERR_NOMEM;
    memcpy(*ids, src, ns * sizeof **ids);
    *nids = ns;
    return KG_SUCCESS;
  }
  if (nd->kind != N_GROUP)
    return KG_SUCCESS;
  for (size_t a = 0; a < nd->nalts; a++) {
    size_t *sub = NULL, nsub = 0;
    KgStatus st = nd->alts[a] >= 0 ? kgr_required_seq(rs, r, nd->alts[a], &sub, &nsub) : KG_SUCCESS;
    if (st != KG_SUCCESS || !sub) {
      kg_free(*ids);
      *ids = NULL;
      *nids = 0;
      return st;
    }
    size_t *grown = kg_realloc(*ids, (*nids + nsub) * sizeof *grown);
    if (!grown) {
      kg_free(sub);
      kg_free(*ids);
      *ids = NULL;
      *nids = 0;
      return KG_ERR_NOMEM;
    }
    memcpy(grown + *nids, sub, nsub * sizeof *sub);
    *ids = grown;
    *nids += nsub;
    kg_free(sub);
  }
  return KG_SUCCESS;
}

/* The non-zero words of @p nrows rows of @p rowlen words each: row r's are entries
 * [(*off)[r], (*off)[r + 1]) of *at (the word's index in its row) and *bits. */
static KgStatus kgr_sparse(const uint64_t *rows, size_t nrows, size_t rowlen, size_t **off,
                           uint32_t **at, uint64_t **bits) {
  size_t n = 0;
  for (size_t x = 0; x < nrows * rowlen; x++)
    n += rows[x] != 0;
  if (!(*off = kg_malloc((nrows + 1) * sizeof **off)) ||
      !(*at = kg_malloc((n ? n : 1) * sizeof **at)) ||
      !(*bits = kg_malloc((n ? n : 1) * sizeof **bits)))
    return KG_ERR_NOMEM;
  n = 0;
  for (size_t r = 0; r < nrows; r++) {
    (*off)[r] = n;
    for (size_t x = 0; x < rowlen; x++)
      if (rows[r * rowlen + x]) {
        (*at)[n] = (uint32_t)x;
        (*bits)[n++] = rows[r * rowlen + x];
      }
  }
  (*off)[nrows] = n;
  return KG_SUCCESS;
}

/* req_row, req_rows and req_none from the rules' required sets. */
static KgStatus kgr_index_req_rows(KgrRuleSet *rs) {
  size_t nw = rs->vocab.n, rw = rs->rule_words, nrows = 0;
  if (!(rs->req_row = kg_malloc((nw ? nw : 1) * sizeof *rs->req_row)) ||
      !(rs->req_none = kg_calloc(KGR_MAX_REQ * rw, sizeof *rs->req_none)))
    return KG_ERR_NOMEM;
  for (size_t id = 0; id < nw; id++)
    rs->req_row[id] = -1;
  for (size_t i = 0; i < rs->nrules; i++)
    for (int q = 0; q < KGR_MAX_REQ && rs->rules[i].req[q]; q++)
      for (size_t k = 0; k < rs->rules[i].nreq[q]; k++)
        if (rs->req_row[rs->rules[i].req[q][k]] < 0)
          rs->req_row[rs->rules[i].req[q][k]] = (long)nrows++;
  if (!(rs->req_rows = kg_calloc((nrows ? nrows : 1) * KGR_MAX_REQ * rw, sizeof *rs->req_rows)))
    return KG_ERR_NOMEM;
  for (size_t i = 0; i < rs->nrules; i++) {
    int q = 0;
    for (; q < KGR_MAX_REQ && rs->rules[i].req[q]; q++)
      for (size_t k = 0; k < rs->rules[i].nreq[q]; k++) {
        size_t row = (size_t)rs->req_row[rs->rules[i].req[q][k]];
        rs->req_rows[(row * KGR_MAX_REQ + (size_t)q) * rw + i / 64] |= 1ULL << (i % 64);
      }
    for (; q < KGR_MAX_REQ; q++)
      rs->req_none[(size_t)q * rw + i / 64] |= 1ULL << (i % 64);
  }
  return kgr_sparse(rs->req_rows, nrows, KGR_MAX_REQ * rw, &rs->req_sp_off, &rs->req_sp_at,
                    &rs->req_sp_bits);
}

/* Whether capture @p nd of rule @p r looks past a name inside a hyphenated modifier
 * ("bought Orvex-backed Tarsis", kgr_items_at()): an object that is an entity but no place,
 * unless a look-behind after it reads the modifier itself. */
static int kgr_cap_past_modifier(const KgrRuleImpl *r, const KgrNode *nd) {
  return (nd->tmask & T_MENTIONS) && !(nd->tmask & T_PLACE) && nd->cap == KGR_CAP_O &&
         !(nd->next >= 0 && r->nodes[nd->next].behind);
}

/* first_kind of each rule. An opening capture that must take an item fails where
 * kgr_items_at() finds none, and that depends on its types, on whether it wants a name and
 * on whether it looks past a modifier only: rules alike in those share a kind, so that the
 * scan asks once per token and kind. */
static void kgr_first_kinds(KgrRuleSet *rs) {
  unsigned keys[KGR_FIRST_KINDS];
  size_t nkeys = 0;
  for (size_t i = 0; i < rs->nrules; i++) {
    KgrRuleImpl *r = &rs->rules[i];
    const KgrNode *nd = &r->nodes[r->first];
    r->first_kind = -1;
    if (nd->kind != N_CAP || nd->behind || nd->min == 0)
      continue;
    unsigned key = nd->tmask | (nd->named ? 1u << 16 : 0) |
                   (kgr_cap_past_modifier(r, nd) ? 1u << 17 : 0);
    size_t k = 0;
    while (k < nkeys && keys[k] != key)
      k++;
    if (k == KGR_FIRST_KINDS)
      continue; /* too many kinds: the others are tried at every candidate token */
    if (k == nkeys)
      keys[nkeys++] = key;
    r->first_kind = (int)k;
  }
}

/* need_masks/need_rules: the type masks of the captures on each rule's own sequence
 * that every match makes. */
static KgStatus kgr_index_needs(KgrRuleSet *rs) {
  size_t rw = rs->rule_words, cap = 0;
  for (size_t i = 0; i < rs->nrules; i++) {
    const KgrRuleImpl *r = &rs->rules[i];
    for (int n = r->first; n >= 0; n = r->nodes[n].next) {
      const KgrNode *nd = &r->nodes[n];
      if (nd->kind != N_CAP || nd->min == 0 || !nd->tmask)
        continue;
      size_t k = 0;
      while (k < rs->nneed && rs->need_masks[k] != nd->tmask)
        k++;
      if (k == rs->nneed) {
        if (rs->nneed == cap) {
          size_t nc = cap ? cap * 2 : 16;
          unsigned *nm = kg_realloc(rs->need_masks, nc * sizeof *nm);
          if (!nm)
            return KG_ERR_NOMEM;
          rs->need_masks = nm;
          uint64_t *nr = kg_realloc(rs->need_rules, nc * rw * sizeof *nr);
          if (!nr)
            return KG_ERR_NOMEM;
          rs->need_rules = nr;
          cap = nc;
        }
        rs->need_masks[k] = nd->tmask;
        memset(rs->need_rules + k * rw, 0, rw * sizeof *rs->need_rules);
        rs->nneed++;
      }
      rs->need_rules[k * rw + i / 64] |= 1ULL << (i % 64);
    }
  }
  return kgr_sparse(rs->need_rules, rs->nneed, rw, &rs->need_sp_off, &rs->need_sp_at,
                    &rs->need_sp_bits);
}

/* By first word; within it the single words first, then the phrases by second word. */
static int kgr_cmp_adv(const void *a, const void *b) {
  const KgrAdverbial *x = a, *y = b;
  if (x->ids[0] != y->ids[0])
    return x->ids[0] < y->ids[0] ? -1 : 1;
  if ((x->n > 1) != (y->n > 1))
    return x->n > 1 ? 1 : -1;
  if (x->n > 1 && x->ids[1] != y->ids[1])
    return x->ids[1] < y->ids[1] ? -1 : 1;
  return 0;
}

/* The phrases of class ADVERBIAL as word ids ("par_ailleurs": "par", "ailleurs"); words
 * only they use join the vocabulary, before anything is sized by it. */
static KgStatus kgr_adverbials(KgrRuleSet *rs) {
  long c = kgr_class_find(rs, "ADVERBIAL");
  if (c < 0)
    return KG_SUCCESS;
  const KgrClass *cl = &rs->classes[c];
  if (!(rs->adv = kg_calloc(cl->n ? cl->n : 1, sizeof *rs->adv)))
    return KG_ERR_NOMEM;
  for (size_t i = 0; i < cl->n; i++) {
    char w[KGR_MAX_WORD];
    const char *src = rs->vocab.words[cl->ids[i]];
    size_t len = strlen(src);
    if (len == 0 || len >= sizeof w || src[len - 1] == '*' || src[0] == '*')
      continue; /* a prefix or suffix entry: single words only */
    memcpy(w, src, len + 1);
    unsigned n = 0;
    KgStatus st = KG_SUCCESS;
    for (char *p = w, *q; p && n < KGR_ADV_WORDS && st == KG_SUCCESS; p = q) {
      q = strchr(p, '_');
      if (q)
        *q++ = '\0';
      if (*p)
        st = kgr_vocab_intern(&rs->vocab, p, &rs->adv[rs->nadv].ids[n++]);
    }
    if (st != KG_SUCCESS)
      return st;
    if (n)
      rs->adv[rs->nadv++].n = n;
  }
  /* by first word then second (kgr_cmp_adv()), so that a token finds its phrases with a
     binary search, and among the many that share a first word (« a annoncé mercredi »,
     « a par ailleurs ») those the next token goes on with with another */
  qsort(rs->adv, rs->nadv, sizeof *rs->adv, kgr_cmp_adv);
  for (size_t a = rs->nadv; a-- > 0;)
    rs->adv[a].group_end =
        a + 1 < rs->nadv && rs->adv[a + 1].ids[0] == rs->adv[a].ids[0] ? rs->adv[a + 1].group_end
                                                                       : a + 1;
  size_t words = (rs->vocab.n + 63) / 64;
  if (!(rs->adv_first = kg_calloc(words ? words : 1, sizeof *rs->adv_first)) ||
      !(rs->adv_second = kg_calloc(words ? words : 1, sizeof *rs->adv_second)))
    return KG_ERR_NOMEM;
  if (!(rs->adv_start = kg_malloc((rs->vocab.n ? rs->vocab.n : 1) * sizeof *rs->adv_start)))
    return KG_ERR_NOMEM;
  for (size_t a = rs->nadv; a-- > 0;)
    rs->adv_start[rs->adv[a].ids[0]] = (uint32_t)a; /* the first of its group wins */
  for (size_t a = 0; a < rs->nadv; a++) {
    rs->adv_first[rs->adv[a].ids[0] / 64] |= 1ULL << (rs->adv[a].ids[0] % 64);
    if (rs->adv[a].n > 1)
      rs->adv_second[rs->adv[a].ids[1] / 64] |= 1ULL << (rs->adv[a].ids[1] % 64);
  }
  return KG_SUCCESS;
}

KgStatus kgr_ruleset_compile(KgrRuleSet *rs, const KgLog *log) {
  KgStatus st = KG_SUCCESS;
  if (rs->compiled)
    return KG_SUCCESS;
  if ((st = kgr_adverbials(rs)) != KG_SUCCESS)
    return st;
  size_t nw = rs->vocab.n, words = (nw + 63) / 64;
  for (size_t c = 0; c < rs->nclasses; c++) {
    KgrClass *cl = &rs->classes[c];
    if (!(cl->bits = kg_calloc(words ? words : 1, sizeof *cl->bits)))
      return KG_ERR_NOMEM;
    for (size_t i = 0; i < cl->n; i++)
      cl->bits[cl->ids[i] / 64] |= 1ULL << (cl->ids[i] % 64);
  }
  rs->det_cls = kgr_class_find(rs, "DET");
  rs->possdet_cls = kgr_class_find(rs, "POSS_DET");
  rs->nomod_cls = kgr_class_find(rs, "NOT_MODIFIER");
  rs->sep_cls = kgr_class_find(rs, "LIST_SEP");
  rs->conj_cls = kgr_class_find(rs, "LIST_CONJ");
  rs->tail_cls = kgr_class_find(rs, "LIST_TAIL");
  rs->link_cls = kgr_class_find(rs, "APPOS_LINK");
  rs->lclause_cls = kgr_class_find(rs, "LIST_CLAUSE");
  rs->pron_cls = kgr_class_find(rs, "PRONOUN");
  rs->possmod_cls = kgr_class_find(rs, "POSS_OR_MOD");
  rs->psuf_cls = kgr_class_find(rs, "PLACE_SUFFIX");
  rs->rel_cls = kgr_class_find(rs, "RELATIVE_WORD");
  rs->srel_cls = kgr_class_find(rs, "SUBJECT_RELATIVE");
  rs->descof_cls = kgr_class_find(rs, "DESC_OF");
  rs->arel_cls = kgr_class_find(rs, "DESC_RELATIVE");
  rs->prole_cls = kgr_class_find(rs, "PERSON_ROLE");
  rs->compl_cls = kgr_class_find(rs, "COMPLEMENTIZER");
  rs->age_cls = kgr_class_find(rs, "AGE_UNIT");
  rs->dadv_cls = kgr_class_find(rs, "DATE_ADVERBIAL");
  rs->month_cls = kgr_class_find(rs, "MONTH");
  rs->pmod_cls = kgr_class_find(rs, "PERSON_PREMOD");
  rs->orgnoun_cls = kgr_class_find(rs, "ORG_NOUN");
  rs->noserial_cls = kgr_class_find(rs, "LIST_NO_SERIAL");
  rs->final_cls = kgr_class_find(rs, "LIST_FINAL");
  rs->apposnoun_cls = kgr_class_find(rs, "APPOS_NOUN");
  rs->plink_cls = kgr_class_find(rs, "PLACE_LINK");
  rs->parea_cls = kgr_class_find(rs, "PLACE_AREA");
  rs->parea_of_cls = kgr_class_find(rs, "PLACE_AREA_OF");
  for (size_t i = 0; i < rs->nrules; i++) {
    KgrRuleImpl *r = &rs->rules[i];
    for (size_t k = 0; k < r->nnodes; k++) {
      KgrNode *nd = &r->nodes[k];
      for (size_t j = 0; nd->kind == N_LIT && j < nd->nids; j++)
        nd->idmask |= 1ULL << (nd->ids[j] % 64);
      if (nd->kind == N_CLASS && nd->cls_name) {
        nd->cls = kgr_class_find(rs, nd->cls_name);
        if (nd->cls < 0) {
          kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, r->pub.file, -1,
                  "%s:%ld: unknown class %%%s", r->pub.file, r->pub.line, nd->cls_name);
          return KG_ERR_PARSE;
        }
      }
      if (nd->kind == N_CAP && nd->cap == KGR_CAP_S && nd->next >= 0 &&
          r->nodes[nd->next].kind == N_GAP && !r->nodes[nd->next].nomention &&
          r->nodes[nd->next].max <= KGR_SUBJ_GAP)
        r->nodes[nd->next].nomention = 2;
    }
  }
  for (size_t i = 0; i < rs->nrules; i++) {
    KgrRuleImpl *r = &rs->rules[i];
    r->anchored = r->nodes[r->first].kind == N_START;
    for (int k = 0; k < KGR_MAX_REQ; k++) {
      kg_free(r->req[k]);
      r->req[k] = NULL;
      r->nreq[k] = 0;
    }
    int consumed = 0; /* a node before this one always takes a token */
    for (int n = r->first; n >= 0; n = r->nodes[n].next) {
      size_t *ids = NULL, nids = 0;
      if ((st = kgr_required_at(rs, r, n, consumed && r->nodes[n].kind == N_LIT, &ids, &nids)) !=
          KG_SUCCESS)
        goto out;
      if (r->nodes[n].min >= 1 && !r->nodes[n].behind && r->nodes[n].kind != N_START)
        consumed = 1;
      /* keep the smallest sets: replace the largest kept one */
      int worst = -1;
      for (int k = 0; k < KGR_MAX_REQ && ids; k++)
        if (!r->req[k]) {
          worst = k;
          break;
        } else if (worst < 0 || r->nreq[k] > r->nreq[worst]) {
          worst = k;
        }
      if (ids && worst >= 0 && (!r->req[worst] || nids < r->nreq[worst])) {
        kg_free(r->req[worst]);
        r->req[worst] = ids, r->nreq[worst] = nids;
      } else {
        kg_free(ids);
      }
    }
  }
  if (!(rs->by_id = kg_calloc(nw ? nw : 1, sizeof *rs->by_id)) ||
      !(rs->by_id_n = kg_calloc(nw ? nw : 1, sizeof *rs->by_id_n))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  rs->nby_id = nw;
  for (size_t i = 0; i < rs->nrules; i++) {
    KgrFirst f = {NULL, 0, 0, 0};
    int nullable;
    st = kgr_first(rs, &rs->rules[i], rs->rules[i].first, &f, &nullable, 0);
    if (st == KG_SUCCESS && nullable)
      f.flags |= KGR_FIRST_ANY;
    if (st == KG_SUCCESS && (f.flags & KGR_FIRST_ANY)) {
      st = kgr_list_add(&rs->any_rules, &rs->nany_rules, i);
    } else if (st == KG_SUCCESS) {
      if (f.flags & KGR_FIRST_MENTION)
        st = kgr_list_add(&rs->mention_rules, &rs->nmention_rules, i);
      if (st == KG_SUCCESS && (f.flags & KGR_FIRST_QUANT))
        st = kgr_list_add(&rs->quant_rules, &rs->nquant_rules, i);
      for (size_t k = 0; st == KG_SUCCESS && k < f.n; k++)
        st = kgr_list_add(&rs->by_id[f.ids[k]], &rs->by_id_n[f.ids[k]], i);
    }
    kg_free(f.ids);
    if (st != KG_SUCCESS)
      goto out;
  }
  size_t rw = (rs->nrules + 63) / 64;
  if (!rw)
    rw = 1;
  if (!(rs->mention_bits = kg_calloc(8 * rw, sizeof *rs->mention_bits)) ||
      !(rs->req_off = kg_calloc(rs->nrules + 1, sizeof *rs->req_off)) ||
      !(rs->req_nsets = kg_calloc(rs->nrules + 1, 1))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  rs->quant_bits = rs->mention_bits + rw;
  rs->any_bits = rs->mention_bits + 2 * rw;
  rs->anchored_bits = rs->mention_bits + 3 * rw;
  rs->start_bits = rs->mention_bits + 4 * rw;
  rs->rule_words = rw;
  for (size_t i = 0; i < rs->nmention_rules; i++)
    rs->mention_bits[rs->mention_rules[i] / 64] |= 1ULL << (rs->mention_rules[i] % 64);
  for (size_t i = 0; i < rs->nquant_rules; i++)
    rs->quant_bits[rs->quant_rules[i] / 64] |= 1ULL << (rs->quant_rules[i] % 64);
  for (size_t i = 0; i < rs->nany_rules; i++)
    rs->any_bits[rs->any_rules[i] / 64] |= 1ULL << (rs->any_rules[i] % 64);
  for (size_t i = 0; i < rs->nrules; i++)
    if (rs->rules[i].anchored)
      rs->anchored_bits[i / 64] |= 1ULL << (i % 64);
  for (size_t c = 0; c < 4; c++)
    for (size_t w = 0; w < rw; w++)
      rs->start_bits[c * rw + w] = rs->any_bits[w] | ((c & 1) ? rs->mention_bits[w] : 0) |
                                   ((c & 2) ? rs->quant_bits[w] : 0);
  size_t nflat = 0;
  for (size_t i = 0; i < rs->nrules; i++)
    for (int q = 0; q < KGR_MAX_REQ && rs->rules[i].req[q]; q++)
      nflat += 1 + rs->rules[i].nreq[q];
  if (!(rs->req_flat = kg_malloc((nflat ? nflat : 1) * sizeof *rs->req_flat))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  nflat = 0;
  for (size_t i = 0; i < rs->nrules; i++) {
    const KgrRuleImpl *r = &rs->rules[i];
    rs->req_off[i] = nflat;
    for (int q = 0; q < KGR_MAX_REQ && r->req[q]; q++) {
      KgrReqBlk *hd = &rs->req_flat[nflat++], *blk = &rs->req_flat[nflat];
      size_t nb = 0;
      for (size_t k = 0; k < r->nreq[q]; k++) {
        size_t id = r->req[q][k], b;
        for (b = 0; b < nb && blk[b].word != id / 64; b++)
          ;
        if (b == nb)
          blk[nb].word = id / 64, blk[nb++].bits = 0;
        blk[b].bits |= 1ULL << (id % 64);
      }
      hd->word = nb;
      nflat += nb;
      rs->req_nsets[i]++;
    }
  }
  if ((st = kgr_index_req_rows(rs)) != KG_SUCCESS)
    goto out;
  if ((st = kgr_index_needs(rs)) != KG_SUCCESS)
    goto out;
  kgr_first_kinds(rs);
  rs->compiled = 1;
out:
  if (st != KG_SUCCESS)
    kgr_index_clear(rs);
  return st;
}

int kgr_ruleset_word_in_class(const KgrRuleSet *rs, const char *cls, const char *w) {
  char folded[KGR_MAX_WORD], pre[KGR_MAX_WORD + 1];
  long c = kgr_class_find(rs, cls);
  if (c < 0 || !kgr_fold(w, folded))
    return 0;
  const KgrClass *cl = &rs->classes[c];
  size_t n = strlen(folded);
  for (size_t l = 0; l <= n; l++) {
    long id;
    if (l == 0) {
      id = kgr_vocab_find(&rs->vocab, folded, n);
    } else {
      memcpy(pre, folded, l);
      pre[l] = '*';
      id = kgr_vocab_find(&rs->vocab, pre, l + 1);
    }
    for (size_t i = 0; id >= 0 && i < cl->n; i++)
      if (cl->ids[i] == (size_t)id)
        return 1;
  }
  return 0;
}

/* ------------------------------------------------------------------ input */

typedef struct {
  long ids[KGR_MAX_TOK_IDS];
  unsigned char nids;
} KgrTokIds;

struct KgrInputImpl {
  const KgtToken *toks;
  size_t ntoks;
  const KgmMention *ments;
  size_t nments;
  const KgrQuantity *quants;
  size_t nquants;
  KgrTokIds *tids;
  long *ment_first;   /* token -> first entry of ment_order starting there */
  size_t *ment_order; /* mention index per entry, entries sorted by start token: a mention
                         with a descriptor before its name has an entry at each start */
  size_t *ment_key;   /* start token of each entry */
  size_t *ment_end;   /* end token of each entry: its mention's, or the end of a descriptor
                         right after the name ("the Orsk unit") */
  size_t nment_entries;
  long *q_first;      /* token -> first quantity entry in q_order */
  size_t *q_order;
  size_t *q_key;
  unsigned char *has_ment; /* token inside a named mention (1) or only an anaphor (2, or 3
                              for a cataphor, which ~{m,n} gaps may skip) */
  unsigned char *adv_len;  /* tokens of the adverbial phrase starting there (0: none) */
  unsigned char *agent;    /* token inside the name of an organization or a person */
  /* scratch of kgr_match_span, sized for rs when the input was made (NULL when rs was not
   * compiled); busy while a match runs, so a nested call allocates its own */
  const KgrRuleSet *scratch_rs;
  uint64_t *scratch_bits;      /* KGR_SCAN_BITSETS bitsets over rules: rule_words each */
  uint64_t *scratch_present;   /* word ids in the sentence; all zero between calls */
  size_t *scratch_pos;         /* last token of each word id in the sentence (valid where
                                  present), then the last start of each rule */
  int scratch_busy;
  /* kgr_need_filter() of the types of the latest sentences: need_types[i] and its mask at
   * need_allowed + i * rule_words, need_n of them (the oldest replaced first) */
  unsigned need_types[KGR_NEED_CACHE];
  uint64_t *need_allowed;
  size_t need_n;
};

static size_t kgr_ment_start(const KgmMention *m) {
  return (m->desc_end > m->desc_start && m->desc_end <= m->tok_start && m->desc_start < m->tok_start)
             ? m->desc_start
             : m->tok_start;
}

/* Sort helpers need the mention array; qsort has no context, so sort by a key array. */
typedef struct {
  size_t key, len, idx;
} KgrKey;

static int kgr_cmp_key(const void *a, const void *b) {
  const KgrKey *x = a, *y = b;
  if (x->key != y->key)
    return x->key < y->key ? -1 : 1;
  if (x->len != y->len)
    return x->len > y->len ? -1 : 1; /* longest first */
  return x->idx < y->idx ? -1 : x->idx > y->idx;
}

static KgStatus kgr_order(size_t n, size_t ntoks, const size_t *starts, const size_t *ends,
                          const size_t *idx, size_t **order, size_t **keys, long **first,
                          size_t **ends_out) {
  KgrKey *k = kg_malloc((n ? n : 1) * sizeof *k);
  *order = kg_malloc((n ? n : 1) * sizeof **order);
  *keys = kg_malloc((n ? n : 1) * sizeof **keys);
  *first = kg_malloc((ntoks + 1) * sizeof **first);
  if (ends_out)
    *ends_out = kg_malloc((n ? n : 1) * sizeof **ends_out);
  if (!k || !*order || !*keys || !*first || (ends_out && !*ends_out)) {
    kg_free(k);
    return KG_ERR_NOMEM;
  }
  for (size_t i = 0; i < n; i++) {
    k[i].key = starts[i];
    k[i].len = ends[i] - starts[i];
    k[i].idx = idx[i];
  }
  /* mentions and quantities come sorted by their start: most keys are in order already */
  size_t in_order = 1;
  while (in_order < n && kgr_cmp_key(&k[in_order - 1], &k[in_order]) <= 0)
    in_order++;
  if (in_order < n)
    qsort(k, n, sizeof *k, kgr_cmp_key);
  for (size_t t = 0; t <= ntoks; t++)
    (*first)[t] = -1;
  for (size_t i = n; i-- > 0;) {
    (*order)[i] = k[i].idx;
    (*keys)[i] = k[i].key;
    if (ends_out)
      (*ends_out)[i] = k[i].key + k[i].len;
    if (k[i].key < ntoks)
      (*first)[k[i].key] = (long)i;
  }
  kg_free(k);
  return KG_SUCCESS;
}

int kgr_input_in_name(const KgrInput *in, size_t t) {
  return in && t < in->ntoks && in->has_ment[t] == 1;
}

int kgr_input_in_mention(const KgrInput *in, size_t t) {
  return in && t < in->ntoks && in->has_ment[t] != 0;
}

static int kgr_tok_has_id(const KgrTokIds *ti, size_t id) {
  for (unsigned i = 0; i < ti->nids; i++)
    if ((size_t)ti->ids[i] == id)
      return 1;
  return 0;
}

/* First index in [lo, hi) of rs->adv whose key (ids[@p k]) is not below @p x. */
static size_t kgr_adv_lower(const KgrRuleSet *rs, size_t lo, size_t hi, int k, size_t x) {
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (rs->adv[mid].ids[k] < x)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* Whether a word of token @p ti is in the class whose membership bits are @p bits. */
static inline int kgr_tok_in_bits(const uint64_t *bits, const KgrTokIds *ti) {
  for (unsigned i = 0; i < ti->nids; i++) {
    size_t x = (size_t)ti->ids[i];
    if (bits[x / 64] & (1ULL << (x % 64)))
      return 1;
  }
  return 0;
}

static inline int kgr_tok_in_class(const KgrRuleSet *rs, const KgrTokIds *ti, long cls) {
  return cls >= 0 && kgr_tok_in_bits(rs->classes[cls].bits, ti);
}

/* The length of the longest adverbial phrase starting at token @p t (0: none); tokens in
 * a name never start one. */
static unsigned char kgr_adverbial_at(const KgrRuleSet *rs, const KgrInput *in, size_t t) {
  unsigned best = 0;
  if (in->has_ment[t])
    return 0;
  for (unsigned i = 0; i < in->tids[t].nids; i++) {
    size_t x = (size_t)in->tids[t].ids[i];
    if (!((rs->adv_first[x / 64] >> (x % 64)) & 1))
      continue;
    const KgrTokIds *next = t + 1 < in->ntoks && in->toks[t + 1].sentence == in->toks[t].sentence
                                ? &in->tids[t + 1]
                                : NULL;
    size_t lo = rs->adv_start[x], hi = rs->adv[lo].group_end;
    for (; lo < hi && rs->adv[lo].n == 1; lo++)
      best = best ? best : 1;
    /* the phrases: only those whose second word the next token is */
    for (unsigned k = 0; next && k < next->nids && lo < hi; k++) {
      size_t y = (size_t)next->ids[k];
      if (!((rs->adv_second[y / 64] >> (y % 64)) & 1))
        continue;
      for (size_t a = kgr_adv_lower(rs, lo, hi, 1, y); a < hi && rs->adv[a].ids[1] == y; a++) {
        unsigned n = rs->adv[a].n, j = 2;
        if (n <= best || t + n > in->ntoks)
          continue;
        while (j < n && kgr_tok_has_id(&in->tids[t + j], rs->adv[a].ids[j]) &&
               in->toks[t + j].sentence == in->toks[t].sentence)
          j++;
        if (j == n)
          best = n;
      }
    }
  }
  return (unsigned char)best;
}

/* adv_len[] (all zero) of each token: kgr_adverbial_at() where a word of it opens some
 * adverbial and it names nothing, which few tokens do. What the loop reads is read into
 * locals first: a store to adv_len[] would have it read again at each token. */
static void kgr_adverbial_lens(const KgrRuleSet *rs, KgrInput *in) {
  const uint64_t *first = rs->adv_first;
  const KgrTokIds *tids = in->tids;
  const unsigned char *has_ment = in->has_ment;
  unsigned char *adv_len = in->adv_len;
  size_t ntoks = in->ntoks;
  for (size_t t = 0; t < ntoks; t++)
    if (!has_ment[t] && kgr_tok_in_bits(first, &tids[t]))
      adv_len[t] = kgr_adverbial_at(rs, in, t);
}

/* "in February", "in early March", « fin janvier »: a month no year follows makes an
 * adverbial (adv_len[]) of the DATE_ADVERBIAL word before it. What the loop reads is
 * read into locals first: a store to adv_len[] would have it read again at each token. */
static void kgr_month_adverbials(const KgrRuleSet *rs, KgrInput *in) {
  if (rs->dadv_cls < 0 || rs->month_cls < 0)
    return;
  const uint64_t *dadv = rs->classes[rs->dadv_cls].bits, *month = rs->classes[rs->month_cls].bits;
  const KgtToken *toks = in->toks;
  const KgrTokIds *tids = in->tids;
  const unsigned char *has_ment = in->has_ment;
  unsigned char *adv_len = in->adv_len;
  size_t ntoks = in->ntoks;
  for (size_t t = 0; t + 1 < ntoks; t++) {
    if (adv_len[t] || has_ment[t] || !kgr_tok_in_bits(dadv, &tids[t]))
      continue;
    size_t m = t + 1;
    if (m + 1 < ntoks && kgr_tok_in_bits(dadv, &tids[m]))
      m++;
    if (toks[m].sentence == toks[t].sentence && !has_ment[m] && kgr_tok_in_bits(month, &tids[m]))
      adv_len[t] = (unsigned char)(m + 1 - t);
  }
}

/* A lower-case word that is no function word: a noun or adjective qualifying a name. */
static int kgr_plain_word(const KgtToken *t) {
  return t->kind == KGT_WORD && !(t->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
         !kgt_is_function_word(t->fold ? t->fold : t->lower);
}

/* Whether an organization's name ending at token @p e owns the one starting at @p ds: a
 * possessive "'s" right after it, then up to three lower-case words ("Varnholt Inc.'s
 * Quorm", "Tessaline's venture arm Tessaline Ventures"). */
static int kgr_owned_after(const KgtToken *toks, size_t e, size_t ds) {
  if (ds < e + 1 || ds > e + 4)
    return 0;
  const KgtToken *p = &toks[e];
  if (strcmp(p->fold ? p->fold : p->lower, "'s") != 0)
    return 0;
  for (size_t k = e + 1; k < ds; k++)
    if (!kgr_plain_word(&toks[k]))
      return 0;
  return 1;
}

KgStatus kgr_input_new(const KgrRuleSet *rs, const KgtToken *toks, size_t ntoks,
                       const uint64_t *fold_hash, const KgmMention *ments, size_t nments,
                       const KgrQuantity *quants, size_t nquants, KgrInput **out) {
  KgStatus st = KG_ERR_NOMEM;
  size_t *starts = NULL, *ends = NULL, *idx = NULL;
  size_t nmax = 4 * nments > nquants ? 4 * nments : nquants, ne = 0;
  KgrInput *in = kg_calloc(1, sizeof *in);
  if (!in)
    return KG_ERR_NOMEM;
  in->toks = toks, in->ntoks = ntoks;
  in->ments = ments, in->nments = nments;
  in->quants = quants, in->nquants = nquants;
  /* tids: only nids needs a value up front (set per token below) */
  if (!(in->tids = kg_malloc((ntoks ? ntoks : 1) * sizeof *in->tids)) ||
      !(in->has_ment = kg_calloc(ntoks ? ntoks : 1, 1)) ||
      !(in->agent = kg_calloc(ntoks ? ntoks : 1, 1)) ||
      !(starts = kg_malloc((nmax ? nmax : 1) * sizeof *starts)) ||
      !(ends = kg_malloc((nmax ? nmax : 1) * sizeof *ends)) ||
      !(idx = kg_malloc((nmax ? nmax : 1) * sizeof *idx)))
    goto out;
  for (size_t i = 0; i < nments; i++) {
    if (ments[i].tok_start >= ments[i].tok_end || ments[i].tok_end > ntoks)
      continue;
    starts[ne] = ments[i].tok_start, ends[ne] = ments[i].tok_end, idx[ne++] = i;
    size_t ds = kgr_ment_start(&ments[i]);
    if (ds != ments[i].tok_start)
      starts[ne] = ds, ends[ne] = ments[i].tok_end, idx[ne++] = i;
    /* "Japan's Kanemura", "Germany's Brelmann": a country in the possessive before an
       organization's name is part of how the name is given; a capture (a list's item
       too) may start there */
    if (i > 0 && ds >= 2 && ments[i].cls != KG_CLASS_PLACE && ments[i].cls != KG_CLASS_PERSON &&
        ments[i].cls != KG_CLASS_PRODUCT && ments[i - 1].cls == KG_CLASS_PLACE &&
        ments[i - 1].tok_end == ds - 1 && ments[i - 1].tok_start < ds - 1 &&
        strcmp(toks[ds - 1].fold ? toks[ds - 1].fold : toks[ds - 1].lower, "'s") == 0)
      starts[ne] = ments[i - 1].tok_start, ends[ne] = ments[i].tok_end, idx[ne++] = i;
    /* "Varnholt Inc.'s Brisk", "Orsalis Corp's Quorm": so is an organization owning it,
       when the rule's capture fits the name after it (a list's item too: "trailing
       Dellamar.com Inc's Dellamar Cloud, Pexora and Varnholt Inc's Brisk Cloud") */
    else if (i > 0 && ments[i].cls <= KG_CLASS_GOVERNMENT_BODY &&
             (ments[i - 1].cls <= KG_CLASS_GOVERNMENT_BODY || ments[i - 1].cls == KG_CLASS_PERSON) &&
             !(ments[i - 1].flags & KGM_F_ANAPHOR) &&
             kgr_owned_after(toks, ments[i - 1].tok_end, ds))
      starts[ne] = ments[i - 1].tok_start, ends[ne] = ments[i].tok_end, idx[ne++] = i;
    /* "bought Orca maker Velbro", "shares of Orca owner Velbro": a product and a noun
       before an organization's name qualify it, as a descriptor does ("chipmaker Velbro");
       a capture may start at the product (the product stays a mention of its own) */
    else if (i > 0 && ments[i].cls <= KG_CLASS_GOVERNMENT_BODY &&
             ments[i - 1].cls == KG_CLASS_PRODUCT &&
             ((ments[i - 1].tok_end == ds && ds < ments[i].tok_start) ||
              (ments[i - 1].tok_end + 1 == ds && ds == ments[i].tok_start &&
               kgr_plain_word(&toks[ds - 1]))))
      starts[ne] = ments[i - 1].tok_start, ends[ne] = ments[i].tok_end, idx[ne++] = i;
    /* "the Orsk Ventures unit invested", "its Orsk fund said": a descriptor right after an
       organization's name is part of how it is given; a capture may end there */
    if (ments[i].cls <= KG_CLASS_GOVERNMENT_BODY && ments[i].desc_start == ments[i].tok_end &&
        ments[i].desc_end > ments[i].desc_start && ments[i].desc_end <= ntoks)
      starts[ne] = ments[i].tok_start, ends[ne] = ments[i].desc_end, idx[ne++] = i;
    /* names only: "its" in "Henley disclosed its stake" is no subject of its own */
    int agent = ments[i].cls != KG_CLASS_PRODUCT && ments[i].cls != KG_CLASS_PLACE &&
                !(ments[i].flags & KGM_F_ANAPHOR);
    for (size_t t = ments[i].tok_start; t < ments[i].tok_end; t++) {
      if (!(ments[i].flags & KGM_F_ANAPHOR) || !in->has_ment[t])
        in->has_ment[t] = (ments[i].flags & KGM_F_CATAPHOR) ? 3
                          : (ments[i].flags & KGM_F_ANAPHOR) ? 2 : 1;
      in->agent[t] |= (unsigned char)agent;
    }
  }
  in->nment_entries = ne;
  if ((st = kgr_order(ne, ntoks, starts, ends, idx, &in->ment_order, &in->ment_key,
                      &in->ment_first, &in->ment_end)) != KG_SUCCESS)
    goto out;
  ne = 0;
  for (size_t i = 0; i < nquants; i++) {
    if (quants[i].tok_start >= quants[i].tok_end || quants[i].tok_end > ntoks)
      continue;
    starts[ne] = quants[i].tok_start, ends[ne] = quants[i].tok_end, idx[ne++] = i;
  }
  if ((st = kgr_order(ne, ntoks, starts, ends, idx, &in->q_order, &in->q_key, &in->q_first,
                      NULL)) != KG_SUCCESS)
    goto out;
  in->nquants = ne;
  if (rs->compiled && rs->rule_words) {
    size_t vw = (rs->vocab.n + 63) / 64;
    size_t nbits = KGR_SCAN_BITSETS * rs->rule_words;
    if (!(in->scratch_bits = kg_malloc(nbits * sizeof *in->scratch_bits)) ||
        !(in->scratch_present = kg_calloc(vw ? vw : 1, sizeof *in->scratch_present)) ||
        !(in->scratch_pos = kg_malloc((vw + rs->rule_words) * 64 * sizeof *in->scratch_pos)) ||
        !(in->need_allowed =
              kg_malloc(KGR_NEED_CACHE * rs->rule_words * sizeof *in->need_allowed))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    in->scratch_rs = rs;
  }
  const KgrVocab *v = &rs->vocab;
  for (size_t t = 0; t < ntoks; t++) {
    char buf[KGR_MAX_WORD];
    const KgtToken *tk = &toks[t];
    const char *w = tk->fold ? tk->fold : tk->lower;
    KgrTokIds *ti = &in->tids[t];
    ti->nids = 0;
    if (!w)
      continue;
    uint64_t hp[KGR_MAX_WORD + 1], h = KGT_PHRASE_SEED;
    size_t n = tk->end - tk->start;
    const char *key = buf;
    if (fold_hash && tk->fold && !v->max_prefix && n + 1 < KGR_MAX_WORD &&
        tk->cp_end - tk->cp_start == n) {
      /* an ASCII token (as many code points as bytes, and no NUL: that is a space) folds
       * to its lower-case text, which is its fold string, hashed by the tokenizer already;
       * prefix entries would want the hashes of its prefixes too */
      key = tk->fold;
      h = fold_hash[t];
    } else {
      /* one pass folds and hashes the word and every prefix of it ("invest*" = "invest"
       * then '*'); a word with other than ASCII bytes is folded by kgr_fold_len() first */
      const unsigned char *u = (const unsigned char *)w;
      for (n = 0; u[n] && u[n] < 0x80 && n + 1 < KGR_MAX_WORD; n++) {
        unsigned char c = (unsigned char)(((unsigned)(u[n] - 'A') < 26u) ? u[n] + 32 : u[n]);
        buf[n] = (char)c;
        hp[n] = h;
        h = (h ^ c) * 1099511628211ULL;
      }
      if (u[n]) {
        if ((n = kgr_fold_len(w, buf)) == (size_t)-1)
          continue;
        h = KGT_PHRASE_SEED;
        for (size_t k = 0; k < n; k++) {
          hp[k] = h;
          h = (h ^ (unsigned char)buf[k]) * 1099511628211ULL;
        }
      } else {
        buf[n] = '\0';
      }
      hp[n] = h;
    }
    long id = kgr_vocab_find_h(v, key, n, h);
    if (id >= 0)
      ti->ids[ti->nids++] = id;
    if (v->max_prefix) {
      char pre[KGR_MAX_WORD + 1];
      for (size_t l = v->min_prefix; l <= n && l <= v->max_prefix && ti->nids < KGR_MAX_TOK_IDS; l++) {
        if (l < 64 && !(v->prefix_lens & ((uint64_t)1 << l)))
          continue; /* no entry of this length: save the probe */
        memcpy(pre, buf, l);
        pre[l] = '*';
        if ((id = kgr_vocab_find_h(v, pre, l + 1, (hp[l] ^ (unsigned char)'*') * 1099511628211ULL)) >= 0)
          ti->ids[ti->nids++] = id;
      }
    }
    if (v->max_suffix) {
      char suf[KGR_MAX_WORD + 1];
      for (size_t l = v->min_suffix; l < n && l <= v->max_suffix && ti->nids < KGR_MAX_TOK_IDS; l++) {
        if (l < 64 && !(v->suffix_lens & ((uint64_t)1 << l)))
          continue;
        unsigned char f0 = (unsigned char)key[n - l];
        if (!(v->suffix_first[f0 >> 6] & ((uint64_t)1 << (f0 & 63))))
          continue; /* no suffix entry starts with that byte: "-based" needs a '-' */
        suf[0] = '*';
        memcpy(suf + 1, key + n - l, l + 1);
        if ((id = kgr_vocab_find(v, suf, l + 1)) >= 0)
          ti->ids[ti->nids++] = id;
      }
    }
  }
  if ((rs->nadv || rs->dadv_cls >= 0) && !(in->adv_len = kg_calloc(ntoks ? ntoks : 1, 1))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  if (rs->nadv)
    kgr_adverbial_lens(rs, in);
  /* « a cédé en 2023 sa filiale », "sold in 2019 its unit": a date its preposition opens
     is an adverbial too, where the pattern wants another word */
  for (size_t i = 0; rs->dadv_cls >= 0 && i < nquants; i++) {
    const KgrQuantity *q = &quants[i];
    size_t t = q->tok_start;
    if (q->kind != KGR_Q_DATE || q->tok_end <= t || q->tok_end > ntoks)
      continue;
    /* the date may hold its preposition already (« fin 2023 ») or follow it */
    if (!kgr_tok_in_class(rs, &in->tids[t], rs->dadv_cls)) {
      if (t == 0 || in->has_ment[t - 1] || toks[t - 1].sentence != toks[t].sentence ||
          !kgr_tok_in_class(rs, &in->tids[t - 1], rs->dadv_cls))
        continue;
      t--;
    }
    if (q->tok_end - t < 256 && in->adv_len[t] < q->tok_end - t)
      in->adv_len[t] = (unsigned char)(q->tok_end - t);
  }
  kgr_month_adverbials(rs, in);
  st = KG_SUCCESS;
out:
  kg_free(starts);
  kg_free(ends);
  kg_free(idx);
  if (st != KG_SUCCESS) {
    kgr_input_free(in);
    return st;
  }
  *out = in;
  return KG_SUCCESS;
}

long kgr_ruleset_class(const KgrRuleSet *rs, const char *name) {
  return rs ? kgr_class_find(rs, name) : -1;
}

int kgr_input_token_in_class(const KgrRuleSet *rs, const KgrInput *in, size_t tok, long cls) {
  if (!rs || !in || tok >= in->ntoks || cls < 0 || !rs->compiled)
    return 0;
  const KgrTokIds *ti = &in->tids[tok];
  for (unsigned i = 0; i < ti->nids; i++) {
    size_t x = (size_t)ti->ids[i];
    if (rs->classes[cls].bits[x / 64] & (1ULL << (x % 64)))
      return 1;
  }
  return 0;
}

void kgr_input_free(KgrInput *in) {
  if (!in)
    return;
  kg_free(in->tids);
  kg_free(in->has_ment);
  kg_free(in->adv_len);
  kg_free(in->agent);
  kg_free(in->ment_first);
  kg_free(in->ment_order);
  kg_free(in->ment_key);
  kg_free(in->ment_end);
  kg_free(in->q_first);
  kg_free(in->q_order);
  kg_free(in->q_key);
  kg_free(in->scratch_bits);
  kg_free(in->scratch_present);
  kg_free(in->scratch_pos);
  kg_free(in->need_allowed);
  kg_free(in);
}

/* ------------------------------------------------------------------ matching */

typedef struct KgrFrame {
  int node;
  const struct KgrFrame *up;
} KgrFrame;

/* The items an opening capture of one first_kind found at a token: the rules of a kind
 * that open at the same token would each find the same ones (kgr_items_at()), and about
 * half of the opening captures tried are such repeats. */
typedef struct {
  size_t at; /* 1 + the token, 0 when none yet in this span */
  size_t k;
  size_t idx[8], endv[8];
} KgrFirstItems;

typedef struct {
  const KgrRuleSet *rs;
  const KgrInput *in;
  const KgrRuleImpl *rule;
  size_t a, b;
  KgrMatch m;
  size_t end;
  size_t start; /* where the rule is tried */
  long steps;
  size_t first_items; /* items the rule's opening capture found at start (SIZE_MAX: none
                         asked); with none, no rule of its first_kind can match there */
  KgrFirstItems *memo; /* by first_kind */
  size_t ncaught; /* the items in all of m.slot[]: see kgr_only_captured() */
} KgrState;

/* Whether token @p ti is one of the @p n sorted word @p ids, whose bits id % 64 are
 * @p idmask. */
static int kgr_tok_has(const KgrTokIds *ti, const size_t *ids, size_t n, uint64_t idmask) {
  for (unsigned i = 0; i < ti->nids; i++) {
    size_t lo = 0, hi = n, x = (size_t)ti->ids[i];
    if (!((idmask >> (x % 64)) & 1))
      continue;
    while (lo < hi) {
      size_t mid = (lo + hi) / 2;
      if (ids[mid] == x)
        return 1;
      if (ids[mid] < x)
        lo = mid + 1;
      else
        hi = mid;
    }
  }
  return 0;
}

static inline int kgr_atom_at(const KgrState *s, const KgrNode *nd, size_t pos) {
  const KgrTokIds *ti = &s->in->tids[pos];
  int hit;
  if (nd->kind == N_ANY)
    return 1;
  if (nd->kind == N_LIT)
    hit = kgr_tok_has(ti, nd->ids, nd->nids, nd->idmask);
  else
    hit = kgr_tok_in_class(s->rs, ti, nd->cls);
  return nd->neg ? !hit : hit;
}

static inline unsigned kgr_mention_type(const KgmMention *m) {
  switch (m->cls) {
  case KG_CLASS_ORGANIZATION: return T_ORG;
  case KG_CLASS_COMPANY: return T_COMPANY;
  case KG_CLASS_NONPROFIT: return T_NONPROFIT;
  case KG_CLASS_INVESTMENT_FIRM: return T_INVESTOR;
  case KG_CLASS_NEWS_ORGANIZATION: return T_NEWS;
  case KG_CLASS_GOVERNMENT_BODY: return T_GOV;
  case KG_CLASS_PERSON: return T_PERSON;
  case KG_CLASS_PRODUCT: return T_PRODUCT;
  case KG_CLASS_PLACE:
    if (!(m->flags & KGM_F_DEMONYM))
      return T_PLACE;
    return (m->flags & KGM_F_LOWER) ? T_DEMONYM | T_ADJDEMONYM : T_DEMONYM;
  default: return 0;
  }
}

static unsigned kgr_quant_type(const KgrQuantity *q) {
  switch (q->kind) {
  case KGR_Q_MONEY: return T_MONEY;
  case KGR_Q_PERCENT: return T_PERCENT;
  case KGR_Q_DATE: return T_DATE;
  case KGR_Q_COUNT: return T_COUNT;
  default: return 0;
  }
}

static int kgr_seq_match(KgrState *s, int n, size_t pos, const KgrFrame *up);
static size_t kgr_phrase_start(const KgrState *s, size_t pos);

/* Items of one capture that start at @p pos: mention or quantity indices with their end
 * token. Returns how many (at most @p max). Starting at a determiner is allowed. */
/* A person named after a title phrase: "Zorbex co-founder Ana Ruiz", "former Quintal
 * chief executive Paul Brand", "l'ancien patron de Quintal Paul Brand". The phrase holds
 * determiners, PERSON_PREMOD words, organization mentions and at least one PERSON_ROLE
 * word; a role word or an organization stands right before the name. Returns the person mention's index or -1. */
static long kgr_premod_person(const KgrState *s, size_t pos) {
  const KgrRuleSet *rs = s->rs;
  const KgrInput *in = s->in;
  if (rs->prole_cls < 0)
    return -1;
  size_t p = pos;
  int has_role = 0, last_ok = 0, dem = 0; /* last: a role word or an organization name */
  for (int steps = 0; steps < 8 && p < s->b; steps++) {
    const KgrTokIds *ti = &in->tids[p];
    long person = -1, org_end = -1, adj_end = -1, dem_end = -1;
    for (long j = in->ment_first[p]; j >= 0 && (size_t)j < in->nment_entries; j++) {
      if (in->ment_key[j] != p)
        break;
      const KgmMention *m = &in->ments[in->ment_order[j]];
      if (m->tok_end > s->b)
        continue;
      unsigned t = kgr_mention_type(m);
      if (t == T_PERSON)
        person = (long)in->ment_order[j];
      else if (t & T_ADJDEMONYM)
        adj_end = (long)m->tok_end; /* « l'homme d'affaires brésilien Paulo Arvez » */
      else if (t & T_DEMONYM)
        dem_end = (long)m->tok_end; /* "Italian sea captain Gianluigi Velo" */
      else if ((t & T_ORGS) &&
               (long)m->tok_end > org_end)
        org_end = (long)m->tok_end;
    }
    if (person >= 0 && has_role && last_ok && p > pos)
      return person;
    if (kgr_tok_in_class(rs, ti, rs->prole_cls)) {
      has_role = last_ok = 1;
      p++;
    } else if (org_end > (long)p) {
      last_ok = 1;
      p = (size_t)org_end;
    } else if (adj_end > (long)p && has_role && last_ok) {
      p = (size_t)adj_end; /* a demonym after the role keeps it next to the name */
    } else if (dem_end > (long)p && !has_role) {
      last_ok = 0;
      dem = 1;
      p = (size_t)dem_end;
    } else if (dem && !has_role && p + 1 < s->b && kgr_plain_word(&in->toks[p]) && !in->has_ment[p] &&
               (kgr_tok_in_class(rs, &in->tids[p + 1], rs->prole_cls) ||
                (p + 2 < s->b && !in->has_ment[p + 1] && kgr_plain_word(&in->toks[p + 1]) &&
                 kgr_tok_in_class(rs, &in->tids[p + 2], rs->prole_cls)))) {
      /* after a demonym, lower-case words that qualify the role: "Italian sea captain" */
      last_ok = 0;
      p++;
    } else if (kgr_tok_in_class(rs, ti, rs->det_cls) ||
               (rs->pmod_cls >= 0 && kgr_tok_in_class(rs, ti, rs->pmod_cls))) {
      last_ok = 0;
      p++;
    } else {
      break;
    }
  }
  return -1;
}

/* 1 when a mention of a type in @p tmask, within the sentence, is keyed at token @p q (an
 * anaphor only if @p anaphors). */
static int kgr_mention_keyed(const KgrState *s, size_t q, unsigned tmask, int anaphors) {
  const KgrInput *in = s->in;
  for (long i = in->ment_first[q]; i >= 0 && (size_t)i < in->nment_entries; i++) {
    if (in->ment_key[i] != q)
      break;
    const KgmMention *n = &in->ments[in->ment_order[i]];
    if (n->tok_end <= s->b && (kgr_mention_type(n) & tmask) &&
        (anaphors || !(n->flags & KGM_F_ANAPHOR)))
      return 1;
  }
  return 0;
}

static int kgr_tok_is(const KgrState *s, size_t p, const char *w) {
  const KgtToken *t = &s->in->toks[p];
  const char *f = t->fold ? t->fold : t->lower;
  /* most calls ask for a punctuation mark the token is not: its first byte tells */
  return f && f[0] == w[0] && strcmp(f, w) == 0;
}

/* A dash standing alone (they all fold to "-"). */
static int kgr_tok_dash(const KgrState *s, size_t p) {
  return kgr_tok_is(s, p, "-") || kgr_tok_is(s, p, "--");
}

static size_t kgr_descriptor_modifiers(const KgrState *s, size_t p, unsigned tmask);

/* Token @p t places what follows (class PLACE_SUFFIX: "Ohio-based",
 * "Vessia-headquartered"). */
static int kgr_place_suffix(const KgrState *s, size_t t) {
  return kgr_tok_in_class(s->rs, &s->in->tids[t], s->rs->psuf_cls);
}

/* A place mentioned from token @p p, or NULL. */
static const KgmMention *kgr_mention_at(const KgrState *s, size_t p, unsigned tmask) {
  const KgrInput *in = s->in;
  for (long j = in->ment_first[p]; j >= 0 && (size_t)j < in->nment_entries; j++) {
    if (in->ment_key[j] != p)
      break;
    const KgmMention *m = &in->ments[in->ment_order[j]];
    if (m->tok_start == p && (kgr_mention_type(m) & tmask))
      return m;
  }
  return NULL;
}

static const KgmMention *kgr_place_at(const KgrState *s, size_t p) {
  return kgr_mention_at(s, p, T_PLACE);
}

/* The end of a place or demonym mention that starts at @p p and is followed at once by a
 * mention of a type in @p tmask: "the German publisher Brantor", "the U.S. private equity
 * firm KKR", "au suédois Velmora" (the adjective places the organization; the name is what
 * is captured). 0 when there is none. */
static size_t kgr_place_adjective(const KgrState *s, size_t p, unsigned tmask) {
  const KgrInput *in = s->in;
  for (long j = in->ment_first[p]; j >= 0 && (size_t)j < in->nment_entries; j++) {
    if (in->ment_key[j] != p)
      break;
    const KgmMention *m = &in->ments[in->ment_order[j]];
    if (m->tok_start != p || m->tok_end >= s->b || !(kgr_mention_type(m) & (T_PLACE | T_DEMONYM)))
      continue;
    size_t q = m->tok_end;
    /* "U.S.-listed", "U.S.-based": after an abbreviation's dot the hyphen and the participle
       are tokens of their own */
    int hyph = 0;
    if (q + 2 < s->b && kgr_tok_is(s, q, "-") && in->toks[q + 1].kind == KGT_WORD &&
        !(in->toks[q + 1].flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && in->toks[q + 1].start == in->toks[q].end) {
      const char *w = in->toks[q + 1].lower;
      size_t wl = strlen(w);
      if (wl > 3 && w[wl - 2] == 'e' && w[wl - 1] == 'd')
        q += 2, hyph = 1;
    }
    /* "Marlow, Vessia-based Quintal": a town, a comma and the hyphenated place */
    if (q + 1 < s->b && kgr_tok_is(s, q, ",") && !kgr_place_suffix(s, q - 1)) {
      const KgmMention *m2 = kgr_place_at(s, q + 1);
      if (m2 && m2->tok_end < s->b && kgr_place_suffix(s, m2->tok_end - 1))
        q = m2->tok_end;
    }
    /* a descriptor comes next, in lower case ("American Motors" is one name), or the
     * adjective is in lower case itself ("au suédois Velmora"), or hyphenated
     * ("Ohio-based Quintal") */
    if ((in->toks[q].flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
        (in->toks[p].flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && !kgr_place_suffix(s, q - 1) && !hyph)
      continue;
    if (kgr_mention_keyed(s, q, tmask, 1))
      return q;
    /* "Danish chip firm Brantel": lower-case words before the descriptor too */
    size_t r = kgr_descriptor_modifiers(s, q, tmask);
    if (r)
      return r;
  }
  return 0;
}

/* The name starting at @p q stands before a noun it qualifies ("Halvik compatible computers",
 * "the USDA state crop report", "six Brelix Aero 767 aircraft"): a lower-case word that is
 * no function word nor a company noun ("Borsig GmbH subsidiary" is the company), or a
 * number, follows its longest mention. */
static int kgr_name_modifies(const KgrState *s, size_t q) {
  const KgrInput *in = s->in;
  size_t e = q;
  for (long i = in->ment_first[q]; i >= 0 && (size_t)i < in->nment_entries; i++) {
    if (in->ment_key[i] != q)
      break;
    if (in->ments[in->ment_order[i]].tok_end > e)
      e = in->ments[in->ment_order[i]].tok_end;
  }
  if (e >= s->b)
    return 0;
  const KgtToken *w = &in->toks[e];
  const char *f = w->fold ? w->fold : w->lower;
  if (w->kind == KGT_NUMBER)
    return 1;
  return w->kind == KGT_WORD && !(w->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && f &&
         !kgt_is_function_word(f) && !kgr_tok_in_class(s->rs, &in->tids[e], s->rs->orgnoun_cls) &&
         !kgr_tok_in_class(s->rs, &in->tids[e], s->rs->apposnoun_cls) &&
         !kgr_tok_in_class(s->rs, &in->tids[e], s->rs->sep_cls) &&
         !kgr_tok_in_class(s->rs, &in->tids[e], s->rs->conj_cls);
}

/* Where an organization named with a descriptor starts after one or two words that
 * qualify the descriptor: "the newsletter publisher Brantor", "the business news site
 * Quillex" (the words are in lower case, no function word, name nothing; the descriptor
 * is in lower case too). 0 when there is none. */
static size_t kgr_descriptor_modifiers(const KgrState *s, size_t p, unsigned tmask) {
  const KgrInput *in = s->in;
  size_t lim = p + 3;
  for (size_t q = p + 1; q <= lim && q < s->b; q++) {
    const KgtToken *w = &in->toks[q - 1];
    const char *f = w->fold ? w->fold : w->lower;
    /* "copper and gold miner Quarvo": two words joined, qualifying the descriptor */
    if (q == p + 2 && lim == p + 3 && f && (strcmp(f, "and") == 0 || strcmp(f, "et") == 0) &&
        q < s->b && in->toks[q].kind == KGT_WORD &&
        !(in->toks[q].flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && !in->has_ment[q]) {
      lim = p + 4;
      continue;
    }
    /* "smaller U.S. rival Velmora": a place adjective after the lower-case words */
    if (q > p + 1 && (w->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) && in->has_ment[q - 1]) {
      size_t r = kgr_place_adjective(s, q - 1, tmask);
      if (r)
        return r;
    }
    if (w->kind != KGT_WORD || (w->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) || in->has_ment[q - 1] ||
        !f || kgt_is_function_word(f) || kgr_tok_in_class(s->rs, &in->tids[q - 1], s->rs->det_cls) ||
        kgr_tok_in_class(s->rs, &in->tids[q - 1], s->rs->nomod_cls) ||
        kgr_tok_in_class(s->rs, &in->tids[q - 1], s->rs->sep_cls) ||
        kgr_tok_in_class(s->rs, &in->tids[q - 1], s->rs->conj_cls))
      return 0;
    if (q <= p + 2 && !(in->toks[q].flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
        kgr_mention_keyed(s, q, tmask, 0))
      return q;
    /* "to buy merchant processor Velpay", "video game maker Tarlo": a bare noun phrase the
       lexicon does not hold as a descriptor, right before a name */
    /* after a word (", bought Quillex" opens on a verb), not a possessive: « et son allié
       Dorvex » is another party, not the item */
    if ((in->toks[q].flags & KGT_F_CAP) && in->has_ment[q] == 1 && kgr_mention_keyed(s, q, tmask, 0) &&
        !kgr_name_modifies(s, q) && p > s->a && in->toks[p - 1].kind == KGT_WORD &&
        !kgr_tok_in_class(s->rs, &in->tids[p - 1], s->rs->possdet_cls))
      return q;
  }
  return 0;
}

/* "co-owned by former Halvik Media boss Ann Velo's Tarlo Co and …": for a capture that takes
 * organizations, the one a person's possessive names is the item, not the person. */
static void kgr_possessed_org(const KgrState *s, const KgrNode *nd, size_t *idx, size_t *endv) {
  const KgrInput *in = s->in;
  size_t e = *endv;
  if (!(nd->tmask & T_ORGS) || e + 1 >= s->b || !kgr_tok_is(s, e, "'s") ||
      in->ments[*idx].cls != KG_CLASS_PERSON)
    return; /* an organization's possessive is the rules' to read ("Orsk's parent Velmar") */
  for (long j = in->ment_first[e + 1]; j >= 0 && (size_t)j < in->nment_entries; j++) {
    if (in->ment_key[j] != e + 1)
      break;
    const KgmMention *m = &in->ments[in->ment_order[j]];
    if (m->tok_start == e + 1 && in->ment_end[j] <= s->b &&
        (kgr_mention_type(m) & nd->tmask & T_ORGS) && !(m->flags & KGM_F_ANAPHOR)) {
      *idx = in->ment_order[j];
      *endv = in->ment_end[j];
      return;
    }
  }
}

/* Whether the pattern from node @p n may read one of the tokens [t0, t1) (the words between
 * a possessive and the name they lead to) as a literal or a class, through gaps, groups and
 * optional elements: « son rival X » is read by a rule that goes on with « rival » after its
 * @S, and the possessive is then its subject. */
static int kgr_node_may_take(const KgrState *s, int n, size_t t0, size_t t1, int depth) {
  if (n < 0 || depth > 6 || t0 >= s->b)
    return 0;
  const KgrNode *nd = &s->rule->nodes[n];
  switch (nd->kind) {
  case N_LIT:
  case N_CLASS:
    if (nd->behind)
      return kgr_node_may_take(s, nd->next, t0, t1, depth + 1);
    for (size_t t = t0; t < t1 && t < s->b && !nd->neg; t++)
      if (kgr_atom_at(s, nd, t))
        return 1;
    break;
  case N_GROUP:
    for (size_t a = 0; a < nd->nalts; a++)
      if (kgr_node_may_take(s, nd->alts[a], t0, t1, depth + 1))
        return 1;
    break;
  case N_GAP:
    return kgr_node_may_take(s, nd->next, t0, t1, depth + 1);
  default:
    return 0;
  }
  return nd->min == 0 && kgr_node_may_take(s, nd->next, t0, t1, depth + 1);
}

/* Where the descriptor of a mention starting at @p p ends (« rival » in « rival Velmar »);
 * p + 1 when none has one. */
static size_t kgr_desc_end_at(const KgrState *s, size_t p) {
  const KgrInput *in = s->in;
  size_t e = p + 1;
  for (long j = in->ment_first[p]; j >= 0 && (size_t)j < in->nment_entries; j++) {
    if (in->ment_key[j] != p)
      break;
    const KgmMention *m = &in->ments[in->ment_order[j]];
    if (m->tok_start == p && m->desc_end > m->desc_start && m->desc_end > e)
      e = m->desc_end;
  }
  return e;
}

/* Drops from the first *@p k0 of the *@p k items the possessive read alone at @p pos (one
 * token, an anaphor): the name it leads to is the capture ("its rival Velmar"). */
static void kgr_drop_possessive(const KgrState *s, size_t pos, size_t *idx, size_t *endv,
                                size_t *k, size_t *k0) {
  for (size_t i = 0; i < *k0;) {
    const KgmMention *pm = &s->in->ments[idx[i]];
    if ((pm->flags & KGM_F_ANAPHOR) && pm->tok_start == pos && pm->tok_end == pos + 1) {
      memmove(&idx[i], &idx[i + 1], (*k - i - 1) * sizeof *idx);
      memmove(&endv[i], &endv[i + 1], (*k - i - 1) * sizeof *endv);
      (*k)--, (*k0)--;
    } else {
      i++;
    }
  }
}

/* *@p by_rule is set when the items found depend on more of the rule than the capture's
 * first_kind (its slot and what comes after it: the possessive tests below). */
static size_t kgr_items_at(const KgrState *s, const KgrNode *nd, size_t pos, size_t *idx,
                           size_t *endv, size_t max, int *by_rule) {
  size_t k = 0;
  const KgrInput *in = s->in;
  if ((nd->tmask & T_PERSON) && max > 0) {
    long pm = kgr_premod_person(s, pos);
    if (pm >= 0) {
      idx[0] = (size_t)pm;
      endv[0] = in->ments[pm].tok_end;
      kgr_possessed_org(s, nd, &idx[0], &endv[0]);
      return 1;
    }
  }
  for (int skip = 0; skip < 2 && k < max; skip++) {
    size_t p = pos + (size_t)skip, k0 = k;
    if (p >= s->b)
      break;
    /* not "that" opening a clause ("… and that Orsk's chief executive would …") */
    if (skip && (!kgr_tok_in_class(s->rs, &in->tids[pos], s->rs->det_cls) ||
                 kgr_tok_in_class(s->rs, &in->tids[pos], s->rs->compl_cls)))
      break;
    /* "bought Orvex-backed Tarsis", "rivals including Halvik-owned Orvane": a name inside
       a hyphenated modifier (class PLACE_SUFFIX) is not the object; the name it qualifies
       is ("Orvex-backed" itself is read by rules that look behind at it) */
    if (kgr_cap_past_modifier(s->rule, nd)) {
      for (long j = in->ment_first[p]; j >= 0 && (size_t)j < in->nment_entries; j++) {
        if (in->ment_key[j] != p)
          break;
        const KgmMention *m = &in->ments[in->ment_order[j]];
        if (m->tok_start == p && m->tok_end < s->b && !(kgr_mention_type(m) & T_PLACE) &&
            kgr_place_suffix(s, m->tok_end - 1) && in->has_ment[m->tok_end]) {
          p = m->tok_end;
          break;
        }
      }
    }
    if (nd->tmask & T_MENTIONS) {
      for (long j = in->ment_first[p]; j >= 0 && (size_t)j < in->nment_entries && k < max; j++) {
        if (in->ment_key[j] != p)
          break;
        const KgmMention *m = &in->ments[in->ment_order[j]];
        if (in->ment_end[j] > s->b || !(kgr_mention_type(m) & nd->tmask) ||
            (nd->named && (m->flags & KGM_F_ANAPHOR) && !(m->flags & KGM_F_SURE)))
          continue;
        idx[k] = in->ment_order[j];
        endv[k++] = in->ment_end[j];
      }
      /* « fondé par l'Américain Briggs Tarlo »: past a capitalised demonym noun to the
         person it describes */
      const KgmMention *dm;
      if (k == k0 && (nd->tmask & T_PERSON) && p + 1 < s->b && (in->toks[p].flags & KGT_F_CAP)) {
        int dem = (dm = kgr_mention_at(s, p, T_DEMONYM)) != NULL && dm->tok_end == p + 1;
        for (long j = dem ? in->ment_first[p + 1] : -1; j >= 0 && (size_t)j < in->nment_entries && k < max; j++) {
          if (in->ment_key[j] != p + 1)
            break;
          const KgmMention *m = &in->ments[in->ment_order[j]];
          if (m->cls == KG_CLASS_PERSON && in->ment_end[j] <= s->b) {
            idx[k] = in->ment_order[j];
            endv[k++] = in->ment_end[j];
          }
        }
      }
      /* past a place adjective to an organization, for captures that take no place
       * themselves ("le président américain P" is a head of state, not an officer) */
      size_t q;
      const unsigned orgs = T_ORGS;
      if (k == k0 && !(nd->tmask & (T_PLACE | T_DEMONYM)) &&
          ((q = kgr_place_adjective(s, p, nd->tmask & orgs)) != 0 ||
           (q = kgr_descriptor_modifiers(s, p, nd->tmask & orgs)) != 0)) {
        /* "to buy its German rival Velmar AG", "its smaller rival Velmar": past a possessive
           determiner and the modifiers of a description, the name it leads to is the capture,
           not the possessive read alone (the buyer would buy itself); for the nouns of class
           POSS_OR_MOD only: "its frozen-food unit Polarix" keeps both readings for the rules
           that read the possessive; so is a subject's: "Its rival Velmar bought …", « Son
           rival Velmar a racheté … » */
        if (skip == 1 && k0 > 0 && kgr_tok_in_class(s->rs, &in->tids[pos], s->rs->possdet_cls) &&
            kgr_tok_in_class(s->rs, &in->tids[q], s->rs->possmod_cls) && (*by_rule = 1) &&
            (nd->cap == KGR_CAP_O || (nd->cap == KGR_CAP_S && !kgr_node_may_take(s, nd->next, p, q + 1, 0))))
          kgr_drop_possessive(s, pos, idx, endv, &k, &k0);
        for (long j = in->ment_first[q]; j >= 0 && (size_t)j < in->nment_entries && k < max; j++) {
          if (in->ment_key[j] != q)
            break;
          const KgmMention *m = &in->ments[in->ment_order[j]];
          if (m->tok_end > s->b || !(kgr_mention_type(m) & nd->tmask & orgs) ||
              (nd->named && (m->flags & KGM_F_ANAPHOR) && !(m->flags & KGM_F_SURE)))
            continue;
          idx[k] = in->ment_order[j];
          endv[k++] = m->tok_end;
        }
      }
      /* « Son rival Velmar a racheté … »: the descriptor is part of the name's mention, which
         then starts right after the possessive; the possessive alone is no capture either */
      if (skip == 1 && k0 > 0 && k > k0 && kgr_tok_in_class(s->rs, &in->tids[pos], s->rs->possdet_cls) &&
          kgr_tok_in_class(s->rs, &in->tids[p], s->rs->possmod_cls) && (*by_rule = 1) &&
          (nd->cap == KGR_CAP_O || nd->cap == KGR_CAP_S) &&
          !kgr_node_may_take(s, nd->next, p, kgr_desc_end_at(s, p), 0))
        kgr_drop_possessive(s, pos, idx, endv, &k, &k0);
    } else {
      for (long j = in->q_first[p]; j >= 0 && (size_t)j < in->nquants && k < max; j++) {
        if (in->q_key[j] != p)
          break;
        const KgrQuantity *q = &in->quants[in->q_order[j]];
        if (q->tok_end > s->b || !(kgr_quant_type(q) & nd->tmask))
          continue;
        idx[k] = in->q_order[j];
        endv[k++] = q->tok_end;
      }
    }
  }
  /* « a pris le contrôle du groupe »: the pattern took the contracted determiner that opens
     the description (« du groupe » is one anaphor), so the description starts one token
     before the cursor */
  if (k == 0 && (nd->tmask & T_MENTIONS) && pos > s->start && pos < s->b &&
      kgr_tok_in_class(s->rs, &in->tids[pos - 1], s->rs->det_cls)) {
    for (long j = in->ment_first[pos - 1]; j >= 0 && (size_t)j < in->nment_entries && k < max; j++) {
      if (in->ment_key[j] != pos - 1)
        break;
      const KgmMention *m = &in->ments[in->ment_order[j]];
      if (!(m->flags & KGM_F_ANAPHOR) || m->tok_start != pos - 1 || in->ment_end[j] <= pos ||
          in->ment_end[j] > s->b || !(kgr_mention_type(m) & nd->tmask) ||
          (nd->named && !(m->flags & KGM_F_SURE)))
        continue;
      /* only a description that ends its phrase: where a word goes on with it (« du groupe
         socialiste », « du groupe de travail », « du groupe Avril ») it is another group; a
         verb (class NOT_MODIFIER) or a date may follow (« du groupe a chuté », « du groupe en
         2021 ») */
      size_t me = in->ment_end[j];
      if (me < s->b && in->toks[me].kind != KGT_PUNCT &&
          !kgr_tok_in_class(s->rs, &in->tids[me], s->rs->nomod_cls) && in->q_first[me] < 0 &&
          !(me + 1 < s->b && in->q_first[me + 1] >= 0 &&
            !(in->toks[me].flags & (KGT_F_CAP | KGT_F_ALLCAPS))))
        continue;
      idx[k] = in->ment_order[j];
      endv[k++] = in->ment_end[j];
    }
  }
  if (nd->tmask & T_MENTIONS)
    for (size_t i = 0; i < k; i++)
      kgr_possessed_org(s, nd, &idx[i], &endv[i]);
  return k;
}


/* The end of a money amount or a date starting at token @p p, or 0. */
static size_t kgr_quant_end(const KgrState *s, size_t p) {
  const KgrInput *in = s->in;
  for (long j = in->q_first[p]; j >= 0 && (size_t)j < in->nquants; j++) {
    if (in->q_key[j] != p)
      break;
    const KgrQuantity *q = &in->quants[in->q_order[j]];
    if (q->tok_end <= s->b && (q->kind == KGR_Q_MONEY || q->kind == KGR_Q_DATE))
      return q->tok_end;
  }
  return 0;
}

/* After a place ending at @p p, the place that situates it, as a further item of a list of
 * places with no conjunction: « à Velmont, dans l'Arizona », « à Brackley (Ohio) », « à
 * Lorvanne, dans la province du Fujian », « en Suisse, à Velmont » (a comma, a word of
 * class PLACE_LINK, maybe a determiner, a PLACE_AREA word and a PLACE_AREA_OF one).
 * Returns the position of that place or 0. */
static size_t kgr_place_situated(const KgrState *s, size_t p) {
  const KgrRuleSet *rs = s->rs;
  if (p + 1 >= s->b)
    return 0;
  if (kgr_tok_is(s, p, "(")) {
    /* a bracket that holds one place and closes */
    for (long j = s->in->ment_first[p + 1]; j >= 0 && (size_t)j < s->in->nment_entries; j++) {
      if (s->in->ment_key[j] != p + 1)
        break;
      const KgmMention *m = &s->in->ments[s->in->ment_order[j]];
      if (m->cls == KG_CLASS_PLACE && m->tok_end < s->b && kgr_tok_is(s, m->tok_end, ")"))
        return p + 1;
    }
    return 0;
  }
  /* "based in Velmont in Upper Tarsia": the link word alone, no comma, situates it too */
  size_t q;
  if (kgr_tok_is(s, p, ",") && kgr_tok_in_class(rs, &s->in->tids[p + 1], rs->plink_cls))
    q = p + 2;
  else if (kgr_tok_in_class(rs, &s->in->tids[p], rs->plink_cls) && !kgr_tok_is(s, p, ","))
    q = p + 1;
  else
    return 0;
  if (q < s->b && kgr_tok_in_class(rs, &s->in->tids[q], rs->det_cls))
    q++;
  if (q < s->b && kgr_tok_in_class(rs, &s->in->tids[q], rs->parea_cls)) {
    q++;
    if (q < s->b && kgr_tok_in_class(rs, &s->in->tids[q], rs->parea_of_cls))
      q++;
  }
  return q < s->b && kgr_mention_keyed(s, q, T_PLACE, 0) ? q : 0;
}

/* Tokens after a list item that lead to the next one: 1-4 separators with at least one
 * conjunction or comma, after an optional apposition between commas (", its chief
 * executive,", ", déjà actionnaire,") that names nobody (in a list of organizations or
 * people, @p orgs, a place or a product may be named: "Tessil Corp, the Los Angeles-based
 * lessor, and Brado", "Orsk, the maker of Velo machines, and Halvik"). In a list of
 * products the noun of an item may come first ("Zesto crackers and Plumba biscuits": class
 * LIST_TAIL), and its place after it (« A en France, B en Belgique »).
 * In a list of places (@p places) the place that situates an item comes next
 * (kgr_place_situated()). Returns the position of the next item or 0 when none. */
static size_t kgr_list_sep(const KgrState *s, size_t pos, int products, int quants, int orgs,
                           int places) {
  const KgrRuleSet *rs = s->rs;
  int conj = 0, appos = 0;
  size_t p = pos;
  if (places) {
    size_t q = kgr_place_situated(s, p);
    if (q)
      return q;
  }
  /* the noun may have a qualifying word before it: "Quilbo home robot and Tessalin smart
     speakers" */
  for (size_t k = 0, q = p; products && k < 3 && q < s->b && !s->in->has_ment[q]; k++, q++) {
    const KgtToken *t = &s->in->toks[q];
    if (kgr_tok_in_class(rs, &s->in->tids[q], rs->tail_cls))
      p = q + 1;
    else if (t->kind != KGT_WORD || (t->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) ||
             kgt_is_function_word(t->fold) || kgr_tok_in_class(rs, &s->in->tids[q], rs->sep_cls) ||
             kgr_tok_in_class(rs, &s->in->tids[q], rs->conj_cls))
      break;
  }
  /* « sous les marques A en France, B en Belgique et C », "the A brand in Spain and B": a
     product item's place, after a function word, is stepped over */
  if (products && p + 1 < s->b && s->in->toks[p].kind == KGT_WORD &&
      kgt_is_function_word(s->in->toks[p].fold)) {
    /* (« le rhum A de la Barbade, le gin B »: the place's article too) */
    size_t at = p + 2 < s->b && kgr_tok_in_class(rs, &s->in->tids[p + 1], rs->det_cls) ? p + 2 : p + 1;
    const KgmMention *pl = kgr_place_at(s, at);
    if (pl && !(kgr_mention_type(pl) & T_DEMONYM))
      p = pl->tok_end;
  }
  /* "bought Pixar for $7.4 billion, Marvel for $4 billion and …", "the purchases of Ringo
     in 2018 and Eerox in 2019": an item's amount or date is stepped over */
  if (!products && !quants && p < s->b) {
    size_t qe = kgr_quant_end(s, p);
    if (!qe && p + 1 < s->b && s->in->toks[p].kind == KGT_WORD && kgt_is_function_word(s->in->toks[p].fold))
      qe = kgr_quant_end(s, p + 1);
    if (qe)
      p = qe;
  }
  /* « Hennessy (LVMH), Martell (Pernod Ricard) et … »: a bracket after an item (its group,
     a ticker, an acronym) is stepped over */
  if (p < s->b && kgr_tok_is(s, p, "(")) {
    size_t q = p + 1;
    while (q < s->b && q < p + 6 && !kgr_tok_is(s, q, ")") && !kgr_tok_is(s, q, "("))
      q++;
    if (q < s->b && kgr_tok_is(s, q, ")"))
      p = q + 1;
  }
  /* « A, Orvik — le fonds de capital-risque du groupe Taldor —, B et … »: an
     apposition between dashes, whatever it names */
  if (p + 2 < s->b && kgr_tok_dash(s, p)) {
    size_t q = p + 1;
    while (q < s->b && q < p + 16 && !kgr_tok_dash(s, q))
      q++;
    if (q < s->b && q > p + 1 && kgr_tok_dash(s, q)) {
      p = q + 1;
      appos = 1;
    }
  }
  /* up to two appositions in a row: « d'Impala, la holding de P, fondateur et président de
     Neoen, du FSP et … » */
  for (int round = 0; round < 2 && p < s->b && kgr_tok_is(s, p, ","); round++) {
    size_t p0 = p;
    /* a relative clause is no apposition of a list item: "controlled by Orvex, whose chief
       executive, Jean Brell, welcomed" lists one name */
    if (p + 1 < s->b && (kgr_tok_in_class(rs, &s->in->tids[p + 1], rs->rel_cls) ||
                         kgr_tok_in_class(rs, &s->in->tids[p + 1], rs->srel_cls) ||
                         kgr_tok_in_class(rs, &s->in->tids[p + 1], rs->lclause_cls)))
      break; /* (nor a clause: « fondé par P, est piloté par A et B » lists P alone) */
    /* an apposition that opens with a company noun (a determiner may come first) may name
       the item's owner: "Orvane, Brisa Ventures, le fonds d'investissement de la famille
       Varnel, Tessor Capital et …", « Quilda, filiale du groupe Sorvex, et Pemavo » */
    size_t hd = p + 1 < s->b && kgr_tok_in_class(rs, &s->in->tids[p + 1], rs->det_cls) ? p + 2 : p + 1;
    /* "The Selva Fund, Brado's impact investment fund, Halvik and …": an owner's possessive
       may open it */
    if (hd < s->b && s->in->ment_first[hd] >= 0) {
      const KgmMention *om = &s->in->ments[s->in->ment_order[s->in->ment_first[hd]]];
      if (om->tok_end + 1 < s->b && kgr_tok_is(s, om->tok_end, "'s") &&
          (kgr_mention_type(om) & (T_ORG | T_COMPANY | T_INVESTOR)))
        hd = om->tok_end + 1;
    }
    /* the noun may come after a word or two: "the venture arm of", "its investment unit" */
    int owned = 0;
    for (size_t q = hd; q < s->b && q < hd + 3 && !owned && !s->in->has_ment[q]; q++) {
      /* « Fondée par A, également cofondateur de Check Point, B et C »: a person's role
         names the company it is a role in */
      owned = kgr_tok_in_class(rs, &s->in->tids[q], rs->orgnoun_cls) ||
              kgr_tok_in_class(rs, &s->in->tids[q], rs->apposnoun_cls) ||
              kgr_tok_in_class(rs, &s->in->tids[q], rs->prole_cls);
      /* "A, controlled by the billionaire P, B and C", « A, contrôlé par P, B et C »: a
         participle and its agent (class APPOS_LINK after one word) */
      owned |= q == hd + 1 && kgr_tok_in_class(rs, &s->in->tids[q], rs->link_cls) &&
               !kgr_tok_in_class(rs, &s->in->tids[hd], rs->det_cls);
      if (s->in->toks[q].kind != KGT_WORD || (s->in->toks[q].flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
        break;
    }
    /* "Jake Tarn, a former litigator who is its chief executive, Ann Bell and …": a relative
       clause inside an apposition that opens with a determiner belongs to it */
    for (size_t q = hd + 1; !owned && hd > p + 1 && q < s->b && q <= hd + 3; q++) {
      if (s->in->toks[q].kind != KGT_WORD || (s->in->toks[q].flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
        break;
      owned = kgr_tok_in_class(rs, &s->in->tids[q], rs->srel_cls);
    }
    for (size_t k = 1; k <= (owned ? 10u : orgs ? 6u : 5u) && p + k < s->b; k++) {
      const KgrTokIds *ti = &s->in->tids[p + k];
      if (kgr_tok_is(s, p + k, ",")) {
        p += k;
        appos = 1;
        break;
      }
      /* "founder and chairman of X": a conjunction between two roles stays inside */
      if ((!owned && s->in->has_ment[p + k] == 1 && (!orgs || s->in->agent[p + k])) ||
          (kgr_tok_in_class(rs, ti, rs->conj_cls) &&
           !(owned && p + k + 1 < s->b && kgr_tok_in_class(rs, &s->in->tids[p + k + 1], rs->prole_cls))))
        break;
    }
    if (p == p0)
      break;
  }
  size_t start = p;
  int comma = 0;
  for (int k = 0; k < 4 && p < s->b; k++, p++) {
    const KgrTokIds *ti = &s->in->tids[p];
    int isconj = kgr_tok_in_class(rs, ti, rs->conj_cls);
    if (!kgr_tok_in_class(rs, ti, rs->sep_cls) && !isconj)
      break;
    /* (not after an item's apposition: « Maiia, filiale du groupe Cegedim, et Qare ») */
    if (comma && !appos && kgr_tok_in_class(rs, ti, rs->noserial_cls))
      return 0;
    comma |= kgr_tok_is(s, p, ",");
    if (isconj)
      conj = 1;
  }
  if (!conj || p == start)
    return 0;
  /* « les raquettes Tennor, les vêtements techniques Varrak et les roues de vélo Mavrin »:
     a product item may bring its own determiner and lower-case nouns */
  if (products && p + 2 < s->b && kgr_tok_in_class(rs, &s->in->tids[p], rs->det_cls) &&
      !s->in->has_ment[p]) {
    size_t q = p + 1;
    for (int k = 0; k < 4 && q < s->b && !s->in->has_ment[q]; k++, q++) {
      const KgtToken *t = &s->in->toks[q];
      if (t->kind != KGT_WORD || (t->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) || kgr_tok_is(s, q, ",") ||
          kgr_tok_in_class(rs, &s->in->tids[q], rs->conj_cls))
        break;
    }
    if (q > p + 1 && q < s->b && kgr_mention_at(s, q, T_PRODUCT))
      return q;
  }
  return p;
}

/* How far a subject's apposition may run: "Halvik Corp, which employs 5,000 people in
 * Oslo and Bergen, invested …". */
#define KGR_APPOS_MAX 24

/* Token @p p opens the sentence, follows the comma of a fronted phrase ("Mardi, X, qui
 * …"), not that of a list ("dont A, B, C, a réalisé"), or follows a word that opens a
 * reported clause (class COMPLEMENTIZER: "said that X, its …, will"). */
static int kgr_opens_clause(const KgrState *s, size_t p) {
  return p == s->a ||
         (kgr_tok_is(s, p - 1, ",") && (p < s->a + 2 || !s->in->has_ment[p - 2])) ||
         kgr_tok_in_class(s->rs, &s->in->tids[p - 1], s->rs->compl_cls);
}

/* "X, which owns Y, met Z, which makes …": the words from @p from to the comma at @p t
 * name an organization and a relative follows the comma, so they are the clause after
 * X's apposition and the relative is Z's, not a second comma inside the apposition. */
static int kgr_org_relative(const KgrState *s, size_t from, size_t t) {
  if (!kgr_tok_in_class(s->rs, &s->in->tids[t + 1], s->rs->rel_cls))
    return 0;
  for (size_t q = from; q < t; q++)
    if (kgr_mention_at(s, q, T_ORGS))
      return 1;
  return 0;
}

/* Whether the words before the comma at @p comma are a title or a company noun: "The
 * founder,", « Son grand rival, », or such a noun with a short clause after it ("a
 * nonprofit she formed and leads,", "the fund he runs,"; a determiner before the noun). */
static int kgr_noun_before_comma(const KgrState *s, size_t comma) {
  for (size_t k = 1; k <= 5 && comma >= s->a + k; k++) {
    size_t q = comma - k;
    const KgrTokIds *ti = &s->in->tids[q];
    int noun = kgr_tok_in_class(s->rs, ti, s->rs->prole_cls) || kgr_tok_in_class(s->rs, ti, s->rs->orgnoun_cls);
    if (k == 1 && noun)
      return 1;
    if (kgr_tok_is(s, q, ",") || s->in->has_ment[q] == 1)
      return 0;
    if (noun)
      return q > s->a && kgr_tok_in_class(s->rs, &s->in->tids[q - 1], s->rs->det_cls);
  }
  return 0;
}

/* Whether the comma at @p t, inside a subject's apposition, separates the items of a list
 * rather than ending the apposition: « connu pour sa montre X, ses boussoles et ses lampes,
 * va … » (a determiner, then a conjunction before the next comma), "X, the company behind the
 * Orsk, Brado and Kelm brands, has bought …" (capitalised items up to a conjunction). */
static int kgr_appos_list_comma(const KgrState *s, size_t t) {
  const KgrRuleSet *rs = s->rs;
  if (kgr_tok_in_class(rs, &s->in->tids[t + 1], rs->det_cls)) {
    int conj = 0;
    size_t q = t + 2;
    for (; q < s->b && q <= t + 8 && !kgr_tok_is(s, q, ","); q++)
      conj |= kgr_tok_in_class(rs, &s->in->tids[q], rs->conj_cls);
    return conj && q < s->b && kgr_tok_is(s, q, ",");
  }
  if (!(s->in->toks[t + 1].flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
    return 0;
  for (size_t q = t + 2; q < s->b && q <= t + 12; q++) {
    if (kgr_tok_is(s, q, ",")) {
      if (q + 1 < s->b && (s->in->toks[q + 1].flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
        continue;
      return 0;
    }
    if (kgr_tok_in_class(rs, &s->in->tids[q], rs->conj_cls))
      return 1;
  }
  return 0;
}

/* The subject's apposition: "Halvik Corp, which employs 5,000 people, invested …",
 * « Halvik SA, dont le siège est à Lorvanne, détient … ». For a subject captured from
 * @p pos to @p end that opens its sentence (or a clause after a comma) with a comma right
 * after it: the positions just past the next commas (up to two: "which is based in Oslo,
 * Norway,") within KGR_APPOS_MAX tokens, where the rest of the rule may go on. */
static size_t kgr_appos_ends(const KgrState *s, size_t pos, size_t end, size_t out[2]) {
  if (end >= s->b || !kgr_tok_is(s, end, ","))
    return 0;
  if (!kgr_opens_clause(s, pos))
    return 0;
  /* ", and labour talks …, Noranda …": a coordination, no apposition */
  if (end + 1 < s->b && kgr_tok_in_class(s->rs, &s->in->tids[end + 1], s->rs->conj_cls))
    return 0;
  /* « son principal actionnaire, la caisse Orsk, va … »: an apposition that names an organization
     after a description names the subject itself; the description is not it */
  size_t n0 = end + 1;
  if (n0 < s->b && kgr_tok_in_class(s->rs, &s->in->tids[n0], s->rs->det_cls))
    n0++;
  if (s->in->has_ment[pos] == 2 && n0 < s->b && s->in->has_ment[n0] == 1)
    return 0;
  size_t n = 0;
  /* the subject is itself the apposition of a title or a company noun: "The founder, Ann
     Tarlo, kept a stake", « Son grand rival, l'américain Orsk, a racheté … » (a PERSON_ROLE
     or ORG_NOUN word before the comma) */
  if (pos >= s->a + 2 && kgr_tok_is(s, pos - 1, ",") && kgr_noun_before_comma(s, pos - 1) &&
      end + 1 < s->b &&
      !s->in->has_ment[end + 1] &&
      !kgr_tok_in_class(s->rs, &s->in->tids[end + 1], s->rs->det_cls) &&
      !kgr_tok_in_class(s->rs, &s->in->tids[end + 1], s->rs->conj_cls)) {
    out[0] = end + 1;
    return 1;
  }
  for (size_t t = end + 2; t + 1 < s->b && t <= end + KGR_APPOS_MAX && n < 2; t++) {
    /* "the Ardon, Ohio-based maker": a comma inside a place, not the apposition's end */
    if (!kgr_tok_is(s, t, ",") || kgr_place_suffix(s, t + 1))
      continue;
    if (n == 0 && kgr_appos_list_comma(s, t))
      continue;
    /* a second comma only a few words on ("in Oslo, Norway,"), not after a clause; the
       verb comes next, not another noun phrase ("X, Y and Z, a unit of W") */
    if ((n == 1 && (t > out[0] + 5 || kgr_tok_in_class(s->rs, &s->in->tids[out[0]], s->rs->conj_cls) ||
                    kgr_org_relative(s, out[0], t))) ||
        kgr_tok_in_class(s->rs, &s->in->tids[t + 1], s->rs->det_cls))
      break;
    out[n++] = t + 1;
  }
  return n;
}

/* A lower-case word with a past participle's ending: "bought", "acquired", « rachetée »,
 * « acquis » (the clause after a comma describes the name before it, it is no noun phrase
 * in apposition: "X, a unit of Y", « X, filiale de Y »). */
static int kgr_participle_like(const KgtToken *t) {
  static const char *const ends[] = {"ed", "é", "ée", "és", "ées",
                                     "is", "ise", "ises", "bought", "sold", "held", "run"};
  if (t->kind != KGT_WORD || (t->flags & KGT_F_CAP))
    return 0;
  size_t n = strlen(t->lower);
  for (size_t k = 0; k < sizeof ends / sizeof ends[0]; k++) {
    size_t e = strlen(ends[k]);
    if (n > e + 1 && strcmp(t->lower + n - e, ends[k]) == 0)
      return 1;
    if (n == e && strcmp(t->lower, ends[k]) == 0)
      return 1;
  }
  return 0;
}

/* A subject candidate from @p pos to @p end that closes an earlier subject's apposition:
 * "Halvik SA, dirigé par Paul Brantel, possède 20 %" — Paul Brantel owns nothing:
 * the verb after the comma is the first subject's. */
static int kgr_closes_appos(const KgrState *s, size_t pos, size_t end) {
  /* the apposition links the name to the first subject: "dirigé par P,", "whose largest
     shareholder is P," (class APPOS_LINK) */
  /* "contrôlé par la famille X,": the determiner before the name is the name's */
  size_t lp = pos;
  if (lp > s->a + 1 && kgr_tok_in_class(s->rs, &s->in->tids[lp - 1], s->rs->det_cls))
    lp--;
  /* an object in a relative clause on an earlier name: "Halden, which owns the platform
     Tunevo, bought in 2015, employs 2,000" — Tunevo employs no one */
  if (end + 2 < s->b && kgr_tok_is(s, end, ",") && kgr_participle_like(&s->in->toks[end + 1]))
    for (size_t t = lp; t > s->a + 2 && lp - t <= 12;) {
      t--;
      if (s->in->toks[t].kind == KGT_PUNCT)
        break;
      if (kgr_tok_in_class(s->rs, &s->in->tids[t], s->rs->srel_cls) && kgr_tok_is(s, t - 1, ",") &&
          s->in->has_ment[t - 2])
        return 1;
    }
  /* "Orvex, which is run by chief executive P and also holds stakes in A": after the agent
     of a passive, "and" and a lower-case word go on with the clause's subject, not P's (not
     "owned by P and Q": a name after "and" makes a list) */
  if (end + 2 < s->b && s->in->toks[end].kind == KGT_WORD &&
      kgr_tok_in_class(s->rs, &s->in->tids[end], s->rs->conj_cls) &&
      !s->in->has_ment[end + 1] && !(s->in->toks[end + 1].flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
      s->in->toks[end + 1].kind == KGT_WORD) {
    size_t bp = lp;
    while (bp > s->a + 1 && lp - bp < 6 &&
           (kgr_tok_in_class(s->rs, &s->in->tids[bp - 1], s->rs->prole_cls) ||
            kgr_tok_in_class(s->rs, &s->in->tids[bp - 1], s->rs->pmod_cls) ||
            kgr_tok_in_class(s->rs, &s->in->tids[bp - 1], s->rs->conj_cls)))
      bp--;
    if (bp > s->a && kgr_tok_in_class(s->rs, &s->in->tids[bp - 1], s->rs->link_cls))
      return 1;
  }
  if (end + 1 >= s->b || !kgr_tok_is(s, end, ",") || lp == s->a ||
      !kgr_tok_in_class(s->rs, &s->in->tids[lp - 1], s->rs->link_cls))
    return 0;
  /* a noun phrase after the comma is the name's own apposition ("issued by X, a unit of
     Y", "formed by P, Caesars World's largest shareholder,"): the verb comes next here */
  if (s->in->has_ment[end + 1] || kgr_tok_in_class(s->rs, &s->in->tids[end + 1], s->rs->det_cls))
    return 0;
  for (size_t t = lp; t-- > s->a && lp - t <= KGR_APPOS_MAX;) {
    if (!kgr_tok_is(s, t, ","))
      continue;
    /* the opening comma right after a name that opens the sentence, its descriptor
       included ("Le conglomérat Halvik, contrôlé par …") */
    if (t == s->a || !s->in->has_ment[t - 1])
      return 0;
    size_t q = t - 1;
    while (q > s->a && s->in->has_ment[q - 1])
      q--;
    if (kgr_opens_clause(s, q))
      return 1;
    for (size_t p = q; p-- > s->a && q - p <= 4;)
      for (long j = s->in->ment_first[p]; j >= 0 && (size_t)j < s->in->nment_entries &&
                                          s->in->ment_key[j] == p;
           j++)
        if (s->in->ments[s->in->ment_order[j]].tok_end == t &&
            (kgr_opens_clause(s, p) ||
             (p > s->a && kgr_tok_in_class(s->rs, &s->in->tids[p - 1], s->rs->det_cls) &&
              kgr_opens_clause(s, p - 1))))
          return 1;
    return 0;
  }
  return 0;
}

/* Nothing captured so far but the item being tried, in slot @p cap. */
static int kgr_only_captured(const KgrState *s, int cap) {
  /* the slots are large and this is asked for every subject item tried: a running count
     of all items tells without reading the other slots */
  return s->ncaught == s->m.slot[cap].n && s->m.slot[cap].n <= 1;
}

/* Whether the item capture @p nd, at list depth @p depth, may be the subject of what the
 * pattern reads after it: @S, or an @O the rule captures first ("Lisa Wong, who became CEO
 * of Orvane"), heading its list, with more of the pattern to come. The cheap tests first:
 * kgr_only_captured() reads every slot. */
static int kgr_subject_like(const KgrState *s, const KgrNode *nd, int depth) {
  return depth == 0 && nd->next >= 0 &&
         (nd->cap == KGR_CAP_S || (nd->cap == KGR_CAP_O && kgr_only_captured(s, KGR_CAP_O)));
}

/* What the separator run that ends right before @p b (after an item ending at @p a, and any
 * apposition of it) holds: 1 a word that announces a list's last item ("and", « et »: class
 * LIST_FINAL), 2 another separator word that opens more items ("as well as", « mais aussi »,
 * « avec »), 0 commas only. */
static int kgr_sep_kind(const KgrState *s, size_t a, size_t b) {
  int k = 0;
  for (size_t q = b; q > a;) {
    q--;
    const KgrTokIds *ti = &s->in->tids[q];
    int sep = kgr_tok_in_class(s->rs, ti, s->rs->sep_cls), conj = kgr_tok_in_class(s->rs, ti, s->rs->conj_cls);
    if (!sep && !conj)
      break;
    if (s->in->toks[q].kind != KGT_WORD)
      continue;
    if (kgr_tok_in_class(s->rs, ti, s->rs->final_cls))
      k = k ? k : 1;
    else
      k = 2;
  }
  return k;
}

/* Whether a final conjunction ("and", « et ») comes after token @p p in the span, after a
 * comma: "United Air Lines, Hertz rental cars, and Westin" goes on past its lower-case words. */
static int kgr_final_after(const KgrState *s, size_t p) {
  for (size_t q = p; q + 1 < s->b && q < p + 12; q++)
    if (kgr_tok_is(s, q, ",") && kgr_tok_in_class(s->rs, &s->in->tids[q + 1], s->rs->final_cls))
      return 1;
  return 0;
}

/* @p closed, bit 1: the item at @p pos came after a conjunction ("A and B"), so a bare comma
 * and a determiner after it end the list: « X a racheté A et B, le français C a racheté D »
 * (a name may still follow: "A, B and C, D and E"; places go on: "in Marlow, and Brellham,
 * Vessia"). Bit 2: the item at @p pos came after a bare comma, and an organization's list
 * ends there when a lower-case word follows it and no final conjunction comes after (bit 4:
 * after a determiner too, whatever follows). */
/* Whether the sentence opens with a description that ends at the comma before @p pos: a
 * determiner, then words, places and demonyms only (« Le fonds souverain de Norvège, »,
 * "The Gulf state's sovereign fund,"): a name after that comma is in apposition to it. */
static int kgr_opening_description(const KgrState *s, size_t pos) {
  if (pos < s->a + 3 || !kgr_tok_is(s, pos - 1, ",") ||
      !kgr_tok_in_class(s->rs, &s->in->tids[s->a], s->rs->det_cls) || pos - 1 - s->a > 10)
    return 0;
  for (size_t t = s->a + 1; t < pos - 1; t++) {
    const KgtToken *k = &s->in->toks[t];
    if (k->kind != KGT_WORD)
      return 0;
    if (s->in->has_ment[t] == 1) {
      /* a place's later tokens belong to the mention that starts before them */
      if (s->in->ment_first[t] >= 0 && !kgr_mention_at(s, t, T_PLACE | T_DEMONYM))
        return 0;
    } else if (k->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) {
      return 0;
    }
  }
  return 1;
}

/* Where a description in apposition after a name ending at @p e opens a relative clause on
 * its subject: ", the Danish company that", « , le groupe danois qui »; the token of the
 * relative word, or 0. Up to six words of the description, none a name's, a mark or a
 * function word. */
static size_t kgr_appos_relative(const KgrState *s, size_t e) {
  if (e + 3 >= s->b || !kgr_tok_is(s, e, ",") ||
      !kgr_tok_in_class(s->rs, &s->in->tids[e + 1], s->rs->det_cls))
    return 0;
  for (size_t t = e + 2; t < s->b && t <= e + 8; t++) {
    const KgtToken *tk = &s->in->toks[t];
    /* "a mobile game that it built": a name or a pronoun after it makes it the object's */
    if (t > e + 2 && kgr_tok_in_class(s->rs, &s->in->tids[t], s->rs->arel_cls))
      return t + 1 < s->b && !s->in->has_ment[t + 1] &&
                     !kgr_tok_in_class(s->rs, &s->in->tids[t + 1], s->rs->pron_cls)
                 ? t
                 : 0;
    /* "the head of a government panel which controls …": the clause is the panel's */
    if (tk->kind != KGT_WORD || s->in->agent[t] || kgt_is_function_word(tk->fold ? tk->fold : tk->lower))
      return 0;
  }
  return 0;
}

/* Where the products that a description names after its noun end: "The maker of Orsk drills
 * and Tessil saws first invested in …" (class DESC_OF: "of", « de »), so that a rule goes on
 * at the verb; 0 when none starts at @p e. Products only: in "the owner of Orsk" a name may be
 * the description's own parent or unit. A person's name is stepped over too: « le groupe de
 * P a signé … » is the group P owns or runs. */
static size_t kgr_desc_products_end(const KgrState *s, size_t e) {
  if (e + 2 >= s->b || !kgr_tok_in_class(s->rs, &s->in->tids[e], s->rs->descof_cls))
    return 0;
  size_t p = e + 1;
  if (kgr_tok_in_class(s->rs, &s->in->tids[p], s->rs->det_cls))
    p++;
  /* « le groupe de Karim Belhadi a signé … »: the person whose group it is */
  const KgmMention *pm = kgr_mention_at(s, p, T_PERSON);
  if (pm && pm->tok_end < s->b && !s->in->has_ment[pm->tok_end])
    return pm->tok_end;
  for (int items = 0; items < KGR_MAX_LIST && p < s->b; items++) {
    const KgmMention *m = kgr_mention_at(s, p, T_PRODUCT);
    if (!m)
      return 0;
    size_t nx = kgr_list_sep(s, m->tok_end, 1, 0, 0, 0), q = m->tok_end;
    if (nx) {
      p = nx;
      continue;
    }
    for (int k = 0; k < 2 && q < s->b && kgr_tok_in_class(s->rs, &s->in->tids[q], s->rs->tail_cls); k++)
      q++;
    return q;
  }
  return 0;
}

static int kgr_cap_list(KgrState *s, const KgrNode *nd, size_t pos, const KgrFrame *up,
                        KgrSlot *slot, int depth, int closed) {
  /* "par A et B, la société compte …": a description after a list's comma opens the next
     clause, it is no item of the list ("Varnholt and its chairman" keeps its "its"); so does
     « …, qui en est toujours la présidente » */
  if (depth > 0 && pos < s->b && s->in->has_ment[pos] >= 2 && pos > s->a &&
      kgr_tok_is(s, pos - 1, ","))
    return 0;
  size_t idx[8], endv[8], k;
  int first = depth == 0 && pos == s->start && nd == &s->rule->nodes[s->rule->first];
  KgrFirstItems *fm = first && s->rule->first_kind >= 0 ? &s->memo[s->rule->first_kind] : NULL;
  if (fm && fm->at == pos + 1) {
    k = fm->k;
    memcpy(idx, fm->idx, k * sizeof *idx);
    memcpy(endv, fm->endv, k * sizeof *endv);
  } else {
    int by_rule = 0;
    k = kgr_items_at(s, nd, pos, idx, endv, 8, &by_rule);
    if (fm && !by_rule) {
      fm->at = pos + 1;
      fm->k = k;
      memcpy(fm->idx, idx, k * sizeof *idx);
      memcpy(fm->endv, endv, k * sizeof *endv);
    }
  }
  if (first)
    s->first_items = k;
  for (size_t i = 0; i < k; i++) {
    if (slot && slot->n >= KGR_MAX_LIST)
      break;
    /* "based in Velmont, and Orsk-headquartered Quorra": a place in a hyphenated modifier
       (class PLACE_SUFFIX) after a conjunction qualifies the next name; it is no further
       item of the list ("Brackley, Ohio-based" is one place) */
    if (depth > 0 && (nd->tmask & T_PLACE) && endv[i] > pos && kgr_place_suffix(s, endv[i] - 1) &&
        s->in->toks[pos - 1].kind == KGT_WORD &&
        kgr_tok_in_class(s->rs, &s->in->tids[pos - 1], s->rs->conj_cls))
      continue;
    if (slot) {
      slot->items[slot->n++] = idx[i];
      s->ncaught++;
      slot->is_quantity = (nd->tmask & T_QUANTS) != 0;
    }
    /* greedy: a longer list first */
    if (nd->list && depth < KGR_MAX_LIST) {
      size_t nx = kgr_list_sep(s, endv[i], (nd->tmask & T_PRODUCT) != 0,
                               (nd->tmask & T_QUANTS) != 0,
                               !(nd->tmask & (T_PRODUCT | T_PLACE | T_QUANTS)),
                               (nd->tmask & T_PLACE) && !(nd->tmask & ~(T_PLACE | T_DEMONYM)));
      int sk = nx ? kgr_sep_kind(s, endv[i], nx) : 0;
      int det_next = nx && nx < s->b && !(nd->tmask & T_PLACE) &&
                     kgr_tok_in_class(s->rs, &s->in->tids[nx], s->rs->det_cls);
      if (nx && (closed & 1) && sk == 0 && det_next)
        nx = 0;
      /* an organization after a bare comma that a lower-case word follows is the next
         clause's subject, not an item: « Face à X, propriétaire de Y, Z devra … » (places
         go on: "Cupertino, California, said") */
      int org_only = !(nd->tmask & (T_PRODUCT | T_PLACE | T_QUANTS | T_PERSON));
      int flags = (sk == 1 ? 1 : 0) | (sk == 0 && (det_next || org_only) ? 2 : 0) |
                  (sk == 0 && det_next ? 4 : 0);
      if (nx && kgr_cap_list(s, nd, nx, up, slot, depth + 1, flags))
        return 1;
    }
    /* an item after a bare comma and a determiner that a verb follows is the next clause's
       subject: « X rachète Tarsis, la SNVL entre à son capital » */
    const KgtToken *nt = endv[i] < s->b ? &s->in->toks[endv[i]] : NULL;
    if ((closed & 2) && nt && nt->kind == KGT_WORD &&
        !(nt->flags & (KGT_F_CAP | KGT_F_ALLCAPS)) &&
        !kgr_tok_in_class(s->rs, &s->in->tids[endv[i]], s->rs->sep_cls) &&
        !kgr_tok_in_class(s->rs, &s->in->tids[endv[i]], s->rs->conj_cls) &&
        ((closed & 4) || !kgr_final_after(s, endv[i]))) {
      if (slot) {
        slot->n--;
        s->ncaught--;
      }
      continue;
    }
    /* a subject the rule opens with is not the verb's when it closes an earlier name's
       apposition; a rule that captured X first still reads Y as the parent in "X, a unit
       of Y, said" */
    int closes = nd->cap == KGR_CAP_S && depth == 0 && (nd->next >= 0 || up) &&
                 kgr_only_captured(s, KGR_CAP_S) && kgr_closes_appos(s, pos, endv[i]);
    if (!closes && kgr_seq_match(s, nd->next, endv[i], up))
      return 1;
    /* "said Tarlo, 61, Velmar's chairman", « P, 54 ans, président de X »: a person's age
       between commas is stepped over, the rule goes on at the second comma */
    /* « Le fonds souverain du Qatar, la Quellan Authority (QIA), s'apprêterait à … »: a name
       in apposition to the description that opens the sentence is the verb's subject */
    size_t e = endv[i], ac;
    if (!closes && nd->cap == KGR_CAP_S && depth == 0 && nd->next >= 0 &&
        (nd->tmask & (T_ORG | T_COMPANY | T_INVESTOR | T_NONPROFIT))) {
      size_t ce = e;
      if (ce + 2 < s->b && kgr_tok_is(s, ce, "(")) /* its acronym: "(OIA)" */
        for (size_t q = ce + 1; q < s->b && q <= ce + 4; q++)
          if (kgr_tok_is(s, q, ")")) {
            ce = q + 1;
            break;
          }
      if (ce + 1 < s->b && kgr_tok_is(s, ce, ",") && kgr_opening_description(s, pos) &&
          kgr_seq_match(s, nd->next, ce + 1, up))
        return 1;
    }
    if (!closes && (nd->tmask & T_PERSON) && !(nd->tmask & T_QUANTS) &&
        s->in->ments[idx[i]].cls == KG_CLASS_PERSON && e + 2 < s->b &&
        kgr_tok_is(s, e, ",") && s->in->toks[e + 1].kind == KGT_NUMBER &&
        s->in->toks[e + 1].number >= 16 && s->in->toks[e + 1].number < 110 &&
        s->in->toks[e + 1].end - s->in->toks[e + 1].start <= 3 &&
        (ac = e + 2 + (kgr_tok_in_class(s->rs, &s->in->tids[e + 2], s->rs->age_cls) ? 1 : 0)) < s->b && kgr_tok_is(s, ac, ",") &&
        kgr_seq_match(s, nd->next, ac, up))
      return 1;
    /* only where the rule goes on with the verb (or a short gap that skips no name, no
       pronoun and no comma): a long gap after the subject would let the rest match
       anywhere past the apposition; the subject of a passive is the object captured first
       ("Kestrel, based in Marlow, was taken private by …") */
    if (kgr_subject_like(s, nd, depth) && !closes &&
        (s->rule->nodes[nd->next].kind != N_GAP || s->rule->nodes[nd->next].nomention == 2)) {
      size_t after[2], na = kgr_appos_ends(s, pos, endv[i], after);
      for (size_t q = 0; q < na; q++) {
        if (kgr_seq_match(s, nd->next, after[q], up))
          return 1;
        /* "Orvane Group, Kelm's London-listed rival, which last year acquired …": a relative
           clause after the apposition says what the subject does too (not when a name closes
           the apposition: "X, a unit of Y, which is owned by Z" is said of Y) */
        if (s->rule->nodes[nd->next].kind != N_GAP && after[q] + 1 < s->b && after[q] >= 2 &&
            !s->in->has_ment[after[q] - 2] &&
            kgr_tok_in_class(s->rs, &s->in->tids[after[q]], s->rs->srel_cls) &&
            kgr_seq_match(s, nd->next, after[q] + 1, up))
          return 1;
      }
    }
    /* "Norvik, which has invested $2 billion in Tessara, …", « Norvik, qui a investi … »:
       a relative clause on the subject (or on an object a rule captures first: "Lisa
       Wong, who became CEO of Orvane") says what it does */
    if (kgr_subject_like(s, nd, depth) && endv[i] + 2 < s->b &&
        s->rule->nodes[nd->next].kind != N_GAP && kgr_tok_is(s, endv[i], ",") &&
        kgr_tok_in_class(s->rs, &s->in->tids[endv[i] + 1], s->rs->srel_cls) &&
        kgr_seq_match(s, nd->next, endv[i] + 2, up))
      return 1;
    /* "Velmar, the Danish company that agreed to acquire Orsk", « Velmar, le groupe
       danois qui a racheté Orsk »: so does one on a description in apposition */
    if (kgr_subject_like(s, nd, depth) && s->rule->nodes[nd->next].kind != N_GAP) {
      size_t rel = kgr_appos_relative(s, endv[i]);
      if (rel && kgr_seq_match(s, nd->next, rel + 1, up))
        return 1;
    }
    /* "The maker of Orsk drills and Tessil saws first invested in Brado": a description
       is the subject of the verb after the products it names */
    if (nd->cap == KGR_CAP_S && depth == 0 && nd->next >= 0 && !closes &&
        s->rule->nodes[nd->next].kind != N_GAP && (s->in->ments[idx[i]].flags & KGM_F_ANAPHOR)) {
      size_t pe = kgr_desc_products_end(s, endv[i]);
      if (pe && pe < s->b && kgr_seq_match(s, nd->next, pe, up))
        return 1;
    }
    if (slot) {
      slot->n--;
      s->ncaught--;
    }
  }
  return 0;
}

/* The first token of the noun phrase whose name starts at @p pos: back over a demonym
 * right before it and a determiner ("the German Orsk", « l'américain Orsk »). */
static size_t kgr_phrase_start(const KgrState *s, size_t pos) {
  size_t p = pos;
  if (p > s->a) {
    const KgrInput *in = s->in;
    for (long j = in->ment_first[p - 1]; j >= 0 && (size_t)j < in->nment_entries; j++) {
      const KgmMention *m = &in->ments[in->ment_order[j]];
      if (in->ment_key[j] != p - 1)
        break;
      if (m->tok_end == p && (kgr_mention_type(m) & T_DEMONYM)) {
        p = m->tok_start;
        break;
      }
    }
  }
  if (p > s->a && kgr_tok_in_class(s->rs, &s->in->tids[p - 1], s->rs->det_cls))
    p--;
  return p;
}

/* A comma a short gap after @S does not skip: the subject ends an apposition there
 * ("Velmair, propriétaire de Orvane, a pris …": Orvane took nothing), unless a relative
 * clause opens ("Norvia, which supplies …": class RELATIVE_WORD). */
static int kgr_gap_comma(const KgrState *s, size_t p) {
  return kgr_tok_is(s, p, ",") &&
         !(p + 1 < s->b && kgr_tok_in_class(s->rs, &s->in->tids[p + 1], s->rs->rel_cls));
}

/* An adverbial phrase starts at @p pos, past the token the rule is tried at (a rule never
 * opens past one) and before the sentence's end. */
static inline int kgr_adverbial_skip(const KgrState *s, size_t pos) {
  return s->in->adv_len && pos > s->start && pos < s->b && s->in->adv_len[pos] &&
         pos + s->in->adv_len[pos] < s->b && !(s->rule->pub.flags & KGR_RULE_NOADV);
}

static int kgr_seq_match(KgrState *s, int n, size_t pos, const KgrFrame *up) {
  if (++s->steps > KGR_STEP_LIMIT)
    return 0;
  if (n < 0) {
    if (up)
      return kgr_seq_match(s, up->node, pos, up->up);
    s->end = pos;
    return 1;
  }
  const KgrNode *nd = &s->rule->nodes[n];
  switch (nd->kind) {
  case N_START:
    return pos == s->a ? kgr_seq_match(s, nd->next, pos, up) : 0;
  case N_END:
    return pos == s->b ? kgr_seq_match(s, nd->next, pos, up) : 0;
  case N_GROUP: {
    KgrFrame f = {nd->next, up};
    for (size_t i = 0; i < nd->nalts; i++) {
      if (nd->alts[i] < 0) {
        if (kgr_seq_match(s, nd->next, pos, up))
          return 1;
      } else if (kgr_seq_match(s, nd->alts[i], pos, &f)) {
        return 1;
      }
    }
    return nd->min == 0 ? kgr_seq_match(s, nd->next, pos, up) : 0;
  }
  case N_GAP:
    for (unsigned k = 0; k <= nd->max; k++) {
      size_t p = pos + k;
      if (k >= nd->min && kgr_seq_match(s, nd->next, p, up))
        return 1;
      if (p >= s->b || (nd->nomention == 1 && s->in->has_ment[p]) ||
          (nd->nomention == 3 && s->in->has_ment[p] == 2) ||
          (nd->nomention == 2 && (s->in->agent[p] || kgr_gap_comma(s, p) ||
                                  kgr_tok_in_class(s->rs, &s->in->tids[p], s->rs->pron_cls))))
        return 0;
    }
    return 0;
  case N_LIT:
  case N_CLASS:
  case N_ANY: {
    if (nd->behind) {
      /* before a capture, the word before its determiner and place adjective: « à
         l'américain Orsk » is governed by « à » whether the name is captured from « l' »,
         « américain » or « Orsk » */
      size_t p = pos;
      if (nd->next >= 0 && s->rule->nodes[nd->next].kind == N_CAP)
        p = kgr_phrase_start(s, pos);
      /* at the start of the sentence nothing is before: only "<!atom" holds there */
      int ok = p > s->a ? kgr_atom_at(s, nd, p - 1) : nd->neg;
      return ok ? kgr_seq_match(s, nd->next, pos, up) : 0;
    }
    unsigned c = 0;
    while (c < nd->max && pos + c < s->b && kgr_atom_at(s, nd, pos + c))
      c++;
    for (unsigned k = c + 1; c >= nd->min && k-- > nd->min;)
      if (kgr_seq_match(s, nd->next, pos + k, up))
        return 1;
    /* « a par ailleurs racheté »: an adverbial where a word is wanted is stepped over; so
       is one before an optional word that follows it (« a renoncé vendredi à racheter ») */
    if (c == 0 && !nd->neg && nd->kind != N_ANY && kgr_adverbial_skip(s, pos) &&
        (nd->min > 0 || (s->in->toks[pos + s->in->adv_len[pos]].kind == KGT_WORD &&
                         kgr_atom_at(s, nd, pos + s->in->adv_len[pos]))))
      return kgr_seq_match(s, n, pos + s->in->adv_len[pos], up);
    return 0;
  }
  case N_CAP: {
    KgrSlot *slot = nd->cap >= 0 ? &s->m.slot[nd->cap] : NULL;
    size_t saved = slot ? slot->n : 0;
    if (pos < s->b && kgr_cap_list(s, nd, pos, up, slot, 0, 0))
      return 1;
    if (slot) {
      s->ncaught -= slot->n - saved;
      slot->n = saved;
    }
    if (nd->min == 0)
      return kgr_seq_match(s, nd->next, pos, up);
    /* "bought on Monday Orvane": the capture after the adverbial */
    return kgr_adverbial_skip(s, pos) ? kgr_seq_match(s, n, pos + s->in->adv_len[pos], up) : 0;
  }
  }
  return 0;
}

static int kgr_try(KgrState *s, size_t ri, size_t pos, KgrMatchFunc fn, void *ud) {
  const KgrRuleImpl *r = &s->rs->rules[ri];
  for (int i = 0; i < KGR_CAP__COUNT; i++)
    s->m.slot[i].n = 0;
  s->ncaught = 0;
  s->rule = r;
  s->steps = 0;
  s->start = pos;
  s->first_items = SIZE_MAX;
  s->m.rule = ri;
  if (!kgr_seq_match(s, r->first, pos, NULL))
    return 0;
  s->m.tok_start = pos;
  s->m.tok_end = s->end;
  return fn(ud, &s->m);
}

/* The last token rule @p ri can start at in a sentence ending before @p b: each of its
 * required sets must have a word at or after the start. @p present and @p last describe
 * the sentence, which holds a word of every set. */
static size_t kgr_last_start(const KgrRuleSet *rs, size_t ri, const uint64_t *present,
                             const size_t *last, size_t b) {
  const KgrReqBlk *hd = &rs->req_flat[rs->req_off[ri]];
  size_t rl = b - 1;
  for (unsigned q = 0, nq = rs->req_nsets[ri]; q < nq; q++) {
    size_t nb = hd->word, ql = 0;
    for (size_t k = 1; k <= nb; k++)
      for (uint64_t m = present[hd[k].word] & hd[k].bits; m; m &= m - 1) {
        size_t at = last[hd[k].word * 64 + (size_t)__builtin_ctzll(m)];
        if (at > ql)
          ql = at;
      }
    if (ql < rl)
      rl = ql;
    hd += 1 + nb;
  }
  return rl;
}

/* In @p mask, the rules each of whose needed captures (need_masks) has a type in @p types:
 * the others cannot match a sentence that names only those types. */
static void kgr_need_filter(const KgrRuleSet *rs, unsigned types, uint64_t *mask) {
  for (size_t w = 0; w < rs->rule_words; w++)
    mask[w] = ~0ULL;
  for (size_t k = 0; k < rs->nneed; k++)
    if (!(rs->need_masks[k] & types))
      for (size_t x = rs->need_sp_off[k]; x < rs->need_sp_off[k + 1]; x++)
        mask[rs->need_sp_at[x]] &= ~rs->need_sp_bits[x];
}

/* kgr_need_filter() of @p types, from the input's cache when a recent sentence named the
 * same types. */
static const uint64_t *kgr_need_cached(const KgrRuleSet *rs, KgrInput *in, unsigned types) {
  size_t held = in->need_n < KGR_NEED_CACHE ? in->need_n : KGR_NEED_CACHE;
  for (size_t i = 0; i < held; i++)
    if (in->need_types[i] == types)
      return in->need_allowed + i * rs->rule_words;
  size_t i = in->need_n++ % KGR_NEED_CACHE;
  in->need_types[i] = types;
  kgr_need_filter(rs, types, in->need_allowed + i * rs->rule_words);
  return in->need_allowed + i * rs->rule_words;
}

/* Whether a word of token @p ti opens some rule (rs->by_id). */
static int kgr_tok_leads(const KgrRuleSet *rs, const KgrTokIds *ti) {
  for (unsigned i = 0; i < ti->nids; i++)
    if ((size_t)ti->ids[i] < rs->nby_id && rs->by_id_n[ti->ids[i]])
      return 1;
  return 0;
}

int kgr_match_span(const KgrRuleSet *rs, const KgrInput *in, size_t a, size_t b,
                   KgrMatchFunc fn, void *user_data) {
  if (!rs || !rs->compiled || !in || b > in->ntoks || a >= b)
    return 0;
  size_t words = rs->rule_words, vw = (rs->vocab.n + 63) / 64;
  uint64_t *seen, *possible, *present;
  size_t *last, *rule_last;
  KgrInput *inw = (KgrInput *)in; /* scratch only: the input's contents stay as they are */
  int own = in->scratch_rs == rs && !in->scratch_busy;
  if (own) {
    seen = in->scratch_bits;
    present = in->scratch_present;
    last = in->scratch_pos;
    inw->scratch_busy = 1;
  } else {
    seen = kg_malloc(KGR_SCAN_BITSETS * words * sizeof *seen);
    present = kg_calloc(vw ? vw : 1, sizeof *present);
    last = kg_malloc((vw + words) * 64 * sizeof *last);
    if (!seen || !present || !last) {
      kg_free(seen);
      kg_free(present);
      kg_free(last);
      return 0;
    }
  }
  rule_last = last + vw * 64;
  possible = seen + words;
  uint64_t *sat = seen + 3 * words; /* per required set: rules it does not rule out */
  /* possible[]: rules with a word of each of their required sets in the sentence. A
   * rule consumes one word of each set at or after its start, so it cannot start after
   * rule_last[], the last token from which every set still has a word ahead: worked out
   * for each possible rule before the scan. */
  memcpy(sat, rs->req_none, KGR_MAX_REQ * words * sizeof *sat);
  for (size_t p = a; p < b; p++)
    for (unsigned k = 0; k < in->tids[p].nids; k++) {
      size_t id = (size_t)in->tids[p].ids[k];
      uint64_t bit = 1ULL << (id % 64);
      last[id] = p;
      if (present[id / 64] & bit)
        continue; /* its row is in sat[] already: words repeat ("de", "the") */
      present[id / 64] |= bit;
      if (rs->req_row[id] >= 0) {
        size_t r = (size_t)rs->req_row[id];
        for (size_t x = rs->req_sp_off[r]; x < rs->req_sp_off[r + 1]; x++)
          sat[rs->req_sp_at[x]] |= rs->req_sp_bits[x];
      }
    }
  for (size_t w = 0; w < words; w++) {
    possible[w] = sat[w];
    for (int q = 1; q < KGR_MAX_REQ; q++)
      possible[w] &= sat[(size_t)q * words + w];
  }
  /* the types of what a capture can take in this sentence */
  unsigned types = 0;
  for (size_t p = a; p < b; p++) {
    for (long j = in->ment_first[p]; j >= 0 && (size_t)j < in->nment_entries; j++) {
      if (in->ment_key[j] != p)
        break;
      const KgmMention *m = &in->ments[in->ment_order[j]];
      if (m->tok_end <= b)
        types |= kgr_mention_type(m);
    }
    for (long j = in->q_first[p]; j >= 0 && (size_t)j < in->nquants; j++) {
      if (in->q_key[j] != p)
        break;
      const KgrQuantity *q = &in->quants[in->q_order[j]];
      if (q->tok_end <= b)
        types |= kgr_quant_type(q);
    }
  }
  uint64_t *needed = seen + (3 + KGR_MAX_REQ) * words;
  const uint64_t *allowed = needed;
  if (own)
    allowed = kgr_need_cached(rs, inw, types);
  else
    kgr_need_filter(rs, types, needed);
  for (size_t w = 0; w < words; w++)
    possible[w] &= allowed[w];
  /* no possible rule starts after the last of their rule_last[]; the per-token work below
     looks only at the words of possible[] that hold a rule (nzw[], usually few) */
  uint64_t any = 0;
  size_t stop = a, nnz = 0;
  uint64_t *nzw = seen + 2 * words;
  for (size_t w = 0; w < words; w++) {
    any |= possible[w];
    if (possible[w])
      nzw[nnz++] = w;
    for (uint64_t m = possible[w]; m; m &= m - 1) {
      size_t ri = w * 64 + (size_t)__builtin_ctzll(m);
      rule_last[ri] = kgr_last_start(rs, ri, present, last, b);
      if (rule_last[ri] + 1 > stop)
        stop = rule_last[ri] + 1;
    }
  }
  /* whether a possible rule may start at any token, not only at a word, mention or
     quantity of its own: most sentences have none, and most tokens then start nothing */
  uint64_t anywhere = 0;
  for (size_t k = 0; k < nnz; k++)
    anywhere |= rs->any_bits[nzw[k]] & possible[nzw[k]];
  KgrState s;
  size_t empty_at[KGR_FIRST_KINDS]; /* by first_kind: 1 + the token it found no item at */
  KgrFirstItems memo[KGR_FIRST_KINDS];
  if (any) {
    memset(&s, 0, sizeof s);
    memset(empty_at, 0, sizeof empty_at);
    for (size_t k = 0; k < KGR_FIRST_KINDS; k++)
      memo[k].at = 0;
  }
  s.memo = memo;
  s.rs = rs;
  s.in = in;
  s.a = a;
  s.b = b;
  int rc = 0;
  for (size_t pos = a; any && pos < stop && !rc; pos++) {
    const KgrTokIds *ti = &in->tids[pos];
    /* candidates: by word id, mention start (or determiner before one), quantity start */
    int ment = in->ment_first[pos] >= 0 ||
               (pos + 1 < b && in->ment_first[pos + 1] >= 0 && kgr_tok_in_class(rs, ti, rs->det_cls));
    int quant = in->q_first[pos] >= 0 ||
                (pos + 1 < b && in->q_first[pos + 1] >= 0 && kgr_tok_in_class(rs, ti, rs->det_cls));
    /* seen[] is only read at the words of nzw[]: the others may hold stale bits */
    if (!anywhere && !ment && !quant && !kgr_tok_leads(rs, ti))
      continue;
    const uint64_t *sb = rs->start_bits + (size_t)(ment | (quant << 1)) * words;
    for (size_t k = 0; k < nnz; k++)
      seen[nzw[k]] = sb[nzw[k]];
    for (unsigned i = 0; i < ti->nids; i++) {
      size_t id = (size_t)ti->ids[i];
      if (id < rs->nby_id)
        for (size_t k = 0, n = rs->by_id_n[id]; k < n; k++)
          seen[rs->by_id[id][k] / 64] |= 1ULL << (rs->by_id[id][k] % 64);
    }
    /* rules in file order, so results do not depend on the index */
    for (size_t k = 0; k < nnz && !rc; k++) {
      size_t w = (size_t)nzw[k];
      uint64_t bits = seen[w] & possible[w] & (pos == a ? ~0ULL : ~rs->anchored_bits[w]);
      while (bits && !rc) {
        int bit = __builtin_ctzll(bits);
        bits &= bits - 1;
        size_t ri = w * 64 + (size_t)bit;
        int fk = rs->rules[ri].first_kind;
        if (pos > rule_last[ri] || (fk >= 0 && empty_at[fk] == pos + 1))
          continue;
        rc = kgr_try(&s, ri, pos, fn, user_data);
        if (fk >= 0 && s.first_items == 0)
          empty_at[fk] = pos + 1;
      }
    }
  }
  if (own) {
    /* a few hundred bytes: less than going over the sentence's words again */
    memset(present, 0, vw * sizeof *present);
    inw->scratch_busy = 0;
  } else {
    kg_free(seen);
    kg_free(present);
    kg_free(last);
  }
  return rc;
}
