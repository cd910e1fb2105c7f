/*
 * cmd_store.c - `kgbuild load|query|stats`: the embedded SPARQL store (kgbuild/store.h).
 * load extracts articles exactly as `kgbuild extract` does and stores one named graph
 * per article; RDF files are stored as they are.
 */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

#define KGC_DEFAULT_STORE "./kgbuild-store"

static const char kgc_exit_text[] =
    "Exit status: 0 ok, 1 some input failed, 2 usage error or bad query, 3 output not\n"
    "written, 4 data files not loadable, 5 store error (missing, damaged, in use),\n"
    "6 no article in the inputs.\n";

/* A store failure has been described by the library; only the exit code is left. */
static int kgc_store_exit(KgStatus st) {
  switch (st) {
  case KG_SUCCESS: return KGC_EXIT_OK;
  case KG_ERR_NOMEM: kgc_error("out of memory"); return KGC_EXIT_REMOTE;
  default: return KGC_EXIT_REMOTE;
  }
}

static int kgc_is_iri(const char *s) {
  const char *colon = strchr(s, ':');
  if (!colon || colon == s || strpbrk(s, " <>\"{}|^`\\"))
    return 0;
  for (const char *p = s; p < colon; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
          (p > s && ((*p >= '0' && *p <= '9') || *p == '+' || *p == '-' || *p == '.'))))
      return 0;
  return 1;
}

/* ---- load ---- */

static void kgc_load_help(void) {
  printf("Usage: kgbuild load [OPTIONS] FILE|DIR|URL|-...\n"
         "\n"
         "Store the knowledge graph of articles (text or HTML, extracted as 'kgbuild'\n"
         "does) and RDF files (.ttl, .nt, .nq, .rdf, .owl) in an embedded SPARQL store\n"
         "(a directory). Each article gets its own named graph, the article's IRI, and\n"
         "loading an article again replaces its graph: nothing is duplicated. An RDF file's\n"
         "triples go to the graph named by its file:// IRI (or --graph); N-Quads keep\n"
         "their graphs. A DIR is read recursively for articles (.txt, .html, .htm).\n"
         "\n"
         "Store:\n"
         "  -s, --store DIR         the store (default %s; created when absent)\n"
         "  -g, --graph IRI         graph for the triples of RDF files\n"
         "Extraction (as for 'kgbuild extract'):\n"
         "      --base IRI          resource IRIs under IRI (default %s)\n"
         "      --lang LANG         auto (default), en, fr\n"
         "      --no-statements     direct triples only, no rdf:Statement provenance\n"
         "      --html              treat every article as HTML\n"
         "      --max-bytes N       per-article size ceiling (default 64 MiB; K, M, G suffixes)\n"
         "      --gazetteer FILE    extra gazetteer (repeatable)\n"
         "      --lexicon FILE      extra lexicon or rule file (repeatable)\n"
         "General:\n"
         "  -q, --quiet             no warnings, no progress\n"
         "  -v, --verbose           more messages (one line per input)\n"
         "  -h, --help              this help\n"
         "  -V, --version           version\n"
         "\n"
         "Only one process may use a store while it is being loaded.\n"
         "%s",
         KGC_DEFAULT_STORE, KG_DEFAULT_BASE, kgc_exit_text);
}

typedef enum { KGC_IN_ARTICLE, KGC_IN_RDF } KgcInputKind;

/* The Raptor syntax of an RDF file, from its extension; NULL for an article. */
static const char *kgc_rdf_syntax(const char *path) {
  static const struct {
    const char *ext, *syntax;
  } exts[] = {{".ttl", "turtle"}, {".nt", "ntriples"}, {".nq", "nquads"},
              {".rdf", "rdfxml"}, {".owl", "rdfxml"}};
  const char *dot = strrchr(path, '.');
  if (!dot || strchr(dot, '/'))
    return NULL;
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
    if (strcasecmp(dot, exts[i].ext) == 0)
      return exts[i].syntax;
  return NULL;
}

