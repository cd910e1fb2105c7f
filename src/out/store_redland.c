/*
 * store_redland.c - the embedded store (kgbuild/store.h) on Redland's "hashes" storage
 * (Berkeley DB, contexts on), queried with Rasqal. The only file that sees redland.h
 * and rasqal.h.
 *
 * Why Rasqal is driven directly instead of through librdf_query: Redland's query glue
 * drops the query's dataset before evaluation, so GRAPH ?g and GRAPH <iri> never match
 * anything. Here Rasqal runs against a triples source of ours that reads the Redland
 * model: every context is declared as a named graph of the query, GRAPH patterns read
 * that context, and the default graph is the merge of all contexts (duplicates across
 * contexts dropped).
 *
 * Redland's hashes storage needs care for speed: storing into a context never checks
 * for duplicates (so we drop them before adding), and its find_statements scans the
 * whole store unless exactly one of subject/predicate/object is unknown (or only the
 * predicate is known, thanks to index-predicates), so fully bound patterns are looked
 * up as (s p ?) and filtered.
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <sys/types.h>
#include <dirent.h>
#include <pthread.h>
#include <unistd.h>

#include <redland.h>
#include <rasqal.h>

#include <kgbuild/graph.h>
#include <kgbuild/vocab.h>

#include "out/store_int.h"
#include "util/util.h"

/* Redland and Rasqal are loaded on first use (kgi_dl_load): their libraries (and Berkeley
 * DB's) cost every run of kgbuild a millisecond and more to map and relocate, and most runs
 * open no store. The calls below keep their names: each goes through the pointer found
 * for it. */
#define KGS_RDF_SYMBOLS(X) \
  X(librdf_free_iterator) X(librdf_free_model) X(librdf_free_node) \
  X(librdf_free_statement) X(librdf_free_storage) X(librdf_free_stream) \
  X(librdf_free_uri) X(librdf_free_world) X(librdf_iterator_end) \
  X(librdf_iterator_get_object) X(librdf_iterator_next) X(librdf_log_message_level) \
  X(librdf_log_message_message) X(librdf_model_as_stream) \
  X(librdf_model_contains_context) X(librdf_model_context_add_statement) \
  X(librdf_model_context_remove_statements) X(librdf_model_find_statements) \
  X(librdf_model_find_statements_in_context) X(librdf_model_get_contexts) \
  X(librdf_model_sync) X(librdf_new_model) X(librdf_new_node_from_blank_identifier) \
  X(librdf_new_node_from_typed_literal) X(librdf_new_node_from_uri) \
  X(librdf_new_node_from_uri_string) X(librdf_new_statement_from_nodes) \
  X(librdf_new_storage) X(librdf_new_uri) X(librdf_new_world) X(librdf_node_encode) \
  X(librdf_node_equals) X(librdf_node_get_uri) X(librdf_statement_encode2) \
  X(librdf_statement_get_object) X(librdf_statement_get_predicate) \
  X(librdf_statement_get_subject) X(librdf_stream_end) X(librdf_stream_get_context2) \
  X(librdf_stream_get_object) X(librdf_stream_next) X(librdf_world_get_raptor) \
  X(librdf_world_open) X(librdf_world_set_logger) X(rasqal_alloc_memory) \
  X(rasqal_free_memory) X(rasqal_free_query) X(rasqal_free_query_results) \
  X(rasqal_free_world) X(rasqal_graph_pattern_get_operator) \
  X(rasqal_graph_pattern_get_origin) X(rasqal_graph_pattern_get_sub_graph_pattern) \
  X(rasqal_literal_as_counted_string) X(rasqal_literal_as_variable) \
  X(rasqal_literal_datatype) X(rasqal_literal_get_rdf_term_type) \
  X(rasqal_new_data_graph_from_uri) X(rasqal_new_query) X(rasqal_new_simple_literal) \
  X(rasqal_new_string_literal) X(rasqal_new_uri_literal) X(rasqal_new_world) \
  X(rasqal_query_add_data_graph) X(rasqal_query_dataset_contains_named_graph) \
  X(rasqal_query_execute) X(rasqal_query_get_data_graph_sequence) \
  X(rasqal_query_get_query_graph_pattern) X(rasqal_query_get_verb) \
  X(rasqal_query_prepare) X(rasqal_query_results_finished) \
  X(rasqal_query_results_get_binding_name) X(rasqal_query_results_get_binding_value) \
  X(rasqal_query_results_get_bindings_count) X(rasqal_query_results_get_boolean) \
  X(rasqal_query_results_get_triple) X(rasqal_query_results_is_bindings) \
  X(rasqal_query_results_is_boolean) X(rasqal_query_results_is_graph) \
  X(rasqal_query_results_next) X(rasqal_query_results_next_triple) \
  X(rasqal_set_triples_source_factory) X(rasqal_variable_set_value) \
  X(rasqal_world_open) X(rasqal_world_set_log_handler) X(rasqal_world_set_raptor)

KGI_DL_API(kgs_rdf_api, KGS_RDF_SYMBOLS, KG_REDLAND_SONAMES)

#define librdf_free_iterator (*kgs_rdf_api.librdf_free_iterator)
#define librdf_free_model (*kgs_rdf_api.librdf_free_model)
#define librdf_free_node (*kgs_rdf_api.librdf_free_node)
#define librdf_free_statement (*kgs_rdf_api.librdf_free_statement)
#define librdf_free_storage (*kgs_rdf_api.librdf_free_storage)
#define librdf_free_stream (*kgs_rdf_api.librdf_free_stream)
#define librdf_free_uri (*kgs_rdf_api.librdf_free_uri)
#define librdf_free_world (*kgs_rdf_api.librdf_free_world)
#define librdf_iterator_end (*kgs_rdf_api.librdf_iterator_end)
#define librdf_iterator_get_object (*kgs_rdf_api.librdf_iterator_get_object)
#define librdf_iterator_next (*kgs_rdf_api.librdf_iterator_next)
#define librdf_log_message_level (*kgs_rdf_api.librdf_log_message_level)
#define librdf_log_message_message (*kgs_rdf_api.librdf_log_message_message)
#define librdf_model_as_stream (*kgs_rdf_api.librdf_model_as_stream)
#define librdf_model_contains_context (*kgs_rdf_api.librdf_model_contains_context)
#define librdf_model_context_add_statement (*kgs_rdf_api.librdf_model_context_add_statement)
#define librdf_model_context_remove_statements (*kgs_rdf_api.librdf_model_context_remove_statements)
#define librdf_model_find_statements (*kgs_rdf_api.librdf_model_find_statements)
#define librdf_model_find_statements_in_context (*kgs_rdf_api.librdf_model_find_statements_in_context)
#define librdf_model_get_contexts (*kgs_rdf_api.librdf_model_get_contexts)
#define librdf_model_sync (*kgs_rdf_api.librdf_model_sync)
#define librdf_new_model (*kgs_rdf_api.librdf_new_model)
#define librdf_new_node_from_blank_identifier (*kgs_rdf_api.librdf_new_node_from_blank_identifier)
#define librdf_new_node_from_typed_literal (*kgs_rdf_api.librdf_new_node_from_typed_literal)
#define librdf_new_node_from_uri (*kgs_rdf_api.librdf_new_node_from_uri)
#define librdf_new_node_from_uri_string (*kgs_rdf_api.librdf_new_node_from_uri_string)
#define librdf_new_statement_from_nodes (*kgs_rdf_api.librdf_new_statement_from_nodes)
#define librdf_new_storage (*kgs_rdf_api.librdf_new_storage)
#define librdf_new_uri (*kgs_rdf_api.librdf_new_uri)
#define librdf_new_world (*kgs_rdf_api.librdf_new_world)
#define librdf_node_encode (*kgs_rdf_api.librdf_node_encode)
#define librdf_node_equals (*kgs_rdf_api.librdf_node_equals)
#define librdf_node_get_uri (*kgs_rdf_api.librdf_node_get_uri)
#define librdf_statement_encode2 (*kgs_rdf_api.librdf_statement_encode2)
#define librdf_statement_get_object (*kgs_rdf_api.librdf_statement_get_object)
#define librdf_statement_get_predicate (*kgs_rdf_api.librdf_statement_get_predicate)
#define librdf_statement_get_subject (*kgs_rdf_api.librdf_statement_get_subject)
#define librdf_stream_end (*kgs_rdf_api.librdf_stream_end)
#define librdf_stream_get_context2 (*kgs_rdf_api.librdf_stream_get_context2)
#define librdf_stream_get_object (*kgs_rdf_api.librdf_stream_get_object)
#define librdf_stream_next (*kgs_rdf_api.librdf_stream_next)
#define librdf_world_get_raptor (*kgs_rdf_api.librdf_world_get_raptor)
#define librdf_world_open (*kgs_rdf_api.librdf_world_open)
#define librdf_world_set_logger (*kgs_rdf_api.librdf_world_set_logger)
#define rasqal_alloc_memory (*kgs_rdf_api.rasqal_alloc_memory)
#define rasqal_free_memory (*kgs_rdf_api.rasqal_free_memory)
#define rasqal_free_query (*kgs_rdf_api.rasqal_free_query)
#define rasqal_free_query_results (*kgs_rdf_api.rasqal_free_query_results)
#define rasqal_free_world (*kgs_rdf_api.rasqal_free_world)
#define rasqal_graph_pattern_get_operator (*kgs_rdf_api.rasqal_graph_pattern_get_operator)
#define rasqal_graph_pattern_get_origin (*kgs_rdf_api.rasqal_graph_pattern_get_origin)
#define rasqal_graph_pattern_get_sub_graph_pattern (*kgs_rdf_api.rasqal_graph_pattern_get_sub_graph_pattern)
#define rasqal_literal_as_counted_string (*kgs_rdf_api.rasqal_literal_as_counted_string)
#define rasqal_literal_as_variable (*kgs_rdf_api.rasqal_literal_as_variable)
#define rasqal_literal_datatype (*kgs_rdf_api.rasqal_literal_datatype)
#define rasqal_literal_get_rdf_term_type (*kgs_rdf_api.rasqal_literal_get_rdf_term_type)
#define rasqal_new_data_graph_from_uri (*kgs_rdf_api.rasqal_new_data_graph_from_uri)
#define rasqal_new_query (*kgs_rdf_api.rasqal_new_query)
#define rasqal_new_simple_literal (*kgs_rdf_api.rasqal_new_simple_literal)
#define rasqal_new_string_literal (*kgs_rdf_api.rasqal_new_string_literal)
#define rasqal_new_uri_literal (*kgs_rdf_api.rasqal_new_uri_literal)
#define rasqal_new_world (*kgs_rdf_api.rasqal_new_world)
#define rasqal_query_add_data_graph (*kgs_rdf_api.rasqal_query_add_data_graph)
#define rasqal_query_dataset_contains_named_graph (*kgs_rdf_api.rasqal_query_dataset_contains_named_graph)
#define rasqal_query_execute (*kgs_rdf_api.rasqal_query_execute)
#define rasqal_query_get_data_graph_sequence (*kgs_rdf_api.rasqal_query_get_data_graph_sequence)
#define rasqal_query_get_query_graph_pattern (*kgs_rdf_api.rasqal_query_get_query_graph_pattern)
#define rasqal_query_get_verb (*kgs_rdf_api.rasqal_query_get_verb)
#define rasqal_query_prepare (*kgs_rdf_api.rasqal_query_prepare)
#define rasqal_query_results_finished (*kgs_rdf_api.rasqal_query_results_finished)
#define rasqal_query_results_get_binding_name (*kgs_rdf_api.rasqal_query_results_get_binding_name)
#define rasqal_query_results_get_binding_value (*kgs_rdf_api.rasqal_query_results_get_binding_value)
#define rasqal_query_results_get_bindings_count (*kgs_rdf_api.rasqal_query_results_get_bindings_count)
#define rasqal_query_results_get_boolean (*kgs_rdf_api.rasqal_query_results_get_boolean)
#define rasqal_query_results_get_triple (*kgs_rdf_api.rasqal_query_results_get_triple)
#define rasqal_query_results_is_bindings (*kgs_rdf_api.rasqal_query_results_is_bindings)
#define rasqal_query_results_is_boolean (*kgs_rdf_api.rasqal_query_results_is_boolean)
#define rasqal_query_results_is_graph (*kgs_rdf_api.rasqal_query_results_is_graph)
#define rasqal_query_results_next (*kgs_rdf_api.rasqal_query_results_next)
#define rasqal_query_results_next_triple (*kgs_rdf_api.rasqal_query_results_next_triple)
#define rasqal_set_triples_source_factory (*kgs_rdf_api.rasqal_set_triples_source_factory)
#define rasqal_variable_set_value (*kgs_rdf_api.rasqal_variable_set_value)
#define rasqal_world_open (*kgs_rdf_api.rasqal_world_open)
#define rasqal_world_set_log_handler (*kgs_rdf_api.rasqal_world_set_log_handler)
#define rasqal_world_set_raptor (*kgs_rdf_api.rasqal_world_set_raptor)

