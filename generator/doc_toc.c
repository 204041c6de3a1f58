/* doc_toc.c - the contents of a composed document, built in one walk
 * (doc_toc.h) */
#include "doc_toc.h"

#include "alloc.h"
#include "doc_iter.h"

static int S_in_toc(const kg_block *b)
{
	return b->type == KG_BLOCK_SECTION && (b->flags & KG_SECTION_IN_TOC);
}

static void S_toc_entry(kg_block *toc, const kg_block *s, int level)
{
	kg_block *e = kg_block_add(toc, kg_block_new(KG_BLOCK_ITEM));

	e->level = level;
	e->id = kg_xstrdup(s->id);
	e->title = kg_xstrdup(s->title);
}

/* Parts are the root's children (depth 1), their sections depth 2:
 * nothing deeper is walked. */
const kg_block *kg_doc_toc(const kg_doc *doc)
{
	const kg_block *first = doc->root->n ? doc->root->children[0] : NULL;

	return first && first->type == KG_BLOCK_TOC ? first : NULL;
}

void kg_doc_toc_build(kg_doc *doc)
{
	kg_block *toc = doc->root->n ? doc->root->children[0] : NULL;
	kg_iter *it;
	kg_event ev;

	if (!toc || toc->type != KG_BLOCK_TOC)
		return;
	kg_block_clear(toc); /* built again: a part was added since */
	it = kg_iter_new(doc->root);
	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		const kg_block *b = kg_iter_block(it);
		size_t depth = kg_iter_depth(it);

		if (ev != KG_EVENT_ENTER || depth == 0)
			continue;
		if (S_in_toc(b) && depth <= 2)
			S_toc_entry(toc, b, (int)depth);
		if (!S_in_toc(b) || depth >= 2)
			kg_iter_skip(it);
	}
	kg_iter_free(it);
}
