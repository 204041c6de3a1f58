/*
 * node.c - the YAML tree: building, looking up, the core schema, freeing.
 *
 * A node has one of three homes: built by code (kg_node_new_*), node and
 * text malloc'd one by one; in an arena tree (a loaded file: yaml_load.c),
 * node, text and arrays in the arena its root holds; or that root. A tree
 * may mix them; kg_node.home tells kg_node_free which is which, and adding
 * to an arena collection copies its array (cap 0) to the heap first.
 */
#include "node.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "arena.h"

/* ---- construction ------------------------------------------------------ */

/* Where a node's memory comes from (kg_node.home). */
enum {
	S_BUILT = 0, /* kg_node_new_*: node and text malloc'd one by one */
	S_LOADED,    /* node and text in its tree's arena */
	S_ROOT       /* an arena tree's root: S_file.root, holding the arena */
};

/* An arena tree (a loaded file): the arena of all its nodes, text and
 * arrays, and the root, which kg_node_free recognises (S_ROOT) to free
 * the rest. */
typedef struct S_file {
	kg_arena arena;
	kg_node root;
} S_file;

static S_file *S_file_of(kg_node *root)
{
	return (S_file *)(void *)((char *)root - offsetof(S_file, root));
}

static kg_node *S_new(kg_node_kind kind)
{
	kg_node *n = kg_xcalloc(1, sizeof(*n));

	n->kind = kind;
	n->home = S_BUILT;
	return n;
}

kg_node *kg_node_new_map(void)
{
	return S_new(KG_NODE_MAP);
}

kg_node *kg_node_new_seq(void)
{
	return S_new(KG_NODE_SEQ);
}

kg_node *kg_node_new_strn(const char *s, size_t len)
{
	kg_node *n = S_new(KG_NODE_SCALAR);

	if (len >= UINT32_MAX) /* len is 32 bits: no text built is this long */
		kg_oom(len);
	n->text = kg_xstrndup(s, len);
	n->len = (uint32_t)len;
	return n;
}

kg_node *kg_node_new_str(const char *s)
{
	return kg_node_new_strn(s, strlen(s));
}

kg_node *kg_node_new_bool(bool v)
{
	kg_node *n = kg_node_new_str(v ? "true" : "false");

	n->plain = true;
	return n;
}

kg_node *kg_node_arena_root(void)
{
	S_file *f = kg_xcalloc(1, sizeof(*f));

	f->root.home = S_ROOT;
	return &f->root;
}

kg_node *kg_node_arena_new(kg_node *root)
{
	kg_node *n = kg_arena_alloc(kg_node_arena(root), sizeof(*n));

	memset(n, 0, sizeof(*n));
	n->home = S_LOADED;
	return n;
}

kg_arena *kg_node_arena(kg_node *root)
{
	return &S_file_of(root)->arena;
}

/* ---- packing a loaded tree --------------------------------------------- */

/* The packed tree's bytes: what S_pack_copy will ask of the arena, in
 * the same order and alignments (kg_arena_alloc's: pointer-aligned;
 * text: byte-aligned), up to at. A node's own bytes are counted when
 * self (not for the root, which stays where it is); what sits in a chunk
 * of its own (kg_arena_is_big) is not copied. */
static size_t S_pack_size(const kg_node *n, size_t at, bool self)
{
	const size_t align = sizeof(void *);
	size_t i;

	if (self)
		at = (at + align - 1) / align * align + sizeof(*n);
	switch (n->kind) {
	case KG_NODE_SCALAR:
		if (!kg_arena_is_big((size_t)n->len + 1))
			at += (size_t)n->len + 1;
		break;
	case KG_NODE_SEQ:
		if (n->n && !kg_arena_is_big(n->n * sizeof(*n->items)))
			at = (at + align - 1) / align * align + n->n * sizeof(*n->items);
		for (i = 0; i < n->n; i++)
			at = S_pack_size(n->items[i], at, true);
		break;
	case KG_NODE_MAP:
		if (n->npairs && !kg_arena_is_big(n->npairs * sizeof(*n->pairs)))
			at = (at + align - 1) / align * align +
			     n->npairs * sizeof(*n->pairs);
		for (i = 0; i < n->npairs; i++) {
			at = S_pack_size(n->pairs[i].key, at, true);
			at = S_pack_size(n->pairs[i].value, at, true);
		}
		break;
	}
	return at;
}

