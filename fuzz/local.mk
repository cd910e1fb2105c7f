# fuzz/local.mk - one libFuzzer harness for ingest + extract + write (./configure
# --enable-fuzzing CC=clang). The seed corpus ships with the sources.
EXTRA_DIST += fuzz/fuzz_pipeline.c fuzz/corpus
if FUZZING
noinst_PROGRAMS = fuzz/fuzz_pipeline
fuzz_fuzz_pipeline_SOURCES = fuzz/fuzz_pipeline.c
fuzz_fuzz_pipeline_CFLAGS = $(AM_CFLAGS)
fuzz_fuzz_pipeline_LDFLAGS = $(AM_LDFLAGS) -fsanitize=fuzzer
fuzz_fuzz_pipeline_LDADD = src/libkg_impl.la
endif
