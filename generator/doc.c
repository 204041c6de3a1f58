/* doc.c - building and freeing the composed document tree (see doc.h) */
#include "doc.h"

#include <stdlib.h>

#include "alloc.h"
#include "buf.h"

kg_block *kg_block_new(kg_block_type type)
{
	kg_block *b = kg_xcalloc(1, sizeof(*b));

	b->type = type;
	return b;
}

kg_block *kg_block_add(kg_block *parent, kg_block *child)
{
	KG_GROW(parent->children, parent->cap, parent->n + 1);
	parent->children[parent->n++] = child;
	return child;
}

char *kg_one_line(const char *s)
{
	kg_buf b = KG_BUF_INIT;
	int space = 0;

	for (; *s; s++) {
		if (*s == ' ' || *s == '\t' || *s == '\n' || *s == '\r') {
			space = b.len > 0;
			continue;
		}
		if (space)
			kg_buf_putc(&b, ' ');
		space = 0;
		kg_buf_putc(&b, *s);
	}
	return kg_buf_detach(&b, NULL);
}

static kg_block *S_add(kg_block *parent, kg_block_type type, const char *title)
{
	kg_block *b = kg_block_add(parent, kg_block_new(type));

	if (title)
		b->title = kg_one_line(title);
	return b;
}

kg_block *kg_add_section(kg_block *parent, int level, const char *id,
			 const char *title, unsigned flags)
{
	kg_block *b = S_add(parent, KG_BLOCK_SECTION, title);

	b->level = level;
	b->id = kg_xstrdup(id);
	b->flags = flags;
	return b;
}

struct kg_deferred {
	kg_compose_fn compose;
	const void *ctx;
	size_t index;
	unsigned opens; /* opens not yet closed; children exist while > 0 */
};

kg_block *kg_add_deferred_section(kg_block *parent, int level, const char *id,
				  const char *title, unsigned flags,
				  kg_compose_fn compose, const void *ctx,
				  size_t index)
{
	kg_block *b = kg_add_section(parent, level, id, title, flags);

	b->deferred = kg_xcalloc(1, sizeof(*b->deferred));
	b->deferred->compose = compose;
	b->deferred->ctx = ctx;
	b->deferred->index = index;
	return b;
}

static void S_free_block(kg_block *b);

static void S_free_children(kg_block *b)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		S_free_block(b->children[i]);
	free(b->children);
	b->children = NULL;
	b->n = b->cap = 0;
}

/* The casts: a deferred section's children are a cache of what its
 * compose function gives, so filling and emptying them leaves the tree
 * as it was to anyone reading it between an open and a close. */
void kg_section_open(const kg_block *section)
{
	kg_block *b = (kg_block *)section;

	if (!b->deferred)
		return;
	if (b->deferred->opens++ == 0)
		b->deferred->compose(b, b->deferred->ctx, b->deferred->index);
}

void kg_section_close(const kg_block *section)
{
	kg_block *b = (kg_block *)section;

	if (!b->deferred || b->deferred->opens == 0)
		return;
	if (--b->deferred->opens == 0)
		S_free_children(b);
}

kg_block *kg_add_prose(kg_block *parent, const char *markdown)
{
	kg_block *b;

	if (!markdown || !*markdown)
		return NULL;
	b = S_add(parent, KG_BLOCK_PROSE, NULL);
	b->text = markdown;
	return b;
}

kg_block *kg_add_prose_copy(kg_block *parent, const char *markdown)
{
	kg_block *b = kg_add_prose(parent, markdown);

	if (b)
		b->text = b->text_copy = kg_xstrdup(markdown);
	return b;
}

kg_block *kg_add_list(kg_block *parent, int style)
{
	kg_block *b = S_add(parent, KG_BLOCK_LIST, NULL);

	b->style = style;
	return b;
}

kg_block *kg_add_item(kg_block *list, const char *markdown)
{
	kg_block *b = S_add(list, KG_BLOCK_ITEM, NULL);

	kg_add_prose(b, markdown);
	return b;
}

kg_block *kg_add_index_item(kg_block *list, const char *target,
			    const char *markdown)
{
	kg_block *b = kg_add_item(list, markdown);

	b->id = kg_xstrdup(target);
	return b;
}

kg_block *kg_add_field(kg_block *fields, const char *label,
		       const char *markdown)
{
	kg_block *b = S_add(fields, KG_BLOCK_FIELD, label);

	kg_add_prose(b, markdown);
	return b;
}

kg_block *kg_add_callout(kg_block *parent, int style, const char *title)
{
	kg_block *b = S_add(parent, KG_BLOCK_CALLOUT, title);

	b->style = style;
	return b;
}

kg_block *kg_add_band(kg_block *rubric, kg_doc_band band, const char *label,
		      const char *markdown)
{
	kg_block *b = S_add(rubric, KG_BLOCK_BAND, label);

	b->style = band;
	kg_add_prose(b, markdown);
	return b;
}

kg_block *kg_add_row(kg_block *table)
{
	return S_add(table, KG_BLOCK_ROW, NULL);
}

kg_block *kg_add_cell(kg_block *row, const char *markdown)
{
	kg_block *b = S_add(row, KG_BLOCK_CELL, NULL);

	kg_add_prose(b, markdown);
	return b;
}

kg_block *kg_add_dimension(kg_block *scorecard, const char *name,
			   const char *markdown)
{
	kg_block *b = S_add(scorecard, KG_BLOCK_DIMENSION, name);

	kg_add_prose(b, markdown);
	return b;
}

kg_block *kg_add_notes(kg_block *parent, const char *label, int lines)
{
	kg_block *b = S_add(parent, KG_BLOCK_NOTES, label);

	b->level = lines;
	return b;
}

kg_block *kg_add_note_field(kg_block *parent, const char *label,
			    const char *name, const char *value)
{
	kg_block *b = kg_add_notes(parent, label, 1);

	b->id = kg_xstrdup(name);
	if (value && *value)
		b->text_copy = kg_xstrdup(value);
	return b;
}

kg_block *kg_add_code(kg_block *parent, const char *language,
		      const char *text)
{
	kg_block *b;

	if (!text || !*text)
		return NULL;
	b = S_add(parent, KG_BLOCK_CODE, language ? language : "");
	b->text = text;
	return b;
}

void kg_block_clear(kg_block *parent)
{
	S_free_children(parent);
}

static void S_free_block(kg_block *b)
{
	S_free_children(b);
	free(b->deferred);
	free(b->id);
	free(b->title);
	free(b->text_copy);
	free(b);
}

void kg_doc_free(kg_doc *doc)
{
	kg_doc_meta *m;

	if (!doc)
		return;
	m = &doc->meta;
	free(m->kit_id);
	free(m->edition_id);
	free(m->title);
	free(m->subtitle);
	free(m->edition_title);
	free(m->doc_title);
	free(m->profile);
	free(m->level);
	free(m->version);
	free(m->publisher);
	free(m->licence);
	free(m->digest);
	free(m->build_digest);
	free(m->marking);
	free(m->reader);
	free(m->watermark);
	if (doc->root)
		S_free_block(doc->root);
	if (doc->free_state)
		doc->free_state(doc->state);
	free(doc);
}
