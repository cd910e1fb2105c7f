/*
 * gazetteer.c - loading the name lists (ontology/gazetteer/KIND.tsv and user files) into
 * one hash index of folded forms, plus the mention lexicons.
 *
 * Loading reads each file once into memory and points the entries into that copy: no
 * allocation per line beyond the index, so the whole gazetteer loads in milliseconds.
 */
#include "config.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <dirent.h>
#include <dlfcn.h>
#include <time.h>
#include <unistd.h>

#include "extract/mention_int.h"
#include "text/text_int.h"
#include "util/util.h"

#define KGM_FILE_MAX_BYTES (256u << 20)

static const char *const kgm_kind_names[KGM_G__COUNT] = {"organizations", "places",
                                                         "firstnames", "products", "people"};

/* The shipped list of kind @p t in @p data_dir. */
static void kgm_kind_path(const char *data_dir, int t, char *path, size_t cap) {
  snprintf(path, cap, "%s/gazetteer/%s.tsv", data_dir, kgm_kind_names[t]);
}

static KgStatus kgm_read_file(const char *path, KgmChunk **out, size_t *len,
                              const KgLog *log) {
  FILE *fp = fopen(path, "rb");
  if (!fp) {
    KgStatus st = errno == ENOENT ? KG_ERR_NOT_FOUND : KG_ERR_IO;
    kgi_log(log, KG_LOG_ERROR, st, path, -1, "%s: cannot open: %s", path, strerror(errno));
    return st;
  }
  /* one allocation of the file's size, one read: this is most of the start-up time */
  long size = -1;
  if (fseek(fp, 0, SEEK_END) == 0)
    size = ftell(fp);
  if (size < 0 || fseek(fp, 0, SEEK_SET) != 0) {
    fclose(fp);
    kgi_log(log, KG_LOG_ERROR, KG_ERR_IO, path, -1, "%s: cannot read: not a regular file",
            path);
    return KG_ERR_IO;
  }
  if ((unsigned long)size > KGM_FILE_MAX_BYTES) {
    fclose(fp);
    kgi_log(log, KG_LOG_ERROR, KG_ERR_TOO_LARGE, path, -1, "%s: file too large", path);
    return KG_ERR_TOO_LARGE;
  }
  KgmChunk *c = kg_malloc(sizeof *c + (size_t)size + 1 + KGT_LINE_PAD);
  if (!c) {
    fclose(fp);
    return KG_ERR_NOMEM;
  }
  size_t got = fread(c->data, 1, (size_t)size, fp);
  int err = ferror(fp);
  fclose(fp);
  if (err) {
    kg_free(c);
    kgi_log(log, KG_LOG_ERROR, KG_ERR_IO, path, -1, "%s: cannot read", path);
    return KG_ERR_IO;
  }
  memset(c->data + got, 0, 1 + KGT_LINE_PAD); /* for kgt_line_cut() */
  c->next = NULL;
  *len = got;
  *out = c;
  return KG_SUCCESS;
}

static KgStatus kgm_add_form(KgmGazetteer *g, uint32_t entry, const char *form, size_t len,
                             int demonym) {
  /* folded straight into the index's key arena */
  char *key = kgt_phrase_key_room(&g->ix);
  if (!key)
    return KG_ERR_NOMEM;
  KgtKeyHash kh;
  size_t kl = kgt_fold_key(form, len, key, &kh);
  if (kl == (size_t)-1 || kl == 0)
    return KG_ERR_PARSE;
  if (g->nforms == g->forms_cap) {
    size_t nc = g->forms_cap ? g->forms_cap * 2 : 4096;
    KgmForm *nf = kg_realloc(g->forms, nc * sizeof *nf);
    if (!nf)
      return KG_ERR_NOMEM;
    g->forms = nf;
    g->forms_cap = nc;
  }
  uint32_t mask = demonym ? KGM_MASK_DEMONYM
                          : g->entries[entry].type == KGM_G_FIRSTNAME ? KGM_MASK_FIRST
                                                                      : KGM_MASK_NAME;
  if (!demonym && !kgt_str_first_upper(form, strlen(form)))
    mask |= KGM_MASK_LOWER;
  KgStatus st = kgt_phrase_add_hashed(&g->ix, key, kl, (uint32_t)g->nforms, mask, &kh);
  if (st != KG_SUCCESS)
    return st;
  KgmForm *f = &g->forms[g->nforms++];
  f->entry = entry;
  f->demonym = (uint32_t)demonym;
  f->form = form;
  kgt_case_sig_of(form, strlen(form), &f->sig);
  return KG_SUCCESS;
}

