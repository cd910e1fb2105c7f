/*
 * quantity.c - money, percentages, dates and counts read from tokens. Amounts are
 * computed on digit strings ("8,09" x 10^9 -> "8090000000"), never through a double, so
 * the canonical decimals are exact.
 */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/text_int.h"

/* @p dec (canonical decimal) times 10^exp10 as a canonical decimal; 0 if too long. */
static int kgt_scale(const char *dec, int exp10, char *out, size_t cap) {
  char digits[96];
  size_t nd = 0, intlen = 0;
  int seen_dot = 0;
  for (const char *p = dec; *p; p++) {
    if (*p == '.') {
      seen_dot = 1;
      continue;
    }
    if (nd + 1 >= sizeof digits)
      return 0;
    digits[nd++] = *p;
    if (!seen_dot)
      intlen++;
  }
  long il = (long)intlen + exp10;
  if (il < 0 || il > 60)
    return 0;
  while ((long)nd < il) {
    if (nd + 1 >= sizeof digits)
      return 0;
    digits[nd++] = '0';
  }
  size_t a = 0, b = nd;
  while ((long)a + 1 < il && digits[a] == '0')
    a++;
  while ((long)b > il && digits[b - 1] == '0')
    b--;
  size_t o = 0;
  if (il == 0) {
    if (o + 2 >= cap)
      return 0;
    out[o++] = '0';
  }
  for (size_t k = a; k < b; k++) {
    if ((long)k == il) {
      if (o + 1 >= cap)
        return 0;
      out[o++] = '.';
    }
    if (o + 1 >= cap)
      return 0;
    out[o++] = digits[k];
  }
  if (o == 0)
    out[o++] = '0';
  out[o] = '\0';
  return 1;
}

static const KgtToken *kgt_tok(const KgtDoc *d, size_t i, size_t sent) {
  const KgtToken *t = kgt_doc_token(d, i);
  return t && t->sentence == sent ? t : NULL;
}

/* Without a lexicon: the four currency symbols every text uses. */
static const char *kgt_symbol_currency(const KgtToken *t) {
  if (t->kind != KGT_SYMBOL)
    return NULL;
  if (strcmp(t->lower, "$") == 0)
    return "USD";
  if (strcmp(t->lower, "\xe2\x82\xac") == 0)
    return "EUR";
  if (strcmp(t->lower, "\xc2\xa3") == 0)
    return "GBP";
  if (strcmp(t->lower, "\xc2\xa5") == 0)
    return "JPY";
  return NULL;
}

/* A currency at @p i standing @p where ("pre" / "post"); returns tokens used. */
static size_t kgt_currency(const KgtDoc *d, size_t i, size_t sent, const char *where,
                           const char **iso) {
  const KgtToken *t = kgt_tok(d, i, sent);
  if (!t)
    return 0;
  const KgtLexicon *lx = kgt_doc_lexicon(d);
  if (lx) {
    const KgtLexEntry *e;
    size_t m = kgt_lexicon_match(lx, d, i, KGT_LEX_BIT(KGT_LEX_CURRENCY), &e);
    if (m && (strcmp(e->arg[0], "both") == 0 || strcmp(e->arg[0], where) == 0)) {
      *iso = e->value;
      return m;
    }
    return 0;
  }
  const char *s = kgt_symbol_currency(t);
  if (s) {
    *iso = s;
    return 1;
  }
  return 0;
}

static size_t kgt_lex(const KgtDoc *d, size_t i, KgtLexKind k, const KgtLexEntry **e) {
  const KgtLexicon *lx = kgt_doc_lexicon(d);
  return lx ? kgt_lexicon_match(lx, d, i, KGT_LEX_BIT(k), e) : 0;
}

/* A scale phrase at @p i that carries its own number one ("un milliard", "a million"; lexicon
 * scale … alone), for a token that is no number: its length, its power of ten in *@p exp10;
 * 0 when none. */
