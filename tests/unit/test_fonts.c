/* test_fonts.c - the faces a build's documents share, and what stays each
 * document's own (fonts.h, "Shared faces"); the cache of shaped words,
 * which starts again when full and draws the same bytes after. */
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
#include "fonts_int.h"
#include "node.h"
#include "pdf_style.h"
#include "shape_ahead.h"
#include "utf8.h"
#include "yaml_load.h"

static kg_pdf_style S_style(void)
{
	kg_pdf_style st;

	memset(&st, 0, sizeof(st));
	st.font_text = "DejaVu Serif";
	st.sans = "DejaVu Sans";
	st.mono = "DejaVu Sans Mono";
	return st;
}

static kg_fonts *S_fonts(const kg_pdf_style *st)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_fonts *f = kg_fonts_new(st, &d);

	assert_non_null(f);
	kg_diags_free(&d);
	return f;
}

static size_t S_glyphs_used(const kg_font *ft)
{
	size_t i, n = 0;

	for (i = 0; i < ft->nglyphs; i++)
		n += ft->used[i];
	return n;
}

/* Two documents borrow one face, and neither sees the other's glyphs. */
static void test_faces_shared_glyphs_not(void **state)
{
	kg_pdf_style st = S_style();
	kg_fonts *a = S_fonts(&st), *b;

	(void)state;
	assert_true(kg_fonts_width(a, KG_FACE_REGULAR, "Quartz", 6) > 0);
	b = S_fonts(&st);
	assert_ptr_equal(a->font[KG_FACE_REGULAR].hfont,
			 b->font[KG_FACE_REGULAR].hfont);
	assert_ptr_equal(a->font[KG_FACE_REGULAR].def,
			 b->font[KG_FACE_REGULAR].def);
	assert_ptr_not_equal(a->font[KG_FACE_REGULAR].used,
			     b->font[KG_FACE_REGULAR].used);
	/* .notdef and Q, u, a, r, t, z in a; only .notdef in b */
	assert_int_equal(S_glyphs_used(&a->font[KG_FACE_REGULAR]), 7);
	assert_int_equal(S_glyphs_used(&b->font[KG_FACE_REGULAR]), 1);
	assert_int_equal(b->font[KG_FACE_REGULAR].ncodes, 0);
	assert_int_equal(kg_fonts_width(a, KG_FACE_REGULAR, "Quartz", 6),
			 kg_fonts_width(b, KG_FACE_REGULAR, "Quartz", 6));
	/* a face one document never loaded, loaded by the next, is the same */
	assert_true(kg_fonts_width(b, KG_FACE_MONO, "x", 1) > 0);
	kg_fonts_free(a);
	a = S_fonts(&st);
	assert_true(kg_fonts_width(a, KG_FACE_MONO, "x", 1) > 0);
	assert_ptr_equal(a->font[KG_FACE_MONO].hfont, b->font[KG_FACE_MONO].hfont);
	kg_fonts_free(a);
	kg_fonts_free(b);
}

static void S_show(kg_fonts *f, const char *s, kg_buf *out)
{
	int font = -1;
	float size = -1;

	kg_buf_reset(out);
	kg_fonts_show(f, KG_FACE_REGULAR, 0, 10, s, strlen(s), &font, &size, out);
}

/* Past its size the cache of shaped words starts again; a word shaped
 * again is drawn with the same codes, so with the same bytes. */
static void test_shape_cache_starts_again(void **state)
{
	kg_pdf_style st = S_style();
	kg_fonts *f = S_fonts(&st);
	kg_buf before = KG_BUF_INIT, after = KG_BUF_INIT;
	char word[16];
	size_t codes, k, most = 0;

	(void)state;
	S_show(f, "Typeset office, AV", &before);
	codes = f->font[KG_FACE_REGULAR].ncodes;
	/* distinct words of six letters: 7 glyphs each with the space */
	for (k = 0; k < 40000; k++) {
		snprintf(word, sizeof(word), "%c%c%c%c%c ", 'a' + (int)(k % 26),
			 'a' + (int)(k / 26 % 26), 'a' + (int)(k / 676 % 26),
			 'a' + (int)(k / 17576 % 26), 'q');
		kg_fonts_width(f, KG_FACE_REGULAR, word, strlen(word));
		if (f->nglyphs > most)
			most = f->nglyphs;
	}
	assert_true(most > ((size_t)1 << 17));   /* it filled */
	assert_true(f->nglyphs < ((size_t)1 << 17)); /* and started again */
	S_show(f, "Typeset office, AV", &after);
	assert_int_equal(before.len, after.len);
	assert_memory_equal(before.ptr, after.ptr, before.len);
	/* no new code for glyphs drawn before: the fonts kept them */
	assert_true(f->font[KG_FACE_REGULAR].ncodes >= codes);
	kg_buf_release(&before);
	kg_buf_release(&after);
	kg_fonts_free(f);
}

