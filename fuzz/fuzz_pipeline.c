/*
 * fuzz_pipeline.c - one libFuzzer harness for the whole text path: bytes are ingested
 * (as text or, when the first byte is odd, as HTML), extracted, and the graph is
 * written as N-Triples. Anything but a clean return is a bug: a crash, a sanitizer
 * report, a hang (libFuzzer's -timeout) or output Raptor cannot read back.
 *
 *   ./configure --enable-fuzzing CC=clang && make fuzz/fuzz_pipeline
 *   KGBUILD_DATA_DIR=ontology fuzz/fuzz_pipeline -max_len=4096 -timeout=10 fuzz/corpus
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include <kgbuild/kgbuild.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static KgExtractor *kgf_extractor(void) {
  static KgExtractor *ex;
  if (!ex) {
    const char *dir = getenv("KGBUILD_DATA_DIR");
    KgExtractorOptions o = {dir ? dir : "ontology", NULL, 0, NULL, 0, "auto"};
    if (kg_extractor_new(&o, NULL, &ex) != KG_SUCCESS) {
      fprintf(stderr, "fuzz: cannot load the data directory (set KGBUILD_DATA_DIR)\n");
      abort();
    }
  }
  return ex;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
  KgIngestOptions io = {1 << 20, size && (data[0] & 1) ? KG_INPUT_HTML : KG_INPUT_TEXT};
  KgArticle *a = NULL;
  if (kg_ingest_bytes((const char *)data, size, "fuzz", NULL, &io, NULL, &a) != KG_SUCCESS)
    return 0;
  if (!kg_article_get_meta(a, KG_META_LANGUAGE))
    kg_article_set_meta(a, KG_META_LANGUAGE,
                        kg_detect_language(kg_article_text(a), kg_article_length(a)));
  KgGraph *g = kg_graph_new(NULL);
  KgTriples *t = NULL, *back = NULL;
  char *buf = NULL;
  size_t len = 0;
  if (!g || kg_graph_set_article(g, a) != KG_SUCCESS ||
      kg_extract(kgf_extractor(), a, g, NULL) != KG_SUCCESS ||
      kg_graph_to_triples(g, 1, &t) != KG_SUCCESS)
    goto out;
  FILE *mem = open_memstream(&buf, &len);
  if (!mem)
    goto out;
  KgStatus st = kg_rdf_write(mem, KG_FORMAT_NTRIPLES, NULL, t, NULL);
  fclose(mem);
  if (st != KG_SUCCESS)
    abort(); /* our own triples must always be writable */
  back = kg_triples_new();
  if (!back || kg_rdf_read_bytes(buf, len, "fuzz.nt", "ntriples", "https://example.org/", back,
                                 NULL) != KG_SUCCESS ||
      kg_triples_count(back) != kg_triples_count(t))
    abort(); /* what we write must read back, triple for triple */
out:
  free(buf);
  kg_triples_free(back);
  kg_triples_free(t);
  kg_graph_free(g);
  kg_article_free(a);
  return 0;
}
