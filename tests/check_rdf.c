/* check_rdf.c - every format written (by Raptor's serializers) and read back, hostile
 * literals included, checked by rapper and the strict N3.js validator; deterministic;
 * one document over several writes; write errors reported; decimals that keep their
 * type in Turtle; RDF/JSON that is JSON; what Raptor's Turtle writer cannot write
 * written as N-Triples; and the reader's errors and guesses. */
#include "config.h"

#include <kgbuild/graph.h>
#include <kgbuild/rdf.h>

#include <errno.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_tap.h"

#define EX "https://example.org/"
#define XSD KG_NS_XSD

static const KgFormat all_formats[] = {KG_FORMAT_TURTLE, KG_FORMAT_NTRIPLES, KG_FORMAT_NQUADS,
                                       KG_FORMAT_RDFXML, KG_FORMAT_JSON};
#define NFORMATS (sizeof all_formats / sizeof all_formats[0])

/* ---------------------------------------------------------------- diagnostics sink */

typedef struct {
  int errors, warnings;
  char last_source[512];
  char last_message[1024];
  KgStatus last_status;
} Sink;

static void sink_fn(void *user, const KgDiag *d) {
  Sink *s = user;
  if (d->level == KG_LOG_ERROR)
    s->errors++;
  else if (d->level == KG_LOG_WARNING)
    s->warnings++;
  snprintf(s->last_source, sizeof s->last_source, "%s", d->source ? d->source : "");
  snprintf(s->last_message, sizeof s->last_message, "%s", d->message);
  if (d->level == KG_LOG_ERROR)
    s->last_status = d->status;
}

/* ---------------------------------------------------------------- helpers */

static char *write_to_memory(const KgTriples *t, KgFormat f, KgStatus *st, size_t *len) {
  char *buf = NULL;
  size_t n = 0;
  FILE *mf = open_memstream(&buf, &n);
  ck_assert_ptr_nonnull(mf);
  *st = kg_rdf_write(mf, f, KG_DEFAULT_BASE, t, NULL);
  fclose(mf);
  if (len)
    *len = n;
  return buf;
}

/* Literal values that have broken RDF writers and parsers. */
static const char *const hostile[] = {
    "plain",
    "",
    "quote \" inside",
    "ends with a quote\"",
    "\"\"\"triple quotes\"\"\" and \"\"",
    "back\\slash \\n not a newline \\u0041 \\",
    "angle <brackets> & ampersand &amp; ]]> cdata end",
    "new\nline and\r\ncrlf",
    "ends with crlf\r\n",
    "multi\nline ending in a quote\"",
    "\"",
    "tab\there",
    "trailing newline\n",
    "  leading and trailing spaces  ",
    "replacement \xEF\xBF\xBD char",
    "emoji \xF0\x9F\x9A\x80\xF0\x9F\x98\x80 and flag \xF0\x9F\x87\xAB\xF0\x9F\x87\xB7",
    "\xF0\x9F\x9A\x80",
    "max \xF4\x8F\xBF\xBF and U+10000 \xF0\x90\x80\x80",
    "not escapes: \\U0001F680 \\\\U0001F680 \\u0041 \\U",
    "RTL \xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D \xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7 \xE2\x80\x8F mark",
    "CJK \xE8\x85\xBE\xE8\xAE\xAF",
    "line separator \xE2\x80\xA8 paragraph separator \xE2\x80\xA9 bom \xEF\xBB\xBF",
    "apostrophe ' and ''' three",
    "#not a comment . ; , @prefix",
};

/* Inputs whose bytes are not valid in RDF: written as U+FFFD. */
static const char *const dirty_in[] = {"ctl \x01\x02\x1f end", "bad \xff\xfe utf8", "vt \x0b ff \x0c",
                                       "nonchar \xEF\xBF\xBE", "del \x7F nel \xC2\x85",
                                       "lone\rcr", "cr at the end\r", "mixed\r\r\n"};
/* ... and a CR without LF, which Raptor's Turtle writer would write raw between single
 * quotes, where no Turtle parser accepts it, becomes LF */
static const char *const dirty_out[] = {
    "ctl \xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD end", "bad \xEF\xBF\xBD\xEF\xBF\xBD utf8",
    "vt \xEF\xBF\xBD ff \xEF\xBF\xBD", "nonchar \xEF\xBF\xBD", "del \xEF\xBF\xBD nel \xEF\xBF\xBD",
    "lone\ncr", "cr at the end\n", "mixed\n\r\n"};

static const struct {
  const char *value, *dt;
} typed[] = {{"1.0", XSD "decimal"},     {"10000000000.0", XSD "decimal"}, {"1.5", XSD "decimal"},
             {"-0.25", XSD "decimal"},   {"221000", XSD "integer"},      {"-3", XSD "integer"},
             {"true", XSD "boolean"},    {"false", XSD "boolean"},       {"2015", XSD "gYear"},
             {"2023-01", XSD "gYearMonth"}, {"2023-01-23", XSD "date"},  {"x y", XSD "anyURI"},
             {"1e3", XSD "double"},      {"-1.5E-2", XSD "double"},      {"7", EX "myType"}};

/* The triples every round trip uses; @p clean gives what must come back. */
static KgTriples *sample(int clean) {
  KgTriples *t = kg_triples_new();
  char s[64];
  for (size_t i = 0; i < sizeof hostile / sizeof hostile[0]; i++) {
    snprintf(s, sizeof s, EX "h%zu", i);
    ck_assert_int_eq(kg_triples_add_literal(t, s, EX "plain", hostile[i], NULL, NULL), KG_SUCCESS);
    ck_assert_int_eq(kg_triples_add_literal(t, s, EX "fr", hostile[i], NULL, "fr"), KG_SUCCESS);
  }
  for (size_t i = 0; i < sizeof dirty_in / sizeof dirty_in[0]; i++) {
    snprintf(s, sizeof s, EX "d%zu", i);
    kg_triples_add_literal(t, s, EX "plain", clean ? dirty_out[i] : dirty_in[i], NULL, "en-gb");
  }
  for (size_t i = 0; i < sizeof typed / sizeof typed[0]; i++) {
    snprintf(s, sizeof s, EX "t%zu", i);
    kg_triples_add_literal(t, s, EX "typed", typed[i].value, typed[i].dt, NULL);
  }
  /* IRIs: prefixed names where possible, full ones where the local part forbids it */
  kg_triples_add_iri(t, KG_DEFAULT_BASE "org/microsoft", KG_NS_RDF "type", KG_NS "Company");
  kg_triples_add_iri(t, KG_DEFAULT_BASE "org/3m", KG_NS "partnerOf", KG_DEFAULT_BASE "org/microsoft");
  kg_triples_add_iri(t, KG_DEFAULT_BASE "stmt/0123456789abcdef", KG_NS_RDF "subject",
                     KG_DEFAULT_BASE "org/3m");
  kg_triples_add_iri(t, KG_DEFAULT_BASE "org/microsoft", KG_NS_OWL "sameAs", KG_NS_WD "Q2283");
  kg_triples_add_iri(t, EX "caf\xC3\xA9/%41?q=1&r=2#frag", EX "p.dot", EX "o-");
  kg_triples_add_iri(t, "urn:isbn:123", EX "p_", "urn:x:y");
  kg_triples_add_iri(t, EX "rocket/\xF0\x9F\x9A\x80", EX "p\xC3\xA9", EX "rtl/\xD7\xA9\xD7\x9C");
  kg_triples_add_iri(t, KG_DEFAULT_BASE "org/caf\xC3\xA9", KG_NS "a.b", KG_NS "dotted.name");
  return t;
}

