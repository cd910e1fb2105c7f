/*
 * phrase.h - a hash index of folded phrases ("microsoft corp.", "la societe") matched
 * against runs of tokens, longest first. Private to src/text and src/extract.
 *
 * A phrase is stored under its folded text (kgt_fold); a run of tokens is looked up by
 * joining the tokens' fold strings, with one space where the text had white space.
 * Every place where the tokenizer could cut the phrase into tokens is also stored as a
 * prefix, so a look-up stops at the first token that no phrase continues with: most
 * tokens cost one probe.
 */
#ifndef KG_TEXT_PHRASE_H
#define KG_TEXT_PHRASE_H

#include <stdint.h>
#include "text/text.h"
#include "util/util.h"

typedef struct {
  uint32_t next;    /* next item under the same key, +1 (0: none) */
  uint32_t payload; /* the owner's value (an entry index) */
  uint32_t key_off; /* the folded key in the index's key arena */
  uint32_t key_len;
  uint32_t mask;    /* the mask it was added with */
} KgtPhraseItem;

typedef struct {
  uint64_t hash; /* 0 = empty */
  uint32_t head; /* first item +1, 0 when only a prefix */
  uint32_t mask; /* union of the masks of the keys this one is (a prefix of) */
} KgtPhraseSlot;

typedef struct {
  KgtPhraseSlot *slots; /* hash and head side by side: one cache miss per probe */
  size_t cap, used;
  uint64_t *filter;     /* one bit per class of hash values, small enough to stay in
                           cache: most tokens start no key and stop here */
  KgtPhraseItem *items;
  size_t nitems, items_cap;
  char *keys;
  size_t keys_len, keys_cap;
  /* set by an owner whose accept callback refuses every item whose mask misses the
   * look-up's: kgt_phrase_longest() then skips those items without comparing keys */
  int items_by_mask;
  struct KgtPhraseQueued *queue; /* slots the add_later/add_hashed adds have yet to fill */
  size_t nqueue;
  int mapped; /* the arrays are a prepared file's (kgt_phrase_map): read-only, not freed */
} KgtPhraseIndex;

/* Longest phrase, in bytes of folded key, that a look-up builds. */
#define KGT_PHRASE_MAX 255

void kgt_phrase_init(KgtPhraseIndex *ix);
void kgt_phrase_free(KgtPhraseIndex *ix);
/** Make room for about @p keys keys and prefixes (saves rehashing while loading). */
KgStatus kgt_phrase_reserve(KgtPhraseIndex *ix, size_t keys);
/** Make room for @p items items and @p key_bytes bytes of keys in all (a loader that
 * knows its input size saves growing the arrays). */
KgStatus kgt_phrase_reserve_items(KgtPhraseIndex *ix, size_t items, size_t key_bytes);
/* The hashes of a key (see kgt_phrase_key_hash()): its own (non-zero) and its prefixes'
 * (as hashed: 0 stays 0). */
typedef struct {
  uint64_t h;
  size_t np;
  uint64_t pre[KGT_PHRASE_MAX];
} KgtKeyHash;

/** The hashes of key @p key (@p n > 0 bytes): its own, and those of its prefixes that end
 * where the tokenizer may start a new token. */
void kgt_phrase_key_hash(const char *key, size_t n, KgtKeyHash *kh);

/**
 * Add @p payload under the folded key @p key (n bytes; kgt_fold() output), given
 * kgt_phrase_key_hash() of the key; @p mask (non-zero) says what the key is, so look-ups
 * for other things stop early. The item is added at once, its slots (key and prefixes)
 * are filled a few hundred at a time, with the table read ahead, as the table is too big
 * for the cache: look-ups may miss the key until kgt_phrase_commit(), which the loader
 * calls before it returns.
 */
KgStatus kgt_phrase_add_hashed(KgtPhraseIndex *ix, const char *key, size_t n, uint32_t payload,
                               uint32_t mask, const KgtKeyHash *kh);
/** Fill the slots of every kgt_phrase_add_hashed() so far. KG_ERR_NOMEM: some were lost. */
KgStatus kgt_phrase_commit(KgtPhraseIndex *ix);
/** Where the next key added goes in the key arena, with room for KGT_PHRASE_MAX + 1
 * bytes (NULL: out of memory): a loader folds a key there and passes it to
 * kgt_phrase_add_hashed(), which then copies nothing. Valid until the next add. */
char *kgt_phrase_key_room(KgtPhraseIndex *ix);

