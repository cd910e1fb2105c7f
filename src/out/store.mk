# src/out/store.mk - the embedded SPARQL store (Redland and Rasqal are behind
# store_redland.c), the load/query/stats commands and their tests.
src_libkg_impl_la_SOURCES += src/out/store_redland.c src/out/store_results.c
noinst_HEADERS += src/out/store_int.h
src_kgbuild_SOURCES += src/cli/cmd_store.c

check_PROGRAMS += tests/check_store
tests_check_store_SOURCES = tests/check_store.c
tests_check_store_CFLAGS = $(TESTS_CFLAGS)
tests_check_store_LDADD = $(TESTS_LDADD)
TESTS += tests/check_store tests/cli/store.sh
EXTRA_DIST += tests/cli/store.sh tests/data/store doc/store.md
