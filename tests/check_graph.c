/* check_graph.c - entities, facts and statements, and the triples they become: stable
 * IRIs, class refinement, deduplication, validation, order independence, OOM. */
#include "config.h"

#include <kgbuild/graph.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_tap.h"

#define BASE KG_DEFAULT_BASE
#define KG(x) KG_NS x
#define RDF(x) KG_NS_RDF x

/* ---------------------------------------------------------------- helpers */

/* Number of triples matching (s, p, o) where NULL matches anything; o compares the value
 * of an IRI or a literal, dt/lang are checked when not NULL. */
static size_t count_matching(const KgTriples *t, const char *s, const char *p, const char *o,
                             const char *dt, const char *lang) {
  size_t n = 0;
  for (size_t i = 0; i < kg_triples_count(t); i++) {
    const KgTriple *tr = kg_triples_get(t, i);
    if (s && strcmp(tr->s.value, s) != 0)
      continue;
    if (p && strcmp(tr->p.value, p) != 0)
      continue;
    if (o && strcmp(tr->o.value, o) != 0)
      continue;
    if (dt && (!tr->o.datatype || strcmp(tr->o.datatype, dt) != 0))
      continue;
    if (lang && (!tr->o.lang || strcmp(tr->o.lang, lang) != 0))
      continue;
    n++;
  }
  return n;
}

static int has(const KgTriples *t, const char *s, const char *p, const char *o) {
  return count_matching(t, s, p, o, NULL, NULL) > 0;
}

/* The one object of (s, p), or NULL. */
static const KgTerm *object_of(const KgTriples *t, const char *s, const char *p) {
  const KgTerm *found = NULL;
  for (size_t i = 0; i < kg_triples_count(t); i++) {
    const KgTriple *tr = kg_triples_get(t, i);
    if (strcmp(tr->s.value, s) == 0 && strcmp(tr->p.value, p) == 0) {
      ck_assert_msg(found == NULL, "more than one %s of %s", p, s);
      found = &tr->o;
    }
  }
  return found;
}

/* Every statement node (subject of rdf:type rdf:Statement), in output order. */
static size_t statements(const KgTriples *t, const char **out, size_t max) {
  size_t n = 0;
  for (size_t i = 0; i < kg_triples_count(t); i++) {
    const KgTriple *tr = kg_triples_get(t, i);
    if (strcmp(tr->p.value, RDF("type")) == 0 && strcmp(tr->o.value, RDF("Statement")) == 0) {
      if (n < max)
        out[n] = tr->s.value;
      n++;
    }
  }
  return n;
}

static KgArticle *article(const char *text, const char *lang) {
  KgArticle *a = kg_article_new("news/seed.txt", text, strlen(text));
  ck_assert_ptr_nonnull(a);
  if (lang)
    ck_assert_int_eq(kg_article_set_meta(a, KG_META_LANGUAGE, lang), KG_SUCCESS);
  return a;
}

static KgEntityId ent(KgGraph *g, KgClass c, const char *name, const char *q) {
  KgEntityId id = KG_NO_ENTITY;
  ck_assert_int_eq(kg_graph_entity(g, c, name, q, NULL, &id), KG_SUCCESS);
  ck_assert_int_ne(id, KG_NO_ENTITY);
  return id;
}

static KgTriples *triples(const KgGraph *g, int with_statements) {
  KgTriples *t = NULL;
  ck_assert_int_eq(kg_graph_to_triples(g, with_statements, &t), KG_SUCCESS);
  ck_assert_ptr_nonnull(t);
  return t;
}

static KgFact relation(KgRelation r, KgEntityId s, KgEntityId o) {
  KgFact f;
  kg_fact_init(&f);
  f.relation = r;
  f.subject = s;
  f.object = o;
  return f;
}

/* ---------------------------------------------------------------- entities */

START_TEST(test_entity_iris) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId ms = ent(g, KG_CLASS_COMPANY, "Microsoft Corp.", NULL);
  KgEntityId musk = ent(g, KG_CLASS_PERSON, "Elon Musk", NULL);
  KgEntityId gpt = ent(g, KG_CLASS_PRODUCT, "ChatGPT", NULL);
  KgEntityId ca = ent(g, KG_CLASS_PLACE, "Californie", NULL);
  ck_assert_str_eq(kg_graph_entity_iri(g, ms), BASE "org/microsoft");
  ck_assert_str_eq(kg_graph_entity_iri(g, musk), BASE "person/elon-musk");
  ck_assert_str_eq(kg_graph_entity_iri(g, gpt), BASE "product/chatgpt");
  ck_assert_str_eq(kg_graph_entity_iri(g, ca), BASE "place/californie");
  ck_assert_str_eq(kg_graph_entity_name(g, ms), "Microsoft Corp.");
  ck_assert_uint_eq(kg_graph_entity_count(g), 4);
  /* one name, two kinds of thing: two entities */
  KgEntityId apple_org = ent(g, KG_CLASS_COMPANY, "Apple", NULL);
  KgEntityId apple_product = ent(g, KG_CLASS_PRODUCT, "Apple", NULL);
  ck_assert_int_ne(apple_org, apple_product);
  ck_assert_int_eq(kg_graph_find_entity(g, KG_CLASS_PRODUCT, "Apple", NULL), apple_product);
  ck_assert_int_eq(kg_graph_find_entity(g, KG_CLASS_PLACE, "Apple", NULL), KG_NO_ENTITY);
  /* any organization class finds the organization */
  ck_assert_int_eq(kg_graph_find_entity(g, KG_CLASS_ORGANIZATION, "Microsoft", NULL), ms);
  ck_assert_uint_eq(kg_graph_entity_count(g), 6);
  kg_graph_free(g);

  /* another base, without its trailing slash */
  g = kg_graph_new("https://example.org/kg");
  ms = ent(g, KG_CLASS_COMPANY, "Microsoft", NULL);
  ck_assert_str_eq(kg_graph_entity_iri(g, ms), "https://example.org/kg/org/microsoft");
  kg_graph_free(g);
  /* a base with characters an IRI may not hold still gives valid IRIs */
  g = kg_graph_new("https://example.org/a b<c>/");
  ms = ent(g, KG_CLASS_COMPANY, "Microsoft", NULL);
  ck_assert_str_eq(kg_graph_entity_iri(g, ms), "https://example.org/a%20b%3Cc%3E/org/microsoft");
  kg_graph_free(g);
}
END_TEST

