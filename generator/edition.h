/*
 * edition.h - the editions a build writes (compose.h composes each into
 * a document).
 *
 * An edition is one document a build writes in every format: the
 * published kit, a panel packet for every (profile, level) pair kit.yaml
 * declares, and a candidate's guide for every such pair. Which editions
 * exist follows from the content alone: a new profile or level in
 * kit.yaml adds its packets and guides to the next build.
 *
 * Each says who it is for, as no file name can: the published kit is for
 * hiring teams and recruiters and holds every answer key, so its cover
 * and every page say it is not for candidates; a packet is interviewer
 * material, marked confidential on its cover and every page, with
 * kit.yaml's watermark (if any) across every page; a candidate's guide
 * carries no such mark.
 *
 * A candidate's guide is per profile and level, not per level: the
 * profile decides which areas have rounds, in which order, how long each
 * is (a pinned round's minutes) and the weights and must-haves of the
 * decision; the level what is expected. It holds nothing a candidate may
 * not see: no question, answer, hint, red flag, signal or answer key.
 */
#ifndef KG_EDITION_H
#define KG_EDITION_H

#include <stddef.h>

#include "kit.h"

typedef enum {
	KG_EDITION_PUBLIC,   /* the published kit: the whole kit, for hiring
				teams and recruiters, every answer key in it */
	KG_EDITION_PACKET,   /* a panel packet: interviewer material */
	KG_EDITION_CANDIDATE /* a candidate's guide, safe to send */
} kg_edition_kind;

typedef struct kg_edition {
	kg_edition_kind kind;
	char *id;    /* the output path without extension, relative to the
			output folder: "backend-interview-kit",
			"panels/platform-engineer-expert",
			"candidates/platform-engineer-expert" */
	char *title; /* for people: "Published kit", "Panel packet: ..." */
	/* Who it is for and how it is marked: static strings of the kind's
	 * (edition.c's one table of them). */
	const char *audience; /* kitgen list, index.html: "for candidates —
				 safe to send" */
	const char *marking;  /* on the cover and every page: "Contains
				 answer keys — not for candidates"; NULL
				 for a candidate's guide */
	const char *reader;   /* on the cover, after the marking: "For
				 hiring teams and recruiters."; NULL with
				 no marking */
	int confidential;     /* interviewer material: kit.yaml's
				 watermark goes across its every page */
	const kg_profile *profile; /* packets and guides only */
	const kg_level *level;     /* packets and guides only */
} kg_edition;

typedef struct kg_editions {
	kg_edition *items;
	size_t n;
} kg_editions;

/* The editions of a checked kit: the published kit, then the packets by
 * profile and level in kit.yaml's order, then the candidate's guides in
 * the same order. */
kg_editions kg_editions_of(const kg_kit *kit);
/* The edition called `name` (its id, or its id's last part: the first
 * such, so "platform-engineer-expert" is the packet and the guide needs
 * its whole id); NULL when there is none. */
const kg_edition *kg_editions_find(const kg_editions *e, const char *name);
/* For "did you mean": the edition whose id or id's last part is closest
 * to name, when it is close enough to be a slip (suggest.h), among the
 * packets only when `packets` is set; NULL when none is. */
const kg_edition *kg_editions_closest(const kg_editions *e, const char *name,
				      int packets);
void kg_editions_free(kg_editions *e);

#endif
