/* graph.c - one article's entities and facts, and their triples with stable IRIs
 * (shared/spec/OUTPUT.md). IRIs depend only on what they name: entities on their class
 * segment and slug, the article on its text, statements on their content. */
#include "config.h"

#include <limits.h>
#include <stdint.h>
#include <stdio.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <kgbuild/graph.h>

#include "graph/graph_internal.h"
#include "util/util.h"

#define RDF_TYPE KG_NS_RDF "type"
#define XSD_DECIMAL KG_NS_XSD "decimal"
#define XSD_INTEGER KG_NS_XSD "integer"

typedef struct {
  KgClass cls;
  char *name;
  char *qualifier;
  char *label;
  char *lang;
  char **aliases;
  size_t naliases, capaliases;
  char *qid;
  char *iri;
} KgiEntity;

typedef struct {
  KgFact f; /* every string owned, in canonical lexical form */
  char id[17];
  unsigned long id_gen; /* the graph's iri_gen when id was worked out */
} KgiFact;

struct KgGraphImpl {
  char *base; /* ends with '/' */
  KgiEntity *ents;
  size_t nents, capents;
  /* open-addressing indexes of the entities (id + 1, 0 = empty), by IRI and by class
   * segment + first name + qualifier: an article may name thousands of entities */
  size_t *by_iri, *by_name;
  size_t ixcap;   /* slots of each index, a power of two; 0 until the first entity */
  int ix_stale;   /* an IRI changed: rebuild before the next look-up */
  unsigned long iri_gen; /* how many times an entity's or the article's IRI changed: a
                            statement IRI hashes them, so one made before is stale */
  KgiFact *facts;
  size_t nfacts, capfacts;
  /* open-addressing index of the facts by id (index + 1, 0 = empty): a hostile page can
   * state hundreds of thousands of facts, and each new one is checked against the rest */
  size_t *fact_ix;
  size_t fact_ixcap; /* a power of two; 0 until the first fact */
  /* the article, when set */
  char *art_iri, *art_sha, *art_lang, *art_title, *art_date, *art_url, *art_source;
  KgEntityId publisher;
};

void kg_fact_init(KgFact *f) {
  if (!f)
    return;
  memset(f, 0, sizeof *f);
  f->relation = KG_REL_INVESTS_IN;
  f->subject = KG_NO_ENTITY;
  f->object = KG_NO_ENTITY;
  f->value_kind = KG_LIT_STRING;
  f->status = KG_FACT_STATUS_NONE;
  f->exclusive = -1;
  f->reported_by = KG_NO_ENTITY;
  f->confidence = -1.0;
  f->evidence_start = -1;
  f->evidence_end = -1;
}

/* ---------------------------------------------------------------- small helpers */

/* Replace *slot by a cleaned copy of @p s (NULL clears). */
static KgStatus kgi_set_text(char **slot, const char *s) {
  char *c = NULL;
  if (s && !(c = kgi_text_clean(s)))
    return KG_ERR_NOMEM;
  kg_free(*slot);
  *slot = c;
  return KG_SUCCESS;
}

static char *kgi_concat(const char *a, const char *b, const char *c, const char *d) {
  size_t la = strlen(a), lb = strlen(b), lc = c ? strlen(c) : 0, ld = d ? strlen(d) : 0;
  char *r = kg_malloc(la + lb + lc + ld + 1);
  if (!r)
    return NULL;
  memcpy(r, a, la);
  memcpy(r + la, b, lb);
  if (c)
    memcpy(r + la + lb, c, lc);
  if (d)
    memcpy(r + la + lb + lc, d, ld);
  r[la + lb + lc + ld] = '\0';
  return r;
}

static int kgi_blank(const char *s) {
  for (; s && *s; s++)
    if (*s != ' ' && *s != '\t' && *s != '\n' && *s != '\r')
      return 0;
  return 1;
}

/* ---------------------------------------------------------------- graph */

KgGraph *kg_graph_new(const char *base) {
  KgGraph *g = kg_calloc(1, sizeof *g);
  if (!g)
    return NULL;
  g->publisher = KG_NO_ENTITY;
  /* Bytes that may not appear in an IRI are percent-encoded, so whatever base a
   * caller passes, every IRI made from it is valid. */
  char *clean = kgi_iri_clean(base && *base ? base : KG_DEFAULT_BASE);
  if (!clean) {
    kg_free(g);
    return NULL;
  }
  size_t n = strlen(clean);
  if (clean[n - 1] == '/') {
    g->base = clean;
  } else {
    g->base = kgi_concat(clean, "/", NULL, NULL);
    kg_free(clean);
    if (!g->base) {
      kg_free(g);
      return NULL;
    }
  }
  return g;
}

static void kgi_entity_free(KgiEntity *e) {
  kg_free(e->name);
  kg_free(e->qualifier);
  kg_free(e->label);
  kg_free(e->lang);
  for (size_t i = 0; i < e->naliases; i++)
    kg_free(e->aliases[i]);
  kg_free(e->aliases);
  kg_free(e->qid);
  kg_free(e->iri);
}

static void kgi_fact_strings_free(KgFact *f) {
  kg_free((char *)f->value);
  kg_free((char *)f->amount);
  kg_free((char *)f->currency);
  kg_free((char *)f->percentage);
  kg_free((char *)f->point_in_time);
  kg_free((char *)f->condition);
  kg_free((char *)f->evidence);
  kg_free((char *)f->extractor);
}

static void kgi_article_clear(KgGraph *g) {
  char **slots[] = {&g->art_iri,   &g->art_sha, &g->art_lang,  &g->art_title,
                    &g->art_date,  &g->art_url, &g->art_source};
  for (size_t i = 0; i < sizeof slots / sizeof slots[0]; i++) {
    kg_free(*slots[i]);
    *slots[i] = NULL;
  }
  g->publisher = KG_NO_ENTITY;
}

void kg_graph_free(KgGraph *g) {
  if (!g)
    return;
  for (size_t i = 0; i < g->nents; i++)
    kgi_entity_free(&g->ents[i]);
  kg_free(g->ents);
  kg_free(g->by_iri);
  kg_free(g->by_name);
  for (size_t i = 0; i < g->nfacts; i++)
    kgi_fact_strings_free(&g->facts[i].f);
  kg_free(g->facts);
  kg_free(g->fact_ix);
  kgi_article_clear(g);
  kg_free(g->base);
  kg_free(g);
}

/* ---------------------------------------------------------------- entities */

static int kgi_valid_id(const KgGraph *g, KgEntityId id) {
  return g && id >= 0 && (size_t)id < g->nents;
}

