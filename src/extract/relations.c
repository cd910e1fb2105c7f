/*
 * relations.c - from rule matches to facts: one sentence at a time, the cue rules
 * (status, hedges, attributions, negations, exclusivity) are read first, then every
 * fact rule's match becomes facts whose status, qualifiers and confidence come from
 * the rule and from the cues around it. See ontology/rules/README.md for the policy.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "extract/extract_int.h"
#include "util/util.h"

/* How far (tokens) a cue may sit from a match and still qualify its facts. */
#define KGX_STATUS_REACH 10
#define KGX_CANCEL_REACH 14
/* cue matches are short: a cue within reach starts no further than this from the fact */
#define KGX_CUE_WINDOW 64
/* how far back a conditional verb governs the facts after it */
#define KGX_COND_BACK 30
#define KGX_DATE_REACH 14
#define KGX_AMOUNT_AFTER 12
#define KGX_NEG_BEFORE 3
/* … and after one that opens a reported clause */
#define KGX_NEG_CLAUSE 8

typedef struct {
  KgrMatch *v;
  size_t n, cap;
  int oom;
} KgxMatches;

typedef struct {
  KgRelation rel;
  KgEntityId s, o;
  char value[48];
  KgLiteralKind vkind;
  int has_value;
  char amount[48], currency[4], pct[48], date[48];
  KgFactStatus status;
  int exclusive;
  char *condition;
  KgEntityId rep;
  double conf;
  size_t rule;
  size_t tok_a, tok_b; /* the match */
  int guessed_obj;     /* the object (or an attribute's subject) is the article's focus, not a
                          name the rule read */
  int guessed_subj;    /* the subject is the article's focus (subject=focus), not a name */
  size_t sent;         /* its sentence, for a fallback fact kept to the article's end */
  int o_demonym;       /* the object was read from a demonym ("the American group") */
} KgxCand;

typedef struct {
  KgxCand *v;
  size_t n, cap;
} KgxCands;

static int kgx_collect(void *ud, const KgrMatch *m) {
  KgxMatches *ms = ud;
  if (ms->n == ms->cap) {
    size_t nc = ms->cap ? ms->cap * 2 : 16;
    KgrMatch *nv = kg_realloc(ms->v, nc * sizeof *nv);
    if (!nv) {
      ms->oom = 1;
      return 1;
    }
    ms->v = nv;
    ms->cap = nc;
  }
  ms->v[ms->n++] = *m;
  return 0;
}

/* Relations whose facts are events or holdings, which carry a status and a time. */
static int kgx_is_deal(KgRelation r) {
  return r == KG_REL_INVESTS_IN || r == KG_REL_ACQUIRED || r == KG_REL_OWNS_STAKE_IN ||
         r == KG_REL_PROFIT_SHARE_IN || r == KG_REL_CONTROLS || r == KG_REL_VALUATION ||
         r == KG_REL_REVENUE;
}

static int kgx_takes_date(KgRelation r) {
  return kgx_is_deal(r) || r == KG_REL_PARTNER_OF || r == KG_REL_SUPPLIER_OF;
}

/* A chief executive or chair takes a date only from a sentence that tells an appointment
 * ("was named chief executive on Sept. 9", « prendra ses fonctions le 1er juillet »): a
 * word of class APPOINT_WORD in it. */
static int kgx_in(const KgxContext *c, size_t t, long cls);

static int kgx_appointment(const KgxContext *c, const KgtSentence *S) {
  long cls = c->cls->appoint;
  for (size_t i = S->tok_start; cls >= 0 && i < S->tok_end; i++)
    if (kgx_in(c, i, cls))
      return 1;
  return 0;
}

static int kgx_takes_exclusive(KgRelation r) {
  return r == KG_REL_SUPPLIER_OF || r == KG_REL_PARTNER_OF || r == KG_REL_USES_TECHNOLOGY_OF;
}

/* Token distance between spans [a1,b1) and [a2,b2); 0 when they overlap. */
static size_t kgx_dist(size_t a1, size_t b1, size_t a2, size_t b2) {
  if (b1 <= a2)
    return a2 - b1;
  if (b2 <= a1)
    return a1 - b2;
  return 0;
}

static KgLiteralKind kgx_date_kind(const char *d) {
  size_t n = strlen(d);
  return n == 4 ? KG_LIT_YEAR : n == 7 ? KG_LIT_YEAR_MONTH : KG_LIT_DATE;
}

/* Token @p t is a word of the relations lexicon's class @p cls (from KgxClasses). */
static int kgx_in(const KgxContext *c, size_t t, long cls) {
  return cls >= 0 && kgr_input_token_in_class(c->rules, c->in, t, cls);
}

void kgx_classes_init(const KgrRuleSet *rs, KgxClasses *out) {
  out->per = kgr_ruleset_class(rs, "PER_WORD");
  out->share = kgr_ruleset_class(rs, "SHARE_WORD");
  out->valuation = kgr_ruleset_class(rs, "VALUATION_WORD");
  out->deal = kgr_ruleset_class(rs, "DEAL_NOUN");
  out->clause_conj = kgr_ruleset_class(rs, "CLAUSE_CONJ");
  out->contrast_conj = kgr_ruleset_class(rs, "CONTRAST_CONJ");
  out->cond_cue = kgr_ruleset_class(rs, "CONDITION_CUE");
  out->cond_head = kgr_ruleset_class(rs, "CONDITION_HEAD");
  out->cond_link = kgr_ruleset_class(rs, "CONDITION_LINK");
  out->relative = kgr_ruleset_class(rs, "RELATIVE_WORD");
  out->founding = kgr_ruleset_class(rs, "FOUNDING_WORD");
  out->appoint = kgr_ruleset_class(rs, "APPOINT_WORD");
  out->relative_day = kgr_ruleset_class(rs, "RELATIVE_DAY");
  out->year_noun = kgr_ruleset_class(rs, "YEAR_NOUN");
  out->year_prev = kgr_ruleset_class(rs, "YEAR_PREV");
  out->year_this = kgr_ruleset_class(rs, "YEAR_THIS");
  out->poss_det = kgr_ruleset_class(rs, "POSS_DET");
  out->thing_rel = kgr_ruleset_class(rs, "THING_RELATIVE");
  out->complementizer = kgr_ruleset_class(rs, "COMPLEMENTIZER");
  memset(out->fallback, 0, sizeof out->fallback);
  for (size_t i = 0, n = kgr_ruleset_count(rs); i < n; i++) {
    const KgrRule *r = kgr_ruleset_rule(rs, i);
    if ((r->flags & KGR_RULE_FALLBACK) && r->output == KGR_OUT_FACT && (int)r->relation >= 0 &&
        r->relation < KG_REL__COUNT)
      out->fallback[r->relation] = 1;
  }
}

/* "… run by brothers Felix and Julian Baker, which held 25% of X": a relative word that
 * never stands for a person (class THING_RELATIVE, "which") right after person mention
 * @p sm, inside the match ending at @p end, opens a clause about something else. */
static int kgx_person_thing_clause(const KgxContext *c, size_t sm, size_t end) {
  if (c->cls->thing_rel < 0 || sm >= c->nments || c->ments[sm].cls != KG_CLASS_PERSON)
    return 0;
  size_t e = c->ments[sm].tok_end;
  return e + 1 < end && kgt_token_is(c->doc, e, ",") &&
         kgr_input_token_in_class(c->rules, c->in, e + 1, c->cls->thing_rel);
}

/* "last year", « l'an dernier » (-1), "this year", « cette année » (0) in the sentence:
 * the year relative to the article's; returns 0 when none, else 1 and sets @p delta. */
static int kgx_relative_year(const KgxContext *c, const KgtSentence *S, int *delta) {
  const KgxClasses *k = c->cls;
  if (k->year_noun < 0)
    return 0;
  for (size_t i = S->tok_start; i < S->tok_end; i++) {
    if (!kgr_input_token_in_class(c->rules, c->in, i, k->year_noun))
      continue;
    int before_prev = i > S->tok_start && k->year_prev >= 0 &&
                      kgr_input_token_in_class(c->rules, c->in, i - 1, k->year_prev);
    int after_prev = i + 1 < S->tok_end && k->year_prev >= 0 &&
                     kgr_input_token_in_class(c->rules, c->in, i + 1, k->year_prev);
    if (before_prev || after_prev) {
      *delta = -1;
      return 1;
    }
    if (i > S->tok_start && k->year_this >= 0 &&
        kgr_input_token_in_class(c->rules, c->in, i - 1, k->year_this)) {
      *delta = 0;
      return 1;
    }
  }
  return 0;
}

/* A price per share ("$95 a share", "20,50 euros par action") is no deal amount. */
static int kgx_per_share(const KgxContext *c, size_t end, size_t sent_end) {
  if (end + 1 >= sent_end)
    return 0;
  return kgx_in(c, end, c->cls->per) && kgx_in(c, end + 1, c->cls->share);
}

/* Money just after a valuation verb belongs to the valuation, not to the deal ("valuing
 * the company at $1.5 billion"). */
static int kgx_valuation_money(const KgxContext *c, size_t start, size_t sent_start) {
  long val = c->cls->valuation;
  /* "valuing the company at $13.8 billion", « qui valorise la jeune pousse à près de 6
     milliards »: a few words back, not past a comma */
  for (size_t k = 1; k <= 8 && start >= sent_start + k; k++) {
    if (kgt_token_is(c->doc, start - k, ","))
      break;
    if (!kgx_in(c, start - k, val))
      continue;
    /* "in an all-stock deal valued at $35 billion", « une opération valorisée à »: the
       deal's value, not a company's */
    size_t w = start - k;
    for (size_t j = 1; j <= 2 && w >= sent_start + j; j++)
      if (kgx_in(c, w - j, c->cls->deal))
        return 0;
    return 1;
  }
  return 0;
}

