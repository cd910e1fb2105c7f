/* draw_model.c - what a picture of a graph shows, decided without Graphviz. */
#include "config.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <kgbuild/rdf.h>
#include <kgbuild/vocab.h>

#include "out/draw_model.h"

#define KGD_RDF_TYPE KG_NS_RDF "type"
#define KGD_NAME_MAX 80  /* code points of a node name before it is cut */
#define KGD_VALUE_MAX 60 /* of a literal shown in a node */
#define KGD_KG_ROWS 4    /* attribute lines under an entity's name */
#define KGD_GENERIC_ROWS 8

/* ---- formats and layouts ---------------------------------------------------------- */

static const char *const kgd_format_names[] = {"png", "svg", "pdf", "dot"};

int kg_draw_format_from_name(const char *name, KgDrawFormat *out) {
  if (!name)
    return -1;
  for (size_t i = 0; i < sizeof kgd_format_names / sizeof *kgd_format_names; i++) {
    if (strcasecmp(name, kgd_format_names[i]) == 0) {
      if (out)
        *out = (KgDrawFormat)i;
      return 0;
    }
  }
  if (strcasecmp(name, "gv") == 0) {
    if (out)
      *out = KG_DRAW_DOT;
    return 0;
  }
  return -1;
}

const char *kg_draw_format_name(KgDrawFormat f) {
  if ((unsigned)f >= sizeof kgd_format_names / sizeof *kgd_format_names)
    return NULL;
  return kgd_format_names[f];
}

int kg_draw_format_from_path(const char *path, KgDrawFormat *out) {
  if (!path)
    return -1;
  const char *slash = strrchr(path, '/');
  const char *dot = strrchr(slash ? slash : path, '.');
  if (!dot || dot[1] == '\0')
    return -1;
  return kg_draw_format_from_name(dot + 1, out);
}

static const char *const kgd_layouts[] = {"dot", "neato", "fdp", "sfdp", "circo"};

int kg_draw_layout_check(const char *name) {
  if (!name)
    return 0;
  for (size_t i = 0; i < sizeof kgd_layouts / sizeof *kgd_layouts; i++)
    if (strcmp(name, kgd_layouts[i]) == 0)
      return 0;
  return -1;
}

const char *kg_draw_layout_names(void) { return "dot, neato, fdp, sfdp, circo"; }

/* ---- classes, words -------------------------------------------------------------- */

/* Indexed by KgClass; the last row is for resources of no kgbuild class. Fills are light
 * so black text stays readable on paper; borders are dark so shapes survive greyscale. */
static const struct {
  const char *local;
  const char *en, *fr;
  const char *shape, *style, *fill, *border;
  int rank; /* specificity: the most specific class wins when several are given */
} kgd_classes[] = {
    {"Organization", "Organization", "Organisation", "box", "filled", "#DDE3EA", "#44546A", 0},
    {"Company", "Company", "Entreprise", "box", "filled,rounded", "#CFE2F3", "#1F4E79", 1},
    {"NonProfit", "Nonprofit", "Organisation à but non lucratif", "octagon", "filled",
     "#D9EAD3", "#38761D", 1},
    {"InvestmentFirm", "Investment firm", "Société d'investissement", "box3d", "filled",
     "#FCE5CD", "#B45F06", 2},
    {"NewsOrganization", "News organization", "Média", "note", "filled", "#EAD1DC", "#741B47", 1},
    {"GovernmentBody", "Government body", "Organisme public", "house", "filled", "#D0E0E3",
     "#134F5C", 1},
    {"Person", "Person", "Personne", "ellipse", "filled", "#FFF2CC", "#BF9000", 1},
    {"Product", "Product", "Produit", "component", "filled", "#D9D2E9", "#351C75", 1},
    {"Place", "Place", "Lieu", "hexagon", "filled", "#F4CCCC", "#990000", 1},
    {NULL, "Other", "Autre", "box", "filled,rounded", "#F3F3F3", "#666666", 0},
};
#define KGD_N_CLASSES ((int)(sizeof kgd_classes / sizeof *kgd_classes) - 1)
#define KGD_OTHER KGD_N_CLASSES

enum {
  KGD_W_RUMORED, KGD_W_PROPOSED, KGD_W_ANNOUNCED, KGD_W_COMPLETED, KGD_W_CANCELLED,
  KGD_W_EXCLUSIVE, KGD_W_LEGEND, KGD_W_DASHED, KGD_W_GREY, KGD_W_MORE, KGD_W__COUNT
};
static const char *const kgd_words[][KGD_W__COUNT] = {
    {"rumored", "proposed", "announced", "completed", "cancelled", "exclusive", "Legend",
     "- - - rumored or proposed", "grey: cancelled", "more"},
    {"rumeur", "projet", "annoncé", "finalisé", "annulé", "exclusif", "Légende",
     "- - - rumeur ou projet", "gris : annulé", "de plus"},
};

static int kgd_is_fr(const char *lang) {
  return lang && (lang[0] == 'f' || lang[0] == 'F') && (lang[1] == 'r' || lang[1] == 'R') &&
         (lang[2] == '\0' || lang[2] == '-');
}

static const char *kgd_word(const char *lang, int w) { return kgd_words[kgd_is_fr(lang)][w]; }

static const char *kgd_class_label(int c, const char *lang) {
  return kgd_is_fr(lang) ? kgd_classes[c].fr : kgd_classes[c].en;
}

/* ---- text helpers ---------------------------------------------------------------- */

/* Decode one UTF-8 sequence strictly; invalid input gives U+FFFD and length 1. */
static unsigned kgd_utf8(const unsigned char *p, size_t *len) {
  unsigned c = p[0];
  size_t n;
  unsigned min;
  if (c < 0x80) {
    *len = 1;
    return c;
  } else if (c >= 0xC2 && c <= 0xDF) {
    n = 2, c &= 0x1F, min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3, c &= 0x0F, min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4, c &= 0x07, min = 0x10000;
  } else {
    *len = 1;
    return 0xFFFD;
  }
  for (size_t i = 1; i < n; i++) {
    if ((p[i] & 0xC0) != 0x80) {
      *len = 1;
      return 0xFFFD;
    }
    c = (c << 6) | (p[i] & 0x3F);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) {
    *len = 1;
    return 0xFFFD;
  }
  *len = n;
  return c;
}

