/* check_extract.c - the extractor end to end on short invented articles: facts with
 * their status, qualifiers and provenance; denials and unrelated names give nothing;
 * user rule files extend the rules and a bad one is refused naming file and line. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <kgbuild/kgbuild.h>

#include "check_tap.h"

static const char *data_dir(void) {
  const char *d = getenv("KGBUILD_DATA_DIR");
  return d && *d ? d : KG_SRCDATADIR;
}

typedef struct {
  char msg[512];
} Diag;

static void sink(void *ud, const KgDiag *d) {
  Diag *x = ud;
  if (d->level >= KG_LOG_ERROR)
    snprintf(x->msg, sizeof x->msg, "%s", d->message);
}

static KgExtractor *extractor(const char *const *lexicons, size_t n, KgStatus *st, Diag *diag) {
  KgExtractorOptions o = {data_dir(), NULL, 0, lexicons, n, "auto"};
  KgLog log = {sink, diag};
  KgExtractor *ex = NULL;
  *st = kg_extractor_new(&o, &log, &ex);
  return ex;
}

/* Extract @p text (language @p lang) into a new graph. */
static KgGraph *run(const KgExtractor *ex, const char *text, const char *lang) {
  KgArticle *a = kg_article_new("test.txt", text, strlen(text));
  ck_assert_ptr_nonnull(a);
  ck_assert_int_eq(kg_article_set_meta(a, KG_META_LANGUAGE, lang), KG_SUCCESS);
  KgGraph *g = kg_graph_new(NULL);
  ck_assert_ptr_nonnull(g);
  ck_assert_int_eq(kg_graph_set_article(g, a), KG_SUCCESS);
  ck_assert_int_eq(kg_extract(ex, a, g, NULL), KG_SUCCESS);
  kg_article_free(a);
  return g;
}

/* The first fact of @p rel whose subject and object names contain @p s and @p o. */
static const KgFact *find(const KgGraph *g, KgRelation rel, const char *s, const char *o) {
  for (size_t i = 0; i < kg_graph_fact_count(g); i++) {
    const KgFact *f = kg_graph_get_fact(g, i);
    if (f->relation != rel)
      continue;
    if (!strstr(kg_graph_entity_name(g, f->subject), s))
      continue;
    if (o && (f->object == KG_NO_ENTITY || !strstr(kg_graph_entity_name(g, f->object), o)))
      continue;
    return f;
  }
  return NULL;
}

static size_t count_rel(const KgGraph *g, KgRelation rel) {
  size_t n = 0;
  for (size_t i = 0; i < kg_graph_fact_count(g); i++)
    n += kg_graph_get_fact(g, i)->relation == rel;
  return n;
}

