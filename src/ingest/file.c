/*
 * file.c - bytes from files, standard input and streams, and directory expansion.
 *
 * Reading never takes more than the ceiling plus one byte into memory: the extra byte is
 * how we know the input is too large, whatever the file's size claims (a pipe, /proc, a
 * file still growing). errno is left describing the failure of KG_ERR_IO and
 * KG_ERR_NOT_FOUND, for the caller's message.
 */
#include "config.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "ingest/ingest_int.h"

#define KGI_CHUNK ((size_t)64 * 1024)

static size_t kgi_max(const KgIngestOptions *opts) {
  return opts && opts->max_bytes ? opts->max_bytes : KG_DEFAULT_MAX_BYTES;
}

/* Room for one more chunk, but never more than max + 1 bytes in all. */
static size_t kgi_want(const KgiBuf *b, size_t max) {
  size_t left = max - b->len + 1; /* b->len <= max always holds here */
  return left < KGI_CHUNK ? left : KGI_CHUNK;
}

static KgStatus kgi_read_fd(int fd, size_t max, KgiBuf *b) {
  char chunk[KGI_CHUNK];
  for (;;) {
    size_t want = kgi_want(b, max);
    ssize_t r = read(fd, chunk, want);
    if (r < 0) {
      if (errno == EINTR)
        continue;
      return KG_ERR_IO;
    }
    if (r == 0)
      return KG_SUCCESS;
    if (b->len + (size_t)r > max)
      return KG_ERR_TOO_LARGE;
    KgStatus st = kgi_buf_append(b, chunk, (size_t)r);
    if (st)
      return st;
  }
}

/* A regular file of @p size bytes (its fstat()): read straight into a buffer of that
 * size plus one byte, so that the usual file takes one read() and no copy. Getting
 * exactly @p size bytes when one more was asked for is the end; any other count (a
 * file that grew or shrank since, a short read) goes on with kgi_read_fd(). */
static KgStatus kgi_read_sized(int fd, size_t size, size_t max, KgiBuf *b) {
  if (size == 0 || b->data)
    return kgi_read_fd(fd, max, b);
  size_t want = size < max ? size + 1 : max + 1;
  if (!(b->data = kg_malloc(want + 1))) /* and the NUL */
    return KG_ERR_NOMEM;
  b->cap = want + 1;
  ssize_t r;
  while ((r = read(fd, b->data, want)) < 0 && errno == EINTR)
    ;
  if (r < 0)
    return KG_ERR_IO;
  if ((size_t)r > max)
    return KG_ERR_TOO_LARGE;
  b->len = (size_t)r;
  b->data[b->len] = '\0';
  if (r == 0 || ((size_t)r == size && size < want))
    return KG_SUCCESS;
  return kgi_read_fd(fd, max, b);
}

KgStatus kg_ingest_stream(FILE *fp, const char *name, const KgIngestOptions *opts,
                          const KgLog *log, KgArticle **out) {
  size_t max = kgi_max(opts);
  KgiBuf b;
  KgStatus st = KG_SUCCESS;
  char chunk[KGI_CHUNK];
  if (!fp || !out)
    return KG_ERR_BAD_ARG;
  *out = NULL;
  kgi_buf_init(&b, 0);
  for (;;) {
    size_t want = kgi_want(&b, max);
    errno = 0;
    size_t r = fread(chunk, 1, want, fp);
    if (b.len + r > max) {
      st = KG_ERR_TOO_LARGE;
      goto out;
    }
    KGI_TRY(st, kgi_buf_append(&b, chunk, r));
    if (r < want) {
      if (ferror(fp)) {
        if (!errno)
          errno = EIO;
        st = KG_ERR_IO;
        goto out;
      }
      break;
    }
  }
  st = kg_ingest_bytes(b.data ? b.data : "", b.len, name, NULL, opts, log, out);
out:
  kgi_buf_free(&b);
  return st;
}

KgStatus kg_ingest_file(const char *path, const KgIngestOptions *opts, const KgLog *log,
                        KgArticle **out) {
  if (!path || !out)
    return KG_ERR_BAD_ARG;
  *out = NULL;
  if (strcmp(path, "-") == 0)
    return kg_ingest_stream(stdin, "-", opts, log, out);
  size_t max = kgi_max(opts);
  KgiBuf b;
  KgStatus st = KG_SUCCESS;
  int err = 0;
  struct stat sb;
  kgi_buf_init(&b, 0);
  int fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    err = errno;
    st = err == ENOENT || err == ENOTDIR ? KG_ERR_NOT_FOUND : KG_ERR_IO;
    goto out;
  }
  if (fstat(fd, &sb) != 0) {
    err = errno;
    st = KG_ERR_IO;
    goto out;
  }
  if (S_ISDIR(sb.st_mode)) {
    err = EISDIR;
    st = KG_ERR_IO;
    goto out;
  }
  /* a regular file that says it is too large is refused before a byte is read */
  if (S_ISREG(sb.st_mode) && (unsigned long long)sb.st_size > (unsigned long long)max) {
    st = KG_ERR_TOO_LARGE;
    goto out;
  }
  st = S_ISREG(sb.st_mode) ? kgi_read_sized(fd, (size_t)sb.st_size, max, &b)
                            : kgi_read_fd(fd, max, &b);
  if (st == KG_ERR_IO)
    err = errno;
  if (st)
    goto out;
  close(fd);
  fd = -1;
  st = kg_ingest_bytes(b.data ? b.data : "", b.len, path, NULL, opts, log, out);
