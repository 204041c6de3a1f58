/*
 * write_pdf.c - the PDF writer: the composed document laid out by the
 * layout engine (layout.c), drawn page by page (render_pdf.c) into a PDF
 * file of our own making (pdf_file.c), in the look of
 * templates/pdf/style.yaml.
 *
 * The document is laid out in runs: the cover, the contents, each
 * stretch of the body between forced page breaks (where a topic starts),
 * each cut into pages when it ends. Drawing a page needs what only the
 * whole layout knows: the number of pages ("page N of M" in the running
 * footer, the page objects reserved as one block), and where every anchor
 * landed (the contents' and the index's page numbers, links that point
 * forward). So:
 *
 *   - one layout (KG_PW_KEEP), where the runs fit in memory (the
 *     published kit keeps about 2 MB; the budget is S_KEEP_BUDGET): each
 *     run is kept whole as it ends (kg_lay_run_keep), with the structure
 *     tree and the form fields made as the document is walked; at the
 *     end every run gets its running header and footer, and its pages
 *     are drawn and written, in order (S_draw_kept);
 *   - else two layouts, holding one run at a time: the first
 *     (KG_PW_MEASURE) keeps only where each anchor landed, the number of
 *     pages and the outline entries, every character measured; the
 *     second (KG_PW_DRAW) lays it all out again and draws and writes
 *     each run as it ends, then drops it. A document whose kept runs
 *     outgrow the budget part way goes on from there as the first of two
 *     (S_keep_no_more), and its file is the same bytes as if it had been
 *     laid out twice from the start.
 *
 * Both give the same pages (tests/t-layouts.sh); the one layout's file
 * has its objects in another order.
 *
 * At the end: the fonts (which hold exactly the characters measured), the
 * page tree, the outline and the metadata, the xref table.
 *
 * One walk of the document (kg_iter), one switch on ENTER and one on EXIT,
 * as in write_md.c and write_html.c. The writer's other parts are files
 * of their own (pdf_writer.h): prose in pdf_prose.c, the blocks in
 * pdf_blocks.c, cover, contents and page furniture in pdf_front.c, the
 * document objects in pdf_doc.c.
 */
#include "writer.h"
#include "pdf_writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "labels.h"
#include "doc_iter.h"
#include "fonts.h"
#include "labels.h"
#include "shape_ahead.h"
#include "smart.h"

/* ---- styles ------------------------------------------------------------------ */

kg_tstyle kg_pw_style(kg_face face, float size, kg_rgb color)
{
	kg_tstyle t;

	t.face = face;
	t.size = size;
	t.color = color;
	t.code = 0;
	t.link = -1;
	t.box = 0;
	t.tag = 0;
	t.field = 0;
	t.verbatim = 0;
	return t;
}

kg_face kg_pw_face(int sans, int bold, int italic)
{
	kg_face f = bold && italic ? KG_FACE_BOLD_ITALIC :
		    bold ? KG_FACE_BOLD : italic ? KG_FACE_ITALIC : KG_FACE_REGULAR;

	return sans ? (kg_face)(KG_FACE_SANS + (f - KG_FACE_REGULAR)) : f;
}

/* The text column's width and left edge, known before anything is laid
 * out: the cover sizes its labels' column from it. */
static void S_column_size(kg_pw *c)
{
	float body = kg_lay_body_width(&c->lay);

	c->col_w = c->st->column < body ? c->st->column : body;
	c->col_x = (body - c->col_w) / 2;
}

void kg_pw_column(kg_pw *c)
{
	S_column_size(c);
	kg_lay_outdent(&c->lay, c->col_x, c->col_w);
}

void kg_pw_wide_open(kg_pw *c, float wide, kg_pw_wide *w)
{
	/* an indent of nothing: where paragraphs go now */
	kg_lay_indent(&c->lay, 0, &w->x, &w->w);
	w->on = wide > 0.5f && w->x == c->col_x && w->w == c->col_w &&
		!kg_lay_in_box(&c->lay);
	if (w->on)
		kg_lay_outdent(&c->lay, 0, kg_lay_body_width(&c->lay));
}

void kg_pw_wide_close(kg_pw *c, kg_pw_wide *w)
{
	if (w->on)
		kg_lay_outdent(&c->lay, w->x, w->w);
	w->on = 0;
}

