/* output.c - atomic file output: temporary file, then rename (see output.h) */
#define _XOPEN_SOURCE 700 /* nftw */
#include "output.h"

#include <ftw.h>
#include <errno.h>
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

	for (p = path + 1; ; p++) {
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

static int S_write_all(int fd, const char *data, size_t len)
{
	while (len > 0) {
		ssize_t n = write(fd, data, len);

		if (n < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		data += n;
		len -= (size_t)n;
	}
	return 0;
}

int kg_write_atomic(const char *path, const char *data, size_t len,
		    kg_diags *d)
{
	kg_buf tmp = KG_BUF_INIT;
	const char *slash = strrchr(path, '/');
	int fd, err = 0;

	/* dir/.name.XXXXXX: same folder, so rename never crosses devices */
	if (slash)
		kg_buf_printf(&tmp, "%.*s/.%s.XXXXXX", (int)(slash - path), path,
			      slash + 1);
	else
		kg_buf_printf(&tmp, ".%s.XXXXXX", path);
	if (slash) { /* the file's folder, when it is new (output/panels/) */
		char *dir = kg_xstrndup(path, (size_t)(slash - path));
		int rc = *dir ? kg_mkdirs(dir, d) : 0;

		free(dir);
		if (rc < 0) {
			kg_buf_release(&tmp);
			return -1;
		}
	}
	fd = mkstemp(tmp.ptr);
	if (fd < 0) {
		kg_io_error(d, (kg_mark){path, 0, 0}, "cannot create file: %s",
			    strerror(errno));
		kg_buf_release(&tmp);
		return -1;
	}
	if (S_write_all(fd, data, len) < 0 || fchmod(fd, 0644) < 0)
		err = errno;
	if (close(fd) < 0 && !err)
		err = errno;
	if (!err && rename(tmp.ptr, path) < 0)
		err = errno;
	if (err) {
		unlink(tmp.ptr);
		kg_io_error(d, (kg_mark){path, 0, 0}, "cannot write file: %s",
			    strerror(err));
	}
	kg_buf_release(&tmp);
	return err ? -1 : 0;
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
