/* test_template.c - unit tests of template.c beyond the Mustache spec */
#define _POSIX_C_SOURCE 200809L /* mkdtemp, mkdir */

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
#include "template.h"
#include "yaml_load.h"

/* Partials for a test: a map from name to source; a partial's file is
 * shown as NAME.mustache. */
static int S_map_partial(void *ctx, const char *name, kg_buf *out,
			 const char **file)
{
	static char shown[128];
	const char *src = kg_node_str(ctx, name);

	if (!src)
		return -1;
	kg_buf_puts(out, src);
	snprintf(shown, sizeof(shown), "%s.mustache", name);
	*file = shown;
	return 0;
}

struct run {
	kg_buf out;
	kg_diags d;
	int rc;
};

static void S_render(struct run *r, const char *src, const kg_node *data,
		     const kg_template_opts *opts)
{
	kg_buf_init(&r->out);
	memset(&r->d, 0, sizeof(r->d));
	r->rc = kg_template_render("t.mustache", src, strlen(src), data, opts,
				   &r->out, &r->d);
}

static void S_done(struct run *r)
{
	kg_buf_release(&r->out);
	kg_diags_free(&r->d);
}

static void S_expect_diag(const struct run *r, size_t i, const char *file,
			  unsigned line, unsigned col, const char *msg)
{
	assert_true(i < r->d.n);
	assert_int_equal(r->d.items[i].sev, KG_SEV_ERROR);
	assert_string_equal(r->d.items[i].file, file);
	assert_int_equal(r->d.items[i].line, line);
	assert_int_equal(r->d.items[i].col, col);
	assert_string_equal(r->d.items[i].msg, msg);
}

/* src must fail to parse with exactly one error, and print nothing. */
static void S_expect_error(const char *src, unsigned line, unsigned col,
			   const char *msg)
{
	struct run r;

	S_render(&r, src, NULL, NULL);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	S_expect_diag(&r, 0, "t.mustache", line, col, msg);
	assert_int_equal(r.out.len, 0);
	S_done(&r);
}

static void S_expect_output(const char *src, const kg_node *data,
			    const kg_template_opts *opts, const char *want)
{
	struct run r;

	S_render(&r, src, data, opts);
	if (r.rc)
		kg_diags_print(&r.d, stderr, 0);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.d.n, 0);
	assert_string_equal(r.out.ptr, want);
	S_done(&r);
}

/* ---- escaping --------------------------------------------------------- */

static void test_escape_html_default(void **state)
{
	kg_node *data = kg_node_new_map();

	(void)state;
	kg_node_set_str(data, "x", "<a href=\"u\">Tom & 'Jerry'</a>");
	S_expect_output("{{x}}|{{{x}}}|{{&x}}", data, NULL,
			"&lt;a href=&quot;u&quot;&gt;"
			"Tom &amp; &#39;Jerry&#39;&lt;/a&gt;"
			"|<a href=\"u\">Tom & 'Jerry'</a>"
			"|<a href=\"u\">Tom & 'Jerry'</a>");
	kg_node_free(data);
}

static void S_brackets(kg_buf *out, const char *s, size_t len)
{
	kg_buf_putc(out, '[');
	kg_buf_put(out, s, len);
	kg_buf_putc(out, ']');
}

static void test_escape_custom(void **state)
{
	kg_template_opts opts = {S_brackets, NULL, NULL, false, NULL};
	kg_node *data = kg_node_new_map();

	(void)state;
	kg_node_set_str(data, "x", "a*b<");
	S_expect_output("{{x}} {{{x}}} {{&x}}", data, &opts,
			"[a*b<] a*b< a*b<");
	kg_node_free(data);
}

static void test_no_opts_no_data(void **state)
{
	(void)state;
	S_expect_output("a{{x}}b{{#x}}no{{/x}}{{^x}}yes{{/x}}{{>p}}", NULL,
			NULL, "abyes");
}

/* ---- syntax errors ---------------------------------------------------- */

static void test_unclosed_section(void **state)
{
	(void)state;
	S_expect_error("text first\n  {{#items}}\nbody\n", 2, 3,
		       "unclosed section 'items'");
}

