/*
 * kgbuild/triples.h - a list of RDF triples (or quads): what the graph module produces
 * and what the writer, the drawer and the stores consume. Terms are IRIs or literals;
 * there are no blank nodes in what kgbuild writes (a reader may produce them, as
 * KG_TERM_BLANK, for RDF that is not ours).
 */
#ifndef KGBUILD_TRIPLES_H
#define KGBUILD_TRIPLES_H

#include <kgbuild/common.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { KG_TERM_IRI = 0, KG_TERM_LITERAL = 1, KG_TERM_BLANK = 2 } KgTermType;

typedef struct {
  KgTermType type;
  const char *value;    /**< IRI, literal lexical form (UTF-8), or blank node id */
  const char *datatype; /**< datatype IRI of a typed literal, else NULL */
  const char *lang;     /**< lower-case language tag of a literal, else NULL */
} KgTerm;

typedef struct {
  KgTerm s, p, o;
  const char *g; /**< named graph IRI, or NULL for the default graph */
} KgTriple;

typedef struct KgTriplesImpl KgTriples;

/** New empty list; NULL when out of memory. Free with kg_triples_free(). */
KG_API KgTriples *kg_triples_new(void);
KG_API void kg_triples_free(KgTriples *t);

/** Append a copy of @p tr (all strings are copied). On failure nothing changes. */
KG_API KgStatus kg_triples_add(KgTriples *t, const KgTriple *tr);

/** Convenience: append (s IRI, p IRI, o IRI). */
KG_API KgStatus kg_triples_add_iri(KgTriples *t, const char *s, const char *p, const char *o);
/** Convenience: append (s IRI, p IRI, literal) with optional datatype IRI or language. */
KG_API KgStatus kg_triples_add_literal(KgTriples *t, const char *s, const char *p,
                                       const char *value, const char *datatype,
                                       const char *lang);

/** Number of triples. */
KG_API size_t kg_triples_count(const KgTriples *t);
/** Triple @p i (0-based); borrowed until the list changes. */
KG_API const KgTriple *kg_triples_get(const KgTriples *t, size_t i);

/**
 * Sort into a canonical order (graph, subject, predicate, object; byte-wise) and drop
 * exact duplicates, so output is the same whatever order triples were added in.
 */
KG_API KgStatus kg_triples_sort_unique(KgTriples *t);

/** Set every triple's graph to @p g (copied; NULL clears). */
KG_API KgStatus kg_triples_set_graph(KgTriples *t, const char *g);

/** Append copies of every triple of @p src to @p dst. */
KG_API KgStatus kg_triples_append(KgTriples *dst, const KgTriples *src);

/** 1 when two terms are equal (type, value, datatype and language), else 0. */
KG_API int kg_term_equal(const KgTerm *a, const KgTerm *b);

#ifdef __cplusplus
}
#endif
#endif
