/*
 * lay_list.c - the layout engine's vertical list: the layout itself, its
 * elements, paragraphs, boxes and indentation, and what a caller may ask
 * (see layout.h for the model, layout_int.h for the engine's other files).
 *
 * Invariants: elements are added in reading order and never move; a
 * box's elements are contiguous; every piece and operation string lives
 * in lay->run.text (offsets stay valid as it grows, pointers do not).
 */
#include "layout_int.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static void S_run_free(kg_lay_run *r);

void kg_lay_init(kg_lay *lay, const kg_metrics *fonts, const kg_pdf_style *st,
		 float width, float height)
{
	memset(lay, 0, sizeof(*lay));
	kg_buf_init(&lay->run.text);
	kg_buf_init(&lay->anchor_text);
	lay->fonts = *fonts;
	lay->st = st;
	lay->width = lay->w = width;
	lay->height = height;
	lay->open_box = -1;
	lay->open_list = -1;
	lay->part = -1;
	lay->rules = KG_BREAK_ALL;
}

void kg_lay_free(kg_lay *lay)
{
	size_t i;

	S_run_free(&lay->run);
	for (i = 0; i < lay->nparts; i++)
		free(lay->parts[i]);
	free(lay->parts);
	free(lay->dests);
	kg_buf_release(&lay->anchor_text);
	kg_li_bidi_free(lay);
	kg_li_typeset_free(lay);
	memset(lay, 0, sizeof(*lay));
}

void kg_lay_run_reset(kg_lay *lay)
{
	kg_lay_run *r = &lay->run;

	kg_buf_reset(&r->text);
	r->nops = r->nel = r->nboxes = r->nlinks = r->nplace = 0;
	r->mirrored_ops = 0;
	r->nlists = 0;
	lay->page_base += r->npages;
	r->npages = 0;
	lay->open_box = lay->open_list = -1;
	lay->item = 0;
	lay->rows = 0;
	lay->record_run++;
}

struct kg_lay_kept {
	kg_lay_run run;
	size_t page_base;
	int tag;
};

/* Free a run's arrays. */
static void S_run_free(kg_lay_run *r)
{
	kg_buf_release(&r->text);
	free(r->ops);
	free(r->el);
	free(r->boxes);
	free(r->lists);
	free(r->links);
	free(r->place);
	free(r->pages);
}

kg_lay_kept *kg_lay_run_keep(kg_lay *lay)
{
	kg_lay_kept *k = kg_xcalloc(1, sizeof(*k));

	k->page_base = lay->page_base;
	k->tag = lay->tag;
	k->run = lay->run;
	memset(&lay->run, 0, sizeof(lay->run));
	kg_buf_init(&lay->run.text);
	lay->page_base += k->run.npages;
	kg_lay_run_reset(lay); /* the rest of a run's end */
	return k;
}

size_t kg_lay_kept_bytes(const kg_lay_kept *k)
{
	const kg_lay_run *r = &k->run;

	return sizeof(*k) + r->text.cap + r->cap_ops * sizeof(*r->ops) +
	       r->cap_el * sizeof(*r->el) + r->cap_boxes * sizeof(*r->boxes) +
	       r->cap_lists * sizeof(*r->lists) +
	       r->cap_links * sizeof(*r->links) +
	       r->cap_place * sizeof(*r->place) +
	       r->cap_pages * sizeof(*r->pages);
}

void kg_lay_run_resume(kg_lay *lay, kg_lay_kept *k)
{
	S_run_free(&lay->run);
	lay->run = k->run;
	lay->page_base = k->page_base;
	lay->tag = k->tag;
	free(k);
}

void kg_lay_kept_free(kg_lay_kept *k)
{
	if (!k)
		return;
	S_run_free(&k->run);
	free(k);
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
	/* the language, and the words hyphenated: the same again */
	kg_li_typeset_free(lay);
	lay->ts = src->ts;
	src->ts = NULL;
}

uint32_t kg_lay_str(kg_lay *lay, const char *s, size_t len)
{
	uint32_t off = (uint32_t)lay->run.text.len;

	kg_buf_put(&lay->run.text, s, len);
	return off;
}

const char *kg_lay_at(const kg_lay *lay, uint32_t off)
{
	return lay->run.text.ptr + off;
}

