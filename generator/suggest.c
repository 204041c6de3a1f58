/*
 * suggest.c - "did you mean" for a reference to an id that does not exist.
 *
 * Closeness is the edit distance (schema.h): a slip of one or two
 * characters in an id of six or more, one in a shorter one, so that a
 * suggestion is a likely fix and not any id of the same length.
 */
#include "suggest.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "schema.h"

void kg_names_add(kg_names *names, const char *name)
{
	if (!name)
		return;
	KG_GROW(names->items, names->cap, names->n + 1);
	names->items[names->n++] = name;
}

int kg_names_has(const kg_names *names, const char *name)
{
	size_t i;

	for (i = 0; i < names->n; i++)
		if (strcmp(names->items[i], name) == 0)
			return 1;
	return 0;
}

void kg_names_free(kg_names *names)
{
	free(names->items);
	names->items = NULL;
	names->n = names->cap = 0;
}

const char *kg_names_closest(const kg_names *names, const char *word)
{
	size_t len = strlen(word), limit = len >= 6 ? 2 : len >= 3 ? 1 : 0;
	size_t best_dist = limit + 1, i;
	const char *best = NULL;

	for (i = 0; i < names->n; i++) {
		size_t dist = kg_edit_distance(word, names->items[i]);

		if (dist < best_dist) {
			best = names->items[i];
			best_dist = dist;
		}
	}
	return best;
}

void kg_names_join(const kg_names *names, size_t max, kg_buf *out)
{
	size_t i;

	for (i = 0; i < names->n && i < max; i++)
		kg_buf_printf(out, "%s%s", i ? ", " : "", names->items[i]);
	if (names->n > max)
		kg_buf_printf(out, ", ... (%zu in all)", names->n);
}
