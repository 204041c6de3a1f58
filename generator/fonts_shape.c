/*
 * fonts_shape.c - text shaped with HarfBuzz, measured and drawn (fonts.h,
 * fonts_int.h).
 *
 * Text is cut into chunks: each space (U+0020) alone, and each run of
 * other characters. A chunk is shaped once per face, direction and
 * document and kept in a hash table (the layout measures the same words
 * many times, and draws them again in its second pass): within it, each
 * character goes to the face when the face has it, else to its fallback
 * face (fonts.c), a combining mark or format character staying with the
 * character before it; each run of one font is a HarfBuzz buffer whose
 * script is guessed (hb_buffer_guess_segment_properties), shaped with
 * kerning and the standard ligatures, or, in the monospaced face of
 * code, with neither (-kern, -liga, -clig, -calt).
 *
 * Direction: the layout resolves the bidi algorithm (lay_bidi.c) and
 * asks for text of one embedding level at a time, saying whether it is
 * right to left. Such text is shaped right to left explicitly, so that
 * neutrals between Arabic words (brackets, punctuation) take the
 * paragraph's direction and a bracket is mirrored; other text has its
 * direction guessed from its script, which is left to right for
 * everything the layout gives as such. A chunk with a right-to-left
 * letter comes out right to left either way and shares one cache entry.
 * A right-to-left run comes out of HarfBuzz in visual order, its letters
 * joined.
 *
 * A character no installed font has is a warning, once a run (unless
 * glyphcheck.c gave it at its place already), and is drawn as U+FFFD
 * (or '?', when no font has that either); a glyph 0 (.notdef) the shaper
 * leaves is replaced the same way, so no box is ever drawn silently.
 * The ToUnicode text of the replacement is still the character written.
 *
 * Drawing: a text operation's chunks in visual order (the text is in
 * logical order: right-to-left text is drawn from its last chunk to its
 * first), as TJ arrays whose numbers are the difference between each
 * glyph's shaped position and its advance in the font (kerning, mark
 * offsets); a vertical offset is a text rise (Ts); a new font (a
 * fallback) is a Tf.
 * A bold face's glyphs from a fallback with no bold (Droid Sans
 * Fallback has none) are filled and stroked (2 Tr): a drawn bold, as
 * browsers draw it; 0 Tr follows them.
 *
 * Copying: each glyph's ToUnicode text is its cluster's characters; in
 * a right-to-left run, where the glyphs are in visual order, a cluster
 * of several characters (the lam-alef ligature) is mapped to them
 * reversed, so a reader that reverses the run's characters (as text
 * extraction does for right-to-left words) gives the logical order.
 */
#include "fonts.h"
#include "fonts_int.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "pdf_file.h"
#include "shape_ahead.h"
#include "shape_hb.h"
#include "utf8.h"

/* ---- the characters of a chunk and their fonts -------------------------------- */

static void S_scratch(kg_fonts *f, size_t n)
{
	if (n <= f->cap_cps)
		return;
	f->cap_cps = n > 2 * f->cap_cps ? n : 2 * f->cap_cps;
	f->cps = kg_xrealloc(f->cps, f->cap_cps * sizeof(*f->cps));
	f->subst = kg_xrealloc(f->subst, f->cap_cps * sizeof(*f->subst));
	f->fidx = kg_xrealloc(f->fidx, f->cap_cps * sizeof(*f->fidx));
	f->offs = kg_xrealloc(f->offs, f->cap_cps * sizeof(*f->offs));
	f->flag = kg_xrealloc(f->flag, f->cap_cps);
}

/* Does c belong with the character before it (a mark, a joiner, a
 * variation selector) rather than pick a font of its own? */
static int S_clings(uint32_t c)
{
	switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), c)) {
	case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
	case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
	case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
	case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
		return 1;
	default:
		return 0;
	}
}

/* Warn that no font has c, once a run: the content and the labels were
 * checked at their places before the layout (glyphcheck.c), so this is
 * the backstop for text that has none (a number, a name given on the
 * command line), and the warning quotes the word. */
