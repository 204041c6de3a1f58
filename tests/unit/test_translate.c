/* test_translate.c - translations keyed by id (translate.h) on the
 * fixture kit and its German part (tests/fixture/translations/de): the
 * languages present, a stamped translation with no drift, the overlay's
 * texts and their marks (phases and signals by position), the
 * fallbacks' marker and count, drift when a
 * source text changes, and the status report. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "kit.h"
#include "node.h"
#include "translate.h"
#include "test_kit.h"

#define KIT "tests/fixture/kit"
#define TR "tests/fixture" /* its translations/ folder */

static void test_langs(void **state)
{
	char **langs = kg_tr_langs(TR);
	char **none = kg_tr_langs(KIT);

	(void)state;
	assert_string_equal(langs[0], "de");
	assert_null(langs[1]);
	assert_null(none[0]);
	kg_tr_langs_free(langs);
	kg_tr_langs_free(none);
}

static void test_no_drift(void **state)
{
	kg_kit *kit = kg_test_load_kit(KIT);
	kg_diags d = KG_DIAGS_INIT;
	kg_tr *tr = kg_tr_load(kit, TR, "de", &d);

	(void)state;
	assert_non_null(tr);
	kg_tr_drift(tr, &d);
	if (d.n)
		kg_diags_print(&d, stderr, 0);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 0);
	assert_null(kg_tr_load(kit, TR, "fr", &d));
	kg_tr_free(tr);
	kg_diags_free(&d);
	kg_kit_free(kit);
}

static void test_overlay(void **state)
{
	kg_kit *kit = kg_test_load_kit(KIT);
	kg_diags d = KG_DIAGS_INIT;
	kg_tr *tr = kg_tr_load(kit, TR, "de", &d);
	kg_buf ids = KG_BUF_INIT;
	const kg_node *src_title = kit->topics[1].title;
	size_t fallbacks, texts;

	(void)state;
	texts = kg_tr_overlay(kit, tr, &fallbacks, &ids);
	assert_int_equal(texts, 126);
	assert_int_equal(fallbacks, 92);
	assert_string_equal(ids.ptr, "kit, systems, balanced, cache, cache-1, "
			    "cache-2, queue, queue-1, queue-2, design-dispute");
	/* translated: the translation's node, marked in its file */
	assert_string_equal(kg_text(kit->title), "Testkit");
	assert_non_null(strstr(kit->title->mark.file, "translations/de/kit.yaml"));
	assert_int_equal(kit->title->mark.line, 5);
	assert_string_equal(kg_text(kit->topics[0].questions[0].prompt),
			    "Wozu dient ein Cache?");
	assert_string_equal(kg_text(kit->topics[0].red_flags.items[0]),
			    "Eine TTL für alles.");
	/* structure stays the source's */
	assert_string_equal(kg_text(kit->levels[0].id), "fresher");
	assert_string_equal(kg_text(kit->topics[0].questions[0].level), "fresher");
	assert_int_equal(kg_int(kit->profiles[0].weights[0].value, 0), 50);
	/* a fallback: the source's text, marked, at the source's place */
	assert_string_equal(kg_text(kit->topics[1].title),
			    KG_TR_MARKER "Design a job queue");
	assert_int_equal(kit->topics[1].title->mark.line, src_title->mark.line);
	assert_int_equal(kit->topics[1].title->mark.col, src_title->mark.col);
	assert_string_equal(kg_text(kit->levels[0].title), "Berufseinsteiger");
	/* lists without ids go by position: phases and signals */
	assert_string_equal(kg_text(kit->phases[0].name), "Einstieg");
	assert_string_equal(kg_text(kit->phases[2].what),
			    "Beantworten Sie, was gefragt wird.");
	assert_int_equal(kg_int(kit->phases[1].minutes, 0), 15);
	assert_string_equal(kg_text(kit->topics[0].signals[1].name),
			    "Umgang mit Ausfällen");
	assert_string_equal(kg_text(kit->topics[0].signals[1].detail),
			    KG_TR_MARKER "Says what happens when the cache is down.");
	assert_string_equal(kg_text(kit->scenarios[0].signals[0].name), "Zuhören");
	assert_string_equal(kg_text(kit->topics[1].signals[0].name),
			    KG_TR_MARKER "Idempotency");
	kg_buf_release(&ids);
	kg_diags_free(&d);
	kg_kit_free(kit);
}

static void test_drift(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	/* loaded with d: the note's mark names the source file, which d's
	 * line index holds */
	kg_kit *kit = kg_kit_load(KIT, &d);
	kg_node *changed = kg_node_new_str("What is a cache for, briefly?");
	kg_tr *tr;
	kg_buf out = KG_BUF_INIT;

	(void)state;
	kg_kit_check(kit, &d);
	assert_int_equal(d.errors + d.warnings, 0);
	changed->mark = kit->topics[0].questions[0].prompt->mark;
	kit->topics[0].questions[0].prompt = changed;
	tr = kg_tr_load(kit, TR, "de", &d);
	kg_tr_drift(tr, &d);
	assert_int_equal(d.errors, 0);
	assert_int_equal(d.warnings, 1);
	assert_int_equal(d.n, 2); /* the warning and its note */
	assert_int_equal(d.items[0].line, 18);
	assert_int_equal(d.items[0].col, 11);
	assert_non_null(strstr(d.items[0].msg, "question 'cache-1' changed"));
	assert_int_equal(d.items[1].sev, KG_SEV_NOTE);
	assert_int_equal(d.items[1].line, 42);
	assert_int_equal(kg_tr_status(tr, 0, &out), 10);
	assert_non_null(strstr(out.ptr, "de: 1 stale, 5 missing, 4 incomplete, "
			       "0 unstamped, 0 orphaned, of 14 items\n"));
	kg_buf_reset(&out);
	kg_tr_status(tr, 1, &out);
	assert_non_null(strstr(out.ptr, "| prompt | What is a cache for, "
			       "briefly? | Wozu dient ein Cache? |\n"));
	kg_buf_release(&out);
	kg_tr_free(tr);
	kg_node_free(changed);
	kg_diags_free(&d);
	kg_kit_free(kit);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_langs),
		cmocka_unit_test(test_no_drift),
		cmocka_unit_test(test_overlay),
		cmocka_unit_test(test_drift),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
