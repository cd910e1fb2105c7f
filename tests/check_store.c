/* check_store.c - the embedded store: opening and creating, replacing graphs, the
 * dataset seen by queries (named graphs, union default graph), the result formats
 * parsed back, statistics and the failure cases a user meets. */
#include "config.h"

#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <kgbuild/kgbuild.h>

#include "check_tap.h"

/* Rasqal leaks the whole query through a reference cycle on every SELECT DISTINCT
 * (tests/lsan-store.supp); LeakSanitizer reads these in addition to LSAN_OPTIONS. */
const char *__lsan_default_suppressions(void);
const char *__lsan_default_suppressions(void) {
  return "leak:rasqal_query_execute_with_engine\nleak:rasqal_new_query\n"
         "leak:rasqal_query_prepare\nleak:kgs_dataset\n";
}

#define G1 "https://w3id.org/kgbuild/id/article/0000000000000001"
#define G2 "https://w3id.org/kgbuild/id/article/0000000000000002"
#define ID "https://w3id.org/kgbuild/id/"
#define XSD "http://www.w3.org/2001/XMLSchema#"

static char tmpdir[256];
static char storedir[300];

/* Diagnostics are collected so tests can look at them. */
static char logged[4096];
static void collect(void *ud, const KgDiag *d) {
  (void)ud;
  if (d->level < KG_LOG_WARNING)
    return;
  size_t n = strlen(logged);
  snprintf(logged + n, sizeof logged - n, "%s%s\n", d->level == KG_LOG_ERROR ? "E:" : "W:",
           d->message);
}
static const KgLog test_log = {collect, NULL};

static void setup(void) {
  snprintf(tmpdir, sizeof tmpdir, "%s/kgstore.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(tmpdir));
  snprintf(storedir, sizeof storedir, "%s/store", tmpdir);
  logged[0] = '\0';
}

static void teardown(void) {
  char cmd[600];
  snprintf(cmd, sizeof cmd, "rm -rf '%s'", tmpdir);
  ck_assert_int_eq(system(cmd), 0);
}

static KgStore *open_store(KgStoreMode mode) {
  KgStore *s = NULL;
  KgStatus st = kg_store_open(storedir, mode, &test_log, &s);
  ck_assert_msg(st == KG_SUCCESS, "open: %s (%s)", kg_strerror(st), logged);
  return s;
}

/* A small article graph: two companies, one investment with its statement. */
static KgTriples *sample(const char *g, const char *target) {
  KgTriples *t = kg_triples_new();
  char iri[200];
  snprintf(iri, sizeof iri, ID "org/%s", target);
  ck_assert_int_eq(kg_triples_add_iri(t, ID "org/microsoft", KG_NS_RDF "type", KG_NS "Company"), 0);
  ck_assert_int_eq(kg_triples_add_iri(t, iri, KG_NS_RDF "type", KG_NS "Company"), 0);
  ck_assert_int_eq(kg_triples_add_literal(t, ID "org/microsoft", KG_NS_RDFS "label", "Microsoft", NULL, "en"), 0);
  ck_assert_int_eq(kg_triples_add_literal(t, iri, KG_NS_RDFS "label", target, NULL, "en"), 0);
  ck_assert_int_eq(kg_triples_add_iri(t, ID "org/microsoft", KG_NS "investsIn", iri), 0);
  ck_assert_int_eq(kg_triples_add_iri(t, g, KG_NS_RDF "type", KG_NS "Article"), 0);
  ck_assert_int_eq(kg_triples_set_graph(t, g), 0);
  return t;
}

static size_t stat_triples(KgStore *s) {
  KgStoreStats *st = NULL;
  ck_assert_int_eq(kg_store_stats(s, &st), KG_SUCCESS);
  size_t n = st->triples;
  kg_store_stats_free(st);
  return n;
}

/* Run a query and return what it wrote (malloc'd). */
static char *run(KgStore *s, const char *q, KgResultFormat rf, KgStatus want) {
  char *buf = NULL;
  size_t len = 0;
  FILE *f = open_memstream(&buf, &len);
  ck_assert_ptr_nonnull(f);
  KgStatus st = kg_store_query(s, q, rf, KG_FORMAT_NTRIPLES, f);
  fclose(f);
  ck_assert_msg(st == want, "query %s: %s, expected %s (%s)", q, kg_strerror(st),
                kg_strerror(want), logged);
  return buf;
}

static size_t count_lines(const char *s) {
  size_t n = 0;
  for (; *s; s++)
    n += *s == '\n';
  return n;
}

START_TEST(test_missing_store_is_not_created) {
  KgStore *s = NULL;
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_READ, &test_log, &s), KG_ERR_NOT_FOUND);
  ck_assert_ptr_null(s);
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_WRITE, &test_log, &s), KG_ERR_NOT_FOUND);
  struct stat sb;
  ck_assert_int_ne(stat(storedir, &sb), 0); /* nothing was created */
  ck_assert_ptr_nonnull(strstr(logged, "E:"));
  /* an existing empty directory is not a store either */
  ck_assert_int_eq(mkdir(storedir, 0777), 0);
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_READ, &test_log, &s), KG_ERR_NOT_FOUND);
}
END_TEST

