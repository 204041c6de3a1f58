/*
 * markdown.h - CommonMark prose through libcmark: parse, sanitise,
 * render.
 *
 * kg_md_parse returns a cmark document in which nothing unsafe survives:
 * raw HTML (blocks and inline) becomes literal text, links whose URL is not
 * http(s), mailto or an in-page anchor lose the link and keep their text,
 * and images become their alt text (a kit never loads anything from
 * another host). Every writer renders from this tree, so the rules hold in
 * every format: a writer gets it from kg_prose_parse (prose.h) when it
 * reaches a PROSE block, and frees it when done with that block. The
 * caller frees the result with cmark_node_free.
 */
#ifndef KG_MARKDOWN_H
#define KG_MARKDOWN_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "smart.h"

struct cmark_node;

struct cmark_node *kg_md_parse(const char *text);

/* The tree as cmark parses it, not sanitised: for measuring it (schema.c),
 * never for output. The caller frees it with cmark_node_free. Every tree
 * and node comes from these functions, never from cmark_parse_document or
 * cmark_node_new: they make it with kitgen's allocator (alloc.h), which
 * renderers and iterators then use too. */
struct cmark_node *kg_md_parse_raw(const char *text);

/* Is this URL allowed in output? http://, https://, mailto: or #anchor. */
bool kg_md_url_safe(const char *url);

/* Append the tree rendered as CommonMark / as HTML (smart punctuation:
 * curly quotes, dashes, ellipses; cmark's safe mode). */
void kg_md_to_commonmark(struct cmark_node *doc, kg_buf *out);
void kg_md_to_html(struct cmark_node *doc, kg_buf *out);

/* Does node's text (its text nodes in order, markup aside) open with a
 * translation's fallback marker (smart.h's kg_smart_fallback)? Then the
 * node, a paragraph, a heading, a link or an emphasis, is the source's
 * text to its end, quoted as the source's language quotes. */
bool kg_md_opens_fallback(struct cmark_node *node);

/* A walk of a cmark tree (cmark_iter) that follows the fallbacks: at the
 * entry of a paragraph, a heading, a link or an emphasis that opens with
 * the marker, the source's quotes are used (smart.h) until its exit.
 * Start with KG_MD_FALLBACK_INIT; call kg_md_fallback_step with every
 * event, the first before the node's text is quoted. */
typedef struct kg_md_fallback {
	struct cmark_node *node; /* the element in the source's language */
	kg_quotes was;           /* the quotes in use before it */
} kg_md_fallback;
#define KG_MD_FALLBACK_INIT {NULL, {NULL, NULL, NULL, NULL}}
void kg_md_fallback_step(kg_md_fallback *fb, struct cmark_node *n, int enter);

/* Append plain text (a title: one line, no Markdown) as HTML, escaped, with
 * the same smart punctuation as prose. */
void kg_md_text_to_html(const char *text, kg_buf *out);

/* Append the plain text of CommonMark source on one line (markup
 * dropped, runs of white space one space), shortened to at most max
 * characters: cut at the last word boundary that leaves room for an
 * ellipsis, its trailing punctuation dropped, then "…". A first word
 * longer than max is cut inside it. Plain text, not Markdown: escape it
 * (kg_md_escape) to put it in prose. */
void kg_md_summary(const char *markdown, size_t max, kg_buf *out);

/* Append plain text with Markdown's punctuation backslash-escaped, so it
 * reads as the same text when parsed as CommonMark. */
void kg_md_escape(kg_buf *out, const char *s, size_t len);
/* The same, for a GFM table cell: also escapes '|' and turns line breaks
 * into spaces. */
void kg_md_escape_cell(kg_buf *out, const char *s, size_t len);

#endif