#define KGS_MARKER "kgstore.info"
#define KGS_MARKER_MAGIC "kgbuild-store 1\n"
#define KGS_NAME "kgbuild" /* Berkeley DB files are kgbuild-sp2o.db, ... */

typedef enum {
  KGS_DEFAULT_UNION = 0, /* default graph = merge of every context */
  KGS_DEFAULT_LISTED,    /* FROM <g>...: merge of the listed contexts */
  KGS_DEFAULT_EMPTY      /* only FROM NAMED: the default graph is empty */
} KgsDefaultGraph;

struct KgStoreImpl {
  char *dir;
  KgStoreMode mode;
  const KgLog *log;
  int lock_fd;
  librdf_world *world;
  librdf_storage *storage;
  librdf_model *model;
  rasqal_world *rworld;
  /* the first error Redland or Rasqal reported during the current call */
  char *error;
  int error_line, error_column;
  /* the dataset of the query being evaluated */
  KgsDefaultGraph default_graph;
  librdf_node **from;
  size_t nfrom;
  int capturing; /* stderr is being captured: the log sink must not print now */
  librdf_node **phantom; /* GRAPH <iri> names declared only to work around Rasqal */
  size_t nphantom;
};

/* ---- diagnostics ---- */

static void kgs_clear_error(KgStore *s) {
  kg_free(s->error);
  s->error = NULL;
  s->error_line = s->error_column = -1;
}

static void kgs_remember(KgStore *s, const char *msg, int line, int column) {
  if (s->error || !msg)
    return;
  s->error = kg_strdup(msg);
  s->error_line = line;
  s->error_column = column;
}

static const char *kgs_error_text(const KgStore *s) {
  return s->error ? s->error : "unknown error";
}

/* Redland messages (storage, Berkeley DB): errors are kept for the caller's one-line
 * message; everything is also passed on at debug level for -v. */
static int kgs_librdf_log(void *user_data, librdf_log_message *m) {
  KgStore *s = user_data;
  const char *msg = librdf_log_message_message(m);
  librdf_log_level level = librdf_log_message_level(m);
  if (level >= LIBRDF_LOG_ERROR)
    kgs_remember(s, msg, -1, -1);
  if (!s->capturing)
    kgi_log(s->log, level == LIBRDF_LOG_WARN ? KG_LOG_WARNING : KG_LOG_DEBUG, KG_ERR_STORE,
          s->dir, -1, "%s", msg ? msg : "");
  return 1; /* handled: Redland prints nothing */
}

/* Rasqal messages: syntax errors keep their line and column. */
static void kgs_rasqal_log(void *user_data, raptor_log_message *m) {
  KgStore *s = user_data;
  int line = m->locator ? m->locator->line : -1;
  int column = m->locator ? m->locator->column : -1;
  if (m->level >= RAPTOR_LOG_LEVEL_ERROR)
    kgs_remember(s, m->text, line, column);
  else if (m->level == RAPTOR_LOG_LEVEL_WARN) /* e.g. "variable bound but unused": -v only */
    kgi_log(s->log, KG_LOG_INFO, KG_SUCCESS, "query", -1, "%s", m->text ? m->text : "");
}

/* ---- terms ---- */

static int kgs_valid_iri(const char *iri) {
  if (!iri || !*iri || !strchr(iri, ':'))
    return 0;
  for (const unsigned char *p = (const unsigned char *)iri; *p; p++)
    if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p))
      return 0;
  return 1;
}

/* Blank node labels are made unique per graph, so that two files' _:b1 stay two nodes. */
static librdf_node *kgs_node(KgStore *s, const KgTerm *t, const char *scope) {
  switch (t->type) {
  case KG_TERM_IRI:
    return librdf_new_node_from_uri_string(s->world, (const unsigned char *)t->value);
  case KG_TERM_BLANK: {
    KgiBuf b;
    kgi_buf_init(&b, 0);
    if (kgi_buf_printf(&b, "g%.12s_%s", scope, t->value) != KG_SUCCESS) {
      kgi_buf_free(&b);
      return NULL;
    }
    librdf_node *n = librdf_new_node_from_blank_identifier(s->world, (const unsigned char *)b.data);
    kgi_buf_free(&b);
    return n;
  }
  case KG_TERM_LITERAL:
  default: {
    librdf_uri *dt = NULL;
    if (t->datatype && !(t->lang && *t->lang) &&
        !(dt = librdf_new_uri(s->world, (const unsigned char *)t->datatype)))
      return NULL;
    librdf_node *n = librdf_new_node_from_typed_literal(
        s->world, (const unsigned char *)t->value, t->lang && *t->lang ? t->lang : NULL, dt);
    if (dt)
      librdf_free_uri(dt);
    return n;
  }
  }
}

/* A KgTerm borrowing the strings of a Redland/Raptor term. */
static int kgs_term_from_raptor(const raptor_term *t, KgTerm *out) {
  memset(out, 0, sizeof *out);
  if (!t)
    return -1;
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    out->type = KG_TERM_IRI;
    out->value = (const char *)raptor_uri_as_string(t->value.uri);
    return 0;
  case RAPTOR_TERM_TYPE_BLANK:
    out->type = KG_TERM_BLANK;
    out->value = (const char *)t->value.blank.string;
    return 0;
  case RAPTOR_TERM_TYPE_LITERAL:
    out->type = KG_TERM_LITERAL;
    out->value = (const char *)t->value.literal.string;
    out->lang = (const char *)t->value.literal.language;
    out->datatype = t->value.literal.datatype
                        ? (const char *)raptor_uri_as_string(t->value.literal.datatype)
                        : NULL;
    return 0;
  case RAPTOR_TERM_TYPE_UNKNOWN:
  default:
    return -1;
  }
}