static void set_graph_all(KgTriples *t, const char *g) { ck_assert_int_eq(kg_triples_set_graph(t, g), KG_SUCCESS); }

/* Two lists hold the same triples (ignoring order and duplicates). */
static void assert_same_set(KgTriples *a, KgTriples *b, int with_graph, const char *what) {
  ck_assert_int_eq(kg_triples_sort_unique(a), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_sort_unique(b), KG_SUCCESS);
  size_t na = kg_triples_count(a), nb = kg_triples_count(b);
  for (size_t i = 0; i < na && i < nb; i++) {
    const KgTriple *x = kg_triples_get(a, i), *y = kg_triples_get(b, i);
    int same = kg_term_equal(&x->s, &y->s) && kg_term_equal(&x->p, &y->p) &&
               kg_term_equal(&x->o, &y->o) && (!with_graph || (x->g && y->g && !strcmp(x->g, y->g)));
    ck_assert_msg(same, "%s: triple %zu differs: <%s> <%s> \"%s\" (%s, %s) vs <%s> <%s> \"%s\" (%s, %s)",
                  what, i, x->s.value, x->p.value, x->o.value, x->o.datatype ? x->o.datatype : "-",
                  x->o.lang ? x->o.lang : "-", y->s.value, y->p.value, y->o.value,
                  y->o.datatype ? y->o.datatype : "-", y->o.lang ? y->o.lang : "-");
  }
  ck_assert_msg(na == nb, "%s: %zu triples written, %zu read back", what, na, nb);
}

static const char *top_srcdir(void) {
  const char *s = getenv("top_srcdir");
  return s && *s ? s : KG_SRCDATADIR "/..";
}

static const char *top_builddir(void) {
  const char *s = getenv("top_builddir");
  return s && *s ? s : KG_ABS_BUILDDIR;
}

static int is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

/* The folder holding node_modules/n3, found as tests/lib.sh finds it. */
static int n3_modules(char *out, size_t n) {
  const char *home = getenv("HOME");
  char cand[4][1024];
  snprintf(cand[0], sizeof cand[0], "%s", getenv("RDF_VALIDATOR_MODULES") ? getenv("RDF_VALIDATOR_MODULES") : "");
  snprintf(cand[1], sizeof cand[1], "%s/tests/node", top_builddir());
  snprintf(cand[2], sizeof cand[2], "%s/tests/node", top_srcdir());
  snprintf(cand[3], sizeof cand[3], "%s/.cache/kgbuild/node", home ? home : "/root");
  for (int i = 0; i < 4; i++) {
    char p[4200];
    snprintf(p, sizeof p, "%s/node_modules/n3", cand[i]);
    if (cand[i][0] && is_dir(p)) {
      snprintf(out, n, "%s", cand[i]);
      return 1;
    }
  }
  return 0;
}

static const char *tool(const char *env, const char *fallback) {
  const char *s = getenv(env);
  return s && *s ? s : fallback;
}

static char tmpdir[256];

static void make_tmpdir(void) {
  snprintf(tmpdir, sizeof tmpdir, "%s/kgrdf.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(tmpdir));
}

static void remove_tmpdir(void) {
  char cmd[512];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  ck_assert_int_eq(system(cmd), 0);
}

/* Runs an independent parser on @p path; fails the test when it rejects it or when the
 * tool is missing (an unchecked output is no passing test). */
static void validate_externally(const char *path, KgFormat f) {
  static const char *rapper_syntax[] = {"turtle", "ntriples", "nquads", "rdfxml", "json"};
  char cmd[16384];
  const char *rapper = tool("RAPPER", "rapper"), *node = tool("NODE", "node");
  snprintf(cmd, sizeof cmd, "'%s' -q -c -i %s '%s' https://example.org/base/ >/dev/null 2>&1", rapper,
           rapper_syntax[f], path);
  ck_assert_msg(system(cmd) == 0, "rapper rejects %s (or is not installed): %s", path, cmd);
  if (f == KG_FORMAT_RDFXML) {
    snprintf(cmd, sizeof cmd, "xmllint --noout '%s' >/dev/null 2>&1 || ! command -v xmllint >/dev/null", path);
    ck_assert_msg(system(cmd) == 0, "xmllint rejects %s", path);
    return;
  }
  if (f == KG_FORMAT_JSON) {
    snprintf(cmd, sizeof cmd,
             "'%s' -e 'JSON.parse(require(\"fs\").readFileSync(process.argv[1],\"utf8\"))' '%s' >/dev/null 2>&1",
             node, path);
    ck_assert_msg(system(cmd) == 0, "node cannot JSON.parse %s", path);
    return;
  }
  char mods[4200];
  ck_assert_msg(n3_modules(mods, sizeof mods),
                "the n3 npm package is missing: npm install --prefix %s/tests/node n3@1", top_srcdir());
  snprintf(cmd, sizeof cmd, "'%s' '%s/tests/validate-rdf.mjs' --quiet --modules '%s' --format %s '%s'", node,
           top_srcdir(), mods, kg_format_name(f), path);
  ck_assert_msg(system(cmd) == 0, "N3.js rejects %s: %s", path, cmd);
}

/* ---------------------------------------------------------------- tests */

START_TEST(test_format_names) {
  static const struct {
    const char *name;
    KgFormat f;
  } names[] = {{"turtle", KG_FORMAT_TURTLE}, {"ttl", KG_FORMAT_TURTLE},   {"ntriples", KG_FORMAT_NTRIPLES},
               {"nt", KG_FORMAT_NTRIPLES},   {"nquads", KG_FORMAT_NQUADS}, {"nq", KG_FORMAT_NQUADS},
               {"rdfxml", KG_FORMAT_RDFXML}, {"xml", KG_FORMAT_RDFXML},    {"json", KG_FORMAT_JSON}};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++) {
    KgFormat f;
    ck_assert_int_eq(kg_format_from_name(names[i].name, &f), 0);
    ck_assert_int_eq(f, names[i].f);
  }
  for (size_t i = 0; i < NFORMATS; i++) {
    KgFormat f;
    ck_assert_int_eq(kg_format_from_name(kg_format_name(all_formats[i]), &f), 0);
    ck_assert_int_eq(f, all_formats[i]);
  }
  ck_assert_int_eq(kg_format_from_name("jsonld", NULL), -1);
  ck_assert_int_eq(kg_format_from_name("TURTLE", NULL), -1);
  ck_assert_int_eq(kg_format_from_name(NULL, NULL), -1);
}
END_TEST

