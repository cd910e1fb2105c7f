/*
 * arena.c - bytes taken from a list of chunks that never move and are freed all at once
 * (the triple list's strings, a rule set's nodes and word lists).
 */
#include "config.h"

#include <kgbuild/common.h>

#include "util/util.h"

/* The data is aligned for any type, so a caller may keep structures in it. */
struct KgiArenaChunk {
  KgiArenaChunk *next;
  size_t used, cap;
  max_align_t data[];
};

#define KGI_CHUNK_MIN 8192
#define KGI_CHUNK_MAX (1u << 20)

char *kgi_arena_take(KgiArena *a, size_t need) {
  KgiArenaChunk *c = a->chunks;
  if (!c || c->cap - c->used < need) {
    size_t cap = c ? (c->cap < KGI_CHUNK_MAX ? c->cap * 2 : c->cap) : KGI_CHUNK_MIN;
    if (cap < need)
      cap = need;
    if (!(c = kg_malloc(sizeof *c + cap)))
      return NULL;
    c->next = a->chunks;
    c->used = 0;
    c->cap = cap;
    a->chunks = c;
  }
  char *p = (char *)c->data + c->used;
  c->used += need;
  return p;
}

void *kgi_arena_take_aligned(KgiArena *a, size_t need) {
  need = (need + sizeof(max_align_t) - 1) / sizeof(max_align_t) * sizeof(max_align_t);
  KgiArenaChunk *c = a->chunks;
  /* the chunk's next free byte is aligned when every take from it was */
  if (c && c->used % sizeof(max_align_t) != 0) {
    size_t pad = sizeof(max_align_t) - c->used % sizeof(max_align_t);
    if (c->cap - c->used >= pad)
      c->used += pad;
  }
  return kgi_arena_take(a, need ? need : sizeof(max_align_t));
}

void kgi_arena_free(KgiArena *a) {
  while (a->chunks) {
    KgiArenaChunk *next = a->chunks->next;
    kg_free(a->chunks);
    a->chunks = next;
  }
}