START_TEST(test_create_then_reopen) {
  KgStore *s = open_store(KG_STORE_CREATE);
  KgTriples *t = sample(G1, "openai");
  size_t added = 0;
  ck_assert_int_eq(kg_store_replace_graph(s, G1, t, &added), KG_SUCCESS);
  ck_assert_uint_eq(added, 6);
  ck_assert_int_eq(kg_store_close(s), KG_SUCCESS);
  kg_triples_free(t);
  /* persistent: a new process (here a new handle) sees it, read-only */
  s = open_store(KG_STORE_READ);
  ck_assert_uint_eq(stat_triples(s), 6);
  KgTriples *u = kg_triples_new();
  ck_assert_int_eq(kg_store_replace_graph(s, G2, u, NULL), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_store_close(s), KG_SUCCESS);
  kg_triples_free(u);
}
END_TEST

START_TEST(test_create_refuses_foreign_directory) {
  char f[400];
  ck_assert_int_eq(mkdir(storedir, 0777), 0);
  snprintf(f, sizeof f, "%s/notes.txt", storedir);
  FILE *fp = fopen(f, "w");
  fputs("mine\n", fp);
  fclose(fp);
  KgStore *s = NULL;
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_CREATE, &test_log, &s), KG_ERR_BAD_ARG);
  ck_assert_ptr_nonnull(strstr(logged, "not empty"));
  ck_assert_int_eq(access(f, F_OK), 0);
}
END_TEST

START_TEST(test_replace_twice_keeps_count) {
  KgStore *s = open_store(KG_STORE_CREATE);
  KgTriples *t = sample(G1, "openai");
  ck_assert_int_eq(kg_store_load(s, t, NULL, NULL, NULL), KG_SUCCESS);
  size_t once = stat_triples(s);
  ck_assert_uint_eq(once, 6);
  size_t graphs = 0, added = 0;
  ck_assert_int_eq(kg_store_load(s, t, NULL, &graphs, &added), KG_SUCCESS);
  ck_assert_uint_eq(graphs, 1);
  ck_assert_uint_eq(added, 6);
  ck_assert_uint_eq(stat_triples(s), once);
  /* duplicates inside the input are stored once */
  ck_assert_int_eq(kg_triples_append(t, t), 0);
  ck_assert_int_eq(kg_store_load(s, t, NULL, NULL, &added), KG_SUCCESS);
  ck_assert_uint_eq(added, 6);
  ck_assert_uint_eq(stat_triples(s), once);
  /* a smaller new version replaces the old one */
  KgTriples *small = kg_triples_new();
  kg_triples_add_iri(small, ID "org/a", KG_NS_RDF "type", KG_NS "Company");
  ck_assert_int_eq(kg_store_replace_graph(s, G1, small, NULL), KG_SUCCESS);
  ck_assert_uint_eq(stat_triples(s), 1);
  ck_assert_int_eq(kg_store_remove_graph(s, G1), KG_SUCCESS);
  ck_assert_uint_eq(stat_triples(s), 0);
  kg_triples_free(small);
  kg_triples_free(t);
  kg_store_close(s);
}
END_TEST

