/*
 * pdf_front.c - the PDF edition's front matter and page furniture: the
 * cover (a block of colour, the title, the edition's particulars), the
 * contents (the entries compose put in the TOC block, with dot leaders
 * and page numbers), the running header and footer of every page but the
 * cover, and what says who the document is for (doc.h): the marking, on
 * the cover and at the foot of every page, the cover's too, and the
 * watermark across every page.
 */
#include "pdf_writer.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "fonts.h"
#include "labels.h"
#include "doc_toc.h"
#include "smart.h"
#include "utf8.h"

/* ---- cover and contents ------------------------------------------------------------ */

/* The width of a cover label as set (shaped, with its fallback faces). */
static float S_cover_label_width(kg_pw *c, const char *label)
{
	kg_inline lab = KG_INLINE_INIT;
	kg_tstyle tl = kg_pw_style(KG_FACE_SANS, c->st->small, c->st->muted);
	float w;

	kg_pw_text(c, &lab, &tl, label);
	w = kg_inline_width(&lab);
	kg_inline_free(&lab);
	return w;
}

/* Where the cover's values start: right of the widest label of a line
 * that is there, and a space, and never left of the style's indent. A
 * language's labels may be much longer than English's (Japanese, German):
 * the column widens, up to two fifths of the text column; a label wider
 * than that takes a line of its own (S_cover_field). */
static float S_cover_indent(kg_pw *c)
{
	const kg_doc_meta *m = &c->doc->meta;
	const kg_pdf_labels *l = &c->st->labels;
	const char *lines[][2] = {
		{l->edition, m->edition_title}, {l->version, m->version},
		{l->publisher, m->publisher}, {l->licence, m->licence},
		{l->digest, m->digest}, {l->build_digest, m->build_digest}};
	float indent = c->st->m.cover_field_indent, most = 0.4f * c->col_w;
	size_t i;

	for (i = 0; i < sizeof(lines) / sizeof(*lines); i++) {
		float w;

		if (!lines[i][1] || !*lines[i][1])
			continue;
		w = S_cover_label_width(c, lines[i][0]) + c->st->small;
		if (w > indent && w <= most)
			indent = w;
	}
	return indent;
}

/* A cover line: a label in the left column, the value beside it from
 * indent; a label too wide for the column is a line of its own above. */
static void S_cover_field(kg_pw *c, const char *label, const char *value,
			  kg_face face, float size, float indent)
{
	kg_inline lab = KG_INLINE_INIT, in = KG_INLINE_INIT;
	kg_tstyle tl = kg_pw_style(KG_FACE_SANS, c->st->small, c->st->muted);
	kg_tstyle tv = kg_pw_style(face, size, c->st->text);
	kg_para_opts o = kg_pw_para(c);
	float w;

	if (!value || !*value)
		return;
	kg_pw_text(c, &lab, &tl, label);
	kg_pw_text(c, &in, &tv, face == KG_FACE_MONO ? value : kg_pw_smart(c, value));
	w = kg_inline_width(&lab);
	o.kit_dir = 1; /* the cover's particulars: furniture */
	kg_lay_space(&c->lay, c->st->m.cover_field_gap);
	kg_pw_tag_open(c, KG_ST_P);
	o.indent = indent;
	if (w + c->st->small > indent) {
		kg_para_opts ol = kg_pw_para(c);

		ol.kit_dir = 1;
		ol.keep = 1; /* with its value */
		kg_lay_para(&c->lay, &lab, &ol);
	} else {
		o.marker = &lab;
		o.marker_x = -indent + w;
	}
	kg_lay_para(&c->lay, &in, &o);
	kg_pw_tag_close(c);
	kg_inline_free(&lab);
	kg_inline_free(&in);
}

/* A line of the cover: furniture, set in the kit's direction. */
static void S_cover_para(kg_pw *c, const kg_inline *in, const kg_para_opts *o)
{
	kg_para_opts fo = *o;

	fo.kit_dir = 1;
	kg_pw_tag_open(c, KG_ST_P);
	kg_lay_para(&c->lay, in, &fo);
	kg_pw_tag_close(c);
}

