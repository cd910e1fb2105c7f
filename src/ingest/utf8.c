/*
 * utf8.c - make bytes valid UTF-8 without losing their length: invalid sequences and NUL
 * become U+FFFD, line ends become LF, a leading BOM goes.
 *
 * Invalid sequences are replaced one "maximal subpart" at a time (Unicode 15, 3.9, "U+FFFD
 * Substitution of Maximal Subparts", the practice of the W3C/WHATWG decoder): a truncated
 * sequence gives one U+FFFD, a lone continuation byte or a byte that can never start a
 * sequence (C0, C1, F5..FF) gives one each. So overlong forms (C0 80), surrogates (ED A0 80)
 * and code points over U+10FFFF (F4 90 ..) are rejected at the byte where they go wrong.
 */
#include "config.h"

#include <stdint.h>
#include <string.h>

#include "ingest/ingest_int.h"

static const char kgi_fffd[] = "\xEF\xBF\xBD";

void kgi_repair_init(KgiRepair *rep) {
  rep->bad = 0;
  rep->nul = 0;
  rep->first = -1;
}

/*
 * Length of the valid sequence starting at s[0] (1..4), or 0 when it is invalid; then
 * *skip is the length of its maximal subpart (at least 1).
 */
static size_t kgi_utf8_seq(const unsigned char *s, size_t avail, size_t *skip) {
  unsigned char c = s[0];
  size_t need;
  unsigned char lo = 0x80, hi = 0xBF; /* allowed range of the second byte */
  if (c < 0x80)
    return 1;
  if (c < 0xC2) {
    *skip = 1;
    return 0;
  }
  if (c < 0xE0)
    need = 2;
  else if (c < 0xF0) {
    need = 3;
    if (c == 0xE0)
      lo = 0xA0; /* overlong below U+0800 */
    else if (c == 0xED)
      hi = 0x9F; /* surrogates U+D800..U+DFFF */
  } else if (c < 0xF5) {
    need = 4;
    if (c == 0xF0)
      lo = 0x90; /* overlong below U+10000 */
    else if (c == 0xF4)
      hi = 0x8F; /* above U+10FFFF */
  } else {
    *skip = 1;
    return 0;
  }
  size_t i = 1;
  for (; i < need && i < avail; i++) {
    unsigned char b = s[i];
    unsigned char l = i == 1 ? lo : 0x80, h = i == 1 ? hi : 0xBF;
    if (b < l || b > h)
      break;
  }
  if (i == need)
    return need;
  *skip = i;
  return 0;
}

static void kgi_note(KgiRepair *rep, long at, int nul) {
  if (nul)
    rep->nul++;
  else
    rep->bad++;
  if (rep->first < 0)
    rep->first = at;
}

KgStatus kgi_utf8_repair(const char *in, size_t len, int at_start, long base, KgiBuf *out,
                         KgiRepair *rep) {
  const unsigned char *s = (const unsigned char *)in;
  size_t i = 0, run = 0; /* bytes [run, i) are valid and not yet copied */
  KgStatus st = KG_SUCCESS;
  if (at_start && len >= 3 && memcmp(in, "\xEF\xBB\xBF", 3) == 0)
    i = run = 3;
  while (i < len) {
    /* most text is printable ASCII: eight bytes at a time, while none is below 0x20
     * (the subtraction borrows) or above 0x7F */
    uint64_t x;
    while (len - i >= 8 && (memcpy(&x, s + i, 8),
                            !(((x - 0x2020202020202020ULL) | x) & 0x8080808080808080ULL)))
      i += 8;
    if (i == len)
      break;
    unsigned char c = s[i];
    if (c >= 0x20 && c < 0x80) {
      i++;
      continue;
    }
    size_t skip = 0, n = c ? kgi_utf8_seq(s + i, len - i, &skip) : 0;
    if (n && c != '\r') {
      i += n;
      continue;
    }
    KGI_TRY(st, kgi_buf_append(out, in + run, i - run));
    if (c == '\r') {
      KGI_TRY(st, kgi_buf_putc(out, '\n'));
      i += (i + 1 < len && s[i + 1] == '\n') ? 2 : 1;
    } else {
      KGI_TRY(st, kgi_buf_append(out, kgi_fffd, 3));
      kgi_note(rep, base + (long)i, c == 0);
      i += c ? skip : 1;
    }
    run = i;
  }
  st = kgi_buf_append(out, in + run, i - run);
out:
  return st;
}

int kgi_utf8_is_clean(const char *s, size_t len) {
  const unsigned char *u = (const unsigned char *)s;
  size_t skip;
  for (size_t i = 0; i < len;) {
    if (u[i] == 0 || u[i] == '\r')
      return 0;
    size_t n = kgi_utf8_seq(u + i, len - i, &skip);
    if (!n)
      return 0;
    i += n;
  }
  return 1;
}
