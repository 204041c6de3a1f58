/*
 * pdf_style.c - loading templates/pdf/style.yaml (see pdf_style.h).
 *
 * The file is a mapping of sections (page, fonts, sizes, spacing,
 * colours, labels) of scalars. One table lists every key with its kind, its place
 * in kg_pdf_style and its range; loading walks the table, then reports
 * the keys the table does not know. The `papers` section is the one whose
 * keys the file chooses (a paper's name), so it is read by hand: each
 * name maps to a width and a height.
 */
#include "pdf_style.h"

#include <math.h>
#include <stdio.h>
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "labels.h"
#include "node.h"
#include "yaml_load.h"

typedef enum { S_LEN, S_NUM, S_COLOUR, S_FONT } S_kind;

typedef struct S_key {
	const char *section, *key;
	S_kind kind;
	size_t offset;
	float min, max;
} S_key;

#define S_F(field) offsetof(kg_pdf_style, field)

static const S_key S_keys[] = {
	{"page", "margin_top", S_LEN, S_F(margin_top), 0, 200},
	{"page", "margin_bottom", S_LEN, S_F(margin_bottom), 0, 200},
	{"page", "margin_left", S_LEN, S_F(margin_left), 0, 200},
	{"page", "margin_right", S_LEN, S_F(margin_right), 0, 200},
	{"page", "header", S_LEN, S_F(header), 0, 100},
	{"page", "footer", S_LEN, S_F(footer), 0, 100},
	{"fonts", "text", S_FONT, S_F(font_text), 0, 0},
	{"fonts", "sans", S_FONT, S_F(sans), 0, 0},
	{"fonts", "mono", S_FONT, S_F(mono), 0, 0},
	{"columns", "text", S_LEN, S_F(column), 72, 14400},
	{"columns", "html", S_NUM, S_F(column_html), 20, 200},
	{"columns", "tables", S_NUM, S_F(wide_tables), 0, 1},
	{"columns", "rubrics", S_NUM, S_F(wide_rubrics), 0, 1},
	{"columns", "callouts", S_NUM, S_F(wide_callouts), 0, 1},
	{"columns", "code", S_NUM, S_F(wide_code), 0, 1},
	{"columns", "forms", S_NUM, S_F(wide_forms), 0, 1},
	{"sizes", "body", S_LEN, S_F(body), 5, 24},
	{"sizes", "leading", S_NUM, S_F(leading), 1, 3},
	{"sizes", "small", S_LEN, S_F(small), 4, 24},
	{"sizes", "code", S_LEN, S_F(code), 4, 24},
	{"sizes", "table", S_LEN, S_F(table), 4, 24},
	{"sizes", "running", S_LEN, S_F(running), 4, 24},
	{"sizes", "h1", S_LEN, S_F(h1), 5, 72},
	{"sizes", "h2", S_LEN, S_F(h2), 5, 72},
	{"sizes", "h3", S_LEN, S_F(h3), 5, 72},
	{"sizes", "cover_title", S_LEN, S_F(cover_title), 5, 96},
	{"sizes", "cover_subtitle", S_LEN, S_F(cover_subtitle), 5, 72},
	{"spacing", "paragraph", S_LEN, S_F(paragraph), 0, 72},
	{"spacing", "section", S_LEN, S_F(section), 0, 144},
	{"spacing", "box_padding", S_LEN, S_F(box_padding), 0, 72},
	{"spacing", "indent", S_LEN, S_F(indent), 0, 144},
	{"colours", "tint", S_NUM, S_F(tint), 0, 1},
	{"colours", "text", S_COLOUR, S_F(text), 0, 0},
	{"colours", "muted", S_COLOUR, S_F(muted), 0, 0},
	{"colours", "accent", S_COLOUR, S_F(accent), 0, 0},
	{"colours", "link", S_COLOUR, S_F(link), 0, 0},
	{"colours", "rule", S_COLOUR, S_F(rule), 0, 0},
	{"colours", "code_background", S_COLOUR, S_F(code_background), 0, 0},
	{"colours", "cover", S_COLOUR, S_F(cover), 0, 0},
	{"colours", "cover_text", S_COLOUR, S_F(cover_text), 0, 0},
	{"colours", "cover_rule", S_COLOUR, S_F(cover_rule), 0, 0},
	{"colours", "table_header", S_COLOUR, S_F(table_header), 0, 0},
	{"colours", "table_header_text", S_COLOUR, S_F(table_header_text), 0, 0},
	{"colours", "table_stripe", S_COLOUR, S_F(table_stripe), 0, 0},
	{"colours", "strong", S_COLOUR, S_F(strong), 0, 0},
	{"colours", "acceptable", S_COLOUR, S_F(acceptable), 0, 0},
	{"colours", "weak", S_COLOUR, S_F(weak), 0, 0},
	{"colours", "cues", S_COLOUR, S_F(cues), 0, 0},
	{"colours", "note", S_COLOUR, S_F(note), 0, 0},
	{"colours", "red_flags", S_COLOUR, S_F(red_flags), 0, 0},
	{"lists", "marker_gap", S_LEN, S_F(m.lists_marker_gap), 0, 72},
	{"lists", "tight", S_NUM, S_F(m.lists_tight), 1, 10},
	{"code", "leading", S_NUM, S_F(m.code_leading), 1, 3},
	{"code", "padding", S_NUM, S_F(m.code_padding), 0, 5},
	{"code", "inline_pad_x", S_LEN, S_F(m.code_inline_pad_x), 0, 36},
	{"code", "inline_pad_y", S_LEN, S_F(m.code_inline_pad_y), 0, 36},
	{"code", "slack", S_LEN, S_F(m.code_slack), 0, 36},
	{"code", "mark", S_NUM, S_F(m.code_mark), 0.3, 1.5},
	{"quotes", "bar", S_LEN, S_F(m.quotes_bar), 0, 36},
	{"quotes", "padding", S_NUM, S_F(m.quotes_padding), 0, 5},
	{"quotes", "padding_left", S_LEN, S_F(m.quotes_padding_left), 0, 72},
	{"rules", "width", S_LEN, S_F(m.rules_width), 0, 12},
	{"rules", "space", S_NUM, S_F(m.rules_space), 0, 10},
	{"headings", "leading", S_NUM, S_F(m.headings_leading), 1, 3},
	{"headings", "part_rule", S_LEN, S_F(m.headings_part_rule), 0, 36},
	{"headings", "part_rule_length", S_LEN, S_F(m.headings_part_rule_length), 0, 720},
	{"headings", "part_gap", S_NUM, S_F(m.headings_part_gap), 0, 5},
	{"headings", "h3_space", S_NUM, S_F(m.headings_h3_space), 0, 5},
	{"headings", "part_space", S_NUM, S_F(m.headings_part_space), 0, 10},
	{"headings", "part_after", S_NUM, S_F(m.headings_part_after), 0, 10},
	{"headings", "h4_space", S_NUM, S_F(m.headings_h4_space), 0, 10},
	{"headings", "prose_space", S_NUM, S_F(m.headings_prose_space), 0, 10},
	{"rubric", "label", S_LEN, S_F(m.rubric_label), 0, 360},
	{"rubric", "gap", S_LEN, S_F(m.rubric_gap), 0, 72},
	{"rubric", "space", S_NUM, S_F(m.rubric_space), 0, 10},
	{"rubric", "label_inset", S_LEN, S_F(m.rubric_label_inset), 0, 72},
	{"rubric", "label_least", S_LEN, S_F(m.rubric_label_least), 1, 360},
	{"callouts", "bar", S_LEN, S_F(m.callouts_bar), 0, 36},
	{"callouts", "padding_left", S_LEN, S_F(m.callouts_padding_left), 0, 72},
	{"callouts", "space", S_NUM, S_F(m.callouts_space), 0, 10},
	{"callouts", "title_gap", S_LEN, S_F(m.callouts_title_gap), 0, 72},
	{"tables", "padding", S_LEN, S_F(m.tables_padding), 0, 72},
	{"tables", "leading", S_NUM, S_F(m.tables_leading), 1, 3},
	{"tables", "space", S_NUM, S_F(m.tables_space), 0, 10},
	{"tables", "rule", S_LEN, S_F(m.tables_rule), 0, 12},
	{"scorecards", "padding", S_LEN, S_F(m.scorecards_padding), 0, 72},
	{"scorecards", "leading", S_NUM, S_F(m.scorecards_leading), 1, 3},
	{"scorecards", "band_column", S_LEN, S_F(m.scorecards_band_column), 0, 360},
	{"scorecards", "band_slack", S_LEN, S_F(m.scorecards_band_slack), 0, 72},
	{"scorecards", "row", S_LEN, S_F(m.scorecards_row), 0, 720},
	{"scorecards", "name", S_LEN, S_F(m.scorecards_name), 0, 12},
	{"scorecards", "box", S_NUM, S_F(m.scorecards_box), 0, 10},
	{"scorecards", "space", S_NUM, S_F(m.scorecards_space), 0, 10},
	{"forms", "box", S_LEN, S_F(m.forms_box), 1, 72},
	{"forms", "box_rule", S_LEN, S_F(m.forms_box_rule), 0, 12},
	{"forms", "box_gap", S_LEN, S_F(m.forms_box_gap), 0, 72},
	{"forms", "evidence", S_NUM, S_F(m.forms_evidence), 0.2f, 0.8f},
	{"forms", "row_most", S_LEN, S_F(m.forms_row_most), 0, 720},
	{"forms", "name", S_LEN, S_F(m.forms_name), 0, 72},
	{"forms", "cell_padding", S_LEN, S_F(m.forms_cell_padding), 0, 72},
	{"notes", "space", S_NUM, S_F(m.notes_space), 0, 10},
	{"notes", "line", S_LEN, S_F(m.notes_line), 0, 144},
	{"notes", "fill_least", S_NUM, S_F(m.notes_fill_least), 1, 100},
	{"notes", "lines", S_LEN, S_F(m.notes_lines), 0, 144},
	{"notes", "label_gap", S_LEN, S_F(m.notes_label_gap), 0, 72},
	{"notes", "baseline", S_LEN, S_F(m.notes_baseline), 0, 72},
	{"notes", "rule_below", S_LEN, S_F(m.notes_rule_below), 0, 72},
	{"notes", "rule", S_LEN, S_F(m.notes_rule), 0, 12},
	{"index", "gap", S_LEN, S_F(m.index_gap), 0, 72},
	{"contents", "part_size", S_LEN, S_F(m.contents_part_size), 0, 12},
	{"contents", "part_space", S_NUM, S_F(m.contents_part_space), 0, 10},
	{"contents", "gap", S_LEN, S_F(m.contents_gap), 0, 72},
	{"contents", "number_gap", S_LEN, S_F(m.contents_number_gap), 0, 72},
	{"contents", "leader_gap", S_LEN, S_F(m.contents_leader_gap), 0, 72},
	{"cover", "band", S_NUM, S_F(m.cover_band), 0, 1},
	{"cover", "band_gap", S_LEN, S_F(m.cover_band_gap), 0, 720},
	{"cover", "edition_tint", S_NUM, S_F(m.cover_edition_tint), 0, 1},
	{"cover", "title_gap", S_LEN, S_F(m.cover_title_gap), 0, 144},
	{"cover", "title_leading", S_NUM, S_F(m.cover_title_leading), 1, 3},
	{"cover", "subtitle_gap", S_LEN, S_F(m.cover_subtitle_gap), 0, 144},
	{"cover", "subtitle_tint", S_NUM, S_F(m.cover_subtitle_tint), 0, 1},
	{"cover", "subtitle_leading", S_NUM, S_F(m.cover_subtitle_leading), 1, 3},
	{"cover", "fields_gap", S_LEN, S_F(m.cover_fields_gap), 0, 720},
	{"cover", "field_indent", S_LEN, S_F(m.cover_field_indent), 0, 360},
	{"cover", "field_gap", S_LEN, S_F(m.cover_field_gap), 0, 72},
	{"cover", "field_size", S_LEN, S_F(m.cover_field_size), 0, 12},
	{"cover", "rule", S_LEN, S_F(m.cover_rule), 0, 36},
	{"running", "leading", S_NUM, S_F(m.running_leading), 1, 3},
	{"running", "title_width", S_NUM, S_F(m.running_title_width), 0, 1},
	{"running", "part_at", S_NUM, S_F(m.running_part_at), 0, 1},
	{"running", "rule", S_LEN, S_F(m.running_rule), 0, 12},
	{"running", "rule_gap", S_LEN, S_F(m.running_rule_gap), 0, 72},
	{"running", "footer_left", S_NUM, S_F(m.running_footer_left), 0, 1},
	{"running", "page_width", S_NUM, S_F(m.running_page_width), 0, 1},
	{"links", "target_above", S_LEN, S_F(m.links_target_above), 0, 144},
};
#define S_NKEYS (sizeof(S_keys) / sizeof(*S_keys))

