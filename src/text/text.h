/*
 * text.h - tokens with offsets, sentences, language, and quantities (money, percentages,
 * dates, counts) read from tokens. Private to the library.
 *
 * Offsets: every token knows its byte range in the article text and its code-point
 * start, so statements can carry evidence offsets in code points (VOCABULARY.md).
 */
#ifndef KG_TEXT_H
#define KG_TEXT_H

#include <stddef.h>
#include <kgbuild/common.h>

typedef enum {
  KGT_WORD = 0,   /* letters/digits mixed words: "OpenAI", "l'", "d'", "Inc", "GPT-4" */
  KGT_NUMBER,     /* "10", "3,9", "1.383", "1,383", "29", "2015" (separators kept in text) */
  KGT_PUNCT,      /* . , ; : ! ? ( ) " « » — - ' etc. */
  KGT_SYMBOL      /* $ € £ ¥ % & and other symbols */
} KgtKind;

/* token flags */
#define KGT_F_CAP 0x01        /* first letter upper case */
#define KGT_F_ALLCAPS 0x02    /* every letter upper case (and at least two letters) */
#define KGT_F_SENT_START 0x04 /* first token of its sentence */
#define KGT_F_SPACE_BEFORE 0x08 /* whitespace between this token and the previous one */
#define KGT_F_PARA_START 0x10 /* first token after a blank line */
#define KGT_F_ABBREV 0x20     /* word that ends with its own '.', e.g. "Inc.", "U.S.", "M." */

typedef struct {
  size_t start, end;   /* byte offsets [start, end) in the text */
  size_t cp_start, cp_end; /* the same in code points */
  KgtKind kind;
  unsigned flags;
  const char *lower;   /* lower-cased text of the token, NUL-terminated (owned by the doc) */
  const char *fold;    /* lower-cased and folded to ASCII ("é" -> "e"), NUL-terminated */
  double number;       /* KGT_NUMBER: its value with the language's decimal/thousands rules */
  size_t sentence;     /* index of its sentence */
} KgtToken;

typedef struct {
  size_t tok_start, tok_end; /* tokens [start, end) */
  size_t start, end;         /* byte offsets of the sentence text */
  size_t cp_start, cp_end;   /* code-point offsets */
  size_t paragraph;          /* index of its paragraph */
} KgtSentence;

typedef struct KgtDocImpl KgtDoc;

/**
 * Tokenize and split @p text (valid UTF-8, @p len bytes; the doc borrows it: keep it
 * alive) in language @p lang ("en"/"fr"). Handles abbreviations (Inc., Corp., M., Mme,
 * U.S., S.A.), decimals with ',' and '.', thousands separators (incl. narrow no-break
 * spaces inside numbers), quotes and guillemets, French elisions (l', d', qu' are their
 * own tokens), and run-together sentences ("Pyrénées.Alors"). *out is new; free it with
 * kgt_doc_free().
 */
KgStatus kgt_doc_new(const char *text, size_t len, const char *lang, KgtDoc **out);
void kgt_doc_free(KgtDoc *d);

const char *kgt_doc_text(const KgtDoc *d);
const char *kgt_doc_lang(const KgtDoc *d);
size_t kgt_doc_ntokens(const KgtDoc *d);
const KgtToken *kgt_doc_token(const KgtDoc *d, size_t i);
size_t kgt_doc_nsentences(const KgtDoc *d);
const KgtSentence *kgt_doc_sentence(const KgtDoc *d, size_t i);

/** Copy of the text of tokens [a, b) as written (with their inner spacing); kg_free it. */
char *kgt_doc_span_text(const KgtDoc *d, size_t a, size_t b);

/* ---- quantities ---- (each returns the number of tokens consumed at @p i, 0 if none) */

typedef struct {
  char amount[48];   /* canonical xsd:decimal in units: "10000000000", "1.5" */
  char currency[4];  /* ISO 4217 */
} KgtMoney;

/** "$10 billion", "US$1.2bn", "€1.5 billion", "3,9 milliards d'euros", "505 millions de
 * dollars", "8,09 milliards de livres sterling", "29 Md$", "10 mln dlrs", "131,5 dollars". */
size_t kgt_parse_money(const KgtDoc *d, size_t i, KgtMoney *out);

/** "49%", "49 %", "49 per cent", "49 pct", "49 pour cent" -> "49" (canonical decimal). */
size_t kgt_parse_percent(const KgtDoc *d, size_t i, char out[32]);

/** Dates: "2015", "in January 2023", "Jan. 23, 2023", "23 janvier 2023", "janvier 2023",
 * "Oct. 13" (year from @p default_year when > 0). out: "2015", "2023-01", "2023-01-23". */
size_t kgt_parse_date(const KgtDoc *d, size_t i, int default_year, char out[16]);

/** A plain count: "12,000", "1.383", "2 000" -> "12000" (canonical integer/decimal). */
size_t kgt_parse_count(const KgtDoc *d, size_t i, char out[48]);

/** Language of @p text: "en" or "fr". Also exported as kg_detect_language(). */
const char *kgt_detect_language(const char *text, size_t len);

#endif