/* Who the document is for, above the particulars: the marking in bold
 * and the reader under it, in a box like a red-flags callout. */
static void S_cover_notice(kg_pw *c)
{
	const kg_doc_meta *m = &c->doc->meta;
	const kg_pdf_style *st = c->st;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	kg_box_style bs;
	kg_tstyle t;

	if (!m->marking)
		return;
	memset(&bs, 0, sizeof(bs));
	bs.fill = kg_rgb_tint(st->red_flags, st->tint);
	bs.bar = st->red_flags;
	bs.bar_w = st->m.callouts_bar;
	bs.pad = st->box_padding;
	bs.pad_left = st->m.callouts_padding_left;
	kg_lay_box_open(&c->lay, &bs);
	t = kg_pw_style(KG_FACE_SANS_BOLD, st->body + st->m.cover_field_size,
			st->red_flags);
	kg_pw_text(c, &in, &t, kg_pw_smart(c, m->marking));
	S_cover_para(c, &in, &o);
	if (m->reader) {
		kg_inline_reset(&in);
		t = kg_pw_style(KG_FACE_SANS, st->body, st->text);
		kg_pw_text(c, &in, &t, kg_pw_smart(c, m->reader));
		S_cover_para(c, &in, &o);
	}
	kg_lay_box_close(&c->lay);
	kg_lay_space(&c->lay, st->paragraph);
	kg_inline_free(&in);
}

/* The cover: a block of colour across the top of the page with the
 * edition, the title and the subtitle at its foot, and who the edition
 * is for and its particulars at the foot of the page. */
void kg_pw_cover(kg_pw *c)
{
	const kg_doc_meta *m = &c->doc->meta;
	const kg_pdf_style *st = c->st;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	kg_tstyle t;
	float band = c->geom.page_h * st->m.cover_band, y, indent;
	size_t from = kg_lay_mark(&c->lay), first_page = kg_lay_run_pages(&c->lay);
	size_t gap;

	kg_lay_part(&c->lay, "");
	kg_pw_tag_open(c, KG_ST_DIV); /* the cover: a paragraph per line */
	gap = kg_lay_gap(&c->lay, 0, 1); /* set below, when the title's height is known */
	t = kg_pw_style(KG_FACE_SANS_BOLD, st->small, kg_rgb_tint(st->cover_text,
						     st->m.cover_edition_tint));
	kg_pw_text(c, &in, &t, kg_pw_smart(c, m->edition_title));
	S_cover_para(c, &in, &o);
	kg_lay_space(&c->lay, st->m.cover_title_gap);
	kg_inline_reset(&in);
	t = kg_pw_style(KG_FACE_SANS_BOLD, st->cover_title, st->cover_text);
	kg_pw_text(c, &in, &t, kg_pw_smart(c, m->title));
	o.leading = st->m.cover_title_leading;
	S_cover_para(c, &in, &o);
	if (*m->subtitle) {
		kg_lay_space(&c->lay, st->m.cover_subtitle_gap);
		kg_inline_reset(&in);
		t = kg_pw_style(KG_FACE_SANS, st->cover_subtitle,
			    kg_rgb_tint(st->cover_text, st->m.cover_subtitle_tint));
		kg_pw_text(c, &in, &t, kg_pw_smart(c, m->subtitle));
		o.leading = st->m.cover_subtitle_leading;
		S_cover_para(c, &in, &o);
	}
	y = band - st->m.cover_band_gap - c->geom.body_y - kg_lay_flow_height(&c->lay, gap + 1);
	kg_lay_gap_set(&c->lay, gap, y > 0 ? y : 0);

	gap = kg_lay_gap(&c->lay, 0, 0); /* set below: the particulars end the page */
	S_cover_notice(c);
	indent = S_cover_indent(c);
	S_cover_field(c, st->labels.edition, m->edition_title, KG_FACE_SANS_BOLD,
		      st->body + st->m.cover_field_size, indent);
	S_cover_field(c, st->labels.version, m->version, KG_FACE_SANS,
		      st->body + st->m.cover_field_size, indent);
	S_cover_field(c, st->labels.publisher, m->publisher, KG_FACE_SANS,
		      st->body + st->m.cover_field_size, indent);
	S_cover_field(c, st->labels.licence, m->licence, KG_FACE_SANS,
		      st->body + st->m.cover_field_size, indent);
	S_cover_field(c, st->labels.digest, m->digest, KG_FACE_MONO, st->small,
		      indent);
	S_cover_field(c, st->labels.build_digest, m->build_digest, KG_FACE_MONO,
		      st->small, indent);
	y = kg_lay_body_height(&c->lay) - kg_lay_flow_height(&c->lay, from) - 1;
	kg_lay_gap_set(&c->lay, gap,
		       y > st->m.cover_fields_gap ? y : st->m.cover_fields_gap);
	kg_inline_free(&in);
	kg_pw_tag_close(c);
	kg_lay_paginate(&c->lay, from, KG_PW_COVER);
	/* the block of colour, across the whole first page */
	kg_lay_page_set(&c->lay, first_page, KG_LAY_BACK,
			kg_lay_free_begin(&c->lay, 0));
	kg_lay_put_rect(&c->lay, 0, 0, c->geom.page_w, band, st->cover);
	kg_lay_put_rect(&c->lay, 0, band, c->geom.page_w, st->m.cover_rule,
			st->cover_rule);
	kg_lay_free_end(&c->lay);
	kg_pw_run_end(c);
}

