/*
 * mention.h - the gazetteers and the mentions of entities found in a document.
 * Private to the library. The layer below (text.h) gives tokens; the rules layer
 * (rules.h, relations) consumes these mentions.
 */
#ifndef KG_MENTION_H
#define KG_MENTION_H

#include <kgbuild/common.h>
#include <kgbuild/vocab.h>
#include "text/text.h"

typedef struct KgmGazetteerImpl KgmGazetteer;

/**
 * Load ontology/gazetteer/{organizations,places,firstnames,products,people}.tsv from
 * @p data_dir, then each user file in @p extra (its first line
 * "# kgbuild-gazetteer: organizations|places|firstnames|products|people" names its
 * kind). Errors name the file and line through @p log.
 */
KgStatus kgm_gazetteer_load(const char *data_dir, const char *const *extra, size_t n_extra,
                            const KgLog *log, KgmGazetteer **out);
/**
 * kgm_gazetteer_load() of the data directory alone, through a prepared file in the cache
 * folder (kgi_cache_dir()): mapped when one was written for these very data files and
 * this very build, else the text files are read and the prepared file written for the
 * next run (when it cannot be, nothing is said but a debug line). What it finds is the
 * same either way.
 */
KgStatus kgm_gazetteer_load_cached(const char *data_dir, const KgLog *log, KgmGazetteer **out);
void kgm_gazetteer_free(KgmGazetteer *g);

/*
 * The gazetteer also holds the language data of mentions and tokens: kgm_gazetteer_load()
 * reads @p data_dir/lexicon/{en,fr}-mentions.tsv too, and accepts in @p extra user
 * lexicons ("# kgbuild-lexicon: mentions LANG") as well as gazetteers.
 */

/**
 * Add the user lexicons among @p files: those whose first line is
 * "# kgbuild-lexicon: mentions LANG". Other files (rule files, lexicons of other kinds)
 * are skipped without a word, so the extractor can pass its whole --lexicon list here
 * and to the rule loader. Call before the gazetteer is used.
 */
KgStatus kgm_gazetteer_add_lexicons(KgmGazetteer *g, const char *const *files, size_t n,
                                    const KgLog *log);

/** The language data (borrowed, lives as long as @p g): pass it to kgt_doc_new_lex(). */
const KgtLexicon *kgm_gazetteer_lexicon(const KgmGazetteer *g);

/** Numbers of entries loaded per kind (organizations, places, firstnames, products,
 * people), for diagnostics and tests; @p counts has 5 slots. */
void kgm_gazetteer_counts(const KgmGazetteer *g, size_t counts[5]);

typedef struct {
  size_t tok_start, tok_end;  /* tokens [start, end) of the name as written */
  KgClass cls;                /* best class from gazetteer / suffix / descriptor / cue */
  const char *name;           /* canonical name (gazetteer name, or the cleaned surface:
                                 legal suffix kept out, e.g. "Acme" for "Acme Corp.") */
  const char *surface;        /* as written, e.g. "Zorbex Corp." */
  const char *qualifier;      /* "nonprofit" etc. when a descriptor distinguishes two
                                 entities with one name, else NULL */
  const char *qid;            /* Wikidata id from the gazetteer, or NULL */
  const char *country;        /* place: its country; org: its country; or NULL */
  const char *legal_form;     /* "nonprofit", "capped-profit", ... when the text says so */
  const char *place[2];       /* anaphor: the places its description names ("le groupe
                                 français", "the Franco-Italian group"), else NULL */
  const char *place_qid[2];   /* their Wikidata ids, or NULL */
  size_t desc_start, desc_end; /* tokens of a descriptor ("la société", "the startup",
                                  "firme californienne") attached to it, or equal if none */
  /* anaphor resolved to a name of its own sentence: the organization it would refer to
   * without that sentence (its class and qualifier too), or NULL. "Halden holds 10% of
   * the company": when the relation would tie Halden to itself, the company is the one
   * named before. */
  const char *maker;          /* product the gazetteer knows: its developer's name, or NULL */
  const char *alt_name;
  const char *alt_qualifier;
  KgClass alt_cls;
  unsigned flags;
} KgmMention;

#define KGM_F_GAZETTEER 0x01  /* found in a gazetteer */
#define KGM_F_DEMONYM 0x02    /* a place given by its demonym ("californienne") */
#define KGM_F_ANAPHOR 0x04    /* a pronoun or definite description resolved to an earlier
                                 entity ("l'entreprise", "the company", "it") */
#define KGM_F_QUOTED 0x08     /* inside a quotation */
#define KGM_F_GUESS 0x10      /* only capitalisation in context says it is a name (class
                                 Organization): weaker evidence than the other sources */
#define KGM_F_SHARED 0x20     /* a second entity named inside the same token
                                 ("Zorbex-Quintal"): same tokens as the mention before */
#define KGM_F_SURE 0x80       /* an anaphor whose description fits one earlier entity
                                 (its country, its city, the noun a descriptor gave it):
                                 as good as the name where a rule wants a name */
#define KGM_F_SPEAKER 0x40    /* a "we"/"nous" of a quotation, resolved to its speaker */
#define KGM_F_LOWER 0x100     /* its first token is not capitalised (« américaine »: a demonym
                                 used as an adjective in French) */
#define KGM_F_WIDE 0x400      /* a continent of the gazetteer ("Europe", "Asia", "the Middle
                                 East"): too wide to say where an organization is based */
#define KGM_F_CATAPHOR 0x200  /* a possessive in a fronted phrase that names the subject
                                 after it (« Fondée par P, son PDG, X est … »): a gap that
                                 skips no anaphor may skip this one */

typedef struct {
  KgmMention *items;   /* sorted by tok_start, then tok_end; owned by the list */
  size_t n;
  void *strings_;      /* private: the strings the items point to */
} KgmMentions;

/**
 * Find the organizations, people, products and places named in @p doc: gazetteer
 * look-ups (longest match, aliases), legal suffixes (Inc, SA, SAS, GmbH, plc, Holdings,
 * Capital, Ventures, Partners, Group/Groupe…), descriptors (la société X, le groupe X,
 * the startup X, rival X, la banque X), capitalised spans in context, people by first
 * names and titles (PDG, CEO, M., Mr.), places and demonyms, products by cues (son
 * chatbot X, the X platform, modèle X, service X) and lists ("Velo, Velo-2 et Marlin").
 * Anaphora (l'entreprise, la société, le groupe, ce dernier, the company, it, its) are
 * added as mentions with KGM_F_ANAPHOR and the canonical name of the entity they refer
 * to. *out is filled; free with kgm_mentions_clear().
 */
KgStatus kgm_find_mentions(const KgmGazetteer *g, const KgtDoc *doc, KgmMentions *out);
void kgm_mentions_clear(KgmMentions *m);

/** Whether organization name @p name is a family's ("the Velmar family", « famille Velmar »). */
int kgm_name_is_family(const char *name);
/** Whether a word of @p name is the @p kl bytes of @p key, whatever their ASCII case:
 * "Brelle" in "Van der Brelle Kwekerij", "Tarvisi" in "Conceria Tarvisi". */
int kgm_name_has_word(const char *name, const char *key, size_t kl);

/** Look a name up in the organization gazetteer (aliases too); NULL if unknown. */
const char *kgm_gazetteer_org_canonical(const KgmGazetteer *g, const char *name,
                                        KgClass *cls, const char **qid);

#endif
