/*
 * layout.c - line breaking, the vertical list and pagination (see
 * layout.h for the model).
 *
 * Invariants: elements are added in reading order and never move; a
 * box's elements are contiguous; every piece and operation string lives
 * in lay->text (offsets stay valid as it grows, pointers do not).
 */
#include "layout.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

#define S_EPS 0.01f

void kg_lay_init(kg_lay *lay, kg_fonts *fonts, const kg_pdf_style *st,
		 float width, float height)
{
	memset(lay, 0, sizeof(*lay));
	kg_buf_init(&lay->text);
	kg_buf_init(&lay->anchor_text);
	lay->fonts = fonts;
	lay->st = st;
	lay->width = lay->w = width;
	lay->height = height;
	lay->open_box = -1;
	lay->part = -1;
}

void kg_lay_free(kg_lay *lay)
{
	size_t i;

	kg_buf_release(&lay->text);
	free(lay->ops);
	free(lay->el);
	free(lay->boxes);
	free(lay->links);
	for (i = 0; i < lay->nparts; i++)
		free(lay->parts[i]);
	free(lay->parts);
	free(lay->place);
	free(lay->pages);
	free(lay->dests);
	kg_buf_release(&lay->anchor_text);
	memset(lay, 0, sizeof(*lay));
}

void kg_lay_run_reset(kg_lay *lay)
{
	kg_buf_reset(&lay->text);
	lay->nops = lay->nel = lay->nboxes = lay->nlinks = lay->nplace = 0;
	lay->page_base += lay->npages;
	lay->npages = 0;
	lay->open_box = -1;
}

void kg_lay_adopt_dests(kg_lay *lay, kg_lay *src)
{
	free(lay->dests);
	kg_buf_release(&lay->anchor_text);
	lay->dests = src->dests;
	lay->ndests = src->ndests;
	lay->cap_dests = src->cap_dests;
	lay->anchor_text = src->anchor_text;
	lay->dests_sorted = src->dests_sorted;
	lay->dests_frozen = 1;
	src->dests = NULL;
	src->ndests = src->cap_dests = 0;
	kg_buf_init(&src->anchor_text);
}

uint32_t kg_lay_str(kg_lay *lay, const char *s, size_t len)
{
	uint32_t off = (uint32_t)lay->text.len;

	kg_buf_put(&lay->text, s, len);
	return off;
}

const char *kg_lay_at(const kg_lay *lay, uint32_t off)
{
	return lay->text.ptr + off;
}

int kg_lay_link(kg_lay *lay, const char *target)
{
	kg_link *l;

	KG_GROW(lay->links, lay->cap_links, lay->nlinks + 1);
	l = &lay->links[lay->nlinks];
	l->len = (uint32_t)strlen(target);
	l->target = kg_lay_str(lay, target, l->len);
	return (int)lay->nlinks++;
}

void kg_lay_part(kg_lay *lay, const char *title)
{
	KG_GROW(lay->parts, lay->cap_parts, lay->nparts + 1);
	lay->parts[lay->nparts] = kg_xstrdup(title);
	lay->part = (int)lay->nparts++;
}

/* ---- inline content -------------------------------------------------------- */

static float S_width(kg_lay *lay, const kg_tstyle *st, const char *s, size_t len)
{
	return (float)kg_fonts_width(lay->fonts, st->face, s, len) * st->size / 1000.0f;
}

static kg_piece *S_piece(kg_inline *in, kg_piece_kind kind, const kg_tstyle *st)
{
	kg_piece *p;

	KG_GROW(in->p, in->cap, in->n + 1);
	p = &in->p[in->n++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->st = *st;
	return p;
}

/* A word of width w (1/1000 em), or -1 to measure it. */
static void S_word(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		   const char *s, size_t len, int brk, long w)
{
	kg_piece *p;

	if (len == 0)
		return;
	p = S_piece(in, KG_PIECE_WORD, st);
	p->str = kg_lay_str(lay, s, len);
	p->len = (uint32_t)len;
	p->w = w >= 0 ? (float)w * st->size / 1000.0f : S_width(lay, st, s, len);
	p->brk = brk;
}

static void S_space(kg_lay *lay, kg_inline *in, const kg_tstyle *st)
{
	kg_piece *p;

	if (in->n && in->p[in->n - 1].kind == KG_PIECE_SPACE)
		return;
	p = S_piece(in, KG_PIECE_SPACE, st);
	p->str = kg_lay_str(lay, " ", 1);
	p->len = 1;
	p->w = S_width(lay, st, " ", 1);
}

static int S_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

static int S_is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x2000);
}

/* May a line end after character c, between prev and next? After a
 * hyphen inside a word, a slash, or a dash. */
static int S_break_after(uint32_t prev, uint32_t c, uint32_t next)
{
	if (next == 0 || S_is_space(next))
		return 0;
	if (c == '-')
		return S_is_alnum(prev) && S_is_alnum(next);
	if (c == '/')
		return prev != '/' && next != '/';
	return c == 0x2013 || c == 0x2014; /* en and em dash */
}

