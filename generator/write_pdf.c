/*
 * write_pdf.c - the PDF writer: the composed document laid out by the
 * layout engine (layout.c), drawn page by page (render_pdf.c) into a PDF
 * file of our own making (pdf_file.c), in the look of
 * templates/pdf/style.yaml.
 *
 * Two passes over the document, laying it out identically, so that
 * memory holds one run of pages at a time, not the whole document:
 *
 *   1. lay out the cover, the contents and the body, cutting them into
 *      pages run by run, and keep only what later pages need: where each
 *      anchor landed (page, y), the number of pages, the outline entries;
 *      every character is measured, so the fonts' encoding can be made;
 *   2. lay it all out again; at the end of every run (the cover, the
 *      contents, each stretch of the body between forced page breaks,
 *      where a topic starts) cut it into pages, add the running header
 *      and footer ("page N of M", M known from pass 1), draw the pages,
 *      write them to the file and drop the run. The contents and the
 *      index can give page numbers of pages not yet drawn, and links
 *      can point forward, because page object numbers are reserved as
 *      one block once pass 1 has counted the pages.
 *
 * At the end: the fonts (which hold exactly the characters measured), the
 * page tree, the outline and the metadata, the xref table.
 *
 * One switch on the block type walks the tree, as in write_md.c; prose is
 * a cmark tree, walked block by block with one switch on the node type,
 * its inlines through cmark_iter.
 */
#include "writer.h"

#include <cmark.h>
#include <hpdf.h>
#include <stdlib.h>
#include <string.h>
#include <stdio.h>
#include <time.h>

#include "alloc.h"
#include "fonts.h"
#include "kit.h"
#include "layout.h"
#include "markdown.h"
#include "pdf_file.h"
#include "pdf_outline.h"
#include "pdf_style.h"
#include "render_pdf.h"
#include "smart.h"

#ifndef KG_VERSION /* the Makefile defines it */
#define KG_VERSION "0.1.0"
#endif

enum { S_COVER, S_CONTENTS, S_BODY };

#define S_WHITE 0xFFFFFFu

typedef struct S_ctx {
	const kg_doc *doc;
	const kg_pdf_style *st;
	kg_lay lay;
	kg_geom geom;
	int pass;           /* 1: count and measure; 2: draw and write */
	int in_body;        /* runs may end at forced page breaks */
	size_t total_pages; /* known after pass 1 */
	kg_pdf_file *pdf;   /* pass 2 */
	kg_page_objs po;
	kg_diags *d;
	int failed;         /* a run could not be written */
	int overrun;        /* pass 2 made more pages than pass 1 */
	kg_outline outline; /* collected in pass 1 */
	int depth;     /* list nesting */
	/* for the next paragraph: a run-in label and a list marker */
	const kg_inline *lead;
	const kg_inline *marker;
	float marker_x;
	int suppress;  /* no space above the next block (top of an item) */
	kg_buf tmp, text;
	kg_inline para; /* the paragraph being set, reused */
} S_ctx;

static void S_block(S_ctx *c, const kg_block *b);
static void S_children(S_ctx *c, const kg_block *b);
static void S_run_break(S_ctx *c);
static void S_run_end(S_ctx *c);

/* ---- styles ------------------------------------------------------------------ */

static kg_tstyle S_style(kg_face face, float size, kg_rgb color)
{
	kg_tstyle t;

	t.face = face;
	t.size = size;
	t.color = color;
	t.code = 0;
	t.link = -1;
	return t;
}

static kg_face S_face(int bold, int italic)
{
	if (bold && italic)
		return KG_FACE_BOLD_ITALIC;
	return bold ? KG_FACE_BOLD : italic ? KG_FACE_ITALIC : KG_FACE_REGULAR;
}

/* Space above the next block, unless it opens a list item. */
static void S_space(S_ctx *c, float pts)
{
	if (c->suppress)
		c->suppress = 0;
	else
		kg_lay_space(&c->lay, pts);
}

static kg_para_opts S_para(const S_ctx *c)
{
	kg_para_opts o;

	memset(&o, 0, sizeof(o));
	o.leading = c->st->leading;
	return o;
}

/* Plain text with smart punctuation, in c->tmp. */
static const char *S_smart(S_ctx *c, const char *text)
{
	uint32_t prev = 0;

	kg_buf_reset(&c->tmp);
	kg_smart_append(&c->tmp, text, strlen(text), &prev);
	return c->tmp.ptr;
}

static void S_text(S_ctx *c, kg_inline *in, const kg_tstyle *t, const char *s)
{
	kg_inline_text(&c->lay, in, t, s, strlen(s), 0);
}

static void S_mark_add(S_ctx *c, int level, const char *title, const char *id)
{
	if (c->pass == 1) /* pass 2 meets the same headings again */
		kg_outline_add(&c->outline, level, title, id);
}

/* ---- prose: cmark inlines ------------------------------------------------------ */

typedef struct S_env {
	kg_tstyle base; /* the paragraph's text */
} S_env;

/* The inlines of a cmark block node, appended to in. */
static void S_inlines(S_ctx *c, cmark_node *node, const S_env *env, kg_inline *in)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	int bold = env->base.face == KG_FACE_BOLD || env->base.face == KG_FACE_BOLD_ITALIC;
	int italic = env->base.face == KG_FACE_ITALIC ||
		     env->base.face == KG_FACE_BOLD_ITALIC;
	int link = -1;
	uint32_t prev = 0;
	const char *lit;
	kg_tstyle t;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		const char *url;

		if (n == node)
			continue;
		t = env->base;
		t.face = S_face(bold, italic);
		t.link = link;
		if (link >= 0)
			t.color = c->st->link;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_EMPH:
			italic += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			bold += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			url = cmark_node_get_url(n);
			if (enter && url && kg_md_url_safe(url))
				link = kg_lay_link(&c->lay, url);
			else if (!enter)
				link = -1;
			break;
		case CMARK_NODE_TEXT:
		case CMARK_NODE_HTML_INLINE:
			lit = cmark_node_get_literal(n);
			kg_buf_reset(&c->text);
			kg_smart_append(&c->text, lit, strlen(lit), &prev);
			kg_inline_text(&c->lay, in, &t, c->text.ptr, c->text.len, 0);
			break;
		case CMARK_NODE_CODE:
			t.face = KG_FACE_MONO;
			t.size = env->base.size * c->st->code / c->st->body;
			t.code = 1;
			if (link < 0)
				t.color = c->st->text;
			lit = cmark_node_get_literal(n);
			S_text(c, in, &t, lit);
			prev = *lit ? (unsigned char)lit[strlen(lit) - 1] : prev;
			break;
		case CMARK_NODE_SOFTBREAK:
			S_text(c, in, &t, " ");
			prev = ' ';
			break;
		case CMARK_NODE_LINEBREAK:
			kg_inline_break(&c->lay, in, &t);
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* ---- prose: cmark blocks ------------------------------------------------------- */