/* A KgTerm borrowing the strings of a Rasqal value; -1 for no RDF term (unbound). */
static int kgs_term_from_rasqal(rasqal_literal *l, KgTerm *out) {
  memset(out, 0, sizeof *out);
  if (!l)
    return -1;
  switch (rasqal_literal_get_rdf_term_type(l)) {
  case RASQAL_LITERAL_URI:
    out->type = KG_TERM_IRI;
    out->value = (const char *)raptor_uri_as_string(l->value.uri);
    return 0;
  case RASQAL_LITERAL_BLANK:
    out->type = KG_TERM_BLANK;
    out->value = (const char *)l->string;
    return 0;
  case RASQAL_LITERAL_STRING: {
    out->type = KG_TERM_LITERAL;
    size_t len;
    int err = 0;
    out->value = l->string ? (const char *)l->string
                           : (const char *)rasqal_literal_as_counted_string(l, &len, 0, &err);
    if (!out->value || err)
      return -1;
    out->lang = l->language;
    raptor_uri *dt = rasqal_literal_datatype(l);
    out->datatype = dt ? (const char *)raptor_uri_as_string(dt) : NULL;
    return 0;
  }
  default:
    return -1;
  }
}

/* Rasqal value -> new Redland node (NULL for anything that is not an RDF term). */
static librdf_node *kgs_node_from_rasqal(KgStore *s, rasqal_literal *l) {
  KgTerm t;
  if (kgs_term_from_rasqal(l, &t) != 0)
    return NULL;
  if (t.type == KG_TERM_BLANK)
    return librdf_new_node_from_blank_identifier(s->world, (const unsigned char *)t.value);
  if (t.type == KG_TERM_IRI)
    return librdf_new_node_from_uri_string(s->world, (const unsigned char *)t.value);
  librdf_uri *dt = NULL;
  if (t.datatype && !t.lang && !(dt = librdf_new_uri(s->world, (const unsigned char *)t.datatype)))
    return NULL;
  librdf_node *n = librdf_new_node_from_typed_literal(s->world, (const unsigned char *)t.value,
                                                      t.lang, dt);
  if (dt)
    librdf_free_uri(dt);
  return n;
}

/* Redland node -> new Rasqal value (Rasqal frees what it is given with its allocator). */
static char *kgs_rasqal_strdup(const char *src) {
  if (!src)
    return NULL;
  size_t n = strlen(src) + 1;
  char *d = rasqal_alloc_memory(n);
  if (d)
    memcpy(d, src, n);
  return d;
}

static rasqal_literal *kgs_rasqal_from_node(KgStore *s, librdf_node *n) {
  if (!n)
    return NULL;
  switch (n->type) {
  case RAPTOR_TERM_TYPE_URI:
    return rasqal_new_uri_literal(s->rworld, raptor_uri_copy(n->value.uri));
  case RAPTOR_TERM_TYPE_BLANK: {
    char *b = kgs_rasqal_strdup((const char *)n->value.blank.string);
    return b ? rasqal_new_simple_literal(s->rworld, RASQAL_LITERAL_BLANK, (unsigned char *)b) : NULL;
  }
  case RAPTOR_TERM_TYPE_LITERAL: {
    char *v = kgs_rasqal_strdup((const char *)n->value.literal.string);
    char *lang = NULL;
    if (!v)
      return NULL;
    if (n->value.literal.language && !(lang = kgs_rasqal_strdup((const char *)n->value.literal.language))) {
      rasqal_free_memory(v);
      return NULL;
    }
    raptor_uri *dt = n->value.literal.datatype ? raptor_uri_copy(n->value.literal.datatype) : NULL;
    return rasqal_new_string_literal(s->rworld, (unsigned char *)v, lang, dt, NULL);
  }
  case RAPTOR_TERM_TYPE_UNKNOWN:
  default:
    return NULL;
  }
}

/* ---- the triples source Rasqal evaluates against ---- */

typedef struct {
  KgStore *store;
} KgsSource;

typedef struct {
  KgStore *s;
  librdf_statement *pattern; /* what Redland is asked for (owned) */
  librdf_node *object;       /* fully bound pattern: the object, checked by hand (owned) */
  librdf_node *origin;       /* a named graph, or NULL for the default graph (owned) */
  int same[3];               /* same[i] = j < i when position i repeats the variable of j */
  librdf_stream *stream;
  int opened;                /* the single stream (union or one graph) was opened */
  size_t next_from;          /* listed default graph: next context to read */
  KgiBytesSet *seen;         /* default graph: triples already matched */
  unsigned char *buf;        /* encoding buffer for @seen */
  size_t buflen;
  int done;
  int failed;
} KgsMatch;

static librdf_node *kgs_pattern_node(KgStore *s, rasqal_literal *l, rasqal_variable **var) {
  rasqal_variable *v = rasqal_literal_as_variable(l);
  *var = v;
  if (v)
    return v->value ? kgs_node_from_rasqal(s, v->value) : NULL;
  return kgs_node_from_rasqal(s, l);
}

/* Open the next stream to read; 0 when there is none left. */
static int kgs_match_open(KgsMatch *m) {
  KgStore *s = m->s;
  if (m->origin) {
    if (m->opened)
      return 0;
    m->opened = 1;
    m->stream = librdf_model_find_statements_in_context(s->model, m->pattern, m->origin);
  } else if (s->default_graph == KGS_DEFAULT_UNION) {
    if (m->opened)
      return 0;
    m->opened = 1;
    m->stream = librdf_model_find_statements(s->model, m->pattern);
  } else if (s->default_graph == KGS_DEFAULT_LISTED && m->next_from < s->nfrom) {
    m->stream = librdf_model_find_statements_in_context(s->model, m->pattern,
                                                        s->from[m->next_from++]);
  } else {
    return 0;
  }
  if (!m->stream) {
    m->failed = 1;
    return 0;
  }
  return 1;
}

static librdf_node *kgs_part(librdf_statement *st, int i) {
  return i == 0 ? librdf_statement_get_subject(st)
         : i == 1 ? librdf_statement_get_predicate(st)
                  : librdf_statement_get_object(st);
}

/*
 * Redland's predicate-index iterator (the (? p ?) lookups) takes one reference to the
 * predicate term per statement it returns and gives back only one (rdf_storage_hashes.c,
 * statement2 in the node iterator), so the term would never be freed. Once the stream
 * is gone, @p pattern is the only legitimate holder of its predicate: drop whatever
 * references are left over. With a fixed Redland this does nothing.
 */
static void kgs_free_stream(librdf_stream *stream, librdf_statement *pattern) {
  librdf_free_stream(stream);
  librdf_node *p = pattern ? librdf_statement_get_predicate(pattern) : NULL;
  while (p && p->usage > 1)
    librdf_free_node(p);
}

static int kgs_match_accept(KgsMatch *m, librdf_statement *st) {
  if (m->object && !librdf_node_equals(librdf_statement_get_object(st), m->object))
    return 0;
  for (int i = 1; i < 3; i++)
    if (m->same[i] >= 0 && !librdf_node_equals(kgs_part(st, i), kgs_part(st, m->same[i])))
      return 0;
  if (m->seen) {
    size_t n = librdf_statement_encode2(m->s->world, st, NULL, 0);
    if (n > m->buflen) {
      unsigned char *nb = kg_realloc(m->buf, n);
      if (!nb) {
        m->failed = 1;
        return 0;
      }
      m->buf = nb;
      m->buflen = n;
    }
    n = librdf_statement_encode2(m->s->world, st, m->buf, m->buflen);
    int added = n ? kgi_bytes_set_add(m->seen, m->buf, n) : -1;
    if (added < 0)
      m->failed = 1;
    return added == 1;
  }
  return 1;
}

/* Move to the next acceptable statement (or to the end). */
static void kgs_match_settle(KgsMatch *m) {
  while (!m->done) {
    if (!m->stream && !kgs_match_open(m)) {
      m->done = 1;
      break;
    }
    if (librdf_stream_end(m->stream)) {
      kgs_free_stream(m->stream, m->pattern);
      m->stream = NULL;
      continue;
    }
    librdf_statement *st = librdf_stream_get_object(m->stream);
    if (st && kgs_match_accept(m, st))
      return;
    if (m->failed) {
      m->done = 1;
      break;
    }
    librdf_stream_next(m->stream);
  }
}

static void kgs_match_free(KgsMatch *m) {
  if (!m)
    return;
  if (m->stream)
    kgs_free_stream(m->stream, m->pattern);
  if (m->pattern)
    librdf_free_statement(m->pattern);
  if (m->object)
    librdf_free_node(m->object);
  if (m->origin)
    librdf_free_node(m->origin);
  kgi_bytes_set_free(m->seen);
  kg_free(m->buf);
  kg_free(m);
}

