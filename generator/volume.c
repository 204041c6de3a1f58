/* volume.c - the text a build repeats, summed over its editions (volume.h)
 *
 * The packet's sum follows packet.c, the guide's compose_candidate.c: what
 * they print, it counts here; keep them in step. Labels and numbers the tool adds are not counted
 * (they are small and the same for every kit). */
#include "volume.h"

#include "fields.h"
#include "plan.h"

/* Every scalar's bytes under node (keys included). */
static size_t S_tree(const kg_node *n)
{
	size_t sum = 0, i;

	if (!n)
		return 0;
	switch (n->kind) {
	case KG_NODE_SCALAR:
		return n->len;
	case KG_NODE_SEQ:
		for (i = 0; i < n->n; i++)
			sum += S_tree(n->items[i]);
		return sum;
	case KG_NODE_MAP:
		for (i = 0; i < n->npairs; i++)
			sum += S_tree(n->pairs[i].key) + S_tree(n->pairs[i].value);
		return sum;
	}
	return 0;
}

static size_t S_list(const kg_list *l)
{
	size_t sum = 0, i;

	for (i = 0; i < l->n; i++)
		sum += S_tree(l->items[i]);
	return sum;
}

static size_t S_question(const kg_question *q)
{
	return S_tree(q->prompt) + S_list(&q->recruiter_cues) +
	       S_tree(q->strong_answer) + S_tree(q->weak_answer) +
	       S_tree(q->weak_because) + S_list(&q->follow_ups) +
	       S_list(&q->hints) + S_tree(q->acceptable_answer) +
	       S_tree(q->acceptable_because) + S_tree(q->code_listing) +
	       S_tree(q->task);
}

/* A topic's part of a guide: what it exposes, its rubric, key, signals. */
static size_t S_topic(const kg_topic *t)
{
	size_t sum = S_tree(t->title) + S_tree(t->exposes) +
		     S_list(&t->clarifying_questions) + S_tree(t->rubric_node) +
		     S_tree(t->key_contains) + S_tree(t->key_tradeoffs) +
		     S_tree(t->key_push_on) + S_list(&t->follow_ups) +
		     S_list(&t->red_flags) + S_tree(t->scenario_prompt), i;

	for (i = 0; i < t->nsignals; i++)
		sum += S_tree(t->signals[i].name) + S_tree(t->signals[i].detail);
	return sum;
}

static size_t S_scenario(const kg_scenario *s)
{
	size_t sum = S_tree(s->title) + S_tree(s->prompt) +
		     S_tree(s->rubric_node) + S_list(&s->red_flags) +
		     S_tree(s->past_behaviour), i;

	for (i = 0; i < s->nsignals; i++)
		sum += S_tree(s->signals[i].name) + S_tree(s->signals[i].detail);
	return sum;
}

/* A round: its area, each piece of material with what the guide shows
 * of it, and a scorecard line each. */
static size_t S_round(const kg_round *r)
{
	size_t sum = S_tree(r->area->title) + S_tree(r->area->description), i, j;

	for (i = 0; i < r->nitems; i++) {
		const kg_item *it = &r->items[i];
		int seen = 0;

		for (j = 0; j < i; j++)
			seen |= it->topic && r->items[j].topic == it->topic;
		if (it->topic && !seen)
			sum += S_topic(it->topic);
		if (it->question)
			sum += S_question(it->question);
		if (it->scenario)
			sum += S_scenario(it->scenario);
		sum += 64; /* its scorecard line */
	}
	return sum;
}

/* A packet, and again its parts (edition.h): the same text once more,
 * and each part's fixed cost (KG_VOLUME_PART). */
static size_t S_packet(const kg_kit *kit, const kg_profile *p,
		       const kg_level *l)
{
	const kg_guidance *g = &kit->guidance;
	kg_diags quiet = KG_DIAGS_INIT; /* a plan that does not fill is
					   check.c's to report */
	kg_plan plan;
	size_t sum = S_tree(p->title) + S_tree(p->rationale) + S_tree(l->title) +
		     S_tree(l->expects) + S_tree(kit->decision_rule) +
		     S_tree(g->calibration_summary) + S_list(&g->borderline) +
		     S_tree(g->evidence_summary) + S_list(&g->good_notes) +
		     S_list(&g->bad_notes), i;

	kg_plan_loop(kit, p, l, &plan, &quiet);
	for (i = 0; i < plan.n; i++)
		sum += S_round(&plan.rounds[i]);
	sum = 2 * sum + (plan.n + 2) * KG_VOLUME_PART;
	kg_plan_free(&plan);
	kg_diags_free(&quiet);
	return sum;
}

/* A candidate's guide: the kit's words to candidates, the level, the
 * areas, the scale and the decision rule (compose_candidate.c). */
static size_t S_guide(const kg_kit *kit, const kg_level *l)
{
	return S_tree(kit->candidate_guide.node) + S_tree(l->title) +
	       S_tree(l->expects) + S_tree(kit->decision_rule) +
	       S_tree(kg_node_get(kit->root, KG_FIELD_AREAS)) +
	       S_tree(kg_node_get(kit->root, KG_FIELD_RATING_SCALE));
}

size_t kg_kit_volume(const kg_kit *kit)
{
	size_t sum = S_tree(kit->root) + S_tree(kit->scenarios_root), i, j;

	for (i = 0; i < kit->ntopic_files; i++)
		sum += S_tree(kit->topic_roots[i]);
	for (i = 0; i < kit->nprofiles; i++)
		for (j = 0; j < kit->nlevels; j++)
			sum += S_packet(kit, &kit->profiles[i], &kit->levels[j]) +
			       S_guide(kit, &kit->levels[j]);
	return sum;
}

size_t kg_check_volume(const kg_kit *kit, kg_diags *d)
{
	size_t volume = kg_kit_volume(kit), tenths;
	const kg_node *at = kg_node_get(kit->root, KG_FIELD_PROFILES);

	if (volume <= KG_MAX_VOLUME)
		return 0;
	tenths = (volume * 10 + (1 << 20) - 1) >> 20; /* rounded up */
	kg_error(d, at ? at->mark : kit->root->mark,
		 "the editions hold %zu.%zu MiB of text together (the "
		 "published kit and %zu panel packets, each repeating its "
		 "rounds' topics, whole and in per-round documents); at most "
		 "%zu MiB: use fewer profiles or levels, or shorter topics",
		 tenths / 10, tenths % 10,
		 kit->nprofiles * kit->nlevels, KG_MAX_VOLUME >> 20);
	return 1;
}
