/*
 * graph_internal.h - helpers shared by the graph module and the RDF writer: UTF-8
 * decoding and cleaning, IRI percent-encoding, lexical forms. Not API.
 */
#ifndef KG_GRAPH_INTERNAL_H
#define KG_GRAPH_INTERNAL_H

#include <stddef.h>
#include <stdint.h>
#include <kgbuild/graph.h>

/**
 * Decode one UTF-8 character of @p s (at most @p len bytes). Returns its length in
 * bytes (>= 1) and sets *cp; an ill-formed sequence (overlong, surrogate, above
 * U+10FFFF, truncated) gives length 1 and *cp = 0xFFFFFFFF.
 */
size_t kgi_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp);

/**
 * Text made safe for every RDF syntax kgbuild writes, RDF/XML included: ill-formed
 * UTF-8, the characters XML 1.0 forbids (U+0001-U+0008, U+000B, U+000C,
 * U+000E-U+001F, U+FFFE, U+FFFF) and DEL with the C1 controls (U+007F-U+009F, which
 * Raptor's XML writer refuses) become U+FFFD; TAB, LF and CR are kept, except that a
 * CR not followed by LF becomes LF (Raptor's Turtle writer cannot carry it: see
 * lexical.c). Returns a new string (kg_free) or NULL when out of memory.
 */
char *kgi_text_clean(const char *s);
/** 1 when kgi_text_clean() would return @p s unchanged. */
int kgi_text_is_clean(const char *s);

/**
 * An IRI with every byte that may not appear in an IRI (controls, space, <>"{}|^`\
 * and ill-formed UTF-8) percent-encoded. New string (kg_free) or NULL (out of memory).
 */
char *kgi_iri_clean(const char *iri);
/** 1 when kgi_iri_clean() would leave @p iri as it is and it has a scheme. */
int kgi_iri_is_valid(const char *iri);
/** The length of @p iri when it is valid (as above) and all ASCII, the common case that
 * needs no decoding; else 0. */
size_t kgi_iri_ascii_len(const char *iri);

/**
 * A BCP 47-looking language tag in lower case ("en-gb" from "en_GB"), or NULL when
 * @p tag is NULL, empty or not of the form [a-zA-Z]+(-[a-zA-Z0-9]+)*. New string.
 * *bad is set to 1 when a non-empty tag had to be dropped (out-of-memory also gives
 * NULL with *bad 0; callers that must tell the two apart check the input).
 */
char *kgi_lang_clean(const char *tag, int *bad);

/**
 * The XML Schema 1.0 canonical xsd:decimal form of @p s, which always has a point with
 * a digit on each side ("10000000000" -> "10000000000.0", "007.50" -> "7.5",
 * "+3" -> "3.0", ".5" -> "0.5", "-0" -> "0.0"), into a new string (kg_free), or NULL
 * when @p s is not a plain decimal (no exponent, no thousands separators, no spaces)
 * or on out-of-memory. Every xsd:decimal kgbuild writes has this form: it also keeps
 * the datatype where Raptor's Turtle writer abbreviates decimals (see lexical.c).
 */
char *kgi_decimal_canonical(const char *s);
/** 1 when @p s is a plain decimal kgi_decimal_canonical() accepts. */
int kgi_is_decimal(const char *s);

/** 1 when @p s is an xsd:integer lexical form: [+-]?[0-9]+. */
int kgi_is_integer_lexical(const char *s);
/**
 * Canonical xsd:integer form of @p s ("0375" -> "375", "+3" -> "3", "-0" -> "0") into a
 * new string (kg_free), or NULL when @p s is no [+-]?[0-9]+ or on out-of-memory.
 */
char *kgi_integer_canonical(const char *s);

/** Datatype (an xsd: IRI) of a date by its shape: gYear, gYearMonth, date; NULL if none. */
const char *kgi_date_datatype(const char *s);

/**
 * The order of kg_triples_sort_unique(): graph, then subject, predicate, object (each
 * by term type, value, datatype, language); 0 only for triples equal in every part.
 */
int kgi_triple_compare(const KgTriple *a, const KgTriple *b);
/** Sort @p n triples in kgi_triple_compare() order, equal ones left in their order. */
void kgi_triples_sort(KgTriple *v, size_t n);

/** Drop every triple after the first @p n (n <= count): undo a failed append. */
void kgi_triples_truncate(KgTriples *t, size_t n);

/**
 * Every kg: term (full IRI) the graph module can emit: classes, properties, status
 * individuals, qualifier and provenance properties. Static; *n gets the count.
 */
const char *const *kgi_graph_vocabulary(size_t *n);

/* KgiArena (the triple list's strings, the graph's triple scratch) is in util/util.h. */

#endif
