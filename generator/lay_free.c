/* lay_free.c - elements outside the flow: the running header and footer
 * and a cover's background, cut to fit with an ellipsis (layout.h) */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

/* ---- elements outside the flow ----------------------------------------------------------- */

long kg_lay_free_begin(kg_lay *lay, float h)
{
	float space = lay->space;
	int new_page = lay->new_page;
	kg_elem *e = kg_li_elem(lay, h);

	e->space = 0;
	e->box = -1;
	e->part = -1;
	e->flags = 0;
	lay->space = space;
	lay->new_page = new_page;
	return (long)lay->run.nel - 1;
}

void kg_lay_free_end(kg_lay *lay)
{
	kg_li_elem_done(lay);
}

/* in cut to fit width, ending with an ellipsis, in out. */
static void S_fit(kg_lay *lay, const kg_inline *in, float width, kg_inline *out)
{
	kg_buf cut = KG_BUF_INIT;
	float x = 0, ell;
	size_t i;

	for (i = 0; i < in->n; i++) {
		const kg_piece *p = &in->p[i];
		const char *text, *end, *c;

		ell = kg_li_width(lay, &p->st, "\xE2\x80\xA6", 3);
		if (x + p->w + ell <= width || p->kind == KG_PIECE_BREAK) {
			KG_GROW(out->p, out->cap, out->n + 1);
			out->p[out->n++] = *p;
			x += p->w;
			continue;
		}
		text = lay->run.text.ptr + p->str;
		end = text + p->len;
		for (c = text; c < end;) {
			const char *at = c;
			float cw = (float)lay->fonts.char_width(lay->fonts.ctx, p->st.face,
							      kg_utf8_next_bmp(&c, end)) *
				   p->st.size / 1000.0f;

			if (x + cw + ell > width) {
				c = at;
				break;
			}
			x += cw;
		}
		if (c > text) {
			kg_buf_reset(&cut); /* text may move while it is stored */
			kg_buf_put(&cut, text, (size_t)(c - text));
			kg_li_word(lay, out, &p->st, cut.ptr, cut.len, 0, -1);
		}
		kg_li_word(lay, out, &p->st, "\xE2\x80\xA6", 3, 0, -1);
		kg_buf_release(&cut);
		return;
	}
}

void kg_lay_put_line(kg_lay *lay, const kg_inline *in, float x, float y,
		     float width, int align)
{
	kg_li_lines ls = {0};
	kg_inline cut = KG_INLINE_INIT;
	float w = kg_inline_width(in);

	if (in->n == 0)
		return;
	if (w > width)
		S_fit(lay, in, width, &cut);
	lay->dir_fixed = 1; /* the furniture's: the kit's direction */
	kg_li_break(lay, w > width ? &cut : in, 1e6f, &ls, lay->st->leading);
	lay->dir_fixed = 0;
	w = ls.l[0].w;
	kg_li_line_ops(lay, &ls, &ls.l[0],
		   x + (align == 1 ? (width - w) / 2 : align == 2 ? width - w : 0), y);
	kg_li_lines_free(&ls);
	kg_inline_free(&cut);
}

void kg_lay_put_rect(kg_lay *lay, float x, float y, float w, float h,
		     kg_rgb color)
{
	kg_li_rect(lay, x, y, w, h, color);
}

void kg_lay_put_rule(kg_lay *lay, float x, float y, float w, float width,
		     kg_rgb color)
{
	kg_op *op = kg_li_op(lay, KG_OP_LINE);

	op->x = x;
	op->y = y;
	op->w = w;
	op->size = width;
	op->color = color;
}
