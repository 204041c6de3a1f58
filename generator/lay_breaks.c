/* lay_breaks.c - where a line of prose may end: the Unicode line
 * breaking algorithm (UAX #14, libunibreak) over each run of text, and
 * a URL's own rules (layout_int.h).
 *
 * UAX #14 is what lets Chinese and Japanese break between characters,
 * and keeps closing punctuation (。、」）！？) off a line's start and
 * opening punctuation (「（) off its end. kitgen tailors it (as UAX #14
 * allows) with its older, stricter rules: a hyphen breaks only between
 * letters or digits ("two-phase", never "-5"); no line starts with an
 * em dash; and between two characters of scripts written with spaces
 * a line ends only after a slash or a dash that UAX #14 allows, not
 * at its other places inside a word ("x?y", "<%title%>", "don’t"
 * with English quotes), which prose set with spaces never needs. The
 * library is called once per run of text into scratch kept with the
 * layout, and only for a run that needs it: in one with no East Asian
 * character and no dash, most of a European kit, the only places are a
 * hyphen's and a slash's, and UAX #14's answer for a slash before an
 * ASCII character depends on that character alone (a unit test holds
 * the two ways to agree). */
#include "layout_int.h"

#include <stdlib.h>
#include <string.h>

#include <linebreak.h>
#include <linebreakdef.h>

#include "alloc.h"
#include "labels.h"
#include "utf8.h"

_Static_assert(KG_LI_UAX_ALLOW == LINEBREAK_ALLOWBREAK, "libunibreak's value");

kg_li_typeset *kg_li_typeset_of(kg_lay *lay)
{
	static int ready;

	if (!ready) { /* libunibreak's tables; the same for every layout */
		init_linebreak();
		ready = 1;
	}
	if (!lay->ts)
		lay->ts = kg_xcalloc(1, sizeof(*lay->ts));
	return lay->ts;
}

/* The language libunibreak is told of: Chinese, Japanese and Korean,
 * whose quotation marks open and close (“ ” 「 」); for the others its
 * tailoring makes a closing quote a place to break before a letter
 * ("”>" in markup, "’s"), so they get the untailored rule, no break at
 * a quotation mark. */
static const char *S_unibreak_lang(const char *tag)
{
	static const char *const cjk[] = {"zh", "ja", "ko"};
	char lang[9];
	size_t i;

	if (!tag)
		return NULL;
	kg_lang_primary(tag, lang, sizeof(lang));
	for (i = 0; i < sizeof(cjk) / sizeof(cjk[0]); i++)
		if (strcmp(lang, cjk[i]) == 0)
			return cjk[i];
	return NULL;
}

void kg_lay_language(kg_lay *lay, const char *tag)
{
	kg_li_typeset *ts;

	kg_li_typeset_free(lay);
	ts = kg_li_typeset_of(lay);
	ts->lang = tag && *tag ? kg_xstrdup(tag) : NULL;
	ts->unibreak_lang = S_unibreak_lang(ts->lang);
}

const char *kg_li_prose_breaks(kg_lay *lay, const char *s, size_t len)
{
	kg_li_typeset *ts = kg_li_typeset_of(lay);

	KG_GROW(ts->brks, ts->cap_brks, len + 1);
	set_linebreaks_utf8((const utf8_t *)s, len, ts->unibreak_lang, ts->brks);
	return ts->brks;
}

static int S_is_alnum(uint32_t c)
{
	return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ||
	       (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c < 0x2000);
}

/* Is c a character of the East Asian scripts, set without spaces
 * (Hangul, CJK, kana, their full-width punctuation)? */
static int S_wide(uint32_t c)
{
	return c >= 0x1100 &&
	       (c <= 0x115F || (c >= 0x2E80 && c <= 0xA4CF) ||
		(c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
		(c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
		(c >= 0xFFE0 && c <= 0xFFE6));
}

#define S_EN_DASH 0x2013
#define S_EM_DASH 0x2014

/* Beside East Asian text, after a dash, after a slash before a
 * character that is not ASCII: the places where kg_li_prose_break_after
 * needs UAX #14's answer. */
int kg_li_uax_needed(const char *s, size_t len)
{
	const char *p = s, *end = s + len;

	while (p < end) {
		uint32_t c;

		if ((unsigned char)*p < 0x80) {
			if (*p++ == '/' && p < end && (unsigned char)*p >= 0x80)
				return 1;
			continue;
		}
		c = kg_utf8_next_bmp(&p, end);
		if (S_wide(c) || c == S_EN_DASH || c == S_EM_DASH)
			return 1;
	}
	return 0;
}

/* Does UAX #14 allow a break after a slash before ASCII character
 * next? Not before a digit ("1/2"), nor before closing or ending
 * punctuation (libunibreak's answer for every pair: tests/unit). */
static int S_uax_ascii_slash(uint32_t next)
{
	return !(next >= '0' && next <= '9') && !strchr("!\"'),-./:;?]|}", (int)next);
}

int kg_li_prose_break_after(uint32_t prev, uint32_t c, uint32_t next, int uax)
{
	if (c == '-')
		return S_is_alnum(prev) && S_is_alnum(next);
	if (uax < 0) /* not asked: of the places below, only a slash's */
		return c == '/' && S_uax_ascii_slash(next);
	if (!uax || next == S_EM_DASH)
		return 0;
	if (S_wide(c) || S_wide(next))
		return 1;
	/* between two characters of other scripts, kitgen's own places */
	return c == '/' || c == S_EN_DASH || c == S_EM_DASH;
}

/* UAX #14's class of c, from libunibreak's table (sorted ranges, ended
 * by one that starts at 0xFFFFFFFF). */
static enum LineBreakClass S_lb_class(uint32_t c)
{
	static size_t n;
	size_t lo = 0, hi;

	if (!n)
		while (lb_prop_default[n].start != 0xFFFFFFFF)
			n++;
	hi = n;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (c < lb_prop_default[mid].start)
			hi = mid;
		else if (c > lb_prop_default[mid].end)
			lo = mid + 1;
		else
			return lb_prop_default[mid].prop;
	}
	return LBP_XX;
}

int kg_li_cut_rank(uint32_t a, uint32_t b)
{
	enum LineBreakClass cb = S_lb_class(b), ca;

	if (cb == LBP_CM || a == 0x200D) /* a mark, a joiner: one character */
		return 0;
	ca = S_lb_class(a);
	if (ca == LBP_OP || cb == LBP_CL || cb == LBP_CP || cb == LBP_EX ||
	    cb == LBP_IS || cb == LBP_NS)
		return 1;
	return 2;
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
