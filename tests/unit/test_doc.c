/* test_doc.c - unit tests of doc.c: PROSE blocks keep their CommonMark
 * source (borrowed, or a copy of their own) and are parsed on demand;
 * deferred sections are composed when opened and freed when closed */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmark.h>
#include <cmocka.h>

#include "alloc.h"
#include "buf.h"
#include "doc.h"
#include "doc_iter.h"
#include "doc_toc.h"
#include "prose.h"

/* Free a tree through kg_doc_free, the way every document is freed. */
static void S_free(kg_block *root)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));

	doc->root = root;
	kg_doc_free(doc);
}

static void test_empty_text_adds_nothing(void **state)
{
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block *item;

	(void)state;
	assert_null(kg_add_prose(root, NULL));
	assert_null(kg_add_prose(root, ""));
	assert_null(kg_add_prose_copy(root, NULL));
	assert_null(kg_add_prose_copy(root, ""));
	assert_int_equal(root->n, 0);
	/* an ITEM without text is an ITEM with no PROSE */
	item = kg_add_item(kg_add_list(root, KG_LIST_BULLET), "");
	assert_int_equal(item->n, 0);
	/* white space is text: the block is there, and renders to nothing */
	assert_non_null(kg_add_prose(root, " \n"));
	assert_int_equal(root->n, 2);
	S_free(root);
}

static void test_borrowed_text_is_not_copied(void **state)
{
	static const char text[] = "Some *prose*.";
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block *field = kg_add_field(root, "Label", text);

	(void)state;
	assert_int_equal(field->n, 1);
	assert_ptr_equal(field->children[0]->text, text);
	assert_null(field->children[0]->text_copy);
	S_free(root);
}

static void test_copied_text_outlives_its_buffer(void **state)
{
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_buf b = KG_BUF_INIT;
	kg_block *p, *cell;

	(void)state;
	kg_buf_puts(&b, "[Q1](#q-one) first");
	p = kg_add_prose_copy(root, b.ptr);
	cell = kg_add_cell(kg_add_row(kg_block_add(root, kg_block_new(KG_BLOCK_TABLE))), NULL);
	assert_int_equal(cell->n, 0);
	kg_add_prose_copy(cell, b.ptr);
	kg_buf_reset(&b);
	kg_buf_puts(&b, "overwritten, then released");
	kg_buf_release(&b);
	assert_string_equal(p->text, "[Q1](#q-one) first");
	assert_ptr_equal(p->text, p->text_copy);
	assert_string_equal(cell->children[0]->text, "[Q1](#q-one) first");
	S_free(root);
}

/* The parsed tree is sanitised as kg_md_parse does it. */
static void test_parse_on_demand_is_sanitised(void **state)
{
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block *p = kg_add_prose(root, "<script>x()</script>\n\n"
					 "[a](javascript:x) ![alt](http://h/i.png)");
	cmark_node *md = kg_prose_parse(p);
	char *html = cmark_render_html(md, CMARK_OPT_DEFAULT);

	(void)state;
	assert_string_equal(html, "<p>&lt;script&gt;x()&lt;/script&gt;</p>\n"
				  "<p>a alt</p>\n");
	free(html);
	cmark_node_free(md);
	/* each call is a fresh tree the caller owns */
	md = kg_prose_parse(p);
	assert_int_equal(cmark_node_get_type(cmark_node_first_child(md)),
			 CMARK_NODE_PARAGRAPH);
	cmark_node_free(md);
	S_free(root);
}

static void test_starts_with_paragraph(void **state)
{
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);

	(void)state;
	assert_true(kg_prose_starts_with_paragraph(kg_add_prose(root, "Text")));
	/* a raw HTML block is sanitised into a paragraph first */
	assert_true(kg_prose_starts_with_paragraph(kg_add_prose(root, "<div>x</div>")));
	assert_false(kg_prose_starts_with_paragraph(kg_add_prose(root, "- a\n- b")));
	assert_false(kg_prose_starts_with_paragraph(kg_add_prose(root, "Title\n===")));
	assert_false(kg_prose_starts_with_paragraph(kg_add_prose(root, "  \n")));
	assert_false(kg_prose_starts_with_paragraph(NULL));
	assert_false(kg_prose_starts_with_paragraph(root));
	S_free(root);
}

