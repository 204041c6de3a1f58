/*
 * check.c - the content rules that span files: every id unique in the
 * kit, every level, area and scenario kind referenced is declared, and each
 * profile weighs every area, with weights summing to 100. A question's
 * panel fields hang together too: an acceptable sample with its reason,
 * code in a language kitgen knows and with a task.
 *
 * The per-file shape (fields, kinds, id syntax) was checked while loading;
 * here a NULL field means that check already reported it. A topic's
 * comparison row is checked here too: its levels are references, and its
 * minutes a range. The loop's behavioural round is one area, named by
 * loop.behavioural_area and marked behavioural: the two agree; phases
 * and round_minutes, when both are given, agree too.
 */
#include "cardfile.h"
#include "decision.h"
#include "kit.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "candidate.h"
#include "fields.h"
#include "labels.h"
#include "outnames.h"
#include "plan.h"
#include "suggest.h"
#include "schema.h"
#include "volume.h"

typedef struct S_ids {
	const kg_node **items;
	size_t n, cap;
} S_ids;

static void S_add(S_ids *ids, const kg_node *id)
{
	if (!id || !kg_id_valid(id->text))
		return;
	KG_GROW(ids->items, ids->cap, ids->n + 1);
	ids->items[ids->n++] = id;
}

typedef struct S_entry {
	const kg_node *id;
	size_t order; /* order of appearance: kit.yaml, topics, scenarios */
} S_entry;

static int S_entry_cmp(const void *a, const void *b)
{
	const S_entry *x = a, *y = b;
	int c = strcmp(x->id->text, y->id->text);

	if (c)
		return c;
	return x->order < y->order ? -1 : x->order > y->order;
}

/* Sort by (id, order) so the first of each run is the one defined first;
 * every later one is an error with a note pointing at the first. */
static size_t S_report_duplicates(const S_ids *ids, kg_diags *d)
{
	S_entry *e = kg_xcalloc(ids->n, sizeof(*e));
	size_t i, first = 0, errors = 0;

	for (i = 0; i < ids->n; i++) {
		e[i].id = ids->items[i];
		e[i].order = i;
	}
	qsort(e, ids->n, sizeof(*e), S_entry_cmp);
	for (i = 1; i < ids->n; i++) {
		if (strcmp(e[first].id->text, e[i].id->text) != 0) {
			first = i;
			continue;
		}
		kg_error(d, e[i].id->mark, "duplicate id '%s'", e[i].id->text);
		kg_note(d, e[first].id->mark, "'%s' is first defined here",
			e[first].id->text);
		errors++;
	}
	free(e);
	return errors;
}

static size_t S_check_ids(const kg_kit *kit, kg_diags *d)
{
	S_ids ids = {NULL, 0, 0};
	size_t i, j, errors;

	S_add(&ids, kit->id);
	for (i = 0; i < kit->nlevels; i++)
		S_add(&ids, kit->levels[i].id);
	for (i = 0; i < kit->nareas; i++)
		S_add(&ids, kit->areas[i].id);
	for (i = 0; i < kit->nkinds; i++)
		S_add(&ids, kit->kinds[i].id);
	for (i = 0; i < kit->nprofiles; i++)
		S_add(&ids, kit->profiles[i].id);
	for (i = 0; i < kit->ntopics; i++) {
		S_add(&ids, kit->topics[i].id);
		for (j = 0; j < kit->topics[i].nquestions; j++)
			S_add(&ids, kit->topics[i].questions[j].id);
	}
	for (i = 0; i < kit->nscenarios; i++)
		S_add(&ids, kit->scenarios[i].id);
	errors = S_report_duplicates(&ids, d);
	free(ids.items);
	return errors;
}

/* The ids a reference may name, gathered once per check. */
typedef struct S_decl {
	kg_names levels, areas, kinds, topics, languages;
} S_decl;

