/*
 * layout.h - the PDF edition's layout engine: styled text broken into
 * lines, lines and blocks stacked into a vertical list, the list cut into
 * pages. It knows nothing of the document tree (write_pdf.c walks that)
 * nor of libharu pages (render_pdf.c draws the result).
 *
 * The model, a small cousin of TeX's:
 *   - inline content (kg_inline) is a list of pieces: words in one style,
 *     spaces, forced breaks, cut where UAX #14 and kitgen's own rules let
 *     a line end (lay_breaks.c: Chinese and Japanese between
 *     characters); a paragraph breaks it into lines by measured glyph
 *     widths, first fit, ragged at its end (the right, or the left for a
 *     right-to-left paragraph: "Bidi" below), its prose hyphenated by the
 *     language (kg_lay_language, lay_hyph.c: a drawn hyphen that is an
 *     artifact); a word wider than the line is hyphenated, or else cut
 *     between characters;
 *   - the vertical list is a list of elements (a line, a table row, a
 *     rule, a padding), each with its height, the space above it (dropped
 *     at the top of a page), its drawing operations, and whether a page
 *     may end after it (KG_EL_KEEP keeps it with the next element);
 *   - boxes (callouts, rubric bands, quotes, code blocks) are ranges of
 *     elements with a background; a box cut by a page break is drawn as
 *     one fragment per page;
 *   - a table's rows repeat its header row on every page they reach; a
 *     row is one element, unless it is taller than a page: then each of
 *     its lines is one, so that it fills the page it starts on;
 *   - kg_lay_paginate cuts a run of elements into pages, ending a page
 *     only where keeps and the page-break rules allow (below), and
 *     records where every anchor landed.
 *
 * Page-break rules (each can be turned off, for the tests that show it
 * matters: kg_lay.rules):
 *   - rows: a table row, and a box kept whole (a rubric band), is never
 *     split unless it is taller than a page;
 *   - widows: a box or list split over a page keeps at least two lines
 *     (a box) or items (a list) on each side;
 *   - continued: the part of a box or list on a later page starts with
 *     its head ("Recruiter cues (continued)"), a table's with its header;
 *   - hyphen: no page ends on a line that ends in a hyphenation break
 *     (after a hyphen of the text, or a word hyphenated);
 *   - headings: a heading keeps with two lines of what follows it;
 *   - tails: a section's last few lines, alone on a page, are pulled back
 *     by tightening the space between blocks on the page before, or,
 *     when that cannot take them and they are fewer than three, joined
 *     by lines from that page;
 *   - balance: a title broken into lines gets lines of even length, so
 *     it never ends on one short word.
 *
 * Forms: a U+2610 BALLOT BOX in text is a box to tick, drawn as a square
 * of the style's forms.box (never the glyph), kept with the word after
 * it (one space between them is dropped: the box has its own gap); a
 * line holding one is tall enough for it. Where a form is fillable, a
 * box, a line to write on or a table cell may carry a widget of the
 * PDF's form (kg_tstyle.field, kg_lay_fill_field, kg_table_style.fields):
 * a KG_OP_FIELD over it, which draws nothing and moves nothing.
 *
 * Code: text in a verbatim style never breaks at its hyphens (nor is a
 * hyphen ever added). Inline code (code set) breaks at its spaces, and
 * inside a token only when the token is wider than a line: after a
 * slash, a comma, a semicolon or a closing bracket, before a dot or an
 * opening bracket, else between any two characters. A code block's line
 * (keep_spaces) wraps after its spaces. Either way the part after a
 * break that is not at a space of inline code starts with a hook (the
 * style's code.mark times the code's size, in muted), drawn as lines,
 * never as a character: a copy of the text holds the code as written.
 * Code that wraps its own lines (a listing) places the same hook with
 * kg_inline_mark.
 *
 * Runs: a document too long to hold is laid out in runs. Once a run's
 * elements are paginated (ending where a page must end anyway: before
 * an element that starts a new page, with no box open), its pages are
 * drawn and kg_lay_run_reset drops its elements, operations, text,
 * boxes, links and pages; what later runs need stays: the running-header
 * parts, where every anchor landed, the number of pages before. Or, where
 * memory allows, the run is kept as it is (kg_lay_run_keep) and taken
 * back to be drawn once the whole document is laid out
 * (kg_lay_run_resume): one layout instead of two (write_pdf.c).
 *
 * Bidi (lay_bidi.c): every paragraph the breaker gets is resolved by
 * the Unicode bidi algorithm (FriBidi) over its logical text, a code
 * span an isolate of left-to-right text; a word whose characters have
 * different levels is cut where the level changes; lines are broken in
 * logical order, then each line's pieces are placed in visual order
 * (rule L2, per line), and a text operation is a run of one level in
 * logical order, drawn right to left when the level is odd (kg_op.rtl).
 * A paragraph's direction is that of its first strong character, else
 * the kit's (HTML's dir="auto"); the furniture (running header and
 * footer, contents entries, the labels of lines to write on and of
 * boxes' strips (a rubric band's "Strong (3 points)"), any
 * paragraph with kg_para_opts.kit_dir: the cover's particulars) takes
 * the kit's. A paragraph whose direction is not the kit's is aligned to its
 * own start, but in a list, where it stays beside its marker on the
 * kit's side. A code block is left to right throughout. Paragraphs with
 * no right-to-left letter in a left-to-right kit skip all this.
 *   A right-to-left kit (kg_lay_set_rtl) is laid out as if left to right
 * with "left" meaning "start", and every element is then mirrored
 * around the body (x' = width - x - w) as it is closed: lists' markers
 * and indents, tables' columns, boxes' bars and strips, the running
 * header's and footer's items, the contents' page numbers all change
 * sides; the pieces of a line are placed so that the mirror leaves them
 * in visual order, and the line at its start, the right.
 *
 * Coordinates: points, y downwards. An operation's x is from the left
 * margin, its y from the top of its element. Ownership: everything
 * belongs to the kg_lay; kg_lay_free frees it.
 */
