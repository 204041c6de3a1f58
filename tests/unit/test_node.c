/* test_node.c - the YAML tree and its loader (yaml_load.c): marks, refusals,
 * the core schema */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "diag.h"
#include "node.h"
#include "yaml_load.h"

static kg_node *S_load(const char *src, kg_diags *d)
{
	return kg_node_load_string("t.yaml", src, strlen(src), d);
}

/* Load src expecting failure; check the first diagnostic. */
static void S_expect_error(const char *src, unsigned line, unsigned col,
			   const char *msg)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = kg_node_load_string("t.yaml", src, strlen(src), &d);

	assert_null(n);
	assert_true(d.n >= 1);
	assert_string_equal(d.items[0].file, "t.yaml");
	assert_int_equal(d.items[0].line, line);
	assert_int_equal(d.items[0].col, col);
	assert_string_equal(d.items[0].msg, msg);
	kg_diags_free(&d);
}

static void test_marks_are_one_based(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = S_load("a: 1\nlist:\n  - x\n  - \"y\"\n", &d);
	const kg_node *list;

	(void)state;
	assert_non_null(n);
	assert_int_equal(n->kind, KG_NODE_MAP);
	list = kg_node_get(n, "list");
	assert_non_null(list);
	assert_int_equal(list->n, 2);
	assert_int_equal(list->items[0]->mark.line, 3);
	assert_int_equal(list->items[0]->mark.col, 5);
	assert_int_equal(list->items[1]->mark.line, 4);
	assert_false(list->items[1]->plain);
	assert_true(list->items[0]->plain);
	assert_int_equal(kg_node_get(n, "a")->mark.col, 4);
	kg_node_free(n);
	kg_diags_free(&d);
}

static void test_duplicate_key(void **state)
{
	(void)state;
	S_expect_error("a: 1\nb: 2\na: 3\n", 3, 1,
		       "duplicate key 'a' (first at line 1)");
}

static void test_duplicate_keys_each_reported(void **state)
{
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	assert_null(S_load("k: 1\nk: 2\nk: 3\n", &d));
	assert_int_equal(d.errors, 2);
	assert_int_equal(d.items[1].line, 3);
	assert_string_equal(d.items[1].msg, "duplicate key 'k' (first at line 1)");
	kg_diags_free(&d);
}

static void test_alias_rejected(void **state)
{
	(void)state;
	S_expect_error("a: &x 1\n", 1, 4,
		       "anchors and aliases are not supported ('&x')");
	S_expect_error("a: [1]\nb: *x\n", 2, 4,
		       "anchors and aliases are not supported ('*x')");
}