/* Each character is decoded once, and measured as it is read. */
void kg_inline_text(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		    const char *s, size_t len, int keep_spaces)
{
	const char *end = s + len, *at = s, *word = s, *after = s;
	uint32_t prev = 0, c, next = s < end ? kg_utf8_next_bmp(&after, end) : 0;
	long w = 0; /* of the word so far, in 1/1000 em */

	while (at < end) {
		const char *cend = after;

		c = next;
		next = after < end ? kg_utf8_next_bmp(&after, end) : 0;
		if ((S_is_space(c) && !keep_spaces) || (c < 0x20 && c != '\t')) {
			/* a space breaks; other controls are dropped */
			S_word(lay, in, st, word, (size_t)(at - word), 0, w);
			if (S_is_space(c))
				S_space(lay, in, st);
			w = 0;
			word = cend;
		} else {
			w += kg_fonts_char_width(lay->fonts, st->face, c);
			if (keep_spaces ? (c == ' ' && next != ' ' && next != 0)
					: S_break_after(prev, c, next)) {
				S_word(lay, in, st, word, (size_t)(cend - word), 1, w);
				w = 0;
				word = cend;
			}
		}
		prev = c;
		at = cend;
	}
	S_word(lay, in, st, word, (size_t)(end - word), 0, w);
}

void kg_inline_break(kg_lay *lay, kg_inline *in, const kg_tstyle *st)
{
	(void)lay;
	S_piece(in, KG_PIECE_BREAK, st);
}

void kg_inline_reset(kg_inline *in)
{
	in->n = 0;
}

void kg_inline_free(kg_inline *in)
{
	free(in->p);
	in->p = NULL;
	in->n = in->cap = 0;
}

float kg_inline_width(const kg_inline *in)
{
	float w = 0, best = 0;
	size_t i;

	for (i = 0; i < in->n; i++) {
		if (in->p[i].kind == KG_PIECE_BREAK) {
			best = w > best ? w : best;
			w = 0;
		} else {
			w += in->p[i].w;
		}
	}
	return w > best ? w : best;
}

float kg_inline_min_width(const kg_inline *in)
{
	float w = 0, best = 0;
	size_t i;

	for (i = 0; i < in->n; i++) {
		if (in->p[i].kind == KG_PIECE_WORD)
			w += in->p[i].w;
		if (in->p[i].kind != KG_PIECE_WORD || in->p[i].brk) {
			best = w > best ? w : best;
			w = 0;
		}
	}
	return w > best ? w : best;
}

/* ---- line breaking ---------------------------------------------------------- */

typedef struct S_placed {
	kg_piece p;
	float x;
} S_placed;

typedef struct S_line {
	size_t s0, ns;  /* placed pieces */
	float w;        /* content width */
	float h, base;  /* height, baseline from the top */
	float size;     /* largest size */
} S_line;

typedef struct S_lines {
	S_placed *s;
	size_t ns, cap_s;
	S_line *l;
	size_t nl, cap_l;
	float x; /* pen position in the open line */
} S_lines;

static void S_lines_free(S_lines *ls)
{
	free(ls->s);
	free(ls->l);
}

static S_line *S_open_line(S_lines *ls)
{
	return ls->nl ? &ls->l[ls->nl - 1] : NULL;
}

static void S_new_line(S_lines *ls)
{
	S_line *l;

	KG_GROW(ls->l, ls->cap_l, ls->nl + 1);
	l = &ls->l[ls->nl++];
	memset(l, 0, sizeof(*l));
	l->s0 = ls->ns;
	ls->x = 0;
}

