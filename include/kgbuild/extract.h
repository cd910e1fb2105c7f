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
 * Load every data file and compile the rules. Errors (a missing data file, a bad line
 * in a rule file) go to @p log naming the file and line, and return a status.
 * On success *out is new; free it with kg_extractor_free().
 */
KG_API KgStatus kg_extractor_new(const KgExtractorOptions *opts, const KgLog *log,
                                 KgExtractor **out);
KG_API void kg_extractor_free(KgExtractor *ex);

/**
 * Find entities and facts in @p a and add them to @p g (which should have
 * kg_graph_set_article(g, a) already). Sets KG_META_LANGUAGE on the graph's article
 * data when the article had none. The extractor is not changed: one extractor may
 * serve many articles (and threads, each with its own graph).
 */
KG_API KgStatus kg_extract(const KgExtractor *ex, const KgArticle *a, KgGraph *g,
                           const KgLog *log);

/** Detect the language of @p text: "en" or "fr" (static string). */
KG_API const char *kg_detect_language(const char *text, size_t len);

#ifdef __cplusplus
}
#endif
#endif
