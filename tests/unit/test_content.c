/*
 * test_content.c - the committed kit (content/) keeps the minimums the
 * public kit promises: ten topics with four questions each, at least 12
 * questions per level, answers of 60-150 words, the per-topic lists, six
 * scenarios covering every kind, three profiles, comparison rows that fit
 * their topic, and weak-answer explanations that do not all open alike;
 * and what a panel runs a round with: every question's minutes, hint
 * ladder and acceptable sample, level anchors in every rubric, a code
 * exercise at every level, two scenarios or more at every level with
 * their past-behaviour form. Fails if any drops.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <ctype.h>
#include <stdio.h>
#include <string.h>

#include "kit.h"

static kg_kit *S_kit;

static int S_setup(void **state)
{
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	S_kit = kg_kit_load("content", &d);
	kg_kit_check(S_kit, &d);
	if (d.errors) {
		kg_diags_print(&d, stderr, 0);
		kg_diags_free(&d);
		return -1;
	}
	kg_diags_free(&d);
	return 0;
}

static int S_teardown(void **state)
{
	(void)state;
	kg_kit_free(S_kit);
	return 0;
}

static size_t S_words(const char *s)
{
	size_t n = 0;
	int in = 0;

	for (; *s; s++) {
		int space = *s == ' ' || *s == '\n' || *s == '\t';

		if (!space && !in)
			n++;
		in = !space;
	}
	return n;
}

static void test_ten_topics_in_seed_order(void **state)
{
	static const char *const ids[] = {
		"url-shortener", "rate-limiter", "job-queue", "caching",
		"database-indexing", "distributed-transactions", "search-engine",
		"rest-api-design", "concurrency-control", "microservices"};
	size_t i;

	(void)state;
	assert_int_equal(S_kit->ntopics, 10);
	for (i = 0; i < 10; i++)
		assert_string_equal(kg_text(S_kit->topics[i].id), ids[i]);
}

static void test_forty_questions_by_level(void **state)
{
	size_t per_level[8] = {0}, total = 0, t, q, l;

	(void)state;
	assert_int_equal(S_kit->nlevels, 3);
	for (t = 0; t < S_kit->ntopics; t++) {
		assert_int_equal(S_kit->topics[t].nquestions, 4);
		for (q = 0; q < S_kit->topics[t].nquestions; q++)
			for (l = 0; l < S_kit->nlevels; l++)
				if (strcmp(kg_text(S_kit->topics[t].questions[q].level),
					   kg_text(S_kit->levels[l].id)) == 0) {
					per_level[l]++;
					total++;
				}
	}
	assert_int_equal(total, 40);
	for (l = 0; l < S_kit->nlevels; l++) {
		print_message("level %s: %zu questions\n",
			      kg_text(S_kit->levels[l].id), per_level[l]);
		assert_true(per_level[l] >= 12);
	}
}

static void test_topic_minimums(void **state)
{
	size_t t;

	(void)state;
	for (t = 0; t < S_kit->ntopics; t++) {
		const kg_topic *k = &S_kit->topics[t];

		print_message("%s\n", kg_text(k->id));
		assert_true(k->clarifying_questions.n >= 4);
		assert_true(k->nsignals >= 5);
		assert_true(k->red_flags.n >= 4);
		assert_true(k->follow_ups.n >= 3);
		assert_true(S_words(kg_text(k->exposes)) >= 30);
		assert_true(S_words(kg_text(k->key_contains)) >= 30);
		assert_true(S_words(kg_text(k->key_tradeoffs)) >= 15);
		assert_true(S_words(kg_text(k->key_push_on)) >= 15);
		assert_true(S_words(kg_text(k->scenario_prompt)) >= 20);
	}
}

static void test_answers_are_60_to_150_words(void **state)
{
	size_t t, q, n;

	(void)state;
	for (t = 0; t < S_kit->ntopics; t++)
		for (q = 0; q < S_kit->topics[t].nquestions; q++) {
			const kg_question *x = &S_kit->topics[t].questions[q];

			n = S_words(kg_text(x->strong_answer));
			if (n < 60 || n > 150)
				fail_msg("%s: strong answer has %zu words",
					 kg_text(x->id), n);
			n = S_words(kg_text(x->weak_answer));
			if (n < 60 || n > 150)
				fail_msg("%s: weak answer has %zu words",
					 kg_text(x->id), n);
			assert_true(x->follow_ups.n >= 2);
			assert_true(x->recruiter_cues.n >= 2);
			assert_true(S_words(kg_text(x->weak_because)) >= 8);
		}
}

static void test_scenarios_cover_every_kind(void **state)
{
	size_t k, s, n;

	(void)state;
	assert_true(S_kit->nscenarios >= 6);
	assert_true(S_kit->nkinds >= 3);
	for (k = 0; k < S_kit->nkinds; k++) {
		for (n = 0, s = 0; s < S_kit->nscenarios; s++)
			n += strcmp(kg_text(S_kit->scenarios[s].kind),
				    kg_text(S_kit->kinds[k].id)) == 0;
		print_message("%s: %zu scenarios\n", kg_text(S_kit->kinds[k].id), n);
		assert_true(n >= 2);
	}
	for (s = 0; s < S_kit->nscenarios; s++) {
		assert_true(S_kit->scenarios[s].nsignals >= 4);
		assert_true(S_kit->scenarios[s].red_flags.n >= 3);
	}
}

static void test_kit_yaml(void **state)
{
	static const char *const profiles[] = {"generalist", "platform-engineer",
						"api-product-engineer"};
	size_t i;

	(void)state;
	assert_string_equal(kg_text(S_kit->version), "1.0.0");
	/* four technical areas and the behavioural round's */
	assert_int_equal(S_kit->nareas, 5);
	assert_non_null(S_kit->behavioural_area);
	assert_non_null(kg_kit_area(S_kit, kg_text(S_kit->behavioural_area)));
	assert_true(S_kit->nphases >= 3);
	assert_true(S_words(kg_text(S_kit->opening_script)) >= 40);
	assert_true(S_kit->nprofiles >= 3);
	for (i = 0; i < 3; i++)
		assert_non_null(kg_kit_profile(S_kit, profiles[i]));
	assert_true(S_kit->guidance.good_notes.n >= 3);
	assert_true(S_kit->guidance.bad_notes.n >= 3);
	assert_true(S_kit->guidance.borderline.n >= 3);
	for (i = 0; i < S_kit->nlevels; i++)
		assert_true(S_words(kg_text(S_kit->levels[i].expects)) >= 25);
}

