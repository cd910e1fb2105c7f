# src/net/local.mk: owned by its module
src_kgbuild_SOURCES += src/cli/cmd_push.c
