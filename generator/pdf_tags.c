/*
 * pdf_tags.c - the PDF's structure tree (see pdf_tags.h).
 *
 * Invariants: element 0 is the Document and is never closed; an element's
 * number is its index, its parent's is lower; every kid is one entry of
 * one array (owner, what, key), sorted into each owner's kids only when
 * written: a child element's entry is made when the element is, a marked
 * run's or an annotation's when the renderer draws it, with a key that
 * counts up in drawing order (seq), so that sorting by key puts each
 * element's kids in the order the pages show them.
 */
#include "pdf_tags.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

#define S_NONE UINT32_MAX

typedef struct S_elem {
	kg_stype type;
	int parent;   /* -1 for the Document */
	uint32_t obj; /* reserved when it is made */
} S_elem;

enum { S_KID_MCR = -1, S_KID_OBJR = -2 };

typedef struct S_kid {
	uint32_t owner;
	int32_t what;  /* a child element (> 0), S_KID_MCR or S_KID_OBJR */
	uint32_t page; /* MCR, OBJR: the page, from 0 */
	uint32_t val;  /* MCR: the MCID; OBJR: the annotation's object */
	uint32_t key;  /* drawing order: seq, or a child's first content */
	uint32_t idx;  /* order of making, to break ties */
} S_kid;

struct kg_tags {
	kg_pdf_file *pdf;
	uint32_t page0;
	size_t npages;
	S_elem *el;
	size_t nel, cap_el;
	S_kid *kids;
	size_t nkids, cap_kids;
	int *stack; /* the open elements, the Document first */
	size_t depth, cap_stack;
	uint32_t root;
	uint32_t *page_arr; /* per page: its parent tree entry's object */
	uint32_t *cur;      /* the drawing page's MCIDs' elements' objects */
	size_t ncur, cap_cur;
	uint32_t *links;    /* per link annotation: its element's object */
	size_t nlinks, cap_links;
	uint32_t seq;
};

static const char *const S_names[KG_ST_COUNT] = {
	"Document", "Div", "H1", "H2", "H3", "H4", "H5", "H6", "P",
	"L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TH", "TD", "Link",
	"TOC", "TOCI", "Index", "Code", "BlockQuote"};

static S_kid *S_kid_new(kg_tags *t, uint32_t owner, int32_t what)
{
	S_kid *k;

	KG_GROW(t->kids, t->cap_kids, t->nkids + 1);
	k = &t->kids[t->nkids];
	memset(k, 0, sizeof(*k));
	k->owner = owner;
	k->what = what;
	k->idx = (uint32_t)t->nkids++;
	return k;
}

static int S_elem_new(kg_tags *t, int parent, kg_stype type)
{
	S_elem *e;

	KG_GROW(t->el, t->cap_el, t->nel + 1);
	e = &t->el[t->nel];
	e->type = type;
	e->parent = parent;
	e->obj = kg_pdf_reserve(t->pdf);
	if (parent >= 0)
		S_kid_new(t, (uint32_t)parent, (int32_t)t->nel);
	return (int)t->nel++;
}

kg_tags *kg_tags_new(kg_pdf_file *pdf, uint32_t page0, size_t npages)
{
	kg_tags *t = kg_xcalloc(1, sizeof(*t));

	t->pdf = pdf;
	t->page0 = page0;
	t->npages = npages;
	t->page_arr = kg_xcalloc(npages + 1, sizeof(*t->page_arr));
	t->root = kg_pdf_reserve(pdf);
	S_elem_new(t, -1, KG_ST_DOCUMENT);
	KG_GROW(t->stack, t->cap_stack, 1);
	t->stack[t->depth++] = 0;
	return t;
}

void kg_tags_free(kg_tags *t)
{
	if (!t)
		return;
	free(t->el);
	free(t->kids);
	free(t->stack);
	free(t->page_arr);
	free(t->cur);
	free(t->links);
	free(t);
}

/* ---- the walk's side ------------------------------------------------------------ */

int kg_tags_current(const kg_tags *t)
{
	return t->stack[t->depth - 1];
}

int kg_tags_add_to(kg_tags *t, int parent, kg_stype type)
{
	if (parent < 0 || (size_t)parent >= t->nel)
		parent = 0;
	return S_elem_new(t, parent, type);
}

