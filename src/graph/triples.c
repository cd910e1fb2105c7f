/* triples.c - a growable list of triples; each triple's strings are copied into chunks
 * the list owns (an article's triples take one or two allocations, not one each), and a
 * failed add leaves the list as it was. */
#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <kgbuild/triples.h>

#include "graph/graph_internal.h"
#include "util/util.h"

/* The strings of the triples live in an arena the list owns: a triple dropped (a
 * duplicate, a truncated append) leaves its strings there until kg_triples_free(). */
struct KgTriplesImpl {
  KgTriple *items;
  size_t n, cap;
  KgiArena strings;
};

KgTriples *kg_triples_new(void) { return kg_calloc(1, sizeof(KgTriples)); }

void kg_triples_free(KgTriples *t) {
  if (!t)
    return;
  kgi_arena_free(&t->strings);
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
    if (cap > ((size_t)-1 / sizeof(KgTriple)) / 2)
      return KG_ERR_NOMEM;
    cap *= 2;
  }
  KgTriple *p = kg_realloc(t->items, cap * sizeof *p);
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
  char *cur = kgi_arena_take(&t->strings, need);
  if (!cur)
    return KG_ERR_NOMEM;
  KgTriple *it = &t->items[t->n];
  KgTerm *dst[3] = {&it->s, &it->p, &it->o};
  for (int i = 0; i < 3; i++) {
    dst[i]->type = terms[i]->type;
    dst[i]->value = kgi_put(&cur, terms[i]->value, len[i][0]);
    dst[i]->datatype = kgi_put(&cur, terms[i]->datatype, len[i][1]);
    dst[i]->lang = kgi_put(&cur, terms[i]->lang, len[i][2]);
  }
  it->g = kgi_put(&cur, tr->g, glen);
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
  return t && i < t->n ? &t->items[i] : NULL;
}

static inline int kgi_term_cmp(const KgTerm *a, const KgTerm *b) {
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
  return kgi_triple_compare(pa, pb);
}

/* Merge sort of pointers, ties in their order (as glibc's qsort(), a merge sort, leaves
 * them, so the output is the same): with the comparison inlined, a third of the time of
 * qsort() calling it through a pointer. */
static void kgi_msort(const KgTriple **a, const KgTriple **tmp, size_t n) {
  if (n <= 8) {
    for (size_t i = 1; i < n; i++) {
      const KgTriple *x = a[i];
      size_t j = i;
      for (; j > 0 && kgi_triple_compare(a[j - 1], x) > 0; j--)
        a[j] = a[j - 1];
      a[j] = x;
    }
    return;
  }
  size_t h = n / 2, i = 0, j = h, k = 0;
  kgi_msort(a, tmp, h);
  kgi_msort(a + h, tmp, n - h);
  if (kgi_triple_compare(a[h - 1], a[h]) <= 0)
    return;
  memcpy(tmp, a, h * sizeof *a);
  while (i < h && j < n)
    a[k++] = kgi_triple_compare(tmp[i], a[j]) <= 0 ? tmp[i++] : a[j++];
  while (i < h)
    a[k++] = tmp[i++];
}

void kgi_triples_sort(KgTriple *v, size_t n) {
  if (n < 2)
    return;
  const KgTriple **p = kg_malloc(2 * n * sizeof *p);
  KgTriple *sorted = p ? kg_malloc(n * sizeof *sorted) : NULL;
  if (!sorted) { /* out of memory: the same order, only slower */
    kg_free(p);
    qsort(v, n, sizeof *v, kgi_triple_cmp);
    return;
  }
  for (size_t i = 0; i < n; i++)
    p[i] = &v[i];
  kgi_msort(p, p + n, n);
  for (size_t i = 0; i < n; i++)
    sorted[i] = *p[i];
  memcpy(v, sorted, n * sizeof *v);
  kg_free(sorted);
  kg_free(p);
}

KgStatus kg_triples_sort_unique(KgTriples *t) {
  if (!t)
    return KG_ERR_BAD_ARG;
  if (t->n < 2)
    return KG_SUCCESS;
  kgi_triples_sort(t->items, t->n);
  size_t w = 1;
  for (size_t r = 1; r < t->n; r++)
    if (kgi_triple_compare(&t->items[w - 1], &t->items[r]) != 0)
      t->items[w++] = t->items[r];
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
    KgTriple tr = t->items[i];
    tr.g = g;
    st = kg_triples_add(tmp, &tr);
  }
  if (st != KG_SUCCESS) {
    kg_triples_free(tmp);
    return st;
  }
  kgi_arena_free(&t->strings);
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
    KgTriple tr = src->items[i];
    st = kg_triples_add(dst, &tr);
  }
  if (st != KG_SUCCESS)
    dst->n = n0; /* their strings stay in dst's chunks until it is freed */
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
  t->n = n; /* their strings stay in the chunks until the list is freed */
}
