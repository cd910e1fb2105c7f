/*
 * kgbuild/draw.h - pictures of a graph through Graphviz (cgraph + gvc).
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

/** "png", "svg", "pdf", "dot" (also from a file name's extension). 0 ok, -1 unknown. */
KG_API int kg_draw_format_from_name(const char *name, KgDrawFormat *out);

/**
 * Draw @p t into the file @p path. Errors from Graphviz (unknown layout, unwritable
 * file) are returned as KG_ERR_DRAW / KG_ERR_IO with one line to @p log.
 */
KG_API KgStatus kg_draw_file(const KgTriples *t, const KgDrawOptions *opts, const char *path,
                             const KgLog *log);

#ifdef __cplusplus
}
#endif
#endif
