/*
 * fonts_int.h - what fonts.c (faces, fallback, codes, font objects) and
 * fonts_shape.c (shaping, its cache, drawing) share; nothing else
 * includes it (fonts.h is the interface).
 *
 * A document's fonts are a list: the style's five faces first (index =
 * kg_face), then the fallback faces, in the order they were first
 * needed. Every font used is written as a Type0 font with Identity-H
 * over a CIDFontType2 font; its codes stand for (glyph, text) pairs,
 * made as the glyphs are shaped, so the ToUnicode map gives a ligature
 * its several characters and two characters drawn with one glyph each
 * their own.
 */
#ifndef KG_FONTS_INT_H
#define KG_FONTS_INT_H

#include <hb.h>
#include <hpdf.h>
#include <stddef.h>
#include <stdint.h>

/* after fonts.h (kg_fonts, kg_face), which this file does not include:
 * fonts.c includes both, and a module's headers include no module that
 * includes them back (t-layers.sh) */
#include "buf.h"
#include "diag.h"
#include "metrics.h"
#include "shape_hb.h"

/* Codes are two bytes that need no escaping in a PDF string literal. */
#define KG_FONT_NBYTES 219
#define KG_FONT_MAX_CODES (KG_FONT_NBYTES * KG_FONT_NBYTES - 1)

/* A font file as read once for the whole process (fonts.c's face
 * cache, see fonts.h): immutable once loaded, shared by every document. */
typedef struct kg_face_file {
	const char *file;       /* fontconfig's cache: lives as long as the process */
	int failed;             /* would not load */
	HPDF_STATUS err[2];     /* libharu's first error and detail in loading it */
	const char *name;       /* libharu's name ("DejaVuSans,Bold") */
	HPDF_FontDef def;       /* libharu: the descriptor's metrics */
	hb_blob_t *blob;        /* the file's bytes (mapped), also embedded */
	hb_face_t *hface;
	hb_font_t *hfont;       /* scale 1000: positions in 1/1000 em */
	unsigned nglyphs;
} kg_face_file;

/* A font of one document: a shared face file (its def, hfont and
 * nglyphs copied here, borrowed) and what this document drew with it. */
typedef struct kg_font {
	const char *file;       /* fontconfig's cache: lives as long as the process */
	kg_mark at;             /* where the style names the family */
	int failed;             /* would not load */
	const kg_face_file *src; /* the shared face, once loaded (or failed) */
	const char *name;       /* borrowed from src */
	HPDF_FontDef def;
	hb_font_t *hfont;
	unsigned nglyphs;
	unsigned char *used;    /* glyphs drawn, for the subset */
	int measured;           /* shaped into: drawn and written */
	int heavy;              /* its own weight is bold (OS/2, 600 and up) */
	/* codes: number k is S_code(k); (glyph, text) each */
	uint16_t *gid;
	int32_t *width;         /* the glyph's advance, 1/1000 em */
	uint32_t *text;         /* offset of the text in texts */
	uint32_t *tlen;
	size_t ncodes, cap;
	uint32_t *tab;          /* hash of (glyph, text) -> k + 1 */
	size_t tabcap;
	kg_buf texts;
	uint32_t obj;           /* a fallback's object number, at writing */
} kg_font;


typedef struct kg_glyph {
	uint32_t font;          /* index in the list */
	uint32_t code;          /* number k of the font's code */
	uint16_t bytes;         /* the code's two bytes (kg_font_code_bytes) */
	int32_t adv, xoff, yoff; /* shaped, 1/1000 em */
} kg_glyph;

/* A shaped chunk: a space, or a run of characters without one; small,
 * so that the chunks the layout looks up stay in the cache. */
typedef struct kg_shaped {
	uint32_t len;
	int32_t width;
	uint32_t g0, ng;        /* glyphs in kg_fonts.glyphs */
	uint8_t face;
	uint8_t rtl;            /* shaped right to left explicitly (a chunk
				 * with no right-to-left letter: neutrals) */
	char s[];               /* the text (len bytes and a NUL) */
} kg_shaped;

struct kg_fonts {
	const char *family[KG_NFACES];
	/* the font each face is drawn in: itself, or in a language without
	 * italics, for an italic face, its upright face's (the same file:
	 * one font object, one subset) */
	uint8_t own[KG_NFACES];
	char *lang;                   /* the fallbacks are sorted for it */
	hb_language_t hblang;         /* and text is shaped in it */
	kg_font *font;                /* the faces, then the fallbacks */
	size_t nfonts, cap_fonts;
	kg_diags *d;                  /* for warnings while shaping */
	/* shaping */
	hb_buffer_t *buf;
	/* the shaped chunks, one after another in the order they were first
	 * shaped (the order the next pass asks for them again), found through
	 * a table of (hash, offset + 1), open addressing */
	kg_buf arena;
	struct kg_shaped_slot {
		uint32_t hash;
		uint32_t at;          /* offset in arena + 1; 0: empty */
	} *tab;
	size_t tabcap, nshaped;
	size_t space[KG_NFACES];      /* " ", the most common chunk: offset + 1 */
	kg_glyph *glyphs;
	size_t nglyphs, cap_glyphs;
	uint32_t *cps, *subst, *fidx;
	size_t *offs;
	unsigned char *flag;
	size_t cap_cps;
	kg_hb_glyph *hbg;             /* one run's glyphs (kg_hb_shape) */
	size_t cap_hbg;
	uint32_t *missing;            /* characters warned about */
	size_t nmissing, cap_missing;
};

/* fonts.c */
/* Load font i (face or fallback) if not yet; 0 or -1. */
int kg_font_load(kg_fonts *f, size_t i);
/* Does font i have a glyph for c? (loads it) */
int kg_font_has(kg_fonts *f, size_t i, uint32_t c);
/* The font drawing c when face lacks it, chosen through fontconfig once
 * per character, or -1 when no installed font has it. */
long kg_font_fallback(kg_fonts *f, kg_face face, uint32_t c);
/* Is font i, drawing for face, a fallback with no bold of its own for a
 * bold face? Its glyphs are then drawn bold (kg_fonts_show). */
int kg_font_synthetic_bold(const kg_fonts *f, kg_face face, size_t i);
/* The code number for glyph gid drawn for text (len bytes) in font i. */
uint32_t kg_font_code(kg_fonts *f, size_t i, unsigned gid, const char *text,
		      size_t len);
/* Append UTF-8 text as UTF-16BE, in hex digits. */
void kg_font_utf16_hex(const char *s, size_t len, kg_buf *out);
/* The k-th code's two bytes. */
uint16_t kg_font_code_bytes(size_t k);

/* fonts_shape.c */

/* The offset in f->arena of the chunk s shaped in face (KG_SHAPED),
 * right to left when rtl (else its direction guessed). */
size_t kg_fonts_shape(kg_fonts *f, kg_face face, int rtl, const char *s,
		      size_t len);
#define KG_SHAPED(f, at) ((const kg_shaped *)(void *)((f)->arena.ptr + (at)))
void kg_fonts_shape_free(kg_fonts *f);

#endif