START_TEST(test_entity_bad_args) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId id = 7;
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_COMPANY, NULL, NULL, NULL, &id), KG_ERR_BAD_ARG);
  ck_assert_int_eq(id, KG_NO_ENTITY);
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_COMPANY, " \t", NULL, NULL, &id), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS__COUNT, "X", NULL, NULL, &id), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_graph_entity(NULL, KG_CLASS_COMPANY, "X", NULL, NULL, &id), KG_ERR_BAD_ARG);
  ck_assert_uint_eq(kg_graph_entity_count(g), 0);
  ck_assert_int_eq(kg_graph_entity_add_alias(g, 0, "x"), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_graph_entity_set_qid(g, -5, "Q1"), KG_ERR_BAD_ARG);
  ck_assert_ptr_null(kg_graph_entity_iri(g, 0));
  ck_assert_ptr_null(kg_graph_entity_name(g, KG_NO_ENTITY));
  ck_assert_int_eq(kg_graph_entity_class(g, 3), KG_CLASS__COUNT);
  id = ent(g, KG_CLASS_COMPANY, "Microsoft", NULL);
  static const char *badq[] = {"", "Q", "Q0", "Q01", "q12", "Q12a", "P31", "Q1234567890123"};
  for (size_t i = 0; i < sizeof badq / sizeof badq[0]; i++)
    ck_assert_int_eq(kg_graph_entity_set_qid(g, id, badq[i]), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_graph_entity_set_label(g, id, ""), KG_ERR_BAD_ARG);
  kg_graph_free(g);
}
END_TEST

START_TEST(test_class_refinement) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId a = ent(g, KG_CLASS_ORGANIZATION, "Sequoia Capital", NULL);
  ck_assert_int_eq(ent(g, KG_CLASS_COMPANY, "Sequoia Capital", NULL), a);
  ck_assert_int_eq(kg_graph_entity_class(g, a), KG_CLASS_COMPANY);
  ck_assert_int_eq(ent(g, KG_CLASS_INVESTMENT_FIRM, "Sequoia Capital", NULL), a);
  ck_assert_int_eq(kg_graph_entity_class(g, a), KG_CLASS_INVESTMENT_FIRM);
  /* back to a more general class: stays the most specific */
  ck_assert_int_eq(ent(g, KG_CLASS_ORGANIZATION, "Sequoia Capital", NULL), a);
  ck_assert_int_eq(kg_graph_entity_class(g, a), KG_CLASS_INVESTMENT_FIRM);
  /* a sibling class is no refinement: the first one stays */
  KgEntityId r = ent(g, KG_CLASS_NEWS_ORGANIZATION, "Reuters", NULL);
  ck_assert_int_eq(ent(g, KG_CLASS_COMPANY, "Reuters", NULL), r);
  ck_assert_int_eq(kg_graph_entity_class(g, r), KG_CLASS_NEWS_ORGANIZATION);
  /* explicit change */
  ck_assert_int_eq(kg_graph_entity_set_class(g, r, KG_CLASS_COMPANY), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_entity_class(g, r), KG_CLASS_COMPANY);
  /* changing segment changes the IRI, unless that IRI is taken */
  KgEntityId p = ent(g, KG_CLASS_ORGANIZATION, "Jack Ma", NULL);
  ck_assert_int_eq(kg_graph_entity_set_class(g, p, KG_CLASS_PERSON), KG_SUCCESS);
  ck_assert_str_eq(kg_graph_entity_iri(g, p), BASE "person/jack-ma");
  KgEntityId x1 = ent(g, KG_CLASS_PRODUCT, "Azure", NULL);
  ent(g, KG_CLASS_COMPANY, "Azure", NULL);
  ck_assert_int_eq(kg_graph_entity_set_class(g, x1, KG_CLASS_COMPANY), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_graph_entity_class(g, x1), KG_CLASS_PRODUCT);
  ck_assert_str_eq(kg_graph_entity_iri(g, x1), BASE "product/azure");

  /* only the most specific class is written */
  KgTriples *t = triples(g, 1);
  ck_assert_uint_eq(count_matching(t, BASE "org/sequoia-capital", RDF("type"), NULL, NULL, NULL), 1);
  ck_assert(has(t, BASE "org/sequoia-capital", RDF("type"), KG("InvestmentFirm")));
  kg_triples_free(t);
  kg_graph_free(g);
}
END_TEST

START_TEST(test_labels_and_aliases) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId ms = KG_NO_ENTITY;
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_COMPANY, "Microsoft", NULL, "en", &ms), KG_SUCCESS);
  /* the same slug under another spelling is the same entity and an alias */
  ck_assert_int_eq(ent(g, KG_CLASS_COMPANY, "Microsoft Corp.", NULL), ms);
  ck_assert_int_eq(kg_graph_entity_add_alias(g, ms, "MSFT"), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_entity_add_alias(g, ms, "MSFT"), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_entity_add_alias(g, ms, "Microsoft"), KG_SUCCESS); /* = label */
  ck_assert_int_eq(kg_graph_entity_set_qid(g, ms, "Q2283"), KG_SUCCESS);
  KgTriples *t = triples(g, 1);
  const char *iri = BASE "org/microsoft";
  ck_assert_uint_eq(count_matching(t, iri, KG_NS_RDFS "label", "Microsoft", NULL, "en"), 1);
  ck_assert_uint_eq(count_matching(t, iri, KG_NS_SKOS "altLabel", NULL, NULL, "en"), 2);
  ck_assert(has(t, iri, KG_NS_SKOS "altLabel", "Microsoft Corp."));
  ck_assert(has(t, iri, KG_NS_SKOS "altLabel", "MSFT"));
  ck_assert(has(t, iri, KG_NS_OWL "sameAs", KG_NS_WD "Q2283"));
  kg_triples_free(t);
  /* a new label keeps the old one as an alias */
  ck_assert_int_eq(kg_graph_entity_set_label(g, ms, "Microsoft Corporation"), KG_SUCCESS);
  t = triples(g, 1);
  ck_assert(has(t, iri, KG_NS_RDFS "label", "Microsoft Corporation"));
  ck_assert(has(t, iri, KG_NS_SKOS "altLabel", "Microsoft"));
  ck_assert_uint_eq(count_matching(t, iri, KG_NS_RDFS "label", NULL, NULL, NULL), 1);
  ck_assert_str_eq(kg_graph_entity_iri(g, ms), iri); /* the IRI does not move */
  kg_triples_free(t);
  kg_graph_free(g);
}
END_TEST

