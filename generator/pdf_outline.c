/*
 * pdf_outline.c - the outline (see pdf_outline.h).
 *
 * Entry i is object root + 1 + i, all numbers reserved at once, so each
 * item can name its parent, siblings and children as it is written. Every
 * item is closed: a parent's /Count is minus its number of children, the
 * root's the number of top-level entries (all a reader shows at first).
 */
#include "pdf_outline.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

void kg_outline_add(kg_outline *o, int level, const char *title, const char *id)
{
	kg_outline_entry *e;

	KG_GROW(o->e, o->cap, o->n + 1);
	e = &o->e[o->n++];
	e->level = level < 1 ? 1 : level > 3 ? 3 : level;
	e->title = kg_xstrdup(title);
	e->id = kg_xstrdup(id);
}

void kg_outline_free(kg_outline *o)
{
	size_t i;

	for (i = 0; i < o->n; i++) {
		free(o->e[i].title);
		free(o->e[i].id);
	}
	free(o->e);
	memset(o, 0, sizeof(*o));
}

uint32_t kg_outline_write(const kg_outline *o, kg_pdf_file *pdf, kg_lay *lay,
			  const kg_geom *g, const kg_page_objs *po)
{
	size_t n = o->n, i;
	uint32_t root = kg_pdf_reserve_n(pdf, (uint32_t)n + 1), first = root + 1;
	long *parent = kg_xmalloc((n + 1) * sizeof(*parent));
	long *prev = kg_xmalloc((n + 1) * sizeof(*prev));
	long *next = kg_xmalloc((n + 1) * sizeof(*next));
	long *kid0 = kg_xmalloc((n + 1) * sizeof(*kid0));
	long *kid1 = kg_xmalloc((n + 1) * sizeof(*kid1));
	size_t *kids = kg_xcalloc(n + 1, sizeof(*kids));
	long level_at[4] = {-1, -1, -1, -1};
	kg_buf b = KG_BUF_INIT, dest = KG_BUF_INIT;

	/* the tree: an entry's parent is the last entry of a lower level
	 * still open; node n is the root */
	for (i = 0; i <= n; i++)
		prev[i] = next[i] = kid0[i] = kid1[i] = -1;
	for (i = 0; i < n; i++) {
		int lv = o->e[i].level, l;
		long up = (long)n;

		for (l = lv - 1; l >= 1 && up == (long)n; l--)
			if (level_at[l] >= 0)
				up = level_at[l];
		parent[i] = up;
		if (kid1[up] >= 0) {
			next[kid1[up]] = (long)i;
			prev[i] = kid1[up];
		} else {
			kid0[up] = (long)i;
		}
		kid1[up] = (long)i;
		kids[up]++;
		level_at[lv] = (long)i;
		for (l = lv + 1; l < 4; l++)
			level_at[l] = -1;
	}
	kg_pdf_obj_begin(pdf, root);
	kg_pdf_puts(pdf, "<< /Type /Outlines");
	if (kids[n])
		kg_pdf_printf(pdf, " /First %lu 0 R /Last %lu 0 R /Count %zu",
			      (unsigned long)(first + kid0[n]),
			      (unsigned long)(first + kid1[n]), kids[n]);
	kg_pdf_puts(pdf, " >>");
	kg_pdf_obj_end(pdf);
	for (i = 0; i < n; i++) {
		const kg_outline_entry *mk = &o->e[i];

		kg_buf_reset(&b);
		kg_buf_puts(&b, "<< /Title ");
		kg_pdf_text(&b, mk->title, strlen(mk->title));
		kg_buf_printf(&b, " /Parent %lu 0 R", (unsigned long)(parent[i] ==
			      (long)n ? root : first + parent[i]));
		if (prev[i] >= 0)
			kg_buf_printf(&b, " /Prev %lu 0 R", (unsigned long)(first + prev[i]));
		if (next[i] >= 0)
			kg_buf_printf(&b, " /Next %lu 0 R", (unsigned long)(first + next[i]));
		if (kids[i]) /* closed: the count is negative */
			kg_buf_printf(&b, " /First %lu 0 R /Last %lu 0 R /Count -%zu",
				      (unsigned long)(first + kid0[i]),
				      (unsigned long)(first + kid1[i]), kids[i]);
		kg_buf_reset(&dest);
		if (kg_render_dest(lay, g, po, mk->id, &dest) == 0)
			kg_buf_printf(&b, " /Dest %s", dest.ptr);
		kg_buf_puts(&b, " >>");
		if (po->tags) /* a PDF 1.5 file: packed, as its pages are */
			kg_pdf_obj_packed(pdf, first + (uint32_t)i, b.ptr, b.len);
		else {
			kg_pdf_obj_begin(pdf, first + (uint32_t)i);
			kg_pdf_put_buf(pdf, &b);
			kg_pdf_obj_end(pdf);
		}
	}
	kg_buf_release(&b);
	kg_buf_release(&dest);
	free(parent);
	free(prev);
	free(next);
	free(kid0);
	free(kid1);
	free(kids);
	return root;
}

