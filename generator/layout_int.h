/*
 * layout_int.h - what the files of the layout engine share, and nothing
 * outside them includes (layout.h is the engine's interface):
 *
 *   lay_list.c    the layout itself (init, strings, links, parts), the
 *                 vertical list's elements, paragraphs, boxes, accessors
 *   lay_inline.c  inline content: pieces, measuring, where a line may break
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
} kg_li_line;

typedef struct kg_li_lines {
	kg_li_placed *s;
	size_t ns, cap_s;
	kg_li_line *l;
	size_t nl, cap_l;
	float x; /* pen position in the open line */
	int rtl; /* the paragraph's direction, by the bidi algorithm */
} kg_li_lines;

/* lay_inline.c */
float kg_li_width(kg_lay *lay, const kg_tstyle *st, const char *s, size_t len);
void kg_li_word(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		   const char *s, size_t len, int brk, long w);

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