/* Space above the next block, unless it opens a list item. */
void kg_pw_space(kg_pw *c, float pts)
{
	if (c->suppress)
		c->suppress = 0;
	else
		kg_lay_space(&c->lay, pts);
}

kg_para_opts kg_pw_para(const kg_pw *c)
{
	kg_para_opts o;

	memset(&o, 0, sizeof(o));
	o.leading = c->st->leading;
	return o;
}

/* Plain text with smart punctuation, in c->tmp: a text the translation
 * left in the source's language (a title behind the fallback's marker)
 * with the source's quotation marks, as its prose (kg_pw_prose). */
const char *kg_pw_smart(kg_pw *c, const char *text)
{
	uint32_t prev = 0;
	size_t len = strlen(text);

	kg_buf_reset(&c->tmp);
	if (kg_smart_opens_fallback(text, len)) {
		kg_quotes was = kg_smart_enter_fallback();

		kg_smart_append(&c->tmp, text, len, &prev);
		kg_smart_use(&was);
	} else {
		kg_smart_append(&c->tmp, text, len, &prev);
	}
	return c->tmp.ptr;
}

void kg_pw_text(kg_pw *c, kg_inline *in, const kg_tstyle *t, const char *s)
{
	kg_inline_text(&c->lay, in, t, s, strlen(s), 0);
}

/* ---- the structure tree ---------------------------------------------------------- */

int kg_pw_tag_open(kg_pw *c, kg_stype type)
{
	int e;

	if (!c->tags)
		return 0;
	e = kg_tags_open(c->tags, type);
	kg_lay_tag(&c->lay, e);
	return e;
}

void kg_pw_tag_close(kg_pw *c)
{
	if (c->tags)
		kg_lay_tag(&c->lay, kg_tags_close(c->tags));
}

int kg_pw_tag_add(kg_pw *c, int parent, kg_stype type)
{
	if (!c->tags)
		return 0;
	return parent ? kg_tags_add_to(c->tags, parent, type)
		      : kg_tags_add(c->tags, type);
}

void kg_pw_retag(kg_inline *in, int tag)
{
	size_t i;

	for (i = 0; i < in->n; i++)
		in->p[i].st.tag = tag;
}

void kg_pw_mark_add(kg_pw *c, int level, const char *title, const char *id)
{
	if (c->pass != KG_PW_DRAW) /* a drawing pass meets them again */
		kg_outline_add(&c->outline, level, title, id);
}

/* A list item: its marker (kept in the list's frame), hung in the indent. */
static void S_item_enter(kg_pw *c, const kg_block *list, const kg_block *item,
			 kg_pw_frame *lf, kg_pw_frame *f)
{
	kg_pw_env env = kg_pw_body_env(c);
	size_t i = lf->count++;

	kg_pw_marker(c, &lf->inl, list->style == KG_LIST_ORDERED, (long)i + 1, 0,
		 &env);
	kg_pw_tag_open(c, KG_ST_LI);
	kg_pw_retag(&lf->inl, kg_pw_tag_add(c, 0, KG_ST_LBL));
	kg_pw_tag_open(c, KG_ST_LBODY);
	f->tags = 2;
	kg_lay_item(&c->lay);
	/* one paragraph of prose: the LBody holds it (kg_pw_prose) */
	c->bare = item->n == 1 && item->children[0]->type == KG_BLOCK_PROSE;
	kg_pw_space(c, i ? c->st->paragraph / c->st->m.lists_tight
			 : c->st->paragraph);
	kg_pw_item_open(c, &lf->inl, &f->ox, &f->ow);
	f->item = 1;
}

/* A list: its part on a later page headed by its field's label,
 * continued ("Follow-ups (continued)"), when it is a field's. */
static void S_list_open(kg_pw *c, const kg_block *parent)
{
	if (parent && parent->type == KG_BLOCK_FIELD && parent->title)
		kg_pw_list_open(c, kg_pw_smart(c, parent->title));
	else
		kg_pw_list_open(c, NULL);
}

/* The contents, where compose put them: a run of their own, after the
 * body laid out so far (none, when they come first). */
static void S_toc(kg_pw *c)
{
	if (kg_lay_mark(&c->lay) > 0) {
		kg_lay_paginate(&c->lay, 0, KG_PW_BODY);
		kg_pw_run_end(c);
	}
	kg_pw_contents(c);
	kg_lay_cancel_page_break(&c->lay);
}

