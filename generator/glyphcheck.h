/*
 * glyphcheck.h - characters no installed font has, found before the PDF
 * is laid out, at their place in the content.
 *
 * The PDF draws a character from the style's face, else from the face
 * fontconfig falls back to (fonts.h); one that no installed face has is
 * drawn as a replacement mark. By layout time the text has lost its
 * place, so the content's texts (and the labels') are walked first, in
 * `kitgen check` and before a build lays out its PDF: each character
 * missing is a warning at the place of its first use, the column on the
 * character itself. The layout warns only about what this did not see.
 */
#ifndef KG_GLYPHCHECK_H
#define KG_GLYPHCHECK_H

#include "diag.h"
#include "kit.h"
#include "labels.h"

/* Warn, once per character (kg_diags_once with KG_FONTS_MISSING_KEY),
 * about each character of the kit's texts, and of labels (may be NULL),
 * that neither the faces of templates/pdf/style.yaml nor any installed
 * face has. A text of only ASCII costs a scan; fonts are loaded at the
 * first character past it. A style or font that does not load is the
 * PDF writer's to report: then nothing is checked. */
void kg_check_glyphs(const kg_kit *kit, const kg_labels *labels,
		     const char *templates, kg_diags *d);

#endif