/* Build a match for triple pattern @p t; @p vars receives its variables (s, p, o, g). */
static KgsMatch *kgs_match_new(KgStore *s, rasqal_triple *t, rasqal_variable *vars[4]) {
  KgsMatch *m = kg_calloc(1, sizeof *m);
  librdf_node *nodes[3] = {NULL, NULL, NULL};
  rasqal_literal *parts[3] = {t->subject, t->predicate, t->object};
  if (!m)
    return NULL;
  m->s = s;
  vars[3] = NULL;
  for (int i = 0; i < 3; i++) {
    nodes[i] = kgs_pattern_node(s, parts[i], &vars[i]);
    m->same[i] = -1;
    if (vars[i] && !vars[i]->value)
      for (int j = 0; j < i; j++)
        if (vars[j] == vars[i]) {
          m->same[i] = j;
          break;
        }
  }
  if (t->origin) {
    m->origin = kgs_pattern_node(s, t->origin, &vars[3]);
    if (!m->origin && !vars[3])
      m->done = 1; /* a graph name that is no RDF term matches nothing */
    for (size_t i = 0; m->origin && i < s->nphantom; i++)
      if (librdf_node_equals(m->origin, s->phantom[i]))
        m->done = 1; /* not in the dataset */
  }
  /* Redland's hashes storage scans everything for a fully bound pattern but has an
   * index for (s p ?): ask that, compare the object here. */
  if (nodes[0] && nodes[1] && nodes[2]) {
    m->object = nodes[2];
    nodes[2] = NULL;
  }
  m->pattern = librdf_new_statement_from_nodes(s->world, nodes[0], nodes[1], nodes[2]);
  if (!m->pattern) {
    kgs_match_free(m);
    return NULL;
  }
  if (!m->origin && s->default_graph != KGS_DEFAULT_EMPTY && !(m->seen = kgi_bytes_set_new())) {
    kgs_match_free(m);
    return NULL;
  }
  if (!m->origin && s->default_graph == KGS_DEFAULT_EMPTY)
    m->done = 1;
  kgs_match_settle(m);
  if (m->failed) {
    kgs_match_free(m);
    return NULL;
  }
  return m;
}

static rasqal_triple_parts kgs_bind_match(rasqal_triples_match *rtm, void *user_data,
                                          rasqal_variable *bindings[4],
                                          rasqal_triple_parts parts) {
  (void)user_data;
  KgsMatch *m = rtm->user_data;
  static const rasqal_triple_parts flag[3] = {RASQAL_TRIPLE_SUBJECT, RASQAL_TRIPLE_PREDICATE,
                                              RASQAL_TRIPLE_OBJECT};
  rasqal_triple_parts result = RASQAL_TRIPLE_NONE;
  if (m->done || !m->stream)
    return result;
  librdf_statement *st = librdf_stream_get_object(m->stream);
  if (!st)
    return result;
  for (int i = 0; i < 3; i++) {
    if (!bindings[i] || !(parts & flag[i]) || m->same[i] >= 0)
      continue; /* a repeated variable was checked in kgs_match_accept() */
    rasqal_variable_set_value(bindings[i], kgs_rasqal_from_node(m->s, kgs_part(st, i)));
    result = (rasqal_triple_parts)(result | flag[i]);
  }
  if (bindings[3] && (parts & RASQAL_TRIPLE_ORIGIN)) {
    librdf_node *ctx = librdf_stream_get_context2(m->stream);
    for (int i = 0; i < 3; i++)
      if (bindings[i] == bindings[3] && !librdf_node_equals(kgs_part(st, i), ctx))
        return RASQAL_TRIPLE_NONE;
    rasqal_variable_set_value(bindings[3], ctx ? kgs_rasqal_from_node(m->s, ctx) : NULL);
    result = (rasqal_triple_parts)(result | RASQAL_TRIPLE_ORIGIN);
  }
  return result;
}

static void kgs_next_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  KgsMatch *m = rtm->user_data;
  if (m->done || !m->stream)
    return;
  librdf_stream_next(m->stream);
  kgs_match_settle(m);
}

static int kgs_is_end(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  KgsMatch *m = rtm->user_data;
  return m->done;
}

static void kgs_finish_match(rasqal_triples_match *rtm, void *user_data) {
  (void)user_data;
  kgs_match_free(rtm->user_data);
  rtm->user_data = NULL;
}

static int kgs_init_triples_match(rasqal_triples_match *rtm, rasqal_triples_source *rts,
                                  void *user_data, rasqal_triple_meta *meta, rasqal_triple *t) {
  (void)rts;
  KgsSource *src = user_data;
  rasqal_variable *vars[4];
  rtm->bind_match = kgs_bind_match;
  rtm->next_match = kgs_next_match;
  rtm->is_end = kgs_is_end;
  rtm->finish = kgs_finish_match;
  KgsMatch *m = kgs_match_new(src->store, t, vars);
  if (!m)
    return 1;
  rtm->user_data = m;
  for (int i = 0; i < 4; i++)
    meta->bindings[i] = vars[i];
  return 0;
}

static int kgs_triple_present(rasqal_triples_source *rts, void *user_data, rasqal_triple *t) {
  (void)rts;
  KgsSource *src = user_data;
  rasqal_variable *vars[4];
  KgsMatch *m = kgs_match_new(src->store, t, vars);
  int present = m && !m->done;
  kgs_match_free(m);
  return present;
}

static void kgs_free_triples_source(void *user_data) { (void)user_data; }

static int kgs_new_triples_source(rasqal_query *query, void *factory_user_data,
                                  void *user_data, rasqal_triples_source *rts) {
  (void)query;
  KgsSource *src = user_data;
  src->store = factory_user_data;
  rts->version = 1;
  rts->init_triples_match = kgs_init_triples_match;
  rts->triple_present = kgs_triple_present;
  rts->free_triples_source = kgs_free_triples_source;
  return 0;
}

static int kgs_register_factory(rasqal_triples_source_factory *factory) {
  factory->version = 1;
  factory->user_data_size = sizeof(KgsSource);
  factory->new_triples_source = kgs_new_triples_source;
  return 0;
}

/* ---- opening and closing ---- */

static char *kgs_path(const char *dir, const char *name) {
  KgiBuf b;
  kgi_buf_init(&b, 0);
  if (kgi_buf_printf(&b, "%s/%s", dir, name) != KG_SUCCESS) {
    kgi_buf_free(&b);
    return NULL;
  }
  return kgi_buf_steal(&b, NULL);
}

static int kgs_dir_is_empty(const char *dir) {
  DIR *d = opendir(dir);
  if (!d)
    return 0;
  struct dirent *e;
  int empty = 1;
  while ((e = readdir(d)))
    if (strcmp(e->d_name, ".") != 0 && strcmp(e->d_name, "..") != 0) {
      empty = 0;
      break;
    }
  closedir(d);
  return empty;
}

static KgStatus kgs_fail(KgStore *s, KgStatus st, const char *what, const char *detail) {
  if (detail)
    kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1, "%s: %s", what, detail);
  else
    kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1, "%s", what);
  return st;
}

