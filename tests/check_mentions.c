/* check_mentions.c - gazetteers and mentions (src/extract/gazetteer.c, mentions.c). The
 * gazetteer here is a small invented one, written to a temporary data directory; the
 * lexicons are the project's own. */
#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "check_tap.h"
#include "extract/mention.h"
#include "extract/mention_int.h"
#include <dirent.h>

static char dir[256];
static KgmGazetteer *gaz;
static char last_msg[512];

static void capture(void *u, const KgDiag *d) {
  (void)u;
  snprintf(last_msg, sizeof last_msg, "%s", d->message);
}

static const char *src_data(void) {
  const char *e = getenv("KGBUILD_DATA_DIR");
  return e && *e ? e : KG_SRCDATADIR;
}

static void write_file(const char *path, const char *text) {
  FILE *f = fopen(path, "w");
  ck_assert_ptr_nonnull(f);
  fputs(text, f);
  ck_assert_int_eq(fclose(f), 0);
}

static void copy_file(const char *from, const char *to) {
  FILE *in = fopen(from, "rb");
  ck_assert_msg(in != NULL, "cannot open %s", from);
  FILE *out = fopen(to, "wb");
  ck_assert_ptr_nonnull(out);
  char buf[8192];
  size_t n;
  while ((n = fread(buf, 1, sizeof buf, in)) > 0)
    ck_assert_uint_eq(fwrite(buf, 1, n, out), n);
  fclose(in);
  ck_assert_int_eq(fclose(out), 0);
}

static void path_in(char *out, size_t n, const char *rel) { snprintf(out, n, "%s/%s", dir, rel); }

static void make_data_dir(void) {
  snprintf(dir, sizeof dir, "/tmp/kg-mentions-XXXXXX");
  ck_assert_ptr_nonnull(mkdtemp(dir));
  char p[512], q[512];
  path_in(p, sizeof p, "gazetteer");
  ck_assert_int_eq(mkdir(p, 0700), 0);
  path_in(p, sizeof p, "lexicon");
  ck_assert_int_eq(mkdir(p, 0700), 0);
  for (int k = 0; k < 4; k++) {
    const char *l = k % 2 ? "fr" : "en", *f = k < 2 ? "mentions" : "words";
    snprintf(q, sizeof q, "%s/lexicon/%s-%s.tsv", src_data(), l, f);
    snprintf(p, sizeof p, "%s/lexicon/%s-%s.tsv", dir, l, f);
    copy_file(q, p);
  }
  path_in(p, sizeof p, "gazetteer/organizations.tsv");
  write_file(p, "# kgbuild-gazetteer: organizations\n"
                "# name\tclass\tcountry\tqid\taliases\n"
                "Zorbex\tCompany\tUnited States\tQ999001\tZorbex Inc.|Zorbex Corporation\n"
                "Trelmo\tCompany\tJapan\t\tTrelmo Motor\n"
                "Pomelo\tCompany\tFrance\t\t\n"
                "Vantor Ventures\tInvestmentFirm\tUnited States\t\t\n"
                "Dailyx\tNewsOrganization\tUnited States\t\t\n"
                "Nuvra Inc.\tCompany\tUnited States\t\tKelvo Inc.\n");
  path_in(p, sizeof p, "gazetteer/places.tsv");
  write_file(p, "# kgbuild-gazetteer: places\n"
                "United States\tcountry\t\tQ30\tU.S.|États-Unis\tAmerican|américain|américaine\n"
                "Japan\tcountry\t\tQ17\tJapon\tJapanese|japonais|japonaise\n"
                "France\tcountry\t\tQ142\t\tFrench|français|française\n"
                "California\tstate\tUnited States\tQ99\tCalifornie\tCalifornian|californien|"
                "californienne\n"
                "Lyon\tcity\tFrance\t\t\tlyonnais\n"
                "Rhône\tregion\tFrance\t\t\t\n"
                "San Tomaro\tcity\tUnited States\t\t\t\n");
  path_in(p, sizeof p, "gazetteer/firstnames.tsv");
  write_file(p, "# kgbuild-gazetteer: firstnames\nJean\tfr\nMarta\ten\nClaude\tany\n"
                "Jean-Yves\tfr\n");
  path_in(p, sizeof p, "gazetteer/products.tsv");
  write_file(p, "# kgbuild-gazetteer: products\nZeta\tZorbex\t\tZeta Cloud\n");
  path_in(p, sizeof p, "gazetteer/people.tsv");
  write_file(p, "# kgbuild-gazetteer: people\nOrla Penhallow\t\tO. Penhallow\n");
}

static void rm_data_dir(void) {
  static const char *const files[] = {
      "gazetteer/organizations.tsv", "gazetteer/places.tsv", "gazetteer/firstnames.tsv",
      "gazetteer/products.tsv",      "gazetteer/people.tsv", "lexicon/en-mentions.tsv",
      "lexicon/fr-mentions.tsv",     "lexicon/en-words.tsv",  "lexicon/fr-words.tsv", "user.tsv",            "bad.tsv",
      "lex.tsv",                     "rules.txt",           "gazetteer",
      "lexicon"};
  char p[512];
  for (size_t k = 0; k < sizeof files / sizeof *files; k++) {
    path_in(p, sizeof p, files[k]);
    if (unlink(p) != 0)
      rmdir(p);
  }
  rmdir(dir);
}

static void setup(void) {
  make_data_dir();
  KgLog log = {capture, NULL};
  ck_assert_int_eq(kgm_gazetteer_load(dir, NULL, 0, &log, &gaz), KG_SUCCESS);
}

static void teardown(void) {
  kgm_gazetteer_free(gaz);
  gaz = NULL;
  rm_data_dir();
}

/* ------------------------------------------------------------------ helpers */

static KgtDoc *cur_doc;
static KgmMentions cur;

static void find(const char *text, const char *lang) {
  kgm_mentions_clear(&cur);
  kgt_doc_free(cur_doc);
  ck_assert_int_eq(kgt_doc_new_lex(text, strlen(text), lang, kgm_gazetteer_lexicon(gaz), &cur_doc),
                   KG_SUCCESS);
  ck_assert_int_eq(kgm_find_mentions(gaz, cur_doc, &cur), KG_SUCCESS);
}

