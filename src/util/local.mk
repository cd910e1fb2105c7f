src_libkg_impl_la_SOURCES += src/util/common.c src/util/buf.c
noinst_HEADERS += src/util/util.h
