/* check_text.c - tokens, sentences, offsets, language and quantities (src/text). */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_tap.h"
#include <kgbuild/extract.h>
#include "text/text.h"

static KgtLexicon *lex;

static const char *data_dir(void) {
  const char *e = getenv("KGBUILD_DATA_DIR");
  return e && *e ? e : KG_SRCDATADIR;
}

static void lex_setup(void) {
  ck_assert_int_eq(kgt_lexicon_new(&lex), KG_SUCCESS);
  ck_assert_int_eq(kgt_lexicon_load_dir(lex, data_dir(), NULL), KG_SUCCESS);
}

static void lex_teardown(void) {
  kgt_lexicon_free(lex);
  lex = NULL;
}

static KgtDoc *doc(const char *text, const char *lang) {
  KgtDoc *d = NULL;
  ck_assert_int_eq(kgt_doc_new_lex(text, strlen(text), lang, lex, &d), KG_SUCCESS);
  return d;
}

/* tokens joined by '|' */
static char joined[4096];
static const char *toks(const char *text, const char *lang) {
  KgtDoc *d = doc(text, lang);
  size_t o = 0;
  joined[0] = '\0';
  for (size_t i = 0; i < kgt_doc_ntokens(d); i++) {
    size_t n;
    const char *s = kgt_token_text(d, i, &n);
    o += (size_t)snprintf(joined + o, sizeof joined - o, "%s%.*s", i ? "|" : "", (int)n, s);
  }
  kgt_doc_free(d);
  return joined;
}

/* sentences joined by " // " */
static char sjoined[4096];
static const char *sents(const char *text, const char *lang) {
  KgtDoc *d = doc(text, lang);
  size_t o = 0;
  sjoined[0] = '\0';
  for (size_t i = 0; i < kgt_doc_nsentences(d); i++) {
    const KgtSentence *s = kgt_doc_sentence(d, i);
    o += (size_t)snprintf(sjoined + o, sizeof sjoined - o, "%s%.*s", i ? " // " : "",
                          (int)(s->end - s->start), text + s->start);
  }
  kgt_doc_free(d);
  return sjoined;
}

START_TEST(test_elisions_and_hyphens) {
  ck_assert_str_eq(toks("l'entreprise d’OpenAI qu'il n'a s'est j'ai jusqu'à", "fr"),
                   "l'|entreprise|d’|OpenAI|qu'|il|n'|a|s'|est|j'|ai|jusqu'|à");
  ck_assert_str_eq(toks("aujourd'hui le capital-risque, DALL-E et GPT-4", "fr"),
                   "aujourd'hui|le|capital-risque|,|DALL-E|et|GPT-4");
  ck_assert_str_eq(toks("L'Oréal", "fr"), "L'|Oréal");
  /* capitals joined by a plus make a name; a sum or a trailing plus does not */
  ck_assert_str_eq(toks("l'ex-Orsk Cookware, l'ex-PDG, un ex-banquier", "fr"),
                   "l'|ex-|Orsk|Cookware|,|l'|ex-PDG|,|un|ex-banquier");
  ck_assert_str_eq(toks("le groupe V+K et 2+2 ou a+b, Canal+", "fr"),
                   "le|groupe|V+K|et|2|+|2|ou|a|+|b|,|Canal|+");
  ck_assert_str_eq(toks("Microsoft's deal, the companies' plans, O'Brien", "en"),
                   "Microsoft|'s|deal|,|the|companies|'|plans|,|O'Brien");
}
END_TEST

START_TEST(test_dots_inside_words) {
  ck_assert_str_eq(toks("GPT, DALL.E et Codex via Boursier.com", "fr"),
                   "GPT|,|DALL.E|et|Codex|via|Boursier.com");
  ck_assert_str_eq(toks("the U.S. and the U.K. and S.A.", "en"),
                   "the|U.S.|and|the|U.K.|and|S.A.");
  ck_assert_str_eq(toks("Microsoft Corp. and Acme Inc. met Mr. Smith", "en"),
                   "Microsoft|Corp.|and|Acme|Inc.|met|Mr.|Smith");
  ck_assert_str_eq(toks("M. Dupont et Mme Durand", "fr"), "M.|Dupont|et|Mme|Durand");
  ck_assert_str_eq(toks("les Pyrénées.Alors que", "fr"), "les|Pyrénées|.|Alors|que");
}
END_TEST

