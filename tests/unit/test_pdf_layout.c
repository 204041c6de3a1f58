/* test_pdf_layout.c - the PDF edition's layout engine, smart punctuation
 * and TrueType subsets */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "pdf_style.h"
#include "test_lay.h"
#include "smart.h"
#include "ttf_subset.h"

/* ---- smart punctuation --------------------------------------------------- */

static void S_smart_is(const char *in, const char *want)
{
	kg_buf out = KG_BUF_INIT;
	uint32_t prev = 0;

	kg_smart_append(&out, in, strlen(in), &prev);
	assert_string_equal(out.ptr, want);
	kg_buf_release(&out);
}

static void test_smart_quotes(void **state)
{
	(void)state;
	S_smart_is("\"quoted\" and 'single'", "\xE2\x80\x9Cquoted\xE2\x80\x9D and "
		   "\xE2\x80\x98single\xE2\x80\x99");
	S_smart_is("it's (\"x\")", "it\xE2\x80\x99s (\xE2\x80\x9Cx\xE2\x80\x9D)");
	S_smart_is("a -- b --- c - d", "a \xE2\x80\x93 b \xE2\x80\x94 c - d");
	S_smart_is("wait...", "wait\xE2\x80\xA6");
	S_smart_is("no change: 10-20, x/y", "no change: 10-20, x/y");
}

static void test_smart_across_calls(void **state)
{
	kg_buf out = KG_BUF_INIT;
	uint32_t prev = 0;

	(void)state;
	/* "**bold**" after a quote: the quote opens, the one after closes */
	kg_smart_append(&out, "say \"", 5, &prev);
	kg_smart_append(&out, "bold", 4, &prev);
	kg_smart_append(&out, "\"", 1, &prev);
	assert_string_equal(out.ptr, "say \xE2\x80\x9C" "bold\xE2\x80\x9D");
	kg_buf_release(&out);
}

/* ---- TrueType subsets ------------------------------------------------------- */

#define S_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static uint32_t S_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static unsigned char *S_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	unsigned char *data;

	assert_non_null(f);
	fseek(f, 0, SEEK_END);
	*len = (size_t)ftell(f);
	fseek(f, 0, SEEK_SET);
	data = malloc(*len);
	assert_int_equal(fread(data, 1, *len, f), *len);
	fclose(f);
	return data;
}

/* The offset and length of a table of font, or 0. */
static uint32_t S_table(const kg_buf *font, const char *tag, uint32_t *len)
{
	const unsigned char *p = (const unsigned char *)font->ptr;
	unsigned n = (unsigned)(p[4] << 8 | p[5]), i;

	for (i = 0; i < n; i++)
		if (memcmp(p + 12 + 16 * i, tag, 4) == 0) {
			*len = S_u32(p + 12 + 16 * i + 12);
			return S_u32(p + 12 + 16 * i + 8);
		}
	return 0;
}

static void test_subset(void **state)
{
	size_t len, i;
	unsigned char *data = S_read(S_FONT, &len);
	unsigned char used[40] = {0};
	kg_buf out = KG_BUF_INIT;
	const unsigned char *o;
	uint32_t sum = 0, loca, loca_len, glyf, glyf_len, post_len;
	unsigned g;

	(void)state;
	used[36] = 1; /* one glyph, plus glyph 0 */
	assert_int_equal(kg_ttf_subset(data, len, used, sizeof(used), &out), 0);
	o = (const unsigned char *)out.ptr;
	assert_true(out.len < len / 4);
	assert_int_equal(S_u32(o), 0x00010000);
	/* the tables PDF needs, and not the others */
	assert_true(S_table(&out, "glyf", &glyf_len) != 0);
	assert_true(S_table(&out, "head", &post_len) != 0);
	assert_int_equal(S_table(&out, "post", &post_len), 0);
	assert_int_equal(S_table(&out, "cmap", &post_len), 0);
	/* the whole file sums to B1B0AFBA, head's adjustment included */
	assert_int_equal(out.len % 4, 0);
	for (i = 0; i < out.len; i += 4)
		sum += S_u32(o + i);
	assert_int_equal(sum, 0xB1B0AFBAu);
	/* long loca: glyphs 0 and 36 have outlines, 37 none */
	loca = S_table(&out, "loca", &loca_len);
	glyf = S_table(&out, "glyf", &glyf_len);
	(void)glyf;
	for (g = 0; g < 40; g++) {
		uint32_t a = S_u32(o + loca + 4 * g), b = S_u32(o + loca + 4 * g + 4);

		if (g == 0 || g == 36)
			assert_true(b > a);
		else
			assert_int_equal(b, a);
	}
	assert_int_equal(kg_ttf_subset((const unsigned char *)"nope", 4, used, 1, &out), -1);
	kg_buf_release(&out);
	free(data);
}