static KgStatus kgm_add_entry(KgmGazetteer *g, const KgmEntry *e, uint32_t *id) {
  if (g->n == g->cap) {
    size_t nc = g->cap ? g->cap * 2 : 4096;
    KgmEntry *ne = kg_realloc(g->entries, nc * sizeof *ne);
    if (!ne)
      return KG_ERR_NOMEM;
    g->entries = ne;
    g->cap = nc;
  }
  *id = (uint32_t)g->n;
  g->entries[g->n++] = *e;
  g->counts[e->type]++;
  return KG_SUCCESS;
}

/* Make room for @p entries entries and @p forms forms in all. */
static KgStatus kgm_reserve(KgmGazetteer *g, size_t entries, size_t forms) {
  if (entries > g->cap) {
    KgmEntry *ne = kg_realloc(g->entries, entries * sizeof *ne);
    if (!ne)
      return KG_ERR_NOMEM;
    g->entries = ne;
    g->cap = entries;
  }
  if (forms > g->forms_cap) {
    KgmForm *nf = kg_realloc(g->forms, forms * sizeof *nf);
    if (!nf)
      return KG_ERR_NOMEM;
    g->forms = nf;
    g->forms_cap = forms;
  }
  return KG_SUCCESS;
}

/* Each '|'-separated form of @p list (@p n bytes before its NUL; modified in place) is
 * added for @p entry. */
static KgStatus kgm_add_list(KgmGazetteer *g, uint32_t entry, char *list, size_t n,
                             int demonym) {
  char *end = list + n;
  while (list < end) {
    char *bar = memchr(list, '|', (size_t)(end - list));
    char *fe = bar ? bar : end;
    *fe = '\0';
    char *f = list;
    while (*f == ' ')
      f++;
    size_t fl = (size_t)(fe - f);
    while (fl && f[fl - 1] == ' ')
      f[--fl] = '\0';
    if (*f) {
      KgStatus st = kgm_add_form(g, entry, f, fl, demonym);
      if (st != KG_SUCCESS)
        return st;
    }
    list = bar ? bar + 1 : end;
  }
  return KG_SUCCESS;
}

static int kgm_class_from(const char *s, KgClass *c) {
  static const struct {
    const char *n;
    KgClass c;
  } map[] = {{"Organization", KG_CLASS_ORGANIZATION},
             {"Company", KG_CLASS_COMPANY},
             {"NonProfit", KG_CLASS_NONPROFIT},
             {"InvestmentFirm", KG_CLASS_INVESTMENT_FIRM},
             {"NewsOrganization", KG_CLASS_NEWS_ORGANIZATION},
             {"GovernmentBody", KG_CLASS_GOVERNMENT_BODY}};
  for (size_t k = 0; k < sizeof map / sizeof *map; k++)
    if (strcmp(s, map[k].n) == 0) {
      *c = map[k].c;
      return 1;
    }
  return 0;
}

