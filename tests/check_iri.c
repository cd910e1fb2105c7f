/* check_iri.c - slugs, ASCII folding, SHA-256, and the lexical helpers that keep every
 * IRI and literal valid. */
#include "config.h"

#include <kgbuild/graph.h>

#include <string.h>

#include "check_tap.h"
#include "graph/graph_internal.h"

static void slug_is(const char *name, const char *want) {
  char *s = kg_slug(name);
  ck_assert_msg(s != NULL, "kg_slug(\"%s\") returned NULL", name);
  ck_assert_msg(strcmp(s, want) == 0, "kg_slug(\"%s\") = \"%s\", want \"%s\"", name, s, want);
  kg_free(s);
}

/* A slug is [a-z0-9]+ joined by single '-', never empty, no '-' at either end. */
static void slug_well_formed(const char *name) {
  char *s = kg_slug(name);
  ck_assert_ptr_nonnull(s);
  size_t n = strlen(s);
  ck_assert_msg(n > 0, "empty slug for %s", name);
  ck_assert_msg(s[0] != '-' && s[n - 1] != '-', "slug \"%s\" has an outer '-'", s);
  for (size_t i = 0; i < n; i++) {
    char c = s[i];
    ck_assert_msg((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-',
                  "slug \"%s\" has '%c'", s, c);
    ck_assert_msg(!(c == '-' && s[i + 1] == '-'), "slug \"%s\" has \"--\"", s);
  }
  kg_free(s);
}

START_TEST(test_slug_accents_and_letters) {
  slug_is("Société Générale", "societe-generale");
  slug_is("Straße", "strasse");
  slug_is("Æon Œuvre", "aeon-oeuvre");
  slug_is("Łódź", "lodz");
  slug_is("Øresund", "oresund");
  slug_is("L·Oréal", "l-oreal");
  slug_is("L'Oréal", "l-oreal");
  slug_is("Nestlé", "nestle");
  slug_is("Müller", "muller");
  slug_is("Ñandú", "nandu");
  slug_is("Þór", "thor");
  /* decomposed input (e + combining acute) folds like the composed form */
  slug_is("Soci\xC3\xA9t\xC3\xA9", "societe");
  slug_is("Socie\xCC\x81te\xCC\x81", "societe");
  /* Vietnamese (Latin Extended Additional) */
  slug_is("Nguyễn", "nguyen");
  /* ligatures and fullwidth forms */
  slug_is("\xEF\xAC\x81nance", "finance");
  slug_is("\xEF\xBC\xA1\xEF\xBC\xA2\xEF\xBC\xA3", "abc");
}
END_TEST

START_TEST(test_slug_other_scripts) {
  slug_is("Газпром", "gazprom");
  slug_is("Ελλάδα", "ellada");
  /* no ASCII form: the words are separators; a name left with nothing is hashed */
  slug_is("Tencent 腾讯", "tencent");
  char *a = kg_slug("腾讯"), *b = kg_slug("🚀"), *c = kg_slug("阿里巴巴");
  ck_assert_int_eq(strlen(a), 13);
  ck_assert_int_eq(a[0], 'x');
  ck_assert_str_ne(a, b);
  ck_assert_str_ne(a, c);
  char hex[65];
  kg_sha256_hex("腾讯", strlen("腾讯"), hex);
  ck_assert_int_eq(strncmp(a + 1, hex, 12), 0);
  char *a2 = kg_slug("腾讯");
  ck_assert_str_eq(a, a2); /* stable */
  kg_free(a);
  kg_free(a2);
  kg_free(b);
  kg_free(c);
  slug_is("Émoji 🚀 Corp", "emoji");
  slug_is("---", "x" "cb3f91d54eee"); /* sha256("---") begins cb3f91d54eee */
}
END_TEST

START_TEST(test_slug_legal_suffixes) {
  slug_is("Microsoft Corp.", "microsoft");
  slug_is("Microsoft Corporation", "microsoft");
  slug_is("Tiffany & Co.", "tiffany");
  slug_is("Apple Inc.", "apple");
  slug_is("Apple Inc", "apple");
  slug_is("Nvidia Corp", "nvidia");
  slug_is("Foo LLC", "foo");
  slug_is("Foo Ltd", "foo");
  slug_is("Foo Co., Ltd.", "foo");
  slug_is("Blackstone LP", "blackstone");
  slug_is("Shell plc", "shell");
  slug_is("Renault SA", "renault");
  slug_is("Renault S.A.", "renault-s-a");
  slug_is("Air France-KLM SAS", "air-france-klm");
  slug_is("Axel Springer SE", "axel-springer");
  slug_is("Volkswagen AG", "volkswagen");
  slug_is("Bosch GmbH", "bosch");
  slug_is("Philips NV", "philips");
  slug_is("Heineken BV", "heineken");
  slug_is("Ferrari SpA", "ferrari");
  slug_is("The Hershey Company", "hershey-company");
  /* only trailing words, and never down to nothing */
  slug_is("SAS", "sas");
  slug_is("Co", "co");
  slug_is("SA Corp", "sa");
  slug_is("Inc. Magazine", "inc-magazine");
  slug_is("Incyte", "incyte");
  slug_is("AT&T Inc.", "at-t");
  slug_is("3M", "3m");
  slug_is("The", "the");
}
END_TEST

START_TEST(test_slug_shape) {
  const char *names[] = {"  --Foo--  ", "a", "A.B.C.", "«OpenAI»", "x\ty\nz", "bad\xff" "byte",
                         "\xC0\x80", "tab\there", "émoji🚀end", "日本", "-", "ß", "ĳssel",
                         "\xE2\x80\x8B" "zero\xE2\x80\x8Bwidth"};
  for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
    slug_well_formed(names[i]);
  slug_is("  --Foo--  ", "foo");
  slug_is("zero\xE2\x80\x8Bwidth", "zerowidth");
  slug_is("bad\xff" "byte", "bad-byte");
  /* a very long name is cut and keeps a hash, so two long names stay apart */
  char a[400], b[400];
  memset(a, 'a', sizeof a - 1);
  a[sizeof a - 1] = '\0';
  memcpy(b, a, sizeof b);
  b[398] = 'b';
  char *sa = kg_slug(a), *sb = kg_slug(b);
  ck_assert_uint_le(strlen(sa), 96);
  ck_assert_str_ne(sa, sb);
  slug_well_formed(a);
  kg_free(sa);
  kg_free(sb);
  ck_assert_ptr_null(kg_slug(NULL));
}
END_TEST

START_TEST(test_fold_ascii) {
  char *f = kg_fold_ascii("Ça coûte 5 € à Zürich — «oui»", strlen("Ça coûte 5 € à Zürich — «oui»"));
  ck_assert_str_eq(f, "Ca coute 5   a Zurich - \"oui\"");
  kg_free(f);
  /* the output is ASCII whatever comes in, and respects the length given */
  const char *in = "日本 🚀 Ωmega\xff";
  f = kg_fold_ascii(in, strlen(in));
  for (const char *c = f; *c; c++)
    ck_assert_int_lt((unsigned char)*c, 0x80);
  kg_free(f);
  f = kg_fold_ascii("abcdef", 3);
  ck_assert_str_eq(f, "abc");
  kg_free(f);
  f = kg_fold_ascii("", 0);
  ck_assert_str_eq(f, "");
  kg_free(f);
}
END_TEST

START_TEST(test_sha256) {
  char hex[65];
  kg_sha256_hex("", 0, hex);
  ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  kg_sha256_hex("abc", 3, hex);
  ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  /* bytes after a NUL count */
  char h2[65];
  kg_sha256_hex("a\0b", 3, h2);
  kg_sha256_hex("a\0c", 3, hex);
  ck_assert_str_ne(hex, h2);
}
END_TEST

START_TEST(test_decimal_canonical) {
  /* XML Schema 1.0 canonical form: a point with a digit on each side, nothing more */
  static const char *cases[][2] = {
      {"10000000000", "10000000000.0"}, {"10000000000.00", "10000000000.0"}, {"10000000000.0", "10000000000.0"},
      {"1.50", "1.5"}, {"1.5", "1.5"}, {"0.85", "0.85"}, {"49", "49.0"}, {"-3.25", "-3.25"},
      {"007", "7.0"}, {"007.070", "7.07"}, {".5", "0.5"}, {"5.", "5.0"}, {"+3", "3.0"}, {"-0", "0.0"},
      {"-0.0", "0.0"}, {"-.0", "0.0"}, {"-1.25", "-1.25"}, {"-7", "-7.0"}, {"0", "0.0"}, {"000", "0.0"},
      {"0.000001", "0.000001"}, {"123456789012345678901234567890.5", "123456789012345678901234567890.5"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *c = kgi_decimal_canonical(cases[i][0]);
    ck_assert_msg(c && strcmp(c, cases[i][1]) == 0, "%s -> %s", cases[i][0], c ? c : "NULL");
    kg_free(c);
  }
  static const char *bad[] = {"", ".", "-", "+.", "1e10", "1,5", "1.2.3", " 1", "1 ", "0x10", "nan",
                              "inf", "1_000", "--1"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_msg(kgi_decimal_canonical(bad[i]) == NULL, "accepted \"%s\"", bad[i]);
}
END_TEST

START_TEST(test_integer_canonical) {
  static const char *cases[][2] = {{"375", "375"}, {"0375", "375"}, {"+3", "3"}, {"-0", "0"},
                                   {"000", "0"}, {"-012", "-12"}, {"221000", "221000"},
                                   {"123456789012345678901234567890", "123456789012345678901234567890"}};
  for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
    char *c = kgi_integer_canonical(cases[i][0]);
    ck_assert_msg(c && strcmp(c, cases[i][1]) == 0, "%s -> %s", cases[i][0], c ? c : "NULL");
    ck_assert(kgi_is_integer_lexical(cases[i][0]));
    kg_free(c);
  }
  static const char *bad[] = {"", "+", "-", "1.0", "1e3", " 1", "1 ", "0x10", "1,000"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
    ck_assert_msg(kgi_integer_canonical(bad[i]) == NULL, "accepted \"%s\"", bad[i]);
    ck_assert(!kgi_is_integer_lexical(bad[i]));
  }
}
END_TEST

START_TEST(test_date_shapes) {
  ck_assert_str_eq(kgi_date_datatype("2015"), KG_NS_XSD "gYear");
  ck_assert_str_eq(kgi_date_datatype("2023-01"), KG_NS_XSD "gYearMonth");
  ck_assert_str_eq(kgi_date_datatype("2023-01-23"), KG_NS_XSD "date");
  ck_assert_str_eq(kgi_date_datatype("2024-02-29"), KG_NS_XSD "date");
  static const char *bad[] = {"", "15", "20150", "2023-13", "2023-00", "2023-1", "2023-02-30",
                              "2023-02-29", "1900-02-29", "2023-01-32", "2023/01/23", "23-01-2023",
                              "2023-01-23T10:00:00"};
  for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++)
    ck_assert_msg(kgi_date_datatype(bad[i]) == NULL, "accepted \"%s\"", bad[i]);
}
END_TEST

START_TEST(test_text_clean) {
  char *c = kgi_text_clean("ok\ttab\nnl\r\ncrlf é 🚀");
  ck_assert_str_eq(c, "ok\ttab\nnl\r\ncrlf é 🚀");
  kg_free(c);
  ck_assert(kgi_text_is_clean("plain"));
  ck_assert(kgi_text_is_clean("crlf\r\n"));
  /* a CR without LF is a line break Raptor's Turtle writer cannot write: LF */
  c = kgi_text_clean("lone\rcr\r\r\nend\r");
  ck_assert_str_eq(c, "lone\ncr\n\r\nend\n");
  ck_assert(kgi_text_is_clean(c));
  kg_free(c);
  ck_assert(!kgi_text_is_clean("a\rb"));
  ck_assert(!kgi_text_is_clean("a\r"));
  /* XML-forbidden controls, non-characters and ill-formed UTF-8 become U+FFFD */
  c = kgi_text_clean("a\x01" "b\x1f" "c\x0b" "d\xef\xbf\xbe" "e\xff" "f\xc0\x80" "g\xed\xa0\x80" "h");
  ck_assert_str_eq(c, "a\xEF\xBF\xBD" "b\xEF\xBF\xBD" "c\xEF\xBF\xBD" "d\xEF\xBF\xBD" "e\xEF\xBF\xBD"
                      "f\xEF\xBF\xBD\xEF\xBF\xBD" "g\xEF\xBF\xBD\xEF\xBF\xBD\xEF\xBF\xBD" "h");
  ck_assert(kgi_text_is_clean(c));
  kg_free(c);
  ck_assert(!kgi_text_is_clean("\x02"));
  /* DEL and the C1 controls: legal in Turtle, refused by XML writers */
  c = kgi_text_clean("x\x7Fy\xC2\x85z\xC2\xA0");
  ck_assert_str_eq(c, "x\xEF\xBF\xBDy\xEF\xBF\xBDz\xC2\xA0");
  kg_free(c);
  /* a truncated sequence at the end */
  c = kgi_text_clean("end\xe2\x82");
  ck_assert_str_eq(c, "end\xEF\xBF\xBD\xEF\xBF\xBD");
  kg_free(c);
}
END_TEST

START_TEST(test_iri_and_lang_clean) {
  char *c = kgi_iri_clean("https://ex.org/a b<c>\"d{e}|f^g`h\\i\x01j\xffk/é");
  ck_assert_str_eq(c, "https://ex.org/a%20b%3Cc%3E%22d%7Be%7D%7Cf%5Eg%60h%5Ci%01j%FFk/é");
  ck_assert(kgi_iri_is_valid(c));
  kg_free(c);
  ck_assert(kgi_iri_is_valid("urn:x:y"));
  ck_assert(!kgi_iri_is_valid("relative/path"));
  ck_assert(!kgi_iri_is_valid("https://ex.org/a b"));
  ck_assert(!kgi_iri_is_valid(":nothing"));
  ck_assert(!kgi_iri_is_valid(""));
  int bad;
  char *l = kgi_lang_clean("EN_us", &bad);
  ck_assert_str_eq(l, "en-us");
  kg_free(l);
  l = kgi_lang_clean("fr", &bad);
  ck_assert_str_eq(l, "fr");
  kg_free(l);
  static const char *badtags[] = {"e n", "en-", "-en", "1en", "en--us", "fr\"", "en@x"};
  for (size_t i = 0; i < sizeof badtags / sizeof badtags[0]; i++) {
    ck_assert_ptr_null(kgi_lang_clean(badtags[i], &bad));
    ck_assert_int_eq(bad, 1);
  }
  ck_assert_ptr_null(kgi_lang_clean(NULL, &bad));
  ck_assert_int_eq(bad, 0);
}
END_TEST

START_TEST(test_vocab_names) {
  for (int c = 0; c < KG_CLASS__COUNT; c++) {
    KgClass back;
    ck_assert_int_eq(kg_class_from_name(kg_class_name((KgClass)c), &back), 0);
    ck_assert_int_eq(back, c);
    ck_assert_ptr_nonnull(kg_class_iri_segment((KgClass)c));
  }
  ck_assert_str_eq(kg_class_iri_segment(KG_CLASS_INVESTMENT_FIRM), "org");
  ck_assert_str_eq(kg_class_iri_segment(KG_CLASS_PERSON), "person");
  ck_assert_ptr_null(kg_class_name(KG_CLASS__COUNT));
  ck_assert_int_eq(kg_class_from_name("Nope", NULL), -1);
  for (int r = 0; r < KG_REL__COUNT; r++) {
    KgRelation back;
    ck_assert_int_eq(kg_relation_from_name(kg_relation_name((KgRelation)r), &back), 0);
    ck_assert_int_eq(back, r);
  }
  ck_assert(kg_relation_is_entity(KG_REL_USES_TECHNOLOGY_OF));
  ck_assert(!kg_relation_is_entity(KG_REL_FOUNDING_DATE));
  ck_assert(kg_relation_is_statement_only(KG_REL_REVENUE));
  ck_assert(kg_relation_is_symmetric(KG_REL_COMPETITOR_OF));
  ck_assert(!kg_relation_is_symmetric(KG_REL_INVESTS_IN));
  ck_assert_ptr_null(kg_fact_status_name(KG_FACT_STATUS_NONE));
  ck_assert_str_eq(kg_fact_status_name(KG_FACT_STATUS_CANCELLED), "Cancelled");
}
END_TEST

static Suite *kg_iri_suite(void) {
  Suite *s = suite_create("iri");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_slug_accents_and_letters);
  tcase_add_test(tc, test_slug_other_scripts);
  tcase_add_test(tc, test_slug_legal_suffixes);
  tcase_add_test(tc, test_slug_shape);
  tcase_add_test(tc, test_fold_ascii);
  tcase_add_test(tc, test_sha256);
  tcase_add_test(tc, test_decimal_canonical);
  tcase_add_test(tc, test_integer_canonical);
  tcase_add_test(tc, test_date_shapes);
  tcase_add_test(tc, test_text_clean);
  tcase_add_test(tc, test_iri_and_lang_clean);
  tcase_add_test(tc, test_vocab_names);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_iri_suite)
