/*
 * pdf_writer.h - what the files of the PDF writer share (write_pdf.c,
 * pdf_prose.c, pdf_blocks.c, pdf_front.c, pdf_doc.c); nothing outside
 * them includes it. The writer is one context, kg_pw, that the two
 * passes (write_pdf.c) lay the document out with:
 *
 *   pdf_prose.c   CommonMark prose to layout: inlines, paragraphs, lists,
 *                 code, quotes; a table cell's prose as lines of one inline
 *   pdf_blocks.c  the document's blocks: headings, labels, rubric bands,
 *                 callouts, tables, scorecards, notes, the index
 *   pdf_code.c    code listings: line numbers, wrapping, continued
 *   pdf_fields.c  a form's fields: a scorecard's choices, marks and
 *                 evidence, a note's line, as fields of the PDF's form
 *   pdf_front.c   the cover, the contents, the running header and footer
 *   pdf_doc.c     the PDF objects around the pages: page tree, catalog, /Info
 *   write_pdf.c   the walk over the document (one switch on ENTER, one on
 *                 EXIT), runs of pages, the two-pass driver
 *
 * Nothing here is freed by its caller unless it says so.
 */
#ifndef KG_PDF_WRITER_H
#define KG_PDF_WRITER_H

#include <stdint.h>

#include "buf.h"
#include "fonts.h"
#include "diag.h"
#include "doc.h"
#include "layout.h"
#include "pdf_file.h"
#include "pdf_form.h"
#include "pdf_outline.h"
#include "pdf_style.h"
#include "pdf_tags.h"
#include "render_pdf.h"
#include "smart.h"

struct cmark_node;

/* The kinds of page (kg_lay_paginate): the running header and footer
 * leave the cover alone. */
enum { KG_PW_COVER, KG_PW_CONTENTS, KG_PW_BODY };

#define KG_PW_WHITE 0xFFFFFFu

/* A block set across the whole body rather than the text column
 * (style.yaml's columns): where paragraphs went before it. */
typedef struct kg_pw_wide {
	int on;
	float x, w;
} kg_pw_wide;

/* The state of a block the walk is inside: what its EXIT undoes. */
typedef struct kg_pw_frame {
	kg_inline inl; /* a LIST: its marker; a FIELD: its run-in label;
			* a BAND: its label */
	float ox, ow;  /* an ITEM: the indent to restore */
	size_t count;  /* a LIST or RUBRIC: children entered so far */
	int item;      /* an ITEM of a list: indented */
	int boxed;     /* a BAND of a rubric: a box is open */
	int list;      /* a LIST: a layout list is open */
	size_t form;   /* a form SECTION: its first element, plus one */
	int tags;      /* structure elements its EXIT closes */
	kg_pw_wide wide; /* a RUBRIC or CALLOUT set across the body */
	struct kg_pw_frame *up; /* the enclosing block's frame */
} kg_pw_frame;

/* How the document is laid out (write_pdf.c): in one layout whose runs
 * are kept and drawn at its end (KEEP), where they fit in memory; else
 * in two, the first counting the pages and measuring (MEASURE), the
 * second drawing each run as it ends and dropping it (DRAW). */
enum { KG_PW_MEASURE = 1, KG_PW_DRAW = 2, KG_PW_KEEP = 3 };

