/*
 * kgbuild/draw.h - pictures of a graph through Graphviz (cgraph + gvc).
 *
 * What is drawn (shared/spec/OUTPUT.md): one node per entity, labelled with its name
 * (rdfs:label, skos:prefLabel, schema:name), shaped and coloured by class, with a legend
 * of the classes present; one edge per relation, labelled with the relation's label
 * (from the ontology, in the article's language) and the statement's main qualifiers
 * ("$10B · 2023 · rumored"); rumored and proposed facts dashed, cancelled ones grey.
 * rdf:Statement, kg:Article and kg:Status nodes are not drawn. RDF that is not
 * kgbuild's is drawn generically: resources as nodes, literals folded into their node
 * as a small table, predicate local names on the edges.
 *
 * The DOT text is deterministic (nodes sorted by IRI, edges by endpoints, predicate and
 * label; node names are the IRIs), so pictures can be diffed.
 *
 * Graphviz keeps process-wide state (its error hook, plugin tables): kgbuild serializes
 * every drawing call with one lock, so they are safe but not parallel. The Graphviz
 * context (loaded plugins, font tables) is made on the first drawing and kept until the
 * process ends: Graphviz 2.42 cannot safely free one and make another.
 */
#ifndef KGBUILD_DRAW_H
#define KGBUILD_DRAW_H

#include <kgbuild/triples.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum { KG_DRAW_PNG = 0, KG_DRAW_SVG, KG_DRAW_PDF, KG_DRAW_DOT } KgDrawFormat;

typedef struct {
  KgDrawFormat format;
  const char *layout;       /**< "dot" (NULL), "neato", "fdp", "sfdp", "circo" */
  const char *label_lang;   /**< language of relation labels, "en" (NULL) or "fr" */
  size_t max_nodes;         /**< 0 = no limit */
  const char *ontology;     /**< path of kg.ttl for relation labels, or NULL */
} KgDrawOptions;

/**
 * Above this many entities the dot layout takes minutes (about 3 s at 300, 12 s at 400,
 * a minute at 500), so kg_draw_file() lays the graph out with sfdp instead and logs a
 * warning saying so (--max-nodes keeps the picture small instead). neato, fdp, sfdp and
 * circo draw 5,000 entities in seconds.
 */
#define KG_DRAW_SLOW_LAYOUT_LIMIT 300

/**
 * Above this many entities the layouts other than dot draw straight edges: routing
 * curved edges around the nodes takes minutes on large graphs. Node overlap is removed
 * at every size.
 */
#define KG_DRAW_SPLINES_LIMIT 100

/** Largest side of a PNG, in pixels: bigger graphs are scaled down to fit. */
#define KG_DRAW_PNG_MAX_PIXELS 6000

/** "png", "svg", "pdf", "dot" (also from a file name's extension). 0 ok, -1 unknown. */
KG_API int kg_draw_format_from_name(const char *name, KgDrawFormat *out);

/** "png", "svg", "pdf", "dot"; NULL when out of range. */
KG_API const char *kg_draw_format_name(KgDrawFormat f);

/**
 * The format a file name's extension asks for (".png", ".SVG", ".gv" and ".dot" are
 * DOT). 0 ok, -1 when the name has no known extension.
 */
KG_API int kg_draw_format_from_path(const char *path, KgDrawFormat *out);

/** 0 when @p name (NULL means dot) is a layout kgbuild knows, else -1. */
KG_API int kg_draw_layout_check(const char *name);

/** The valid layout names, as one static string for messages: "dot, neato, fdp, sfdp, circo". */
KG_API const char *kg_draw_layout_names(void);

/**
 * Draw @p t into the file @p path. The file is written to a temporary name beside
 * @p path and renamed when complete: it appears whole or not at all. Errors from
 * Graphviz (unknown layout, a failed layout or renderer) are returned as KG_ERR_DRAW,
 * an unwritable file as KG_ERR_IO, each with one line to @p log; Graphviz's own
 * warnings also go to @p log (as warnings), never to stderr. When --max-nodes leaves
 * entities out, an info line says how many (and the picture carries a note).
 */
KG_API KgStatus kg_draw_file(const KgTriples *t, const KgDrawOptions *opts, const char *path,
                             const KgLog *log);

/**
 * Same as kg_draw_file() into memory: on success *@p data (NUL-terminated, caller
 * frees with kg_free()) and *@p len hold the picture. On failure *@p data is NULL.
 * @p source names the output in messages (may be NULL).
 */
KG_API KgStatus kg_draw_memory(const KgTriples *t, const KgDrawOptions *opts,
                               const char *source, char **data, size_t *len,
                               const KgLog *log);

#ifdef __cplusplus
}
#endif
#endif
