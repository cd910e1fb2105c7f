/*
 * util.h - private helpers shared by every module: diagnostics, growable buffers with a
 * ceiling, small string helpers. Not API.
 */
#ifndef KG_UTIL_H
#define KG_UTIL_H

#include <stdarg.h>
#include <stddef.h>
#include <kgbuild/common.h>

#if defined(__GNUC__)
#define KGI_PRINTF(a, b) __attribute__((format(printf, a, b)))
#define KGI_NOINLINE __attribute__((noinline))
#else
#define KGI_PRINTF(a, b)
#define KGI_NOINLINE
#endif

/* Chain calls that return KgStatus; on failure jump to the function's one exit. */
#define KGI_TRY(st, expr)          \
  do {                             \
    (st) = (expr);                 \
    if ((st) != KG_SUCCESS)        \
      goto out;                    \
  } while (0)

/** Send a formatted diagnostic to @p log (which may be NULL). */
void kgi_log(const KgLog *log, KgLogLevel level, KgStatus st, const char *source,
             long offset, const char *fmt, ...) KGI_PRINTF(6, 7);

/**
 * A growable byte buffer with a ceiling: appending past @c max returns
 * KG_ERR_TOO_LARGE and leaves the buffer as it was. @c data is always NUL-terminated
 * once anything was appended (or after kgi_buf_cstr()).
 */
typedef struct {
  char *data;
  size_t len;
  size_t cap;
  size_t max;
} KgiBuf;

void kgi_buf_init(KgiBuf *b, size_t max);
KgStatus kgi_buf_append(KgiBuf *b, const void *data, size_t n);
KgStatus kgi_buf_putc(KgiBuf *b, char c);
KgStatus kgi_buf_puts(KgiBuf *b, const char *s);
KgStatus kgi_buf_printf(KgiBuf *b, const char *fmt, ...) KGI_PRINTF(2, 3);
/** Ensure the data is NUL-terminated and return it (never NULL). */
const char *kgi_buf_cstr(KgiBuf *b);
/** Hand the data over to the caller (kg_free it); the buffer is reset. */
char *kgi_buf_steal(KgiBuf *b, size_t *len);
void kgi_buf_free(KgiBuf *b);

/**
 * Load the shared objects named in @p sonames (separated by spaces, as configure found
 * them) and find @p n symbols in them: out[i] for names[i]. They stay loaded for the life
 * of the process. 0 on success; -1 with the reason in @p why.
 */
int kgi_dl_load(const char *sonames, const char *const *names, void **out, size_t n,
                char *why, size_t whylen);

/* The table of a library loaded on first use. SYMBOLS(X) lists its functions and data as
 * X(name) ...; KGI_DL_API(api, SYMBOLS, sonames) defines `api` (a struct of pointers, one
 * per name, typed from the library's own declarations) and `api_ensure()`, which loads the
 * library once (thread-safe) and returns NULL, or the reason it could not. The file that
 * uses it includes <pthread.h> and <string.h>. */
#define KGI_DL_MEMBER(f) __typeof__(f) *f;
#define KGI_DL_NAME(f) #f,
/* dlsym gives an object pointer; ISO C has no conversion to a function pointer */
#define KGI_DL_SET(f) memcpy(&kgi_dl_t->f, &kgi_dl_p[kgi_dl_i++], sizeof kgi_dl_t->f);
#define KGI_DL_API(api, SYMBOLS, sonames)                                                   \
  static struct {                                                                          \
    SYMBOLS(KGI_DL_MEMBER)                                                                 \
  } api;                                                                                   \
  static pthread_once_t api##_once = PTHREAD_ONCE_INIT;                                    \
  static int api##_loaded; /* 1 loaded, -1 failed (api##_why says why) */                 \
  static char api##_why[512];                                                              \
  static void api##_load(void) {                                                           \
    static const char *const kgi_dl_names[] = {SYMBOLS(KGI_DL_NAME)};                      \
    void *kgi_dl_p[sizeof kgi_dl_names / sizeof *kgi_dl_names];                            \
    if (kgi_dl_load(sonames, kgi_dl_names, kgi_dl_p, sizeof kgi_dl_names / sizeof *kgi_dl_names, \
                    api##_why, sizeof api##_why) != 0) {                                   \
      api##_loaded = -1;                                                                   \
      return;                                                                              \
    }                                                                                      \
    __typeof__(api) *kgi_dl_t = &api;                                                      \
    size_t kgi_dl_i = 0;                                                                   \
    SYMBOLS(KGI_DL_SET)                                                                    \
    api##_loaded = 1;                                                                      \
  }                                                                                        \
  static const char *api##_ensure(void) {                                                  \
    pthread_once(&api##_once, api##_load);                                                 \
    return api##_loaded < 0 ? api##_why : NULL;                                            \
  }

