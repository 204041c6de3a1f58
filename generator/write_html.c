/*
 * write_html.c - the HTML writer: the composed document as one
 * self-contained page inside the templates/html/ shell (inline CSS,
 * nothing loaded from anywhere, no script but a panel packet's form
 * script).
 *
 * A scorecard that is a card (doc.h: its SCORECARD, DIMENSION and NOTES
 * carry the card file's names) is a form: a radio group per line, a
 * "prompted" box, an evidence field, the candidate, interviewer and date
 * fields. The document's form data (doc->forms, card_form.h) and the form
 * script follow the body, the script allowed by its hash in the page's
 * policy (shell.c); with scripts off the page is the printable form.
 *
 * Every string from the content reaches the page through one of two doors:
 * prose through cmark's HTML renderer (kg_md_to_html: a sanitised tree,
 * safe mode), titles through kg_md_text_to_html (escaped). Nothing is
 * copied raw. Anchors are the tree's section ids, so links survive
 * rebuilds. The shell's h1 is the kit title; a level-1 section is an h2,
 * and each level below goes one deeper (capped at h6). The author's words
 * are dir="auto" and code dir="ltr", so a right-to-left kit holding
 * English (or the reverse) reads right: "the direction and language of
 * the author's words" below.
 */
#include "svgchart.h"
#include "writer.h"

#include <cmark.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "card_form.h"
#include "doc_iter.h"
#include "html_escape.h"
#include "labels.h"
#include "markdown.h"
#include "template.h"
#include "prose.h"
#include "smart.h"
#include "utf8.h"

static void S_event(kg_iter *it, kg_event ev, kg_buf *out);

/* The children of a block this writer handles whole (a table's cell, a
 * scorecard's dimension): a walk of their own. */
static void S_walk(const kg_block *b, kg_buf *out)
{
	kg_iter *it = kg_iter_new(b);
	kg_event ev;

	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE)
		if (kg_iter_depth(it) > 0)
			S_event(it, ev, out);
	kg_iter_free(it);
}

/* An attribute value or other plain text. */
static void S_escape(const char *s, kg_buf *out)
{
	kg_html_escape(out, s, strlen(s));
}

/* ---- the direction and language of the author's words -----------------------
 * <html> carries the labels' language and its direction (shell.c). What
 * the kit's author wrote may be in another language or script (an
 * English term in an Arabic kit, a whole English answer), so each block
 * of it -- a paragraph (a cell's, a field's text are paragraphs), a
 * list, a heading, a field's or a band's name, a contents entry, a name
 * typed into a form -- is dir="auto": the browser takes its direction
 * from its first strong letter, and English in an Arabic kit reads left
 * to right. A list takes its direction from its first item, so its
 * markers stay on one side; an item's paragraphs have none of their own
 * (the style sheet sets each item's text by its own first letter,
 * unicode-bidi: plaintext). kitgen's furniture, written from the labels,
 * keeps the page's direction, and so does the layout around the blocks:
 * tables, stripes and the contents are mirrored whole by the style
 * sheet's logical properties. Code reads left to right always. A text a
 * translated build fell back to (the label "translate.untranslated" in
 * front of it, translate.h) is in the source's language: its element
 * carries that lang; its marker the page's, and the page's direction,
 * which dir="auto" passes over.
 *
 * All of it is here: S_content_attrs for the elements this writer opens
 * around a title or a field, S_dirs over cmark's HTML of each PROSE
 * block. */

/* The labels (labels.h) of the document being written, for the words
 * the writer adds; the language of its fallback texts (NULL when the
 * build is not a translation) and their marker: set by S_body, one
 * document per thread at a time. */
static _Thread_local const kg_labels *S_labels;
static _Thread_local const char *S_source_lang;
static _Thread_local const char *S_mark;
static _Thread_local size_t S_mark_len;
/* the document's quotation marks, and the source language's (its
 * built-in labels) for a fallback's prose */
static _Thread_local const kg_quotes *S_quotes, *S_source_quotes;

/* The length of the fallback marker text opens with, 0 for none. */
static size_t S_fallback(const char *text, size_t len)
{
	if (!S_source_lang || !S_mark_len || len < S_mark_len)
		return 0;
	return memcmp(text, S_mark, S_mark_len) == 0 ? S_mark_len : 0;
}

/* Does the text in [s, end) hold a letter, outside tags and entities? A
 * text of digits and signs only ("50%", "30") has no direction of its
 * own: dir="auto" would set it left to right, and a column of a
 * right-to-left table would align it apart from the others, so it keeps
 * its parent's. (A letter: ASCII's, or a character from U+00C0 on but
 * punctuation, symbols, spaces and CJK punctuation.) */
static int S_has_letter(const char *s, const char *end)
{
	int in_tag = 0;

	while (s < end) {
		uint32_t c;

		if (*s == '<' || *s == '&')
			in_tag = 1;
		else if (*s == '>' || (*s == ';' && in_tag))
			in_tag = 0;
		if (in_tag || *s == '>' || *s == ';') {
			s++;
			continue;
		}
		c = kg_utf8_next(&s, end);
		if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'))
			return 1;
		if (c >= 0xC0 && c != 0xD7 && c != 0xF7 &&
		    !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F) &&
		    !(c >= 0xFE30 && c <= 0xFE4F) && !(c >= 0xFF00 && c <= 0xFF20) &&
		    c != KG_UTF8_REPLACEMENT)
			return 1;
	}
	return 0;
}

/* The source's lang when text is a fallback. */
static void S_lang_attr(const char *text, kg_buf *out)
{
	if (text && S_fallback(text, strlen(text))) {
		kg_buf_puts(out, " lang=\"");
		S_escape(S_source_lang, out);
		kg_buf_putc(out, '"');
	}
}

/* The attributes of an element around the author's text: dir="auto",
 * and the source's lang when it is a fallback. */
static void S_content_attrs(const char *text, kg_buf *out)
{
	if (text && S_has_letter(text, text + strlen(text)))
		kg_buf_puts(out, " dir=\"auto\"");
	S_lang_attr(text, out);
}

