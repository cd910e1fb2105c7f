/*
 * check_http.c - the HTTP client against a loopback fixture (tests/http-fixture.py):
 * articles from URLs (redirects, charsets, ceilings, timeouts, HTTP errors), the retry
 * policy, authentication, and the push API's checks that need no SPARQL server.
 * Only 127.0.0.1 is ever contacted.
 */
#include "config.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <kgbuild/kgbuild.h>

#include "check_tap.h"
#include "net/net.h"

static pid_t fixture_pid = -1, parent_pid = -1;
static int fixture_port = 0;
static char port_file[64];

static void stop_fixture(void) {
  if (getpid() != parent_pid || fixture_pid <= 0)
    return;
  kill(fixture_pid, SIGTERM);
  for (int i = 0; i < 50; i++) { /* 5 s at most */
    if (waitpid(fixture_pid, NULL, WNOHANG) == fixture_pid) {
      fixture_pid = -1;
      break;
    }
    usleep(100000);
  }
  if (fixture_pid > 0) {
    kill(fixture_pid, SIGKILL);
    waitpid(fixture_pid, NULL, 0);
  }
  unlink(port_file);
}

static void start_fixture(void) {
  parent_pid = getpid();
  snprintf(port_file, sizeof port_file, "/tmp/kg-check-http.%ld.port", (long)parent_pid);
  unlink(port_file);
  fixture_pid = fork();
  if (fixture_pid == 0) {
    execlp("python3", "python3", KG_HTTP_FIXTURE, "--port-file", port_file, "--lifetime", "600",
           (char *)NULL);
    _exit(127);
  }
  atexit(stop_fixture);
  for (int i = 0; i < 200 && fixture_port == 0; i++) { /* 20 s at most */
    FILE *f = fopen(port_file, "r");
    if (f) {
      if (fscanf(f, "%d", &fixture_port) != 1)
        fixture_port = 0;
      fclose(f);
    }
    if (!fixture_port)
      usleep(100000);
  }
}

static char url_buf[512];
static const char *fx(const char *path) {
  snprintf(url_buf, sizeof url_buf, "http://127.0.0.1:%d%s", fixture_port, path);
  return url_buf;
}

/* Every diagnostic, one per line, with its level. */
static char logged[8192];
static int n_warnings, n_errors;
static void capture(void *ud, const KgDiag *d) {
  (void)ud;
  size_t n = strlen(logged);
  snprintf(logged + n, sizeof logged - n, "%d|%s|%s\n", (int)d->level, d->source ? d->source : "",
           d->message);
  if (d->level == KG_LOG_WARNING)
    n_warnings++;
  if (d->level == KG_LOG_ERROR)
    n_errors++;
}
static KgLog test_log = {capture, NULL};

static KgHttpOptions quick;
static void setup(void) {
  ck_assert_msg(fixture_port > 0, "the HTTP fixture (python3 tests/http-fixture.py) did not start");
  logged[0] = '\0';
  n_warnings = n_errors = 0;
  kg_http_options_init(&quick);
  quick.retry_delay_ms = 20;
  quick.timeout_ms = 20000;
}

static KgStatus fetch(const char *path, size_t max, KgArticle **a) {
  KgIngestOptions io = {max, KG_INPUT_AUTO};
  return kg_http_fetch_article_ex(fx(path), &io, &quick, &test_log, a);
}

START_TEST(test_is_url) {
  ck_assert_int_eq(kg_is_url("http://example.org/a"), 1);
  ck_assert_int_eq(kg_is_url("HTTPS://example.org"), 1);
  ck_assert_int_eq(kg_is_url("https://"), 0);
  ck_assert_int_eq(kg_is_url("http:///etc/passwd"), 0);
  ck_assert_int_eq(kg_is_url("file:///etc/passwd"), 0);
  ck_assert_int_eq(kg_is_url("ftp://example.org/a.txt"), 0);
  ck_assert_int_eq(kg_is_url("article.txt"), 0);
  ck_assert_int_eq(kg_is_url("http.txt"), 0);
  ck_assert_int_eq(kg_is_url(NULL), 0);
}
END_TEST

