/*
 * utf8.h - decoding UTF-8. For now only the declaration of kg_utf8_next,
 * whose body is still in fonts.c: the layout engine needs the decoder
 * but not the fonts (issue 17). The base layer's utf8.c (the other half
 * of issue 17) replaces this file and takes the body; when the two meet,
 * keep that utf8.h.
 */
#ifndef KG_UTF8_H
#define KG_UTF8_H

#include <stdint.h>

/* Decode one character of UTF-8 at *p (before end) and advance *p;
 * characters outside the Basic Multilingual Plane, and invalid bytes,
 * become U+FFFD. */
uint32_t kg_utf8_next(const char **p, const char *end);

#endif
