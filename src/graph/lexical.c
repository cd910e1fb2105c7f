/* lexical.c - UTF-8 decoding and cleaning, language tags, and the lexical forms of
 * typed literals (decimals, dates), so every literal kgbuild writes is valid. */
#include "config.h"

#include <string.h>

#include "graph/graph_internal.h"
#include "util/util.h"

#define KGI_BAD_CP 0xFFFFFFFFu

size_t kgi_utf8_decode(const unsigned char *s, size_t len, uint32_t *cp) {
  unsigned char c = s[0];
  if (c < 0x80) {
    *cp = c;
    return 1;
  }
  size_t n;
  uint32_t v, min;
  if (c >= 0xC2 && c <= 0xDF) {
    n = 2;
    v = c & 0x1F;
    min = 0x80;
  } else if (c >= 0xE0 && c <= 0xEF) {
    n = 3;
    v = c & 0x0F;
    min = 0x800;
  } else if (c >= 0xF0 && c <= 0xF4) {
    n = 4;
    v = c & 0x07;
    min = 0x10000;
  } else {
    *cp = KGI_BAD_CP;
    return 1;
  }
  if (n > len) {
    *cp = KGI_BAD_CP;
    return 1;
  }
  for (size_t i = 1; i < n; i++) {
    if ((s[i] & 0xC0) != 0x80) {
      *cp = KGI_BAD_CP;
      return 1;
    }
    v = (v << 6) | (s[i] & 0x3F);
  }
  if (v < min || v > 0x10FFFF || (v >= 0xD800 && v <= 0xDFFF)) {
    *cp = KGI_BAD_CP;
    return 1;
  }
  *cp = v;
  return n;
}

/* XML 1.0 Char, RDF/XML being the strictest syntax we write, less DEL and the C1
 * controls, which Raptor's XML writer refuses too. */
static int kgi_cp_allowed(uint32_t cp) {
  if (cp == KGI_BAD_CP)
    return 0;
  if (cp < 0x20)
    return cp == 0x09 || cp == 0x0A || cp == 0x0D;
  if (cp >= 0x7F && cp <= 0x9F)
    return 0;
  return cp != 0xFFFE && cp != 0xFFFF;
}

/* A CR that no LF follows: Raptor's Turtle writer puts a literal holding no LF
 * between single quotes, where Turtle forbids a raw CR (rapper and N3.js both reject
 * the document), so such a CR is written as the line break it stands for, LF. */
static int kgi_lone_cr(const unsigned char *p, size_t len) {
  return p[0] == '\r' && (len < 2 || p[1] != '\n');
}

int kgi_text_is_clean(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  for (;;) { /* printable ASCII, TAB and LF need no decoding */
    while ((*p >= 0x20 && *p < 0x7F) || *p == '\n' || *p == '\t')
      p++;
    if (*p == '\0')
      return 1;
    if (*p >= 0x80 || *p == '\r')
      break;
    return 0; /* other C0 controls, DEL */
  }
  size_t len = strlen((const char *)p);
  while (len) {
    uint32_t cp;
    size_t n = kgi_utf8_decode(p, len, &cp);
    if (!kgi_cp_allowed(cp) || kgi_lone_cr(p, len))
      return 0;
    p += n;
    len -= n;
  }
  return 1;
}

char *kgi_text_clean(const char *s) {
  const unsigned char *p = (const unsigned char *)s;
  /* printable ASCII, TAB and LF stay as they are: copy that much at once (often all) */
  size_t o = 0;
  while ((p[o] >= 0x20 && p[o] < 0x7F) || p[o] == '\n' || p[o] == '\t')
    o++;
  size_t len = o + strlen(s + o);
  /* each bad byte becomes 3 bytes of U+FFFD at most */
  if (len - o > ((size_t)-1 - 1 - o) / 3)
    return NULL;
  char *out = kg_malloc(o + (len - o) * 3 + 1);
  if (!out)
    return NULL;
  memcpy(out, s, o);
  p += o;
  len -= o;
  while (len) {
    uint32_t cp;
    size_t n = kgi_utf8_decode(p, len, &cp);
    if (kgi_lone_cr(p, len)) {
      out[o++] = '\n';
    } else if (kgi_cp_allowed(cp)) {
      memcpy(out + o, p, n);
      o += n;
    } else {
      memcpy(out + o, "\xEF\xBF\xBD", 3);
      o += 3;
    }
    p += n;
    len -= n;
  }
  out[o] = '\0';
  return out;
}

static int kgi_is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static int kgi_is_digit(char c) { return c >= '0' && c <= '9'; }

char *kgi_lang_clean(const char *tag, int *bad) {
  *bad = 0;
  if (!tag || !*tag)
    return NULL;
  size_t n = strlen(tag);
  /* [a-zA-Z]+(-[a-zA-Z0-9]+)* with '_' read as '-' (en_US from locales and HTML) */
  int ok = n <= 64;
  size_t run = 0;
  int first = 1;
  for (size_t i = 0; ok && i < n; i++) {
    char c = tag[i];
    if (c == '-' || c == '_') {
      ok = run > 0;
      run = 0;
      first = 0;
    } else if (kgi_is_alpha(c) || (!first && kgi_is_digit(c))) {
      run++;
    } else {
      ok = 0;
    }
  }
  if (!ok || run == 0) {
    *bad = 1;
    return NULL;
  }
  char *out = kg_strdup(tag);
  if (!out)
    return NULL;
  for (char *c = out; *c; c++) {
    if (*c == '_')
      *c = '-';
    else if (*c >= 'A' && *c <= 'Z')
      *c = (char)(*c - 'A' + 'a');
  }
  return out;
}

