/* cmd_extract.c - `kgbuild [extract] [OPTIONS] [FILE|DIR|URL|-]...`: articles in, RDF out. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"

enum {
  OPT_PNG = 256, OPT_SVG, OPT_PDF, OPT_DOT, OPT_LAYOUT, OPT_LABEL_LANG, OPT_MAX_NODES,
  OPT_VERSION, OPT_TIMEOUT, OPT_CONNECT_TIMEOUT
};

static void kgc_extract_help(void) {
  printf("Usage: kgbuild [OPTIONS] [FILE|DIR|URL|-]...\n"
         "       kgbuild render|load|query|stats|push ... (see 'kgbuild COMMAND --help')\n"
         "\n"
         "Read business-news articles (English or French, text or HTML) and write the\n"
         "companies, people, products and places they name, and the relations between them,\n"
         "as RDF. A DIR is read recursively (.txt, .html, .htm, sorted); '-' is stdin.\n"
         "\n"
         "Output:\n"
         "  -o, --output FILE       write RDF to FILE (default: stdout); FILE appears whole\n"
         "                          or not at all\n"
         "  -f, --format FMT        turtle (default), ntriples, nquads, rdfxml, json\n"
         "      --base IRI          resource IRIs under IRI (default %s)\n"
         "      --no-statements     direct triples only, no rdf:Statement provenance\n"
         "      --png FILE, --svg FILE, --pdf FILE, --dot FILE\n"
         "                          also draw the graph (Graphviz)\n"
         "      --layout NAME       dot (default), neato, fdp, sfdp, circo\n"
         "      --label-lang LANG   language of edge labels in pictures (en, fr)\n"
         "      --max-nodes N       draw only the N best-connected entities\n"
         "Input:\n"
         "      --lang LANG         auto (default), en, fr\n"
         "      --html              treat every input as HTML (default: by extension/content)\n"
         "      --max-bytes N       per-article size ceiling (default 64 MiB; K, M, G suffixes)\n"
         "      --timeout S         URL inputs: seconds for a whole transfer (default 60)\n"
         "      --connect-timeout S URL inputs: seconds to connect (default 10)\n"
         "      --gazetteer FILE    extra gazetteer (repeatable; format in the man page)\n"
         "      --lexicon FILE      extra lexicon or rule file (repeatable)\n"
         "General:\n"
         "  -q, --quiet             no warnings, no progress\n"
         "  -v, --verbose           more messages\n"
         "  -h, --help              this help\n"
         "  -V, --version           version\n"
         "\n"
         "Environment: KGBUILD_DATA_DIR (the ontology, gazetteer, lexicon and rule files),\n"
         "KGBUILD_CACHE_DIR (prepared language data; default ~/.cache/kgbuild, 'off': none).\n"
         "\n"
         "Exit status: 0 ok, 1 some input failed, 2 usage error, 3 output not written,\n"
         "4 data files not loadable, 5 store or server error, 6 no article in the inputs.\n",
         KG_DEFAULT_BASE);
}

typedef struct {
  const char *path;
  KgDrawFormat format;
} KgcPicture;

int kgc_cmd_extract(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"format", required_argument, NULL, 'f'},
      KGC_EXTRACT_LONGOPTS,
      {"png", required_argument, NULL, OPT_PNG},
      {"svg", required_argument, NULL, OPT_SVG},
      {"pdf", required_argument, NULL, OPT_PDF},
      {"dot", required_argument, NULL, OPT_DOT},
      {"layout", required_argument, NULL, OPT_LAYOUT},
      {"label-lang", required_argument, NULL, OPT_LABEL_LANG},
      {"max-nodes", required_argument, NULL, OPT_MAX_NODES},
      {"timeout", required_argument, NULL, OPT_TIMEOUT},
      {"connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  const char *outpath = NULL;
  KgFormat format = KG_FORMAT_TURTLE;
  KgcExtractOpts xo;
  KgcPicture pics[4];
  size_t npics = 0;
  KgDrawOptions dopts = {KG_DRAW_PNG, NULL, NULL, 0, NULL};
  KgHttpOptions hopts;
  kg_http_options_init(&hopts);
  int rc = KGC_EXIT_OK, c;
  char **paths = NULL;
  size_t npaths = 0;
  KgExtractor *ex = NULL;
  KgWriter *writer = NULL;
  KgTriples *all = NULL;
  KgcOutput out = {0};
  int out_open = 0;
  KgLog log = kgc_log();

  if (kgc_extract_opts_init(&xo, argc) != 0)
    return KGC_EXIT_INPUT;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:f:qvhV", longopts, NULL)) != -1) {
    switch (c) {
    case 'o': outpath = optarg; break;
    case 'f':
      if (kg_format_from_name(optarg, &format) != 0) {
        rc = kgc_usage_error(NULL, "unknown format '%s' (turtle, ntriples, nquads, rdfxml, json)", optarg);
        goto done;
      }
      break;
    KGC_CASE_EXTRACT_OPTS:
      if ((rc = kgc_extract_opt(NULL, c, optarg, &xo)) != KGC_EXIT_OK)
        goto done;
      break;
    case OPT_PNG: case OPT_SVG: case OPT_PDF: case OPT_DOT:
      if (npics == 4) {
        rc = kgc_usage_error(NULL, "at most one picture per format");
        goto done;
      }
      pics[npics].path = optarg;
      pics[npics].format = c == OPT_PNG ? KG_DRAW_PNG : c == OPT_SVG ? KG_DRAW_SVG
                         : c == OPT_PDF ? KG_DRAW_PDF : KG_DRAW_DOT;
      npics++;
      break;
    case OPT_LAYOUT:
      if (kg_draw_layout_check(optarg) != 0) {
        rc = kgc_usage_error(NULL, "unknown layout '%s' (%s)", optarg, kg_draw_layout_names());
        goto done;
      }
      dopts.layout = optarg;
      break;
    case OPT_TIMEOUT: case OPT_CONNECT_TIMEOUT:
      if (kgc_parse_seconds(optarg, c == OPT_TIMEOUT ? &hopts.timeout_ms
                                                     : &hopts.connect_timeout_ms) != 0) {
        rc = kgc_usage_error(NULL, "--%s needs a number of seconds, not '%s'",
                             c == OPT_TIMEOUT ? "timeout" : "connect-timeout", optarg);
        goto done;
      }
      break;
    case 'q': kgc_verbosity = -1; break;
    case 'v': kgc_verbosity = 1; break;
    case 'h': kgc_extract_help(); rc = KGC_EXIT_OK; goto done_quiet;
    case 'V': printf("kgbuild %s\n", kg_version()); rc = KGC_EXIT_OK; goto done_quiet;
    case ':':
      rc = kgc_usage_error(NULL, "option '%s' needs a value", argv[optind - 1]);
      goto done;
    default:
      rc = kgc_usage_error(NULL, "unknown option '%s'", argv[optind - 1]);
      goto done;
    }
  }
  /* no arguments at all: read stdin, like cat, unless it is a terminal */
  int nin = argc - optind;
  char *stdin_only[] = {(char *)"-"};
  char **inputs = nin ? argv + optind : stdin_only;
  if (nin == 0)
    nin = 1;

  /* Expand the inputs first, so a missing file is reported before any work. */
  for (int i = 0; i < nin; i++) {
    const char *in = inputs[i];
    if (strcmp(in, "-") == 0 || kg_is_url(in)) {
      char **np = kg_realloc(paths, (npaths + 1) * sizeof *np);
      if (!np || !(np[npaths] = kg_strdup(in))) {
        if (np)
          paths = np;
        kgc_error("out of memory");
        rc = KGC_EXIT_INPUT;
        goto done;
      }
      paths = np;
      npaths++;
      continue;
    }
    size_t before = npaths;
    KgStatus st = kg_ingest_expand(in, &paths, &npaths);
    if (st == KG_ERR_NOT_FOUND) {
      kgc_error("%s: no such file or directory", in);
      rc = KGC_EXIT_INPUT;
    } else if (st != KG_SUCCESS) {
      kgc_error("%s: cannot read: %s", in, kg_strerror(st));
      rc = KGC_EXIT_INPUT;
    } else if (npaths == before) {
      kgc_error("%s: no articles (.txt, .html, .htm) in this directory", in);
      rc = KGC_EXIT_INPUT;
    }
  }
  if (npaths == 0) {
    if (rc == KGC_EXIT_OK)
      kgc_error("no input articles");
    rc = rc == KGC_EXIT_OK ? KGC_EXIT_NO_INPUT : rc;
    goto done;
  }

  KgExtractorOptions eopts = kgc_extractor_options(&xo);
  unsigned long errs = kgc_log_errors();
    KgStatus st = kg_extractor_new(&eopts, &log, &ex);
  if (st != KG_SUCCESS) {
    if (kgc_log_errors() == errs) /* else the file and line are out already */
        kgc_error("cannot load the language data from %s: %s", eopts.data_dir, kg_strerror(st));
    rc = KGC_EXIT_DATA;
    goto done;
  }
  if (kgc_output_open(&out, outpath) != 0) {
    rc = KGC_EXIT_OUTPUT;
    goto done;
  }
  out_open = 1;
  writer = kg_writer_new(out.fp, format, xo.base, &log);
  if (!writer) {
    kgc_error("cannot start the %s writer", kg_format_name(format));
    rc = KGC_EXIT_OUTPUT;
    goto done;
  }
  if (npics && !(all = kg_triples_new())) {
    kgc_error("out of memory");
    rc = KGC_EXIT_INPUT;
    goto done;
  }

  for (size_t i = 0; i < npaths; i++) {
    KgGraph *g = NULL;
    KgTriples *t = NULL;
    kgc_progress(i, npaths, paths[i]);
    int arc = kgc_extract_article(ex, paths[i], &xo.iopts, &hopts, xo.lang, xo.base,
                                  xo.with_statements, &log, &g, &t);
    if (arc == KGC_EXIT_DATA) {
      rc = arc;
      break;
    }
    if (arc != KGC_EXIT_OK) {
      rc = KGC_EXIT_INPUT;
      continue;
    }
    st = kg_writer_write(writer, t);
    if (st == KG_SUCCESS && all)
      st = kg_triples_append(all, t);
    if (st == KG_SUCCESS)
      kgc_info("%s: %zu entities, %zu facts, %zu triples", paths[i], kg_graph_entity_count(g),
               kg_graph_fact_count(g), kg_triples_count(t));
    else {
      rc = st == KG_ERR_IO ? KGC_EXIT_OUTPUT : KGC_EXIT_INPUT;
      kgc_error("%s: %s",
                rc == KGC_EXIT_OUTPUT ? (outpath ? outpath : "standard output") : paths[i],
                kg_strerror(st));
    }
    kg_triples_free(t);
    kg_graph_free(g);
    if (rc == KGC_EXIT_OUTPUT)
      break;
  }
  kgc_progress_end();
  if (rc == KGC_EXIT_OUTPUT || rc == KGC_EXIT_DATA) {
    kg_writer_free(writer);
    writer = NULL;
    goto done;
  }
  if (kg_writer_finish(writer) != KG_SUCCESS) {
    kgc_error("%s: write error", outpath ? outpath : "standard output");
    rc = KGC_EXIT_OUTPUT;
    goto done;
  }
  kg_writer_free(writer);
  writer = NULL;
  out_open = 0;
  if (kgc_output_commit(&out) != 0) {
    rc = KGC_EXIT_OUTPUT;
    goto done;
  }
  for (size_t i = 0; i < npics && all; i++) {
    dopts.format = pics[i].format;
    dopts.ontology = NULL;
    char onto[4096];
    snprintf(onto, sizeof onto, "%s/kg.ttl", kgc_data_dir());
    dopts.ontology = onto;
    /* kg_draw_file reports its own one-line error through the log */
    if (kg_draw_file(all, &dopts, pics[i].path, &log) != KG_SUCCESS)
      rc = KGC_EXIT_OUTPUT;
  }

done:
  if (writer)
    kg_writer_free(writer);
  if (out_open)
    kgc_output_abort(&out);
done_quiet:
  kg_triples_free(all);
  kg_extractor_free(ex);
  kg_ingest_free_paths(paths, npaths);
  kgc_extract_opts_free(&xo);
  return kgc_stdout_done(rc);
}
