/* check_draw.c - pictures of graphs: what is drawn (labels, not IRIs; qualifiers on
 * edges; no statement or article nodes), each format valid (PNG header, SVG as XML, DOT
 * read back by cgraph, PDF), hostile labels, empty, literal-only and 5,000-node graphs,
 * --max-nodes, determinism, Graphviz errors as one log line, allocation failures. */
#include "config.h"

#include <dirent.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cgraph.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <kgbuild/kgbuild.h>

#include "check_tap.h"
#include "out/draw_model.h"

#ifndef KG_DRAW_TESTDATA
#define KG_DRAW_TESTDATA "tests/data/draw"
#endif

#define KGNS "https://w3id.org/kgbuild/ns#"
#define ID "https://w3id.org/kgbuild/id/"
#define RDF_TYPE "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"
#define RDFS_LABEL "http://www.w3.org/2000/01/rdf-schema#label"

/* Graphviz and its plugins are built without frame pointers: AddressSanitizer's fast
 * unwinder stops at their allocator and the leaks Graphviz 2.42 keeps (HTML tables,
 * dot's cluster skeletons) cannot be matched to tests/lsan.supp. Slow unwinding gives
 * the whole stack. Only read by sanitizer builds. */
const char *__asan_default_options(void);
const char *__asan_default_options(void) { return "fast_unwind_on_malloc=0"; }

/* ---- a log that counts and keeps messages ------------------------------------------ */

typedef struct {
  int n[4];
  char text[8192];
} Collect;

static void collect(void *ud, const KgDiag *d) {
  Collect *c = ud;
  c->n[d->level]++;
  size_t l = strlen(c->text);
  snprintf(c->text + l, sizeof c->text - l, "%d|%s|%s\n", (int)d->level,
           d->source ? d->source : "", d->message);
}

/* ---- helpers ----------------------------------------------------------------------- */

static KgTriples *load(const char *name) {
  char path[1024];
  snprintf(path, sizeof path, "%s/%s", KG_DRAW_TESTDATA, name);
  KgTriples *t = kg_triples_new();
  ck_assert_ptr_nonnull(t);
  ck_assert_int_eq(kg_rdf_read_file(path, NULL, t, NULL), KG_SUCCESS);
  return t;
}

static char *draw(const KgTriples *t, KgDrawFormat f, const char *layout, const char *lang,
                  size_t max_nodes, const char *ontology, size_t *len, Collect *c) {
  KgDrawOptions o = {f, layout, lang, max_nodes, ontology};
  KgLog log = {collect, c};
  char *data = NULL;
  size_t n = 0;
  KgStatus st = kg_draw_memory(t, &o, "test", &data, &n, &log);
  ck_assert_msg(st == KG_SUCCESS, "draw failed: %s\n%s", kg_strerror(st), c->text);
  ck_assert_ptr_nonnull(data);
  ck_assert_uint_gt(n, 0);
  if (len)
    *len = n;
  return data;
}

/* The text lines of an SVG (each <text> element's content), parsed with libxml2. */
typedef struct {
  char **v;
  size_t n;
  xmlDocPtr doc;
} Texts;

static void texts_walk(xmlNodePtr node, Texts *t) {
  for (xmlNodePtr n = node; n; n = n->next) {
    if (n->type == XML_ELEMENT_NODE && xmlStrcmp(n->name, BAD_CAST "text") == 0) {
      xmlChar *s = xmlNodeGetContent(n);
      t->v = realloc(t->v, (t->n + 1) * sizeof *t->v);
      t->v[t->n++] = strdup(s ? (const char *)s : "");
      xmlFree(s);
    }
    texts_walk(n->children, t);
  }
}

static Texts svg_texts(const char *svg, size_t len) {
  Texts t = {NULL, 0, NULL};
  t.doc = xmlReadMemory(svg, (int)len, "picture.svg", NULL, XML_PARSE_NONET | XML_PARSE_NOWARNING);
  ck_assert_msg(t.doc != NULL, "the SVG is not well-formed XML");
  texts_walk(xmlDocGetRootElement(t.doc), &t);
  return t;
}

static int has_text(const Texts *t, const char *s) {
  for (size_t i = 0; i < t->n; i++)
    if (strcmp(t->v[i], s) == 0)
      return 1;
  return 0;
}

static int any_text_contains(const Texts *t, const char *s) {
  for (size_t i = 0; i < t->n; i++)
    if (strstr(t->v[i], s))
      return 1;
  return 0;
}