/* A fallback's marker, n bytes, in the page's language inside an element
 * in the source's. */
static void S_marker(const char *marker, size_t n, kg_buf *out)
{
	kg_buf_puts(out, "<span lang=\"");
	S_escape(kg_labels_lang(S_labels), out);
	kg_buf_printf(out, "\" dir=\"%s\">",
		      kg_labels_rtl(S_labels) ? "rtl" : "ltr");
	kg_html_escape(out, marker, n);
	kg_buf_puts(out, "</span>");
}

/* ---- the prose cache ------------------------------------------------------------ */

/* A build writes the kit's texts into many editions: a question's into
 * the published kit, every packet that asks it and its round's guide.
 * Rendering one (parsed, back to CommonMark, parsed again with smart
 * punctuation, rendered, its directions marked) is most of an HTML
 * page's time, so between kg_html_cache_begin and kg_html_cache_end a
 * text of the kit's own (borrowed by its block: it lives as long as the
 * kit, so its address names it) keeps its HTML, keyed also by the labels
 * in use (the language's quotes and marker) and whether it sits in a list
 * item; and a title (a copy of each block's own, so named by its text)
 * its HTML too: the same bytes as rendering it again. It may take S_CACHE_MAX
 * bytes, its table and entries counted (content/'s texts take 0.6 MB);
 * a kit whose texts would take more (a thousand topics: tens of
 * megabytes, against the 64 MiB such a build is held to) drops it at
 * once and renders every text every time, as if it had never been. */
#define S_CACHE_MAX ((size_t)2 << 20)
/* an entry's cost beyond its HTML: the allocation's overhead */
#define S_ENTRY_COST 64

/* what an entry holds: a prose block's text out of a list item or in
 * one, or a title (keyed by its text, a copy the entry owns) */
enum { S_PROSE, S_PROSE_IN_ITEM, S_TITLE };

typedef struct S_cached {
	const char *text;        /* NULL: a free slot */
	const kg_labels *labels;
	int item;                /* S_PROSE, S_PROSE_IN_ITEM or S_TITLE */
	char *html;
	size_t len;
} S_cached;

static _Thread_local int S_caching;
static _Thread_local S_cached *S_cache;
static _Thread_local size_t S_ncache, S_cache_cap, S_cache_bytes;

void kg_html_cache_begin(void)
{
	kg_html_cache_end();
	S_caching = 1;
}

void kg_html_cache_end(void)
{
	size_t i;

	for (i = 0; i < S_cache_cap; i++) {
		free(S_cache[i].html);
		if (S_cache[i].item == S_TITLE)
			free((char *)S_cache[i].text);
	}
	free(S_cache);
	S_cache = NULL;
	S_ncache = S_cache_cap = S_cache_bytes = 0;
	S_caching = 0;
}

/* Is entry e the one of text, labels and item? */
static int S_cache_is(const S_cached *e, const char *text,
		      const kg_labels *labels, int item)
{
	return e->labels == labels && e->item == item &&
	       (item == S_TITLE ? strcmp(e->text, text) == 0 : e->text == text);
}

static size_t S_cache_slot(const char *text, const kg_labels *labels, int item)
{
	size_t h = (uintptr_t)text >> 3, i;
	const unsigned char *p;

	if (item == S_TITLE) /* FNV-1a over the text */
		for (h = 2166136261u, p = (const unsigned char *)text; *p; p++)
			h = (h ^ *p) * 16777619u;
	h = h * 0x9E3779B97F4A7C15u ^ (uintptr_t)labels ^ (size_t)item;
	i = h & (S_cache_cap - 1);
	while (S_cache[i].text && !S_cache_is(&S_cache[i], text, labels, item))
		i = (i + 1) & (S_cache_cap - 1);
	return i;
}

static void S_cache_grow(void)
{
	S_cached *old = S_cache;
	size_t n = S_cache_cap, i;

	S_cache_cap = n ? 2 * n : 256;
	S_cache = kg_xcalloc(S_cache_cap, sizeof(*S_cache));
	S_cache_bytes += (S_cache_cap - n) * sizeof(*S_cache);
	for (i = 0; i < n; i++)
		if (old[i].text)
			S_cache[S_cache_slot(old[i].text, old[i].labels,
					     old[i].item)] = old[i];
	free(old);
}

/* The kept HTML of text (a prose block's, or a title), or NULL. */
static const S_cached *S_cache_find(const char *text, int item)
{
	const S_cached *e;

	if (!S_caching || !text || !S_cache_cap)
		return NULL;
	e = &S_cache[S_cache_slot(text, S_labels, item)];
	return e->text ? e : NULL;
}

/* The block's text when it is the kit's own (a copy of its own is not
 * kept: it lives no longer than its document). */
static const char *S_kit_text(const kg_block *b)
{
	return b->text_copy ? NULL : b->text;
}

static void S_cache_put(const char *text, int item, const kg_buf *html)
{
	S_cached *e;

	if (!S_caching || !text)
		return;
	if (4 * (S_ncache + 1) > 3 * S_cache_cap) {
		if (S_cache_bytes + (S_cache_cap ? S_cache_cap : 256) *
		    sizeof(*S_cache) > S_CACHE_MAX) {
			kg_html_cache_end(); /* too big a kit: no cache */
			return;
		}
		S_cache_grow();
	}
	if (S_cache_bytes + html->len + S_ENTRY_COST > S_CACHE_MAX) {
		kg_html_cache_end();
		return;
	}
	e = &S_cache[S_cache_slot(text, S_labels, item)];
	e->text = item == S_TITLE ? kg_xstrdup(text) : text;
	e->labels = S_labels;
	e->item = item;
	e->html = kg_xstrndup(html->ptr ? html->ptr : "", html->len);
	e->len = html->len;
	S_ncache++;
	S_cache_bytes += html->len + S_ENTRY_COST +
			 (item == S_TITLE ? strlen(text) + 1 : 0);
}

/* A title: plain text, escaped, with smart punctuation like the prose;
 * a fallback's marker marked (its element has S_content_attrs), and its
 * text quoted as the source's language quotes, as its prose is. */
