/*
 * serve_watch.c - the inotify watch on content and templates for
 * `kitgen serve`.
 *
 * inotify watches one folder, not a tree: every folder below the two
 * roots gets its own watch, and the tree is walked again after each
 * change, so a folder made (or moved in) later is watched too. Adding a
 * watch twice is harmless (inotify returns the same one). Each watch
 * knows its part (content, templates/html, md, pdf, other), so a change
 * says which formats it touches.
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

/* A watched folder: inotify's descriptor for it, and its part. */
typedef struct S_dir {
	int wd;
	unsigned part;
} S_dir;

struct kg_watch {
	int fd;
	char *roots[2]; /* content, templates */
	S_dir *dirs;
	size_t ndirs, cap;
};

static const unsigned S_MASK = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM |
			       IN_CREATE | IN_DELETE | IN_DELETE_SELF |
			       IN_MOVE_SELF | IN_ATTRIB;

/* Remember that wd is a folder of part. */
static void S_remember(kg_watch *w, int wd, unsigned part)
{
	size_t i;

	for (i = 0; i < w->ndirs; i++)
		if (w->dirs[i].wd == wd) {
			w->dirs[i].part = part;
			return;
		}
	KG_GROW(w->dirs, w->cap, w->ndirs + 1);
	w->dirs[w->ndirs].wd = wd;
	w->dirs[w->ndirs++].part = part;
}

/* The part of a folder below the templates folder, by the name of its
 * first level (html, md, pdf). */
static unsigned S_format_part(const char *name)
{
	if (strcmp(name, "html") == 0)
		return KG_WATCH_HTML;
	if (strcmp(name, "md") == 0)
		return KG_WATCH_MD;
	if (strcmp(name, "pdf") == 0)
		return KG_WATCH_PDF;
	return KG_WATCH_OTHER;
}

/* Watch dir (of part; 0: the templates folder itself, whose folders
 * each have their own) and every folder under it; -1 when dir itself
 * cannot be watched. */
static int S_add_tree(kg_watch *w, const char *dir, unsigned part, int depth)
{
	int wd = inotify_add_watch(w->fd, dir, S_MASK | IN_ONLYDIR);
	DIR *d;
	struct dirent *e;

	if (wd < 0)
		return -1;
	S_remember(w, wd, part ? part : KG_WATCH_OTHER);
	if (depth >= S_MAX_DEPTH || !(d = opendir(dir)))
		return 0;
	while ((e = readdir(d))) {
		kg_buf sub = KG_BUF_INIT;

		if (e->d_name[0] == '.' ||
		    (e->d_type != DT_DIR && e->d_type != DT_UNKNOWN))
			continue;
		kg_buf_printf(&sub, "%s/%s", dir, e->d_name);
		S_add_tree(w, sub.ptr, part ? part : S_format_part(e->d_name),
			   depth + 1);
		kg_buf_release(&sub);
	}
	closedir(d);
	return 0;
}

/* Watch both roots, again after a change (new folders). */
static int S_add_roots(kg_watch *w)
{
	if (S_add_tree(w, w->roots[0], KG_WATCH_CONTENT, 0) < 0 ||
	    S_add_tree(w, w->roots[1], 0, 0) < 0)
		return -1;
	return 0;
}

kg_watch *kg_watch_new(const char *content, const char *templates,
		       const char **why)
{
	kg_watch *w = kg_xcalloc(1, sizeof(*w));

	w->fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	w->roots[0] = kg_xstrdup(content);
	w->roots[1] = kg_xstrdup(templates);
	if (w->fd < 0 || S_add_roots(w) < 0) {
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

/* The part an event is in: its folder's (all, when inotify lost
 * events or the folder is not known). */
static unsigned S_part(const kg_watch *w, const struct inotify_event *ev)
{
	size_t i;

	if (ev->mask & IN_Q_OVERFLOW)
		return KG_WATCH_ALL;
	for (i = 0; i < w->ndirs; i++)
		if (w->dirs[i].wd == ev->wd)
			return w->dirs[i].part;
	return KG_WATCH_ALL;
}

/* Read the pending events; the parts of those that count. */
static unsigned S_read(kg_watch *w)
{
	char buf[8192] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;
	unsigned parts = 0;

	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		char *p = buf;

		while (p < buf + n) {
			const struct inotify_event *ev = (const void *)p;

			if (S_relevant(ev))
				parts |= S_part(w, ev);
			p += sizeof(*ev) + ev->len;
		}
	}
	return parts;
}

unsigned kg_watch_changed(kg_watch *w)
{
	struct pollfd p = {w->fd, POLLIN, 0};
	unsigned parts = S_read(w);

	while (poll(&p, 1, S_QUIET_MS) > 0)
		parts |= S_read(w);
	if (parts)
		S_add_roots(w);
	return parts;
}

void kg_watch_free(kg_watch *w)
{
	if (!w)
		return;
	if (w->fd >= 0)
		close(w->fd);
	free(w->roots[0]);
	free(w->roots[1]);
	free(w->dirs);
	free(w);
}