static void S_md_blocks(S_ctx *c, cmark_node *parent, const S_env *env);

/* A paragraph of in, with the pending run-in label and list marker. */
static void S_paragraph(S_ctx *c, kg_inline *in, kg_para_opts *o)
{
	kg_inline all = KG_INLINE_INIT;

	if (c->lead) {
		size_t i;

		for (i = 0; i < c->lead->n; i++) {
			KG_GROW(all.p, all.cap, all.n + 1);
			all.p[all.n++] = c->lead->p[i];
		}
		for (i = 0; i < in->n; i++) {
			KG_GROW(all.p, all.cap, all.n + 1);
			all.p[all.n++] = in->p[i];
		}
		in = &all;
		c->lead = NULL;
	}
	if (c->marker) {
		o->marker = c->marker;
		o->marker_x = c->marker_x;
		c->marker = NULL;
	}
	if (in->n == 0 && o->marker) /* an item that starts with a block */
		kg_inline_text(&c->lay, in, &o->marker->p[0].st, " ", 1, 0);
	kg_lay_para(&c->lay, in, o);
	kg_inline_free(&all);
}

static void S_md_paragraph(S_ctx *c, cmark_node *n, const S_env *env)
{
	kg_para_opts o = S_para(c);

	kg_inline_reset(&c->para);
	S_inlines(c, n, env, &c->para);
	S_space(c, c->st->paragraph);
	S_paragraph(c, &c->para, &o);
}

static const char *const S_bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93",
					"\xE2\x96\xAA"}; /* bullet, en dash, square */

/* The marker of item number i (from 1) of a list. */
static void S_marker(S_ctx *c, kg_inline *m, int ordered, long number,
		     int delim_paren, const S_env *env)
{
	kg_tstyle t = env->base;
	char num[32];

	kg_inline_reset(m);
	if (ordered) {
		snprintf(num, sizeof(num), "%ld%c", number, delim_paren ? ')' : '.');
		S_text(c, m, &t, num);
	} else {
		t.color = c->st->accent;
		S_text(c, m, &t, S_bullets[c->depth % 3]);
	}
}

/* One list item: indented, its marker hung in the indent. */
static void S_item_open(S_ctx *c, const kg_inline *marker, float *ox, float *ow)
{
	kg_lay_indent(&c->lay, c->st->indent, ox, ow);
	c->marker = marker;
	c->marker_x = -4.5f;
	c->depth++;
	c->suppress = 1;
}

static void S_item_close(S_ctx *c, float ox, float ow)
{
	c->depth--;
	c->marker = NULL;
	c->suppress = 0;
	kg_lay_outdent(&c->lay, ox, ow);
}

static void S_md_list(S_ctx *c, cmark_node *list, const S_env *env)
{
	int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int tight = cmark_node_get_list_tight(list);
	long number = ordered ? cmark_node_get_list_start(list) : 0;
	int paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;
	kg_inline marker = KG_INLINE_INIT;
	cmark_node *item;
	float ox, ow;

	for (item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		S_marker(c, &marker, ordered, number++, paren, env);
		S_space(c, tight && item != cmark_node_first_child(list)
				   ? c->st->paragraph / 2.5f : c->st->paragraph);
		S_item_open(c, &marker, &ox, &ow);
		S_md_blocks(c, item, env);
		S_item_close(c, ox, ow);
	}
	kg_inline_free(&marker);
}

/* One line of a code block (len bytes at p) in c->tmp, tabs to four
 * columns. */
static void S_code_line(S_ctx *c, const char *p, size_t len)
{
	size_t i;

	kg_buf_reset(&c->tmp);
	for (i = 0; i < len; i++) {
		if (p[i] == '\t')
			kg_buf_puts(&c->tmp, "    ");
		else
			kg_buf_putc(&c->tmp, p[i]);
	}
}

static void S_md_code_block(S_ctx *c, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n), *p = lit ? lit : "";
	kg_tstyle t = S_style(KG_FACE_MONO, c->st->code, c->st->text);
	kg_box_style bs;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = S_para(c);

	memset(&bs, 0, sizeof(bs));
	bs.fill = c->st->code_background;
	bs.bar = c->st->rule;
	bs.pad = c->st->box_padding * 0.8f;
	S_space(c, c->st->paragraph);
	kg_lay_box_open(&c->lay, &bs);
	o.leading = 1.3f;
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		S_code_line(c, p, len);
		kg_inline_reset(&in);
		if (c->tmp.len)
			kg_inline_text(&c->lay, &in, &t, c->tmp.ptr, c->tmp.len, 1);
		else
			kg_inline_break(&c->lay, &in, &t);
		kg_lay_para(&c->lay, &in, &o);
		p += len + (nl ? 1 : 0);
	}
	kg_lay_box_close(&c->lay);
	kg_inline_free(&in);
}

static void S_md_quote(S_ctx *c, cmark_node *n, const S_env *env)
{
	kg_box_style bs;
	S_env inner = *env;

	memset(&bs, 0, sizeof(bs));
	bs.fill = S_WHITE;
	bs.bar = c->st->rule;
	bs.bar_w = 2.5f;
	bs.pad = c->st->box_padding * 0.6f;
	bs.pad_left = 4;
	inner.base.color = c->st->muted;
	S_space(c, c->st->paragraph);
	kg_lay_box_open(&c->lay, &bs);
	S_md_blocks(c, n, &inner);
	kg_lay_box_close(&c->lay);
}

static void S_md_heading(S_ctx *c, cmark_node *n, const S_env *env)
{
	S_env h = *env;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = S_para(c);

	h.base.face = KG_FACE_BOLD;
	h.base.size = cmark_node_get_heading_level(n) <= 2 ? c->st->h3 : env->base.size;
	S_inlines(c, n, &h, &in);
	S_space(c, c->st->paragraph * 2);
	o.keep = 1;
	S_paragraph(c, &in, &o);
	kg_inline_free(&in);
}

static void S_md_blocks(S_ctx *c, cmark_node *parent, const S_env *env)
{
	cmark_node *n;

	for (n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HTML_BLOCK:
			S_md_paragraph(c, n, env);
			break;
		case CMARK_NODE_LIST:
			S_md_list(c, n, env);
			break;
		case CMARK_NODE_CODE_BLOCK:
			S_md_code_block(c, n);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			S_md_quote(c, n, env);
			break;
		case CMARK_NODE_HEADING:
			S_md_heading(c, n, env);
			break;
		case CMARK_NODE_THEMATIC_BREAK:
			S_space(c, c->st->paragraph * 2);
			kg_lay_rule(&c->lay, c->st->rule, 0.6f, 0);
			break;
		default:
			break;
		}
	}
}

