/*
 * kgbuild/graph.h - the graph of one article: entities, facts with their qualifiers and
 * provenance, and the article node; turned into triples with stable IRIs
 * (shared/spec/OUTPUT.md): slugs for entities, SHA-256 for articles and statements.
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
/** Replace the display label (e.g. "Microsoft Corp." seen after "Microsoft": keep the longest). */
KG_API KgStatus kg_graph_entity_set_label(KgGraph *g, KgEntityId id, const char *label);

KG_API size_t kg_graph_entity_count(const KgGraph *g);
KG_API KgClass kg_graph_entity_class(const KgGraph *g, KgEntityId id);
/** Canonical name (what the slug is made from). Borrowed. */
KG_API const char *kg_graph_entity_name(const KgGraph *g, KgEntityId id);
/** The entity's IRI. Borrowed, valid while the graph lives. */
KG_API const char *kg_graph_entity_iri(const KgGraph *g, KgEntityId id);

/**
 * Add a fact (copied). Adding the same fact twice (same statement IRI) keeps one,
 * with the higher confidence. Returns KG_ERR_BAD_ARG for a fact that does not fit its
 * relation (an entity relation without object, an attribute without value,
 * a percentage outside 0-100, a currency that is not three upper-case letters,
 * a confidence above 1).
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
 * characters to '-', legal-form suffixes dropped. Caller frees with kg_free().
 * Never empty: a name with no letters or digits gives "x" followed by the first
 * 12 hex digits of its SHA-256.
 */
KG_API char *kg_slug(const char *name);

/** Fold UTF-8 text to ASCII (é -> e, ß -> ss). Caller frees with kg_free(). */
KG_API char *kg_fold_ascii(const char *s, size_t len);

/** Lower-case hex SHA-256 of @p len bytes into @p out (65 bytes with the NUL). */
KG_API void kg_sha256_hex(const void *data, size_t len, char out[65]);

#ifdef __cplusplus
}
#endif
#endif
