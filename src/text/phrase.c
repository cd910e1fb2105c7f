/* phrase.c - the folded-phrase hash index (see phrase.h). */
#include "config.h"

#include <string.h>

#include "text/chars.h"
#include "text/phrase.h"

void kgt_phrase_init(KgtPhraseIndex *ix) { memset(ix, 0, sizeof *ix); }

#define KGT_FILTER_BITS (1u << 18)

static size_t kgt_filter_bit(uint64_t h) { return (size_t)((h * 0x9E3779B97F4A7C15ULL) >> 46); }

void kgt_phrase_free(KgtPhraseIndex *ix) {
  if (!ix)
    return;
  if (!ix->mapped) {
    kg_free(ix->filter);
    kg_free(ix->slots);
    kg_free(ix->items);
    kg_free(ix->keys);
  }
  kg_free(ix->queue);
  memset(ix, 0, sizeof *ix);
}

void kgt_phrase_save(const KgtPhraseIndex *ix, KgiSnapW *w) {
  kgi_snapw_u64(w, ix->used);
  kgi_snapw_u64(w, (uint64_t)ix->items_by_mask);
  kgi_snapw_put(w, ix->slots, ix->cap * sizeof *ix->slots);
  kgi_snapw_put(w, ix->filter, ix->filter ? KGT_FILTER_BITS / 8 : 0);
  kgi_snapw_put(w, ix->items, ix->nitems * sizeof *ix->items);
  kgi_snapw_put(w, ix->keys, ix->keys_len);
}

KgStatus kgt_phrase_map(KgtPhraseIndex *ix, KgiSnapR *r, uint32_t npayload) {
  kgt_phrase_init(ix);
  uint64_t used = kgi_snapr_u64(r), by_mask = kgi_snapr_u64(r);
  size_t cap, nfilter, nitems, nkeys;
  const KgtPhraseSlot *slots = kgi_snapr_array(r, sizeof *slots, &cap);
  const uint64_t *filter = kgi_snapr_array(r, sizeof *filter, &nfilter);
  const KgtPhraseItem *items = kgi_snapr_array(r, sizeof *items, &nitems);
  const char *keys = kgi_snapr_get(r, &nkeys);
  if (r->bad || (cap & (cap - 1)) || used > cap || (cap && nfilter != KGT_FILTER_BITS / 64) ||
      nitems >= UINT32_MAX || by_mask > 1)
    return KG_ERR_PARSE;
  /* a probe walks slots until an empty one, a look-up walks an item's chain: the table
   * must have an empty slot, and chains must only go forward (they are built in order) */
  size_t full = 0;
  for (size_t k = 0; k < cap; k++) {
    if (slots[k].hash)
      full++;
    if (slots[k].head > nitems)
      return KG_ERR_PARSE;
  }
  if (cap && full >= cap)
    return KG_ERR_PARSE;
  for (size_t k = 0; k < nitems; k++) {
    const KgtPhraseItem *it = &items[k];
    if ((it->next && it->next <= k + 1) || it->next > nitems || it->payload >= npayload ||
        it->key_len > KGT_PHRASE_MAX || (uint64_t)it->key_off + it->key_len > nkeys)
      return KG_ERR_PARSE;
  }
  /* the arrays are only read from here on */
  ix->slots = (KgtPhraseSlot *)(uintptr_t)slots;
  ix->cap = cap;
  ix->used = (size_t)used;
  ix->filter = nfilter ? (uint64_t *)(uintptr_t)filter : NULL;
  ix->items = (KgtPhraseItem *)(uintptr_t)items;
  ix->nitems = ix->items_cap = nitems;
  ix->keys = (char *)(uintptr_t)keys;
  ix->keys_len = ix->keys_cap = nkeys;
  ix->items_by_mask = (int)by_mask;
  ix->mapped = 1;
  return KG_SUCCESS;
}


/* FNV leaves the low bits of similar keys alike: mix before taking a slot. */
static size_t kgt_slot(uint64_t h, size_t cap) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  return (size_t)h & (cap - 1);
}

