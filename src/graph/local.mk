# src/graph/local.mk - entities, facts, statements and IRIs (nettle is behind iri.c).
src_libkg_impl_la_SOURCES += src/graph/vocab.c src/graph/triples.c src/graph/lexical.c \
	src/graph/iri.c src/graph/graph.c
noinst_HEADERS += src/graph/graph_internal.h src/graph/fold_table.h
EXTRA_DIST += src/graph/gen_fold_table.py

check_PROGRAMS += tests/check_iri tests/check_graph
tests_check_iri_SOURCES = tests/check_iri.c
tests_check_iri_CFLAGS = $(TESTS_CFLAGS)
tests_check_iri_LDADD = $(TESTS_LDADD)
tests_check_graph_SOURCES = tests/check_graph.c
tests_check_graph_CFLAGS = $(TESTS_CFLAGS)
tests_check_graph_LDADD = $(TESTS_LDADD)
TESTS += tests/check_iri tests/check_graph
