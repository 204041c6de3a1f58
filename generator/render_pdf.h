/*
 * render_pdf.h - drawing laid-out pages (layout.h) into the PDF file
 * (pdf_file.h): each page's content stream (boxes, rules, text, page
 * numbers), its link annotations and its page object, written as soon as
 * the page is drawn.
 */
#ifndef KG_RENDER_PDF_H
#define KG_RENDER_PDF_H

#include <stdint.h>

#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "pdf_file.h"
#include "pdf_form.h"
#include "pdf_tags.h"

/* Where things go on a page, in points from the page's top-left. */
typedef struct kg_geom {
	float page_w, page_h;
	float body_x, body_y; /* the body area's top-left */
	float head_y, foot_y; /* the running header's and footer's tops */
	float target_above;   /* a destination shows this much above its anchor */
} kg_geom;

/* A line of text drawn across every page, under the text and over the
 * backgrounds, translucent: a watermark. In a tagged PDF it is a
 * pagination artifact (/Subtype /Watermark), in no structure element. */
typedef struct kg_watermark {
	const char *text;  /* UTF-8, measured with the fonts in pass 1;
			      NULL: no watermark */
	kg_face face;
	float size;
	kg_rgb color;
	float alpha;       /* its opacity, 0 to 1: the resources' graphics
			      state KG_WATERMARK_GS (pdf_doc.c) */
	float x, y;        /* the start of its baseline, from the page's
			      top-left */
	float cos, sin;    /* its direction, anticlockwise from the x axis */
	int rtl;           /* the kit is right to left */
	kg_bidi_run *runs; /* the text's runs of one direction, left to
			      right as drawn (kg_bidi_runs) */
	size_t nruns;
} kg_watermark;

/* The name of the watermark's graphics state in the shared resources. */
#define KG_WATERMARK_GS "GW"

/* The objects every page refers to, reserved before the first page is
 * written: page n of the document is object page0 + n. */
typedef struct kg_page_objs {
	uint32_t page0;
	uint32_t parent;    /* the page tree */
	uint32_t resources; /* the fonts, shared by every page */
	/* the structure tree the pages' content belongs to (pdf_tags.h): each
	 * run of text marked as its element's or as an artifact, every rule,
	 * box, running header and footer an artifact; NULL: no marks */
	kg_tags *tags;
	/* the form whose widgets the layout placed (KG_OP_FIELD): each is
	 * written as one of its page's annotations; NULL: none */
	kg_form *form;
	kg_watermark watermark; /* on every page, if its text is set */
	const char *digits; /* page references' numbering system (labels.h:
			       kg_digits_put); NULL: 0-9 */
} kg_page_objs;

/* The name of a face's font in the shared resources ("F0"...). */
const char *kg_render_font_name(kg_face face);

/* Draw every page of lay's current run and write it to pdf (content
 * stream, annotations, page object) in fonts, the fonts lay measured
 * with; kg_fonts_prepare must have run and
 * lay's anchors must be those of the whole document. Returns 0, or -1
 * with a diagnostic. */
int kg_render_run(kg_lay *lay, kg_fonts *fonts, kg_pdf_file *pdf,
		  const kg_geom *g, const kg_page_objs *po, kg_diags *d);

/* Append a destination at anchor id, "[p 0 R /XYZ 0 top null]" (keep
 * the reader's zoom); returns -1, appending nothing, when the document
 * has no such anchor. */
int kg_render_dest(kg_lay *lay, const kg_geom *g, const kg_page_objs *po,
		   const char *id, kg_buf *out);

#endif
