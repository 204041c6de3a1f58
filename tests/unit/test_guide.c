/*
 * test_guide.c - the interviewer guide of every round of every panel
 * packet, checked on the composed document (what every writer is given):
 * the run of show sums to the round's time box, the opening script is
 * there, each question holds its prompt, code listing, hint ladder and
 * samples with their reasons in order, the topic's reference rates at
 * the packet's level (by_level), a behavioural scenario has its
 * past-behaviour form, the candidate's questions and the notes have room;
 * and every question's number is the public kit's. Run on the fixture
 * kit, on a copy of it with a behavioural round, and on content/.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "candidate.h"
#include "compose.h"
#include "digest.h"
#include "doc_iter.h"
#include "edition.h"
#include "kit.h"
#include "plan.h"
#include "test_tree.h"
#include "test_kit.h"

/* ---- finding things in a document ----------------------------------------- */

/* The texts under b in document order: each PROSE's source and each
 * CODE's listing, as the pointers the blocks hold (the kit's own text
 * is borrowed, so a pointer names the field it came from). */
typedef struct S_texts {
	const char **p;
	size_t n, cap;
} S_texts;

static void S_collect(const kg_block *b, S_texts *t)
{
	size_t i;

	if (b->type == KG_BLOCK_PROSE || b->type == KG_BLOCK_CODE) {
		if (t->n == t->cap) {
			t->cap = t->cap ? 2 * t->cap : 64;
			t->p = realloc(t->p, t->cap * sizeof(*t->p));
		}
		t->p[t->n++] = b->text;
	}
	for (i = 0; i < b->n; i++)
		S_collect(b->children[i], t);
}

/* Do the texts hold want[0..n) in this order (others may come between)? */
static int S_in_order(const S_texts *t, const char *const *want, size_t n)
{
	size_t i = 0, k;

	for (k = 0; k < t->n && i < n; k++)
		if (t->p[k] == want[i])
			i++;
	if (i < n)
		print_error("missing, or out of order: \"%.60s\"\n", want[i]);
	return i == n;
}

static int S_holds(const kg_block *b, const char *text)
{
	S_texts t = {NULL, 0, 0};
	int ok;

	S_collect(b, &t);
	ok = S_in_order(&t, &text, 1);
	free(t.p);
	return ok;
}

/* The plain number in a cell's first PROSE ("15", "**25**"). */
static long S_cell_number(const kg_block *cell)
{
	const char *s;

	assert_true(cell->n >= 1);
	s = cell->children[0]->text;
	while (*s == '*')
		s++;
	return strtol(s, NULL, 10);
}

/* ---- the checks ------------------------------------------------------------ */

static void S_check_run_of_show(const kg_block *doc, const kg_round *r,
				const char *anchor)
{
	char id[64];
	const kg_block *sec, *table;
	long sum = 0;
	size_t i;

	snprintf(id, sizeof(id), "%s-run-of-show", anchor);
	sec = kg_test_find_id(doc, id);
	assert_non_null(sec);
	table = kg_test_find_type(sec, KG_BLOCK_TABLE);
	assert_non_null(table);
	/* a header, a row per phase, the total */
	assert_int_equal(table->n, 1 + r->nphases + 1);
	for (i = 0; i < r->nphases; i++) {
		long m = S_cell_number(table->children[1 + i]->children[1]);

		assert_int_equal(m, r->phases[i].minutes);
		sum += m;
	}
	assert_int_equal(sum, r->minutes);
	assert_int_equal(S_cell_number(table->children[r->nphases + 1]->children[1]),
			 r->minutes);
}

static void S_check_question(const kg_block *sec, const kg_question *q)
{
	const char *want[32];
	size_t n = 0, i;
	S_texts t = {NULL, 0, 0};
	const kg_block *code = kg_test_find_type(sec, KG_BLOCK_CODE);

	want[n++] = kg_text(q->prompt);
	if (q->code_listing) {
		assert_non_null(code);
		assert_string_equal(code->title, kg_text(q->code_language));
		want[n++] = kg_text(q->code_listing);
		want[n++] = kg_text(q->task);
	} else {
		assert_null(code);
	}
	for (i = 0; i < q->hints.n && n < 20; i++)
		want[n++] = kg_text(q->hints.items[i]);
	want[n++] = kg_text(q->strong_answer);
	if (q->acceptable_answer) {
		want[n++] = kg_text(q->acceptable_answer);
		want[n++] = kg_text(q->acceptable_because);
	}
	want[n++] = kg_text(q->weak_answer);
	want[n++] = kg_text(q->weak_because);
	for (i = 0; i < q->follow_ups.n && n < 32; i++)
		want[n++] = kg_text(q->follow_ups.items[i]);
	S_collect(sec, &t);
	assert_true(S_in_order(&t, want, n));
	/* the hint ladder says to write down which hint was given */
	if (q->hints.n) {
		int said = 0;

		for (i = 0; i < t.n; i++)
			said |= strstr(t.p[i], "Write down which hint") != NULL &&
				strstr(t.p[i], "prompted") != NULL;
		assert_true(said);
	}
	free(t.p);
}