KgStatus kgi_draw_html_escape(KgiBuf *b, const char *s, size_t max_chars) {
  KgStatus st = KG_SUCCESS;
  const unsigned char *p = (const unsigned char *)(s ? s : "");
  size_t count = 0;
  while (*p && st == KG_SUCCESS) {
    if (max_chars && count == max_chars) {
      st = kgi_buf_puts(b, "…");
      break;
    }
    size_t n;
    unsigned c = kgd_utf8(p, &n);
    switch (c) {
    case '&': st = kgi_buf_puts(b, "&amp;"); break;
    case '<': st = kgi_buf_puts(b, "&lt;"); break;
    case '>': st = kgi_buf_puts(b, "&gt;"); break;
    case '"': st = kgi_buf_puts(b, "&quot;"); break;
    case '\'': st = kgi_buf_puts(b, "&#39;"); break;
    case '\n': st = kgi_buf_puts(b, "<BR/>"); break;
    /* Graphviz expands \N, \G, \E... even in HTML-like labels; "\\" is one backslash */
    case '\\': st = kgi_buf_puts(b, "\\\\"); break;
    case '\r':
      if (p[1] != '\n')
        st = kgi_buf_puts(b, "<BR/>");
      break;
    case 0xFFFD: st = kgi_buf_puts(b, "\xEF\xBF\xBD"); break;
    default:
      /* XML (hence Graphviz's HTML parser) refuses control characters and U+FFFE/F. */
      if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
        st = kgi_buf_putc(b, ' ');
      else if (c == 0xFFFE || c == 0xFFFF)
        st = kgi_buf_puts(b, "\xEF\xBF\xBD");
      else
        st = kgi_buf_append(b, p, n);
    }
    p += n;
    count++;
  }
  return st;
}

/* The part of an IRI after its last '#', '/' or ':' (the whole IRI if that is empty). */
static const char *kgd_local_name(const char *iri) {
  size_t n = strlen(iri);
  while (n > 0 && (iri[n - 1] == '/' || iri[n - 1] == '#'))
    n--;
  for (size_t i = n; i > 0; i--)
    if (iri[i - 1] == '#' || iri[i - 1] == '/' || iri[i - 1] == ':')
      return i == n ? iri : iri + i;
  return iri;
}

/* "investsIn" → "invests in", for kg: relations the ontology gives no label. */
static char *kgd_split_words(const char *local) {
  KgiBuf b;
  kgi_buf_init(&b, 0);
  for (const char *p = local; *p; p++) {
    if (*p >= 'A' && *p <= 'Z') {
      if (p > local && kgi_buf_putc(&b, ' ') != KG_SUCCESS)
        goto fail;
      if (kgi_buf_putc(&b, (char)(*p - 'A' + 'a')) != KG_SUCCESS)
        goto fail;
    } else if (kgi_buf_putc(&b, *p) != KG_SUCCESS) {
      goto fail;
    }
  }
  return kgi_buf_steal(&b, NULL);
fail:
  kgi_buf_free(&b);
  return NULL;
}

/* Up to @p decimals decimals, trailing zeros dropped, French decimal comma and
 * space-separated thousands when @p fr. */
static void kgd_number(char *out, size_t size, double v, int decimals, int fr) {
  char tmp[64];
  snprintf(tmp, sizeof tmp, "%.*f", decimals, v);
  char *dot = strchr(tmp, '.');
  if (dot) {
    char *e = tmp + strlen(tmp);
    while (e > dot + 1 && e[-1] == '0')
      *--e = '\0';
    if (e == dot + 1)
      *dot = '\0';
  }
  dot = strchr(tmp, '.');
  size_t intlen = dot ? (size_t)(dot - tmp) : strlen(tmp);
  const char *digits = tmp;
  size_t o = 0;
  if (*digits == '-') {
    if (o + 1 < size)
      out[o++] = '-';
    digits++, intlen--;
  }
  for (size_t i = 0; i < intlen && o + 2 < size; i++) {
    if (i > 0 && (intlen - i) % 3 == 0 && intlen > 4)
      out[o++] = fr ? ' ' : ',';
    out[o++] = digits[i];
  }
  if (dot) {
    if (o + 1 < size)
      out[o++] = fr ? ',' : '.';
    for (const char *q = dot + 1; *q && o + 1 < size; q++)
      out[o++] = *q;
  }
  out[o < size ? o : size - 1] = '\0';
}

static const char *kgd_currency_symbol(const char *cur) {
  static const char *const map[][2] = {
      {"USD", "$"}, {"EUR", "€"}, {"GBP", "£"}, {"JPY", "¥"}, {"INR", "₹"}, {"KRW", "₩"}};
  if (!cur)
    return NULL;
  for (size_t i = 0; i < sizeof map / sizeof *map; i++)
    if (strcmp(cur, map[i][0]) == 0)
      return map[i][1];
  return NULL;
}

KgStatus kgi_draw_money(KgiBuf *b, double amount, const char *currency, const char *lang) {
  static const struct { double scale; const char *en, *fr; } units[] = {
      {1e12, "T", NULL}, {1e9, "B", "Md"}, {1e6, "M", "M"}, {1e3, "K", "k"}};
  int fr = kgd_is_fr(lang);
  const char *sym = kgd_currency_symbol(currency);
  double a = fabs(amount);
  const char *unit = NULL;
  double v = a;
  for (size_t i = 0; i < sizeof units / sizeof *units; i++) {
    const char *u = fr ? units[i].fr : units[i].en;
    if (!u || a < units[i].scale)
      continue;
    v = a / units[i].scale;
    /* 999.96 M rounds to 1000 M: show the next unit up instead */
    if (i > 0 && v >= 999.5 && (fr ? units[i - 1].fr : units[i - 1].en)) {
      v = a / units[i - 1].scale;
      u = fr ? units[i - 1].fr : units[i - 1].en;
    }
    unit = u;
    break;
  }
  char num[64];
  int decimals = v >= 100 ? 0 : v >= 10 ? 1 : 2;
  kgd_number(num, sizeof num, v, unit ? decimals : (v == floor(v) ? 0 : 2), fr);
  const char *sign = amount < 0 ? "-" : "";
  if (fr) /* 10 Md$, 1,5 Md€, 200 M CHF, 500 € */
    return kgi_buf_printf(b, "%s%s%s%s%s%s", sign, num, unit ? " " : "", unit ? unit : "",
                          sym ? (unit ? "" : " ") : (currency ? " " : ""),
                          sym ? sym : (currency ? currency : ""));
  if (sym) /* $10B, €1.5B */
    return kgi_buf_printf(b, "%s%s%s%s", sign, sym, num, unit ? unit : "");
  return kgi_buf_printf(b, "%s%s%s%s%s", sign, num, unit ? unit : "", currency ? " " : "",
                        currency ? currency : "");
}

/* ---- the resource table ------------------------------------------------------------ */

enum { KGD_SHOWN = 0, KGD_HIDE_STMT, KGD_HIDE_ARTICLE, KGD_HIDE_OTHER };

typedef struct {
  const char *v;
  int blank;
} KgdKey;

typedef struct {
  KgdKey key;
  int hidden;
  int cls; /* -1: no kgbuild class */
  const char *label;
  int label_score;
  int subject;  /* subject of a shown triple */
  int endpoint; /* end of a drawn edge */
  size_t stmt;  /* 1-based index into the statements, 0 none */
  size_t degree;
  int keep;
  size_t node; /* index in the model once kept */
} KgdRes;

typedef struct {
  size_t s, o; /* resource indices, valid when has_s / o_kind == 1 */
  int has_s, o_kind; /* o_kind: 0 none, 1 resource, 2 literal */
  const char *p, *amount, *currency, *percentage, *time, *status, *exclusive;
} KgdStmt;

typedef struct {
  size_t res;
  int order; /* 0 type, 1 kg attribute, 2 statement-only fact, 3 other literal */
  char *key;
  char *val;
} KgdAttr;