START_TEST(test_qualified_entity) {
  KgArticle *a = article("OpenAI est régie par une organisation à but non lucratif.", "fr");
  KgGraph *g = kg_graph_new(NULL);
  ck_assert_int_eq(kg_graph_set_article(g, a), KG_SUCCESS);
  KgEntityId co = ent(g, KG_CLASS_COMPANY, "OpenAI", NULL);
  KgEntityId np = ent(g, KG_CLASS_NONPROFIT, "OpenAI", "nonprofit");
  ck_assert_int_ne(co, np);
  ck_assert_str_eq(kg_graph_entity_iri(g, np), BASE "org/openai-nonprofit");
  ck_assert_int_eq(kg_graph_find_entity(g, KG_CLASS_ORGANIZATION, "OpenAI", "nonprofit"), np);
  KgFact f = relation(KG_REL_GOVERNS, np, co);
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  KgTriples *t = triples(g, 1);
  /* readers know it as "OpenAI"; the qualified name is an alias; labels take the
   * article's language */
  ck_assert(count_matching(t, BASE "org/openai-nonprofit", KG_NS_RDFS "label", "OpenAI", NULL, "fr"));
  ck_assert(count_matching(t, BASE "org/openai-nonprofit", KG_NS_SKOS "altLabel", "OpenAI nonprofit",
                           NULL, "fr"));
  ck_assert(has(t, BASE "org/openai-nonprofit", RDF("type"), KG("NonProfit")));
  ck_assert(has(t, BASE "org/openai-nonprofit", KG("governs"), BASE "org/openai"));
  kg_triples_free(t);
  kg_graph_free(g);
  kg_article_free(a);
}
END_TEST

/* ---------------------------------------------------------------- article */

START_TEST(test_article_node) {
  const char *text = "PARIS (Reuters) - Microsoft investirait 10 milliards de dollars.";
  KgArticle *a = article(text, "FR");
  kg_article_set_meta(a, KG_META_TITLE, "Microsoft \"investirait\"\n10 milliards");
  kg_article_set_meta(a, KG_META_DATE_PUBLISHED, "2023-01-23");
  kg_article_set_meta(a, KG_META_PUBLISHER, "Reuters");
  kg_article_set_meta(a, KG_META_URL, "https://example.org/news/1?x=1&y=2");
  KgGraph *g = kg_graph_new(NULL);
  ck_assert_ptr_null(kg_graph_article_iri(g));
  ck_assert_int_eq(kg_graph_set_article(g, a), KG_SUCCESS);
  char hex[65], want[128];
  kg_sha256_hex(text, strlen(text), hex);
  snprintf(want, sizeof want, "%sarticle/%.16s", BASE, hex);
  ck_assert_str_eq(kg_graph_article_iri(g), want);
  /* the publisher is a news organization the extractor finds again */
  KgEntityId reuters = kg_graph_find_entity(g, KG_CLASS_ORGANIZATION, "Reuters", NULL);
  ck_assert_int_ne(reuters, KG_NO_ENTITY);
  ck_assert_int_eq(kg_graph_entity_class(g, reuters), KG_CLASS_NEWS_ORGANIZATION);

  KgTriples *t = triples(g, 1);
  ck_assert(has(t, want, RDF("type"), KG("Article")));
  ck_assert(has(t, want, KG("sha256"), hex));
  ck_assert(has(t, want, KG_NS_SCHEMA "inLanguage", "fr")); /* lower case */
  ck_assert(count_matching(t, want, KG_NS_SCHEMA "datePublished", "2023-01-23", KG_NS_XSD "date", NULL));
  ck_assert(has(t, want, KG_NS_SCHEMA "publisher", BASE "org/reuters"));
  ck_assert(has(t, BASE "org/reuters", RDF("type"), KG("NewsOrganization")));
  ck_assert(count_matching(t, BASE "org/reuters", KG_NS_RDFS "label", "Reuters", NULL, "fr"));
  const KgTerm *url = object_of(t, want, KG_NS_SCHEMA "url");
  ck_assert_int_eq(url->type, KG_TERM_IRI);
  ck_assert_str_eq(url->value, "https://example.org/news/1?x=1&y=2");
  ck_assert(count_matching(t, want, KG_NS_SCHEMA "name", "Microsoft \"investirait\"\n10 milliards", NULL,
                           "fr"));
  ck_assert(has(t, want, KG_NS_DCTERMS "source", "news/seed.txt"));
  /* every triple lives in the article's graph */
  for (size_t i = 0; i < kg_triples_count(t); i++)
    ck_assert_str_eq(kg_triples_get(t, i)->g, want);
  kg_triples_free(t);

  /* a URL that is no IRI is kept as an xsd:anyURI literal; the date's type follows
   * its shape; the site name stands in for a missing publisher */
  kg_article_set_meta(a, KG_META_URL, "http://exa mple.org/<a>");
  kg_article_set_meta(a, KG_META_DATE_PUBLISHED, "2023-01");
  kg_article_set_meta(a, KG_META_PUBLISHER, NULL);
  kg_article_set_meta(a, KG_META_SITE_NAME, "Boursier.com");
  ck_assert_int_eq(kg_graph_set_article(g, a), KG_SUCCESS);
  t = triples(g, 1);
  url = object_of(t, want, KG_NS_SCHEMA "url");
  ck_assert_int_eq(url->type, KG_TERM_LITERAL);
  ck_assert_str_eq(url->datatype, KG_NS_XSD "anyURI");
  ck_assert(count_matching(t, want, KG_NS_SCHEMA "datePublished", "2023-01", KG_NS_XSD "gYearMonth", NULL));
  ck_assert(has(t, want, KG_NS_SCHEMA "publisher", BASE "org/boursier-com"));
  kg_triples_free(t);
  kg_graph_free(g);
  kg_article_free(a);
}
END_TEST

