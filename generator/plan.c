/* plan.c - filling the rounds of a loop with material (see plan.h) */
#include "plan.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "labels.h"

/* The material chosen for one area at one level, before any profile. */
typedef struct S_fill {
	const kg_area *area;
	int behavioural;
	kg_item *items;
	size_t n;
	int minutes;
} S_fill;

typedef struct S_levelplan {
	const kg_kit *kit;
	const kg_level *level;
	int main_minutes;
	S_fill *fills;                /* one per area, in kit.yaml's order */
	const kg_question **used;     /* questions taken by some area */
	size_t nused;
	/* the kit's questions at the level, in kit order: the turns below
	 * look for their next question in these, not in every question of
	 * the kit (with a few hundred topics, comparing each question's
	 * level again in every turn was most of a packet's plan) */
	const kg_question **at;
	size_t nat;
} S_levelplan;

static int S_at_level(const kg_question *q, const kg_level *l)
{
	return strcmp(kg_text(q->level), kg_text(l->id)) == 0;
}

const char *kg_question_area(const kg_question *q)
{
	if (q->areas.n > 0)
		return kg_text(q->areas.items[0]);
	if (q->topic && q->topic->areas.n > 0)
		return kg_text(q->topic->areas.items[0]);
	return "";
}

static int S_lists(const kg_list *l, const char *id)
{
	size_t i;

	for (i = 0; i < l->n; i++)
		if (strcmp(kg_text(l->items[i]), id) == 0)
			return 1;
	return 0;
}

static int S_is_behavioural(const kg_kit *kit, const kg_area *a)
{
	if (kit->behavioural_area &&
	    strcmp(kg_text(kit->behavioural_area), kg_text(a->id)) == 0)
		return 1;
	return kg_int(a->behavioural, 0) == 1;
}

static int S_question_minutes(const kg_question *q)
{
	return (int)kg_int(q->minutes, KG_DEFAULT_QUESTION_MINUTES);
}

/* The round's phases, and the main phase's minutes. */
static void S_phases(const kg_kit *kit, int round_minutes, kg_round *r)
{
	size_t i, main = 0;
	int others = 0;

	if (kit->nphases > 0) {
		r->nphases = kit->nphases;
		r->phases = kg_xcalloc(r->nphases, sizeof(*r->phases));
		for (i = 0; i < kit->nphases; i++) {
			r->phases[i].name = kg_text(kit->phases[i].name);
			r->phases[i].what = kg_text(kit->phases[i].what);
			r->phases[i].minutes = (int)kg_int(kit->phases[i].minutes, 5);
			if (r->phases[i].minutes > r->phases[main].minutes)
				main = i;
		}
	} else {
		r->nphases = 3;
		r->phases = kg_xcalloc(3, sizeof(*r->phases));
		/* a kit without loop.phases: the labels' phases (labels.h) */
		r->phases[0].name = kg_label(kit->labels, "phase.opening");
		r->phases[0].what = kg_label(kit->labels, "phase.opening_what");
		r->phases[0].minutes = 5;
		r->phases[1].name = kg_label(kit->labels, "phase.main");
		r->phases[1].what = kg_label(kit->labels, "phase.main_what");
		r->phases[1].minutes = round_minutes - 10;
		r->phases[2].name = kg_label(kit->labels, "phase.questions");
		r->phases[2].what = kg_label(kit->labels, "phase.questions_what");
		r->phases[2].minutes = 5;
		main = 1;
	}
	for (i = 0; i < r->nphases; i++)
		if (i != main)
			others += r->phases[i].minutes;
	/* the main phase takes what the others leave of the time box */
	if (round_minutes - others >= 5)
		r->phases[main].minutes = round_minutes - others;
	r->phases[main].main = 1;
	r->main_minutes = r->phases[main].minutes;
}