static void test_mismatched_close(void **state)
{
	(void)state;
	/* closing an outer section closes the inner one too: one error */
	S_expect_error("{{#a}}\n  {{#b}}x{{/a}}", 2, 10,
		       "section 'b' closed by 'a'");
}

static void test_mismatched_close_unknown(void **state)
{
	struct run r;

	(void)state;
	S_render(&r, "{{#a}}\n{{/b}}\n", NULL, NULL);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 2);
	S_expect_diag(&r, 0, "t.mustache", 2, 1, "section 'a' closed by 'b'");
	S_expect_diag(&r, 1, "t.mustache", 1, 1, "unclosed section 'a'");
	S_done(&r);
}

static void test_close_without_open(void **state)
{
	(void)state;
	S_expect_error("ab\n {{/x}}", 2, 2,
		       "section 'x' closed but never opened");
}

static void test_unclosed_tag(void **state)
{
	(void)state;
	S_expect_error("ok\nok {{name", 2, 4,
		       "unclosed tag (no '}}' after it)");
	S_expect_error("{{{name}}", 1, 1, "unclosed tag (no '}}}' after it)");
	S_expect_error("{{=<% %>=}}\n<%name", 2, 1,
		       "unclosed tag (no '%>' after it)");
}

static void test_bad_delimiters(void **state)
{
	(void)state;
	S_expect_error("x {{=<% %> |=}}", 1, 3,
		       "bad set-delimiter tag (want '{{=OPEN CLOSE=}}')");
	S_expect_error("{{=<%=}}", 1, 1,
		       "bad set-delimiter tag (want '{{=OPEN CLOSE=}}')");
	S_expect_error("{{= =}}", 1, 1,
		       "bad set-delimiter tag (want '{{=OPEN CLOSE=}}')");
	/* no '=' before the closing delimiter */
	S_expect_error("{{=<% %>}}", 1, 1,
		       "bad set-delimiter tag (want '{{=OPEN CLOSE=}}')");
	S_expect_error("{{=[ ]=}}\n  [=<% %>]", 2, 3,
		       "bad set-delimiter tag (want '[=OPEN CLOSE=]')");
}

static void test_empty_name(void **state)
{
	(void)state;
	S_expect_error("a {{}}", 1, 3, "empty tag name");
	S_expect_error("a {{ }}", 1, 3, "empty tag name");
	S_expect_error("{{{ }}}", 1, 1, "empty tag name");
	S_expect_error("{{& }}", 1, 1, "empty tag name");
	S_expect_error("{{> }}", 1, 1, "empty tag name");
}

static void test_bad_name(void **state)
{
	(void)state;
	S_expect_error("{{a b}}", 1, 1, "bad tag name 'a b'");
	S_expect_error("{{a..b}}", 1, 1, "bad tag name 'a..b'");
	S_expect_error("{{.a}}", 1, 1, "bad tag name '.a'");
	S_expect_error("{{a.}}", 1, 1, "bad tag name 'a.'");
}

static void test_column_counts_characters(void **state)
{
	(void)state;
	S_expect_error("\xc3\xa9\xe2\x82\xac {{/x}}", 1, 4,
		       "section 'x' closed but never opened");
	S_expect_error("{{! a\nmultiline comment }} {{/x}}", 2, 22,
		       "section 'x' closed but never opened");
}

static void test_all_errors_reported_in_order(void **state)
{
	struct run r;

	(void)state;
	S_render(&r, "{{/a}}\n{{}}\n{{#b}}\n{{x y}}\n", NULL, NULL);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 4);
	S_expect_diag(&r, 0, "t.mustache", 1, 1,
		      "section 'a' closed but never opened");
	S_expect_diag(&r, 1, "t.mustache", 2, 1, "empty tag name");
	S_expect_diag(&r, 2, "t.mustache", 4, 1, "bad tag name 'x y'");
	S_expect_diag(&r, 3, "t.mustache", 3, 1, "unclosed section 'b'");
	assert_int_equal(r.out.len, 0);
	S_done(&r);
}