static void texts_free(Texts *t) {
  for (size_t i = 0; i < t->n; i++)
    free(t->v[i]);
  free(t->v);
  xmlFreeDoc(t->doc);
}

static size_t count(const char *hay, const char *needle) {
  size_t n = 0;
  for (const char *p = hay; (p = strstr(p, needle)); p += strlen(needle))
    n++;
  return n;
}

#define ASSERT_TEXT(t, s) ck_assert_msg(has_text(&(t), s), "no text line \"%s\" in the SVG", s)

/* ---- names, formats, layouts ----------------------------------------------------- */

START_TEST(test_format_and_layout_names) {
  KgDrawFormat f;
  ck_assert_int_eq(kg_draw_format_from_name("svg", &f), 0);
  ck_assert_int_eq(f, KG_DRAW_SVG);
  ck_assert_int_eq(kg_draw_format_from_name("PDF", &f), 0);
  ck_assert_int_eq(f, KG_DRAW_PDF);
  ck_assert_int_eq(kg_draw_format_from_name("jpeg", &f), -1);
  ck_assert_int_eq(kg_draw_format_from_path("out/graph.PNG", &f), 0);
  ck_assert_int_eq(f, KG_DRAW_PNG);
  ck_assert_int_eq(kg_draw_format_from_path("graph.gv", &f), 0);
  ck_assert_int_eq(f, KG_DRAW_DOT);
  ck_assert_int_eq(kg_draw_format_from_path("dir.svg/graph", &f), -1);
  ck_assert_int_eq(kg_draw_format_from_path("graph.", &f), -1);
  ck_assert_str_eq(kg_draw_format_name(KG_DRAW_DOT), "dot");
  ck_assert_ptr_null(kg_draw_format_name((KgDrawFormat)9));
  ck_assert_int_eq(kg_draw_layout_check(NULL), 0);
  ck_assert_int_eq(kg_draw_layout_check("circo"), 0);
  ck_assert_int_eq(kg_draw_layout_check("twopi"), -1);
  ck_assert_ptr_nonnull(strstr(kg_draw_layout_names(), "sfdp"));
}
END_TEST

/* ---- money and escaping ------------------------------------------------------------ */

static void money_is(double v, const char *cur, const char *lang, const char *want) {
  KgiBuf b;
  kgi_buf_init(&b, 0);
  ck_assert_int_eq(kgi_draw_money(&b, v, cur, lang), KG_SUCCESS);
  ck_assert_msg(strcmp(kgi_buf_cstr(&b), want) == 0, "%.17g %s %s: got \"%s\", want \"%s\"", v,
                cur ? cur : "-", lang, kgi_buf_cstr(&b), want);
  kgi_buf_free(&b);
}

START_TEST(test_money) {
  money_is(10000000000, "USD", "en", "$10B");
  money_is(10000000000, "USD", "fr", "10 Md$");
  money_is(1500000000, "EUR", "en", "€1.5B");
  money_is(1500000000, "EUR", "fr", "1,5 Md€");
  money_is(29000000000, "USD", "fr", "29 Md$");
  money_is(2500000, "GBP", "en", "£2.5M");
  money_is(2500000, "GBP", "fr", "2,5 M£");
  money_is(999960000, "USD", "en", "$1B"); /* rounds up into the next unit */
  money_is(1250000000, "USD", "en", "$1.25B");
  money_is(3000000000, "CHF", "en", "3B CHF");
  money_is(3000000000, "CHF", "fr", "3 Md CHF");
  money_is(500, "EUR", "en", "€500");
  money_is(500, "EUR", "fr", "500 €");
  money_is(45000, "USD", "fr", "45 k$");
  money_is(2000000000000, "USD", "en", "$2T");
  money_is(2000000000000, "USD", "fr", "2000 Md$");
  money_is(1200000, NULL, "en", "1.2M");
  money_is(-3000000, "USD", "en", "-$3M");
}
END_TEST

static void escaped_is(const char *in, size_t max, const char *want) {
  KgiBuf b;
  kgi_buf_init(&b, 0);
  ck_assert_int_eq(kgi_draw_html_escape(&b, in, max), KG_SUCCESS);
  ck_assert_msg(strcmp(kgi_buf_cstr(&b), want) == 0, "got \"%s\", want \"%s\"", kgi_buf_cstr(&b),
                want);
  kgi_buf_free(&b);
}