/* A deferred section's compose function: counts its calls in *ctx and
 * adds index + 1 prose blocks. */
static void S_compose(kg_block *section, const void *ctx, size_t index)
{
	int *calls = (int *)ctx;
	size_t i;

	(*calls)++;
	for (i = 0; i <= index; i++)
		kg_add_prose(section, "Composed *on demand*.");
}

static void test_deferred_section(void **state)
{
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block *part, *plain;
	int calls = 0;

	(void)state;
	part = kg_add_deferred_section(root, 1, "topic-a", "A  topic", 3,
				       S_compose, &calls, 2);
	/* the heading is there at once, the body only when opened */
	assert_string_equal(part->id, "topic-a");
	assert_string_equal(part->title, "A topic");
	assert_int_equal(part->flags, 3);
	assert_int_equal(part->n, 0);
	assert_int_equal(calls, 0);

	kg_section_open(part);
	assert_int_equal(calls, 1);
	assert_int_equal(part->n, 3);
	assert_int_equal(part->children[0]->type, KG_BLOCK_PROSE);
	/* a nested open (the contents while the part is written) reuses it */
	kg_section_open(part);
	assert_int_equal(calls, 1);
	kg_section_close(part);
	assert_int_equal(part->n, 3);
	kg_section_close(part);
	assert_int_equal(part->n, 0);
	assert_null(part->children);
	/* one close too many does nothing */
	kg_section_close(part);
	assert_int_equal(part->n, 0);

	/* opened again: composed again, the same children */
	kg_section_open(part);
	assert_int_equal(calls, 2);
	assert_int_equal(part->n, 3);
	/* a document freed with a part open frees its body too */

	plain = kg_add_section(root, 1, "plain", "Plain", 0);
	kg_add_prose(plain, "Kept.");
	kg_section_open(plain);
	kg_section_close(plain);
	assert_int_equal(plain->n, 1); /* not deferred: left alone */
	S_free(root);
}

/* A walk written as a string: "+T" for an ENTER, "-T" for an EXIT, T the
 * block type's letter (D document, S section, P prose, L list, I item,
 * B table, R row, C cell, T toc, N notes). */
static void S_walk(const kg_block *root, const char *skip_at, kg_buf *out)
{
	static const char letters[] = "DSPLIFfBRCrbKTdmN";
	kg_iter *it = kg_iter_new(root);
	kg_event ev;

	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		const kg_block *b = kg_iter_block(it);

		kg_buf_printf(out, "%c%c%zu ", ev == KG_EVENT_ENTER ? '+' : '-',
			      letters[b->type], kg_iter_depth(it));
		if (kg_iter_depth(it) == 0) {
			assert_null(kg_iter_parent(it));
		} else { /* the parent holds the block */
			const kg_block *p = kg_iter_parent(it);
			size_t k = 0;

			while (k < p->n && p->children[k] != b)
				k++;
			assert_true(k < p->n);
		}
		if (ev == KG_EVENT_ENTER && skip_at && b->id &&
		    strcmp(b->id, skip_at) == 0)
			kg_iter_skip(it);
	}
	assert_int_equal(kg_iter_next(it), KG_EVENT_DONE); /* and stays so */
	assert_null(kg_iter_block(it));
	kg_iter_free(it);
}