START_TEST(test_numbers) {
  ck_assert_str_eq(toks("3,9 milliards et 1.383 et 1,383 et 12 000 salariés", "fr"),
                   "3,9|milliards|et|1.383|et|1,383|et|12 000|salariés");
  ck_assert_str_eq(toks("1\xc2\xa0" "383 et 2\xe2\x80\xaf" "500 et 49\xc2\xa0%", "fr"),
                   "1\xc2\xa0" "383|et|2\xe2\x80\xaf" "500|et|49|%");
  /* English: a plain space never joins numbers */
  ck_assert_str_eq(toks("in 2015 300 people", "en"), "in|2015|300|people");
  ck_assert_str_eq(toks("US$1.2bn and $10 billion and 29 Md$ and 10 Mds€", "en"),
                   "US|$|1.2|bn|and|$|10|billion|and|29|Md|$|and|10|Mds|€");
  ck_assert_str_eq(toks("the 5G network, 1er janvier", "fr"), "the|5G|network|,|1er|janvier");
  KgtDoc *d = doc("3,9 et 1.383 et 12 000", "fr");
  ck_assert_double_eq_tol(kgt_doc_token(d, 0)->number, 3.9, 1e-9);
  ck_assert_double_eq_tol(kgt_doc_token(d, 2)->number, 1383, 1e-9);
  ck_assert_double_eq_tol(kgt_doc_token(d, 4)->number, 12000, 1e-9);
  kgt_doc_free(d);
  d = doc("1,383 and 8.75 and 1,780,000 and 1,234.5", "en");
  ck_assert_double_eq_tol(kgt_doc_token(d, 0)->number, 1383, 1e-9);
  ck_assert_double_eq_tol(kgt_doc_token(d, 2)->number, 8.75, 1e-9);
  ck_assert_double_eq_tol(kgt_doc_token(d, 4)->number, 1780000, 1e-9);
  ck_assert_double_eq_tol(kgt_doc_token(d, 6)->number, 1234.5, 1e-9);
  kgt_doc_free(d);
}
END_TEST

START_TEST(test_quotes_and_dashes) {
  ck_assert_str_eq(toks("« Nous » “we” \"ok\" — fin – x", "fr"),
                   "«|Nous|»|“|we|”|\"|ok|\"|—|fin|–|x");
}
END_TEST

START_TEST(test_flags) {
  KgtDoc *d = doc("OpenAI and IBM met\n\nthe NEW board", "en");
  ck_assert(kgt_doc_token(d, 0)->flags & KGT_F_CAP);
  ck_assert(!(kgt_doc_token(d, 0)->flags & KGT_F_ALLCAPS));
  ck_assert(kgt_doc_token(d, 2)->flags & KGT_F_ALLCAPS);
  ck_assert(kgt_doc_token(d, 0)->flags & KGT_F_SENT_START);
  ck_assert(kgt_doc_token(d, 0)->flags & KGT_F_PARA_START);
  ck_assert(!(kgt_doc_token(d, 0)->flags & KGT_F_SPACE_BEFORE));
  ck_assert(kgt_doc_token(d, 1)->flags & KGT_F_SPACE_BEFORE);
  ck_assert(kgt_doc_token(d, 4)->flags & KGT_F_PARA_START);
  ck_assert_uint_eq(kgt_doc_nparagraphs(d), 2);
  ck_assert_str_eq(kgt_doc_token(d, 0)->lower, "openai");
  kgt_doc_free(d);
  d = doc("Société Générale ÉTÉ", "fr");
  ck_assert_str_eq(kgt_doc_token(d, 0)->lower, "société");
  ck_assert_str_eq(kgt_doc_token(d, 0)->fold, "societe");
  ck_assert_str_eq(kgt_doc_token(d, 1)->fold, "generale");
  ck_assert(kgt_doc_token(d, 2)->flags & KGT_F_ALLCAPS);
  ck_assert_str_eq(kgt_doc_token(d, 2)->lower, "été");
  ck_assert(kgt_token_is(d, 2, "ete"));
  kgt_doc_free(d);
}
END_TEST