/* The height of what follows b in parent, as far as it is room for
 * notes (a form's date and signature lines; other blocks count 0). */
static float S_after(const kg_pw *c, const kg_block *parent, const kg_block *b)
{
	float h = 0;
	size_t i = 0;

	if (!parent)
		return 0;
	while (i < parent->n && parent->children[i] != b)
		i++;
	for (i++; i < parent->n; i++)
		if (parent->children[i]->type == KG_BLOCK_NOTES)
			h += kg_pw_notes_height(c, parent->children[i]);
	return h;
}

/* ENTER: the frame f is the block's own, pf its parent's (NULL for the
 * root). A block laid out whole is skipped. */
static void S_enter(kg_pw *c, kg_iter *it, const kg_block *b, kg_pw_frame *pf,
		    kg_pw_frame *f)
{
	const kg_block *parent = kg_iter_parent(it);
	kg_pw_env env = kg_pw_body_env(c);

	switch (b->type) {
	case KG_BLOCK_SECTION: {
		size_t top = kg_lay_mark(&c->lay);

		/* a form is one sheet: it may take the whole body, its
		 * heading too */
		if (f && (b->flags & KG_SECTION_FORM))
			kg_pw_wide_open(c, c->st->wide_forms, &f->wide);
		kg_pw_heading(c, b);
		if (b->flags & KG_SECTION_NEW_PAGE)
			top = c->page_top; /* a run may have ended */
		if (f && (b->flags & KG_SECTION_FORM)) {
			f->form = top + 1;
			/* a scorecard fills the page of a form that starts one */
			c->form_top = b->flags & KG_SECTION_NEW_PAGE ? top + 1 : 0;
		}
		break;
	}
	case KG_BLOCK_PROSE:
		kg_pw_prose(c, b, &env);
		break;
	case KG_BLOCK_LIST:
		if (b->style == KG_LIST_INDEX) {
			kg_pw_tag_open(c, KG_ST_INDEX);
			kg_pw_index(c, b);
			kg_pw_tag_close(c);
			kg_iter_skip(it);
		} else if (f) {
			kg_pw_tag_open(c, KG_ST_L);
			f->tags = 1;
			S_list_open(c, parent);
			f->list = 1;
		}
		break;
	case KG_BLOCK_ITEM:
		if (parent && parent->type == KG_BLOCK_LIST)
			S_item_enter(c, parent, b, pf, f);
		break;
	case KG_BLOCK_FIELD:
		kg_pw_labelled_open(c, b->title, b, c->st->text, f);
		break;
	case KG_BLOCK_RUBRIC: /* a list of bands: each its label, its body */
		kg_pw_space(c, c->st->paragraph * c->st->m.rubric_space);
		if (f) {
			kg_pw_wide_open(c, c->st->wide_rubrics, &f->wide);
			kg_pw_tag_open(c, KG_ST_L);
			f->tags = 1;
		}
		break;
	case KG_BLOCK_BAND:
		if (parent && parent->type == KG_BLOCK_RUBRIC && f) {
			kg_pw_tag_open(c, KG_ST_LI);
			kg_pw_tag_open(c, KG_ST_LBL); /* the label, set in the box */
			kg_pw_band_open(c, b, pf->count++, f);
			kg_pw_tag_close(c);
			kg_pw_tag_open(c, KG_ST_LBODY);
			f->tags = 2;
		}
		break;
	case KG_BLOCK_CALLOUT: /* its title a paragraph */
		if (f)
			kg_pw_wide_open(c, c->st->wide_callouts, &f->wide);
		kg_pw_tag_open(c, KG_ST_DIV);
		kg_pw_tag_open(c, KG_ST_P);
		kg_pw_callout_open(c, b);
		kg_pw_tag_close(c);
		if (f)
			f->tags = 1;
		else
			kg_pw_tag_close(c);
		break;
	case KG_BLOCK_TABLE: {
		kg_pw_wide w;

		kg_pw_wide_open(c, c->form_top ? c->st->wide_forms
					       : c->st->wide_tables, &w);
		kg_pw_table(c, b);
		kg_pw_wide_close(c, &w);
		kg_iter_skip(it);
		break;
	}
	case KG_BLOCK_SCORECARD: {
		kg_pw_wide w;

		kg_pw_wide_open(c, c->st->wide_forms, &w);
		kg_pw_scorecard(c, b, S_after(c, parent, b));
		kg_pw_wide_close(c, &w);
		kg_iter_skip(it);
		break;
	}
	case KG_BLOCK_ROW:       /* rows are laid out by their table */
	case KG_BLOCK_DIMENSION: /* dimensions by their scorecard */
		kg_iter_skip(it);
		break;
	case KG_BLOCK_NOTES:
		kg_pw_tag_open(c, KG_ST_P); /* its label; the lines are decoration */
		kg_pw_notes(c, b);
		kg_pw_tag_close(c);
		break;
	case KG_BLOCK_CODE: {
		kg_pw_wide w;

		kg_pw_wide_open(c, c->st->wide_code, &w);
		kg_pw_code(c, b);
		kg_pw_wide_close(c, &w);
		break;
	}
	case KG_BLOCK_CHART: /* drawn (its figures are in a table too) */
		kg_pw_chart(c, b);
		kg_iter_skip(it);
		break;
	case KG_BLOCK_TOC:
		S_toc(c);
		break;
	default: /* DOCUMENT, FIELDS, CELL */
		break;
	}
}