static void S_title(const char *title, kg_buf *out)
{
	const S_cached *kept;
	size_t n, at = out->len;

	title = title ? title : "";
	if ((kept = S_cache_find(title, S_TITLE))) {
		kg_buf_put(out, kept->html, kept->len);
		return;
	}
	n = S_fallback(title, strlen(title));
	if (n) {
		S_marker(title, n, out);
		for (; title[n] == ' '; n++)
			kg_buf_putc(out, ' ');
		kg_smart_use(S_source_quotes);
	}
	kg_md_text_to_html(title + n, out);
	if (n)
		kg_smart_use(S_quotes);
	if (S_caching) {
		kg_buf html = KG_BUF_INIT;

		kg_buf_put(&html, out->ptr + at, out->len - at);
		S_cache_put(title, S_TITLE, &html);
		kg_buf_release(&html);
	}
}

/* What S_dirs gives an element of cmark's HTML: a block of text the
 * content attributes (a paragraph in a list item its lang only), code
 * dir="ltr", an inline element (a link, an emphasis) or a list item
 * whose text is a fallback its lang. A list itself gets none: it keeps
 * the page's direction, its markers on the page's start side, as the
 * PDF sets it; each item reads in its own direction on that side
 * (style.mustache). */
enum { S_TAG_OTHER, S_TAG_BLOCK, S_TAG_CODE, S_TAG_INLINE, S_TAG_ITEM };

static int S_tag_kind(const char *name, size_t n)
{
	static const char *const block[] = {"p", "h1", "h2", "h3", "h4", "h5",
		"h6", "blockquote", "dt", "dd", "td", "th", NULL};
	static const char *const inl[] = {"a", "em", "strong", NULL};
	size_t i;

	for (i = 0; block[i]; i++)
		if (strlen(block[i]) == n && memcmp(block[i], name, n) == 0)
			return S_TAG_BLOCK;
	for (i = 0; inl[i]; i++)
		if (strlen(inl[i]) == n && memcmp(inl[i], name, n) == 0)
			return S_TAG_INLINE;
	if (n == 2 && memcmp(name, "li", 2) == 0)
		return S_TAG_ITEM;
	if ((n == 3 && memcmp(name, "pre", 3) == 0) ||
	    (n == 4 && memcmp(name, "code", 4) == 0))
		return S_TAG_CODE;
	return S_TAG_OTHER;
}

/* cmark's HTML of a PROSE block into out with the directions and
 * languages above; items: how many list items it is in (its block's). A
 * fallback that opens an element gives it the source's lang; one inside
 * a text is a span of that lang.
 * (Its text is escaped: every '<' opens a tag.) */
static void S_dirs(const kg_buf *html, int items, kg_buf *out)
{
	size_t k = 0;

	while (k < html->len) {
		const char *p = html->ptr + k, *gt;
		size_t n = 0, after, marker;
		int kind;

		if (*p == '<' && k + 4 < html->len &&
		    memcmp(p, "</li>", 5) == 0)
			items--;
		if (*p == '<')
			while (k + 1 + n < html->len &&
			       ((p[1 + n] >= 'a' && p[1 + n] <= 'z') ||
				(p[1 + n] >= '0' && p[1 + n] <= '9')))
				n++;
		kind = n ? S_tag_kind(p + 1, n) : S_TAG_OTHER;
		marker = *p == '<' ? 0 : S_fallback(p, html->len - k);
		if (marker) {
			/* a fallback inside a text kitgen composed ("Q3 · "
			 * before it): a span of the source's language to the
			 * next tag */
			const char *lt = memchr(p, '<', html->len - k);
			size_t end = lt ? (size_t)(lt - html->ptr) : html->len;

			kg_buf_puts(out, "<span lang=\"");
			S_escape(S_source_lang, out);
			kg_buf_puts(out, "\">");
			S_marker(p, marker, out);
			kg_buf_put(out, p + marker, end - k - marker);
			kg_buf_puts(out, "</span>");
			k = end;
			continue;
		}
		if (kind == S_TAG_OTHER) {
			kg_buf_putc(out, *p);
			k++;
			continue;
		}
		kg_buf_put(out, p, 1 + n);
		k += 1 + n;
		if (kind == S_TAG_CODE) {
			kg_buf_puts(out, " dir=\"ltr\"");
			continue;
		}
		gt = memchr(html->ptr + k, '>', html->len - k);
		after = gt ? (size_t)(gt + 1 - html->ptr) : html->len;
		marker = S_fallback(html->ptr + after, html->len - after);
		if (kind == S_TAG_ITEM)
			items++;
		if (kind == S_TAG_BLOCK && !(items > 0 && n == 1 && *(p + 1) == 'p')) {
			/* its text: up to its end tag (or a nested one's) */
			char close[16];
			const char *end;

			snprintf(close, sizeof(close), "</%.*s>", (int)n, p + 1);
			end = strstr(html->ptr + after, close);
			if (S_has_letter(html->ptr + after,
					 end ? end : html->ptr + html->len))
				kg_buf_puts(out, " dir=\"auto\"");
		}
		if (marker) {
			kg_buf_puts(out, " lang=\"");
			S_escape(S_source_lang, out);
			kg_buf_putc(out, '"');
		}
		kg_buf_put(out, html->ptr + k, after - k);
		k = after;
		if (marker) {
			S_marker(html->ptr + k, marker, out);
			k += marker;
		}
	}
}

/* The class name for a style number, "" when out of range. */
static const char *S_class(const char *const *names, size_t n, int style)
{
	return style >= 0 && (size_t)style < n ? names[style] : "";
}

static const char *S_callout_class(int style)
{
	static const char *const names[] = {
		"note", "cues", "red-flags", "strong", "weak", "good-note",
		"bad-note", "acceptable"};

	return S_class(names, sizeof(names) / sizeof(*names), style);
}

static const char *S_band_class(int style)
{
	static const char *const names[] = {"strong", "acceptable", "weak"};

	return S_class(names, sizeof(names) / sizeof(*names), style);
}

/* The round of the card that section sec is (a form holding a SCORECARD
 * with an id, doc.h), or NULL. */
