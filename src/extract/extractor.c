/*
 * extractor.c - the extractor: language data loaded and rules compiled once, then for
 * each article: tokens, mentions, quantities, entities in the graph, and the facts the
 * rules find (relations.c).
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <pthread.h>

#include <kgbuild/extract.h>
#include "extract/extract_int.h"
#include "util/util.h"

#ifndef KG_PKGDATADIR
#define KG_PKGDATADIR "."
#endif

static const char *const kgx_langs[] = {"en", "fr"};
#define KGX_NLANGS 2

/* The rules of a language are compiled when its first article arrives: a run over
 * articles in one language never pays for the other's rules, which is about a third of
 * the start-up. kg_extract() takes a const extractor and may run in several threads, so
 * what it fills in lives behind a pointer, under a lock. */
typedef struct {
  pthread_mutex_t lock;
  KgrRuleSet *rules[KGX_NLANGS];
  KgxClasses cls[KGX_NLANGS]; /* of each rule set */
  KgStatus st[KGX_NLANGS];    /* of the compilation, once tried */
  int tried[KGX_NLANGS];
  char *data_dir;
  char **lexicons; /* the user's rule and lexicon files */
  size_t n_lexicons;
} KgxRules;

struct KgExtractorImpl {
  KgmGazetteer *gaz;
  KgxRules *rl;
  char lang[8]; /* "" for auto */
};

static void kgx_rules_free(KgxRules *rl) {
  if (!rl)
    return;
  for (int i = 0; i < KGX_NLANGS; i++)
    kgr_ruleset_free(rl->rules[i]);
  for (size_t k = 0; k < rl->n_lexicons; k++)
    kg_free(rl->lexicons[k]);
  kg_free(rl->lexicons);
  kg_free(rl->data_dir);
  pthread_mutex_destroy(&rl->lock);
  kg_free(rl);
}

void kg_extractor_free(KgExtractor *ex) {
  if (!ex)
    return;
  kgm_gazetteer_free(ex->gaz);
  kgx_rules_free(ex->rl);
  kg_free(ex);
}

static KgStatus kgx_rules_new(const char *data_dir, const KgExtractorOptions *opts,
                              KgxRules **out) {
  KgxRules *rl = kg_calloc(1, sizeof *rl);
  if (!rl)
    return KG_ERR_NOMEM;
  if (pthread_mutex_init(&rl->lock, NULL) != 0) {
    kg_free(rl);
    return KG_ERR_NOMEM;
  }
  size_t n = opts && opts->lexicons ? opts->n_lexicons : 0;
  if (!(rl->data_dir = kg_strdup(data_dir)) ||
      (n && !(rl->lexicons = kg_calloc(n, sizeof *rl->lexicons)))) {
    kgx_rules_free(rl);
    return KG_ERR_NOMEM;
  }
  for (size_t k = 0; k < n; k++) {
    if (!(rl->lexicons[k] = kg_strdup(opts->lexicons[k]))) {
      kgx_rules_free(rl);
      return KG_ERR_NOMEM;
    }
    rl->n_lexicons++;
  }
  *out = rl;
  return KG_SUCCESS;
}

static KgStatus kgx_load_rules(KgrRuleSet *rs, const KgxRules *rl, const char *lang,
                               const KgLog *log) {
  char path[4096];
  KgStatus st;
  snprintf(path, sizeof path, "%s/lexicon/%s-relations.tsv", rl->data_dir, lang);
  if ((st = kgr_ruleset_add_file(rs, path, log)) != KG_SUCCESS)
    return st;
  snprintf(path, sizeof path, "%s/rules/%s.rules", rl->data_dir, lang);
  if ((st = kgr_ruleset_add_file(rs, path, log)) != KG_SUCCESS)
    return st;
  for (size_t i = 0; i < rl->n_lexicons; i++)
    if ((st = kgr_ruleset_add_file(rs, rl->lexicons[i], log)) != KG_SUCCESS)
      return st;
  return kgr_ruleset_compile(rs, log);
}

