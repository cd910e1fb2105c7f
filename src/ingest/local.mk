# src/ingest/local.mk - files, streams and directories become KgArticles (UTF-8 repair,
# charsets, HTML to text through libxml2, header and dateline metadata).
src_libkg_impl_la_SOURCES += \
	src/ingest/article.c \
	src/ingest/utf8.c \
	src/ingest/charset.c \
	src/ingest/html.c \
	src/ingest/header.c \
	src/ingest/ingest.c \
	src/ingest/file.c
noinst_HEADERS += src/ingest/ingest_int.h

check_PROGRAMS += tests/check_ingest
tests_check_ingest_SOURCES = tests/check_ingest.c
tests_check_ingest_CPPFLAGS = $(AM_CPPFLAGS) \
	-DKG_INGEST_TESTDATA='"$(abs_top_srcdir)/tests/data/ingest"'
tests_check_ingest_CFLAGS = $(TESTS_CFLAGS)
tests_check_ingest_LDADD = $(TESTS_LDADD)
TESTS += tests/check_ingest
EXTRA_DIST += \
	tests/data/ingest/article.html \
	tests/data/ingest/latin1.html \
	tests/data/ingest/dateline.txt \
	tests/data/ingest/header.txt
