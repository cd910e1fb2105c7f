/* chars.c - UTF-8 decoding, character classes, case mapping and folding (see chars.h). */
#include "config.h"

#include "text/chars.h"

/* U+00C0..U+017F folded to lower-case ASCII (x and / stand for the two symbols there,
 * which kgc_fold_cp() never looks up). */
static const char *const kgc_latin_fold[192] = {"a","a","a","a","a","a","ae","c","e","e","e","e","i","i","i","i","d","n","o","o","o","o","o","*","o","u","u","u","u","y","th","ss","a","a","a","a","a","a","ae","c","e","e","e","e","i","i","i","i","d","n","o","o","o","o","o","/","o","u","u","u","u","y","th","y","a","a","a","a","a","a","c","c","c","c","c","c","c","c","d","d","d","d","e","e","e","e","e","e","e","e","e","e","g","g","g","g","g","g","g","g","h","h","h","h","i","i","i","i","i","i","i","i","i","i","ij","ij","j","j","k","k","k","l","l","l","l","l","l","l","l","l","l","n","n","n","n","n","n","n","n","n","o","o","o","o","o","o","oe","oe","r","r","r","r","r","r","s","s","s","s","s","s","s","s","t","t","t","t","t","t","u","u","u","u","u","u","u","u","u","u","u","u","w","w","y","y","y","z","z","z","z","z","z","s"};

/* ASCII classes, indexed by byte. */
const unsigned char kgc_ascii_class[128] = {
    /* control characters are spaces, except the line breaks */
    KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE,
    KGC_SPACE, KGC_SPACE, KGC_NEWLINE, KGC_NEWLINE, KGC_NEWLINE, KGC_NEWLINE, KGC_SPACE,
    KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE,
    KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE, KGC_SPACE,
    KGC_SPACE,
    /* ' ' */ KGC_SPACE, /* ! */ KGC_PUNCT, /* " */ KGC_QUOTE, /* # */ KGC_SYMBOL,
    /* $ */ KGC_SYMBOL, /* % */ KGC_SYMBOL, /* & */ KGC_SYMBOL, /* ' */ KGC_APOS,
    /* ( */ KGC_PUNCT, /* ) */ KGC_PUNCT, /* * */ KGC_SYMBOL, /* + */ KGC_SYMBOL,
    /* , */ KGC_COMMA, /* - */ KGC_HYPHEN, /* . */ KGC_DOT, /* / */ KGC_PUNCT,
    KGC_DIGIT, KGC_DIGIT, KGC_DIGIT, KGC_DIGIT, KGC_DIGIT, KGC_DIGIT, KGC_DIGIT, KGC_DIGIT,
    KGC_DIGIT, KGC_DIGIT,
    /* : */ KGC_PUNCT, /* ; */ KGC_PUNCT, /* < */ KGC_SYMBOL, /* = */ KGC_SYMBOL,
    /* > */ KGC_SYMBOL, /* ? */ KGC_PUNCT, /* @ */ KGC_SYMBOL,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    /* [ */ KGC_PUNCT, /* \ */ KGC_SYMBOL, /* ] */ KGC_PUNCT, /* ^ */ KGC_SYMBOL,
    /* _ */ KGC_SYMBOL, /* ` */ KGC_SYMBOL,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER, KGC_LETTER,
    /* { */ KGC_PUNCT, /* | */ KGC_SYMBOL, /* } */ KGC_PUNCT, /* ~ */ KGC_SYMBOL,
    /* DEL */ KGC_SPACE};

size_t kgc_decode(const unsigned char *s, size_t n, uint32_t *cp) {
  unsigned c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t len;
  uint32_t v, min;
  if ((c & 0xE0) == 0xC0) {
    len = 2, v = c & 0x1F, min = 0x80;
  } else if ((c & 0xF0) == 0xE0) {
    len = 3, v = c & 0x0F, min = 0x800;
  } else if ((c & 0xF8) == 0xF0) {
    len = 4, v = c & 0x07, min = 0x10000;
  } else {
    *cp = 0xFFFD;
    return 1;
  }
  if (len > n) {
    *cp = 0xFFFD;
    return 1;
  }
  for (size_t k = 1; k < len; k++) {
    if ((s[k] & 0xC0) != 0x80) {
      *cp = 0xFFFD;
      return 1;
    }
    v = (v << 6) | (s[k] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = 0xFFFD;
    return 1;
  }
  *cp = v;
  return len;
}

size_t kgc_encode(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)cp;
    return 1;
  }
  if (cp < 0x800) {
    out[0] = (char)(0xC0 | (cp >> 6));
    out[1] = (char)(0x80 | (cp & 0x3F));
    return 2;
  }
  if (cp < 0x10000) {
    out[0] = (char)(0xE0 | (cp >> 12));
    out[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
    out[2] = (char)(0x80 | (cp & 0x3F));
    return 3;
  }
  out[0] = (char)(0xF0 | (cp >> 18));
  out[1] = (char)(0x80 | ((cp >> 12) & 0x3F));
  out[2] = (char)(0x80 | ((cp >> 6) & 0x3F));
  out[3] = (char)(0x80 | (cp & 0x3F));
  return 4;
}

