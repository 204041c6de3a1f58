/* lay_pages.c - pagination: elements cut into pages where keeps allow,
 * and the store of where every anchor landed, kept across runs and
 * checked by the second pass (layout.h, layout_int.h) */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

/* ---- pagination -------------------------------------------------------------------------- */

static void S_placement(kg_lay *lay, size_t elem, float y)
{
	KG_GROW(lay->run.place, lay->run.cap_place, lay->run.nplace + 1);
	lay->run.place[lay->run.nplace].elem = elem;
	lay->run.place[lay->run.nplace].y = y;
	lay->run.nplace++;
}

/* Padding above element i for the boxes it continues from an earlier page. */
static float S_cont_pad(const kg_lay *lay, size_t i)
{
	float pad = 0;
	int b;

	for (b = lay->run.el[i].box; b >= 0; b = lay->run.boxes[b].parent)
		if (lay->run.boxes[b].first < i)
			pad += lay->run.boxes[b].st.pad;
	return pad;
}

/* Room to keep below element i for the boxes that go on after it. */
static float S_reserve(const kg_lay *lay, size_t i)
{
	float pad = 0;
	int b;

	for (b = lay->run.el[i].box; b >= 0; b = lay->run.boxes[b].parent)
		if (lay->run.boxes[b].last > i)
			pad += lay->run.boxes[b].st.pad;
	return pad;
}

static long S_find_dest(kg_lay *lay, const char *id, size_t len);

/* In a second pass: did some anchor of this id land here the first time
 * (ids may repeat: any of them)? */
static void S_check_dest(kg_lay *lay, const kg_op *op, size_t page, float y)
{
	const char *id = lay->run.text.ptr + op->str;
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
	const kg_lpage *pg = &lay->run.pages[page];
	size_t p;
	uint32_t k;

	for (p = pg->p0; p < pg->p0 + pg->np; p++) {
		const kg_elem *e = &lay->run.el[lay->run.place[p].elem];

		for (k = e->op0; k < e->op0 + e->nops; k++) {
			const kg_op *op = &lay->run.ops[k];
			kg_dest *dst;

			if (op->type != KG_OP_DEST)
				continue;
			if (lay->dests_frozen) {
				S_check_dest(lay, op, lay->page_base + page,
					     lay->run.place[p].y);
				continue;
			}
			KG_GROW(lay->dests, lay->cap_dests, lay->ndests + 1);
			dst = &lay->dests[lay->ndests];
			dst->id = (uint32_t)lay->anchor_text.len;
			dst->len = op->len;
			kg_buf_put(&lay->anchor_text, lay->run.text.ptr + op->str, op->len);
			dst->page = lay->page_base + page;
			dst->y = lay->run.place[p].y;
			dst->seq = lay->ndests++;
			lay->dests_sorted = 0;
		}
	}
}

/* Element i (KG_EL_FILL) takes the room left on its page, at least its
 * own height, and keeps the operations that fall inside it. */
static void S_fill_rest(kg_lay *lay, size_t i, float room)
{
	kg_elem *e = &lay->run.el[i];
	uint32_t k;

	if (room > e->h)
		e->h = room;
	for (k = 0; k < e->nops; k++)
		if (lay->run.ops[e->op0 + k].y > e->h + KG_LI_EPS)
			break;
	e->nops = k;
}

/* What the page-break rules look up, counted once per run so that a
 * page's break is found in time linear in the page: prefix counts of
 * lines and of list items, the last heading line before each element,
 * the next forced page break at or after each, and prefix heights. */
typedef struct S_run {
	size_t from, n;
	size_t *lines;   /* lines[i - from]: lines in [from, i) */
	size_t *items;   /* items[i - from]: items in [from, i) */
	long *heading;   /* heading[i - from]: the last heading line < i */
	size_t *section; /* section[i - from]: the first element >= i that
			  * starts a page, or lay->run.nel */
	float *flow;     /* flow[i - from]: height of [from, i), spaces in */
} S_run;

