/*
 * leftovers.c - what `kitgen init` left for the user to replace: every
 * text in the kit's files that still holds the skeleton's placeholder mark.
 */
#include "leftovers.h"

#include <string.h>

static size_t S_walk(const kg_node *n, const char *field, int release,
		     kg_diags *d)
{
	size_t found = 0, i;

	if (!n)
		return 0;
	switch (n->kind) {
	case KG_NODE_SCALAR:
		if (!strstr(n->text, KG_PLACEHOLDER))
			return 0;
		if (release)
			kg_error(d, n->mark, "'%s' still holds a placeholder from "
				 "'kitgen init' ('%s'): a release needs it replaced",
				 field, KG_PLACEHOLDER);
		else
			kg_warning(d, n->mark, "'%s' still holds a placeholder "
				   "from 'kitgen init' ('%s')", field,
				   KG_PLACEHOLDER);
		return 1;
	case KG_NODE_SEQ:
		for (i = 0; i < n->n; i++)
			found += S_walk(n->items[i], field, release, d);
		return found;
	case KG_NODE_MAP:
		for (i = 0; i < n->npairs; i++)
			found += S_walk(n->pairs[i].value, n->pairs[i].key->text,
					release, d);
		return found;
	}
	return found;
}

size_t kg_kit_leftovers(const kg_kit *kit, int release, kg_diags *d)
{
	size_t found, i;

	found = S_walk(kit->root, "kit", release, d);
	for (i = 0; i < kit->ntopic_files; i++)
		found += S_walk(kit->topic_roots[i], "topic", release, d);
	return found + S_walk(kit->scenarios_root, "scenarios", release, d);
}
