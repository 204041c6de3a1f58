/*
 * pdf_prose.c - CommonMark prose to layout for the PDF writer: a PROSE
 * block's cmark tree walked block by block with one switch on the node
 * type, its inlines through cmark_iter (emphasis, strong, code, links,
 * breaks), into paragraphs, list items with hung markers, code blocks and
 * quotes. A table cell is one inline: its blocks become lines of it.
 * Text gets smart punctuation here; code keeps its characters.
 */
#include "pdf_writer.h"

#include <cmark.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "markdown.h"
#include "smart.h"
#include "prose.h"

/* ---- prose: cmark inlines ------------------------------------------------------ */


/* The inlines of a cmark block node, appended to in. */
static void S_inlines(kg_pw *c, cmark_node *node, const kg_pw_env *env, kg_inline *in)
{
	cmark_iter *it = cmark_iter_new(node);
	cmark_event_type ev;
	kg_face f = env->base.face;
	int sans = KG_FACE_IS_SANS(f);
	int bold = f == KG_FACE_BOLD || f == KG_FACE_BOLD_ITALIC ||
		   f == KG_FACE_SANS_BOLD || f == KG_FACE_SANS_BOLD_ITALIC;
	int italic = f == KG_FACE_ITALIC || f == KG_FACE_BOLD_ITALIC ||
		     f == KG_FACE_SANS_ITALIC || f == KG_FACE_SANS_BOLD_ITALIC;
	int link = -1, ltag = 0;
	uint32_t prev = 0;
	const char *lit;
	kg_tstyle t;
	/* a translation's fallback: from the element that opens with the
	 * marker to its end, the source's quotes (markdown.h) */
	kg_md_fallback fallback = KG_MD_FALLBACK_INIT;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		int enter = ev == CMARK_EVENT_ENTER;
		const char *url;
		kg_md_fallback_step(&fallback, n, enter);
		if (n == node)
			continue;
		t = env->base;
		t.face = kg_pw_face(sans, bold, italic);
		t.link = link;
		if (link >= 0) {
			t.color = c->st->link;
			t.tag = ltag;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_EMPH:
			italic += enter ? 1 : -1;
			break;
		case CMARK_NODE_STRONG:
			bold += enter ? 1 : -1;
			break;
		case CMARK_NODE_LINK:
			url = cmark_node_get_url(n);
			if (enter && url && kg_md_url_safe(url)) {
				link = kg_lay_link(&c->lay, url);
				ltag = kg_pw_tag_add(c, env->base.tag, KG_ST_LINK);
			} else if (!enter) {
				link = -1;
			}
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
			t.verbatim = 1;
			if (link < 0)
				t.color = c->st->text;
			lit = cmark_node_get_literal(n);
			kg_pw_text(c, in, &t, lit);
			prev = *lit ? (unsigned char)lit[strlen(lit) - 1] : prev;
			break;
		case CMARK_NODE_SOFTBREAK:
			kg_pw_text(c, in, &t, " ");
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

static void S_md_blocks(kg_pw *c, cmark_node *parent, const kg_pw_env *env);
static int S_one_paragraph(cmark_node *n);

/* A paragraph of in, with the pending run-in label and list marker. */
void kg_pw_paragraph(kg_pw *c, kg_inline *in, kg_para_opts *o)
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

static void S_md_paragraph(kg_pw *c, cmark_node *n, const kg_pw_env *env)
{
	kg_para_opts o = kg_pw_para(c);

	int p = !c->bare;

	c->bare = 0;
	if (p)
		kg_pw_tag_open(c, KG_ST_P);
	kg_inline_reset(&c->para);
	S_inlines(c, n, env, &c->para);
	kg_pw_space(c, c->st->paragraph);
	kg_pw_paragraph(c, &c->para, &o);
	if (p)
		kg_pw_tag_close(c);
}

static const char *const S_bullets[] = {"\xE2\x80\xA2", "\xE2\x80\x93",
					"\xE2\x96\xAA"}; /* bullet, en dash, square */

/* The marker of item number i (from 1) of a list. */
void kg_pw_marker(kg_pw *c, kg_inline *m, int ordered, long number,
		     int delim_paren, const kg_pw_env *env)
{
	kg_tstyle t = env->base;
	char num[32];

	kg_inline_reset(m);
	if (ordered) {
		snprintf(num, sizeof(num), "%ld%c", number, delim_paren ? ')' : '.');
		kg_pw_text(c, m, &t, num);
	} else {
		t.color = c->st->accent;
		kg_pw_text(c, m, &t, S_bullets[c->depth % 3]);
	}
}

/* One list item: indented, its marker hung in the indent. */
void kg_pw_item_open(kg_pw *c, const kg_inline *marker, float *ox, float *ow)
{
	kg_lay_indent(&c->lay, c->st->indent, ox, ow);
	c->marker = marker;
	c->marker_x = -c->st->m.lists_marker_gap;
	c->depth++;
	c->suppress = 1;
}

void kg_pw_item_close(kg_pw *c, float ox, float ow)
{
	c->depth--;
	c->marker = NULL;
	c->suppress = 0;
	kg_lay_outdent(&c->lay, ox, ow);
}

static void S_md_list(kg_pw *c, cmark_node *list, const kg_pw_env *env)
{
	int ordered = cmark_node_get_list_type(list) == CMARK_ORDERED_LIST;
	int tight = cmark_node_get_list_tight(list);
	long number = ordered ? cmark_node_get_list_start(list) : 0;
	int paren = cmark_node_get_list_delim(list) == CMARK_PAREN_DELIM;
	kg_inline marker = KG_INLINE_INIT;
	cmark_node *item;
	float ox, ow;

	kg_pw_tag_open(c, KG_ST_L);
	kg_pw_list_open(c, NULL);
	for (item = cmark_node_first_child(list); item; item = cmark_node_next(item)) {
		kg_pw_marker(c, &marker, ordered, number++, paren, env);
		kg_pw_space(c, tight && item != cmark_node_first_child(list)
				   ? c->st->paragraph / c->st->m.lists_tight
				   : c->st->paragraph);
		kg_lay_item(&c->lay);
		kg_pw_tag_open(c, KG_ST_LI);
		kg_pw_retag(&marker, kg_pw_tag_add(c, 0, KG_ST_LBL));
		kg_pw_tag_open(c, KG_ST_LBODY);
		kg_pw_item_open(c, &marker, &ox, &ow);
		/* an item of one paragraph: its LBody holds the text (a P
		 * more per item would be a fifth of a kit's elements) */
		c->bare = S_one_paragraph(item);
		S_md_blocks(c, item, env);
		c->bare = 0;
		kg_pw_item_close(c, ox, ow);
		kg_pw_tag_close(c);
		kg_pw_tag_close(c);
	}
	kg_lay_list_close(&c->lay);
	kg_pw_tag_close(c);
	kg_inline_free(&marker);
}

/* One line of a code block (len bytes at p) in c->tmp, tabs to four
 * columns. */
static void S_code_line(kg_pw *c, const char *p, size_t len)
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

static void S_md_code_block(kg_pw *c, cmark_node *n)
{
	const char *lit = cmark_node_get_literal(n), *p = lit ? lit : "";
	kg_tstyle t = kg_pw_style(KG_FACE_MONO, c->st->code, c->st->text);
	kg_box_style bs;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	kg_pw_wide wide;

	memset(&bs, 0, sizeof(bs));
	bs.fill = c->st->code_background;
	bs.bar = c->st->rule;
	bs.pad = c->st->box_padding * c->st->m.code_padding;
	bs.kind = "code";
	kg_pw_continued(c, &in, kg_pw_style(KG_FACE_ITALIC, c->st->small,
					    c->st->muted), NULL);
	bs.cont = &in;
	kg_pw_space(c, c->st->paragraph);
	kg_pw_wide_open(c, c->st->wide_code, &wide);
	kg_pw_tag_open(c, KG_ST_CODE);
	kg_lay_box_open(&c->lay, &bs);
	kg_inline_reset(&in);
	o.leading = c->st->m.code_leading;
	t.verbatim = 1;
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
	kg_pw_tag_close(c);
	kg_pw_wide_close(c, &wide);
	kg_inline_free(&in);
}

static void S_md_quote(kg_pw *c, cmark_node *n, const kg_pw_env *env)
{
	kg_box_style bs;
	kg_pw_env inner = *env;
	kg_inline cont = KG_INLINE_INIT;

	memset(&bs, 0, sizeof(bs));
	bs.fill = KG_PW_WHITE;
	bs.bar = c->st->rule;
	bs.bar_w = c->st->m.quotes_bar;
	bs.pad = c->st->box_padding * c->st->m.quotes_padding;
	bs.pad_left = c->st->m.quotes_padding_left;
	bs.kind = "quote";
	kg_pw_continued(c, &cont, kg_pw_style(KG_FACE_ITALIC, c->st->small,
					      c->st->muted), NULL);
	bs.cont = &cont;
	inner.base.color = c->st->muted;
	kg_pw_space(c, c->st->paragraph);
	kg_pw_tag_open(c, KG_ST_BLOCKQUOTE);
	kg_lay_box_open(&c->lay, &bs);
	kg_inline_free(&cont);
	S_md_blocks(c, n, &inner);
	kg_lay_box_close(&c->lay);
	kg_pw_tag_close(c);
}

static void S_md_heading(kg_pw *c, cmark_node *n, const kg_pw_env *env)
{
	kg_pw_env h = *env;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);

	h.base.face = KG_FACE_SANS_BOLD;
	h.base.size = cmark_node_get_heading_level(n) <= 2 ? c->st->h3 : env->base.size;
	/* a heading in prose is one level below its section's, and more */
	kg_pw_tag_open(c, kg_tags_heading(c->section + cmark_node_get_heading_level(n)));
	S_inlines(c, n, &h, &in);
	kg_pw_space(c, c->st->paragraph * c->st->m.headings_prose_space);
	o.keep = 1;
	o.heading = 1;
	kg_pw_paragraph(c, &in, &o);
	kg_pw_tag_close(c);
	kg_inline_free(&in);
}

static void S_md_blocks(kg_pw *c, cmark_node *parent, const kg_pw_env *env)
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
			kg_pw_space(c, c->st->paragraph * c->st->m.rules_space);
			kg_lay_rule(&c->lay, c->st->rule, c->st->m.rules_width, 0);
			break;
		default:
			break;
		}
	}
}

