/*
 * smart.c - typographic punctuation (see smart.h).
 *
 * A quote opens when what comes before it is the start, a space or an
 * opening bracket or dash, and closes otherwise; an apostrophe inside a
 * word closes. After a word, a single quote closes a quote only when one
 * is open in the paragraph: else it is an apostrophe, ’ in every language
 * ("the teams' plans" is not a quotation, 「teams』 plans」 in Japanese). Runs of hyphens become em dashes, then an en dash.
 */
#include "smart.h"

#include <ctype.h>
#include <string.h>

#include "labels.h"
#include "utf8.h"

#define S_LDQUO "\xE2\x80\x9C"
#define S_RDQUO "\xE2\x80\x9D"
#define S_LSQUO "\xE2\x80\x98"
#define S_RSQUO "\xE2\x80\x99"
#define S_NDASH "\xE2\x80\x93"
#define S_MDASH "\xE2\x80\x94"
#define S_HELLIP "\xE2\x80\xA6"

static const kg_quotes S_english = {S_LDQUO, S_RDQUO, S_LSQUO, S_RSQUO};
/* the quotes in use on this thread (kg_smart_use) */
static _Thread_local kg_quotes S_quotes = {S_LDQUO, S_RDQUO, S_LSQUO, S_RSQUO};

kg_quotes kg_quotes_of(const kg_labels *labels)
{
	kg_quotes q;

	q.open = kg_label(labels, "punct.quote_open");
	q.close = kg_label(labels, "punct.quote_close");
	q.open2 = kg_label(labels, "punct.quote2_open");
	q.close2 = kg_label(labels, "punct.quote2_close");
	return q;
}

void kg_smart_use(const kg_quotes *q)
{
	S_quotes = q ? *q : S_english;
}

int kg_smart_english(void)
{
	return strcmp(S_quotes.open, S_LDQUO) == 0 &&
	       strcmp(S_quotes.close, S_RDQUO) == 0 &&
	       strcmp(S_quotes.open2, S_LSQUO) == 0 &&
	       strcmp(S_quotes.close2, S_RSQUO) == 0;
}

/* the fallback's marker and quotes on this thread (kg_smart_fallback) */
static _Thread_local const char *S_fb_mark;
static _Thread_local kg_quotes S_fb_quotes = {S_LDQUO, S_RDQUO, S_LSQUO, S_RSQUO};

void kg_smart_fallback(const char *mark, const kg_quotes *source)
{
	S_fb_mark = mark && *mark ? mark : NULL;
	S_fb_quotes = source ? *source : S_english;
}

int kg_smart_has_fallback(void)
{
	return S_fb_mark != NULL;
}

int kg_smart_opens_fallback(const char *s, size_t len)
{
	size_t n = S_fb_mark ? strlen(S_fb_mark) : 0;

	return n && len >= n && memcmp(s, S_fb_mark, n) == 0;
}

kg_quotes kg_smart_enter_fallback(void)
{
	kg_quotes was = S_quotes;

	S_quotes = S_fb_quotes;
	return was;
}

int kg_smart_english_all(void)
{
	kg_quotes was = S_quotes;
	int english = kg_smart_english();

	if (english && S_fb_mark) {
		S_quotes = S_fb_quotes;
		english = kg_smart_english();
		S_quotes = was;
	}
	return english;
}

/* Is c a letter or digit (for an apostrophe: a quote between two of them
 * is one)? ASCII's, and every character beyond it but punctuation. */
static int S_wordy(uint32_t c)
{
	if (c < 0x80)
		return isalnum((int)c);
	return !(c >= 0x2000 && c <= 0x206F) && c != 0xA0 && c != 0xAB &&
	       c != 0xBB && !(c >= 0x3000 && c <= 0x303F);
}

/* Is c Chinese, Japanese or Korean (ideographs, kana, hangul, their
 * punctuation and full-width forms), written without spaces? */
