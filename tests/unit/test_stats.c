/* test_stats.c - the statistics of calibrate against worked examples with
 * known answers */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <math.h>

#include "stats.h"

#define CLOSE(a, b, eps) assert_true(fabs((a) - (b)) < (eps))

/* Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
 * section B: four observers, twelve units, values 1-5 with gaps:
 *   A: 1 2 3 3 2 1 4 1 2 . . .
 *   B: 1 2 3 3 2 2 4 1 2 5 . 3
 *   C: . 3 3 3 2 3 4 2 2 5 1 .
 *   D: 1 2 3 3 2 4 4 1 2 5 1 .
 * The paper gives alpha = 0.815 for ordinal data; a direct computation
 * (coincidence matrix, ordinal metric, in Python) gives 0.815388. Units
 * are given by column, values as ranks 0-4. */
static void test_alpha_krippendorff(void **state)
{
	static const int v[] = {
		0, 0, 0,       /* unit 1 */
		1, 1, 2, 1,    /* 2 */
		2, 2, 2, 2,    /* 3 */
		2, 2, 2, 2,    /* 4 */
		1, 1, 1, 1,    /* 5 */
		0, 1, 2, 3,    /* 6 */
		3, 3, 3, 3,    /* 7 */
		0, 0, 1, 0,    /* 8 */
		1, 1, 1, 1,    /* 9 */
		4, 4, 4,       /* 10 */
		0, 0,          /* 11 */
		2              /* 12: one value, not pairable */
	};
	static const size_t start[] = {0, 3, 7, 11, 15, 19, 23, 27, 31, 35,
				       38, 40, 41};
	size_t pairs = 0;
	double a = kg_alpha_ordinal(v, start, 12, 5, &pairs);

	(void)state;
	CLOSE(a, 0.815388, 1e-5);
	/* 3 + 6×8 + 3 + 1 pairs: units of 3, 4 (eight of them), 3 and 2 */
	assert_int_equal(pairs, 3 + 6 * 8 + 3 + 1);
}

static void test_alpha_perfect_and_undefined(void **state)
{
	static const int same[] = {0, 0, 2, 2, 1, 1};
	static const int flat[] = {1, 1, 1, 1};
	static const size_t start3[] = {0, 2, 4, 6};
	static const size_t start2[] = {0, 2, 4};

	(void)state;
	CLOSE(kg_alpha_ordinal(same, start3, 3, 3, NULL), 1.0, 1e-12);
	/* no variation at all: alpha is undefined */
	assert_true(isnan(kg_alpha_ordinal(flat, start2, 2, 3, NULL)));
}

/* x = 1 2 3 3 2, y = 0 0 1 1 0: M1 = 3, M0 = 5/3, s = sqrt(0.56),
 * p = 0.4: (3 - 5/3) / sqrt(0.56) × sqrt(0.24) = 0.872872 */
static void test_point_biserial(void **state)
{
	static const double x[] = {1, 2, 3, 3, 2};
	static const int y[] = {0, 0, 1, 1, 0};
	static const int all[] = {1, 1, 1, 1, 1};

	(void)state;
	CLOSE(kg_point_biserial(x, y, 5), 0.872872, 1e-6);
	assert_true(isnan(kg_point_biserial(x, all, 5)));
	assert_true(isnan(kg_point_biserial(x, y, 1)));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_alpha_krippendorff),
		cmocka_unit_test(test_alpha_perfect_and_undefined),
		cmocka_unit_test(test_point_biserial),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
