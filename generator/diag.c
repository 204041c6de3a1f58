/*
 * diag.c - collecting and printing diagnostics.
 *
 * Diagnostics are kept in the order they were made; a note belongs to the
 * error before it. Printing may read the source file again to show the
 * offending line with a caret under the column.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

static void S_add(kg_diags *d, kg_severity sev, kg_mark at, const char *fmt,
		  va_list ap)
{
	kg_buf msg = KG_BUF_INIT;
	kg_diag *g;

	if (sev == KG_SEV_ERROR)
		d->errors++;
	else if (sev == KG_SEV_WARNING)
		d->warnings++;
	if (d->n >= KG_DIAGS_MAX) {
		d->dropped++;
		return;
	}
	kg_buf_vprintf(&msg, fmt, ap);
	if (msg.len > KG_DIAG_MAX_MSG) {
		size_t cut = KG_DIAG_MAX_MSG;

		while (cut && (msg.ptr[cut] & 0xC0) == 0x80)
			cut--;
		msg.len = cut;
		kg_buf_puts(&msg, "...");
	}
	KG_GROW(d->items, d->cap, d->n + 1);
	g = &d->items[d->n++];
	g->sev = sev;
	g->file = at.file ? kg_xstrdup(at.file) : NULL;
	g->line = at.line;
	g->col = at.col;
	g->msg = kg_buf_detach(&msg, NULL);
}

int kg_error(kg_diags *d, kg_mark at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_add(d, KG_SEV_ERROR, at, fmt, ap);
	va_end(ap);
	return -1;
}

int kg_io_error(kg_diags *d, kg_mark at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_add(d, KG_SEV_ERROR, at, fmt, ap);
	va_end(ap);
	d->io_errors++;
	return -1;
}

void kg_warning(kg_diags *d, kg_mark at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_add(d, KG_SEV_WARNING, at, fmt, ap);
	va_end(ap);
}

void kg_note(kg_diags *d, kg_mark at, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	S_add(d, KG_SEV_NOTE, at, fmt, ap);
	va_end(ap);
}

/* Read line `line` (1-based) of `path` into out; 0 when it is not there. */
static int S_source_line(const char *path, unsigned line, kg_buf *out)
{
	FILE *f = fopen(path, "rb");
	unsigned at = 1;
	int c;

	if (!f)
		return 0;
	while (at < line && (c = getc(f)) != EOF)
		if (c == '\n')
			at++;
	while (at == line && (c = getc(f)) != EOF && c != '\n' && c != '\r') {
		if (out->len >= 1000)
			break;
		kg_buf_putc(out, c ? c : ' ');
	}
	fclose(f);
	return at == line;
}

static void S_print_source(FILE *out, const kg_diag *g)
{
	kg_buf text = KG_BUF_INIT;
	unsigned col = 1;
	const unsigned char *p;

	if (!S_source_line(g->file, g->line, &text) || text.len == 0) {
		kg_buf_release(&text);
		return;
	}
	fprintf(out, "  %s\n  ", text.ptr);
	/* Columns count characters, so skip UTF-8 continuation bytes; keep
	 * tabs so the caret lines up under them. */
	for (p = (const unsigned char *)text.ptr; *p && col < g->col; p++) {
		if ((*p & 0xC0) == 0x80)
			continue;
		fputc(*p == '\t' ? '\t' : ' ', out);
		col++;
	}
	fputs("^\n", out);
	kg_buf_release(&text);
}

void kg_diags_print(const kg_diags *d, FILE *out, unsigned flags)
{
	static const char *names[] = {"error", "warning", "note"};
	static const char *colors[] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};
	size_t i;

	for (i = 0; i < d->n; i++) {
		const kg_diag *g = &d->items[i];
		int color = (flags & KG_DIAG_COLOR) != 0;

		if (color)
			fputs("\033[1m", out);
		if (g->file && g->line)
			fprintf(out, "%s:%u:%u: ", g->file, g->line, g->col);
		else if (g->file)
			fprintf(out, "%s: ", g->file);
		else
			fputs("kitgen: ", out);
		fprintf(out, "%s%s:%s %s\n", color ? colors[g->sev] : "",
			names[g->sev], color ? "\033[0m" : "", g->msg);
		if ((flags & KG_DIAG_SOURCE) && g->file && g->line)
			S_print_source(out, g);
	}
	if (d->dropped)
		fprintf(out, "kitgen: note: %zu more diagnostics not shown\n",
			d->dropped);
}

void kg_diags_merge(kg_diags *dst, const kg_diags *src)
{
	size_t i;

	for (i = 0; i < src->n; i++) {
		const kg_diag *g = &src->items[i];
		kg_mark at = {g->file, g->line, g->col};

		if (g->sev == KG_SEV_ERROR)
			kg_error(dst, at, "%s", g->msg);
		else if (g->sev == KG_SEV_WARNING)
			kg_warning(dst, at, "%s", g->msg);
		else
			kg_note(dst, at, "%s", g->msg);
	}
	dst->io_errors += src->io_errors;
}

void kg_diags_free(kg_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
	}
	free(d->items);
	memset(d, 0, sizeof(*d));
}