/* ---------------------------------------------------------------- facts */

START_TEST(test_fact_validation) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId ms = ent(g, KG_CLASS_COMPANY, "Microsoft", NULL);
  KgEntityId oa = ent(g, KG_CLASS_COMPANY, "OpenAI", NULL);
  KgFact bad[32];
  size_t n = 0;
  bad[n++] = relation(KG_REL_INVESTS_IN, ms, KG_NO_ENTITY);  /* no object */
  bad[n++] = relation(KG_REL_INVESTS_IN, ms, 99);            /* unknown object */
  bad[n++] = relation(KG_REL_INVESTS_IN, KG_NO_ENTITY, oa);  /* no subject */
  bad[n++] = relation(KG_REL_INVESTS_IN, ms, ms);            /* itself */
  bad[n++] = relation(KG_REL__COUNT, ms, oa);
  bad[n++] = relation(KG_REL_FOUNDING_DATE, oa, KG_NO_ENTITY); /* no value */
  bad[n] = relation(KG_REL_FOUNDING_DATE, oa, KG_NO_ENTITY);
  bad[n++].value = "in 2015";
  bad[n] = relation(KG_REL_FOUNDING_DATE, oa, KG_NO_ENTITY);
  bad[n].value = "2015";
  bad[n++].value_kind = KG_LIT_DATE; /* kind and shape disagree */
  bad[n] = relation(KG_REL_LEGAL_FORM, oa, KG_NO_ENTITY);
  bad[n++].value = "SARL";
  bad[n] = relation(KG_REL_EMPLOYEES, oa, KG_NO_ENTITY);
  bad[n++].value = "1,500";
  bad[n] = relation(KG_REL_FOUNDING_DATE, oa, ms); /* attribute with an object */
  bad[n++].value = "2015";
  bad[n++] = relation(KG_REL_VALUATION, oa, KG_NO_ENTITY); /* no amount */
  bad[n] = relation(KG_REL_VALUATION, oa, ms);
  bad[n++].amount = "1";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].percentage = "100.5";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].percentage = "100.001";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].percentage = "1000";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].percentage = "-1";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].percentage = "49%";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].currency = "usd";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].currency = "US$";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].currency = "EURO";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].confidence = 1.01;
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].amount = "10 milliards";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].amount = "1e10";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].point_in_time = "janvier 2023";
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].status = KG_FACT_STATUS__COUNT;
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].exclusive = 2;
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n++].reported_by = 42;
  bad[n] = relation(KG_REL_INVESTS_IN, ms, oa);
  bad[n].evidence_start = 50;
  bad[n++].evidence_end = 10;
  for (size_t i = 0; i < n; i++)
    ck_assert_msg(kg_graph_add_fact(g, &bad[i]) == KG_ERR_BAD_ARG, "bad fact %zu accepted", i);
  ck_assert_uint_eq(kg_graph_fact_count(g), 0);
  ck_assert_int_eq(kg_graph_add_fact(g, NULL), KG_ERR_BAD_ARG);
  ck_assert_int_eq(kg_graph_add_fact(NULL, &bad[0]), KG_ERR_BAD_ARG);

  /* the limits themselves are fine */
  KgFact ok = relation(KG_REL_OWNS_STAKE_IN, ms, oa);
  ok.percentage = "100";
  ok.confidence = 1.0;
  ok.currency = "EUR";
  ok.amount = "0";
  ck_assert_int_eq(kg_graph_add_fact(g, &ok), KG_SUCCESS);
  ok.percentage = "0.5";
  ck_assert_int_eq(kg_graph_add_fact(g, &ok), KG_SUCCESS);
  ck_assert_uint_eq(kg_graph_fact_count(g), 2);
  /* "100.000" is the 100 % of the first fact: no third one */
  ok.percentage = "100.000";
  ck_assert_int_eq(kg_graph_add_fact(g, &ok), KG_SUCCESS);
  ck_assert_uint_eq(kg_graph_fact_count(g), 2);
  ck_assert_str_eq(kg_graph_get_fact(g, 0)->percentage, "100.0");
  ck_assert_str_eq(kg_graph_get_fact(g, 0)->amount, "0.0");
  kg_graph_free(g);
}
END_TEST