KgcClass kgc_class_any(uint32_t cp) {
  if (cp < 0x80)
    return (KgcClass)kgc_ascii_class[cp];
  if (cp < 0xC0) {
    switch (cp) {
    case 0x85: return KGC_NEWLINE;
    case 0xA0: return KGC_SPACE;
    case 0xAB: case 0xBB: return KGC_QUOTE;
    case 0xAA: case 0xB5: case 0xBA: return KGC_LETTER;
    case 0xAD: return KGC_MARK; /* soft hyphen: invisible, part of the word */
    case 0xA1: case 0xA7: case 0xB6: case 0xB7: case 0xBF: return KGC_PUNCT;
    case 0xB2: case 0xB3: case 0xB9: case 0xBC: case 0xBD: case 0xBE: return KGC_DIGIT;
    default: return cp < 0xA0 ? KGC_SPACE : KGC_SYMBOL;
    }
  }
  if (cp == 0xD7 || cp == 0xF7)
    return KGC_SYMBOL;
  if (cp < 0x2B0)
    return KGC_LETTER;
  if (cp < 0x300)
    return KGC_LETTER; /* spacing modifier letters (ʼ handled below) */
  if (cp < 0x370)
    return KGC_MARK;
  if (cp >= 0x2000 && cp <= 0x206F) {
    if (cp <= 0x200A || cp == 0x202F || cp == 0x205F)
      return KGC_SPACE;
    if (cp >= 0x200B && cp <= 0x200D)
      return KGC_MARK;
    if (cp == 0x2028 || cp == 0x2029)
      return KGC_NEWLINE;
    if (cp == 0x2010 || cp == 0x2011)
      return KGC_HYPHEN;
    if (cp >= 0x2012 && cp <= 0x2015)
      return KGC_DASH;
    if (cp == 0x2019)
      return KGC_APOS;
    if ((cp >= 0x2018 && cp <= 0x201F) || cp == 0x2039 || cp == 0x203A)
      return KGC_QUOTE;
    return KGC_PUNCT;
  }
  if (cp == 0x2BC)
    return KGC_APOS;
  if (cp >= 0x20A0 && cp <= 0x20CF)
    return KGC_SYMBOL;
  if (cp >= 0x20D0 && cp <= 0x20FF)
    return KGC_MARK;
  if (cp >= 0x2100 && cp <= 0x2BFF)
    return KGC_SYMBOL;
  if (cp == 0x3000)
    return KGC_SPACE;
  if (cp >= 0x3001 && cp <= 0x303F)
    return KGC_PUNCT;
  if ((cp >= 0xFE00 && cp <= 0xFE0F) || cp == 0xFEFF)
    return KGC_MARK;
  if (cp >= 0xFF01 && cp <= 0xFF0F)
    return KGC_PUNCT;
  if (cp >= 0xE000 && cp <= 0xF8FF)
    return KGC_SYMBOL;
  if (cp >= 0x1F000 && cp <= 0x1FAFF)
    return KGC_SYMBOL;
  if (cp >= 0xE0000 && cp <= 0xE007F)
    return KGC_MARK; /* emoji tag characters */
  if (cp == 0xFFFD)
    return KGC_SYMBOL;
  return KGC_LETTER;
}

int kgc_is_upper(uint32_t cp) {
  if (cp < 0x80)
    return cp >= 'A' && cp <= 'Z';
  if (cp >= 0xC0 && cp <= 0xDE)
    return cp != 0xD7;
  if (cp >= 0x100 && cp <= 0x137)
    return (cp & 1) == 0;
  if (cp >= 0x139 && cp <= 0x148)
    return (cp & 1) == 1;
  if (cp >= 0x14A && cp <= 0x177)
    return (cp & 1) == 0;
  if (cp == 0x178)
    return 1;
  if (cp >= 0x179 && cp <= 0x17E)
    return (cp & 1) == 1;
  if (cp >= 0x391 && cp <= 0x3A9)
    return cp != 0x3A2;
  if (cp >= 0x400 && cp <= 0x42F)
    return 1;
  return 0;
}

int kgc_is_lower(uint32_t cp) {
  if (cp < 0x80)
    return cp >= 'a' && cp <= 'z';
  /* scripts without case count as lower case: they never start a capitalised name */
  return kgc_class(cp) == KGC_LETTER && !kgc_is_upper(cp);
}

uint32_t kgc_to_lower(uint32_t cp) {
  if (cp < 0x80)
    return (cp >= 'A' && cp <= 'Z') ? cp + 32 : cp;
  if (!kgc_is_upper(cp))
    return cp;
  if (cp <= 0xDE)
    return cp + 0x20;
  if (cp == 0x130)
    return 'i';
  if (cp == 0x178)
    return 0xFF;
  if (cp < 0x180)
    return cp + 1;
  if (cp <= 0x3A9)
    return cp + 0x20;
  if (cp <= 0x40F)
    return cp + 0x50;
  return cp + 0x20;
}

size_t kgc_fold_cp(uint32_t cp, char *out) {
  if (cp < 0x80) {
    out[0] = (char)((cp >= 'A' && cp <= 'Z') ? cp + 32 : cp);
    return 1;
  }
  if (cp >= 0xC0 && cp < 0x180 && cp != 0xD7 && cp != 0xF7) {
    const char *f = kgc_latin_fold[cp - 0xC0];
    size_t n = 0;
    while (f[n]) {
      out[n] = f[n];
      n++;
    }
    return n;
  }
  switch (kgc_class(cp)) {
  case KGC_MARK: return 0;
  case KGC_SPACE: out[0] = ' '; return 1;
  case KGC_APOS: out[0] = '\''; return 1;
  case KGC_HYPHEN: case KGC_DASH: out[0] = '-'; return 1;
  case KGC_QUOTE:
    out[0] = (cp == 0x2018 || cp == 0x201A || cp == 0x201B) ? '\'' : '"';
    return 1;
  default: break;
  }
  switch (cp) {
  case 0x192: out[0] = 'f'; return 1;
  case 0x2026: out[0] = out[1] = out[2] = '.'; return 3;
  case 0xFB01: out[0] = 'f', out[1] = 'i'; return 2;
  case 0xFB02: out[0] = 'f', out[1] = 'l'; return 2;
  default: break;
  }
  return kgc_encode(kgc_to_lower(cp), out);
}