START_TEST(test_round_trip_every_format) {
  for (size_t k = 0; k < NFORMATS; k++) {
    KgFormat f = all_formats[k];
    KgTriples *t = sample(0), *want = sample(1);
    if (f == KG_FORMAT_NQUADS) {
      set_graph_all(t, EX "graph/1");
      set_graph_all(want, EX "graph/1");
    }
    KgStatus st;
    size_t len;
    char *doc = write_to_memory(t, f, &st, &len);
    ck_assert_msg(st == KG_SUCCESS, "%s: write failed: %s", kg_format_name(f), kg_strerror(st));
    KgTriples *back = kg_triples_new();
    Sink sink = {0};
    KgLog log = {sink_fn, &sink};
    st = kg_rdf_read_bytes(doc, len, "doc", kg_format_name(f), NULL, back, &log);
    ck_assert_msg(st == KG_SUCCESS, "%s: cannot read back: %s (%s)\n%s", kg_format_name(f),
                  kg_strerror(st), sink.last_message, doc);
    assert_same_set(want, back, f == KG_FORMAT_NQUADS, kg_format_name(f));
    free(doc);
    kg_triples_free(t);
    kg_triples_free(want);
    kg_triples_free(back);
  }
}
END_TEST

START_TEST(test_graph_output_is_valid_everywhere) {
  /* a real graph with hostile names and evidence, in every format, through rapper and
   * N3.js */
  const char *text = "Évil \"Corp\" <inc> \\ investit\n10 milliards 🚀 dans שלום.";
  KgArticle *a = kg_article_new("dir/with space/ar\"ticle.txt", text, strlen(text));
  kg_article_set_meta(a, KG_META_LANGUAGE, "fr");
  kg_article_set_meta(a, KG_META_TITLE, "Titre \"cité\"\t<b>\x01");
  kg_article_set_meta(a, KG_META_PUBLISHER, "Boursier.com");
  kg_article_set_meta(a, KG_META_URL, "https://example.org/a b?c=<d>");
  kg_article_set_meta(a, KG_META_DATE_PUBLISHED, "2023-01-23");
  KgGraph *g = kg_graph_new(NULL);
  ck_assert_int_eq(kg_graph_set_article(g, a), KG_SUCCESS);
  KgEntityId x = KG_NO_ENTITY, y = KG_NO_ENTITY, z = KG_NO_ENTITY;
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_COMPANY, "Évil \"Corp\" <inc> \\", NULL, NULL, &x), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_COMPANY, "שלום 🚀", NULL, NULL, &y), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_PERSON, "\xE8\x85\xBE\xE8\xAE\xAF\n\x01", NULL, "zh", &z), KG_SUCCESS);
  kg_graph_entity_add_alias(g, x, "alias with \"\"\" quotes\r\n");
  KgFact f;
  kg_fact_init(&f);
  f.relation = KG_REL_INVESTS_IN;
  f.subject = x;
  f.object = y;
  f.amount = "10000000000";
  f.currency = "EUR";
  f.percentage = "1";
  f.confidence = 1;
  f.exclusive = 1;
  f.point_in_time = "2023-01";
  f.status = KG_FACT_STATUS_ANNOUNCED;
  f.evidence = text;
  f.condition = "si \"tout\" va\\bien\n";
  f.evidence_start = 0;
  f.evidence_end = 57;
  f.extractor = "rules:fr:<x>";
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  kg_fact_init(&f);
  f.relation = KG_REL_CEO;
  f.subject = x;
  f.object = z;
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  KgTriples *t = NULL;
  ck_assert_int_eq(kg_graph_to_triples(g, 1, &t), KG_SUCCESS);

  make_tmpdir();
  for (size_t k = 0; k < NFORMATS; k++) {
    static const char *ext[] = {"ttl", "nt", "nq", "rdf", "json"};
    char path[512];
    snprintf(path, sizeof path, "%s/out.%s", tmpdir, ext[all_formats[k]]);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(kg_rdf_write(fp, all_formats[k], KG_DEFAULT_BASE, t, NULL), KG_SUCCESS);
    ck_assert_int_eq(fclose(fp), 0);
    validate_externally(path, all_formats[k]);
    /* and our reader gets the very same triples (by extension) */
    KgTriples *back = kg_triples_new(), *want = kg_triples_new();
    ck_assert_int_eq(kg_rdf_read_file(path, NULL, back, NULL), KG_SUCCESS);
    ck_assert_int_eq(kg_triples_append(want, t), KG_SUCCESS);
    if (all_formats[k] != KG_FORMAT_NQUADS)
      set_graph_all(want, NULL);
    assert_same_set(want, back, all_formats[k] == KG_FORMAT_NQUADS, kg_format_name(all_formats[k]));
    kg_triples_free(back);
    kg_triples_free(want);
  }
  /* the sample with its typed literals and odd IRIs too */
  KgTriples *s = sample(0);
  set_graph_all(s, EX "g");
  for (size_t k = 0; k < NFORMATS; k++) {
    char path[512];
    snprintf(path, sizeof path, "%s/sample.%zu", tmpdir, k);
    FILE *fp = fopen(path, "w");
    ck_assert_int_eq(kg_rdf_write(fp, all_formats[k], KG_DEFAULT_BASE, s, NULL), KG_SUCCESS);
    fclose(fp);
    validate_externally(path, all_formats[k]);
  }
  remove_tmpdir();
  kg_triples_free(s);
  kg_triples_free(t);
  kg_graph_free(g);
  kg_article_free(a);
}
END_TEST

