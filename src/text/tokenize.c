/*
 * tokenize.c - one pass over the text cuts tokens, a second lower-cases and folds them
 * into one arena and reads numbers, a third groups tokens into sentences.
 */
#include "config.h"

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "text/chars.h"
#include "text/phrase.h"
#include "text/text_int.h"

/* private token flags (above the public ones) */
#define KGT_P_BREAK_AFTER 0x100 /* the text ran two sentences together here ("x.Alors") */
#define KGT_P_ABBREV_END 0x200  /* an abbreviation that may end a sentence ("Inc.") */
#define KGT_P_PUBLIC 0xFF

struct KgtDocImpl {
  KgtDocHead h; /* first: text.h reads tokens and sentences through it */
  size_t len;
  char lang[4];
  size_t captok;
  size_t capsent;
  size_t npara;
  char *arena;
};

typedef struct {
  const unsigned char *s;
  size_t n;
} KgtScan;

/* class of the code point at p (KGC_SPACE at the end) */
static KgcClass kgt_at_any(const KgtScan *sc, size_t p, uint32_t *cp, size_t *len) {
  if (p >= sc->n) {
    *cp = 0;
    *len = 0;
    return KGC_SPACE;
  }
  if (sc->s[p] < 0x80) {
    *cp = sc->s[p];
    *len = 1;
    return kgc_class(*cp);
  }
  *len = kgc_decode(sc->s + p, sc->n - p, cp);
  return kgc_class(*cp);
}

/* kgt_at_any() with the ASCII case inline: called for most bytes of the text */
static inline KgcClass kgt_at(const KgtScan *sc, size_t p, uint32_t *cp, size_t *len) {
  if (p < sc->n && sc->s[p] < 0x80) {
    *cp = sc->s[p];
    *len = 1;
    return (KgcClass)kgc_ascii_class[sc->s[p]];
  }
  return kgt_at_any(sc, p, cp, len);
}

static int kgt_is_wordch(KgcClass c) {
  return c == KGC_LETTER || c == KGC_DIGIT || c == KGC_MARK;
}

static KgStatus kgt_push(KgtDoc *d, size_t start, size_t end, KgtKind kind, unsigned flags) {
  if (d->h.ntok == d->captok) {
    size_t nc = d->captok ? d->captok * 2 : 64;
    KgtToken *nt = kg_realloc(d->h.toks, nc * sizeof *nt);
    if (!nt)
      return KG_ERR_NOMEM;
    d->h.toks = nt;
    d->captok = nc;
  }
  KgtToken *t = &d->h.toks[d->h.ntok++];
  memset(t, 0, sizeof *t);
  t->start = start;
  t->end = end;
  t->kind = kind;
  t->flags = flags;
  return KG_SUCCESS;
}

/* Letters of [a, b) are only dot-separated groups of at most two ("U.S", "S.A", "a.m"). */
static int kgt_dotted_initials(const KgtScan *sc, size_t a, size_t b) {
  size_t run = 0, dots = 0;
  for (size_t p = a; p < b;) {
    uint32_t cp;
    size_t l;
    KgcClass c = kgt_at(sc, p, &cp, &l);
    if (c == KGC_DOT) {
      if (run == 0)
        return 0;
      run = 0;
      dots++;
    } else if (c == KGC_LETTER) {
      if (++run > 2)
        return 0;
    } else if (c != KGC_MARK) {
      return 0;
    }
    p += l;
  }
  return dots > 0 && run > 0;
}

/* The word at [start, p) followed by '.': is "word." an abbreviation? */
static int kgt_abbrev(const KgtDoc *d, const KgtScan *sc, size_t start, size_t p,
                      unsigned *pflags) {
  if (kgt_dotted_initials(sc, start, p)) {
    *pflags |= KGT_P_ABBREV_END;
    return 1;
  }
  uint32_t cp;
  size_t l;
  kgt_at(sc, start, &cp, &l);
  /* (not the letter of a name glued to its digit, "bought 3M.": that dot ends the sentence) */
  if (start + l == p && kgc_is_upper(cp) &&
      !(start > 0 && (unsigned)(sc->s[start - 1] - '0') < 10u))
    return 1; /* an initial: "John F. Kennedy", "M. Dupont" */
  const KgtLexEntry *e =
      kgt_lexicon_lookup(d->h.lx, KGT_LEX_ABBREV, NULL, (const char *)sc->s + start, p + 1 - start);
  if (!e)
    return 0;
  if (strcmp(e->value, "end") == 0)
    *pflags |= KGT_P_ABBREV_END;
  return 1;
}

int kgt_elision_prefix(const char *s, size_t n) {
  for (size_t q = 0; q < n; q++)
    if ((unsigned)((s[q] | 0x20) - 'a') >= 26u)
      return 0;
  return n <= 2 || ((s[n - 2] | 0x20) == 'q' && (s[n - 1] | 0x20) == 'u');
}