static KgStatus kgt_resize(KgtPhraseIndex *ix, size_t ncap) {
  KgtPhraseSlot *ns = kg_calloc(ncap, sizeof *ns);
  if (!ns)
    return KG_ERR_NOMEM;
  for (size_t k = 0; k < ix->cap; k++) {
    if (!ix->slots[k].hash)
      continue;
    size_t s = kgt_slot(ix->slots[k].hash, ncap);
    while (ns[s].hash)
      s = (s + 1) & (ncap - 1);
    ns[s] = ix->slots[k];
  }
  kg_free(ix->slots);
  ix->slots = ns;
  ix->cap = ncap;
  return KG_SUCCESS;
}

static KgStatus kgt_grow(KgtPhraseIndex *ix) {
  return kgt_resize(ix, ix->cap ? ix->cap * 2 : 1024);
}

KgStatus kgt_phrase_reserve(KgtPhraseIndex *ix, size_t keys) {
  if (ix->mapped)
    return KG_ERR_BAD_ARG;
  size_t cap = 1024;
  while (cap * 3 < keys * 4)
    cap *= 2;
  return cap > ix->cap ? kgt_resize(ix, cap) : KG_SUCCESS;
}

KgStatus kgt_phrase_reserve_items(KgtPhraseIndex *ix, size_t items, size_t key_bytes) {
  if (ix->mapped)
    return KG_ERR_BAD_ARG;
  if (items > ix->items_cap) {
    KgtPhraseItem *ni = kg_realloc(ix->items, items * sizeof *ni);
    if (!ni)
      return KG_ERR_NOMEM;
    ix->items = ni;
    ix->items_cap = items;
  }
  if (key_bytes > ix->keys_cap) {
    char *nk = kg_realloc(ix->keys, key_bytes);
    if (!nk)
      return KG_ERR_NOMEM;
    ix->keys = nk;
    ix->keys_cap = key_bytes;
  }
  return KG_SUCCESS;
}

char *kgt_phrase_key_room(KgtPhraseIndex *ix) {
  if (ix->mapped)
    return NULL;
  if (ix->keys_len + KGT_PHRASE_MAX + 1 > ix->keys_cap) {
    size_t nc = ix->keys_cap ? ix->keys_cap * 2 : 8192;
    while (nc < ix->keys_len + KGT_PHRASE_MAX + 1)
      nc *= 2;
    char *nk = kg_realloc(ix->keys, nc);
    if (!nk)
      return NULL;
    ix->keys = nk;
    ix->keys_cap = nc;
  }
  return ix->keys + ix->keys_len;
}

/* The slot of @p h (non-zero), created when absent: the caller made room for it. */
static inline size_t kgt_slot_put(KgtPhraseIndex *ix, uint64_t h, uint32_t mask) {
  KgtPhraseSlot *sl = ix->slots;
  size_t m = ix->cap - 1;
  size_t s = kgt_slot(h, ix->cap);
  while (sl[s].hash && sl[s].hash != h)
    s = (s + 1) & m;
  if (!sl[s].hash) {
    size_t b = kgt_filter_bit(h);
    ix->filter[b >> 6] |= 1ULL << (b & 63);
    sl[s].hash = h;
    sl[s].head = 0;
    sl[s].mask = 0;
    ix->used++;
  }
  sl[s].mask |= mask;
  return s;
}

static uint64_t kgt_nonzero(uint64_t h) { return h ? h : 1; }

/* Classes of the bytes of a key for the places the tokenizer may start a token: 0 digit,
 * 1 letter or non-ASCII byte, 2 other, 3 space. */
static const unsigned char kgt_key_class[256] = {
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    3, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2,
    0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 2, 2, 2, 2, 2,
    2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2,
    2, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
    1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1,
};

/* Bit 4 * a + b: a token may start at a byte of class b after one of class a, that is
 * after anything but a space, before a space or other, or at a change of class. The
 * first byte of a key counts as after a space. */
#define KGT_CUT_BITS 0x0FDEu

/* Hash the next byte @p c of a key: the hash so far @p h, the prefixes in @p pre (*m of
 * them) and the class of the last byte @p a. */
