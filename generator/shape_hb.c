/* shape_hb.c - one run of characters shaped with HarfBuzz (shape_hb.h). */
#include "shape_hb.h"

#include "alloc.h"

static const char *const S_code_features[] = {"-kern", "-liga", "-clig", "-calt"};

int kg_hb_digits(const uint32_t *cps, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (hb_unicode_general_category(hb_unicode_funcs_get_default(),
						cps[i]) !=
		    HB_UNICODE_GENERAL_CATEGORY_DECIMAL_NUMBER)
			return 0;
	return n > 0;
}

int kg_hb_first_strong_rtl(const uint32_t *cps, size_t n)
{
	hb_unicode_funcs_t *u = hb_unicode_funcs_get_default();
	size_t i;

	for (i = 0; i < n; i++) {
		hb_script_t sc = hb_unicode_script(u, cps[i]);
		hb_direction_t d;

		if (sc == HB_SCRIPT_COMMON || sc == HB_SCRIPT_INHERITED ||
		    sc == HB_SCRIPT_UNKNOWN)
			continue; /* punctuation, digits, marks: no direction */
		d = hb_script_get_horizontal_direction(sc);
		if (d == HB_DIRECTION_RTL || d == HB_DIRECTION_LTR)
			return d == HB_DIRECTION_RTL;
	}
	return 0;
}

int kg_hb_rtl_chunk(const uint32_t *cps, size_t n)
{
	return !kg_hb_digits(cps, n) && kg_hb_first_strong_rtl(cps, n);
}

size_t kg_hb_shape(hb_buffer_t *buf, hb_font_t *hf, hb_language_t lang, int mono,
		   const uint32_t *cps, size_t n, size_t i, size_t j,
		   int rtl_chunk, kg_hb_glyph **out, size_t *cap, int *rtl)
{
	hb_feature_t feats[4];
	unsigned nfeats = 0, count, k;
	hb_glyph_info_t *info;
	hb_glyph_position_t *pos;

	if (mono)
		for (; nfeats < 4; nfeats++)
			hb_feature_from_string(S_code_features[nfeats], -1,
					       &feats[nfeats]);
	hb_buffer_clear_contents(buf);
	hb_buffer_add_codepoints(buf, cps, (int)n, (unsigned)i, (int)(j - i));
	if (rtl_chunk)
		hb_buffer_set_direction(buf, HB_DIRECTION_RTL);
	hb_buffer_set_language(buf, lang);
	hb_buffer_guess_segment_properties(buf);
	/* a number reads left to right in every script (UAX #9): Arabic-Indic
	 * digits alone would be guessed right to left, and 12 drawn as 21 */
	if (kg_hb_digits(cps + i, j - i))
		hb_buffer_set_direction(buf, HB_DIRECTION_LTR);
	hb_shape(hf, buf, nfeats ? feats : NULL, nfeats);
	if (!hb_buffer_allocation_successful(buf)) /* HarfBuzz ran out */
		kg_oom(0);
	*rtl = hb_buffer_get_direction(buf) == HB_DIRECTION_RTL;
	info = hb_buffer_get_glyph_infos(buf, &count);
	pos = hb_buffer_get_glyph_positions(buf, NULL);
	KG_GROW(*out, *cap, count);
	for (k = 0; k < count; k++) {
		(*out)[k].gid = info[k].codepoint;
		(*out)[k].cluster = info[k].cluster;
		(*out)[k].adv = pos[k].x_advance;
		(*out)[k].xoff = pos[k].x_offset;
		(*out)[k].yoff = pos[k].y_offset;
	}
	return count;
}

