/*
 * render_pdf.c - drawing laid-out pages into the PDF file (see
 * render_pdf.h).
 *
 * Each page is drawn in three passes: backgrounds and rules (box
 * fragments first, outer boxes before inner ones), then all text as one
 * text object, then link annotations; a watermark, when there is one,
 * between the first two, so that it lies under the text (an artifact of
 * its own). In a tagged PDF (po->tags) the
 * first pass is one artifact, decoration; in the text object each run of
 * text of one structure element is a marked-content sequence with the
 * page's next MCID, and the running header and footer, dot leaders and a
 * table's header row repeated on a later page are artifacts. The content stream holds the
 * handful of operators the layout needs (re f, m l S, rg RG w, BT Tf Td
 * Tj ET); text is already measured and encoded (fonts.c). A page is
 * written the moment it is drawn: its content stream, then its link
 * annotations and form widgets (pdf_form.h), then the page object, whose
 * number was reserved with all the others' so that a link may point to
 * any page, before or after.
 */
#include "render_pdf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "labels.h"

typedef struct S_pen {
	kg_fonts *fonts;      /* the text's encoding and widths */
	const kg_geom *g;
	const kg_page_objs *po;
	kg_buf out;           /* the content stream */
	kg_rgb fill, stroke;  /* graphics state */
	float line_w;
	int face;             /* text state */
	float size;
	float tx, ty;         /* start of the current line (Td) */
	kg_tags *tags;        /* marked content: NULL for none */
	size_t page;          /* the page, from 0 in the document */
	uint32_t mcid;        /* the page's next MCID */
	int want, open;       /* the mark the next text needs, the one open */
	size_t seen;          /* elements of the run drawn so far: one below
			       * is a table's header row, repeated */
} S_pen;

/* Marks besides a structure element's number (>= 0). */
enum { S_NO_MARK = -100, S_ART = KG_TAG_ARTIFACT, S_ART_HEAD = -2,
       S_ART_FOOT = -3 };

/* Append v with at most two decimals ("12", "12.5", "-0.25"). */
static void S_num(kg_buf *b, float v)
{
	kg_pdf_fixed(b, lrintf(v * 100), 2);
}

/* "r g b rg" (op "rg") or "RG" */
static void S_colour_op(kg_buf *b, kg_rgb c, const char *op)
{
	int shift;

	for (shift = 16; shift >= 0; shift -= 8) {
		/* three decimals is finer than 8 bits a channel */
		long v = lrintf((float)((c >> shift) & 0xff) * 1000.0f / 255.0f);
		char d[6];

		if (v == 0 || v == 1000) {
			kg_buf_puts(b, v ? "1 " : "0 ");
			continue;
		}
		d[0] = '.';
		d[1] = (char)('0' + v / 100);
		d[2] = (char)('0' + v / 10 % 10);
		d[3] = (char)('0' + v % 10);
		d[4] = ' ';
		kg_buf_put(b, d, 5);
	}
	kg_buf_puts(b, op);
	kg_buf_putc(b, '\n');
}

static void S_fill_colour(S_pen *pen, kg_rgb c)
{
	if (pen->fill != c) {
		S_colour_op(&pen->out, c, "rg");
		pen->fill = c;
	}
}

static void S_rect(S_pen *pen, float x, float y, float w, float h, kg_rgb c)
{
	if (w <= 0 || h <= 0)
		return;
	S_fill_colour(pen, c);
	S_num(&pen->out, x);
	S_num(&pen->out, pen->g->page_h - y - h);
	S_num(&pen->out, w);
	S_num(&pen->out, h);
	kg_buf_puts(&pen->out, "re f\n");
}

/* The stroke's colour and width, set when they change. */
static void S_stroke(S_pen *pen, float width, kg_rgb c)
{
	if (pen->stroke != c) {
		S_colour_op(&pen->out, c, "RG");
		pen->stroke = c;
	}
	if (pen->line_w != width) {
		S_num(&pen->out, width);
		kg_buf_puts(&pen->out, "w\n");
		pen->line_w = width;
	}
}