START_TEST(test_sentences) {
  ck_assert_str_eq(sents("Microsoft Corp. closed the deal. It paid $68.7 billion.", "en"),
                   "Microsoft Corp. closed the deal. // It paid $68.7 billion.");
  ck_assert_str_eq(sents("It is based in the U.S. The company grew.", "en"),
                   "It is based in the U.S. // The company grew.");
  ck_assert_str_eq(sents("The U.S. Federal Trade Commission sued.", "en"),
                   "The U.S. Federal Trade Commission sued.");
  ck_assert_str_eq(sents("M. Dupont a parlé. Mme Durand aussi.", "fr"),
                   "M. Dupont a parlé. // Mme Durand aussi.");
  ck_assert_str_eq(sents("au pied des Pyrénées.Alors que la neige tombait", "fr"),
                   "au pied des Pyrénées. // Alors que la neige tombait");
  /* a short word or an elision after a run-in full stop starts a sentence too, but a
   * ticker ("<Neoy.He>") or a web address stays one word */
  ck_assert_str_eq(sents("des morts au Brésil.L'armée a annoncé", "fr"),
                   "des morts au Brésil. // L'armée a annoncé");
  ck_assert_str_eq(sents("vendues par Bonhams.En mars, ils", "fr"),
                   "vendues par Bonhams. // En mars, ils");
  ck_assert_str_eq(toks("Neste Oy <Neoy.He> said", "en"), "Neste|Oy|<|Neoy.He|>|said");
  /* an elision after a word in capitals: no ticker has an apostrophe */
  ck_assert_str_eq(sents("a-t-elle indiqué à l'AFP.L'entreprise invoque des pertes", "fr"),
                   "a-t-elle indiqué à l'AFP. // L'entreprise invoque des pertes");
  ck_assert_str_eq(toks("BP Plc <BP.L> said", "en"), "BP|Plc|<|BP.L|>|said");
  /* "Corp." ends a sentence before a name and a subject's verb; initials do not */
  ck_assert_str_eq(sents("It bought Quintal Corp. Velmar said it would sell.", "en"),
                   "It bought Quintal Corp. // Velmar said it would sell.");
  ck_assert_str_eq(sents("BankAmerica chairman A.W. Clausen said it grew.", "en"),
                   "BankAmerica chairman A.W. Clausen said it grew.");
  ck_assert_str_eq(sents("\"Nous avançons. Cette structure aide\", ajoute le groupe. Fin.", "fr"),
                   "\"Nous avançons. // Cette structure aide\", ajoute le groupe. // Fin.");
  ck_assert_str_eq(sents("Title line\n\nBody starts here. Next one!", "en"),
                   "Title line // Body starts here. // Next one!");
  ck_assert_str_eq(sents("PARIS, 8 novembre 2023 (Reuters) — Renault a annoncé.", "fr"),
                   "PARIS, 8 novembre 2023 (Reuters) — // Renault a annoncé.");
  ck_assert_str_eq(sents("He sold 5.5 mln shares. Shares rose.", "en"),
                   "He sold 5.5 mln shares. // Shares rose.");
  ck_assert_str_eq(sents("It rose (see above). Then fell.", "en"),
                   "It rose (see above). // Then fell.");
  /* wrapped lines (Reuters) do not end sentences; an indented line starts a paragraph */
  KgtDoc *d = doc("Acme said an offering of\nshares is underway.\n    Underwriters agreed.", "en");
  ck_assert_uint_eq(kgt_doc_nsentences(d), 2);
  ck_assert_uint_eq(kgt_doc_sentence(d, 1)->paragraph, 1);
  kgt_doc_free(d);
}
END_TEST

