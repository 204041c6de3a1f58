/*
 * write_md.c - the Markdown writer: the composed document as CommonMark
 * with GFM tables, inside the templates/md/ shell.
 *
 * Output is stable and diff-friendly: no dates, no paths, one line per
 * paragraph line of the content. Headings carry an empty <a id> anchor so
 * the ids match the HTML edition and in-page links resolve everywhere.
 * Every block is rendered into a buffer and then indented as a unit, which
 * is how nesting (list items, quotes) is done.
 */
#include "writer.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "doc_iter.h"
#include "markdown.h"
#include "labels.h"
#include "prose.h"

/* Lists look the way cmark's CommonMark renderer writes them (content
 * prose goes through it), so a file is consistent: bullets "  - ", ordered
 * items "1.  ", continuation lines indented by four. */
#define KG_MD_BULLET "  - "

/* The writer's state during a walk: a frame per open block. A block
 * whose body is indented as a unit (a list item, a field, a band, a
 * callout) captures it in its frame's buffer and writes it, indented,
 * into the enclosing one at its EXIT. */
typedef struct S_frame {
	kg_buf body;  /* what a capturing block's children wrote */
	int capture;
	size_t items; /* a LIST: the items entered so far */
} S_frame;

typedef struct S_md {
	S_frame *f;
	size_t n, cap;
	kg_buf *out; /* where what no frame captures goes */
} S_md;

static void S_event(S_md *md, kg_iter *it, kg_event ev);

/* Where the current block writes: the innermost capturing frame. */
static kg_buf *S_target(const S_md *md)
{
	size_t i;

	for (i = md->n; i > 0; i--)
		if (md->f[i - 1].capture)
			return &md->f[i - 1].body;
	return md->out;
}

/* The children of b (a cell, a dimension) rendered as a unit into tmp,
 * without the trailing blank line: a walk of their own. */
static void S_render_children(const kg_block *b, kg_buf *tmp)
{
	S_md md = {NULL, 0, 0, tmp};
	kg_iter *it = kg_iter_new(b);
	kg_event ev;

	kg_buf_reset(tmp);
	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE)
		if (kg_iter_depth(it) > 0)
			S_event(&md, it, ev);
	kg_iter_free(it);
	free(md.f);
	kg_buf_rtrim(tmp);
}

/* Append text with `first` before its first line and `rest` before every
 * later non-empty line (empty lines get `empty`), ending with one blank
 * line. */
static void S_indent(kg_buf *out, const char *text, const char *first,
		     const char *rest, const char *empty)
{
	const char *p = text, *nl;
	int line = 0;

	while (*p) {
		nl = strchr(p, '\n');
		if (!nl)
			nl = p + strlen(p);
		if (line == 0)
			kg_buf_puts(out, first);
		else
			kg_buf_puts(out, nl == p ? empty : rest);
		kg_buf_put(out, p, (size_t)(nl - p));
		kg_buf_putc(out, '\n');
		p = *nl ? nl + 1 : nl;
		line++;
	}
}

static void S_heading(const kg_block *b, kg_buf *out)
{
	int i;

	for (i = 0; i <= b->level && i < 6; i++)
		kg_buf_putc(out, '#');
	kg_buf_printf(out, " <a id=\"%s\"></a>", b->id);
	kg_md_escape(out, b->title, strlen(b->title));
	kg_buf_puts(out, "\n\n");
}

/* A list item's body, indented after its marker. */
static void S_item(const kg_block *list, size_t number, const kg_buf *body,
		   kg_buf *out)
{
	char marker[16];

	if (list->style == KG_LIST_ORDERED)
		snprintf(marker, sizeof(marker), "%u.  ",
			 (unsigned)number % 100000u);
	else
		strcpy(marker, KG_MD_BULLET);
	S_indent(out, body->ptr, marker, "    ", "");
}

/* The labels (labels.h) of the document being written, for the words
 * the writer adds: set by S_body, one document per thread at a time. */
static _Thread_local const kg_labels *S_labels;

/* A label in bold before the first paragraph of the body, or on a line
 * of its own when the body does not start with a paragraph. */
