/*
 * store_int.h - private parts of the embedded store: the SPARQL result writers
 * (store_results.c, which knows nothing of Redland) and a set of byte strings used to
 * drop duplicates. Not API.
 */
#ifndef KG_STORE_INT_H
#define KG_STORE_INT_H

#include <stdio.h>
#include <kgbuild/store.h>

/* ---- result writers (store_results.c) ---- */

typedef struct KgiResultsImpl KgiResults;

/**
 * A writer of SELECT results in @p format to @p out (borrowed). @p vars are the
 * projected variable names without '?', copied. NULL when out of memory.
 * The table format keeps every row until kgi_results_finish() (column widths).
 */
KgiResults *kgi_results_new(FILE *out, KgResultFormat format, const char *const *vars,
                            size_t nvars);
/** One row: @p values[i] is the value of variable i, or NULL when unbound. */
KgStatus kgi_results_row(KgiResults *r, const KgTerm *const *values);
/** End the document; KG_ERR_IO when anything could not be written. */
KgStatus kgi_results_finish(KgiResults *r);
void kgi_results_free(KgiResults *r);

/** An ASK result. KG_ERR_IO on a write error. */
KgStatus kgi_results_boolean(FILE *out, KgResultFormat format, int value);

/* ---- a set of byte strings (store_results.c) ---- */

typedef struct KgiBytesSetImpl KgiBytesSet;

KgiBytesSet *kgi_bytes_set_new(void);
void kgi_bytes_set_free(KgiBytesSet *set);
/** Add a copy of @p data: 1 when it was new, 0 when already present, -1 out of memory. */
int kgi_bytes_set_add(KgiBytesSet *set, const void *data, size_t len);
size_t kgi_bytes_set_count(const KgiBytesSet *set);

#endif
