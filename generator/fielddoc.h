/*
 * fielddoc.h - what each field of the content model is for, in the words
 * of content/README.md: the comments of its YAML examples, turned into a
 * table at build time by tools/fielddoc.sh (build/gen/fielddoc.c).
 */
#ifndef KG_FIELDDOC_H
#define KG_FIELDDOC_H

#include <stddef.h>

typedef struct kg_field_doc {
	const char *path; /* "kit/rating_scale/strong/label": the file
			     (kit, topic, scenarios), then the keys */
	const char *text; /* the comment, never empty */
} kg_field_doc;

/* Ends with a {NULL, NULL} entry. */
extern const kg_field_doc kg_field_docs[];

#endif