static void test_section_nesting_limit(void **state)
{
	kg_buf src = KG_BUF_INIT;
	struct run r;
	int i;

	(void)state;
	for (i = 0; i < KG_TEMPLATE_MAX_SECTION_DEPTH + 1; i++)
		kg_buf_puts(&src, "{{#a}}");
	for (i = 0; i < KG_TEMPLATE_MAX_SECTION_DEPTH + 1; i++)
		kg_buf_puts(&src, "{{/a}}");
	S_render(&r, src.ptr, NULL, NULL);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 1);
	S_expect_diag(&r, 0, "t.mustache", 1,
		      6 * KG_TEMPLATE_MAX_SECTION_DEPTH + 1,
		      "sections nest deeper than 100");
	S_done(&r);
	kg_buf_release(&src);
}

/* ---- partials --------------------------------------------------------- */

static void test_error_in_partial_names_partial(void **state)
{
	kg_node *parts = kg_node_new_map();
	kg_template_opts opts = {NULL, S_map_partial, NULL, false, NULL};
	struct run r;

	(void)state;
	opts.partial_ctx = parts;
	kg_node_set_str(parts, "p", "line\n {{#y}}\n");
	S_render(&r, "before {{>p}}", NULL, &opts);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 1);
	S_expect_diag(&r, 0, "p.mustache", 2, 2, "unclosed section 'y'");
	assert_int_equal(r.out.len, 0);
	S_done(&r);
	kg_node_free(parts);
}

static void test_missing_partial(void **state)
{
	kg_node *parts = kg_node_new_map();
	kg_template_opts opts = {NULL, S_map_partial, NULL, true, NULL};
	struct run r;

	(void)state;
	opts.partial_ctx = parts;
	kg_node_set_str(parts, "p", "{{>nope}}");
	/* strict: an error where it is first named, even in a section that
	 * would not be rendered, and only once */
	S_render(&r, "a\n{{#x}} {{>p}}{{>nope}}{{/x}}", NULL, &opts);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 1);
	S_expect_diag(&r, 0, "t.mustache", 2, 14, "partial 'nope' not found");
	S_done(&r);
	/* not strict: it renders as "" */
	opts.strict = false;
	S_expect_output("a{{>nope}}b{{>p}}c", NULL, &opts, "abc");
	/* no callback at all */
	opts.partial = NULL;
	opts.strict = true;
	S_render(&r, "{{>p}}", NULL, &opts);
	assert_int_equal(r.rc, -1);
	S_expect_diag(&r, 0, "t.mustache", 1, 1, "partial 'p' not found");
	S_done(&r);
	kg_node_free(parts);
}

static int S_counting_partial(void *ctx, const char *name, kg_buf *out,
			      const char **file)
{
	(*(int *)ctx)++;
	(void)file;
	kg_buf_printf(out, "<%s:{{.}}>", name);
	return 0;
}

/* A list of n maps {n: "i"}. */
static kg_node *S_items(int n)
{
	kg_node *seq = kg_node_new_seq();
	char num[16];
	int i;

	for (i = 0; i < n; i++) {
		kg_node *m = kg_node_new_map();

		snprintf(num, sizeof(num), "%d", i);
		kg_node_set_str(m, "n", num);
		kg_node_push(seq, m);
	}
	return seq;
}

static void test_partial_loaded_once(void **state)
{
	kg_node *data = kg_node_new_map();
	int calls = 0;
	kg_template_opts opts = {NULL, S_counting_partial, &calls, true, NULL};
	kg_node *list = kg_node_new_seq();

	(void)state;
	kg_node_push(list, kg_node_new_str("a"));
	kg_node_push(list, kg_node_new_str("b"));
	kg_node_push(list, kg_node_new_str("c"));
	kg_node_set(data, "l", list);
	/* the last one shows the root map, which interpolates as "" */
	S_expect_output("{{#l}}{{>q}}{{/l}}{{>q}}", data, &opts,
			"<q:a><q:b><q:c><q:>");
	assert_int_equal(calls, 1);
	kg_node_free(data);
}