typedef struct {
  size_t t, h;
  const char *p;
  char *quals; /* plain text, or NULL */
  int dashed, cancelled, undirected, from_stmt;
} KgdE;

typedef struct {
  const char *iri;
  const char *label;
  int score;
} KgdOnto;

typedef struct {
  const KgTriple **tr;
  size_t n;
  KgdRes *res;
  size_t n_res;
  KgdStmt *stmts;
  size_t n_stmts, cap_stmts;
  KgdAttr *attrs;
  size_t n_attrs, cap_attrs;
  KgdE *edges;
  size_t n_edges, cap_edges;
  KgdOnto *onto;
  size_t n_onto;
  KgTriples *onto_triples;
  const char *lang;
} KgdCtx;

static int kgd_grow(void **p, size_t *cap, size_t need, size_t size) {
  if (need <= *cap)
    return 0;
  size_t c = *cap ? *cap * 2 : 64;
  while (c < need)
    c *= 2;
  void *q = kg_realloc(*p, c * size);
  if (!q)
    return -1;
  *p = q;
  *cap = c;
  return 0;
}

static int kgd_key_cmp(const KgdKey *a, const KgdKey *b) {
  if (a->blank != b->blank)
    return a->blank - b->blank;
  return strcmp(a->v, b->v);
}

static int kgd_key_qcmp(const void *a, const void *b) { return kgd_key_cmp(a, b); }

static int kgd_res_qcmp(const void *k, const void *r) {
  return kgd_key_cmp(k, &((const KgdRes *)r)->key);
}

static int kgd_term_cmp(const KgTerm *a, const KgTerm *b) {
  if (a->type != b->type)
    return (int)a->type - (int)b->type;
  int c = strcmp(a->value ? a->value : "", b->value ? b->value : "");
  if (c)
    return c;
  c = kgi_strcmp0(a->datatype, b->datatype);
  return c ? c : kgi_strcmp0(a->lang, b->lang);
}

static int kgd_triple_qcmp(const void *a, const void *b) {
  const KgTriple *x = *(const KgTriple *const *)a, *y = *(const KgTriple *const *)b;
  int c = kgd_term_cmp(&x->s, &y->s);
  if (!c)
    c = kgd_term_cmp(&x->p, &y->p);
  return c ? c : kgd_term_cmp(&x->o, &y->o);
}

static int kgd_is_resource(const KgTerm *t) {
  return (t->type == KG_TERM_IRI || t->type == KG_TERM_BLANK) && t->value;
}

static size_t kgd_find(const KgdCtx *c, const KgTerm *t) {
  KgdKey k = {t->value, t->type == KG_TERM_BLANK};
  const KgdRes *r = bsearch(&k, c->res, c->n_res, sizeof *c->res, kgd_res_qcmp);
  return (size_t)(r - c->res); /* every resource term was entered in the table */
}

static int kgd_is(const char *iri, const char *ns, const char *local) {
  size_t n = strlen(ns);
  return iri && strncmp(iri, ns, n) == 0 && strcmp(iri + n, local) == 0;
}

static const char *kgd_kg_local(const char *iri) {
  size_t n = strlen(KG_NS);
  return iri && strncmp(iri, KG_NS, n) == 0 ? iri + n : NULL;
}

static int kgd_is_schema(const char *iri, const char *local) {
  return kgd_is(iri, KG_NS_SCHEMA, local) || kgd_is(iri, "http://schema.org/", local);
}

/* Rank of a naming predicate (lower is preferred), -1 when it does not name. */
static int kgd_label_rank(const char *p) {
  if (kgd_is(p, KG_NS_RDFS, "label"))
    return 0;
  if (kgd_is(p, KG_NS_SKOS, "prefLabel"))
    return 1;
  if (kgd_is_schema(p, "name"))
    return 2;
  if (kgd_is(p, "http://xmlns.com/foaf/0.1/", "name"))
    return 3;
  if (kgd_is(p, KG_NS_DCTERMS, "title") || kgd_is(p, "http://purl.org/dc/elements/1.1/", "title"))
    return 4;
  return -1;
}

static int kgd_lang_match(const char *tag, const char *want) {
  if (!tag || !want)
    return 0;
  size_t n = strcspn(want, "-");
  return strncasecmp(tag, want, n) == 0 && (tag[n] == '\0' || tag[n] == '-');
}

/* Preference of a literal's language for labels: wanted > none > English > other. */
static int kgd_lang_score(const char *tag, const char *want) {
  if (kgd_lang_match(tag, want))
    return 4;
  if (!tag || !*tag)
    return 3;
  if (kgd_lang_match(tag, "en"))
    return 2;
  return 1;
}

/* ---- ontology labels --------------------------------------------------------------- */

static int kgd_onto_qcmp(const void *a, const void *b) {
  const KgdOnto *x = a, *y = b;
  int c = strcmp(x->iri, y->iri);
  if (c)
    return c;
  if (x->score != y->score)
    return y->score - x->score; /* best first */
  return strcmp(x->label, y->label);
}

static KgStatus kgd_load_ontology(KgdCtx *c, const char *path, const KgLog *log) {
  if (!path)
    return KG_SUCCESS;
  c->onto_triples = kg_triples_new();
  if (!c->onto_triples)
    return KG_ERR_NOMEM;
  KgStatus st = kg_rdf_read_file(path, NULL, c->onto_triples, NULL);
  if (st == KG_ERR_NOMEM)
    return st;
  if (st != KG_SUCCESS) {
    kgi_log(log, KG_LOG_WARNING, st, path, -1,
            "cannot read the ontology (%s): relations are labelled with their names",
            kg_strerror(st));
    kg_triples_free(c->onto_triples);
    c->onto_triples = NULL;
    return KG_SUCCESS;
  }
  size_t n = kg_triples_count(c->onto_triples), cap = 0;
  for (size_t i = 0; i < n; i++) {
    const KgTriple *t = kg_triples_get(c->onto_triples, i);
    if (t->s.type != KG_TERM_IRI || t->o.type != KG_TERM_LITERAL ||
        !kgd_is(t->p.value, KG_NS_RDFS, "label"))
      continue;
    if (kgd_grow((void **)&c->onto, &cap, c->n_onto + 1, sizeof *c->onto) != 0)
      return KG_ERR_NOMEM;
    KgdOnto *o = &c->onto[c->n_onto++];
    o->iri = t->s.value;
    o->label = t->o.value;
    o->score = kgd_lang_score(t->o.lang, c->lang);
  }
  if (c->n_onto)
    qsort(c->onto, c->n_onto, sizeof *c->onto, kgd_onto_qcmp);
  return KG_SUCCESS;
}

static int kgd_onto_find(const void *k, const void *e) {
  return strcmp(k, ((const KgdOnto *)e)->iri);
}

/* The label of a property or class in the wanted language; NULL when the ontology has none. */
static const char *kgd_onto_label(const KgdCtx *c, const char *iri) {
  if (!c->n_onto)
    return NULL;
  const KgdOnto *o = bsearch(iri, c->onto, c->n_onto, sizeof *c->onto, kgd_onto_find);
  if (!o)
    return NULL;
  while (o > c->onto && strcmp(o[-1].iri, iri) == 0)
    o--; /* the best-scored entry sorts first */
  return o->label;
}

