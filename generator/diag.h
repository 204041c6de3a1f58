/*
 * diag.h - diagnostics with a place: FILE:LINE:COL: error: MESSAGE.
 *
 * Errors are values until main: a function that finds a problem records it
 * in a kg_diags list (kg_error returns -1 so `return kg_error(...)` reads
 * well) and goes on where it can, so one run reports every problem.
 * Lines and columns are 1-based; line 0 means "no position" (the message
 * then starts with the file name alone, or with "kitgen:" when there is no
 * file either). Messages are lowercase, no full stop, names in quotes.
 */
#ifndef KG_DIAG_H
#define KG_DIAG_H

#include <stddef.h>
#include <stdio.h>

#include "mark.h"

typedef enum { KG_SEV_ERROR, KG_SEV_WARNING, KG_SEV_NOTE } kg_severity;

typedef struct kg_diag {
	kg_severity sev;
	char *file; /* owned copy, or NULL */
	unsigned line, col;
	char *msg;
} kg_diag;

typedef struct kg_diags {
	kg_diag *items;
	size_t n, cap;
	size_t errors;   /* all errors, also those past the storage limit */
	size_t warnings;
	size_t dropped;  /* diagnostics not stored because of the limit */
	size_t io_errors; /* errors that were about I/O, not content */
	struct kg_lines **lines; /* line indexes of loaded files (owned) */
	size_t nlines, lines_cap;
	char **once;     /* kg_diags_once's keys (owned) */
	size_t nonce, once_cap;
} kg_diags;

#define KG_DIAGS_INIT {NULL, 0, 0, 0, 0, 0, 0, NULL, 0, 0, NULL, 0, 0}
/* At most this many diagnostics are kept; the rest are only counted. */
#define KG_DIAGS_MAX 500
/* A message longer than this many bytes (it quotes a huge key or value) is
 * cut, at a character boundary, and ends in "...". */
#define KG_DIAG_MAX_MSG 400

int kg_error(kg_diags *d, kg_mark at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
/* An error reading or writing a file (exit status 3 rather than 1). */
int kg_io_error(kg_diags *d, kg_mark at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void kg_warning(kg_diags *d, kg_mark at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));
void kg_note(kg_diags *d, kg_mark at, const char *fmt, ...)
	__attribute__((format(printf, 3, 4)));

/* Is this the first time key is asked of d? For a warning that a run
 * gives once, however many checks and documents meet its cause (a
 * character no installed font has: glyphs.c at its place, the PDF
 * writer as a backstop). Keys are few; a look-up is linear. */
int kg_diags_once(kg_diags *d, const char *key);

enum {
	KG_DIAG_SOURCE = 1 << 0, /* print the source line and a caret */
	KG_DIAG_COLOR = 1 << 1   /* ANSI colours */
};

/* Keep the line index of a loaded file (lines.h), so printing finds a
 * diagnostic's source line in O(log lines) instead of reading the file
 * from its start; d owns it from now on and frees it in kg_diags_free. */
struct kg_lines;
void kg_diags_keep_lines(kg_diags *d, struct kg_lines *l);
/* So a kg_diags that a YAML file was loaded with must be freed with
 * kg_diags_free even when it holds no diagnostic. */

/* Print every stored diagnostic in order, one per line. File names,
 * messages and source lines are printed with control characters escaped
 * (printable.h), so content never reaches a terminal raw. */
void kg_diags_print(const kg_diags *d, FILE *out, unsigned flags);
/* Append every diagnostic of src to dst (src is left as it was; its line
 * indexes stay with it). */
void kg_diags_merge(kg_diags *dst, const kg_diags *src);
void kg_diags_free(kg_diags *d);

#endif
