/* test_pdf_style.c - unit tests of the `papers` table of
 * templates/pdf/style.yaml (pdf_style.c): the paper sizes a build may
 * name, found in any case, extendable, and every bad entry an error with
 * its place; and its `colours` as the HTML's template data */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "node.h"
#include "pdf_style.h"

/* A style file holding text, its papers loaded. */
static int S_papers(const char *text, kg_pdf_style *st, kg_diags *d)
{
	static const char path[] = "build/test_pdf_style-style.yaml";
	FILE *f = fopen(path, "w");

	assert_non_null(f);
	fputs(text, f);
	fclose(f);
	return kg_pdf_style_load_papers(path, st, d);
}

/* The shipped style: a4 (first: the default) and letter, as before. */
static void test_shipped_papers(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;
	kg_buf names = KG_BUF_INIT;

	(void)state;
	assert_int_equal(kg_pdf_style_load("templates/pdf/style.yaml", &st, &d), 0);
	assert_int_equal(st.npapers, 2);
	assert_string_equal(st.papers[0].name, "a4");
	assert_true(st.papers[0].width == 595.276f);
	assert_true(st.papers[0].height == 841.89f);
	assert_true(st.papers[1].width == 612 && st.papers[1].height == 792);
	assert_ptr_equal(kg_pdf_style_paper(&st, "LETTER"), &st.papers[1]);
	assert_ptr_equal(kg_pdf_style_paper(&st, "A4"), &st.papers[0]);
	assert_null(kg_pdf_style_paper(&st, "a5"));
	assert_null(kg_pdf_style_paper(&st, NULL));
	kg_pdf_style_paper_names(&st, &names);
	assert_string_equal(names.ptr, "a4, letter");
	kg_buf_release(&names);
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

/* A user's paper: units, any case, in the file's order. */
static void test_added_paper(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;
	const kg_pdf_paper *p;

	(void)state;
	assert_int_equal(S_papers("papers:\n"
				  "  A5: {width: 148mm, height: 210mm}\n"
				  "  legal: {width: 8.5in, height: 14in}\n",
				  &st, &d), 0);
	assert_int_equal(d.n, 0);
	assert_int_equal(st.npapers, 2);
	p = kg_pdf_style_paper(&st, "a5");
	assert_non_null(p);
	assert_string_equal(p->name, "A5");
	assert_true(p->width == (float)(148 * 72.0 / 25.4));
	p = kg_pdf_style_paper(&st, "Legal");
	assert_true(p && p->width == 612 && p->height == 1008);
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

/* text's papers fail with n errors, the first msg at line:col. */
static void S_bad(const char *text, size_t n, const char *msg, int line,
		  int col)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;

	assert_int_equal(S_papers(text, &st, &d), -1);
	assert_int_equal(d.n, n);
	assert_string_equal(d.items[0].msg, msg);
	assert_int_equal(d.items[0].line, line);
	assert_int_equal(d.items[0].col, col);
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

static void test_paper_errors(void **state)
{
	(void)state;
	S_bad("papers:\n  a4: {width: 1in, height: 20000}\n", 1,
	      "'papers.a4.height' is 20000, out of range 72..14400 pt", 2, 28);
	S_bad("papers:\n  a4: {width: 0.5in, height: 1in}\n", 1,
	      "'papers.a4.width' is 36, out of range 72..14400 pt", 2, 15);
	S_bad("papers:\n  a4: {width: wide, height: 1in}\n", 1,
	      "'papers.a4.width' must be a length (612, \"210mm\", \"8.5in\"), "
	      "not 'wide'", 2, 15);
	S_bad("papers:\n  a4: {width: 1in, height: 1in, depth: 1}\n", 1,
	      "unknown key 'papers.a4.depth' (width, height)", 2, 33);
	S_bad("papers:\n  a4: {width: 1in}\n", 1,
	      "missing 'papers.a4.height'", 2, 7);
	S_bad("papers:\n  a4: 3\n", 1,
	      "'papers.a4' must be a mapping of width and height", 2, 7);
	S_bad("papers:\n  a4: {width: 1in, height: 1in}\n"
	      "  A4: {width: 2in, height: 2in}\n", 1,
	      "paper 'A4' is listed twice (names are compared in any case)", 3, 3);
	S_bad("papers:\n  \"a 4\": {width: 1in, height: 1in}\n", 1,
	      "paper name 'a 4' may hold only letters, digits, '-' and '_'", 2, 3);
	S_bad("papers: {}\n", 1, "'papers' lists no paper", 1, 9);
	S_bad("papers: [a4]\n", 1, "'papers' must be a mapping of paper names "
	      "to width and height", 1, 9);
	S_bad("sizes: {}\n", 1, "missing section 'papers'", 1, 1);
}

/* What the HTML takes besides the colours: the faces and the measure. */
static const char S_brand[] =
	"fonts:\n  text: 'Odd \"Serif\"'\n  sans: Noto Sans\n"
	"  mono: DejaVu Sans Mono\n"
	"columns:\n  text: 122mm\n  html: 56\n  tables: 1\n  rubrics: 0\n"
	"  callouts: 0\n  code: 1\n  forms: 1\n";

/* The brand alone (the HTML needs no other section): the faces as CSS
 * font-family lists, the measure in ch, the colours as "#rrggbb" and
 * mixed with white by tint; a bad colour is an error and sets nothing. */
static void test_colours_data(void **state)
{
	static const char *const keys[] = {
		"text", "muted", "accent", "link", "rule", "code_background",
		"cover", "cover_text", "cover_rule", "table_header",
		"table_header_text", "table_stripe", "strong", "acceptable",
		"weak", "cues", "note", "red_flags"};
	kg_diags d = KG_DIAGS_INIT;
	kg_node *data = kg_node_new_map();
	const kg_node *c;
	FILE *f;
	size_t i;

	(void)state;
	assert_int_equal(system("mkdir -p build/test_pdf_style-tpl/pdf"), 0);
	f = fopen("build/test_pdf_style-tpl/pdf/style.yaml", "w");
	assert_non_null(f);
	fputs(S_brand, f);
	fputs("colours:\n  tint: 0.5\n", f);
	for (i = 0; i < sizeof(keys) / sizeof(*keys); i++)
		fprintf(f, "  %s: \"#%s\"\n", keys[i],
			strcmp(keys[i], "strong") ? "000000" : "2E7D30");
	fclose(f);
	assert_int_equal(kg_pdf_style_colours_data("build/test_pdf_style-tpl",
						   data, &d), 0);
	c = kg_node_get(data, "colours");
	assert_non_null(c);
	assert_string_equal(kg_node_get(c, "strong")->text, "#2e7d30");
	assert_string_equal(kg_node_get(c, "strong_tint")->text, "#96be98");
	assert_string_equal(kg_node_get(c, "red_flags")->text, "#000000");
	assert_null(kg_node_get(c, "tint"));
	c = kg_node_get(data, "fonts");
	assert_non_null(c);
	assert_string_equal(kg_node_get(c, "text")->text,
			    "\"Odd \\22 Serif\\22 \", serif");
	assert_string_equal(kg_node_get(c, "sans")->text, "\"Noto Sans\", sans-serif");
	assert_string_equal(kg_node_get(c, "mono")->text,
			    "\"DejaVu Sans Mono\", monospace");
	assert_string_equal(kg_node_get(c, "measure")->text, "56ch");
	kg_node_free(data);

	f = fopen("build/test_pdf_style-tpl/pdf/style.yaml", "w");
	assert_non_null(f);
	fputs(S_brand, f);
	fputs("colours:\n  tint: 0.5\n  text: red\n", f);
	fclose(f);
	data = kg_node_new_map();
	assert_int_equal(kg_pdf_style_colours_data("build/test_pdf_style-tpl",
						   data, &d), -1);
	assert_null(kg_node_get(data, "colours"));
	assert_non_null(strstr(d.items[0].msg, "'colours.text' must be a "
				"colour \"#rrggbb\", not 'red'"));
	assert_non_null(strstr(d.items[1].msg, "missing 'colours.muted'"));
	kg_node_free(data);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_shipped_papers),
		cmocka_unit_test(test_added_paper),
		cmocka_unit_test(test_paper_errors),
		cmocka_unit_test(test_colours_data),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
