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

/* Element i (KG_EL_FILL) takes the room left on its page, at least its
 * own height, and keeps the operations that fall inside it. */
static void S_fill_rest(kg_lay *lay, size_t i, float room)
{
	kg_elem *e = &lay->el[i];
	uint32_t k;

	if (room > e->h)
		e->h = room;
	for (k = 0; k < e->nops; k++)
		if (lay->ops[e->op0 + k].y > e->h + KG_LI_EPS)
			break;
	e->nops = k;
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

		if (e->flags & KG_EL_HEAD_ONLY) { /* placed as a head, if at all */
			i++;
			continue;
		}
		if (real && (e->flags & KG_EL_NEW_PAGE))
			break;
		if (!real || y + sb + e->h + S_reserve(lay, i) <= lay->height + KG_LI_EPS) {
			if (!real)
				pg->part = e->part;
			if (e->flags & KG_EL_FILL)
				S_fill_rest(lay, i, lay->height - y - sb - S_reserve(lay, i));
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
