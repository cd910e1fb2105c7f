/*
 * language.c - English or French, from counts of function words; and the function-word
 * test the sentence splitter and the mention finder use.
 *
 * Function words are a closed class (a few dozen per language), part of reading the
 * language rather than knowledge about the world, so they live here and not in a file.
 */
#include "config.h"

#include <pthread.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <kgbuild/extract.h>
#include "text/text_int.h"

/* How much text the detector reads: function words are dense, a few KB decide. */
#define KGT_DETECT_BYTES 1024

typedef struct {
  const char *w;
  unsigned char lang; /* 1 en, 2 fr, 3 both; +4: counted by the detector */
} KgtFw;

static const KgtFw kgt_fw[] = {
    {"a", 1},        {"about", 1},    {"according", 1}, {"after", 1},     {"against", 1},
    {"ainsi", 2},    {"all", 1},      {"alors", 2},     {"also", 1},      {"although", 1},
    {"among", 1},    {"an", 1 | 4},   {"and", 1 | 4},   {"another", 1},   {"apres", 2},
    {"are", 1 | 4},  {"as", 1 | 4},   {"at", 1 | 4},    {"au", 2 | 4},    {"aussi", 2},
    {"autre", 2},    {"aux", 2 | 4},  {"avant", 2},     {"avec", 2 | 4},  {"be", 1 | 4},
    {"because", 1},  {"before", 1},   {"between", 1},   {"both", 1},      {"but", 1},
    {"by", 1 | 4},   {"c'", 2},       {"ca", 2},        {"car", 2},       {"ce", 2 | 4},
    {"cela", 2},     {"celle", 2},    {"celui", 2},     {"cependant", 2}, {"certains", 2},
    {"ces", 2},      {"cet", 2},      {"cette", 2 | 4}, {"chaque", 2},    {"chez", 2},
    {"d'", 2 | 4},   {"dans", 2 | 4}, {"de", 2 | 4},    {"deja", 2},      {"depuis", 2},
    {"des", 2 | 4},  {"despite", 1},  {"dont", 2},      {"du", 2 | 4},    {"during", 1},
    {"each", 1},     {"earlier", 1},  {"elle", 2 | 4},  {"elles", 2},     {"en", 2},
    {"encore", 2},   {"enfin", 2},    {"entre", 2},     {"est", 2 | 4},   {"et", 2 | 4},
    {"for", 1 | 4},  {"from", 1 | 4}, {"has", 1 | 4},   {"have", 1 | 4},  {"he", 1},
    {"her", 1},      {"here", 1},     {"his", 1},       {"how", 1},       {"however", 1},
    {"i", 1},        {"if", 1},       {"il", 2 | 4},    {"ils", 2 | 4},   {"in", 1 | 4},
    {"into", 1},     {"is", 1 | 4},   {"it", 1 | 4},    {"its", 1 | 4},   {"je", 2},
    {"l'", 2 | 4},   {"la", 2 | 4},   {"last", 1},      {"later", 1},     {"le", 2 | 4},
    {"les", 2 | 4},  {"leur", 2},     {"leurs", 2},     {"like", 1},      {"lorsque", 2},
    {"mais", 2},     {"malgre", 2},   {"many", 1},      {"meanwhile", 1}, {"most", 1},
    {"ne", 2},       {"neanmoins", 2}, {"next", 1},     {"no", 1},        {"nos", 2},
    {"not", 1},      {"notre", 2},    {"nous", 2},      {"now", 1},       {"of", 1 | 4},
    {"on", 3},       {"once", 1},     {"ont", 2 | 4},   {"or", 1},        {"other", 1},
    {"ou", 2},       {"our", 1},      {"outre", 2},     {"par", 2 | 4},   {"parmi", 2},
    {"pas", 2 | 4},  {"pendant", 2},  {"plusieurs", 2}, {"pour", 2 | 4},  {"pourtant", 2},
    {"qu'", 2},      {"quand", 2},    {"que", 2 | 4},   {"qui", 2 | 4},   {"said", 1 | 4},
    {"sans", 2},     {"selon", 2},    {"ses", 2},       {"she", 1},       {"si", 2},
    {"since", 1},    {"so", 1},       {"some", 1},      {"son", 2},       {"sont", 2 | 4},
    {"still", 1},    {"such", 1},     {"sur", 2 | 4},   {"that", 1 | 4},  {"the", 1 | 4},
    {"their", 1},    {"then", 1},     {"there", 1},     {"these", 1},     {"they", 1},
    {"this", 1 | 4}, {"those", 1},    {"though", 1},    {"through", 1},   {"to", 1 | 4},
    {"tous", 2},     {"tout", 2},     {"toute", 2},     {"toutefois", 2}, {"toutes", 2},
    {"tres", 2},     {"un", 2 | 4},   {"under", 1},     {"une", 2 | 4},   {"unlike", 1},
    {"until", 1},    {"vers", 2},     {"vous", 2},      {"was", 1 | 4},   {"we", 1},
    {"were", 1 | 4}, {"what", 1},     {"when", 1},      {"which", 1 | 4}, {"while", 1},
    {"who", 1},      {"why", 1},      {"will", 1 | 4},  {"with", 1 | 4},  {"within", 1},
    {"without", 1},  {"would", 1 | 4}, {"yet", 1},      {"you", 1},
};

