/* test_json_csv.c - unit tests of json.c and csv.c: a JSON string escapes
 * quotes, backslashes and control characters and keeps UTF-8; compact
 * JSON is laid out one member a line; a CSV field is quoted exactly when
 * RFC 4180 needs it, its quotes doubled. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "buf.h"
#include "csv.h"
#include "json.h"

static void S_json(const char *in, const char *want)
{
	kg_buf b = KG_BUF_INIT;

	kg_json_str(&b, in);
	assert_string_equal(b.ptr, want);
	kg_buf_release(&b);
}

static void test_json_str(void **state)
{
	(void)state;
	S_json("plain", "\"plain\"");
	S_json("say \"hi\" \\ there", "\"say \\\"hi\\\" \\\\ there\"");
	S_json("a\nb\tc\rd", "\"a\\nb\\tc\\rd\"");
	S_json("\x01\x1f", "\"\\u0001\\u001f\"");
	S_json("naïve ☃ 日本", "\"naïve ☃ 日本\"");
}

static void test_json_layout(void **state)
{
	kg_buf b = KG_BUF_INIT, out = KG_BUF_INIT;

	(void)state;
	kg_buf_putc(&b, '{');
	kg_json_sep(&b);
	kg_json_str(&b, "a");
	kg_buf_puts(&b, ":[");
	kg_json_sep(&b);
	kg_buf_puts(&b, "1");
	kg_json_sep(&b);
	kg_json_str(&b, "x,{}:");
	kg_buf_puts(&b, "],");
	kg_json_str(&b, "e");
	kg_buf_puts(&b, ":{}}");
	assert_string_equal(b.ptr, "{\"a\":[1,\"x,{}:\"],\"e\":{}}");
	kg_json_indent(b.ptr, &out);
	assert_string_equal(out.ptr, "{\n  \"a\": [\n    1,\n    \"x,{}:\"\n  ],\n"
				     "  \"e\": {}\n}\n");
	kg_buf_release(&b);
	kg_buf_release(&out);
}

static void test_csv(void **state)
{
	kg_buf b = KG_BUF_INIT;

	(void)state;
	kg_csv_field(&b, "plain text");
	kg_csv_next(&b, "a, b");
	kg_csv_next(&b, "say \"hi\"");
	kg_csv_next(&b, "two\nlines");
	kg_csv_next(&b, NULL);
	kg_csv_next(&b, "cr\r");
	kg_csv_next(&b, "naïve");
	kg_csv_end(&b);
	assert_string_equal(b.ptr, "plain text,\"a, b\",\"say \"\"hi\"\"\","
				   "\"two\nlines\",,\"cr\r\",naïve\r\n");
	kg_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_json_str),
		cmocka_unit_test(test_json_layout),
		cmocka_unit_test(test_csv),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
