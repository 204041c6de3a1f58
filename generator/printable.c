/*
 * printable.c - escaping what a terminal would obey (see printable.h).
 */
#include "printable.h"

#include <string.h>

#include "utf8.h"

void kg_printable(kg_buf *out, const char *s, size_t len, unsigned flags)
{
	const unsigned char *p = (const unsigned char *)s;
	size_t i = 0, step;
	unsigned cp;

	while (i < len) {
		step = kg_utf8_decode(p + i, len - i, &cp);
		if (step == 0) {
			kg_buf_printf(out, "\\x%02x", p[i]);
			i++;
			continue;
		}
		if (cp == '\t' && (flags & KG_PRINT_KEEP_TAB))
			kg_buf_putc(out, '\t');
		else if (cp < 0x20 || cp == 0x7F)
			kg_buf_printf(out, "\\x%02x", cp);
		else if (cp >= 0x80 && cp <= 0x9F)
			kg_buf_printf(out, "\\u%04x", cp);
		else
			kg_buf_put(out, p + i, step);
		i += step;
	}
}

void kg_fputs_printable(const char *s, FILE *f)
{
	kg_buf b = KG_BUF_INIT;

	kg_printable(&b, s, strlen(s), 0);
	fputs(b.ptr, f);
	kg_buf_release(&b);
}