/* The marker says "this directory is a kgbuild store"; it is also what we lock. */
static KgStatus kgs_open_marker(KgStore *s, int *created) {
  char *marker = kgs_path(s->dir, KGS_MARKER);
  KgStatus st = KG_SUCCESS;
  *created = 0;
  if (!marker)
    return KG_ERR_NOMEM;
  int fd = open(marker, O_RDONLY | O_CLOEXEC);
  if (fd < 0 && errno == ENOENT) {
    if (s->mode != KG_STORE_CREATE) {
      st = kgs_fail(s, KG_ERR_NOT_FOUND, "no kgbuild store in this directory", NULL);
      goto out;
    }
    if (!kgs_dir_is_empty(s->dir)) {
      st = kgs_fail(s, KG_ERR_BAD_ARG,
                    "the directory is not empty and holds no kgbuild store; give a new or "
                    "empty directory", NULL);
      goto out;
    }
    fd = open(marker, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
    if (fd >= 0) {
      static const char text[] = KGS_MARKER_MAGIC
          "storage: redland hashes, hash-type bdb, contexts yes, index-predicates yes\n";
      ssize_t w = write(fd, text, sizeof text - 1);
      if (w != (ssize_t)(sizeof text - 1) || close(fd) != 0) {
        int e = errno;
        unlink(marker);
        errno = e ? e : EIO;
        st = kgs_fail(s, KG_ERR_IO, "cannot write to the directory", strerror(errno));
        goto out;
      }
      *created = 1;
    } else if (errno != EEXIST) {
      st = kgs_fail(s, KG_ERR_IO, "cannot create the store", strerror(errno));
      goto out;
    }
    fd = open(marker, O_RDONLY | O_CLOEXEC);
  }
  if (fd < 0) {
    st = kgs_fail(s, KG_ERR_IO, "cannot open the store", strerror(errno));
    goto out;
  }
  char head[sizeof KGS_MARKER_MAGIC];
  ssize_t n = read(fd, head, sizeof head - 1);
  if (n != (ssize_t)(sizeof head - 1) || memcmp(head, KGS_MARKER_MAGIC, sizeof head - 1) != 0) {
    close(fd);
    st = kgs_fail(s, KG_ERR_STORE, KGS_MARKER " is damaged or from another kgbuild version", NULL);
    goto out;
  }
  /* Berkeley DB without an environment does no locking of its own: one writer, or
   * any number of readers, at a time. */
  if (flock(fd, (s->mode == KG_STORE_READ ? LOCK_SH : LOCK_EX) | LOCK_NB) != 0) {
    int e = errno;
    close(fd);
    if (e == EWOULDBLOCK)
      st = kgs_fail(s, KG_ERR_STORE,
                    "the store is in use by another kgbuild process (a load allows no other "
                    "reader or writer); try again when it has finished", NULL);
    else
      st = kgs_fail(s, KG_ERR_STORE, "cannot lock the store", strerror(e));
    goto out;
  }
  s->lock_fd = fd;
out:
  if (st != KG_SUCCESS && *created) {
    unlink(marker);
    *created = 0;
  }
  kg_free(marker);
  return st;
}

/*
 * Berkeley DB prints its own complaints about a damaged file on stderr (no error
 * callback can be set through Redland). While the files are opened, stderr goes to a
 * temporary file; what it caught becomes part of our message instead.
 */
typedef struct {
  int saved;
  FILE *tmp;
} KgsCapture;

static void kgs_capture_begin(KgsCapture *c) {
  c->saved = -1;
  fflush(stderr);
  c->tmp = tmpfile();
  if (!c->tmp)
    return;
  c->saved = dup(STDERR_FILENO);
  if (c->saved >= 0 && dup2(fileno(c->tmp), STDERR_FILENO) < 0) {
    close(c->saved);
    c->saved = -1;
  }
}

/* Restore stderr; the last line caught (Berkeley DB's conclusion) goes to @p line. */
static void kgs_capture_end(KgStore *s, KgsCapture *c, char *line, size_t size) {
  line[0] = '\0';
  if (c->saved >= 0) {
    fflush(stderr);
    dup2(c->saved, STDERR_FILENO);
    close(c->saved);
  }
  if (!c->tmp)
    return;
  rewind(c->tmp);
  char buf[512];
  while (fgets(buf, sizeof buf, c->tmp)) {
    buf[strcspn(buf, "\n")] = '\0';
    if (!buf[0] || strcmp(buf, line) == 0)
      continue; /* Berkeley DB repeats itself once per page */
    snprintf(line, size, "%s", buf);
    kgi_log(s->log, KG_LOG_DEBUG, KG_ERR_STORE, s->dir, -1, "%s", buf);
  }
  fclose(c->tmp);
}

static void kgs_remove_created(KgStore *s) {
  static const char *const parts[] = {"sp2o", "po2s", "so2p", "p2so", "contexts"};
  for (size_t i = 0; i < sizeof parts / sizeof parts[0]; i++) {
    KgiBuf b;
    kgi_buf_init(&b, 0);
    if (kgi_buf_printf(&b, "%s/" KGS_NAME "-%s.db", s->dir, parts[i]) == KG_SUCCESS)
      unlink(b.data);
    kgi_buf_free(&b);
  }
  char *marker = kgs_path(s->dir, KGS_MARKER);
  if (marker)
    unlink(marker);
  kg_free(marker);
}

static void kgs_free(KgStore *s) {
  if (s->rworld)
    rasqal_free_world(s->rworld);
  if (s->model)
    librdf_free_model(s->model);
  if (s->storage)
    librdf_free_storage(s->storage);
  if (s->world)
    librdf_free_world(s->world);
  if (s->lock_fd >= 0)
    close(s->lock_fd); /* releases the lock */
  kgs_clear_error(s);
  kg_free(s->dir);
  kg_free(s);
}

KgStatus kg_store_open(const char *dir, KgStoreMode mode, const KgLog *log, KgStore **out) {
  KgStatus st = KG_SUCCESS;
  int created_dir = 0, created = 0;
  char *options = NULL;
  if (out)
    *out = NULL;
  if (!dir || !*dir || !out || (mode != KG_STORE_READ && mode != KG_STORE_WRITE &&
                                mode != KG_STORE_CREATE))
    return KG_ERR_BAD_ARG;
  const char *why = kgs_rdf_api_ensure();
  if (why) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_STORE, dir, -1, "cannot load Redland: %s", why);
    return KG_ERR_STORE;
  }
  KgStore *s = kg_calloc(1, sizeof *s);
  if (!s)
    return KG_ERR_NOMEM;
  s->lock_fd = -1;
  s->mode = mode;
  s->log = log;
  s->error_line = s->error_column = -1;
  if (!(s->dir = kg_strdup(dir))) {
    kg_free(s);
    return KG_ERR_NOMEM;
  }
  /* Redland's option syntax quotes values with ' and has no escape for it. */
  if (strchr(dir, '\'')) {
    st = kgs_fail(s, KG_ERR_BAD_ARG, "a store directory name cannot contain '", NULL);
    goto out;
  }
  struct stat sb;
  if (stat(dir, &sb) != 0) {
    if (errno != ENOENT) {
      st = kgs_fail(s, KG_ERR_IO, strerror(errno), NULL);
      goto out;
    }
    if (mode != KG_STORE_CREATE) {
      st = kgs_fail(s, KG_ERR_NOT_FOUND, "no such store (the directory does not exist)", NULL);
      goto out;
    }
    if (mkdir(dir, 0777) != 0) {
      st = kgs_fail(s, KG_ERR_IO, "cannot create the store directory", strerror(errno));
      goto out;
    }
    created_dir = 1;
  } else if (!S_ISDIR(sb.st_mode)) {
    st = kgs_fail(s, KG_ERR_BAD_ARG, "not a directory", NULL);
    goto out;
  }
  if (mode != KG_STORE_READ && access(dir, W_OK) != 0) {
    st = kgs_fail(s, KG_ERR_IO, "the store cannot be written", strerror(errno));
    goto out;
  }
  if ((st = kgs_open_marker(s, &created)) != KG_SUCCESS)
    goto out;

  KgiBuf ob;
  kgi_buf_init(&ob, 0);
  st = kgi_buf_printf(&ob,
                      "hash-type='bdb',dir='%s',contexts='yes',index-predicates='yes',"
                      "write='%s',new='%s'",
                      dir, mode == KG_STORE_READ ? "no" : "yes", created ? "yes" : "no");
  options = kgi_buf_steal(&ob, NULL);
  if (st != KG_SUCCESS || !options) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  if (!(s->world = librdf_new_world())) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  librdf_world_set_logger(s->world, s, kgs_librdf_log);
  librdf_world_open(s->world);
  KgsCapture cap;
  char caught[512];
  kgs_capture_begin(&cap);
  s->capturing = 1;
  s->storage = librdf_new_storage(s->world, "hashes", KGS_NAME, options);
  if (s->storage)
    s->model = librdf_new_model(s->world, s->storage, NULL); /* opens the files */
  s->capturing = 0;
  kgs_capture_end(s, &cap, caught, sizeof caught);
  if (!s->model) {
    st = KG_ERR_STORE;
    kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1,
            "cannot open the store's Berkeley DB files (damaged, or made by another "
            "version?): %s%s%s",
            kgs_error_text(s), caught[0] ? "; " : "", caught);
    goto out;
  }
  /* Rasqal shares Redland's Raptor world, so URIs and terms pass between them as is. */
  if (!(s->rworld = rasqal_new_world())) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  rasqal_world_set_raptor(s->rworld, librdf_world_get_raptor(s->world));
  rasqal_world_set_log_handler(s->rworld, s, kgs_rasqal_log);
  if (rasqal_world_open(s->rworld) != 0 ||
      rasqal_set_triples_source_factory(s->rworld, kgs_register_factory, s) != 0) {
    st = KG_ERR_STORE;
    kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1, "cannot start the SPARQL engine");
    goto out;
  }
out:
  kg_free(options);
  if (st != KG_SUCCESS) {
    if (created) { /* leave nothing half made behind */
      if (s->model)
        librdf_free_model(s->model);
      if (s->storage)
        librdf_free_storage(s->storage);
      s->model = NULL;
      s->storage = NULL;
      kgs_remove_created(s);
    }
    if (created_dir)
      rmdir(dir);
    kgs_free(s);
    return st;
  }
  kgs_clear_error(s);
  *out = s;
  return KG_SUCCESS;
}

KgStatus kg_store_close(KgStore *s) {
  KgStatus st = KG_SUCCESS;
  if (!s)
    return KG_SUCCESS;
  if (s->mode != KG_STORE_READ && librdf_model_sync(s->model) != 0) {
    st = KG_ERR_STORE;
    kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1, "cannot write the store to disk: %s",
            kgs_error_text(s));
  }
  kgs_free(s);
  return st;
}

/* ---- writing ---- */

static int kgs_term_cmp(const KgTerm *a, const KgTerm *b) {
  int c;
  if (a->type != b->type)
    return a->type < b->type ? -1 : 1;
  if ((c = kgi_strcmp0(a->value, b->value)) != 0)
    return c;
  if ((c = kgi_strcmp0(a->datatype, b->datatype)) != 0)
    return c;
  return kgi_strcmp0(a->lang, b->lang);
}

static int kgs_triple_cmp_spo(const void *pa, const void *pb) {
  const KgTriple *a = *(const KgTriple *const *)pa, *b = *(const KgTriple *const *)pb;
  int c;
  if ((c = kgs_term_cmp(&a->s, &b->s)) != 0)
    return c;
  if ((c = kgs_term_cmp(&a->p, &b->p)) != 0)
    return c;
  return kgs_term_cmp(&a->o, &b->o);
}

/* Graph first (a triple without one belongs to the default graph @p arg), then s p o. */
static int kgs_triple_cmp_gspo(const void *pa, const void *pb, void *arg) {
  const KgTriple *a = *(const KgTriple *const *)pa, *b = *(const KgTriple *const *)pb;
  const char *dflt = arg;
  int c = kgi_strcmp0(a->g ? a->g : dflt, b->g ? b->g : dflt);
  return c ? c : kgs_triple_cmp_spo(pa, pb);
}