static void test_nested_standalone_indentation(void **state)
{
	kg_node *parts = kg_node_new_map();
	kg_template_opts opts = {NULL, S_map_partial, NULL, true, NULL};

	(void)state;
	opts.partial_ctx = parts;
	kg_node_set_str(parts, "a", "x\n  {{>b}}\n\nw {{>b}}\n");
	kg_node_set_str(parts, "b", "y\nz\n");
	/* a standalone partial in an indented one adds its own indentation;
	 * an inline one is not indented; empty lines are indented too */
	S_expect_output("  {{>a}}\nend", NULL, &opts,
			"  x\n    y\n    z\n  \n  w y\nz\n\nend");
	kg_node_free(parts);
}

/* n nested maps {c: [ {c: [ ... {c: []} ]} ]}: n levels of section c. */
static kg_node *S_nested(int n)
{
	kg_node *inner = kg_node_new_map();
	int i;

	kg_node_set(inner, "c", kg_node_new_seq());
	for (i = 0; i < n; i++) {
		kg_node *m = kg_node_new_map();
		kg_node *seq = kg_node_new_seq();

		kg_node_push(seq, inner);
		kg_node_set(m, "c", seq);
		inner = m;
	}
	return inner;
}

static void test_recursion_limit(void **state)
{
	kg_node *parts = kg_node_new_map();
	kg_template_opts opts = {NULL, S_map_partial, NULL, false, NULL};
	kg_node *data;
	kg_buf want = KG_BUF_INIT;
	struct run r;
	int i;

	(void)state;
	opts.partial_ctx = parts;
	kg_node_set_str(parts, "r", "x{{>r}}");
	kg_node_set_str(parts, "n", "<{{#c}}{{>n}}{{/c}}>");

	/* a partial that always includes itself */
	S_render(&r, "{{>r}}", NULL, &opts);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 1);
	S_expect_diag(&r, 0, "r.mustache", 1, 2,
		      "partials nest deeper than 64 (partial 'r')");
	S_done(&r);

	/* recursion that ends with the data: 64 levels are fine ... */
	data = S_nested(KG_TEMPLATE_MAX_PARTIAL_DEPTH - 1);
	for (i = 0; i < KG_TEMPLATE_MAX_PARTIAL_DEPTH; i++)
		kg_buf_putc(&want, '<');
	for (i = 0; i < KG_TEMPLATE_MAX_PARTIAL_DEPTH; i++)
		kg_buf_putc(&want, '>');
	S_expect_output("{{>n}}", data, &opts, want.ptr);
	kg_node_free(data);

	/* ... 65 are not */
	data = S_nested(KG_TEMPLATE_MAX_PARTIAL_DEPTH);
	S_render(&r, "{{>n}}", data, &opts);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 1);
	S_expect_diag(&r, 0, "n.mustache", 1, 8,
		      "partials nest deeper than 64 (partial 'n')");
	S_done(&r);
	kg_node_free(data);
	kg_buf_release(&want);
	kg_node_free(parts);
}

static void S_write(const char *dir, const char *name, const char *text)
{
	kg_buf path = KG_BUF_INIT;
	FILE *f;

	kg_buf_printf(&path, "%s/%s", dir, name);
	f = fopen(path.ptr, "w");
	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	kg_buf_release(&path);
}

static void S_remove(const char *dir, const char *name)
{
	kg_buf path = KG_BUF_INIT;

	kg_buf_printf(&path, "%s/%s", dir, name);
	assert_int_equal(remove(path.ptr), 0);
	kg_buf_release(&path);
}

/* In a fresh directory: x.mustache, and in its partials directory p/:
 * y.mustache, bad.mustache, .h.mustache and a/b.mustache, so that every
 * refused name would otherwise be found. */