static S_env S_body_env(const S_ctx *c)
{
	S_env env;

	env.base = S_style(KG_FACE_REGULAR, c->st->body, c->st->text);
	return env;
}

static void S_prose(S_ctx *c, const kg_block *b, const S_env *env)
{
	cmark_node *md = kg_prose_parse(b);

	S_md_blocks(c, md, env);
	cmark_node_free(md);
}

/* ---- the document tree ------------------------------------------------------------ */

static void S_heading(S_ctx *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = S_para(c);
	kg_tstyle t;
	const char *title;

	if (b->flags & KG_SECTION_NEW_PAGE) /* first: a run's end uses c->tmp */
		S_run_break(c);
	title = S_smart(c, b->title);
	o.keep = 1;
	o.dest = b->id;
	o.leading = 1.25f;
	if (b->level <= 3)
		S_mark_add(c, b->level, title, b->id);
	if (b->flags & KG_SECTION_NEW_PAGE)
		kg_lay_page_break(&c->lay);
	if (b->level == 1) {
		kg_lay_part(&c->lay, title);
		kg_lay_space(&c->lay, st->section * 2);
		kg_lay_rule(&c->lay, st->accent, 3, 36);
		kg_lay_keep(&c->lay);
		kg_lay_space(&c->lay, st->h1 * 0.45f);
		t = S_style(KG_FACE_BOLD, st->h1, st->text);
	} else if (b->level == 2) {
		kg_lay_space(&c->lay, st->section);
		t = S_style(KG_FACE_BOLD, st->h2, st->accent);
	} else if (b->level == 3) {
		kg_lay_space(&c->lay, st->section * 0.8f);
		t = S_style(KG_FACE_BOLD, st->h3, st->text);
	} else {
		kg_lay_space(&c->lay, st->paragraph * 2);
		t = S_style(KG_FACE_BOLD, st->body, st->text);
	}
	S_text(c, &in, &t, title);
	c->suppress = 0;
	kg_lay_para(&c->lay, &in, &o);
	if (b->level == 1)
		kg_lay_space(&c->lay, st->paragraph * 2);
	kg_inline_free(&in);
}

/* A label run into the first paragraph of the body, or on a line of its
 * own when the body starts with something else. */
static void S_labelled(S_ctx *c, const char *label, const kg_block *b,
		       kg_rgb color)
{
	const kg_block *first = b->n ? b->children[0] : NULL;
	int run_in = kg_prose_starts_with_paragraph(first);
	kg_inline lead = KG_INLINE_INIT;
	kg_tstyle t = S_style(KG_FACE_BOLD, c->st->body, color);

	S_smart(c, label);
	kg_buf_puts(&c->tmp, run_in ? ": " : ":");
	kg_inline_text(&c->lay, &lead, &t, c->tmp.ptr, c->tmp.len, 0);
	if (run_in) {
		c->lead = &lead;
		S_children(c, b);
		c->lead = NULL;
	} else {
		kg_para_opts o = S_para(c);

		S_space(c, c->st->paragraph);
		o.keep = 1;
		S_paragraph(c, &lead, &o);
		S_children(c, b);
	}
	kg_inline_free(&lead);
}

static void S_fields(S_ctx *c, const kg_block *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		S_labelled(c, b->children[i]->title, b->children[i], c->st->text);
}

static kg_rgb S_band_colour(const S_ctx *c, int band)
{
	return band == KG_BAND_STRONG ? c->st->strong :
	       band == KG_BAND_ACCEPTABLE ? c->st->acceptable : c->st->weak;
}

/* A rubric: three bands, each a tinted box with its label in a coloured
 * strip on the left. */
static void S_rubric(S_ctx *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	kg_inline label = KG_INLINE_INIT;
	kg_tstyle t = S_style(KG_FACE_BOLD, st->small, S_WHITE);
	float strip = 74;
	size_t i;

	S_space(c, st->paragraph * 1.5f);
	for (i = 0; i < b->n; i++) {
		const kg_block *band = b->children[i];
		kg_box_style bs;
		kg_rgb col = S_band_colour(c, band->style);

		memset(&bs, 0, sizeof(bs));
		bs.fill = kg_rgb_tint(col, st->tint);
		bs.strip = col;
		bs.strip_w = strip;
		bs.pad = st->box_padding;
		kg_inline_reset(&label);
		S_text(c, &label, &t, S_smart(c, band->title));
		bs.label = &label;
		if (i)
			kg_lay_space(&c->lay, 2);
		kg_lay_box_open(&c->lay, &bs);
		S_children(c, band);
		kg_lay_box_close(&c->lay);
	}
	kg_inline_free(&label);
}

static kg_rgb S_callout_colour(const S_ctx *c, int style)
{
	switch (style) {
	case KG_CALLOUT_CUES: return c->st->cues;
	case KG_CALLOUT_RED_FLAGS: return c->st->weak;
	case KG_CALLOUT_STRONG: case KG_CALLOUT_GOOD_NOTE: return c->st->strong;
	case KG_CALLOUT_WEAK: return c->st->acceptable;
	case KG_CALLOUT_BAD_NOTE: return c->st->weak;
	default: return c->st->note;
	}
}

static const char *S_callout_icon(int style)
{
	switch (style) {
	case KG_CALLOUT_STRONG: case KG_CALLOUT_GOOD_NOTE: return "\xE2\x9C\x93 ";
	case KG_CALLOUT_WEAK: case KG_CALLOUT_BAD_NOTE: return "\xE2\x9C\x97 ";
	case KG_CALLOUT_RED_FLAGS: return "\xE2\x9A\xA0 ";
	default: return "";
	}
}

static void S_callout(S_ctx *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	kg_rgb col = S_callout_colour(c, b->style);
	kg_box_style bs;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = S_para(c);
	kg_tstyle t = S_style(KG_FACE_BOLD, st->small, col);

	memset(&bs, 0, sizeof(bs));
	bs.fill = kg_rgb_tint(col, st->tint);
	bs.bar = col;
	bs.bar_w = 3;
	bs.pad = st->box_padding;
	bs.pad_left = 3;
	S_space(c, st->paragraph * 1.6f);
	kg_lay_box_open(&c->lay, &bs);
	S_text(c, &in, &t, S_callout_icon(b->style));
	S_text(c, &in, &t, S_smart(c, b->title));
	o.keep = 1;
	kg_lay_para(&c->lay, &in, &o);
	kg_lay_space(&c->lay, 2.5f);
	c->suppress = 1;
	S_children(c, b);
	c->suppress = 0;
	kg_lay_box_close(&c->lay);
	kg_inline_free(&in);
}

