/* test_write_html.c - unit tests of write_html.c: how each block of the
 * composed document becomes HTML (the page shell is a bare {{{body}}}) */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "output.h"
#include "test_style.h"
#include "writer.h"
#include "doc_toc.h"

static char S_dir[64];
static char S_html[96];

/* A templates folder whose html/document.mustache is the body alone,
 * with the real PDF style beside it: the HTML shell takes the brand's
 * colours from it. */
static int S_setup(void **state)
{
	char path[128];
	FILE *f;

	(void)state;
	strcpy(S_dir, "/tmp/kg-test-html.XXXXXX");
	if (!mkdtemp(S_dir) || kg_test_copy_style(S_dir) < 0)
		return -1;
	snprintf(S_html, sizeof(S_html), "%s/html", S_dir);
	mkdir(S_html, 0777);
	snprintf(path, sizeof(path), "%s/document.mustache", S_html);
	f = fopen(path, "w");
	if (!f)
		return -1;
	fputs("{{{body}}}\n", f);
	fclose(f);
	return 0;
}

static int S_teardown(void **state)
{
	char path[128];

	(void)state;
	snprintf(path, sizeof(path), "%s/document.mustache", S_html);
	unlink(path);
	rmdir(S_html);
	kg_remove_tree(S_dir);
	return 0;
}

/* A document with every metadata string set (to ""). Every field of
 * kg_doc_meta is an owned string, so this keeps working as fields are
 * added. */
static kg_doc *S_doc(void)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));
	char **field = (char **)(void *)&doc->meta;
	size_t i;

	for (i = 0; i < sizeof(doc->meta) / sizeof(char *); i++)
		field[i] = kg_xstrdup("");
	doc->root = kg_block_new(KG_BLOCK_DOCUMENT);
	return doc;
}

/* Render doc through the HTML writer; the caller frees the result. */
static char *S_render(kg_doc *doc, const char *templates, int *rc)
{
	kg_write_opts o = {templates, "a4", NULL};
	kg_diags d = KG_DIAGS_INIT;
	kg_sink out;

	kg_sink_init(&out, NULL); /* no file: the page stays in out.buf */
	*rc = kg_writer_html.write(doc, &o, &out, &d);
	kg_diags_free(&d);
	kg_doc_free(doc);
	return kg_buf_detach(&out.buf, NULL);
}

static char *S_html_of(kg_doc *doc)
{
	int rc;
	char *s = S_render(doc, S_dir, &rc);

	assert_int_equal(rc, 0);
	return s;
}

#define assert_has(haystack, needle)                                       \
	do {                                                                   \
		if (!strstr((haystack), (needle)))                                 \
			fail_msg("missing: %s\n--- in ---\n%s", (needle), (haystack)); \
	} while (0)
#define assert_lacks(haystack, needle)                                     \
	do {                                                                   \
		if (strstr((haystack), (needle)))                                  \
			fail_msg("unexpected: %s\n--- in ---\n%s", (needle), (haystack)); \
	} while (0)

