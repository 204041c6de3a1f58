/*
 * index.c - the build's index page (see index.h): the files of a build,
 * grouped by edition in build order, as Mustache data for
 * templates/html/index.mustache.
 *
 * Data: title, subtitle, version, publisher, licence, digest,
 * build_digest, kit_id (as the edition pages have them) and editions:
 * [{id, title, audience, marking, candidate, files: [{name, format,
 * label, size}]}], where audience says who the edition is for and
 * marking how its pages are marked (edition.h; absent for a candidate's
 * guide), candidate is true for a candidate's guide, label names the
 * format for people ("Markdown") and size is the file's size for people
 * ("238 KB"). A packet's parts (edition.h) are not editions of the list
 * but its packet's: has_parts and parts: [{id, title, audience, marking,
 * files}], title the part's short one ("Round 2: ...").
 */
#include "index.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "html_escape.h"
#include "labels.h"
#include "node.h"
#include "pdf_style.h"
#include "template.h"

struct kg_index_entry {
	char *edition_id;
	char *edition_title;
	const char *audience; /* static (edition.h) */
	const char *marking;  /* static, or NULL (edition.h) */
	int candidate;        /* a candidate's guide */
	int part;             /* a packet's part: its packet's group */
	char *name; /* the file name, relative to the index page */
	const char *format;
	size_t size;
};

bool kg_index_wanted(const kg_writer *const *writers)
{
	size_t i;

	for (i = 0; writers[i]; i++)
		if (writers[i] == &kg_writer_html)
			return true;
	return false;
}

void kg_index_add(kg_index *idx, const kg_edition *ed, const kg_writer *w,
		  size_t size)
{
	kg_index_entry *e;
	kg_buf name = KG_BUF_INIT;

	KG_GROW(idx->items, idx->cap, idx->n + 1);
	e = &idx->items[idx->n++];
	kg_buf_printf(&name, "%s%s", ed->id, w->format->extension);
	e->edition_id = kg_xstrdup(ed->id);
	e->edition_title = kg_one_line(KG_EDITION_IS_PART(ed) ? ed->part_title
							      : ed->title);
	e->audience = ed->audience;
	e->marking = ed->marking;
	e->candidate = ed->kind == KG_EDITION_CANDIDATE;
	e->part = KG_EDITION_IS_PART(ed);
	e->name = kg_buf_detach(&name, NULL);
	e->format = w->format->name;
	e->size = size;
}

/* What a person calls each format; an unknown one is shown by its name. */
static const char *S_label(const char *format)
{
	static const char *const labels[][2] = {
		{"html", "HTML"}, {"md", "Markdown"}, {"pdf", "PDF"}};
	size_t i;

	for (i = 0; i < sizeof(labels) / sizeof(*labels); i++)
		if (strcmp(labels[i][0], format) == 0)
			return labels[i][1];
	return format;
}

/* A file's size in the labels' words (labels.h), the megabytes with one
 * decimal after the labels' decimal separator. */
static char *S_size(const kg_labels *labels, size_t bytes)
{
	kg_buf b = KG_BUF_INIT;
	char n[48];

	if (bytes < 1024) {
		kg_label_putn(&b, labels, "index.bytes", (long)bytes, NULL);
	} else if (bytes < 1024 * 1024) {
		snprintf(n, sizeof(n), "%zu", (bytes + 512) / 1024);
		kg_label_put(&b, labels, "index.kb", "n", n, NULL);
	} else {
		size_t tenths = (bytes * 10 + 512 * 1024) / (1024 * 1024);

		snprintf(n, sizeof(n), "%zu%s%zu", tenths / 10,
			 kg_label(labels, "number.decimal"), tenths % 10);
		kg_label_put(&b, labels, "index.mb", "n", n, NULL);
	}
	return kg_buf_detach(&b, NULL);
}

static kg_node *S_file(const kg_labels *labels, const kg_index_entry *e)
{
	kg_node *f = kg_node_new_map();
	char *size = S_size(labels, e->size);

	kg_node_set_str(f, "name", e->name);
	kg_node_set_str(f, "format", e->format);
	kg_node_set_str(f, "label", S_label(e->format));
	kg_node_set_str(f, "size", size);
	free(size);
	return f;
}