kg_rgb kg_rgb_tint(kg_rgb c, float t)
{
	kg_rgb out = 0;
	int shift;

	for (shift = 16; shift >= 0; shift -= 8) {
		float v = (float)((c >> shift) & 0xff);
		float m = 255.0f - (255.0f - v) * t;

		out |= (kg_rgb)lrintf(m) << shift;
	}
	return out;
}

/* "12", "12.5", "18mm", "0.5in", "12pt" in points; -1 when malformed. */
static float S_length(const char *s)
{
	char *end;
	double v = strtod(s, &end);

	if (end == s || !isfinite(v))
		return -1;
	if (*end == '\0' || strcmp(end, "pt") == 0)
		return (float)v;
	if (strcmp(end, "mm") == 0)
		return (float)(v * 72.0 / 25.4);
	if (strcmp(end, "cm") == 0)
		return (float)(v * 72.0 / 2.54);
	if (strcmp(end, "in") == 0)
		return (float)(v * 72.0);
	return -1;
}

static int S_hex(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

static int S_colour(const char *s, kg_rgb *out)
{
	kg_rgb v = 0;
	int i;

	if (s[0] != '#' || strlen(s) != 7)
		return -1;
	for (i = 1; i < 7; i++) {
		int h = S_hex((unsigned char)s[i]);

		if (h < 0)
			return -1;
		v = v << 4 | (kg_rgb)h;
	}
	*out = v;
	return 0;
}

static int S_value(kg_pdf_style *s, const S_key *k, const kg_node *n,
		   kg_diags *d)
{
	char *field = (char *)s + k->offset;
	float v;

	if (n->kind != KG_NODE_SCALAR || !*n->text)
		return kg_error(d, n->mark, "'%s.%s' must be a %s", k->section,
				k->key, k->kind == S_COLOUR ? "colour" :
				k->kind == S_FONT ? "font family name" : "number");
	switch (k->kind) {
	case S_FONT:
		*(char **)(void *)field = kg_xstrdup(n->text);
		if (strcmp(k->key, "text") == 0)
			s->font_text_at = n->mark;
		else if (strcmp(k->key, "sans") == 0)
			s->sans_at = n->mark;
		else
			s->mono_at = n->mark;
		return 0;
	case S_COLOUR:
		if (S_colour(n->text, (kg_rgb *)(void *)field) < 0)
			return kg_error(d, n->mark, "'%s.%s' must be a colour "
					"\"#rrggbb\", not '%s'", k->section,
					k->key, n->text);
		return 0;
	case S_LEN:
	case S_NUM:
		v = k->kind == S_LEN ? S_length(n->text) : -1;
		if (k->kind == S_NUM) {
			char *end;
			double dv = strtod(n->text, &end);

			v = (end != n->text && !*end && isfinite(dv)) ? (float)dv : -1;
		}
		if (v < 0)
			return kg_error(d, n->mark, "'%s.%s' must be a %s, not '%s'",
					k->section, k->key,
					k->kind == S_LEN ? "length (12, \"12pt\", "
							   "\"18mm\", \"0.5in\")"
							 : "number",
					n->text);
		if (v < k->min || v > k->max)
			return kg_error(d, n->mark, "'%s.%s' is %g, out of range "
					"%g..%g%s", k->section, k->key, v, k->min,
					k->max, k->kind == S_LEN ? " pt" : "");
		*(float *)(void *)field = v;
		return 0;
	}
	return 0;
}

/* ---- papers ------------------------------------------------------------ */

/* A paper's side, in points: from an inch to PDF's largest page (200
 * inches), like the range of every other key. */
#define S_PAPER_MIN 72.0f
#define S_PAPER_MAX 14400.0f

static int S_paper_side(const char *name, const char *side, const kg_node *n,
			float *out, kg_diags *d)
{
	float v = n->kind == KG_NODE_SCALAR ? S_length(n->text) : -1;

	if (v < 0)
		return kg_error(d, n->mark, "'papers.%s.%s' must be a length "
				"(612, \"210mm\", \"8.5in\")%s%s%s", name, side,
				n->kind == KG_NODE_SCALAR ? ", not '" : "",
				n->kind == KG_NODE_SCALAR ? n->text : "",
				n->kind == KG_NODE_SCALAR ? "'" : "");
	if (v < S_PAPER_MIN || v > S_PAPER_MAX)
		return kg_error(d, n->mark, "'papers.%s.%s' is %g, out of range "
				"%g..%g pt", name, side, v, S_PAPER_MIN,
				S_PAPER_MAX);
	*out = v;
	return 0;
}

/* A paper's name: what --paper and kit.yaml's paper: spell. */
static int S_paper_name(const kg_node *key, const kg_pdf_style *s,
			kg_diags *d)
{
	const char *c;

	for (c = key->text; *c; c++)
		if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
		      (*c >= '0' && *c <= '9') || *c == '-' || *c == '_'))
			break;
	if (!*key->text || *c)
		return kg_error(d, key->mark, "paper name '%s' may hold only "
				"letters, digits, '-' and '_'", key->text);
	if (kg_pdf_style_paper(s, key->text))
		return kg_error(d, key->mark, "paper '%s' is listed twice "
				"(names are compared in any case)", key->text);
	return 0;
}

