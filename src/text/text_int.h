/*
 * text_int.h - declarations shared by the files of src/text and the mention finder
 * (src/extract/gazetteer.c, mentions.c), not by the rest of the library.
 */
#ifndef KG_TEXT_INT_H
#define KG_TEXT_INT_H

#include <stdint.h>
#include "text/phrase.h"
#include "text/text.h"

/**
 * The lexicon entry of kind @p kind for the single written word @p s (@p n bytes), in
 * language @p lang or any language (lang NULL: any entry), honouring case-sensitive
 * entries; NULL when there is none.
 */
const KgtLexEntry *kgt_lexicon_lookup(const KgtLexicon *lx, KgtLexKind kind, const char *lang,
                                      const char *s, size_t n);

/** The same for token @p i of @p d (the doc's language), without folding it again. */
const KgtLexEntry *kgt_lexicon_lookup_token(const KgtLexicon *lx, KgtLexKind kind,
                                            const KgtDoc *d, size_t i);

/** Which kinds (KGT_LEX_BIT mask) have a phrase that starts with token @p i: one probe,
 * so callers can skip kgt_lexicon_match() for most tokens. */
uint32_t kgt_lexicon_first_mask(const KgtLexicon *lx, const KgtDoc *d, size_t i);
/** The same, and *head the first entry of the probe (for the doc's lex_head). */
uint32_t kgt_lexicon_first(const KgtLexicon *lx, const KgtDoc *d, size_t i, uint32_t *head);
/** kgt_lexicon_first() of every token of @p d at once (arrays of its token count). */
void kgt_lexicon_first_all(const KgtLexicon *lx, const KgtDoc *d, uint32_t *heads,
                           uint32_t *masks);

/** The same, read from the doc's table when @p lx is the doc's lexicon (computed once
 * when the doc is made). */
static inline uint32_t kgt_doc_lex_mask(const KgtDoc *d, const KgtLexicon *lx, size_t i) {
  const KgtDocHead *h = kgt_doc_head(d);
  if (h->lex_mask && lx == h->lx)
    return i < h->ntok ? h->lex_mask[i] : 0;
  return kgt_lexicon_first_mask(lx, d, i);
}

/** kgt_fold() of @p s into @p out (KGT_PHRASE_MAX + 1 bytes), and kgt_phrase_key_hash()
 * of what it wrote, in one pass. @p s is in a buffer made for kgt_line_cut(): it reads up
 * to 7 bytes past s + n. */
size_t kgt_fold_key(const char *s, size_t n, char *out, KgtKeyHash *kh);

/* Readable bytes a buffer given to kgt_line_cut() has past its end's NUL. */
#define KGT_LINE_PAD 8

/* One line of a data file, found by kgt_line_cut(). */
typedef struct {
  char *line;    /* NUL-terminated */
  size_t len;    /* strlen(line): a NUL byte in the line ends it */
  size_t ntabs;  /* tabs in line[0, len), at most the number asked for */
  char *tab[8];
} KgtLine;

/**
 * Cut the line at @p p of a buffer that ends at @p end (a NUL there, and KGT_LINE_PAD
 * readable bytes after it) in place: the line ends at '\n' or @p end, without a '\r'
 * before it; note the first @p max_tabs (at most 8) tabs of it. Returns where the next
 * line starts. One pass over the bytes, 8 at a time.
 */
char *kgt_line_cut(char *p, char *end, KgtLine *ln, size_t max_tabs);
/** Cut @p ln in place into at most @p max fields at its tabs (the last field also ends at
 * the tab after it, so noting @p max tabs is enough); sets f[] and their lengths fl[];
 * returns the number of fields. */
size_t kgt_line_fields(const KgtLine *ln, char **f, size_t *fl, size_t max);

/** 1 when the @p n bytes at @p s, a word right before an apostrophe, are a French elision
 * the tokenizer makes a token of its own ("l", "d", "s", "qu", "jusqu"): ASCII letters,
 * two at most or ending in "qu". The rule compiler splits pattern words the same way. */
int kgt_elision_prefix(const char *s, size_t n);

/** 1 when @p fold (NUL-terminated, folded) is an English or French function word
 * ("the", "les", "dans", "however"...): words that start sentences and are no names. */
int kgt_is_function_word(const char *fold);
/** The same for one language ("en", "fr"; other: either). */
int kgt_is_function_word_in(const char *fold, const char *lang);

#endif