START_TEST(test_offsets) {
  /* "é" is 2 bytes, the emoji 4 bytes: both one code point */
  const char *t = "Café 😀 Zorbex à Paris.";
  KgtDoc *d = doc(t, "fr");
  ck_assert_uint_eq(kgt_doc_ntokens(d), 6);
  const KgtToken *z = kgt_doc_token(d, 2);
  ck_assert_uint_eq(z->start, 11);
  ck_assert_uint_eq(z->cp_start, 7);
  ck_assert_uint_eq(z->cp_end, 13);
  ck_assert_int_eq(kgt_doc_token(d, 1)->kind, KGT_SYMBOL);
  const KgtToken *p = kgt_doc_token(d, 4);
  ck_assert_uint_eq(p->cp_start, 16);
  const KgtSentence *s = kgt_doc_sentence(d, 0);
  ck_assert_uint_eq(s->cp_start, 0);
  ck_assert_uint_eq(s->cp_end, 22);
  ck_assert_uint_eq(s->end, strlen(t));
  char *span = kgt_doc_span_text(d, 2, 5);
  ck_assert_str_eq(span, "Zorbex à Paris");
  kg_free(span);
  kgt_doc_free(d);
}
END_TEST

START_TEST(test_empty_and_no_lexicon) {
  KgtDoc *d = NULL;
  ck_assert_int_eq(kgt_doc_new("", 0, "en", &d), KG_SUCCESS);
  ck_assert_uint_eq(kgt_doc_ntokens(d), 0);
  ck_assert_uint_eq(kgt_doc_nsentences(d), 0);
  kgt_doc_free(d);
  const char *t = "Acme paid $5 for 10% of U.S. Zorbex.";
  ck_assert_int_eq(kgt_doc_new(t, strlen(t), "en", &d), KG_SUCCESS);
  KgtMoney m;
  ck_assert_uint_eq(kgt_parse_money(d, 2, &m), 2);
  ck_assert_str_eq(m.amount, "5");
  ck_assert_str_eq(m.currency, "USD");
  char pc[32];
  ck_assert_uint_eq(kgt_parse_percent(d, 5, pc), 2);
  ck_assert_str_eq(pc, "10");
  kgt_doc_free(d);
  kgt_doc_free(NULL);
}
END_TEST

START_TEST(test_language) {
  const char *fr = "Microsoft va investir dans l'entreprise et les sources ont indiqué que "
                   "la société";
  const char *en = "Microsoft said it would invest in the company and that the deal was";
  ck_assert_str_eq(kg_detect_language(fr, strlen(fr)), "fr");
  ck_assert_str_eq(kg_detect_language(en, strlen(en)), "en");
  /* only the given bytes count */
  ck_assert_str_eq(kg_detect_language(fr, 9), "en");
  ck_assert_str_eq(kgt_detect_language("", 0), "en");
}
END_TEST

/* money at the first number or currency of @p text */
static void money_is(const char *text, const char *lang, const char *amount, const char *cur,
                     size_t ntok) {
  KgtDoc *d = doc(text, lang);
  KgtMoney m;
  size_t got = 0;
  for (size_t i = 0; i < kgt_doc_ntokens(d) && !got; i++)
    got = kgt_parse_money(d, i, &m);
  ck_assert_msg(got == ntok, "%s: consumed %zu, expected %zu", text, got, ntok);
  ck_assert_msg(strcmp(m.amount, amount) == 0, "%s: amount %s, expected %s", text, m.amount,
                amount);
  ck_assert_msg(strcmp(m.currency, cur) == 0, "%s: currency %s", text, m.currency);
  kgt_doc_free(d);
}

