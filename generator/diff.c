/*
 * diff.c - comparing two kits by id (see diff.h).
 *
 * The comparison walks the YAML trees, not the model, so every field is
 * covered without a list of fields to keep in step with the schema. Lists
 * of mappings that carry an `id` (or, for signals, a `name`) are entity
 * lists and are matched by that key; other lists are compared as lists.
 */
#include "diff.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "canon.h"
#include "utf8.h"
#include "worddiff.h"

#define SHORT_TEXT 60

/* ---- recording ---------------------------------------------------------- */

static void S_record(kg_changes *c, kg_change_kind kind, const char *entity,
		     const char *parent, const char *field, const char *detail)
{
	kg_change *ch;

	KG_GROW(c->items, c->cap, c->n + 1);
	ch = &c->items[c->n++];
	ch->kind = kind;
	ch->entity = kg_xstrdup(entity);
	ch->parent = parent ? kg_xstrdup(parent) : NULL;
	ch->field = field ? kg_xstrdup(field) : NULL;
	ch->detail = detail ? kg_xstrdup(detail) : NULL;
	ch->detail_md = NULL;
}

/* Markdown text: the characters that would start markup are escaped. */
static void S_md_n(kg_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		if (strchr("\\`*_[]<>|#&~", s[i]))
			kg_buf_putc(out, '\\');
		kg_buf_putc(out, s[i]);
	}
}

static void S_md(kg_buf *out, const char *s)
{
	S_md_n(out, s, strlen(s));
}

/* Removed words struck through, added words in bold. */
static const kg_word_style S_md_words = {"~~", "~~", "**", "**", S_md_n, 0};

/* A reworded text: the word diff as text and as Markdown. */
static void S_record_reworded(kg_changes *c, const char *entity,
			      const char *path, const kg_node *o,
			      const kg_node *n)
{
	kg_buf text = KG_BUF_INIT, md = KG_BUF_INIT;

	kg_buf_puts(&text, "reworded: ");
	if (kg_word_diff(o->text, n->text, &kg_word_style_plain, &text) == 0) {
		/* only line breaks or spacing: the words say nothing */
		S_record(c, KG_CHANGED, entity, NULL, path, "white space changed");
		kg_buf_release(&text);
		return;
	}
	kg_buf_puts(&md, "reworded: ");
	kg_word_diff(o->text, n->text, &S_md_words, &md);
	S_record(c, KG_CHANGED, entity, NULL, path, text.ptr);
	c->items[c->n - 1].detail_md = kg_buf_detach(&md, NULL);
	kg_buf_release(&text);
}

/* ---- comparing values --------------------------------------------------- */

/* A scalar as one short line: runs of white space become one space, and
 * long text is cut with an ellipsis. */
static void S_quote(kg_buf *out, const kg_node *n)
{
	const char *s = n->kind == KG_NODE_SCALAR ? n->text : "";
	size_t chars = 0;
	int space = 0;

	kg_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == ' ' || *s == '\n' || *s == '\t' || *s == '\r') {
			space = 1;
			continue;
		}
		if (space && chars)
			kg_buf_putc(out, ' '), chars++;
		space = 0;
		if (chars >= SHORT_TEXT && !kg_utf8_is_cont((unsigned char)*s)) {
			kg_buf_puts(out, "\xE2\x80\xA6");
			break;
		}
		kg_buf_putc(out, *s);
		if (!kg_utf8_is_cont((unsigned char)*s))
			chars++;
	}
	kg_buf_putc(out, '"');
}

static int S_short(const kg_node *n)
{
	return n->kind == KG_NODE_SCALAR && n->len <= SHORT_TEXT &&
	       !memchr(n->text, '\n', n->len ? n->len - 1 : 0);
}

static const kg_node *S_find(const kg_node *list, const char *key,
			     const char *value)
{
	size_t i;
	const char *v;

	for (i = 0; i < list->n; i++)
		if ((v = kg_node_str(list->items[i], key)) && strcmp(v, value) == 0)
			return list->items[i];
	return NULL;
}

