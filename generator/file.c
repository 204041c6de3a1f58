/*
 * file.c - the one whole-file reader (see file.h).
 *
 * open(O_NONBLOCK) returns at once even for a FIFO with no writer; fstat
 * on that descriptor says what it is, so nothing but a regular file is
 * ever read. O_NONBLOCK stays set: a regular file's reads ignore it, and
 * a file that only looks regular (/proc/kmsg) fails with EAGAIN instead
 * of waiting forever.
 */
#include "file.h"

#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* What a file that is not regular is, as the end of a message. */
static const char *S_kind(mode_t mode)
{
	if (S_ISDIR(mode))
		return "is a folder, not a file";
	if (S_ISFIFO(mode))
		return "is a FIFO, not a regular file";
	if (S_ISCHR(mode))
		return "is a character device, not a regular file";
	if (S_ISBLK(mode))
		return "is a block device, not a regular file";
	if (S_ISSOCK(mode))
		return "is a socket, not a regular file";
	return S_ISREG(mode) ? NULL : "is not a regular file";
}

/* Open path for reading without waiting: a regular file only, in
 * non-blocking mode. The descriptor; or -1 with *why set to strerror's
 * text (the open failed), or -2 with *why saying what the file is
 * instead. */
static int S_open(const char *path, const char **why, struct stat *st)
{
	int fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);

	if (fd < 0) {
		*why = strerror(errno);
		return -1;
	}
	if (fstat(fd, st) < 0) {
		*why = strerror(errno);
		close(fd);
		return -1;
	}
	if ((*why = S_kind(st->st_mode))) {
		close(fd);
		return -2;
	}
	return fd;
}

const char *kg_file_unreadable(const char *path)
{
	const char *why = NULL;
	struct stat st;
	int fd = S_open(path, &why, &st);

	if (fd >= 0)
		close(fd);
	return why;
}

/* Read fd to its end, or to max + 1 bytes, into out. 0, or -1 (errno). */
static int S_read_all(int fd, size_t max, kg_buf *out, size_t start)
{
	ssize_t got;

	for (;;) {
		size_t room = max + 1 - (out->len - start);

		if (room > 65536)
			room = 65536;
		kg_buf_grow(out, room);
		got = read(fd, out->ptr + out->len, room);
		if (got < 0 && errno == EINTR)
			continue;
		if (got <= 0)
			break;
		out->len += (size_t)got;
		out->ptr[out->len] = '\0';
		if (out->len - start > max)
			break;
	}
	return got < 0 ? -1 : 0;
}

/* Drop what was appended since start. */
static void S_undo(kg_buf *out, size_t start)
{
	out->len = start;
	out->ptr[start] = '\0';
}

int kg_file_read(const char *path, size_t max, kg_buf *out, kg_diags *d)
{
	kg_mark at = {path, 0, 0};
	const char *why = NULL;
	size_t start = out->len;
	struct stat st;
	int fd = S_open(path, &why, &st), rc;

	if (fd == -2)
		return kg_io_error(d, at, "%s", why);
	if (fd < 0)
		return kg_io_error(d, at, "cannot open: %s", why);
	rc = (size_t)st.st_size > max ? 1 : S_read_all(fd, max, out, start);
	if (rc < 0)
		why = errno == EAGAIN ? "it would wait for data: not an "
					"ordinary file" : strerror(errno);
	close(fd);
	if (rc < 0) {
		S_undo(out, start);
		return kg_io_error(d, at, "cannot read: %s", why);
	}
	if (rc > 0 || out->len - start > max) {
		S_undo(out, start);
		return kg_error(d, at, "file is larger than the %zu MiB limit",
				max >> 20);
	}
	return 0;
}
