/*
 * writer.h - the output formats. Each writer turns a composed document
 * into the bytes of one file, rendering the page shell from a Mustache
 * template in templates/<format>/. Writers never read content and never
 * decide what a document holds (see doc.h).
 */
#ifndef KG_WRITER_H
#define KG_WRITER_H

#include "buf.h"
#include "diag.h"
#include "doc.h"

/* What a build asks of every writer. */
typedef struct kg_write_opts {
	const char *templates; /* the templates folder */
	const char *paper;     /* paged formats: "a4" (default) or "letter" */
} kg_write_opts;

typedef struct kg_writer {
	const char *name;      /* "md": also the --format name */
	const char *extension; /* ".md" */
	/* Render doc to out. Returns 0, or -1 with diagnostics. */
	int (*write)(const kg_doc *doc, const kg_write_opts *o, kg_buf *out,
		     kg_diags *d);
} kg_writer;

extern const kg_writer kg_writer_md;
extern const kg_writer kg_writer_html;
extern const kg_writer kg_writer_pdf;

/* Every writer, in the order a build runs them; ends with NULL. */
extern const kg_writer *const kg_writers[];

/* The page shell: render templates/<format>/<name>.mustache with the
 * document's metadata and `body` (already in the target format) as data;
 * other templates in that folder are its partials. escape is how {{x}}
 * escapes. */
/* Render templates/<format>/<name>.mustache against data (other templates
 * in that folder are its partials). */
struct kg_node;
int kg_template_render_file(const char *templates, const char *format,
			    const char *name, const struct kg_node *data,
			    void (*escape)(kg_buf *, const char *, size_t),
			    kg_buf *out, kg_diags *d);

int kg_shell_render(const kg_doc *doc, const char *templates,
		    const char *format, const char *name, const char *body,
		    void (*escape)(kg_buf *, const char *, size_t),
		    kg_buf *out, kg_diags *d);

#endif