/* A property's label as shown (owned): the ontology's, else for kg: terms the local name
 * split into words, else the local name. */
static char *kgd_property_label(const KgdCtx *c, const char *iri) {
  const char *l = kgd_onto_label(c, iri);
  if (l)
    return kg_strdup(l);
  const char *kg = kgd_kg_local(iri);
  if (kg)
    return kgd_split_words(kg);
  return kg_strdup(kgd_local_name(iri));
}

/* ---- passes ------------------------------------------------------------------------ */

static KgStatus kgd_build_resources(KgdCtx *c) {
  KgdKey *keys = kg_malloc((2 * c->n + 1) * sizeof *keys);
  if (!keys)
    return KG_ERR_NOMEM;
  size_t nk = 0;
  for (size_t i = 0; i < c->n; i++) {
    const KgTriple *t = c->tr[i];
    if (kgd_is_resource(&t->s))
      keys[nk++] = (KgdKey){t->s.value, t->s.type == KG_TERM_BLANK};
    if (kgd_is_resource(&t->o))
      keys[nk++] = (KgdKey){t->o.value, t->o.type == KG_TERM_BLANK};
  }
  if (nk)
    qsort(keys, nk, sizeof *keys, kgd_key_qcmp);
  c->res = kg_calloc(nk + 1, sizeof *c->res);
  if (!c->res) {
    kg_free(keys);
    return KG_ERR_NOMEM;
  }
  for (size_t i = 0; i < nk; i++) {
    if (c->n_res && kgd_key_cmp(&c->res[c->n_res - 1].key, &keys[i]) == 0)
      continue;
    KgdRes *r = &c->res[c->n_res++];
    r->key = keys[i];
    r->cls = -1;
  }
  kg_free(keys);
  return KG_SUCCESS;
}

/* Pass 1: what is hidden, what each entity is. */
static void kgd_classify(KgdCtx *c) {
  for (size_t i = 0; i < c->n; i++) {
    const KgTriple *t = c->tr[i];
    if (!kgd_is_resource(&t->s) || t->o.type != KG_TERM_IRI || !t->o.value ||
        !kgd_is(t->p.value, KG_NS_RDF, "type"))
      continue;
    KgdRes *r = &c->res[kgd_find(c, &t->s)];
    const char *o = t->o.value;
    if (kgd_is(o, KG_NS_RDF, "Statement"))
      r->hidden = KGD_HIDE_STMT;
    else if (kgd_is(o, KG_NS, "Article"))
      r->hidden = KGD_HIDE_ARTICLE;
    else if (kgd_is(o, KG_NS, "Status"))
      r->hidden = r->hidden ? r->hidden : KGD_HIDE_OTHER;
    const char *local = kgd_kg_local(o);
    for (int k = 0; local && k < KGD_N_CLASSES; k++) {
      if (strcmp(local, kgd_classes[k].local) == 0) {
        if (r->cls < 0 || kgd_classes[k].rank > kgd_classes[r->cls].rank)
          r->cls = k;
        break;
      }
    }
  }
}

static KgStatus kgd_add_attr(KgdCtx *c, size_t res, int order, const char *key,
                             const char *val) {
  if (kgd_grow((void **)&c->attrs, &c->cap_attrs, c->n_attrs + 1, sizeof *c->attrs) != 0)
    return KG_ERR_NOMEM;
  KgdAttr *a = &c->attrs[c->n_attrs];
  a->res = res;
  a->order = order;
  a->key = key ? kg_strdup(key) : NULL;
  a->val = kg_strdup(val);
  if ((key && !a->key) || !a->val) {
    kg_free(a->key);
    kg_free(a->val);
    return KG_ERR_NOMEM;
  }
  c->n_attrs++;
  return KG_SUCCESS;
}

static KgStatus kgd_add_edge(KgdCtx *c, size_t t, size_t h, const char *p, char *quals,
                             int from_stmt, const char *status) {
  if (kgd_grow((void **)&c->edges, &c->cap_edges, c->n_edges + 1, sizeof *c->edges) != 0) {
    kg_free(quals);
    return KG_ERR_NOMEM;
  }
  KgdE *e = &c->edges[c->n_edges++];
  const char *local = kgd_kg_local(p);
  e->undirected = local && (strcmp(local, "partnerOf") == 0 || strcmp(local, "competitorOf") == 0);
  if (e->undirected && t > h) { /* one drawing for A–B and B–A */
    size_t x = t;
    t = h;
    h = x;
  }
  e->t = t;
  e->h = h;
  e->p = p;
  e->quals = quals;
  e->from_stmt = from_stmt;
  const char *sl = kgd_kg_local(status);
  e->dashed = sl && (strcmp(sl, "Rumored") == 0 || strcmp(sl, "Proposed") == 0);
  e->cancelled = sl && strcmp(sl, "Cancelled") == 0;
  c->res[t].endpoint = c->res[h].endpoint = 1;
  return KG_SUCCESS;
}

/* A short form of an IRI for a node's table: the usual prefixes, else the IRI. */
static const char *kgd_compact(const char *iri, char *buf, size_t size) {
  static const char *const pfx[][2] = {
      {"wd:", KG_NS_WD}, {"wdt:", KG_NS_WDT}, {"schema:", KG_NS_SCHEMA}, {"kg:", KG_NS},
      {"owl:", KG_NS_OWL}, {"rdfs:", KG_NS_RDFS}, {"xsd:", KG_NS_XSD}, {"skos:", KG_NS_SKOS},
      {"prov:", KG_NS_PROV}, {"dcterms:", KG_NS_DCTERMS}};
  for (size_t i = 0; i < sizeof pfx / sizeof *pfx; i++) {
    size_t n = strlen(pfx[i][1]);
    if (strncmp(iri, pfx[i][1], n) == 0) {
      snprintf(buf, size, "%s%s", pfx[i][0], iri + n);
      return buf;
    }
  }
  return iri;
}