/* kgt_fw as a hash table of the words packed into two integers (none is longer than 16
 * bytes): the look-up runs for most words of a text, and a binary search's string
 * compares were a few percent of a whole run. Built once, on first use. */
#define KGT_FW_SLOTS 1024 /* a power of two, a few times the number of words */

static struct {
  uint64_t lo, hi;
  unsigned short entry; /* index in kgt_fw + 1; 0: empty */
} kgt_fw_tab[KGT_FW_SLOTS];
static pthread_once_t kgt_fw_once = PTHREAD_ONCE_INIT;

/* @p w's bytes into *lo (the first 8) and *hi (the next 8); 0 when it is empty or
 * longer than 16 bytes (no function word is). */
static int kgt_fw_pack(const char *w, uint64_t *lo, uint64_t *hi) {
  uint64_t a = 0, b = 0;
  size_t n = 0;
  for (; w[n]; n++) {
    if (n == 16)
      return 0;
    uint64_t c = (unsigned char)w[n];
    if (n < 8)
      a |= c << (8 * n);
    else
      b |= c << (8 * (n - 8));
  }
  *lo = a;
  *hi = b;
  return n > 0;
}

static size_t kgt_fw_slot(uint64_t lo, uint64_t hi) {
  uint64_t h = (lo ^ (hi * 0x9E3779B97F4A7C15ULL)) * 0xff51afd7ed558ccdULL;
  return (size_t)(h >> 40) & (KGT_FW_SLOTS - 1);
}

static void kgt_fw_build(void) {
  for (size_t i = 0; i < sizeof kgt_fw / sizeof *kgt_fw; i++) {
    uint64_t lo, hi;
    if (!kgt_fw_pack(kgt_fw[i].w, &lo, &hi))
      continue;
    size_t s = kgt_fw_slot(lo, hi);
    while (kgt_fw_tab[s].entry)
      s = (s + 1) & (KGT_FW_SLOTS - 1);
    kgt_fw_tab[s].lo = lo;
    kgt_fw_tab[s].hi = hi;
    kgt_fw_tab[s].entry = (unsigned short)(i + 1);
  }
}

static const KgtFw *kgt_fw_find(const char *w) {
  uint64_t lo, hi;
  if (!kgt_fw_pack(w, &lo, &hi))
    return NULL;
  pthread_once(&kgt_fw_once, kgt_fw_build);
  for (size_t s = kgt_fw_slot(lo, hi); kgt_fw_tab[s].entry; s = (s + 1) & (KGT_FW_SLOTS - 1))
    if (kgt_fw_tab[s].lo == lo && kgt_fw_tab[s].hi == hi)
      return &kgt_fw[kgt_fw_tab[s].entry - 1];
  return NULL;
}

