/* mustache_spec.c - runs the Mustache spec's YAML tests against template.c */
/*
 * Usage: mustache_spec FILE.yml...
 * Each file holds `tests`, a list of {name, data, template, partials,
 * expected}. Every failure is printed with what was expected and what came
 * out; the last line is "N passed, M failed". Exit status 0 only when
 * nothing failed (a file that does not load counts as one failure).
 */
#include <stdio.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "node.h"
#include "template.h"
#include "yaml_load.h"

/* The partials map of a test is the callback's context. */
static int S_partial(void *ctx, const char *name, kg_buf *out,
		     const char **file)
{
	const kg_node *v = kg_node_get(ctx, name);

	if (!v || v->kind != KG_NODE_SCALAR)
		return -1;
	kg_buf_put(out, v->text, v->len);
	*file = name;
	return 0;
}

/* Print s with control characters escaped, so whitespace differences show. */
static void S_show(const char *label, const char *s, size_t len)
{
	size_t i;

	printf("  %s: \"", label);
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '\n')
			fputs("\\n", stdout);
		else if (c == '\r')
			fputs("\\r", stdout);
		else if (c == '\t')
			fputs("\\t", stdout);
		else if (c == '"' || c == '\\')
			printf("\\%c", c);
		else if (c < 0x20)
			printf("\\x%02x", c);
		else
			putchar(c);
	}
	puts("\"");
}

/* Run one test; returns 0 when it passed. */
static int S_run_test(const char *path, const kg_node *test)
{
	const char *name = kg_node_str(test, "name");
	const kg_node *tpl = kg_node_get(test, "template");
	const kg_node *want = kg_node_get(test, "expected");
	kg_template_opts opts = {NULL, S_partial, NULL, false, NULL};
	kg_buf out = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	int rc;

	if (!name)
		name = "(unnamed)";
	if (!tpl || tpl->kind != KG_NODE_SCALAR || !want ||
	    want->kind != KG_NODE_SCALAR) {
		printf("FAIL %s: %s: no template or expected text\n", path,
		       name);
		return -1;
	}
	opts.partial_ctx = (void *)kg_node_get(test, "partials");
	rc = kg_template_render(name, tpl->text, tpl->len,
				kg_node_get(test, "data"), &opts, &out, &d);
	if (rc == 0 && out.len == want->len &&
	    memcmp(out.ptr, want->text, out.len) == 0) {
		kg_buf_release(&out);
		kg_diags_free(&d);
		return 0;
	}
	printf("FAIL %s: %s\n", path, name);
	S_show("expected", want->text, want->len);
	if (rc == 0)
		S_show("got", out.ptr, out.len);
	else
		kg_diags_print(&d, stdout, 0);
	kg_buf_release(&out);
	kg_diags_free(&d);
	return -1;
}

int main(int argc, char **argv)
{
	unsigned long passed = 0, failed = 0;
	int i;

	if (argc < 2) {
		fprintf(stderr, "usage: %s FILE.yml...\n", argv[0]);
		return 2;
	}
	for (i = 1; i < argc; i++) {
		kg_diags d = KG_DIAGS_INIT;
		kg_node *root = kg_node_load_data_file(argv[i], &d);
		const kg_node *tests = kg_node_get(root, "tests");
		size_t j;

		if (!tests || tests->kind != KG_NODE_SEQ) {
			kg_diags_print(&d, stdout, 0);
			printf("FAIL %s: no list of tests\n", argv[i]);
			failed++;
		} else {
			for (j = 0; j < tests->n; j++) {
				if (S_run_test(argv[i], tests->items[j]) == 0)
					passed++;
				else
					failed++;
			}
		}
		kg_node_free(root);
		kg_diags_free(&d);
	}
	printf("%lu passed, %lu failed\n", passed, failed);
	return failed ? 1 : 0;
}