/** Byte-wise string compare that accepts NULL (NULL sorts first). */
int kgi_strcmp0(const char *a, const char *b);
/** 1 when @p s ends with @p suffix (ASCII case-insensitive). */
int kgi_ends_with_ci(const char *s, const char *suffix);


/**
 * An arena: bytes taken from it never move and are freed all at once. Starts empty
 * ({NULL}); chunks grow from 8 KiB, doubling up to 1 MiB.
 */
typedef struct KgiArenaChunk KgiArenaChunk;
typedef struct {
  KgiArenaChunk *chunks; /* newest first */
} KgiArena;
/** Room for @p need bytes; NULL when out of memory (the arena is unchanged). */
char *kgi_arena_take(KgiArena *a, size_t need);
/** The same, aligned for any type (for structures kept in the arena). */
void *kgi_arena_take_aligned(KgiArena *a, size_t need);
/** Frees every chunk; the arena is empty again. */
void kgi_arena_free(KgiArena *a);


/* ------------------------------------------------------------------ prepared data
 * A loader that builds tables from text files may write them once to a file of sections
 * (each a length and its bytes, 8-aligned) and map that file back in later runs instead
 * of parsing again. The file is only as trustworthy as the disk: whoever reads a section
 * checks every index in it before use. */
#include <stdint.h>

typedef struct {
  KgiBuf b;
  KgStatus st; /* the first error: later puts do nothing */
} KgiSnapW;

void kgi_snapw_init(KgiSnapW *w);
void kgi_snapw_free(KgiSnapW *w);
/** Append a section of @p n bytes. */
void kgi_snapw_put(KgiSnapW *w, const void *p, size_t n);
/** Append one 64-bit value (no length). */
void kgi_snapw_u64(KgiSnapW *w, uint64_t v);
/** Write it all to @p path through a temporary file renamed over it. */
KgStatus kgi_snapw_commit(KgiSnapW *w, const char *path);

typedef struct {
  void *base;
  size_t len;
} KgiMap;

/** Map the file @p path read-only (all of its pages at once). KG_ERR_NOT_FOUND when it
 * does not exist; unmap with kgi_unmap(). */
KgStatus kgi_map_file(const char *path, KgiMap *m);
void kgi_unmap(KgiMap *m);

typedef struct {
  const unsigned char *p, *end;
  int bad; /* set by a read past the end: every later read returns nothing */
} KgiSnapR;

void kgi_snapr_init(KgiSnapR *r, const void *p, size_t n);
uint64_t kgi_snapr_u64(KgiSnapR *r);
/** The next section (*n bytes), pointing into the mapping; NULL when there is none. */
const void *kgi_snapr_get(KgiSnapR *r, size_t *n);
/** The next section as an array of *count items of @p size bytes. */
const void *kgi_snapr_array(KgiSnapR *r, size_t size, size_t *count);

/** The folder for prepared data: $KGBUILD_CACHE_DIR ("" or "off": none), else
 * $XDG_CACHE_HOME/kgbuild, else $HOME/.cache/kgbuild. 0 when there is none. */
int kgi_cache_dir(char *out, size_t cap);
/** A checksum of @p n bytes (not cryptographic: it catches a damaged file). */
uint64_t kgi_snap_sum(const void *p, size_t n);
/** mkdir -p with mode 0700; 0 on success. */
int kgi_mkdirs(const char *dir);


/* Strings of a prepared file: one pool section, and references to it (0: NULL). */
void kgi_pool_init(KgiBuf *pool);
/** The reference of @p s (copied into @p pool); errors go to @p w. */
uint32_t kgi_pool_ref(KgiSnapW *w, KgiBuf *pool, const char *s);
/** The string of reference @p ref in the mapped pool (@p n bytes); *bad set when out of it. */
const char *kgi_pool_str(const char *pool, size_t n, uint32_t ref, int *bad);

#endif
