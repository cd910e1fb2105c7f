/* common.c - messages, data directory, whole-or-nothing outputs and progress. */
#include "config.h"

#include <errno.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli/cli.h"

int kgc_verbosity = 0;

static void kgc_vmsg(const char *kind, const char *fmt, va_list ap) {
  fprintf(stderr, "kgbuild: %s", kind);
  vfprintf(stderr, fmt, ap);
  fputc('\n', stderr);
}

void kgc_error(const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  kgc_progress_end();
  kgc_vmsg("error: ", fmt, ap);
  va_end(ap);
}

void kgc_warn(const char *fmt, ...) {
  if (kgc_verbosity < 0)
    return;
  va_list ap;
  va_start(ap, fmt);
  kgc_progress_end();
  kgc_vmsg("warning: ", fmt, ap);
  va_end(ap);
}

void kgc_info(const char *fmt, ...) {
  if (kgc_verbosity < 1)
    return;
  va_list ap;
  va_start(ap, fmt);
  kgc_progress_end();
  kgc_vmsg("", fmt, ap);
  va_end(ap);
}

int kgc_usage_error(const char *cmd, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  kgc_vmsg("error: ", fmt, ap);
  va_end(ap);
  fprintf(stderr, "Try 'kgbuild %s%s--help' for more information.\n", cmd ? cmd : "",
          cmd ? " " : "");
  return KGC_EXIT_USAGE;
}

static unsigned long kgc_errors_logged;

unsigned long kgc_log_errors(void) { return kgc_errors_logged; }

static void kgc_print_diag(void *user_data, const KgDiag *d) {
  (void)user_data;
  if (d->level == KG_LOG_ERROR)
    kgc_errors_logged++;
  if (d->level == KG_LOG_DEBUG && kgc_verbosity < 1)
    return;
  if (d->level == KG_LOG_INFO && kgc_verbosity < 1)
    return;
  if (d->level == KG_LOG_WARNING && kgc_verbosity < 0)
    return;
  const char *kind = d->level == KG_LOG_ERROR ? "error: " : d->level == KG_LOG_WARNING ? "warning: " : "";
  kgc_progress_end();
  /* "FILE:LINE: why" names its file already */
  size_t sl = d->source ? strlen(d->source) : 0;
  if (sl && strncmp(d->message, d->source, sl) == 0 && d->message[sl] == ':')
    fprintf(stderr, "kgbuild: %s%s\n", kind, d->message);
  else if (d->source && d->offset >= 0)
    fprintf(stderr, "kgbuild: %s%s: byte %ld: %s\n", kind, d->source, d->offset, d->message);
  else if (d->source)
    fprintf(stderr, "kgbuild: %s%s: %s\n", kind, d->source, d->message);
  else
    fprintf(stderr, "kgbuild: %s%s\n", kind, d->message);
}

KgLog kgc_log(void) {
  KgLog l = {kgc_print_diag, NULL};
  return l;
}

static int kgc_is_dir(const char *p) {
  struct stat st;
  return stat(p, &st) == 0 && S_ISDIR(st.st_mode);
}

const char *kgc_data_dir(void) {
  static char found[PATH_MAX];
  const char *env = getenv("KGBUILD_DATA_DIR");
  if (env && *env)
    return env;
  /* Run from the build tree (libtool puts the real binary in src/.libs/): use the
   * source tree's data, so an older installed copy never shadows the one being built. */
  char self[PATH_MAX];
  ssize_t n = readlink("/proc/self/exe", self, sizeof self - 1);
  if (n > 0) {
    self[n] = '\0';
    size_t b = strlen(KG_ABS_BUILDDIR);
    if (strncmp(self, KG_ABS_BUILDDIR, b) == 0 && self[b] == '/' && kgc_is_dir(KG_SRCDATADIR))
      return KG_SRCDATADIR;
  }
  if (kgc_is_dir(KG_PKGDATADIR))
    return KG_PKGDATADIR;
  snprintf(found, sizeof found, "%s", KG_PKGDATADIR);
  return found;
}

