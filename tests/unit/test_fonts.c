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
#include "pdf_style.h"

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

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_faces_shared_glyphs_not),
		cmocka_unit_test(test_shape_cache_starts_again),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
