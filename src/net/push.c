/*
 * push.c - article graphs to SPARQL servers: Graph Store Protocol or SPARQL Update,
 * over the one HTTP client (request.c, http_curl.c).
 *
 * Choices:
 * - The data is always N-Triples written by Raptor (kg_rdf_write). For SPARQL Update the
 *   only text put around it is fixed keywords and graph IRIs checked by
 *   kg_push_graph_iri_ok(): no value of the data is ever pasted into query text.
 * - Proof of landing is a COUNT on the query endpoint, not the 2xx: Virtuoso 7.2 can
 *   answer 200 after committing part of a large request.
 * - A graph that needs several requests goes to a staging graph named after the target
 *   (urn:kgbuild:staging:<sha256 prefix>), so a rerun after a crash replaces the
 *   leftover instead of piling up new ones; it is counted there and MOVEd onto the
 *   target in one update, so the target never holds half of it.
 * - MOVE is retried only when the server answered with an error (it rolled back); after
 *   a timeout or a dropped connection the server may still be running it, and a second
 *   MOVE of the then-empty staging graph would empty the target.
 * - Blank nodes cannot be split over requests (each request makes new ones), so such a
 *   graph must fit one request.
 */
#include "config.h"

#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <kgbuild/graph.h>
#include <kgbuild/push.h>
#include <kgbuild/rdf.h>

#include "net/net.h"

/* Virtuoso refuses SPARQL requests over ~10 MB; stay well below. */
#define KGP_MAX_UPDATE_BYTES ((size_t)6 * 1024 * 1024)

struct KgPusherImpl {
  KgPushMethod method;
  char *endpoint;    /* queries (COUNT); updates too when no update endpoint is given */
  char *update;      /* where DROP / INSERT DATA / MOVE go */
  char *gsp;         /* Graph Store endpoint, or NULL */
  size_t chunk;
  KgHttpOptions http;
  char *user, *password, *netrc_file, *cacert, *user_agent; /* owned copies for http */
  KgLog log;
};

void kg_push_options_init(KgPushOptions *o) {
  if (!o)
    return;
  memset(o, 0, sizeof *o);
  kg_http_options_init(&o->http);
  o->http.timeout_ms = 300000;
  o->http.retries = 3;
}

int kg_push_graph_iri_ok(const char *iri) {
  if (!iri || !isalpha((unsigned char)iri[0]))
    return 0;
  const char *p = iri + 1;
  while (isalnum((unsigned char)*p) || *p == '+' || *p == '-' || *p == '.')
    p++;
  if (*p != ':' || !p[1])
    return 0;
  for (const unsigned char *c = (const unsigned char *)iri; *c; c++)
    if (*c <= 0x20 || *c == 0x7f || strchr("<>\"{}|\\^`", *c))
      return 0;
  return 1;
}

static int kgp_http_url_ok(const char *u) {
  return kg_is_url(u) && kg_push_graph_iri_ok(u);
}

static int kgp_dup(const char *s, char **out) {
  *out = NULL;
  if (!s)
    return 0;
  return (*out = kg_strdup(s)) ? 0 : -1;
}

static void kgp_wipe_free(char *s) {
  if (!s)
    return;
  volatile char *v = s;
  while (*v)
    *v++ = '\0';
  kg_free(s);
}

void kg_pusher_free(KgPusher *p) {
  if (!p)
    return;
  kg_free(p->endpoint);
  kg_free(p->update);
  kg_free(p->gsp);
  kg_free(p->user);
  kgp_wipe_free(p->password);
  kg_free(p->netrc_file);
  kg_free(p->cacert);
  kg_free(p->user_agent);
  kg_free(p);
}

/* Virtuoso's naming: .../sparql -> .../sparql-graph-crud, .../sparql-auth -> ...-crud-auth */
static char *kgp_derive_gsp(const char *endpoint) {
  size_t n = strlen(endpoint);
  while (n && endpoint[n - 1] == '/')
    n--;
  const char *suffix = NULL;
  size_t cut = 0;
  if (n >= 12 && strncmp(endpoint + n - 12, "/sparql-auth", 12) == 0)
    suffix = "/sparql-graph-crud-auth", cut = 12;
  else if (n >= 7 && strncmp(endpoint + n - 7, "/sparql", 7) == 0)
    suffix = "/sparql-graph-crud", cut = 7;
  if (!suffix)
    return NULL;
  size_t keep = n - cut, sl = strlen(suffix);
  char *out = kg_malloc(keep + sl + 1);
  if (!out)
    return NULL;
  memcpy(out, endpoint, keep);
  memcpy(out + keep, suffix, sl + 1);
  return out;
}

