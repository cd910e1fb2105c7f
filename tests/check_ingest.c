/* check_ingest.c - files, streams and directories become articles: UTF-8 repair, HTML to
 * text, charsets, header and dateline metadata, size ceilings, directory expansion. */
#include "config.h"

#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <kgbuild/kgbuild.h>

#include "check_tap.h"
#include "ingest/ingest_int.h"

#define FFFD "\xEF\xBF\xBD"

/* ---- a log sink that remembers what it was told ---- */

typedef struct {
  int warnings, others;
  long offset;
  char source[256];
  char message[1024];
} Captured;

static void capture(void *user_data, const KgDiag *d) {
  Captured *c = user_data;
  if (d->level == KG_LOG_WARNING) {
    c->warnings++;
    c->offset = d->offset;
    snprintf(c->source, sizeof c->source, "%s", d->source ? d->source : "");
    snprintf(c->message, sizeof c->message, "%s", d->message);
  } else {
    c->others++;
  }
}

static KgArticle *ingest(const char *bytes, size_t len, const char *name, const char *charset,
                         KgInputKind kind, Captured *c) {
  KgIngestOptions o = {0, kind};
  KgLog log = {capture, c};
  KgArticle *a = NULL;
  memset(c, 0, sizeof *c);
  c->offset = -2;
  KgStatus st = kg_ingest_bytes(bytes, len, name, charset, &o, &log, &a);
  ck_assert_int_eq(st, KG_SUCCESS);
  ck_assert_ptr_nonnull(a);
  return a;
}

static void assert_text(const KgArticle *a, const char *want, size_t want_len) {
  ck_assert_uint_eq(kg_article_length(a), want_len);
  ck_assert_int_eq(memcmp(kg_article_text(a), want, want_len), 0);
  ck_assert_int_eq(kg_article_text(a)[want_len], '\0');
}

static char *read_all(const char *path, size_t *len) {
  FILE *fp = fopen(path, "rb");
  ck_assert_msg(fp != NULL, "cannot open %s", path);
  char *buf = malloc(1 << 20);
  *len = fread(buf, 1, 1 << 20, fp);
  fclose(fp);
  buf[*len] = '\0';
  return buf;
}

static void write_file(const char *path, const char *content, size_t len) {
  FILE *fp = fopen(path, "wb");
  ck_assert_msg(fp != NULL, "cannot create %s", path);
  ck_assert_uint_eq(fwrite(content, 1, len, fp), len);
  ck_assert_int_eq(fclose(fp), 0);
}

static char scratch[256];

