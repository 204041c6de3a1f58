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

size_t kg_edit_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), i, j, *row, prev, tmp, best;

	if (la > 64 || lb > 64)
		return 64;
	row = kg_xmalloc((lb + 1) * sizeof(*row));
	for (j = 0; j <= lb; j++)
		row[j] = j;
	for (i = 1; i <= la; i++) {
		prev = row[0];
		row[0] = i;
		for (j = 1; j <= lb; j++) {
			tmp = row[j];
			best = prev + (a[i - 1] != b[j - 1]);
			if (row[j] + 1 < best)
				best = row[j] + 1;
			if (row[j - 1] + 1 < best)
				best = row[j - 1] + 1;
			row[j] = best;
			prev = tmp;
		}
	}
	best = row[lb];
	free(row);
	return best;
}