/* The writer's context: one per PDF file written. */
typedef struct kg_pw {
	const kg_doc *doc;
	const kg_pdf_style *st;
	kg_fonts *fonts;    /* what lay measures with, and the PDF draws with */
	kg_lay lay;
	kg_geom geom;
	int pass;           /* KG_PW_MEASURE, KG_PW_DRAW or KG_PW_KEEP */
	int in_body;        /* runs may end at forced page breaks */
	size_t total_pages; /* known after pass 1 (or the kept layout) */
	/* the one layout's runs, kept to be drawn at its end (KG_PW_KEEP),
	 * their bytes, and the most they may take before the layout goes on
	 * as the first of two; the PDF's objects reserved before it began */
	kg_lay_kept **kept;
	size_t nkept, cap_kept;
	size_t kept_bytes, keep_budget;
	uint32_t objs_before;
	kg_pdf_file *pdf;   /* pass 2 */
	kg_page_objs po;
	kg_diags *d;
	int failed;         /* a run could not be written */
	int overrun;        /* pass 2 made more pages than pass 1 */
	kg_outline outline; /* collected in pass 1 */
	kg_tags *tags;      /* the structure tree, made in pass 2 (NULL in 1) */
	kg_form *form;      /* the forms' fields (pdf_form.h), pass 2 (NULL
			     * in 1: fields do not move anything) */
	uint32_t acroform;  /* its dictionary, once written; 0: no field */
	int section;        /* the level of the last heading */
	const char *heading; /* the last heading's title (smart), or NULL */
	char *heading_copy;  /* what heading points to */
	int bare;           /* the next paragraph is an LBody's whole
			     * content: no P of its own */
	int depth;     /* list nesting */
	/* for the next paragraph: a run-in label and a list marker */
	const kg_inline *lead;
	const kg_inline *marker;
	float marker_x;
	int suppress;  /* no space above the next block (top of an item) */
	size_t page_top; /* the first element of the last section that
			    started a page */
	size_t form_top; /* inside a form SECTION that starts a page: its
			    first element, plus one; else 0 (a scorecard
			    fills the form's page) */
	float col_x, col_w; /* the text column, within the body */
	kg_buf tmp, text;
	char *watermark; /* the watermark's text as drawn (po.watermark) */
	kg_inline para; /* the paragraph being set, reused */
	/* a frame per block the walk is inside, innermost first; each is
	 * allocated on its own, as c->lead and c->marker point into them */
	kg_pw_frame *top;
	/* a translation's texts left in its source's language (they start
	 * with the marker, the label translate.untranslated): their prose is
	 * hyphenated and quoted as the source's language. source_lang is
	 * NULL when the document is no translation. */
	const char *lang, *source_lang;
	const char *mark;
	const kg_quotes *quotes, *source_quotes;
} kg_pw;

/* A prose environment: the style of the text it sets. */
typedef struct kg_pw_env {
	kg_tstyle base; /* the paragraph's text */
} kg_pw_env;

/* write_pdf.c */
/* Set the text column (style.yaml's columns.text, centred in the body):
 * where paragraphs go from now on. */
void kg_pw_column(kg_pw *c);
/* When wide (a columns key) and what follows would go in the text column
 * itself (not in a list or a box), let it use the whole body; undo with
 * kg_pw_wide_close. */
void kg_pw_wide_open(kg_pw *c, float wide, kg_pw_wide *w);
void kg_pw_wide_close(kg_pw *c, kg_pw_wide *w);
/* The face of the text family, or the sans family when sans, in a weight
 * and slant (metrics.h). */
kg_face kg_pw_face(int sans, int bold, int italic);
void kg_pw_mark_add(kg_pw *c, int level, const char *title, const char *id);
kg_para_opts kg_pw_para(const kg_pw *c);
void kg_pw_run_break(kg_pw *c);
void kg_pw_run_end(kg_pw *c);
const char *kg_pw_smart(kg_pw *c, const char *text);
void kg_pw_space(kg_pw *c, float pts);
kg_tstyle kg_pw_style(kg_face face, float size, kg_rgb color);
void kg_pw_text(kg_pw *c, kg_inline *in, const kg_tstyle *t, const char *s);
/* The structure tree (pdf_tags.h), in pass 2; in pass 1 they do nothing
 * and return 0. Open and close also tell the layout what is laid out
 * (kg_lay_tag); add makes an element the walk does not enter, as the
 * last child of the open one (or of parent), for a kg_tstyle.tag. */
