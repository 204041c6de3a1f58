/*
 * doc.h - the composed document: one block tree per output file.
 *
 * compose.c decides what a document contains and in what order; the
 * writers (write_md.c, write_html.c, write_pdf.c) only decide how each
 * block looks, walking the tree with kg_iter (doc_iter.h: ENTER and EXIT
 * events, deferred sections opened and closed for them) and one switch on
 * the block type. No writer reads YAML or decides content.
 *
 * Tree shape (children in brackets):
 *   DOCUMENT [any]
 *   SECTION   title, id (anchor), level 1.. [any]        a heading and its body
 *   PROSE     text (CommonMark source)                     prose; a writer
 *             parses it when it reaches it (kg_prose_parse)
 *   LIST      style bullet/ordered/index [ITEM]
 *   ITEM      [any]
 *   FIELDS    [FIELD]                                      label: value pairs
 *   FIELD     title (the label) [any]
 *   TABLE     [ROW]; the first ROW is the header
 *   ROW       [CELL]
 *   CELL      [PROSE]; id: in a SCORECARD's first ROW, the value a card
 *             file writes for the cell's choice or mark ("strong",
 *             "not-probed", "prompted"), else NULL
 *   RUBRIC    [BAND]                                       strong/acceptable/weak
 *   BAND      title (label), style = kg_doc_band [any]
 *   CALLOUT   title, style = kg_callout [any]              set-apart box
 *   TOC       [ITEM]                                       contents go here;
 *             kg_doc_toc_build (doc_toc.h) fills it once: an ITEM per entry, level
 *             1 a part, 2 a section of it, with the section's id, title
 *   ITEM of an index LIST: id, the place in the document it stands for
 *   SCORECARD [ROW] [DIMENSION...]                         a form to fill in:
 *             the ROW holds the column labels: the dimension, then level
 *             choices (a box each, tick one: the bands, "not probed"),
 *             then marks (a box each, tick any: "prompted"), then the
 *             evidence; id: see Forms below
 *   DIMENSION title [PROSE]                                one scored line:
 *             a box per choice and mark, and room to write the evidence;
 *             id: see Forms below (a card file's dimension id; the
 *             overall line "overall", KG_DIMENSION_RATING_ONLY)
 *   NOTES     title (a label, may be NULL), level = lines    room to write by hand;
 *             flags KG_NOTES_FILL: paged formats rule as many lines as the
 *             rest of the page holds (at least `level`), the others `level`;
 *             id: see Forms below
 *   CODE      title = the language (a plain id: python, go, java, sql),
 *             text = the listing, verbatim (borrowed, as PROSE's)
 *             a code listing: every format shows it monospaced with line
 *             numbers from 1, never wraps a line mid-token without a mark
 *   CHART     title [ROW]                                   a stacked bar chart of
 *             counts: the first ROW's CELLs' titles name the series; each
 *             later ROW is a bar, its title the label, its CELLs' levels
 *             the counts. HTML draws it as inline SVG, the PDF as vector
 *             graphics (pdf_chart.c); Markdown shows nothing (compose the
 *             same figures as a TABLE beside it)
 *
 * Forms: a form's blocks may name the fields they are, for the formats
 * that can fill them in (the PDF's form, pdf_form.h): a SCORECARD's id is
 * the card's name, the first part of its fields' names; its header ROW's
 * CELLs' ids are the choices' values (a rating's id), the marks' and the
 * evidence's names (and their titles what a reader hears them called); a
 * DIMENSION's id is its part of the names (KG_DIMENSION_RATING_ONLY: its
 * choices alone are a field, no mark or evidence); a NOTES' id is the
 * whole name of the text field its line is, text_copy its prefilled
 * value (kg_add_note_field). A block without an id is only printed.
 *
 * Boxes to tick: a U+2610 BALLOT BOX in prose or a title is a box on a
 * form, not a character: the PDF draws it (forms.box in the style), the
 * HTML styles it (span.box), Markdown writes "[ ]".
 *
 * Ownership: a block owns its children and its strings, except the
 * CommonMark source of a PROSE block: the markdown given to kg_add_prose
 * and to the constructors that take it (item, field, band, cell,
 * dimension) is borrowed, not copied, and must outlive the document. It
 * is the kit's own text (kg_text: the kit outlives every document composed
 * from it) or a string literal. Text composed in a temporary buffer goes
 * through kg_add_prose_copy, whose block keeps a copy of its own.
 * kg_doc_free frees the whole document.
 *
 * Why: a cmark tree is many times the size of its source, and holding the
 * trees of a whole edition at once was most of a build's memory. Each
 * writer parses one PROSE block at a time and frees the tree when done.
 *
 * Deferred sections, for the same reason: a part of a big document (a
 * topic of the public kit) may be added with its heading only and a
 * function that composes its body. A walk of the tree brackets its visit
 * of a section's children with kg_section_open and kg_section_close (the
 * iterator, doc_iter.h, does it for every writer): the first open
 * composes the body, the last close frees it, so only the parts being
 * written are in memory. For a section that is not deferred both do
 * nothing. Composing is deterministic: every open of a section gives the
 * same children.
 */
