/* test_lazylib.c - libqpdf and libmicrohttpd loaded on first use
 * (lazylib.c): every function found, a second load a no-op, and the
 * library's own names calling into it */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "lazylib.h"

static void test_qpdf_loads(void **state)
{
	qpdf_data q;

	(void)state;
	assert_null(kg_lazy_qpdf());
	assert_true(qpdf_init != NULL); /* the name is the loaded pointer */
	assert_true(qpdf_silence_errors != NULL);
	assert_null(kg_lazy_qpdf()); /* once is enough */
	q = qpdf_init();
	assert_non_null(q);
	qpdf_silence_errors(q);
	/* not a PDF: qpdf's error, through the loaded functions */
	assert_true(qpdf_read(q, "/nonexistent/x.pdf", NULL) & QPDF_ERRORS);
	assert_non_null(qpdf_get_error(q));
	qpdf_cleanup(&q);
}

static void test_mhd_loads(void **state)
{
	(void)state;
	assert_null(kg_lazy_mhd());
	assert_true(MHD_start_daemon != NULL);
	assert_true(MHD_stop_daemon != NULL);
	assert_null(kg_lazy_mhd());
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_qpdf_loads),
		cmocka_unit_test(test_mhd_loads),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