static void S_decl_init(S_decl *decl, const kg_kit *kit)
{
	size_t i;

	memset(decl, 0, sizeof(*decl));
	for (i = 0; i < kit->nlevels; i++)
		kg_names_add(&decl->levels, kit->levels[i].id ? kit->levels[i].id->text : NULL);
	for (i = 0; i < kit->nareas; i++)
		kg_names_add(&decl->areas, kit->areas[i].id ? kit->areas[i].id->text : NULL);
	for (i = 0; i < kit->nkinds; i++)
		kg_names_add(&decl->kinds, kit->kinds[i].id ? kit->kinds[i].id->text : NULL);
	for (i = 0; i < kit->ntopics; i++)
		kg_names_add(&decl->topics, kit->topics[i].id ? kit->topics[i].id->text : NULL);
	for (i = 0; kg_code_languages[i]; i++)
		kg_names_add(&decl->languages, kg_code_languages[i]);
}

static void S_decl_free(S_decl *decl)
{
	kg_names_free(&decl->levels);
	kg_names_free(&decl->areas);
	kg_names_free(&decl->kinds);
	kg_names_free(&decl->topics);
	kg_names_free(&decl->languages);
}

/* Report msg (consumed) at ref, which names none of names: with the
 * closest as "did you mean", or, when none is close, a note listing
 * them under the heading `which` ("declared levels"). */
static size_t S_missing(const kg_node *ref, const kg_names *names,
			const char *which, kg_buf *msg, kg_diags *d)
{
	const char *near = kg_names_closest(names, ref->text);
	kg_buf list = KG_BUF_INIT;

	if (near)
		kg_buf_printf(msg, " (did you mean '%s'?)", near);
	kg_error(d, ref->mark, "%s", msg->ptr);
	if (!near && names->n) {
		kg_names_join(names, 20, &list);
		kg_note(d, ref->mark, "%s: %s", which, list.ptr);
	}
	kg_buf_release(&list);
	kg_buf_release(msg);
	return 1;
}

/* A reference to something kit.yaml must declare: what is "level",
 * "area", ... */
static size_t S_ref(const kg_node *ref, const kg_names *declared,
		    const char *what, kg_diags *d)
{
	kg_buf msg = KG_BUF_INIT, which = KG_BUF_INIT;
	size_t errors;

	if (!ref || !kg_id_valid(ref->text) || kg_names_has(declared, ref->text))
		return 0;
	kg_buf_printf(&msg, "%s '%s' is not declared in kit.yaml", what, ref->text);
	kg_buf_printf(&which, "declared %ss", what);
	errors = S_missing(ref, declared, which.ptr, &msg, d);
	kg_buf_release(&which);
	return errors;
}

/* A topic's row of the comparison table: the levels it suits are
 * declared (the shape check keeps its minutes in range). */
static size_t S_check_comparison(const S_decl *decl, const kg_topic *t,
				 kg_diags *d)
{
	size_t errors = 0, i;

	for (i = 0; i < t->cmp_levels.n; i++)
		errors += S_ref(t->cmp_levels.items[i], &decl->levels, "level", d);
	return errors;
}

/* A question's optional panel fields: declared areas, the acceptable
 * sample with its reason, code in a known language with a task. */
