/*
 * pdf_labels.h - the words the PDF edition prints that are not the kit's:
 * the cover's field names, the contents' title, the running footer, the
 * document information. They come from the labels table in the kit's
 * language (labels.h: kg_pdf_style_use_labels copies them into the
 * style), never from C.
 *
 * A label is plain text with places for values: "page {page} of
 * {pages}". The labels table checks that each uses the English label's
 * places; kg_pdf_label_check checks a text against a list of names.
 */
#ifndef KG_PDF_LABELS_H
#define KG_PDF_LABELS_H

#include "buf.h"

/* The words, each a string the style owns (kg_pdf_style_free frees them). */
typedef struct kg_pdf_labels {
	char *edition;   /* cover: the edition's title */
	char *version;   /* cover: the kit's version */
	char *publisher; /* cover */
	char *licence;   /* cover */
	char *digest;    /* cover: the content digest */
	char *build_digest; /* cover: the build digest */
	char *contents;  /* the contents' heading */
	char *footer;    /* running footer, left: {version} {edition} */
	char *page;      /* running footer, right: {page} {pages} */
	char *subject;   /* /Info Subject: {edition} {version} {digest} {build} */
	char *keywords;  /* /Info Keywords: {kit} {version} {digest} {build} */
	char *creator;   /* /Info Creator: {kitgen} (kitgen's version) */
	char *continued; /* heads a code listing's part on a later page */
	char *digits;    /* the page numbers' numbering system (labels.h) */
} kg_pdf_labels;

/* Is every place in label one of the names in allowed (separated by
 * spaces), and every "{" closed? Returns 0, or -1 with the first bad name
 * (or "{" for an unclosed one) in bad, which the caller frees. */
int kg_pdf_label_check(const char *label, const char *allowed, char **bad);

/* Append label to out with each {name} replaced by its value: vars is
 * name, value, name, value, ..., NULL. A place vars does not name is
 * left out (the loader has refused it already). */
void kg_pdf_label_fill(kg_buf *out, const char *label,
		       const char *const *vars);

#endif