KgStatus kg_pusher_new(const KgPushOptions *o, const KgLog *log, KgPusher **out) {
  if (!out)
    return KG_ERR_BAD_ARG;
  *out = NULL;
  if (!o)
    return KG_ERR_BAD_ARG;
  const char *query = o->endpoint ? o->endpoint : o->update_endpoint;
  if (!query) {
    kgi_log(log, KG_LOG_ERROR, KG_ERR_BAD_ARG, NULL, -1,
            "no SPARQL endpoint given (--endpoint URL)");
    return KG_ERR_BAD_ARG;
  }
  const char *urls[3] = {o->endpoint, o->graph_store, o->update_endpoint};
  for (int i = 0; i < 3; i++) {
    if (urls[i] && !kgp_http_url_ok(urls[i])) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_BAD_ARG, urls[i], -1,
              "not an http:// or https:// URL");
      return KG_ERR_BAD_ARG;
    }
  }
  KgPusher *p = kg_calloc(1, sizeof *p);
  if (!p)
    return KG_ERR_NOMEM;
  if (log)
    p->log = *log;
  p->http = o->http;
  if (kgp_dup(query, &p->endpoint) || kgp_dup(o->update_endpoint ? o->update_endpoint : query, &p->update) ||
      kgp_dup(o->http.user, &p->user) || kgp_dup(o->http.password, &p->password) ||
      kgp_dup(o->http.netrc_file, &p->netrc_file) || kgp_dup(o->http.cacert, &p->cacert) ||
      kgp_dup(o->http.user_agent, &p->user_agent))
    goto nomem;
  p->http.user = p->user;
  p->http.password = p->password;
  p->http.netrc_file = p->netrc_file;
  p->http.cacert = p->cacert;
  p->http.user_agent = p->user_agent;
  if (o->graph_store) {
    p->method = KG_PUSH_GRAPH_STORE;
    if (kgp_dup(o->graph_store, &p->gsp))
      goto nomem;
  } else if (o->update_endpoint) {
    p->method = KG_PUSH_UPDATE;
  } else {
    p->method = KG_PUSH_GRAPH_STORE;
    if (!(p->gsp = kgp_derive_gsp(query))) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_BAD_ARG, query, -1,
              "cannot derive the Graph Store endpoint from this URL (it does not end in "
              "/sparql): give --graph-store URL or --update URL");
      kg_pusher_free(p);
      return KG_ERR_BAD_ARG;
    }
  }
  size_t def = p->method == KG_PUSH_UPDATE ? KG_PUSH_UPDATE_CHUNK : KG_PUSH_DEFAULT_CHUNK;
  p->chunk = o->chunk_triples ? o->chunk_triples : def;
  *out = p;
  return KG_SUCCESS;
nomem:
  kg_pusher_free(p);
  return KG_ERR_NOMEM;
}

KgPushMethod kg_pusher_method(const KgPusher *p) { return p ? p->method : KG_PUSH_GRAPH_STORE; }
const char *kg_pusher_graph_store(const KgPusher *p) { return p ? p->gsp : NULL; }

/* ---------------------------------------------------------------- requests */

static KgStatus kgp_fail(KgPusher *p, KgStatus st, const char *graph, const char *step,
                         const KgiHttpResponse *r) {
  char desc[320];
  kgi_log(&p->log, KG_LOG_ERROR, st, graph, -1, "%s: %s", step, kgi_http_describe(r, desc, sizeof desc));
  return st;
}