static void S_exit(kg_pw *c, const kg_block *b, kg_pw_frame *f)
{
	switch (b->type) {
	case KG_BLOCK_SECTION: /* a form stays on one sheet */
		if (f->form) {
			kg_lay_keep_from(&c->lay, f->form - 1);
			c->form_top = 0;
		}
		break;
	case KG_BLOCK_ITEM:
		if (f->item)
			kg_pw_item_close(c, f->ox, f->ow);
		break;
	case KG_BLOCK_LIST:
		if (f->list)
			kg_lay_list_close(&c->lay);
		break;
	case KG_BLOCK_FIELD:
		kg_pw_labelled_close(c, f);
		break;
	case KG_BLOCK_BAND:
		if (f->boxed)
			kg_lay_box_close(&c->lay);
		break;
	case KG_BLOCK_CALLOUT:
		kg_pw_callout_close(c);
		break;
	default:
		break;
	}
	kg_pw_wide_close(c, &f->wide); /* a RUBRIC's, a CALLOUT's */
	for (; f->tags > 0; f->tags--)
		kg_pw_tag_close(c);
}

static void S_pop(kg_pw *c)
{
	kg_pw_frame *f = c->top;

	c->top = f->up;
	kg_inline_free(&f->inl);
	free(f);
}

/* The body: one walk of the document, a frame per block it is inside. */
static void S_body(kg_pw *c)
{
	kg_iter *it = kg_iter_new(c->doc->root);
	kg_event ev;

	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		const kg_block *b = kg_iter_block(it);
		kg_pw_frame *f;

		if (ev == KG_EVENT_EXIT) {
			S_exit(c, b, c->top);
			S_pop(c);
		} else if (kg_iter_is_leaf(b)) {
			S_enter(c, it, b, c->top, NULL);
		} else {
			f = kg_xcalloc(1, sizeof(*f));
			f->up = c->top;
			S_enter(c, it, b, c->top, f);
			c->top = f;
		}
	}
	kg_iter_free(it);
}

/* ---- runs ------------------------------------------------------------------------------ */

/* The kept runs outgrew their budget: the layout goes on as the first
 * of two (KG_PW_MEASURE). The runs kept so far get their running header
 * and footer, measured as that pass measures them, and are dropped; the
 * structure tree and the forms, made for drawing, are given up with
 * their objects (the second layout makes them again). */
static void S_keep_no_more(kg_pw *c)
{
	size_t i;

	c->pass = KG_PW_MEASURE;
	for (i = 0; i < c->nkept; i++) {
		kg_lay_run_resume(&c->lay, c->kept[i]);
		c->kept[i] = NULL;
		kg_pw_furniture(c);
		kg_lay_run_reset(&c->lay);
	}
	c->nkept = 0;
	c->kept_bytes = 0;
	kg_form_free(c->form);
	kg_tags_free(c->tags);
	c->form = c->po.form = NULL;
	c->tags = c->po.tags = NULL;
	kg_pdf_unreserve(c->pdf, c->objs_before);
}

/* The end of a run, whose pages are cut: the running header and footer,
 * then (pass 2) the pages drawn and written; then the run is dropped. */
