/*
 * template.h - Mustache templates rendered against a kg_node tree.
 *
 * Implements the core modules of the Mustache spec: interpolation ({{x}},
 * {{{x}}}, {{&x}}, dotted names, the implicit iterator {{.}}), sections and
 * inverted sections, comments, partials (with the indentation of standalone
 * partials) and set-delimiter tags, with the spec's standalone-line rules.
 * Lambdas, inheritance and dynamic names are not supported.
 *
 * A template and every partial it can reach are parsed before anything is
 * rendered, so syntax errors (and, when strict, missing partials) leave out
 * untouched. Each partial is asked for once per render. Diagnostics carry
 * the 1-based line and column of the offending tag in its own file.
 *
 * Data: a mapping or sequence or scalar tree from node.h; NULL is an empty
 * context. Truthiness is kg_template_truthy; a scalar shows as
 * kg_template_scalar_text; a sequence or mapping interpolates as "".
 */
#ifndef KG_TEMPLATE_H
#define KG_TEMPLATE_H

#include <stdbool.h>
#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "html_escape.h"
#include "node.h"

/* Partials may nest this deep; one level more is an error. */
#define KG_TEMPLATE_MAX_PARTIAL_DEPTH 64
/* Sections may nest this deep within one template or partial. */
#define KG_TEMPLATE_MAX_SECTION_DEPTH 100
/* Within those depths, partials and sections can still repeat each other
 * exponentially. A render stops with an error at the tag where its output
 * passes KG_TEMPLATE_MAX_OUTPUT bytes or it has visited
 * KG_TEMPLATE_MAX_STEPS tags and texts; out then holds at most the limit. */
#define KG_TEMPLATE_MAX_OUTPUT ((size_t)256 << 20)
/* A template or partial may hold at most this many bytes: whoever reads
 * one stops after KG_TEMPLATE_MAX_FILE + 1 bytes, and the engine refuses
 * it with an error (a template that is really /dev/zero ends there). */
#define KG_TEMPLATE_MAX_FILE ((size_t)16 << 20)
#define KG_TEMPLATE_MAX_STEPS ((size_t)10000000)

typedef struct kg_template_opts {
	/* escape {{x}} output; NULL = HTML escaping of & < > " ' as the spec
	 * expects */
	void (*escape)(kg_buf *out, const char *s, size_t len);
	/* find partial `name`: append its source to out and set *file to a
	 * display name for diagnostics (may be left NULL, then the name is
	 * shown); return 0, or -1 when absent, or -2 when it is there but
	 * cannot be read and the callback has reported why itself (the
	 * engine then adds nothing). *file need only stay valid until the
	 * callback returns: the engine copies it. */
	int (*partial)(void *ctx, const char *name, kg_buf *out,
		       const char **file);
	void *partial_ctx;
	bool strict; /* true: a missing partial is an error (kitgen's own use);
			false: it renders as "" (what the spec requires) */
	/* strict: a note added at a missing partial, saying how to give
	 * partials (NULL: none) */
	const char *partial_hint;
} kg_template_opts;

/* Render src (named `file` in diagnostics) against data, appending to out.
 * opts may be NULL (HTML escaping, no partials, not strict). Returns 0, or
 * -1 after adding diagnostics to d; on error out may hold partial text the
 * caller discards. src need not be NUL-terminated. */
int kg_template_render(const char *file, const char *src, size_t len,
		       const kg_node *data, const kg_template_opts *opts,
		       kg_buf *out, kg_diags *d);

/* A render hook: where an interpolation ({{x}}, {{{x}}}, {{&x}}) resolves
 * to the data node `value` (by identity, so Mustache's context rules
 * apply as to any other value), the engine calls write(ctx, escaped, out)
 * instead of showing the node. The hook appends what goes there to the
 * render's out itself, escaped when the tag escapes (escaped is true for
 * {{x}}), and may empty out on the way (a kg_sink draining its buffer,
 * sink.h): the engine keeps no offset into out. What a hook writes does
 * not count against KG_TEMPLATE_MAX_OUTPUT. A section over the node sees
 * the node. This is how a page shell is rendered once around a body that
 * is streamed (shell.c). */
typedef struct kg_template_hook {
	const kg_node *value;
	void (*write)(void *ctx, bool escaped, kg_buf *out);
	void *ctx;
} kg_template_hook;

/* kg_template_render with a hook (NULL: none). */
int kg_template_render_hooked(const char *file, const char *src, size_t len,
			      const kg_node *data, const kg_template_opts *opts,
			      const kg_template_hook *hook, kg_buf *out,
			      kg_diags *d);

/* Render templates/<format>/<name>.mustache against data (the other
 * templates in that folder are its partials; a missing one is an error),
 * with escape for {{x}} (NULL: HTML) and hook (may be NULL), appending to
 * out. Returns 0, or -1 with diagnostics. */
int kg_template_render_file(const char *templates, const char *format,
			    const char *name, const kg_node *data,
			    void (*escape)(kg_buf *, const char *, size_t),
			    const kg_template_hook *hook, kg_buf *out,
			    kg_diags *d);

/* Mustache truthiness of a data node: false, null, ~, an empty string, an
 * empty list and NULL (absent) are falsey; every mapping and every other
 * scalar is truthy. */
bool kg_template_truthy(const kg_node *n);
/* A scalar's text as interpolation shows it: null as "", a float without
 * trailing zeros ("1.210" -> "1.21"), anything else as written; a
 * sequence or mapping (or NULL) as nothing. Appends to out. */
void kg_template_scalar_text(const kg_node *n, kg_buf *out);

/* Lower (or restore, with 0) the two limits above for every later render
 * of this process: for tests and fuzzing. */
void kg_template_set_limits(size_t max_output, size_t max_steps);

/* The context of kg_template_partial_from_dir: the folder of the
 * partials, and the diagnostics where a partial that is there but cannot
 * be read is reported. */
typedef struct kg_partial_dir {
	const char *dir;
	kg_diags *d;
} kg_partial_dir;

/* Partial loader for a folder of partials (`kitgen render --partials DIR`
 * and the page shells): partial x is DIR/x.mustache; ctx is a
 * kg_partial_dir. Names that are empty, contain '/' or start with '.' are
 * refused (-1), as is a file that is not there. A file that is there but
 * is not a regular file, cannot be read or is larger than
 * KG_TEMPLATE_MAX_FILE is reported to ctx's diagnostics (kg_file_read)
 * and gives -2. *file is set to the path (unless it is 4 KiB or longer),
 * valid until the next call from the same thread. */
int kg_template_partial_from_dir(void *ctx, const char *name, kg_buf *out,
				 const char **file);

#endif
