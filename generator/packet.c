/*
 * packet.c - what a panel packet contains: the loop plan for one profile
 * and level, an interviewer guide and a scorecard per round, and a debrief
 * sheet. Everything comes from the kit; nothing here is per profile or
 * per level, so a new profile or level in kit.yaml is a new packet.
 *
 * A round's guide is in the order the round is run: the run of show (the
 * plan's phases, the main one listing the material), the opening script,
 * the material (each item with what it takes to run and rate it: a
 * question's prompt, listing, hint ladder and samples; a scenario's two
 * forms, signals, rubric and red flags), each topic's reference once (its
 * rubric at the packet's level), the candidate's questions, the notes.
 * A part whose field the kit lacks is left out.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "candidate.h"
#include "card_form.h"
#include "compose.h"
#include "labels.h"
#include "loopfill.h"
#include "packet_forms.h"
#include "plan.h"
#include "rounds_text.h"

/* kitgen's own words (labels.h), in the kit's language. */
#define S_L(key) kg_label(kit->labels, key)

/* A line of the kit as Markdown text, escaped, in a new string. */
static char *S_md_line(const char *text)
{
	kg_buf b = KG_BUF_INIT;

	kg_c_put_line(&b, text);
	return kg_buf_detach(&b, NULL);
}

/* What an item calls itself in the run of show: "Q3", a title; a
 * question links to its place when link is set. */
static void S_item_name(const kg_kit *kit, const kg_item *it, kg_buf *b,
			int link)
{
	char num[24];

	snprintf(num, sizeof(num), "%zu", it->kind == KG_ITEM_QUESTION
		 ? kg_question_number(kit, it->question) : 0);
	if (it->kind == KG_ITEM_QUESTION && !link) {
		kg_label_put(b, kit->labels, "common.question_number", "number",
			     num, NULL);
	} else if (it->kind == KG_ITEM_QUESTION) {
		kg_buf_putc(b, '[');
		kg_label_put(b, kit->labels, "common.question_number", "number",
			     num, NULL);
		kg_buf_printf(b, "](#q-%s)", kg_text(it->question->id));
	}
	else if (it->kind == KG_ITEM_EXERCISE)
		kg_c_put_line(b, kg_text(it->topic->scenario_title));
	else
		kg_c_put_line(b, kg_text(it->scenario->title));
}

/* The loop plan. In the whole packet each round and each question
 * links to its place; the loop plan on its own (cast non-NULL: a part,
 * see edition.h) has no such place to link to, and adds a column of who
 * interviews in each round, filled in from the cast (blank to write in). */
static void S_loop_plan(const kg_kit *kit, const kg_edition *ed,
			const kg_plan *plan, kg_block *root,
			const kg_loop_cast *cast)
{
	kg_block *part = kg_c_section(root, 1, "loop-plan", NULL,
				      S_L("packet.plan"), KG_SECTION_IN_TOC);
	kg_block *fields, *table, *row;
	kg_buf b = KG_BUF_INIT, rounds = KG_BUF_INIT, mins = KG_BUF_INIT;
	char *role = S_md_line(kg_text(ed->profile->title));
	char *level = S_md_line(kg_text(ed->level->title));
	size_t i, j;
	int minutes = 0;

	for (i = 0; i < plan->n; i++)
		minutes += plan->rounds[i].minutes;
	kg_label_putn(&rounds, kit->labels, "packet.rounds", (long)plan->n, NULL);
	kg_label_putn(&mins, kit->labels, "common.minutes", minutes, NULL);
	kg_label_put(&b, kit->labels, "packet.plan_intro", "profile", role,
		     "level", level, "rounds", rounds.ptr, "minutes", mins.ptr,
		     NULL);
	kg_buf_release(&rounds);
	kg_buf_release(&mins);
	free(role);
	free(level);
	kg_add_prose_copy(part, b.ptr);
	fields = kg_block_add(part, kg_block_new(KG_BLOCK_FIELDS));
	kg_add_field(fields, S_L("packet.why_weights"), kg_text(ed->profile->rationale));
	kg_add_field(fields, S_L("packet.level_expects"), kg_text(ed->level->expects));

	table = kg_block_add(part, kg_block_new(KG_BLOCK_TABLE));
	row = kg_add_row(table);
	kg_add_cell(row, S_L("common.round"));
	kg_add_cell(row, S_L("common.area"));
	kg_add_cell(row, S_L("packet.col_material"));
	kg_add_cell(row, S_L("common.time"));
	kg_add_cell(row, S_L("common.weight"));
	if (cast)
		kg_c_line_cell(row, S_L("form.interviewer"));
	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];

		row = kg_add_row(table);
		kg_buf_reset(&b);
		kg_buf_printf(&b, cast ? "%zu" : "[%zu](#round-%zu)", i + 1, i + 1);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_c_put_line(&b, kg_text(r->area->title));
		if (r->must_have)
			kg_buf_printf(&b, "%s%s", S_L("punct.before_note"),
			      S_L("common.must_have"));
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		for (j = 0; j < r->nitems; j++) {
			const kg_item *it = &r->items[j];

			kg_buf_puts(&b, j ? S_L("common.list_sep") : "");
			S_item_name(kit, it, &b, !cast);
		}
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_label_putn(&b, kit->labels, "common.min_title", r->minutes, NULL);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_label_percent(&b, kit->labels, r->weight);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		if (cast) {
			kg_loop_fill f = kg_loop_fill_of(cast, i + 1);

			kg_c_line_cell(row, f.interviewer ? f.interviewer : "");
		}
	}
	kg_buf_release(&b);
}