START_TEST(test_html_escape) {
  escaped_is("A & B <c> \"d\" 'e'", 0, "A &amp; B &lt;c&gt; &quot;d&quot; &#39;e&#39;");
  escaped_is("one\ntwo\r\nthree", 0, "one<BR/>two<BR/>three");
  escaped_is("a\\Nb", 0, "a\\\\Nb");
  escaped_is("tab\there\x01\x7f", 0, "tab here  ");
  escaped_is("bad \xC3\x28 \xED\xA0\x80 \xF5", 0, "bad \xEF\xBF\xBD( \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD \xEF\xBF\xBD");
  escaped_is("Яндекс ソフト", 0, "Яндекс ソフト");
  escaped_is("abcdef", 3, "abc…");
  escaped_is("ééééé", 2, "éé…");
  KgiBuf b;
  kgi_buf_init(&b, 0);
  ck_assert_int_eq(kgi_draw_html_escape(&b, NULL, 0), KG_SUCCESS);
  ck_assert_uint_eq(b.len, 0);
  kgi_buf_free(&b);
}
END_TEST

/* ---- what is drawn ------------------------------------------------------------------ */

START_TEST(test_seed_svg_shows_labels_and_qualifiers) {
  KgTriples *t = load("seed.ttl");
  Collect c = {{0}, ""};
  size_t len;
  char *svg = draw(t, KG_DRAW_SVG, NULL, NULL, 0, KG_DRAW_TESTDATA "/labels.ttl", &len, &c);
  Texts x = svg_texts(svg, len);
  /* every entity by its name */
  const char *names[] = {"Microsoft", "OpenAI", "Elon Musk", "ChatGPT", "Azure",
                         "GitHub Copilot", "Semafor", "Boursier.com", "Californie"};
  for (size_t i = 0; i < sizeof names / sizeof *names; i++)
    ASSERT_TEXT(x, names[i]);
  /* relations in the article's language (schema:inLanguage "fr"), from the ontology */
  ASSERT_TEXT(x, "investit dans");
  ASSERT_TEXT(x, "fondée par");
  /* no label in the ontology: the local name in words */
  ASSERT_TEXT(x, "profit share in");
  /* the main qualifiers, French money, one edge per investment */
  ASSERT_TEXT(x, "10 Md$ · 2023-01 · rumeur");
  ASSERT_TEXT(x, "2019 · finalisé");
  ASSERT_TEXT(x, "2021 · finalisé");
  ASSERT_TEXT(x, "49 % · rumeur");
  ASSERT_TEXT(x, "exclusif");
  /* valuation has no object entity: a line in OpenAI's node */
  ck_assert(any_text_contains(&x, "29 Md$ · rumeur"));
  /* legend with the classes present only */
  ASSERT_TEXT(x, "Légende");
  ASSERT_TEXT(x, "Entreprise");
  ASSERT_TEXT(x, "Lieu");
  ck_assert(!has_text(&x, "Organisme public"));
  /* no IRI shown, no statement, article or status node */
  ck_assert(!any_text_contains(&x, "https://"));
  ck_assert_ptr_null(strstr(svg, "/stmt/"));
  ck_assert_ptr_null(strstr(svg, "/article/"));
  ck_assert_ptr_null(strstr(svg, "ns#Rumored"));
  /* 10 entities and the legend */
  ck_assert_uint_eq(count(svg, "class=\"node\""), 11);
  /* rumored facts dashed: 10 Md$, 49 %, 75 %, 2 % */
  ck_assert_uint_eq(count(svg, "stroke-dasharray"), 4);
  ck_assert_int_eq(c.n[KG_LOG_WARNING] + c.n[KG_LOG_ERROR], 0);
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_label_language_option) {
  KgTriples *t = load("seed.ttl");
  Collect c = {{0}, ""};
  size_t len;
  char *svg = draw(t, KG_DRAW_SVG, NULL, "en", 0, KG_DRAW_TESTDATA "/labels.ttl", &len, &c);
  Texts x = svg_texts(svg, len);
  ASSERT_TEXT(x, "invests in");
  ASSERT_TEXT(x, "$10B · 2023-01 · rumored");
  ASSERT_TEXT(x, "49% · rumored");
  ASSERT_TEXT(x, "Legend");
  ck_assert(!has_text(&x, "investit dans"));
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_missing_ontology_is_a_warning) {
  KgTriples *t = load("people.rdf");
  Collect c = {{0}, ""};
  size_t len;
  char *svg = draw(t, KG_DRAW_SVG, NULL, NULL, 0, "/nonexistent/kg.ttl", &len, &c);
  Texts x = svg_texts(svg, len);
  ASSERT_TEXT(x, "acquired");
  ASSERT_TEXT(x, "Adobe");
  ck_assert_int_eq(c.n[KG_LOG_WARNING], 1);
  ck_assert_ptr_nonnull(strstr(c.text, "ontology"));
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

/* Edge styles from statements built in memory: cancelled grey, proposed dashed, a
 * symmetric relation stated both ways drawn once without arrowhead. */
static void add_stmt(KgTriples *t, const char *id, const char *s, const char *p, const char *o,
                     const char *status) {
  ck_assert_int_eq(kg_triples_add_iri(t, id, RDF_TYPE, "http://www.w3.org/1999/02/22-rdf-syntax-ns#Statement"), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_iri(t, id, "http://www.w3.org/1999/02/22-rdf-syntax-ns#subject", s), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_iri(t, id, "http://www.w3.org/1999/02/22-rdf-syntax-ns#predicate", p), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_iri(t, id, "http://www.w3.org/1999/02/22-rdf-syntax-ns#object", o), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_iri(t, id, KGNS "status", status), KG_SUCCESS);
}

static KgTriples *styled_graph(void) {
  KgTriples *t = kg_triples_new();
  const char *orgs[] = {ID "org/a", ID "org/b", ID "org/c"};
  const char *names[] = {"Alpha", "Beta", "Gamma"};
  for (int i = 0; i < 3; i++) {
    ck_assert_int_eq(kg_triples_add_iri(t, orgs[i], RDF_TYPE, KGNS "Company"), KG_SUCCESS);
    ck_assert_int_eq(kg_triples_add_literal(t, orgs[i], RDFS_LABEL, names[i], NULL, "en"), KG_SUCCESS);
  }
  kg_triples_add_iri(t, orgs[0], KGNS "acquired", orgs[1]);
  add_stmt(t, ID "stmt/1", orgs[0], KGNS "acquired", orgs[1], KGNS "Cancelled");
  kg_triples_add_iri(t, orgs[2], KGNS "acquired", orgs[1]);
  add_stmt(t, ID "stmt/2", orgs[2], KGNS "acquired", orgs[1], KGNS "Proposed");
  kg_triples_add_iri(t, orgs[0], KGNS "partnerOf", orgs[2]);
  kg_triples_add_iri(t, orgs[2], KGNS "partnerOf", orgs[0]);
  return t;
}

START_TEST(test_edge_styles) {
  KgTriples *t = styled_graph();
  Collect c = {{0}, ""};
  size_t len;
  char *dot = draw(t, KG_DRAW_DOT, NULL, NULL, 0, NULL, &len, &c);
  ck_assert_uint_eq(count(dot, "->"), 3); /* one partnership, two acquisitions */
  ck_assert_uint_eq(count(dot, "dir=none"), 1);
  ck_assert_uint_eq(count(dot, "style=dashed"), 1);
  ck_assert_uint_eq(count(dot, "color=\"#AAAAAA\""), 1);
  ck_assert_ptr_nonnull(strstr(dot, "cancelled"));
  ck_assert_ptr_nonnull(strstr(dot, "proposed"));
  kg_free(dot);
  char *svg = draw(t, KG_DRAW_SVG, NULL, NULL, 0, NULL, &len, &c);
  Texts x = svg_texts(svg, len);
  ASSERT_TEXT(x, "grey: cancelled");
  ASSERT_TEXT(x, "- - - rumored or proposed");
  ck_assert_ptr_nonnull(strstr(svg, "stroke=\"#aaaaaa\""));
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_generic_rdf) {
  KgTriples *t = load("generic.ttl");
  Collect c = {{0}, ""};
  size_t len;
  char *svg = draw(t, KG_DRAW_SVG, "neato", NULL, 0, NULL, &len, &c);
  Texts x = svg_texts(svg, len);
  ASSERT_TEXT(x, "Alice Martin");
  ASSERT_TEXT(x, "Bob Durand");
  ASSERT_TEXT(x, "Annual report"); /* dc:title names it */
  ASSERT_TEXT(x, "knows");
  ASSERT_TEXT(x, "creator");
  ASSERT_TEXT(x, "«Person»");
  ASSERT_TEXT(x, "alice@example.org");
  ASSERT_TEXT(x, "mbox");
  ck_assert(!has_text(&x, "Legend")); /* no kgbuild class, no legend */
  ck_assert(!any_text_contains(&x, "http://"));
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_hostile_labels) {
  KgTriples *t = load("nasty.ttl");
  const KgDrawFormat formats[] = {KG_DRAW_SVG, KG_DRAW_PNG, KG_DRAW_PDF, KG_DRAW_DOT};
  for (size_t i = 0; i < 4; i++) {
    Collect c = {{0}, ""};
    size_t len;
    char *d = draw(t, formats[i], i == 1 ? "fdp" : NULL, NULL, 0, NULL, &len, &c);
    ck_assert_msg(c.n[KG_LOG_WARNING] + c.n[KG_LOG_ERROR] == 0, "format %zu: %s", i, c.text);
    if (formats[i] == KG_DRAW_SVG) {
      Texts x = svg_texts(d, len);
      ASSERT_TEXT(x, "Say \"Hi\" & <b>bold</b> Ltd");
      ASSERT_TEXT(x, "Line one");
      ASSERT_TEXT(x, "Line two\\N \\G");
      ASSERT_TEXT(x, "Яндекс");
      ASSERT_TEXT(x, "ソフトバンク");
      ASSERT_TEXT(x, "محمد بن سلمان");
      ASSERT_TEXT(x, "Tab here ctl ]]> --> <!-- &amp;");
      ASSERT_TEXT(x, "owns&controls");
      texts_free(&x);
    }
    if (formats[i] == KG_DRAW_DOT) {
      Agraph_t *g = agmemread(d);
      ck_assert_ptr_nonnull(g);
      ck_assert_int_eq(agnnodes(g), 7);
      agclose(g);
    }
    kg_free(d);
  }
  kg_triples_free(t);
}
END_TEST

/* ---- formats ------------------------------------------------------------------------- */

static uint32_t be32(const unsigned char *p) {
  return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

START_TEST(test_png_header) {
  KgTriples *t = load("seed.ttl");
  Collect c = {{0}, ""};
  size_t len;
  unsigned char *png = (unsigned char *)draw(t, KG_DRAW_PNG, NULL, NULL, 0, NULL, &len, &c);
  ck_assert_uint_gt(len, 33);
  ck_assert_int_eq(memcmp(png, "\x89PNG\r\n\x1a\n", 8), 0);
  ck_assert_int_eq(memcmp(png + 12, "IHDR", 4), 0);
  uint32_t w = be32(png + 16), h = be32(png + 20);
  ck_assert_msg(w >= 400 && w <= KG_DRAW_PNG_MAX_PIXELS && h >= 200 &&
                    h <= KG_DRAW_PNG_MAX_PIXELS,
                "implausible size %ux%u", w, h);
  ck_assert_uint_gt(w, h); /* left to right */
  kg_free(png);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_pdf_header) {
  KgTriples *t = load("quads.nq");
  Collect c = {{0}, ""};
  size_t len;
  char *pdf = draw(t, KG_DRAW_PDF, "circo", NULL, 0, NULL, &len, &c);
  ck_assert_int_eq(memcmp(pdf, "%PDF-", 5), 0);
  ck_assert_ptr_nonnull(memmem(pdf, len, "%%EOF", 5));
  kg_free(pdf);
  kg_triples_free(t);
}
END_TEST

/* The same triples in any order give the same DOT text, which cgraph reads back. */
START_TEST(test_dot_is_deterministic) {
  KgTriples *t = load("seed.ttl"), *r = kg_triples_new();
  for (size_t i = kg_triples_count(t); i > 0; i--)
    ck_assert_int_eq(kg_triples_add(r, kg_triples_get(t, i - 1)), KG_SUCCESS);
  Collect c = {{0}, ""};
  size_t l1, l2, l3;
  char *a = draw(t, KG_DRAW_DOT, NULL, NULL, 0, NULL, &l1, &c);
  char *b = draw(t, KG_DRAW_DOT, NULL, NULL, 0, NULL, &l2, &c);
  char *d = draw(r, KG_DRAW_DOT, NULL, NULL, 0, NULL, &l3, &c);
  ck_assert_uint_eq(l1, l2);
  ck_assert_str_eq(a, b);
  ck_assert_str_eq(a, d);
  Agraph_t *g = agmemread(a);
  ck_assert_ptr_nonnull(g);
  ck_assert_int_eq(agnnodes(g), 11);
  ck_assert_ptr_nonnull(agnode(g, (char *)ID "org/microsoft", 0));
  ck_assert_str_eq(agget(g, (char *)"layout"), "dot");
  ck_assert_str_eq(agget(g, (char *)"rankdir"), "LR");
  agclose(g);
  kg_free(a);
  kg_free(b);
  kg_free(d);
  kg_triples_free(t);
  kg_triples_free(r);
}
END_TEST

/* Other layouts merge parallel edges into one, with a line per fact. */
START_TEST(test_neato_merges_parallel_edges) {
  KgTriples *t = load("seed.ttl");
  Collect c = {{0}, ""};
  size_t len;
  char *dot = draw(t, KG_DRAW_DOT, "neato", NULL, 0, NULL, &len, &c);
  Agraph_t *g = agmemread(dot);
  ck_assert_ptr_nonnull(g);
  ck_assert_str_eq(agget(g, (char *)"overlap"), "false");
  ck_assert_str_eq(agget(g, (char *)"splines"), "true");
  Agnode_t *ms = agnode(g, (char *)ID "org/microsoft", 0);
  ck_assert_ptr_nonnull(ms);
  ck_assert_int_eq(agdegree(g, ms, 0, 1), 1);
  ck_assert_ptr_nonnull(strstr(dot, "10 Md$ · 2023-01 · rumeur<BR/>"));
  agclose(g);
  kg_free(dot);
  kg_triples_free(t);
}
END_TEST

/* ---- empty, literal-only, large ------------------------------------------------------ */

START_TEST(test_empty_graph) {
  KgTriples *t = kg_triples_new();
  Collect c = {{0}, ""};
  size_t len;
  char *svg = draw(t, KG_DRAW_SVG, NULL, NULL, 0, NULL, &len, &c);
  Texts x = svg_texts(svg, len);
  ASSERT_TEXT(x, "No entities to draw");
  texts_free(&x);
  kg_free(svg);
  unsigned char *png = (unsigned char *)draw(t, KG_DRAW_PNG, "sfdp", NULL, 0, NULL, &len, &c);
  ck_assert_int_eq(memcmp(png, "\x89PNG", 4), 0);
  kg_free(png);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_literals_only) {
  KgTriples *t = load("literals.nt");
  Collect c = {{0}, ""};
  size_t len;
  char *svg = draw(t, KG_DRAW_SVG, NULL, NULL, 0, NULL, &len, &c);
  Texts x = svg_texts(svg, len);
  ASSERT_TEXT(x, "Only literals");
  ASSERT_TEXT(x, "No resource object anywhere");
  ASSERT_TEXT(x, "other");
  ASSERT_TEXT(x, "3");
  ck_assert_uint_eq(count(svg, "class=\"node\""), 2);
  ck_assert_uint_eq(count(svg, "class=\"edge\""), 0);
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

/* n companies in a chain, company 0 linked to every tenth */
static KgTriples *big_graph(size_t n) {
  KgTriples *t = kg_triples_new();
  char s[128], o[128], name[64];
  for (size_t i = 0; i < n; i++) {
    snprintf(s, sizeof s, ID "org/c%05zu", i);
    snprintf(name, sizeof name, "Company %zu", i);
    ck_assert_int_eq(kg_triples_add_iri(t, s, RDF_TYPE, KGNS "Company"), KG_SUCCESS);
    ck_assert_int_eq(kg_triples_add_literal(t, s, RDFS_LABEL, name, NULL, "en"), KG_SUCCESS);
    if (i > 0) {
      snprintf(o, sizeof o, ID "org/c%05zu", i - 1);
      ck_assert_int_eq(kg_triples_add_iri(t, s, KGNS "investsIn", o), KG_SUCCESS);
    }
    if (i % 10 == 5) {
      snprintf(o, sizeof o, ID "org/c%05zu", (size_t)0);
      ck_assert_int_eq(kg_triples_add_iri(t, o, KGNS "partnerOf", s), KG_SUCCESS);
    }
  }
  return t;
}

START_TEST(test_max_nodes) {
  KgTriples *t = big_graph(50);
  Collect c = {{0}, ""};
  size_t len;
  char *svg = draw(t, KG_DRAW_SVG, NULL, NULL, 10, NULL, &len, &c);
  Texts x = svg_texts(svg, len);
  ck_assert_uint_eq(count(svg, "class=\"node\""), 11); /* 10 and the legend */
  ASSERT_TEXT(x, "10 of 50 entities shown: the 40 least connected were left out (--max-nodes)");
  ASSERT_TEXT(x, "Company 0"); /* the hub is kept */
  ck_assert_int_eq(c.n[KG_LOG_INFO], 1);
  ck_assert_ptr_nonnull(strstr(c.text, "left 40 out"));
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

/* 5,000 entities: dot would take hours, so sfdp is used, with a warning; the result is a
 * valid picture of every entity. */
START_TEST(test_five_thousand_entities) {
  KgTriples *t = big_graph(5000);
  Collect c = {{0}, ""};
  size_t len;
  char *dot = draw(t, KG_DRAW_DOT, NULL, NULL, 0, NULL, &len, &c);
  ck_assert_int_eq(c.n[KG_LOG_WARNING], 1);
  ck_assert_ptr_nonnull(strstr(c.text, "5000 entities are too many for the dot layout"));
  Agraph_t *g = agmemread(dot);
  ck_assert_ptr_nonnull(g);
  ck_assert_int_eq(agnnodes(g), 5001);
  ck_assert_str_eq(agget(g, (char *)"layout"), "sfdp");
  ck_assert_str_eq(agget(g, (char *)"splines"), "false");
  agclose(g);
  kg_free(dot);
#if defined(__SANITIZE_ADDRESS__)
  /* slow unwinding on every Graphviz allocation makes the full layout take many
   * minutes: the model still sees all 5,000, sfdp lays out the best-connected 1,000 */
  size_t shown = 1000;
#else
  size_t shown = 0;
#endif
  char *svg = draw(t, KG_DRAW_SVG, NULL, NULL, shown, NULL, &len, &c);
  Texts x = svg_texts(svg, len);
  ASSERT_TEXT(x, shown ? "Company 0" : "Company 4999");
  ck_assert_uint_eq(count(svg, "class=\"node\""), (shown ? shown : 5000) + 1);
  texts_free(&x);
  kg_free(svg);
  kg_triples_free(t);
}
END_TEST

/* ---- errors --------------------------------------------------------------------------- */

START_TEST(test_unknown_layout) {
  KgTriples *t = load("seed.ttl");
  Collect c = {{0}, ""};
  KgLog log = {collect, &c};
  KgDrawOptions o = {KG_DRAW_PNG, "twopi-ish", NULL, 0, NULL};
  char *data = (char *)"untouched";
  size_t len = 7;
  ck_assert_int_eq(kg_draw_memory(t, &o, "g.png", &data, &len, &log), KG_ERR_DRAW);
  ck_assert_ptr_null(data);
  ck_assert_int_eq(c.n[KG_LOG_ERROR], 1);
  ck_assert_int_eq(c.n[KG_LOG_WARNING], 0);
  ck_assert_ptr_nonnull(strstr(c.text, "unknown layout 'twopi-ish' (valid: dot, neato, fdp, sfdp, circo)"));
  ck_assert_ptr_nonnull(strstr(c.text, "|g.png|"));
  o.layout = NULL;
  o.format = (KgDrawFormat)42;
  ck_assert_int_eq(kg_draw_memory(t, &o, "g.png", &data, &len, &log), KG_ERR_DRAW);
  ck_assert_int_eq(c.n[KG_LOG_ERROR], 2);
  kg_triples_free(t);
}
END_TEST

static int dir_has_prefix(const char *dir, const char *prefix) {
  DIR *d = opendir(dir);
  struct dirent *e;
  int found = 0;
  while (d && (e = readdir(d)))
    found |= strncmp(e->d_name, prefix, strlen(prefix)) == 0;
  if (d)
    closedir(d);
  return found;
}

START_TEST(test_draw_file) {
  KgTriples *t = load("seed.ttl");
  char dir[] = "/tmp/kgdrawXXXXXX", path[256];
  ck_assert_ptr_nonnull(mkdtemp(dir));
  snprintf(path, sizeof path, "%s/graph.svg", dir);
  Collect c = {{0}, ""};
  KgLog log = {collect, &c};
  KgDrawOptions o = {KG_DRAW_SVG, NULL, NULL, 0, NULL};
  ck_assert_int_eq(kg_draw_file(t, &o, path, &log), KG_SUCCESS);
  xmlDocPtr doc = xmlReadFile(path, NULL, XML_PARSE_NONET);
  ck_assert_ptr_nonnull(doc);
  xmlFreeDoc(doc);
  ck_assert(!dir_has_prefix(dir, "graph.svg."));
  /* an unwritable place: one error line, KG_ERR_IO, nothing left behind */
  snprintf(path, sizeof path, "%s/no/such/dir/graph.png", dir);
  o.format = KG_DRAW_PNG;
  ck_assert_int_eq(kg_draw_file(t, &o, path, &log), KG_ERR_IO);
  ck_assert_int_eq(c.n[KG_LOG_ERROR], 1);
  ck_assert_ptr_nonnull(strstr(c.text, "no/such/dir/graph.png|cannot create"));
  /* a failed drawing leaves an existing file as it was */
  snprintf(path, sizeof path, "%s/keep.png", dir);
  FILE *fp = fopen(path, "w");
  fputs("keep", fp);
  fclose(fp);
  o.layout = "nope";
  ck_assert_int_eq(kg_draw_file(t, &o, path, &log), KG_ERR_DRAW);
  char buf[16] = "";
  fp = fopen(path, "r");
  ck_assert_ptr_nonnull(fgets(buf, sizeof buf, fp));
  fclose(fp);
  ck_assert_str_eq(buf, "keep");
  unlink(path);
  snprintf(path, sizeof path, "%s/graph.svg", dir);
  unlink(path);
  ck_assert_int_eq(rmdir(dir), 0);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_bad_arguments) {
  KgTriples *t = kg_triples_new();
  char *data = NULL;
  size_t len = 0;
  ck_assert_int_eq(kg_draw_memory(NULL, NULL, NULL, &data, &len, NULL), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_draw_memory(t, NULL, NULL, NULL, &len, NULL), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_draw_file(t, NULL, NULL, NULL), KG_ERR_BAD_ARG);
  kgi_draw_model_free(NULL);
  kg_triples_free(t);
}
END_TEST

/* Allocation N fails, for every N until the call succeeds: KG_ERR_NOMEM, no leak (the
 * sanitizer build checks), and then the same DOT as without failures. */
static long kg_alloc_left;
static void *fail_malloc(size_t n) { return kg_alloc_left-- > 0 ? malloc(n) : NULL; }
static void *fail_realloc(void *p, size_t n) { return kg_alloc_left-- > 0 ? realloc(p, n) : NULL; }

START_TEST(test_out_of_memory) {
  KgTriples *t = load("seed.ttl");
  KgDrawOptions o = {KG_DRAW_DOT, NULL, NULL, 3, KG_DRAW_TESTDATA "/labels.ttl"};
  char *want = NULL, *got = NULL;
  size_t wlen, glen;
  ck_assert_int_eq(kg_draw_memory(t, &o, NULL, &want, &wlen, NULL), KG_SUCCESS);
  KgAllocator a = {fail_malloc, fail_realloc, free};
  KgStatus st = KG_ERR_NOMEM;
  long n;
  for (n = 0; n < 100000 && st != KG_SUCCESS; n++) {
    kg_alloc_left = n;
    kg_set_allocator(&a);
    st = kg_draw_memory(t, &o, NULL, &got, &glen, NULL);
    kg_set_allocator(NULL);
    if (st != KG_SUCCESS) {
      ck_assert_ptr_null(got);
      /* the ontology reader may call a failed allocation an RDF error */
      ck_assert_msg(st == KG_ERR_NOMEM, "allocation %ld: %s", n, kg_strerror(st));
    }
  }
  ck_assert_int_eq(st, KG_SUCCESS);
  ck_assert_uint_gt(n, 10);
  ck_assert_str_eq(got, want);
  kg_free(got);
  kg_free(want);
  kg_triples_free(t);
}
END_TEST

static Suite *kg_draw_suite(void) {
  Suite *s = suite_create("draw");
  TCase *tc = tcase_create("model");
  tcase_add_test(tc, test_format_and_layout_names);
  tcase_add_test(tc, test_money);
  tcase_add_test(tc, test_html_escape);
  tcase_add_test(tc, test_edge_styles);
  tcase_add_test(tc, test_dot_is_deterministic);
  tcase_add_test(tc, test_neato_merges_parallel_edges);
  tcase_add_test(tc, test_bad_arguments);
  tcase_add_test(tc, test_out_of_memory);
  suite_add_tcase(s, tc);
  tc = tcase_create("pictures");
  tcase_set_timeout(tc, 240); /* 5,000 entities under the sanitizers */
  tcase_add_test(tc, test_seed_svg_shows_labels_and_qualifiers);
  tcase_add_test(tc, test_label_language_option);
  tcase_add_test(tc, test_missing_ontology_is_a_warning);
  tcase_add_test(tc, test_generic_rdf);
  tcase_add_test(tc, test_hostile_labels);
  tcase_add_test(tc, test_png_header);
  tcase_add_test(tc, test_pdf_header);
  tcase_add_test(tc, test_empty_graph);
  tcase_add_test(tc, test_literals_only);
  tcase_add_test(tc, test_max_nodes);
  tcase_add_test(tc, test_five_thousand_entities);
  tcase_add_test(tc, test_unknown_layout);
  tcase_add_test(tc, test_draw_file);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_draw_suite)