/* One entry of papers: name -> {width, height}. */
static int S_paper(const kg_pair *p, kg_pdf_style *s, kg_diags *d)
{
	const char *name = p->key->text;
	const kg_node *v = p->value, *w, *h;
	kg_pdf_paper paper;
	size_t i;
	int rc;

	if (S_paper_name(p->key, s, d) < 0)
		return -1;
	if (v->kind != KG_NODE_MAP)
		return kg_error(d, v->mark, "'papers.%s' must be a mapping of "
				"width and height", name);
	rc = 0;
	for (i = 0; i < v->npairs; i++) {
		const char *k = v->pairs[i].key->text;

		if (strcmp(k, "width") && strcmp(k, "height"))
			rc = kg_error(d, v->pairs[i].key->mark, "unknown key "
				      "'papers.%s.%s' (width, height)", name, k);
	}
	w = kg_node_get(v, "width");
	h = kg_node_get(v, "height");
	if (!w)
		rc = kg_error(d, v->mark, "missing 'papers.%s.width'", name);
	else if (S_paper_side(name, "width", w, &paper.width, d) < 0)
		rc = -1;
	if (!h)
		rc = kg_error(d, v->mark, "missing 'papers.%s.height'", name);
	else if (S_paper_side(name, "height", h, &paper.height, d) < 0)
		rc = -1;
	if (rc < 0)
		return -1;
	paper.name = kg_xstrdup(name);
	KG_GROW(s->papers, s->cap_papers, s->npapers + 1);
	s->papers[s->npapers++] = paper;
	return 0;
}