/* A topic's comparison row says which levels it suits and how long it
 * takes: it can only suit a level it has questions for, and a good
 * discussion has to fit in one round of the loop. */
static void test_comparison_fits_the_topic(void **state)
{
	long round = kg_int(S_kit->round_minutes, 45);
	size_t t, l, q;

	(void)state;
	for (t = 0; t < S_kit->ntopics; t++) {
		const kg_topic *k = &S_kit->topics[t];

		if (kg_int(k->cmp_minutes, 0) > round)
			fail_msg("%s: a discussion of %ld minutes does not fit a "
				 "%ld-minute round", kg_text(k->id),
				 kg_int(k->cmp_minutes, 0), round);
		for (l = 0; l < k->cmp_levels.n; l++) {
			const char *lv = kg_text(k->cmp_levels.items[l]);
			int asked = 0;

			for (q = 0; q < k->nquestions; q++)
				asked |= strcmp(kg_text(k->questions[q].level), lv) == 0;
			if (!asked)
				fail_msg("%s: suits level %s but has no question at it",
					 kg_text(k->id), lv);
		}
	}
}

/* The first three words of a text, lowercased and single-spaced, in buf. */
static void S_opening(const char *s, char *buf, size_t size)
{
	size_t n = 0, words = 0;
	int after_space = 1;

	for (; *s && n + 1 < size; s++) {
		int space = *s == ' ' || *s == '\n' || *s == '\t';

		if (space && !after_space && ++words == 3)
			break;
		if (!(space && after_space))
			buf[n++] = space ? ' ' : (char)tolower((unsigned char)*s);
		after_space = space;
	}
	buf[n] = '\0';
}

/* A reader of the whole kit should not meet the same explanation forty
 * times: no three-word opening starts more than three weak-answer
 * explanations. */
static void test_weak_because_openings_vary(void **state)
{
	char open[40][64];
	size_t n = 0, t, q, i, j, same;

	(void)state;
	for (t = 0; t < S_kit->ntopics; t++)
		for (q = 0; q < S_kit->topics[t].nquestions && n < 40; q++)
			S_opening(kg_text(S_kit->topics[t].questions[q].weak_because),
				  open[n++], sizeof(open[0]));
	for (i = 0; i < n; i++) {
		for (same = 0, j = 0; j < n; j++)
			same += strcmp(open[i], open[j]) == 0;
		if (same > 3)
			fail_msg("%zu weak-answer explanations open with \"%s\"",
				 same, open[i]);
	}
}

/* Every question carries what an interviewer runs it with. */
static void test_questions_are_ready_for_a_round(void **state)
{
	size_t t, q, n;

	(void)state;
	for (t = 0; t < S_kit->ntopics; t++)
		for (q = 0; q < S_kit->topics[t].nquestions; q++) {
			const kg_question *x = &S_kit->topics[t].questions[q];
			const char *id = kg_text(x->id);

			if (!x->minutes)
				fail_msg("%s: no minutes", id);
			if (x->hints.n < 2 || x->hints.n > 4)
				fail_msg("%s: %zu hints, not 2 to 4", id, x->hints.n);
			n = S_words(kg_text(x->acceptable_answer));
			if (n < 60 || n > 150)
				fail_msg("%s: acceptable answer has %zu words", id, n);
			if (S_words(kg_text(x->acceptable_because)) < 8)
				fail_msg("%s: acceptable_because too short", id);
		}
}

