/*
 * outnames.h - the paths a build writes, and the content errors of two
 * files that would be written to the same path.
 *
 * A build writes every edition in every format (edition.h, formats.h) and
 * some files of its own (the index page). File names come from ids
 * (`panels/<profile>-<level>.pdf`), so two editions can meet: profile 'a'
 * with level 'b-c' and profile 'a-b' with level 'c', or a kit id 'index'
 * and the index page. `check` reports each such pair, so a build never
 * writes one file over another.
 */
#ifndef KG_OUTNAMES_H
#define KG_OUTNAMES_H

#include <stddef.h>

#include "diag.h"
#include "kit.h"

/* The file name of the build's index page (index.h) in the output
 * folder; a public kit with id 'index' would meet it. */
#define KG_INDEX_NAME "index.html"

/* Report every two files that a build of kit, in any format, would write
 * to the same path: an error at the place of the later edition's id (a
 * packet's profile id, the public kit's id) with a note at the other's,
 * once per pair of editions. Editions whose ids are missing or invalid
 * (already reported) are left out. Returns the number of errors added. */
size_t kg_check_output_names(const kg_kit *kit, kg_diags *d);

#endif
