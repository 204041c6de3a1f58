/*
 * markdown.c - libcmark glue: parsing content prose into a sanitised tree
 * and rendering it as CommonMark or HTML.
 */
#include "markdown.h"

#include <cmark.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "html_escape.h"
#include "smart.h"
#include "utf8.h"

/* Every allocation cmark makes for kitgen goes through kitgen's wrappers,
 * so running out of memory inside cmark is kitgen's clean exit 3 (with
 * the temporary files removed), not cmark's abort(). A tree takes its
 * allocator from its parser or first node, and renderers and iterators
 * take the tree's: so every node is made here, with S_mem. */
static cmark_mem S_mem = {kg_xcalloc, kg_xrealloc, free};

/* cmark_parse_document with S_mem */
static cmark_node *S_parse_raw(const char *text, int options)
{
	cmark_parser *p = cmark_parser_new_with_mem(options, &S_mem);
	cmark_node *doc;

	cmark_parser_feed(p, text, strlen(text));
	doc = cmark_parser_finish(p);
	cmark_parser_free(p);
	return doc;
}

cmark_node *kg_md_parse_raw(const char *text)
{
	return S_parse_raw(text, CMARK_OPT_DEFAULT);
}

bool kg_md_url_safe(const char *url)
{
	if (!url)
		return false;
	return strncasecmp(url, "http://", 7) == 0 ||
	       strncasecmp(url, "https://", 8) == 0 ||
	       strncasecmp(url, "mailto:", 7) == 0 || url[0] == '#';
}

/* Replace node by a text node holding `literal`. */
static void S_to_text(cmark_node *node, const char *literal)
{
	cmark_node *text = cmark_node_new_with_mem(CMARK_NODE_TEXT, &S_mem);

	cmark_node_set_literal(text, literal ? literal : "");
	cmark_node_replace(node, text);
	cmark_node_free(node);
}

/* An HTML block becomes a paragraph of literal text. */
static void S_html_block_to_text(cmark_node *node)
{
	cmark_node *para = cmark_node_new_with_mem(CMARK_NODE_PARAGRAPH, &S_mem);
	cmark_node *text = cmark_node_new_with_mem(CMARK_NODE_TEXT, &S_mem);
	const char *lit = cmark_node_get_literal(node);
	size_t len = lit ? strlen(lit) : 0;
	char *copy = kg_xstrndup(lit ? lit : "", len);

	while (len && (copy[len - 1] == '\n' || copy[len - 1] == '\r'))
		copy[--len] = '\0';
	cmark_node_set_literal(text, copy);
	free(copy);
	cmark_node_append_child(para, text);
	cmark_node_replace(node, para);
	cmark_node_free(node);
}

/* Move node's children in front of it and drop node (unwrap a link). */
static void S_unwrap(cmark_node *node)
{
	cmark_node *child;

	while ((child = cmark_node_first_child(node)))
		cmark_node_insert_before(node, child);
	cmark_node_free(node);
}

/* Image alt text is the plain text of its children. */
static void S_alt_text(cmark_node *node, char **out, size_t *len)
{
	cmark_node *c;

	for (c = cmark_node_first_child(node); c; c = cmark_node_next(c)) {
		const char *lit = cmark_node_get_literal(c);

		if (lit) {
			size_t l = strlen(lit);
			*out = kg_xrealloc(*out, *len + l + 1);
			memcpy(*out + *len, lit, l + 1);
			*len += l;
		}
		S_alt_text(c, out, len);
	}
}

static int S_unsafe(cmark_node *n)
{
	switch (cmark_node_get_type(n)) {
	case CMARK_NODE_HTML_BLOCK:
	case CMARK_NODE_HTML_INLINE:
	case CMARK_NODE_IMAGE:
		return 1;
	case CMARK_NODE_LINK:
		return !kg_md_url_safe(cmark_node_get_url(n));
	default:
		return 0;
	}
}

/* Every unsafe node of doc, in document order, into *found (n of them;
 * the caller frees the array). One walk: the tree is changed only after
 * it, as cmark's iterator requires. An image is replaced whole by its alt
 * text, so nothing inside one is collected (it would be freed with it);
 * a link is unwrapped, its children kept, so what it holds is collected
 * too. Each fix leaves the other collected nodes where they are. */
static size_t S_find_unsafe(cmark_node *doc, cmark_node ***found)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	size_t n = 0, cap = 0;

	*found = NULL;
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *node = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER || !S_unsafe(node))
			continue;
		KG_GROW(*found, cap, n + 1);
		(*found)[n++] = node;
		if (cmark_node_get_type(node) == CMARK_NODE_IMAGE)
			cmark_iter_reset(it, node, CMARK_EVENT_EXIT);
	}
	cmark_iter_free(it);
	return n;
}

/* Make node, an unsafe one, safe: raw HTML and images become their text,
 * an unsafe link its text without the link. */