static void done(void) {
  kgm_mentions_clear(&cur);
  kgt_doc_free(cur_doc);
  cur_doc = NULL;
}

/* The @p nth mention (0-based) whose surface is @p surface, or NULL. */
static const KgmMention *nth(const char *surface, int nth_) {
  for (size_t k = 0; k < cur.n; k++)
    if (strcmp(cur.items[k].surface, surface) == 0 && nth_-- == 0)
      return &cur.items[k];
  return NULL;
}

static const KgmMention *get(const char *surface) {
  const KgmMention *m = nth(surface, 0);
  if (!m) {
    char all[2048] = "";
    for (size_t k = 0; k < cur.n; k++) {
      strncat(all, cur.items[k].surface, sizeof all - strlen(all) - 3);
      strncat(all, " | ", sizeof all - strlen(all) - 1);
    }
    ck_abort_msg("no mention '%s'; mentions: %s", surface, all);
  }
  return m;
}

static int count_flag(unsigned flag) {
  int n = 0;
  for (size_t k = 0; k < cur.n; k++)
    n += (cur.items[k].flags & flag) != 0;
  return n;
}

/* -------------------------------------------- names in context (round 2) */

START_TEST(test_based_towns_and_surnames) {
  /* a known place of two words inside "-based"; the noun after it is an anaphor */
  find("Zorbex said on Monday that the San Tomaro-based company would hire.", "en");
  ck_assert_str_eq(get("San Tomaro-based")->name, "San Tomaro");
  ck_assert_int_eq(get("San Tomaro-based")->cls, KG_CLASS_PLACE);
  ck_assert_str_eq(get("company")->name, "Zorbex");
  ck_assert(get("company")->flags & KGM_F_ANAPHOR);
  /* "for the X-based maker of ...": a new party, no anaphor */
  find("Zorbex paid cash for the San Tomaro-based maker of chips.", "en");
  ck_assert_ptr_null(nth("maker", 0));
  /* "Town, Region": an unknown town before a known place */
  find("Zorbex runs plants in Quellby, California, and in Lyon.", "en");
  ck_assert_int_eq(get("Quellby")->cls, KG_CLASS_PLACE);
  find("Zorbex signed a lease with Quellby, which owns the site.", "en");
  ck_assert_int_ne(get("Quellby")->cls, KG_CLASS_PLACE);
  /* the surname of a known person alone */
  find("Orla Penhallow joined Zorbex in May. Penhallow said sales rose.", "en");
  ck_assert_int_eq(get("Penhallow")->cls, KG_CLASS_PERSON);
  ck_assert_str_eq(get("Penhallow")->name, "Orla Penhallow");
  done();
}
END_TEST

START_TEST(test_phrases_that_are_no_names) {
  /* a phrase of the lexicon's notname entries names nothing, none of its words either */
  find("Shares of Zorbex rose 2% on Wall Street on Tuesday.", "en");
  ck_assert_ptr_null(nth("Wall Street", 0));
  ck_assert_ptr_null(nth("Wall", 0));
  ck_assert_ptr_null(nth("Street", 0));
  ck_assert_int_eq(get("Zorbex")->cls, KG_CLASS_COMPANY);
  find("Le titre Zorbex a reculé de 2 % lundi à Wall Street.", "fr");
  ck_assert_ptr_null(nth("Wall Street", 0));
  ck_assert_ptr_null(nth("Street", 0));
  done();
}
END_TEST

START_TEST(test_french_institution_names) {
  /* French capitalises only the first word of an institution's name: the name runs on
   * through its adjectives and complements, and the head word alone names nothing */
  find("Claire Vannier, présidente de l'Agence régionale de santé d'Île-de-France, a parlé.",
       "fr");
  ck_assert_int_eq(get("Agence régionale de santé d'Île-de-France")->cls,
                   KG_CLASS_GOVERNMENT_BODY);
  ck_assert_ptr_null(nth("Île-de-France", 0));
  find("Le constructeur Velmora a choisi le Conseil de surveillance de Brantol SA.", "fr");
  ck_assert_ptr_nonnull(get("Conseil de surveillance"));
  ck_assert_int_eq(get("Brantol SA")->cls, KG_CLASS_COMPANY);
  find("Après le vote, le Conseil a tranché et la Police a enquêté au Salon de Genève.", "fr");
  ck_assert_ptr_null(nth("Conseil", 0));
  ck_assert_ptr_null(nth("Police", 0));
  ck_assert_ptr_null(nth("Salon", 0));
  ck_assert_ptr_null(nth("Salon de Genève", 0));
  /* at a sentence start the capital is the sentence's */
  find("Société de droit néerlandais, Velmora est cotée à Paris.", "fr");
  ck_assert_ptr_null(nth("Société de droit néerlandais", 0));
  done();
}
END_TEST

START_TEST(test_people_shared_surname_and_lists) {
  find("Zorbex was founded by siblings Marta and Claude Ferrandi.", "en");
  ck_assert_int_eq(get("Marta")->cls, KG_CLASS_PERSON);
  ck_assert_str_eq(get("Marta")->name, "Marta Ferrandi");
  ck_assert_str_eq(get("Claude Ferrandi")->name, "Claude Ferrandi");
  /* an unknown name of two words listed between people is a person */
  find("Zorbex was set up by Marta Ferrandi, Tovik Brannagh and Claude Ferrandi.", "en");
  ck_assert_int_eq(get("Tovik Brannagh")->cls, KG_CLASS_PERSON);
  /* but not one listed among companies */
  find("Zorbex competes with Pomelo, Quarvo Dynamics and Trelmo.", "en");
  ck_assert_int_ne(get("Quarvo Dynamics")->cls, KG_CLASS_PERSON);
  done();
}
END_TEST