/* file:// IRI of a path (made absolute; bytes an IRI cannot hold are %-encoded). */
static char *kgc_file_iri(const char *path) {
  char abs[PATH_MAX];
  if (!realpath(path, abs))
    return NULL;
  size_t n = strlen(abs);
  char *iri = malloc(8 + 3 * n + 1);
  if (!iri)
    return NULL;
  char *q = iri + sprintf(iri, "file://");
  for (const unsigned char *p = (const unsigned char *)abs; *p; p++) {
    if (*p <= 0x20 || *p >= 0x7f || strchr("<>\"{}|^`\\%#?[]", *p))
      q += sprintf(q, "%%%02X", *p);
    else
      *q++ = (char)*p;
  }
  *q = '\0';
  return iri;
}

static int kgc_is_dir_path(const char *p) {
  struct stat sb;
  return stat(p, &sb) == 0 && S_ISDIR(sb.st_mode);
}

static int kgc_add_path(char ***v, size_t *n, const char *p) {
  char **nv = realloc(*v, (*n + 1) * sizeof *nv);
  if (!nv)
    return -1;
  *v = nv;
  if (!(nv[*n] = strdup(p)))
    return -1;
  (*n)++;
  return 0;
}

static void kgc_free_paths(char **v, size_t n) {
  for (size_t i = 0; i < n; i++)
    free(v[i]);
  free(v);
}

/* Extract one article and replace its graph. Returns an exit code. */
static int kgc_load_article(KgStore *store, const KgExtractor *ex, const char *p,
                            const KgIngestOptions *iopts, const char *lang, const char *base,
                            int with_statements, const KgLog *log, size_t *triples) {
  const char *shown = strcmp(p, "-") == 0 ? "standard input" : p;
  KgGraph *g = NULL;
  KgTriples *t = NULL;
  KgStatus st;
  int rc = kgc_extract_article(ex, p, iopts, NULL, lang, base, with_statements, log, &g, &t);
  if (rc != KGC_EXIT_OK) {
    return rc;
  } else {
    size_t added = 0;
    st = kg_store_replace_graph(store, kg_graph_article_iri(g), t, &added);
    if (st == KG_ERR_BAD_ARG) { /* our own triples should always be storable */
      kgc_error("%s: the graph could not be stored", shown);
      rc = KGC_EXIT_INPUT;
    } else if (st != KG_SUCCESS) {
      rc = kgc_store_exit(st);
    } else {
      *triples += added;
      kgc_info("%s: %zu entities, %zu facts, %zu triples in <%s>", shown,
               kg_graph_entity_count(g), kg_graph_fact_count(g), added,
               kg_graph_article_iri(g));
    }
  }
  kg_triples_free(t);
  kg_graph_free(g);
  return rc;
}

static int kgc_worse(int a, int b) {
  /* a store failure outranks an input failure: it stops the run */
  if (a == KGC_EXIT_REMOTE || b == KGC_EXIT_REMOTE)
    return KGC_EXIT_REMOTE;
  if (a == KGC_EXIT_DATA || b == KGC_EXIT_DATA) /* so does language data that cannot load */
    return KGC_EXIT_DATA;
  return a != KGC_EXIT_OK ? a : b;
}