START_TEST(test_statement_qualifiers) {
  KgArticle *a = article("Microsoft investirait 10 milliards de dollars dans OpenAI.", "fr");
  KgGraph *g = kg_graph_new(NULL);
  ck_assert_int_eq(kg_graph_set_article(g, a), KG_SUCCESS);
  KgEntityId ms = ent(g, KG_CLASS_COMPANY, "Microsoft", NULL);
  KgEntityId oa = ent(g, KG_CLASS_COMPANY, "OpenAI", NULL);
  KgEntityId sem = ent(g, KG_CLASS_NEWS_ORGANIZATION, "Semafor", NULL);
  KgFact f = relation(KG_REL_INVESTS_IN, ms, oa);
  f.amount = "10000000000.00";
  f.currency = "USD";
  f.percentage = "49.0";
  f.point_in_time = "2023-01";
  f.status = KG_FACT_STATUS_RUMORED;
  f.exclusive = 0;
  f.condition = "jusqu'à ce que Microsoft récupère sa mise";
  f.reported_by = sem;
  f.confidence = 0.854;
  f.evidence = "Microsoft investirait 10 milliards de dollars dans OpenAI.";
  f.evidence_start = 0;
  f.evidence_end = 58;
  f.extractor = "rules:fr:invest-3";
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  const KgFact *kept = kg_graph_get_fact(g, 0);
  /* XML Schema 1.0 canonical decimals: a point with a digit on each side */
  ck_assert_str_eq(kept->amount, "10000000000.0");
  ck_assert_str_eq(kept->percentage, "49.0");
  ck_assert_ptr_null(kg_graph_get_fact(g, 1));

  KgTriples *t = triples(g, 1);
  const char *st[4];
  ck_assert_uint_eq(statements(t, st, 4), 1);
  ck_assert_int_eq(strncmp(st[0], BASE "stmt/", strlen(BASE "stmt/")), 0);
  ck_assert_uint_eq(strlen(st[0]), strlen(BASE "stmt/") + 16);
  const char *s = st[0];
  ck_assert(has(t, s, RDF("subject"), BASE "org/microsoft"));
  ck_assert(has(t, s, RDF("predicate"), KG("investsIn")));
  ck_assert(has(t, s, RDF("object"), BASE "org/openai"));
  ck_assert(count_matching(t, s, KG("amount"), "10000000000.0", KG_NS_XSD "decimal", NULL));
  const KgTerm *cur = object_of(t, s, KG("currency"));
  ck_assert_str_eq(cur->value, "USD");
  ck_assert_ptr_null(cur->datatype);
  ck_assert_ptr_null(cur->lang);
  ck_assert(count_matching(t, s, KG("percentage"), "49.0", KG_NS_XSD "decimal", NULL));
  ck_assert(count_matching(t, s, KG("pointInTime"), "2023-01", KG_NS_XSD "gYearMonth", NULL));
  ck_assert(has(t, s, KG("status"), KG("Rumored")));
  ck_assert(count_matching(t, s, KG("exclusive"), "false", KG_NS_XSD "boolean", NULL));
  ck_assert(count_matching(t, s, KG("condition"), f.condition, NULL, "fr"));
  ck_assert(has(t, s, KG("reportedBy"), BASE "org/semafor"));
  ck_assert(count_matching(t, s, KG("confidence"), "0.85", KG_NS_XSD "decimal", NULL));
  ck_assert(count_matching(t, s, KG("evidence"), f.evidence, NULL, "fr"));
  ck_assert(count_matching(t, s, KG("evidenceStart"), "0", KG_NS_XSD "integer", NULL));
  ck_assert(count_matching(t, s, KG("evidenceEnd"), "58", KG_NS_XSD "integer", NULL));
  ck_assert(has(t, s, KG_NS_PROV "wasDerivedFrom", kg_graph_article_iri(g)));
  ck_assert(has(t, s, KG("extractor"), "rules:fr:invest-3"));
  ck_assert(has(t, BASE "org/microsoft", KG("investsIn"), BASE "org/openai"));
  kg_triples_free(t);

  /* without statements: the direct triple alone */
  t = triples(g, 0);
  ck_assert_uint_eq(statements(t, st, 4), 0);
  ck_assert(has(t, BASE "org/microsoft", KG("investsIn"), BASE "org/openai"));
  ck_assert(!has(t, NULL, KG("amount"), NULL));
  kg_triples_free(t);
  kg_graph_free(g);
  kg_article_free(a);
}
END_TEST

START_TEST(test_confidence_rounding) {
  static const struct {
    double c;
    const char *want;
  } cases[] = {{0.0, "0.0"}, {1.0, "1.0"}, {0.5, "0.5"}, {0.854, "0.85"}, {0.856, "0.86"},
               {0.999, "1.0"}, {0.004, "0.0"}, {0.05, "0.05"}, {0.1, "0.1"}, {0.9, "0.9"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    KgGraph *g = kg_graph_new(NULL);
    KgFact f = relation(KG_REL_PARTNER_OF, ent(g, KG_CLASS_COMPANY, "A", NULL),
                        ent(g, KG_CLASS_COMPANY, "B", NULL));
    f.confidence = cases[i].c;
    ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
    KgTriples *t = triples(g, 1);
    ck_assert_msg(count_matching(t, NULL, KG("confidence"), cases[i].want, KG_NS_XSD "decimal", NULL) == 1,
                  "confidence %g is not written %s", cases[i].c, cases[i].want);
    kg_triples_free(t);
    kg_graph_free(g);
  }
}
END_TEST

START_TEST(test_attributes_and_money) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId oa = ent(g, KG_CLASS_COMPANY, "OpenAI", NULL);
  KgFact f = relation(KG_REL_FOUNDING_DATE, oa, KG_NO_ENTITY);
  f.value = "2015";
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  f = relation(KG_REL_LEGAL_FORM, oa, KG_NO_ENTITY);
  f.value = "capped-profit";
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  f = relation(KG_REL_EMPLOYEES, oa, KG_NO_ENTITY);
  f.value = "0375";
  f.value_kind = KG_LIT_INTEGER;
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  f = relation(KG_REL_VALUATION, oa, KG_NO_ENTITY);
  f.amount = "29000000000";
  f.currency = "USD";
  f.status = KG_FACT_STATUS_RUMORED;
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  KgTriples *t = triples(g, 1);
  const char *oi = BASE "org/openai";
  ck_assert(count_matching(t, oi, KG("foundingDate"), "2015", KG_NS_XSD "gYear", NULL));
  const KgTerm *lf = object_of(t, oi, KG("legalForm"));
  ck_assert_str_eq(lf->value, "capped-profit");
  ck_assert_ptr_null(lf->datatype);
  ck_assert_ptr_null(lf->lang);
  ck_assert(count_matching(t, oi, KG("employees"), "375", KG_NS_XSD "integer", NULL));
  /* money is no direct triple and its statement has no rdf:object */
  ck_assert(!has(t, oi, KG("valuation"), NULL));
  ck_assert(!has(t, NULL, KG("revenue"), NULL));
  const char *st[8];
  size_t n = statements(t, st, 8);
  ck_assert_uint_eq(n, 4);
  int money = 0;
  for (size_t i = 0; i < n; i++) {
    if (!has(t, st[i], RDF("predicate"), KG("valuation"))) {
      ck_assert(has(t, st[i], RDF("object"), NULL)); /* attributes keep their literal */
      continue;
    }
    money++;
    ck_assert(!has(t, st[i], RDF("object"), NULL));
    ck_assert(count_matching(t, st[i], KG("amount"), "29000000000.0", KG_NS_XSD "decimal", NULL));
    ck_assert(has(t, st[i], KG("currency"), "USD"));
  }
  ck_assert_int_eq(money, 1);
  ck_assert(count_matching(t, NULL, RDF("object"), "2015", KG_NS_XSD "gYear", NULL));
  kg_triples_free(t);
  kg_graph_free(g);
}
END_TEST

