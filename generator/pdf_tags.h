/*
 * pdf_tags.h - the PDF's structure tree (tagged PDF, PDF/UA-1): what
 * each laid-out piece of the document is — a heading, a paragraph, a
 * list and its items, a table and its cells, a link — in document order.
 *
 * Three parties fill it in:
 *   - the document walk (pdf_writer.h) opens and closes elements as it
 *     lays blocks out (kg_tags_open, kg_tags_close) and adds the ones it
 *     does not enter (a table's cells, a list item's label, a link:
 *     kg_tags_add); the number it gets back goes into the layout as the
 *     tag of what is being laid out (kg_lay_tag, kg_tstyle.tag);
 *   - the renderer (render_pdf.c), drawing a page, marks each run of text
 *     of one element as a marked-content sequence and tells the tree
 *     (kg_tags_mark), gives each link annotation its element
 *     (kg_tags_annot), and writes the page's entry of the parent tree
 *     (kg_tags_page_end);
 *   - at the end, kg_tags_write writes every element and the
 *     StructTreeRoot, for the catalog.
 *
 * Order: an element's kids are its content and its child elements in the
 * order the pages show them (a link inside a paragraph sits between the
 * paragraph's runs of text); a child with no content keeps its place
 * after the sibling added before it. Element 0 is the Document.
 *
 * Memory: a few words per element and per marked run, kept to the end
 * (the kids are only complete when the last page is drawn). Object
 * numbers are reserved as elements are made, so that a page's parent
 * tree entry can be written with the page. Ownership: kg_tags_free frees
 * it all.
 */
#ifndef KG_PDF_TAGS_H
#define KG_PDF_TAGS_H

#include <stddef.h>
#include <stdint.h>

#include "pdf_file.h"

/* The standard structure types kitgen uses (PDF 1.7, 14.8.4). */
typedef enum {
	KG_ST_DOCUMENT,
	KG_ST_DIV,
	KG_ST_H1, KG_ST_H2, KG_ST_H3, KG_ST_H4, KG_ST_H5, KG_ST_H6,
	KG_ST_P,
	KG_ST_L, KG_ST_LI, KG_ST_LBL, KG_ST_LBODY,
	KG_ST_TABLE, KG_ST_TR,
	KG_ST_TH,     /* a column's header cell (/Scope /Column) */
	KG_ST_TH_ROW, /* a row's header cell (/Scope /Row) */
	KG_ST_TD,
	KG_ST_LINK,
	KG_ST_TOC, KG_ST_TOCI,
	KG_ST_INDEX,
	KG_ST_CODE,
	KG_ST_BLOCKQUOTE,
	KG_ST_FORM,   /* a form field's widget (an OBJR to it) */
	KG_ST_FIGURE, /* a chart: its text, and its alternative text (/Alt) */
	KG_ST_COUNT
} kg_stype;

typedef struct kg_tags kg_tags;

/* A tree with its Document element open, writing into pdf. */
kg_tags *kg_tags_new(kg_pdf_file *pdf);
/* The document's pages, before the first is drawn (kg_tags_mark and the
 * rest below): page n is object page0 + n; npages pages (their numbers
 * are the parent tree's first keys, links' come after). Elements may be
 * made before it is known. */
void kg_tags_pages(kg_tags *t, uint32_t page0, size_t npages);
void kg_tags_free(kg_tags *t);

/* A new element of type as the last child of the open one; open makes it
 * the open one until its close. Both return its number (never 0). */
int kg_tags_add(kg_tags *t, kg_stype type);
int kg_tags_add_to(kg_tags *t, int parent, kg_stype type);
int kg_tags_open(kg_tags *t, kg_stype type);
/* Give element elem (a Figure) its alternative text, UTF-8, copied: what
 * a reader hears instead of the picture. */
void kg_tags_alt(kg_tags *t, int elem, const char *alt);
/* Close the open element (never the Document); returns the one open now. */
int kg_tags_close(kg_tags *t);
/* The open element. */
int kg_tags_current(const kg_tags *t);
/* The heading type of level 1, 2, ... (H1 to H6; deeper ones H6). */
kg_stype kg_tags_heading(int level);

/* ---- for the renderer ---------------------------------------------------------- */

/* The structure type's name ("P"), for the BDC operator; elem's type's. */
const char *kg_tags_name(const kg_tags *t, int elem);
/* A marked run of content, MCID mcid of page (from 0 in the document),
 * belongs to elem: recorded in elem's kids and the page's entry. */
void kg_tags_mark(kg_tags *t, int elem, size_t page, uint32_t mcid);
/* Write the parent tree's entry of page (its MCIDs' elements) and start
 * the next page's. */
void kg_tags_page_end(kg_tags *t, size_t page);
/* A link annotation (or a form field's widget), object annot on page,
 * belongs to elem (a Link, or a Form):
 * returns its /StructParent key. */
long kg_tags_annot(kg_tags *t, int elem, size_t page, uint32_t annot);

/* ---- the end --------------------------------------------------------------------- */

/* Write every element, the parent tree and the StructTreeRoot; returns
 * the root's object number, for the catalog. The marked runs are given
 * up on the way (the plan that groups them takes their place): nothing
 * can be marked after, and kg_tags_free is all that is left to call. */
uint32_t kg_tags_write(kg_tags *t);

#endif