START_TEST(test_money_en) {
  money_is("a $10 billion deal", "en", "10000000000", "USD", 3);
  money_is("for US$1.2bn in cash", "en", "1200000000", "USD", 4);
  money_is("paid €1.5 billion", "en", "1500000000", "EUR", 3);
  money_is("raised £2bn", "en", "2000000000", "GBP", 3);
  money_is("a 1.5 trillion yen plan", "en", "1500000000000", "JPY", 3);
  money_is("profit of 10 mln dlrs", "en", "10000000", "USD", 3);
  money_is("the $68.7 billion purchase", "en", "68700000000", "USD", 3);
  money_is("to pay $95 a share", "en", "95", "USD", 2);
  money_is("8.75 dlrs a share", "en", "8.75", "USD", 2);
  money_is("worth 2 million euros", "en", "2000000", "EUR", 3);
  money_is("a $26.2 billion deal", "en", "26200000000", "USD", 3);
  money_is("at 537,609 dlrs", "en", "537609", "USD", 2);
  /* a scale phrase that carries its own number */
  money_is("raised a billion dollars", "en", "1000000000", "USD", 3);
  money_is("for one million euros", "en", "1000000", "EUR", 3);
}
END_TEST

START_TEST(test_money_fr) {
  money_is("un investissement de 3,9 milliards d'euros", "fr", "3900000000", "EUR", 4);
  money_is("soit 505 millions de dollars", "fr", "505000000", "USD", 4);
  money_is("pour 8,09 milliards de livres sterling", "fr", "8090000000", "GBP", 5);
  money_is("valorisée 29 Md$", "fr", "29000000000", "USD", 3);
  money_is("levé 10 Mds€", "fr", "10000000000", "EUR", 3);
  money_is("à 131,5 dollars par action", "fr", "131.5", "USD", 2);
  money_is("de 10 milliards de dollars", "fr", "10000000000", "USD", 4);
  money_is("jusqu'à 600 millions d'euros dans Ampere", "fr", "600000000", "EUR", 4);
  money_is("un prix de 1\xc2\xa0" "200 euros", "fr", "1200", "EUR", 2);
  money_is("soit 0,5 milliard d'euros", "fr", "500000000", "EUR", 4);
  money_is("à plus d'un milliard d'euros", "fr", "1000000000", "EUR", 4);
}
END_TEST

START_TEST(test_money_negative) {
  KgtDoc *d = doc("10 milliards de salariés, un milliard d'habitants et 49 %", "fr");
  KgtMoney m;
  for (size_t i = 0; i < kgt_doc_ntokens(d); i++)
    ck_assert_uint_eq(kgt_parse_money(d, i, &m), 0);
  kgt_doc_free(d);
}
END_TEST

static void percent_is(const char *text, const char *lang, const char *v, size_t n) {
  KgtDoc *d = doc(text, lang);
  char out[32] = "";
  size_t got = 0;
  for (size_t i = 0; i < kgt_doc_ntokens(d) && !got; i++)
    got = kgt_parse_percent(d, i, out);
  ck_assert_msg(got == n, "%s: consumed %zu", text, got);
  ck_assert_str_eq(out, v);
  kgt_doc_free(d);
}

START_TEST(test_percent) {
  percent_is("a 49% stake", "en", "49", 2);
  percent_is("une part de 49 %", "fr", "49", 2);
  percent_is("rose 4.5 per cent", "en", "4.5", 3);
  percent_is("up 12 pct", "en", "12", 2);
  percent_is("soit 43,4 pour cent", "fr", "43.4", 3);
  percent_is("de 15\xc2\xa0%", "fr", "15", 2);
}
END_TEST

static void date_is(const char *text, const char *lang, int year, const char *v, size_t n) {
  KgtDoc *d = doc(text, lang);
  char out[16] = "";
  size_t got = kgt_parse_date(d, 0, year, out);
  ck_assert_msg(got == n, "%s: consumed %zu, expected %zu", text, got, n);
  ck_assert_msg(strcmp(out, v) == 0, "%s: got %s, expected %s", text, out, v);
  kgt_doc_free(d);
}

