/*
 * kgbuild/rdf.h - writing and reading RDF (through Raptor 2; nothing else in kgbuild
 * sees Raptor).
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
 * RDF/XML declare the usual prefixes (kg, schema, rdf, rdfs, owl, xsd, skos, prov,
 * dcterms, wd, and the resource base). Several kg_writer_write() calls may follow; the
 * output is one document. N-Quads writes each triple in its graph (KgTriple.g).
 * NULL on failure (@p log says why).
 */
KG_API KgWriter *kg_writer_new(FILE *out, KgFormat format, const char *base,
                               const KgLog *log);
/** Serialize every triple of @p t. */
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
 * Parse an RDF file (Turtle, N-Triples, N-Quads, RDF/XML; @p syntax is a Raptor
 * syntax name or NULL to guess from the name and content) and append its triples
 * to @p t. Errors name the file and line through @p log and return KG_ERR_PARSE or
 * KG_ERR_IO.
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