static inline void kgt_key_hash_step(uint64_t *h, size_t *m, unsigned *a, uint64_t *pre,
                                     unsigned char c) {
  unsigned b = kgt_key_class[c];
  pre[*m] = *h; /* stored every time, kept at a cut: no branch to mispredict */
  *m += (KGT_CUT_BITS >> (4 * *a + b)) & 1;
  *a = b;
  *h = (*h ^ c) * 1099511628211ULL;
}

void kgt_phrase_key_hash(const char *key, size_t n, KgtKeyHash *kh) {
  const unsigned char *k = (const unsigned char *)key;
  uint64_t h = KGT_PHRASE_SEED;
  size_t m = 0;
  unsigned a = 3;
  for (size_t p = 0; p < n; p++)
    kgt_key_hash_step(&h, &m, &a, kh->pre, k[p]);
  kh->h = kgt_nonzero(h);
  kh->np = m;
}

/* Append the item of key @p key (room made first: nothing is half added); its id. */
static KgStatus kgt_item_add(KgtPhraseIndex *ix, const char *key, size_t n, uint32_t payload,
                             uint32_t mask, uint32_t *id) {
  if (ix->nitems == ix->items_cap) {
    size_t nc = ix->items_cap ? ix->items_cap * 2 : 256;
    KgtPhraseItem *ni = kg_realloc(ix->items, nc * sizeof *ni);
    if (!ni)
      return KG_ERR_NOMEM;
    ix->items = ni;
    ix->items_cap = nc;
  }
  if (ix->keys_len + n > ix->keys_cap) {
    size_t nc = ix->keys_cap ? ix->keys_cap * 2 : 8192;
    while (nc < ix->keys_len + n)
      nc *= 2;
    char *nk = kg_realloc(ix->keys, nc);
    if (!nk)
      return KG_ERR_NOMEM;
    ix->keys = nk;
    ix->keys_cap = nc;
  }
  if (key != ix->keys + ix->keys_len) /* else folded in place (kgt_phrase_key_room) */
    memcpy(ix->keys + ix->keys_len, key, n);
  KgtPhraseItem *it = &ix->items[ix->nitems];
  it->payload = payload;
  it->key_off = (uint32_t)ix->keys_len;
  it->key_len = (uint32_t)n;
  it->mask = mask;
  it->next = 0;
  ix->keys_len += n;
  *id = (uint32_t)++ix->nitems;
  return KG_SUCCESS;
}

/* Item @p id goes at the end of the chain of slot @p s: earlier files (and lines) come
 * first. */
static void kgt_chain(KgtPhraseIndex *ix, size_t s, uint32_t id) {
  if (!ix->slots[s].head) {
    ix->slots[s].head = id;
  } else {
    uint32_t c = ix->slots[s].head;
    while (ix->items[c - 1].next)
      c = ix->items[c - 1].next;
    ix->items[c - 1].next = id;
  }
}

static KgStatus kgt_filter_alloc(KgtPhraseIndex *ix) {
  if (!ix->filter && !(ix->filter = kg_calloc(KGT_FILTER_BITS / 64, sizeof *ix->filter)))
    return KG_ERR_NOMEM;
  return KG_SUCCESS;
}

/* A slot to fill: its hash, the mask to add, the item to chain (0: a prefix). */
typedef struct KgtPhraseQueued {
  uint64_t hash;
  uint32_t mask;
  uint32_t item;
} KgtPhraseQueued;

#define KGT_QUEUE_MAX 512
/* How far ahead of the slot it fills kgt_phrase_commit() fetches the table. */
#define KGT_QUEUE_AHEAD 16

KgStatus kgt_phrase_commit(KgtPhraseIndex *ix) {
  size_t nq = ix->nqueue;
  if (!nq)
    return KG_SUCCESS;
  ix->nqueue = 0;
  const KgtPhraseQueued *q = ix->queue;
  KgStatus st = kgt_filter_alloc(ix);
  for (size_t k = 0; k < nq && st == KG_SUCCESS; k++) {
    /* one slot at a time, so the table grows as soon as it is three quarters full (the
       Bloom filter turns most misses away before they walk a run) */
    if ((ix->used + 1) * 4 > ix->cap * 3 && (st = kgt_grow(ix)) != KG_SUCCESS)
      break;
#if defined(__GNUC__)
    if (k == 0)
      for (size_t j = 0; j < KGT_QUEUE_AHEAD && j < nq; j++)
        __builtin_prefetch(&ix->slots[kgt_slot(q[j].hash, ix->cap)], 1);
    if (k + KGT_QUEUE_AHEAD < nq)
      __builtin_prefetch(&ix->slots[kgt_slot(q[k + KGT_QUEUE_AHEAD].hash, ix->cap)], 1);
#endif
    size_t s = kgt_slot_put(ix, q[k].hash, q[k].mask);
    if (q[k].item)
      kgt_chain(ix, s, q[k].item);
  }
  return st;
}

