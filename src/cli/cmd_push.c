/* cmd_push.c - `kgbuild push`: article graphs and RDF files to a SPARQL server. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"

enum {
  OPT_ENDPOINT = 256, OPT_GRAPH_STORE, OPT_UPDATE, OPT_GRAPH, OPT_CHUNK, OPT_USER, OPT_AUTH,
  OPT_NETRC, OPT_NETRC_FILE, OPT_CACERT, OPT_INSECURE, OPT_CONNECT_TIMEOUT, OPT_TIMEOUT,
  OPT_RETRIES, OPT_CONTINUE
};

static void kgc_push_help(void) {
  printf("Usage: kgbuild push --endpoint URL [OPTIONS] FILE|DIR|URL|FILE.ttl...\n"
         "\n"
         "Send each article's graph to a SPARQL server, as the named graph of the article's\n"
         "IRI, replacing what that graph held (a re-run replaces, never duplicates). Articles\n"
         "(.txt, .html, directories, http(s) URLs, '-') are extracted first; RDF files\n"
         "(.ttl, .nt, .nq, .rdf) are sent as they are (N-Quads: one graph per graph name).\n"
         "Every graph lands whole or is reported as failed, checked by a COUNT.\n"
         "\n"
         "Server:\n"
         "      --endpoint URL       SPARQL query endpoint (COUNT checks; MOVE/DROP when no\n"
         "                           --update). The Graph Store endpoint is derived from it\n"
         "                           when it ends in /sparql (Virtuoso: /sparql-graph-crud)\n"
         "      --graph-store URL    SPARQL 1.1 Graph Store endpoint (PUT ?graph=IRI)\n"
         "      --update URL         SPARQL 1.1 Update endpoint; without --graph-store, graphs\n"
         "                           are sent as DROP SILENT GRAPH + INSERT DATA\n"
         "      --graph IRI          graph for a single RDF file without graph names (default:\n"
         "                           its one kg:Article)\n"
         "      --chunk-size N       at most N triples per request (default %zu, %zu with\n"
         "                           --update); larger graphs go through a staging graph\n"
         "Authentication and TLS:\n"
         "      --user NAME          user name; the password is read from the terminal, or\n"
         "                           from $KGBUILD_PASSWORD ($KGBUILD_USER names the user)\n"
         "      --auth METHOD        any (default), basic, digest\n"
         "      --netrc              credentials from ~/.netrc;  --netrc-file FILE: from FILE\n"
         "      --cacert FILE        CA certificates (PEM) to verify the server with\n"
         "      --insecure           do not verify TLS certificates (warns)\n"
         "Faults:\n"
         "      --connect-timeout S  per connection (default 10)\n"
         "      --timeout S          per request (default 300)\n"
         "      --retries N          retries of a failure that may pass: 5xx, 429 (honouring\n"
         "                           Retry-After), timeouts, resets (default 3); never 4xx\n"
         "      --continue           go on with the other inputs after a failure\n"
         "Extraction (as in 'kgbuild --help'):\n"
         "      --base IRI, --lang LANG, --no-statements, --max-bytes N, --html,\n"
         "      --gazetteer FILE, --lexicon FILE\n"
         "General:\n"
         "  -q, --quiet              no summary, warnings or progress\n"
         "  -v, --verbose            one line per graph\n"
         "  -h, --help               this help\n"
         "\n"
         "Exit status: 0 all landed, 1 an input could not be read or extracted, 2 usage,\n"
         "4 data files not loadable, 5 a server failed or refused a graph, 6 no input.\n",
         KG_PUSH_DEFAULT_CHUNK, KG_PUSH_UPDATE_CHUNK);
}

static int kgc_is_rdf_file(const char *p) {
  static const char *const ext[] = {".ttl", ".nt", ".nq", ".rdf", ".owl"};
  size_t n = strlen(p);
  for (size_t i = 0; i < sizeof ext / sizeof ext[0]; i++) {
    size_t e = strlen(ext[i]);
    if (n > e && strcasecmp(p + n - e, ext[i]) == 0)
      return 1;
  }
  return 0;
}

/* The password from the terminal, without echo; never from the command line (ps). */
static char *kgc_read_password(const char *user, const char *where) {
  int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
  if (fd < 0)
    return NULL;
  struct termios old, quiet;
  int restore = tcgetattr(fd, &old) == 0;
  if (restore) {
    quiet = old;
    quiet.c_lflag &= ~(tcflag_t)(ECHO | ECHONL);
    quiet.c_lflag |= ICANON;
    tcsetattr(fd, TCSAFLUSH, &quiet);
  }
  char prompt[512];
  int pn = snprintf(prompt, sizeof prompt, "Password for %s at %s: ", user, where);
  if (pn > 0 && write(fd, prompt, strlen(prompt)) < 0) {
    /* nothing to do: the read below still works or fails on its own */
  }
  char buf[1024];
  size_t n = 0;
  for (;;) { /* bounded by the buffer */
    char c;
    ssize_t r = read(fd, &c, 1);
    if (r <= 0 || c == '\n' || c == '\r' || n + 1 >= sizeof buf)
      break;
    buf[n++] = c;
  }
  buf[n] = '\0';
  if (restore)
    tcsetattr(fd, TCSAFLUSH, &old);
  if (write(fd, "\n", 1) < 0) {
    /* the newline only tidies the terminal */
  }
  close(fd);
  char *pw = strdup(buf);
  memset(buf, 0, sizeof buf);
  return pw;
}