/* Every rubric anchors every level: a fresher is not scored on what an
 * expert is expected to show. */
static void test_rubrics_anchor_every_level(void **state)
{
	size_t t, l, k, b;

	(void)state;
	for (t = 0; t < S_kit->ntopics; t++) {
		const kg_topic *tp = &S_kit->topics[t];

		for (l = 0; l < S_kit->nlevels; l++) {
			const kg_level_rubric *lr = NULL;

			for (k = 0; k < tp->nby_level; k++)
				if (strcmp(kg_text(tp->by_level[k].level),
					   kg_text(S_kit->levels[l].id)) == 0)
					lr = &tp->by_level[k];
			if (!lr)
				fail_msg("%s: no by_level anchors for %s",
					 kg_text(tp->id), kg_text(S_kit->levels[l].id));
			for (b = 0; b < KG_NBANDS; b++)
				if (S_words(kg_text(lr->rubric.band[b])) < 10)
					fail_msg("%s: %s's %s anchor is too short",
						 kg_text(tp->id),
						 kg_text(S_kit->levels[l].id),
						 kg_band_keys[b]);
		}
	}
}

static size_t S_lines(const char *s)
{
	size_t n = 0;

	for (; *s; s++)
		n += *s == '\n';
	return n;
}

/* Coding and debugging is scored on code: a short listing at every
 * level, three or more in all. */
static void test_code_exercise_at_every_level(void **state)
{
	size_t l, t, q, all = 0;

	(void)state;
	for (l = 0; l < S_kit->nlevels; l++) {
		size_t n = 0;

		for (t = 0; t < S_kit->ntopics; t++)
			for (q = 0; q < S_kit->topics[t].nquestions; q++) {
				const kg_question *x = &S_kit->topics[t].questions[q];
				size_t lines;

				if (!x->code_listing ||
				    strcmp(kg_text(x->level), kg_text(S_kit->levels[l].id)))
					continue;
				lines = S_lines(kg_text(x->code_listing));
				if (lines < 15 || lines > 40)
					fail_msg("%s: a listing of %zu lines, not 15 to 40",
						 kg_text(x->id), lines);
				assert_non_null(x->task);
				n++;
			}
		if (n == 0)
			fail_msg("no code exercise at level %s",
				 kg_text(S_kit->levels[l].id));
		all += n;
	}
	assert_true(all >= 3);
}

/* The behavioural round has material at every level, and every scenario
 * can be asked about the past as well as hypothetically. */
static void test_scenarios_at_every_level(void **state)
{
	size_t l, s;

	(void)state;
	for (s = 0; s < S_kit->nscenarios; s++) {
		if (!S_kit->scenarios[s].levels.n)
			fail_msg("%s: no levels", kg_text(S_kit->scenarios[s].id));
		if (S_words(kg_text(S_kit->scenarios[s].past_behaviour)) < 15)
			fail_msg("%s: no past-behaviour form",
				 kg_text(S_kit->scenarios[s].id));
	}
	for (l = 0; l < S_kit->nlevels; l++) {
		size_t n = 0, i;

		for (s = 0; s < S_kit->nscenarios; s++)
			for (i = 0; i < S_kit->scenarios[s].levels.n; i++)
				n += strcmp(kg_text(S_kit->scenarios[s].levels.items[i]),
					    kg_text(S_kit->levels[l].id)) == 0;
		if (n < 2)
			fail_msg("level %s has %zu scenarios, not 2 or more",
				 kg_text(S_kit->levels[l].id), n);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_ten_topics_in_seed_order),
		cmocka_unit_test(test_forty_questions_by_level),
		cmocka_unit_test(test_topic_minimums),
		cmocka_unit_test(test_answers_are_60_to_150_words),
		cmocka_unit_test(test_scenarios_cover_every_kind),
		cmocka_unit_test(test_kit_yaml),
		cmocka_unit_test(test_comparison_fits_the_topic),
		cmocka_unit_test(test_weak_because_openings_vary),
		cmocka_unit_test(test_questions_are_ready_for_a_round),
		cmocka_unit_test(test_rubrics_anchor_every_level),
		cmocka_unit_test(test_code_exercise_at_every_level),
		cmocka_unit_test(test_scenarios_at_every_level),
	};
	return cmocka_run_group_tests_name("content", tests, S_setup, S_teardown);
}
