/* cmd_render.c - `kgbuild render [OPTIONS] FILE...`: RDF in, a picture of the graph out. */
#include "config.h"

#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

enum { OPT_LAYOUT = 256, OPT_LABEL_LANG, OPT_MAX_NODES, OPT_ONTOLOGY };

static void kgc_render_help(void) {
  printf("Usage: kgbuild render [OPTIONS] FILE...\n"
         "\n"
         "Draw the RDF graph in FILE (Turtle, N-Triples, N-Quads, RDF/XML, RDF/JSON; the\n"
         "syntax is taken from the extension, else guessed; '-' is standard input) as a\n"
         "picture. Several files are drawn as one graph. Entities are labelled with their\n"
         "names and shaped and coloured by class; edges carry the relation and its\n"
         "qualifiers (amount, percentage, date, status); rumored and proposed facts are\n"
         "dashed, cancelled ones grey. RDF that is not kgbuild's is drawn generically.\n"
         "\n"
         "  -o, --output FILE       write the picture to FILE (default: standard output);\n"
         "                          FILE appears whole or not at all\n"
         "  -T, --format FMT        png, svg, pdf, dot (default: from the extension of\n"
         "                          FILE; dot on standard output)\n"
         "      --layout NAME       dot (default), neato, fdp, sfdp, circo; above %d\n"
         "                          entities sfdp is used whatever the choice\n"
         "      --label-lang LANG   language of the labels: en, fr (default: the\n"
         "                          articles' language, else en)\n"
         "      --max-nodes N       draw only the N best-connected entities (a note in the\n"
         "                          picture says how many were left out)\n"
         "      --ontology FILE     relation labels from FILE (default: kg.ttl in the data\n"
         "                          directory)\n"
         "  -q, --quiet             no warnings\n"
         "  -v, --verbose           more messages\n"
         "  -h, --help              this help\n"
         "  -V, --version           version\n"
         "\n"
         "Exit status: 0 ok, 1 an input could not be read or parsed, 2 usage error,\n"
         "3 the picture could not be drawn or written (nothing partial is left).\n",
         KG_DRAW_SLOW_LAYOUT_LIMIT);
}

/* Forwards to the printing sink, but keeps the first error for one line at the end. */
typedef struct {
  KgLog next;
  char first[1024];
  int has_error;
} KgcRenderLog;

static void kgc_render_diag(void *user_data, const KgDiag *d) {
  KgcRenderLog *rl = user_data;
  if (d->level < KG_LOG_ERROR) {
    if (rl->next.func)
      rl->next.func(rl->next.user_data, d);
    return;
  }
  if (rl->has_error)
    return;
  rl->has_error = 1;
  if (d->source)
    snprintf(rl->first, sizeof rl->first, "%s: %s", d->source, d->message);
  else
    snprintf(rl->first, sizeof rl->first, "%s", d->message);
}

static int kgc_parse_count(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *end || *s == '-' || v == 0 || v > (size_t)-1)
    return -1;
  *out = (size_t)v;
  return 0;
}

/* Standard input into memory, with the articles' ceiling. */
static KgStatus kgc_read_stdin(KgTriples *t, const KgLog *log) {
  size_t cap = 1 << 16, len = 0;
  char *data = malloc(cap);
  if (!data)
    return KG_ERR_NOMEM;
  size_t n;
  while ((n = fread(data + len, 1, cap - len, stdin)) > 0) {
    len += n;
    if (len == cap) {
      if (cap >= KG_DEFAULT_MAX_BYTES) {
        free(data);
        return KG_ERR_TOO_LARGE;
      }
      char *p = realloc(data, cap * 2);
      if (!p) {
        free(data);
        return KG_ERR_NOMEM;
      }
      data = p;
      cap *= 2;
    }
  }
  if (ferror(stdin)) {
    free(data);
    return KG_ERR_IO;
  }
  KgStatus st = kg_rdf_read_bytes(data, len, "standard input", NULL, "file:///dev/stdin", t, log);
  free(data);
  return st;
}

/* The picture to @p path (NULL: stdout), whole or not at all. 0 ok, -1 (error printed). */
static int kgc_render_write(const char *path, const char *data, size_t len) {
  struct stat sb;
  if (path && stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
    /* a device or FIFO is written in place: renaming a file over it would replace it */
    FILE *fp = fopen(path, "wb");
    if (!fp) {
      kgc_error("%s: cannot open: %s", path, strerror(errno));
      return -1;
    }
    errno = 0;
    size_t w = fwrite(data, 1, len, fp);
    int e = w != len ? (errno ? errno : EIO) : 0;
    if (fflush(fp) != 0 && !e)
      e = errno ? errno : EIO;
    if (fclose(fp) != 0 && !e)
      e = errno ? errno : EIO;
    if (e) {
      kgc_error("%s: write error: %s", path, strerror(e));
      return -1;
    }
    return 0;
  }
  KgcOutput o;
  if (kgc_output_open(&o, path) != 0)
    return -1;
  if (fwrite(data, 1, len, o.fp) != len) {
    kgc_error("%s: write error: %s", path ? path : "standard output",
              strerror(errno ? errno : EIO));
    kgc_output_abort(&o);
    return -1;
  }
  return kgc_output_commit(&o);
}

