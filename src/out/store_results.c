/*
 * store_results.c - SPARQL SELECT/ASK results as an aligned table, CSV, TSV or JSON
 * (W3C "SPARQL 1.1 Query Results CSV and TSV Formats" and "JSON Results Format"),
 * and a set of byte strings. Knows nothing of Redland: store_redland.c hands over
 * KgTerms.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include <kgbuild/vocab.h>

#include "out/store_int.h"
#include "util/util.h"

/* Table cells longer than this many characters are cut (the other formats never cut). */
#define KGI_TABLE_MAX_CELL 60

int kg_result_format_from_name(const char *name, KgResultFormat *out) {
  static const struct {
    const char *name;
    KgResultFormat f;
  } names[] = {{"table", KG_RESULTS_TABLE}, {"csv", KG_RESULTS_CSV},
               {"tsv", KG_RESULTS_TSV},     {"json", KG_RESULTS_JSON}};
  if (!name)
    return -1;
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    if (strcmp(name, names[i].name) == 0) {
      if (out)
        *out = names[i].f;
      return 0;
    }
  return -1;
}

struct KgiResultsImpl {
  FILE *out;
  KgResultFormat format;
  char **vars;
  size_t nvars;
  size_t rows;
  int failed; /* an allocation failed: finish() reports it */
  /* table: every cell, row-major, kg_malloc'd (NULL for unbound) */
  char **cells;
  size_t ncells, capcells;
};

/* ---- term syntax ---- */

static const char kgi_xsd[] = "http://www.w3.org/2001/XMLSchema#";

/* Turtle allows these unquoted: INTEGER [+-]?[0-9]+, DECIMAL [+-]?[0-9]*.[0-9]+. */
static int kgi_is_turtle_number(const char *s, const char *dt) {
  size_t n = strlen(kgi_xsd);
  if (!dt || strncmp(dt, kgi_xsd, n) != 0)
    return 0;
  int decimal = strcmp(dt + n, "decimal") == 0;
  if (!decimal && strcmp(dt + n, "integer") != 0)
    return 0;
  const char *p = s;
  if (*p == '+' || *p == '-')
    p++;
  size_t before = 0, after = 0;
  while (*p >= '0' && *p <= '9')
    p++, before++;
  if (!decimal)
    return before > 0 && *p == '\0';
  if (*p != '.')
    return 0;
  p++;
  while (*p >= '0' && *p <= '9')
    p++, after++;
  return after > 0 && *p == '\0';
}

/* Characters Turtle's IRIREF forbids become \u escapes (UCHAR). */
static KgStatus kgi_put_iri(KgiBuf *b, const char *iri) {
  KgStatus st = kgi_buf_putc(b, '<');
  for (const unsigned char *p = (const unsigned char *)iri; *p && st == KG_SUCCESS; p++) {
    if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p))
      st = kgi_buf_printf(b, "\\u%04X", *p);
    else
      st = kgi_buf_putc(b, (char)*p);
  }
  return st ? st : kgi_buf_putc(b, '>');
}

/* A Turtle string body: ECHAR for the usual escapes, \u for other control chars. */
static KgStatus kgi_put_turtle_string(KgiBuf *b, const char *s) {
  KgStatus st = KG_SUCCESS;
  for (const unsigned char *p = (const unsigned char *)s; *p && st == KG_SUCCESS; p++) {
    switch (*p) {
    case '"': st = kgi_buf_puts(b, "\\\""); break;
    case '\\': st = kgi_buf_puts(b, "\\\\"); break;
    case '\n': st = kgi_buf_puts(b, "\\n"); break;
    case '\r': st = kgi_buf_puts(b, "\\r"); break;
    case '\t': st = kgi_buf_puts(b, "\\t"); break;
    default:
      if (*p < 0x20 || *p == 0x7f)
        st = kgi_buf_printf(b, "\\u%04X", *p);
      else
        st = kgi_buf_putc(b, (char)*p);
    }
  }
  return st;
}

/* TSV: RDF terms in Turtle syntax. */
static KgStatus kgi_tsv_term(KgiBuf *b, const KgTerm *t) {
  KgStatus st;
  switch (t->type) {
  case KG_TERM_IRI: return kgi_put_iri(b, t->value);
  case KG_TERM_BLANK: return kgi_buf_printf(b, "_:%s", t->value);
  case KG_TERM_LITERAL:
  default:
    if (!t->lang && kgi_is_turtle_number(t->value, t->datatype))
      return kgi_buf_puts(b, t->value);
    if ((st = kgi_buf_putc(b, '"')) || (st = kgi_put_turtle_string(b, t->value)) ||
        (st = kgi_buf_putc(b, '"')))
      return st;
    if (t->lang && *t->lang)
      return kgi_buf_printf(b, "@%s", t->lang);
    if (t->datatype) {
      if ((st = kgi_buf_puts(b, "^^")))
        return st;
      return kgi_put_iri(b, t->datatype);
    }
    return KG_SUCCESS;
  }
}