static void S_place(S_lines *ls, const kg_piece *p, uint32_t str, uint32_t len,
		    float w)
{
	S_placed *s;
	S_line *l = S_open_line(ls);

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

/* Place a segment too wide for any line, cutting it between characters. */
static void S_place_cut(kg_lay *lay, S_lines *ls, const kg_piece *pieces,
			size_t n, float width)
{
	size_t k;

	for (k = 0; k < n; k++) {
		const kg_piece *src = &pieces[k];
		const char *text = lay->text.ptr + src->str, *end = text + src->len;
		const char *p = text, *start = text;
		float part = 0;

		while (p < end) {
			const char *at = p;
			float cw = (float)kg_fonts_char_width(lay->fonts, src->st.face,
							      kg_utf8_next_bmp(&p, end)) *
				   src->st.size / 1000.0f;

			if (ls->x + part + cw > width + S_EPS &&
			    (S_open_line(ls)->ns > 0 || part > 0)) {
				if (part > 0)
					S_place(ls, src, src->str + (uint32_t)(start - text),
						(uint32_t)(at - start), part);
				S_new_line(ls);
				start = at;
				part = 0;
			}
			part += cw;
		}
		if (p > start)
			S_place(ls, src, src->str + (uint32_t)(start - text),
				(uint32_t)(p - start), part);
	}
}

/* First-fit line breaking of in into lines of the given width. */
static void S_break(kg_lay *lay, const kg_inline *in, float width, S_lines *ls,
		    float leading)
{
	size_t i = 0, j, k;
	long pending = -1; /* a space waiting for the next segment */
	const kg_fonts *f = lay->fonts;
	float asc = (float)kg_fonts_ascent(f, KG_FACE_REGULAR) / 1000.0f;
	float desc = (float)kg_fonts_descent(f, KG_FACE_REGULAR) / 1000.0f;

	S_new_line(ls);
	while (i < in->n) {
		const kg_piece *p = &in->p[i];
		float segw = 0, spw;

		if (p->kind == KG_PIECE_BREAK) {
			S_line *l = S_open_line(ls);

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
		} while (j < in->n && !in->p[j - 1].brk &&
			 in->p[j].kind == KG_PIECE_WORD);
		spw = pending >= 0 ? in->p[pending].w : 0;
		if (ls->x + spw + segw <= width + S_EPS) {
			if (pending >= 0)
				S_place(ls, &in->p[pending], in->p[pending].str, 1, spw);
			for (k = i; k < j; k++)
				S_place(ls, &in->p[k], in->p[k].str, in->p[k].len,
					in->p[k].w);
			pending = -1;
			i = j;
			continue;
		}
		if (S_open_line(ls)->ns) { /* try again on a fresh line */
			S_new_line(ls);
			pending = -1;
			continue;
		}
		S_place_cut(lay, ls, &in->p[i], j - i, width);
		pending = -1;
		i = j;
	}
	/* drop a trailing empty line, then set heights */
	if (ls->nl > 1 && ls->l[ls->nl - 1].ns == 0 && ls->l[ls->nl - 1].size == 0)
		ls->nl--;
	for (k = 0; k < ls->nl; k++) {
		S_line *l = &ls->l[k];

		if (l->size == 0)
			l->size = in->n ? in->p[0].st.size : lay->st->body;
		l->h = l->size * leading;
		l->base = (l->h - l->size * (asc + desc)) / 2 + l->size * asc;
	}
}

/* ---- operations --------------------------------------------------------------- */

static kg_op *S_op(kg_lay *lay, kg_op_type type)
{
	kg_op *op;

	KG_GROW(lay->ops, lay->cap_ops, lay->nops + 1);
	op = &lay->ops[lay->nops++];
	memset(op, 0, sizeof(*op));
	op->type = type;
	op->aux = -1;
	return op;
}

static void S_rect(kg_lay *lay, float x, float y, float w, float h, kg_rgb c)
{
	kg_op *op = S_op(lay, KG_OP_RECT);

	op->x = x;
	op->y = y;
	op->w = w;
	op->h = h;
	op->color = c;
}

static void S_text_op(kg_lay *lay, const kg_tstyle *st, float x, float y,
		      uint32_t str, uint32_t len)
{
	kg_op *op = S_op(lay, KG_OP_TEXT);

	op->face = st->face;
	op->size = st->size;
	op->color = st->color;
	op->x = x;
	op->y = y;
	op->str = str;
	op->len = len;
}

static int S_same_look(const kg_tstyle *a, const kg_tstyle *b)
{
	return a->face == b->face && a->size == b->size && a->color == b->color;
}

/* Operations for one line: text runs (pieces of one look merged), inline
 * code backgrounds and link areas. x0, y0: the line's top-left. */
static void S_line_ops(kg_lay *lay, const S_lines *ls, const S_line *l,
		       float x0, float y0)
{
	/* an empty line of an empty text has no pieces (and ls->s may be NULL) */
	const S_placed *s = l->ns ? ls->s + l->s0 : NULL;
	float asc = (float)kg_fonts_ascent(lay->fonts, KG_FACE_REGULAR) / 1000.0f;
	float desc = (float)kg_fonts_descent(lay->fonts, KG_FACE_REGULAR) / 1000.0f;
	float base = y0 + l->base;
	kg_buf run = KG_BUF_INIT;
	size_t i = 0, j;

	while (i < l->ns) {
		const kg_tstyle *st = &s[i].p.st;

		int contiguous = 1;

		/* a run of pieces of the same look, spaces included; pieces
		 * are mostly stored one after the other, so the run usually
		 * is a range of the store already */
		for (j = i + 1; j < l->ns && S_same_look(&s[j].p.st, st); j++)
			contiguous &= s[j].p.str == s[j - 1].p.str + s[j - 1].p.len;
		if (contiguous) {
			S_text_op(lay, st, x0 + s[i].x, base, s[i].p.str,
				  s[j - 1].p.str + s[j - 1].p.len - s[i].p.str);
		} else {
			size_t k;

			kg_buf_reset(&run);
			for (k = i; k < j; k++)
				kg_buf_put(&run, lay->text.ptr + s[k].p.str, s[k].p.len);
			S_text_op(lay, st, x0 + s[i].x, base,
				  kg_lay_str(lay, run.ptr, run.len), (uint32_t)run.len);
		}
		i = j;
	}
	kg_buf_release(&run);
	/* code backgrounds: one rectangle per run of code pieces */
	for (i = 0; i < l->ns; i = j) {
		float top, bottom, size;

		if (!s[i].p.st.code) {
			j = i + 1;
			continue;
		}
		size = s[i].p.st.size;
		for (j = i; j < l->ns && s[j].p.st.code; j++)
			;
		top = base - size * asc - 0.6f;
		bottom = base + size * desc + 0.6f;
		S_rect(lay, x0 + s[i].x - 1.5f, top,
		       s[j - 1].x + s[j - 1].p.w - s[i].x + 3.0f, bottom - top,
		       lay->st->code_background);
	}
	/* link areas: one per run of pieces with the same link */
	for (i = 0; i < l->ns; i = j) {
		int link = s[i].p.st.link;
		float size = l->size;
		kg_op *op;

		if (link < 0) {
			j = i + 1;
			continue;
		}
		for (j = i; j < l->ns && s[j].p.st.link == link; j++)
			;
		op = S_op(lay, KG_OP_LINK);
		op->x = x0 + s[i].x;
		op->y = base - size * asc;
		op->w = s[j - 1].x + s[j - 1].p.w - s[i].x;
		op->h = size * (asc + desc);
		op->aux = link;
	}
}

/* ---- elements ---------------------------------------------------------------------- */

static kg_elem *S_elem(kg_lay *lay, float h)
{
	kg_elem *e;

	KG_GROW(lay->el, lay->cap_el, lay->nel + 1);
	e = &lay->el[lay->nel++];
	memset(e, 0, sizeof(*e));
	e->h = h;
	e->space = lay->space;
	e->op0 = (uint32_t)lay->nops;
	e->box = lay->open_box;
	e->part = lay->part;
	e->head = -1;
	if (lay->new_page)
		e->flags |= KG_EL_NEW_PAGE;
	lay->space = 0;
	lay->new_page = 0;
	return e;
}

/* Close the operation range of the last element. */
static void S_elem_done(kg_lay *lay)
{
	kg_elem *e = &lay->el[lay->nel - 1];

	e->nops = (uint32_t)(lay->nops - e->op0);
}

void kg_lay_space(kg_lay *lay, float pts)
{
	/* no space at the top of a box: its padding is enough */
	if (lay->open_box >= 0 && lay->nel > 0 &&
	    lay->boxes[lay->open_box].first == lay->nel - 1)
		return;
	if (pts > lay->space)
		lay->space = pts;
}

void kg_lay_page_break(kg_lay *lay)
{
	lay->new_page = 1;
	lay->space = 0;
}

void kg_lay_keep(kg_lay *lay)
{
	if (lay->nel)
		lay->el[lay->nel - 1].flags |= KG_EL_KEEP;
}

void kg_lay_gap(kg_lay *lay, float h, int keep)
{
	kg_elem *e = S_elem(lay, h);

	if (keep)
		e->flags |= KG_EL_KEEP;
	S_elem_done(lay);
}

void kg_lay_fill_line(kg_lay *lay, const kg_inline *label, float h,
		      kg_rgb rule)
{
	S_lines ls = {0};
	float x = lay->x, base = h - 5;
	kg_op *op;

	S_elem(lay, h);
	if (label && label->n) {
		S_break(lay, label, lay->w, &ls, lay->st->leading);
		S_line_ops(lay, &ls, &ls.l[0], lay->x, base - ls.l[0].base);
		x += ls.l[0].w + 6;
		S_lines_free(&ls);
	}
	op = S_op(lay, KG_OP_LINE);
	op->x = x;
	op->y = base + 2;
	op->w = lay->x + lay->w - x;
	op->size = 0.6f;
	op->color = rule;
	S_elem_done(lay);
}

void kg_lay_rule(kg_lay *lay, kg_rgb color, float thickness, float length)
{
	kg_op *op;

	S_elem(lay, thickness);
	op = S_op(lay, KG_OP_LINE);
	op->x = lay->x;
	op->y = thickness / 2;
	op->w = length > 0 && length < lay->w ? length : lay->w;
	op->h = 0;
	op->size = thickness;
	op->color = color;
	S_elem_done(lay);
}

/* Dot leaders from x_from to x_to on a baseline, in style st. */
static void S_leaders(kg_lay *lay, const kg_tstyle *st, float x_from,
		      float x_to, float base)
{
	float dot = S_width(lay, st, ". ", 2);
	kg_buf b = KG_BUF_INIT;
	int n, i;

	if (dot <= 0)
		return;
	n = (int)floorf((x_to - x_from) / dot);
	if (n < 2)
		return;
	for (i = 0; i < n; i++)
		kg_buf_puts(&b, i ? " ." : ".");
	S_text_op(lay, st, x_to - S_width(lay, st, b.ptr, b.len), base,
		  kg_lay_str(lay, b.ptr, b.len), (uint32_t)b.len);
	kg_buf_release(&b);
}

void kg_lay_para(kg_lay *lay, const kg_inline *in, const kg_para_opts *o)
{
	S_lines ls = {0};
	float x0 = lay->x + o->indent, width = lay->w - o->indent, refw = 0;
	size_t k;

	if (in->n == 0)
		return;
	if (o->pageref) {
		/* the number is set when pages are known: measure the digits
		 * now, and leave room for four */
		S_width(lay, o->ref_style, "0123456789", 10);
		refw = S_width(lay, o->ref_style, "0000", 4);
		width -= refw + 6;
	}
	S_break(lay, in, width, &ls, o->leading);
	for (k = 0; k < ls.nl; k++) {
		S_line *l = &ls.l[k];
		kg_elem *e = S_elem(lay, l->h);
		float shift = o->align == 1 ? (width - l->w) / 2 :
			      o->align == 2 ? width - l->w : 0;

		if (k == 0 && o->dest) {
			kg_op *op = S_op(lay, KG_OP_DEST);

			op->len = (uint32_t)strlen(o->dest);
			op->str = kg_lay_str(lay, o->dest, op->len);
		}
		if (k == 0 && o->marker && o->marker->n) {
			S_lines ms = {0};

			S_break(lay, o->marker, 1e6f, &ms, o->leading);
			S_line_ops(lay, &ms, &ms.l[0],
				   x0 + o->marker_x - ms.l[0].w,
				   l->base - ms.l[0].base);
			S_lines_free(&ms);
		}
		S_line_ops(lay, &ls, l, x0 + shift, 0);
		if (k + 1 == ls.nl && o->pageref) {
			kg_op *op;
			kg_tstyle dots = *o->ref_style;

			dots.face = KG_FACE_REGULAR;
			dots.color = lay->st->muted;
			dots.link = -1;
			S_leaders(lay, &dots, x0 + l->w + 4, lay->x + lay->w - refw - 4,
				  l->base);
			op = S_op(lay, KG_OP_PAGEREF);
			op->face = o->ref_style->face;
			op->size = o->ref_style->size;
			op->color = o->ref_style->color;
			op->x = lay->x + lay->w;
			op->y = l->base;
			op->len = (uint32_t)strlen(o->pageref);
			op->str = kg_lay_str(lay, o->pageref, op->len);
		}
		S_elem_done(lay);
		if (o->keep || (ls.nl >= 2 && (k == 0 || k + 2 == ls.nl)))
			e = &lay->el[lay->nel - 1], e->flags |= KG_EL_KEEP;
	}
	S_lines_free(&ls);
}

/* ---- boxes and indentation --------------------------------------------------------- */

/* The label of a box, wrapped in its strip, baseline to baseline with
 * the box's first line of body text; returns the height it takes. */
static float S_box_label(kg_lay *lay, const kg_box *b)
{
	S_lines ls = {0};
	float asc = (float)kg_fonts_ascent(lay->fonts, KG_FACE_REGULAR) / 1000.0f;
	float desc = (float)kg_fonts_descent(lay->fonts, KG_FACE_REGULAR) / 1000.0f;
	float body = lay->st->body, lead = lay->st->leading, y, first_base;
	float inner = b->st.strip_w - 12;
	size_t k;

	S_break(lay, b->st.label, inner > 10 ? inner : 10, &ls, lead);
	first_base = (body * lead - body * (asc + desc)) / 2 + body * asc;
	y = b->st.pad + (ls.nl ? first_base - ls.l[0].base : 0);
	for (k = 0; k < ls.nl; k++) {
		S_line_ops(lay, &ls, &ls.l[k], b->x + b->st.bar_w + 6, y);
		y += ls.l[k].h;
	}
	S_lines_free(&ls);
	return y + b->st.pad;
}

void kg_lay_box_open(kg_lay *lay, const kg_box_style *bs)
{
	kg_box *b;
	kg_elem *e;
	float inset = bs->pad + bs->bar_w + bs->strip_w + bs->pad_left;

	KG_GROW(lay->boxes, lay->cap_boxes, lay->nboxes + 1);
	b = &lay->boxes[lay->nboxes];
	memset(b, 0, sizeof(*b));
	b->st = *bs;
	b->st.label = NULL;
	b->parent = lay->open_box;
	b->x = lay->x;
	b->w = lay->w;
	b->first = lay->nel;
	lay->open_box = (int)lay->nboxes++;
	e = S_elem(lay, bs->pad);
	e->flags |= KG_EL_KEEP;
	if (bs->label && bs->label->n && bs->strip_w > 0) {
		b->st.label = bs->label;
		b->min_h = S_box_label(lay, b);
		b->st.label = NULL;
	}
	S_elem_done(lay);
	lay->x += inset;
	lay->w -= inset + bs->pad;
}

void kg_lay_box_close(kg_lay *lay)
{
	kg_box *b = &lay->boxes[lay->open_box];
	float h = 0;
	size_t i;

	for (i = b->first; i < lay->nel; i++)
		h += (i > b->first ? lay->el[i].space : 0) + lay->el[i].h;
	kg_lay_keep(lay);
	lay->space = 0;
	if (h + b->st.pad < b->min_h)
		kg_lay_gap(lay, b->min_h - h - b->st.pad, 1);
	kg_lay_gap(lay, b->st.pad, 0);
	b->last = lay->nel - 1;
	lay->x = b->x;
	lay->w = b->w;
	lay->open_box = b->parent;
}

void kg_lay_indent(kg_lay *lay, float left, float *old_x, float *old_w)
{
	*old_x = lay->x;
	*old_w = lay->w;
	lay->x += left;
	lay->w -= left;
}

void kg_lay_outdent(kg_lay *lay, float old_x, float old_w)
{
	lay->x = old_x;
	lay->w = old_w;
}

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
	S_lines *cl;
	size_t ncols;
	const float *cx, *w;
	const kg_table_style *ts;
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
	e = S_elem(lay, h);
	e->head = (int)head;
	if (head_fill != 0xFFFFFF)
		S_rect(lay, lay->x, 0, lay->w, h, head_fill);
	else if (striped && ts->stripe != 0xFFFFFF)
		S_rect(lay, lay->x, 0, lay->w, h, ts->stripe);
	for (c = 0; c < rc->ncols; c++) {
		float y = top ? ts->pad : 0;

		for (k = from[c]; k < to[c]; k++) {
			const S_line *l = &rc->cl[c].l[k];
			float shift = ts->centre && ts->centre[c]
					      ? (rc->w[c] - 2 * ts->pad - l->w) / 2 : 0;

			S_line_ops(lay, &rc->cl[c], l, lay->x + rc->cx[c] + ts->pad + shift, y);
			y += l->h;
		}
		if (ts->grid && c > 0) {
			op = S_op(lay, KG_OP_LINE);
			op->x = lay->x + rc->cx[c];
			op->y = 0;
			op->h = h;
			op->size = 0.5f;
			op->color = ts->rule;
		}
	}
	if (bottom) {
		op = S_op(lay, KG_OP_LINE);
		op->x = lay->x;
		op->y = h;
		op->w = lay->w;
		op->size = 0.5f;
		op->color = ts->rule;
	}
	S_elem_done(lay);
}