START_TEST(test_two_graphs_and_union_default_graph) {
  KgStore *s = open_store(KG_STORE_CREATE);
  KgTriples *a = sample(G1, "openai"), *b = sample(G2, "anthropic");
  ck_assert_int_eq(kg_store_load(s, a, NULL, NULL, NULL), KG_SUCCESS);
  ck_assert_int_eq(kg_store_load(s, b, NULL, NULL, NULL), KG_SUCCESS);
  KgStoreStats *st = NULL;
  ck_assert_int_eq(kg_store_stats(s, &st), KG_SUCCESS);
  ck_assert_uint_eq(st->graphs, 2);
  ck_assert_uint_eq(st->triples, 12);
  kg_store_stats_free(st);

  /* Microsoft is typed in both graphs; the default graph is their merge: once. */
  char *out = run(s, "SELECT ?x WHERE { ?x a <" KG_NS "Company> } ORDER BY ?x", KG_RESULTS_TSV,
                  KG_SUCCESS);
  ck_assert_str_eq(out, "?x\n<" ID "org/anthropic>\n<" ID "org/microsoft>\n<" ID "org/openai>\n");
  free(out);
  /* GRAPH ?g sees each graph with its name */
  out = run(s, "SELECT ?g ?t WHERE { GRAPH ?g { ?m <" KG_NS "investsIn> ?t } } ORDER BY ?g",
            KG_RESULTS_TSV, KG_SUCCESS);
  ck_assert_str_eq(out, "?g\t?t\n<" G1 ">\t<" ID "org/openai>\n<" G2 ">\t<" ID "org/anthropic>\n");
  free(out);
  /* GRAPH <iri> reads that graph only; an unknown graph is empty */
  out = run(s, "SELECT ?t WHERE { GRAPH <" G2 "> { ?m <" KG_NS "investsIn> ?t } }",
            KG_RESULTS_TSV, KG_SUCCESS);
  ck_assert_str_eq(out, "?t\n<" ID "org/anthropic>\n");
  free(out);
  out = run(s, "SELECT * WHERE { GRAPH <http://example.org/none> { ?s ?p ?o } }",
            KG_RESULTS_TSV, KG_SUCCESS);
  ck_assert_uint_eq(count_lines(out), 1);
  free(out);
  /* a fully bound pattern, inside and outside GRAPH */
  out = run(s, "ASK { <" ID "org/microsoft> <" KG_NS "investsIn> <" ID "org/openai> }",
            KG_RESULTS_TSV, KG_SUCCESS);
  ck_assert_str_eq(out, "true\n");
  free(out);
  out = run(s, "ASK { GRAPH <" G2 "> { <" ID "org/microsoft> <" KG_NS "investsIn> <" ID "org/openai> } }",
            KG_RESULTS_JSON, KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(out, "\"boolean\": false"));
  free(out);
  /* FROM restricts the default graph; FROM NAMED the named graphs */
  out = run(s, "SELECT ?t FROM <" G1 "> WHERE { ?m <" KG_NS "investsIn> ?t }", KG_RESULTS_TSV,
            KG_SUCCESS);
  ck_assert_str_eq(out, "?t\n<" ID "org/openai>\n");
  free(out);
  out = run(s, "SELECT DISTINCT ?g FROM NAMED <" G2 "> WHERE { GRAPH ?g { ?s ?p ?o } }",
            KG_RESULTS_TSV, KG_SUCCESS);
  ck_assert_str_eq(out, "?g\n<" G2 ">\n");
  free(out);
  /* relative IRIs resolve against the kgbuild resource base */
  out = run(s, "SELECT ?l WHERE { <org/openai> <" KG_NS_RDFS "label> ?l }", KG_RESULTS_CSV,
            KG_SUCCESS);
  ck_assert_str_eq(out, "l\r\nopenai\r\n");
  free(out);
  kg_triples_free(a);
  kg_triples_free(b);
  kg_store_close(s);
}
END_TEST

