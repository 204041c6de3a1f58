/* lay_lines.c - line breaking (first fit, ragged; a word wider than the
 * line is cut between characters; code breaks as layout.h's "Code" says,
 * the part after a break inside it marked with a drawn hook; prose the
 * caller allows is hyphenated, lay_hyph.c) and a line's drawing
 * operations (layout.h, layout_int.h). Lines are broken in logical order;
 * lay_bidi.c gives the pieces their levels first and their places in
 * visual order last (layout.h, "Bidi"). */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

/* ---- line breaking ---------------------------------------------------------- */




void kg_li_lines_free(kg_li_lines *ls)
{
	free(ls->s);
	free(ls->l);
}

static kg_li_line *S_open_line(kg_li_lines *ls)
{
	return ls->nl ? &ls->l[ls->nl - 1] : NULL;
}

static void S_new_line(kg_li_lines *ls)
{
	kg_li_line *l;

	KG_GROW(ls->l, ls->cap_l, ls->nl + 1);
	l = &ls->l[ls->nl++];
	memset(l, 0, sizeof(*l));
	l->s0 = ls->ns;
	ls->x = 0;
}

static void S_place(kg_li_lines *ls, const kg_piece *p, uint32_t str, uint32_t len,
		    float w)
{
	kg_li_placed *s;
	kg_li_line *l = S_open_line(ls);

	KG_GROW(ls->s, ls->cap_s, ls->ns + 1);
	s = &ls->s[ls->ns++];
	s->p = *p;
	s->p.str = str;
	s->p.len = len;
	s->p.w = w;
	s->x = ls->x;
	ls->x += w;
	l->ns++;
	l->w = ls->x;
	if (p->st.size > l->size)
		l->size = p->st.size;
}

/* A continuation mark: a hook drawn before the rest of code broken
 * across lines (placed here, or given by kg_inline_mark). */
#define S_MARK KG_PIECE_MARK

/* Is the open line empty, but for a continuation mark? */
static int S_line_empty(kg_li_lines *ls)
{
	const kg_li_line *l = S_open_line(ls);

	return l->ns == 0 || (l->ns == 1 && ls->s[l->s0].p.kind == S_MARK);
}

/* Start a new line; when it breaks code (the open line ends in verbatim
 * text, next is verbatim, and no space stands between them), start it
 * with the continuation mark, in next's style. */
static void S_break_line(kg_lay *lay, kg_li_lines *ls, const kg_piece *next,
			 int at_space)
{
	const kg_li_line *l = S_open_line(ls);
	int mark = !at_space && l->ns && next->st.verbatim &&
		   ls->s[l->s0 + l->ns - 1].p.st.verbatim &&
		   ls->s[l->s0 + l->ns - 1].p.kind != S_MARK;
	kg_piece m;

	S_new_line(ls);
	if (!mark)
		return;
	m = *next;
	m.kind = S_MARK;
	m.st.tag = KG_TAG_ARTIFACT;
	m.st.color = lay->st->muted;
	m.len = 0;
	S_place(ls, &m, next->str, 0, next->st.size * lay->st->m.code_mark);
}

/* Place a segment too wide for any line, cutting it between characters:
 * where the line is full, or a little before, at the last place on it
 * of the best rank (kg_li_cut_rank): "Acceptable（2点）" in a narrow box
 * is cut before its "（", not after it. */
static void S_place_cut(kg_lay *lay, kg_li_lines *ls, const kg_piece *pieces,
			size_t n, float width)
{
	size_t k;

	for (k = 0; k < n; k++) {
		const kg_piece *src = &pieces[k];
		const char *text = lay->run.text.ptr + src->str, *end = text + src->len;
		const char *p = text, *start = text;
		/* the last place to cut since start of each rank (1, 2), and
		 * the width from start to it */
		const char *best[3] = {NULL, NULL, NULL};
		float best_part[3] = {0, 0, 0}, part = 0;
		uint32_t prev = 0;

		while (p < end) {
			const char *at = p;
			uint32_t c = kg_utf8_next_bmp(&p, end);
			float cw = (float)lay->fonts.char_width(lay->fonts.ctx, src->st.face,
							      c) * src->st.size / 1000.0f;
			int rank = at > start ? kg_li_cut_rank(prev, c) : 0;

			if (rank) {
				best[rank] = at;
				best_part[rank] = part;
			}
			if (ls->x + part + cw > width + KG_LI_EPS &&
			    (!S_line_empty(ls) || part > 0)) {
				int r = best[2] ? 2 : best[1] ? 1 : 0;
				const char *cut = r ? best[r] : at;
				float cut_part = r ? best_part[r] : part;

				if (cut > start)
					S_place(ls, src, src->str + (uint32_t)(start - text),
						(uint32_t)(cut - start), cut_part);
				S_break_line(lay, ls, src, 0);
				start = cut;
				part -= cut_part;
				best[1] = best[2] = NULL;
				/* the place at at, after cut, is still one */
				if (at > start && rank) {
					best[rank] = at;
					best_part[rank] = part;
				}
			}
			part += cw;
			prev = c;
		}
		if (p > start)
			S_place(ls, src, src->str + (uint32_t)(start - text),
				(uint32_t)(p - start), part);
	}
}