/* A new group for entry e, its files in *files. */
static kg_node *S_group(const kg_index_entry *e, kg_node **files)
{
	kg_node *ed = kg_node_new_map();

	kg_node_set_str(ed, "id", e->edition_id);
	kg_node_set_str(ed, "title", e->edition_title);
	kg_node_set_str(ed, "audience", e->audience);
	if (e->marking)
		kg_node_set_str(ed, "marking", e->marking);
	kg_node_set_bool(ed, "candidate", e->candidate);
	*files = kg_node_new_seq();
	kg_node_set(ed, "files", *files);
	return ed;
}

/* editions: consecutive entries of one edition make one group; a part's
 * group goes into the parts of the edition before it, its packet (a
 * build writes a packet's parts right after it). */
static kg_node *S_editions(const kg_labels *labels, const kg_index *idx)
{
	kg_node *eds = kg_node_new_seq();
	kg_node *files = NULL, *parts = NULL, *last = NULL;
	size_t i;

	for (i = 0; i < idx->n; i++) {
		const kg_index_entry *e = &idx->items[i];
		kg_node *ed;

		if (i > 0 && strcmp(e->edition_id, idx->items[i - 1].edition_id) == 0) {
			kg_node_push(files, S_file(labels, e));
			continue;
		}
		ed = S_group(e, &files);
		if (e->part && last) {
			if (!parts) {
				parts = kg_node_new_seq();
				kg_node_set(last, "parts", parts);
				kg_node_set_bool(last, "has_parts", true);
			}
			kg_node_push(parts, ed);
		} else {
			kg_node_push(eds, ed);
			last = ed;
			parts = NULL;
		}
		kg_node_push(files, S_file(labels, e));
	}
	return eds;
}

/* Set key to the kit's value, on one line. */
static void S_meta(kg_node *data, const char *key, const kg_node *value)
{
	char *s = kg_one_line(kg_text(value));

	kg_node_set_str(data, key, s);
	free(s);
}

static kg_node *S_data(const kg_index *idx, const kg_kit *kit,
		       const char *digest, const char *build_digest)
{
	kg_node *data = kg_node_new_map();

	S_meta(data, "kit_id", kit->id);
	S_meta(data, "title", kit->title);
	S_meta(data, "subtitle", kit->subtitle);
	S_meta(data, "version", kit->version);
	S_meta(data, "publisher", kit->publisher);
	S_meta(data, "licence", kit->licence);
	kg_node_set_str(data, "digest", digest);
	kg_node_set_str(data, "build_digest", build_digest);
	kg_node_set(data, "editions", S_editions(kit->labels, idx));
	kg_node_set(data, "labels", kg_labels_data(kit->labels));
	kg_node_set_str(data, "lang", kg_labels_lang(kit->labels));
	kg_node_set_bool(data, "rtl", kg_labels_rtl(kit->labels));
	return data;
}

int kg_index_render(const kg_index *idx, const kg_kit *kit, const char *digest,
		    const char *build_digest, const char *templates,
		    kg_buf *out, kg_diags *d)
{
	kg_node *data;
	size_t i;
	int rc = 0;

	for (i = 0; i < idx->n; i++)
		if (strcmp(idx->items[i].name, KG_INDEX_NAME) == 0)
			rc = kg_error(d, (kg_mark){kit->kit_file, 0, 0},
				      "edition '%s' would overwrite the index "
				      "page '%s'", idx->items[i].edition_id,
				      KG_INDEX_NAME);
	if (rc)
		return rc;
	data = S_data(idx, kit, digest, build_digest);
	rc = kg_pdf_style_colours_data(templates, data, d);
	if (rc == 0)
		rc = kg_template_render_file(templates, "html", "index", data,
					     kg_html_escape, NULL, out, d);
	kg_node_free(data);
	return rc;
}

void kg_index_free(kg_index *idx)
{
	size_t i;

	for (i = 0; i < idx->n; i++) {
		free(idx->items[i].edition_id);
		free(idx->items[i].edition_title);
		free(idx->items[i].name);
	}
	free(idx->items);
	idx->items = NULL;
	idx->n = idx->cap = 0;
}
