/* test_worddiff.c - the changelog's word diff: cases as data (old, new,
 * the plain rendering), then the Markdown marks and the memory bound */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "worddiff.h"

static const struct {
	const char *old_text, *new_text, *want;
} S_cases[] = {
	{"a b c", "a b c", "a b c"},
	{"a big cache", "a small cache", "a [-big-]{+small+} cache"},
	{"one two", "three", "[-one two-]{+three+}"},
	{"keep this", "keep this and more", "keep this {+and more+}"},
	{"drop these words now", "drop now", "drop [-these words-] now"},
	/* white space is no change: line breaks and runs join as spaces */
	{"a\n  b\tc", "a b c", "a b c"},
	{"a  b", "a\nx b", "a {+x+} b"},
	/* unchanged runs keep four words of context each side */
	{"w1 w2 w3 w4 w5 w6 w7 w8 old w9 w10 w11 w12 w13 w14",
	 "w1 w2 w3 w4 w5 w6 w7 w8 new w9 w10 w11 w12 w13 w14",
	 "\xE2\x80\xA6 w5 w6 w7 w8 [-old-]{+new+} w9 w10 w11 w12 \xE2\x80\xA6"},
	{"x a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 y",
	 "X a1 a2 a3 a4 a5 a6 a7 a8 a9 a10 Y",
	 "[-x-]{+X+} a1 a2 a3 a4 \xE2\x80\xA6 a7 a8 a9 a10 [-y-]{+Y+}"},
	{"", "new words", "{+new words+}"},
	{"old words", "", "[-old words-]"},
};

static void test_cases(void **state)
{
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(S_cases) / sizeof(S_cases[0]); i++) {
		kg_buf out = KG_BUF_INIT;

		size_t changed = kg_word_diff(S_cases[i].old_text,
					      S_cases[i].new_text,
					      &kg_word_style_plain, &out);

		if ((changed == 0) != (strchr(out.ptr, '{') == NULL &&
				       strchr(out.ptr, '[') == NULL))
			fail_msg("case %zu: %zu words changed in '%s'", i,
				 changed, out.ptr);
		if (strcmp(out.ptr, S_cases[i].want) != 0)
			fail_msg("case %zu: got '%s', want '%s'", i, out.ptr,
				 S_cases[i].want);
		kg_buf_release(&out);
	}
}

static void S_upper(kg_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		kg_buf_putc(out, s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
}

/* A style's marks and word writer are used; without glue, a space
 * separates the removed words from the added ones. */
static void test_style(void **state)
{
	static const kg_word_style st = {"~~", "~~", "**", "**", S_upper, 0};
	kg_buf out = KG_BUF_INIT;

	(void)state;
	kg_word_diff("a big cache", "a small cache", &st, &out);
	assert_string_equal(out.ptr, "A ~~BIG~~ **SMALL** CACHE");
	kg_buf_release(&out);
}

/* Two long texts with nothing in common are too large to align word by
 * word: all old words removed, then all new ones added. */
static void test_long_rewrite(void **state)
{
	kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT, out = KG_BUF_INIT;
	size_t i;

	(void)state;
	for (i = 0; i < 3000; i++) {
		kg_buf_printf(&a, "a%zu ", i);
		kg_buf_printf(&b, "b%zu ", i);
	}
	kg_word_diff(a.ptr, b.ptr, &kg_word_style_plain, &out);
	assert_true(strncmp(out.ptr, "[-a0 a1 ", 8) == 0);
	assert_non_null(strstr(out.ptr, "a2999-]{+b0 b1 "));
	assert_true(out.len > 2 && strcmp(out.ptr + out.len - 2, "+}") == 0);
	kg_buf_release(&a);
	kg_buf_release(&b);
	kg_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cases),
		cmocka_unit_test(test_style),
		cmocka_unit_test(test_long_rewrite),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
