/* lay_table.c - tables: column widths from the content (or fixed, for
 * forms), a row per element, the header row repeated on every page
 * (layout.h, layout_int.h) */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

/* ---- tables ---------------------------------------------------------------------------- */

/* Column widths from content, shared max-min fair: a column that wants
 * less than an equal share of the room left gets what it wants; the
 * others share the rest equally, but never below their widest word. Room
 * to spare goes to every column by how much it wants. */
static void S_columns(const kg_inline *cells, size_t nrows, size_t ncols,
		      float avail, float pad, float *w)
{
	float *mn = kg_xcalloc(ncols, sizeof(*mn)), *mx = kg_xcalloc(ncols, sizeof(*mx));
	unsigned char *done = kg_xcalloc(ncols, 1);
	float left = avail, share = 0, total = 0, want = 0;
	size_t r, c, open = ncols;
	int changed = 1;

	for (c = 0; c < ncols; c++) {
		for (r = 0; r < nrows; r++) {
			const kg_inline *in = &cells[r * ncols + c];
			float a = kg_inline_min_width(in) + 2 * pad;
			float b = kg_inline_width(in) + 2 * pad;

			mn[c] = a > mn[c] ? a : mn[c];
			mx[c] = b > mx[c] ? b : mx[c];
		}
		want += mx[c];
	}
	while (changed && open) {
		changed = 0;
		share = left / (float)open;
		for (c = 0; c < ncols; c++)
			if (!done[c] && (mx[c] <= share || mn[c] >= share)) {
				w[c] = mx[c] <= share ? mx[c] : mn[c];
				left -= w[c];
				done[c] = 1;
				open--;
				changed = 1;
			}
	}
	for (c = 0; c < ncols; c++) {
		if (!done[c])
			w[c] = share;
		total += w[c];
	}
	for (c = 0; c < ncols; c++) {
		if (total > avail) /* the widest words alone are too wide */
			w[c] *= avail / total;
		else if (!open && want > 0) /* everything fits: spread the rest */
			w[c] += (avail - total) * mx[c] / want;
	}
	free(mn);
	free(mx);
	free(done);
}

/* A table row under construction: each cell's lines and the columns. */
typedef struct S_row_ctx {
	kg_li_lines *cl;
	size_t ncols;
	const float *cx, *w;
	const kg_table_style *ts;
	const int *fields; /* the row's cells' widgets (ts->fields), or NULL */
} S_row_ctx;

/* One element holding lines [from[c], to[c]) of every cell of a row;
 * top and bottom say whether it holds the row's first and last lines (and
 * so its padding, and the rule below it). */
static void S_row_elem(kg_lay *lay, const S_row_ctx *rc, const size_t *from,
		       const size_t *to, int top, int bottom, int striped,
		       kg_rgb head_fill, long head, float min_h)
{
	const kg_table_style *ts = rc->ts;
	float h = 0;
	size_t c, k;
	kg_elem *e;
	kg_op *op;

	for (c = 0; c < rc->ncols; c++) {
		float ch = 0;

		for (k = from[c]; k < to[c]; k++)
			ch += rc->cl[c].l[k].h;
		h = ch > h ? ch : h;
	}
	h += (top ? ts->pad : 0) + (bottom ? ts->pad : 0);
	if (h < min_h)
		h = min_h;
	e = kg_li_elem(lay, h);
	e->head = (int)head;
	e->row = lay->rows;
	e->flags |= KG_EL_LINE | (top && bottom ? KG_EL_ROW : KG_EL_ROW_PART);
	if (head_fill != 0xFFFFFF)
		kg_li_rect(lay, lay->x, 0, lay->w, h, head_fill);
	else if (striped && ts->stripe != 0xFFFFFF)
		kg_li_rect(lay, lay->x, 0, lay->w, h, ts->stripe);
	for (c = 0; c < rc->ncols; c++) {
		float y = top ? ts->pad : 0;

		for (k = from[c]; k < to[c]; k++) {
			const kg_li_line *l = &rc->cl[c].l[k];
			float room = rc->w[c] - 2 * ts->pad - l->w;
			/* centred, or at the start of the cell's text: the
			 * other side when its direction is not the kit's */
			float shift = ts->centre && ts->centre[c] ? room / 2
				      : rc->cl[c].rtl != lay->rtl ? room : 0;

			kg_li_line_ops(lay, &rc->cl[c], l, lay->x + rc->cx[c] + ts->pad + shift, y);
			y += l->h;
		}
		if (top && rc->fields && rc->fields[c]) { /* over the cell */
			op = kg_li_op(lay, KG_OP_FIELD);
			op->x = lay->x + rc->cx[c];
			op->w = rc->w[c];
			op->h = h;
			op->aux = rc->fields[c];
		}
		if (ts->grid && c > 0) {
			op = kg_li_op(lay, KG_OP_LINE);
			op->x = lay->x + rc->cx[c];
			op->y = 0;
			op->h = h;
			op->size = lay->st->m.tables_rule;
			op->color = ts->rule;
		}
	}
	if (bottom) {
		op = kg_li_op(lay, KG_OP_LINE);
		op->x = lay->x;
		op->y = h;
		op->w = lay->w;
		op->size = lay->st->m.tables_rule;
		op->color = ts->rule;
	}
	kg_li_elem_done(lay);
}

