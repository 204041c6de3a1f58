/* test_canon.c - the canonical form: key order does not count, values and
 * list order do, and kg_canon_equal agrees with kg_canon_write */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "canon.h"
#include "diag.h"
#include "node.h"
#include "yaml_load.h"

static void S_put(void *ctx, const void *bytes, size_t len)
{
	kg_buf_put(ctx, bytes, len);
}

/* Load a and b; are their canonical bytes the same, and does
 * kg_canon_equal say the same? */
static int S_same(const char *a, const char *b)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *x = kg_node_load_string("a", a, strlen(a), &d);
	kg_node *y = kg_node_load_string("b", b, strlen(b), &d);
	kg_buf bx = KG_BUF_INIT, by = KG_BUF_INIT;
	int same;

	assert_non_null(x);
	assert_non_null(y);
	kg_canon_write(x, S_put, &bx);
	kg_canon_write(y, S_put, &by);
	same = bx.len == by.len && memcmp(bx.ptr, by.ptr, bx.len) == 0;
	assert_int_equal(same, kg_canon_equal(x, y));
	kg_buf_release(&bx);
	kg_buf_release(&by);
	kg_node_free(x);
	kg_node_free(y);
	kg_diags_free(&d);
	return same;
}

static void test_key_order_does_not_count(void **state)
{
	(void)state;
	assert_true(S_same("a: 1\nb: 2\n", "b: 2\na: 1\n"));
	assert_true(S_same("m: {x: [1, {p: q, r: s}], y: z}\nn: 1\n",
			   "n: 1\nm:\n  y: z\n  x:\n    - 1\n    - r: s\n      p: q\n"));
	/* a key that is a prefix of another sorts first either way */
	assert_true(S_same("ab: 1\na: 2\n", "a: 2\nab: 1\n"));
}

static void test_values_and_list_order_count(void **state)
{
	(void)state;
	assert_false(S_same("a: 1\nb: 2\n", "a: 2\nb: 1\n"));
	assert_false(S_same("l: [1, 2]\n", "l: [2, 1]\n"));
	assert_false(S_same("a: 1\n", "a: 1\nb: 1\n"));
	assert_false(S_same("a: [x]\n", "a: {x: y}\n"));
	/* a key and its value do not run into one another */
	assert_false(S_same("ab: c\n", "a: bc\n"));
}

static void test_formatting_does_not_count(void **state)
{
	(void)state;
	assert_true(S_same("t: 'x y'  # c\n", "t: \"x y\"\n"));
	assert_true(S_same("t: |\n  a\n", "t: \"a\\n\"\n"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_key_order_does_not_count),
		cmocka_unit_test(test_values_and_list_order_count),
		cmocka_unit_test(test_formatting_does_not_count),
	};
	return cmocka_run_group_tests_name("canon", tests, NULL, NULL);
}