static void test_alias_bomb_is_cheap(void **state)
{
	kg_buf b = KG_BUF_INIT;
	int i;

	(void)state;
	kg_buf_puts(&b, "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
	for (i = 1; i < 30; i++)
		kg_buf_printf(&b, "a%d: &a%d [*a%d, *a%d, *a%d, *a%d, *a%d, *a%d]\n",
			      i, i, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
	S_expect_error(b.ptr, 1, 5, "anchors and aliases are not supported ('&a0')");
	kg_buf_release(&b);
}

static void test_depth_limit(void **state)
{
	kg_buf b = KG_BUF_INIT;
	int i;

	(void)state;
	for (i = 0; i < 100000; i++)
		kg_buf_putc(&b, '[');
	S_expect_error(b.ptr, 1, KG_NODE_MAX_DEPTH + 1,
		       "nesting deeper than 64 levels");
	kg_buf_release(&b);
}

static void test_nesting_at_limit_loads(void **state)
{
	kg_buf b = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n;
	int i;

	(void)state;
	for (i = 0; i < KG_NODE_MAX_DEPTH; i++)
		kg_buf_putc(&b, '[');
	for (i = 0; i < KG_NODE_MAX_DEPTH; i++)
		kg_buf_putc(&b, ']');
	n = S_load(b.ptr, &d);
	assert_non_null(n);
	assert_int_equal(d.errors, 0);
	kg_node_free(n);
	kg_buf_release(&b);
	kg_diags_free(&d); /* it holds the file's line index */
}

static void test_invalid_utf8(void **state)
{
	(void)state;
	S_expect_error("a: ok\nb: caf\xC3\n", 2, 7, "invalid UTF-8 (byte 0xC3)");
	S_expect_error("t: \xE2\x82\xB9 and \xED\xA0\x80\n", 1, 10,
		       "invalid UTF-8 (byte 0xED)");
	S_expect_error("\xFF\xFE" "a\0:\0", 1, 1, "invalid UTF-8 (byte 0xFF)");
}

static void test_nul_byte(void **state)
{
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	assert_null(kg_node_load_string("t.yaml", "a: b\0c\n", 7, &d));
	assert_int_equal(d.items[0].line, 1);
	assert_int_equal(d.items[0].col, 5);
	assert_string_equal(d.items[0].msg, "file contains a NUL byte");
	kg_diags_free(&d);
}

static void test_two_documents(void **state)
{
	(void)state;
	S_expect_error("a: 1\n---\nb: 2\n", 2, 1,
		       "more than one YAML document in the file");
}

static void test_empty_file(void **state)
{
	(void)state;
	S_expect_error("", 1, 1, "file is empty");
	S_expect_error("# only a comment\n", 1, 1, "file is empty");
}

static void test_syntax_error_position(void **state)
{
	(void)state;
	S_expect_error("a: b: c\n", 1, 5,
		       "mapping values are not allowed in this context");
	S_expect_error("a:\n\t- x\n", 2, 1,
		       "found character that cannot start any token "
		       "(tabs are not allowed in indentation)");
	S_expect_error("a: [1, 2\nb: 3\n", 2, 2,
		       "did not find expected ',' or ']' while parsing a "
		       "flow sequence that starts at line 1");
	S_expect_error("a: \"open\n", 2, 1,
		       "found unexpected end of stream while scanning a "
		       "quoted scalar that starts at line 1");
}

static void test_non_scalar_key(void **state)
{
	(void)state;
	S_expect_error("? [a, b]\n: 1\n", 1, 3, "a mapping key must be text");
}

static void test_tags(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = S_load("a: !!str true\n", &d);

	(void)state;
	assert_non_null(n);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "a")), KG_SCALAR_STR);
	kg_node_free(n);
	S_expect_error("a: !custom x\n", 1, 4, "tag '!custom' is not supported");
	kg_diags_free(&d);
}

static void test_core_schema(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = S_load("n1: null\nn2: ~\nn3:\nb: false\nB: True\ni: -12\n"
			    "x: 0x1F\nf: 1.210\ne: 1e3\ns: 'false'\nt: yes\n"
			    "l: []\nm: {}\nes: ''\n", &d);

	(void)state;
	assert_non_null(n);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "n1")), KG_SCALAR_NULL);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "n2")), KG_SCALAR_NULL);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "n3")), KG_SCALAR_NULL);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "b")), KG_SCALAR_BOOL);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "i")), KG_SCALAR_INT);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "x")), KG_SCALAR_INT);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "f")), KG_SCALAR_FLOAT);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "e")), KG_SCALAR_FLOAT);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "s")), KG_SCALAR_STR);
	assert_int_equal(kg_node_scalar_type(kg_node_get(n, "t")), KG_SCALAR_STR);
	kg_node_free(n);
	kg_diags_free(&d);
}

static void test_root_kinds(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = S_load("- a\n- b\n", &d);

	(void)state;
	assert_non_null(n);
	assert_int_equal(n->kind, KG_NODE_SEQ);
	kg_node_free(n);
	kg_diags_free(&d);
}

static void test_build_and_set(void **state)
{
	kg_node *m = kg_node_new_map();

	(void)state;
	kg_node_set_str(m, "a", "1");
	kg_node_set_str(m, "a", "2");
	kg_node_set_bool(m, "flag", false);
	assert_int_equal(m->npairs, 2);
	assert_string_equal(kg_node_str(m, "a"), "2");
	assert_string_equal(kg_node_str(m, "flag"), "false");
	assert_true(kg_node_get(m, "flag")->plain);
	kg_node_free(m);
}

/* A loaded file's nodes live in its arena, built ones on the heap; one
 * tree may hold both (the sanitizer and valgrind runs check the frees). */
