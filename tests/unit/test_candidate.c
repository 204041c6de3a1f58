/*
 * test_candidate.c - the candidate's guides of the committed kit, checked
 * on the composed document every writer is given: one guide per profile
 * and level; its rounds are the loop plan's, each with its area and its
 * minutes; it holds its level's expectations (and no other level's) and
 * the rating scale's three bands with their definitions; and no block of
 * it holds the text of a question, an answer, a hint, a follow-up, a
 * recruiter cue, a red flag, a signal, a rubric band of a topic or a
 * scenario, or a scenario's prompt.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compose.h"
#include "digest.h"
#include "edition.h"
#include "kit.h"
#include "plan.h"
#include "test_kit.h"

static kg_kit *S_kit;

static int S_setup(void **state)
{
	(void)state;
	S_kit = kg_test_load_kit("content");
	return 0;
}

static int S_teardown(void **state)
{
	(void)state;
	kg_kit_free(S_kit);
	return 0;
}

static const kg_block *S_find_id(const kg_block *b, const char *id)
{
	const kg_block *hit;
	size_t i;

	if (b->type == KG_BLOCK_SECTION && strcmp(b->id, id) == 0)
		return b;
	for (i = 0; i < b->n; i++)
		if ((hit = S_find_id(b->children[i], id)))
			return hit;
	return NULL;
}

static const kg_block *S_find_type(const kg_block *b, kg_block_type t)
{
	const kg_block *hit;
	size_t i;

	if (b->type == t)
		return b;
	for (i = 0; i < b->n; i++)
		if ((hit = S_find_type(b->children[i], t)))
			return hit;
	return NULL;
}

/* Does any PROSE block under b hold text (as a part of its source)? */
static int S_holds(const kg_block *b, const char *text)
{
	size_t i;

	if (!text || !*text)
		return 0;
	if (b->type == KG_BLOCK_PROSE && strstr(b->text, text))
		return 1;
	for (i = 0; i < b->n; i++)
		if (S_holds(b->children[i], text))
			return 1;
	return 0;
}

static void S_none_of(const kg_block *root, const kg_list *l)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		assert_false(S_holds(root, kg_text(l->items[i])));
}

static void S_no_rubric(const kg_block *root, const kg_rubric *r)
{
	int b;

	for (b = 0; b < KG_NBANDS; b++)
		assert_false(S_holds(root, kg_text(r->band[b])));
}

static void S_no_signals(const kg_block *root, const kg_signal *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		assert_false(S_holds(root, kg_text(s[i].detail)));
}

/* Nothing of the kit's material: what only the panel may read. */
static void S_no_material(const kg_block *root)
{
	size_t t, q, s;

	for (t = 0; t < S_kit->ntopics; t++) {
		const kg_topic *tp = &S_kit->topics[t];

		assert_false(S_holds(root, kg_text(tp->exposes)));
		assert_false(S_holds(root, kg_text(tp->key_contains)));
		assert_false(S_holds(root, kg_text(tp->key_tradeoffs)));
		assert_false(S_holds(root, kg_text(tp->key_push_on)));
		assert_false(S_holds(root, kg_text(tp->scenario_prompt)));
		S_none_of(root, &tp->red_flags);
		S_none_of(root, &tp->follow_ups);
		S_none_of(root, &tp->clarifying_questions);
		S_no_signals(root, tp->signals, tp->nsignals);
		S_no_rubric(root, &tp->rubric);
		for (q = 0; q < tp->nquestions; q++) {
			const kg_question *qu = &tp->questions[q];

			assert_false(S_holds(root, kg_text(qu->prompt)));
			assert_false(S_holds(root, kg_text(qu->strong_answer)));
			assert_false(S_holds(root, kg_text(qu->acceptable_answer)));
			assert_false(S_holds(root, kg_text(qu->weak_answer)));
			assert_false(S_holds(root, kg_text(qu->weak_because)));
			assert_false(S_holds(root, kg_text(qu->task)));
			S_none_of(root, &qu->hints);
			S_none_of(root, &qu->follow_ups);
			S_none_of(root, &qu->recruiter_cues);
		}
	}
	for (s = 0; s < S_kit->nscenarios; s++) {
		const kg_scenario *sc = &S_kit->scenarios[s];

		assert_false(S_holds(root, kg_text(sc->prompt)));
		assert_false(S_holds(root, kg_text(sc->past_behaviour)));
		S_none_of(root, &sc->red_flags);
		S_no_signals(root, sc->signals, sc->nsignals);
		S_no_rubric(root, &sc->rubric);
	}
}

/* The rounds: a table row and a section per round of the plan, with its
 * area and minutes. */
