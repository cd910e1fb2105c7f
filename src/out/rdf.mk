# src/out/rdf.mk: owned by its module