/* The room every contents entry keeps for its page number: four digits
 * of a part's entry, the widest, so the leaders of parts and of their
 * sections end in the same place (layout.h: ref_room). */
static float S_toc_ref_room(kg_pw *c)
{
	float size = c->st->body + c->st->m.contents_part_size;
	kg_buf four = KG_BUF_INIT;
	long w;

	kg_digits_put(&four, c->st->labels.digits, 8888);
	w = kg_fonts_width(c->fonts, KG_FACE_SANS_BOLD, four.ptr, four.len);
	kg_buf_release(&four);
	return (float)w * size / 1000.0f;
}

/* One contents entry: the title, dot leaders, the page; all of it a link,
 * from the title's left to the page number's right. */
static void S_toc_entry(kg_pw *c, const kg_block *s, int level)
{
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	kg_tstyle t, ref;
	char target[256];

	snprintf(target, sizeof(target), "#%s", s->id);
	t = level == 1 ? kg_pw_style(KG_FACE_SANS_BOLD, c->st->body + c->st->m.contents_part_size,
				     c->st->text)
		       : kg_pw_style(KG_FACE_REGULAR, c->st->body, c->st->text);
	ref = t;
	t.link = kg_lay_link(&c->lay, target);
	kg_pw_tag_open(c, KG_ST_TOCI); /* the entry: a link, its page */
	t.tag = kg_pw_tag_add(c, 0, KG_ST_LINK);
	kg_pw_text(c, &in, &t, kg_pw_smart(c, s->title));
	o.pageref = s->id;
	o.ref_style = &ref;
	o.ref_room = S_toc_ref_room(c);
	o.indent = level == 1 ? 0 : c->st->indent;
	kg_lay_space(&c->lay, level == 1 ? c->st->paragraph * c->st->m.contents_part_space
					 : c->st->m.contents_gap);
	kg_lay_para(&c->lay, &in, &o);
	kg_pw_tag_close(c);
	kg_inline_free(&in);
}

