/* output.c - atomic file output: temporary files, then every rename or
 * none (see output.h)
 *
 * Invariant: every temporary file of a set, its lock file and the folders
 * it made are in the cleanup registry (cleanup.h) from before they exist
 * until they are renamed into place or removed, so a signal or an
 * out-of-memory exit at any moment removes them. */
#define _XOPEN_SOURCE 700 /* nftw */
#include "output.h"

#include <assert.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "cleanup.h"

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

/* ---- a set of files: each written when ready, all renamed at the end ---- */

/* What stood at a file's target before the commit. */
enum { S_OLD_NONE, S_OLD_LINKED, S_OLD_MOVED };

struct kg_out_temp {
	char *path;   /* the target */
	char *tmp;    /* its temporary name: dir/.kitgen-new.NAME.PID.N */
	char *backup; /* the old file's name during the commit: .kitgen-old. */
	FILE *file;   /* while it is being written (kg_out_open), else NULL */
	int old;      /* S_OLD_*: set by the commit */
};

/* dir/PREFIXNAME.PID.N for path dir/NAME (a name only ever used once) */
static char *S_aside(const char *path, const char *prefix, unsigned long n)
{
	const char *slash = strrchr(path, '/');
	kg_buf b = KG_BUF_INIT;

	if (slash)
		kg_buf_printf(&b, "%.*s/", (int)(slash - path), path);
	kg_buf_printf(&b, "%s%s.%ld.%lu", prefix, slash ? slash + 1 : path,
		      (long)getpid(), n);
	return kg_buf_detach(&b, NULL);
}

/* Remember a folder the set made (takes dir); it goes when the set is
 * aborted or the process stops early, if it is empty then. */
static void S_made(kg_out_set *s, char *dir)
{
	KG_GROW(s->made, s->madecap, s->nmade + 1);
	kg_cleanup_dir(dir);
	s->made[s->nmade++] = dir;
}

/* Remove the temporary files of earlier builds that were killed before
 * they could (SIGKILL, a power cut) from folder dir. Only under the lock:
 * no live build has files there then. */
static void S_sweep(const char *dir)
{
	DIR *dp = opendir(*dir ? dir : ".");
	struct dirent *e;

	if (!dp)
		return;
	while ((e = readdir(dp)))
		if (strncmp(e->d_name, KG_OUT_NEW, strlen(KG_OUT_NEW)) == 0 ||
		    strncmp(e->d_name, KG_OUT_OLD, strlen(KG_OUT_OLD)) == 0)
			unlinkat(dirfd(dp), e->d_name, 0);
	closedir(dp);
}

/* The folder of path is ready: made (and remembered) when missing, swept
 * when the set holds the lock. Once per folder. */
static int S_folder(kg_out_set *s, const char *path, kg_diags *d)
{
	const char *slash = strrchr(path, '/');
	size_t len = !slash ? 0 : slash == path ? 1 : (size_t)(slash - path);
	char *dir = kg_xstrndup(path, len); /* "" is the current folder */
	struct stat st;
	size_t i;
	int rc = 0;

	for (i = 0; i < s->nseen; i++)
		if (strcmp(s->seen[i], dir) == 0) {
			free(dir);
			return 0;
		}
	if (*dir && stat(dir, &st) < 0)
		rc = kg_out_mkdir(s, dir, d);
	else if (s->lock >= 0)
		S_sweep(dir);
	KG_GROW(s->seen, s->seencap, s->nseen + 1);
	s->seen[s->nseen++] = dir;
	return rc;
}

/* Create path's temporary file t->tmp (registered for removal before it
 * exists, so no moment leaves it unlisted), mode 0644, and open it. */