static int S_has_box(const kg_li_lines *ls, const kg_li_line *l)
{
	size_t k;

	for (k = 0; k < l->ns; k++)
		if (ls->s[l->s0 + k].p.st.box)
			return 1;
	return 0;
}

/* The least height of a line holding a box to tick: the box and room
 * above and below it for the pen. */
static float S_box_line(const kg_lay *lay)
{
	return lay->st->m.forms_box * 1.4f;
}

/* Width of pieces [i, j). */
static float S_width(const kg_inline *in, size_t i, size_t j)
{
	float w = 0;

	for (; i < j; i++)
		w += in->p[i].w;
	return w;
}

/* Place pieces [i, j), a segment wider than a line, from where the open
 * line is: first fit at the places code may break inside a token
 * (KG_BRK_CODE); a part wider than a line is cut between characters
 * where the line ends, not moved whole to a line of its own. */
static void S_place_long(kg_lay *lay, kg_li_lines *ls, const kg_inline *in,
			 size_t i, size_t j, float width)
{
	while (i < j) {
		size_t k = i;
		float w;

		while (k < j - 1 && in->p[k].brk != KG_BRK_CODE)
			k++;
		k++; /* [i, k): up to and with the next place to break */
		w = S_width(in, i, k);
		if (w > width + KG_LI_EPS) {
			S_place_cut(lay, ls, &in->p[i], k - i, width);
			i = k;
			continue;
		}
		if (ls->x + w > width + KG_LI_EPS && !S_line_empty(ls))
			S_break_line(lay, ls, &in->p[i], 0);
		for (; i < k; i++)
			S_place(ls, &in->p[i], in->p[i].str, in->p[i].len, in->p[i].w);
	}
}

/* A line is hyphenated only when without it it would be filled less
 * than this: hyphenating every line that can be takes a hyphen to a
 * fifth of the public kit's lines for little gain (README, "How lines
 * break"). */
#define S_HYPH_FILL 0.9f

/* End the open line with a head of word piece p (after the space
 * pending, if any) and a drawn hyphen, if the line is short enough to
 * need it, a point of the word fits (lay_hyph.c) and the line would not
 * be the third hyphenated in a row; *rest is set to the word's tail.
 * The hyphen is decoration, no character of the text (an artifact), so
 * a copy holds the word whole. */
static int S_hyph_head(kg_lay *lay, kg_li_lines *ls, const kg_piece *p,
		       const kg_piece *space, float width, kg_piece *rest)
{
	float spw = space ? space->w : 0, hw, head_w, room;
	kg_li_line *l = S_open_line(ls);
	kg_piece hy;
	uint32_t head;

	if (ls->x >= S_HYPH_FILL * width || (ls->nl >= 3 && l[-1].hyph && l[-2].hyph))
		return 0;
	hw = kg_li_width(lay, &p->st, "-", 1);
	room = width + KG_LI_EPS - ls->x - spw - hw;
	if (room <= 0 || !(head = kg_li_hyph_fit(lay, p, room, &head_w)))
		return 0;
	if (space)
		S_place(ls, space, space->str, 1, spw);
	S_place(ls, p, p->str, head, head_w);
	hy = *p;
	hy.st.tag = KG_TAG_ARTIFACT;
	S_place(ls, &hy, kg_lay_str(lay, "-", 1), 1, hw);
	S_open_line(ls)->hyph = 1;
	S_new_line(ls);
	*rest = *p;
	rest->str += head;
	rest->len -= head;
	rest->w = kg_li_width(lay, &p->st, lay->run.text.ptr + rest->str, rest->len);
	return 1;
}