START_TEST(test_turtle_reads_well) {
  KgTriples *t = sample(0);
  Sink sink = {0};
  KgLog log = {sink_fn, &sink};
  char *doc = NULL;
  size_t len = 0;
  FILE *mf = open_memstream(&doc, &len);
  ck_assert_int_eq(kg_rdf_write(mf, KG_FORMAT_TURTLE, KG_DEFAULT_BASE, t, &log), KG_SUCCESS);
  fclose(mf);
  ck_assert_msg(sink.warnings == 0, "Turtle fell back to N-Triples: %s", sink.last_message);
  /* prefixes declared, prefixed names used where the local part allows */
  static const char *prefixes[] = {"kg", "rdf", "rdfs", "owl", "xsd", "skos", "schema", "prov",
                                   "dcterms", "wd", "wdt", "org", "kgid", "kgorg", "kgperson",
                                   "kgproduct", "kgplace", "kgarticle", "kgstmt"};
  for (size_t i = 0; i < sizeof prefixes / sizeof prefixes[0]; i++) {
    char want[64];
    snprintf(want, sizeof want, "@prefix %s: <", prefixes[i]);
    ck_assert_msg(strstr(doc, want) != NULL, "no prefix %s", prefixes[i]);
  }
  ck_assert_ptr_nonnull(strstr(doc, "\nkgorg:microsoft\n    a kg:Company ;"));
  ck_assert_ptr_nonnull(strstr(doc, "owl:sameAs wd:Q2283"));
  ck_assert_ptr_nonnull(strstr(doc, "kg:a.b <" KG_NS "dotted.name>"));
  /* a canonical decimal is written bare, with its point: it reads back as a decimal */
  ck_assert_ptr_nonnull(strstr(doc, "> 10000000000.0 .\n"));
  ck_assert_ptr_null(strstr(doc, " 10000000000 "));
  ck_assert_ptr_nonnull(strstr(doc, "> 1.0 .\n"));
  free(doc);
  kg_triples_free(t);
}
END_TEST

/* The literal of the first triple of @p t with predicate @p p, or NULL. */
static const KgTerm *object_of(const KgTriples *t, const char *p) {
  for (size_t i = 0; i < kg_triples_count(t); i++)
    if (strcmp(kg_triples_get(t, i)->p.value, p) == 0)
      return &kg_triples_get(t, i)->o;
  return NULL;
}

/* Decimals from the graph read back from Turtle as the decimals they are. */
static void check_graph_decimals_in_turtle(void) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId a = KG_NO_ENTITY, b = KG_NO_ENTITY;
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_COMPANY, "Microsoft", NULL, "en", &a), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_COMPANY, "OpenAI", NULL, "en", &b), KG_SUCCESS);
  KgFact f;
  kg_fact_init(&f);
  f.relation = KG_REL_INVESTS_IN;
  f.subject = a;
  f.object = b;
  f.amount = "10000000000";
  f.currency = "USD";
  f.percentage = "49";
  f.confidence = 0.85;
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  KgTriples *t = NULL;
  ck_assert_int_eq(kg_graph_to_triples(g, 1, &t), KG_SUCCESS);
  KgStatus st;
  size_t len;
  char *doc = write_to_memory(t, KG_FORMAT_TURTLE, &st, &len);
  ck_assert_int_eq(st, KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(doc, "kg:amount 10000000000.0 "));
  ck_assert_ptr_nonnull(strstr(doc, "kg:percentage 49.0 "));
  ck_assert_ptr_nonnull(strstr(doc, "kg:confidence 0.85 "));
  KgTriples *back = kg_triples_new();
  ck_assert_int_eq(kg_rdf_read_bytes(doc, len, "doc", "turtle", NULL, back, NULL), KG_SUCCESS);
  static const struct {
    const char *p, *v;
  } want[] = {{KG_NS "amount", "10000000000.0"}, {KG_NS "percentage", "49.0"}, {KG_NS "confidence", "0.85"}};
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++) {
    const KgTerm *o = object_of(back, want[i].p);
    ck_assert_ptr_nonnull(o);
    ck_assert_str_eq(o->value, want[i].v);
    ck_assert_msg(o->datatype && strcmp(o->datatype, XSD "decimal") == 0, "%s read back as %s", want[i].p,
                  o->datatype ? o->datatype : "a plain literal");
  }
  free(doc);
  kg_triples_free(back);
  kg_triples_free(t);
  kg_graph_free(g);
}

START_TEST(test_turtle_decimals_keep_their_type) {
  check_graph_decimals_in_turtle();
  /* Raptor reads numbers with strtod(): a comma locale must not change the output */
  static const char *comma[] = {"fr_FR.UTF-8", "fr_FR.utf8", "de_DE.UTF-8", "de_DE.utf8", "fr_FR", "de_DE"};
  for (size_t i = 0; i < sizeof comma / sizeof comma[0]; i++)
    if (setlocale(LC_NUMERIC, comma[i]) && strcmp(localeconv()->decimal_point, ",") == 0) {
      check_graph_decimals_in_turtle();
      break;
    }
  setlocale(LC_NUMERIC, "C");
}
END_TEST

/* 1 when @p doc has a \U escape of Raptor's, which JSON does not have. */
static int has_json_big_u(const char *doc) {
  for (const char *p = doc; *p; p++)
    if (*p == '\\') {
      if (p[1] == 'U')
        return 1;
      if (p[1])
        p++; /* the escaped character, a backslash included */
    }
  return 0;
}

START_TEST(test_json_is_json) {
  KgTriples *t = sample(0);
  KgStatus st;
  size_t len;
  char *doc = write_to_memory(t, KG_FORMAT_JSON, &st, &len);
  ck_assert_int_eq(st, KG_SUCCESS);
  ck_assert_msg(!has_json_big_u(doc), "a \\U escape in RDF/JSON:\n%s", doc);
  /* U+1F680 as a surrogate pair, in keys and values; U+10FFFF and U+10000 too */
  ck_assert_ptr_nonnull(strstr(doc, "\"https://example.org/rocket/\\uD83D\\uDE80\" :"));
  ck_assert_ptr_nonnull(strstr(doc, "\"\\uD83D\\uDE80\""));
  ck_assert_ptr_nonnull(strstr(doc, "max \\uDBFF\\uDFFF and U+10000 \\uD800\\uDC00"));
  /* an escaped backslash before a U is text, not an escape to rewrite */
  ck_assert_ptr_nonnull(strstr(doc, "not escapes: \\\\U0001F680 \\\\\\\\U0001F680 \\\\u0041 \\\\U\""));
  free(doc);
  kg_triples_free(t);
}
END_TEST

static const char *const XSD_DEC = XSD "decimal";

/* Triples Raptor's Turtle writer cannot write faithfully; ill-typed ones fail N3.js's
 * lexical checks on purpose and go through rapper and our reader only. */