/* The contents: the entries compose put in the TOC block (doc.h). */
void kg_pw_contents(kg_pw *c)
{
	const kg_block *toc = kg_doc_toc(c->doc);
	kg_block head;
	size_t i, from = kg_lay_mark(&c->lay);

	memset(&head, 0, sizeof(head));
	head.type = KG_BLOCK_SECTION;
	head.level = 1;
	head.id = "contents";
	head.title = c->st->labels.contents;
	kg_pw_heading(c, &head);
	kg_pw_tag_open(c, KG_ST_TOC);
	for (i = 0; toc && i < toc->n; i++)
		S_toc_entry(c, toc->children[i], toc->children[i]->level);
	kg_pw_tag_close(c);
	kg_lay_paginate(&c->lay, from, KG_PW_CONTENTS);
	kg_pw_run_end(c);
}

/* The running footer's left side, in c->text: the version and edition. */
static void S_footer_left(kg_pw *c, const kg_doc_meta *m)
{
	const char *vars[] = {"version", m->version, "edition",
			      kg_pw_smart(c, m->edition_title), NULL};

	kg_buf_reset(&c->text);
	kg_pdf_label_fill(&c->text, c->st->labels.footer, vars);
}

/* "page N of M", in c->text, in the labels' digits. */
static void S_page_number(kg_pw *c, size_t page)
{
	kg_buf n = KG_BUF_INIT, of = KG_BUF_INIT;
	const char *vars[] = {"page", NULL, "pages", NULL, NULL};

	kg_digits_put(&n, c->st->labels.digits, page);
	kg_digits_put(&of, c->st->labels.digits, c->total_pages);
	vars[1] = n.ptr;
	vars[3] = of.ptr;
	kg_buf_reset(&c->text);
	kg_pdf_label_fill(&c->text, c->st->labels.page, vars);
	kg_buf_release(&n);
	kg_buf_release(&of);
}

/* ---- running header and footer ------------------------------------------------------- */

/* The cover's foot: the marking alone, on the footer's last line. */
static void S_cover_foot(kg_pw *c, size_t p, const kg_tstyle *tm)
{
	const kg_pdf_style *st = c->st;
	kg_inline in = KG_INLINE_INIT;
	float line = st->running * st->m.running_leading;

	kg_lay_page_set(&c->lay, p, KG_LAY_FOOT,
			kg_lay_free_begin(&c->lay, st->footer));
	kg_pw_text(c, &in, tm, kg_pw_smart(c, c->doc->meta.marking));
	kg_lay_put_line(&c->lay, &in, 0, st->footer - line,
			kg_lay_body_width(&c->lay), 0);
	kg_lay_free_end(&c->lay);
	kg_inline_free(&in);
}