static void S_run_init(kg_lay *lay, size_t from, S_run *r)
{
	size_t i, n = lay->run.nel - from;

	r->from = from;
	r->n = n;
	r->lines = kg_xcalloc(n + 1, sizeof(*r->lines));
	r->items = kg_xcalloc(n + 1, sizeof(*r->items));
	r->heading = kg_xcalloc(n + 1, sizeof(*r->heading));
	r->section = kg_xcalloc(n + 1, sizeof(*r->section));
	r->flow = kg_xcalloc(n + 1, sizeof(*r->flow));
	r->heading[0] = -1;
	for (i = 0; i < n; i++) {
		const kg_elem *e = &lay->run.el[from + i];
		int real = !(e->flags & KG_EL_HEAD_ONLY);

		r->lines[i + 1] = r->lines[i] + (real && (e->flags & KG_EL_LINE));
		r->items[i + 1] = r->items[i] + (real && (e->flags & KG_EL_ITEM));
		r->heading[i + 1] = real && (e->flags & KG_EL_HEADING)
					    ? (long)(from + i) : r->heading[i];
		r->flow[i + 1] = r->flow[i] + (real ? e->space + e->h : 0);
	}
	r->section[n] = lay->run.nel;
	for (i = n; i-- > 0;)
		r->section[i] = (lay->run.el[from + i].flags & KG_EL_NEW_PAGE)
					? from + i : r->section[i + 1];
}

static void S_run_free(S_run *r)
{
	free(r->lines);
	free(r->items);
	free(r->heading);
	free(r->section);
	free(r->flow);
}

#define S_LINES(r, a, b) ((r)->lines[(b) - (r)->from] - (r)->lines[(a) - (r)->from])
#define S_ITEMS(r, a, b) ((r)->items[(b) - (r)->from] - (r)->items[(a) - (r)->from])

/* May a page that starts at element first end before element k, by the
 * page-break rules (the keeps aside)? */
static int S_rules_allow(const kg_lay *lay, const S_run *r, size_t first,
			 size_t k)
{
	const kg_elem *e = &lay->run.el[k];
	int b;

	if (lay->rules & KG_BREAK_HEADINGS) {
		long h = r->heading[k - r->from];

		/* a heading on this page keeps two lines of what follows */
		if (h >= (long)first && S_LINES(r, (size_t)h + 1, k) < 2)
			return 0;
	}
	if (!(lay->rules & KG_BREAK_WIDOWS))
		return 1;
	for (b = e->box; b >= 0; b = lay->run.boxes[b].parent) {
		const kg_box *bx = &lay->run.boxes[b];

		if (bx->first < k && (S_LINES(r, bx->first, k) < 2 ||
				      S_LINES(r, k, bx->last + 1) < 2))
			return 0;
	}
	for (b = e->list; b >= 0; b = lay->run.lists[b].parent) {
		const kg_llist *l = &lay->run.lists[b];
		/* an item cut in two counts on both sides */
		size_t after = S_ITEMS(r, k, l->last + 1) +
			       !(e->flags & KG_EL_ITEM);

		if (l->first < k && (S_ITEMS(r, l->first, k) < 2 || after < 2))
			return 0;
	}
	return 1;
}

/* Where a page from element first, full at element i (its placements
 * ending at y), ends by the rules: before the last element k not kept
 * with the one before it where the rules allow and the page is still a
 * fifth full; first for none. Looks back over the page once. */
static size_t S_rules_break(const kg_lay *lay, const S_run *r, size_t first,
			    size_t i, float y, const kg_lpage *pg)
{
	size_t k, p = lay->run.nplace;
	float end = y; /* where the page would end, before k */

	for (k = i; k > first; k--) {
		while (p > pg->p0 && lay->run.place[p - 1].elem >= k)
			end = lay->run.place[--p].y;
		if (end < lay->height / 5)
			return first;
		if (!(lay->run.el[k - 1].flags & KG_EL_KEEP) &&
		    S_rules_allow(lay, r, first, k))
			return k;
	}
	return first;
}

/* Place the heads of element i at the top of a page starting at element
 * at: its head, that head's head and so on, outermost first (a list's
 * "(continued)" above a table's header row). Returns the height. */
