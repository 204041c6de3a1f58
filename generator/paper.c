/*
 * paper.c - the paper sizes a kit can be printed on.
 */
#include "paper.h"

#include <stddef.h>
#include <strings.h>

const char *kg_paper_name(const char *name)
{
	static const char *const sizes[] = {"a4", "letter", NULL};
	size_t i;

	for (i = 0; name && sizes[i]; i++)
		if (strcasecmp(name, sizes[i]) == 0)
			return sizes[i];
	return NULL;
}