START_TEST(test_completed_deal_with_provenance) {
  KgStatus st;
  Diag d = {""};
  KgExtractor *ex = extractor(NULL, 0, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  const char *text = "BOSTON, May 6, 2024 - Norvane Corp. acquired Brillix Inc. for $2.5 billion on Monday.";
  KgGraph *g = run(ex, text, "en");
  const KgFact *f = find(g, KG_REL_ACQUIRED, "Norvane", "Brillix");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(f->status, KG_FACT_STATUS_COMPLETED);
  /* the graph keeps decimals in their canonical form ("2500000000.0"): compare values */
  ck_assert_ptr_nonnull(f->amount);
  ck_assert_double_eq(strtod(f->amount, NULL), 2500000000.0);
  ck_assert_str_eq(f->currency, "USD");
  ck_assert_str_eq(f->point_in_time, "2024-05-06");
  ck_assert_ptr_nonnull(f->extractor);
  ck_assert(strncmp(f->extractor, "rules:en:", 9) == 0);
  ck_assert_ptr_nonnull(strstr(f->evidence, "Norvane Corp. acquired Brillix"));
  ck_assert(f->evidence_start >= 0 && f->evidence_end > f->evidence_start);
  ck_assert(f->confidence > 0 && f->confidence <= 1);
  kg_graph_free(g);
  kg_extractor_free(ex);
}
END_TEST

START_TEST(test_denied_and_unrelated_give_nothing) {
  KgStatus st;
  Diag d = {""};
  KgExtractor *ex = extractor(NULL, 0, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  KgGraph *g = run(ex, "Hextra Corp. is not buying Lumion Inc., the company said. "
                       "Hextra Corp. and Lumion Inc. both reported higher sales.", "en");
  ck_assert_uint_eq(count_rel(g, KG_REL_ACQUIRED), 0);
  ck_assert_uint_eq(count_rel(g, KG_REL_PARTNER_OF), 0);
  ck_assert_uint_eq(count_rel(g, KG_REL_COMPETITOR_OF), 0);
  kg_graph_free(g);
  g = run(ex, "Le groupe Frandis SA n'a pas racheté la société Orvel SAS.", "fr");
  ck_assert_uint_eq(count_rel(g, KG_REL_ACQUIRED), 0);
  kg_graph_free(g);
  kg_extractor_free(ex);
}
END_TEST

START_TEST(test_status_cues) {
  KgStatus st;
  Diag d = {""};
  KgExtractor *ex = extractor(NULL, 0, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  KgGraph *g = run(ex, "Velmora Inc. has agreed to buy Dastrix Corp. for $400 million.", "en");
  const KgFact *f = find(g, KG_REL_ACQUIRED, "Velmora", "Dastrix");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(f->status, KG_FACT_STATUS_ANNOUNCED);
  kg_graph_free(g);
  g = run(ex, "Corvane Inc. and Ploxis Corp. have called off their planned merger, citing regulators.", "en");
  f = find(g, KG_REL_ACQUIRED, "Corvane", "Ploxis");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(f->status, KG_FACT_STATUS_CANCELLED);
  kg_graph_free(g);
  g = run(ex, "Zentrix Corp. plans to invest $1 billion in Morvex Inc., according to people familiar with the matter.", "en");
  f = find(g, KG_REL_INVESTS_IN, "Zentrix", "Morvex");
  ck_assert_ptr_nonnull(f);
  ck_assert_int_eq(f->status, KG_FACT_STATUS_RUMORED);
  /* hearsay lowers the confidence below the rule's weight */
  ck_assert(f->confidence < 0.8);
  kg_graph_free(g);
  kg_extractor_free(ex);
}
END_TEST

START_TEST(test_lists_passive_french) {
  KgStatus st;
  Diag d = {""};
  KgExtractor *ex = extractor(NULL, 0, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  KgGraph *g = run(ex, "La start-up Kivano SAS a annoncé une levée de fonds de 20 millions d'euros. "
                       "Le tour est mené par le fonds Orlam Capital, aux côtés de Bersi Ventures et de Talvo Partners.",
                   "fr");
  ck_assert_ptr_nonnull(find(g, KG_REL_INVESTS_IN, "Orlam", "Kivano"));
  ck_assert_ptr_nonnull(find(g, KG_REL_INVESTS_IN, "Bersi", "Kivano"));
  ck_assert_ptr_nonnull(find(g, KG_REL_INVESTS_IN, "Talvo", "Kivano"));
  /* the round total is nobody's own amount */
  ck_assert_ptr_null(find(g, KG_REL_INVESTS_IN, "Orlam", "Kivano")->amount);
  kg_graph_free(g);
  g = run(ex, "La société Bravane SAS a été rachetée en 2020 par le groupe Ostrel SA.", "fr");
  const KgFact *f = find(g, KG_REL_ACQUIRED, "Ostrel", "Bravane");
  ck_assert_ptr_nonnull(f);
  ck_assert_str_eq(f->point_in_time, "2020");
  ck_assert_ptr_null(find(g, KG_REL_ACQUIRED, "Bravane", "Ostrel"));
  kg_graph_free(g);
  g = run(ex, "Selon Les Echos, le groupe Dorvane SA détiendrait une participation de 20 % dans la société Pelvia SAS.", "fr");
  f = find(g, KG_REL_OWNS_STAKE_IN, "Dorvane", "Pelvia");
  ck_assert_ptr_nonnull(f);
  ck_assert_ptr_nonnull(f->percentage);
  ck_assert_double_eq(strtod(f->percentage, NULL), 20.0);
  ck_assert_int_eq(f->status, KG_FACT_STATUS_RUMORED);
  ck_assert(f->reported_by != KG_NO_ENTITY);
  ck_assert_str_eq(kg_graph_entity_name(g, f->reported_by), "Les Echos");
  kg_graph_free(g);
  kg_extractor_free(ex);
}
END_TEST

static char *write_tmp(const char *name, const char *content) {
  static char path[4][256];
  static int k;
  char *p = path[k++ % 4];
  snprintf(p, 256, "%s/kgx-%ld-%s", getenv("TMPDIR") ? getenv("TMPDIR") : "/tmp", (long)getpid(), name);
  FILE *f = fopen(p, "w");
  ck_assert_ptr_nonnull(f);
  fputs(content, f);
  fclose(f);
  return p;
}

START_TEST(test_user_rules) {
  KgStatus st;
  Diag d = {""};
  const char *good = write_tmp("good.rules", "# user rules\n"
                                              "rule en:user-1 partnerOf weight=0.7\n"
                                              "    @S:ORG befriended @O:ORG\n");
  KgExtractor *ex = extractor(&good, 1, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  KgGraph *g = run(ex, "Norvane Corp. befriended Brillix Inc. last year.", "en");
  const KgFact *f = find(g, KG_REL_PARTNER_OF, "Norvane", "Brillix");
  ck_assert_ptr_nonnull(f);
  ck_assert_str_eq(f->extractor, "rules:en:user-1");
  kg_graph_free(g);
  kg_extractor_free(ex);

  const char *bad = write_tmp("bad.rules", "rule en:user-1 partnerOf\n    @S:ORG befriended @O:ORG\n"
                                            "rule en:user-2 befriends\n    @S:ORG x @O:ORG\n");
  ex = extractor(&bad, 1, &st, &d);
  ck_assert_int_eq(st, KG_ERR_PARSE);
  ck_assert_ptr_null(ex);
  char want[300];
  snprintf(want, sizeof want, "%s:3:", bad);
  ck_assert_msg(strstr(d.msg, want) != NULL, "message was: %s", d.msg);
  unlink(good);
  unlink(bad);
}
END_TEST

/* "@S:ORG!" asks for a name: the same rule without "!" reads "the company" as the
 * company named before, with "!" it gives nothing for the anaphor but still a name. */
START_TEST(test_named_capture_refuses_anaphor) {
  KgStatus st;
  Diag d = {""};
  const char *text = "Norvane Corp. makes pumps. The company befriended Brillix Inc. last year. "
                     "Quorra Inc. befriended Brillix Inc. too.";
  const char *loose = write_tmp("loose.rules", "rule en:user-1 partnerOf\n    @S:ORG befriended @O:ORG\n");
  KgExtractor *ex = extractor(&loose, 1, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  KgGraph *g = run(ex, text, "en");
  ck_assert_ptr_nonnull(find(g, KG_REL_PARTNER_OF, "Norvane", "Brillix"));
  ck_assert_ptr_nonnull(find(g, KG_REL_PARTNER_OF, "Quorra", "Brillix"));
  kg_graph_free(g);
  kg_extractor_free(ex);

  const char *named = write_tmp("named.rules", "rule en:user-1 partnerOf\n    @S:ORG! befriended @O:ORG\n");
  ex = extractor(&named, 1, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  g = run(ex, text, "en");
  ck_assert_ptr_null(find(g, KG_REL_PARTNER_OF, "Norvane", "Brillix"));
  ck_assert_ptr_nonnull(find(g, KG_REL_PARTNER_OF, "Quorra", "Brillix"));
  kg_graph_free(g);
  kg_extractor_free(ex);
  unlink(loose);
  unlink(named);
}
END_TEST

static KgClass class_of(const KgGraph *g, const char *name) {
  for (size_t i = 0; i < kg_graph_entity_count(g); i++)
    if (strcmp(kg_graph_entity_name(g, (KgEntityId)i), name) == 0)
      return kg_graph_entity_class(g, (KgEntityId)i);
  return KG_CLASS__COUNT;
}

/* develops ranges over products: a name nothing else typed, that the article gives as what
 * a company is behind, is a product; one the article relates to something else, or that an
 * earlier article of the same graph named, keeps its class */
START_TEST(test_developed_name_is_product) {
  KgStatus st;
  Diag d = {""};
  KgExtractor *ex = extractor(NULL, 0, &st, &d);
  ck_assert_int_eq(st, KG_SUCCESS);
  KgGraph *g = run(ex, "Velmar, the company behind Orsk and Tessil, priced its shares on Friday. "
                       "Orsk was founded in 1990.", "en");
  ck_assert_ptr_nonnull(find(g, KG_REL_DEVELOPS, "Velmar", "Tessil"));
  ck_assert_int_eq(class_of(g, "Tessil"), KG_CLASS_PRODUCT);
  ck_assert_int_ne(class_of(g, "Orsk"), KG_CLASS_PRODUCT);
  kg_graph_free(g);

  g = run(ex, "Brado Holdings said Kelm would advise it.", "en");
  KgArticle *a = kg_article_new("second.txt", "Velmar, the company behind Kelm, priced its shares.",
                                strlen("Velmar, the company behind Kelm, priced its shares."));
  ck_assert_ptr_nonnull(a);
  ck_assert_int_eq(kg_article_set_meta(a, KG_META_LANGUAGE, "en"), KG_SUCCESS);
  ck_assert_int_eq(kg_extract(ex, a, g, NULL), KG_SUCCESS);
  ck_assert_int_ne(class_of(g, "Kelm"), KG_CLASS_PRODUCT);
  kg_article_free(a);
  kg_graph_free(g);
  kg_extractor_free(ex);
}
END_TEST

START_TEST(test_free_null) { kg_extractor_free(NULL); }
END_TEST

static Suite *kg_extract_suite(void) {
  Suite *s = suite_create("extract");
  TCase *tc = tcase_create("core");
  tcase_set_timeout(tc, 60);
  tcase_add_test(tc, test_completed_deal_with_provenance);
  tcase_add_test(tc, test_denied_and_unrelated_give_nothing);
  tcase_add_test(tc, test_status_cues);
  tcase_add_test(tc, test_lists_passive_french);
  tcase_add_test(tc, test_user_rules);
  tcase_add_test(tc, test_named_capture_refuses_anaphor);
  tcase_add_test(tc, test_developed_name_is_product);
  tcase_add_test(tc, test_free_null);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_extract_suite)