static KgStatus kgd_record_statement(KgdCtx *c, size_t si, const KgTriple *t) {
  KgdRes *r = &c->res[si];
  if (!r->stmt) {
    if (kgd_grow((void **)&c->stmts, &c->cap_stmts, c->n_stmts + 1, sizeof *c->stmts) != 0)
      return KG_ERR_NOMEM;
    memset(&c->stmts[c->n_stmts], 0, sizeof *c->stmts);
    r->stmt = ++c->n_stmts;
  }
  KgdStmt *s = &c->stmts[r->stmt - 1];
  const char *p = t->p.value, *kg = kgd_kg_local(p);
  int lit = t->o.type == KG_TERM_LITERAL;
  /* the first value in sorted order wins, so malformed input still draws the same */
  if (kgd_is(p, KG_NS_RDF, "subject") && kgd_is_resource(&t->o) && !s->has_s) {
    s->s = kgd_find(c, &t->o);
    s->has_s = 1;
  } else if (kgd_is(p, KG_NS_RDF, "predicate") && t->o.type == KG_TERM_IRI && !s->p) {
    s->p = t->o.value;
  } else if (kgd_is(p, KG_NS_RDF, "object") && !s->o_kind) {
    if (kgd_is_resource(&t->o)) {
      s->o = kgd_find(c, &t->o);
      s->o_kind = 1;
    } else {
      s->o_kind = 2;
    }
  } else if (kg && lit) {
    const char **slot = strcmp(kg, "amount") == 0       ? &s->amount
                        : strcmp(kg, "currency") == 0   ? &s->currency
                        : strcmp(kg, "percentage") == 0 ? &s->percentage
                        : strcmp(kg, "pointInTime") == 0 ? &s->time
                        : strcmp(kg, "exclusive") == 0  ? &s->exclusive
                                                        : NULL;
    if (slot && !*slot)
      *slot = t->o.value;
  } else if (kg && strcmp(kg, "status") == 0 && t->o.type == KG_TERM_IRI && !s->status) {
    s->status = t->o.value;
  }
  return KG_SUCCESS;
}

/* Pass 2: names, attributes, direct edges, statements. */
static KgStatus kgd_collect(KgdCtx *c) {
  KgStatus st = KG_SUCCESS;
  char cbuf[512];
  for (size_t i = 0; i < c->n && st == KG_SUCCESS; i++) {
    const KgTriple *t = c->tr[i];
    if (!kgd_is_resource(&t->s) || t->p.type != KG_TERM_IRI || !t->p.value || !t->o.value)
      continue;
    size_t si = kgd_find(c, &t->s);
    KgdRes *r = &c->res[si];
    const char *p = t->p.value;
    if (r->hidden == KGD_HIDE_STMT) {
      st = kgd_record_statement(c, si, t);
      continue;
    }
    if (r->hidden)
      continue;
    r->subject = 1;
    int lit = t->o.type == KG_TERM_LITERAL;
    if (kgd_is(p, KG_NS_RDF, "type")) {
      if (lit || kgd_kg_local(t->o.value) || r->cls >= 0)
        continue; /* kg: classes are drawn as shape and colour */
      st = kgd_add_attr(c, si, 0, NULL, kgd_local_name(t->o.value));
      continue;
    }
    int rank = lit ? kgd_label_rank(p) : -1;
    if (rank >= 0) {
      int score = kgd_lang_score(t->o.lang, c->lang) * 10 + (9 - rank);
      if (!r->label || score > r->label_score) {
        r->label = t->o.value;
        r->label_score = score;
      }
      continue;
    }
    if (lit) {
      if (kgd_is(p, KG_NS_SKOS, "altLabel") && r->cls >= 0)
        continue;
      const char *kg = kgd_kg_local(p);
      if (r->cls >= 0 && !kg)
        continue; /* an entity shows its kgbuild attributes only */
      char *key = kg ? kgd_property_label(c, p) : kg_strdup(kgd_local_name(p));
      if (!key)
        return KG_ERR_NOMEM;
      st = kgd_add_attr(c, si, kg ? 1 : 3, key, t->o.value);
      kg_free(key);
      continue;
    }
    size_t oi = kgd_find(c, &t->o);
    if (c->res[oi].hidden)
      continue;
    if (kgd_is(p, KG_NS_OWL, "sameAs")) {
      if (r->cls < 0)
        st = kgd_add_attr(c, si, 3, "sameAs", kgd_compact(t->o.value, cbuf, sizeof cbuf));
      continue;
    }
    st = kgd_add_edge(c, si, oi, p, NULL, 0, NULL);
  }
  return st;
}

/* "10 Md$ · 2023 · rumeur" (plain text, owned), or NULL with *st ok when there is none. */
static char *kgd_qualifiers(const KgdCtx *c, const KgdStmt *s, KgStatus *st) {
  KgiBuf b;
  kgi_buf_init(&b, 0);
  *st = KG_SUCCESS;
  int fr = kgd_is_fr(c->lang);
#define KGD_SEP() (b.len ? kgi_buf_puts(&b, " · ") : KG_SUCCESS)
  if (s->amount) {
    char *end;
    double v = strtod(s->amount, &end);
    if ((*st = KGD_SEP()) == KG_SUCCESS)
      *st = (end != s->amount && *end == '\0' && isfinite(v))
                ? kgi_draw_money(&b, v, s->currency, c->lang)
                : kgi_buf_printf(&b, "%s%s%s", s->amount, s->currency ? " " : "",
                                 s->currency ? s->currency : "");
  }
  if (*st == KG_SUCCESS && s->percentage) {
    char *end, num[64];
    double v = strtod(s->percentage, &end);
    if ((*st = KGD_SEP()) == KG_SUCCESS) {
      if (end != s->percentage && *end == '\0' && isfinite(v)) {
        kgd_number(num, sizeof num, v, 2, fr);
        *st = kgi_buf_printf(&b, "%s%s%%", num, fr ? " " : "");
      } else {
        *st = kgi_buf_printf(&b, "%s %%", s->percentage);
      }
    }
  }
  if (*st == KG_SUCCESS && s->time && (*st = KGD_SEP()) == KG_SUCCESS)
    *st = kgi_buf_puts(&b, s->time);
  if (*st == KG_SUCCESS && s->status) {
    static const char *const names[] = {"Rumored", "Proposed", "Announced", "Completed",
                                        "Cancelled"};
    const char *local = kgd_kg_local(s->status), *word = NULL;
    for (int k = 0; local && k < 5; k++)
      if (strcmp(local, names[k]) == 0)
        word = kgd_word(c->lang, KGD_W_RUMORED + k);
    if ((*st = KGD_SEP()) == KG_SUCCESS)
      *st = kgi_buf_puts(&b, word ? word : kgd_local_name(s->status));
  }
  if (*st == KG_SUCCESS && s->exclusive &&
      (strcmp(s->exclusive, "true") == 0 || strcmp(s->exclusive, "1") == 0) &&
      (*st = KGD_SEP()) == KG_SUCCESS)
    *st = kgi_buf_puts(&b, kgd_word(c->lang, KGD_W_EXCLUSIVE));
#undef KGD_SEP
  if (*st != KG_SUCCESS || b.len == 0) {
    kgi_buf_free(&b);
    return NULL;
  }
  char *r = kgi_buf_steal(&b, NULL);
  if (!r)
    *st = KG_ERR_NOMEM;
  return r;
}

/* Statements become edges (one per statement) or, without an entity object (valuation,
 * revenue), a line in their subject's node. */
static KgStatus kgd_statements(KgdCtx *c) {
  KgStatus st = KG_SUCCESS;
  for (size_t i = 0; i < c->n_stmts && st == KG_SUCCESS; i++) {
    const KgdStmt *s = &c->stmts[i];
    if (!s->has_s || !s->p || c->res[s->s].hidden)
      continue;
    if (s->o_kind == 1 && c->res[s->o].hidden)
      continue;
    const char *kg = kgd_kg_local(s->p);
    int only = kg && (strcmp(kg, "valuation") == 0 || strcmp(kg, "revenue") == 0);
    if (s->o_kind == 2 && !only)
      continue; /* the direct triple already shows a literal attribute */
    char *q = kgd_qualifiers(c, s, &st);
    if (st != KG_SUCCESS)
      return st;
    if (s->o_kind == 1) {
      st = kgd_add_edge(c, s->s, s->o, s->p, q, 1, s->status);
    } else if (q) {
      char *key = kgd_property_label(c, s->p);
      st = key ? kgd_add_attr(c, s->s, 2, key, q) : KG_ERR_NOMEM;
      c->res[s->s].subject = 1;
      kg_free(key);
      kg_free(q);
    }
  }
  return st;
}

