/*
 * stats.h - the statistics of calibration: point-biserial correlation and
 * Krippendorff's alpha for ordinal data. Pure functions over arrays; NAN
 * where a figure is undefined (too few values, no variation), which a
 * report shows as "n/a".
 */
#ifndef KG_STATS_H
#define KG_STATS_H

#include <stddef.h>

/* The point-biserial correlation of x with the dichotomy y (0 or 1):
 * Pearson's r of x and y, (M1 - M0) / s * sqrt(p q) with s the
 * population standard deviation of x. NAN when n < 2 or either variable
 * is constant. */
double kg_point_biserial(const double *x, const int *y, size_t n);

/* Krippendorff's alpha for ordinal data. Unit u's values (ranks 0 to
 * k-1) are values[start[u] .. start[u+1]); a unit with fewer than two
 * values is not pairable and counts for nothing. *pairs (when not NULL)
 * is the number of pairs of values within units, sum of m(m-1)/2. NAN
 * when fewer than two pairable values, or all values the same.
 * Krippendorff (2011), "Computing Krippendorff's alpha-reliability". */
double kg_alpha_ordinal(const int *values, const size_t *start,
			size_t nunits, int k, size_t *pairs);

#endif
