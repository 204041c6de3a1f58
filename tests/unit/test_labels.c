/* test_labels.c - unit tests of labels.c: language tags, plural rules,
 * filling places, the fallback from a region to its language and to
 * English, and overrides with their diagnostics */
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
#include "yaml_load.h"

static void test_tags(void **state)
{
	(void)state;
	assert_true(kg_lang_valid("en"));
	assert_true(kg_lang_valid("de-CH"));
	assert_true(kg_lang_valid("zh-Hant-TW"));
	assert_true(kg_lang_valid("es-419"));
	assert_true(kg_lang_valid("sr-Latn"));
	assert_true(kg_lang_valid("de-CH-1996"));
	assert_false(kg_lang_valid(""));
	assert_false(kg_lang_valid("en_US"));
	assert_false(kg_lang_valid("e"));
	assert_false(kg_lang_valid("de-"));
	assert_false(kg_lang_valid("de-CH-x"));
	assert_false(kg_lang_valid("de CH"));
	assert_true(kg_lang_rtl("ar"));
	assert_true(kg_lang_rtl("he"));
	assert_true(kg_lang_rtl("fa-IR"));
	assert_true(kg_lang_rtl("ur"));
	assert_true(kg_lang_rtl("pa-Arab"));
	assert_false(kg_lang_rtl("az-Latn"));
	assert_false(kg_lang_rtl("de"));
	assert_false(kg_lang_rtl(NULL));
}

static void test_plurals(void **state)
{
	(void)state;
	assert_int_equal(kg_plural_category("en", 1), KG_PL_ONE);
	assert_int_equal(kg_plural_category("en", 0), KG_PL_OTHER);
	assert_int_equal(kg_plural_category("de", 2), KG_PL_OTHER);
	assert_int_equal(kg_plural_category("fr", 0), KG_PL_ONE);
	assert_int_equal(kg_plural_category("fr-CA", 1), KG_PL_ONE);
	assert_int_equal(kg_plural_category("fr", 2), KG_PL_OTHER);
	assert_int_equal(kg_plural_category("es", 1), KG_PL_ONE);
	assert_int_equal(kg_plural_category("ar", 0), KG_PL_ZERO);
	assert_int_equal(kg_plural_category("ar", 1), KG_PL_ONE);
	assert_int_equal(kg_plural_category("ar", 2), KG_PL_TWO);
	assert_int_equal(kg_plural_category("ar", 3), KG_PL_FEW);
	assert_int_equal(kg_plural_category("ar", 10), KG_PL_FEW);
	assert_int_equal(kg_plural_category("ar", 11), KG_PL_MANY);
	assert_int_equal(kg_plural_category("ar", 99), KG_PL_MANY);
	assert_int_equal(kg_plural_category("ar", 100), KG_PL_OTHER);
	assert_int_equal(kg_plural_category("ar", 103), KG_PL_FEW);
	assert_int_equal(kg_plural_category("ru", 21), KG_PL_ONE);
	assert_int_equal(kg_plural_category("ru", 12), KG_PL_MANY);
	assert_int_equal(kg_plural_category("pl", 22), KG_PL_FEW);
	assert_int_equal(kg_plural_category("ja", 1), KG_PL_OTHER);
}

static void test_fill(void **state)
{
	const char *vars[] = {"page", "3", "pages", "40", NULL};
	kg_buf b = KG_BUF_INIT;

	(void)state;
	kg_label_fill(&b, "Seite {page} von {pages}", vars);
	assert_string_equal(b.ptr, "Seite 3 von 40");
	kg_buf_reset(&b);
	/* a place with no value stays as written, so a slip shows */
	kg_label_fill(&b, "{page}/{total}", vars);
	assert_string_equal(b.ptr, "3/{total}");
	kg_buf_release(&b);
}

/* The built-in tables alone (no templates folder): English, German, and
 * a region falling back to its language. */
/* number.digits: a page number in a numbering system's digits, read
 * left to right; the CSS counter style of the same system */
static void test_digits(void **state)
{
	kg_buf b = KG_BUF_INIT;

	(void)state;
	kg_digits_put(&b, "latn", 1203);
	assert_string_equal(b.ptr, "1203");
	kg_buf_reset(&b);
	kg_digits_put(&b, "arab", 1203);
	assert_string_equal(b.ptr, "\u0661\u0662\u0660\u0663");
	kg_buf_reset(&b);
	kg_digits_put(&b, "arabext", 45);
	assert_string_equal(b.ptr, "\u06F4\u06F5");
	kg_buf_reset(&b);
	kg_digits_put(&b, "deva", 7);
	assert_string_equal(b.ptr, "\u096D");
	kg_buf_reset(&b);
	kg_digits_put(&b, NULL, 0); /* none given: 0-9 */
	assert_string_equal(b.ptr, "0");
	assert_string_equal(kg_digits_css("arab"), "arabic-indic");
	assert_string_equal(kg_digits_css("arabext"), "persian");
	assert_string_equal(kg_digits_css("latn"), "decimal");
	assert_true(kg_digits_known("thai"));
	assert_false(kg_digits_known("roman"));
	assert_false(kg_digits_known(NULL));
	kg_buf_release(&b);
}