int kgc_output_open(KgcOutput *o, const char *path) {
  memset(o, 0, sizeof *o);
  if (!path || strcmp(path, "-") == 0) {
    o->fp = stdout;
    return 0;
  }
  /* A device or FIFO (/dev/null, /dev/full, a pipe) is written in place: renaming a
   * temporary file over it would replace the device. */
  struct stat sb;
  if (stat(path, &sb) == 0 && !S_ISREG(sb.st_mode)) {
    if (S_ISDIR(sb.st_mode)) {
      kgc_error("%s: is a directory", path);
      return -1;
    }
    o->fp = fopen(path, "wb");
    if (!o->fp) {
      kgc_error("%s: cannot open: %s", path, strerror(errno));
      return -1;
    }
    o->path = strdup(path);
    if (!o->path) {
      fclose(o->fp);
      o->fp = NULL;
      kgc_error("%s: out of memory", path);
      return -1;
    }
    return 0; /* tmp == NULL: commit closes without renaming */
  }
  size_t n = strlen(path) + 16;
  o->path = malloc(n);
  o->tmp = malloc(n);
  if (!o->path || !o->tmp) {
    free(o->path);
    free(o->tmp);
    kgc_error("%s: out of memory", path);
    return -1;
  }
  snprintf(o->path, n, "%s", path);
  snprintf(o->tmp, n, "%s.XXXXXX", path);
  int fd = mkstemp(o->tmp);
  if (fd < 0) {
    kgc_error("%s: cannot create: %s", path, strerror(errno));
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
    return -1;
  }
  fchmod(fd, 0644 & ~(mode_t)0); /* a normal file, not mkstemp's 0600 */
  o->fp = fdopen(fd, "wb");
  if (!o->fp) {
    kgc_error("%s: %s", path, strerror(errno));
    close(fd);
    unlink(o->tmp);
    free(o->path);
    free(o->tmp);
    o->path = o->tmp = NULL;
    return -1;
  }
  return 0;
}

int kgc_output_commit(KgcOutput *o) {
  int rc = 0;
  const char *name = o->path ? o->path : "standard output";
  if (fflush(o->fp) != 0 || ferror(o->fp)) {
    kgc_error("%s: write error: %s", name, strerror(errno ? errno : EIO));
    rc = -1;
  }
  if (o->fp != stdout) {
    if (fclose(o->fp) != 0 && rc == 0) {
      kgc_error("%s: write error: %s", name, strerror(errno));
      rc = -1;
    }
    o->fp = NULL;
    if (o->tmp) {
      if (rc == 0 && rename(o->tmp, o->path) != 0) {
        kgc_error("%s: cannot rename into place: %s", name, strerror(errno));
        rc = -1;
      }
      if (rc != 0)
        unlink(o->tmp);
    }
  }
  free(o->path);
  free(o->tmp);
  o->path = o->tmp = NULL;
  return rc;
}

void kgc_output_abort(KgcOutput *o) {
  if (o->fp && o->fp != stdout) {
    fclose(o->fp);
    if (o->tmp)
      unlink(o->tmp);
  }
  o->fp = NULL;
  free(o->path);
  free(o->tmp);
  o->path = o->tmp = NULL;
}

static int kgc_progress_shown = 0;

void kgc_progress(size_t done, size_t total, const char *what) {
  static int tty = -1;
  if (tty < 0)
    tty = isatty(STDERR_FILENO);
  if (!tty || kgc_verbosity < 0)
    return;
  fprintf(stderr, "\r\033[Kkgbuild: %zu/%zu %s", done, total, what ? what : "");
  fflush(stderr);
  kgc_progress_shown = 1;
}

void kgc_progress_end(void) {
  if (kgc_progress_shown) {
    fputs("\r\033[K", stderr);
    kgc_progress_shown = 0;
  }
}

int kgc_parse_size(const char *s, size_t *out) {
  char *end;
  errno = 0;
  unsigned long long v = strtoull(s, &end, 10);
  if (errno || end == s || *s == '-')
    return -1;
  unsigned long long mul = 1;
  if (*end == 'k' || *end == 'K')
    mul = 1024ULL, end++;
  else if (*end == 'm' || *end == 'M')
    mul = 1024ULL * 1024, end++;
  else if (*end == 'g' || *end == 'G')
    mul = 1024ULL * 1024 * 1024, end++;
  if (*end || v == 0 || v > (unsigned long long)-1 / mul)
    return -1;
  *out = (size_t)(v * mul);
  return 0;
}

int kgc_parse_seconds(const char *s, long *ms) {
  char *end;
  errno = 0;
  double v = strtod(s, &end);
  if (errno || end == s || *end || !(v > 0) || v > 86400)
    return -1;
  *ms = (long)(v * 1000 + 0.5);
  if (*ms < 1)
    *ms = 1;
  return 0;
}