static const char *S_card_round(const kg_block *sec)
{
	size_t i;

	if (!sec || sec->type != KG_BLOCK_SECTION ||
	    !(sec->flags & KG_SECTION_FORM))
		return NULL;
	for (i = 0; i < sec->n; i++)
		if (sec->children[i]->type == KG_BLOCK_SCORECARD &&
		    sec->children[i]->id)
			return sec->children[i]->id;
	return NULL;
}

/* The last part of a form block's name (doc.h, Forms): a card's round
 * number from "EDITION:rN", a field's part from "EDITION:rN:date". */
static const char *S_name_part(const char *name)
{
	const char *colon = strrchr(name, ':');

	if (!colon)
		return name;
	return colon[1] == 'r' && colon[2] >= '0' && colon[2] <= '9' ? colon + 2
								      : colon + 1;
}

/* A section's start: its heading links to itself, so every heading can be
 * shared. A card's body is a form (never sent: the script saves it). */
static void S_section_open(const kg_block *b, kg_buf *out)
{
	int h = b->level + 1 < 6 ? b->level + 1 : 6;

	kg_buf_puts(out, "<section id=\"");
	S_escape(b->id, out);
	kg_buf_printf(out, "\" class=\"level-%d%s%s\">\n<h%d",  b->level,
		      b->flags & KG_SECTION_NEW_PAGE ? " new-page" : "",
		      b->flags & KG_SECTION_FORM ? " form" : "", h);
	S_content_attrs(b->title, out);
	kg_buf_puts(out, "><a class=\"self\" href=\"#");
	S_escape(b->id, out);
	kg_buf_puts(out, "\">");
	S_title(b->title, out);
	kg_buf_printf(out, "</a></h%d>\n", h);
	if (S_card_round(b)) {
		kg_buf_puts(out, "<form class=\"card\" data-round=\"");
		S_escape(S_name_part(S_card_round(b)), out);
		kg_buf_puts(out, "\">\n");
	}
}

static void S_section_close(const kg_block *b, kg_buf *out)
{
	if (S_card_round(b))
		kg_buf_puts(out, "</form>\n");
	kg_buf_puts(out, "</section>\n");
}

/* A FIELD or a BAND: one label and its body in a description list, with
 * the band's class; outside FIELDS or RUBRIC, in a list of its own. */
static int S_alone(const kg_iter *it)
{
	const kg_block *p = kg_iter_parent(it);

	return !p || (p->type != KG_BLOCK_FIELDS && p->type != KG_BLOCK_RUBRIC);
}

static void S_pair_open(const kg_iter *it, const kg_block *b, kg_buf *out)
{
	if (S_alone(it))
		kg_buf_printf(out, "<dl class=\"%s\">\n",
			      b->type == KG_BLOCK_BAND ? "rubric" : "fields");
	if (b->type == KG_BLOCK_BAND)
		kg_buf_printf(out, "<div class=\"band band-%s\">",
			      S_band_class(b->style));
	else
		kg_buf_puts(out, "<div>");
	/* a band's name keeps the page's direction: it heads the band's
	 * row on the page's side, and kitgen composes it ("Strong (3
	 * points)", the band's label in the labels' words) */
	kg_buf_puts(out, "<dt");
	if (b->type == KG_BLOCK_BAND)
		S_lang_attr(b->title, out);
	else
		S_content_attrs(b->title, out);
	kg_buf_putc(out, '>');
	S_title(b->title, out);
	kg_buf_puts(out, "</dt>\n<dd>");
}

static void S_pair_close(const kg_iter *it, kg_buf *out)
{
	kg_buf_puts(out, "</dd></div>\n");
	if (S_alone(it))
		kg_buf_puts(out, "</dl>\n");
}

static void S_callout_open(const kg_block *b, kg_buf *out)
{
	/* (the title may be the author's: a scenario's, a level's) */
	kg_buf_printf(out, "<div class=\"callout callout-%s\" role=\"note\">\n"
		      "<p class=\"callout-title\"",
		      S_callout_class(b->style));
	S_content_attrs(b->title, out);
	kg_buf_putc(out, '>');
	S_title(b->title, out);
	kg_buf_puts(out, "</p>\n");
}

/* The plain text of a cmark tree (for an attribute). */
static void S_plain(struct cmark_node *md, kg_buf *out)
{
	cmark_iter *it = cmark_iter_new(md);
	cmark_event_type ev;

	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);
		cmark_node_type t = cmark_node_get_type(n);

		if (ev != CMARK_EVENT_ENTER)
			continue;
		if (t == CMARK_NODE_TEXT || t == CMARK_NODE_CODE)
			kg_buf_puts(out, cmark_node_get_literal(n));
		else if (t == CMARK_NODE_SOFTBREAK || t == CMARK_NODE_LINEBREAK)
			kg_buf_putc(out, ' ');
	}
	cmark_iter_free(it);
}

/* The plain text of a CELL: its PROSE blocks, one after another. */
static void S_cell_text(const kg_block *cell, kg_buf *out)
{
	size_t i;

	for (i = 0; i < cell->n; i++)
		if (cell->children[i]->type == KG_BLOCK_PROSE) {
			cmark_node *md = kg_prose_parse(cell->children[i]);

			S_plain(md, out);
			cmark_node_free(md);
		}
}

/* A body row: its first cell heads the row; every other cell carries its
 * column's name, which narrow screens show when rows become cards. */
static void S_body_row(const kg_block *row,
		       const kg_block *head, kg_buf *out)
{
	kg_buf label = KG_BUF_INIT;
	size_t c;

	kg_buf_puts(out, "<tr>");
	for (c = 0; c < row->n; c++) {
		if (c == 0) {
			kg_buf_puts(out, "<th scope=\"row\">");
		} else {
			kg_buf_reset(&label);
			if (head && c < head->n)
				S_cell_text(head->children[c], &label);
			kg_buf_puts(out, "<td data-label=\"");
			S_escape(label.ptr, out);
			kg_buf_puts(out, "\">");
		}
		S_walk(row->children[c], out);
		kg_buf_puts(out, c == 0 ? "</th>" : "</td>");
	}
	kg_buf_puts(out, "</tr>\n");
	kg_buf_release(&label);
}

