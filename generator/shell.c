/*
 * shell.c - the page shell every writer shares: the document's metadata
 * as template data, through the Mustache engine, written around the body.
 *
 * The body never goes through the engine (at 1,000 topics it is tens of
 * MiB, and the engine would copy it twice). The shell is rendered with
 * `body` set to a marker instead, and the page is cut where the marker
 * shows; the writer writes the body into each cut. The marker is made of
 * control characters and a '<', so a place that escapes the body
 * ({{body}}) shows it escaped and is told apart from a raw one
 * ({{{body}}}). Content could hold a marker too, so the page is rendered
 * with two different markers, and the cuts are trusted only when both
 * pages cut into the same pieces: then every marker came from `body`.
 */
#include "writer.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "file.h"
#include "node.h"
#include "template.h"

const kg_writer *const kg_writers[] = {&kg_writer_md, &kg_writer_html,
					     &kg_writer_pdf, NULL};

static char *S_path(const char *dir, const char *format, const char *name)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "%s/%s/%s.mustache", dir, format, name);
	return kg_buf_detach(&b, NULL);
}


int kg_template_render_file(const char *templates, const char *format,
			    const char *name, const kg_node *data,
			    void (*escape)(kg_buf *, const char *, size_t),
			    kg_buf *out, kg_diags *d)
{
	char *path = S_path(templates, format, name);
	kg_buf src = KG_BUF_INIT, partials = KG_BUF_INIT;
	kg_template_opts opts = {escape, kg_template_partial_from_dir, NULL, true, NULL};
	kg_partial_dir pd = {NULL, d};
	int rc;

	kg_buf_printf(&partials, "%s/%s", templates, format);
	pd.dir = partials.ptr;
	opts.partial_ctx = &pd;
	rc = kg_file_read(path, KG_TEMPLATE_MAX_FILE, &src, d);
	if (rc == 0)
		rc = kg_template_render(path, src.ptr, src.len, data, &opts, out, d);
	kg_buf_release(&src);
	kg_buf_release(&partials);
	free(path);
	return rc;
}

/* The metadata every shell gets, and body as given. The caller frees it. */
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
	kg_node_set_str(data, "subtitle", m->subtitle);
	kg_node_set_str(data, "version", m->version);
	kg_node_set_str(data, "publisher", m->publisher);
	kg_node_set_str(data, "licence", m->licence);
	kg_node_set_str(data, "digest", m->digest);
	kg_node_set_str(data, "body", body);
	return data;
}

/* Attempts at a pair of markers no content shows, before giving up. */
#define S_MARKER_TRIES 8

/* A place for the body in a rendered page: the marker at [at, at+len). */
typedef struct S_place {
	size_t at, len;
	bool escaped;
} S_place;

/* A page rendered with a marker for its body, and where the marker shows. */
typedef struct S_page {
	kg_buf text;
	S_place *places;
	size_t n, cap;
} S_page;

/* Free p's memory; p is left empty and reusable. */
static void S_page_free(S_page *p)
{
	kg_buf_release(&p->text);
	free(p->places);
	p->places = NULL;
	p->n = p->cap = 0;
}

/* Marker number `nonce`, as {{{body}}} and as {{body}} show it. Every
 * marker has the same length, starts with \001 and ends with \002 and
 * holds neither elsewhere, so two can never overlap. */
static void S_marker(unsigned nonce, void (*escape)(kg_buf *, const char *, size_t),
		     kg_buf *raw, kg_buf *escaped)
{
	kg_buf_reset(raw);
	kg_buf_reset(escaped);
	kg_buf_printf(raw, "\001kitgen<body>%04u\002", nonce);
	if (escape)
		escape(escaped, raw->ptr, raw->len);
	else
		kg_template_escape_html(escaped, raw->ptr, raw->len);
}

/* The first marker m (of mlen bytes, starting with \001) in [at, end), or
 * NULL. */
static const char *S_find(const char *at, const char *end, const char *m,
			  size_t mlen)
{
	while ((at = memchr(at, '\001', (size_t)(end - at)))) {
		if ((size_t)(end - at) < mlen)
			return NULL;
		if (memcmp(at, m, mlen) == 0)
			return at;
		at++;
	}
	return NULL;
}

/* Where raw or escaped occurs in p->text, in order. */
static void S_find_places(S_page *p, const kg_buf *raw, const kg_buf *escaped)
{
	const char *text = p->text.ptr, *end = text + p->text.len, *at = text;

	for (;;) {
		const char *r = S_find(at, end, raw->ptr, raw->len);
		const char *e = S_find(at, end, escaped->ptr, escaped->len);
		bool is_escaped = e && (!r || e < r);
		S_place *pl;

		if (!r && !e)
			break;
		KG_GROW(p->places, p->cap, p->n + 1);
		pl = &p->places[p->n++];
		pl->at = (size_t)((is_escaped ? e : r) - text);
		pl->len = is_escaped ? escaped->len : raw->len;
		pl->escaped = is_escaped;
		at = text + pl->at + pl->len;
	}
}