/* Add one table row: one element, or, when it is taller than max_h, one
 * element per line, so that it fills the page it starts on and goes on
 * to the next (its first and last two lines kept together). */
static void S_row(kg_lay *lay, const S_row_ctx *rc, int striped,
		  kg_rgb head_fill, long head, float max_h)
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
	if (h + 2 * rc->ts->pad <= max_h || nl < 2) {
		S_row_elem(lay, rc, from, to, 1, 1, striped, head_fill, head,
			   head >= 0 ? rc->ts->min_row : 0);
	} else {
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
	free(from);
	free(to);
}

void kg_lay_table(kg_lay *lay, const kg_inline *cells, size_t nrows,
		  size_t ncols, const kg_table_style *ts)
{
	float *w = kg_xcalloc(ncols ? ncols : 1, sizeof(*w));
	float *cx = kg_xcalloc(ncols ? ncols : 1, sizeof(*cx));
	S_lines *cl = kg_xcalloc(ncols ? ncols : 1, sizeof(*cl));
	S_row_ctx rc;
	long head = -1;
	float head_h = 0;
	size_t r, c;

	rc.cl = cl;
	rc.ncols = ncols;
	rc.cx = cx;
	rc.w = w;
	rc.ts = ts;
	if (nrows == 0 || ncols == 0)
		goto done;
	if (ts->widths)
		for (c = 0; c < ncols; c++)
			w[c] = ts->widths[c] * lay->w;
	else
		S_columns(cells, nrows, ncols, lay->w, ts->pad, w);
	for (c = 1; c < ncols; c++)
		cx[c] = cx[c - 1] + w[c - 1];
	for (r = 0; r < nrows; r++) {
		for (c = 0; c < ncols; c++) {
			S_lines_free(&cl[c]);
			memset(&cl[c], 0, sizeof(cl[c]));
			S_break(lay, &cells[r * ncols + c], w[c] - 2 * ts->pad, &cl[c],
				ts->leading);
		}
		if (r == 0) {
			S_row(lay, &rc, 0, ts->head_fill, -1, lay->height);
			head = (long)lay->nel - 1;
			head_h = lay->el[head].h;
			kg_lay_keep(lay);
		} else {
			S_row(lay, &rc, r % 2 == 0, 0xFFFFFF, head,
			      lay->height - head_h - 1);
		}
	}
done:
	for (c = 0; c < ncols; c++)
		S_lines_free(&cl[c]);
	free(cl);
	free(w);
	free(cx);
}