/* The column labels: a table's or a scorecard's first ROW. */
static void S_head_row(const kg_block *head, kg_buf *out)
{
	size_t c;

	kg_buf_puts(out, "<thead>\n<tr>");
	for (c = 0; c < head->n; c++) {
		kg_buf_puts(out, "<th scope=\"col\">");
		S_walk(head->children[c], out);
		kg_buf_puts(out, "</th>");
	}
	kg_buf_puts(out, "</tr>\n</thead>\n");
}

static void S_table(const kg_block *b, kg_buf *out)
{
	const kg_block *head = b->n ? b->children[0] : NULL;
	size_t r;

	kg_buf_puts(out, "<div class=\"table\">\n<table>\n");
	if (head)
		S_head_row(head, out);
	kg_buf_puts(out, "<tbody>\n");
	for (r = 1; r < b->n; r++)
		S_body_row(b->children[r], head, out);
	kg_buf_puts(out, "</tbody>\n</table>\n</div>\n");
}

/* A cell to fill in (inner: its field, "" on paper), carrying its
 * column's name like S_body_row. */
static void S_blank_cell(const kg_block *head, size_t c, const char *cls,
			 const char *inner, kg_buf *out)
{
	kg_buf label = KG_BUF_INIT;

	S_cell_text(head->children[c], &label);
	kg_buf_printf(out, "<td class=\"%s\" data-label=\"", cls);
	S_escape(label.ptr, out);
	kg_buf_printf(out, "\">%s</td>", inner);
	kg_buf_release(&label);
}

/* A list of boxes to tick, each with the label of its column (head's
 * cells [from, to)). */
static void S_choices(const kg_block *head, size_t from, size_t to,
		      const char *cls, kg_buf *out)
{
	kg_buf label = KG_BUF_INIT;
	size_t c;

	kg_buf_printf(out, "<ul class=\"%s\">", cls);
	for (c = from; c < to; c++) {
		kg_buf_reset(&label);
		S_cell_text(head->children[c], &label);
		kg_buf_puts(out, "<li><span class=\"box\"></span> ");
		S_escape(label.ptr, out);
		kg_buf_puts(out, "</li>");
	}
	kg_buf_puts(out, "</ul>");
	kg_buf_release(&label);
}

/* ---- a card to fill in ------------------------------------------------------- */

/* An id of the card section sec's: "<section id>.<name>" (a '.' is in no
 * section id, so none clashes). */
static void S_card_id(const kg_block *sec, const char *name, kg_buf *out)
{
	S_escape(sec->id, out);
	kg_buf_putc(out, '.');
	S_escape(name, out);
}

/* Head cells from..to of one line as boxes, each with its cell's value
 * (doc.h); a head cell without a value is a box to tick on paper. The
 * choices (marks 0) are radio buttons named `name`, the group labelled by
 * the line's name (labelled_by); the marks (tick any) a checkbox each,
 * named "<name>-<value>". */
static void S_card_boxes(const kg_block *head, size_t from, size_t to,
			 const char *name, const kg_buf *labelled_by,
			 int marks, kg_buf *out)
{
	kg_buf label = KG_BUF_INIT;
	size_t c;

	if (marks)
		kg_buf_puts(out, "<ul class=\"choices marks\">");
	else
		kg_buf_printf(out, "<ul class=\"choices\" role=\"radiogroup\" "
			      "aria-labelledby=\"%s\">", labelled_by->ptr);
	for (c = from; c < to; c++) {
		const char *value = head->children[c]->id;

		kg_buf_reset(&label);
		S_cell_text(head->children[c], &label);
		kg_buf_puts(out, marks ? "<li><label>"
				       : "<li role=\"none\"><label>");
		if (value && marks) {
			kg_buf_printf(out, "<input type=\"checkbox\" class=\"box\" "
				      "name=\"%s-", name);
			S_escape(value, out);
			kg_buf_printf(out, "\" data-mark=\"");
			S_escape(value, out);
			kg_buf_printf(out, "\" aria-describedby=\"%s\">",
				      labelled_by->ptr);
		} else if (value) {
			kg_buf_printf(out, "<input type=\"radio\" class=\"box\" "
				      "name=\"%s\" value=\"", name);
			S_escape(value, out);
			kg_buf_puts(out, "\">");
		} else {
			kg_buf_puts(out, "<span class=\"box\"></span>");
		}
		kg_buf_putc(out, ' ');
		S_escape(label.ptr, out);
		kg_buf_puts(out, "</label></li>");
	}
	kg_buf_puts(out, "</ul>");
	kg_buf_release(&label);
}

/* One line of a card: its name, the choices, the marks and the evidence
 * field; the overall line has the choices only. */
static void S_card_line(const kg_block *card, const kg_block *sec,
			const kg_block *head, size_t choices,
			const kg_block *dim, kg_buf *out)
{
	int overall = (dim->flags & KG_DIMENSION_RATING_ONLY) != 0;
	const char *key = overall ? "overall" : dim->id ? dim->id : "";
	size_t n = head->n;
	kg_buf id = KG_BUF_INIT, name = KG_BUF_INIT;

	S_card_id(sec, key, &id);
	kg_buf_puts(&name, "round-");
	S_escape(S_name_part(card->id), &name);
	if (overall) {
		kg_buf_puts(&name, "-overall");
	} else {
		kg_buf_puts(&name, "-dim-");
		S_escape(key, &name);
	}
	if (overall) {
		kg_buf_puts(out, "<tr data-overall=\"\">");
	} else {
		kg_buf_puts(out, "<tr data-dim=\"");
		S_escape(key, out);
		kg_buf_puts(out, "\">");
	}
	kg_buf_printf(out, "<th scope=\"row\"><p class=\"dimension\" id=\"%s\"",
		      id.ptr);
	S_content_attrs(dim->title, out);
	kg_buf_putc(out, '>');
	S_title(dim->title, out);
	kg_buf_puts(out, "</p>");
	S_walk(dim, out);
	S_card_boxes(head, 1, 1 + choices, name.ptr, &id, 0, out);
	if (!overall && 1 + choices < n - 1)
		S_card_boxes(head, 1 + choices, n - 1, name.ptr, &id, 1, out);
	kg_buf_puts(out, "</th>");
	if (overall) {
		S_blank_cell(head, n - 1, "evidence", "", out);
	} else {
		kg_buf field = KG_BUF_INIT;

		kg_buf_printf(&field, "<textarea class=\"evidence\" name=\"%s-evidence\" "
			      "rows=\"3\" dir=\"auto\" aria-labelledby=\"", name.ptr);
		S_card_id(sec, "evidence", &field);
		kg_buf_printf(&field, " %s\"></textarea>", id.ptr);
		S_blank_cell(head, n - 1, "evidence", field.ptr, out);
		kg_buf_release(&field);
	}
	kg_buf_puts(out, "</tr>\n");
	kg_buf_release(&id);
	kg_buf_release(&name);
}

