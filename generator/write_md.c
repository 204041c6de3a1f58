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
#include <string.h>

#include "markdown.h"

/* Lists look the way cmark's CommonMark renderer writes them (content
 * prose goes through it), so a file is consistent: bullets "  - ", ordered
 * items "1.  ", continuation lines indented by four. */
#define KG_MD_BULLET "  - "

static void S_block(const kg_block *root, const kg_block *b, kg_buf *out);

static void S_children(const kg_block *root, const kg_block *b, kg_buf *out)
{
	size_t i;

	kg_section_open(b);
	for (i = 0; i < b->n; i++)
		S_block(root, b->children[i], out);
	kg_section_close(b);
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

/* Render b's children as a unit, without the trailing blank line. */
static void S_render_children(const kg_block *root, const kg_block *b, kg_buf *tmp)
{
	kg_buf_reset(tmp);
	S_children(root, b, tmp);
	kg_buf_rtrim(tmp);
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

static void S_list(const kg_block *root, const kg_block *b, kg_buf *out)
{
	kg_buf item = KG_BUF_INIT;
	char marker[16];
	size_t i;

	for (i = 0; i < b->n; i++) {
		S_render_children(root, b->children[i], &item);
		if (b->style == KG_LIST_ORDERED)
				snprintf(marker, sizeof(marker), "%u.  ",
				 (unsigned)(i + 1) % 100000u);
		else
			strcpy(marker, KG_MD_BULLET);
		S_indent(out, item.ptr, marker, "    ", "");
	}
	kg_buf_putc(out, '\n');
	kg_buf_release(&item);
}

/* A label in bold before the first paragraph of the body, or on a line
 * of its own when the body does not start with a paragraph. */
static void S_labelled(const kg_block *root, const char *prefix, const char *label,
		       const kg_block *b, kg_buf *out)
{
	const kg_block *first = b->n ? b->children[0] : NULL;
	int inline_label = kg_prose_starts_with_paragraph(first);
	kg_buf body = KG_BUF_INIT;
	kg_buf lead = KG_BUF_INIT;

	S_render_children(root, b, &body);
	kg_buf_printf(&lead, "%s**", prefix);
	kg_md_escape(&lead, label, strlen(label));
	kg_buf_puts(&lead, ":**");
	if (inline_label || body.len == 0) {
		kg_buf_putc(&lead, ' ');
		S_indent(out, body.len ? body.ptr : "", lead.ptr,
			 *prefix ? "    " : "", "");
		if (body.len == 0) {
			kg_buf_rtrim(out);
			kg_buf_puts(out, "\n");
		}
	} else {
		kg_buf_puts(&lead, "\n\n");
		kg_buf_puts(out, lead.ptr);
		S_indent(out, body.ptr, *prefix ? "    " : "", *prefix ? "    " : "",
			 "");
	}
	kg_buf_release(&body);
	kg_buf_release(&lead);
}

static void S_fields(const kg_block *root, const kg_block *b, kg_buf *out)
{
	size_t i;

	for (i = 0; i < b->n; i++) {
		S_labelled(root, "", b->children[i]->title, b->children[i], out);
		kg_buf_putc(out, '\n');
	}
}

static void S_rubric(const kg_block *root, const kg_block *b, kg_buf *out)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		S_labelled(root, KG_MD_BULLET, b->children[i]->title, b->children[i], out);
	kg_buf_putc(out, '\n');
}

static void S_callout(const kg_block *root, const kg_block *b, kg_buf *out)
{
	kg_buf inner = KG_BUF_INIT, body = KG_BUF_INIT;

	S_render_children(root, b, &body);
	kg_buf_puts(&inner, "**");
	kg_md_escape(&inner, b->title, strlen(b->title));
	kg_buf_puts(&inner, ":**\n\n");
	kg_buf_puts(&inner, body.ptr);
	S_indent(out, inner.ptr, "> ", "> ", ">");
	kg_buf_putc(out, '\n');
	kg_buf_release(&inner);
	kg_buf_release(&body);
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
static void S_row(const kg_block *root, const kg_block *const *cells, size_t n,
		  kg_buf *out)
{
	kg_buf cell = KG_BUF_INIT;
	size_t c;

	kg_buf_putc(out, '|');
	for (c = 0; c < n; c++) {
		S_render_children(root, cells[c], &cell);
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
 * detail, a box per band and an empty evidence cell. */
static void S_scorecard(const kg_block *root, const kg_block *b, kg_buf *out)
{
	const kg_block *head = b->children[0];
	kg_buf body = KG_BUF_INIT;
	size_t i, k;

	S_row(root, (const kg_block *const *)head->children, head->n, out);
	S_rule(head->n, out);
	for (i = 1; i < b->n; i++) {
		const kg_block *dim = b->children[i];

		S_render_children(root, dim, &body);
		kg_buf_puts(out, "| **");
		kg_md_escape_cell(out, dim->title, strlen(dim->title));
		kg_buf_puts(out, "**");
		if (body.len) {
			kg_buf_puts(out, ": ");
			S_cell_markdown(out, &body);
		}
		kg_buf_puts(out, " |");
		for (k = 2; k < head->n; k++)
			kg_buf_puts(out, " " KG_MD_BOX " |");
		kg_buf_puts(out, " |\n");
	}
	kg_buf_putc(out, '\n');
	kg_buf_release(&body);
}

/* Room to write: a label, then lines to write on. */
static void S_notes(const kg_block *b, kg_buf *out)
{
	int i;

	if (b->title) {
		kg_buf_puts(out, "**");
		kg_md_escape(out, b->title, strlen(b->title));
		kg_buf_puts(out, b->level > 1 ? ":**\n\n" : ":** ");
	}
	for (i = 0; i < b->level; i++) {
		int k;

		for (k = 0; k < 40; k++)
			kg_buf_puts(out, "\\_");
		kg_buf_puts(out, i + 1 < b->level ? "\\\n" : "\n\n");
	}
}

static void S_table(const kg_block *root, const kg_block *b, kg_buf *out)
{
	size_t r;

	for (r = 0; r < b->n; r++) {
		const kg_block *row = b->children[r];

		S_row(root, (const kg_block *const *)row->children, row->n, out);
		if (r == 0)
			S_rule(row->n, out);
	}
	kg_buf_putc(out, '\n');
}

/* Contents: the document's parts, and their sections listed in the TOC. */
static void S_toc(const kg_block *doc, kg_buf *out)
{
	size_t i, j;

	kg_buf_puts(out, "## <a id=\"contents\"></a>Contents\n\n");
	for (i = 0; i < doc->n; i++) {
		const kg_block *part = doc->children[i];

		if (part->type != KG_BLOCK_SECTION || !(part->flags & KG_SECTION_IN_TOC))
			continue;
		kg_buf_puts(out, KG_MD_BULLET "[");
		kg_md_escape(out, part->title, strlen(part->title));
		kg_buf_printf(out, "](#%s)\n", part->id);
		kg_section_open(part);
		for (j = 0; j < part->n; j++) {
			const kg_block *s = part->children[j];

			if (s->type != KG_BLOCK_SECTION ||
			    !(s->flags & KG_SECTION_IN_TOC))
				continue;
			kg_buf_puts(out, "    " KG_MD_BULLET "[");
			kg_md_escape(out, s->title, strlen(s->title));
			kg_buf_printf(out, "](#%s)\n", s->id);
		}
		kg_section_close(part);
	}
	kg_buf_putc(out, '\n');
}

static void S_block(const kg_block *root, const kg_block *b, kg_buf *out)
{
	kg_buf tmp = KG_BUF_INIT;
	cmark_node *md;

	switch (b->type) {
	case KG_BLOCK_DOCUMENT:
	case KG_BLOCK_ITEM:
	case KG_BLOCK_CELL:
		S_children(root, b, out);
		break;
	case KG_BLOCK_SECTION:
		S_heading(b, out);
		S_children(root, b, out);
		break;
	case KG_BLOCK_PROSE:
		md = kg_prose_parse(b);
		kg_md_to_commonmark(md, &tmp);
		cmark_node_free(md);
		kg_buf_rtrim(&tmp);
		kg_buf_puts(out, tmp.ptr);
		kg_buf_puts(out, "\n\n");
		break;
	case KG_BLOCK_LIST:
		S_list(root, b, out);
		break;
	case KG_BLOCK_FIELDS:
		S_fields(root, b, out);
		break;
	case KG_BLOCK_FIELD: /* a field outside FIELDS: same look */
		S_labelled(root, "", b->title, b, out);
		kg_buf_putc(out, '\n');
		break;
	case KG_BLOCK_RUBRIC:
		S_rubric(root, b, out);
		break;
	case KG_BLOCK_BAND:
		S_labelled(root, KG_MD_BULLET, b->title, b, out);
		break;
	case KG_BLOCK_CALLOUT:
		S_callout(root, b, out);
		break;
	case KG_BLOCK_TABLE:
		S_table(root, b, out);
		break;
	case KG_BLOCK_ROW:
		break; /* rows are written by their table */
	case KG_BLOCK_TOC:
		S_toc(root, out);
		break;
	case KG_BLOCK_SCORECARD:
		S_scorecard(root, b, out);
		break;
	case KG_BLOCK_DIMENSION:
		break; /* dimensions are written by their scorecard */
	case KG_BLOCK_NOTES:
		S_notes(b, out);
		break;
	case KG_BLOCK_CHART:
		break; /* its figures are in a table beside it */
	}
	kg_buf_release(&tmp);
}

/* The body into the sink, block by block (kg_shell_stream). */
static void S_body(const kg_doc *doc, kg_sink *out)
{
	static const kg_stream_ops ops = {S_block, S_heading, NULL};

	kg_shell_stream(doc->root, &ops, out);
}

static int S_write(const kg_doc *doc, const kg_write_opts *o, kg_sink *out,
		   kg_diags *d)
{
	return kg_shell_write(doc, o->templates, "md", "document", kg_md_escape,
			      S_body, out, d);
}

const kg_writer kg_writer_md = {"md", ".md", S_write};