/* ---- elements outside the flow ----------------------------------------------------------- */

long kg_lay_free_begin(kg_lay *lay, float h)
{
	float space = lay->space;
	int new_page = lay->new_page;
	kg_elem *e = S_elem(lay, h);

	e->space = 0;
	e->box = -1;
	e->part = -1;
	e->flags = 0;
	lay->space = space;
	lay->new_page = new_page;
	return (long)lay->nel - 1;
}

void kg_lay_free_end(kg_lay *lay)
{
	S_elem_done(lay);
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

		ell = S_width(lay, &p->st, "\xE2\x80\xA6", 3);
		if (x + p->w + ell <= width || p->kind == KG_PIECE_BREAK) {
			KG_GROW(out->p, out->cap, out->n + 1);
			out->p[out->n++] = *p;
			x += p->w;
			continue;
		}
		text = lay->text.ptr + p->str;
		end = text + p->len;
		for (c = text; c < end;) {
			const char *at = c;
			float cw = (float)kg_fonts_char_width(lay->fonts, p->st.face,
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
			S_word(lay, out, &p->st, cut.ptr, cut.len, 0, -1);
		}
		S_word(lay, out, &p->st, "\xE2\x80\xA6", 3, 0, -1);
		kg_buf_release(&cut);
		return;
	}
}