/* A card: the scorecard below, its lines to fill in (S_card_line). */
static void S_card(const kg_block *b, const kg_block *sec, kg_buf *out)
{
	const kg_block *head = b->children[0];
	size_t i, n = head->n;
	size_t choices = b->level > 0 && (size_t)b->level < n - 1
				 ? (size_t)b->level : n - 2;

	kg_buf_puts(out, "<div class=\"table scorecard\" data-round=\"");
	S_escape(S_name_part(b->id), out);
	kg_buf_puts(out, "\">\n<table>\n<thead>\n<tr><th scope=\"col\">");
	S_walk(head->children[0], out);
	kg_buf_puts(out, "</th><th scope=\"col\" id=\"");
	S_card_id(sec, "evidence", out);
	kg_buf_puts(out, "\">");
	S_walk(head->children[n - 1], out);
	kg_buf_puts(out, "</th></tr>\n</thead>\n<tbody>\n");
	for (i = 1; i < b->n; i++)
		S_card_line(b, sec, head, choices, b->children[i], out);
	kg_buf_puts(out, "</tbody>\n</table>\n</div>\n");
}

/* A field of a card (a NOTES with an id): its label and a line to type
 * on, which prints as the line it replaces. */
static void S_card_field(const kg_block *b, const kg_block *sec,
			 kg_buf *out)
{
	const char *field = S_name_part(b->id);
	kg_buf id = KG_BUF_INIT;

	S_card_id(sec, field, &id);
	kg_buf_printf(out, "<div class=\"notes notes-1\"><label "
		      "class=\"notes-label\" for=\"%s\">", id.ptr);
	S_title(b->title, out);
	kg_buf_printf(out, "</label><div class=\"lines\"><input type=\"text\" "
		      "class=\"line\" id=\"%s\" name=\"round-", id.ptr);
	S_escape(S_name_part(S_card_round(sec)), out);
	kg_buf_putc(out, '-');
	S_escape(field, out);
	kg_buf_puts(out, "\" data-field=\"");
	S_escape(field, out);
	kg_buf_puts(out, "\" autocomplete=\"off\" dir=\"auto\"");
	if (strcmp(field, "date") == 0)
		kg_buf_puts(out, " inputmode=\"numeric\" placeholder=\"YYYY-MM-DD\"");
	if (b->text_copy && *b->text_copy) { /* prefilled (kg_add_note_field) */
		kg_buf_puts(out, " value=\"");
		S_escape(b->text_copy, out);
		kg_buf_putc(out, '"');
	}
	kg_buf_puts(out, "></div></div>\n");
	kg_buf_release(&id);
}

/* The form data and the script after the body (card_form.h). */
static void S_card_script(const kg_doc *doc, kg_buf *out)
{
	const char *js;
	size_t len;

	if (!doc->forms)
		return;
	kg_buf_puts(out, "<script type=\"application/json\" id=\"kg-card-data\">");
	kg_card_form_data(doc->forms, out);
	kg_buf_puts(out, "</script>\n<script>");
	js = kg_card_form_js(&len);
	kg_buf_put(out, js, len);
	kg_buf_puts(out, "</script>\n");
}

/* A scorecard, a form of two columns: the first ROW labels the dimension,
 * the choices (the scorecard's level of them), the marks and the
 * evidence; each DIMENSION is a row with its name, detail and a box per
 * choice and mark, then room to write the evidence. */
static void S_scorecard(const kg_block *b, const kg_block *sec, kg_buf *out)
{
	const kg_block *head = b->n ? b->children[0] : NULL;
	size_t i, n, choices;

	if (!head || head->n < 2)
		return;
	if (b->id && S_card_round(sec)) {
		S_card(b, sec, out);
		return;
	}
	n = head->n;
	choices = b->level > 0 && (size_t)b->level < n - 1 ? (size_t)b->level
							     : n - 2;
	kg_buf_puts(out, "<div class=\"table scorecard\">\n<table>\n<thead>\n"
			 "<tr><th scope=\"col\">");
	S_walk(head->children[0], out);
	kg_buf_puts(out, "</th><th scope=\"col\">");
	S_walk(head->children[n - 1], out);
	kg_buf_puts(out, "</th></tr>\n</thead>\n<tbody>\n");
	for (i = 1; i < b->n; i++) {
		const kg_block *dim = b->children[i];

		kg_buf_puts(out, "<tr><th scope=\"row\"><p class=\"dimension\"");
		S_content_attrs(dim->title, out);
		kg_buf_putc(out, '>');
		S_title(dim->title, out);
		kg_buf_puts(out, "</p>");
		S_walk(dim, out);
		S_choices(head, 1, 1 + choices, "choices", out);
		if (1 + choices < n - 1)
			S_choices(head, 1 + choices, n - 1, "choices marks", out);
		kg_buf_puts(out, "</th>");
		S_blank_cell(head, n - 1, "evidence", "", out);
		kg_buf_puts(out, "</tr>\n");
	}
	kg_buf_puts(out, "</tbody>\n</table>\n</div>\n");
}

/* Room to write by hand: a label (or none), then `level` ruled lines; a
 * one-line note keeps its label on the line. */
