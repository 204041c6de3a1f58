/* test_breaks.c - the layout engine's page-break rules (layout.h's head,
 * README "How pages break"), each on a body of ten 14 pt lines, and each
 * shown to matter: with the rule off (kg_lay_set_rules) the page breaks
 * where the rule forbids. */
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

static void S_text(kg_lay *lay, kg_inline *in, const char *s)
{
	kg_tstyle t = {KG_FACE_REGULAR, 10, 0, 0, -1, 0, 0, 0, 0};

	kg_inline_text(lay, in, &t, s, strlen(s), 0);
}

/* A paragraph; heading: set as a heading (kept with two lines after it,
 * balanced). */
static void S_para(kg_lay *lay, const char *text, int heading)
{
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o;

	memset(&o, 0, sizeof(o));
	o.leading = 1.4f;
	o.keep = heading;
	o.heading = heading;
	S_text(lay, &in, text);
	kg_lay_para(lay, &in, &o);
	kg_inline_free(&in);
}

static void S_lines(kg_lay *lay, int n)
{
	while (n-- > 0)
		S_para(lay, "one line", 0);
}

/* The element that starts page p (its first placed, heads aside). */
static size_t S_page_start(const kg_lay *lay, size_t p)
{
	size_t k;

	for (k = lay->run.pages[p].p0; k < lay->run.pages[p].p0 + lay->run.pages[p].np; k++)
		if (!(lay->run.el[lay->run.place[k].elem].flags & KG_EL_HEAD_ONLY))
			return lay->run.place[k].elem;
	return (size_t)-1;
}

/* A list of n one-line items; cont: its head on later pages, or NULL.
 * Returns the element of its first item. */
static size_t S_list(kg_lay *lay, int n, const char *cont)
{
	kg_inline c = KG_INLINE_INIT;
	size_t first;
	int i;

	if (cont)
		S_text(lay, &c, cont);
	kg_lay_list_open(lay, cont ? &c : NULL);
	first = kg_lay_mark(lay);
	for (i = 0; i < n; i++) {
		kg_lay_item(lay);
		S_para(lay, "an item", 0);
	}
	kg_lay_list_close(lay);
	kg_inline_free(&c);
	return first;
}

/* Nine lines, then a list of four: one item would be left alone at the
 * foot, so the list starts the next page; without the rule it is cut
 * one and three. */
static void test_list_keeps_two_items_each_side(void **state)
{
	kg_test_lay *f = *state;
	size_t first;

	S_lines(&f->lay, 9);
	first = S_list(&f->lay, 4, NULL);
	kg_lay_paginate(&f->lay, 0, 0);
	assert_int_equal(f->lay.run.npages, 2);
	assert_int_equal(S_page_start(&f->lay, 1), first);

	kg_lay_free(&f->lay);
	kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
	kg_lay_set_rules(&f->lay, KG_BREAK_ALL & ~(unsigned)KG_BREAK_WIDOWS);
	S_lines(&f->lay, 9);
	first = S_list(&f->lay, 4, NULL);
	kg_lay_paginate(&f->lay, 0, 0);
	assert_int_equal(S_page_start(&f->lay, 1), first + 1);
}

/* A list's head shows at the top of each later page it goes on to, never
 * where it starts; without the rule there is none. */
static void test_list_head_on_later_pages(void **state)
{
	kg_test_lay *f = *state;
	size_t p, k, heads = 0;

	S_lines(&f->lay, 2);
	S_list(&f->lay, 20, "Items (continued)");
	kg_lay_paginate(&f->lay, 0, 0);
	assert_true(f->lay.run.npages >= 3);
	for (p = 0; p < f->lay.run.npages; p++)
		for (k = 0; k < f->lay.run.pages[p].np; k++) {
			size_t e = f->lay.run.place[f->lay.run.pages[p].p0 + k].elem;

			if (f->lay.run.el[e].flags & KG_EL_HEAD_ONLY) {
				assert_true(p > 0);
				assert_int_equal(k, 0);
				heads++;
			}
		}
	assert_int_equal(heads, f->lay.run.npages - 1);
}

/* A heading with one line after it at the foot of a page goes over with
 * it; without the rule it stays. */
static void test_heading_keeps_two_lines(void **state)
{
	kg_test_lay *f = *state;
	size_t heading;
	int off;

	for (off = 0; off < 2; off++) {
		if (off) {
			kg_lay_free(&f->lay);
			kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
			kg_lay_set_rules(&f->lay, KG_BREAK_ALL & ~(unsigned)KG_BREAK_HEADINGS);
		}
		S_lines(&f->lay, 8);
		heading = kg_lay_mark(&f->lay);
		S_para(&f->lay, "Heading", 1);
		S_para(&f->lay, "one line", 0);
		S_lines(&f->lay, 5);
		kg_lay_paginate(&f->lay, 0, 0);
		assert_int_equal(f->lay.run.npages, 2);
		if (off)
			assert_int_equal(S_page_start(&f->lay, 1), heading + 2);
		else
			assert_int_equal(S_page_start(&f->lay, 1), heading);
	}
}

/* A line that ends in a break after a hyphen inside a word is kept with
 * the next: no page ends on it. */