/* French elision: "l'", "d'", "qu'", "jusqu'" before a word. */
static int kgt_elision(const KgtScan *sc, size_t start, size_t p) {
  return kgt_elision_prefix((const char *)sc->s + start, p - start);
}

/* 1 for the ASCII letters and digits, over all 256 byte values. */
static const unsigned char kgt_ascii_alnum[256] = {
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0,
    0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0};

/* Scan a word from @p p; returns its end. */
static size_t kgt_scan_word(KgtDoc *d, const KgtScan *sc, size_t start, unsigned *pflags,
                            int fr) {
  size_t p = start;
  uint32_t cp, cp2;
  size_t l, l2;
  for (;;) {
    /* most words are ASCII letters: skip them without decoding */
    while (p < sc->n && kgt_ascii_alnum[sc->s[p]])
      p++;
    KgcClass c = kgt_at(sc, p, &cp, &l);
    while (kgt_is_wordch(c)) {
      p += l;
      while (p < sc->n && kgt_ascii_alnum[sc->s[p]]) /* the ASCII after an accent too */
        p++;
      c = kgt_at(sc, p, &cp, &l);
    }
    if (c != KGC_APOS && c != KGC_HYPHEN && c != KGC_SYMBOL && c != KGC_DOT)
      return p; /* a space or punctuation: the word ends, whatever follows */
    KgcClass n = kgt_at(sc, p + l, &cp2, &l2);
    if (c == KGC_APOS && l) {
      if (fr && (n == KGC_LETTER || n == KGC_DIGIT) && kgt_elision(sc, start, p))
        return p + l;
      if ((cp2 == 's' || cp2 == 'S')) {
        uint32_t c3;
        size_t l3;
        if (!kgt_is_wordch(kgt_at(sc, p + l + l2, &c3, &l3)))
          return p; /* possessive: "Zorbex" + "'s" */
      }
      if (n == KGC_LETTER) {
        p += l;
        continue; /* "aujourd'hui", "O'Brien", "don't" */
      }
      return p;
    }
    if (c == KGC_HYPHEN && (n == KGC_LETTER || n == KGC_DIGIT)) {
      /* "ex-Altran", « l'ex-Sabaté »: the prefix before a capital is a word of its own, so
         the name after it is the name */
      if (p == start + 2 && sc->s[start] == 'e' && sc->s[start + 1] == 'x' &&
          n == KGC_LETTER && kgc_is_upper(cp2)) {
        /* a capitalised name, not an acronym ("ex-CEO", « l'ex-PDG » stay one word, as does a
           name that opens with it, "Ex-Im Bank") */
        uint32_t c3;
        size_t l3;
        if (kgt_at(sc, p + l + l2, &c3, &l3) == KGC_LETTER && kgc_is_lower(c3))
          return p + l;
      }
      p += l;
      continue;
    }
    if (c == KGC_SYMBOL && cp == '&' && n == KGC_LETTER) {
      p += l;
      continue; /* "AT&T", "R&D" */
    }
    if (c == KGC_SYMBOL && cp == '+' && n == KGC_LETTER && kgc_is_upper(cp2) && p > start &&
        (unsigned)(sc->s[p - 1] - 'A') < 26u) {
      p += l;
      continue; /* "V+K": capitals joined by a plus */
    }
    if (c == KGC_DOT) {
      if (n == KGC_LETTER) {
        /* "Pyrénées.Alors": a capital then 2+ lower-case letters is a new sentence;
         * "ZX.E", "U.S", "news.com" stay one word */
        size_t q = p + l;
        size_t lowers = 0;
        uint32_t c0;
        size_t l0;
        kgt_at(sc, q, &c0, &l0);
        if (kgc_is_upper(c0)) {
          q += l0;
          for (;;) {
            uint32_t cq;
            size_t lq;
            KgcClass k = kgt_at(sc, q, &cq, &lq);
            if (k == KGC_LETTER && kgc_is_lower(cq))
              lowers++;
            else if (k != KGC_MARK)
              break;
            q += lq;
          }
          uint32_t cq;
          size_t lq;
          KgcClass k = kgt_at(sc, q, &cq, &lq);
          /* after a lower-case word, a short one or an elision starts a sentence too:
           * "Velmont.L'armée", "Zorbex.En" */
          unsigned char b = sc->s[p - 1];
          int after_lower = p >= start + 2 && ((unsigned)(b - 'a') < 26u || b >= 0x80);
          if (after_lower && ((lowers == 1 && (k == KGC_SPACE || k == KGC_NEWLINE)) ||
                              (lowers <= 1 && k == KGC_APOS)))
            lowers = 2;
          /* an elision after any word: "l'AFP.L'entreprise" (no ticker has an apostrophe) */
          if (lowers == 0 && k == KGC_APOS && p >= start + 2) {
            uint32_t ca;
            size_t la;
            if (kgt_at(sc, q + lq, &ca, &la) == KGC_LETTER)
              lowers = 2;
          }
          /* "T.Marcolli", « V.Orsan »: one capital before the dot is a brand's initial */
          int initial = p == start + 1 && (unsigned)(sc->s[start] - 'A') < 26u;
          if (lowers >= 2 && !initial && k != KGC_DIGIT && !(k == KGC_LETTER)) {
            *pflags |= KGT_P_BREAK_AFTER;
            return p;
          }
        }
        p += l;
        continue;
      }
      if (n == KGC_DIGIT && p > start) {
        p += l; /* "Web3.0", "v2.1" */
        continue;
      }
      if (kgt_abbrev(d, sc, start, p, pflags)) {
        *pflags |= KGT_F_ABBREV;
        return p + l;
      }
      return p;
    }
    return p;
  }
}

