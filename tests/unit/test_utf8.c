/* test_utf8.c - the one UTF-8 decoder (utf8.h), as a table of byte
 * sequences: what decode, next and next_bmp make of each, and how far
 * next steps over what is not UTF-8 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <string.h>

#include "utf8.h"

#define BAD KG_UTF8_REPLACEMENT

static const struct {
	const char *name;
	const char *bytes;
	size_t decode;     /* kg_utf8_decode's length; 0: invalid */
	uint32_t next;     /* kg_utf8_next's character */
	size_t step;       /* how far kg_utf8_next advances */
	uint32_t bmp;      /* kg_utf8_next_bmp's character */
} S_cases[] = {
	{"ascii", "a", 1, 'a', 1, 'a'},
	{"two bytes", "\xC3\xA9", 2, 0xE9, 2, 0xE9},
	{"three bytes", "\xE2\x80\x94", 3, 0x2014, 3, 0x2014},
	{"four bytes", "\xF0\x9F\x98\x80", 4, 0x1F600, 4, BAD},
	{"last code point", "\xF4\x8F\xBF\xBF", 4, 0x10FFFF, 4, BAD},
	{"lone continuation", "\x80" "a", 0, BAD, 1, BAD},
	{"C0 lead (overlong)", "\xC0\xAF", 0, BAD, 1, BAD},
	{"F5 lead", "\xF5\x80\x80\x80", 0, BAD, 1, BAD},
	{"overlong three", "\xE0\x80\xAF", 0, BAD, 3, BAD},
	{"overlong four", "\xF0\x8F\xBF\xBF", 0, BAD, 4, BAD},
	{"surrogate", "\xED\xA0\x80", 0, BAD, 3, BAD},
	{"past U+10FFFF", "\xF4\x90\x80\x80", 0, BAD, 4, BAD},
	{"truncated at the end", "\xE2\x80", 0, BAD, 2, BAD},
	{"broken by ascii", "\xE2" "a", 0, BAD, 1, BAD},
	{"broken after one", "\xF0\x9F" "a", 0, BAD, 2, BAD},
};

static void test_table(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(S_cases) / sizeof(S_cases[0]); i++) {
		const char *s = S_cases[i].bytes, *p = s;
		size_t n = strlen(s);
		unsigned cp = 0;

		print_message("%s\n", S_cases[i].name);
		assert_int_equal(kg_utf8_decode((const unsigned char *)s, n, &cp),
				 S_cases[i].decode);
		if (S_cases[i].decode)
			assert_int_equal(cp, S_cases[i].next);
		assert_int_equal(kg_utf8_next(&p, s + n), S_cases[i].next);
		assert_int_equal(p - s, S_cases[i].step);
		p = s;
		assert_int_equal(kg_utf8_next_bmp(&p, s + n), S_cases[i].bmp);
		assert_int_equal(p - s, S_cases[i].step);
	}
}

static void test_decode_stops_at_n(void **state)
{
	/* the bytes are there, but only two of them are available */
	(void)state;
	assert_int_equal(kg_utf8_decode((const unsigned char *)"\xE2\x80\x94", 2,
					NULL), 0);
	assert_int_equal(kg_utf8_decode((const unsigned char *)"", 0, NULL), 0);
}

static void test_valid_and_chars(void **state)
{
	static const char ok[] = "caf\xC3\xA9 \xE2\x80\x94 \xF0\x9F\x98\x80";
	static const char bad[] = "ab\xC3\xA9\xED\xA0\x80z";

	(void)state;
	assert_int_equal(kg_utf8_valid(ok, sizeof(ok) - 1), sizeof(ok) - 1);
	assert_int_equal(kg_utf8_valid(bad, sizeof(bad) - 1), 4);
	assert_int_equal(kg_utf8_chars(ok, sizeof(ok) - 1), 8);
	assert_true(kg_utf8_is_cont(0x80));
	assert_true(kg_utf8_is_cont(0xBF));
	assert_false(kg_utf8_is_cont(0xC3));
	assert_false(kg_utf8_is_cont('a'));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_table),
		cmocka_unit_test(test_decode_stops_at_n),
		cmocka_unit_test(test_valid_and_chars),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