typedef struct {
  KgPusher *pusher;
  size_t graphs_ok, graphs_failed, triples;
  int verbose;
} KgcPushState;

/* Push one graph; report by input name and graph IRI. */
static KgStatus kgc_push_graph(KgcPushState *ps, const char *shown, const char *graph,
                               const KgTriples *t) {
  size_t landed = 0;
  KgStatus st = kg_pusher_push(ps->pusher, graph, t, &landed);
  if (st == KG_SUCCESS) {
    ps->graphs_ok++;
    ps->triples += landed;
    kgc_info("%s: %zu triples in <%s>", shown, landed, graph);
  } else {
    ps->graphs_failed++;
    kgc_error("%s: not pushed (graph <%s>): %s", shown, graph, kg_strerror(st));
  }
  return st;
}

/* The one kg:Article subject of @p t, or NULL when there is none or several. */
static const char *kgc_article_subject(const KgTriples *t) {
  const char *found = NULL;
  for (size_t i = 0; i < kg_triples_count(t); i++) {
    const KgTriple *tr = kg_triples_get(t, i);
    if (tr->s.type == KG_TERM_IRI && tr->o.type == KG_TERM_IRI &&
        strcmp(tr->p.value, KG_NS_RDF "type") == 0 && strcmp(tr->o.value, KG_NS "Article") == 0) {
      if (found && strcmp(found, tr->s.value) != 0)
        return NULL;
      found = tr->s.value;
    }
  }
  return found;
}

static int kgc_same_graph(const char *a, const char *b) {
  return a == b || (a && b && strcmp(a, b) == 0);
}

/* An RDF file: one push per graph name; triples without one go to @p graph_opt or to
 * the file's kg:Article. */
static KgStatus kgc_push_rdf_file(KgcPushState *ps, const char *path, const char *graph_opt,
                                  int keep_going, int *remote_failed) {
  KgLog log = kgc_log();
  KgTriples *all = kg_triples_new(), *part = NULL;
  KgStatus st = all ? kg_rdf_read_file(path, NULL, all, &log) : KG_ERR_NOMEM;
  if (st != KG_SUCCESS) {
    kgc_error("%s: cannot read: %s", path, kg_strerror(st));
    kg_triples_free(all);
    return st;
  }
  /* sorted by graph first, so each graph is one run */
  if ((st = kg_triples_sort_unique(all)) != KG_SUCCESS) {
    kgc_error("%s: %s", path, kg_strerror(st));
    kg_triples_free(all);
    return st;
  }
  size_t n = kg_triples_count(all);
  if (n == 0) {
    kgc_warn("%s: no triples, nothing pushed", path);
    kg_triples_free(all);
    return KG_SUCCESS;
  }
  KgStatus result = KG_SUCCESS;
  for (size_t i = 0; i < n;) {
    const char *g = kg_triples_get(all, i)->g;
    size_t j = i;
    if (!(part = kg_triples_new())) {
      result = KG_ERR_NOMEM;
      break;
    }
    while (j < n && kgc_same_graph(kg_triples_get(all, j)->g, g)) {
      if ((st = kg_triples_add(part, kg_triples_get(all, j))) != KG_SUCCESS)
        break;
      j++;
    }
    if (st != KG_SUCCESS) {
      kgc_error("%s: %s", path, kg_strerror(st));
      result = st;
      kg_triples_free(part);
      break;
    }
    const char *target = g ? g : graph_opt ? graph_opt : kgc_article_subject(part);
    if (!target) {
      kgc_error("%s: %zu triples without a graph name and no kg:Article to name one: "
                "give --graph IRI", path, j - i);
      result = KG_ERR_BAD_ARG;
    } else if ((st = kgc_push_graph(ps, path, target, part)) != KG_SUCCESS) {
      result = st;
      *remote_failed = 1;
    }
    kg_triples_free(part);
    part = NULL;
    i = j;
    if (result != KG_SUCCESS && !keep_going)
      break;
  }
  kg_triples_free(all);
  return result;
}

