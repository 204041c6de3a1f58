/* test_linebreak.c - where a line may end (lay_breaks.c: UAX #14 by
 * libunibreak, kitgen's hyphen rule, a URL's places) and hyphenation
 * (lay_hyph.c: libhyphen by the layout's language; prose only, at most
 * two hyphenated lines in a row, no page ending on one). */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "layout_int.h"
#include "pdf_style.h"
#include "test_lay.h"
#include "utf8.h"

static kg_tstyle S_style(void)
{
	kg_tstyle t = {KG_FACE_REGULAR, 10, 0, 0, -1, 0, 0, 0, 0};

	return t;
}

/* The pieces of text in style t, written out: "|" after a word a line
 * may end after, "^" after one it may end after only inside a token
 * wider than a line (code, a URL), " " for a space. */
static char *S_pieces(kg_lay *lay, const kg_tstyle *t, const char *text)
{
	kg_inline in = KG_INLINE_INIT;
	kg_buf out = KG_BUF_INIT;
	size_t i;

	kg_inline_text(lay, &in, t, text, strlen(text), 0);
	for (i = 0; i < in.n; i++) {
		const kg_piece *p = &in.p[i];

		if (p->kind == KG_PIECE_SPACE) {
			kg_buf_puts(&out, " ");
			continue;
		}
		kg_buf_put(&out, kg_lay_at(lay, p->str), p->len);
		if (p->brk)
			kg_buf_puts(&out, p->brk == KG_BRK_CODE ? "^" : "|");
	}
	kg_inline_free(&in);
	return kg_buf_detach(&out, NULL);
}

static char *S_prose(kg_lay *lay, const char *text)
{
	kg_tstyle t = S_style();

	return S_pieces(lay, &t, text);
}

/* Chinese and Japanese break between characters; never before closing
 * punctuation, never after opening punctuation. */
static void test_cjk_between_characters(void **state)
{
	kg_test_lay *f = *state;
	char *s = S_prose(&f->lay, "每个问题都有评分标准。面接官（きみ）です、はい！");

	assert_non_null(strstr(s, "每|个|问|题|都|有|评|分|标|准。|"));
	assert_null(strstr(s, "|。"));
	assert_null(strstr(s, "|、"));
	assert_null(strstr(s, "|！"));
	assert_null(strstr(s, "|）"));
	assert_null(strstr(s, "（|"));
	assert_non_null(strstr(s, "官|（き|み）|で|す、|は|い！"));
	free(s);
}

/* A hyphen between letters is a place to break, as before; one before a
 * number or alone is not; a slash is; nothing breaks inside a word. */
static void test_hyphen_in_word(void **state)
{
	kg_test_lay *f = *state;
	char *s = S_prose(&f->lay, "a two-phase commit, -5 or - and read/write");

	assert_string_equal(s, "a two-|phase commit, -5 or - and read/|write");
	free(s);
}

/* A run with no East Asian character, no dash and no slash before a
 * character beyond ASCII is not given to libunibreak (lay_breaks.c):
 * its places must be the same as when it is. Random strings of every
 * printable ASCII character, many slashes and hyphens, letters and
 * quotes beyond ASCII, and now and then a dash or a CJK character. */
