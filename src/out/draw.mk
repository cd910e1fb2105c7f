# src/out/draw.mk - pictures of a graph (Graphviz cgraph + gvc), `kgbuild render`.
src_kgbuild_SOURCES += src/cli/cmd_render.c
src_libkg_impl_la_SOURCES += src/out/draw_model.c src/out/draw_gvc.c
noinst_HEADERS += src/out/draw_model.h

check_PROGRAMS += tests/check_draw
tests_check_draw_SOURCES = tests/check_draw.c
tests_check_draw_CPPFLAGS = $(AM_CPPFLAGS) -DKG_DRAW_TESTDATA='"$(abs_top_srcdir)/tests/data/draw"'
tests_check_draw_CFLAGS = $(TESTS_CFLAGS) $(XML_CFLAGS) $(GVC_CFLAGS)
tests_check_draw_LDADD = $(TESTS_LDADD) $(XML_LIBS) $(GVC_LIBS)
TESTS += tests/check_draw

TESTS += tests/cli/render.sh
EXTRA_DIST += tests/cli/render.sh doc/render.md \
	tests/data/draw/seed.ttl tests/data/draw/generic.ttl tests/data/draw/nasty.ttl \
	tests/data/draw/literals.nt tests/data/draw/empty.ttl tests/data/draw/broken.ttl \
	tests/data/draw/people.rdf tests/data/draw/quads.nq tests/data/draw/labels.ttl