int kgc_extract_article(const KgExtractor *ex, const char *path, const KgIngestOptions *iopts,
                        const KgHttpOptions *hopts, const char *lang, const char *base,
                        int with_statements, const KgLog *log, KgGraph **gout,
                        KgTriples **tout) {
  const char *shown = strcmp(path, "-") == 0 ? "standard input" : path;
  KgArticle *a = NULL;
  KgGraph *g = NULL;
  KgTriples *t = NULL;
  KgStatus st;
  errno = 0;
  if (kg_is_url(path)) {
    st = kg_http_fetch_article_ex(path, iopts, hopts, log, &a);
    /* the HTTP client already said which URL failed and why, in one line */
    if (st != KG_SUCCESS && st != KG_ERR_TOO_LARGE && st != KG_ERR_NOMEM)
      return KGC_EXIT_INPUT;
  } else {
    st = kg_ingest_file(path, iopts, log, &a);
  }
  if (st != KG_SUCCESS) {
    if (st == KG_ERR_TOO_LARGE)
      kgc_error("%s: article larger than the --max-bytes ceiling (%zu bytes)", shown,
                iopts->max_bytes ? iopts->max_bytes : KG_DEFAULT_MAX_BYTES);
    else if (st == KG_ERR_IO || st == KG_ERR_NOT_FOUND)
      kgc_error("%s: cannot read: %s", shown, strerror(errno ? errno : EIO));
    else
      kgc_error("%s: %s", shown, kg_strerror(st));
    return KGC_EXIT_INPUT;
  }
  /* The graph copies the article's metadata, so its language must be known first. */
  if (strcmp(lang, "auto") != 0)
    st = kg_article_set_meta(a, KG_META_LANGUAGE, lang);
  else if (!kg_article_get_meta(a, KG_META_LANGUAGE))
    st = kg_article_set_meta(a, KG_META_LANGUAGE,
                             kg_detect_language(kg_article_text(a), kg_article_length(a)));
  unsigned long errs = kgc_log_errors();
  if (st == KG_SUCCESS && !(g = kg_graph_new(base)))
    st = KG_ERR_NOMEM;
  if (st == KG_SUCCESS && (st = kg_graph_set_article(g, a)) == KG_SUCCESS &&
      (st = kg_extract(ex, a, g, log)) == KG_SUCCESS)
    st = kg_graph_to_triples(g, with_statements, &t);
  kg_article_free(a);
  if (st == KG_ERR_DATA) {
    if (kgc_log_errors() == errs) /* else the rule file's line is out already */
      kgc_error("%s: cannot load the language data from %s", shown, kgc_data_dir());
    kg_graph_free(g);
    return KGC_EXIT_DATA;
  }
  if (st != KG_SUCCESS) {
    kgc_error("%s: %s", shown, kg_strerror(st));
    kg_graph_free(g);
    return KGC_EXIT_INPUT;
  }
  *gout = g;
  *tout = t;
  return KGC_EXIT_OK;
}

int kgc_extract_opts_init(KgcExtractOpts *o, int argc) {
  memset(o, 0, sizeof *o);
  o->base = KG_DEFAULT_BASE;
  o->lang = "auto";
  o->with_statements = 1;
  o->iopts.max_bytes = KG_DEFAULT_MAX_BYTES;
  o->iopts.kind = KG_INPUT_AUTO;
  o->gaz = calloc((size_t)argc + 1, sizeof *o->gaz);
  o->lex = calloc((size_t)argc + 1, sizeof *o->lex);
  if (!o->gaz || !o->lex) {
    kgc_extract_opts_free(o);
    kgc_error("out of memory");
    return -1;
  }
  return 0;
}

void kgc_extract_opts_free(KgcExtractOpts *o) {
  free(o->gaz);
  free(o->lex);
  o->gaz = o->lex = NULL;
}

int kgc_extract_opt(const char *cmd, int c, const char *arg, KgcExtractOpts *o) {
  switch (c) {
  case KGC_OPT_BASE:
    if (strncmp(arg, "http://", 7) != 0 && strncmp(arg, "https://", 8) != 0 &&
        strncmp(arg, "urn:", 4) != 0)
      return kgc_usage_error(cmd, "--base needs an absolute http(s) or urn IRI, not '%s'", arg);
    if (strpbrk(arg, " <>\"{}|\\^`"))
      return kgc_usage_error(cmd, "--base '%s' contains characters not allowed in an IRI", arg);
    o->base = arg;
    return 0;
  case KGC_OPT_LANG:
    if (strcmp(arg, "auto") && strcmp(arg, "en") && strcmp(arg, "fr"))
      return kgc_usage_error(cmd, "unknown language '%s' (auto, en, fr)", arg);
    o->lang = arg;
    return 0;
  case KGC_OPT_NO_STATEMENTS: o->with_statements = 0; return 0;
  case KGC_OPT_MAX_BYTES:
    if (kgc_parse_size(arg, &o->iopts.max_bytes) != 0)
      return kgc_usage_error(cmd, "--max-bytes needs a positive size, not '%s'", arg);
    return 0;
  case KGC_OPT_GAZETTEER: o->gaz[o->ngaz++] = arg; return 0;
  case KGC_OPT_LEXICON: o->lex[o->nlex++] = arg; return 0;
  case KGC_OPT_HTML: o->iopts.kind = KG_INPUT_HTML; return 0;
  }
  return kgc_usage_error(cmd, "unknown option");
}

KgExtractorOptions kgc_extractor_options(const KgcExtractOpts *o) {
  KgExtractorOptions e = {kgc_data_dir(), o->gaz, o->ngaz, o->lex, o->nlex, o->lang};
  return e;
}

int kgc_stdout_done(int rc) {
  if ((fflush(stdout) != 0 || ferror(stdout)) && rc == KGC_EXIT_OK) {
    kgc_error("standard output: write error: %s", strerror(errno ? errno : EIO));
    rc = KGC_EXIT_OUTPUT;
  }
  return rc;
}
