/*
 * diag.c - collecting and printing diagnostics.
 *
 * Diagnostics are kept in the order they were made; a note belongs to the
 * error before it. Printing shows the offending line with a caret under
 * the column, found through the file's line index (lines.h) when loading
 * kept one: a thousand errors in a 16 MiB file cost a thousand seeks, not
 * a thousand reads of the file.
 */
#include "diag.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "lines.h"
#include "utf8.h"
#include "printable.h"

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

		while (cut && kg_utf8_is_cont((unsigned char)msg.ptr[cut]))
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

void kg_diags_keep_lines(kg_diags *d, kg_lines *l)
{
	KG_GROW(d->lines, d->lines_cap, d->nlines + 1);
	d->lines[d->nlines++] = l;
}

/* The line index kept for file, or NULL. The latest file kept wins (a
 * file loaded twice is indexed twice, the same). */
static const kg_lines *S_lines_of(const kg_diags *d, const char *file)
{
	size_t i;

	for (i = d->nlines; i-- > 0;)
		if (strcmp(d->lines[i]->file, file) == 0)
			return d->lines[i];
	return NULL;
}

/* The source file being read while printing: kept open across the
 * diagnostics of one file, positioned by its line index when there is
 * one (else read from its start: files that were not loaded as YAML). */
typedef struct S_source {
	const char *file;
	FILE *f;
	const kg_lines *lines;
} S_source;

static void S_source_close(S_source *src)
{
	if (src->f)
		fclose(src->f);
	memset(src, 0, sizeof(*src));
}

/* Position src->f at the start of `line`; 0 when it is not there. */
static int S_seek_line(S_source *src, unsigned line)
{
	unsigned at = 1;
	size_t off;
	int c;

	if (src->lines)
		return kg_lines_offset(src->lines, line, &off) &&
		       fseeko(src->f, (off_t)off, SEEK_SET) == 0;
	rewind(src->f);
	while (at < line && (c = getc(src->f)) != EOF) {
		if (c == '\r') {
			c = getc(src->f);
			if (c != '\n' && c != EOF)
				ungetc(c, src->f);
			at++;
		} else if (c == '\n') {
			at++;
		}
	}
	return at == line;
}

/* Read line `line` (1-based) of g's file into out; 0 when it is not
 * there. */
static int S_source_line(const kg_diags *d, S_source *src, const kg_diag *g,
			 kg_buf *out)
{
	int c;

	if (!src->file || strcmp(src->file, g->file) != 0) {
		S_source_close(src);
		src->file = g->file;
		src->f = fopen(g->file, "rb");
		src->lines = S_lines_of(d, g->file);
	}
	if (!src->f || !S_seek_line(src, g->line))
		return 0;
	while ((c = getc(src->f)) != EOF && c != '\n' && c != '\r') {
		if (out->len >= 1000)
			break;
		kg_buf_putc(out, c);
	}
	return 1;
}

/* The source line, escaped, and a caret under column g->col: each
 * character before it stands for as many spaces as it prints as (tabs
 * stay tabs, so the caret lines up under them). */
static void S_print_source(const kg_diags *d, S_source *src, FILE *out,
			   const kg_diag *g)
{
	kg_buf text = KG_BUF_INIT, shown = KG_BUF_INIT, one = KG_BUF_INIT;
	const unsigned char *p;
	size_t i = 0, step;
	unsigned col = 1;

	if (!S_source_line(d, src, g, &text) || text.len == 0) {
		kg_buf_release(&text);
		return;
	}
	kg_printable(&shown, text.ptr, text.len, KG_PRINT_KEEP_TAB);
	fprintf(out, "  %s\n  ", shown.ptr);
	p = (const unsigned char *)text.ptr;
	for (; i < text.len && col < g->col; i += step, col++) {
		step = kg_utf8_decode(p + i, text.len - i, NULL);
		step = step ? step : 1;
		kg_buf_reset(&one);
		kg_printable(&one, text.ptr + i, step, KG_PRINT_KEEP_TAB);
		if (one.ptr[0] == '\t')
			fputc('\t', out);
		else
			fprintf(out, "%*s", (int)kg_utf8_chars(one.ptr, one.len), "");
	}
	fputs("^\n", out);
	kg_buf_release(&text);
	kg_buf_release(&shown);
	kg_buf_release(&one);
}

void kg_diags_print(const kg_diags *d, FILE *out, unsigned flags)
{
	static const char *names[] = {"error", "warning", "note"};
	static const char *colors[] = {"\033[1;31m", "\033[1;35m", "\033[1;36m"};
	S_source src = {NULL, NULL, NULL};
	size_t i;

	for (i = 0; i < d->n; i++) {
		const kg_diag *g = &d->items[i];
		int color = (flags & KG_DIAG_COLOR) != 0;

		if (color)
			fputs("\033[1m", out);
		if (g->file) {
			kg_fputs_printable(g->file, out);
			if (g->line)
				fprintf(out, ":%u:%u", g->line, g->col);
			fputs(": ", out);
		} else {
			fputs("kitgen: ", out);
		}
		fprintf(out, "%s%s:%s ", color ? colors[g->sev] : "",
			names[g->sev], color ? "\033[0m" : "");
		kg_fputs_printable(g->msg, out);
		fputc('\n', out);
		if ((flags & KG_DIAG_SOURCE) && g->file && g->line)
			S_print_source(d, &src, out, g);
	}
	S_source_close(&src);
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

int kg_diags_once(kg_diags *d, const char *key)
{
	size_t i;

	for (i = 0; i < d->nonce; i++)
		if (strcmp(d->once[i], key) == 0)
			return 0;
	KG_GROW(d->once, d->once_cap, d->nonce + 1);
	d->once[d->nonce++] = kg_xstrdup(key);
	return 1;
}

void kg_diags_free(kg_diags *d)
{
	size_t i;

	for (i = 0; i < d->n; i++) {
		free(d->items[i].file);
		free(d->items[i].msg);
	}
	free(d->items);
	for (i = 0; i < d->nlines; i++)
		kg_lines_free(d->lines[i]);
	free(d->lines);
	for (i = 0; i < d->nonce; i++)
		free(d->once[i]);
	free(d->once);
	memset(d, 0, sizeof(*d));
}