/* The papers section: at least one paper. */
static int S_papers(const kg_node *root, kg_pdf_style *s, kg_diags *d)
{
	const kg_node *sec = kg_node_get(root, "papers");
	size_t i;
	int rc = 0;

	if (!sec)
		return kg_error(d, root->mark, "missing section 'papers'");
	s->papers_at = sec->mark;
	if (sec->kind != KG_NODE_MAP)
		return kg_error(d, sec->mark, "'papers' must be a mapping of "
				"paper names to width and height");
	if (sec->npairs == 0)
		return kg_error(d, sec->mark, "'papers' lists no paper");
	for (i = 0; i < sec->npairs; i++)
		if (S_paper(&sec->pairs[i], s, d) < 0)
			rc = -1;
	return rc;
}

const kg_pdf_paper *kg_pdf_style_paper(const kg_pdf_style *s,
				       const char *name)
{
	size_t i;

	for (i = 0; name && i < s->npapers; i++)
		if (strcasecmp(s->papers[i].name, name) == 0)
			return &s->papers[i];
	return NULL;
}

void kg_pdf_style_paper_names(const kg_pdf_style *s, kg_buf *out)
{
	size_t i;

	for (i = 0; i < s->npapers; i++)
		kg_buf_printf(out, "%s%s", i ? ", " : "", s->papers[i].name);
}