static KgStatus kgs_check_triple(KgStore *s, const KgTriple *t) {
  if (!t->s.value || !t->p.value || !t->o.value || t->p.type != KG_TERM_IRI ||
      t->s.type == KG_TERM_LITERAL) {
    kgi_log(s->log, KG_LOG_ERROR, KG_ERR_BAD_ARG, s->dir, -1,
            "not an RDF triple (literal subject or non-IRI predicate)");
    return KG_ERR_BAD_ARG;
  }
  return KG_SUCCESS;
}

/* Replace graph @p graph with @p v[0..n) (sorted, so duplicates are adjacent). */
static KgStatus kgs_put_graph(KgStore *s, const char *graph, const KgTriple *const *v, size_t n,
                              size_t *added) {
  KgStatus st = KG_SUCCESS;
  char scope[65];
  if (!kgs_valid_iri(graph)) {
    kgi_log(s->log, KG_LOG_ERROR, KG_ERR_BAD_ARG, s->dir, -1, "'%s' is not an absolute IRI",
            graph ? graph : "(null)");
    return KG_ERR_BAD_ARG;
  }
  kg_sha256_hex(graph, strlen(graph), scope);
  librdf_node *ctx = librdf_new_node_from_uri_string(s->world, (const unsigned char *)graph);
  if (!ctx)
    return KG_ERR_NOMEM;
  if (librdf_model_contains_context(s->model, ctx) &&
      librdf_model_context_remove_statements(s->model, ctx) != 0) {
    st = KG_ERR_STORE;
    kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1, "cannot remove the old triples of <%s>: %s",
            graph, kgs_error_text(s));
    goto out;
  }
  for (size_t i = 0; i < n; i++) {
    if (i && kg_term_equal(&v[i]->s, &v[i - 1]->s) && kg_term_equal(&v[i]->p, &v[i - 1]->p) &&
        kg_term_equal(&v[i]->o, &v[i - 1]->o))
      continue; /* the storage would keep both */
    librdf_node *sn = kgs_node(s, &v[i]->s, scope);
    librdf_node *pn = sn ? kgs_node(s, &v[i]->p, scope) : NULL;
    librdf_node *on = pn ? kgs_node(s, &v[i]->o, scope) : NULL;
    librdf_statement *stmt = on ? librdf_new_statement_from_nodes(s->world, sn, pn, on) : NULL;
    if (!stmt) {
      if (!pn && sn)
        librdf_free_node(sn);
      if (pn && !on) {
        librdf_free_node(sn);
        librdf_free_node(pn);
      }
      st = KG_ERR_NOMEM;
      goto out;
    }
    int rc = librdf_model_context_add_statement(s->model, ctx, stmt);
    librdf_free_statement(stmt);
    if (rc != 0) {
      st = KG_ERR_STORE;
      kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1, "cannot store a triple of <%s>: %s", graph,
              kgs_error_text(s));
      goto out;
    }
    if (added)
      (*added)++;
  }
out:
  librdf_free_node(ctx);
  return st;
}

static KgStatus kgs_writable(KgStore *s) {
  if (!s)
    return KG_ERR_BAD_ARG;
  if (s->mode == KG_STORE_READ) {
    kgi_log(s->log, KG_LOG_ERROR, KG_ERR_BAD_ARG, s->dir, -1, "the store was opened read-only");
    return KG_ERR_BAD_ARG;
  }
  kgs_clear_error(s);
  return KG_SUCCESS;
}

KgStatus kg_store_replace_graph(KgStore *s, const char *graph, const KgTriples *t,
                                size_t *added) {
  const KgTriple **v = NULL;
  KgStatus st = kgs_writable(s);
  if (added)
    *added = 0;
  if (st != KG_SUCCESS)
    return st;
  if (!t)
    return KG_ERR_BAD_ARG;
  /* Every triple sorts under the same graph: their own g is ignored. */
  size_t n = kg_triples_count(t);
  if (!(v = kg_malloc((n ? n : 1) * sizeof *v)))
    return KG_ERR_NOMEM;
  for (size_t i = 0; i < n; i++) {
    v[i] = kg_triples_get(t, i);
    if ((st = kgs_check_triple(s, v[i])) != KG_SUCCESS) {
      kg_free(v);
      return st;
    }
  }
  qsort(v, n, sizeof *v, kgs_triple_cmp_spo);
  st = kgs_put_graph(s, graph, v, n, added);
  kg_free(v);
  return st;
}

KgStatus kg_store_load(KgStore *s, const KgTriples *t, const char *default_graph,
                       size_t *graphs, size_t *added) {
  const KgTriple **v = NULL;
  KgStatus st = kgs_writable(s);
  if (graphs)
    *graphs = 0;
  if (added)
    *added = 0;
  if (st != KG_SUCCESS)
    return st;
  if (!t)
    return KG_ERR_BAD_ARG;
  size_t n = kg_triples_count(t);
  if (!(v = kg_malloc((n ? n : 1) * sizeof *v)))
    return KG_ERR_NOMEM;
  /* Check everything before the first graph is touched. */
  for (size_t i = 0; i < n; i++) {
    v[i] = kg_triples_get(t, i);
    if ((st = kgs_check_triple(s, v[i])) != KG_SUCCESS)
      goto out;
    const char *g = v[i]->g ? v[i]->g : default_graph;
    if (!g) {
      kgi_log(s->log, KG_LOG_ERROR, KG_ERR_BAD_ARG, s->dir, -1,
              "a triple has no graph and no default graph was given");
      st = KG_ERR_BAD_ARG;
      goto out;
    }
    if (!kgs_valid_iri(g)) {
      kgi_log(s->log, KG_LOG_ERROR, KG_ERR_BAD_ARG, s->dir, -1,
              "graph name '%s' is not an absolute IRI", g);
      st = KG_ERR_BAD_ARG;
      goto out;
    }
  }
  qsort_r(v, n, sizeof *v, kgs_triple_cmp_gspo, (void *)default_graph);
  for (size_t i = 0; i < n && st == KG_SUCCESS;) {
    const char *g = v[i]->g ? v[i]->g : default_graph;
    size_t j = i + 1;
    while (j < n && strcmp(v[j]->g ? v[j]->g : default_graph, g) == 0)
      j++;
    st = kgs_put_graph(s, g, v + i, j - i, added);
    if (st == KG_SUCCESS && graphs)
      (*graphs)++;
    i = j;
  }
out:
  kg_free(v);
  return st;
}

KgStatus kg_store_remove_graph(KgStore *s, const char *graph) {
  KgStatus st = kgs_writable(s);
  if (st != KG_SUCCESS)
    return st;
  return kgs_put_graph(s, graph, NULL, 0, NULL);
}

/* ---- queries ---- */

static void kgs_free_from(KgStore *s) {
  for (size_t i = 0; i < s->nfrom; i++)
    librdf_free_node(s->from[i]);
  kg_free(s->from);
  s->from = NULL;
  s->nfrom = 0;
  for (size_t i = 0; i < s->nphantom; i++)
    librdf_free_node(s->phantom[i]);
  kg_free(s->phantom);
  s->phantom = NULL;
  s->nphantom = 0;
  s->default_graph = KGS_DEFAULT_UNION;
}

/*
 * Rasqal answers GRAPH <iri> { P } with one empty solution (instead of none) when iri
 * is not a named graph of the dataset. So every such iri is declared as a named graph,
 * and remembered as a "phantom" our triples source answers nothing for.
 */
static KgStatus kgs_declare_graph_names(KgStore *s, rasqal_query *q, rasqal_graph_pattern *gp) {
  if (!gp)
    return KG_SUCCESS;
  if (rasqal_graph_pattern_get_operator(gp) == RASQAL_GRAPH_PATTERN_OPERATOR_GRAPH) {
    rasqal_literal *o = rasqal_graph_pattern_get_origin(gp);
    if (o && o->type == RASQAL_LITERAL_URI &&
        !rasqal_query_dataset_contains_named_graph(q, o->value.uri)) {
      librdf_node **np = kg_realloc(s->phantom, (s->nphantom + 1) * sizeof *np);
      if (!np)
        return KG_ERR_NOMEM;
      s->phantom = np;
      if (!(np[s->nphantom] = librdf_new_node_from_uri(s->world, o->value.uri)))
        return KG_ERR_NOMEM;
      s->nphantom++;
      rasqal_data_graph *dg = rasqal_new_data_graph_from_uri(
          s->rworld, o->value.uri, o->value.uri, RASQAL_DATA_GRAPH_NAMED, NULL, NULL, NULL);
      if (!dg || rasqal_query_add_data_graph(q, dg) != 0)
        return KG_ERR_NOMEM;
    }
  }
  for (int i = 0;; i++) {
    rasqal_graph_pattern *sub = rasqal_graph_pattern_get_sub_graph_pattern(gp, i);
    if (!sub)
      break;
    KgStatus st = kgs_declare_graph_names(s, q, sub);
    if (st != KG_SUCCESS)
      return st;
  }
  return KG_SUCCESS;
}

/*
 * The query's dataset. Without FROM / FROM NAMED: every context is a named graph and
 * the default graph is their merge. With them: exactly what they list (Redland
 * contexts, never anything fetched).
 */
