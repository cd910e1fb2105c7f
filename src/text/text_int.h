/*
 * text_int.h - declarations shared by the files of src/text and the mention finder
 * (src/extract/gazetteer.c, mentions.c), not by the rest of the library.
 */
#ifndef KG_TEXT_INT_H
#define KG_TEXT_INT_H

#include <stdint.h>
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

/** 1 when @p fold (NUL-terminated, folded) is an English or French function word
 * ("the", "les", "dans", "however"...): words that start sentences and are no names. */
int kgt_is_function_word(const char *fold);
/** The same for one language ("en", "fr"; other: either). */
int kgt_is_function_word_in(const char *fold, const char *lang);

#endif