START_TEST(test_states_and_clause_pronouns) {
  find("L'État français détient 15 % de Pomelo et le gouvernement japonais 5 %.", "fr");
  ck_assert_int_eq(get("État français")->cls, KG_CLASS_GOVERNMENT_BODY);
  ck_assert_int_eq(get("gouvernement japonais")->cls, KG_CLASS_GOVERNMENT_BODY);
  find("Selon Pomelo, l'État a validé l'offre.", "fr");
  ck_assert_int_eq(get("État")->cls, KG_CLASS_GOVERNMENT_BODY);
  /* "dont il": the subject of the sentence, not the name the clause hangs on */
  find("Pomelo a pris le contrôle de Quarvo, dont il détient désormais 80 % du capital.", "fr");
  ck_assert_str_eq(get("il")->name, "Pomelo");
  /* a word that starts a sentence is a name when it was one elsewhere */
  find("Pomelo a acquis 4 % du capital de Varnel. Varnel a refusé de commenter.", "fr");
  ck_assert_ptr_nonnull(nth("Varnel", 1));
  find("Pomelo a publié ses comptes. Revenue a progressé.", "fr");
  ck_assert_ptr_null(nth("Revenue", 0));
  done();
}
END_TEST

/* -------------------------------------------------------------- gazetteer */

START_TEST(test_load_counts_and_lookup) {
  size_t n[5];
  kgm_gazetteer_counts(gaz, n);
  ck_assert_uint_eq(n[0], 6);
  ck_assert_uint_eq(n[1], 7);
  ck_assert_uint_eq(n[2], 4);
  ck_assert_uint_eq(n[3], 1);
  ck_assert_uint_eq(n[4], 1);
  KgClass cls;
  const char *qid = NULL;
  ck_assert_str_eq(kgm_gazetteer_org_canonical(gaz, "Zorbex Corporation", &cls, &qid), "Zorbex");
  ck_assert_int_eq(cls, KG_CLASS_COMPANY);
  ck_assert_str_eq(qid, "Q999001");
  ck_assert_str_eq(kgm_gazetteer_org_canonical(gaz, "Vantor Ventures Ltd", &cls, NULL),
                   "Vantor Ventures");
  ck_assert_int_eq(cls, KG_CLASS_INVESTMENT_FIRM);
  ck_assert_ptr_null(kgm_gazetteer_org_canonical(gaz, "Lyon", &cls, NULL));
  ck_assert_ptr_nonnull(kgm_gazetteer_lexicon(gaz));
  kgm_gazetteer_free(NULL);
}
END_TEST

/* The prepared file: what a later run maps is what the text files made, entry for entry
 * and slot for slot; a damaged file is read from text again; a user lexicon still adds. */
static void rm_cache(const char *cdir) {
  DIR *d = opendir(cdir);
  if (!d)
    return;
  struct dirent *de;
  char p[700];
  while ((de = readdir(d)) != NULL)
    if (de->d_name[0] != '.') {
      snprintf(p, sizeof p, "%s/%s", cdir, de->d_name);
      unlink(p);
    }
  closedir(d);
  rmdir(cdir);
}

static int cache_file(const char *cdir, char *out, size_t n) {
  DIR *d = opendir(cdir);
  int found = 0;
  struct dirent *de;
  while (d && (de = readdir(d)) != NULL)
    if (strstr(de->d_name, ".kgp") && strlen(de->d_name) == 25) {
      snprintf(out, n, "%s/%s", cdir, de->d_name);
      found++;
    }
  if (d)
    closedir(d);
  return found;
}

static void same_gazetteer(const KgmGazetteer *a, const KgmGazetteer *b) {
  ck_assert_uint_eq(a->n, b->n);
  ck_assert_uint_eq(a->nforms, b->nforms);
  for (size_t k = 0; k < a->n; k++) {
    const KgmEntry *x = &a->entries[k], *y = &b->entries[k];
    ck_assert_str_eq(x->name, y->name);
    ck_assert_int_eq(kgi_strcmp0(x->qid, y->qid), 0);
    ck_assert_int_eq(kgi_strcmp0(x->country, y->country), 0);
    ck_assert_int_eq(kgi_strcmp0(x->extra, y->extra), 0);
    ck_assert_int_eq(x->cls, y->cls);
    ck_assert_int_eq(x->type, y->type);
  }
  for (size_t k = 0; k < a->nforms; k++) {
    ck_assert_uint_eq(a->forms[k].entry, b->forms[k].entry);
    ck_assert_str_eq(a->forms[k].form, b->forms[k].form);
    ck_assert_int_eq(memcmp(&a->forms[k].sig, &b->forms[k].sig, sizeof a->forms[k].sig), 0);
  }
  ck_assert_uint_eq(a->ix.cap, b->ix.cap);
  ck_assert_int_eq(memcmp(a->ix.slots, b->ix.slots, a->ix.cap * sizeof *a->ix.slots), 0);
  ck_assert_uint_eq(a->ix.nitems, b->ix.nitems);
  ck_assert_int_eq(memcmp(a->ix.items, b->ix.items, a->ix.nitems * sizeof *a->ix.items), 0);
  ck_assert_int_eq(memcmp(a->ix.keys, b->ix.keys, a->ix.keys_len), 0);
  for (int t = 0; t < KGM_G__COUNT; t++)
    ck_assert_uint_eq(a->counts[t], b->counts[t]);
}

static size_t mentions_of(const KgmGazetteer *g, const char *t, KgmMentions *m) {
  KgtDoc *d;
  ck_assert_int_eq(kgt_doc_new_lex(t, strlen(t), "en", kgm_gazetteer_lexicon(g), &d), KG_SUCCESS);
  ck_assert_int_eq(kgm_find_mentions(g, d, m), KG_SUCCESS);
  kgt_doc_free(d);
  return m->n;
}