/* ---- the file ------------------------------------------------------------ */

static int S_known(const char *section, const char *key)
{
	size_t i;

	for (i = 0; i < S_NKEYS; i++)
		if (strcmp(S_keys[i].section, section) == 0 &&
		    (!key || strcmp(S_keys[i].key, key) == 0))
			return 1;
	return 0;
}

/* The sections the table lists, in its order: "page, fonts, ...". */
static void S_sections(kg_buf *out)
{
	size_t i;

	for (i = 0; i < S_NKEYS; i++)
		if (i == 0 || strcmp(S_keys[i - 1].section, S_keys[i].section))
			kg_buf_printf(out, "%s%s", i ? ", " : "", S_keys[i].section);
	kg_buf_puts(out, ", papers");
}

/* Report every key of the file that the table does not list. */
static int S_unknown_keys(const kg_node *root, kg_diags *d)
{
	size_t i, j;
	int rc = 0;

	for (i = 0; i < root->npairs; i++) {
		const kg_pair *p = &root->pairs[i];

		if (strcmp(p->key->text, "papers") == 0)
			continue; /* S_papers reads it */
		if (!S_known(p->key->text, NULL)) {
			kg_buf names = KG_BUF_INIT;

			S_sections(&names);
			rc = kg_error(d, p->key->mark, "unknown section '%s' (%s)",
				      p->key->text, names.ptr);
			kg_buf_release(&names);
			continue;
		}
		if (p->value->kind != KG_NODE_MAP) {
			rc = kg_error(d, p->value->mark, "'%s' must be a mapping",
				      p->key->text);
			continue;
		}
		for (j = 0; j < p->value->npairs; j++) {
			const kg_node *key = p->value->pairs[j].key;

			if (!S_known(p->key->text, key->text))
				rc = kg_error(d, key->mark, "unknown key '%s.%s'",
					      p->key->text, key->text);
		}
	}
	return rc;
}

