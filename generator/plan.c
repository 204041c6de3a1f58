/* plan.c - choosing the rounds of a loop from weights and levels (see plan.h) */
#include "plan.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

static int S_at_level(const kg_question *q, const kg_level *l)
{
	return strcmp(kg_text(q->level), kg_text(l->id)) == 0;
}

static size_t S_count_at_level(const kg_topic *t, const kg_level *l)
{
	size_t i, n = 0;

	for (i = 0; i < t->nquestions; i++)
		n += S_at_level(&t->questions[i], l);
	return n;
}

static void S_add_question(kg_round *r, const kg_question *q)
{
	r->questions = kg_xrealloc(r->questions,
				   (r->nquestions + 1) * sizeof(*r->questions));
	r->questions[r->nquestions++] = q;
}

static const kg_pin *S_pin(const kg_profile *p, const char *area)
{
	size_t i;

	for (i = 0; i < p->npins; i++)
		if (strcmp(kg_text(p->pins[i].area), area) == 0)
			return &p->pins[i];
	return NULL;
}

/* Fill round r from a pin. */
static int S_pinned(const kg_kit *kit, const kg_profile *p, const kg_level *l,
		    const kg_pin *pin, kg_round *r, kg_diags *d)
{
	const kg_topic *t = kg_kit_topic(kit, kg_text(pin->topic));
	size_t i, j;

	if (!t)
		return kg_error(d, pin->topic->mark, "topic '%s' does not exist",
				kg_text(pin->topic));
	r->topic = t;
	r->minutes = (int)kg_int(pin->minutes, r->minutes);
	for (i = 0; i < pin->questions.n; i++) {
		const kg_node *id = pin->questions.items[i];
		const kg_question *q = NULL;

		for (j = 0; j < t->nquestions; j++)
			if (strcmp(kg_text(t->questions[j].id), id->text) == 0)
				q = &t->questions[j];
		if (!q)
			return kg_error(d, id->mark, "topic '%s' has no question '%s'",
					kg_text(t->id), id->text);
		if (S_at_level(q, l))
			S_add_question(r, q);
	}
	if (pin->questions.n == 0)
		for (j = 0; j < t->nquestions; j++)
			if (S_at_level(&t->questions[j], l))
				S_add_question(r, &t->questions[j]);
	if (r->nquestions == 0)
		return kg_error(d, pin->node->mark,
				"the round pinned for profile '%s' has no "
				"question at level '%s' in topic '%s'",
				kg_text(p->id), kg_text(l->id), kg_text(t->id));
	return 0;
}

static int S_used(const kg_plan *plan, const kg_topic *t)
{
	size_t i;

	for (i = 0; i < plan->n; i++)
		if (plan->rounds[i].topic == t)
			return 1;
	return 0;
}

/* The best unused topic for the area at the level, or NULL. */
static const kg_topic *S_choose(const kg_kit *kit, const kg_plan *plan,
				const char *area, const kg_level *l,
				const kg_profile *p)
{
	const kg_topic *second = NULL;
	size_t i, k;

	for (i = 0; i < kit->ntopics; i++) {
		const kg_topic *t = &kit->topics[i];
		int pinned = 0;

		for (k = 0; k < p->npins; k++)
			pinned |= strcmp(kg_text(p->pins[k].topic), kg_text(t->id)) == 0;
		if (pinned || S_used(plan, t) || !kg_topic_in_area(t, area) ||
		    S_count_at_level(t, l) == 0)
			continue;
		if (strcmp(t->areas.items[0]->text, area) == 0)
			return t;
		if (!second)
			second = t;
	}
	return second;
}

/* No topic can fill the area's round at the level. What is missing is a
 * question in a topic: the error is at the first unused topic of the
 * area (each other one gets a note), with a note at the level in
 * kit.yaml. With no such topic, the error is at the level. -1. */
