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
EXTRA_DIST += tests/cli/golden.sh tests/cli/eval.sh tests/cli/hostile.sh tests/cli/qualifiers.sh tests/eval-floor.txt \
	tests/data/extract/e01-acquisition-completed.en.txt \
	tests/data/extract/e01-acquisition-completed.gold.tsv \
	tests/data/extract/e02-passive.en.txt \
	tests/data/extract/e02-passive.gold.tsv \
	tests/data/extract/e03-agreed.en.txt \
	tests/data/extract/e03-agreed.gold.tsv \
	tests/data/extract/e04-called-off.en.txt \
	tests/data/extract/e04-called-off.gold.tsv \
	tests/data/extract/e05-negative.en.txt \
	tests/data/extract/e05-negative.gold.tsv \
	tests/data/extract/e06-round-list.en.txt \
	tests/data/extract/e06-round-list.gold.tsv \
	tests/data/extract/e07-rumored.en.txt \
	tests/data/extract/e07-rumored.gold.tsv \
	tests/data/extract/e08-people-places.en.txt \
	tests/data/extract/e08-people-places.gold.tsv \
	tests/data/extract/e09-subsidiary-stake.en.txt \
	tests/data/extract/e09-subsidiary-stake.gold.tsv \
	tests/data/extract/e10-based-founders.en.txt \
	tests/data/extract/e10-based-founders.gold.tsv \
	tests/data/extract/e11-title-list-holdings.en.txt \
	tests/data/extract/e11-title-list-holdings.gold.tsv \
	tests/data/extract/e12-opening-date-coordination.en.txt \
	tests/data/extract/e12-opening-date-coordination.gold.tsv \
	tests/data/extract/f01-rachat-finalise.fr.txt \
	tests/data/extract/f01-rachat-finalise.gold.tsv \
	tests/data/extract/f02-passif.fr.txt \
	tests/data/extract/f02-passif.gold.tsv \
	tests/data/extract/f03-renonce.fr.txt \
	tests/data/extract/f03-renonce.gold.tsv \
	tests/data/extract/f04-conditionnel.fr.txt \
	tests/data/extract/f04-conditionnel.gold.tsv \
	tests/data/extract/f05-levee-liste.fr.txt \
	tests/data/extract/f05-levee-liste.gold.tsv \
	tests/data/extract/f06-filiale-pdg.fr.txt \
	tests/data/extract/f06-filiale-pdg.gold.tsv \
	tests/data/extract/f07-negation.fr.txt \
	tests/data/extract/f07-negation.gold.tsv \
	tests/data/extract/f08-etat-participations.fr.txt \
	tests/data/extract/f08-etat-participations.gold.tsv \
	tests/data/extract/f09-famille-maison.fr.txt \
	tests/data/extract/f09-famille-maison.gold.tsv \
	tests/data/extract/e15-unknown-subjects.en.txt \
	tests/data/extract/e15-unknown-subjects.gold.tsv \
	tests/data/extract/f18-sujets-inconnus.fr.txt \
	tests/data/extract/f18-sujets-inconnus.gold.tsv \
	tests/data/extract/e16-wire-basics.en.txt \
	tests/data/extract/e16-wire-basics.gold.tsv \
	tests/data/extract/f19-constructions-courantes.fr.txt \
	tests/data/extract/f19-constructions-courantes.gold.tsv \
	tests/data/extract/e17-talks-and-roles.en.txt \
	tests/data/extract/e17-talks-and-roles.gold.tsv \
	tests/data/extract/f20-statuts-et-roles.fr.txt \
	tests/data/extract/f20-statuts-et-roles.gold.tsv \
	tests/data/extract/e18-wire-names.en.txt \
	tests/data/extract/e18-wire-names.gold.tsv \
	tests/data/extract/e19-dated-deals.en.txt \
	tests/data/extract/e19-dated-deals.gold.tsv \
	tests/data/extract/f21-accords-dates.fr.txt \
	tests/data/extract/f21-accords-dates.gold.tsv \
	tests/data/extract/e20-pledges.en.txt \
	tests/data/extract/e20-pledges.gold.tsv \
	tests/data/extract/f22-apports.fr.txt \
	tests/data/extract/f22-apports.gold.tsv \
	tests/data/extract/f23-sigles-et-clauses.fr.txt \
	tests/data/extract/f23-sigles-et-clauses.gold.tsv \
	tests/data/extract/e21-untitled-roles.en.txt \
	tests/data/extract/e21-untitled-roles.gold.tsv \
	tests/data/extract/f24-parts-sans-objet.fr.txt \
	tests/data/extract/f24-parts-sans-objet.gold.tsv \
	tests/data/extract/f25-description-puis-nom.fr.txt \
	tests/data/extract/f25-description-puis-nom.gold.tsv \
	tests/data/extract/e22-product-nouns.en.txt \
	tests/data/extract/e22-product-nouns.gold.tsv \
	tests/data/extract/e23-startup-not-fund.en.txt \
	tests/data/extract/e23-startup-not-fund.gold.tsv \
	tests/data/extract/f26-jeune-pousse.fr.txt \
	tests/data/extract/f26-jeune-pousse.gold.tsv \
	tests/data/extract/f27-listes-de-produits.fr.txt \
	tests/data/extract/f27-listes-de-produits.gold.tsv \
	tests/data/extract/e24-denied-reports.en.txt \
	tests/data/extract/e24-denied-reports.gold.tsv \
	tests/data/extract/f28-dementis.fr.txt \
	tests/data/extract/f28-dementis.gold.tsv \
	tests/data/extract/e25-apposition-subject.en.txt \
	tests/data/extract/e25-apposition-subject.gold.tsv \
	tests/data/extract/f29-relatives.fr.txt \
	tests/data/extract/f29-relatives.gold.tsv \
	tests/data/extract/e26-round-valuation.en.txt \
	tests/data/extract/e26-round-valuation.gold.tsv \
	tests/data/extract/f30-valorisation.fr.txt \
	tests/data/extract/f30-valorisation.gold.tsv \
	tests/data/extract/e27-founder-relative.en.txt \
	tests/data/extract/e27-founder-relative.gold.tsv \
	tests/data/extract/f31-fondateur-relative.fr.txt \
	tests/data/extract/f31-fondateur-relative.gold.tsv \
	tests/data/extract/e28-place-adjective.en.txt \
	tests/data/extract/e28-place-adjective.gold.tsv \
	tests/data/extract/f32-cedee-par.fr.txt \
	tests/data/extract/f32-cedee-par.gold.tsv \
	tests/data/extract/e29-descriptor-modifiers.en.txt \
	tests/data/extract/e29-descriptor-modifiers.gold.tsv \
	tests/data/extract/e30-products-such-as.en.txt \
	tests/data/extract/e30-products-such-as.gold.tsv \
	tests/data/extract/e31-possessive-unit.en.txt \
	tests/data/extract/e31-possessive-unit.gold.tsv \
	tests/data/extract/e32-relative-clauses.en.txt \
	tests/data/extract/e32-relative-clauses.gold.tsv \
	tests/data/extract/f35-cession-participation.fr.txt \
	tests/data/extract/f35-cession-participation.gold.tsv \
	tests/data/extract/e33-founder-ceo-valuation.en.txt \
	tests/data/extract/e33-founder-ceo-valuation.gold.tsv \
	tests/data/extract/f36-fondatrice-valorisation.fr.txt \
	tests/data/extract/f36-fondatrice-valorisation.gold.tsv \
	tests/data/extract/e34-short-names-talks.en.txt \
	tests/data/extract/e34-short-names-talks.gold.tsv \
	tests/data/extract/f37-appositions-negation.fr.txt \
	tests/data/extract/f37-appositions-negation.gold.tsv \
	tests/data/extract/e35-appointments.en.txt \
	tests/data/extract/e35-appointments.gold.tsv \
	tests/data/extract/f38-maison-mere-fusion.fr.txt \
	tests/data/extract/f38-maison-mere-fusion.gold.tsv \
	tests/data/extract/f39-rachat-capital.fr.txt \
	tests/data/extract/f39-rachat-capital.gold.tsv \
	tests/data/extract/e36-snapped-up.en.txt \
	tests/data/extract/e36-snapped-up.gold.tsv \
	tests/data/extract/e37-fronted-participle.en.txt \
	tests/data/extract/e37-fronted-participle.gold.tsv \
	tests/data/extract/f40-participes-en-tete.fr.txt \
	tests/data/extract/f40-participes-en-tete.gold.tsv \
	tests/data/extract/e38-round-appositions.en.txt \
	tests/data/extract/e38-round-appositions.gold.tsv \
	tests/data/extract/f41-finalise-preside.fr.txt \
	tests/data/extract/f41-finalise-preside.gold.tsv \
	tests/data/extract/e39-sale-status.en.txt \
	tests/data/extract/e39-sale-status.gold.tsv \
	tests/data/extract/f42-empare-tete.fr.txt \
	tests/data/extract/f42-empare-tete.gold.tsv \
	tests/data/extract/e40-nearing-deal.en.txt \
	tests/data/extract/e40-nearing-deal.gold.tsv \
	tests/data/extract/f43-sur-le-point.fr.txt \
	tests/data/extract/f43-sur-le-point.gold.tsv \
	tests/data/extract/e41-reported-offer.en.txt \
	tests/data/extract/e41-reported-offer.gold.tsv \
	tests/data/extract/f44-rapporte.fr.txt \
	tests/data/extract/f44-rapporte.gold.tsv \
	tests/data/extract/f45-role-de-org.fr.txt \
	tests/data/extract/f45-role-de-org.gold.tsv \
	tests/data/extract/e42-secured-funding.en.txt \
	tests/data/extract/e42-secured-funding.gold.tsv \
	tests/data/extract/f46-recu-investissement.fr.txt \
	tests/data/extract/f46-recu-investissement.gold.tsv \
	tests/data/extract/f47-fait-partie.fr.txt \
	tests/data/extract/f47-fait-partie.gold.tsv \
	tests/data/extract/f48-apposition-actionnaire.fr.txt \
	tests/data/extract/f48-apposition-actionnaire.gold.tsv \
	tests/data/extract/f49-sigles.fr.txt \
	tests/data/extract/f49-sigles.gold.tsv \
	tests/data/extract/f50-passe-sous-controle.fr.txt \
	tests/data/extract/f50-passe-sous-controle.gold.tsv \
	tests/data/extract/f51-detenue-par.fr.txt \
	tests/data/extract/f51-detenue-par.gold.tsv \
	tests/data/extract/f52-titre-nom.fr.txt \
	tests/data/extract/f52-titre-nom.gold.tsv \
	tests/data/extract/f53-fabricant-de.fr.txt \
	tests/data/extract/f53-fabricant-de.gold.tsv \
	tests/data/extract/f54-premier-actionnaire.fr.txt \
	tests/data/extract/f54-premier-actionnaire.gold.tsv \
	tests/data/extract/f55-cession-participation.fr.txt \
	tests/data/extract/f55-cession-participation.gold.tsv \
	tests/data/extract/f56-envisagerait-de.fr.txt \
	tests/data/extract/f56-envisagerait-de.gold.tsv \
	tests/data/extract/f57-faisant-filiale.fr.txt \
	tests/data/extract/f57-faisant-filiale.gold.tsv \
	tests/data/extract/f58-levee-valorisation.fr.txt \
	tests/data/extract/f58-levee-valorisation.gold.tsv \
	tests/data/extract/f59-introduction-bourse.fr.txt \
	tests/data/extract/f59-introduction-bourse.gold.tsv \
	tests/data/extract/f60-chiffre-affaires.fr.txt \
	tests/data/extract/f60-chiffre-affaires.gold.tsv \
	tests/data/extract/f61-son-directeur-general.fr.txt \
	tests/data/extract/f61-son-directeur-general.gold.tsv \
	tests/data/extract/f62-fabricant-de.fr.txt \
	tests/data/extract/f62-fabricant-de.gold.tsv \
	tests/data/extract/f63-maison-mere.fr.txt \
	tests/data/extract/f63-maison-mere.gold.tsv \
	tests/data/extract/f64-apposition-sujet.fr.txt \
	tests/data/extract/f64-apposition-sujet.gold.tsv \
	tests/data/extract/f65-choisi-fournisseur.fr.txt \
	tests/data/extract/f65-choisi-fournisseur.gold.tsv \
	tests/data/extract/f66-adverbiaux.fr.txt \
	tests/data/extract/f66-adverbiaux.gold.tsv \
	tests/data/extract/f67-autre-fabricant.fr.txt \
	tests/data/extract/f67-autre-fabricant.gold.tsv \
	tests/data/extract/f68-majuscule-initiale.fr.txt \
	tests/data/extract/f68-majuscule-initiale.gold.tsv \
	tests/data/extract/f69-entree-capital.fr.txt \
	tests/data/extract/f69-entree-capital.gold.tsv \
	tests/data/extract/f70-cessions-alliances.fr.txt \
	tests/data/extract/f70-cessions-alliances.gold.tsv \
	tests/data/extract/f71-premier-actionnaire.fr.txt \
	tests/data/extract/f71-premier-actionnaire.gold.tsv \
	tests/data/extract/f72-propriete-opa.fr.txt \
	tests/data/extract/f72-propriete-opa.gold.tsv \
	tests/data/extract/f73-investisseurs.fr.txt \
	tests/data/extract/f73-investisseurs.gold.tsv \
	tests/data/extract/f74-entre-aux-cotes.fr.txt \
	tests/data/extract/f74-entre-aux-cotes.gold.tsv \
	tests/data/extract/f75-proprietaire-appos.fr.txt \
	tests/data/extract/f75-proprietaire-appos.gold.tsv \
	tests/data/extract/f76-societe-francaise.fr.txt \
	tests/data/extract/f76-societe-francaise.gold.tsv \
	tests/data/extract/f77-producteur-personne.fr.txt \
	tests/data/extract/f77-producteur-personne.gold.tsv \
	tests/data/extract/f78-rue-banque.fr.txt \
	tests/data/extract/f78-rue-banque.gold.tsv \
	tests/data/extract/f79-coordinations.fr.txt \
	tests/data/extract/f79-coordinations.gold.tsv \
	tests/data/extract/f80-operation-valorisee.fr.txt \
	tests/data/extract/f80-operation-valorisee.gold.tsv \
	tests/data/extract/f81-fourniture-participation.fr.txt \
	tests/data/extract/f81-fourniture-participation.gold.tsv \
	tests/data/extract/f82-relative-sujet.fr.txt \
	tests/data/extract/f82-relative-sujet.gold.tsv \
	tests/data/extract/f83-participe-tour.fr.txt \
	tests/data/extract/f83-participe-tour.gold.tsv \
	tests/data/extract/f84-dirige-dont-actionnaire.fr.txt \
	tests/data/extract/f84-dirige-dont-actionnaire.gold.tsv \
	tests/data/extract/f85-freres-controle.fr.txt \
	tests/data/extract/f85-freres-controle.gold.tsv \
	tests/data/extract/f86-tete-restants.fr.txt \
	tests/data/extract/f86-tete-restants.gold.tsv \
	tests/data/extract/f87-soffre-fabrique.fr.txt \
	tests/data/extract/f87-soffre-fabrique.gold.tsv \
	tests/data/extract/f88-livraison-client.fr.txt \
	tests/data/extract/f88-livraison-client.gold.tsv \
	tests/data/extract/f89-demonyme-minuscule.fr.txt \
	tests/data/extract/f89-demonyme-minuscule.gold.tsv \
	tests/data/extract/f90-quotidien-regional.fr.txt \
	tests/data/extract/f90-quotidien-regional.gold.tsv \
	tests/data/extract/f91-verbe-sujet-inconnu.fr.txt \
	tests/data/extract/f91-verbe-sujet-inconnu.gold.tsv \
	tests/data/extract/f92-fondee-par-clients.fr.txt \
	tests/data/extract/f92-fondee-par-clients.gold.tsv \
	tests/data/extract/f93-plus-d-un-milliard.fr.txt \
	tests/data/extract/f93-plus-d-un-milliard.gold.tsv \
	tests/data/extract/f94-renonce-offre.fr.txt \
	tests/data/extract/f94-renonce-offre.gold.tsv \
	tests/data/extract/f95-une-valorisation.fr.txt \
	tests/data/extract/f95-une-valorisation.gold.tsv \
	tests/data/extract/f96-developpee-par.fr.txt \
	tests/data/extract/f96-developpee-par.gold.tsv \
	tests/data/extract/f97-produit-phare.fr.txt \
	tests/data/extract/f97-produit-phare.gold.tsv \
	tests/data/extract/f98-sera-fournisseur-investissement.fr.txt \
	tests/data/extract/f98-sera-fournisseur-investissement.gold.tsv \
	tests/data/extract/e43-revenue-forms.en.txt \
	tests/data/extract/e43-revenue-forms.gold.tsv \
	tests/data/extract/e44-apposition-holder.en.txt \
	tests/data/extract/e44-apposition-holder.gold.tsv \
	tests/data/extract/e45-apposition-possessive.en.txt \
	tests/data/extract/e45-apposition-possessive.gold.tsv \
	tests/data/extract/e46-tickers.en.txt \
	tests/data/extract/e46-tickers.gold.tsv \
	tests/data/extract/e47-letter-of-intent.en.txt \
	tests/data/extract/e47-letter-of-intent.gold.tsv \
	tests/data/extract/e48-acronym-initials.en.txt \
	tests/data/extract/e48-acronym-initials.gold.tsv \
	tests/data/extract/e49-possessive-parent.en.txt \
	tests/data/extract/e49-possessive-parent.gold.tsv \
	tests/data/extract/e50-owners.en.txt \
	tests/data/extract/e50-owners.gold.tsv \
	tests/data/extract/e51-title-surname.en.txt \
	tests/data/extract/e51-title-surname.gold.tsv \
	tests/data/extract/e52-product-maker.en.txt \
	tests/data/extract/e52-product-maker.gold.tsv \
	tests/data/extract/e53-founded-by-fronted.en.txt \
	tests/data/extract/e53-founded-by-fronted.gold.tsv \
	tests/data/extract/e54-joint-venture.en.txt \
	tests/data/extract/e54-joint-venture.gold.tsv \
	tests/data/extract/e55-customer-stake-sale.en.txt \
	tests/data/extract/e55-customer-stake-sale.gold.tsv \
	tests/data/extract/e56-making-subsidiary.en.txt \
	tests/data/extract/e56-making-subsidiary.gold.tsv \
	tests/data/extract/e57-who-remains-ceo.en.txt \
	tests/data/extract/e57-who-remains-ceo.gold.tsv \
	tests/data/extract/e58-owned-backed.en.txt \
	tests/data/extract/e58-owned-backed.gold.tsv \
	tests/data/extract/e59-possessive-object.en.txt \
	tests/data/extract/e59-possessive-object.gold.tsv \
	tests/data/extract/e60-round-participation.en.txt \
	tests/data/extract/e60-round-participation.gold.tsv \
	tests/data/extract/e61-unit-since.en.txt \
	tests/data/extract/e61-unit-since.gold.tsv \
	tests/data/extract/e62-maker-of.en.txt \
	tests/data/extract/e62-maker-of.gold.tsv \
	tests/data/extract/e63-supply-with.en.txt \
	tests/data/extract/e63-supply-with.gold.tsv \
	tests/data/extract/e64-subject-apposition.en.txt \
	tests/data/extract/e64-subject-apposition.gold.tsv \
	tests/data/extract/e65-chose-as-supplier.en.txt \
	tests/data/extract/e65-chose-as-supplier.gold.tsv \
	tests/data/extract/e66-taken-private.en.txt \
	tests/data/extract/e66-taken-private.gold.tsv \
	tests/data/extract/e67-adverbials.en.txt \
	tests/data/extract/e67-adverbials.gold.tsv \
	tests/data/extract/e68-told-regulator.en.txt \
	tests/data/extract/e68-told-regulator.gold.tsv \
	tests/data/extract/e69-and-in-name.en.txt \
	tests/data/extract/e69-and-in-name.gold.tsv \
	tests/data/extract/e70-state-possessive.en.txt \
	tests/data/extract/e70-state-possessive.gold.tsv \
	tests/data/extract/e71-spree-drugs.en.txt \
	tests/data/extract/e71-spree-drugs.gold.tsv \
	tests/data/extract/e72-talks-fell-apart.en.txt \
	tests/data/extract/e72-talks-fell-apart.gold.tsv \
	tests/data/extract/e73-sale-to.en.txt \
	tests/data/extract/e73-sale-to.gold.tsv \
	tests/data/extract/e74-acquired-by-appos.en.txt \
	tests/data/extract/e74-acquired-by-appos.gold.tsv \
	tests/data/extract/e75-investors-include.en.txt \
	tests/data/extract/e75-investors-include.gold.tsv \
	tests/data/extract/e76-title-apposition.en.txt \
	tests/data/extract/e76-title-apposition.gold.tsv \
	tests/data/extract/e77-demonym-modifiers.en.txt \
	tests/data/extract/e77-demonym-modifiers.gold.tsv \
	tests/data/extract/e78-purchase-of-stake.en.txt \
	tests/data/extract/e78-purchase-of-stake.gold.tsv \
	tests/data/extract/e79-will-invest-early-investors.en.txt \
	tests/data/extract/e79-will-invest-early-investors.gold.tsv \
	tests/data/extract/e80-partners-rival-provider.en.txt \
	tests/data/extract/e80-partners-rival-provider.gold.tsv \
	tests/data/extract/e81-initial-first-name.en.txt \
	tests/data/extract/e81-initial-first-name.gold.tsv \
	tests/data/extract/e82-deal-valued-at.en.txt \
	tests/data/extract/e82-deal-valued-at.gold.tsv \
	tests/data/extract/e83-set-up-by.en.txt \
	tests/data/extract/e83-set-up-by.gold.tsv \
	tests/data/extract/e84-subject-relative.en.txt \
	tests/data/extract/e84-subject-relative.gold.tsv \
	tests/data/extract/e85-based-description-lead.en.txt \
	tests/data/extract/e85-based-description-lead.gold.tsv \
	tests/data/extract/e86-its-unit-appos.en.txt \
	tests/data/extract/e86-its-unit-appos.gold.tsv \
	tests/data/extract/e87-currently.en.txt \
	tests/data/extract/e87-currently.gold.tsv \
	tests/data/extract/e88-remaining-market-value.en.txt \
	tests/data/extract/e88-remaining-market-value.gold.tsv \
	tests/data/extract/e89-take-private-second-verb.en.txt \
	tests/data/extract/e89-take-private-second-verb.gold.tsv \
	tests/data/extract/e90-snapped-stake.en.txt \
	tests/data/extract/e90-snapped-stake.gold.tsv \
	tests/data/extract/e91-values-maker-at.en.txt \
	tests/data/extract/e91-values-maker-at.gold.tsv \
	tests/data/extract/e92-two-word-approx.en.txt \
	tests/data/extract/e92-two-word-approx.gold.tsv \
	tests/data/extract/e93-is-considering-offer.en.txt \
	tests/data/extract/e93-is-considering-offer.gold.tsv \
	tests/data/extract/e94-developed-by.en.txt \
	tests/data/extract/e94-developed-by.gold.tsv \
	tests/data/extract/e95-product-cues.en.txt \
	tests/data/extract/e95-product-cues.gold.tsv \
	tests/data/extract/f33-produits-comme.fr.txt \
	tests/data/extract/f33-produits-comme.gold.tsv \
	tests/data/extract/f34-institutions.fr.txt \
	tests/data/extract/f34-institutions.gold.tsv \
	tests/data/extract/f17-descriptions-lieux.fr.txt \
	tests/data/extract/f17-descriptions-lieux.gold.tsv \
	tests/data/extract/f10-maison-alliance.fr.txt \
	tests/data/extract/f10-maison-alliance.gold.tsv \
	tests/data/extract/f11-actionnariat.fr.txt \
	tests/data/extract/f11-actionnariat.gold.tsv \
	tests/data/extract/f12-fondateurs-liste.fr.txt \
	tests/data/extract/f12-fondateurs-liste.gold.tsv \
	tests/data/extract/f13-pronoms-saillance.fr.txt \
	tests/data/extract/f13-pronoms-saillance.gold.tsv \
	tests/data/extract/f14-clitique-en.fr.txt \
	tests/data/extract/f14-clitique-en.gold.tsv \
	tests/data/extract/f15-produits.fr.txt \
	tests/data/extract/f15-produits.gold.tsv \
	tests/data/extract/f16-sujet-focus.fr.txt \
	tests/data/extract/f16-sujet-focus.gold.tsv

# make eval: the kgscore tables for the seed article and for the development set, each
# language on its own (needs ../shared beside the source tree, python3 and rapper).
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
	done
.PHONY: eval