static void S_line(S_pen *pen, float x, float y, float dx, float dy,
		   float width, kg_rgb c)
{
	S_stroke(pen, width, c);
	S_num(&pen->out, x);
	S_num(&pen->out, pen->g->page_h - y);
	kg_buf_puts(&pen->out, "m ");
	S_num(&pen->out, x + dx);
	S_num(&pen->out, pen->g->page_h - y - dy);
	kg_buf_puts(&pen->out, "l S\n");
}

/* A stroked rectangle: a box to tick. */
static void S_frame(S_pen *pen, float x, float y, float w, float h,
		    float width, kg_rgb c)
{
	if (w <= 0 || h <= 0)
		return;
	S_stroke(pen, width, c);
	S_num(&pen->out, x);
	S_num(&pen->out, pen->g->page_h - y - h);
	S_num(&pen->out, w);
	S_num(&pen->out, h);
	kg_buf_puts(&pen->out, "re S\n");
}

/* Write object num, body b: a tagged PDF (a PDF 1.5 file) packs its
 * pages and annotations into object streams, as it does its structure
 * elements, which keeps the file about as small as an untagged one. */
static void S_put_obj(kg_pdf_file *pdf, const kg_page_objs *po, uint32_t num,
		      const kg_buf *b)
{
	if (po->tags) {
		kg_pdf_obj_packed(pdf, num, b->ptr, b->len);
		return;
	}
	kg_pdf_obj_begin(pdf, num);
	kg_pdf_put_buf(pdf, b);
	kg_pdf_obj_end(pdf);
}

/* ---- one element at an origin ------------------------------------------ */

/* Is op a filled area of a Figure (a chart's bar) in a tagged PDF: its
 * content, not decoration (S_figures draws it)? */
static int S_figure_rect(const S_pen *pen, const kg_op *op)
{
	return pen->tags && op->type == KG_OP_RECT && op->tag > 0 &&
	       strcmp(kg_tags_name(pen->tags, op->tag), "Figure") == 0;
}

/* The element's filled areas (lines 0) or its rules (lines 1). */
static void S_elem_graphics(kg_lay *lay, S_pen *pen, const kg_elem *e,
			    float ox, float oy, int lines)
{
	uint32_t k;

	for (k = e->op0; k < e->op0 + e->nops; k++) {
		const kg_op *op = kg_lay_op(lay, k);

		if (op->type == KG_OP_RECT && !lines && !S_figure_rect(pen, op))
			S_rect(pen, ox + op->x, oy + op->y, op->w, op->h, op->color);
		else if (op->type == KG_OP_LINE && lines)
			S_line(pen, ox + op->x, oy + op->y, op->w, op->h, op->size,
			       op->color);
		else if (op->type == KG_OP_FRAME && lines)
			S_frame(pen, ox + op->x, oy + op->y, op->w, op->h, op->size,
				op->color);
	}
}

/* Open the marked-content sequence the next text needs, closing the one
 * open. */
static void S_mark(S_pen *pen)
{
	kg_buf *b = &pen->out;

	if (!pen->tags || pen->want == pen->open)
		return;
	if (pen->open != S_NO_MARK)
		kg_buf_puts(b, "EMC\n");
	pen->open = pen->want;
	if (pen->open == S_ART_HEAD || pen->open == S_ART_FOOT)
		kg_buf_printf(b, "/Artifact <</Type /Pagination /Subtype /%s>> BDC\n",
			      pen->open == S_ART_HEAD ? "Header" : "Footer");
	else if (pen->open < 0 && pen->open != S_NO_MARK)
		kg_buf_puts(b, "/Artifact BMC\n");
	else if (pen->open >= 0) {
		kg_buf_putc(b, '/');
		kg_buf_puts(b, kg_tags_name(pen->tags, pen->open));
		kg_buf_puts(b, " <</MCID ");
		kg_buf_putu(b, pen->mcid);
		kg_buf_puts(b, ">> BDC\n");
		kg_tags_mark(pen->tags, pen->open, pen->page, pen->mcid++);
	}
}