static int S_cjk(uint32_t c)
{
	return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
	       (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
	       (c >= 0x20000 && c <= 0x3FFFF);
}

/* Is a double quote open on this thread? Next to CJK text there are no
 * spaces to tell an opening quote from a closing one: they alternate
 * (a paragraph, *prev 0, starts with none open). */
static _Thread_local int S_double_open;
/* Is a single quote open in this paragraph? */
static _Thread_local int S_single_open;

/* Is a single quote after prev, before next (0: unknown), an apostrophe:
 * inside a word, or after one with no single quote open to close? */
static int S_apostrophe(uint32_t prev, uint32_t next)
{
	return S_wordy(prev) && ((next && S_wordy(next)) || !S_single_open);
}

/* Does a quote after c open? */
static int S_opens_after(uint32_t c)
{
	return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '(' ||
	       c == '[' || c == '{' || c == '/' || c == 0x2013 || c == 0x2014 ||
	       c == 0x201C || c == 0x2018 || c == 0xA0;
}

/* Can the byte start something kg_smart_append turns (all ASCII)? */
static int S_special(char b)
{
	return b == '"' || b == '\'' || b == '-' || b == '.';
}

/* The last character of s..end (not empty), as a walk from s decodes it. */
static uint32_t S_last(const char *s, const char *end)
{
	const char *q = end - 1, *p;
	uint32_t c;

	if (!((unsigned char)*q & 0x80))
		return (unsigned char)*q;
	while (q > s && ((unsigned char)*q & 0xC0) == 0x80 && end - q < 4)
		q--;
	p = q;
	c = kg_utf8_next(&p, end);
	if (p == end && c != KG_UTF8_REPLACEMENT)
		return c;
	for (p = s; p < end;) /* not UTF-8 there: as the walk decodes it */
		c = kg_utf8_next(&p, end);
	return c;
}

void kg_smart_append(kg_buf *out, const char *s, size_t len, uint32_t *prev)
{
	const char *end = s + len, *p = s;

	if (*prev == 0)
		S_double_open = S_single_open = 0;
	while (p < end) {
		const char *at = p, *run = p;
		uint32_t c, next;

		/* a run with nothing to turn, copied whole: only the
		 * character before a quote matters */
		while (run < end && !S_special(*run))
			run++;
		if (run > p) {
			kg_buf_put(out, p, (size_t)(run - p));
			*prev = S_last(p, run);
			p = run;
			continue;
		}
		c = kg_utf8_next(&p, end);
		next = p < end ? (unsigned char)*p : 0;

		/* at the end of s, what follows is unknown (the next piece
		 * of text, after emphasis or a link): the quote opens when
		 * what comes before says so */
		if (c == '"') {
			const char *q = p;
			uint32_t after = p < end ? kg_utf8_next(&q, end) : 0;
			int open = S_cjk(*prev) || S_cjk(after)
					   ? !S_double_open
					   : S_opens_after(*prev) && next != ' ';

			S_double_open = open;
			kg_buf_puts(out, open ? S_quotes.open : S_quotes.close);
			c = open ? 0x201C : 0x201D;
		} else if (c == '\'') {
			int open = S_opens_after(*prev) && next != ' ';

			/* an apostrophe, "don't", is ’ in every language */
			if (!open && S_apostrophe(*prev, next))
				kg_buf_puts(out, S_RSQUO);
			else
				kg_buf_puts(out, open ? S_quotes.open2
						      : S_quotes.close2);
			if (!open && !S_apostrophe(*prev, next))
				S_single_open = 0;
			else if (open)
				S_single_open = 1;
			c = open ? 0x2018 : 0x2019;
		} else if (c == '-' && next == '-') {
			size_t n = 1;

			while (p < end && *p == '-')
				p++, n++;
			for (; n >= 3 && n != 4; n -= 3)
				kg_buf_puts(out, S_MDASH);
			for (; n >= 2; n -= 2)
				kg_buf_puts(out, S_NDASH);
			if (n)
				kg_buf_putc(out, '-');
			c = 0x2013;
		} else if (c == '.' && end - p >= 2 && p[0] == '.' && p[1] == '.') {
			kg_buf_puts(out, S_HELLIP);
			p += 2;
			c = 0x2026;
		} else {
			kg_buf_put(out, at, (size_t)(p - at));
		}
		*prev = c;
	}
}

void kg_smart_requote(kg_buf *out, const char *s, size_t len, uint32_t *prev)
{
	const char *end = s + len, *p = s;

	if (*prev == 0)
		S_single_open = 0;
	while (p < end) {
		const char *at = p;
		uint32_t c = kg_utf8_next(&p, end);
		const char *q = NULL;

		if (c == 0x201C)
			q = S_quotes.open;
		else if (c == 0x201D)
			q = S_quotes.close;
		else if (c == 0x2018) {
			q = S_quotes.open2;
			S_single_open = 1;
		} else if (c == 0x2019 &&
			   !S_apostrophe(*prev, p < end ? (unsigned char)*p : 0)) {
			q = S_quotes.close2;
			S_single_open = 0;
		}
		if (q)
			kg_buf_puts(out, q);
		else
			kg_buf_put(out, at, (size_t)(p - at));
		*prev = c;
	}
}