static int S_no_topic(const kg_kit *kit, const kg_plan *plan, const char *area,
		      const kg_level *l, const kg_profile *p, kg_diags *d)
{
	const kg_topic *first = NULL;
	size_t i;

	for (i = 0; i < kit->ntopics; i++) {
		const kg_topic *t = &kit->topics[i];

		if (S_used(plan, t) || !kg_topic_in_area(t, area) ||
		    S_count_at_level(t, l) > 0 || !t->id)
			continue;
		if (!first)
			kg_error(d, t->id->mark,
				 "topic '%s' has no question at level '%s', which "
				 "profile '%s' needs for its round in area '%s'",
				 kg_text(t->id), kg_text(l->id), kg_text(p->id), area);
		else
			kg_note(d, t->id->mark, "topic '%s' in area '%s' has "
				"none either", kg_text(t->id), area);
		first = first ? first : t;
	}
	if (first)
		kg_note(d, l->id->mark, "level '%s' is declared here", kg_text(l->id));
	else
		kg_error(d, l->id->mark,
			 "level '%s' has too few questions for the rounds of "
			 "profile '%s': no unused topic in area '%s' has a "
			 "question at this level",
			 kg_text(l->id), kg_text(p->id), area);
	return -1;
}

/* Areas by weight, heaviest first; stable for equal weights. */
static size_t *S_round_order(const kg_kit *kit, const kg_profile *p)
{
	size_t *order = kg_xcalloc(kit->nareas, sizeof(*order));
	size_t i, j;

	for (i = 0; i < kit->nareas; i++) {
		int w = kg_profile_weight(p, kg_text(kit->areas[i].id));

		for (j = i; j > 0 && kg_profile_weight(p,
				kg_text(kit->areas[order[j - 1]].id)) < w; j--)
			order[j] = order[j - 1];
		order[j] = i;
	}
	return order;
}

int kg_plan_loop(const kg_kit *kit, const kg_profile *p, const kg_level *l,
		 kg_plan *out, kg_diags *d)
{
	size_t *order = S_round_order(kit, p);
	int minutes = (int)kg_int(kit->round_minutes, KG_DEFAULT_ROUND_MINUTES);
	size_t i;
	int rc = 0;

	out->rounds = kg_xcalloc(kit->nareas, sizeof(*out->rounds));
	out->n = 0;
	/* pinned rounds first, so free choices never take a pinned topic */
	for (i = 0; i < kit->nareas; i++) {
		const kg_area *a = &kit->areas[order[i]];
		const char *area = kg_text(a->id);
		const kg_pin *pin = S_pin(p, area);
		kg_round *r = &out->rounds[out->n];

		memset(r, 0, sizeof(*r));
		r->area = a;
		r->weight = kg_profile_weight(p, area);
		r->must_have = kg_profile_must_have(p, area);
		r->minutes = minutes;
		if (pin) {
			if (S_pinned(kit, p, l, pin, r, d) < 0) {
				rc = -1;
				free(r->questions);
				continue;
			}
			out->n++;
		}
	}
	for (i = 0; i < kit->nareas; i++) {
		const kg_area *a = &kit->areas[order[i]];
		const char *area = kg_text(a->id);
		kg_round *r;
		size_t j;

		if (S_pin(p, area))
			continue;
		r = &out->rounds[out->n];
		memset(r, 0, sizeof(*r));
		r->area = a;
		r->weight = kg_profile_weight(p, area);
		r->must_have = kg_profile_must_have(p, area);
		r->minutes = minutes;
		r->topic = S_choose(kit, out, area, l, p);
		if (!r->topic) {
			rc = S_no_topic(kit, out, area, l, p, d);
			continue;
		}
		for (j = 0; j < r->topic->nquestions; j++)
			if (S_at_level(&r->topic->questions[j], l))
				S_add_question(r, &r->topic->questions[j]);
		out->n++;
	}
	/* present rounds in weight order, pinned or not */
	for (i = 1; i < out->n; i++) {
		kg_round tmp = out->rounds[i];
		size_t j = i;

		while (j > 0 && (out->rounds[j - 1].weight < tmp.weight ||
				 (out->rounds[j - 1].weight == tmp.weight &&
				  out->rounds[j - 1].area > tmp.area))) {
			out->rounds[j] = out->rounds[j - 1];
			j--;
		}
		out->rounds[j] = tmp;
	}
	free(order);
	return rc;
}

void kg_plan_free(kg_plan *plan)
{
	size_t i;

	for (i = 0; i < plan->n; i++)
		free(plan->rounds[i].questions);
	free(plan->rounds);
	plan->rounds = NULL;
	plan->n = 0;
}
