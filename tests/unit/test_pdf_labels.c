/* test_pdf_labels.c - unit tests of pdf_labels.c, of the PDF edition's
 * words (from the labels table, labels.h) and of the measures of
 * templates/pdf/style.yaml: its lengths come from the style file, and a
 * missing or bad one is an error with its place */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "labels.h"
#include "pdf_labels.h"
#include "pdf_style.h"

static void test_fill(void **state)
{
	const char *vars[] = {"page", "3", "pages", "40", NULL};
	kg_buf b = KG_BUF_INIT;

	(void)state;
	kg_pdf_label_fill(&b, "page {page} of {pages}", vars);
	assert_string_equal(b.ptr, "page 3 of 40");
	kg_buf_reset(&b);
	kg_pdf_label_fill(&b, "{pages}/{page}{page}", vars);
	assert_string_equal(b.ptr, "40/33");
	kg_buf_reset(&b);
	kg_pdf_label_fill(&b, "Seite {page} von {pages}.", vars);
	assert_string_equal(b.ptr, "Seite 3 von 40.");
	kg_buf_reset(&b);
	kg_pdf_label_fill(&b, "no places", vars);
	assert_string_equal(b.ptr, "no places");
	kg_buf_release(&b);
}

static void test_check(void **state)
{
	char *bad;

	(void)state;
	assert_int_equal(kg_pdf_label_check("page {page} of {pages}",
					    "page pages", &bad), 0);
	assert_null(bad);
	assert_int_equal(kg_pdf_label_check("{version}", "page pages", &bad), -1);
	assert_string_equal(bad, "version");
	free(bad);
	assert_int_equal(kg_pdf_label_check("page {pag", "page", &bad), -1);
	assert_string_equal(bad, "{");
	free(bad);
	assert_int_equal(kg_pdf_label_check("Contents", "", &bad), 0);
}

/* templates/pdf/style.yaml with the line that starts with `from` changed
 * to `to` (or dropped, for NULL), loaded. */
static int S_load_changed(const char *from, const char *to, kg_pdf_style *st,
			  kg_diags *d)
{
	static const char path[] = "build/test_pdf_labels-style.yaml";
	FILE *in = fopen("templates/pdf/style.yaml", "r");
	FILE *out = fopen(path, "w");
	char line[512];
	int rc;

	assert_non_null(in);
	assert_non_null(out);
	while (fgets(line, sizeof(line), in)) {
		if (from && strncmp(line, from, strlen(from)) == 0) {
			if (to)
				fputs(to, out);
			continue;
		}
		fputs(line, out);
	}
	fclose(in);
	fclose(out);
	rc = kg_pdf_style_load(path, st, d);
	return rc;
}

/* The style holds no words: they come from the labels table (labels.h),
 * English by default, another language's when the build has one. */
