/*
 * doc_iter.h - one walk over a composed document (doc.h), in the spirit of
 * cmark's cmark_iter: a stream of ENTER and EXIT events, depth first, in
 * document order. Every writer walks the tree with it, with one switch on
 * the block type, instead of recursing by hand.
 *
 * Events: a block with children, or one that may have them (everything
 * but PROSE, TOC and NOTES), gives ENTER, then its children's events,
 * then EXIT. PROSE, TOC and NOTES are leaves: ENTER only.
 *
 * Deferred sections (doc.h) are the iterator's business: a section is
 * opened before its ENTER is returned (so its children are there at
 * ENTER, and at its EXIT) and closed on the call after its EXIT. A walk
 * that stops early closes what it opened with kg_iter_free, so every
 * walk, finished or not, leaves no composed body behind.
 *
 * kg_iter_skip, right after an ENTER, passes over the block's children:
 * the next event is its EXIT. A writer that handles a block whole (a
 * table and its rows, a scorecard) skips it.
 *
 * The tree is never changed by a walk but for the deferred sections'
 * cache of children (doc.h); the blocks the iterator returns are const.
 */
#ifndef KG_DOC_ITER_H
#define KG_DOC_ITER_H

#include <stddef.h>

#include "doc.h"

typedef enum {
	KG_EVENT_NONE,
	KG_EVENT_DONE,
	KG_EVENT_ENTER,
	KG_EVENT_EXIT
} kg_event;

typedef struct kg_iter kg_iter;

/* A walk of root and everything below it. Never NULL; the caller frees it
 * with kg_iter_free. */
kg_iter *kg_iter_new(const kg_block *root);
/* The next event; DONE after root's EXIT, and from then on. */
kg_event kg_iter_next(kg_iter *it);
/* The block of the last event (NULL before the first and after DONE). */
const kg_block *kg_iter_block(const kg_iter *it);
/* The block that encloses the last event's block (NULL for root). */
const kg_block *kg_iter_parent(const kg_iter *it);
/* How many blocks enclose the last event's block (root: 0). */
size_t kg_iter_depth(const kg_iter *it);
/* After an ENTER: do not visit the block's children; the next event is
 * its EXIT. Does nothing after any other event. */
void kg_iter_skip(kg_iter *it);
/* Close every section the walk holds open, and free it. NULL is fine. */
void kg_iter_free(kg_iter *it);

/* Is this block a leaf of the walk (ENTER only)? */
int kg_iter_is_leaf(const kg_block *b);

#endif
