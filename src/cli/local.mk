src_kgbuild_SOURCES += src/cli/main.c src/cli/common.c src/cli/cmd_extract.c
noinst_HEADERS += src/cli/cli.h
