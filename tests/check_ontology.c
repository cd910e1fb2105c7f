/* check_ontology.c - ontology/kg.ttl, read with kgbuild's own reader, declares every
 * term kgbuild writes, in English and French, with the alignments of VOCABULARY.md;
 * ontology/shapes.ttl speaks of no undeclared term. */
#include "config.h"

#include <kgbuild/graph.h>
#include <kgbuild/rdf.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_tap.h"
#include "graph/graph_internal.h"

#define KG(x) KG_NS x
#define RDFS(x) KG_NS_RDFS x
#define OWL(x) KG_NS_OWL x

static KgTriples *onto, *shapes;

static void data_file(char *out, size_t n, const char *name) {
  const char *d = getenv("KGBUILD_DATA_DIR");
  snprintf(out, n, "%s/%s", d && *d ? d : KG_SRCDATADIR, name);
}

static void load(void) {
  char path[1024];
  onto = kg_triples_new();
  shapes = kg_triples_new();
  data_file(path, sizeof path, "kg.ttl");
  ck_assert_msg(kg_rdf_read_file(path, NULL, onto, NULL) == KG_SUCCESS, "cannot read %s", path);
  data_file(path, sizeof path, "shapes.ttl");
  ck_assert_msg(kg_rdf_read_file(path, NULL, shapes, NULL) == KG_SUCCESS, "cannot read %s", path);
}

static void unload(void) {
  kg_triples_free(onto);
  kg_triples_free(shapes);
}

static int has(const KgTriples *t, const char *s, const char *p, const char *o) {
  for (size_t i = 0; i < kg_triples_count(t); i++) {
    const KgTriple *x = kg_triples_get(t, i);
    if ((!s || strcmp(x->s.value, s) == 0) && strcmp(x->p.value, p) == 0 &&
        (!o || strcmp(x->o.value, o) == 0))
      return 1;
  }
  return 0;
}

static int has_lang(const KgTriples *t, const char *s, const char *p, const char *lang) {
  for (size_t i = 0; i < kg_triples_count(t); i++) {
    const KgTriple *x = kg_triples_get(t, i);
    if (strcmp(x->s.value, s) == 0 && strcmp(x->p.value, p) == 0 && x->o.type == KG_TERM_LITERAL &&
        x->o.lang && strcmp(x->o.lang, lang) == 0 && x->o.value[0])
      return 1;
  }
  return 0;
}

static void assert_documented(const char *iri) {
  static const char *langs[] = {"en", "fr"};
  for (int i = 0; i < 2; i++) {
    ck_assert_msg(has_lang(onto, iri, RDFS("label"), langs[i]), "%s has no rdfs:label@%s", iri, langs[i]);
    ck_assert_msg(has_lang(onto, iri, RDFS("comment"), langs[i]), "%s has no rdfs:comment@%s", iri, langs[i]);
  }
}

static int declared(const char *iri) {
  static const char *kinds[] = {OWL("Class"), OWL("ObjectProperty"), OWL("DatatypeProperty"),
                                OWL("NamedIndividual"), KG_NS_RDF "Property", RDFS("Datatype")};
  for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
    if (has(onto, iri, KG_NS_RDF "type", kinds[i]))
      return 1;
  return 0;
}

START_TEST(test_every_written_term_is_declared) {
  size_t n;
  const char *const *terms = kgi_graph_vocabulary(&n);
  ck_assert_uint_gt(n, 50);
  for (size_t i = 0; i < n; i++) {
    ck_assert_msg(declared(terms[i]), "%s is written but not declared in kg.ttl", terms[i]);
    assert_documented(terms[i]);
  }
}
END_TEST

