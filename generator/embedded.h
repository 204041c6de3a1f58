/*
 * embedded.h - files carried inside the kitgen binary: the skeleton that
 * `kitgen init` writes. The table is generated at build time by
 * tools/embed.sh from generator/skeleton/ (the Makefile's
 * build/gen/embedded.c), so the skeleton is edited as ordinary files.
 */
#ifndef KG_EMBEDDED_H
#define KG_EMBEDDED_H

#include <stddef.h>

typedef struct kg_embedded_file {
	const char *path;  /* relative to generator/skeleton/, '/'-separated */
	const char *bytes; /* len bytes, then a NUL */
	size_t len;
} kg_embedded_file;

/* Every embedded file, in path order; ends with a {NULL, NULL, 0} entry.
 * Static data: nothing to free. */
extern const kg_embedded_file kg_embedded[];

#endif