KgStatus kgt_phrase_add_hashed(KgtPhraseIndex *ix, const char *key, size_t n, uint32_t payload,
                               uint32_t mask, const KgtKeyHash *kh) {
  if (n == 0 || n > KGT_PHRASE_MAX || ix->mapped)
    return KG_ERR_BAD_ARG;
  size_t np = kh->np;
  KgStatus st = KG_SUCCESS;
  if (!ix->queue && !(ix->queue = kg_malloc(KGT_QUEUE_MAX * sizeof *ix->queue)))
    return KG_ERR_NOMEM;
  if (ix->nqueue + np + 1 > KGT_QUEUE_MAX && (st = kgt_phrase_commit(ix)) != KG_SUCCESS)
    return st;
  uint32_t id;
  if ((st = kgt_item_add(ix, key, n, payload, mask, &id)) != KG_SUCCESS)
    return st;
  KgtPhraseQueued *qu = ix->queue + ix->nqueue;
  for (size_t k = 0; k < np; k++) {
    qu[k].hash = kgt_nonzero(kh->pre[k]);
    qu[k].mask = mask;
    qu[k].item = 0;
  }
  qu[np].hash = kh->h;
  qu[np].mask = mask;
  qu[np].item = id;
  ix->nqueue += np + 1;
  return KG_SUCCESS;
}

/* The slot a probe for @p h (kgt_nonzero()'d) starts at, + 1; 0 when the filter says no
 * key has that hash (most tokens start none). */
static inline size_t kgt_probe_start(const KgtPhraseIndex *ix, uint64_t h) {
  size_t b = kgt_filter_bit(h);
  if (!(ix->filter[b >> 6] & (1ULL << (b & 63))))
    return 0;
  return kgt_slot(h, ix->cap) + 1;
}

/* The probe for @p h (kgt_nonzero()'d) from slot @p s1 - 1 (kgt_probe_start()). */
static inline uint32_t kgt_probe_from(const KgtPhraseIndex *ix, uint64_t h, size_t s1,
                                      uint32_t *mask) {
  *mask = 0;
  if (!s1)
    return 0;
  for (size_t s = s1 - 1; ix->slots[s].hash; s = (s + 1) & (ix->cap - 1))
    if (ix->slots[s].hash == h) {
      *mask = ix->slots[s].mask;
      return ix->slots[s].head;
    }
  return 0;
}

/* kgt_phrase_probe(), inline in kgt_phrase_longest_from(). */
static inline uint32_t kgt_probe(const KgtPhraseIndex *ix, uint64_t h, uint32_t *mask) {
  *mask = 0;
  if (!ix->cap || !ix->filter)
    return 0;
  h = kgt_nonzero(h);
  return kgt_probe_from(ix, h, kgt_probe_start(ix, h), mask);
}

uint32_t kgt_phrase_probe(const KgtPhraseIndex *ix, uint64_t h, uint32_t *mask) {
  return kgt_probe(ix, h, mask);
}

/* How many probes ahead kgt_phrase_probe_many() fetches slots: enough to cover a
 * cache miss with the probes in between. */
#define KGT_PROBE_AHEAD 8

