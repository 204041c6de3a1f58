/* test_buf.c - unit tests of buf.c: kg_buf_printf formats into the room
 * there is and grows only when the text does not fit; kg_buf_putu
 * writes what "%lu" writes. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"

/* What snprintf writes for the same format, for comparison. */
static void S_expect(const kg_buf *b, size_t from, const char *want)
{
	assert_int_equal(b->len - from, strlen(want));
	assert_memory_equal(b->ptr + from, want, strlen(want));
	assert_int_equal(b->ptr[b->len], '\0');
	assert_true(b->len < b->cap);
}

static void test_printf_into_an_empty_buffer(void **state)
{
	kg_buf b = KG_BUF_INIT;

	(void)state;
	kg_buf_printf(&b, "%d 0 obj", 42);
	S_expect(&b, 0, "42 0 obj");
	kg_buf_release(&b);
}

/* Every length around the room left, after every fill: what does not
 * fit is measured and formatted again, whole. */
static void test_printf_at_every_edge_of_the_room(void **state)
{
	char want[600], text[600];
	size_t fill, n;

	(void)state;
	for (fill = 0; fill < 140; fill += 7) {
		for (n = 0; n < 300; n += 13) {
			kg_buf b = KG_BUF_INIT;
			size_t i;

			for (i = 0; i < fill; i++)
				kg_buf_putc(&b, 'x');
			for (i = 0; i < n; i++)
				text[i] = (char)('a' + i % 26);
			text[n] = '\0';
			snprintf(want, sizeof(want), "<%s|%zu>", text, n);
			kg_buf_printf(&b, "<%s|%zu>", text, n);
			for (i = 0; i < fill; i++)
				assert_int_equal(b.ptr[i], 'x');
			S_expect(&b, fill, want);
			kg_buf_release(&b);
		}
	}
}

static void test_printf_of_nothing_leaves_the_text(void **state)
{
	kg_buf b = KG_BUF_INIT;

	(void)state;
	kg_buf_puts(&b, "abc");
	kg_buf_printf(&b, "%s", "");
	S_expect(&b, 0, "abc");
	kg_buf_release(&b);
}

static void test_putu_writes_what_lu_writes(void **state)
{
	static const unsigned long v[] = {0, 1, 9, 10, 99, 100, 4294967295ul,
					  4294967296ul, ULONG_MAX};
	char want[32];
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++) {
		kg_buf b = KG_BUF_INIT;

		kg_buf_puts(&b, "n=");
		kg_buf_putu(&b, v[i]);
		snprintf(want, sizeof(want), "n=%lu", v[i]);
		S_expect(&b, 0, want);
		kg_buf_release(&b);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_printf_into_an_empty_buffer),
		cmocka_unit_test(test_printf_at_every_edge_of_the_room),
		cmocka_unit_test(test_printf_of_nothing_leaves_the_text),
		cmocka_unit_test(test_putu_writes_what_lu_writes),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