START_TEST(test_fetch_html) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/article.html", 0, &a), KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(kg_article_text(a), "Acme Inc. agreed to acquire Widget Corp"));
  ck_assert_ptr_null(strstr(kg_article_text(a), "<p>"));
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_URL), fx("/article.html"));
  ck_assert_str_eq(kg_article_source(a), fx("/article.html"));
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_TITLE), "Acme buys Widget Corp");
  kg_article_free(a);
}
END_TEST

START_TEST(test_fetch_text_is_not_html) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/article.txt", 0, &a), KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(kg_article_text(a), "Jane Doe"));
  kg_article_free(a);
}
END_TEST

START_TEST(test_redirects_followed_url_is_final) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/redirect/3", 0, &a), KG_SUCCESS);
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_URL), fx("/article.html"));
  ck_assert_str_eq(kg_article_source(a), fx("/redirect/3"));
  kg_article_free(a);
}
END_TEST

START_TEST(test_too_many_redirects) {
  KgArticle *a = (KgArticle *)1;
  ck_assert_int_eq(fetch("/redirect/7", 0, &a), KG_ERR_HTTP);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(strstr(logged, "more than 5 redirects"));
  ck_assert_int_eq(fetch("/loop", 0, &a), KG_ERR_HTTP);
  ck_assert_int_eq(n_warnings, 0); /* a loop is not retried */
}
END_TEST

START_TEST(test_redirect_to_file_refused) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/to-file", 0, &a), KG_ERR_UNSUPPORTED);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(strstr(logged, "only http:// and https://"));
}
END_TEST

START_TEST(test_other_schemes_refused) {
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_http_fetch_article("file:///etc/passwd", NULL, &test_log, &a),
                   KG_ERR_UNSUPPORTED);
  ck_assert_int_eq(kg_http_fetch_article("ftp://127.0.0.1/x", NULL, &test_log, &a),
                   KG_ERR_UNSUPPORTED);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(strstr(logged, "file:///etc/passwd"));
  ck_assert_int_eq(kg_http_fetch_article("http://127.0.0.1/a b", NULL, &test_log, &a),
                   KG_ERR_BAD_ARG);
}
END_TEST

START_TEST(test_latin1_from_header) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/latin1.html", 0, &a), KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(kg_article_text(a), "La Soci\xc3\xa9t\xc3\xa9 G\xc3\xa9n\xc3\xa9rale"));
  ck_assert_ptr_null(strstr(kg_article_text(a), "\xef\xbf\xbd"));
  ck_assert_int_eq(n_warnings, 0);
  kg_article_free(a);
}
END_TEST

START_TEST(test_latin1_from_meta) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/latin1-meta.html", 0, &a), KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(kg_article_text(a), "a d\xc3\xa9" "clar\xc3\xa9"));
  kg_article_free(a);
}
END_TEST

START_TEST(test_wrong_charset_repaired_with_warning) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/wrong-charset.html", 0, &a), KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(kg_article_text(a), "\xef\xbf\xbd"));
  ck_assert_int_ge(n_warnings, 1);
  ck_assert_ptr_nonnull(strstr(logged, "U+FFFD"));
  kg_article_free(a);
}
END_TEST

START_TEST(test_huge_body_aborted) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/huge", 1024 * 1024, &a), KG_ERR_TOO_LARGE);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(strstr(logged, "larger than the ceiling of 1048576 bytes"));
  ck_assert_int_eq(fetch("/huge-length", 1024 * 1024, &a), KG_ERR_TOO_LARGE);
  ck_assert_int_eq(n_warnings, 0); /* never retried */
}
END_TEST

START_TEST(test_slow_body_times_out) {
  KgArticle *a = NULL;
  quick.timeout_ms = 1500;
  quick.retries = 0;
  ck_assert_int_eq(fetch("/slow", 0, &a), KG_ERR_TIMEOUT);
  ck_assert_ptr_null(a);
  ck_assert_ptr_nonnull(strstr(logged, "timed out"));
  ck_assert_ptr_nonnull(strstr(logged, fx("/slow")));
}
END_TEST

