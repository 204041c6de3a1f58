/*
 * translate_todo.c - what a translator runs: the status of a translation
 * (stale, missing, incomplete, unstamped and orphaned items, as text or
 * a Markdown to-do list) and the writing of `from:` stamps, which
 * changes only `from:` lines and writes each file atomically.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "fields.h"
#include "file.h"
#include "output.h"
#include "translate.h"
#include "translate_int.h"
#include "yaml_load.h"

/* ---- status ----------------------------------------------------------------- */

/* A text for one table cell: line breaks and pipes made harmless. */
static void S_cell(kg_buf *out, const kg_node *n)
{
	const char *p;

	for (p = kg_text(n); *p; p++) {
		if (*p == '\n')
			kg_buf_puts(out, p[1] ? " " : "");
		else if (*p == '|')
			kg_buf_puts(out, "\\|");
		else
			kg_buf_putc(out, *p);
	}
}

static void S_path(kg_buf *out, const kg_tr_slot *s)
{
	size_t i;

	for (i = 0; i < s->depth; i++)
		kg_buf_printf(out, "%s%s", i ? "." : "", s->path[i]);
}

/* The item's texts as table rows: the source's, and the translation's
 * when tr. */
static void S_rows(kg_buf *out, const kg_tr_item *it, int tr)
{
	size_t i, k;

	for (i = 0; i < it->nslots; i++) {
		const kg_tr_slot *s = &it->slots[i];
		const kg_node *t = tr && it->tr ? kg_tr_at(it, s) : NULL;
		size_t n = s->one ? 1 : s->list ? s->list->n : 0;

		/* a row's texts: loop.phases[2].name */
		for (k = 0; s->cells && k < s->nrows * s->nfields; k++) {
			const kg_node *x;

			kg_buf_puts(out, "| ");
			S_path(out, s);
			kg_buf_printf(out, "[%zu].%s | ", k / s->nfields + 1,
				      s->fields[k % s->nfields].name);
			S_cell(out, *s->cells[k]);
			if (tr) {
				x = kg_tr_cell(it, s, k / s->nfields,
					       k % s->nfields);
				kg_buf_puts(out, " | ");
				if (x)
					S_cell(out, x);
				else
					kg_buf_puts(out, "*(none)*");
			}
			kg_buf_puts(out, " |\n");
		}
		for (k = 0; k < n; k++) {
			kg_buf_puts(out, "| ");
			S_path(out, s);
			if (s->list)
				kg_buf_printf(out, "[%zu]", k + 1);
			kg_buf_puts(out, " | ");
			S_cell(out, s->one ? *s->one : s->list->items[k]);
			if (tr) {
				kg_buf_puts(out, " | ");
				if (t && t->kind == KG_NODE_SCALAR && !k)
					S_cell(out, t);
				else if (t && t->kind == KG_NODE_SEQ && k < t->n)
					S_cell(out, t->items[k]);
				else
					kg_buf_puts(out, "*(none)*");
			}
			kg_buf_puts(out, " |\n");
		}
	}
}

/* How many of the item's texts the translation lacks (a row's texts
 * each count). */
static size_t S_lacks(const kg_tr_item *it)
{
	size_t i, c, n = 0;

	for (i = 0; i < it->nslots; i++) {
		const kg_tr_slot *s = &it->slots[i];

		if (s->cells) {
			for (c = 0; c < s->nrows * s->nfields; c++)
				n += !kg_tr_cell(it, s, c / s->nfields,
						 c % s->nfields);
		} else if (!it->tr || !kg_tr_at(it, s)) {
			n++;
		}
	}
	return n;
}

