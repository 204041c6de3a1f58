/*
 * printable.c - escaping what a terminal would obey (see printable.h).
 */
#include "printable.h"

#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sys/types.h>

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

/* The length modifier of a conversion, as one letter: 'H' for hh, 'L' for
 * ll, else the modifier itself ('h', 'l', 'z', 'j', 't') or 0. */
static char S_length(const char *p)
{
	if ((p[0] == 'h' || p[0] == 'l') && p[1] == p[0])
		return p[0] == 'h' ? 'H' : 'L';
	return strchr("hlzjt", *p) && *p ? *p : 0;
}

/* An integer conversion's value, read with its length modifier. */
static void S_int(kg_buf *out, const char *spec, char len, int sign,
		  va_list *ap)
{
	if (sign && len == 'l') kg_buf_printf(out, spec, va_arg(*ap, long));
	else if (sign && len == 'L') kg_buf_printf(out, spec, va_arg(*ap, long long));
	else if (sign && len == 'z') kg_buf_printf(out, spec, va_arg(*ap, ssize_t));
	else if (sign && len == 'j') kg_buf_printf(out, spec, va_arg(*ap, intmax_t));
	else if (sign && len == 't') kg_buf_printf(out, spec, va_arg(*ap, ptrdiff_t));
	else if (sign) kg_buf_printf(out, spec, va_arg(*ap, int));
	else if (len == 'l') kg_buf_printf(out, spec, va_arg(*ap, unsigned long));
	else if (len == 'L') kg_buf_printf(out, spec, va_arg(*ap, unsigned long long));
	else if (len == 'z') kg_buf_printf(out, spec, va_arg(*ap, size_t));
	else if (len == 'j') kg_buf_printf(out, spec, va_arg(*ap, uintmax_t));
	else if (len == 't') kg_buf_printf(out, spec, va_arg(*ap, ptrdiff_t));
	else kg_buf_printf(out, spec, va_arg(*ap, unsigned));
}

/* A %s or %c argument, escaped, then laid out with spec's width and
 * precision (spec's conversion is 's'). */
static void S_text(kg_buf *out, const char *spec, int conv, va_list *ap)
{
	kg_buf esc = KG_BUF_INIT;
	const char *s;
	char c;

	if (conv == 'c') {
		c = (char)va_arg(*ap, int);
		kg_printable(&esc, &c, 1, 0);
	} else {
		s = va_arg(*ap, const char *);
		s = s ? s : "(null)";
		kg_printable(&esc, s, strlen(s), 0);
	}
	kg_buf_printf(out, spec, esc.ptr);
	kg_buf_release(&esc);
}

/* Copy the conversion at p (just after its '%') into spec, with '*'
 * replaced by its int argument. Returns the length read from p. */
static size_t S_spec(const char *p, char *spec, size_t size, va_list *ap)
{
	size_t i = 0, n = 1;

	spec[0] = '%';
	for (; p[i] && n + 24 < size; i++) {
		if (p[i] == '*')
			n += (size_t)snprintf(spec + n, size - n, "%d", va_arg(*ap, int));
		else
			spec[n++] = p[i];
		if (strchr("%csdiuoxXeEfFgGaAp", p[i])) {
			i++;
			break;
		}
	}
	spec[n] = '\0';
	return i;
}

/* Format the conversion at p (just after a '%'); the length read. */
static size_t S_conversion(kg_buf *out, const char *p, va_list *ap)
{
	char spec[64], conv, len;
	size_t n = S_spec(p, spec, sizeof(spec), ap), at = strlen(spec) - 1;

	conv = spec[at];
	len = S_length(spec + strspn(spec + 1, "-+ #0123456789.") + 1);
	if (conv == '%') {
		kg_buf_putc(out, '%');
	} else if (conv == 's' || conv == 'c') {
		spec[at] = 's';
		S_text(out, spec, conv, ap);
	} else if (strchr("di", conv)) {
		S_int(out, spec, len, 1, ap);
	} else if (strchr("uoxX", conv)) {
		S_int(out, spec, len, 0, ap);
	} else if (conv == 'p') {
		kg_buf_printf(out, spec, va_arg(*ap, void *));
	} else if (strchr("eEfFgGaA", conv)) {
		kg_buf_printf(out, spec, va_arg(*ap, double));
	}
	return n;
}

void kg_printable_vprintf(kg_buf *out, const char *fmt, va_list ap)
{
	va_list aq;
	const char *pct;

	va_copy(aq, ap);
	while ((pct = strchr(fmt, '%'))) {
		kg_buf_put(out, fmt, (size_t)(pct - fmt));
		fmt = pct + 1 + S_conversion(out, pct + 1, &aq);
	}
	kg_buf_puts(out, fmt);
	va_end(aq);
}

void kg_printable_printf(kg_buf *out, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kg_printable_vprintf(out, fmt, ap);
	va_end(ap);
}

int kg_fprintf_printable(FILE *f, const char *fmt, ...)
{
	kg_buf b = KG_BUF_INIT;
	va_list ap;
	int rc;

	va_start(ap, fmt);
	kg_printable_vprintf(&b, fmt, ap);
	va_end(ap);
	rc = fputs(b.ptr, f);
	kg_buf_release(&b);
	return rc;
}