int kgc_cmd_load(int argc, char **argv) {
  static const struct option longopts[] = {
      {"store", required_argument, NULL, 's'},
      {"graph", required_argument, NULL, 'g'},
      KGC_EXTRACT_LONGOPTS,
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  const char *dir = KGC_DEFAULT_STORE, *graph = NULL;
  int rc = KGC_EXIT_OK, c;
  KgcExtractOpts xo;
  char **articles = NULL, **rdf = NULL;
  size_t narticles = 0, nrdf = 0;
  KgStore *store = NULL;
  KgExtractor *ex = NULL;
  KgTriples *rdf_all = NULL;
  KgLog log = kgc_log();

  if (kgc_extract_opts_init(&xo, argc) != 0)
    return KGC_EXIT_INPUT;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":s:g:qvhV", longopts, NULL)) != -1) {
    switch (c) {
    case 's': dir = optarg; break;
    case 'g':
      if (!kgc_is_iri(optarg)) {
        rc = kgc_usage_error("load", "--graph needs an absolute IRI, not '%s'", optarg);
        goto done;
      }
      graph = optarg;
      break;
    KGC_CASE_EXTRACT_OPTS:
      if ((rc = kgc_extract_opt("load", c, optarg, &xo)) != KGC_EXIT_OK)
        goto done;
      break;
    case 'q': kgc_verbosity = -1; break;
    case 'v': kgc_verbosity = 1; break;
    case 'h': kgc_load_help(); goto done;
    case 'V': printf("kgbuild %s\n", kg_version()); goto done;
    case ':':
      rc = kgc_usage_error("load", "option '%s' needs a value", argv[optind - 1]);
      goto done;
    default:
      rc = kgc_usage_error("load", "unknown option '%s'", argv[optind - 1]);
      goto done;
    }
  }
  if (optind == argc) {
    rc = kgc_usage_error("load", "no input (give articles, directories or RDF files; '-' is stdin)");
    goto done;
  }
  /* Sort the inputs first, so a missing file is reported before any work. */
  for (int i = optind; i < argc; i++) {
    const char *in = argv[i];
    if (strcmp(in, "-") == 0 || kg_is_url(in)) {
      if (kgc_add_path(&articles, &narticles, in) != 0)
        goto nomem;
      continue;
    }
    if (access(in, F_OK) == 0 && kgc_rdf_syntax(in) && !kgc_is_dir_path(in)) {
      if (kgc_add_path(&rdf, &nrdf, in) != 0)
        goto nomem;
      continue;
    }
    char **found = NULL;
    size_t nfound = 0;
    KgStatus st = kg_ingest_expand(in, &found, &nfound);
    if (st == KG_ERR_NOT_FOUND) {
      kgc_error("%s: no such file or directory", in);
      rc = KGC_EXIT_INPUT;
    } else if (st != KG_SUCCESS) {
      kgc_error("%s: cannot read: %s", in, kg_strerror(st));
      rc = KGC_EXIT_INPUT;
    } else if (nfound == 0) {
      kgc_error("%s: no articles (.txt, .html, .htm) in this directory", in);
      rc = KGC_EXIT_INPUT;
    }
    for (size_t k = 0; k < nfound; k++)
      if (kgc_add_path(&articles, &narticles, found[k]) != 0) {
        kg_ingest_free_paths(found, nfound);
        goto nomem;
      }
    kg_ingest_free_paths(found, nfound);
  }
  if (narticles == 0 && nrdf == 0) {
    if (rc == KGC_EXIT_OK)
      kgc_error("no input articles");
    rc = rc == KGC_EXIT_OK ? KGC_EXIT_NO_INPUT : rc;
    goto done;
  }
  if (narticles) { /* RDF files alone need no language data */
    KgExtractorOptions eopts = kgc_extractor_options(&xo);
    unsigned long errs = kgc_log_errors();
    KgStatus st = kg_extractor_new(&eopts, &log, &ex);
    if (st != KG_SUCCESS) {
      if (kgc_log_errors() == errs) /* else the file and line are out already */
        kgc_error("cannot load the language data from %s: %s", eopts.data_dir, kg_strerror(st));
      rc = KGC_EXIT_DATA;
      goto done;
    }
  }
  KgStatus st = kg_store_open(dir, KG_STORE_CREATE, &log, &store);
  if (st != KG_SUCCESS) {
    rc = kgc_store_exit(st);
    goto done;
  }
  size_t triples = 0, ok = 0, total = narticles + nrdf;
  for (size_t i = 0; i < narticles; i++) {
    kgc_progress(i, total, articles[i]);
    int r = kgc_load_article(store, ex, articles[i], &xo.iopts, xo.lang, xo.base,
                             xo.with_statements, &log, &triples);
    rc = kgc_worse(rc, r);
    if (r == KGC_EXIT_OK)
      ok++;
    if (rc == KGC_EXIT_REMOTE || rc == KGC_EXIT_DATA)
      break;
  }
  /* RDF files: every triple is gathered first, so a graph that several files (or
   * --graph) share is replaced once, by all of them. */
  if (rc != KGC_EXIT_REMOTE && rc != KGC_EXIT_DATA && nrdf) {
    if (!(rdf_all = kg_triples_new()))
      goto nomem;
    for (size_t i = 0; i < nrdf; i++) {
      kgc_progress(narticles + i, total, rdf[i]);
      KgTriples *t = kg_triples_new();
      char *iri = graph ? NULL : kgc_file_iri(rdf[i]);
      if (!t || (!graph && !iri)) {
        kg_triples_free(t);
        free(iri);
        goto nomem;
      }
      const char *syntax = kgc_rdf_syntax(rdf[i]);
      st = kg_rdf_read_file(rdf[i], syntax, t, &log);
      if (st != KG_SUCCESS) {
        kgc_error("%s: not loaded: %s", rdf[i], kg_strerror(st));
        rc = kgc_worse(rc, KGC_EXIT_INPUT);
      } else {
        size_t n = kg_triples_count(t);
        int nquads = strcmp(syntax, "nquads") == 0;
        for (size_t k = 0; k < n && st == KG_SUCCESS; k++) {
          KgTriple tr = *kg_triples_get(t, k);
          if (!nquads || !tr.g)
            tr.g = graph ? graph : iri;
          st = kg_triples_add(rdf_all, &tr);
        }
        if (st != KG_SUCCESS) {
          kg_triples_free(t);
          free(iri);
          goto nomem;
        }
        ok++;
        kgc_info("%s: %zu triples", rdf[i], n);
      }
      kg_triples_free(t);
      free(iri);
    }
    size_t graphs = 0, added = 0;
    st = kg_store_load(store, rdf_all, NULL, &graphs, &added);
    if (st != KG_SUCCESS)
      rc = kgc_worse(rc, st == KG_ERR_BAD_ARG ? KGC_EXIT_INPUT : kgc_store_exit(st));
    else {
      triples += added;
      kgc_info("RDF files: %zu triples in %zu graph%s", added, graphs, graphs == 1 ? "" : "s");
    }
  }
  kgc_progress_end();
  st = kg_store_close(store);
  store = NULL;
  if (st != KG_SUCCESS)
    rc = KGC_EXIT_REMOTE;
  else
    kgc_info("%s: %zu of %zu inputs loaded, %zu triples", dir, ok, total, triples);
  goto done;
