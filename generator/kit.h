/*
 * kit.h - the interview kit as loaded from content/: the model every later
 * stage (check, compose, digest, diff, the index page) reads.
 *
 * Every value is the kg_node it came from, so a check can point at it and
 * compose can read its text (kg_text) or number (kg_int). A field that was
 * missing or of the wrong kind is NULL (loading reported it); code that
 * runs after a clean check may rely on every required field being there.
 *
 * load.c reads a content folder into the model (the fields' names are
 * fields.h's, their kinds schema.c's); kit.c has the accessors and
 * kg_kit_free; check.c the rules across files. The kit owns all of its
 * nodes and arrays; kg_kit_free releases them.
 */
#ifndef KG_KIT_H
#define KG_KIT_H

#include <stddef.h>

#include "diag.h"
#include "node.h"

/* The text of a scalar node, "" for NULL. */
const char *kg_text(const kg_node *n);
/* The whole number the schema check read from n (its range is the
 * field's, schema.c), or `fallback` when n is NULL or not a valid number.
 * Nothing parses a number's text again. */
long kg_int(const kg_node *n, long fallback);

typedef struct kg_list {
	const kg_node **items;
	size_t n;
} kg_list;

typedef struct kg_signal {
	const kg_node *name, *detail;
} kg_signal;

enum { KG_BAND_STRONG, KG_BAND_ACCEPTABLE, KG_BAND_WEAK, KG_NBANDS };
extern const char *const kg_band_keys[KG_NBANDS]; /* "strong", ... */

typedef struct kg_rubric {
	const kg_node *band[KG_NBANDS];
} kg_rubric;

typedef struct kg_band {
	const kg_node *label, *points, *definition;
} kg_band;

typedef struct kg_level {
	const kg_node *id, *title, *expects;
} kg_level;

typedef struct kg_area {
	const kg_node *id, *title, *description;
	const kg_node *behavioural; /* optional; kg_int reads 1 for true */
} kg_area;

typedef struct kg_scenario_kind {
	const kg_node *id, *title;
} kg_scenario_kind;

typedef struct kg_weight {
	const kg_node *area; /* the key: an area id */
	const kg_node *value;
} kg_weight;

/* A round of a profile's loop pinned in kit.yaml (`rounds:`). */
typedef struct kg_pin {
	const kg_node *node; /* the round's mapping, for diagnostics */
	const kg_node *area, *topic, *minutes;
	kg_list questions;   /* empty: the topic's questions at the level */
} kg_pin;

typedef struct kg_profile {
	const kg_node *id, *title, *rationale;
	const kg_node *weights_node;
	kg_weight *weights;
	size_t nweights;
	kg_list must_have;
	kg_pin *pins;
	size_t npins;
} kg_profile;

typedef struct kg_topic kg_topic;

/* A level's own bands of a topic's rubric (`by_level`). */
typedef struct kg_level_rubric {
	const kg_node *level; /* the key: a level id */
	kg_rubric rubric;
} kg_level_rubric;

typedef struct kg_question {
	const kg_node *id, *level, *prompt;
	kg_list recruiter_cues;
	const kg_node *strong_answer, *weak_answer, *weak_because;
	kg_list follow_ups;
	/* optional, each NULL or empty when absent */
	const kg_node *minutes;            /* whole number, 1..60 */
	kg_list hints;                     /* 2..4, general to specific */
	const kg_node *acceptable_answer;  /* with acceptable_because, or */
	const kg_node *acceptable_because; /* neither (check.c) */
	kg_list areas;                     /* declared area ids */
	const kg_node *code_node;          /* the code mapping */
	const kg_node *code_language;      /* one of kg_code_languages */
	const kg_node *code_listing;
	const kg_node *task;               /* required with code (check.c) */
	kg_topic *topic;
} kg_question;

struct kg_topic {
	const char *file;
	const kg_node *id, *title, *exposes;
	kg_list areas, clarifying_questions;
	kg_signal *signals;
	size_t nsignals;
	const kg_node *rubric_node;
	kg_rubric rubric;
	const kg_node *by_level_node; /* rubric.by_level, or NULL */
	kg_level_rubric *by_level;
	size_t nby_level;
	const kg_node *key_contains, *key_tradeoffs, *key_push_on;
	const kg_node *red_flags_node;
	kg_list red_flags, follow_ups;
	const kg_node *scenario_title, *scenario_prompt;
	const kg_node *scenario_minutes; /* optional, 5..60: the practical
					    scenario as a round's exercise */
	/* the topic's row of the comparison table; minutes is a whole
	 * number in schema.c's range (5..120) after a clean check */
	const kg_node *cmp_reveals, *cmp_minutes, *cmp_fits, *cmp_watch_for;
	kg_list cmp_levels; /* declared level ids */
	kg_question *questions;
	size_t nquestions;
};

typedef struct kg_scenario {
	const kg_node *id, *kind, *title, *prompt;
	kg_signal *signals;
	size_t nsignals;
	const kg_node *rubric_node;
	kg_rubric rubric;
	const kg_node *red_flags_node;
	kg_list red_flags;
	kg_list levels;                /* optional: declared level ids */
	const kg_node *past_behaviour; /* optional: "tell me about a time" */
	const kg_node *minutes;        /* optional, 5..60: its time in a round */
} kg_scenario;

typedef struct kg_guidance {
	const kg_node *running_a_loop, *scoring;
	const kg_node *evidence_summary;
	kg_list good_notes, bad_notes;
	const kg_node *calibration_summary;
	kg_list borderline;
	const kg_node *bias;
} kg_guidance;