/* Scan a number from @p p; *word set when it turns out to be a word ("5G", "1er"). */
static size_t kgt_scan_number(KgtDoc *d, const KgtScan *sc, size_t start, int fr, int *word) {
  size_t p = start, group = 0;
  int comma_seen = 0;
  uint32_t cp, cp2;
  size_t l, l2;
  *word = 0;
  for (;;) {
    KgcClass c = kgt_at(sc, p, &cp, &l);
    while (c == KGC_DIGIT) {
      group++;
      p += l;
      c = kgt_at(sc, p, &cp, &l);
    }
    if ((c == KGC_DOT || c == KGC_COMMA) && kgt_at(sc, p + l, &cp2, &l2) == KGC_DIGIT) {
      if (c == KGC_COMMA)
        comma_seen = 1;
      p += l;
      group = 0;
      continue;
    }
    if (c == KGC_SPACE && l && group <= 3 && !(fr && comma_seen) &&
        (cp == ' ' ? fr : (cp == 0xA0 || cp == 0x202F || cp == 0x2009 || cp == 0x2007))) {
      /* thousands groups: "1 383" (French), "1\u202F383" (any language) */
      size_t q = p + l, k = 0;
      while (k < 3 && q < sc->n && sc->s[q] >= '0' && sc->s[q] <= '9')
        q++, k++;
      if (k == 3 && (q >= sc->n || sc->s[q] < '0' || sc->s[q] > '9')) {
        p += l;
        group = 0;
        continue;
      }
    }
    break;
  }
  uint32_t c0;
  size_t l0;
  KgcClass c = kgt_at(sc, p, &c0, &l0);
  if (c == KGC_LETTER) {
    size_t q = p;
    for (;;) {
      KgcClass k = kgt_at(sc, q, &c0, &l0);
      if (k != KGC_LETTER && k != KGC_MARK)
        break;
      q += l0;
    }
    KgcClass after = kgt_at(sc, q, &c0, &l0);
    if (after != KGC_DIGIT && d->h.lx &&
        kgt_lexicon_lookup(d->h.lx, KGT_LEX_SCALE, NULL, (const char *)sc->s + p, q - p))
      return p; /* "10bn", "1.2mln" */
    *word = 1;
    unsigned fl = 0;
    return kgt_scan_word(d, sc, start, &fl, 0);
  }
  return p;
}