static void make_scratch(void) {
  snprintf(scratch, sizeof scratch, "%s/kgingest.XXXXXX", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp");
  ck_assert_ptr_nonnull(mkdtemp(scratch));
}

static int remove_one(const char *path, const struct stat *sb, int flag, struct FTW *ftw) {
  (void)sb;
  (void)flag;
  (void)ftw;
  return remove(path);
}

static void remove_scratch(void) {
  ck_assert_int_eq(nftw(scratch, remove_one, 16, FTW_DEPTH | FTW_PHYS), 0);
}

static const char *in_scratch(const char *rel) {
  static char path[4][512];
  static int k;
  k = (k + 1) % 4;
  snprintf(path[k], sizeof path[k], "%s/%s", scratch, rel);
  return path[k];
}

/* ---- UTF-8 ---- */

START_TEST(test_valid_utf8_untouched) {
  static const char s[] = "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale \xE2\x80\x94 \xE2\x82\xAC 5 "
                          "\xF0\x9F\x98\x80 \xE4\xB8\xAD\tfin\x01\x1B\n";
  Captured c;
  KgArticle *a = ingest(s, sizeof s - 1, "ok.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, s, sizeof s - 1); /* control characters other than NUL are kept */
  ck_assert_int_eq(c.warnings, 0);
  ck_assert_str_eq(kg_article_source(a), "ok.txt");
  kg_article_free(a);
}
END_TEST

static const struct {
  const char *what, *in;
  size_t len;
  const char *out;
  long offset;
  const char *count;
} bad_cases[] = {
    {"lone continuation", "ab\x80" "cd", 5, "ab" FFFD "cd", 2, "1 invalid UTF-8 sequence "},
    {"truncated at end", "abc\xE2\x82", 5, "abc" FFFD, 3, "1 invalid UTF-8 sequence "},
    {"truncated before ASCII", "\xE2\x82z", 3, FFFD "z", 0, "1 invalid UTF-8 sequence "},
    {"overlong 2-byte", "a\xC0\xAF" "b", 4, "a" FFFD FFFD "b", 1, "2 invalid UTF-8 sequences"},
    {"overlong 3-byte", "a\xE0\x80\xAF", 4, "a" FFFD FFFD FFFD, 1, "3 invalid UTF-8 sequences"},
    {"surrogate", "x\xED\xA0\x80y", 5, "x" FFFD FFFD FFFD "y", 1, "3 invalid UTF-8 sequences"},
    {"above U+10FFFF", "\xF4\x90\x80\x80!", 5, FFFD FFFD FFFD FFFD "!", 0,
     "4 invalid UTF-8 sequences"},
    {"0xFF", "a\xFF" "b", 3, "a" FFFD "b", 1, "1 invalid UTF-8 sequence "},
    {"0xF5", "ok \xF5\x80", 5, "ok " FFFD FFFD, 3, "2 invalid UTF-8 sequences"},
};

START_TEST(test_invalid_forms) {
  Captured c;
  KgArticle *a = ingest(bad_cases[_i].in, bad_cases[_i].len, "bad.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, bad_cases[_i].out, strlen(bad_cases[_i].out));
  ck_assert_msg(c.warnings == 1, "%s: %d warnings", bad_cases[_i].what, c.warnings);
  ck_assert_msg(c.offset == bad_cases[_i].offset, "%s: offset %ld", bad_cases[_i].what, c.offset);
  ck_assert_str_eq(c.source, "bad.txt");
  ck_assert_msg(strstr(c.message, bad_cases[_i].count) != NULL, "%s: \"%s\"", bad_cases[_i].what,
                c.message);
  kg_article_free(a);
}
END_TEST

START_TEST(test_one_warning_many_errors) {
  static const char s[] = "d\xC3\xA9j\xC3\xA0 \xE9t\xE9 \xFF\xFE fin";
  Captured c;
  KgArticle *a = ingest(s, sizeof s - 1, "many.txt", NULL, KG_INPUT_TEXT, &c);
  assert_text(a, "d\xC3\xA9j\xC3\xA0 " FFFD "t" FFFD " " FFFD FFFD " fin",
              strlen("d\xC3\xA9j\xC3\xA0 " FFFD "t" FFFD " " FFFD FFFD " fin"));
  ck_assert_int_eq(c.warnings, 1);
  ck_assert_int_eq(c.offset, 7);
  ck_assert_ptr_nonnull(strstr(c.message, "4 invalid UTF-8 sequences"));
  kg_article_free(a);
}
END_TEST

START_TEST(test_bom_dropped) {
  Captured c;
  KgArticle *a = ingest("\xEF\xBB\xBFHello", 8, "bom.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, "Hello", 5);
  ck_assert_int_eq(c.warnings, 0);
  kg_article_free(a);
  /* offsets stay those of the input as given, BOM included */
  a = ingest("\xEF\xBB\xBF" "ab\xFF", 6, "bom.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, "ab" FFFD, 5);
  ck_assert_int_eq(c.offset, 5);
  kg_article_free(a);
  /* a BOM later on is text (a zero-width no-break space), not a marker */
  a = ingest("a\xEF\xBB\xBF", 4, "bom.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, "a\xEF\xBB\xBF", 4);
  kg_article_free(a);
}
END_TEST

START_TEST(test_line_ends) {
  Captured c;
  KgArticle *a = ingest("a\r\nb\rc\r\r\nd\n\re", 13, "crlf.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, "a\nb\nc\n\nd\n\ne", 11);
  ck_assert_int_eq(c.warnings, 0);
  kg_article_free(a);
}
END_TEST

START_TEST(test_nul_does_not_truncate) {
  Captured c;
  KgArticle *a = ingest("ab\0cd\0", 6, "nul.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, "ab" FFFD "cd" FFFD, 10);
  ck_assert_uint_eq(strlen(kg_article_text(a)), 10);
  ck_assert_int_eq(c.warnings, 1);
  ck_assert_int_eq(c.offset, 2);
  ck_assert_ptr_nonnull(strstr(c.message, "2 NUL bytes"));
  kg_article_free(a);
  a = ingest("\xFF\0", 2, "nul.txt", NULL, KG_INPUT_AUTO, &c);
  ck_assert_int_eq(c.warnings, 1);
  ck_assert_ptr_nonnull(strstr(c.message, "1 invalid UTF-8 sequence and 1 NUL byte"));
  kg_article_free(a);
}
END_TEST

/* ---- charsets given by a transport, BOMs of other encodings ---- */

START_TEST(test_charsets) {
  Captured c;
  /* Latin-1 labels read as Windows-1252, like browsers: 0x92 is a curly apostrophe */
  KgArticle *a = ingest("caf\xE9 l\x92" "an \x80", 11, "t.txt", "ISO-8859-1", KG_INPUT_AUTO, &c);
  assert_text(a, "caf\xC3\xA9 l\xE2\x80\x99" "an \xE2\x82\xAC", 16);
  kg_article_free(a);
  /* other charsets through iconv: ISO-8859-15 has the euro at 0xA4 */
  a = ingest("5 \xA4\r\n", 5, "t.txt", "\"iso-8859-15\"", KG_INPUT_AUTO, &c);
  assert_text(a, "5 \xE2\x82\xAC\n", 6);
  ck_assert_int_eq(c.warnings, 0);
  kg_article_free(a);
  /* a byte the charset does not map gives U+FFFD and the usual single warning */
  a = ingest("a\0\x00\xD8" "b\0", 6, "u16.txt", "UTF-16LE", KG_INPUT_AUTO, &c);
  ck_assert_int_eq(c.warnings, 1);
  ck_assert_int_eq(c.offset, 2);
  ck_assert_str_eq(kg_article_text(a), "a" FFFD "b");
  kg_article_free(a);
  /* a UTF-16 byte order mark wins over everything */
  a = ingest("\xFF\xFEh\0\xE9\0", 6, "u16.txt", NULL, KG_INPUT_AUTO, &c);
  assert_text(a, "h\xC3\xA9", 3);
  kg_article_free(a);
  /* an unknown charset is reported, and the bytes read as UTF-8 */
  a = ingest("caf\xC3\xA9", 5, "u.txt", "x-no-such-charset", KG_INPUT_AUTO, &c);
  assert_text(a, "caf\xC3\xA9", 5);
  ck_assert_int_eq(c.warnings, 1);
  ck_assert_ptr_nonnull(strstr(c.message, "x-no-such-charset"));
  kg_article_free(a);
}
END_TEST

/* ---- HTML ---- */

START_TEST(test_html_article) {
  KgIngestOptions o = {0, KG_INPUT_AUTO};
  Captured c = {0};
  KgLog log = {capture, &c};
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_ingest_file(KG_INGEST_TESTDATA "/article.html", &o, &log, &a), KG_SUCCESS);
  static const char want[] =
      "Microsoft to invest \xC2\xA3" "2.5bn\n\n"
      "Microsoft will invest \xC2\xA3" "2.5 billion in the UK, the company\xE2\x80\x99s president "
      "said.\n\n"
      "Brad Smith & Rishi Sunak met in London; the caf\xC3\xA9 was closed.\n\n"
      "A new line.\n\n"
      "First item\n\n"
      "Second item";
  ck_assert_str_eq(kg_article_text(a), want);
  ck_assert_uint_eq(kg_article_length(a), sizeof want - 1);
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_TITLE),
                   "Microsoft to invest \xC2\xA3" "2.5bn in UK data centres");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_SITE_NAME), "Example News");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_PUBLISHER), "Example News");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATE_PUBLISHED), "2023-11-28");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_LANGUAGE), "en");
  ck_assert_ptr_null(kg_article_get_meta(a, KG_META_DATELINE_PLACE));
  ck_assert_int_eq(c.warnings + c.others, 0);
  kg_article_free(a);
}
END_TEST