/* The anchor of a topic's reference in a round's guide. */
static void S_ref_anchor(char *out, size_t size, const char *anchor,
			 const kg_topic *t)
{
	snprintf(out, size, "%s-%s", anchor, kg_text(t->id));
}

/* The run of show: a row per phase, its minutes and what to do; the
 * main phase lists the material with each item's minutes; a last row
 * the total. */
static void S_run_of_show(const kg_kit *kit, const kg_round *r, kg_block *guide,
			  const char *anchor)
{
	kg_block *sec = kg_c_section(guide, 3, anchor, "run-of-show",
				     S_L("packet.run_of_show"), 0);
	kg_block *table = kg_block_add(sec, kg_block_new(KG_BLOCK_TABLE));
	kg_block *row = kg_add_row(table);
	kg_buf b = KG_BUF_INIT;
	size_t i, j;

	kg_add_cell(row, S_L("packet.col_phase"));
	kg_add_cell(row, S_L("packet.col_minutes"));
	kg_add_cell(row, S_L("packet.col_what"));
	for (i = 0; i < r->nphases; i++) {
		const kg_round_phase *ph = &r->phases[i];

		row = kg_add_row(table);
		kg_buf_reset(&b);
		kg_c_put_line(&b, ph->name);
		if (ph->main)
			kg_buf_printf(&b, "%s%s", S_L("punct.before_note"),
			      S_L("packet.main_phase"));
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%d", ph->minutes);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_buf_puts(&b, ph->what);
		for (j = 0; ph->main && j < r->nitems; j++) {
			kg_buf name = KG_BUF_INIT, mins = KG_BUF_INIT;

			kg_buf_puts(&b, j ? S_L("punct.item_sep") : "\n\n");
			S_item_name(kit, &r->items[j], &name, 1);
			kg_label_putn(&mins, kit->labels, "common.min",
				      r->items[j].minutes, NULL);
			kg_label_paren(&b, kit->labels, name.ptr, mins.ptr);
			kg_buf_release(&name);
			kg_buf_release(&mins);
		}
		if (ph->main && r->filled != ph->minutes) {
			int diff = r->filled < ph->minutes
				   ? ph->minutes - r->filled
				   : r->filled - ph->minutes;
			kg_buf mins = KG_BUF_INIT;

			kg_label_putn(&mins, kit->labels, "common.min", diff, NULL);
			kg_buf_puts(&b, "\n\n");
			kg_label_put(&b, kit->labels, r->filled < ph->minutes
				     ? "packet.to_spare" : "packet.over",
				     "minutes", mins.ptr, NULL);
			kg_buf_release(&mins);
		}
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	}
	row = kg_add_row(table);
	kg_buf_reset(&b);
	kg_buf_printf(&b, "**%s**", S_L("packet.total"));
	kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	kg_buf_reset(&b);
	kg_buf_printf(&b, "**%d**", r->minutes);
	kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	kg_add_cell(row, S_L("packet.time_box"));
	kg_buf_release(&b);
}