static void test_partial_from_dir(void **state)
{
	char top[] = "/tmp/kg_template_XXXXXX";
	kg_buf dir = KG_BUF_INIT, want = KG_BUF_INIT, out = KG_BUF_INIT;
	kg_template_opts opts = {NULL, kg_template_partial_from_dir, NULL,
				 true, NULL};
	const char *file = NULL;
	kg_node *data = kg_node_new_map();
	kg_diags pdiags = KG_DIAGS_INIT;
	kg_partial_dir pd = {NULL, &pdiags};
	void *ctx = &pd;
	struct run r;

	(void)state;
	assert_non_null(mkdtemp(top));
	kg_buf_printf(&dir, "%s/p", top);
	assert_int_equal(mkdir(dir.ptr, 0700), 0);
	kg_buf_puts(&dir, "/a");
	assert_int_equal(mkdir(dir.ptr, 0700), 0);
	kg_buf_reset(&dir);
	kg_buf_printf(&dir, "%s/p", top);
	S_write(top, "x.mustache", "outside\n");
	S_write(dir.ptr, "y.mustache", "hi {{n}}\n");
	S_write(dir.ptr, "bad.mustache", "ok\n  {{/y}}\n");
	S_write(dir.ptr, ".h.mustache", "hidden\n");
	S_write(dir.ptr, "a/b.mustache", "nested\n");
	pd.dir = dir.ptr;
	opts.partial_ctx = ctx;

	/* refused names leave out and *file alone */
	assert_int_equal(kg_template_partial_from_dir(ctx, "../x", &out, &file),
			 -1);
	assert_int_equal(kg_template_partial_from_dir(ctx, "a/b", &out, &file),
			 -1);
	assert_int_equal(kg_template_partial_from_dir(ctx, ".h", &out, &file),
			 -1);
	assert_int_equal(kg_template_partial_from_dir(ctx, "", &out, &file), -1);
	assert_int_equal(kg_template_partial_from_dir(ctx, "no", &out, &file),
			 -1);
	assert_int_equal(out.len, 0);
	assert_null(file);
	assert_int_equal(pdiags.n, 0);

	/* one that is there but is no regular file is reported: -2 */
	kg_buf_printf(&want, "%s/f.mustache", dir.ptr);
	assert_int_equal(mkfifo(want.ptr, 0600), 0);
	assert_int_equal(kg_template_partial_from_dir(ctx, "f", &out, &file), -2);
	assert_int_equal(out.len, 0);
	assert_int_equal(pdiags.n, 1);
	assert_string_equal(pdiags.items[0].file, want.ptr);
	assert_string_equal(pdiags.items[0].msg, "is a FIFO, not a regular file");
	assert_int_equal(pdiags.io_errors, 1);
	assert_int_equal(unlink(want.ptr), 0);
	kg_buf_reset(&want);
	kg_diags_free(&pdiags);

	assert_int_equal(kg_template_partial_from_dir(ctx, "y", &out, &file), 0);
	assert_string_equal(out.ptr, "hi {{n}}\n");
	kg_buf_printf(&want, "%s/y.mustache", dir.ptr);
	assert_string_equal(file, want.ptr);

	kg_node_set_str(data, "n", "there");
	S_expect_output("[{{>y}}]", data, &opts, "[hi there\n]");

	S_render(&r, "{{>y}}\n{{>../x}}", data, &opts);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 1);
	S_expect_diag(&r, 0, "t.mustache", 2, 1, "partial '../x' not found");
	S_done(&r);

	/* a partial's diagnostics name its file */
	kg_buf_reset(&want);
	kg_buf_printf(&want, "%s/bad.mustache", dir.ptr);
	S_render(&r, "{{>bad}}", data, &opts);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.n, 1);
	S_expect_diag(&r, 0, want.ptr, 2, 3,
		      "section 'y' closed but never opened");
	S_done(&r);

	S_remove(dir.ptr, "a/b.mustache");
	S_remove(dir.ptr, "a");
	S_remove(dir.ptr, ".h.mustache");
	S_remove(dir.ptr, "bad.mustache");
	S_remove(dir.ptr, "y.mustache");
	S_remove(top, "p");
	S_remove(top, "x.mustache");
	assert_int_equal(remove(top), 0);
	kg_buf_release(&dir);
	kg_buf_release(&want);
	kg_buf_release(&out);
	kg_node_free(data);
}

/* ---- data ------------------------------------------------------------- */