START_TEST(test_html_dropped_elements) {
  static const char page[] =
      "<html><body><script>var a=1;</script><style>.x{}</style><nav>Menu</nav>"
      "<header>Site</header><p>Kept <noscript>no</noscript>text</p><aside>Side</aside>"
      "<form>Search</form><iframe>frame</iframe><svg><text>svg</text></svg>"
      "<template>tpl</template><footer>Foot</footer><div hidden>gone</div></body></html>";
  Captured c;
  KgArticle *a = ingest(page, sizeof page - 1, "drop.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "Kept text");
  kg_article_free(a);
}
END_TEST

START_TEST(test_html_blocks_and_whitespace) {
  static const char page[] =
      "<html><body><h1>Title</h1>Loose <b>bold</b><i>italic</i> text"
      "<div>A\n\t  div</div><blockquote>Quote</blockquote><table><tr><td>a</td><td>b</td></tr>"
      "<tr><td>c</td></tr></table><pre>line 1\n  line 2\n\n\nline 3</pre>"
      "<p>x&nbsp;&nbsp; y &#13;z&#10;w</p><p>   </p><p>&lt;end&gt;</p></body></html>";
  Captured c;
  KgArticle *a = ingest(page, sizeof page - 1, "blocks.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "Title\n\nLoose bolditalic text\n\nA div\n\nQuote\n\n"
                                       "a b\n\nc\n\nline 1\n  line 2\nline 3\n\nx y z w\n\n"
                                       "<end>");
  kg_article_free(a);
}
END_TEST

START_TEST(test_html_entities) {
  static const char page[] =
      "<!DOCTYPE html><html><body><p>AT&amp;T &eacute;t&eacute; l&#8217;an &#x20AC;5 "
      "&laquo;&nbsp;oui&nbsp;&raquo; &rsquo;</p></body></html>";
  Captured c;
  KgArticle *a = ingest(page, sizeof page - 1, "ent.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "AT&T \xC3\xA9t\xC3\xA9 l\xE2\x80\x99" "an \xE2\x82\xAC"
                                       "5 \xC2\xAB oui \xC2\xBB \xE2\x80\x99");
  kg_article_free(a);
}
END_TEST

START_TEST(test_html_og_title_and_dates) {
  static const char page[] =
      "<html lang='fr-FR'><head><meta property='og:title' content='  Le  titre '>"
      "<meta name='pubdate' content='Oct. 13, 2023'>"
      "<meta property='og:site_name' content='Boursorama'></head>"
      "<body><p>PARIS (AFP) - Le groupe a annonc\xC3\xA9.</p></body></html>";
  Captured c;
  KgArticle *a = ingest(page, sizeof page - 1, "og.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_TITLE), "Le titre");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATE_PUBLISHED), "2023-10-13");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_LANGUAGE), "fr");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_SITE_NAME), "Boursorama");
  /* the agency named by the dateline wins over the site that shows the dispatch */
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_PUBLISHER), "AFP");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATELINE_PLACE), "PARIS");
  kg_article_free(a);
  /* gYearMonth and gYear forms are kept as such; other languages are not set */
  static const char page2[] =
      "<html lang='de'><head><meta name='date' content='2023-01'></head><body>x</body></html>";
  a = ingest(page2, sizeof page2 - 1, "og2.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATE_PUBLISHED), "2023-01");
  ck_assert_ptr_null(kg_article_get_meta(a, KG_META_LANGUAGE));
  ck_assert_ptr_null(kg_article_get_meta(a, KG_META_TITLE));
  kg_article_free(a);
}
END_TEST

static const char latin1_text[] =
    "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale a annonc\xC3\xA9 un b\xC3\xA9n\xC3\xA9" "fice de "
    "5 \xE2\x82\xAC \xC2\xAB record \xC2\xBB, l\xE2\x80\x99" "an dernier.";

START_TEST(test_html_latin1_meta_charset) {
  KgIngestOptions o = {0, KG_INPUT_AUTO};
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_ingest_file(KG_INGEST_TESTDATA "/latin1.html", &o, NULL, &a), KG_SUCCESS);
  ck_assert_str_eq(kg_article_text(a), latin1_text);
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_TITLE), "Soci\xC3\xA9t\xC3\xA9 G\xC3\xA9n\xC3\xA9rale");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATE_PUBLISHED), "2021-01-07");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_LANGUAGE), "fr");
  kg_article_free(a);
}
END_TEST