static void S_check_scenario(const kg_kit *kit, const kg_block *sec,
			     const kg_scenario *s)
{
	const char *want[3];
	size_t n = 0;
	S_texts t = {NULL, 0, 0};
	const kg_block *rubric = kg_test_find_type(sec, KG_BLOCK_RUBRIC);
	int b;

	(void)kit;
	want[n++] = kg_text(s->prompt);
	if (s->past_behaviour)
		want[n++] = kg_text(s->past_behaviour);
	S_collect(sec, &t);
	assert_true(S_in_order(&t, want, n));
	free(t.p);
	assert_non_null(rubric);
	for (b = 0; b < KG_NBANDS; b++)
		assert_ptr_equal(rubric->children[b]->children[0]->text,
				 kg_text(s->rubric.band[b]));
	assert_true(S_holds(sec, kg_text(s->red_flags.items[0])));
	if (s->nsignals)
		assert_true(S_holds(sec, kg_text(s->signals[0].detail)));
}

/* The topic's reference: once, with the rubric at the packet's level. */
static void S_check_reference(const kg_block *doc, const kg_topic *t,
			      const kg_level *l, const char *anchor)
{
	char id[160];
	const kg_block *sec, *rubric;
	const kg_rubric *want = kg_topic_rubric(t, l);
	int b;

	snprintf(id, sizeof(id), "%s-%s-rubric", anchor, kg_text(t->id));
	sec = kg_test_find_id(doc, id);
	assert_non_null(sec);
	rubric = kg_test_find_type(sec, KG_BLOCK_RUBRIC);
	assert_non_null(rubric);
	assert_int_equal(rubric->n, KG_NBANDS);
	for (b = 0; b < KG_NBANDS; b++)
		assert_ptr_equal(rubric->children[b]->children[0]->text,
				 kg_text(want->band[b]));
	snprintf(id, sizeof(id), "%s-%s", anchor, kg_text(t->id));
	sec = kg_test_find_id(doc, id);
	assert_true(S_holds(sec, kg_text(t->exposes)));
	assert_true(S_holds(sec, kg_text(t->key_contains)));
}

