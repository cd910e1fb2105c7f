/*
 * kgbuild/vocab.h - the namespace IRIs and the terms of the kgbuild vocabulary
 * (ontology/kg.ttl, shared/spec/VOCABULARY.md), as enumerations with their local names.
 */
#ifndef KGBUILD_VOCAB_H
#define KGBUILD_VOCAB_H

#include <kgbuild/common.h>

#ifdef __cplusplus
extern "C" {
#endif

#define KG_NS "https://w3id.org/kgbuild/ns#"
#define KG_DEFAULT_BASE "https://w3id.org/kgbuild/id/"
#define KG_NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define KG_NS_RDFS "http://www.w3.org/2000/01/rdf-schema#"
#define KG_NS_OWL "http://www.w3.org/2002/07/owl#"
#define KG_NS_XSD "http://www.w3.org/2001/XMLSchema#"
#define KG_NS_SKOS "http://www.w3.org/2004/02/skos/core#"
#define KG_NS_SCHEMA "https://schema.org/"
#define KG_NS_ORG "http://www.w3.org/ns/org#"
#define KG_NS_PROV "http://www.w3.org/ns/prov#"
#define KG_NS_DCTERMS "http://purl.org/dc/terms/"
#define KG_NS_WD "http://www.wikidata.org/entity/"
#define KG_NS_WDT "http://www.wikidata.org/prop/direct/"

/** Entity classes; each entity is typed with its most specific class only. */
typedef enum {
  KG_CLASS_ORGANIZATION = 0,
  KG_CLASS_COMPANY,
  KG_CLASS_NONPROFIT,
  KG_CLASS_INVESTMENT_FIRM,
  KG_CLASS_NEWS_ORGANIZATION,
  KG_CLASS_GOVERNMENT_BODY,
  KG_CLASS_PERSON,
  KG_CLASS_PRODUCT,
  KG_CLASS_PLACE,
  KG_CLASS__COUNT
} KgClass;

/** "Company" for KG_CLASS_COMPANY, ...; NULL when out of range. */
KG_API const char *kg_class_name(KgClass c);
/** Parse a local name ("Company"); returns 0 and sets *out, or -1 when unknown. */
KG_API int kg_class_from_name(const char *name, KgClass *out);
/** 1 for the organization classes (Organization and its subclasses). */
KG_API int kg_class_is_organization(KgClass c);
/** IRI path segment of the class's entities: "org", "person", "product", "place". */
KG_API const char *kg_class_iri_segment(KgClass c);

/**
 * Predicates of facts. Relations between entities come first; then the attributes
 * whose value is a literal; valuation and revenue exist only as statements (no direct
 * triple, no rdf:object) and carry their money in kg:amount / kg:currency.
 */
typedef enum {
  KG_REL_INVESTS_IN = 0,
  KG_REL_ACQUIRED,
  KG_REL_SUBSIDIARY_OF,
  KG_REL_GOVERNS,
  KG_REL_CONTROLS,
  KG_REL_OWNS_STAKE_IN,
  KG_REL_PROFIT_SHARE_IN,
  KG_REL_PARTNER_OF,
  KG_REL_SUPPLIER_OF,
  KG_REL_COMPETITOR_OF,
  KG_REL_FOUNDED_BY,
  KG_REL_CEO,
  KG_REL_CHAIR,
  KG_REL_BASED_IN,
  KG_REL_DEVELOPS,
  KG_REL_USES_TECHNOLOGY_OF,
  /* attributes (literal objects) */
  KG_REL_FOUNDING_DATE,
  KG_REL_LEGAL_FORM,
  KG_REL_EMPLOYEES,
  /* statement-only */
  KG_REL_VALUATION,
  KG_REL_REVENUE,
  KG_REL__COUNT
} KgRelation;

/** "investsIn", ...; NULL when out of range. */
KG_API const char *kg_relation_name(KgRelation r);
KG_API int kg_relation_from_name(const char *name, KgRelation *out);
/** 1 when the object is an entity (not a literal, not statement-only). */
KG_API int kg_relation_is_entity(KgRelation r);
/** 1 for kg:valuation and kg:revenue. */
KG_API int kg_relation_is_statement_only(KgRelation r);
/** 1 for kg:partnerOf and kg:competitorOf. */
KG_API int kg_relation_is_symmetric(KgRelation r);

/** Deal / fact status (kg:Status individuals). */
typedef enum {
  KG_FACT_STATUS_NONE = 0,
  KG_FACT_STATUS_RUMORED,
  KG_FACT_STATUS_PROPOSED,
  KG_FACT_STATUS_ANNOUNCED,
  KG_FACT_STATUS_COMPLETED,
  KG_FACT_STATUS_CANCELLED,
  KG_FACT_STATUS__COUNT
} KgFactStatus;

/** "Rumored", ...; NULL for NONE or out of range. */
KG_API const char *kg_fact_status_name(KgFactStatus s);

#ifdef __cplusplus
}
#endif
#endif