void kgt_phrase_probe_many(const KgtPhraseIndex *ix, const uint64_t *hashes, size_t n,
                           uint32_t *heads, uint32_t *masks) {
  if (!ix->cap || !ix->filter) {
    for (size_t k = 0; k < n; k++)
      heads[k] = masks[k] = 0;
    return;
  }
  /* token k's filter test and first slot, worked out (and the slot fetched) when k is
     reached, KGT_PROBE_AHEAD tokens before k's probe, which reads them back here */
  size_t start[KGT_PROBE_AHEAD];
  for (size_t k = 0; k < n + KGT_PROBE_AHEAD; k++) {
    size_t *sk = &start[k % KGT_PROBE_AHEAD];
    if (k >= KGT_PROBE_AHEAD) {
      size_t j = k - KGT_PROBE_AHEAD;
      heads[j] = kgt_probe_from(ix, kgt_nonzero(hashes[j]), *sk, &masks[j]);
    }
    if (k < n) {
      *sk = kgt_probe_start(ix, kgt_nonzero(hashes[k]));
#if defined(__GNUC__)
      if (*sk)
        __builtin_prefetch(&ix->slots[*sk - 1]);
#endif
    }
  }
}

uint32_t kgt_phrase_find(const KgtPhraseIndex *ix, const char *key, size_t n) {
  uint32_t mask;
  uint32_t it = kgt_phrase_probe(ix, kgt_phrase_hash(KGT_PHRASE_SEED, key, n), &mask);
  while (it) {
    const KgtPhraseItem *item = kgt_phrase_item(ix, it);
    if (item->key_len == n && memcmp(ix->keys + item->key_off, key, n) == 0)
      return it;
    it = item->next;
  }
  return 0;
}

size_t kgt_phrase_longest(const KgtPhraseIndex *ix, const KgtDoc *d, size_t i,
                          size_t max_tokens, uint32_t mask, KgtPhraseAccept accept, void *user,
                          uint32_t *payload) {
  if (i >= kgt_doc_ntokens(d) || !ix->cap)
    return 0;
  /* the first token costs one probe with its precomputed hash: most stop there */
  uint32_t smask;
  uint32_t it = kgt_phrase_probe(ix, kgt_doc_fold_hash(d, i), &smask);
  return kgt_phrase_longest_from(ix, d, i, max_tokens, mask, accept, user, payload, it, smask);
}

size_t kgt_phrase_longest_from(const KgtPhraseIndex *ix, const KgtDoc *d, size_t i,
                               size_t max_tokens, uint32_t mask, KgtPhraseAccept accept,
                               void *user, uint32_t *payload, uint32_t it, uint32_t smask) {
  if (i >= kgt_doc_ntokens(d) || !ix->cap || !(smask & mask))
    return 0;
  const KgtToken *t0 = kgt_doc_token(d, i);
  const KgtSentence *se = kgt_doc_sentence(d, t0->sentence);
  size_t lim = se->tok_end;
  if (max_tokens && i + max_tokens < lim)
    lim = i + max_tokens;
  char key[KGT_PHRASE_MAX + 1];
  size_t klen = 0, best = 0;
  uint64_t h = KGT_PHRASE_SEED;
  for (size_t j = i; j < lim; j++) {
    const KgtToken *t = j == i ? t0 : kgt_doc_token(d, j);
    const unsigned char *f = (const unsigned char *)t->fold;
    if (j > i && (t->flags & KGT_F_SPACE_BEFORE)) {
      if (klen + 1 > KGT_PHRASE_MAX)
        break;
      key[klen++] = ' ';
      h = kgt_phrase_hash(h, " ", 1);
    }
    /* copy and hash in one pass (tokens are short): a key too long ends the look-up */
    size_t k = klen;
    if (j > i) {
      for (; *f && k < KGT_PHRASE_MAX; f++) {
        key[k++] = (char)*f;
        h = (h ^ *f) * 1099511628211ULL;
      }
    } else {
      for (; *f && k < KGT_PHRASE_MAX; f++)
        key[k++] = (char)*f;
      h = kgt_doc_fold_hash(d, i);
    }
    if (*f)
      break;
    klen = k;
    if (j > i) {
      it = kgt_probe(ix, h, &smask);
      if (!(smask & mask))
        break;
    }
    for (; it; it = kgt_phrase_item(ix, it)->next) {
      const KgtPhraseItem *item = kgt_phrase_item(ix, it);
      if (ix->items_by_mask && !(item->mask & mask))
        continue;
      if (item->key_len != klen || memcmp(ix->keys + item->key_off, key, klen) != 0)
        continue;
      if (!accept || accept(user, item->payload, i, j + 1)) {
        best = j + 1 - i;
        *payload = item->payload;
        break;
      }
    }
  }
  return best;
}