/* base + "org/" + slug [+ "-" + slug(qualifier)] */
static char *kgi_entity_iri(const KgGraph *g, KgClass cls, const char *name,
                            const char *qualifier) {
  const char *seg = kg_class_iri_segment(cls);
  if (!seg)
    return NULL;
  char *slug = kg_slug(name), *qslug = NULL, *iri = NULL;
  if (!slug)
    return NULL;
  if (qualifier && *qualifier && !(qslug = kg_slug(qualifier)))
    goto out;
  {
    char *tail = qslug ? kgi_concat(slug, "-", qslug, NULL) : kg_strdup(slug);
    if (tail) {
      iri = kgi_concat(g->base, seg, "/", tail);
      kg_free(tail);
    }
  }
out:
  kg_free(slug);
  kg_free(qslug);
  return iri;
}

static uint64_t kgi_hash(uint64_t h, const char *s) {
  for (; s && *s; s++)
    h = (h ^ (unsigned char)*s) * 1099511628211u;
  return (h ^ 0xff) * 1099511628211u; /* a separator, so that ("ab", "c") != ("a", "bc") */
}

static uint64_t kgi_name_hash(const char *seg, const char *name, const char *qualifier) {
  return kgi_hash(kgi_hash(kgi_hash(14695981039346656037u, seg), name), qualifier);
}

static void kgi_ix_put(size_t *ix, size_t cap, uint64_t h, size_t id) {
  size_t k = (size_t)h & (cap - 1);
  while (ix[k])
    k = (k + 1) & (cap - 1);
  ix[k] = id + 1;
}

/* (Re)build both indexes for at least @p want entities. */
static KgStatus kgi_ix_build(KgGraph *g, size_t want) {
  size_t cap = g->ixcap ? g->ixcap : 64;
  while (cap < 2 * want)
    cap *= 2;
  size_t *bi = kg_calloc(cap, sizeof *bi), *bn = kg_calloc(cap, sizeof *bn);
  if (!bi || !bn) {
    kg_free(bi);
    kg_free(bn);
    return KG_ERR_NOMEM;
  }
  for (size_t i = 0; i < g->nents; i++) {
    const KgiEntity *e = &g->ents[i];
    kgi_ix_put(bi, cap, kgi_hash(14695981039346656037u, e->iri), i);
    kgi_ix_put(bn, cap, kgi_name_hash(kg_class_iri_segment(e->cls), e->name, e->qualifier), i);
  }
  kg_free(g->by_iri);
  kg_free(g->by_name);
  g->by_iri = bi;
  g->by_name = bn;
  g->ixcap = cap;
  g->ix_stale = 0;
  return KG_SUCCESS;
}

/* Room for one more entity in fresh indexes. */
static KgStatus kgi_ix_ready(KgGraph *g) {
  if (g->ix_stale || g->ixcap < 2 * (g->nents + 1))
    return kgi_ix_build(g, g->nents + 1);
  return KG_SUCCESS;
}

/* kgi_entity_iri() of a cleaned name: an article names most entities many times, and
 * an entity's IRI is always kgi_entity_iri() of its class, first name and qualifier, so
 * the IRI of a name seen before is a copy, without folding and slugging again. */
static char *kgi_entity_iri_of(const KgGraph *g, KgClass cls, const char *name,
                               const char *qualifier) {
  const char *seg = kg_class_iri_segment(cls);
  if (seg && g->ixcap && !g->ix_stale) {
    for (size_t k = (size_t)kgi_name_hash(seg, name, qualifier) & (g->ixcap - 1); g->by_name[k];
         k = (k + 1) & (g->ixcap - 1)) {
      const KgiEntity *e = &g->ents[g->by_name[k] - 1];
      if (strcmp(e->name, name) == 0 && kgi_strcmp0(e->qualifier, qualifier) == 0 &&
          strcmp(kg_class_iri_segment(e->cls), seg) == 0)
        return kg_strdup(e->iri);
    }
  }
  return kgi_entity_iri(g, cls, name, qualifier);
}

static KgEntityId kgi_find_iri(const KgGraph *g, const char *iri, KgEntityId except) {
  if (!g->ixcap || g->ix_stale) {
    for (size_t i = 0; i < g->nents; i++)
      if ((KgEntityId)i != except && strcmp(g->ents[i].iri, iri) == 0)
        return (KgEntityId)i;
    return KG_NO_ENTITY;
  }
  for (size_t k = (size_t)kgi_hash(14695981039346656037u, iri) & (g->ixcap - 1); g->by_iri[k];
       k = (k + 1) & (g->ixcap - 1)) {
    size_t i = g->by_iri[k] - 1;
    if ((KgEntityId)i != except && strcmp(g->ents[i].iri, iri) == 0)
      return (KgEntityId)i;
  }
  return KG_NO_ENTITY;
}

/* 1 when @p sub is a strict subclass of @p sup (VOCABULARY.md's class tree). */
static int kgi_class_refines(KgClass sub, KgClass sup) {
  switch (sub) {
  case KG_CLASS_COMPANY:
  case KG_CLASS_NONPROFIT:
  case KG_CLASS_NEWS_ORGANIZATION:
  case KG_CLASS_GOVERNMENT_BODY:
    return sup == KG_CLASS_ORGANIZATION;
  case KG_CLASS_INVESTMENT_FIRM:
    return sup == KG_CLASS_ORGANIZATION || sup == KG_CLASS_COMPANY;
  default:
    return 0;
  }
}

static int kgi_has_name(const KgiEntity *e, const char *s) {
  if (strcmp(e->label, s) == 0)
    return 1;
  for (size_t i = 0; i < e->naliases; i++)
    if (strcmp(e->aliases[i], s) == 0)
      return 1;
  return 0;
}

/* Takes ownership of @p alias (a cleaned string) in every case. */
static KgStatus kgi_add_alias_owned(KgiEntity *e, char *alias) {
  if (kgi_blank(alias) || kgi_has_name(e, alias)) {
    kg_free(alias);
    return KG_SUCCESS;
  }
  if (e->naliases == e->capaliases) {
    size_t cap = e->capaliases ? e->capaliases * 2 : 4;
    char **p = kg_realloc(e->aliases, cap * sizeof *p);
    if (!p) {
      kg_free(alias);
      return KG_ERR_NOMEM;
    }
    e->aliases = p;
    e->capaliases = cap;
  }
  e->aliases[e->naliases++] = alias;
  return KG_SUCCESS;
}

static KgStatus kgi_add_alias(KgiEntity *e, const char *alias) {
  char *c = kgi_text_clean(alias);
  return c ? kgi_add_alias_owned(e, c) : KG_ERR_NOMEM;
}

