/*
 * kgbuild/rdf.h - writing and reading RDF (through Raptor 2; nothing else in kgbuild
 * sees Raptor). Every format is written by Raptor's own serializers. Turtle, RDF/JSON
 * and RDF/XML are buffered and sorted (so output does not depend on insertion order);
 * N-Triples and N-Quads stream. Raptor 2.0.15 bugs are worked around on our side:
 * decimals use the XSD 1.0 canonical form ("10.0"), which keeps their datatype when
 * Raptor abbreviates them in Turtle; a filter rewrites RDF/JSON's non-JSON `\U` escapes
 * as surrogate pairs; foreign data that Raptor's Turtle writer cannot write faithfully
 * (odd numeric literals, names ending in '.', unanchored blank-node cycles, broken lists)
 * is written as N-Triples (valid Turtle) with a warning, and RDF/XML with blank-node
 * cycles is written unabbreviated.
 *
 * Whatever the triples hold, the output parses: literals are written with ill-formed
 * UTF-8 and the characters XML 1.0 cannot carry (controls other than TAB, LF and CR,
 * DEL, C1 controls, U+FFFE, U+FFFF) replaced by U+FFFD; bytes not allowed in an IRI
 * are percent-encoded; a CR not followed by LF becomes LF; an invalid language tag is
 * dropped with a warning; xsd:string is written as a plain literal. A relative IRI, a literal subject or a non-IRI
 * predicate cannot be written (KG_ERR_BAD_ARG).
 */
#ifndef KGBUILD_RDF_H
#define KGBUILD_RDF_H

#include <stdio.h>
#include <kgbuild/triples.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef enum {
  KG_FORMAT_TURTLE = 0,
  KG_FORMAT_NTRIPLES,
  KG_FORMAT_NQUADS,
  KG_FORMAT_RDFXML,
  KG_FORMAT_JSON /**< RDF/JSON */
} KgFormat;

/** Parse "turtle", "ttl", "ntriples", "nt", "nquads", "nq", "rdfxml", "xml", "json". 0 ok, -1 unknown. */
KG_API int kg_format_from_name(const char *name, KgFormat *out);
/** Canonical name ("turtle"). */
KG_API const char *kg_format_name(KgFormat f);

typedef struct KgWriterImpl KgWriter;

/**
 * A writer that serializes to @p out (borrowed; not closed) in @p format. Turtle and
 * RDF/XML declare the usual prefixes (rdf, kg, rdfs, owl, xsd, skos, schema, org, prov,
 * dcterms, wd, wdt) and, when @p base is given, kgid: for the base and kgorg:,
 * kgperson:, kgproduct:, kgplace:, kgarticle:, kgstmt: for its segments. Several
 * kg_writer_write() calls may follow; the output is one document. N-Quads writes each
 * triple in its graph (KgTriple.g); the other formats ignore graphs. Turtle and RDF/JSON
 * keep every triple until kg_writer_finish() and write them sorted and without
 * duplicates (byte-identical whatever the order they came in); N-Triples, N-Quads and
 * RDF/XML stream them in the order given. NULL on failure (@p log says why).
 */
KG_API KgWriter *kg_writer_new(FILE *out, KgFormat format, const char *base,
                               const KgLog *log);
/**
 * Serialize every triple of @p t. KG_ERR_IO when the output already failed (a full
 * disk), KG_ERR_BAD_ARG for a triple that cannot be written, KG_ERR_RDF when Raptor
 * refuses one (e.g. an RDF/XML predicate that has no XML qualified name).
 */
KG_API KgStatus kg_writer_write(KgWriter *w, const KgTriples *t);
/**
 * End the document and flush. Returns KG_ERR_IO when anything could not be written
 * (e.g. the disk is full); the caller must then not claim success.
 */
KG_API KgStatus kg_writer_finish(KgWriter *w);
KG_API void kg_writer_free(KgWriter *w);

/** Write @p t to @p out as one whole document (new + write + finish + free). */
KG_API KgStatus kg_rdf_write(FILE *out, KgFormat format, const char *base,
                             const KgTriples *t, const KgLog *log);

/**
 * Parse an RDF file (Turtle, N-Triples, N-Quads, RDF/XML, RDF/JSON, TriG; @p syntax
 * is a Raptor syntax name, a kgbuild format name ("ttl"), or NULL to guess from the
 * extension and then the content) and append its triples to @p t: blank nodes as
 * KG_TERM_BLANK, the graph of a quad in KgTriple.g, language tags in lower case.
 * Errors go to @p log with "FILE:LINE" as source and return KG_ERR_PARSE, or KG_ERR_IO
 * when the file cannot be read; then nothing is appended. The parser never reaches the
 * network or other files (no external entities).
 */
KG_API KgStatus kg_rdf_read_file(const char *path, const char *syntax, KgTriples *t,
                                 const KgLog *log);
/** Same from memory; @p name is used in messages and as base IRI when @p base is NULL. */
KG_API KgStatus kg_rdf_read_bytes(const char *data, size_t len, const char *name,
                                  const char *syntax, const char *base, KgTriples *t,
                                  const KgLog *log);

#ifdef __cplusplus
}
#endif
#endif
