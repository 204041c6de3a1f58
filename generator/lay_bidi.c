/* lay_bidi.c - bidirectional text: a paragraph's embedding levels by the
 * Unicode bidi algorithm (FriBidi), its words cut where the level
 * changes, each line's pieces placed in visual order, and the mirror of
 * a right-to-left kit's elements (layout.h, "Bidi"; layout_int.h).
 *
 * Invariants: the breaker works on pieces in logical order, and so does
 * everything that reads a line's pieces (ls->s) but their x, which this
 * file sets last. The scratch arrays live in lay->bidi and only grow: no
 * allocation per character or per paragraph once they are large enough.
 */
#include "layout_int.h"

#include <fribidi.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

/* The characters that stand for what is no text in the logical string. */
#define S_LINE_SEP 0x2028 /* a forced break: a line, not a paragraph */
#define S_OBJECT 0xFFFC   /* a drawn mark: a neutral */
#define S_LRI 0x2066      /* a code span: an isolate, left to right */
#define S_PDI 0x2069
/* a box to tick: strong, in the kit's direction, so that a form's
 * choices ("☐ Strong ☐ Weak") read in the kit's order, each box at its
 * label's start, whatever the labels' script */
#define S_BOX(lay) ((lay)->rtl ? 0x200F : 0x200E) /* RLM, LRM */

struct kg_li_bidi {
	FriBidiChar *cp;
	FriBidiCharType *types;
	FriBidiBracketType *br;
	FriBidiLevel *lv;
	size_t cap;
	uint32_t *first;      /* per piece: its first character in cp */
	size_t cap_first;
	kg_inline out;        /* the paragraph with levels */
	size_t *ord;          /* a line's pieces in visual order */
	float *vx;            /* their places from the line's left */
	uint8_t *lev;         /* the levels they are shown at */
	size_t cap_ord;
};

void kg_lay_set_rtl(kg_lay *lay, int rtl)
{
	lay->rtl = rtl != 0;
}

int kg_lay_rtl(const kg_lay *lay)
{
	return lay->rtl;
}

void kg_li_bidi_free(kg_lay *lay)
{
	struct kg_li_bidi *b = lay->bidi;

	if (!b)
		return;
	free(b->cp);
	free(b->types);
	free(b->br);
	free(b->lv);
	free(b->first);
	kg_inline_free(&b->out);
	free(b->ord);
	free(b->vx);
	free(b->lev);
	free(b);
	lay->bidi = NULL;
}

static struct kg_li_bidi *S_scratch(kg_lay *lay, size_t nchars, size_t npieces)
{
	struct kg_li_bidi *b = lay->bidi;

	if (!b)
		b = lay->bidi = kg_xcalloc(1, sizeof(*b));
	if (nchars > b->cap) {
		b->cap = nchars > 2 * b->cap ? nchars : 2 * b->cap;
		b->cp = kg_xrealloc(b->cp, b->cap * sizeof(*b->cp));
		b->types = kg_xrealloc(b->types, b->cap * sizeof(*b->types));
		b->br = kg_xrealloc(b->br, b->cap * sizeof(*b->br));
		b->lv = kg_xrealloc(b->lv, b->cap * sizeof(*b->lv));
	}
	KG_GROW(b->first, b->cap_first, npieces + 1);
	return b;
}

/* Is the piece inline code (an isolate)? */
static int S_span(const kg_piece *p)
{
	return p->st.verbatim && p->st.code;
}

/* Is it a code block's (verbatim or monospaced, not shaded: a listing's
 * line and its numbers)? */
static int S_block_code(const kg_piece *p)
{
	return (p->st.verbatim || p->st.face == KG_FACE_MONO) && !p->st.code;
}

/* Is there no bidi to do: a left-to-right kit and no right-to-left
 * letter, or a code block (left to right throughout)? The count of
 * characters (an upper bound: bytes) and of isolate marks in *n. */
static int S_fast(const kg_lay *lay, const kg_inline *in, size_t *n)
{
	int rtl = 0, code_block = 1;
	size_t i, chars = 0;

	for (i = 0; i < in->n; i++) {
		const kg_piece *p = &in->p[i];

		chars += (p->kind == KG_PIECE_WORD ? p->len : 1) + 2;
		if (p->kind != KG_PIECE_WORD)
			continue;
		if (!S_block_code(p))
			code_block = 0;
		if (!rtl && !p->st.verbatim)
			rtl = kg_utf8_maybe_rtl(lay->run.text.ptr + p->str, p->len);
	}
	*n = chars;
	return code_block || (!lay->rtl && !rtl);
}