static size_t S_check_question(const S_decl *decl, const kg_question *q,
			       kg_diags *d)
{
	size_t errors = 0, i;

	for (i = 0; i < q->areas.n; i++)
		errors += S_ref(q->areas.items[i], &decl->areas, "area", d);
	if (!q->acceptable_answer != !q->acceptable_because) {
		const kg_node *at = q->acceptable_answer ? q->acceptable_answer
							 : q->acceptable_because;

		kg_error(d, at->mark, "question '%s' gives '%s' without '%s': "
			 "write both, or neither", kg_text(q->id),
			 q->acceptable_answer ? KG_FIELD_ACCEPTABLE_ANSWER
					      : KG_FIELD_ACCEPTABLE_BECAUSE,
			 q->acceptable_answer ? KG_FIELD_ACCEPTABLE_BECAUSE
					      : KG_FIELD_ACCEPTABLE_ANSWER);
		errors++;
	}
	if (q->code_language && kg_id_valid(q->code_language->text) &&
	    !kg_names_has(&decl->languages, q->code_language->text)) {
		kg_buf msg = KG_BUF_INIT;

		kg_buf_printf(&msg, "code language '%s' is not one kitgen knows",
			      q->code_language->text);
		errors += S_missing(q->code_language, &decl->languages,
				    "languages kitgen knows", &msg, d);
	}
	if (q->code_node && !q->task) {
		kg_error(d, q->code_node->mark, "question '%s' has code but no "
			 "'%s': say what the candidate does with it (find the "
			 "bug, review, extend)", kg_text(q->id), KG_FIELD_TASK);
		errors++;
	}
	return errors;
}

static size_t S_check_refs(const kg_kit *kit, const S_decl *decl,
			   kg_diags *d)
{
	size_t errors = 0, i, j;

	for (i = 0; i < kit->ntopics; i++) {
		const kg_topic *t = &kit->topics[i];

		for (j = 0; j < t->areas.n; j++)
			errors += S_ref(t->areas.items[j], &decl->areas, "area", d);
		errors += S_check_comparison(decl, t, d);
		for (j = 0; j < t->nby_level; j++)
			errors += S_ref(t->by_level[j].level, &decl->levels,
					"level", d);
		for (j = 0; j < t->nquestions; j++)
			errors += S_ref(t->questions[j].level, &decl->levels,
					"level", d) +
				  S_check_question(decl, &t->questions[j], d);
	}
	for (i = 0; i < kit->nscenarios; i++) {
		const kg_scenario *sc = &kit->scenarios[i];

		errors += S_ref(sc->kind, &decl->kinds, "scenario kind", d);
		for (j = 0; j < sc->levels.n; j++)
			errors += S_ref(sc->levels.items[j], &decl->levels,
					"level", d);
	}
	errors += S_ref(kit->behavioural_area, &decl->areas, "area", d);
	return errors;
}

static int S_marked_behavioural(const kg_area *a)
{
	return kg_int(a->behavioural, 0) == 1;
}

/* An area marked behavioural that loop.behavioural_area (ref, naming
 * `named`, or NULL) does not name. */
static size_t S_check_marked(const kg_kit *kit, const kg_node *ref,
			     const kg_area *named, kg_diags *d)
{
	size_t i, errors = 0;

	for (i = 0; i < kit->nareas; i++) {
		const kg_area *a = &kit->areas[i];

		if (a == named || !S_marked_behavioural(a))
			continue;
		if (!ref) {
			kg_error(d, a->behavioural->mark, "area '%s' is marked "
				 "behavioural, but loop.behavioural_area does not "
				 "name it: a behavioural round needs both",
				 kg_text(a->id));
			errors++;
			continue;
		}
		if (S_marked_behavioural(named)) {
			kg_error(d, ref->mark, "loop.behavioural_area names area "
				 "'%s', but area '%s' is marked behavioural too: a "
				 "loop has one behavioural round", kg_text(named->id),
				 kg_text(a->id));
			errors++;
		}
		kg_note(d, a->behavioural->mark, "area '%s' is marked "
			"behavioural here", kg_text(a->id));
	}
	return errors;
}

/* loop.behavioural_area names an area marked `behavioural: true`, and
 * an area so marked is the one it names. An undeclared reference was
 * reported with the other references. */
