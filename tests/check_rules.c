/* check_rules.c - the rule language: compiling (errors name file and line), and the
 * matcher over hand-made tokens and mentions: literals, classes, prefixes, gaps, groups,
 * optional parts, negation, lists, determiners, quantities, language filtering. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "check_tap.h"
#include "extract/rules.h"

/* ---- a tiny annotated sentence: words split on spaces; [Name] marks a mention ---- */

typedef struct {
  KgtToken toks[64];
  char words[64][32];
  size_t n;
  KgmMention ments[16];
  size_t nm;
  KgrQuantity q[8];
  size_t nq;
} Sent;

/* "[Acme Corp|ORG] bought [Beta|ORG]": brackets make a mention of the given class. */
static void sent_build(Sent *s, const char *text) {
  memset(s, 0, sizeof *s);
  char buf[512];
  snprintf(buf, sizeof buf, "%s", text);
  size_t open = (size_t)-1;
  for (char *w = buf, *next; w && *w; w = next) {
    next = strchr(w, ' ');
    if (next)
      *next++ = '\0';
    if (w[0] == '[') {
      open = s->n;
      w++;
    }
    char *close = strchr(w, ']');
    char *bar = strchr(w, '|');
    if (bar)
      *bar = '\0';
    if (close)
      *close = '\0';
    size_t i = s->n++;
    for (size_t k = 0; w[k] && k < 31; k++)
      s->words[i][k] = (char)((w[k] >= 'A' && w[k] <= 'Z') ? w[k] + 32 : w[k]);
    s->toks[i].lower = s->toks[i].fold = s->words[i];
    s->toks[i].kind = KGT_WORD;
    if (close) {
      KgmMention *m = &s->ments[s->nm++];
      const char *cls = bar ? bar + 1 : "ORG";
      m->tok_start = open;
      m->tok_end = i + 1;
      m->desc_start = m->desc_end = open;
      m->cls = strcmp(cls, "PERSON") == 0   ? KG_CLASS_PERSON
               : strcmp(cls, "PLACE") == 0  ? KG_CLASS_PLACE
               : strcmp(cls, "PRODUCT") == 0 ? KG_CLASS_PRODUCT
                                              : KG_CLASS_COMPANY;
      m->name = s->words[open];
      open = (size_t)-1;
    }
  }
}

static KgrRuleSet *compile(const char *lang, const char *lexicon, const char *rules) {
  KgrRuleSet *rs = NULL;
  ck_assert_int_eq(kgr_ruleset_new(lang, &rs), KG_SUCCESS);
  if (lexicon)
    ck_assert_int_eq(kgr_ruleset_add_lexicon(rs, "test.tsv", lexicon, strlen(lexicon), NULL),
                     KG_SUCCESS);
  ck_assert_int_eq(kgr_ruleset_add_rules(rs, "test.rules", rules, strlen(rules), NULL), KG_SUCCESS);
  ck_assert_int_eq(kgr_ruleset_compile(rs, NULL), KG_SUCCESS);
  return rs;
}

typedef struct {
  KgrMatch m[16];
  size_t n;
} Found;

static int collect(void *ud, const KgrMatch *m) {
  Found *f = ud;
  if (f->n < 16)
    f->m[f->n++] = *m;
  return 0;
}

static Found run(const KgrRuleSet *rs, Sent *s) {
  Found f;
  memset(&f, 0, sizeof f);
  KgrInput *in = NULL;
  ck_assert_int_eq(kgr_input_new(rs, s->toks, s->n, NULL, s->ments, s->nm, s->q, s->nq, &in), KG_SUCCESS);
  kgr_match_span(rs, in, 0, s->n, collect, &f);
  kgr_input_free(in);
  return f;
}

/* The words of mention @p i of the sentence. */
static const char *ment_word(const Sent *s, size_t i) { return s->words[s->ments[i].tok_start]; }

/* ---- diagnostics ---- */

typedef struct {
  char msg[256];
  int n;
} Diag;

static void diag_sink(void *ud, const KgDiag *d) {
  Diag *x = ud;
  snprintf(x->msg, sizeof x->msg, "%s", d->message);
  x->n++;
}