static float S_heads(kg_lay *lay, size_t from, size_t at, size_t i, float y)
{
	long chain[16];
	int n = 0;
	float y0 = y;
	long h;

	for (h = lay->run.el[i].head; h >= (long)from && (size_t)h < at && n < 16;
	     h = lay->run.el[h].head)
		chain[n++] = h;
	while (n-- > 0) {
		S_placement(lay, (size_t)chain[n], y);
		y += lay->run.el[chain[n]].h;
	}
	return y - y0;
}

/* Fill one page from element *at, with the space above each element
 * scaled by squeeze; returns with *at at the first element of the next
 * page. *filled is set when an element grew to the foot of the page. */
static void S_fill_page(kg_lay *lay, const S_run *r, size_t *at,
			kg_lpage *pg, float squeeze, int *filled)
{
	size_t i = *at, first = i, k;
	float y = S_cont_pad(lay, i);
	int real = 0;

	*filled = 0;
	while (i < lay->run.nel && (lay->run.el[i].flags & KG_EL_HEAD_ONLY))
		i++;
	if (i < lay->run.nel)
		y += S_heads(lay, r->from, *at, i, y);
	while (i < lay->run.nel) {
		const kg_elem *e = &lay->run.el[i];
		float sb = real ? e->space * squeeze : 0;

		if (e->flags & KG_EL_HEAD_ONLY) { /* placed as a head, if at all */
			i++;
			continue;
		}
		if (real && (e->flags & KG_EL_NEW_PAGE))
			break;
		if (!real || y + sb + e->h + S_reserve(lay, i) <= lay->height + KG_LI_EPS) {
			if (!real)
				pg->part = e->part;
			if (e->flags & KG_EL_FILL) {
				S_fill_rest(lay, i, lay->height - y - sb - S_reserve(lay, i));
				*filled = 1;
			}
			S_placement(lay, i, y + sb);
			y += sb + e->h;
			real = 1;
			i++;
			continue;
		}
		/* full: end the page after the last element not kept with the
		 * next where the rules allow, the page still a fifth full;
		 * failing that, where the keeps allow; failing that (a run of
		 * kept elements taller than the page), here */
		k = S_rules_break(lay, r, first, i, y, pg);
		if (k == first)
			for (k = i; k > first && (lay->run.el[k - 1].flags & KG_EL_KEEP); k--)
				;
		if (k > first) {
			while (lay->run.nplace > pg->p0 && lay->run.place[lay->run.nplace - 1].elem >= k)
				lay->run.nplace--;
			i = k;
		}
		break;
	}
	*at = i;
}

/* The least a section's tail may fill of its page before it is pulled
 * back onto the page before, and how far the space between blocks on
 * that page may shrink to take it. */
#define S_TAIL 0.2f
#define S_SQUEEZE_MOST 0.5f

/* The fewest lines a section's last page holds when the lines before
 * can go with them (S_push_tail). */
#define S_TAIL_LINES 3

/* When the tail cannot be pulled back: a page that would leave fewer than
 * S_TAIL_LINES lines of its section alone on the next ends earlier, where
 * the rules allow, so that the next holds that many, as long as this one
 * stays a fifth full and the rest fits on the next. */
static void S_push_tail(kg_lay *lay, const S_run *r, size_t start, size_t *at,
			kg_lpage *pg, size_t stop)
{
	size_t end = *at, p;

	if (S_LINES(r, end, stop) >= S_TAIL_LINES)
		return;
	for (p = lay->run.nplace; p-- > pg->p0;) {
		size_t k = lay->run.place[p].elem;

		if (k <= start || k >= end || lay->run.place[p].y < lay->height / 5)
			break;
		if (r->flow[stop - r->from] - r->flow[k - r->from] -
			    lay->run.el[k].space > lay->height - S_cont_pad(lay, k))
			break; /* the rest would not fit on one page */
		if (S_LINES(r, k, stop) < S_TAIL_LINES ||
		    (lay->run.el[k - 1].flags & KG_EL_KEEP) ||
		    (lay->run.el[k].flags & KG_EL_HEAD_ONLY) ||
		    !S_rules_allow(lay, r, start, k))
			continue;
		lay->run.nplace = p;
		*at = k;
		return;
	}
}

