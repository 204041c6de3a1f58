/*
 * kit.c - the kit model (kit.h): reading a value's text and number, the
 * look-ups by id, and freeing a kit. Loading it is load.c's.
 */
#include "kit.h"

#include <stdlib.h>
#include <string.h>

#include "fields.h"
#include "labels.h"

const char *const kg_band_keys[KG_NBANDS] = {KG_FIELD_STRONG,
					       KG_FIELD_ACCEPTABLE, KG_FIELD_WEAK};

const char *const kg_code_languages[] = {"python", "go", "java", "sql",
					 NULL};

const char *kg_text(const kg_node *n)
{
	return n && n->kind == KG_NODE_SCALAR ? n->text : "";
}

long kg_int(const kg_node *n, long fallback)
{
	return n && n->kind == KG_NODE_SCALAR && n->number ? n->num : fallback;
}

/* ---- freeing ------------------------------------------------------------- */

static void S_free_topic(kg_topic *t)
{
	size_t i;

	free(t->areas.items);
	free(t->clarifying_questions.items);
	free(t->signals);
	free(t->red_flags.items);
	free(t->follow_ups.items);
	free(t->cmp_levels.items);
	free(t->by_level);
	for (i = 0; i < t->nquestions; i++) {
		free(t->questions[i].recruiter_cues.items);
		free(t->questions[i].follow_ups.items);
		free(t->questions[i].hints.items);
		free(t->questions[i].areas.items);
	}
	free(t->questions);
}

void kg_kit_free(kg_kit *kit)
{
	size_t i;

	if (!kit)
		return;
	kg_labels_free(kit->labels);
	for (i = 0; i < kit->nprofiles; i++) {
		size_t j;

		free(kit->profiles[i].weights);
		free(kit->profiles[i].must_have.items);
		for (j = 0; j < kit->profiles[i].npins; j++)
			free(kit->profiles[i].pins[j].questions.items);
		free(kit->profiles[i].pins);
	}
	free(kit->profiles);
	free(kit->phases);
	free(kit->levels);
	free(kit->areas);
	free(kit->kinds);
	free(kit->guidance.good_notes.items);
	free(kit->guidance.bad_notes.items);
	free(kit->guidance.borderline.items);
	for (i = 0; i < kit->ntopics; i++)
		S_free_topic(&kit->topics[i]);
	free(kit->topics);
	for (i = 0; i < kit->nscenarios; i++) {
		free(kit->scenarios[i].signals);
		free(kit->scenarios[i].red_flags.items);
		free(kit->scenarios[i].levels.items);
	}
	free(kit->scenarios);
	for (i = 0; i < kit->ntopic_files; i++) {
		kg_node_free(kit->topic_roots[i]);
		free(kit->topic_files[i]);
	}
	free(kit->topic_roots);
	free(kit->topic_files);
	kg_node_free(kit->root);
	free(kit->kit_file);
	kg_node_free(kit->scenarios_root);
	kg_node_free(kit->owned);
	for (i = 0; i < kit->nowned_files; i++)
		free(kit->owned_files[i]);
	free(kit->owned_files);
	free(kit->scenarios_file);
	free(kit);
}

/* ---- look-ups ------------------------------------------------------------- */

const kg_level *kg_kit_level(const kg_kit *kit, const char *id)
{
	size_t i;

	for (i = 0; i < kit->nlevels; i++)
		if (strcmp(kg_text(kit->levels[i].id), id) == 0)
			return &kit->levels[i];
	return NULL;
}

const kg_area *kg_kit_area(const kg_kit *kit, const char *id)
{
	size_t i;

	for (i = 0; i < kit->nareas; i++)
		if (strcmp(kg_text(kit->areas[i].id), id) == 0)
			return &kit->areas[i];
	return NULL;
}

const kg_profile *kg_kit_profile(const kg_kit *kit, const char *id)
{
	size_t i;

	for (i = 0; i < kit->nprofiles; i++)
		if (strcmp(kg_text(kit->profiles[i].id), id) == 0)
			return &kit->profiles[i];
	return NULL;
}

const kg_topic *kg_kit_topic(const kg_kit *kit, const char *id)
{
	size_t i;

	for (i = 0; i < kit->ntopics; i++)
		if (strcmp(kg_text(kit->topics[i].id), id) == 0)
			return &kit->topics[i];
	return NULL;
}

int kg_profile_weight(const kg_profile *p, const char *area)
{
	size_t i;

	for (i = 0; i < p->nweights; i++)
		if (strcmp(p->weights[i].area->text, area) == 0)
			return (int)kg_int(p->weights[i].value, 0);
	return 0;
}

static int S_in(const kg_list *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(l->items[i]->text, id) == 0)
			return 1;
	return 0;
}

int kg_profile_must_have(const kg_profile *p, const char *area)
{
	return S_in(&p->must_have, area);
}

int kg_topic_in_area(const kg_topic *t, const char *area)
{
	return S_in(&t->areas, area);
}

/* The place of a question's level in kit.yaml's list (nlevels when the
 * level is not declared). */
static size_t S_level_rank(const kg_kit *kit, const kg_question *q)
{
	size_t l;

	for (l = 0; l < kit->nlevels; l++)
		if (strcmp(kg_text(q->level), kg_text(kit->levels[l].id)) == 0)
			return l;
	return kit->nlevels;
}

size_t kg_question_number(const kg_kit *kit, const kg_question *q)
{
	size_t t, i, n = 0;

	for (t = 0; t < kit->ntopics; t++) {
		const kg_topic *tp = &kit->topics[t];
		size_t rank;

		if (q < tp->questions || q >= tp->questions + tp->nquestions) {
			n += tp->nquestions;
			continue;
		}
		/* in the topic, by level in kit.yaml's order, then file order */
		rank = S_level_rank(kit, q);
		for (i = 0; i < tp->nquestions; i++) {
			size_t r = S_level_rank(kit, &tp->questions[i]);

			n += r < rank || (r == rank && &tp->questions[i] < q);
		}
		return n + 1;
	}
	return 0;
}

const kg_rubric *kg_topic_rubric(const kg_topic *t, const kg_level *l)
{
	size_t i;

	for (i = 0; i < t->nby_level; i++)
		if (strcmp(kg_text(t->by_level[i].level), kg_text(l->id)) == 0)
			return &t->by_level[i].rubric;
	return &t->rubric;
}