/* Does piece p's text start with full-width punctuation (CJK symbols and
 * punctuation, U+3000-303F; the full-width forms' U+FF01-FF0F,
 * U+FF1A-FF20, U+FF3B-FF40, U+FF5B-FF65)? */
static int S_wide_start(const kg_lay *lay, const kg_piece *p)
{
	const char *s = lay->run.text.ptr + p->str;
	uint32_t c = p->len ? kg_utf8_next(&s, s + p->len) : 0;

	return (c >= 0x3000 && c <= 0x303F) || (c >= 0xFF01 && c <= 0xFF0F) ||
	       (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) ||
	       (c >= 0xFF5B && c <= 0xFF65);
}

/* The head of the part of row `row` on a later page: its first cell
 * and the continued words, in the first column, below the table's
 * header; returns the element. */
static long S_row_head(kg_lay *lay, const S_row_ctx *rc, const kg_inline *first,
		       long head)
{
	const kg_table_style *ts = rc->ts;
	kg_inline in = KG_INLINE_INIT;
	kg_li_lines ls = {0};
	float y = ts->pad;
	size_t k;
	kg_elem *e;

	KG_GROW(in.p, in.cap, first->n + ts->cont->n + 1);
	for (k = 0; k < first->n; k++) { /* page furniture, as a running head */
		in.p[in.n] = first->p[k];
		in.p[in.n].st.tag = KG_TAG_ARTIFACT;
		in.p[in.n].st.link = -1;
		in.n++;
	}
	/* a space from the continued words, but none before full-width
	 * punctuation, which carries its own room: "Q4（続き）" */
	if (in.n && ts->cont->n && !S_wide_start(lay, &ts->cont->p[0])) {
		in.p[in.n] = ts->cont->p[0];
		in.p[in.n].kind = KG_PIECE_SPACE;
		in.p[in.n].w = kg_li_width(lay, &in.p[in.n].st, " ", 1);
		in.p[in.n].str = kg_lay_str(lay, " ", 1);
		in.p[in.n].len = 1;
		in.p[in.n].brk = 0;
		in.n++;
	}
	for (k = 0; k < ts->cont->n; k++)
		in.p[in.n++] = ts->cont->p[k];
	kg_li_break(lay, &in, rc->w[0] - 2 * ts->pad, &ls, ts->leading);
	for (k = 0; k < ls.nl; k++)
		y += ls.l[k].h;
	e = kg_li_elem(lay, y + ts->pad);
	e->head = (int)head;
	e->row = lay->rows;
	e->flags |= KG_EL_HEAD_ONLY | KG_EL_KEEP;
	for (k = 0, y = ts->pad; k < ls.nl; k++) {
		kg_li_line_ops(lay, &ls, &ls.l[k], lay->x + rc->cx[0] + ts->pad, y);
		y += ls.l[k].h;
	}
	kg_li_elem_done(lay);
	kg_li_lines_free(&ls);
	kg_inline_free(&in);
	return (long)lay->run.nel - 1;
}

/* Add one table row: one element, or, when it is taller than max_h, one
 * element per line, so that it fills the page it starts on and goes on
 * to the next (its first and last two lines kept together), headed there
 * by its first cell, continued (first: that cell's content). */
static void S_row(kg_lay *lay, const S_row_ctx *rc, int striped,
		  kg_rgb head_fill, long head, float max_h, float min_h,
		  const kg_inline *first)
{
	size_t ncols = rc->ncols, c, k, nl = 0;
	size_t *from = kg_xcalloc(ncols, sizeof(*from));
	size_t *to = kg_xcalloc(ncols, sizeof(*to));
	float h = 0;

	for (c = 0; c < ncols; c++) {
		float ch = 0;

		for (k = 0; k < rc->cl[c].nl; k++)
			ch += rc->cl[c].l[k].h;
		h = ch > h ? ch : h;
		nl = rc->cl[c].nl > nl ? rc->cl[c].nl : nl;
		to[c] = rc->cl[c].nl;
	}
	/* never split a row that fits on a page (but for the tests that
	 * show the rule matters, kg_lay.rules) */
	if ((h + 2 * rc->ts->pad <= max_h &&
	     ((lay->rules & KG_BREAK_ROWS) || head < 0)) || nl < 2) {
		S_row_elem(lay, rc, from, to, 1, 1, striped, head_fill, head,
			   min_h);
	} else {
		if (head >= 0 && rc->ts->cont && rc->ts->cont->n &&
		    (lay->rules & KG_BREAK_CONTINUED))
			head = S_row_head(lay, rc, first, head);
		for (k = 0; k < nl; k++) {
			for (c = 0; c < ncols; c++) {
				from[c] = k < rc->cl[c].nl ? k : rc->cl[c].nl;
				to[c] = k < rc->cl[c].nl ? k + 1 : rc->cl[c].nl;
			}
			S_row_elem(lay, rc, from, to, k == 0, k + 1 == nl, striped,
				   head_fill, head, 0);
			if (k == 0 || k + 2 == nl)
				kg_lay_keep(lay);
		}
	}
	lay->rows++;
	free(from);
	free(to);
}

