/*
 * kgbuild/graph.h - the graph of one article: entities, facts with their qualifiers and
 * provenance, and the article node; turned into triples with stable IRIs
 * (shared/spec/OUTPUT.md): slugs for entities, SHA-256 for articles and statements.
 *
 * Every text kept (names, labels, evidence, conditions, metadata) is made valid for
 * every RDF syntax on the way in: ill-formed UTF-8, controls other than TAB, LF and CR,
 * DEL, C1 controls, U+FFFE and U+FFFF become U+FFFD. Language tags are lower-cased
 * ("en_US" -> "en-us"); an invalid tag is dropped. Entities are one when their IRIs are
 * one: same IRI segment (all organization classes share "org") and same slug.
 */
#ifndef KGBUILD_GRAPH_H
#define KGBUILD_GRAPH_H

#include <kgbuild/article.h>
#include <kgbuild/triples.h>
#include <kgbuild/vocab.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KgGraphImpl KgGraph;

/** Index of an entity in its graph; KG_NO_ENTITY for "none". */
typedef long KgEntityId;
#define KG_NO_ENTITY ((KgEntityId)-1)

/** Datatype of an attribute value or point in time. */
typedef enum {
  KG_LIT_STRING = 0, /**< xsd:string (plain literal) */
  KG_LIT_INTEGER,
  KG_LIT_DECIMAL,
  KG_LIT_YEAR,       /**< xsd:gYear  "2015" */
  KG_LIT_YEAR_MONTH, /**< xsd:gYearMonth "2023-01" */
  KG_LIT_DATE,       /**< xsd:date "2023-01-23" */
  KG_LIT_BOOLEAN
} KgLiteralKind;

/**
 * One fact, as given to kg_graph_add_fact(). Every pointer is borrowed: the graph
 * copies what it keeps. Fields not given are NULL / KG_NO_ENTITY / -1.
 */
typedef struct {
  KgRelation relation;
  KgEntityId subject;
  KgEntityId object;          /**< for entity relations; else KG_NO_ENTITY */
  const char *value;          /**< attribute value (foundingDate "2015", legalForm ...) */
  KgLiteralKind value_kind;

  /* qualifiers */
  const char *amount;         /**< decimal in units, e.g. "10000000000" or "1.5" */
  const char *currency;       /**< ISO 4217, "USD" */
  const char *percentage;     /**< decimal 0-100, "49" */
  const char *point_in_time;  /**< "2019", "2023-01", "2023-01-23" (kind from its shape) */
  KgFactStatus status;
  int exclusive;              /**< 1 true, 0 false, -1 not stated */
  const char *condition;      /**< text, in the article's language */
  KgEntityId reported_by;     /**< a news organization, or KG_NO_ENTITY */
  double confidence;          /**< 0..1; < 0 means "not given" */

  /* provenance */
  const char *evidence;       /**< the sentence */
  long evidence_start;        /**< code-point offsets of the sentence, or -1 */
  long evidence_end;
  const char *extractor;      /**< rule id, "rules:fr:invest-3" */
} KgFact;

/** A KgFact with every field at "not given". */
KG_API void kg_fact_init(KgFact *f);

/**
 * New empty graph whose resource IRIs are under @p base (NULL means KG_DEFAULT_BASE;
 * the graph appends '/' when missing). NULL when out of memory.
 */
KG_API KgGraph *kg_graph_new(const char *base);
KG_API void kg_graph_free(KgGraph *g);

/**
 * Record the article the facts come from (metadata and SHA-256 are copied).
 * Without an article no kg:Article node and no prov:wasDerivedFrom are produced.
 * The publisher (KG_META_PUBLISHER, else KG_META_SITE_NAME) becomes a
 * kg:NewsOrganization entity, linked by schema:publisher. Labels, evidence and
 * conditions take the article's language unless given one: call this again after
 * KG_META_LANGUAGE changes (it replaces the previous article; facts stay).
 */
KG_API KgStatus kg_graph_set_article(KgGraph *g, const KgArticle *a);

/** IRI of the article node, or NULL if none is set. Borrowed. */
KG_API const char *kg_graph_article_iri(const KgGraph *g);

/**
 * Find or add the entity named @p name (its canonical name) of class @p cls.
 * @p qualifier distinguishes two entities with one name ("nonprofit"), else NULL.
 * Organizations of any organization class with the same name and qualifier are one
 * entity: adding it again with a more specific class refines the class.
 * @p lang tags its label ("en", "fr" or NULL). Sets *out to its id.
 */
KG_API KgStatus kg_graph_entity(KgGraph *g, KgClass cls, const char *name,
                                const char *qualifier, const char *lang, KgEntityId *out);

/** Look up an entity without adding it; KG_NO_ENTITY when absent. */
KG_API KgEntityId kg_graph_find_entity(const KgGraph *g, KgClass cls, const char *name,
                                       const char *qualifier);

