/*
 * diff.h - what changed between two versions of a kit, by id.
 *
 * Entities are matched by id, never by file or position: topics,
 * questions, scenarios, levels, areas, scenario kinds and profiles. Within
 * an entity, fields are compared by value: a short text shows old → new,
 * a long one is "reworded" with a word diff (worddiff.h); a list of texts
 * shows the items added and removed, or "reordered"; mappings (rubric,
 * weights, answer key) are compared key by key. Order counts as it does
 * for the digest: when the entities kept in a list are in another order,
 * the list is "reordered: b now before a" (the moved items, each with its
 * new neighbour). Renaming a file changes nothing unless it moves the
 * topic among the others (topics are in file-name order).
 *
 * Invariant: kg_kit_diff reports at least one change exactly when the two
 * kits' digests (digest.h) differ; tests/unit/test_diff.c walks every
 * edit of the fixture and content/ to hold it.
 */
#ifndef KG_DIFF_H
#define KG_DIFF_H

#include <stddef.h>

#include "buf.h"
#include "kit.h"

typedef enum { KG_ADDED, KG_REMOVED, KG_CHANGED } kg_change_kind;

typedef struct kg_change {
	kg_change_kind kind;
	char *entity; /* "question rate-limiter-2", "kit" */
	char *parent; /* for added/removed: "topic rate-limiter", or NULL */
	char *field;  /* for changed: "weights.coding", or NULL */
	char *detail; /* for changed: "35 → 40", "reworded: a [-big-]{+small+}
			 cache", ... */
	char *detail_md; /* detail as Markdown (escaped, the word diff's
			    marks ~~removed~~ **added**), or NULL: escape
			    detail */
} kg_change;

typedef struct kg_changes {
	kg_change *items;
	size_t n, cap;
} kg_changes;

/* Append the changes from old to new (both loaded and checked). */
void kg_kit_diff(const kg_kit *old, const kg_kit *new_kit, kg_changes *out);

/* One line per change. */
void kg_changes_text(const kg_changes *c, kg_buf *out);
/* A Markdown changelog a panel can read. */
void kg_changes_markdown(const kg_changes *c, const kg_kit *old,
			 const kg_kit *new_kit, kg_buf *out);
/* One change as a line of CommonMark ("question caching-5 (in topic
 * caching)", the field in code, the detail), markup in names escaped. */
void kg_change_markdown(const kg_change *ch, kg_buf *out);

void kg_changes_free(kg_changes *c);

#endif
