/*
 * edition.h - the editions a build writes, and composing each into a
 * document.
 *
 * An edition is one document a build writes in every format: the public
 * kit now, a panel packet per (profile, level) later. Which editions exist
 * follows from the content alone.
 */
#ifndef KG_EDITION_H
#define KG_EDITION_H

#include <stddef.h>

#include "doc.h"
#include "kit.h"

typedef enum { KG_EDITION_PUBLIC } kg_edition_kind;

typedef struct kg_edition {
	kg_edition_kind kind;
	char *id;    /* output base name, relative to the output folder */
	char *title; /* for people: "Public kit" */
} kg_edition;

typedef struct kg_editions {
	kg_edition *items;
	size_t n;
} kg_editions;

/* The editions of a checked kit, in a fixed order. */
kg_editions kg_editions_of(const kg_kit *kit);
void kg_editions_free(kg_editions *e);

/* Compose one edition of a checked kit into a new document (the caller
 * frees it with kg_doc_free). digest is the kit's content digest. */
kg_doc *kg_compose(const kg_kit *kit, const kg_edition *ed, const char *digest);

#endif
