/* output.c - atomic file output: temporary file, then rename (see output.h) */
#define _XOPEN_SOURCE 700 /* nftw */
#include "output.h"

#include <assert.h>
#include <errno.h>
#include <ftw.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"

int kg_mkdirs(const char *dir, kg_diags *d)
{
	char *path = kg_xstrdup(dir);
	char *p;
	int rc = 0;

	for (p = path + (*path == '/'); ; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (mkdir(path, 0777) < 0 && errno != EEXIST) {
			rc = kg_io_error(d, (kg_mark){dir, 0, 0},
					 "cannot create folder '%s': %s", path,
					 strerror(errno));
			break;
		}
		*p = c;
		if (c == '\0')
			break;
	}
	free(path);
	return rc;
}

/* Create a new temporary file beside path (its name in tmp), creating
 * path's folder when missing, and open it for writing, mode 0644. The
 * FILE, or NULL with a diagnostic and nothing left behind. */
static FILE *S_open_temp(const char *path, kg_buf *tmp, kg_diags *d)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	FILE *f;
	int fd;

	/* dir/.name.XXXXXX: same folder, so rename never crosses devices */
	if (slash)
		kg_buf_printf(tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path,
			      slash + 1);
	else
		kg_buf_printf(tmp, ".%s.XXXXXX", path);
	if (slash) { /* the file's folder, when it is new (output/panels/) */
		char *dir = kg_xstrndup(path, (size_t)(slash - path));
		int rc = *dir ? kg_mkdirs(dir, d) : 0;

		free(dir);
		if (rc < 0)
			return NULL;
	}
	/* rename() would fail on a folder only after other files moved */
	if (stat(path, &st) == 0 && S_ISDIR(st.st_mode)) {
		kg_io_error(d, (kg_mark){path, 0, 0},
			    "cannot write file: it is a folder");
		return NULL;
	}
	fd = mkstemp(tmp->ptr);
	if (fd < 0) {
		kg_io_error(d, (kg_mark){path, 0, 0}, "cannot create file: %s",
			    strerror(errno));
		return NULL;
	}
	if (fchmod(fd, 0644) < 0 || !(f = fdopen(fd, "wb"))) {
		int err = errno;

		close(fd);
		unlink(tmp->ptr);
		kg_io_error(d, (kg_mark){path, 0, 0}, "cannot write file: %s",
			    strerror(err));
		return NULL;
	}
	return f;
}

int kg_write_atomic(const char *path, const char *data, size_t len,
		    kg_diags *d)
{
	kg_out_file f = {path, data, len};

	return kg_write_files(&f, 1, d);
}

/* path's folder, when it does not exist yet (the caller frees it). */
static char *S_new_folder(const char *path)
{
	const char *slash = strrchr(path, '/');
	struct stat st;
	char *dir;

	if (!slash || slash == path)
		return NULL;
	dir = kg_xstrndup(path, (size_t)(slash - path));
	if (stat(dir, &st) == 0) {
		free(dir);
		return NULL;
	}
	return dir;
}

/* ---- a set of files: each written when ready, all renamed at the end ---- */

struct kg_out_temp {
	char *path; /* the target */
	kg_buf tmp; /* its temporary name */
	FILE *file; /* while it is being written (kg_out_open), else NULL */
	int renamed;
};

/* Remember a folder the set made (takes dir). */
static void S_made(kg_out_set *s, char *dir)
{
	KG_GROW(s->made, s->madecap, s->nmade + 1);
	s->made[s->nmade++] = dir;
}

/* Free the set; remove temporary files and, when undo, the folders made. */
static void S_free_set(kg_out_set *s, int undo)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->files[i].file)
			fclose(s->files[i].file);
		if (undo && !s->files[i].renamed)
			unlink(s->files[i].tmp.ptr);
		free(s->files[i].path);
		kg_buf_release(&s->files[i].tmp);
	}
	for (i = s->nmade; i-- > 0;) {
		if (undo)
			rmdir(s->made[i]); /* only when still empty */
		free(s->made[i]);
	}
	free(s->files);
	free(s->made);
	memset(s, 0, sizeof(*s));
}

