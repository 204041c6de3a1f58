/*
 * shell.c - the page shell every writer shares: the document's metadata
 * as template data, through the Mustache engine, written around the body.
 *
 * An HTML shell also gets `script_src` when the document has fillable
 * forms (doc->forms): the form script's hash for its Content-Security-
 * Policy (card_form.h). And `colours`, the brand's colours from the style
 * file (kg_pdf_style_colours_data), for its style sheet, and `page`, what
 * its print style sheet needs to print like the PDF: the build's paper and
 * the style's margins (CSS lengths), and the running head and foot as CSS
 * content values, already quoted and escaped (S_page_data).
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
#include "card_form.h"
#include "doc_toc.h"
#include "file.h"
#include "html_escape.h"
#include "labels.h"
#include "node.h"
#include "pdf_style.h"
#include "smart.h"
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
	/* who it is for (doc.h): absent, so falsey, when there is none */
	if (m->marking)
		kg_node_set_str(data, "marking", m->marking);
	if (m->reader)
		kg_node_set_str(data, "reader", m->reader);
	if (m->watermark)
		kg_node_set_str(data, "watermark", m->watermark);
	kg_node_set_str(data, "body", body);
	/* kitgen's own words (labels.h) and the language they are in */
	kg_node_set(data, "labels", kg_labels_data(doc->labels));
	kg_node_set(data, "cover_labels", kg_labels_cover_data(doc->labels));
	kg_node_set_str(data, "lang", kg_labels_lang(doc->labels));
	kg_node_set_bool(data, "rtl", kg_labels_rtl(doc->labels));
	/* the body holds the contents (HTML: #contents, a link back to them) */
	kg_node_set_bool(data, "contents", kg_doc_toc(doc) != NULL);
	return data;
}

/* ---- the print style sheet's data --------------------------------------- */

/* Append s (UTF-8, one line) as a CSS string, quoted, with smart
 * punctuation: ASCII other than letters, digits and space as a hex escape,
 * so nothing in it can end the string or the style element. */
static void S_css_string(kg_buf *out, const char *s)
{
	kg_buf smart = KG_BUF_INIT;
	uint32_t prev = 0;
	const unsigned char *p;

	kg_smart_append(&smart, s, strlen(s), &prev);
	kg_buf_putc(out, '"');
	for (p = (const unsigned char *)smart.ptr; *p; p++) {
		if (*p >= 0x80 || *p == ' ' || (*p >= '0' && *p <= '9') ||
		    ((*p | 0x20) >= 'a' && (*p | 0x20) <= 'z'))
			kg_buf_putc(out, (char)*p);
		else
			kg_buf_printf(out, "\\%x ", *p);
	}
	kg_buf_putc(out, '"');
	kg_buf_release(&smart);
}

/* Append a CSS token to a content value, a space between two tokens. */
static void S_css_token_sep(kg_buf *out)
{
	if (out->len)
		kg_buf_putc(out, ' ');
}

/* A label of the style (pdf_labels.h) as a CSS content value: its text
 * with each {name} of vars (at most 4 names) filled in, {page} and
 * {pages} the page counters; "none" for an empty label. */
static void S_css_label(kg_buf *out, const char *label,
			const char *const *vars, const char *digits)
{
	/* the counters' places, as characters a label's text never holds
	 * (content is free of control characters) */
	const char *cv[12] = {"page", "\x01", "pages", "\x02"};
	kg_buf text = KG_BUF_INIT, part = KG_BUF_INIT;
	const char *p;
	size_t i, n = 4;

	for (i = 0; vars[i] && n + 2 < 12; i += 2) {
		cv[n++] = vars[i];
		cv[n++] = vars[i + 1];
	}
	cv[n] = NULL;
	kg_pdf_label_fill(&text, label, cv);
	for (p = text.ptr;; p++) {
		if (*p && *p != '\x01' && *p != '\x02') {
			kg_buf_putc(&part, *p);
			continue;
		}
		if (part.len) {
			S_css_token_sep(out);
			S_css_string(out, part.ptr);
			kg_buf_reset(&part);
		}
		if (!*p)
			break;
		S_css_token_sep(out);
		kg_buf_printf(out, "counter(%s, %s)", *p == '\x01' ? "page" : "pages",
			      kg_digits_css(digits));
	}
	if (!out->len)
		kg_buf_puts(out, "none");
	kg_buf_release(&text);
	kg_buf_release(&part);
}

static void S_set_pt(kg_node *map, const char *key, float pt)
{
	char num[32];

	snprintf(num, sizeof(num), "%.2fpt", pt);
	kg_node_set_str(map, key, num);
}

