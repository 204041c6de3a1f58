/*
 * packet.c - what a panel packet contains: the loop plan for one profile
 * and level, an interviewer guide and a scorecard per round, and a debrief
 * sheet. Everything comes from the kit; nothing here is per profile or
 * per level, so a new profile or level in kit.yaml is a new packet.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "compose.h"
#include "packet_forms.h"
#include "plan.h"

static void S_loop_plan(const kg_kit *kit, const kg_edition *ed,
			const kg_plan *plan, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "loop-plan", NULL, "The loop plan",
				      KG_SECTION_IN_TOC);
	kg_block *fields, *table, *row;
	kg_buf b = KG_BUF_INIT;
	size_t i, j;
	int minutes = 0;

	for (i = 0; i < plan->n; i++)
		minutes += plan->rounds[i].minutes;
	kg_buf_puts(&b, "A loop for the role of **");
	kg_c_put_line(&b, kg_text(ed->profile->title));
	kg_buf_puts(&b, "** at the **");
	kg_c_put_line(&b, kg_text(ed->level->title));
	kg_buf_printf(&b, "** level: %zu rounds, %d minutes of interviews. Each "
		      "round tests one capability area; every interviewer fills "
		      "in the round's scorecard before the debrief.",
		      plan->n, minutes);
	kg_add_prose_copy(part, b.ptr);
	fields = kg_block_add(part, kg_block_new(KG_BLOCK_FIELDS));
	kg_add_field(fields, "Why these weights", kg_text(ed->profile->rationale));
	kg_add_field(fields, "What this level expects", kg_text(ed->level->expects));

	table = kg_block_add(part, kg_block_new(KG_BLOCK_TABLE));
	row = kg_add_row(table);
	kg_add_cell(row, "Round");
	kg_add_cell(row, "Capability area");
	kg_add_cell(row, "Material");
	kg_add_cell(row, "Time");
	kg_add_cell(row, "Weight");
	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];

		row = kg_add_row(table);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "[%zu](#round-%zu)", i + 1, i + 1);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_c_put_line(&b, kg_text(r->area->title));
		kg_buf_puts(&b, r->must_have ? " (must-have)" : "");
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		for (j = 0; j < r->nitems; j++) {
			const kg_item *it = &r->items[j];

			kg_buf_puts(&b, j ? ", " : "");
			if (it->kind == KG_ITEM_QUESTION)
				kg_buf_printf(&b, "[Q%zu](#q-%s)",
					      kg_question_number(kit, it->question),
					      kg_text(it->question->id));
			else if (it->kind == KG_ITEM_EXERCISE)
				kg_c_put_line(&b, kg_text(it->topic->scenario_title));
			else
				kg_c_put_line(&b, kg_text(it->scenario->title));
		}
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%d min", r->minutes);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%d%%", r->weight);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	}
	kg_buf_release(&b);
}

/* A topic's reference for the interviewer: what it tests and how its
 * answers are rated. */
static void S_topic_reference(const kg_kit *kit, const kg_topic *t,
			      kg_block *guide, const char *anchor)
{
	char id[96];
	kg_block *sec;

	snprintf(id, sizeof(id), "%s-%s", anchor, kg_text(t->id));
	sec = kg_c_section(guide, 3, id, NULL, kg_text(t->title), 0);
	kg_add_prose(sec, kg_text(t->exposes));
	kg_c_list(kg_c_section(sec, 4, id, "clarifying",
			       "Clarifying questions to expect", 0),
		  &t->clarifying_questions);
	kg_c_signals(kg_c_section(sec, 4, id, "signals", "Signals to look for", 0),
		     t->signals, t->nsignals);
	kg_c_rubric(kit, kg_c_section(sec, 4, id, "rubric", "Rubric", 0),
		    &t->rubric);
	kg_c_answer_key(kg_c_section(sec, 4, id, "answer-key", "Answer key", 0), t);
	kg_c_list(kg_c_section(sec, 4, id, "follow-ups",
			       "Follow-ups that change the problem", 0),
		  &t->follow_ups);
}

static void S_guide(const kg_kit *kit, const kg_round *r, kg_block *round,
		    const char *anchor)
{
	kg_block *guide = kg_c_section(round, 2, anchor, "guide",
				       "Interviewer guide", 0);
	kg_block *sec, *box;
	size_t i, j;

	sec = kg_c_section(guide, 3, anchor, "material", "The material", 0);
	for (i = 0; i < r->nitems; i++) {
		const kg_item *it = &r->items[i];

		if (it->kind == KG_ITEM_QUESTION) {
			kg_c_question(kit, sec, 4, it->question,
				      kg_question_number(kit, it->question));
		} else if (it->kind == KG_ITEM_EXERCISE) {
			box = kg_c_section(sec, 4, anchor, kg_text(it->topic->id),
					   kg_text(it->topic->scenario_title), 0);
			kg_add_prose(box, kg_text(it->topic->scenario_prompt));
		} else {
			const kg_scenario *s = it->scenario;

			box = kg_c_section(sec, 4, "scenario", kg_text(s->id),
					   kg_text(s->title), 0);
			kg_add_prose(box, kg_text(s->prompt));
			if (s->past_behaviour)
				kg_add_field(kg_block_add(box, kg_block_new(KG_BLOCK_FIELDS)),
					     "Asked about the past",
					     kg_text(s->past_behaviour));
			kg_c_signals(box, s->signals, s->nsignals);
			kg_c_rubric(kit, box, &s->rubric);
			box = kg_add_callout(box, KG_CALLOUT_RED_FLAGS, "Red flags");
			kg_c_list(box, &s->red_flags);
		}
	}
	for (i = 0; i < r->nitems; i++) {
		const kg_topic *t = r->items[i].topic;

		for (j = 0; j < i && t; j++)
			if (r->items[j].topic == t)
				t = NULL;
		if (t)
			S_topic_reference(kit, t, guide, anchor);
	}
	sec = kg_c_section(guide, 3, anchor, "notes", "Notes", 0);
	kg_add_notes(sec, NULL, 16);
}

static void S_round(const kg_kit *kit, const kg_edition *ed, const kg_round *r,
		    size_t number, kg_block *root)
{
	char anchor[32], title[256];
	kg_block *round, *fields;
	kg_buf b = KG_BUF_INIT;

	snprintf(anchor, sizeof(anchor), "round-%zu", number);
	snprintf(title, sizeof(title), "Round %zu: %s", number,
		 kg_text(r->area->title));
	round = kg_c_section(root, 1, anchor, NULL, title,
			     KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	fields = kg_block_add(round, kg_block_new(KG_BLOCK_FIELDS));
	kg_buf_printf(&b, "%d minutes", r->minutes);
	kg_add_prose_copy(kg_add_field(fields, "Time box", NULL), b.ptr);
	kg_buf_reset(&b);
	kg_buf_printf(&b, "%d%% of the weighted total%s", r->weight,
		      r->must_have ? " (must-have area)" : "");
	kg_add_prose_copy(kg_add_field(fields, "Weight", NULL), b.ptr);
	kg_add_field(fields, "What this area tests", kg_text(r->area->description));
	S_guide(kit, r, round, anchor);
	kg_packet_scorecard(kit, ed, r, round, anchor);
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
	S_loop_plan(kit, ed, &plan, doc->root);
	for (i = 0; i < plan.n; i++)
		S_round(kit, ed, &plan.rounds[i], i + 1, doc->root);
	kg_packet_debrief(kit, ed, &plan, doc->root);
	kg_plan_free(&plan);
	kg_diags_free(&quiet);
	return doc;
}
