/*
 * pdf_tags.c - the PDF's structure tree (see pdf_tags.h).
 *
 * Invariants: element 0 is the Document and is never closed; an element's
 * number is its index, its parent's is lower, and its children are the
 * elements whose parent it is, in order of number (the order the walk
 * made them). Content (a marked run, an annotation) is one entry of one
 * array, made as the renderer draws it: its index there is its place in
 * drawing order. Only when written is each element's content merged with
 * its children by that order, a child placed by its first content (its
 * own or its descendants'), one without any after the child before it.
 */
#include "pdf_tags.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

#define S_NONE UINT32_MAX

/* 8 bytes, not 12: a kit of 1,000 topics has a third of a million, kept
 * to the end. Each element has an object of its own, and a PDF holds
 * fewer than 2^23 of those, so 27 bits are room enough for a parent. */
typedef struct S_elem {
	unsigned type : 5;      /* a kg_stype */
	signed int parent : 27; /* -1 for the Document */
	uint32_t obj;           /* reserved when it is made */
} S_elem;

_Static_assert(KG_ST_COUNT <= 32, "a kg_stype fits S_elem's 5 bits");

/* A piece of content: a marked run (MCR) or an annotation (OBJR). Its
 * page is not kept with it: content comes page by page, so the pages are
 * runs of content (S_prun), a few thousand where there are a quarter of
 * a million runs at 1,000 topics, kept to the end. */
typedef struct S_kid {
	uint32_t owner;
	uint32_t val;  /* MCR: the MCID; OBJR: the annotation's object */
} S_kid;

/* Content from kids[first] on, up to the next run's first, is on page
 * (from 0; the top bit set for an OBJR). */
typedef struct S_prun {
	uint32_t first;
	uint32_t page;
} S_prun;

#define S_OBJR 0x80000000u

struct kg_tags {
	kg_pdf_file *pdf;
	uint32_t page0;
	size_t npages;
	S_elem *el;
	size_t nel, cap_el;
	S_kid *kids;  /* in drawing order */
	size_t nkids, cap_kids;
	S_prun *pruns; /* their pages, in the same order */
	size_t npruns, cap_pruns;
	int *stack; /* the open elements, the Document first */
	size_t depth, cap_stack;
	uint32_t root;
	uint32_t *page_arr; /* per page: its parent tree entry's object */
	uint32_t *cur;      /* the drawing page's MCIDs' elements' objects */
	size_t ncur, cap_cur;
	uint32_t *links;    /* per link annotation: its element's object */
	size_t nlinks, cap_links;
	/* the few elements with alternative text (figures), in order */
	struct S_alt {
		int elem;
		char *text;
	} *alts;
	size_t nalts, cap_alts;
};

static const char *const S_names[KG_ST_COUNT] = {
	"Document", "Div", "H1", "H2", "H3", "H4", "H5", "H6", "P",
	"L", "LI", "Lbl", "LBody", "Table", "TR", "TH", "TH", "TD", "Link",
	"TOC", "TOCI", "Index", "Code", "BlockQuote", "Form",
	"Figure"};

static void S_kid_new(kg_tags *t, uint32_t owner, uint32_t page, uint32_t val)
{
	S_kid *k;

	if (!t->npruns || t->pruns[t->npruns - 1].page != page) {
		KG_GROW(t->pruns, t->cap_pruns, t->npruns + 1);
		t->pruns[t->npruns].first = (uint32_t)t->nkids;
		t->pruns[t->npruns++].page = page;
	}
	KG_GROW(t->kids, t->cap_kids, t->nkids + 1);
	k = &t->kids[t->nkids++];
	k->owner = owner;
	k->val = val;
}

/* Content k's page (with S_OBJR for an annotation). */
static uint32_t S_kid_page(const kg_tags *t, size_t k)
{
	size_t lo = 0, hi = t->npruns; /* pruns[lo].first <= k < pruns[hi].first */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (t->pruns[mid].first <= k)
			lo = mid;
		else
			hi = mid;
	}
	return t->pruns[lo].page;
}

