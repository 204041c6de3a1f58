/*
 * serve_watch.h - the watch on a kit's content and templates folders
 * (inotify), for `kitgen serve`.
 *
 * Every folder under the two is watched, also those made later; a file
 * saved, added, removed or renamed (an editor's write to a temporary file
 * then rename onto the old name included) is a change. Hidden files and
 * editors' backups (".x", "x~", "x.swp") are not.
 */
#ifndef KG_SERVE_WATCH_H
#define KG_SERVE_WATCH_H

typedef struct kg_watch kg_watch;

/* Watch both folders; NULL with *why (static text) on failure. The caller
 * frees it with kg_watch_free. */
kg_watch *kg_watch_new(const char *content, const char *templates,
		       const char **why);

/* The descriptor to poll for reading. */
int kg_watch_fd(const kg_watch *w);

/* The parts of a kit a change is in: content, each format's templates
 * (templates/html, md, pdf), anything else under templates. */
enum {
	KG_WATCH_CONTENT = 1 << 0,
	KG_WATCH_HTML = 1 << 1,
	KG_WATCH_MD = 1 << 2,
	KG_WATCH_PDF = 1 << 3,
	KG_WATCH_OTHER = 1 << 4,
	KG_WATCH_ALL = (1 << 5) - 1
};

/* Read what is pending, then what follows within a few milliseconds (one
 * save is several events); the parts that changed (0: nothing that
 * counts). */
unsigned kg_watch_changed(kg_watch *w);

void kg_watch_free(kg_watch *w);

#endif
