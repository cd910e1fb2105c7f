/* rdf_raptor.c - writing and reading RDF through Raptor 2, the only file that sees
 * raptor2.h. Whatever the triples hold, what is written must parse: literals are
 * cleaned (ill-formed UTF-8 and XML-forbidden characters become U+FFFD), IRIs
 * percent-encoded, language tags checked, before Raptor sees them, and the few things
 * Raptor's serializers get wrong are kept from them (see the writer). */
#include "config.h"

#include <errno.h>
#include <locale.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <raptor2.h>

#include <kgbuild/rdf.h>
#include <kgbuild/vocab.h>

#include "graph/graph_internal.h"
#include "util/util.h"

#define KGI_READ_CHUNK 65536

/* ---------------------------------------------------------------- formats */

static const struct {
  const char *name;
  KgFormat format;
} kgi_format_names[] = {
    {"turtle", KG_FORMAT_TURTLE}, {"ttl", KG_FORMAT_TURTLE},     {"ntriples", KG_FORMAT_NTRIPLES},
    {"nt", KG_FORMAT_NTRIPLES},   {"nquads", KG_FORMAT_NQUADS},  {"nq", KG_FORMAT_NQUADS},
    {"rdfxml", KG_FORMAT_RDFXML}, {"xml", KG_FORMAT_RDFXML},     {"rdf", KG_FORMAT_RDFXML},
    {"json", KG_FORMAT_JSON},     {"rdfjson", KG_FORMAT_JSON}};

int kg_format_from_name(const char *name, KgFormat *out) {
  if (!name)
    return -1;
  for (size_t i = 0; i < sizeof kgi_format_names / sizeof kgi_format_names[0]; i++)
    if (strcmp(name, kgi_format_names[i].name) == 0) {
      if (out)
        *out = kgi_format_names[i].format;
      return 0;
    }
  return -1;
}

const char *kg_format_name(KgFormat f) {
  switch (f) {
  case KG_FORMAT_TURTLE: return "turtle";
  case KG_FORMAT_NTRIPLES: return "ntriples";
  case KG_FORMAT_NQUADS: return "nquads";
  case KG_FORMAT_RDFXML: return "rdfxml";
  case KG_FORMAT_JSON: return "json";
  }
  return NULL;
}

/* Raptor's serializer for each format. RDF/XML uses the abbreviating serializer: typed
 * nodes and one element per subject read better, and it round-trips exactly. */
static const char *kgi_serializer_name(KgFormat f) {
  switch (f) {
  case KG_FORMAT_TURTLE: return "turtle";
  case KG_FORMAT_NTRIPLES: return "ntriples";
  case KG_FORMAT_NQUADS: return "nquads";
  case KG_FORMAT_RDFXML: return "rdfxml-abbrev";
  case KG_FORMAT_JSON: return "json";
  }
  return NULL;
}

/* ---------------------------------------------------------------- diagnostics */

typedef struct {
  KgLog log;
  const char *name; /* file or document the messages are about, or NULL */
  int errors;
  KgStatus status; /* what an error means for this job: KG_ERR_RDF or KG_ERR_PARSE */
} KgiRaptorLog;

static void kgi_raptor_log(void *user_data, raptor_log_message *m) {
  KgiRaptorLog *rl = user_data;
  KgLogLevel level = KG_LOG_DEBUG;
  switch (m->level) {
  case RAPTOR_LOG_LEVEL_FATAL:
  case RAPTOR_LOG_LEVEL_ERROR: level = KG_LOG_ERROR; break;
  case RAPTOR_LOG_LEVEL_WARN: level = KG_LOG_WARNING; break;
  case RAPTOR_LOG_LEVEL_INFO: level = KG_LOG_INFO; break;
  default: level = KG_LOG_DEBUG; break;
  }
  if (level == KG_LOG_ERROR)
    rl->errors++;
  KgStatus st = level == KG_LOG_ERROR ? rl->status : KG_SUCCESS;
  const char *text = m->text ? m->text : "error";
  if (rl->name && m->locator && m->locator->line > 0) {
    char src[1024];
    snprintf(src, sizeof src, "%s:%d", rl->name, m->locator->line);
    kgi_log(&rl->log, level, st, src, -1, "%s", text);
  } else {
    kgi_log(&rl->log, level, st, rl->name, -1, "%s", text);
  }
}

/* @p interning: Raptor keeps one copy of each URI in a search tree; a writer, which
 * caches its terms itself (kgi_iri_rterm()), only pays for the tree. */
static raptor_world *kgi_world_new(KgiRaptorLog *rl, int interning) {
  raptor_world *w = raptor_new_world();
  if (!w)
    return NULL;
  raptor_world_set_log_handler(w, rl, kgi_raptor_log);
  if (!interning)
    raptor_world_set_flag(w, RAPTOR_WORLD_FLAG_URI_INTERNING, 0);
  if (raptor_world_open(w) != 0) {
    raptor_free_world(w);
    return NULL;
  }
  return w;
}

/* ---------------------------------------------------------------- writer */

/*
 * Every format is written by a Raptor serializer. N-Triples and N-Quads stream the
 * triples in the order given. Turtle, RDF/JSON and RDF/XML keep them until
 * kg_writer_finish(), sort them and drop duplicates, then hand them to Raptor in that
 * order, so a document never depends on the order triples came in (Raptor's
 * abbreviating writers keep every triple until the end anyway).
 *
 * Raptor 2.0.15 has flaws that are worked around here, on the input side:
 *  - its RDF/JSON writer escapes a character above U+FFFF as \U0001F680, which is not
 *    JSON: the output goes through an iostream that rewrites those escapes as UTF-16
 *    surrogate pairs (\uD83D\uDE80);
 *  - its Turtle writer writes an xsd:integer, xsd:decimal or xsd:double literal as a
 *    bare number whenever strtol()/strtod() reads all of it, and a bare number's type
 *    is its shape: "10000000000"^^xsd:decimal would read back as an integer. The
 *    decimals kgbuild makes always have a point (lexical.c), and numbers are written
 *    in the C locale, whatever LC_NUMERIC says. For the few documents its Turtle
 *    writer cannot write faithfully (see kgi_ttl_flaw()), Raptor's N-Triples writer
 *    writes them instead: N-Triples is Turtle too, only without prefixes;
 *  - its abbreviating RDF/XML writer drops blank nodes in a cycle that nothing else
 *    refers to, like its Turtle writer: such documents go through its plain RDF/XML
 *    writer, which writes one rdf:Description per triple.
 */
typedef struct KgiTermSlot KgiTermSlot;

/* Bytes Raptor writes collect in KgWriter.obuf (see "output" below). */
#define KGI_OUT_BUF 65536

struct KgWriterImpl {
  raptor_world *world;
  raptor_serializer *ser;
  raptor_iostream *ios;
  FILE *out;
  KgFormat format;
  KgiRaptorLog rl;
  int finished;
  KgTriples *buf;   /* Turtle, RDF/JSON, RDF/XML: every triple, handed to Raptor at the end */
  char **ns_prefix; /* declared prefixes and their IRIs, in declaration order */
  char **ns_iri;
  size_t nns;
  KgiTermSlot *tc; /* Raptor terms of IRIs: see kgi_iri_rterm() */
  size_t ntc;
  int borrow_literals; /* the serializer keeps no term: see kgi_literal_view() */
  int nt_terms;        /* the N-Triples or N-Quads serializer: see struct KgiTermSlot */
  int nt_graphs;       /* the N-Quads one, which writes a statement's graph */
  size_t olen;
  size_t nflushes; /* of obuf: see kgi_nt_statement() */
  /* RDF/JSON output filter: see kgi_json_put() */
  int jstate;
  char jhex[8];
  size_t njhex;
  /* output not yet handed to out (see kgi_out_put()): in the writer itself, so that the
     byte handler, called for most bytes written, loads no pointer to it */
  char obuf[KGI_OUT_BUF];
};

