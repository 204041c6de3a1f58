/* volume.c - the text a build repeats, summed over its editions (volume.h)
 *
 * The packet's sum follows packet.c: what a packet prints, it counts here;
 * keep the two in step. Labels and numbers the tool adds are not counted
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
	       S_tree(q->weak_because) + S_list(&q->follow_ups);
}

/* A round: its area, and its topic's guide and scorecard. */
static size_t S_round(const kg_round *r)
{
	const kg_topic *t = r->topic;
	size_t sum = S_tree(r->area->title) + S_tree(r->area->description) +
		     S_tree(t->title) + S_tree(t->exposes) +
		     S_list(&t->clarifying_questions) + S_tree(t->rubric_node) +
		     S_tree(t->key_contains) + S_tree(t->key_tradeoffs) +
		     S_tree(t->key_push_on) + S_list(&t->follow_ups), i;

	for (i = 0; i < t->nsignals; i++) /* in the guide and the scorecard */
		sum += 2 * (S_tree(t->signals[i].name) +
			    S_tree(t->signals[i].detail));
	for (i = 0; i < r->nquestions; i++)
		sum += S_question(r->questions[i]);
	return sum;
}

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
	kg_plan_free(&plan);
	kg_diags_free(&quiet);
	return sum;
}

size_t kg_kit_volume(const kg_kit *kit)
{
	size_t sum = S_tree(kit->root) + S_tree(kit->scenarios_root), i, j;

	for (i = 0; i < kit->ntopic_files; i++)
		sum += S_tree(kit->topic_roots[i]);
	for (i = 0; i < kit->nprofiles; i++)
		for (j = 0; j < kit->nlevels; j++)
			sum += S_packet(kit, &kit->profiles[i], &kit->levels[j]);
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
		 "the editions hold %zu.%zu MiB of text together (the public "
		 "kit and %zu panel packets, each repeating its rounds' "
		 "topics); at most %zu MiB: use fewer profiles or levels, or "
		 "shorter topics", tenths / 10, tenths % 10,
		 kit->nprofiles * kit->nlevels, KG_MAX_VOLUME >> 20);
	return 1;
}
