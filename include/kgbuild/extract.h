/*
 * kgbuild/extract.h - from an article's text to entities and facts in a KgGraph.
 * Language knowledge (gazetteers, lexicons, rule files) is data, loaded from the data
 * directory and from user files.
 */
#ifndef KGBUILD_EXTRACT_H
#define KGBUILD_EXTRACT_H

#include <kgbuild/article.h>
#include <kgbuild/graph.h>

#ifdef __cplusplus
extern "C" {
#endif

typedef struct KgExtractorImpl KgExtractor;

typedef struct {
  const char *data_dir;              /**< folder holding gazetteer/, lexicon/, rules/ */
  const char *const *gazetteers;     /**< extra gazetteer files (user), may be NULL */
  size_t n_gazetteers;
  const char *const *lexicons;       /**< extra lexicon/rule files (user), may be NULL */
  size_t n_lexicons;
  const char *lang;                  /**< "auto" (or NULL), "en", "fr" */
} KgExtractorOptions;

/**
 * Load the gazetteers and lexicons. The rules of a language are compiled when the first
 * article in that language is extracted, or here when @c opts->lang names one language
 * (its rules only) or when @c opts->lexicons gives user files (every language's, so
 * their errors come before any output). Errors (a missing data file, a bad line in a
 * rule file) go to @p log naming the file and line, and return a status.
 * On success *out is new; free it with kg_extractor_free().
 */
KG_API KgStatus kg_extractor_new(const KgExtractorOptions *opts, const KgLog *log,
                                 KgExtractor **out);
KG_API void kg_extractor_free(KgExtractor *ex);

/**
 * Find entities and facts in @p a and add them to @p g (which should have
 * kg_graph_set_article(g, a) already). Sets KG_META_LANGUAGE on the graph's article
 * data when the article had none. One extractor may serve many articles (and threads,
 * each with its own graph): all it changes is compiling a language's rules the first
 * time, under a lock. KG_ERR_DATA: the rules of the article's language could not be
 * compiled (the first call logged the file and line; later ones return the same).
 */
KG_API KgStatus kg_extract(const KgExtractor *ex, const KgArticle *a, KgGraph *g,
                           const KgLog *log);

/** Detect the language of @p text: "en" or "fr" (static string). */
KG_API const char *kg_detect_language(const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