int kg_lay_link(kg_lay *lay, const char *target)
{
	kg_link *l;

	KG_GROW(lay->run.links, lay->run.cap_links, lay->run.nlinks + 1);
	l = &lay->run.links[lay->run.nlinks];
	l->len = (uint32_t)strlen(target);
	l->target = kg_lay_str(lay, target, l->len);
	return (int)lay->run.nlinks++;
}

void kg_lay_tag(kg_lay *lay, int tag)
{
	lay->tag = tag;
}

void kg_lay_part(kg_lay *lay, const char *title)
{
	KG_GROW(lay->parts, lay->cap_parts, lay->nparts + 1);
	lay->parts[lay->nparts] = kg_xstrdup(title);
	lay->part = (int)lay->nparts++;
}

/* ---- elements ---------------------------------------------------------------------- */

kg_elem *kg_li_elem(kg_lay *lay, float h)
{
	kg_elem *e;

	KG_GROW(lay->run.el, lay->run.cap_el, lay->run.nel + 1);
	e = &lay->run.el[lay->run.nel++];
	memset(e, 0, sizeof(*e));
	e->h = h;
	e->space = lay->space;
	e->op0 = (uint32_t)lay->run.nops;
	e->box = lay->open_box;
	e->part = lay->part;
	e->head = -1;
	e->list = lay->open_list;
	e->row = -1;
	if (lay->new_page)
		e->flags |= KG_EL_NEW_PAGE;
	if (lay->item)
		e->flags |= KG_EL_ITEM;
	lay->item = 0;
	lay->space = 0;
	lay->new_page = 0;
	return e;
}

/* Close the operation range of the last element, and mirror it in a
 * right-to-left kit (layout.h, "Bidi"). */
void kg_li_elem_done(kg_lay *lay)
{
	kg_elem *e = &lay->run.el[lay->run.nel - 1];

	e->nops = (uint32_t)(lay->run.nops - e->op0);
	kg_li_mirror_ops(lay, e);
}

void kg_lay_space(kg_lay *lay, float pts)
{
	/* no space at the top of a box: its padding is enough */
	if (lay->open_box >= 0 && lay->run.nel > 0 &&
	    lay->run.boxes[lay->open_box].body == lay->run.nel)
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
	if (lay->run.nel)
		lay->run.el[lay->run.nel - 1].flags |= KG_EL_KEEP;
}

void kg_lay_keep_from(kg_lay *lay, size_t from)
{
	size_t i;

	for (i = from; i + 1 < lay->run.nel; i++)
		lay->run.el[i].flags |= KG_EL_KEEP;
}

size_t kg_lay_gap(kg_lay *lay, float h, int keep)
{
	kg_elem *e = kg_li_elem(lay, h);

	if (keep)
		e->flags |= KG_EL_KEEP;
	kg_li_elem_done(lay);
	return lay->run.nel - 1;
}

void kg_lay_gap_set(kg_lay *lay, size_t gap, float h)
{
	if (gap < lay->run.nel)
		lay->run.el[gap].h = h;
}

void kg_lay_fill_line(kg_lay *lay, const kg_inline *label, float h,
		      kg_rgb rule)
{
	kg_lay_fill_field(lay, label, h, rule, 0);
}

void kg_lay_fill_field(kg_lay *lay, const kg_inline *label, float h,
		       kg_rgb rule, int field)
{
	kg_li_lines ls = {0};
	float x = lay->x, base = h - lay->st->m.notes_baseline;
	kg_op *op;

	kg_li_elem(lay, h);
	if (label && label->n) {
		lay->dir_fixed = 1; /* a form's: the kit's direction */
		kg_li_break(lay, label, lay->w, &ls, lay->st->leading);
		lay->dir_fixed = 0;
		kg_li_line_ops(lay, &ls, &ls.l[0], lay->x, base - ls.l[0].base);
		x += ls.l[0].w + lay->st->m.notes_label_gap;
		kg_li_lines_free(&ls);
	}
	op = kg_li_op(lay, KG_OP_LINE);
	op->x = x;
	op->y = base + lay->st->m.notes_rule_below;
	op->w = lay->x + lay->w - x;
	op->size = lay->st->m.notes_rule;
	op->color = rule;
	if (field) { /* the widget: from the element's top to the rule */
		kg_op *w = kg_li_op(lay, KG_OP_FIELD);

		w->x = x;
		w->w = lay->x + lay->w - x;
		w->h = base + lay->st->m.notes_rule_below;
		w->aux = field;
	}
	kg_li_elem_done(lay);
}