void kg_pw_run_end(kg_pw *c)
{
	if (c->pass == KG_PW_KEEP) { /* drawn once all is laid out */
		KG_GROW(c->kept, c->cap_kept, c->nkept + 1);
		c->kept[c->nkept] = kg_lay_run_keep(&c->lay);
		c->kept_bytes += kg_lay_kept_bytes(c->kept[c->nkept++]);
		if (c->kept_bytes > c->keep_budget)
			S_keep_no_more(c);
		return;
	}
	kg_pw_furniture(c);
	/* pass 2 writes page n at the number reserved for it after pass 1:
	 * a page past pass 1's count has none (S_draw says the passes
	 * disagree) */
	if (c->pass == KG_PW_DRAW &&
	    kg_lay_pages_before(&c->lay) + kg_lay_run_pages(&c->lay) > c->total_pages)
		c->overrun = 1;
	if (c->pass == KG_PW_DRAW && !c->failed && !c->overrun &&
	    kg_render_run(&c->lay, c->fonts, c->pdf, &c->geom, &c->po, c->d) < 0)
		c->failed = 1;
	kg_lay_run_reset(&c->lay);
}

/* A forced page break in the body: the run so far can end here, as the
 * next element starts a page whatever comes after it, unless something
 * still open refers to the run's elements or text (a box, a list item, a
 * run-in label). Both passes end runs at the same places. */
void kg_pw_run_break(kg_pw *c)
{
	if (!c->in_body || kg_lay_in_box(&c->lay) || c->lead || c->marker ||
	    c->depth)
		return;
	kg_lay_paginate(&c->lay, 0, KG_PW_BODY);
	kg_pw_run_end(c);
}

/* What fontconfig may need to load its configuration and font caches. */
#define KG_FONTCONFIG_HEADROOM ((size_t)16 << 20)

/* The page's geometry on the paper the style lists as paper (in any
 * case), or on its first paper when paper is NULL; an unknown one (the
 * build vets the names first, paper.h) is an error at the style's papers. */
static int S_geometry(kg_geom *g, const kg_pdf_style *st, const char *paper,
		      kg_diags *d)
{
	const kg_pdf_paper *pp = paper ? kg_pdf_style_paper(st, paper)
				       : &st->papers[0];

	if (!pp) {
		kg_buf names = KG_BUF_INIT;

		kg_pdf_style_paper_names(st, &names);
		kg_error(d, st->papers_at, "unknown paper '%s' (%s)", paper,
			 names.ptr);
		kg_buf_release(&names);
		return -1;
	}
	g->page_w = pp->width;
	g->page_h = pp->height;
	g->body_x = st->margin_left;
	g->head_y = st->margin_top;
	g->body_y = st->margin_top + st->header;
	g->foot_y = g->page_h - st->margin_bottom - st->footer;
	g->target_above = st->m.links_target_above;
	return 0;
}

/* One pass: the cover, the contents and the body, run by run. */
static void S_layout(kg_pw *c)
{
	S_column_size(c);
	kg_pw_watermark(c);
	kg_pw_cover(c);
	kg_pw_column(c);
	kg_lay_cancel_page_break(&c->lay);
	c->in_body = 1;
	S_body(c);
	kg_lay_paginate(&c->lay, 0, KG_PW_BODY);
	kg_pw_run_end(c);
	c->in_body = 0;
}

/* An empty layout in place of c's that knows where the anchors are
 * (with dests) or nothing: the rest freed. */
static void S_fresh_layout(kg_pw *c, int dests)
{
	kg_lay next;
	kg_metrics m = kg_fonts_metrics(c->fonts);

	kg_lay_init(&next, &m, c->st, kg_lay_body_width(&c->lay),
		    kg_lay_body_height(&c->lay));
	if (dests)
		kg_lay_adopt_dests(&next, &c->lay);
	kg_lay_set_rules(&next, kg_lay_rules(&c->lay));
	kg_lay_set_rtl(&next, kg_lay_rtl(&c->lay));
	kg_lay_free(&c->lay);
	c->lay = next;
}

/* The pages' objects, one block once they are counted, their tree's
 * and their shared resources'. */
static void S_reserve_pages(kg_pw *c)
{
	c->po.page0 = kg_pdf_reserve_n(c->pdf, (uint32_t)c->total_pages);
	c->po.parent = kg_pdf_reserve(c->pdf);
	c->po.resources = kg_pdf_reserve(c->pdf);
}

