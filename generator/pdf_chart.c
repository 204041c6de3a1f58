/*
 * pdf_chart.c - a CHART block (doc.h) drawn in the PDF as vector
 * graphics by the layout engine, the same chart the HTML draws as SVG
 * (svgchart.c): a legend of the series, then a bar per row, its label on
 * the left, the bar cut into one piece per series as wide as the series'
 * share of the row's count, in the series' colour (the rating scale's
 * band colours of the style, templates/pdf/style.yaml, then the others);
 * under the bars an axis from 0% to 100%.
 *
 * In the structure tree the chart is one Figure with alternative text
 * that says every figure it shows; its bars and labels are its content
 * (render_pdf.c marks them), its axis decoration. The legend and the
 * first bar stay together, as do the last bar and the axis; a chart of
 * many rows may go on to the next page between bars.
 */
#include "pdf_writer.h"

#include <stdio.h>
#include <string.h>

#include "labels.h"

#define S_ROW 13.0f   /* a bar's height */
#define S_GAP 4.0f    /* between bars */
#define S_SWATCH 7.0f /* a legend's square */

/* The colour of series i: the bands' colours, not probed muted, then
 * the others the style has. */
static kg_rgb S_colour(const kg_pdf_style *st, size_t i)
{
	const kg_rgb all[] = {st->strong, st->acceptable, st->weak, st->muted,
			      st->cues, st->note};

	return all[i % (sizeof(all) / sizeof(*all))];
}

static const char *S_title(const kg_block *b)
{
	return b->title ? b->title : "";
}

static long S_count(const kg_block *row, size_t i)
{
	return i < row->n && row->children[i]->level > 0 ? row->children[i]->level : 0;
}

/* text cut with an ellipsis to fit width in t, into c->tmp. */
static const char *S_fit(kg_pw *c, const kg_tstyle *t, const char *text,
			 float width)
{
	size_t len = strlen(text);

	kg_buf_reset(&c->tmp);
	kg_buf_puts(&c->tmp, text);
	while (len > 0 && kg_lay_text_width(&c->lay, t, c->tmp.ptr) > width) {
		do /* back to the start of a UTF-8 character */
			len--;
		while (len > 0 && ((unsigned char)text[len] & 0xC0) == 0x80);
		kg_buf_reset(&c->tmp);
		kg_buf_put(&c->tmp, text, len);
		kg_buf_puts(&c->tmp, "\xE2\x80\xA6");
	}
	return c->tmp.ptr;
}

/* The caption and the legend: a square of each series' colour and its
 * name, as many to a line as fit. */
static void S_legend(kg_pw *c, const kg_block *chart, float width)
{
	const kg_block *head = chart->children[0];
	kg_tstyle cap = kg_pw_style(KG_FACE_BOLD, c->st->small, c->st->text);
	kg_tstyle t = kg_pw_style(KG_FACE_REGULAR, c->st->small, c->st->text);
	float line = c->st->small * 1.5f, x = 0, y = line;
	float h = line * 2 + 2;
	size_t i;

	for (i = 0; i < head->n; i++) { /* the lines it takes */
		float w = S_SWATCH + 4 + kg_lay_text_width(&c->lay, &t,
			head->children[i]->title ? head->children[i]->title : "") + 12;

		if (x > 0 && x + w > width) {
			h += line;
			x = 0;
		}
		x += w;
	}
	kg_lay_figure_begin(&c->lay, h);
	kg_lay_figure_text(&c->lay, &cap, 0, c->st->small, kg_pw_smart(c,
			   chart->title ? chart->title : ""), 0);
	x = 0;
	y = line * 2 - 2;
	for (i = 0; i < head->n; i++) {
		const char *name = head->children[i]->title ? head->children[i]->title : "";
		float w = S_SWATCH + 4 + kg_lay_text_width(&c->lay, &t, name) + 12;

		if (x > 0 && x + w > width) {
			y += line;
			x = 0;
		}
		kg_lay_figure_rect(&c->lay, x, y - S_SWATCH, S_SWATCH, S_SWATCH,
				   S_colour(c->st, i));
		kg_lay_figure_text(&c->lay, &t, x + S_SWATCH + 4, y, name, 0);
		x += w;
	}
	kg_lay_figure_end(&c->lay);
}