/* Between the end of a match @p a and a quantity at @p b, a conjunction and then a name:
 * the quantity belongs to another clause ("acquired A for $2.9 billion and bought B in
 * 2018": 2018 dates B's purchase, not A's). */
static int kgx_other_clause(const KgxContext *c, size_t a, size_t b) {
  for (size_t k = a; k < b; k++)
    if (kgx_in(c, k, c->cls->clause_conj)) {
      for (size_t j = k + 1; j < b; j++)
        if (kgr_input_in_name(c->in, j))
          return 1;
      /* "bought A for $7.4 billion, and in 2019 it completed …": a clause after a comma
         and a conjunction that opens on the quantity and then its own subject */
      if (k > a && k + 2 >= b && kgt_doc_token(c->doc, k - 1)->kind == KGT_PUNCT &&
          strcmp(kgt_doc_token(c->doc, k - 1)->lower, ",") == 0) {
        size_t e = b;
        while (e < kgt_doc_ntokens(c->doc) && e < b + 6 && !kgr_input_in_mention(c->in, e) &&
               kgt_doc_token(c->doc, e)->kind != KGT_PUNCT)
          e++;
        if (e < b + 6 && e > b && kgr_input_in_mention(c->in, e))
          return 1;
        if (e < kgt_doc_ntokens(c->doc) && e + 1 < b + 7 && kgt_doc_token(c->doc, e)->kind == KGT_PUNCT &&
            strcmp(kgt_doc_token(c->doc, e)->lower, ",") == 0 && kgr_input_in_mention(c->in, e + 1))
          return 1;
      }
    }
  return 0;
}

/* Between the end of a match @p a and a cue at @p b, a contrasting conjunction ("while",
 * « tandis que ») and then a name: the cue is that other subject's. */
static int kgx_contrast_clause(const KgxContext *c, size_t a, size_t b) {
  int seen = 0;
  for (size_t k = a; k < b; k++) {
    if (seen && kgr_input_in_name(c->in, k))
      return 1;
    seen |= kgx_in(c, k, c->cls->contrast_conj);
  }
  return 0;
}

static KgEntityId kgx_ent(const KgxContext *c, size_t mention) {
  return mention < c->nments ? c->ment_ent[mention] : KG_NO_ENTITY;
}

static int kgx_focus_class(KgClass k) {
  return k == KG_CLASS_COMPANY || k == KG_CLASS_ORGANIZATION || k == KG_CLASS_NONPROFIT ||
         k == KG_CLASS_INVESTMENT_FIRM;
}

/* What the article is about so far (object=focus: "X est le premier actionnaire avec
 * 14 %" names no company; subject=focus: "Le directeur général, X, a dit"): the organization mentioned most often, anaphora included,
 * before the end token @p end; ties go to the one named first. Articles hold a few
 * hundred mentions, so counting again per use costs nothing worth caching. */
static KgEntityId kgx_focus_of(const KgxContext *c, size_t end, int companies) {
  KgEntityId best = KG_NO_ENTITY;
  size_t best_n = 0;
  for (size_t i = 0; i < c->nments && c->ments[i].tok_start < end; i++) {
    KgEntityId e = c->ment_ent[i];
    if (e == KG_NO_ENTITY || !kgx_focus_class(c->ments[i].cls) ||
        (companies && c->ments[i].cls != KG_CLASS_COMPANY && c->ments[i].cls != KG_CLASS_ORGANIZATION))
      continue;
    int seen = 0;
    for (size_t j = 0; j < i && !seen; j++)
      seen = c->ment_ent[j] == e && kgx_focus_class(c->ments[j].cls);
    if (seen)
      continue;
    size_t n = 0;
    for (size_t j = i; j < c->nments && c->ments[j].tok_start < end; j++)
      n += c->ment_ent[j] == e;
    if (n > best_n) {
      best_n = n;
      best = e;
    }
  }
  return best;
}

/* « Son premier actionnaire, la famille X, détient 10 % du capital », "Its largest
 * shareholder, X, holds 10%": a possessive anaphor up to token @p end (the subject's
 * start: « Son premier actionnaire détient » is about its own company too) in sentence
 * @p S says whose capital it is, before any article focus; KG_NO_ENTITY when none. */
static KgEntityId kgx_poss_focus(const KgxContext *c, const KgtSentence *S, size_t end) {
  for (size_t i = 0; i < c->nments && c->ments[i].tok_start <= end; i++) {
    const KgmMention *m = &c->ments[i];
    if (m->tok_start >= S->tok_start && (m->flags & KGM_F_ANAPHOR) &&
        kgx_focus_class(m->cls) && c->ment_ent[i] != KG_NO_ENTITY &&
        kgx_in(c, m->tok_start, c->cls->poss_det))
      return c->ment_ent[i];
  }
  return KG_NO_ENTITY;
}

/* The focus among companies first: in an article about a funding round the funds are named
 * as often as the company, and "its main rivals", « le directeur général » are the
 * company's; an investment firm only when no company is named. */
static KgEntityId kgx_focus(const KgxContext *c, size_t end) {
  KgEntityId e = kgx_focus_of(c, end, 1);
  return e != KG_NO_ENTITY ? e : kgx_focus_of(c, end, 0);
}

/* A double quotation mark that may open a quotation: straight, curly (either way round, as
 * writers use them), a guillemet. */
static int kgx_quote_mark(const KgtToken *t) {
  const char *f = t->fold ? t->fold : t->lower;
  return f && (strcmp(f, "\"") == 0 || strcmp(f, "\u201c") == 0 || strcmp(f, "\u00ab") == 0 ||
               strcmp(f, "\u201d") == 0);
}

/* The organization named at the start of the sentence before @p S (after a determiner),
 * in the same paragraph, or KG_NO_ENTITY. A name only: a description opening it ("The
 * company") may have been resolved wrongly. */
static KgEntityId kgx_prev_opening(const KgxContext *c, const KgtSentence *S) {
  const KgtToken *t = kgt_doc_token(c->doc, S->tok_start);
  size_t si = t ? t->sentence : 0;
  const KgtSentence *P = si ? kgt_doc_sentence(c->doc, si - 1) : NULL;
  if (!P || P->paragraph != S->paragraph)
    return KG_NO_ENTITY;
  /* a sentence that opens on a quotation opens on the speaker's words, not its subject
     ("\"Orsk knows the business,\" chief executive P said") */
  const KgtToken *p0 = kgt_doc_token(c->doc, P->tok_start);
  if (p0 && p0->kind == KGT_PUNCT && kgx_quote_mark(p0))
    return KG_NO_ENTITY;
  for (size_t i = 0; i < c->nments && c->ments[i].tok_start < P->tok_end; i++) {
    const KgmMention *m = &c->ments[i];
    if (m->tok_start < P->tok_start)
      continue;
    if (m->tok_start <= P->tok_start + 1 && kgx_focus_class(m->cls) &&
        c->ment_ent[i] != KG_NO_ENTITY && !(m->flags & KGM_F_ANAPHOR))
      return c->ment_ent[i];
    break;
  }
  return KG_NO_ENTITY;
}

/* The one organization named before @p end whose name has the surname of person mention
 * @p p as a word ("Chief executive Chiara Orsini" at Pastificio Orsini): a family firm's
 * officer who bears its name. Families themselves do not count. KG_NO_ENTITY when none,
 * or when two organizations fit. */
static KgEntityId kgx_namesake(const KgxContext *c, size_t p, size_t end) {
  if (p >= c->nments || c->ments[p].cls != KG_CLASS_PERSON || !c->ments[p].name)
    return KG_NO_ENTITY;
  const char *sn = strrchr(c->ments[p].name, ' ');
  if (!sn || strlen(++sn) < 3)
    return KG_NO_ENTITY;
  size_t sl = strlen(sn);
  KgEntityId found = KG_NO_ENTITY;
  for (size_t i = 0; i < c->nments && c->ments[i].tok_start < end; i++) {
    const KgmMention *m = &c->ments[i];
    if (!kgx_focus_class(m->cls) || (m->flags & KGM_F_ANAPHOR) || !m->name ||
        c->ment_ent[i] == KG_NO_ENTITY || c->ment_ent[i] == found)
      continue;
    if (kgm_name_is_family(m->name) || !kgm_name_has_word(m->name, sn, sl))
      continue;
    if (found != KG_NO_ENTITY)
      return KG_NO_ENTITY;
    found = c->ment_ent[i];
  }
  return found;
}

/* The subject of a title or a description that names no company ("Chief executive P,
 * who …"): when nothing before it in its sentence names or stands for an organization,
 * the company named at the start of the sentence before, in the same paragraph, since a
 * paragraph about one company goes on about it ("Velmar, based in Lyon, writes software.
 * Chief executive P …") even where the article has named another one more; else the
 * article's focus. A sentence with an organization before the title ("The fund wants
 * chairman P replaced", "Hours later, X said P had stepped down") keeps the focus. */