START_TEST(test_prepared_file) {
  char cdir[400], kgp[700];
  snprintf(cdir, sizeof cdir, "%s/cache", dir);
  setenv("KGBUILD_CACHE_DIR", cdir, 1);
  KgLog log = {capture, NULL};
  KgmGazetteer *g1 = NULL, *g2 = NULL;
  ck_assert_int_eq(kgm_gazetteer_load_cached(dir, &log, &g1), KG_SUCCESS);
  ck_assert_ptr_null(g1->map.base); /* read from text, and written */
  ck_assert_int_eq(cache_file(cdir, kgp, sizeof kgp), 1);
  ck_assert_int_eq(kgm_gazetteer_load_cached(dir, &log, &g2), KG_SUCCESS);
  ck_assert_ptr_nonnull(g2->map.base); /* mapped */
  same_gazetteer(gaz, g1);
  same_gazetteer(gaz, g2);
  const char *t = "Vantor Ventures and the startup Quillon met in Lyon, said Mr. Dalby of Acme Corp.";
  KgmMentions m1, m2;
  ck_assert_uint_eq(mentions_of(g1, t, &m1), mentions_of(g2, t, &m2));
  ck_assert_uint_gt(m1.n, 2);
  for (size_t k = 0; k < m1.n; k++) {
    ck_assert_str_eq(m1.items[k].name, m2.items[k].name);
    ck_assert_int_eq(m1.items[k].cls, m2.items[k].cls);
    ck_assert_uint_eq(m1.items[k].tok_start, m2.items[k].tok_start);
  }
  kgm_mentions_clear(&m1);
  kgm_mentions_clear(&m2);
  kgm_gazetteer_free(g2);
  g2 = NULL;

  /* a user mentions lexicon on a mapped gazetteer: the shipped lexicon is read again */
  char lex[512];
  path_in(lex, sizeof lex, "lex.tsv");
  write_file(lex, "# kgbuild-lexicon: mentions en\ndescriptor\tspaceline\tCompany\tnext\n");
  const char *lexs[] = {lex};
  ck_assert_int_eq(kgm_gazetteer_load_cached(dir, &log, &g2), KG_SUCCESS);
  ck_assert_int_eq(kgm_gazetteer_add_lexicons(g2, lexs, 1, &log), KG_SUCCESS);
  KgmMentions m;
  ck_assert_uint_eq(mentions_of(g2, "They met the spaceline Ostrava and Acme Corp. today.", &m), 2);
  ck_assert_str_eq(m.items[0].name, "Ostrava");
  ck_assert_int_eq(m.items[0].cls, KG_CLASS_COMPANY);
  ck_assert_str_eq(m.items[1].name, "Acme");
  kgm_mentions_clear(&m);
  kgm_gazetteer_free(g2);
  g2 = NULL;

  /* one bit changed, or the file cut short: read from text again, and written anew */
  for (int damage = 0; damage < 2; damage++) {
    FILE *f = fopen(kgp, "r+b");
    ck_assert_ptr_nonnull(f);
    struct stat sb;
    ck_assert_int_eq(fstat(fileno(f), &sb), 0);
    if (damage == 0) {
      ck_assert_int_eq(fseek(f, sb.st_size / 3, SEEK_SET), 0);
      int c = fgetc(f);
      ck_assert_int_eq(fseek(f, sb.st_size / 3, SEEK_SET), 0);
      fputc(c ^ 0x04, f);
    } else {
      ck_assert_int_eq(ftruncate(fileno(f), sb.st_size / 2), 0);
    }
    fclose(f);
    ck_assert_int_eq(kgm_gazetteer_load_cached(dir, &log, &g2), KG_SUCCESS);
    ck_assert_ptr_null(g2->map.base);
    same_gazetteer(gaz, g2);
    kgm_gazetteer_free(g2);
    ck_assert_int_eq(kgm_gazetteer_load_cached(dir, &log, &g2), KG_SUCCESS);
    ck_assert_ptr_nonnull(g2->map.base);
    kgm_gazetteer_free(g2);
    g2 = NULL;
  }

  /* an edited data file makes another prepared file */
  char org[512];
  path_in(org, sizeof org, "gazetteer/organizations.tsv");
  FILE *f = fopen(org, "a");
  ck_assert_ptr_nonnull(f);
  fputs("Zentrova\tCompany\tGermany\n", f);
  fclose(f);
  ck_assert_int_eq(kgm_gazetteer_load_cached(dir, &log, &g2), KG_SUCCESS);
  ck_assert_ptr_null(g2->map.base);
  ck_assert_str_eq(kgm_gazetteer_org_canonical(g2, "Zentrova", NULL, NULL), "Zentrova");
  ck_assert_int_eq(cache_file(cdir, kgp, sizeof kgp), 2);
  kgm_gazetteer_free(g2);

  /* no cache folder: the text files, every time */
  setenv("KGBUILD_CACHE_DIR", "off", 1);
  ck_assert_int_eq(kgm_gazetteer_load_cached(dir, &log, &g2), KG_SUCCESS);
  ck_assert_ptr_null(g2->map.base);
  kgm_gazetteer_free(g2);
  kgm_gazetteer_free(g1);
  unsetenv("KGBUILD_CACHE_DIR");
  unlink(lex);
  rm_cache(cdir);
}
END_TEST