#ifndef KG_LAYOUT_H
#define KG_LAYOUT_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "metrics.h"
#include "pdf_style.h"

/* ---- styles and inline content ---------------------------------------- */

typedef struct kg_tstyle {
	kg_face face;
	float size;
	kg_rgb color;
	int code;  /* shade the background (inline code) */
	int link;  /* a link (kg_lay_link) or -1 */
	int box;   /* a box to tick, drawn (kg_inline_text makes these) */
	int tag;   /* what the text is, for the PDF's structure tree: 0 the
		    * layout's current tag (kg_lay_tag), KG_TAG_ARTIFACT
		    * decoration, else the caller's number for it */
	int field; /* a box that is a form field's widget: the caller's
		    * number for it (from 1), or 0 (KG_OP_FIELD) */
	int verbatim; /* code (inline or a block): a line broken inside it
		       * starts the next with the continuation mark (see
		       * "Code" below) */
} kg_tstyle;

/* A tag that marks text as decoration, not content (dot leaders). */
#define KG_TAG_ARTIFACT (-1)

/* KG_PIECE_MARK: code's continuation mark (see "Code" below), a hook
 * drawn as lines, no character of the text. */
typedef enum {
	KG_PIECE_WORD,
	KG_PIECE_SPACE,
	KG_PIECE_BREAK,
	KG_PIECE_MARK
} kg_piece_kind;

typedef struct kg_piece {
	kg_piece_kind kind;
	kg_tstyle st;
	uint32_t str, len; /* bytes in the layout's text store */
	float w;           /* measured width */
	int brk;           /* a line may end after this word piece: 1 as
			    * ever, KG_BRK_CODE only inside code wider than
			    * a line */
	uint8_t level;     /* its bidi embedding level (odd: right to
			    * left), set by the line breaker; 0 as made */
} kg_piece;

#define KG_BRK_CODE 2

typedef struct kg_inline {
	kg_piece *p;
	size_t n, cap;
} kg_inline;

#define KG_INLINE_INIT {NULL, 0, 0}

/* ---- operations, elements, boxes ------------------------------------------- */