/* The tail rule: a page that ends at *at leaving a section's last few
 * lines (at most S_TAIL of a page) alone on the next is filled again with
 * the spaces between its blocks shrunk just enough to take them, when
 * that is within S_SQUEEZE_MOST; failing that, it ends earlier so that
 * they are not so few (S_push_tail). */
static void S_pull_tail(kg_lay *lay, const S_run *r, size_t start, size_t *at,
			kg_lpage *pg)
{
	size_t end = *at, stop, p;
	float tail, used = 0, spaces = 0, need, squeeze;
	size_t retry;
	int filled, seen = 0;

	if (end >= lay->run.nel || end <= start)
		return;
	stop = r->section[end - r->from];
	if (stop <= end || (lay->run.el[end].flags & KG_EL_NEW_PAGE))
		return;
	tail = r->flow[stop - r->from] - r->flow[end - r->from] -
	       lay->run.el[end].space;
	if (tail > S_TAIL * lay->height)
		return;
	for (p = pg->p0; p < lay->run.nplace; p++) {
		const kg_elem *e = &lay->run.el[lay->run.place[p].elem];

		used = lay->run.place[p].y + e->h;
		/* the space above every element but the page's first (and its
		 * heads) shrinks */
		if (!(e->flags & KG_EL_HEAD_ONLY) && seen++)
			spaces += e->space;
	}
	need = used + lay->run.el[end].space + tail - lay->height;
	spaces += lay->run.el[end].space;
	for (p = end + 1; p < stop; p++)
		spaces += lay->run.el[p].flags & KG_EL_HEAD_ONLY ? 0 : lay->run.el[p].space;
	squeeze = spaces > 0 ? 1 - need / spaces - 0.01f : 0;
	if (squeeze < S_SQUEEZE_MOST) {
		S_push_tail(lay, r, start, at, pg, stop);
		return;
	}
	retry = start;
	lay->run.nplace = pg->p0;
	S_fill_page(lay, r, &retry, pg, squeeze, &filled);
	if (retry == stop && !filled) {
		*at = retry;
		return;
	}
	lay->run.nplace = pg->p0; /* no: as it was */
	retry = start;
	S_fill_page(lay, r, &retry, pg, 1, &filled);
	S_push_tail(lay, r, start, at, pg, stop);
}

/* The rule's name's bit ("widows"), or 0. */
unsigned kg_lay_rule_bit(const char *name, size_t len)
{
	static const char *const names[] = {"rows", "widows", "continued",
		"hyphen", "headings", "tails", "balance"};
	size_t k;

	for (k = 0; k < sizeof(names) / sizeof(names[0]); k++)
		if (strlen(names[k]) == len && memcmp(names[k], name, len) == 0)
			return 1u << k;
	return 0;
}

void kg_lay_paginate(kg_lay *lay, size_t from, int kind)
{
	size_t i = from, page0 = lay->run.npages;
	S_run r;

	S_run_init(lay, from, &r);
	while (i < lay->run.nel) {
		kg_lpage pg;
		size_t start = i;
		int filled;

		memset(&pg, 0, sizeof(pg));
		pg.p0 = lay->run.nplace;
		pg.part = -1;
		pg.kind = kind;
		pg.head = pg.foot = pg.back = -1;
		S_fill_page(lay, &r, &i, &pg, 1, &filled);
		if ((lay->rules & KG_BREAK_TAILS) && !filled)
			S_pull_tail(lay, &r, start, &i, &pg);
		pg.np = lay->run.nplace - pg.p0;
		KG_GROW(lay->run.pages, lay->run.cap_pages, lay->run.npages + 1);
		lay->run.pages[lay->run.npages++] = pg;
		S_record_dests(lay, lay->run.npages - 1);
	}
	if (lay->record)
		kg_lay_record_run(lay, from, page0);
	S_run_free(&r);
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