/* The objects of the faces something was measured in, but for those
 * drawn in another's font. */
static void S_reserve_fonts(kg_pw *c, uint32_t *fonts)
{
	int face;

	for (face = 0; face < KG_NFACES; face++)
		if (kg_fonts_used(c->fonts, (kg_face)face) &&
		    !kg_fonts_shares(c->fonts, (kg_face)face))
			fonts[face] = kg_pdf_reserve(c->pdf);
}

/* The structure tree and the forms, made as the document is walked. */
static void S_structure_new(kg_pw *c)
{
	c->tags = kg_tags_new(c->pdf);
	c->po.tags = c->tags;
	c->form = kg_form_new(c->pdf, c->tags);
	kg_form_document(c->form, c->doc->meta.kit_id, c->doc->meta.version,
			 c->doc->meta.digest);
	c->po.form = c->form;
	c->po.digits = c->st->labels.digits;
}

/* Once every page is drawn: the fonts, the forms, the outline, the
 * structure tree, the catalog and the metadata, the xref. */
static int S_finish(kg_pw *c, const uint32_t *fonts, kg_diags *d)
{
	kg_pdf_file *pdf = c->pdf;
	uint32_t catalog, info, outline, structure, xmp;

	if (c->failed)
		return -1;
	/* the pages are drawn: what is left of the layout but the anchors
	 * (the outline's destinations) is its last run's operations and
	 * pieces and the hyphenation patterns, megabytes that would stay
	 * under the font programs and the structure tree written next */
	S_fresh_layout(c, 1);
	kg_inline_free(&c->para);
	if (kg_fonts_write(c->fonts, pdf, fonts, d) < 0)
		return -1;
	/* the pages are drawn: the shaped words' megabytes are not needed
	 * while the structure tree, the largest thing left, is written */
	kg_fonts_release_shapes(c->fonts);
	c->acroform = kg_form_write(c->form);
	catalog = kg_pdf_reserve(pdf);
	info = kg_pdf_reserve(pdf);
	outline = kg_outline_write(&c->outline, pdf, &c->lay, &c->geom, &c->po);
	/* the outline was the last to look up an anchor */
	kg_outline_free(&c->outline);
	S_fresh_layout(c, 0);
	structure = kg_tags_write(c->tags);
	/* written: its megabytes are given back before the xref stream is
	 * made (8 bytes an object) */
	kg_tags_free(c->tags);
	c->tags = c->po.tags = NULL;
	xmp = kg_pw_xmp(c);
	kg_pw_document(c, fonts, catalog, outline, structure, xmp);
	kg_pw_metadata(c, info);
	if (kg_pdf_file_finish(pdf, catalog, info) < 0)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "cannot write the PDF file");
	return 0;
}

/* Pass 2, the anchors and the page count known from pass 1. */
static int S_draw(kg_pw *c, kg_diags *d)
{
	uint32_t fonts[KG_NFACES] = {0};

	S_reserve_pages(c);
	S_reserve_fonts(c, fonts);
	S_structure_new(c);
	kg_tags_pages(c->tags, c->po.page0, c->total_pages);
	c->pass = KG_PW_DRAW;
	S_layout(c);
	if (kg_lay_disagreements(&c->lay) || c->overrun ||
	    kg_lay_pages_before(&c->lay) != c->total_pages)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "internal error: the "
				"two layout passes disagree (%zu anchors moved; "
				"%zu pages, then %zu)", kg_lay_disagreements(&c->lay),
				c->total_pages, kg_lay_pages_before(&c->lay));
	return S_finish(c, fonts, d);
}

/* Once the one layout is done (KG_PW_KEEP): the pages counted and every
 * anchor placed, each kept run's running header and footer ("page N of
 * M") and its pages drawn, in order. */
static int S_draw_kept(kg_pw *c, kg_diags *d)
{
	uint32_t fonts[KG_NFACES] = {0};
	size_t i;

	S_reserve_pages(c);
	kg_tags_pages(c->tags, c->po.page0, c->total_pages);
	c->pass = KG_PW_DRAW;
	for (i = 0; i < c->nkept; i++) {
		kg_lay_run_resume(&c->lay, c->kept[i]);
		c->kept[i] = NULL;
		kg_pw_run_end(c);
	}
	c->nkept = 0;
	/* after the furniture, the last text measured */
	S_reserve_fonts(c, fonts);
	return S_finish(c, fonts, d);
}