static void test_fast_path_agrees(void **state)
{
	kg_test_lay *f = *state;
	static const char *const extra[] = {"/", "/", "/", "/", "-", "-", "-", "a",
					    "Z", "9", "\xc3\xa9", "\xe2\x80\x99",
					    "\xe2\x80\x9c", "\xc3\x9f", "\xe2\x80\x94",
					    "\xe2\x80\x93", "\xe4\xb8\xad"};
	const size_t nextra = sizeof(extra) / sizeof(extra[0]);
	unsigned seed = 1;
	size_t asked = 0, fast = 0;
	int it;

	for (it = 0; it < 200000; it++) {
		char s[64];
		size_t n = 3 + (seed = seed * 1103515245u + 12345u) % 9, len = 0, i;
		const char *uax, *p, *end;
		uint32_t prev = 0, c, next;

		for (i = 0; i < n; i++) {
			unsigned r = ((seed = seed * 1103515245u + 12345u) >> 8) % (94 + nextra);

			if (r < 94)
				s[len++] = (char)(33 + r);
			else
				len += (size_t)sprintf(s + len, "%s", extra[r - 94]);
		}
		if (kg_li_uax_needed(s, len)) {
			asked++;
			continue;
		}
		fast++;
		uax = kg_li_prose_breaks(&f->lay, s, len);
		p = s;
		end = s + len;
		next = kg_utf8_next_bmp(&p, end);
		while (next) {
			size_t last = (size_t)(p - s) - 1;
			int full;

			c = next;
			next = p < end ? kg_utf8_next_bmp(&p, end) : 0;
			if (!next)
				break;
			full = kg_li_prose_break_after(prev, c, next, uax[last] == KG_LI_UAX_ALLOW);
			if (full != kg_li_prose_break_after(prev, c, next, -1))
				fail_msg("'%.*s' at %zu: libunibreak says %d", (int)len, s, last, full);
			prev = c;
		}
	}
	assert_true(asked > 1000 && fast > 1000);
	assert_false(kg_li_uax_needed("plain ASCII text/here", 21));
	assert_false(kg_li_uax_needed("caf\xc3\xa9 \xe2\x80\x9cquoted\xe2\x80\x9d", 16));
	assert_true(kg_li_uax_needed("a\xe2\x80\x94" "b", 5));
	assert_true(kg_li_uax_needed("\xe4\xb8\xad", 3));
	assert_true(kg_li_uax_needed("a/\xc3\xa9", 4));
}

/* Link text that is a URL breaks only after / ? & = #, never inside
 * its scheme or at its hyphens, as code does (KG_BRK_CODE); other link
 * text is prose. */
static void test_url_breaks(void **state)
{
	kg_test_lay *f = *state;
	kg_tstyle t = S_style();
	char *s;

	t.link = kg_lay_link(&f->lay, "https://example.com/a-b/c?x=1&y=2");
	s = S_pieces(&f->lay, &t, "https://example.com/a-b/c?x=1&y=2");
	assert_string_equal(s, "https://^example.com/^a-b/^c?^x=^1&^y=^2");
	free(s);
	s = S_pieces(&f->lay, &t, "the read-through docs");
	assert_string_equal(s, "the read-|through docs");
	free(s);
}

/* A URL wider than its line breaks at one of its places, and the line
 * after starts with the drawn continuation mark, as code's does. */
static void test_url_marked(void **state)
{
	kg_test_lay *f = *state;
	kg_tstyle t = S_style();
	const char *url = "https://example.com/reference/interviews/scorecards?id=1";
	kg_inline in = KG_INLINE_INIT;
	kg_li_lines ls = {0};

	t.link = kg_lay_link(&f->lay, url);
	kg_inline_text(&f->lay, &in, &t, url, strlen(url), 0);
	kg_li_break(&f->lay, &in, 150, &ls, 1.4f);
	assert_true(ls.nl >= 2);
	assert_int_equal(ls.s[ls.l[1].s0].p.kind, KG_PIECE_MARK);
	/* the first line ends at a slash or a question mark */
	{
		const kg_li_placed *last = &ls.s[ls.l[0].s0 + ls.l[0].ns - 1];
		char c = kg_lay_at(&f->lay, last->p.str)[last->p.len - 1];

		assert_true(c == '/' || c == '?');
	}
	kg_li_lines_free(&ls);
	kg_inline_free(&in);
}

/* The lines text breaks into at width, "\n" after each but the last
 * (continuation marks left out). */