START_TEST(test_user_files_and_errors) {
  char user[512], bad[512], lex[512], rules[512];
  path_in(user, sizeof user, "user.tsv");
  write_file(user, "# kgbuild-gazetteer: organizations\nQuorvane\tCompany\tFrance\t\tQRV\n");
  path_in(lex, sizeof lex, "lex.tsv");
  write_file(lex, "# kgbuild-lexicon: mentions en\ndescriptor\tspaceline\tCompany\tnext\n");
  KgLog log = {capture, NULL};
  KgmGazetteer *g = NULL;
  const char *extra[] = {user, lex};
  ck_assert_int_eq(kgm_gazetteer_load(dir, extra, 2, &log, &g), KG_SUCCESS);
  ck_assert_str_eq(kgm_gazetteer_org_canonical(g, "QRV", NULL, NULL), "Quorvane");
  /* the user lexicon works: "spaceline X" names a company */
  KgtDoc *d;
  const char *t = "They met the spaceline Ostrava today.";
  ck_assert_int_eq(kgt_doc_new_lex(t, strlen(t), "en", kgm_gazetteer_lexicon(g), &d), KG_SUCCESS);
  KgmMentions m;
  ck_assert_int_eq(kgm_find_mentions(g, d, &m), KG_SUCCESS);
  ck_assert_uint_eq(m.n, 1);
  ck_assert_str_eq(m.items[0].name, "Ostrava");
  ck_assert_int_eq(m.items[0].cls, KG_CLASS_COMPANY);
  kgm_mentions_clear(&m);
  kgt_doc_free(d);
  kgm_gazetteer_free(g);

  /* a malformed line: the error names the file and the line */
  path_in(bad, sizeof bad, "bad.tsv");
  write_file(bad, "# kgbuild-gazetteer: organizations\n# fine\nGoodco\tCompany\nBadco\tCompnay\n");
  const char *b1[] = {bad};
  last_msg[0] = '\0';
  g = NULL;
  ck_assert_int_eq(kgm_gazetteer_load(dir, b1, 1, &log, &g), KG_ERR_PARSE);
  ck_assert_ptr_null(g);
  char want[600];
  snprintf(want, sizeof want, "%s:4:", bad);
  ck_assert_msg(strstr(last_msg, want) != NULL, "message: %s", last_msg);
  /* no header: which kind of list is it? */
  write_file(bad, "Badco\tCompany\n");
  ck_assert_int_eq(kgm_gazetteer_load(dir, b1, 1, &log, &g), KG_ERR_PARSE);
  snprintf(want, sizeof want, "%s:1:", bad);
  ck_assert_msg(strstr(last_msg, want) != NULL, "message: %s", last_msg);
  /* a missing file */
  const char *missing[] = {"/nonexistent/kg-gazetteer.tsv"};
  ck_assert_int_eq(kgm_gazetteer_load(dir, missing, 1, &log, &g), KG_ERR_NOT_FOUND);
  ck_assert_ptr_nonnull(strstr(last_msg, "/nonexistent/kg-gazetteer.tsv"));

  /* the extractor's --lexicon list: rule files are left to the rule loader */
  path_in(rules, sizeof rules, "rules.txt");
  write_file(rules, "# kgbuild-rules: fr\nwhatever\n");
  ck_assert_int_eq(kgm_gazetteer_load(dir, NULL, 0, &log, &g), KG_SUCCESS);
  const char *lexs[] = {rules, lex};
  ck_assert_int_eq(kgm_gazetteer_add_lexicons(g, lexs, 2, &log), KG_SUCCESS);
  kgm_gazetteer_free(g);
}
END_TEST

/* ---------------------------------------------------------------- mentions */

START_TEST(test_gazetteer_case_and_suffix) {
  find("Zorbex Inc. signed. Le pomelo est un fruit. Pomelo a signé avec Zorbex Corp.", "fr");
  const KgmMention *m = get("Zorbex Inc.");
  ck_assert_str_eq(m->name, "Zorbex");
  ck_assert_int_eq(m->cls, KG_CLASS_COMPANY);
  ck_assert_str_eq(m->qid, "Q999001");
  ck_assert_str_eq(m->country, "United States");
  ck_assert(m->flags & KGM_F_GAZETTEER);
  ck_assert_ptr_null(nth("pomelo", 0));
  ck_assert_str_eq(get("Pomelo")->name, "Pomelo");
  ck_assert_str_eq(get("Zorbex Corp.")->name, "Zorbex");
  find("TRELMO TO BUY ZORBEX STAKE\n\nTrelmo Motor said it agreed.", "en");
  ck_assert_str_eq(get("TRELMO")->name, "Trelmo");
  ck_assert_str_eq(get("ZORBEX")->name, "Zorbex");
  ck_assert_str_eq(get("Trelmo Motor")->name, "Trelmo");
  done();
}
END_TEST

START_TEST(test_legal_suffixes_and_name_words) {
  find("Les analystes suivent Quorvane SA depuis 2019, avec Brintell Holdings et Velomax "
       "Capital.",
       "fr");
  const KgmMention *m = get("Quorvane SA");
  ck_assert_str_eq(m->name, "Quorvane");
  ck_assert_int_eq(m->cls, KG_CLASS_COMPANY);
  ck_assert(!(m->flags & (KGM_F_GAZETTEER | KGM_F_GUESS)));
  ck_assert_str_eq(get("Brintell Holdings")->name, "Brintell Holdings");
  ck_assert_int_eq(get("Velomax Capital")->cls, KG_CLASS_INVESTMENT_FIRM);
  /* "sa" is a possessive, not a legal suffix */
  find("Quorvane et sa filiale.", "fr");
  ck_assert_ptr_null(nth("Quorvane sa", 0));
  /* a known name and a name word make another organization */
  find("Les investisseurs sont Trelmo et Pomelo Holding.", "fr");
  ck_assert_str_eq(get("Pomelo Holding")->name, "Pomelo Holding");
  ck_assert_int_eq(get("Pomelo Holding")->cls, KG_CLASS_COMPANY);
  ck_assert_ptr_null(nth("Pomelo", 0));
  /* wire copy: "Robinson-Humphrey Co Inc" */
  find("underwriters led by Grisby-Holt Co Inc and Interstate Lumen Corp.", "en");
  ck_assert_str_eq(get("Grisby-Holt Co Inc")->name, "Grisby-Holt");
  ck_assert_str_eq(get("Interstate Lumen Corp.")->name, "Interstate Lumen");
  done();
}
END_TEST