static void S_show(S_pen *pen, kg_face face, int rtl, float size,
		   kg_rgb color, float x, float y, const char *s, size_t len)
{
	kg_buf *b = &pen->out;

	if (!kg_fonts_used(pen->fonts, face) || len == 0)
		return;
	S_mark(pen);
	S_fill_colour(pen, color);
	y = pen->g->page_h - y;
	S_num(b, x - pen->tx);
	S_num(b, y - pen->ty);
	kg_buf_puts(b, "Td\n");
	/* Td moves by the rounded amounts: track where the line really is */
	pen->tx += (float)lrintf((x - pen->tx) * 100) / 100;
	pen->ty += (float)lrintf((y - pen->ty) * 100) / 100;
	if (kg_fonts_emboldens(pen->fonts, face, s, len))
		S_stroke(pen, size * KG_FONTS_BOLD_STROKE, color);
	kg_fonts_show(pen->fonts, face, rtl, size, s, len, &pen->face, &pen->size,
		      b);
}

/* The element's text; force: the mark all of it gets (an artifact), or
 * S_NO_MARK for each operation's own. */
static void S_elem_text(kg_lay *lay, S_pen *pen, const kg_elem *e, float ox,
			float oy, int force)
{
	uint32_t k;

	for (k = e->op0; k < e->op0 + e->nops; k++) {
		const kg_op *op = kg_lay_op(lay, k);

		pen->want = force != S_NO_MARK ? force : op->tag < 0 ? S_ART : op->tag;
		if (op->type == KG_OP_TEXT) {
			S_show(pen, op->face, op->rtl, op->size, op->color,
			       ox + op->x, oy + op->y, kg_lay_at(lay, op->str),
			       op->len);
		} else if (op->type == KG_OP_PAGEREF) {
			char *id = kg_xstrndup(kg_lay_at(lay, op->str), op->len);
			long page = kg_lay_dest(lay, id, NULL);
			kg_buf num = KG_BUF_INIT;
			float w;

			free(id);
			if (page < 0)
				continue;
			kg_digits_put(&num, pen->po->digits, (unsigned long)page + 1);
			w = (float)kg_fonts_width(pen->fonts, op->face, num.ptr, num.len) *
			    op->size / 1000.0f;
			/* right-aligned at x; on a mirrored page, starting there */
			S_show(pen, op->face, 0, op->size, op->color,
			       ox + op->x - (op->rtl ? 0 : w), oy + op->y, num.ptr,
			       num.len);
			kg_buf_release(&num);
		}
	}
}

/* The text of the element's runs of structure element tag, as a PDF
 * text string: what a link annotation says it is (/Contents). */
static void S_link_text(kg_lay *lay, const kg_elem *e, int tag, kg_buf *tmp,
			kg_buf *out)
{
	uint32_t k;

	kg_buf_reset(tmp);
	for (k = e->op0; k < e->op0 + e->nops; k++) {
		const kg_op *op = kg_lay_op(lay, k);

		if (op->type == KG_OP_TEXT && op->tag == tag)
			kg_buf_put(tmp, kg_lay_at(lay, op->str), op->len);
	}
	kg_buf_rtrim(tmp);
	kg_buf_puts(out, " /Contents ");
	kg_pdf_text(out, tmp->ptr, tmp->len);
}

/* One link annotation per link area of the element, written as an
 * object of its own; its number is added to annots. In a tagged PDF it
 * belongs to its Link element (the operation's tag) and says its text. */