static KgTriples *turtle_flaw(int i, int *ill_typed) {
  KgTriples *t = kg_triples_new();
  *ill_typed = 0;
  kg_triples_add_iri(t, KG_DEFAULT_BASE "org/x", KG_NS_RDF "type", KG_NS "Company");
  switch (i) {
  case 0: kg_triples_add_literal(t, EX "s", EX "p", "10000000000", XSD_DEC, NULL); break; /* bare: an integer */
  case 1: kg_triples_add_literal(t, EX "s", EX "p", "1.5", XSD "double", NULL); break;    /* bare: a decimal */
  case 2: kg_triples_add_literal(t, EX "s", EX "p", "10", XSD "double", NULL); break;
  case 3: kg_triples_add_literal(t, EX "s", EX "p", "INF", XSD "double", NULL); break;    /* bare: no Turtle */
  case 4: kg_triples_add_literal(t, EX "s", EX "p", "NaN", XSD "double", NULL); break;
  case 5: kg_triples_add_literal(t, EX "s", EX "p", "1", XSD "boolean", NULL); break;     /* written "true" */
  case 6: kg_triples_add_literal(t, EX "s", EX "p", "5.", XSD_DEC, NULL); break;          /* bare: 5 then . */
  case 7: kg_triples_add_iri(t, EX "s", KG_NS "ends.", EX "o"); break;                   /* kg:ends. */
  case 8: kg_triples_add_iri(t, EX "s", KG_NS_RDF "ends.", EX "o"); break;
  case 9: kg_triples_add_literal(t, EX "s", EX "p", "v", KG_NS "type.", NULL); break;
  case 10: kg_triples_add_literal(t, EX "s", EX "p", "1e3", XSD_DEC, NULL); *ill_typed = 1; break;
  case 11: kg_triples_add_literal(t, EX "s", EX "p", "abc", XSD "integer", NULL); *ill_typed = 1; break;
  case 12: kg_triples_add_literal(t, EX "s", EX "p", " 7", XSD "integer", NULL); *ill_typed = 1; break;
  case 13: kg_triples_add_literal(t, EX "s", EX "p", "0x1p3", XSD "double", NULL); *ill_typed = 1; break;
  default: {
    /* blank nodes: a cycle nothing leads to; lists that are no lists */
    static const char *const shapes[] = {
        "_:a <" EX "p> _:a .",
        "_:a <" EX "p> _:b . _:b <" EX "p> _:a .",
        "<" EX "s> <" EX "p> _:l . _:l <" KG_NS_RDF "first> <" EX "x> ; <" KG_NS_RDF "rest> <" KG_NS_RDF
        "nil> ; <https://example.org/extra> \"z\" .",
        "<" EX "s> <" EX "p> _:l . <" EX "t> <" EX "p> _:l . _:l <" KG_NS_RDF "first> <" EX "x> ; <" KG_NS_RDF
        "rest> <" KG_NS_RDF "nil> .",
        "_:l <" KG_NS_RDF "first> <" EX "x> ; <" KG_NS_RDF "rest> <" KG_NS_RDF "nil> .",
        "<" EX "s> <" EX "p> _:l . _:l <" KG_NS_RDF "first> <" EX "x> ; <" KG_NS_RDF "rest> _:l .",
        "_:l <" KG_NS_RDF "first> <" EX "x> ; <" KG_NS_RDF "rest> _:m . _:m <" KG_NS_RDF "first> <" EX
        "y> ; <" KG_NS_RDF "rest> _:l .",
        "<" EX "s> <" EX "p> _:l . _:l <" KG_NS_RDF "first> <" EX "x> ; <" KG_NS_RDF "rest> <" EX "notnil> .",
        "<" EX "s> <" EX "p> _:l . _:l <" KG_NS_RDF "first> _:l ; <" KG_NS_RDF "rest> <" KG_NS_RDF "nil> .",
    };
    size_t k = (size_t)i - 14;
    if (k >= sizeof shapes / sizeof shapes[0]) {
      kg_triples_free(t);
      return NULL;
    }
    ck_assert_int_eq(kg_rdf_read_bytes(shapes[k], strlen(shapes[k]), "shape", "turtle", NULL, t, NULL), KG_SUCCESS);
  }
  }
  return t;
}

/* Blank node labels aside, @p a and @p b hold the same triples. */
static void assert_same_shape(KgTriples *a, KgTriples *b, const char *what) {
  KgTriples *x[2] = {a, b};
  for (int k = 0; k < 2; k++) {
    KgTriples *c = kg_triples_new();
    for (size_t i = 0; i < kg_triples_count(x[k]); i++) {
      KgTriple tr = *kg_triples_get(x[k], i);
      if (tr.s.type == KG_TERM_BLANK)
        tr.s.value = "b";
      if (tr.o.type == KG_TERM_BLANK)
        tr.o.value = "b";
      ck_assert_int_eq(kg_triples_add(c, &tr), KG_SUCCESS);
    }
    x[k] = c;
  }
  ck_assert_msg(kg_triples_count(a) == kg_triples_count(b), "%s: %zu triples written, %zu read back", what,
                kg_triples_count(a), kg_triples_count(b));
  assert_same_set(x[0], x[1], 0, what);
  kg_triples_free(x[0]);
  kg_triples_free(x[1]);
}

START_TEST(test_turtle_flaws_written_as_ntriples) {
  make_tmpdir();
  int ill = 0;
  KgTriples *t;
  int i;
  for (i = 0; (t = turtle_flaw(i, &ill)) != NULL; i++) {
    char what[32], path[512];
    snprintf(what, sizeof what, "Turtle case %d", i);
    Sink sink = {0};
    KgLog log = {sink_fn, &sink};
    char *doc = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&doc, &len);
    ck_assert_int_eq(kg_rdf_write(mf, KG_FORMAT_TURTLE, KG_DEFAULT_BASE, t, &log), KG_SUCCESS);
    fclose(mf);
    ck_assert_msg(sink.warnings == 1 && sink.errors == 0, "%s: %d warnings, %d errors", what, sink.warnings,
                  sink.errors);
    ck_assert_msg(strstr(sink.last_message, "N-Triples") != NULL, "%s: %s", what, sink.last_message);
    ck_assert_msg(strstr(doc, "@prefix") == NULL && strstr(doc, "<" KG_NS "Company> .\n") != NULL, "%s:\n%s", what,
                  doc);
    KgTriples *back = kg_triples_new();
    ck_assert_msg(kg_rdf_read_bytes(doc, len, "doc", "turtle", NULL, back, NULL) == KG_SUCCESS, "%s:\n%s", what, doc);
    ck_assert_int_eq(kg_triples_sort_unique(t), KG_SUCCESS);
    assert_same_shape(t, back, what);
    snprintf(path, sizeof path, "%s/flaw%d.ttl", tmpdir, i);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    ck_assert_uint_eq(fwrite(doc, 1, len, fp), len);
    ck_assert_int_eq(fclose(fp), 0);
    if (ill) {
      char cmd[1200];
      snprintf(cmd, sizeof cmd, "'%s' -q -c -i turtle '%s' >/dev/null 2>&1", tool("RAPPER", "rapper"), path);
      ck_assert_msg(system(cmd) == 0, "rapper rejects %s", path);
    } else {
      validate_externally(path, KG_FORMAT_TURTLE);
    }
    free(doc);
    kg_triples_free(back);
    kg_triples_free(t);
  }
  ck_assert_int_eq(i, 23);
  remove_tmpdir();
}
END_TEST