static void S_add_item(S_fill *f, kg_item_kind kind, const kg_question *q,
		       const kg_topic *t, const kg_scenario *s, int minutes)
{
	kg_item *it;

	f->items = kg_xrealloc(f->items, (f->n + 1) * sizeof(*f->items));
	it = &f->items[f->n++];
	it->kind = kind;
	it->question = q;
	it->topic = t;
	it->scenario = s;
	it->minutes = minutes;
	f->minutes += minutes;
}

static int S_used(const S_levelplan *lp, const kg_question *q)
{
	size_t i;

	for (i = 0; i < lp->nused; i++)
		if (lp->used[i] == q)
			return 1;
	return 0;
}

/* Is there room for m more minutes in f? */
static int S_room(const S_levelplan *lp, const S_fill *f, int m)
{
	return f->minutes < lp->main_minutes &&
	       f->minutes + m <= lp->main_minutes + KG_PLAN_SLACK_MINUTES;
}

static int S_short(const S_levelplan *lp, const S_fill *f)
{
	return f->minutes < lp->main_minutes - KG_PLAN_SLACK_MINUTES;
}

static void S_take(S_levelplan *lp, S_fill *f, const kg_question *q)
{
	lp->used = kg_xrealloc(lp->used, (lp->nused + 1) * sizeof(*lp->used));
	lp->used[lp->nused++] = q;
	S_add_item(f, KG_ITEM_QUESTION, q, q->topic, NULL, S_question_minutes(q));
}

/* Does question q serve f's area in tier `tier`? 0: it is the question's
 * own area; 1: the question's `areas` list it; 2: the question has no
 * `areas` and its topic lists the area. */
static int S_serves(const kg_question *q, const char *area, int tier)
{
	if (tier == 0)
		return strcmp(kg_question_area(q), area) == 0;
	if (tier == 1)
		return S_lists(&q->areas, area);
	return q->areas.n == 0 && kg_topic_in_area(q->topic, area);
}

/* The first unused question at the level, in kit order, that serves f's
 * area in the tier and fits; NULL when there is none. */
static const kg_question *S_next_question(const S_levelplan *lp,
					  const S_fill *f, int tier)
{
	const char *area = kg_text(f->area->id);
	size_t i;

	for (i = 0; i < lp->nat; i++) {
		const kg_question *q = lp->at[i];

		if (!S_used(lp, q) && S_room(lp, f, S_question_minutes(q)) &&
		    S_serves(q, area, tier))
			return q;
	}
	return NULL;
}

/* A topic's practical scenario as the round's exercise. */
static void S_fill_exercise(S_levelplan *lp, S_fill *f)
{
	const kg_kit *kit = lp->kit;
	const char *area = kg_text(f->area->id);
	size_t i;

	for (i = 0; i < kit->ntopics; i++) {
		const kg_topic *t = &kit->topics[i];
		int m = (int)kg_int(t->scenario_minutes, 0);

		if (m == 0 || t->areas.n == 0 ||
		    strcmp(kg_text(t->areas.items[0]), area) != 0 ||
		    !S_lists(&t->cmp_levels, kg_text(lp->level->id)) ||
		    !S_room(lp, f, m))
			continue;
		S_add_item(f, KG_ITEM_EXERCISE, NULL, t, NULL, m);
		return;
	}
}

/* Has f a scenario of s's kind already? */
static int S_has_kind(const S_fill *f, const kg_scenario *s)
{
	size_t i;

	for (i = 0; i < f->n; i++)
		if (f->items[i].scenario &&
		    strcmp(kg_text(f->items[i].scenario->kind), kg_text(s->kind)) == 0)
			return 1;
	return 0;
}

/* The behavioural round: scenarios at the level, in file order, one of
 * each kind first so a round hears about more than one kind of work. */
