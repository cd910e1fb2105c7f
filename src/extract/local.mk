# src/extract/local.mk: owned by its module
