/*
 * svgchart.c - a CHART block as inline SVG (svgchart.h). Sizes are in SVG
 * user units; the figure scales to the page's width.
 */
#include "svgchart.h"

#include <stdio.h>
#include <string.h>

#define LABEL_W 220 /* the labels' column */
#define BAR_W 400
#define ROW_H 18
#define GAP 4

/* Fills for up to six series: strong, acceptable, weak, not probed, ... */
static const char *const S_fill[] = {"#2e7d32", "#f9a825", "#c62828",
				     "#9e9e9e", "#1565c0", "#6a1b9a"};

static void S_escape(const char *s, kg_buf *out)
{
	for (; s && *s; s++) {
		switch (*s) {
		case '<': kg_buf_puts(out, "&lt;"); break;
		case '>': kg_buf_puts(out, "&gt;"); break;
		case '&': kg_buf_puts(out, "&amp;"); break;
		case '"': kg_buf_puts(out, "&quot;"); break;
		default: kg_buf_putc(out, *s);
		}
	}
}

static void S_legend(const kg_block *head, kg_buf *out)
{
	size_t i;

	for (i = 0; i < head->n && i < 6; i++) {
		kg_buf_printf(out, "<rect x=\"%zu\" y=\"0\" width=\"10\" height=\"10\" "
			      "fill=\"%s\"/><text x=\"%zu\" y=\"9\" font-size=\"10\">",
			      LABEL_W + i * 100, S_fill[i], LABEL_W + i * 100 + 14);
		S_escape(head->children[i]->title, out);
		kg_buf_puts(out, "</text>\n");
	}
}

static void S_bar(const kg_block *row, size_t y, const kg_block *head,
		  const kg_labels *labels, kg_buf *out)
{
	long total = 0;
	double x = LABEL_W;
	size_t i;
	kg_buf count = KG_BUF_INIT, title = KG_BUF_INIT;
	char n[24];

	for (i = 0; i < row->n; i++)
		total += row->children[i]->level > 0 ? row->children[i]->level : 0;
	kg_buf_printf(out, "<text x=\"%d\" y=\"%zu\" font-size=\"11\" "
		      "text-anchor=\"end\">", LABEL_W - 6, y + ROW_H - 5);
	S_escape(row->title, out);
	kg_buf_puts(out, "</text>\n");
	for (i = 0; i < row->n && i < 6 && total > 0; i++) {
		double w = (double)BAR_W * row->children[i]->level / (double)total;

		if (w <= 0)
			continue;
		kg_buf_printf(out, "<rect x=\"%.1f\" y=\"%zu\" width=\"%.1f\" "
			      "height=\"%d\" fill=\"%s\"><title>", x, y, w, ROW_H,
			      S_fill[i]);
		kg_buf_reset(&count);
		kg_buf_reset(&title);
		snprintf(n, sizeof(n), "%d", row->children[i]->level);
		kg_label_put(&count, labels, "chart.alt_count", "series",
			     i < head->n && head->children[i]->title
			     ? head->children[i]->title : "", "n", n, NULL);
		kg_label_field(&title, labels, row->title ? row->title : "",
			       count.ptr);
		S_escape(title.ptr, out);
		kg_buf_puts(out, "</title></rect>\n");
		x += w;
	}
	kg_buf_release(&count);
	kg_buf_release(&title);
}

void kg_svg_chart(const kg_block *chart, const kg_labels *labels,
		  kg_buf *out)
{
	size_t i, height = 16 + (chart->n ? chart->n - 1 : 0) * (ROW_H + GAP);

	if (!chart->n)
		return;
	kg_buf_puts(out, "<figure class=\"chart\">\n<svg xmlns=\"http://www.w3.org/2000/svg\" "
		    "role=\"img\" aria-label=\"");
	S_escape(chart->title, out);
	kg_buf_printf(out, "\" viewBox=\"0 0 %d %zu\" width=\"100%%\" "
		      "style=\"max-width:%dpx\" fill=\"currentColor\">\n",
		      LABEL_W + BAR_W + 10, height, LABEL_W + BAR_W + 10);
	S_legend(chart->children[0], out);
	for (i = 1; i < chart->n; i++)
		S_bar(chart->children[i], 16 + (i - 1) * (ROW_H + GAP),
		      chart->children[0], labels, out);
	kg_buf_puts(out, "</svg>\n<figcaption>");
	S_escape(chart->title, out);
	kg_buf_puts(out, "</figcaption>\n</figure>\n");
}