static void S_elem_links(kg_lay *lay, kg_pdf_file *pdf, S_pen *pen,
			 const kg_elem *e, float ox, float oy, kg_buf *annots)
{
	kg_buf a = KG_BUF_INIT;
	uint32_t k;

	for (k = e->op0; k < e->op0 + e->nops; k++) {
		const kg_op *op = kg_lay_op(lay, k);
		const kg_link *l;
		float left, top;
		const char *target;
		uint32_t num;

		if (op->type != KG_OP_LINK)
			continue;
		l = kg_lay_link_at(lay, op->aux);
		target = kg_lay_at(lay, l->target);
		left = ox + op->x;
		top = pen->g->page_h - (oy + op->y);
		kg_buf_reset(&a);
		kg_buf_puts(&a, "<< /Type /Annot /Subtype /Link /Rect [");
		kg_pdf_num(&a, left, 3);
		kg_pdf_num(&a, top - op->h, 3);
		kg_pdf_num(&a, left + op->w, 3);
		kg_pdf_num(&a, top, 3);
		kg_buf_puts(&a, "] /Border [0 0 0] ");
		if (target[0] == '#') {
			char *id = kg_xstrndup(target + 1, l->len - 1);
			int found;

			kg_buf_puts(&a, "/Dest ");
			found = kg_render_dest(lay, pen->g, pen->po, id, &a) == 0;
			free(id);
			if (!found) /* no such anchor: no link */
				continue;
		} else {
			kg_buf_puts(&a, "/A << /S /URI /URI ");
			kg_pdf_literal(&a, target, l->len);
			kg_buf_puts(&a, " >>");
		}
		num = kg_pdf_reserve(pdf);
		if (pen->tags && op->tag > 0) {
			kg_buf t = KG_BUF_INIT;

			S_link_text(lay, e, op->tag, &t, &a);
			kg_buf_printf(&a, " /StructParent %ld",
				      kg_tags_annot(pen->tags, op->tag, pen->page, num));
			kg_buf_release(&t);
		}
		kg_buf_puts(&a, " >>");
		S_put_obj(pdf, pen->po, num, &a);
		kg_buf_printf(annots, "%lu 0 R ", (unsigned long)num);
	}
	kg_buf_release(&a);
}

/* The form's widgets the element places (KG_OP_FIELD), added to annots. */
static void S_elem_widgets(kg_lay *lay, S_pen *pen, const kg_elem *e,
			   float ox, float oy, kg_buf *annots)
{
	uint32_t k;

	for (k = e->op0; k < e->op0 + e->nops; k++) {
		const kg_op *op = kg_lay_op(lay, k);
		float r[4];

		if (op->type != KG_OP_FIELD)
			continue;
		r[0] = ox + op->x;
		r[3] = pen->g->page_h - (oy + op->y);
		r[1] = r[3] - op->h;
		r[2] = r[0] + op->w;
		kg_form_put(pen->po->form, op->aux, pen->page,
			    (uint32_t)(pen->po->page0 + pen->page), r, annots);
	}
}

/* ---- boxes ---------------------------------------------------------------- */

/* Draw the fragment of every box with elements on page pg. A box that
 * began on an earlier page starts at the padding left for it at the top;
 * one that goes on to a later page ends a padding below its last line. */
static void S_boxes(kg_lay *lay, const kg_lpage *pg, S_pen *pen, float *top,
		    float *bot)
{
	size_t p, b;
	size_t first_el = 0, last_el = 0;
	int any = 0;

	for (b = 0; b < kg_lay_nboxes(lay); b++) {
		top[b] = HUGE_VALF;
		bot[b] = -HUGE_VALF;
	}
	for (p = pg->p0; p < pg->p0 + pg->np; p++) {
		const kg_place *pl = kg_lay_place(lay, p);
		const kg_elem *e = kg_lay_elem(lay, pl->elem);
		int bx;

		/* a repeated table header comes first but is not where the
		 * page's flow starts */
		if (!any || (first_el == kg_lay_place(lay, pg->p0)->elem &&
			     (long)first_el == kg_lay_elem(lay, pl->elem)->head))
			first_el = pl->elem;
		last_el = pl->elem;
		any = 1;
		for (bx = e->box; bx >= 0; bx = kg_lay_box(lay, bx)->parent) {
			top[bx] = fminf(top[bx], pl->y);
			bot[bx] = fmaxf(bot[bx], pl->y + e->h);
		}
	}
	if (!any)
		return;
	{ /* boxes cut at the top: outermost at 0, each inner one a pad lower */
		int chain[64], n = 0, i, bx;
		float y = 0;

		for (bx = kg_lay_elem(lay, first_el)->box; bx >= 0 && n < 64;
		     bx = kg_lay_box(lay, bx)->parent)
			if (kg_lay_box(lay, bx)->first < first_el)
				chain[n++] = bx;
		for (i = n - 1; i >= 0; i--) {
			top[chain[i]] = y;
			y += kg_lay_box(lay, (size_t)chain[i])->st.pad;
		}
		/* boxes cut at the bottom: innermost a pad below, each outer one
		 * a pad further */
		n = 0;
		for (bx = kg_lay_elem(lay, last_el)->box; bx >= 0 && n < 64;
		     bx = kg_lay_box(lay, bx)->parent)
			if (kg_lay_box(lay, bx)->last > last_el)
				chain[n++] = bx;
		y = n ? bot[chain[0]] : 0;
		for (i = 0; i < n; i++) {
			y += kg_lay_box(lay, (size_t)chain[i])->st.pad;
			bot[chain[i]] = y;
		}
	}
	for (b = 0; b < kg_lay_nboxes(lay); b++) {
		const kg_box *bx = kg_lay_box(lay, b);
		float x = pen->g->body_x + bx->x, y = pen->g->body_y + top[b];
		float h = bot[b] - top[b];

		if (top[b] == HUGE_VALF)
			continue;
		if (bx->st.fill != 0xFFFFFF)
			S_rect(pen, x, y, bx->w, h, bx->st.fill);
		/* the bar and the strip at the box's start: its right when
		 * the page is mirrored (a right-to-left kit) */
		if (bx->st.bar_w > 0)
			S_rect(pen, bx->mirrored ? x + bx->w - bx->st.bar_w : x, y,
			       bx->st.bar_w, h, bx->st.bar);
		if (bx->st.strip_w > 0)
			S_rect(pen, bx->mirrored ? x + bx->w - bx->st.bar_w -
				       bx->st.strip_w : x + bx->st.bar_w,
			       y, bx->st.strip_w, h, bx->st.strip);
	}
}

