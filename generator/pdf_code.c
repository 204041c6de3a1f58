/*
 * pdf_code.c - a code listing (a CODE block) laid out for the PDF writer:
 * monospace in a shaded box, a gutter of line numbers from 1, a line too
 * long for the box wrapped where a token ends (after a space or a
 * separator, before an opening bracket or a dot) and only inside a token
 * when it has no such place, each part after the first marked with
 * code's continuation mark (a hook drawn as lines, no character: a copy
 * of the listing holds its lines as written) and indented. One element
 * per printed line, so the box splits across pages; the page it goes on
 * to starts with "(continued)".
 *
 * Invariants: tabs are expanded to stops of four columns before
 * measuring; a wrapped line's parts are kept on one page.
 */
#include "pdf_writer.h"

#include <string.h>

#include "utf8.h"

/* What a listing's lines share while they are laid out. */
typedef struct S_listing {
	kg_pw *c;
	kg_tstyle code, gutter;
	int digits;   /* of the last line's number */
	float width;  /* for the code right of the gutter */
	float mark_w; /* of the continuation mark and the space after it */
} S_listing;

/* Width of len bytes of UTF-8 at s in the code face. */
static float S_width(const S_listing *l, const char *s, size_t len)
{
	return (float)kg_fonts_width(l->c->fonts, KG_FACE_MONO, s, len) *
	       l->code.size / 1000.0f;
}

/* Where a line may wrap before byte i of s (0 < i < len): after a space
 * or a separator, before an opening bracket or a dot. */
static int S_break_before(const char *s, size_t i)
{
	char prev = s[i - 1], ch = s[i];

	if (ch == ' ')
		return 0; /* spaces stay at the end of the part before */
	return prev == ' ' || strchr(",;)]}", prev) ||
	       (strchr("([{.", ch) && prev != ' ');
}

/* One source line with its tabs expanded to stops of four, in out. */
static void S_expand(const char *p, size_t len, kg_buf *out)
{
	size_t i, col = 0;

	kg_buf_reset(out);
	for (i = 0; i < len; i++) {
		if (p[i] == '\t') {
			do
				kg_buf_putc(out, ' ');
			while (++col % 4);
		} else {
			kg_buf_putc(out, p[i]);
			col += ((unsigned char)p[i] & 0xC0) != 0x80;
		}
	}
}

/* How many bytes of s (len) fit in width: cut at the last place a line
 * may wrap, or between characters when there is none or when it would
 * leave the line less than half full (a token longer than a line is cut
 * where the line ends, not moved whole); at least one character. */
static size_t S_fit(const S_listing *l, const char *s, size_t len, float width)
{
	const char *p = s, *end = s + len;
	size_t last_break = 0, at;
	float w = 0, w_break = 0;

	while (p < end) {
		const char *q = p;

		kg_utf8_next_bmp(&q, end);
		w += S_width(l, p, (size_t)(q - p));
		at = (size_t)(p - s);
		if (w > width && at > 0)
			return last_break && w_break >= width / 2 ? last_break : at;
		p = q;
		if (p < end && S_break_before(s, (size_t)(p - s))) {
			last_break = (size_t)(p - s);
			w_break = w;
		}
	}
	return len;
}

/* One printed line: the gutter (the number, or blanks, then the
 * continuation mark and a space; all artifacts), then len bytes of code.
 * keep: the next printed line stays on its page. */
static void S_print(const S_listing *l, long number, const char *s,
		    size_t len, int keep)
{
	kg_pw *c = l->c;
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	char gutter[32];

	if (number > 0)
		snprintf(gutter, sizeof(gutter), "%*ld  ", l->digits, number);
	else
		snprintf(gutter, sizeof(gutter), "%*s  ", l->digits, "");
	kg_inline_text(&c->lay, &in, &l->gutter, gutter, strlen(gutter), 1);
	if (number <= 0) {
		kg_inline_mark(&c->lay, &in, &l->gutter);
		kg_inline_text(&c->lay, &in, &l->gutter, " ", 1, 1);
	}
	if (len)
		kg_inline_text(&c->lay, &in, &l->code, s, len, 1);
	o.leading = c->st->m.code_leading;
	o.keep = keep;
	kg_lay_para(&c->lay, &in, &o);
	kg_inline_free(&in);
}