/* The words an interviewer reads at the start, when the kit has them. */
static void S_opening(const kg_kit *kit, kg_block *guide, const char *anchor)
{
	kg_block *sec, *box;

	if (!kit->opening_script)
		return;
	sec = kg_c_section(guide, 3, anchor, "opening", S_L("packet.opening"), 0);
	box = kg_add_callout(sec, KG_CALLOUT_NOTE, S_L("packet.read_aloud"));
	kg_add_prose(box, kg_text(kit->opening_script));
}

/* A section for one item, titled with its minutes. */
static kg_block *S_item_section(const kg_kit *kit, kg_block *parent,
				const char *prefix, const char *suffix,
				const char *name, int minutes)
{
	kg_buf title = KG_BUF_INIT;
	kg_block *sec;

	kg_buf_printf(&title, "%s \xC2\xB7 ", name);
	kg_label_putn(&title, kit->labels, "common.min_title", minutes, NULL);
	sec = kg_c_section(parent, 4, prefix, suffix, title.ptr, 0);
	kg_buf_release(&title);
	return sec;
}

/* "Rate it on ... at this level": a link to the topic's reference. */
static void S_rate_on(const kg_kit *kit, const kg_topic *t, const kg_level *l,
		      kg_block *sec, const char *anchor)
{
	char ref[128];
	kg_buf b = KG_BUF_INIT;
	char *level = S_md_line(kg_text(l->title));

	S_ref_anchor(ref, sizeof(ref), anchor, t);
	kg_label_put(&b, kit->labels, "packet.rate_it", "level", level, "ref",
		     ref, NULL);
	free(level);
	kg_add_prose_copy(sec, b.ptr);
	kg_buf_release(&b);
}

/* The clarifying questions a strong candidate asks of the topic: once a
 * round, at the topic's first item. */
static void S_clarifications(const kg_kit *kit, const kg_topic *t,
			     kg_block *sec)
{
	if (t->clarifying_questions.n)
		kg_c_list(kg_add_field(kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS)),
				       S_L("packet.clarifications"),
				       NULL),
			  &t->clarifying_questions);
}

static void S_guide_question(const kg_kit *kit, const kg_level *l,
			     const kg_item *it, int first_of_topic,
			     kg_block *parent, const char *anchor)
{
	const kg_question *q = it->question;
	const kg_topic *t = it->topic;
	char num[24];
	kg_buf name = KG_BUF_INIT;
	kg_block *sec, *box;

	snprintf(num, sizeof(num), "%zu", kg_question_number(kit, q));
	kg_label_put(&name, kit->labels, "common.question_number", "number", num,
		     NULL);
	kg_buf_printf(&name, " \xC2\xB7 %s", kg_text(t->title));
	sec = S_item_section(kit, parent, "q", kg_text(q->id), name.ptr,
			     it->minutes);
	kg_buf_release(&name);
	kg_add_field(kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS)),
		     S_L("packet.ask"), kg_text(q->prompt));
	kg_c_code(kit, sec, q);
	if (first_of_topic)
		S_clarifications(kit, t, sec);
	if (q->hints.n) {
		box = kg_add_callout(sec, KG_CALLOUT_NOTE, S_L("packet.hint_ladder"));
		kg_add_prose(box, S_L("packet.hint_ladder_intro"));
		kg_c_hints(box, q);
	}
	box = kg_add_callout(sec, KG_CALLOUT_CUES, S_L("packet.listen_for"));
	kg_c_list(box, &q->recruiter_cues);
	kg_c_samples(kit, sec, q);
	kg_c_list(kg_add_field(kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS)),
			       S_L("common.follow_ups"), NULL), &q->follow_ups);
	S_rate_on(kit, t, l, sec, anchor);
}