/* Once the pages are drawn the shaped words' memory is given back; a
 * width measured or a word drawn afterwards is shaped again, the same. */
static void test_shapes_released(void **state)
{
	kg_pdf_style st = S_style();
	kg_fonts *f = S_fonts(&st);
	kg_buf before = KG_BUF_INIT, after = KG_BUF_INIT;
	long w;

	(void)state;
	S_show(f, "Typeset office, AV", &before);
	w = kg_fonts_width(f, KG_FACE_REGULAR, "Typeset office, AV", 18);
	assert_true(f->nglyphs > 0);
	kg_fonts_release_shapes(f);
	assert_null(f->glyphs);
	assert_null(f->tab);
	assert_int_equal(f->arena.cap, 0);
	assert_int_equal(f->nglyphs, 0);
	assert_int_equal(f->nshaped, 0);
	S_show(f, "Typeset office, AV", &after);
	assert_int_equal(before.len, after.len);
	assert_memory_equal(before.ptr, after.ptr, before.len);
	assert_int_equal(kg_fonts_width(f, KG_FACE_REGULAR, "Typeset office, AV",
					18), w);
	/* " " has a slot of its own, which must not survive either */
	kg_fonts_release_shapes(f);
	assert_true(kg_fonts_width(f, KG_FACE_REGULAR, " ", 1) > 0);
	kg_buf_release(&before);
	kg_buf_release(&after);
	kg_fonts_free(f);
}

/* The word w was shaped ahead in hf (as code when mono), the glyphs the
 * layout's own call gives. */
static void S_ahead_same(kg_fonts *f, hb_font_t *hf, int mono, const char *w,
			 kg_hb_glyph **got, size_t *cap_got, kg_hb_glyph **want,
			 size_t *cap_want)
{
	const char *p = w, *end = w + strlen(w);
	uint32_t cps[64];
	size_t n = 0, ng = 0, nw;
	int rtl = -1, rtl_want;

	while (p < end)
		cps[n++] = kg_utf8_next(&p, end);
	if (!kg_ahead_find(hf, mono, w, strlen(w), got, cap_got, &ng, &rtl))
		fail_msg("'%s' was not shaped ahead%s", w, mono ? " as code" : "");
	nw = kg_hb_shape(f->buf, hf, f->hblang, mono, cps, n, 0, n, 0, want, cap_want,
			 &rtl_want);
	assert_int_equal(ng, nw);
	assert_int_equal(rtl, rtl_want);
	assert_memory_equal(*got, *want, nw * sizeof(**want));
}

/* The texts the thread reads (kg_ahead_texts): two trees' scalars, a
 * "code" field's as code, as the build gives the kit's. */
typedef struct S_reading {
	kg_ahead_text_fn text;
	void *arg;
} S_reading;

static int S_read_scalar(void *ctx, const kg_node *key, const kg_node *v)
{
	S_reading *r = ctx;

	return r->text(r->arg, v->text, v->len,
		       key && key->len == 4 && memcmp(key->text, "code", 4) == 0);
}

static void S_read_trees(void *ctx, kg_ahead_text_fn text, void *arg)
{
	kg_node *const *trees = ctx;
	S_reading r = {text, arg};

	if (!kg_node_each_scalar(trees[0], S_read_scalar, &r))
		kg_node_each_scalar(trees[1], S_read_scalar, &r);
}

/* Words shaped ahead on the second core (shape_ahead.h) are the glyphs
 * the layout's own call gives, and only the words it may take: left to
 * right, every character in the face, typographic quotes and dashes as
 * the layout makes them, Markdown's marks left out, pieces after a
 * hyphen or a slash; code spans and a code field in code's face, whole
 * and cut where code may break. */