nomem:
  kgc_error("out of memory");
  rc = KGC_EXIT_INPUT;
done:
  kgc_progress_end();
  kg_store_close(store);
  kg_triples_free(rdf_all);
  kg_extractor_free(ex);
  kgc_free_paths(articles, narticles);
  kgc_free_paths(rdf, nrdf);
  kgc_extract_opts_free(&xo);
  return kgc_stdout_done(rc);
}

/* ---- query ---- */

static void kgc_query_help(void) {
  printf("Usage: kgbuild query [OPTIONS] 'SPARQL QUERY'\n"
         "       kgbuild query [OPTIONS] -F FILE.rq\n"
         "\n"
         "Run a SPARQL 1.1 query (SELECT, ASK, CONSTRUCT) on the embedded store. The\n"
         "default graph is the merge of every article's graph; GRAPH ?g { ... } reaches\n"
         "each article's graph by name. Relative IRIs resolve against the resource base\n"
         "(<org/microsoft> is %sorg/microsoft).\n"
         "\n"
         "  -s, --store DIR         the store (default %s)\n"
         "  -F, --file FILE         read the query from FILE ('-' is stdin)\n"
         "  -r, --results FMT       SELECT/ASK results: table (default on a terminal),\n"
         "                          tsv (default otherwise), csv, json (W3C SPARQL 1.1 formats)\n"
         "  -f, --format FMT        CONSTRUCT results: turtle (default), ntriples, nquads,\n"
         "                          rdfxml, json\n"
         "  -o, --output FILE       write to FILE (appears whole or not at all)\n"
         "  -q, --quiet             no warnings\n"
         "  -v, --verbose           more messages\n"
         "  -h, --help              this help\n"
         "  -V, --version           version\n"
         "\n"
         "%s",
         KG_DEFAULT_BASE, KGC_DEFAULT_STORE, kgc_exit_text);
}