START_TEST(test_dates) {
  date_is("2015 was", "en", 0, "2015", 1);
  date_is("en 2015", "fr", 0, "2015", 2);
  date_is("in January 2023", "en", 0, "2023-01", 3);
  date_is("Jan. 23, 2023", "en", 0, "2023-01-23", 4);
  date_is("January 23, 2023", "en", 0, "2023-01-23", 4);
  date_is("23 janvier 2023", "fr", 0, "2023-01-23", 3);
  date_is("le 7 janvier 2021", "fr", 0, "2021-01-07", 4);
  date_is("janvier 2023", "fr", 0, "2023-01", 2);
  date_is("2023-01-23 x", "en", 0, "2023-01-23", 5);
  date_is("Oct. 13", "en", 2023, "2023-10-13", 2);
  date_is("1er janvier", "fr", 2024, "2024-01-01", 2);
  date_is("fin octobre", "fr", 2023, "2023-10", 2);
  date_is("on Jan. 18, 2022 to", "en", 0, "2022-01-18", 5);
  date_is("8 novembre 2023", "fr", 0, "2023-11-08", 3);
}
END_TEST

START_TEST(test_dates_negative) {
  char out[16];
  KgtDoc *d = doc("octobre et may we", "fr");
  ck_assert_uint_eq(kgt_parse_date(d, 0, 0, out), 0); /* month alone, no year known */
  kgt_doc_free(d);
  d = doc("we may go", "en");
  ck_assert_uint_eq(kgt_parse_date(d, 1, 2023, out), 0); /* "may" is no month */
  kgt_doc_free(d);
  d = doc("le groupe", "fr");
  ck_assert_uint_eq(kgt_parse_date(d, 0, 2023, out), 0);
  kgt_doc_free(d);
}
END_TEST

START_TEST(test_counts) {
  char out[48];
  KgtDoc *d = doc("12,000 staff and 1.2 million users", "en");
  ck_assert_uint_eq(kgt_parse_count(d, 0, out), 1);
  ck_assert_str_eq(out, "12000");
  ck_assert_uint_eq(kgt_parse_count(d, 3, out), 2);
  ck_assert_str_eq(out, "1200000");
  kgt_doc_free(d);
  d = doc("1.383 salariés, 2 000 postes, 3,50 parts", "fr");
  ck_assert_uint_eq(kgt_parse_count(d, 0, out), 1);
  ck_assert_str_eq(out, "1383");
  ck_assert_uint_eq(kgt_parse_count(d, 3, out), 1);
  ck_assert_str_eq(out, "2000");
  ck_assert_uint_eq(kgt_parse_count(d, 6, out), 1);
  ck_assert_str_eq(out, "3.5");
  ck_assert_uint_eq(kgt_parse_count(d, 1, out), 0);
  kgt_doc_free(d);
  /* « plus d'un million de personnes »: the scale phrase carries its number one */
  d = doc("plus d'un million de personnes", "fr");
  ck_assert_uint_eq(kgt_parse_count(d, 2, out), 2);
  ck_assert_str_eq(out, "1000000");
  ck_assert_uint_eq(kgt_parse_count(d, 3, out), 0);
  kgt_doc_free(d);
}
END_TEST

static char last_msg[512];
static void capture(void *u, const KgDiag *dg) {
  (void)u;
  snprintf(last_msg, sizeof last_msg, "%s", dg->message);
}