int kg_out_mkdir(kg_out_set *s, const char *dir, kg_diags *d)
{
	char *path = kg_xstrdup(dir);
	struct stat st;
	char *p;

	/* each missing level, outermost first: abort removes them innermost first */
	for (p = path + (*path == '/'); ; p++) {
		char c = *p;

		if (c != '/' && c != '\0')
			continue;
		*p = '\0';
		if (stat(path, &st) < 0)
			S_made(s, kg_xstrdup(path));
		*p = c;
		if (c == '\0')
			break;
	}
	free(path);
	return kg_mkdirs(dir, d);
}

int kg_out_open(kg_out_set *s, const char *path, kg_sink *out, kg_diags *d)
{
	struct kg_out_temp *t;
	char *dir = S_new_folder(path);
	FILE *f;

	if (dir)
		S_made(s, dir);
	KG_GROW(s->files, s->cap, s->n + 1);
	t = &s->files[s->n];
	kg_buf_init(&t->tmp);
	if (!(f = S_open_temp(path, &t->tmp, d))) {
		kg_buf_release(&t->tmp);
		return -1;
	}
	t->path = kg_xstrdup(path);
	t->file = f;
	t->renamed = 0;
	s->n++;
	kg_sink_init(out, f);
	return 0;
}

/* The file out writes to: the set's last, which kg_out_open added. */
static struct kg_out_temp *S_open_file(kg_out_set *s, const kg_sink *out)
{
	struct kg_out_temp *t = s->n ? &s->files[s->n - 1] : NULL;

	assert(t && t->file && t->file == out->file);
	return t;
}

/* Forget the set's last file: remove its temporary file. */
static void S_drop_last(kg_out_set *s)
{
	struct kg_out_temp *t = &s->files[--s->n];

	unlink(t->tmp.ptr);
	free(t->path);
	kg_buf_release(&t->tmp);
}

int kg_out_close(kg_out_set *s, kg_sink *out, kg_diags *d)
{
	struct kg_out_temp *t = S_open_file(s, out);
	int err = 0;

	if (kg_sink_flush(out) < 0)
		err = errno;
	if (fclose(t->file) != 0 && !err)
		err = errno;
	t->file = NULL;
	kg_sink_release(out);
	if (err) {
		kg_io_error(d, (kg_mark){t->path, 0, 0}, "cannot write file: %s",
			    strerror(err));
		S_drop_last(s);
		return -1;
	}
	return 0;
}

void kg_out_discard(kg_out_set *s, kg_sink *out)
{
	struct kg_out_temp *t = S_open_file(s, out);

	fclose(t->file);
	t->file = NULL;
	kg_sink_release(out);
	S_drop_last(s);
}

int kg_out_add(kg_out_set *s, const char *path, const char *data, size_t len,
	       kg_diags *d)
{
	kg_sink out;
	size_t n;

	if (kg_out_open(s, path, &out, d) < 0)
		return -1;
	/* a chunk at a time: the caller's bytes are not copied whole */
	for (; len > 0; data += n, len -= n) {
		n = len < KG_SINK_CHUNK ? len : KG_SINK_CHUNK;
		kg_buf_put(&out.buf, data, n);
		kg_sink_drain(&out);
	}
	return kg_out_close(s, &out, d);
}

int kg_out_commit(kg_out_set *s, kg_diags *d)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (rename(s->files[i].tmp.ptr, s->files[i].path) < 0)
			return kg_io_error(d, (kg_mark){s->files[i].path, 0, 0},
					   "cannot write file: %s", strerror(errno));
		s->files[i].renamed = 1;
	}
	S_free_set(s, 0);
	return 0;
}

void kg_out_abort(kg_out_set *s)
{
	S_free_set(s, 1);
}

/* first every file under a temporary name, then, when all are there, the
 * renames */
int kg_write_files(const kg_out_file *files, size_t n, kg_diags *d)
{
	kg_out_set s = KG_OUT_SET_INIT;
	size_t i;

	for (i = 0; i < n; i++) {
		if (kg_out_add(&s, files[i].path, files[i].data, files[i].len,
			       d) < 0) {
			kg_out_abort(&s);
			return -1;
		}
	}
	if (kg_out_commit(&s, d) < 0) {
		kg_out_abort(&s);
		return -1;
	}
	return 0;
}

static int S_remove_entry(const char *path, const struct stat *st, int flag,
			  struct FTW *ftw)
{
	(void)st;
	(void)flag;
	(void)ftw;
	return remove(path);
}

void kg_remove_tree(const char *dir)
{
	nftw(dir, S_remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}