int kg_pw_tag_open(kg_pw *c, kg_stype type);
void kg_pw_tag_close(kg_pw *c);
int kg_pw_tag_add(kg_pw *c, int parent, kg_stype type);
/* Give every piece of in the tag. */
void kg_pw_retag(kg_inline *in, int tag);

/* pdf_prose.c */
kg_pw_env kg_pw_body_env(const kg_pw *c);
void kg_pw_cell(kg_pw *c, const kg_block *cell, const kg_pw_env *env, kg_inline *in);
void kg_pw_item_close(kg_pw *c, float ox, float ow);
void kg_pw_item_open(kg_pw *c, const kg_inline *marker, float *ox, float *ow);
void kg_pw_marker(kg_pw *c, kg_inline *m, int ordered, long number,
		  int delim_paren, const kg_pw_env *env);
void kg_pw_paragraph(kg_pw *c, kg_inline *in, kg_para_opts *o);
void kg_pw_prose(kg_pw *c, const kg_block *b, const kg_pw_env *env);
void kg_pw_run_on(kg_pw *c, const kg_block *b, const kg_pw_env *env,
		  kg_inline *in);

/* pdf_blocks.c */
void kg_pw_band_open(kg_pw *c, const kg_block *band, size_t i, kg_pw_frame *f);
/* The head of a box's or list's part on a later page: label (or none)
 * and the style's labels.continued ("Recruiter cues (continued)"), in t,
 * as page furniture (an artifact, as a running head is), into in. */
void kg_pw_continued(kg_pw *c, kg_inline *in, kg_tstyle t, const char *label);
/* Open a list in the layout, its part on a later page headed by label
 * continued ("Follow-ups (continued)"); with label NULL, by the last
 * heading's title, unless the list is in a box or another list (whose
 * head says it). */
void kg_pw_list_open(kg_pw *c, const char *label);
void kg_pw_callout_close(kg_pw *c);
void kg_pw_callout_open(kg_pw *c, const kg_block *b);
void kg_pw_heading(kg_pw *c, const kg_block *b);
void kg_pw_index(kg_pw *c, const kg_block *list);
void kg_pw_labelled_close(kg_pw *c, kg_pw_frame *f);
void kg_pw_labelled_open(kg_pw *c, const char *label, const kg_block *b,
			 kg_rgb color, kg_pw_frame *f);
void kg_pw_notes(kg_pw *c, const kg_block *b);

/* pdf_chart.c: a CHART as vector graphics, tagged a Figure */
void kg_pw_chart(kg_pw *c, const kg_block *chart);
float kg_pw_notes_height(const kg_pw *c, const kg_block *b);
void kg_pw_scorecard(kg_pw *c, const kg_block *b, float after);
void kg_pw_table(kg_pw *c, const kg_block *b);

/* pdf_code.c */
void kg_pw_code(kg_pw *c, const kg_block *b);

/* pdf_fields.c: the widget number (kg_tstyle.field) of a form's field, or
 * 0 outside pass 2 or for a block that names no field. */
int kg_pw_note_field(kg_pw *c, const kg_block *notes);
/* A scorecard's: the row r's choice or mark k (a header cell's index),
 * its evidence cell; in the cell element tag. */
int kg_pw_card_field(kg_pw *c, const kg_block *card, size_t r, size_t k,
		     int tag);

/* pdf_front.c */
void kg_pw_contents(kg_pw *c);
void kg_pw_cover(kg_pw *c);
void kg_pw_furniture(kg_pw *c);
/* The document's watermark (doc.h), if any, in c->po: measured, sized
 * and turned to run along the page's diagonal. Once per pass, first. */
void kg_pw_watermark(kg_pw *c);

/* pdf_doc.c */
void kg_pw_document(kg_pw *c, const uint32_t *fonts, uint32_t catalog,
		    uint32_t outline, uint32_t structure, uint32_t xmp);
uint32_t kg_pw_xmp(kg_pw *c);
void kg_pw_metadata(kg_pw *c, uint32_t info);

#endif