int kg_tags_add(kg_tags *t, kg_stype type)
{
	return S_elem_new(t, kg_tags_current(t), type);
}

int kg_tags_open(kg_tags *t, kg_stype type)
{
	int e = kg_tags_add(t, type);

	KG_GROW(t->stack, t->cap_stack, t->depth + 1);
	t->stack[t->depth++] = e;
	return e;
}

int kg_tags_close(kg_tags *t)
{
	if (t->depth > 1)
		t->depth--;
	return kg_tags_current(t);
}

kg_stype kg_tags_heading(int level)
{
	return level <= 1 ? KG_ST_H1 : level >= 6 ? KG_ST_H6
						  : (kg_stype)(KG_ST_H1 + level - 1);
}

/* ---- the renderer's side ------------------------------------------------------------ */

const char *kg_tags_name(const kg_tags *t, int elem)
{
	return S_names[t->el[elem].type];
}

void kg_tags_mark(kg_tags *t, int elem, size_t page, uint32_t mcid)
{
	S_kid *k = S_kid_new(t, (uint32_t)elem, S_KID_MCR);

	k->page = (uint32_t)page;
	k->val = mcid;
	k->key = t->seq++;
	KG_GROW(t->cur, t->cap_cur, (size_t)mcid + 1);
	while (t->ncur <= mcid) /* MCIDs come in order: this is one step */
		t->cur[t->ncur++] = t->el[elem].obj;
}

void kg_tags_page_end(kg_tags *t, size_t page)
{
	kg_buf b = KG_BUF_INIT;
	size_t i;

	if (page < t->npages && !t->page_arr[page]) {
		t->page_arr[page] = kg_pdf_reserve(t->pdf);
		kg_buf_putc(&b, '[');
		for (i = 0; i < t->ncur; i++)
			kg_buf_printf(&b, "%s%lu 0 R", i ? (i % 10 ? " " : "\n") : "",
				      (unsigned long)t->cur[i]);
		kg_buf_putc(&b, ']');
		kg_pdf_obj_packed(t->pdf, t->page_arr[page], b.ptr, b.len);
	}
	t->ncur = 0;
	kg_buf_release(&b);
}

long kg_tags_annot(kg_tags *t, int elem, size_t page, uint32_t annot)
{
	S_kid *k = S_kid_new(t, (uint32_t)elem, S_KID_OBJR);

	k->page = (uint32_t)page;
	k->val = annot;
	k->key = t->seq++;
	KG_GROW(t->links, t->cap_links, t->nlinks + 1);
	t->links[t->nlinks++] = t->el[elem].obj;
	return (long)(t->npages + t->nlinks - 1);
}

/* ---- the end ----------------------------------------------------------------------------- */

