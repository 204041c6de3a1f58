/*
 * alloc.h - allocation that never returns NULL.
 *
 * Every allocation in kitgen goes through these wrappers. On out-of-memory
 * they print a message and exit(3); callers never check for NULL.
 */
#ifndef KG_ALLOC_H
#define KG_ALLOC_H

#include <stddef.h>

void *kg_xmalloc(size_t size);
void *kg_xcalloc(size_t n, size_t size);
void *kg_xrealloc(void *ptr, size_t size);
char *kg_xstrdup(const char *s);
char *kg_xstrndup(const char *s, size_t n);

/* Grow *items (of *cap elements of elem_size) so that it holds at least
 * need elements. Doubles, so appends are amortised O(1). */
void kg_grow(void **items, size_t *cap, size_t need, size_t elem_size);
#define KG_GROW(items, cap, need) \
	kg_grow((void **)&(items), &(cap), (need), sizeof(*(items)))

#endif