static void S_guide_exercise(const kg_kit *kit, const kg_level *l,
			     const kg_item *it,
			     int first_of_topic, kg_block *parent,
			     const char *anchor)
{
	const kg_topic *t = it->topic;
	char id[128];
	kg_block *sec;

	snprintf(id, sizeof(id), "%s-exercise", anchor);
	sec = S_item_section(kit, parent, id, kg_text(t->id),
			     kg_text(t->scenario_title), it->minutes);

	kg_add_field(kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS)),
		     S_L("packet.exercise"), kg_text(t->scenario_prompt));
	if (first_of_topic)
		S_clarifications(kit, t, sec);
	S_rate_on(kit, t, l, sec, anchor);
}

/* A behavioural scenario, self-contained: both ways to ask it, what to
 * look for, its own rubric and red flags. */
static void S_guide_scenario(const kg_kit *kit, const kg_item *it,
			     kg_block *parent)
{
	const kg_scenario *s = it->scenario;
	kg_block *sec = S_item_section(kit, parent, "scenario", kg_text(s->id),
				       kg_text(s->title), it->minutes);
	kg_block *fields = kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS));
	kg_block *box;

	kg_add_field(fields, S_L("packet.ask_hypothetical"), kg_text(s->prompt));
	if (s->past_behaviour)
		kg_add_field(fields, S_L("packet.ask_past"),
			     kg_text(s->past_behaviour));
	kg_add_prose(sec, S_L("packet.ask_one_form"));
	kg_c_signals(kg_c_section(sec, 5, sec->id, "signals",
				  S_L("common.signals_look_for"), 0),
		     s->signals, s->nsignals);
	kg_c_rubric(kit, sec, &s->rubric);
	box = kg_add_callout(sec, KG_CALLOUT_RED_FLAGS, S_L("common.red_flags"));
	kg_c_list(box, &s->red_flags);
}

/* A topic's reference, once per round: what it exposes, its signals,
 * the rubric at the packet's level, the answer key and red flags, the
 * follow-ups that change the problem. */
static void S_topic_reference(const kg_kit *kit, const kg_level *l,
			      const kg_topic *t, kg_block *guide,
			      const char *anchor)
{
	char id[128], *title;
	kg_block *sec;

	S_ref_anchor(id, sizeof(id), anchor, t);
	title = kg_label_dup(kit->labels, "packet.topic_reference", "topic",
			     kg_text(t->title), NULL);
	sec = kg_c_section(guide, 3, id, NULL, title, 0);
	free(title);
	kg_add_prose(sec, kg_text(t->exposes));
	kg_c_signals(kg_c_section(sec, 4, id, "signals",
				  S_L("common.signals_look_for"), 0),
		     t->signals, t->nsignals);
	title = kg_label_dup(kit->labels, "packet.rubric_at", "level",
			     kg_text(l->title), NULL);
	kg_c_rubric(kit, kg_c_section(sec, 4, id, "rubric", title, 0),
		    kg_topic_rubric(t, l));
	free(title);
	kg_c_answer_key(kit, kg_c_section(sec, 4, id, "answer-key",
					  S_L("common.answer_key"), 0), t);
	kg_c_list(kg_c_section(sec, 4, id, "follow-ups",
			       S_L("common.follow_ups_change"), 0),
		  &t->follow_ups);
}

/* The candidate's questions: their phase, as the candidate's guide names
 * it (candidate.h), and lines to note what they asked. */
static void S_candidate_questions(const kg_kit *kit, const kg_round *r,
				  kg_block *guide, const char *anchor)
{
	int i = kg_candidate_questions_phase(kit, r);
	const kg_round_phase *ph = i >= 0 ? &r->phases[i] : NULL;
	kg_block *sec = kg_c_section(guide, 3, anchor, "candidate-questions",
				     S_L("packet.candidate_questions"), 0);
	kg_buf b = KG_BUF_INIT;

	if (ph) {
		char *name = S_md_line(ph->name);
		kg_buf mins = KG_BUF_INIT;

		kg_label_putn(&mins, kit->labels, "common.min", ph->minutes, NULL);
		kg_label_put(&b, kit->labels, "packet.their_phase", "phase", name,
			     "minutes", mins.ptr, NULL);
		kg_label_sentence_sep(&b, kit->labels);
		kg_buf_release(&mins);
		free(name);
	}
	kg_buf_puts(&b, S_L("packet.answer_honestly"));
	kg_add_prose_copy(sec, b.ptr);
	kg_add_notes(sec, S_L("packet.they_asked"), 4);
	kg_buf_release(&b);
}

