/*
 * header.c - metadata from the first lines of a plain text: a "date 2023-01 (Zorbex Info) —"
 * header, or a news dateline such as "PARIS (Reuters) -", "REDMOND, Wash., Oct. 13, 2023
 * (Reuters) -", "PARIS, 7 janvier 2021 (AFP) —", "NEW YORK, Jan. 5, 2023 /PRNewswire/ --".
 *
 * The text is only read: offsets downstream are those of the text as ingested.
 *
 * Strictness, so that an ordinary first sentence never counts: a dateline place starts
 * with a word in capitals and has no lower-case letter ("Zorbex (ZRBX) - ..." fails);
 * at most two short capitalised qualifiers follow it ("Wash.", "Calif."); the agency in
 * parentheses is short, has no ':' ("IBM (NYSE: IBM) -" fails), is not the place again
 * ("AMD (AMD) -" fails) and is followed by a dash.
 * A dateline without a place counts only in the wire form "(Agency) -- ...": the line
 * starts with the agency and a double hyphen follows it.
 */
#include "config.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

#include "ingest/ingest_int.h"

#define KGI_SCAN_LINES 3     /* a headline may come before the dateline */
#define KGI_MAX_PLACE 60
#define KGI_MAX_AGENCY 40

typedef struct {
  int y, m, d; /* 0 when absent */
} KgiDate;

static int kgi_is_digit(char c) { return c >= '0' && c <= '9'; }
static int kgi_is_space(char c) { return c == ' ' || c == '\t'; }

static const char *kgi_skip_spaces(const char *p, const char *e) {
  while (p < e && kgi_is_space(*p))
    p++;
  return p;
}

/* "Oct", "oct.", "janvier", "févr.", "AOÛT" -> 1..12, else 0. */
static int kgi_month(const char *w, size_t n) {
  static const struct {
    const char *name;
    int month;
  } months[] = {
      {"january", 1}, {"jan", 1}, {"janvier", 1}, {"janv", 1},
      {"february", 2}, {"feb", 2}, {"février", 2}, {"fevrier", 2}, {"févr", 2}, {"fevr", 2}, {"fév", 2},
      {"march", 3}, {"mar", 3}, {"mars", 3},
      {"april", 4}, {"apr", 4}, {"avril", 4}, {"avr", 4},
      {"may", 5}, {"mai", 5},
      {"june", 6}, {"jun", 6}, {"juin", 6},
      {"july", 7}, {"jul", 7}, {"juillet", 7}, {"juil", 7},
      {"august", 8}, {"aug", 8}, {"août", 8}, {"aout", 8},
      {"september", 9}, {"sep", 9}, {"sept", 9}, {"septembre", 9},
      {"october", 10}, {"oct", 10}, {"octobre", 10},
      {"november", 11}, {"nov", 11}, {"novembre", 11},
      {"december", 12}, {"dec", 12}, {"décembre", 12}, {"decembre", 12}, {"déc", 12},
  };
  char low[16];
  if (n == 0 || n >= sizeof low)
    return 0;
  for (size_t i = 0; i < n; i++) {
    unsigned char c = (unsigned char)w[i];
    if (c >= 'A' && c <= 'Z')
      c = (unsigned char)(c - 'A' + 'a');
    else if (i > 0 && (unsigned char)w[i - 1] == 0xC3 && c >= 0x80 && c <= 0x9E)
      c = (unsigned char)(c + 0x20); /* Latin-1 capitals: "É" -> "é", "Û" -> "û" */
    low[i] = (char)c;
  }
  low[n] = '\0';
  for (size_t i = 0; i < sizeof months / sizeof months[0]; i++)
    if (strcmp(low, months[i].name) == 0)
      return months[i].month;
  return 0;
}