static void S_check_round(const kg_kit *kit, const kg_level *l,
			  const kg_block *doc, const kg_round *r, size_t number,
			  size_t *with_code, size_t *by_level, size_t *past,
			  size_t *named)
{
	char anchor[32], id[160];
	const kg_block *guide, *sec, *notes;
	size_t i;

	snprintf(anchor, sizeof(anchor), "round-%zu", number);
	snprintf(id, sizeof(id), "%s-guide", anchor);
	guide = kg_test_find_id(doc, id);
	assert_non_null(guide);
	S_check_run_of_show(guide, r, anchor);
	if (kit->opening_script) {
		snprintf(id, sizeof(id), "%s-opening", anchor);
		sec = kg_test_find_id(guide, id);
		assert_non_null(sec);
		assert_true(S_holds(sec, kg_text(kit->opening_script)));
	}
	for (i = 0; i < r->nitems; i++) {
		const kg_item *it = &r->items[i];

		if (it->kind == KG_ITEM_QUESTION) {
			snprintf(id, sizeof(id), "q-%s", kg_text(it->question->id));
			sec = kg_test_find_id(guide, id);
			assert_non_null(sec);
			S_check_question(sec, it->question);
			*with_code += it->question->code_listing != NULL;
		} else if (it->kind == KG_ITEM_EXERCISE) {
			snprintf(id, sizeof(id), "%s-exercise-%s", anchor,
				 kg_text(it->topic->id));
			sec = kg_test_find_id(guide, id);
			assert_non_null(sec);
			assert_true(S_holds(sec, kg_text(it->topic->scenario_prompt)));
		} else {
			snprintf(id, sizeof(id), "scenario-%s", kg_text(it->scenario->id));
			sec = kg_test_find_id(guide, id);
			assert_non_null(sec);
			S_check_scenario(kit, sec, it->scenario);
			*past += it->scenario->past_behaviour != NULL;
		}
		if (it->topic) {
			S_check_reference(guide, it->topic, l, anchor);
			*by_level += kg_topic_rubric(it->topic, l) != &it->topic->rubric;
		}
	}
	snprintf(id, sizeof(id), "%s-candidate-questions", anchor);
	sec = kg_test_find_id(guide, id);
	assert_non_null(sec);
	notes = kg_test_find_type(sec, KG_BLOCK_NOTES);
	assert_non_null(notes);
	assert_true(notes->level >= 3);
	/* the phase the candidate's guide gives them, named */
	if (kg_candidate_questions_phase(kit, r) >= 0) {
		const char *name = r->phases[kg_candidate_questions_phase(kit, r)].name;

		assert_non_null(strstr(kg_test_find_type(sec, KG_BLOCK_PROSE)->text, name));
		(*named)++;
	}
	snprintf(id, sizeof(id), "%s-notes", anchor);
	notes = kg_test_find_type(kg_test_find_id(guide, id), KG_BLOCK_NOTES);
	assert_non_null(notes);
	assert_true(notes->flags & KG_NOTES_FILL);
	/* the notes come last in the guide, the candidate's questions before */
	assert_ptr_equal(guide->children[guide->n - 1], kg_test_find_id(guide, id));
}

/* Every section "q-<id>" a walk of doc meets (deferred ones opened) has
 * the title "Q<n> ..." with n the question's kg_question_number. Returns
 * how many there were. */
static size_t S_check_numbers(const kg_kit *kit, const kg_doc *doc)
{
	kg_iter *it = kg_iter_new(doc->root);
	kg_event ev;
	size_t seen = 0, t, k;

	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		const kg_block *b = kg_iter_block(it);

		if (ev != KG_EVENT_ENTER || b->type != KG_BLOCK_SECTION ||
		    strncmp(b->id, "q-", 2) != 0)
			continue;
		for (t = 0; t < kit->ntopics; t++)
			for (k = 0; k < kit->topics[t].nquestions; k++) {
				const kg_question *q = &kit->topics[t].questions[k];

				if (strcmp(kg_text(q->id), b->id + 2))
					continue;
				assert_true(b->title[0] == 'Q');
				assert_int_equal(strtoul(b->title + 1, NULL, 10),
						 kg_question_number(kit, q));
				seen++;
			}
	}
	kg_iter_free(it);
	return seen;
}

static size_t S_nquestions(const kg_kit *kit)
{
	size_t t, n = 0;

	for (t = 0; t < kit->ntopics; t++)
		n += kit->topics[t].nquestions;
	return n;
}

typedef struct S_tally {
	size_t rounds, with_code, by_level, past, named;
} S_tally;

static void S_check_kit(const kg_kit *kit, S_tally *tally)
{
	kg_editions eds = kg_editions_of(kit);
	char digest[KG_DIGEST_HEX];
	size_t e, r;

	memset(tally, 0, sizeof(*tally));
	kg_kit_digest(kit, digest);
	for (e = 0; e < eds.n; e++) {
		const kg_edition *ed = &eds.items[e];
		kg_doc *doc = kg_compose(kit, ed, digest);

		if (ed->kind == KG_EDITION_PUBLIC) {
			/* the public kit numbers every question */
			assert_int_equal(S_check_numbers(kit, doc), S_nquestions(kit));
		} else if (ed->kind == KG_EDITION_PACKET) {
			kg_diags d = KG_DIAGS_INIT;
			kg_plan plan;

			assert_int_equal(kg_plan_loop(kit, ed->profile, ed->level,
						      &plan, &d), 0);
			for (r = 0; r < plan.n; r++)
				S_check_round(kit, ed->level, doc->root, &plan.rounds[r],
					      r + 1, &tally->with_code,
					      &tally->by_level, &tally->past,
					      &tally->named);
			tally->rounds += plan.n;
			assert_true(S_check_numbers(kit, doc) >= 1);
			kg_plan_free(&plan);
			kg_diags_free(&d);
		}
		kg_doc_free(doc);
	}
	kg_editions_free(&eds);
}

