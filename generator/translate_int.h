/*
 * translate_int.h - translate_load.c's model of a translation, shared with
 * translate_todo.c (the status report and the stamps): not for other
 * modules, which use translate.h.
 *
 * A translation is a table of items (the kit, each level, area, scenario
 * kind, profile, topic, question and scenario), each a list of slots: a
 * text field's path in the item's mapping and the kit model's pointer to
 * its node (or list), or to the texts of a list of mappings without ids
 * (loop.phases, signals: rows keyed by their position). The kit owns the
 * nodes; the kg_tr owns its files' trees, the items and their slots.
 */
#ifndef KG_TRANSLATE_INT_H
#define KG_TRANSLATE_INT_H

#include <stddef.h>

#include "kit.h"
#include "node.h"
#include "translate.h"

/* The sections of a translation file: the kinds of item. */
enum { KG_TR_KIT, KG_TR_LEVEL, KG_TR_AREA, KG_TR_KIND, KG_TR_PROFILE,
       KG_TR_TOPIC, KG_TR_QUESTION, KG_TR_SCENARIO, KG_TR_NSECT };
#define KG_TR_DEPTH 4

/* The text fields of one row of a list of mappings without ids. */
typedef struct kg_tr_row_field {
	const char *name;
	int line; /* a single line */
} kg_tr_row_field;

typedef struct kg_tr_slot {
	const char *path[KG_TR_DEPTH];
	size_t depth;
	int line;            /* a single line */
	const kg_node **one; /* a text, or */
	kg_list *list;       /* a list of texts, or */
	/* rows: a list of mappings without ids, each row's texts by
	 * position: cells[r * nfields + f] is the kit's pointer to row r's
	 * field f (fields[f]); the slot owns cells */
	const kg_tr_row_field *fields;
	size_t nfields, nrows;
	const kg_node ***cells;
} kg_tr_slot;

typedef struct kg_tr_item {
	int sect;
	const char *id;     /* "kit" for the kit */
	const kg_node *at;  /* the source item's id (the kit: its title) */
	const kg_node *src; /* the source item's mapping */
	const char *file;   /* its source file */
	kg_tr_slot *slots;
	size_t nslots, cap;
	char digest[KG_TR_STAMP_LEN + 1];
	const kg_node *tr;   /* the translated item's mapping, or NULL */
	const kg_node *key;  /* its key (the id, or `kit`) */
	const kg_node *from; /* its stamp, or NULL */
	const kg_node *from_empty; /* `from:` with no value: no stamp */
	int drifted;         /* stamped with another digest: stale */
	size_t tr_file;
} kg_tr_item;

typedef struct kg_tr_orphan {
	int sect;
	const kg_node *key;
} kg_tr_orphan;

struct kg_tr {
	const kg_kit *kit;
	char *lang;
	char **files;
	kg_node **roots;
	size_t nfiles;
	kg_tr_item *items;
	size_t nitems;
	kg_tr_orphan *orphans;
	size_t norphans;
	const kg_node *labels; /* a file's `labels:`, or NULL */
	size_t bytes; /* of its files, so far */
};

/* "question", "scenario kind", ... by section. */
extern const char *const kg_tr_what[KG_TR_NSECT];

/* "the kit", "question 'cache-1'", written into buf when needed. */
const char *kg_tr_name(const kg_tr_item *it, char *buf, size_t size);
/* Is the translated item stamped with another digest than its source's? */
int kg_tr_stale(const kg_tr_item *it);
/* The translation's node for the slot, or NULL. */
const kg_node *kg_tr_at(const kg_tr_item *it, const kg_tr_slot *s);
/* The translation's text for row r's field f of a rows slot, or NULL. */
const kg_node *kg_tr_cell(const kg_tr_item *it, const kg_tr_slot *s,
			  size_t r, size_t f);

#endif