static KgEntityId kgx_subject_focus(const KgxContext *c, const KgtSentence *S, size_t at,
                                    size_t end, size_t person) {
  KgEntityId ns = kgx_namesake(c, person, end);
  if (ns != KG_NO_ENTITY)
    return ns;
  /* a description the text ties to one company for sure ("Founded in 1931 by Jan Dessaart,
     the company employs …" after Zaadteelt Dessaart) is that company */
  for (size_t i = 0; i < c->nments && c->ments[i].tok_start < end; i++)
    if (c->ments[i].tok_start >= at && (c->ments[i].flags & KGM_F_ANAPHOR) &&
        (c->ments[i].flags & KGM_F_SURE) && kgx_focus_class(c->ments[i].cls) &&
        c->ment_ent[i] != KG_NO_ENTITY)
      return c->ment_ent[i];
  for (size_t i = 0; i < c->nments && c->ments[i].tok_start < at; i++)
    if (c->ments[i].tok_start >= S->tok_start && kgx_focus_class(c->ments[i].cls))
      return kgx_focus(c, S->tok_end);
  KgEntityId e = kgx_prev_opening(c, S);
  return e != KG_NO_ENTITY ? e : kgx_focus(c, S->tok_end);
}

/* French conditional ("détiendrait", "investiraient") or English modal in [a, b). */
static int kgx_conditional(const KgxContext *c, size_t a, size_t b) {
  for (size_t i = a; i < b; i++) {
    const KgtToken *t = kgt_doc_token(c->doc, i);
    const char *f = t->fold ? t->fold : t->lower;
    if (!f || t->kind != KGT_WORD)
      continue;
    size_t n = strlen(f);
    if (strcmp(c->lang, "fr") == 0) {
      if ((n > 6 && strcmp(f + n - 4, "rait") == 0) || (n > 7 && strcmp(f + n - 6, "raient") == 0))
        return 1;
    } else if (strcmp(f, "would") == 0 || strcmp(f, "could") == 0 || strcmp(f, "might") == 0) {
      return 1;
    }
  }
  return 0;
}

typedef struct {
  const KgxContext *c;
  size_t sent;
  const KgtSentence *S;
  KgxMatches *ms;
  /* cues */
  int rumor;
  KgEntityId reporter;
  KgEntityId *topic;
  char *topic_date; /* [48]: when the topic's deal happened, if its sentence said */
  KgFactStatus *topic_status; /* and where it stands ("va entrer au capital": announced) */
  KgEntityId (*last)[2]; /* per relation: subject and object of its latest fact */
  KgEntityId valued;     /* the company a valuation fact of the two sentences before named */
} KgxSentence;

/* The role a rule leaves to the discourse (subject=previous, object=previous): taken
 * from the latest earlier fact of the same relation, and only when that fact shares the
 * role the rule did capture (if it captured one). */
static KgEntityId kgx_previous(const KgxSentence *ss, KgRelation rel, int want_subject,
                               KgEntityId other) {
  KgEntityId s = ss->last[rel][0], o = ss->last[rel][1];
  if (want_subject)
    return (other == KG_NO_ENTITY || other == o) ? s : KG_NO_ENTITY;
  return (other == KG_NO_ENTITY || other == s) ? o : KG_NO_ENTITY;
}

/* The object a clause leaves out because the one before gave it ("A now owns 51% of W,
 * while B holds the remaining 49%"): the latest fact of the relation found so far in this
 * sentence with another subject than @p sub (a sentence before is too far: its object may
 * be another company's). */
static KgEntityId kgx_sibling(const KgxCands *cs, KgRelation rel, KgEntityId sub) {
  for (size_t i = cs->n; i-- > 0;)
    if (cs->v[i].rel == rel && cs->v[i].o != KG_NO_ENTITY && cs->v[i].s != sub)
      return cs->v[i].o;
  return KG_NO_ENTITY;
}

/* The first token of mention @p m with what stands before its name: a descriptor, and the
 * lower-case words and a demonym before that ("Chilean shipping group B"). The mention
 * finder's kgm_coordinated() reads a list the same way on its own index of tokens. */
static size_t kgx_full_start(const KgxContext *c, const KgmMention *m) {
  size_t a = m->desc_end > m->desc_start && m->desc_start < m->tok_start ? m->desc_start
                                                                         : m->tok_start;
  for (int n = 0; n < 4 && a > 0; n++) {
    const KgtToken *t = kgt_doc_token(c->doc, a - 1);
    size_t k = 0;
    for (; k < c->nments; k++)
      if (c->ments[k].tok_end == a && c->ments[k].tok_start < a)
        break;
    if (k < c->nments && c->ments[k].cls == KG_CLASS_PLACE && (c->ments[k].flags & KGM_F_DEMONYM))
      a = c->ments[k].tok_start;
    else if (k == c->nments && t->kind == KGT_WORD && !(t->flags & KGT_F_CAP) &&
             strcmp(t->lower, "and") != 0 && strcmp(t->lower, "et") != 0)
      a--;
    else
      break;
  }
  return a;
}

/* Whether mentions @p x and then @p y stand in one list: "A and B". */
static int kgx_listed(const KgxContext *c, const KgmMention *x, const KgmMention *y) {
  size_t ys = kgx_full_start(c, y);
  if (x->tok_end > ys || ys - x->tok_end > 2 || ys == x->tok_end)
    return 0;
  int conj = 0; /* a comma alone may open an apposition */
  for (size_t q = x->tok_end; q < ys; q++) {
    const char *f = kgt_doc_token(c->doc, q)->lower;
    if (strcmp(f, "and") == 0 || strcmp(f, "et") == 0 || strcmp(f, "&") == 0)
      conj = 1;
    else if (strcmp(f, ",") != 0)
      return 0;
  }
  return conj;
}

/* Whether entity @p e is one of the named subjects captured in @p S, or is named in one
 * list with the subject @p sm ("A and B each own …": a match may start at B and take B
 * alone). */
static int kgx_in_subjects(const KgxContext *c, const KgrSlot *S, size_t sm, KgEntityId e) {
  for (size_t k = 0; k < S->n; k++)
    if (S->items[k] < c->nments && kgx_ent(c, S->items[k]) == e)
      return 1;
  const KgmMention *y = &c->ments[sm];
  for (size_t k = 0; k < c->nments; k++) {
    const KgmMention *x = &c->ments[k];
    if (k != sm && !(x->flags & KGM_F_ANAPHOR) && kgx_ent(c, k) == e &&
        (kgx_listed(c, x, y) || kgx_listed(c, y, x)))
      return 1;
  }
  return 0;
}

/* The products gazetteer names another developer for the product of mention @p om than
 * the organization of mention @p sm (or a unit named after it): "le Z40 de Tarlo Air" is
 * Velmair's aircraft, flown by the airline. */
static int kgx_other_maker(const KgxContext *c, size_t sm, size_t om) {
  if (sm >= c->nments || om >= c->nments)
    return 0;
  const char *maker = c->ments[om].maker, *name = c->ments[sm].name;
  if (!maker || !name || strcmp(maker, name) == 0)
    return 0;
  /* a unit named after the developer makes it too: "Velmair Robotics" for Velmair */
  size_t n = strlen(maker);
  return !(strncmp(name, maker, n) == 0 && name[n] == ' ');
}

static void kgx_cand_free(KgxCands *cs) {
  for (size_t i = 0; i < cs->n; i++)
    kg_free(cs->v[i].condition);
  kg_free(cs->v);
  cs->v = NULL;
  cs->n = cs->cap = 0;
}

static int kgx_same(const KgxCand *a, const KgxCand *b) {
  if (a->rel != b->rel || a->has_value != b->has_value || strcmp(a->value, b->value) != 0)
    return 0;
  /* two dates, or two amounts, are two events */
  if ((a->date[0] && b->date[0] && strcmp(a->date, b->date) != 0) ||
      (a->amount[0] && b->amount[0] && strcmp(a->amount, b->amount) != 0))
    return 0;
  if (a->s == b->s && a->o == b->o)
    return 1;
  return kg_relation_is_symmetric(a->rel) && a->s == b->o && a->o == b->s;
}

/* Append @p f to @p cs as it is (its condition moves to the list). */
static KgStatus kgx_cand_push(KgxCands *cs, KgxCand *f) {
  if (cs->n == cs->cap) {
    size_t nc = cs->cap ? cs->cap * 2 : 8;
    KgxCand *nv = kg_realloc(cs->v, nc * sizeof *nv);
    if (!nv)
      return KG_ERR_NOMEM;
    cs->v = nv;
    cs->cap = nc;
  }
  cs->v[cs->n++] = *f;
  f->condition = NULL;
  return KG_SUCCESS;
}

/* Add @p f to the sentence's candidates, merging with an equal fact: the stronger
 * rule wins, and qualifiers one of them lacks are taken from the other. */
static KgStatus kgx_cand_add(KgxCands *cs, KgxCand *f) {
  /* the same fact found by several rules is found at about the same place: looking at the
     latest candidates keeps a sentence of thousands of facts linear (the graph merges any
     repeat further away) */
  for (size_t i = cs->n; i-- > 0 && cs->n - i <= 256;) {
    KgxCand *g = &cs->v[i];
    if (!kgx_same(g, f))
      continue;
    if (f->conf > g->conf) {
      KgxCand t = *g;
      *g = *f;
      *f = t;
    }
    if (!g->amount[0] && f->amount[0]) {
      memcpy(g->amount, f->amount, sizeof g->amount);
      memcpy(g->currency, f->currency, sizeof g->currency);
    }
    if (!g->pct[0] && f->pct[0])
      memcpy(g->pct, f->pct, sizeof g->pct);
    if (!g->date[0] && f->date[0])
      memcpy(g->date, f->date, sizeof g->date);
    if (g->status == KG_FACT_STATUS_NONE)
      g->status = f->status;
    if (g->exclusive < 0)
      g->exclusive = f->exclusive;
    if (!g->condition) {
      g->condition = f->condition;
      f->condition = NULL;
    }
    kg_free(f->condition);
    f->condition = NULL;
    return KG_SUCCESS;
  }
  KgStatus st = kgx_cand_push(cs, f);
  if (st != KG_SUCCESS) {
    kg_free(f->condition);
    f->condition = NULL;
  }
  return st;
}

