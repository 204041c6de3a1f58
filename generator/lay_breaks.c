/* lay_breaks.c - where a line of prose may end: the Unicode line
 * breaking algorithm (UAX #14, libunibreak) over each run of text, and
 * a URL's own rules (layout_int.h).
 *
 * UAX #14 is what lets Chinese and Japanese break between characters,
 * and keeps closing punctuation (。、」）！？) off a line's start and
 * opening punctuation (「（) off its end. Two of kitgen's older rules
 * stay on top of it: a hyphen breaks only between letters or digits
 * ("two-phase", never "-5"), and no line starts with an em dash. The
 * library is called once per run of text into scratch kept with the
 * layout, so that English prose costs one table look-up a character. */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include <linebreak.h>

#include "alloc.h"
#include "utf8.h"

kg_li_typeset *kg_li_typeset_of(kg_lay *lay)
{
	static int ready;

	if (!ready) { /* libunibreak's tables; the same for every layout */
		init_linebreak();
		ready = 1;
	}
	if (!lay->ts) {
		lay->ts = kg_xcalloc(1, sizeof(*lay->ts));
		kg_buf_init(&lay->ts->store);
	}
	return lay->ts;
}

void kg_lay_language(kg_lay *lay, const char *tag)
{
	kg_li_typeset *ts;

	kg_li_typeset_free(lay);
	ts = kg_li_typeset_of(lay);
	ts->lang = tag && *tag ? kg_xstrdup(tag) : NULL;
}

static int S_is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x2000);
}

#define S_EM_DASH 0x2014

const char *kg_li_prose_breaks(kg_lay *lay, const char *s, size_t len)
{
	kg_li_typeset *ts = kg_li_typeset_of(lay);
	const char *at = s, *end = s + len;
	uint32_t prev = 0, c, next;
	size_t i;

	KG_GROW(ts->brks, ts->cap_brks, len + 1);
	set_linebreaks_utf8((const utf8_t *)s, len, ts->lang, ts->brks);
	for (i = 0; i < len; i++)
		ts->brks[i] = ts->brks[i] == LINEBREAK_ALLOWBREAK;
	/* the rules kept on top of UAX #14: only where a hyphen or an em
	 * dash stands, so plain words cost nothing more */
	next = at < end ? kg_utf8_next_bmp(&at, end) : 0;
	while (next) {
		size_t last;

		c = next;
		last = (size_t)(at - s) - 1;
		next = at < end ? kg_utf8_next_bmp(&at, end) : 0;
		if (c == '-')
			ts->brks[last] = S_is_alnum(prev) && S_is_alnum(next);
		else if (next == S_EM_DASH)
			ts->brks[last] = 0;
		prev = c;
	}
	return ts->brks;
}

int kg_li_is_url(const char *s, size_t len)
{
	size_t i = 0;

	if ((len > 7 && strncmp(s, "mailto:", 7) == 0) ||
	    (len > 4 && strncmp(s, "www.", 4) == 0))
		return 1;
	while (i < len && ((s[i] >= 'a' && s[i] <= 'z') || (s[i] >= 'A' && s[i] <= 'Z') ||
			   (i > 0 && ((s[i] >= '0' && s[i] <= '9') || s[i] == '+' ||
				      s[i] == '.' || s[i] == '-'))))
		i++;
	return i >= 2 && i + 3 < len && strncmp(s + i, "://", 3) == 0;
}

/* After a slash (not inside "//": never in a scheme's "://"), a
 * question mark, an ampersand, an equals sign or a hash, the places
 * style guides give for a URL; never at its hyphens, which a reader
 * would take for hyphenation. */
int kg_li_url_break_after(uint32_t prev, uint32_t c, uint32_t next)
{
	(void)prev;
	if (next == 0 || next == c)
		return 0;
	return c == '/' || c == '?' || c == '&' || c == '=' || c == '#';
}