static const struct {
  const char *prefix;
  const char *iri;
} kgi_prefixes[] = {{"rdf", KG_NS_RDF},         {"kg", KG_NS},           {"rdfs", KG_NS_RDFS},
                    {"owl", KG_NS_OWL},         {"xsd", KG_NS_XSD},      {"skos", KG_NS_SKOS},
                    {"schema", KG_NS_SCHEMA},   {"org", KG_NS_ORG},      {"prov", KG_NS_PROV},
                    {"dcterms", KG_NS_DCTERMS}, {"wd", KG_NS_WD},        {"wdt", KG_NS_WDT}};

/* Prefixes under the resource base, one per IRI segment ("kgorg:microsoft"): a prefix
 * for the base alone would never apply, since "org/microsoft" is no local name. */
static const struct {
  const char *prefix;
  const char *segment;
} kgi_base_prefixes[] = {{"kgid", ""},          {"kgorg", "org/"},        {"kgperson", "person/"},
                         {"kgproduct", "product/"}, {"kgplace", "place/"}, {"kgarticle", "article/"},
                         {"kgstmt", "stmt/"}};

static KgStatus kgi_ns_add(KgWriter *w, const char *prefix, const char *iri) {
  char **p = kg_realloc(w->ns_prefix, (w->nns + 1) * sizeof *p);
  if (!p)
    return KG_ERR_NOMEM;
  w->ns_prefix = p;
  char **q = kg_realloc(w->ns_iri, (w->nns + 1) * sizeof *q);
  if (!q)
    return KG_ERR_NOMEM;
  w->ns_iri = q;
  char *a = kg_strdup(prefix), *b = kg_strdup(iri);
  if (!a || !b) {
    kg_free(a);
    kg_free(b);
    return KG_ERR_NOMEM;
  }
  w->ns_prefix[w->nns] = a;
  w->ns_iri[w->nns] = b;
  w->nns++;
  return KG_SUCCESS;
}

static KgStatus kgi_ns_build(KgWriter *w, const char *base) {
  KgStatus st = KG_SUCCESS;
  for (size_t i = 0; st == KG_SUCCESS && i < sizeof kgi_prefixes / sizeof kgi_prefixes[0]; i++)
    st = kgi_ns_add(w, kgi_prefixes[i].prefix, kgi_prefixes[i].iri);
  if (st != KG_SUCCESS || !base || !*base)
    return st;
  char *clean = kgi_iri_clean(base);
  if (!clean)
    return KG_ERR_NOMEM;
  if (!kgi_iri_is_valid(clean)) {
    kgi_log(&w->rl.log, KG_LOG_ERROR, KG_ERR_BAD_ARG, NULL, -1,
            "base '%s' is not an absolute IRI", base);
    st = KG_ERR_BAD_ARG;
  }
  size_t n = strlen(clean);
  int slash = n && clean[n - 1] == '/';
  for (size_t i = 0; st == KG_SUCCESS && i < sizeof kgi_base_prefixes / sizeof kgi_base_prefixes[0];
       i++) {
    KgiBuf b;
    kgi_buf_init(&b, 0);
    st = kgi_buf_printf(&b, "%s%s%s", clean, slash ? "" : "/", kgi_base_prefixes[i].segment);
    if (st == KG_SUCCESS)
      st = kgi_ns_add(w, kgi_base_prefixes[i].prefix, b.data);
    kgi_buf_free(&b);
  }
  kg_free(clean);
  return st;
}

/* Raptor's Turtle and RDF/XML writers declare rdf: themselves and refuse it again. */
static KgStatus kgi_ns_declare_raptor(KgWriter *w) {
  for (size_t i = 0; i < w->nns; i++) {
    if (strcmp(w->ns_prefix[i], "rdf") == 0)
      continue;
    raptor_uri *u = raptor_new_uri(w->world, (const unsigned char *)w->ns_iri[i]);
    if (!u)
      return KG_ERR_NOMEM;
    int rc = raptor_serializer_set_namespace(w->ser, u, (const unsigned char *)w->ns_prefix[i]);
    raptor_free_uri(u);
    if (rc != 0)
      return KG_ERR_RDF;
  }
  return KG_SUCCESS;
}

/* ---- RDF/JSON output filter ---- */

enum { KGI_J_TEXT = 0, KGI_J_BACKSLASH, KGI_J_HEX };

