/*
 * suggest.h - "did you mean" for a reference to an id that does not exist.
 *
 * A kg_names is the list of ids a reference may name (the declared
 * levels, the kit's topics, ...). It borrows the strings: they must
 * outlive it. kg_names_free frees the list, never the strings.
 */
#ifndef KG_SUGGEST_H
#define KG_SUGGEST_H

#include <stddef.h>

#include "buf.h"

typedef struct kg_names {
	const char **items;
	size_t n, cap;
} kg_names;

#define KG_NAMES_INIT {NULL, 0, 0}

/* Append name (borrowed; NULL is skipped). */
void kg_names_add(kg_names *names, const char *name);
int kg_names_has(const kg_names *names, const char *name);
void kg_names_free(kg_names *names);

/* The name closest to word, when it is close enough to be a slip (at most
 * two edits, fewer for short words), or NULL. */
const char *kg_names_closest(const kg_names *names, const char *word);

/* Append the names to out, comma-separated, in their order; past `max`
 * of them, ", ... (N in all)". */
void kg_names_join(const kg_names *names, size_t max, kg_buf *out);

/* Levenshtein distance, capped at 64: used for "did you mean" hints. */
size_t kg_edit_distance(const char *a, const char *b);

#endif