static void S_missing(kg_fonts *f, uint32_t c, const char *s, size_t len)
{
	char key[32];
	size_t i;

	for (i = 0; i < f->nmissing; i++)
		if (f->missing[i] == c)
			return;
	KG_GROW(f->missing, f->cap_missing, f->nmissing + 1);
	f->missing[f->nmissing++] = c;
	snprintf(key, sizeof(key), KG_FONTS_MISSING_KEY, (unsigned long)c);
	if (!kg_diags_once(f->d, key))
		return;
	if (len > 60) { /* cut at a character's start */
		len = 60;
		while (len > 0 && kg_utf8_is_cont((unsigned char)s[len]))
			len--;
	}
	if (kg_utf8_chars(s, len) > 1)
		kg_warning(f->d, (kg_mark){NULL, 0, 0}, "character U+%04lX in "
			   "'%.*s' is in no installed font: the PDF shows a "
			   "replacement mark (install a font that has it)",
			   (unsigned long)c, (int)len, s);
	else
		kg_warning(f->d, (kg_mark){NULL, 0, 0}, "character U+%04lX is in "
			   "no installed font: the PDF shows a replacement mark "
			   "(install a font that has it)", (unsigned long)c);
}

/* The replacement mark: U+FFFD in the face, or in any font; else '?'. */
static long S_mark_font(kg_fonts *f, kg_face face, uint32_t *sub)
{
	long fb, own = f->own[face];

	*sub = KG_UTF8_REPLACEMENT;
	if (kg_font_has(f, (size_t)own, *sub))
		return own;
	if ((fb = kg_font_fallback(f, face, *sub)) >= 0)
		return fb;
	*sub = '?';
	return own;
}

/* Decode the chunk, and give each character its font; the count. */
static size_t S_assign(kg_fonts *f, kg_face face, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	size_t n = 0, own = f->own[face];

	S_scratch(f, len + 1);
	while (p < end) {
		uint32_t c;
		long fi;

		f->offs[n] = (size_t)(p - s);
		c = kg_utf8_next(&p, end);
		f->cps[n] = f->subst[n] = c;
		if (c < 0x20 || (c >= 0x7F && c < 0xA0)) {
			f->subst[n] = ' ';
			fi = (long)own;
		} else if (kg_font_has(f, own, c)) {
			fi = (long)own;
		} else if (n > 0 && S_clings(c)) {
			fi = (long)f->fidx[n - 1];
		} else if (n > 0 && f->fidx[n - 1] >= KG_NFACES &&
			   kg_font_has(f, f->fidx[n - 1], c)) {
			fi = (long)f->fidx[n - 1]; /* the neighbour's fallback: "です。" in one face */
		} else if ((fi = kg_font_fallback(f, face, c)) < 0) {
			S_missing(f, c, s, len);
			fi = S_mark_font(f, face, &f->subst[n]);
		}
		f->fidx[n++] = (uint32_t)fi;
	}
	f->offs[n] = len;
	return n;
}

/* ---- shaping ------------------------------------------------------------------ */

static void S_push(kg_fonts *f, const kg_glyph *g)
{
	KG_GROW(f->glyphs, f->cap_glyphs, f->nglyphs + 1);
	f->glyphs[f->nglyphs++] = *g;
}

/* The code for a glyph whose text is s (len bytes), reversed by
 * character. */
static uint32_t S_code_reversed(kg_fonts *f, size_t font, unsigned gid,
				const char *s, size_t len)
{
	char tmp[64];
	const char *p = s, *end = s + len;
	size_t at = len;

	if (len > sizeof(tmp))
		return kg_font_code(f, font, gid, s, len);
	while (p < end) {
		const char *c = p;

		kg_utf8_next(&p, end);
		at -= (size_t)(p - c);
		memcpy(tmp + at, c, (size_t)(p - c));
	}
	return kg_font_code(f, font, gid, tmp, len);
}

/* The count glyphs in f->hbg of characters i..j-1 (one font) of the
 * chunk, shaped (right to left when rtl), into sh: each glyph's code. */
