/*
 * shape_ahead.h - the kit's words shaped on a second core ahead of the
 * PDF's layout.
 *
 * Shaping a word with HarfBuzz is the largest single cost of laying out
 * a document (each distinct word once per document, fonts_shape.c),
 * and the layout keeps one core busy while the other is idle. So, while
 * a document is laid out, a thread (warm.h) reads the kit's texts (the
 * build gives them, kg_ahead_texts) in order, cuts them into words as
 * the layout will (typographic quotes and dashes as kg_smart_append
 * makes them, Markdown's emphasis marks left out, a word also cut after
 * a hyphen or a slash), and shapes each in the body's face, keeping
 * HarfBuzz's glyphs; code spans and listings in code's face, each word
 * also cut where the layout may break code. When the layout meets a
 * word it has not shaped yet, in one of those faces, left to right and
 * all of it in the face, it takes those glyphs instead of shaping it:
 * the same glyphs, as the same call of kg_hb_shape (shape_hb.h) gives
 * the same result on any thread. A word the thread has not reached, or
 * guessed wrong, is shaped by the layout as before; nothing else
 * changes.
 *
 * The thread only reads what nothing writes while it runs (the texts, a
 * font's HarfBuzz face); it takes no character a fallback face would
 * draw, no control character, and no word shaped right to left.
 * It stops when the layout is done (kg_ahead_stop), or when what it
 * keeps reaches S_MAX_BYTES (shape_ahead.c), and frees it all.
 */
#ifndef KG_SHAPE_AHEAD_H
#define KG_SHAPE_AHEAD_H

#include <hb.h>
#include <stddef.h>

#include "shape_hb.h"
#include "smart.h"

/* One text of the kit, len bytes at s: a listing of code when code,
 * else prose (Markdown). Nonzero: read no more. */
typedef int (*kg_ahead_text_fn)(void *arg, const char *s, size_t len,
				int code);

/* How the texts the build's documents are made of are read (NULL: none,
 * and nothing is shaped ahead): texts(ctx, text, arg) calls text for
 * each, in the order the documents have them, until it returns nonzero.
 * It runs on the thread, so it may read only what does not change until
 * kg_ahead_texts is called again (the build's kit). */
void kg_ahead_texts(void (*texts)(void *ctx, kg_ahead_text_fn text, void *arg),
		    void *ctx);

/* Before kg_ahead_start: the document's other faces (n of them, NULL for
 * one that did not load). The thread first shapes a word in each and
 * throws it away: HarfBuzz reads a face's layout tables and makes its
 * shaping plan the first time a face shapes (2 ms for DejaVu Sans), and
 * keeps them for every thread, so the layout's first heading does not
 * wait for it. */
void kg_ahead_warm(hb_font_t *const *faces, size_t n);

/* A document's layout begins: its words in body (the body's face) and
 * its code in code (code's face), quoted with quotes, are shaped on a
 * second core (unless warm.h says no thread), in lang, the language the
 * layout shapes them in (kg_hb_shape). */
void kg_ahead_start(hb_font_t *body, hb_font_t *code, hb_language_t lang,
		    const kg_quotes *quotes);

/* The glyphs of the len bytes at s as shaped ahead in hf (mono: as code,
 * kg_hb_shape's mono), left to right and all in hf: 1 with them in *out
 * (grown, *cap its room), their count in *n and *rtl set as kg_hb_shape
 * does; 0 when there are none (yet). */
int kg_ahead_find(hb_font_t *hf, int mono, const char *s, size_t len,
		  kg_hb_glyph **out, size_t *cap, size_t *n, int *rtl);

/* Wait until the thread has shaped all it will (for the tests: what it
 * kept is then what kg_ahead_find finds). */
void kg_ahead_wait(void);

/* The layout is done: the thread stops and what it kept is freed. */
void kg_ahead_stop(void);

#endif