START_TEST(test_html_charset_argument_overrides) {
  size_t len;
  char *raw = read_all(KG_INGEST_TESTDATA "/latin1.html", &len);
  /* the page says Latin-1 but the transport says UTF-8: UTF-8 wins, bytes get repaired */
  Captured c;
  KgArticle *a = ingest(raw, len, "latin1.html", "utf-8", KG_INPUT_AUTO, &c);
  ck_assert_ptr_nonnull(strstr(kg_article_text(a), "Soci" FFFD "t" FFFD));
  ck_assert_int_eq(c.warnings, 1);
  kg_article_free(a);
  /* the page says UTF-8, is really Windows-1252, and the transport knows */
  char *meta = strstr(raw, "iso-8859-1");
  ck_assert_ptr_nonnull(meta);
  memcpy(meta, "utf-8     ", 10);
  a = ingest(raw, len, "latin1.html", "windows-1252", KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), latin1_text);
  ck_assert_int_eq(c.warnings, 0);
  kg_article_free(a);
  free(raw);
  /* a UTF-8 page that declares Latin-1, read with the right transport charset: no mojibake */
  static const char page[] =
      "<html><head><meta charset=iso-8859-1></head><body>caf\xC3\xA9</body></html>";
  a = ingest(page, sizeof page - 1, "u.html", "UTF-8", KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "caf\xC3\xA9");
  kg_article_free(a);
  /* a page scanned as ASCII cannot be UTF-16, whatever its meta tag says */
  static const char u16[] =
      "<html><head><meta charset=\"UTF-16\"></head><body>caf\xC3\xA9</body></html>";
  a = ingest(u16, sizeof u16 - 1, "u.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "caf\xC3\xA9");
  kg_article_free(a);
  /* and with no transport charset, a page without a declaration is UTF-8 */
  static const char bare[] = "<html><body>caf\xC3\xA9</body></html>";
  a = ingest(bare, sizeof bare - 1, "u.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "caf\xC3\xA9");
  kg_article_free(a);
}
END_TEST

START_TEST(test_html_invalid_utf8_does_not_switch_charset) {
  static const char page[] = "<html><body><p>a\xFF" "b caf\xC3\xA9</p></body></html>";
  Captured c;
  KgArticle *a = ingest(page, sizeof page - 1, "bad.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "a" FFFD "b caf\xC3\xA9");
  ck_assert_int_eq(c.warnings, 1);
  ck_assert_int_eq(c.offset, 16);
  kg_article_free(a);
}
END_TEST

START_TEST(test_html_detection) {
  Captured c;
  static const char doc[] = "\xEF\xBB\xBF \n<!doctype HTML><html><body><p>x</p></body></html>";
  KgArticle *a = ingest(doc, sizeof doc - 1, "page.txt", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "x");
  kg_article_free(a);
  static const char doc2[] = "<!-- saved --><HTML><p>y</p></HTML>";
  a = ingest(doc2, sizeof doc2 - 1, "-", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "y");
  kg_article_free(a);
  /* by extension, whatever the content */
  a = ingest("<p>z</p>", 8, "PAGE.HTM", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "z");
  kg_article_free(a);
  /* markup in a text file is text */
  a = ingest("<p>z</p> <htmlx>", 16, "notes.txt", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "<p>z</p> <htmlx>");
  kg_article_free(a);
  /* the caller's kind wins over the extension */
  a = ingest("<p>z</p>", 8, "page.html", NULL, KG_INPUT_TEXT, &c);
  ck_assert_str_eq(kg_article_text(a), "<p>z</p>");
  kg_article_free(a);
  a = ingest("", 0, "empty.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "");
  kg_article_free(a);
  a = ingest("  \n", 3, "blank.html", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), "");
  kg_article_free(a);
}
END_TEST

/* ---- header lines and datelines ---- */

START_TEST(test_header_line) {
  size_t len;
  char *raw = read_all(KG_INGEST_TESTDATA "/header.txt", &len);
  KgIngestOptions o = {0, KG_INPUT_AUTO};
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_ingest_file(KG_INGEST_TESTDATA "/header.txt", &o, NULL, &a), KG_SUCCESS);
  assert_text(a, raw, len); /* the text is not touched */
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATE_PUBLISHED), "2023-01");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_PUBLISHER), "Boursier.com");
  ck_assert_ptr_null(kg_article_get_meta(a, KG_META_DATELINE_PLACE));
  kg_article_free(a);
  free(raw);
}
END_TEST

START_TEST(test_dateline_file_crlf) {
  KgIngestOptions o = {0, KG_INPUT_AUTO};
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_ingest_file(KG_INGEST_TESTDATA "/dateline.txt", &o, NULL, &a), KG_SUCCESS);
  ck_assert_str_eq(kg_article_text(a),
                   "REDMOND, Wash., Oct. 13, 2023 (Reuters) - Microsoft said on Friday it had "
                   "closed its $69 billion\ndeal for Activision Blizzard.\n");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATE_PUBLISHED), "2023-10-13");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_PUBLISHER), "Reuters");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_DATELINE_PLACE), "REDMOND, Wash.");
  kg_article_free(a);
}
END_TEST