static void S_take(kg_fonts *f, kg_shaped *sh, size_t i, size_t j,
		   size_t count, int rtl)
{
	size_t k;
	kg_font *ft = &f->font[f->fidx[i]];
	const kg_hb_glyph *gl = f->hbg;
	unsigned char *flag = f->flag; /* 1: a cluster starts, 2: its text given */
	size_t c;

	for (c = i; c < j; c++)
		flag[c] = 0;
	for (k = 0; k < count; k++)
		flag[gl[k].cluster] = 1;
	ft->measured = 1;
	for (k = 0; k < count; k++) {
		size_t cl = gl[k].cluster, end = cl + 1;
		unsigned gid = gl[k].gid;
		kg_glyph g;
		size_t tlen = 0;

		while (end < j && !flag[end])
			end++;
		if (!(flag[cl] & 2)) { /* the cluster's first glyph: its text */
			tlen = f->offs[end] - f->offs[cl];
			flag[cl] |= 2;
		}
		g.font = f->fidx[i];
		g.adv = gl[k].adv;
		g.xoff = gl[k].xoff;
		g.yoff = gl[k].yoff;
		if (gid == 0) { /* never a silent .notdef */
			hb_codepoint_t rep;

			S_missing(f, f->cps[cl], sh->s, sh->len);
			if (!hb_font_get_nominal_glyph(ft->hfont, KG_UTF8_REPLACEMENT, &rep) &&
			    !hb_font_get_nominal_glyph(ft->hfont, '?', &rep))
				rep = 0;
			gid = rep;
			g.adv = hb_font_get_glyph_h_advance(ft->hfont, gid);
			g.xoff = g.yoff = 0;
		}
		if (rtl && tlen > 1)
			g.code = S_code_reversed(f, g.font, gid, sh->s + f->offs[cl], tlen);
		else
			g.code = kg_font_code(f, g.font, gid, sh->s + f->offs[cl], tlen);
		g.bytes = kg_font_code_bytes(g.code);
		sh->width += g.adv;
		S_push(f, &g);
	}
}

/* Shape characters i..j-1 (one font) of the chunk into sh, right to
 * left when rtl_chunk, else in the direction of their script. */
static void S_shape_run(kg_fonts *f, kg_face face, kg_shaped *sh, size_t n,
			size_t i, size_t j, int rtl_chunk)
{
	int rtl;
	size_t count = kg_hb_shape(f->buf, f->font[f->fidx[i]].hfont, f->hblang,
				   face == KG_FACE_MONO, f->subst, n, i, j,
				   rtl_chunk, &f->hbg, &f->cap_hbg, &rtl);

	S_take(f, sh, i, j, count, rtl);
}

/* The chunk s (len bytes) shaped ahead on another core (shape_ahead.h),
 * in the face, left to right: its characters decoded as S_assign
 * decodes them, all of the face (the thread took no other), and its
 * glyphs taken; 0 when it was not. */
static int S_ahead(kg_fonts *f, kg_face face, kg_shaped *sh, const char *s,
		   size_t len)
{
	const char *p = s, *end = s + len;
	size_t n = 0, count, own = f->own[face];
	int rtl;

	if (kg_font_load(f, own) < 0 ||
	    !kg_ahead_find(f->font[own].hfont, face == KG_FACE_MONO, s, len,
			   &f->hbg, &f->cap_hbg, &count, &rtl))
		return 0;
	S_scratch(f, len + 1);
	while (p < end) {
		f->offs[n] = (size_t)(p - s);
		f->cps[n] = f->subst[n] = kg_utf8_next(&p, end);
		f->fidx[n++] = (uint32_t)own;
	}
	f->offs[n] = len;
	S_take(f, sh, 0, n, count, rtl);
	return 1;
}

/* A hash of the face and the text, eight bytes at a time (words are
 * looked up several times each: this is on the layout's hot path). */
static uint32_t S_hash(int face, const char *s, size_t len)
{
	uint64_t h = 0x9E3779B97F4A7C15u ^ ((uint64_t)len << 8) ^ (uint64_t)face;
	uint64_t w;

	for (; len >= 8; s += 8, len -= 8) {
		memcpy(&w, s, 8);
		h = (h ^ w) * 0xFF51AFD7ED558CCDu;
		h ^= h >> 29;
	}
	w = 0;
	memcpy(&w, s, len);
	h = (h ^ w) * 0xC4CEB9FE1A85EC53u;
	h ^= h >> 32;
	return (uint32_t)h;
}

