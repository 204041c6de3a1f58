/*
 * smart.c - typographic punctuation (see smart.h).
 *
 * A quote opens when what comes before it is the start, a space or an
 * opening bracket or dash, and closes otherwise; an apostrophe inside a
 * word closes. Runs of hyphens become em dashes, then an en dash.
 */
#include "smart.h"

#include "utf8.h"

#define S_LDQUO "\xE2\x80\x9C"
#define S_RDQUO "\xE2\x80\x9D"
#define S_LSQUO "\xE2\x80\x98"
#define S_RSQUO "\xE2\x80\x99"
#define S_NDASH "\xE2\x80\x93"
#define S_MDASH "\xE2\x80\x94"
#define S_HELLIP "\xE2\x80\xA6"

/* Does a quote after c open? */
static int S_opens_after(uint32_t c)
{
	return c == 0 || c == ' ' || c == '\t' || c == '\n' || c == '(' ||
	       c == '[' || c == '{' || c == '/' || c == 0x2013 || c == 0x2014 ||
	       c == 0x201C || c == 0x2018 || c == 0xA0;
}

void kg_smart_append(kg_buf *out, const char *s, size_t len, uint32_t *prev)
{
	const char *end = s + len, *p = s;

	while (p < end) {
		const char *at = p;
		uint32_t c = kg_utf8_next(&p, end);
		uint32_t next = p < end ? (unsigned char)*p : 0;

		/* at the end of s, what follows is unknown (the next piece
		 * of text, after emphasis or a link): the quote opens when
		 * what comes before says so */
		if (c == '"') {
			int open = S_opens_after(*prev) && next != ' ';

			kg_buf_puts(out, open ? S_LDQUO : S_RDQUO);
			c = open ? 0x201C : 0x201D;
		} else if (c == '\'') {
			int open = S_opens_after(*prev) && next != ' ';

			kg_buf_puts(out, open ? S_LSQUO : S_RSQUO);
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