static void S_notes(const kg_block *b, kg_buf *out)
{
	int i;

	kg_buf_puts(out, b->level == 1 ? "<div class=\"notes notes-1\">"
				       : "<div class=\"notes\">");
	if (b->title) {
		kg_buf_puts(out, "<p class=\"notes-label\">");
		S_title(b->title, out);
		kg_buf_puts(out, "</p>");
	}
	kg_buf_puts(out, "<div class=\"lines\">");
	i = 0;
	if (b->text_copy) { /* prefilled (kg_add_note_field, kitgen loop) */
		kg_buf_puts(out, "<div class=\"line filled\" dir=\"auto\">");
		S_escape(b->text_copy, out);
		kg_buf_puts(out, "</div>");
		i = 1;
	}
	for (; i < b->level; i++)
		kg_buf_puts(out, "<div class=\"line\"></div>");
	kg_buf_puts(out, "</div></div>\n");
}

/* A code listing: a caption, then the code in a <pre> that never wraps
 * (it scrolls sideways, and takes the keyboard focus so it can), each
 * line after a number drawn from its data-n by the style sheet, so a
 * copy of the code holds no numbers. */
static void S_code(const kg_block *b, kg_buf *out)
{
	const char *p = b->text;
	size_t line = 0;

	kg_buf_puts(out, "<figure class=\"code\">\n<figcaption>");
	S_escape(b->title, out);
	kg_buf_puts(out, "</figcaption>\n<pre class=\"code\" tabindex=\"0\" "
			 "dir=\"ltr\"><code class=\"language-");
	S_escape(b->title, out);
	kg_buf_puts(out, "\">");
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		kg_buf_printf(out, "<span class=\"ln\" data-n=\"%zu\"></span>",
			      ++line);
		kg_html_escape(out, p, len);
		kg_buf_putc(out, '\n');
		p += len + (nl ? 1 : 0);
	}
	kg_buf_puts(out, "</code></pre>\n</figure>\n");
}

static void S_toc_link(const kg_block *s, kg_buf *out)
{
	/* the entry, a block, keeps the contents' side; its words are set
	 * in their own direction inside it */
	kg_buf_puts(out, "<a href=\"#");
	S_escape(s->id, out);
	kg_buf_puts(out, "\"><span");
	S_content_attrs(s->title, out);
	kg_buf_putc(out, '>');
	S_title(s->title, out);
	kg_buf_puts(out, "</span></a>");
}

/* Contents: the entries compose put in the TOC block (doc.h), a part's
 * sections in a list of their own inside its item. */
static void S_toc(const kg_block *toc, kg_buf *out)
{
	size_t i;
	int open = 0; /* a part's list of sections is open */

	kg_buf_puts(out, "<nav class=\"toc\" id=\"contents\" "
			 "aria-labelledby=\"contents-title\">\n"
			 "<h2 id=\"contents-title\"><a class=\"self\" "
			 "href=\"#contents\">");
	S_escape(kg_label(S_labels, "toc.title"), out);
	kg_buf_puts(out, "</a></h2>\n<ol>\n");
	for (i = 0; i < toc->n; i++) {
		const kg_block *e = toc->children[i];

		if (e->level > 1) {
			kg_buf_puts(out, open ? "</li>\n<li>" : "\n<ol>\n<li>");
			open = 1;
		} else {
			if (i)
				kg_buf_puts(out, open ? "</li>\n</ol>\n</li>\n" : "</li>\n");
			kg_buf_puts(out, "<li>");
			open = 0;
		}
		S_toc_link(e, out);
	}
	if (toc->n)
		kg_buf_puts(out, open ? "</li>\n</ol>\n</li>\n" : "</li>\n");
	kg_buf_puts(out, "</ol>\n</nav>\n");
}

#define S_BALLOT_BOX "\xE2\x98\x90"

static int S_at_box(const kg_buf *html, size_t k)
{
	size_t n = strlen(S_BALLOT_BOX);

	return k + n <= html->len && memcmp(html->ptr + k, S_BALLOT_BOX, n) == 0;
}

/* Rendered HTML into out, every U+2610 in its text (outside tags) a box
 * to tick, styled (doc.h), on one line with the word after it. */
static void S_boxes(const kg_buf *html, kg_buf *out)
{
	size_t k = 0, n = strlen(S_BALLOT_BOX);
	int in_tag = 0;

	while (k < html->len) {
		char ch = html->ptr[k];

		if (!in_tag && S_at_box(html, k)) {
			kg_buf_puts(out, "<span class=\"tick\"><span class=\"box\">"
					 "</span>");
			k += n;
			if (k < html->len && html->ptr[k] == ' ') {
				kg_buf_puts(out, "&#160;");
				for (k++; k < html->len && !strchr(" <\n", html->ptr[k]) &&
					  !S_at_box(html, k); k++)
					kg_buf_putc(out, html->ptr[k]);
			}
			kg_buf_puts(out, "</span>");
			continue;
		}
		in_tag = ch == '<' ? 1 : ch == '>' ? 0 : in_tag;
		kg_buf_putc(out, ch);
		k++;
	}
}

/* A PROSE block: cmark's HTML, directions marked (in a list item when
 * its parent is one), boxes drawn. */
static void S_prose(const kg_block *b, const kg_block *parent, kg_buf *out)
{
	int item = parent && parent->type == KG_BLOCK_ITEM ? S_PROSE_IN_ITEM
							  : S_PROSE;
	const S_cached *kept = S_cache_find(S_kit_text(b), item);
	cmark_node *md;
	kg_buf html = KG_BUF_INIT, dirs = KG_BUF_INIT;
	/* a text left in the source's language: the source's quotes */
	int source;

	if (kept) {
		kg_buf_put(&dirs, kept->html, kept->len);
	} else {
		md = kg_prose_parse(b);
		source = b->text && S_fallback(b->text, strlen(b->text));
		if (source)
			kg_smart_use(S_source_quotes);
		kg_md_to_html(md, &html);
		if (source)
			kg_smart_use(S_quotes);
		cmark_node_free(md);
		S_dirs(&html, item == S_PROSE_IN_ITEM, &dirs);
		S_cache_put(S_kit_text(b), item, &dirs);
	}
	if (strstr(dirs.ptr, S_BALLOT_BOX))
		S_boxes(&dirs, out);
	else
		kg_buf_put(out, dirs.ptr, dirs.len);
	kg_buf_release(&html);
	kg_buf_release(&dirs);
}