static void S_fill_scenarios(S_levelplan *lp, S_fill *f)
{
	const kg_kit *kit = lp->kit;
	size_t i, k;
	int pass;

	for (pass = 0; pass < 2; pass++)
		for (i = 0; i < kit->nscenarios; i++) {
			const kg_scenario *s = &kit->scenarios[i];
			int m = (int)kg_int(s->minutes, KG_DEFAULT_SCENARIO_MINUTES);
			int taken = 0;

			if (s->levels.n > 0 &&
			    !S_lists(&s->levels, kg_text(lp->level->id)))
				continue;
			for (k = 0; k < f->n; k++)
				taken |= f->items[k].scenario == s;
			if (taken || (pass == 0 && S_has_kind(f, s)))
				continue;
			if (S_room(lp, f, m))
				S_add_item(f, KG_ITEM_SCENARIO, NULL, NULL, s, m);
		}
}

/* Fill every area of the kit at level l, pins of p first. */
static void S_levelplan_fill(S_levelplan *lp, const kg_profile *p)
{
	const kg_kit *kit = lp->kit;
	size_t a, k;
	int progress;

	lp->fills = kg_xcalloc(kit->nareas ? kit->nareas : 1, sizeof(*lp->fills));
	for (a = 0; a < kit->nareas; a++) {
		lp->fills[a].area = &kit->areas[a];
		lp->fills[a].behavioural = S_is_behavioural(kit, &kit->areas[a]);
	}
	/* a pin's questions are taken before anything else */
	for (k = 0; p && k < p->npins; k++) {
		const kg_pin *pin = &p->pins[k];
		const kg_topic *t = kg_kit_topic(kit, kg_text(pin->topic));
		S_fill *f = NULL;
		size_t j, n;

		for (a = 0; a < kit->nareas; a++)
			if (strcmp(kg_text(kit->areas[a].id), kg_text(pin->area)) == 0)
				f = &lp->fills[a];
		if (!t || !f)
			continue;
		f->behavioural = 0;
		for (j = 0; j < t->nquestions; j++) {
			const kg_question *q = &t->questions[j];

			if (!S_at_level(q, lp->level) || S_used(lp, q))
				continue;
			for (n = 0; n < pin->questions.n; n++)
				if (strcmp(kg_text(pin->questions.items[n]),
					   kg_text(q->id)) == 0)
					break;
			if (pin->questions.n == 0 || n < pin->questions.n)
				S_take(lp, f, q);
		}
		f->area = NULL; /* filled: the passes below skip it */
		f->behavioural = -1;
	}
	/* Areas take turns, one piece of material a turn, so an area short
	 * of its own questions borrows before the others have taken all. */
	do {
		progress = 0;
		for (a = 0; a < kit->nareas; a++) {
			S_fill *f = &lp->fills[a];
			const kg_question *q = NULL;
			int tier;

			if (!f->area || f->behavioural)
				continue;
			for (tier = 0; tier < 3 && !q; tier++)
				if (tier == 0 || S_short(lp, f))
					q = S_next_question(lp, f, tier);
			if (q) {
				S_take(lp, f, q);
				progress = 1;
			}
		}
	} while (progress);
	for (a = 0; a < kit->nareas; a++)
		if (lp->fills[a].area && !lp->fills[a].behavioural &&
		    S_short(lp, &lp->fills[a]))
			S_fill_exercise(lp, &lp->fills[a]);
	for (a = 0; a < kit->nareas; a++) {
		if (lp->fills[a].behavioural == -1)
			lp->fills[a].area = &kit->areas[a];
		if (lp->fills[a].behavioural == 1)
			S_fill_scenarios(lp, &lp->fills[a]);
	}
}

static void S_levelplan_free(S_levelplan *lp)
{
	size_t a;

	for (a = 0; a < lp->kit->nareas; a++)
		free(lp->fills[a].items);
	free(lp->fills);
	free(lp->used);
	free(lp->at);
}

static char *S_dim_id(const kg_item *it)
{
	kg_buf b = KG_BUF_INIT;

	if (it->kind == KG_ITEM_QUESTION)
		kg_buf_puts(&b, kg_text(it->question->id));
	else if (it->kind == KG_ITEM_EXERCISE)
		kg_buf_printf(&b, "%s-scenario", kg_text(it->topic->id));
	else
		kg_buf_puts(&b, kg_text(it->scenario->id));
	return kg_buf_detach(&b, NULL);
}

