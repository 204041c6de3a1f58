/*
 * pdf_outline.h - the PDF edition's outline (bookmarks): an entry per
 * heading, collected in document order with its level, written at the end
 * of the document as a tree of closed outline items, each going to its
 * heading's anchor.
 *
 * Memory: a level, a title and an anchor id per entry, nothing per page.
 * Ownership: the kg_outline owns copies of the strings; kg_outline_free
 * frees them.
 */
#ifndef KG_PDF_OUTLINE_H
#define KG_PDF_OUTLINE_H

#include <stddef.h>
#include <stdint.h>

#include "layout.h"
#include "pdf_file.h"
#include "render_pdf.h"

typedef struct kg_outline_entry {
	int level;   /* 1 to 3 */
	char *title; /* UTF-8 */
	char *id;    /* the heading's anchor */
} kg_outline_entry;

typedef struct kg_outline {
	kg_outline_entry *e;
	size_t n, cap;
} kg_outline;

/* Add an entry: level 1 to 3 (deeper ones nest under the last entry of a
 * lower level). */
void kg_outline_add(kg_outline *o, int level, const char *title, const char *id);
void kg_outline_free(kg_outline *o);

/* Write the outline to pdf: its root and one item per entry, each with
 * a destination at its anchor as lay recorded it (none when the anchor
 * is not in the document). Returns the root's object number, for the
 * catalog. */
uint32_t kg_outline_write(const kg_outline *o, kg_pdf_file *pdf, kg_lay *lay,
			  const kg_geom *g, const kg_page_objs *po);

#endif
