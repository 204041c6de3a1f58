/*
 * smart.h - typographic punctuation for text the PDF writer sets itself:
 * curly quotes and apostrophes, en and em dashes, ellipses; the same
 * marks cmark's smart option gives the HTML edition, without parsing the
 * prose a second time.
 */
#ifndef KG_SMART_H
#define KG_SMART_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* Append s (UTF-8) to out with "quotes" made curly, "--" an en dash,
 * "---" an em dash and "..." an ellipsis. *prev is the character before
 * s (0 at the start of a paragraph); it is updated, so text split across
 * several calls (emphasis, links) is treated as one. */
void kg_smart_append(kg_buf *out, const char *s, size_t len, uint32_t *prev);

#endif
