/*
 * pdf_style.h - the look of the PDF edition: templates/pdf/style.yaml.
 *
 * Every key of the file is required, so the file is the one place the
 * values live; a missing, unknown or out-of-range value is an error with
 * the file's line and column. The words the PDF writer prints
 * (pdf_labels.h) are the labels table's (labels.h), set with
 * kg_pdf_style_use_labels; the `papers` section holds the paper sizes a
 * build may name (--paper, kit.yaml's paper:), a table a user may extend.
 * Lengths are points (1/72 inch), or strings with a unit: "18mm", "0.5in",
 * "12pt". Colours are "#rrggbb".
 */
#ifndef KG_PDF_STYLE_H
#define KG_PDF_STYLE_H

#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "pdf_labels.h"

/* A colour as 0xRRGGBB. */
typedef uint32_t kg_rgb;

/* A paper size the style lists: its name as the file spells it, and its
 * width and height in points. */
typedef struct kg_pdf_paper {
	char *name;
	float width, height;
} kg_pdf_paper;

typedef struct kg_pdf_style {
	/* page: margins are the outer limit of everything printed; the
	 * running header and footer take their bands inside them */
	float margin_top, margin_bottom, margin_left, margin_right;
	float header, footer;
	/* fonts: fontconfig family names: body text, headings and labels,
	 * code */
	char *font_text, *sans, *mono;
	kg_mark font_text_at, sans_at, mono_at; /* where the file names them */
	/* columns: the text column's width (centred in the body, at most
	 * its width), and whether each kind of block may use the whole
	 * body (1) or keeps to the text column (0) */
	float column;
	float column_html; /* the HTML's text column, in ch */
	float wide_tables, wide_rubrics, wide_callouts, wide_code, wide_forms;
	/* sizes in points; leading is a multiple of the size */
	float body, leading, small, code, table, running;
	float h1, h2, h3, cover_title, cover_subtitle;
	/* spacing in points */
	float paragraph, section, box_padding, indent;
	/* tint: how much of a callout's colour its background takes, 0..1 */
	float tint;
	/* colours */
	kg_rgb text, muted, accent, link, rule, code_background;
	kg_rgb cover, cover_text, cover_rule;
	kg_rgb table_header, table_header_text, table_stripe;
	kg_rgb strong, acceptable, weak, cues, note, red_flags;
	/* the measures of the writer's blocks (style.yaml's sections from
	 * lists on): lengths in points, factors where the file says so */
	struct {
		float lists_marker_gap, lists_tight;
		float code_leading, code_padding, code_inline_pad_x,
		      code_inline_pad_y, code_slack, code_mark;
		float quotes_bar, quotes_padding, quotes_padding_left;
		float rules_width, rules_space;
		float headings_leading, headings_part_rule,
		      headings_part_rule_length, headings_part_gap,
		      headings_h3_space, headings_part_space,
		      headings_part_after, headings_h4_space,
		      headings_prose_space;
		float rubric_label, rubric_gap, rubric_space, rubric_label_inset,
		      rubric_label_least;
		float callouts_bar, callouts_padding_left, callouts_space,
		      callouts_title_gap;
		float tables_padding, tables_leading, tables_space, tables_rule;
		float scorecards_padding, scorecards_leading,
		      scorecards_band_column, scorecards_band_slack,
		      scorecards_row, scorecards_name, scorecards_box,
		      scorecards_space;
		float forms_box, forms_box_rule, forms_box_gap,
		      forms_evidence, forms_row_most, forms_name,
		      forms_cell_padding;
		float notes_space, notes_line, notes_lines, notes_fill_least,
		      notes_label_gap,
		      notes_baseline, notes_rule_below, notes_rule;
		float index_gap;
		float contents_part_size, contents_part_space, contents_gap,
		      contents_number_gap, contents_leader_gap;
		float cover_band, cover_band_gap, cover_edition_tint,
		      cover_title_gap, cover_title_leading, cover_subtitle_gap,
		      cover_subtitle_tint, cover_subtitle_leading,
		      cover_fields_gap, cover_field_indent, cover_field_gap,
		      cover_field_size, cover_rule;
		float running_leading, running_title_width, running_part_at,
		      running_rule, running_rule_gap, running_footer_left,
		      running_page_width;
		float links_target_above;
	} m;
	/* the words the edition prints (pdf_labels.h): NULL until
	 * kg_pdf_style_use_labels */
	kg_pdf_labels labels;
	/* the kit's language has no italic (Chinese, Japanese, Korean,
	 * Arabic, Hebrew, Persian, Urdu: a slant is a fake): the italic
	 * faces are the upright ones (fonts.c), set by
	 * kg_pdf_style_use_labels */
	int upright;
	/* the kit's language (a BCP 47 tag; NULL: English): the fallback
	 * faces are sorted for it (fonts.c), set by kg_pdf_style_use_labels */
	char *lang;
	/* the paper sizes, in the file's order (at least one) */
	kg_pdf_paper *papers;
	size_t npapers, cap_papers;
	kg_mark papers_at; /* the papers section */
	char *path; /* the style file (marks point into it) */
} kg_pdf_style;

/* Load and check the style file at path. Returns 0, or -1 with every
 * problem in d. The caller frees the style with kg_pdf_style_free, also
 * after a failure. */
int kg_pdf_style_load(const char *path, kg_pdf_style *s, kg_diags *d);
/* Between these two calls, on the calling thread, a style file is parsed
 * once and its tree kept for the loads that follow (a build reads
 * style.yaml for every page it writes). */
void kg_pdf_style_cache_begin(void);
void kg_pdf_style_cache_end(void);
/* Load and check only the `papers` section of the style file at path:
 * for the build, which vets --paper and kit.yaml's paper: before any
 * writer runs (and whatever formats it writes). Freed the same way. */
int kg_pdf_style_load_papers(const char *path, kg_pdf_style *s, kg_diags *d);
void kg_pdf_style_free(kg_pdf_style *s);

/* Set the style's words (labels) from the labels table (labels.h; NULL:
 * English): the style file holds no words. */
struct kg_labels;
void kg_pdf_style_use_labels(kg_pdf_style *s, const struct kg_labels *labels);

struct kg_node;

/* The brand for the HTML page shell and the index page, whose style
 * sheet takes it from the one style file: load the `fonts`, `columns`
 * and `colours` sections of templates/pdf/style.yaml; set data's `fonts`
 * to a mapping of text, sans and mono to a CSS font-family list (the
 * family, quoted and CSS-escaped, then its generic family) and of
 * measure to the text column's width, "56ch"; and data's `colours` to a
 * mapping of each colour key to "#rrggbb", and of KEY_tint to that colour
 * mixed with white as the PDF's boxes are (by colours.tint). Returns 0,
 * or -1 with every problem in d (data is untouched). */
int kg_pdf_style_colours_data(const char *templates, struct kg_node *data,
			      kg_diags *d);

/* The paper s lists as name, in any case ("A4", "Letter"), or NULL. */
const kg_pdf_paper *kg_pdf_style_paper(const kg_pdf_style *s,
				       const char *name);
/* Append the names of s's papers, "a4, letter", in the file's order. */
void kg_pdf_style_paper_names(const kg_pdf_style *s, kg_buf *out);

/* c mixed with white: t = 0 gives white, t = 1 gives c. */
kg_rgb kg_rgb_tint(kg_rgb c, float t);

#endif