static KgStatus load_bad(const char *text, Diag *d) {
  KgrRuleSet *rs = NULL;
  KgLog log = {diag_sink, d};
  memset(d, 0, sizeof *d);
  ck_assert_int_eq(kgr_ruleset_new("en", &rs), KG_SUCCESS);
  KgStatus st = kgr_ruleset_add_rules(rs, "my.rules", text, strlen(text), &log);
  if (st == KG_SUCCESS)
    st = kgr_ruleset_compile(rs, &log);
  kgr_ruleset_free(rs);
  return st;
}

START_TEST(test_errors_name_file_and_line) {
  Diag d;
  ck_assert_int_eq(load_bad("# ok\nrule en:a acquired\n    @S:ORG buys @O:ORG\nrule en:b nosuchrel\n    @S:ORG x @O:ORG\n", &d),
                   KG_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(d.msg, "my.rules:4:"));
  ck_assert_ptr_nonnull(strstr(d.msg, "nosuchrel"));
  ck_assert_int_eq(load_bad("rule en:a acquired\n    @S:ORG (buys @O:ORG\n", &d), KG_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(d.msg, "my.rules:1:"));
  ck_assert_int_eq(load_bad("rule en:a acquired\n    @S:ORG buys\n", &d), KG_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(d.msg, "@O"));
  ck_assert_int_eq(load_bad("rule en:a acquired weight=3\n    @S:ORG buys @O:ORG\n", &d), KG_ERR_PARSE);
  ck_assert_int_eq(load_bad("rule en:a acquired\n    @S:BANANA buys @O:ORG\n", &d), KG_ERR_PARSE);
  /* a negated group would silently never match: refused at load time */
  ck_assert_int_eq(load_bad("rule en:a acquired\n    @S:ORG !(sells|buys) @O:ORG\n", &d),
                   KG_ERR_PARSE);
  ck_assert_int_eq(load_bad("rule en:a acquired\n    @S:ORG %NOPE @O:ORG\n", &d), KG_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(d.msg, "NOPE"));
  ck_assert_int_eq(load_bad("    @S:ORG buys @O:ORG\n", &d), KG_ERR_PARSE);
  ck_assert_int_eq(load_bad("rule en:a acquired\n", &d), KG_ERR_PARSE);
  ck_assert_int_eq(load_bad("rule en:a acquired\n    ...{0,3} @S:ORG buys @O:ORG\n", &d), KG_ERR_PARSE);
  ck_assert_int_eq(load_bad("rule en:a acquired\n    @S:ORG buys{0,x} @O:ORG\n", &d), KG_ERR_PARSE);
  ck_assert_int_eq(load_bad("rule en:a foundingDate\n    @S:ORG founded\n", &d), KG_ERR_PARSE);
  /* an id is kg:extractor on every fact the rule makes: two rules may not share one */
  ck_assert_int_eq(load_bad("rule en:a acquired\n    @S:ORG buys @O:ORG\n"
                            "rule en:a acquired\n    @S:ORG bought @O:ORG\n",
                            &d),
                   KG_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(d.msg, "my.rules:3:"));
  ck_assert_ptr_nonnull(strstr(d.msg, "'en:a' is already used (my.rules:1)"));
}
END_TEST

