/*
 * node.h - a YAML document as a tree of scalars, sequences and mappings.
 *
 * Every node carries the place it came from (1-based line and column, as
 * `grep -n` and editors count them: see lines.h), so later checks can point
 * at the offending value. Trees are loaded from YAML (yaml_load.h) or built
 * by code: the same tree is the data that Mustache templates are rendered
 * against (template.h), so writers build small trees of their own with the
 * kg_node_new_* functions.
 *
 * Memory: a loaded file's nodes, their scalar text and their arrays (sized
 * to fit) come from one arena that its root node holds (an arena tree,
 * below); nodes built by code are allocated one by one. The two may be mixed in one tree
 * (a built node added to a loaded mapping, a loaded root added to a built
 * one): kg_node_set and kg_node_push copy a loaded array to the heap before
 * growing it, and kg_node_free knows which is which.
 *
 * Ownership: a tree is freed with kg_node_free on its root; a container
 * owns what is added to it. Freeing a loaded node that is not a file's
 * root frees only what was built into it: its own memory goes with its
 * file's root.
 */
#ifndef KG_NODE_H
#define KG_NODE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"

typedef enum { KG_NODE_SCALAR, KG_NODE_SEQ, KG_NODE_MAP } kg_node_kind;

/* How a scalar resolves under the YAML core schema. Only plain (unquoted)
 * scalars resolve to anything but a string. */
typedef enum {
	KG_SCALAR_STR,
	KG_SCALAR_NULL,
	KG_SCALAR_BOOL,
	KG_SCALAR_INT,
	KG_SCALAR_FLOAT
} kg_scalar_type;

typedef struct kg_node kg_node;

typedef struct kg_pair {
	kg_node *key; /* always a scalar */
	kg_node *value;
} kg_pair;

/* A node is one of three kinds, and the unions hold only that kind's
 * fields: read text/len only from a KG_NODE_SCALAR, items/n only from a
 * KG_NODE_SEQ, pairs/npairs only from a KG_NODE_MAP (check kind first, or
 * use the look-ups below, which do). The other kinds' fields alias them
 * and read as garbage.
 *
 * 40 bytes, not 48: a kit of 1,000 topics loads 290,000 nodes and keeps
 * them for the whole build, so kind and flags are a byte each and the
 * counts 32 bits (a loaded file is at most 16 MiB; a longer text built by
 * code is refused: kg_node_new_strn), the count sharing the header's
 * word that the mark leaves. */
struct kg_node {
	kg_mark mark;       /* where the node starts */
	unsigned char kind; /* a kg_node_kind: which union member is in use */
	bool plain;         /* scalar: unquoted, not a block scalar */
	bool number;        /* scalar: num holds the whole number it reads
			       as (set by the schema check, schema.h) */
	unsigned char home; /* node.c's: where the node's memory comes from */
	union {
		uint32_t len;    /* KG_NODE_SCALAR: text's bytes */
		uint32_t n;      /* KG_NODE_SEQ: items */
		uint32_t npairs; /* KG_NODE_MAP: pairs */
	};
	union {
		struct {            /* KG_NODE_SCALAR */
			char *text; /* NUL-terminated; never NULL */
			long num;   /* valid when `number` is set */
		};
		struct {            /* KG_NODE_SEQ */
			kg_node **items;
			uint32_t cap; /* node.c's: 0 when items is not the
					 node's own allocation */
		};
		struct {            /* KG_NODE_MAP, in document order */
			kg_pair *pairs;
			uint32_t pcap; /* as cap */
		};
	};
};

_Static_assert(sizeof(void *) != 8 || sizeof(kg_node) == 40,
	       "a kg_node is 40 bytes on a 64-bit machine");

/* Free the tree rooted at n (NULL is ignored). */
void kg_node_free(kg_node *n);

/* Call fn(ctx, key, scalar) for every scalar under n (n included), in
 * order; key is the scalar key of the map the scalar is a value of, else
 * NULL. Map keys are not visited. A nonzero return from fn ends the walk
 * and is returned; else 0. */
int kg_node_each_scalar(const kg_node *n,
			int (*fn)(void *ctx, const kg_node *key,
				  const kg_node *scalar),
			void *ctx);

/* Look-ups; NULL when absent or when n is not of the right kind. */
const kg_node *kg_node_get(const kg_node *map, const char *key);
const char *kg_node_str(const kg_node *map, const char *key);

kg_scalar_type kg_node_scalar_type(const kg_node *n);

/* Building trees (for template data). The new node has no mark. */
kg_node *kg_node_new_map(void);
kg_node *kg_node_new_seq(void);
kg_node *kg_node_new_str(const char *s);
kg_node *kg_node_new_strn(const char *s, size_t len);
kg_node *kg_node_new_bool(bool v);
/* Add to a sequence / mapping; the container takes ownership of value. */
void kg_node_push(kg_node *seq, kg_node *value);
void kg_node_set(kg_node *map, const char *key, kg_node *value);
/* Shorthands: kg_node_set(map, key, kg_node_new_str(s)) and friends. */
void kg_node_set_str(kg_node *map, const char *key, const char *s);
void kg_node_set_bool(kg_node *map, const char *key, bool v);

/* Arena trees, for a loader (yaml_load.c): every node, text and array in
 * one arena that the root holds. kg_node_arena_root makes the root (zeroed:
 * a scalar with no text until the loader sets its kind and fields),
 * kg_node_arena_new a zeroed node in root's arena, and kg_node_arena gives
 * that arena, for the nodes' text and arrays; an array placed there has
 * cap (pcap) 0, not the node's own. kg_node_free on the root frees it all,
 * also a tree left half built; freeing another node of the tree frees only
 * what was built into it. */
kg_node *kg_node_arena_root(void);
kg_node *kg_node_arena_new(kg_node *root);
kg_arena *kg_node_arena(kg_node *root);
/* Once a loaded tree is complete: copy its nodes, text and arrays into
 * one chunk of their exact size and free the old chunks (arena.h,
 * "Packing"), so the tree keeps no chunk's unused end. Every pointer
 * into the tree but root changes: call it before anything else holds
 * one. */
void kg_node_arena_pack(kg_node *root);

#endif