/* ---- reading the result formats back ---- */

static const char *const tricky[] = {
    "plain",
    "say \"hi\", then go",
    "tab\there",
    "two\nlines\r\nand CRLF",
    "Société Générale — 東京",
    "back\\slash",
    "",
};

/* RFC 4180 fields of one record; returns the position after it. */
static const char *csv_record(const char *p, char fields[][128], int *n) {
  *n = 0;
  for (;;) {
    char *f = fields[(*n)++];
    size_t k = 0;
    if (*p == '"') {
      p++;
      for (;;) {
        if (*p == '"' && p[1] == '"') {
          f[k++] = '"';
          p += 2;
        } else if (*p == '"') {
          p++;
          break;
        } else {
          ck_assert_int_ne(*p, '\0');
          f[k++] = *p++;
        }
      }
    } else {
      while (*p && *p != ',' && *p != '\r')
        f[k++] = *p++;
    }
    f[k] = '\0';
    if (*p == ',') {
      p++;
      continue;
    }
    ck_assert_msg(p[0] == '\r' && p[1] == '\n', "CSV record not ended by CRLF");
    return p + 2;
  }
}

/* A Turtle term of a TSV field, decoded to its lexical form (with @lang / ^^<dt> kept
 * apart). */
static void tsv_term(const char *field, char *value, char *suffix) {
  size_t k = 0;
  ck_assert_int_eq(field[0], '"');
  const char *p = field + 1;
  for (; *p != '"'; p++) {
    ck_assert_msg(*p && *p != '\t' && *p != '\n' && *p != '\r', "raw control char in TSV term");
    if (*p == '\\') {
      p++;
      value[k++] = *p == 'n' ? '\n' : *p == 't' ? '\t' : *p == 'r' ? '\r' : *p;
    } else {
      value[k++] = *p;
    }
  }
  value[k] = '\0';
  strcpy(suffix, p + 1);
}

/* The strings of a JSON document in order, decoded; also checks its syntax. */
static const char *json_value(const char *p, char out[][128], int *n);
static const char *json_ws(const char *p) {
  while (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r')
    p++;
  return p;
}
static const char *json_string(const char *p, char *out) {
  size_t k = 0;
  ck_assert_int_eq(*p, '"');
  for (p++; *p != '"'; p++) {
    ck_assert_msg((unsigned char)*p >= 0x20, "raw control character in a JSON string");
    if (*p == '\\') {
      p++;
      switch (*p) {
      case 'n': out[k++] = '\n'; break;
      case 't': out[k++] = '\t'; break;
      case 'r': out[k++] = '\r'; break;
      case 'b': out[k++] = '\b'; break;
      case 'f': out[k++] = '\f'; break;
      case 'u': {
        unsigned v;
        ck_assert_int_eq(sscanf(p + 1, "%4x", &v), 1);
        ck_assert_uint_lt(v, 0x80); /* we only escape control characters */
        out[k++] = (char)v;
        p += 4;
        break;
      }
      default: out[k++] = *p;
      }
    } else {
      out[k++] = *p;
    }
  }
  out[k] = '\0';
  return p + 1;
}
static const char *json_value(const char *p, char out[][128], int *n) {
  p = json_ws(p);
  if (*p == '"')
    return json_string(p, out[(*n)++]);
  if (*p == '{' || *p == '[') {
    char close = *p == '{' ? '}' : ']';
    int object = *p == '{';
    p = json_ws(p + 1);
    if (*p == close)
      return p + 1;
    for (;;) {
      if (object) {
        p = json_ws(p);
        p = json_string(p, out[(*n)++]);
        p = json_ws(p);
        ck_assert_int_eq(*p, ':');
        p++;
      }
      p = json_ws(json_value(p, out, n));
      if (*p == ',') {
        p++;
        continue;
      }
      ck_assert_int_eq(*p, close);
      return p + 1;
    }
  }
  if (strncmp(p, "true", 4) == 0 || strncmp(p, "null", 4) == 0)
    return p + 4;
  if (strncmp(p, "false", 5) == 0)
    return p + 5;
  ck_assert_msg(0, "unexpected JSON at: %.20s", p);
  return p;
}

static KgStore *tricky_store(void) {
  KgStore *s = open_store(KG_STORE_CREATE);
  KgTriples *t = kg_triples_new();
  char subj[100];
  for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
    snprintf(subj, sizeof subj, ID "x/%zu", i);
    ck_assert_int_eq(kg_triples_add_literal(t, subj, KG_NS "v", tricky[i], NULL, NULL), 0);
    ck_assert_int_eq(kg_triples_add_literal(t, subj, KG_NS "fr", tricky[i], NULL, "fr"), 0);
  }
  ck_assert_int_eq(kg_triples_add_literal(t, ID "x/0", KG_NS "n", "42", XSD "integer", NULL), 0);
  ck_assert_int_eq(kg_triples_add_literal(t, ID "x/0", KG_NS "d", "2023-01", XSD "gYearMonth", NULL), 0);
  ck_assert_int_eq(kg_store_replace_graph(s, G1, t, NULL), KG_SUCCESS);
  kg_triples_free(t);
  return s;
}

