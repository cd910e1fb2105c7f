/*
 * kgbuild/common.h - status codes, diagnostics sink and allocator shared by every module.
 *
 * Only the headers installed under include/kgbuild/ are API; everything in src/ is private.
 */
#ifndef KGBUILD_COMMON_H
#define KGBUILD_COMMON_H

#include <stdarg.h>
#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(KG_BUILDING_LIBRARY) && defined(__GNUC__)
#define KG_API __attribute__((visibility("default")))
#else
#define KG_API
#endif

/**
 * Status returned by every fallible call. Codes are appended, never renumbered:
 * programs may store them.
 */
typedef enum {
  KG_SUCCESS = 0,        /**< no error */
  KG_ERR_NOMEM = 1,      /**< an allocation failed */
  KG_ERR_IO = 2,         /**< reading or writing a file failed (errno is kept) */
  KG_ERR_PARSE = 3,      /**< input could not be parsed */
  KG_ERR_TOO_LARGE = 4,  /**< input is over the configured size ceiling */
  KG_ERR_NOT_FOUND = 5,  /**< a file, key or resource does not exist */
  KG_ERR_BAD_ARG = 6,    /**< an argument is invalid */
  KG_ERR_RDF = 7,        /**< the RDF library reported an error */
  KG_ERR_DRAW = 8,       /**< the drawing library reported an error */
  KG_ERR_HTTP = 9,       /**< an HTTP transfer failed */
  KG_ERR_STORE = 10,     /**< the triple store reported an error */
  KG_ERR_UNSUPPORTED = 11, /**< feature not compiled in or not supported */
  KG_ERR_EMPTY = 12,     /**< nothing to do (e.g. a directory without articles) */
  KG_ERR_AUTH = 13,      /**< authentication refused */
  KG_ERR_TIMEOUT = 14,   /**< an operation timed out */
  KG_ERR_DATA = 15       /**< the language data (lexicons, rules) could not be loaded */
} KgStatus;

/** A static English description of @p st. Never NULL. */
KG_API const char *kg_strerror(KgStatus st);

/** The library version, e.g. "0.1.0". */
KG_API const char *kg_version(void);

typedef enum {
  KG_LOG_DEBUG = 0,
  KG_LOG_INFO = 1,
  KG_LOG_WARNING = 2,
  KG_LOG_ERROR = 3
} KgLogLevel;

/** One diagnostic. All pointers are borrowed for the duration of the callback. */
typedef struct {
  KgLogLevel level;
  KgStatus status;
  const char *source; /**< file name or URL the message is about, or NULL */
  long offset;        /**< byte offset in @c source, or -1 */
  const char *message; /**< one line, no trailing newline */
} KgDiag;

typedef void (*KgLogFunc)(void *user_data, const KgDiag *diag);

/**
 * The library never prints: it reports to a sink. A NULL sink or a NULL @c func
 * discards every message.
 */
typedef struct {
  KgLogFunc func;
  void *user_data;
} KgLog;

/* Allocation goes through one choke point so tests can make allocation N fail. */
typedef struct {
  void *(*malloc_fn)(size_t size);
  void *(*realloc_fn)(void *ptr, size_t size);
  void (*free_fn)(void *ptr);
} KgAllocator;

/** Replace the allocator (NULL restores the C library's). Not thread safe. */
KG_API void kg_set_allocator(const KgAllocator *allocator);
KG_API void *kg_malloc(size_t size);
KG_API void *kg_calloc(size_t n, size_t size);
KG_API void *kg_realloc(void *ptr, size_t size);
KG_API void kg_free(void *ptr);
/** Copy of @p s (NULL gives NULL); caller frees with kg_free(). */
KG_API char *kg_strdup(const char *s);
/** Copy of the first @p n bytes of @p s, NUL-terminated; caller frees with kg_free(). */
KG_API char *kg_strndup(const char *s, size_t n);

#ifdef __cplusplus
}
#endif
#endif
