/*
 * compose_candidate.c - what a candidate's guide contains (edition.h):
 * for one profile and level, the loop a candidate will sit (its rounds,
 * their time, what each assesses, how a round runs), what the level
 * expects, the rating scale, how the decision is made, and the kit's own
 * words to candidates (kit.yaml `candidate_guide:`).
 *
 * Invariant: a guide is safe to send to a candidate. It reads only the
 * kit's metadata, the candidate_guide prose, the profile (its title,
 * weights and must-haves, never its rationale), the level, the areas,
 * the rating scale, the decision values and the loop plan's rounds and
 * phases (their names and minutes, never their material). No topic,
 * question, scenario, signal, rubric, hint, red flag or answer key is
 * read here; tests/t-candidate.sh checks every guide for them.
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "candidate.h"
#include "compose.h"
#include "plan.h"

/* A score in hundredths as the kit writes it: 225 is "2.25". */
static void S_score(kg_buf *b, long hundredths)
{
	kg_buf_printf(b, "%ld.%02ld", hundredths / 100, hundredths % 100);
}

/* A small count in words, as prose writes it ("one"), else in digits. */
static const char *S_number(long n, char *buf, size_t size)
{
	static const char *const words[] = {"no", "one", "two", "three", "four",
					    "five", "six", "seven", "eight",
					    "nine", "ten"};

	if (n >= 0 && n <= 10)
		return words[n];
	snprintf(buf, size, "%ld", n);
	return buf;
}

static int S_total_minutes(const kg_plan *plan)
{
	int minutes = 0;
	size_t i;

	for (i = 0; i < plan->n; i++)
		minutes += plan->rounds[i].minutes;
	return minutes;
}

static void S_welcome(const kg_kit *kit, const kg_edition *ed,
		      const kg_plan *plan, kg_block *root)
{
	const kg_candidate_guide *g = &kit->candidate_guide;
	kg_block *part = kg_c_section(root, 1, "welcome", NULL, "Welcome",
				      KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT;

	kg_add_prose(part, kg_text(g->welcome));
	kg_buf_puts(&b, "This guide describes the interviews for the role of **");
	kg_c_put_line(&b, kg_text(ed->profile->title));
	kg_buf_puts(&b, "** at the **");
	kg_c_put_line(&b, kg_text(ed->level->title));
	kg_buf_printf(&b, "** level: %zu interview%s, %d minutes in all. Every "
		      "candidate for this role and level gets the same guide, "
		      "sits the same rounds for the same time and is rated on "
		      "the same scale. It tells you how you will be assessed; "
		      "it holds none of the questions.", plan->n,
		      plan->n == 1 ? "" : "s", S_total_minutes(plan));
	kg_add_prose_copy(part, b.ptr);
	if (g->contact) {
		kg_buf_reset(&b);
		kg_buf_puts(&b, "Questions about this guide or the day: ");
		kg_c_put_line(&b, kg_text(g->contact));
		kg_buf_puts(&b, ".");
		kg_add_prose_copy(part, b.ptr);
	}
	kg_buf_release(&b);
}

/* The rounds at a glance: area, time, weight. */
static void S_rounds_table(const kg_plan *plan, kg_block *part)
{
	kg_block *table = kg_block_add(part, kg_block_new(KG_BLOCK_TABLE));
	kg_block *row = kg_add_row(table);
	kg_buf b = KG_BUF_INIT;
	size_t i;

	kg_add_cell(row, "Round");
	kg_add_cell(row, "What it assesses");
	kg_add_cell(row, "Time");
	kg_add_cell(row, "Weight in the decision");
	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];

		row = kg_add_row(table);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "[%zu](#your-round-%zu)", i + 1, i + 1);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_c_line_cell(row, kg_text(r->area->title));
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%d minutes", r->minutes);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%d%%%s", r->weight,
			      r->must_have ? " (must-have)" : "");
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	}
	kg_buf_release(&b);
}