/* A month word at p: letters (ASCII or UTF-8), then an optional '.'. */
static const char *kgi_parse_month(const char *p, const char *e, int *month) {
  const char *q = p;
  while (q < e && ((*q >= 'a' && *q <= 'z') || (*q >= 'A' && *q <= 'Z') || (*q & 0x80)))
    q++;
  int m = kgi_month(p, (size_t)(q - p));
  if (!m)
    return NULL;
  if (q < e && *q == '.')
    q++;
  *month = m;
  return q;
}

static const char *kgi_parse_number(const char *p, const char *e, int min_digits,
                                    int max_digits, int *v) {
  int n = 0, x = 0;
  while (p < e && kgi_is_digit(*p) && n <= max_digits) {
    x = x * 10 + (*p - '0');
    p++;
    n++;
  }
  if (n < min_digits || n > max_digits)
    return NULL;
  *v = x;
  return p;
}

static int kgi_days_in(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && y && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
    return 29;
  return days[m - 1];
}

static int kgi_date_ok(const KgiDate *d) {
  if (d->y && (d->y < 1800 || d->y > 2199))
    return 0;
  if (d->m && (d->m < 1 || d->m > 12))
    return 0;
  if (d->d && (!d->m || d->d < 1 || d->d > kgi_days_in(d->y, d->m)))
    return 0;
  return d->y || (d->m && d->d);
}

/* A year after a day: "[,] 2023" not followed by another digit. */
static const char *kgi_parse_year_after(const char *p, const char *e, int *y) {
  const char *q = p;
  if (q < e && *q == ',')
    q++;
  const char *r = kgi_skip_spaces(q, e);
  if (r == p)
    return p; /* a year needs a separator */
  int v;
  const char *s = kgi_parse_number(r, e, 4, 4, &v);
  if (!s || (s < e && kgi_is_digit(*s)))
    return p;
  *y = v;
  return s;
}

/*
 * One date at p: "2023-10-13", "2023-10", "2023", "Oct. 13, 2023", "October 13",
 * "Sept 5th, 2023", "7 janvier 2021", "1er janvier 2021", "le 7 janvier", "janvier 2021".
 * Returns the end of the date, or NULL.
 */
static const char *kgi_parse_date(const char *p, const char *e, KgiDate *d) {
  const char *q;
  memset(d, 0, sizeof *d);
  if (e - p >= 3 && (p[0] == 'l' || p[0] == 'L') && p[1] == 'e' && p[2] == ' ')
    p = kgi_skip_spaces(p + 3, e);
  if (p < e && kgi_is_digit(*p)) {
    int a;
    q = kgi_parse_number(p, e, 1, 4, &a);
    if (!q)
      return NULL;
    if (q - p == 4) { /* ISO 8601 */
      d->y = a;
      if (e - q >= 3 && q[0] == '-' && kgi_is_digit(q[1]) && kgi_is_digit(q[2])) {
        d->m = (q[1] - '0') * 10 + (q[2] - '0');
        q += 3;
        if (e - q >= 3 && q[0] == '-' && kgi_is_digit(q[1]) && kgi_is_digit(q[2])) {
          d->d = (q[1] - '0') * 10 + (q[2] - '0');
          q += 3;
        }
      }
      if (q < e && (kgi_is_digit(*q) || *q == '-'))
        return NULL;
      return kgi_date_ok(d) ? q : NULL;
    }
    if (q - p > 2)
      return NULL;
    d->d = a; /* day first: "7 janvier 2021", "1er janvier", "5th Jan 2023" */
    static const char *const suffixes[] = {"er", "st", "nd", "rd", "th", NULL};
    for (int i = 0; suffixes[i]; i++) {
      size_t n = strlen(suffixes[i]);
      if ((size_t)(e - q) >= n && strncmp(q, suffixes[i], n) == 0) {
        q += n;
        break;
      }
    }
    const char *r = kgi_skip_spaces(q, e);
    if (r == q || !(q = kgi_parse_month(r, e, &d->m)))
      return NULL;
    q = kgi_parse_year_after(q, e, &d->y);
    return kgi_date_ok(d) ? q : NULL;
  }
  /* month first: "Oct. 13, 2023", "Jan 5", "janvier 2021" */
  if (!(q = kgi_parse_month(p, e, &d->m)))
    return NULL;
  const char *r = kgi_skip_spaces(q, e);
  if (r == q)
    return NULL;
  int v;
  const char *s = kgi_parse_number(r, e, 1, 4, &v);
  if (!s || (s < e && kgi_is_digit(*s)))
    return NULL;
  if (s - r == 4) {
    d->y = v;
    return kgi_date_ok(d) ? s : NULL;
  }
  if (s - r > 2)
    return NULL;
  d->d = v;
  if (e - s >= 2 && (strncmp(s, "st", 2) == 0 || strncmp(s, "nd", 2) == 0 ||
                     strncmp(s, "rd", 2) == 0 || strncmp(s, "th", 2) == 0))
    s += 2;
  s = kgi_parse_year_after(s, e, &d->y);
  return kgi_date_ok(d) ? s : NULL;
}