/* What the document's kept runs may take, in bytes, before it is laid
 * out twice instead (KITGEN_PDF_KEEP, for the tests: 0, never one
 * layout). The published kit keeps about 2 MB; a kit of 1,000 topics
 * would keep 60 MB, beyond the 64 MiB it is held to (BENCHMARKS.md), so
 * it is laid out twice, holding one run at a time (the runs it kept
 * before it knew add about half a megabyte to its peak; a budget of
 * 8 MiB added one). */
#define S_KEEP_BUDGET ((size_t)4 << 20)

static size_t S_keep_budget(void)
{
	const char *env = getenv("KITGEN_PDF_KEEP");

	return env && *env ? (size_t)strtoull(env, NULL, 10) : S_KEEP_BUDGET;
}

/* The page-break rules in force: all, but those KITGEN_BREAKS_OFF names
 * (a comma-separated list: rows, widows, continued, hyphen, headings,
 * tails, balance), for the tests that show each rule matters. */
static int S_rules(unsigned *rules, kg_diags *d)
{
	const char *p = getenv("KITGEN_BREAKS_OFF");

	*rules = KG_BREAK_ALL;
	while (p && *p) {
		size_t n = strcspn(p, ",");
		unsigned bit = kg_lay_rule_bit(p, n);

		if (n && !bit)
			return kg_error(d, (kg_mark){NULL, 0, 0}, "KITGEN_BREAKS_OFF: "
					"no page-break rule '%.*s' (rows, widows, "
					"continued, hyphen, headings, tails, "
					"balance)", (int)n, p);
		*rules &= ~bit;
		p += n + (p[n] == ',');
	}
	return 0;
}

/* The layout record of the PDF written to path, when KITGEN_LAYOUT_RECORD
 * names a folder: <folder>/<path, its slashes made _>.layout.jsonl. */
static int S_write_record(const kg_buf *rec, const char *path, kg_diags *d)
{
	const char *dir = getenv("KITGEN_LAYOUT_RECORD");
	kg_buf name = KG_BUF_INIT;
	FILE *f;
	size_t k;
	int rc = 0;

	if (!dir || !*dir || !path)
		return 0;
	kg_buf_printf(&name, "%s/", dir);
	for (k = 0; path[k]; k++)
		kg_buf_putc(&name, path[k] == '/' ? '_' : path[k]);
	kg_buf_puts(&name, ".layout.jsonl");
	f = fopen(name.ptr, "wb");
	if (!f || fwrite(rec->ptr, 1, rec->len, f) != rec->len)
		rc = kg_error(d, (kg_mark){name.ptr, 0, 0},
			      "cannot write the layout record: %s", strerror(errno));
	if (f && fclose(f) != 0 && rc == 0)
		rc = kg_error(d, (kg_mark){name.ptr, 0, 0},
			      "cannot write the layout record: %s", strerror(errno));
	kg_buf_release(&name);
	return rc;
}

/* A fresh layout for pass 2 that knows where pass 1 put the anchors. */
static void S_second_layout(kg_pw *c)
{
	S_fresh_layout(c, 1);
	c->depth = 0;
	c->suppress = 0;
	c->lead = c->marker = NULL;
	free(c->heading_copy);
	c->heading_copy = NULL;
	c->heading = NULL;
}