#define S_AT(f, t) ((kg_shaped *)(void *)((f)->arena.ptr + (t)->at - 1))

/* The slot of (face, s) in the table, or of the empty slot where it
 * goes. */
static size_t S_slot(const kg_fonts *f, uint32_t h, int face, int rtl,
		     const char *s, size_t len)
{
	size_t i = h & (f->tabcap - 1);

	for (;; i = (i + 1) & (f->tabcap - 1)) {
		const struct kg_shaped_slot *t = &f->tab[i];
		const kg_shaped *e;

		if (!t->at)
			return i;
		if (t->hash != h)
			continue;
		e = S_AT(f, t);
		if (e->len == len && e->face == face && e->rtl == rtl &&
		    memcmp(e->s, s, len) == 0)
			return i;
	}
}

static void S_rehash(kg_fonts *f)
{
	struct kg_shaped_slot *old = f->tab;
	size_t n = f->tabcap, i;

	f->tabcap = n ? 2 * n : 4096;
	f->tab = kg_xcalloc(f->tabcap, sizeof(*f->tab));
	for (i = 0; i < n; i++)
		if (old[i].at) {
			const kg_shaped *e = S_AT(f, &old[i]);

			f->tab[S_slot(f, old[i].hash, e->face, e->rtl, e->s,
				      e->len)] = old[i];
		}
	free(old);
}

size_t kg_fonts_shape(kg_fonts *f, kg_face face, int rtl, const char *s,
		      size_t len)
{
	uint32_t h;
	kg_shaped *e;
	size_t n, i, j, slot, at, size;

	if (len == 1 && *s == ' ') {
		if (f->space[face])
			return f->space[face] - 1;
		rtl = 0;
	}
	/* a right-to-left letter makes the guess right to left: one entry */
	if (rtl && kg_utf8_maybe_rtl(s, len))
		rtl = 0;
	h = S_hash((int)face + (rtl ? KG_NFACES : 0), s, len);
	if (4 * (f->nshaped + 1) > 3 * f->tabcap)
		S_rehash(f);
	slot = S_slot(f, h, (int)face, rtl, s, len);
	if (f->tab[slot].at)
		return f->tab[slot].at - 1;
	/* a record of its own in the arena, 4-byte aligned */
	at = (f->arena.len + 3) & ~(size_t)3;
	size = sizeof(*e) + len + 1;
	kg_buf_grow(&f->arena, at - f->arena.len + size);
	f->arena.len = at + size;
	e = (kg_shaped *)(void *)(f->arena.ptr + at);
	memset(e, 0, sizeof(*e));
	e->face = (uint8_t)face;
	e->rtl = (uint8_t)(rtl != 0);
	memcpy(e->s, s, len);
	e->s[len] = '\0';
	e->len = (uint32_t)len;
	e->g0 = (uint32_t)f->nglyphs;
	f->font[f->own[face]].measured = 1;
	/* shaped ahead (none right to left), else here */
	n = !e->rtl && S_ahead(f, face, e, e->s, len) ? 0
						       : S_assign(f, face, e->s, len);
	/* a right-to-left chunk's runs of one font (a fallback's letters,
	 * the face's full stop) are shaped right to left and laid out from
	 * its last to its first, so its glyphs are in visual order */
	rtl = n && !kg_hb_digits(f->subst, n) &&
	      (e->rtl || kg_hb_first_strong_rtl(f->cps, n));
	for (i = 0; !rtl && i < n; i = j) {
		for (j = i + 1; j < n && f->fidx[j] == f->fidx[i]; j++)
			;
		S_shape_run(f, face, e, n, i, j, 0);
	}
	for (j = n; rtl && j > 0; j = i) {
		for (i = j - 1; i > 0 && f->fidx[i - 1] == f->fidx[j - 1]; i--)
			;
		S_shape_run(f, face, e, n, i, j, 1);
	}
	e->ng = (uint32_t)(f->nglyphs - e->g0);
	f->tab[slot].hash = h;
	f->tab[slot].at = (uint32_t)at + 1;
	f->nshaped++;
	if (len == 1 && *s == ' ')
		f->space[face] = at + 1;
	return at;
}