/* A block whose children this writer does not walk: a table's or a
 * scorecard's rows are written with it, the contents are data. */
static void S_whole(const kg_iter *it, const kg_block *b, kg_buf *out)
{
	const kg_block *parent = kg_iter_parent(it);

	switch (b->type) {
	case KG_BLOCK_PROSE:
		S_prose(b, parent, out);
		break;
	case KG_BLOCK_TABLE:
		S_table(b, out);
		break;
	case KG_BLOCK_SCORECARD:
		S_scorecard(b, parent, out);
		break;
	case KG_BLOCK_TOC:
		S_toc(b, out);
		break;
	case KG_BLOCK_NOTES:
		if (b->id && S_card_round(parent))
			S_card_field(b, parent, out);
		else
			S_notes(b, out);
		break;
	case KG_BLOCK_CODE:
		S_code(b, out);
		break;
	case KG_BLOCK_CHART:
		kg_svg_chart(b, S_labels, out);
		break;
	default:
		break;
	}
}

static void S_enter(kg_iter *it, const kg_block *b, kg_buf *out)
{
	switch (b->type) {
	case KG_BLOCK_SECTION:
		S_section_open(b, out);
		break;
	case KG_BLOCK_LIST: /* the page's direction (S_tag_kind) */
		kg_buf_puts(out, b->style == KG_LIST_ORDERED ? "<ol>\n" : "<ul>\n");
		break;
	case KG_BLOCK_ITEM:
		kg_buf_puts(out, "<li>");
		break;
	case KG_BLOCK_FIELDS:
	case KG_BLOCK_RUBRIC:
		kg_buf_printf(out, "<dl class=\"%s\">\n",
			      b->type == KG_BLOCK_RUBRIC ? "rubric" : "fields");
		break;
	case KG_BLOCK_FIELD:
	case KG_BLOCK_BAND:
		S_pair_open(it, b, out);
		break;
	case KG_BLOCK_CALLOUT:
		S_callout_open(b, out);
		break;
	case KG_BLOCK_TABLE:
	case KG_BLOCK_SCORECARD:
	case KG_BLOCK_CHART:
	case KG_BLOCK_ROW:       /* rows are written by their table */
	case KG_BLOCK_DIMENSION: /* dimensions by their scorecard */
		S_whole(it, b, out);
		kg_iter_skip(it);
		break;
	case KG_BLOCK_DOCUMENT:
	case KG_BLOCK_CELL:
		break;
	default: /* the leaves: PROSE, TOC, NOTES, CODE */
		S_whole(it, b, out);
		break;
	}
}

static void S_exit(kg_iter *it, const kg_block *b, kg_buf *out)
{
	switch (b->type) {
	case KG_BLOCK_SECTION:
		S_section_close(b, out);
		break;
	case KG_BLOCK_LIST:
		kg_buf_puts(out, b->style == KG_LIST_ORDERED ? "</ol>\n" : "</ul>\n");
		break;
	case KG_BLOCK_ITEM:
		kg_buf_puts(out, "</li>\n");
		break;
	case KG_BLOCK_FIELDS:
	case KG_BLOCK_RUBRIC:
		kg_buf_puts(out, "</dl>\n");
		break;
	case KG_BLOCK_FIELD:
	case KG_BLOCK_BAND:
		S_pair_close(it, out);
		break;
	case KG_BLOCK_CALLOUT:
		kg_buf_puts(out, "</div>\n");
		break;
	default:
		break;
	}
}

static void S_event(kg_iter *it, kg_event ev, kg_buf *out)
{
	if (ev == KG_EVENT_ENTER)
		S_enter(it, kg_iter_block(it), out);
	else if (ev == KG_EVENT_EXIT)
		S_exit(it, kg_iter_block(it), out);
}

/* The body into the sink, event by event: the sink drains between them
 * (it writes once it holds a chunk). */
static void S_body(const kg_doc *doc, kg_sink *out)
{
	kg_iter *it = kg_iter_new(doc->root);
	kg_event ev;
	kg_quotes quotes, source_quotes = {NULL, NULL, NULL, NULL};
	kg_labels *source_labels = NULL;

	S_labels = doc->labels;
	quotes = kg_quotes_of(doc->labels);
	kg_smart_use(&quotes);
	S_quotes = &quotes;
	S_source_lang = doc->source_lang ? doc->source_lang : "en";
	if (strcasecmp(S_source_lang, kg_labels_lang(doc->labels)) == 0)
		S_source_lang = NULL; /* not a translation: no fallbacks */
	if (S_source_lang) {
		kg_diags quiet = KG_DIAGS_INIT; /* a table missing is English */

		source_labels = kg_labels_load(NULL, S_source_lang, NULL, &quiet);
		kg_diags_free(&quiet);
		source_quotes = kg_quotes_of(source_labels);
	}
	S_source_quotes = &source_quotes;
	S_mark = kg_label(doc->labels, "translate.untranslated");
	S_mark_len = strlen(S_mark);
	/* a fallback inside a text (a link's, in a table) quoted too (smart.h) */
	kg_smart_fallback(S_source_lang ? S_mark : NULL, &source_quotes);
	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		S_event(it, ev, &out->buf);
		kg_shell_drain(out);
	}
	kg_iter_free(it);
	kg_smart_use(NULL);
	kg_smart_fallback(NULL, NULL);
	S_quotes = S_source_quotes = NULL;
	kg_labels_free(source_labels);
	S_card_script(doc, &out->buf);
}

static int S_write(const kg_doc *doc, const kg_write_opts *o, kg_sink *out,
		   kg_diags *d)
{
	return kg_shell_write(doc, o, "html", "document",
			      kg_html_escape, S_body, out, d);
}

const kg_writer kg_writer_html = {&kg_format_html, S_write};