/* Move f's material into round r (f is emptied). */
static void S_round_take(kg_round *r, S_fill *f)
{
	size_t i;

	r->items = f->items;
	r->nitems = f->n;
	r->filled = f->minutes;
	f->items = NULL;
	f->n = 0;
	r->dims = kg_xcalloc(r->nitems ? r->nitems : 1, sizeof(*r->dims));
	r->ndims = r->nitems;
	r->questions = kg_xcalloc(r->nitems ? r->nitems : 1,
				  sizeof(*r->questions));
	for (i = 0; i < r->nitems; i++) {
		r->dims[i].id = S_dim_id(&r->items[i]);
		r->dims[i].item = &r->items[i];
		if (r->items[i].kind == KG_ITEM_QUESTION)
			r->questions[r->nquestions++] = r->items[i].question;
	}
}

static const kg_pin *S_pin(const kg_profile *p, const char *area)
{
	size_t i;

	for (i = 0; i < p->npins; i++)
		if (strcmp(kg_text(p->pins[i].area), area) == 0)
			return &p->pins[i];
	return NULL;
}

/* A pin that names what does not exist, or gives nothing at the level. */
static int S_check_pin(const kg_kit *kit, const kg_profile *p,
		       const kg_level *l, const kg_pin *pin, const kg_round *r,
		       kg_diags *d)
{
	const kg_topic *t = kg_kit_topic(kit, kg_text(pin->topic));
	size_t i, j;

	if (!t)
		return kg_error(d, pin->topic->mark, "topic '%s' does not exist",
				kg_text(pin->topic));
	for (i = 0; i < pin->questions.n; i++) {
		const kg_node *id = pin->questions.items[i];

		for (j = 0; j < t->nquestions; j++)
			if (strcmp(kg_text(t->questions[j].id), id->text) == 0)
				break;
		if (j == t->nquestions)
			return kg_error(d, id->mark, "topic '%s' has no question '%s'",
					kg_text(t->id), id->text);
	}
	if (r->nitems == 0)
		return kg_error(d, pin->node->mark,
				"the round pinned for profile '%s' has no "
				"question at level '%s' in topic '%s'",
				kg_text(p->id), kg_text(l->id), kg_text(t->id));
	return 0;
}

/* No material at all for an area's round at the level: -1. */
static int S_no_material(const kg_kit *kit, const kg_round *r,
			 const kg_level *l, const kg_profile *p, kg_diags *d)
{
	const char *area = kg_text(r->area->id);

	if (r->behavioural)
		return kg_error(d, l->id->mark,
				"level '%s' has no scenario for the behavioural "
				"round of profile '%s' (area '%s'): give a "
				"scenario this level in its 'levels'",
				kg_text(l->id), kg_text(p->id), area);
	(void)kit;
	return kg_error(d, l->id->mark,
			"level '%s' has too few questions for the rounds of "
			"profile '%s': no question at this level tests area "
			"'%s' (a question's own area is its first 'areas', or "
			"its topic's first)",
			kg_text(l->id), kg_text(p->id), area);
}

/* A round's time box: the sum of loop.phases when the kit gives them,
 * else loop.round_minutes. */
static int S_round_minutes(const kg_kit *kit)
{
	size_t i;
	int sum = 0;

	if (kit->nphases == 0)
		return (int)kg_int(kit->round_minutes, KG_DEFAULT_ROUND_MINUTES);
	for (i = 0; i < kit->nphases; i++)
		sum += (int)kg_int(kit->phases[i].minutes, 0);
	return sum;
}