static int kgi_is_hex(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

/* ---- output ---- */

/*
 * Raptor writes most of a document one byte at a time; to a FILE* each byte is an
 * fputc() with its lock. So what Raptor writes collects in w->obuf and goes to the
 * FILE* in large blocks: at the end of a kg_writer_write() that left it half full (so a
 * full disk is still reported early), at the end of the document, and when it is full.
 */
static int kgi_out_flush(KgWriter *w) {
  size_t n = w->olen;
  w->olen = 0;
  w->nflushes++;
  return n == 0 || fwrite(w->obuf, 1, n, w->out) == n ? 0 : -1;
}

static int kgi_out_put(KgWriter *w, const void *p, size_t n) {
  if (n <= KGI_OUT_BUF - w->olen) {
    memcpy(w->obuf + w->olen, p, n);
    w->olen += n;
    return 0;
  }
  if (kgi_out_flush(w) != 0)
    return -1;
  if (n < KGI_OUT_BUF) {
    memcpy(w->obuf, p, n);
    w->olen = n;
    return 0;
  }
  return fwrite(p, 1, n, w->out) == n ? 0 : -1;
}

/* kgi_out_write_byte() when the buffer is full; never inline there, where it would give
 * every byte a stack frame. */
static KGI_NOINLINE int kgi_out_write_byte_full(KgWriter *w, int byte) {
  char c = (char)byte;
  return kgi_out_put(w, &c, 1) == 0 ? 0 : 1;
}

/* Called for most bytes of a document: one test, one store. */
static int kgi_out_write_byte(void *user_data, const int byte) {
  KgWriter *w = user_data;
  if (w->olen < KGI_OUT_BUF) {
    w->obuf[w->olen++] = (char)byte;
    return 0;
  }
  return kgi_out_write_byte_full(w, byte);
}

static int kgi_out_write_bytes(void *user_data, const void *ptr, size_t size, size_t nmemb) {
  /* like fwrite: the count of items written */
  return kgi_out_put(user_data, ptr, size * nmemb) == 0 ? (int)nmemb : 0;
}

static int kgi_out_write_end(void *user_data) { return kgi_out_flush(user_data) == 0 ? 0 : 1; }

static const raptor_iostream_handler kgi_out_handler = {
    2, NULL, NULL, kgi_out_write_byte, kgi_out_write_bytes, kgi_out_write_end, NULL, NULL};

static int kgi_json_emit(KgWriter *w, const void *p, size_t n) { return kgi_out_put(w, p, n); }

/* The JSON escape for the code point of Raptor's \UXXXXXXXX (w->jhex): \uXXXX, or a
 * UTF-16 surrogate pair above U+FFFF. */
static int kgi_json_emit_u(KgWriter *w) {
  uint32_t cp = 0;
  for (size_t i = 0; i < 8; i++) {
    unsigned char c = (unsigned char)w->jhex[i];
    cp = cp * 16 + (uint32_t)(c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
  }
  char esc[16];
  int n;
  if (cp <= 0xFFFF)
    n = snprintf(esc, sizeof esc, "\\u%04X", (unsigned)cp);
  else if (cp <= 0x10FFFF)
    n = snprintf(esc, sizeof esc, "\\u%04X\\u%04X", (unsigned)(0xD800 + ((cp - 0x10000) >> 10)),
                 (unsigned)(0xDC00 + ((cp - 0x10000) & 0x3FF)));
  else
    n = snprintf(esc, sizeof esc, "\\uFFFD");
  return kgi_json_emit(w, esc, (size_t)n);
}

/* What an unfinished escape held, as it was: only a stream cut short leaves one. */
static int kgi_json_flush(KgWriter *w) {
  int rc = 0;
  if (w->jstate == KGI_J_BACKSLASH)
    rc = kgi_json_emit(w, "\\", 1);
  else if (w->jstate == KGI_J_HEX)
    rc = kgi_json_emit(w, "\\U", 2) | kgi_json_emit(w, w->jhex, w->njhex);
  w->jstate = KGI_J_TEXT;
  w->njhex = 0;
  return rc;
}

/*
 * Passes Raptor's RDF/JSON through to the FILE*, with every \UXXXXXXXX escape
 * rewritten. Backslashes occur only inside JSON strings, where each starts an escape of
 * exactly one more character, so "\\U0001F680" (an escaped backslash, then text) is
 * left alone. The state survives between calls: an escape may be split across writes.
 */
static int kgi_json_put(KgWriter *w, const unsigned char *p, size_t n) {
  int rc = 0;
  size_t i = 0;
  while (i < n && rc == 0) {
    if (w->jstate == KGI_J_TEXT) {
      const unsigned char *bs = memchr(p + i, '\\', n - i);
      size_t run = bs ? (size_t)(bs - (p + i)) : n - i;
      rc = kgi_json_emit(w, p + i, run);
      i += run;
      if (bs) {
        w->jstate = KGI_J_BACKSLASH;
        i++;
      }
    } else if (w->jstate == KGI_J_BACKSLASH) {
      if (p[i] == 'U') {
        w->jstate = KGI_J_HEX;
        w->njhex = 0;
      } else {
        char esc[2] = {'\\', (char)p[i]};
        rc = kgi_json_emit(w, esc, 2);
        w->jstate = KGI_J_TEXT;
      }
      i++;
    } else if (kgi_is_hex(p[i])) {
      w->jhex[w->njhex++] = (char)p[i++];
      if (w->njhex == 8) {
        rc = kgi_json_emit_u(w);
        w->jstate = KGI_J_TEXT;
        w->njhex = 0;
      }
    } else {
      rc = kgi_json_flush(w); /* not an escape Raptor writes: pass it on as it is */
    }
  }
  return rc;
}

static int kgi_json_write_byte(void *user_data, const int byte) {
  unsigned char c = (unsigned char)byte;
  return kgi_json_put(user_data, &c, 1) == 0 ? 0 : 1;
}

static int kgi_json_write_bytes(void *user_data, const void *ptr, size_t size, size_t nmemb) {
  /* like fwrite: the count of items written */
  return kgi_json_put(user_data, ptr, size * nmemb) == 0 ? (int)nmemb : 0;
}

static int kgi_json_write_end(void *user_data) {
  int rc = kgi_json_flush(user_data);
  return (kgi_out_flush(user_data) | rc) == 0 ? 0 : 1;
}

static const raptor_iostream_handler kgi_json_handler = {
    2, NULL, NULL, kgi_json_write_byte, kgi_json_write_bytes, kgi_json_write_end, NULL, NULL};

/* ---- serializers ---- */

/* A Raptor serializer @p name writing to w->out, started, its prefixes declared when
 * @p prefixes. */
static KgStatus kgi_serializer_start(KgWriter *w, const char *name, int prefixes) {
  if (!(w->ser = raptor_new_serializer(w->world, name)))
    return KG_ERR_RDF;
  /* absolute IRIs everywhere: merged files and stores must not resolve anything */
  raptor_serializer_set_option(w->ser, RAPTOR_OPTION_RELATIVE_URIS, NULL, 0);
  raptor_serializer_set_option(w->ser, RAPTOR_OPTION_WRITE_BASE_URI, NULL, 0);
  if (w->format == KG_FORMAT_JSON)
    w->ios = raptor_new_iostream_from_handler(w->world, w, &kgi_json_handler);
  else
    w->ios = raptor_new_iostream_from_handler(w->world, w, &kgi_out_handler);
  if (!w->ios)
    return KG_ERR_NOMEM;
  if (raptor_serializer_start_to_iostream(w->ser, NULL, w->ios) != 0)
    return KG_ERR_RDF;
  w->borrow_literals = strcmp(name, "ntriples") == 0 || strcmp(name, "nquads") == 0;
  w->nt_terms = w->borrow_literals;
  w->nt_graphs = strcmp(name, "nquads") == 0;
  return prefixes ? kgi_ns_declare_raptor(w) : KG_SUCCESS;
}

/* End the document: KG_ERR_RDF when Raptor reported an error. */
static KgStatus kgi_serializer_end(KgWriter *w) {
  int errors = w->rl.errors;
  KgStatus st = raptor_serializer_serialize_end(w->ser) != 0 ? KG_ERR_RDF : KG_SUCCESS;
  raptor_free_serializer(w->ser);
  w->ser = NULL;
  raptor_free_iostream(w->ios);
  w->ios = NULL;
  /* the JSON filter's last bytes, then the buffer; a failed fwrite() leaves ferror(),
   * which kg_writer_finish() reports */
  if (w->format == KG_FORMAT_JSON)
    kgi_json_flush(w);
  kgi_out_flush(w);
  return w->rl.errors != errors ? KG_ERR_RDF : st;
}

KgWriter *kg_writer_new(FILE *out, KgFormat format, const char *base, const KgLog *log) {
  const char *sname = kgi_serializer_name(format);
  KgiRaptorLog tmp = {{NULL, NULL}, NULL, 0, KG_ERR_RDF};
  if (log)
    tmp.log = *log;
  if (!out || !sname) {
    kgi_log(&tmp.log, KG_LOG_ERROR, KG_ERR_BAD_ARG, NULL, -1, "no output or unknown RDF format");
    return NULL;
  }
  KgWriter *w = kg_calloc(1, sizeof *w);
  if (!w) {
    kgi_log(&tmp.log, KG_LOG_ERROR, KG_ERR_NOMEM, NULL, -1, "out of memory");
    return NULL;
  }
  w->rl = tmp;
  w->out = out;
  w->format = format;
  KgStatus st = kgi_ns_build(w, base);
  if (st != KG_SUCCESS)
    goto fail;
  st = KG_ERR_RDF;
  if (!(w->world = kgi_world_new(&w->rl, 0)))
    goto fail;
  if (format != KG_FORMAT_NTRIPLES && format != KG_FORMAT_NQUADS) {
    if (!(w->buf = kg_triples_new())) {
      st = KG_ERR_NOMEM;
      goto fail;
    }
    return w;
  }
  if ((st = kgi_serializer_start(w, sname, 0)) != KG_SUCCESS)
    goto fail;
  return w;
fail:
  kgi_log(&w->rl.log, KG_LOG_ERROR, st, NULL, -1, "cannot start the %s writer: %s",
          kg_format_name(format), kg_strerror(st));
  kg_writer_free(w);
  return NULL;
}

/* A term made writable: its strings cleaned (datatype and language exclusive;
 * xsd:string as no datatype). They point into the input where it was clean already
 * (nearly always), else to cleaned copies in own[], which kgi_term_free() frees. */
typedef struct {
  KgTermType type;
  const char *value, *datatype, *lang;
  char *own[3];
} KgiTerm;

static void kgi_term_free(KgiTerm *c) {
  for (int i = 0; i < 3; i++)
    kg_free(c->own[i]);
  memset(c, 0, sizeof *c);
}

/* 1 when kgi_lang_clean() would return @p tag as it is: [a-z]+(-[a-z0-9]+)*. */
static int kgi_lang_is_clean(const char *tag) {
  size_t run = 0, n = 0;
  int first = 1;
  for (const char *p = tag; *p; p++, n++) {
    char c = *p;
    if (c == '-') {
      if (!run)
        return 0;
      run = 0;
      first = 0;
    } else if ((c >= 'a' && c <= 'z') || (!first && c >= '0' && c <= '9')) {
      run++;
    } else {
      return 0;
    }
  }
  return run > 0 && n <= 64;
}

/* Value and language tag of literal @p t into @p c; c->datatype gets the datatype IRI
 * as given, or NULL where the literal has none to write. */
static KgStatus kgi_literal_clean(KgWriter *w, const KgTerm *t, KgiTerm *c) {
  c->type = KG_TERM_LITERAL;
  if (kgi_text_is_clean(t->value))
    c->value = t->value;
  else if (!(c->value = c->own[0] = kgi_text_clean(t->value)))
    return KG_ERR_NOMEM;
  if (t->lang && *t->lang) {
    int bad = 0;
    if (kgi_lang_is_clean(t->lang)) {
      c->lang = t->lang;
    } else {
      c->lang = c->own[1] = kgi_lang_clean(t->lang, &bad);
      if (!c->lang && !bad)
        return KG_ERR_NOMEM;
      if (bad)
        kgi_log(&w->rl.log, KG_LOG_WARNING, KG_SUCCESS, NULL, -1,
                "dropped the invalid language tag '%s'", t->lang);
    }
  }
  if (!c->lang && t->datatype && strcmp(t->datatype, KG_NS_XSD "string") != 0 &&
      strcmp(t->datatype, KG_NS_RDF "langString") != 0)
    c->datatype = t->datatype;
  return KG_SUCCESS;
}

/* @p iri cleaned into *out (itself, or a copy put in *own), KG_ERR_BAD_ARG (logged)
 * when it is relative even so. */
static KgStatus kgi_iri_clean_into(KgWriter *w, const char *iri, int datatype, const char **out,
                                   char **own) {
  if (kgi_iri_is_valid(iri)) {
    *out = iri;
    return KG_SUCCESS;
  }
  if (!(*out = *own = kgi_iri_clean(iri)))
    return KG_ERR_NOMEM;
  if (!kgi_iri_is_valid(*out)) {
    kgi_log(&w->rl.log, KG_LOG_ERROR, KG_ERR_BAD_ARG, NULL, -1,
            datatype ? "cannot write the relative datatype IRI <%s>"
                     : "cannot write the relative IRI <%s>", *out);
    return KG_ERR_BAD_ARG;
  }
  return KG_SUCCESS;
}

/* Labels of foreign blank nodes: kept when [A-Za-z0-9]+, else a stable hash. */
static KgStatus kgi_blank_clean(const KgTerm *t, KgiTerm *c) {
  c->type = KG_TERM_BLANK;
  int ok = t->value[0] != '\0';
  for (const char *p = t->value; ok && *p; p++)
    ok = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
  if (ok) {
    c->value = t->value;
    return KG_SUCCESS;
  }
  char hex[65], label[20];
  kg_sha256_hex(t->value, strlen(t->value), hex);
  snprintf(label, sizeof label, "b%.16s", hex);
  return (c->value = c->own[0] = kg_strdup(label)) ? KG_SUCCESS : KG_ERR_NOMEM;
}

static KgStatus kgi_term_clean(KgWriter *w, const KgTerm *t, KgiTerm *c) {
  memset(c, 0, sizeof *c);
  KgStatus st = KG_ERR_BAD_ARG;
  switch (t->type) {
  case KG_TERM_IRI:
    c->type = KG_TERM_IRI;
    st = kgi_iri_clean_into(w, t->value, 0, &c->value, &c->own[0]);
    break;
  case KG_TERM_BLANK:
    st = kgi_blank_clean(t, c);
    break;
  case KG_TERM_LITERAL:
    st = kgi_literal_clean(w, t, c);
    if (st == KG_SUCCESS && c->datatype)
      st = kgi_iri_clean_into(w, c->datatype, 1, &c->datatype, &c->own[2]);
    break;
  }
  if (st != KG_SUCCESS)
    kgi_term_free(c);
  return st;
}

/* ---- Raptor terms ---- */

/*
 * Raptor terms of the IRIs written, by the IRI as given (which was valid, so needed no
 * cleaning): most IRIs come again and again (predicates, classes, the article, an
 * entity in each of its triples), and making a Raptor term is the dearest part of
 * writing one. A full table is emptied, so memory stays bounded over any run.
 */
#define KGI_TC_SLOTS 16384 /* a power of two */
#define KGI_TC_MAX (KGI_TC_SLOTS / 2)
/* IRIs one statement may add to the table: subject, predicate, object, graph and a
 * literal's datatype (see kgi_serialize()) */
#define KGI_TC_STATEMENT 5

/* With the N-Triples and N-Quads serializers, a slot also keeps its IRI as they write it
 * (nt, ntlen; NULL until it is first written): Raptor escapes a term a byte at a time,
 * through a call per byte, and this was most of the writer's time, for the same few
 * thousand IRIs over and over. Raptor still makes those bytes, once per IRI. */
struct KgiTermSlot {
  char *key;
  size_t hash;
  raptor_term *term;
  char *nt;
  size_t ntlen;
};

/* The length and the last 32 bytes: IRIs here share long prefixes (the base, a
 * namespace) and differ at the end. Eight bytes a step: every IRI of every triple
 * written is hashed, and a byte at a time this was a good part of the writer's own
 * time. */
static size_t kgi_str_hash(const char *s) {
  size_t n = strlen(s), m = n > 32 ? 32 : n;
  const unsigned char *p = (const unsigned char *)s + (n - m);
  uint64_t h = 14695981039346656037ULL ^ n, x;
  for (; m >= 8; m -= 8, p += 8) {
    memcpy(&x, p, 8);
    h = (h ^ x) * 0xff51afd7ed558ccdULL;
    h ^= h >> 32;
  }
  for (x = 0; m; m--)
    x = (x << 8) | *p++;
  h = (h ^ x) * 0xff51afd7ed558ccdULL;
  return (size_t)(h ^ (h >> 29));
}

static void kgi_tc_clear(KgWriter *w) {
  if (!w->tc)
    return;
  for (size_t i = 0; i < KGI_TC_SLOTS; i++)
    if (w->tc[i].key) {
      kg_free(w->tc[i].key);
      raptor_free_term(w->tc[i].term);
      kg_free(w->tc[i].nt);
    }
  memset(w->tc, 0, KGI_TC_SLOTS * sizeof *w->tc);
  w->ntc = 0;
}

/* The slot of @p iri (hash @p h), or NULL. */
static KgiTermSlot *kgi_tc_find(const KgWriter *w, const char *iri, size_t h) {
  if (!w->tc)
    return NULL;
  for (size_t i = h & (KGI_TC_SLOTS - 1); w->tc[i].key; i = (i + 1) & (KGI_TC_SLOTS - 1))
    if (w->tc[i].hash == h && strcmp(w->tc[i].key, iri) == 0)
      return &w->tc[i];
  return NULL;
}

/* Remember @p t for @p iri, not yet in the table; its slot, or NULL when it could not
 * (which only means no caching). */
static KgiTermSlot *kgi_tc_put(KgWriter *w, const char *iri, size_t h, raptor_term *t) {
  if (!w->tc && !(w->tc = kg_calloc(KGI_TC_SLOTS, sizeof *w->tc)))
    return NULL;
  if (w->ntc >= KGI_TC_MAX)
    kgi_tc_clear(w);
  char *key = kg_strdup(iri);
  if (!key)
    return NULL;
  size_t i = h & (KGI_TC_SLOTS - 1);
  while (w->tc[i].key)
    i = (i + 1) & (KGI_TC_SLOTS - 1);
  w->tc[i] = (KgiTermSlot){key, h, raptor_term_copy(t), NULL, 0};
  w->ntc++;
  return &w->tc[i];
}

/* A new reference to the Raptor term of IRI @p iri, cleaned; NULL with *st set. *slot
 * (when @p slot is not NULL) is its slot in the table, or NULL: valid until the table is
 * emptied (kgi_tc_put()). */
static raptor_term *kgi_iri_rterm(KgWriter *w, const char *iri, int datatype, KgStatus *st,
                                  KgiTermSlot **slot) {
  KgiTermSlot *sl = NULL;
  size_t h = kgi_str_hash(iri);
  raptor_term *t = NULL;
  if ((sl = kgi_tc_find(w, iri, h)) != NULL) {
    t = raptor_term_copy(sl->term);
    goto out;
  }
  const char *clean;
  char *own = NULL;
  if ((*st = kgi_iri_clean_into(w, iri, datatype, &clean, &own)) != KG_SUCCESS) {
    kg_free(own);
    return NULL;
  }
  if (own) { /* a cleaned IRI is cached by itself */
    h = kgi_str_hash(own);
    if ((sl = kgi_tc_find(w, own, h)) != NULL) {
      kg_free(own);
      t = raptor_term_copy(sl->term);
      goto out;
    }
  }
  if ((t = raptor_new_term_from_uri_string(w->world, (const unsigned char *)clean)) != NULL)
    sl = kgi_tc_put(w, clean, h, t);
  else
    *st = KG_ERR_NOMEM;
  kg_free(own);
out:
  if (slot)
    *slot = sl;
  return t;
}

/* A new Raptor term for @p in, cleaned; NULL with *st set. *slot as kgi_iri_rterm() says
 * for an IRI, else NULL. */
static raptor_term *kgi_rterm(KgWriter *w, const KgTerm *in, KgStatus *st,
                              KgiTermSlot **slot) {
  if (slot)
    *slot = NULL;
  if (in->type == KG_TERM_IRI)
    return kgi_iri_rterm(w, in->value, 0, st, slot);
  KgiTerm c;
  memset(&c, 0, sizeof c);
  raptor_term *t = NULL;
  if (in->type == KG_TERM_BLANK) {
    if ((*st = kgi_blank_clean(in, &c)) == KG_SUCCESS &&
        !(t = raptor_new_term_from_blank(w->world, (const unsigned char *)c.value)))
      *st = KG_ERR_NOMEM;
  } else if (in->type == KG_TERM_LITERAL) {
    raptor_term *dt = NULL;
    if ((*st = kgi_literal_clean(w, in, &c)) == KG_SUCCESS &&
        (!c.datatype || (dt = kgi_iri_rterm(w, c.datatype, 1, st, NULL)) != NULL)) {
      t = raptor_new_term_from_counted_literal(
          w->world, (const unsigned char *)c.value, strlen(c.value), dt ? dt->value.uri : NULL,
          (const unsigned char *)c.lang, (unsigned char)(c.lang ? strlen(c.lang) : 0));
      if (!t)
        *st = KG_ERR_NOMEM;
    }
    if (dt)
      raptor_free_term(dt);
  } else {
    *st = KG_ERR_BAD_ARG;
  }
  kgi_term_free(&c);
  return t;
}

/*
 * A literal as a Raptor term that points into its cleaned strings instead of copies:
 * Raptor's N-Triples and N-Quads serializers write a statement as it comes and keep
 * none of its terms (the others keep them to the end, and get kgi_rterm()'s), so the
 * copies raptor_new_term_from_counted_literal() makes, and frees right after, are spared.
 * The term is filled as that constructor would: no datatype with a language, and the
 * datatype a reference held in dt until kgi_literal_view_clear(); Raptor only reads the
 * strings, whatever its struct declares.
 */
typedef struct {
  raptor_term term;
  raptor_term *dt;
  KgiTerm c;
} KgiLiteralView;

/* @p v made a view of literal @p in; &v->term, or NULL with *st set. Either way
 * kgi_literal_view_clear() frees what it holds. */
static raptor_term *kgi_literal_view(KgWriter *w, const KgTerm *in, KgiLiteralView *v,
                                     KgStatus *st) {
  memset(v, 0, sizeof *v);
  if ((*st = kgi_literal_clean(w, in, &v->c)) != KG_SUCCESS ||
      (v->c.datatype && !(v->dt = kgi_iri_rterm(w, v->c.datatype, 1, st, NULL))))
    return NULL;
  raptor_term *t = &v->term;
  t->world = w->world;
  t->usage = 1;
  t->type = RAPTOR_TERM_TYPE_LITERAL;
  t->value.literal.string = (unsigned char *)(uintptr_t)v->c.value;
  t->value.literal.string_len = (unsigned int)strlen(v->c.value);
  if (v->c.lang && *v->c.lang) {
    t->value.literal.language = (unsigned char *)(uintptr_t)v->c.lang;
    t->value.literal.language_len = (unsigned char)strlen(v->c.lang);
  } else if (v->dt) {
    t->value.literal.datatype = v->dt->value.uri;
  }
  return t;
}

static void kgi_literal_view_clear(KgiLiteralView *v) {
  if (v->dt)
    raptor_free_term(v->dt);
  kgi_term_free(&v->c);
}

/* What raptor_statement_ntriples_write() does, which the N-Triples and N-Quads
 * serializers call and nothing more: the terms of slots @p sl that have their bytes are
 * copied, the others written by Raptor (and an IRI's bytes kept in its slot, from the
 * output buffer, when no flush came in between). Like that function, a term Raptor
 * cannot write ends the statement there, with no error. */
static void kgi_nt_statement(KgWriter *w, const raptor_statement *rs, KgiTermSlot *sl[4]) {
  const raptor_term *t[4] = {rs->subject, rs->predicate, rs->object, rs->graph};
  int n = rs->graph && w->nt_graphs ? 4 : 3;
  for (int i = 0; i < n; i++) {
    if (i > 0)
      raptor_iostream_write_byte(' ', w->ios);
    if (sl[i] && sl[i]->nt) {
      kgi_out_put(w, sl[i]->nt, sl[i]->ntlen);
      continue;
    }
    size_t at = w->olen, flushes = w->nflushes;
    if (raptor_term_escaped_write(t[i], RAPTOR_ESCAPED_WRITE_NTRIPLES_LITERAL, w->ios))
      return;
    if (sl[i] && w->nflushes == flushes && (sl[i]->nt = kg_malloc(w->olen - at)) != NULL) {
      memcpy(sl[i]->nt, w->obuf + at, w->olen - at);
      sl[i]->ntlen = w->olen - at;
    }
  }
  raptor_iostream_counted_string_write(" .\n", 3, w->ios);
}

/* Hands one triple (graph @p g, or NULL) to the serializer, its terms cleaned. */
static KgStatus kgi_serialize(KgWriter *w, const KgTerm *s, const KgTerm *p, const KgTerm *o,
                              const char *g) {
  raptor_statement rs;
  raptor_statement_init(&rs, w->world);
  KgStatus st = KG_SUCCESS;
  KgiLiteralView view;
  int by_view = w->borrow_literals && o->type == KG_TERM_LITERAL;
  if (by_view)
    memset(&view, 0, sizeof view);
  /* the slots looked up below stay valid to the end of the statement */
  if (w->nt_terms && w->ntc + KGI_TC_STATEMENT > KGI_TC_MAX)
    kgi_tc_clear(w);
  KgiTermSlot *sl[4] = {NULL, NULL, NULL, NULL};
  if ((rs.subject = kgi_rterm(w, s, &st, &sl[0])) &&
      (rs.predicate = kgi_rterm(w, p, &st, &sl[1])) &&
      (rs.object = by_view ? kgi_literal_view(w, o, &view, &st) : kgi_rterm(w, o, &st, &sl[2])) &&
      (!g || (rs.graph = kgi_iri_rterm(w, g, 0, &st, &sl[3])))) {
    int errors = w->rl.errors;
    int rc = 0;
    if (w->nt_terms)
      kgi_nt_statement(w, &rs, sl);
    else
      rc = raptor_serializer_serialize_statement(w->ser, &rs);
    st = rc != 0 || w->rl.errors != errors ? KG_ERR_RDF : KG_SUCCESS;
  }
  if (by_view) {
    rs.object = NULL; /* not Raptor's to free */
    kgi_literal_view_clear(&view);
  }
  raptor_statement_clear(&rs);
  return st;
}

static KgStatus kgi_write_one(KgWriter *w, const KgTriple *tr) {
  if (tr->s.type == KG_TERM_LITERAL || tr->p.type != KG_TERM_IRI) {
    kgi_log(&w->rl.log, KG_LOG_ERROR, KG_ERR_BAD_ARG, NULL, -1,
            "a triple with a literal subject or a non-IRI predicate cannot be written");
    return KG_ERR_BAD_ARG;
  }
  int nq = w->format == KG_FORMAT_NQUADS && tr->g;
  if (!w->buf) /* N-Triples, N-Quads: straight to Raptor */
    return kgi_serialize(w, &tr->s, &tr->p, &tr->o, nq ? tr->g : NULL);
  /* Turtle, RDF/JSON and RDF/XML have no graphs: triples of every article merge */
  KgiTerm c[3];
  memset(c, 0, sizeof c);
  KgStatus st;
  KGI_TRY(st, kgi_term_clean(w, &tr->s, &c[0]));
  KGI_TRY(st, kgi_term_clean(w, &tr->p, &c[1]));
  KGI_TRY(st, kgi_term_clean(w, &tr->o, &c[2]));
  KgTriple ct = {{c[0].type, c[0].value, NULL, NULL},
                 {c[1].type, c[1].value, NULL, NULL},
                 {c[2].type, c[2].value, c[2].datatype, c[2].lang},
                 NULL};
  st = kg_triples_add(w->buf, &ct);
out:
  for (int i = 0; i < 3; i++)
    kgi_term_free(&c[i]);
  return st;
}

KgStatus kg_writer_write(KgWriter *w, const KgTriples *t) {
  if (!w || !t || w->finished)
    return KG_ERR_BAD_ARG;
  size_t n = kg_triples_count(t);
  KgStatus st = KG_SUCCESS;
  for (size_t i = 0; st == KG_SUCCESS && i < n; i++)
    st = kgi_write_one(w, kg_triples_get(t, i));
  /* streaming formats have written already: once half the buffer is full it goes out,
   * so a full disk is reported a few articles after it happens, not at the end */
  int flushed = w->olen >= KGI_OUT_BUF / 2 ? kgi_out_flush(w) : 0;
  if (st != KG_SUCCESS)
    return st;
  if (flushed != 0 || ferror(w->out)) {
    kgi_log(&w->rl.log, KG_LOG_ERROR, KG_ERR_IO, NULL, -1, "write error: %s", strerror(errno));
    return KG_ERR_IO;
  }
  return st;
}

/* ---- what Raptor's Turtle writer cannot write ---- */

/* Turtle's DECIMAL and DOUBLE tokens: the bare numbers that read back as themselves. */
static int kgi_ttl_digits(const char **p) {
  const char *s = *p;
  while (**p >= '0' && **p <= '9')
    (*p)++;
  return *p > s;
}

static int kgi_ttl_decimal_token(const char *v) {
  if (*v == '+' || *v == '-')
    v++;
  kgi_ttl_digits(&v);
  return *v++ == '.' && kgi_ttl_digits(&v) && *v == '\0';
}

static int kgi_ttl_double_token(const char *v) {
  if (*v == '+' || *v == '-')
    v++;
  int mant = kgi_ttl_digits(&v);
  if (*v == '.') {
    v++;
    mant |= kgi_ttl_digits(&v);
  }
  if (!mant || (*v != 'e' && *v != 'E'))
    return 0;
  v++;
  if (*v == '+' || *v == '-')
    v++;
  return kgi_ttl_digits(&v) && *v == '\0';
}

/* 1 when Raptor writes literal @p o so that it reads back the same. */
static int kgi_ttl_literal_ok(const KgTerm *o) {
  const char *dt = o->datatype, *v = o->value;
  size_t n = strlen(KG_NS_XSD);
  if (!dt || strncmp(dt, KG_NS_XSD, n) != 0)
    return 1;
  dt += n;
  if (strcmp(dt, "integer") == 0)
    return kgi_is_integer_lexical(v);
  if (strcmp(dt, "decimal") == 0)
    return kgi_ttl_decimal_token(v);
  if (strcmp(dt, "double") == 0)
    return kgi_ttl_double_token(v);
  if (strcmp(dt, "boolean") == 0) /* Raptor writes "1" as true */
    return strcmp(v, "true") == 0 || strcmp(v, "false") == 0;
  return 1;
}

/* 1 when Raptor writes @p iri, a predicate or datatype, as a prefixed name that ends
 * with '.', which no Turtle parser reads: it prefixes those with any declared prefix
 * whose rest is an XML name (rdf: is always declared). */
static int kgi_ttl_bad_pname(const KgWriter *w, const char *iri) {
  size_t n = strlen(iri);
  if (n == 0 || iri[n - 1] != '.')
    return 0;
  for (size_t i = 0; i < w->nns; i++)
    if (strncmp(iri, w->ns_iri[i], strlen(w->ns_iri[i])) == 0)
      return 1;
  return 0;
}

typedef struct {
  const char *label;
  size_t first, n;   /* its triples as subject: w->buf[first .. first+n) */
  size_t refs;       /* triples with it as object */
  size_t referrer;   /* the subject entry of one of them, or (size_t)-1 for an IRI */
  int mark;          /* reachability: 0 unknown, 1 on the path, 2 reached, 3 lost */
} KgiBlank;

static int kgi_blank_cmp(const void *key, const void *elem) {
  return strcmp(key, ((const KgiBlank *)elem)->label);
}

static int kgi_is_rdf(const KgTerm *t, const char *local) {
  size_t n = strlen(KG_NS_RDF);
  return t->type == KG_TERM_IRI && strncmp(t->value, KG_NS_RDF, n) == 0 &&
         strcmp(t->value + n, local) == 0;
}

/*
 * Raptor's abbreviating writers (Turtle, RDF/XML) nest a blank node that is a subject
 * and the object of exactly one triple inside that triple ("[ ... ]"), and drop the
 * triples of such blank nodes that no subject written at the top leads to (a cycle:
 * _:a :p _:a). Its Turtle writer also writes a blank node with rdf:first and rdf:rest
 * as a collection "( ... )"; for a list node that is not exactly one rdf:first plus one
 * rdf:rest, used once, it drops triples, writes a document that does not parse, or (a
 * cyclic list) never returns: @p lists checks those too. NULL when the blank nodes of
 * the (sorted) buffer are safe, else why not. *st gets KG_ERR_NOMEM when out of memory.
 */
static const char *kgi_blank_flaw(const KgWriter *w, int lists, KgStatus *st) {
  const KgTriples *t = w->buf;
  size_t n = kg_triples_count(t), nb = 0;
  const char *why = NULL;
  *st = KG_SUCCESS;
  /* blank subjects sort last, by label, their triples together */
  for (size_t i = 0; i < n; i++)
    if (kg_triples_get(t, i)->s.type == KG_TERM_BLANK &&
        (i == 0 || !kg_term_equal(&kg_triples_get(t, i - 1)->s, &kg_triples_get(t, i)->s)))
      nb++;
  if (nb == 0)
    return NULL;
  KgiBlank *b = kg_calloc(nb, sizeof *b);
  size_t *path = kg_malloc(nb * sizeof *path);
  if (!b || !path) {
    *st = KG_ERR_NOMEM;
    goto out;
  }
  nb = 0;
  for (size_t i = 0; i < n; i++) {
    const KgTriple *x = kg_triples_get(t, i);
    if (x->s.type != KG_TERM_BLANK)
      continue;
    if (nb == 0 || strcmp(b[nb - 1].label, x->s.value) != 0)
      b[nb++] = (KgiBlank){x->s.value, i, 0, 0, (size_t)-1, 0};
    b[nb - 1].n++;
  }
  for (size_t i = 0; i < n; i++) {
    const KgTriple *x = kg_triples_get(t, i);
    KgiBlank *o = x->o.type == KG_TERM_BLANK ? bsearch(x->o.value, b, nb, sizeof *b, kgi_blank_cmp) : NULL;
    if (!o)
      continue;
    o->refs++;
    if (x->s.type == KG_TERM_BLANK) {
      KgiBlank *s = bsearch(x->s.value, b, nb, sizeof *b, kgi_blank_cmp);
      o->referrer = (size_t)(s - b);
    }
  }
  for (size_t k = 0; k < nb && lists && !why; k++) {
    const KgTriple *x = kg_triples_get(t, b[k].first);
    int list = 0;
    for (size_t i = 0; i < b[k].n; i++) {
      const KgTerm *p = &kg_triples_get(t, b[k].first + i)->p;
      list |= kgi_is_rdf(p, "first") || kgi_is_rdf(p, "rest");
    }
    if (!list)
      continue;
    const KgTriple *rest = b[k].n == 2 ? kg_triples_get(t, b[k].first + 1) : NULL;
    if (!rest || !kgi_is_rdf(&x->p, "first") || !kgi_is_rdf(&rest->p, "rest") || b[k].refs != 1)
      why = "an RDF list node that is not one rdf:first and one rdf:rest, used once";
    else if (!kgi_is_rdf(&rest->o, "nil")) {
      KgiBlank *next = rest->o.type == KG_TERM_BLANK
                           ? bsearch(rest->o.value, b, nb, sizeof *b, kgi_blank_cmp)
                           : NULL;
      if (!next || !kgi_is_rdf(&kg_triples_get(t, next->first)->p, "first"))
        why = "an RDF list that does not end in rdf:nil";
    }
  }
  /* every nested blank node must hang from something written at the top */
  for (size_t k = 0; k < nb && !why; k++) {
    size_t len = 0, cur = k;
    while (b[cur].refs == 1 && b[cur].mark == 0 && b[cur].referrer != (size_t)-1) {
      b[cur].mark = 1;
      path[len++] = cur;
      cur = b[cur].referrer;
    }
    /* stopped at the top (an IRI referrer, or not nested), at a known node, or on the path */
    int lost = b[cur].mark == 1 || b[cur].mark == 3;
    if (!lost && b[cur].mark == 0)
      b[cur].mark = 2;
    for (size_t i = 0; i < len; i++)
      b[path[i]].mark = lost ? 3 : 2;
    if (lost)
      why = "blank nodes in a cycle that nothing else refers to";
  }
out:
  kg_free(b);
  kg_free(path);
  return why;
}

/* NULL when Raptor's Turtle writer writes the buffer faithfully, else why not. */
static const char *kgi_ttl_flaw(const KgWriter *w, KgStatus *st) {
  size_t n = kg_triples_count(w->buf);
  *st = KG_SUCCESS;
  for (size_t i = 0; i < n; i++) {
    const KgTriple *x = kg_triples_get(w->buf, i);
    if (kgi_ttl_bad_pname(w, x->p.value) || (x->o.datatype && kgi_ttl_bad_pname(w, x->o.datatype)))
      return "a predicate or datatype IRI that ends with '.'";
    if (x->o.type == KG_TERM_LITERAL && !kgi_ttl_literal_ok(&x->o))
      return "a number or boolean literal that is not in Turtle's own form";
  }
  return kgi_blank_flaw(w, 1, st);
}

/* Sorted, duplicate-free buffer to Raptor: Turtle (or N-Triples), RDF/JSON, RDF/XML
 * (abbreviated or not): see above. */
static KgStatus kgi_write_buffered(KgWriter *w) {
  KgStatus st = kg_triples_sort_unique(w->buf);
  if (st != KG_SUCCESS)
    return st;
  const char *name = kgi_serializer_name(w->format), *why = NULL;
  if (w->format == KG_FORMAT_TURTLE) {
    if ((why = kgi_ttl_flaw(w, &st)) != NULL) {
      kgi_log(&w->rl.log, KG_LOG_WARNING, KG_SUCCESS, NULL, -1,
              "Turtle written as N-Triples, without prefixes: Raptor's Turtle writer cannot "
              "write %s", why);
      name = "ntriples";
    }
  } else if (w->format == KG_FORMAT_RDFXML) {
    if ((why = kgi_blank_flaw(w, 0, &st)) != NULL) {
      kgi_log(&w->rl.log, KG_LOG_WARNING, KG_SUCCESS, NULL, -1,
              "RDF/XML written unabbreviated: Raptor's abbreviating RDF/XML writer cannot "
              "write %s", why);
      name = "rdfxml";
    }
  }
  if (st != KG_SUCCESS)
    return st;
  /* Raptor reads numbers with strtod(), which follows LC_NUMERIC: "1.5" is no number
   * where the decimal separator is a comma */
  locale_t c_locale = newlocale(LC_NUMERIC_MASK, "C", (locale_t)0);
  locale_t old = c_locale ? uselocale(c_locale) : (locale_t)0;
  st = kgi_serializer_start(w, name, w->format != KG_FORMAT_JSON && strcmp(name, "ntriples") != 0);
  size_t n = kg_triples_count(w->buf);
  for (size_t i = 0; st == KG_SUCCESS && i < n; i++) {
    const KgTriple *x = kg_triples_get(w->buf, i);
    st = kgi_serialize(w, &x->s, &x->p, &x->o, NULL);
  }
  if (st == KG_SUCCESS)
    st = kgi_serializer_end(w);
  if (c_locale) {
    uselocale(old);
    freelocale(c_locale);
  }
  return st;
}

KgStatus kg_writer_finish(KgWriter *w) {
  if (!w || w->finished)
    return KG_ERR_BAD_ARG;
  w->finished = 1;
  KgStatus st = w->buf ? kgi_write_buffered(w) : kgi_serializer_end(w);
  if (st != KG_SUCCESS && st != KG_ERR_NOMEM)
    kgi_log(&w->rl.log, KG_LOG_ERROR, st, NULL, -1, "cannot write %s: %s",
            kg_format_name(w->format), kg_strerror(st));
  if (fflush(w->out) != 0 || ferror(w->out)) {
    int e = errno;
    kgi_log(&w->rl.log, KG_LOG_ERROR, KG_ERR_IO, NULL, -1, "write error: %s", strerror(e));
    errno = e;
    st = KG_ERR_IO;
  }
  return st;
}

void kg_writer_free(KgWriter *w) {
  if (!w)
    return;
  if (w->ser)
    raptor_free_serializer(w->ser);
  if (w->ios)
    raptor_free_iostream(w->ios);
  kgi_tc_clear(w);
  kg_free(w->tc);
  if (w->world)
    raptor_free_world(w->world);
  kgi_out_flush(w); /* what was written stays written, as with a FILE* */
  kg_triples_free(w->buf);
  for (size_t i = 0; i < w->nns; i++) {
    kg_free(w->ns_prefix[i]);
    kg_free(w->ns_iri[i]);
  }
  kg_free(w->ns_prefix);
  kg_free(w->ns_iri);
  kg_free(w);
}

KgStatus kg_rdf_write(FILE *out, KgFormat format, const char *base, const KgTriples *t,
                      const KgLog *log) {
  KgWriter *w = kg_writer_new(out, format, base, log);
  if (!w)
    return out && kgi_serializer_name(format) ? KG_ERR_RDF : KG_ERR_BAD_ARG;
  KgStatus st = kg_writer_write(w, t);
  KgStatus st2 = kg_writer_finish(w);
  kg_writer_free(w);
  return st != KG_SUCCESS ? st : st2;
}

/* ---------------------------------------------------------------- reader */

typedef struct {
  KgTriples *t;
  raptor_parser *parser;
  KgStatus st;
} KgiReadCtx;

static const char *kgi_term_string(const raptor_term *t, const char **dt, const char **lang,
                                   KgTermType *type) {
  *dt = *lang = NULL;
  switch (t->type) {
  case RAPTOR_TERM_TYPE_URI:
    *type = KG_TERM_IRI;
    return (const char *)raptor_uri_as_string(t->value.uri);
  case RAPTOR_TERM_TYPE_BLANK:
    *type = KG_TERM_BLANK;
    return (const char *)t->value.blank.string;
  case RAPTOR_TERM_TYPE_LITERAL:
    *type = KG_TERM_LITERAL;
    if (t->value.literal.datatype)
      *dt = (const char *)raptor_uri_as_string(t->value.literal.datatype);
    if (t->value.literal.language && t->value.literal.language_len)
      *lang = (const char *)t->value.literal.language;
    return (const char *)t->value.literal.string;
  default:
    return NULL;
  }
}

static void kgi_read_statement(void *user_data, raptor_statement *rs) {
  KgiReadCtx *ctx = user_data;
  if (ctx->st != KG_SUCCESS)
    return;
  KgTriple tr;
  memset(&tr, 0, sizeof tr);
  const raptor_term *in[3] = {rs->subject, rs->predicate, rs->object};
  KgTerm *dst[3] = {&tr.s, &tr.p, &tr.o};
  char *lang = NULL;
  for (int i = 0; i < 3; i++) {
    const char *lg = NULL;
    dst[i]->value = in[i] ? kgi_term_string(in[i], &dst[i]->datatype, &lg, &dst[i]->type) : NULL;
    if (!dst[i]->value) {
      ctx->st = KG_ERR_PARSE;
      raptor_parser_parse_abort(ctx->parser);
      return;
    }
    if (lg) {
      /* triples.h promises lower-case tags */
      if (!(lang = kg_strdup(lg))) {
        ctx->st = KG_ERR_NOMEM;
        raptor_parser_parse_abort(ctx->parser);
        return;
      }
      for (char *c = lang; *c; c++)
        if (*c >= 'A' && *c <= 'Z')
          *c = (char)(*c - 'A' + 'a');
      dst[i]->lang = lang;
    }
  }
  if (rs->graph && rs->graph->type == RAPTOR_TERM_TYPE_URI)
    tr.g = (const char *)raptor_uri_as_string(rs->graph->value.uri);
  ctx->st = kg_triples_add(ctx->t, &tr);
  kg_free(lang);
  if (ctx->st != KG_SUCCESS)
    raptor_parser_parse_abort(ctx->parser);
}

static const char *kgi_syntax_from_name(const char *name) {
  static const struct {
    const char *ext, *syntax;
  } exts[] = {{".ttl", "turtle"},   {".turtle", "turtle"}, {".nt", "ntriples"},
              {".nq", "nquads"},    {".rdf", "rdfxml"},    {".owl", "rdfxml"},
              {".xml", "rdfxml"},   {".json", "json"},     {".trig", "trig"}};
  if (!name)
    return NULL;
  for (size_t i = 0; i < sizeof exts / sizeof exts[0]; i++)
    if (kgi_ends_with_ci(name, exts[i].ext))
      return exts[i].syntax;
  return NULL;
}

/* Base IRI for @p name: itself when it has a scheme, else its file: URI. New raptor_uri. */
static raptor_uri *kgi_base_for(raptor_world *w, const char *name, const char *base) {
  if (base)
    return raptor_new_uri(w, (const unsigned char *)base);
  const char *n = name && *name ? name : "stdin";
  const char *c = n;
  while ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
         *c == '+' || *c == '-' || *c == '.')
    c++;
  if (*c == ':' && c > n + 1) /* not "C:" */
    return raptor_new_uri(w, (const unsigned char *)n);
  unsigned char *fu = raptor_uri_filename_to_uri_string(n);
  if (!fu)
    return NULL;
  raptor_uri *u = raptor_new_uri(w, fu);
  raptor_free_memory(fu);
  return u;
}

/* Parse from @p fp (when not NULL) or from @p data. */
static KgStatus kgi_read(FILE *fp, const char *data, size_t len, const char *name,
                         const char *syntax, const char *base, KgTriples *t, const KgLog *log) {
  KgiRaptorLog rl = {{NULL, NULL}, name, 0, KG_ERR_PARSE};
  if (log)
    rl.log = *log;
  KgiReadCtx ctx = {t, NULL, KG_SUCCESS};
  KgStatus st = KG_ERR_RDF;
  raptor_uri *base_uri = NULL;
  unsigned char *buf = NULL;
  size_t n0 = kg_triples_count(t);
  raptor_world *w = kgi_world_new(&rl, 1);
  if (!w)
    goto out;
  /* what to parse first: the whole buffer, or the first chunk of the file */
  const unsigned char *chunk = (const unsigned char *)data;
  size_t clen = len;
  int eof = 1;
  if (fp) {
    if (!(buf = kg_malloc(KGI_READ_CHUNK))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    clen = fread(buf, 1, KGI_READ_CHUNK, fp);
    if (ferror(fp)) {
      kgi_log(&rl.log, KG_LOG_ERROR, KG_ERR_IO, name, -1, "cannot read: %s", strerror(errno));
      st = KG_ERR_IO;
      goto out;
    }
    chunk = buf;
    eof = feof(fp) != 0;
  }
  /* kgbuild's own format names ("ttl", "nt", "xml") are welcome too */
  KgFormat named;
  if (syntax && kg_format_from_name(syntax, &named) == 0)
    syntax = named == KG_FORMAT_RDFXML ? "rdfxml" : kg_format_name(named);
  if (!syntax)
    syntax = kgi_syntax_from_name(name);
  if (!syntax)
    syntax = raptor_world_guess_parser_name(w, NULL, NULL, chunk, clen,
                                            (const unsigned char *)name);
  if (!syntax || !raptor_world_is_parser_name(w, syntax)) {
    kgi_log(&rl.log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1, "unknown RDF syntax '%s'",
            syntax ? syntax : "?");
    st = KG_ERR_PARSE;
    goto out;
  }
  if (!(ctx.parser = raptor_new_parser(w, syntax)) || !(base_uri = kgi_base_for(w, name, base)))
    goto out;
  /* never reach out of the process while reading someone's RDF */
  raptor_parser_set_option(ctx.parser, RAPTOR_OPTION_NO_NET, NULL, 1);
  raptor_parser_set_option(ctx.parser, RAPTOR_OPTION_NO_FILE, NULL, 1);
  raptor_parser_set_option(ctx.parser, RAPTOR_OPTION_LOAD_EXTERNAL_ENTITIES, NULL, 0);
  raptor_parser_set_statement_handler(ctx.parser, &ctx, kgi_read_statement);
  if (raptor_parser_parse_start(ctx.parser, base_uri) != 0)
    goto out;
  int rc = raptor_parser_parse_chunk(ctx.parser, chunk, clen, eof);
  while (rc == 0 && !eof && ctx.st == KG_SUCCESS && rl.errors == 0) {
    clen = fread(buf, 1, KGI_READ_CHUNK, fp);
    if (ferror(fp)) {
      kgi_log(&rl.log, KG_LOG_ERROR, KG_ERR_IO, name, -1, "cannot read: %s", strerror(errno));
      st = KG_ERR_IO;
      goto out;
    }
    eof = feof(fp) != 0;
    rc = raptor_parser_parse_chunk(ctx.parser, buf, clen, eof);
  }
  if (ctx.st != KG_SUCCESS)
    st = ctx.st;
  else if (rc != 0 || rl.errors)
    st = KG_ERR_PARSE;
  else
    st = KG_SUCCESS;
  if (st == KG_ERR_PARSE && rl.errors == 0)
    kgi_log(&rl.log, KG_LOG_ERROR, KG_ERR_PARSE, name, -1, "cannot parse as %s", syntax);
out:
  if (st != KG_SUCCESS && st != KG_ERR_PARSE && st != KG_ERR_IO && st != KG_ERR_NOMEM)
    kgi_log(&rl.log, KG_LOG_ERROR, st, name, -1, "cannot read RDF: %s", kg_strerror(st));
  if (ctx.parser)
    raptor_free_parser(ctx.parser);
  if (base_uri)
    raptor_free_uri(base_uri);
  if (w)
    raptor_free_world(w);
  kg_free(buf);
  if (st != KG_SUCCESS) /* a failed read adds nothing */
    kgi_triples_truncate(t, n0);
  return st;
}

KgStatus kg_rdf_read_file(const char *path, const char *syntax, KgTriples *t, const KgLog *log) {
  if (!path || !t)
    return KG_ERR_BAD_ARG;
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    int e = errno;
    KgLog none = {NULL, NULL};
    kgi_log(log ? log : &none, KG_LOG_ERROR, KG_ERR_IO, path, -1, "cannot open: %s", strerror(e));
    errno = e;
    return KG_ERR_IO;
  }
  KgStatus st = kgi_read(fp, NULL, 0, path, syntax, NULL, t, log);
  fclose(fp);
  return st;
}

KgStatus kg_rdf_read_bytes(const char *data, size_t len, const char *name, const char *syntax,
                           const char *base, KgTriples *t, const KgLog *log) {
  if ((!data && len) || !t)
    return KG_ERR_BAD_ARG;
  return kgi_read(NULL, data ? data : "", len, name, syntax, base, t, log);
}
