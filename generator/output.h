/*
 * output.h - writing output files atomically.
 *
 * A file is written to a temporary name in its own folder and renamed over
 * the target only when every byte is written, so a reader (or a failed
 * build) never sees a partial file and earlier outputs stay as they were.
 */
#ifndef KG_OUTPUT_H
#define KG_OUTPUT_H

#include <stddef.h>

#include "diag.h"

/* Create dir and its parents when missing. Returns 0 or -1 (I/O error). */
int kg_mkdirs(const char *dir, kg_diags *d);

/* Write len bytes to path atomically, mode 0644, creating its folder when
 * missing. Returns 0 or -1. */
int kg_write_atomic(const char *path, const char *data, size_t len,
		    kg_diags *d);

/* Remove a folder and everything in it (a temporary tree); best effort. */
void kg_remove_tree(const char *dir);

#endif
