/*
 * draw_model.h - what a picture shows, decided without Graphviz: which resources are
 * nodes, their HTML-like labels and styles, the edges and their labels, the legend and
 * the note. draw_gvc.c only turns this model into cgraph objects. Not API.
 */
#ifndef KG_DRAW_MODEL_H
#define KG_DRAW_MODEL_H

#include <kgbuild/draw.h>

#include "util/util.h"

/* Every HTML-like label below is the text between Graphviz's < and >, escaped. */
typedef struct {
  char *name;        /* Graphviz node name: the IRI, or "_:" + blank id */
  char *label;       /* HTML-like label */
  const char *shape; /* static */
  const char *style; /* static: "filled" or "filled,rounded" */
  const char *fill;  /* static colours */
  const char *border;
} KgdNode;

typedef struct {
  size_t tail, head;  /* indices into KgdModel.nodes */
  char *label;        /* HTML-like label: the relation, the qualifiers below it */
  char *line;         /* the same on one line ("invests in · $10B"), escaped, no markup
                       * around it: layouts other than dot merge parallel edges' lines */
  int dashed;         /* rumored or proposed */
  int cancelled;      /* drawn grey */
  int undirected;     /* kg:partnerOf, kg:competitorOf */
} KgdEdge;

typedef struct {
  KgdNode *nodes;
  size_t n_nodes;
  KgdEdge *edges;
  size_t n_edges;
  char *legend;          /* HTML-like table, or NULL when no class is known */
  char *note;            /* the picture's caption, plain text of ours (no backslash, as
                          * Graphviz expands \G in plain labels), or NULL */
  size_t total_entities; /* before --max-nodes */
  size_t omitted;        /* left out by --max-nodes */
  char lang[16];         /* language of the labels ("en", "fr", ...) */
} KgdModel;

/**
 * Decide what @p t looks like. On success *@p out is a new model (free with
 * kgi_draw_model_free()). The ontology named in @p opts is read for relation labels;
 * a missing or unreadable ontology is a warning, not an error.
 */
KgStatus kgi_draw_model_build(const KgTriples *t, const KgDrawOptions *opts, KgdModel **out,
                              const KgLog *log);
void kgi_draw_model_free(KgdModel *m);

/**
 * Compact human money: 10000000000 USD → "$10B" (en) or "10 Md$" (fr); 1.5e9 EUR →
 * "€1.5B" / "1,5 Md€". @p currency may be NULL (no symbol). Appends to @p b.
 */
KgStatus kgi_draw_money(KgiBuf *b, double amount, const char *currency, const char *lang);

/**
 * Append @p s to @p b escaped for a Graphviz HTML-like label: & < > " ' as entities,
 * newlines as <BR/>, a backslash doubled (Graphviz expands \N in labels), other
 * control characters as spaces, invalid UTF-8 as U+FFFD; at most @p max_chars code
 * points (0: no limit), an ellipsis marking a cut.
 */
KgStatus kgi_draw_html_escape(KgiBuf *b, const char *s, size_t max_chars);

#endif