static void S_round(const kg_edition *ed, const kg_round *r, size_t number,
		    kg_block *part)
{
	char anchor[32], title[256];
	kg_block *sec;
	kg_buf b = KG_BUF_INIT;

	snprintf(anchor, sizeof(anchor), "your-round-%zu", number);
	snprintf(title, sizeof(title), "Round %zu: %s", number,
		 kg_text(r->area->title));
	sec = kg_c_section(part, 2, anchor, NULL, title, 0);
	kg_add_prose(sec, kg_text(r->area->description));
	if (r->behavioural)
		kg_buf_puts(&b, "This round is a conversation about how you work "
			    "with other people and own your work: you are asked "
			    "about situations from working life, how you would "
			    "handle them or how you handled ones like them. There "
			    "is no technical problem to solve. ");
	kg_buf_printf(&b, "It takes %d minutes and counts for %d%% of the "
		      "decision", r->minutes, r->weight);
	kg_buf_puts(&b, r->must_have ? "; it is a must-have area for this role "
				       "(see [the decision](#decision))."
				     : ".");
	if (!r->behavioural) {
		kg_buf_puts(&b, " Its questions are at the **");
		kg_c_put_line(&b, kg_text(ed->level->title));
		kg_buf_puts(&b, "** level.");
	}
	kg_add_prose_copy(sec, b.ptr);
	kg_buf_release(&b);
}

/* The fewest and the most minutes a round's main phase has. */
static void S_main_range(const kg_plan *plan, int *lo, int *hi)
{
	size_t i;

	*lo = *hi = plan->rounds[0].main_minutes;
	for (i = 1; i < plan->n; i++) {
		if (plan->rounds[i].main_minutes < *lo)
			*lo = plan->rounds[i].main_minutes;
		if (plan->rounds[i].main_minutes > *hi)
			*hi = plan->rounds[i].main_minutes;
	}
}

/* How a round runs: its phases, named as the kit names them, with their
 * minutes (every round has the same phases; only the main one's minutes
 * differ between rounds of different length, plan.h). */
static void S_phases(const kg_kit *kit, const kg_plan *plan, kg_block *part)
{
	const kg_round *r = &plan->rounds[0];
	kg_block *sec = kg_c_section(part, 2, "how-a-round-runs", NULL,
				     "How a round runs", 0);
	kg_block *list;
	kg_buf b = KG_BUF_INIT;
	int mine = kg_candidate_questions_phase(kit, r), lo, hi;
	size_t i;

	S_main_range(plan, &lo, &hi);
	kg_add_prose(sec, "Every round has the same parts, in this order:");
	list = kg_add_list(sec, KG_LIST_ORDERED);
	for (i = 0; i < r->nphases; i++) {
		const kg_round_phase *ph = &r->phases[i];

		kg_buf_reset(&b);
		kg_buf_puts(&b, "**");
		kg_c_put_line(&b, ph->name);
		kg_buf_puts(&b, "** (");
		if (ph->main && lo != hi)
			kg_buf_printf(&b, "%d to %d minutes, by the round's length",
				      lo, hi);
		else
			kg_buf_printf(&b, "%d minutes", ph->minutes);
		kg_buf_puts(&b, ")");
		if (ph->main)
			kg_buf_puts(&b, ": the round's questions or conversation");
		if ((int)i == mine)
			kg_buf_puts(&b, ": your time to ask the interviewer "
				    "anything; it is not rated");
		kg_buf_puts(&b, ".");
		kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	}
	if (mine >= 0) {
		kg_buf_reset(&b);
		kg_buf_printf(&b, "So every round leaves you %d minutes for your own "
			      "questions, about the team, the work or the process.",
			      r->phases[mine].minutes);
		kg_add_prose_copy(sec, b.ptr);
	}
	kg_add_prose(sec, "Thinking aloud helps the interviewer see how you "
		     "reason. A hint, a change to the problem or a request for "
		     "more detail is part of every round, not a sign that "
		     "something has gone wrong.");
	kg_buf_release(&b);
}