#define TRICKY_QUERY "SELECT ?s ?v ?f ?none WHERE { ?s <" KG_NS "v> ?v ; <" KG_NS "fr> ?f } ORDER BY ?s"

START_TEST(test_csv_escaping) {
  KgStore *s = tricky_store();
  char *out = run(s, TRICKY_QUERY, KG_RESULTS_CSV, KG_SUCCESS);
  char fields[8][128];
  int n;
  const char *p = csv_record(out, fields, &n);
  ck_assert_int_eq(n, 4);
  ck_assert_str_eq(fields[0], "s");
  ck_assert_str_eq(fields[3], "none");
  for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
    p = csv_record(p, fields, &n);
    ck_assert_int_eq(n, 4);
    char subj[100];
    snprintf(subj, sizeof subj, ID "x/%zu", i);
    ck_assert_str_eq(fields[0], subj);   /* IRIs plain */
    ck_assert_str_eq(fields[1], tricky[i]);
    ck_assert_str_eq(fields[2], tricky[i]); /* no language tag in CSV */
    ck_assert_str_eq(fields[3], "");        /* unbound */
  }
  ck_assert_str_eq(p, "");
  free(out);
  kg_store_close(s);
}
END_TEST

START_TEST(test_tsv_escaping) {
  KgStore *s = tricky_store();
  char *out = run(s, TRICKY_QUERY, KG_RESULTS_TSV, KG_SUCCESS);
  ck_assert_uint_eq(count_lines(out), 1 + sizeof tricky / sizeof tricky[0]);
  char *save = NULL, *line = strtok_r(out, "\n", &save);
  ck_assert_str_eq(line, "?s\t?v\t?f\t?none");
  for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
    line = strtok_r(NULL, "\n", &save);
    ck_assert_ptr_nonnull(line);
    char *cols[4];
    int n = 0;
    for (char *c = line;; c++) {
      cols[n++] = c;
      c = strchr(c, '\t');
      if (!c)
        break;
      *c = '\0';
      ck_assert_int_lt(n, 4 + 1);
    }
    ck_assert_int_eq(n, 4);
    char subj[100], value[128], suffix[64];
    snprintf(subj, sizeof subj, "<" ID "x/%zu>", i);
    ck_assert_str_eq(cols[0], subj);
    tsv_term(cols[1], value, suffix);
    ck_assert_str_eq(value, tricky[i]);
    ck_assert_str_eq(suffix, "");
    tsv_term(cols[2], value, suffix);
    ck_assert_str_eq(value, tricky[i]);
    ck_assert_str_eq(suffix, "@fr");
    ck_assert_str_eq(cols[3], "");
  }
  free(out);
  /* datatypes: integers abbreviated as Turtle allows, others with ^^<iri> */
  out = run(s, "SELECT ?n ?d WHERE { ?s <" KG_NS "n> ?n ; <" KG_NS "d> ?d }", KG_RESULTS_TSV,
            KG_SUCCESS);
  ck_assert_str_eq(out, "?n\t?d\n42\t\"2023-01\"^^<" XSD "gYearMonth>\n");
  free(out);
  kg_store_close(s);
}
END_TEST