START_TEST(test_lexicon_match_and_errors) {
  KgtDoc *d = doc("la société mère à but non lucratif d'Acme", "fr");
  const KgtLexEntry *e = NULL;
  size_t n = kgt_lexicon_match(lex, d, 1, KGT_LEX_BIT(KGT_LEX_DESCRIPTOR), &e);
  ck_assert_uint_eq(n, 6);
  ck_assert_str_eq(e->arg[1], "nonprofit");
  ck_assert_uint_eq(kgt_lexicon_match(lex, d, 1, KGT_LEX_BIT(KGT_LEX_MONTH), &e), 0);
  kgt_doc_free(d);
  /* case-sensitive phrases: "SA" is a legal suffix, "sa" is not */
  d = doc("Renault SA et sa filiale", "fr");
  ck_assert_uint_eq(kgt_lexicon_match(lex, d, 1, KGT_LEX_BIT(KGT_LEX_LEGAL), &e), 1);
  ck_assert_uint_eq(kgt_lexicon_match(lex, d, 3, KGT_LEX_BIT(KGT_LEX_LEGAL), &e), 0);
  kgt_doc_free(d);

  KgtLexicon *lx;
  ck_assert_int_eq(kgt_lexicon_new(&lx), KG_SUCCESS);
  KgLog log = {capture, NULL};
  const char *bad = "# kgbuild-lexicon: mentions en\nmonth\tSmarch\t13\n";
  last_msg[0] = '\0';
  ck_assert_int_eq(kgt_lexicon_load_string(lx, bad, strlen(bad), "bad.tsv", NULL, &log),
                   KG_ERR_PARSE);
  ck_assert_msg(strstr(last_msg, "bad.tsv:2:") != NULL, "message: %s", last_msg);
  const char *kind = "# kgbuild-lexicon: mentions en\n\nmonht\tSmarch\t3\n";
  ck_assert_int_eq(kgt_lexicon_load_string(lx, kind, strlen(kind), "k.tsv", NULL, &log),
                   KG_ERR_PARSE);
  ck_assert_msg(strstr(last_msg, "k.tsv:3: unknown kind") != NULL, "message: %s", last_msg);
  const char *nohdr = "month\tSmarch\t3\n";
  ck_assert_int_eq(kgt_lexicon_load_string(lx, nohdr, strlen(nohdr), "x.tsv", NULL, NULL),
                   KG_ERR_PARSE);
  const char *good = "# kgbuild-lexicon: mentions en\n# comment\n\nmonth\tSmarch\t3\n";
  ck_assert_int_eq(kgt_lexicon_load_string(lx, good, strlen(good), "g.tsv", NULL, NULL),
                   KG_SUCCESS);
  KgtDoc *d2 = NULL;
  const char *t = "in Smarch 2024";
  ck_assert_int_eq(kgt_doc_new_lex(t, strlen(t), "en", lx, &d2), KG_SUCCESS);
  char out[16];
  ck_assert_uint_eq(kgt_parse_date(d2, 0, 0, out), 0); /* no dateprep in this lexicon */
  ck_assert_uint_eq(kgt_parse_date(d2, 1, 0, out), 2);
  ck_assert_str_eq(out, "2024-03");
  kgt_doc_free(d2);
  kgt_lexicon_free(lx);
  kgt_lexicon_free(NULL);
}
END_TEST

static Suite *kg_text_suite(void) {
  Suite *s = suite_create("text");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, lex_setup, lex_teardown);
  tcase_add_test(tc, test_elisions_and_hyphens);
  tcase_add_test(tc, test_dots_inside_words);
  tcase_add_test(tc, test_numbers);
  tcase_add_test(tc, test_quotes_and_dashes);
  tcase_add_test(tc, test_flags);
  tcase_add_test(tc, test_sentences);
  tcase_add_test(tc, test_offsets);
  tcase_add_test(tc, test_empty_and_no_lexicon);
  tcase_add_test(tc, test_language);
  tcase_add_test(tc, test_money_en);
  tcase_add_test(tc, test_money_fr);
  tcase_add_test(tc, test_money_negative);
  tcase_add_test(tc, test_percent);
  tcase_add_test(tc, test_dates);
  tcase_add_test(tc, test_dates_negative);
  tcase_add_test(tc, test_counts);
  tcase_add_test(tc, test_lexicon_match_and_errors);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_text_suite)