static KgStatus kgs_dataset(KgStore *s, rasqal_query *q) {
  raptor_sequence *seq = rasqal_query_get_data_graph_sequence(q);
  int user = seq && raptor_sequence_size(seq) > 0;
  kgs_free_from(s);
  if (user) {
    int n = raptor_sequence_size(seq);
    s->from = kg_calloc((size_t)n, sizeof *s->from);
    if (!s->from)
      return KG_ERR_NOMEM;
    for (int i = 0; i < n; i++) {
      rasqal_data_graph *dg = raptor_sequence_get_at(seq, i);
      if (dg && (dg->flags & RASQAL_DATA_GRAPH_BACKGROUND) && dg->uri) {
        librdf_node *node = librdf_new_node_from_uri(s->world, dg->uri);
        if (!node)
          return KG_ERR_NOMEM;
        s->from[s->nfrom++] = node;
      }
    }
    s->default_graph = s->nfrom ? KGS_DEFAULT_LISTED : KGS_DEFAULT_EMPTY;
    return kgs_declare_graph_names(s, q, rasqal_query_get_query_graph_pattern(q));
  }
  librdf_iterator *it = librdf_model_get_contexts(s->model);
  if (!it) /* no context at all */
    return kgs_declare_graph_names(s, q, rasqal_query_get_query_graph_pattern(q));
  KgStatus st = KG_SUCCESS;
  for (; !librdf_iterator_end(it) && st == KG_SUCCESS; librdf_iterator_next(it)) {
    librdf_node *ctx = librdf_iterator_get_object(it);
    if (!ctx || ctx->type != RAPTOR_TERM_TYPE_URI)
      continue;
    rasqal_data_graph *dg = rasqal_new_data_graph_from_uri(s->rworld, ctx->value.uri,
                                                           ctx->value.uri,
                                                           RASQAL_DATA_GRAPH_NAMED, NULL, NULL, NULL);
    if (!dg || rasqal_query_add_data_graph(q, dg) != 0)
      st = KG_ERR_NOMEM;
  }
  librdf_free_iterator(it);
  if (st == KG_SUCCESS)
    st = kgs_declare_graph_names(s, q, rasqal_query_get_query_graph_pattern(q));
  return st;
}