/* The compiled rules of language @p li, compiled now if they were not: NULL when they
 * could not be (the first try logged why; *st says so every time). */
static const KgrRuleSet *kgx_rules_of(KgxRules *rl, int li, const KgLog *log, KgStatus *st,
                                      const KgxClasses **cls) {
  pthread_mutex_lock(&rl->lock);
  if (!rl->tried[li]) {
    rl->tried[li] = 1;
    KgStatus s = kgr_ruleset_new(kgx_langs[li], &rl->rules[li]);
    if (s == KG_SUCCESS)
      s = kgx_load_rules(rl->rules[li], rl, kgx_langs[li], log);
    if (s == KG_SUCCESS)
      kgx_classes_init(rl->rules[li], &rl->cls[li]);
    else {
      kgr_ruleset_free(rl->rules[li]);
      rl->rules[li] = NULL;
    }
    rl->st[li] = s;
    rl->tried[li] = s != KG_ERR_NOMEM; /* memory may come back: try again next time */
  }
  const KgrRuleSet *rs = rl->rules[li];
  *st = rl->st[li];
  *cls = &rl->cls[li];
  pthread_mutex_unlock(&rl->lock);
  return rs;
}

KgStatus kg_extractor_new(const KgExtractorOptions *opts, const KgLog *log, KgExtractor **out) {
  KgStatus st;
  const char *data_dir = opts && opts->data_dir ? opts->data_dir : getenv("KGBUILD_DATA_DIR");
  if (!data_dir || !*data_dir)
    data_dir = KG_PKGDATADIR;
  if (!out)
    return KG_ERR_BAD_ARG;
  if (opts && opts->lang && strcmp(opts->lang, "auto") != 0 && strcmp(opts->lang, "en") != 0 &&
      strcmp(opts->lang, "fr") != 0) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_BAD_ARG, NULL, -1, "unknown language '%s'", opts->lang);
    return KG_ERR_BAD_ARG;
  }
  KgExtractor *ex = kg_calloc(1, sizeof *ex);
  if (!ex)
    return KG_ERR_NOMEM;
  if (opts && opts->lang && strcmp(opts->lang, "auto") != 0)
    snprintf(ex->lang, sizeof ex->lang, "%s", opts->lang);
  if (opts && opts->n_gazetteers)
    st = kgm_gazetteer_load(data_dir, opts->gazetteers, opts->n_gazetteers, log, &ex->gaz);
  else /* a prepared file, mapped: what the shipped files hold is the same every run */
    st = kgm_gazetteer_load_cached(data_dir, log, &ex->gaz);
  if (st == KG_SUCCESS && opts && opts->n_lexicons)
    st = kgm_gazetteer_add_lexicons(ex->gaz, opts->lexicons, opts->n_lexicons, log);
  if (st == KG_SUCCESS)
    st = kgx_rules_new(data_dir, opts, &ex->rl);
  /* Rules compiled now: those of the one language asked for, and every language's when the
   * user gave rule files, so that their errors come before any output. */
  for (int i = 0; i < KGX_NLANGS && st == KG_SUCCESS; i++) {
    if (ex->lang[0] ? strcmp(ex->lang, kgx_langs[i]) != 0 : !ex->rl->n_lexicons)
      continue;
    const KgxClasses *cls;
    kgx_rules_of(ex->rl, i, log, &st, &cls);
  }
  if (st != KG_SUCCESS) {
    kg_extractor_free(ex);
    return st;
  }
  *out = ex;
  return KG_SUCCESS;
}

/* ------------------------------------------------------------------ per article */

typedef struct {
  KgrQuantity *v;
  size_t n, cap;
} KgxQuants;

/* snprintf(dst, cap, "%s", src) without the format machinery, which cost more than the
 * rest of recording a quantity. */