/* Letter cases of a string, up to 64 letters: bit k set when letter k is upper case. */
static void kgt_case_sig(const char *s, size_t n, uint64_t *bits, unsigned *count, int *first) {
  const unsigned char *p = (const unsigned char *)s;
  size_t k = 0;
  while (k < n) {
    uint32_t cp = p[k];
    int up;
    if (cp < 0x80) {
      /* most bytes: an ASCII letter is one of A-Z a-z, no table or call needed */
      k++;
      if ((unsigned)((cp | 0x20) - 'a') >= 26u)
        continue;
      up = cp < 'a';
    } else {
      k += kgc_decode(p + k, n - k, &cp);
      if (kgc_class(cp) != KGC_LETTER)
        continue;
      up = kgc_is_upper(cp);
    }
    if (*count == 0)
      *first = up;
    if (*count < 64 && up)
      *bits |= 1ULL << *count;
    (*count)++;
  }
}

static int kgt_sig_equal(uint64_t b1, unsigned c1, int f1, uint64_t b2, unsigned c2, int f2) {
  if (c1 != c2)
    return f1 == f2;
  return b1 == b2;
}

int kgt_str_case_equal(const char *s, size_t n, const char *phrase) {
  uint64_t b1 = 0, b2 = 0;
  unsigned c1 = 0, c2 = 0;
  int f1 = 0, f2 = 0;
  kgt_case_sig(s, n, &b1, &c1, &f1);
  kgt_case_sig(phrase, strlen(phrase), &b2, &c2, &f2);
  return kgt_sig_equal(b1, c1, f1, b2, c2, f2);
}

int kgt_str_first_upper(const char *s, size_t n) {
  /* kgt_case_sig()'s first letter, without reading the rest */
  const unsigned char *p = (const unsigned char *)s;
  for (size_t k = 0; k < n;) {
    uint32_t cp = p[k];
    if (cp < 0x80) {
      k++;
      if ((unsigned)((cp | 0x20) - 'a') < 26u)
        return cp < 'a';
      continue;
    }
    k += kgc_decode(p + k, n - k, &cp);
    if (kgc_class(cp) == KGC_LETTER)
      return kgc_is_upper(cp);
  }
  return 0;
}

void kgt_case_sig_of(const char *s, size_t n, KgtCaseSig *out) {
  out->bits = 0;
  out->count = 0;
  out->first = 0;
  kgt_case_sig(s, n, &out->bits, &out->count, &out->first);
}

int kgt_str_case_equal_sig(const char *s, size_t n, const KgtCaseSig *sig) {
  uint64_t b1 = 0;
  unsigned c1 = 0;
  int f1 = 0;
  kgt_case_sig(s, n, &b1, &c1, &f1);
  return kgt_sig_equal(b1, c1, f1, sig->bits, sig->count, sig->first);
}

int kgt_span_case_equal_sig(const KgtDoc *d, size_t a, size_t b, const KgtCaseSig *sig) {
  uint64_t b1 = 0;
  unsigned c1 = 0;
  int f1 = 0;
  const char *text = kgt_doc_text(d);
  for (size_t j = a; j < b; j++) {
    const KgtToken *t = kgt_doc_token(d, j);
    kgt_case_sig(text + t->start, t->end - t->start, &b1, &c1, &f1);
  }
  return kgt_sig_equal(b1, c1, f1, sig->bits, sig->count, sig->first);
}

int kgt_span_case_equal(const KgtDoc *d, size_t a, size_t b, const char *phrase) {
  uint64_t b1 = 0, b2 = 0;
  unsigned c1 = 0, c2 = 0;
  int f1 = 0, f2 = 0;
  const char *text = kgt_doc_text(d);
  for (size_t j = a; j < b; j++) {
    const KgtToken *t = kgt_doc_token(d, j);
    kgt_case_sig(text + t->start, t->end - t->start, &b1, &c1, &f1);
  }
  kgt_case_sig(phrase, strlen(phrase), &b2, &c2, &f2);
  return kgt_sig_equal(b1, c1, f1, b2, c2, f2);
}