static int S_write(const kg_doc *doc, const kg_write_opts *wo, kg_sink *out,
		   kg_diags *d)
{
	kg_pdf_style st;
	kg_quotes quotes, source_quotes;
	kg_labels *source_labels = NULL;
	kg_buf path = KG_BUF_INIT, record = KG_BUF_INIT;
	unsigned rules;
	kg_fonts *fonts = NULL;
	kg_metrics m;
	kg_pdf_file pdf;
	kg_pw c;
	int rc = -1;

	if (S_rules(&rules, d) < 0)
		return -1;
	memset(&c, 0, sizeof(c));
	memset(&pdf, 0, sizeof(pdf));
	kg_buf_printf(&path, "%s/pdf/style.yaml", wo->templates);
	if (kg_pdf_style_load(path.ptr, &st, d) < 0 ||
	    S_geometry(&c.geom, &st, wo->paper, d) < 0)
		goto out;
	kg_pdf_style_use_labels(&st, doc->labels);
	quotes = kg_quotes_of(doc->labels);
	kg_smart_use(&quotes); /* until out: */
	c.lang = kg_labels_lang(doc->labels);
	c.quotes = &quotes;
	c.source_lang = doc->source_lang ? doc->source_lang : "en";
	if (strcasecmp(c.source_lang, c.lang) != 0) { /* a translation */
		kg_diags quiet = KG_DIAGS_INIT; /* a table missing is English */

		/* the built-in table, as the HTML (write_html.c) */
		source_labels = kg_labels_load(NULL, c.source_lang, NULL, &quiet);
		kg_diags_free(&quiet);
		source_quotes = kg_quotes_of(source_labels);
		c.source_quotes = &source_quotes;
		c.mark = kg_label(doc->labels, "translate.untranslated");
		kg_smart_fallback(c.mark, c.source_quotes); /* until out: */
	} else {
		c.source_lang = NULL;
	}
	/* fontconfig has no allocator to give, and fails badly without memory */
	kg_headroom(KG_FONTCONFIG_HEADROOM);
	if (!(fonts = kg_fonts_new(&st, d)))
		goto out;
	m = kg_fonts_metrics(fonts);
	kg_fonts_ahead(fonts, &quotes);
	c.doc = doc;
	c.fonts = fonts;
	c.st = &st;
	c.d = d;
	kg_buf_init(&c.tmp);
	kg_buf_init(&c.text);
	kg_lay_init(&c.lay, &m, &st, c.geom.page_w - st.margin_left - st.margin_right,
		    c.geom.foot_y - c.geom.body_y);
	kg_lay_set_rules(&c.lay, rules);
	/* a kit written right to left is set right to left, mirrored */
	kg_lay_set_rtl(&c.lay, kg_labels_rtl(doc->labels));
	kg_lay_language(&c.lay, c.lang);
	if (getenv("KITGEN_LAYOUT_RECORD"))
		kg_lay_record(&c.lay, &record);
	kg_pdf_file_init(&pdf, out);
	c.pdf = &pdf;
	/* one layout, its runs kept to be drawn at its end, while they fit
	 * their budget; else (from there on) the first of two */
	c.keep_budget = S_keep_budget();
	c.pass = c.keep_budget ? KG_PW_KEEP : KG_PW_MEASURE;
	if (c.pass == KG_PW_KEEP) {
		c.objs_before = kg_pdf_objects(&pdf);
		S_structure_new(&c);
	}
	S_layout(&c);
	kg_ahead_stop(); /* every word is shaped */
	c.total_pages = kg_lay_pages_before(&c.lay);
	if (kg_fonts_prepare(fonts, d) < 0)
		goto out;
	if (c.pass == KG_PW_KEEP) {
		if (S_draw_kept(&c, d) < 0)
			goto out;
	} else {
		kg_buf_reset(&record); /* the second layout's pages */
		S_second_layout(&c);
		if (getenv("KITGEN_LAYOUT_RECORD"))
			kg_lay_record(&c.lay, &record);
		if (S_draw(&c, d) < 0)
			goto out;
	}
	if (S_write_record(&record, wo->path, d) < 0)
		goto out;
	rc = 0;
out:
	kg_ahead_stop();
	kg_smart_use(NULL);
	kg_smart_fallback(NULL, NULL);
	kg_labels_free(source_labels);
	kg_pdf_file_free(&pdf);
	kg_outline_free(&c.outline);
	kg_tags_free(c.tags);
	kg_form_free(c.form);
	kg_buf_release(&c.tmp);
	kg_buf_release(&c.text);
	free(c.heading_copy);
	free(c.watermark);
	free(c.po.watermark.runs);
	kg_inline_free(&c.para);
	while (c.nkept)
		kg_lay_kept_free(c.kept[--c.nkept]);
	free(c.kept);
	while (c.top)
		S_pop(&c);
	if (c.st)
		kg_lay_free(&c.lay);
	kg_fonts_free(fonts);
	kg_pdf_style_free(&st);
	kg_buf_release(&path);
	kg_buf_release(&record);
	return rc;
}

const kg_writer kg_writer_pdf = {&kg_format_pdf, S_write};
