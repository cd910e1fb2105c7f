/* draw_gvc.c - the drawing model through Graphviz: cgraph builds, gvc lays out and
 * renders. The only file of kgbuild that includes Graphviz headers. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cgraph.h>
#include <gvc.h>

#include "out/draw_model.h"

/* Graphviz is loaded on first use (kgi_dl_load): its libraries cost every run of kgbuild
 * a millisecond and more to map and relocate, and most runs draw nothing. The calls below
 * keep their names: each goes through the pointer found for it. */
#define KGD_GV_SYMBOLS(X)                                                                   \
  X(agattr) X(agclose) X(agedge) X(agnode) X(agopen) X(agseterr) X(agseterrf)              \
  X(agstrdup_html) X(agstrfree) X(agsubg) X(agwrite) X(agxset) X(gvContext)                \
  X(gvFreeLayout) X(gvFreeRenderData) X(gvLayout) X(gvRenderData) X(Agdirected)            \
  X(AgMemDisc) X(AgIdDisc)

KGI_DL_API(kgd_gv_api, KGD_GV_SYMBOLS, KG_GVC_SONAMES)

#define agattr (*kgd_gv_api.agattr)
#define agclose (*kgd_gv_api.agclose)
#define agedge (*kgd_gv_api.agedge)
#define agnode (*kgd_gv_api.agnode)
#define agopen (*kgd_gv_api.agopen)
#define agseterr (*kgd_gv_api.agseterr)
#define agseterrf (*kgd_gv_api.agseterrf)
#define agstrdup_html (*kgd_gv_api.agstrdup_html)
#define agstrfree (*kgd_gv_api.agstrfree)
#define agsubg (*kgd_gv_api.agsubg)
#define agwrite (*kgd_gv_api.agwrite)
#define agxset (*kgd_gv_api.agxset)
#define gvContext (*kgd_gv_api.gvContext)
#define gvFreeLayout (*kgd_gv_api.gvFreeLayout)
#define gvFreeRenderData (*kgd_gv_api.gvFreeRenderData)
#define gvLayout (*kgd_gv_api.gvLayout)
#define gvRenderData (*kgd_gv_api.gvRenderData)
#define Agdirected (*kgd_gv_api.Agdirected)
#define AgMemDisc (*kgd_gv_api.AgMemDisc)
#define AgIdDisc (*kgd_gv_api.AgIdDisc)

/* Pango resolves the first family it has; SVG viewers do the same with the list. */
#define KGD_FONT "Helvetica,Arial,sans-serif"

/* Graphviz reports through one process-wide hook, and its layout engines keep global
 * state: one drawing at a time. */
static pthread_mutex_t kgd_lock = PTHREAD_MUTEX_INITIALIZER;

/* One Graphviz context for the life of the process, made on first use, under kgd_lock.
 * It is deliberately never freed: Graphviz 2.42's pango plugin keeps pointers into the
 * font table of the context it first measured text with, so a second context after
 * gvFreeContext() reads freed memory (AddressSanitizer shows it). */
static GVC_t *kgd_gvc;

/* What Graphviz said during the current drawing, one "E" or "W" + message per line. */
static struct {
  KgiBuf line;
  KgiBuf said;
  char level; /* of the line being assembled: 'E' or 'W' */
} kgd_gv;

static void kgd_gv_line_end(void) {
  char *s = kgd_gv.line.data;
  size_t n = kgd_gv.line.len;
  if (!s || n == 0)
    return;
  while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\r' || s[n - 1] == '\t'))
    n--;
  s[n] = '\0';
  char level = kgd_gv.level;
  if (strncmp(s, "Error: ", 7) == 0)
    level = 'E', s += 7;
  else if (strncmp(s, "Warning: ", 9) == 0)
    level = 'W', s += 9;
  if (*s) {
    /* a message that cannot be kept is dropped: Graphviz's hook has no error path */
    if (kgi_buf_putc(&kgd_gv.said, level) == KG_SUCCESS &&
        kgi_buf_puts(&kgd_gv.said, s) == KG_SUCCESS)
      (void)kgi_buf_putc(&kgd_gv.said, '\n');
  }
  kgd_gv.level = level; /* continuation messages (AGPREV) keep the level */
  kgd_gv.line.len = 0;
  kgd_gv.line.data[0] = '\0';
}

