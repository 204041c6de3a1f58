/*
 * shape_hb.h - one run of characters shaped with HarfBuzz: the call the
 * layout's shaping (fonts_shape.c) and the words shaped ahead on a
 * second core (shape_ahead.c) both make, so that the same characters
 * give the same glyphs on either thread.
 *
 * A run is characters i..j-1 of a chunk of n (the rest are its context,
 * as HarfBuzz wants them), in one font. Its script is guessed; it is set
 * right to left when asked (rtl_chunk), and a run of digits is always
 * left to right (UAX #9: Arabic-Indic digits alone would be guessed
 * right to left, and 12 drawn as 21). Code (mono) is shaped with neither
 * kerning nor ligatures (-kern, -liga, -clig, -calt).
 */
#ifndef KG_SHAPE_HB_H
#define KG_SHAPE_HB_H

#include <hb.h>
#include <stddef.h>
#include <stdint.h>

/* A glyph as HarfBuzz shaped it: what the layout keeps of it. */
typedef struct kg_hb_glyph {
	uint32_t gid;
	uint32_t cluster;       /* the character it starts at */
	int32_t adv, xoff, yoff; /* 1/1000 em at the fonts' scale */
} kg_hb_glyph;

/* Shape characters i..j-1 of the n in cps with hf in buf (the caller's),
 * as text in lang (the kit's language: a font's forms for it, such as
 * Turkish's f and i kept apart, Romanian's comma below; never the
 * locale's): the glyphs into *out (grown, *cap its room), their count
 * returned, *rtl set when they came out right to left. */
size_t kg_hb_shape(hb_buffer_t *buf, hb_font_t *hf, hb_language_t lang, int mono,
		   const uint32_t *cps, size_t n, size_t i, size_t j,
		   int rtl_chunk, kg_hb_glyph **out, size_t *cap, int *rtl);

/* Are the n characters all decimal digits (and n > 0)? */
int kg_hb_digits(const uint32_t *cps, size_t n);
/* Is the first character of the n with a script that has a direction
 * (near enough, the first strong one) of a right-to-left script? */
int kg_hb_first_strong_rtl(const uint32_t *cps, size_t n);
/* Is a chunk of these n characters, asked for left to right, shaped
 * right to left all the same? (kg_hb_first_strong_rtl, unless all are
 * digits.) */
int kg_hb_rtl_chunk(const uint32_t *cps, size_t n);

#endif