/* Place word piece p of prose the caller lets hyphenate (ls->hyph),
 * which does not fit the rest of the open line: hyphenated where a
 * point fits, else on the next line as ever; a word wider than a line
 * is hyphenated again on the lines it fills, and cut between characters
 * only where no point fits. */
static void S_place_hyphenated(kg_lay *lay, kg_li_lines *ls, const kg_piece *p,
			       const kg_piece *space, float width)
{
	kg_piece cur = *p;

	for (;;) {
		float spw = space ? space->w : 0;

		if (ls->x + spw + cur.w <= width + KG_LI_EPS) {
			if (space)
				S_place(ls, space, space->str, 1, spw);
			S_place(ls, &cur, cur.str, cur.len, cur.w);
			return;
		}
		if (S_hyph_head(lay, ls, &cur, space, width, &cur)) {
			space = NULL;
			continue;
		}
		if (S_line_empty(ls))
			break;
		S_break_line(lay, ls, &cur, 1);
		space = NULL;
	}
	S_place_cut(lay, ls, &cur, 1, width);
}

/* First-fit line breaking of in into lines of the given width. */
void kg_li_break(kg_lay *lay, const kg_inline *in, float width, kg_li_lines *ls,
		    float leading)
{
	size_t i = 0, j, k;
	long pending = -1; /* a space waiting for the next segment */
	const kg_metrics *f = &lay->fonts;
	float asc = (float)f->ascent(f->ctx, KG_FACE_REGULAR) / 1000.0f;
	float desc = (float)f->descent(f->ctx, KG_FACE_REGULAR) / 1000.0f;

	in = kg_li_bidi_levels(lay, in, &ls->rtl);
	S_new_line(ls);
	while (i < in->n) {
		const kg_piece *p = &in->p[i];
		float segw = 0, spw;

		if (p->kind == KG_PIECE_BREAK) {
			kg_li_line *l = S_open_line(ls);

			if (l->size < p->st.size)
				l->size = p->st.size;
			S_new_line(ls);
			pending = -1;
			i++;
			continue;
		}
		if (p->kind == KG_PIECE_SPACE) {
			if (S_open_line(ls)->ns)
				pending = (long)i;
			i++;
			continue;
		}
		j = i;
		do {
			segw += in->p[j].w;
			j++;
		} while (j < in->n && in->p[j - 1].brk != 1 &&
			 in->p[j].kind == KG_PIECE_WORD);
		spw = pending >= 0 ? in->p[pending].w : 0;
		if (ls->x + spw + segw <= width + KG_LI_EPS) {
			if (pending >= 0)
				S_place(ls, &in->p[pending], in->p[pending].str, 1, spw);
			for (k = i; k < j; k++)
				S_place(ls, &in->p[k], in->p[k].str, in->p[k].len,
					in->p[k].w);
			pending = -1;
			i = j;
			continue;
		}
		if (ls->hyph && j == i + 1) {
			S_place_hyphenated(lay, ls, p, pending >= 0 ? &in->p[pending] : NULL,
					   width);
			pending = -1;
			i = j;
			continue;
		}
		if (!S_line_empty(ls) && segw <= width + KG_LI_EPS) {
			/* try again on a fresh line */
			S_break_line(lay, ls, p, pending >= 0);
			pending = -1;
			continue;
		}
		/* wider than any line: it starts where the line is */
		if (pending >= 0 && ls->x + spw < width)
			S_place(ls, &in->p[pending], in->p[pending].str, 1, spw);
		S_place_long(lay, ls, in, i, j, width);
		pending = -1;
		i = j;
	}
	/* drop a trailing empty line, then set heights */
	if (ls->nl > 1 && ls->l[ls->nl - 1].ns == 0 && ls->l[ls->nl - 1].size == 0)
		ls->nl--;
	for (k = 0; k < ls->nl; k++) {
		kg_li_line *l = &ls->l[k];

		if (l->size == 0)
			l->size = in->n ? in->p[0].st.size : lay->st->body;
		l->h = l->size * leading;
		if (S_has_box(ls, l) && l->h < S_box_line(lay))
			l->h = S_box_line(lay);
		l->base = (l->h - l->size * (asc + desc)) / 2 + l->size * asc;
	}
	kg_li_bidi_lines(lay, ls);
}