int kgt_is_function_word(const char *fold) { return kgt_fw_find(fold) != NULL; }

int kgt_is_function_word_in(const char *fold, const char *lang) {
  const KgtFw *f = kgt_fw_find(fold);
  if (!f || !lang)
    return f != NULL;
  if (strcmp(lang, "en") == 0)
    return (f->lang & 1) != 0;
  if (strcmp(lang, "fr") == 0)
    return (f->lang & 2) != 0;
  return 1;
}

/* The words the detector counts, packed big-endian into an integer (at most five bytes)
 * and sorted; lang: 1 en, 2 fr. Padded to 64 with the largest key (UINT64_MAX, which no
 * word packs to). kgt_counted_lang() reads them from a hash table made of this list. */
typedef struct {
  uint64_t w;
  unsigned char lang;
} KgtPacked;

#define KGT_COUNTED_SLOTS 64
static const KgtPacked kgt_counted[KGT_COUNTED_SLOTS] = {
    {0x000000616eULL, 1}, /* an */
    {0x0000006173ULL, 1}, /* as */
    {0x0000006174ULL, 1}, /* at */
    {0x0000006175ULL, 2}, /* au */
    {0x0000006265ULL, 1}, /* be */
    {0x0000006279ULL, 1}, /* by */
    {0x0000006365ULL, 2}, /* ce */
    {0x0000006427ULL, 2}, /* d' */
    {0x0000006465ULL, 2}, /* de */
    {0x0000006475ULL, 2}, /* du */
    {0x0000006574ULL, 2}, /* et */
    {0x000000696cULL, 2}, /* il */
    {0x000000696eULL, 1}, /* in */
    {0x0000006973ULL, 1}, /* is */
    {0x0000006974ULL, 1}, /* it */
    {0x0000006c27ULL, 2}, /* l' */
    {0x0000006c61ULL, 2}, /* la */
    {0x0000006c65ULL, 2}, /* le */
    {0x0000006f66ULL, 1}, /* of */
    {0x000000746fULL, 1}, /* to */
    {0x000000756eULL, 2}, /* un */
    {0x0000616e64ULL, 1}, /* and */
    {0x0000617265ULL, 1}, /* are */
    {0x0000617578ULL, 2}, /* aux */
    {0x0000646573ULL, 2}, /* des */
    {0x0000657374ULL, 2}, /* est */
    {0x0000666f72ULL, 1}, /* for */
    {0x0000686173ULL, 1}, /* has */
    {0x0000696c73ULL, 2}, /* ils */
    {0x0000697473ULL, 1}, /* its */
    {0x00006c6573ULL, 2}, /* les */
    {0x00006f6e74ULL, 2}, /* ont */
    {0x0000706172ULL, 2}, /* par */
    {0x0000706173ULL, 2}, /* pas */
    {0x0000717565ULL, 2}, /* que */
    {0x0000717569ULL, 2}, /* qui */
    {0x0000737572ULL, 2}, /* sur */
    {0x0000746865ULL, 1}, /* the */
    {0x0000756e65ULL, 2}, /* une */
    {0x0000776173ULL, 1}, /* was */
    {0x0061766563ULL, 2}, /* avec */
    {0x0064616e73ULL, 2}, /* dans */
    {0x00656c6c65ULL, 2}, /* elle */
    {0x0066726f6dULL, 1}, /* from */
    {0x0068617665ULL, 1}, /* have */
    {0x00706f7572ULL, 2}, /* pour */
    {0x0073616964ULL, 1}, /* said */
    {0x00736f6e74ULL, 2}, /* sont */
    {0x0074686174ULL, 1}, /* that */
    {0x0074686973ULL, 1}, /* this */
    {0x0077657265ULL, 1}, /* were */
    {0x0077696c6cULL, 1}, /* will */
    {0x0077697468ULL, 1}, /* with */
    {0x6365747465ULL, 2}, /* cette */
    {0x7768696368ULL, 1}, /* which */
    {0x776f756c64ULL, 1}, /* would */
    {UINT64_MAX, 0},      {UINT64_MAX, 0}, {UINT64_MAX, 0}, {UINT64_MAX, 0},
    {UINT64_MAX, 0},      {UINT64_MAX, 0}, {UINT64_MAX, 0}, {UINT64_MAX, 0},
};