void kg_lay_fill_lines(kg_lay *lay, int least, float h, kg_rgb rule)
{
	kg_elem *e;
	int i, most = h > 0 ? (int)(lay->height / h) : 0;

	if (least < 1)
		least = 1;
	if (most < least)
		most = least;
	e = kg_li_elem(lay, h * (float)least);
	e->flags |= KG_EL_FILL;
	for (i = 0; i < most; i++) { /* pagination keeps those that fit */
		kg_op *op = kg_li_op(lay, KG_OP_LINE);

		op->x = lay->x;
		op->y = h * (float)(i + 1) - lay->st->m.notes_baseline +
			lay->st->m.notes_rule_below;
		op->w = lay->w;
		op->size = lay->st->m.notes_rule;
		op->color = rule;
	}
	kg_li_elem_done(lay);
}

void kg_lay_head_only(kg_lay *lay, size_t elem, size_t from)
{
	size_t i;

	if (elem >= lay->run.nel)
		return;
	/* kept with what follows, so a page never ends on it unseen */
	lay->run.el[elem].flags |= KG_EL_HEAD_ONLY | KG_EL_KEEP;
	/* heads nest: an element with a head of its own (a table's row, an
	 * inner list's item) keeps it, and that head gets this one, so a
	 * page shows the outer head above the inner */
	for (i = from; i < lay->run.nel; i++) {
		int h = lay->run.el[i].head;

		if (i == elem || h == (int)elem)
			continue;
		if (h < 0)
			lay->run.el[i].head = (int)elem;
		else if (lay->run.el[h].head < 0 && (size_t)h != elem)
			lay->run.el[h].head = (int)elem;
	}
}

void kg_lay_rule(kg_lay *lay, kg_rgb color, float thickness, float length)
{
	kg_op *op;

	kg_li_elem(lay, thickness);
	op = kg_li_op(lay, KG_OP_LINE);
	op->x = lay->x;
	op->y = thickness / 2;
	op->w = length > 0 && length < lay->w ? length : lay->w;
	op->h = 0;
	op->size = thickness;
	op->color = color;
	kg_li_elem_done(lay);
}

/* Dot leaders between x_from and x_to on a baseline, in style st: a dot
 * at every multiple of the pitch (". ") from the column's left edge that
 * fits, so the dots of every line stand in the same columns. */
static void S_leaders(kg_lay *lay, const kg_tstyle *st, float x_from,
		      float x_to, float base)
{
	float pitch = kg_li_width(lay, st, ". ", 2);
	float dot = kg_li_width(lay, st, ".", 1);
	kg_buf b = KG_BUF_INIT;
	float first, last;
	int n, i;

	if (pitch <= 0)
		return;
	first = ceilf((x_from - lay->x) / pitch - 1e-3f);
	last = floorf((x_to - dot - lay->x) / pitch + 1e-3f);
	n = (int)(last - first) + 1;
	if (n < 2)
		return;
	for (i = 0; i < n; i++)
		kg_buf_puts(&b, i ? " ." : ".");
	kg_li_text_op(lay, st, lay->x + first * pitch, base,
		      kg_lay_str(lay, b.ptr, b.len), (uint32_t)b.len)->w =
		(float)(n - 1) * pitch + dot;
	kg_buf_release(&b);
}

/* The link areas of a line of a page reference (ops from op0 on) made one,
 * from x0 to the right edge: the whole line is the link. */
static void S_line_link(kg_lay *lay, size_t op0, float x0)
{
	size_t i, keep = (size_t)-1, to = op0;

	for (i = op0; i < lay->run.nops; i++) {
		if (lay->run.ops[i].type == KG_OP_LINK) {
			if (keep != (size_t)-1)
				continue; /* dropped: one area is enough */
			keep = to;
		}
		lay->run.ops[to++] = lay->run.ops[i];
	}
	lay->run.nops = to;
	if (keep == (size_t)-1)
		return;
	lay->run.ops[keep].x = x0;
	lay->run.ops[keep].w = lay->x + lay->w - x0;
}