static void S_labelled(const char *prefix, const char *label,
		       const kg_block *b, const kg_buf *body, kg_buf *out)
{
	const kg_block *first = b->n ? b->children[0] : NULL;
	int inline_label = kg_prose_starts_with_paragraph(first);
	kg_buf lead = KG_BUF_INIT;

	kg_buf_printf(&lead, "%s**", prefix);
	kg_md_escape(&lead, label, strlen(label));
	kg_label_colon(&lead, S_labels, label);
	kg_buf_puts(&lead, "**");
	if (inline_label || body->len == 0) {
		kg_label_gap(&lead);
		S_indent(out, body->len ? body->ptr : "", lead.ptr,
			 *prefix ? "    " : "", "");
		if (body->len == 0) {
			kg_buf_rtrim(out);
			kg_buf_puts(out, "\n");
		}
	} else {
		kg_buf_puts(&lead, "\n\n");
		kg_buf_puts(out, lead.ptr);
		S_indent(out, body->ptr, *prefix ? "    " : "", *prefix ? "    " : "",
			 "");
	}
	kg_buf_release(&lead);
}

static void S_callout(const kg_block *b, const kg_buf *body, kg_buf *out)
{
	kg_buf inner = KG_BUF_INIT;

	kg_buf_puts(&inner, "**");
	kg_md_escape(&inner, b->title, strlen(b->title));
	kg_label_colon(&inner, S_labels, b->title);
	kg_buf_puts(&inner, "**\n\n");
	kg_buf_puts(&inner, body->ptr);
	S_indent(out, inner.ptr, "> ", "> ", ">");
	kg_buf_putc(out, '\n');
	kg_buf_release(&inner);
}

/* Rendered Markdown made fit for a table cell: one line, pipes escaped. */
static void S_cell_markdown(kg_buf *out, const kg_buf *md)
{
	size_t k;

	for (k = 0; k < md->len; k++) {
		char ch = md->ptr[k] == '\n' ? ' ' : md->ptr[k];

		if (ch == '|')
			kg_buf_putc(out, '\\');
		kg_buf_putc(out, ch);
	}
}

/* One table row: each cell's Markdown on one line, pipes escaped. */
static void S_row(const kg_block *const *cells, size_t n,
		  kg_buf *out)
{
	kg_buf cell = KG_BUF_INIT;
	size_t c;

	kg_buf_putc(out, '|');
	for (c = 0; c < n; c++) {
		S_render_children(cells[c], &cell);
		if (cell.len == 0) { /* an empty cell is "| |" */
			kg_buf_puts(out, " |");
			continue;
		}
		kg_buf_putc(out, ' ');
		S_cell_markdown(out, &cell);
		kg_buf_puts(out, " |");
	}
	kg_buf_putc(out, '\n');
	kg_buf_release(&cell);
}

static void S_rule(size_t columns, kg_buf *out)
{
	kg_buf_putc(out, '|');
	while (columns--)
		kg_buf_puts(out, " --- |");
	kg_buf_putc(out, '\n');
}

#define KG_MD_BOX "\xE2\x98\x90"

/* A scorecard is a table: the label row, then per dimension its name and
 * detail, "[ ]" per choice and mark (Markdown cannot draw a box) and an
 * empty evidence cell. */
static void S_scorecard(const kg_block *b, kg_buf *out)
{
	const kg_block *head = b->children[0];
	kg_buf body = KG_BUF_INIT;
	size_t i, k;

	S_row((const kg_block *const *)head->children, head->n, out);
	S_rule(head->n, out);
	for (i = 1; i < b->n; i++) {
		const kg_block *dim = b->children[i];

		S_render_children(dim, &body);
		kg_buf_puts(out, "| **");
		kg_md_escape_cell(out, dim->title, strlen(dim->title));
		kg_buf_puts(out, "**");
		if (body.len) {
			kg_label_colon(out, S_labels, dim->title);
			kg_label_gap(out);
			S_cell_markdown(out, &body);
		}
		kg_buf_puts(out, " |");
		for (k = 2; k < head->n; k++)
			kg_buf_puts(out, " [ ] |");
		kg_buf_puts(out, " |\n");
	}
	kg_buf_putc(out, '\n');
	kg_buf_release(&body);
}

/* Room to write: a label, then lines to write on; a value filled in
 * beforehand (kitgen loop) is its first line. */
