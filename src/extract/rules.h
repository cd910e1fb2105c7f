/*
 * rules.h - the rule language (ontology/rules/README.md): a compiler from rule files and
 * lexicon files to indexed matchers, and the matcher that runs them over one sentence of
 * annotated tokens. Private to the library.
 *
 * The matcher sees the tokens of text.h and the mentions of mention.h through a
 * KgrInput, prepared once per document; quantities (money, percent, dates, counts) are
 * read by the caller and handed in per token, so the matcher needs no document.
 */
#ifndef KG_RULES_H
#define KG_RULES_H

#include <stddef.h>
#include <kgbuild/common.h>
#include <kgbuild/vocab.h>
#include "text/text.h"
#include "extract/mention.h"

typedef struct KgrRuleSetImpl KgrRuleSet;

/* Capture slots. A rule names them @S, @O, @AMT, @PCT, @DATE, @REP, @VAL; @_ (or any
 * other name) constrains without capturing. */
typedef enum {
  KGR_CAP_S = 0,
  KGR_CAP_O,
  KGR_CAP_AMT,
  KGR_CAP_PCT,
  KGR_CAP_DATE,
  KGR_CAP_REP,
  KGR_CAP_VAL,
  KGR_CAP__COUNT
} KgrCapture;

/* What a rule produces: a relation or attribute, or a cue that qualifies the facts of
 * its sentence (a status, an attribution, a hedge). */
typedef enum {
  KGR_OUT_FACT = 0,   /* relation / attribute in KgrRule.relation */
  KGR_OUT_STATUS,     /* sentence cue: KgrRule.status */
  KGR_OUT_REPORTED,   /* sentence attribution: @REP is the reporter */
  KGR_OUT_HEDGE,      /* sentence hedge: lowers confidence, makes deals rumored */
  KGR_OUT_NEGATION,   /* local negation: facts whose span holds the match are dropped */
  KGR_OUT_EXCLUSIVE,  /* sentence exclusivity cue: KgrRule.exclusive */
  KGR_OUT_TOPIC       /* @S becomes what "the round", "la levée" refer to from here on */
} KgrOutput;

/* A compiled rule's header, as written in its file. Borrowed from the rule set. */
typedef struct {
  const char *id;        /* "fr:invest-1" (kg:extractor gets "rules:" in front) */
  KgrOutput output;
  KgRelation relation;   /* for KGR_OUT_FACT */
  double weight;         /* 0..1, default 0.8 */
  KgFactStatus status;   /* default status of its facts / the status a cue gives */
  int exclusive;         /* -1 unless the rule says exclusive=true|false */
  const char *value;     /* fixed attribute value (legalForm=...), or NULL */
  unsigned flags;
  const char *file;      /* file and line it was read from, for diagnostics */
  long line;
} KgrRule;

#define KGR_RULE_NONEG 0x01     /* negation cues do not cancel this rule's facts */
#define KGR_RULE_NOQUANT 0x02   /* take no amount/percent/date from the sentence */
#define KGR_RULE_NODATE 0x04    /* take no point in time from the sentence */
#define KGR_RULE_SYMMETRIC 0x08 /* no @O: each @S list item relates to each other one */
#define KGR_RULE_OBJ_TOPIC 0x10 /* no @O: the object is the current topic (object=topic) */
#define KGR_RULE_SUBJ_PREV 0x20 /* no @S: the subject of the latest such fact (subject=previous) */
#define KGR_RULE_OBJ_PREV 0x40  /* no @O: the object of the latest such fact (object=previous) */
#define KGR_RULE_OBJ_FOCUS 0x80 /* no @O: the organization named most so far (object=focus) */
#define KGR_RULE_SUBJ_FOCUS 0x100 /* no @S: the organization named most so far (subject=focus) */
#define KGR_RULE_OBJ_SIBLING 0x200 /* no @O: the object of the fact just before, whoever its subject (object=sibling) */
#define KGR_RULE_NOADV 0x400    /* the matcher steps over no adverbial (noadverbial) */
#define KGR_RULE_FALLBACK 0x800 /* its facts stand only where no other rule gives the subject that relation in the article (fallback) */
#define KGR_RULE_MAJORITY 0x1000 /* its facts stand only when the captured percentage is over 50 (majority) */

/** An empty rule set for language @p lang ("en", "fr"); *out is new. */
KgStatus kgr_ruleset_new(const char *lang, KgrRuleSet **out);
void kgr_ruleset_free(KgrRuleSet *rs);

