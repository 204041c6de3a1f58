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

/* A translation's fallback: a text that opens with mark (the label
 * translate.untranslated) was left in the source's language and takes
 * its quotes, source. A writer sets them for its thread with the
 * document's quotes (mark NULL: not a translation, no fallback). */
void kg_smart_fallback(const char *mark, const kg_quotes *source);
/* Is a fallback's marker set on this thread? */
int kg_smart_has_fallback(void);
/* Does s (len bytes) open with the fallback's marker? */
int kg_smart_opens_fallback(const char *s, size_t len);
/* The source's quotes in use from now on; the quotes used before are
 * returned, to be given back to kg_smart_use where the fallback ends. */
kg_quotes kg_smart_enter_fallback(void);
/* Are the quotes in use and the fallback's both English's? */
int kg_smart_english_all(void);

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