/* CSV: the plain value, quoted (RFC 4180) when it holds a quote, comma, CR or LF. */
static KgStatus kgi_csv_term(KgiBuf *b, const KgTerm *t) {
  const char *v = t->value;
  if (t->type == KG_TERM_BLANK)
    return kgi_buf_printf(b, "_:%s", v);
  if (!strpbrk(v, "\",\r\n"))
    return kgi_buf_puts(b, v);
  KgStatus st = kgi_buf_putc(b, '"');
  for (const char *p = v; *p && st == KG_SUCCESS; p++)
    st = *p == '"' ? kgi_buf_puts(b, "\"\"") : kgi_buf_putc(b, *p);
  return st ? st : kgi_buf_putc(b, '"');
}

static KgStatus kgi_json_string(KgiBuf *b, const char *s) {
  KgStatus st = kgi_buf_putc(b, '"');
  for (const unsigned char *p = (const unsigned char *)s; *p && st == KG_SUCCESS; p++) {
    switch (*p) {
    case '"': st = kgi_buf_puts(b, "\\\""); break;
    case '\\': st = kgi_buf_puts(b, "\\\\"); break;
    case '\n': st = kgi_buf_puts(b, "\\n"); break;
    case '\r': st = kgi_buf_puts(b, "\\r"); break;
    case '\t': st = kgi_buf_puts(b, "\\t"); break;
    case '\b': st = kgi_buf_puts(b, "\\b"); break;
    case '\f': st = kgi_buf_puts(b, "\\f"); break;
    default:
      if (*p < 0x20)
        st = kgi_buf_printf(b, "\\u%04x", *p);
      else
        st = kgi_buf_putc(b, (char)*p);
    }
  }
  return st ? st : kgi_buf_putc(b, '"');
}

static KgStatus kgi_json_term(KgiBuf *b, const KgTerm *t) {
  KgStatus st;
  const char *type = t->type == KG_TERM_IRI ? "uri" : t->type == KG_TERM_BLANK ? "bnode" : "literal";
  if ((st = kgi_buf_printf(b, "{\"type\": \"%s\", \"value\": ", type)) ||
      (st = kgi_json_string(b, t->value)))
    return st;
  if (t->type == KG_TERM_LITERAL && t->lang && *t->lang) {
    if ((st = kgi_buf_puts(b, ", \"xml:lang\": ")) || (st = kgi_json_string(b, t->lang)))
      return st;
  } else if (t->type == KG_TERM_LITERAL && t->datatype) {
    if ((st = kgi_buf_puts(b, ", \"datatype\": ")) || (st = kgi_json_string(b, t->datatype)))
      return st;
  }
  return kgi_buf_putc(b, '}');
}

/* Table: prefixed names where a well-known prefix fits, literals as their bare text
 * (people read tables; the other formats keep every detail). */
static const struct {
  const char *prefix, *ns;
} kgi_prefixes[] = {
    {"kg", KG_NS},          {"rdf", KG_NS_RDF},         {"rdfs", KG_NS_RDFS},
    {"xsd", KG_NS_XSD},     {"owl", KG_NS_OWL},         {"skos", KG_NS_SKOS},
    {"schema", KG_NS_SCHEMA}, {"prov", KG_NS_PROV},     {"dcterms", KG_NS_DCTERMS},
    {"org", KG_NS_ORG},     {"wd", KG_NS_WD},           {"wdt", KG_NS_WDT},
};

static int kgi_is_local_name(const char *s) {
  if (!*s)
    return 0;
  for (const char *p = s; *p; p++)
    if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
          *p == '_' || *p == '-'))
      return 0;
  return 1;
}

/* Control characters would break the alignment: show them escaped. */
static KgStatus kgi_put_visible(KgiBuf *b, const char *s) {
  KgStatus st = KG_SUCCESS;
  for (const unsigned char *p = (const unsigned char *)s; *p && st == KG_SUCCESS; p++) {
    if (*p == '\n')
      st = kgi_buf_puts(b, "\\n");
    else if (*p == '\t')
      st = kgi_buf_puts(b, "\\t");
    else if (*p == '\r')
      st = kgi_buf_puts(b, "\\r");
    else if (*p < 0x20 || *p == 0x7f)
      st = kgi_buf_printf(b, "\\x%02X", *p);
    else
      st = kgi_buf_putc(b, (char)*p);
  }
  return st;
}