static int S_elem_new(kg_tags *t, int parent, kg_stype type)
{
	S_elem *e;

	KG_GROW(t->el, t->cap_el, t->nel + 1);
	e = &t->el[t->nel];
	e->type = type;
	e->parent = parent;
	e->obj = kg_pdf_reserve(t->pdf);
	return (int)t->nel++;
}

kg_tags *kg_tags_new(kg_pdf_file *pdf)
{
	kg_tags *t = kg_xcalloc(1, sizeof(*t));

	t->pdf = pdf;
	t->root = kg_pdf_reserve(pdf);
	S_elem_new(t, -1, KG_ST_DOCUMENT);
	KG_GROW(t->stack, t->cap_stack, 1);
	t->stack[t->depth++] = 0;
	return t;
}

void kg_tags_pages(kg_tags *t, uint32_t page0, size_t npages)
{
	t->page0 = page0;
	t->npages = npages;
	free(t->page_arr);
	t->page_arr = kg_xcalloc(npages + 1, sizeof(*t->page_arr));
}

void kg_tags_free(kg_tags *t)
{
	if (!t)
		return;
	free(t->el);
	free(t->kids);
	free(t->pruns);
	free(t->stack);
	free(t->page_arr);
	free(t->cur);
	free(t->links);
	while (t->nalts)
		free(t->alts[--t->nalts].text);
	free(t->alts);
	free(t);
}

void kg_tags_alt(kg_tags *t, int elem, const char *alt)
{
	KG_GROW(t->alts, t->cap_alts, t->nalts + 1);
	t->alts[t->nalts].elem = elem;
	t->alts[t->nalts++].text = kg_xstrdup(alt);
}

/* Element i's alternative text, or NULL. */
static const char *S_alt(const kg_tags *t, size_t i)
{
	size_t k;

	for (k = 0; k < t->nalts; k++)
		if ((size_t)t->alts[k].elem == i)
			return t->alts[k].text;
	return NULL;
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
	S_kid_new(t, (uint32_t)elem, (uint32_t)page, mcid);
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
	S_kid_new(t, (uint32_t)elem, (uint32_t)page | S_OBJR, annot);
	KG_GROW(t->links, t->cap_links, t->nlinks + 1);
	t->links[t->nlinks++] = t->el[elem].obj;
	return (long)(t->npages + t->nlinks - 1);
}

/* ---- the end ----------------------------------------------------------------------------- */

/* Where each element's content and children are, once grouped (S_plan):
 * element e's content is content[cat[e] .. cat[e + 1] - 1], in drawing
 * order, its children child[cstart[e] .. cstart[e + 1] - 1], in order of
 * making; a child c goes before the ins[c]-th content of its parent (the
 * parent's content drawn before c's first content or its descendants'),
 * or, with no content of its own or below (S_NONE), where the child
 * before it went.
 *
 * At 1,000 topics the plan is the peak of a build, so it is made to hold
 * little: the marked runs themselves (12 bytes each, with their owner)
 * become content sorted by owner (8 bytes: the owner is the bucket), a
 * child's place is counted among its parent's content instead of a
 * drawing position, and no sort key array is made. */
typedef struct S_content {
	uint32_t page; /* as S_prun's */
	uint32_t val;
} S_content;

typedef struct S_plan {
	S_content *content;
	uint32_t *child, *ins;
	uint32_t *cat, *cstart;
} S_plan;

/* The bucket of item i: a marked run's owner, or an element's parent
 * (the Document, no one's child, in bucket nel). */
static uint32_t S_owner(const kg_tags *t, size_t i)
{
	return t->kids[i].owner;
}

static uint32_t S_parent(const kg_tags *t, size_t i)
{
	return t->el[i].parent < 0 ? (uint32_t)t->nel : (uint32_t)t->el[i].parent;
}