static void kgx_copy(char *dst, size_t cap, const char *src) {
  size_t n = 0;
  while (n + 1 < cap && src[n])
    n++;
  memcpy(dst, src, n);
  dst[n] = '\0';
}

static KgStatus kgx_quant_add(KgxQuants *q, KgrQKind kind, size_t a, size_t b, const char *value,
                              const char *currency) {
  if (q->n == q->cap) {
    size_t nc = q->cap ? q->cap * 2 : 64;
    KgrQuantity *nv = kg_realloc(q->v, nc * sizeof *nv);
    if (!nv)
      return KG_ERR_NOMEM;
    q->v = nv;
    q->cap = nc;
  }
  KgrQuantity *x = &q->v[q->n++];
  memset(x, 0, sizeof *x);
  x->kind = kind;
  x->tok_start = a;
  x->tok_end = b;
  kgx_copy(x->value, sizeof x->value, value);
  if (currency)
    kgx_copy(x->currency, sizeof x->currency, currency);
  return KG_SUCCESS;
}

/* Money, percentages, dates and counts of tokens [a, b), each kind read left to right. */
/* "last June" (or "en juin dernier") written in March 2024 is June 2023: a month the date
 * got no year for, said to be past, and not before the article's month this year. */
static void kgx_past_month(const KgtDoc *d, size_t i, size_t n, int month, char date[16]) {
  if (month <= 0 || strlen(date) != 7)
    return;
  for (size_t k = i; k < i + n; k++) {
    const KgtToken *t = kgt_doc_token(d, k);
    if (t->kind == KGT_NUMBER && t->number >= 1000)
      return; /* the year is written */
  }
  const char *before = i > 0 ? kgt_doc_token(d, i - 1)->fold : "";
  const char *after = i + n < kgt_doc_ntokens(d) ? kgt_doc_token(d, i + n)->fold : "";
  if (strcmp(before, "last") != 0 && strcmp(after, "dernier") != 0 && strcmp(after, "derniere") != 0)
    return;
  int y = (int)strtol(date, NULL, 10), m = (int)strtol(date + 5, NULL, 10);
  if (m >= month && y > 1)
    snprintf(date, 16, "%04d-%02d", y - 1, m);
}

static KgStatus kgx_quantities(const KgtDoc *d, size_t a, size_t b, int year, int month,
                               KgxQuants *q) {
  size_t skip[KGR_Q__COUNT] = {0, 0, 0, 0};
  KgStatus st = KG_SUCCESS;
  for (size_t i = a; i < b && st == KG_SUCCESS; i++) {
    const KgtToken *t = kgt_doc_token(d, i);
    size_t n;
    /* the parsers' own first tests, inline: most tokens start no quantity, and fail all
       four at once here */
    if (t->kind != KGT_NUMBER && !kgt_money_may_start(d, i) && !kgt_date_may_start(d, i))
      continue;
    if (i >= skip[KGR_Q_MONEY] && kgt_money_may_start(d, i)) {
      KgtMoney m;
      if ((n = kgt_parse_money(d, i, &m)) > 0 && m.amount[0] && m.currency[0]) {
        st = kgx_quant_add(q, KGR_Q_MONEY, i, i + n, m.amount, m.currency);
        skip[KGR_Q_MONEY] = i + n;
      }
    }
    if (st == KG_SUCCESS && i >= skip[KGR_Q_PERCENT] && t->kind == KGT_NUMBER) {
      char pct[32];
      if ((n = kgt_parse_percent(d, i, pct)) > 0) {
        st = kgx_quant_add(q, KGR_Q_PERCENT, i, i + n, pct, NULL);
        skip[KGR_Q_PERCENT] = i + n;
      }
    }
    if (st == KG_SUCCESS && i >= skip[KGR_Q_DATE] && kgt_date_may_start(d, i)) {
      char date[16];
      if ((n = kgt_parse_date(d, i, year, date)) > 0 && date[0]) {
        kgx_past_month(d, i, n, month, date);
        st = kgx_quant_add(q, KGR_Q_DATE, i, i + n, date, NULL);
        skip[KGR_Q_DATE] = i + n;
      }
    }
    if (st == KG_SUCCESS && i >= skip[KGR_Q_COUNT] &&
        (t->kind == KGT_NUMBER || (kgt_doc_lex_kinds(d, i) & KGT_LEX_BIT(KGT_LEX_SCALE)))) {
      char count[48];
      if ((n = kgt_parse_count(d, i, count)) > 0) {
        st = kgx_quant_add(q, KGR_Q_COUNT, i, i + n, count, NULL);
        skip[KGR_Q_COUNT] = i + n;
      }
    }
  }
  return st;
}