/* The gazetteer kind named by a "# kgbuild-gazetteer: KIND" line, or -1. */
static int kgm_header_kind(const char *line) {
  static const char tag[] = "# kgbuild-gazetteer:";
  if (strncmp(line, tag, sizeof tag - 1) != 0)
    return -1;
  const char *k = line + sizeof tag - 1;
  while (*k == ' ' || *k == '\t')
    k++;
  for (int t = 0; t < KGM_G__COUNT; t++) {
    size_t n = strlen(kgm_kind_names[t]);
    if (strncmp(k, kgm_kind_names[t], n) == 0 &&
        (k[n] == '\0' || k[n] == ' ' || k[n] == '\t' || k[n] == '\r'))
      return t;
  }
  return -2;
}

static const char *kgm_opt(const char *s) { return s && *s ? s : NULL; }

/* Parse @p c (a file of kind @p type) line by line. */
static KgStatus kgm_parse(KgmGazetteer *g, KgmChunk *c, size_t len, int type,
                          const char *path, const KgLog *log) {
  char *p = c->data, *end = c->data + len;
  long lineno = 0;
  while (p < end) {
    KgtLine ln;
    p = kgt_line_cut(p, end, &ln, 6);
    char *line = ln.line;
    lineno++;
    if (line[0] == '#' || line[0] == '\0')
      continue;
    char *f[6] = {NULL};
    size_t fl[6] = {0};
    size_t nf = kgt_line_fields(&ln, f, fl, 6);
    if (!*f[0]) {
      kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, path, -1, "%s:%ld: empty name", path, lineno);
      return KG_ERR_PARSE;
    }
    KgmEntry e;
    memset(&e, 0, sizeof e);
    e.type = (unsigned char)type;
    e.name = f[0];
    size_t ai = 0, di = 0; /* fields of the aliases and the demonyms (0: none) */
    switch (type) {
    case KGM_G_ORG:
      if (nf < 2 || !kgm_class_from(f[1], &e.cls)) {
        kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, path, -1,
                "%s:%ld: expected NAME<TAB>CLASS (Company, NonProfit, InvestmentFirm, "
                "NewsOrganization, GovernmentBody or Organization)",
                path, lineno);
        return KG_ERR_PARSE;
      }
      e.country = nf > 2 ? kgm_opt(f[2]) : NULL;
      e.qid = nf > 3 ? kgm_opt(f[3]) : NULL;
      ai = nf > 4 ? 4 : 0;
      break;
    case KGM_G_PLACE:
      if (nf < 2 || !*f[1]) {
        kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, path, -1,
                "%s:%ld: expected NAME<TAB>KIND<TAB>PARENT...", path, lineno);
        return KG_ERR_PARSE;
      }
      e.cls = KG_CLASS_PLACE;
      e.extra = f[1];
      e.country = strcmp(f[1], "country") == 0 ? e.name : (nf > 2 ? kgm_opt(f[2]) : NULL);
      e.qid = nf > 3 ? kgm_opt(f[3]) : NULL;
      ai = nf > 4 ? 4 : 0;
      di = nf > 5 ? 5 : 0;
      break;
    case KGM_G_FIRSTNAME:
      e.cls = KG_CLASS_PERSON;
      e.extra = nf > 1 ? f[1] : "";
      break;
    case KGM_G_PRODUCT:
      e.cls = KG_CLASS_PRODUCT;
      e.extra = nf > 1 ? kgm_opt(f[1]) : NULL;
      e.qid = nf > 2 ? kgm_opt(f[2]) : NULL;
      ai = nf > 3 ? 3 : 0;
      break;
    default:
      e.cls = KG_CLASS_PERSON;
      e.qid = nf > 1 ? kgm_opt(f[1]) : NULL;
      ai = nf > 2 ? 2 : 0;
      break;
    }
    uint32_t id;
    KgStatus st = kgm_add_entry(g, &e, &id);
    if (st == KG_SUCCESS)
      st = kgm_add_form(g, id, e.name, fl[0], 0);
    if (st == KG_SUCCESS && ai)
      st = kgm_add_list(g, id, f[ai], fl[ai], 0);
    if (st == KG_SUCCESS && di)
      st = kgm_add_list(g, id, f[di], fl[di], 1);
    if (st == KG_ERR_PARSE) {
      kgi_log(log, KG_LOG_ERROR, st, path, -1, "%s:%ld: a name is too long", path, lineno);
      return st;
    }
    if (st != KG_SUCCESS)
      return st;
  }
  return KG_SUCCESS;
}