int kgc_cmd_push(int argc, char **argv) {
  static const struct option longopts[] = {
      {"endpoint", required_argument, NULL, OPT_ENDPOINT},
      {"graph-store", required_argument, NULL, OPT_GRAPH_STORE},
      {"update", required_argument, NULL, OPT_UPDATE},
      {"graph", required_argument, NULL, OPT_GRAPH},
      {"chunk-size", required_argument, NULL, OPT_CHUNK},
      {"user", required_argument, NULL, OPT_USER},
      {"auth", required_argument, NULL, OPT_AUTH},
      {"netrc", no_argument, NULL, OPT_NETRC},
      {"netrc-file", required_argument, NULL, OPT_NETRC_FILE},
      {"cacert", required_argument, NULL, OPT_CACERT},
      {"insecure", no_argument, NULL, OPT_INSECURE},
      {"connect-timeout", required_argument, NULL, OPT_CONNECT_TIMEOUT},
      {"timeout", required_argument, NULL, OPT_TIMEOUT},
      {"retries", required_argument, NULL, OPT_RETRIES},
      {"continue", no_argument, NULL, OPT_CONTINUE},
      KGC_EXTRACT_LONGOPTS,
      {"quiet", no_argument, NULL, 'q'},
      {"verbose", no_argument, NULL, 'v'},
      {"help", no_argument, NULL, 'h'},
      {NULL, 0, NULL, 0}};
  KgPushOptions po;
  KgcExtractOpts xo;
  const char *graph_opt = NULL, *user_opt = NULL;
  int keep_going = 0, rc = KGC_EXIT_OK, c, remote_failed = 0;
  char *password = NULL;
  char **paths = NULL;
  size_t npaths = 0;
  unsigned char *is_rdf = NULL;
  KgExtractor *ex = NULL;
  KgcPushState ps = {NULL, 0, 0, 0, 0};
  KgLog log = kgc_log();

  kg_push_options_init(&po);
  if (kgc_extract_opts_init(&xo, argc) != 0)
    return KGC_EXIT_INPUT;
  optind = 1;
  opterr = 0;
  while ((c = getopt_long(argc, argv, ":qvh", longopts, NULL)) != -1) {
    switch (c) {
    case OPT_ENDPOINT: po.endpoint = optarg; break;
    case OPT_GRAPH_STORE: po.graph_store = optarg; break;
    case OPT_UPDATE: po.update_endpoint = optarg; break;
    case OPT_GRAPH:
      if (!kg_push_graph_iri_ok(optarg)) {
        rc = kgc_usage_error("push", "--graph needs an absolute IRI, not '%s'", optarg);
        goto done;
      }
      graph_opt = optarg;
      break;
    case OPT_CHUNK:
      if (kgc_parse_size(optarg, &po.chunk_triples) != 0) {
        rc = kgc_usage_error("push", "--chunk-size needs a positive number, not '%s'", optarg);
        goto done;
      }
      break;
    case OPT_USER:
      if (strchr(optarg, ':')) {
        rc = kgc_usage_error("push", "--user takes a name only: a password on the command line "
                                     "is visible to every user (ps); it is asked on the terminal, "
                                     "or read from $KGBUILD_PASSWORD or --netrc");
        goto done;
      }
      user_opt = optarg;
      break;
    case OPT_AUTH:
      if (strcmp(optarg, "any") == 0)
        po.http.auth = KG_HTTP_AUTH_ANY;
      else if (strcmp(optarg, "basic") == 0)
        po.http.auth = KG_HTTP_AUTH_BASIC;
      else if (strcmp(optarg, "digest") == 0)
        po.http.auth = KG_HTTP_AUTH_DIGEST;
      else {
        rc = kgc_usage_error("push", "unknown authentication '%s' (any, basic, digest)", optarg);
        goto done;
      }
      break;
    case OPT_NETRC: po.http.use_netrc = 1; break;
    case OPT_NETRC_FILE: po.http.use_netrc = 1; po.http.netrc_file = optarg; break;
    case OPT_CACERT: po.http.cacert = optarg; break;
    case OPT_INSECURE: po.http.insecure = 1; break;
    case OPT_CONNECT_TIMEOUT:
    case OPT_TIMEOUT:
      if (kgc_parse_seconds(optarg, c == OPT_TIMEOUT ? &po.http.timeout_ms
                                                    : &po.http.connect_timeout_ms) != 0) {
        rc = kgc_usage_error("push", "%s needs a number of seconds, not '%s'",
                             c == OPT_TIMEOUT ? "--timeout" : "--connect-timeout", optarg);
        goto done;
      }
      break;
    case OPT_RETRIES: {
      char *end;
      errno = 0;
      long v = strtol(optarg, &end, 10);
      if (errno || end == optarg || *end || v < 0 || v > 20) {
        rc = kgc_usage_error("push", "--retries needs a number from 0 to 20, not '%s'", optarg);
        goto done;
      }
      po.http.retries = (int)v;
      break;
    }
    case OPT_CONTINUE: keep_going = 1; break;
    KGC_CASE_EXTRACT_OPTS:
      if ((rc = kgc_extract_opt("push", c, optarg, &xo)) != KGC_EXIT_OK)
        goto done;
      break;
    case 'q': kgc_verbosity = -1; break;
    case 'v': kgc_verbosity = 1; break;
    case 'h': kgc_push_help(); rc = KGC_EXIT_OK; goto done;
    case ':':
      rc = kgc_usage_error("push", "option '%s' needs a value", argv[optind - 1]);
      goto done;
    default:
      rc = kgc_usage_error("push", "unknown option '%s'", argv[optind - 1]);
      goto done;
    }
  }
  if (!po.endpoint && !po.update_endpoint) {
    rc = kgc_usage_error("push", "no server: give --endpoint URL (and --graph-store or --update "
                                 "when it is not Virtuoso's /sparql)");
    goto done;
  }
  if (optind >= argc) {
    rc = kgc_usage_error("push", "no input: give articles, directories, URLs or RDF files");
    goto done;
  }

  /* Credentials: a name from --user or $KGBUILD_USER; the password from
   * $KGBUILD_PASSWORD, else the terminal (never argv). */
  const char *user = user_opt ? user_opt : getenv("KGBUILD_USER");
  if (user && !*user)
    user = NULL;
  if (user) {
    const char *envpw = getenv("KGBUILD_PASSWORD");
    if (envpw) {
      password = strdup(envpw);
    } else if (!po.http.use_netrc) {
      const char *where = po.graph_store ? po.graph_store : po.endpoint ? po.endpoint : po.update_endpoint;
      password = kgc_read_password(user, where);
      if (!password) {
        kgc_error("--user %s: no terminal to ask the password on: set KGBUILD_PASSWORD or use "
                  "--netrc", user);
        rc = KGC_EXIT_USAGE;
        goto done;
      }
    }
    po.http.user = user;
    po.http.password = password;
  }
  if (po.http.insecure)
    kgc_warn("--insecure: TLS certificates and host names are not verified");

  if (kg_pusher_new(&po, &log, &ps.pusher) != KG_SUCCESS) {
    rc = KGC_EXIT_USAGE;
    goto done;
  }

  /* Expand every input before any request, so a missing file is reported first. */
  size_t nrdf = 0, narticles = 0;
  for (int i = optind; i < argc; i++) {
    const char *in = argv[i];
    size_t before = npaths;
    int rdf = !kg_is_url(in) && strcmp(in, "-") != 0 && kgc_is_rdf_file(in);
    KgStatus st = KG_SUCCESS;
    if (strcmp(in, "-") == 0 || kg_is_url(in) || rdf) {
      char **np = kg_realloc(paths, (npaths + 1) * sizeof *np);
      if (np)
        paths = np;
      if (!np || !(np[npaths] = kg_strdup(in)))
        st = KG_ERR_NOMEM;
      else
        npaths++;
    } else {
      st = kg_ingest_expand(in, &paths, &npaths);
    }
    unsigned char *nr = realloc(is_rdf, npaths + 1);
    if (!nr) {
      st = KG_ERR_NOMEM;
    } else {
      is_rdf = nr;
      for (size_t k = before; k < npaths; k++)
        is_rdf[k] = (unsigned char)rdf;
    }
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
    if (rdf)
      nrdf++;
    else
      narticles += npaths - before;
  }
  if (rc != KGC_EXIT_OK && !keep_going)
    goto done;
  if (npaths == 0) {
    if (rc == KGC_EXIT_OK)
      kgc_error("no input articles");
    rc = rc == KGC_EXIT_OK ? KGC_EXIT_NO_INPUT : rc;
    goto done;
  }
  if (graph_opt && (nrdf != 1 || narticles)) {
    rc = kgc_usage_error("push", "--graph names the graph of one RDF file; articles are pushed "
                                 "to their own article IRI");
    goto done;
  }
  if (narticles) {
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

  for (size_t i = 0; i < npaths; i++) {
    const char *p = paths[i];
    const char *shown = strcmp(p, "-") == 0 ? "standard input" : p;
    kgc_progress(i, npaths, p);
    if (is_rdf[i]) {
      KgStatus st = kgc_push_rdf_file(&ps, p, graph_opt, keep_going, &remote_failed);
      if (st != KG_SUCCESS && !remote_failed)
        rc = KGC_EXIT_INPUT;
      if (st != KG_SUCCESS && !keep_going)
        break;
      continue;
    }
    KgGraph *g = NULL;
    KgTriples *t = NULL;
    KgStatus st = KG_SUCCESS;
    int arc = kgc_extract_article(ex, p, &xo.iopts, NULL, xo.lang, xo.base,
                                  xo.with_statements, &log, &g, &t);
    if (arc == KGC_EXIT_DATA) { /* no later article can be read either */
      rc = arc;
      break;
    }
    if (arc != KGC_EXIT_OK) {
      st = KG_ERR_PARSE;
      if (rc == KGC_EXIT_OK)
        rc = KGC_EXIT_INPUT;
    } else if (kgc_push_graph(&ps, shown, kg_graph_article_iri(g), t) != KG_SUCCESS) {
      remote_failed = 1;
      st = KG_ERR_HTTP;
    }
    kg_triples_free(t);
    kg_graph_free(g);
    if (st != KG_SUCCESS && !keep_going)
      break;
  }
  kgc_progress_end();
  if (remote_failed)
    rc = KGC_EXIT_REMOTE;
  if (kgc_verbosity >= 0) {
    size_t tried = ps.graphs_ok + ps.graphs_failed;
    fprintf(stderr, "kgbuild: push: %zu of %zu graph%s landed (%zu triples) at %s%s\n",
            ps.graphs_ok, tried, tried == 1 ? "" : "s", ps.triples,
            kg_pusher_graph_store(ps.pusher) ? kg_pusher_graph_store(ps.pusher)
                                             : (po.update_endpoint ? po.update_endpoint : po.endpoint),
            rc == KGC_EXIT_OK ? "" : "; see the errors above");
  }

done:
  kg_pusher_free(ps.pusher);
  kg_extractor_free(ex);
  kg_ingest_free_paths(paths, npaths);
  free(is_rdf);
  if (password) {
    volatile char *v = password;
    while (*v)
      *v++ = '\0';
    free(password);
  }
  kgc_extract_opts_free(&xo);
  return kgc_stdout_done(rc);
}
