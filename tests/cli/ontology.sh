#!/bin/sh
# ontology.sh - the ontology and the shapes parse in two independent parsers (rapper and
# the strict N3.js validator), and convert to RDF/XML for OWL tools.
. "$top_srcdir/tests/lib.sh"

for onto in kg.ttl shapes.ttl; do
  ok "$onto is valid Turtle (rapper and N3.js)" valid_rdf "$top_srcdir/ontology/$onto" turtle
  ok "$onto converts to RDF/XML that parses again" sh -c \
    "'$RAPPER' -q -i turtle -o rdfxml '$top_srcdir/ontology/$onto' >'$TMP/$onto.rdf' &&
     '$RAPPER' -q -c -i rdfxml '$TMP/$onto.rdf' https://w3id.org/kgbuild/ns"
done
ok "kg.ttl names the ontology and its version" grep -q 'owl:versionInfo "' "$top_srcdir/ontology/kg.ttl"

done_testing