/* Graphviz hands over a message in pieces ("Warning", ": ", "text\n"). */
static int kgd_gv_errf(char *msg) {
  for (const char *p = msg; p && *p; p++) {
    if (*p == '\n')
      kgd_gv_line_end();
    else
      (void)kgi_buf_putc(&kgd_gv.line, *p);
  }
  return 0;
}

/* The last error Graphviz gave, else its last message, else NULL. */
static const char *kgd_gv_last(char *buf, size_t size) {
  const char *said = kgd_gv.said.data, *pick = NULL;
  if (!said)
    return NULL;
  for (const char *p = said; *p;) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    if (*p == 'E' || !pick || *pick != 'E')
      pick = p;
    p += n + (e ? 1 : 0);
  }
  if (!pick)
    return NULL;
  size_t n = strcspn(pick + 1, "\n");
  snprintf(buf, size, "%.*s", (int)n, pick + 1);
  return buf;
}

/* Everything Graphviz said, as warnings (on success: the picture is there). */
static void kgd_gv_report(const KgLog *log, const char *source) {
  const char *said = kgd_gv.said.data;
  for (const char *p = said; p && *p;) {
    const char *e = strchr(p, '\n');
    size_t n = e ? (size_t)(e - p) : strlen(p);
    kgi_log(log, KG_LOG_WARNING, KG_SUCCESS, source, -1, "graphviz: %.*s", (int)(n - 1), p + 1);
    p += n + (e ? 1 : 0);
  }
}

/* agwrite() output goes to a KgiBuf. */
static int kgd_io_read(void *chan, char *buf, int size) {
  (void)chan, (void)buf, (void)size;
  return 0;
}
static int kgd_io_put(void *chan, const char *s) {
  return kgi_buf_puts(chan, s) == KG_SUCCESS ? 0 : EOF;
}
static int kgd_io_flush(void *chan) {
  (void)chan;
  return 0;
}
static Agiodisc_t kgd_io = {kgd_io_read, kgd_io_put, kgd_io_flush};

/* cgraph's API takes char * for strings it only reads. */
#define KGD_S(s) ((char *)(s))

/* Set an HTML-like label. The string is interned as HTML only if no plain string with
 * the same text exists; every label of ours starts with '<', which no plain value does. */
static int kgd_set_html(Agraph_t *g, void *obj, Agsym_t *sym, const char *html) {
  char *h = agstrdup_html(g, KGD_S(html));
  if (!h)
    return -1;
  int rc = agxset(obj, sym, h);
  agstrfree(g, h);
  return rc;
}

typedef struct {
  Agsym_t *label, *shape, *style, *fill, *color, *fontcolor, *dir, *peripheries, *len;
} KgdSyms;

/* Code points of a label line, not counting entities' extra bytes: roughly its width. */
static size_t kgd_text_width(const char *s) {
  size_t n = 0;
  for (const unsigned char *p = (const unsigned char *)(s ? s : ""); *p; p++) {
    if (*p == '&') {
      const char *semi = strchr((const char *)p, ';');
      if (semi)
        p = (const unsigned char *)semi;
    }
    n += (*p & 0xC0) != 0x80;
  }
  return n;
}

/* The model as a cgraph graph; NULL on failure, *@p st saying whether memory ran out
 * (KG_ERR_NOMEM) or cgraph refused something (KG_ERR_DRAW). */
