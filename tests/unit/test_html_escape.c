/* test_html_escape.c - the one HTML escaper, as a table: input, output */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "buf.h"
#include "html_escape.h"

static const struct {
	const char *in, *out;
} S_cases[] = {
	{"", ""},
	{"plain text", "plain text"},
	{"a & b", "a &amp; b"},
	{"<script>", "&lt;script&gt;"},
	{"\"quoted\" and 'single'", "&quot;quoted&quot; and &#39;single&#39;"},
	{"&amp; stays text", "&amp;amp; stays text"},
	{"caf\xC3\xA9 \xE2\x80\x94 <", "caf\xC3\xA9 \xE2\x80\x94 &lt;"},
};

static void test_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(S_cases) / sizeof(S_cases[0]); i++) {
		kg_buf out = KG_BUF_INIT;

		kg_buf_puts(&out, "[");
		kg_html_escape(&out, S_cases[i].in, strlen(S_cases[i].in));
		assert_string_equal(out.ptr + 1, S_cases[i].out);
		kg_buf_release(&out);
	}
}

static void test_length_not_nul(void **state)
{
	kg_buf out = KG_BUF_INIT;

	/* len bytes, a NUL among them, nothing after them */
	(void)state;
	kg_html_escape(&out, "a\0<b>", 4);
	assert_int_equal(out.len, 7);
	assert_memory_equal(out.ptr, "a\0&lt;b", 7);
	kg_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_length_not_nul),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
