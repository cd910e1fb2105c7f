/*
 * kgbuild/push.h - sending article graphs to remote SPARQL servers (Graph Store HTTP
 * Protocol, SPARQL 1.1 Update).
 *
 * Each graph is sent as N-Triples written by the RDF module and lands whole or not at
 * all: a graph that fits one request replaces the named graph in one request (GSP PUT,
 * or DROP + INSERT DATA); a larger one is loaded in chunks into a staging graph,
 * counted there, and MOVEd onto the target. Every push ends with a COUNT of the target
 * graph on the query endpoint: a 2xx answer alone proves nothing (Virtuoso 7.2 can
 * commit part of a large request and still answer 200).
 */
#ifndef KGBUILD_PUSH_H
#define KGBUILD_PUSH_H

#include <kgbuild/http.h>
#include <kgbuild/triples.h>

#ifdef __cplusplus
extern "C" {
#endif

/** Most triples sent in one Graph Store request (Virtuoso 7.2 deadlocks near 100k). */
#define KG_PUSH_DEFAULT_CHUNK ((size_t)50000)
/** Most triples in one INSERT DATA request (Virtuoso 7.2 refuses ~4900 per operation). */
#define KG_PUSH_UPDATE_CHUNK ((size_t)4000)

typedef enum {
  KG_PUSH_GRAPH_STORE = 0, /**< SPARQL 1.1 Graph Store HTTP Protocol: PUT ?graph=IRI */
  KG_PUSH_UPDATE           /**< SPARQL 1.1 Update: DROP SILENT GRAPH + INSERT DATA */
} KgPushMethod;

/** Where and how to push. Pointers are borrowed until kg_pusher_new() returns (copied). */
typedef struct {
  /** SPARQL query endpoint: the COUNT checks, and MOVE/DROP of the staging graph when
   *  no update_endpoint is given (Virtuoso's /sparql takes both). */
  const char *endpoint;
  /** Graph Store endpoint. NULL: derived from endpoint when it ends in /sparql or
   *  /sparql-auth (Virtuoso's /sparql-graph-crud, /sparql-graph-crud-auth), unless
   *  update_endpoint is given, which selects SPARQL Update. */
  const char *graph_store;
  /** SPARQL 1.1 Update endpoint, or NULL. */
  const char *update_endpoint;
  /** At most this many triples per request; 0 means the default of the method
   *  (KG_PUSH_DEFAULT_CHUNK, or KG_PUSH_UPDATE_CHUNK for SPARQL Update). */
  size_t chunk_triples;
  /** Transfer settings; timeout_ms is per request (a large MOVE can take minutes). */
  KgHttpOptions http;
} KgPushOptions;

/** Defaults: kg_http_options_init() with 300 s per request and 3 retries. */
KG_API void kg_push_options_init(KgPushOptions *o);

typedef struct KgPusherImpl KgPusher;

/**
 * A pusher for @p o (copied). KG_ERR_BAD_ARG, with the reason sent to @p log, when an
 * endpoint is not an http(s) URL or no Graph Store endpoint can be derived and no
 * update endpoint is given. No request is made here. On success *out is new; free it
 * with kg_pusher_free().
 */
KG_API KgStatus kg_pusher_new(const KgPushOptions *o, const KgLog *log, KgPusher **out);
KG_API void kg_pusher_free(KgPusher *p);

/** The method the pusher uses. */
KG_API KgPushMethod kg_pusher_method(const KgPusher *p);
/** The Graph Store URL in use (derived or given), or NULL for SPARQL Update. Borrowed. */
KG_API const char *kg_pusher_graph_store(const KgPusher *p);

/**
 * Replace the named graph @p graph_iri on the server with the triples of @p t (their
 * own graph field is ignored; duplicates are sent once). On success the server holds
 * exactly those triples in that graph, checked by a COUNT, and *landed (may be NULL)
 * is their number. On failure the graph is as it was before, except when a single
 * request was answered 2xx and the COUNT then disagreed (the server's fault, reported
 * as such); failures go to @p log naming @p graph_iri.
 * Returns KG_ERR_BAD_ARG (graph IRI not absolute, or with characters an IRI cannot
 * hold), KG_ERR_UNSUPPORTED (blank nodes in a graph that needs several requests:
 * splitting would change their identity), KG_ERR_AUTH (401/403), KG_ERR_TIMEOUT,
 * KG_ERR_HTTP (connection or HTTP failure), KG_ERR_STORE (the COUNT disagrees),
 * KG_ERR_RDF, KG_ERR_NOMEM.
 */
KG_API KgStatus kg_pusher_push(KgPusher *p, const char *graph_iri, const KgTriples *t,
                               size_t *landed);

/**
 * Triples now in @p graph_iri on the server (a COUNT on the query endpoint). For
 * scripts and tests that want to see what landed.
 */
KG_API KgStatus kg_pusher_count(KgPusher *p, const char *graph_iri, size_t *count);

/** 1 when @p iri is an absolute IRI that can be written between < and > in SPARQL. */
KG_API int kg_push_graph_iri_ok(const char *iri);

#ifdef __cplusplus
}
#endif
#endif