/* The decision rule as values (kit.yaml `decision:`, optional): scores
 * are hundredths (kg_int of a KG_F_SCORE node: 2.25 reads 225). */
typedef struct kg_decision {
	const kg_node *node;       /* the mapping, NULL when kit.yaml has none */
	const kg_node *threshold;  /* hire at or above */
	const kg_node *borderline; /* from here to the threshold: borderline;
				      below: no hire */
	const kg_node *weak_below; /* an area scoring below this is Weak */
	const kg_node *weak_limit; /* more Weak areas than this: no hire */
} kg_decision;

/* What kit.yaml tells candidates (`candidate_guide:`, optional): the
 * prose of the candidate's guides (edition.h). node is NULL when kit.yaml
 * has none; the guides then hold only what the loop, the levels and the
 * rating scale say. */
typedef struct kg_candidate_guide {
	const kg_node *node;
	const kg_node *welcome, *preparing, *adjustments, *after_the_loop;
	const kg_node *contact;         /* optional, a line */
	const kg_node *questions_phase; /* optional: a loop.phases name */
} kg_candidate_guide;

/* A phase of a round (kit.yaml loop.phases). */
typedef struct kg_phase {
	const kg_node *name, *minutes, *what;
} kg_phase;

/* The languages a question's code may be in, NULL-ended. */
extern const char *const kg_code_languages[];

typedef struct kg_kit {
	const char *dir;          /* the content folder, as given */
	char *kit_file;           /* dir/kit.yaml */
	kg_node *root;            /* kit.yaml */
	kg_node **topic_roots;    /* one per topic file, in file-name order */
	char **topic_files;
	size_t ntopic_files;
	char *scenarios_file;
	kg_node *scenarios_root;

	const kg_node *id, *title, *subtitle, *version, *publisher, *licence,
		*introduction, *decision_rule;
	const kg_node *round_minutes; /* loop.round_minutes, or NULL */
	kg_phase *phases;             /* loop.phases (optional) */
	size_t nphases;
	const kg_node *opening_script;   /* loop.opening_script, or NULL */
	const kg_node *behavioural_area; /* loop.behavioural_area, or NULL */
	kg_decision decision;
	const kg_node *paper;         /* paper: a name in the PDF style's papers, or NULL */
	const kg_node *watermark;     /* watermark: a line across interviewer
					 material's pages, or NULL */
	const kg_node *language;      /* a BCP 47 tag, or NULL (English) */
	const kg_node *labels_node;   /* labels: overrides, or NULL */
	/* the words kitgen adds (labels.h), set by a build; NULL: English */
	struct kg_labels *labels;
	kg_band bands[KG_NBANDS];
	kg_level *levels;
	size_t nlevels;
	kg_area *areas;
	size_t nareas;
	kg_scenario_kind *kinds;
	size_t nkinds;
	kg_profile *profiles;
	size_t nprofiles;
	kg_guidance guidance;
	kg_candidate_guide candidate_guide;
	kg_topic *topics;
	size_t ntopics;
	kg_scenario *scenarios;
	size_t nscenarios;

	/* What a translation's overlay added (translate.h): its trees and
	 * the fallback texts (a built sequence), and its files' names. */
	kg_node *owned;
	char **owned_files;
	size_t nowned_files;
} kg_kit;

/* Load dir/kit.yaml, dir/topics/NN-*.yaml (in name order) and
 * dir/scenarios.yaml, checking each file's shape against the content model
 * (fields, kinds, unknown and missing fields, empty text, id syntax).
 * Problems go to d. Returns the kit (possibly incomplete when d has
 * errors), or NULL when the folder itself cannot be read. */
kg_kit *kg_kit_load(const char *dir, kg_diags *d);
/* The same, calling head(kit, ctx) once kit.yaml is read, before the
 * topics: what kit.yaml says (its language) can start work on another
 * core while the rest loads. */
kg_kit *kg_kit_load_with(const char *dir, kg_diags *d,
			 void (*head)(const kg_kit *kit, void *ctx), void *ctx);
void kg_kit_free(kg_kit *kit);

/* The rules that span files: unique ids, declared references, weights.
 * Returns the number of errors added. */
size_t kg_kit_check(const kg_kit *kit, kg_diags *d);

/* What a panel needs that the content lacks (readiness.c): warnings,
 * one per topic and one for the scenarios, at their places. Run it on a
 * kit that checks clean. */
void kg_kit_readiness(const kg_kit *kit, kg_diags *d);

/* Look-ups by id; NULL when absent. */
const kg_level *kg_kit_level(const kg_kit *kit, const char *id);
const kg_area *kg_kit_area(const kg_kit *kit, const char *id);
const kg_profile *kg_kit_profile(const kg_kit *kit, const char *id);
const kg_topic *kg_kit_topic(const kg_kit *kit, const char *id);
/* The weight a profile gives an area (0 when it gives none). */
int kg_profile_weight(const kg_profile *p, const char *area);
/* Is area one of the profile's must-have areas? */
int kg_profile_must_have(const kg_profile *p, const char *area);
/* The rubric a topic's answers are rated on at level l: its by_level
 * bands for l, else its own. */
const kg_rubric *kg_topic_rubric(const kg_topic *t, const kg_level *l);
/* Does the topic serve the area? */
int kg_topic_in_area(const kg_topic *t, const char *area);
/* A question's number in the public kit, Q1 onwards: topics in order,
 * and in a topic its questions by level (kit.yaml's order of levels),
 * then in file order; 0 when q is not the kit's. Packets and cards use
 * the same numbers. */
size_t kg_question_number(const kg_kit *kit, const kg_question *q);

#endif
