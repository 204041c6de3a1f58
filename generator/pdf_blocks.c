/*
 * pdf_blocks.c - the composed document's blocks laid out for the PDF
 * writer: headings (with the outline), run-in labels, rubric bands,
 * callouts, tables, scorecards, room for notes and the question index.
 * The walk in write_pdf.c calls these at a block's ENTER and EXIT; what
 * an EXIT needs is kept in the block's frame (kg_pw_frame).
 */
#include "pdf_writer.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "labels.h"
#include "prose.h"

/* ---- the document tree ------------------------------------------------------------ */

void kg_pw_heading(kg_pw *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	kg_tstyle t;
	const char *title;
	/* inside a form, a section is set as a level below: the sheet is full */
	int look = c->form_top && b->level == 2 ? 3 : b->level;

	if (b->flags & KG_SECTION_NEW_PAGE) /* first: a run's end uses c->tmp */
		kg_pw_run_break(c);
	title = kg_pw_smart(c, b->title);
	o.keep = 1;
	o.heading = 1;
	o.dest = b->id;
	o.leading = st->m.headings_leading;
	if (b->level <= 3)
		kg_pw_mark_add(c, b->level, title, b->id);
	if (b->flags & KG_SECTION_NEW_PAGE) {
		kg_lay_page_break(&c->lay);
		c->page_top = kg_lay_mark(&c->lay);
	}
	if (b->level == 1) {
		kg_lay_part(&c->lay, title);
		kg_lay_space(&c->lay, st->section * st->m.headings_part_space);
		kg_lay_rule(&c->lay, st->accent, st->m.headings_part_rule,
			    st->m.headings_part_rule_length);
		kg_lay_keep(&c->lay);
		kg_lay_space(&c->lay, st->h1 * st->m.headings_part_gap);
		t = kg_pw_style(KG_FACE_SANS_BOLD, st->h1, st->text);
	} else if (look == 2) {
		kg_lay_space(&c->lay, st->section);
		t = kg_pw_style(KG_FACE_SANS_BOLD, st->h2, st->accent);
	} else if (look == 3) {
		kg_lay_space(&c->lay, st->section * st->m.headings_h3_space);
		t = kg_pw_style(KG_FACE_SANS_BOLD, st->h3, st->text);
	} else {
		kg_lay_space(&c->lay, st->paragraph * st->m.headings_h4_space);
		t = kg_pw_style(KG_FACE_SANS_BOLD, st->body, st->text);
	}
	kg_pw_text(c, &in, &t, title);
	c->suppress = 0;
	c->section = b->level;
	free(c->heading_copy);
	c->heading_copy = kg_xstrdup(title);
	c->heading = c->heading_copy;
	kg_pw_tag_open(c, kg_tags_heading(b->level));
	kg_lay_para(&c->lay, &in, &o);
	kg_pw_tag_close(c);
	if (b->level == 1)
		kg_lay_space(&c->lay, st->paragraph * st->m.headings_part_after);
	kg_inline_free(&in);
}

/* "Label: " in c->tmp, in the kit's language (French "Label\u202F: ",
 * Japanese "ラベル："); without the space after the colon unless run_in
 * (a value follows on the line). */
static const char *S_label_colon(kg_pw *c, const char *label, int run_in)
{
	kg_buf lab = KG_BUF_INIT;

	kg_label_field(&lab, c->doc->labels, label, "");
	if (!run_in)
		while (lab.len && lab.ptr[lab.len - 1] == ' ')
			lab.ptr[--lab.len] = '\0';
	kg_pw_smart(c, lab.len ? lab.ptr : "");
	kg_buf_release(&lab);
	return c->tmp.ptr;
}

/* A label run into the first paragraph of the body, or on a line of its
 * own when the body starts with something else; the label lives in the
 * block's frame until its EXIT (kg_pw_labelled_close). */