/* The xsd lexical form, or 0 when the date has no year. */
static int kgi_date_format(const KgiDate *d, char out[11]) {
  if (!d->y)
    return 0;
  char tmp[32];
  if (d->m && d->d)
    snprintf(tmp, sizeof tmp, "%04d-%02d-%02d", d->y, d->m, d->d);
  else if (d->m)
    snprintf(tmp, sizeof tmp, "%04d-%02d", d->y, d->m);
  else
    snprintf(tmp, sizeof tmp, "%04d", d->y);
  memcpy(out, tmp, strlen(tmp) + 1);
  return 1;
}

int kgi_date_normalize(const char *s, size_t len, char out[11]) {
  const char *p = s, *e = s + len;
  while (p < e && (kgi_is_space(*p) || *p == '\n'))
    p++;
  while (e > p && (kgi_is_space(e[-1]) || e[-1] == '\n'))
    e--;
  KgiDate d;
  const char *q = kgi_parse_date(p, e, &d);
  if (!q)
    return 0;
  /* a full ISO date may carry a time ("T14:05:00Z", " 14:05"); anything else must end */
  if (q < e && !(d.d && (*q == 'T' || *q == ' ')))
    return 0;
  return kgi_date_format(&d, out);
}

/* Length of one UTF-8 character that is a capital letter we know, else 0. */
static int kgi_upper_len(const unsigned char *p, const unsigned char *e) {
  if (*p >= 'A' && *p <= 'Z')
    return 1;
  if (e - p >= 2 && p[0] == 0xC3 && p[1] >= 0x80 && p[1] <= 0x9E && p[1] != 0x97)
    return 2; /* À..Þ except × */
  if (e - p >= 2 && p[0] == 0xC5 && (p[1] == 0x92 || p[1] == 0xB8))
    return 2; /* Œ, Ÿ */
  return 0;
}

/*
 * The place's head, written in capitals: "PARIS", "NEW YORK", "SAINT-ÉTIENNE",
 * "ST. LOUIS", "FRANKFURT/PARIS". Returns its end (blanks trimmed) or NULL.
 */
static const char *kgi_parse_caps(const char *p, const char *e) {
  const unsigned char *u = (const unsigned char *)p, *ue = (const unsigned char *)e;
  const unsigned char *last = NULL;
  int letters = 0;
  if (!kgi_upper_len(u, ue))
    return NULL;
  while (u < ue && *u != ',' && *u != '(' && !(u + 1 < ue && u[0] == '-' && u[1] == '-')) {
    int n = kgi_upper_len(u, ue);
    if (*u == '/') {
      /* "FRANKFURT/PARIS" goes on; " /PRNewswire/" starts the agency */
      if (last != u || u + 1 >= ue || !kgi_upper_len(u + 1, ue))
        break;
      u++;
    } else if (n) {
      letters++;
      u += n;
      last = u;
    } else if (*u == '.' || *u == '-' || *u == '\'') {
      u++;
      last = u;
    } else if (ue - u >= 3 && u[0] == 0xE2 && u[1] == 0x80 && u[2] == 0x99) {
      u += 3; /* ’ as in "L’AQUILA" */
    } else if (*u == ' ' && u + 1 < ue && u[1] != ' ') {
      u++;
    } else if (*u == ' ') {
      u++;
      break;
    } else {
      return NULL;
    }
    if ((const char *)u - p > KGI_MAX_PLACE)
      return NULL;
  }
  if (letters < 2 || !last)
    return NULL;
  return (const char *)last;
}