static void S_notes(const kg_block *b, kg_buf *out)
{
	int i = 0;

	if (b->title) {
		kg_buf_puts(out, "**");
		kg_md_escape(out, b->title, strlen(b->title));
		kg_label_colon(out, S_labels, b->title);
		kg_buf_puts(out, "**");
		if (b->level > 1)
			kg_buf_puts(out, "\n\n");
		else
			kg_label_gap(out);
	}
	if (b->text_copy) { /* prefilled (kg_add_note_field) */
		kg_md_escape(out, b->text_copy, strlen(b->text_copy));
		kg_buf_puts(out, b->level > 1 ? "\\\n" : "\n\n");
		i = 1;
	}
	for (; i < b->level; i++) {
		int k;

		for (k = 0; k < 40; k++)
			kg_buf_puts(out, "\\_");
		kg_buf_puts(out, i + 1 < b->level ? "\\\n" : "\n\n");
	}
}

/* The longest run of ch in s. */
static size_t S_longest_run(const char *s, char ch)
{
	size_t best = 0, run = 0;

	for (; *s; s++) {
		run = *s == ch ? run + 1 : 0;
		best = run > best ? run : best;
	}
	return best;
}


/* A code listing stays copy-pasteable: a caption with the language and
 * the line count (the HTML and PDF number the lines from 1), then the
 * listing verbatim in a fence of backticks longer than any run of
 * backticks in it, so no fence inside the code closes it. */
static void S_code(const kg_block *b, kg_buf *out)
{
	size_t fence = S_longest_run(b->text, '`') + 1, lines = 0, i;
	kg_buf caption = KG_BUF_INIT;
	const char *p;
	char last[24];

	for (p = b->text; *p; p++)
		lines += *p == '\n' || p[1] == '\0';
	snprintf(last, sizeof(last), "%zu", lines);
	kg_label_put(&caption, S_labels, "code.caption", "language", b->title,
		     "last", last, NULL);
	kg_buf_puts(out, "*");
	kg_md_escape(out, caption.ptr, caption.len);
	kg_buf_puts(out, ":*\n\n");
	kg_buf_release(&caption);
	fence = fence < 3 ? 3 : fence;
	for (i = 0; i < fence; i++)
		kg_buf_putc(out, '`');
	kg_buf_printf(out, "%s\n", b->title);
	kg_buf_puts(out, b->text);
	if (b->text[strlen(b->text) - 1] != '\n')
		kg_buf_putc(out, '\n');
	for (i = 0; i < fence; i++)
		kg_buf_putc(out, '`');
	kg_buf_puts(out, "\n\n");
}

static void S_table(const kg_block *b, kg_buf *out)
{
	size_t r;

	for (r = 0; r < b->n; r++) {
		const kg_block *row = b->children[r];

		S_row((const kg_block *const *)row->children, row->n, out);
		if (r == 0)
			S_rule(row->n, out);
	}
	kg_buf_putc(out, '\n');
}

/* Contents: the entries compose put in the TOC block (doc.h). */
static void S_toc(const kg_block *toc, kg_buf *out)
{
	size_t i;

	const char *title = kg_label(S_labels, "toc.title");

	kg_buf_puts(out, "## <a id=\"contents\"></a>");
	kg_md_escape(out, title, strlen(title));
	kg_buf_puts(out, "\n\n");
	for (i = 0; i < toc->n; i++) {
		const kg_block *e = toc->children[i];

		kg_buf_puts(out, e->level > 1 ? "    " KG_MD_BULLET "[" : KG_MD_BULLET "[");
		kg_md_escape(out, e->title, strlen(e->title));
		kg_buf_printf(out, "](#%s)\n", e->id);
	}
	kg_buf_putc(out, '\n');
}

/* Markdown s into out, each box to tick (U+2610, doc.h) written "[ ]":
 * Markdown cannot draw one. */
static void S_boxes(const char *s, kg_buf *out)
{
	const char *at;

	while ((at = strstr(s, KG_MD_BOX))) {
		kg_buf_put(out, s, (size_t)(at - s));
		kg_buf_puts(out, "[ ]");
		s = at + strlen(KG_MD_BOX);
	}
	kg_buf_puts(out, s);
}

static void S_prose(const kg_block *b, kg_buf *out)
{
	kg_buf tmp = KG_BUF_INIT;
	cmark_node *md = kg_prose_parse(b);

	kg_md_to_commonmark(md, &tmp);
	cmark_node_free(md);
	kg_buf_rtrim(&tmp);
	S_boxes(tmp.ptr, out);
	kg_buf_puts(out, "\n\n");
	kg_buf_release(&tmp);
}