/* Copy what n holds (text, array, children) into a, for dst, a copy of
 * n already in place; returns dst. */
static kg_node *S_pack_copy(kg_arena *a, const kg_node *n, kg_node *dst)
{
	size_t i;

	switch (n->kind) {
	case KG_NODE_SCALAR:
		if (!kg_arena_is_big((size_t)n->len + 1))
			dst->text = kg_arena_strndup(a, n->text, n->len);
		break;
	case KG_NODE_SEQ:
		if (n->n && !kg_arena_is_big(n->n * sizeof(*n->items)))
			dst->items = kg_arena_memdup(a, n->items,
						     n->n * sizeof(*n->items));
		for (i = 0; i < n->n; i++) {
			kg_node *c = kg_arena_alloc(a, sizeof(*c));

			*c = *n->items[i];
			dst->items[i] = S_pack_copy(a, n->items[i], c);
		}
		break;
	case KG_NODE_MAP:
		if (n->npairs && !kg_arena_is_big(n->npairs * sizeof(*n->pairs)))
			dst->pairs = kg_arena_memdup(a, n->pairs,
						     n->npairs * sizeof(*n->pairs));
		for (i = 0; i < n->npairs; i++) {
			kg_node *k = kg_arena_alloc(a, sizeof(*k));
			kg_node *v;

			*k = *n->pairs[i].key;
			dst->pairs[i].key = S_pack_copy(a, n->pairs[i].key, k);
			v = kg_arena_alloc(a, sizeof(*v));
			*v = *n->pairs[i].value;
			dst->pairs[i].value = S_pack_copy(a, n->pairs[i].value, v);
		}
		break;
	}
	return dst;
}

void kg_node_arena_pack(kg_node *root)
{
	kg_arena *old = kg_node_arena(root);
	kg_arena packed = KG_ARENA_INIT;
	size_t size = S_pack_size(root, 0, false);

	if (size)
		kg_arena_init_exact(&packed, size);
	S_pack_copy(&packed, root, root);
	kg_arena_free_shared(old, &packed);
	*old = packed;
}

/* Room for one more element in an array of n: one that is not the node's
 * own (cap 0: a loaded file's, sized to fit) moves to the heap first. */
static void S_room(void **items, uint32_t *cap, size_t n, size_t size)
{
	size_t c = *cap;

	if (n >= UINT32_MAX)
		kg_oom(SIZE_MAX); /* past 32 bits' count: as out of memory */
	if (n > 0 && c == 0) {
		void *own = kg_xmalloc(n * size);

		memcpy(own, *items, n * size);
		*items = own;
		c = n;
	}
	kg_grow(items, &c, n + 1, size);
	*cap = (uint32_t)(c < UINT32_MAX ? c : UINT32_MAX);
}

void kg_node_push(kg_node *seq, kg_node *value)
{
	S_room((void **)&seq->items, &seq->cap, seq->n, sizeof(*seq->items));
	seq->items[seq->n++] = value;
}

static void S_add_pair(kg_node *map, kg_node *key, kg_node *value)
{
	S_room((void **)&map->pairs, &map->pcap, map->npairs, sizeof(*map->pairs));
	map->pairs[map->npairs].key = key;
	map->pairs[map->npairs].value = value;
	map->npairs++;
}

void kg_node_set(kg_node *map, const char *key, kg_node *value)
{
	size_t i;

	for (i = 0; i < map->npairs; i++) {
		if (strcmp(map->pairs[i].key->text, key) == 0) {
			kg_node_free(map->pairs[i].value);
			map->pairs[i].value = value;
			return;
		}
	}
	S_add_pair(map, kg_node_new_str(key), value);
}

void kg_node_set_str(kg_node *map, const char *key, const char *s)
{
	kg_node_set(map, key, kg_node_new_str(s));
}

void kg_node_set_bool(kg_node *map, const char *key, bool v)
{
	kg_node_set(map, key, kg_node_new_bool(v));
}

/* Walks loaded nodes too: something built may have been added to them. */
static int S_each_scalar(const kg_node *n, const kg_node *key,
			 int (*fn)(void *, const kg_node *, const kg_node *),
			 void *ctx)
{
	size_t i;
	int rc = 0;

	if (!n)
		return 0;
	switch (n->kind) {
	case KG_NODE_SCALAR:
		return fn(ctx, key, n);
	case KG_NODE_SEQ:
		for (i = 0; i < n->n && !rc; i++)
			rc = S_each_scalar(n->items[i], NULL, fn, ctx);
		break;
	case KG_NODE_MAP:
		for (i = 0; i < n->npairs && !rc; i++)
			rc = S_each_scalar(n->pairs[i].value, n->pairs[i].key, fn,
					   ctx);
		break;
	}
	return rc;
}