/* A stable counting sort of n items by key(t, i) < nkeys: start (nkeys +
 * 1 entries, zeroed) and out (n entries) filled. */
static void S_bucket(const kg_tags *t, size_t n, size_t nkeys,
		     uint32_t (*key)(const kg_tags *, size_t), uint32_t *start,
		     uint32_t *out)
{
	size_t i;
	uint32_t sum = 0;

	for (i = 0; i < n; i++)
		start[key(t, i) + 1]++;
	for (i = 0; i <= nkeys; i++) {
		sum += start[i];
		start[i] = sum;
	}
	for (i = 0; i < n; i++)
		out[start[key(t, i)]++] = (uint32_t)i;
	for (i = nkeys; i > 0; i--) /* back to where each bucket starts */
		start[i] = start[i - 1];
	start[0] = 0;
}

/* How many of order[from .. to - 1] (ascending) are below v. */
static uint32_t S_below(const uint32_t *order, uint32_t from, uint32_t to,
			uint32_t v)
{
	uint32_t lo = from, hi = to;

	while (lo < hi) {
		uint32_t mid = lo + (hi - lo) / 2;

		if (order[mid] < v)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo - from;
}

/* The marked runs are given up for the content (t->kids is freed). */
static void S_plan_make(kg_tags *t, S_plan *p)
{
	uint32_t *order = kg_xcalloc(t->nkids + 1, sizeof(*order));
	uint32_t *first;
	size_t i;

	/* the marked runs by owner, in drawing order: their places */
	p->cat = kg_xcalloc(t->nel + 2, sizeof(*p->cat));
	S_bucket(t, t->nkids, t->nel, S_owner, p->cat, order);
	/* each element's first place, its own or its descendants' */
	first = kg_xcalloc(t->nel + 1, sizeof(*first));
	for (i = 0; i < t->nel; i++)
		first[i] = S_NONE;
	for (i = t->nkids; i-- > 0;)
		first[t->kids[i].owner] = (uint32_t)i;
	for (i = t->nel; i-- > 1;) /* a parent's number is lower */
		if (first[i] < first[t->el[i].parent])
			first[t->el[i].parent] = first[i];
	/* ... counted among its parent's content, in place */
	for (i = 1; i < t->nel; i++) {
		uint32_t up = (uint32_t)t->el[i].parent;

		if (first[i] != S_NONE)
			first[i] = S_below(order, p->cat[up], p->cat[up + 1], first[i]);
	}
	p->ins = first;
	p->content = kg_xcalloc(t->nkids + 1, sizeof(*p->content));
	for (i = 0; i < t->nkids; i++) {
		p->content[i].page = S_kid_page(t, order[i]);
		p->content[i].val = t->kids[order[i]].val;
	}
	free(order);
	free(t->kids);
	t->kids = NULL;
	t->cap_kids = 0;
	free(t->pruns);
	t->pruns = NULL;
	t->npruns = t->cap_pruns = 0;
	p->child = kg_xcalloc(t->nel + 1, sizeof(*p->child));
	p->cstart = kg_xcalloc(t->nel + 2, sizeof(*p->cstart));
	S_bucket(t, t->nel, t->nel + 1, S_parent, p->cstart, p->child);
}

static void S_plan_free(S_plan *p)
{
	free(p->content);
	free(p->child);
	free(p->ins);
	free(p->cat);
	free(p->cstart);
}

/* One piece of content of an element whose /Pg is page pg. */
static void S_kid_put(const kg_tags *t, const S_content *k, uint32_t pg, kg_buf *b)
{
	if (k->page & S_OBJR) {
		kg_buf_puts(b, "<< /Type /OBJR /Obj ");
		kg_buf_putu(b, k->val);
		kg_buf_puts(b, " 0 R /Pg ");
		kg_buf_putu(b, t->page0 + (k->page & ~S_OBJR));
		kg_buf_puts(b, " 0 R >>");
	} else if (k->page == pg) {
		kg_buf_putu(b, k->val);
	} else {
		kg_buf_puts(b, "<< /Type /MCR /Pg ");
		kg_buf_putu(b, t->page0 + k->page);
		kg_buf_puts(b, " 0 R /MCID ");
		kg_buf_putu(b, k->val);
		kg_buf_puts(b, " >>");
	}
}

/* Element i's kids: its content and its children merged by drawing
 * order (a child by its first content; one with none right after the
 * child before it; a child before content drawn at the same place). */
static void S_kids_put(const kg_tags *t, const S_plan *p, size_t i, uint32_t pg,
		       kg_buf *b)
{
	size_t k0 = p->cat[i], k = k0, k1 = p->cat[i + 1];
	size_t c = p->cstart[i], c1 = p->cstart[i + 1];
	uint32_t last = 0;
	int any = 0;

	while (k < k1 || c < c1) {
		uint32_t ck = 0;

		if (c < c1) { /* the next child's place (the same until it goes) */
			ck = p->ins[p->child[c]] != S_NONE ? p->ins[p->child[c]] : last;
			last = ck;
		}
		if (any)
			kg_buf_putc(b, ' ');
		any = 1;
		if (c < c1 && (k >= k1 || ck <= k - k0)) {
			kg_buf_putu(b, t->el[p->child[c]].obj);
			kg_buf_puts(b, " 0 R");
			c++;
		} else {
			S_kid_put(t, &p->content[k], pg, b);
			k++;
		}
	}
}

/* Element i. */
static void S_elem_write(kg_tags *t, const S_plan *p, size_t i, kg_buf *b)
{
	const S_elem *e = &t->el[i];
	uint32_t pg = S_NONE;
	size_t k;

	kg_buf_reset(b);
	/* no /Type /StructElem: optional, and a million of them in the
	 * largest kit */
	kg_buf_puts(b, "<< /S /");
	kg_buf_puts(b, S_names[e->type]);
	kg_buf_puts(b, " /P ");
	kg_buf_putu(b, e->parent < 0 ? t->root : t->el[e->parent].obj);
	kg_buf_puts(b, " 0 R");
	for (k = p->cat[i]; k < p->cat[i + 1] && pg == S_NONE; k++)
		if (!(p->content[k].page & S_OBJR))
			pg = p->content[k].page;
	if (pg == S_NONE && p->cat[i] < p->cat[i + 1])
		pg = p->content[p->cat[i]].page & ~S_OBJR;
	if (pg != S_NONE) {
		kg_buf_puts(b, " /Pg ");
		kg_buf_putu(b, t->page0 + pg);
		kg_buf_puts(b, " 0 R");
	}
	if (e->type == KG_ST_TH || e->type == KG_ST_TH_ROW)
		kg_buf_printf(b, " /A << /O /Table /Scope /%s >>",
			      e->type == KG_ST_TH ? "Column" : "Row");
	if (e->type == KG_ST_FIGURE && S_alt(t, i)) {
		kg_buf_puts(b, " /Alt ");
		kg_pdf_text(b, S_alt(t, i), strlen(S_alt(t, i)));
	}
	kg_buf_puts(b, " /K [");
	S_kids_put(t, p, i, pg, b);
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
	S_plan p;
	size_t i;
	uint32_t tree;

	S_plan_make(t, &p);
	for (i = 0; i < t->nel; i++)
		S_elem_write(t, &p, i, &b);
	S_plan_free(&p);
	tree = S_parent_tree(t, &b);
	kg_pdf_obj_begin(t->pdf, t->root);
	kg_pdf_printf(t->pdf, "<< /Type /StructTreeRoot /K %lu 0 R /ParentTree %lu 0 R"
		      " /ParentTreeNextKey %zu >>", (unsigned long)t->el[0].obj,
		      (unsigned long)tree, t->npages + t->nlinks);
	kg_pdf_obj_end(t->pdf);
	kg_buf_release(&b);
	return t->root;
}