START_TEST(test_statement_identity) {
  KgArticle *a = article("Microsoft et OpenAI.", "fr");
  KgGraph *g = kg_graph_new(NULL);
  kg_graph_set_article(g, a);
  KgEntityId ms = ent(g, KG_CLASS_COMPANY, "Microsoft", NULL);
  KgEntityId oa = ent(g, KG_CLASS_COMPANY, "OpenAI", NULL);
  /* the seed's three investments: one subject, predicate and object, three facts */
  KgFact f1 = relation(KG_REL_INVESTS_IN, ms, oa);
  f1.amount = "10000000000";
  f1.currency = "USD";
  f1.status = KG_FACT_STATUS_RUMORED;
  KgFact f2 = relation(KG_REL_INVESTS_IN, ms, oa);
  f2.point_in_time = "2019";
  f2.status = KG_FACT_STATUS_COMPLETED;
  KgFact f3 = f2;
  f3.point_in_time = "2021";
  ck_assert_int_eq(kg_graph_add_fact(g, &f1), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_add_fact(g, &f2), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_add_fact(g, &f3), KG_SUCCESS);
  ck_assert_uint_eq(kg_graph_fact_count(g), 3);

  /* the same fact again with other provenance: one statement, the higher confidence */
  KgFact again = f1;
  again.confidence = 0.6;
  again.evidence = "first sentence";
  ck_assert_int_eq(kg_graph_add_fact(g, &again), KG_SUCCESS);
  again.confidence = 0.9;
  again.evidence = "second sentence";
  ck_assert_int_eq(kg_graph_add_fact(g, &again), KG_SUCCESS);
  again.confidence = 0.7;
  again.evidence = "third sentence";
  ck_assert_int_eq(kg_graph_add_fact(g, &again), KG_SUCCESS);
  ck_assert_uint_eq(kg_graph_fact_count(g), 3);

  /* a symmetric relation is one fact whichever way round */
  KgFact p1 = relation(KG_REL_PARTNER_OF, oa, ms), p2 = relation(KG_REL_PARTNER_OF, ms, oa);
  ck_assert_int_eq(kg_graph_add_fact(g, &p1), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_add_fact(g, &p2), KG_SUCCESS);
  ck_assert_uint_eq(kg_graph_fact_count(g), 4);

  KgTriples *t = triples(g, 1);
  const char *st[8];
  ck_assert_uint_eq(statements(t, st, 8), 4);
  ck_assert_uint_eq(count_matching(t, BASE "org/microsoft", KG("investsIn"), BASE "org/openai", NULL, NULL), 1);
  ck_assert_uint_eq(count_matching(t, NULL, KG("evidence"), NULL, NULL, NULL), 1);
  ck_assert_uint_eq(count_matching(t, NULL, KG("evidence"), "second sentence", NULL, NULL), 1);
  ck_assert_uint_eq(count_matching(t, NULL, KG("confidence"), "0.9", NULL, NULL), 1);
  ck_assert_uint_eq(count_matching(t, NULL, KG("partnerOf"), NULL, NULL, NULL), 1);

  /* the statement IRIs are the same in another graph built alike, and do not depend on
   * the confidence or the evidence */
  KgGraph *g2 = kg_graph_new(NULL);
  kg_graph_set_article(g2, a);
  ms = ent(g2, KG_CLASS_COMPANY, "Microsoft", NULL);
  oa = ent(g2, KG_CLASS_COMPANY, "OpenAI", NULL);
  f3.subject = f2.subject = f1.subject = ms;
  f3.object = f2.object = f1.object = oa;
  f1.confidence = 0.1;
  f1.evidence = "other";
  kg_graph_add_fact(g2, &f3);
  kg_graph_add_fact(g2, &f1);
  kg_graph_add_fact(g2, &f2);
  KgTriples *t2 = triples(g2, 1);
  const char *st2[8];
  ck_assert_uint_eq(statements(t2, st2, 8), 3);
  for (size_t i = 0; i < 3; i++)
    ck_assert(has(t, st2[i], RDF("type"), RDF("Statement")));
  kg_triples_free(t2);
  kg_graph_free(g2);

  /* another article: other statements */
  KgArticle *b = article("Autre texte.", "fr");
  g2 = kg_graph_new(NULL);
  kg_graph_set_article(g2, b);
  ms = ent(g2, KG_CLASS_COMPANY, "Microsoft", NULL);
  oa = ent(g2, KG_CLASS_COMPANY, "OpenAI", NULL);
  f1.subject = ms;
  f1.object = oa;
  kg_graph_add_fact(g2, &f1);
  t2 = triples(g2, 1);
  ck_assert_uint_eq(statements(t2, st2, 8), 1);
  ck_assert(!has(t, st2[0], NULL, NULL));
  kg_triples_free(t2);
  kg_graph_free(g2);
  kg_article_free(b);
  kg_triples_free(t);
  kg_graph_free(g);
  kg_article_free(a);
}
END_TEST

START_TEST(test_set_class_merges_statements) {
  /* two facts about two entities that become one IRI only at output time cannot happen:
   * set_class refuses; but a class change moves the statement IRIs with the entity */
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId ma = ent(g, KG_CLASS_ORGANIZATION, "Jack Ma", NULL);
  KgEntityId ant = ent(g, KG_CLASS_COMPANY, "Ant Group", NULL);
  KgFact f = relation(KG_REL_CONTROLS, ma, ant);
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  ck_assert_int_eq(kg_graph_entity_set_class(g, ma, KG_CLASS_PERSON), KG_SUCCESS);
  KgTriples *t = triples(g, 1);
  ck_assert(has(t, BASE "person/jack-ma", KG("controls"), BASE "org/ant-group"));
  ck_assert(!has(t, BASE "org/jack-ma", NULL, NULL));
  const char *st[2];
  ck_assert_uint_eq(statements(t, st, 2), 1);
  ck_assert(has(t, st[0], RDF("subject"), BASE "person/jack-ma"));
  kg_triples_free(t);
  kg_graph_free(g);
}
END_TEST