static int S_captures(const kg_block *b, const kg_block *parent)
{
	switch (b->type) {
	case KG_BLOCK_ITEM:
		return parent && parent->type == KG_BLOCK_LIST;
	case KG_BLOCK_FIELD:
	case KG_BLOCK_BAND:
	case KG_BLOCK_CALLOUT:
		return 1;
	default:
		return 0;
	}
}

/* A leaf, or a block written whole at its ENTER (then skipped). */
static void S_enter(S_md *md, kg_iter *it, const kg_block *b)
{
	kg_buf *out = S_target(md);

	switch (b->type) {
	case KG_BLOCK_SECTION:
		S_heading(b, out);
		break;
	case KG_BLOCK_PROSE:
		S_prose(b, out);
		break;
	case KG_BLOCK_TABLE:
		S_table(b, out);
		kg_iter_skip(it);
		break;
	case KG_BLOCK_SCORECARD:
		S_scorecard(b, out);
		kg_iter_skip(it);
		break;
	case KG_BLOCK_ROW:       /* rows are written by their table */
	case KG_BLOCK_DIMENSION: /* dimensions by their scorecard */
	case KG_BLOCK_CHART:     /* its figures are in a table beside it */
		kg_iter_skip(it);
		break;
	case KG_BLOCK_TOC:
		S_toc(b, out);
		break;
	case KG_BLOCK_NOTES:
		S_notes(b, out);
		break;
	case KG_BLOCK_CODE:
		S_code(b, out);
		break;
	default:
		break;
	}
}

static void S_exit(S_md *md, const kg_block *b, const kg_block *parent,
		   S_frame *f)
{
	kg_buf *out = S_target(md);

	kg_buf_rtrim(&f->body);
	switch (b->type) {
	case KG_BLOCK_ITEM:
		if (f->capture)
			S_item(parent, md->f[md->n - 1].items, &f->body, out);
		break;
	case KG_BLOCK_LIST:
	case KG_BLOCK_RUBRIC:
		kg_buf_putc(out, '\n');
		break;
	case KG_BLOCK_FIELD:
		S_labelled("", b->title, b, &f->body, out);
		kg_buf_putc(out, '\n');
		break;
	case KG_BLOCK_BAND:
		S_labelled(KG_MD_BULLET, b->title, b, &f->body, out);
		break;
	case KG_BLOCK_CALLOUT:
		S_callout(b, &f->body, out);
		break;
	default:
		break;
	}
}

static void S_event(S_md *md, kg_iter *it, kg_event ev)
{
	const kg_block *b = kg_iter_block(it);
	const kg_block *parent = kg_iter_parent(it);
	S_frame f;

	if (ev == KG_EVENT_ENTER) {
		S_enter(md, it, b);
		if (kg_iter_is_leaf(b))
			return;
		if (parent && parent->type == KG_BLOCK_LIST && md->n)
			md->f[md->n - 1].items++;
		KG_GROW(md->f, md->cap, md->n + 1);
		kg_buf_init(&md->f[md->n].body);
		md->f[md->n].capture = S_captures(b, parent);
		md->f[md->n++].items = 0;
	} else if (ev == KG_EVENT_EXIT) {
		f = md->f[--md->n];
		S_exit(md, b, parent, &f);
		kg_buf_release(&f.body);
	}
}

/* The body into the sink, event by event; the sink drains between them
 * (what a frame captures is not in it yet). */
static void S_body(const kg_doc *doc, kg_sink *out)
{
	S_md md = {NULL, 0, 0, &out->buf};
	kg_iter *it = kg_iter_new(doc->root);
	kg_event ev;

	S_labels = doc->labels;
	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		S_event(&md, it, ev);
		kg_shell_drain(out);
	}
	kg_iter_free(it);
	free(md.f);
}

static int S_write(const kg_doc *doc, const kg_write_opts *o, kg_sink *out,
		   kg_diags *d)
{
	return kg_shell_write(doc, o, "md", "document", kg_md_escape,
			      S_body, out, d);
}

const kg_writer kg_writer_md = {&kg_format_md, S_write};