/* The last line of a page reference: leaders and the page number. */
static void S_pageref(kg_lay *lay, const kg_para_opts *o, float x_text,
		      float refw, float base)
{
	kg_tstyle dots = *o->ref_style;
	kg_op *op;

	dots.face = KG_FACE_REGULAR;
	dots.size = lay->st->body;
	dots.color = lay->st->muted;
	dots.link = -1;
	dots.tag = KG_TAG_ARTIFACT; /* decoration */
	S_leaders(lay, &dots, x_text + lay->st->m.contents_leader_gap,
		  lay->x + lay->w - refw - lay->st->m.contents_leader_gap, base);
	op = kg_li_op(lay, KG_OP_PAGEREF);
	op->face = o->ref_style->face;
	op->size = o->ref_style->size;
	op->color = o->ref_style->color;
	op->x = lay->x + lay->w;
	op->y = base;
	op->len = (uint32_t)strlen(o->pageref);
	op->str = kg_lay_str(lay, o->pageref, op->len);
}

/* Does line k of ls end in a break after a hyphen inside a word (the
 * word goes on at the start of the next line)? */
static int S_hyphen_end(const kg_lay *lay, const kg_li_lines *ls, size_t k)
{
	const kg_li_line *l = &ls->l[k];
	const kg_li_placed *last;

	if (k + 1 >= ls->nl || l->ns == 0 || ls->l[k + 1].ns == 0)
		return 0;
	if (l->hyph) /* hyphenated (lay_hyph.c): its hyphen is drawn */
		return 1;
	last = &ls->s[l->s0 + l->ns - 1];
	return last->p.kind == KG_PIECE_WORD && last->p.len > 1 &&
	       lay->run.text.ptr[last->p.str + last->p.len - 1] == '-' &&
	       ls->s[ls->l[k + 1].s0].p.kind == KG_PIECE_WORD;
}

/* Does line l hold one word, narrower than a quarter of width? */
static int S_short_line(const kg_li_lines *ls, const kg_li_line *l, float width)
{
	size_t j, words = 0;

	for (j = 0; j < l->ns; j++)
		if (ls->s[l->s0 + j].p.kind == KG_PIECE_SPACE)
			words++;
	return words == 0 && l->w < width / 4;
}

/* A title of two or more lines broken again at the narrowest width that
 * keeps its number of lines: its lines even, its last never one short
 * word when a line can give it another. First fit is monotone in the
 * width, so the width is found by bisection. */
static void S_balance(kg_lay *lay, const kg_inline *in, float width,
		      kg_li_lines *ls, float leading)
{
	size_t nl = ls->nl;
	float lo = width / 2, hi = width;
	int i;

	if (nl < 2)
		return;
	for (i = 0; i < 12; i++) {
		kg_li_lines t = {0};
		float mid = (lo + hi) / 2;

		kg_li_break(lay, in, mid, &t, leading);
		if (t.nl <= nl)
			hi = mid;
		else
			lo = mid;
		kg_li_lines_free(&t);
	}
	if (hi >= width - KG_LI_EPS)
		return;
	kg_li_lines_free(ls);
	memset(ls, 0, sizeof(*ls));
	kg_li_break(lay, in, hi, ls, leading);
}

/* What the page-break rules need of line k of a paragraph: that it is a
 * line (of a heading), that the first two and the last two lines stay
 * together, that a line ending in a hyphenation break does not end a
 * page (kept with the next), that a title ends on one short word. */
static void S_line_flags(kg_lay *lay, const kg_li_lines *ls, size_t k,
			 const kg_para_opts *o, float width)
{
	kg_elem *e = &lay->run.el[lay->run.nel - 1];

	e->flags |= KG_EL_LINE;
	if (o->heading)
		e->flags |= KG_EL_HEADING;
	if (o->keep || (ls->nl >= 2 && (k == 0 || k + 2 == ls->nl)))
		e->flags |= KG_EL_KEEP;
	if (S_hyphen_end(lay, ls, k)) {
		e->flags |= KG_EL_HYPHEN;
		if (lay->rules & KG_BREAK_HYPHEN)
			e->flags |= KG_EL_KEEP;
	}
	if (ls->l[k].hyph)
		e->flags |= KG_EL_HYPHENATED;
	if ((o->heading || o->balance) && k + 1 == ls->nl && ls->nl >= 2 &&
	    S_short_line(ls, &ls->l[k], width))
		e->flags |= KG_EL_SHORT_END;
}

