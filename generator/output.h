/*
 * output.h - writing output files atomically, one file or a whole set.
 *
 * A file is written to a temporary name in its own folder and renamed over
 * the target only when every byte is written, so a reader (or a failed
 * build) never sees a partial file and earlier outputs stay as they were.
 * A set of files is all or nothing: the renames happen only when every
 * file is written, and a rename that fails undoes the ones before it.
 * Temporary files are registered for removal (cleanup.h), so SIGINT,
 * SIGTERM, SIGHUP or an out-of-memory exit leaves none.
 */
#ifndef KG_OUTPUT_H
#define KG_OUTPUT_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "sink.h"

/* The lock file a build holds in its output folder while it writes (see
 * kg_out_begin). Ids never start with a dot, so no edition is named so. */
#define KG_OUT_LOCK_NAME ".kitgen.lock"
/* How the names of a set's temporary files and of the old files it keeps
 * during its commit begin: dir/.kitgen-new.NAME.PID.N, .kitgen-old.... */
#define KG_OUT_NEW ".kitgen-new."
#define KG_OUT_OLD ".kitgen-old."

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
 * folder, a rename that fails) the temporary files and the folders made
 * for them are removed and every target is as it was. Returns 0 or -1. */
int kg_write_files(const kg_out_file *files, size_t n, kg_diags *d);

/* The same, one file at a time, so a build need not hold every file in
 * memory: kg_out_add writes a file to its temporary name at once (the
 * caller may free the bytes), kg_out_commit renames them all over their
 * targets, kg_out_abort removes them and the folders made for them. After
 * a failed add, close or commit, call kg_out_abort; either frees the set.
 * kg_out_mkdir creates a folder (and its parents) that abort removes again
 * when it was new and is still empty.
 *
 * The commit keeps each old target (under a .kitgen-old. name) until
 * every rename has succeeded; when one fails, the ones before it are
 * undone and the folder holds the old files again. SIGINT, SIGTERM and
 * SIGHUP wait until the commit is over.
 *
 * kg_out_begin, for a build that owns an output folder: creates dir when
 * missing (abort removes it again), then takes the folder's lock (flock on
 * dir/KG_OUT_LOCK_NAME; it waits while another build holds it, so two
 * builds into one folder write one after the other), then removes the
 * temporary files that earlier builds killed outright (SIGKILL) left in
 * dir, and in each folder below it the set writes to when it first does.
 * Commit and abort let go of the lock and remove the lock file. */
typedef struct kg_out_set {
	struct kg_out_temp *files;
	size_t n, cap;
	char **made;   /* folders this set created, in order */
	size_t nmade, madecap;
	char **seen;   /* folders made ready (made or swept) */
	size_t nseen, seencap;
	int lock;      /* the output folder's lock file, or -1 */
	char *lockpath;
	unsigned long serial; /* numbers the temporary names */
} kg_out_set;

#define KG_OUT_SET_INIT {NULL, 0, 0, NULL, 0, 0, NULL, 0, 0, -1, NULL, 0}

int kg_out_begin(kg_out_set *s, const char *dir, kg_diags *d);
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

/* Remove a folder and everything in it (a temporary tree); best effort.
 * A tree registered for cleanup (kg_temp_dir) is forgotten. */
void kg_remove_tree(const char *dir);

/* A new temporary folder TMPDIR/NAME.PID.XXXXXX into tmp (appended),
 * registered for removal with all it will hold when kitgen stops early
 * (a signal, out of memory; no moment has it unlisted). What kitgens
 * killed outright left under NAME (this user's, their process gone) is
 * removed first. The caller removes it with kg_remove_tree. 0, or -1
 * with errno set. */
int kg_temp_dir(const char *name, kg_buf *tmp);

#endif