/* Load one file; @p type < 0: the kind comes from its header line. */
static KgStatus kgm_load_file(KgmGazetteer *g, const char *path, int type, const KgLog *log) {
  KgmChunk *c;
  size_t len;
  KgStatus st = kgm_read_file(path, &c, &len, log);
  if (st != KG_SUCCESS)
    return st;
  c->next = g->chunks;
  g->chunks = c;
  if (type < 0) {
    char first[128];
    size_t fl = strcspn(c->data, "\n");
    snprintf(first, sizeof first, "%.*s", (int)(fl < sizeof first ? fl : sizeof first - 1),
             c->data);
    type = kgm_header_kind(first);
    if (type < 0) {
      if (strncmp(first, "# kgbuild-lexicon:", 18) == 0)
        return kgt_lexicon_load_string(g->lx, c->data, len, path, NULL, log);
      kgi_log(log, KG_LOG_ERROR, KG_ERR_PARSE, path, -1,
              "%s:1: a gazetteer starts with '# kgbuild-gazetteer: KIND' (organizations, "
              "places, firstnames, products or people)",
              path);
      return KG_ERR_PARSE;
    }
  }
  return kgm_parse(g, c, len, type, path, log);
}

KgStatus kgm_gazetteer_load(const char *data_dir, const char *const *extra, size_t n_extra,
                            const KgLog *log, KgmGazetteer **out) {
  if (!data_dir || !out || (n_extra && !extra))
    return KG_ERR_BAD_ARG;
  KgmGazetteer *g = kg_calloc(1, sizeof *g);
  if (!g)
    return KG_ERR_NOMEM;
  kgt_phrase_init(&g->ix);
  char path[4096];
  size_t total = 0;
  for (int t = 0; t < KGM_G__COUNT; t++) {
    kgm_kind_path(data_dir, t, path, sizeof path);
    struct stat sb;
    if (stat(path, &sb) == 0 && S_ISREG(sb.st_mode) && sb.st_size > 0 &&
        (unsigned long long)sb.st_size <= KGM_FILE_MAX_BYTES)
      total += (size_t)sb.st_size;
  }
  /* the shipped gazetteer makes some 17,000 keys and prefixes: a table of 32,768 slots */
  KgStatus st = kgt_phrase_reserve(&g->ix, 20000);
  /* room for the five files at once (a guess: the arrays still grow past it): an entry
   * per 24 bytes, a form per 12, keys no longer than the files */
  if (st == KG_SUCCESS)
    st = kgm_reserve(g, total / 24 + 16, total / 12 + 16);
  if (st == KG_SUCCESS)
    st = kgt_phrase_reserve_items(&g->ix, total / 12 + 16, total + KGT_PHRASE_MAX + 1);
  if (st == KG_SUCCESS)
    st = kgt_lexicon_new(&g->lx);
  if (st == KG_SUCCESS)
    st = kgt_lexicon_load_dir(g->lx, data_dir, log);
  for (int t = 0; t < KGM_G__COUNT && st == KG_SUCCESS; t++) {
    kgm_kind_path(data_dir, t, path, sizeof path);
    st = kgm_load_file(g, path, t, log);
  }
  for (size_t k = 0; k < n_extra && st == KG_SUCCESS; k++)
    st = kgm_load_file(g, extra[k], -1, log);
  if (st == KG_SUCCESS)
    st = kgt_phrase_commit(&g->ix);
  if (st != KG_SUCCESS) {
    kgm_gazetteer_free(g);
    return st;
  }
  *out = g;
  return KG_SUCCESS;
}

