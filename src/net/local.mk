# src/net/local.mk - the one HTTP client (libcurl, only in http_curl.c): articles read
# from URLs, and graphs pushed to SPARQL servers (Graph Store Protocol, SPARQL Update).
src_libkg_impl_la_SOURCES += \
	src/net/http_curl.c \
	src/net/request.c \
	src/net/fetch.c \
	src/net/push.c
noinst_HEADERS += src/net/net.h
src_kgbuild_SOURCES += src/cli/cmd_push.c

check_PROGRAMS += tests/check_http
tests_check_http_SOURCES = tests/check_http.c
tests_check_http_CPPFLAGS = $(AM_CPPFLAGS) -DKG_HTTP_FIXTURE='"$(abs_top_srcdir)/tests/http-fixture.py"'
tests_check_http_CFLAGS = $(TESTS_CFLAGS)
tests_check_http_LDADD = $(TESTS_LDADD)
TESTS += tests/check_http

TESTS += tests/cli/url.sh tests/cli/push.sh
EXTRA_DIST += tests/http-fixture.py tests/virtuoso-server tests/cli/url.sh tests/cli/push.sh \
	doc/push.md