typedef enum {
	KG_OP_TEXT,    /* str in face/size/color; x, y: baseline start */
	KG_OP_RECT,    /* filled: x, y top-left, w, h, color */
	KG_OP_LINE,    /* stroked from (x, y) to (x + w, y + h), size = width */
	KG_OP_LINK,    /* clickable area x, y, w, h to link aux */
	KG_OP_DEST,    /* an anchor: str is its id; y its top */
	KG_OP_PAGEREF, /* the page number of anchor str, right-aligned at x */
	KG_OP_FRAME,   /* stroked: x, y top-left, w, h, size = line width */
	KG_OP_FIELD    /* a form field's widget x, y top-left, w, h: aux is
			* the caller's number for it (nothing drawn) */
} kg_op_type;

typedef struct kg_op {
	kg_op_type type;
	kg_face face;
	float x, y, w, h, size;
	kg_rgb color;
	uint32_t str, len;
	int aux;
	int tag;   /* what it is (kg_tstyle.tag; never 0 unless the layout's
		    * tag was 0 when it was made) */
	int rtl;   /* KG_OP_TEXT: str is of an odd bidi level, drawn right
		    * to left; KG_OP_PAGEREF: mirrored, the number starts
		    * at x rather than ends there */
} kg_op;

enum {
	KG_EL_KEEP = 1 << 0,     /* no page break after this element */
	KG_EL_NEW_PAGE = 1 << 1, /* a page break before this element */
	/* shown only as the head of the elements that name it, at the top
	 * of a page they go on to (a listing's "(continued)"), never where
	 * it stands in the flow (kg_lay_head_only) */
	KG_EL_HEAD_ONLY = 1 << 2,
	/* grows to the foot of the page it lands on, dropping the
	 * operations that would fall below it (kg_lay_fill_lines) */
	KG_EL_FILL = 1 << 3,
	/* what the page-break rules count: a line of text or a table row */
	KG_EL_LINE = 1 << 4,
	KG_EL_HEADING = 1 << 5,   /* a line of a heading */
	KG_EL_ITEM = 1 << 6,      /* the first element of a list item */
	KG_EL_HYPHEN = 1 << 7,    /* a line ending in a hyphenation break */
	KG_EL_ROW_PART = 1 << 8,  /* a line of a table row taller than a page */
	KG_EL_SHORT_END = 1 << 9, /* the last line of a title: one short word */
	KG_EL_ROW = 1 << 10,      /* a table row, whole */
	/* a line ending in a word hyphenated (a drawn hyphen), also
	 * KG_EL_HYPHEN */
	KG_EL_HYPHENATED = 1 << 11,
	KG_EL_BACK = 1 << 12      /* a background (its origin the page's
				   * corner): never mirrored */
};

/* The page-break rules (layout.h's head), as bits of kg_lay.rules. */
enum {
	KG_BREAK_ROWS = 1 << 0,
	KG_BREAK_WIDOWS = 1 << 1,
	KG_BREAK_CONTINUED = 1 << 2,
	KG_BREAK_HYPHEN = 1 << 3,
	KG_BREAK_HEADINGS = 1 << 4,
	KG_BREAK_TAILS = 1 << 5,
	KG_BREAK_BALANCE = 1 << 6,
	KG_BREAK_ALL = (1 << 7) - 1
};
/* The bit of a rule's name ("widows"), or 0. */
unsigned kg_lay_rule_bit(const char *name, size_t len);

typedef struct kg_elem {
	float h, space;  /* height; space above (dropped at a page top) */
	uint32_t op0, nops;
	int box;         /* innermost box, or -1 */
	int part;        /* running-header part (kg_lay_part), or -1 */
	int head;        /* for a table row: its header row's element, or -1 */
	int list;        /* innermost list (kg_lay_list_open), or -1 */
	int row;         /* the table row a KG_EL_ROW_PART belongs to, or -1 */
	unsigned flags;
} kg_elem;

typedef struct kg_box_style {
	kg_rgb fill;     /* background; 0xFFFFFF for none */
	kg_rgb bar;      /* left bar colour */
	float bar_w;     /* left bar width; 0 for none */
	kg_rgb strip;    /* left label strip colour (rubric bands) */
	float strip_w;   /* its width; 0 for none */
	float pad;       /* inner padding, top, bottom, left and right */
	float pad_left;  /* extra indent of the content beyond pad */
	const kg_inline *label; /* set in the strip, wrapped; or NULL */
	/* the head of the box's part on a later page ("Recruiter cues
	 * (continued)"): a line at the top of the box, or, for a box with
	 * a strip, set in the strip; NULL for none */
	const kg_inline *cont;
	int whole;       /* one page, unless taller than a page (a rubric
			  * band: a row of its table) */
	const char *kind; /* what it is, for the layout record ("callout") */
} kg_box_style;