static int S_open_temp(kg_out_set *s, struct kg_out_temp *t, kg_diags *d)
{
	struct stat st;
	int fd, err;

	if (S_folder(s, t->path, d) < 0)
		return -1;
	/* rename() would fail on a folder only after other files moved */
	if (stat(t->path, &st) == 0 && S_ISDIR(st.st_mode))
		return kg_io_error(d, (kg_mark){t->path, 0, 0},
				   "cannot write file: it is a folder");
	kg_cleanup_file(t->tmp);
	fd = open(t->tmp, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
	if (fd >= 0 && fchmod(fd, 0644) == 0 && (t->file = fdopen(fd, "wb")))
		return 0;
	err = errno;
	if (fd >= 0) {
		close(fd);
		unlink(t->tmp);
	}
	kg_cleanup_forget(t->tmp);
	return kg_io_error(d, (kg_mark){t->path, 0, 0}, "cannot %s file: %s",
			   fd < 0 ? "create" : "write", strerror(err));
}

int kg_write_atomic(const char *path, const char *data, size_t len,
		    kg_diags *d)
{
	kg_out_file f = {path, data, len};

	return kg_write_files(&f, 1, d);
}

static void S_temp_free(struct kg_out_temp *t)
{
	free(t->path);
	free(t->tmp);
	free(t->backup);
}

/* Let go of the lock: the lock file goes first, while it is still held,
 * so a build waiting for it sees that it is gone (S_lock). */
static void S_unlock(kg_out_set *s)
{
	if (s->lock < 0)
		return;
	unlink(s->lockpath);
	kg_cleanup_forget(s->lockpath);
	close(s->lock);
	free(s->lockpath);
	s->lock = -1;
	s->lockpath = NULL;
}

/* Free the set; remove temporary files and, when undo, the folders made. */
static void S_free_set(kg_out_set *s, int undo)
{
	size_t i;

	for (i = 0; i < s->n; i++) {
		if (s->files[i].file)
			fclose(s->files[i].file);
		if (undo)
			unlink(s->files[i].tmp);
		kg_cleanup_forget(s->files[i].tmp);
		S_temp_free(&s->files[i]);
	}
	S_unlock(s);
	for (i = s->nmade; i-- > 0;) {
		if (undo)
			rmdir(s->made[i]); /* only when still empty */
		kg_cleanup_forget(s->made[i]);
		free(s->made[i]);
	}
	for (i = 0; i < s->nseen; i++)
		free(s->seen[i]);
	free(s->files);
	free(s->made);
	free(s->seen);
	*s = (kg_out_set)KG_OUT_SET_INIT;
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

/* Take the lock on fd: at once when it is free, with the signals held
 * so that the lock file is registered for removal (the caller does that,
 * then lets the signals through) in the same breath as it is ours; else
 * wait for it with the signals let through, so that Ctrl-C still stops a
 * build that waits (the file is another build's meanwhile), and hold them
 * again once it is ours. 0, or -1 with errno set. */
static int S_flock(int fd, sigset_t *old)
{
	if (flock(fd, LOCK_EX | LOCK_NB) == 0)
		return 0;
	if (errno != EWOULDBLOCK)
		return -1;
	kg_cleanup_release(old);
	if (flock(fd, LOCK_EX) < 0) {
		int err = errno;

		kg_cleanup_hold(old);
		errno = err;
		return -1;
	}
	kg_cleanup_hold(old);
	return 0;
}

/* Open and lock dir's lock file, with the signals held in *old (see
 * S_flock). A build that held it may have removed it (S_unlock) while
 * this one waited: then the file locked is not the one at the path, and
 * the lock is taken again. Returns the descriptor, or -1 with errno set. */
static int S_lock(const char *path, sigset_t *old)
{
	struct stat held, there;
	int fd;

	for (;;) {
		fd = open(path, O_RDWR | O_CREAT | O_CLOEXEC, 0644);
		if (fd < 0)
			return -1;
		if (S_flock(fd, old) < 0 || fstat(fd, &held) < 0) {
			int err = errno;

			close(fd);
			errno = err;
			return -1;
		}
		if (stat(path, &there) == 0 && there.st_dev == held.st_dev &&
		    there.st_ino == held.st_ino)
			return fd;
		close(fd);
	}
}

int kg_out_begin(kg_out_set *s, const char *dir, kg_diags *d)
{
	kg_buf path = KG_BUF_INIT;
	struct stat st;
	sigset_t old;
	int tries = 0;

	kg_buf_printf(&path, "%s/%s", dir, KG_OUT_LOCK_NAME);
	do { /* a failed build that made the folder may remove it meanwhile */
		if (stat(dir, &st) < 0 && kg_out_mkdir(s, dir, d) < 0) {
			kg_buf_release(&path);
			return -1;
		}
		kg_cleanup_hold(&old);
		s->lock = S_lock(path.ptr, &old);
		if (s->lock < 0)
			kg_cleanup_release(&old);
	} while (s->lock < 0 && errno == ENOENT && ++tries < 5);
	if (s->lock < 0) {
		int err = errno;

		kg_buf_release(&path);
		return kg_io_error(d, (kg_mark){dir, 0, 0},
				   "cannot lock the output folder: %s",
				   strerror(err));
	}
	/* listed only once held (the file may be another build's until then),
	 * and with the signals held since it became ours: no moment leaves a
	 * lock file of this build unlisted */
	kg_cleanup_file(path.ptr);
	kg_cleanup_release(&old);
	s->lockpath = kg_buf_detach(&path, NULL);
	KG_GROW(s->seen, s->seencap, s->nseen + 1);
	s->seen[s->nseen++] = kg_xstrdup(dir);
	S_sweep(dir);
	return 0;
}

int kg_out_open(kg_out_set *s, const char *path, kg_sink *out, kg_diags *d)
{
	struct kg_out_temp *t;

	KG_GROW(s->files, s->cap, s->n + 1);
	t = &s->files[s->n];
	memset(t, 0, sizeof(*t));
	t->path = kg_xstrdup(path);
	t->tmp = S_aside(path, KG_OUT_NEW, ++s->serial);
	t->backup = S_aside(path, KG_OUT_OLD, s->serial);
	if (S_open_temp(s, t, d) < 0) {
		S_temp_free(t);
		return -1;
	}
	s->n++;
	kg_sink_init(out, t->file);
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

	unlink(t->tmp);
	kg_cleanup_forget(t->tmp);
	S_temp_free(t);
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

/* ---- the commit: every rename, or none ----------------------------------
 *
 * First every old target is kept under its backup name (a hard link, so
 * the target never goes missing; where the file system has no hard links,
 * a rename); then every temporary file is renamed over its target. When a
 * step fails, every step before it is undone in reverse, so the folder
 * holds the old set again; when all succeed, the backups go. No step
 * allocates (an out-of-memory exit here could not roll back), and
 * SIGINT, SIGTERM and SIGHUP wait until it is over. */

/* Keep t's old target under t->backup. 0, or an errno. */
static int S_backup(struct kg_out_temp *t)
{
	struct stat st;

	t->old = S_OLD_NONE;
	if (lstat(t->path, &st) < 0)
		return errno == ENOENT ? 0 : errno;
	if (S_ISDIR(st.st_mode))
		return EISDIR;
	if (link(t->path, t->backup) == 0) {
		t->old = S_OLD_LINKED;
		return 0;
	}
	if (errno != EPERM && errno != EOPNOTSUPP && errno != ENOSYS &&
	    errno != EMLINK)
		return errno;
	if (rename(t->path, t->backup) < 0)
		return errno;
	t->old = S_OLD_MOVED;
	return 0;
}

/* Put t's old target back; replaced: the new file is at the target. */
static void S_restore(const struct kg_out_temp *t, int replaced)
{
	if (t->old == S_OLD_NONE) {
		if (replaced)
			unlink(t->path);
	} else if (replaced || t->old == S_OLD_MOVED) {
		rename(t->backup, t->path);
	} else {
		unlink(t->backup);
	}
}

/* Steps [0, nkept) are backed up, [0, nmoved) renamed: undo them. */
static void S_roll_back(kg_out_set *s, size_t nkept, size_t nmoved)
{
	size_t i;

	for (i = nkept; i-- > 0;) {
		S_restore(&s->files[i], i < nmoved);
		if (i < nmoved) /* the new file is gone: nothing to remove */
			kg_cleanup_forget(s->files[i].tmp);
	}
}

/* The renames of the commit; *failed is the file that failed. 0 or errno. */
static int S_swap_all(kg_out_set *s, size_t *failed)
{
	size_t i, kept, moved;
	int err = 0;

	for (kept = 0; kept < s->n && !err; kept++)
		if ((err = S_backup(&s->files[kept])))
			break;
	for (moved = 0; moved < s->n && !err; moved++)
		if (rename(s->files[moved].tmp, s->files[moved].path) < 0) {
			err = errno;
			break;
		}
	if (err) {
		*failed = kept < s->n ? kept : moved;
		S_roll_back(s, kept, moved);
		return err;
	}
	for (i = 0; i < s->n; i++) {
		if (s->files[i].old != S_OLD_NONE)
			unlink(s->files[i].backup);
		kg_cleanup_forget(s->files[i].tmp);
	}
	return 0;
}

int kg_out_commit(kg_out_set *s, kg_diags *d)
{
	size_t failed = 0;
	sigset_t old;
	int err;

	kg_cleanup_hold(&old);
	err = S_swap_all(s, &failed);
	if (err) {
		kg_cleanup_release(&old);
		return kg_io_error(d, (kg_mark){s->files[failed].path, 0, 0},
				   "cannot write file: %s", strerror(err));
	}
	/* the made folders now hold the build: no longer to be removed */
	S_free_set(s, 0);
	kg_cleanup_release(&old);
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
	kg_cleanup_forget(dir); /* gone: nothing left to remove on a signal */
}

static const char *S_tmpdir(void)
{
	const char *base = getenv("TMPDIR");

	return base && *base ? base : "/tmp";
}

/* Remove the temporary folders TMPDIR/NAME.PID.* that kitgens killed by
 * SIGKILL (or a power cut) left: this user's, of a process that is gone. */
static void S_sweep_temps(const char *name)
{
	DIR *dp = opendir(S_tmpdir());
	struct dirent *e;
	kg_buf path = KG_BUF_INIT;
	size_t n = strlen(name);

	if (!dp)
		return;
	while ((e = readdir(dp))) {
		struct stat st;
		char *end;
		long pid;

		if (strncmp(e->d_name, name, n) != 0 || e->d_name[n] != '.')
			continue;
		pid = strtol(e->d_name + n + 1, &end, 10);
		if (pid <= 0 || *end != '.' || (kill((pid_t)pid, 0) == 0 || errno != ESRCH))
			continue;
		kg_buf_reset(&path);
		kg_buf_printf(&path, "%s/%s", S_tmpdir(), e->d_name);
		if (lstat(path.ptr, &st) == 0 && S_ISDIR(st.st_mode) &&
		    st.st_uid == getuid())
			kg_remove_tree(path.ptr);
	}
	closedir(dp);
	kg_buf_release(&path);
}

int kg_temp_dir(const char *name, kg_buf *tmp)
{
	sigset_t old;
	char *dir;

	S_sweep_temps(name);
	kg_buf_printf(tmp, "%s/%s.%ld.XXXXXX", S_tmpdir(), name, (long)getpid());
	kg_cleanup_hold(&old);
	if ((dir = mkdtemp(tmp->ptr)))
		kg_cleanup_tree(dir);
	kg_cleanup_release(&old);
	return dir ? 0 : -1;
}
