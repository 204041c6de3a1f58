/*
 * canon.c - the canonical form of a YAML tree (see canon.h).
 *
 * A mapping is written in key order through a sorted array of pointers to
 * its pairs; the tree itself is not changed, so diagnostics and writers
 * still see the document order.
 */
#include "canon.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void S_len(kg_canon_put put, void *ctx, size_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)((unsigned long long)v >> (56 - 8 * i));
	put(ctx, b, sizeof(b));
}

static int S_key_cmp(const kg_node *a, const kg_node *b)
{
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(a->text, b->text, n);

	if (c)
		return c;
	return a->len < b->len ? -1 : a->len > b->len;
}

static int S_pair_cmp(const void *x, const void *y)
{
	const kg_pair *a = *(const kg_pair *const *)x;
	const kg_pair *b = *(const kg_pair *const *)y;

	return S_key_cmp(a->key, b->key);
}

static void S_write_map(const kg_node *n, kg_canon_put put, void *ctx)
{
	const kg_pair **sorted = kg_xcalloc(n->npairs ? n->npairs : 1,
					    sizeof(*sorted));
	size_t i;

	for (i = 0; i < n->npairs; i++)
		sorted[i] = &n->pairs[i];
	qsort(sorted, n->npairs, sizeof(*sorted), S_pair_cmp);
	put(ctx, "m", 1);
	S_len(put, ctx, n->npairs);
	for (i = 0; i < n->npairs; i++) {
		kg_canon_write(sorted[i]->key, put, ctx);
		kg_canon_write(sorted[i]->value, put, ctx);
	}
	free(sorted);
}

void kg_canon_write(const kg_node *n, kg_canon_put put, void *ctx)
{
	size_t i;

	if (!n) {
		put(ctx, "-", 1);
		return;
	}
	switch (n->kind) {
	case KG_NODE_SCALAR:
		put(ctx, "s", 1);
		S_len(put, ctx, n->len);
		put(ctx, n->text, n->len);
		break;
	case KG_NODE_SEQ:
		put(ctx, "l", 1);
		S_len(put, ctx, n->n);
		for (i = 0; i < n->n; i++)
			kg_canon_write(n->items[i], put, ctx);
		break;
	case KG_NODE_MAP:
		S_write_map(n, put, ctx);
		break;
	}
}

/* b's value for a's key (same bytes), or NULL. */
static const kg_node *S_lookup(const kg_node *map, const kg_node *key)
{
	size_t i;

	for (i = 0; i < map->npairs; i++)
		if (S_key_cmp(map->pairs[i].key, key) == 0)
			return map->pairs[i].value;
	return NULL;
}

int kg_canon_equal(const kg_node *a, const kg_node *b)
{
	size_t i;

	if (!a || !b)
		return a == b;
	if (a->kind != b->kind)
		return 0;
	switch (a->kind) {
	case KG_NODE_SCALAR:
		return a->len == b->len && memcmp(a->text, b->text, a->len) == 0;
	case KG_NODE_SEQ:
		if (a->n != b->n)
			return 0;
		for (i = 0; i < a->n; i++)
			if (!kg_canon_equal(a->items[i], b->items[i]))
				return 0;
		return 1;
	case KG_NODE_MAP:
		/* same number of unique keys, each with an equal value */
		if (a->npairs != b->npairs)
			return 0;
		for (i = 0; i < a->npairs; i++) {
			const kg_node *bv = S_lookup(b, a->pairs[i].key);

			if (!bv || !kg_canon_equal(a->pairs[i].value, bv))
				return 0;
		}
		return 1;
	}
	return 0;
}