typedef struct kg_box {
	kg_box_style st;
	int parent;
	float x, w;           /* the box's outer left and width */
	float min_h;          /* its least height (to hold its label) */
	size_t first, last;   /* its elements, inclusive */
	long head;            /* its head on later pages (cont), or -1 */
	size_t body;          /* its first element after its padding and head */
	int mirrored;         /* x is mirrored: the bar and strip are at its
			       * right (a right-to-left kit) */
} kg_box;

/* A list: a run of items, kept two on each side of a page break. */
typedef struct kg_llist {
	int parent;
	size_t first, last;   /* its elements, inclusive */
	long head;            /* its head on later pages, or -1 */
} kg_llist;

/* ---- pages ------------------------------------------------------------------- */

typedef struct kg_place {
	size_t elem;
	float y; /* from the top of the body area */
} kg_place;

typedef struct kg_lpage {
	size_t p0, np; /* placements */
	int part;      /* the part shown in the running header, or -1 */
	int kind;      /* the caller's: cover, contents, body */
	/* elements drawn outside the body, or -1: the running header and
	 * footer (origin: their band's top-left) and a background (origin:
	 * the page's top-left corner) */
	long head, foot, back;
} kg_lpage;

typedef struct kg_dest {
	uint32_t id, len; /* the anchor, in lay->anchor_text */
	size_t page;      /* in the whole document, from 0 */
	float y;          /* from the top of the body area */
	size_t seq;       /* order of recording: the first of an id wins */
} kg_dest;

typedef struct kg_link {
	uint32_t target, len; /* "#id" or a URI, in the text store */
} kg_link;

/* ---- the layout ---------------------------------------------------------------- */

/* A run's own (above, "Runs"): its elements, operations and their text,
 * boxes, lists, links, placements and pages; what kg_lay_run_reset drops
 * and kg_lay_run_keep takes away whole. */
typedef struct kg_lay_run {
	kg_buf text;   /* every string: pieces, operations */
	kg_op *ops;
	size_t nops, cap_ops;
	kg_elem *el;
	size_t nel, cap_el;
	kg_box *boxes;
	size_t nboxes, cap_boxes;
	kg_llist *lists;
	size_t nlists, cap_lists;
	kg_link *links;
	size_t nlinks, cap_links;
	kg_place *place;
	size_t nplace, cap_place;
	kg_lpage *pages;       /* of the run, cut by kg_lay_paginate */
	size_t npages, cap_pages;
	size_t mirrored_ops;   /* operations mirrored already (bidi) */
} kg_lay_run;

typedef struct kg_lay {
	kg_metrics fonts; /* how text is measured */
	const kg_pdf_style *st;
	float width;   /* of the body area */
	float height;  /* of the body area */
	kg_lay_run run; /* the current run */
	int open_box;  /* innermost open box, or -1 */
	int open_list; /* innermost open list, or -1 */
	int item;      /* the next element starts a list item */
	int rows;      /* table rows laid out, for KG_EL_ROW_PART */
	unsigned rules; /* the page-break rules in force (KG_BREAK_ALL) */
	/* the layout record (kg_lay_record), or NULL: a JSON line per page */
	kg_buf *record;
	size_t record_run;
	char **parts;  /* running-header titles */
	size_t nparts, cap_parts;
	int part;      /* part of the elements being added */
	int tag;       /* what the operations being added are (kg_lay_tag) */
	/* where paragraphs go: left edge and width within the body */
	float x, w;
	float space;   /* pending space above the next element */
	int new_page;  /* the next element starts a page */
	/* pagination */
	size_t page_base;      /* pages of the runs before: run.pages[0]'s number */
	/* where every anchor landed, for the whole document: kept across
	 * runs; small (an id, a page, a y) */
	kg_dest *dests;
	size_t ndests, cap_dests;
	kg_buf anchor_text;
	int dests_sorted;
	int dests_frozen;      /* check anchors against dests, not record them */
	/* the language's line breaking and hyphenation (layout_int.h) */
	struct kg_li_typeset *ts;
	size_t disagree;       /* anchors that landed elsewhere than recorded */
	/* bidi (kg_lay_set_rtl): the kit's direction; a paragraph set in
	 * it whatever its first strong character (the furniture); the
	 * breaker's scratch */
	int rtl;
	int dir_fixed;
	struct kg_li_bidi *bidi;
} kg_lay;