/* The cache of shaped chunks holds at most this many glyphs (24 bytes
 * each) before it starts again: a kit's published PDF of a few hundred
 * pages stays well inside it (content/'s holds 75,000), while one of
 * 1,000 topics would hold half a million, 13 MB kept to the end. Starting
 * again costs only shaping: a glyph's code lives with its font, so a
 * chunk shaped again draws the same bytes. */
#define S_MAX_GLYPHS ((size_t)1 << 17)

/* Forget every shaped chunk, keeping the memory (a cache full once is
 * full again). Only where no caller holds an offset: at the start of
 * kg_fonts_width and kg_fonts_show. */
static void S_forget(kg_fonts *f)
{
	f->arena.len = 0;
	f->nglyphs = 0;
	f->nshaped = 0;
	memset(f->tab, 0, f->tabcap * sizeof(*f->tab));
	memset(f->space, 0, sizeof(f->space));
}

void kg_fonts_release_shapes(kg_fonts *f)
{
	/* the empty state kg_fonts_new leaves: S_rehash makes a table again,
	 * S_push grows the glyphs again */
	kg_buf_release(&f->arena);
	free(f->tab);
	f->tab = NULL;
	f->tabcap = 0;
	f->nshaped = 0;
	free(f->glyphs);
	f->glyphs = NULL;
	f->nglyphs = f->cap_glyphs = 0;
	memset(f->space, 0, sizeof(f->space));
}

void kg_fonts_shape_free(kg_fonts *f)
{
	kg_buf_release(&f->arena);
	free(f->tab);
	free(f->glyphs);
	free(f->cps);
	free(f->subst);
	free(f->fidx);
	free(f->offs);
	free(f->flag);
	free(f->hbg);
	free(f->missing);
}

/* ---- measuring --------------------------------------------------------------------- */

/* The end of the chunk that starts at s. */
static const char *S_chunk_end(const char *s, const char *end)
{
	if (*s == ' ')
		return s + 1;
	while (s < end && *s != ' ')
		s++;
	return s;
}

long kg_fonts_width(kg_fonts *f, kg_face face, const char *s, size_t len)
{
	return kg_fonts_width_dir(f, face, 0, s, len);
}

long kg_fonts_width_dir(kg_fonts *f, kg_face face, int rtl, const char *s,
			size_t len)
{
	const char *end = s + len, *next;
	long w = 0;

	if (f->nglyphs > S_MAX_GLYPHS)
		S_forget(f);
	if (len == 1 && *s == ' ' && f->space[face])
		return KG_SHAPED(f, f->space[face] - 1)->width;

	for (; s < end; s = next) {
		size_t at; /* shape first, then look: the arena may move */

		next = S_chunk_end(s, end);
		at = kg_fonts_shape(f, face, rtl, s, (size_t)(next - s));
		w += KG_SHAPED(f, at)->width;
	}
	return w;
}

/* ---- drawing ---------------------------------------------------------------------- */

typedef struct S_pen {
	kg_buf *out;
	int in_array, in_string;
	long pend;   /* a TJ number not yet written */
	long rise;   /* the text rise, 1/100 unit */
	int stroke;  /* drawing a drawn bold: 2 Tr */
} S_pen;

static void S_close_string(S_pen *p)
{
	if (p->in_string)
		kg_buf_putc(p->out, ')');
	p->in_string = 0;
}

static void S_flush(S_pen *p)
{
	if (p->pend && p->in_array) {
		S_close_string(p);
		kg_buf_puts(p->out, p->pend > 0 ? " -" : " ");
		kg_buf_putu(p->out, (unsigned long)(p->pend > 0 ? p->pend : -p->pend));
	}
	p->pend = 0;
}

