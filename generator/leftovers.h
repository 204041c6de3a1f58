/*
 * leftovers.h - what `kitgen init` left for the user to replace.
 *
 * The skeleton (generator/skeleton/) marks every value it means as an
 * example or a placeholder with KG_PLACEHOLDER in its text: the publisher,
 * the introduction, the title of each example topic. A kit that still
 * holds the mark somewhere was not finished; a real kit never carries it
 * by accident, so the check has no false positives to guess around.
 */
#ifndef KG_LEFTOVERS_H
#define KG_LEFTOVERS_H

#include <stddef.h>

#include "diag.h"
#include "kit.h"

#define KG_PLACEHOLDER "(replace me)"

/* Report every text of kit's files that holds KG_PLACEHOLDER, at the text,
 * naming its field: as warnings, or, when release is set (a build for
 * release), as errors. Returns how many there are. */
size_t kg_kit_leftovers(const kg_kit *kit, int release, kg_diags *d);

#endif
