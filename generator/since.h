/*
 * since.h - "What changed since VERSION": the section of the public kit
 * that `kitgen build --changes-since REV` adds, from kitgen diff.
 */
#ifndef KG_SINCE_H
#define KG_SINCE_H

#include "diag.h"
#include "diff.h"
#include "doc.h"
#include "kit.h"

typedef struct kg_since {
	kg_changes changes; /* from the kit at REV to the kit built */
	char *version;      /* the kit's version at REV (owned) */
} kg_since;

#define KG_SINCE_INIT {{NULL, 0, 0}, NULL}

/* Compare kit (loaded from the folder content, checked clean) with the
 * same folder at git revision rev, read as `kitgen diff --git` does.
 * Returns 0, or -1 with diagnostics: rev is no revision, or the content
 * at rev does not load and check clean. The caller frees s with
 * kg_since_free either way. */
int kg_since_load(const char *content, const char *rev, const kg_kit *kit,
		  kg_since *s, kg_diags *d);
void kg_since_free(kg_since *s);

/* Add the section to the public kit's document, right after its table
 * of contents (first, when it has none), and list it there: what was
 * added, removed and changed, one item per change, or that nothing was. */
void kg_since_compose(kg_doc *doc, const kg_since *s);

#endif
