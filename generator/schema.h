/*
 * schema.h - the content model as data, and the shape check that applies it.
 *
 * A shape lists the fields a mapping may hold, each with its kind and
 * whether it is required. kg_schema_check walks a node against a shape and
 * reports every unknown field (with a "did you mean" hint), missing field,
 * value of the wrong kind, empty text and malformed id, at the offending
 * node. Cross-file rules (unique ids, declared references) are check.c's.
 */
#ifndef KG_SCHEMA_H
#define KG_SCHEMA_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

/* The limits on content, each reported as an error at what passes it
 * (content/README.md lists them with their reasons; node.h has the
 * per-file size and the nesting depth, volume.h the text all editions
 * hold together). They fit content a person writes for a hiring loop, and
 * bound the work of a check and a build: every edition is a profile at a
 * level, every packet holds a round per area, and a build of the largest
 * kit inside them (bench/worstkit.py) takes a few seconds. */
#define KG_MAX_CONTENT ((size_t)8 << 20)   /* bytes, all files together */
#define KG_MAX_TOPICS 500                  /* topic files */
#define KG_MAX_QUESTIONS 20                /* questions in one topic */
#define KG_MAX_TEXT ((size_t)1 << 20)      /* bytes in one text */
#define KG_MAX_MD_DEPTH 64                 /* Markdown nesting in a text */
#define KG_MAX_LEVELS 8
#define KG_MAX_AREAS 8                     /* rounds of a loop; also a
					      topic's areas, weights */
#define KG_MAX_PROFILES 12
#define KG_MAX_KINDS 10                    /* scenario kinds */
#define KG_MAX_SCENARIOS 100
#define KG_MAX_ITEMS 20                    /* in any other list */

typedef enum {
	KG_F_TEXT,      /* non-empty scalar (CommonMark) */
	KG_F_ID,        /* scalar: lowercase letters, digits, hyphens */
	KG_F_INT,       /* integer scalar */
	KG_F_VERSION,   /* MAJOR.MINOR.PATCH */
	KG_F_TEXT_LIST, /* sequence of texts */
	KG_F_ID_LIST,   /* sequence of ids */
	KG_F_MAP,       /* mapping with the fields of `shape` */
	KG_F_MAP_LIST,  /* sequence of mappings with the fields of `shape` */
	KG_F_INT_MAP    /* mapping of id to integer (weights) */
} kg_field_kind;

typedef struct kg_shape kg_shape;

typedef struct kg_field {
	const char *name;
	kg_field_kind kind;
	int required;
	const kg_shape *shape; /* KG_F_MAP and KG_F_MAP_LIST */
	size_t min_items;      /* lists: fewer is an error */
} kg_field;

struct kg_shape {
	const char *what;        /* "topic", "rubric", ... for messages */
	const char *missing_fmt; /* printf format with one %s (the field);
				    NULL: "missing required field '%s'" */
	const kg_field *fields;  /* ends with a {NULL} entry */
};

extern const kg_shape kg_shape_kit;
extern const kg_shape kg_shape_topic;
extern const kg_shape kg_shape_scenarios;

/* Check node against shape (the file's root: `what` names it). Returns the
 * number of errors added to d. */
size_t kg_schema_check(const kg_node *node, const kg_shape *shape, kg_diags *d);

/* The most items the list (or mapping of weights) called `field` may
 * hold: KG_MAX_QUESTIONS for "questions", ..., else KG_MAX_ITEMS. Loading
 * reads no more than that, so the checks across files never walk more. */
size_t kg_schema_max_items(const char *field);

/* How deep the CommonMark tree of text nests: the document is 1, a
 * paragraph in it 2, emphasis in that 3, ... (quotes, lists, emphasis and
 * links all nest). Writers walk prose recursively, so a text may nest at
 * most KG_MAX_MD_DEPTH deep. */
size_t kg_md_depth(const char *text);

/* Is s a well-formed id? */
int kg_id_valid(const char *s);

/* Levenshtein distance, capped: used for "did you mean" hints. */
size_t kg_edit_distance(const char *a, const char *b);

#endif