void kg_lay_para(kg_lay *lay, const kg_inline *in, const kg_para_opts *o)
{
	kg_li_lines ls = {0};
	float x0 = lay->x + o->indent, width = lay->w - o->indent, refw = 0;
	int align = o->align;
	size_t k;

	if (in->n == 0)
		return;
	if (o->pageref) {
		/* the number is set when pages are known: measure the digits
		 * now, and leave room for four */
		kg_li_width(lay, o->ref_style, "0123456789", 10);
		refw = o->ref_room > 0 ? o->ref_room
				       : kg_li_width(lay, o->ref_style, "0000", 4);
		width -= refw + lay->st->m.contents_number_gap;
	}
	/* a contents entry is the furniture's: the kit's direction */
	lay->dir_fixed = o->pageref != NULL || o->kit_dir;
	/* prose is hyphenated; headings, titles, the contents never */
	ls.hyph = !o->heading && !o->balance && !o->pageref;
	kg_li_break(lay, in, width, &ls, o->leading);
	if ((o->balance || o->heading) && (lay->rules & KG_BREAK_BALANCE))
		S_balance(lay, in, width, &ls, o->leading);
	lay->dir_fixed = 0;
	/* a paragraph whose direction is not the kit's is set from its own
	 * start: the other side (layout.h, "Bidi"); but not in a list,
	 * whose items stay beside their markers on the kit's side, an
	 * English item of an Arabic kit at the right under its bullet (its
	 * words still in their own order: "be?" ends it) */
	if (ls.rtl != lay->rtl && o->align != 1 && !o->pageref && !o->kit_dir &&
	    lay->open_list < 0)
		align = 2 - o->align;
	for (k = 0; k < ls.nl; k++) {
		kg_li_line *l = &ls.l[k];
		float shift = align == 1 ? (width - l->w) / 2 :
			      align == 2 ? width - l->w : 0;
		size_t op0;

		kg_li_elem(lay, l->h);
		if (k == 0 && o->dest) {
			kg_op *op = kg_li_op(lay, KG_OP_DEST);

			op->len = (uint32_t)strlen(o->dest);
			op->str = kg_lay_str(lay, o->dest, op->len);
		}
		if (k == 0 && o->marker && o->marker->n) {
			kg_li_lines ms = {0};

			kg_li_break(lay, o->marker, 1e6f, &ms, o->leading);
			kg_li_line_ops(lay, &ms, &ms.l[0],
				   x0 + o->marker_x - ms.l[0].w,
				   l->base - ms.l[0].base);
			kg_li_lines_free(&ms);
		}
		op0 = lay->run.nops;
		kg_li_line_ops(lay, &ls, l, x0 + shift, 0);
		if (o->pageref)
			S_line_link(lay, op0, x0 + shift);
		if (k + 1 == ls.nl && o->pageref)
			S_pageref(lay, o, x0 + shift + l->w, refw, l->base);
		kg_li_elem_done(lay);
		S_line_flags(lay, &ls, k, o, width);
	}
	kg_li_lines_free(&ls);
}

/* ---- boxes and indentation --------------------------------------------------------- */

/* The label of a box, wrapped in its strip, baseline to baseline with
 * the box's first line of body text; returns the height it takes. */
static float S_box_label(kg_lay *lay, const kg_box *b)
{
	kg_li_lines ls = {0};
	float asc = (float)lay->fonts.ascent(lay->fonts.ctx, KG_FACE_REGULAR) / 1000.0f;
	float desc = (float)lay->fonts.descent(lay->fonts.ctx, KG_FACE_REGULAR) / 1000.0f;
	float body = lay->st->body, lead = lay->st->leading, y, first_base;
	float inset = lay->st->m.rubric_label_inset;
	float least = lay->st->m.rubric_label_least;
	float inner = b->st.strip_w - 2 * inset;
	size_t k;

	lay->dir_fixed = 1; /* a label of the kit's: its direction */
	kg_li_break(lay, b->st.label, inner > least ? inner : least, &ls, lead);
	lay->dir_fixed = 0;
	first_base = (body * lead - body * (asc + desc)) / 2 + body * asc;
	y = b->st.pad + (ls.nl ? first_base - ls.l[0].base : 0);
	for (k = 0; k < ls.nl; k++) {
		kg_li_line_ops(lay, &ls, &ls.l[k], b->x + b->st.bar_w + inset, y);
		y += ls.l[k].h;
	}
	kg_li_lines_free(&ls);
	return y + b->st.pad;
}

/* A head element made now and shown only on later pages, its content
 * made by make; the pending space and page break are left for the
 * element after it. */
