/*
 * arena.c - a bump allocator: chunks of memory handed out front to back,
 * freed all at once (arena.h).
 */
#include "arena.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#define S_ALIGN sizeof(void *)

struct kg_arena_chunk {
	kg_arena_chunk *next;
	size_t used, size; /* bytes of data[] */
	void *data[];      /* pointer-aligned */
};

static kg_arena_chunk *S_chunk(size_t size)
{
	kg_arena_chunk *c = kg_xmalloc(sizeof(*c) + size);

	c->next = NULL;
	c->used = 0;
	c->size = size;
	return c;
}

/* size bytes at an offset that is a multiple of align (1 or S_ALIGN). */
static void *S_alloc(kg_arena *a, size_t size, size_t align)
{
	const size_t room = KG_ARENA_CHUNK - sizeof(kg_arena_chunk);
	kg_arena_chunk *c = a->chunks;
	size_t at;

	if (size > room / 4) {
		/* its own chunk, behind the one being filled, which stays first */
		kg_arena_chunk *big = S_chunk(size);

		big->used = size;
		if (c) {
			big->next = c->next;
			c->next = big;
		} else {
			a->chunks = big;
		}
		return big->data;
	}
	at = c ? (c->used + align - 1) / align * align : 0;
	if (!c || at + size > c->size) {
		c = S_chunk(room);
		c->next = a->chunks;
		a->chunks = c;
		at = 0;
	}
	c->used = at + size;
	return (char *)c->data + at;
}

void *kg_arena_alloc(kg_arena *a, size_t size)
{
	return S_alloc(a, size, S_ALIGN);
}

void *kg_arena_memdup(kg_arena *a, const void *p, size_t n)
{
	void *q = S_alloc(a, n, S_ALIGN);

	if (n)
		memcpy(q, p, n);
	return q;
}

char *kg_arena_strndup(kg_arena *a, const char *s, size_t len)
{
	char *p = S_alloc(a, len + 1, 1);

	memcpy(p, s, len);
	p[len] = '\0';
	return p;
}

void kg_arena_free(kg_arena *a)
{
	kg_arena_chunk *c = a->chunks, *next;

	for (; c; c = next) {
		next = c->next;
		free(c);
	}
	a->chunks = NULL;
}