size_t kg_tr_status(const kg_tr *tr, int md, kg_buf *out)
{
	size_t i, stale = 0, missing = 0, partial = 0, unstamped = 0, work;
	const char *file = NULL;

	for (i = 0; i < tr->nitems; i++) {
		const kg_tr_item *it = &tr->items[i];

		/* each item in one class, the first that holds */
		if (!it->tr)
			missing++;
		else if (!it->from)
			unstamped++;
		else if (kg_tr_stale(it))
			stale++;
		else if (S_lacks(it))
			partial++;
	}
	work = stale + missing + partial + unstamped + tr->norphans;
	if (md)
		kg_buf_printf(out, "# Translation to-do: %s\n\n"
			"%zu stale, %zu missing, %zu incomplete, %zu "
			"unstamped, %zu orphaned, of %zu items.\n",
			tr->lang, stale, missing, partial, unstamped,
			tr->norphans, tr->nitems);
	else
		kg_buf_printf(out, "%s: %zu stale, %zu missing, %zu incomplete, "
			"%zu unstamped, %zu orphaned, of %zu items\n", tr->lang,
			stale, missing, partial, unstamped, tr->norphans,
			tr->nitems);
	for (i = 0; i < tr->nitems; i++) {
		const kg_tr_item *it = &tr->items[i];
		const char *what = !it->tr ? "missing" : !it->from ? "unstamped"
				 : kg_tr_stale(it) ? "stale" : S_lacks(it) ?
				 "incomplete" : NULL;

		if (!what)
			continue;
		if (!md) {
			kg_buf_printf(out, "%-10s %s %s (%s)\n", what,
				      kg_tr_what[it->sect], it->id, it->file);
			continue;
		}
		if (!file || strcmp(file, it->file)) {
			file = it->file;
			kg_buf_printf(out, "\n## %s\n", file);
		}
		kg_buf_printf(out, "\n### %s %s: %s\n\n", what,
			      kg_tr_what[it->sect], it->id);
		if (!it->tr) {
			kg_buf_puts(out, "| Field | Source |\n|---|---|\n");
			S_rows(out, it, 0);
		} else {
			kg_buf_printf(out, "| Field | Source now | "
				      "Translation (%s) |\n|---|---|---|\n",
				      tr->lang);
			S_rows(out, it, 1);
		}
	}
	if (tr->norphans)
		kg_buf_puts(out, md ? "\n## Orphans\n\n" : "");
	for (i = 0; i < tr->norphans; i++) {
		const kg_node *k = tr->orphans[i].key;

		kg_buf_printf(out, md ? "- %s %s, %s:%u:%u: its source is "
			      "gone\n" : "orphan     %s %s (%s:%u:%u)\n",
			      kg_tr_what[tr->orphans[i].sect], k->text,
			      k->mark.file, k->mark.line, k->mark.col);
	}
	return work;
}

/* ---- stamps ----------------------------------------------------------------- */

typedef struct S_edit {
	size_t at, cut; /* bytes replaced: [at, at + cut) */
	char *text;
} S_edit;

/* The byte offset of (line, col) in src; col counts characters. */
static size_t S_offset(const char *src, size_t len, unsigned line,
		       unsigned col)
{
	size_t o = 0;
	unsigned l = 1, c = 1;

	while (o < len && l < line)
		if (src[o++] == '\n')
			l++;
	while (o < len && c < col && src[o] != '\n') {
		o++;
		while (o < len && ((unsigned char)src[o] & 0xc0) == 0x80)
			o++;
		c++;
	}
	return o;
}

/* The length of the plain or quoted scalar at p: a stamp's value. */
static size_t S_token_len(const char *p, size_t len)
{
	size_t end = 0;

	if (len && (p[0] == '"' || p[0] == '\'')) {
		for (end = 1; end < len && p[end] != p[0] && p[end] != '\n'; end++)
			;
		return end < len && p[end] == p[0] ? end + 1 : end;
	}
	while (end < len && !strchr("\n \t,}#", p[end]))
		end++;
	return end;
}

static int S_edit_cmp(const void *a, const void *b)
{
	const S_edit *x = a, *y = b;

	return x->at < y->at ? 1 : x->at > y->at ? -1 : 0;
}

/* The edit that stamps it in src: its `from:` value replaced, or a
 * `from:` line inserted above its first field. 0, or -1 with d told. */
