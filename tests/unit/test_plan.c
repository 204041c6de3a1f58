/*
 * test_plan.c - the loop planner (plan.h) on the fixture kit and on
 * variants of it written to a temporary folder: rounds filled to their
 * main phase, an area's material the same in every profile, the
 * shortfall warning and the no-material errors word for word, the
 * behavioural round, pins, a question's own area, no question in two
 * rounds, kg_plan_unused, and question numbers that agree with the
 * public kit's.
 *
 * The last test runs over the committed content/: every packet's rounds
 * full. It fails until the content gives its questions and scenarios
 * the minutes that fill a round.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "buf.h"
#include "compose.h"
#include "digest.h"
#include "doc_iter.h"
#include "edition.h"
#include "file.h"
#include "kit.h"
#include "output.h"
#include "plan.h"

#define FIXTURE "tests/fixture/kit"

/* ---- fixture variants --------------------------------------------------- */

/* Replace the first `old` in file (relative to the kit) with `new`; with
 * new NULL, cut the file from `old` to its end; with old NULL, append
 * `new` to the file. */
typedef struct S_edit {
	const char *file, *old, *new;
} S_edit;

static char *S_read(const char *path)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf b = KG_BUF_INIT;

	assert_int_equal(kg_file_read(path, (size_t)1 << 20, &b, &d), 0);
	kg_diags_free(&d);
	return kg_buf_detach(&b, NULL);
}

static void S_write(const char *path, const char *text)
{
	FILE *f = fopen(path, "wb");

	assert_non_null(f);
	assert_int_equal(fputs(text, f) >= 0, 1);
	assert_int_equal(fclose(f), 0);
}

static void S_copy(const char *from, const char *to, const char *name)
{
	kg_buf src = KG_BUF_INIT, dst = KG_BUF_INIT;
	char *text;

	kg_buf_printf(&src, "%s/%s", from, name);
	kg_buf_printf(&dst, "%s/%s", to, name);
	text = S_read(src.ptr);
	S_write(dst.ptr, text);
	free(text);
	kg_buf_release(&src);
	kg_buf_release(&dst);
}

static void S_apply(const char *dir, const S_edit *e)
{
	kg_buf path = KG_BUF_INIT, out = KG_BUF_INIT;
	char *text, *at;

	kg_buf_printf(&path, "%s/%s", dir, e->file);
	text = S_read(path.ptr);
	at = e->old ? strstr(text, e->old) : text + strlen(text);
	if (!at)
		fail_msg("edit: '%s' is not in %s", e->old, e->file);
	kg_buf_put(&out, text, (size_t)(at - text));
	if (e->new) {
		kg_buf_puts(&out, e->new);
		kg_buf_puts(&out, e->old ? at + strlen(e->old) : "");
	}
	S_write(path.ptr, out.ptr);
	free(text);
	kg_buf_release(&path);
	kg_buf_release(&out);
}

/* A copy of the fixture kit with the edits (ended by a NULL file) made:
 * its folder, to remove with kg_remove_tree and free. */
static char *S_variant(const S_edit *edits)
{
	kg_buf dir = KG_BUF_INIT, topics = KG_BUF_INIT;
	struct dirent *ent;
	DIR *d;

	assert_int_equal(kg_temp_dir("kitgen-test-plan", &dir), 0);
	kg_buf_printf(&topics, "%s/topics", dir.ptr);
	assert_int_equal(mkdir(topics.ptr, 0700), 0);
	S_copy(FIXTURE, dir.ptr, "kit.yaml");
	S_copy(FIXTURE, dir.ptr, "scenarios.yaml");
	assert_non_null(d = opendir(FIXTURE "/topics"));
	while ((ent = readdir(d)))
		if (ent->d_name[0] != '.')
			S_copy(FIXTURE "/topics", topics.ptr, ent->d_name);
	closedir(d);
	for (; edits && edits->file; edits++)
		S_apply(dir.ptr, edits);
	kg_buf_release(&topics);
	return kg_buf_detach(&dir, NULL);
}

/* Load and check the kit in dir; its diagnostics are left in d. */
static kg_kit *S_load_diags(const char *dir, kg_diags *d)
{
	kg_kit *kit = kg_kit_load(dir, d);

	assert_non_null(kit);
	kg_kit_check(kit, d);
	return kit;
}

/* The diagnostics of the kit S_load loaded last: they hold what its
 * marks point at, so they live until S_done. */
static kg_diags S_loaded = KG_DIAGS_INIT;

/* Load and check the kit in dir, which must check without an error. */
static kg_kit *S_load(const char *dir)
{
	kg_kit *kit = S_load_diags(dir, &S_loaded);

	if (S_loaded.errors)
		kg_diags_print(&S_loaded, stderr, 0);
	assert_int_equal(S_loaded.errors, 0);
	return kit;
}

