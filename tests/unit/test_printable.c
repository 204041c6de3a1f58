/* test_printable.c - printable.h: what a terminal would obey is escaped in
 * every argument kg_printable_printf formats, as a table of cases */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "printable.h"

static void S_expect(const char *want, const char *fmt, ...)
{
	kg_buf b = KG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	kg_printable_vprintf(&b, fmt, ap);
	va_end(ap);
	assert_string_equal(b.ptr, want);
	kg_buf_release(&b);
}

static void test_strings_escaped(void **state)
{
	(void)state;
	S_expect("wrote c\\x1b]0;T\\x07/o\n", "wrote %s\n", "c\033]0;T\a/o");
	S_expect("'a\\x0ab'", "'%s'", "a\nb");
	S_expect("C1 \\u009b, DEL \\x7f, bad \\xff", "C1 %s, DEL %s, bad %s",
		 "\xc2\x9b", "\x7f", "\xff");
	S_expect("-\\x01", "-%c", 1);
	S_expect("caf\xc3\xa9 ok", "%s ok", "caf\xc3\xa9");
}

static void test_other_conversions(void **state)
{
	(void)state;
	S_expect("3 files, 1.50 s, 100%", "%zu file%s, %.2f s, %d%%",
		 (size_t)3, "s", 1.5, 100);
	S_expect("[ab   ][  -7][ff][42]", "[%-*s][%4ld][%x][%llu]", 5, "ab", -7L,
		 255u, 42ULL);
	S_expect("[x\\x1b  ]", "[%-7s]", "x\033");
	S_expect("no conversion", "no conversion");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_strings_escaped),
		cmocka_unit_test(test_other_conversions),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
