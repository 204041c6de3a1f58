/* test_tree.h - for unit tests that look into a composed document:
 * the first SECTION with an id, the first block of a type, in document
 * order (deferred sections are not opened). Header-only. */
#ifndef KG_TEST_TREE_H
#define KG_TEST_TREE_H

#include <string.h>

#include "doc.h"

static inline const kg_block *kg_test_find_id(const kg_block *b, const char *id)
{
	const kg_block *hit;
	size_t i;

	if (!b)
		return NULL;
	if (b->type == KG_BLOCK_SECTION && strcmp(b->id, id) == 0)
		return b;
	for (i = 0; i < b->n; i++)
		if ((hit = kg_test_find_id(b->children[i], id)))
			return hit;
	return NULL;
}

static inline const kg_block *kg_test_find_type(const kg_block *b,
						kg_block_type t)
{
	const kg_block *hit;
	size_t i;

	if (!b)
		return NULL;
	if (b->type == t)
		return b;
	for (i = 0; i < b->n; i++)
		if ((hit = kg_test_find_type(b->children[i], t)))
			return hit;
	return NULL;
}

#endif