/* N-Triples of t[from, to) written by Raptor into a malloc'd buffer (free()). */
static KgStatus kgp_serialize(KgPusher *p, const KgTriples *t, size_t from, size_t to,
                              char **out, size_t *len) {
  KgStatus st = KG_SUCCESS;
  KgTriples *sub = kg_triples_new();
  char *buf = NULL;
  size_t n = 0;
  FILE *fp = NULL;
  *out = NULL;
  *len = 0;
  if (!sub)
    return KG_ERR_NOMEM;
  for (size_t i = from; i < to && st == KG_SUCCESS; i++)
    st = kg_triples_add(sub, kg_triples_get(t, i));
  if (st != KG_SUCCESS)
    goto out;
  if (!(fp = open_memstream(&buf, &n))) {
    st = KG_ERR_NOMEM;
    goto out;
  }
  st = kg_rdf_write(fp, KG_FORMAT_NTRIPLES, KG_DEFAULT_BASE, sub, &p->log);
  if (fclose(fp) != 0 && st == KG_SUCCESS)
    st = KG_ERR_NOMEM;
  if (st == KG_SUCCESS) {
    *out = buf;
    *len = n;
    buf = NULL;
  }
out:
  free(buf);
  kg_triples_free(sub);
  return st;
}

/* One SPARQL Update, form-encoded (every SPARQL 1.1 server takes that form). */
static KgStatus kgp_update(KgPusher *p, const char *sparql, const char *graph, const char *step,
                           int retries, KgiHttpResponse *r) {
  char *enc = kgi_http_escape(sparql);
  if (!enc)
    return KG_ERR_NOMEM;
  size_t n = strlen(enc);
  char *body = kg_malloc(n + 8);
  if (!body) {
    kg_free(enc);
    return KG_ERR_NOMEM;
  }
  memcpy(body, "update=", 7);
  memcpy(body + 7, enc, n + 1);
  kg_free(enc);
  KgHttpOptions o = p->http;
  if (retries >= 0)
    o.retries = retries;
  KgiHttpRequest req = {"POST", p->update, "application/x-www-form-urlencoded",
                        "text/plain, */*;q=0.5", body, n + 7, 0, 0};
  KgStatus st = kgi_http_send(&req, &o, &p->log, step, r);
  kg_free(body);
  (void)graph;
  return st;
}

/* Parse the count out of SPARQL CSV ("n\r\n123\r\n") or, from a server that ignores
 * Accept, JSON ("value": "123"). */
static int kgp_parse_count(const char *body, size_t *out) {
  const char *p = NULL;
  if (!body)
    return -1;
  const char *v = strstr(body, "\"value\"");
  if (v) {
    p = v + 7;
    while (*p && !isdigit((unsigned char)*p) && *p != '}')
      p++;
  } else if ((p = strchr(body, '\n')) != NULL) {
    p++;
    while (*p == '"' || *p == ' ')
      p++;
  }
  if (!p || !isdigit((unsigned char)*p))
    return -1;
  errno = 0;
  char *end;
  unsigned long long n = strtoull(p, &end, 10);
  if (errno)
    return -1;
  *out = (size_t)n;
  return 0;
}

KgStatus kg_pusher_count(KgPusher *p, const char *graph, size_t *count) {
  KgiHttpResponse r;
  KgStatus st;
  if (!p || !count || !kg_push_graph_iri_ok(graph))
    return KG_ERR_BAD_ARG;
  size_t qn = strlen(graph) + 96;
  char *q = kg_malloc(qn);
  if (!q)
    return KG_ERR_NOMEM;
  snprintf(q, qn, "SELECT (COUNT(*) AS ?n) WHERE { GRAPH <%s> { ?s ?p ?o } }", graph);
  char *enc = kgi_http_escape(q);
  kg_free(q);
  if (!enc)
    return KG_ERR_NOMEM;
  size_t un = strlen(p->endpoint) + strlen(enc) + 16;
  char *url = kg_malloc(un);
  if (!url) {
    kg_free(enc);
    return KG_ERR_NOMEM;
  }
  snprintf(url, un, "%s%cquery=%s", p->endpoint, strchr(p->endpoint, '?') ? '&' : '?', enc);
  kg_free(enc);
  KgiHttpRequest req = {"GET", url, NULL, "text/csv, application/sparql-results+json;q=0.5",
                        NULL, 0, 0, 0};
  kgi_http_response_init(&r);
  st = kgi_http_send(&req, &p->http, &p->log, graph, &r);
  kg_free(url);
  if (st != KG_SUCCESS) {
    kgp_fail(p, st, graph, "COUNT on the query endpoint", &r);
  } else if (kgp_parse_count(r.body, count) != 0) {
    kgi_log(&p->log, KG_LOG_ERROR, KG_ERR_STORE, graph, -1,
            "COUNT on the query endpoint: cannot read the answer (Content-Type %s)",
            r.content_type ? r.content_type : "none");
    st = KG_ERR_STORE;
  }
  kgi_http_response_free(&r);
  return st;
}