#ifndef KG_DOC_H
#define KG_DOC_H

#include <stddef.h>

typedef enum {
	KG_BLOCK_DOCUMENT,
	KG_BLOCK_SECTION,
	KG_BLOCK_PROSE,
	KG_BLOCK_LIST,
	KG_BLOCK_ITEM,
	KG_BLOCK_FIELDS,
	KG_BLOCK_FIELD,
	KG_BLOCK_TABLE,
	KG_BLOCK_ROW,
	KG_BLOCK_CELL,
	KG_BLOCK_RUBRIC,
	KG_BLOCK_BAND,
	KG_BLOCK_CALLOUT,
	KG_BLOCK_TOC,
	KG_BLOCK_SCORECARD,
	KG_BLOCK_DIMENSION,
	KG_BLOCK_NOTES,
	KG_BLOCK_CHART,
	KG_BLOCK_CODE
} kg_block_type;

typedef enum {
	KG_CALLOUT_NOTE,      /* neutral aside: a scenario, an example */
	KG_CALLOUT_CUES,      /* recruiter cues */
	KG_CALLOUT_RED_FLAGS, /* warning signs */
	KG_CALLOUT_STRONG,    /* a strong answer example */
	KG_CALLOUT_WEAK,      /* a weak answer example */
	KG_CALLOUT_GOOD_NOTE, /* example of good written evidence */
	KG_CALLOUT_BAD_NOTE,  /* example of poor written evidence */
	KG_CALLOUT_ACCEPTABLE /* an acceptable (borderline) answer example */
} kg_callout;

/* A BAND's style: which band of the rating scale it shows. compose sets
 * it from the kit's band, so a writer needs no more than this file. */
typedef enum {
	KG_DOC_BAND_STRONG,
	KG_DOC_BAND_ACCEPTABLE,
	KG_DOC_BAND_WEAK
} kg_doc_band;

/* List styles. Each item of an index list begins with a link to a place
 * in the document (the question index): paged formats set that place's
 * page number beside it; the others show a bulleted list. */
enum { KG_LIST_BULLET = 0, KG_LIST_ORDERED = 1, KG_LIST_INDEX = 2 };

/* Section flags. */
enum {
	KG_SECTION_NEW_PAGE = 1 << 0, /* paged formats start it on a new page */
	KG_SECTION_IN_TOC = 1 << 1,   /* listed in the table of contents */
	/* a form, printed on one sheet: paged formats keep it on one page
	 * (a SCORECARD in it fills what the page leaves); HTML prints it
	 * from a new page and never breaks it */
	KG_SECTION_FORM = 1 << 2
};

/* NOTES flags. */
enum {
	KG_NOTES_FILL = 1 << 0 /* paged formats: fill the rest of the page */
};
/* DIMENSION flags. */
enum {
	KG_DIMENSION_RATING_ONLY = 1 << 0 /* a form field for its choices only */
};

typedef struct kg_block kg_block;
struct kg_block {
	kg_block_type type;
	int style;       /* kg_callout, KG_LIST_*, kg_doc_band */
	int level;       /* SECTION: 1 = a part of the document; NOTES: lines */
	unsigned flags;  /* SECTION: KG_SECTION_*; NOTES: KG_NOTES_*;
			    DIMENSION: KG_DIMENSION_* */
	char *id;        /* SECTION: anchor, unique in the document; the
			    blocks of a form: the fields' names (Forms) */
	char *title;     /* plain text: SECTION, FIELD, BAND, CALLOUT;
			    CODE: the language */
	const char *text; /* PROSE: CommonMark source, borrowed or text_copy;
			     CODE: the listing, borrowed */
	char *text_copy;  /* PROSE: the block's own copy (kg_add_prose_copy) */
	kg_block **children;
	size_t n, cap;
	/* a deferred SECTION (kg_add_deferred_section): how to compose its
	 * children, and how many opens hold them now */
	struct kg_deferred *deferred;
};

/* What composes a deferred section's body: compose(section, ctx, index)
 * appends its children. ctx must outlive the document (the document's
 * state, kg_doc_set_state, or the kit). */
typedef void (*kg_compose_fn)(kg_block *section, const void *ctx,
			      size_t index);

