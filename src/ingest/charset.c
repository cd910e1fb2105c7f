/*
 * charset.c - bytes in a declared charset become UTF-8.
 *
 * UTF-8 is checked and repaired here (utf8.c). The Latin-1 family is decoded by a table,
 * because browsers read every "iso-8859-1" or "us-ascii" label as Windows-1252 (WHATWG
 * Encoding standard) and pages labelled Latin-1 really do use its curly quotes in
 * 0x80..0x9F. Any other charset goes through iconv(3) from the C library, one
 * undecodable code unit becoming one U+FFFD, so a bad byte never stops the article.
 * libxml2 is then always handed UTF-8, so its own guessing never changes our text.
 */
#include "config.h"

#include <errno.h>
#include <iconv.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest_int.h"

/* Windows-1252 0x80..0x9F; the five undefined bytes map to the C1 controls, as WHATWG. */
static const unsigned short kgi_cp1252_c1[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
    0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x008D, 0x017D, 0x008F,
    0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
    0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178};

static const char *const kgi_utf8_labels[] = {"utf-8", "utf8", "unicode-1-1-utf-8",
                                              "unicode11utf8", "unicode20utf8", NULL};
static const char *const kgi_cp1252_labels[] = {
    "windows-1252", "cp1252", "x-cp1252", "iso-8859-1", "iso8859-1", "iso88591",
    "iso_8859-1", "iso_8859-1:1987", "iso-ir-100", "latin1", "l1", "csisolatin1",
    "ibm819", "cp819", "us-ascii", "ascii", "ansi_x3.4-1968", "iso646-us", NULL};

static int kgi_label_in(const char *label, const char *const *list) {
  for (; *list; list++)
    if (strcasecmp(label, *list) == 0)
      return 1;
  return 0;
}

static KgStatus kgi_put_cp(KgiBuf *out, unsigned cp) {
  char u[3];
  if (cp < 0x80)
    return kgi_buf_putc(out, (char)cp);
  if (cp < 0x800) {
    u[0] = (char)(0xC0 | (cp >> 6));
    u[1] = (char)(0x80 | (cp & 0x3F));
    return kgi_buf_append(out, u, 2);
  }
  u[0] = (char)(0xE0 | (cp >> 12));
  u[1] = (char)(0x80 | ((cp >> 6) & 0x3F));
  u[2] = (char)(0x80 | (cp & 0x3F));
  return kgi_buf_append(out, u, 3);
}

static KgStatus kgi_decode_cp1252(const char *in, size_t len, KgiBuf *out, KgiRepair *rep) {
  const unsigned char *s = (const unsigned char *)in;
  KgStatus st = KG_SUCCESS;
  size_t run = 0;
  for (size_t i = 0; i < len; i++) {
    unsigned char c = s[i];
    if (c >= 0x20 && c < 0x80)
      continue;
    if (c == '\n' || (c < 0x20 && c != '\r' && c != 0))
      continue;
    KGI_TRY(st, kgi_buf_append(out, in + run, i - run));
    run = i + 1;
    if (c == '\r') {
      KGI_TRY(st, kgi_buf_putc(out, '\n'));
      if (i + 1 < len && s[i + 1] == '\n')
        run = ++i + 1;
    } else if (c == 0) {
      KGI_TRY(st, kgi_buf_append(out, "\xEF\xBF\xBD", 3));
      rep->nul++;
      if (rep->first < 0)
        rep->first = (long)i;
    } else {
      KGI_TRY(st, kgi_put_cp(out, c < 0xA0 ? kgi_cp1252_c1[c - 0x80] : c));
    }
  }
  st = kgi_buf_append(out, in + run, len - run);
out:
  return st;
}

/*
 * Decode through iconv into a scratch buffer, then repair that (NUL, CR). Offsets of
 * undecodable bytes are those of the input; NUL offsets are those of the decoded text.
 */
