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
#include <stdint.h>
#include <kgbuild/common.h>
#include "util/util.h"

typedef enum {
  KGT_WORD = 0,   /* letters/digits mixed words: "ZorbexAI", "l'", "d'", "Inc", "Velo-4" */
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

/* ---- lexicon ---- (language data: ontology/lexicon/LANG-mentions.tsv, see README.md there) */

typedef struct KgtLexiconImpl KgtLexicon;

/** Kinds of lexicon lines; the file spells them as in kgt_lex_kind_name(). */
typedef enum {
  KGT_LEX_ABBREV = 0, /* "Inc." value: "end" (may end a sentence) or "noend" (M., Jan.) */
  KGT_LEX_MONTH,      /* "janvier" value: 1..12 */
  KGT_LEX_CURRENCY,   /* "$" value: ISO code; arg[0]: pre|post|both (where it stands) */
  KGT_LEX_SCALE,      /* "milliards" value: power of ten (9) */
  KGT_LEX_PERCENT,    /* "%", "pour cent" */
  KGT_LEX_DATE_PREP,  /* "en", "in": may precede a date (kgt_parse_date consumes it) */
  KGT_LEX_MONEY_OF,   /* "de", "d'": between a scale and a currency word */
  KGT_LEX_DESCRIPTOR, /* "la société" value: class; arg[0]: next|of|poss|appos;
                         arg[1]: qualifier; arg[2]: legal form */
  KGT_LEX_LEGAL,      /* legal suffix kept out of names: "Inc." value: class */
  KGT_LEX_ORGWORD,    /* word kept in names that makes one an org: "Holdings" value:
                         class; arg[0]: suffix|prefix */
  KGT_LEX_TITLE,      /* "M.", "Mme", "Mr." before a person's name */
  KGT_LEX_ROLE,       /* "PDG", "chief executive" value: ceo|chair|founder|other */
  KGT_LEX_PRODUCT_CUE, /* "chatbot" value: before|after (the name's side of the cue) */
  KGT_LEX_ANAPHOR,    /* "l'entreprise" value: np|latest|subj|poss */
  KGT_LEX_QUOTE_PRON, /* "nous", "we": the speaker of a quotation */
  KGT_LEX_SPEECH_VERB, /* "ajoute", "said" */
  KGT_LEX_NOT_NAME,   /* capitalised words that are no names: "However", "Selon", "Friday" */
  KGT_LEX_PARTICLE,   /* "de", "van" inside person names */
  KGT_LEX_LEGAL_FORM, /* "à but non lucratif" value: nonprofit|capped-profit|... */
  KGT_LEX_PREP,       /* prepositions: a mention after one is not a subject */
  KGT_LEX_DET,        /* "le", "the": determiners before demonym nouns ("l'américain") */
  KGT_LEX_LIST_SEP,   /* "et", "and", "," between items of a list */
  KGT_LEX_CLAUSE,     /* "dont", "because": a subject pronoun after one ("dont il
                         détient") is in subject position */
  KGT_LEX_COMMON,     /* "shares", "analysts": common words of the language; capitalised
                         at a sentence start they are no names ("Shares rose") */
  KGT_LEX_SUBJ_VERB,  /* "acquired", "a", "annonce": a verb or auxiliary after which an
                         unknown capitalised word at a sentence start is read as a name */
  KGT_LEX_NAME_ADJ,   /* "nationale", "européenne": a lower-case adjective inside the name of
                         an institution after its head word ("l'Agence spatiale européenne") */
  KGT_LEX_GENITIVE,   /* "de", "of": a complement follows (value: article and/or plural for
                         "du", "des") */
  KGT_LEX_YOUNG,      /* "start-up", "jeune": a description of a young company */
  KGT_LEX_HYPHEN_MOD, /* "owned", "led" after a hyphen make a modifier ("Kestrel-owned");
                         value owner: the name before owns or backs; suffix: any word
                         ending so ("-ed") */
  KGT_LEX_STREET,     /* "rue", "avenue": the capitalised words after it (and a genitive)
                         name a street, not a company or a town ("la rue d'Antin") */
  KGT_LEX_COPULA,     /* "is", "was": after "it" an impersonal subject ("it is likely
                         that"), no pronoun for a company */
  KGT_LEX_PLACE_CUE,  /* "based in", « installée à »: the capitalised name after it is a
                         place even when no gazetteer holds it ("based in Yongin") */
  KGT_LEX__COUNT
} KgtLexKind;

#define KGT_LEX_BIT(k) (1u << (unsigned)(k))

/* The letter cases of a string as the case comparisons of phrase.h see them: bit k of
 * bits set when letter k (of the first 64) is upper case, count letters in all, first the
 * case of the first one (0 when there is none). */
typedef struct {
  uint64_t bits;
  unsigned count;
  int first;
} KgtCaseSig;

typedef struct {
  KgtLexKind kind;
  char lang[4];          /* "en", "fr", ... or "" for every language */
  const char *phrase;    /* column 2 as written */
  const char *value;     /* column 3, "" when absent */
  const char *arg[3];    /* columns 4-6, "" when absent */
  int case_sensitive;    /* the phrase has an upper-case letter: the text must match it */
  KgtCaseSig case_sig;   /* the phrase's letter cases, when case_sensitive */
} KgtLexEntry;

/** Kind name as written in lexicon files ("abbrev", "month", ...); NULL if out of range. */
const char *kgt_lex_kind_name(KgtLexKind k);

/** An empty lexicon; free with kgt_lexicon_free(). */
KgStatus kgt_lexicon_new(KgtLexicon **out);
void kgt_lexicon_free(KgtLexicon *lx);

/**
 * Add the lines of one lexicon file. Its first line "# kgbuild-lexicon: mentions LANG"
 * gives its language; without it, @p lang is used (NULL: error). A bad line is an error
 * naming the file and line (KG_ERR_PARSE); lines read before it stay added.
 */
KgStatus kgt_lexicon_load_file(KgtLexicon *lx, const char *path, const char *lang,
                               const KgLog *log);
/** Add the same from a string (tests, embedded data); @p name names it in errors. */
KgStatus kgt_lexicon_load_string(KgtLexicon *lx, const char *data, size_t len,
                                 const char *name, const char *lang, const KgLog *log);
/** Append @p lx to a prepared file (see util.h); kgt_lexicon_map() reads it back. */
void kgt_lexicon_save(const KgtLexicon *lx, KgiSnapW *w);
/** The lexicon kgt_lexicon_save() wrote, its index in the mapping (which must outlive it;
 * no file can be added to it). KG_ERR_PARSE when the data does not hold together. */
KgStatus kgt_lexicon_map(KgiSnapR *r, KgtLexicon **out);
/** The path of the @p k-th file kgt_lexicon_load_dir() reads (into @p path, @p cap bytes)
 * and its language; NULL past the last one. */
const char *kgt_lexicon_dir_file(const char *data_dir, size_t k, char *path, size_t cap);
/** Add the mention and word lexicons of every language from @p data_dir/lexicon. */
KgStatus kgt_lexicon_load_dir(KgtLexicon *lx, const char *data_dir, const KgLog *log);

/**
 * Longest lexicon phrase of one of @p kinds (a mask of KGT_LEX_BIT()) starting at token
 * @p i, in the doc's language (or any-language entries), within i's sentence. Returns the
 * number of tokens it covers (0: none) and sets *out (borrowed from the lexicon).
 */
size_t kgt_lexicon_match(const KgtLexicon *lx, const KgtDoc *d, size_t i, unsigned kinds,
                         const KgtLexEntry **out);

/**
 * Like kgt_doc_new(), with the language data of @p lx (borrowed: keep it alive while the
 * doc lives): abbreviations for the tokenizer, months, currencies and scales for the
 * quantity parsers. kgt_doc_new() is this with NULL (generic rules only: "U.S.", "M."
 * initials, no month names, currency symbols $ € £ ¥ only).
 */
KgStatus kgt_doc_new_lex(const char *text, size_t len, const char *lang,
                         const KgtLexicon *lx, KgtDoc **out);
/** The lexicon the doc was made with, or NULL. */
static inline const KgtLexicon *kgt_doc_lexicon(const KgtDoc *d);

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

static inline const char *kgt_doc_text(const KgtDoc *d);
/* The first member of every KgtDoc (only tokenize.c writes it): the accessors below are
 * called millions of times per megabyte, so they inline instead of crossing files. */
typedef struct {
  KgtToken *toks;
  size_t ntok;
  KgtSentence *sents;
  size_t nsent;
  uint64_t *fold_hash;      /* per token: the phrase-index hash of its fold string */
  uint32_t *lex_mask;       /* per token: lexicon kinds with a phrase starting there */
  const KgtLexicon *lx;
  const char *text;
  uint32_t *lex_head;       /* per token: the lexicon's first item under its fold string,
                               from the probe that gave lex_mask (phrase.h) */
  const char *lang;         /* "en", "fr" (the doc's own copy) */
} KgtDocHead;

static inline const KgtDocHead *kgt_doc_head(const KgtDoc *d) {
  return (const KgtDocHead *)(const void *)d;
}
static inline size_t kgt_doc_ntokens(const KgtDoc *d) { return kgt_doc_head(d)->ntok; }
static inline const KgtLexicon *kgt_doc_lexicon(const KgtDoc *d) { return kgt_doc_head(d)->lx; }
static inline const char *kgt_doc_text(const KgtDoc *d) { return kgt_doc_head(d)->text; }
/** The language the doc was made for ("en", "fr"). */
static inline const char *kgt_doc_lang(const KgtDoc *d) { return kgt_doc_head(d)->lang; }
static inline const KgtToken *kgt_doc_token(const KgtDoc *d, size_t i) {
  const KgtDocHead *h = kgt_doc_head(d);
  return i < h->ntok ? &h->toks[i] : NULL;
}
/** All the tokens, an array of kgt_doc_ntokens() (for loops that visit many). */
static inline const KgtToken *kgt_doc_tokens(const KgtDoc *d) { return kgt_doc_head(d)->toks; }
static inline size_t kgt_doc_nsentences(const KgtDoc *d) { return kgt_doc_head(d)->nsent; }
static inline const KgtSentence *kgt_doc_sentence(const KgtDoc *d, size_t i) {
  const KgtDocHead *h = kgt_doc_head(d);
  return i < h->nsent ? &h->sents[i] : NULL;
}

/** Copy of the text of tokens [a, b) as written (with their inner spacing); kg_free it. */
char *kgt_doc_span_text(const KgtDoc *d, size_t a, size_t b);

/** Number of paragraphs (blank line or an indented new line starts one). */
size_t kgt_doc_nparagraphs(const KgtDoc *d);

/** Token @p i's text as written, and its length in bytes (not NUL-terminated). */
const char *kgt_token_text(const KgtDoc *d, size_t i, size_t *len);

/** 1 when token @p i's lower-cased folded text equals @p fold ("societe"). */
int kgt_token_is(const KgtDoc *d, size_t i, const char *fold);

/* ---- quantities ---- (each returns the number of tokens consumed at @p i, 0 if none) */

typedef struct {
  char amount[48];   /* canonical xsd:decimal in units: "10000000000", "1.5" */
  char currency[4];  /* ISO 4217 */
} KgtMoney;

/** "$10 billion", "US$1.2bn", "€1.5 billion", "3,9 milliards d'euros", "505 millions de
 * dollars", "8,09 milliards de livres sterling", "29 Md$", "10 mln dlrs", "131,5 dollars". */
size_t kgt_parse_money(const KgtDoc *d, size_t i, KgtMoney *out);

/* Lexicon kinds (KGT_LEX_BIT mask) of the phrases starting at token @p i (< the token
 * count) of a doc made with a lexicon, 0 for one made without. */
static inline uint32_t kgt_doc_lex_kinds(const KgtDoc *d, size_t i) {
  const KgtDocHead *h = kgt_doc_head(d);
  return h->lex_mask ? h->lex_mask[i] : 0;
}

/** 0 when kgt_parse_money() finds nothing at token @p i (< the token count), cheaply:
 * every amount starts with a number or a currency (a lexicon phrase, or without a lexicon
 * a symbol). The parser tests it first; a caller trying every token tests it inline. */
static inline int kgt_money_may_start(const KgtDoc *d, size_t i) {
  const KgtToken *t = &kgt_doc_head(d)->toks[i];
  return t->kind == KGT_NUMBER ||
         (kgt_doc_lexicon(d) ? (kgt_doc_lex_kinds(d, i) &
                                (KGT_LEX_BIT(KGT_LEX_CURRENCY) | KGT_LEX_BIT(KGT_LEX_SCALE))) != 0
                             : t->kind == KGT_SYMBOL);
}

/** "49%", "49 %", "49 per cent", "49 pct", "49 pour cent" -> "49" (canonical decimal). */
size_t kgt_parse_percent(const KgtDoc *d, size_t i, char out[32]);

/** Dates: "2015", "in January 2023", "Jan. 23, 2023", "23 janvier 2023", "janvier 2023",
 * "Oct. 13" (year from @p default_year when > 0). out: "2015", "2023-01", "2023-01-23". */
size_t kgt_parse_date(const KgtDoc *d, size_t i, int default_year, char out[16]);

/** 0 when kgt_parse_date() finds nothing at token @p i (< the token count), cheaply:
 * every date starts with a digit or a month name, or with a preposition before one
 * ("in", « en »). As kgt_money_may_start(). */
static inline int kgt_date_may_start(const KgtDoc *d, size_t i) {
  const KgtToken *t = &kgt_doc_head(d)->toks[i];
  return t->kind == KGT_NUMBER || (t->lower[0] >= '0' && t->lower[0] <= '9') ||
         (kgt_doc_lex_kinds(d, i) & (KGT_LEX_BIT(KGT_LEX_MONTH) | KGT_LEX_BIT(KGT_LEX_DATE_PREP)));
}

/** A plain count: "12,000", "1.383", "2 000" -> "12000" (canonical integer/decimal). */
size_t kgt_parse_count(const KgtDoc *d, size_t i, char out[48]);

/** Canonical decimal of number token @p i ("3,9" in French -> "3.9", "12,000" in English
 * -> "12000"); returns 0 when @p i is no number. */
int kgt_number_decimal(const KgtDoc *d, size_t i, char out[48]);

/**
 * Fold UTF-8 @p s (@p n bytes) the way token->fold is made (lower case, accents off,
 * ’ to ', guillemets to ", dashes to -, runs of spaces to one) into @p out of @p cap
 * bytes (NUL-terminated). Returns the length written, or (size_t)-1 if it did not fit.
 */
size_t kgt_fold(const char *s, size_t n, char *out, size_t cap);

/** Language of @p text: "en" or "fr". Also exported as kg_detect_language(). */
const char *kgt_detect_language(const char *text, size_t len);

#endif
