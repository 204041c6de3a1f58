/*
 * test_volume.c - volume.c: the text all editions of a kit hold, which
 * check bounds (content/README.md, "Limits"): the committed kit stays far
 * below the limit (a real kit must never come near it; tests/cases/
 * editions-too-much-text.case is one past it).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "kit.h"
#include "test_kit.h"
#include "volume.h"

/* The committed kit uses under half the budget (its nine packets each
 * carry every asked question's samples, hints and listings, and count
 * twice with their 63 per-round documents, volume.h: it used a sixth
 * before those). */
static void test_committed_kit_far_below_the_limit(void **state)
{
	kg_kit *kit = kg_test_load_kit("content");
	size_t v = kg_kit_volume(kit);

	(void)state;
	kg_kit_free(kit);
	print_message("the committed kit's editions hold %zu bytes of text\n", v);
	assert_true(v > 0);
	assert_true(v < KG_MAX_VOLUME / 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_committed_kit_far_below_the_limit),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