/* The paragraph's logical text into b->cp, each piece's first character
 * in b->first; returns its length. */
static size_t S_text(const kg_lay *lay, const kg_inline *in,
		     struct kg_li_bidi *b)
{
	size_t i, n = 0;
	int open = 0; /* inside a code span's isolate */

	for (i = 0; i < in->n; i++) {
		const kg_piece *p = &in->p[i];
		int code = p->kind == KG_PIECE_WORD && S_span(p);

		/* a code span's spaces belong to it when code goes on after */
		if (p->kind == KG_PIECE_SPACE && open && i + 1 < in->n &&
		    in->p[i + 1].kind == KG_PIECE_WORD && S_span(&in->p[i + 1]))
			code = 1;
		if (open && !code) {
			b->cp[n++] = S_PDI;
			open = 0;
		} else if (!open && code) {
			b->cp[n++] = S_LRI;
			open = 1;
		}
		b->first[i] = (uint32_t)n;
		if (p->kind == KG_PIECE_WORD && p->st.box) {
			b->cp[n++] = S_BOX(lay);
		} else if (p->kind == KG_PIECE_WORD) {
			const char *s = lay->run.text.ptr + p->str, *end = s + p->len;

			while (s < end)
				b->cp[n++] = kg_utf8_next(&s, end);
		} else {
			b->cp[n++] = p->kind == KG_PIECE_SPACE ? ' '
				     : p->kind == KG_PIECE_BREAK ? S_LINE_SEP
								  : S_OBJECT;
		}
	}
	if (open)
		b->cp[n++] = S_PDI;
	b->first[in->n] = (uint32_t)n;
	return n;
}

/* Append piece p to out, its text [s, s + len) of the stored string, at
 * level lv; measured again when it is a part, or right to left and of
 * neutrals (a mirrored bracket), else its width kept. */
static kg_piece *S_put(kg_lay *lay, kg_inline *out, const kg_piece *p,
		       uint32_t str, uint32_t len, int lv)
{
	kg_piece *q;

	KG_GROW(out->p, out->cap, out->n + 1);
	q = &out->p[out->n++];
	*q = *p;
	q->level = (uint8_t)lv;
	if (p->kind != KG_PIECE_WORD || p->st.box ||
	    (str == p->str && len == p->len &&
	     (!(lv & 1) || kg_utf8_maybe_rtl(lay->run.text.ptr + str, len))))
		return q;
	q->str = str;
	q->len = len;
	if ((lv & 1) && lay->fonts.rtl_width)
		q->w = (float)lay->fonts.rtl_width(lay->fonts.ctx, p->st.face,
						   lay->run.text.ptr + str, len) *
		       p->st.size / 1000.0f;
	else
		q->w = kg_li_width(lay, &p->st, lay->run.text.ptr + str, len);
	return q;
}

/* Piece p (characters b->first[i] on) into out, cut where the level
 * changes; the parts' widths add up to the word's (the breaker and the
 * tables measured it whole), the last taking what kerning leaves. */
static void S_cut(kg_lay *lay, kg_inline *out, const kg_piece *p, size_t i,
		  const struct kg_li_bidi *b)
{
	const char *s = lay->run.text.ptr + p->str, *end = s + p->len, *at = s;
	size_t c = b->first[i], first = out->n, k;
	float sum = 0;

	while (at < end) {
		const char *start = at;
		FriBidiLevel lv = b->lv[c];

		while (at < end && b->lv[c] == lv) {
			kg_utf8_next(&at, end);
			c++;
		}
		S_put(lay, out, p, p->str + (uint32_t)(start - s),
		      (uint32_t)(at - start), lv)->brk = at < end ? 0 : p->brk;
	}
	if (out->n - first < 2)
		return;
	for (k = first; k + 1 < out->n; k++)
		sum += out->p[k].w;
	if (p->w - sum > 0)
		out->p[out->n - 1].w = p->w - sum;
}