static KgStatus kgt_cut(KgtDoc *d) {
  KgtScan sc = {(const unsigned char *)d->h.text, d->len};
  int fr = strcmp(d->lang, "fr") == 0;
  size_t p = 0;
  unsigned pending = KGT_F_PARA_START;
  int newlines = 0;
  size_t indent = 0;
  KgStatus st;
  while (p < sc.n) {
    uint32_t cp;
    size_t l;
    KgcClass c = kgt_at(&sc, p, &cp, &l);
    if (c == KGC_NEWLINE) {
      if (!(cp == '\r' && p + 1 < sc.n && sc.s[p + 1] == '\n'))
        newlines++;
      indent = 0;
      pending |= KGT_F_SPACE_BEFORE;
      p += l;
      continue;
    }
    if (c == KGC_SPACE) {
      if (newlines)
        indent += cp == '\t' ? 2 : 1;
      pending |= KGT_F_SPACE_BEFORE;
      p += l;
      continue;
    }
    if (d->h.ntok > 0 && (newlines >= 2 || (newlines == 1 && indent >= 2)))
      pending |= KGT_F_PARA_START;
    newlines = 0;
    indent = 0;
    size_t start = p, end;
    KgtKind kind;
    unsigned pf = 0;
    if (c == KGC_LETTER || c == KGC_MARK) {
      /* most words: ASCII letters and digits up to a space or punctuation that cannot go
         on with them (kgt_scan_word() returns there at once); the others go through it */
      size_t q = p;
      while (q < sc.n && kgt_ascii_alnum[sc.s[q]])
        q++;
      KgcClass k = q < sc.n ? (KgcClass)kgc_ascii_class[sc.s[q] & 0x7F] : KGC_SPACE;
      if (q > p && (q >= sc.n || sc.s[q] < 0x80) && k != KGC_APOS && k != KGC_HYPHEN &&
          k != KGC_SYMBOL && k != KGC_DOT)
        end = q;
      else
        end = kgt_scan_word(d, &sc, p, &pf, fr);
      kind = KGT_WORD;
    } else if (c == KGC_DIGIT) {
      int word;
      end = kgt_scan_number(d, &sc, p, fr, &word);
      kind = word ? KGT_WORD : KGT_NUMBER;
    } else if (c == KGC_APOS) {
      uint32_t c2, c3;
      size_t l2, l3;
      kgt_at(&sc, p + l, &c2, &l2);
      if ((c2 == 's' || c2 == 'S') && !kgt_is_wordch(kgt_at(&sc, p + l + l2, &c3, &l3)) &&
          d->h.ntok > 0 && !(pending & KGT_F_SPACE_BEFORE)) {
        end = p + l + l2;
        kind = KGT_WORD;
      } else {
        end = p + l;
        kind = KGT_PUNCT;
      }
    } else if (c == KGC_DOT) {
      end = p + l;
      while (end < sc.n && sc.s[end] == '.')
        end++;
      kind = KGT_PUNCT;
    } else if (c == KGC_HYPHEN && cp == '-' && p + 1 < sc.n && sc.s[p + 1] == '-') {
      end = p + 2;
      kind = KGT_PUNCT;
    } else {
      end = p + l;
      kind = c == KGC_SYMBOL ? KGT_SYMBOL : KGT_PUNCT;
    }
    /* marks (variation selectors, ZWJ, accents) stay with what they follow; no ASCII
       byte is one, and most tokens end before one */
    while (end < sc.n && sc.s[end] >= 0x80) {
      uint32_t cm;
      size_t lm;
      KgcClass k = kgt_at(&sc, end, &cm, &lm);
      if (k == KGC_MARK && lm) {
        end += lm;
        /* an emoji joined by ZWJ continues with the next symbol */
        if (cm == 0x200D && kgt_at(&sc, end, &cm, &lm) == KGC_SYMBOL)
          end += lm;
        continue;
      }
      break;
    }
    if ((st = kgt_push(d, start, end, kind, pending | pf)) != KG_SUCCESS)
      return st;
    pending = 0;
    p = end;
  }
  return KG_SUCCESS;
}

/* Canonical decimal of a number token's text, per the language's separators. */
static int kgt_decimal_of(const char *s, size_t n, int fr, char *out, size_t cap) {
  char digits[64];
  size_t nd = 0, intlen = (size_t)-1;
  /* find separators */
  size_t nsep = 0, last_pos = 0, after_last = 0;
  char last = 0, first = 0;
  int mixed = 0;
  for (size_t k = 0; k < n;) {
    unsigned char c = (unsigned char)s[k];
    if (c >= '0' && c <= '9') {
      k++;
      continue;
    }
    char sep = (c == '.' || c == ',') ? (char)c : ' ';
    if (!first)
      first = sep;
    else if (sep != first)
      mixed = 1;
    last = sep;
    last_pos = k;
    nsep++;
    uint32_t cp;
    k += kgc_decode((const unsigned char *)s + k, n - k, &cp);
    after_last = 0;
    for (size_t q = k; q < n && s[q] >= '0' && s[q] <= '9'; q++)
      after_last++;
  }
  /* the decimal separator, if any: its byte position */
  size_t dec = (size_t)-1;
  if (nsep > 0 && last != ' ') {
    if (mixed) {
      dec = last_pos;
    } else if (nsep == 1) {
      int is_dec;
      if (last == (fr ? ',' : '.'))
        is_dec = 1;
      else
        is_dec = after_last != 3;
      if (is_dec)
        dec = last_pos;
    }
  }
  for (size_t k = 0; k < n; k++) {
    unsigned char c = (unsigned char)s[k];
    if (k == dec)
      intlen = nd;
    if (c >= '0' && c <= '9') {
      if (nd + 1 >= sizeof digits)
        return 0;
      digits[nd++] = (char)c;
    }
  }
  if (nd == 0)
    return 0;
  if (intlen == (size_t)-1)
    intlen = nd;
  /* strip leading zeros of the integer part, trailing zeros of the fraction */
  size_t a = 0;
  while (a + 1 < intlen && digits[a] == '0')
    a++;
  size_t b = nd;
  while (b > intlen && digits[b - 1] == '0')
    b--;
  size_t o = 0;
  for (size_t k = a; k < b; k++) {
    if (k == intlen) {
      if (o + 1 >= cap)
        return 0;
      out[o++] = '.';
    }
    if (o + 1 >= cap)
      return 0;
    out[o++] = digits[k];
  }
  if (intlen == 0) {
    /* ".5" cannot happen (numbers start with a digit), but keep it well-formed */
    memmove(out + 1, out, o);
    out[0] = '0';
    o++;
  }
  out[o] = '\0';
  return 1;
}