/* A layout measuring text with fonts (copied; its ctx must outlive lay). */
void kg_lay_init(kg_lay *lay, const kg_metrics *fonts, const kg_pdf_style *st,
		 float width, float height);
void kg_lay_free(kg_lay *lay);

/* The kit is written right to left (rtl) or left to right: set before
 * anything is laid out (layout.h's head, "Bidi"). */
void kg_lay_set_rtl(kg_lay *lay, int rtl);

/* A line that is no paragraph (a watermark): its runs of one bidi level
 * (odd: right to left), in the order they are shown from the left. The
 * text is resolved by the Unicode bidi algorithm in a paragraph of
 * direction rtl. Returns the number of runs and sets *runs, which the
 * caller frees (NULL for an empty text). */
typedef struct kg_bidi_run {
	uint32_t off, len; /* bytes of the text */
	uint8_t level;
} kg_bidi_run;
size_t kg_bidi_runs(const char *s, size_t len, int rtl, kg_bidi_run **runs);
int kg_lay_rtl(const kg_lay *lay);
/* Where code may break inside a token wider than a line ("Code" above):
 * after c, when next follows; never at a hyphen. */
int kg_lay_code_break_after(uint32_t c, uint32_t next);
/* The language of the text (a BCP 47 tag; NULL or "": none, and no
 * hyphenation), before anything is laid out: line breaking (UAX #14)
 * tailors its quotation marks to Chinese, Japanese and Korean, and
 * prose is hyphenated by the language's dictionary when
 * /usr/share/hyphen has one (none: no hyphenation, no error). */
void kg_lay_language(kg_lay *lay, const char *tag);
/* Load tag's hyphenation dictionary on a thread of its own while the
 * build does other work (lay_hyph.c), once a process; the first layout
 * that hyphenates waits for it. */
void kg_lay_hyph_warm(const char *tag);

/* Store a string; returns its offset in lay->text. */
uint32_t kg_lay_str(kg_lay *lay, const char *s, size_t len);
const char *kg_lay_at(const kg_lay *lay, uint32_t off);
/* A link to "#id" or a URI; returns its number for kg_tstyle.link. */
int kg_lay_link(kg_lay *lay, const char *target);
/* Begin a running-header part titled title; later elements belong to it. */
void kg_lay_part(kg_lay *lay, const char *title);
/* What the operations added from now on are, for the PDF's structure
 * tree (kg_tstyle.tag): a number of the caller's, which the layout only
 * copies to each operation; text in a style with a tag of its own keeps
 * that. 0 at first. */
void kg_lay_tag(kg_lay *lay, int tag);

/* Inline content: append UTF-8 text in a style. Runs of white space
 * become one breakable space unless keep_spaces (code blocks). */
void kg_inline_text(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		    const char *s, size_t len, int keep_spaces);
void kg_inline_break(kg_lay *lay, kg_inline *in, const kg_tstyle *st);
/* Code's continuation mark (see "Code"), for code that wraps its lines
 * itself (a listing): st->size times the style's code.mark wide, in
 * st's color, drawn as lines with the page's artifacts. */
void kg_inline_mark(kg_lay *lay, kg_inline *in, const kg_tstyle *st);
void kg_inline_reset(kg_inline *in);
void kg_inline_free(kg_inline *in);
/* Natural width of the content on one line, and of its widest word. */
float kg_inline_width(const kg_inline *in);
float kg_inline_min_width(const kg_inline *in);

/* ---- adding to the vertical list -------------------------------------------------- */

