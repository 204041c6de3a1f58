/*
 * test_smart.c - smart quotes in the kit's language (smart.h): straight
 * quotes become German „…“ and ‚…‘, French « … » with narrow no-break
 * spaces, Japanese 「…」; an apostrophe stays ’; cmark's English curly
 * quotes are requoted the same way for the HTML.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "labels.h"
#include "smart.h"

/* s through kg_smart_append with lang's quotes ("": English). */
static char *S_smart(const char *lang, const char *s, int requote)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_labels *l = *lang ? kg_labels_load(NULL, lang, NULL, &d) : NULL;
	kg_quotes q = kg_quotes_of(l);
	kg_buf out = KG_BUF_INIT;
	uint32_t prev = 0;

	kg_smart_use(&q);
	if (requote)
		kg_smart_requote(&out, s, strlen(s), &prev);
	else
		kg_smart_append(&out, s, strlen(s), &prev);
	kg_smart_use(NULL);
	kg_labels_free(l);
	kg_diags_free(&d);
	return kg_buf_detach(&out, NULL);
}

static void S_is(const char *lang, const char *in, const char *want,
		 int requote)
{
	char *got = S_smart(lang, in, requote);

	assert_string_equal(got, want);
	free(got);
}

static void test_quotes(void **state)
{
	(void)state;
	S_is("", "say \"it's 'fine'\"", "say “it’s ‘fine’”", 0);
	S_is("de", "Er sagt \"es geht 'gut'\" und geht's",
	     "Er sagt „es geht ‚gut‘“ und geht’s", 0);
	S_is("fr", "Il dit \"l'affaire\".",
	     "Il dit «\u202Fl’affaire\u202F».", 0);
	S_is("es", "Dice \"hola\".", "Dice «hola».", 0);
	S_is("ja", "彼は\"はい\"と言った", "彼は「はい」と言った", 0);
	/* a plural's apostrophe after a word, no single quote open: ’ in
	 * every language, not a closing quote; one open is closed */
	S_is("ja", "the others' share, the teams' plans", "the others’ share, the teams’ plans", 0);
	S_is("de", "die Teams' Pläne, 'so' und 'gut'", "die Teams’ Pläne, ‚so‘ und ‚gut‘", 0);
	S_is("fr", "the regions' Redis", "the regions’ Redis", 0);
	S_is("ja", "the others’ share, ‘so’", "the others’ share, 『so』", 1);
	S_is("de", "‘gut’ und Teams’ Pläne", "‚gut‘ und Teams’ Pläne", 1);
	/* cmark's curly quotes, for the HTML */
	S_is("de", "“Fehler” und ‘so’, don’t", "„Fehler“ und ‚so‘, don’t", 1);
	S_is("fr", "“mot”", "«\u202Fmot\u202F»", 1);
	S_is("", "“word” don’t", "“word” don’t", 1);
	assert_true(kg_smart_english());
}

/* Text with nothing to turn is copied in runs: the character before a
 * quote is still the run's last, decoded whole (a letter of two, three
 * or four bytes; a CJK character, whose quotes pair up instead; a byte
 * that is not UTF-8, as the character-by-character walk read it), and
 * dashes, ellipses and lone hyphens and full stops are as before. */
static void test_runs(void **state)
{
	(void)state;
	S_is("", "caf\xC3\xA9's cr\xC3\xA8me", "caf\xC3\xA9\xE2\x80\x99s cr\xC3\xA8me", 0);
	S_is("", "\xCE\xB1'\xE2\x82\xAC'x \xF0\x9F\x98\x80'", "\xCE\xB1\xE2\x80\x99\xE2\x82\xAC\xE2\x80\x99x \xF0\x9F\x98\x80\xE2\x80\x99", 0);
	S_is("", "\xE6\x97\xA5\"a\"\xE6\x97\xA5", "\xE6\x97\xA5\xE2\x80\x9C" "a\xE2\x80\x9D\xE6\x97\xA5", 0);
	S_is("", "x\xC3\"q\" \xE2\x82'", "x\xC3\xE2\x80\x9Dq\xE2\x80\x9D \xE2\x82\xE2\x80\x99", 0);
	S_is("", "a-b -- c --- d ... e.f. g..h", "a-b \xE2\x80\x93 c \xE2\x80\x94 d \xE2\x80\xA6 e.f. g..h", 0);
	S_is("", "\"Start\" and 'end'", "\xE2\x80\x9CStart\xE2\x80\x9D and \xE2\x80\x98" "end\xE2\x80\x99", 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_quotes),
		cmocka_unit_test(test_runs),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
