/*
 * shape_ahead.h - the kit's words shaped on a second core ahead of the
 * PDF's layout.
 *
 * Shaping a word with HarfBuzz is the largest single cost of laying out
 * a document (each distinct word once per document, fonts_shape.c),
 * and the layout keeps one core busy while the other is idle. So, while
 * a document is laid out, a thread (warm.h) reads the kit's texts in
 * order, cuts them into words as the layout will (typographic quotes
 * and dashes as kg_smart_append makes them, Markdown's emphasis marks
 * left out, a word also cut after a hyphen or a slash), and shapes each
 * in the body's face, keeping HarfBuzz's glyphs; code spans and a
 * question's code in code's face, each word also cut where the layout
 * may break code. When the layout meets a word it has not shaped yet,
 * in one of those faces, left to right and all of it in the face, it
 * takes those glyphs instead of shaping it: the same glyphs, as the same call of kg_fonts_hb gives the same
 * result on any thread. A word the thread has not reached, or guessed
 * wrong, is shaped by the layout as before; nothing else changes.
 *
 * The thread only reads what nothing writes while it runs (the kit's
 * trees, a font's HarfBuzz face); it takes no character a fallback face
 * would draw, no control character, and no word shaped right to left.
 * It stops when the layout is done (kg_ahead_stop), or when what it
 * keeps reaches S_MAX_BYTES (shape_ahead.c), and frees it all.
 */
#ifndef KG_SHAPE_AHEAD_H
#define KG_SHAPE_AHEAD_H

#include "smart.h"

struct kg_kit;
struct hb_font_t;

/* The kit whose texts the build's documents are made of (NULL: none,
 * and nothing is shaped ahead). It must not change until set again. */
void kg_ahead_texts(const struct kg_kit *kit);

/* A document's layout begins: its words in body (the body's face) and
 * its code in code (code's face), quoted with quotes, are shaped on a
 * second core (unless warm.h says no thread). */
void kg_ahead_start(struct hb_font_t *body, struct hb_font_t *code,
		    const kg_quotes *quotes);
/* Also the document's other faces (n of them, NULL for one that did not
 * load): the thread first shapes a word in each and throws it away.
 * HarfBuzz reads a face's layout tables and makes its shaping plan the
 * first time a face shapes (2 ms for DejaVu Sans), and keeps them, for
 * every thread: then the layout's first heading does not wait for it.
 * Before kg_ahead_start. */
void kg_ahead_warm(struct hb_font_t *const *faces, size_t n);

/* (kg_ahead_find, for fonts_shape.c, is in fonts_int.h.) */

/* Wait until the thread has shaped all it will (for the tests: what it
 * kept is then what kg_ahead_find finds). */
void kg_ahead_wait(void);

/* The layout is done: the thread stops and what it kept is freed. */
void kg_ahead_stop(void);

#endif
