/*
 * lay_figure.c - figures drawn by the caller (layout.h): an element of
 * the flow whose filled areas, rules and lines of text the caller places
 * itself, the vector charts of a report (pdf_chart.c).
 */
#include "layout_int.h"

#include <string.h>

void kg_lay_figure_begin(kg_lay *lay, float h)
{
	kg_li_elem(lay, h);
}

void kg_lay_figure_rect(kg_lay *lay, float x, float y, float w, float h,
			kg_rgb color)
{
	kg_li_rect(lay, lay->x + x, y, w, h, color);
}

void kg_lay_figure_rule(kg_lay *lay, float x, float y, float w, float h,
			float width, kg_rgb color)
{
	kg_op *op = kg_li_op(lay, KG_OP_LINE);

	op->x = lay->x + x;
	op->y = y;
	op->w = w;
	op->h = h;
	op->size = width;
	op->color = color;
}

float kg_lay_text_width(kg_lay *lay, const kg_tstyle *st, const char *s)
{
	return kg_li_width(lay, st, s, strlen(s));
}

float kg_lay_figure_text(kg_lay *lay, const kg_tstyle *st, float x, float y,
			 const char *s, int align)
{
	kg_inline in = KG_INLINE_INIT;
	kg_li_lines ls = {0};
	float w;

	/* one line, through the breaker: its words in bidi order */
	kg_inline_text(lay, &in, st, s, strlen(s), 0);
	kg_li_break(lay, &in, 1e6f, &ls, lay->st->leading);
	w = ls.l[0].w;
	if (align == 1)
		x -= w / 2;
	else if (align == 2)
		x -= w;
	kg_li_line_ops(lay, &ls, &ls.l[0], lay->x + x, y - ls.l[0].base);
	kg_li_lines_free(&ls);
	kg_inline_free(&in);
	return w;
}

void kg_lay_figure_end(kg_lay *lay)
{
	kg_li_elem_done(lay);
}