/* Do two pages cut into the same pieces, at places of the same kinds? */
static bool S_same_cuts(const S_page *a, const S_page *b)
{
	size_t i, from_a = 0, from_b = 0;

	if (a->n != b->n)
		return false;
	for (i = 0; i <= a->n; i++) {
		size_t to_a = i < a->n ? a->places[i].at : a->text.len;
		size_t to_b = i < b->n ? b->places[i].at : b->text.len;

		if (to_a - from_a != to_b - from_b ||
		    memcmp(a->text.ptr + from_a, b->text.ptr + from_b,
			   to_a - from_a) != 0)
			return false;
		if (i < a->n) {
			if (a->places[i].escaped != b->places[i].escaped)
				return false;
			from_a = to_a + a->places[i].len;
			from_b = to_b + b->places[i].len;
		}
	}
	return true;
}

/* Render the shell with marker `nonce` as its body into p. */
static int S_render_marked(const kg_doc *doc, const char *templates,
			   const char *format, const char *name,
			   void (*escape)(kg_buf *, const char *, size_t),
			   unsigned nonce, S_page *p, kg_diags *d)
{
	kg_buf raw = KG_BUF_INIT, escaped = KG_BUF_INIT;
	kg_node *data;
	int rc;

	S_marker(nonce, escape, &raw, &escaped);
	data = S_data(doc, raw.ptr);
	rc = kg_template_render_file(templates, format, name, data, escape,
				     &p->text, d);
	if (rc == 0)
		S_find_places(p, &raw, &escaped);
	kg_node_free(data);
	kg_buf_release(&raw);
	kg_buf_release(&escaped);
	return rc;
}

/* Render the shell into p, its places for the body found. */
static int S_render_shell(const kg_doc *doc, const char *templates,
			  const char *format, const char *name,
			  void (*escape)(kg_buf *, const char *, size_t),
			  S_page *p, kg_diags *d)
{
	S_page check = {KG_BUF_INIT, NULL, 0, 0};
	unsigned nonce;
	char *path;

	for (nonce = 0; nonce < 2 * S_MARKER_TRIES; nonce += 2) {
		int rc = S_render_marked(doc, templates, format, name, escape,
					 nonce, p, d);

		if (rc == 0)
			rc = S_render_marked(doc, templates, format, name, escape,
					     nonce + 1, &check, d);
		if (rc < 0) {
			S_page_free(p);
			S_page_free(&check);
			return -1;
		}
		if (S_same_cuts(p, &check)) {
			S_page_free(&check);
			return 0;
		}
		S_page_free(p);
		S_page_free(&check);
	}
	path = S_path(templates, format, name);
	kg_error(d, (kg_mark){path, 0, 0}, "cannot find where the body goes: "
		 "the page shows kitgen's body markers itself");
	free(path);
	return -1;
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
		kg_template_escape_html(&out->buf, whole.buf.ptr, whole.buf.len);
	kg_sink_release(&whole);
}

int kg_shell_write(const kg_doc *doc, const char *templates,
		   const char *format, const char *name,
		   void (*escape)(kg_buf *, const char *, size_t),
		   kg_shell_body body, kg_sink *out, kg_diags *d)
{
	S_page page = {KG_BUF_INIT, NULL, 0, 0};
	size_t i, from = 0;

	if (S_render_shell(doc, templates, format, name, escape, &page, d) < 0)
		return -1;
	for (i = 0; i < page.n; i++) {
		const S_place *pl = &page.places[i];

		kg_buf_put(&out->buf, page.text.ptr + from, pl->at - from);
		if (pl->escaped) {
			S_escaped_body(doc, body, escape, out);
		} else {
			size_t start = kg_sink_tell(out);

			body(doc, out);
			S_trim_body(out, start);
		}
		kg_sink_drain(out);
		from = pl->at + pl->len;
	}
	kg_buf_put(&out->buf, page.text.ptr + from, page.text.len - from);
	kg_sink_drain(out);
	S_page_free(&page);
	return 0;
}

static void S_stream(const kg_block *root, const kg_block *b,
		     const kg_stream_ops *ops, kg_sink *out)
{
	size_t i;

	if (b->type != KG_BLOCK_DOCUMENT && b->type != KG_BLOCK_SECTION) {
		ops->block(root, b, &out->buf);
		kg_shell_drain(out);
		return;
	}
	if (b->type == KG_BLOCK_SECTION)
		ops->section_begin(b, &out->buf);
	kg_section_open(b);
	for (i = 0; i < b->n; i++)
		S_stream(root, b->children[i], ops, out);
	kg_section_close(b);
	if (b->type == KG_BLOCK_SECTION && ops->section_end)
		ops->section_end(b, &out->buf);
}

void kg_shell_stream(const kg_block *root, const kg_stream_ops *ops,
		     kg_sink *out)
{
	S_stream(root, root, ops, out);
}
