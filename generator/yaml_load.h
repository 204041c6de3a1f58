/*
 * yaml_load.h - one YAML document loaded into a kg_node tree (node.h),
 * every node marked with the place it came from.
 *
 * Loading is safe on hostile input: invalid UTF-8, NUL bytes, the
 * control character U+0085 and the noncharacters U+FDD0 to U+FDEF in the
 * raw bytes (U+2028 and U+2029 are ordinary characters), aliases,
 * more than one document, duplicate keys, nesting deeper than
 * KG_NODE_MAX_DEPTH, and scalars holding a NUL however written ("\0") or
 * a control character other than tab and line feed are reported as
 * diagnostics, never walked. A UTF-8 byte order mark is skipped. Loading
 * hands the file's line index to d (kg_diags_keep_lines), so the
 * diagnostics of later checks print their source lines cheaply.
 *
 * Memory: a loaded file is an arena tree (node.h): its nodes, their
 * scalar text and their arrays (sized to fit) come from one arena that its
 * root node holds. The caller frees the tree with kg_node_free on the
 * root; nodes built by code may be added to it first. Marks point at the file name passed
 * to the loader, which must outlive the tree.
 */
#ifndef KG_YAML_LOAD_H
#define KG_YAML_LOAD_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

#define KG_NODE_MAX_DEPTH 64
#define KG_NODE_MAX_FILE (16u << 20) /* bytes */

/* Load the single document of a file / of a string named `name`. On any
 * problem, diagnostics are added to d and NULL is returned. An empty file
 * (no document) is an error too. */
kg_node *kg_node_load_file(const char *path, kg_diags *d);
kg_node *kg_node_load_string(const char *name, const char *src, size_t len,
			     kg_diags *d);
/* Like kg_node_load_file, for data rather than content (`kitgen render
 * --data`, test data): control characters such as a carriage return are
 * kept; only NUL, however it is written, is refused. */
kg_node *kg_node_load_data_file(const char *path, kg_diags *d);

#endif