static size_t kgt_scale_alone(const KgtDoc *d, size_t i, int *exp10) {
  const KgtToken *t = kgt_doc_token(d, i);
  const KgtLexEntry *e;
  size_t m;
  if (!t || t->kind == KGT_NUMBER || !(kgt_doc_lex_kinds(d, i) & KGT_LEX_BIT(KGT_LEX_SCALE)) ||
      (m = kgt_lex(d, i, KGT_LEX_SCALE, &e)) == 0 || strcmp(e->arg[0], "alone") != 0)
    return 0;
  *exp10 = atoi(e->value);
  return m;
}

size_t kgt_parse_money(const KgtDoc *d, size_t i, KgtMoney *out) {
  const KgtToken *t0 = kgt_doc_token(d, i);
  if (!t0 || !kgt_money_may_start(d, i)) /* most tokens stop here */
    return 0;
  size_t sent = t0->sentence, j = i, m;
  const char *iso = NULL;
  char dec[48];
  int exp10 = 0;
  const KgtLexEntry *e;
  if ((m = kgt_scale_alone(d, j, &exp10)) > 0) {
    /* "un milliard d'euros", "one billion dollars": the phrase carries its number */
    snprintf(dec, sizeof dec, "1");
    j += m;
  } else {
    m = kgt_currency(d, j, sent, "pre", &iso);
    j += m;
    const KgtToken *num = kgt_tok(d, j, sent);
    if (!num || num->kind != KGT_NUMBER)
      return 0;
    if (!kgt_number_decimal(d, j, dec))
      return 0;
    j++;
    if ((m = kgt_lex(d, j, KGT_LEX_SCALE, &e)) > 0) {
      exp10 = atoi(e->value);
      j += m;
    }
  }
  if (!iso) {
    size_t k = j;
    k += kgt_lex(d, k, KGT_LEX_MONEY_OF, &e);
    if ((m = kgt_currency(d, k, sent, "post", &iso)) == 0)
      return 0;
    j = k + m;
  }
  if (!kgt_scale(dec, exp10, out->amount, sizeof out->amount))
    return 0;
  snprintf(out->currency, sizeof out->currency, "%s", iso);
  return j - i;
}

size_t kgt_parse_percent(const KgtDoc *d, size_t i, char out[32]) {
  const KgtToken *t = kgt_doc_token(d, i);
  if (!t || t->kind != KGT_NUMBER)
    return 0;
  char dec[48];
  if (!kgt_number_decimal(d, i, dec) || strlen(dec) >= 32)
    return 0;
  const KgtLexEntry *e;
  size_t m = kgt_lex(d, i + 1, KGT_LEX_PERCENT, &e);
  if (!m) {
    const KgtToken *u = kgt_tok(d, i + 1, t->sentence);
    if (!kgt_doc_lexicon(d) && u && strcmp(u->lower, "%") == 0)
      m = 1;
    else
      return 0;
  }
  memcpy(out, dec, strlen(dec) + 1); /* under 32 bytes: checked above */
  return 1 + m;
}

/* A plain integer token of 1..maxlen digits (no separators); its value or -1. */
static long kgt_plain_int(const KgtDoc *d, size_t i, size_t sent, size_t maxlen) {
  const KgtToken *t = kgt_tok(d, i, sent);
  if (!t || t->kind != KGT_NUMBER)
    return -1;
  size_t n = t->end - t->start;
  if (n == 0 || n > maxlen)
    return -1;
  const char *s = kgt_doc_text(d) + t->start;
  long v = 0;
  for (size_t k = 0; k < n; k++) {
    if (s[k] < '0' || s[k] > '9')
      return -1;
    v = v * 10 + (s[k] - '0');
  }
  return v;
}

static long kgt_year(const KgtDoc *d, size_t i, size_t sent) {
  const KgtToken *t = kgt_tok(d, i, sent);
  if (!t || t->end - t->start != 4)
    return -1;
  long y = kgt_plain_int(d, i, sent, 4);
  return y >= 1000 && y <= 2999 ? y : -1;
}