static Agraph_t *kgd_graph(const KgdModel *m, const char *layout, KgDrawFormat fmt,
                           Agdisc_t *disc, KgStatus *st_out) {
  int dot = strcmp(layout, "dot") == 0;
  int large = m->n_nodes > KG_DRAW_SPLINES_LIMIT;
  *st_out = KG_ERR_DRAW;
  Agraph_t *g = agopen(KGD_S("kgbuild"), Agdirected, disc);
  if (!g)
    return NULL;
  KgdSyms gs, ns, es;
  /* graph */
  agattr(g, AGRAPH, KGD_S("layout"), KGD_S(layout));
  agattr(g, AGRAPH, KGD_S("charset"), KGD_S("UTF-8"));
  agattr(g, AGRAPH, KGD_S("fontname"), KGD_S(KGD_FONT));
  agattr(g, AGRAPH, KGD_S("fontsize"), KGD_S("10"));
  agattr(g, AGRAPH, KGD_S("fontcolor"), KGD_S("#555555"));
  agattr(g, AGRAPH, KGD_S("bgcolor"), KGD_S("white"));
  agattr(g, AGRAPH, KGD_S("pad"), KGD_S("0.3"));
  agattr(g, AGRAPH, KGD_S("outputorder"), KGD_S("edgesfirst"));
  if (dot) {
    agattr(g, AGRAPH, KGD_S("rankdir"), KGD_S("LR"));
    agattr(g, AGRAPH, KGD_S("nodesep"), KGD_S("0.35"));
    agattr(g, AGRAPH, KGD_S("ranksep"), KGD_S("0.7"));
  } else {
    /* nodes must not overlap (prism is cheap at any size); big graphs draw straight
     * edges, which costs seconds where spline routing would cost minutes */
    agattr(g, AGRAPH, KGD_S("overlap"), KGD_S("false"));
    agattr(g, AGRAPH, KGD_S("splines"), KGD_S(large ? "false" : "true"));
    agattr(g, AGRAPH, KGD_S("sep"), KGD_S("+8"));
    agattr(g, AGRAPH, KGD_S("esep"), KGD_S("+4"));
  }
  if (fmt == KG_DRAW_PNG) {
    /* crisp text in small bitmaps; a cap on the size, so a big graph is scaled down by
     * the layout rather than refused by cairo (which would print to stderr) */
    int dpi = m->n_nodes <= KG_DRAW_SLOW_LAYOUT_LIMIT ? 144 : 72;
    char v[32];
    snprintf(v, sizeof v, "%d", dpi);
    agattr(g, AGRAPH, KGD_S("dpi"), v);
    double inches = (double)KG_DRAW_PNG_MAX_PIXELS / dpi;
    snprintf(v, sizeof v, "%.2f,%.2f", inches, inches);
    agattr(g, AGRAPH, KGD_S("size"), v);
  }
  gs.label = agattr(g, AGRAPH, KGD_S("label"), KGD_S(""));
  agattr(g, AGRAPH, KGD_S("labelloc"), KGD_S("b"));
  agattr(g, AGRAPH, KGD_S("labeljust"), KGD_S("l"));
  gs.peripheries = agattr(g, AGRAPH, KGD_S("peripheries"), KGD_S("1"));
  /* nodes */
  agattr(g, AGNODE, KGD_S("fontname"), KGD_S(KGD_FONT));
  agattr(g, AGNODE, KGD_S("fontsize"), KGD_S("11"));
  agattr(g, AGNODE, KGD_S("penwidth"), KGD_S("1.2"));
  agattr(g, AGNODE, KGD_S("margin"), KGD_S("0.12,0.06"));
  ns.label = agattr(g, AGNODE, KGD_S("label"), KGD_S(""));
  ns.shape = agattr(g, AGNODE, KGD_S("shape"), KGD_S("box"));
  ns.style = agattr(g, AGNODE, KGD_S("style"), KGD_S("filled"));
  ns.fill = agattr(g, AGNODE, KGD_S("fillcolor"), KGD_S("#F3F3F3"));
  ns.color = agattr(g, AGNODE, KGD_S("color"), KGD_S("#666666"));
  /* edges */
  agattr(g, AGEDGE, KGD_S("fontname"), KGD_S(KGD_FONT));
  agattr(g, AGEDGE, KGD_S("fontsize"), KGD_S("9"));
  agattr(g, AGEDGE, KGD_S("arrowsize"), KGD_S("0.7"));
  agattr(g, AGEDGE, KGD_S("penwidth"), KGD_S("1.1"));
  es.label = agattr(g, AGEDGE, KGD_S("label"), KGD_S(""));
  es.style = agattr(g, AGEDGE, KGD_S("style"), KGD_S("solid"));
  es.color = agattr(g, AGEDGE, KGD_S("color"), KGD_S("#555555"));
  es.fontcolor = agattr(g, AGEDGE, KGD_S("fontcolor"), KGD_S("#222222"));
  es.dir = agattr(g, AGEDGE, KGD_S("dir"), KGD_S("forward"));
  es.len = NULL;
  if (!dot && strcmp(layout, "sfdp") != 0 && strcmp(layout, "circo") != 0)
    es.len = agattr(g, AGEDGE, KGD_S("len"), KGD_S("1.0"));
  if (!gs.label || !gs.peripheries || !ns.label || !ns.shape || !ns.style || !ns.fill ||
      !ns.color || !es.label || !es.style || !es.color || !es.fontcolor || !es.dir)
    goto fail;

  /* a plain label: Graphviz 2.42 leaks a graph's HTML-like label */
  if (m->note && agxset(g, gs.label, m->note) != 0)
    goto fail;
  Agnode_t **nodes = kg_calloc(m->n_nodes + 1, sizeof *nodes);
  if (!nodes) {
    *st_out = KG_ERR_NOMEM;
    goto fail;
  }
  for (size_t i = 0; i < m->n_nodes; i++) {
    const KgdNode *d = &m->nodes[i];
    Agnode_t *n = agnode(g, d->name, 1);
    if (!n || kgd_set_html(g, n, ns.label, d->label) != 0 ||
        agxset(n, ns.shape, KGD_S(d->shape)) != 0 || agxset(n, ns.style, KGD_S(d->style)) != 0 ||
        agxset(n, ns.fill, KGD_S(d->fill)) != 0 || agxset(n, ns.color, KGD_S(d->border)) != 0) {
      kg_free(nodes);
      goto fail;
    }
    nodes[i] = n;
  }
  for (size_t i = 0; i < m->n_edges;) {
    const KgdEdge *d = &m->edges[i];
    /* dot routes parallel edges apart, each with its label; the other layouts draw them
     * on top of each other, so there one edge carries every fact of the pair, a line each */
    size_t j = i + 1;
    int dashed = d->dashed, cancelled = d->cancelled, undirected = d->undirected;
    while (!dot && j < m->n_edges && m->edges[j].tail == d->tail && m->edges[j].head == d->head) {
      dashed &= m->edges[j].dashed;
      cancelled &= m->edges[j].cancelled;
      undirected &= m->edges[j].undirected;
      j++;
    }
    const char *label = d->label;
    KgiBuf merged;
    kgi_buf_init(&merged, 0);
    if (j > i + 1) {
      KgStatus st = kgi_buf_puts(&merged, "<FONT POINT-SIZE=\"9\">");
      for (size_t k = i; k < j && st == KG_SUCCESS; k++) {
        if (k > i)
          st = kgi_buf_puts(&merged, "<BR/>");
        if (st == KG_SUCCESS)
          st = kgi_buf_puts(&merged, m->edges[k].line ? m->edges[k].line : "");
      }
      if (st == KG_SUCCESS)
        st = kgi_buf_puts(&merged, "</FONT>");
      if (st != KG_SUCCESS) {
        kgi_buf_free(&merged);
        kg_free(nodes);
        *st_out = st;
        goto fail;
      }
      label = merged.data;
    }
    Agedge_t *e = agedge(g, nodes[d->tail], nodes[d->head], NULL, 1);
    int bad = !e || (label && kgd_set_html(g, e, es.label, label) != 0);
    if (!bad && !dot && es.len) {
      /* neato and fdp keep nodes apart but not edge labels: a long label asks for a long
       * edge, so it has room between its ends */
      size_t widest = 0;
      for (size_t k = i; k < j; k++) {
        size_t w = kgd_text_width(m->edges[k].line);
        widest = w > widest ? w : widest;
      }
      char len[32];
      double inches = 1.0 + 0.07 * (double)widest + 0.15 * (double)(j - i);
      snprintf(len, sizeof len, "%.2f", inches);
      bad = agxset(e, es.len, len) != 0;
    }
    kgi_buf_free(&merged);
    if (!bad && dashed)
      bad = agxset(e, es.style, KGD_S("dashed")) != 0;
    if (!bad && cancelled)
      bad = agxset(e, es.color, KGD_S("#AAAAAA")) != 0 ||
            agxset(e, es.fontcolor, KGD_S("#999999")) != 0;
    if (!bad && undirected)
      bad = agxset(e, es.dir, KGD_S("none")) != 0;
    if (bad) {
      kg_free(nodes);
      goto fail;
    }
    i = j;
  }
  kg_free(nodes);
  if (m->legend) {
    /* the legend is a cluster holding one table node: dot keeps it apart, and the other
     * layouts, which ignore clusters, still draw it as one piece */
    Agraph_t *sg = agsubg(g, KGD_S("cluster_legend"), 1);
    Agnode_t *n = sg ? agnode(sg, KGD_S("__legend__"), 1) : NULL;
    if (!n || agxset(sg, gs.peripheries, KGD_S("0")) != 0 ||
        kgd_set_html(g, n, ns.label, m->legend) != 0 ||
        agxset(n, ns.shape, KGD_S("plain")) != 0 || agxset(n, ns.style, KGD_S("")) != 0)
      goto fail;
  }
  *st_out = KG_SUCCESS;
  return g;
fail:
  agclose(g);
  return NULL;
}

