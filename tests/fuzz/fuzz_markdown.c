/* fuzz_markdown.c - libFuzzer harness: content prose through the CommonMark
 * sanitiser and its HTML and CommonMark renderers */
/*
 * The input is one text field's value. Whatever it holds, the sanitised
 * tree must hold no raw HTML, no image and no link to anything but http(s),
 * mailto or an in-page anchor; the HTML rendered from it may only hold
 * cmark's own tags with their own attributes (so no <script>, no on*=
 * handler, no javascript: or data: URL); and the CommonMark rendered from
 * it must parse back to a tree just as clean.
 */
#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "buf.h"
#include "markdown.h"
#include "template.h"

static void S_check_tree(cmark_node *doc)
{
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_IMAGE:
			abort();
		case CMARK_NODE_LINK:
			if (!kg_md_url_safe(cmark_node_get_url(n)))
				abort();
			break;
		default:
			break;
		}
	}
	cmark_iter_free(it);
}

/* Is the tag name at s (of length len) one cmark writes? */
static int S_known_tag(const char *s, size_t len)
{
	static const char *const tags[] = {
		"p", "em", "strong", "code", "pre", "a", "ul", "ol", "li",
		"blockquote", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "br",
		NULL};
	size_t i;

	for (i = 0; tags[i]; i++)
		if (strlen(tags[i]) == len && memcmp(tags[i], s, len) == 0)
			return 1;
	return 0;
}

/* Every '<' opens a known tag whose attributes are href (safe), title,
 * class (language-...) or start; attribute values are quoted and hold no
 * '<' or '"'. */
static void S_check_html(const char *h)
{
	const char *p = h;

	while ((p = strchr(p, '<'))) {
		const char *name;
		size_t len;

		p++;
		if (*p == '/')
			p++;
		name = p;
		while ((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9'))
			p++;
		len = (size_t)(p - name);
		if (!S_known_tag(name, len))
			abort();
		for (;;) {
			const char *attr, *val, *end;

			while (*p == ' ')
				p++;
			if (*p == '>' || (p[0] == '/' && p[1] == '>'))
				break;
			attr = p;
			while (*p >= 'a' && *p <= 'z')
				p++;
			if (p[0] != '=' || p[1] != '"')
				abort();
			val = p + 2;
			end = strchr(val, '"');
			if (!end || memchr(val, '<', (size_t)(end - val)))
				abort();
			if (strncmp(attr, "href=", 5) == 0) {
				char *url = strndup(val, (size_t)(end - val));

				if (!kg_md_url_safe(url))
					abort();
				free(url);
			} else if (strncmp(attr, "title=", 6) != 0 &&
				   strncmp(attr, "start=", 6) != 0 &&
				   !(strncmp(attr, "class=", 6) == 0 &&
				     strncmp(val, "language-", 9) == 0)) {
				abort();
			}
			p = end + 1;
		}
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	char *text = strndup((const char *)data, size);
	cmark_node *doc = kg_md_parse(text), *again;
	kg_buf html = KG_BUF_INIT, md = KG_BUF_INIT, line = KG_BUF_INIT;

	S_check_tree(doc);
	kg_md_to_html(doc, &html);
	S_check_html(html.ptr);
	kg_md_to_commonmark(doc, &md);
	again = kg_md_parse(md.ptr);
	S_check_tree(again);
	kg_md_text_to_html(text, &line);
	S_check_html(line.ptr);
	kg_buf_reset(&line);
	kg_md_escape_cell(&line, text, strlen(text));
	cmark_node_free(again);
	cmark_node_free(doc);
	kg_buf_release(&html);
	kg_buf_release(&md);
	kg_buf_release(&line);
	free(text);
	return 0;
}