static const struct {
  const char *text, *date, *publisher, *place;
} headers[] = {
    {"PARIS (Reuters) - Le groupe a annonc\xC3\xA9 lundi.", NULL, "Reuters", "PARIS"},
    {"REDMOND, Wash., Oct. 13, 2023 (Reuters) - Microsoft said", "2023-10-13", "Reuters",
     "REDMOND, Wash."},
    {"PARIS, 7 janvier 2021 (AFP) \xE2\x80\x94 Le groupe", "2021-01-07", "AFP", "PARIS"},
    {"NEW YORK, Jan 5 (Reuters) -", NULL, "Reuters", "NEW YORK"},
    {"NEW YORK, Sept. 5, 2023 /PRNewswire/ -- Acme Corp.", "2023-09-05", "PRNewswire",
     "NEW YORK"},
    {"SAINT-\xC3\x89TIENNE, 1er f\xC3\xA9vrier 2022 (AFP) \xE2\x80\x93 Casino", "2022-02-01",
     "AFP", "SAINT-\xC3\x89TIENNE"},
    {"LONDON, 29 February 2024 (Reuters) - Shell", "2024-02-29", "Reuters", "LONDON"},
    {"(Bloomberg) -- Microsoft Corp. agreed", NULL, "Bloomberg", NULL},
    {"(Quintal Wire) -- Zorbex agreed", NULL, "Quintal Wire", NULL}, /* any wire, not a list */
    {"FRANKFURT/PARIS, March 3 (Reuters) - Deutsche Bank", NULL, "Reuters", "FRANKFURT/PARIS"},
    {"NEW YORK--(BUSINESS WIRE)--Acme Corp. today announced", NULL, "BUSINESS WIRE",
     "NEW YORK"},
    {"Microsoft closes its deal\n\nREDMOND (Reuters) - Microsoft", NULL, "Reuters", "REDMOND"},
    {"date 2023-05-12 (Boursier.com) - Microsoft", "2023-05-12", "Boursier.com", NULL},
    {"Date: 2022 \xE2\x80\x94 Bilan annuel", "2022", NULL, NULL},
    {"  \n\ndate 2023-01 (Boursier.com) \xE2\x80\x94 Microsoft va investir", "2023-01",
     "Boursier.com", NULL},
};

START_TEST(test_datelines) {
  Captured c;
  const char *t = headers[_i].text;
  KgArticle *a = ingest(t, strlen(t), "d.txt", NULL, KG_INPUT_AUTO, &c);
  ck_assert_str_eq(kg_article_text(a), t);
  ck_assert_pstr_eq(kg_article_get_meta(a, KG_META_DATE_PUBLISHED), headers[_i].date);
  ck_assert_pstr_eq(kg_article_get_meta(a, KG_META_PUBLISHER), headers[_i].publisher);
  ck_assert_pstr_eq(kg_article_get_meta(a, KG_META_DATELINE_PLACE), headers[_i].place);
  kg_article_free(a);
}
END_TEST

static const char *const not_headers[] = {
    "Microsoft (MSFT) - the software maker said on Friday it would invest.",
    "IBM (NYSE: IBM) \xE2\x80\x94 IBM a annonc\xC3\xA9 un rachat.",
    "PARIS est la capitale (selon l'INSEE) - une ville de deux millions d'habitants.",
    "Le groupe (Paris) - a annonc\xC3\xA9 mardi un plan.",
    "Date 2023 was a good year for Microsoft.",
    "USA, the largest economy (Reuters) - is growing.",
    "PARIS, 30 f\xC3\xA9vrier 2021 (AFP) - Le groupe",
    "(Photo) - Le si\xC3\xA8ge du groupe.",
    "AMD (AMD) - shares rose 5% on Tuesday.",
    "UPDATE 2-Microsoft closes deal (Reuters) - x",
    "The company said (Reuters reported) - nothing.",
};

START_TEST(test_not_datelines) {
  Captured c;
  const char *t = not_headers[_i];
  KgArticle *a = ingest(t, strlen(t), "n.txt", NULL, KG_INPUT_AUTO, &c);
  for (int k = 0; k < KG_META__COUNT; k++)
    ck_assert_msg(kg_article_get_meta(a, (KgMetaKey)k) == NULL, "\"%s\" gave key %d = \"%s\"",
                  t, k, kg_article_get_meta(a, (KgMetaKey)k));
  kg_article_free(a);
}
END_TEST

START_TEST(test_date_normalize) {
  char out[11];
  ck_assert_int_eq(kgi_date_normalize("2023-11-28T09:30:00+00:00", 25, out), 1);
  ck_assert_str_eq(out, "2023-11-28");
  ck_assert_int_eq(kgi_date_normalize(" 2023-11 ", 9, out), 1);
  ck_assert_str_eq(out, "2023-11");
  ck_assert_int_eq(kgi_date_normalize("2023", 4, out), 1);
  ck_assert_str_eq(out, "2023");
  ck_assert_int_eq(kgi_date_normalize("7 janvier 2021", 14, out), 1);
  ck_assert_str_eq(out, "2021-01-07");
  ck_assert_int_eq(kgi_date_normalize("AO\xC3\x9BT 2020", 10, out), 1);
  ck_assert_str_eq(out, "2020-08");
  ck_assert_int_eq(kgi_date_normalize("2023-13-01", 10, out), 0);
  ck_assert_int_eq(kgi_date_normalize("2023-02-29", 10, out), 0);
  ck_assert_int_eq(kgi_date_normalize("Jan 5", 5, out), 0); /* no year */
  ck_assert_int_eq(kgi_date_normalize("yesterday", 9, out), 0);
  ck_assert_int_eq(kgi_date_normalize("20231128", 8, out), 0);
}
END_TEST

/* ---- size ceiling ---- */

