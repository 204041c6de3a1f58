/*
 * fonts.h - the PDF edition's typefaces: found through fontconfig, read
 * with libharu (descriptor metrics) and HarfBuzz (shaping), measured
 * through a cache of shaped words, embedded as subsets with a correct
 * ToUnicode map; a character the style's faces lack is drawn from the
 * best installed face that has it (fontconfig's fallback).
 *
 * Use: kg_fonts_new (find the five faces and load the regular one),
 * measure as much as the layout needs (text is shaped as it is
 * measured: kerning, ligatures but in the monospaced face, joined
 * Arabic), kg_fonts_prepare (check that every face loaded), draw with
 * kg_fonts_show, and write the font objects with kg_fonts_write at the
 * end of the document, then name them in the pages' resources with
 * kg_fonts_resources.
 *
 * The fonts a content stream selects are named "F<n>": F0..F4 the
 * style's faces (kg_face; kg_render_font_name), F5 and up the fallback
 * faces. Text is UTF-8; invalid bytes are U+FFFD.
 *
 * Shared faces. What a font file is does not depend on the document, so
 * fonts.c keeps it for the life of the process, loaded the first time a
 * document needs it: fontconfig's answers (the file of each family and
 * style, and the fallback face chosen for each character), libharu's
 * descriptor metrics, HarfBuzz's blob (the file mapped), face and font,
 * and the last few deflated font programs (subsets) made from it. Every
 * kg_fonts of the build borrows them, read-only but for that last
 * cache; what is a document's own lives in its kg_fonts and is freed
 * with it: which glyphs it drew (its subsets), its codes and their
 * ToUnicode texts, its shaped words, its fallback list, its object
 * numbers. So a PDF built alone is byte for byte the one a whole build
 * writes (t-repro.sh). The shared state is freed at exit (atexit).
 *
 * Threads: none of this is thread-safe. kitgen lays out and writes its
 * documents one after another on one thread (kitgen serve builds in a
 * child process); a kg_fonts and the shared faces must not be used from
 * two threads at once. The one exception is kg_fonts_warm's thread,
 * which fills the shared faces before any kg_fonts exists.
 */
#ifndef KG_FONTS_H
#define KG_FONTS_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "diag.h"
#include "metrics.h"
#include "pdf_file.h"
#include "pdf_style.h"

typedef struct kg_fonts kg_fonts;

/* Find the faces the style names and load them. Returns NULL with a
 * diagnostic naming the font when one is missing or libharu cannot read
 * it (with libharu's error and detail). The caller frees the result with
 * kg_fonts_free. */
kg_fonts *kg_fonts_new(const kg_pdf_style *style, kg_diags *d);
struct kg_quotes;
/* The document is about to be laid out with quotes: the kit's words
 * shaped in the body's and code's faces on a second core meanwhile,
 * until kg_ahead_stop (shape_ahead.h). */
void kg_fonts_ahead(kg_fonts *f, const struct kg_quotes *quotes);
void kg_fonts_free(kg_fonts *f);

/* Find and read the faces the style at style_path names, on a thread of
 * its own, while the caller does other work (a build loads its kit):
 * the first kg_fonts_new waits for it. Once a process; nothing is
 * reported (kg_fonts_new reports what is missing). KITGEN_NO_WARM in the
 * environment turns it off (tests compare the two). */
void kg_fonts_warm(const char *style_path);
/* Wait for that thread to end (what a build does before it returns: exit
 * would free libraries' state the thread may still use). */
void kg_fonts_warm_wait(void);

/* Advance width in 1/1000 em of one character, and of a UTF-8 text,
 * shaped (the same text measures and draws the same). */
int kg_fonts_char_width(kg_fonts *f, kg_face face, uint32_t c);
long kg_fonts_width(kg_fonts *f, kg_face face, const char *s, size_t len);
/* The same, shaped right to left when rtl (text of an odd bidi level:
 * lay_bidi.c), else with its direction guessed from its script. */
long kg_fonts_width_dir(kg_fonts *f, kg_face face, int rtl, const char *s,
			size_t len);

/* Does face, or a face fontconfig falls back to for it, have a glyph
 * for c? (What kg_fonts_show draws c with; asked once per character.) */
int kg_fonts_covers(kg_fonts *f, kg_face face, uint32_t c);
/* The kg_diags_once key (diag.h) of the warning that no installed font
 * has c: given at the character's place before the layout (glyphcheck.h),
 * or by the layout, once a run, for text with no place. */
#define KG_FONTS_MISSING_KEY "no font has U+%04lX"

/* The face's ascent and descent (positive, below the baseline), 1/1000 em. */
int kg_fonts_ascent(const kg_fonts *f, kg_face face);
int kg_fonts_descent(const kg_fonts *f, kg_face face);

/* The measures above as the layout engine takes them (metrics.h); f
 * outlives the result. */
kg_metrics kg_fonts_metrics(kg_fonts *f);

/* Check that every face the layout measured with loaded: 0, or -1
 * with a diagnostic. Call it after the first layout pass. */
int kg_fonts_prepare(kg_fonts *f, kg_diags *d);
/* Whether a face was measured (and so is drawn and written). */
int kg_fonts_used(const kg_fonts *f, kg_face face);
/* Whether a face is drawn in another face's font (an upright language's
 * italic, in its upright face's), which kg_fonts_write writes, not its
 * own. */
int kg_fonts_shares(const kg_fonts *f, kg_face face);
/* Append the operators that draw s in face at size (points) from the
 * current text position: Tf where the font changes (*cur_font, *cur_size:
 * the content stream's text state, kept up to date; -1 for none), TJ
 * arrays of glyph codes with the kerning and mark offsets. s is in
 * logical order, of one bidi level: when rtl, it is shaped and drawn
 * right to left (its last word first), else left to right. Glyphs that a
 * bold face takes from a fallback face with no bold of its own (Chinese
 * in Droid Sans Fallback) are drawn bold, as browsers and word
 * processors do: filled and stroked (2 Tr), then 0 Tr again; the caller
 * sets the stroke's colour (the fill's) and width (KG_FONTS_BOLD_STROKE)
 * first, when kg_fonts_emboldens says so. */
void kg_fonts_show(kg_fonts *f, kg_face face, int rtl, float size,
		   const char *s, size_t len, int *cur_font, float *cur_size,
		   kg_buf *out);

/* Does drawing s in face take a drawn bold (above)? */
int kg_fonts_emboldens(kg_fonts *f, kg_face face, const char *s, size_t len);
/* The drawn bold's stroke width, a fraction of the size: what browsers
 * and word processors draw. */
#define KG_FONTS_BOLD_STROKE (1.0f / 30.0f)

/* Write the font objects of every face used to pdf: the Type0 font of
 * face at objs[face] (numbers the caller reserved, so pages could refer
 * to them), the fallback faces' at numbers of their own, and what they
 * need. Call after the last page is drawn. Returns 0, or -1 with a
 * diagnostic. */
int kg_fonts_write(kg_fonts *f, kg_pdf_file *pdf, const uint32_t *objs,
		   kg_diags *d);
/* Give back the memory of the shaped words kept for measuring and
 * drawing (at 1,000 topics, megabytes still held while the structure
 * tree is written). Measuring or drawing afterwards shapes again, to the
 * same glyphs. Call when the pages are drawn, e.g. after kg_fonts_write. */
void kg_fonts_release_shapes(kg_fonts *f);
/* Append " /F0 12 0 R" and so on: every font written, for a /Font
 * resource dictionary. After kg_fonts_write. */
void kg_fonts_resources(const kg_fonts *f, kg_buf *out);

#endif