static KgStatus kgi_table_term(KgiBuf *b, const KgTerm *t) {
  if (t->type == KG_TERM_BLANK)
    return kgi_buf_printf(b, "_:%s", t->value);
  if (t->type == KG_TERM_LITERAL)
    return kgi_put_visible(b, t->value);
  for (size_t i = 0; i < sizeof kgi_prefixes / sizeof kgi_prefixes[0]; i++) {
    size_t n = strlen(kgi_prefixes[i].ns);
    if (strncmp(t->value, kgi_prefixes[i].ns, n) == 0 && kgi_is_local_name(t->value + n))
      return kgi_buf_printf(b, "%s:%s", kgi_prefixes[i].prefix, t->value + n);
  }
  KgStatus st = kgi_buf_putc(b, '<');
  if (!st)
    st = kgi_put_visible(b, t->value);
  return st ? st : kgi_buf_putc(b, '>');
}

/* Width in characters (UTF-8 continuation bytes do not count). */
static size_t kgi_width(const char *s) {
  size_t w = 0;
  for (const unsigned char *p = (const unsigned char *)s; *p; p++)
    if ((*p & 0xC0) != 0x80)
      w++;
  return w;
}

/* Cut the text in @p b to at most @p max characters, the last one an ellipsis. */
static KgStatus kgi_cut(KgiBuf *b, size_t max) {
  const char *s = kgi_buf_cstr(b);
  if (kgi_width(s) <= max)
    return KG_SUCCESS;
  size_t w = 0, i = 0;
  for (; s[i]; i++) {
    if (((unsigned char)s[i] & 0xC0) == 0x80)
      continue;
    if (w == max - 1)
      break;
    w++;
  }
  b->len = i;
  return kgi_buf_puts(b, "\xE2\x80\xA6"); /* U+2026 */
}

/* ---- writer ---- */

static int kgi_emit(KgiResults *r, KgiBuf *b) {
  if (b->len && fwrite(b->data, 1, b->len, r->out) != b->len)
    return -1;
  b->len = 0;
  return 0;
}

KgiResults *kgi_results_new(FILE *out, KgResultFormat format, const char *const *vars,
                            size_t nvars) {
  KgiResults *r = kg_calloc(1, sizeof *r);
  if (!r)
    return NULL;
  r->out = out;
  r->format = format;
  r->vars = kg_calloc(nvars ? nvars : 1, sizeof *r->vars);
  if (!r->vars) {
    kg_free(r);
    return NULL;
  }
  r->nvars = nvars;
  for (size_t i = 0; i < nvars; i++)
    if (!(r->vars[i] = kg_strdup(vars[i]))) {
      kgi_results_free(r);
      return NULL;
    }
  KgiBuf b;
  kgi_buf_init(&b, 0);
  KgStatus st = KG_SUCCESS;
  switch (format) {
  case KG_RESULTS_CSV:
    for (size_t i = 0; i < nvars && !st; i++)
      st = kgi_buf_printf(&b, "%s%s", i ? "," : "", vars[i]);
    if (!st)
      st = kgi_buf_puts(&b, "\r\n");
    break;
  case KG_RESULTS_TSV:
    for (size_t i = 0; i < nvars && !st; i++)
      st = kgi_buf_printf(&b, "%s?%s", i ? "\t" : "", vars[i]);
    if (!st)
      st = kgi_buf_putc(&b, '\n');
    break;
  case KG_RESULTS_JSON:
    st = kgi_buf_puts(&b, "{\n  \"head\": {\"vars\": [");
    for (size_t i = 0; i < nvars && !st; i++) {
      st = kgi_buf_puts(&b, i ? ", " : "");
      if (!st)
        st = kgi_json_string(&b, vars[i]);
    }
    if (!st)
      st = kgi_buf_puts(&b, "]},\n  \"results\": {\"bindings\": [");
    break;
  case KG_RESULTS_TABLE:
  default:
    break; /* everything at the end */
  }
  if (st || kgi_emit(r, &b) != 0)
    r->failed = 1;
  kgi_buf_free(&b);
  return r;
}