const kg_inline *kg_li_bidi_levels(kg_lay *lay, const kg_inline *in, int *rtl)
{
	struct kg_li_bidi *b;
	FriBidiParType dir;
	size_t n, i;

	*rtl = 0;
	if (S_fast(lay, in, &n))
		return in;
	b = S_scratch(lay, n, in->n);
	n = S_text(lay, in, b);
	/* a paragraph's direction: its first strong character's, else the
	 * kit's; the furniture's: the kit's */
	dir = lay->dir_fixed ? (lay->rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR)
			     : (lay->rtl ? FRIBIDI_PAR_WRTL : FRIBIDI_PAR_WLTR);
	fribidi_get_bidi_types(b->cp, (FriBidiStrIndex)n, b->types);
	fribidi_get_bracket_types(b->cp, (FriBidiStrIndex)n, b->types, b->br);
	if (!fribidi_get_par_embedding_levels_ex(b->types, b->br,
						 (FriBidiStrIndex)n, &dir, b->lv))
		kg_oom(0); /* FriBidi fails only for want of memory */
	*rtl = FRIBIDI_IS_RTL(dir) != 0;
	b->out.n = 0;
	for (i = 0; i < in->n; i++) {
		const kg_piece *p = &in->p[i];
		size_t c = b->first[i], e = b->first[i + 1];
		FriBidiLevel lv = b->lv[c];
		int uniform = 1;

		if (p->kind == KG_PIECE_WORD)
			for (; c < e; c++)
				if (b->cp[c] != S_PDI && b->cp[c] != S_LRI &&
				    b->lv[c] != lv)
					uniform = 0;
		if (uniform)
			S_put(lay, &b->out, p, p->str, p->len, lv);
		else
			S_cut(lay, &b->out, p, i, b);
	}
	return &b->out;
}

/* ---- lines in visual order ---------------------------------------------------- */

/* Reverse ord[i..j). */
static void S_reverse(size_t *ord, size_t i, size_t j)
{
	while (i + 1 < j) {
		size_t t = ord[i];

		ord[i++] = ord[--j];
		ord[j] = t;
	}
}

/* The levels a line's pieces are shown at, into lev: spaces at the
 * line's end have the paragraph's (rule L1). */
static void S_levels(const kg_li_lines *ls, const kg_li_line *l, uint8_t *lev)
{
	size_t k = l->ns;
	int trailing = 1;

	while (k-- > 0) {
		const kg_piece *p = &ls->s[l->s0 + k].p;

		trailing &= p->kind == KG_PIECE_SPACE || p->kind == KG_PIECE_BREAK;
		lev[k] = trailing ? (uint8_t)ls->rtl : p->level;
	}
}

static void S_line(kg_lay *lay, kg_li_lines *ls, kg_li_line *l)
{
	struct kg_li_bidi *b = lay->bidi;
	kg_li_placed *s = ls->s + l->s0;
	int hi = 0, lo = 255, lv;
	size_t k, i;
	float v = 0;

	if (!b)
		b = lay->bidi = kg_xcalloc(1, sizeof(*b));
	if (l->ns > b->cap_ord) {
		b->cap_ord = l->ns > 2 * b->cap_ord ? l->ns : 2 * b->cap_ord;
		b->ord = kg_xrealloc(b->ord, b->cap_ord * sizeof(*b->ord));
		b->vx = kg_xrealloc(b->vx, b->cap_ord * sizeof(*b->vx));
		b->lev = kg_xrealloc(b->lev, b->cap_ord);
	}
	S_levels(ls, l, b->lev);
	for (k = 0; k < l->ns; k++) /* runs of text are made by level */
		s[k].p.level = b->lev[k];
	for (k = 0; k < l->ns; k++) {
		lv = b->lev[k];
		b->ord[k] = k;
		hi = lv > hi ? lv : hi;
		lo = (lv & 1) && lv < lo ? lv : lo;
	}
	/* L2: from the highest level to the lowest odd one, reverse every
	 * run of pieces at that level or higher */
	for (lv = hi; lv >= lo && lv > 0; lv--)
		for (k = 0; k < l->ns; k = i + 1) {
			while (k < l->ns && b->lev[b->ord[k]] < lv)
				k++;
			for (i = k; i < l->ns && b->lev[b->ord[i]] >= lv; i++)
				;
			S_reverse(b->ord, k, i);
		}
	for (k = 0; k < l->ns; k++) {
		b->vx[b->ord[k]] = v;
		v += s[b->ord[k]].p.w;
	}
	/* mirrored later as the element closes: placed from the other end */
	for (k = 0; k < l->ns; k++)
		s[k].x = lay->rtl ? l->w - b->vx[k] - s[k].p.w : b->vx[k];
}