static void S_check_rounds(const kg_doc *doc, const kg_plan *plan)
{
	const kg_block *table = S_find_type(S_find_id(doc->root, "your-interviews"),
					    KG_BLOCK_TABLE);
	char anchor[32], minutes[32];
	size_t r;

	assert_non_null(table);
	assert_int_equal(table->n, 1 + plan->n);
	for (r = 0; r < plan->n; r++) {
		const kg_round *round = &plan->rounds[r];
		const kg_block *row = table->children[1 + r], *sec;

		snprintf(anchor, sizeof(anchor), "your-round-%zu", r + 1);
		sec = S_find_id(doc->root, anchor);
		assert_non_null(sec);
		assert_non_null(strstr(sec->title, kg_text(round->area->title)));
		assert_true(S_holds(sec, kg_text(round->area->description)));
		snprintf(minutes, sizeof(minutes), "%d minutes", round->minutes);
		assert_true(S_holds(row, minutes));
		assert_true(S_holds(sec, minutes));
	}
	/* the phases, each with its minutes */
	assert_non_null(S_find_id(doc->root, "how-a-round-runs"));
	for (r = 0; r < plan->rounds[0].nphases; r++)
		assert_true(S_holds(doc->root, plan->rounds[0].phases[r].name));
}

static void S_check_guide(const kg_edition *ed)
{
	char digest[KG_DIGEST_HEX];
	kg_diags d = KG_DIAGS_INIT;
	const kg_block *rubric, *level;
	kg_plan plan;
	kg_doc *doc;
	size_t l;
	int b;

	kg_kit_digest(S_kit, digest);
	assert_int_equal(kg_plan_loop(S_kit, ed->profile, ed->level, &plan, &d), 0);
	doc = kg_compose(S_kit, ed, digest);
	assert_string_equal(doc->meta.edition_id, ed->id);
	S_check_rounds(doc, &plan);
	/* the level's expectations, and no other level's */
	level = S_find_id(doc->root, "level");
	assert_non_null(level);
	for (l = 0; l < S_kit->nlevels; l++)
		assert_int_equal(S_holds(doc->root, kg_text(S_kit->levels[l].expects)),
				 &S_kit->levels[l] == ed->level);
	/* the rating scale: three bands, labelled, with their definitions */
	rubric = S_find_type(S_find_id(doc->root, "rating-scale"), KG_BLOCK_RUBRIC);
	assert_non_null(rubric);
	assert_int_equal(rubric->n, KG_NBANDS);
	for (b = 0; b < KG_NBANDS; b++) {
		assert_non_null(strstr(rubric->children[b]->title,
				       kg_text(S_kit->bands[b].label)));
		assert_true(S_holds(rubric->children[b],
				    kg_text(S_kit->bands[b].definition)));
	}
	assert_non_null(S_find_id(doc->root, "decision"));
	/* the kit's own words to candidates, each a part */
	assert_true(S_holds(S_find_id(doc->root, "preparing"),
			    kg_text(S_kit->candidate_guide.preparing)));
	assert_true(S_holds(S_find_id(doc->root, "adjustments"),
			    kg_text(S_kit->candidate_guide.adjustments)));
	/* nothing the panel alone may read, not even the profile's rationale */
	S_no_material(doc->root);
	assert_false(S_holds(doc->root, kg_text(ed->profile->rationale)));
	kg_plan_free(&plan);
	kg_doc_free(doc);
	kg_diags_free(&d);
}

static void test_every_guide(void **state)
{
	kg_editions eds = kg_editions_of(S_kit);
	size_t e, guides = 0;

	(void)state;
	assert_non_null(S_kit->candidate_guide.node);
	for (e = 0; e < eds.n; e++) {
		if (eds.items[e].kind != KG_EDITION_CANDIDATE)
			continue;
		assert_int_equal(strncmp(eds.items[e].id, "candidates/", 11), 0);
		print_message("%s\n", eds.items[e].id);
		S_check_guide(&eds.items[e]);
		guides++;
	}
	assert_int_equal(guides, S_kit->nprofiles * S_kit->nlevels);
	kg_editions_free(&eds);
}

static void test_find_guide(void **state)
{
	kg_editions eds = kg_editions_of(S_kit);
	const kg_edition *g = kg_editions_find(&eds, "candidates/generalist-expert");

	(void)state;
	assert_non_null(g);
	assert_int_equal(g->kind, KG_EDITION_CANDIDATE);
	assert_non_null(strstr(g->audience, "safe to send"));
	/* the short id is the packet's, as before guides existed */
	assert_int_equal(kg_editions_find(&eds, "generalist-expert")->kind,
			 KG_EDITION_PACKET);
	kg_editions_free(&eds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_guide),
		cmocka_unit_test(test_find_guide),
	};
	return cmocka_run_group_tests_name("candidate", tests, S_setup, S_teardown);
}