static const char *kgd_gv_format(KgDrawFormat f) {
  switch (f) {
  case KG_DRAW_PNG: return "png";
  case KG_DRAW_SVG: return "svg"; /* the core renderer: text stays text */
  case KG_DRAW_PDF: return "pdf";
  case KG_DRAW_DOT: break;
  }
  return NULL;
}

/* Called with kgd_lock held. */
static KgStatus kgd_render(const KgdModel *m, const KgDrawOptions *o, const char *source,
                           KgiBuf *out, const KgLog *log) {
  KgStatus st = KG_SUCCESS;
  KgDrawFormat fmt = o->format;
  const char *layout = o->layout ? o->layout : "dot";
  GVC_t *gvc = NULL;
  Agraph_t *g = NULL;
  int laid_out = 0;
  char why[512];
  const char *what = NULL;

  if (fmt != KG_DRAW_DOT && !kgd_gv_format(fmt)) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_DRAW, source, -1, "unknown picture format %d", (int)fmt);
    return KG_ERR_DRAW;
  }
  if (kg_draw_layout_check(layout) != 0) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_DRAW, source, -1, "unknown layout '%s' (valid: %s)",
            layout, kg_draw_layout_names());
    return KG_ERR_DRAW;
  }
  if (m->n_nodes > KG_DRAW_SLOW_LAYOUT_LIMIT && strcmp(layout, "dot") == 0) {
    kgi_log(log, KG_LOG_WARNING, KG_SUCCESS, source, -1,
            "%zu entities are too many for the %s layout: using sfdp (--max-nodes N draws "
            "only the N best-connected)",
            m->n_nodes, layout);
    layout = "sfdp";
  }

  Agdisc_t disc = {&AgMemDisc, &AgIdDisc, &kgd_io};
  if (fmt != KG_DRAW_DOT && !kgd_gvc)
    kgd_gvc = gvContext();
  if (fmt != KG_DRAW_DOT && !(gvc = kgd_gvc)) {
    what = "cannot start Graphviz";
    st = KG_ERR_DRAW;
    goto out;
  }
  if (!(g = kgd_graph(m, layout, fmt, &disc, &st))) {
    what = st == KG_ERR_NOMEM ? "out of memory" : "cannot build the graph";
    goto out;
  }
  if (fmt == KG_DRAW_DOT) {
    /* the graph before layout: deterministic, diffable, and `dot -Tsvg` redraws it */
    if (agwrite(g, out) == EOF) {
      what = "cannot write the DOT text";
      st = KG_ERR_NOMEM;
    }
    goto out;
  }
  if (gvLayout(gvc, g, layout) != 0) {
    what = "the layout failed";
    st = KG_ERR_DRAW;
    goto out;
  }
  laid_out = 1;
  char *data = NULL;
  unsigned int len = 0;
  if (gvRenderData(gvc, g, kgd_gv_format(fmt), &data, &len) != 0 || !data) {
    if (data)
      gvFreeRenderData(data);
    what = "rendering failed";
    st = KG_ERR_DRAW;
    goto out;
  }
  st = kgi_buf_append(out, data, len);
  gvFreeRenderData(data);
  if (st != KG_SUCCESS)
    what = "out of memory";
