/*
 * calib.c - the figures of a calibration report (calib.h). One pass over
 * the candidates' loops fills an accumulator per question and per
 * dimension; the statistics are worked out from those at the end.
 */
#include "calib.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "panel.h"
#include "stats.h"

typedef struct S_acc {
	double *x;        /* points of decided cards */
	int *y;           /* their candidates' decisions, 1 hire */
	size_t n, xcap, ycap;
	int *v;           /* alpha's values (ranks), unit by unit */
	size_t nv, vcap;
	size_t *start;    /* alpha's units: where each begins in v */
	size_t nunits, scap;
} S_acc;

typedef struct S_run {
	const kg_kit *kit;
	kg_calibration *out;
	S_acc *acc;       /* out->nrows, then one for the overall alpha */
	size_t *qbase;    /* per topic: its first question's row */
} S_run;

/* Ranks for alpha: weak 0, acceptable 1, strong 2. */
static int S_rank(int band)
{
	return KG_NBANDS - 1 - band;
}

static void S_point(const S_run *run, S_acc *a, int band, int y)
{
	if (band == KG_NOT_PROBED || y < 0)
		return;
	KG_GROW(a->x, a->xcap, a->n + 1);
	KG_GROW(a->y, a->ycap, a->n + 1);
	a->x[a->n] = (double)kg_band_points(run->kit, band);
	a->y[a->n++] = y;
}

/* One unit of alpha: the bands of a round's cards (not probed left out). */
static void S_unit(S_acc *a, const int *bands, size_t m)
{
	size_t i, rated = 0;

	for (i = 0; i < m; i++)
		rated += bands[i] != KG_NOT_PROBED;
	if (rated < 2)
		return;
	KG_GROW(a->start, a->scap, a->nunits + 2);
	a->start[a->nunits++] = a->nv;
	for (i = 0; i < m; i++)
		if (bands[i] != KG_NOT_PROBED) {
			KG_GROW(a->v, a->vcap, a->nv + 1);
			a->v[a->nv++] = S_rank(bands[i]);
		}
	a->start[a->nunits] = a->nv;
}

/* A row's figures from one round: its cards' bands for the row. */
static void S_row(S_run *run, size_t row, const int *bands, size_t m, int y)
{
	size_t i;

	for (i = 0; i < m; i++) {
		run->out->rows[row].count[bands[i]]++;
		S_point(run, &run->acc[row], bands[i], y);
	}
	S_unit(&run->acc[row], bands, m);
}

/* The row of a scorecard line. */
static size_t S_line_row(const S_run *run, const kg_item *it)
{
	const kg_kit *kit = run->kit;

	if (it->kind == KG_ITEM_QUESTION) {
		size_t t = (size_t)(it->topic - kit->topics);

		return run->qbase[t] + (size_t)(it->question - it->topic->questions);
	}
	if (it->kind == KG_ITEM_EXERCISE)
		return run->out->nquestions + (size_t)(it->topic - kit->topics);
	return run->out->nquestions + kit->ntopics +
	       (size_t)(it->scenario - kit->scenarios);
}

static void S_round(S_run *run, const kg_panel *p, size_t r, int y)
{
	const kg_round *rd = &p->plan->rounds[r];
	int *bands = kg_xcalloc(p->ncards + 1, sizeof(*bands));
	size_t i, k, m = 0;

	for (i = 0; i < p->ncards; i++)
		if (p->cards[i]->round == r)
			bands[m++] = p->cards[i]->overall;
	if (m)
		S_unit(&run->acc[run->out->nrows], bands, m);
	for (k = 0; k < rd->ndims && m; k++) {
		size_t n = 0;

		for (i = 0; i < p->ncards; i++)
			if (p->cards[i]->round == r)
				bands[n++] = p->cards[i]->rating[k];
		S_row(run, S_line_row(run, rd->dims[k].item), bands, n, y);
	}
	free(bands);
}

static int S_decision(const kg_panel *p)
{
	switch (p->decided.verdict) {
	case KG_DECIDE_HIRE: return 1;
	case KG_DECIDE_NO_HIRE: return 0;
	default: return -1;
	}
}

/* Rows for every question of every topic, then every topic's practical
 * scenario, then every behavioural scenario: one per line a scorecard
 * can print. */
static void S_rows(S_run *run)
{
	const kg_kit *kit = run->kit;
	kg_calibration *out = run->out;
	size_t t, j, nq = 0, row = 0;

	run->qbase = kg_xcalloc(kit->ntopics + 1, sizeof(size_t));
	for (t = 0; t < kit->ntopics; t++) {
		run->qbase[t] = nq;
		nq += kit->topics[t].nquestions;
	}
	out->nquestions = nq;
	out->nrows = nq + kit->ntopics + kit->nscenarios;
	out->rows = kg_xcalloc(out->nrows + 1, sizeof(*out->rows));
	run->acc = kg_xcalloc(out->nrows + 1, sizeof(*run->acc));
	for (t = 0; t < kit->ntopics; t++)
		for (j = 0; j < kit->topics[t].nquestions; j++, row++) {
			out->rows[row].topic = &kit->topics[t];
			out->rows[row].question = &kit->topics[t].questions[j];
		}
	for (t = 0; t < kit->ntopics; t++, row++)
		out->rows[row].topic = &kit->topics[t];
	for (t = 0; t < kit->nscenarios; t++, row++)
		out->rows[row].scenario = &kit->scenarios[t];
}