/* Free what S_load and S_variant made (dir may be NULL). */
static void S_done(kg_kit *kit, char *dir)
{
	kg_kit_free(kit);
	kg_diags_free(&S_loaded);
	memset(&S_loaded, 0, sizeof(S_loaded));
	if (dir)
		kg_remove_tree(dir);
	free(dir);
}

/* ---- what a plan holds ------------------------------------------------------ */

static const kg_level *S_level(const kg_kit *kit, const char *id)
{
	size_t i;

	for (i = 0; i < kit->nlevels; i++)
		if (strcmp(kg_text(kit->levels[i].id), id) == 0)
			return &kit->levels[i];
	fail_msg("no level '%s'", id);
	return NULL;
}

static const kg_question *S_question(const kg_kit *kit, const char *id)
{
	size_t t, i;

	for (t = 0; t < kit->ntopics; t++)
		for (i = 0; i < kit->topics[t].nquestions; i++)
			if (strcmp(kg_text(kit->topics[t].questions[i].id), id) == 0)
				return &kit->topics[t].questions[i];
	fail_msg("no question '%s'", id);
	return NULL;
}

/* Plan profile `profile` at level `level`; it must plan without error. */
static void S_plan(const kg_kit *kit, const char *profile, const char *level,
		   kg_plan *plan)
{
	const kg_profile *p = kg_kit_profile(kit, profile);
	kg_diags d = KG_DIAGS_INIT;

	assert_non_null(p);
	if (kg_plan_loop(kit, p, S_level(kit, level), plan, &d) != 0)
		kg_diags_print(&d, stderr, 0);
	assert_int_equal(d.errors, 0);
	kg_diags_free(&d);
}

static const kg_round *S_round(const kg_plan *plan, const char *area)
{
	size_t i;

	for (i = 0; i < plan->n; i++)
		if (strcmp(kg_text(plan->rounds[i].area->id), area) == 0)
			return &plan->rounds[i];
	fail_msg("no round for area '%s'", area);
	return NULL;
}

/* The round's scorecard ids, space-separated: "cache-1 cache-scenario". */
static char *S_ids(const kg_round *r)
{
	kg_buf b = KG_BUF_INIT;
	size_t i;

	for (i = 0; i < r->ndims; i++)
		kg_buf_printf(&b, "%s%s", i ? " " : "", r->dims[i].id);
	return kg_buf_detach(&b, NULL);
}

static void S_assert_ids(const kg_plan *plan, const char *area,
			 const char *want)
{
	char *got = S_ids(S_round(plan, area));

	if (strcmp(got, want) != 0)
		fail_msg("round '%s': rates '%s', want '%s'", area, got, want);
	free(got);
}

/* No question is in two rounds of the plan, and each round's lists agree:
 * a dim per item, the questions those of the items, minutes summed. */
static void S_assert_sound(const kg_plan *plan)
{
	size_t i, j, k, m;

	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];
		int minutes = 0;

		assert_int_equal(r->ndims, r->nitems);
		for (k = 0, m = 0; k < r->nitems; k++) {
			assert_ptr_equal(r->dims[k].item, &r->items[k]);
			minutes += r->items[k].minutes;
			if (r->items[k].kind == KG_ITEM_QUESTION)
				assert_ptr_equal(r->questions[m++], r->items[k].question);
		}
		assert_int_equal(m, r->nquestions);
		assert_int_equal(minutes, r->filled);
		for (j = 0; j < plan->n; j++)
			for (k = 0; k < r->nquestions; k++)
				for (m = 0; m < plan->rounds[j].nquestions; m++)
					if (i != j || k != m)
						assert_ptr_not_equal(
							r->questions[k],
							plan->rounds[j].questions[m]);
	}
}

/* Plan profile at level and check it: sound, and each area named rates
 * exactly the ids given (area, ids, area, ids, ..., NULL). */
static void S_assert_rounds(const kg_kit *kit, const char *profile,
			    const char *level, ...)
{
	const char *area;
	kg_plan plan;
	va_list ap;

	S_plan(kit, profile, level, &plan);
	S_assert_sound(&plan);
	va_start(ap, level);
	while ((area = va_arg(ap, const char *)))
		S_assert_ids(&plan, area, va_arg(ap, const char *));
	va_end(ap);
	kg_plan_free(&plan);
}

/* The only diagnostic in d is a warning at kit.yaml:LINE:COL saying msg. */
static void S_assert_one(const kg_diags *d, kg_severity sev, unsigned line,
			 unsigned col, const char *msg)
{
	if (d->n != 1)
		kg_diags_print(d, stderr, 0);
	assert_int_equal(d->n, 1);
	assert_int_equal(d->items[0].sev, sev);
	assert_non_null(d->items[0].file);
	assert_non_null(strstr(d->items[0].file, "kit.yaml"));
	assert_int_equal(d->items[0].line, line);
	assert_int_equal(d->items[0].col, col);
	assert_string_equal(d->items[0].msg, msg);
}

