/*
 * arena.h - a bump allocator for many small objects freed all at once.
 *
 * The loader (yaml_load.c) takes every node and scalar of a YAML file from one
 * arena: a malloc per node and per string cost more in malloc's headers
 * and rounding than the strings themselves, and a file's tree is freed as
 * a whole anyway.
 *
 * Memory comes in chunks of KG_ARENA_CHUNK bytes; a request larger than a
 * quarter of that gets a chunk of its own, so a long scalar does not waste
 * the rest of a chunk. Allocation never fails (alloc.h); nothing is freed
 * before kg_arena_free, which frees it all.
 *
 * Packing (node.c's kg_node_arena_pack): a tree built in an arena leaves
 * the end of each chunk unused, and of its last chunk half on average: at
 * 1,000 topic files, 3.6 MB of 24. A finished tree is copied into an
 * arena made to its exact size (kg_arena_init_exact); the old arena's
 * chunks of their own (big requests, kg_arena_is_big: not copied, their
 * pointers kept) move to the new one and the rest are freed
 * (kg_arena_free_shared).
 */
#ifndef KG_ARENA_H
#define KG_ARENA_H

#include <stddef.h>

#define KG_ARENA_CHUNK 4096 /* bytes, header included */

typedef struct kg_arena_chunk kg_arena_chunk;

typedef struct kg_arena {
	kg_arena_chunk *chunks; /* the chunk being filled first */
} kg_arena;

#define KG_ARENA_INIT {NULL}

/* size bytes aligned for any pointer or size_t (not for long double). */
void *kg_arena_alloc(kg_arena *a, size_t size);
/* A NUL-terminated copy of s[0..len), byte-aligned. */
char *kg_arena_strndup(kg_arena *a, const char *s, size_t len);
/* A copy of n bytes, aligned as kg_arena_alloc aligns. */
void *kg_arena_memdup(kg_arena *a, const void *p, size_t n);
void kg_arena_free(kg_arena *a);

/* Whether a request of size bytes gets a chunk of its own. */
int kg_arena_is_big(size_t size);
/* An empty arena whose first chunk holds exactly size bytes (size > 0),
 * for requests of the sizes and alignments that add up to it. */
void kg_arena_init_exact(kg_arena *a, size_t size);
/* Free from's shared chunks; its chunks of their own move to to's
 * list, behind the chunk being filled. from is left empty. */
void kg_arena_free_shared(kg_arena *from, kg_arena *to);
/* Bytes held in a's chunks and not handed out (for tests and measures). */
size_t kg_arena_unused(const kg_arena *a);

#endif