static KgEntityId kgx_find_org(const KgGraph *g, const KgmMention *m) {
  KgEntityId id = kg_graph_find_entity(g, m->cls, m->name, m->qualifier);
  if (id != KG_NO_ENTITY || !kg_class_is_organization(m->cls))
    return id;
  for (int c = 0; c < KG_CLASS__COUNT && id == KG_NO_ENTITY; c++)
    if (kg_class_is_organization((KgClass)c))
      id = kg_graph_find_entity(g, (KgClass)c, m->name, m->qualifier);
  return id;
}

/* Add @p f, a fact that mention @p m states about entity @p subject, with the mention's
 * sentence as evidence. Only running out of memory is an error; a fact the graph refuses
 * is logged. */
static KgStatus kgx_mention_fact(const KgtDoc *doc, const KgmMention *m, KgEntityId subject,
                                 KgFact *f, KgGraph *g, const KgLog *log) {
  const KgtSentence *S = kgt_doc_sentence(doc, kgt_doc_token(doc, m->tok_start)->sentence);
  long ev_start, ev_end;
  char *ev = kgx_evidence(doc, S, m->tok_start, m->tok_end, &ev_start, &ev_end);
  if (!ev)
    return KG_ERR_NOMEM;
  f->subject = subject;
  f->evidence = ev;
  f->evidence_start = ev_start;
  f->evidence_end = ev_end;
  KgStatus st = kg_graph_add_fact(g, f);
  kg_free(ev);
  if (st == KG_ERR_NOMEM)
    return st;
  if (st != KG_SUCCESS)
    kgi_log(log, KG_LOG_DEBUG, st, NULL, -1, "%s of %s not kept", f->extractor, m->name);
  return KG_SUCCESS;
}

/* An entity for every mention: names first, then anaphors, which join the entity they
 * refer to. Places and legal forms the mentions carry become basedIn and legalForm facts. */