/* The whole of @p path ("-": stdin) as a string; NULL with a message on failure. */
static char *kgc_read_all(const char *path) {
  FILE *f = strcmp(path, "-") == 0 ? stdin : fopen(path, "rb");
  if (!f) {
    kgc_error("%s: cannot read: %s", path, strerror(errno));
    return NULL;
  }
  size_t len = 0, cap = 4096;
  char *buf = malloc(cap);
  for (;;) {
    if (!buf)
      break;
    if (len + 1 >= cap) {
      char *nb = cap > ((size_t)16 << 20) ? NULL : realloc(buf, cap * 2);
      if (!nb) {
        free(buf);
        buf = NULL;
        kgc_error("%s: query too large", path);
        break;
      }
      buf = nb;
      cap *= 2;
    }
    size_t n = fread(buf + len, 1, cap - len - 1, f);
    len += n;
    if (n == 0)
      break;
  }
  if (buf && ferror(f)) {
    kgc_error("%s: cannot read: %s", path, strerror(errno ? errno : EIO));
    free(buf);
    buf = NULL;
  }
  if (buf)
    buf[len] = '\0';
  if (f != stdin)
    fclose(f);
  return buf;
}

int kgc_cmd_query(int argc, char **argv) {
  static const struct option longopts[] = {
      {"store", required_argument, NULL, 's'},   {"file", required_argument, NULL, 'F'},
      {"results", required_argument, NULL, 'r'}, {"format", required_argument, NULL, 'f'},
      {"output", required_argument, NULL, 'o'},  {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},       {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},       {NULL, 0, NULL, 0}};
  const char *dir = KGC_DEFAULT_STORE, *file = NULL, *outpath = NULL;
  int have_results = 0, rc = KGC_EXIT_OK, c;
  KgResultFormat results = KG_RESULTS_TSV;
  KgFormat format = KG_FORMAT_TURTLE;
  char *text = NULL;
  KgStore *store = NULL;
  KgcOutput out = {0};
  int out_open = 0;
  KgLog log = kgc_log();

  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":s:F:r:f:o:qvhV", longopts, NULL)) != -1) {
    switch (c) {
    case 's': dir = optarg; break;
    case 'F': file = optarg; break;
    case 'r':
      if (kg_result_format_from_name(optarg, &results) != 0) {
        rc = kgc_usage_error("query", "unknown results format '%s' (table, csv, tsv, json)", optarg);
        goto done;
      }
      have_results = 1;
      break;
    case 'f':
      if (kg_format_from_name(optarg, &format) != 0) {
        rc = kgc_usage_error("query", "unknown format '%s' (turtle, ntriples, nquads, rdfxml, json)", optarg);
        goto done;
      }
      break;
    case 'o': outpath = optarg; break;
    case 'q': kgc_verbosity = -1; break;
    case 'v': kgc_verbosity = 1; break;
    case 'h': kgc_query_help(); goto done;
    case 'V': printf("kgbuild %s\n", kg_version()); goto done;
    case ':':
      rc = kgc_usage_error("query", "option '%s' needs a value", argv[optind - 1]);
      goto done;
    default:
      rc = kgc_usage_error("query", "unknown option '%s'", argv[optind - 1]);
      goto done;
    }
  }
  int nargs = argc - optind;
  if (file ? nargs != 0 : nargs != 1) {
    rc = kgc_usage_error("query", file ? "give the query either as an argument or with -F, not both"
                                       : "give one query (quote it) or -F FILE");
    goto done;
  }
  if (file) {
    if (!(text = kgc_read_all(file))) {
      rc = KGC_EXIT_INPUT;
      goto done;
    }
  } else if (!(text = strdup(argv[optind]))) {
    kgc_error("out of memory");
    rc = KGC_EXIT_INPUT;
    goto done;
  }
  /* A table for people at a terminal; a lossless format for programs. */
  if (!have_results)
    results = !outpath && isatty(STDOUT_FILENO) ? KG_RESULTS_TABLE : KG_RESULTS_TSV;
  KgStatus st = kg_store_open(dir, KG_STORE_READ, &log, &store);
  if (st != KG_SUCCESS) {
    rc = kgc_store_exit(st);
    goto done;
  }
  if (kgc_output_open(&out, outpath) != 0) {
    rc = KGC_EXIT_OUTPUT;
    goto done;
  }
  out_open = 1;
  st = kg_store_query(store, text, results, format, out.fp);
  switch (st) {
  case KG_SUCCESS: break;
  case KG_ERR_PARSE:
  case KG_ERR_UNSUPPORTED: rc = KGC_EXIT_USAGE; break; /* the message says why */
  case KG_ERR_IO:
    kgc_error("%s: write error: %s", outpath ? outpath : "standard output",
              strerror(errno ? errno : EIO));
    rc = KGC_EXIT_OUTPUT;
    break;
  default: rc = kgc_store_exit(st); break;
  }
  if (rc != KGC_EXIT_OK)
    goto done;
  out_open = 0;
  if (kgc_output_commit(&out) != 0)
    rc = KGC_EXIT_OUTPUT;