/* Is section one of only's, a NULL-terminated list? */
static int S_one_of(const char *const *only, const char *section)
{
	for (; *only; only++)
		if (strcmp(*only, section) == 0)
			return 1;
	return 0;
}

/* Every key of the table (of the sections `only` lists, when not NULL),
 * or none. Unknown keys are reported when all are loaded. */
static int S_keys_load(const kg_node *root, const char *const *only,
		       kg_pdf_style *s, kg_diags *d)
{
	size_t i;
	int rc = only ? 0 : S_unknown_keys(root, d);

	for (i = 0; i < S_NKEYS; i++) {
		const S_key *k = &S_keys[i];
		const kg_node *sec = kg_node_get(root, k->section);
		const kg_node *n = sec ? kg_node_get(sec, k->key) : NULL;

		if (only && !S_one_of(only, k->section))
			continue;
		if (sec && sec->kind != KG_NODE_MAP) {
			/* S_unknown_keys reported it, unless only some
			 * sections are read: then report it here, once */
			if (only && (i == 0 || strcmp(S_keys[i - 1].section,
						      k->section)))
				rc = kg_error(d, sec->mark,
					      "'%s' must be a mapping", k->section);
			continue;
		}
		if (!sec) {
			if (i == 0 || strcmp(S_keys[i - 1].section, k->section))
				rc = kg_error(d, root->mark, "missing section '%s'",
					      k->section);
			continue;
		}
		if (!n) {
			rc = kg_error(d, sec->mark, "missing '%s.%s'", k->section,
				      k->key);
			continue;
		}
		if (S_value(s, k, n, d) < 0)
			rc = -1;
	}
	return rc;
}

/* What S_load reads: the whole file, or one part of it (S_BRAND: what
 * the HTML takes, the colours, the fonts and the measure). */
enum { S_ALL, S_PAPERS, S_BRAND };

static const char *const S_brand_sections[] = {"fonts", "columns", "colours",
					       NULL};

/* ---- the parsed files kept for a build ------------------------------------- */

/* A build reads style.yaml for every HTML page (its colours and its
 * paper) and every PDF. Between kg_pdf_style_cache_begin and
 * kg_pdf_style_cache_end, on the thread that called them, each file's
 * tree is kept once parsed, keyed by its path (its marks point at the
 * copy kept with it). */