/* One bar: its label right-aligned in the labels' column, its pieces. */
static void S_bar(kg_pw *c, const kg_block *row, float label_w, float bar_w)
{
	kg_tstyle t = kg_pw_style(KG_FACE_REGULAR, c->st->small, c->st->text);
	long total = 0;
	float x = label_w;
	size_t i;

	for (i = 0; i < row->n; i++)
		total += S_count(row, i);
	kg_lay_figure_begin(&c->lay, S_ROW);
	kg_lay_figure_text(&c->lay, &t, label_w - 6, S_ROW - 3.5f,
			   S_fit(c, &t, row->title ? row->title : "", label_w - 8), 2);
	for (i = 0; i < row->n && total > 0; i++) {
		float w = bar_w * (float)S_count(row, i) / (float)total;

		if (w <= 0)
			continue;
		kg_lay_figure_rect(&c->lay, x, 0, w, S_ROW, S_colour(c->st, i));
		x += w;
	}
	if (total == 0) /* nothing to show: an empty frame */
		kg_lay_figure_rule(&c->lay, label_w, S_ROW / 2, bar_w, 0, 0.5f,
				   c->st->rule);
	kg_lay_figure_end(&c->lay);
}

/* The axis under the bars: a rule with ticks at 0, 25, 50, 75, 100%. */
static void S_axis(kg_pw *c, float label_w, float bar_w)
{
	kg_tstyle t = kg_pw_style(KG_FACE_REGULAR, c->st->small * 0.9f,
				  c->st->muted);
	kg_buf pct = KG_BUF_INIT;
	int k;

	kg_lay_figure_begin(&c->lay, 4 + c->st->small * 1.4f);
	kg_lay_figure_rule(&c->lay, label_w, 1, bar_w, 0, 0.6f, c->st->muted);
	for (k = 0; k <= 4; k++) {
		float x = label_w + bar_w * (float)k / 4;

		kg_lay_figure_rule(&c->lay, x, 1, 0, 3, 0.6f, c->st->muted);
		kg_buf_reset(&pct);
		kg_label_percent(&pct, c->doc->labels, k * 25);
		kg_lay_figure_text(&c->lay, &t, x, 4 + c->st->small, pct.ptr,
				   k == 0 ? 0 : k == 4 ? 2 : 1);
	}
	kg_lay_figure_end(&c->lay);
	kg_buf_release(&pct);
}

/* What the chart shows, in words, in the document's language (labels
 * chart.alt and chart.alt_count, with its list separators and field
 * punctuation): "Title: a bar per row, cut by A, B and C in proportion
 * to its count. Row: A 1, B 2, C 0." */
static void S_alt(const kg_block *chart, const kg_labels *labels,
		  kg_buf *out)
{
	const kg_block *head = chart->children[0];
	kg_buf series = KG_BUF_INIT, what = KG_BUF_INIT, counts = KG_BUF_INIT;
	size_t r, i;

	for (i = 0; i < head->n; i++) {
		if (i)
			kg_buf_puts(&series, kg_label(labels, i + 1 < head->n
						      ? "common.list_sep"
						      : "common.list_and"));
		kg_buf_puts(&series, S_title(head->children[i]));
	}
	kg_label_put(&what, labels, "chart.alt", "series", series.ptr, NULL);
	if (chart->title)
		kg_label_field(out, labels, chart->title, what.ptr);
	else
		kg_buf_puts(out, what.ptr);
	for (r = 1; r < chart->n; r++) {
		const kg_block *row = chart->children[r];

		kg_buf_reset(&counts);
		for (i = 0; i < head->n; i++) {
			char n[24];

			if (i)
				kg_buf_puts(&counts, kg_label(labels, "common.list_sep"));
			snprintf(n, sizeof(n), "%ld", S_count(row, i));
			kg_label_put(&counts, labels, "chart.alt_count", "series",
				     S_title(head->children[i]), "n", n, NULL);
		}
		kg_label_sentence_sep(out, labels);
		kg_label_field(out, labels, S_title(row), counts.ptr);
		kg_buf_puts(out, kg_label(labels, "punct.full_stop"));
	}
	kg_buf_release(&series);
	kg_buf_release(&what);
	kg_buf_release(&counts);
}

void kg_pw_chart(kg_pw *c, const kg_block *chart)
{
	float width = kg_lay_line_width(&c->lay);
	float label_w = width * 0.34f, bar_w = width - label_w - 4;
	int fig;
	size_t r;

	if (chart->n < 2 || chart->children[0]->n == 0)
		return;
	fig = kg_pw_tag_open(c, KG_ST_FIGURE);
	if (c->tags) {
		kg_buf alt = KG_BUF_INIT;

		S_alt(chart, c->doc->labels, &alt);
		kg_tags_alt(c->tags, fig, alt.ptr);
		kg_buf_release(&alt);
	}
	kg_pw_space(c, c->st->paragraph);
	S_legend(c, chart, width);
	kg_lay_keep(&c->lay);
	for (r = 1; r < chart->n; r++) {
		if (r > 1)
			kg_lay_space(&c->lay, S_GAP);
		S_bar(c, chart->children[r], label_w, bar_w);
		if (r + 1 == chart->n)
			kg_lay_keep(&c->lay);
	}
	S_axis(c, label_w, bar_w);
	kg_pw_tag_close(c);
}