KgEntityId kg_graph_find_entity(const KgGraph *g, KgClass cls, const char *name,
                                const char *qualifier) {
  if (!g || !name || kgi_blank(name) || (unsigned)cls >= KG_CLASS__COUNT)
    return KG_NO_ENTITY;
  char *clean = kgi_text_clean(name);
  char *iri = clean ? kgi_entity_iri_of(g, cls, clean, qualifier) : NULL;
  KgEntityId id = iri ? kgi_find_iri(g, iri, KG_NO_ENTITY) : KG_NO_ENTITY;
  kg_free(clean);
  kg_free(iri);
  return id;
}

KgStatus kg_graph_entity(KgGraph *g, KgClass cls, const char *name, const char *qualifier,
                         const char *lang, KgEntityId *out) {
  if (out)
    *out = KG_NO_ENTITY;
  if (!g || !name || kgi_blank(name) || (unsigned)cls >= KG_CLASS__COUNT)
    return KG_ERR_BAD_ARG;
  if (qualifier && kgi_blank(qualifier))
    qualifier = NULL;
  KgStatus st = KG_SUCCESS;
  int bad_lang;
  KgiEntity e = {0};
  e.cls = cls;
  if (!(e.name = kgi_text_clean(name)) || (qualifier && !(e.qualifier = kgi_text_clean(qualifier)))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  e.lang = kgi_lang_clean(lang, &bad_lang);
  if (lang && *lang && !e.lang && !bad_lang) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  if (!(e.iri = kgi_entity_iri_of(g, cls, e.name, e.qualifier))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  KgEntityId id = kgi_find_iri(g, e.iri, KG_NO_ENTITY);
  if (id != KG_NO_ENTITY) {
    /* the same entity again (perhaps under another spelling of the same slug) */
    KgiEntity *x = &g->ents[id];
    if (!kgi_has_name(x, e.name)) {
      st = kgi_add_alias_owned(x, e.name);
      e.name = NULL;
      if (st != KG_SUCCESS)
        goto out;
    }
    if (kgi_class_refines(cls, x->cls)) {
      if (strcmp(kg_class_iri_segment(cls), kg_class_iri_segment(x->cls)) != 0)
        g->ix_stale = 1;
      x->cls = cls;
    }
    if (!x->lang && e.lang) {
      x->lang = e.lang;
      e.lang = NULL;
    }
    if (out)
      *out = id;
    goto out;
  }
  if (!(e.label = kg_strdup(e.name))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  /* An entity that shares its name with another (qualifier "nonprofit") keeps the name
   * readers know as its label; the qualified name is how the article tells it apart,
   * so it is an alias. */
  if (e.qualifier) {
    char *q = kgi_concat(e.name, " ", e.qualifier, NULL);
    if (!q || (st = kgi_add_alias_owned(&e, q)) != KG_SUCCESS) {
      st = KG_ERR_NOMEM;
      goto out;
    }
  }
  if (g->nents == g->capents) {
    size_t cap = g->capents ? g->capents * 2 : 16;
    KgiEntity *p = kg_realloc(g->ents, cap * sizeof *p);
    if (!p) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    g->ents = p;
    g->capents = cap;
  }
  if ((st = kgi_ix_ready(g)) != KG_SUCCESS)
    goto out;
  kgi_ix_put(g->by_iri, g->ixcap, kgi_hash(14695981039346656037u, e.iri), g->nents);
  kgi_ix_put(g->by_name, g->ixcap,
             kgi_name_hash(kg_class_iri_segment(e.cls), e.name, e.qualifier), g->nents);
  g->ents[g->nents] = e;
  memset(&e, 0, sizeof e);
  if (out)
    *out = (KgEntityId)g->nents;
  g->nents++;
out:
  kgi_entity_free(&e);
  return st;
}

KgStatus kg_graph_entity_add_alias(KgGraph *g, KgEntityId id, const char *alias) {
  if (!kgi_valid_id(g, id) || !alias)
    return KG_ERR_BAD_ARG;
  return kgi_add_alias(&g->ents[id], alias);
}

KgStatus kg_graph_entity_set_qid(KgGraph *g, KgEntityId id, const char *qid) {
  if (!kgi_valid_id(g, id))
    return KG_ERR_BAD_ARG;
  if (qid) {
    size_t n = strlen(qid);
    if (n < 2 || n > 12 || qid[0] != 'Q' || qid[1] < '1' || qid[1] > '9')
      return KG_ERR_BAD_ARG;
    for (size_t i = 2; i < n; i++)
      if (qid[i] < '0' || qid[i] > '9')
        return KG_ERR_BAD_ARG;
  }
  char *c = NULL;
  if (qid && !(c = kg_strdup(qid)))
    return KG_ERR_NOMEM;
  kg_free(g->ents[id].qid);
  g->ents[id].qid = c;
  return KG_SUCCESS;
}

KgStatus kg_graph_entity_set_class(KgGraph *g, KgEntityId id, KgClass cls) {
  if (!kgi_valid_id(g, id) || (unsigned)cls >= KG_CLASS__COUNT)
    return KG_ERR_BAD_ARG;
  KgiEntity *e = &g->ents[id];
  if (strcmp(kg_class_iri_segment(cls), kg_class_iri_segment(e->cls)) != 0) {
    /* another segment: the IRI changes; refuse to merge two entities silently */
    char *iri = kgi_entity_iri(g, cls, e->name, e->qualifier);
    if (!iri)
      return KG_ERR_NOMEM;
    if (kgi_find_iri(g, iri, id) != KG_NO_ENTITY) {
      kg_free(iri);
      return KG_ERR_BAD_ARG;
    }
    kg_free(e->iri);
    e->iri = iri;
    g->iri_gen++;
  }
  if (e->cls != cls)
    g->ix_stale = 1; /* the class (segment) is in a key */
  e->cls = cls;
  return KG_SUCCESS;
}

KgStatus kg_graph_entity_set_label(KgGraph *g, KgEntityId id, const char *label) {
  if (!kgi_valid_id(g, id) || !label || kgi_blank(label))
    return KG_ERR_BAD_ARG;
  KgiEntity *e = &g->ents[id];
  char *c = kgi_text_clean(label);
  if (!c)
    return KG_ERR_NOMEM;
  if (strcmp(c, e->label) == 0) {
    kg_free(c);
    return KG_SUCCESS;
  }
  /* the old label stays a name of the entity: make room first, so a failure changes
   * nothing */
  if (e->naliases == e->capaliases) {
    size_t cap = e->capaliases ? e->capaliases * 2 : 4;
    char **p = kg_realloc(e->aliases, cap * sizeof *p);
    if (!p) {
      kg_free(c);
      return KG_ERR_NOMEM;
    }
    e->aliases = p;
    e->capaliases = cap;
  }
  char *old = e->label;
  e->label = c;
  int known = 0;
  for (size_t i = 0; i < e->naliases; i++)
    known |= strcmp(e->aliases[i], old) == 0;
  if (known)
    kg_free(old);
  else
    e->aliases[e->naliases++] = old;
  return KG_SUCCESS;
}

size_t kg_graph_entity_count(const KgGraph *g) { return g ? g->nents : 0; }

KgClass kg_graph_entity_class(const KgGraph *g, KgEntityId id) {
  return kgi_valid_id(g, id) ? g->ents[id].cls : KG_CLASS__COUNT;
}

const char *kg_graph_entity_name(const KgGraph *g, KgEntityId id) {
  return kgi_valid_id(g, id) ? g->ents[id].name : NULL;
}

const char *kg_graph_entity_iri(const KgGraph *g, KgEntityId id) {
  return kgi_valid_id(g, id) ? g->ents[id].iri : NULL;
}

/* ---------------------------------------------------------------- article */

static const char *kgi_datetime_datatype(const char *s) {
  const char *d = kgi_date_datatype(s);
  if (d)
    return d;
  /* YYYY-MM-DDThh:mm:ss[.frac][Z|+hh:mm] */
  size_t n = strlen(s);
  if (n < 19 || s[10] != 'T')
    return NULL;
  char day[11];
  memcpy(day, s, 10);
  day[10] = '\0';
  if (!kgi_date_datatype(day) || strlen(day) != 10)
    return NULL;
  const char *t = s + 11;
  static const char pat[] = "dd:dd:dd";
  for (int i = 0; i < 8; i++) {
    if (pat[i] == 'd' ? !(t[i] >= '0' && t[i] <= '9') : t[i] != ':')
      return NULL;
  }
  if ((t[0] - '0') * 10 + (t[1] - '0') > 23 || t[3] > '5' || t[6] > '5')
    return NULL;
  const char *r = t + 8;
  if (*r == '.') {
    r++;
    if (!(*r >= '0' && *r <= '9'))
      return NULL;
    while (*r >= '0' && *r <= '9')
      r++;
  }
  if (*r == 'Z')
    r++;
  else if ((*r == '+' || *r == '-') && strlen(r) == 6 && r[1] >= '0' && r[1] <= '1' &&
           r[2] >= '0' && r[2] <= '9' && r[3] == ':' && r[4] >= '0' && r[4] <= '5' &&
           r[5] >= '0' && r[5] <= '9')
    r += 6;
  return *r ? NULL : KG_NS_XSD "dateTime";
}

KgStatus kg_graph_set_article(KgGraph *g, const KgArticle *a) {
  if (!g || !a)
    return KG_ERR_BAD_ARG;
  KgGraph tmp; /* build the new article fields apart, then swap: failure changes nothing */
  memset(&tmp, 0, sizeof tmp);
  KgStatus st = KG_SUCCESS;
  char sha[65];
  kg_article_sha256_hex(a, sha);
  int bad;
  const char *lang = kg_article_get_meta(a, KG_META_LANGUAGE);
  const char *publisher = kg_article_get_meta(a, KG_META_PUBLISHER);
  if (!publisher || kgi_blank(publisher))
    publisher = kg_article_get_meta(a, KG_META_SITE_NAME);
  char hash16[17];
  memcpy(hash16, sha, 16);
  hash16[16] = '\0';
  if (!(tmp.art_iri = kgi_concat(g->base, "article/", hash16, NULL)) ||
      !(tmp.art_sha = kg_strdup(sha)))
    st = KG_ERR_NOMEM;
  if (st == KG_SUCCESS && lang && *lang && !(tmp.art_lang = kgi_lang_clean(lang, &bad)) && !bad)
    st = KG_ERR_NOMEM;
  if (st == KG_SUCCESS)
    st = kgi_set_text(&tmp.art_title, kg_article_get_meta(a, KG_META_TITLE));
  if (st == KG_SUCCESS)
    st = kgi_set_text(&tmp.art_date, kg_article_get_meta(a, KG_META_DATE_PUBLISHED));
  if (st == KG_SUCCESS)
    st = kgi_set_text(&tmp.art_url, kg_article_get_meta(a, KG_META_URL));
  if (st == KG_SUCCESS)
    st = kgi_set_text(&tmp.art_source, kg_article_source(a));
  tmp.publisher = KG_NO_ENTITY;
  if (st == KG_SUCCESS && publisher && !kgi_blank(publisher))
    st = kg_graph_entity(g, KG_CLASS_NEWS_ORGANIZATION, publisher, NULL, NULL, &tmp.publisher);
  if (st != KG_SUCCESS) {
    kgi_article_clear(&tmp);
    return st;
  }
  kgi_article_clear(g);
  g->art_iri = tmp.art_iri;
  g->iri_gen++;
  g->art_sha = tmp.art_sha;
  g->art_lang = tmp.art_lang;
  g->art_title = tmp.art_title;
  g->art_date = tmp.art_date;
  g->art_url = tmp.art_url;
  g->art_source = tmp.art_source;
  g->publisher = tmp.publisher;
  return KG_SUCCESS;
}

const char *kg_graph_article_iri(const KgGraph *g) { return g ? g->art_iri : NULL; }

/* ---------------------------------------------------------------- facts */

static const char *const kgi_legal_forms[] = {"nonprofit",       "capped-profit",
                                              "public-company",  "private-company",
                                              "cooperative",     "state-owned"};

static int kgi_is_integer(const char *s) {
  if (*s == '+' || *s == '-')
    s++;
  if (!*s)
    return 0;
  for (; *s; s++)
    if (*s < '0' || *s > '9')
      return 0;
  return 1;
}

/* The fact's value in canonical form for its relation, or NULL with *st set. */
static char *kgi_fact_value(const KgFact *f, KgLiteralKind *kind, KgStatus *st) {
  *st = KG_ERR_BAD_ARG;
  const char *v = f->value;
  if (!v || !*v)
    return NULL;
  char *r = NULL;
  switch (f->relation) {
  case KG_REL_FOUNDING_DATE: {
    const char *dt = kgi_date_datatype(v);
    if (!dt)
      return NULL;
    KgLiteralKind k = strcmp(dt, KG_NS_XSD "gYear") == 0        ? KG_LIT_YEAR
                      : strcmp(dt, KG_NS_XSD "gYearMonth") == 0 ? KG_LIT_YEAR_MONTH
                                                                : KG_LIT_DATE;
    /* the kind given must agree with the shape (a STRING lets the shape decide) */
    if (f->value_kind != KG_LIT_STRING && f->value_kind != k)
      return NULL;
    *kind = k;
    r = kg_strdup(v);
    break;
  }
  case KG_REL_LEGAL_FORM:
    if (f->value_kind != KG_LIT_STRING)
      return NULL;
    for (size_t i = 0; i < sizeof kgi_legal_forms / sizeof kgi_legal_forms[0]; i++)
      if (strcmp(v, kgi_legal_forms[i]) == 0) {
        *kind = KG_LIT_STRING;
        *st = (r = kg_strdup(v)) ? KG_SUCCESS : KG_ERR_NOMEM;
        return r;
      }
    return NULL;
  case KG_REL_EMPLOYEES:
    if ((f->value_kind != KG_LIT_STRING && f->value_kind != KG_LIT_INTEGER) ||
        !kgi_is_integer(v) || v[0] == '-')
      return NULL;
    *kind = KG_LIT_INTEGER;
    r = kgi_integer_canonical(v);
    break;
  default:
    return NULL;
  }
  *st = r ? KG_SUCCESS : KG_ERR_NOMEM;
  return r;
}

/* @p canon is a canonical decimal (kgi_decimal_canonical): it has a point. */
static int kgi_percentage_ok(const char *canon) {
  if (canon[0] == '-')
    return 0;
  size_t ilen = (size_t)(strchr(canon, '.') - canon);
  return ilen < 3 || strcmp(canon, "100.0") == 0;
}

/* Copy @p in into @p out in canonical form, or say why it does not fit. */
static KgStatus kgi_fact_copy(const KgGraph *g, const KgFact *in, KgFact *out) {
  kg_fact_init(out);
  KgStatus st = KG_ERR_BAD_ARG;
  KgRelation r = in->relation;
  if ((unsigned)r >= KG_REL__COUNT || !kgi_valid_id(g, in->subject))
    return KG_ERR_BAD_ARG;
  if ((unsigned)in->status >= KG_FACT_STATUS__COUNT || in->exclusive < -1 || in->exclusive > 1)
    return KG_ERR_BAD_ARG;
  if (in->reported_by != KG_NO_ENTITY && !kgi_valid_id(g, in->reported_by))
    return KG_ERR_BAD_ARG;
  if (isnan(in->confidence) || in->confidence > 1.0)
    return KG_ERR_BAD_ARG;
  if (in->evidence_start < -1 || in->evidence_end < -1 ||
      (in->evidence_start >= 0 && in->evidence_end >= 0 && in->evidence_end < in->evidence_start))
    return KG_ERR_BAD_ARG;
  out->relation = r;
  out->subject = in->subject;
  out->status = in->status;
  out->exclusive = in->exclusive;
  out->reported_by = in->reported_by;
  out->confidence = in->confidence < 0 ? -1.0 : in->confidence;
  out->evidence_start = in->evidence_start;
  out->evidence_end = in->evidence_end;
  if (kg_relation_is_entity(r)) {
    if (!kgi_valid_id(g, in->object) || in->object == in->subject || in->value)
      return KG_ERR_BAD_ARG;
    out->object = in->object;
  } else if (kg_relation_is_statement_only(r)) {
    /* money lives in kg:amount; there is no object */
    if (in->object != KG_NO_ENTITY || in->value || !in->amount)
      return KG_ERR_BAD_ARG;
  } else {
    if (in->object != KG_NO_ENTITY)
      return KG_ERR_BAD_ARG;
    KgLiteralKind kind = KG_LIT_STRING;
    out->value = kgi_fact_value(in, &kind, &st);
    if (!out->value)
      return st;
    out->value_kind = kind;
  }
  /* check everything first, so that a NULL below means out of memory */
  const char *c = in->currency;
  if ((in->amount && !kgi_is_decimal(in->amount)) ||
      (in->percentage && !kgi_is_decimal(in->percentage)) ||
      (c && (strlen(c) != 3 || c[0] < 'A' || c[0] > 'Z' || c[1] < 'A' || c[1] > 'Z' ||
             c[2] < 'A' || c[2] > 'Z')) ||
      (in->point_in_time && !kgi_date_datatype(in->point_in_time))) {
    st = KG_ERR_BAD_ARG;
    goto out;
  }
  if ((in->amount && !(out->amount = kgi_decimal_canonical(in->amount))) ||
      (in->percentage && !(out->percentage = kgi_decimal_canonical(in->percentage))) ||
      (c && !(out->currency = kg_strdup(c))) ||
      (in->point_in_time && !(out->point_in_time = kg_strdup(in->point_in_time))))
    goto nomem;
  if (out->percentage && !kgi_percentage_ok(out->percentage)) {
    st = KG_ERR_BAD_ARG;
    goto out;
  }
  if (in->condition && !kgi_blank(in->condition) && !(out->condition = kgi_text_clean(in->condition)))
    goto nomem;
  if (in->evidence && !kgi_blank(in->evidence) && !(out->evidence = kgi_text_clean(in->evidence)))
    goto nomem;
  if (in->extractor && *in->extractor && !(out->extractor = kgi_text_clean(in->extractor)))
    goto nomem;
  return KG_SUCCESS;
nomem:
  st = KG_ERR_NOMEM;
out:
  kgi_fact_strings_free(out);
  kg_fact_init(out);
  return st;
}

/* Subject and object in output order: symmetric relations put the smaller IRI first,
 * so "A partner of B" and "B partner of A" are one statement. */
static void kgi_fact_ends(const KgGraph *g, const KgFact *f, KgEntityId *s, KgEntityId *o) {
  *s = f->subject;
  *o = f->object;
  if (kg_relation_is_symmetric(f->relation) && strcmp(g->ents[*s].iri, g->ents[*o].iri) > 0) {
    *s = f->object;
    *o = f->subject;
  }
}

static const char *kgi_value_datatype(KgLiteralKind k) {
  switch (k) {
  case KG_LIT_INTEGER: return XSD_INTEGER;
  case KG_LIT_DECIMAL: return XSD_DECIMAL;
  case KG_LIT_YEAR: return KG_NS_XSD "gYear";
  case KG_LIT_YEAR_MONTH: return KG_NS_XSD "gYearMonth";
  case KG_LIT_DATE: return KG_NS_XSD "date";
  case KG_LIT_BOOLEAN: return KG_NS_XSD "boolean";
  default: return NULL;
  }
}

/* One field of the statement hash: tag, byte length, ':', bytes. The length prefix
 * makes the serialization injective whatever the values contain. */
static KgStatus kgi_hash_field(KgiBuf *b, const char *tag, const char *v) {
  if (!v)
    return KG_SUCCESS;
  /* "%s%zu:" by hand: a statement has a dozen fields, and printf cost more than the hash */
  size_t n = strlen(v), k = 0;
  char num[24];
  do
    num[sizeof num - ++k] = (char)('0' + n % 10);
  while ((n /= 10) > 0);
  KgStatus st = kgi_buf_puts(b, tag);
  if (st == KG_SUCCESS)
    st = kgi_buf_append(b, num + sizeof num - k, k);
  if (st == KG_SUCCESS)
    st = kgi_buf_putc(b, ':');
  return st == KG_SUCCESS ? kgi_buf_puts(b, v) : st;
}

static KgStatus kgi_fact_id(const KgGraph *g, const KgFact *f, char id[17]) {
  KgiBuf b;
  kgi_buf_init(&b, 0);
  KgStatus st;
  KgEntityId s, o;
  kgi_fact_ends(g, f, &s, &o);
  char pred[64];
  snprintf(pred, sizeof pred, "%s%s", KG_NS, kg_relation_name(f->relation));
  KGI_TRY(st, kgi_hash_field(&b, "s", g->ents[s].iri));
  KGI_TRY(st, kgi_hash_field(&b, "p", pred));
  if (kg_relation_is_entity(f->relation)) {
    KGI_TRY(st, kgi_hash_field(&b, "oi", g->ents[o].iri));
  } else if (f->value) {
    KGI_TRY(st, kgi_hash_field(&b, "ol", f->value));
    KGI_TRY(st, kgi_hash_field(&b, "od", kgi_value_datatype(f->value_kind)));
  }
  KGI_TRY(st, kgi_hash_field(&b, "a", g->art_iri));
  KGI_TRY(st, kgi_hash_field(&b, "amount", f->amount));
  KGI_TRY(st, kgi_hash_field(&b, "currency", f->currency));
  KGI_TRY(st, kgi_hash_field(&b, "percentage", f->percentage));
  KGI_TRY(st, kgi_hash_field(&b, "pointInTime", f->point_in_time));
  KGI_TRY(st, kgi_hash_field(&b, "status", kg_fact_status_name(f->status)));
  KGI_TRY(st, kgi_hash_field(&b, "exclusive", f->exclusive < 0 ? NULL : f->exclusive ? "true" : "false"));
  KGI_TRY(st, kgi_hash_field(&b, "condition", f->condition));
  KGI_TRY(st, kgi_hash_field(&b, "reportedBy",
                             f->reported_by == KG_NO_ENTITY ? NULL : g->ents[f->reported_by].iri));
  {
    char hex[65];
    kg_sha256_hex(b.data, b.len, hex);
    memcpy(id, hex, 16);
    id[16] = '\0';
  }
out:
  kgi_buf_free(&b);
  return st;
}

static long kgi_conf100(double c) { return c < 0 ? -1 : lround(c * 100.0); }

/* Of two facts with one statement IRI, the one kept: higher confidence, then a total
 * order on the provenance so the choice never depends on the order facts came in. */
static int kgi_fact_better(const KgFact *a, const KgFact *b) {
  if (a->confidence != b->confidence)
    return a->confidence > b->confidence;
  long as = a->evidence_start < 0 ? LONG_MAX : a->evidence_start;
  long bs = b->evidence_start < 0 ? LONG_MAX : b->evidence_start;
  if (as != bs)
    return as < bs;
  if (a->evidence_end != b->evidence_end)
    return a->evidence_end < b->evidence_end;
  int c = kgi_strcmp0(a->evidence, b->evidence);
  if (c)
    return c < 0;
  return kgi_strcmp0(a->extractor, b->extractor) < 0;
}

/* The slot of fact id @p id in the fact index: its own, or the empty one where it goes. */
static size_t kgi_fact_slot(const KgGraph *g, const char *id) {
  uint64_t h;
  memcpy(&h, id, sizeof h); /* hex digits of a digest: mixed, since ASCII fills few bits */
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9u;
  h ^= h >> 32;
  size_t mask = g->fact_ixcap - 1, i = (size_t)h & mask;
  while (g->fact_ix[i] && memcmp(g->facts[g->fact_ix[i] - 1].id, id, 16) != 0)
    i = (i + 1) & mask;
  return i;
}

/* Room in the fact index for one more fact (at most half full). */
static KgStatus kgi_fact_ix_grow(KgGraph *g) {
  if ((g->nfacts + 1) * 2 <= g->fact_ixcap)
    return KG_SUCCESS;
  size_t cap = g->fact_ixcap ? g->fact_ixcap * 2 : 64;
  size_t *ix = kg_calloc(cap, sizeof *ix);
  if (!ix)
    return KG_ERR_NOMEM;
  kg_free(g->fact_ix);
  g->fact_ix = ix;
  g->fact_ixcap = cap;
  for (size_t i = 0; i < g->nfacts; i++)
    g->fact_ix[kgi_fact_slot(g, g->facts[i].id)] = i + 1;
  return KG_SUCCESS;
}

KgStatus kg_graph_add_fact(KgGraph *g, const KgFact *f) {
  if (!g || !f)
    return KG_ERR_BAD_ARG;
  KgiFact nf;
  KgStatus st = kgi_fact_copy(g, f, &nf.f);
  if (st != KG_SUCCESS)
    return st;
  if ((st = kgi_fact_id(g, &nf.f, nf.id)) != KG_SUCCESS || (st = kgi_fact_ix_grow(g)) != KG_SUCCESS)
    goto fail;
  nf.id_gen = g->iri_gen;
  size_t slot = kgi_fact_slot(g, nf.id);
  if (g->fact_ix[slot]) {
    size_t i = g->fact_ix[slot] - 1;
    if (kgi_fact_better(&nf.f, &g->facts[i].f)) {
      kgi_fact_strings_free(&g->facts[i].f);
      g->facts[i] = nf;
      return KG_SUCCESS;
    }
    st = KG_SUCCESS;
    goto fail;
  }
  if (g->nfacts == g->capfacts) {
    size_t cap = g->capfacts ? g->capfacts * 2 : 16;
    KgiFact *p = kg_realloc(g->facts, cap * sizeof *p);
    if (!p) {
      st = KG_ERR_NOMEM;
      goto fail;
    }
    g->facts = p;
    g->capfacts = cap;
  }
  g->facts[g->nfacts++] = nf;
  g->fact_ix[slot] = g->nfacts;
  return KG_SUCCESS;
fail:
  kgi_fact_strings_free(&nf.f);
  return st;
}

size_t kg_graph_fact_count(const KgGraph *g) { return g ? g->nfacts : 0; }

const KgFact *kg_graph_get_fact(const KgGraph *g, size_t i) {
  return g && i < g->nfacts ? &g->facts[i].f : NULL;
}

/* ---------------------------------------------------------------- triples */

/*
 * The triples of a graph are gathered first as KgTriple values pointing at the graph's
 * own strings, string constants and, for the strings made here, a scratch arena; then
 * sorted, and only the distinct ones copied into the KgTriples. Strings shared that way
 * (the article IRI of every triple, an entity's IRI, a statement's IRI) compare by
 * pointer, and a duplicate costs no copy.
 */
typedef struct {
  const KgGraph *g;
  KgTriple *v;
  size_t n, cap;
  KgiArena scratch;
} KgiOut;

static void kgi_out_free(KgiOut *o) {
  kg_free(o->v);
  kgi_arena_free(&o->scratch);
}

/* a + b + c (c may be NULL) in the arena; NULL when out of memory. */
static const char *kgi_out_cat(KgiOut *o, const char *a, const char *b, const char *c) {
  size_t la = strlen(a), lb = strlen(b), lc = c ? strlen(c) : 0, n = la + lb + lc + 1;
  char *d = kgi_arena_take(&o->scratch, n);
  if (!d)
    return NULL;
  memcpy(d, a, la);
  memcpy(d + la, b, lb);
  if (c)
    memcpy(d + la + lb, c, lc);
  d[la + lb + lc] = '\0';
  return d;
}

static KgStatus kgi_push(KgiOut *o, const KgTriple *tr) {
  if (!tr->s.value || !tr->p.value || !tr->o.value)
    return KG_ERR_BAD_ARG; /* as kg_triples_add() says */
  if (o->n == o->cap) {
    size_t cap = o->cap ? o->cap * 2 : 64;
    KgTriple *v = kg_realloc(o->v, cap * sizeof *v);
    if (!v)
      return KG_ERR_NOMEM;
    o->v = v;
    o->cap = cap;
  }
  o->v[o->n++] = *tr;
  return KG_SUCCESS;
}

static KgStatus kgi_iri(KgiOut *o, const char *s, const char *p, const char *obj) {
  KgTriple tr = {{KG_TERM_IRI, s, NULL, NULL}, {KG_TERM_IRI, p, NULL, NULL},
                 {KG_TERM_IRI, obj, NULL, NULL}, o->g->art_iri};
  return kgi_push(o, &tr);
}

static KgStatus kgi_lit(KgiOut *o, const char *s, const char *p, const char *v, const char *dt,
                        const char *lang) {
  KgTriple tr = {{KG_TERM_IRI, s, NULL, NULL}, {KG_TERM_IRI, p, NULL, NULL},
                 {KG_TERM_LITERAL, v, lang ? NULL : dt, lang}, o->g->art_iri};
  return kgi_push(o, &tr);
}

/* A string made on the stack, copied into the arena: KGI_TRY()'s out when out of memory. */
#define KGI_KEEP(st, o, var, expr)                                                           \
  do {                                                                                     \
    if (!((var) = (expr))) {                                                               \
      (st) = KG_ERR_NOMEM;                                                                 \
      goto out;                                                                            \
    }                                                                                      \
  } while (0)

static KgStatus kgi_entity_triples(KgiOut *o, const KgiEntity *e) {
  KgStatus st;
  const char *lang = e->lang ? e->lang : o->g->art_lang;
  const char *cls, *sameas;
  KGI_KEEP(st, o, cls, kgi_out_cat(o, KG_NS, kg_class_name(e->cls), NULL));
  KGI_TRY(st, kgi_iri(o, e->iri, RDF_TYPE, cls));
  KGI_TRY(st, kgi_lit(o, e->iri, KG_NS_RDFS "label", e->label, NULL, lang));
  for (size_t i = 0; i < e->naliases; i++)
    if (strcmp(e->aliases[i], e->label) != 0)
      KGI_TRY(st, kgi_lit(o, e->iri, KG_NS_SKOS "altLabel", e->aliases[i], NULL, lang));
  if (e->qid) {
    KGI_KEEP(st, o, sameas, kgi_out_cat(o, KG_NS_WD, e->qid, NULL));
    KGI_TRY(st, kgi_iri(o, e->iri, KG_NS_OWL "sameAs", sameas));
  }
out:
  return st;
}

static KgStatus kgi_article_triples(KgiOut *o) {
  const KgGraph *g = o->g;
  const char *a = g->art_iri;
  KgStatus st;
  KGI_TRY(st, kgi_iri(o, a, RDF_TYPE, KG_NS "Article"));
  KGI_TRY(st, kgi_lit(o, a, KG_NS "sha256", g->art_sha, NULL, NULL));
  if (g->art_lang)
    KGI_TRY(st, kgi_lit(o, a, KG_NS_SCHEMA "inLanguage", g->art_lang, NULL, NULL));
  if (g->art_date && !kgi_blank(g->art_date))
    KGI_TRY(st, kgi_lit(o, a, KG_NS_SCHEMA "datePublished", g->art_date,
                        kgi_datetime_datatype(g->art_date), NULL));
  if (g->publisher != KG_NO_ENTITY)
    KGI_TRY(st, kgi_iri(o, a, KG_NS_SCHEMA "publisher", g->ents[g->publisher].iri));
  if (g->art_url && !kgi_blank(g->art_url)) {
    if (kgi_iri_is_valid(g->art_url))
      KGI_TRY(st, kgi_iri(o, a, KG_NS_SCHEMA "url", g->art_url));
    else
      KGI_TRY(st, kgi_lit(o, a, KG_NS_SCHEMA "url", g->art_url, KG_NS_XSD "anyURI", NULL));
  }
  if (g->art_title && !kgi_blank(g->art_title))
    KGI_TRY(st, kgi_lit(o, a, KG_NS_SCHEMA "name", g->art_title, NULL, g->art_lang));
  if (g->art_source && *g->art_source)
    KGI_TRY(st, kgi_lit(o, a, KG_NS_DCTERMS "source", g->art_source, NULL, NULL));
out:
  return st;
}

static KgStatus kgi_fact_triples(KgiOut *o, const KgiFact *kf, int with_statements) {
  const KgGraph *g = o->g;
  const KgFact *f = &kf->f;
  KgStatus st = KG_SUCCESS;
  const char *stmt = NULL, *pred, *x;
  KgEntityId s, ob;
  kgi_fact_ends(g, f, &s, &ob);
  const char *siri = g->ents[s].iri;
  KGI_KEEP(st, o, pred, kgi_out_cat(o, KG_NS, kg_relation_name(f->relation), NULL));
  const char *vdt = f->value ? kgi_value_datatype(f->value_kind) : NULL;
  if (kg_relation_is_entity(f->relation))
    KGI_TRY(st, kgi_iri(o, siri, pred, g->ents[ob].iri));
  else if (f->value)
    KGI_TRY(st, kgi_lit(o, siri, pred, f->value, vdt, NULL));
  if (!with_statements)
    return KG_SUCCESS;

  KGI_KEEP(st, o, stmt, kgi_out_cat(o, g->base, "stmt/", kf->id));
  const char *lang = g->art_lang;
  KGI_TRY(st, kgi_iri(o, stmt, RDF_TYPE, KG_NS_RDF "Statement"));
  KGI_TRY(st, kgi_iri(o, stmt, KG_NS_RDF "subject", siri));
  KGI_TRY(st, kgi_iri(o, stmt, KG_NS_RDF "predicate", pred));
  if (kg_relation_is_entity(f->relation))
    KGI_TRY(st, kgi_iri(o, stmt, KG_NS_RDF "object", g->ents[ob].iri));
  else if (f->value)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS_RDF "object", f->value, vdt, NULL));
  if (f->amount)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "amount", f->amount, XSD_DECIMAL, NULL));
  if (f->currency)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "currency", f->currency, NULL, NULL));
  if (f->percentage)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "percentage", f->percentage, XSD_DECIMAL, NULL));
  if (f->point_in_time)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "pointInTime", f->point_in_time,
                        kgi_date_datatype(f->point_in_time), NULL));
  if (f->status != KG_FACT_STATUS_NONE) {
    KGI_KEEP(st, o, x, kgi_out_cat(o, KG_NS, kg_fact_status_name(f->status), NULL));
    KGI_TRY(st, kgi_iri(o, stmt, KG_NS "status", x));
  }
  if (f->exclusive >= 0)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "exclusive", f->exclusive ? "true" : "false",
                        KG_NS_XSD "boolean", NULL));
  if (f->condition)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "condition", f->condition, NULL, lang));
  if (f->reported_by != KG_NO_ENTITY)
    KGI_TRY(st, kgi_iri(o, stmt, KG_NS "reportedBy", g->ents[f->reported_by].iri));
  if (f->confidence >= 0) {
    /* two digits, in canonical xsd:decimal form like every decimal (lexical.c) */
    long c = kgi_conf100(f->confidence);
    char cv[32];
    if (c >= 100)
      snprintf(cv, sizeof cv, "1.0");
    else if (c % 10 == 0)
      snprintf(cv, sizeof cv, "0.%ld", c / 10);
    else
      snprintf(cv, sizeof cv, "0.%02ld", c);
    KGI_KEEP(st, o, x, kgi_out_cat(o, cv, "", NULL));
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "confidence", x, XSD_DECIMAL, NULL));
  }
  if (f->evidence)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "evidence", f->evidence, NULL, lang));
  char num[32];
  if (f->evidence_start >= 0) {
    snprintf(num, sizeof num, "%ld", f->evidence_start);
    KGI_KEEP(st, o, x, kgi_out_cat(o, num, "", NULL));
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "evidenceStart", x, XSD_INTEGER, NULL));
  }
  if (f->evidence_end >= 0) {
    snprintf(num, sizeof num, "%ld", f->evidence_end);
    KGI_KEEP(st, o, x, kgi_out_cat(o, num, "", NULL));
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "evidenceEnd", x, XSD_INTEGER, NULL));
  }
  if (g->art_iri)
    KGI_TRY(st, kgi_iri(o, stmt, KG_NS_PROV "wasDerivedFrom", g->art_iri));
  if (f->extractor)
    KGI_TRY(st, kgi_lit(o, stmt, KG_NS "extractor", f->extractor, NULL, NULL));
