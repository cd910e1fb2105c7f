/* common.c - status strings, version, the allocation choke point, diagnostics. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "util/util.h"

static KgAllocator kgi_alloc = {malloc, realloc, free};

const char *kg_version(void) { return PACKAGE_VERSION; }

const char *kg_strerror(KgStatus st) {
  switch (st) {
  case KG_SUCCESS: return "success";
  case KG_ERR_NOMEM: return "out of memory";
  case KG_ERR_IO: return "input/output error";
  case KG_ERR_PARSE: return "parse error";
  case KG_ERR_TOO_LARGE: return "input too large";
  case KG_ERR_NOT_FOUND: return "not found";
  case KG_ERR_BAD_ARG: return "invalid argument";
  case KG_ERR_RDF: return "RDF library error";
  case KG_ERR_DRAW: return "drawing error";
  case KG_ERR_HTTP: return "HTTP error";
  case KG_ERR_STORE: return "store error";
  case KG_ERR_UNSUPPORTED: return "not supported";
  case KG_ERR_EMPTY: return "nothing to do";
  case KG_ERR_AUTH: return "authentication refused";
  case KG_ERR_TIMEOUT: return "timed out";
  case KG_ERR_DATA: return "the language data could not be loaded";
  }
  return "unknown error";
}

void kg_set_allocator(const KgAllocator *allocator) {
  if (allocator)
    kgi_alloc = *allocator;
  else {
    kgi_alloc.malloc_fn = malloc;
    kgi_alloc.realloc_fn = realloc;
    kgi_alloc.free_fn = free;
  }
}

void *kg_malloc(size_t size) { return kgi_alloc.malloc_fn(size ? size : 1); }

void *kg_calloc(size_t n, size_t size) {
  if (size && n > (size_t)-1 / size)
    return NULL;
  void *p = kg_malloc(n * size);
  if (p)
    memset(p, 0, (n * size) != 0 ? n * size : 1);
  return p;
}

void *kg_realloc(void *ptr, size_t size) { return kgi_alloc.realloc_fn(ptr, size ? size : 1); }

void kg_free(void *ptr) {
  if (ptr)
    kgi_alloc.free_fn(ptr);
}

char *kg_strndup(const char *s, size_t n) {
  if (!s)
    return NULL;
  char *d = kg_malloc(n + 1);
  if (!d)
    return NULL;
  memcpy(d, s, n);
  d[n] = '\0';
  return d;
}

char *kg_strdup(const char *s) { return s ? kg_strndup(s, strlen(s)) : NULL; }

void kgi_log(const KgLog *log, KgLogLevel level, KgStatus st, const char *source,
             long offset, const char *fmt, ...) {
  if (!log || !log->func)
    return;
  char msg[1024];
  va_list ap;
  va_start(ap, fmt);
  vsnprintf(msg, sizeof msg, fmt, ap);
  va_end(ap);
  /* one line: a message never carries a newline to the sink */
  for (char *c = msg; *c; c++)
    if (*c == '\n' || *c == '\r')
      *c = ' ';
  KgDiag d = {level, st, source, offset, msg};
  log->func(log->user_data, &d);
}

int kgi_strcmp0(const char *a, const char *b) {
  if (a == b)
    return 0;
  if (!a)
    return -1;
  if (!b)
    return 1;
  return strcmp(a, b);
}

int kgi_ends_with_ci(const char *s, const char *suffix) {
  size_t n = strlen(s), m = strlen(suffix);
  if (m > n)
    return 0;
  for (size_t i = 0; i < m; i++) {
    char a = s[n - m + i], b = suffix[i];
    if (a >= 'A' && a <= 'Z')
      a = (char)(a - 'A' + 'a');
    if (b >= 'A' && b <= 'Z')
      b = (char)(b - 'A' + 'a');
    if (a != b)
      return 0;
  }
  return 1;
}

