/*
 * since.c - the "What changed since VERSION" section of the public kit:
 * the content at a git revision against the content built, by id
 * (diff.c), as a part of the document after the table of contents.
 */
#include "since.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "labels.h"
#include "git.h"
#include "output.h"
#include "doc_toc.h"

/* Load and check the kit in dir; NULL (and the errors in d) when it has
 * any. */
static kg_kit *S_load_clean(const char *dir, kg_diags *d)
{
	size_t errors = d->errors;
	kg_kit *kit = kg_kit_load(dir, d);

	kg_kit_check(kit, d);
	if (d->errors == errors)
		return kit;
	kg_kit_free(kit);
	return NULL;
}

int kg_since_load(const char *content, const char *rev, const kg_kit *kit,
		  kg_since *s, kg_diags *d)
{
	kg_buf tmp = KG_BUF_INIT;
	kg_kit *old = NULL;

	if (kg_git_export_temp(content, rev, &tmp, d) == 0 &&
	    (old = S_load_clean(tmp.ptr, d))) {
		kg_kit_diff(old, kit, &s->changes);
		s->version = kg_xstrdup(kg_text(old->version));
	}
	if (tmp.len)
		kg_remove_tree(tmp.ptr);
	kg_buf_release(&tmp);
	kg_kit_free(old);
	return s->version ? 0 : -1;
}

void kg_since_free(kg_since *s)
{
	kg_changes_free(&s->changes);
	free(s->version);
	s->version = NULL;
}

/* A word diff (~~old~~ **new**) is for a changelog on a forge; the kit's
 * CommonMark has no strikethrough, and its reader has the new text in
 * the kit itself: here such a change is only "reworded". */
static char S_reworded[] = "reworded";

static void S_line(const kg_change *ch, kg_buf *out)
{
	kg_change shown = *ch;

	if (shown.detail_md) {
		shown.detail_md = NULL;
		shown.detail = S_reworded;
	}
	kg_change_markdown(&shown, out);
}

/* The changes of one kind, under its heading, when there are any. */
static void S_kind(kg_block *part, const kg_changes *c, kg_change_kind kind,
		   const char *id, const char *heading)
{
	kg_buf line = KG_BUF_INIT;
	kg_block *list = NULL;
	size_t i;

	for (i = 0; i < c->n; i++) {
		if (c->items[i].kind != kind)
			continue;
		if (!list)
			list = kg_add_list(kg_add_section(part, 2, id, heading, 0),
					   KG_LIST_BULLET);
		kg_buf_reset(&line);
		S_line(&c->items[i], &line);
		kg_add_prose_copy(kg_add_item(list, NULL), line.ptr);
	}
	kg_buf_release(&line);
}

/* Move root's last child to just after its table of contents. */
static void S_after_toc(kg_block *root)
{
	kg_block *last = root->children[root->n - 1];
	size_t at = 0, i;

	for (i = 0; i + 1 < root->n; i++)
		if (root->children[i]->type == KG_BLOCK_TOC)
			at = i + 1;
	memmove(&root->children[at + 1], &root->children[at],
		(root->n - 1 - at) * sizeof(*root->children));
	root->children[at] = last;
}

void kg_since_compose(kg_doc *doc, const kg_since *s)
{
	kg_buf text = KG_BUF_INIT;
	kg_block *part;

	kg_label_put(&text, doc->labels, "since.title", "version",
		     s->version, NULL);
	part = kg_add_section(doc->root, 1, "changes-since", text.ptr,
			      KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	kg_buf_reset(&text);
	if (s->changes.n == 0)
		kg_label_put(&text, doc->labels, "since.nothing", "version",
			     s->version, NULL);
	else
		kg_label_putn(&text, doc->labels, "since.changes",
			      (long)s->changes.n, "version", doc->meta.version,
			      "since", s->version, NULL);
	kg_add_prose_copy(part, text.ptr);
	S_kind(part, &s->changes, KG_ADDED, "changes-added",
	       kg_label(doc->labels, "since.added"));
	S_kind(part, &s->changes, KG_REMOVED, "changes-removed",
	       kg_label(doc->labels, "since.removed"));
	S_kind(part, &s->changes, KG_CHANGED, "changes-changed",
	       kg_label(doc->labels, "since.changed"));
	S_after_toc(doc->root);
	kg_doc_toc_build(doc); /* the contents list the new part too */
	kg_buf_release(&text);
}