START_TEST(test_enums_are_in_the_ontology) {
  char iri[256];
  for (int c = 0; c < KG_CLASS__COUNT; c++) {
    snprintf(iri, sizeof iri, KG_NS "%s", kg_class_name((KgClass)c));
    ck_assert_msg(has(onto, iri, KG_NS_RDF "type", OWL("Class")), "%s is no owl:Class", iri);
    assert_documented(iri);
    /* organization classes lead to kg:Organization, the others do not */
    int org = 0;
    char cur[256];
    snprintf(cur, sizeof cur, "%s", iri);
    for (int depth = 0; depth < 5; depth++) {
      if (strcmp(cur, KG("Organization")) == 0) {
        org = 1;
        break;
      }
      const char *up = NULL;
      for (size_t i = 0; i < kg_triples_count(onto); i++) {
        const KgTriple *x = kg_triples_get(onto, i);
        if (!strcmp(x->s.value, cur) && !strcmp(x->p.value, RDFS("subClassOf")) &&
            !strncmp(x->o.value, KG_NS, strlen(KG_NS)))
          up = x->o.value;
      }
      if (!up)
        break;
      snprintf(cur, sizeof cur, "%s", up);
    }
    ck_assert_msg(org == kg_class_is_organization((KgClass)c), "%s: subclass of kg:Organization is %d", iri, org);
  }
  ck_assert(has(onto, KG("InvestmentFirm"), RDFS("subClassOf"), KG("Company")));
  for (int r = 0; r < KG_REL__COUNT; r++) {
    snprintf(iri, sizeof iri, KG_NS "%s", kg_relation_name((KgRelation)r));
    const char *kind = kg_relation_is_entity((KgRelation)r) ? OWL("ObjectProperty") : OWL("DatatypeProperty");
    ck_assert_msg(has(onto, iri, KG_NS_RDF "type", kind), "%s is no %s", iri, kind);
    ck_assert_msg(has(onto, iri, RDFS("domain"), NULL), "%s has no rdfs:domain", iri);
    ck_assert_msg(has(onto, iri, RDFS("range"), NULL), "%s has no rdfs:range", iri);
    ck_assert_msg(has(onto, iri, KG_NS_RDF "type", OWL("SymmetricProperty")) ==
                      kg_relation_is_symmetric((KgRelation)r),
                  "%s: owl:SymmetricProperty disagrees with kg_relation_is_symmetric()", iri);
    assert_documented(iri);
  }
  for (int s = KG_FACT_STATUS_NONE + 1; s < KG_FACT_STATUS__COUNT; s++) {
    snprintf(iri, sizeof iri, KG_NS "%s", kg_fact_status_name((KgFactStatus)s));
    ck_assert_msg(has(onto, iri, KG_NS_RDF "type", KG("Status")), "%s is no kg:Status", iri);
    ck_assert_msg(has(onto, iri, KG_NS_RDF "type", OWL("NamedIndividual")), "%s is no individual", iri);
    assert_documented(iri);
  }
}
END_TEST

START_TEST(test_alignments) {
  static const struct {
    const char *s, *p, *o;
  } want[] = {
      {KG("Organization"), OWL("equivalentClass"), KG_NS_SCHEMA "Organization"},
      {KG("Organization"), OWL("equivalentClass"), KG_NS_ORG "Organization"},
      {KG("Organization"), OWL("equivalentClass"), KG_NS_WD "Q43229"},
      {KG("Company"), OWL("equivalentClass"), KG_NS_SCHEMA "Corporation"},
      {KG("Company"), OWL("equivalentClass"), KG_NS_WD "Q4830453"},
      {KG("NonProfit"), OWL("equivalentClass"), KG_NS_SCHEMA "NGO"},
      {KG("NonProfit"), OWL("equivalentClass"), KG_NS_WD "Q163740"},
      {KG("NewsOrganization"), OWL("equivalentClass"), KG_NS_SCHEMA "NewsMediaOrganization"},
      {KG("GovernmentBody"), OWL("equivalentClass"), KG_NS_SCHEMA "GovernmentOrganization"},
      {KG("Person"), OWL("equivalentClass"), KG_NS_WD "Q5"},
      {KG("Person"), OWL("equivalentClass"), KG_NS_SCHEMA "Person"},
      {KG("Product"), OWL("equivalentClass"), KG_NS_SCHEMA "Product"},
      {KG("Place"), OWL("equivalentClass"), KG_NS_SCHEMA "Place"},
      {KG("Article"), OWL("equivalentClass"), KG_NS_SCHEMA "NewsArticle"},
      {KG("Article"), RDFS("subClassOf"), KG_NS_PROV "Entity"},
      {KG("investsIn"), OWL("inverseOf"), KG_NS_WDT "P1951"},
      {KG("subsidiaryOf"), OWL("equivalentProperty"), KG_NS_SCHEMA "parentOrganization"},
      {KG("subsidiaryOf"), OWL("equivalentProperty"), KG_NS_WDT "P749"},
      {KG("governs"), RDFS("subPropertyOf"), KG("controls")},
      {KG("foundedBy"), OWL("equivalentProperty"), KG_NS_SCHEMA "founder"},
      {KG("foundedBy"), OWL("equivalentProperty"), KG_NS_WDT "P112"},
      {KG("ceo"), OWL("equivalentProperty"), KG_NS_WDT "P169"},
      {KG("chair"), OWL("equivalentProperty"), KG_NS_WDT "P488"},
      {KG("develops"), OWL("inverseOf"), KG_NS_WDT "P178"},
      {KG("foundingDate"), OWL("equivalentProperty"), KG_NS_SCHEMA "foundingDate"},
      {KG("foundingDate"), OWL("equivalentProperty"), KG_NS_WDT "P571"},
      {KG("employees"), RDFS("range"), KG_NS_XSD "integer"},
      {KG("amount"), RDFS("range"), KG_NS_XSD "decimal"},
      {KG("exclusive"), RDFS("range"), KG_NS_XSD "boolean"},
      {KG("status"), RDFS("range"), KG("Status")},
      {KG("evidenceStart"), RDFS("range"), KG_NS_XSD "integer"},
      {KG("basedIn"), RDFS("range"), KG("Place")},
      {KG("ceo"), RDFS("range"), KG("Person")},
  };
  for (size_t i = 0; i < sizeof want / sizeof want[0]; i++)
    ck_assert_msg(has(onto, want[i].s, want[i].p, want[i].o), "kg.ttl lacks <%s> <%s> <%s>", want[i].s,
                  want[i].p, want[i].o);
}
END_TEST