static int kgd_edge_qcmp(const void *a, const void *b) {
  const KgdE *x = a, *y = b;
  if (x->t != y->t)
    return x->t < y->t ? -1 : 1;
  if (x->h != y->h)
    return x->h < y->h ? -1 : 1;
  int c = strcmp(x->p, y->p);
  if (c)
    return c;
  if (x->from_stmt != y->from_stmt)
    return y->from_stmt - x->from_stmt; /* statements first */
  c = kgi_strcmp0(x->quals, y->quals);
  if (c)
    return c;
  if (x->dashed != y->dashed)
    return x->dashed - y->dashed;
  return x->cancelled - y->cancelled;
}

/* Sort; a direct triple that has statements is drawn by them; drop exact repeats. */
static void kgd_edges_finish(KgdCtx *c) {
  if (c->n_edges)
    qsort(c->edges, c->n_edges, sizeof *c->edges, kgd_edge_qcmp);
  size_t w = 0;
  for (size_t i = 0; i < c->n_edges; i++) {
    KgdE *e = &c->edges[i];
    KgdE *prev = w ? &c->edges[w - 1] : NULL;
    int same_fact = prev && prev->t == e->t && prev->h == e->h && strcmp(prev->p, e->p) == 0;
    if (same_fact && (!e->from_stmt || (kgi_strcmp0(prev->quals, e->quals) == 0 &&
                                        prev->dashed == e->dashed &&
                                        prev->cancelled == e->cancelled))) {
      kg_free(e->quals);
      continue;
    }
    c->edges[w++] = *e;
  }
  c->n_edges = w;
  /* a statement with no qualifier says nothing its qualified siblings do not */
  w = 0;
  for (size_t i = 0; i < c->n_edges;) {
    size_t j = i + 1;
    while (j < c->n_edges && c->edges[j].t == c->edges[i].t && c->edges[j].h == c->edges[i].h &&
           strcmp(c->edges[j].p, c->edges[i].p) == 0)
      j++;
    for (size_t k = i; k < j; k++) {
      KgdE *e = &c->edges[k];
      if (j - i > 1 && !e->quals && !e->dashed && !e->cancelled)
        continue; /* quals is NULL: nothing to free */
      c->edges[w++] = *e;
    }
    i = j;
  }
  c->n_edges = w;
}

static int kgd_attr_qcmp(const void *a, const void *b) {
  const KgdAttr *x = a, *y = b;
  if (x->res != y->res)
    return x->res < y->res ? -1 : 1;
  if (x->order != y->order)
    return x->order - y->order;
  int c = kgi_strcmp0(x->key, y->key);
  return c ? c : strcmp(x->val, y->val);
}

typedef struct {
  size_t degree, res;
} KgdRank;

/* best connected first; ties in IRI order, so the cut is the same every time */
static int kgd_rank_qcmp(const void *a, const void *b) {
  const KgdRank *x = a, *y = b;
  if (x->degree != y->degree)
    return x->degree > y->degree ? -1 : 1;
  return x->res < y->res ? -1 : x->res > y->res;
}

/* ---- labels ------------------------------------------------------------------------ */

