/* triples.c - a growable list of triples; each triple's strings live in one block so a
 * triple costs one allocation and a failed add leaves the list as it was. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <kgbuild/triples.h>

#include "graph/graph_internal.h"
#include "util/util.h"

typedef struct {
  KgTriple t;
  char *block; /* owns every string of t */
} KgiTripleItem;

struct KgTriplesImpl {
  KgiTripleItem *items;
  size_t n, cap;
};

KgTriples *kg_triples_new(void) { return kg_calloc(1, sizeof(KgTriples)); }

void kg_triples_free(KgTriples *t) {
  if (!t)
    return;
  for (size_t i = 0; i < t->n; i++)
    kg_free(t->items[i].block);
  kg_free(t->items);
  kg_free(t);
}

static size_t kgi_len0(const char *s) { return s ? strlen(s) + 1 : 0; }

/* Copy @p s, @p n bytes with its NUL (kgi_len0()), to *cur. */
static const char *kgi_put(char **cur, const char *s, size_t n) {
  if (!s)
    return NULL;
  char *d = *cur;
  memcpy(d, s, n);
  *cur += n;
  return d;
}

static KgStatus kgi_reserve(KgTriples *t, size_t extra) {
  if (t->n + extra <= t->cap)
    return KG_SUCCESS;
  size_t cap = t->cap ? t->cap : 16;
  while (cap < t->n + extra) {
    if (cap > ((size_t)-1 / sizeof(KgiTripleItem)) / 2)
      return KG_ERR_NOMEM;
    cap *= 2;
  }
  KgiTripleItem *p = kg_realloc(t->items, cap * sizeof *p);
  if (!p)
    return KG_ERR_NOMEM;
  t->items = p;
  t->cap = cap;
  return KG_SUCCESS;
}

static int kgi_term_ok(const KgTerm *x) {
  return x->value && (unsigned)x->type <= (unsigned)KG_TERM_BLANK;
}

KgStatus kg_triples_add(KgTriples *t, const KgTriple *tr_in) {
  if (!t || !tr_in || !kgi_term_ok(&tr_in->s) || !kgi_term_ok(&tr_in->p) ||
      !kgi_term_ok(&tr_in->o))
    return KG_ERR_BAD_ARG;
  /* a copy: @p tr_in may point into this list, whose array may move below */
  KgTriple in = *tr_in;
  const KgTriple *tr = &in;
  const KgTerm *terms[3] = {&tr->s, &tr->p, &tr->o};
  size_t len[3][3], glen = kgi_len0(tr->g), need = glen;
  for (int i = 0; i < 3; i++) {
    len[i][0] = kgi_len0(terms[i]->value);
    len[i][1] = kgi_len0(terms[i]->datatype);
    len[i][2] = kgi_len0(terms[i]->lang);
    need += len[i][0] + len[i][1] + len[i][2];
  }
  KgStatus st = kgi_reserve(t, 1);
  if (st != KG_SUCCESS)
    return st;
  char *block = kg_malloc(need);
  if (!block)
    return KG_ERR_NOMEM;
  KgiTripleItem *it = &t->items[t->n];
  char *cur = block;
  KgTerm *dst[3] = {&it->t.s, &it->t.p, &it->t.o};
  /* subject value first: it always exists, so block == it->t.s.value */
  for (int i = 0; i < 3; i++) {
    dst[i]->type = terms[i]->type;
    dst[i]->value = kgi_put(&cur, terms[i]->value, len[i][0]);
    dst[i]->datatype = kgi_put(&cur, terms[i]->datatype, len[i][1]);
    dst[i]->lang = kgi_put(&cur, terms[i]->lang, len[i][2]);
  }
  it->t.g = kgi_put(&cur, tr->g, glen);
  it->block = block;
  t->n++;
  return KG_SUCCESS;
}

KgStatus kg_triples_add_iri(KgTriples *t, const char *s, const char *p, const char *o) {
  KgTriple tr = {{KG_TERM_IRI, s, NULL, NULL}, {KG_TERM_IRI, p, NULL, NULL},
                 {KG_TERM_IRI, o, NULL, NULL}, NULL};
  return kg_triples_add(t, &tr);
}