void kg_pw_labelled_open(kg_pw *c, const char *label, const kg_block *b,
			    kg_rgb color, kg_pw_frame *f)
{
	const kg_block *first = b->n ? b->children[0] : NULL;
	int run_in = kg_prose_starts_with_paragraph(first);
	kg_tstyle t = kg_pw_style(KG_FACE_BOLD, c->st->body, color);

	S_label_colon(c, label, run_in);
	kg_inline_text(&c->lay, &f->inl, &t, c->tmp.ptr, c->tmp.len, 0);
	if (run_in) {
		c->lead = &f->inl;
	} else {
		kg_para_opts o = kg_pw_para(c);

		kg_pw_space(c, c->st->paragraph);
		o.keep = 1;
		kg_pw_tag_open(c, KG_ST_P);
		kg_pw_paragraph(c, &f->inl, &o);
		kg_pw_tag_close(c);
	}
}

void kg_pw_labelled_close(kg_pw *c, kg_pw_frame *f)
{
	if (c->lead == &f->inl)
		c->lead = NULL;
}

static kg_rgb S_band_colour(const kg_pw *c, int band)
{
	return band == KG_DOC_BAND_STRONG ? c->st->strong :
	       band == KG_DOC_BAND_ACCEPTABLE ? c->st->acceptable : c->st->weak;
}

void kg_pw_continued(kg_pw *c, kg_inline *in, kg_tstyle t, const char *label)
{
	t.tag = KG_TAG_ARTIFACT;
	t.link = -1;
	if (label && *label) { /* "Hints (continued)", Japanese "ヒント（続き）" */
		const char *gap = kg_label(c->doc->labels, "punct.before_note");

		kg_pw_text(c, in, &t, label);
		if (*gap)
			kg_pw_text(c, in, &t, gap);
	}
	kg_pw_text(c, in, &t, kg_pw_smart(c, c->st->labels.continued));
}

void kg_pw_list_open(kg_pw *c, const char *label)
{
	kg_inline cont = KG_INLINE_INIT;

	if (!label && !kg_lay_in_box(&c->lay) && !c->depth)
		label = c->heading;
	if (label)
		kg_pw_continued(c, &cont, kg_pw_style(KG_FACE_BOLD, c->st->body,
						      c->st->text), label);
	kg_lay_list_open(&c->lay, &cont);
	kg_inline_free(&cont);
}

/* A rubric: three bands, each a tinted box with its label in a coloured
 * strip on the left, kept whole on a page as a table's row is; a band
 * taller than a page repeats its label, continued, on the next. */
void kg_pw_band_open(kg_pw *c, const kg_block *band, size_t i, kg_pw_frame *f)
{
	const kg_pdf_style *st = c->st;
	kg_tstyle t = kg_pw_style(KG_FACE_SANS_BOLD, st->small, KG_PW_WHITE);
	kg_rgb col = S_band_colour(c, band->style);
	kg_box_style bs;
	kg_inline cont = KG_INLINE_INIT;

	memset(&bs, 0, sizeof(bs));
	bs.fill = kg_rgb_tint(col, st->tint);
	bs.strip = col;
	bs.strip_w = st->m.rubric_label;
	bs.pad = st->box_padding;
	bs.whole = 1;
	bs.kind = "band";
	kg_pw_text(c, &f->inl, &t, kg_pw_smart(c, band->title));
	bs.label = &f->inl;
	kg_pw_continued(c, &cont, t, kg_pw_smart(c, band->title));
	bs.cont = &cont;
	if (i)
		kg_lay_space(&c->lay, st->m.rubric_gap);
	kg_lay_box_open(&c->lay, &bs);
	kg_inline_free(&cont);
	f->boxed = 1;
}

static kg_rgb S_callout_colour(const kg_pw *c, int style)
{
	switch (style) {
	case KG_CALLOUT_CUES: return c->st->cues;
	case KG_CALLOUT_RED_FLAGS: return c->st->red_flags;
	case KG_CALLOUT_ACCEPTABLE: return c->st->acceptable;
	case KG_CALLOUT_STRONG: case KG_CALLOUT_GOOD_NOTE: return c->st->strong;
	case KG_CALLOUT_WEAK: case KG_CALLOUT_BAD_NOTE: return c->st->weak;
	default: return c->st->note;
	}
}

