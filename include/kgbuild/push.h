/*
 * kgbuild/push.h - sending article graphs to remote SPARQL servers (Graph Store HTTP
 * Protocol, SPARQL 1.1 Update).
 */
#ifndef KGBUILD_PUSH_H
#define KGBUILD_PUSH_H

#include <kgbuild/triples.h>

#endif