static void S_levelplan_init(S_levelplan *lp, const kg_kit *kit,
			     const kg_level *l, int main_minutes)
{
	size_t i, j, n = 0;

	memset(lp, 0, sizeof(*lp));
	lp->kit = kit;
	lp->level = l;
	lp->main_minutes = main_minutes;
	for (i = 0; i < kit->ntopics; i++)
		n += kit->topics[i].nquestions;
	lp->at = kg_xcalloc(n ? n : 1, sizeof(*lp->at));
	for (i = 0; i < kit->ntopics; i++)
		for (j = 0; j < kit->topics[i].nquestions; j++)
			if (S_at_level(&kit->topics[i].questions[j], l))
				lp->at[lp->nat++] = &kit->topics[i].questions[j];
}

size_t kg_plan_round_areas(const kg_kit *kit, const kg_profile *p,
			   const kg_area **out)
{
	size_t a, i, n = 0;

	for (a = 0; a < kit->nareas; a++) {
		const kg_area *area = &kit->areas[a];
		int w = kg_profile_weight(p, kg_text(area->id));

		if (w <= 0)
			continue;
		/* heaviest first; equal weights in kit.yaml's order */
		for (i = n; i > 0 && kg_profile_weight(p, kg_text(out[i - 1]->id)) < w;
		     i--)
			out[i] = out[i - 1];
		out[i] = area;
		n++;
	}
	return n;
}

int kg_plan_loop(const kg_kit *kit, const kg_profile *p, const kg_level *l,
		 kg_plan *out, kg_diags *d)
{
	int minutes = S_round_minutes(kit);
	const kg_area **order;
	S_levelplan lp;
	kg_round probe;
	size_t k, n, i;
	int rc = 0;

	memset(&probe, 0, sizeof(probe));
	S_phases(kit, minutes, &probe);
	S_levelplan_init(&lp, kit, l, probe.main_minutes);
	free(probe.phases);
	S_levelplan_fill(&lp, p);

	order = kg_xcalloc(kit->nareas ? kit->nareas : 1, sizeof(*order));
	n = kg_plan_round_areas(kit, p, order);
	out->rounds = kg_xcalloc(kit->nareas ? kit->nareas : 1,
				 sizeof(*out->rounds));
	out->n = 0;
	for (k = 0; k < n; k++) { /* in the order the rounds are presented */
		const kg_area *area = order[k];
		size_t a = (size_t)(area - kit->areas);
		const kg_pin *pin = S_pin(p, kg_text(area->id));
		kg_round *r = &out->rounds[out->n];

		memset(r, 0, sizeof(*r));
		r->area = area;
		r->weight = kg_profile_weight(p, kg_text(area->id));
		r->must_have = kg_profile_must_have(p, kg_text(area->id));
		r->behavioural = lp.fills[a].behavioural == 1;
		r->minutes = pin ? (int)kg_int(pin->minutes, minutes) : minutes;
		S_phases(kit, r->minutes, r);
		S_round_take(r, &lp.fills[a]);
		if (pin ? S_check_pin(kit, p, l, pin, r, d) < 0
			: r->nitems == 0 && S_no_material(kit, r, l, p, d) < 0) {
			rc = -1;
			free(r->phases);
			for (i = 0; i < r->ndims; i++)
				free(r->dims[i].id);
			free(r->dims);
			free(r->items);
			free(r->questions);
			continue;
		}
		out->n++;
	}
	free(order);
	S_levelplan_free(&lp);
	return rc;
}

void kg_plan_free(kg_plan *plan)
{
	size_t i, k;

	for (i = 0; i < plan->n; i++) {
		kg_round *r = &plan->rounds[i];

		for (k = 0; k < r->ndims; k++)
			free(r->dims[k].id);
		free(r->dims);
		free(r->items);
		free(r->questions);
		free(r->phases);
	}
	free(plan->rounds);
	plan->rounds = NULL;
	plan->n = 0;
}

/* The shortfall warning of area a at level l, over the plans of every
 * profile at that level (one each, in kit.yaml's order): 1 when some
 * profile's round for a falls short, else 0. */
