/*
 * smart.h - typographic punctuation for text the PDF writer sets itself:
 * curly quotes and apostrophes, en and em dashes, ellipses; the same
 * marks cmark's smart option gives the HTML edition, without parsing the
 * prose a second time.
 *
 * The quotes are the kit's language's (labels punct.quote_open and the
 * rest: German „…“, French « … », Japanese 「…」): a writer sets them for
 * its thread with kg_smart_use before it writes a document; an apostrophe
 * inside a word stays ’ in every language.
 */
#ifndef KG_SMART_H
#define KG_SMART_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"

/* The opening and closing double quotes, then the single ones (a quote
 * within a quote), as UTF-8. */
typedef struct kg_quotes {
	const char *open, *close, *open2, *close2;
} kg_quotes;

struct kg_labels;
/* The quotes of the labels table's language (NULL: English); the strings
 * live as long as the table. */
kg_quotes kg_quotes_of(const struct kg_labels *labels);
/* The quotes kg_smart_append and kg_smart_requote use on this thread from
 * now on (NULL: English's). q is copied; its strings must outlive the use. */
void kg_smart_use(const kg_quotes *q);

/* Are the quotes in use English's (kg_smart_requote has nothing to do)? */
int kg_smart_english(void);

/* Append s (UTF-8) to out with "quotes" made curly, "--" an en dash,
 * "---" an em dash and "..." an ellipsis. *prev is the character before
 * s (0 at the start of a paragraph); it is updated, so text split across
 * several calls (emphasis, links) is treated as one. */
void kg_smart_append(kg_buf *out, const char *s, size_t len, uint32_t *prev);
/* Append s to out with English curly quotes (as cmark's smart option
 * makes them) replaced by the quotes in use; ’ between two letters, an
 * apostrophe, stays. *prev as for kg_smart_append. */
void kg_smart_requote(kg_buf *out, const char *s, size_t len, uint32_t *prev);

#endif