/* A qualifier after the head: "Wash.", "Calif.", "England", "N.Y." */
static const char *kgi_parse_qualifier(const char *p, const char *e) {
  const char *q = p;
  int words = 1;
  if (!kgi_upper_len((const unsigned char *)p, (const unsigned char *)e))
    return NULL;
  while (q < e && *q != ',' && *q != '(' && *q != '/') {
    if (kgi_is_digit(*q) || *q == ':' || *q == ';')
      return NULL;
    if (*q == ' ' && ++words > 3)
      return NULL;
    q++;
  }
  while (q > p && kgi_is_space(q[-1]))
    q--;
  if (q - p > 25 || q == p)
    return NULL;
  return q;
}

/* Without a place, only the wire form "(Agency) -- ..." counts: the line starts with the
 * agency, a name (capital first, no sentence in brackets), and a double hyphen follows,
 * so a caption such as "(Photo) - Le siège" is not taken for a dateline. */
static int kgi_agency_alone(const char *line, const char *a, size_t n, const char *after,
                            const char *e) {
  while (after < e && (*after == ' ' || *after == '\t'))
    after++;
  return line[0] == '(' && a == line + 1 && n >= 2 && a[0] >= 'A' && a[0] <= 'Z' &&
         !memchr(a, ',', n) && !memchr(a, '.', n - 1) && e - after >= 2 && after[0] == '-' &&
         after[1] == '-';
}