/* ---- operations --------------------------------------------------------------- */

kg_op *kg_li_op(kg_lay *lay, kg_op_type type)
{
	kg_op *op;

	KG_GROW(lay->run.ops, lay->run.cap_ops, lay->run.nops + 1);
	op = &lay->run.ops[lay->run.nops++];
	memset(op, 0, sizeof(*op));
	op->type = type;
	op->aux = -1;
	op->tag = lay->tag;
	return op;
}

void kg_li_rect(kg_lay *lay, float x, float y, float w, float h, kg_rgb c)
{
	kg_op *op = kg_li_op(lay, KG_OP_RECT);

	op->x = x;
	op->y = y;
	op->w = w;
	op->h = h;
	op->color = c;
}

kg_op *kg_li_text_op(kg_lay *lay, const kg_tstyle *st, float x, float y,
		     uint32_t str, uint32_t len)
{
	kg_op *op = kg_li_op(lay, KG_OP_TEXT);

	op->face = st->face;
	op->size = st->size;
	op->color = st->color;
	op->x = x;
	op->y = y;
	op->str = str;
	op->len = len;
	if (st->tag)
		op->tag = st->tag;
	return op;
}

/* Pieces that can be one run of text: the same look, and the same thing
 * in the structure tree. */
static int S_same_look(const kg_tstyle *a, const kg_tstyle *b)
{
	return a->face == b->face && a->size == b->size && a->color == b->color &&
	       a->box == b->box && a->tag == b->tag && a->field == b->field;
}

/* Boxes to tick, drawn: n placed box pieces, their tops at y. */
static void S_boxes(kg_lay *lay, const kg_li_placed *s, size_t n, float x0,
		    float y)
{
	float side = lay->st->m.forms_box;
	size_t k;

	for (k = 0; k < n; k++) {
		kg_op *op = kg_li_op(lay, KG_OP_FRAME);

		op->x = x0 + s[k].x;
		op->y = y;
		op->w = op->h = side;
		op->size = lay->st->m.forms_box_rule;
		op->color = s[k].p.st.color;
		if (s[k].p.st.field) { /* a form field's widget over it */
			kg_op *w = kg_li_op(lay, KG_OP_FIELD);

			w->x = x0 + s[k].x;
			w->y = y;
			w->w = w->h = side;
			w->aux = s[k].p.st.field;
		}
	}
}

/* The continuation mark placed at s, its line's baseline at base: a
 * hook and an arrow (↪) of lines, so that it is no character of the
 * text (and is decoration: drawn with the page's artifacts). */
static void S_mark(kg_lay *lay, const kg_li_placed *s, float x0, float base)
{
	/* the hook's points, in units of the mark's size, up from the
	 * baseline: a curve down from its top, the shaft, the arrow */
	static const float pts[][4] = {
		{0.42f, 0.64f, 0.18f, 0.64f}, {0.18f, 0.64f, 0.07f, 0.52f},
		{0.07f, 0.52f, 0.17f, 0.36f}, {0.17f, 0.36f, 0.90f, 0.36f},
		{0.90f, 0.36f, 0.70f, 0.54f}, {0.90f, 0.36f, 0.70f, 0.18f}};
	float m = s->p.w, x = x0 + s->x;
	/* drawn the other way round in a kit that is mirrored later: code
	 * reads left to right everywhere */
	float dir = lay->rtl ? -1.0f : 1.0f;
	size_t k;

	if (lay->rtl)
		x += m;
	for (k = 0; k < sizeof(pts) / sizeof(pts[0]); k++) {
		kg_op *op = kg_li_op(lay, KG_OP_LINE);

		op->x = x + dir * pts[k][0] * m;
		op->y = base - pts[k][1] * m;
		op->w = dir * (pts[k][2] - pts[k][0]) * m;
		op->h = (pts[k][1] - pts[k][3]) * m;
		op->size = m * 0.09f;
		op->color = s->p.st.color;
		op->tag = KG_TAG_ARTIFACT;
	}
}

/* The left and right of placed pieces [i, j): in visual order they
 * need not be left to right (layout.h, "Bidi"). */