/* A cell is one kg_inline, so its blocks become lines of it: paragraphs
 * and headings as they are, code blocks a line of monospace per line of
 * code, list items after their marker, quotes as their blocks. Every
 * block kind the other formats show in a cell shows here too. `fresh`
 * holds the next line on the current one (a list item's first block
 * follows its marker). */
typedef struct S_cell_ctx {
	const S_env *env;
	kg_inline *in;
	int fresh;
} S_cell_ctx;

static void S_cell_blocks(S_ctx *c, cmark_node *parent, S_cell_ctx *cc);

static void S_cell_line(S_ctx *c, S_cell_ctx *cc)
{
	if (!cc->fresh && cc->in->n)
		kg_inline_break(&c->lay, cc->in, &cc->env->base);
	cc->fresh = 0;
}

static void S_cell_code(S_ctx *c, cmark_node *n, S_cell_ctx *cc)
{
	const char *p = cmark_node_get_literal(n);
	kg_tstyle t = cc->env->base;

	t.face = KG_FACE_MONO;
	t.size = cc->env->base.size * c->st->code / c->st->body;
	t.color = c->st->text;
	for (p = p ? p : ""; *p;) {
		size_t len = strcspn(p, "\n");

		S_code_line(c, p, len);
		S_cell_line(c, cc);
		if (c->tmp.len)
			kg_inline_text(&c->lay, cc->in, &t, c->tmp.ptr, c->tmp.len, 1);
		p += len + (p[len] == '\n');
	}
}

static void S_cell_list(S_ctx *c, cmark_node *list, S_cell_ctx *cc)
{
	int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	long number = ordered ? cmark_node_get_list_start(list) : 0;
	cmark_node *item;
	char marker[32];

	for (item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		if (ordered)
			snprintf(marker, sizeof(marker), "%ld%c ", number++,
				 cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM
					 ? ')' : '.');
		else
			snprintf(marker, sizeof(marker), "\xE2\x80\xA2 "); /* • */
		S_cell_line(c, cc);
		S_text(c, cc->in, &cc->env->base, marker);
		cc->fresh = 1;
		S_cell_blocks(c, item, cc);
	}
}

static void S_cell_blocks(S_ctx *c, cmark_node *parent, S_cell_ctx *cc)
{
	cmark_node *n;

	for (n = cmark_node_first_child(parent); n; n = cmark_node_next(n)) {
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_PARAGRAPH:
		case CMARK_NODE_HEADING:
			S_cell_line(c, cc);
			S_inlines(c, n, cc->env, cc->in);
			break;
		case CMARK_NODE_CODE_BLOCK:
			S_cell_code(c, n, cc);
			break;
		case CMARK_NODE_LIST:
			S_cell_list(c, n, cc);
			break;
		case CMARK_NODE_BLOCK_QUOTE:
			S_cell_blocks(c, n, cc);
			break;
		default: /* raw HTML shows nowhere; a rule has no text */
			break;
		}
	}
}

/* The content of a cell, appended to in, a line per block. */
static void S_cell(S_ctx *c, const kg_block *cell, const S_env *env, kg_inline *in)
{
	S_cell_ctx cc = {env, in, 0};
	size_t i;

	for (i = 0; i < cell->n; i++) {
		cmark_node *md;

		if (cell->children[i]->type != KG_BLOCK_PROSE)
			continue;
		md = kg_prose_parse(cell->children[i]);
		S_cell_blocks(c, md, &cc);
		cmark_node_free(md);
	}
}

static void S_table(S_ctx *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	size_t ncols = 0, r, k;
	kg_inline *cells;
	kg_table_style ts;
	S_env head, body;

	for (r = 0; r < b->n; r++)
		ncols = b->children[r]->n > ncols ? b->children[r]->n : ncols;
	if (!ncols)
		return;
	cells = kg_xcalloc(b->n * ncols, sizeof(*cells));
	head.base = S_style(KG_FACE_BOLD, st->table, st->table_header_text);
	body.base = S_style(KG_FACE_REGULAR, st->table, st->text);
	for (r = 0; r < b->n; r++)
		for (k = 0; k < b->children[r]->n; k++)
			S_cell(c, b->children[r]->children[k], r ? &body : &head,
			       &cells[r * ncols + k]);
	memset(&ts, 0, sizeof(ts));
	ts.pad = 4;
	ts.leading = 1.26f;
	ts.head_fill = st->table_header;
	ts.stripe = st->table_stripe;
	ts.rule = st->rule;
	S_space(c, st->paragraph * 2);
	kg_lay_table(&c->lay, cells, b->n, ncols, &ts);
	for (k = 0; k < b->n * ncols; k++)
		kg_inline_free(&cells[k]);
	free(cells);
}

/* A scorecard, a form: the label row, then per dimension its name and
 * detail, a box to tick per band and room for the evidence. */
static void S_scorecard(S_ctx *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	const kg_block *head = b->n ? b->children[0] : NULL;
	size_t ncols = head ? head->n : 0, nrows = b->n, r, k;
	kg_inline *cells;
	float *widths;
	unsigned char *centre;
	kg_table_style ts;
	S_env hs;
	kg_tstyle name = S_style(KG_FACE_BOLD, st->table + 0.4f, st->text);
	kg_tstyle box = S_style(KG_FACE_REGULAR, st->body * 1.45f, st->muted);
	S_env detail;

	if (ncols < 2)
		return;
	cells = kg_xcalloc(nrows * ncols, sizeof(*cells));
	widths = kg_xcalloc(ncols, sizeof(*widths));
	centre = kg_xcalloc(ncols, sizeof(*centre));
	hs.base = S_style(KG_FACE_BOLD, st->table, st->table_header_text);
	detail.base = S_style(KG_FACE_REGULAR, st->table, st->muted);
	for (k = 0; k < ncols; k++)
		S_cell(c, head->children[k], &hs, &cells[k]);
	for (r = 1; r < nrows; r++) {
		const kg_block *dim = b->children[r];
		kg_inline *first = &cells[r * ncols];

		S_text(c, first, &name, S_smart(c, dim->title));
		S_cell(c, dim, &detail, first); /* on the lines below */
		for (k = 1; k + 1 < ncols; k++)
			S_text(c, &cells[r * ncols + k], &box, "\xE2\x98\x90");
	}
	/* the band columns as wide as their labels; the dimension and the
	 * evidence share the rest */
	widths[0] = 1;
	for (k = 1; k + 1 < ncols; k++) {
		float w = kg_inline_width(&cells[k]) + 2 * 5 + 4;

		widths[k] = (w > 34 ? w : 34) / c->lay.w;
		widths[0] -= widths[k];
		centre[k] = 1;
	}
	widths[0] /= 2;
	widths[ncols - 1] = widths[0];
	memset(&ts, 0, sizeof(ts));
	ts.pad = 5;
	ts.leading = 1.3f;
	ts.head_fill = st->table_header;
	ts.stripe = S_WHITE;
	ts.rule = st->rule;
	ts.widths = widths;
	ts.centre = centre;
	ts.min_row = 50;
	ts.grid = 1;
	S_space(c, st->paragraph * 2);
	kg_lay_table(&c->lay, cells, nrows, ncols, &ts);
	for (k = 0; k < nrows * ncols; k++)
		kg_inline_free(&cells[k]);
	free(cells);
	free(widths);
	free(centre);
}