static KgStatus kgd_node_label(const KgdCtx *c, const KgdRes *r, const KgdAttr *a, size_t na,
                               KgiBuf *b) {
  KgStatus st = KG_SUCCESS;
  const char *name = r->label ? r->label : kgd_local_name(r->key.v);
  size_t limit = r->cls >= 0 ? KGD_KG_ROWS : KGD_GENERIC_ROWS;
  size_t shown = na < limit ? na : limit;
  if (r->cls >= 0 || na == 0) {
    KGI_TRY(st, kgi_buf_puts(b, "<FONT POINT-SIZE=\"12\">"));
    KGI_TRY(st, kgi_draw_html_escape(b, name, KGD_NAME_MAX));
    KGI_TRY(st, kgi_buf_puts(b, "</FONT>"));
    for (size_t i = 0; i < shown; i++) {
      KGI_TRY(st, kgi_buf_puts(b, "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#404040\">"));
      if (a[i].key) {
        KGI_TRY(st, kgi_draw_html_escape(b, a[i].key, KGD_VALUE_MAX));
        KGI_TRY(st, kgi_buf_puts(b, kgd_is_fr(c->lang) ? " : " : ": "));
      }
      KGI_TRY(st, kgi_draw_html_escape(b, a[i].val, KGD_VALUE_MAX));
      KGI_TRY(st, kgi_buf_puts(b, "</FONT>"));
    }
    if (na > shown)
      KGI_TRY(st, kgi_buf_printf(b, "<BR/><FONT POINT-SIZE=\"9\" COLOR=\"#404040\">… %zu %s</FONT>",
                                 na - shown, kgd_word(c->lang, KGD_W_MORE)));
    goto out;
  }
  /* a resource that is not an entity of ours: name, types, then its literals as a table */
  KGI_TRY(st, kgi_buf_puts(b, "<TABLE BORDER=\"0\" CELLBORDER=\"0\" CELLSPACING=\"0\" "
                              "CELLPADDING=\"1\"><TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"12\">"));
  KGI_TRY(st, kgi_draw_html_escape(b, name, KGD_NAME_MAX));
  KGI_TRY(st, kgi_buf_puts(b, "</FONT></TD></TR>"));
  for (size_t i = 0; i < shown; i++) {
    if (!a[i].key) {
      KGI_TRY(st, kgi_buf_puts(b, "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"9\" "
                                  "COLOR=\"#404040\">«"));
      KGI_TRY(st, kgi_draw_html_escape(b, a[i].val, KGD_VALUE_MAX));
      KGI_TRY(st, kgi_buf_puts(b, "»</FONT></TD></TR>"));
      continue;
    }
    KGI_TRY(st, kgi_buf_puts(b, "<TR><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" COLOR=\"#404040\">"));
    KGI_TRY(st, kgi_draw_html_escape(b, a[i].key, KGD_VALUE_MAX));
    KGI_TRY(st, kgi_buf_puts(b, "</FONT></TD><TD ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">"));
    KGI_TRY(st, kgi_draw_html_escape(b, a[i].val, KGD_VALUE_MAX));
    KGI_TRY(st, kgi_buf_puts(b, "</FONT></TD></TR>"));
  }
  if (na > shown)
    KGI_TRY(st, kgi_buf_printf(b, "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"9\" "
                                  "COLOR=\"#404040\">… %zu %s</FONT></TD></TR>",
                               na - shown, kgd_word(c->lang, KGD_W_MORE)));
  KGI_TRY(st, kgi_buf_puts(b, "</TABLE>"));
out:
  return st;
}

static KgStatus kgd_edge_label(const KgdCtx *c, const KgdE *e, KgiBuf *b, KgiBuf *line) {
  KgStatus st = KG_SUCCESS;
  char *rel = kgd_property_label(c, e->p);
  if (!rel)
    return KG_ERR_NOMEM;
  KGI_TRY(st, kgi_buf_puts(b, "<FONT POINT-SIZE=\"9\">"));
  KGI_TRY(st, kgi_draw_html_escape(b, rel, KGD_VALUE_MAX));
  KGI_TRY(st, kgi_draw_html_escape(line, rel, KGD_VALUE_MAX));
  if (e->quals) {
    KGI_TRY(st, kgi_buf_puts(b, "<BR/>"));
    KGI_TRY(st, kgi_draw_html_escape(b, e->quals, KGD_VALUE_MAX));
    KGI_TRY(st, kgi_buf_puts(line, " · "));
    KGI_TRY(st, kgi_draw_html_escape(line, e->quals, KGD_VALUE_MAX));
  }
  KGI_TRY(st, kgi_buf_puts(b, "</FONT>"));
out:
  kg_free(rel);
  return st;
}

static KgStatus kgd_legend(const KgdCtx *c, const unsigned char *present, int dashed,
                           int cancelled, KgiBuf *b) {
  KgStatus st = KG_SUCCESS;
  KGI_TRY(st, kgi_buf_printf(b, "<TABLE BORDER=\"1\" COLOR=\"#999999\" CELLBORDER=\"0\" "
                                "CELLSPACING=\"2\" CELLPADDING=\"2\" BGCOLOR=\"white\">"
                                "<TR><TD COLSPAN=\"2\"><FONT POINT-SIZE=\"10\">%s</FONT></TD></TR>",
                             kgd_word(c->lang, KGD_W_LEGEND)));
  for (int k = 0; k <= KGD_OTHER; k++) {
    if (!present[k])
      continue;
    KGI_TRY(st, kgi_buf_printf(b, "<TR><TD BGCOLOR=\"%s\" BORDER=\"1\" COLOR=\"%s\" "
                                  "WIDTH=\"16\" HEIGHT=\"12\"> </TD><TD ALIGN=\"LEFT\">"
                                  "<FONT POINT-SIZE=\"9\">",
                               kgd_classes[k].fill, kgd_classes[k].border));
    KGI_TRY(st, kgi_draw_html_escape(b, kgd_class_label(k, c->lang), 0));
    KGI_TRY(st, kgi_buf_puts(b, "</FONT></TD></TR>"));
  }
  if (dashed) {
    KGI_TRY(st, kgi_buf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\">"));
    KGI_TRY(st, kgi_draw_html_escape(b, kgd_word(c->lang, KGD_W_DASHED), 0));
    KGI_TRY(st, kgi_buf_puts(b, "</FONT></TD></TR>"));
  }
  if (cancelled) {
    KGI_TRY(st, kgi_buf_puts(b, "<TR><TD COLSPAN=\"2\" ALIGN=\"LEFT\"><FONT POINT-SIZE=\"9\" "
                                "COLOR=\"#999999\">"));
    KGI_TRY(st, kgi_draw_html_escape(b, kgd_word(c->lang, KGD_W_GREY), 0));
    KGI_TRY(st, kgi_buf_puts(b, "</FONT></TD></TR>"));
  }
  KGI_TRY(st, kgi_buf_puts(b, "</TABLE>"));
out:
  return st;
}

/* ---- language ---------------------------------------------------------------------- */

static int kgd_str_qcmp(const void *a, const void *b) {
  return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The most frequent schema:inLanguage of the articles (ties: byte-wise first), or "en". */
static KgStatus kgd_pick_language(const KgdCtx *c, const KgDrawOptions *o, char *lang,
                                  size_t size) {
  snprintf(lang, size, "en");
  if (o && o->label_lang && *o->label_lang) {
    snprintf(lang, size, "%s", o->label_lang);
    return KG_SUCCESS;
  }
  const char **langs = NULL;
  size_t n = 0, cap = 0;
  for (size_t i = 0; i < c->n; i++) {
    const KgTriple *t = c->tr[i];
    if (t->o.type != KG_TERM_LITERAL || !*t->o.value || !kgd_is_resource(&t->s) ||
        !kgd_is_schema(t->p.value, "inLanguage") ||
        c->res[kgd_find(c, &t->s)].hidden != KGD_HIDE_ARTICLE)
      continue;
    if (kgd_grow((void **)&langs, &cap, n + 1, sizeof *langs) != 0) {
      kg_free(langs);
      return KG_ERR_NOMEM;
    }
    langs[n++] = t->o.value;
  }
  if (n)
    qsort(langs, n, sizeof *langs, kgd_str_qcmp);
  size_t best_n = 0;
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && strcmp(langs[j], langs[i]) == 0)
      j++;
    if (j - i > best_n) {
      best_n = j - i;
      snprintf(lang, size, "%s", langs[i]);
    }
    i = j;
  }
  kg_free(langs);
  return KG_SUCCESS;
}

/* ---- build ------------------------------------------------------------------------- */

void kgi_draw_model_free(KgdModel *m) {
  if (!m)
    return;
  for (size_t i = 0; i < m->n_nodes; i++) {
    kg_free(m->nodes[i].name);
    kg_free(m->nodes[i].label);
  }
  for (size_t i = 0; i < m->n_edges; i++) {
    kg_free(m->edges[i].label);
    kg_free(m->edges[i].line);
  }
  kg_free(m->nodes);
  kg_free(m->edges);
  kg_free(m->legend);
  kg_free(m->note);
  kg_free(m);
}

/* The Graphviz name of a node: its IRI, with what DOT quoting cannot carry
 * (backslashes, control characters) percent-encoded. */
static char *kgd_node_name(const KgdKey *k) {
  KgiBuf b;
  kgi_buf_init(&b, 0);
  KgStatus st = k->blank ? kgi_buf_puts(&b, "_:") : KG_SUCCESS;
  for (const unsigned char *p = (const unsigned char *)k->v; *p && st == KG_SUCCESS; p++)
    st = (*p == '\\' || *p < 0x20 || *p == 0x7F) ? kgi_buf_printf(&b, "%%%02X", *p)
                                                 : kgi_buf_putc(&b, (char)*p);
  if (st != KG_SUCCESS) {
    kgi_buf_free(&b);
    return NULL;
  }
  return kgi_buf_steal(&b, NULL);
}