static void test_fixture(void **state)
{
	kg_kit *kit = kg_test_load_kit("tests/fixture/kit");
	S_tally t;

	(void)state;
	S_check_kit(kit, &t);
	/* the fixture's code question and by_level rubrics were met */
	assert_true(t.rounds >= 4);
	assert_true(t.with_code >= 1);
	assert_true(t.by_level >= 1);
	kg_kit_free(kit);
}

/* ---- a copy of the fixture with a behavioural round -------------------------- */

static void S_replace(kg_buf *b, const char *from, const char *to)
{
	char *at = strstr(b->ptr, from);
	kg_buf out = KG_BUF_INIT;

	assert_non_null(at);
	kg_buf_put(&out, b->ptr, (size_t)(at - b->ptr));
	kg_buf_puts(&out, to);
	kg_buf_puts(&out, at + strlen(from));
	kg_buf_release(b);
	*b = out;
}

static void S_copy(const char *from, const char *to, const char *const *edits)
{
	kg_buf b = KG_BUF_INIT;
	FILE *f;
	char chunk[4096];
	size_t n;

	f = fopen(from, "rb");
	assert_non_null(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kg_buf_put(&b, chunk, n);
	fclose(f);
	for (; edits && edits[0]; edits += 2)
		S_replace(&b, edits[0], edits[1]);
	f = fopen(to, "wb");
	assert_non_null(f);
	fwrite(b.ptr, 1, b.len, f);
	fclose(f);
	kg_buf_release(&b);
}

static void test_behavioural_round(void **state)
{
	static const char *const kit_edits[] = {
		"\nscenario_kinds:",
		"  - id: collab\n    title: Collaboration\n"
		"    description: Works with others.\n    behavioural: true\n"
		"\nscenario_kinds:",
		"      coding: 50\n      systems: 50\n",
		"      coding: 40\n      systems: 40\n      collab: 20\n",
		"  # behavioural_area", "  behavioural_area: collab\n  #",
		"\nloop:\n",
		"\ncandidate_guide:\n  welcome: Welcome.\n  preparing: Prepare.\n"
		"  adjustments: Ask us.\n  after_the_loop: We write back.\n"
		"  questions_phase: Candidate's questions\n\nloop:\n",
		NULL};
	static const char *const scenario_edits[] = {
		"    levels: [expert]\n", "", NULL};
	char dir[] = "/tmp/kg-guide-XXXXXX", path[128], topics[64];
	kg_kit *kit;
	S_tally t;

	(void)state;
	assert_non_null(mkdtemp(dir));
	snprintf(topics, sizeof(topics), "%s/topics", dir);
	assert_int_equal(mkdir(topics, 0700), 0);
	snprintf(path, sizeof(path), "%s/kit.yaml", dir);
	S_copy("tests/fixture/kit/kit.yaml", path, kit_edits);
	snprintf(path, sizeof(path), "%s/scenarios.yaml", dir);
	S_copy("tests/fixture/kit/scenarios.yaml", path, scenario_edits);
	snprintf(path, sizeof(path), "%s/01-cache.yaml", topics);
	S_copy("tests/fixture/kit/topics/01-cache.yaml", path, NULL);
	snprintf(path, sizeof(path), "%s/02-queue.yaml", topics);
	S_copy("tests/fixture/kit/topics/02-queue.yaml", path, NULL);
	kit = kg_test_load_kit(dir);
	S_check_kit(kit, &t);
	/* every packet has a behavioural round, asked both ways; every
	 * round names the candidate's phase */
	assert_true(t.past >= 2);
	assert_int_equal(t.named, t.rounds);
	kg_kit_free(kit);
	snprintf(path, sizeof(path), "rm -rf '%s'", dir);
	assert_int_equal(system(path), 0);
}

static void test_content(void **state)
{
	kg_kit *kit = kg_test_load_kit("content");
	S_tally t;

	(void)state;
	S_check_kit(kit, &t);
	assert_true(t.rounds >= 1);
	kg_kit_free(kit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture),
		cmocka_unit_test(test_behavioural_round),
		cmocka_unit_test(test_content),
	};
	return cmocka_run_group_tests_name("guide", tests, NULL, NULL);
}