out:
  if (laid_out)
    gvFreeLayout(gvc, g);
  if (g)
    agclose(g);
  if (what) {
    const char *gv = kgd_gv_last(why, sizeof why);
    kgi_log(log, KG_LOG_ERROR, st, source, -1, "%s picture (%s layout): %s%s%s",
            kg_draw_format_name(fmt), layout, what, gv ? ": " : "", gv ? gv : "");
  } else {
    kgd_gv_report(log, source);
  }
  return st;
}

KgStatus kg_draw_memory(const KgTriples *t, const KgDrawOptions *opts, const char *source,
                        char **data, size_t *len, const KgLog *log) {
  KgStatus st;
  KgdModel *m = NULL;
  KgiBuf out;
  KgDrawOptions defaults = {KG_DRAW_PNG, NULL, NULL, 0, NULL};
  if (data)
    *data = NULL;
  if (len)
    *len = 0;
  if (!t || !data) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_BAD_ARG, source, -1, "nothing to draw into");
    return KG_ERR_BAD_ARG;
  }
  if (!opts)
    opts = &defaults;
  const char *why = kgd_gv_api_ensure();
  if (why) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_DRAW, source, -1, "cannot load Graphviz: %s", why);
    return KG_ERR_DRAW;
  }
  kgi_buf_init(&out, 0);
  pthread_mutex_lock(&kgd_lock);
  kgi_buf_init(&kgd_gv.line, 4096);
  kgi_buf_init(&kgd_gv.said, 64 * 1024);
  kgd_gv.level = 'W';
  agusererrf prev_f = agseterrf(kgd_gv_errf);
  agerrlevel_t prev_l = agseterr(AGWARN);

  st = kgi_draw_model_build(t, opts, &m, log);
  if (st == KG_SUCCESS)
    st = kgd_render(m, opts, source, &out, log);
  else
    kgi_log(log, KG_LOG_ERROR, st, source, -1, "cannot prepare the picture: %s",
            kg_strerror(st));

  kgd_gv_errf((char *)"\n"); /* a last message without its newline */
  agseterr(prev_l);
  agseterrf(prev_f);
  kgi_buf_free(&kgd_gv.line);
  kgi_buf_free(&kgd_gv.said);
  pthread_mutex_unlock(&kgd_lock);
  kgi_draw_model_free(m);

  if (st == KG_SUCCESS) {
    size_t n = out.len;
    *data = kgi_buf_steal(&out, &n);
    if (!*data)
      st = KG_ERR_NOMEM;
    else if (len)
      *len = n;
  }
  kgi_buf_free(&out);
  return st;
}

