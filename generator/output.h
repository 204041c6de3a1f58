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
#include "sink.h"

/* The lock file a build holds in its output folder while it writes (see
 * kg_out_begin). Ids never start with a dot, so no edition is named so. */
#define KG_OUT_LOCK_NAME ".kitgen.lock"

/* Create dir and its parents when missing. Returns 0 or -1 (I/O error). */
int kg_mkdirs(const char *dir, kg_diags *d);

/* Write len bytes to path atomically, mode 0644, creating its folder when
 * missing. Returns 0 or -1. */
int kg_write_atomic(const char *path, const char *data, size_t len,
		    kg_diags *d);

typedef struct kg_out_file {
	const char *path;
	const char *data;
	size_t len;
} kg_out_file;

/* Write all n files or none: each is written to a temporary name first,
 * and only when every one is complete are they renamed over their targets.
 * On a failure (a full disk, a file-size limit, a target that is a
 * folder) the temporary files and the folders made for them are removed
 * and every target is as it was. Returns 0 or -1. */
int kg_write_files(const kg_out_file *files, size_t n, kg_diags *d);

/* The same, one file at a time, so a build need not hold every file in
 * memory: kg_out_add writes a file to its temporary name at once (the
 * caller may free the bytes), kg_out_commit renames them all over their
 * targets, kg_out_abort removes them and the folders made for them. After
 * a failed add, close or commit, call kg_out_abort; either frees the set.
 * kg_out_mkdir creates a folder (and its parents) that abort removes again
 * when it was new and is still empty. */
typedef struct kg_out_set {
	struct kg_out_temp *files;
	size_t n, cap;
	char **made;   /* folders this set created, in order */
	size_t nmade, madecap;
} kg_out_set;

#define KG_OUT_SET_INIT {NULL, 0, 0, NULL, 0, 0}

int kg_out_mkdir(kg_out_set *s, const char *dir, kg_diags *d);
int kg_out_add(kg_out_set *s, const char *path, const char *data, size_t len,
	       kg_diags *d);

/* kg_out_add for a file written as it is made: kg_out_open creates the
 * temporary file of path (the same name, folders and bookkeeping as
 * kg_out_add) and sets out up as a sink into it; the caller writes, then
 * kg_out_close flushes the sink and closes the file, checking every step,
 * and reports a failure as "PATH: cannot write file: REASON" with the
 * temporary file removed. After a failed write (the writer's own error),
 * kg_out_discard closes and removes it instead. Either frees out's buffer;
 * one file is open at a time, and it is closed before the next open,
 * commit or abort (abort closes it when it was not). */
int kg_out_open(kg_out_set *s, const char *path, kg_sink *out, kg_diags *d);
int kg_out_close(kg_out_set *s, kg_sink *out, kg_diags *d);
void kg_out_discard(kg_out_set *s, kg_sink *out);
int kg_out_commit(kg_out_set *s, kg_diags *d);
void kg_out_abort(kg_out_set *s);

/* Remove a folder and everything in it (a temporary tree); best effort. */
void kg_remove_tree(const char *dir);

#endif