static int S_by_making(const void *pa, const void *pb)
{
	const S_kid *a = pa, *b = pb;

	if (a->owner != b->owner)
		return a->owner < b->owner ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

static int S_by_key(const void *pa, const void *pb)
{
	const S_kid *a = pa, *b = pb;

	if (a->owner != b->owner)
		return a->owner < b->owner ? -1 : 1;
	if (a->key != b->key)
		return a->key < b->key ? -1 : 1;
	return a->idx < b->idx ? -1 : a->idx > b->idx;
}

/* Each child's key: where its first content was drawn (its own, or its
 * descendants'); a child with none follows the child made before it. */
static void S_order(kg_tags *t)
{
	uint32_t *first = kg_xcalloc(t->nel + 1, sizeof(*first));
	uint32_t last = 0, owner = S_NONE;
	size_t i;

	for (i = 0; i < t->nel; i++)
		first[i] = S_NONE;
	for (i = 0; i < t->nkids; i++)
		if (t->kids[i].what < 0 && t->kids[i].key < first[t->kids[i].owner])
			first[t->kids[i].owner] = t->kids[i].key;
	for (i = t->nel; i-- > 1;) /* a parent's number is lower */
		if (first[i] < first[t->el[i].parent])
			first[t->el[i].parent] = first[i];
	qsort(t->kids, t->nkids, sizeof(*t->kids), S_by_making);
	for (i = 0; i < t->nkids; i++) {
		S_kid *k = &t->kids[i];

		if (k->owner != owner)
			owner = k->owner, last = 0;
		if (k->what > 0) {
			if (first[k->what] != S_NONE)
				last = first[k->what];
			k->key = last;
		}
	}
	qsort(t->kids, t->nkids, sizeof(*t->kids), S_by_key);
	free(first);
}

/* One kid of an element whose /Pg is page pg. */
static void S_kid_put(kg_tags *t, const S_kid *k, uint32_t pg, kg_buf *b)
{
	if (k->what > 0)
		kg_buf_printf(b, "%lu 0 R", (unsigned long)t->el[k->what].obj);
	else if (k->what == S_KID_OBJR)
		kg_buf_printf(b, "<< /Type /OBJR /Obj %lu 0 R /Pg %lu 0 R >>",
			      (unsigned long)k->val,
			      (unsigned long)(t->page0 + k->page));
	else if (k->page == pg)
		kg_buf_printf(b, "%lu", (unsigned long)k->val);
	else
		kg_buf_printf(b, "<< /Type /MCR /Pg %lu 0 R /MCID %lu >>",
			      (unsigned long)(t->page0 + k->page),
			      (unsigned long)k->val);
}

/* Element i, its kids kids[k0 .. k1 - 1]. */
static void S_elem_write(kg_tags *t, size_t i, size_t k0, size_t k1, kg_buf *b)
{
	const S_elem *e = &t->el[i];
	uint32_t pg = S_NONE;
	size_t k;

	kg_buf_reset(b);
	/* no /Type /StructElem: optional, and a million of them in the
	 * largest kit */
	kg_buf_printf(b, "<< /S /%s /P %lu 0 R", S_names[e->type],
		      (unsigned long)(e->parent < 0 ? t->root : t->el[e->parent].obj));
	for (k = k0; k < k1 && pg == S_NONE; k++)
		if (t->kids[k].what < 0)
			pg = t->kids[k].page;
	if (pg != S_NONE)
		kg_buf_printf(b, " /Pg %lu 0 R", (unsigned long)(t->page0 + pg));
	if (e->type == KG_ST_TH || e->type == KG_ST_TH_ROW)
		kg_buf_printf(b, " /A << /O /Table /Scope /%s >>",
			      e->type == KG_ST_TH ? "Column" : "Row");
	kg_buf_puts(b, " /K [");
	for (k = k0; k < k1; k++) {
		if (k > k0)
			kg_buf_putc(b, ' ');
		S_kid_put(t, &t->kids[k], pg, b);
	}
	kg_buf_puts(b, "] >>");
	kg_pdf_obj_packed(t->pdf, e->obj, b->ptr, b->len);
}

/* The parent tree: a page's key is its number, a link annotation's
 * comes after the pages. */
static uint32_t S_parent_tree(kg_tags *t, kg_buf *b)
{
	uint32_t num = kg_pdf_reserve(t->pdf);
	size_t i;

	kg_buf_reset(b);
	kg_buf_puts(b, "<< /Nums [");
	for (i = 0; i < t->npages; i++) {
		if (t->page_arr[i])
			kg_buf_printf(b, "\n%zu %lu 0 R", i, (unsigned long)t->page_arr[i]);
		else
			kg_buf_printf(b, "\n%zu []", i);
	}
	for (i = 0; i < t->nlinks; i++)
		kg_buf_printf(b, "\n%zu %lu 0 R", t->npages + i, (unsigned long)t->links[i]);
	kg_buf_puts(b, "\n] >>");
	kg_pdf_obj_packed(t->pdf, num, b->ptr, b->len);
	return num;
}

uint32_t kg_tags_write(kg_tags *t)
{
	kg_buf b = KG_BUF_INIT;
	size_t i, k = 0, k1;
	uint32_t tree;

	S_order(t);
	for (i = 0; i < t->nel; i++) {
		for (k1 = k; k1 < t->nkids && t->kids[k1].owner == i; k1++)
			;
		S_elem_write(t, i, k, k1, &b);
		k = k1;
	}
	tree = S_parent_tree(t, &b);
	kg_pdf_obj_begin(t->pdf, t->root);
	kg_pdf_printf(t->pdf, "<< /Type /StructTreeRoot /K %lu 0 R /ParentTree %lu 0 R"
		      " /ParentTreeNextKey %zu >>", (unsigned long)t->el[0].obj,
		      (unsigned long)tree, t->npages + t->nlinks);
	kg_pdf_obj_end(t->pdf);
	kg_buf_release(&b);
	return t->root;
}