KgStatus kg_triples_add_literal(KgTriples *t, const char *s, const char *p,
                                const char *value, const char *datatype, const char *lang) {
  KgTriple tr = {{KG_TERM_IRI, s, NULL, NULL}, {KG_TERM_IRI, p, NULL, NULL},
                 {KG_TERM_LITERAL, value, datatype, lang}, NULL};
  return kg_triples_add(t, &tr);
}

size_t kg_triples_count(const KgTriples *t) { return t ? t->n : 0; }

const KgTriple *kg_triples_get(const KgTriples *t, size_t i) {
  return t && i < t->n ? &t->items[i].t : NULL;
}

static int kgi_term_cmp(const KgTerm *a, const KgTerm *b) {
  if (a->type != b->type)
    return a->type < b->type ? -1 : 1;
  int c = kgi_strcmp0(a->value, b->value);
  if (c)
    return c;
  c = kgi_strcmp0(a->datatype, b->datatype);
  if (c)
    return c;
  return kgi_strcmp0(a->lang, b->lang);
}

int kgi_triple_compare(const KgTriple *a, const KgTriple *b) {
  int c = kgi_strcmp0(a->g, b->g);
  if (!c)
    c = kgi_term_cmp(&a->s, &b->s);
  if (!c)
    c = kgi_term_cmp(&a->p, &b->p);
  if (!c)
    c = kgi_term_cmp(&a->o, &b->o);
  return c;
}

static int kgi_triple_cmp(const void *pa, const void *pb) {
  return kgi_triple_compare(&((const KgiTripleItem *)pa)->t, &((const KgiTripleItem *)pb)->t);
}

KgStatus kg_triples_sort_unique(KgTriples *t) {
  if (!t)
    return KG_ERR_BAD_ARG;
  if (t->n < 2)
    return KG_SUCCESS;
  qsort(t->items, t->n, sizeof *t->items, kgi_triple_cmp);
  size_t w = 1;
  for (size_t r = 1; r < t->n; r++) {
    if (kgi_triple_cmp(&t->items[w - 1], &t->items[r]) == 0)
      kg_free(t->items[r].block);
    else
      t->items[w++] = t->items[r];
  }
  t->n = w;
  return KG_SUCCESS;
}

KgStatus kg_triples_set_graph(KgTriples *t, const char *g) {
  if (!t)
    return KG_ERR_BAD_ARG;
  /* rebuild every triple first so a failure leaves the list unchanged */
  KgTriples *tmp = kg_triples_new();
  if (!tmp)
    return KG_ERR_NOMEM;
  KgStatus st = kgi_reserve(tmp, t->n);
  for (size_t i = 0; st == KG_SUCCESS && i < t->n; i++) {
    KgTriple tr = t->items[i].t;
    tr.g = g;
    st = kg_triples_add(tmp, &tr);
  }
  if (st != KG_SUCCESS) {
    kg_triples_free(tmp);
    return st;
  }
  for (size_t i = 0; i < t->n; i++)
    kg_free(t->items[i].block);
  kg_free(t->items);
  *t = *tmp;
  kg_free(tmp);
  return KG_SUCCESS;
}

KgStatus kg_triples_append(KgTriples *dst, const KgTriples *src) {
  if (!dst || !src)
    return KG_ERR_BAD_ARG;
  size_t n0 = dst->n, n = src->n; /* src may be dst */
  KgStatus st = kgi_reserve(dst, n);
  for (size_t i = 0; st == KG_SUCCESS && i < n; i++) {
    KgTriple tr = src->items[i].t;
    st = kg_triples_add(dst, &tr);
  }
  if (st != KG_SUCCESS) {
    for (size_t i = n0; i < dst->n; i++)
      kg_free(dst->items[i].block);
    dst->n = n0;
  }
  return st;
}

int kg_term_equal(const KgTerm *a, const KgTerm *b) {
  if (!a || !b)
    return a == b;
  return kgi_term_cmp(a, b) == 0;
}

void kgi_triples_truncate(KgTriples *t, size_t n) {
  if (!t || n >= t->n)
    return;
  for (size_t i = n; i < t->n; i++)
    kg_free(t->items[i].block);
  t->n = n;
}