KgStatus kgm_gazetteer_add_lexicons(KgmGazetteer *g, const char *const *files, size_t n,
                                    const KgLog *log) {
  for (size_t k = 0; k < n; k++) {
    FILE *fp = fopen(files[k], "rb");
    if (!fp)
      continue; /* the rule loader reports files it cannot open */
    char first[128] = "";
    if (!fgets(first, sizeof first, fp))
      first[0] = '\0';
    fclose(fp);
    char what[32] = "";
    if (sscanf(first, "# kgbuild-lexicon: %31s", what) != 1 || strcmp(what, "mentions") != 0)
      continue;
    KgStatus st = KG_SUCCESS;
    if (g->map.base && g->data_dir) {
      /* the mapped lexicon takes no more files: read the shipped ones again first */
      KgtLexicon *lx = NULL;
      st = kgt_lexicon_new(&lx);
      if (st == KG_SUCCESS)
        st = kgt_lexicon_load_dir(lx, g->data_dir, log);
      if (st != KG_SUCCESS) {
        kgt_lexicon_free(lx);
        return st;
      }
      kgt_lexicon_free(g->lx);
      g->lx = lx;
      kg_free(g->data_dir);
      g->data_dir = NULL;
    }
    st = kgt_lexicon_load_file(g->lx, files[k], NULL, log);
    if (st != KG_SUCCESS)
      return st;
  }
  return KG_SUCCESS;
}

void kgm_gazetteer_free(KgmGazetteer *g) {
  if (!g)
    return;
  kgt_phrase_free(&g->ix);
  kgt_lexicon_free(g->lx);
  kg_free(g->entries);
  kg_free(g->forms);
  while (g->chunks) {
    KgmChunk *c = g->chunks;
    g->chunks = c->next;
    kg_free(c);
  }
  kgi_unmap(&g->map); /* after everything that points into it */
  kg_free(g->data_dir);
  kg_free(g);
}

/* ------------------------------------------------------------------ prepared file
 * Parsing and hashing the text files is most of the start-up. What they make is written
 * once to a file in the cache folder and mapped by later runs: the hash indexes are used
 * where they lie, only the entries (which hold pointers) are copied out. The file's name
 * is a fingerprint of the data files (identity, size, time of change) and of the code
 * that read them, so an edited file or a rebuilt kgbuild makes a new one. */

#define KGM_PREP_MAGIC 0x3150455250424b47ULL /* "GKBPREP1" */
#define KGM_PREP_END 0x444e455045524b47ULL   /* "GKREPEND" */
#define KGM_PREP_HEAD 24 /* magic, fingerprint, checksum of the rest */

static uint64_t kgm_fp_stat(uint64_t h, const char *path, const struct stat *sb) {
  uint64_t v[6] = {(uint64_t)sb->st_dev, (uint64_t)sb->st_ino, (uint64_t)sb->st_size,
                   (uint64_t)sb->st_mtim.tv_sec, (uint64_t)sb->st_mtim.tv_nsec,
                   (uint64_t)sb->st_mode};
  h = kgt_phrase_hash(h, path, strlen(path));
  return kgt_phrase_hash(h, (const char *)v, sizeof v);
}

/* The fingerprint of the data files and of this code; 0 when a file is missing (the text
 * loader then says which). The files are those the loaders read: the gazetteer kinds and
 * kgt_lexicon_dir_file()'s. */