START_TEST(test_rdfxml_blank_cycles_kept) {
  /* Raptor's abbreviating RDF/XML writer drops these: they go unabbreviated */
  static const char *const shapes[] = {"_:a <" EX "p> _:a .", "_:a <" EX "p> _:b . _:b <" EX "p> _:a ."};
  make_tmpdir();
  for (size_t i = 0; i < sizeof shapes / sizeof shapes[0]; i++) {
    KgTriples *t = kg_triples_new();
    kg_triples_add_literal(t, KG_DEFAULT_BASE "org/x", KG_NS_RDFS "label", "x", NULL, "en");
    ck_assert_int_eq(kg_rdf_read_bytes(shapes[i], strlen(shapes[i]), "shape", "turtle", NULL, t, NULL), KG_SUCCESS);
    Sink sink = {0};
    KgLog log = {sink_fn, &sink};
    char path[512];
    snprintf(path, sizeof path, "%s/cycle%zu.rdf", tmpdir, i);
    FILE *fp = fopen(path, "w");
    ck_assert_ptr_nonnull(fp);
    ck_assert_int_eq(kg_rdf_write(fp, KG_FORMAT_RDFXML, KG_DEFAULT_BASE, t, &log), KG_SUCCESS);
    ck_assert_int_eq(fclose(fp), 0);
    ck_assert_msg(sink.warnings == 1 && strstr(sink.last_message, "unabbreviated"), "%s", sink.last_message);
    validate_externally(path, KG_FORMAT_RDFXML);
    KgTriples *back = kg_triples_new();
    ck_assert_int_eq(kg_rdf_read_file(path, NULL, back, NULL), KG_SUCCESS);
    ck_assert_int_eq(kg_triples_sort_unique(t), KG_SUCCESS);
    assert_same_shape(t, back, shapes[i]);
    kg_triples_free(back);
    kg_triples_free(t);
  }
  remove_tmpdir();
}
END_TEST

START_TEST(test_turtle_lists_stay_turtle) {
  /* the lists an OWL ontology has are Raptor's to abbreviate: ( ... ) */
  const char *ttl = "<" EX "C> <" KG_NS_OWL "unionOf> ( <" EX "A> ( <" EX "B> \"x\" ) [ <" EX "p> 1 ] ) ;"
                    " <" EX "q> [ <" EX "r> [ <" EX "s> \"deep\" ] ] .";
  KgTriples *t = kg_triples_new();
  ck_assert_int_eq(kg_rdf_read_bytes(ttl, strlen(ttl), "lists", "turtle", NULL, t, NULL), KG_SUCCESS);
  Sink sink = {0};
  KgLog log = {sink_fn, &sink};
  char *doc = NULL;
  size_t len = 0;
  FILE *mf = open_memstream(&doc, &len);
  ck_assert_int_eq(kg_rdf_write(mf, KG_FORMAT_TURTLE, KG_DEFAULT_BASE, t, &log), KG_SUCCESS);
  fclose(mf);
  ck_assert_msg(sink.warnings == 0, "%s", sink.last_message);
  ck_assert_ptr_nonnull(strstr(doc, "owl:unionOf ("));
  KgTriples *back = kg_triples_new();
  ck_assert_int_eq(kg_rdf_read_bytes(doc, len, "doc", "turtle", NULL, back, NULL), KG_SUCCESS);
  assert_same_shape(t, back, "lists");
  make_tmpdir();
  char path[512];
  snprintf(path, sizeof path, "%s/lists.ttl", tmpdir);
  FILE *fp = fopen(path, "w");
  ck_assert_uint_eq(fwrite(doc, 1, len, fp), len);
  ck_assert_int_eq(fclose(fp), 0);
  validate_externally(path, KG_FORMAT_TURTLE);
  remove_tmpdir();
  free(doc);
  kg_triples_free(back);
  kg_triples_free(t);
}
END_TEST

/* Triples of @p t in a scrambled order. */
static KgTriples *shuffled(const KgTriples *t, unsigned seed) {
  size_t n = kg_triples_count(t);
  size_t *idx = malloc(n * sizeof *idx);
  for (size_t i = 0; i < n; i++)
    idx[i] = i;
  for (size_t i = n; i > 1; i--) {
    seed = seed * 1103515245u + 12345u;
    size_t j = (seed >> 8) % i, tmp = idx[i - 1];
    idx[i - 1] = idx[j];
    idx[j] = tmp;
  }
  KgTriples *out = kg_triples_new();
  for (size_t i = 0; i < n; i++)
    kg_triples_add(out, kg_triples_get(t, idx[i]));
  free(idx);
  return out;
}

START_TEST(test_deterministic_output) {
  KgTriples *t = sample(0);
  KgTriples *u = shuffled(t, 7);
  for (size_t k = 0; k < NFORMATS; k++) {
    KgFormat f = all_formats[k];
    KgStatus st;
    size_t n1, n2;
    char *a = write_to_memory(t, f, &st, &n1);
    char *b = write_to_memory(t, f, &st, &n2);
    ck_assert_msg(n1 == n2 && memcmp(a, b, n1) == 0, "%s: two runs differ", kg_format_name(f));
    free(b);
    /* documents that group by subject sort: insertion order does not matter */
    if (f == KG_FORMAT_TURTLE || f == KG_FORMAT_JSON || f == KG_FORMAT_RDFXML) {
      b = write_to_memory(u, f, &st, &n2);
      ck_assert_msg(n1 == n2 && memcmp(a, b, n1) == 0, "%s: depends on insertion order",
                    kg_format_name(f));
      free(b);
    }
    free(a);
  }
  kg_triples_free(t);
  kg_triples_free(u);
}
END_TEST