START_TEST(test_descriptors) {
  find("La start-up Plivexa a levé des fonds auprès du fonds Corvane. Le constructeur "
       "automobile japonais Kessura recrute.",
       "fr");
  const KgmMention *m = get("Plivexa");
  ck_assert_int_eq(m->cls, KG_CLASS_COMPANY);
  ck_assert_uint_lt(m->desc_start, m->desc_end);
  ck_assert_int_eq(get("Corvane")->cls, KG_CLASS_INVESTMENT_FIRM);
  m = get("Kessura");
  ck_assert_int_eq(m->cls, KG_CLASS_COMPANY);
  ck_assert(!(m->flags & KGM_F_GUESS));
  /* the descriptor's tokens run from "constructeur" to the name */
  ck_assert_str_eq(kgt_doc_token(cur_doc, m->desc_start)->fold, "constructeur");
  ck_assert_str_eq(get("japonais")->name, "Japan");
  find("The deal was backed by the startup Kavonu and rival Melvyre.", "en");
  ck_assert_int_eq(get("Kavonu")->cls, KG_CLASS_COMPANY);
  ck_assert_int_eq(get("Melvyre")->cls, KG_CLASS_COMPANY);
  ck_assert(!(get("Kavonu")->flags & KGM_F_GUESS));
  /* "la Maison Blanche": a capitalised word is no descriptor */
  find("Il a rencontré la Maison Sorbelle hier.", "fr");
  ck_assert_ptr_null(nth("Sorbelle", 0));
  done();
}
END_TEST

START_TEST(test_capitalised_guesses_and_negatives) {
  find("The deal with Zantrix Aeronautics was signed on Friday. However, shares fell.", "en");
  const KgmMention *m = get("Zantrix Aeronautics");
  ck_assert_int_eq(m->cls, KG_CLASS_ORGANIZATION);
  ck_assert(m->flags & KGM_F_GUESS);
  ck_assert_ptr_null(nth("The", 0));
  ck_assert_ptr_null(nth("Friday", 0));
  ck_assert_ptr_null(nth("However", 0));
  ck_assert_uint_eq(cur.n, 1);
  find("Selon les analystes, Les marchés ont baissé. Mais Dans la journée, Cependant rien.",
       "fr");
  ck_assert_uint_eq(cur.n, 0);
  /* a single capitalised word opening a sentence is no name by itself */
  find("Profits rose. Revenue fell.", "en");
  ck_assert_uint_eq(cur.n, 0);
  /* a headline in capitals gives no guesses */
  find("STRONG DEMAND LIFTS SHARES OF MINERS\n\nShares rose.", "en");
  ck_assert_uint_eq(cur.n, 0);
  /* wire copy marks companies between angle brackets */
  find("<Harrow Lindqvist Savings> said it sold shares.", "en");
  ck_assert_str_eq(get("Harrow Lindqvist Savings")->name, "Harrow Lindqvist Savings");
  done();
}
END_TEST

START_TEST(test_people) {
  find("Jean Vortelle a rejoint le groupe. M. Dravik a déclaré que Luc de Mervale partait.",
       "fr");
  ck_assert_int_eq(get("Jean Vortelle")->cls, KG_CLASS_PERSON);
  ck_assert_int_eq(get("Dravik")->cls, KG_CLASS_PERSON);
  find("Le ministre, Jean-Yves Le Kervran, a parlé à Claude Ostrel.", "fr");
  ck_assert_int_eq(get("Jean-Yves Le Kervran")->cls, KG_CLASS_PERSON);
  ck_assert_int_eq(get("Claude Ostrel")->cls, KG_CLASS_PERSON);
  find("Acme hired chief executive Amara Quillon. Orwin Blatt, chief executive of Zorbex, "
       "said profits rose. Blatt added that Orla Penhallow agreed. Marta Selk spoke.",
       "en");
  ck_assert_int_eq(get("Amara Quillon")->cls, KG_CLASS_PERSON);
  ck_assert_int_eq(get("Orwin Blatt")->cls, KG_CLASS_PERSON);
  const KgmMention *m = get("Blatt");
  ck_assert_int_eq(m->cls, KG_CLASS_PERSON);
  ck_assert_str_eq(m->name, "Orwin Blatt");
  ck_assert(get("Orla Penhallow")->flags & KGM_F_GAZETTEER);
  ck_assert_int_eq(get("Marta Selk")->cls, KG_CLASS_PERSON);
  done();
}
END_TEST

START_TEST(test_places_and_demonyms) {
  find("OpenLoop, firme californienne basée à Lyon, travaille avec Zorbex.", "fr");
  const KgmMention *m = get("californienne");
  ck_assert_int_eq(m->cls, KG_CLASS_PLACE);
  ck_assert(m->flags & KGM_F_DEMONYM);
  ck_assert_str_eq(m->name, "California");
  ck_assert_str_eq(m->country, "United States");
  ck_assert_str_eq(get("Lyon")->country, "France");
  /* the apposition describes the name before it */
  m = get("OpenLoop");
  ck_assert_str_eq(kgt_doc_token(cur_doc, m->desc_start)->fold, "firme");
  ck_assert_str_eq(kgt_doc_token(cur_doc, m->desc_end - 1)->fold, "californienne");
  find("the California-based group and the Japanese carmaker Kessura", "en");
  ck_assert_str_eq(get("California-based")->name, "California");
  ck_assert_str_eq(get("Japanese")->name, "Japan");
  done();
}
END_TEST

START_TEST(test_products) {
  find("Zorbex a connu le succès avec son chatbot Quibble. Les développeurs utilisent "
       "Zeta, Omnix et Pralina au quotidien.",
       "fr");
  ck_assert_int_eq(get("Quibble")->cls, KG_CLASS_PRODUCT);
  ck_assert(get("Zeta")->flags & KGM_F_GAZETTEER);
  ck_assert_int_eq(get("Omnix")->cls, KG_CLASS_PRODUCT);
  ck_assert_int_eq(get("Pralina")->cls, KG_CLASS_PRODUCT);
  find("Zorbex launched its Quibble chatbot on the Zeta Cloud platform. It is the publisher "
       "of Castle of Doom, Star Quest and Mega Blast.",
       "en");
  ck_assert_int_eq(get("Quibble")->cls, KG_CLASS_PRODUCT);
  ck_assert_str_eq(get("Zeta Cloud")->name, "Zeta");
  ck_assert_int_eq(get("Castle of Doom")->cls, KG_CLASS_PRODUCT);
  ck_assert_int_eq(get("Star Quest")->cls, KG_CLASS_PRODUCT);
  ck_assert_int_eq(get("Mega Blast")->cls, KG_CLASS_PRODUCT);
  /* "le service X Y": the whole name after the cue, known parts included */
  find("Les clients passent par le service Zeta Zorbex depuis mars.", "fr");
  ck_assert_int_eq(get("Zeta Zorbex")->cls, KG_CLASS_PRODUCT);
  ck_assert_ptr_null(nth("Zorbex", 0));
  done();
}
END_TEST

