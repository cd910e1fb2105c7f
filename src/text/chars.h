/*
 * chars.h - the character classes, case mapping and ASCII folding the tokenizer and the
 * phrase tables share. Private to src/text and src/extract.
 *
 * Lower-casing and folding never make a string longer (every mapping here keeps or
 * shrinks the UTF-8 length), so callers size output buffers by the input length.
 */
#ifndef KG_TEXT_CHARS_H
#define KG_TEXT_CHARS_H

#include <stddef.h>
#include <stdint.h>

typedef enum {
  KGC_SPACE = 0, /* spaces, tabs, NBSP and the other Unicode spaces */
  KGC_NEWLINE,   /* \n (and \r, \f, \v, U+2028/2029) */
  KGC_LETTER,
  KGC_DIGIT,
  KGC_MARK,      /* combining marks, variation selectors, ZWJ: part of the word before */
  KGC_APOS,      /* ' ’ ʼ */
  KGC_HYPHEN,    /* - ‐ ‑ (inside words) */
  KGC_DASH,      /* ‒ – — ― */
  KGC_DOT,
  KGC_COMMA,
  KGC_QUOTE,     /* " “ ” „ « » ‹ › ‘ */
  KGC_PUNCT,     /* other punctuation */
  KGC_SYMBOL     /* $ € % & emoji ... */
} KgcClass;

/* Decode the code point at s[p] (n bytes left, n > 0); sets *cp and returns its length.
 * Invalid bytes decode as U+FFFD of length 1. */
size_t kgc_decode(const unsigned char *s, size_t n, uint32_t *cp);
/* Classes of the ASCII code points (KgcClass values), for the inline kgc_class(). */
extern const unsigned char kgc_ascii_class[128];
KgcClass kgc_class_any(uint32_t cp);
/* ASCII inline (most text), the rest through the tables of chars.c. */
static inline KgcClass kgc_class(uint32_t cp) {
  return cp < 0x80 ? (KgcClass)kgc_ascii_class[cp] : kgc_class_any(cp);
}
int kgc_is_upper(uint32_t cp);
int kgc_is_lower(uint32_t cp);
uint32_t kgc_to_lower(uint32_t cp);
/* Encode @p cp into @p out (4 bytes room); returns the length. */
size_t kgc_encode(uint32_t cp, char *out);
/* ASCII folding of one code point into @p out (lower case); returns bytes written (0 drops
 * it, e.g. combining accents). Never more bytes than the code point's UTF-8 length. */
size_t kgc_fold_cp(uint32_t cp, char *out);

#endif
