/*
 * render_pdf.h - drawing laid-out pages (layout.h) with libharu: boxes,
 * rules, text, page numbers, links and anchors.
 */
#ifndef KG_RENDER_PDF_H
#define KG_RENDER_PDF_H

#include <hpdf.h>

#include "diag.h"
#include "layout.h"

/* Where things go on a page, in points from the page's top-left. */
typedef struct kg_geom {
	float page_w, page_h;
	float body_x, body_y; /* the body area's top-left */
	float head_y, foot_y; /* the running header's and footer's tops */
} kg_geom;

/* Add every page of lay to pdf and draw it; kg_fonts_prepare must have
 * run. Returns the pages in order (the caller frees the array), or NULL
 * with a diagnostic. */
HPDF_Page *kg_render_pages(kg_lay *lay, HPDF_Doc pdf, const kg_geom *g,
			   kg_diags *d);

/* A destination at anchor id (its page and top), or NULL when the
 * document has no such anchor. */
HPDF_Destination kg_render_dest(kg_lay *lay, HPDF_Page *pages,
				const kg_geom *g, const char *id);

#endif