/* Graph Store request: PUT replaces the graph, POST adds to it. */
static KgStatus kgp_gsp(KgPusher *p, const char *method, const char *graph, const char *body,
                        size_t len, KgiHttpResponse *r) {
  char *enc = kgi_http_escape(graph);
  if (!enc)
    return KG_ERR_NOMEM;
  size_t un = strlen(p->gsp) + strlen(enc) + 16;
  char *url = kg_malloc(un);
  if (!url) {
    kg_free(enc);
    return KG_ERR_NOMEM;
  }
  snprintf(url, un, "%s%cgraph=%s", p->gsp, strchr(p->gsp, '?') ? '&' : '?', enc);
  kg_free(enc);
  /* Turtle is a superset of N-Triples and the one type every Graph Store takes */
  KgiHttpRequest req = {method, url, "text/turtle", "*/*", body, len, 0, 0};
  KgStatus st = kgi_http_send(&req, &p->http, &p->log, graph, r);
  kg_free(url);
  return st;
}

/* "KEYWORDS <graph> { " + nt + " } }": the only text joined with the data. */
static char *kgp_insert_data(const char *prefix, const char *graph, const char *nt, size_t len) {
  static const char tail[] = "\n} }";
  size_t pn = strlen(prefix), gn = strlen(graph);
  size_t total = pn + gn + 32 + len + sizeof tail;
  char *q = kg_malloc(total);
  if (!q)
    return NULL;
  int k = snprintf(q, total, "%sINSERT DATA { GRAPH <%s> {\n", prefix, graph);
  memcpy(q + k, nt, len);
  memcpy(q + k + len, tail, sizeof tail);
  return q;
}

/* "<kw1><g1><kw2>[<g2><kw3>]": fixed keywords around checked graph IRIs only. */
static KgStatus kgp_graph_update(KgPusher *p, const char *kw1, const char *g1, const char *kw2,
                                 const char *g2, const char *kw3, const char *graph,
                                 const char *step, int retries, KgiHttpResponse *r) {
  KgiBuf q;
  KgStatus st;
  kgi_buf_init(&q, 0);
  KGI_TRY(st, kgi_buf_puts(&q, kw1));
  KGI_TRY(st, kgi_buf_puts(&q, g1));
  KGI_TRY(st, kgi_buf_puts(&q, kw2));
  if (g2) {
    KGI_TRY(st, kgi_buf_puts(&q, g2));
    KGI_TRY(st, kgi_buf_puts(&q, kw3));
  }
  st = kgp_update(p, kgi_buf_cstr(&q), graph, step, retries, r);
out:
  kgi_buf_free(&q);
  return st;
}

static KgStatus kgp_drop(KgPusher *p, const char *g, const char *graph, const char *step,
                         int retries, KgiHttpResponse *r) {
  return kgp_graph_update(p, "DROP SILENT GRAPH <", g, ">", NULL, NULL, graph, step, retries, r);
}

/* Serialize the next chunk from *pos, halving it while an Update request would be too big. */
static KgStatus kgp_next_chunk(KgPusher *p, const KgTriples *t, size_t pos, size_t *k,
                               char **nt, size_t *len) {
  size_t n = kg_triples_count(t);
  *k = n - pos < p->chunk ? n - pos : p->chunk;
  for (;;) {
    KgStatus st = kgp_serialize(p, t, pos, pos + *k, nt, len);
    if (st != KG_SUCCESS)
      return st;
    if (p->method != KG_PUSH_UPDATE || *len <= KGP_MAX_UPDATE_BYTES || *k == 1)
      return KG_SUCCESS;
    free(*nt);
    *nt = NULL;
    *k /= 2;
  }
}

