/*
 * index.h - the build's index page: output/index.html links every file a
 * build writes, edition by edition, rendered from
 * templates/html/index.mustache (with the other templates of that folder
 * as partials, so it shares the editions' style sheet).
 *
 * A build records each file as it renders it (kg_index_add) and renders
 * the page once every edition is in memory, so the page lists exactly the
 * files the build writes. The index keeps copies of what it is given.
 */
#ifndef KG_INDEX_H
#define KG_INDEX_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "edition.h"
#include "kit.h"
#include "outnames.h"
#include "writer.h"

/* The page's file name in the output folder is KG_INDEX_NAME
 * (outnames.h, with the other paths a build writes). */

typedef struct kg_index_entry kg_index_entry;

typedef struct kg_index {
	kg_index_entry *items;
	size_t n, cap;
} kg_index;

#define KG_INDEX_INIT {NULL, 0, 0}

/* Does a build in these formats (NULL-terminated) write an index? Only
 * when HTML is one of them. */
bool kg_index_wanted(const kg_writer *const *writers);

/* Record a file of the build: edition ed in w's format, size bytes. */
void kg_index_add(kg_index *idx, const kg_edition *ed, const kg_writer *w,
		  size_t size);

/* Render the page for a build of kit (digest: its content digest;
 * build_digest: the build's, digest.h) with the templates in folder
 * `templates`, appending to out. Returns 0, or -1
 * with diagnostics (a missing template; an edition file that would be
 * named like the index itself). */
int kg_index_render(const kg_index *idx, const kg_kit *kit, const char *digest,
		    const char *build_digest, const char *templates,
		    kg_buf *out, kg_diags *d);

void kg_index_free(kg_index *idx);

#endif
