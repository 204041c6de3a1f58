/*
 * test_markdown.c - kg_md_escape: a single line of plain text (a title, a
 * name, a label), escaped, parses back as one paragraph of exactly that
 * text, whatever it starts with; and what cannot start a block is left
 * as it is (so outputs do not change for ordinary titles); kg_md_summary:
 * prose as plain words on one line, shortened at a word.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <cmark.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "markdown.h"

/* The escaped text as HTML: one paragraph holding the text, or not. */
static char *S_html(const char *text)
{
	kg_buf md = KG_BUF_INIT, html = KG_BUF_INIT;
	cmark_node *doc;

	kg_md_escape(&md, text, strlen(text));
	doc = kg_md_parse(md.ptr);
	kg_md_to_html(doc, &html);
	cmark_node_free(doc);
	kg_buf_release(&md);
	return kg_buf_detach(&html, NULL);
}

static void test_line_starts_stay_text(void **state)
{
	static const char *const cases[][2] = {
		{"- Platform", "<p>- Platform</p>\n"},
		{"+ Platform", "<p>+ Platform</p>\n"},
		{"# Caching", "<p># Caching</p>\n"},
		{"###### Caching", "<p>###### Caching</p>\n"},
		{"> Quoted", "<p>&gt; Quoted</p>\n"},
		{"1. First", "<p>1. First</p>\n"},
		{"12) Twelfth", "<p>12) Twelfth</p>\n"},
		{"- - -", "<p>- - -</p>\n"},
		{"===", "<p>===</p>\n"},
		{"  - Indented", "<p>- Indented</p>\n"},
		{"*Not emphasis*", "<p>*Not emphasis*</p>\n"},
		{"[Not a link](x)", "<p>[Not a link](x)</p>\n"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		char *got = S_html(cases[i][0]);

		assert_string_equal(got, cases[i][1]);
		free(got);
	}
}

static void test_ordinary_text_unchanged(void **state)
{
	static const char *const same[] = {"0.3.1", "1.0.0", "C# basics",
					   "Rate-limiter", "2024 plan", "10x"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(same) / sizeof(*same); i++) {
		kg_buf md = KG_BUF_INIT;

		kg_md_escape(&md, same[i], strlen(same[i]));
		assert_string_equal(md.ptr, same[i]);
		kg_buf_release(&md);
	}
}

/* kg_md_summary: the plain words of a prompt on one line, at most max
 * characters, cut at a word with an ellipsis (the question index). */
static void test_summary(void **state)
{
	static const struct {
		const char *md;
		size_t max;
		const char *want;
	} cases[] = {
		{"Short prompt.", 20, "Short prompt."},
		{"Exactly ten", 11, "Exactly ten"},
		{"one two three four", 12, "one two\xE2\x80\xA6"},
		{"one two, three four", 14, "one two\xE2\x80\xA6"},
		{"A *teammate's* `code`\nline [link](#x) here", 60,
		 "A teammate's code line link here"},
		{"First paragraph.\n\nSecond one.", 60,
		 "First paragraph. Second one."},
		{"Abcdefghijklmnop", 6, "Abcde\xE2\x80\xA6"},
		{"\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9", 8,
		 "\xC3\xA9t\xC3\xA9 \xC3\xA9t\xC3\xA9\xE2\x80\xA6"},
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		kg_buf out = KG_BUF_INIT;

		kg_md_summary(cases[i].md, cases[i].max, &out);
		assert_string_equal(out.ptr, cases[i].want);
		kg_buf_release(&out);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_line_starts_stay_text),
		cmocka_unit_test(test_ordinary_text_unchanged),
		cmocka_unit_test(test_summary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
