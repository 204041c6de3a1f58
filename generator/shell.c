/*
 * shell.c - the page shell every writer shares: the document's metadata
 * and rendered body as template data, through the Mustache engine.
 */
#include "writer.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "node.h"
#include "template.h"

const kg_writer *const kg_writers[] = {&kg_writer_md, &kg_writer_html,
					     &kg_writer_pdf, NULL};

static char *S_path(const char *dir, const char *format, const char *name)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "%s/%s/%s.mustache", dir, format, name);
	return kg_buf_detach(&b, NULL);
}

static int S_read(const char *path, kg_buf *out, kg_diags *d)
{
	FILE *f = fopen(path, "rb");
	char chunk[8192];
	size_t got;

	if (!f)
		return kg_io_error(d, (kg_mark){path, 0, 0},
				   "cannot open template: %s", strerror(errno));
	/* past the limit, the engine refuses the template */
	while (out->len <= KG_TEMPLATE_MAX_FILE &&
	       (got = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kg_buf_put(out, chunk, got);
	fclose(f);
	return 0;
}

int kg_template_render_file(const char *templates, const char *format,
			    const char *name, const kg_node *data,
			    void (*escape)(kg_buf *, const char *, size_t),
			    kg_buf *out, kg_diags *d)
{
	char *path = S_path(templates, format, name);
	kg_buf src = KG_BUF_INIT, partials = KG_BUF_INIT;
	kg_template_opts opts = {escape, kg_template_partial_from_dir, NULL, true};
	int rc;

	kg_buf_printf(&partials, "%s/%s", templates, format);
	opts.partial_ctx = partials.ptr;
	rc = S_read(path, &src, d);
	if (rc == 0)
		rc = kg_template_render(path, src.ptr, src.len, data, &opts, out, d);
	kg_buf_release(&src);
	kg_buf_release(&partials);
	free(path);
	return rc;
}

int kg_shell_render(const kg_doc *doc, const char *templates,
		    const char *format, const char *name, const char *body,
		    void (*escape)(kg_buf *, const char *, size_t),
		    kg_buf *out, kg_diags *d)
{
	const kg_doc_meta *m = &doc->meta;
	kg_node *data = kg_node_new_map();
	int rc;

	kg_node_set_str(data, "kit_id", m->kit_id);
	kg_node_set_str(data, "edition_id", m->edition_id);
	kg_node_set_str(data, "edition_title", m->edition_title);
	kg_node_set_str(data, "profile", m->profile);
	kg_node_set_str(data, "level", m->level);
	kg_node_set_str(data, "title", m->title);
	kg_node_set_str(data, "subtitle", m->subtitle);
	kg_node_set_str(data, "version", m->version);
	kg_node_set_str(data, "publisher", m->publisher);
	kg_node_set_str(data, "licence", m->licence);
	kg_node_set_str(data, "digest", m->digest);
	kg_node_set_str(data, "body", body);
	rc = kg_template_render_file(templates, format, name, data, escape, out, d);
	kg_node_free(data);
	return rc;
}