kg_pw_env kg_pw_body_env(const kg_pw *c)
{
	kg_pw_env env;

	env.base = kg_pw_style(KG_FACE_REGULAR, c->st->body, c->st->text);
	return env;
}

/* Is the cmark node's content one paragraph? */
static int S_one_paragraph(cmark_node *n)
{
	cmark_node *first = cmark_node_first_child(n);

	return first && first == cmark_node_last_child(n) &&
	       cmark_node_get_type(first) == CMARK_NODE_PARAGRAPH;
}

/* Is the prose b a text the translation left in the source's language? */
static int S_untranslated(const kg_pw *c, const kg_block *b)
{
	size_t n = c->mark ? strlen(c->mark) : 0;

	return c->source_lang && n && b->text && strncmp(b->text, c->mark, n) == 0;
}

void kg_pw_prose(kg_pw *c, const kg_block *b, const kg_pw_env *env)
{
	cmark_node *md = kg_prose_parse(b);
	int source = S_untranslated(c, b);

	/* the source's words: its hyphenation and its quotation marks */
	if (source) {
		kg_lay_language(&c->lay, c->source_lang);
		kg_smart_use(c->source_quotes);
	}
	c->bare = c->bare && S_one_paragraph(md);
	S_md_blocks(c, md, env);
	c->bare = 0;
	if (source) {
		kg_lay_language(&c->lay, c->lang);
		kg_smart_use(c->quotes);
	}
	cmark_node_free(md);
}