/* ---- the layout engine -------------------------------------------------------- */

static kg_tstyle S_body(void)
{
	kg_tstyle t = {KG_FACE_REGULAR, 10, 0, 0, -1, 0, 0, 0, 0};

	return t;
}

/* A paragraph; dest: an anchor at its first line, or NULL. */
static void S_para_at(kg_lay *lay, const char *text, int keep, const char *dest)
{
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o;
	kg_tstyle t = S_body();

	memset(&o, 0, sizeof(o));
	o.leading = 1.4f;
	o.keep = keep;
	o.dest = dest;
	kg_inline_text(lay, &in, &t, text, strlen(text), 0);
	kg_lay_para(lay, &in, &o);
	kg_inline_free(&in);
}

static void S_para(kg_lay *lay, const char *text, int keep)
{
	S_para_at(lay, text, keep, NULL);
}

/* The right edge of the text of element e. */
static float S_right(const kg_lay *lay, size_t e)
{
	float right = 0;
	uint32_t k;

	for (k = lay->run.el[e].op0; k < lay->run.el[e].op0 + lay->run.el[e].nops; k++) {
		const kg_op *op = &lay->run.ops[k];

		if (op->type == KG_OP_TEXT) {
			float w = (float)lay->fonts.width(lay->fonts.ctx, op->face,
							lay->run.text.ptr + op->str, op->len) *
				  op->size / 1000.0f;

			right = op->x + w > right ? op->x + w : right;
		}
	}
	return right;
}

/* The engine measures through metrics.h alone: with a typewriter's
 * metrics (every character 500/1000 em, so 5 pt at 10 pt), no font file,
 * lines break where the arithmetic says. */
static int S_tw_char(void *ctx, kg_face face, uint32_t c)
{
	(void)face;
	(void)c;
	++*(int *)ctx;
	return 500;
}

static long S_tw_width(void *ctx, kg_face face, const char *s, size_t len)
{
	size_t i;

	(void)face;
	(void)s;
	for (i = 0; i < len; i++)
		++*(int *)ctx;
	return (long)len * 500;
}

static int S_tw_ascent(const void *ctx, kg_face face)
{
	(void)ctx;
	(void)face;
	return 800;
}

static int S_tw_descent(const void *ctx, kg_face face)
{
	(void)ctx;
	(void)face;
	return 200;
}

static void test_abstract_metrics(void **state)
{
	int asked = 0;
	kg_metrics tw = {&asked, S_tw_char, S_tw_width, S_tw_ascent, S_tw_descent, NULL};
	kg_pdf_style st;
	kg_lay lay;

	(void)state;
	memset(&st, 0, sizeof(st));
	st.body = 10;
	st.leading = 1.4f;
	/* 100 pt: 20 characters of 5 pt a line */
	kg_lay_init(&lay, &tw, &st, 100, 1000);
	S_para(&lay, "aaaa bbbb cccc dddd eeee ffff gggg hhhh", 0);
	assert_true(asked > 0);
	/* "aaaa bbbb cccc dddd" is 19 characters, 95 pt: four words a line */
	assert_int_equal(lay.run.nel, 2);
	assert_true(S_right(&lay, 0) <= 100.01f);
	assert_true(S_right(&lay, 0) >= 94.99f);
	kg_lay_free(&lay);
}

