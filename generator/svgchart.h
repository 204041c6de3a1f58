/*
 * svgchart.h - a CHART block (doc.h) as inline SVG for the HTML writer: a
 * horizontal bar per row, split into its series by share, with a legend.
 * No script and nothing loaded: the page stays one file.
 */
#ifndef KG_SVGCHART_H
#define KG_SVGCHART_H

#include "buf.h"
#include "doc.h"
#include "labels.h"

/* Append chart's SVG (in a <figure> with its title as caption) to out;
 * a bar's tooltip in the words of labels (chart.alt_count). */
void kg_svg_chart(const kg_block *chart, const kg_labels *labels,
		  kg_buf *out);

#endif