START_TEST(test_404_names_url_and_status) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/status/404", 0, &a), KG_ERR_HTTP);
  ck_assert_ptr_null(a);
  ck_assert_int_eq(n_errors, 1);
  ck_assert_int_eq(n_warnings, 0); /* a 404 is not retried */
  char want[600];
  snprintf(want, sizeof want, "3|%s|HTTP 404 Not Found", fx("/status/404"));
  ck_assert_ptr_nonnull(strstr(logged, want));
}
END_TEST

START_TEST(test_5xx_then_200_retried) {
  KgArticle *a = NULL;
  char path[64];
  snprintf(path, sizeof path, "/flaky?key=r%ld&fail=2", (long)getpid());
  ck_assert_int_eq(fetch(path, 0, &a), KG_SUCCESS);
  ck_assert_int_eq(n_warnings, 2);
  ck_assert_ptr_nonnull(strstr(logged, "HTTP 503"));
  ck_assert_ptr_nonnull(strstr(logged, "retrying"));
  kg_article_free(a);
}
END_TEST

START_TEST(test_5xx_retries_bounded) {
  KgArticle *a = NULL;
  char path[64];
  snprintf(path, sizeof path, "/flaky?key=b%ld&fail=10", (long)getpid());
  quick.retries = 3;
  ck_assert_int_eq(fetch(path, 0, &a), KG_ERR_HTTP);
  ck_assert_int_eq(n_warnings, 3);
  ck_assert_int_eq(n_errors, 1);
  ck_assert_ptr_nonnull(strstr(logged, "HTTP 503 Service Unavailable"));
}
END_TEST

START_TEST(test_429_honours_retry_after) {
  KgArticle *a = NULL;
  char path[64];
  snprintf(path, sizeof path, "/busy?key=c%ld&after=1", (long)getpid());
  ck_assert_int_eq(fetch(path, 0, &a), KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(logged, "retrying in 1.0 s"));
  kg_article_free(a);
}
END_TEST

START_TEST(test_429_retry_after_too_long) {
  KgArticle *a = NULL;
  char path[64];
  snprintf(path, sizeof path, "/busy?key=d%ld&after=3600", (long)getpid());
  quick.max_retry_after_s = 5;
  ck_assert_int_eq(fetch(path, 0, &a), KG_ERR_HTTP);
  ck_assert_ptr_nonnull(strstr(logged, "retry after 3600 s, more than the 5 s limit"));
}
END_TEST

START_TEST(test_closed_mid_body) {
  KgArticle *a = NULL;
  quick.retries = 1;
  ck_assert_int_eq(fetch("/closed", 0, &a), KG_ERR_HTTP);
  ck_assert_ptr_null(a);
  ck_assert_int_eq(n_warnings, 1); /* a reset is worth one more try */
  ck_assert_ptr_nonnull(strstr(logged, "connection closed before the answer was complete"));
}
END_TEST

START_TEST(test_auth_basic) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/auth", 0, &a), KG_ERR_AUTH);
  ck_assert_int_eq(n_warnings, 0); /* 401 is not retried */
  ck_assert_ptr_nonnull(strstr(logged, "HTTP 401"));
  quick.user = "kg";
  quick.password = "wrong";
  ck_assert_int_eq(fetch("/auth", 0, &a), KG_ERR_AUTH);
  quick.password = "secret";
  ck_assert_int_eq(fetch("/auth", 0, &a), KG_SUCCESS);
  kg_article_free(a);
  a = NULL;
  quick.auth = KG_HTTP_AUTH_BASIC;
  ck_assert_int_eq(fetch("/auth", 0, &a), KG_SUCCESS);
  kg_article_free(a);
}
END_TEST

START_TEST(test_auth_netrc) {
  KgArticle *a = NULL;
  char path[] = "/tmp/kg-netrc.XXXXXX";
  int fd = mkstemp(path);
  ck_assert_int_ge(fd, 0);
  FILE *f = fdopen(fd, "w");
  fprintf(f, "machine 127.0.0.1 login kg password secret\n");
  fclose(f);
  quick.use_netrc = 1;
  quick.netrc_file = path;
  KgStatus st = fetch("/auth", 0, &a);
  unlink(path);
  ck_assert_int_eq(st, KG_SUCCESS);
  kg_article_free(a);
}
END_TEST

