/*
 * extract_int.h - what the extractor glue (extractor.c) hands to the relation layer
 * (relations.c) for one article. Private to the library.
 */
#ifndef KG_EXTRACT_INT_H
#define KG_EXTRACT_INT_H

#include <kgbuild/graph.h>
#include "extract/mention.h"
#include "extract/rules.h"
#include "text/text.h"

/* The classes of a language's relations lexicon that the relation layer looks for
 * itself (per share, valuation, deal, condition, relative-clause, founding, appointment,
 * relative-day, relative-year, clause-joining, contrasting and possessive words), -1 where the language has none. Resolved once per rule set, not per article. */
typedef struct {
  long per, share, valuation, deal, cond_cue, cond_head, cond_link, relative, founding,
      appoint, relative_day, clause_conj, contrast_conj, year_noun, year_prev, year_this, poss_det, thing_rel, complementizer;
  unsigned char fallback[KG_REL__COUNT]; /* 1: a fallback rule of the set gives the relation */
} KgxClasses;

/** Look the KgxClasses of compiled rule set @p rs up by name into @p out. */
void kgx_classes_init(const KgrRuleSet *rs, KgxClasses *out);

/* Everything is borrowed for the duration of kgx_relations(). */
typedef struct {
  const KgrRuleSet *rules;
  const KgxClasses *cls; /* of @c rules */
  const KgtDoc *doc;
  const KgrInput *in;
  const KgmMention *ments;
  size_t nments;
  const KgrQuantity *quants;
  size_t nquants;
  const KgEntityId *ment_ent; /* entity of each mention (KG_NO_ENTITY when none) */
  const KgEntityId *ment_alt; /* an anaphor's second reading (KgmMention.alt_name), or
                                 KG_NO_ENTITY */
  const char *lang;           /* "en" / "fr": language tag of evidence and conditions */
  const char *article_date;   /* "2023-10-13", "2023-01", or NULL: what "on Friday" means */
  KgGraph *g;
  const KgLog *log;
  KgEntityId first_entity; /* the first entity this article added to @c g */
} KgxContext;

/**
 * Run the rules over every sentence of the document and add the facts they find to
 * the graph, with status, qualifiers, evidence and confidence. KG_ERR_NOMEM is the only
 * failure; a fact the graph refuses is logged and skipped.
 */
KgStatus kgx_relations(const KgxContext *c);

/* Sentences longer than this give as evidence a window around the match, so that a
 * hostile text (one sentence of megabytes) cannot make every fact carry all of it. */
#define KGX_EVIDENCE_MAX 2000

/**
 * The evidence of a fact found in tokens [@p a, @p b) of sentence @p S: the sentence, or
 * for a long one the words around the match (about KGX_EVIDENCE_MAX bytes). Sets the
 * code-point offsets of what it returns; the string is the caller's (kg_free), NULL when
 * out of memory.
 */
char *kgx_evidence(const KgtDoc *doc, const KgtSentence *S, size_t a, size_t b,
                   long *cp_start, long *cp_end);

#endif
