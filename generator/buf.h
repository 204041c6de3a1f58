/*
 * buf.h - the growable byte buffer used everywhere in kitgen.
 *
 * Invariants: ptr is never NULL and is always NUL-terminated at ptr[len]
 * (a fresh buffer points at a static empty string). Writing never fails.
 * The caller owns what kg_buf_detach returns and frees it with free().
 */
#ifndef KG_BUF_H
#define KG_BUF_H

#include <stdarg.h>
#include <stddef.h>

typedef struct kg_buf {
	char *ptr;
	size_t len;
	size_t cap; /* 0 while ptr points at the static empty string */
} kg_buf;

extern char kg_buf_empty[];
#define KG_BUF_INIT {kg_buf_empty, 0, 0}

void kg_buf_init(kg_buf *b);
void kg_buf_grow(kg_buf *b, size_t extra);
void kg_buf_put(kg_buf *b, const void *data, size_t len);
void kg_buf_puts(kg_buf *b, const char *s);
void kg_buf_putc(kg_buf *b, int c);
/* v in decimal: what "%lu" gives, without printf's cost (the PDF
 * writer prints hundreds of thousands of object numbers). */
void kg_buf_putu(kg_buf *b, unsigned long v);
void kg_buf_printf(kg_buf *b, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
void kg_buf_vprintf(kg_buf *b, const char *fmt, va_list ap);
/* Empty the buffer, keeping its memory. */
void kg_buf_reset(kg_buf *b);
/* Drop trailing spaces, tabs and newlines. */
void kg_buf_rtrim(kg_buf *b);
/* Hand the bytes to the caller (who frees them); the buffer is left empty. */
char *kg_buf_detach(kg_buf *b, size_t *len);
/* Free the memory; the buffer is left empty and reusable. */
void kg_buf_release(kg_buf *b);

#endif