/* Does every item of list have `key`, each with a value of its own? */
static int S_keyed_by(const kg_node *list, const char *key)
{
	size_t i;
	const char *v;

	for (i = 0; i < list->n; i++)
		if (!(v = kg_node_str(list->items[i], key)) ||
		    S_find(list, key, v) != list->items[i])
			return 0;
	return 1;
}

/* The key that matches items of an entity list, or NULL. Only a key
 * whose values are unique matches: items sharing one could not be told
 * apart, so such a list is compared as a plain list. */
static const char *S_list_key(const kg_node *list)
{
	static const char *const keys[] = {"id", "name", NULL};
	size_t k;

	if (!list || list->kind != KG_NODE_SEQ || list->n == 0)
		return NULL;
	for (k = 0; keys[k]; k++)
		if (S_keyed_by(list, keys[k]))
			return keys[k];
	return NULL;
}

/* What one item of the list field `name` is called. */
static const char *S_singular(const char *name)
{
	static const char *const map[][2] = {
		{"levels", "level"}, {"areas", "area"},
		{"scenario_kinds", "scenario kind"}, {"profiles", "profile"},
		{"questions", "question"}, {"scenarios", "scenario"},
		{"topics", "topic"}, {"signals", "signal"}};
	size_t i;

	for (i = 0; i < sizeof(map) / sizeof(*map); i++)
		if (strcmp(map[i][0], name) == 0)
			return map[i][1];
	return name;
}

typedef struct S_ctx {
	kg_changes *out;
	kg_buf tmp;
} S_ctx;

static void S_diff_value(S_ctx *x, const char *entity, const char *path,
			 const kg_node *o, const kg_node *n);

static char *S_join(const char *a, const char *sep, const char *b)
{
	kg_buf buf = KG_BUF_INIT;

	if (a && *a)
		kg_buf_printf(&buf, "%s%s", a, sep);
	kg_buf_puts(&buf, b);
	return kg_buf_detach(&buf, NULL);
}

/* Compare two mappings of one entity field by field, new order first. */
static void S_diff_map(S_ctx *x, const char *entity, const char *path,
		       const kg_node *o, const kg_node *n)
{
	size_t i;

	for (i = 0; i < n->npairs; i++) {
		const char *key = n->pairs[i].key->text;
		char *sub = S_join(path, ".", key);
		const kg_node *ov = kg_node_get(o, key);

		if (!ov)
			S_record(x->out, KG_CHANGED, entity, NULL, sub, "added");
		else
			S_diff_value(x, entity, sub, ov, n->pairs[i].value);
		free(sub);
	}
	for (i = 0; i < o->npairs; i++) {
		const char *key = o->pairs[i].key->text;

		if (!kg_node_get(n, key)) {
			char *sub = S_join(path, ".", key);
			S_record(x->out, KG_CHANGED, entity, NULL, sub, "removed");
			free(sub);
		}
	}
}

static char *S_entity_name(const char *list_name, const char *key,
			   const char *value, const char *parent_entity,
			   const char *path)
{
	kg_buf b = KG_BUF_INIT;

	if (strcmp(key, "id") == 0)
		kg_buf_printf(&b, "%s %s", S_singular(list_name), value);
	else /* named items of an entity: "topic x: signal 'Name'" */
		kg_buf_printf(&b, "%s: %s '%s'", parent_entity,
			      S_singular(path), value);
	return kg_buf_detach(&b, NULL);
}

/* ---- the order of an entity list --------------------------------------- */

#define MOVES_SHOWN 3

/* One item of an entity list as a reorder names it: an id as it is, a
 * name in quotes. */
static void S_item_name(kg_buf *out, const kg_node *item, const char *key)
{
	const char *v = kg_node_str(item, key);

	kg_buf_printf(out, strcmp(key, "id") == 0 ? "%s" : "'%s'", v);
}