START_TEST(test_ceiling_bytes) {
  KgIngestOptions o = {10, KG_INPUT_AUTO};
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_ingest_bytes("0123456789x", 11, "big.txt", NULL, &o, NULL, &a),
                   KG_ERR_TOO_LARGE);
  ck_assert_ptr_null(a);
  ck_assert_int_eq(kg_ingest_bytes("0123456789", 10, "ok.txt", NULL, &o, NULL, &a), KG_SUCCESS);
  kg_article_free(a);
}
END_TEST

START_TEST(test_ceiling_file) {
  make_scratch();
  char big[100];
  memset(big, 'a', sizeof big);
  write_file(in_scratch("big.txt"), big, sizeof big);
  KgIngestOptions o = {99, KG_INPUT_AUTO};
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_ingest_file(in_scratch("big.txt"), &o, NULL, &a), KG_ERR_TOO_LARGE);
  ck_assert_ptr_null(a);
  o.max_bytes = 100;
  ck_assert_int_eq(kg_ingest_file(in_scratch("big.txt"), &o, NULL, &a), KG_SUCCESS);
  ck_assert_uint_eq(kg_article_length(a), 100);
  kg_article_free(a);
  a = NULL;
  /* a file without an end: reading stops at the ceiling */
  o.max_bytes = 1000;
  ck_assert_int_eq(kg_ingest_file("/dev/zero", &o, NULL, &a), KG_ERR_TOO_LARGE);
  ck_assert_ptr_null(a);
  remove_scratch();
}
END_TEST

START_TEST(test_ceiling_stream) {
  char big[200];
  memset(big, 'b', sizeof big);
  KgIngestOptions o = {50, KG_INPUT_AUTO};
  KgArticle *a = NULL;
  FILE *fp = fmemopen(big, sizeof big, "r");
  ck_assert_int_eq(kg_ingest_stream(fp, "mem", &o, NULL, &a), KG_ERR_TOO_LARGE);
  fclose(fp);
  ck_assert_ptr_null(a);
  /* a pipe whose writer never closes: only ceiling + 1 bytes are waited for, so this
     returns instead of blocking until end of file */
  int fds[2];
  ck_assert_int_eq(pipe(fds), 0);
  ck_assert_int_eq(write(fds[1], big, sizeof big), (ssize_t)sizeof big);
  fp = fdopen(fds[0], "r");
  o.max_bytes = 100;
  ck_assert_int_eq(kg_ingest_stream(fp, "pipe", &o, NULL, &a), KG_ERR_TOO_LARGE);
  fclose(fp);
  close(fds[1]);
  /* up to the ceiling is fine */
  fp = fmemopen(big, 100, "r");
  ck_assert_int_eq(kg_ingest_stream(fp, "mem", &o, NULL, &a), KG_SUCCESS);
  fclose(fp);
  ck_assert_uint_eq(kg_article_length(a), 100);
  ck_assert_str_eq(kg_article_source(a), "mem");
  kg_article_free(a);
}
END_TEST

START_TEST(test_stdin) {
  int fds[2], saved = dup(0);
  ck_assert_int_eq(pipe(fds), 0);
  ck_assert_int_eq(write(fds[1], "PARIS (AFP) - x\r\n", 17), 17);
  close(fds[1]);
  ck_assert_int_eq(dup2(fds[0], 0), 0);
  close(fds[0]);
  clearerr(stdin);
  KgArticle *a = NULL;
  ck_assert_int_eq(kg_ingest_file("-", NULL, NULL, &a), KG_SUCCESS);
  dup2(saved, 0);
  close(saved);
  clearerr(stdin);
  ck_assert_str_eq(kg_article_text(a), "PARIS (AFP) - x\n");
  ck_assert_str_eq(kg_article_source(a), "-");
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_PUBLISHER), "AFP");
  kg_article_free(a);
}
END_TEST

START_TEST(test_file_errors) {
  make_scratch();
  KgArticle *a = NULL;
  errno = 0;
  ck_assert_int_eq(kg_ingest_file(in_scratch("missing.txt"), NULL, NULL, &a), KG_ERR_NOT_FOUND);
  ck_assert_int_eq(errno, ENOENT);
  errno = 0;
  ck_assert_int_eq(kg_ingest_file(scratch, NULL, NULL, &a), KG_ERR_IO);
  ck_assert_int_eq(errno, EISDIR);
  ck_assert_ptr_null(a);
  write_file(in_scratch("secret.txt"), "x", 1);
  chmod(in_scratch("secret.txt"), 0);
  errno = 0;
  KgStatus st = kg_ingest_file(in_scratch("secret.txt"), NULL, NULL, &a);
  if (geteuid() != 0) {
    ck_assert_int_eq(st, KG_ERR_IO);
    ck_assert_int_eq(errno, EACCES);
  } else { /* root reads anything */
    ck_assert_int_eq(st, KG_SUCCESS);
    kg_article_free(a);
  }
  remove_scratch();
}
END_TEST

/* ---- directory expansion ---- */

static void touch(const char *rel) { write_file(in_scratch(rel), "x", 1); }

