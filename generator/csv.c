/*
 * csv.c - CSV fields, quoted as RFC 4180 says (csv.h).
 */
#include "csv.h"

#include <string.h>

void kg_csv_field(kg_buf *out, const char *s)
{
	if (!s)
		return;
	if (!s[strcspn(s, ",\"\r\n")])
		kg_buf_puts(out, s);
	else
		kg_csv_quoted(out, s);
}

void kg_csv_quoted(kg_buf *out, const char *s)
{
	kg_buf_putc(out, '"');
	for (; *s; s++) {
		if (*s == '"')
			kg_buf_putc(out, '"');
		kg_buf_putc(out, *s);
	}
	kg_buf_putc(out, '"');
}

void kg_csv_next(kg_buf *out, const char *s)
{
	kg_buf_putc(out, ',');
	kg_csv_field(out, s);
}

void kg_csv_end(kg_buf *out)
{
	kg_buf_puts(out, "\r\n");
}