/* What the writer may ask of the layout, instead of reading its fields. */
static void test_accessors(void **state)
{
	kg_test_lay *f = *state;
	kg_lay *lay = &f->lay;
	kg_box_style bs;
	size_t gap;
	float h;

	assert_int_equal(kg_lay_mark(lay), 0);
	kg_lay_part(lay, "The part");
	gap = kg_lay_gap(lay, 0, 1);
	assert_int_equal(gap, 0);
	S_para(lay, "One line.", 0);
	assert_int_equal(kg_lay_mark(lay), 2);
	h = kg_lay_flow_height(lay, 0);
	kg_lay_gap_set(lay, gap, 10);
	assert_true(kg_lay_flow_height(lay, 0) == h + 10);
	assert_true(kg_lay_flow_height(lay, 1) == h);
	assert_false(kg_lay_in_box(lay));
	memset(&bs, 0, sizeof(bs));
	bs.fill = 0xFFFFFF;
	kg_lay_box_open(lay, &bs);
	assert_true(kg_lay_in_box(lay));
	assert_true(kg_lay_line_width(lay) < kg_lay_body_width(lay) ||
		    bs.pad == 0);
	kg_lay_box_close(lay);
	assert_false(kg_lay_in_box(lay));
	assert_true(kg_lay_body_width(lay) == 200);
	assert_true(kg_lay_body_height(lay) == 140);
	kg_lay_paginate(lay, 0, 7);
	assert_int_equal(kg_lay_run_pages(lay), 1);
	assert_int_equal(kg_lay_pages_before(lay), 0);
	assert_int_equal(kg_lay_page_kind(lay, 0), 7);
	assert_string_equal(kg_lay_page_part(lay, 0), "The part");
	kg_lay_page_set(lay, 0, KG_LAY_HEAD, kg_lay_free_begin(lay, 20));
	kg_lay_free_end(lay);
	assert_true(lay->run.pages[0].head >= 0);
	kg_lay_run_reset(lay);
	assert_int_equal(kg_lay_pages_before(lay), 1);
	assert_int_equal(kg_lay_run_pages(lay), 0);
	assert_int_equal(kg_lay_disagreements(lay), 0);
}

static void test_lines_fit(void **state)
{
	kg_test_lay *f = *state;
	size_t i;

	S_para(&f->lay, "The quick brown fox jumps over the lazy dog, and then "
		       "the dog wakes up and chases the fox across the field "
		       "until both of them are tired. "
		       "Antidisestablishmentarianismantidisestablishmentarianism "
		       "is a word wider than the line.", 0);
	assert_true(f->lay.run.nel >= 5);
	for (i = 0; i < f->lay.run.nel; i++)
		assert_true(S_right(&f->lay, i) <= 200.01f);
	/* first two and last two lines stay together */
	assert_true(f->lay.run.el[0].flags & KG_EL_KEEP);
	assert_true(f->lay.run.el[f->lay.run.nel - 2].flags & KG_EL_KEEP);
	assert_false(f->lay.run.el[1].flags & KG_EL_KEEP && f->lay.run.nel > 4);
}

/* Does s (n bytes) hold needle? */
static int S_holds(const char *s, size_t n, const char *needle)
{
	size_t k = strlen(needle), i;

	for (i = 0; i + k <= n; i++)
		if (memcmp(s + i, needle, k) == 0)
			return 1;
	return 0;
}

/* Inline code (layout.h, "Code"): never broken at a hyphen; a token
 * wider than the line is cut, and each part after a cut starts with the
 * hook, drawn as lines (artifacts), never as a character of the text. */
