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

#endif