out:
  if (fd >= 0)
    close(fd);
  kgi_buf_free(&b);
  if (err)
    errno = err;
  return st;
}

/* ---- directory expansion ---- */

/* The directories being walked, to stop at a loop made by a bind mount. */
typedef struct KgiAncestor {
  dev_t dev;
  ino_t ino;
  const struct KgiAncestor *up;
} KgiAncestor;

static KgStatus kgi_paths_push(char ***paths, size_t *n, char *s) {
  char **np = kg_realloc(*paths, (*n + 1) * sizeof *np);
  if (!np)
    return KG_ERR_NOMEM;
  *paths = np;
  np[(*n)++] = s;
  return KG_SUCCESS;
}

static int kgi_is_article_name(const char *name) {
  return kgi_ends_with_ci(name, ".txt") || kgi_ends_with_ci(name, ".html") ||
         kgi_ends_with_ci(name, ".htm");
}

static char *kgi_join(const char *dir, const char *name) {
  size_t dl = strlen(dir), nl = strlen(name);
  int slash = dl > 0 && dir[dl - 1] != '/';
  char *p = kg_malloc(dl + (size_t)slash + nl + 1);
  if (!p)
    return NULL;
  memcpy(p, dir, dl);
  if (slash)
    p[dl] = '/';
  memcpy(p + dl + (size_t)slash, name, nl + 1);
  return p;
}

static KgStatus kgi_walk_dir(const char *dir, const KgiAncestor *up, char ***paths,
                             size_t *n) {
  KgStatus st = KG_SUCCESS;
  DIR *d = opendir(dir);
  if (!d)
    return errno == ENOENT ? KG_ERR_NOT_FOUND : KG_ERR_IO;
  struct stat self;
  if (fstat(dirfd(d), &self) != 0) {
    st = KG_ERR_IO;
    goto out;
  }
  for (const KgiAncestor *a = up; a; a = a->up)
    if (a->dev == self.st_dev && a->ino == self.st_ino)
      goto out; /* already being walked: a loop */
  KgiAncestor me = {self.st_dev, self.st_ino, up};
  for (;;) {
    errno = 0;
    struct dirent *e = readdir(d);
    if (!e) {
      if (errno)
        st = KG_ERR_IO;
      break;
    }
    if (e->d_name[0] == '.')
      continue; /* hidden, and "." and ".." */
    /* the entry's type, when the file system gives it, saves a stat() per file */
    if (e->d_type == DT_REG && !kgi_is_article_name(e->d_name))
      continue;
    char *p = kgi_join(dir, e->d_name);
    if (!p) {
      st = KG_ERR_NOMEM;
      break;
    }
    struct stat sb;
    if (e->d_type == DT_REG) {
      if ((st = kgi_paths_push(paths, n, p)) != KG_SUCCESS) {
        kg_free(p);
        break;
      }
      continue;
    }
    if (lstat(p, &sb) != 0) {
      kg_free(p);
      if (errno == ENOENT)
        continue; /* removed while we walk */
      st = KG_ERR_IO;
      break;
    }
    /* a symbolic link to a file counts; one to a directory is not walked, so a link
       cannot make a loop */
    int link = S_ISLNK(sb.st_mode);
    if (link && stat(p, &sb) != 0) {
      kg_free(p);
      continue; /* dangling */
    }
    if (S_ISDIR(sb.st_mode) && !link) {
      st = kgi_walk_dir(p, &me, paths, n);
      kg_free(p);
      if (st == KG_ERR_NOT_FOUND)
        st = KG_SUCCESS; /* removed while we walk */
      if (st)
        break;
    } else if (S_ISREG(sb.st_mode) && kgi_is_article_name(e->d_name)) {
      if ((st = kgi_paths_push(paths, n, p)) != KG_SUCCESS) {
        kg_free(p);
        break;
      }
    } else {
      kg_free(p);
    }
  }
out:
  {
    int err = errno;
    closedir(d);
    errno = err;
  }
  return st;
}

static int kgi_cmp_path(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

KgStatus kg_ingest_expand(const char *path, char ***paths, size_t *n) {
  struct stat sb;
  if (!path || !paths || !n)
    return KG_ERR_BAD_ARG;
  if (stat(path, &sb) != 0)
    return errno == ENOENT || errno == ENOTDIR ? KG_ERR_NOT_FOUND : KG_ERR_IO;
  size_t before = *n;
  if (!S_ISDIR(sb.st_mode)) {
    /* named explicitly: any extension, and pipes such as /dev/fd/N too */
    char *p = kg_strdup(path);
    if (!p)
      return KG_ERR_NOMEM;
    KgStatus st = kgi_paths_push(paths, n, p);
    if (st)
      kg_free(p);
    return st;
  }
  KgStatus st = kgi_walk_dir(path, NULL, paths, n);
  if (st) {
    int err = errno;
    for (size_t i = before; i < *n; i++)
      kg_free((*paths)[i]);
    *n = before;
    errno = err;
    return st == KG_ERR_NOT_FOUND ? KG_ERR_IO : st;
  }
  if (*n > before)
    qsort(*paths + before, *n - before, sizeof **paths, kgi_cmp_path);
  return KG_SUCCESS;
}

void kg_ingest_free_paths(char **paths, size_t n) {
  if (!paths)
    return;
  for (size_t i = 0; i < n; i++)
    kg_free(paths[i]);
  kg_free(paths);
}
