/*
 * lines.c - a file's line index (see lines.h).
 *
 * Built in one pass over the bytes; every look-up is a binary search over
 * the line starts, so a place costs O(log lines) however many there are.
 */
#include "lines.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

static int S_is_bom(const char *s, size_t len)
{
	return len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0;
}

static void S_add(kg_lines *l, size_t *cap, size_t byte, size_t ch)
{
	size_t old = *cap;

	kg_grow((void **)&l->byte_start, cap, l->n + 1, sizeof(*l->byte_start));
	if (*cap != old) /* both arrays share the capacity */
		l->char_start = kg_xrealloc(l->char_start,
					    *cap * sizeof(*l->char_start));
	l->byte_start[l->n] = (uint32_t)byte;
	l->char_start[l->n] = (uint32_t)ch;
	l->n++;
}

kg_lines *kg_lines_new(const char *file, const char *src, size_t len)
{
	kg_lines *l = kg_xcalloc(1, sizeof(*l));
	size_t cap = 0, i, ch = 0;

	l->file = kg_xstrdup(file);
	l->bom = S_is_bom(src, len) ? 3 : 0;
	S_add(l, &cap, l->bom, 0);
	for (i = l->bom; i < len; i++) {
		unsigned char c = (unsigned char)src[i];

		ch += !kg_utf8_is_cont(c);
		if (c == '\n' || (c == '\r' && (i + 1 >= len || src[i + 1] != '\n')))
			S_add(l, &cap, i + 1, ch);
	}
	return l;
}

void kg_lines_free(kg_lines *l)
{
	if (!l)
		return;
	free(l->file);
	free(l->byte_start);
	free(l->char_start);
	free(l);
}

void kg_lines_settle(kg_lines *l)
{
	free(l->char_start);
	l->char_start = NULL;
	l->byte_start = kg_xrealloc(l->byte_start, l->n * sizeof(*l->byte_start));
}

/* The last line whose start (in `starts`) is at or before `at`. */
static size_t S_find(const uint32_t *starts, size_t n, size_t at)
{
	size_t lo = 0, hi = n; /* starts[lo] <= at < starts[hi] */

	while (hi - lo > 1) {
		size_t mid = lo + (hi - lo) / 2;

		if (starts[mid] <= at)
			lo = mid;
		else
			hi = mid;
	}
	return lo;
}

kg_mark kg_lines_at_byte(const kg_lines *l, const char *src, size_t off)
{
	kg_mark m = {l->file, 1, 1};
	size_t line, i;

	if (off < l->bom)
		off = l->bom;
	line = S_find(l->byte_start, l->n, off);
	m.line = (unsigned)(line + 1);
	for (i = l->byte_start[line]; i < off; i++)
		m.col += !kg_utf8_is_cont((unsigned char)src[i]);
	return m;
}

kg_mark kg_lines_at_char(const kg_lines *l, size_t index)
{
	kg_mark m = {l->file, 1, 1};
	size_t line = S_find(l->char_start, l->n, index);

	m.line = (unsigned)(line + 1);
	m.col = (unsigned)(index - l->char_start[line] + 1);
	return m;
}

int kg_lines_offset(const kg_lines *l, unsigned line, size_t *off)
{
	*off = 0;
	if (line == 0 || line > l->n)
		return 0;
	*off = l->byte_start[line - 1];
	return 1;
}