static kg_block *S_sample(int *calls)
{
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block *sec, *list;

	kg_block_add(root, kg_block_new(KG_BLOCK_TOC));
	sec = kg_add_section(root, 1, "one", "One", 0);
	kg_add_prose(sec, "Text.");
	list = kg_add_list(sec, KG_LIST_BULLET);
	kg_add_item(list, "a");
	kg_add_item(list, NULL); /* an empty item: ENTER and EXIT */
	kg_add_notes(sec, NULL, 2);
	kg_add_deferred_section(root, 1, "two", "Two", 0, S_compose, calls, 1);
	return root;
}

/* A CODE block borrows its listing, copies its language, adds nothing
 * for no text, and is a leaf to the walk (no children, no EXIT). */
static void test_code_block(void **state)
{
	static const char listing[] = "a = 1\n\tb = 2\n";
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block *code;
	kg_iter *it;
	int events = 0;

	(void)state;
	assert_null(kg_add_code(root, "python", NULL));
	assert_null(kg_add_code(root, "python", ""));
	assert_int_equal(root->n, 0);
	code = kg_add_code(root, "python", listing);
	assert_non_null(code);
	assert_int_equal(code->type, KG_BLOCK_CODE);
	assert_ptr_equal(code->text, listing);
	assert_string_equal(code->title, "python");
	assert_true(kg_iter_is_leaf(code));
	it = kg_iter_new(root);
	while (kg_iter_next(it) != KG_EVENT_DONE)
		events++;
	kg_iter_free(it);
	assert_int_equal(events, 3); /* +D, the code, -D */
	S_free(root);
}

static void test_iter_event_order(void **state)
{
	int calls = 0;
	kg_block *root = S_sample(&calls);
	kg_buf out = KG_BUF_INIT;

	(void)state;
	S_walk(root, NULL, &out);
	assert_string_equal(out.ptr,
			    "+D0 +T1 +S1 +P2 +L2 +I3 +P4 -I3 +I3 -I3 -L2 +N2 -S1 "
			    "+S1 +P2 +P2 -S1 -D0 ");
	kg_buf_release(&out);
	S_free(root);
}

static void test_iter_opens_and_closes_deferred(void **state)
{
	int calls = 0;
	kg_block *root = S_sample(&calls);
	kg_block *two = root->children[2];
	kg_iter *it = kg_iter_new(root);
	kg_event ev;
	size_t enters = 0;

	(void)state;
	assert_int_equal(two->n, 0);
	while ((ev = kg_iter_next(it)) != KG_EVENT_DONE) {
		if (kg_iter_block(it) != two)
			continue;
		/* composed before its ENTER, still there at its EXIT */
		assert_int_equal(two->n, 2);
		assert_int_equal(calls, 1);
		enters += ev == KG_EVENT_ENTER;
	}
	assert_int_equal(enters, 1);
	assert_int_equal(two->n, 0); /* closed after its EXIT */
	assert_null(two->children);
	kg_iter_free(it);
	S_free(root);
}

static void test_iter_skip(void **state)
{
	int calls = 0;
	kg_block *root = S_sample(&calls);
	kg_buf out = KG_BUF_INIT;

	(void)state;
	S_walk(root, "one", &out);
	assert_string_equal(out.ptr, "+D0 +T1 +S1 -S1 +S1 +P2 +P2 -S1 -D0 ");
	kg_buf_reset(&out);
	/* a skipped deferred section is opened for its ENTER (a writer may
	 * read its children) and closed after its EXIT */
	S_walk(root, "two", &out);
	assert_int_equal(calls, 2);
	assert_int_equal(root->children[2]->n, 0);
	kg_buf_release(&out);
	S_free(root);
}

/* A walk given up half way closes what it opened: nothing composed is
 * left behind (and ASan sees nothing leak). */
static void test_iter_free_midway_closes(void **state)
{
	int calls = 0;
	kg_block *root = S_sample(&calls);
	kg_block *two = root->children[2];
	kg_block *outer = kg_add_deferred_section(root, 1, "three", "Three", 0,
						  S_compose, &calls, 0);
	kg_iter *it;
	int stop;

	(void)state;
	for (stop = 1; stop < 30; stop++) {
		int k;

		it = kg_iter_new(root);
		for (k = 0; k < stop; k++)
			kg_iter_next(it);
		kg_iter_free(it);
		assert_int_equal(two->n, 0);
		assert_int_equal(outer->n, 0);
	}
	kg_iter_free(NULL);
	S_free(root);
}