START_TEST(test_pdf_refused) {
  KgArticle *a = NULL;
  ck_assert_int_eq(fetch("/pdf", 0, &a), KG_ERR_UNSUPPORTED);
  ck_assert_ptr_nonnull(strstr(logged, "not a text or HTML page (Content-Type application/pdf)"));
}
END_TEST

/* A loopback port with nothing listening: bind, read the port, close. */
static int dead_port(void) {
  int s = socket(AF_INET, SOCK_STREAM, 0);
  struct sockaddr_in sa;
  socklen_t len = sizeof sa;
  memset(&sa, 0, sizeof sa);
  sa.sin_family = AF_INET;
  sa.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  ck_assert_int_eq(bind(s, (struct sockaddr *)&sa, sizeof sa), 0);
  ck_assert_int_eq(getsockname(s, (struct sockaddr *)&sa, &len), 0);
  close(s);
  return ntohs(sa.sin_port);
}

START_TEST(test_connection_refused_not_retried) {
  KgArticle *a = NULL;
  char url[64];
  snprintf(url, sizeof url, "http://127.0.0.1:%d/article.html", dead_port());
  ck_assert_int_eq(kg_http_fetch_article_ex(url, NULL, &quick, &test_log, &a), KG_ERR_HTTP);
  ck_assert_int_eq(n_warnings, 0);
  ck_assert_ptr_nonnull(strstr(logged, url));
}
END_TEST

START_TEST(test_send_put_body_and_headers) {
  KgiHttpResponse r;
  static const char body[] = "<http://ex/s> <http://ex/p> \"o\" .\n";
  KgiHttpRequest req = {"PUT", fx("/echo?graph=x"), "text/turtle", "*/*", body, sizeof body - 1, 0, 0};
  kgi_http_response_init(&r);
  ck_assert_int_eq(kgi_http_send(&req, &quick, &test_log, "echo", &r), KG_SUCCESS);
  ck_assert_int_eq(r.status, 200);
  ck_assert_ptr_nonnull(strstr(r.body, "PUT /echo?graph=x"));
  ck_assert_ptr_nonnull(strstr(r.body, "Content-Type: text/turtle"));
  ck_assert_ptr_nonnull(strstr(r.body, "User-Agent: kgbuild/"));
  ck_assert_ptr_nonnull(strstr(r.body, body));
  kgi_http_response_free(&r);
}
END_TEST

START_TEST(test_escape) {
  char *e = kgi_http_escape("http://ex/a b?c=d&é");
  ck_assert_str_eq(e, "http%3A%2F%2Fex%2Fa%20b%3Fc%3Dd%26%C3%A9");
  kg_free(e);
}
END_TEST

START_TEST(test_graph_iri_ok) {
  ck_assert_int_eq(kg_push_graph_iri_ok("https://w3id.org/kgbuild/id/article/0123"), 1);
  ck_assert_int_eq(kg_push_graph_iri_ok("urn:x:big"), 1);
  ck_assert_int_eq(kg_push_graph_iri_ok("relative/path"), 0);
  ck_assert_int_eq(kg_push_graph_iri_ok("urn:x> } DROP ALL ; INSERT DATA { <a"), 0);
  ck_assert_int_eq(kg_push_graph_iri_ok("urn:a b"), 0);
  ck_assert_int_eq(kg_push_graph_iri_ok("urn:"), 0);
  ck_assert_int_eq(kg_push_graph_iri_ok(""), 0);
  ck_assert_int_eq(kg_push_graph_iri_ok(NULL), 0);
}
END_TEST