/* Mark in keep[] the longest run of at[] (distinct places) that rises:
 * the items that kept their order. Patience sorting, O(k log k). */
static void S_rising(const size_t *at, size_t k, unsigned char *keep)
{
	size_t *tail = kg_xcalloc(k, sizeof(*tail)); /* index ending a run */
	size_t *prev = kg_xcalloc(k, sizeof(*prev));
	size_t len = 0, i, lo, hi, mid;

	for (i = 0; i < k; i++) {
		for (lo = 0, hi = len; lo < hi;) {
			mid = lo + (hi - lo) / 2;
			if (at[tail[mid]] < at[i])
				lo = mid + 1;
			else
				hi = mid;
		}
		prev[i] = lo ? tail[lo - 1] : SIZE_MAX;
		tail[lo] = i;
		len += lo == len;
	}
	for (i = len ? tail[len - 1] : SIZE_MAX; i != SIZE_MAX; i = prev[i])
		keep[i] = 1;
	free(tail);
	free(prev);
}

/* "caching-2 now before caching-1, ...": the items that moved, each
 * placed by its new neighbour. common[] holds n's items also in o, in
 * n's order. */
static void S_describe_moves(kg_buf *out, const kg_node *const *common,
			     const unsigned char *keep, size_t k,
			     const char *key)
{
	size_t i, shown = 0, moved = 0;

	for (i = 0; i < k; i++) {
		if (keep[i])
			continue;
		if (moved++ >= MOVES_SHOWN)
			continue;
		kg_buf_puts(out, shown++ ? ", " : "reordered: ");
		S_item_name(out, common[i], key);
		kg_buf_puts(out, i + 1 < k ? " now before " : " now after ");
		S_item_name(out, common[i + 1 < k ? i + 1 : i - 1], key);
	}
	if (moved > MOVES_SHOWN)
		kg_buf_printf(out, ", and %zu more", moved - MOVES_SHOWN);
}

/* Report when the items present in both lists are in another order
 * (items added or removed move nothing by themselves). */
static void S_diff_order(S_ctx *x, const char *entity, const char *path,
			 const char *key, const kg_node *o, const kg_node *n)
{
	const kg_node **common = kg_xcalloc(n->n + 1, sizeof(*common));
	size_t *at = kg_xcalloc(n->n + 1, sizeof(*at));
	unsigned char *keep = kg_xcalloc(n->n + 1, 1);
	size_t i, j, k = 0;

	for (i = 0; i < n->n; i++) {
		const char *v = kg_node_str(n->items[i], key);

		for (j = 0; j < o->n; j++)
			if (strcmp(kg_node_str(o->items[j], key), v) == 0)
				break;
		if (j < o->n) {
			common[k] = n->items[i];
			at[k++] = j;
		}
	}
	S_rising(at, k, keep);
	kg_buf_reset(&x->tmp);
	S_describe_moves(&x->tmp, common, keep, k, key);
	if (x->tmp.len)
		S_record(x->out, KG_CHANGED, entity, NULL, path, x->tmp.ptr);
	free(common);
	free(at);
	free(keep);
}

/* ---- comparing lists ------------------------------------------------------ */

/* Entity lists: match by key; report added and removed items, recurse
 * into the ones present in both; then whether their order changed. */
static void S_diff_keyed(S_ctx *x, const char *entity, const char *path,
			 const char *key, const kg_node *o, const kg_node *n)
{
	const char *last = strrchr(path, '.');
	const char *list_name = last ? last + 1 : path;
	size_t i;

	for (i = 0; i < n->n; i++) {
		const char *v = kg_node_str(n->items[i], key);
		const kg_node *match = S_find(o, key, v);
		char *name = S_entity_name(list_name, key, v, entity, list_name);

		if (!match)
			S_record(x->out, KG_ADDED, name, entity, NULL, NULL);
		else
			S_diff_map(x, name, "", match, n->items[i]);
		free(name);
	}
	for (i = 0; i < o->n; i++) {
		const char *v = kg_node_str(o->items[i], key);
		char *name;

		if (S_find(n, key, v))
			continue;
		name = S_entity_name(list_name, key, v, entity, list_name);
		S_record(x->out, KG_REMOVED, name, entity, NULL, NULL);
		free(name);
	}
	S_diff_order(x, entity, path, key, o, n);
}

