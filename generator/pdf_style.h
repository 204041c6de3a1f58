/*
 * pdf_style.h - the look of the PDF edition: templates/pdf/style.yaml.
 *
 * Every key of the file is required, so the file is the one place the
 * values live; a missing, unknown or out-of-range value is an error with
 * the file's line and column. The `labels` section holds the words the
 * PDF writer prints (pdf_labels.h). Lengths are points (1/72 inch), or strings
 * with a unit: "18mm", "0.5in", "12pt". Colours are "#rrggbb".
 */
#ifndef KG_PDF_STYLE_H
#define KG_PDF_STYLE_H

#include <stdint.h>

#include "diag.h"
#include "pdf_labels.h"

/* A colour as 0xRRGGBB. */
typedef uint32_t kg_rgb;

typedef struct kg_pdf_style {
	/* page: margins are the outer limit of everything printed; the
	 * running header and footer take their bands inside them */
	float margin_top, margin_bottom, margin_left, margin_right;
	float header, footer;
	/* fonts: fontconfig family names */
	char *sans, *mono;
	kg_mark sans_at, mono_at; /* where the file names them */
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
	kg_rgb strong, acceptable, weak, cues, note;
	/* the words the edition prints (pdf_labels.h) */
	kg_pdf_labels labels;
	char *path; /* the style file (marks point into it) */
} kg_pdf_style;

/* Load and check the style file at path. Returns 0, or -1 with every
 * problem in d. The caller frees the style with kg_pdf_style_free, also
 * after a failure. */
int kg_pdf_style_load(const char *path, kg_pdf_style *s, kg_diags *d);
void kg_pdf_style_free(kg_pdf_style *s);

/* c mixed with white: t = 0 gives white, t = 1 gives c. */
kg_rgb kg_rgb_tint(kg_rgb c, float t);

#endif
