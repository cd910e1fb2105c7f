/*
 * snap.c - prepared-data files: what a loader built from text, written once as sections
 * of bytes and mapped back by later runs (see util.h).
 */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include "util/util.h"

#define KGI_SNAP_MAX_BYTES ((size_t)1 << 30)

void kgi_snapw_init(KgiSnapW *w) {
  kgi_buf_init(&w->b, KGI_SNAP_MAX_BYTES);
  w->st = KG_SUCCESS;
}

void kgi_snapw_free(KgiSnapW *w) { kgi_buf_free(&w->b); }

static void kgi_snapw_raw(KgiSnapW *w, const void *p, size_t n) {
  static const char zero[8];
  if (w->st == KG_SUCCESS && n)
    w->st = kgi_buf_append(&w->b, p, n);
  if (w->st == KG_SUCCESS && n % 8)
    w->st = kgi_buf_append(&w->b, zero, 8 - n % 8);
}

void kgi_snapw_u64(KgiSnapW *w, uint64_t v) { kgi_snapw_raw(w, &v, sizeof v); }

void kgi_snapw_put(KgiSnapW *w, const void *p, size_t n) {
  kgi_snapw_u64(w, (uint64_t)n);
  kgi_snapw_raw(w, p, n);
}

KgStatus kgi_snapw_commit(KgiSnapW *w, const char *path) {
  if (w->st != KG_SUCCESS)
    return w->st;
  char tmp[4096];
  if ((size_t)snprintf(tmp, sizeof tmp, "%s.XXXXXX", path) >= sizeof tmp)
    return KG_ERR_BAD_ARG;
  int fd = mkstemp(tmp);
  if (fd < 0)
    return KG_ERR_IO;
  size_t off = 0;
  while (off < w->b.len) {
    ssize_t k = write(fd, w->b.data + off, w->b.len - off);
    if (k < 0 && errno == EINTR)
      continue;
    if (k <= 0)
      break;
    off += (size_t)k;
  }
  /* a reader maps it while it may be replaced: rename() swaps it whole, never half written */
  if (off != w->b.len || fchmod(fd, 0644) != 0 || close(fd) != 0 || rename(tmp, path) != 0) {
    if (off != w->b.len)
      close(fd);
    unlink(tmp);
    return KG_ERR_IO;
  }
  return KG_SUCCESS;
}

KgStatus kgi_map_file(const char *path, KgiMap *m) {
  m->base = NULL;
  m->len = 0;
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0)
    return errno == ENOENT ? KG_ERR_NOT_FOUND : KG_ERR_IO;
  struct stat sb;
  if (fstat(fd, &sb) != 0 || !S_ISREG(sb.st_mode) || sb.st_size <= 0 ||
      (unsigned long long)sb.st_size > KGI_SNAP_MAX_BYTES) {
    close(fd);
    return KG_ERR_PARSE;
  }
#ifdef MAP_POPULATE
  int flags = MAP_PRIVATE | MAP_POPULATE; /* one call maps every page: no fault per page */
#else
  int flags = MAP_PRIVATE;
#endif
  void *p = mmap(NULL, (size_t)sb.st_size, PROT_READ, flags, fd, 0);
  close(fd);
  if (p == MAP_FAILED)
    return KG_ERR_IO;
  m->base = p;
  m->len = (size_t)sb.st_size;
  return KG_SUCCESS;
}

void kgi_unmap(KgiMap *m) {
  if (m && m->base)
    munmap(m->base, m->len);
  if (m) {
    m->base = NULL;
    m->len = 0;
  }
}

void kgi_snapr_init(KgiSnapR *r, const void *p, size_t n) {
  r->p = p;
  r->end = r->p + n;
  r->bad = 0;
}

uint64_t kgi_snapr_u64(KgiSnapR *r) {
  uint64_t v = 0;
  if (r->bad || (size_t)(r->end - r->p) < sizeof v) {
    r->bad = 1;
    return 0;
  }
  memcpy(&v, r->p, sizeof v);
  r->p += sizeof v;
  return v;
}