/* The paper and the margins, in CSS lengths: the page's margin boxes take
 * the style's header and footer bands, as the PDF's running head and foot
 * do (pdf_front.c). A right-to-left page is mirrored: its margins swap
 * sides, and `start` / `end` name the sides of the margin boxes (CSS has
 * no logical @top-start). */
static void S_page_box(kg_node *map, const kg_pdf_style *st,
		       const kg_pdf_paper *paper, int rtl)
{
	char size[64];

	kg_node_set_str(map, "start", rtl ? "right" : "left");
	kg_node_set_str(map, "end", rtl ? "left" : "right");

	kg_node_set_str(map, "paper", paper->name);
	snprintf(size, sizeof(size), "%.2fpt %.2fpt", paper->width,
		 paper->height);
	kg_node_set_str(map, "size", size);
	S_set_pt(map, "margin_top", st->margin_top + st->header);
	S_set_pt(map, "margin_right", rtl ? st->margin_left : st->margin_right);
	S_set_pt(map, "margin_bottom", st->margin_bottom + st->footer);
	S_set_pt(map, "margin_left", rtl ? st->margin_right : st->margin_left);
	S_set_pt(map, "running_size", st->running);
}

/* The running head (the kit's title), foot (the style's footer label),
 * page number (its page label) and marking (who the document is for,
 * doc.h), as CSS content. */
static void S_page_running(kg_node *map, const kg_pdf_style *st,
			   const kg_doc_meta *m)
{
	const char *vars[] = {"version", m->version, "edition",
			      m->edition_title, NULL};
	kg_buf v = KG_BUF_INIT;

	S_css_string(&v, m->title);
	kg_node_set_str(map, "head", v.ptr);
	kg_buf_reset(&v);
	S_css_label(&v, st->labels.footer, vars, NULL);
	kg_node_set_str(map, "foot", v.ptr);
	kg_buf_reset(&v);
	S_css_label(&v, st->labels.page, vars, st->labels.digits);
	kg_node_set_str(map, "number", v.ptr);
	if (m->marking) { /* every page's foot, the cover's too */
		kg_buf_reset(&v);
		S_css_string(&v, m->marking);
		kg_node_set_str(map, "marking", v.ptr);
	}
	kg_buf_release(&v);
}

/* data's `page`, for the print style sheet: the build's paper (o->paper,
 * NULL for the style's first) and what the PDF prints around each page. */
static int S_page_data(const kg_doc *doc, const kg_write_opts *o,
		       kg_node *data, kg_diags *d)
{
	kg_buf path = KG_BUF_INIT;
	const kg_pdf_paper *paper;
	kg_pdf_style st;
	kg_node *map;
	int rc;

	kg_buf_printf(&path, "%s/pdf/style.yaml", o->templates);
	rc = kg_pdf_style_load(path.ptr, &st, d);
	kg_pdf_style_use_labels(&st, doc->labels);
	kg_buf_release(&path);
	paper = rc < 0 ? NULL : o->paper ? kg_pdf_style_paper(&st, o->paper)
					 : &st.papers[0];
	if (paper) {
		map = kg_node_new_map();
		S_page_box(map, &st, paper, kg_labels_rtl(doc->labels));
		S_page_running(map, &st, &doc->meta);
		kg_node_set(data, "page", map);
	} else if (rc == 0) { /* the build vets the paper first (paper.h) */
		rc = kg_error(d, st.papers_at, "unknown paper '%s'", o->paper);
	}
	kg_pdf_style_free(&st);
	return rc;
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

int kg_shell_write(const kg_doc *doc, const kg_write_opts *o,
		   const char *format, const char *name,
		   void (*escape)(kg_buf *, const char *, size_t),
		   kg_shell_body body, kg_sink *out, kg_diags *d)
{
	S_body_ctx ctx = {doc, body, escape, out};
	kg_node *data = S_data(doc, "body");
	kg_template_hook hook = {kg_node_get(data, "body"), S_write_body, &ctx};
	int rc = 0;

	/* the HTML's style sheet takes the brand's colours from the style
	 * file the PDF uses */
	if (strcmp(format, "html") == 0) {
		if (doc->forms) { /* the page's policy runs its form script */
			kg_buf src = KG_BUF_INIT;

			kg_card_form_csp(doc->forms, &src);
			kg_node_set_str(data, "script_src", src.ptr);
			kg_buf_release(&src);
		}
		rc = kg_pdf_style_colours_data(o->templates, data, d);
		if (rc == 0)
			rc = S_page_data(doc, o, data, d);
	}
	if (rc == 0)
		rc = kg_template_render_file(o->templates, format, name, data,
					     escape, &hook, &out->buf, d);

	if (rc == 0)
		kg_sink_drain(out);
	kg_node_free(data);
	return rc;
}