void kg_li_bidi_lines(kg_lay *lay, kg_li_lines *ls)
{
	size_t i, k;

	for (i = 0; i < ls->nl; i++) {
		kg_li_line *l = &ls->l[i];
		int plain = !lay->rtl;

		for (k = 0; plain && k < l->ns; k++)
			plain = ls->s[l->s0 + k].p.level == 0;
		if (!plain)
			S_line(lay, ls, l);
	}
}

/* ---- the mirror of a right-to-left kit -------------------------------------------- */

void kg_li_mirror_ops(kg_lay *lay, kg_elem *e)
{
	float w = lay->width;
	size_t i = e->op0 > lay->run.mirrored_ops ? e->op0 : lay->run.mirrored_ops;

	lay->run.mirrored_ops = lay->run.nops;
	if (!lay->rtl || (e->flags & KG_EL_BACK))
		return;
	for (; i < lay->run.nops; i++) {
		kg_op *op = &lay->run.ops[i];

		switch (op->type) {
		case KG_OP_LINE: /* from (x, y) to (x + w, y + h) */
			op->x = w - op->x;
			op->w = -op->w;
			break;
		case KG_OP_PAGEREF:
			op->x = w - op->x;
			op->rtl = 1;
			break;
		case KG_OP_DEST:
			break;
		default:
			op->x = w - op->x - op->w;
			break;
		}
	}
}

/* ---- one line by itself ------------------------------------------------------------ */

size_t kg_bidi_runs(const char *s, size_t len, int rtl, kg_bidi_run **runs)
{
	FriBidiChar *cp = kg_xmalloc((len + 1) * sizeof(*cp));
	FriBidiCharType *types = kg_xmalloc((len + 1) * sizeof(*types));
	FriBidiBracketType *br = kg_xmalloc((len + 1) * sizeof(*br));
	FriBidiLevel *lv = kg_xmalloc((len + 1) * sizeof(*lv));
	uint32_t *at = kg_xmalloc((len + 1) * sizeof(*at));
	FriBidiParType dir = rtl ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
	int top = 0, low = 256, l;
	const char *p = s, *end = s + len;
	kg_bidi_run *r = NULL;
	size_t n = 0, nr = 0, i, j, k;

	while (p < end) {
		at[n] = (uint32_t)(p - s);
		cp[n++] = kg_utf8_next(&p, end);
	}
	at[n] = (uint32_t)len;
	if (n) {
		fribidi_get_bidi_types(cp, (FriBidiStrIndex)n, types);
		fribidi_get_bracket_types(cp, (FriBidiStrIndex)n, types, br);
		if (!fribidi_get_par_embedding_levels_ex(types, br,
							 (FriBidiStrIndex)n,
							 &dir, lv))
			kg_oom(0);
		r = kg_xmalloc(n * sizeof(*r));
	}
	/* the runs of one level, in logical order */
	for (i = 0; i < n; i = j) {
		for (j = i + 1; j < n && lv[j] == lv[i]; j++)
			;
		r[nr].off = at[i];
		r[nr].len = at[j] - at[i];
		r[nr].level = (uint8_t)lv[i];
		if (lv[i] > top)
			top = lv[i];
		if ((lv[i] & 1) && lv[i] < low)
			low = lv[i]; /* (none odd: nothing is reversed) */
		nr++;
	}
	/* rule L2: from the highest level to the lowest odd one, every
	 * sequence of runs at that level or higher is reversed */
	for (l = top; l >= low; l--) {
		for (i = 0; i < nr; i = j) {
			if ((int)r[i].level < l) {
				j = i + 1;
				continue;
			}
			for (j = i; j < nr && (int)r[j].level >= l; j++)
				;
			for (k = 0; k < (j - i) / 2; k++) {
				kg_bidi_run t = r[i + k];

				r[i + k] = r[j - 1 - k];
				r[j - 1 - k] = t;
			}
		}
	}
	free(cp);
	free(types);
	free(br);
	free(lv);
	free(at);
	*runs = r;
	return nr;
}