/** Add another name seen for the entity (skos:altLabel unless equal to the label). */
KG_API KgStatus kg_graph_entity_add_alias(KgGraph *g, KgEntityId id, const char *alias);
/** Set the Wikidata id ("Q2283") giving owl:sameAs wd:Q2283. */
KG_API KgStatus kg_graph_entity_set_qid(KgGraph *g, KgEntityId id, const char *qid);
/** Change the class (e.g. Organization -> NonProfit once a descriptor says so). */
KG_API KgStatus kg_graph_entity_set_class(KgGraph *g, KgEntityId id, KgClass cls);
/** Replace the display label (e.g. "Zorbex Corp." seen after "Zorbex": keep the longest). */
KG_API KgStatus kg_graph_entity_set_label(KgGraph *g, KgEntityId id, const char *label);

KG_API size_t kg_graph_entity_count(const KgGraph *g);
KG_API KgClass kg_graph_entity_class(const KgGraph *g, KgEntityId id);
/** Canonical name (what the slug is made from). Borrowed. */
KG_API const char *kg_graph_entity_name(const KgGraph *g, KgEntityId id);
/** The entity's IRI. Borrowed, valid while the graph lives. */
KG_API const char *kg_graph_entity_iri(const KgGraph *g, KgEntityId id);

/**
 * Add a fact (copied). Adding the same fact twice (same statement IRI) keeps one,
 * with the higher confidence (ties broken on the provenance, so the choice never
 * depends on the order of calls). The statement IRI covers subject, relation, object
 * or value, the article and the qualifiers (amount, currency, percentage, point in
 * time, status, exclusive, condition, reported_by), not the confidence, evidence,
 * offsets or extractor. kg:partnerOf and kg:competitorOf are one fact whichever way
 * round. Numbers are kept in canonical form (XSD 1.0 canonical: "10000000000.00" -> "10000000000.0").
 * Returns KG_ERR_BAD_ARG, and adds nothing, for a fact that does not fit its relation:
 * an entity relation without a valid object (or with a value, or with the subject as
 * object); an attribute without value, with an object, or with a value of the wrong
 * form (foundingDate: YYYY, YYYY-MM or YYYY-MM-DD; legalForm: one of the values of
 * VOCABULARY.md; employees: a non-negative integer); valuation/revenue without an
 * amount; an amount or percentage that is not a plain decimal (no exponent, no
 * separators); a percentage outside 0-100; a currency that is not three upper-case
 * letters; a point in time that is not a date shape; a confidence above 1 or NaN;
 * evidence_end before evidence_start; an unknown status or reported_by entity.
 */
KG_API KgStatus kg_graph_add_fact(KgGraph *g, const KgFact *f);
KG_API size_t kg_graph_fact_count(const KgGraph *g);
/** Fact @p i; borrowed until the graph changes. */
KG_API const KgFact *kg_graph_get_fact(const KgGraph *g, size_t i);

/**
 * All triples of the graph, sorted and without duplicates: entity types, labels,
 * aliases, sameAs, direct triples, the article node and (when @p with_statements)
 * one rdf:Statement per fact with its qualifiers and provenance. Every triple's
 * graph is the article IRI (writers ignore it except for N-Quads).
 * *out is new; the caller frees it with kg_triples_free().
 */
KG_API KgStatus kg_graph_to_triples(const KgGraph *g, int with_statements, KgTriples **out);

/* ---- IRIs (graph/iri.c) ---- */

/**
 * The slug of a name (OUTPUT.md): Unicode folded to ASCII, lower case, runs of other
 * characters to '-', trailing legal-form words dropped (inc corp corporation llc ltd lp
 * plc sa sas se ag gmbh nv bv spa co the: the scorer's list) and a leading "the", never
 * the last word. Caller frees with kg_free(). Never empty: a name with no letters or
 * digits left gives "x" followed by the first 12 hex digits of its SHA-256. A slug
 * longer than 96 characters is cut at 80 and ends with '-' and 12 hex digits of the
 * name's SHA-256, so long names stay apart.
 */
KG_API char *kg_slug(const char *name);

/**
 * Fold @p len bytes of UTF-8 text to ASCII (é -> e, ß -> ss, æ -> ae, · -> -, Cyrillic
 * and Greek transliterated, fullwidth forms and ligatures unfolded). Combining marks
 * and zero-width characters vanish; a character without an ASCII form (CJK, Arabic,
 * emoji, a symbol) or an ill-formed byte becomes a space. Caller frees with kg_free();
 * NULL when out of memory.
 */
KG_API char *kg_fold_ascii(const char *s, size_t len);

/** Lower-case hex SHA-256 of @p len bytes into @p out (65 bytes with the NUL). */
KG_API void kg_sha256_hex(const void *data, size_t len, char out[65]);

#ifdef __cplusplus
}
#endif
#endif