static char *S_lines(kg_lay *lay, const char *text, float width)
{
	kg_tstyle t = S_style();
	kg_inline in = KG_INLINE_INIT;
	kg_li_lines ls = {0};
	kg_buf out = KG_BUF_INIT;
	size_t i, k;

	kg_inline_text(lay, &in, &t, text, strlen(text), 0);
	kg_li_break(lay, &in, width, &ls, 1.4f);
	for (i = 0; i < ls.nl; i++) {
		if (i)
			kg_buf_puts(&out, "\n");
		for (k = 0; k < ls.l[i].ns; k++) {
			const kg_li_placed *pl = &ls.s[ls.l[i].s0 + k];

			if (pl->p.kind == KG_PIECE_SPACE)
				kg_buf_puts(&out, " ");
			else if (pl->p.kind == KG_PIECE_WORD)
				kg_buf_put(&out, kg_lay_at(lay, pl->p.str), pl->p.len);
		}
	}
	kg_li_lines_free(&ls);
	kg_inline_free(&in);
	return kg_buf_detach(&out, NULL);
}

/* A word wider than its line is cut between characters, but at every
 * width where two characters fit (a full-width one is 10 pt wide here),
 * not after opening punctuation nor before closing, and never between
 * a letter and its combining mark; the text stays whole. */
static void test_cut_where_a_reader_accepts(void **state)
{
	static const char *const texts[] = {
		"Acceptable\xEF\xBC\x88" "2\xE7\x82\xB9\xEF\xBC\x89", /* Acceptable（2点）*/
		"Verantwortungsbereich(e)", /* ( and ) */
		"e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81"
		"e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81" "e\xCC\x81",
		/* e and U+0301, ten times */
	};
	kg_test_lay *f = *state;
	size_t i;
	float w;

	for (i = 0; i < sizeof(texts) / sizeof(texts[0]); i++)
		for (w = 24; w <= 120; w += 1) {
			char *s = S_lines(&f->lay, texts[i], w), *p;
			kg_buf joined = KG_BUF_INIT;

			for (p = s; *p; p++)
				if (*p != '\n')
					kg_buf_putc(&joined, *p);
			assert_string_equal(joined.ptr, texts[i]);
			assert_null(strstr(s, "\xEF\xBC\x88\n")); /* （ ending a line */
			assert_null(strstr(s, "\n\xEF\xBC\x89")); /* ） starting one */
			assert_null(strstr(s, "(\n"));
			assert_null(strstr(s, "\n)"));
			assert_null(strstr(s, "\n\xCC\x81"));      /* a mark alone */
			kg_buf_release(&joined);
			free(s);
		}
	/* and where the box is narrow, the label breaks as a reader expects */
	{
		char *s = S_lines(&f->lay, texts[0], 60);

		assert_string_equal(s, "Acceptable\n\xEF\xBC\x88" "2\xE7\x82\xB9\xEF\xBC\x89");
		free(s);
	}
}

/* A word piece of text in style t, as kg_inline_text makes it. */
static kg_piece S_word(kg_lay *lay, const kg_tstyle *t, const char *w)
{
	kg_inline in = KG_INLINE_INIT;
	kg_piece p;

	kg_inline_text(lay, &in, t, w, strlen(w), 0);
	assert_int_equal(in.n, 1);
	p = in.p[0];
	kg_inline_free(&in);
	return p;
}

/* The head kg_li_hyph_fit gives word w with room to spare: the longest
 * it may take. */
static uint32_t S_fit(kg_lay *lay, const kg_tstyle *t, const char *w)
{
	kg_piece p = S_word(lay, t, w);
	float width;

	return kg_li_hyph_fit(lay, &p, 1e6f, &width);
}