static void S_figures(kg_cal_row *row, S_acc *a)
{
	row->r = kg_point_biserial(a->x, a->y, a->n);
	row->rn = a->n;
	row->alpha = kg_alpha_ordinal(a->v, a->start, a->nunits, KG_NBANDS,
				      &row->pairs);
	if (a->n < KG_CAL_MIN_N)
		row->flag = KG_CAL_TOO_FEW;
	else if (isnan(row->r) || row->r < KG_CAL_SEPARATES)
		row->flag = KG_CAL_NO_SEPARATION;
	else
		row->flag = KG_CAL_OK;
	free(a->x);
	free(a->y);
	free(a->v);
	free(a->start);
}

/* Drop the rows no card touched, keeping the order. */
static void S_compact(kg_calibration *out)
{
	size_t i, n = 0, nq = 0;

	for (i = 0; i < out->nrows; i++) {
		const kg_cal_row *r = &out->rows[i];
		size_t total = 0, b;

		for (b = 0; b <= KG_NBANDS; b++)
			total += r->count[b];
		if (!total)
			continue;
		nq += i < out->nquestions;
		out->rows[n++] = *r;
	}
	out->nrows = n;
	out->nquestions = nq;
}

/* ---- leniency ------------------------------------------------------------ */

typedef struct S_lean {
	const char *name;
	int has;     /* the rest of the panel rated the candidate */
	double lean; /* points above the rest's mean */
} S_lean;

static int S_lean_cmp(const void *a, const void *b)
{
	return strcmp(((const S_lean *)a)->name, ((const S_lean *)b)->name);
}

/* One entry per card with an overall band: its points against the mean
 * of the candidate's other rated cards. */
static size_t S_leans(const kg_kit *kit, const kg_panels *ps, S_lean *l)
{
	size_t i, j, n = 0;

	for (i = 0; i < ps->n; i++) {
		const kg_panel *p = &ps->items[i];
		double sum = 0;
		size_t cnt = 0;

		for (j = 0; j < p->ncards; j++)
			if (p->cards[j]->overall != KG_NOT_PROBED) {
				sum += (double)kg_band_points(kit, p->cards[j]->overall);
				cnt++;
			}
		for (j = 0; j < p->ncards; j++) {
			double pts;

			if (p->cards[j]->overall == KG_NOT_PROBED)
				continue;
			pts = (double)kg_band_points(kit, p->cards[j]->overall);
			l[n].name = p->cards[j]->interviewer;
			l[n].has = cnt > 1;
			l[n++].lean = cnt > 1 ? pts - (sum - pts) / (double)(cnt - 1) : 0;
		}
	}
	return n;
}

static void S_raters(const kg_kit *kit, const kg_panels *ps, size_t ncards,
		     kg_calibration *out)
{
	S_lean *l = kg_xcalloc(ncards + 1, sizeof(*l));
	size_t n = S_leans(kit, ps, l), i, cap = 0;

	qsort(l, n, sizeof(*l), S_lean_cmp);
	for (i = 0; i < n; i++) {
		kg_cal_rater *r;

		if (!out->nraters || strcmp(out->raters[out->nraters - 1].name,
					    l[i].name) != 0) {
			KG_GROW(out->raters, cap, out->nraters + 1);
			r = &out->raters[out->nraters++];
			memset(r, 0, sizeof(*r));
			r->name = l[i].name;
		}
		r = &out->raters[out->nraters - 1];
		r->cards++;
		if (l[i].has) {
			r->lean += l[i].lean;
			r->n++;
		}
	}
	for (i = 0; i < out->nraters; i++)
		out->raters[i].lean = out->raters[i].n
			? out->raters[i].lean / (double)out->raters[i].n : NAN;
	free(l);
}

int kg_calibrate(kg_card_kit *ck, const kg_card *cards, size_t n,
		 kg_calibration *out, kg_diags *d)
{
	S_run run = {ck->kit, out, NULL, NULL};
	kg_panels ps;
	kg_cal_row overall;
	size_t i, r;

	memset(out, 0, sizeof(*out));
	if (kg_panels_of(ck, cards, n, &ps, d) < 0) {
		kg_panels_free(&ps);
		return -1;
	}
	S_rows(&run);
	for (i = 0; i < ps.n; i++) {
		int y = S_decision(&ps.items[i]);

		out->hires += y == 1;
		out->no_hires += y == 0;
		for (r = 0; r < ps.items[i].plan->n; r++)
			S_round(&run, &ps.items[i], r, y);
	}
	for (i = 0; i < out->nrows; i++)
		S_figures(&out->rows[i], &run.acc[i]);
	S_figures(&overall, &run.acc[out->nrows]);
	out->alpha = overall.alpha;
	out->pairs = overall.pairs;
	S_compact(out);
	out->ncards = n;
	out->ncandidates = ps.n;
	S_raters(ck->kit, &ps, n, out);
	kg_panels_free(&ps);
	free(run.acc);
	free(run.qbase);
	return 0;
}

void kg_calibration_free(kg_calibration *c)
{
	free(c->rows);
	free(c->raters);
	memset(c, 0, sizeof(*c));
}
