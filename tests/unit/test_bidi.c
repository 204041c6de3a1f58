/* test_bidi.c - bidirectional text in the layout engine (layout.h,
 * "Bidi"; lay_bidi.c): a paragraph's runs in visual order, a word cut
 * where its level changes, a code span left to right, a right-to-left
 * kit right-aligned and mirrored, and the fast path of English. Hebrew,
 * which DejaVu Sans has, stands for every right-to-left script. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "pdf_style.h"
#include "test_lay.h"

#define SHALOM "\xD7\xA9\xD7\x9C\xD7\x95\xD7\x9D" /* שלום */
#define OLAM "\xD7\xA2\xD7\x95\xD7\x9C\xD7\x9D"   /* עולם */

/* Lay out text (code: a code span's) as one paragraph of element 0 on. */
static void S_para(kg_lay *lay, const char *text, const char *code,
		   const char *after)
{
	kg_tstyle t = {KG_FACE_REGULAR, 10, 0, 0, -1, 0, 0, 0, 0};
	kg_tstyle c = {KG_FACE_MONO, 10, 0, 1, -1, 0, 0, 0, 1};
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o;

	memset(&o, 0, sizeof(o));
	o.leading = 1.4f;
	kg_inline_text(lay, &in, &t, text, strlen(text), 0);
	if (code)
		kg_inline_text(lay, &in, &c, code, strlen(code), 0);
	if (after)
		kg_inline_text(lay, &in, &t, after, strlen(after), 0);
	kg_lay_para(lay, &in, &o);
	kg_inline_free(&in);
}

/* The text operation of element 0 whose text is s. */
static const kg_op *S_op(const kg_lay *lay, const char *s)
{
	const kg_elem *e = kg_lay_elem(lay, 0);
	uint32_t k;

	for (k = e->op0; k < e->op0 + e->nops; k++) {
		const kg_op *op = kg_lay_op(lay, k);

		if (op->type == KG_OP_TEXT && op->len == strlen(s) &&
		    memcmp(kg_lay_at(lay, op->str), s, op->len) == 0)
			return op;
	}
	fail_msg("no text operation '%s'", s);
	return NULL;
}

/* English, Hebrew, English: the Hebrew run is one operation, drawn right
 * to left, between the English words. */
static void test_rtl_run_in_english(void **state)
{
	kg_test_lay *f = *state;
	const kg_op *a, *h, *b;

	S_para(&f->lay, "ab " SHALOM " " OLAM " cd", NULL, NULL);
	a = S_op(&f->lay, "ab ");
	h = S_op(&f->lay, SHALOM " " OLAM);
	b = S_op(&f->lay, " cd");
	assert_int_equal(a->rtl, 0);
	assert_int_equal(h->rtl, 1);
	assert_int_equal(b->rtl, 0);
	assert_true(a->x < h->x && h->x + h->w <= b->x + 0.01f);
	assert_true(a->x < 0.01f); /* an English paragraph: at the left */
}

/* An English paragraph in an English kit: left to right, as ever. */
static void test_english_untouched(void **state)
{
	kg_test_lay *f = *state;
	const kg_op *op;

	S_para(&f->lay, "plain words (here)", NULL, NULL);
	op = S_op(&f->lay, "plain words (here)");
	assert_int_equal(op->rtl, 0);
	assert_true(op->x == 0);
}

/* A right-to-left kit: a Hebrew paragraph ends at the column's right
 * edge; its English word and its code span (an isolate) are left to
 * right, the words in bidi order from the right. */
static void test_rtl_kit(void **state)
{
	kg_test_lay *f = *state;
	const kg_op *h1, *en, *code, *h2;

	kg_lay_set_rtl(&f->lay, 1);
	S_para(&f->lay, SHALOM " abc ", "f(x) y", " " OLAM);
	h1 = S_op(&f->lay, SHALOM " ");
	en = S_op(&f->lay, "abc");
	code = S_op(&f->lay, "f(x) y");
	h2 = S_op(&f->lay, " " OLAM);
	assert_int_equal(h1->rtl, 1);
	assert_int_equal(en->rtl, 0);
	assert_int_equal(code->rtl, 0);
	assert_int_equal(h2->rtl, 1);
	assert_float_equal(h1->x + h1->w, 200, 0.01f); /* right-aligned */
	assert_true(en->x + en->w <= h1->x + 0.01f);
	assert_true(code->x + code->w <= en->x + 0.01f);
	assert_true(h2->x + h2->w <= code->x + 0.01f);
}

/* A word whose level changes ("abc." in Hebrew: the full stop is the
 * paragraph's, right to left) is cut there, the stop left of the word. */
static void test_word_cut_at_level_change(void **state)
{
	kg_test_lay *f = *state;
	const kg_op *w, *stop;

	S_para(&f->lay, SHALOM " abc.", NULL, NULL);
	w = S_op(&f->lay, "abc");
	stop = S_op(&f->lay, ".");
	assert_int_equal(w->rtl, 0);
	assert_true(stop->x + stop->w <= w->x + 0.01f);
}

/* A listing's line in a right-to-left kit: left to right and at the left,
 * even with no letter ("})"), its brackets not mirrored. */
static void test_code_block_ltr(void **state)
{
	kg_test_lay *f = *state;
	kg_tstyle t = {KG_FACE_MONO, 10, 0, 0, -1, 0, 0, 0, 0};
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o;
	const kg_op *op;

	kg_lay_set_rtl(&f->lay, 1);
	memset(&o, 0, sizeof(o));
	o.leading = 1.4f;
	kg_inline_text(&f->lay, &in, &t, "})", 2, 1);
	kg_lay_para(&f->lay, &in, &o);
	kg_inline_free(&in);
	op = S_op(&f->lay, "})");
	assert_int_equal(op->rtl, 0);
	assert_float_equal(op->x, 0, 0.01f);
}

/* A mirrored kit: a line's rule and a box change sides. */
static void test_mirror(void **state)
{
	kg_test_lay *f = *state;
	kg_box_style bs;
	const kg_op *op;

	kg_lay_set_rtl(&f->lay, 1);
	kg_lay_rule(&f->lay, 0, 1, 50); /* 50 pt at the start: the right */
	op = kg_lay_op(&f->lay, kg_lay_elem(&f->lay, 0)->op0);
	assert_float_equal(op->x + op->w, 150, 0.01f);
	assert_float_equal(op->x, 200, 0.01f);
	memset(&bs, 0, sizeof(bs));
	bs.fill = 0xFFFFFF;
	bs.bar_w = 3;
	kg_lay_indent(&f->lay, 20, &(float){0}, &(float){0});
	kg_lay_box_open(&f->lay, &bs);
	S_para(&f->lay, "x", NULL, NULL);
	kg_lay_box_close(&f->lay);
	assert_int_equal(kg_lay_box(&f->lay, 0)->mirrored, 1);
	assert_float_equal(kg_lay_box(&f->lay, 0)->x, 0, 0.01f);
	assert_float_equal(kg_lay_box(&f->lay, 0)->w, 180, 0.01f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_rtl_run_in_english,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_english_untouched,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_rtl_kit, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_word_cut_at_level_change,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_code_block_ltr, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_mirror, kg_test_lay_setup,
						kg_test_lay_teardown),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