void kg_lay_put_line(kg_lay *lay, const kg_inline *in, float x, float y,
		     float width, int align)
{
	S_lines ls = {0};
	kg_inline cut = KG_INLINE_INIT;
	float w = kg_inline_width(in);

	if (in->n == 0)
		return;
	if (w > width)
		S_fit(lay, in, width, &cut);
	S_break(lay, w > width ? &cut : in, 1e6f, &ls, lay->st->leading);
	w = ls.l[0].w;
	S_line_ops(lay, &ls, &ls.l[0],
		   x + (align == 1 ? (width - w) / 2 : align == 2 ? width - w : 0), y);
	S_lines_free(&ls);
	kg_inline_free(&cut);
}

void kg_lay_put_rect(kg_lay *lay, float x, float y, float w, float h,
		     kg_rgb color)
{
	S_rect(lay, x, y, w, h, color);
}

void kg_lay_put_rule(kg_lay *lay, float x, float y, float w, float width,
		     kg_rgb color)
{
	kg_op *op = S_op(lay, KG_OP_LINE);

	op->x = x;
	op->y = y;
	op->w = w;
	op->size = width;
	op->color = color;
}

/* ---- pagination -------------------------------------------------------------------------- */

static void S_placement(kg_lay *lay, size_t elem, float y)
{
	KG_GROW(lay->place, lay->cap_place, lay->nplace + 1);
	lay->place[lay->nplace].elem = elem;
	lay->place[lay->nplace].y = y;
	lay->nplace++;
}

