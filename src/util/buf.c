/* buf.c - growable buffers that refuse to grow past their ceiling. */
#include "config.h"

#include <stdio.h>
#include <string.h>

#include "util/util.h"

void kgi_buf_init(KgiBuf *b, size_t max) {
  b->data = NULL;
  b->len = b->cap = 0;
  b->max = max ? max : (size_t)-1 / 2;
}

static KgStatus kgi_buf_reserve(KgiBuf *b, size_t extra) {
  if (extra > b->max || b->len > b->max - extra)
    return KG_ERR_TOO_LARGE;
  size_t need = b->len + extra + 1; /* room for the NUL */
  if (need <= b->cap)
    return KG_SUCCESS;
  size_t cap = b->cap ? b->cap : 64;
  while (cap < need)
    cap = cap > (size_t)-1 / 4 ? need : cap * 2;
  char *p = kg_realloc(b->data, cap);
  if (!p)
    return KG_ERR_NOMEM;
  b->data = p;
  b->cap = cap;
  return KG_SUCCESS;
}

KgStatus kgi_buf_append(KgiBuf *b, const void *data, size_t n) {
  KgStatus st = kgi_buf_reserve(b, n);
  if (st)
    return st;
  if (n)
    memcpy(b->data + b->len, data, n);
  b->len += n;
  b->data[b->len] = '\0';
  return KG_SUCCESS;
}

KgStatus kgi_buf_putc(KgiBuf *b, char c) { return kgi_buf_append(b, &c, 1); }

KgStatus kgi_buf_puts(KgiBuf *b, const char *s) { return kgi_buf_append(b, s, strlen(s)); }

KgStatus kgi_buf_printf(KgiBuf *b, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int n = vsnprintf(NULL, 0, fmt, ap);
  va_end(ap);
  if (n < 0)
    return KG_ERR_BAD_ARG;
  KgStatus st = kgi_buf_reserve(b, (size_t)n);
  if (st)
    return st;
  va_start(ap, fmt);
  vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
  va_end(ap);
  b->len += (size_t)n;
  return KG_SUCCESS;
}

const char *kgi_buf_cstr(KgiBuf *b) {
  if (!b->data) {
    if (kgi_buf_reserve(b, 0) != KG_SUCCESS)
      return "";
    b->data[0] = '\0';
  }
  return b->data;
}

char *kgi_buf_steal(KgiBuf *b, size_t *len) {
  char *d = b->data;
  if (!d)
    d = kg_strdup("");
  if (len)
    *len = d ? b->len : 0;
  b->data = NULL;
  b->len = b->cap = 0;
  return d;
}

void kgi_buf_free(KgiBuf *b) {
  kg_free(b->data);
  b->data = NULL;
  b->len = b->cap = 0;
}