done:
  if (out_open)
    kgc_output_abort(&out);
  kg_store_close(store);
  free(text);
  return kgc_stdout_done(rc);
}

/* ---- stats ---- */

static void kgc_stats_help(void) {
  printf("Usage: kgbuild stats [OPTIONS]\n"
         "\n"
         "Count what the embedded store holds: triples, graphs, articles, entities per\n"
         "class and facts per relation (distinct subject-relation-object over all articles).\n"
         "\n"
         "  -s, --store DIR         the store (default %s)\n"
         "  -q, --quiet             no warnings\n"
         "  -v, --verbose           more messages\n"
         "  -h, --help              this help\n"
         "  -V, --version           version\n"
         "\n"
         "%s",
         KGC_DEFAULT_STORE, kgc_exit_text);
}

int kgc_cmd_stats(int argc, char **argv) {
  static const struct option longopts[] = {
      {"store", required_argument, NULL, 's'}, {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},     {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},     {NULL, 0, NULL, 0}};
  const char *dir = KGC_DEFAULT_STORE;
  int rc = KGC_EXIT_OK, c;
  KgStore *store = NULL;
  KgStoreStats *stats = NULL;
  KgLog log = kgc_log();

  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":s:qvhV", longopts, NULL)) != -1) {
    switch (c) {
    case 's': dir = optarg; break;
    case 'q': kgc_verbosity = -1; break;
    case 'v': kgc_verbosity = 1; break;
    case 'h': kgc_stats_help(); goto done;
    case 'V': printf("kgbuild %s\n", kg_version()); goto done;
    case ':':
      rc = kgc_usage_error("stats", "option '%s' needs a value", argv[optind - 1]);
      goto done;
    default:
      rc = kgc_usage_error("stats", "unknown option '%s'", argv[optind - 1]);
      goto done;
    }
  }
  if (optind != argc) {
    rc = kgc_usage_error("stats", "unexpected argument '%s' (the store is given with --store)",
                         argv[optind]);
    goto done;
  }
  KgStatus st = kg_store_open(dir, KG_STORE_READ, &log, &store);
  if (st == KG_SUCCESS)
    st = kg_store_stats(store, &stats);
  if (st != KG_SUCCESS) {
    rc = kgc_store_exit(st);
    goto done;
  }
  printf("store     %s\n", dir);
  printf("triples   %zu\n", stats->triples);
  printf("graphs    %zu\n", stats->graphs);
  printf("articles  %zu\n", stats->articles);
  printf("entities  %zu\n", stats->entities);
  for (size_t i = 0; i < stats->n_classes; i++)
    printf("  %-22s %zu\n", stats->classes[i].name, stats->classes[i].count);
  printf("facts     %zu\n", stats->facts);
  for (size_t i = 0; i < stats->n_relations; i++)
    printf("  %-22s %zu\n", stats->relations[i].name, stats->relations[i].count);
done:
  kg_store_stats_free(stats);
  kg_store_close(store);
  return kgc_stdout_done(rc);
}
