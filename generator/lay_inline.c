/* lay_inline.c - inline content: text cut into pieces (words, spaces,
 * breaks) in one style each, measured, with where a line may end
 * (layout.h, layout_int.h) */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

/* ---- inline content -------------------------------------------------------- */

float kg_li_width(kg_lay *lay, const kg_tstyle *st, const char *s, size_t len)
{
	return (float)lay->fonts.width(lay->fonts.ctx, st->face, s, len) * st->size / 1000.0f;
}

static kg_piece *S_piece(kg_inline *in, kg_piece_kind kind, const kg_tstyle *st)
{
	kg_piece *p;

	KG_GROW(in->p, in->cap, in->n + 1);
	p = &in->p[in->n++];
	memset(p, 0, sizeof(*p));
	p->kind = kind;
	p->st = *st;
	return p;
}

/* A word of width w (1/1000 em), or -1 to measure it. */
void kg_li_word(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		   const char *s, size_t len, int brk, long w)
{
	kg_piece *p;

	if (len == 0)
		return;
	p = S_piece(in, KG_PIECE_WORD, st);
	p->w = w >= 0 ? (float)w * st->size / 1000.0f : kg_li_width(lay, st, s, len);
	p->str = kg_lay_str(lay, s, len);
	p->len = (uint32_t)len;
	p->brk = brk;
}

static void S_space(kg_lay *lay, kg_inline *in, const kg_tstyle *st)
{
	kg_piece *p;

	if (in->n && in->p[in->n - 1].kind == KG_PIECE_SPACE)
		return;
	p = S_piece(in, KG_PIECE_SPACE, st);
	p->str = kg_lay_str(lay, " ", 1);
	p->len = 1;
	p->w = kg_li_width(lay, st, " ", 1);
}

static int S_is_space(uint32_t c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' ||
	       c == '\v';
}

int kg_lay_code_break_after(uint32_t c, uint32_t next)
{
	if (next == 0 || S_is_space(next) || c == '-' || next == '-')
		return 0;
	if (c == '/' || c == ',' || c == ';' || c == ')' || c == ']' ||
	    c == '}' || c == '&' || c == '?' || c == '=')
		return next != c;
	return (next == '.' || next == '(' || next == '[' || next == '{') &&
	       c != next;
}

#define S_BALLOT_BOX 0x2610

/* A box to tick (layout.h, "Forms"): a word of its own, kept with the
 * word after it; s is the glyph, stored for nothing but its place. */
static void S_box(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		  const char *s, size_t len)
{
	kg_tstyle bs = *st;
	kg_piece *p;

	bs.box = 1;
	bs.code = 0;
	p = S_piece(in, KG_PIECE_WORD, &bs);
	p->str = kg_lay_str(lay, s, len);
	p->len = (uint32_t)len;
	p->w = lay->st->m.forms_box + lay->st->m.forms_box_gap;
	p->brk = 0;
}

/* Each word is measured whole, shaped (kerning, ligatures). Prose
 * breaks where UAX #14 allows (lay_breaks.c); link text that is a URL
 * breaks like code, at its own places, marked. */
void kg_inline_text(kg_lay *lay, kg_inline *in, const kg_tstyle *st,
		    const char *s, size_t len, int keep_spaces)
{
	const char *end = s + len, *at = s, *word = s, *after = s;
	uint32_t prev = 0, c, next = s < end ? kg_utf8_next_bmp(&after, end) : 0;
	const char *uax = NULL; /* UAX #14's places, or NULL */
	int prose = 0;
	kg_tstyle url;

	if (!keep_spaces && !st->code && st->link >= 0 && kg_li_is_url(s, len)) {
		url = *st;
		url.verbatim = 1;
		st = &url;
	} else if (!keep_spaces && !st->code) {
		prose = 1;
		if (kg_li_uax_needed(s, len))
			uax = kg_li_prose_breaks(lay, s, len);
	}

	while (at < end) {
		const char *cend = after;

		c = next;
		next = after < end ? kg_utf8_next_bmp(&after, end) : 0;
		if (c == S_BALLOT_BOX && !keep_spaces && !st->code) {
			kg_li_word(lay, in, st, word, (size_t)(at - word), 1, -1);
			S_box(lay, in, st, at, (size_t)(cend - at));
			if (next == ' ') { /* the box's gap stands for it */
				cend = after;
				next = after < end ? kg_utf8_next_bmp(&after, end) : 0;
			}
			word = cend;
		} else if ((S_is_space(c) && !keep_spaces) || (c < 0x20 && c != '\t')) {
			/* a space breaks; other controls are dropped */
			kg_li_word(lay, in, st, word, (size_t)(at - word), 0, -1);
			if (S_is_space(c))
				S_space(lay, in, st);
			word = cend;
		} else {
			int brk = keep_spaces ? c == ' ' && next != ' ' && next != 0
				  : st->code ? KG_BRK_CODE * kg_lay_code_break_after(c, next)
				  : !prose ? KG_BRK_CODE * kg_li_url_break_after(prev, c, next)
				  : next && !S_is_space(next) &&
				    kg_li_prose_break_after(prev, c, next,
							    !uax ? -1 :
							    uax[cend - 1 - s] == KG_LI_UAX_ALLOW);

			if (brk) {
				kg_li_word(lay, in, st, word, (size_t)(cend - word), brk, -1);
				word = cend;
			}
		}
		prev = c;
		at = cend;
	}
	kg_li_word(lay, in, st, word, (size_t)(end - word), 0, -1);
}

void kg_inline_break(kg_lay *lay, kg_inline *in, const kg_tstyle *st)
{
	(void)lay;
	S_piece(in, KG_PIECE_BREAK, st);
}

void kg_inline_mark(kg_lay *lay, kg_inline *in, const kg_tstyle *st)
{
	kg_piece *p = S_piece(in, KG_PIECE_MARK, st);

	p->st.tag = KG_TAG_ARTIFACT;
	p->w = st->size * lay->st->m.code_mark;
}

void kg_inline_reset(kg_inline *in)
{
	in->n = 0;
}

void kg_inline_free(kg_inline *in)
{
	free(in->p);
	in->p = NULL;
	in->n = in->cap = 0;
}

float kg_inline_width(const kg_inline *in)
{
	float w = 0, best = 0;
	size_t i;

	for (i = 0; i < in->n; i++) {
		if (in->p[i].kind == KG_PIECE_BREAK) {
			best = w > best ? w : best;
			w = 0;
		} else {
			w += in->p[i].w;
		}
	}
	return w > best ? w : best;
}

/* Code may be cut anywhere, with its mark (layout.h, "Code"): in the
 * narrowest width of a text (a table's column) it counts as at most this
 * many em of its size, so that a long token is cut rather than the words
 * of the columns beside it. */
#define S_CODE_LEAST_EM 8.0f

float kg_inline_min_width(const kg_inline *in)
{
	float w = 0, best = 0, code = 0;
	size_t i;

	for (i = 0; i < in->n; i++) {
		const kg_piece *p = &in->p[i];

		if (p->kind == KG_PIECE_WORD && p->st.verbatim) {
			float most = S_CODE_LEAST_EM * p->st.size;

			code = code + p->w < most ? code + p->w : most;
		} else if (p->kind == KG_PIECE_WORD) {
			w += code + p->w;
			code = 0;
		}
		if (p->kind != KG_PIECE_WORD || p->brk) {
			w += code;
			best = w > best ? w : best;
			w = code = 0;
		}
	}
	w += code;
	return w > best ? w : best;
}
