/*
 * git.h - the little kitgen asks of git: a content folder as it was at a
 * revision, and whether content changed since the last tag.
 *
 * git is run as a program (never through a shell), with the content
 * folder as its working directory, so paths are relative to it. It runs
 * with a fixed environment and only plumbing commands, so that nothing a
 * repository's configuration names (fsmonitor, pager, diff and filter
 * drivers, hooks) is ever executed: see git.c.
 */
#ifndef KG_GIT_H
#define KG_GIT_H

#include "buf.h"
#include "diag.h"
#include "kit.h"

/* Write the files of folder `dir` that a kit is loaded from (kit.yaml,
 * scenarios.yaml, topics/NAME.yaml) as they were at revision `rev` into
 * the existing folder `dest`, byte for byte as committed (no filter, no
 * line-ending conversion). A rev that starts with '-' is no revision.
 * Returns 0, or -1 with a diagnostic. */
int kg_git_export(const char *dir, const char *rev, const char *dest,
		  kg_diags *d);

/* The same for folder `path`, relative to `cwd` (where git runs), which
 * need not exist in the work tree: only at rev. */
int kg_git_export_path(const char *cwd, const char *path, const char *rev,
		       const char *dest, kg_diags *d);

/* Folder `content` as it was at rev, exported into a new temporary folder
 * whose name is put in tmp (empty when none was made); the caller removes
 * it (kg_remove_tree). A folder that exists is read from git inside it;
 * one that does not, by its path from the current folder, so neither
 * revision need be checked out. 0, or -1 with a diagnostic. */
int kg_git_export_temp(const char *content, const char *rev, kg_buf *tmp,
		       kg_diags *d);

/* When kit's folder is inside a git work tree with a tag, and the kit's
 * content differs from the kit at the newest tag reachable from HEAD (by
 * digest: values, not layout; files not yet committed count) while
 * kit.yaml's version is the same, add a warning at the version. Silent
 * when git, the work tree, a tag or the content at the tag is missing. */
void kg_git_version_warning(const kg_kit *kit, kg_diags *d);

#endif
