/*
 * test_packet.c - panel packets of the committed kit: for every (profile,
 * level) packet, each round's questions are at the packet's level, the
 * round weights are the profile's, and each scorecard lists every line
 * of its round's material (plan.h's kg_dim); each packet's parts follow
 * it, a round's holding that round only. Checked on the composed
 * document, which is what every writer is given. Pinned rounds are
 * tested on a fixture variant in test_plan.c.
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
#include "test_tree.h"

static kg_kit *S_kit;

static int S_setup(void **state)
{
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	S_kit = kg_kit_load("content", &d);
	kg_kit_check(S_kit, &d);
	kg_diags_free(&d);
	return d.errors ? -1 : 0;
}

static int S_teardown(void **state)
{
	(void)state;
	kg_kit_free(S_kit);
	return 0;
}

/* Collect the question ids (sections "q-...") under b. */
static void S_questions(const kg_block *b, const char **ids, size_t *n)
{
	size_t i;

	if (b->type == KG_BLOCK_SECTION && strncmp(b->id, "q-", 2) == 0)
		ids[(*n)++] = b->id + 2;
	for (i = 0; i < b->n; i++)
		S_questions(b->children[i], ids, n);
}

static const kg_question *S_question(const char *id)
{
	size_t t, q;

	for (t = 0; t < S_kit->ntopics; t++)
		for (q = 0; q < S_kit->topics[t].nquestions; q++)
			if (strcmp(kg_text(S_kit->topics[t].questions[q].id), id) == 0)
				return &S_kit->topics[t].questions[q];
	return NULL;
}

static void S_check_packet(const kg_edition *ed)
{
	char digest[KG_DIGEST_HEX], anchor[48];
	kg_diags d = KG_DIAGS_INIT;
	kg_plan plan;
	kg_doc *doc;
	size_t r, i;
	int weights = 0;

	kg_kit_digest(S_kit, digest);
	assert_int_equal(kg_plan_loop(S_kit, ed->profile, ed->level, &plan, &d), 0);
	doc = kg_compose(S_kit, ed, digest);
	assert_int_equal(plan.n, S_kit->nareas);
	for (r = 0; r < plan.n; r++) {
		const kg_round *round = &plan.rounds[r];
		const kg_block *sec, *card;
		const char *ids[16];
		size_t n = 0;

		/* the round's weight is the profile's weight for its area */
		assert_int_equal(round->weight,
				 kg_profile_weight(ed->profile, kg_text(round->area->id)));
		weights += round->weight;

		snprintf(anchor, sizeof(anchor), "round-%zu", r + 1);
		sec = kg_test_find_id(doc->root, anchor);
		assert_non_null(sec);
		/* every question in the round is at the packet's level */
		S_questions(sec, ids, &n);
		assert_true(round->nitems >= 1);
		assert_int_equal(n, round->nquestions);
		for (i = 0; i < n; i++) {
			const kg_question *q = S_question(ids[i]);

			assert_non_null(q);
			assert_string_equal(kg_text(q->level), kg_text(ed->level->id));
			assert_ptr_equal(q, round->questions[i]);
		}
		/* the scorecard lists every dimension of the round, then overall */
		snprintf(anchor, sizeof(anchor), "round-%zu-scorecard", r + 1);
		card = kg_test_find_type(kg_test_find_id(doc->root, anchor), KG_BLOCK_SCORECARD);
		assert_non_null(card);
		/* (a round with more lines than a card holds has more cards:
		 * test_forms.c) */
		if (round->ndims + 1 > 6)
			continue;
		assert_int_equal(card->n, 1 + round->ndims + 1);
		for (i = 0; i < round->ndims; i++) {
			char *label = kg_dim_label(S_kit, &round->dims[i]);

			assert_int_equal(card->children[1 + i]->type, KG_BLOCK_DIMENSION);
			assert_string_equal(card->children[1 + i]->title, label);
			free(label);
		}
		/* dimension, bands, not probed, prompted, evidence */
		assert_int_equal(card->children[0]->n, 4 + KG_NBANDS);
	}
	assert_int_equal(weights, 100);
	assert_non_null(kg_test_find_id(doc->root, "debrief"));
	assert_non_null(kg_test_find_id(doc->root, "loop-plan"));
	kg_plan_free(&plan);
	kg_doc_free(doc);
	kg_diags_free(&d);
}