static void S_extent(const kg_li_placed *s, size_t i, size_t j, float *left,
		     float *right)
{
	*left = s[i].x;
	*right = s[i].x + s[i].p.w;
	for (i++; i < j; i++) {
		if (s[i].x < *left)
			*left = s[i].x;
		if (s[i].x + s[i].p.w > *right)
			*right = s[i].x + s[i].p.w;
	}
}

/* Operations for one line: text runs (pieces of one look merged), inline
 * code backgrounds and link areas. x0, y0: the line's top-left. */
void kg_li_line_ops(kg_lay *lay, const kg_li_lines *ls, const kg_li_line *l,
		       float x0, float y0)
{
	/* an empty line of an empty text has no pieces (and ls->s may be NULL) */
	const kg_li_placed *s = l->ns ? ls->s + l->s0 : NULL;
	float asc = (float)lay->fonts.ascent(lay->fonts.ctx, KG_FACE_REGULAR) / 1000.0f;
	float desc = (float)lay->fonts.descent(lay->fonts.ctx, KG_FACE_REGULAR) / 1000.0f;
	float base = y0 + l->base;
	float pad_x = lay->st->m.code_inline_pad_x;
	float pad_y = lay->st->m.code_inline_pad_y;
	kg_buf run = KG_BUF_INIT;
	size_t i = 0, j;

	while (i < l->ns) {
		const kg_tstyle *st = &s[i].p.st;
		int contiguous = 1;
		float left, right;
		kg_op *op;

		if (s[i].p.kind == S_MARK) {
			S_mark(lay, &s[i], x0, base);
			i++;
			continue;
		}
		/* a run of pieces of the same look and bidi level, spaces
		 * included, in logical order (layout.h, "Bidi"); pieces are
		 * mostly stored one after the other, so the run usually is a
		 * range of the store already */
		for (j = i + 1; j < l->ns && S_same_look(&s[j].p.st, st) &&
			    s[j].p.level == s[i].p.level && s[j].p.kind != S_MARK; j++)
			contiguous &= s[j].p.str == s[j - 1].p.str + s[j - 1].p.len;
		S_extent(s, i, j, &left, &right);
		if (st->box) {
			S_boxes(lay, s + i, j - i, x0, y0 + (l->h - lay->st->m.forms_box) / 2);
			i = j;
			continue;
		} else if (contiguous) {
			op = kg_li_text_op(lay, st, x0 + left, base, s[i].p.str,
					   s[j - 1].p.str + s[j - 1].p.len - s[i].p.str);
		} else {
			size_t k;

			kg_buf_reset(&run);
			for (k = i; k < j; k++)
				kg_buf_put(&run, lay->run.text.ptr + s[k].p.str, s[k].p.len);
			op = kg_li_text_op(lay, st, x0 + left, base,
					   kg_lay_str(lay, run.ptr, run.len),
					   (uint32_t)run.len);
		}
		op->w = right - left;
		op->rtl = s[i].p.level & 1;
		i = j;
	}
	kg_buf_release(&run);
	/* code backgrounds: one rectangle per run of code pieces */
	for (i = 0; i < l->ns; i = j) {
		float top, bottom, size, left, right;

		if (!s[i].p.st.code) {
			j = i + 1;
			continue;
		}
		size = s[i].p.st.size;
		for (j = i; j < l->ns && s[j].p.st.code && s[j].p.level == s[i].p.level; j++)
			;
		S_extent(s, i, j, &left, &right);
		top = base - size * asc - pad_y;
		bottom = base + size * desc + pad_y;
		kg_li_rect(lay, x0 + left - pad_x, top, right - left + 2 * pad_x,
			   bottom - top, lay->st->code_background);
	}
	/* link areas: one per run of pieces with the same link */
	for (i = 0; i < l->ns; i = j) {
		int link = s[i].p.st.link;
		float size = l->size, left, right;
		kg_op *op;

		if (link < 0) {
			j = i + 1;
			continue;
		}
		for (j = i; j < l->ns && s[j].p.st.link == link &&
			    s[j].p.level == s[i].p.level; j++)
			;
		S_extent(s, i, j, &left, &right);
		op = kg_li_op(lay, KG_OP_LINK);
		op->x = x0 + left;
		op->y = base - size * asc;
		op->w = right - left;
		op->h = size * (asc + desc);
		op->aux = link;
		if (s[i].p.st.tag)
			op->tag = s[i].p.st.tag;
	}
}
