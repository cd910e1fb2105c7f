/*
 * kgbuild/store.h - SPARQL stores: the embedded Redland store and remote servers.
 */
#ifndef KGBUILD_STORE_H
#define KGBUILD_STORE_H

#include <kgbuild/triples.h>

#ifdef __cplusplus
extern "C" {
#endif

#ifdef __cplusplus
}
#endif
#endif