START_TEST(test_expand_sorted_and_filtered) {
  make_scratch();
  ck_assert_int_eq(mkdir(in_scratch("d"), 0755), 0);
  ck_assert_int_eq(mkdir(in_scratch("d/sub"), 0755), 0);
  ck_assert_int_eq(mkdir(in_scratch("d/.git"), 0755), 0);
  ck_assert_int_eq(mkdir(in_scratch("d/a.b"), 0755), 0);
  /* created in an order unlike the result */
  touch("d/sub/z.html");
  touch("d/c.txt");
  touch("d/sub/b.HTM");
  touch("d/B.htm");
  touch("d/a.txt");
  touch("d/a.b/k.txt");
  touch("d/notes.md");
  touch("d/image.png");
  touch("d/.hidden.txt");
  touch("d/.git/x.txt");
  touch("d/txt");
  ck_assert_int_eq(symlink(".", in_scratch("d/sub/loop")), 0);     /* must not hang */
  ck_assert_int_eq(symlink("c.txt", in_scratch("d/link.txt")), 0); /* a link to a file */
  ck_assert_int_eq(symlink("gone.txt", in_scratch("d/dangling.txt")), 0);
  char **paths = NULL;
  size_t n = 0;
  ck_assert_int_eq(kg_ingest_expand(in_scratch("d"), &paths, &n), KG_SUCCESS);
  const char *want[] = {"d/B.htm", "d/a.b/k.txt", "d/a.txt", "d/c.txt", "d/link.txt",
                        "d/sub/b.HTM", "d/sub/z.html"};
  ck_assert_uint_eq(n, sizeof want / sizeof want[0]);
  for (size_t i = 0; i < n; i++)
    ck_assert_str_eq(paths[i], in_scratch(want[i]));
  kg_ingest_free_paths(paths, n);
  /* a trailing slash does not double */
  paths = NULL;
  n = 0;
  ck_assert_int_eq(kg_ingest_expand(in_scratch("d/sub/"), &paths, &n), KG_SUCCESS);
  ck_assert_uint_eq(n, 2);
  ck_assert_str_eq(paths[0], in_scratch("d/sub/b.HTM"));
  kg_ingest_free_paths(paths, n);
  remove_scratch();
}
END_TEST

START_TEST(test_expand_appends) {
  make_scratch();
  touch("b.txt");
  touch("a.txt");
  touch("notes.md");
  char **paths = kg_realloc(NULL, sizeof *paths);
  paths[0] = kg_strdup("-");
  size_t n = 1;
  ck_assert_int_eq(kg_ingest_expand(in_scratch("notes.md"), &paths, &n), KG_SUCCESS);
  ck_assert_int_eq(kg_ingest_expand(scratch, &paths, &n), KG_SUCCESS);
  ck_assert_uint_eq(n, 4);
  ck_assert_str_eq(paths[0], "-");
  ck_assert_str_eq(paths[1], in_scratch("notes.md")); /* named explicitly: any extension */
  ck_assert_str_eq(paths[2], in_scratch("a.txt"));
  ck_assert_str_eq(paths[3], in_scratch("b.txt"));
  kg_ingest_free_paths(paths, n);
  remove_scratch();
}
END_TEST

START_TEST(test_expand_empty_and_missing) {
  make_scratch();
  ck_assert_int_eq(mkdir(in_scratch("empty"), 0755), 0);
  ck_assert_int_eq(mkdir(in_scratch("empty/deeper"), 0755), 0);
  touch("empty/deeper/readme.md");
  char **paths = NULL;
  size_t n = 0;
  ck_assert_int_eq(kg_ingest_expand(in_scratch("empty"), &paths, &n), KG_SUCCESS);
  ck_assert_uint_eq(n, 0);
  errno = 0;
  ck_assert_int_eq(kg_ingest_expand(in_scratch("nothing-here"), &paths, &n), KG_ERR_NOT_FOUND);
  ck_assert_int_eq(errno, ENOENT);
  ck_assert_int_eq(kg_ingest_expand(in_scratch("empty/deeper/readme.md/x"), &paths, &n),
                   KG_ERR_NOT_FOUND);
  ck_assert_uint_eq(n, 0);
  kg_ingest_free_paths(paths, n);
  remove_scratch();
}
END_TEST

START_TEST(test_expand_unreadable_subdir) {
  make_scratch();
  ck_assert_int_eq(mkdir(in_scratch("top"), 0755), 0);
  ck_assert_int_eq(mkdir(in_scratch("top/locked"), 0755), 0);
  touch("top/a.txt");
  touch("top/locked/b.txt");
  ck_assert_int_eq(chmod(in_scratch("top/locked"), 0), 0);
  char **paths = NULL;
  size_t n = 0;
  errno = 0;
  KgStatus st = kg_ingest_expand(in_scratch("top"), &paths, &n);
  if (geteuid() != 0) {
    ck_assert_int_eq(st, KG_ERR_IO);
    ck_assert_int_eq(errno, EACCES);
    ck_assert_uint_eq(n, 0); /* a failed call changes nothing */
  } else { /* root reads anything: both files come back */
    ck_assert_int_eq(st, KG_SUCCESS);
    ck_assert_uint_eq(n, 2);
  }
  kg_ingest_free_paths(paths, n);
  ck_assert_int_eq(chmod(in_scratch("top/locked"), 0755), 0);
  remove_scratch();
}
END_TEST

/* ---- the article object ---- */

