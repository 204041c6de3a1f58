/*
 * shell.c - the page shell every writer shares: the document's metadata
 * as template data, through the Mustache engine, written around the body.
 *
 * An HTML shell also gets `colours`, the brand's colours from the style
 * file (kg_pdf_style_colours_data), for its style sheet.
 *
 * The body never goes through the engine (at 1,000 topics it is tens of
 * MiB, and the engine would copy it). The shell is rendered once, straight
 * into the writer's sink, with `body` a value the engine hands to a render
 * hook (template.h) wherever the template shows it: the hook writes the
 * body into the sink there, draining it as it goes, and escapes it whole
 * where the template escapes it ({{body}}).
 */
#include "writer.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "file.h"
#include "html_escape.h"
#include "node.h"
#include "pdf_style.h"
#include "template.h"

const kg_writer *const kg_writers[] = {&kg_writer_md, &kg_writer_html,
					     &kg_writer_pdf, NULL};

/* The metadata every shell gets, and body as given (a value the body hook
 * stands for). The caller frees it. */
static kg_node *S_data(const kg_doc *doc, const char *body)
{
	const kg_doc_meta *m = &doc->meta;
	kg_node *data = kg_node_new_map();

	kg_node_set_str(data, "kit_id", m->kit_id);
	kg_node_set_str(data, "edition_id", m->edition_id);
	kg_node_set_str(data, "edition_title", m->edition_title);
	kg_node_set_str(data, "profile", m->profile);
	kg_node_set_str(data, "level", m->level);
	kg_node_set_str(data, "title", m->title);
	if (m->doc_title) /* else the template names the page itself */
		kg_node_set_str(data, "doc_title", m->doc_title);
	kg_node_set_str(data, "subtitle", m->subtitle);
	kg_node_set_str(data, "version", m->version);
	kg_node_set_str(data, "publisher", m->publisher);
	kg_node_set_str(data, "licence", m->licence);
	kg_node_set_str(data, "digest", m->digest);
	kg_node_set_str(data, "build_digest",
			m->build_digest ? m->build_digest : "");
	kg_node_set_str(data, "body", body);
	return data;
}

void kg_shell_drain(kg_sink *out)
{
	size_t keep = 0;

	while (keep < out->buf.len &&
	       strchr(" \t\n\r", out->buf.ptr[out->buf.len - 1 - keep]))
		keep++;
	kg_sink_drain_keep(out, keep);
}

/* Drop the whitespace at the end of the body, which started at offset
 * `start`: kg_shell_drain kept it in the buffer. */
static void S_trim_body(kg_sink *out, size_t start)
{
	kg_buf *b = &out->buf;

	while (b->len && kg_sink_tell(out) > start &&
	       strchr(" \t\n\r", b->ptr[b->len - 1]))
		b->len--;
	if (b->cap)
		b->ptr[b->len] = '\0';
}

/* The body where the template escapes it: whole, trimmed, escaped. */
static void S_escaped_body(const kg_doc *doc, kg_shell_body body,
			   void (*escape)(kg_buf *, const char *, size_t),
			   kg_sink *out)
{
	kg_sink whole;

	kg_sink_init(&whole, NULL);
	body(doc, &whole);
	kg_buf_rtrim(&whole.buf);
	if (escape)
		escape(&out->buf, whole.buf.ptr, whole.buf.len);
	else
		kg_html_escape(&out->buf, whole.buf.ptr, whole.buf.len);
	kg_sink_release(&whole);
}

/* What the body hook needs to write the body. */
typedef struct S_body_ctx {
	const kg_doc *doc;
	kg_shell_body body;
	void (*escape)(kg_buf *, const char *, size_t);
	kg_sink *out;
} S_body_ctx;

/* The hook: the body, where the template shows it. The engine renders
 * into the sink's buffer, so buf is c->out's. */
static void S_write_body(void *ctx, bool escaped, kg_buf *buf)
{
	const S_body_ctx *c = ctx;

	(void)buf;
	if (escaped) {
		S_escaped_body(c->doc, c->body, c->escape, c->out);
	} else {
		size_t start = kg_sink_tell(c->out);

		c->body(c->doc, c->out);
		S_trim_body(c->out, start);
	}
	kg_sink_drain(c->out);
}

int kg_shell_write(const kg_doc *doc, const char *templates,
		   const char *paper, const char *format, const char *name,
		   void (*escape)(kg_buf *, const char *, size_t),
		   kg_shell_body body, kg_sink *out, kg_diags *d)
{
	S_body_ctx ctx = {doc, body, escape, out};
	kg_node *data = S_data(doc, "body");
	kg_template_hook hook = {kg_node_get(data, "body"), S_write_body, &ctx};
	int rc = 0;

	/* the HTML's style sheet takes the brand's colours from the style
	 * file the PDF uses */
	if (strcmp(format, "html") == 0)
		rc = kg_pdf_style_colours_data(templates, data, d);
	/* and its printed pages the paper the PDF is printed on */
	if (rc == 0 && strcmp(format, "html") == 0)
		rc = kg_pdf_style_paper_data(templates, paper, data, d);
	if (rc == 0)
		rc = kg_template_render_file(templates, format, name, data,
					     escape, &hook, &out->buf, d);

	if (rc == 0)
		kg_sink_drain(out);
	kg_node_free(data);
	return rc;
}