static const char *S_callout_icon(int style)
{
	switch (style) {
	case KG_CALLOUT_STRONG: case KG_CALLOUT_GOOD_NOTE: return "\xE2\x9C\x93 ";
	case KG_CALLOUT_WEAK: case KG_CALLOUT_BAD_NOTE: return "\xE2\x9C\x97 ";
	case KG_CALLOUT_ACCEPTABLE: return "\xE2\x89\x88 ";
	case KG_CALLOUT_RED_FLAGS: return "\xE2\x9A\xA0 ";
	default: return "";
	}
}

void kg_pw_callout_open(kg_pw *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	kg_rgb col = S_callout_colour(c, b->style);
	kg_box_style bs;
	kg_inline in = KG_INLINE_INIT, cont = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	kg_tstyle t = kg_pw_style(KG_FACE_SANS_BOLD, st->small, col);

	memset(&bs, 0, sizeof(bs));
	bs.fill = kg_rgb_tint(col, st->tint);
	bs.bar = col;
	bs.bar_w = st->m.callouts_bar;
	bs.pad = st->box_padding;
	bs.pad_left = st->m.callouts_padding_left;
	bs.kind = "callout";
	kg_pw_text(c, &cont, &t, S_callout_icon(b->style));
	kg_pw_continued(c, &cont, t, kg_pw_smart(c, b->title));
	bs.cont = &cont;
	kg_pw_space(c, st->paragraph * st->m.callouts_space);
	kg_lay_box_open(&c->lay, &bs);
	kg_inline_free(&cont);
	kg_pw_text(c, &in, &t, S_callout_icon(b->style));
	kg_pw_text(c, &in, &t, kg_pw_smart(c, b->title));
	o.keep = 1;
	o.balance = 1;
	kg_lay_para(&c->lay, &in, &o);
	kg_lay_space(&c->lay, st->m.callouts_title_gap);
	c->suppress = 1;
	kg_inline_free(&in);
}

void kg_pw_callout_close(kg_pw *c)
{
	c->suppress = 0;
	kg_lay_box_close(&c->lay);
}

void kg_pw_table(kg_pw *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	size_t ncols = 0, r, k;
	kg_inline *cells, cont = KG_INLINE_INIT;
	kg_table_style ts;
	kg_pw_env head, body;

	for (r = 0; r < b->n; r++)
		ncols = b->children[r]->n > ncols ? b->children[r]->n : ncols;
	if (!ncols)
		return;
	cells = kg_xcalloc(b->n * ncols, sizeof(*cells));
	head.base = kg_pw_style(KG_FACE_SANS_BOLD, st->table, st->table_header_text);
	body.base = kg_pw_style(KG_FACE_REGULAR, st->table, st->text);
	kg_pw_tag_open(c, KG_ST_TABLE);
	for (r = 0; r < b->n; r++) {
		int tr = kg_pw_tag_add(c, 0, KG_ST_TR);

		for (k = 0; k < b->children[r]->n; k++) {
			kg_pw_env *env = r ? &body : &head;

			env->base.tag = kg_pw_tag_add(c, tr, r ? KG_ST_TD : KG_ST_TH);
			kg_pw_cell(c, b->children[r]->children[k], env,
				   &cells[r * ncols + k]);
		}
	}
	memset(&ts, 0, sizeof(ts));
	ts.pad = st->m.tables_padding;
	ts.leading = st->m.tables_leading;
	ts.head_fill = st->table_header;
	ts.stripe = st->table_stripe;
	ts.rule = st->rule;
	if (c->form_top) { /* a form's cells are boxes to write in */
		ts.grid = 1;
		ts.pad = st->m.forms_cell_padding;
	}
	kg_pw_continued(c, &cont, body.base, NULL);
	ts.cont = &cont;
	kg_pw_space(c, st->paragraph * st->m.tables_space);
	kg_lay_table(&c->lay, cells, b->n, ncols, &ts);
	kg_inline_free(&cont);
	kg_pw_tag_close(c);
	for (k = 0; k < b->n * ncols; k++)
		kg_inline_free(&cells[k]);
	free(cells);
}