/* ---- pages ------------------------------------------------------------------------ */

const char *kg_render_font_name(kg_face face)
{
	static const char *const names[KG_NFACES] = {"F0", "F1", "F2", "F3", "F4",
							     "F5", "F6", "F7", "F8"};

	return names[face];
}

int kg_render_dest(kg_lay *lay, const kg_geom *g, const kg_page_objs *po,
		   const char *id, kg_buf *out)
{
	float y;
	long page = kg_lay_dest(lay, id, &y);

	if (page < 0)
		return -1;
	kg_buf_printf(out, "[%lu 0 R /XYZ 0 ", (unsigned long)(po->page0 + page));
	kg_pdf_num(out, g->page_h - g->body_y - y + g->target_above, 3);
	kg_buf_puts(out, "null]");
	return 0;
}

/* The page object of page n of the document. */
static void S_page_object(kg_pdf_file *pdf, const kg_geom *g,
			  const kg_page_objs *po, size_t n, uint32_t contents,
			  const kg_buf *annots)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "<< /Type /Page /Parent %lu 0 R /MediaBox [0 0 ",
		      (unsigned long)po->parent);
	/* the float's five decimals, as libharu wrote them (841.89001): the
	 * same page, to the pixel */
	kg_pdf_num(&b, g->page_w, 5);
	kg_pdf_num(&b, g->page_h, 5);
	kg_buf_printf(&b, "] /Resources %lu 0 R /Contents %lu 0 R",
		      (unsigned long)po->resources, (unsigned long)contents);
	if (po->tags)
		kg_buf_printf(&b, " /StructParents %zu%s", n,
			      annots->len ? " /Tabs /S" : "");
	if (annots->len) {
		kg_buf_puts(&b, " /Annots [");
		kg_buf_put(&b, annots->ptr, annots->len - 1); /* no last space */
		kg_buf_putc(&b, ']');
	}
	kg_buf_puts(&b, " >>");
	S_put_obj(pdf, po, (uint32_t)(po->page0 + n), &b);
	kg_buf_release(&b);
}

/* The element placed at placement p of the run; y is set to its top in
 * the body area. */
static const kg_elem *S_placed(kg_lay *lay, size_t p, float *y)
{
	const kg_place *pl = kg_lay_place(lay, p);

	*y = pl->y;
	return kg_lay_elem(lay, pl->elem);
}

/* Every filled area and rule of the page, backgrounds first, so that no
 * background hides a rule: decoration, one artifact in a tagged PDF. */