static inline uint64_t kgt_phrase_hash(uint64_t h, const char *s, size_t n) {
  const unsigned char *p = (const unsigned char *)s;
  for (size_t k = 0; k < n; k++) {
    h ^= p[k];
    h *= 1099511628211ULL;
  }
  return h;
}
#define KGT_PHRASE_SEED 14695981039346656037ULL

/** Items under a full key: returns the first item +1 (0: none); *mask is the slot's mask
 * (0: no key is or starts with this one). */
uint32_t kgt_phrase_probe(const KgtPhraseIndex *ix, uint64_t h, uint32_t *mask);

/** kgt_phrase_probe() of @p n hashes: heads[k] and masks[k] for hashes[k]. Faster than
 * one at a time: the table is read ahead of the probes. */
void kgt_phrase_probe_many(const KgtPhraseIndex *ix, const uint64_t *hashes, size_t n,
                           uint32_t *heads, uint32_t *masks);

/** Item @p it (an index +1 as returned by kgt_phrase_probe or ->next). */
static inline const KgtPhraseItem *kgt_phrase_item(const KgtPhraseIndex *ix, uint32_t it) {
  return &ix->items[it - 1];
}

/* Called for each item of a full match over tokens [a, b); non-zero accepts it. */
typedef int (*KgtPhraseAccept)(void *user, uint32_t payload, size_t a, size_t b);

/**
 * Longest run of tokens from @p i (within its sentence, at most @p max_tokens) whose key
 * has an item @p accept takes, among keys whose mask meets @p mask. Returns the number
 * of tokens (0: none), *payload the item.
 */
size_t kgt_phrase_longest(const KgtPhraseIndex *ix, const KgtDoc *d, size_t i,
                          size_t max_tokens, uint32_t mask, KgtPhraseAccept accept, void *user,
                          uint32_t *payload);
/** The same, given what kgt_phrase_probe() returned for token @p i's fold hash (@p it)
 * and its *mask (@p smask), by a caller that has them already. */
size_t kgt_phrase_longest_from(const KgtPhraseIndex *ix, const KgtDoc *d, size_t i,
                               size_t max_tokens, uint32_t mask, KgtPhraseAccept accept,
                               void *user, uint32_t *payload, uint32_t it, uint32_t smask);

/** The FNV hash of token @p i's fold string (kept by the doc, computed once). */
static inline uint64_t kgt_doc_fold_hash(const KgtDoc *d, size_t i) {
  return kgt_doc_head(d)->fold_hash[i];
}

/** Append the index (committed) to @p w as sections that kgt_phrase_map() reads back. */
void kgt_phrase_save(const KgtPhraseIndex *ix, KgiSnapW *w);
/**
 * The index kgt_phrase_save() wrote, read from @p r: its arrays point into the mapping,
 * which must outlive it, and no key can be added. Every index in it is checked (items'
 * payloads below @p npayload): KG_ERR_PARSE when they do not hold together.
 */
KgStatus kgt_phrase_map(KgtPhraseIndex *ix, KgiSnapR *r, uint32_t npayload);

/** Look a folded string up directly; returns the first item +1 or 0. */
uint32_t kgt_phrase_find(const KgtPhraseIndex *ix, const char *key, size_t n);

/**
 * Compare the letter case of tokens [a, b) with @p phrase: 1 when each letter has the
 * same case in both (accents and punctuation aside); when the two do not have the same
 * number of letters, when their first letters have the same case.
 */
int kgt_span_case_equal(const KgtDoc *d, size_t a, size_t b, const char *phrase);
/** The same for two strings. */
int kgt_str_case_equal(const char *s, size_t n, const char *phrase);
/** The letter cases of @p s (@p n bytes), to compare many times with the two below. */
void kgt_case_sig_of(const char *s, size_t n, KgtCaseSig *out);
/** kgt_span_case_equal() and kgt_str_case_equal() with the phrase's cases worked out
 * already (kgt_case_sig_of() of the whole phrase). */
int kgt_span_case_equal_sig(const KgtDoc *d, size_t a, size_t b, const KgtCaseSig *sig);
int kgt_str_case_equal_sig(const char *s, size_t n, const KgtCaseSig *sig);
/** 1 when the first letter of @p s (@p n bytes) is upper case, 0 when it is lower case or
 * @p s has no letter: what the comparisons above take as its first letter's case. */
int kgt_str_first_upper(const char *s, size_t n);

#endif
