/*
 * decision.h - the decision rule as data: kit.yaml's `decision:` values,
 * the check that the prose decision_rule states the same numbers, and the
 * rule applied to a candidate's area scores.
 *
 * The rule (content/README.md): an area is Weak when its score is below
 * weak_below; a Weak must-have area is no hire; more than weak_limit Weak
 * areas is no hire; a weighted total at or above threshold is hire, from
 * borderline up to the threshold borderline, below it no hire. Scores are
 * points of the rating scale; the values are hundredths (kg_int).
 */
#ifndef KG_DECISION_H
#define KG_DECISION_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "kit.h"
#include "labels.h"

/* The prose decision_rule must state each value of `decision:` (a score
 * as written, 2.25; the Weak limit as a number or a word, "one"). Reports
 * a mismatch at the prose with a note at the value; returns the number of
 * errors. Nothing to check when kit.yaml has no `decision:`. */
size_t kg_check_decision(const kg_kit *kit, kg_diags *d);

typedef enum {
	KG_GATE_PASS,
	KG_GATE_FAIL,
	KG_GATE_BORDERLINE, /* the threshold gate only */
	KG_GATE_UNKNOWN     /* an area has no score */
} kg_gate;

typedef enum {
	KG_DECIDE_HIRE,
	KG_DECIDE_NO_HIRE,
	KG_DECIDE_BORDERLINE,
	KG_DECIDE_INCOMPLETE /* a round has no rating: no decision */
} kg_verdict;

/* One area of the candidate's loop, as the rule sees it. */
typedef struct kg_area_score {
	int weight;
	int must_have;
	int rated;    /* has a score (some round rated its overall) */
	double score; /* mean of the rounds' overall points */
} kg_area_score;

typedef struct kg_decided {
	double total;   /* weighted total: sum(weight * score) / 100 */
	size_t weak;    /* Weak areas */
	kg_gate must_have, weak_limit, threshold;
	kg_verdict verdict;
} kg_decided;

/* Apply the kit's rule (which must have `decision:`) to n areas. */
void kg_decide(const kg_decision *rule, const kg_area_score *areas, size_t n,
	       kg_decided *out);
/* The verdict ("hire", "no hire", "borderline", "incomplete") and a
 * gate's result ("passed", "failed", "borderline", "not known: ...") in
 * labels' words (labels.h; NULL: English). */
const char *kg_verdict_name(const kg_labels *labels, kg_verdict v);
const char *kg_gate_name(const kg_labels *labels, kg_gate g);

/* The gates, in the order a debrief lists them. */
typedef enum {
	KG_RULE_MUST_HAVE,
	KG_RULE_WEAK_LIMIT,
	KG_RULE_THRESHOLD,
	KG_NRULES
} kg_rule_gate;

/* A gate's name ("Must-have areas") and the rule it applies, with the
 * kit's numbers ("No must-have area scores below 2.00") appended to out,
 * in labels' words: what a debrief and a packet page's live results
 * (card_form.c) both show. */
const char *kg_rule_gate_name(const kg_labels *labels, kg_rule_gate g);
void kg_rule_gate_text(const kg_labels *labels, const kg_decision *rule,
		       kg_rule_gate g, kg_buf *out);

#endif