/* Build one graph, adding entities and facts forwards or backwards. */
static KgTriples *build_in_order(int reverse) {
  KgArticle *a = article("Un texte sur Microsoft, OpenAI, Azure et Semafor.", "fr");
  kg_article_set_meta(a, KG_META_PUBLISHER, "Boursier.com");
  KgGraph *g = kg_graph_new(NULL);
  ck_assert_int_eq(kg_graph_set_article(g, a), KG_SUCCESS);
  const char *names[] = {"Microsoft", "OpenAI", "Azure", "Semafor", "Elon Musk"};
  KgClass classes[] = {KG_CLASS_COMPANY, KG_CLASS_COMPANY, KG_CLASS_PRODUCT,
                       KG_CLASS_NEWS_ORGANIZATION, KG_CLASS_PERSON};
  KgEntityId id[5];
  for (int k = 0; k < 5; k++) {
    int i = reverse ? 4 - k : k;
    id[i] = ent(g, classes[i], names[i], NULL);
  }
  KgFact f[6];
  f[0] = relation(KG_REL_INVESTS_IN, id[0], id[1]);
  f[0].amount = "10000000000";
  f[0].currency = "USD";
  f[0].reported_by = id[3];
  f[1] = relation(KG_REL_SUPPLIER_OF, id[2], id[1]);
  f[1].exclusive = 1;
  f[2] = relation(KG_REL_FOUNDED_BY, id[1], id[4]);
  f[3] = relation(KG_REL_PARTNER_OF, id[0], id[1]);
  f[4] = relation(KG_REL_PARTNER_OF, id[1], id[0]);
  f[4].confidence = 0.8;
  f[5] = relation(KG_REL_INVESTS_IN, id[0], id[1]);
  f[5].point_in_time = "2019";
  for (int k = 0; k < 6; k++)
    ck_assert_int_eq(kg_graph_add_fact(g, &f[reverse ? 5 - k : k]), KG_SUCCESS);
  KgTriples *t = triples(g, 1);
  kg_graph_free(g);
  kg_article_free(a);
  return t;
}

START_TEST(test_order_independent) {
  KgTriples *a = build_in_order(0), *b = build_in_order(1);
  ck_assert_uint_eq(kg_triples_count(a), kg_triples_count(b));
  for (size_t i = 0; i < kg_triples_count(a); i++) {
    const KgTriple *x = kg_triples_get(a, i), *y = kg_triples_get(b, i);
    ck_assert(kg_term_equal(&x->s, &y->s));
    ck_assert(kg_term_equal(&x->p, &y->p));
    ck_assert(kg_term_equal(&x->o, &y->o));
    ck_assert_str_eq(x->g, y->g);
  }
  /* sorted and without duplicates */
  for (size_t i = 1; i < kg_triples_count(a); i++) {
    const KgTriple *x = kg_triples_get(a, i - 1), *y = kg_triples_get(a, i);
    int c = strcmp(x->s.value, y->s.value);
    if (!c)
      c = strcmp(x->p.value, y->p.value);
    if (!c)
      c = strcmp(x->o.value, y->o.value);
    ck_assert_int_le(c, 0);
    ck_assert(!(kg_term_equal(&x->s, &y->s) && kg_term_equal(&x->p, &y->p) &&
                kg_term_equal(&x->o, &y->o)));
  }
  kg_triples_free(a);
  kg_triples_free(b);
}
END_TEST

START_TEST(test_hostile_text_is_cleaned) {
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId id = KG_NO_ENTITY;
  ck_assert_int_eq(kg_graph_entity(g, KG_CLASS_PERSON, "Bad\x01Name\xff \"<q>\"", NULL, "not a tag!", &id),
                   KG_SUCCESS);
  KgEntityId o = ent(g, KG_CLASS_COMPANY, "Acme", NULL);
  KgFact f = relation(KG_REL_CEO, o, id);
  f.evidence = "line1\nline2\x0b\xc3";
  ck_assert_int_eq(kg_graph_add_fact(g, &f), KG_SUCCESS);
  KgTriples *t = triples(g, 1);
  const KgTerm *l = object_of(t, kg_graph_entity_iri(g, id), KG_NS_RDFS "label");
  ck_assert_str_eq(l->value, "Bad\xEF\xBF\xBDName\xEF\xBF\xBD \"<q>\"");
  ck_assert_ptr_null(l->lang); /* an invalid tag is dropped, not written */
  ck_assert(has(t, NULL, KG("evidence"), "line1\nline2\xEF\xBF\xBD\xEF\xBF\xBD"));
  kg_triples_free(t);
  kg_graph_free(g);
}
END_TEST

/* ---------------------------------------------------------------- triples list */

START_TEST(test_triples_list) {
  KgTriples *t = kg_triples_new();
  ck_assert_int_eq(kg_triples_add_iri(t, "urn:b", "urn:p", "urn:o"), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_literal(t, "urn:a", "urn:p", "v", NULL, "en"), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_literal(t, "urn:a", "urn:p", "v", NULL, "en"), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_literal(t, "urn:a", "urn:p", "v", KG_NS_XSD "token", NULL), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_iri(t, NULL, "urn:p", "urn:o"), KG_ERR_BAD_ARG);
  ck_assert_uint_eq(kg_triples_count(t), 4);
  ck_assert_int_eq(kg_triples_sort_unique(t), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 3);
  ck_assert_str_eq(kg_triples_get(t, 0)->s.value, "urn:a");
  ck_assert_str_eq(kg_triples_get(t, 2)->s.value, "urn:b");
  ck_assert_ptr_null(kg_triples_get(t, 3));
  /* appending a list to itself doubles it */
  ck_assert_int_eq(kg_triples_append(t, t), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 6);
  ck_assert_int_eq(kg_triples_set_graph(t, "urn:g"), KG_SUCCESS);
  for (size_t i = 0; i < kg_triples_count(t); i++)
    ck_assert_str_eq(kg_triples_get(t, i)->g, "urn:g");
  ck_assert_int_eq(kg_triples_sort_unique(t), KG_SUCCESS);
  ck_assert_uint_eq(kg_triples_count(t), 3);
  /* a triple of the list added to the list again (the array may move meanwhile) */
  for (int i = 0; i < 100; i++)
    ck_assert_int_eq(kg_triples_add(t, kg_triples_get(t, 0)), KG_SUCCESS);
  ck_assert_str_eq(kg_triples_get(t, 102)->s.value, "urn:a");
  KgTerm x = {KG_TERM_LITERAL, "v", NULL, "en"}, y = {KG_TERM_LITERAL, "v", NULL, NULL};
  ck_assert(!kg_term_equal(&x, &y));
  ck_assert(kg_term_equal(&x, &x));
  kg_triples_free(t);
  ck_assert_uint_eq(kg_triples_count(NULL), 0);
}
END_TEST