/* Append src's pieces to dst. */
static void S_append(kg_inline *dst, const kg_inline *src)
{
	size_t i;

	KG_GROW(dst->p, dst->cap, dst->n + src->n);
	for (i = 0; i < src->n; i++)
		dst->p[dst->n++] = src->p[i];
}

/* Row r's dimension cell: its name, its detail, then a drawn box per
 * choice and, on a line of their own, per mark, each with its column's
 * label; a box that is a form field's button says so (pdf_fields.c). */
static void S_dimension_cell(kg_pw *c, const kg_block *card, size_t r,
			     size_t nchoice, kg_inline *in, int tag)
{
	const kg_block *head = card->children[0], *dim = card->children[r];
	const kg_pdf_style *st = c->st;
	kg_tstyle name = kg_pw_style(KG_FACE_SANS_BOLD, st->body + st->m.forms_name,
				     st->text);
	kg_tstyle box = kg_pw_style(KG_FACE_REGULAR, st->table, st->text);
	kg_pw_env detail, label;
	kg_inline word = KG_INLINE_INIT;
	size_t k;

	name.tag = box.tag = tag;
	detail.base = kg_pw_style(KG_FACE_REGULAR, st->table, st->muted);
	detail.base.tag = tag;
	label.base = box;
	kg_pw_text(c, in, &name, kg_pw_smart(c, dim->title));
	kg_pw_cell(c, dim, &detail, in); /* on the lines below */
	for (k = 1; k + 1 < head->n; k++) {
		if (k == 1 || k == nchoice + 1)
			kg_inline_break(&c->lay, in, &box);
		else
			kg_pw_text(c, in, &box, " \xE2\x80\x82"); /* an en space */
		box.field = kg_pw_card_field(c, card, r, k, tag);
		kg_pw_text(c, in, &box, "\xE2\x98\x90 ");
		box.field = 0;
		kg_inline_reset(&word);
		kg_pw_cell(c, head->children[k], &label, &word);
		S_append(in, &word);
	}
	kg_inline_free(&word);
}

/* The height a scorecard's rows may fill: what the form's page leaves
 * after what is above it (from the form's first element) and `after`
 * below it; 0 outside a form. */
static float S_card_room(kg_pw *c, float after)
{
	float used;

	if (!c->form_top)
		return 0;
	used = kg_lay_flow_height(&c->lay, c->form_top - 1) -
	       kg_lay_space_above(&c->lay, c->form_top - 1);
	return kg_lay_body_height(&c->lay) - used - after -
	       c->st->paragraph * c->st->m.scorecards_space - 1;
}

/* A scorecard, a form of two columns: per dimension its name, detail and
 * a drawn box per choice and mark, then the evidence, at least
 * forms.evidence of the width. In a form, the rows share the page. */
void kg_pw_scorecard(kg_pw *c, const kg_block *b, float after)
{
	const kg_pdf_style *st = c->st;
	const kg_block *head = b->n ? b->children[0] : NULL;
	size_t ncols = head ? head->n : 0, nrows = b->n, r, k;
	size_t nchoice = b->level > 0 ? (size_t)b->level : ncols;
	kg_inline *cells;
	int *fields;
	float widths[2];
	kg_table_style ts;
	kg_pw_env hs;
	int tr;

	if (ncols < 2)
		return;
	cells = kg_xcalloc(nrows * 2, sizeof(*cells));
	fields = kg_xcalloc(nrows * 2, sizeof(*fields));
	hs.base = kg_pw_style(KG_FACE_SANS_BOLD, st->table, st->table_header_text);
	kg_pw_tag_open(c, KG_ST_TABLE);
	tr = kg_pw_tag_add(c, 0, KG_ST_TR);
	hs.base.tag = kg_pw_tag_add(c, tr, KG_ST_TH);
	kg_pw_cell(c, head->children[0], &hs, &cells[0]);
	hs.base.tag = kg_pw_tag_add(c, tr, KG_ST_TH);
	kg_pw_cell(c, head->children[ncols - 1], &hs, &cells[1]);
	for (r = 1; r < nrows; r++) {
		tr = kg_pw_tag_add(c, 0, KG_ST_TR);
		S_dimension_cell(c, b, r, nchoice, &cells[r * 2],
				 kg_pw_tag_add(c, tr, KG_ST_TH_ROW));
		/* the evidence: written by hand, or in its field */
		fields[r * 2 + 1] = kg_pw_card_field(c, b, r, ncols - 1,
						     kg_pw_tag_add(c, tr, KG_ST_TD));
	}
	widths[1] = st->m.forms_evidence;
	widths[0] = 1 - widths[1];
	memset(&ts, 0, sizeof(ts));
	ts.pad = st->m.scorecards_padding;
	ts.leading = st->m.scorecards_leading;
	ts.head_fill = st->table_header;
	ts.stripe = KG_PW_WHITE;
	ts.rule = st->rule;
	ts.widths = widths;
	ts.min_row = st->m.scorecards_row;
	ts.max_row = st->m.forms_row_most;
	ts.grid = 1;
	ts.keep = 1;
	ts.fill = S_card_room(c, after);
	ts.fields = fields;
	kg_pw_space(c, st->paragraph * st->m.scorecards_space);
	kg_lay_table(&c->lay, cells, nrows, 2, &ts);
	kg_pw_tag_close(c);
	for (k = 0; k < nrows * 2; k++)
		kg_inline_free(&cells[k]);
	free(cells);
	free(fields);
}