static void test_built_and_loaded_nodes_mix(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = S_load("a: x\nlist: [p, q]\nm: {k: v}\n", &d);
	kg_node *list, *data, *other;
	size_t i;

	(void)state;
	assert_non_null(n);
	/* a loaded mapping and list grow past the size they were loaded at */
	kg_node_set_str(n, "b", "built");
	list = (kg_node *)kg_node_get(n, "list");
	for (i = 0; i < 20; i++)
		kg_node_push(list, kg_node_new_str("more"));
	assert_int_equal(list->n, 22);
	assert_string_equal(list->items[1]->text, "q");
	assert_string_equal(list->items[21]->text, "more");
	/* a loaded value replaced by a built one, a built one by a loaded tree */
	kg_node_set_str(n, "m", "flat");
	assert_string_equal(kg_node_str(n, "m"), "flat");
	assert_string_equal(kg_node_str(n, "a"), "x");
	assert_string_equal(kg_node_str(n, "b"), "built");
	assert_int_equal(kg_node_get(n, "a")->mark.line, 1);
	assert_int_equal(list->mark.line, 2);
	assert_int_equal(list->mark.col, 7);
	data = kg_node_new_map();
	kg_node_set(data, "kit", n);
	other = S_load("- 1\n- {deep: [x]}\n", &d);
	assert_non_null(other);
	kg_node_set_str(data, "other", "placeholder");
	kg_node_set(data, "other", other);
	assert_string_equal(kg_node_str(kg_node_get(data, "kit"), "b"), "built");
	assert_int_equal(kg_node_get(data, "other")->n, 2);
	assert_int_equal(d.n, 0);
	kg_node_free(data);
	kg_diags_free(&d);
}

/* A loaded tree is packed (node.c): its arena keeps no unused bytes,
 * and every value survives the move, short and long (a text and a list
 * past kg_arena_is_big keep their own chunks). */
static void test_loaded_tree_packed(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf src = KG_BUF_INIT;
	kg_node *n;
	const kg_node *big, *list, *t;
	size_t i;

	(void)state;
	for (i = 0; i < 300; i++)
		kg_buf_printf(&src, "t%zu:\n  id: topic-%zu\n  tags: [a, b%zu]\n", i, i, i);
	kg_buf_puts(&src, "long: ");
	for (i = 0; i < 3000; i++)
		kg_buf_putc(&src, (char)('a' + i % 26));
	kg_buf_puts(&src, "\nmany:\n");
	for (i = 0; i < 400; i++)
		kg_buf_printf(&src, "  - item %zu\n", i);
	n = kg_node_load_string("t.yaml", src.ptr, src.len, &d);
	assert_non_null(n);
	assert_int_equal(kg_arena_unused(kg_node_arena(n)), 0);
	assert_int_equal(n->npairs, 302);
	t = kg_node_get(n, "t299");
	assert_string_equal(kg_node_str(t, "id"), "topic-299");
	assert_string_equal(kg_node_get(t, "tags")->items[1]->text, "b299");
	assert_int_equal(kg_node_get(t, "tags")->mark.line, 300 * 3);
	assert_int_equal(n->pairs[299].key->mark.line, 299 * 3 + 1);
	big = kg_node_get(n, "long");
	assert_int_equal(big->len, 3000);
	assert_int_equal(big->text[2999], 'a' + 2999 % 26);
	assert_int_equal(big->text[3000], '\0');
	list = kg_node_get(n, "many");
	assert_int_equal(list->n, 400);
	assert_string_equal(list->items[399]->text, "item 399");
	assert_int_equal(list->items[399]->mark.line, 300 * 3 + 2 + 400);
	kg_node_push((kg_node *)list, kg_node_new_str("more"));
	assert_string_equal(list->items[400]->text, "more");
	assert_int_equal(d.n, 0);
	kg_node_free(n);
	kg_buf_release(&src);
	kg_diags_free(&d);
}

static void test_missing_file(void **state)
{
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	assert_null(kg_node_load_file("/nonexistent/x.yaml", &d));
	assert_int_equal(d.io_errors, 1);
	assert_string_equal(d.items[0].msg,
			    "cannot open: No such file or directory");
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_marks_are_one_based),
		cmocka_unit_test(test_duplicate_key),
		cmocka_unit_test(test_duplicate_keys_each_reported),
		cmocka_unit_test(test_alias_rejected),
		cmocka_unit_test(test_alias_bomb_is_cheap),
		cmocka_unit_test(test_depth_limit),
		cmocka_unit_test(test_nesting_at_limit_loads),
		cmocka_unit_test(test_invalid_utf8),
		cmocka_unit_test(test_nul_byte),
		cmocka_unit_test(test_two_documents),
		cmocka_unit_test(test_empty_file),
		cmocka_unit_test(test_syntax_error_position),
		cmocka_unit_test(test_non_scalar_key),
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_core_schema),
		cmocka_unit_test(test_root_kinds),
		cmocka_unit_test(test_build_and_set),
		cmocka_unit_test(test_built_and_loaded_nodes_mix),
		cmocka_unit_test(test_loaded_tree_packed),
		cmocka_unit_test(test_missing_file),
	};
	return cmocka_run_group_tests_name("node", tests, NULL, NULL);
}