static void test_tables(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_labels *de = kg_labels_load(NULL, "de-AT", NULL, &d);
	kg_labels *ar = kg_labels_load(NULL, "ar", NULL, &d);
	kg_buf b = KG_BUF_INIT;

	(void)state;
	assert_int_equal(d.n, 0);
	assert_string_equal(kg_label(NULL, "toc.title"), "Contents");
	assert_string_equal(kg_label(de, "toc.title"), "Inhalt");
	assert_string_equal(kg_labels_lang(de), "de-AT");
	assert_false(kg_labels_rtl(de));
	assert_true(kg_labels_rtl(ar));
	kg_label_putn(&b, ar, "common.minutes", 2, NULL);
	assert_string_equal(b.ptr, "دقيقتان");
	kg_buf_reset(&b);
	kg_label_putn(&b, ar, "common.minutes", 5, NULL);
	assert_string_equal(b.ptr, "5 دقائق");
	kg_buf_reset(&b);
	kg_label_putn(&b, de, "common.minutes", 1, NULL);
	assert_string_equal(b.ptr, "1 Minute");
	kg_buf_reset(&b);
	kg_label_put(&b, NULL, "pdf.page", "page", "2", "pages", "9", NULL);
	assert_string_equal(b.ptr, "page 2 of 9");
	kg_buf_release(&b);
	kg_labels_free(de);
	kg_labels_free(ar);
	kg_diags_free(&d);
}

/* Japanese and Hebrew are built in: Japanese left to right with its one
 * plural form, Hebrew right to left with its form for two. */
static void test_ja_he(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_labels *ja = kg_labels_load(NULL, "ja-JP", NULL, &d);
	kg_labels *he = kg_labels_load(NULL, "he", NULL, &d);
	kg_buf b = KG_BUF_INIT;

	(void)state;
	assert_int_equal(d.n, 0);
	assert_true(kg_labels_found(ja));
	assert_true(kg_labels_found(he));
	assert_string_equal(kg_label(ja, "toc.title"), "目次");
	assert_string_equal(kg_label(he, "toc.title"), "תוכן העניינים");
	assert_false(kg_labels_rtl(ja));
	assert_true(kg_labels_rtl(he));
	kg_label_putn(&b, ja, "common.minutes", 1, NULL);
	assert_string_equal(b.ptr, "1分");
	kg_buf_reset(&b);
	kg_label_putn(&b, he, "common.minutes", 2, NULL);
	assert_string_equal(b.ptr, "שתי דקות");
	kg_buf_reset(&b);
	kg_label_putn(&b, he, "common.minutes", 7, NULL);
	assert_string_equal(b.ptr, "7 דקות");
	kg_buf_release(&b);
	kg_labels_free(ja);
	kg_labels_free(he);
	kg_diags_free(&d);
}

/* Overrides: one replaced, the rest kept; an unknown key and other
 * places are errors at their place, the entry keeping its text. */
static void test_overrides(void **state)
{
	static const char src[] =
		"toc.title: Overview\n"
		"toc.titel: x\n"
		"pdf.page: \"{page}\"\n"
		"public.points: {one: \"{n} pt\", other: \"{n} pts\"}\n";
	kg_diags d = KG_DIAGS_INIT;
	kg_node *map = kg_node_load_string("kit.yaml", src, sizeof(src) - 1, &d);
	kg_labels *l = kg_labels_load(NULL, "en", map, &d);

	(void)state;
	assert_int_equal(d.errors, 2);
	assert_string_equal(d.items[0].msg,
			    "unknown label 'toc.titel' (did you mean 'toc.title'?)");
	assert_int_equal(d.items[0].line, 2);
	assert_string_equal(d.items[1].msg, "label 'pdf.page' has the places "
			    "{page}; the English label has {page} {pages}");
	assert_int_equal(d.items[1].line, 3);
	assert_int_equal(d.items[1].col, 11);
	assert_string_equal(kg_label(l, "toc.title"), "Overview");
	assert_string_equal(kg_label(l, "pdf.page"), "page {page} of {pages}");
	assert_string_equal(kg_label_n(l, "public.points", 1), "{n} pt");
	assert_string_equal(kg_label_n(l, "public.points", 3), "{n} pts");
	assert_int_equal(kg_labels_check(NULL, map, &d), 2);
	kg_labels_free(l);
	kg_node_free(map);
	kg_diags_free(&d);
}

/* The punctuation kitgen puts between texts it joins comes from the
 * language's table: French sets a narrow no-break space before its colon,
 * Japanese a full-width colon and parentheses and no space between
 * sentences; English keeps ": ", " (", " ". */
static void test_punctuation(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_labels *fr = kg_labels_load(NULL, "fr", NULL, &d);
	kg_labels *ja = kg_labels_load(NULL, "ja", NULL, &d);
	kg_buf b = KG_BUF_INIT;

	(void)state;
	assert_int_equal(d.n, 0);
	kg_label_field(&b, NULL, "Candidate", "Ada");
	kg_label_paren(&b, NULL, " Strong", "3");
	kg_label_sentence_sep(&b, NULL);
	assert_string_equal(b.ptr, "Candidate: Ada Strong (3) ");
	kg_buf_reset(&b);
	kg_label_field(&b, fr, "Candidat", "Ada");
	assert_string_equal(b.ptr, "Candidat\u202F: Ada");
	kg_buf_reset(&b);
	kg_label_field(&b, ja, "候補者", "");
	kg_label_paren(&b, ja, "強い", "3");
	kg_label_sentence_sep(&b, ja);
	kg_buf_puts(&b, kg_label(ja, "punct.before_note"));
	assert_string_equal(b.ptr, "候補者：強い（3）");
	kg_buf_release(&b);
	kg_labels_free(fr);
	kg_labels_free(ja);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_tags),
		cmocka_unit_test(test_plurals),
		cmocka_unit_test(test_fill),
		cmocka_unit_test(test_digits),
		cmocka_unit_test(test_tables),
		cmocka_unit_test(test_ja_he),
		cmocka_unit_test(test_overrides),
		cmocka_unit_test(test_punctuation),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