static uint64_t kgm_fingerprint(const char *data_dir) {
  uint64_t h = KGT_PHRASE_SEED;
  static const uint64_t layout[] = {KGM_PREP_MAGIC, sizeof(KgtPhraseSlot), sizeof(KgtPhraseItem),
                                    sizeof(KgtCaseSig), KGT_PHRASE_MAX, KGT_LEX__COUNT,
                                    KGM_G__COUNT, KG_CLASS__COUNT};
  h = kgt_phrase_hash(h, (const char *)layout, sizeof layout);
  h = kgt_phrase_hash(h, PACKAGE_VERSION, sizeof PACKAGE_VERSION);
  /* the file this code is in: a rebuilt kgbuild may fold or index differently */
  Dl_info di;
  struct stat sb;
  if (!dladdr((void *)(uintptr_t)kgm_fingerprint, &di) || !di.dli_fname ||
      stat(di.dli_fname, &sb) != 0)
    return 0;
  h = kgm_fp_stat(h, "", &sb);
  char path[4096];
  for (size_t k = 0;; k++) {
    if (k < KGM_G__COUNT)
      kgm_kind_path(data_dir, (int)k, path, sizeof path);
    else if (!kgt_lexicon_dir_file(data_dir, k - KGM_G__COUNT, path, sizeof path))
      break;
    if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
      return 0;
    h = kgm_fp_stat(h, path, &sb);
  }
  return h ? h : 1;
}

typedef struct {
  uint32_t name, qid, country, extra; /* pool references */
  uint32_t cls, type;
} KgmEntryRec;

typedef struct {
  uint32_t entry, demonym, form, pad;
  KgtCaseSig sig;
} KgmFormRec;

static KgStatus kgm_prep_save(const KgmGazetteer *g, const char *path, uint64_t fp) {
  KgiSnapW w;
  kgi_snapw_init(&w);
  kgi_snapw_u64(&w, KGM_PREP_MAGIC);
  kgi_snapw_u64(&w, fp);
  kgi_snapw_u64(&w, 0); /* the checksum of what follows, set below */
  kgt_lexicon_save(g->lx, &w);
  KgiBuf pool;
  kgi_pool_init(&pool);
  KgmEntryRec *er = kg_calloc(g->n ? g->n : 1, sizeof *er);
  KgmFormRec *fr = kg_calloc(g->nforms ? g->nforms : 1, sizeof *fr);
  if ((!er || !fr) && w.st == KG_SUCCESS)
    w.st = KG_ERR_NOMEM;
  for (size_t k = 0; er && fr && k < g->n; k++) {
    const KgmEntry *e = &g->entries[k];
    er[k].name = kgi_pool_ref(&w, &pool, e->name);
    er[k].qid = kgi_pool_ref(&w, &pool, e->qid);
    /* a country's country is itself: the same string, written once */
    er[k].country = e->country == e->name ? er[k].name : kgi_pool_ref(&w, &pool, e->country);
    er[k].extra = kgi_pool_ref(&w, &pool, e->extra);
    er[k].cls = (uint32_t)e->cls;
    er[k].type = e->type;
  }
  for (size_t k = 0; er && fr && k < g->nforms; k++) {
    const KgmForm *f = &g->forms[k];
    fr[k].entry = f->entry;
    fr[k].demonym = f->demonym;
    fr[k].form = kgi_pool_ref(&w, &pool, f->form);
    fr[k].sig = f->sig;
  }
  kgi_snapw_put(&w, pool.data, pool.len);
  kgi_snapw_put(&w, er, er ? g->n * sizeof *er : 0);
  kgi_snapw_put(&w, fr, fr ? g->nforms * sizeof *fr : 0);
  kgt_phrase_save(&g->ix, &w);
  kgi_snapw_u64(&w, KGM_PREP_END);
  if (w.st == KG_SUCCESS) {
    uint64_t sum = kgi_snap_sum(w.b.data + KGM_PREP_HEAD, w.b.len - KGM_PREP_HEAD);
    memcpy(w.b.data + KGM_PREP_HEAD - sizeof sum, &sum, sizeof sum);
  }
  KgStatus st = kgi_snapw_commit(&w, path);
  kg_free(er);
  kg_free(fr);
  kgi_buf_free(&pool);
  kgi_snapw_free(&w);
  return st;
}