START_TEST(test_json_escaping) {
  KgStore *s = tricky_store();
  char *out = run(s, TRICKY_QUERY, KG_RESULTS_JSON, KG_SUCCESS);
  static char strs[256][128];
  int n = 0;
  const char *end = json_ws(json_value(out, strs, &n));
  ck_assert_str_eq(end, "");
  ck_assert_str_eq(strs[0], "head");
  ck_assert_str_eq(strs[1], "vars");
  ck_assert_str_eq(strs[2], "s");
  ck_assert_str_eq(strs[5], "none");
  ck_assert_str_eq(strs[6], "results");
  ck_assert_str_eq(strs[7], "bindings");
  /* each binding: s {type uri value X} v {type literal value X} f {type literal value X xml:lang fr} */
  int k = 8;
  for (size_t i = 0; i < sizeof tricky / sizeof tricky[0]; i++) {
    ck_assert_str_eq(strs[k], "s");
    ck_assert_str_eq(strs[k + 2], "uri");
    ck_assert_str_eq(strs[k + 5], "v");
    ck_assert_str_eq(strs[k + 7], "literal");
    ck_assert_str_eq(strs[k + 9], tricky[i]);
    ck_assert_str_eq(strs[k + 10], "f");
    ck_assert_str_eq(strs[k + 14], tricky[i]);
    ck_assert_str_eq(strs[k + 15], "xml:lang");
    ck_assert_str_eq(strs[k + 16], "fr");
    k += 17; /* ?none is unbound: no member */
  }
  ck_assert_int_eq(k, n);
  free(out);
  out = run(s, "SELECT ?n WHERE { ?s <" KG_NS "n> ?n }", KG_RESULTS_JSON, KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(out, "{\"type\": \"literal\", \"value\": \"42\", \"datatype\": \"" XSD "integer\"}"));
  free(out);
  kg_store_close(s);
}
END_TEST

START_TEST(test_table_and_boolean) {
  KgStore *s = tricky_store();
  char *out = run(s, "SELECT ?s ?v WHERE { ?s <" KG_NS "v> ?v } ORDER BY ?s LIMIT 4",
                  KG_RESULTS_TABLE, KG_SUCCESS);
  /* header, rule, 4 rows, count; newlines inside values shown as \n */
  ck_assert_uint_eq(count_lines(out), 7);
  ck_assert_ptr_nonnull(strstr(out, "two\\nlines\\r\\nand CRLF"));
  ck_assert_ptr_nonnull(strstr(out, "(4 rows)\n"));
  ck_assert_ptr_nonnull(strstr(out, "s "));
  free(out);
  out = run(s, "ASK { ?s <" KG_NS "n> 42 }", KG_RESULTS_TABLE, KG_SUCCESS);
  ck_assert_str_eq(out, "true\n");
  free(out);
  out = run(s, "ASK { ?s <" KG_NS "n> 43 }", KG_RESULTS_CSV, KG_SUCCESS);
  ck_assert_str_eq(out, "false\n");
  free(out);
  kg_store_close(s);
}
END_TEST