/* strtod() of a canonical decimal (digits, at most one '.'), which every number token
 * pays for. Up to 15 digits and 22 decimals the quotient of two exact doubles is
 * correctly rounded, as strtod() is, so the value is the same (Clinger's fast path);
 * anything longer still goes to strtod(). */
static double kgt_decimal_value(const char *dec) {
  static const double pow10[23] = {1e0,  1e1,  1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                   1e8,  1e9,  1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
                                   1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22};
  uint64_t m = 0;
  unsigned digits = 0, frac = 0;
  int dot = 0;
  for (const char *p = dec; *p; p++) {
    if (*p == '.' && !dot) {
      dot = 1;
      continue;
    }
    if (*p < '0' || *p > '9' || ++digits > 15)
      return strtod(dec, NULL);
    m = m * 10 + (uint64_t)(*p - '0');
    frac += (unsigned)dot;
  }
  return (double)m / pow10[frac];
}

/* One ASCII byte @p b of a token for kgt_fill(): counts its letter, notes the case of the
 * token's first letter (@p first_upper NULL: noted already), hashes it into *h
 * (kgt_phrase_hash()); returns it lower-cased. */
static inline unsigned char kgt_fill_ascii(unsigned char b, size_t *letters, size_t *uppers,
                                           int *first_upper, uint64_t *h) {
  if ((unsigned)(b - 'A') < 26u) {
    (*letters)++;
    (*uppers)++;
    if (first_upper && *first_upper < 0)
      *first_upper = 1;
    b = (unsigned char)(b + 32);
  } else if ((unsigned)(b - 'a') < 26u) {
    (*letters)++;
    if (first_upper && *first_upper < 0)
      *first_upper = 0;
  }
  *h = (*h ^ b) * 1099511628211ULL;
  return b;
}

static KgStatus kgt_fill(KgtDoc *d) {
  size_t need = 2 * (d->len + d->h.ntok) + 2;
  d->arena = kg_malloc(need);
  d->h.fold_hash = kg_malloc((d->h.ntok + 1) * sizeof *d->h.fold_hash);
  if (!d->arena || !d->h.fold_hash)
    return KG_ERR_NOMEM;
  char *a = d->arena;
  const unsigned char *s = (const unsigned char *)d->h.text;
  int fr = strcmp(d->lang, "fr") == 0;
  size_t cpos = 0, bpos = 0;
  for (size_t i = 0; i < d->h.ntok; i++) {
    KgtToken *t = &d->h.toks[i];
    /* code points between the previous token and this one */
    for (; bpos < t->start; bpos++)
      cpos += (s[bpos] & 0xC0) != 0x80;
    t->cp_start = cpos;
    /* lower-case and fold in one pass: lower at a, fold after the room lower may take */
    char *lower = a, *fold = a + (t->end - t->start) + 1, *f = fold;
    size_t letters = 0, uppers = 0;
    int first_upper = -1;
    /* the fold string's phrase hash (kgt_phrase_hash()) as it is written */
    uint64_t h = KGT_PHRASE_SEED;
    size_t p = t->start;
    /* the ASCII bytes first, to lower only: an ASCII token (most of them) folds to its
       lower-case text, and its fold string is that same string */
    for (; p < t->end && s[p] < 0x80 && first_upper < 0; p++)
      *a++ = (char)kgt_fill_ascii(s[p], &letters, &uppers, &first_upper, &h);
    for (; p < t->end && s[p] < 0x80; p++) /* past the first letter */
      *a++ = (char)kgt_fill_ascii(s[p], &letters, &uppers, NULL, &h);
    cpos += p - t->start;
    if (p == t->end) {
      fold = lower;
      f = a; /* the NUL below ends both */
    } else {
      memcpy(fold, lower, (size_t)(a - lower));
      f = fold + (a - lower);
    }
    while (p < t->end) {
      unsigned char b = s[p];
      if (b < 0x80) {
        b = kgt_fill_ascii(b, &letters, &uppers, &first_upper, &h);
        *a++ = (char)b;
        *f++ = (char)b;
        p++;
        cpos++;
        continue;
      }
      uint32_t cp;
      size_t l = kgc_decode(s + p, t->end - p, &cp);
      if (kgc_class(cp) == KGC_LETTER) {
        int up = kgc_is_upper(cp);
        letters++;
        uppers += up;
        if (first_upper < 0)
          first_upper = up;
      }
      if (kgc_is_upper(cp))
        a += kgc_encode(kgc_to_lower(cp), a);
      else {
        memcpy(a, s + p, l);
        a += l;
      }
      size_t fl = kgc_fold_cp(cp, f);
      h = kgt_phrase_hash(h, f, fl);
      f += fl;
      p += l;
      cpos++;
    }
    *a = '\0';
    bpos = t->end;
    t->cp_end = cpos;
    t->lower = lower;
    d->h.fold_hash[i] = h;
    *f++ = '\0';
    t->fold = fold;
    a = f;
    if (t->kind == KGT_WORD) {
      if (first_upper == 1)
        t->flags |= KGT_F_CAP;
      if (letters >= 2 && uppers == letters)
        t->flags |= KGT_F_ALLCAPS;
    }
    if (t->kind == KGT_NUMBER) {
      char dec[48];
      if (kgt_decimal_of(d->h.text + t->start, t->end - t->start, fr, dec, sizeof dec))
        t->number = kgt_decimal_value(dec);
    }
  }
  return KG_SUCCESS;
}