/* The gazetteer of the prepared file @p path if it is whole and made for @p fp. */
static KgStatus kgm_prep_map(const char *path, uint64_t fp, KgmGazetteer **out) {
  KgmGazetteer *g = kg_calloc(1, sizeof *g);
  if (!g)
    return KG_ERR_NOMEM;
  KgStatus st = kgi_map_file(path, &g->map);
  if (st != KG_SUCCESS) {
    kg_free(g);
    return st;
  }
  KgiSnapR r;
  kgi_snapr_init(&r, g->map.base, g->map.len);
  st = KG_ERR_PARSE;
  uint64_t magic = kgi_snapr_u64(&r), made_for = kgi_snapr_u64(&r), sum = kgi_snapr_u64(&r);
  if (r.bad || magic != KGM_PREP_MAGIC || made_for != fp ||
      sum != kgi_snap_sum(r.p, (size_t)(r.end - r.p)))
    goto out; /* another build's, or damaged */
  if ((st = kgt_lexicon_map(&r, &g->lx)) != KG_SUCCESS)
    goto out;
  st = KG_ERR_PARSE;
  size_t npool, n, nforms;
  const char *pool = kgi_snapr_get(&r, &npool);
  const KgmEntryRec *er = kgi_snapr_array(&r, sizeof *er, &n);
  const KgmFormRec *fr = kgi_snapr_array(&r, sizeof *fr, &nforms);
  if (r.bad || !npool || n >= UINT32_MAX || nforms >= UINT32_MAX)
    goto out;
  st = KG_ERR_NOMEM;
  if (!(g->entries = kg_malloc((n ? n : 1) * sizeof *g->entries)) ||
      !(g->forms = kg_malloc((nforms ? nforms : 1) * sizeof *g->forms)))
    goto out;
  int bad = 0;
  for (size_t k = 0; k < n && !bad; k++) {
    KgmEntry *e = &g->entries[k];
    e->name = kgi_pool_str(pool, npool, er[k].name, &bad);
    e->qid = kgi_pool_str(pool, npool, er[k].qid, &bad);
    e->country = kgi_pool_str(pool, npool, er[k].country, &bad);
    e->extra = kgi_pool_str(pool, npool, er[k].extra, &bad);
    e->cls = (KgClass)er[k].cls;
    e->type = (unsigned char)er[k].type;
    if (!e->name || er[k].cls >= KG_CLASS__COUNT || er[k].type >= KGM_G__COUNT)
      bad = 1;
    else
      g->counts[e->type]++;
  }
  for (size_t k = 0; k < nforms && !bad; k++) {
    KgmForm *f = &g->forms[k];
    f->entry = fr[k].entry;
    f->demonym = fr[k].demonym;
    f->form = kgi_pool_str(pool, npool, fr[k].form, &bad);
    f->sig = fr[k].sig;
    if (!f->form || f->entry >= n || f->demonym > 1)
      bad = 1;
  }
  g->n = g->cap = n;
  g->nforms = g->forms_cap = nforms;
  st = KG_ERR_PARSE;
  if (bad || kgt_phrase_map(&g->ix, &r, (uint32_t)nforms) != KG_SUCCESS ||
      kgi_snapr_u64(&r) != KGM_PREP_END || r.p != r.end)
    goto out;
  *out = g;
  return KG_SUCCESS;
out:
  kgm_gazetteer_free(g);
  return st;
}

/* Remove the prepared files of data that changed long ago (other folders' files, still
 * in use, are rewritten soon enough if they go). */
static void kgm_prep_sweep(const char *dir, const char *keep) {
  DIR *d = opendir(dir);
  if (!d)
    return;
  time_t now = time(NULL);
  struct dirent *de;
  char path[4096];
  while ((de = readdir(d)) != NULL) {
    size_t nl = strlen(de->d_name);
    if (strncmp(de->d_name, "data-", 5) != 0 || nl < 9 ||
        strcmp(de->d_name + nl - 4, ".kgp") != 0 || strcmp(de->d_name, keep) == 0)
      continue;
    struct stat sb;
    if ((size_t)snprintf(path, sizeof path, "%s/%s", dir, de->d_name) < sizeof path &&
        stat(path, &sb) == 0 && now - sb.st_mtime > 30 * 24 * 3600)
      unlink(path);
  }
  closedir(d);
}

