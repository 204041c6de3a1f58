/*
 * utf8.c - decoding, stepping through and validating UTF-8 (utf8.h).
 */
#include "utf8.h"

/* The length a lead byte announces, with its payload bits in *cp; 0 when
 * c cannot start a character (a continuation byte, C0, C1, F5..FF). */
static size_t S_lead(unsigned char c, unsigned *cp)
{
	if (c < 0x80)
		return *cp = c, 1;
	if (c >= 0xC2 && c <= 0xDF)
		return *cp = c & 0x1Fu, 2;
	if (c >= 0xE0 && c <= 0xEF)
		return *cp = c & 0x0Fu, 3;
	if (c >= 0xF0 && c <= 0xF4)
		return *cp = c & 0x07u, 4;
	return 0;
}

size_t kg_utf8_decode(const unsigned char *s, size_t n, unsigned *cp_out)
{
	size_t len, i;
	unsigned cp;

	if (n == 0 || (len = S_lead(s[0], &cp)) == 0 || len > n)
		return 0;
	for (i = 1; i < len; i++) {
		if (!kg_utf8_is_cont(s[i]))
			return 0;
		cp = (cp << 6) | (s[i] & 0x3Fu);
	}
	if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
	    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
		return 0;
	if (cp_out)
		*cp_out = cp;
	return len;
}

uint32_t kg_utf8_next(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p;
	size_t avail = (size_t)(end - *p), len, i;
	unsigned cp;

	if ((len = kg_utf8_decode(s, avail, &cp)) != 0) {
		*p += len;
		return cp;
	}
	/* skip the lead byte and the continuation bytes it announced */
	len = S_lead(s[0], &cp);
	for (i = 1; i < len && i < avail && kg_utf8_is_cont(s[i]); i++)
		;
	*p += i;
	return KG_UTF8_REPLACEMENT;
}

uint32_t kg_utf8_next_bmp(const char **p, const char *end)
{
	uint32_t c = kg_utf8_next(p, end);

	return c > 0xFFFF ? KG_UTF8_REPLACEMENT : c;
}

size_t kg_utf8_valid(const char *s, size_t len)
{
	const unsigned char *u = (const unsigned char *)s;
	size_t i = 0, step;

	while (i < len && (step = kg_utf8_decode(u + i, len - i, NULL)) != 0)
		i += step;
	return i;
}

size_t kg_utf8_chars(const char *s, size_t len)
{
	size_t i, n = 0;

	for (i = 0; i < len; i++)
		n += !kg_utf8_is_cont((unsigned char)s[i]);
	return n;
}

int kg_utf8_maybe_rtl(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	for (; p < end; p++) {
		if (*p < 0xD6)
			continue;
		if (*p <= 0xDF) /* U+0580..U+07FF */
			return 1;
		if (p + 1 < end && ((*p == 0xE0 && p[1] >= 0xA0 && p[1] <= 0xA3) ||
				    (*p == 0xEF && p[1] >= 0xAC && p[1] <= 0xBB)))
			return 1; /* U+0800..U+08FF, U+FB00..U+FEFF */
		if (p + 1 < end && *p == 0xF0 &&
		    ((p[1] >= 0x90 && p[1] <= 0x91) || p[1] == 0x9E))
			return 1; /* U+10000..U+11FFF, U+1E000..U+1EFFF */
	}
	return 0;
}