static void test_hyphenation_points(void **state)
{
	kg_test_lay *f = *state;
	kg_tstyle t = S_style();
	kg_piece p;
	float w;
	uint32_t n;

	/* no language: no hyphenation */
	assert_int_equal(S_fit(&f->lay, &t, "Datenbankverbindung"), 0);
	kg_lay_language(&f->lay, "de");
	/* a German compound: its last point leaves three letters at least */
	n = S_fit(&f->lay, &t, "Datenbankverbindung");
	assert_true(n >= strlen("Datenbankverbin") && n <= strlen("Datenbankverbindung") - 3);
	/* with room for "Datenbank-" only, the point between its words */
	p = S_word(&f->lay, &t, "Datenbankverbindung");
	n = kg_li_hyph_fit(&f->lay, &p, kg_lay_text_width(&f->lay, &t, "Datenbank") + 0.1f, &w);
	assert_int_equal(n, strlen("Datenbank"));
	n = kg_li_hyph_fit(&f->lay, &p, kg_lay_text_width(&f->lay, &t, "Datenbank") - 0.1f, &w);
	assert_int_equal(n, strlen("Daten"));
	assert_true(w <= kg_lay_text_width(&f->lay, &t, "Daten") + 0.01f);
	/* umlauts, in a Latin-1 dictionary: a point after a whole character */
	n = S_fit(&f->lay, &t, "Überprüfung");
	assert_true(n >= 2 && n < strlen("Überprüfung") - 2);
	/* under five letters, or names in capitals: never */
	assert_int_equal(S_fit(&f->lay, &t, "Haus"), 0);
	assert_int_equal(S_fit(&f->lay, &t, "PostgreSQL"), 0);
	/* English */
	kg_lay_language(&f->lay, "en");
	n = S_fit(&f->lay, &t, "capability,");
	assert_true(n >= 2 && n <= strlen("capabil"));
	assert_int_equal(S_fit(&f->lay, &t, "data"), 0);
	assert_int_equal(S_fit(&f->lay, &t, "HTTP2"), 0);
	/* titles, labels (sans), names of terms (bold) never */
	t.face = KG_FACE_SANS;
	assert_int_equal(S_fit(&f->lay, &t, "interviewing"), 0);
	t.face = KG_FACE_BOLD;
	assert_int_equal(S_fit(&f->lay, &t, "interviewing"), 0);
	t.face = KG_FACE_ITALIC;
	assert_true(S_fit(&f->lay, &t, "interviewing") > 0);
	/* code and links never */
	t.code = t.verbatim = 1;
	t.face = KG_FACE_MONO;
	assert_int_equal(S_fit(&f->lay, &t, "interviewing"), 0);
	t = S_style();
	t.link = kg_lay_link(&f->lay, "#x");
	assert_int_equal(S_fit(&f->lay, &t, "interviewing"), 0);
	/* a language with no dictionary installed: none, and no error */
	kg_lay_language(&f->lay, "ja");
	t = S_style();
	assert_int_equal(S_fit(&f->lay, &t, "interviewing"), 0);
}

static const char *S_compounds =
	"Wir prüfen die Datenbankverbindung, die Zugriffsberechtigungen, "
	"die Wiederherstellungsverfahren, die Ausfallsicherheit, die "
	"Lastverteilungsstrategie, die Zwischenspeicherverwaltung, die "
	"Nachrichtenwarteschlangen und die Überwachungswerkzeuge der "
	"Betriebsmannschaft, die Verfügbarkeitsanforderungen, die "
	"Wiederherstellungszeitvorgaben und die Speicherbereinigung.";

/* A paragraph of prose hyphenated in a narrow column: a hyphenated line
 * ends in a drawn hyphen that is an artifact (a copy holds the word
 * whole), is kept with the next line (no page ends on it), and never
 * three come in a row; a heading is never hyphenated. */