static void test_code_breaks_honestly(void **state)
{
	kg_test_lay *f = *state;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o;
	kg_tstyle t = S_body(), c = S_body();
	static const char text[] = "Send Retry-After and Retry-After and "
				   "Retry-After and Retry-After now";
	static const char lng[] = "X-Request-Retry-After-Budget-Override-Header";
	size_t e, k, marks = 0, lines_with_text = 0;

	memset(&o, 0, sizeof(o));
	o.leading = 1.4f;
	c.face = KG_FACE_MONO;
	c.code = 1;
	c.verbatim = 1;
	kg_inline_text(&f->lay, &in, &t, "Plain ", 6, 0);
	kg_inline_text(&f->lay, &in, &c, text, strlen(text), 0);
	kg_inline_text(&f->lay, &in, &t, " and ", 5, 0);
	kg_inline_text(&f->lay, &in, &c, lng, strlen(lng), 0);
	kg_lay_para(&f->lay, &in, &o);
	kg_inline_free(&in);
	for (e = 0; e < f->lay.run.nel; e++) {
		const kg_elem *el = &f->lay.run.el[e];
		const kg_op *last = NULL;

		for (k = el->op0; k < el->op0 + el->nops; k++) {
			const kg_op *op = &f->lay.run.ops[k];

			if (op->type == KG_OP_TEXT) {
				last = op;
				/* the mark is never text */
				assert_false(S_holds(f->lay.run.text.ptr + op->str,
						     op->len, "\xE2\x86\xAA"));
			}
			if (op->type == KG_OP_LINE) {
				assert_int_equal(op->tag, KG_TAG_ARTIFACT);
				marks++;
			}
		}
		if (!last)
			continue;
		lines_with_text++;
		/* no line of code ends in a hyphen */
		assert_true(last->len > 0 &&
			    f->lay.run.text.ptr[last->str + last->len - 1] != '-');
		assert_true(S_right(&f->lay, e) <= 200.01f);
	}
	assert_true(lines_with_text >= 4);
	/* the long header (44 characters) needs at least one cut, each
	 * part after one marked by a hook of six lines */
	assert_true(marks >= 6 && marks % 6 == 0);
}

static void test_heading_never_ends_a_page(void **state)
{
	kg_test_lay *f = *state;
	size_t p, i;

	for (i = 0; i < 8; i++) /* eight lines: two lines of the page left */
		S_para(&f->lay, "one line", 0);
	S_para(&f->lay, "Heading", 1);
	S_para(&f->lay, "A paragraph of three lines, long enough to fill the "
		       "width of the body three times over, or nearly.", 0);
	kg_lay_paginate(&f->lay, 0, 0);
	assert_int_equal(f->lay.run.npages, 2);
	/* the heading went to the second page with its paragraph */
	p = f->lay.run.pages[1].p0;
	assert_int_equal(f->lay.run.place[p].elem, 8);
	for (i = 0; i < f->lay.run.pages[0].np; i++)
		assert_true(f->lay.run.place[f->lay.run.pages[0].p0 + i].y + 14 <= 140.01f);
}

static void test_table_header_repeats(void **state)
{
	kg_test_lay *f = *state;
	kg_inline cells[2 * 20];
	kg_table_style ts;
	kg_tstyle t = S_body();
	size_t r, c, heads = 0, p;

	memset(&ts, 0, sizeof(ts));
	ts.pad = 3;
	ts.leading = 1.4f;
	ts.head_fill = 0x333333;
	ts.stripe = 0xF0F0F0;
	for (r = 0; r < 20; r++)
		for (c = 0; c < 2; c++) {
			const char *s = r == 0 ? (c ? "Value" : "Name") : "cell";

			cells[r * 2 + c].p = NULL;
			cells[r * 2 + c].n = cells[r * 2 + c].cap = 0;
			kg_inline_text(&f->lay, &cells[r * 2 + c], &t, s, strlen(s), 0);
		}
	kg_lay_table(&f->lay, cells, 20, 2, &ts);
	kg_lay_paginate(&f->lay, 0, 0);
	assert_true(f->lay.run.npages >= 3);
	for (p = 0; p < f->lay.run.npages; p++)
		heads += f->lay.run.place[f->lay.run.pages[p].p0].elem == 0;
	assert_int_equal(heads, f->lay.run.npages); /* every page starts with it */
	for (r = 0; r < 40; r++)
		kg_inline_free(&cells[r]);
}

/* A row taller than a page is headed on the next by its first cell and
 * the continued words: a space between them, but none before
 * full-width punctuation ("Q4（続き）"), which carries its own room.
 * S_cont_gap: 1 and more when the words after "Q4" start with a space,
 * else the room between them (-1: not found). */
