/* buf.c - growable byte buffer (see buf.h for the invariants) */
#include "buf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

char kg_buf_empty[1];

void kg_buf_init(kg_buf *b)
{
	b->ptr = kg_buf_empty;
	b->len = 0;
	b->cap = 0;
}

void kg_buf_grow(kg_buf *b, size_t extra)
{
	size_t need = b->len + extra + 1;
	size_t cap;

	if (need <= b->cap)
		return;
	cap = b->cap ? b->cap : 64;
	while (cap < need)
		cap *= 2;
	if (b->cap == 0) {
		b->ptr = kg_xmalloc(cap);
		b->ptr[0] = '\0';
	} else {
		b->ptr = kg_xrealloc(b->ptr, cap);
	}
	b->cap = cap;
}

void kg_buf_put(kg_buf *b, const void *data, size_t len)
{
	if (len == 0)
		return;
	kg_buf_grow(b, len);
	memcpy(b->ptr + b->len, data, len);
	b->len += len;
	b->ptr[b->len] = '\0';
}

void kg_buf_puts(kg_buf *b, const char *s)
{
	kg_buf_put(b, s, strlen(s));
}

void kg_buf_putc(kg_buf *b, int c)
{
	kg_buf_grow(b, 1);
	b->ptr[b->len++] = (char)c;
	b->ptr[b->len] = '\0';
}

void kg_buf_putu(kg_buf *b, unsigned long v)
{
	char tmp[24];
	size_t n = sizeof(tmp);

	do {
		tmp[--n] = (char)('0' + v % 10);
		v /= 10;
	} while (v);
	kg_buf_put(b, tmp + n, sizeof(tmp) - n);
}

void kg_buf_vprintf(kg_buf *b, const char *fmt, va_list ap)
{
	va_list cp;
	size_t room;
	int n;

	/* formatted once into the room there is, which is nearly always
	 * enough; else measured and formatted again into more */
	kg_buf_grow(b, 63);
	room = b->cap - b->len;
	va_copy(cp, ap);
	n = vsnprintf(b->ptr + b->len, room, fmt, cp);
	va_end(cp);
	if (n <= 0) {
		b->ptr[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		kg_buf_grow(b, (size_t)n);
		vsnprintf(b->ptr + b->len, (size_t)n + 1, fmt, ap);
	}
	b->len += (size_t)n;
}

void kg_buf_printf(kg_buf *b, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kg_buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void kg_buf_reset(kg_buf *b)
{
	b->len = 0;
	if (b->cap)
		b->ptr[0] = '\0';
}

void kg_buf_rtrim(kg_buf *b)
{
	while (b->len && strchr(" \t\n\r", b->ptr[b->len - 1]))
		b->len--;
	if (b->cap)
		b->ptr[b->len] = '\0';
}

char *kg_buf_detach(kg_buf *b, size_t *len)
{
	char *p = b->cap ? b->ptr : kg_xstrdup("");

	if (len)
		*len = b->len;
	kg_buf_init(b);
	return p;
}

void kg_buf_release(kg_buf *b)
{
	if (b->cap)
		free(b->ptr);
	kg_buf_init(b);
}
