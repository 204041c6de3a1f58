/*
 * panel.c - grouping cards by candidate and working out each loop
 * (panel.h).
 */
#include "panel.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

long kg_band_points(const kg_kit *kit, int band)
{
	return kg_int(kit->bands[band].points, 0);
}

static kg_panel *S_find(kg_panels *p, const char *candidate)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (strcmp(p->items[i].candidate, candidate) == 0)
			return &p->items[i];
	return NULL;
}

/* The card of the same round by the same interviewer, if any. */
static const kg_card *S_twin(const kg_panel *p, const kg_card *c)
{
	size_t i;

	for (i = 0; i < p->ncards; i++)
		if (p->cards[i]->round == c->round &&
		    strcmp(p->cards[i]->interviewer, c->interviewer) == 0)
			return p->cards[i];
	return NULL;
}

/* An edition's id as a card names it: "balanced-expert". */
static const char *S_short(const kg_edition *ed)
{
	const char *slash = strrchr(ed->id, '/');

	return slash ? slash + 1 : ed->id;
}

static int S_add(kg_panel *p, const kg_card *c, kg_diags *d)
{
	const kg_card *twin;

	if (p->ed != c->ed) {
		kg_error(d, c->at, "candidate '%s' has cards for two editions, "
			 "'%s' and '%s'", c->candidate, S_short(p->ed), S_short(c->ed));
		kg_note(d, p->cards[0]->at, "the first card for '%s'",
			c->candidate);
		return -1;
	}
	if ((twin = S_twin(p, c))) {
		kg_error(d, c->round_at, "a second card for round %zu of '%s' "
			 "by '%s'", c->round + 1, c->candidate, c->interviewer);
		kg_note(d, twin->round_at, "the first card for that round");
		return -1;
	}
	KG_GROW(p->cards, p->cap, p->ncards + 1);
	p->cards[p->ncards++] = c;
	return 0;
}

static void S_round(const kg_kit *kit, kg_panel *p, size_t r)
{
	kg_round_result *res = &p->rounds[r];
	double lo = 0, hi = 0, sum = 0;
	size_t i;

	for (i = 0; i < p->ncards; i++) {
		const kg_card *c = p->cards[i];
		double pts;

		if (c->round != r)
			continue;
		res->ncards++;
		if (c->overall == KG_NOT_PROBED)
			continue;
		pts = (double)kg_band_points(kit, c->overall);
		if (!res->nrated || pts < lo)
			lo = pts;
		if (!res->nrated || pts > hi)
			hi = pts;
		sum += pts;
		res->nrated++;
	}
	res->score = res->nrated ? sum / (double)res->nrated : 0;
	res->spread = hi - lo;
	p->areas[r].weight = p->plan->rounds[r].weight;
	p->areas[r].must_have = p->plan->rounds[r].must_have;
	p->areas[r].rated = res->nrated > 0;
	p->areas[r].score = res->score;
}

static void S_work_out(const kg_kit *kit, kg_panel *p)
{
	size_t r;

	p->rounds = kg_xcalloc(p->plan->n + 1, sizeof(*p->rounds));
	p->areas = kg_xcalloc(p->plan->n + 1, sizeof(*p->areas));
	for (r = 0; r < p->plan->n; r++)
		S_round(kit, p, r);
	kg_decide(&kit->decision, p->areas, p->plan->n, &p->decided);
}

int kg_panels_of(kg_card_kit *ck, const kg_card *cards, size_t n,
		 kg_panels *out, kg_diags *d)
{
	size_t i, cap = 0;
	int rc = 0;

	memset(out, 0, sizeof(*out));
	for (i = 0; i < n; i++) {
		kg_panel *p = S_find(out, cards[i].candidate);

		if (!p) {
			KG_GROW(out->items, cap, out->n + 1);
			p = &out->items[out->n++];
			memset(p, 0, sizeof(*p));
			p->candidate = cards[i].candidate;
			p->ed = cards[i].ed;
			p->plan = kg_card_kit_plan(ck, p->ed);
		}
		if (S_add(p, &cards[i], d) < 0)
			rc = -1;
	}
	for (i = 0; i < out->n && rc == 0; i++)
		S_work_out(ck->kit, &out->items[i]);
	return rc;
}

void kg_panels_free(kg_panels *p)
{
	size_t i;

	for (i = 0; i < p->n; i++) {
		free(p->items[i].cards);
		free(p->items[i].rounds);
		free(p->items[i].areas);
	}
	free(p->items);
	memset(p, 0, sizeof(*p));
}
