/*
 * ttf_subset.h - a TrueType font cut down to the glyphs a document uses,
 * for embedding in a PDF as a CIDFontType2 font program.
 */
#ifndef KG_TTF_SUBSET_H
#define KG_TTF_SUBSET_H

#include <stddef.h>

#include "buf.h"

/* Append to out a TrueType font with the tables a PDF needs (glyf, loca,
 * head, hhea, hmtx, maxp; cvt, fpgm and prep when present) from the font
 * file in data (of a collection, .ttc, its first font). Glyph ids stay as they are; only the glyphs with used[gid]
 * set keep their outlines (and the glyphs they are composed of, and glyph
 * 0). Returns 0, or -1 when data is not a TrueType font it understands. */
int kg_ttf_subset(const unsigned char *data, size_t len,
		  const unsigned char *used, size_t nused, kg_buf *out);

#endif
