/*
 * glyphcheck.c - characters no installed font has, at their place
 * (glyphcheck.h).
 *
 * Every scalar of the kit's trees (kit.yaml, the topics, the scenarios,
 * a translation's overlay) and every label text is scanned; ASCII is
 * skipped a byte at a time without a look-up, since every face has it.
 * Each other character is asked of the fonts (fonts.c's own fallback
 * look-up, kg_fonts_covers: the answer is the PDF writer's, and fonts.c
 * keeps each character's fallback, so asking again is a look-up); a
 * missing one is warned of once (kg_diags_once), at its first place.
 *
 * A node's mark is where its text starts, and a text may be quoted,
 * folded or a block scalar, so a character's place inside it is found
 * in the file itself: from the node's mark, the n-th occurrence of the
 * character, n as in the text. The character is not ASCII, so only an
 * escape ("\uE000") writes it otherwise; then, or when the file cannot be
 * read (a built-in labels file), the place is the text's start.
 */
#include "glyphcheck.h"

#include <hb.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "file.h"
#include "fonts.h"
#include "lines.h"
#include "pdf_style.h"
#include "utf8.h"

/* A content file is at most 8 MiB (load.c); a labels file less. */
#define S_MAX_SOURCE ((size_t)16 << 20)
/* fontconfig has no allocator to give, and fails badly without memory
 * (as write_pdf.c) */
#define S_FONTCONFIG_HEADROOM ((size_t)16 << 20)

typedef struct S_check {
	const char *templates;
	kg_diags *d;
	kg_diags quiet;          /* the style's and the fonts' problems */
	int state;               /* 0: fonts not loaded, 1: loaded, -1: none */
	kg_pdf_style st;
	kg_fonts *fonts;
	char *file;              /* the source file last read, for places */
	kg_buf src;
	kg_lines *lines;
} S_check;

static int S_fonts(S_check *c)
{
	kg_buf path = KG_BUF_INIT;

	if (c->state)
		return c->state;
	c->state = -1;
	kg_buf_printf(&path, "%s/pdf/style.yaml", c->templates);
	if (kg_pdf_style_load(path.ptr, &c->st, &c->quiet) == 0) {
		kg_headroom(S_FONTCONFIG_HEADROOM);
		if ((c->fonts = kg_fonts_new(&c->st, &c->quiet)))
			c->state = 1;
	}
	kg_buf_release(&path);
	return c->state;
}

/* Characters that draw nothing of their own (format characters such as
 * joiners, variation selectors): the shaper hides them, no font needs
 * them. */
static int S_invisible(uint32_t cp)
{
	return (cp >= 0xFE00 && cp <= 0xFE0F) || (cp >= 0xE0100 && cp <= 0xE01EF) ||
	       hb_unicode_general_category(hb_unicode_funcs_get_default(), cp) ==
		       HB_UNICODE_GENERAL_CATEGORY_FORMAT;
}

/* The source file of at, read (the one last read is kept); 0 or -1. */
static int S_source(S_check *c, const char *file)
{
	kg_diags quiet = KG_DIAGS_INIT;
	int rc;

	if (c->file && strcmp(c->file, file) == 0)
		return c->lines ? 0 : -1;
	free(c->file);
	c->file = kg_xstrdup(file);
	kg_lines_free(c->lines);
	c->lines = NULL;
	kg_buf_reset(&c->src);
	rc = kg_file_read(file, S_MAX_SOURCE, &c->src, &quiet);
	kg_diags_free(&quiet);
	if (rc < 0)
		return -1;
	c->lines = kg_lines_new(file, c->src.ptr, c->src.len);
	return 0;
}

/* The place of the character cp at byte off of text, which starts at
 * at in its file; at itself when the file does not show it. */
static kg_mark S_place(S_check *c, kg_mark at, const char *text, size_t off,
		       uint32_t cp)
{
	const char *p = text, *end = text + off, *s, *send;
	size_t nth = 0, pos;
	unsigned col;

	if (!at.file || !at.line || S_source(c, at.file) < 0 ||
	    !kg_lines_offset(c->lines, at.line, &pos))
		return at;
	while (p < end)
		if (kg_utf8_next(&p, end) == cp)
			nth++;
	s = c->src.ptr + pos;
	send = c->src.ptr + c->src.len;
	for (col = 1; col < at.col && s < send; col++)
		kg_utf8_next(&s, send);
	while (s < send) {
		const char *here = s;

		if (kg_utf8_next(&s, send) == cp && nth-- == 0)
			return kg_lines_at_byte(c->lines, c->src.ptr,
						(size_t)(here - c->src.ptr));
	}
	return at;
}

static void S_text(S_check *c, const char *text, size_t len, kg_mark at)
{
	const char *p = text, *end = text + len;
	size_t i;

	for (i = 0; i < len && !(text[i] & 0x80); i++)
		;
	if (i == len || S_fonts(c) < 0)
		return;
	p = text + i;
	while (p < end) {
		const char *here = p;
		uint32_t cp = kg_utf8_next(&p, end);
		char key[32];

		/* fonts.c keeps each character's fallback: asking again is a
		 * look-up; kg_diags_once warns at the first place only */
		if (cp < 0xA0 || S_invisible(cp) ||
		    kg_fonts_covers(c->fonts, KG_FACE_REGULAR, cp))
			continue;
		snprintf(key, sizeof(key), KG_FONTS_MISSING_KEY, (unsigned long)cp);
		if (kg_diags_once(c->d, key))
			kg_warning(c->d, S_place(c, at, text, (size_t)(here - text), cp),
				   "character U+%04lX is in no installed font: "
				   "the PDF shows a replacement mark (install a "
				   "font that has it)", (unsigned long)cp);
	}
}

static int S_scalar(void *ctx, const kg_node *key, const kg_node *n)
{
	(void)key;
	S_text(ctx, n->text, n->len, n->mark);
	return 0;
}

static void S_walk(S_check *c, const kg_node *n)
{
	kg_node_each_scalar(n, S_scalar, c);
}

static void S_label(void *ctx, const char *text, kg_mark at)
{
	S_text(ctx, text, strlen(text), at);
}

void kg_check_glyphs(const kg_kit *kit, const kg_labels *labels,
		     const char *templates, kg_diags *d)
{
	S_check c;
	size_t i;

	memset(&c, 0, sizeof(c));
	c.templates = templates;
	c.d = d;
	kg_buf_init(&c.src);
	if (kit) {
		S_walk(&c, kit->root);
		for (i = 0; i < kit->ntopic_files; i++)
			S_walk(&c, kit->topic_roots[i]);
		S_walk(&c, kit->scenarios_root);
		S_walk(&c, kit->owned);
	}
	if (labels)
		kg_labels_each(labels, S_label, &c);
	kg_fonts_free(c.fonts);
	if (c.state)
		kg_pdf_style_free(&c.st);
	kg_diags_free(&c.quiet);
	free(c.file);
	kg_buf_release(&c.src);
	kg_lines_free(c.lines);
}
