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
#include "suggest.h"

/* The limits on content, each reported as an error at what passes it
 * (content/README.md lists them with their reasons; yaml_load.h has the
 * per-file size and the nesting depth, volume.h the text all editions
 * hold together). They fit content a person writes for a hiring loop, and
 * bound the work of a check and a build: every edition is a profile at a
 * level, every packet holds a round per area, and a build of the largest
 * kit inside them (bench/worstkit.py) takes a few seconds. */
#define KG_MAX_CONTENT ((size_t)8 << 20)   /* bytes, all files together */
#define KG_MAX_TOPICS 1000                 /* topic files */
#define KG_MAX_QUESTIONS 20                /* questions in one topic */
#define KG_MAX_MD_DEPTH 64                 /* Markdown nesting in a text */
#define KG_MAX_MD_LIST_ITEMS 50            /* items in one Markdown list of a
					      text: the renderers number an
					      ordered list's items in time
					      that grows with its square */
#define KG_MAX_LEVELS 8
#define KG_MAX_AREAS 8                     /* rounds of a loop; also a
					      topic's areas, weights */
#define KG_MAX_PROFILES 12
#define KG_MAX_KINDS 10                    /* scenario kinds */
#define KG_MAX_SCENARIOS 100
#define KG_MAX_HINTS 4                     /* a question's hint ladder */
#define KG_MAX_ITEMS 20                    /* in any other list */
#define KG_MAX_LABELS 500                  /* kit.yaml labels: (each a key of en.yaml) */

/* Bytes in one value, by the kind of its field (content/README.md). */
#define KG_MAX_ID 64
#define KG_MAX_LINE 200
#define KG_MAX_ITEM 1000
#define KG_MAX_TEXT 4000
#define KG_MAX_PROSE 16000

/* The kinds of field. Every text kind is CommonMark, non-empty, and holds
 * no NUL or control character but tab and line feed (yaml_load.h); ids and
 * single lines hold neither a line break (line feed, carriage return,
 * U+0085, U+2028, U+2029) nor a tab. */
typedef enum {
	KG_F_ID,        /* lowercase letters, digits, hyphens; KG_MAX_ID */
	KG_F_LINE,      /* one line: titles, names, labels; KG_MAX_LINE */
	KG_F_ITEM,      /* short text: list items, details, cells; KG_MAX_ITEM */
	KG_F_TEXT,      /* text: prompts, answers, bands; KG_MAX_TEXT */
	KG_F_PROSE,     /* long prose: introduction, guidance; KG_MAX_PROSE */
	KG_F_INT,       /* whole number in decimal, from min to max */
	KG_F_VERSION,   /* MAJOR.MINOR.PATCH */
	KG_F_TEXT_LIST, /* sequence of KG_F_ITEM */
	KG_F_ID_LIST,   /* sequence of ids */
	KG_F_MAP,       /* mapping with the fields of `shape` */
	KG_F_MAP_LIST,  /* sequence of mappings with the fields of `shape` */
	KG_F_INT_MAP,   /* mapping of id to whole number from min to max */
	KG_F_SCORE,     /* a score with two decimals, D.DD; num holds it in
			   hundredths, from min to max (hundredths too) */
	KG_F_BOOL,      /* true or false, plain; num holds 1 or 0 */
	KG_F_LABELS,    /* mapping of label key to a line or to its plural
			   forms (labels.h checks the keys and places) */
	KG_F_ID_MAP     /* mapping of id to a mapping with the fields of
			   `shape` */
} kg_field_kind;

typedef struct kg_shape kg_shape;

typedef struct kg_field {
	const char *name;
	kg_field_kind kind;
	int required;
	const kg_shape *shape; /* KG_F_MAP, KG_F_MAP_LIST, KG_F_ID_MAP */
	size_t min_items;      /* lists: fewer is an error */
	long min, max;         /* KG_F_INT, KG_F_INT_MAP: the range */
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
 * number of errors added to d. A whole number is read here, once: its
 * node's `num` holds the value and `number` is set (kit.h's kg_int reads
 * it), so
 * nothing later parses the text again. A number is plain (unquoted)
 * decimal digits, without a sign or leading zeros ("010" and "0x32" are
 * refused, not read as octal or hex), within its field's range. */
size_t kg_schema_check(kg_node *node, const kg_shape *shape, kg_diags *d);

/* The most bytes a value of the kind may hold (0: no limit of its own). */
size_t kg_field_max_bytes(kg_field_kind kind);

/* The most items the list (or mapping of weights) called `field` may
 * hold: KG_MAX_QUESTIONS for "questions", ..., else KG_MAX_ITEMS. Loading
 * reads no more than that, so the checks across files never walk more. */
size_t kg_schema_max_items(const char *field);

/* How deep the CommonMark tree of text nests: the document is 1, a
 * paragraph in it 2, emphasis in that 3, ... (quotes, lists, emphasis and
 * links all nest). Writers walk prose recursively, so a text may nest at
 * most KG_MAX_MD_DEPTH deep. */
size_t kg_md_depth(const char *text);

/* What bounds the work of writing a text: how deep it nests (as
 * kg_md_depth) and how many items its longest Markdown list has. */
typedef struct kg_md_measure {
	size_t depth;
	size_t list_items;
} kg_md_measure;
kg_md_measure kg_md_measure_text(const char *text);

/* Is s a well-formed id? */
int kg_id_valid(const char *s);


#endif