const void *kgi_snapr_get(KgiSnapR *r, size_t *n) {
  uint64_t len = kgi_snapr_u64(r);
  uint64_t padded = len + (len % 8 ? 8 - len % 8 : 0);
  if (r->bad || len > (uint64_t)(r->end - r->p) || padded > (uint64_t)(r->end - r->p)) {
    r->bad = 1;
    *n = 0;
    return NULL;
  }
  const void *p = r->p;
  r->p += padded;
  *n = (size_t)len;
  return p;
}

const void *kgi_snapr_array(KgiSnapR *r, size_t size, size_t *count) {
  size_t n;
  const void *p = kgi_snapr_get(r, &n);
  if (!p || size == 0 || n % size != 0) {
    r->bad = 1;
    *count = 0;
    return NULL;
  }
  *count = n / size;
  return p;
}

int kgi_cache_dir(char *out, size_t cap) {
  const char *env = getenv("KGBUILD_CACHE_DIR");
  int n;
  if (env)
    n = *env && strcmp(env, "off") != 0 ? snprintf(out, cap, "%s", env) : -1;
  else if ((env = getenv("XDG_CACHE_HOME")) && *env == '/')
    n = snprintf(out, cap, "%s/kgbuild", env);
  else if ((env = getenv("HOME")) && *env == '/')
    n = snprintf(out, cap, "%s/.cache/kgbuild", env);
  else
    n = -1;
  return n > 0 && (size_t)n < cap;
}

int kgi_mkdirs(const char *dir) {
  char p[4096];
  if ((size_t)snprintf(p, sizeof p, "%s", dir) >= sizeof p)
    return -1;
  for (char *s = p + 1; *s; s++) {
    if (*s != '/')
      continue;
    *s = '\0';
    if (mkdir(p, 0700) != 0 && errno != EEXIST)
      return -1;
    *s = '/';
  }
  return mkdir(p, 0700) != 0 && errno != EEXIST ? -1 : 0;
}

void kgi_pool_init(KgiBuf *pool) {
  kgi_buf_init(pool, UINT32_MAX / 2);
  kgi_buf_append(pool, "", 1); /* "" is at 0: empty fields all share it */
}

uint32_t kgi_pool_ref(KgiSnapW *w, KgiBuf *pool, const char *s) {
  if (!s)
    return 0;
  if (!*s)
    return 1;
  size_t off = pool->len;
  if (w->st == KG_SUCCESS && pool->len == 0)
    w->st = KG_ERR_NOMEM; /* kgi_pool_init() could not allocate */
  if (w->st == KG_SUCCESS)
    w->st = kgi_buf_append(pool, s, strlen(s) + 1);
  return w->st == KG_SUCCESS ? (uint32_t)off + 1 : 0;
}

const char *kgi_pool_str(const char *pool, size_t n, uint32_t ref, int *bad) {
  if (!ref)
    return NULL;
  /* the pool ends with a NUL (checked by the reader), so every string in it does */
  if ((size_t)ref - 1 >= n || pool[n - 1] != '\0') {
    *bad = 1;
    return "";
  }
  return pool + ref - 1;
}

uint64_t kgi_snap_sum(const void *p, size_t n) {
  /* four lanes of 64-bit words, so the loop runs at memory speed; a flipped bit anywhere
   * changes the sum */
  const unsigned char *b = p;
  uint64_t a[4] = {0x9E3779B97F4A7C15ULL, 0xC2B2AE3D27D4EB4FULL, 0x165667B19E3779F9ULL,
                   0x27D4EB2F165667C5ULL};
  size_t k = 0;
  for (; k + 32 <= n; k += 32)
    for (int l = 0; l < 4; l++) {
      uint64_t w;
      memcpy(&w, b + k + 8 * l, 8);
      a[l] = (a[l] ^ w) * 0x100000001B3ULL;
      a[l] ^= a[l] >> 29;
    }
  uint64_t h = a[0] ^ (a[1] << 1) ^ (a[2] << 2) ^ (a[3] << 3) ^ n;
  for (; k < n; k++)
    h = (h ^ b[k]) * 0x100000001B3ULL;
  return h;
}
