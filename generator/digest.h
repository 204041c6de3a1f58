/*
 * digest.h - the content digest: SHA-256 over a canonical form of the
 * loaded content.
 *
 * The canonical form (canon.h) is independent of YAML formatting (quoting
 * style, indentation, block or flow style, comments, the order of a
 * mapping's keys) and of file names, except through the order they give
 * the topics: only the values count, the files in the order the kit
 * presents them (kit.yaml, the topics in file order, scenarios.yaml).
 * Changing any character of any value, or the order of a list, changes
 * the digest, and kitgen diff (diff.h) then reports a change.
 */
#ifndef KG_DIGEST_H
#define KG_DIGEST_H

#include "kit.h"

#define KG_DIGEST_HEX 65 /* 64 hex digits and a NUL */

void kg_kit_digest(const kg_kit *kit, char hex[KG_DIGEST_HEX]);

#endif