/* Row r's natural height: its tallest cell and the padding. */
static float S_natural(kg_lay *lay, const kg_inline *cells, size_t r,
		       size_t ncols, const float *w, const kg_table_style *ts)
{
	float h = 0;
	size_t c, k;

	for (c = 0; c < ncols; c++) {
		kg_li_lines ls;
		float ch = 0;

		memset(&ls, 0, sizeof(ls));
		kg_li_break(lay, &cells[r * ncols + c], w[c] - 2 * ts->pad, &ls,
			    ts->leading);
		for (k = 0; k < ls.nl; k++)
			ch += ls.l[k].h;
		h = ch > h ? ch : h;
		kg_li_lines_free(&ls);
	}
	return h + 2 * ts->pad;
}

/* Each row's least height (min[r], r >= 1): min_row, or, for a table
 * that fills ts->fill, an equal share of what the header and the rows
 * taller than their share leave (at most max_row). */
static void S_row_heights(kg_lay *lay, const kg_inline *cells, size_t nrows,
			  size_t ncols, const float *w, const kg_table_style *ts,
			  float *min)
{
	float left, share = 0;
	unsigned char *fixed = kg_xcalloc(nrows, 1);
	size_t r, open = nrows - 1;
	int changed = 1;

	for (r = 0; r < nrows && ts->fill > 0; r++) /* only a form measures */
		min[r] = S_natural(lay, cells, r, ncols, w, ts);
	left = ts->fill - min[0];
	while (ts->fill > 0 && changed && open) {
		changed = 0;
		share = left / (float)open;
		for (r = 1; r < nrows; r++)
			if (!fixed[r] && min[r] > share) {
				fixed[r] = 1;
				left -= min[r];
				open--;
				changed = 1;
			}
	}
	if (ts->max_row > 0 && share > ts->max_row)
		share = ts->max_row;
	for (r = 1; r < nrows; r++) {
		float least = ts->fill > 0 && !fixed[r] ? share : 0;

		min[r] = least > ts->min_row ? least : ts->min_row;
	}
	free(fixed);
}

void kg_lay_table(kg_lay *lay, const kg_inline *cells, size_t nrows,
		  size_t ncols, const kg_table_style *ts)
{
	float *w = kg_xcalloc(ncols ? ncols : 1, sizeof(*w));
	float *cx = kg_xcalloc(ncols ? ncols : 1, sizeof(*cx));
	kg_li_lines *cl = kg_xcalloc(ncols ? ncols : 1, sizeof(*cl));
	float *min = NULL;
	S_row_ctx rc;
	long head = -1;
	float head_h = 0;
	size_t r, c;

	rc.cl = cl;
	rc.ncols = ncols;
	rc.cx = cx;
	rc.w = w;
	rc.ts = ts;
	rc.fields = NULL;
	if (nrows == 0 || ncols == 0)
		goto done;
	if (ts->widths)
		for (c = 0; c < ncols; c++)
			w[c] = ts->widths[c] * lay->w;
	else
		S_columns(cells, nrows, ncols, lay->w, ts->pad, w);
	for (c = 1; c < ncols; c++)
		cx[c] = cx[c - 1] + w[c - 1];
	min = kg_xcalloc(nrows, sizeof(*min));
	S_row_heights(lay, cells, nrows, ncols, w, ts, min);
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < ncols; c++) {
			kg_li_lines_free(&cl[c]);
			memset(&cl[c], 0, sizeof(cl[c]));
			kg_li_break(lay, &cells[r * ncols + c], w[c] - 2 * ts->pad, &cl[c],
				ts->leading);
		}
		rc.fields = ts->fields ? ts->fields + r * ncols : NULL;
		if (r == 0) {
			S_row(lay, &rc, 0, ts->head_fill, -1, lay->height, 0, NULL);
			head = (long)lay->run.nel - 1;
			head_h = lay->run.el[head].h;
			kg_lay_keep(lay);
		} else {
			S_row(lay, &rc, r % 2 == 0, 0xFFFFFF, head,
			      lay->height - head_h - 1, min[r], &cells[r * ncols]);
			if (ts->keep && r + 1 < nrows)
				kg_lay_keep(lay);
		}
	}
done:
	free(min);
	for (c = 0; c < ncols; c++)
		kg_li_lines_free(&cl[c]);
	free(cl);
	free(w);
	free(cx);
}