/* Is the item's topic one an earlier item of the round has? */
static int S_topic_seen(const kg_round *r, size_t i)
{
	size_t j;

	for (j = 0; j < i; j++)
		if (r->items[j].topic == r->items[i].topic)
			return 1;
	return 0;
}

static void S_guide(const kg_kit *kit, const kg_level *l, const kg_round *r,
		    kg_block *round, const char *anchor)
{
	kg_block *guide = kg_c_section(round, 2, anchor, "guide",
				       S_L("packet.guide"), 0);
	kg_block *sec;
	size_t i;

	S_run_of_show(kit, r, guide, anchor);
	S_opening(kit, guide, anchor);
	sec = kg_c_section(guide, 3, anchor, "material", S_L("packet.material"), 0);
	for (i = 0; i < r->nitems; i++) {
		const kg_item *it = &r->items[i];

		if (it->kind == KG_ITEM_QUESTION)
			S_guide_question(kit, l, it, !S_topic_seen(r, i), sec, anchor);
		else if (it->kind == KG_ITEM_EXERCISE)
			S_guide_exercise(kit, l, it, !S_topic_seen(r, i), sec,
					 anchor);
		else
			S_guide_scenario(kit, it, sec);
	}
	for (i = 0; i < r->nitems; i++)
		if (r->items[i].topic && !S_topic_seen(r, i))
			S_topic_reference(kit, l, r->items[i].topic, guide, anchor);
	S_candidate_questions(kit, r, guide, anchor);
	sec = kg_c_section(guide, 3, anchor, "notes", S_L("packet.notes"), 0);
	kg_add_notes(sec, NULL, 12)->flags |= KG_NOTES_FILL;
}