static size_t S_check_behavioural(const kg_kit *kit, kg_diags *d)
{
	const kg_node *ref = kit->behavioural_area;
	const kg_area *named = NULL;
	size_t i, errors = 0;

	if (ref && !kg_id_valid(kg_text(ref)))
		return 0; /* reported by the shape check */
	for (i = 0; ref && i < kit->nareas; i++)
		if (kit->areas[i].id &&
		    strcmp(kit->areas[i].id->text, kg_text(ref)) == 0)
			named = &kit->areas[i];
	if (ref && !named)
		return 0;
	if (named && !S_marked_behavioural(named)) {
		kg_error(d, ref->mark, "loop.behavioural_area names area '%s', "
			 "which is not marked 'behavioural: true'",
			 kg_text(named->id));
		kg_note(d, named->id->mark, "area '%s' is declared here",
			kg_text(named->id));
		errors++;
	}
	return errors + S_check_marked(kit, ref, named, d);
}

/* With both loop.phases and loop.round_minutes, the phases add up to the
 * round: the time box is the phases' sum (plan.h). */
static size_t S_check_phases(const kg_kit *kit, kg_diags *d)
{
	const kg_node *loop = kg_node_get(kit->root, KG_FIELD_LOOP);
	const kg_node *list = kg_node_get(loop, KG_FIELD_PHASES);
	long sum = 0;
	size_t i;

	if (!kit->round_minutes || !kit->round_minutes->number || !list ||
	    kit->nphases == 0)
		return 0;
	for (i = 0; i < kit->nphases; i++) {
		if (!kit->phases[i].minutes || !kit->phases[i].minutes->number)
			return 0; /* reported by the shape check */
		sum += kg_int(kit->phases[i].minutes, 0);
	}
	if (sum == kg_int(kit->round_minutes, 0))
		return 0;
	kg_error(d, kit->round_minutes->mark, "loop.round_minutes is %ld, but "
		 "loop.phases add up to %ld: a round's time box is its "
		 "phases' sum (give one of them, or make them agree)",
		 kg_int(kit->round_minutes, 0), sum);
	kg_note(d, list->mark, "the phases");
	return 1;
}

static size_t S_check_profile(const kg_kit *kit, const S_decl *decl,
			      const kg_profile *p, kg_diags *d)
{
	size_t errors = 0, i, j;
	long sum = 0;
	int complete = 1;

	if (!p->weights_node || p->weights_node->kind != KG_NODE_MAP)
		return 0;
	for (i = 0; i < p->nweights; i++) {
		const kg_weight *w = &p->weights[i];

		errors += S_ref(w->area, &decl->areas, "area", d);
		/* read and range-checked (0..100) by the schema check: at
		 * most KG_MAX_AREAS of them, so the sum cannot overflow */
		if (!w->value->number)
			complete = 0;
		sum += kg_int(w->value, 0);
	}
	for (i = 0; i < kit->nareas; i++) {
		const char *area = kg_text(kit->areas[i].id);
		int found = 0;

		for (j = 0; j < p->nweights; j++)
			found |= strcmp(p->weights[j].area->text, area) == 0;
		if (!found && *area) {
			kg_error(d, p->weights_node->mark,
				 "profile '%s' gives no weight to area '%s'",
				 kg_text(p->id), area);
			errors++;
		}
	}
	if (complete && sum != 100) {
		kg_error(d, p->weights_node->mark,
			 "weights of profile '%s' sum to %ld, not 100",
			 kg_text(p->id), sum);
		errors++;
	}
	for (i = 0; i < p->must_have.n; i++)
		errors += S_ref(p->must_have.items[i], &decl->areas, "area", d);
	return errors;
}

static size_t S_check_pinned_questions(const kg_topic *t, const kg_list *ids,
				       kg_diags *d)
{
	kg_names qs = KG_NAMES_INIT;
	kg_buf which = KG_BUF_INIT;
	size_t errors = 0, i;

	kg_buf_printf(&which, "questions of topic '%s'", kg_text(t->id));

	for (i = 0; i < t->nquestions; i++)
		kg_names_add(&qs, t->questions[i].id ? t->questions[i].id->text : NULL);
	for (i = 0; i < ids->n; i++) {
		kg_buf msg = KG_BUF_INIT;

		if (kg_names_has(&qs, ids->items[i]->text))
			continue;
		kg_buf_printf(&msg, "topic '%s' has no question '%s'",
			      kg_text(t->id), ids->items[i]->text);
		errors += S_missing(ids->items[i], &qs, which.ptr, &msg, d);
	}
	kg_buf_release(&which);
	kg_names_free(&qs);
	return errors;
}

