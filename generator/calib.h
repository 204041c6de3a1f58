/*
 * calib.h - the figures of a calibration report, worked out from many
 * candidates' cards.
 *
 * For each scorecard line (a question, a topic's practical scenario, a
 * behavioural scenario; plan.h's kg_dim), rated on the cards: the ratings by band, the
 * share not probed, the point-biserial correlation of the rating's points
 * with the panel's decision, and Krippendorff's ordinal alpha over the
 * interviewers who rated the same candidate's same round. For each
 * interviewer: leniency against the panel.
 *
 * The decision behind the correlation is the kit's decision rule applied
 * to each candidate's own cards (decision.h): hire is 1, no hire 0;
 * candidates who come out borderline or incomplete count for no
 * correlation. A question or dimension separates when its correlation is
 * at least KG_CAL_SEPARATES over at least KG_CAL_MIN_N cards.
 */
#ifndef KG_CALIB_H
#define KG_CALIB_H

#include <stddef.h>

#include "cardfile.h"

#define KG_CAL_MIN_N 20        /* cards behind a judgement */
#define KG_CAL_SEPARATES 0.20  /* point-biserial r */

typedef enum {
	KG_CAL_OK,           /* separates */
	KG_CAL_NO_SEPARATION, /* r below KG_CAL_SEPARATES, or undefined */
	KG_CAL_TOO_FEW       /* fewer than KG_CAL_MIN_N decided cards */
} kg_cal_flag;

typedef struct kg_cal_row {
	const kg_topic *topic;       /* a question's, or the exercise's; NULL
					for a behavioural scenario */
	const kg_question *question; /* a question row, else NULL */
	const kg_scenario *scenario; /* a behavioural scenario row, else NULL */
	size_t count[KG_NBANDS + 1]; /* by band, then not probed */
	double r;                    /* point-biserial, NAN when undefined */
	size_t rn;                   /* decided cards behind r */
	double alpha;                /* NAN when undefined */
	size_t pairs;                /* pairs of interviewers behind alpha */
	kg_cal_flag flag;
} kg_cal_row;

typedef struct kg_cal_rater {
	const char *name; /* borrowed from a card */
	size_t cards;     /* cards with an overall band */
	double lean;      /* mean points above the rest of the panel */
	size_t n;         /* cards that had the rest of a panel to compare */
} kg_cal_rater;

typedef struct kg_calibration {
	kg_cal_row *rows;    /* questions first (nquestions), then the
				practical and behavioural scenarios */
	size_t nrows, nquestions;
	kg_cal_rater *raters; /* sorted by name */
	size_t nraters;
	size_t ncards, ncandidates, hires, no_hires;
	double alpha;        /* over every round's overall rating */
	size_t pairs;
} kg_calibration;

/* Work out the figures of n checked cards. Refuses what score refuses
 * (two cards for a round by one interviewer, a candidate in two
 * editions); returns 0 or -1. The cards must outlive out. */
int kg_calibrate(kg_card_kit *ck, const kg_card *cards, size_t n,
		 kg_calibration *out, kg_diags *d);
void kg_calibration_free(kg_calibration *c);

#endif