static KgStatus kgx_entities(const KgtDoc *doc, const KgmMentions *ms, const char *lang,
                             KgGraph *g, KgEntityId *ids, const KgLog *log) {
  KgStatus st = KG_SUCCESS;
  for (int pass = 0; pass < 2 && st == KG_SUCCESS; pass++) {
    for (size_t i = 0; i < ms->n && st == KG_SUCCESS; i++) {
      const KgmMention *m = &ms->items[i];
      int anaphor = (m->flags & KGM_F_ANAPHOR) != 0;
      if (anaphor != pass)
        continue;
      ids[i] = KG_NO_ENTITY;
      if (!m->name || !*m->name || m->cls >= KG_CLASS__COUNT)
        continue;
      if (anaphor && (ids[i] = kgx_find_org(g, m)) != KG_NO_ENTITY)
        continue;
      if ((st = kg_graph_entity(g, m->cls, m->name, m->qualifier, lang, &ids[i])) != KG_SUCCESS)
        break;
      /* a place named inside a word ("Ohio-based") is no other name of it */
      if (!anaphor && !(m->flags & (KGM_F_DEMONYM | KGM_F_SHARED)) && m->surface &&
          strcmp(m->surface, m->name) != 0 && !(m->cls == KG_CLASS_PLACE && strchr(m->surface, '-') &&
                                                !strchr(m->name, '-')))
        st = kg_graph_entity_add_alias(g, ids[i], m->surface);
      /* the QID belongs to the unqualified name: "Zorbex" the company, not its nonprofit
       * parent named by the same word */
      if (st == KG_SUCCESS && m->qid && !(m->qualifier && *m->qualifier))
        st = kg_graph_entity_set_qid(g, ids[i], m->qid);
    }
  }
  if (st != KG_SUCCESS)
    return st;
  /* per entity: the place last stated and whether its legal form is out, so that a text
     repeating a description thousands of times stays linear */
  size_t nent = kg_graph_entity_count(g);
  unsigned char *has_form = kg_calloc(nent ? nent : 1, 1);
  const char **placed = kg_calloc(nent ? nent : 1, sizeof *placed);
  if (!has_form || !placed)
    st = KG_ERR_NOMEM;
  for (size_t i = 0; i < ms->n && st == KG_SUCCESS; i++) {
    const KgmMention *m = &ms->items[i];
    if (ids[i] == KG_NO_ENTITY || (size_t)ids[i] >= nent || !kg_class_is_organization(m->cls))
      continue;
    KgFact f;
    /* "le groupe français", "the Dutch company": the description places the organization
       it refers to (a repeated description states nothing new) */
    for (int k = 0; k < 2 && m->place[k] && placed[ids[i]] != m->place[0] && st == KG_SUCCESS;
         k++) {
      kg_fact_init(&f);
      if ((st = kg_graph_entity(g, KG_CLASS_PLACE, m->place[k], NULL, lang, &f.object)) ==
              KG_SUCCESS &&
          (!m->place_qid[k] || (st = kg_graph_entity_set_qid(g, f.object, m->place_qid[k])) ==
                                   KG_SUCCESS)) {
        f.relation = KG_REL_BASED_IN;
        f.confidence = 0.7;
        f.extractor = "mentions:anaphor-place";
        st = kgx_mention_fact(doc, m, ids[i], &f, g, log);
      }
    }
    if (m->place[0])
      placed[ids[i]] = m->place[0];
    /* legal forms: one fact per entity, from its first mention that states one */
    if (m->legal_form && !has_form[ids[i]] && st == KG_SUCCESS) {
      has_form[ids[i]] = 1;
      kg_fact_init(&f);
      f.relation = KG_REL_LEGAL_FORM;
      f.value = m->legal_form;
      f.value_kind = KG_LIT_STRING;
      f.confidence = 0.8;
      f.extractor = "mentions:legal-form";
      st = kgx_mention_fact(doc, m, ids[i], &f, g, log);
    }
  }
  kg_free(has_form);
  kg_free(placed);
  return st;
}

/* The article's date: its metadata, else the dateline ("REDMOND, Oct. 13, 2023 -",
 * "PARIS, 7 janvier 2021 —", "date 2023-01 (...)"): a date among the first tokens. */
static void kgx_article_date(const KgArticle *a, const KgtDoc *doc, char out[16]) {
  const char *meta = kg_article_get_meta(a, KG_META_DATE_PUBLISHED);
  out[0] = '\0';
  if (meta && strlen(meta) >= 4 && strlen(meta) < 16) {
    snprintf(out, 16, "%s", meta);
    return;
  }
  size_t n = kgt_doc_ntokens(doc);
  for (size_t i = 0; i < n && i < 14; i++) {
    char d[16];
    size_t k = kgt_parse_date(doc, i, 0, d);
    if (k == 0 || strlen(d) < 4)
      continue;
    /* a dateline's date is followed by its dash or its agency in brackets; a date in the
       first sentence ("Osprel, rachetée en 2019, …") is no publication date */
    for (size_t j = i + k; j < n && j < i + k + 4; j++) {
      const char *w = kgt_doc_token(doc, j)->lower;
      if (strcmp(w, "-") == 0 || strcmp(w, "--") == 0 || strcmp(w, "\xe2\x80\x94") == 0 ||
          strcmp(w, "\xe2\x80\x93") == 0 || strcmp(w, "(") == 0 || strcmp(w, "/") == 0) {
        snprintf(out, 16, "%s", d);
        return;
      }
    }
  }
}