static void S_loop(const kg_kit *kit, const kg_edition *ed,
		   const kg_plan *plan, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "your-interviews", NULL,
				      "Your interviews", KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT;
	size_t i;

	kg_buf_printf(&b, "The loop has %zu round%s. Each round assesses one "
		      "area of the work, with its own interviewer, and each "
		      "interviewer rates only their round.", plan->n,
		      plan->n == 1 ? "" : "s");
	kg_add_prose_copy(part, b.ptr);
	S_rounds_table(plan, part);
	for (i = 0; i < plan->n; i++)
		S_round(ed, &plan->rounds[i], i + 1, part);
	if (plan->n > 0)
		S_phases(kit, plan, part);
	kg_buf_release(&b);
}

static void S_level(const kg_edition *ed, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "level", NULL,
				      "What the level expects", KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT;

	kg_buf_puts(&b, "You are interviewing at the **");
	kg_c_put_line(&b, kg_text(ed->level->title));
	kg_buf_puts(&b, "** level. Every interviewer rates your answers against "
		    "what this level expects, not against another level and not "
		    "against other candidates:");
	kg_add_prose_copy(part, b.ptr);
	kg_add_prose(kg_add_callout(part, KG_CALLOUT_NOTE, kg_text(ed->level->title)),
		     kg_text(ed->level->expects));
	kg_buf_release(&b);
}

static void S_scale(const kg_kit *kit, kg_block *root)
{
	static const kg_doc_band styles[KG_NBANDS] = {
		KG_DOC_BAND_STRONG, KG_DOC_BAND_ACCEPTABLE, KG_DOC_BAND_WEAK};
	kg_block *part = kg_c_section(root, 1, "rating-scale", NULL,
				      "How answers are rated", KG_SECTION_IN_TOC);
	kg_block *rubric;
	kg_buf b = KG_BUF_INIT;
	int band;

	kg_add_prose(part, "Each interviewer rates their round on this scale, on "
		     "their own and in writing, before the panel meets. Each "
		     "band is defined by what a candidate says and does:");
	rubric = kg_block_add(part, kg_block_new(KG_BLOCK_RUBRIC));
	for (band = 0; band < KG_NBANDS; band++) {
		const kg_band *k = &kit->bands[band];

		kg_buf_reset(&b);
		kg_buf_printf(&b, "%s (%ld)", kg_text(k->label),
			      kg_int(k->points, 0));
		kg_add_band(rubric, styles[band], b.ptr, kg_text(k->definition));
	}
	kg_buf_release(&b);
}

/* The profile's must-have areas, as titles in italics (a title may hold
 * "and"): "*A*", "*A* and *B*", "*A*, *B* and *C*". */
static size_t S_must_haves(const kg_kit *kit, const kg_profile *p, kg_buf *b)
{
	size_t i;

	for (i = 0; i < p->must_have.n; i++) {
		if (i)
			kg_buf_puts(b, i + 1 == p->must_have.n ? " and " : ", ");
		kg_buf_puts(b, "*");
		kg_c_put_line(b, kg_c_area_title(kit, kg_text(p->must_have.items[i])));
		kg_buf_puts(b, "*");
	}
	return p->must_have.n;
}

