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

/* Read what is pending, then what follows within a few milliseconds (one
 * save is several events); 1 when it held a change, else 0. */
int kg_watch_changed(kg_watch *w);

void kg_watch_free(kg_watch *w);

#endif