typedef struct S_tree {
	char *path;
	kg_node *root;
} S_tree;

static _Thread_local int S_caching;
static _Thread_local S_tree *S_trees;
static _Thread_local size_t S_ntrees, S_trees_cap;

void kg_pdf_style_cache_begin(void)
{
	kg_pdf_style_cache_end();
	S_caching = 1;
}

void kg_pdf_style_cache_end(void)
{
	while (S_ntrees--) {
		kg_node_free(S_trees[S_ntrees].root);
		free(S_trees[S_ntrees].path);
	}
	free(S_trees);
	S_trees = NULL;
	S_ntrees = S_trees_cap = 0;
	S_caching = 0;
}

/* The file's tree: kept (*kept set), or read now and the caller's. */
static kg_node *S_tree_of(const char *path, int *kept, kg_diags *d)
{
	size_t i;
	char *copy;
	kg_node *root;

	*kept = 0;
	if (!S_caching)
		return kg_node_load_file(path, d);
	for (i = 0; i < S_ntrees; i++)
		if (strcmp(S_trees[i].path, path) == 0) {
			*kept = 1;
			return S_trees[i].root;
		}
	copy = kg_xstrdup(path);
	root = kg_node_load_file(copy, d);
	if (!root) {
		free(copy);
		return NULL;
	}
	KG_GROW(S_trees, S_trees_cap, S_ntrees + 1);
	S_trees[S_ntrees].path = copy;
	S_trees[S_ntrees++].root = root;
	*kept = 1;
	return root;
}

static int S_load(const char *path, kg_pdf_style *s, int part, kg_diags *d)
{
	kg_node *root;
	int rc = 0, kept;

	memset(s, 0, sizeof(*s));
	s->path = kg_xstrdup(path);
	root = S_tree_of(s->path, &kept, d);
	if (!root)
		return -1;
	if (root->kind != KG_NODE_MAP) {
		kg_error(d, root->mark, "the style must be a mapping of sections");
		if (!kept)
			kg_node_free(root);
		return -1;
	}
	if (part != S_PAPERS &&
	    S_keys_load(root, part == S_BRAND ? S_brand_sections : NULL, s,
			d) < 0)
		rc = -1;
	if (part != S_BRAND && S_papers(root, s, d) < 0)
		rc = -1;
	/* the font family names must outlive the tree: marks point at path */
	if (!kept)
		kg_node_free(root);
	return rc;
}

int kg_pdf_style_load(const char *path, kg_pdf_style *s, kg_diags *d)
{
	return S_load(path, s, S_ALL, d);
}

int kg_pdf_style_load_papers(const char *path, kg_pdf_style *s, kg_diags *d)
{
	return S_load(path, s, S_PAPERS, d);
}

/* ---- the words: from the labels table (labels.h) ---------------------------- */

static void S_labels_free(kg_pdf_labels *l)
{
	char **f[] = {&l->edition, &l->version, &l->publisher, &l->licence,
		      &l->digest, &l->build_digest, &l->contents, &l->footer,
		      &l->page, &l->subject, &l->keywords, &l->creator,
		      &l->continued, &l->digits};
	size_t i;

	for (i = 0; i < sizeof(f) / sizeof(*f); i++) {
		free(*f[i]);
		*f[i] = NULL;
	}
}

void kg_pdf_style_use_labels(kg_pdf_style *s, const kg_labels *labels)
{
	static const struct {
		size_t offset;
		const char *key;
	} map[] = {
		{offsetof(kg_pdf_labels, edition), "cover.edition"},
		{offsetof(kg_pdf_labels, version), "cover.version"},
		{offsetof(kg_pdf_labels, publisher), "cover.publisher"},
		{offsetof(kg_pdf_labels, licence), "cover.licence"},
		{offsetof(kg_pdf_labels, digest), "cover.digest"},
		{offsetof(kg_pdf_labels, build_digest), "cover.build_digest"},
		{offsetof(kg_pdf_labels, contents), "toc.title"},
		{offsetof(kg_pdf_labels, footer), "pdf.footer"},
		{offsetof(kg_pdf_labels, page), "pdf.page"},
		{offsetof(kg_pdf_labels, subject), "pdf.subject"},
		{offsetof(kg_pdf_labels, keywords), "pdf.keywords"},
		{offsetof(kg_pdf_labels, creator), "pdf.creator"},
		{offsetof(kg_pdf_labels, continued), "pdf.continued"},
		{offsetof(kg_pdf_labels, digits), "number.digits"}};
	size_t i;

	S_labels_free(&s->labels);
	s->upright = kg_lang_upright(kg_labels_lang(labels));
	free(s->lang);
	s->lang = kg_xstrdup(kg_labels_lang(labels));
	for (i = 0; i < sizeof(map) / sizeof(*map); i++)
		*(char **)(void *)((char *)&s->labels + map[i].offset) =
			kg_xstrdup(kg_label(labels, map[i].key));
}