/* A profile's pinned rounds: declared areas, once each, real topics. */
static size_t S_check_pins(const kg_kit *kit, const S_decl *decl,
			   const kg_profile *p, kg_diags *d)
{
	size_t errors = 0, i, j;

	for (i = 0; i < p->npins; i++) {
		const kg_pin *pin = &p->pins[i];
		const kg_topic *t;

		if (!pin->area || !pin->topic)
			continue;
		if (S_ref(pin->area, &decl->areas, "area", d)) {
			errors++;
			continue;
		}
		for (j = 0; j < i; j++)
			if (p->pins[j].area &&
			    strcmp(p->pins[j].area->text, pin->area->text) == 0) {
				kg_error(d, pin->area->mark,
					 "profile '%s' pins area '%s' twice",
					 kg_text(p->id), pin->area->text);
				errors++;
			}
		t = kg_kit_topic(kit, pin->topic->text);
		if (!t) {
			kg_buf msg = KG_BUF_INIT;

			kg_buf_printf(&msg, "topic '%s' does not exist",
				      pin->topic->text);
			errors += S_missing(pin->topic, &decl->topics, "topics",
					    &msg, d);
		} else if (!kg_topic_in_area(t, pin->area->text)) {
			kg_error(d, pin->topic->mark,
				 "topic '%s' does not serve area '%s'",
				 pin->topic->text, pin->area->text);
			errors++;
		} else {
			errors += S_check_pinned_questions(t, &pin->questions, d);
		}
	}
	return errors;
}

/* Every (profile, level) pair must give a full loop plan. */
static size_t S_check_plans(const kg_kit *kit, kg_diags *d)
{
	size_t before = d->errors, i, j;

	for (i = 0; i < kit->nprofiles; i++)
		for (j = 0; j < kit->nlevels; j++) {
			kg_plan plan;

			kg_plan_loop(kit, &kit->profiles[i], &kit->levels[j], &plan, d);
			kg_plan_free(&plan);
		}
	return d->errors - before;
}

size_t kg_kit_check(const kg_kit *kit, kg_diags *d)
{
	size_t errors = S_check_ids(kit, d), i;
	S_decl decl;

	/* Without a readable kit.yaml nothing is declared: reporting every
	 * reference as undeclared would bury the one real problem. */
	if (!kit->root || kit->root->kind != KG_NODE_MAP)
		return errors;
	S_decl_init(&decl, kit);
	errors += S_check_refs(kit, &decl, d);
	errors += kg_labels_check(kit->language, kit->labels_node, d);
	errors += S_check_behavioural(kit, d) + S_check_phases(kit, d);
	for (i = 0; i < kit->nprofiles; i++)
		errors += S_check_profile(kit, &decl, &kit->profiles[i], d) +
			  S_check_pins(kit, &decl, &kit->profiles[i], d);
	S_decl_free(&decl);
	errors += kg_check_output_names(kit, d);
	errors += kg_check_decision(kit, d);
	errors += kg_check_dimensions(kit, d);
	/* plans need every reference sound, or they report the same fault
	 * again in other words */
	if (errors == 0 && d->errors == 0)
		errors += S_check_plans(kit, d);
	if (errors == 0 && d->errors == 0)
		errors += kg_check_candidate_guide(kit, d);
	/* the volume counts what the plans hold: only once all of them fill */
	if (errors == 0 && d->errors == 0)
		errors += kg_check_volume(kit, d);
	return errors;
}