static void S_round(const kg_kit *kit, const kg_edition *ed, const kg_round *r,
		    size_t number, kg_block *root, const kg_loop_fill *fill)
{
	char anchor[32], num[24], weight[24], *title;
	kg_block *round, *fields;
	kg_buf b = KG_BUF_INIT;

	snprintf(anchor, sizeof(anchor), "round-%zu", number);
	snprintf(num, sizeof(num), "%zu", number);
	snprintf(weight, sizeof(weight), "%d", r->weight);
	title = kg_label_dup(kit->labels, "packet.round_title", "number", num,
			     "area", kg_text(r->area->title), NULL);
	round = kg_c_section(root, 1, anchor, NULL, title,
			     KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	free(title);
	fields = kg_block_add(round, kg_block_new(KG_BLOCK_FIELDS));
	kg_label_putn(&b, kit->labels, "common.minutes", r->minutes, NULL);
	kg_add_prose_copy(kg_add_field(fields, S_L("packet.time_box_field"), NULL),
			  b.ptr);
	kg_buf_reset(&b);
	kg_label_put(&b, kit->labels, "packet.weight_of_total", "weight", weight,
		     NULL);
	if (r->must_have)
		kg_buf_printf(&b, "%s%s", S_L("punct.before_note"),
			      S_L("packet.must_have_area"));
	kg_add_prose_copy(kg_add_field(fields, S_L("common.weight"), NULL), b.ptr);
	kg_add_field(fields, S_L("packet.area_tests"), kg_text(r->area->description));
	S_guide(kit, ed->level, r, round, anchor);
	{
		/* kitgen loop's values (loopfill.h) as the card's prefill */
		kg_card_prefill pf = {fill ? fill->candidate : NULL,
				      fill ? fill->interviewer : NULL,
				      fill ? fill->date : NULL};

		kg_packet_scorecard(kit, ed, r, number, round, anchor, &pf);
	}
	kg_buf_release(&b);
}

kg_doc *kg_compose_packet(const kg_kit *kit, const kg_edition *ed,
			  const char *digest)
{
	kg_doc *doc = kg_c_document(kit, ed, digest);
	kg_diags quiet = KG_DIAGS_INIT; /* a checked kit plans cleanly */
	kg_plan plan;
	size_t i;

	kg_plan_loop(kit, ed->profile, ed->level, &plan, &quiet);
	kg_block_add(doc->root, kg_block_new(KG_BLOCK_TOC));
	S_loop_plan(kit, ed, &plan, doc->root, NULL);
	for (i = 0; i < plan.n; i++)
		S_round(kit, ed, &plan.rounds[i], i + 1, doc->root, NULL);
	kg_packet_debrief(kit, ed, &plan, doc->root, NULL);
	/* the scorecards can be filled in on screen; the live results go
	 * on the debrief sheet */
	doc->forms = kg_card_form_json(kit, ed, &plan, digest, "debrief");
	kg_plan_free(&plan);
	kg_diags_free(&quiet);
	return doc;
}

/* ---- a packet's parts (edition.h) ------------------------------------------ */

/* The cover's subtitle of a part: who the loop is for and when (from the
 * cast), then who the document is for. */
static void S_part_subtitle(const kg_kit *kit, kg_doc *doc,
			    const kg_edition *ed, const kg_loop_cast *cast)
{
	kg_loop_fill f = kg_loop_fill_of(cast, ed->round);
	const char *sep = " \xC2\xB7 ";
	kg_buf b = KG_BUF_INIT;

	if (f.candidate)
		kg_label_field(&b, kit->labels, S_L("form.candidate"),
			       f.candidate);
	if (f.date) {
		kg_buf_puts(&b, b.len ? sep : "");
		kg_label_field(&b, kit->labels, S_L("form.date"), f.date);
	}
	if (f.interviewer && ed->kind == KG_EDITION_ROUND) {
		kg_buf_puts(&b, b.len ? sep : "");
		kg_label_field(&b, kit->labels, S_L("form.interviewer"),
			       f.interviewer);
	}
	if (b.len) {
		kg_buf_puts(&b, S_L("punct.full_stop"));
		kg_label_sentence_sep(&b, kit->labels);
	}
	kg_label_put(&b, kit->labels,
		     ed->kind == KG_EDITION_LOOP_PLAN ? "part.loop_plan_subtitle"
		     : ed->kind == KG_EDITION_ROUND   ? "part.round_subtitle"
						      : "part.debrief_subtitle",
		     "profile", doc->meta.profile, "level", doc->meta.level, NULL);
	free(doc->meta.subtitle);
	doc->meta.subtitle = kg_buf_detach(&b, NULL);
}

kg_doc *kg_compose_packet_part(const kg_kit *kit, const kg_edition *ed,
			       const char *digest, const kg_loop_cast *cast)
{
	static const kg_loop_cast blank = {NULL, NULL, NULL, 0};
	kg_doc *doc = kg_c_document(kit, ed, digest);
	kg_diags quiet = KG_DIAGS_INIT; /* a checked kit plans cleanly */
	kg_loop_fill fill = kg_loop_fill_of(cast, ed->round);
	kg_card_prefill prefill = {fill.candidate, NULL, fill.date};
	kg_plan plan;

	S_part_subtitle(kit, doc, ed, cast);
	kg_plan_loop(kit, ed->profile, ed->level, &plan, &quiet);
	if (ed->kind == KG_EDITION_LOOP_PLAN)
		S_loop_plan(kit, ed, &plan, doc->root, cast ? cast : &blank);
	else if (ed->kind == KG_EDITION_ROUND && ed->round <= plan.n) {
		S_round(kit, ed, &plan.rounds[ed->round - 1], ed->round,
			doc->root, &fill);
		/* its scorecard can be filled in and saved on screen too; the
		 * page has no debrief sheet for live results */
		doc->forms = kg_card_form_json(kit, ed, &plan, digest, NULL);
	}
	else if (ed->kind == KG_EDITION_DEBRIEF)
		kg_packet_debrief(kit, ed, &plan, doc->root, &prefill);
	kg_plan_free(&plan);
	kg_diags_free(&quiet);
	return doc;
}
