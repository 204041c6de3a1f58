/* test_shell.c - unit tests of shell.c: the page shell written around the
 * body (kg_shell_write through the Markdown and HTML writers), with shells
 * that show the body once, never, twice or escaped, content that looks
 * like the body markers the shell once used, and a body streamed to a
 * file in chunks */
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

#include "alloc.h"
#include "html_escape.h"
#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "formats.h"
#include "markdown.h"
#include "output.h"
#include "template.h"
#include "test_style.h"
#include "writer.h"

static char S_dir[64];

static int S_setup(void **state)
{
	char path[128];

	(void)state;
	strcpy(S_dir, "/tmp/kg-test-shell.XXXXXX");
	/* the HTML shell takes the brand's colours from the PDF style */
	if (!mkdtemp(S_dir) || kg_test_copy_style(S_dir) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/md", S_dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/html", S_dir);
	mkdir(path, 0777);
	return 0;
}

static int S_teardown(void **state)
{
	(void)state;
	kg_remove_tree(S_dir);
	return 0;
}

/* The shell of format: templates/<format>/document.mustache. */
static void S_shell(const char *format, const char *text)
{
	char path[128];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s/document.mustache", S_dir, format);
	f = fopen(path, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
}

/* A document with every metadata field "" and the title given. */
static kg_doc *S_doc(const char *title)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));
	char **field = (char **)(void *)&doc->meta;
	size_t i;

	for (i = 0; i < sizeof(doc->meta) / sizeof(char *); i++)
		field[i] = kg_xstrdup("");
	free(doc->meta.title);
	doc->meta.title = kg_xstrdup(title);
	doc->root = kg_block_new(KG_BLOCK_DOCUMENT);
	return doc;
}

/* n sections of a paragraph each: about 600 bytes a section. */
static kg_doc *S_long_doc(const char *title, size_t n)
{
	kg_doc *doc = S_doc(title);
	size_t i;

	for (i = 0; i < n; i++) {
		kg_block *s;
		char id[32];

		snprintf(id, sizeof(id), "s%zu", i);
		s = kg_add_section(doc->root, 1, id, "A section", 0);
		kg_add_prose(s, "Lorem *ipsum* dolor sit amet, consectetur "
				"adipiscing elit, sed do eiusmod tempor incididunt "
				"ut labore et dolore magna aliqua. Ut enim ad minim "
				"veniam, quis nostrud exercitation ullamco laboris "
				"nisi ut aliquip ex ea commodo consequat. Duis aute "
				"irure dolor in reprehenderit in voluptate velit esse "
				"cillum dolore eu fugiat nulla pariatur. Excepteur "
				"sint occaecat cupidatat non proident, sunt in culpa "
				"qui officia deserunt mollit anim id est laborum.");
	}
	return doc;
}

/* Write doc with w into a sink that keeps everything; 0 or -1. The caller
 * frees *page. */
static int S_write(const kg_writer *w, const kg_doc *doc, char **page,
		   kg_diags *d)
{
	kg_write_opts o = {S_dir, "a4", NULL};
	kg_sink out;
	int rc;

	kg_sink_init(&out, NULL);
	rc = w->write(doc, &o, &out, d);
	*page = kg_buf_detach(&out.buf, NULL);
	return rc;
}

/* The body alone, as a shell of just {{{body}}} shows it. */
static char *S_body_of(const kg_writer *w, const kg_doc *doc)
{
	kg_diags d = KG_DIAGS_INIT;
	char *page;

	S_shell(w->format->name, "{{{body}}}");
	assert_int_equal(S_write(w, doc, &page, &d), 0);
	kg_diags_free(&d);
	return page;
}

/* The page of doc under shell, which must succeed. */
static char *S_page(const kg_writer *w, const kg_doc *doc, const char *shell)
{
	kg_diags d = KG_DIAGS_INIT;
	char *page;

	S_shell(w->format->name, shell);
	assert_int_equal(S_write(w, doc, &page, &d), 0);
	assert_int_equal(d.n, 0);
	kg_diags_free(&d);
	return page;
}