START_TEST(test_several_writes_one_document) {
  for (size_t k = 0; k < NFORMATS; k++) {
    KgFormat f = all_formats[k];
    KgTriples *a = kg_triples_new(), *b = kg_triples_new();
    kg_triples_add_literal(a, EX "s", EX "p", "one", NULL, "en");
    kg_triples_add_iri(a, EX "s", KG_NS_RDF "type", KG_NS "Company");
    kg_triples_add_literal(b, EX "s", EX "p", "two", NULL, "en");
    kg_triples_add_literal(b, EX "s", EX "p", "one", NULL, "en"); /* again, from another article */
    kg_triples_add_iri(b, EX "t", EX "q", EX "s");
    set_graph_all(a, EX "article/1");
    set_graph_all(b, EX "article/2");
    char *buf = NULL;
    size_t len = 0;
    FILE *mf = open_memstream(&buf, &len);
    KgWriter *w = kg_writer_new(mf, f, KG_DEFAULT_BASE, NULL);
    ck_assert_ptr_nonnull(w);
    ck_assert_int_eq(kg_writer_write(w, a), KG_SUCCESS);
    ck_assert_int_eq(kg_writer_write(w, b), KG_SUCCESS);
    ck_assert_int_eq(kg_writer_finish(w), KG_SUCCESS);
    ck_assert_int_eq(kg_writer_write(w, a), KG_ERR_BAD_ARG); /* finished */
    kg_writer_free(w);
    fclose(mf);
    KgTriples *back = kg_triples_new();
    ck_assert_int_eq(kg_rdf_read_bytes(buf, len, "doc", kg_format_name(f), NULL, back, NULL), KG_SUCCESS);
    /* streaming writers may repeat a triple two articles share: still one set */
    ck_assert_int_eq(kg_triples_sort_unique(back), KG_SUCCESS);
    if (f == KG_FORMAT_NQUADS) {
      ck_assert_uint_eq(kg_triples_count(back), 5); /* one graph per article */
    } else {
      ck_assert_uint_eq(kg_triples_count(back), 4);
    }
    if (f == KG_FORMAT_TURTLE) {
      /* one prefix block, one subject block */
      ck_assert_ptr_null(strstr(strstr(buf, "@prefix kg:") + 1, "@prefix kg:"));
      ck_assert_ptr_null(strstr(strstr(buf, "\n<" EX "s>") + 1, "\n<" EX "s>"));
    }
    if (f == KG_FORMAT_RDFXML)
      ck_assert_ptr_null(strstr(strstr(buf, "<rdf:RDF") + 1, "<rdf:RDF"));
    free(buf);
    kg_triples_free(back);
    kg_triples_free(a);
    kg_triples_free(b);
  }
}
END_TEST

START_TEST(test_write_error_is_reported) {
  FILE *probe = fopen("/dev/full", "w");
  if (!probe) {
    ck_abort_msg("/dev/full is missing: cannot test write errors");
    return;
  }
  fclose(probe);
  KgTriples *t = sample(0);
  for (size_t k = 0; k < NFORMATS; k++) {
    FILE *fp = fopen("/dev/full", "w");
    Sink sink = {0};
    KgLog log = {sink_fn, &sink};
    KgStatus st = kg_rdf_write(fp, all_formats[k], KG_DEFAULT_BASE, t, &log);
    ck_assert_msg(st == KG_ERR_IO, "%s to /dev/full: %s", kg_format_name(all_formats[k]), kg_strerror(st));
    ck_assert_int_ge(sink.errors, 1);
    fclose(fp);
  }
  /* a big streaming document reports the error before the end */
  FILE *fp = fopen("/dev/full", "w");
  KgWriter *w = kg_writer_new(fp, KG_FORMAT_NTRIPLES, NULL, NULL);
  KgStatus st = KG_SUCCESS;
  for (int i = 0; i < 200 && st == KG_SUCCESS; i++)
    st = kg_writer_write(w, t);
  ck_assert_int_eq(st, KG_ERR_IO);
  ck_assert_int_eq(kg_writer_finish(w), KG_ERR_IO);
  kg_writer_free(w);
  fclose(fp);
  kg_triples_free(t);
}
END_TEST

START_TEST(test_writer_rejects_and_repairs) {
  Sink sink = {0};
  KgLog log = {sink_fn, &sink};
  KgTriples *t = kg_triples_new();
  KgTriple lit_subject = {{KG_TERM_LITERAL, "s", NULL, NULL}, {KG_TERM_IRI, EX "p", NULL, NULL},
                          {KG_TERM_IRI, EX "o", NULL, NULL}, NULL};
  kg_triples_add(t, &lit_subject);
  KgStatus st;
  char *doc = NULL;
  size_t len;
  FILE *mf = open_memstream(&doc, &len);
  ck_assert_int_eq(kg_rdf_write(mf, KG_FORMAT_NTRIPLES, NULL, t, &log), KG_ERR_BAD_ARG);
  fclose(mf);
  free(doc);
  ck_assert_int_ge(sink.errors, 1);
  kg_triples_free(t);

  t = kg_triples_new();
  kg_triples_add_iri(t, "relative/iri", EX "p", EX "o");
  doc = write_to_memory(t, KG_FORMAT_NQUADS, &st, NULL);
  ck_assert_int_eq(st, KG_ERR_BAD_ARG);
  free(doc);
  kg_triples_free(t);

  /* an IRI with spaces and quotes is percent-encoded; a bad language tag dropped */
  t = kg_triples_new();
  kg_triples_add_literal(t, EX "a b\"c", EX "p", "v", NULL, "not a tag");
  kg_triples_add_literal(t, EX "s", EX "p", "v", KG_NS_XSD "string", NULL);
  memset(&sink, 0, sizeof sink);
  mf = open_memstream(&doc, &len);
  ck_assert_int_eq(kg_rdf_write(mf, KG_FORMAT_NTRIPLES, NULL, t, &log), KG_SUCCESS);
  fclose(mf);
  ck_assert_ptr_nonnull(strstr(doc, "<" EX "a%20b%22c> <" EX "p> \"v\" .\n"));
  ck_assert_ptr_nonnull(strstr(doc, "<" EX "s> <" EX "p> \"v\" .\n")); /* xsd:string is plain */
  ck_assert_int_eq(sink.warnings, 1);
  free(doc);
  kg_triples_free(t);

  ck_assert_ptr_null(kg_writer_new(NULL, KG_FORMAT_TURTLE, NULL, NULL));
  ck_assert_ptr_null(kg_writer_new(stdout, (KgFormat)42, NULL, NULL));
  ck_assert_int_eq(kg_writer_finish(NULL), KG_ERR_BAD_ARG);
  kg_writer_free(NULL);
}
END_TEST

static void data_path(char *out, size_t n, const char *name) {
  snprintf(out, n, "%s/tests/data/rdf/%s", top_srcdir(), name);
}

START_TEST(test_reader_errors) {
  char path[1024];
  data_path(path, sizeof path, "bad.ttl");
  KgTriples *t = kg_triples_new();
  kg_triples_add_iri(t, EX "kept", EX "p", EX "o");
  Sink sink = {0};
  KgLog log = {sink_fn, &sink};
  ck_assert_int_eq(kg_rdf_read_file(path, NULL, t, &log), KG_ERR_PARSE);
  ck_assert_uint_eq(kg_triples_count(t), 1); /* a failed read adds nothing */
  ck_assert_int_ge(sink.errors, 1);
  ck_assert_int_eq(sink.last_status, KG_ERR_PARSE);
  char want[1100];
  snprintf(want, sizeof want, "%s:3", path);
  ck_assert_msg(strcmp(sink.last_source, want) == 0, "error about \"%s\", want \"%s\"", sink.last_source, want);

  memset(&sink, 0, sizeof sink);
  ck_assert_int_eq(kg_rdf_read_file("/nonexistent/x.ttl", NULL, t, &log), KG_ERR_IO);
  ck_assert_int_eq(sink.errors, 1);
  ck_assert_int_eq(kg_rdf_read_bytes("<a> <b>", 7, "x.nt", NULL, NULL, t, &log), KG_ERR_PARSE);
  ck_assert_int_eq(kg_rdf_read_bytes("x", 1, "x", "no-such-syntax", NULL, t, &log), KG_ERR_PARSE);
  ck_assert_uint_eq(kg_triples_count(t), 1);
  ck_assert_int_eq(kg_rdf_read_file(NULL, NULL, t, NULL), KG_ERR_BAD_ARG);
  kg_triples_free(t);
}
END_TEST