/* Padding above element i for the boxes it continues from an earlier page. */
static float S_cont_pad(const kg_lay *lay, size_t i)
{
	float pad = 0;
	int b;

	for (b = lay->el[i].box; b >= 0; b = lay->boxes[b].parent)
		if (lay->boxes[b].first < i)
			pad += lay->boxes[b].st.pad;
	return pad;
}

/* Room to keep below element i for the boxes that go on after it. */
static float S_reserve(const kg_lay *lay, size_t i)
{
	float pad = 0;
	int b;

	for (b = lay->el[i].box; b >= 0; b = lay->boxes[b].parent)
		if (lay->boxes[b].last > i)
			pad += lay->boxes[b].st.pad;
	return pad;
}

static long S_find_dest(kg_lay *lay, const char *id, size_t len);

/* In a second pass: did some anchor of this id land here the first time
 * (ids may repeat: any of them)? */
static void S_check_dest(kg_lay *lay, const kg_op *op, size_t page, float y)
{
	const char *id = lay->text.ptr + op->str;
	long i = S_find_dest(lay, id, op->len);

	for (; i >= 0 && (size_t)i < lay->ndests; i++) {
		const kg_dest *d = &lay->dests[i];

		if (d->len != op->len ||
		    memcmp(lay->anchor_text.ptr + d->id, id, op->len) != 0)
			break;
		if (d->page == page && d->y == y)
			return;
	}
	lay->disagree++;
}

