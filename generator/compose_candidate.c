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
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "candidate.h"
#include "compose.h"
#include "labels.h"
#include "plan.h"

/* kitgen's own words (labels.h), in the kit's language. */
#define S_L(key) kg_label(kit->labels, key)

/* A line of the kit as Markdown text, escaped, in a new string. */
static char *S_md_line(const char *text)
{
	kg_buf b = KG_BUF_INIT;

	kg_c_put_line(&b, text);
	return kg_buf_detach(&b, NULL);
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
	kg_block *part = kg_c_section(root, 1, "welcome", NULL,
				      S_L("guide.welcome"), KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT, n = KG_BUF_INIT, mins = KG_BUF_INIT;
	char *role = S_md_line(kg_text(ed->profile->title));
	char *level = S_md_line(kg_text(ed->level->title));

	kg_add_prose(part, kg_text(g->welcome));
	kg_label_putn(&n, kit->labels, "guide.interviews", (long)plan->n, NULL);
	kg_label_putn(&mins, kit->labels, "common.minutes",
		      S_total_minutes(plan), NULL);
	kg_label_put(&b, kit->labels, "guide.intro", "profile", role, "level",
		     level, "interviews", n.ptr, "minutes", mins.ptr, NULL);
	kg_add_prose_copy(part, b.ptr);
	free(role);
	free(level);
	if (g->contact) {
		char *contact = S_md_line(kg_text(g->contact));

		kg_buf_reset(&b);
		kg_label_put(&b, kit->labels, "guide.contact", "contact", contact,
			     NULL);
		kg_add_prose_copy(part, b.ptr);
		free(contact);
	}
	kg_buf_release(&b);
	kg_buf_release(&n);
	kg_buf_release(&mins);
}

/* The rounds at a glance: area, time, weight. */
static void S_rounds_table(const kg_kit *kit, const kg_plan *plan,
			   kg_block *part)
{
	kg_block *table = kg_block_add(part, kg_block_new(KG_BLOCK_TABLE));
	kg_block *row = kg_add_row(table);
	kg_buf b = KG_BUF_INIT;
	size_t i;

	kg_add_cell(row, S_L("common.round"));
	kg_add_cell(row, S_L("guide.col_assesses"));
	kg_add_cell(row, S_L("common.time"));
	kg_add_cell(row, S_L("guide.col_weight"));
	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];

		row = kg_add_row(table);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "[%zu](#your-round-%zu)", i + 1, i + 1);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_c_line_cell(row, kg_text(r->area->title));
		kg_buf_reset(&b);
		kg_label_putn(&b, kit->labels, "common.minutes", r->minutes, NULL);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_label_percent(&b, kit->labels, r->weight);
		kg_buf_printf(&b, "%s%s",
			      r->must_have ? S_L("punct.before_note") : "",
			      r->must_have ? S_L("common.must_have") : "");
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	}
	kg_buf_release(&b);
}