START_TEST(test_literal_and_captures) {
  KgrRuleSet *rs = compile("en", NULL, "rule en:acq-1 acquired weight=0.9 status=completed\n"
                                       "    @S:ORG (has)? acquired @O:ORG\n");
  ck_assert_uint_eq(kgr_ruleset_count(rs), 1);
  const KgrRule *r = kgr_ruleset_rule(rs, 0);
  ck_assert_str_eq(r->id, "en:acq-1");
  ck_assert_int_eq(r->relation, KG_REL_ACQUIRED);
  ck_assert_int_eq(r->status, KG_FACT_STATUS_COMPLETED);
  ck_assert(r->weight > 0.89 && r->weight < 0.91);
  Sent s;
  sent_build(&s, "yesterday [Acme Corp] has acquired [Beta] .");
  Found f = run(rs, &s);
  ck_assert_uint_eq(f.n, 1);
  ck_assert_uint_eq(f.m[0].slot[KGR_CAP_S].n, 1);
  ck_assert_str_eq(ment_word(&s, f.m[0].slot[KGR_CAP_S].items[0]), "acme");
  ck_assert_str_eq(ment_word(&s, f.m[0].slot[KGR_CAP_O].items[0]), "beta");
  ck_assert_uint_eq(f.m[0].tok_start, 1);
  ck_assert_uint_eq(f.m[0].tok_end, 6);
  /* the optional word may be absent; a person is no organization */
  sent_build(&s, "[Acme] acquired [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  sent_build(&s, "[Acme] acquired [Bob|PERSON]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  sent_build(&s, "[Acme] quickly acquired [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_accents_fold) {
  KgrRuleSet *rs = compile("fr", NULL, "rule fr:acq acquired\n    @S:ORG a racheté @O:ORG\n");
  Sent s;
  sent_build(&s, "[Acme] a rachete [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  kgr_ruleset_free(rs);
}
END_TEST

/* French elisions are two tokens ("s'" "apprête"): a pattern word "s'apprête" is read as
 * the same two, alone, among alternatives, in a group and when optional */
START_TEST(test_french_elisions_split) {
  KgrRuleSet *rs = compile("fr", NULL,
                           "rule fr:a acquired\n    @S:ORG s'apprête à absorber @O:ORG\n"
                           "rule fr:b acquired\n    @S:ORG va|s'apprête à racheter @O:ORG\n"
                           "rule fr:c acquired\n    @S:ORG (doit|s'apprête) à reprendre @O:ORG\n"
                           "rule fr:d acquired\n    @S:ORG (réalise)? un chiffre d'affaires de @O:ORG\n");
  Sent s;
  const char *texts[] = {"[Acme] s' apprête à absorber [Beta]", "[Acme] s' apprête à racheter [Beta]",
                         "[Acme] va à racheter [Beta]", "[Acme] s' apprête à reprendre [Beta]",
                         "[Acme] un chiffre d' affaires de [Beta]"};
  for (size_t i = 0; i < sizeof texts / sizeof *texts; i++) {
    sent_build(&s, texts[i]);
    ck_assert_msg(run(rs, &s).n == 1, "no match for '%s'", texts[i]);
  }
  sent_build(&s, "[Acme] apprête à absorber [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  kgr_ruleset_free(rs);
  /* English keeps the word whole */
  rs = compile("en", NULL, "rule en:a acquired\n    @S:ORG o'clock buys @O:ORG\n");
  sent_build(&s, "[Acme] o'clock buys [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_gaps_are_bounded) {
  KgrRuleSet *rs = compile("en", NULL, "rule en:inv investsIn\n    @S:ORG invested ...{0,3} in @O:ORG\n");
  Sent s;
  sent_build(&s, "[Acme] invested $ 2 billion in [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  sent_build(&s, "[Acme] invested a further $ 2 billion in [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  kgr_ruleset_free(rs);
  /* "_" gaps skip no mention */
  rs = compile("en", NULL, "rule en:x acquired\n    @S:ORG _{0,4} bought @O:ORG\n");
  sent_build(&s, "[Acme] then quickly bought [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  sent_build(&s, "[Acme] and [Gamma] bought [Beta]");
  Found f = run(rs, &s);
  ck_assert_uint_eq(f.n, 1); /* only Gamma, next to the verb */
  ck_assert_str_eq(ment_word(&s, f.m[0].slot[KGR_CAP_S].items[0]), "gamma");
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_groups_classes_prefixes) {
  KgrRuleSet *rs = compile("en", "BUY\tbuy purchas* acquir*\n",
                           "rule en:a acquired\n"
                           "    @S:ORG (agreed to | plans to | will) %BUY (all of)? @O:ORG\n");
  Sent s;
  sent_build(&s, "[Acme] agreed to purchase [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  sent_build(&s, "[Acme] will acquire all of [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  sent_build(&s, "[Acme] plans to sell [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  sent_build(&s, "[Acme] agreed to [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  ck_assert(kgr_ruleset_word_in_class(rs, "BUY", "purchased"));
  ck_assert(!kgr_ruleset_word_in_class(rs, "BUY", "sell"));
  kgr_ruleset_free(rs);
  /* word alternation inside a group and outside */
  rs = compile("fr", NULL, "rule fr:inv investsIn\n    @S:ORG investit|injecte ...{0,4} (dans|en) @O:ORG\n");
  sent_build(&s, "[Acme] injecte 10 millions dans [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  sent_build(&s, "[Acme] investit en [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_negated_atom_and_sentence_start) {
  KgrRuleSet *rs = compile("en", NULL,
                           "rule en:a acquired\n    @S:ORG won @O:ORG !'s\n"
                           "rule en:f foundingDate\n    ^ founded in @DATE:DATE , @S:ORG\n");
  Sent s;
  sent_build(&s, "[Acme] won [Beta] last month");
  ck_assert_uint_eq(run(rs, &s).n, 1);
  sent_build(&s, "[Acme] won [Beta] 's approval");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  sent_build(&s, "founded in 1837 , [Acme] grew");
  s.q[0].kind = KGR_Q_DATE;
  s.q[0].tok_start = 2;
  s.q[0].tok_end = 3;
  snprintf(s.q[0].value, sizeof s.q[0].value, "1837");
  s.nq = 1;
  Found f = run(rs, &s);
  ck_assert_uint_eq(f.n, 1);
  ck_assert(f.m[0].slot[KGR_CAP_DATE].is_quantity);
  ck_assert_str_eq(s.q[f.m[0].slot[KGR_CAP_DATE].items[0]].value, "1837");
  sent_build(&s, "then founded in 1837 , [Acme] grew");
  s.q[0].tok_start = 3;
  s.q[0].tok_end = 4;
  s.nq = 1;
  ck_assert_uint_eq(run(rs, &s).n, 0);
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_suffix_and_look_behind) {
  KgrRuleSet *rs = compile("en", "LIST_SEP\t, and\nLIST_CONJ\t, and\n",
                           "rule en:b basedIn\n    @O:PLACE+ <*-based @S:ORG\n");
  Sent s;
  sent_build(&s, "[Paris|PLACE] , [california-based|PLACE] [Acme]");
  Found f = run(rs, &s);
  ck_assert_uint_eq(f.n, 2); /* from each place on */
  ck_assert_uint_eq(f.m[0].slot[KGR_CAP_O].n, 2);
  sent_build(&s, "[California|PLACE] [Acme]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_lists_and_determiners) {
  KgrRuleSet *rs = compile("en", "DET\tthe a\nLIST_SEP\t, and as well\nLIST_CONJ\t, and\n",
                           "rule en:r investsIn object=topic\n    round led by @S:ORG+\n");
  Sent s;
  sent_build(&s, "a round led by [Alpha] , the [Beta] , [Gamma] and [Delta] .");
  Found f = run(rs, &s);
  ck_assert_uint_eq(f.n, 1);
  ck_assert_uint_eq(f.m[0].slot[KGR_CAP_S].n, 4);
  ck_assert_str_eq(ment_word(&s, f.m[0].slot[KGR_CAP_S].items[1]), "beta");
  ck_assert_str_eq(ment_word(&s, f.m[0].slot[KGR_CAP_S].items[3]), "delta");
  /* an apposition naming nobody does not end the list */
  sent_build(&s, "round led by [Alpha] , its chief , [Beta] and [Gamma]");
  f = run(rs, &s);
  ck_assert_uint_eq(f.n, 1);
  ck_assert_uint_eq(f.m[0].slot[KGR_CAP_S].n, 3);
  /* "as well as" is a separator only with a conjunction in it */
  sent_build(&s, "round led by [Alpha] as [Beta]");
  f = run(rs, &s);
  ck_assert_uint_eq(f.m[0].slot[KGR_CAP_S].n, 1);
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_language_filter_and_cues) {
  KgrRuleSet *rs = compile("en", NULL,
                           "rule fr:a acquired\n    @S:ORG rachete @O:ORG\n"
                           "rule en:b acquired\n    @S:ORG buys @O:ORG\n"
                           "rule any acquired\n    @S:ORG takes @O:ORG\n"
                           "rule en:c status:cancelled\n    called off\n"
                           "rule en:d reportedBy\n    according to @REP:ORG\n"
                           "rule en:e exclusive:false\n    non-exclusive\n");
  ck_assert_uint_eq(kgr_ruleset_count(rs), 5);
  ck_assert_str_eq(kgr_ruleset_rule(rs, 0)->id, "en:b");
  ck_assert_int_eq(kgr_ruleset_rule(rs, 2)->output, KGR_OUT_STATUS);
  ck_assert_int_eq(kgr_ruleset_rule(rs, 2)->status, KG_FACT_STATUS_CANCELLED);
  ck_assert_int_eq(kgr_ruleset_rule(rs, 3)->output, KGR_OUT_REPORTED);
  ck_assert_int_eq(kgr_ruleset_rule(rs, 4)->exclusive, 0);
  Sent s;
  sent_build(&s, "[Acme] rachete [Beta]");
  ck_assert_uint_eq(run(rs, &s).n, 0);
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_subject_focus_option) {
  /* subject=focus lets a fact rule go without @S: the extractor supplies the subject */
  KgrRuleSet *rs = compile("en", NULL, "rule en:f ceo subject=focus\n"
                                       "    ^ the chief executive , @O:PERSON ,\n");
  ck_assert_uint_eq(kgr_ruleset_count(rs), 1);
  ck_assert(kgr_ruleset_rule(rs, 0)->flags & KGR_RULE_SUBJ_FOCUS);
  Sent s;
  sent_build(&s, "the chief executive , [Ann Lee|PERSON] , said");
  Found f = run(rs, &s);
  ck_assert_uint_eq(f.n, 1);
  ck_assert_uint_eq(f.m[0].slot[KGR_CAP_S].n, 0);
  ck_assert_str_eq(ment_word(&s, f.m[0].slot[KGR_CAP_O].items[0]), "ann");
  kgr_ruleset_free(rs);
  Diag d;
  ck_assert_int_eq(load_bad("rule en:f ceo\n    ^ the chief executive , @O:PERSON ,\n", &d),
                   KG_ERR_PARSE);
  ck_assert_ptr_nonnull(strstr(d.msg, "@S"));
  ck_assert_int_eq(load_bad("rule en:f ceo subject=nearest\n    ^ the boss , @O:PERSON\n", &d),
                   KG_ERR_PARSE);
}
END_TEST

START_TEST(test_many_rules_one_match_each) {
  /* many rules: only the one whose words are present reports, once per start */
  char text[64 * 80] = "";
  size_t off = 0;
  for (int i = 0; i < 60; i++)
    off += (size_t)snprintf(text + off, sizeof text - off,
                            "rule en:r%d acquired\n    @S:ORG verb%d @O:ORG\n", i, i);
  KgrRuleSet *rs = compile("en", NULL, text);
  Sent s;
  sent_build(&s, "[Acme] verb42 [Beta] and [Gamma] verb7 [Delta]");
  Found f = run(rs, &s);
  ck_assert_uint_eq(f.n, 2);
  ck_assert_str_eq(kgr_ruleset_rule(rs, f.m[0].rule)->id, "en:r42");
  ck_assert_str_eq(kgr_ruleset_rule(rs, f.m[1].rule)->id, "en:r7");
  kgr_ruleset_free(rs);
}
END_TEST

START_TEST(test_free_null) {
  kgr_ruleset_free(NULL);
  kgr_input_free(NULL);
}
END_TEST

static Suite *kg_rules_suite(void) {
  Suite *s = suite_create("rules");
  TCase *tc = tcase_create("core");
  tcase_add_test(tc, test_errors_name_file_and_line);
  tcase_add_test(tc, test_literal_and_captures);
  tcase_add_test(tc, test_accents_fold);
  tcase_add_test(tc, test_french_elisions_split);
  tcase_add_test(tc, test_gaps_are_bounded);
  tcase_add_test(tc, test_groups_classes_prefixes);
  tcase_add_test(tc, test_negated_atom_and_sentence_start);
  tcase_add_test(tc, test_suffix_and_look_behind);
  tcase_add_test(tc, test_lists_and_determiners);
  tcase_add_test(tc, test_language_filter_and_cues);
  tcase_add_test(tc, test_subject_focus_option);
  tcase_add_test(tc, test_many_rules_one_match_each);
  tcase_add_test(tc, test_free_null);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_rules_suite)
