/* vocab.c - the terms of the kgbuild vocabulary (shared/spec/VOCABULARY.md) by name. */
#include "config.h"

#include <string.h>

#include <kgbuild/vocab.h>

#include "graph/graph_internal.h"

static const char *const kgi_class_names[KG_CLASS__COUNT] = {
    "Organization", "Company", "NonProfit", "InvestmentFirm", "NewsOrganization",
    "GovernmentBody", "Person", "Product", "Place"};

static const char *const kgi_relation_names[KG_REL__COUNT] = {
    "investsIn",   "acquired",      "subsidiaryOf",     "governs",      "controls",
    "ownsStakeIn", "profitShareIn", "partnerOf",        "supplierOf",   "competitorOf",
    "foundedBy",   "ceo",           "chair",            "basedIn",      "develops",
    "usesTechnologyOf", "foundingDate", "legalForm",    "employees",    "valuation",
    "revenue"};

static const char *const kgi_status_names[KG_FACT_STATUS__COUNT] = {
    NULL, "Rumored", "Proposed", "Announced", "Completed", "Cancelled"};

const char *kg_class_name(KgClass c) {
  return (unsigned)c < KG_CLASS__COUNT ? kgi_class_names[c] : NULL;
}

int kg_class_from_name(const char *name, KgClass *out) {
  if (!name)
    return -1;
  for (int i = 0; i < KG_CLASS__COUNT; i++)
    if (strcmp(kgi_class_names[i], name) == 0) {
      if (out)
        *out = (KgClass)i;
      return 0;
    }
  return -1;
}

int kg_class_is_organization(KgClass c) {
  switch (c) {
  case KG_CLASS_ORGANIZATION:
  case KG_CLASS_COMPANY:
  case KG_CLASS_NONPROFIT:
  case KG_CLASS_INVESTMENT_FIRM:
  case KG_CLASS_NEWS_ORGANIZATION:
  case KG_CLASS_GOVERNMENT_BODY:
    return 1;
  default:
    return 0;
  }
}

const char *kg_class_iri_segment(KgClass c) {
  if (kg_class_is_organization(c))
    return "org";
  switch (c) {
  case KG_CLASS_PERSON: return "person";
  case KG_CLASS_PRODUCT: return "product";
  case KG_CLASS_PLACE: return "place";
  default: return NULL;
  }
}

const char *kg_relation_name(KgRelation r) {
  return (unsigned)r < KG_REL__COUNT ? kgi_relation_names[r] : NULL;
}

int kg_relation_from_name(const char *name, KgRelation *out) {
  if (!name)
    return -1;
  for (int i = 0; i < KG_REL__COUNT; i++)
    if (strcmp(kgi_relation_names[i], name) == 0) {
      if (out)
        *out = (KgRelation)i;
      return 0;
    }
  return -1;
}

int kg_relation_is_entity(KgRelation r) {
  return (unsigned)r <= (unsigned)KG_REL_USES_TECHNOLOGY_OF;
}

int kg_relation_is_statement_only(KgRelation r) {
  return r == KG_REL_VALUATION || r == KG_REL_REVENUE;
}

int kg_relation_is_symmetric(KgRelation r) {
  return r == KG_REL_PARTNER_OF || r == KG_REL_COMPETITOR_OF;
}

const char *kg_fact_status_name(KgFactStatus s) {
  return (unsigned)s < KG_FACT_STATUS__COUNT ? kgi_status_names[s] : NULL;
}

#define KGI_T(x) KG_NS x
/* Keep in step with graph.c: every kg: IRI it can write. tests/check_ontology.c
 * fails when ontology/kg.ttl does not declare one of these. */
static const char *const kgi_vocabulary[] = {
    /* classes */
    KGI_T("Organization"), KGI_T("Company"), KGI_T("NonProfit"), KGI_T("InvestmentFirm"),
    KGI_T("NewsOrganization"), KGI_T("GovernmentBody"), KGI_T("Person"), KGI_T("Product"),
    KGI_T("Place"), KGI_T("Article"), KGI_T("Status"),
    /* relations and attributes */
    KGI_T("investsIn"), KGI_T("acquired"), KGI_T("subsidiaryOf"), KGI_T("governs"),
    KGI_T("controls"), KGI_T("ownsStakeIn"), KGI_T("profitShareIn"), KGI_T("partnerOf"),
    KGI_T("supplierOf"), KGI_T("competitorOf"), KGI_T("foundedBy"), KGI_T("ceo"),
    KGI_T("chair"), KGI_T("basedIn"), KGI_T("develops"), KGI_T("usesTechnologyOf"),
    KGI_T("foundingDate"), KGI_T("legalForm"), KGI_T("employees"), KGI_T("valuation"),
    KGI_T("revenue"),
    /* status individuals */
    KGI_T("Rumored"), KGI_T("Proposed"), KGI_T("Announced"), KGI_T("Completed"),
    KGI_T("Cancelled"),
    /* qualifiers and provenance */
    KGI_T("amount"), KGI_T("currency"), KGI_T("percentage"), KGI_T("pointInTime"),
    KGI_T("status"), KGI_T("exclusive"), KGI_T("condition"), KGI_T("reportedBy"),
    KGI_T("confidence"), KGI_T("evidence"), KGI_T("evidenceStart"), KGI_T("evidenceEnd"),
    KGI_T("extractor"),
    /* article */
    KGI_T("sha256")};

const char *const *kgi_graph_vocabulary(size_t *n) {
  *n = sizeof kgi_vocabulary / sizeof kgi_vocabulary[0];
  return kgi_vocabulary;
}