/* Send one chunk to @p graph: replacing it (first) or adding to it. */
static KgStatus kgp_send_chunk(KgPusher *p, const char *graph, int first, const char *nt,
                               size_t len, KgiHttpResponse *r) {
  if (p->method == KG_PUSH_GRAPH_STORE)
    return kgp_gsp(p, first ? "PUT" : "POST", graph, nt, len, r);
  char *drop = NULL;
  if (first) {
    size_t n = strlen(graph) + 32;
    if (!(drop = kg_malloc(n)))
      return KG_ERR_NOMEM;
    snprintf(drop, n, "DROP SILENT GRAPH <%s> ;\n", graph);
  }
  char *q = kgp_insert_data(drop ? drop : "", graph, nt, len);
  kg_free(drop);
  if (!q)
    return KG_ERR_NOMEM;
  KgStatus st = kgp_update(p, q, graph, graph, -1, r);
  kg_free(q);
  return st;
}

static KgStatus kgp_expect(KgPusher *p, const char *graph, const char *where, size_t want) {
  size_t got = 0;
  KgStatus st = kg_pusher_count(p, graph, &got);
  if (st != KG_SUCCESS)
    return st;
  if (got != want) {
    kgi_log(&p->log, KG_LOG_ERROR, KG_ERR_STORE, graph, -1,
            "the server holds %zu triples in %s after loading, %zu were sent%s", got, where,
            want,
            got < want ? " (a partial commit, or literals the server stores in canonical form)"
                       : "");
    return KG_ERR_STORE;
  }
  return KG_SUCCESS;
}

/* MOVE staging onto target, then prove it with two counts. */
static KgStatus kgp_move(KgPusher *p, const char *staging, const char *graph, size_t n) {
  KgHttpOptions o;
  kgi_http_resolve(&p->http, &o);
  long delay = o.retry_delay_ms;
  KgiHttpResponse r;
  KgStatus st = KG_SUCCESS;
  kgi_http_response_init(&r);
  for (int attempt = 0;; attempt++) {
    st = kgp_graph_update(p, "MOVE SILENT GRAPH <", staging, "> TO GRAPH <", graph, ">", graph,
                          "MOVE", 0, &r);
    if (st == KG_SUCCESS)
      break;
    /* only a server that answered (and so rolled back) may be asked again */
    int answered = r.status != 0 && kgi_http_status_transient(r.status);
    size_t left = 0;
    if (!answered || attempt >= o.retries || kg_pusher_count(p, staging, &left) != KG_SUCCESS ||
        left != n) {
      kgp_fail(p, st, graph, "MOVE from the staging graph", &r);
      if (!r.status)
        kgi_log(&p->log, KG_LOG_ERROR, st, graph, -1,
                "the server may still complete the MOVE; the graph then holds the new "
                "triples, else its old ones (never a part)");
      goto out;
    }
    char desc[320];
    kgi_log(&p->log, KG_LOG_WARNING, st, graph, -1, "MOVE: %s; retrying in %.1f s",
            kgi_http_describe(&r, desc, sizeof desc), (double)delay / 1000.0);
    kgi_sleep_ms(delay);
    delay *= 2;
  }
  size_t left = 0;
  if ((st = kgp_expect(p, graph, "the graph", n)) != KG_SUCCESS)
    goto out;
  if ((st = kg_pusher_count(p, staging, &left)) != KG_SUCCESS)
    goto out;
  if (left) {
    kgi_log(&p->log, KG_LOG_ERROR, KG_ERR_STORE, graph, -1,
            "the staging graph <%s> still holds %zu triples after MOVE", staging, left);
    st = KG_ERR_STORE;
  }
out:
  kgi_http_response_free(&r);
  return st;
}

static KgStatus kgp_dedup(const KgTriples *t, KgTriples **out, int *has_blank) {
  KgTriples *u = kg_triples_new();
  KgStatus st = u ? KG_SUCCESS : KG_ERR_NOMEM;
  *has_blank = 0;
  for (size_t i = 0; st == KG_SUCCESS && i < kg_triples_count(t); i++) {
    KgTriple tr = *kg_triples_get(t, i);
    tr.g = NULL;
    if (tr.s.type == KG_TERM_BLANK || tr.o.type == KG_TERM_BLANK)
      *has_blank = 1;
    st = kg_triples_add(u, &tr);
  }
  if (st == KG_SUCCESS)
    st = kg_triples_sort_unique(u);
  if (st != KG_SUCCESS) {
    kg_triples_free(u);
    u = NULL;
  }
  *out = u;
  return st;
}