static void test_sections_headings_and_contents(void **state)
{
	kg_doc *doc = S_doc();
	kg_block *part, *s;
	char *html;
	int level;

	(void)state;
	kg_block_add(doc->root, kg_block_new(KG_BLOCK_TOC));
	part = kg_add_section(doc->root, 1, "part", "The part",
			      KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	s = kg_add_section(part, 2, "sub", "A sub", KG_SECTION_IN_TOC);
	for (level = 3; level <= 6; level++) {
		char id[16];

		snprintf(id, sizeof(id), "l%d", level);
		s = kg_add_section(s, level, id, id, 0);
	}
	kg_add_section(doc->root, 1, "other", "Other", KG_SECTION_IN_TOC);
	kg_add_section(doc->root, 1, "hidden", "Not listed", 0);
	kg_doc_toc_build(doc); /* as kg_compose does */
	html = S_html_of(doc);
	assert_has(html, "<section id=\"part\" class=\"level-1 new-page\">\n"
			 "<h2 dir=\"auto\"><a class=\"self\" href=\"#part\">The part</a></h2>");
	assert_has(html, "<section id=\"sub\" class=\"level-2\">\n<h3 dir=\"auto\">");
	assert_has(html, "<section id=\"l4\" class=\"level-4\">\n<h5 dir=\"auto\">");
	/* deeper than h6 stays h6 */
	assert_has(html, "<section id=\"l5\" class=\"level-5\">\n<h6 dir=\"auto\">");
	assert_has(html, "<section id=\"l6\" class=\"level-6\">\n<h6 dir=\"auto\">");
	/* contents: parts, and their listed sections nested */
	assert_has(html, "<nav class=\"toc\" id=\"contents\"");
	assert_has(html, "<li><a href=\"#part\"><span dir=\"auto\">The part</span></a>\n<ol>\n"
			 "<li><a href=\"#sub\"><span dir=\"auto\">A sub</span></a></li>\n</ol>\n</li>\n"
			 "<li><a href=\"#other\"><span dir=\"auto\">Other</span></a></li>\n</ol>");
	assert_lacks(html, "<a href=\"#hidden\">");
	assert_lacks(html, "<a href=\"#l3\">");
	free(html);
}

static void test_titles_are_escaped_with_smart_punctuation(void **state)
{
	kg_doc *doc = S_doc();
	char *html;

	(void)state;
	kg_add_section(doc->root, 1, "a", "It's \"x\" <b onclick=y> & [l](javascript:z) -- *e*", 0);
	kg_add_section(doc->root, 1, "b", "1. Reads like a list", 0);
	kg_add_section(doc->root, 1, "c", "# Reads like a heading", 0);
	html = S_html_of(doc);
	assert_has(html, ">It\xE2\x80\x99s \xE2\x80\x9Cx\xE2\x80\x9D &lt;b onclick=y&gt; "
			 "&amp; [l](javascript:z) \xE2\x80\x93 *e*</a></h2>");
	assert_has(html, ">1. Reads like a list</a></h2>");
	assert_has(html, "># Reads like a heading</a></h2>");
	assert_lacks(html, "<b ");
	assert_lacks(html, "<em>");
	free(html);
}

static void test_prose_is_sanitised_with_smart_punctuation(void **state)
{
	kg_doc *doc = S_doc();
	char *html;

	(void)state;
	kg_add_prose(doc->root,
		     "It's [bad](javascript:alert(1)) and [good](https://example.com/) "
		     "<img src=x onerror=alert(2)> ![alt](https://example.com/p.png) "
		     "[data](data:text/html,x) [in](#a) <mailto:a@example.com>\n\n"
		     "<script>alert(3)</script>\n");
	html = S_html_of(doc);
	assert_has(html, "<p dir=\"auto\">It\xE2\x80\x99s bad and <a href=\"https://example.com/\">good</a> "
			 "&lt;img src=x onerror=alert(2)&gt; alt data "
			 "<a href=\"#a\">in</a> <a href=\"mailto:a@example.com\">");
	assert_has(html, "<p dir=\"auto\">&lt;script&gt;alert(3)&lt;/script&gt;</p>");
	assert_lacks(html, "<img");
	assert_lacks(html, "<script");
	assert_lacks(html, "javascript:");
	assert_lacks(html, "raw HTML omitted");
	free(html);
}

static void test_table_heads_rows_and_columns(void **state)
{
	kg_doc *doc = S_doc();
	kg_block *table = kg_block_add(doc->root, kg_block_new(KG_BLOCK_TABLE));
	kg_block *row = kg_add_row(table);
	char *html;

	(void)state;
	kg_add_cell(row, "Topic");
	kg_add_cell(row, "Cost *in* `time`");
	row = kg_add_row(table);
	kg_add_cell(row, "[A topic](#t)");
	kg_add_cell(row, "Low \"really\"");
	html = S_html_of(doc);
	assert_has(html, "<thead>\n<tr><th scope=\"col\"><p dir=\"auto\">Topic</p>\n</th>"
			 "<th scope=\"col\"><p dir=\"auto\">Cost <em>in</em> <code dir=\"ltr\">time</code></p>\n</th></tr>");
	assert_has(html, "<tr><th scope=\"row\"><p dir=\"auto\"><a href=\"#t\">A topic</a></p>\n</th>"
			 "<td data-label=\"Cost in time\"><p dir=\"auto\">Low \xE2\x80\x9Creally\xE2\x80\x9D</p>\n</td></tr>");
	free(html);
}

static void test_fields_rubric_and_callouts(void **state)
{
	kg_doc *doc = S_doc();
	kg_block *fields = kg_block_add(doc->root, kg_block_new(KG_BLOCK_FIELDS));
	kg_block *rubric, *box;
	char *html;

	(void)state;
	kg_add_field(fields, "Label <x>", "Value");
	kg_add_field(doc->root, "Alone", "By itself");
	rubric = kg_block_add(doc->root, kg_block_new(KG_BLOCK_RUBRIC));
	kg_add_band(rubric, KG_DOC_BAND_STRONG, "Strong", "Does it all.");
	kg_add_band(rubric, KG_DOC_BAND_WEAK, "Weak", "Does not.");
	box = kg_add_callout(doc->root, KG_CALLOUT_CUES, "Recruiter cues");
	kg_add_prose(box, "Listen.");
	kg_add_callout(doc->root, KG_CALLOUT_RED_FLAGS, "Red flags");
	html = S_html_of(doc);
	assert_has(html, "<dl class=\"fields\">\n<div><dt dir=\"auto\">Label &lt;x&gt;</dt>\n"
			 "<dd><p dir=\"auto\">Value</p>\n</dd></div>\n</dl>");
	assert_has(html, "<dl class=\"fields\">\n<div><dt dir=\"auto\">Alone</dt>");
	/* a band's name is the page's direction (kitgen composes it) */
	assert_has(html, "<dl class=\"rubric\">\n<div class=\"band band-strong\"><dt>Strong</dt>");
	assert_has(html, "<div class=\"band band-weak\"><dt>Weak</dt>\n<dd><p dir=\"auto\">Does not.</p>");
	assert_has(html, "<div class=\"callout callout-cues\" role=\"note\">\n"
			 "<p class=\"callout-title\" dir=\"auto\">Recruiter cues</p>\n<p dir=\"auto\">Listen.</p>\n</div>");
	assert_has(html, "<div class=\"callout callout-red-flags\" role=\"note\">");
	free(html);
}

static void test_lists(void **state)
{
	kg_doc *doc = S_doc();
	kg_block *list = kg_add_list(doc->root, KG_LIST_ORDERED);
	char *html;

	(void)state;
	kg_add_item(list, "One");
	kg_add_item(list, "Two");
	list = kg_add_list(doc->root, KG_LIST_BULLET);
	kg_add_item(list, "Dot");
	html = S_html_of(doc);
	/* a list takes its direction from its first item's text: the
	 * items' paragraphs have none of their own */
	assert_has(html, "<ol>\n<li><p>One</p>\n</li>\n<li><p>Two</p>\n</li>\n</ol>");
	assert_has(html, "<ul>\n<li><p>Dot</p>\n</li>\n</ul>");
	free(html);
}

static void test_scorecard_and_notes(void **state)
{
	kg_doc *doc = S_doc();
	kg_block *card = kg_block_add(doc->root, kg_block_new(KG_BLOCK_SCORECARD));
	kg_block *row = kg_add_row(card);
	char *html;

	(void)state;
	kg_add_cell(row, "Dimension");
	kg_add_cell(row, "Strong");
	kg_add_cell(row, "Weak");
	kg_add_cell(row, "Prompted");
	kg_add_cell(row, "Evidence");
	card->level = 2; /* two choices, then a mark */
	kg_add_dimension(card, "Clarity", "Says what it means.");
	kg_add_notes(doc->root, "Candidate", 1);
	kg_add_prose(doc->root, "\xE2\x98\x90 Hire <\xE2\x98\x90>");
	kg_add_prose(doc->root, "\xE2\x98\x90 A\xE2\x80\x83\xE2\x98\x90 B");
	kg_add_notes(doc->root, NULL, 3);
	html = S_html_of(doc);
	assert_has(html, "<div class=\"table scorecard\">\n<table>\n<thead>\n<tr>"
			 "<th scope=\"col\"><p dir=\"auto\">Dimension</p>\n</th>");
	assert_has(html, "<th scope=\"col\"><p dir=\"auto\">Evidence</p>\n</th></tr>");
	assert_lacks(html, "<th scope=\"col\"><p dir=\"auto\">Strong</p>");
	assert_has(html, "<tr><th scope=\"row\"><p class=\"dimension\" dir=\"auto\">Clarity</p>"
			 "<p dir=\"auto\">Says what it means.</p>\n"
			 "<ul class=\"choices\"><li><span class=\"box\"></span> Strong</li>"
			 "<li><span class=\"box\"></span> Weak</li></ul>"
			 "<ul class=\"choices marks\"><li><span class=\"box\"></span> Prompted</li></ul>"
			 "</th><td class=\"evidence\" data-label=\"Evidence\"></td></tr>");
	/* a ballot box in prose is a box, kept with its word; in text, not
	 * in markup (cmark escapes the angle brackets) */
	assert_has(html, "<p dir=\"auto\"><span class=\"tick\"><span class=\"box\"></span>&#160;Hire"
			 "</span> &lt;<span class=\"tick\"><span class=\"box\"></span>"
			 "</span>&gt;</p>");
	/* a box right after a word is a box of its own */
	assert_has(html, "<p dir=\"auto\"><span class=\"tick\"><span class=\"box\"></span>&#160;A"
			 "\xE2\x80\x83</span><span class=\"tick\"><span class=\"box\">"
			 "</span>&#160;B</span></p>");
	assert_lacks(html, "\xE2\x98\x90");
	assert_has(html, "<div class=\"notes notes-1\"><p class=\"notes-label\">Candidate</p>"
			 "<div class=\"lines\"><div class=\"line\"></div></div></div>");
	assert_has(html, "<div class=\"notes\"><div class=\"lines\"><div class=\"line\"></div>"
			 "<div class=\"line\"></div><div class=\"line\"></div></div></div>");
	free(html);
}

/* The author's words are dir="auto", code dir="ltr", kitgen's own
 * furniture neither; a markdown list's items take the list's direction;
 * a translated build's fallbacks carry the source's lang, their marker
 * the page's, whether they open an element or sit inside a text. */
static void test_directions_and_fallback_languages(void **state)
{
	kg_doc *doc = S_doc();
	kg_block *fields;
	char *html;

	(void)state;
	doc->source_lang = "fr"; /* the labels are English: a translation */
	kg_block_add(doc->root, kg_block_new(KG_BLOCK_TOC));
	kg_add_section(doc->root, 1, "s", "[untranslated] Titre", KG_SECTION_IN_TOC);
	kg_add_prose(doc->root, "Use `go test` here:\n\n```\nx := 1\n```\n\n"
		     "- one\n- two\n\n> quoted\n");
	kg_add_prose(doc->root, "[untranslated] Une phrase.");
	kg_add_prose(doc->root, "50% \xC3\x97 2");
	kg_add_prose(doc->root, "Q1 \xC2\xB7 [untranslated] Pourquoi ?");
	fields = kg_block_add(doc->root, kg_block_new(KG_BLOCK_FIELDS));
	kg_add_field(fields, "[untranslated] Nom", "Texte");
	kg_doc_toc_build(doc);
	html = S_html_of(doc);
	assert_has(html, "<h2 id=\"contents-title\"><a class=\"self\"");
	assert_has(html, "<p dir=\"auto\">Use <code dir=\"ltr\">go test</code> here:</p>");
	assert_has(html, "<pre dir=\"ltr\"><code dir=\"ltr\">x := 1");
	assert_has(html, "<ul>\n<li>one</li>");
	/* no letter, no direction of its own: the parent's */
	assert_has(html, "<p>50% \xC3\x97 2</p>");
	assert_has(html, "<blockquote dir=\"auto\">\n<p dir=\"auto\">quoted</p>");
	assert_has(html, "<h2 dir=\"auto\" lang=\"fr\"><a class=\"self\" href=\"#s\">"
			 "<span lang=\"en\" dir=\"ltr\">[untranslated]</span> Titre</a></h2>");
	assert_has(html, "<a href=\"#s\"><span dir=\"auto\" lang=\"fr\"><span lang=\"en\" "
			 "dir=\"ltr\">[untranslated]</span> Titre</span></a>");
	assert_has(html, "<p dir=\"auto\" lang=\"fr\"><span lang=\"en\" dir=\"ltr\">"
			 "[untranslated]</span> Une phrase.</p>");
	assert_has(html, "<p dir=\"auto\">Q1 \xC2\xB7 <span lang=\"fr\"><span lang=\"en\" "
			 "dir=\"ltr\">[untranslated]</span> Pourquoi ?</span></p>");
	assert_has(html, "<dt dir=\"auto\" lang=\"fr\"><span lang=\"en\" dir=\"ltr\">"
			 "[untranslated]</span> Nom</dt>");
	free(html);
}

static void test_missing_template_is_an_io_error(void **state)
{
	kg_write_opts o = {"/nonexistent/kitgen-templates", "a4", NULL};
	kg_diags d = KG_DIAGS_INIT;
	kg_sink out;
	kg_doc *doc = S_doc();

	(void)state;
	kg_sink_init(&out, NULL);
	assert_int_equal(kg_writer_html.write(doc, &o, &out, &d), -1);
	assert_int_equal(d.io_errors, 1);
	assert_int_equal(out.buf.len, 0);
	kg_diags_free(&d);
	kg_sink_release(&out);
	kg_doc_free(doc);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_sections_headings_and_contents),
		cmocka_unit_test(test_titles_are_escaped_with_smart_punctuation),
		cmocka_unit_test(test_prose_is_sanitised_with_smart_punctuation),
		cmocka_unit_test(test_table_heads_rows_and_columns),
		cmocka_unit_test(test_fields_rubric_and_callouts),
		cmocka_unit_test(test_lists),
		cmocka_unit_test(test_scorecard_and_notes),
		cmocka_unit_test(test_directions_and_fallback_languages),
		cmocka_unit_test(test_missing_template_is_an_io_error),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