/* The condition clause after a match ("until Zorbex recoups...", "jusqu'à ce
 * qu'elle récupère..."): text from the cue to the next comma, or NULL. */
static char *kgx_condition(const KgxContext *c, const KgtSentence *S, size_t from) {
  /* a cue alone ("until", « jusqu'à »), or a head and its link ("subject to", "provided
     that", « sous réserve ») */
  long cue = c->cls->cond_cue, head = c->cls->cond_head, link = c->cls->cond_link;
  for (size_t i = from; i < S->tok_end && i < from + 8; i++) {
    if (!kgx_in(c, i, cue) &&
        !(kgx_in(c, i, head) && i + 1 < S->tok_end && kgx_in(c, i + 1, link)))
      continue;
    size_t e = i + 1;
    while (e < S->tok_end) {
      const KgtToken *t2 = kgt_doc_token(c->doc, e);
      const char *f2 = t2->fold ? t2->fold : "";
      if (t2->kind == KGT_PUNCT && (strcmp(f2, ",") == 0 || strcmp(f2, ";") == 0 ||
                                    strcmp(f2, ".") == 0 || strcmp(f2, ":") == 0))
        break;
      e++;
    }
    if (e - i < 3)
      return NULL;
    return kgt_doc_span_text(c->doc, i, e);
  }
  return NULL;
}

/* Qualifiers a fact takes from its sentence when the rule did not capture them. */
/* The lead: the first sentence of at least six words (a dateline, "PARIS, 7 janvier 2021
 * (AFP) —", is a sentence of its own and too short). */
static int kgx_is_lead(const KgxContext *c, const KgtSentence *S) {
  size_t ns = kgt_doc_nsentences(c->doc);
  for (size_t si = 0; si < ns; si++) {
    const KgtSentence *T = kgt_doc_sentence(c->doc, si);
    size_t words = 0;
    for (size_t i = T->tok_start; i < T->tok_end && words < 6; i++)
      words += kgt_doc_token(c->doc, i)->kind == KGT_WORD;
    if (words >= 6)
      return T == S;
    if (T == S)
      return 0;
  }
  return 0;
}

/* Token @p t after match @p m stands in a relative clause that opened after the match:
 * "X will buy Y, the brand it created in 1965" ("…, la marque qu'elle avait créée en
 * 1965"), unless a comma closed the clause before @p t. */
static int kgx_after_relative(const KgxContext *c, const KgrMatch *m, size_t t) {
  int comma = 0, in_rel = 0;
  long rel = c->cls->relative;
  for (size_t k = m->tok_end; k < t; k++) {
    const KgtToken *tk = kgt_doc_token(c->doc, k);
    if (strcmp(tk->lower, ",") == 0) {
      comma = 1;
      in_rel = 0;
    } else if (comma && kgx_in(c, k, rel)) {
      in_rel = 1;
    }
  }
  return in_rel;
}

/* Token @p t lies in a relative clause set off by commas inside match @p m ("Osprel, que
 * Delmark a rachetée en 2019, a racheté Tarvex"): its date is the clause's, not the
 * fact's. */
static int kgx_in_relative(const KgxContext *c, const KgrMatch *m, size_t t) {
  long rel = c->cls->relative;
  if (t >= m->tok_end)
    return kgx_after_relative(c, m, t);
  if (t <= m->tok_start)
    return 0;
  size_t open = t;
  while (open > m->tok_start && strcmp(kgt_doc_token(c->doc, open - 1)->lower, ",") != 0)
    open--;
  if (open == m->tok_start || !kgx_in(c, open, rel))
    return 0;
  for (size_t k = t + 1; k < m->tok_end; k++)
    if (strcmp(kgt_doc_token(c->doc, k)->lower, ",") == 0)
      return 1; /* the clause closes before the match does */
  return 0;
}

/* The date at token @p t tells when something was founded ("fondé en 1987", "founded in
 * 1997": a word of class FOUNDING_WORD one or two tokens before), not when a deal was
 * made: "Halvik a pris le contrôle de Sertec, fondé en 1987 par …". */
static int kgx_founding_date(const KgxContext *c, size_t t) {
  long cls = c->cls->founding;
  for (size_t k = 1; cls >= 0 && k <= 2 && k <= t; k++)
    if (kgx_in(c, t - k, cls))
      return 1;
  return 0;
}

/* Quantities are kept in token order: the index of the first one starting at or after
 * token @p tok (c->nquants when there is none). */