static void test_every_packet(void **state)
{
	kg_editions eds = kg_editions_of(S_kit);
	size_t e, packets = 0;

	(void)state;
	for (e = 0; e < eds.n; e++) {
		if (eds.items[e].kind != KG_EDITION_PACKET)
			continue;
		print_message("%s\n", eds.items[e].id);
		S_check_packet(&eds.items[e]);
		packets++;
	}
	assert_int_equal(packets, S_kit->nprofiles * S_kit->nlevels);
	kg_editions_free(&eds);
}

/* A packet's parts follow it: the loop plan, a round each as its plan
 * has them (its area, its number), the debrief sheet; then the next
 * packet, and the candidate's guides after the last. */
static void test_parts(void **state)
{
	kg_editions eds = kg_editions_of(S_kit);
	size_t e, k, packets = 0, parts = 0;

	(void)state;
	for (e = 0; e < eds.n; e++) {
		const kg_edition *pk = &eds.items[e];
		kg_diags d = KG_DIAGS_INIT;
		kg_plan plan;

		if (pk->kind != KG_EDITION_PACKET)
			continue;
		packets++;
		assert_int_equal(kg_plan_loop(S_kit, pk->profile, pk->level, &plan, &d), 0);
		assert_int_equal(pk[1].kind, KG_EDITION_LOOP_PLAN);
		for (k = 0; k < plan.n; k++) {
			const kg_edition *r = &pk[2 + k];
			char id[256];

			assert_int_equal(r->kind, KG_EDITION_ROUND);
			assert_ptr_equal(r->packet, pk);
			assert_int_equal(r->round, k + 1);
			assert_ptr_equal(r->area, plan.rounds[k].area);
			snprintf(id, sizeof(id), "%s/round-%zu", pk->id, k + 1);
			assert_string_equal(r->id, id);
		}
		assert_int_equal(pk[2 + plan.n].kind, KG_EDITION_DEBRIEF);
		assert_true(pk[3 + plan.n].kind != KG_EDITION_ROUND);
		parts += plan.n + 2;
		kg_plan_free(&plan);
		kg_diags_free(&d);
	}
	/* the public kit, the packets and their parts, a guide a packet */
	assert_int_equal(eds.n, 1 + 2 * packets + parts);
	kg_editions_free(&eds);
}

/* A round's document holds that round's section and scorecard, and no
 * other round's; the loop plan and debrief sheet hold no round. */
static void test_part_documents(void **state)
{
	kg_editions eds = kg_editions_of(S_kit);
	const kg_edition *r2 = kg_editions_find(&eds, "generalist-fresher/round-2");
	const kg_edition *lp = kg_editions_find(&eds, "panels/generalist-fresher/loop-plan");
	kg_doc *doc;

	(void)state;
	assert_non_null(r2);
	assert_int_equal(r2->kind, KG_EDITION_ROUND);
	doc = kg_compose(S_kit, r2, "0");
	assert_non_null(kg_test_find_id(doc->root, "round-2"));
	assert_non_null(kg_test_find_id(doc->root, "round-2-scorecard"));
	assert_null(kg_test_find_id(doc->root, "round-1"));
	assert_null(kg_test_find_id(doc->root, "round-3"));
	assert_null(kg_test_find_id(doc->root, "loop-plan"));
	assert_null(kg_test_find_id(doc->root, "debrief"));
	kg_doc_free(doc);
	assert_non_null(lp);
	doc = kg_compose(S_kit, lp, "0");
	assert_non_null(kg_test_find_id(doc->root, "loop-plan"));
	assert_null(kg_test_find_id(doc->root, "round-1"));
	assert_null(kg_test_find_id(doc->root, "debrief"));
	kg_doc_free(doc);
	assert_null(kg_editions_find(&eds, "round-2")); /* which packet's? */
	kg_editions_free(&eds);
}

static void test_editions_find(void **state)
{
	kg_editions eds = kg_editions_of(S_kit);

	(void)state;
	assert_non_null(kg_editions_find(&eds, "panels/platform-engineer-expert"));
	assert_ptr_equal(kg_editions_find(&eds, "platform-engineer-expert"),
			 kg_editions_find(&eds, "panels/platform-engineer-expert"));
	assert_non_null(kg_editions_find(&eds, "backend-interview-kit"));
	assert_null(kg_editions_find(&eds, "nope"));
	kg_editions_free(&eds);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_every_packet),
		cmocka_unit_test(test_editions_find),
		cmocka_unit_test(test_parts),
		cmocka_unit_test(test_part_documents),
	};
	return cmocka_run_group_tests_name("packet", tests, S_setup, S_teardown);
}
