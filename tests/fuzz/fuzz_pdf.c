/* fuzz_pdf.c - libFuzzer harness: any CommonMark laid out into a PDF by the
 * PDF writer */
/*
 * The input's first line is a title, the rest a text of CommonMark; both
 * go where content goes in a real document: a section heading (listed in
 * the contents), its prose, a list item, a table row, a callout, a rubric
 * band and a scorecard line. The document is written by the PDF writer
 * with the committed style (templates/pdf/style.yaml) on A4.
 *
 * Inputs that are not valid UTF-8, hold a NUL or nest Markdown deeper than
 * KG_MAX_MD_DEPTH are skipped: the checks never let such text through to
 * a writer.
 *
 * Invariant: text that a kit may hold always lays out: the writer returns
 * 0 and a buffer that starts with "%PDF-" and ends with "%%EOF".
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "doc.h"
#include "kit.h"
#include "schema.h"
#include "writer.h"

#ifndef KG_FUZZ_TEMPLATES
#define KG_FUZZ_TEMPLATES "templates"
#endif

#define MAX_INPUT 8192 /* layout is the slow part: keep each run short */

/* Content reaches a writer only as valid UTF-8 without NUL (the loader
 * refuses anything else): inputs that are not are skipped. */
static int S_valid_utf8(const unsigned char *s, size_t n)
{
	size_t i = 0, len, k;
	unsigned long cp;

	while (i < n) {
		if (s[i] == 0)
			return 0;
		if (s[i] < 0x80) {
			i++;
			continue;
		}
		if (s[i] >= 0xC2 && s[i] <= 0xDF)
			len = 2, cp = s[i] & 0x1F;
		else if (s[i] >= 0xE0 && s[i] <= 0xEF)
			len = 3, cp = s[i] & 0x0F;
		else if (s[i] >= 0xF0 && s[i] <= 0xF4)
			len = 4, cp = s[i] & 0x07;
		else
			return 0;
		if (i + len > n)
			return 0;
		for (k = 1; k < len; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return 0;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
		    cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return 0;
		i += len;
	}
	return 1;
}

static void S_meta(kg_doc_meta *m, const char *title)
{
	m->kit_id = kg_xstrdup("fuzz-kit");
	m->edition_id = kg_xstrdup("fuzz-kit");
	m->title = kg_xstrdup(title);
	m->subtitle = kg_xstrdup(title);
	m->edition_title = kg_xstrdup("Public kit");
	m->profile = kg_xstrdup("");
	m->level = kg_xstrdup("");
	m->version = kg_xstrdup("1.0.0");
	m->publisher = kg_xstrdup(title);
	m->licence = kg_xstrdup("");
	m->digest = kg_xstrdup("0123456789abcdef0123456789abcdef"
			       "0123456789abcdef0123456789abcdef");
}

static kg_doc *S_doc(const char *title, const char *text)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT), *s, *b, *t, *sc;
	int band;

	S_meta(&doc->meta, title);
	doc->root = root;
	kg_block_add(root, kg_block_new(KG_BLOCK_TOC));
	s = kg_add_section(root, 1, "topic-fuzz", title,
			   KG_SECTION_NEW_PAGE | KG_SECTION_IN_TOC);
	kg_add_prose(s, text);
	s = kg_add_section(s, 2, "q-fuzz-1", title, 0);
	kg_add_item(kg_add_list(s, KG_LIST_BULLET), text);
	kg_add_item(kg_add_list(s, KG_LIST_ORDERED), text);
	b = kg_add_list(s, KG_LIST_INDEX);
	kg_add_item(b, "[the question](#q-fuzz-1)");
	t = kg_block_add(s, kg_block_new(KG_BLOCK_TABLE));
	kg_add_cell(kg_add_row(t), title);
	kg_add_cell(kg_add_row(t), text);
	kg_add_prose(kg_add_callout(s, KG_CALLOUT_RED_FLAGS, title), text);
	b = kg_block_add(s, kg_block_new(KG_BLOCK_RUBRIC));
	for (band = 0; band < KG_NBANDS; band++)
		kg_add_band(b, band, title, text);
	b = kg_block_add(s, kg_block_new(KG_BLOCK_FIELDS));
	kg_add_field(b, title, text);
	sc = kg_block_add(s, kg_block_new(KG_BLOCK_SCORECARD));
	t = kg_add_row(sc);
	kg_add_cell(t, "Dimension");
	kg_add_cell(t, "Strong");
	kg_add_cell(t, "Acceptable");
	kg_add_cell(t, "Weak");
	kg_add_cell(t, "Evidence");
	kg_add_dimension(sc, title, text);
	kg_add_notes(s, title, 3);
	return doc;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kg_write_opts wo = {KG_FUZZ_TEMPLATES, "a4", NULL};
	kg_diags d = KG_DIAGS_INIT;
	kg_sink out;
	char *text, *nl, *title;
	kg_doc *doc;

	if (size > MAX_INPUT || !S_valid_utf8(data, size))
		return 0;
	text = kg_xstrndup((const char *)data, size);
	nl = strchr(text, '\n');
	if (nl)
		*nl = '\0';
	title = kg_one_line(text);
	if (nl && kg_md_depth(nl + 1) > KG_MAX_MD_DEPTH) {
		free(title);
		free(text);
		return 0;
	}
	doc = S_doc(*title ? title : "Untitled", nl ? nl + 1 : "");
	kg_sink_init(&out, NULL); /* the whole PDF stays in out.buf */
	if (kg_writer_pdf.write(doc, &wo, &out, &d) < 0) {
		kg_diags_print(&d, stderr, 0);
		abort();
	}
	if (out.buf.len < 16 || memcmp(out.buf.ptr, "%PDF-", 5) != 0 ||
	    !memmem(out.buf.ptr + out.buf.len - 16, 16, "%%EOF", 5))
		abort();
	kg_doc_free(doc);
	kg_sink_release(&out);
	kg_diags_free(&d);
	free(title);
	free(text);
	return 0;
}