/* Room to write by hand: the label and a line, or the label above lines. */
static void S_notes(S_ctx *c, const kg_block *b)
{
	kg_tstyle t = S_style(KG_FACE_BOLD, c->st->small, c->st->muted);
	kg_inline label = KG_INLINE_INIT;
	int i;

	if (b->title) {
		S_smart(c, b->title);
		kg_buf_putc(&c->tmp, ':');
		S_text(c, &label, &t, c->tmp.ptr);
	}
	S_space(c, c->st->paragraph * 1.5f);
	if (b->level <= 1) {
		kg_lay_fill_line(&c->lay, &label, 20, c->st->muted);
	} else {
		if (label.n) {
			kg_para_opts o = S_para(c);

			o.keep = 1;
			kg_lay_para(&c->lay, &label, &o);
		}
		for (i = 0; i < b->level; i++) { /* kept together */
			kg_lay_fill_line(&c->lay, NULL, 21, c->st->rule);
			if (i + 1 < b->level)
				kg_lay_keep(&c->lay);
		}
	}
	kg_inline_free(&label);
}

/* The first in-page link of an item: the place an index entry stands for. */
static char *S_first_anchor(const kg_block *item)
{
	size_t i;

	for (i = 0; i < item->n; i++) {
		cmark_node *md;
		cmark_iter *it;
		cmark_event_type ev;
		char *found = NULL;

		if (item->children[i]->type != KG_BLOCK_PROSE)
			continue;
		md = kg_prose_parse(item->children[i]);
		it = cmark_iter_new(md);
		while (!found && (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
			cmark_node *n = cmark_iter_get_node(it);
			const char *url = cmark_node_get_url(n);

			if (ev == CMARK_EVENT_ENTER &&
			    cmark_node_get_type(n) == CMARK_NODE_LINK && url &&
			    url[0] == '#')
				found = kg_xstrdup(url + 1);
		}
		cmark_iter_free(it);
		cmark_node_free(md);
		if (found)
			return found;
	}
	return NULL;
}

/* An index: each entry's text, dot leaders and the page it points to. */
static void S_index(S_ctx *c, const kg_block *list)
{
	kg_tstyle ref = S_style(KG_FACE_REGULAR, c->st->body, c->st->text);
	S_env env = S_body_env(c);
	size_t i, k;

	for (i = 0; i < list->n; i++) {
		const kg_block *item = list->children[i];
		char *anchor = S_first_anchor(item);
		kg_inline in = KG_INLINE_INIT;
		kg_para_opts o = S_para(c);

		for (k = 0; k < item->n; k++)
			if (item->children[k]->type == KG_BLOCK_PROSE) {
				cmark_node *md = kg_prose_parse(item->children[k]);
				cmark_node *n;

				for (n = cmark_node_first_child(md); n;
				     n = cmark_node_next(n))
					S_inlines(c, n, &env, &in);
				cmark_node_free(md);
			}
		o.pageref = anchor;
		o.ref_style = &ref;
		S_space(c, i ? 1.5f : c->st->paragraph);
		kg_lay_para(&c->lay, &in, &o);
		kg_inline_free(&in);
		free(anchor);
	}
}

static void S_list(S_ctx *c, const kg_block *b)
{
	S_env env = S_body_env(c);
	kg_inline marker = KG_INLINE_INIT;
	size_t i;
	float ox, ow;

	if (b->style == KG_LIST_INDEX) {
		S_index(c, b);
		return;
	}
	for (i = 0; i < b->n; i++) {
		S_marker(c, &marker, b->style == KG_LIST_ORDERED, (long)i + 1, 0, &env);
		S_space(c, i ? c->st->paragraph / 2.5f : c->st->paragraph);
		S_item_open(c, &marker, &ox, &ow);
		S_children(c, b->children[i]);
		S_item_close(c, ox, ow);
	}
	kg_inline_free(&marker);
}

static void S_children(S_ctx *c, const kg_block *b)
{
	size_t i;

	kg_section_open(b);
	for (i = 0; i < b->n; i++)
		S_block(c, b->children[i]);
	kg_section_close(b);
}

static void S_block(S_ctx *c, const kg_block *b)
{
	S_env env = S_body_env(c);

	switch (b->type) {
	case KG_BLOCK_DOCUMENT:
	case KG_BLOCK_ITEM:
	case KG_BLOCK_CELL:
		S_children(c, b);
		break;
	case KG_BLOCK_SECTION:
		S_heading(c, b);
		S_children(c, b);
		break;
	case KG_BLOCK_PROSE:
		S_prose(c, b, &env);
		break;
	case KG_BLOCK_LIST:
		S_list(c, b);
		break;
	case KG_BLOCK_FIELDS:
		S_fields(c, b);
		break;
	case KG_BLOCK_FIELD:
		S_labelled(c, b->title, b, c->st->text);
		break;
	case KG_BLOCK_RUBRIC:
		S_rubric(c, b);
		break;
	case KG_BLOCK_BAND:
		S_children(c, b);
		break;
	case KG_BLOCK_CALLOUT:
		S_callout(c, b);
		break;
	case KG_BLOCK_TABLE:
		S_table(c, b);
		break;
	case KG_BLOCK_ROW:
		break; /* rows are laid out by their table */
	case KG_BLOCK_TOC:
		break; /* the contents are a flow of their own, in front */
	case KG_BLOCK_SCORECARD:
		S_scorecard(c, b);
		break;
	case KG_BLOCK_DIMENSION:
		break; /* dimensions are laid out by their scorecard */
	case KG_BLOCK_NOTES:
		S_notes(c, b);
		break;
	case KG_BLOCK_CHART:
		break; /* its figures are in a table beside it */
	}
}

/* ---- cover and contents ------------------------------------------------------------ */

static float S_flow_height(const kg_lay *lay, size_t from)
{
	float h = 0;
	size_t i;

	for (i = from; i < lay->nel; i++)
		h += lay->el[i].space + lay->el[i].h;
	return h;
}

/* A cover line: a label in the left column, the value beside it. */
static void S_cover_field(S_ctx *c, const char *label, const char *value,
			  kg_face face, float size)
{
	kg_inline lab = KG_INLINE_INIT, in = KG_INLINE_INIT;
	kg_tstyle tl = S_style(KG_FACE_REGULAR, c->st->small, c->st->muted);
	kg_tstyle tv = S_style(face, size, c->st->text);
	kg_para_opts o = S_para(c);

	if (!value || !*value)
		return;
	S_text(c, &lab, &tl, label);
	S_text(c, &in, &tv, face == KG_FACE_MONO ? value : S_smart(c, value));
	o.indent = 96;
	o.marker = &lab;
	o.marker_x = -96 + kg_inline_width(&lab);
	kg_lay_space(&c->lay, 5);
	kg_lay_para(&c->lay, &in, &o);
	kg_inline_free(&lab);
	kg_inline_free(&in);
}

/* The cover: a block of colour across the top of the page with the
 * edition, the title and the subtitle at its foot, and the edition's
 * particulars at the foot of the page. */
static void S_cover(S_ctx *c)
{
	const kg_doc_meta *m = &c->doc->meta;
	const kg_pdf_style *st = c->st;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = S_para(c);
	kg_tstyle t;
	float band = c->geom.page_h * 0.56f, y;
	size_t from = c->lay.nel, first_page = c->lay.npages, gap;

	kg_lay_part(&c->lay, "");
	gap = c->lay.nel;
	kg_lay_gap(&c->lay, 0, 1); /* set below, when the title's height is known */
	t = S_style(KG_FACE_BOLD, st->small, kg_rgb_tint(st->cover_text, 0.75f));
	S_text(c, &in, &t, S_smart(c, m->edition_title));
	kg_lay_para(&c->lay, &in, &o);
	kg_lay_space(&c->lay, 10);
	kg_inline_reset(&in);
	t = S_style(KG_FACE_BOLD, st->cover_title, st->cover_text);
	S_text(c, &in, &t, S_smart(c, m->title));
	o.leading = 1.12f;
	kg_lay_para(&c->lay, &in, &o);
	if (*m->subtitle) {
		kg_lay_space(&c->lay, 14);
		kg_inline_reset(&in);
		t = S_style(KG_FACE_REGULAR, st->cover_subtitle,
			    kg_rgb_tint(st->cover_text, 0.85f));
		S_text(c, &in, &t, S_smart(c, m->subtitle));
		o.leading = 1.35f;
		kg_lay_para(&c->lay, &in, &o);
	}
	y = band - 36 - c->geom.body_y - S_flow_height(&c->lay, gap + 1);
	c->lay.el[gap].h = y > 0 ? y : 0;

	gap = c->lay.nel;
	kg_lay_gap(&c->lay, 0, 0); /* set below: the particulars end the page */
	S_cover_field(c, "Edition", m->edition_title, KG_FACE_BOLD, st->body + 1);
	S_cover_field(c, "Version", m->version, KG_FACE_REGULAR, st->body + 1);
	S_cover_field(c, "Publisher", m->publisher, KG_FACE_REGULAR, st->body + 1);
	S_cover_field(c, "Licence", m->licence, KG_FACE_REGULAR, st->body + 1);
	S_cover_field(c, "Content digest", m->digest, KG_FACE_MONO, st->small);
	y = c->lay.height - S_flow_height(&c->lay, from) - 1;
	c->lay.el[gap].h = y > 48 ? y : 48;
	kg_inline_free(&in);
	kg_lay_paginate(&c->lay, from, S_COVER);
	/* the block of colour, across the whole first page */
	c->lay.pages[first_page].back = kg_lay_free_begin(&c->lay, 0);
	kg_lay_put_rect(&c->lay, 0, 0, c->geom.page_w, band, st->cover);
	kg_lay_put_rect(&c->lay, 0, band, c->geom.page_w, 3, st->cover_rule);
	kg_lay_free_end(&c->lay);
	S_run_end(c);
}

/* One contents entry: the title, dot leaders, the page; all of it a link. */
static void S_toc_entry(S_ctx *c, const kg_block *s, int level)
{
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = S_para(c);
	kg_tstyle t, ref;
	char target[256];

	snprintf(target, sizeof(target), "#%s", s->id);
	t = level == 1 ? S_style(KG_FACE_BOLD, c->st->body + 0.5f, c->st->text)
		       : S_style(KG_FACE_REGULAR, c->st->body, c->st->text);
	ref = t;
	t.link = kg_lay_link(&c->lay, target);
	S_text(c, &in, &t, S_smart(c, s->title));
	o.pageref = s->id;
	o.ref_style = &ref;
	o.indent = level == 1 ? 0 : c->st->indent;
	kg_lay_space(&c->lay, level == 1 ? c->st->paragraph * 1.6f : 1.5f);
	kg_lay_para(&c->lay, &in, &o);
	kg_inline_free(&in);
}

static void S_contents(S_ctx *c)
{
	const kg_block *root = c->doc->root;
	kg_block head;
	size_t i, j, from = c->lay.nel;

	memset(&head, 0, sizeof(head));
	head.type = KG_BLOCK_SECTION;
	head.level = 1;
	head.id = "contents";
	head.title = "Contents";
	S_heading(c, &head);
	for (i = 0; i < root->n; i++) {
		const kg_block *part = root->children[i];

		if (part->type != KG_BLOCK_SECTION || !(part->flags & KG_SECTION_IN_TOC))
			continue;
		S_toc_entry(c, part, 1);
		kg_section_open(part);
		for (j = 0; j < part->n; j++)
			if (part->children[j]->type == KG_BLOCK_SECTION &&
			    (part->children[j]->flags & KG_SECTION_IN_TOC))
				S_toc_entry(c, part->children[j], 2);
		kg_section_close(part);
	}
	kg_lay_paginate(&c->lay, from, S_CONTENTS);
	S_run_end(c);
}

/* ---- running header and footer ------------------------------------------------------- */

static void S_furniture(S_ctx *c)
{
	const kg_pdf_style *st = c->st;
	const kg_doc_meta *m = &c->doc->meta;
	kg_tstyle t = S_style(KG_FACE_REGULAR, st->running, st->muted);
	kg_tstyle tb = S_style(KG_FACE_BOLD, st->running, st->muted);
	kg_inline in = KG_INLINE_INIT;
	float w = c->lay.width, line = st->running * 1.3f;
	char num[64];
	size_t p, n = c->lay.npages;

	if (c->pass == 1) /* the total is not known yet: any digit may come */
		kg_fonts_width(c->lay.fonts, t.face, "0123456789", 10);
	for (p = 0; p < n; p++) {
		kg_lpage *pg = &c->lay.pages[p];
		const char *part = pg->part >= 0 ? c->lay.parts[pg->part] : "";

		if (pg->kind == S_COVER)
			continue;
		pg->head = kg_lay_free_begin(&c->lay, st->header);
		kg_inline_reset(&in);
		S_text(c, &in, &tb, S_smart(c, m->title));
		kg_lay_put_line(&c->lay, &in, 0, 0, w * 0.45f, 0);
		kg_inline_reset(&in);
		S_text(c, &in, &t, part);
		kg_lay_put_line(&c->lay, &in, w * 0.5f, 0, w * 0.5f, 2);
		kg_lay_put_rule(&c->lay, 0, line + 3, w, 0.5f, st->rule);
		kg_lay_free_end(&c->lay);

		pg->foot = kg_lay_free_begin(&c->lay, st->footer);
		kg_lay_put_rule(&c->lay, 0, st->footer - line - 3, w, 0.5f, st->rule);
		kg_inline_reset(&in);
		kg_buf_reset(&c->text);
		kg_buf_printf(&c->text, "Version %s \xC2\xB7 %s", m->version,
			      S_smart(c, m->edition_title));
		S_text(c, &in, &t, c->text.ptr);
		kg_lay_put_line(&c->lay, &in, 0, st->footer - line, w * 0.6f, 0);
		kg_inline_reset(&in);
		snprintf(num, sizeof(num), "page %zu of %zu",
			 c->lay.page_base + p + 1, c->total_pages);
		S_text(c, &in, &t, num);
		kg_lay_put_line(&c->lay, &in, w * 0.6f, st->footer - line, w * 0.4f, 2);
		kg_lay_free_end(&c->lay);
	}
	kg_inline_free(&in);
}

/* ---- runs ------------------------------------------------------------------------------ */

/* The end of a run, whose pages are cut: the running header and footer,
 * then (pass 2) the pages drawn and written; then the run is dropped. */
static void S_run_end(S_ctx *c)
{
	S_furniture(c);
	/* pass 2 writes page n at the number reserved for it after pass 1:
	 * a page past pass 1's count has none (S_draw says the passes
	 * disagree) */
	if (c->pass == 2 && c->lay.page_base + c->lay.npages > c->total_pages)
		c->overrun = 1;
	if (c->pass == 2 && !c->failed && !c->overrun &&
	    kg_render_run(&c->lay, c->pdf, &c->geom, &c->po, c->d) < 0)
		c->failed = 1;
	kg_lay_run_reset(&c->lay);
}

/* A forced page break in the body: the run so far can end here, as the
 * next element starts a page whatever comes after it, unless something
 * still open refers to the run's elements or text (a box, a list item, a
 * run-in label). Both passes end runs at the same places. */
static void S_run_break(S_ctx *c)
{
	if (!c->in_body || c->lay.open_box >= 0 || c->lead || c->marker ||
	    c->depth)
		return;
	kg_lay_paginate(&c->lay, 0, S_BODY);
	S_run_end(c);
}

/* ---- the PDF document ------------------------------------------------------------------- */

/* The /Info entry key, as a text string. */
static void S_info_entry(kg_buf *b, const char *key, const char *value)
{
	kg_buf_printf(b, "/%s ", key);
	kg_pdf_text(b, value, strlen(value));
	kg_buf_putc(b, '\n');
}

/* The document information: title, author, subject and keywords with the
 * version and digest, the creator; dates only from SOURCE_DATE_EPOCH, so
 * that two builds give the same bytes. */
static void S_metadata(S_ctx *c, uint32_t info)
{
	const kg_doc_meta *m = &c->doc->meta;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	kg_buf b = KG_BUF_INIT, v = KG_BUF_INIT;

	kg_buf_puts(&b, "<<\n");
	S_info_entry(&b, "Title", S_smart(c, m->title));
	S_info_entry(&b, "Author", S_smart(c, m->publisher));
	kg_buf_printf(&v, "%s, version %s, content digest %s",
		      S_smart(c, m->edition_title), m->version, m->digest);
	S_info_entry(&b, "Subject", v.ptr);
	kg_buf_reset(&v);
	kg_buf_printf(&v, "%s; version %s; digest %s; interview kit", m->kit_id,
		      m->version, m->digest);
	S_info_entry(&b, "Keywords", v.ptr);
	S_info_entry(&b, "Creator", "kitgen " KG_VERSION);
	if (sde && *sde) {
		char *end;
		long long t = strtoll(sde, &end, 10);
		time_t tt = (time_t)t;
		struct tm tm;

		if (!*end && t >= 0 && gmtime_r(&tt, &tm)) {
			char date[64];

			snprintf(date, sizeof(date), "D:%04d%02d%02d%02d%02d%02dZ",
				 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
				 tm.tm_hour, tm.tm_min, tm.tm_sec);
			S_info_entry(&b, "CreationDate", date);
			S_info_entry(&b, "ModDate", date);
		}
	}
	kg_buf_puts(&b, ">>");
	kg_pdf_obj_begin(c->pdf, info);
	kg_pdf_put_buf(c->pdf, &b);
	kg_pdf_obj_end(c->pdf);
	kg_buf_release(&b);
	kg_buf_release(&v);
}

/* The page tree (one node: the pages are all its kids), the resources
 * every page shares and the catalog. */
static void S_document(S_ctx *c, const uint32_t *fonts, uint32_t catalog,
		       uint32_t outline)
{
	kg_pdf_file *pdf = c->pdf;
	size_t i;
	int face;

	kg_pdf_obj_begin(pdf, c->po.parent);
	kg_pdf_puts(pdf, "<< /Type /Pages /Kids [");
	for (i = 0; i < c->total_pages; i++)
		kg_pdf_printf(pdf, "%s%lu 0 R", i % 10 ? " " : "\n",
			      (unsigned long)(c->po.page0 + i));
	kg_pdf_printf(pdf, "\n] /Count %zu >>", c->total_pages);
	kg_pdf_obj_end(pdf);

	kg_pdf_obj_begin(pdf, c->po.resources);
	kg_pdf_puts(pdf, "<< /ProcSet [/PDF /Text] /Font <<");
	for (face = 0; face < KG_NFACES; face++)
		if (fonts[face])
			kg_pdf_printf(pdf, " /%s %lu 0 R", kg_render_font_name(face),
				      (unsigned long)fonts[face]);
	kg_pdf_puts(pdf, " >> >>");
	kg_pdf_obj_end(pdf);

	kg_pdf_obj_begin(pdf, catalog);
	kg_pdf_printf(pdf, "<< /Type /Catalog /Pages %lu 0 R /Outlines %lu 0 R "
		      "/PageMode /UseOutlines >>", (unsigned long)c->po.parent,
		      (unsigned long)outline);
	kg_pdf_obj_end(pdf);
}

/* What fontconfig may need to load its configuration and font caches. */
#define KG_FONTCONFIG_HEADROOM ((size_t)16 << 20)

/* libharu allocates through kitgen's wrappers: out of memory in it is
 * kitgen's exit 3, not a libharu error that reads like a bad font. */
static void *S_hpdf_alloc(HPDF_UINT size)
{
	return kg_xmalloc(size);
}

static void S_hpdf_free(void *p)
{
	free(p);
}

static void S_error_handler(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	HPDF_STATUS *first = data;

	if (!first[0]) {
		first[0] = error;
		first[1] = detail;
	}
}

static void S_geometry(S_ctx *c, const char *paper)
{
	const kg_pdf_style *st = c->st;
	kg_geom *g = &c->geom;

	if (paper && strcmp(paper, "letter") == 0) {
		g->page_w = 612;
		g->page_h = 792;
	} else {
		g->page_w = 595.276f;
		g->page_h = 841.89f;
	}
	g->body_x = st->margin_left;
	g->head_y = st->margin_top;
	g->body_y = st->margin_top + st->header;
	g->foot_y = g->page_h - st->margin_bottom - st->footer;
}

/* One pass: the cover, the contents and the body, run by run. */
static void S_layout(S_ctx *c)
{
	S_cover(c);
	S_contents(c);
	c->lay.new_page = 0;
	c->in_body = 1;
	S_block(c, c->doc->root);
	kg_lay_paginate(&c->lay, 0, S_BODY);
	S_run_end(c);
	c->in_body = 0;
}

/* Pass 2 into pdf, the anchors and the page count known from pass 1. */
static int S_draw(S_ctx *c, kg_pdf_file *pdf, kg_diags *d)
{
	uint32_t fonts[KG_NFACES] = {0}, catalog, info, outline;
	int face;

	c->pdf = pdf;
	c->po.page0 = kg_pdf_reserve_n(pdf, (uint32_t)c->total_pages);
	c->po.parent = kg_pdf_reserve(pdf);
	c->po.resources = kg_pdf_reserve(pdf);
	for (face = 0; face < KG_NFACES; face++)
		if (kg_fonts_used(c->lay.fonts, (kg_face)face))
			fonts[face] = kg_pdf_reserve(pdf);
	c->pass = 2;
	S_layout(c);
	if (c->lay.disagree || c->overrun || c->lay.page_base != c->total_pages)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "internal error: the "
				"two layout passes disagree (%zu anchors moved; "
				"%zu pages, then %zu)", c->lay.disagree,
				c->total_pages, c->lay.page_base);
	if (c->failed)
		return -1;
	if (kg_fonts_write(c->lay.fonts, pdf, fonts, d) < 0)
		return -1;
	catalog = kg_pdf_reserve(pdf);
	info = kg_pdf_reserve(pdf);
	outline = kg_outline_write(&c->outline, pdf, &c->lay, &c->geom, &c->po);
	S_document(c, fonts, catalog, outline);
	S_metadata(c, info);
	if (kg_pdf_file_finish(pdf, catalog, info) < 0)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "cannot write the PDF file");
	return 0;
}

