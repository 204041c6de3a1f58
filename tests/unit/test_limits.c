/* test_limits.c - unit tests of kitgen's hardening: the limits, and the bugs
 * the fuzzers found */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "node.h"
#include "output.h"
#include "schema.h"
#include "template.h"
#include "yaml_load.h"

/* ---- the template engine's limits --------------------------------------- */

static int S_doubling_partial(void *ctx, const char *name, kg_buf *out,
			      const char **file)
{
	int *calls = ctx;

	(*calls)++;
	(void)file;
	/* "d" doubles itself 40 deep: d0 = "{{>d1}}{{>d1}}", ...; "leaf" is
	 * 64 bytes */
	if (strcmp(name, "leaf") == 0) {
		kg_buf_puts(out, "0123456789abcdef0123456789abcdef"
				 "0123456789abcdef0123456789abcdef");
		return 0;
	}
	if (name[0] == 'd') {
		int n = atoi(name + 1);

		if (n < 40)
			kg_buf_printf(out, "{{>d%d}}{{>d%d}}", n + 1, n + 1);
		else
			kg_buf_puts(out, "{{>leaf}}");
		return 0;
	}
	return -1;
}

static void test_output_limit(void **state)
{
	kg_template_opts opts = {NULL, S_doubling_partial, NULL, true, NULL};
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	int calls = 0;

	(void)state;
	opts.partial_ctx = &calls;
	kg_buf_puts(&out, "kept: "); /* the limit counts this render only */
	kg_template_set_limits(4096, 0);
	assert_int_equal(kg_template_render("t", "{{>d0}}", 7, NULL, &opts,
					    &out, &d), -1);
	kg_template_set_limits(0, 0);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.items[0].msg,
			    "output larger than 4096 bytes (partials or "
			    "sections repeat too often)");
	assert_int_equal(out.len, 6 + 4096);
	assert_memory_equal(out.ptr, "kept: ", 6);
	assert_int_equal(calls, 42); /* each partial asked for once */
	kg_buf_release(&out);
	kg_diags_free(&d);
}

static void test_step_limit(void **state)
{
	kg_node *data = kg_node_new_map(), *list = kg_node_new_seq();
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	const char *src = "{{#l}}{{#l}}{{#l}}{{/l}}{{/l}}{{/l}}";
	int i;

	(void)state;
	for (i = 0; i < 100; i++)
		kg_node_push(list, kg_node_new_str("x"));
	kg_node_set(data, "l", list);
	/* 100^3 empty iterations: no output, but work */
	kg_template_set_limits(0, 50000);
	assert_int_equal(kg_template_render("t.mustache", src, strlen(src), data,
					    NULL, &out, &d), -1);
	kg_template_set_limits(0, 0);
	assert_int_equal(d.errors, 1);
	assert_string_equal(d.items[0].msg,
			    "rendering takes more than 50000 steps (partials "
			    "or sections repeat too often)");
	assert_int_equal(out.len, 0);
	kg_diags_free(&d);
	/* the default limits leave real work alone */
	assert_int_equal(kg_template_render("t.mustache", src, strlen(src), data,
					    NULL, &out, &d), 0);
	assert_int_equal(d.errors, 0);
	kg_node_free(data);
	kg_buf_release(&out);
	kg_diags_free(&d);
}

static int S_counting_partial(void *ctx, const char *name, kg_buf *out,
			      const char **file)
{
	int *calls = ctx;

	(void)file;
	(*calls)++;
	if (strcmp(name, "p") != 0)
		return -1;
	/* the partial names itself with a NUL in the name */
	kg_buf_put(out, "{{>p\0q}}", 8);
	return 0;
}

/* Found by fuzz_template: a partial name holding a NUL never matched the
 * partial already loaded, so linking loaded it again, for ever. */
static void test_partial_name_with_nul(void **state)
{
	kg_template_opts opts = {NULL, S_counting_partial, NULL, false, NULL};
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	int calls = 0;

	(void)state;
	opts.partial_ctx = &calls;
	assert_int_equal(kg_template_render("t", "{{>p\0q}}", 8, NULL, &opts,
					    &out, &d), -1);
	assert_int_equal(calls, 1);
	assert_true(d.errors >= 1);
	assert_string_equal(d.items[0].msg, "bad tag name 'p'");
	kg_buf_release(&out);
	kg_diags_free(&d);
}

/* ---- the YAML loader ---------------------------------------------------- */

