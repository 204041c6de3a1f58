/*
 * stats.c - point-biserial correlation and Krippendorff's ordinal alpha
 * (stats.h). Alpha goes through the coincidence matrix: o[c][k] counts
 * the ordered pairs of values c, k within a unit, each unit's pairs
 * weighted 1 / (m - 1); n_c are its margins.
 */
#include "stats.h"

#include <math.h>
#include <stdlib.h>

#include "alloc.h"

double kg_point_biserial(const double *x, const int *y, size_t n)
{
	double sx = 0, sy = 0, sxx = 0, syy = 0, sxy = 0, cov, vx, vy;
	size_t i;

	if (n < 2)
		return NAN;
	for (i = 0; i < n; i++) {
		sx += x[i];
		sy += y[i];
		sxx += x[i] * x[i];
		syy += y[i] * y[i];
		sxy += x[i] * y[i];
	}
	cov = sxy - sx * sy / (double)n;
	vx = sxx - sx * sx / (double)n;
	vy = syy - sy * sy / (double)n;
	if (vx <= 1e-12 || vy <= 1e-12)
		return NAN;
	return cov / sqrt(vx * vy);
}

/* The coincidences of one unit added to o (k by k). */
static void S_unit(const int *v, size_t m, int k, double *o)
{
	size_t i, j;

	for (i = 0; i < m; i++)
		for (j = 0; j < m; j++)
			if (i != j)
				o[v[i] * k + v[j]] += 1.0 / (double)(m - 1);
}

/* The ordinal metric: (sum of n_g from c to e, less half of n_c and n_e)^2. */
static double S_delta2(const double *n, int c, int e)
{
	double s = 0;
	int g, lo = c < e ? c : e, hi = c < e ? e : c;

	if (c == e)
		return 0;
	for (g = lo; g <= hi; g++)
		s += n[g];
	s -= (n[c] + n[e]) / 2;
	return s * s;
}

double kg_alpha_ordinal(const int *values, const size_t *start,
			size_t nunits, int k, size_t *pairs)
{
	double *o = kg_xcalloc((size_t)(k * k), sizeof(*o));
	double *nc = kg_xcalloc((size_t)k, sizeof(*nc));
	double n = 0, dobs = 0, dexp = 0, alpha;
	size_t u, npairs = 0;
	int c, e;

	for (u = 0; u < nunits; u++) {
		size_t m = start[u + 1] - start[u];

		if (m < 2)
			continue;
		S_unit(values + start[u], m, k, o);
		npairs += m * (m - 1) / 2;
	}
	for (c = 0; c < k; c++)
		for (e = 0; e < k; e++)
			nc[c] += o[c * k + e];
	for (c = 0; c < k; c++)
		n += nc[c];
	for (c = 0; c < k; c++)
		for (e = 0; e < k; e++) {
			double d2 = S_delta2(nc, c, e);

			dobs += o[c * k + e] * d2;
			dexp += nc[c] * nc[e] * d2;
		}
	alpha = n < 2 || dexp <= 0 ? NAN : 1 - (n - 1) * dobs / dexp;
	free(o);
	free(nc);
	if (pairs)
		*pairs = npairs;
	return alpha;
}