KgStatus kg_extract(const KgExtractor *ex, const KgArticle *a, KgGraph *g, const KgLog *log) {
  if (!ex || !a || !g)
    return KG_ERR_BAD_ARG;
  KgStatus st;
  KgtDoc *doc = NULL;
  KgmMentions ms;
  KgxQuants q = {NULL, 0, 0};
  KgEntityId *ids = NULL;
  KgrInput *in = NULL;
  KgtToken *copy = NULL;
  memset(&ms, 0, sizeof ms);
  const char *text = kg_article_text(a);
  size_t len = kg_article_length(a);
  const char *lang = kg_article_get_meta(a, KG_META_LANGUAGE);
  if (!lang || (strcmp(lang, "en") != 0 && strcmp(lang, "fr") != 0))
    lang = ex->lang[0] ? ex->lang : kgt_detect_language(text, len);
  int li = strcmp(lang, "fr") == 0;
  const KgxClasses *cls;
  const KgrRuleSet *rules = kgx_rules_of(ex->rl, li, log, &st, &cls);
  if (!rules)
    return st == KG_ERR_NOMEM ? st : KG_ERR_DATA;

  KGI_TRY(st, kgt_doc_new_lex(text, len, kgx_langs[li], kgm_gazetteer_lexicon(ex->gaz), &doc));
  KGI_TRY(st, kgm_find_mentions(ex->gaz, doc, &ms));
  char date[16];
  kgx_article_date(a, doc, date);
  size_t ntoks = kgt_doc_ntokens(doc);
  KGI_TRY(st, kgx_quantities(doc, 0, ntoks, date[0] ? (int)strtol(date, NULL, 10) : 0,
                             strlen(date) >= 7 ? (int)strtol(date + 5, NULL, 10) : 0, &q));
  if (!(ids = kg_malloc(2 * (ms.n ? ms.n : 1) * sizeof *ids))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  KgEntityId *alt = ids + (ms.n ? ms.n : 1);
  KgEntityId first_entity = (KgEntityId)kg_graph_entity_count(g);
  KGI_TRY(st, kgx_entities(doc, &ms, kgx_langs[li], g, ids, log));
  /* second readings of anaphors: only entities the article already names */
  for (size_t i = 0; i < ms.n; i++) {
    const KgmMention *m = &ms.items[i];
    KgmMention other;
    alt[i] = KG_NO_ENTITY;
    if (!m->alt_name)
      continue;
    other = *m;
    other.name = m->alt_name;
    other.qualifier = m->alt_qualifier;
    other.cls = m->alt_cls;
    alt[i] = kgx_find_org(g, &other);
  }
  /* the matcher wants the tokens as one array */
  const KgtToken *toks = ntoks ? kgt_doc_token(doc, 0) : NULL;
  if (ntoks > 1 && kgt_doc_token(doc, ntoks - 1) != toks + (ntoks - 1)) {
    if (!(copy = kg_malloc(ntoks * sizeof *copy))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    for (size_t i = 0; i < ntoks; i++)
      copy[i] = *kgt_doc_token(doc, i);
    toks = copy;
  }
  KGI_TRY(st, kgr_input_new(rules, toks, ntoks, ntoks ? kgt_doc_head(doc)->fold_hash : NULL,
                               ms.items, ms.n, q.v, q.n, &in));
  KgxContext c = {rules, cls, doc, in, ms.items, ms.n, q.v, q.n, ids, alt, kgx_langs[li],
                  date[0] ? date : NULL, g, log, first_entity};
  st = kgx_relations(&c);
out:
  kgr_input_free(in);
  kg_free(copy);
  kg_free(ids);
  kg_free(q.v);
  kgm_mentions_clear(&ms);
  kgt_doc_free(doc);
  return st;
}