typedef struct kg_para_opts {
	float leading;      /* line height as a multiple of the largest size */
	float indent;       /* extra left indent of every line */
	int align;          /* 0 left, 1 centre, 2 right */
	int keep;           /* keep every line together and with the next */
	const char *dest;   /* an anchor at the first line, or NULL */
	/* a list marker set in the hanging indent, right-aligned at
	 * marker_x (from the paragraph's left edge, negative) */
	const kg_inline *marker;
	float marker_x;
	/* a page reference at the right edge, with dot leaders, for the
	 * contents and the index: the page of anchor pageref. The leaders
	 * are one style (sizes.body, muted) on one grid across the page,
	 * ending ref_room (0: four digits of ref_style) and the leader gap
	 * before the right edge, so entries that keep the same room share
	 * their dots' places. A line with a link is a link from the text's
	 * left to the right edge: text, leaders and page. */
	const char *pageref;
	const kg_tstyle *ref_style;
	float ref_room;
	/* a heading: kept with two lines of what follows, and balanced */
	int heading;
	int balance;        /* lines of even length (a title) */
	/* furniture: set in the kit's direction and from its start, whatever
	 * the text's first strong character (layout.h's head, "Bidi"); a
	 * contents entry (pageref) always is */
	int kit_dir;
} kg_para_opts;

/* Space above the next element: the larger of what is pending and pts. */
void kg_lay_space(kg_lay *lay, float pts);
/* The next element starts a new page. */
void kg_lay_page_break(kg_lay *lay);
/* Keep the last element with the next one. */
void kg_lay_keep(kg_lay *lay);
/* Keep elements [from, next) on one page: no page break after any of
 * them but the last (a form; a run of them taller than a page is cut
 * where the page ends). */
void kg_lay_keep_from(kg_lay *lay, size_t from);
/* Break in into lines and add one element per line. Widows and orphans
 * are avoided: the first two and the last two lines stay together. */
void kg_lay_para(kg_lay *lay, const kg_inline *in, const kg_para_opts *o);
/* An empty element of height h (keep: stay with the next); returns it,
 * for kg_lay_gap_set. */
size_t kg_lay_gap(kg_lay *lay, float h, int keep);
/* Set the height of a gap not yet paginated: space that depends on what
 * follows it (the cover's title sits at the foot of its block). */
void kg_lay_gap_set(kg_lay *lay, size_t gap, float h);
/* A line to write on by hand, h high: label (may be NULL or empty) at its
 * start, then a rule to the right edge. */
void kg_lay_fill_line(kg_lay *lay, const kg_inline *label, float h,
		      kg_rgb rule);
/* The same with a form field's widget over the rule, from the label to
 * the right edge (a KG_OP_FIELD with aux field; 0: none). */
void kg_lay_fill_field(kg_lay *lay, const kg_inline *label, float h,
		       kg_rgb rule, int field);
/* Lines to write on by hand, each h high, ruled like kg_lay_fill_line's:
 * at least `least` of them, and as many more as fit between where they
 * land and the foot of that page (one element, KG_EL_FILL). */
void kg_lay_fill_lines(kg_lay *lay, int least, float h, kg_rgb rule);
/* Make element elem (laid out, not paginated) a head that shows only at
 * the top of a page that elements naming it go on to, and name it as the
 * head of elements [from, next). Heads nest: an element that has a head
 * already (a table row, an inner list's item) keeps it, and that head
 * gets elem, so a page shows the outer head above the inner one. */
void kg_lay_head_only(kg_lay *lay, size_t elem, size_t from);
/* A horizontal rule of the given thickness, length long (0: across the
 * current width). */
void kg_lay_rule(kg_lay *lay, kg_rgb color, float thickness, float length);

/* Open a box around the following elements; its content is indented by
 * its padding. Boxes nest. */
void kg_lay_box_open(kg_lay *lay, const kg_box_style *bs);
void kg_lay_box_close(kg_lay *lay);
/* A list around the following elements: kg_lay_item before each item's
 * first element. cont (or NULL) heads its part on a later page. */
void kg_lay_list_open(kg_lay *lay, const kg_inline *cont);
void kg_lay_item(kg_lay *lay);
void kg_lay_list_close(kg_lay *lay);
/* Indent what follows (list items); returns the old left edge and width
 * for kg_lay_outdent. */
void kg_lay_indent(kg_lay *lay, float left, float *old_x, float *old_w);
void kg_lay_outdent(kg_lay *lay, float old_x, float old_w);