/* "(Reuters)" or "/PRNewswire/" at p: sets the agency span, returns the end or NULL. */
static const char *kgi_parse_agency(const char *p, const char *e, const char **a, size_t *an) {
  char close;
  if (p < e && *p == '(')
    close = ')';
  else if (p < e && *p == '/')
    close = '/';
  else
    return NULL;
  const char *s = ++p;
  int words = 1;
  while (p < e && *p != close) {
    if (*p == '(' || *p == ':' || *p == ';' || *p == '"' || *p == ',' || (*p == '/' && close == ')'))
      return NULL;
    if (*p == ' ' && ++words > 3)
      return NULL;
    p++;
  }
  if (p >= e || p == s || p - s > KGI_MAX_AGENCY || kgi_is_space(*s) || kgi_is_space(p[-1]))
    return NULL;
  int alpha = 0;
  for (const char *c = s; c < p; c++)
    if ((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z'))
      alpha = 1;
  if (!alpha)
    return NULL;
  *a = s;
  *an = (size_t)(p - s);
  return p + 1;
}

/* A dash that ends a header or dateline: "-", "--", "–", "—", then a blank or the end. */
static const char *kgi_parse_dash(const char *p, const char *e) {
  const char *q;
  if (e - p >= 2 && p[0] == '-' && p[1] == '-')
    return p + 2; /* "--(BUSINESS WIRE)--Zorbex" glues the text to the dash */
  if (p < e && *p == '-')
    q = p + 1;
  else if (e - p >= 3 && memcmp(p, "\xE2\x80\x93", 3) == 0)
    q = p + 3;
  else if (e - p >= 3 && memcmp(p, "\xE2\x80\x94", 3) == 0)
    q = p + 3;
  else
    return NULL;
  if (q < e && !kgi_is_space(*q))
    return NULL;
  return q;
}

static KgStatus kgi_found(KgiMeta *m, const KgiDate *d, const char *agency, size_t an,
                          const char *place, size_t pn) {
  char iso[11];
  KgStatus st = KG_SUCCESS;
  if (d && kgi_date_format(d, iso))
    KGI_TRY(st, kgi_meta_offer(m, KG_META_DATE_PUBLISHED, iso, strlen(iso)));
  if (agency)
    KGI_TRY(st, kgi_meta_offer(m, KG_META_PUBLISHER, agency, an));
  if (place)
    KGI_TRY(st, kgi_meta_offer(m, KG_META_DATELINE_PLACE, place, pn));
out:
  return st;
}

/* "date 2023-01 (Zorbex Info) — ..." or "Date: 2023-01-05 —". 1 when it matched. */
static int kgi_header_line(const char *p, const char *e, KgiDate *d, const char **a,
                           size_t *an) {
  if (e - p < 5 || strncasecmp(p, "date", 4) != 0)
    return 0;
  p += 4;
  if (p < e && *p == ':')
    p++;
  const char *q = kgi_skip_spaces(p, e);
  if (q == p || !(q = kgi_parse_date(q, e, d)) || !d->y)
    return 0;
  q = kgi_skip_spaces(q, e);
  *a = NULL;
  const char *r;
  if (q < e && *q == '(' && (r = kgi_parse_agency(q, e, a, an)))
    q = kgi_skip_spaces(r, e);
  return q == e || kgi_parse_dash(q, e) != NULL;
}

/* A dateline. 1 when it matched; the spans point into the line. */
static int kgi_dateline(const char *p, const char *e, KgiDate *d, int *has_date,
                        const char **a, size_t *an, const char **place, size_t *pn) {
  const char *q = p, *place_end = NULL;
  *has_date = 0;
  *place = NULL;
  if (*p != '(') {
    if (!(place_end = kgi_parse_caps(p, e)))
      return 0;
    q = place_end;
    for (int seg = 0; seg < 3; seg++) {
      q = kgi_skip_spaces(q, e);
      if (q >= e || *q != ',')
        break;
      q = kgi_skip_spaces(q + 1, e);
      const char *r = kgi_parse_date(q, e, d);
      if (r) {
        *has_date = 1;
        q = r;
        break;
      }
      if (seg == 2 || !(r = kgi_parse_qualifier(q, e)))
        return 0;
      place_end = q = r;
    }
    q = kgi_skip_spaces(q, e);
    if (e - q >= 3 && q[0] == '-' && q[1] == '-' && q[2] == '(')
      q += 2; /* "NEW YORK--(BUSINESS WIRE)--" */
  }
  if (!(q = kgi_parse_agency(q, e, a, an)))
    return 0;
  if (!place_end && !kgi_agency_alone(p, *a, *an, q, e))
    return 0;
  if (place_end && (size_t)(place_end - p) == *an && memcmp(p, *a, *an) == 0)
    return 0; /* "AMD (AMD) -": a company and its ticker */
  q = kgi_skip_spaces(q, e);
  if (q < e && !kgi_parse_dash(q, e))
    return 0;
  if (place_end) {
    *place = p;
    *pn = (size_t)(place_end - p);
  }
  return 1;
}

KgStatus kgi_header_scan(const char *text, size_t len, KgiMeta *meta) {
  const char *p = text, *end = text + len;
  for (int line = 0; line < KGI_SCAN_LINES && p < end;) {
    const char *e = memchr(p, '\n', (size_t)(end - p));
    if (!e)
      e = end;
    const char *s = kgi_skip_spaces(p, e);
    if (s < e) {
      KgiDate d;
      const char *agency, *place;
      size_t an = 0, pn = 0;
      int has_date;
      if (kgi_header_line(s, e, &d, &agency, &an))
        return kgi_found(meta, &d, agency, an, NULL, 0);
      if (kgi_dateline(s, e, &d, &has_date, &agency, &an, &place, &pn))
        return kgi_found(meta, has_date ? &d : NULL, agency, an, place, pn);
      line++;
    }
    p = e < end ? e + 1 : end;
  }
  return KG_SUCCESS;
}