/* kgt_counted as a hash table: most words of a text are looked up, and almost all are
 * no counted word, which the first empty slot says (a quarter of the slots are used).
 * Built once, on first use. */
#define KGT_COUNTED_TAB 256 /* a power of two, a few times the number of words */

static KgtPacked kgt_counted_tab[KGT_COUNTED_TAB]; /* w 0: empty */
static pthread_once_t kgt_counted_once = PTHREAD_ONCE_INIT;

static size_t kgt_counted_slot(uint64_t w) {
  return (size_t)((w * 0x9E3779B97F4A7C15ULL) >> 56) & (KGT_COUNTED_TAB - 1);
}

static void kgt_counted_build(void) {
  for (size_t i = 0; i < KGT_COUNTED_SLOTS && kgt_counted[i].w != UINT64_MAX; i++) {
    size_t s = kgt_counted_slot(kgt_counted[i].w);
    while (kgt_counted_tab[s].w)
      s = (s + 1) & (KGT_COUNTED_TAB - 1);
    kgt_counted_tab[s] = kgt_counted[i];
  }
}

/* The language bits of packed word @p w (0 < w < UINT64_MAX), 0 when it is not counted. */
static unsigned kgt_counted_lang(uint64_t w) {
  for (size_t s = kgt_counted_slot(w); kgt_counted_tab[s].w; s = (s + 1) & (KGT_COUNTED_TAB - 1))
    if (kgt_counted_tab[s].w == w)
      return kgt_counted_tab[s].lang;
  return 0;
}

const char *kgt_detect_language(const char *text, size_t len) {
  if (!text)
    return "en";
  if (len > KGT_DETECT_BYTES)
    len = KGT_DETECT_BYTES;
  unsigned en = 0, fr = 0;
  size_t p = 0;
  pthread_once(&kgt_counted_once, kgt_counted_build);
  while (p < len) {
    unsigned char c = (unsigned char)text[p];
    if (!((c | 0x20) >= 'a' && (c | 0x20) <= 'z')) {
      p++;
      continue;
    }
    uint64_t w = 0;
    size_t n = 0;
    int ascii = 1;
    size_t q = p;
    while (q < len) {
      unsigned char x = (unsigned char)text[q];
      if ((x | 0x20) >= 'a' && (x | 0x20) <= 'z') {
        w = (w << 8) | (x | 0x20);
        n++;
        q++;
      } else if (x >= 0x80) {
        ascii = 0; /* accented words are no function words we count */
        q++;
      } else {
        break;
      }
    }
    /* "l'", "d'": an elision counts as French */
    if (ascii && n <= 2 && q < len &&
        (text[q] == '\'' || (q + 2 < len && (unsigned char)text[q] == 0xE2 &&
                             (unsigned char)text[q + 1] == 0x80 &&
                             (unsigned char)text[q + 2] == 0x99))) {
      w = (w << 8) | '\'';
      n++;
    }
    if (ascii && n <= 5) { /* the counted words are short */
      unsigned l = kgt_counted_lang(w);
      en += (l & 1) != 0;
      fr += (l & 2) != 0;
    }
    p = q;
  }
  return fr > en ? "fr" : "en";
}

const char *kg_detect_language(const char *text, size_t len) {
  return kgt_detect_language(text, len);
}
