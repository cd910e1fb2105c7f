/*
 * mention_int.h - the gazetteer's inside, shared by gazetteer.c and the mention finder.
 */
#ifndef KG_MENTION_INT_H
#define KG_MENTION_INT_H

#include "extract/mention.h"
#include "text/phrase.h"

typedef enum {
  KGM_G_ORG = 0,
  KGM_G_PLACE,
  KGM_G_FIRSTNAME,
  KGM_G_PRODUCT,
  KGM_G_PERSON,
  KGM_G__COUNT
} KgmGType;

typedef struct {
  const char *name;    /* canonical name */
  const char *qid;     /* NULL when absent */
  const char *country; /* org: its country; place: the country it is in (itself for one) */
  const char *extra;   /* place: kind; product: developer; first name: lang */
  KgClass cls;
  unsigned char type;  /* KgmGType */
} KgmEntry;

/* Masks of the phrase index: what a key is. */
#define KGM_MASK_NAME 0x01     /* an org, place, product or person name or alias */
#define KGM_MASK_FIRST 0x02    /* a first name */
#define KGM_MASK_DEMONYM 0x04  /* a demonym */
/* also on a name or first name whose first letter is lower case, or that has no letter:
 * with the demonyms, the only forms a run of tokens that starts with a lower-case letter
 * can be (the case of a name's first letter must match, see kgm_gaz_accept()) */
#define KGM_MASK_LOWER 0x08

/* One written form of an entry: its name, an alias or a demonym. */
typedef struct {
  uint32_t entry;
  uint32_t demonym;    /* 1: a demonym of the place */
  const char *form;    /* as written in the file (case is compared with it) */
  KgtCaseSig sig;      /* the letter cases of form, worked out once */
} KgmForm;

typedef struct KgmChunk {
  struct KgmChunk *next;
  char data[];
} KgmChunk;

struct KgmGazetteerImpl {
  KgmEntry *entries;
  size_t n, cap;
  KgmForm *forms;
  size_t nforms, forms_cap;
  KgtPhraseIndex ix;  /* folded form -> form index */
  KgtLexicon *lx;
  KgmChunk *chunks;   /* file contents the entries point into */
  size_t counts[KGM_G__COUNT];
  KgiMap map;         /* the prepared file the entries, forms and indexes point into */
  char *data_dir;     /* where the mapped lexicon came from, to load it again from text */
};

#endif