START_TEST(test_construct_and_bad_queries) {
  KgStore *s = open_store(KG_STORE_CREATE);
  KgTriples *t = sample(G1, "openai");
  ck_assert_int_eq(kg_store_load(s, t, NULL, NULL, NULL), KG_SUCCESS);
  kg_triples_free(t);
  char *out = run(s, "CONSTRUCT { ?t <" KG_NS "fundedBy> ?m } WHERE { ?m <" KG_NS "investsIn> ?t }",
                  KG_RESULTS_TSV, KG_SUCCESS);
  KgTriples *back = kg_triples_new();
  ck_assert_int_eq(kg_rdf_read_bytes(out, strlen(out), "construct", "ntriples", NULL, back, &test_log), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(back), 1);
  ck_assert_str_eq(kg_triples_get(back, 0)->s.value, ID "org/openai");
  kg_triples_free(back);
  free(out);

  out = run(s, "SELEKT ?x WHERE { ?x ?p ?o }", KG_RESULTS_TSV, KG_ERR_PARSE);
  ck_assert_str_eq(out, "");
  ck_assert_ptr_nonnull(strstr(logged, "E:SPARQL syntax error at line 1"));
  free(out);
  out = run(s, "INSERT DATA { <a> <b> <c> }", KG_RESULTS_TSV, KG_ERR_PARSE);
  free(out);
  kg_store_close(s);
}
END_TEST

START_TEST(test_one_writer_at_a_time) {
  KgStore *w = open_store(KG_STORE_CREATE), *other = NULL;
  logged[0] = '\0';
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_WRITE, &test_log, &other), KG_ERR_STORE);
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_READ, &test_log, &other), KG_ERR_STORE);
  ck_assert_ptr_nonnull(strstr(logged, "in use by another kgbuild process"));
  kg_store_close(w);
  /* readers share */
  KgStore *r1 = open_store(KG_STORE_READ), *r2 = open_store(KG_STORE_READ);
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_WRITE, &test_log, &other), KG_ERR_STORE);
  kg_store_close(r1);
  kg_store_close(r2);
}
END_TEST

START_TEST(test_damaged_store) {
  kg_store_close(open_store(KG_STORE_CREATE));
  char f[400];
  snprintf(f, sizeof f, "%s/kgbuild-sp2o.db", storedir);
  FILE *fp = fopen(f, "w");
  ck_assert_ptr_nonnull(fp);
  for (int i = 0; i < 2000; i++)
    fputs("garbage ", fp);
  fclose(fp);
  KgStore *s = NULL;
  logged[0] = '\0';
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_READ, &test_log, &s), KG_ERR_STORE);
  ck_assert_ptr_null(s);
  ck_assert_ptr_nonnull(strstr(logged, "E:cannot open the store's Berkeley DB files"));
  /* a damaged marker */
  snprintf(f, sizeof f, "%s/kgstore.info", storedir);
  fp = fopen(f, "w");
  fputs("something else\n", fp);
  fclose(fp);
  ck_assert_int_eq(kg_store_open(storedir, KG_STORE_READ, &test_log, &s), KG_ERR_STORE);
}
END_TEST

START_TEST(test_stats) {
  KgStore *s = open_store(KG_STORE_CREATE);
  KgTriples *a = sample(G1, "openai"), *b = sample(G2, "anthropic");
  /* a person, and a valuation that exists only as a statement */
  kg_triples_add_iri(b, ID "person/sam", KG_NS_RDF "type", KG_NS "Person");
  kg_triples_add_iri(b, ID "stmt/1", KG_NS_RDF "type", KG_NS_RDF "Statement");
  kg_triples_add_iri(b, ID "stmt/1", KG_NS_RDF "predicate", KG_NS "valuation");
  kg_triples_set_graph(b, G2);
  ck_assert_int_eq(kg_store_load(s, a, NULL, NULL, NULL), KG_SUCCESS);
  ck_assert_int_eq(kg_store_load(s, b, NULL, NULL, NULL), KG_SUCCESS);
  KgStoreStats *st = NULL;
  ck_assert_int_eq(kg_store_stats(s, &st), KG_SUCCESS);
  ck_assert_uint_eq(st->graphs, 2);
  ck_assert_uint_eq(st->articles, 2);
  ck_assert_uint_eq(st->entities, 4); /* microsoft, openai, anthropic, sam */
  ck_assert_uint_eq(st->n_classes, 2);
  ck_assert_str_eq(st->classes[0].name, "Company");
  ck_assert_uint_eq(st->classes[0].count, 3);
  ck_assert_str_eq(st->classes[1].name, "Person");
  ck_assert_uint_eq(st->n_relations, 2);
  ck_assert_str_eq(st->relations[0].name, "investsIn");
  ck_assert_uint_eq(st->relations[0].count, 2);
  ck_assert_str_eq(st->relations[1].name, "valuation");
  ck_assert_uint_eq(st->relations[1].count, 1);
  ck_assert_uint_eq(st->facts, 3);
  kg_store_stats_free(st);
  kg_triples_free(a);
  kg_triples_free(b);
  kg_store_close(s);
}
END_TEST