/* A fresh layout for pass 2 that knows where pass 1 put the anchors. */
static void S_second_layout(S_ctx *c)
{
	kg_lay next;

	kg_lay_init(&next, c->lay.fonts, c->st, c->lay.width, c->lay.height);
	kg_lay_adopt_dests(&next, &c->lay);
	kg_lay_free(&c->lay);
	c->lay = next;
	c->depth = 0;
	c->suppress = 0;
	c->lead = c->marker = NULL;
}

static int S_write(const kg_doc *doc, const kg_write_opts *wo, kg_sink *out,
		   kg_diags *d)
{
	kg_pdf_style st;
	kg_buf path = KG_BUF_INIT;
	HPDF_STATUS err[2] = {0, 0};
	HPDF_Doc loader = NULL;
	kg_fonts *fonts = NULL;
	kg_pdf_file pdf;
	S_ctx c;
	int rc = -1;

	memset(&c, 0, sizeof(c));
	memset(&pdf, 0, sizeof(pdf));
	kg_buf_printf(&path, "%s/pdf/style.yaml", wo->templates);
	if (kg_pdf_style_load(path.ptr, &st, d) < 0)
		goto out;
	/* libharu reads the TrueType files, nothing more */
	loader = HPDF_NewEx(S_error_handler, S_hpdf_alloc, S_hpdf_free, 0, err);
	if (!loader) {
		kg_error(d, (kg_mark){NULL, 0, 0}, "cannot start libharu");
		goto out;
	}
	/* fontconfig has no allocator to give, and fails badly without memory */
	kg_headroom(KG_FONTCONFIG_HEADROOM);
	if (!(fonts = kg_fonts_new(loader, &st, d)))
		goto out;
	c.doc = doc;
	c.st = &st;
	c.d = d;
	kg_buf_init(&c.tmp);
	kg_buf_init(&c.text);
	S_geometry(&c, wo->paper);
	kg_lay_init(&c.lay, fonts, &st, c.geom.page_w - st.margin_left - st.margin_right,
		    c.geom.foot_y - c.geom.body_y);
	c.pass = 1;
	S_layout(&c);
	c.total_pages = c.lay.page_base;
	if (kg_fonts_prepare(fonts, d) < 0)
		goto out;
	S_second_layout(&c);
	kg_pdf_file_init(&pdf, out);
	if (S_draw(&c, &pdf, d) < 0)
		goto out;
	rc = 0;
out:
	kg_pdf_file_free(&pdf);
	kg_outline_free(&c.outline);
	kg_buf_release(&c.tmp);
	kg_buf_release(&c.text);
	kg_inline_free(&c.para);
	if (c.st)
		kg_lay_free(&c.lay);
	kg_fonts_free(fonts);
	if (loader)
		HPDF_Free(loader);
	kg_pdf_style_free(&st);
	kg_buf_release(&path);
	return rc;
}

const kg_writer kg_writer_pdf = {"pdf", ".pdf", S_write};
