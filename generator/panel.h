/*
 * panel.h - a candidate's loop as the panel sees it at the debrief: the
 * cards grouped by candidate, each round's rating, the spread between
 * interviewers, the weighted total and each gate of the decision rule.
 *
 * A round's rating is the mean of its cards' overall points (cards rated
 * not-probed left out); the round's area scores that rating (a loop plan
 * has one round per area). The decision is kg_decide's (decision.h).
 */
#ifndef KG_PANEL_H
#define KG_PANEL_H

#include <stddef.h>

#include "cardfile.h"
#include "decision.h"

typedef struct kg_round_result {
	size_t ncards; /* cards for the round */
	size_t nrated; /* of them with an overall band */
	double score;  /* mean overall points of those */
	double spread; /* highest minus lowest overall points; 0 for one */
} kg_round_result;

typedef struct kg_panel {
	const char *candidate;  /* the first card's; borrowed */
	const kg_edition *ed;
	const kg_plan *plan;
	const kg_card **cards;  /* borrowed, in the order given */
	size_t ncards, cap;
	kg_round_result *rounds; /* plan->n */
	kg_area_score *areas;    /* plan->n: round i's area */
	kg_decided decided;
} kg_panel;

typedef struct kg_panels {
	kg_panel *items;
	size_t n;
} kg_panels;

/* The points of a band (KG_BAND_*), from the kit's rating scale. */
long kg_band_points(const kg_kit *kit, int band);

/* Group cards by candidate (in the order each first appears) and work
 * out every loop. Refuses, with errors at the later card: two cards for
 * the same round by the same interviewer, and a candidate's cards for two
 * editions. The cards must outlive the panels. Returns 0 or -1. */
int kg_panels_of(kg_card_kit *ck, const kg_card *cards, size_t n,
		 kg_panels *out, kg_diags *d);
void kg_panels_free(kg_panels *p);

#endif