static KgStatus kgd_make_model(KgdCtx *c, const KgDrawOptions *o, KgdModel *m,
                               const KgLog *log) {
  KgStatus st = KG_SUCCESS;
  KgdRank *order = NULL;
  KgiBuf b, line;
  kgi_buf_init(&b, 0);
  kgi_buf_init(&line, 0);

  for (size_t i = 0; i < c->n_edges; i++) {
    c->res[c->edges[i].t].degree++;
    if (c->edges[i].h != c->edges[i].t)
      c->res[c->edges[i].h].degree++;
  }
  size_t total = 0;
  for (size_t i = 0; i < c->n_res; i++) {
    KgdRes *r = &c->res[i];
    r->keep = !r->hidden && (r->subject || r->endpoint);
    total += (size_t)r->keep;
  }
  m->total_entities = total;
  if (o && o->max_nodes && total > o->max_nodes) {
    order = kg_malloc(total * sizeof *order);
    if (!order)
      return KG_ERR_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < c->n_res; i++)
      if (c->res[i].keep)
        order[k++] = (KgdRank){c->res[i].degree, i};
    qsort(order, total, sizeof *order, kgd_rank_qcmp);
    for (size_t i = o->max_nodes; i < total; i++)
      c->res[order[i].res].keep = 0;
    m->omitted = total - o->max_nodes;
    kgi_log(log, KG_LOG_INFO, KG_SUCCESS, NULL, -1,
            "picture: drew the %zu best-connected of %zu entities, left %zu out (--max-nodes)",
            o->max_nodes, total, m->omitted);
  }

  size_t kept = total - m->omitted;
  m->nodes = kg_calloc(kept + 1, sizeof *m->nodes);
  m->edges = kg_calloc(c->n_edges + 1, sizeof *m->edges);
  if (!m->nodes || !m->edges) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  if (c->n_attrs)
    qsort(c->attrs, c->n_attrs, sizeof *c->attrs, kgd_attr_qcmp);
  unsigned char present[KGD_OTHER + 1] = {0};
  size_t ai = 0;
  for (size_t i = 0; i < c->n_res; i++) {
    KgdRes *r = &c->res[i];
    size_t a0, na = 0;
    while (ai < c->n_attrs && c->attrs[ai].res < i)
      ai++;
    a0 = ai;
    while (ai + na < c->n_attrs && c->attrs[ai + na].res == i)
      na++;
    if (!r->keep)
      continue;
    /* drop repeated attributes (a fact stated twice), keeping the sorted order */
    size_t w = 0;
    for (size_t j = 0; j < na; j++) {
      KgdAttr *x = &c->attrs[a0 + j];
      if (w && kgi_strcmp0(c->attrs[a0 + w - 1].key, x->key) == 0 &&
          strcmp(c->attrs[a0 + w - 1].val, x->val) == 0)
        continue;
      KgdAttr tmp = c->attrs[a0 + w];
      c->attrs[a0 + w] = *x;
      *x = tmp;
      w++;
    }
    r->node = m->n_nodes;
    KgdNode *n = &m->nodes[m->n_nodes++]; /* counted now: freed whatever happens next */
    int k = r->cls >= 0 ? r->cls : KGD_OTHER;
    present[k] = 1;
    n->shape = kgd_classes[k].shape;
    n->style = kgd_classes[k].style;
    n->fill = kgd_classes[k].fill;
    n->border = kgd_classes[k].border;
    if (!(n->name = kgd_node_name(&r->key))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    KGI_TRY(st, kgd_node_label(c, r, &c->attrs[a0], w, &b));
    if (!(n->label = kgi_buf_steal(&b, NULL))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
  }
  int dashed = 0, cancelled = 0;
  for (size_t i = 0; i < c->n_edges; i++) {
    const KgdE *e = &c->edges[i];
    if (!c->res[e->t].keep || !c->res[e->h].keep)
      continue;
    KgdEdge *d = &m->edges[m->n_edges++]; /* counted now: freed whatever happens next */
    d->tail = c->res[e->t].node;
    d->head = c->res[e->h].node;
    d->dashed = e->dashed;
    d->cancelled = e->cancelled;
    d->undirected = e->undirected;
    dashed |= e->dashed;
    cancelled |= e->cancelled;
    KGI_TRY(st, kgd_edge_label(c, e, &b, &line));
    if (!(d->label = kgi_buf_steal(&b, NULL)) || !(d->line = kgi_buf_steal(&line, NULL))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
  }
  int any_class = 0;
  for (int k = 0; k < KGD_OTHER; k++)
    any_class |= present[k];
  if (any_class) {
    KGI_TRY(st, kgd_legend(c, present, dashed, cancelled, &b));
    if (!(m->legend = kgi_buf_steal(&b, NULL))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
  }
  int fr = kgd_is_fr(c->lang);
  if (total == 0) {
    KGI_TRY(st, kgi_buf_puts(&b, fr ? "Aucune entité à dessiner" : "No entities to draw"));
  } else if (m->omitted) {
    KGI_TRY(st, kgi_buf_printf(&b,
                               fr ? "%zu entités sur %zu affichées : les %zu moins connectées "
                                    "sont omises (--max-nodes)"
                                  : "%zu of %zu entities shown: the %zu least connected "
                                    "were left out (--max-nodes)",
                               kept, total, m->omitted));
  }
  if (b.len && !(m->note = kgi_buf_steal(&b, NULL)))
    st = KG_ERR_NOMEM;
out:
  kgi_buf_free(&b);
  kgi_buf_free(&line);
  kg_free(order);
  return st;
}

KgStatus kgi_draw_model_build(const KgTriples *t, const KgDrawOptions *opts, KgdModel **out,
                              const KgLog *log) {
  KgStatus st = KG_SUCCESS;
  KgdCtx c;
  memset(&c, 0, sizeof c);
  KgdModel *m = NULL;
  *out = NULL;
  if (!t)
    return KG_ERR_BAD_ARG;
  if (!(m = kg_calloc(1, sizeof *m)))
    return KG_ERR_NOMEM;
  c.n = kg_triples_count(t);
  c.tr = kg_malloc((c.n + 1) * sizeof *c.tr);
  if (!c.tr) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  for (size_t i = 0; i < c.n; i++)
    c.tr[i] = kg_triples_get(t, i);
  /* sorted, so that the same set of triples gives the same picture in any order */
  if (c.n)
    qsort(c.tr, c.n, sizeof *c.tr, kgd_triple_qcmp);
  KGI_TRY(st, kgd_build_resources(&c));
  kgd_classify(&c);
  KGI_TRY(st, kgd_pick_language(&c, opts, m->lang, sizeof m->lang));
  c.lang = m->lang;
  KGI_TRY(st, kgd_load_ontology(&c, opts ? opts->ontology : NULL, log));
  KGI_TRY(st, kgd_collect(&c));
  KGI_TRY(st, kgd_statements(&c));
  kgd_edges_finish(&c);
  KGI_TRY(st, kgd_make_model(&c, opts, m, log));
out:
  for (size_t i = 0; i < c.n_attrs; i++) {
    kg_free(c.attrs[i].key);
    kg_free(c.attrs[i].val);
  }
  for (size_t i = 0; i < c.n_edges; i++)
    kg_free(c.edges[i].quals);
  kg_free(c.attrs);
  kg_free(c.edges);
  kg_free(c.stmts);
  kg_free(c.res);
  kg_free(c.tr);
  kg_free(c.onto);
  kg_triples_free(c.onto_triples);
  if (st != KG_SUCCESS) {
    kgi_draw_model_free(m);
    return st;
  }
  *out = m;
  return KG_SUCCESS;
}
