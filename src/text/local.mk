# src/text/local.mk: tokens, sentences, language, quantities and the language data they
# read; also the mention finder of src/extract (gazetteers, mentions), which this module's
# engineer owns, and their tests.
src_libkg_impl_la_SOURCES += src/text/chars.c src/text/phrase.c src/text/lexicon.c \
	src/text/tokenize.c src/text/quantity.c src/text/language.c
noinst_HEADERS += src/text/text.h src/text/text_int.h src/text/chars.h src/text/phrase.h

dist_lexicon_DATA += ontology/lexicon/en-mentions.tsv ontology/lexicon/fr-mentions.tsv \
	ontology/lexicon/en-words.tsv ontology/lexicon/fr-words.tsv
EXTRA_DIST += ontology/lexicon/README.md

check_PROGRAMS += tests/check_text
tests_check_text_SOURCES = tests/check_text.c
tests_check_text_CFLAGS = $(TESTS_CFLAGS)
tests_check_text_LDADD = $(TESTS_LDADD)
TESTS += tests/check_text

# The mention finder (src/extract/mention.h), owned by this module's engineer.
src_libkg_impl_la_SOURCES += src/extract/gazetteer.c src/extract/mentions.c
noinst_HEADERS += src/extract/mention.h src/extract/mention_int.h

dist_gazetteer_DATA += ontology/gazetteer/organizations.tsv ontology/gazetteer/places.tsv \
	ontology/gazetteer/firstnames.tsv ontology/gazetteer/products.tsv \
	ontology/gazetteer/people.tsv
EXTRA_DIST += ontology/gazetteer/README.md

check_PROGRAMS += tests/check_mentions
tests_check_mentions_SOURCES = tests/check_mentions.c
tests_check_mentions_CFLAGS = $(TESTS_CFLAGS)
tests_check_mentions_LDADD = $(TESTS_LDADD)
TESTS += tests/check_mentions
