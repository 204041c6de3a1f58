/*
 * worddiff.h - a word-level diff of two texts, for the changelog.
 *
 * Words are runs of characters between white space; the output joins
 * them with single spaces, so line breaks and indentation never show as
 * changes. Removed words are wrapped in the style's del marks, added
 * words in its ins marks (removed before added where both change); a run
 * of unchanged words longer than the context on both sides is cut to
 * KG_WORDDIFF_CONTEXT words at each end of it, with an ellipsis between.
 */
#ifndef KG_WORDDIFF_H
#define KG_WORDDIFF_H

#include <stddef.h>

#include "buf.h"

#define KG_WORDDIFF_CONTEXT 4

typedef struct kg_word_style {
	const char *del_open, *del_close; /* "[-", "-]" */
	const char *ins_open, *ins_close; /* "{+", "+}" */
	/* append a word (len bytes of s), escaped as the format needs */
	void (*put)(kg_buf *out, const char *s, size_t len);
	int glue; /* added words follow removed ones with no space between */
} kg_word_style;

/* wdiff's marks, words as they are: "a [-big-]{+small+} cache". */
extern const kg_word_style kg_word_style_plain;

/* Append the word diff of old_text and new_text to out, and return how
 * many words were removed or added (0: the texts differ in white space
 * only, and out holds every word). Memory stays bounded: when the
 * changed middle of two long texts is too large to align word by word,
 * it is shown as all removed, then all added. */
size_t kg_word_diff(const char *old_text, const char *new_text,
		    const kg_word_style *style, kg_buf *out);

#endif