static void test_body_once_is_trimmed(void **state)
{
	kg_doc *doc = S_long_doc("T", 3);
	char *body = S_body_of(&kg_writer_md, doc);
	char *page = S_page(&kg_writer_md, doc, "# {{title}}\n\n{{{body}}}\n");
	kg_buf want = KG_BUF_INIT;

	(void)state;
	assert_true(strlen(body) > 0);
	assert_true(body[strlen(body) - 1] != '\n'); /* the writer's "\n\n" went */
	kg_buf_printf(&want, "# T\n\n%s\n", body);
	assert_string_equal(page, want.ptr);
	kg_buf_release(&want);
	free(body);
	free(page);
	kg_doc_free(doc);
}

static void test_no_body_in_the_shell(void **state)
{
	kg_doc *doc = S_long_doc("T", 3);
	char *page = S_page(&kg_writer_html, doc, "<p>{{title}}: no body</p>\n");

	(void)state;
	assert_string_equal(page, "<p>T: no body</p>\n");
	free(page);
	kg_doc_free(doc);
}

/* The body twice: written twice, each trimmed, as the engine would have
 * shown the same value twice. */
static void test_body_twice(void **state)
{
	kg_doc *doc = S_long_doc("T", 2);
	char *body = S_body_of(&kg_writer_md, doc);
	char *page = S_page(&kg_writer_md, doc, "A{{{body}}}B{{&body}}C\n");
	kg_buf want = KG_BUF_INIT;

	(void)state;
	kg_buf_printf(&want, "A%sB%sC\n", body, body);
	assert_string_equal(page, want.ptr);
	kg_buf_release(&want);
	free(body);
	free(page);
	kg_doc_free(doc);
}

/* {{body}} escapes the body, as it escapes every other value. */
static void test_escaped_body(void **state)
{
	kg_doc *doc = S_long_doc("T", 2);
	char *body = S_body_of(&kg_writer_html, doc);
	char *page = S_page(&kg_writer_html, doc, "[{{body}}]|[{{{body}}}]\n");
	kg_buf want = KG_BUF_INIT;

	(void)state;
	assert_non_null(strstr(body, "<section"));
	kg_buf_putc(&want, '[');
	kg_html_escape(&want, body, strlen(body));
	kg_buf_printf(&want, "]|[%s]\n", body);
	assert_string_equal(page, want.ptr);
	assert_non_null(strstr(page, "&lt;section"));
	kg_buf_release(&want);
	free(body);
	free(page);
	kg_doc_free(doc);
}

/* Content that holds the first two markers, raw and (the Markdown
 * escape turns '<' into "\<") escaped: the shell takes the next pair, and
 * the title shows as it is. */
static void test_marker_in_content(void **state)
{
	const char *title = "x\001kitgen<body>0000\002y\001kitgen<body>0001\002z";
	kg_doc *doc = S_long_doc(title, 2);
	char *body = S_body_of(&kg_writer_md, doc);
	char *page = S_page(&kg_writer_md, doc, "{{{title}}}|{{title}}|{{{body}}}\n");
	kg_buf want = KG_BUF_INIT;

	(void)state;
	kg_buf_printf(&want, "%s|", title);
	kg_md_escape(&want, title, strlen(title));
	kg_buf_printf(&want, "|%s\n", body);
	assert_string_equal(page, want.ptr);
	kg_buf_release(&want);
	free(body);
	free(page);
	kg_doc_free(doc);
}

/* Content that holds what the shell once used as body markers (64 of
 * them made it give up): text like any other now, since the shell is
 * rendered once and the body goes where the template shows `body`. */
