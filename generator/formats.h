/*
 * formats.h - the output formats a build writes, as data: each one's name
 * (also the --format name) and its file extension.
 *
 * There is one writer per format (writer.h: kg_writer.format), but what
 * only names files, such as the check that no two outputs share a path
 * (outnames.c, in the kit layer), reads this table and so needs no writer.
 * The table is in the base layer, so that the writers, the kit model and
 * the command line may all include it.
 *
 * Invariant: kg_formats and writer.h's kg_writers list the same formats
 * in the same order (kg_writers[i]->format == kg_formats[i]). The table is
 * static data: nothing to free.
 */
#ifndef KG_FORMATS_H
#define KG_FORMATS_H

typedef struct kg_format {
	const char *name;      /* "md" */
	const char *extension; /* ".md" */
} kg_format;

extern const kg_format kg_format_md;
extern const kg_format kg_format_html;
extern const kg_format kg_format_pdf;

/* Every format, in the order a build writes them; ends with NULL. */
extern const kg_format *const kg_formats[];

#endif