static void test_labels_load(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;
	kg_labels *de;

	(void)state;
	assert_int_equal(S_load_changed(NULL, NULL, &st, &d), 0);
	assert_null(st.labels.contents);
	kg_pdf_style_use_labels(&st, NULL);
	assert_string_equal(st.labels.contents, "Contents");
	assert_string_equal(st.labels.page, "page {page} of {pages}");
	assert_string_equal(st.labels.digest, "Content digest");
	de = kg_labels_load("templates", "de", NULL, &d);
	kg_pdf_style_use_labels(&st, de);
	assert_string_equal(st.labels.contents, "Inhalt");
	assert_string_equal(st.labels.page, "Seite {page} von {pages}");
	assert_int_equal(d.n, 0);
	kg_labels_free(de);
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

/* A `labels` section left in an old style is an unknown section now. */
static void test_labels_section_is_unknown(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;

	(void)state;
	assert_int_equal(S_load_changed("papers:", "labels: {contents: Inhalt}\npapers:\n",
					&st, &d), -1);
	assert_true(d.n >= 1);
	assert_non_null(strstr(d.items[0].msg, "unknown section 'labels'"));
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

/* The measures of the blocks are the style's too: each is required and
 * checked like the page's. */
static void test_measures_load(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;

	(void)state;
	assert_int_equal(S_load_changed(NULL, NULL, &st, &d), 0);
	assert_true(st.m.rubric_label == 74);
	assert_true(st.m.lists_marker_gap == 4.5f);
	assert_true(st.m.scorecards_row == 50);
	assert_true(st.m.cover_field_indent == 96);
	kg_pdf_style_free(&st);
	assert_int_equal(S_load_changed("  row: ", NULL, &st, &d), -1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].msg, "missing 'scorecards.row'");
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
	d = (kg_diags)KG_DIAGS_INIT;
	assert_int_equal(S_load_changed("  marker_gap: ", "  marker_gap: 2in\n",
					&st, &d), -1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].msg,
			    "'lists.marker_gap' is 144, out of range 0..72 pt");
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

/* The lengths that were multiples or literals in C (issue 17) are keys
 * like the others: loaded, required, range-checked with a place. */
static void test_spacing_keys(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;

	(void)state;
	assert_int_equal(S_load_changed(NULL, NULL, &st, &d), 0);
	assert_true(st.m.headings_part_space == 2);
	assert_true(st.m.headings_part_after == 2);
	assert_true(st.m.headings_h4_space == 2);
	assert_true(st.m.headings_prose_space == 2);
	assert_true(st.m.rules_space == 2);
	assert_true(st.m.tables_space == 2);
	assert_true(st.m.scorecards_space == 2);
	assert_true(st.m.tables_rule == 0.5f);
	assert_true(st.m.code_inline_pad_x == 1.5f);
	assert_true(st.m.code_inline_pad_y == 0.6f);
	assert_true(st.m.notes_rule == 0.6f);
	assert_true(st.m.notes_baseline == 5);
	assert_true(st.m.contents_number_gap == 6);
	assert_true(st.m.contents_leader_gap == 4);
	assert_true(st.m.rubric_label_inset == 6);
	assert_true(st.m.rubric_label_least == 10);
	assert_true(st.m.links_target_above == 4);
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

/* Each new key's error, with its place: msg is the first of n. */
static void S_expect_errors(const char *from, const char *to, size_t n,
			    const char *msg, int col)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_pdf_style st;

	assert_int_equal(S_load_changed(from, to, &st, &d), -1);
	assert_int_equal(d.n, n);
	assert_string_equal(d.items[0].msg, msg);
	assert_true(d.items[0].line > 0);
	if (col)
		assert_int_equal(d.items[0].col, col);
	kg_pdf_style_free(&st);
	kg_diags_free(&d);
}

static void S_expect_error(const char *from, const char *to, const char *msg,
			   int col)
{
	S_expect_errors(from, to, 1, msg, col);
}

static void test_spacing_key_errors(void **state)
{
	(void)state;
	S_expect_error("  target_above: ", "  target_above: 3in\n",
		       "'links.target_above' is 216, out of range 0..144 pt", 17);
	S_expect_error("  prose_space: ", "  prose_space: 11\n",
		       "'headings.prose_space' is 11, out of range 0..10", 16);
	S_expect_error("  label_least: ", "  label_least: 0\n",
		       "'rubric.label_least' is 0, out of range 1..360 pt", 16);
	S_expect_error("  inline_pad_x: ", "  inline_pad_x: wide\n",
		       "'code.inline_pad_x' must be a length (12, \"12pt\", "
		       "\"18mm\", \"0.5in\"), not 'wide'", 17);
	S_expect_error("  rule_below: ", NULL, "missing 'notes.rule_below'", 0);
	/* the new section is named where the sections are listed */
	S_expect_errors("links:", "linkz:\n", 2,
		       "unknown section 'linkz' (page, fonts, sizes, spacing, "
		       "colours, lists, code, quotes, rules, headings, rubric, "
		       "callouts, tables, scorecards, forms, notes, index, contents, "
			"cover, running, links, papers)", 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_check),
		cmocka_unit_test(test_labels_load),
		cmocka_unit_test(test_labels_section_is_unknown),
		cmocka_unit_test(test_measures_load),
		cmocka_unit_test(test_spacing_keys),
		cmocka_unit_test(test_spacing_key_errors),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
