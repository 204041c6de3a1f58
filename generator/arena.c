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
	size_t own;        /* 1: one big request's (kg_arena_free_shared) */
	void *data[];      /* pointer-aligned */
};

/* Bytes a shared chunk holds. */
#define S_ROOM (KG_ARENA_CHUNK - sizeof(kg_arena_chunk))

static kg_arena_chunk *S_chunk(size_t size)
{
	kg_arena_chunk *c = kg_xmalloc(sizeof(*c) + size);

	c->next = NULL;
	c->used = 0;
	c->size = size;
	c->own = 0;
	return c;
}

int kg_arena_is_big(size_t size)
{
	return size > S_ROOM / 4;
}

/* size bytes at an offset that is a multiple of align (1 or S_ALIGN). */
static void *S_alloc(kg_arena *a, size_t size, size_t align)
{
	kg_arena_chunk *c = a->chunks;
	size_t at;

	if (kg_arena_is_big(size)) {
		/* its own chunk, behind the one being filled, which stays first */
		kg_arena_chunk *big = S_chunk(size);

		big->used = size;
		big->own = 1;
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
		c = S_chunk(S_ROOM);
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

void kg_arena_init_exact(kg_arena *a, size_t size)
{
	a->chunks = S_chunk(size);
}

void kg_arena_free_shared(kg_arena *from, kg_arena *to)
{
	kg_arena_chunk *c = from->chunks, *next;

	for (; c; c = next) {
		next = c->next;
		if (c->own && to->chunks) {
			c->next = to->chunks->next;
			to->chunks->next = c;
		} else if (c->own) {
			c->next = NULL;
			to->chunks = c;
		} else {
			free(c);
		}
	}
	from->chunks = NULL;
}

size_t kg_arena_unused(const kg_arena *a)
{
	const kg_arena_chunk *c;
	size_t n = 0;

	for (c = a->chunks; c; c = c->next)
		n += c->size - c->used;
	return n;
}