KgStatus kgm_gazetteer_load_cached(const char *data_dir, const KgLog *log, KgmGazetteer **out) {
  if (!data_dir || !out)
    return KG_ERR_BAD_ARG;
  char dir[4096], path[4200], name[64];
  uint64_t fp = 0;
  int cached = kgi_cache_dir(dir, sizeof dir) && (fp = kgm_fingerprint(data_dir)) != 0;
  if (cached) {
    snprintf(name, sizeof name, "data-%016llx.kgp", (unsigned long long)fp);
    snprintf(path, sizeof path, "%s/%s", dir, name);
    KgStatus st = kgm_prep_map(path, fp, out);
    if (st == KG_SUCCESS) {
      if (!((*out)->data_dir = kg_strdup(data_dir))) {
        kgm_gazetteer_free(*out);
        *out = NULL;
        return KG_ERR_NOMEM;
      }
      kgi_log(log, KG_LOG_DEBUG, KG_SUCCESS, NULL, -1, "language data mapped from %s", path);
      return KG_SUCCESS;
    }
    if (st != KG_ERR_NOT_FOUND)
      kgi_log(log, KG_LOG_DEBUG, st, NULL, -1, "%s: not usable (%s), reading the text files",
              path, kg_strerror(st));
  }
  KgStatus st = kgm_gazetteer_load(data_dir, NULL, 0, log, out);
  if (st == KG_SUCCESS && cached) {
    KgStatus ws = kgi_mkdirs(dir) == 0 ? kgm_prep_save(*out, path, fp) : KG_ERR_IO;
    if (ws == KG_SUCCESS)
      kgm_prep_sweep(dir, name);
    kgi_log(log, KG_LOG_DEBUG, ws, NULL, -1, "%s: %s", path,
            ws == KG_SUCCESS ? "language data prepared for the next runs"
                             : "cannot write the prepared language data");
  }
  return st;
}

const KgtLexicon *kgm_gazetteer_lexicon(const KgmGazetteer *g) { return g->lx; }

void kgm_gazetteer_counts(const KgmGazetteer *g, size_t counts[5]) {
  for (int t = 0; t < KGM_G__COUNT; t++)
    counts[t] = g->counts[t];
}

const char *kgm_gazetteer_org_canonical(const KgmGazetteer *g, const char *name,
                                        KgClass *cls, const char **qid) {
  if (!g || !name)
    return NULL;
  char buf[KGT_PHRASE_MAX + 1];
  snprintf(buf, sizeof buf, "%s", name);
  for (int pass = 0; pass < 3; pass++) {
    char key[KGT_PHRASE_MAX + 1];
    size_t kl = kgt_fold(buf, strlen(buf), key, sizeof key);
    if (kl == (size_t)-1 || kl == 0)
      return NULL;
    uint32_t it = kgt_phrase_find(&g->ix, key, kl);
    for (; it; it = kgt_phrase_item(&g->ix, it)->next) {
      const KgtPhraseItem *item = kgt_phrase_item(&g->ix, it);
      if (item->key_len != kl || memcmp(g->ix.keys + item->key_off, key, kl) != 0)
        continue;
      const KgmForm *f = &g->forms[item->payload];
      const KgmEntry *e = &g->entries[f->entry];
      if (e->type != KGM_G_ORG)
        continue;
      if (cls)
        *cls = e->cls;
      if (qid)
        *qid = e->qid;
      return e->name;
    }
    /* "Acme Corp." -> "Acme": drop a last word that is a legal suffix */
    char *sp = strrchr(buf, ' ');
    if (!sp || !kgt_lexicon_lookup(g->lx, KGT_LEX_LEGAL, NULL, sp + 1, strlen(sp + 1)))
      return NULL;
    while (sp > buf && (sp[-1] == ' ' || sp[-1] == ','))
      sp--;
    *sp = '\0';
  }
  return NULL;
}