/**
 * Add the rules and word classes of a rule file (@p name is used in messages).
 * Rules whose id starts with another language's prefix ("fr:" in an "en" set) are
 * checked but not added. A bad line is reported through @p log as "FILE:LINE: why"
 * and gives KG_ERR_PARSE; nothing of that file is kept then.
 */
KgStatus kgr_ruleset_add_rules(KgrRuleSet *rs, const char *name, const char *text, size_t len,
                               const KgLog *log);
/**
 * Add word classes from a lexicon file: "CLASS<TAB>word word prefix* ..." per line.
 * Words are added to the class (classes may be extended by several files).
 */
KgStatus kgr_ruleset_add_lexicon(KgrRuleSet *rs, const char *name, const char *text,
                                 size_t len, const KgLog *log);
/** Read @p path and add it (lexicon when it ends in .tsv, rules otherwise). */
KgStatus kgr_ruleset_add_file(KgrRuleSet *rs, const char *path, const KgLog *log);
/**
 * Resolve class references and build the index. Must be called once after the last
 * add and before matching; KG_ERR_PARSE (logged) when a rule uses an undefined class.
 */
KgStatus kgr_ruleset_compile(KgrRuleSet *rs, const KgLog *log);

size_t kgr_ruleset_count(const KgrRuleSet *rs);
const KgrRule *kgr_ruleset_rule(const KgrRuleSet *rs, size_t i);
/** 1 when the folded word @p w is in class @p cls (for cue look-ups by the caller). */
int kgr_ruleset_word_in_class(const KgrRuleSet *rs, const char *cls, const char *w);
/** Index of class @p name, or -1 when the rule set has none of that name. */
long kgr_ruleset_class(const KgrRuleSet *rs, const char *name);

/* ---- matching ---- */

/* A quantity the caller found starting at a token. */
typedef enum { KGR_Q_MONEY = 0, KGR_Q_PERCENT, KGR_Q_DATE, KGR_Q_COUNT, KGR_Q__COUNT } KgrQKind;

typedef struct {
  KgrQKind kind;
  size_t tok_start, tok_end;
  char value[48];     /* money amount, percent, date or count (canonical) */
  char currency[4];   /* money only */
} KgrQuantity;

typedef struct KgrInputImpl KgrInput;

/**
 * Prepare @p ntoks tokens (borrowed, with their mentions and quantities, all sorted by
 * tok_start and borrowed too: keep them alive while the input is used) for matching
 * against @p rs. @p fold_hash, when not NULL, holds each token's kgt_doc_fold_hash()
 * (a tokenizer's tokens: it saves hashing them again). *out is new; free with
 * kgr_input_free().
 */
KgStatus kgr_input_new(const KgrRuleSet *rs, const KgtToken *toks, size_t ntoks,
                       const uint64_t *fold_hash, const KgmMention *ments, size_t nments,
                       const KgrQuantity *quants, size_t nquants, KgrInput **out);
void kgr_input_free(KgrInput *in);

/** 1 when token @p t lies inside a mention that names something (not an anaphor). */
int kgr_input_in_name(const KgrInput *in, size_t t);
/** Token @p t is inside any mention, a name or an anaphor ("it", "the company"). */
int kgr_input_in_mention(const KgrInput *in, size_t t);
/** 1 when token @p tok of the input is in class @p cls (from kgr_ruleset_class()). */
int kgr_input_token_in_class(const KgrRuleSet *rs, const KgrInput *in, size_t tok, long cls);

#define KGR_MAX_LIST 24

/* One capture of a match: mentions (a list for @S:ORG+) or one quantity. */
typedef struct {
  size_t n;                       /* 0 when the slot was not captured */
  size_t items[KGR_MAX_LIST];     /* mention or quantity indices */
  int is_quantity;
} KgrSlot;

typedef struct {
  size_t rule;                    /* index in the rule set */
  size_t tok_start, tok_end;      /* tokens the match covers */
  KgrSlot slot[KGR_CAP__COUNT];
} KgrMatch;

typedef int (*KgrMatchFunc)(void *user_data, const KgrMatch *m);

/**
 * Run every rule at every token of tokens [@p a, @p b) (one sentence): for each rule and
 * start token the first match (gaps shortest first, optional parts taken when they fit)
 * is reported to @p fn; a non-zero return stops the run and is returned.
 */
int kgr_match_span(const KgrRuleSet *rs, const KgrInput *in, size_t a, size_t b,
                   KgrMatchFunc fn, void *user_data);

#endif