static void test_shaped_ahead_as_the_layout_would(void **state)
{
	static const char yaml[] =
		"a: \"Type office, \\\"quoted\\\" it's a follow-up on AV/Wo\"\n"
		"b:\n"
		"  - \"*emphasis* and `code` -- done, ``a `b` c`` `x.y(z)`\"\n"
		"  - code: \"SELECT id FROM t\"\n"
		"  - \"\\u0645\\u0631\\u062D\\u0628\\u0627 \\u4E2D\\u6587\"\n"
		"  - \"1234 \\u00DCn\\u00EFc\\u00F6d\\u00E9 [linked](https://example.org/x)\"\n";
	static const char *const found[] = {
		"Type", "office,", "\xE2\x80\x9Cquoted\xE2\x80\x9D", "it\xE2\x80\x99s",
		"follow-up", "follow-", "up", "AV/Wo", "AV/", "Wo", "emphasis",
		"\xE2\x80\x93", "done,", "1234",
		"\xC3\x9C" "n\xC3\xAF" "c\xC3\xB6" "d\xC3\xA9", "linked"};
	static const char *const code[] = {
		"code", "a", "`b`", "c", "x.y(z)", "x", ".y", "(z)", "SELECT", "id",
		"FROM", "t"};
	static const char *const not_found[] = {
		/* right to left; a fallback face's; a control character */
		"\xD9\x85\xD8\xB1\xD8\xAD\xD8\xA8\xD8\xA7", "\xE4\xB8\xAD\xE6\x96\x87",
		"x\ay",
		/* as written, not as set */
		"*emphasis*", "`code`", "--", "\"quoted\"", "it's",
		"[linked](https://example.org/x)", "never-written", "x.y(z)",
		"SELECT"};
	kg_pdf_style st = S_style();
	kg_fonts *f = S_fonts(&st);
	hb_font_t *hf = f->font[KG_FACE_REGULAR].hfont, *mono;
	kg_diags d = KG_DIAGS_INIT;
	kg_quotes en = kg_quotes_of(NULL);
	kg_node *trees[2];
	kg_hb_glyph *got = NULL, *want = NULL;
	size_t cap_got = 0, cap_want = 0, i;

	(void)state;
	trees[0] = kg_node_load_string("ahead.yaml", yaml, sizeof(yaml) - 1, &d);
	assert_non_null(trees[0]);
	assert_int_equal(d.errors, 0);
	/* no content file holds one, but a text given otherwise may */
	trees[1] = kg_node_new_str("x\ay");
	assert_int_equal(kg_font_load(f, KG_FACE_MONO), 0);
	mono = f->font[KG_FACE_MONO].hfont;
	kg_ahead_texts(S_read_trees, trees);
	kg_ahead_start(hf, mono, f->hblang, &en);
	kg_ahead_wait();
	for (i = 0; i < sizeof(found) / sizeof(found[0]); i++)
		S_ahead_same(f, hf, 0, found[i], &got, &cap_got, &want, &cap_want);
	for (i = 0; i < sizeof(code) / sizeof(code[0]); i++)
		S_ahead_same(f, mono, 1, code[i], &got, &cap_got, &want, &cap_want);
	for (i = 0; i < sizeof(not_found) / sizeof(not_found[0]); i++) {
		size_t ng = 0;
		int rtl;

		if (kg_ahead_find(hf, 0, not_found[i], strlen(not_found[i]), &got,
				  &cap_got, &ng, &rtl))
			fail_msg("'%s' was shaped ahead", not_found[i]);
	}
	/* code is not prose's, another font is never answered for */
	assert_false(kg_ahead_find(mono, 0, "SELECT", 6, &got, &cap_got, &i,
				   &(int){0}));
	assert_false(kg_ahead_find(hf, 1, "Type", 4, &got, &cap_got, &i,
				   &(int){0}));
	assert_false(kg_ahead_find(f->font[KG_FACE_BOLD].hfont, 0, "Type", 4, &got,
				   &cap_got, &i, &(int){0}));
	kg_ahead_stop();
	assert_false(kg_ahead_find(hf, 0, "Type", 4, &got, &cap_got, &i, &(int){0}));
	kg_ahead_texts(NULL, NULL);
	free(got);
	free(want);
	kg_node_free(trees[0]);
	kg_node_free(trees[1]);
	kg_diags_free(&d);
	kg_fonts_free(f);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_faces_shared_glyphs_not),
		cmocka_unit_test(test_shape_cache_starts_again),
		cmocka_unit_test(test_shapes_released),
		cmocka_unit_test(test_shaped_ahead_as_the_layout_would),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
