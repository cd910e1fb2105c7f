/*
 * kgbuild.h - the whole public API of libkgbuild.
 *
 * Only the headers under include/kgbuild/ are API; nothing in src/ is.
 */
#ifndef KGBUILD_H
#define KGBUILD_H

#include <kgbuild/common.h>
#include <kgbuild/article.h>
#include <kgbuild/ingest.h>
#include <kgbuild/triples.h>
#include <kgbuild/vocab.h>
#include <kgbuild/graph.h>
#include <kgbuild/extract.h>
#include <kgbuild/rdf.h>
#include <kgbuild/draw.h>
#include <kgbuild/store.h>
#include <kgbuild/http.h>
#include <kgbuild/push.h>

#endif