typedef struct kg_table_style {
	float pad;          /* cell padding */
	float leading;
	kg_rgb head_fill;   /* the header row's background */
	kg_rgb stripe;      /* every other body row's background */
	kg_rgb rule;        /* lines between rows */
	/* forms (scorecards): fixed column widths as fractions of the width,
	 * columns set centred, the least height of a body row, lines between
	 * columns; NULL or 0 when the content decides */
	const float *widths;
	const unsigned char *centre;
	float min_row;
	int grid;
	/* a form on one sheet: every row kept with the next; and, when fill
	 * is above 0, the body rows share what the header row leaves of it
	 * (each at least its content and min_row, at most max_row) */
	int keep;
	float fill, max_row;
	/* per cell (row-major), a form field's widget filling it (a
	 * KG_OP_FIELD with the number) or 0; NULL for none */
	const int *fields;
	/* after a row's first cell, heads the part of a row taller than a
	 * page on the next ("Q4 (continued)"): the words, or NULL */
	const kg_inline *cont;
} kg_table_style;

/* A table of nrows x ncols cells (row-major), the first row the header.
 * Column widths follow the content; rows are never split unless one is
 * taller than a page: then its part on a later page is headed by the
 * table's header and its first cell with ts->cont. */
void kg_lay_table(kg_lay *lay, const kg_inline *cells, size_t nrows,
		  size_t ncols, const kg_table_style *ts);

/* A figure the caller draws (lay_figure.c): one element h high, its
 * operations placed between begin and end, x from the current left edge,
 * y from the element's top (text: its baseline; align 0 left, 1 centre,
 * 2 right of x; returns its width). Text is measured as it is added. */
void kg_lay_figure_begin(kg_lay *lay, float h);
void kg_lay_figure_rect(kg_lay *lay, float x, float y, float w, float h,
			kg_rgb color);
void kg_lay_figure_rule(kg_lay *lay, float x, float y, float w, float h,
			float width, kg_rgb color);
float kg_lay_figure_text(kg_lay *lay, const kg_tstyle *st, float x, float y,
			 const char *s, int align);
void kg_lay_figure_end(kg_lay *lay);
/* The width of s set in st. */
float kg_lay_text_width(kg_lay *lay, const kg_tstyle *st, const char *s);

/* ---- what a caller may ask of the layout ----------------------------------------------- */

/* The number the next element will get: where a run of elements starts
 * (kg_lay_paginate's from). */
size_t kg_lay_mark(const kg_lay *lay);
/* The height of elements [from, next), with the space above each. */
float kg_lay_flow_height(const kg_lay *lay, size_t from);
/* The space above element i (dropped when it starts a page), or 0. */
float kg_lay_space_above(const kg_lay *lay, size_t i);
/* The page-break rules in force (KG_BREAK_*; all at first), and set
 * them (before anything is laid out). */
unsigned kg_lay_rules(const kg_lay *lay);
void kg_lay_set_rules(kg_lay *lay, unsigned rules);
/* Is a box open (kg_lay_box_open without its close)? */
int kg_lay_in_box(const kg_lay *lay);
/* Forget a page break asked for and not yet placed. */
void kg_lay_cancel_page_break(kg_lay *lay);
/* The body area's width and height; the width paragraphs get now. */
float kg_lay_body_width(const kg_lay *lay);
float kg_lay_body_height(const kg_lay *lay);
float kg_lay_line_width(const kg_lay *lay);
/* How many anchors a second pass put elsewhere than the first did. */
size_t kg_lay_disagreements(const kg_lay *lay);

/* ---- elements outside the flow ------------------------------------------------------ */

/* Running headers and footers, a cover's background: an element that no
 * flow holds, drawn where kg_lpage says. Between begin and end, put adds
 * one line of in at (x, y: the line's top), cut with an ellipsis when
 * wider than width, aligned in width (0 left, 1 centre, 2 right). */
long kg_lay_free_begin(kg_lay *lay, float h);
void kg_lay_put_line(kg_lay *lay, const kg_inline *in, float x, float y,
		     float width, int align);
void kg_lay_put_rect(kg_lay *lay, float x, float y, float w, float h,
		     kg_rgb color);
