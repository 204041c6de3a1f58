/* test_diff.c - digest and diff agree: for every edit of a kit (each pair
 * of neighbours in every list swapped, every list and mapping shortened,
 * every scalar and key changed, the topic files swapped), the digest
 * changes exactly when `kitgen diff` reports a change, both ways round;
 * swapping the keys of any mapping changes neither. The edits are made
 * in memory on the loaded trees, which is all digest and diff read, and
 * walk the fixture kit and the committed content. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "diff.h"
#include "digest.h"
#include "kit.h"
#include "test_kit.h"

typedef struct S_walk {
	const kg_kit *old;
	kg_kit *kit; /* the copy that is edited and put back */
	char digest[KG_DIGEST_HEX];
	size_t edits, changed;
} S_walk;

/* Does diff from a to b report anything? */
static size_t S_ndiff(const kg_kit *a, const kg_kit *b)
{
	kg_changes c = {NULL, 0, 0};
	size_t n;

	kg_kit_diff(a, b, &c);
	n = c.n;
	kg_changes_free(&c);
	return n;
}

/* The edit just made: digest changed <=> diff reports, both ways; and
 * when `same` (keys swapped), neither. */
static void S_agree(S_walk *w, int same, const char *what)
{
	char hex[KG_DIGEST_HEX];
	int moved;
	size_t fwd, back;

	kg_kit_digest(w->kit, hex);
	moved = strcmp(hex, w->digest) != 0;
	fwd = S_ndiff(w->old, w->kit);
	back = S_ndiff(w->kit, w->old);
	w->edits++;
	w->changed += moved;
	if (moved != (fwd > 0) || moved != (back > 0) || (same && moved))
		fail_msg("%s: digest %s, diff reports %zu and %zu back", what,
			 moved ? "changed" : "kept", fwd, back);
}

static void S_swap_items(kg_node *n, size_t i)
{
	kg_node *t = n->items[i];

	n->items[i] = n->items[i + 1];
	n->items[i + 1] = t;
}

static void S_swap_pairs(kg_node *n, size_t i)
{
	kg_pair t = n->pairs[i];

	n->pairs[i] = n->pairs[i + 1];
	n->pairs[i + 1] = t;
}

/* A scalar's text with a character added, then put back. */
static void S_edit_scalar(S_walk *w, kg_node *n)
{
	char *text = n->text, *edited = kg_xcalloc(n->len + 2, 1);
	size_t len = n->len;

	memcpy(edited, text, len);
	edited[len] = '~';
	n->text = edited;
	n->len = len + 1;
	S_agree(w, 0, "a scalar changed");
	n->text = text;
	n->len = len;
	free(edited);
}

static void S_walk_node(S_walk *w, kg_node *n);

static void S_edit_seq(S_walk *w, kg_node *n)
{
	size_t i;

	for (i = 0; i + 1 < n->n; i++) {
		S_swap_items(n, i);
		S_agree(w, 0, "two list items swapped");
		S_swap_items(n, i);
	}
	if (n->n) {
		n->n--;
		S_agree(w, 0, "a list shortened");
		n->n++;
	}
	for (i = 0; i < n->n; i++)
		S_walk_node(w, n->items[i]);
}

static void S_edit_map(S_walk *w, kg_node *n)
{
	size_t i;

	for (i = 0; i + 1 < n->npairs; i++) {
		S_swap_pairs(n, i);
		S_agree(w, 1, "two keys swapped");
		S_swap_pairs(n, i);
	}
	if (n->npairs) {
		n->npairs--;
		S_agree(w, 0, "a mapping's last key dropped");
		n->npairs++;
	}
	for (i = 0; i < n->npairs; i++) {
		S_edit_scalar(w, n->pairs[i].key);
		S_walk_node(w, n->pairs[i].value);
	}
}

static void S_walk_node(S_walk *w, kg_node *n)
{
	if (!n)
		return;
	switch (n->kind) {
	case KG_NODE_SCALAR:
		S_edit_scalar(w, n);
		break;
	case KG_NODE_SEQ:
		S_edit_seq(w, n);
		break;
	case KG_NODE_MAP:
		S_edit_map(w, n);
		break;
	}
}

static void S_walk_kit(const char *dir)
{
	S_walk w = {kg_test_load_kit(dir), kg_test_load_kit(dir), "", 0, 0};
	kg_kit *k = w.kit;
	kg_node *t;
	size_t i;

	kg_kit_digest(w.old, w.digest);
	S_agree(&w, 1, "nothing edited");
	for (i = 0; i + 1 < k->ntopic_files; i++) {
		t = k->topic_roots[i];
		k->topic_roots[i] = k->topic_roots[i + 1];
		k->topic_roots[i + 1] = t;
		S_agree(&w, 0, "two topic files swapped");
		k->topic_roots[i + 1] = k->topic_roots[i];
		k->topic_roots[i] = t;
	}
	S_walk_node(&w, k->root);
	for (i = 0; i < k->ntopic_files; i++)
		S_walk_node(&w, k->topic_roots[i]);
	S_walk_node(&w, k->scenarios_root);
	/* the walk did edit: most edits change the digest */
	assert_true(w.edits > 100);
	assert_true(w.changed > w.edits / 2);
	kg_kit_free((kg_kit *)w.old);
	kg_kit_free(w.kit);
}

static void test_fixture_every_edit_agrees(void **state)
{
	(void)state;
	S_walk_kit("tests/fixture/kit");
}

static void test_content_every_edit_agrees(void **state)
{
	(void)state;
	S_walk_kit("content");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_fixture_every_edit_agrees),
		cmocka_unit_test(test_content_every_edit_agrees),
	};
	return cmocka_run_group_tests_name("diff", tests, NULL, NULL);
}
