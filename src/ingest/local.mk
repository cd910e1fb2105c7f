# src/ingest/local.mk: owned by its module
