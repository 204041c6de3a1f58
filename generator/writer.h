/*
 * writer.h - the output formats. Each writer turns a composed document
 * into the bytes of one file, written to a sink (sink.h) as it goes, with
 * the page shell from a Mustache template in templates/<format>/ around
 * them. Writers never read content and never decide what a document holds
 * (see doc.h).
 */
#ifndef KG_WRITER_H
#define KG_WRITER_H

#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "formats.h"
#include "sink.h"

/* What a build asks of every writer. */
typedef struct kg_write_opts {
	const char *templates; /* the templates folder */
	const char *paper;     /* paged formats: a paper the PDF style lists, in
				  any case; NULL: its first (paper.h) */
	const char *path;      /* the file written, or NULL (names the PDF's
				  layout record: KITGEN_LAYOUT_RECORD) */
} kg_write_opts;

typedef struct kg_writer {
	const kg_format *format; /* its name and extension (formats.h) */
	/* Write doc to out, draining it as it goes. Returns 0, or -1 with
	 * diagnostics. A failed write to out's file is not the writer's to
	 * report: whoever owns the file asks kg_sink_flush. */
	int (*write)(const kg_doc *doc, const kg_write_opts *o, kg_sink *out,
		     kg_diags *d);
} kg_writer;

extern const kg_writer kg_writer_md;
extern const kg_writer kg_writer_html;
extern const kg_writer kg_writer_pdf;

/* Every writer, in the order a build runs them; ends with NULL. The same
 * formats in the same order as formats.h's kg_formats. */
extern const kg_writer *const kg_writers[];

/* Between these two calls the HTML writer keeps the HTML of each of the
 * kit's texts it writes (write_html.c): a build writes the same texts
 * into many editions. The kit's texts must live until the end. */
void kg_html_cache_begin(void);
void kg_html_cache_end(void);

/* The page shell: <o->templates>/<format>/<name>.mustache with the document's
 * metadata as data (title, subtitle, version, ...), written to out around
 * the body, which the shell asks the writer for with body(doc, out) where
 * the template shows `body`: never, once, or once per place. The body is
 * written straight into the sink, never copied; the shell trims the
 * whitespace at its end, so a body function drains with kg_shell_drain.
 * Where the template escapes the body ({{body}}), the body is rendered
 * whole and escaped with escape, as the shell's other values are. The
 * shell is rendered once, into out as it goes (template.h's render hook).
 * Returns 0, or -1 with diagnostics: a template that is missing or does
 * not parse writes nothing; one that passes the engine's limits while it
 * renders may have written part of the page (out's owner discards it). */
typedef void (*kg_shell_body)(const kg_doc *doc, kg_sink *out);
int kg_shell_write(const kg_doc *doc, const kg_write_opts *o,
		   const char *format, const char *name,
		   void (*escape)(kg_buf *, const char *, size_t),
		   kg_shell_body body, kg_sink *out, kg_diags *d);

/* Drain out between two blocks of a body, holding back the whitespace at
 * its end (which kg_shell_write may still trim). */
void kg_shell_drain(kg_sink *out);

#endif