START_TEST(test_nonprofit_and_capped_profit) {
  find("Zorbex reste une société à but lucratif plafonné et est régie par l'organisation à "
       "but non lucratif Zorbex. Trelmo détient 49 % et la société mère à but non lucratif "
       "de Zorbex détient 2 %.",
       "fr");
  const KgmMention *a = nth("Zorbex", 0), *b = nth("Zorbex", 1), *c = nth("Zorbex", 2);
  ck_assert_ptr_nonnull(a);
  ck_assert_ptr_nonnull(b);
  ck_assert_ptr_nonnull(c);
  ck_assert_int_eq(a->cls, KG_CLASS_COMPANY);
  ck_assert_ptr_null(a->qualifier);
  ck_assert_int_eq(b->cls, KG_CLASS_NONPROFIT);
  ck_assert_str_eq(b->qualifier, "nonprofit");
  ck_assert_str_eq(b->legal_form, "nonprofit");
  ck_assert_str_eq(b->name, "Zorbex");
  ck_assert_int_eq(c->cls, KG_CLASS_NONPROFIT);
  ck_assert_str_eq(c->qualifier, "nonprofit");
  /* "la société" is here part of a descriptor, no anaphor */
  ck_assert_ptr_null(nth("la société", 0));
  /* the capped-profit phrase is in the lexicon for the rules */
  const KgtLexEntry *e;
  ck_assert_uint_eq(kgt_lexicon_match(kgm_gazetteer_lexicon(gaz), cur_doc, a->tok_end + 3,
                                      KGT_LEX_BIT(KGT_LEX_LEGAL_FORM), &e),
                    4);
  ck_assert_str_eq(e->value, "capped-profit");
  find("Zorbex's nonprofit parent owns 2%. The nonprofit Fenwold Trust backs it.", "en");
  ck_assert_str_eq(get("Zorbex")->qualifier, "nonprofit");
  ck_assert_int_eq(get("Fenwold Trust")->cls, KG_CLASS_NONPROFIT);
  done();
}
END_TEST

START_TEST(test_anaphora) {
  find("Trelmo investit dans Zorbex, valorisant l'entreprise 3 milliards. Zorbex annonce un "
       "partenariat. L'entreprise recrute.",
       "fr");
  const KgmMention *m = get("l'entreprise");
  ck_assert(m->flags & KGM_F_ANAPHOR);
  ck_assert_str_eq(m->name, "Zorbex");
  ck_assert_str_eq(get("L'entreprise")->name, "Zorbex");
  find("Zorbex bought a stake in Dailyx. The company said it would grow. Its shares rose.",
       "en");
  ck_assert_str_eq(get("The company")->name, "Zorbex");
  ck_assert_str_eq(get("it")->name, "Zorbex");
  /* "it" as an expletive is left alone */
  find("Zorbex grew. It is likely that prices rise.", "en");
  ck_assert_int_eq(count_flag(KGM_F_ANAPHOR), 0);
  /* no organization before: nothing to refer to */
  find("La société a été fondée en 2015.", "fr");
  ck_assert_uint_eq(cur.n, 0);
  /* a demonym picks the organization of that country */
  find("Pomelo a signé avec Trelmo. Pomelo est le partenaire du constructeur japonais.", "fr");
  m = get("du constructeur japonais");
  ck_assert_str_eq(m->name, "Trelmo");
  find("Zorbex a racheté Trelmo. Ce dernier emploie 200 personnes.", "fr");
  ck_assert_str_eq(get("Ce dernier")->name, "Trelmo");
  done();
}
END_TEST

START_TEST(test_quotes_and_speakers) {
  find("« Nous avons doublé notre chiffre d'affaires », ajoute Zorbex. Trelmo décline.", "fr");
  const KgmMention *m = get("Nous");
  ck_assert(m->flags & KGM_F_ANAPHOR);
  ck_assert(m->flags & KGM_F_SPEAKER);
  ck_assert(m->flags & KGM_F_QUOTED);
  ck_assert_str_eq(m->name, "Zorbex");
  ck_assert_str_eq(get("notre")->name, "Zorbex");
  ck_assert(!(get("Zorbex")->flags & KGM_F_QUOTED));
  find("Zorbex said: \"We will grow with Trelmo.\" Analysts agreed.", "en");
  ck_assert_str_eq(get("We")->name, "Zorbex");
  ck_assert(get("Trelmo")->flags & KGM_F_QUOTED);
  /* a person's "we" is not resolved */
  find("\"We are ready,\" Jean Vortelle said.", "fr");
  ck_assert_ptr_null(nth("We", 0));
  done();
}
END_TEST

START_TEST(test_sorted_and_cleared) {
  find("Zorbex, Trelmo et Pomelo ont signé avec Dailyx à Lyon.", "fr");
  ck_assert_uint_eq(cur.n, 5);
  for (size_t k = 1; k < cur.n; k++)
    ck_assert_uint_le(cur.items[k - 1].tok_start, cur.items[k].tok_start);
  ck_assert_int_eq(get("Dailyx")->cls, KG_CLASS_NEWS_ORGANIZATION);
  done();
  KgmMentions empty = {NULL, 0, NULL};
  kgm_mentions_clear(&empty);
  kgm_mentions_clear(NULL);
}
END_TEST

/* French pronouns that stand for an organization: the clitic "en" after a person subject
 * (never the name of the person's apposition), a sentence-initial possessive, an
 * inverted speaker; and a quoted coined name ("« nouveau X »") is another organization. */