static int S_edit_of(const kg_tr_item *it, const kg_buf *src, S_edit *e,
		     kg_diags *d)
{
	const kg_node *v = it->from_empty ? it->from_empty : it->from;
	kg_buf text = KG_BUF_INIT;

	if (v) {
		size_t end;

		e->at = S_offset(src->ptr, src->len, v->mark.line, v->mark.col);
		end = e->at + S_token_len(src->ptr + e->at, src->len - e->at);
		e->cut = v->len == 0 ? 0 : end - e->at;
		if (v->len == 0 && (e->at == 0 || src->ptr[e->at - 1] != ' '))
			kg_buf_putc(&text, ' ');
		kg_buf_puts(&text, it->digest);
	} else {
		const kg_node *first = it->tr->npairs ? it->tr->pairs[0].key : NULL;
		unsigned c;

		if (!first || first->mark.line <= it->key->mark.line) {
			char b[160];

			return kg_error(d, it->key->mark, "cannot stamp %s: "
					"write its texts one per line (block "
					"style) below its key",
					kg_tr_name(it, b, sizeof(b)));
		}
		e->at = S_offset(src->ptr, src->len, first->mark.line, 1);
		for (c = 1; c < first->mark.col; c++)
			kg_buf_putc(&text, ' ');
		kg_buf_printf(&text, "%s: %s\n", KG_FIELD_FROM, it->digest);
	}
	e->text = kg_buf_detach(&text, NULL);
	return 0;
}

/* src with the edits made (they do not overlap). */
static void S_apply(const kg_buf *src, S_edit *edits, size_t n, kg_buf *out)
{
	size_t i, pos = 0;

	qsort(edits, n, sizeof(*edits), S_edit_cmp);
	for (i = n; i-- > 0;) {
		kg_buf_put(out, src->ptr + pos, edits[i].at - pos);
		kg_buf_puts(out, edits[i].text);
		pos = edits[i].at + edits[i].cut;
	}
	kg_buf_put(out, src->ptr + pos, src->len - pos);
}

/* Stamp the items of file f that want[i] says: one atomic write. */
static int S_stamp_file(const kg_tr *tr, size_t f, const char *want,
			size_t *done, kg_diags *d)
{
	kg_buf src = KG_BUF_INIT, out = KG_BUF_INIT;
	S_edit *edits;
	size_t n = 0, i;
	int rc = 0;

	for (i = 0; i < tr->nitems; i++)
		n += want[i] && tr->items[i].tr && tr->items[i].tr_file == f;
	if (n == 0)
		return 0;
	if (kg_file_read(tr->files[f], KG_NODE_MAX_FILE, &src, d) != 0)
		return -1;
	edits = kg_xcalloc(n, sizeof(*edits));
	n = 0;
	for (i = 0; i < tr->nitems && rc == 0; i++)
		if (want[i] && tr->items[i].tr && tr->items[i].tr_file == f)
			rc = S_edit_of(&tr->items[i], &src, &edits[n++], d);
	if (rc == 0) {
		S_apply(&src, edits, n, &out);
		rc = kg_write_atomic(tr->files[f], out.ptr, out.len, d);
		if (rc == 0)
			*done += n;
	}
	for (i = 0; i < n; i++)
		free(edits[i].text);
	free(edits);
	kg_buf_release(&out);
	kg_buf_release(&src);
	return rc ? -1 : 0;
}

int kg_tr_stamp(const kg_tr *tr, char **ids, size_t n, size_t *done,
		kg_diags *d)
{
	char *want = kg_xcalloc(tr->nitems + 1, 1);
	size_t i, j;
	int rc = 0;

	*done = 0;
	for (i = 0; i < tr->nitems; i++) {
		const kg_tr_item *it = &tr->items[i];

		if (n == 0) {
			want[i] = it->tr && !it->from;
			continue;
		}
		for (j = 0; j < n; j++)
			if (strcmp(ids[j], it->id) == 0)
				want[i] = 1;
		/* already current: nothing to write */
		if (want[i] && it->from && !kg_tr_stale(it))
			want[i] = 0;
	}
	for (j = 0; j < n; j++) {
		for (i = 0; i < tr->nitems; i++)
			if (strcmp(ids[j], tr->items[i].id) == 0)
				break;
		if (i == tr->nitems || !tr->items[i].tr) {
			kg_mark none = {NULL, 0, 0};

			rc = kg_error(d, none, "'%s' is no translated item of "
				      "'%s'", ids[j], tr->lang);
		}
	}
	for (i = 0; rc == 0 && i < tr->nfiles; i++)
		if (S_stamp_file(tr, i, want, done, d) != 0)
			rc = -1;
	free(want);
	return rc ? -1 : 0;
}
