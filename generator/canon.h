/*
 * canon.h - the canonical form of a YAML tree: what `kitgen digest` hashes
 * and what `kitgen diff` calls equal.
 *
 * Only values count: a scalar is its text (not its quoting or block
 * style), a list its items in order, a mapping its pairs in key order (by
 * the bytes of the key), so reordering the keys of a mapping, like any
 * other reformatting, changes neither. Each node is written as a type
 * byte ('s', 'l', 'm'; '-' for none), then a 64-bit big-endian length
 * (bytes of a scalar, items of a list, pairs of a mapping), then its
 * bytes or its children.
 *
 * Invariant: kg_canon_equal(a, b) is true exactly when kg_canon_write
 * writes the same bytes for a and b (keys are unique in a loaded mapping).
 */
#ifndef KG_CANON_H
#define KG_CANON_H

#include <stddef.h>

#include "node.h"

/* Where the canonical bytes go: called with consecutive pieces. */
typedef void (*kg_canon_put)(void *ctx, const void *bytes, size_t len);

/* Write n (NULL: "none") in canonical form. */
void kg_canon_write(const kg_node *n, kg_canon_put put, void *ctx);
/* Do a and b have the same canonical form? Two NULLs are equal. */
int kg_canon_equal(const kg_node *a, const kg_node *b);

#endif