void kg_lay_put_rule(kg_lay *lay, float x, float y, float w, float width,
		     kg_rgb color);
void kg_lay_free_end(kg_lay *lay);

/* What a page of the current run shows outside its body: an element made
 * with kg_lay_free_begin as its running header, footer or background (a
 * background is named before kg_lay_free_end: it is never mirrored). */
typedef enum { KG_LAY_HEAD, KG_LAY_FOOT, KG_LAY_BACK } kg_lay_slot;
void kg_lay_page_set(kg_lay *lay, size_t page, kg_lay_slot slot, long elem);

/* ---- pages ----------------------------------------------------------------------------- */

/* Record where every block lands (the layout record) into out, from the
 * next kg_lay_paginate on: a JSON line per page, for the tests of the
 * page-break rules (tests/breakcheck.py). NULL stops. */
void kg_lay_record(kg_lay *lay, kg_buf *out);

/* Cut elements [from, lay->nel) into pages of kind, and record (or,
 * when frozen, check) where their anchors landed. */
void kg_lay_paginate(kg_lay *lay, size_t from, int kind);
/* The pages of the current run (cut by kg_lay_paginate), and the pages
 * of the runs before it. */
size_t kg_lay_run_pages(const kg_lay *lay);
size_t kg_lay_pages_before(const kg_lay *lay);
/* A page of the current run: its kind (kg_lay_paginate's), and the title
 * of the part its running header shows ("" for none). */
int kg_lay_page_kind(const kg_lay *lay, size_t page);
const char *kg_lay_page_part(const kg_lay *lay, size_t page);
/* The page (0-based, in the whole document) an anchor landed on, or -1.
 * y is set to its top. */
long kg_lay_dest(kg_lay *lay, const char *id, float *y);

/* ---- what the renderer reads ------------------------------------------------------------ */

/* What render_pdf.c draws, read-only: every pointer stays valid until the
 * layout next changes (an element added, kg_lay_run_reset). Element i is
 * one kg_lay_mark counted or one kg_lay_free_begin returned; an element's
 * operations are op0 .. op0 + nops - 1; a link's number is a KG_OP_LINK
 * operation's aux; page n is of the current run (< kg_lay_run_pages) and
 * its placements are p0 .. p0 + np - 1; boxes are 0 .. kg_lay_nboxes - 1
 * of the current run. */
const kg_elem *kg_lay_elem(const kg_lay *lay, size_t i);
const kg_op *kg_lay_op(const kg_lay *lay, uint32_t i);
const kg_link *kg_lay_link_at(const kg_lay *lay, int n);
size_t kg_lay_nboxes(const kg_lay *lay);
const kg_box *kg_lay_box(const kg_lay *lay, size_t b);
const kg_lpage *kg_lay_page(const kg_lay *lay, size_t n);
const kg_place *kg_lay_place(const kg_lay *lay, size_t i);

/* End the current run: drop everything but the parts and the anchors,
 * and count its pages into page_base. No box may be open. */
void kg_lay_run_reset(kg_lay *lay);

/* A run ended and kept whole (kg_lay_run), with its first page's number
 * and the tag in force when it ended. */
typedef struct kg_lay_kept kg_lay_kept;
/* End the current run as kg_lay_run_reset does, but take it out of lay
 * whole, to be drawn later; lay starts the next run empty. */
kg_lay_kept *kg_lay_run_keep(kg_lay *lay);
/* The bytes a kept run holds. */
size_t kg_lay_kept_bytes(const kg_lay_kept *kept);
/* Make the kept run lay's current run again, as it was when it ended
 * (its pages numbered from where they were), and free kept; lay's own
 * current run must be empty. kg_lay_run_reset ends it again. */
void kg_lay_run_resume(kg_lay *lay, kg_lay_kept *kept);
/* Free a kept run that will not be drawn. */
void kg_lay_kept_free(kg_lay_kept *kept);
/* Take the anchors src recorded (src keeps none; nor its language and
 * the hyphenation points it found, which lay takes) and check every anchor
 * laid out from now on against them: a second pass over the same
 * document must put each where the first did (lay->disagree counts those
 * it does not). */
void kg_lay_adopt_dests(kg_lay *lay, kg_lay *src);

#endif