/* How many of the first `upto` items of list equal item. */
static size_t S_count(const kg_node *list, size_t upto, const kg_node *item)
{
	size_t i, k = 0;

	for (i = 0; i < upto; i++)
		k += kg_canon_equal(list->items[i], item);
	return k;
}

/* Record `verb` for each item of a that b has fewer copies of (one line
 * per copy: a list may hold the same item twice). */
static size_t S_diff_items(S_ctx *x, const char *entity, const char *path,
			   const char *verb, const kg_node *a, const kg_node *b)
{
	size_t i, changes = 0;

	for (i = 0; i < a->n; i++) {
		if (S_count(a, i + 1, a->items[i]) <= S_count(b, b->n, a->items[i]))
			continue;
		kg_buf_reset(&x->tmp);
		kg_buf_printf(&x->tmp, "%s ", verb);
		S_quote(&x->tmp, a->items[i]);
		S_record(x->out, KG_CHANGED, entity, NULL, path, x->tmp.ptr);
		changes++;
	}
	return changes;
}

/* Plain lists: the items added and removed, or that the order changed. */
static void S_diff_list(S_ctx *x, const char *entity, const char *path,
			const kg_node *o, const kg_node *n)
{
	size_t changes = S_diff_items(x, entity, path, "added", n, o);

	changes += S_diff_items(x, entity, path, "removed", o, n);
	if (changes == 0)
		S_record(x->out, KG_CHANGED, entity, NULL, path, "reordered");
}

static void S_diff_value(S_ctx *x, const char *entity, const char *path,
			 const kg_node *o, const kg_node *n)
{
	const char *key;

	if (kg_canon_equal(o, n))
		return;
	if (o->kind != n->kind) {
		S_record(x->out, KG_CHANGED, entity, NULL, path, "changed kind");
		return;
	}
	switch (n->kind) {
	case KG_NODE_SCALAR:
		kg_buf_reset(&x->tmp);
		if (kg_node_scalar_type(o) == KG_SCALAR_INT &&
		    kg_node_scalar_type(n) == KG_SCALAR_INT) {
			kg_buf_printf(&x->tmp, "%s \xE2\x86\x92 %s", o->text, n->text);
		} else if (S_short(o) && S_short(n)) {
			S_quote(&x->tmp, o);
			kg_buf_puts(&x->tmp, " \xE2\x86\x92 ");
			S_quote(&x->tmp, n);
		} else {
			S_record_reworded(x->out, entity, path, o, n);
			break;
		}
		S_record(x->out, KG_CHANGED, entity, NULL, path, x->tmp.ptr);
		break;
	case KG_NODE_MAP:
		S_diff_map(x, entity, path, o, n);
		break;
	case KG_NODE_SEQ:
		key = S_list_key(n);
		if (key && S_keyed_by(o, key) && o->n)
			S_diff_keyed(x, entity, path, key, o, n);
		else
			S_diff_list(x, entity, path, o, n);
		break;
	}
}

/* ---- the kit ----------------------------------------------------------------- */

/* The kit's topics as one list node (borrowing the file roots), so topics
 * are matched by id whatever their files are called. */
static kg_node S_topic_list(const kg_kit *kit)
{
	kg_node list;
	size_t i;

	memset(&list, 0, sizeof(list));
	list.kind = KG_NODE_SEQ;
	list.items = kg_xcalloc(kit->ntopic_files + 1, sizeof(kg_node *));
	for (i = 0; i < kit->ntopic_files; i++)
		if (kit->topic_roots[i])
			list.items[list.n++] = kit->topic_roots[i];
	return list;
}