/* What kg_pw_notes adds, space above included. */
float kg_pw_notes_height(const kg_pw *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	float h = st->paragraph * st->m.notes_space;

	if (b->level <= 1)
		return h + st->m.notes_line;
	if (b->title)
		h += st->small * st->leading;
	return h + (float)b->level * st->m.notes_lines;
}

/* Room to write by hand: the label and a line, or the label above lines;
 * notes that fill (KG_NOTES_FILL) rule lines to the foot of the page. */
void kg_pw_notes(kg_pw *c, const kg_block *b)
{
	kg_tstyle t = kg_pw_style(KG_FACE_SANS_BOLD, c->st->small, c->st->muted);
	kg_inline label = KG_INLINE_INIT;
	int i;

	if (b->title) {
		kg_pw_text(c, &label, &t, S_label_colon(c, b->title, 0));
	}
	kg_pw_space(c, c->st->paragraph * c->st->m.notes_space);
	if (b->level <= 1) { /* a line, or a form's text field on it */
		kg_lay_fill_field(&c->lay, &label, c->st->m.notes_line,
				  c->st->muted, kg_pw_note_field(c, b));
	} else {
		if (label.n) {
			kg_para_opts o = kg_pw_para(c);

			o.keep = 1;
			kg_lay_para(&c->lay, &label, &o);
		}
		if (b->flags & KG_NOTES_FILL) { /* to the foot of the page */
			int least = (int)c->st->m.notes_fill_least;

			kg_lay_fill_lines(&c->lay, b->level < least ? b->level : least,
					  c->st->m.notes_lines, c->st->rule);
			kg_inline_free(&label);
			return;
		}
		for (i = 0; i < b->level; i++) { /* kept together */
			kg_lay_fill_line(&c->lay, NULL, c->st->m.notes_lines,
					 c->st->rule);
			if (i + 1 < b->level)
				kg_lay_keep(&c->lay);
		}
	}
	kg_inline_free(&label);
}

/* An index: each entry's text, dot leaders and the page it points to. */
void kg_pw_index(kg_pw *c, const kg_block *list)
{
	kg_tstyle ref = kg_pw_style(KG_FACE_REGULAR, c->st->body, c->st->text);
	kg_pw_env env = kg_pw_body_env(c);
	size_t i;

	for (i = 0; i < list->n; i++) {
		const kg_block *item = list->children[i];
		kg_inline in = KG_INLINE_INIT;
		kg_para_opts o = kg_pw_para(c);

		kg_pw_tag_open(c, KG_ST_P);
		kg_pw_run_on(c, item, &env, &in);
		o.pageref = item->id; /* compose's target (kg_add_index_item) */
		o.ref_style = &ref;
		kg_pw_space(c, i ? c->st->m.index_gap : c->st->paragraph);
		kg_lay_para(&c->lay, &in, &o);
		kg_pw_tag_close(c);
		kg_inline_free(&in);
	}
}
