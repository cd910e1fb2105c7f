# src/out/draw.mk: owned by its module
src_kgbuild_SOURCES += src/cli/cmd_render.c