START_TEST(test_blank_nodes_scoped_per_graph) {
  KgStore *s = open_store(KG_STORE_CREATE);
  KgTriples *t = kg_triples_new();
  KgTriple tr = {{KG_TERM_BLANK, "b1", NULL, NULL},
                 {KG_TERM_IRI, KG_NS_RDFS "label", NULL, NULL},
                 {KG_TERM_LITERAL, "one", NULL, NULL},
                 NULL};
  kg_triples_add(t, &tr);
  ck_assert_int_eq(kg_store_replace_graph(s, G1, t, NULL), KG_SUCCESS);
  ck_assert_int_eq(kg_store_replace_graph(s, G2, t, NULL), KG_SUCCESS);
  char *out = run(s, "SELECT (COUNT(DISTINCT ?b) AS ?n) WHERE { ?b ?p \"one\" }", KG_RESULTS_CSV,
                  KG_SUCCESS);
  ck_assert_str_eq(out, "n\r\n2\r\n");
  free(out);
  /* no graph and no default: refused before anything changes */
  KgTriples *u = kg_triples_new();
  kg_triples_add_iri(u, ID "a", KG_NS_RDF "type", KG_NS "Company");
  ck_assert_int_eq(kg_store_load(s, u, NULL, NULL, NULL), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_store_load(s, u, "not an iri", NULL, NULL), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_store_load(s, u, "file:///tmp/x.ttl", NULL, NULL), KG_SUCCESS);
  kg_triples_free(u);
  kg_triples_free(t);
  kg_store_close(s);
}
END_TEST

START_TEST(test_names_and_null) {
  KgResultFormat f;
  ck_assert_int_eq(kg_result_format_from_name("json", &f), 0);
  ck_assert_int_eq(f, KG_RESULTS_JSON);
  ck_assert_int_eq(kg_result_format_from_name("csv", &f), 0);
  ck_assert_int_eq(f, KG_RESULTS_CSV);
  ck_assert_int_eq(kg_result_format_from_name("xml", &f), -1);
  ck_assert_int_eq(kg_store_close(NULL), KG_SUCCESS);
  kg_store_stats_free(NULL);
  KgStore *s = NULL;
  ck_assert_int_eq(kg_store_open(NULL, KG_STORE_READ, NULL, &s), KG_ERR_BAD_ARG);
}
END_TEST

static Suite *kg_store_suite(void) {
  Suite *s = suite_create("store");
  TCase *tc = tcase_create("store");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_missing_store_is_not_created);
  tcase_add_test(tc, test_create_then_reopen);
  tcase_add_test(tc, test_create_refuses_foreign_directory);
  tcase_add_test(tc, test_replace_twice_keeps_count);
  tcase_add_test(tc, test_two_graphs_and_union_default_graph);
  tcase_add_test(tc, test_csv_escaping);
  tcase_add_test(tc, test_tsv_escaping);
  tcase_add_test(tc, test_json_escaping);
  tcase_add_test(tc, test_table_and_boolean);
  tcase_add_test(tc, test_construct_and_bad_queries);
  tcase_add_test(tc, test_one_writer_at_a_time);
  tcase_add_test(tc, test_damaged_store);
  tcase_add_test(tc, test_stats);
  tcase_add_test(tc, test_blank_nodes_scoped_per_graph);
  tcase_add_test(tc, test_names_and_null);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_store_suite)