static void test_every_marker_in_content(void **state)
{
	kg_buf title = KG_BUF_INIT, want = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_doc *doc;
	char *page, *body;
	unsigned i;

	(void)state;
	for (i = 0; i < 64; i++)
		kg_buf_printf(&title, "\001kitgen<body>%04u\002", i);
	doc = S_long_doc(title.ptr, 1);
	body = S_body_of(&kg_writer_html, doc);
	S_shell("html", "{{{title}}}{{{body}}}\n");
	assert_int_equal(S_write(&kg_writer_html, doc, &page, &d), 0);
	assert_int_equal(d.errors, 0);
	kg_buf_printf(&want, "%s%s\n", title.ptr, body);
	assert_string_equal(page, want.ptr);
	free(page);
	free(body);
	kg_diags_free(&d);
	kg_buf_release(&title);
	kg_buf_release(&want);
	kg_doc_free(doc);
}

/* A template error: reported, nothing written. */
static void test_shell_error_writes_nothing(void **state)
{
	kg_doc *doc = S_long_doc("T", 1);
	kg_diags d = KG_DIAGS_INIT;
	char *page;

	(void)state;
	S_shell("md", "{{#title}}\n{{{body}}}\n");
	assert_int_equal(S_write(&kg_writer_md, doc, &page, &d), -1);
	assert_int_equal(d.errors, 1);
	assert_string_equal(page, "");
	free(page);
	kg_diags_free(&d);
	kg_doc_free(doc);
}

/* The same page, whether it stays in memory or goes to a file a chunk at
 * a time, for a body many chunks long. */
static void S_streamed_is_whole(const kg_writer *w, const char *shell)
{
	kg_doc *doc = S_long_doc("T", 1000);
	kg_write_opts o = {S_dir, "a4", NULL};
	kg_diags d = KG_DIAGS_INIT;
	char *whole = S_page(w, doc, shell);
	kg_buf got = KG_BUF_INIT;
	char chunk[4096];
	FILE *f = tmpfile();
	kg_sink out;
	size_t n, size;

	assert_non_null(f);
	assert_true(strlen(whole) > 4 * KG_SINK_CHUNK);
	kg_sink_init(&out, f);
	assert_int_equal(w->write(doc, &o, &out, &d), 0);
	assert_true(out.drained > 0);
	assert_true(out.buf.len < 2 * KG_SINK_CHUNK);
	size = kg_sink_tell(&out);
	assert_int_equal(kg_sink_flush(&out), 0);
	rewind(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kg_buf_put(&got, chunk, n);
	assert_int_equal(got.len, size);
	assert_string_equal(got.ptr, whole);
	kg_buf_release(&got);
	kg_sink_release(&out);
	fclose(f);
	free(whole);
	kg_diags_free(&d);
	kg_doc_free(doc);
}

static void test_streamed_md(void **state)
{
	(void)state;
	S_streamed_is_whole(&kg_writer_md, "# {{title}}\n\n{{{body}}}\n");
}

static void test_streamed_html(void **state)
{
	(void)state;
	S_streamed_is_whole(&kg_writer_html, "<main>\n{{{body}}}\n</main>\n");
}

/* Trimming never reaches back into the shell before the body. */
static void test_blank_body_keeps_the_head(void **state)
{
	kg_doc *doc = S_doc("T");
	char *page = S_page(&kg_writer_md, doc, "head \n\n{{{body}}}|\n");

	(void)state;
	assert_string_equal(page, "head \n\n|\n");
	free(page);
	kg_doc_free(doc);
}

/* formats.h's table and the writers list the same formats in the same
 * order: what names files (outnames.c) and what writes them agree. */
static void test_writers_follow_the_formats(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; kg_formats[i]; i++) {
		assert_non_null(kg_writers[i]);
		assert_ptr_equal(kg_writers[i]->format, kg_formats[i]);
	}
	assert_null(kg_writers[i]);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_body_once_is_trimmed),
		cmocka_unit_test(test_no_body_in_the_shell),
		cmocka_unit_test(test_body_twice),
		cmocka_unit_test(test_escaped_body),
		cmocka_unit_test(test_marker_in_content),
		cmocka_unit_test(test_every_marker_in_content),
		cmocka_unit_test(test_shell_error_writes_nothing),
		cmocka_unit_test(test_streamed_md),
		cmocka_unit_test(test_streamed_html),
		cmocka_unit_test(test_blank_body_keeps_the_head),
		cmocka_unit_test(test_writers_follow_the_formats),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
