/*
 * kgbuild/store.h - the embedded SPARQL store: a persistent directory holding one
 * named graph per article (Redland "hashes" storage on Berkeley DB, queried with
 * Rasqal; nothing else in kgbuild sees Redland or Rasqal). Remote servers are in
 * kgbuild/push.h.
 *
 * A store is a directory: the Berkeley DB index files plus a small marker file
 * (kgstore.info) that says the directory is a kgbuild store. One process may write a
 * store at a time; readers and writers exclude each other (an advisory lock on the
 * marker), so a second process gets KG_ERR_STORE with a clear message instead of
 * corrupting the indexes.
 *
 * Queries see the dataset SPARQL engines call a "union default graph": the default
 * graph is the RDF merge of every named graph (a triple stored in several graphs is
 * seen once), and every named graph can be addressed with GRAPH <iri> or GRAPH ?g.
 * A query with its own FROM / FROM NAMED clauses gets exactly those graphs instead.
 */
#ifndef KGBUILD_STORE_H
#define KGBUILD_STORE_H

#include <stdio.h>
#include <kgbuild/rdf.h>
#include <kgbuild/triples.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KgStoreImpl KgStore;

typedef enum {
  KG_STORE_READ = 0,  /**< read only; the store must exist */
  KG_STORE_WRITE = 1, /**< read and write; the store must exist */
  KG_STORE_CREATE = 2 /**< read and write; the directory and the store are created when absent */
} KgStoreMode;

/**
 * Open the store in directory @p dir. Returns:
 * - KG_ERR_NOT_FOUND when the store does not exist (READ, WRITE) — nothing is created;
 * - KG_ERR_BAD_ARG when @p dir exists, is not empty and is not a kgbuild store
 *   (CREATE never writes into a directory it did not make);
 * - KG_ERR_IO when the directory cannot be created or written (errno is kept);
 * - KG_ERR_STORE when another process holds the store, or Berkeley DB cannot open
 *   the index files (damaged, from another version).
 * Every failure is also described through @p log (which must outlive the store).
 * On success *out is new; close it with kg_store_close().
 */
KG_API KgStatus kg_store_open(const char *dir, KgStoreMode mode, const KgLog *log,
                              KgStore **out);

/**
 * Flush everything to disk, release the lock and free @p s (NULL is allowed and
 * returns KG_SUCCESS). KG_ERR_STORE when the flush failed: the last changes may be
 * lost.
 */
KG_API KgStatus kg_store_close(KgStore *s);

/**
 * Replace the content of named graph @p graph (an absolute IRI) with the triples of
 * @p t (their own graph field is ignored; exact duplicates are stored once). Loading
 * the same graph again therefore never duplicates anything. Blank nodes are scoped
 * to the graph: "_:b1" of one graph is not "_:b1" of another. @p t may be empty
 * (the graph is then removed). Not atomic: a crash in the middle may leave the graph
 * half written (load it again). *added (may be NULL) receives the number of triples
 * stored.
 */
KG_API KgStatus kg_store_replace_graph(KgStore *s, const char *graph, const KgTriples *t,
                                       size_t *added);

/**
 * Replace every graph named in @p t: triples are grouped by KgTriple.g (a triple
 * without graph goes to @p default_graph; KG_ERR_BAD_ARG when there is such a
 * triple and @p default_graph is NULL), and each group replaces its graph as
 * kg_store_replace_graph() does. *graphs and *added (may be NULL) receive the
 * number of graphs replaced and of triples stored.
 */
KG_API KgStatus kg_store_load(KgStore *s, const KgTriples *t, const char *default_graph,
                              size_t *graphs, size_t *added);

/** Remove named graph @p graph and its triples (KG_SUCCESS when it did not exist). */
KG_API KgStatus kg_store_remove_graph(KgStore *s, const char *graph);

/** How SELECT and ASK results are written (W3C SPARQL 1.1 result formats). */
typedef enum {
  KG_RESULTS_TABLE = 0, /**< aligned text table for people (cells longer than 60 columns cut) */
  KG_RESULTS_CSV,       /**< text/csv: plain values, RFC 4180 quoting, CRLF line ends */
  KG_RESULTS_TSV,       /**< text/tab-separated-values: terms in Turtle syntax */
  KG_RESULTS_JSON       /**< application/sparql-results+json */
} KgResultFormat;

/** Parse "table", "csv", "tsv", "json". 0 ok, -1 unknown. */
KG_API int kg_result_format_from_name(const char *name, KgResultFormat *out);

/**
 * Run the SPARQL 1.1 query @p sparql and write its result to @p out: SELECT rows in
 * @p results; ASK as true/false (JSON: {"head":{},"boolean":...}); CONSTRUCT as RDF
 * in @p graph_format (through kg_rdf_write()). Relative IRIs in the query resolve
 * against KG_DEFAULT_BASE. Returns KG_ERR_PARSE for a query that does not parse
 * (SPARQL Update included; the message, with line and column, goes to the store's
 * log), KG_ERR_UNSUPPORTED for DESCRIBE (Rasqal cannot evaluate it),
 * KG_ERR_STORE when evaluation fails, KG_ERR_IO when @p out cannot be written
 * (something may have been written already).
 */
KG_API KgStatus kg_store_query(KgStore *s, const char *sparql, KgResultFormat results,
                               KgFormat graph_format, FILE *out);

/** A name and how many times it was counted. */
typedef struct {
  char *name; /**< a kg: local name ("Company") or a full IRI for other vocabularies */
  size_t count;
} KgStoreCount;

/** What a store holds (kg_store_stats()). */
typedef struct {
  size_t triples;  /**< stored triples, summed over all graphs */
  size_t graphs;   /**< named graphs */
  size_t articles; /**< distinct kg:Article nodes */
  size_t entities; /**< distinct typed nodes that are neither articles nor statements */
  size_t facts;    /**< sum of @c relations counts */
  KgStoreCount *classes;   /**< entities per class, most frequent first */
  size_t n_classes;
  KgStoreCount *relations; /**< facts per kg: relation, most frequent first: distinct
                                (subject, relation, object) over all graphs; kg:valuation
                                and kg:revenue, which exist only as statements, count
                                their rdf:Statement nodes */
  size_t n_relations;
} KgStoreStats;

/** Count what the store holds (reads the whole store). *out is new: kg_store_stats_free(). */
KG_API KgStatus kg_store_stats(KgStore *s, KgStoreStats **out);
KG_API void kg_store_stats_free(KgStoreStats *st);

#ifdef __cplusplus
}
#endif
#endif