static size_t kgx_first_quant_at(const KgxContext *c, size_t tok) {
  size_t lo = 0, hi = c->nquants;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    if (c->quants[mid].tok_start < tok)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

/* How far after a list item its own date or amount may stand ("Eerox in 2019"). */
#define KGX_ITEM_QUAL_REACH 3

/* A date or an amount between a list item ending at token @p after and the next item at
 * @p lim, close to the item, replaces the one the sentence gave the whole list. */
static void kgx_item_quals(const KgxContext *c, size_t after, size_t lim, KgxCand *f) {
  size_t lo = kgx_first_quant_at(c, after);
  int got_date = 0, got_money = 0;
  for (size_t q = lo; q < c->nquants && c->quants[q].tok_start < lim &&
                      c->quants[q].tok_start <= after + KGX_ITEM_QUAL_REACH;
       q++) {
    const KgrQuantity *Q = &c->quants[q];
    if (Q->tok_end > lim)
      break;
    if (Q->kind == KGR_Q_DATE && !got_date && kgx_takes_date(f->rel)) {
      snprintf(f->date, sizeof f->date, "%s", Q->value);
      got_date = 1;
    } else if (Q->kind == KGR_Q_MONEY && !got_money &&
               (f->rel == KG_REL_ACQUIRED || f->rel == KG_REL_INVESTS_IN)) {
      snprintf(f->amount, sizeof f->amount, "%s", Q->value);
      snprintf(f->currency, sizeof f->currency, "%s", Q->currency);
      got_money = 1;
    }
  }
}

static void kgx_sentence_quals(const KgxSentence *ss, const KgrMatch *m, const KgrRule *r,
                               KgxCand *f, int list) {
  const KgxContext *c = ss->c;
  const KgtSentence *S = ss->S;
  if (r->flags & KGR_RULE_NOQUANT)
    return;
  size_t best_date = (size_t)-1, best_money = (size_t)-1, best_pct = (size_t)-1;
  size_t dd = (size_t)-1, dm = (size_t)-1, dp = (size_t)-1;
  int date_ok = kgx_takes_date(f->rel) ||
                ((f->rel == KG_REL_CEO || f->rel == KG_REL_CHAIR) && kgx_appointment(c, S));
  /* quantities are in token order: start at the first one within reach of the match (every
     reach below is shorter than the window) */
  size_t from = m->tok_start > S->tok_start + KGX_CUE_WINDOW ? m->tok_start - KGX_CUE_WINDOW
                                                              : S->tok_start;
  size_t lo = kgx_first_quant_at(c, from);
  for (size_t q = lo; q < c->nquants && c->quants[q].tok_start < S->tok_end &&
                      c->quants[q].tok_start <= m->tok_end + KGX_CUE_WINDOW;
       q++) {
    const KgrQuantity *Q = &c->quants[q];
    if (Q->tok_end > S->tok_end)
      continue;
    size_t d = kgx_dist(m->tok_start, m->tok_end, Q->tok_start, Q->tok_end);
    switch (Q->kind) {
    case KGR_Q_DATE:
      if (!f->date[0] && date_ok && !(r->flags & KGR_RULE_NODATE) &&
          d <= KGX_DATE_REACH && d < dd && !kgx_in_relative(c, m, Q->tok_start) &&
          !(Q->tok_start >= m->tok_end && kgx_other_clause(c, m->tok_end, Q->tok_start)) &&
          (f->rel == KG_REL_FOUNDED_BY || !kgx_founding_date(c, Q->tok_start)))
        dd = d, best_date = q;
      break;
    case KGR_Q_MONEY:
      if (!f->amount[0] && !list &&
          (f->rel == KG_REL_ACQUIRED || f->rel == KG_REL_INVESTS_IN) &&
          (d == 0 || (Q->tok_start >= m->tok_end && d <= KGX_AMOUNT_AFTER)) && d < dm &&
          !kgx_per_share(c, Q->tok_end, S->tok_end) &&
          !kgx_valuation_money(c, Q->tok_start, S->tok_start))
        dm = d, best_money = q;
      break;
    case KGR_Q_PERCENT:
      if (!f->pct[0] && d == 0 &&
          (f->rel == KG_REL_OWNS_STAKE_IN || f->rel == KG_REL_ACQUIRED ||
           f->rel == KG_REL_INVESTS_IN || f->rel == KG_REL_CONTROLS ||
           f->rel == KG_REL_PROFIT_SHARE_IN) &&
          d < dp)
        dp = d, best_pct = q;
      break;
    default:
      break;
    }
  }
  if (best_date != (size_t)-1)
    snprintf(f->date, sizeof f->date, "%s", c->quants[best_date].value);
  if (best_money != (size_t)-1) {
    snprintf(f->amount, sizeof f->amount, "%s", c->quants[best_money].value);
    snprintf(f->currency, sizeof f->currency, "%s", c->quants[best_money].currency);
  }
  if (best_pct != (size_t)-1)
    snprintf(f->pct, sizeof f->pct, "%s", c->quants[best_pct].value);
  /* the lead of a news story tells the day's event: a deal it states without a date of
   * its own happened on the article's date */
  if (!f->date[0] && kgx_is_deal(f->rel) && !(r->flags & KGR_RULE_NODATE) && c->article_date &&
      kgx_is_lead(c, S))
    snprintf(f->date, sizeof f->date, "%s", c->article_date);
  /* "on Friday", "jeudi", "today": the article's own date */
  if (!f->date[0] && kgx_takes_date(f->rel) && !(r->flags & KGR_RULE_NODATE) && c->article_date) {
    long rel_day = c->cls->relative_day;
    for (size_t i = S->tok_start; i < S->tok_end && rel_day >= 0; i++) {
      if (kgr_input_token_in_class(c->rules, c->in, i, rel_day)) {
        snprintf(f->date, sizeof f->date, "%s", c->article_date);
        break;
      }
    }
  }
  /* "reported revenue of $3.9 billion last year": the year before the article's */
  int delta;
  if (!f->date[0] && kgx_takes_date(f->rel) && !(r->flags & KGR_RULE_NODATE) && c->article_date &&
      strlen(c->article_date) >= 4 && kgx_relative_year(c, S, &delta)) {
    int year = atoi(c->article_date) + delta;
    if (year > 1000 && year < 10000)
      snprintf(f->date, sizeof f->date, "%04d", year);
  }
}

/* The first match of the sentence that starts within KGX_CUE_WINDOW tokens before @p m
 * (matches come in the order of their first token). */
static size_t kgx_near_first(const KgxSentence *ss, const KgrMatch *m) {
  size_t from = m->tok_start > KGX_CUE_WINDOW ? m->tok_start - KGX_CUE_WINDOW : 0, lo = 0,
         hi = ss->ms->n;
  while (lo < hi) {
    size_t mid = lo + (hi - lo) / 2;
    if (ss->ms->v[mid].tok_start < from)
      lo = mid + 1;
    else
      hi = mid;
  }
  return lo;
}

static int kgx_near_past(const KgxSentence *ss, const KgrMatch *m, size_t i) {
  return i >= ss->ms->n || ss->ms->v[i].tok_start > m->tok_end + KGX_CUE_WINDOW;
}

static KgFactStatus kgx_status(const KgxSentence *ss, const KgrMatch *m, const KgrRule *r) {
  const KgxContext *c = ss->c;
  KgFactStatus st = r->status, near = KG_FACT_STATUS_NONE;
  size_t best = (size_t)-1;
  int cancelled = 0;
  /* only cues near the match count (this keeps a sentence of thousands of facts linear) */
  for (size_t i = kgx_near_first(ss, m); !kgx_near_past(ss, m, i); i++) {
    const KgrMatch *cm = &ss->ms->v[i];
    const KgrRule *cr = kgr_ruleset_rule(c->rules, cm->rule);
    if (cr->output != KGR_OUT_STATUS)
      continue;
    size_t d = kgx_dist(m->tok_start, m->tok_end, cm->tok_start, cm->tok_end);
    /* "X completed its acquisition of Y on Friday, a day after a panel rejected Z's bid to
       block the deal": what follows a completion does not undo it, nor does its own verb
       (« a retiré X de la Bourse ») */
    /* nor does a cue in a contrasting clause of another subject after it ("X made an
       offer for Y, while its rival Z walked away"; "but the regulator blocked it" does) */
    if (cr->status == KG_FACT_STATUS_CANCELLED && d <= KGX_CANCEL_REACH &&
        !(st == KG_FACT_STATUS_COMPLETED && cm->tok_start >= m->tok_start) &&
        !(cm->tok_start >= m->tok_end && kgx_contrast_clause(c, m->tok_end, cm->tok_start)))
      cancelled = 1;
    if (d <= KGX_STATUS_REACH && d < best)
      best = d, near = cr->status;
  }
  if (cancelled)
    return KG_FACT_STATUS_CANCELLED;
  /* hearsay, or a conditional ("détiendrait") in a sentence credited to an outlet */
  if (ss->rumor || (ss->reporter != KG_NO_ENTITY && kgx_conditional(c, m->tok_start, m->tok_end)))
    return KG_FACT_STATUS_RUMORED;
  if (st != KG_FACT_STATUS_NONE)
    return st;
  if (near != KG_FACT_STATUS_NONE)
    return near;
  /* "le capital se répartirait ainsi : 32 % pour A, 25 % pour B": a conditional earlier
     in the sentence governs the facts after it */
  size_t back = m->tok_start > ss->S->tok_start + KGX_COND_BACK ? m->tok_start - KGX_COND_BACK
                                                                : ss->S->tok_start;
  if (kgx_conditional(c, back, m->tok_end))
    return KG_FACT_STATUS_ANNOUNCED;
  return KG_FACT_STATUS_NONE;
}

/* A dash (any dash folds to '-') or a bracket at token @p k. */
static int kgx_aside_mark(const KgxContext *c, size_t k) {
  const KgtToken *t = kgt_doc_token(c->doc, k);
  const char *f = t->fold ? t->fold : t->lower;
  return t->kind == KGT_PUNCT && f && (f[0] == '-' || strcmp(f, "(") == 0 || strcmp(f, ")") == 0);
}

/* Tokens [@p a, @p b) stand inside an aside that dashes or brackets close within the match
 * [@p ms, @p me): "Orsk - not to be confused with the insurer - traces its origins to …" */
static int kgx_in_aside(const KgxContext *c, size_t a, size_t b, size_t ms, size_t me) {
  size_t l = a, r = b;
  while (l > ms && !kgx_aside_mark(c, l - 1))
    l--;
  while (r < me && !kgx_aside_mark(c, r))
    r++;
  return l > ms && r < me;
}

static int kgx_negated(const KgxSentence *ss, const KgrMatch *m) {
  for (size_t i = kgx_near_first(ss, m); !kgx_near_past(ss, m, i); i++) {
    const KgrMatch *cm = &ss->ms->v[i];
    const KgrRule *cr = kgr_ruleset_rule(ss->c->rules, cm->rule);
    if (cr->output != KGR_OUT_NEGATION)
      continue;
    /* a cue that ends on a complementizer ("denied a report that", « démenti les
       informations selon lesquelles ») denies the clause it opens, whose subject and
       auxiliaries come first ("… that it had discussed a sale of X to Y") */
    /* (not where a company is, which a description there states of its own: "… that it was
       preparing a bid for Orsk Co., the Scottish harvester") */
    const KgrRule *fr = kgr_ruleset_rule(ss->c->rules, m->rule);
    size_t back = cm->tok_end > 0 && fr->relation != KG_REL_BASED_IN &&
                          kgr_input_token_in_class(ss->c->rules, ss->c->in, cm->tok_end - 1,
                                                   ss->c->cls->complementizer)
                      ? KGX_NEG_CLAUSE
                      : KGX_NEG_BEFORE;
    size_t from = m->tok_start >= ss->S->tok_start + back ? m->tok_start - back : ss->S->tok_start;
    /* a cue inside the match, or ending just before it ("denied a report that it …"),
       not inside an aside of the match */
    /* not a cue that only opens on the token a pattern checks after its facts and goes on
       past it: « Fondée en 1902, Velmar n'a pas résisté » negates what Velmar did since */
    if (cm->tok_start + 1 == m->tok_end && cm->tok_end > m->tok_end && m->tok_end > m->tok_start + 1)
      continue;
    if (cm->tok_end > from && cm->tok_start < m->tok_end &&
        !(cm->tok_start > m->tok_start && kgx_in_aside(ss->c, cm->tok_start, cm->tok_end, m->tok_start, m->tok_end)))
      return 1;
  }
  return 0;
}

static int kgx_exclusive(const KgxSentence *ss, const KgrMatch *m) {
  int v = -1;
  size_t best = (size_t)-1;
  for (size_t i = kgx_near_first(ss, m); !kgx_near_past(ss, m, i); i++) {
    const KgrMatch *cm = &ss->ms->v[i];
    const KgrRule *cr = kgr_ruleset_rule(ss->c->rules, cm->rule);
    if (cr->output != KGR_OUT_EXCLUSIVE)
      continue;
    size_t d = kgx_dist(m->tok_start, m->tok_end, cm->tok_start, cm->tok_end);
    /* "non-exclusive" beats "exclusive" at the same distance: it is the longer cue */
    if (d < best || (d == best && cr->exclusive == 0))
      best = d, v = cr->exclusive;
  }
  return v;
}

/* Whether a percentage value ("75", "50.5") is over 50 (read without the locale). */
static int kgx_over_half(const char *v) {
  int ip = atoi(v);
  const char *dot = strchr(v, '.');
  return ip > 50 || (ip == 50 && dot && strspn(dot + 1, "0") < strlen(dot + 1));
}

/* Facts of one fact-rule match. */
static KgStatus kgx_match_facts(KgxSentence *ss, const KgrMatch *m, KgxCands *out) {
  const KgxContext *c = ss->c;
  const KgrRule *r = kgr_ruleset_rule(c->rules, m->rule);
  const KgrSlot *S = &m->slot[KGR_CAP_S], *O = &m->slot[KGR_CAP_O];
  KgStatus st = KG_SUCCESS;
  if (!(r->flags & KGR_RULE_NONEG) && kgx_negated(ss, m))
    return KG_SUCCESS;
  KgxCand base;
  memset(&base, 0, sizeof base);
  base.rel = r->relation;
  base.o = KG_NO_ENTITY;
  base.exclusive = -1;
  base.rep = KG_NO_ENTITY;
  base.rule = m->rule;
  base.tok_a = m->tok_start;
  base.tok_b = m->tok_end;
  const KgrSlot *amt = &m->slot[KGR_CAP_AMT], *pct = &m->slot[KGR_CAP_PCT],
                *date = &m->slot[KGR_CAP_DATE], *val = &m->slot[KGR_CAP_VAL];
  if (amt->n && amt->is_quantity) {
    const KgrQuantity *q = &c->quants[amt->items[0]];
    if (kgx_per_share(c, q->tok_end, ss->S->tok_end))
      return KG_SUCCESS;
    snprintf(base.amount, sizeof base.amount, "%s", q->value);
    snprintf(base.currency, sizeof base.currency, "%s", q->currency);
  }
  if (pct->n && pct->is_quantity)
    snprintf(base.pct, sizeof base.pct, "%s", c->quants[pct->items[0]].value);
  /* "agreed to buy 60% of X" is a takeover, "agreed to buy 20% of X" a stake */
  if ((r->flags & KGR_RULE_MAJORITY) && !(pct->n && pct->is_quantity && kgx_over_half(base.pct)))
    return KG_SUCCESS;
  /* literal values */
  if (r->relation == KG_REL_FOUNDING_DATE) {
    if (r->value) {
      snprintf(base.value, sizeof base.value, "%s", r->value);
    } else if (date->n && date->is_quantity) {
      snprintf(base.value, sizeof base.value, "%s", c->quants[date->items[0]].value);
      /* "Tarsik was formed in September" in a January article: a founding is past, so a month
         after the article's is last year's */
      const char *ad = c->article_date;
      if (ad && strlen(ad) >= 7 && strlen(base.value) >= 7 && strncmp(base.value, ad, 4) == 0 &&
          strncmp(base.value, ad, 7) > 0) {
        int y = atoi(base.value) - 1;
        for (int k = 3; k >= 0; k--, y /= 10)
          base.value[k] = (char)('0' + y % 10);
      }
    } else {
      return KG_SUCCESS;
    }
    base.vkind = kgx_date_kind(base.value);
    base.has_value = 1;
  } else if (r->relation == KG_REL_EMPLOYEES) {
    if (!val->n || !val->is_quantity)
      return KG_SUCCESS;
    snprintf(base.value, sizeof base.value, "%s", c->quants[val->items[0]].value);
    base.vkind = strchr(base.value, '.') ? KG_LIT_DECIMAL : KG_LIT_INTEGER;
    if (base.vkind == KG_LIT_DECIMAL)
      return KG_SUCCESS; /* a head count is a whole number */
    base.has_value = 1;
  } else if (r->relation == KG_REL_LEGAL_FORM) {
    snprintf(base.value, sizeof base.value, "%s", r->value ? r->value : "");
    base.vkind = KG_LIT_STRING;
    base.has_value = 1;
  } else if (date->n && date->is_quantity) {
    snprintf(base.date, sizeof base.date, "%s", c->quants[date->items[0]].value);
  }
  if ((r->relation == KG_REL_VALUATION || r->relation == KG_REL_REVENUE) && !base.amount[0])
    return KG_SUCCESS;
  int list = S->n > 1 || O->n > 1;
  kgx_sentence_quals(ss, m, r, &base, list);
  base.status = kgx_is_deal(r->relation) || r->status ? kgx_status(ss, m, r) : KG_FACT_STATUS_NONE;
  if (kgx_takes_exclusive(r->relation))
    base.exclusive = r->exclusive >= 0 ? r->exclusive : kgx_exclusive(ss, m);
  base.rep = ss->reporter;
  double conf = r->weight;
  if (base.status == KG_FACT_STATUS_RUMORED)
    conf *= 0.75;
  if (kgx_conditional(c, m->tok_start, m->tok_end))
    conf *= 0.85;
  if (ss->reporter != KG_NO_ENTITY)
    conf *= 0.95;
  base.conf = conf < 0.05 ? 0.05 : conf;

  /* several dates captured as a list ("en 2019 et 2021"): one fact per date */
  size_t ndates = date->n > 1 && date->is_quantity && !base.has_value ? date->n : 1;
  size_t nobj = O->n;
  int topic_obj = 0, prev_obj = 0, sib_obj = 0;
  KgEntityId focus = KG_NO_ENTITY;
  /* « L'opération valorise Velia à 16 milliards. X rachètera 50 % du capital »: the
     company just valued is the one whose capital changes hands */
  if (!nobj && (r->flags & KGR_RULE_OBJ_FOCUS) &&
      ((focus = kgx_poss_focus(c, ss->S, S->n ? c->ments[S->items[0]].tok_start : ss->S->tok_end)) !=
           KG_NO_ENTITY ||
       ((r->relation == KG_REL_OWNS_STAKE_IN || r->relation == KG_REL_INVESTS_IN) &&
        (focus = ss->valued) != KG_NO_ENTITY) ||
       (focus = kgx_focus(c, ss->S->tok_end)) != KG_NO_ENTITY)) {
    nobj = 1;
  } else if (!nobj && (r->flags & KGR_RULE_OBJ_TOPIC) && ss->topic && *ss->topic != KG_NO_ENTITY) {
    nobj = 1;
    topic_obj = 1;
  } else if (!nobj && (r->flags & KGR_RULE_OBJ_PREV)) {
    nobj = 1;
    prev_obj = 1;
  } else if (!nobj && (r->flags & KGR_RULE_OBJ_SIBLING)) {
    nobj = 1;
    sib_obj = 1;
  }
  if (topic_obj && !base.date[0] && ss->topic_date[0] && kgx_takes_date(r->relation))
    snprintf(base.date, sizeof base.date, "%s", ss->topic_date);
  /* backers listed after the deal ("aux côtés de Brantor figurent A et B") share
     its standing */
  if (topic_obj && base.status == KG_FACT_STATUS_NONE && kgx_is_deal(r->relation))
    base.status = *ss->topic_status;
  for (size_t di = 0; di < ndates && st == KG_SUCCESS; di++) {
    if (ndates > 1)
      snprintf(base.date, sizeof base.date, "%s", c->quants[date->items[di]].value);
    size_t nsub = S->n ? S->n : ((r->flags & (KGR_RULE_SUBJ_PREV | KGR_RULE_SUBJ_FOCUS)) ? 1 : 0);
    for (size_t si = 0; si < nsub && st == KG_SUCCESS; si++) {
      KgEntityId sub = S->n ? kgx_ent(c, S->items[si])
                       : (r->flags & KGR_RULE_SUBJ_FOCUS)
                           ? kgx_subject_focus(c, ss->S, m->tok_start, m->tok_end,
                                               O->n && !O->is_quantity ? O->items[0] : (size_t)-1)
                           : kgx_previous(ss, r->relation, 1,
                                          O->n ? kgx_ent(c, O->items[0]) : KG_NO_ENTITY);
      if (sub == KG_NO_ENTITY || (S->n && kgx_person_thing_clause(c, S->items[si], m->tok_end)))
        continue;
      if (base.has_value || kg_relation_is_statement_only(r->relation)) {
        KgxCand f = base;
        f.s = sub;
        f.guessed_obj = !S->n && (r->flags & KGR_RULE_SUBJ_FOCUS);
        f.condition = si == 0 && di == 0 ? kgx_condition(c, ss->S, m->tok_end) : NULL;
        st = kgx_cand_add(out, &f);
        continue;
      }
      if (r->flags & KGR_RULE_SYMMETRIC && !O->n) {
        for (size_t sj = si + 1; sj < S->n && st == KG_SUCCESS; sj++) {
          KgEntityId ob = kgx_ent(c, S->items[sj]);
          if (ob == KG_NO_ENTITY || ob == sub)
            continue;
          KgxCand f = base;
          f.s = sub;
          f.o = ob;
          st = kgx_cand_add(out, &f);
        }
        continue;
      }
      for (size_t oi = 0; oi < nobj && st == KG_SUCCESS; oi++) {
        KgEntityId ob = focus != KG_NO_ENTITY ? focus
                        : topic_obj           ? *ss->topic
                        : sib_obj             ? kgx_sibling(out, r->relation, sub)
                        : prev_obj            ? kgx_previous(ss, r->relation, 0, sub)
                                   : kgx_ent(c, O->items[oi]);
        /* "Halden holds 10% of the company": not Halden itself, the company before; only
         * under a named subject ("it raised its stake in the company" may have misread
         * "it" already) */
        /* "A and B each own 30% of the company": not A or B either, when it names one */
        if (ob != KG_NO_ENTITY && O->n && oi < O->n && !topic_obj && !prev_obj &&
            focus == KG_NO_ENTITY && O->items[oi] < c->nments && S->n && si < S->n &&
            S->items[si] < c->nments && !(c->ments[S->items[si]].flags & KGM_F_ANAPHOR) &&
            (ob == sub || ((c->ments[O->items[oi]].flags & KGM_F_ANAPHOR) &&
                           kgx_in_subjects(c, S, S->items[si], ob))))
          ob = c->ment_alt[O->items[oi]];
        if (ob == KG_NO_ENTITY || ob == sub || ob == ss->reporter || sub == ss->reporter)
          continue;
        const KgmMention *om =
            oi < O->n && O->items[oi] < c->nments ? &c->ments[O->items[oi]] : NULL;
        const KgmMention *sm =
            si < S->n && S->items[si] < c->nments ? &c->ments[S->items[si]] : NULL;
        /* "Orvex sells under the Orvex, Silo and Kasir brands": a company's brand named like
           it is the company, not a product it develops */
        if (r->relation == KG_REL_DEVELOPS && om && sm && om->name && sm->name &&
            strcmp(om->name, sm->name) == 0)
          continue;
        /* "the European company X": a place that spans countries is no base */
        if (r->relation == KG_REL_BASED_IN && om && (om->flags & KGM_F_WIDE))
          continue;
        if (r->relation == KG_REL_DEVELOPS && O->n && oi < O->n && S->n && si < S->n &&
            kgx_other_maker(c, S->items[si], O->items[oi]))
          continue;
        KgxCand f = base;
        f.s = sub;
        f.o = ob;
        f.o_demonym = om && (om->flags & KGM_F_DEMONYM);
        /* "the purchases of Ringo in 2018 and Eerox in 2019", "bought Pixor for $7.4
           billion, Marvix for $4 billion": each item's own date and amount (and a lone
           object's, for a rule that takes no date from the rest of the sentence) */
        if ((O->n > 1 || (r->flags & KGR_RULE_NODATE)) && oi < O->n && !date->n &&
            O->items[oi] < c->nments) {
          size_t after = c->ments[O->items[oi]].tok_end;
          size_t lim = oi + 1 < O->n && O->items[oi + 1] < c->nments
                           ? c->ments[O->items[oi + 1]].tok_start
                           : ss->S->tok_end;
          kgx_item_quals(c, after, lim, &f);
        }
        f.guessed_obj = focus != KG_NO_ENTITY;
        f.guessed_subj = !S->n && (r->flags & KGR_RULE_SUBJ_FOCUS);
        f.condition = si == 0 && oi == 0 && di == 0 ? kgx_condition(c, ss->S, m->tok_end) : NULL;
        st = kgx_cand_add(out, &f);
      }
    }
  }
  return st;
}

char *kgx_evidence(const KgtDoc *doc, const KgtSentence *S, size_t a, size_t b,
                   long *cp_start, long *cp_end) {
  const char *text = kgt_doc_text(doc);
  if (S->end - S->start <= KGX_EVIDENCE_MAX || b <= a || a < S->tok_start || b > S->tok_end) {
    *cp_start = (long)S->cp_start;
    *cp_end = (long)S->cp_end;
    return kg_strndup(text + S->start, S->end - S->start);
  }
  /* whole tokens around the match while they fit */
  size_t lo = a, hi = b;
  for (int grew = 1; grew;) {
    grew = 0;
    if (lo > S->tok_start &&
        kgt_doc_token(doc, hi - 1)->end - kgt_doc_token(doc, lo - 1)->start <= KGX_EVIDENCE_MAX)
      lo--, grew = 1;
    if (hi < S->tok_end &&
        kgt_doc_token(doc, hi)->end - kgt_doc_token(doc, lo)->start <= KGX_EVIDENCE_MAX)
      hi++, grew = 1;
  }
  const KgtToken *first = kgt_doc_token(doc, lo), *last = kgt_doc_token(doc, hi - 1);
  *cp_start = (long)first->cp_start;
  *cp_end = (long)last->cp_end;
  return kg_strndup(text + first->start, last->end - first->start);
}

/* An organization that is bought, invested in, held, makes products, supplies, competes,
 * partners, has a chief executive, head count, valuation or revenue is a company: a name
 * known only by its capitals becomes one ("Quenta Labs" after "Orbis ended talks to buy
 * Quenta Labs"). Known classes stay. */
static KgStatus kgx_company_role(KgGraph *g, KgEntityId id) {
  if (id == KG_NO_ENTITY || kg_graph_entity_class(g, id) != KG_CLASS_ORGANIZATION)
    return KG_SUCCESS;
  return kg_graph_entity_set_class(g, id, KG_CLASS_COMPANY);
}

static KgStatus kgx_company_roles(KgGraph *g, const KgFact *f) {
  switch (f->relation) {
  case KG_REL_ACQUIRED:
  case KG_REL_INVESTS_IN:
  case KG_REL_OWNS_STAKE_IN:
    return kgx_company_role(g, f->object);
  case KG_REL_COMPETITOR_OF:
  case KG_REL_PARTNER_OF: {
    KgStatus st = kgx_company_role(g, f->subject);
    return st != KG_SUCCESS ? st : kgx_company_role(g, f->object);
  }
  case KG_REL_SUBSIDIARY_OF:
  case KG_REL_DEVELOPS:
  case KG_REL_SUPPLIER_OF:
  case KG_REL_VALUATION:
  case KG_REL_REVENUE:
  case KG_REL_CEO:
  case KG_REL_EMPLOYEES:
    return kgx_company_role(g, f->subject);
  default:
    return KG_SUCCESS;
  }
}

/* A sentence cannot make A a subsidiary (the buyer, the controller) of B and B one of A:
 * of two such readings the weaker one goes ("Kestrel's parent company Dravex" is no
 * "Kestrel's Dravex unit"), both when they are as strong. Stakes may cross, so
 * ownsStakeIn and investsIn stay. */
static int kgx_reversed_by(const KgxCand *x, const KgxCand *y) {
  if (x->o == KG_NO_ENTITY ||
      !(x->rel == KG_REL_SUBSIDIARY_OF || x->rel == KG_REL_ACQUIRED ||
        x->rel == KG_REL_CONTROLS || x->rel == KG_REL_GOVERNS))
    return 0;
  return y->rel == x->rel && y->s == x->o && y->o == x->s &&
         y->conf >= x->conf; /* as strong: no telling which, neither */
}

/* One amount values one company: « Sopravel … céder Tarlo, sa filiale, valorisée 16
 * milliards » gives the valuation to the name nearest before it (the match that starts
 * last), not to the sentence's subject as well. Same for revenue. */
static int kgx_amount_taken_by(const KgxCand *x, const KgxCand *y) {
  if (x->rel != KG_REL_VALUATION && x->rel != KG_REL_REVENUE)
    return 0;
  return y->rel == x->rel && y->s != x->s && y->tok_a > x->tok_a &&
         strcmp(y->amount, x->amount) == 0 && strcmp(y->currency, x->currency) == 0;
}

/* One percentage, one stake: « Entré au capital de Velmar …, Brantol en détient 12 % » gives
 * the share to the company a rule read in the sentence, not to the article's focus too. */
static int kgx_share_taken_by(const KgxCand *x, const KgxCand *y) {
  if (x->has_value) /* « la société Quellis … emploie 250 personnes »: Quellis's, not the focus's */
    return x->guessed_obj && y->rel == x->rel && !y->guessed_obj && y->has_value &&
           y->s != x->s && strcmp(y->value, x->value) == 0;
  return x->rel == KG_REL_OWNS_STAKE_IN && x->guessed_obj && x->pct[0] && y->rel == x->rel &&
         !y->guessed_obj && y->s == x->s && y->o != x->o && strcmp(y->pct, x->pct) == 0;
}

/* One person, one office per sentence: "Tarsik Chairman Ann Roe and Chief Executive Bob
 * Lane" makes Lane Tarsik's chief executive, not the article's focus's as well. */
static int kgx_officer_taken_by(const KgxCand *x, const KgxCand *y) {
  return (x->rel == KG_REL_CEO || x->rel == KG_REL_CHAIR) && x->guessed_subj &&
         y->rel == x->rel && !y->guessed_subj && y->o == x->o && y->s != x->s;
}

/* Drops each candidate another candidate of the sentence beats. */
static void kgx_drop_beaten(KgxCands *cs, int (*beaten_by)(const KgxCand *x, const KgxCand *y)) {
  size_t kept = 0;
  for (size_t i = 0; i < cs->n; i++) {
    KgxCand *x = &cs->v[i];
    int drop = 0;
    /* readings of one construction lie close together: a bounded window keeps a
       sentence of thousands of facts linear */
    for (size_t j = i > 256 ? i - 256 : 0; j < cs->n && !drop && j < i + 256; j++)
      drop = j != i && beaten_by(x, &cs->v[j]);
    if (drop) {
      kg_free(x->condition);
      x->condition = NULL;
    } else {
      cs->v[kept++] = *x;
    }
  }
  cs->n = kept;
}

static KgStatus kgx_emit(const KgxContext *c, const KgtSentence *S, const KgxCands *cs) {
  KgStatus st = KG_SUCCESS;
  const char *text = kgt_doc_text(c->doc);
  int longs = S->end - S->start > KGX_EVIDENCE_MAX;
  char *evidence = longs ? NULL : kg_strndup(text + S->start, S->end - S->start);
  if (!longs && !evidence)
    return KG_ERR_NOMEM;
  for (size_t i = 0; i < cs->n; i++) {
    const KgxCand *x = &cs->v[i];
    long ev_start = (long)S->cp_start, ev_end = (long)S->cp_end;
    if (longs) {
      kg_free(evidence);
      if (!(evidence = kgx_evidence(c->doc, S, x->tok_a, x->tok_b, &ev_start, &ev_end)))
        return KG_ERR_NOMEM;
    }
    const KgrRule *r = kgr_ruleset_rule(c->rules, x->rule);
    char extractor[160];
    snprintf(extractor, sizeof extractor, "rules:%s", r->id);
    KgFact f;
    kg_fact_init(&f);
    f.relation = x->rel;
    f.subject = x->s;
    f.object = x->o;
    if (x->has_value) {
      f.value = x->value;
      f.value_kind = x->vkind;
    }
    if (x->amount[0] && x->currency[0]) {
      f.amount = x->amount;
      f.currency = x->currency;
    }
    if (x->pct[0])
      f.percentage = x->pct;
    if (x->date[0])
      f.point_in_time = x->date;
    f.status = x->status;
    f.exclusive = x->exclusive;
    f.condition = x->condition;
    f.reported_by = x->rep;
    f.confidence = x->conf > 1 ? 1 : x->conf;
    f.evidence = evidence;
    f.evidence_start = ev_start;
    f.evidence_end = ev_end;
    f.extractor = extractor;
    KgStatus fs = kg_graph_add_fact(c->g, &f);
    if (fs == KG_ERR_NOMEM) {
      st = fs;
      break;
    }
    if (fs == KG_SUCCESS && (st = kgx_company_roles(c->g, &f)) != KG_SUCCESS)
      break;
    if (fs != KG_SUCCESS)
      kgi_log(c->log, KG_LOG_DEBUG, fs, NULL, (long)S->start, "rule %s: fact not kept: %s",
              r->id, kg_strerror(fs));
  }
  kg_free(evidence);
  return st;
}

/* The facts of fallback rules ("Founded in Lorvanne in 1910, X …" places X in Lorvanne), at
 * the article's end: each stands only where no other rule gave its subject that relation
 * in this article (@p kept: "X now has its headquarters in Brackley"; a country read from
 * a demonym, "the American X", does not count). */
static KgStatus kgx_emit_fallbacks(const KgxContext *c, KgxCands *later, const KgxCands *kept) {
  KgStatus st = KG_SUCCESS;
  for (size_t i = 0; i < later->n && st == KG_SUCCESS; i++) {
    const KgxCand *x = &later->v[i];
    int other = 0;
    for (size_t k = 0; k < kept->n && !other; k++)
      other = kept->v[k].rel == x->rel && kept->v[k].s == x->s;
    if (other)
      continue;
    KgxCands one = {&later->v[i], 1, 1};
    st = kgx_emit(c, kgt_doc_sentence(c->doc, x->sent), &one);
  }
  return st;
}

/* "Velmar, the franchisor behind Orsk Pilates and Tessil Bar": what an organization develops
 * is a product (VOCABULARY.md: develops ranges over products). A name that no list, no
 * descriptor and no cue typed, that this article names first and relates to nothing else,
 * is one (facts from index @p f0 on are this article's). */
static KgStatus kgx_product_roles(const KgxContext *c, size_t f0) {
  size_t nf = kg_graph_fact_count(c->g);
  for (size_t i = f0; i < nf; i++) {
    const KgFact *f = kg_graph_get_fact(c->g, i);
    KgEntityId o = f->object;
    if (f->relation != KG_REL_DEVELOPS || o == KG_NO_ENTITY || o < c->first_entity ||
        kg_graph_entity_class(c->g, o) != KG_CLASS_ORGANIZATION)
      continue;
    int other = 0;
    for (size_t j = f0; j < nf && !other; j++) {
      const KgFact *h = kg_graph_get_fact(c->g, j);
      other = h->subject == o || h->reported_by == o ||
              (h->object == o && h->relation != KG_REL_DEVELOPS);
    }
    for (size_t k = 0; k < c->nments && !other; k++)
      other = (c->ment_ent[k] == o || c->ment_alt[k] == o) &&
              (c->ments[k].flags & KGM_F_GAZETTEER);
    /* (a product of that name already in the graph: the two stay apart) */
    KgStatus st = other ? KG_SUCCESS : kg_graph_entity_set_class(c->g, o, KG_CLASS_PRODUCT);
    if (st == KG_ERR_NOMEM)
      return st;
  }
  return KG_SUCCESS;
}

KgStatus kgx_relations(const KgxContext *c) {
  KgStatus st = KG_SUCCESS;
  size_t f0 = kg_graph_fact_count(c->g);
  KgxMatches ms = {NULL, 0, 0, 0};
  KgxCands cs = {NULL, 0, 0}, later = {NULL, 0, 0}, held = {NULL, 0, 0};
  KgEntityId topic = KG_NO_ENTITY;
  char topic_date[48] = "";
  KgFactStatus topic_status = KG_FACT_STATUS_NONE;
  KgEntityId last[KG_REL__COUNT][2];
  for (int i = 0; i < KG_REL__COUNT; i++)
    last[i][0] = last[i][1] = KG_NO_ENTITY;
  KgEntityId valued = KG_NO_ENTITY;
  size_t valued_sent = 0;
  size_t nsent = kgt_doc_nsentences(c->doc);
  for (size_t si = 0; si < nsent && st == KG_SUCCESS; si++) {
    const KgtSentence *S = kgt_doc_sentence(c->doc, si);
    ms.n = 0;
    if (S->tok_end <= S->tok_start)
      continue;
    kgr_match_span(c->rules, c->in, S->tok_start, S->tok_end, kgx_collect, &ms);
    if (ms.oom) {
      st = KG_ERR_NOMEM;
      break;
    }
    /* a cue word inside a name is no cue: the ticker "<NOR>" is not "nor", "Never Say Die
     * Ltd" denies nothing */
    size_t kept = 0;
    for (size_t i = 0; i < ms.n; i++) {
      const KgrRule *r = kgr_ruleset_rule(c->rules, ms.v[i].rule);
      int inside = r->output == KGR_OUT_NEGATION || r->output == KGR_OUT_STATUS ||
                   r->output == KGR_OUT_HEDGE || r->output == KGR_OUT_EXCLUSIVE;
      for (size_t t = ms.v[i].tok_start; inside && t < ms.v[i].tok_end; t++)
        inside = kgr_input_in_name(c->in, t);
      if (!inside || ms.v[i].tok_start >= ms.v[i].tok_end)
        ms.v[kept++] = ms.v[i];
    }
    ms.n = kept;
    KgxSentence ss;
    memset(&ss, 0, sizeof ss);
    ss.c = c;
    ss.sent = si;
    ss.S = S;
    ss.ms = &ms;
    ss.reporter = KG_NO_ENTITY;
    ss.topic = &topic;
    ss.topic_date = topic_date;
    ss.topic_status = &topic_status;
    ss.last = last;
    ss.valued = valued != KG_NO_ENTITY && si - valued_sent <= 2 ? valued : KG_NO_ENTITY;
    for (size_t i = 0; i < ms.n; i++) {
      const KgrRule *r = kgr_ruleset_rule(c->rules, ms.v[i].rule);
      if (r->output == KGR_OUT_HEDGE ||
          (r->output == KGR_OUT_STATUS && r->status == KG_FACT_STATUS_RUMORED))
        ss.rumor = 1;
      if (r->output == KGR_OUT_REPORTED && ss.reporter == KG_NO_ENTITY &&
          ms.v[i].slot[KGR_CAP_REP].n && !ms.v[i].slot[KGR_CAP_REP].is_quantity) {
        ss.reporter = kgx_ent(c, ms.v[i].slot[KGR_CAP_REP].items[0]);
        if (r->status == KG_FACT_STATUS_RUMORED)
          ss.rumor = 1;
      }
    }
    /* a topic set in this sentence serves this sentence's facts too */
    for (size_t i = 0; i < ms.n; i++) {
      const KgrRule *r = kgr_ruleset_rule(c->rules, ms.v[i].rule);
      if (r->output == KGR_OUT_TOPIC && ms.v[i].slot[KGR_CAP_S].n) {
        KgEntityId t = kgx_ent(c, ms.v[i].slot[KGR_CAP_S].items[0]);
        if (t != KG_NO_ENTITY) {
          topic = t;
          KgxCand when;
          memset(&when, 0, sizeof when);
          when.rel = KG_REL_INVESTS_IN;
          kgx_sentence_quals(&ss, &ms.v[i], r, &when, 1);
          snprintf(topic_date, sizeof topic_date, "%s", when.date);
          topic_status = kgx_status(&ss, &ms.v[i], r);
        }
      }
    }
    for (size_t i = 0; i < ms.n && st == KG_SUCCESS; i++) {
      const KgrRule *r = kgr_ruleset_rule(c->rules, ms.v[i].rule);
      if (r->output == KGR_OUT_FACT)
        st = kgx_match_facts(&ss, &ms.v[i], &cs);
    }
    kgx_drop_beaten(&cs, kgx_reversed_by);
    kgx_drop_beaten(&cs, kgx_amount_taken_by);
    kgx_drop_beaten(&cs, kgx_share_taken_by);
    kgx_drop_beaten(&cs, kgx_officer_taken_by);
    /* a fallback rule's facts wait for the article's end (kgx_emit_fallbacks()) */
    size_t now = 0;
    for (size_t i = 0; i < cs.n; i++) {
      if (st == KG_SUCCESS && (kgr_ruleset_rule(c->rules, cs.v[i].rule)->flags & KGR_RULE_FALLBACK)) {
        cs.v[i].sent = si;
        if ((st = kgx_cand_push(&later, &cs.v[i])) == KG_SUCCESS)
          continue;
      } else if (st == KG_SUCCESS && c->cls->fallback[cs.v[i].rel] && !cs.v[i].o_demonym) {
        /* (a copy with no condition: the list only keeps who has which relation) */
        KgxCand k = cs.v[i];
        k.condition = NULL;
        st = kgx_cand_push(&held, &k);
      }
      cs.v[now++] = cs.v[i]; /* each condition stays with one candidate, kept or moved */
    }
    cs.n = now;
    if (st == KG_SUCCESS)
      st = kgx_emit(c, S, &cs);
    for (size_t i = 0; i < cs.n; i++) {
      if (cs.v[i].o != KG_NO_ENTITY) {
        last[cs.v[i].rel][0] = cs.v[i].s;
        last[cs.v[i].rel][1] = cs.v[i].o;
      } else if (cs.v[i].rel == KG_REL_VALUATION) {
        valued = cs.v[i].s;
        valued_sent = si;
      }
    }
    kgx_cand_free(&cs);
  }
  if (st == KG_SUCCESS)
    st = kgx_emit_fallbacks(c, &later, &held);
  if (st == KG_SUCCESS)
    st = kgx_product_roles(c, f0);
  kg_free(ms.v);
  kgx_cand_free(&cs);
  kgx_cand_free(&later);
  kgx_cand_free(&held);
  return st;
}