static size_t S_head(kg_lay *lay, const kg_inline *cont, int strip_box)
{
	float space = lay->space;
	int new_page = lay->new_page, item = lay->item;
	size_t elem = lay->run.nel;

	lay->space = 0;
	lay->new_page = lay->item = 0;
	if (strip_box >= 0) { /* in the strip, beside the box's first lines */
		kg_box *b = &lay->run.boxes[strip_box];
		uint32_t k;

		kg_li_elem(lay, 0);
		b->st.label = cont;
		S_box_label(lay, b);
		b->st.label = NULL;
		kg_li_elem_done(lay);
		/* the label is set a padding below the box's top; the head
		 * is placed there already */
		for (k = lay->run.el[elem].op0; k < lay->run.nops; k++)
			lay->run.ops[k].y -= b->st.pad;
	} else {
		kg_para_opts o;

		memset(&o, 0, sizeof(o));
		o.leading = lay->st->leading;
		kg_lay_para(lay, cont, &o);
		lay->run.el[elem].flags &= ~(unsigned)KG_EL_LINE;
	}
	lay->run.el[elem].flags |= KG_EL_HEAD_ONLY | KG_EL_KEEP;
	lay->space = space;
	lay->new_page = new_page;
	lay->item = item;
	return elem;
}

static void S_box_head(kg_lay *lay, int box, const kg_inline *cont)
{
	size_t elem = S_head(lay, cont, lay->run.boxes[box].st.strip_w > 0 ? box : -1);

	lay->run.boxes[box].head = (long)elem;
}

void kg_lay_box_open(kg_lay *lay, const kg_box_style *bs)
{
	kg_box *b;
	kg_elem *e;
	float inset = bs->pad + bs->bar_w + bs->strip_w + bs->pad_left;

	KG_GROW(lay->run.boxes, lay->run.cap_boxes, lay->run.nboxes + 1);
	b = &lay->run.boxes[lay->run.nboxes];
	memset(b, 0, sizeof(*b));
	b->st = *bs;
	b->st.label = NULL;
	b->parent = lay->open_box;
	b->x = lay->x;
	b->w = lay->w;
	b->first = lay->run.nel;
	b->head = -1;
	b->st.cont = NULL;
	lay->open_box = (int)lay->run.nboxes++;
	e = kg_li_elem(lay, bs->pad);
	e->flags |= KG_EL_KEEP;
	if (bs->label && bs->label->n && bs->strip_w > 0) {
		b->st.label = bs->label;
		b->min_h = S_box_label(lay, b);
		b->st.label = NULL;
	}
	kg_li_elem_done(lay);
	lay->x += inset;
	lay->w -= inset + bs->pad;
	if (bs->cont && bs->cont->n && (lay->rules & KG_BREAK_CONTINUED))
		S_box_head(lay, (int)lay->run.nboxes - 1, bs->cont);
	lay->run.boxes[lay->run.nboxes - 1].body = lay->run.nel;
}

void kg_lay_box_close(kg_lay *lay)
{
	kg_box *b = &lay->run.boxes[lay->open_box];
	float h = 0;
	size_t i;

	for (i = b->first; i < lay->run.nel; i++)
		h += (i > b->first ? lay->run.el[i].space : 0) + lay->run.el[i].h;
	kg_lay_keep(lay);
	lay->space = 0;
	if (h + b->st.pad < b->min_h)
		kg_lay_gap(lay, b->min_h - h - b->st.pad, 1);
	kg_lay_gap(lay, b->st.pad, 0);
	b = &lay->run.boxes[lay->open_box];
	b->last = lay->run.nel - 1;
	if (b->head >= 0)
		kg_lay_head_only(lay, (size_t)b->head, (size_t)b->head + 1);
	/* a box kept whole (a rubric band, a row of its table) that fits on
	 * a page: no page break inside it */
	if (b->st.whole && (lay->rules & KG_BREAK_ROWS) &&
	    kg_lay_flow_height(lay, b->first) - lay->run.el[b->first].space <=
		    lay->height)
		for (i = b->first; i < b->last; i++)
			lay->run.el[i].flags |= KG_EL_KEEP;
	lay->x = b->x;
	lay->w = b->w;
	lay->open_box = b->parent;
	if (lay->rtl) { /* its bar and strip at its start, the right */
		b->x = lay->width - b->x - b->w;
		b->mirrored = 1;
	}
}

