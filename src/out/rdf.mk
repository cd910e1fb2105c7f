# src/out/rdf.mk - writing and reading RDF (Raptor 2 is behind rdf_raptor.c), the
# ontology and its tests.
src_libkg_impl_la_SOURCES += src/out/rdf_raptor.c

check_PROGRAMS += tests/check_rdf tests/check_ontology
tests_check_rdf_SOURCES = tests/check_rdf.c
tests_check_rdf_CFLAGS = $(TESTS_CFLAGS)
tests_check_rdf_LDADD = $(TESTS_LDADD)
tests_check_ontology_SOURCES = tests/check_ontology.c
tests_check_ontology_CFLAGS = $(TESTS_CFLAGS)
tests_check_ontology_LDADD = $(TESTS_LDADD)
TESTS += tests/check_rdf tests/check_ontology tests/cli/ontology.sh
EXTRA_DIST += tests/cli/ontology.sh tests/data/rdf