/* ---- kit.yaml and topic text the variants add ------------------------------ */

#define SYSTEMS_FIRST_PROFILE \
	"  - id: systems-first\n" \
	"    title: Systems first\n" \
	"    rationale: Systems count most.\n" \
	"    weights:\n" \
	"      coding: 20\n" \
	"      systems: 80\n" \
	"\n" \
	"decision_rule:"

/* A question of the cache topic: id, level, and the lines after. */
#define CACHE_QUESTION(id, level, more) \
	"  - id: " id "\n" \
	"    level: " level "\n" \
	"    prompt: What else would you cache?\n" \
	"    recruiter_cues:\n" \
	"      - Names a read-heavy path.\n" \
	"    strong_answer: The session lookups, keyed by user.\n" \
	"    weak_answer: Everything.\n" \
	"    weak_because: It names no trade-off.\n" \
	"    follow_ups:\n" \
	"      - What goes stale first?\n" \
	more

#define SCENARIO(id, more) \
	"  - id: " id "\n" \
	"    kind: conflict\n" \
	"    title: Scenario " id "\n" \
	"    prompt: A teammate rewrites your code overnight.\n" \
	"    signals:\n" \
	"      - name: Candour\n" \
	"        detail: Says what happened plainly.\n" \
	"    rubric:\n" \
	"      strong: Talks it through.\n" \
	"      acceptable: Escalates.\n" \
	"      weak: Reverts it.\n" \
	"    red_flags:\n" \
	"      - Blames.\n" \
	"      - Sulks.\n" \
	"      - Reverts.\n" \
	more

/* ---- the fixture ------------------------------------------------------------ */

/* Every profile and level of the fixture plans full rounds, the time
 * box the phases' sum and the main phase the longest. */
static void test_fixture_rounds_full(void **state)
{
	kg_kit *kit = S_load(FIXTURE);
	kg_diags d = KG_DIAGS_INIT;
	size_t p, l, i;

	(void)state;
	for (p = 0; p < kit->nprofiles; p++)
		for (l = 0; l < kit->nlevels; l++) {
			kg_plan plan;

			assert_int_equal(kg_plan_loop(kit, &kit->profiles[p],
						      &kit->levels[l], &plan, &d), 0);
			assert_int_equal(plan.n, kit->nareas);
			S_assert_sound(&plan);
			for (i = 0; i < plan.n; i++) {
				const kg_round *r = &plan.rounds[i];

				assert_int_equal(r->minutes, 5 + 15 + 5);
				assert_int_equal(r->main_minutes, 15);
				assert_int_equal(r->nphases, 3);
				assert_true(r->phases[1].main);
				assert_true(r->filled >= r->main_minutes -
							 KG_PLAN_SLACK_MINUTES);
				assert_true(r->filled <= r->main_minutes +
							 KG_PLAN_SLACK_MINUTES);
				assert_false(r->behavioural);
			}
			kg_plan_free(&plan);
		}
	assert_int_equal(d.n, 0);
	assert_int_equal(kg_plan_shortfalls(kit, &d), 0);
	assert_int_equal(d.n, 0);
	kg_diags_free(&d);
	S_done(kit, NULL);
}

/* The fixture's rounds, question by question. */
static void test_fixture_material(void **state)
{
	kg_kit *kit = S_load(FIXTURE);
	kg_plan plan;

	(void)state;
	S_plan(kit, "balanced", "fresher", &plan);
	S_assert_ids(&plan, "coding", "cache-1");
	S_assert_ids(&plan, "systems", "queue-1");
	/* equal weights: kit.yaml's order of the areas */
	assert_string_equal(kg_text(plan.rounds[0].area->id), "coding");
	kg_plan_free(&plan);
	S_plan(kit, "balanced", "expert", &plan);
	S_assert_ids(&plan, "coding", "cache-2");
	S_assert_ids(&plan, "systems", "queue-2");
	assert_int_equal(S_round(&plan, "coding")->weight, 50);
	assert_true(S_round(&plan, "coding")->must_have);
	kg_plan_free(&plan);
	S_done(kit, NULL);
}

/* Without loop.phases: the time box is round_minutes, the phases the
 * built-in three with the material in the middle. */