static void S_expect_load_error(const char *src, unsigned line, unsigned col,
				const char *msg)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = kg_node_load_string("x.yaml", src, strlen(src), &d);

	assert_null(n);
	assert_true(d.n >= 1);
	assert_int_equal(d.items[0].line, line);
	assert_int_equal(d.items[0].col, col);
	assert_string_equal(d.items[0].msg, msg);
	kg_diags_free(&d);
}

/* Found by fuzz_yaml: a mapping key that is a list was reported, then
 * compared as text (a NULL string) by the duplicate-key check. */
static void test_key_not_text(void **state)
{
	(void)state;
	S_expect_load_error("? [a]\n: 1\nb: 2\nb: 3\n", 1, 3,
			    "a mapping key must be text");
	S_expect_load_error("{? {a: b}: c}\n", 1, 4, "a mapping key must be text");
}

static void test_reader_errors_name_the_character(void **state)
{
	(void)state;
	S_expect_load_error("a: b\001c\n", 1, 5,
			    "control characters are not allowed (U+0001)");
	S_expect_load_error("a: \xef\xbf\xbe\n", 1, 4,
			    "control characters are not allowed (U+FFFE)");
}

static void test_core_tags_shown_short(void **state)
{
	(void)state;
	S_expect_load_error("a: !!int 3\n", 1, 4, "tag '!!int' is not supported");
	S_expect_load_error("a: !<tag:x,2000:t> 3\n", 1, 4,
			    "tag 'tag:x,2000:t' is not supported");
}

/* ---- diagnostics ----------------------------------------------------------- */

static void test_long_message_is_cut(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf key = KG_BUF_INIT;
	size_t i, len;

	(void)state;
	for (i = 0; i < 1000; i++)
		kg_buf_puts(&key, "\xc3\xa9"); /* é: two bytes each */
	kg_error(&d, (kg_mark){"f", 1, 1}, "unknown field '%s'", key.ptr);
	len = strlen(d.items[0].msg);
	assert_true(len <= KG_DIAG_MAX_MSG + 3);
	assert_string_equal(d.items[0].msg + len - 3, "...");
	/* cut between characters: "unknown field '" is 15 bytes, then é's */
	assert_int_equal((len - 3 - 15) % 2, 0);
	kg_buf_release(&key);
	kg_diags_free(&d);
}

/* ---- content limits ------------------------------------------------------- */

static void test_max_items(void **state)
{
	(void)state;
	assert_int_equal(kg_schema_max_items("questions"), KG_MAX_QUESTIONS);
	assert_int_equal(kg_schema_max_items("levels"), KG_MAX_LEVELS);
	assert_int_equal(kg_schema_max_items("weights"), KG_MAX_AREAS);
	assert_int_equal(kg_schema_max_items("red_flags"), KG_MAX_ITEMS);
}

static void test_text_limit(void **state)
{
	kg_buf src = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_node *root;
	size_t i, found = 0;

	(void)state;
	kg_buf_puts(&src, "exposes: ");
	for (i = 0; i < KG_MAX_TEXT / 8 + 1; i++)
		kg_buf_puts(&src, "abcdefgh");
	kg_buf_puts(&src, "\ntitle: short enough\n");
	root = kg_node_load_string("t.yaml", src.ptr, src.len, &d);
	assert_non_null(root);
	kg_schema_check(root, &kg_shape_topic, &d);
	for (i = 0; i < d.n; i++) {
		if (strcmp(d.items[i].msg, "'exposes' is 4008 bytes long; "
					   "a text may be at most 4000 bytes") == 0) {
			assert_int_equal(d.items[i].line, 1);
			assert_int_equal(d.items[i].col, 10);
			found++;
		}
		/* the short text passes */
		assert_null(strstr(d.items[i].msg, "'title'"));
	}
	assert_int_equal(found, 1);
	kg_node_free(root);
	kg_diags_free(&d);
	kg_buf_release(&src);
}

static void test_md_depth(void **state)
{
	kg_buf b = KG_BUF_INIT;
	int i;

	(void)state;
	assert_int_equal(kg_md_depth(""), 1);           /* the document */
	assert_int_equal(kg_md_depth("plain"), 3);      /* + paragraph, text */
	assert_int_equal(kg_md_depth("*a* `c`"), 4);    /* + emphasis */
	assert_int_equal(kg_md_depth("- a\n  - b"), 7); /* list, item, list, item */
	assert_int_equal(kg_md_depth("> ```\n> x\n> ```"), 3);
	for (i = 0; i < 61; i++)
		kg_buf_puts(&b, "> ");
	kg_buf_puts(&b, "x");
	assert_int_equal(kg_md_depth(b.ptr), KG_MAX_MD_DEPTH);
	kg_buf_release(&b);
}

