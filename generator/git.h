/*
 * git.h - the little kitgen asks of git: a content folder as it was at a
 * revision, and whether content changed since the last tag.
 *
 * git is run as a program (never through a shell), with the content
 * folder as its working directory, so paths are relative to it.
 */
#ifndef KG_GIT_H
#define KG_GIT_H

#include "diag.h"
#include "kit.h"

/* Write the files of folder `dir` as they were at revision `rev` into the
 * existing folder `dest`. Returns 0, or -1 with a diagnostic. */
int kg_git_export(const char *dir, const char *rev, const char *dest,
		  kg_diags *d);

/* When dir is inside a git work tree with a tag, and its content differs
 * from the last tag's while kit.yaml's version is the same, add a warning
 * at the version. Silent when git, the work tree or a tag is missing. */
void kg_git_version_warning(const kg_kit *kit, kg_diags *d);

#endif