static KgStatus kgi_decode_iconv(iconv_t cd, size_t unit, const char *in, size_t len,
                                 long base, KgiBuf *out, KgiRepair *rep) {
  KgiBuf tmp;
  KgStatus st = KG_SUCCESS;
  kgi_buf_init(&tmp, 0);
  char *ip = (char *)in;
  size_t ileft = len;
  char chunk[4096];
  while (ileft) {
    char *op = chunk;
    size_t oleft = sizeof chunk;
    size_t r = iconv(cd, &ip, &ileft, &op, &oleft);
    int err = r == (size_t)-1 ? errno : 0;
    KGI_TRY(st, kgi_buf_append(&tmp, chunk, (size_t)(op - chunk)));
    if (!err || err == E2BIG)
      continue;
    if (err != EILSEQ && err != EINVAL) {
      st = KG_ERR_PARSE;
      goto out;
    }
    /* EILSEQ: a byte the charset does not map; EINVAL: a sequence cut by the end */
    KGI_TRY(st, kgi_buf_append(&tmp, "\xEF\xBF\xBD", 3));
    rep->bad++;
    if (rep->first < 0)
      rep->first = base + (long)(ip - in);
    if (err == EINVAL)
      break;
    size_t step = unit < ileft ? unit : ileft; /* stay aligned on code units */
    ip += step;
    ileft -= step;
  }
  {
    char *op = chunk;
    size_t oleft = sizeof chunk;
    iconv(cd, NULL, NULL, &op, &oleft); /* flush a stateful encoder's shift state */
    KGI_TRY(st, kgi_buf_append(&tmp, chunk, (size_t)(op - chunk)));
  }
  st = kgi_utf8_repair(tmp.data ? tmp.data : "", tmp.len, 1, 0, out, rep);
out:
  kgi_buf_free(&tmp);
  return st;
}

KgStatus kgi_decode(const char *in, size_t len, const char *charset, const char *name,
                    const KgLog *log, KgiBuf *out, KgiRepair *rep) {
  char label[64];
  size_t skip = 0;
  /* a byte order mark is the strongest evidence of all (WHATWG "BOM sniffing") */
  if (len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
    charset = NULL;
  else if (len >= 2 && memcmp(in, "\xFF\xFE", 2) == 0)
    charset = "UTF-16LE", skip = 2;
  else if (len >= 2 && memcmp(in, "\xFE\xFF", 2) == 0)
    charset = "UTF-16BE", skip = 2;

  /* trim blanks and quotes a Content-Type header or a meta tag may leave around */
  size_t n = 0;
  if (charset) {
    while (*charset == ' ' || *charset == '\t' || *charset == '"' || *charset == '\'')
      charset++;
    while (charset[n] && n < sizeof label - 1 && charset[n] != '"' && charset[n] != '\'' &&
           charset[n] != ' ' && charset[n] != ';')
      n++;
    memcpy(label, charset, n);
  }
  label[n] = '\0';

  if (n == 0 || kgi_label_in(label, kgi_utf8_labels))
    return kgi_utf8_repair(in, len, 1, 0, out, rep);
  if (kgi_label_in(label, kgi_cp1252_labels))
    return kgi_decode_cp1252(in, len, out, rep);
  iconv_t cd = iconv_open("UTF-8", label);
  if (cd == (iconv_t)-1) {
    kgi_log(log, KG_LOG_WARNING, KG_ERR_UNSUPPORTED, name, -1,
            "unknown charset \"%s\", reading the text as UTF-8", label);
    return kgi_utf8_repair(in, len, 1, 0, out, rep);
  }
  size_t unit = 1;
  if (strncasecmp(label, "utf-16", 6) == 0 || strncasecmp(label, "ucs-2", 5) == 0)
    unit = 2;
  else if (strncasecmp(label, "utf-32", 6) == 0 || strncasecmp(label, "ucs-4", 5) == 0)
    unit = 4;
  KgStatus st = kgi_decode_iconv(cd, unit, in + skip, len - skip, (long)skip, out, rep);
  iconv_close(cd);
  return st;
}
