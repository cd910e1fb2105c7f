src_libkg_impl_la_SOURCES += src/util/common.c src/util/buf.c src/util/dynload.c src/util/arena.c src/util/snap.c
noinst_HEADERS += src/util/util.h