static void S_graphics(kg_lay *lay, const kg_lpage *pg, S_pen *pen,
		       float *top, float *bot)
{
	const kg_geom *g = pen->g;
	size_t p, mark;
	const kg_elem *e;
	float y;
	int lines;

	if (pen->tags)
		kg_buf_puts(&pen->out, "/Artifact BMC\n");
	mark = pen->out.len;
	if (pg->back >= 0)
		S_elem_graphics(lay, pen, kg_lay_elem(lay, pg->back), 0, 0, 0);
	S_boxes(lay, pg, pen, top, bot);
	for (lines = 0; lines < 2; lines++) {
		for (p = pg->p0; p < pg->p0 + pg->np; p++) {
			e = S_placed(lay, p, &y);
			S_elem_graphics(lay, pen, e, g->body_x, g->body_y + y, lines);
		}
		if (pg->head >= 0)
			S_elem_graphics(lay, pen, kg_lay_elem(lay, pg->head), g->body_x,
					g->head_y, lines);
		if (pg->foot >= 0)
			S_elem_graphics(lay, pen, kg_lay_elem(lay, pg->foot), g->body_x,
					g->foot_y, lines);
	}
	if (!pen->tags)
		return;
	if (pen->out.len == mark) { /* nothing drawn: no artifact */
		pen->out.len = mark - strlen("/Artifact BMC\n");
		pen->out.ptr[pen->out.len] = '\0';
	} else {
		kg_buf_puts(&pen->out, "EMC\n");
	}
}

/* The filled areas of the page's figures, each marked as its Figure's
 * content (after S_graphics, which leaves them out). */
static void S_figures(kg_lay *lay, const kg_lpage *pg, S_pen *pen)
{
	const kg_geom *g = pen->g;
	size_t p;
	uint32_t k;
	float y;

	for (p = pg->p0; p < pg->p0 + pg->np; p++) {
		const kg_elem *e = S_placed(lay, p, &y);

		for (k = e->op0; k < e->op0 + e->nops; k++) {
			const kg_op *op = kg_lay_op(lay, k);

			if (!S_figure_rect(pen, op))
				continue;
			pen->want = op->tag;
			S_mark(pen);
			S_rect(pen, g->body_x + op->x, g->body_y + y + op->y, op->w,
			       op->h, op->color);
		}
	}
	if (pen->open != S_NO_MARK)
		kg_buf_puts(&pen->out, "EMC\n");
	pen->open = S_NO_MARK;
}

/* The watermark (render_pdf.h): one line of text, turned and
 * translucent, in a text object of its own inside q ... Q, so that the
 * pen's state (colour, font) is as before it. */
static void S_watermark(S_pen *pen)
{
	const kg_watermark *w = &pen->po->watermark;
	kg_buf *b = &pen->out;
	int font = -1; /* the text object's own: kg_fonts_show sets it */
	float size = -1;
	size_t i;

	if (!w->text || !*w->text || !kg_fonts_used(pen->fonts, w->face))
		return;
	if (pen->tags)
		kg_buf_puts(b, "/Artifact <</Type /Pagination /Subtype /Watermark>> BDC\n");
	kg_buf_puts(b, "q /" KG_WATERMARK_GS " gs BT\n");
	S_colour_op(b, w->color, "rg");
	kg_pdf_num(b, w->cos, 4);
	kg_pdf_num(b, w->sin, 4);
	kg_pdf_num(b, -w->sin, 4);
	kg_pdf_num(b, w->cos, 4);
	S_num(b, w->x);
	S_num(b, pen->g->page_h - w->y);
	kg_buf_puts(b, "Tm\n");
	if (kg_fonts_emboldens(pen->fonts, w->face, w->text, strlen(w->text))) {
		S_colour_op(b, w->color, "RG");
		S_num(b, w->size * KG_FONTS_BOLD_STROKE);
		kg_buf_puts(b, "w\n");
	}
	for (i = 0; i < w->nruns; i++) /* each run after the one before */
		kg_fonts_show(pen->fonts, w->face, w->runs[i].level & 1, w->size,
			      w->text + w->runs[i].off, w->runs[i].len, &font,
			      &size, b);
	kg_buf_puts(b, "ET Q\n");
	if (pen->tags)
		kg_buf_puts(b, "EMC\n");
}