/* A cell is one kg_inline, so its blocks become lines of it: paragraphs
 * and headings as they are, code blocks a line of monospace per line of
 * code, list items after their marker, quotes as their blocks. Every
 * block kind the other formats show in a cell shows here too. `fresh`
 * holds the next line on the current one (a list item's first block
 * follows its marker). */
typedef struct S_cell_ctx {
	const kg_pw_env *env;
	kg_inline *in;
	int fresh;
} S_cell_ctx;

static void S_cell_blocks(kg_pw *c, cmark_node *parent, S_cell_ctx *cc);

static void S_cell_line(kg_pw *c, S_cell_ctx *cc)
{
	if (!cc->fresh && cc->in->n)
		kg_inline_break(&c->lay, cc->in, &cc->env->base);
	cc->fresh = 0;
}

static void S_cell_code(kg_pw *c, cmark_node *n, S_cell_ctx *cc)
{
	const char *p = cmark_node_get_literal(n);
	kg_tstyle t = cc->env->base;

	t.face = KG_FACE_MONO;
	t.size = cc->env->base.size * c->st->code / c->st->body;
	t.color = c->st->text;
	t.verbatim = 1;
	for (p = p ? p : ""; *p;) {
		size_t len = strcspn(p, "\n");

		S_code_line(c, p, len);
		S_cell_line(c, cc);
		if (c->tmp.len)
			kg_inline_text(&c->lay, cc->in, &t, c->tmp.ptr, c->tmp.len, 1);
		p += len + (p[len] == '\n');
	}
}

static void S_cell_list(kg_pw *c, cmark_node *list, S_cell_ctx *cc)
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
		kg_pw_text(c, cc->in, &cc->env->base, marker);
		cc->fresh = 1;
		S_cell_blocks(c, item, cc);
	}
}

static void S_cell_blocks(kg_pw *c, cmark_node *parent, S_cell_ctx *cc)
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
void kg_pw_cell(kg_pw *c, const kg_block *cell, const kg_pw_env *env, kg_inline *in)
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

/* The prose of a block (an index entry) run on as one inline: the
 * inlines of every block of every PROSE child, appended to in. */
void kg_pw_run_on(kg_pw *c, const kg_block *b, const kg_pw_env *env,
		  kg_inline *in)
{
	size_t k;

	for (k = 0; k < b->n; k++)
		if (b->children[k]->type == KG_BLOCK_PROSE) {
			cmark_node *md = kg_prose_parse(b->children[k]);
			cmark_node *n;

			for (n = cmark_node_first_child(md); n; n = cmark_node_next(n))
				S_inlines(c, n, env, in);
			cmark_node_free(md);
		}
}
