# src/extract/local.mk: the rule engine, relation extraction and the extractor glue.
# The mention finder (gazetteer.c, mentions.c) is listed in src/text/local.mk by its owner.
src_libkg_impl_la_SOURCES += src/extract/rules.c src/extract/relations.c \
	src/extract/extractor.c
noinst_HEADERS += src/extract/rules.h src/extract/extract_int.h

dist_rules_DATA += ontology/rules/en.rules ontology/rules/fr.rules
dist_lexicon_DATA += ontology/lexicon/en-relations.tsv ontology/lexicon/fr-relations.tsv
EXTRA_DIST += ontology/rules/README.md

check_PROGRAMS += tests/check_rules
tests_check_rules_SOURCES = tests/check_rules.c
tests_check_rules_CFLAGS = $(TESTS_CFLAGS)
tests_check_rules_LDADD = $(TESTS_LDADD)
TESTS += tests/check_rules

check_PROGRAMS += tests/check_extract
tests_check_extract_SOURCES = tests/check_extract.c
tests_check_extract_CFLAGS = $(TESTS_CFLAGS)
tests_check_extract_LDADD = $(TESTS_LDADD)
TESTS += tests/check_extract

TESTS += tests/cli/golden.sh tests/cli/eval.sh tests/cli/hostile.sh tests/cli/qualifiers.sh
# the golden articles and the written test set go whole (a directory: new files need no listing)
EXTRA_DIST += tests/cli/golden.sh tests/cli/eval.sh tests/cli/hostile.sh tests/cli/qualifiers.sh tests/eval-floor.txt tests/data/extract tests/data/heldout

# make eval: the kgscore tables for the seed article, the development set and the written
# test set (tests/data/heldout), each language on its own (needs ../shared beside the source tree, python3 and rapper).
KGSCORE = $(abs_top_srcdir)/../shared/scripts/kgscore
eval: src/kgbuild
	@if test ! -f '$(KGSCORE)'; then echo "eval: $(KGSCORE) not found"; exit 1; fi
	@tmp=`mktemp -d`; trap 'rm -rf "$$tmp"' EXIT; \
	for lang in en fr; do \
	  mkdir -p "$$tmp/$$lang"; \
	  for t in $(abs_top_srcdir)/../shared/gold/*.$$lang.txt; do \
	    b=`basename "$$t" .$$lang.txt`; \
	    ln -s "$$t" "$$tmp/$$lang/"; ln -s "$(abs_top_srcdir)/../shared/gold/$$b.gold.tsv" "$$tmp/$$lang/"; \
	  done; \
	done; \
	echo "== seed ($(abs_top_srcdir)/../shared/seeds)"; \
	python3 '$(KGSCORE)' '$(abs_top_srcdir)/../shared/seeds' --run '$(abs_top_builddir)/src/kgbuild {}'; \
	for lang in en fr; do \
	  echo "== dev set, $$lang"; \
	  python3 '$(KGSCORE)' "$$tmp/$$lang" --run '$(abs_top_builddir)/src/kgbuild {}'; \
	done; \
	for lang in en fr; do \
	  echo "== written test set, $$lang (tests/data/heldout)"; \
	  python3 '$(KGSCORE)' '$(abs_top_srcdir)/tests/data/heldout/'$$lang --run '$(abs_top_builddir)/src/kgbuild {}'; \
	done
.PHONY: eval