static int kgt_tok_is(const KgtToken *t, const char *s) {
  return t->lower[0] == s[0] && strcmp(t->lower, s) == 0;
}

static int kgt_is_terminal(const KgtToken *t) {
  if (t->kind != KGT_PUNCT)
    return 0;
  const char *l = t->lower;
  return (l[0] == '.' && (!l[1] || l[1] == '.')) || kgt_tok_is(t, "!") ||
         kgt_tok_is(t, "?") || kgt_tok_is(t, "\xe2\x80\xa6");
}

static int kgt_is_open_quote(const KgtToken *t, int inside) {
  return kgt_tok_is(t, "\xe2\x80\x9c") || kgt_tok_is(t, "\xc2\xab") ||
         (kgt_tok_is(t, "\"") && !inside);
}

static int kgt_is_close(const KgtToken *t, int inside) {
  return kgt_tok_is(t, "\xe2\x80\x9d") || kgt_tok_is(t, "\xc2\xbb") ||
         (kgt_tok_is(t, "\"") && inside) || kgt_tok_is(t, ")") || kgt_tok_is(t, "]") ||
         kgt_tok_is(t, "\xe2\x80\x99");
}

static int kgt_is_spaced_dash(const KgtDoc *d, size_t i) {
  const KgtToken *t = &d->h.toks[i];
  if (t->kind != KGT_PUNCT || !(t->flags & KGT_F_SPACE_BEFORE) || i + 1 >= d->h.ntok ||
      !(d->h.toks[i + 1].flags & KGT_F_SPACE_BEFORE))
    return 0;
  return t->fold[0] == '-' && (t->fold[1] == '\0' || (t->fold[1] == '-' && !t->fold[2]));
}

/* A token that may start a sentence after an abbreviation such as "U.S." or "Inc.". */
/* "… to buy Quintal Corp. Velmar said it …": after an abbreviation that may end a
 * sentence, a capitalised word and then a verb that follows a subject ("said",
 * "announced") start a new sentence. */
static int kgt_name_then_verb(const KgtDoc *d, size_t i) {
  if (i + 1 >= d->h.ntok || !d->h.lx)
    return 0;
  /* a name of up to four capitalised words ("… by Orsa Corp. Halvik Group acquired …"),
     not a title or a role ("Orsa Corp. Chief Executive Ann Roe said" goes on) */
  const KgtToken *n = &d->h.toks[i];
  if (n->kind != KGT_WORD || !(n->flags & KGT_F_CAP))
    return 0;
  const char *text = (const char *)d->h.text;
  /* a legal suffix goes on with the name: "Hollmar AG & Co. KGaA has agreed …" */
  if (kgt_lexicon_lookup(d->h.lx, KGT_LEX_LEGAL, d->lang, text + n->start, n->end - n->start))
    return 0;
  for (size_t w = 0; w < 2 && i + w < d->h.ntok; w++) {
    size_t len = d->h.toks[i + w].end - n->start;
    if (kgt_lexicon_lookup(d->h.lx, KGT_LEX_ROLE, d->lang, text + n->start, len) ||
        kgt_lexicon_lookup(d->h.lx, KGT_LEX_TITLE, d->lang, text + n->start, len))
      return 0;
  }
  size_t k = i + 1;
  while (k < d->h.ntok && k < i + 4 && d->h.toks[k].kind == KGT_WORD &&
         (d->h.toks[k].flags & KGT_F_CAP) && !(d->h.toks[k].flags & KGT_F_PARA_START))
    k++;
  if (k >= d->h.ntok)
    return 0;
  const KgtToken *v = &d->h.toks[k];
  if (v->kind != KGT_WORD || (v->flags & (KGT_F_CAP | KGT_F_ALLCAPS)))
    return 0;
  const KgtLexEntry *e =
      kgt_lexicon_lookup(d->h.lx, KGT_LEX_SUBJ_VERB, d->lang, v->lower, strlen(v->lower));
  return e && strcmp(e->phrase, v->lower) == 0;
}