static void test_hyphen_line_kept(void **state)
{
	kg_test_lay *f = *state;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o;
	float ox, ow;
	size_t k, hy = 0;

	memset(&o, 0, sizeof(o));
	o.leading = 1.4f;
	/* a column narrow enough that the compounds break at their hyphens */
	kg_lay_indent(&f->lay, 200 - 45, &ox, &ow);
	S_text(&f->lay, &in, "read-through write-behind back-pressure "
		 "dead-letter fan-out");
	kg_lay_para(&f->lay, &in, &o);
	kg_lay_outdent(&f->lay, ox, ow);
	for (k = 0; k < f->lay.run.nel; k++)
		if (f->lay.run.el[k].flags & KG_EL_HYPHEN) {
			assert_true(f->lay.run.el[k].flags & KG_EL_KEEP);
			hy++;
		}
	assert_true(hy >= 2);
	kg_inline_free(&in);
}

/* A band kept whole that fits on a page moves whole; without the rule it
 * is cut. */
static void test_whole_box_moves_whole(void **state)
{
	kg_test_lay *f = *state;
	kg_box_style bs;
	size_t box;
	int off;

	memset(&bs, 0, sizeof(bs));
	bs.fill = 0xEEEEEE;
	bs.whole = 1;
	for (off = 0; off < 2; off++) {
		if (off) {
			kg_lay_free(&f->lay);
			kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
			kg_lay_set_rules(&f->lay, KG_BREAK_ALL & ~(unsigned)KG_BREAK_ROWS);
		}
		S_lines(&f->lay, 6);
		box = kg_lay_mark(&f->lay);
		kg_lay_box_open(&f->lay, &bs);
		S_lines(&f->lay, 6);
		kg_lay_box_close(&f->lay);
		kg_lay_paginate(&f->lay, 0, 0);
		assert_int_equal(f->lay.run.npages, 2);
		if (off)
			assert_true(S_page_start(&f->lay, 1) > box + 1);
		else
			assert_int_equal(S_page_start(&f->lay, 1), box);
	}
}

/* A section's last line, alone on a page, is pulled back by shrinking
 * the space between the lines of the page before; without the rule the
 * section takes two pages. */
static void test_short_tail_pulled_back(void **state)
{
	kg_test_lay *f = *state;
	int off, i;

	for (off = 0; off < 2; off++) {
		if (off) {
			kg_lay_free(&f->lay);
			kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
			kg_lay_set_rules(&f->lay, KG_BREAK_ALL & ~(unsigned)KG_BREAK_TAILS);
		}
		for (i = 0; i < 9; i++) { /* 9 x 14 + 8 x 2 = 142 pt */
			kg_lay_space(&f->lay, 2);
			S_para(&f->lay, "one line", 0);
		}
		kg_lay_paginate(&f->lay, 0, 0);
		assert_int_equal(f->lay.run.npages, off ? 2 : 1);
	}
}

/* A tail no space can pull back (lines with no space between them) is
 * not left alone: the page before ends earlier, so the last page holds
 * three lines; without the rule, ten and one. */
static void test_short_tail_pushed(void **state)
{
	kg_test_lay *f = *state;
	int off;

	for (off = 0; off < 2; off++) {
		if (off) {
			kg_lay_free(&f->lay);
			kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
			kg_lay_set_rules(&f->lay, KG_BREAK_ALL & ~(unsigned)KG_BREAK_TAILS);
		}
		S_lines(&f->lay, 11);
		kg_lay_paginate(&f->lay, 0, 0);
		assert_int_equal(f->lay.run.npages, 2);
		assert_int_equal(f->lay.run.pages[1].np, off ? 1 : 3);
	}
}

/* Is the last line of title, set as a heading with the rules given,
 * one short word? */
static int S_short_end(kg_test_lay *f, const char *title, unsigned rules)
{
	kg_lay_free(&f->lay);
	kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
	kg_lay_set_rules(&f->lay, rules);
	S_para(&f->lay, title, 1);
	return f->lay.run.nel >= 2 &&
	       (f->lay.run.el[f->lay.run.nel - 1].flags & KG_EL_SHORT_END) != 0;
}

/* A title whose last line would be one short word (the first of a run of
 * growing titles that does, without the rule) is broken evenly. */
static void test_title_balanced(void **state)
{
	static const char *const words[] = {"design", "a", "service", "that",
		"shortens", "links", "for", "the", "whole", "team", "and", "its"};
	kg_test_lay *f = *state;
	char title[512];
	int n, found = 0;

	for (n = 1; n < 40 && !found; n++) {
		int k;

		title[0] = '\0';
		for (k = 0; k < n; k++) {
			strcat(title, words[k % 12]);
			strcat(title, " ");
		}
		strcat(title, "(v2)");
		found = S_short_end(f, title, KG_BREAK_ALL & ~(unsigned)KG_BREAK_BALANCE);
	}
	assert_true(found);
	assert_false(S_short_end(f, title, KG_BREAK_ALL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_list_keeps_two_items_each_side,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_list_head_on_later_pages,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_heading_keeps_two_lines,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_hyphen_line_kept, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_whole_box_moves_whole, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_short_tail_pulled_back, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_short_tail_pushed, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_title_balanced, kg_test_lay_setup,
						kg_test_lay_teardown),
	};
	return cmocka_run_group_tests_name("breaks", tests, NULL, NULL);
}