static void S_round(const kg_kit *kit, const kg_edition *ed, const kg_round *r,
		    size_t number, kg_block *part)
{
	char anchor[32], num[24], weight[24], *title;
	kg_block *sec;
	kg_buf b = KG_BUF_INIT, mins = KG_BUF_INIT;

	snprintf(anchor, sizeof(anchor), "your-round-%zu", number);
	snprintf(num, sizeof(num), "%zu", number);
	snprintf(weight, sizeof(weight), "%d", r->weight);
	title = kg_label_dup(kit->labels, "packet.round_title", "number", num,
			     "area", kg_text(r->area->title), NULL);
	sec = kg_c_section(part, 2, anchor, NULL, title, 0);
	free(title);
	kg_add_prose(sec, kg_text(r->area->description));
	if (r->behavioural) {
		kg_buf_puts(&b, S_L("guide.behavioural"));
		kg_label_sentence_sep(&b, kit->labels);
	}
	kg_label_putn(&mins, kit->labels, "common.minutes", r->minutes, NULL);
	kg_label_put(&b, kit->labels, r->must_have ? "guide.round_counts_must"
		     : "guide.round_counts", "minutes", mins.ptr, "weight",
		     weight, NULL);
	if (!r->behavioural) {
		char *level = S_md_line(kg_text(ed->level->title));

		kg_label_sentence_sep(&b, kit->labels);
		kg_label_put(&b, kit->labels, "guide.round_level", "level", level,
			     NULL);
		free(level);
	}
	kg_add_prose_copy(sec, b.ptr);
	kg_buf_release(&b);
	kg_buf_release(&mins);
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
/* b becomes "b: value" in the kit's language (punct.field). */
static void S_field_onto(const kg_kit *kit, kg_buf *b, const char *value)
{
	char *label = kg_xstrdup(b->ptr);

	kg_buf_reset(b);
	kg_label_field(b, kit->labels, label, value);
	free(label);
}

static void S_phases(const kg_kit *kit, const kg_plan *plan, kg_block *part)
{
	const kg_round *r = &plan->rounds[0];
	kg_block *sec = kg_c_section(part, 2, "how-a-round-runs", NULL,
				     S_L("guide.how_a_round_runs"), 0);
	kg_block *list;
	kg_buf b = KG_BUF_INIT, name = KG_BUF_INIT, note = KG_BUF_INIT;
	int mine = kg_candidate_questions_phase(kit, r), lo, hi;
	size_t i;

	S_main_range(plan, &lo, &hi);
	kg_add_prose(sec, S_L("guide.same_parts"));
	list = kg_add_list(sec, KG_LIST_ORDERED);
	for (i = 0; i < r->nphases; i++) {
		const kg_round_phase *ph = &r->phases[i];

		kg_buf_reset(&name);
		kg_buf_puts(&name, "**");
		kg_c_put_line(&name, ph->name);
		kg_buf_puts(&name, "**");
		kg_buf_reset(&note);
		if (ph->main && lo != hi) {
			char l[24], h[24];

			snprintf(l, sizeof(l), "%d", lo);
			snprintf(h, sizeof(h), "%d", hi);
			kg_label_put(&note, kit->labels, "guide.phase_range", "lo",
				     l, "hi", h, NULL);
		} else {
			kg_label_putn(&note, kit->labels, "common.minutes",
				      ph->minutes, NULL);
		}
		kg_buf_reset(&b);
		kg_label_paren(&b, kit->labels, name.ptr, note.ptr);
		if (ph->main)
			S_field_onto(kit, &b, S_L("guide.phase_main"));
		if ((int)i == mine)
			S_field_onto(kit, &b, S_L("guide.phase_yours"));
		kg_buf_puts(&b, S_L("punct.full_stop"));
		kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	}
	if (mine >= 0) {
		kg_buf_reset(&b);
		kg_buf mins = KG_BUF_INIT;

		kg_label_putn(&mins, kit->labels, "common.minutes",
			      r->phases[mine].minutes, NULL);
		kg_label_put(&b, kit->labels, "guide.leaves_you", "minutes",
			     mins.ptr, NULL);
		kg_add_prose_copy(sec, b.ptr);
		kg_buf_release(&mins);
	}
	kg_add_prose(sec, S_L("guide.think_aloud"));
	kg_buf_release(&name);
	kg_buf_release(&note);
	kg_buf_release(&b);
}

static void S_loop(const kg_kit *kit, const kg_edition *ed,
		   const kg_plan *plan, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "your-interviews", NULL,
				      S_L("guide.your_interviews"),
				      KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT;
	size_t i;

	kg_label_putn(&b, kit->labels, "guide.loop_has", (long)plan->n, NULL);
	kg_add_prose_copy(part, b.ptr);
	S_rounds_table(kit, plan, part);
	for (i = 0; i < plan->n; i++)
		S_round(kit, ed, &plan->rounds[i], i + 1, part);
	if (plan->n > 0)
		S_phases(kit, plan, part);
	kg_buf_release(&b);
}

static void S_level(const kg_kit *kit, const kg_edition *ed, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "level", NULL, S_L("guide.level"),
				      KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT;
	char *level = S_md_line(kg_text(ed->level->title));

	kg_label_put(&b, kit->labels, "guide.level_intro", "level", level, NULL);
	free(level);
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
				      S_L("guide.scale"), KG_SECTION_IN_TOC);
	kg_block *rubric;
	kg_buf b = KG_BUF_INIT;
	int band;

	kg_add_prose(part, S_L("guide.scale_intro"));
	rubric = kg_block_add(part, kg_block_new(KG_BLOCK_RUBRIC));
	for (band = 0; band < KG_NBANDS; band++) {
		const kg_band *k = &kit->bands[band];
		char pts[24];

		kg_buf_reset(&b);
		snprintf(pts, sizeof(pts), "%ld", kg_int(k->points, 0));
		kg_label_paren(&b, kit->labels, kg_text(k->label), pts);
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
			kg_buf_puts(b, i + 1 == p->must_have.n
				       ? S_L("common.list_and")
				       : S_L("common.list_sep"));
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
	kg_buf b = KG_BUF_INIT, areas = KG_BUF_INIT, below = KG_BUF_INIT;
	kg_buf th = KG_BUF_INIT, bo = KG_BUF_INIT, low = KG_BUF_INIT;

	kg_label_hundredths(&below, kit->labels, kg_int(dc->weak_below, 0));
	kg_label_hundredths(&th, kit->labels, threshold);
	kg_label_hundredths(&bo, kit->labels, borderline);
	kg_label_hundredths(&low, kit->labels, borderline < threshold ? borderline : threshold);
	if (S_must_haves(kit, ed->profile, &areas))
		kg_label_put(&b, kit->labels, "guide.must_have", "areas",
			     areas.ptr, "score", below.ptr, NULL);
	else
		kg_buf_puts(&b, S_L("guide.must_have_none"));
	kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	kg_buf_reset(&b);
	if (weak == 0)
		kg_label_put(&b, kit->labels, "guide.weak_any", "score",
			     below.ptr, NULL);
	else
		kg_label_putn(&b, kit->labels, "guide.weak_limit", weak, "score",
			      below.ptr, NULL);
	kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	kg_buf_reset(&b);
	kg_label_put(&b, kit->labels, "guide.weighted", "threshold", th.ptr, NULL);
	if (borderline < threshold) {
		kg_label_sentence_sep(&b, kit->labels);
		kg_label_put(&b, kit->labels, "guide.weighted_borderline",
			     "borderline", bo.ptr, "threshold", th.ptr, NULL);
	}
	kg_label_sentence_sep(&b, kit->labels);
	kg_label_put(&b, kit->labels, "guide.weighted_below", "score", low.ptr,
		     NULL);
	kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
	kg_buf_release(&b);
	kg_buf_release(&areas);
	kg_buf_release(&below);
	kg_buf_release(&th);
	kg_buf_release(&bo);
	kg_buf_release(&low);
}

static void S_decision(const kg_kit *kit, const kg_edition *ed, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "decision", NULL,
				      S_L("guide.decision"), KG_SECTION_IN_TOC);
	kg_buf b = KG_BUF_INIT, bands = KG_BUF_INIT;
	size_t band;

	for (band = 0; band < KG_NBANDS; band++) {
		kg_buf_puts(&bands, band ? S_L("common.list_sep") : "");
		kg_c_put_line(&bands, kg_text(kit->bands[band].label));
		kg_buf_printf(&bands, " %ld", kg_int(kit->bands[band].points, 0));
	}
	kg_label_put(&b, kit->labels, "guide.decision_intro", "bands", bands.ptr,
		     NULL);
	kg_buf_release(&bands);
	kg_label_sentence_sep(&b, kit->labels);
	if (kit->decision.node) {
		kg_buf_puts(&b, S_L("guide.rule_order"));
		kg_add_prose_copy(part, b.ptr);
		S_gates(kit, ed, part);
	} else {
		kg_buf_puts(&b, S_L("guide.rule_own_words"));
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
	S_level(kit, ed, doc->root);
	S_scale(kit, doc->root);
	S_decision(kit, ed, doc->root);
	S_prose_part(doc->root, "preparing", S_L("guide.preparing"), g->preparing);
	S_prose_part(doc->root, "adjustments", S_L("guide.adjustments"),
		     g->adjustments);
	S_prose_part(doc->root, "after", S_L("guide.after"), g->after_the_loop);
	kg_plan_free(&plan);
	kg_diags_free(&quiet);
	return doc;
}