static float S_cont_gap(kg_test_lay *f, const char *cont_text)
{
	kg_inline cells[4], cont = KG_INLINE_INIT;
	kg_table_style ts;
	kg_tstyle t = S_body();
	kg_buf longer = KG_BUF_INIT;
	float q_end = -1, gap = -1;
	size_t e, i;

	for (i = 0; i < 40; i++)
		kg_buf_puts(&longer, "words that fill the cell ");
	memset(&ts, 0, sizeof(ts));
	ts.pad = 3;
	ts.leading = 1.4f;
	for (i = 0; i < 4; i++) {
		const char *s = i == 0 ? "Question number" : i == 1 ? "Text"
			      : i == 2 ? "Q4" : longer.ptr;

		cells[i].p = NULL;
		cells[i].n = cells[i].cap = 0;
		kg_inline_text(&f->lay, &cells[i], &t, s, strlen(s), 0);
	}
	kg_inline_text(&f->lay, &cont, &t, cont_text, strlen(cont_text), 0);
	ts.cont = &cont;
	kg_lay_table(&f->lay, cells, 2, 2, &ts);
	for (e = 0; e < f->lay.run.nel; e++) {
		if (!(f->lay.run.el[e].flags & KG_EL_HEAD_ONLY))
			continue;
		for (i = f->lay.run.el[e].op0; i < f->lay.run.el[e].op0 + f->lay.run.el[e].nops; i++) {
			const kg_op *op = &f->lay.run.ops[i];
			const char *str = f->lay.run.text.ptr + op->str;

			if (op->type != KG_OP_TEXT)
				continue;
			if (op->len == 2 && memcmp(str, "Q4", 2) == 0)
				q_end = op->x + op->w;
			else if (q_end >= 0 && gap < 0) /* a space in the text, or room */
				gap = op->len && *str == ' ' ? 1 + op->x - q_end : op->x - q_end;
		}
	}
	for (i = 0; i < 4; i++)
		kg_inline_free(&cells[i]);
	kg_inline_free(&cont);
	kg_buf_release(&longer);
	return gap;
}

static void test_row_head_gap(void **state)
{
	kg_test_lay *f = *state;
	float latin = S_cont_gap(f, "(more)");
	float wide;

	kg_lay_free(&f->lay);
	kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
	wide = S_cont_gap(f, "\xEF\xBC\x88\xE7\xB6\x9A\xE3\x81\x8D\xEF\xBC\x89");
	assert_true(latin >= 1);     /* a space: "Q4 (more)" */
	assert_true(wide >= 0 && wide < 0.01f); /* none: "Q4（続き）" */
}

/* Notes that fill: the element takes the room left on its page and
 * keeps the rules inside it; with less room left than its least lines,
 * it goes to the next page and fills all of it. */
static void test_fill_lines_take_the_rest(void **state)
{
	kg_test_lay *f = *state;
	const kg_elem *e;
	const kg_place *pl;
	size_t i, fill;

	for (i = 0; i < 3; i++)
		S_para(&f->lay, "one line", 0);
	fill = kg_lay_mark(&f->lay);
	kg_lay_fill_lines(&f->lay, 2, 14, 0);
	for (i = 0; i < 8; i++) /* 8 lines: 2 of a page left */
		S_para(&f->lay, "one line", 0);
	kg_lay_fill_lines(&f->lay, 3, 14, 0); /* 3 do not fit in 2 */
	kg_lay_paginate(&f->lay, 0, 0);
	assert_int_equal(f->lay.run.npages, 3);
	/* page 1: three lines, then the rules to the foot */
	e = &f->lay.run.el[fill];
	pl = &f->lay.run.place[f->lay.run.pages[0].p0 + 3];
	assert_int_equal(pl->elem, fill);
	assert_true(pl->y + e->h >= 140 - 0.01f);
	assert_true(e->nops >= 6);
	for (i = 0; i < e->nops; i++)
		assert_true(f->lay.run.ops[e->op0 + i].y <= e->h + 0.01f);
	/* page 2: the 8 lines alone (the fill ended page 1); page 3: the
	 * second fill, moved whole, the full height of the page */
	assert_int_equal(f->lay.run.pages[1].np, 8);
	assert_int_equal(f->lay.run.pages[2].np, 1);
	e = &f->lay.run.el[f->lay.run.place[f->lay.run.pages[2].p0].elem];
	assert_true(e->flags & KG_EL_FILL);
	assert_true(e->h >= 140 - 0.01f);
	assert_int_equal(e->nops, 10);
}