/* What the page shell (cover, header, footer, front matter) shows. */
typedef struct kg_doc_meta {
	char *kit_id;
	char *edition_id;    /* also the output file's base name */
	char *title;
	char *doc_title;     /* what a viewer names the file (PDF /Title,
				HTML <title>); NULL: the writer's default */
	char *subtitle;      /* may be "" */
	char *edition_title; /* "Published kit", "Platform engineer, Expert" */
	char *profile;       /* a panel packet's role; "" for the public kit */
	char *level;         /* a panel packet's level; "" for the public kit */
	char *version;
	char *publisher;
	char *licence;       /* may be "" */
	char *digest;        /* hex SHA-256 of the content */
	char *build_digest;  /* hex SHA-256 of the build (digest.h): what
				the build sets; NULL for none */
	/* who the document is for (edition.h); each NULL for none */
	char *marking;       /* on the cover and every page: "Confidential
				— interviewer material" */
	char *reader;        /* on the cover, after the marking */
	char *watermark;     /* across every page: kit.yaml's watermark,
				on interviewer material only */
} kg_doc_meta;

typedef struct kg_doc {
	kg_doc_meta meta;
	/* kitgen's own words (labels.h) in the document's language, borrowed
	 * from the kit; NULL: English */
	const struct kg_labels *labels;
	/* the language of the kit's own texts (kit.yaml's language, borrowed;
	 * NULL: English): a translated build's fallback texts are in it */
	const char *source_lang;
	kg_block *root; /* a DOCUMENT */
	/* the data the page's fillable scorecards work with, as JSON
	 * (card_form.h), or NULL: a format that can fill forms in uses it */
	char *forms;
	/* what the composer keeps for its deferred sections; freed with
	 * free_state by kg_doc_free */
	void *state;
	void (*free_state)(void *state);
} kg_doc;

kg_block *kg_block_new(kg_block_type type);
/* Free parent's children (a TOC's entries before they are built again). */
void kg_block_clear(kg_block *parent);
/* Append child to parent and return child (for chaining). */
kg_block *kg_block_add(kg_block *parent, kg_block *child);

/* Constructors that append to parent and return the new block. */
kg_block *kg_add_section(kg_block *parent, int level, const char *id,
			 const char *title, unsigned flags);
/* A SECTION whose children compose(section, ctx, index) appends when it is
 * opened (see "Deferred sections" above). */
kg_block *kg_add_deferred_section(kg_block *parent, int level, const char *id,
				  const char *title, unsigned flags,
				  kg_compose_fn compose, const void *ctx,
				  size_t index);
/* Bracket a walk of a section's children. The tree is logically const:
 * opening a deferred section fills in its children (composing them on the
 * first open), closing it frees them again after the last close. Both do
 * nothing for any other block. */
void kg_section_open(const kg_block *section);
void kg_section_close(const kg_block *section);

/* PROSE from CommonMark source, borrowed (see Ownership above); nothing is
 * added for NULL or empty text. */
kg_block *kg_add_prose(kg_block *parent, const char *markdown);
/* The same, for text in a temporary buffer: the block keeps a copy. */
kg_block *kg_add_prose_copy(kg_block *parent, const char *markdown);
/* The constructors below that take markdown add it with kg_add_prose
 * (borrowed); give NULL and add a kg_add_prose_copy to the new block for
 * text that does not outlive the document. */
kg_block *kg_add_list(kg_block *parent, int style);
/* An ITEM holding one PROSE. */
kg_block *kg_add_item(kg_block *list, const char *markdown);
/* An ITEM of a KG_LIST_INDEX list, standing for the section whose id is
 * target (paged formats print that section's page beside it). */
kg_block *kg_add_index_item(kg_block *list, const char *target,
			    const char *markdown);
kg_block *kg_add_field(kg_block *fields, const char *label,
		       const char *markdown);
kg_block *kg_add_callout(kg_block *parent, int style, const char *title);
kg_block *kg_add_band(kg_block *rubric, kg_doc_band band, const char *label,
		      const char *markdown);
kg_block *kg_add_row(kg_block *table);
kg_block *kg_add_cell(kg_block *row, const char *markdown);
kg_block *kg_add_dimension(kg_block *scorecard, const char *name,
			   const char *markdown);
kg_block *kg_add_notes(kg_block *parent, const char *label, int lines);
/* A one-line NOTES that is the form field `name` (copied), prefilled
 * with value (copied; NULL or "": blank). */
kg_block *kg_add_note_field(kg_block *parent, const char *label,
			    const char *name, const char *value);
/* A code listing in language (copied), its text borrowed like a PROSE
 * block's source: line numbers count from 1, a final line feed ends the
 * last line. Nothing is added for NULL or empty text. */
kg_block *kg_add_code(kg_block *parent, const char *language,
		      const char *text);

void kg_doc_free(kg_doc *doc);


/* s with runs of white space made one space, trimmed: titles and metadata
 * are plain text on one line. The caller frees the result. */
char *kg_one_line(const char *s);

#endif