/* A source line, wrapped into printed lines. last: the listing's last. */
static void S_line(const S_listing *l, long number, const kg_buf *text,
		   int last)
{
	const char *s = text->ptr;
	size_t len = text->len, n;
	float width = l->width;

	do {
		n = S_fit(l, s, len, width);
		S_print(l, number, s, n, n < len || (number == 1 && !last));
		s += n;
		len -= n;
		number = 0;
		width = l->width - l->mark_w;
	} while (len);
}

/* The "(continued)" line that heads the listing's part on a later page. */
static void S_continued(kg_pw *c)
{
	kg_tstyle t = kg_pw_style(KG_FACE_SANS_ITALIC, c->st->small, c->st->muted);
	kg_inline in = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);

	t.tag = KG_TAG_ARTIFACT; /* page furniture, as a running head is */
	kg_pw_text(c, &in, &t, kg_pw_smart(c, c->st->labels.continued));
	kg_lay_para(&c->lay, &in, &o);
	kg_inline_free(&in);
}

static long S_count_lines(const char *p)
{
	long n = 0;

	for (; *p; p++)
		n += *p == '\n' || p[1] == '\0';
	return n;
}

void kg_pw_code(kg_pw *c, const kg_block *b)
{
	const kg_pdf_style *st = c->st;
	S_listing l;
	kg_box_style bs;
	kg_inline cap = KG_INLINE_INIT;
	kg_para_opts o = kg_pw_para(c);
	kg_tstyle ct = kg_pw_style(KG_FACE_SANS_BOLD, st->small, st->muted);
	kg_buf line = KG_BUF_INIT;
	const char *p = b->text;
	long n = S_count_lines(p), number = 0;
	size_t head, first;

	l.c = c;
	l.code = kg_pw_style(KG_FACE_MONO, st->code, st->text);
	l.gutter = kg_pw_style(KG_FACE_MONO, st->code, st->muted);
	l.gutter.tag = KG_TAG_ARTIFACT; /* the code is read without them */
	for (l.digits = 1; n >= 10; n /= 10)
		l.digits++;
	kg_pw_space(c, st->paragraph);
	kg_pw_tag_open(c, KG_ST_P);
	kg_pw_text(c, &cap, &ct, b->title);
	o.keep = 1;
	kg_lay_para(&c->lay, &cap, &o);
	kg_pw_tag_close(c);
	kg_inline_free(&cap);
	kg_pw_tag_open(c, KG_ST_CODE);
	memset(&bs, 0, sizeof(bs));
	bs.fill = st->code_background;
	bs.bar = st->rule;
	bs.pad = st->box_padding * st->m.code_padding;
	bs.kind = "code";
	kg_lay_box_open(&c->lay, &bs);
	head = kg_lay_mark(&c->lay);
	S_continued(c);
	first = kg_lay_mark(&c->lay);
	l.width = kg_lay_line_width(&c->lay) - S_width(&l, "0", 1) *
		  (float)(l.digits + 2) - st->m.code_slack;
	l.mark_w = st->code * st->m.code_mark + S_width(&l, " ", 1);
	while (*p) {
		const char *nl = strchr(p, '\n');
		size_t len = nl ? (size_t)(nl - p) : strlen(p);

		S_expand(p, len, &line);
		p += len + (nl ? 1 : 0);
		S_line(&l, ++number, &line, *p == '\0');
	}
	kg_lay_head_only(&c->lay, head, first);
	kg_lay_box_close(&c->lay);
	kg_pw_tag_close(c);
	kg_buf_release(&line);
}
