/* test_lay.h - for unit tests of the layout engine: a fixture with a
 * style of DejaVu faces, its fonts and metrics, and a layout of a body
 * 200 pt wide and 140 pt high (ten lines of 14 pt). Header-only. */
#ifndef KG_TEST_LAY_H
#define KG_TEST_LAY_H

#include <stdlib.h>
#include <string.h>

#include "diag.h"
#include "fonts.h"
#include "layout.h"
#include "pdf_style.h"

typedef struct kg_test_lay {
	kg_pdf_style st;
	kg_fonts *fonts;
	kg_metrics m;
	kg_lay lay;
} kg_test_lay;

static int kg_test_lay_setup(void **state)
{
	kg_test_lay *f = calloc(1, sizeof(*f));
	kg_diags d = KG_DIAGS_INIT;

	f->st.font_text = strdup("DejaVu Sans");
	f->st.sans = strdup("DejaVu Sans");
	f->st.m.code_mark = 0.75f;
	f->st.mono = strdup("DejaVu Sans Mono");
	f->st.body = 10;
	f->st.leading = 1.4f;
	f->st.small = 8;
	f->st.code_background = 0xEEEEEE;
	f->st.muted = 0x777777;
	f->fonts = kg_fonts_new(&f->st, &d);
	assert_non_null(f->fonts);
	f->m = kg_fonts_metrics(f->fonts);
	kg_lay_init(&f->lay, &f->m, &f->st, 200, 140);
	kg_diags_free(&d);
	*state = f;
	return 0;
}

static int kg_test_lay_teardown(void **state)
{
	kg_test_lay *f = *state;

	kg_lay_free(&f->lay);
	kg_fonts_free(f->fonts);
	free(f->st.font_text);
	free(f->st.sans);
	free(f->st.mono);
	free(f);
	return 0;
}

#endif