int kg_node_each_scalar(const kg_node *n,
			int (*fn)(void *ctx, const kg_node *key,
				  const kg_node *scalar),
			void *ctx)
{
	return S_each_scalar(n, NULL, fn, ctx);
}

void kg_node_free(kg_node *n)
{
	size_t i;

	if (!n)
		return;
	switch (n->kind) {
	case KG_NODE_SCALAR:
		if (n->home == S_BUILT)
			free(n->text);
		break;
	case KG_NODE_SEQ:
		for (i = 0; i < n->n; i++)
			kg_node_free(n->items[i]);
		if (n->cap)
			free(n->items);
		break;
	case KG_NODE_MAP:
		for (i = 0; i < n->npairs; i++) {
			kg_node_free(n->pairs[i].key);
			kg_node_free(n->pairs[i].value);
		}
		if (n->pcap)
			free(n->pairs);
		break;
	}
	if (n->home == S_BUILT) {
		free(n);
	} else if (n->home == S_ROOT) {
		S_file *f = S_file_of(n);

		kg_arena_free(&f->arena);
		free(f);
	}
}

/* ---- look-ups and the core schema -------------------------------------- */

const kg_node *kg_node_get(const kg_node *map, const char *key)
{
	size_t i;

	if (!map || map->kind != KG_NODE_MAP)
		return NULL;
	for (i = 0; i < map->npairs; i++)
		if (strcmp(map->pairs[i].key->text, key) == 0)
			return map->pairs[i].value;
	return NULL;
}

const char *kg_node_str(const kg_node *map, const char *key)
{
	const kg_node *v = kg_node_get(map, key);

	return v && v->kind == KG_NODE_SCALAR ? v->text : NULL;
}

static bool S_one_of(const char *s, const char *const *words)
{
	for (; *words; words++)
		if (strcmp(s, *words) == 0)
			return true;
	return false;
}

static bool S_all(const char *s, const char *set)
{
	if (!*s)
		return false;
	for (; *s; s++)
		if (!strchr(set, *s))
			return false;
	return true;
}

static bool S_is_float(const char *s)
{
	static const char *const special[] = {
		".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF", "-.inf",
		"-.Inf", "-.INF", ".nan", ".NaN", ".NAN", NULL};
	bool digits = false;

	if (S_one_of(s, special))
		return true;
	if (*s == '+' || *s == '-')
		s++;
	while (*s >= '0' && *s <= '9')
		s++, digits = true;
	if (*s == '.') {
		s++;
		while (*s >= '0' && *s <= '9')
			s++, digits = true;
	}
	if (!digits)
		return false;
	if (*s == 'e' || *s == 'E') {
		s++;
		if (*s == '+' || *s == '-')
			s++;
		if (!(*s >= '0' && *s <= '9'))
			return false;
		while (*s >= '0' && *s <= '9')
			s++;
	}
	return *s == '\0';
}

kg_scalar_type kg_node_scalar_type(const kg_node *n)
{
	static const char *const nulls[] = {"", "~", "null", "Null", "NULL", NULL};
	static const char *const bools[] = {"true", "True", "TRUE", "false",
					    "False", "FALSE", NULL};
	const char *s;

	if (!n || n->kind != KG_NODE_SCALAR || !n->plain)
		return KG_SCALAR_STR;
	s = n->text;
	if (S_one_of(s, nulls))
		return KG_SCALAR_NULL;
	if (S_one_of(s, bools))
		return KG_SCALAR_BOOL;
	if (strncmp(s, "0o", 2) == 0 && S_all(s + 2, "01234567"))
		return KG_SCALAR_INT;
	if (strncmp(s, "0x", 2) == 0 && S_all(s + 2, "0123456789abcdefABCDEF"))
		return KG_SCALAR_INT;
	if (S_all(*s == '-' || *s == '+' ? s + 1 : s, "0123456789"))
		return KG_SCALAR_INT;
	if (S_is_float(s))
		return KG_SCALAR_FLOAT;
	return KG_SCALAR_STR;
}