void kg_pw_furniture(kg_pw *c)
{
	const kg_pdf_style *st = c->st;
	const kg_doc_meta *m = &c->doc->meta;
	kg_tstyle t = kg_pw_style(KG_FACE_SANS, st->running, st->muted);
	kg_tstyle tb = kg_pw_style(KG_FACE_SANS_BOLD, st->running, st->muted);
	/* the marking: every page's last line, bold, in the red flags' colour */
	kg_tstyle tm = kg_pw_style(KG_FACE_SANS_BOLD, st->running, st->red_flags);
	kg_inline in = KG_INLINE_INIT;
	float w = kg_lay_body_width(&c->lay);
	float line = st->running * st->m.running_leading;
	/* the footer's lines: the version and page, then the marking */
	float lines = m->marking ? 2 : 1;
	size_t p, n = kg_lay_run_pages(&c->lay);

	if (c->pass == KG_PW_MEASURE) /* the total is not known yet: any digit may come */
		kg_fonts_width(c->fonts, t.face, "0123456789", 10);
	for (p = 0; p < n; p++) {
		const char *part = kg_lay_page_part(&c->lay, p);

		if (kg_lay_page_kind(&c->lay, p) == KG_PW_COVER) {
			if (m->marking)
				S_cover_foot(c, p, &tm);
			continue;
		}
		kg_lay_page_set(&c->lay, p, KG_LAY_HEAD,
				kg_lay_free_begin(&c->lay, st->header));
		kg_inline_reset(&in);
		kg_pw_text(c, &in, &tb, kg_pw_smart(c, m->title));
		kg_lay_put_line(&c->lay, &in, 0, 0, w * st->m.running_title_width, 0);
		kg_inline_reset(&in);
		kg_pw_text(c, &in, &t, part);
		kg_lay_put_line(&c->lay, &in, w * st->m.running_part_at, 0,
				w - w * st->m.running_part_at, 2);
		kg_lay_put_rule(&c->lay, 0, line + st->m.running_rule_gap, w,
				st->m.running_rule, st->rule);
		kg_lay_free_end(&c->lay);

		kg_lay_page_set(&c->lay, p, KG_LAY_FOOT,
				kg_lay_free_begin(&c->lay, st->footer));
		kg_lay_put_rule(&c->lay, 0,
				st->footer - lines * line - st->m.running_rule_gap,
				w, st->m.running_rule, st->rule);
		kg_inline_reset(&in);
		S_footer_left(c, m);
		kg_pw_text(c, &in, &t, c->text.ptr);
		kg_lay_put_line(&c->lay, &in, 0, st->footer - lines * line,
				w * st->m.running_footer_left, 0);
		kg_inline_reset(&in);
		S_page_number(c, kg_lay_pages_before(&c->lay) + p + 1);
		kg_pw_text(c, &in, &t, c->text.ptr);
		kg_lay_put_line(&c->lay, &in, w * st->m.running_footer_left,
				st->footer - lines * line,
				w * st->m.running_page_width, 2);
		if (m->marking) {
			kg_inline_reset(&in);
			kg_pw_text(c, &in, &tm, kg_pw_smart(c, m->marking));
			kg_lay_put_line(&c->lay, &in, 0, st->footer - line, w, 0);
		}
		kg_lay_free_end(&c->lay);
	}
	kg_inline_free(&in);
}

/* ---- the watermark ----------------------------------------------------------------------- */

/* What it takes of the page's diagonal at most, its largest size, its
 * colour's opacity. */
#define S_WM_FILL 0.7f
#define S_WM_MAX 72.0f
#define S_WM_ALPHA 0.15f

void kg_pw_watermark(kg_pw *c)
{
	kg_watermark *w = &c->po.watermark;
	const char *text = c->doc->meta.watermark;
	float pw = c->geom.page_w, ph = c->geom.page_h;
	float diag = sqrtf(pw * pw + ph * ph), width;
	long em;
	uint32_t prev = 0;
	kg_buf b = KG_BUF_INIT;

	size_t i;

	free(c->watermark);
	c->watermark = NULL;
	free(w->runs);
	memset(w, 0, sizeof(*w));
	if (!text || !*text)
		return;
	kg_smart_append(&b, text, strlen(text), &prev);
	c->watermark = kg_buf_detach(&b, NULL);
	w->text = c->watermark;
	w->face = KG_FACE_SANS_BOLD;
	/* one line in the kit's direction, its runs of a script written
	 * the other way turned (the Unicode bidi algorithm) */
	w->rtl = kg_lay_rtl(&c->lay);
	w->nruns = kg_bidi_runs(w->text, strlen(w->text), w->rtl, &w->runs);
	for (em = 0, i = 0; i < w->nruns; i++)
		em += kg_fonts_width_dir(c->fonts, w->face, w->runs[i].level & 1,
					 w->text + w->runs[i].off,
					 w->runs[i].len);
	w->size = em > 0 ? S_WM_FILL * diag * 1000.0f / (float)em : S_WM_MAX;
	if (w->size > S_WM_MAX)
		w->size = S_WM_MAX;
	w->color = c->st->muted;
	w->alpha = S_WM_ALPHA;
	/* along the diagonal from the bottom left, centred on the page:
	 * the baseline's start half the text's width back along it and a
	 * third of its size below it */
	w->cos = pw / diag;
	w->sin = ph / diag;
	width = (float)em * w->size / 1000.0f;
	w->x = pw / 2 - width / 2 * w->cos + w->size / 3 * w->sin;
	w->y = ph / 2 + width / 2 * w->sin + w->size / 3 * w->cos;
}
