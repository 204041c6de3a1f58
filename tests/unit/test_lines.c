/* test_lines.c - the line index: places as editors count them, source
 * lines found by seeking, BOM and Unicode line separators */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "diag.h"
#include "lines.h"
#include "node.h"
#include "yaml_load.h"

static void test_line_ends(void **state)
{
	/* \n, \r\n and \r end lines; U+2028, U+2029, U+0085 do not */
	static const char src[] = "a\nb\r\nc\rd\xe2\x80\xa8" "e\xc2\x85" "f\n";
	kg_lines *l = kg_lines_new("t", src, sizeof(src) - 1);
	kg_mark m;
	size_t off;

	(void)state;
	assert_int_equal(l->n, 5);
	m = kg_lines_at_byte(l, src, strchr(src, 'f') - src);
	assert_int_equal(m.line, 4);
	assert_int_equal(m.col, 5); /* d, U+2028, e, U+0085, f */
	m = kg_lines_at_char(l, 11); /* a \n b \r \n c \r d LS e NEL -> f */
	assert_int_equal(m.line, 4);
	assert_int_equal(m.col, 5);
	m = kg_lines_at_byte(l, src, 3); /* the \r of \r\n */
	assert_int_equal(m.line, 2);
	assert_int_equal(m.col, 2);
	assert_true(kg_lines_offset(l, 3, &off));
	assert_int_equal(off, 5);
	assert_false(kg_lines_offset(l, 6, &off));
	assert_false(kg_lines_offset(l, 0, &off));
	kg_lines_free(l);
}

/* Settled (the loader settles each file's index once its tree is
 * built): the character starts are gone, the byte look-ups unchanged. */
static void test_settled_index(void **state)
{
	static const char src[] = "a\nb\r\nc\rd\xe2\x80\xa8" "e\xc2\x85" "f\n";
	kg_lines *l = kg_lines_new("t", src, sizeof(src) - 1);
	kg_mark m;
	size_t off;

	(void)state;
	kg_lines_settle(l);
	assert_null(l->char_start);
	assert_int_equal(l->n, 5);
	m = kg_lines_at_byte(l, src, strchr(src, 'f') - src);
	assert_int_equal(m.line, 4);
	assert_int_equal(m.col, 5);
	assert_true(kg_lines_offset(l, 3, &off));
	assert_int_equal(off, 5);
	assert_true(kg_lines_offset(l, 5, &off));
	assert_int_equal(off, sizeof(src) - 1);
	assert_false(kg_lines_offset(l, 6, &off));
	kg_lines_free(l);
}

static void test_bom_is_no_character(void **state)
{
	static const char src[] = "\xef\xbb\xbfid: x\nb: y\n";
	kg_lines *l = kg_lines_new("t", src, sizeof(src) - 1);
	kg_mark m = kg_lines_at_byte(l, src, 7); /* the x */

	(void)state;
	assert_int_equal(m.line, 1);
	assert_int_equal(m.col, 5);
	m = kg_lines_at_char(l, 4); /* libyaml's index skips the BOM */
	assert_int_equal(m.col, 5);
	kg_lines_free(l);
}

/* Load a file with a BOM, U+2028 in a string and an error at its end:
 * the place is the editor's, and the printed source line is that line. */
static void test_loader_places_and_source_lines(void **state)
{
	char path[] = "/tmp/kg-lines-XXXXXX";
	int fd = mkstemp(path);
	static const char src[] = "\xef\xbb\xbf" "a: \"x\xe2\x80\xa8y\"\r\n"
				  "b: \"\xc3\xa9\xc3\xa9\"\r\nc: [1\n";
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n;
	char out[4096] = "";
	FILE *f;

	(void)state;
	assert_true(fd >= 0);
	assert_int_equal(write(fd, src, sizeof(src) - 1), sizeof(src) - 1);
	close(fd);
	n = kg_node_load_string(path, src, sizeof(src) - 1, &d);
	assert_null(n);
	assert_int_equal(d.n, 1);
	assert_int_equal(d.items[0].line, 4); /* libyaml says 5 */
	assert_int_equal(d.nlines, 1);
	f = fmemopen(out, sizeof(out) - 1, "w");
	kg_diags_print(&d, f, KG_DIAG_SOURCE);
	fclose(f);
	unlink(path);
	assert_non_null(strstr(out, ":4:1: error: "));
	kg_diags_free(&d);
}

/* Many errors late in a large file each print their own source line,
 * found through the index that loading kept. */
static void test_many_errors_print_their_lines(void **state)
{
	char path[] = "/tmp/kg-lines-XXXXXX";
	int fd = mkstemp(path);
	kg_buf src = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	char *out = NULL, want[64];
	size_t outlen = 0, i;
	kg_node *n;
	FILE *f;

	(void)state;
	for (i = 0; i < 20000; i++)
		kg_buf_printf(&src, "k%zu: v\n", i);
	for (i = 0; i < 300; i++)
		kg_buf_printf(&src, "k%zu: again %zu\n", i, i);
	assert_int_equal(write(fd, src.ptr, src.len), (ssize_t)src.len);
	close(fd);
	n = kg_node_load_string(path, src.ptr, src.len, &d);
	assert_null(n);
	assert_int_equal(d.errors, 300);
	f = open_memstream(&out, &outlen);
	kg_diags_print(&d, f, KG_DIAG_SOURCE);
	fclose(f);
	for (i = 0; i < 300; i += 37) {
		snprintf(want, sizeof(want), ":%zu:1: error: duplicate key 'k%zu'",
			 20001 + i, i);
		assert_non_null(strstr(out, want));
		snprintf(want, sizeof(want), "\n  k%zu: again %zu\n  ^\n", i, i);
		assert_non_null(strstr(out, want));
	}
	unlink(path);
	free(out);
	kg_buf_release(&src);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_ends),
		cmocka_unit_test(test_settled_index),
		cmocka_unit_test(test_bom_is_no_character),
		cmocka_unit_test(test_loader_places_and_source_lines),
		cmocka_unit_test(test_many_errors_print_their_lines),
	};
	return cmocka_run_group_tests_name("lines", tests, NULL, NULL);
}
