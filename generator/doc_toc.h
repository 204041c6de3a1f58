/*
 * doc_toc.h - the table of contents of a composed document (doc.h),
 * built once, when the document is composed, and shown by every writer
 * from its entries: no writer walks the document for its contents.
 */
#ifndef KG_DOC_TOC_H
#define KG_DOC_TOC_H

#include "doc.h"

/* Fill the document's TOC block (the first child of its root, if it is
 * one) with the contents, in one walk (kg_iter): an ITEM per entry, level
 * 1 for each part (level-1 SECTION) listed in the TOC, 2 for each of its
 * sections listed too, with the section's id and title (the block's own
 * copies). Called again (a part added after composing, since.c), it
 * builds the entries afresh. */
void kg_doc_toc_build(kg_doc *doc);
/* The document's TOC block, or NULL when it has none. */
const kg_block *kg_doc_toc(const kg_doc *doc);

#endif