/* "Corp.", "Inc.": a word abbreviated, not initials ("A.W. Clausen said", "N.V. DSM"). */
static int kgt_word_abbrev(const KgtToken *t) {
  const char *dot = strchr(t->lower, '.');
  return dot && dot - t->lower >= 2 && dot[1] == '\0';
}

static int kgt_starts_sentence(const KgtToken *t, int inside) {
  if (t->flags & KGT_F_PARA_START)
    return 1;
  if (kgt_is_open_quote(t, inside))
    return 1;
  return (t->flags & KGT_F_CAP) && kgt_is_function_word(t->fold);
}

static KgStatus kgt_add_sentence(KgtDoc *d, size_t a, size_t b, size_t para) {
  if (a >= b)
    return KG_SUCCESS;
  if (d->h.nsent == d->capsent) {
    size_t nc = d->capsent ? d->capsent * 2 : 16;
    KgtSentence *ns = kg_realloc(d->h.sents, nc * sizeof *ns);
    if (!ns)
      return KG_ERR_NOMEM;
    d->h.sents = ns;
    d->capsent = nc;
  }
  KgtSentence *s = &d->h.sents[d->h.nsent];
  s->tok_start = a;
  s->tok_end = b;
  s->start = d->h.toks[a].start;
  s->end = d->h.toks[b - 1].end;
  s->cp_start = d->h.toks[a].cp_start;
  s->cp_end = d->h.toks[b - 1].cp_end;
  s->paragraph = para;
  for (size_t k = a; k < b; k++)
    d->h.toks[k].sentence = d->h.nsent;
  d->h.toks[a].flags |= KGT_F_SENT_START;
  d->h.nsent++;
  return KG_SUCCESS;
}

static KgStatus kgt_split(KgtDoc *d) {
  size_t start = 0, para = 0, para_tok = 0;
  int inside = 0, split_in_para = 0;
  KgStatus st;
  for (size_t i = 0; i < d->h.ntok; i++) {
    KgtToken *t = &d->h.toks[i];
    if (i > 0 && (t->flags & KGT_F_PARA_START)) {
      if ((st = kgt_add_sentence(d, start, i, para)) != KG_SUCCESS)
        return st;
      start = i;
      para++;
      para_tok = i;
      inside = 0;
      split_in_para = 0;
    }
    if (t->kind == KGT_WORD && !(t->flags & (KGT_P_BREAK_AFTER | KGT_P_ABBREV_END)))
      continue; /* only punctuation, abbreviations and run-together words end sentences */
    if (kgt_tok_is(t, "\""))
      inside = !inside;
    size_t cut = 0; /* split after token cut-1 */
    if (t->flags & KGT_P_BREAK_AFTER) {
      cut = i + 2 <= d->h.ntok ? i + 2 : i + 1; /* after the '.' that follows the word */
      i = cut - 1;
    } else if (kgt_is_terminal(t)) {
      size_t j = i + 1;
      int in2 = inside;
      while (j < d->h.ntok && !(d->h.toks[j].flags & KGT_F_PARA_START) &&
             kgt_is_close(&d->h.toks[j], in2)) {
        if (kgt_tok_is(&d->h.toks[j], "\""))
          in2 = !in2;
        j++;
      }
      if (j >= d->h.ntok) {
        cut = 0;
      } else {
        const KgtToken *u = &d->h.toks[j];
        if ((u->flags & (KGT_F_CAP | KGT_F_PARA_START)) || kgt_is_open_quote(u, in2) ||
            u->kind == KGT_NUMBER || (u->kind == KGT_PUNCT && u->fold[0] == '-') ||
            kgt_tok_is(u, "("))
          cut = j;
      }
      if (cut) {
        for (size_t k = i + 1; k < cut; k++)
          if (kgt_tok_is(&d->h.toks[k], "\""))
            inside = !inside;
        i = cut - 1;
      }
    } else if ((t->flags & KGT_P_ABBREV_END) && i + 1 < d->h.ntok &&
               (kgt_starts_sentence(&d->h.toks[i + 1], inside) ||
                (kgt_word_abbrev(t) && kgt_name_then_verb(d, i + 1)))) {
      cut = i + 1;
    } else if (!split_in_para && i < para_tok + 30 && kgt_is_spaced_dash(d, i) &&
               i > para_tok &&
               ((d->h.toks[para_tok].flags & KGT_F_ALLCAPS) || kgt_tok_is(&d->h.toks[i - 1], ")"))) {
      cut = i + 1; /* after a dateline: "LYON, 8 novembre 2023 (Agence) —" */
    }
    if (cut && cut < d->h.ntok && !(d->h.toks[cut].flags & KGT_F_PARA_START)) {
      if ((st = kgt_add_sentence(d, start, cut, para)) != KG_SUCCESS)
        return st;
      start = cut;
      split_in_para = 1;
    }
  }
  if (d->h.ntok)
    if ((st = kgt_add_sentence(d, start, d->h.ntok, para)) != KG_SUCCESS)
      return st;
  d->npara = d->h.ntok ? para + 1 : 0;
  for (size_t i = 0; i < d->h.ntok; i++)
    d->h.toks[i].flags &= KGT_P_PUBLIC;
  return KG_SUCCESS;
}