/* The decision rule's gates in plain words, from kit.yaml `decision:`. */
static void S_gates(const kg_kit *kit, const kg_edition *ed, kg_block *part)
{
	const kg_decision *dc = &kit->decision;
	long threshold = kg_int(dc->threshold, 0), borderline = kg_int(dc->borderline, 0);
	long weak = kg_int(dc->weak_limit, 0);
	kg_block *list = kg_add_list(part, KG_LIST_ORDERED);
	kg_buf b = KG_BUF_INIT;
	char num[24];

	kg_buf_puts(&b, "**Must-have areas.** ");
	if (S_must_haves(kit, ed->profile, &b)) {
		kg_buf_puts(&b, ": an area score below ");
		S_score(&b, kg_int(dc->weak_below, 0));
		kg_buf_puts(&b, " in one of them means no offer, however strong "
			    "the other rounds were.");
	} else {
		kg_buf_puts(&b, "This role has none.");
	}
	kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	kg_buf_reset(&b);
	kg_buf_puts(&b, "**Weak areas.** An area scoring below ");
	S_score(&b, kg_int(dc->weak_below, 0));
	if (weak == 0)
		kg_buf_puts(&b, " counts as Weak, and any Weak area means no offer.");
	else
		kg_buf_printf(&b, " counts as Weak; more than %s Weak area%s "
			      "means no offer.", S_number(weak, num, sizeof(num)),
			      weak == 1 ? "" : "s");
	kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	kg_buf_reset(&b);
	kg_buf_puts(&b, "**The weighted score.** Each area's score times its "
		    "weight (the table in [Your interviews](#your-interviews)), "
		    "added up and divided by 100. At ");
	S_score(&b, threshold);
	kg_buf_puts(&b, " or above, the panel recommends an offer.");
	if (borderline < threshold) {
		kg_buf_puts(&b, " From ");
		S_score(&b, borderline);
		kg_buf_puts(&b, " to just under ");
		S_score(&b, threshold);
		kg_buf_puts(&b, ", the panel either arranges one more short "
			    "conversation on the area where it has least to go "
			    "on, or declines.");
	}
	kg_buf_puts(&b, " Below ");
	S_score(&b, borderline < threshold ? borderline : threshold);
	kg_buf_puts(&b, ", no offer.");
	kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	kg_buf_release(&b);
}

static void S_decision(const kg_kit *kit, const kg_edition *ed, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "decision", NULL,
				      "How the decision is made", KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT;
	size_t band;

	kg_buf_puts(&b, "The decision follows a written rule, the same for "
		    "every candidate for this role. The panel meets only after "
		    "every interviewer has written down their rating and the "
		    "evidence for it. An area's score is the points of its "
		    "rating (");
	for (band = 0; band < KG_NBANDS; band++) {
		kg_buf_puts(&b, band ? ", " : "");
		kg_c_put_line(&b, kg_text(kit->bands[band].label));
		kg_buf_printf(&b, " %ld", kg_int(kit->bands[band].points, 0));
	}
	kg_buf_puts(&b, "), the mean where two interviewers rate one round. ");
	if (kit->decision.node) {
		kg_buf_puts(&b, "Then the rule for this role applies, in this order:");
		kg_add_prose_copy(part, b.ptr);
		S_gates(kit, ed, part);
	} else {
		kg_buf_puts(&b, "Then the panel applies its rule, in its own words:");
		kg_add_prose_copy(part, b.ptr);
		kg_add_prose(part, kg_text(kit->decision_rule));
	}
	kg_buf_release(&b);
}

/* A part of the guide in the kit's own words; nothing when it has none. */
static void S_prose_part(kg_block *root, const char *id, const char *title,
			 const kg_node *text)
{
	if (text)
		kg_add_prose(kg_c_section(root, 1, id, NULL, title,
					  KG_SECTION_IN_TOC),
			     kg_text(text));
}

kg_doc *kg_compose_candidate(const kg_kit *kit, const kg_edition *ed,
			     const char *digest)
{
	const kg_candidate_guide *g = &kit->candidate_guide;
	kg_doc *doc = kg_c_document(kit, ed, digest);
	kg_diags quiet = KG_DIAGS_INIT; /* a checked kit plans cleanly */
	kg_plan plan;

	kg_plan_loop(kit, ed->profile, ed->level, &plan, &quiet);
	kg_block_add(doc->root, kg_block_new(KG_BLOCK_TOC));
	S_welcome(kit, ed, &plan, doc->root);
	S_loop(kit, ed, &plan, doc->root);
	S_level(ed, doc->root);
	S_scale(kit, doc->root);
	S_decision(kit, ed, doc->root);
	S_prose_part(doc->root, "preparing", "Preparing", g->preparing);
	S_prose_part(doc->root, "adjustments", "What you can ask for",
		     g->adjustments);
	S_prose_part(doc->root, "after", "After the interviews",
		     g->after_the_loop);
	kg_plan_free(&plan);
	kg_diags_free(&quiet);
	return doc;
}
