/* test_check.c - the content model's shape check and the kit-wide rules */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "kit.h"
#include "schema.h"
#include "yaml_load.h"

/* Check src against shape; return the diagnostics. */
static kg_diags S_shape(const char *src, const kg_shape *shape)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = kg_node_load_string("t.yaml", src, strlen(src), &d);

	assert_non_null(n);
	kg_schema_check(n, shape, &d);
	kg_node_free(n);
	return d;
}

static void S_has(const kg_diags *d, unsigned line, unsigned col,
		  const char *msg)
{
	size_t i;

	for (i = 0; i < d->n; i++)
		if (d->items[i].line == line && d->items[i].col == col &&
		    strcmp(d->items[i].msg, msg) == 0)
			return;
	for (i = 0; i < d->n; i++)
		print_message("got %u:%u: %s\n", d->items[i].line,
			      d->items[i].col, d->items[i].msg);
	fail_msg("no diagnostic %u:%u: %s", line, col, msg);
}

static void test_edit_distance(void **state)
{
	(void)state;
	assert_int_equal(kg_edit_distance("title", "title"), 0);
	assert_int_equal(kg_edit_distance("titel", "title"), 2);
	assert_int_equal(kg_edit_distance("titl", "title"), 1);
	assert_int_equal(kg_edit_distance("", "abc"), 3);
	assert_int_equal(kg_edit_distance("red_flag", "red_flags"), 1);
}

static void test_id_syntax(void **state)
{
	(void)state;
	assert_true(kg_id_valid("rate-limiter-2"));
	assert_true(kg_id_valid("2fa"));
	assert_false(kg_id_valid(""));
	assert_false(kg_id_valid("Rate"));
	assert_false(kg_id_valid("a/b"));
	assert_false(kg_id_valid(".."));
	assert_false(kg_id_valid("a b"));
	assert_false(kg_id_valid("-a"));
	assert_false(kg_id_valid("a_b"));
	assert_false(kg_id_valid("aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
}

static void test_shape_reports_everything(void **state)
{
	kg_diags d = S_shape("id: Bad_Id\n"
			     "titel: x\n"
			     "areas: coding\n"
			     "exposes: ''\n"
			     "rubric:\n  strong: a\n  acceptable: b\n"
			     "red_flags: [a, b]\n"
			     "colour: red\n",
			     &kg_shape_topic);

	(void)state;
	S_has(&d, 1, 5, "'Bad_Id' is not a valid id: use lowercase letters, "
			"digits and hyphens (at most 64)");
	S_has(&d, 2, 1, "unknown field 'titel' in topic (did you mean 'title'?)");
	S_has(&d, 3, 8, "'areas' should be a list, not text");
	S_has(&d, 4, 10, "'exposes' is empty");
	S_has(&d, 6, 3, "rubric has no 'weak' band");
	S_has(&d, 8, 12, "'red_flags' has 2 items; at least 3 needed");
	S_has(&d, 9, 1, "unknown field 'colour' in topic");
	S_has(&d, 1, 1, "topic has no 'clarifying_questions' field");
	kg_diags_free(&d);
}

static void test_shape_of_nested_lists(void **state)
{
	kg_diags d = S_shape("scenarios:\n"
			     "  - id: s\n"
			     "    kind: k\n"
			     "    title: t\n"
			     "    prompt: p\n"
			     "    signals:\n      - name: n\n        detial: x\n"
			     "    rubric: {strong: a, acceptable: b, weak: c}\n"
			     "    red_flags: [a, b, {c: d}]\n",
			     &kg_shape_scenarios);

	(void)state;
	S_has(&d, 8, 9, "unknown field 'detial' in signal (did you mean 'detail'?)");
	S_has(&d, 10, 23, "item 3 of 'red_flags' should be text, not a mapping "
			  "(quote text that contains ': ')");
	assert_int_equal(d.errors, 2);
	kg_diags_free(&d);
}

static void test_fixture_is_clean(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_kit *kit = kg_kit_load("tests/fixture/kit", &d);

	(void)state;
	assert_int_equal(kg_kit_check(kit, &d), 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(kit->ntopics, 2);
	assert_string_equal(kg_text(kit->topics[0].id), "cache");
	assert_string_equal(kg_text(kit->topics[0].questions[1].level), "expert");
	assert_ptr_equal(kit->topics[0].questions[1].topic, &kit->topics[0]);
	assert_non_null(kg_kit_level(kit, "expert"));
	assert_null(kg_kit_level(kit, "principal"));
	assert_non_null(kg_kit_area(kit, "systems"));
	assert_non_null(kg_kit_profile(kit, "balanced"));
	kg_kit_free(kit);
	kg_diags_free(&d);
}

/* The panel fields read into the model, and a complete kit gets no
 * readiness warning. */
static void test_fixture_panel_fields(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_kit *kit = kg_kit_load("tests/fixture/kit", &d);
	const kg_topic *cache;
	const kg_question *q;

	(void)state;
	assert_int_equal(kg_kit_check(kit, &d), 0);
	kg_kit_readiness(kit, &d);
	assert_int_equal(d.errors + d.warnings, 0);
	cache = &kit->topics[0];
	q = &cache->questions[1];
	assert_int_equal(kg_int(q->minutes, 0), 15);
	assert_int_equal(q->hints.n, 2);
	assert_non_null(q->acceptable_answer);
	assert_non_null(q->acceptable_because);
	assert_int_equal(q->areas.n, 2);
	assert_string_equal(kg_text(q->areas.items[0]), "coding");
	assert_string_equal(kg_text(q->code_language), "python");
	assert_non_null(q->code_listing);
	assert_non_null(q->task);
	assert_null(cache->questions[0].code_node);
	assert_int_equal(cache->nby_level, 1);
	/* a level with anchors gets them; another, the topic's bands */
	assert_ptr_equal(kg_topic_rubric(cache, kg_kit_level(kit, "expert")),
			 &cache->by_level[0].rubric);
	assert_ptr_equal(kg_topic_rubric(cache, kg_kit_level(kit, "fresher")),
			 &cache->rubric);
	assert_string_equal(kg_text(cache->by_level[0].level), "expert");
	assert_non_null(cache->by_level[0].rubric.band[KG_BAND_WEAK]);
	assert_int_equal(kit->scenarios[0].levels.n, 1);
	assert_non_null(kit->scenarios[0].past_behaviour);
	assert_int_equal(kit->nphases, 3);
	assert_int_equal(kg_int(kit->phases[1].minutes, 0), 15);
	assert_non_null(kit->opening_script);
	assert_null(kit->behavioural_area);
	kg_kit_free(kit);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_edit_distance),
		cmocka_unit_test(test_id_syntax),
		cmocka_unit_test(test_shape_reports_everything),
		cmocka_unit_test(test_shape_of_nested_lists),
		cmocka_unit_test(test_fixture_is_clean),
		cmocka_unit_test(test_fixture_panel_fields),
	};
	return cmocka_run_group_tests_name("check", tests, NULL, NULL);
}