/* Write all of @p data to @p fd; 0 or an errno value. */
static int kgd_write_all(int fd, const char *data, size_t len) {
  for (size_t off = 0; off < len;) {
    ssize_t w = write(fd, data + off, len - off);
    if (w < 0 && errno == EINTR)
      continue;
    if (w <= 0)
      return w < 0 ? errno : EIO;
    off += (size_t)w;
  }
  return 0;
}

/* Write @p data to @p file whole or not at all: a temporary file beside it, renamed.
 * What exists and is not a regular file (/dev/null, a FIFO) is written in place: a
 * rename would replace the device itself. */
static KgStatus kgd_write_file(const char *file, const char *data, size_t len,
                               const KgLog *log) {
  struct stat sb;
  int err = 0;
  if (strcmp(file, "-") == 0) {
    if (fwrite(data, 1, len, stdout) != len || fflush(stdout) != 0) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_IO, "standard output", -1, "write error: %s",
              strerror(errno ? errno : EIO));
      return KG_ERR_IO;
    }
    return KG_SUCCESS;
  }
  if (stat(file, &sb) == 0 && !S_ISREG(sb.st_mode)) {
    int fd = open(file, O_WRONLY | O_TRUNC | O_CLOEXEC);
    if (fd < 0) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_IO, file, -1, "cannot open: %s", strerror(errno));
      return KG_ERR_IO;
    }
    err = kgd_write_all(fd, data, len);
    if (close(fd) != 0 && !err)
      err = errno;
    if (err)
      kgi_log(log, KG_LOG_ERROR, KG_ERR_IO, file, -1, "cannot write: %s", strerror(err));
    return err ? KG_ERR_IO : KG_SUCCESS;
  }
  size_t n = strlen(file) + 8;
  char *tmp = kg_malloc(n);
  if (!tmp)
    return KG_ERR_NOMEM;
  snprintf(tmp, n, "%s.XXXXXX", file);
  int fd = mkstemp(tmp);
  if (fd < 0) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_IO, file, -1, "cannot create: %s", strerror(errno));
    kg_free(tmp);
    return KG_ERR_IO;
  }
  (void)fchmod(fd, 0644); /* a normal file, not mkstemp's 0600 */
  err = kgd_write_all(fd, data, len);
  if (close(fd) != 0 && !err)
    err = errno;
  if (!err && rename(tmp, file) != 0)
    err = errno;
  if (err) {
    unlink(tmp);
    kgi_log(log, KG_LOG_ERROR, KG_ERR_IO, file, -1, "cannot write: %s", strerror(err));
  }
  kg_free(tmp);
  return err ? KG_ERR_IO : KG_SUCCESS;
}

KgStatus kg_draw_file(const KgTriples *t, const KgDrawOptions *opts, const char *file,
                      const KgLog *log) {
  char *data = NULL;
  size_t len = 0;
  if (!file) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_BAD_ARG, NULL, -1, "no file to draw into");
    return KG_ERR_BAD_ARG;
  }
  KgStatus st = kg_draw_memory(t, opts, file, &data, &len, log);
  if (st == KG_SUCCESS)
    st = kgd_write_file(file, data, len, log);
  kg_free(data);
  return st;
}