START_TEST(test_pusher_endpoints) {
  KgPushOptions o;
  KgPusher *p = NULL;
  kg_push_options_init(&o);
  ck_assert_int_eq(o.http.retries, 3);
  o.endpoint = "http://127.0.0.1:8890/sparql";
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_SUCCESS);
  ck_assert_int_eq(kg_pusher_method(p), KG_PUSH_GRAPH_STORE);
  ck_assert_str_eq(kg_pusher_graph_store(p), "http://127.0.0.1:8890/sparql-graph-crud");
  kg_pusher_free(p);
  o.endpoint = "http://127.0.0.1:8890/sparql-auth/";
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_SUCCESS);
  ck_assert_str_eq(kg_pusher_graph_store(p), "http://127.0.0.1:8890/sparql-graph-crud-auth");
  kg_pusher_free(p);
  o.endpoint = "http://127.0.0.1:3030/ds/query";
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_ERR_BAD_ARG);
  ck_assert_ptr_null(p);
  ck_assert_ptr_nonnull(strstr(logged, "--graph-store"));
  o.update_endpoint = "http://127.0.0.1:3030/ds/update";
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_SUCCESS);
  ck_assert_int_eq(kg_pusher_method(p), KG_PUSH_UPDATE);
  ck_assert_ptr_null(kg_pusher_graph_store(p));
  kg_pusher_free(p);
  o.graph_store = "ftp://127.0.0.1/data";
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_ERR_BAD_ARG);
  kg_pusher_free(NULL);
}
END_TEST

static KgPusher *fixture_pusher(const char *gsp_path) {
  KgPushOptions o;
  KgPusher *p = NULL;
  char gsp[512];
  kg_push_options_init(&o);
  o.http = quick;
  snprintf(gsp, sizeof gsp, "%s", fx(gsp_path));
  o.endpoint = fx("/sparql");
  o.graph_store = gsp;
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_SUCCESS);
  return p;
}

static KgTriples *two_triples(void) {
  KgTriples *t = kg_triples_new();
  ck_assert_int_eq(kg_triples_add_iri(t, "http://ex/s", "http://ex/p", "http://ex/o"), KG_SUCCESS);
  ck_assert_int_eq(kg_triples_add_literal(t, "http://ex/s", "http://ex/q", "a \"b\" >", NULL, "en"),
                   KG_SUCCESS);
  return t;
}

START_TEST(test_push_bad_graph_iri_sends_nothing) {
  KgPusher *p = fixture_pusher("/status/500");
  KgTriples *t = two_triples();
  ck_assert_int_eq(kg_pusher_push(p, "urn:x> } ; DROP ALL ; {", t, NULL), KG_ERR_BAD_ARG);
  ck_assert_int_eq(n_warnings, 0);
  kg_triples_free(t);
  kg_pusher_free(p);
}
END_TEST

START_TEST(test_push_5xx_retried_then_failed) {
  KgPusher *p = fixture_pusher("/status/503");
  KgTriples *t = two_triples();
  size_t landed = 99;
  ck_assert_int_eq(kg_pusher_push(p, "urn:kg:g1", t, &landed), KG_ERR_HTTP);
  ck_assert_uint_eq(landed, 0);
  ck_assert_int_eq(n_warnings, 2); /* quick.retries */
  ck_assert_ptr_nonnull(strstr(logged, "3|urn:kg:g1|PUT: HTTP 503"));
  kg_triples_free(t);
  kg_pusher_free(p);
}
END_TEST

START_TEST(test_push_401_not_retried) {
  KgPusher *p = fixture_pusher("/status/401");
  KgTriples *t = two_triples();
  ck_assert_int_eq(kg_pusher_push(p, "urn:kg:g1", t, NULL), KG_ERR_AUTH);
  ck_assert_int_eq(n_warnings, 0);
  kg_triples_free(t);
  kg_pusher_free(p);
}
END_TEST

START_TEST(test_push_2xx_without_count_is_failure) {
  /* /echo answers 200 to the PUT, but the COUNT query gets a 404 from /sparql */
  KgPusher *p = fixture_pusher("/echo");
  KgTriples *t = two_triples();
  ck_assert_int_ne(kg_pusher_push(p, "urn:kg:g1", t, NULL), KG_SUCCESS);
  ck_assert_ptr_nonnull(strstr(logged, "COUNT on the query endpoint: HTTP 404"));
  kg_triples_free(t);
  kg_pusher_free(p);
}
END_TEST