/* A head-only element (a listing's "(continued)") is never placed where
 * it stands, and heads every later page its elements go on to. */
static void test_head_only_heads_later_pages(void **state)
{
	kg_test_lay *f = *state;
	size_t head, first, p, i;

	S_para(&f->lay, "before", 0);
	head = kg_lay_mark(&f->lay);
	S_para(&f->lay, "(continued)", 0);
	first = kg_lay_mark(&f->lay);
	for (i = 0; i < 25; i++)
		S_para(&f->lay, "code", 0);
	kg_lay_head_only(&f->lay, head, first);
	kg_lay_paginate(&f->lay, 0, 0);
	assert_int_equal(f->lay.run.npages, 3);
	for (i = 0; i < f->lay.run.pages[0].np; i++)
		assert_int_not_equal(f->lay.run.place[f->lay.run.pages[0].p0 + i].elem, head);
	for (p = 1; p < f->lay.run.npages; p++) {
		assert_int_equal(f->lay.run.place[f->lay.run.pages[p].p0].elem, head);
		assert_true(f->lay.run.place[f->lay.run.pages[p].p0 + 1].elem >= first);
	}
}

/* Forms: a ballot box in text is a drawn square of forms.box, never the
 * glyph, kept with the word after it; its line is tall enough for it. */
static void test_box_is_drawn(void **state)
{
	kg_test_lay *f = *state;
	const char *s = "\xE2\x98\x90 Strong \xE2\x98\x90 Weak";
	size_t frames = 0;
	uint32_t k;

	f->st.m.forms_box = 12;
	f->st.m.forms_box_rule = 0.8f;
	f->st.m.forms_box_gap = 3;
	S_para(&f->lay, s, 0);
	assert_int_equal(f->lay.run.nel, 1);
	assert_true(f->lay.run.el[0].h >= 12);
	for (k = 0; k < f->lay.run.nops; k++) {
		const kg_op *op = &f->lay.run.ops[k];

		if (op->type == KG_OP_FRAME) {
			frames++;
			assert_float_equal(op->w, 12, 0.01);
			assert_float_equal(op->h, 12, 0.01);
			assert_true(op->y >= 0 && op->y + op->h <= f->lay.run.el[0].h);
		} else if (op->type == KG_OP_TEXT) {
			const char *text = kg_lay_at(&f->lay, op->str);
			uint32_t i;

			for (i = 0; i + 3 <= op->len; i++)
				assert_false(memcmp(text + i, "\xE2\x98\x90", 3) == 0);
		}
	}
	assert_int_equal(frames, 2);
}

/* A form's table: its rows share what fill leaves after the header (at
 * least min_row, at most max_row), and each is kept with the next. */
static void test_table_fills(void **state)
{
	kg_test_lay *f = *state;
	kg_inline cells[2 * 4];
	kg_table_style ts;
	kg_tstyle t = S_body();
	size_t r;

	memset(&ts, 0, sizeof(ts));
	ts.pad = 3;
	ts.leading = 1.4f;
	ts.head_fill = 0x333333;
	ts.stripe = 0xFFFFFF;
	ts.min_row = 10;
	ts.fill = 130;
	ts.keep = 1;
	memset(cells, 0, sizeof(cells));
	for (r = 0; r < 8; r++)
		kg_inline_text(&f->lay, &cells[r], &t, "cell", 4, 0);
	kg_lay_table(&f->lay, cells, 4, 2, &ts);
	assert_int_equal(f->lay.run.nel, 4);
	for (r = 1; r < 4; r++)
		assert_float_equal(f->lay.run.el[r].h, (130 - f->lay.run.el[0].h) / 3, 0.01);
	assert_true(f->lay.run.el[1].flags & KG_EL_KEEP);
	assert_true(f->lay.run.el[2].flags & KG_EL_KEEP);
	assert_false(f->lay.run.el[3].flags & KG_EL_KEEP);
	ts.max_row = 20;
	kg_lay_table(&f->lay, cells, 4, 2, &ts);
	for (r = 5; r < 8; r++)
		assert_float_equal(f->lay.run.el[r].h, 20, 0.01);
	for (r = 0; r < 8; r++)
		kg_inline_free(&cells[r]);
}

