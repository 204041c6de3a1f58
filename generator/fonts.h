/*
 * fonts.h - the PDF edition's typefaces: found through fontconfig, read
 * with libharu, measured through a per-face width cache, embedded as
 * subsets with a correct ToUnicode map.
 *
 * Use: kg_fonts_new (find the five faces, load them through libharu,
 * which serves only as a TrueType reader), measure as much as the layout
 * needs, kg_fonts_prepare (make the encoding: after the last new
 * character, since it holds exactly the characters measured), then draw
 * with kg_fonts_encode, and write the font objects with kg_fonts_write
 * at the end of the document.
 *
 * Every character drawn must have been measured first (the layout
 * measures everything it places). Text is UTF-8; characters outside the
 * Basic Multilingual Plane, and invalid bytes, become U+FFFD.
 */
#ifndef KG_FONTS_H
#define KG_FONTS_H

#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "pdf_file.h"
#include "pdf_style.h"

typedef enum {
	KG_FACE_REGULAR,
	KG_FACE_BOLD,
	KG_FACE_ITALIC,
	KG_FACE_BOLD_ITALIC,
	KG_FACE_MONO,
	KG_NFACES
} kg_face;

typedef struct kg_fonts kg_fonts;

/* Find the faces the style names and load them into pdf. Returns NULL
 * with a diagnostic naming the font when one is missing. */
kg_fonts *kg_fonts_new(HPDF_Doc pdf, const kg_pdf_style *style, kg_diags *d);
void kg_fonts_free(kg_fonts *f);

/* Advance width in 1/1000 em: of one character, and of a UTF-8 text. */
int kg_fonts_char_width(kg_fonts *f, kg_face face, uint32_t c);
long kg_fonts_width(kg_fonts *f, kg_face face, const char *s, size_t len);

/* The face's ascent and descent (positive, below the baseline), 1/1000 em. */
int kg_fonts_ascent(const kg_fonts *f, kg_face face);
int kg_fonts_descent(const kg_fonts *f, kg_face face);

/* Make the encoding: a code for every character measured so far. Call
 * it once every character the document draws has been measured (a
 * character measured later has no code: kg_fonts_write then fails).
 * Returns 0 or -1. */
int kg_fonts_prepare(kg_fonts *f, kg_diags *d);
/* Whether a face was measured (and so is drawn and written). */
int kg_fonts_used(const kg_fonts *f, kg_face face);
/* Append s as a PDF string literal, "(...)", in the fonts' encoding. */
void kg_fonts_encode(const kg_fonts *f, const char *s, size_t len, kg_buf *out);

/* Write the font objects of every face used to pdf: the Type0 font of
 * face at objs[face] (numbers the caller reserved, so pages could refer
 * to them), and what it needs. Call after the last page is drawn.
 * Returns 0, or -1 with a diagnostic. */
int kg_fonts_write(kg_fonts *f, kg_pdf_file *pdf, const uint32_t *objs,
		   kg_diags *d);

#endif