out:
  return st;
}

typedef struct {
  char id[17];
  const KgiFact *f;
} KgiFactRef;

static int kgi_ref_cmp(const void *pa, const void *pb) {
  const KgiFactRef *a = pa, *b = pb;
  int c = memcmp(a->id, b->id, 16);
  if (c)
    return c;
  /* the better fact first within one IRI */
  if (kgi_fact_better(&a->f->f, &b->f->f))
    return -1;
  if (kgi_fact_better(&b->f->f, &a->f->f))
    return 1;
  return 0;
}

KgStatus kg_graph_to_triples(const KgGraph *g, int with_statements, KgTriples **out) {
  if (out)
    *out = NULL;
  if (!g || !out)
    return KG_ERR_BAD_ARG;
  KgStatus st = KG_SUCCESS;
  KgiFactRef *refs = NULL;
  KgTriples *t = NULL;
  KgiOut o = {g, NULL, 0, 0, {NULL}};
  for (size_t i = 0; i < g->nents; i++)
    KGI_TRY(st, kgi_entity_triples(&o, &g->ents[i]));
  if (g->art_iri)
    KGI_TRY(st, kgi_article_triples(&o));
  if (g->nfacts) {
    /* Statement IRIs again where an entity's IRI may have changed since the fact came in
     * (kg_graph_entity_set_class), which can make two facts one; the others stand. */
    if (!(refs = kg_malloc(g->nfacts * sizeof *refs))) {
      st = KG_ERR_NOMEM;
      goto out;
    }
    for (size_t i = 0; i < g->nfacts; i++) {
      refs[i].f = &g->facts[i];
      if (g->facts[i].id_gen == g->iri_gen)
        memcpy(refs[i].id, g->facts[i].id, sizeof refs[i].id);
      else
        KGI_TRY(st, kgi_fact_id(g, &g->facts[i].f, refs[i].id));
    }
    qsort(refs, g->nfacts, sizeof *refs, kgi_ref_cmp);
    for (size_t i = 0; i < g->nfacts; i++) {
      if (i > 0 && memcmp(refs[i].id, refs[i - 1].id, 16) == 0)
        continue;
      KgiFact kf = *refs[i].f;
      memcpy(kf.id, refs[i].id, sizeof kf.id);
      KGI_TRY(st, kgi_fact_triples(&o, &kf, with_statements));
    }
  }
  /* sorted and without duplicates, as kg_triples_sort_unique() would leave them */
  kgi_triples_sort(o.v, o.n);
  if (!(t = kg_triples_new())) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  for (size_t i = 0; i < o.n; i++)
    if (i == 0 || kgi_triple_compare(&o.v[i - 1], &o.v[i]) != 0)
      KGI_TRY(st, kg_triples_add(t, &o.v[i]));
out:
  kg_free(refs);
  kgi_out_free(&o);
  if (st != KG_SUCCESS) {
    kg_triples_free(t);
    return st;
  }
  *out = t;
  return KG_SUCCESS;
}