void kg_pdf_style_free(kg_pdf_style *s)
{
	size_t i;

	S_labels_free(&s->labels);
	free(s->lang);
	s->lang = NULL;
	for (i = 0; i < s->npapers; i++)
		free(s->papers[i].name);
	free(s->papers);
	free(s->font_text);
	free(s->sans);
	free(s->mono);
	free(s->path);
	memset(s, 0, sizeof(*s));
}

/* ---- the colours as template data ---------------------------------------- */

static void S_set_colour(kg_node *map, const char *key, kg_rgb c)
{
	char hex[8];

	snprintf(hex, sizeof(hex), "#%06lx", (unsigned long)(c & 0xffffff));
	kg_node_set_str(map, key, hex);
}

/* A font-family list for CSS: family quoted (every character but a
 * letter, a digit, a space, '-' and '_' as a CSS escape, so nothing in it
 * can end the string or the style element), then the generic family. */
static void S_set_family(kg_node *map, const char *key, const char *family,
			 const char *generic)
{
	kg_buf b = KG_BUF_INIT;
	const unsigned char *p;

	kg_buf_putc(&b, '"');
	for (p = (const unsigned char *)family; *p; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
		    (*p >= '0' && *p <= '9') || *p == ' ' || *p == '-' ||
		    *p == '_' || *p >= 0x80)
			kg_buf_putc(&b, (char)*p);
		else
			kg_buf_printf(&b, "\\%x ", *p);
	}
	kg_buf_printf(&b, "\", %s", generic);
	kg_node_set_str(map, key, b.ptr);
	kg_buf_release(&b);
}

/* The generic family for a text face: a family that calls itself sans
 * is one (DejaVu Sans, Noto Sans). */
static const char *S_generic(const char *family)
{
	return strstr(family, "Sans") || strstr(family, "sans") ? "sans-serif"
								 : "serif";
}

int kg_pdf_style_colours_data(const char *templates, kg_node *data,
			      kg_diags *d)
{
	kg_buf path = KG_BUF_INIT;
	kg_pdf_style st;
	kg_node *map;
	size_t i;
	int rc;

	kg_buf_printf(&path, "%s/pdf/style.yaml", templates);
	rc = S_load(path.ptr, &st, S_BRAND, d);
	kg_buf_release(&path);
	if (rc == 0) {
		char measure[32];

		map = kg_node_new_map();
		S_set_family(map, "text", st.font_text, S_generic(st.font_text));
		S_set_family(map, "sans", st.sans, "sans-serif");
		S_set_family(map, "mono", st.mono, "monospace");
		snprintf(measure, sizeof(measure), "%gch", (double)st.column_html);
		kg_node_set_str(map, "measure", measure);
		kg_node_set(data, "fonts", map);
		map = kg_node_new_map();
		for (i = 0; i < S_NKEYS; i++) {
			const S_key *k = &S_keys[i];
			kg_buf tint = KG_BUF_INIT;
			kg_rgb c;

			if (k->kind != S_COLOUR)
				continue;
			c = *(const kg_rgb *)(const void *)((const char *)&st +
							    k->offset);
			S_set_colour(map, k->key, c);
			kg_buf_printf(&tint, "%s_tint", k->key);
			S_set_colour(map, tint.ptr, kg_rgb_tint(c, st.tint));
			kg_buf_release(&tint);
		}
		kg_node_set(data, "colours", map);
	}
	kg_pdf_style_free(&st);
	return rc;
}
