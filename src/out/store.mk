# src/out/store.mk: owned by its module
src_kgbuild_SOURCES += src/cli/cmd_store.c