static size_t S_shortfall(const kg_kit *kit, const kg_plan *plans,
			  const kg_level *l, const kg_area *a, kg_diags *d)
{
	kg_buf profiles = KG_BUF_INIT;
	int filled = 0, main = 0;
	size_t p, i, n = 0;

	for (p = 0; p < kit->nprofiles; p++)
		for (i = 0; i < plans[p].n; i++) {
			const kg_round *r = &plans[p].rounds[i];

			if (r->area != a ||
			    r->filled >= r->main_minutes - KG_PLAN_SLACK_MINUTES)
				continue;
			kg_buf_printf(&profiles, "%s'%s'", n++ ? ", " : "",
				      kg_text(kit->profiles[p].id));
			filled = r->filled;
			main = r->main_minutes;
		}
	if (n > 0 && a->id)
		kg_warning(d, a->id->mark,
			   "at level '%s' the round for area '%s' has %d of its "
			   "%d minutes of material, %d missing (profile%s %s): "
			   "add %s at this level", kg_text(l->id), kg_text(a->id),
			   filled, main, main - filled, n > 1 ? "s" : "",
			   profiles.ptr,
			   S_is_behavioural(kit, a)
				   ? "scenarios"
				   : "questions whose own area is this one");
	kg_buf_release(&profiles);
	return n > 0 && a->id;
}

/* Each (profile, level) is planned once, not once per area. */
size_t kg_plan_shortfalls(const kg_kit *kit, kg_diags *d)
{
	kg_plan *plans = kg_xcalloc(kit->nprofiles ? kit->nprofiles : 1,
				    sizeof(*plans));
	size_t l, a, p, warnings = 0;

	for (l = 0; l < kit->nlevels; l++) {
		for (p = 0; p < kit->nprofiles; p++) {
			kg_diags quiet = KG_DIAGS_INIT;

			kg_plan_loop(kit, &kit->profiles[p], &kit->levels[l],
				     &plans[p], &quiet);
			kg_diags_free(&quiet);
		}
		for (a = 0; a < kit->nareas; a++)
			warnings += S_shortfall(kit, plans, &kit->levels[l],
						&kit->areas[a], d);
		for (p = 0; p < kit->nprofiles; p++)
			kg_plan_free(&plans[p]);
	}
	free(plans);
	return warnings;
}

const kg_question **kg_plan_unused(const kg_kit *kit, const kg_plan *plan,
				   const kg_level *l, const kg_area *area,
				   size_t *n)
{
	const kg_question **out = NULL;
	size_t t, j, i, k;

	*n = 0;
	for (t = 0; t < kit->ntopics; t++)
		for (j = 0; j < kit->topics[t].nquestions; j++) {
			const kg_question *q = &kit->topics[t].questions[j];
			int used = 0;

			if (!S_at_level(q, l) ||
			    strcmp(kg_question_area(q), kg_text(area->id)) != 0)
				continue;
			for (i = 0; i < plan->n && !used; i++)
				for (k = 0; k < plan->rounds[i].nquestions; k++)
					used |= plan->rounds[i].questions[k] == q;
			if (used)
				continue;
			out = kg_xrealloc(out, (*n + 1) * sizeof(*out));
			out[(*n)++] = q;
		}
	return out;
}

char *kg_dim_label(const kg_kit *kit, const kg_dim *dim)
{
	const kg_item *it = dim->item;
	kg_buf b = KG_BUF_INIT;

	if (it->kind == KG_ITEM_QUESTION) {
		char num[24], *q;

		snprintf(num, sizeof(num), "%zu", kg_question_number(kit, it->question));
		q = kg_label_dup(kit->labels, "common.question_number", "number",
				 num, NULL);
		kg_label_field(&b, kit->labels, q, kg_text(it->topic->title));
		free(q);
	} else if (it->kind == KG_ITEM_EXERCISE)
		kg_label_put(&b, kit->labels, "packet.exercise_item", "title",
			     kg_text(it->topic->scenario_title), NULL);
	else
		kg_buf_puts(&b, kg_text(it->scenario->title));
	return kg_buf_detach(&b, NULL);
}
