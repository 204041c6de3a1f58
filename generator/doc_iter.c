/* doc_iter.c - walking the composed document, ENTER and EXIT (doc_iter.h)
 *
 * Invariant: every block on the stack, and the last ENTERed block when it
 * is not a leaf, has been opened (kg_section_open) and not yet closed; the
 * last EXITed block is still open until the next call. */
#include "doc_iter.h"

#include <stdlib.h>

#include "alloc.h"

typedef struct S_frame {
	const kg_block *b;
	size_t next; /* the next child to visit */
} S_frame;

struct kg_iter {
	const kg_block *root;
	const kg_block *cur;
	kg_event ev;
	int skip;
	S_frame *stack;
	size_t n, cap;
};

int kg_iter_is_leaf(const kg_block *b)
{
	return b->type == KG_BLOCK_PROSE || b->type == KG_BLOCK_TOC ||
	       b->type == KG_BLOCK_NOTES || b->type == KG_BLOCK_CODE;
}

kg_iter *kg_iter_new(const kg_block *root)
{
	kg_iter *it = kg_xcalloc(1, sizeof(*it));

	it->root = root;
	return it;
}

static kg_event S_enter(kg_iter *it, const kg_block *b)
{
	if (!kg_iter_is_leaf(b))
		kg_section_open(b);
	it->cur = b;
	return it->ev = KG_EVENT_ENTER;
}

/* What the last event leaves to do: close what was exited, or step into
 * what was entered. Returns 1 when the skipped block's EXIT is next. */
static int S_settle(kg_iter *it)
{
	if (it->ev == KG_EVENT_EXIT) {
		kg_section_close(it->cur);
	} else if (it->ev == KG_EVENT_ENTER && !kg_iter_is_leaf(it->cur)) {
		if (it->skip) {
			it->skip = 0;
			return 1;
		}
		KG_GROW(it->stack, it->cap, it->n + 1);
		it->stack[it->n].b = it->cur;
		it->stack[it->n++].next = 0;
	}
	return 0;
}

kg_event kg_iter_next(kg_iter *it)
{
	S_frame *top;

	if (it->ev == KG_EVENT_DONE)
		return KG_EVENT_DONE;
	if (it->ev == KG_EVENT_NONE)
		return S_enter(it, it->root);
	if (S_settle(it))
		return it->ev = KG_EVENT_EXIT;
	if (it->n == 0) {
		it->cur = NULL;
		return it->ev = KG_EVENT_DONE;
	}
	top = &it->stack[it->n - 1];
	if (top->next < top->b->n)
		return S_enter(it, top->b->children[top->next++]);
	it->cur = top->b;
	it->n--;
	return it->ev = KG_EVENT_EXIT;
}

const kg_block *kg_iter_block(const kg_iter *it)
{
	return it->cur;
}

const kg_block *kg_iter_parent(const kg_iter *it)
{
	return it->n ? it->stack[it->n - 1].b : NULL;
}

size_t kg_iter_depth(const kg_iter *it)
{
	return it->n; /* at an ENTER the block is not on the stack yet */
}

void kg_iter_skip(kg_iter *it)
{
	if (it->ev == KG_EVENT_ENTER && !kg_iter_is_leaf(it->cur))
		it->skip = 1;
}

void kg_iter_free(kg_iter *it)
{
	if (!it)
		return;
	if (it->ev == KG_EVENT_EXIT ||
	    (it->ev == KG_EVENT_ENTER && !kg_iter_is_leaf(it->cur)))
		kg_section_close(it->cur);
	while (it->n > 0)
		kg_section_close(it->stack[--it->n].b);
	free(it->stack);
	free(it);
}