void kg_kit_diff(const kg_kit *old, const kg_kit *new_kit, kg_changes *out)
{
	S_ctx x = {out, KG_BUF_INIT};
	kg_node ot = S_topic_list(old), nt = S_topic_list(new_kit);

	S_diff_value(&x, "kit", "", old->root, new_kit->root);
	S_diff_value(&x, "kit", "topics", &ot, &nt);
	S_diff_value(&x, "kit", "", old->scenarios_root, new_kit->scenarios_root);
	free(ot.items);
	free(nt.items);
	kg_buf_release(&x.tmp);
}

/* ---- printing ------------------------------------------------------------------ */

void kg_changes_text(const kg_changes *c, kg_buf *out)
{
	static const char *const verbs[] = {"added", "removed", "changed"};
	size_t i;

	for (i = 0; i < c->n; i++) {
		const kg_change *ch = &c->items[i];

		kg_buf_printf(out, "%-7s %s", verbs[ch->kind], ch->entity);
		if (ch->parent && strcmp(ch->parent, "kit") != 0)
			kg_buf_printf(out, " (in %s)", ch->parent);
		if (ch->field && *ch->field)
			kg_buf_printf(out, ": %s", ch->field);
		if (ch->detail)
			kg_buf_printf(out, ": %s", ch->detail);
		kg_buf_putc(out, '\n');
	}
}

void kg_change_markdown(const kg_change *ch, kg_buf *out)
{
	S_md(out, ch->entity);
	if (ch->parent && strcmp(ch->parent, "kit") != 0) {
		kg_buf_puts(out, " (in ");
		S_md(out, ch->parent);
		kg_buf_puts(out, ")");
	}
	if (ch->field && *ch->field) {
		kg_buf_puts(out, ": `");
		kg_buf_puts(out, ch->field);
		kg_buf_puts(out, "`");
	}
	if (ch->detail_md) {
		kg_buf_puts(out, ": ");
		kg_buf_puts(out, ch->detail_md);
	} else if (ch->detail) {
		kg_buf_puts(out, ": ");
		S_md(out, ch->detail);
	}
}

static void S_md_section(kg_buf *out, const kg_changes *c, kg_change_kind kind,
			 const char *heading)
{
	size_t i, n = 0;

	for (i = 0; i < c->n; i++)
		n += c->items[i].kind == kind;
	if (n == 0)
		return;
	kg_buf_printf(out, "## %s\n\n", heading);
	for (i = 0; i < c->n; i++) {
		if (c->items[i].kind != kind)
			continue;
		kg_buf_puts(out, "  - ");
		kg_change_markdown(&c->items[i], out);
		kg_buf_putc(out, '\n');
	}
	kg_buf_putc(out, '\n');
}

void kg_changes_markdown(const kg_changes *c, const kg_kit *old,
			 const kg_kit *new_kit, kg_buf *out)
{
	kg_buf_puts(out, "# Changes to ");
	S_md(out, kg_text(new_kit->title));
	kg_buf_puts(out, "\n\n");
	kg_buf_puts(out, "From version ");
	S_md(out, kg_text(old->version));
	kg_buf_puts(out, " to version ");
	S_md(out, kg_text(new_kit->version));
	kg_buf_puts(out, ".\n\n");
	if (c->n == 0) {
		kg_buf_puts(out, "No changes.\n");
		return;
	}
	S_md_section(out, c, KG_ADDED, "Added");
	S_md_section(out, c, KG_REMOVED, "Removed");
	S_md_section(out, c, KG_CHANGED, "Changed");
	kg_buf_rtrim(out);
	kg_buf_putc(out, '\n');
}

void kg_changes_free(kg_changes *c)
{
	size_t i;

	for (i = 0; i < c->n; i++) {
		free(c->items[i].entity);
		free(c->items[i].parent);
		free(c->items[i].field);
		free(c->items[i].detail);
		free(c->items[i].detail_md);
	}
	free(c->items);
	memset(c, 0, sizeof(*c));
}