static void S_record_dests(kg_lay *lay, size_t page)
{
	const kg_lpage *pg = &lay->pages[page];
	size_t p;
	uint32_t k;

	for (p = pg->p0; p < pg->p0 + pg->np; p++) {
		const kg_elem *e = &lay->el[lay->place[p].elem];

		for (k = e->op0; k < e->op0 + e->nops; k++) {
			const kg_op *op = &lay->ops[k];
			kg_dest *dst;

			if (op->type != KG_OP_DEST)
				continue;
			if (lay->dests_frozen) {
				S_check_dest(lay, op, lay->page_base + page,
					     lay->place[p].y);
				continue;
			}
			KG_GROW(lay->dests, lay->cap_dests, lay->ndests + 1);
			dst = &lay->dests[lay->ndests];
			dst->id = (uint32_t)lay->anchor_text.len;
			dst->len = op->len;
			kg_buf_put(&lay->anchor_text, lay->text.ptr + op->str, op->len);
			dst->page = lay->page_base + page;
			dst->y = lay->place[p].y;
			dst->seq = lay->ndests++;
			lay->dests_sorted = 0;
		}
	}
}

/* Fill one page from element *at; returns with *at at the first element
 * of the next page. */
static void S_fill_page(kg_lay *lay, size_t from, size_t *at, kg_lpage *pg)
{
	size_t i = *at, first = i, k;
	float y = S_cont_pad(lay, i);
	int real = 0;
	long head = lay->el[i].head;

	if (head >= (long)from && (size_t)head < i) {
		S_placement(lay, (size_t)head, y);
		y += lay->el[head].h;
	}
	while (i < lay->nel) {
		const kg_elem *e = &lay->el[i];
		float sb = real ? e->space : 0;

		if (real && (e->flags & KG_EL_NEW_PAGE))
			break;
		if (!real || y + sb + e->h + S_reserve(lay, i) <= lay->height + S_EPS) {
			if (!real)
				pg->part = e->part;
			S_placement(lay, i, y + sb);
			y += sb + e->h;
			real = 1;
			i++;
			continue;
		}
		/* full: end the page after the last element not kept with the next */
		for (k = i; k > first && (lay->el[k - 1].flags & KG_EL_KEEP); k--)
			;
		if (k > first) {
			while (lay->nplace > pg->p0 && lay->place[lay->nplace - 1].elem >= k)
				lay->nplace--;
			i = k;
		}
		break;
	}
	*at = i;
}

void kg_lay_paginate(kg_lay *lay, size_t from, int kind)
{
	size_t i = from;

	while (i < lay->nel) {
		kg_lpage pg;

		memset(&pg, 0, sizeof(pg));
		pg.p0 = lay->nplace;
		pg.part = -1;
		pg.kind = kind;
		pg.head = pg.foot = pg.back = -1;
		S_fill_page(lay, from, &i, &pg);
		pg.np = lay->nplace - pg.p0;
		KG_GROW(lay->pages, lay->cap_pages, lay->npages + 1);
		lay->pages[lay->npages++] = pg;
		S_record_dests(lay, lay->npages - 1);
	}
}

/* qsort's comparison needs the store: one sort at a time */
static const kg_buf *S_sort_text;

static int S_dest_cmp(const void *pa, const void *pb)
{
	const kg_dest *a = pa, *b = pb;
	size_t n = a->len < b->len ? a->len : b->len;
	int c = memcmp(S_sort_text->ptr + a->id, S_sort_text->ptr + b->id, n);

	if (c)
		return c;
	if (a->len != b->len)
		return a->len < b->len ? -1 : 1;
	return a->seq < b->seq ? -1 : a->seq > b->seq;
}

/* Anchors are looked up once per link and page reference: sorted by id
 * on the first look-up after a change, then found by bisection. The
 * index of the first entry of id (len bytes), or -1. */
static long S_find_dest(kg_lay *lay, const char *id, size_t len)
{
	size_t lo = 0, hi;

	if (!lay->dests_sorted) {
		S_sort_text = &lay->anchor_text;
		if (lay->ndests)
			qsort(lay->dests, lay->ndests, sizeof(*lay->dests), S_dest_cmp);
		S_sort_text = NULL;
		lay->dests_sorted = 1;
	}
	hi = lay->ndests;
	while (lo < hi) { /* the first entry not less than id */
		size_t mid = lo + (hi - lo) / 2;
		const kg_dest *m = &lay->dests[mid];
		size_t n = m->len < len ? m->len : len;
		int c = memcmp(lay->anchor_text.ptr + m->id, id, n);

		if (c < 0 || (c == 0 && m->len < len))
			lo = mid + 1;
		else
			hi = mid;
	}
	if (lo < lay->ndests && lay->dests[lo].len == len &&
	    memcmp(lay->anchor_text.ptr + lay->dests[lo].id, id, len) == 0)
		return (long)lo;
	return -1;
}

long kg_lay_dest(kg_lay *lay, const char *id, float *y)
{
	long i = S_find_dest(lay, id, strlen(id));

	if (i < 0)
		return -1;
	if (y)
		*y = lay->dests[i].y;
	return (long)lay->dests[i].page;
}