int kgi_is_decimal(const char *s) {
  const char *p = s;
  if (*p == '+' || *p == '-')
    p++;
  size_t digits = 0;
  while (kgi_is_digit(*p)) {
    p++;
    digits++;
  }
  if (*p == '.') {
    p++;
    while (kgi_is_digit(*p)) {
      p++;
      digits++;
    }
  }
  return *p == '\0' && digits > 0;
}

/* Splits a plain decimal into sign, integer digits without leading zeros and fraction
 * digits without trailing zeros. 0 when @p s is no plain decimal. */
static int kgi_decimal_parts(const char *s, int *neg, const char **ip, size_t *ilen,
                             const char **fp, size_t *flen) {
  const char *p = s;
  *neg = 0;
  if (*p == '+' || *p == '-')
    *neg = *p++ == '-';
  *ip = p;
  while (kgi_is_digit(*p))
    p++;
  *ilen = (size_t)(p - *ip);
  *fp = NULL;
  *flen = 0;
  if (*p == '.') {
    *fp = ++p;
    while (kgi_is_digit(*p))
      p++;
    *flen = (size_t)(p - *fp);
  }
  if (*p != '\0' || *ilen + *flen == 0)
    return 0;
  while (*ilen > 0 && **ip == '0') {
    (*ip)++;
    (*ilen)--;
  }
  while (*flen > 0 && (*fp)[*flen - 1] == '0')
    (*flen)--;
  if (*ilen == 0 && *flen == 0)
    *neg = 0; /* -0 is 0 */
  return 1;
}

/*
 * The XML Schema 1.0 canonical form of xsd:decimal (Datatypes, 3.2.3.2): a point
 * always, with at least one digit on each side, and no other leading or trailing zero:
 * "10000000000.0", "1.5", "0.85", "-3.25". A decimal is thus never an integer to the
 * eye, which also keeps its datatype where Raptor's Turtle writer abbreviates
 * xsd:decimal literals to bare numbers: a bare 10000000000 would read back as an
 * xsd:integer, 10000000000.0 reads back as the decimal it is.
 */
char *kgi_decimal_canonical(const char *s) {
  int neg;
  const char *ip, *fp;
  size_t ilen, flen;
  if (!kgi_decimal_parts(s, &neg, &ip, &ilen, &fp, &flen))
    return NULL;
  char *out = kg_malloc(ilen + flen + 5);
  if (!out)
    return NULL;
  size_t o = 0;
  if (neg)
    out[o++] = '-';
  if (ilen == 0)
    out[o++] = '0';
  memcpy(out + o, ip, ilen);
  o += ilen;
  out[o++] = '.';
  if (flen == 0)
    out[o++] = '0';
  else
    memcpy(out + o, fp, flen); /* fp is NULL without a point */
  o += flen;
  out[o] = '\0';
  return out;
}

int kgi_is_integer_lexical(const char *s) {
  if (*s == '+' || *s == '-')
    s++;
  if (!*s)
    return 0;
  for (; *s; s++)
    if (!kgi_is_digit(*s))
      return 0;
  return 1;
}

char *kgi_integer_canonical(const char *s) {
  if (!kgi_is_integer_lexical(s))
    return NULL;
  int neg = *s == '-';
  if (*s == '+' || *s == '-')
    s++;
  while (s[0] == '0' && s[1] != '\0')
    s++;
  if (strcmp(s, "0") == 0)
    neg = 0;
  size_t n = strlen(s);
  char *out = kg_malloc(n + 2);
  if (!out)
    return NULL;
  out[0] = '-';
  memcpy(out + neg, s, n + 1);
  return out;
}

static int kgi_digits(const char *s, size_t n) {
  for (size_t i = 0; i < n; i++)
    if (!kgi_is_digit(s[i]))
      return 0;
  return 1;
}

static int kgi_num2(const char *s) { return (s[0] - '0') * 10 + (s[1] - '0'); }

const char *kgi_date_datatype(const char *s) {
  size_t n = strlen(s);
  if (n == 4 && kgi_digits(s, 4))
    return KG_NS_XSD "gYear";
  if (n < 7 || !kgi_digits(s, 4) || s[4] != '-' || !kgi_digits(s + 5, 2))
    return NULL;
  int month = kgi_num2(s + 5);
  if (month < 1 || month > 12)
    return NULL;
  if (n == 7)
    return KG_NS_XSD "gYearMonth";
  if (n != 10 || s[7] != '-' || !kgi_digits(s + 8, 2))
    return NULL;
  int year = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + kgi_num2(s + 2);
  int day = kgi_num2(s + 8);
  static const int mdays[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  int leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  if (day < 1 || day > mdays[month - 1] || (month == 2 && day == 29 && !leap))
    return NULL;
  return KG_NS_XSD "date";
}