static KgStatus kgi_table_keep(KgiResults *r, char *cell) {
  if (r->ncells == r->capcells) {
    size_t cap = r->capcells ? r->capcells * 2 : 64;
    char **c = kg_realloc(r->cells, cap * sizeof *c);
    if (!c)
      return KG_ERR_NOMEM;
    r->cells = c;
    r->capcells = cap;
  }
  r->cells[r->ncells++] = cell;
  return KG_SUCCESS;
}

KgStatus kgi_results_row(KgiResults *r, const KgTerm *const *values) {
  KgiBuf b;
  KgStatus st = KG_SUCCESS;
  kgi_buf_init(&b, 0);
  if (r->format == KG_RESULTS_TABLE) {
    for (size_t i = 0; i < r->nvars && !st; i++) {
      char *cell = NULL;
      if (values[i]) {
        st = kgi_table_term(&b, values[i]);
        if (!st)
          st = kgi_cut(&b, KGI_TABLE_MAX_CELL);
        if (!st && !(cell = kgi_buf_steal(&b, NULL)))
          st = KG_ERR_NOMEM;
      }
      if (!st && (st = kgi_table_keep(r, cell)) != KG_SUCCESS)
        kg_free(cell);
    }
    if (!st)
      r->rows++;
    else
      r->failed = 1;
    kgi_buf_free(&b);
    return st;
  }
  if (r->format == KG_RESULTS_JSON) {
    int first = 1;
    st = kgi_buf_puts(&b, r->rows ? ",\n    {" : "\n    {");
    for (size_t i = 0; i < r->nvars && !st; i++) {
      if (!values[i])
        continue; /* unbound: no member */
      if ((st = kgi_buf_puts(&b, first ? "" : ", ")) || (st = kgi_json_string(&b, r->vars[i])) ||
          (st = kgi_buf_puts(&b, ": ")))
        break;
      st = kgi_json_term(&b, values[i]);
      first = 0;
    }
    if (!st)
      st = kgi_buf_putc(&b, '}');
  } else {
    int csv = r->format == KG_RESULTS_CSV;
    for (size_t i = 0; i < r->nvars && !st; i++) {
      if (i)
        st = kgi_buf_putc(&b, csv ? ',' : '\t');
      if (!st && values[i])
        st = csv ? kgi_csv_term(&b, values[i]) : kgi_tsv_term(&b, values[i]);
    }
    if (!st)
      st = kgi_buf_puts(&b, csv ? "\r\n" : "\n");
  }
  if (!st && kgi_emit(r, &b) != 0)
    st = KG_ERR_IO;
  if (!st)
    r->rows++;
  kgi_buf_free(&b);
  return st;
}

static KgStatus kgi_table_finish(KgiResults *r) {
  size_t *w = kg_calloc(r->nvars ? r->nvars : 1, sizeof *w);
  if (!w)
    return KG_ERR_NOMEM;
  for (size_t i = 0; i < r->nvars; i++)
    w[i] = kgi_width(r->vars[i]);
  for (size_t k = 0; k < r->ncells; k++) {
    size_t i = k % r->nvars;
    if (r->cells[k] && kgi_width(r->cells[k]) > w[i])
      w[i] = kgi_width(r->cells[k]);
  }
  int bad = 0;
  for (size_t row = 0; row <= r->rows + 1 && !bad; row++) {
    for (size_t i = 0; i < r->nvars; i++) {
      const char *sep = i ? (row == 1 ? "+" : "|") : "";
      if (row == 1) { /* the rule under the header */
        if (fprintf(r->out, "%s%s", sep, i ? "-" : "") < 0)
          bad = 1;
        for (size_t k = 0; k < w[i] + (i + 1 < r->nvars ? 1 : 0); k++)
          if (fputc('-', r->out) == EOF)
            bad = 1;
        continue;
      }
      const char *cell = row == 0 ? r->vars[i] : r->cells[(row - 2) * r->nvars + i];
      if (!cell)
        cell = "";
      int last = i + 1 == r->nvars;
      if (fprintf(r->out, "%s%s%s", sep, i ? " " : "", cell) < 0)
        bad = 1;
      if (!last)
        for (size_t k = kgi_width(cell); k < w[i] + 1; k++)
          if (fputc(' ', r->out) == EOF)
            bad = 1;
    }
    if (fputc('\n', r->out) == EOF)
      bad = 1;
  }
  if (fprintf(r->out, "(%zu row%s)\n", r->rows, r->rows == 1 ? "" : "s") < 0)
    bad = 1;
  kg_free(w);
  return bad ? KG_ERR_IO : KG_SUCCESS;
}