/* A day: "7", "23", or an ordinal word "1er", "1st", "23rd". */
static long kgt_day(const KgtDoc *d, size_t i, size_t sent) {
  long v = kgt_plain_int(d, i, sent, 2);
  if (v < 0) {
    const KgtToken *t = kgt_tok(d, i, sent);
    if (!t || t->kind != KGT_WORD)
      return -1;
    const char *s = t->lower;
    size_t k = 0;
    v = 0;
    while (s[k] >= '0' && s[k] <= '9' && k < 2)
      v = v * 10 + (s[k++] - '0');
    if (k == 0 || strlen(s + k) > 2 || strlen(s + k) == 0)
      return -1;
    for (const char *q = s + k; *q; q++)
      if (*q < 'a' || *q > 'z')
        return -1;
  }
  return v >= 1 && v <= 31 ? v : -1;
}

static int kgt_month(const KgtDoc *d, size_t i, size_t *used) {
  const KgtLexEntry *e;
  size_t m = kgt_lex(d, i, KGT_LEX_MONTH, &e);
  if (!m)
    return 0;
  *used = m;
  return atoi(e->value);
}

static int kgt_is(const KgtDoc *d, size_t i, size_t sent, const char *s) {
  const KgtToken *t = kgt_tok(d, i, sent);
  return t && strcmp(t->lower, s) == 0;
}

static int kgt_attached(const KgtDoc *d, size_t i, size_t sent) {
  const KgtToken *t = kgt_tok(d, i, sent);
  return t && !(t->flags & KGT_F_SPACE_BEFORE);
}

/* "YYYY", "YYYY-MM" or "YYYY-MM-DD" (month / day 0: left out); values are range-checked. */
static void kgt_put_date(char out[16], long y, long m, long d) {
  char *o = out;
  o[0] = (char)('0' + y / 1000 % 10);
  o[1] = (char)('0' + y / 100 % 10);
  o[2] = (char)('0' + y / 10 % 10);
  o[3] = (char)('0' + y % 10);
  o += 4;
  if (m > 0) {
    *o++ = '-';
    *o++ = (char)('0' + m / 10 % 10);
    *o++ = (char)('0' + m % 10);
    if (d > 0) {
      *o++ = '-';
      *o++ = (char)('0' + d / 10 % 10);
      *o++ = (char)('0' + d % 10);
    }
  }
  *o = '\0';
}

/* Every date shape starts with a digit or a month name: most tokens stop here. */
static inline int kgt_may_start_date(const KgtDoc *d, size_t i, const KgtToken *t) {
  return t->kind == KGT_NUMBER || (t->lower[0] >= '0' && t->lower[0] <= '9') ||
         (kgt_doc_lex_mask(d, kgt_doc_lexicon(d), i) & KGT_LEX_BIT(KGT_LEX_MONTH));
}