START_TEST(test_push_connection_refused) {
  KgPushOptions o;
  KgPusher *p = NULL;
  char ep[64];
  kg_push_options_init(&o);
  o.http = quick;
  snprintf(ep, sizeof ep, "http://127.0.0.1:%d/sparql", dead_port());
  o.endpoint = ep;
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_SUCCESS);
  KgTriples *t = two_triples();
  ck_assert_int_eq(kg_pusher_push(p, "urn:kg:g1", t, NULL), KG_ERR_HTTP);
  ck_assert_int_eq(n_warnings, 0);
  ck_assert_ptr_nonnull(strstr(logged, "urn:kg:g1|PUT: "));
  kg_triples_free(t);
  kg_pusher_free(p);
}
END_TEST

START_TEST(test_push_blank_nodes_not_split) {
  KgPushOptions o;
  KgPusher *p = NULL;
  kg_push_options_init(&o);
  o.http = quick;
  o.endpoint = fx("/sparql");
  o.graph_store = fx("/status/500");
  o.chunk_triples = 1;
  ck_assert_int_eq(kg_pusher_new(&o, &test_log, &p), KG_SUCCESS);
  KgTriples *t = two_triples();
  KgTriple tr = {{KG_TERM_BLANK, "b1", NULL, NULL}, {KG_TERM_IRI, "http://ex/p", NULL, NULL},
                 {KG_TERM_LITERAL, "x", NULL, NULL}, NULL};
  ck_assert_int_eq(kg_triples_add(t, &tr), KG_SUCCESS);
  ck_assert_int_eq(kg_pusher_push(p, "urn:kg:g1", t, NULL), KG_ERR_UNSUPPORTED);
  ck_assert_int_eq(n_warnings, 0); /* refused before any request */
  ck_assert_ptr_nonnull(strstr(logged, "blank nodes"));
  kg_triples_free(t);
  kg_pusher_free(p);
}
END_TEST

static Suite *kg_http_suite(void) {
  start_fixture();
  Suite *s = suite_create("http");
  TCase *tc = tcase_create("fetch");
  tcase_add_checked_fixture(tc, setup, NULL);
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_is_url);
  tcase_add_test(tc, test_fetch_html);
  tcase_add_test(tc, test_fetch_text_is_not_html);
  tcase_add_test(tc, test_redirects_followed_url_is_final);
  tcase_add_test(tc, test_too_many_redirects);
  tcase_add_test(tc, test_redirect_to_file_refused);
  tcase_add_test(tc, test_other_schemes_refused);
  tcase_add_test(tc, test_latin1_from_header);
  tcase_add_test(tc, test_latin1_from_meta);
  tcase_add_test(tc, test_wrong_charset_repaired_with_warning);
  tcase_add_test(tc, test_huge_body_aborted);
  tcase_add_test(tc, test_slow_body_times_out);
  tcase_add_test(tc, test_404_names_url_and_status);
  tcase_add_test(tc, test_5xx_then_200_retried);
  tcase_add_test(tc, test_5xx_retries_bounded);
  tcase_add_test(tc, test_429_honours_retry_after);
  tcase_add_test(tc, test_429_retry_after_too_long);
  tcase_add_test(tc, test_closed_mid_body);
  tcase_add_test(tc, test_auth_basic);
  tcase_add_test(tc, test_auth_netrc);
  tcase_add_test(tc, test_pdf_refused);
  tcase_add_test(tc, test_connection_refused_not_retried);
  tcase_add_test(tc, test_send_put_body_and_headers);
  tcase_add_test(tc, test_escape);
  suite_add_tcase(s, tc);
  TCase *tp = tcase_create("push");
  tcase_add_checked_fixture(tp, setup, NULL);
  tcase_set_timeout(tp, 60);
  tcase_add_test(tp, test_graph_iri_ok);
  tcase_add_test(tp, test_pusher_endpoints);
  tcase_add_test(tp, test_push_bad_graph_iri_sends_nothing);
  tcase_add_test(tp, test_push_5xx_retried_then_failed);
  tcase_add_test(tp, test_push_401_not_retried);
  tcase_add_test(tp, test_push_2xx_without_count_is_failure);
  tcase_add_test(tp, test_push_connection_refused);
  tcase_add_test(tp, test_push_blank_nodes_not_split);
  suite_add_tcase(s, tp);
  return s;
}

KG_CHECK_MAIN(kg_http_suite)