KgStatus kgi_results_finish(KgiResults *r) {
  KgStatus st = KG_SUCCESS;
  if (r->failed)
    return KG_ERR_NOMEM;
  if (r->format == KG_RESULTS_TABLE)
    st = kgi_table_finish(r);
  else if (r->format == KG_RESULTS_JSON)
    st = fputs(r->rows ? "\n  ]}\n}\n" : "]}\n}\n", r->out) < 0 ? KG_ERR_IO : KG_SUCCESS;
  if (!st && (fflush(r->out) != 0 || ferror(r->out)))
    st = KG_ERR_IO;
  return st;
}

void kgi_results_free(KgiResults *r) {
  if (!r)
    return;
  for (size_t i = 0; i < r->nvars; i++)
    kg_free(r->vars[i]);
  kg_free(r->vars);
  for (size_t k = 0; k < r->ncells; k++)
    kg_free(r->cells[k]);
  kg_free(r->cells);
  kg_free(r);
}

KgStatus kgi_results_boolean(FILE *out, KgResultFormat format, int value) {
  int rc;
  if (format == KG_RESULTS_JSON)
    rc = fprintf(out, "{\n  \"head\": {},\n  \"boolean\": %s\n}\n", value ? "true" : "false");
  else
    rc = fprintf(out, "%s\n", value ? "true" : "false");
  if (rc < 0 || fflush(out) != 0 || ferror(out))
    return KG_ERR_IO;
  return KG_SUCCESS;
}

/* ---- set of byte strings: open addressing, FNV-1a ---- */

typedef struct {
  uint64_t hash;
  size_t len;
  unsigned char *data; /* NULL: empty slot */
} KgiBytesSlot;

struct KgiBytesSetImpl {
  KgiBytesSlot *slots;
  size_t cap, count;
};

static uint64_t kgi_fnv1a(const void *data, size_t len) {
  uint64_t h = 14695981039346656037ULL;
  const unsigned char *p = data;
  for (size_t i = 0; i < len; i++) {
    h ^= p[i];
    h *= 1099511628211ULL;
  }
  return h;
}

KgiBytesSet *kgi_bytes_set_new(void) {
  KgiBytesSet *s = kg_calloc(1, sizeof *s);
  if (!s)
    return NULL;
  s->cap = 64;
  s->slots = kg_calloc(s->cap, sizeof *s->slots);
  if (!s->slots) {
    kg_free(s);
    return NULL;
  }
  return s;
}

void kgi_bytes_set_free(KgiBytesSet *s) {
  if (!s)
    return;
  for (size_t i = 0; i < s->cap; i++)
    kg_free(s->slots[i].data);
  kg_free(s->slots);
  kg_free(s);
}

static KgiBytesSlot *kgi_bytes_find(KgiBytesSlot *slots, size_t cap, uint64_t h,
                                    const void *data, size_t len) {
  size_t i = (size_t)h & (cap - 1);
  for (;;) {
    KgiBytesSlot *sl = &slots[i];
    if (!sl->data || (sl->hash == h && sl->len == len && memcmp(sl->data, data, len) == 0))
      return sl;
    i = (i + 1) & (cap - 1);
  }
}

int kgi_bytes_set_add(KgiBytesSet *s, const void *data, size_t len) {
  uint64_t h = kgi_fnv1a(data, len);
  KgiBytesSlot *sl = kgi_bytes_find(s->slots, s->cap, h, data, len);
  if (sl->data)
    return 0;
  if ((s->count + 1) * 2 > s->cap) { /* keep the load under one half */
    size_t cap = s->cap * 2;
    KgiBytesSlot *ns = kg_calloc(cap, sizeof *ns);
    if (!ns)
      return -1;
    for (size_t i = 0; i < s->cap; i++)
      if (s->slots[i].data)
        *kgi_bytes_find(ns, cap, s->slots[i].hash, s->slots[i].data, s->slots[i].len) =
            s->slots[i];
    kg_free(s->slots);
    s->slots = ns;
    s->cap = cap;
    sl = kgi_bytes_find(s->slots, s->cap, h, data, len);
  }
  unsigned char *copy = kg_malloc(len ? len : 1);
  if (!copy)
    return -1;
  if (len)
    memcpy(copy, data, len);
  sl->hash = h;
  sl->len = len;
  sl->data = copy;
  s->count++;
  return 1;
}

size_t kgi_bytes_set_count(const KgiBytesSet *s) { return s ? s->count : 0; }
