# src/text/local.mk: owned by its module
