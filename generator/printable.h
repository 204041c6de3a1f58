/*
 * printable.h - text made safe to print to a terminal.
 *
 * Content, file names and messages may hold bytes that a terminal obeys
 * (ESC starts a control sequence that can clear the screen or set the
 * window title, BEL rings). Everything kitgen prints that it did not write
 * itself goes through here: C0 controls, DEL and C1 controls become
 * escapes such as "\x1b" (C1 as "\u009b"), a byte that is not UTF-8 becomes
 * "\xff", and a backslash stays as it is. Tab is kept only when asked.
 */
#ifndef KG_PRINTABLE_H
#define KG_PRINTABLE_H

#include <stdarg.h>
#include <stddef.h>
#include <stdio.h>

#include "buf.h"

enum { KG_PRINT_KEEP_TAB = 1 << 0 };

/* Append the len bytes of s to out, escaped as above. */
void kg_printable(kg_buf *out, const char *s, size_t len, unsigned flags);
/* fputs(s, f), escaped as above. */
void kg_fputs_printable(const char *s, FILE *f);

/* Append fmt to out as vprintf would, with every %s and %c argument
 * escaped as above; the format itself is kitgen's own text and is kept as
 * it is (its newlines too). Widths and precisions apply to the escaped
 * text. Conversions: % c s d i u o x X e E f F g G a A p with the length
 * modifiers hh h l ll z j t, and '*' widths. */
void kg_printable_vprintf(kg_buf *out, const char *fmt, va_list ap);
void kg_printable_printf(kg_buf *out, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* fprintf(f, fmt, ...) with its %s and %c arguments escaped, the one way
 * kitgen prints a path, an option value or a text of the content to a
 * terminal. Returns what fputs returns. */
int kg_fprintf_printable(FILE *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