START_TEST(test_header_and_every_kg_term) {
  ck_assert(has(onto, "https://w3id.org/kgbuild/ns", KG_NS_RDF "type", OWL("Ontology")));
  ck_assert(has(onto, "https://w3id.org/kgbuild/ns", OWL("versionInfo"), PACKAGE_VERSION));
  /* whatever kg: term kg.ttl declares, it documents in both languages */
  for (size_t i = 0; i < kg_triples_count(onto); i++) {
    const KgTriple *x = kg_triples_get(onto, i);
    if (x->s.type == KG_TERM_IRI && !strncmp(x->s.value, KG_NS, strlen(KG_NS)) &&
        !strcmp(x->p.value, KG_NS_RDF "type"))
      assert_documented(x->s.value);
  }
}
END_TEST

START_TEST(test_shapes_use_declared_terms) {
  size_t kg_terms = 0;
  for (size_t i = 0; i < kg_triples_count(shapes); i++) {
    const KgTriple *x = kg_triples_get(shapes, i);
    const KgTerm *terms[3] = {&x->s, &x->p, &x->o};
    for (int k = 0; k < 3; k++)
      if (terms[k]->type == KG_TERM_IRI && !strncmp(terms[k]->value, KG_NS, strlen(KG_NS))) {
        kg_terms++;
        ck_assert_msg(declared(terms[k]->value), "shapes.ttl uses undeclared %s", terms[k]->value);
      }
  }
  ck_assert_uint_gt(kg_terms, 50);
  ck_assert(has(shapes, NULL, "http://www.w3.org/ns/shacl#targetClass", KG_NS_RDF "Statement"));
  ck_assert(has(shapes, NULL, "http://www.w3.org/ns/shacl#targetClass", KG("Article")));
  ck_assert(has(shapes, NULL, "http://www.w3.org/ns/shacl#pattern", "^[A-Z]{3}$"));
  ck_assert(has(shapes, NULL, "http://www.w3.org/ns/shacl#pattern", "^[0-9a-f]{64}$"));
}
END_TEST

static Suite *kg_ontology_suite(void) {
  Suite *s = suite_create("ontology");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, load, unload);
  tcase_add_test(tc, test_every_written_term_is_declared);
  tcase_add_test(tc, test_enums_are_in_the_ontology);
  tcase_add_test(tc, test_alignments);
  tcase_add_test(tc, test_header_and_every_kg_term);
  tcase_add_test(tc, test_shapes_use_declared_terms);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_ontology_suite)
