/*
 * utf8.h - the one UTF-8 decoder: decode a character, step through a text,
 * validate and count.
 *
 * Valid UTF-8 is the shortest form of a code point up to U+10FFFF that is
 * not a surrogate (RFC 3629). Content is validated when it is loaded
 * (yaml_load.c), so the layers above see valid text; kg_utf8_next still copes
 * with bytes that are not, replacing them by U+FFFD.
 */
#ifndef KG_UTF8_H
#define KG_UTF8_H

#include <stddef.h>
#include <stdint.h>

/* U+FFFD REPLACEMENT CHARACTER, what an invalid sequence decodes to. */
#define KG_UTF8_REPLACEMENT 0xFFFDu

/* Decode the UTF-8 sequence at s (n bytes available): its length, with the
 * code point in *cp (when cp is not NULL), or 0 when it is not valid UTF-8
 * (overlong, surrogate, past U+10FFFF, truncated). */
size_t kg_utf8_decode(const unsigned char *s, size_t n, unsigned *cp);

/* Decode one character at *p (before end, *p < end) and advance *p past
 * it. An invalid sequence gives KG_UTF8_REPLACEMENT, and *p advances past
 * its lead byte and the continuation bytes that follow it (at most as
 * many as the lead byte announces). */
uint32_t kg_utf8_next(const char **p, const char *end);

/* The same, for what only knows the Basic Multilingual Plane (the PDF
 * fonts' 16-bit codes): a character above U+FFFF gives
 * KG_UTF8_REPLACEMENT. */
uint32_t kg_utf8_next_bmp(const char **p, const char *end);

/* How many bytes at the start of s (len bytes) are valid UTF-8: len when
 * all are, else the offset of the first invalid sequence. */
size_t kg_utf8_valid(const char *s, size_t len);

/* Is byte c a continuation byte (10xxxxxx), inside a character? */
static inline int kg_utf8_is_cont(unsigned char c)
{
	return (c & 0xC0) == 0x80;
}

/* How many characters s holds (len bytes): the bytes that start one. */
size_t kg_utf8_chars(const char *s, size_t len);

/* May s hold a right-to-left letter? A test of the bytes, for the fast
 * path of text with none: true for every character of the blocks of the
 * right-to-left scripts (Hebrew, Arabic, Syriac, Thaana, NKo, their
 * presentation forms, and those beyond the BMP), and for a few of their
 * neighbours (Armenian), never false for a right-to-left letter. */
int kg_utf8_maybe_rtl(const char *s, size_t len);

#endif
