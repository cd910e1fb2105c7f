# src/graph/local.mk: owned by its module