START_TEST(test_clitic_possessive_and_coined_names) {
  find("La société Pomelo a son siège à Lyon. Paul Quarvin, ancien patron de Varnel, en "
       "devient le directeur général.",
       "fr");
  ck_assert_str_eq(get("en")->name, "Pomelo");
  find("La banque Pomelo a publié ses comptes. Son président, Paul Quarvin, a salué la hausse.",
       "fr");
  ck_assert_str_eq(get("Son")->name, "Pomelo");
  find("La société Pomelo va racheter la société Varnel, a annoncé mardi le groupe de "
       "distribution breton.",
       "fr");
  ck_assert_str_eq(get("le groupe")->name, "Pomelo");
  /* "en" as a preposition stays a word */
  find("La société Pomelo est en hausse depuis que Paul Quarvin est arrivé en mai 2021.", "fr");
  ck_assert_ptr_null(nth("en", 0));
  find("Les activités cédées forment un « nouveau Pomelo ». La société Pomelo garde le reste.",
       "fr");
  ck_assert_str_eq(get("nouveau Pomelo")->name, "nouveau Pomelo");
  ck_assert_ptr_null(nth("Pomelo", 1));
  done();
}
END_TEST

/* « le japonais Harlowe Silver Arrow … Pour Harlowe, » : a name after a demonym used as a
 * noun is an organization's, so its first word alone later is that organization. */
START_TEST(test_short_name_after_demonym_noun) {
  find("Le japonais Harlowe Silver Arrow renonce à racheter Argon. Pour Harlowe, l'échec est "
       "un revers.",
       "fr");
  ck_assert_str_eq(get("Harlowe")->name, "Harlowe Silver Arrow");
  /* without the demonym, three capitalised words may be a product: the word stays itself */
  find("Harlowe Silver Arrow sort en mai. Pour Harlowe, l'échec est un revers.", "fr");
  ck_assert_str_eq(get("Harlowe")->name, "Harlowe");
  done();
}
END_TEST

/* A product portfolio in French lists products, and a capitalised elision glued to the
 * next word ("P'tits") keeps that word in the product's name. */
START_TEST(test_portfolio_and_elided_names) {
  find("Outre le soda Velio, le portefeuille comprend notamment Frizzo, P'tits Glaçons et "
       "Bulle Verte.",
       "fr");
  ck_assert_int_eq(get("Frizzo")->cls, KG_CLASS_PRODUCT);
  ck_assert_int_eq(get("P'tits Glaçons")->cls, KG_CLASS_PRODUCT);
  ck_assert_int_eq(get("Bulle Verte")->cls, KG_CLASS_PRODUCT);
  ck_assert_ptr_null(nth("P", 0));
  /* « le groupe de Lyon (Rhône) »: the city, and the region in brackets, place it */
  find("Pomelo a renoncé à Zorbex. Le groupe de Lyon (Rhône) s'est dit déçu.", "fr");
  const KgmMention *gl = get("Le groupe de Lyon (Rhône)");
  ck_assert_str_eq(gl->name, "Pomelo");
  ck_assert_str_eq(gl->place[0], "Lyon");
  ck_assert_str_eq(gl->place[1], "Rhône");
  /* a capital's dot that ends the sentence is not the name's */
  find("Tarvik exploite 900 magasins, notamment sous l'enseigne Velo K.", "fr");
  ck_assert_str_eq(get("Velo K")->name, "Velo K");
  ck_assert_ptr_null(nth("Velo K.", 0));
  /* "Kelvo Inc." that the gazetteer knows by its newer name: "Denver-based Kelvo" later is
     the same company */
  find("Kelvo Inc. agreed to buy Tarsh Ltd. Denver-based Kelvo was founded in 2009 by Ann Rook.",
       "en");
  ck_assert_str_eq(nth("Kelvo Inc.", 0)->name, "Nuvra Inc.");
  ck_assert_str_eq(get("Kelvo")->name, "Nuvra Inc.");
  /* "Marta C. Zorbex": a middle initial between a first name and a surname that the
     gazetteer knows as a company still makes one person */
  find("Velmar was founded in 1923 by Marta C. Zorbex.", "en");
  ck_assert_int_eq(get("Marta C. Zorbex")->cls, KG_CLASS_PERSON);
  ck_assert_ptr_null(nth("Zorbex", 0));
  /* « & Co. » closes a name in French too: no company « Co » after it */
  find("Tarvik a confié un mandat de vente à Velmar & Co. La banque a reçu trois offres.", "fr");
  ck_assert_ptr_nonnull(nth("Velmar & Co.", 0));
  ck_assert_ptr_null(nth("Co", 0));
  done();
}
END_TEST

static Suite *kg_mentions_suite(void) {
  Suite *s = suite_create("mentions");
  TCase *tc = tcase_create("core");
  tcase_add_checked_fixture(tc, setup, teardown);
  tcase_add_test(tc, test_load_counts_and_lookup);
  tcase_add_test(tc, test_user_files_and_errors);
  tcase_add_test(tc, test_gazetteer_case_and_suffix);
  tcase_add_test(tc, test_legal_suffixes_and_name_words);
  tcase_add_test(tc, test_descriptors);
  tcase_add_test(tc, test_capitalised_guesses_and_negatives);
  tcase_add_test(tc, test_people);
  tcase_add_test(tc, test_places_and_demonyms);
  tcase_add_test(tc, test_products);
  tcase_add_test(tc, test_nonprofit_and_capped_profit);
  tcase_add_test(tc, test_anaphora);
  tcase_add_test(tc, test_quotes_and_speakers);
  tcase_add_test(tc, test_sorted_and_cleared);
  tcase_add_test(tc, test_prepared_file);
  tcase_add_test(tc, test_based_towns_and_surnames);
  tcase_add_test(tc, test_people_shared_surname_and_lists);
  tcase_add_test(tc, test_phrases_that_are_no_names);
  tcase_add_test(tc, test_french_institution_names);
  tcase_add_test(tc, test_states_and_clause_pronouns);
  tcase_add_test(tc, test_clitic_possessive_and_coined_names);
  tcase_add_test(tc, test_portfolio_and_elided_names);
  tcase_add_test(tc, test_short_name_after_demonym_noun);
  suite_add_tcase(s, tc);
  return s;
}

KG_CHECK_MAIN(kg_mentions_suite)
