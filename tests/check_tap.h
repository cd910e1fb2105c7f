/*
 * check_tap.h - every Check program runs its suite and reports in TAP on stdout, so
 * automake's TAP driver counts each test case (and `make check` totals them).
 * Usage, at the end of tests/check_<module>.c:  KG_CHECK_MAIN(kg_<module>_suite)
 */
#ifndef KG_CHECK_TAP_H
#define KG_CHECK_TAP_H

#include <check.h>
#include <stdlib.h>

#define KG_CHECK_MAIN(suite_fn)                                        \
  int main(void) {                                                     \
    SRunner *sr = srunner_create(suite_fn());                          \
    srunner_set_tap(sr, "-");                                          \
    srunner_run_all(sr, CK_SILENT);                                    \
    int failed = srunner_ntests_failed(sr);                            \
    srunner_free(sr);                                                  \
    return failed ? EXIT_FAILURE : EXIT_SUCCESS;                       \
  }

#endif
