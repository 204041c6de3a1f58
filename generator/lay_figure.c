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
	size_t len = strlen(s);
	float w = kg_li_width(lay, st, s, len);

	if (align == 1)
		x -= w / 2;
	else if (align == 2)
		x -= w;
	kg_li_text_op(lay, st, lay->x + x, y, kg_lay_str(lay, s, len),
		      (uint32_t)len);
	return w;
}

void kg_lay_figure_end(kg_lay *lay)
{
	kg_li_elem_done(lay);
}
