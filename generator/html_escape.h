/*
 * html_escape.h - the one HTML escaper: text made safe to put between HTML
 * tags and inside a quoted attribute value. Every part of kitgen that
 * writes HTML (the template engine's {{x}}, the prose glue, the shells)
 * escapes with it.
 */
#ifndef KG_HTML_ESCAPE_H
#define KG_HTML_ESCAPE_H

#include <stddef.h>

#include "buf.h"

/* Append the len bytes of s to out with & < > " ' replaced by &amp; &lt;
 * &gt; &quot; &#39; (what the Mustache spec asks of {{x}}). */
void kg_html_escape(kg_buf *out, const char *s, size_t len);

#endif
