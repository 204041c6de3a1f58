/*
 * lines.h - a file's line index: where each line starts, in bytes and in
 * characters, so a place can be found from an offset and a source line
 * from a place without reading the file again from its start.
 *
 * Lines are what `grep -n` and editors count: only "\n", "\r\n" and "\r"
 * end a line (not U+0085, U+2028 or U+2029, which libyaml also counts).
 * Columns count characters (UTF-8 sequences), 1-based. A UTF-8 byte order
 * mark at the start of the file is no character: line 1 starts after it.
 *
 * Ownership: kg_lines_new returns an index the caller frees with
 * kg_lines_free (or hands to kg_diags_keep_lines, which then owns it). The
 * index keeps a copy of the file name, not the file's bytes.
 */
#ifndef KG_LINES_H
#define KG_LINES_H

#include <stddef.h>
#include <stdint.h>

#include "mark.h"

typedef struct kg_lines {
	char *file;          /* owned copy of the name marks carry */
	/* 32 bits: every content file's index is kept for diagnostics (4 MB
	 * at 1,000 topics with size_t), and files are far smaller, at most
	 * KG_NODE_MAX_FILE (yaml_load.h) */
	uint32_t *byte_start; /* byte offset in the file where line i+1 starts */
	uint32_t *char_start; /* its offset in characters after the BOM;
			       * NULL once settled (kg_lines_settle) */
	size_t n;             /* lines (at least 1) */
	size_t bom;           /* 3 when the file starts with a BOM, else 0 */
} kg_lines;

/* Index the len bytes (under 4 GiB: every reader stops at 16 MiB) of the
 * file called `file`. Never NULL. */
kg_lines *kg_lines_new(const char *file, const char *src, size_t len);
void kg_lines_free(kg_lines *l);
/* Once every place in the file has been found (its YAML loaded): free
 * the character starts, which only kg_lines_at_char reads, and fit the
 * byte starts to the lines. The index then serves diagnostics' source
 * lines (kg_lines_offset, kg_lines_at_byte) for the rest of the run at
 * half the memory: a megabyte at 1,000 topics. kg_lines_at_char must not
 * be called after. */
void kg_lines_settle(kg_lines *l);

/* The place of byte offset `off` of the file (src: its bytes). */
kg_mark kg_lines_at_byte(const kg_lines *l, const char *src, size_t off);
/* The place of the character at `index`, counted from the start of the
 * text after the BOM (libyaml's mark.index). */
kg_mark kg_lines_at_char(const kg_lines *l, size_t index);
/* The byte offset where line `line` (1-based) starts; 0 and no line when
 * it is past the end (returns 0 then, 1 on success). */
int kg_lines_offset(const kg_lines *l, unsigned line, size_t *off);

#endif
