/*
 * plan.h - the loop plan of a panel packet: one round per capability
 * area, each with its phases, its material, its scorecard lines and its
 * weight.
 *
 * The plan follows from the content alone, deterministically, and an
 * area is filled with the same material in every profile:
 *   - a round's phases are loop.phases, and its time box their sum;
 *     without phases, the time box is loop.round_minutes (default 45)
 *     and the phases an opening of 5 minutes, the main material and the
 *     candidate's questions, 5; the longest phase (the first of equal
 *     ones) is the main phase, and a pinned round's own minutes stretch
 *     or shrink it;
 *   - the material of an area's round at a level is chosen the same way
 *     in every profile, the areas taking turns (a question each, in
 *     kit.yaml's order): the questions at the level whose own area is the
 *     round's (a question's `areas[0]` when it has `areas`, else its
 *     topic's first area), in kit order, while the round is under its
 *     main phase and the question fits the main phase plus five; a round
 *     still short (below the main phase less five) may borrow a question
 *     at the level whose `areas` list the area, then one without `areas`
 *     whose topic lists it; no question is taken twice. A round still
 *     short then takes a topic's practical scenario (its `minutes`), the
 *     first whose first area is the round's, with the level in its
 *     comparison levels, that fits; a question's minutes default to
 *     KG_DEFAULT_QUESTION_MINUTES;
 *   - the round for the behavioural area (loop.behavioural_area, marked
 *     `behavioural: true`: check makes the two agree) takes the scenarios
 *     at the level (a scenario without `levels` suits every level) that
 *     fit, in file order but one of each kind first, each
 *     KG_DEFAULT_SCENARIO_MINUTES unless it says;
 *   - a round is full when its material comes within five minutes of
 *     the main phase; kg_plan_shortfalls reports the rest;
 *   - rounds are presented heaviest weight first (equal weights in the
 *     order kit.yaml declares the areas); an area the profile weights 0
 *     has no round.
 * A profile may pin a round in kit.yaml (`rounds:`: area, topic, and
 * optionally questions and minutes); a pin replaces the area's material
 * with that topic's questions at the level.
 *
 * Each round's scorecard lines (kg_dim) follow from its material: one a
 * question, one a practical scenario, one a behavioural scenario, in
 * the order of the material. A line's id is what a card file rates:
 * the question's id, "<topic-id>-scenario", or the scenario's id.
 */
#ifndef KG_PLAN_H
#define KG_PLAN_H

#include <stddef.h>

#include "diag.h"
#include "kit.h"

#define KG_DEFAULT_ROUND_MINUTES 45
#define KG_DEFAULT_QUESTION_MINUTES 10
#define KG_DEFAULT_SCENARIO_MINUTES 15
#define KG_PLAN_SLACK_MINUTES 5

typedef enum {
	KG_ITEM_QUESTION, /* a question of the kit */
	KG_ITEM_EXERCISE, /* a topic's practical scenario */
	KG_ITEM_SCENARIO  /* a behavioural scenario */
} kg_item_kind;

/* A piece of a round's main material. */
typedef struct kg_item {
	kg_item_kind kind;
	const kg_question *question; /* KG_ITEM_QUESTION, else NULL */
	const kg_topic *topic;       /* the question's topic, or the
					exercise's; NULL for a scenario */
	const kg_scenario *scenario; /* KG_ITEM_SCENARIO, else NULL */
	int minutes;
} kg_item;

/* A scorecard line: what a card rates. */
typedef struct kg_dim {
	char *id;             /* stable: see above */
	const kg_item *item;  /* the material it rates */
} kg_dim;

/* A phase of a round, with the kit's node when kit.yaml gave phases. */
typedef struct kg_round_phase {
	const char *name;     /* the kit's text, or a built-in default */
	const char *what;     /* likewise */
	int minutes;
	int main;             /* the phase that holds the material */
} kg_round_phase;

typedef struct kg_round {
	const kg_area *area;
	int weight;                 /* the profile's weight for the area */
	int must_have;              /* the profile lists the area as must-have */
	int behavioural;            /* the behavioural area's round */
	int minutes;                /* the round's time box */
	int main_minutes;           /* the main phase's time */
	int filled;                 /* minutes of material */
	kg_round_phase *phases;
	size_t nphases;
	kg_item *items;
	size_t nitems;
	kg_dim *dims;               /* one per item, same order */
	size_t ndims;
	/* the questions among the items, in order (borrowed pointers) */
	const kg_question **questions;
	size_t nquestions;
} kg_round;

typedef struct kg_plan {
	kg_round *rounds;
	size_t n;
} kg_plan;

/* Plan the loop of profile p at level l. On a level that cannot give a
 * round any material (or a pin that does not fit), add errors pointing
 * into kit.yaml and return -1; the plan then holds the rounds it could
 * fill. A round that has material but falls short of its main phase is
 * not an error here: see kg_plan_shortfalls. */
int kg_plan_loop(const kg_kit *kit, const kg_profile *p, const kg_level *l,
		 kg_plan *out, kg_diags *d);
void kg_plan_free(kg_plan *plan);

/* The areas that have a round in profile p's loop (weight above 0), in
 * the order the plan presents the rounds, into out (room for kit->nareas);
 * how many. Round N of a checked kit's plan, at any level, is out[N-1]'s:
 * what names a loop's per-round documents without planning it. */
size_t kg_plan_round_areas(const kg_kit *kit, const kg_profile *p,
			   const kg_area **out);

/* For check: a warning for every round of every profile and level that
 * misses its main phase by more than KG_PLAN_SLACK_MINUTES, naming the
 * profile, the level, the area and the minutes missing. Returns the
 * number of warnings added. */
size_t kg_plan_shortfalls(const kg_kit *kit, kg_diags *d);

/* The questions at level l not used by any round of the plan whose own
 * area (as above) is `area`: what "one more round" on the area would ask.
 * Returns a malloc'd array (free it) and its length in *n. */
const kg_question **kg_plan_unused(const kg_kit *kit, const kg_plan *plan,
				   const kg_level *l, const kg_area *area,
				   size_t *n);

/* A scorecard line's name, malloc'd: "Q12: <topic title>" (the public
 * kit's number), "Exercise: <scenario title>", or the behavioural
 * scenario's title. */
char *kg_dim_label(const kg_kit *kit, const kg_dim *dim);

/* The question's own area id, as above. */
const char *kg_question_area(const kg_question *q);

#endif
