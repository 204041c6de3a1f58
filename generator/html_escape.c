/*
 * html_escape.c - escaping text for HTML (html_escape.h).
 */
#include "html_escape.h"

/* The entity for c, or NULL when c stays as it is. */
static const char *S_entity(char c)
{
	switch (c) {
	case '&': return "&amp;";
	case '<': return "&lt;";
	case '>': return "&gt;";
	case '"': return "&quot;";
	case '\'': return "&#39;";
	default: return NULL;
	}
}

void kg_html_escape(kg_buf *out, const char *s, size_t len)
{
	size_t i, start = 0;
	const char *ent;

	for (i = 0; i < len; i++) {
		if (!(ent = S_entity(s[i])))
			continue;
		kg_buf_put(out, s + start, i - start);
		kg_buf_puts(out, ent);
		start = i + 1;
	}
	kg_buf_put(out, s + start, len - start);
}
