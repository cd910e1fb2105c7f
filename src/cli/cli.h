/*
 * cli.h - what the subcommands of the kgbuild command share: exit codes, messages,
 * the data directory, output files that appear whole or not at all, progress.
 */
#ifndef KGC_CLI_H
#define KGC_CLI_H

#include <stdio.h>
#include <kgbuild/kgbuild.h>

/* Exit codes, documented in doc/kgbuild.1 and README.md. Never renumber. */
enum {
  KGC_EXIT_OK = 0,       /* everything worked */
  KGC_EXIT_INPUT = 1,    /* at least one input failed (the others were processed) */
  KGC_EXIT_USAGE = 2,    /* bad option or arguments */
  KGC_EXIT_OUTPUT = 3,   /* the output could not be written */
  KGC_EXIT_DATA = 4,     /* ontology, gazetteer, lexicon or rule files could not be loaded */
  KGC_EXIT_REMOTE = 5,   /* a store or server failed (push, load, query) */
  KGC_EXIT_NO_INPUT = 6  /* no article found in the inputs */
};

extern int kgc_verbosity; /* -1 quiet, 0 normal, 1 verbose */

void kgc_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kgc_warn(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
void kgc_info(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/** A usage error: message plus a hint to --help; returns KGC_EXIT_USAGE. */
int kgc_usage_error(const char *cmd, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/** The sink that prints library diagnostics on stderr (honouring -q / -v). */
KgLog kgc_log(void);

/** How many errors that sink has printed: a caller whose call failed after the library
 * explained why ("rules.txt:3: unknown capture type") adds no second, vaguer line. */
unsigned long kgc_log_errors(void);

/**
 * The data directory: $KGBUILD_DATA_DIR, else the source tree's ontology/ when this
 * binary runs from its build tree, else the installed $(pkgdatadir).
 */
const char *kgc_data_dir(void);

/**
 * An output that appears whole or not at all: writes go to a temporary file beside
 * @p path, renamed over it by kgc_output_commit(). "-" or NULL is stdout.
 */
typedef struct {
  FILE *fp;
  char *path;
  char *tmp;
} KgcOutput;

int kgc_output_open(KgcOutput *o, const char *path);
/** Flush, check for errors, close and rename. 0 ok, -1 (error printed, nothing left behind). */
int kgc_output_commit(KgcOutput *o);
/** Drop a failed output: the temporary file is removed, @p path is untouched. */
void kgc_output_abort(KgcOutput *o);

/* Options shared by every subcommand that extracts articles (extract, load, push); the
 * values stay clear of each subcommand's own (< 1000) and of getopt's characters. */
enum {
  KGC_OPT_BASE = 1000, KGC_OPT_LANG, KGC_OPT_NO_STATEMENTS, KGC_OPT_MAX_BYTES,
  KGC_OPT_GAZETTEER, KGC_OPT_LEXICON, KGC_OPT_HTML
};
#define KGC_EXTRACT_LONGOPTS                                              \
  {"base", required_argument, NULL, KGC_OPT_BASE},                        \
  {"lang", required_argument, NULL, KGC_OPT_LANG},                        \
  {"no-statements", no_argument, NULL, KGC_OPT_NO_STATEMENTS},            \
  {"max-bytes", required_argument, NULL, KGC_OPT_MAX_BYTES},              \
  {"gazetteer", required_argument, NULL, KGC_OPT_GAZETTEER},              \
  {"lexicon", required_argument, NULL, KGC_OPT_LEXICON},                  \
  {"html", no_argument, NULL, KGC_OPT_HTML}
#define KGC_CASE_EXTRACT_OPTS                                             \
  case KGC_OPT_BASE: case KGC_OPT_LANG: case KGC_OPT_NO_STATEMENTS:       \
  case KGC_OPT_MAX_BYTES: case KGC_OPT_GAZETTEER: case KGC_OPT_LEXICON:   \
  case KGC_OPT_HTML

/* Their values. The strings are borrowed from argv. */
typedef struct {
  const char *base;
  const char *lang;
  int with_statements;
  KgIngestOptions iopts;
  const char **gaz, **lex; /* room for argc entries each */
  size_t ngaz, nlex;
} KgcExtractOpts;

/** Defaults; 0 ok, -1 out of memory (printed). Free with kgc_extract_opts_free(). */
int kgc_extract_opts_init(KgcExtractOpts *o, int argc);
void kgc_extract_opts_free(KgcExtractOpts *o);
/** Take option @p c (one of KGC_OPT_*) with @p arg: 0 ok, else a usage error printed
 * (naming @p cmd, NULL for the default command) and KGC_EXIT_USAGE returned. */
int kgc_extract_opt(const char *cmd, int c, const char *arg, KgcExtractOpts *o);
/** The extractor options these values ask for (data directory included). */
KgExtractorOptions kgc_extractor_options(const KgcExtractOpts *o);

/** "64M", "100", "2k" -> bytes. 0 ok, -1 not a positive size. */
int kgc_parse_size(const char *s, size_t *out);
/** "1.5" (seconds, > 0, at most a day) -> milliseconds. 0 ok, -1 invalid. */
int kgc_parse_seconds(const char *s, long *ms);

/**
 * The pipeline every subcommand that takes articles shares: read @p path (a file, "-"
 * or an http(s) URL), set its language (@p lang "auto" detects it), extract it and
 * turn the graph into triples. On failure one line naming the input is printed and
 * KGC_EXIT_INPUT returned, or KGC_EXIT_DATA when the rules of the article's language
 * could not be compiled (the caller stops: no later article can be read); on success *g and *t are new (kg_graph_free,
 * kg_triples_free). @p hopts may be NULL (defaults).
 */
int kgc_extract_article(const KgExtractor *ex, const char *path, const KgIngestOptions *iopts,
                        const KgHttpOptions *hopts, const char *lang, const char *base,
                        int with_statements, const KgLog *log, KgGraph **g, KgTriples **t);

/** End of a command: flush stdout; a write error there (e.g. /dev/full) is reported once
 * and turns a successful @p rc into KGC_EXIT_OUTPUT. Returns the exit code. */
int kgc_stdout_done(int rc);

/** Progress on stderr, only when it is a terminal and not --quiet. */
void kgc_progress(size_t done, size_t total, const char *what);
void kgc_progress_end(void);

int kgc_cmd_extract(int argc, char **argv);
int kgc_cmd_render(int argc, char **argv);
int kgc_cmd_load(int argc, char **argv);
int kgc_cmd_query(int argc, char **argv);
int kgc_cmd_stats(int argc, char **argv);
int kgc_cmd_push(int argc, char **argv);

#endif