/* kg_lay_keep_from: a form stays on one page. */
static void test_keep_from(void **state)
{
	kg_test_lay *f = *state;
	size_t i, from;

	for (i = 0; i < 7; i++)
		S_para(&f->lay, "one line", 0);
	from = kg_lay_mark(&f->lay);
	for (i = 0; i < 5; i++) /* five lines: three of the page are left */
		S_para(&f->lay, "form line", 0);
	kg_lay_keep_from(&f->lay, from);
	kg_lay_paginate(&f->lay, 0, 0);
	assert_int_equal(f->lay.run.npages, 2);
	assert_int_equal(f->lay.run.place[f->lay.run.pages[1].p0].elem, from);
}

/* A document of three runs, each starting on a new page; extra: one
 * more line at the start, which moves every anchor. */
static void S_runs(kg_lay *lay, int extra)
{
	char id[16];
	int r, i;

	if (extra)
		S_para(lay, "one more line", 0);
	for (r = 0; r < 3; r++) {
		kg_lay_page_break(lay);
		for (i = 0; i < 12; i++) { /* more than a page of 10 lines */
			snprintf(id, sizeof(id), "a%d-%d", r, i);
			S_para_at(lay, i % 3 ? "a line" : "a paragraph of two "
				  "lines, long enough to wrap once here", 0, id);
		}
		kg_lay_paginate(lay, 0, 0);
		kg_lay_run_reset(lay);
	}
}

/* Runs: anchors keep their page in the whole document after each run is
 * dropped; a second pass that lays out the same agrees with the first,
 * one that does not is caught. */
static void test_runs_and_two_passes(void **state)
{
	kg_test_lay *f = *state;
	kg_lay again, other;
	float y0, y1;
	long p0, p1;

	S_runs(&f->lay, 0);
	assert_int_equal(f->lay.run.nel, 0);
	assert_int_equal(f->lay.run.npages, 0);
	assert_int_equal(f->lay.page_base, 6); /* two pages a run */
	assert_int_equal(kg_lay_dest(&f->lay, "a0-0", &y0), 0);
	assert_int_equal(kg_lay_dest(&f->lay, "a1-0", NULL), 2);
	assert_int_equal(kg_lay_dest(&f->lay, "a2-11", &y1), 5);
	assert_true(y0 == 0 && y1 > 0);
	assert_int_equal(kg_lay_dest(&f->lay, "a3-0", NULL), -1);

	kg_lay_init(&again, &f->m, &f->st, 200, 140);
	kg_lay_adopt_dests(&again, &f->lay);
	assert_int_equal(f->lay.ndests, 0);
	S_runs(&again, 0);
	assert_int_equal(again.disagree, 0);
	assert_int_equal(again.page_base, 6);
	p0 = kg_lay_dest(&again, "a1-5", &y0);
	assert_int_equal(p0, 2);

	kg_lay_init(&other, &f->m, &f->st, 200, 140);
	kg_lay_adopt_dests(&other, &again);
	S_runs(&other, 1); /* the first run's anchors are a line lower */
	assert_true(other.disagree > 0);
	p1 = kg_lay_dest(&other, "a1-5", &y1); /* what the first pass said */
	assert_int_equal(p1, p0);
	assert_true(y1 == y0);
	kg_lay_free(&again);
	kg_lay_free(&other);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_smart_quotes),
		cmocka_unit_test(test_smart_across_calls),
		cmocka_unit_test(test_subset),
		cmocka_unit_test(test_abstract_metrics),
		cmocka_unit_test_setup_teardown(test_lines_fit, kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_accessors, kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_code_breaks_honestly, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_heading_never_ends_a_page,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_fill_lines_take_the_rest,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_head_only_heads_later_pages,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_box_is_drawn, kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_table_fills, kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_keep_from, kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_row_head_gap, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_table_header_repeats, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_runs_and_two_passes, kg_test_lay_setup,
						kg_test_lay_teardown),
	};
	return cmocka_run_group_tests_name("pdf_layout", tests, NULL, NULL);
}
