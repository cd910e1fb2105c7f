/* check_common.c - the public header alone at high warning levels, status strings, the
 * allocator choke point, and every *_free(NULL). */
#include <kgbuild/kgbuild.h>

#include <string.h>

#include "check_tap.h"

START_TEST(test_strerror_every_code) {
  for (int st = KG_SUCCESS; st <= KG_ERR_DATA; st++) {
    const char *m = kg_strerror((KgStatus)st);
    ck_assert_ptr_nonnull(m);
    ck_assert_str_ne(m, "unknown error");
  }
  ck_assert_str_eq(kg_strerror((KgStatus)999), "unknown error");
}
END_TEST

START_TEST(test_version) { ck_assert_str_eq(kg_version(), PACKAGE_VERSION); }
END_TEST

static int kg_fail_allocs;
static void *failing_malloc(size_t n) { return kg_fail_allocs ? NULL : malloc(n); }
static void *failing_realloc(void *p, size_t n) { return kg_fail_allocs ? NULL : realloc(p, n); }

START_TEST(test_allocator_choke_point) {
  KgAllocator a = {failing_malloc, failing_realloc, free};
  kg_set_allocator(&a);
  kg_fail_allocs = 1;
  ck_assert_ptr_null(kg_strdup("x"));
  ck_assert_ptr_null(kg_article_new("a.txt", "text", 4));
  ck_assert_ptr_null(kg_triples_new());
  ck_assert_ptr_null(kg_graph_new(NULL));
  kg_fail_allocs = 0;
  kg_set_allocator(NULL);
  char *s = kg_strdup("x");
  ck_assert_str_eq(s, "x");
  kg_free(s);
}
END_TEST

START_TEST(test_free_null) {
  kg_free(NULL);
  kg_article_free(NULL);
  kg_triples_free(NULL);
  kg_graph_free(NULL);
  kg_extractor_free(NULL);
  kg_writer_free(NULL);
  kg_ingest_free_paths(NULL, 0);
}
END_TEST

static Suite *kg_common_suite(void) {
  Suite *s = suite_create("common");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_strerror_every_code);
  tcase_add_test(tc, test_version);
  tcase_add_test(tc, test_allocator_choke_point);
  tcase_add_test(tc, test_free_null);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_common_suite)
