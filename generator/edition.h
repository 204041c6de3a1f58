/*
 * edition.h - the editions a build writes (compose.h composes each into
 * a document).
 *
 * An edition is one document a build writes in every format: the public
 * kit, and a panel packet for every (profile, level) pair kit.yaml
 * declares. Which editions exist follows from the content alone: a new
 * profile or level in kit.yaml adds its packets to the next build.
 */
#ifndef KG_EDITION_H
#define KG_EDITION_H

#include <stddef.h>

#include "kit.h"

typedef enum { KG_EDITION_PUBLIC, KG_EDITION_PACKET } kg_edition_kind;

typedef struct kg_edition {
	kg_edition_kind kind;
	char *id;    /* the output path without extension, relative to the
			output folder: "backend-interview-kit",
			"panels/platform-engineer-expert" */
	char *title; /* for people: "Public kit", "Panel packet: ..." */
	const kg_profile *profile; /* packets only */
	const kg_level *level;     /* packets only */
} kg_edition;

typedef struct kg_editions {
	kg_edition *items;
	size_t n;
} kg_editions;

/* The editions of a checked kit: the public kit, then the packets by
 * profile and level in kit.yaml's order. */
kg_editions kg_editions_of(const kg_kit *kit);
/* The edition called `name` (its id, or its id's last part); NULL when
 * there is none. */
const kg_edition *kg_editions_find(const kg_editions *e, const char *name);
/* For "did you mean": the edition whose id or id's last part is closest
 * to name, when it is close enough to be a slip (suggest.h), among the
 * packets only when `packets` is set; NULL when none is. */
const kg_edition *kg_editions_closest(const kg_editions *e, const char *name,
				      int packets);
void kg_editions_free(kg_editions *e);

#endif