static void S_make_safe(cmark_node *node)
{
	char *alt = NULL;
	size_t len = 0;

	switch (cmark_node_get_type(node)) {
	case CMARK_NODE_HTML_BLOCK:
		S_html_block_to_text(node);
		break;
	case CMARK_NODE_HTML_INLINE:
		S_to_text(node, cmark_node_get_literal(node));
		break;
	case CMARK_NODE_IMAGE:
		S_alt_text(node, &alt, &len);
		S_to_text(node, alt);
		free(alt);
		break;
	default:
		S_unwrap(node);
		break;
	}
}

/* Parse with cmark options (CMARK_OPT_SMART or not), then sanitise: work
 * in proportion to the text, however many unsafe nodes it holds. */
static cmark_node *S_parse(const char *text, int options)
{
	cmark_node *doc = S_parse_raw(text, options);
	cmark_node **unsafe;
	size_t n = S_find_unsafe(doc, &unsafe), i;

	for (i = 0; i < n; i++)
		S_make_safe(unsafe[i]);
	free(unsafe);
	return doc;
}

cmark_node *kg_md_parse(const char *text)
{
	return S_parse(text, CMARK_OPT_DEFAULT);
}

void kg_md_to_commonmark(cmark_node *doc, kg_buf *out)
{
	char *s = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);

	kg_buf_puts(out, s);
	free(s);
}

/* cmark applies smart punctuation while parsing, not while rendering, and
 * the tree is parsed without it so that the Markdown edition keeps the
 * author's quotes. So the tree goes back to CommonMark and is parsed again
 * with CMARK_OPT_SMART, through the same sanitiser; cmark's renderer, in
 * its default safe mode, then writes it. */
bool kg_md_opens_fallback(cmark_node *node)
{
	cmark_iter *it;
	cmark_event_type ev;
	char head[256];
	size_t n = 0;

	if (!kg_smart_has_fallback())
		return false;
	it = cmark_iter_new(node);
	while (n < sizeof(head) &&
	       (ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *k = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(k);
		const char *lit = NULL;
		size_t len;

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			lit = cmark_node_get_literal(k);
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			lit = " ";
		else if (k != node && t != CMARK_NODE_EMPH &&
			 t != CMARK_NODE_STRONG && t != CMARK_NODE_LINK &&
			 t != CMARK_NODE_PARAGRAPH)
			break; /* an image, raw HTML: no more text to read */
		if (!lit)
			continue;
		len = strlen(lit);
		if (len > sizeof(head) - n)
			len = sizeof(head) - n;
		memcpy(head + n, lit, len);
		n += len;
	}
	cmark_iter_free(it);
	return kg_smart_opens_fallback(head, n);
}

/* Is n an element whose text can be a fallback of its own (a paragraph,
 * a heading, a link or an emphasis)? */
static bool S_fallback_kind(cmark_node_type t)
{
	return t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
	       t == CMARK_NODE_LINK || t == CMARK_NODE_EMPH ||
	       t == CMARK_NODE_STRONG;
}

void kg_md_fallback_step(kg_md_fallback *fb, cmark_node *n, int enter)
{
	if (enter && !fb->node && S_fallback_kind(cmark_node_get_type(n)) &&
	    kg_md_opens_fallback(n)) {
		fb->node = n;
		fb->was = kg_smart_enter_fallback();
	} else if (!enter && n == fb->node) {
		kg_smart_use(&fb->was);
		fb->node = NULL;
	}
}

/* cmark's smart quotes are English's: its text nodes get the kit's
 * language's (smart.h), an apostrophe kept; a fallback's text, from the
 * element that opens with the marker to that element's end, gets the
 * source language's. */
static void S_requote(cmark_node *doc)
{
	cmark_iter *it;
	cmark_event_type ev;
	kg_buf b = KG_BUF_INIT;
	uint32_t prev = 0;
	kg_md_fallback fallback = KG_MD_FALLBACK_INIT;

	if (kg_smart_english_all())
		return;
	it = cmark_iter_new(doc);
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		const char *lit;

		kg_md_fallback_step(&fallback, n, ev == CMARK_EVENT_ENTER);
		if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING)
			prev = 0;
		if (ev != CMARK_EVENT_ENTER || t != CMARK_NODE_TEXT)
			continue;
		lit = cmark_node_get_literal(n);
		if (!lit || !strpbrk(lit, "\xE2"))
			continue;
		kg_buf_reset(&b);
		kg_smart_requote(&b, lit, strlen(lit), &prev);
		cmark_node_set_literal(n, b.ptr);
	}
	cmark_iter_free(it);
	kg_buf_release(&b);
}

void kg_md_to_html(cmark_node *doc, kg_buf *out)
{
	char *src = cmark_render_commonmark(doc, CMARK_OPT_DEFAULT, 0);
	cmark_node *smart = S_parse(src, CMARK_OPT_SMART);
	char *s;

	S_requote(smart);
	s = cmark_render_html(smart, CMARK_OPT_DEFAULT);
	kg_buf_puts(out, s);
	free(s);
	cmark_node_free(smart);
	free(src);
}