/* A deferred part with a listed and an unlisted section. */
static void S_compose_part(kg_block *section, const void *ctx, size_t index)
{
	(void)ctx;
	(void)index;
	kg_add_prose(section, "Intro.");
	kg_add_section(kg_add_section(section, 2, "listed", "Listed",
				      KG_SECTION_IN_TOC),
		       3, "deep", "Too deep", KG_SECTION_IN_TOC);
	kg_add_section(section, 2, "unlisted", "Unlisted", 0);
}

static void test_toc_built_once(void **state)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));
	const kg_block *toc;
	kg_block *part;

	(void)state;
	doc->root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block_add(doc->root, kg_block_new(KG_BLOCK_TOC));
	part = kg_add_deferred_section(doc->root, 1, "part", "A  part",
				       KG_SECTION_IN_TOC, S_compose_part, NULL, 0);
	kg_add_section(kg_add_section(doc->root, 1, "hidden", "Hidden", 0), 2,
		       "under-hidden", "Under hidden", KG_SECTION_IN_TOC);
	kg_doc_toc_build(doc);
	toc = kg_doc_toc(doc);
	assert_ptr_equal(toc, doc->root->children[0]);
	assert_int_equal(toc->n, 2);
	assert_int_equal(toc->children[0]->type, KG_BLOCK_ITEM);
	assert_int_equal(toc->children[0]->level, 1);
	assert_string_equal(toc->children[0]->id, "part");
	assert_string_equal(toc->children[0]->title, "A part");
	assert_int_equal(toc->children[1]->level, 2);
	assert_string_equal(toc->children[1]->id, "listed");
	assert_int_equal(part->n, 0); /* the part's body is closed again */
	/* a part added after composing (since.c): built again, not doubled */
	kg_add_section(doc->root, 1, "later", "Later", KG_SECTION_IN_TOC);
	kg_doc_toc_build(doc);
	assert_int_equal(toc->n, 3);
	assert_string_equal(toc->children[2]->id, "later");
	kg_doc_free(doc);
}

static void test_index_item_carries_its_target(void **state)
{
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_block *item;

	(void)state;
	item = kg_add_index_item(kg_add_list(root, KG_LIST_INDEX), "q-one",
				 "[Q1](#q-one) One");
	assert_string_equal(item->id, "q-one");
	assert_int_equal(item->n, 1);
	S_free(root);
}

static int S_state_freed;

static void S_free_state(void *state)
{
	assert_ptr_equal(state, &S_state_freed);
	S_state_freed++;
}

static void test_doc_frees_its_state(void **state)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));

	(void)state;
	doc->root = kg_block_new(KG_BLOCK_DOCUMENT);
	doc->state = &S_state_freed;
	doc->free_state = S_free_state;
	kg_doc_free(doc);
	assert_int_equal(S_state_freed, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_empty_text_adds_nothing),
		cmocka_unit_test(test_borrowed_text_is_not_copied),
		cmocka_unit_test(test_copied_text_outlives_its_buffer),
		cmocka_unit_test(test_parse_on_demand_is_sanitised),
		cmocka_unit_test(test_starts_with_paragraph),
		cmocka_unit_test(test_deferred_section),
		cmocka_unit_test(test_doc_frees_its_state),
		cmocka_unit_test(test_code_block),
		cmocka_unit_test(test_iter_event_order),
		cmocka_unit_test(test_iter_opens_and_closes_deferred),
		cmocka_unit_test(test_iter_skip),
		cmocka_unit_test(test_iter_free_midway_closes),
		cmocka_unit_test(test_toc_built_once),
		cmocka_unit_test(test_index_item_carries_its_target),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