static const KgTriple *find(const KgTriples *t, const char *p) {
  for (size_t i = 0; i < kg_triples_count(t); i++)
    if (strcmp(kg_triples_get(t, i)->p.value, p) == 0)
      return kg_triples_get(t, i);
  return NULL;
}

START_TEST(test_reader_formats) {
  char path[1024];
  KgTriples *t = kg_triples_new();
  data_path(path, sizeof path, "sample.nq");
  ck_assert_int_eq(kg_rdf_read_file(path, NULL, t, NULL), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 3);
  const KgTriple *x = find(t, EX "p");
  ck_assert_str_eq(x->g, EX "g1");
  ck_assert_str_eq(x->o.lang, "fr"); /* lower case */
  x = find(t, EX "q");
  ck_assert_int_eq(x->s.type, KG_TERM_BLANK);
  ck_assert_ptr_null(x->g);
  ck_assert_str_eq(x->o.datatype, XSD "integer");
  kg_triples_free(t);

  t = kg_triples_new();
  data_path(path, sizeof path, "sample.rdf");
  ck_assert_int_eq(kg_rdf_read_file(path, NULL, t, NULL), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 3);
  ck_assert_str_eq(find(t, EX "name")->o.value, "Acme & Sons \"Ltd\" <x>");
  ck_assert_int_eq(find(t, EX "knows")->o.type, KG_TERM_BLANK);
  kg_triples_free(t);

  t = kg_triples_new();
  data_path(path, sizeof path, "sample.json");
  ck_assert_int_eq(kg_rdf_read_file(path, NULL, t, NULL), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 2);
  kg_triples_free(t);

  /* no extension: the content tells */
  t = kg_triples_new();
  data_path(path, sizeof path, "guess-me");
  ck_assert_int_eq(kg_rdf_read_file(path, NULL, t, NULL), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 1);
  ck_assert_str_eq(kg_triples_get(t, 0)->o.value, "guessed");
  kg_triples_free(t);

  /* kgbuild's format names work as syntax names */
  t = kg_triples_new();
  const char *nt = "<https://example.org/a> <https://example.org/b> \"c\" .\n";
  ck_assert_int_eq(kg_rdf_read_bytes(nt, strlen(nt), "mem", "nt", NULL, t, NULL), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 1);
  kg_triples_free(t);

  /* relative IRIs resolve against the base given */
  t = kg_triples_new();
  const char *ttl = "<a> <b> <c> .";
  ck_assert_int_eq(kg_rdf_read_bytes(ttl, strlen(ttl), "mem", "turtle", "https://example.org/base/", t, NULL),
                   KG_SUCCESS);
  ck_assert_str_eq(kg_triples_get(t, 0)->s.value, "https://example.org/base/a");
  kg_triples_free(t);
}
END_TEST

START_TEST(test_blank_nodes_written) {
  /* foreign RDF may hold blank nodes: they are written as such, with safe labels */
  KgTriples *t = kg_triples_new();
  KgTriple b1 = {{KG_TERM_BLANK, "weird label!", NULL, NULL}, {KG_TERM_IRI, EX "p", NULL, NULL},
                 {KG_TERM_BLANK, "ok1", NULL, NULL}, NULL};
  kg_triples_add(t, &b1);
  for (size_t k = 0; k < NFORMATS; k++) {
    KgStatus st;
    size_t len;
    char *doc = write_to_memory(t, all_formats[k], &st, &len);
    ck_assert_int_eq(st, KG_SUCCESS);
    KgTriples *back = kg_triples_new();
    ck_assert_msg(kg_rdf_read_bytes(doc, len, "doc", kg_format_name(all_formats[k]), NULL, back, NULL) ==
                      KG_SUCCESS, "%s:\n%s", kg_format_name(all_formats[k]), doc);
    ck_assert_uint_eq(kg_triples_count(back), 1);
    ck_assert_int_eq(kg_triples_get(back, 0)->s.type, KG_TERM_BLANK);
    ck_assert_int_eq(kg_triples_get(back, 0)->o.type, KG_TERM_BLANK);
    ck_assert_str_ne(kg_triples_get(back, 0)->s.value, kg_triples_get(back, 0)->o.value);
    free(doc);
    kg_triples_free(back);
  }
  kg_triples_free(t);
}
END_TEST

START_TEST(test_empty_document) {
  KgTriples *t = kg_triples_new();
  for (size_t k = 0; k < NFORMATS; k++) {
    KgStatus st;
    size_t len;
    char *doc = write_to_memory(t, all_formats[k], &st, &len);
    ck_assert_int_eq(st, KG_SUCCESS);
    KgTriples *back = kg_triples_new();
    ck_assert_int_eq(kg_rdf_read_bytes(doc, len, "doc", kg_format_name(all_formats[k]), NULL, back, NULL),
                     KG_SUCCESS);
    ck_assert_uint_eq(kg_triples_count(back), 0);
    free(doc);
    kg_triples_free(back);
  }
  kg_triples_free(t);
}
END_TEST

static Suite *kg_rdf_suite(void) {
  Suite *s = suite_create("rdf");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 120);
  tcase_add_test(tc, test_format_names);
  tcase_add_test(tc, test_round_trip_every_format);
  tcase_add_test(tc, test_graph_output_is_valid_everywhere);
  tcase_add_test(tc, test_turtle_reads_well);
  tcase_add_test(tc, test_turtle_decimals_keep_their_type);
  tcase_add_test(tc, test_json_is_json);
  tcase_add_test(tc, test_turtle_flaws_written_as_ntriples);
  tcase_add_test(tc, test_turtle_lists_stay_turtle);
  tcase_add_test(tc, test_rdfxml_blank_cycles_kept);
  tcase_add_test(tc, test_deterministic_output);
  tcase_add_test(tc, test_several_writes_one_document);
  tcase_add_test(tc, test_write_error_is_reported);
  tcase_add_test(tc, test_writer_rejects_and_repairs);
  tcase_add_test(tc, test_reader_errors);
  tcase_add_test(tc, test_reader_formats);
  tcase_add_test(tc, test_blank_nodes_written);
  tcase_add_test(tc, test_empty_document);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_rdf_suite)