static void test_large_list(void **state)
{
	const int n = 5000;
	kg_node *data = kg_node_new_map();
	kg_buf want = KG_BUF_INIT;
	int i;

	(void)state;
	kg_node_set(data, "items", S_items(n));
	kg_node_set_str(data, "sep", ";");
	kg_buf_puts(&want, "start\n");
	for (i = 0; i < n; i++)
		kg_buf_printf(&want, "- %d%s\n", i, ";");
	kg_buf_puts(&want, "end\n");
	S_expect_output("start\n{{#items}}\n- {{n}}{{sep}}\n{{/items}}\nend\n",
			data, NULL, want.ptr);
	kg_buf_release(&want);
	kg_node_free(data);
}

static void test_lists_and_maps_interpolate_empty(void **state)
{
	kg_node *data = kg_node_new_map();

	(void)state;
	kg_node_set(data, "l", S_items(2));
	kg_node_set(data, "m", kg_node_new_map());
	S_expect_output("[{{l}}][{{{m}}}]", data, NULL, "[][]");
	kg_node_free(data);
}

/* ---- the render hook ------------------------------------------------- */

/* A hook that writes "<B>" or, escaped, "[B]", then empties out as a
 * sink's drain would, keeping what it emptied in ctx. */
static void S_hook_write(void *ctx, bool escaped, kg_buf *out)
{
	kg_buf *drained = ctx;

	kg_buf_puts(out, escaped ? "[B]" : "<B>");
	kg_buf_put(drained, out->ptr, out->len);
	kg_buf_reset(out);
}

/* The hook's value, wherever the context rules find it, calls the hook
 * ({{x}} escaped, {{{x}}} and {{&x}} raw); a key of the same name that
 * shadows it does not; the engine keeps appending after the hook emptied
 * out. */
static void test_hook(void **state)
{
	kg_node *data = kg_node_new_map(), *inner = kg_node_new_map();
	kg_buf drained = KG_BUF_INIT;
	kg_template_hook hook = {NULL, S_hook_write, &drained};
	const char *src = "a{{body}}b{{{body}}}c{{&body}}"
			  "{{#t}}d{{body}}{{/t}}{{#inner}}e{{body}}{{/inner}}f";
	struct run r;

	(void)state;
	kg_node_set_str(data, "body", "unseen");
	kg_node_set_str(data, "t", "yes");
	kg_node_set_str(inner, "body", "shadow");
	kg_node_set(data, "inner", inner);
	hook.value = kg_node_get(data, "body");
	kg_buf_init(&r.out);
	memset(&r.d, 0, sizeof(r.d));
	r.rc = kg_template_render_hooked("t.mustache", src, strlen(src), data,
					 NULL, &hook, &r.out, &r.d);
	assert_int_equal(r.rc, 0);
	kg_buf_put(&drained, r.out.ptr, r.out.len);
	assert_string_equal(drained.ptr, "a[B]b<B>c<B>d[B]eshadowf");
	kg_buf_release(&drained);
	kg_node_free(data);
	S_done(&r);
}

/* A hook's output does not count against the output limit; the engine's
 * own output still does, with out cut back to it past the hook's bytes. */
static void S_big_write(void *ctx, bool escaped, kg_buf *out)
{
	(void)ctx;
	(void)escaped;
	for (size_t i = 0; i < 100; i++)
		kg_buf_puts(out, "0123456789");
}

