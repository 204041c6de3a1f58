/*
 * plan.h - the loop plan of a panel packet: one round per capability
 * area, each with its topic, questions, time box and weight.
 *
 * The plan follows from the content alone, deterministically:
 *   - rounds come in order of the profile's weight (heaviest first; equal
 *     weights in the order kit.yaml declares the areas);
 *   - a round's topic is one that serves its area and has questions at the
 *     level, not used by an earlier round; topics whose first area is the
 *     round's area come first, then topic order;
 *   - its questions are all that topic's questions at the level;
 *   - its time box is loop.round_minutes (45 when kit.yaml gives none).
 * A profile may pin any round in kit.yaml (`rounds:`: area, topic, and
 * optionally questions and minutes); pinned topics are not reused.
 */
#ifndef KG_PLAN_H
#define KG_PLAN_H

#include <stddef.h>

#include "diag.h"
#include "kit.h"

#define KG_DEFAULT_ROUND_MINUTES 45

typedef struct kg_round {
	const kg_area *area;
	int weight;                 /* the profile's weight for the area */
	int must_have;              /* the profile lists the area as must-have */
	int minutes;
	const kg_topic *topic;
	const kg_question **questions;
	size_t nquestions;
} kg_round;

typedef struct kg_plan {
	kg_round *rounds;
	size_t n;
} kg_plan;

/* Plan the loop of profile p at level l. On a level that cannot fill a
 * round (or a pin that does not fit), add errors pointing into kit.yaml
 * and return -1; the plan then holds the rounds it could fill. */
int kg_plan_loop(const kg_kit *kit, const kg_profile *p, const kg_level *l,
		 kg_plan *out, kg_diags *d);
void kg_plan_free(kg_plan *plan);

#endif
