/*
 * formats.c - the output formats: name and extension (formats.h).
 */
#include "formats.h"

#include <stddef.h>

const kg_format kg_format_md = {"md", ".md"};
const kg_format kg_format_html = {"html", ".html"};
const kg_format kg_format_pdf = {"pdf", ".pdf"};

const kg_format *const kg_formats[] = {&kg_format_md, &kg_format_html,
				       &kg_format_pdf, NULL};