/* All the page's text, one text object. */
static void S_text(kg_lay *lay, const kg_lpage *pg, S_pen *pen)
{
	const kg_geom *g = pen->g;
	const kg_elem *e;
	size_t p;
	float y;

	kg_buf_puts(&pen->out, "BT\n");
	if (pg->back >= 0)
		S_elem_text(lay, pen, kg_lay_elem(lay, pg->back), 0, 0, S_ART);
	for (p = pg->p0; p < pg->p0 + pg->np; p++) {
		size_t el = kg_lay_place(lay, p)->elem;
		int repeat = el < pen->seen;

		if (!repeat)
			pen->seen = el + 1;
		e = S_placed(lay, p, &y);
		S_elem_text(lay, pen, e, g->body_x, g->body_y + y,
			    repeat ? S_ART : S_NO_MARK);
	}
	if (pg->head >= 0)
		S_elem_text(lay, pen, kg_lay_elem(lay, pg->head), g->body_x, g->head_y,
			    S_ART_HEAD);
	if (pg->foot >= 0)
		S_elem_text(lay, pen, kg_lay_elem(lay, pg->foot), g->body_x, g->foot_y,
			    S_ART_FOOT);
	if (pen->tags && pen->open != S_NO_MARK)
		kg_buf_puts(&pen->out, "EMC\n");
	pen->open = S_NO_MARK;
	kg_buf_puts(&pen->out, "ET\n");
}

static void S_page(kg_lay *lay, kg_fonts *fonts, kg_pdf_file *pdf, size_t n,
		   const kg_geom *g, const kg_page_objs *po, float *top,
		   float *bot, size_t *seen)
{
	const kg_lpage *pg = kg_lay_page(lay, n);
	kg_buf annots = KG_BUF_INIT;
	uint32_t contents = kg_pdf_reserve(pdf);
	S_pen pen;
	const kg_elem *e;
	size_t p;
	float y;

	memset(&pen, 0, sizeof(pen));
	pen.fonts = fonts;
	pen.g = g;
	pen.po = po;
	pen.fill = pen.stroke = 0x000000;
	pen.line_w = 1;
	kg_buf_init(&pen.out);
	pen.face = -1;
	pen.tags = po->tags;
	pen.page = kg_lay_pages_before(lay) + n;
	pen.open = pen.want = S_NO_MARK;
	pen.seen = *seen;
	S_graphics(lay, pg, &pen, top, bot);
	if (pen.tags)
		S_figures(lay, pg, &pen);
	S_watermark(&pen);
	S_text(lay, pg, &pen);
	*seen = pen.seen;
	kg_pdf_stream(pdf, contents, NULL, pen.out.ptr, pen.out.len);
	kg_buf_release(&pen.out);
	for (p = pg->p0; p < pg->p0 + pg->np; p++) {
		e = S_placed(lay, p, &y);
		S_elem_links(lay, pdf, &pen, e, g->body_x, g->body_y + y, &annots);
		if (po->form)
			S_elem_widgets(lay, &pen, e, g->body_x, g->body_y + y,
				       &annots);
	}
	S_page_object(pdf, g, po, pen.page, contents, &annots);
	if (po->tags)
		kg_tags_page_end(po->tags, pen.page);
	kg_buf_release(&annots);
}

int kg_render_run(kg_lay *lay, kg_fonts *fonts, kg_pdf_file *pdf,
		  const kg_geom *g, const kg_page_objs *po, kg_diags *d)
{
	float *top = kg_xcalloc(kg_lay_nboxes(lay) + 1, sizeof(*top));
	float *bot = kg_xcalloc(kg_lay_nboxes(lay) + 1, sizeof(*bot));
	size_t n, seen = 0;

	for (n = 0; n < kg_lay_run_pages(lay); n++)
		S_page(lay, fonts, pdf, n, g, po, top, bot, &seen);
	free(top);
	free(bot);
	if (pdf->failed)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "cannot write the PDF pages");
	return 0;
}