static void test_hook_output_not_limited(void **state)
{
	kg_node *data = kg_node_new_map();
	kg_template_hook hook = {NULL, S_big_write, NULL};
	struct run r;

	(void)state;
	kg_node_set_str(data, "body", "");
	kg_node_set_str(data, "x", "0123456789");
	hook.value = kg_node_get(data, "body");
	kg_buf_init(&r.out);
	memset(&r.d, 0, sizeof(r.d));
	kg_template_set_limits(50, 0);
	r.rc = kg_template_render_hooked("t.mustache", "{{body}}{{x}}{{x}}", 18,
					 data, NULL, &hook, &r.out, &r.d);
	assert_int_equal(r.rc, 0);
	assert_int_equal(r.out.len, 1000 + 20);
	kg_buf_reset(&r.out);
	kg_diags_free(&r.d);
	memset(&r.d, 0, sizeof(r.d));
	r.rc = kg_template_render_hooked("t.mustache",
					 "{{x}}{{body}}{{x}}{{x}}{{x}}{{x}}{{x}}.",
					 38, data, NULL, &hook, &r.out, &r.d);
	kg_template_set_limits(0, 0);
	assert_int_equal(r.rc, -1);
	assert_int_equal(r.d.errors, 1);
	assert_string_equal(r.d.items[0].msg, "output larger than 50 bytes "
			    "(partials or sections repeat too often)");
	/* 10 of x, the hook's 1000, then x up to 50 bytes of the engine's */
	assert_int_equal(r.out.len, 1000 + 50);
	kg_node_free(data);
	S_done(&r);
}

/* Truthiness and a scalar's text, straight from the engine's two rules
 * (the spec's cases check them through templates). */
static void test_truthy_and_scalar_text(void **state)
{
	const char *src = "n1: null\nn2: ~\nb: false\nB: True\nf: 1.210\n"
			  "s: 'false'\nl: []\nm: {}\nes: ''\n";
	kg_diags d = KG_DIAGS_INIT;
	kg_node *n = kg_node_load_string("t.yaml", src, strlen(src), &d);
	kg_node *built = kg_node_new_map();
	kg_buf b = KG_BUF_INIT;

	(void)state;
	assert_non_null(n);
	assert_false(kg_template_truthy(kg_node_get(n, "n1")));
	assert_false(kg_template_truthy(kg_node_get(n, "n2")));
	assert_false(kg_template_truthy(kg_node_get(n, "b")));
	assert_true(kg_template_truthy(kg_node_get(n, "B")));
	assert_true(kg_template_truthy(kg_node_get(n, "s")));
	assert_false(kg_template_truthy(kg_node_get(n, "l")));
	assert_true(kg_template_truthy(kg_node_get(n, "m")));
	assert_false(kg_template_truthy(kg_node_get(n, "es")));
	assert_false(kg_template_truthy(kg_node_get(n, "absent")));
	kg_template_scalar_text(kg_node_get(n, "f"), &b);
	assert_string_equal(b.ptr, "1.21");
	kg_buf_reset(&b);
	kg_template_scalar_text(kg_node_get(n, "n1"), &b);
	assert_string_equal(b.ptr, "");
	kg_buf_release(&b);
	kg_node_set_bool(built, "flag", false);
	assert_false(kg_template_truthy(kg_node_get(built, "flag")));
	kg_node_free(built);
	kg_node_free(n);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_escape_html_default),
		cmocka_unit_test(test_escape_custom),
		cmocka_unit_test(test_no_opts_no_data),
		cmocka_unit_test(test_unclosed_section),
		cmocka_unit_test(test_mismatched_close),
		cmocka_unit_test(test_mismatched_close_unknown),
		cmocka_unit_test(test_close_without_open),
		cmocka_unit_test(test_unclosed_tag),
		cmocka_unit_test(test_bad_delimiters),
		cmocka_unit_test(test_empty_name),
		cmocka_unit_test(test_bad_name),
		cmocka_unit_test(test_column_counts_characters),
		cmocka_unit_test(test_all_errors_reported_in_order),
		cmocka_unit_test(test_section_nesting_limit),
		cmocka_unit_test(test_error_in_partial_names_partial),
		cmocka_unit_test(test_missing_partial),
		cmocka_unit_test(test_partial_loaded_once),
		cmocka_unit_test(test_nested_standalone_indentation),
		cmocka_unit_test(test_recursion_limit),
		cmocka_unit_test(test_partial_from_dir),
		cmocka_unit_test(test_large_list),
		cmocka_unit_test(test_lists_and_maps_interpolate_empty),
		cmocka_unit_test(test_hook),
		cmocka_unit_test(test_hook_output_not_limited),
		cmocka_unit_test(test_truthy_and_scalar_text),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