static size_t kgt_date_at(const KgtDoc *d, size_t i, size_t sent, int default_year,
                          char out[16]) {
  size_t m;
  long day, year;
  int month;
  const KgtToken *t0 = kgt_tok(d, i, sent);
  if (!t0 || !kgt_may_start_date(d, i, t0))
    return 0;
  /* "23 janvier 2023", "1er janvier", "7 January 2021" */
  if ((day = kgt_day(d, i, sent)) > 0 && (month = kgt_month(d, i + 1, &m)) > 0) {
    size_t j = i + 1 + m;
    if ((year = kgt_year(d, j, sent)) > 0) {
      kgt_put_date(out, year, month, day);
      return j + 1 - i;
    }
    if (default_year > 0) {
      kgt_put_date(out, default_year, month, day);
      return j - i;
    }
    return 0;
  }
  /* "January 23, 2023", "Jan. 23", "January 2023", "janvier" */
  if ((month = kgt_month(d, i, &m)) > 0) {
    size_t j = i + m;
    if ((year = kgt_year(d, j, sent)) > 0) {
      kgt_put_date(out, year, month, 0);
      return j + 1 - i;
    }
    if ((day = kgt_day(d, j, sent)) > 0) {
      size_t k = j + 1;
      if (kgt_is(d, k, sent, ","))
        k++;
      if ((year = kgt_year(d, k, sent)) > 0) {
        kgt_put_date(out, year, month, day);
        return k + 1 - i;
      }
      if (default_year > 0) {
        kgt_put_date(out, default_year, month, day);
        return j + 1 - i;
      }
      return 0;
    }
    if (default_year > 0) {
      kgt_put_date(out, default_year, month, 0);
      return m;
    }
    return 0;
  }
  /* "2023-01-23", "2023-01", "2015" */
  if ((year = kgt_year(d, i, sent)) > 0) {
    long mo, dd;
    if (kgt_is(d, i + 1, sent, "-") && kgt_attached(d, i + 1, sent) &&
        kgt_attached(d, i + 2, sent)) {
      const KgtToken *tm = kgt_tok(d, i + 2, sent);
      if (tm && tm->end - tm->start == 2 && (mo = kgt_plain_int(d, i + 2, sent, 2)) >= 1 &&
          mo <= 12) {
        if (kgt_is(d, i + 3, sent, "-") && kgt_attached(d, i + 3, sent) &&
            kgt_attached(d, i + 4, sent)) {
          const KgtToken *td = kgt_tok(d, i + 4, sent);
          if (td && td->end - td->start == 2 &&
              (dd = kgt_plain_int(d, i + 4, sent, 2)) >= 1 && dd <= 31) {
            kgt_put_date(out, year, mo, dd);
            return 5;
          }
        }
        kgt_put_date(out, year, mo, 0);
        return 3;
      }
    }
    kgt_put_date(out, year, 0, 0);
    return 1;
  }
  return 0;
}

size_t kgt_parse_date(const KgtDoc *d, size_t i, int default_year, char out[16]) {
  const KgtToken *t = kgt_doc_token(d, i);
  if (!t || !kgt_date_may_start(d, i)) /* most tokens stop here */
    return 0;
  size_t sent = t->sentence;
  size_t n = kgt_may_start_date(d, i, t) ? kgt_date_at(d, i, sent, default_year, out) : 0;
  if (n)
    return n;
  const KgtLexicon *lx = kgt_doc_lexicon(d);
  if (!lx || !(kgt_doc_lex_mask(d, lx, i) & KGT_LEX_BIT(KGT_LEX_DATE_PREP)))
    return 0;
  const KgtLexEntry *e;
  size_t m = kgt_lex(d, i, KGT_LEX_DATE_PREP, &e);
  if (!m)
    return 0;
  n = kgt_date_at(d, i + m, sent, default_year, out);
  return n ? n + m : 0;
}

size_t kgt_parse_count(const KgtDoc *d, size_t i, char out[48]) {
  const KgtToken *t = kgt_doc_token(d, i);
  int exp10 = 0;
  /* « plus d'un million de personnes », "a million customers": the phrase carries its one */
  size_t m = kgt_scale_alone(d, i, &exp10);
  if (m)
    return kgt_scale("1", exp10, out, 48) ? m : 0;
  if (!t || t->kind != KGT_NUMBER)
    return 0;
  char dec[48];
  if (!kgt_number_decimal(d, i, dec))
    return 0;
  const KgtLexEntry *e;
  m = kgt_lex(d, i + 1, KGT_LEX_SCALE, &e);
  /* one-letter scales ("m", "k") are units too often ("5 m"): counts take words only */
  if (m && strlen(e->phrase) >= 2)
    exp10 = atoi(e->value);
  else
    m = 0;
  if (!kgt_scale(dec, exp10, out, 48))
    return 0;
  return 1 + m;
}