KgStatus kg_pusher_push(KgPusher *p, const char *graph, const KgTriples *t, size_t *landed) {
  KgTriples *u = NULL;
  KgiHttpResponse r;
  char *nt = NULL, staging[96];
  size_t len = 0, k = 0, n, pos, requests = 0;
  int has_blank, staged = 0;
  KgStatus st;

  if (landed)
    *landed = 0;
  if (!p || !t)
    return KG_ERR_BAD_ARG;
  if (!kg_push_graph_iri_ok(graph)) {
    kgi_log(&p->log, KG_LOG_ERROR, KG_ERR_BAD_ARG, graph, -1,
            "not an absolute IRI that can name a graph");
    return KG_ERR_BAD_ARG;
  }
  kgi_http_response_init(&r);
  if ((st = kgp_dedup(t, &u, &has_blank)) != KG_SUCCESS)
    return st;
  n = kg_triples_count(u);

  if (n == 0) {
    if (p->method == KG_PUSH_GRAPH_STORE)
      st = kgp_gsp(p, "PUT", graph, "", 0, &r);
    else
      st = kgp_drop(p, graph, graph, graph, -1, &r);
    if (st != KG_SUCCESS) {
      kgp_fail(p, st, graph, "emptying the graph", &r);
      goto out;
    }
    st = kgp_expect(p, graph, "the graph", 0);
    goto out;
  }

  KGI_TRY(st, kgp_next_chunk(p, u, 0, &k, &nt, &len));
  if (k == n) {
    /* one request replaces the graph whole */
    st = kgp_send_chunk(p, graph, 1, nt, len, &r);
    if (st != KG_SUCCESS) {
      kgp_fail(p, st, graph, p->method == KG_PUSH_GRAPH_STORE ? "PUT" : "DROP + INSERT DATA", &r);
      goto out;
    }
    requests = 1;
    st = kgp_expect(p, graph, "the graph", n);
    goto out;
  }

  if (has_blank) {
    kgi_log(&p->log, KG_LOG_ERROR, KG_ERR_UNSUPPORTED, graph, -1,
            "%zu triples with blank nodes need several requests, which would split blank "
            "nodes into different ones; raise --chunk-size above %zu or give the blank nodes "
            "IRIs", n, n);
    st = KG_ERR_UNSUPPORTED;
    goto out;
  }
  char hex[65];
  kg_sha256_hex(graph, strlen(graph), hex);
  snprintf(staging, sizeof staging, "urn:kgbuild:staging:%.32s", hex);
  staged = 1;
  for (pos = 0; pos < n; pos += k) {
    if (pos > 0)
      KGI_TRY(st, kgp_next_chunk(p, u, pos, &k, &nt, &len));
    st = kgp_send_chunk(p, staging, pos == 0, nt, len, &r);
    free(nt);
    nt = NULL;
    if (st != KG_SUCCESS) {
      char step[96];
      snprintf(step, sizeof step, "request %zu (triples %zu-%zu) to the staging graph",
               requests + 1, pos + 1, pos + k);
      kgp_fail(p, st, graph, step, &r);
      goto out;
    }
    requests++;
    kgi_http_response_free(&r);
  }
  KGI_TRY(st, kgp_expect(p, staging, "the staging graph", n));
  st = kgp_move(p, staging, graph, n);
  if (st == KG_SUCCESS)
    staged = 0;

out:
  if (st == KG_SUCCESS) {
    if (landed)
      *landed = n;
    kgi_log(&p->log, KG_LOG_INFO, KG_SUCCESS, graph, -1, "%zu triples in %zu request%s%s", n,
            requests, requests == 1 ? "" : "s", requests > 1 ? ", moved from a staging graph" : "");
  } else if (staged) {
    /* best effort, one try with a short timeout: the failure is already reported */
    KgiHttpResponse r2;
    KgHttpOptions save = p->http;
    kgi_http_response_init(&r2);
    p->http.timeout_ms = 20000;
    kgp_drop(p, staging, graph, "DROP staging", 0, &r2);
    p->http = save;
    kgi_http_response_free(&r2);
  }
  free(nt);
  kgi_http_response_free(&r);
  kg_triples_free(u);
  return st;
}