START_TEST(test_sha256) {
  char hex[65];
  KgArticle *a = kg_article_new("a", "abc", 3);
  kg_article_sha256_hex(a, hex);
  ck_assert_str_eq(hex, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  kg_article_free(a);
  a = kg_article_new("e", "", 0);
  kg_article_sha256_hex(a, hex);
  ck_assert_str_eq(hex, "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  kg_article_free(a);
  /* the whole text counts, past a NUL byte */
  a = kg_article_new("n", "abc\0def", 7);
  char hex2[65];
  kg_article_sha256_hex(a, hex2);
  ck_assert_str_ne(hex2, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  kg_article_free(a);
}
END_TEST

START_TEST(test_article_meta) {
  KgArticle *a = kg_article_new("src.txt", "a\0b", 3);
  ck_assert_uint_eq(kg_article_length(a), 3);
  ck_assert_int_eq(memcmp(kg_article_text(a), "a\0b", 4), 0);
  ck_assert_ptr_null(kg_article_get_meta(a, KG_META_TITLE));
  ck_assert_int_eq(kg_article_set_meta(a, KG_META_TITLE, "T"), KG_SUCCESS);
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_TITLE), "T");
  ck_assert_int_eq(kg_article_set_meta(a, KG_META_TITLE, "U"), KG_SUCCESS);
  ck_assert_str_eq(kg_article_get_meta(a, KG_META_TITLE), "U");
  ck_assert_int_eq(kg_article_set_meta(a, KG_META_TITLE, NULL), KG_SUCCESS);
  ck_assert_ptr_null(kg_article_get_meta(a, KG_META_TITLE));
  ck_assert_int_eq(kg_article_set_meta(a, KG_META__COUNT, "x"), KG_ERR_BAD_ARG);
  ck_assert_ptr_null(kg_article_get_meta(a, KG_META__COUNT));
  kg_article_free(a);
  kg_article_free(NULL);
  kg_ingest_free_paths(NULL, 0);
}
END_TEST

/* ---- every allocation may fail: the call reports it and leaks nothing ---- */

static long fail_at, allocs;
static void *oom_malloc(size_t n) { return ++allocs == fail_at ? NULL : malloc(n); }
static void *oom_realloc(void *p, size_t n) { return ++allocs == fail_at ? NULL : realloc(p, n); }

START_TEST(test_out_of_memory) {
  static const char *const inputs[] = {
      "date 2023-01 (Boursier.com) \xE2\x80\x94 Microsoft va\r\n\xFF",
      "<html lang=fr><head><title>T</title><meta property='og:site_name' content='S'>"
      "<meta name=date content=2021-01-07></head><body><p>PARIS (AFP) - a&nbsp;b</p>"
      "<pre>x\ny</pre></body></html>"};
  static const char *const names[] = {"a.txt", "a.html"};
  KgAllocator al = {oom_malloc, oom_realloc, free};
  for (int k = 0; k < 2; k++) {
    for (fail_at = 1;; fail_at++) {
      KgArticle *a = NULL;
      allocs = 0;
      kg_set_allocator(&al);
      KgStatus st = kg_ingest_bytes(inputs[k], strlen(inputs[k]), names[k], NULL, NULL, NULL, &a);
      kg_set_allocator(NULL);
      if (st == KG_SUCCESS) {
        ck_assert_ptr_nonnull(kg_article_get_meta(a, KG_META_PUBLISHER));
        kg_article_free(a);
        break;
      }
      ck_assert_int_eq(st, KG_ERR_NOMEM);
      ck_assert_ptr_null(a);
    }
    ck_assert_int_gt(fail_at, 3);
  }
}
END_TEST

static Suite *kg_ingest_suite(void) {
  Suite *s = suite_create("ingest");
  TCase *tc = tcase_create("utf8");
  tcase_add_test(tc, test_valid_utf8_untouched);
  tcase_add_loop_test(tc, test_invalid_forms, 0, sizeof bad_cases / sizeof bad_cases[0]);
  tcase_add_test(tc, test_one_warning_many_errors);
  tcase_add_test(tc, test_bom_dropped);
  tcase_add_test(tc, test_line_ends);
  tcase_add_test(tc, test_nul_does_not_truncate);
  tcase_add_test(tc, test_charsets);
  suite_add_tcase(s, tc);

  tc = tcase_create("html");
  tcase_add_test(tc, test_html_article);
  tcase_add_test(tc, test_html_dropped_elements);
  tcase_add_test(tc, test_html_blocks_and_whitespace);
  tcase_add_test(tc, test_html_entities);
  tcase_add_test(tc, test_html_og_title_and_dates);
  tcase_add_test(tc, test_html_latin1_meta_charset);
  tcase_add_test(tc, test_html_charset_argument_overrides);
  tcase_add_test(tc, test_html_invalid_utf8_does_not_switch_charset);
  tcase_add_test(tc, test_html_detection);
  suite_add_tcase(s, tc);

  tc = tcase_create("header");
  tcase_add_test(tc, test_header_line);
  tcase_add_test(tc, test_dateline_file_crlf);
  tcase_add_loop_test(tc, test_datelines, 0, sizeof headers / sizeof headers[0]);
  tcase_add_loop_test(tc, test_not_datelines, 0, sizeof not_headers / sizeof not_headers[0]);
  tcase_add_test(tc, test_date_normalize);
  suite_add_tcase(s, tc);

  tc = tcase_create("files");
  tcase_add_test(tc, test_ceiling_bytes);
  tcase_add_test(tc, test_ceiling_file);
  tcase_add_test(tc, test_ceiling_stream);
  tcase_add_test(tc, test_stdin);
  tcase_add_test(tc, test_file_errors);
  tcase_add_test(tc, test_expand_sorted_and_filtered);
  tcase_add_test(tc, test_expand_appends);
  tcase_add_test(tc, test_expand_empty_and_missing);
  tcase_add_test(tc, test_expand_unreadable_subdir);
  suite_add_tcase(s, tc);

  tc = tcase_create("article");
  tcase_add_test(tc, test_sha256);
  tcase_add_test(tc, test_article_meta);
  tcase_add_test(tc, test_out_of_memory);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_ingest_suite)