static void test_paragraph_hyphenated(void **state)
{
	kg_test_lay *f = *state;
	kg_tstyle t = S_style();
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o;
	float ox, ow;
	size_t k, hy = 0, run = 0;

	kg_lay_language(&f->lay, "de");
	memset(&o, 0, sizeof(o));
	o.leading = 1.4f;
	kg_lay_indent(&f->lay, 200 - 120, &ox, &ow);
	kg_inline_text(&f->lay, &in, &t, S_compounds, strlen(S_compounds), 0);
	kg_lay_para(&f->lay, &in, &o);
	for (k = 0; k < f->lay.run.nel; k++) {
		const kg_elem *e = &f->lay.run.el[k];
		const kg_op *last = NULL;
		uint32_t i;

		if (!(e->flags & KG_EL_HYPHENATED)) {
			run = 0;
			continue;
		}
		hy++;
		assert_true(++run <= 2);
		assert_true(e->flags & KG_EL_HYPHEN);
		assert_true(e->flags & KG_EL_KEEP);
		for (i = e->op0; i < e->op0 + e->nops; i++)
			if (f->lay.run.ops[i].type == KG_OP_TEXT)
				last = &f->lay.run.ops[i];
		assert_non_null(last);
		assert_int_equal(last->tag, KG_TAG_ARTIFACT);
		assert_int_equal(last->len, 1);
		assert_memory_equal(kg_lay_at(&f->lay, last->str), "-", 1);
	}
	assert_true(hy >= 3);
	/* the same as a heading: no hyphen */
	f->lay.run.nel = 0;
	o.heading = 1;
	kg_lay_para(&f->lay, &in, &o);
	for (k = 0; k < f->lay.run.nel; k++)
		assert_false(f->lay.run.el[k].flags & KG_EL_HYPHENATED);
	kg_lay_outdent(&f->lay, ox, ow);
	kg_inline_free(&in);
}

/* Pages of ten lines, the hyphenated paragraphs after 0 to 9 lines of
 * one word: with the hyphen rule no page ends on a hyphenated line;
 * without it one does (the rule is what keeps it off). */
static void test_no_page_ends_hyphenated(void **state)
{
	kg_test_lay *f = *state;
	int off, ended[2] = {0, 0};

	for (off = 0; off < 20; off++) {
		kg_tstyle t = S_style();
		kg_inline in = KG_INLINE_INIT;
		kg_para_opts o;
		float ox, ow;
		size_t p, i;

		kg_lay_free(&f->lay);
		kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
		if (off >= 10)
			kg_lay_set_rules(&f->lay, KG_BREAK_ALL & ~KG_BREAK_HYPHEN);
		kg_lay_language(&f->lay, "de");
		memset(&o, 0, sizeof(o));
		o.leading = 1.4f;
		for (i = 0; i < (size_t)(off % 10); i++) {
			kg_inline_text(&f->lay, &in, &t, "eins", 4, 0);
			kg_lay_para(&f->lay, &in, &o);
			kg_inline_reset(&in);
		}
		kg_lay_indent(&f->lay, 200 - 120, &ox, &ow);
		for (i = 0; i < 3; i++) {
			kg_inline_text(&f->lay, &in, &t, S_compounds, strlen(S_compounds), 0);
			kg_lay_para(&f->lay, &in, &o);
			kg_inline_reset(&in);
		}
		kg_lay_outdent(&f->lay, ox, ow);
		kg_lay_paginate(&f->lay, 0, 2);
		for (p = 0; p + 1 < f->lay.run.npages; p++) {
			const kg_lpage *pg = &f->lay.run.pages[p];
			size_t e = f->lay.run.place[pg->p0 + pg->np - 1].elem;

			ended[off >= 10] += (f->lay.run.el[e].flags & KG_EL_HYPHENATED) != 0;
		}
		kg_inline_free(&in);
	}
	assert_int_equal(ended[0], 0);
	assert_true(ended[1] > 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(test_cjk_between_characters,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_hyphen_in_word, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_fast_path_agrees,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_url_breaks, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_url_marked, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_cut_where_a_reader_accepts,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_hyphenation_points, kg_test_lay_setup,
						kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_paragraph_hyphenated,
						kg_test_lay_setup, kg_test_lay_teardown),
		cmocka_unit_test_setup_teardown(test_no_page_ends_hyphenated,
						kg_test_lay_setup, kg_test_lay_teardown),
	};
	return cmocka_run_group_tests_name("linebreak", tests, NULL, NULL);
}