static void S_close_array(S_pen *p)
{
	S_close_string(p);
	if (p->in_array)
		kg_buf_puts(p->out, "] TJ\n");
	p->in_array = 0;
}

int kg_fonts_emboldens(kg_fonts *f, kg_face face, const char *s, size_t len)
{
	const char *end = s + len, *next;
	uint32_t k;

	/* only a fallback face is drawn bold (kg_font_synthetic_bold): with
	 * none in the document yet, nothing is */
	if (f->nfonts <= KG_NFACES)
		return 0;
	for (; s < end; s = next) {
		const kg_shaped *e;
		size_t at; /* shape first, then look: the arena may move */

		next = S_chunk_end(s, end);
		at = kg_fonts_shape(f, face, 0, s, (size_t)(next - s));
		e = KG_SHAPED(f, at);
		for (k = 0; k < e->ng; k++)
			if (kg_font_synthetic_bold(f, face, f->glyphs[e->g0 + k].font))
				return 1;
	}
	return 0;
}

void kg_fonts_show(kg_fonts *f, kg_face face, int rtl, float size,
		   const char *s, size_t len, int *cur_font, float *cur_size,
		   kg_buf *out)
{
	const char *end = s + len, *next;
	size_t stack[64], *sh = stack;
	size_t n = 0, cap = 64, i, k;
	S_pen p = {out, 0, 0, 0, 0, 0};

	if (f->nglyphs > S_MAX_GLYPHS)
		S_forget(f);
	for (; s < end; s = next) {
		next = S_chunk_end(s, end);
		if (n == cap) {
			cap *= 2;
			if (sh == stack) {
				sh = kg_xmalloc(cap * sizeof(*sh));
				memcpy(sh, stack, sizeof(stack));
			} else {
				sh = kg_xrealloc(sh, cap * sizeof(*sh));
			}
		}
		sh[n++] = kg_fonts_shape(f, face, rtl, s, (size_t)(next - s));
	}
	for (i = 0; i < n; i++) { /* in visual order */
		const kg_shaped *e = KG_SHAPED(f, sh[rtl ? n - 1 - i : i]);

		for (k = 0; k < e->ng; k++) {
			const kg_glyph *g = &f->glyphs[e->g0 + k];
			const kg_font *ft = &f->font[g->font];
			long rise = g->yoff ? lrintf((float)g->yoff * size / 10.0f) : 0;
			int stroke = kg_font_synthetic_bold(f, face, g->font);

			if ((int)g->font != *cur_font || size != *cur_size) {
				S_flush(&p);
				S_close_array(&p);
				kg_buf_puts(out, "/F");
				kg_buf_putu(out, g->font);
				kg_buf_putc(out, ' ');
				kg_pdf_fixed(out, lrintf(size * 100), 2);
				kg_buf_puts(out, "Tf\n");
				*cur_font = (int)g->font;
				*cur_size = size;
			}
			if (stroke != p.stroke) {
				S_flush(&p);
				S_close_array(&p);
				kg_buf_puts(out, stroke ? "2 Tr\n" : "0 Tr\n");
				p.stroke = stroke;
			}
			if (rise != p.rise) {
				S_flush(&p);
				S_close_array(&p);
				kg_pdf_fixed(out, rise, 2);
				kg_buf_puts(out, "Ts\n");
				p.rise = rise;
			}
			if (!p.in_array) {
				kg_buf_putc(out, '[');
				p.in_array = 1;
			}
			p.pend += g->xoff;
			S_flush(&p);
			kg_buf_grow(out, 3);
			if (!p.in_string) {
				out->ptr[out->len++] = '(';
				p.in_string = 1;
			}
			out->ptr[out->len++] = (char)(g->bytes >> 8);
			out->ptr[out->len++] = (char)(g->bytes & 0xFF);
			p.pend = g->adv - g->xoff - ft->width[g->code];
		}
	}
	p.pend = 0; /* the next text is placed afresh */
	S_close_array(&p);
	if (p.rise)
		kg_buf_puts(out, "0 Ts\n");
	if (p.stroke)
		kg_buf_puts(out, "0 Tr\n");
	if (sh != stack)
		free(sh);
}