/* ---------------------------------------------------------------- out of memory */

static long alloc_budget = -1; /* allocations left before failing; -1: no limit */
static void *budget_malloc(size_t n) {
  if (alloc_budget == 0)
    return NULL;
  if (alloc_budget > 0)
    alloc_budget--;
  return malloc(n);
}
static void *budget_realloc(void *p, size_t n) {
  if (alloc_budget == 0)
    return NULL;
  if (alloc_budget > 0)
    alloc_budget--;
  return realloc(p, n);
}

/* The whole path from an article to triples; returns the first failure. */
static KgStatus scenario(size_t *ntriples) {
  KgStatus st = KG_ERR_NOMEM;
  KgTriples *t = NULL;
  KgArticle *a = kg_article_new("a.txt", "Microsoft investit dans OpenAI.", 31);
  KgGraph *g = kg_graph_new(NULL);
  KgEntityId ms, oa, np;
  if (!a || !g)
    goto out;
  if ((st = kg_article_set_meta(a, KG_META_PUBLISHER, "Reuters")) != KG_SUCCESS ||
      (st = kg_graph_set_article(g, a)) != KG_SUCCESS ||
      (st = kg_graph_entity(g, KG_CLASS_COMPANY, "Microsoft Corp.", NULL, "en", &ms)) != KG_SUCCESS ||
      (st = kg_graph_entity(g, KG_CLASS_COMPANY, "OpenAI", NULL, NULL, &oa)) != KG_SUCCESS ||
      (st = kg_graph_entity(g, KG_CLASS_NONPROFIT, "OpenAI", "nonprofit", NULL, &np)) != KG_SUCCESS ||
      (st = kg_graph_entity_add_alias(g, ms, "MSFT")) != KG_SUCCESS ||
      (st = kg_graph_entity_set_label(g, ms, "Microsoft Corporation")) != KG_SUCCESS ||
      (st = kg_graph_entity_set_qid(g, ms, "Q2283")) != KG_SUCCESS)
    goto out;
  KgFact f = relation(KG_REL_INVESTS_IN, ms, oa);
  f.amount = "10000000000";
  f.currency = "USD";
  f.evidence = "Microsoft investit dans OpenAI.";
  f.extractor = "rules:fr:invest-1";
  if ((st = kg_graph_add_fact(g, &f)) != KG_SUCCESS)
    goto out;
  f = relation(KG_REL_GOVERNS, np, oa);
  if ((st = kg_graph_add_fact(g, &f)) != KG_SUCCESS)
    goto out;
  if ((st = kg_graph_to_triples(g, 1, &t)) == KG_SUCCESS)
    *ntriples = kg_triples_count(t);
out:
  kg_triples_free(t);
  kg_graph_free(g);
  kg_article_free(a);
  return st;
}

START_TEST(test_out_of_memory) {
  size_t want = 0, got;
  ck_assert_int_eq(scenario(&want), KG_SUCCESS);
  ck_assert_uint_gt(want, 20);
  KgAllocator al = {budget_malloc, budget_realloc, free};
  kg_set_allocator(&al);
  KgStatus st = KG_ERR_NOMEM;
  long n;
  for (n = 0; n < 5000 && st != KG_SUCCESS; n++) {
    alloc_budget = n;
    got = 0;
    st = scenario(&got);
    ck_assert_msg(st == KG_SUCCESS || st == KG_ERR_NOMEM, "allocation %ld: status %d", n, st);
  }
  alloc_budget = -1;
  kg_set_allocator(NULL);
  ck_assert_int_eq(st, KG_SUCCESS);
  ck_assert_uint_eq(got, want);
  ck_assert_int_gt(n, 10);
}
END_TEST

START_TEST(test_free_null) {
  kg_graph_free(NULL);
  kg_triples_free(NULL);
  kg_fact_init(NULL);
  ck_assert_uint_eq(kg_graph_fact_count(NULL), 0);
  ck_assert_uint_eq(kg_graph_entity_count(NULL), 0);
  ck_assert_ptr_null(kg_graph_article_iri(NULL));
  KgTriples *t = (KgTriples *)1;
  ck_assert_int_eq(kg_graph_to_triples(NULL, 1, &t), KG_ERR_BAD_ARG);
  ck_assert_ptr_null(t);
}
END_TEST

static Suite *kg_graph_suite(void) {
  Suite *s = suite_create("graph");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_entity_iris);
  tcase_add_test(tc, test_entity_bad_args);
  tcase_add_test(tc, test_class_refinement);
  tcase_add_test(tc, test_labels_and_aliases);
  tcase_add_test(tc, test_qualified_entity);
  tcase_add_test(tc, test_article_node);
  tcase_add_test(tc, test_fact_validation);
  tcase_add_test(tc, test_statement_qualifiers);
  tcase_add_test(tc, test_confidence_rounding);
  tcase_add_test(tc, test_attributes_and_money);
  tcase_add_test(tc, test_statement_identity);
  tcase_add_test(tc, test_set_class_merges_statements);
  tcase_add_test(tc, test_order_independent);
  tcase_add_test(tc, test_hostile_text_is_cleaned);
  tcase_add_test(tc, test_triples_list);
  tcase_add_test(tc, test_out_of_memory);
  tcase_add_test(tc, test_free_null);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_graph_suite)
