/*
 * json.c - JSON text: escaped strings, and compact JSON laid out with
 * indentation (json.h). A line feed, tab or carriage return is escaped
 * as \n, \t, \r, any other control character as \u00XX: one form for
 * each, so equal text gives equal bytes.
 */
#include "json.h"

void kg_json_str(kg_buf *out, const char *s)
{
	kg_buf_putc(out, '"');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c == '"' || c == '\\')
			kg_buf_printf(out, "\\%c", c);
		else if (c == '\n')
			kg_buf_puts(out, "\\n");
		else if (c == '\t')
			kg_buf_puts(out, "\\t");
		else if (c == '\r')
			kg_buf_puts(out, "\\r");
		else if (c < 0x20)
			kg_buf_printf(out, "\\u%04x", (unsigned)c);
		else
			kg_buf_putc(out, c);
	}
	kg_buf_putc(out, '"');
}

void kg_json_sep(kg_buf *out)
{
	char last = out->len ? out->ptr[out->len - 1] : '[';

	if (last != '{' && last != '[')
		kg_buf_putc(out, ',');
}

void kg_json_indent(const char *json, kg_buf *out)
{
	int depth = 0, in_str = 0;
	const char *p;

	for (p = json; *p; p++) {
		if (in_str) {
			kg_buf_putc(out, *p);
			if (*p == '\\')
				kg_buf_putc(out, *++p);
			else if (*p == '"')
				in_str = 0;
			continue;
		}
		switch (*p) {
		case '"': in_str = 1; kg_buf_putc(out, *p); break;
		case '{':
		case '[':
			if (p[1] == '}' || p[1] == ']') {
				kg_buf_putc(out, *p++);
				kg_buf_putc(out, *p);
				break;
			}
			kg_buf_printf(out, "%c\n%*s", *p, 2 * ++depth, "");
			break;
		case '}':
		case ']': kg_buf_printf(out, "\n%*s%c", 2 * --depth, "", *p); break;
		case ',': kg_buf_printf(out, ",\n%*s", 2 * depth, ""); break;
		case ':': kg_buf_puts(out, ": "); break;
		default: kg_buf_putc(out, *p);
		}
	}
	kg_buf_putc(out, '\n');
}

void kg_json_key(kg_buf *out, const char *name)
{
	kg_json_sep(out);
	kg_json_str(out, name);
	kg_buf_putc(out, ':');
}

void kg_json_member_str(kg_buf *out, const char *name, const char *value)
{
	kg_json_key(out, name);
	kg_json_str(out, value);
}

void kg_json_member_long(kg_buf *out, const char *name, long value)
{
	kg_json_key(out, name);
	kg_buf_printf(out, "%ld", value);
}

void kg_json_member_bool(kg_buf *out, const char *name, int value)
{
	kg_json_key(out, name);
	kg_buf_puts(out, value ? "true" : "false");
}
