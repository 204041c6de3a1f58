/*
 * layout_int.h - what the files of the layout engine share, and nothing
 * outside them includes (layout.h is the engine's interface):
 *
 *   lay_list.c    the layout itself (init, strings, links, parts), the
 *                 vertical list's elements, paragraphs, boxes, accessors
 *   lay_inline.c  inline content: pieces, measuring, where a line may break
 *   lay_breaks.c  where prose may break by UAX #14 (libunibreak), and
 *                 where a URL may
 *   lay_hyph.c    hyphenation by the kit's language (libhyphen)
 *   lay_lines.c   line breaking, and a line's drawing operations
 *   lay_bidi.c    bidirectional text: levels, visual order, mirroring
 *   lay_table.c   tables: column widths, rows, a header on every page
 *   lay_free.c    elements outside the flow: running header, footer, cover
 *   lay_pages.c   pagination (the page-break rules), and the store of
 *                 where every anchor landed
 *   lay_record.c  the layout record: where every block landed, for tests
 */
#ifndef KG_LAYOUT_INT_H
#define KG_LAYOUT_INT_H

#include "layout.h"

/* Widths closer than this are equal. */
#define KG_LI_EPS 0.01f

/* A paragraph broken into lines: the pieces placed on each line. */
typedef struct kg_li_placed {
	kg_piece p;
	float x;
} kg_li_placed;

typedef struct kg_li_line {
	size_t s0, ns;  /* placed pieces */
	float w;        /* content width */
	float h, base;  /* height, baseline from the top */
	float size;     /* largest size */
	int hyph;       /* ends in a hyphenation break (a drawn hyphen) */
} kg_li_line;

typedef struct kg_li_lines {
	kg_li_placed *s;
	size_t ns, cap_s;
	kg_li_line *l;
	size_t nl, cap_l;
	float x; /* pen position in the open line */
	int rtl; /* the paragraph's direction, by the bidi algorithm */
	int hyph; /* the caller's: words may be hyphenated (prose only) */
} kg_li_lines;

/* What line breaking knows of the kit's language (kg_lay_language):
 * its tag, libunibreak's scratch, and its hyphenation dictionary with
 * the points found per word (lay_hyph.c keeps those for the life of the
 * process, as fonts.c keeps the font files: every document of a build,
 * and both passes of its layout, ask for the same words). Made when
 * first needed; kg_lay_free frees it. */
typedef struct kg_li_hyph_lang kg_li_hyph_lang;
typedef struct kg_li_typeset {
	char *lang;           /* BCP 47, or NULL: none (no hyphenation) */
	const char *unibreak_lang; /* what libunibreak is told, or NULL */
	char *brks;           /* lay_breaks.c: one byte per byte of a run */
	size_t cap_brks;
	kg_li_hyph_lang *hyph; /* borrowed; NULL: no dictionary */
	int hyph_tried;
} kg_li_typeset;

/* lay_inline.c */
float kg_li_width(kg_lay *lay, const kg_tstyle *st, const char *s, size_t len);
void kg_li_word(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		   const char *s, size_t len, int brk, long w);

/* lay_breaks.c: UAX #14's places in text s: out[i] is KG_LI_UAX_ALLOW
 * (libunibreak's LINEBREAK_ALLOWBREAK) when a line may end after the
 * character whose last byte is s[i]; the array is scratch of lay's,
 * valid until the next call. Most text needs none: only
 * East Asian text, a dash, a slash before a character that is not ASCII
 * (kg_li_uax_needed). Whether prose breaks after c (between prev and
 * next; 0 at the text's ends) takes that (uax: 1 allowed, 0 not, -1
 * not asked, as kg_li_uax_needed allows) and kitgen's own rules. */
int kg_li_uax_needed(const char *s, size_t len);
#define KG_LI_UAX_ALLOW 1
const char *kg_li_prose_breaks(kg_lay *lay, const char *s, size_t len);
int kg_li_prose_break_after(uint32_t prev, uint32_t c, uint32_t next, int uax);
/* Where a word too wide for any line is cut between characters a and b
 * (it has no place to break there): 2 where a reader accepts it (not
 * after opening punctuation, "（", nor before closing, "）。"), 1 where
 * the characters at least stay whole (not before a combining mark or
 * after a joiner), 0 inside a character and its marks. */
int kg_li_cut_rank(uint32_t a, uint32_t b);
/* Is s a URL (a scheme and "//", "mailto:", or "www.")? Link text that
 * is one breaks only where kg_li_url_break_after allows, marked. */
int kg_li_is_url(const char *s, size_t len);
int kg_li_url_break_after(uint32_t prev, uint32_t c, uint32_t next);
/* lay_breaks.c and lay_hyph.c's state of lay, made when first needed. */
kg_li_typeset *kg_li_typeset_of(kg_lay *lay);
void kg_li_typeset_free(kg_lay *lay);

/* lay_hyph.c: the longest head of word piece p that, with a hyphen
 * after it, is at most room wide: its length in bytes (0: none; a word
 * of code, a link, a name in capitals, a language without a dictionary
 * are never hyphenated), *w set to its width. */
uint32_t kg_li_hyph_fit(kg_lay *lay, const kg_piece *p, float room, float *w);

/* lay_lines.c */
void kg_li_break(kg_lay *lay, const kg_inline *in, float width, kg_li_lines *ls,
		    float leading);
void kg_li_line_ops(kg_lay *lay, const kg_li_lines *ls, const kg_li_line *l,
		       float x0, float y0);
void kg_li_lines_free(kg_li_lines *ls);
kg_op *kg_li_op(kg_lay *lay, kg_op_type type);
void kg_li_rect(kg_lay *lay, float x, float y, float w, float h, kg_rgb c);
kg_op *kg_li_text_op(kg_lay *lay, const kg_tstyle *st, float x, float y,
		     uint32_t str, uint32_t len);

/* lay_bidi.c (layout.h, "Bidi") */
/* in with each piece's bidi level set, and cut where the level changes
 * inside a word: in itself (levels 0) on the fast path, else the
 * layout's scratch copy, valid until the next call. *rtl: the
 * paragraph's direction. */
const kg_inline *kg_li_bidi_levels(kg_lay *lay, const kg_inline *in, int *rtl);
/* Place the pieces of every line of ls in visual order (their x), for
 * the mirror when the kit is right to left. */
void kg_li_bidi_lines(kg_lay *lay, kg_li_lines *ls);
/* Mirror the operations added since the last call, unless the element
 * is a background (KG_EL_BACK); nothing in a left-to-right kit. */
void kg_li_mirror_ops(kg_lay *lay, kg_elem *e);
void kg_li_bidi_free(kg_lay *lay);

/* lay_record.c: the record of the pages a pagination from element from
 * made (pages page0 on), and of the run's boxes and lists */
void kg_lay_record_run(kg_lay *lay, size_t from, size_t page0);

/* lay_list.c */
kg_elem *kg_li_elem(kg_lay *lay, float h);
void kg_li_elem_done(kg_lay *lay);

#endif
