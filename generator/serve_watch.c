/*
 * serve_watch.c - the inotify watch on content and templates for
 * `kitgen serve`.
 *
 * inotify watches one folder, not a tree: every folder below the two
 * roots gets its own watch, and the tree is walked again after each
 * change, so a folder made (or moved in) later is watched too. Adding a
 * watch twice is harmless (inotify returns the same one).
 */
#define _GNU_SOURCE
#include "serve_watch.h"

#include <dirent.h>
#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"

/* A save is a burst of events; wait this long for the burst to end. */
#define S_QUIET_MS 8
/* Folders deeper than this are not watched (a kit is two levels deep). */
#define S_MAX_DEPTH 8

struct kg_watch {
	int fd;
	char *roots[2];
};

static const unsigned S_MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
			       IN_CREATE | IN_DELETE | IN_DELETE_SELF |
			       IN_MOVE_SELF | IN_ATTRIB;

/* Watch dir and every folder under it; -1 when dir itself cannot be. */
static int S_add_tree(int fd, const char *dir, int depth)
{
	DIR *d;
	struct dirent *e;

	if (inotify_add_watch(fd, dir, S_MASK | IN_ONLYDIR) < 0)
		return -1;
	if (depth >= S_MAX_DEPTH || !(d = opendir(dir)))
		return 0;
	while ((e = readdir(d))) {
		kg_buf sub = KG_BUF_INIT;

		if (e->d_name[0] == '.' ||
		    (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN))
			continue;
		kg_buf_printf(&sub, "%s/%s", dir, e->d_name);
		S_add_tree(fd, sub.ptr, depth + 1);
		kg_buf_release(&sub);
	}
	closedir(d);
	return 0;
}

kg_watch *kg_watch_new(const char *content, const char *templates,
		       const char **why)
{
	kg_watch *w = kg_xcalloc(1, sizeof(*w));

	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	w->roots[0] = kg_xstrdup(content);
	w->roots[1] = kg_xstrdup(templates);
	if (w->fd < 0 || S_add_tree(w->fd, content, 0) < 0 ||
	    S_add_tree(w->fd, templates, 0) < 0) {
		*why = strerror(errno);
		kg_watch_free(w);
		return NULL;
	}
	return w;
}

int kg_watch_fd(const kg_watch *w)
{
	return w->fd;
}

/* Is a change to this name one to rebuild for? */
static int S_relevant(const struct inotify_event *ev)
{
	size_t n;

	if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_Q_OVERFLOW))
		return 1;
	if (!ev->len || ev->name[0] == '.')
		return 0;
	n = strlen(ev->name);
	if (ev->name[n - 1] == '~' || (n > 4 && strcmp(ev->name + n - 4, ".swp") == 0) ||
	    (n > 4 && strcmp(ev->name + n - 4, ".swx") == 0))
		return 0;
	return 1;
}

/* Read the pending events; whether one was relevant. */
static int S_read(kg_watch *w)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;
	int changed = 0;

	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		char *p = buf;

		while (p < buf + n) {
			const struct inotify_event *ev = (const void *)p;

			changed |= S_relevant(ev);
			p += sizeof(*ev) + ev->len;
		}
	}
	return changed;
}

int kg_watch_changed(kg_watch *w)
{
	struct pollfd p = {w->fd, POLLIN, 0};
	int changed = S_read(w);

	while (poll(&p, 1, S_QUIET_MS) > 0)
		changed |= S_read(w);
	if (changed) {
		S_add_tree(w->fd, w->roots[0], 0);
		S_add_tree(w->fd, w->roots[1], 0);
	}
	return changed;
}

void kg_watch_free(kg_watch *w)
{
	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	free(w->roots[0]);
	free(w->roots[1]);
	free(w);
}
