/*
 * prose.h - a PROSE block's CommonMark, parsed when a writer reaches it
 * (doc.h keeps the source only: a cmark tree is many times its size).
 * The document model knows nothing of cmark; this is where the two meet.
 */
#ifndef KG_PROSE_H
#define KG_PROSE_H

#include "doc.h"

struct cmark_node;

/* A PROSE block's text parsed and sanitised (kg_md_parse): a writer calls
 * this when it reaches the block and frees the tree with cmark_node_free
 * when done with it. */
struct cmark_node *kg_prose_parse(const kg_block *prose);
/* Does the block's prose start with a paragraph (so a label can run into
 * it)? Parses the text; false for NULL or a block of another type. */
int kg_prose_starts_with_paragraph(const kg_block *prose);

#endif