KgStatus kgt_doc_new_lex(const char *text, size_t len, const char *lang,
                         const KgtLexicon *lx, KgtDoc **out) {
  if (!text && len)
    return KG_ERR_BAD_ARG;
  KgtDoc *d = kg_calloc(1, sizeof *d);
  if (!d)
    return KG_ERR_NOMEM;
  d->h.text = text ? text : "";
  d->len = len;
  d->h.lx = lx;
  snprintf(d->lang, sizeof d->lang, "%s", lang && *lang ? lang : "en");
  d->h.lang = d->lang;
  /* news text runs about five bytes a token: room for that up front saves the copies of
   * doubling (bounded, so a huge text without many tokens does not reserve gigabytes) */
  size_t guess = len / 4 + 64;
  if (guess > 65536)
    guess = 65536;
  if (!(d->h.toks = kg_malloc(guess * sizeof *d->h.toks))) {
    kg_free(d);
    return KG_ERR_NOMEM;
  }
  d->captok = guess;
  KgStatus st = kgt_cut(d);
  if (st == KG_SUCCESS)
    st = kgt_fill(d);
  if (st == KG_SUCCESS && lx) {
    /* one probe per token now saves one per token and per look-up later */
    if (!(d->h.lex_mask = kg_malloc((d->h.ntok + 1) * sizeof *d->h.lex_mask)) ||
        !(d->h.lex_head = kg_malloc((d->h.ntok + 1) * sizeof *d->h.lex_head)))
      st = KG_ERR_NOMEM;
    if (st == KG_SUCCESS)
      kgt_lexicon_first_all(lx, d, d->h.lex_head, d->h.lex_mask);
  }
  if (st == KG_SUCCESS)
    st = kgt_split(d);
  if (st != KG_SUCCESS) {
    kgt_doc_free(d);
    return st;
  }
  *out = d;
  return KG_SUCCESS;
}

KgStatus kgt_doc_new(const char *text, size_t len, const char *lang, KgtDoc **out) {
  return kgt_doc_new_lex(text, len, lang, NULL, out);
}

void kgt_doc_free(KgtDoc *d) {
  if (!d)
    return;
  kg_free(d->h.toks);
  kg_free(d->h.sents);
  kg_free(d->arena);
  kg_free(d->h.fold_hash);
  kg_free(d->h.lex_mask);
  kg_free(d->h.lex_head);
  kg_free(d);
}

size_t kgt_doc_nparagraphs(const KgtDoc *d) { return d->npara; }






const char *kgt_token_text(const KgtDoc *d, size_t i, size_t *len) {
  if (i >= d->h.ntok) {
    *len = 0;
    return "";
  }
  *len = d->h.toks[i].end - d->h.toks[i].start;
  return d->h.text + d->h.toks[i].start;
}

int kgt_token_is(const KgtDoc *d, size_t i, const char *fold) {
  return i < d->h.ntok && strcmp(d->h.toks[i].fold, fold) == 0;
}

char *kgt_doc_span_text(const KgtDoc *d, size_t a, size_t b) {
  if (b > d->h.ntok)
    b = d->h.ntok;
  if (a >= b)
    return kg_strdup("");
  return kg_strndup(d->h.text + d->h.toks[a].start, d->h.toks[b - 1].end - d->h.toks[a].start);
}

int kgt_number_decimal(const KgtDoc *d, size_t i, char out[48]) {
  if (i >= d->h.ntok || d->h.toks[i].kind != KGT_NUMBER)
    return 0;
  const KgtToken *t = &d->h.toks[i];
  return kgt_decimal_of(d->h.text + t->start, t->end - t->start, strcmp(d->lang, "fr") == 0,
                        out, 48);
}
