/*
 * init.h - `kitgen init`: a new kit skeleton for a role.
 *
 * The skeleton (README.md, content/kit.yaml, content/scenarios.yaml and
 * two example topics) is carried inside the binary (embedded.h) as
 * Mustache templates and rendered with the role's names, so a new kit
 * needs no installed data files and always matches this kitgen's
 * content model.
 */
#ifndef KG_INIT_H
#define KG_INIT_H

#include "buf.h"
#include "diag.h"

/* The role used when none is given. */
#define KG_INIT_ROLE "software engineering"

/* Why role cannot name a kit, or NULL when it can. A role is 1 to 60
 * characters of valid UTF-8: ASCII letters, digits, spaces and
 * - / & + . , ( ), and any character past ASCII that YAML takes as text,
 * with at least one ASCII letter or digit (the kit id is made of them)
 * and no space at either end. The message is static. */
const char *kg_init_bad_role(const char *role);

/* The kit id for role: its ASCII letters (lowercased) and digits, each
 * run of other characters one hyphen, then "-interview-kit":
 * "Data engineering" -> "data-engineering-interview-kit". Appends to out. */
void kg_init_kit_id(const char *role, kg_buf *out);

/* Why dir cannot take a new kit ("it is not empty", "it is not a
 * folder", "its folder 'X' does not exist", "the path is empty", "it is a
 * symbolic link to nothing", or strerror's text when it cannot be looked
 * at), or NULL when it can: it does not exist but its parent folder does,
 * or it is an empty folder. The message is static, valid until the next
 * call or strerror. */
const char *kg_init_bad_dir(const char *dir);

/* Write the skeleton for role (a good role, see above) into dir, creating
 * it and its folders; each file atomically. Returns 0, or -1 with
 * diagnostics (I/O errors). */
int kg_init_write(const char *dir, const char *role, kg_diags *d);

#endif
