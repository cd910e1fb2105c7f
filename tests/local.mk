# tests/local.mk - tests that belong to no single module: the public header compiled
# alone at maximum warnings, every *_free(NULL), and the command line as a product.
check_PROGRAMS += tests/check_common
tests_check_common_SOURCES = tests/check_common.c
tests_check_common_CFLAGS = $(TESTS_CFLAGS) -Wpedantic -DPACKAGE_VERSION=\"$(PACKAGE_VERSION)\"
tests_check_common_LDADD = $(TESTS_LDADD)
TESTS += tests/check_common

TESTS += tests/cli/cli.sh
EXTRA_DIST += tests/cli/cli.sh tests/data/cli
EXTRA_DIST += bench/run.py
