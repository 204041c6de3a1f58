/* lay_record.c - the layout record: where every block of a run landed,
 * a JSON line per page and one per run for its boxes and lists, for the
 * tests of the page-break rules (layout.h: kg_lay_record; read by
 * tests/breakcheck.py). Nothing of the PDF depends on it. */
#include "layout_int.h"

static const char *S_type(unsigned flags)
{
	if (flags & KG_EL_HEAD_ONLY)
		return "head";
	if (flags & KG_EL_HEADING)
		return "heading";
	if (flags & KG_EL_ROW)
		return "row";
	if (flags & KG_EL_ROW_PART)
		return "rowpart";
	if (flags & KG_EL_LINE)
		return "line";
	return "gap";
}

/* Is page p (of the current run) the last of its section: the last the
 * run's pagination made, or one before a forced page break? */
static int S_section_last(const kg_lay *lay, size_t p)
{
	const kg_lpage *next;
	size_t k;

	if (p + 1 >= lay->run.npages)
		return 1;
	next = &lay->run.pages[p + 1];
	for (k = next->p0; k < next->p0 + next->np; k++) {
		const kg_elem *e = &lay->run.el[lay->run.place[k].elem];

		if (!(e->flags & KG_EL_HEAD_ONLY))
			return (e->flags & KG_EL_NEW_PAGE) != 0;
	}
	return 0;
}

/* The box or list a head element heads (one made by pdf_code.c's own
 * kg_lay_head_only: its box). */
static void S_headed(const kg_lay *lay, size_t i, long *box, long *list)
{
	size_t k;

	*box = *list = -1;
	if (!(lay->run.el[i].flags & KG_EL_HEAD_ONLY) || lay->run.el[i].row >= 0)
		return; /* a row's head: its "r" says which */
	for (k = 0; k < lay->run.nlists; k++)
		if (lay->run.lists[k].head == (long)i) {
			*list = (long)k;
			return;
		}
	for (k = 0; k < lay->run.nboxes; k++)
		if (lay->run.boxes[k].head == (long)i) {
			*box = (long)k;
			return;
		}
	*box = lay->run.el[i].box;
}

static void S_page(kg_lay *lay, size_t p)
{
	const kg_lpage *pg = &lay->run.pages[p];
	kg_buf *out = lay->record;
	float used = 0;
	size_t k;

	for (k = pg->p0; k < pg->p0 + pg->np; k++) {
		float end = lay->run.place[k].y + lay->run.el[lay->run.place[k].elem].h;

		used = end > used ? end : used;
	}
	kg_buf_printf(out, "{\"run\":%zu,\"page\":%zu,\"kind\":%d,\"height\":%.2f,"
		      "\"used\":%.2f,\"last\":%d,\"items\":[", lay->record_run,
		      lay->page_base + p + 1, pg->kind, (double)lay->height,
		      (double)used, S_section_last(lay, p));
	for (k = pg->p0; k < pg->p0 + pg->np; k++) {
		size_t i = lay->run.place[k].elem;
		const kg_elem *e = &lay->run.el[i];
		long hb, hl;

		S_headed(lay, i, &hb, &hl);
		kg_buf_printf(out, "%s{\"t\":\"%s\",\"e\":%zu,\"y\":%.2f,\"h\":%.2f,"
			      "\"b\":%d,\"l\":%d,\"r\":%d,\"hy\":%d,\"short\":%d,"
			      "\"item\":%d,\"hb\":%ld,\"hl\":%ld,\"s\":%.2f}",
			      k > pg->p0 ? "," : "", S_type(e->flags),
			      i, (double)lay->run.place[k].y, (double)e->h, e->box,
			      e->list, e->row,
			      e->flags & KG_EL_HYPHENATED ? 2 : (e->flags & KG_EL_HYPHEN) != 0,
			      (e->flags & KG_EL_SHORT_END) != 0,
			      (e->flags & KG_EL_ITEM) != 0, hb, hl, (double)e->space);
	}
	kg_buf_puts(out, "]}\n");
}

void kg_lay_record_run(kg_lay *lay, size_t from, size_t page0)
{
	kg_buf *out = lay->record;
	size_t p, b;

	for (p = page0; p < lay->run.npages; p++)
		S_page(lay, p);
	kg_buf_printf(out, "{\"run\":%zu,\"from\":%zu,\"boxes\":[", lay->record_run,
		      from);
	for (b = 0; b < lay->run.nboxes; b++) {
		const kg_box *bx = &lay->run.boxes[b];

		kg_buf_printf(out, "%s{\"id\":%zu,\"kind\":\"%s\",\"first\":%zu,"
			      "\"last\":%zu,\"h\":%.2f,\"whole\":%d,\"head\":%ld,"
			      "\"parent\":%d}", b ? "," : "",
			      b, bx->st.kind ? bx->st.kind : "box", bx->first, bx->last,
			      (double)(kg_lay_flow_height(lay, bx->first) -
				       kg_lay_flow_height(lay, bx->last + 1) -
				       lay->run.el[bx->first].space),
			      bx->st.whole, bx->head, bx->parent);
	}
	kg_buf_puts(out, "],\"lists\":[");
	for (b = 0; b < lay->run.nlists; b++) {
		const kg_llist *l = &lay->run.lists[b];

		kg_buf_printf(out, "%s{\"id\":%zu,\"first\":%zu,\"last\":%zu,"
			      "\"head\":%ld,\"parent\":%d,\"box\":%d}", b ? "," : "",
			      b, l->first, l->last, l->head, l->parent,
			      lay->run.el[l->first].box);
	}
	kg_buf_puts(out, "]}\n");
}

void kg_lay_record(kg_lay *lay, kg_buf *out)
{
	lay->record = out;
}