static KgStatus kgs_write_bindings(KgStore *s, rasqal_query_results *res, KgResultFormat rf,
                                   FILE *out) {
  int n = rasqal_query_results_get_bindings_count(res);
  const char **vars = kg_calloc(n > 0 ? (size_t)n : 1, sizeof *vars);
  const KgTerm **vals = kg_calloc(n > 0 ? (size_t)n : 1, sizeof *vals);
  KgTerm *terms = kg_calloc(n > 0 ? (size_t)n : 1, sizeof *terms);
  KgiResults *w = NULL;
  KgStatus st = KG_SUCCESS;
  if (!vars || !vals || !terms) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  for (int i = 0; i < n; i++)
    vars[i] = (const char *)rasqal_query_results_get_binding_name(res, i);
  if (!(w = kgi_results_new(out, rf, vars, n > 0 ? (size_t)n : 0))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  while (!rasqal_query_results_finished(res)) {
    for (int i = 0; i < n; i++) {
      rasqal_literal *l = rasqal_query_results_get_binding_value(res, i);
      vals[i] = kgs_term_from_rasqal(l, &terms[i]) == 0 ? &terms[i] : NULL;
    }
    if ((st = kgi_results_row(w, vals)) != KG_SUCCESS)
      goto out;
    if (rasqal_query_results_next(res) != 0)
      break;
  }
  if (s->error) {
    st = KG_ERR_STORE;
    goto out;
  }
  st = kgi_results_finish(w);
out:
  kgi_results_free(w);
  kg_free(vars);
  kg_free(vals);
  kg_free(terms);
  return st;
}

static KgStatus kgs_add_raptor_triple(KgTriples *t, raptor_statement *rs) {
  KgTriple tr;
  memset(&tr, 0, sizeof tr);
  if (kgs_term_from_raptor(rs->subject, &tr.s) != 0 ||
      kgs_term_from_raptor(rs->predicate, &tr.p) != 0 ||
      kgs_term_from_raptor(rs->object, &tr.o) != 0)
    return KG_SUCCESS; /* an incomplete template instance is skipped, as SPARQL says */
  return kg_triples_add(t, &tr);
}

static KgStatus kgs_write_graph(KgStore *s, rasqal_query_results *res, KgFormat gf, FILE *out) {
  KgTriples *t = kg_triples_new();
  KgStatus st = KG_SUCCESS;
  if (!t)
    return KG_ERR_NOMEM;
  for (raptor_statement *rs = rasqal_query_results_get_triple(res); rs && st == KG_SUCCESS;
       rs = rasqal_query_results_next_triple(res) ? NULL : rasqal_query_results_get_triple(res))
    st = kgs_add_raptor_triple(t, rs);
  if (st == KG_SUCCESS && s->error)
    st = KG_ERR_STORE;
  if (st == KG_SUCCESS)
    st = kg_triples_sort_unique(t);
  if (st == KG_SUCCESS)
    st = kg_rdf_write(out, gf, KG_DEFAULT_BASE, t, s->log) == KG_SUCCESS ? KG_SUCCESS : KG_ERR_IO;
  kg_triples_free(t);
  return st;
}

static void kgs_query_error(KgStore *s, KgStatus st, const char *what) {
  if (s->error_line > 0 && s->error_column > 0)
    kgi_log(s->log, KG_LOG_ERROR, st, "query", -1, "%s at line %d, column %d: %s", what,
            s->error_line, s->error_column, kgs_error_text(s));
  else if (s->error_line > 0)
    kgi_log(s->log, KG_LOG_ERROR, st, "query", -1, "%s at line %d: %s", what, s->error_line,
            kgs_error_text(s));
  else
    kgi_log(s->log, KG_LOG_ERROR, st, "query", -1, "%s: %s", what, kgs_error_text(s));
}

KgStatus kg_store_query(KgStore *s, const char *sparql, KgResultFormat rf, KgFormat gf,
                        FILE *out) {
  KgStatus st = KG_SUCCESS;
  rasqal_query *q = NULL;
  rasqal_query_results *res = NULL;
  raptor_uri *base = NULL;
  if (!s || !sparql || !out)
    return KG_ERR_BAD_ARG;
  kgs_clear_error(s);
  if (!(q = rasqal_new_query(s->rworld, "sparql11-query", NULL)) ||
      !(base = raptor_new_uri(librdf_world_get_raptor(s->world),
                              (const unsigned char *)KG_DEFAULT_BASE))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  /* The base lets a query say <org/microsoft> for a kgbuild resource. */
  if (rasqal_query_prepare(q, (const unsigned char *)sparql, base) != 0) {
    st = KG_ERR_PARSE;
    kgs_query_error(s, st, "SPARQL syntax error");
    goto out;
  }
  switch (rasqal_query_get_verb(q)) {
  case RASQAL_QUERY_VERB_SELECT:
  case RASQAL_QUERY_VERB_ASK:
  case RASQAL_QUERY_VERB_CONSTRUCT:
    break;
  case RASQAL_QUERY_VERB_DESCRIBE:
    st = KG_ERR_UNSUPPORTED;
    kgi_log(s->log, KG_LOG_ERROR, st, "query", -1,
            "DESCRIBE is not supported by the embedded store; use CONSTRUCT { <x> ?p ?o } "
            "WHERE { <x> ?p ?o }");
    goto out;
  default:
    st = KG_ERR_UNSUPPORTED;
    kgi_log(s->log, KG_LOG_ERROR, st, "query", -1,
            "only SELECT, ASK and CONSTRUCT queries can be run (no SPARQL Update)");
    goto out;
  }
  if ((st = kgs_dataset(s, q)) != KG_SUCCESS)
    goto out;
  res = rasqal_query_execute(q);
  if (!res) {
    st = KG_ERR_STORE;
    kgs_query_error(s, st, "the query failed");
    goto out;
  }
  if (rasqal_query_results_is_bindings(res)) {
    st = kgs_write_bindings(s, res, rf, out);
  } else if (rasqal_query_results_is_boolean(res)) {
    int b = rasqal_query_results_get_boolean(res);
    st = b < 0 || s->error ? KG_ERR_STORE : kgi_results_boolean(out, rf, b);
  } else if (rasqal_query_results_is_graph(res)) {
    st = kgs_write_graph(s, res, gf, out);
  } else {
    st = KG_ERR_UNSUPPORTED;
  }
  if (st == KG_ERR_STORE)
    kgs_query_error(s, st, "the query failed");
out:
  if (res)
    rasqal_free_query_results(res);
  if (q)
    rasqal_free_query(q);
  if (base)
    raptor_free_uri(base);
  kgs_free_from(s);
  return st;
}

/* ---- statistics ---- */

typedef struct {
  KgiBytesSet *set;
  size_t count;
} KgsDistinct;

/* Count distinct subjects (want_object 0) or distinct (subject, object) pairs of the
 * statements matching (?, p, o?) over all graphs. */
static KgStatus kgs_count_distinct(KgStore *s, librdf_node *p, librdf_node *o, int pairs,
                                   size_t *count) {
  KgStatus st = KG_SUCCESS;
  *count = 0;
  KgiBytesSet *set = kgi_bytes_set_new();
  /* fresh terms, not copies: kgs_free_stream() counts on the pattern holding the
   * only references to its predicate */
  librdf_node *pc = p ? librdf_new_node_from_uri(s->world, librdf_node_get_uri(p)) : NULL;
  librdf_node *oc = o ? librdf_new_node_from_uri(s->world, librdf_node_get_uri(o)) : NULL;
  librdf_statement *pat = set ? librdf_new_statement_from_nodes(s->world, NULL, pc, oc) : NULL;
  librdf_stream *str = pat ? librdf_model_find_statements(s->model, pat) : NULL;
  unsigned char *buf = NULL;
  size_t cap = 0;
  if (!pat) {
    if (pc)
      librdf_free_node(pc);
    if (oc)
      librdf_free_node(oc);
  }
  if (!str) {
    st = set && pat ? KG_ERR_STORE : KG_ERR_NOMEM;
    goto out;
  }
  for (; !librdf_stream_end(str); librdf_stream_next(str)) {
    librdf_statement *stmt = librdf_stream_get_object(str);
    if (!stmt)
      continue;
    librdf_node *parts[2] = {librdf_statement_get_subject(stmt),
                             pairs ? librdf_statement_get_object(stmt) : NULL};
    size_t need = 0;
    for (int i = 0; i < 2; i++)
      if (parts[i])
        need += librdf_node_encode(parts[i], NULL, 0);
    if (need > cap) {
      unsigned char *nb = kg_realloc(buf, need);
      if (!nb) {
        st = KG_ERR_NOMEM;
        goto out;
      }
      buf = nb;
      cap = need;
    }
    size_t len = 0;
    for (int i = 0; i < 2; i++)
      if (parts[i])
        len += librdf_node_encode(parts[i], buf + len, cap - len);
    if (kgi_bytes_set_add(set, buf, len) < 0) {
      st = KG_ERR_NOMEM;
      goto out;
    }
  }
  *count = kgi_bytes_set_count(set);
out:
  if (str)
    kgs_free_stream(str, pat);
  if (pat)
    librdf_free_statement(pat);
  kg_free(buf);
  kgi_bytes_set_free(set);
  return st;
}

static int kgs_count_cmp(const void *pa, const void *pb) {
  const KgStoreCount *a = pa, *b = pb;
  if (a->count != b->count)
    return a->count > b->count ? -1 : 1;
  return strcmp(a->name, b->name);
}

static KgStatus kgs_push_count(KgStoreCount **v, size_t *n, const char *name, size_t count) {
  KgStoreCount *nv = kg_realloc(*v, (*n + 1) * sizeof *nv);
  if (!nv)
    return KG_ERR_NOMEM;
  *v = nv;
  if (!(nv[*n].name = kg_strdup(name)))
    return KG_ERR_NOMEM;
  nv[*n].count = count;
  (*n)++;
  return KG_SUCCESS;
}

static const char *kgs_short_name(const char *iri) {
  size_t n = strlen(KG_NS);
  return strncmp(iri, KG_NS, n) == 0 && iri[n] ? iri + n : iri;
}

void kg_store_stats_free(KgStoreStats *st) {
  if (!st)
    return;
  for (size_t i = 0; i < st->n_classes; i++)
    kg_free(st->classes[i].name);
  for (size_t i = 0; i < st->n_relations; i++)
    kg_free(st->relations[i].name);
  kg_free(st->classes);
  kg_free(st->relations);
  kg_free(st);
}

KgStatus kg_store_stats(KgStore *s, KgStoreStats **out) {
  KgStatus st = KG_SUCCESS;
  KgStoreStats *r = NULL;
  librdf_stream *all = NULL;
  librdf_iterator *it = NULL;
  librdf_node *type = NULL, *cls = NULL, *pred = NULL;
  librdf_statement *type_pattern = NULL;
  KgiBytesSet *classes = NULL;
  if (out)
    *out = NULL;
  if (!s || !out)
    return KG_ERR_BAD_ARG;
  kgs_clear_error(s);
  if (!(r = kg_calloc(1, sizeof *r)) || !(classes = kgi_bytes_set_new())) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  /* triples: one pass over the main index (a triple in two graphs counts twice) */
  if (!(all = librdf_model_as_stream(s->model))) {
    st = KG_ERR_STORE;
    goto out;
  }
  for (; !librdf_stream_end(all); librdf_stream_next(all))
    r->triples++;
  librdf_free_stream(all);
  all = NULL;
  if ((it = librdf_model_get_contexts(s->model))) {
    for (; !librdf_iterator_end(it); librdf_iterator_next(it))
      r->graphs++;
    librdf_free_iterator(it);
    it = NULL;
  }
  /* entities per class: the classes used with rdf:type, then distinct members */
  type = librdf_new_node_from_uri_string(s->world, (const unsigned char *)KG_NS_RDF "type");
  if (!type) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  type_pattern = librdf_new_statement_from_nodes(
      s->world, NULL, librdf_new_node_from_uri(s->world, librdf_node_get_uri(type)), NULL);
  all = type_pattern ? librdf_model_find_statements(s->model, type_pattern) : NULL;
  if (!all) {
    st = KG_ERR_STORE;
    goto out;
  }
  KgStoreCount *found = NULL;
  size_t nfound = 0;
  for (; !librdf_stream_end(all) && st == KG_SUCCESS; librdf_stream_next(all)) {
    librdf_statement *stmt = librdf_stream_get_object(all);
    librdf_node *o = stmt ? librdf_statement_get_object(stmt) : NULL;
    if (!o || o->type != RAPTOR_TERM_TYPE_URI)
      continue;
    const char *iri = (const char *)raptor_uri_as_string(o->value.uri);
    int added = kgi_bytes_set_add(classes, iri, strlen(iri));
    if (added < 0)
      st = KG_ERR_NOMEM;
    else if (added == 1)
      st = kgs_push_count(&found, &nfound, iri, 0);
  }
  kgs_free_stream(all, type_pattern);
  all = NULL;
  for (size_t i = 0; i < nfound && st == KG_SUCCESS; i++) {
    size_t n = 0;
    cls = librdf_new_node_from_uri_string(s->world, (const unsigned char *)found[i].name);
    if (!cls) {
      st = KG_ERR_NOMEM;
      break;
    }
    st = kgs_count_distinct(s, type, cls, 0, &n);
    librdf_free_node(cls);
    cls = NULL;
    if (st != KG_SUCCESS)
      break;
    if (strcmp(found[i].name, KG_NS "Article") == 0)
      r->articles = n;
    else if (strcmp(found[i].name, KG_NS_RDF "Statement") != 0) {
      st = kgs_push_count(&r->classes, &r->n_classes, kgs_short_name(found[i].name), n);
      r->entities += n;
    }
  }
  for (size_t i = 0; i < nfound; i++)
    kg_free(found[i].name);
  kg_free(found);
  if (st != KG_SUCCESS)
    goto out;
  /* facts per relation */
  for (int rel = 0; rel < KG_REL__COUNT && st == KG_SUCCESS; rel++) {
    size_t n = 0;
    KgiBuf b;
    kgi_buf_init(&b, 0);
    if ((st = kgi_buf_printf(&b, "%s%s", KG_NS, kg_relation_name((KgRelation)rel))) != KG_SUCCESS) {
      kgi_buf_free(&b);
      break;
    }
    if (kg_relation_is_statement_only((KgRelation)rel)) {
      librdf_node *rp = librdf_new_node_from_uri_string(s->world,
                                                        (const unsigned char *)KG_NS_RDF "predicate");
      librdf_node *ro = librdf_new_node_from_uri_string(s->world, (const unsigned char *)b.data);
      st = rp && ro ? kgs_count_distinct(s, rp, ro, 0, &n) : KG_ERR_NOMEM;
      if (rp)
        librdf_free_node(rp);
      if (ro)
        librdf_free_node(ro);
    } else {
      pred = librdf_new_node_from_uri_string(s->world, (const unsigned char *)b.data);
      st = pred ? kgs_count_distinct(s, pred, NULL, 1, &n) : KG_ERR_NOMEM;
      if (pred)
        librdf_free_node(pred);
      pred = NULL;
    }
    if (st == KG_SUCCESS && n)
      st = kgs_push_count(&r->relations, &r->n_relations, kg_relation_name((KgRelation)rel), n);
    r->facts += n;
    kgi_buf_free(&b);
  }
  if (st != KG_SUCCESS)
    goto out;
  if (r->n_classes)
    qsort(r->classes, r->n_classes, sizeof *r->classes, kgs_count_cmp);
  if (r->n_relations)
    qsort(r->relations, r->n_relations, sizeof *r->relations, kgs_count_cmp);
out:
  if (all)
    kgs_free_stream(all, type_pattern);
  if (type_pattern)
    librdf_free_statement(type_pattern);
  if (it)
    librdf_free_iterator(it);
  if (type)
    librdf_free_node(type);
  kgi_bytes_set_free(classes);
  if (st != KG_SUCCESS) {
    if (st == KG_ERR_STORE)
      kgi_log(s->log, KG_LOG_ERROR, st, s->dir, -1, "cannot read the store: %s",
              kgs_error_text(s));
    kg_store_stats_free(r);
    return st;
  }
  *out = r;
  return KG_SUCCESS;
}