int kgc_cmd_render(int argc, char **argv) {
  static const struct option longopts[] = {
      {"output", required_argument, NULL, 'o'},
      {"format", required_argument, NULL, 'T'},
      {"layout", required_argument, NULL, OPT_LAYOUT},
      {"label-lang", required_argument, NULL, OPT_LABEL_LANG},
      {"max-nodes", required_argument, NULL, OPT_MAX_NODES},
      {"ontology", required_argument, NULL, OPT_ONTOLOGY},
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {"version", no_argument, NULL, 'V'},
      {NULL, 0, NULL, 0}};
  const char *outpath = NULL, *ontology = NULL;
  int have_format = 0, c, rc = KGC_EXIT_OK;
  KgDrawOptions opts = {KG_DRAW_DOT, NULL, NULL, 0, NULL};
  KgTriples *t = NULL;
  char *data = NULL;
  size_t len = 0;
  char onto[4096];

  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":o:T:qvhV", longopts, NULL)) != -1) {
    switch (c) {
    case 'o': outpath = optarg; break;
    case 'T':
      if (kg_draw_format_from_name(optarg, &opts.format) != 0)
        return kgc_usage_error("render", "unknown picture format '%s' (png, svg, pdf, dot)",
                               optarg);
      have_format = 1;
      break;
    case OPT_LAYOUT:
      if (kg_draw_layout_check(optarg) != 0)
        return kgc_usage_error("render", "unknown layout '%s' (valid: %s)", optarg,
                               kg_draw_layout_names());
      opts.layout = optarg;
      break;
    case OPT_LABEL_LANG:
      if (strcmp(optarg, "en") && strcmp(optarg, "fr"))
        return kgc_usage_error("render", "unknown label language '%s' (en, fr)", optarg);
      opts.label_lang = optarg;
      break;
    case OPT_MAX_NODES:
      if (kgc_parse_count(optarg, &opts.max_nodes) != 0)
        return kgc_usage_error("render", "--max-nodes needs a positive number, not '%s'",
                               optarg);
      break;
    case OPT_ONTOLOGY: ontology = optarg; break;
    case 'q': kgc_verbosity = -1; break;
    case 'v': kgc_verbosity = 1; break;
    case 'h': kgc_render_help(); return fflush(stdout) == 0 ? KGC_EXIT_OK : KGC_EXIT_OUTPUT;
    case 'V':
      printf("kgbuild %s\n", kg_version());
      return fflush(stdout) == 0 ? KGC_EXIT_OK : KGC_EXIT_OUTPUT;
    case ':':
      return kgc_usage_error("render", "option '%s' needs a value", argv[optind - 1]);
    default:
      return kgc_usage_error("render", "unknown option '%s'", argv[optind - 1]);
    }
  }
  if (optind >= argc)
    return kgc_usage_error("render", "no input: give the RDF file(s) to draw");
  int to_stdout = !outpath || strcmp(outpath, "-") == 0;
  if (!have_format && !to_stdout && kg_draw_format_from_path(outpath, &opts.format) != 0)
    return kgc_usage_error("render", "cannot tell the picture format from '%s': use -T "
                                     "png|svg|pdf|dot", outpath);
  if (to_stdout && (opts.format == KG_DRAW_PNG || opts.format == KG_DRAW_PDF) &&
      isatty(STDOUT_FILENO))
    return kgc_usage_error("render", "not writing a %s picture to a terminal: use -o FILE",
                           kg_draw_format_name(opts.format));
  int dashes = 0;
  for (int i = optind; i < argc; i++)
    dashes += strcmp(argv[i], "-") == 0;
  if (dashes > 1)
    return kgc_usage_error("render", "standard input given more than once");

  if (ontology) {
    opts.ontology = ontology;
  } else {
    snprintf(onto, sizeof onto, "%s/kg.ttl", kgc_data_dir());
    opts.ontology = onto;
  }

  KgcRenderLog rl = {kgc_log(), "", 0};
  KgLog log = {kgc_render_diag, &rl};
  if (!(t = kg_triples_new())) {
    kgc_error("out of memory");
    return KGC_EXIT_INPUT;
  }
  for (int i = optind; i < argc; i++) {
    const char *in = argv[i];
    int from_stdin = strcmp(in, "-") == 0;
    const char *shown = from_stdin ? "standard input" : in;
    rl.has_error = 0;
    KgStatus st = from_stdin ? kgc_read_stdin(t, &log) : kg_rdf_read_file(in, NULL, t, &log);
    if (st == KG_SUCCESS)
      continue;
    if (rl.has_error)
      kgc_error("%s", rl.first);
    else if (st == KG_ERR_TOO_LARGE)
      kgc_error("%s: larger than %zu bytes", shown, (size_t)KG_DEFAULT_MAX_BYTES);
    else
      kgc_error("%s: cannot read RDF: %s", shown, kg_strerror(st));
    rc = KGC_EXIT_INPUT;
  }
  if (rc != KGC_EXIT_OK)
    goto out; /* a picture of part of the inputs would look complete, and mislead */
  kgc_info("render: %zu triples read", kg_triples_count(t));

  rl.has_error = 0;
  const char *target = to_stdout ? "standard output" : outpath;
  KgStatus st = kg_draw_memory(t, &opts, target, &data, &len, &log);
  if (st != KG_SUCCESS) {
    if (rl.has_error)
      kgc_error("%s", rl.first);
    else
      kgc_error("%s: cannot draw the graph: %s", target, kg_strerror(st));
    rc = KGC_EXIT_OUTPUT;
    goto out;
  }
  if (kgc_render_write(to_stdout ? NULL : outpath, data, len) != 0) {
    rc = KGC_EXIT_OUTPUT;
    goto out;
  }
  kgc_info("render: %s picture written to %s (%zu bytes)", kg_draw_format_name(opts.format),
           target, len);
out:
  kg_free(data);
  kg_triples_free(t);
  return rc;
}