static void test_time_box_without_phases(void **state)
{
	/* the loop is left with nothing but a time box */
	static const S_edit edits[] = {
		{"kit.yaml", "loop:\n", "loop:\n  round_minutes: 50\n"},
		{"kit.yaml", "  phases:\n", NULL},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	kg_plan plan;
	const kg_round *r;

	(void)state;
	S_plan(kit, "balanced", "expert", &plan);
	r = S_round(&plan, "coding");
	assert_int_equal(r->minutes, 50);
	assert_int_equal(r->nphases, 3);
	assert_int_equal(r->phases[0].minutes, 5);
	assert_int_equal(r->phases[1].minutes, 40);
	assert_int_equal(r->phases[2].minutes, 5);
	assert_true(r->phases[1].main);
	assert_int_equal(r->main_minutes, 40);
	kg_plan_free(&plan);
	S_done(kit, dir);
}

/* ---- the same material in every profile ------------------------------------- */

/* Two profiles weigh the areas differently: each area's round holds the
 * same items in both, only its weight and place in the loop differ. */
static void test_area_same_items_across_profiles(void **state)
{
	static const S_edit edits[] = {
		{"kit.yaml", "\ndecision_rule:", "\n" SYSTEMS_FIRST_PROFILE},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	size_t l, a, i;

	(void)state;
	for (l = 0; l < kit->nlevels; l++) {
		const char *level = kg_text(kit->levels[l].id);
		kg_plan one, two;

		S_plan(kit, "balanced", level, &one);
		S_plan(kit, "systems-first", level, &two);
		S_assert_sound(&two);
		assert_string_equal(kg_text(one.rounds[0].area->id), "coding");
		assert_string_equal(kg_text(two.rounds[0].area->id), "systems");
		for (i = 1; i < two.n; i++) /* heaviest round first */
			assert_true(two.rounds[i - 1].weight >= two.rounds[i].weight);
		for (a = 0; a < kit->nareas; a++) {
			const char *area = kg_text(kit->areas[a].id);
			const kg_round *r1 = S_round(&one, area);
			const kg_round *r2 = S_round(&two, area);

			assert_int_not_equal(r1->weight, r2->weight);
			assert_int_equal(r1->nitems, r2->nitems);
			assert_true(r1->nitems >= 1);
			for (i = 0; i < r1->nitems; i++) {
				assert_int_equal(r1->items[i].kind, r2->items[i].kind);
				assert_ptr_equal(r1->items[i].question,
						 r2->items[i].question);
				assert_ptr_equal(r1->items[i].scenario,
						 r2->items[i].scenario);
				assert_string_equal(r1->dims[i].id, r2->dims[i].id);
			}
		}
		kg_plan_free(&one);
		kg_plan_free(&two);
	}
	S_done(kit, dir);
}

/* ---- shortfalls and errors -------------------------------------------------- */

/* A round whose material misses its main phase by more than five
 * minutes: one warning at the area, naming level, area, minutes and
 * every profile it holds for. It is a warning: the kit still checks. */
static void test_shortfall_warning(void **state)
{
	static const S_edit edits[] = {
		{"kit.yaml", "\ndecision_rule:", "\n" SYSTEMS_FIRST_PROFILE},
		{"topics/01-cache.yaml", "    minutes: 12\n", "    minutes: 5\n"},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	kg_diags d = KG_DIAGS_INIT;
	kg_plan plan;

	(void)state;
	assert_int_equal(kg_plan_shortfalls(kit, &d), 1);
	S_assert_one(&d, KG_SEV_WARNING, 35, 9,
		     "at level 'fresher' the round for area 'coding' has 5 of "
		     "its 15 minutes of material, 10 missing (profiles "
		     "'balanced', 'systems-first'): add questions whose own "
		     "area is this one at this level");
	kg_diags_free(&d);
	/* check's readiness warnings carry it */
	kg_kit_readiness(kit, &d);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	kg_diags_free(&d);
	S_plan(kit, "balanced", "fresher", &plan);
	S_assert_ids(&plan, "coding", "cache-1");
	assert_int_equal(S_round(&plan, "coding")->filled, 5);
	kg_plan_free(&plan);
	S_done(kit, dir);
}

/* No question at the level whose own area is the round's, and none to
 * borrow: an error at the level; the plan keeps the other rounds. */
static void test_no_material_error(void **state)
{
	static const S_edit edits[] = {
		{"topics/02-queue.yaml", "  - id: queue-2\n", NULL},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_diags d = KG_DIAGS_INIT;
	kg_kit *kit = kg_kit_load(dir, &d);
	kg_plan plan;

	(void)state;
	assert_int_equal(d.errors, 0);
	assert_int_equal(kg_plan_loop(kit, kg_kit_profile(kit, "balanced"),
				      S_level(kit, "expert"), &plan, &d), -1);
	S_assert_one(&d, KG_SEV_ERROR, 30, 9,
		     "level 'expert' has too few questions for the rounds of "
		     "profile 'balanced': no question at this level tests area "
		     "'systems' (a question's own area is its first 'areas', or "
		     "its topic's first)");
	/* cache-2 lists systems too, but it is coding's own and used there */
	assert_int_equal(plan.n, 1);
	S_assert_ids(&plan, "coding", "cache-2");
	kg_plan_free(&plan);
	kg_diags_free(&d);
	S_done(kit, dir);
}

/* ---- the behavioural round ------------------------------------------------ */

#define CONDUCT_AREA \
	"    description: Designs for failure.\n" \
	"  - id: conduct\n" \
	"    title: Conduct\n" \
	"    description: Works with others.\n" \
	"    behavioural: true\n"
#define CONDUCT_WEIGHTS \
	"      coding: 40\n      systems: 40\n      conduct: 20\n"

/* The behavioural area's round takes the scenarios at the level, in
 * file order: one with `levels` only at its levels, one without at every
 * level; no question, and no scenario in another round. */
static void test_behavioural_round(void **state)
{
	static const S_edit edits[] = {
		{"kit.yaml", "    description: Designs for failure.\n", CONDUCT_AREA},
		{"kit.yaml", "      coding: 50\n      systems: 50\n", CONDUCT_WEIGHTS},
		{"kit.yaml", "  # behavioural_area names the area of a behavioural round (none here)\n",
		 "  behavioural_area: conduct\n"},
		{"scenarios.yaml", "    levels: [expert]\n",
		 "    levels: [expert]\n    minutes: 5\n"},
		{"scenarios.yaml", NULL,
		 SCENARIO("for-freshers", "    levels: [fresher]\n    minutes: 5\n")
		 SCENARIO("for-anyone", "    minutes: 5\n")},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	kg_plan plan;
	const kg_round *r;
	size_t i;

	(void)state;

	S_plan(kit, "balanced", "fresher", &plan);
	S_assert_sound(&plan);
	r = S_round(&plan, "conduct");
	assert_true(r->behavioural);
	assert_int_equal(r->nquestions, 0);
	S_assert_ids(&plan, "conduct", "for-freshers for-anyone");
	for (i = 0; i < r->nitems; i++) {
		char *label = kg_dim_label(kit, &r->dims[i]);

		assert_int_equal(r->items[i].kind, KG_ITEM_SCENARIO);
		assert_null(r->items[i].question);
		assert_string_equal(label, kg_text(r->items[i].scenario->title));
		free(label);
	}
	S_assert_ids(&plan, "coding", "cache-1");
	S_assert_ids(&plan, "systems", "queue-1");
	assert_false(S_round(&plan, "coding")->behavioural);
	kg_plan_free(&plan);

	S_assert_rounds(kit, "balanced", "expert", "conduct",
			"design-dispute for-anyone", "coding", "cache-2",
			"systems", "queue-2", NULL);
	S_done(kit, dir);
}

/* The behavioural round hears one scenario of each kind before a second
 * of any kind. */
static void test_behavioural_kinds_first(void **state)
{
	static const S_edit edits[] = {
		{"kit.yaml", "    description: Designs for failure.\n", CONDUCT_AREA},
		{"kit.yaml", "      coding: 50\n      systems: 50\n", CONDUCT_WEIGHTS},
		{"kit.yaml", "  # behavioural_area names the area of a behavioural round (none here)\n",
		 "  behavioural_area: conduct\n"},
		{"kit.yaml", "    title: Team conflict\n",
		 "    title: Team conflict\n  - id: delivery\n    title: Delivery\n"},
		{"scenarios.yaml", NULL,
		 SCENARIO("conflict-a", "    levels: [fresher]\n    minutes: 5\n")
		 SCENARIO("conflict-b", "    levels: [fresher]\n    minutes: 5\n")
		 "  - id: delivery-a\n"
		 "    kind: delivery\n"
		 "    title: A late feature\n"
		 "    prompt: Your part of a feature will miss the date.\n"
		 "    signals:\n"
		 "      - name: Candour\n"
		 "        detail: Says early that it is late.\n"
		 "    rubric:\n"
		 "      strong: Tells people early.\n"
		 "      acceptable: Tells them late.\n"
		 "      weak: Hides it.\n"
		 "    red_flags:\n"
		 "      - Hides.\n"
		 "      - Blames.\n"
		 "      - Waits.\n"
		 "    levels: [fresher]\n"
		 "    minutes: 5\n"},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	kg_plan plan;

	(void)state;
	S_plan(kit, "balanced", "fresher", &plan);
	S_assert_sound(&plan);
	S_assert_ids(&plan, "conduct", "conflict-a delivery-a conflict-b");
	kg_plan_free(&plan);
	S_done(kit, dir);
}

/* A behavioural round with no scenario at the level: an error at the
 * level saying so. */
static void test_behavioural_no_scenario(void **state)
{
	static const S_edit edits[] = {
		{"kit.yaml", "    description: Designs for failure.\n", CONDUCT_AREA},
		{"kit.yaml", "      coding: 50\n      systems: 50\n", CONDUCT_WEIGHTS},
		{"kit.yaml", "  # behavioural_area names the area of a behavioural round (none here)\n",
		 "  behavioural_area: conduct\n"},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_diags d = KG_DIAGS_INIT;
	kg_kit *kit = kg_kit_load(dir, &d);
	kg_plan plan;

	(void)state;
	assert_int_equal(d.errors, 0);
	assert_int_equal(kg_plan_loop(kit, kg_kit_profile(kit, "balanced"),
				      S_level(kit, "fresher"), &plan, &d), -1);
	S_assert_one(&d, KG_SEV_ERROR, 27, 9,
		     "level 'fresher' has no scenario for the behavioural round "
		     "of profile 'balanced' (area 'conduct'): give a scenario "
		     "this level in its 'levels'");
	assert_int_equal(plan.n, 2);
	kg_plan_free(&plan);
	kg_diags_free(&d);
	S_done(kit, dir);
}

/* ---- pins ------------------------------------------------------------------- */

/* A pin replaces its area's material with the pinned topic's questions
 * at the level (here those it names: one per level), and its minutes are
 * the round's time box; a profile without the pin keeps the planner's
 * choice. */
static void test_pin_replaces_material(void **state)
{
	static const S_edit edits[] = {
		{"kit.yaml", "\ndecision_rule:",
		 "\n  - id: pinned\n"
		 "    title: Pinned\n"
		 "    rationale: The systems round is on caching.\n"
		 "    weights:\n"
		 "      coding: 50\n"
		 "      systems: 50\n"
		 "    rounds:\n"
		 "      - area: systems\n"
		 "        topic: cache\n"
		 "        questions: [cache-3, cache-5]\n"
		 "        minutes: 35\n"
		 "\ndecision_rule:"},
		{"topics/01-cache.yaml", NULL,
		 CACHE_QUESTION("cache-3", "expert", "    minutes: 12\n")
		 CACHE_QUESTION("cache-5", "fresher", "    minutes: 12\n")},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	const kg_round *r;
	kg_plan plan;

	(void)state;

	S_plan(kit, "pinned", "expert", &plan);
	S_assert_sound(&plan);
	S_assert_ids(&plan, "systems", "cache-3");
	S_assert_ids(&plan, "coding", "cache-2");
	r = S_round(&plan, "systems");
	assert_int_equal(r->minutes, 35);
	assert_int_equal(r->main_minutes, 35 - 5 - 5);
	assert_int_equal(S_round(&plan, "coding")->minutes, 25);
	kg_plan_free(&plan);
	S_assert_rounds(kit, "pinned", "fresher", "systems", "cache-5",
			"coding", "cache-1", NULL);
	/* without the pin: the systems round is queue-2, cache-3 unused */
	S_assert_rounds(kit, "balanced", "expert", "systems", "queue-2",
			"coding", "cache-2", NULL);
	S_done(kit, dir);
}

/* ---- a question's own area --------------------------------------------------- */

/* A question's own area is its areas[0], else its topic's first: swapping
 * them moves the questions between rounds whatever their topics. */
static void test_own_area_is_first_of_areas(void **state)
{
	static const S_edit edits[] = {
		{"topics/01-cache.yaml", "    areas: [coding, systems]\n",
		 "    areas: [systems, coding]\n"},
		{"topics/02-queue.yaml", "      - Where could such a message wait?\n",
		 "      - Where could such a message wait?\n    areas: [coding]\n"},
		{NULL, NULL, NULL}};
	kg_kit *kit = S_load(FIXTURE);
	char *dir;

	(void)state;
	assert_string_equal(kg_question_area(S_question(kit, "cache-1")), "coding");
	assert_string_equal(kg_question_area(S_question(kit, "cache-2")), "coding");
	assert_string_equal(kg_question_area(S_question(kit, "queue-2")), "systems");
	S_done(kit, NULL);

	dir = S_variant(edits);
	kit = S_load(dir);
	assert_string_equal(kg_question_area(S_question(kit, "cache-2")), "systems");
	assert_string_equal(kg_question_area(S_question(kit, "queue-2")), "coding");
	S_assert_rounds(kit, "balanced", "expert", "coding", "queue-2",
			"systems", "cache-2", NULL);
	S_done(kit, dir);
}

/* A round short of material borrows questions that list its area, but
 * never one another round has: cache-2 lists systems, and stays coding's. */
static void test_question_never_in_two_rounds(void **state)
{
	static const S_edit edits[] = {
		{"topics/02-queue.yaml", "    minutes: 12\n    hints:\n      - What does",
		 "    minutes: 5\n    hints:\n      - What does"},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	S_assert_rounds(kit, "balanced", "expert", "coding", "cache-2",
			"systems", "queue-2", NULL);
	assert_int_equal(kg_plan_shortfalls(kit, &d), 1);
	S_assert_one(&d, KG_SEV_WARNING, 38, 9,
		     "at level 'expert' the round for area 'systems' has 5 of its "
		     "15 minutes of material, 10 missing (profile 'balanced'): add "
		     "questions whose own area is this one at this level");
	kg_diags_free(&d);
	S_done(kit, dir);
}

/* ---- what is left over ------------------------------------------------------- */

static void S_assert_unused(const kg_kit *kit, const kg_plan *plan,
			    const char *level, const char *area,
			    const char *want)
{
	const kg_area *a = NULL;
	const kg_question **qs;
	kg_buf got = KG_BUF_INIT;
	size_t i, n;

	for (i = 0; i < kit->nareas; i++)
		if (strcmp(kg_text(kit->areas[i].id), area) == 0)
			a = &kit->areas[i];
	assert_non_null(a);
	qs = kg_plan_unused(kit, plan, S_level(kit, level), a, &n);
	for (i = 0; i < n; i++)
		kg_buf_printf(&got, "%s%s", i ? " " : "", kg_text(qs[i]->id));
	if (strcmp(got.ptr, want) != 0)
		fail_msg("unused at %s in %s: '%s', want '%s'", level, area,
			 got.ptr, want);
	free(qs);
	kg_buf_release(&got);
}

/* kg_plan_unused: exactly the questions at the level whose own area is
 * the area and that no round of the plan asks. */
static void test_unused(void **state)
{
	static const S_edit edits[] = {
		{"topics/01-cache.yaml", NULL,
		 CACHE_QUESTION("cache-3", "expert", "    minutes: 12\n")
		 CACHE_QUESTION("cache-4", "expert",
				"    minutes: 12\n    areas: [systems]\n")
		 CACHE_QUESTION("cache-5", "fresher", "    minutes: 12\n")},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits);
	kg_kit *kit = S_load(dir);
	kg_plan plan;

	(void)state;

	/* expert: coding is full with cache-2; systems takes cache-4, first
	 * in kit order, and queue-2 no longer fits */
	S_plan(kit, "balanced", "expert", &plan);
	S_assert_sound(&plan);
	S_assert_ids(&plan, "coding", "cache-2");
	S_assert_ids(&plan, "systems", "cache-4");
	S_assert_unused(kit, &plan, "expert", "coding", "cache-3");
	S_assert_unused(kit, &plan, "expert", "systems", "queue-2");
	kg_plan_free(&plan);
	S_plan(kit, "balanced", "fresher", &plan);
	S_assert_ids(&plan, "coding", "cache-1");
	S_assert_unused(kit, &plan, "fresher", "coding", "cache-5");
	S_assert_unused(kit, &plan, "fresher", "systems", "");
	kg_plan_free(&plan);
	S_done(kit, dir);
}

/* ---- a topic's practical scenario ------------------------------------------ */

/* A round short of questions takes the practical scenario of a topic
 * whose first area it is, at a level of the topic's comparison row: the
 * line "<topic>-scenario", labelled "Exercise: <title>". */
static void test_exercise(void **state)
{
	static const S_edit edits[] = {
		{"topics/01-cache.yaml", "    minutes: 12\n", "    minutes: 5\n"},
		{"topics/01-cache.yaml", "  prompt: Cache the recruiter's candidate cards.\n",
		 "  prompt: Cache the recruiter's candidate cards.\n  minutes: 10\n"},
		{NULL, NULL, NULL}};
	char *dir = S_variant(edits), *label;
	kg_kit *kit = S_load(dir);
	kg_diags d = KG_DIAGS_INIT;
	const kg_round *r;
	kg_plan plan;

	(void)state;
	S_plan(kit, "balanced", "fresher", &plan);
	S_assert_sound(&plan);
	S_assert_ids(&plan, "coding", "cache-1 cache-scenario");
	r = S_round(&plan, "coding");
	assert_int_equal(r->items[1].kind, KG_ITEM_EXERCISE);
	assert_string_equal(kg_text(r->items[1].topic->id), "cache");
	assert_int_equal(r->filled, 15);
	label = kg_dim_label(kit, &r->dims[1]);
	assert_string_equal(label, "Exercise: Candidate cards");
	free(label);
	label = kg_dim_label(kit, &r->dims[0]);
	assert_string_equal(label, "Q1: Design a cache");
	free(label);
	kg_plan_free(&plan);
	assert_int_equal(kg_plan_shortfalls(kit, &d), 0);
	kg_diags_free(&d);
	S_done(kit, dir);
}

/* ---- question numbers ------------------------------------------------------- */

/* n from "Q<n> ..." (0 when s does not start so). */
static size_t S_qnum(const char *s)
{
	return s && s[0] == 'Q' ? (size_t)strtoul(s + 1, NULL, 10) : 0;
}

/* The public kit numbers its questions in two places: each question's
 * section title ("Q3 · Expert") and the question index ("[Q3](#q-id)").
 * Both must be kg_question_number's, which packets and cards use. */
static void S_assert_numbers(const kg_kit *kit)
{
	kg_editions eds = kg_editions_of(kit);
	char digest[KG_DIGEST_HEX];
	size_t titles = 0, index = 0, total = 0, t;
	kg_doc *doc;
	kg_iter *it;
	kg_event ev;

	for (t = 0; t < kit->ntopics; t++)
		total += kit->topics[t].nquestions;
	kg_kit_digest(kit, digest);
	assert_int_equal(eds.items[0].kind, KG_EDITION_PUBLIC);
	doc = kg_compose(kit, &eds.items[0], digest);
	it = kg_iter_new(doc->root);
	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		const kg_block *b = kg_iter_block(it);
		const char *link;

		if (ev != KG_EVENT_ENTER)
			continue;
		if (b->type == KG_BLOCK_SECTION && strncmp(b->id, "q-", 2) == 0) {
			const kg_question *q = S_question(kit, b->id + 2);

			assert_int_equal(S_qnum(b->title), kg_question_number(kit, q));
			titles++;
		}
		if (b->type == KG_BLOCK_PROSE && b->text && b->text[0] == '[' &&
		    (link = strstr(b->text, "](#q-"))) {
			char id[64];
			size_t n = strcspn(link + 5, ")");

			assert_true(n < sizeof(id));
			memcpy(id, link + 5, n);
			id[n] = '\0';
			assert_int_equal(S_qnum(b->text + 1),
					 kg_question_number(kit, S_question(kit, id)));
			index++;
		}
	}
	assert_int_equal(titles, total);
	assert_int_equal(index, total);
	kg_iter_free(it);
	kg_doc_free(doc);
	kg_editions_free(&eds);
}

/* kg_question_number agrees with the public kit, on the fixture and on
 * a topic that lists an expert question before its fresher one (the kit
 * orders a topic's questions by level). */
static void test_question_numbers(void **state)
{
	static const S_edit edits[] = {
		{"topics/01-cache.yaml", "  - id: cache-1\n",
		 CACHE_QUESTION("cache-0", "expert", "    minutes: 5\n")
		 "  - id: cache-1\n"},
		{NULL, NULL, NULL}};
	kg_kit *kit = S_load(FIXTURE);
	char *dir;

	(void)state;
	S_assert_numbers(kit);
	assert_int_equal(kg_question_number(kit, S_question(kit, "queue-1")), 3);
	S_done(kit, NULL);

	dir = S_variant(edits);
	kit = S_load(dir);
	S_assert_numbers(kit);
	assert_int_equal(kg_question_number(kit, S_question(kit, "cache-1")), 1);
	assert_int_equal(kg_question_number(kit, S_question(kit, "cache-0")), 2);
	assert_int_equal(kg_question_number(kit, S_question(kit, "cache-2")), 3);
	assert_int_equal(kg_question_number(kit, S_question(kit, "queue-1")), 4);
	S_done(kit, dir);
}

/* ---- the committed content -------------------------------------------------- */

/* Every packet of content/ has every round full. Fails until the content
 * gives its questions and scenarios the minutes that fill a round. */
static void test_content_every_round_full(void **state)
{
	kg_kit *kit = S_load("content");
	kg_diags d = KG_DIAGS_INIT;
	size_t p, l, i, short_rounds = 0, warnings;

	(void)state;
	for (p = 0; p < kit->nprofiles; p++)
		for (l = 0; l < kit->nlevels; l++) {
			kg_plan plan;

			assert_int_equal(kg_plan_loop(kit, &kit->profiles[p],
						      &kit->levels[l], &plan, &d), 0);
			S_assert_sound(&plan);
			for (i = 0; i < plan.n; i++) {
				const kg_round *r = &plan.rounds[i];

				if (r->filled >= r->main_minutes - KG_PLAN_SLACK_MINUTES)
					continue;
				print_message("%s-%s: round %zu (%s) has %d of %d minutes\n",
					      kg_text(kit->profiles[p].id),
					      kg_text(kit->levels[l].id), i + 1,
					      kg_text(r->area->id), r->filled,
					      r->main_minutes);
				short_rounds++;
			}
			kg_plan_free(&plan);
		}
	warnings = kg_plan_shortfalls(kit, &d);
	kg_diags_print(&d, stderr, 0);
	kg_diags_free(&d);
	S_done(kit, NULL);
	assert_int_equal(short_rounds, 0);
	assert_int_equal(warnings, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_rounds_full),
		cmocka_unit_test(test_fixture_material),
		cmocka_unit_test(test_time_box_without_phases),
		cmocka_unit_test(test_area_same_items_across_profiles),
		cmocka_unit_test(test_shortfall_warning),
		cmocka_unit_test(test_no_material_error),
		cmocka_unit_test(test_behavioural_round),
		cmocka_unit_test(test_behavioural_kinds_first),
		cmocka_unit_test(test_behavioural_no_scenario),
		cmocka_unit_test(test_pin_replaces_material),
		cmocka_unit_test(test_own_area_is_first_of_areas),
		cmocka_unit_test(test_question_never_in_two_rounds),
		cmocka_unit_test(test_unused),
		cmocka_unit_test(test_exercise),
		cmocka_unit_test(test_question_numbers),
		cmocka_unit_test(test_content_every_round_full),
	};
	return cmocka_run_group_tests_name("plan", tests, NULL, NULL);
}
