/*
 * digest.h - the two digests every output carries: the content digest,
 * SHA-256 over a canonical form of the loaded content, and the build
 * digest, SHA-256 over everything else a build's bytes follow from.
 *
 * The canonical form (canon.h) is independent of YAML formatting (quoting
 * style, indentation, block or flow style, comments, the order of a
 * mapping's keys) and of file names, except through the order they give
 * the topics: only the values count, the files in the order the kit
 * presents them (kit.yaml, the topics in file order, scenarios.yaml).
 * Changing any character of any value, or the order of a list, changes
 * the content digest, and kitgen diff (diff.h) then reports a change.
 *
 * The build digest covers the content digest; every file the templates
 * folder holds for the formats kitgen writes (TEMPLATES/FORMAT/NAME for
 * each format of formats.h, hidden names left out: the page shells, their
 * partials, the PDF style), each by its path relative to the folder and
 * its bytes, in byte order of those paths; the paper; and kitgen's
 * version. So two outputs of the same content made with another style, a
 * changed template, on another paper or by another kitgen carry other
 * build digests, while the same inputs give the same one from any folder
 * (no absolute path goes in).
 */
#ifndef KG_DIGEST_H
#define KG_DIGEST_H

#include "diag.h"
#include "kit.h"

#define KG_DIGEST_HEX 65 /* 64 hex digits and a NUL */

void kg_kit_digest(const kg_kit *kit, char hex[KG_DIGEST_HEX]);

/* The build digest of content (its content digest, hex) built with the
 * templates folder `templates` on paper `paper` (its name as the PDF
 * style lists it, paper.h; "" for none) by kitgen `version`. Returns 0,
 * or -1 after an I/O error (a folder or file that cannot be read) in d. */
int kg_build_digest(const char *content, const char *templates,
		    const char *paper, const char *version,
		    char hex[KG_DIGEST_HEX], kg_diags *d);

#endif