void kg_lay_list_open(kg_lay *lay, const kg_inline *cont)
{
	kg_llist *l;

	KG_GROW(lay->run.lists, lay->run.cap_lists, lay->run.nlists + 1);
	l = &lay->run.lists[lay->run.nlists];
	l->parent = lay->open_list;
	l->first = lay->run.nel;
	l->last = lay->run.nel;
	l->head = -1;
	lay->open_list = (int)lay->run.nlists++;
	if (cont && cont->n && (lay->rules & KG_BREAK_CONTINUED))
		lay->run.lists[lay->open_list].head = (long)S_head(lay, cont, -1);
}

void kg_lay_item(kg_lay *lay)
{
	lay->item = 1;
}

void kg_lay_list_close(kg_lay *lay)
{
	kg_llist *l = &lay->run.lists[lay->open_list];

	lay->item = 0;
	lay->open_list = l->parent;
	if (lay->run.nel == l->first) { /* empty: gone */
		lay->run.nlists--;
		return;
	}
	l->last = lay->run.nel - 1;
	if (l->head >= 0)
		kg_lay_head_only(lay, (size_t)l->head, (size_t)l->head + 1);
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

/* ---- what a caller may ask of the layout ----------------------------------------------- */

size_t kg_lay_mark(const kg_lay *lay)
{
	return lay->run.nel;
}

float kg_lay_flow_height(const kg_lay *lay, size_t from)
{
	float h = 0;
	size_t i;

	for (i = from; i < lay->run.nel; i++)
		if (!(lay->run.el[i].flags & KG_EL_HEAD_ONLY))
			h += lay->run.el[i].space + lay->run.el[i].h;
	return h;
}

float kg_lay_space_above(const kg_lay *lay, size_t i)
{
	return i < lay->run.nel ? lay->run.el[i].space : 0;
}

unsigned kg_lay_rules(const kg_lay *lay)
{
	return lay->rules;
}

void kg_lay_set_rules(kg_lay *lay, unsigned rules)
{
	lay->rules = rules;
}

int kg_lay_in_box(const kg_lay *lay)
{
	return lay->open_box >= 0;
}

void kg_lay_cancel_page_break(kg_lay *lay)
{
	lay->new_page = 0;
}

float kg_lay_body_width(const kg_lay *lay)
{
	return lay->width;
}

float kg_lay_body_height(const kg_lay *lay)
{
	return lay->height;
}

float kg_lay_line_width(const kg_lay *lay)
{
	return lay->w;
}

size_t kg_lay_disagreements(const kg_lay *lay)
{
	return lay->disagree;
}

size_t kg_lay_run_pages(const kg_lay *lay)
{
	return lay->run.npages;
}

size_t kg_lay_pages_before(const kg_lay *lay)
{
	return lay->page_base;
}

int kg_lay_page_kind(const kg_lay *lay, size_t page)
{
	return lay->run.pages[page].kind;
}

const char *kg_lay_page_part(const kg_lay *lay, size_t page)
{
	int part = lay->run.pages[page].part;

	return part >= 0 ? lay->parts[part] : "";
}

/* ---- what the renderer reads ------------------------------------------------------------ */

const kg_elem *kg_lay_elem(const kg_lay *lay, size_t i)
{
	return &lay->run.el[i];
}

const kg_op *kg_lay_op(const kg_lay *lay, uint32_t i)
{
	return &lay->run.ops[i];
}

const kg_link *kg_lay_link_at(const kg_lay *lay, int n)
{
	return &lay->run.links[n];
}

size_t kg_lay_nboxes(const kg_lay *lay)
{
	return lay->run.nboxes;
}

const kg_box *kg_lay_box(const kg_lay *lay, size_t b)
{
	return &lay->run.boxes[b];
}

const kg_lpage *kg_lay_page(const kg_lay *lay, size_t n)
{
	return &lay->run.pages[n];
}

const kg_place *kg_lay_place(const kg_lay *lay, size_t i)
{
	return &lay->run.place[i];
}

void kg_lay_page_set(kg_lay *lay, size_t page, kg_lay_slot slot, long elem)
{
	kg_lpage *pg = &lay->run.pages[page];

	if (slot == KG_LAY_HEAD)
		pg->head = elem;
	else if (slot == KG_LAY_FOOT)
		pg->foot = elem;
	else
		pg->back = elem;
	if (slot == KG_LAY_BACK && elem >= 0) /* its origin the page's corner */
		lay->run.el[elem].flags |= KG_EL_BACK;
}