void kg_md_text_to_html(const char *text, kg_buf *out)
{
	kg_buf src = KG_BUF_INIT;
	cmark_node *doc, *para;
	char *s;

	kg_md_escape(&src, text, strlen(text));
	doc = S_parse(src.ptr, CMARK_OPT_SMART);
	S_requote(doc);
	para = cmark_node_first_child(doc);
	if (para && !cmark_node_next(para) &&
	    cmark_node_get_type(para) == CMARK_NODE_PARAGRAPH) {
		/* "<p>...</p>\n" without the paragraph */
		s = cmark_render_html(para, CMARK_OPT_DEFAULT);
		if (strncmp(s, "<p>", 3) == 0 && strlen(s) >= 8)
			kg_buf_put(out, s + 3, strlen(s) - 8);
		free(s);
	} else { /* text that reads as a block ("1. ...", "# ..."): as is */
		kg_html_escape(out, text, strlen(text));
	}
	cmark_node_free(doc);
	kg_buf_release(&src);
}

/* How many bytes at s (a line's start, len left) read as the marker of a
 * block, not as text: an ATX heading's '#', a bullet's '-' or '+', a
 * setext underline's '=', or an ordered list's digits and '.' or ')' when
 * a space, tab or the end follows. 0: none. The caller escapes the
 * marker's last byte, which is enough for CommonMark to read it as text. */
static size_t S_block_marker(const char *s, size_t len)
{
	size_t i = 0;

	if (len && strchr("#-+=", s[0]))
		return 1;
	while (i < len && i < 9 && s[i] >= '0' && s[i] <= '9')
		i++;
	if (i && i < len && (s[i] == '.' || s[i] == ')') &&
	    (i + 1 == len || s[i + 1] == ' ' || s[i + 1] == '\t'))
		return i + 1;
	return 0;
}

static void S_escape(kg_buf *out, const char *s, size_t len, bool cell)
{
	size_t i, marker = 0;
	bool start = true;

	for (i = 0; i < len; i++) {
		if (start && s[i] != ' ') {
			marker = S_block_marker(s + i, len - i);
			start = false;
		}
		if (cell && (s[i] == '\n' || s[i] == '\r')) {
			kg_buf_putc(out, ' ');
			continue;
		}
		if ((s[i] && strchr("\\`*_[]<>|~&", s[i])) || marker == 1)
			kg_buf_putc(out, '\\');
		if (marker)
			marker--;
		kg_buf_putc(out, s[i]);
		start = start || s[i] == '\n';
	}
}

void kg_md_escape(kg_buf *out, const char *s, size_t len)
{
	S_escape(out, s, len, false);
}

void kg_md_escape_cell(kg_buf *out, const char *s, size_t len)
{
	S_escape(out, s, len, true);
}

/* ---- a summary: plain text on one line -------------------------------------- */

/* The plain text of a cmark tree, white space runs made one space. */
static void S_plain_line(cmark_node *doc, kg_buf *out)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	int space = 0;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);
		const char *s;

		if (ev == CMARK_EVENT_EXIT) {
			if (t == CMARK_NODE_PARAGRAPH || t == CMARK_NODE_HEADING ||
			    t == CMARK_NODE_CODE_BLOCK || t == CMARK_NODE_ITEM)
				space = 1;
			continue;
		}
		if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK) {
			space = 1;
			continue;
		}
		if (t != CMARK_NODE_TEXT && t != CMARK_NODE_CODE &&
		    t != CMARK_NODE_CODE_BLOCK)
			continue;
		for (s = cmark_node_get_literal(n); s && *s; s++) {
			if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
				space = 1;
				continue;
			}
			if (space && out->len)
				kg_buf_putc(out, ' ');
			space = 0;
			kg_buf_putc(out, *s);
		}
	}
	cmark_iter_free(it);
}

void kg_md_summary(const char *markdown, size_t max, kg_buf *out)
{
	cmark_node *doc = kg_md_parse(markdown ? markdown : "");
	kg_buf text = KG_BUF_INIT;
	size_t i, chars = 0, keep = max > 1 ? max - 1 : 0; /* room for "…" */
	size_t cut = 0, word = 0;

	S_plain_line(doc, &text);
	cmark_node_free(doc);
	/* cut: where the keep-th character ends; word: the last space
	 * before it */
	for (i = 0; i < text.len; i++) {
		if (kg_utf8_is_cont((unsigned char)text.ptr[i]))
			continue;
		if (chars == keep)
			cut = i;
		if (text.ptr[i] == ' ' && chars <= keep)
			word = i;
		chars++;
	}
	if (chars <= max) {
		kg_buf_put(out, text.ptr, text.len);
	} else {
		size_t end = word ? word : cut;

		while (end > 0 && strchr(" ,;:.-", text.ptr[end - 1]))
			end--;
		kg_buf_put(out, text.ptr, end);
		kg_buf_puts(out, "\xE2\x80\xA6");
	}
	kg_buf_release(&text);
}