/* A text at the nesting limit passes; one level more is refused. */
static void test_md_depth_limit(void **state)
{
	kg_buf src = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_node *root;
	size_t i, found;
	int quotes;

	(void)state;
	for (quotes = 61; quotes <= 62; quotes++) {
		kg_buf_reset(&src);
		kg_buf_puts(&src, "exposes: \"");
		for (i = 0; i < (size_t)quotes; i++)
			kg_buf_puts(&src, "> ");
		kg_buf_puts(&src, "deep\"\n");
		root = kg_node_load_string("t.yaml", src.ptr, src.len, &d);
		assert_non_null(root);
		kg_schema_check(root, &kg_shape_topic, &d);
		for (found = 0, i = 0; i < d.n; i++)
			found += strstr(d.items[i].msg, "nests Markdown") != NULL;
		assert_int_equal(found, quotes == 61 ? 0 : 1);
		kg_node_free(root);
		kg_diags_free(&d);
	}
	kg_buf_release(&src);
}

/* ---- all outputs or none ---------------------------------------------------- */

static char *S_read(const char *path)
{
	kg_buf b = KG_BUF_INIT;
	char chunk[256];
	size_t n;
	FILE *f = fopen(path, "rb");

	if (!f)
		return NULL;
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kg_buf_put(&b, chunk, n);
	fclose(f);
	return kg_buf_detach(&b, NULL);
}

static void test_write_files_all_or_none(void **state)
{
	char dir[] = "/tmp/kitgen-limits.XXXXXX";
	kg_buf a = KG_BUF_INIT, sub = KG_BUF_INIT, blocked = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_out_file files[3];
	char *text;
	FILE *f;

	(void)state;
	assert_non_null(mkdtemp(dir));
	kg_buf_printf(&a, "%s/a.md", dir);
	kg_buf_printf(&sub, "%s/new/b.md", dir);
	kg_buf_printf(&blocked, "%s/c.md", dir);
	f = fopen(a.ptr, "w");
	fputs("old", f);
	fclose(f);
	assert_int_equal(mkdir(blocked.ptr, 0777), 0); /* c.md is a folder */
	files[0] = (kg_out_file){a.ptr, "new", 3};
	files[1] = (kg_out_file){sub.ptr, "b", 1};
	files[2] = (kg_out_file){blocked.ptr, "c", 1};
	assert_int_equal(kg_write_files(files, 3, &d), -1);
	assert_int_equal(d.io_errors, 1);
	text = S_read(a.ptr);
	assert_string_equal(text, "old");        /* not replaced */
	free(text);
	kg_buf_reset(&sub);
	kg_buf_printf(&sub, "%s/new", dir);
	assert_int_equal(access(sub.ptr, F_OK), -1); /* the new folder went */
	/* and no temporary file is left: the folder holds a.md and c.md */
	kg_buf_reset(&sub);
	kg_buf_printf(&sub, "ls -A %s | wc -l | grep -qx 2", dir);
	assert_int_equal(system(sub.ptr), 0);
	/* without the folder in the way, all three are written */
	rmdir(blocked.ptr);
	kg_buf_reset(&sub);
	kg_buf_printf(&sub, "%s/new/b.md", dir);
	files[1].path = sub.ptr;
	assert_int_equal(kg_write_files(files, 3, &d), 0);
	text = S_read(a.ptr);
	assert_string_equal(text, "new");
	free(text);
	text = S_read(blocked.ptr);
	assert_string_equal(text, "c");
	free(text);
	kg_remove_tree(dir);
	kg_buf_release(&a);
	kg_buf_release(&sub);
	kg_buf_release(&blocked);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_output_limit),
		cmocka_unit_test(test_step_limit),
		cmocka_unit_test(test_partial_name_with_nul),
		cmocka_unit_test(test_key_not_text),
		cmocka_unit_test(test_reader_errors_name_the_character),
		cmocka_unit_test(test_core_tags_shown_short),
		cmocka_unit_test(test_long_message_is_cut),
		cmocka_unit_test(test_max_items),
		cmocka_unit_test(test_text_limit),
		cmocka_unit_test(test_md_depth),
		cmocka_unit_test(test_md_depth_limit),
		cmocka_unit_test(test_write_files_all_or_none),
	};

	return cmocka_run_group_tests_name("limits", tests, NULL, NULL);
}
