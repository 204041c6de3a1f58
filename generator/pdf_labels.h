/*
 * pdf_labels.h - the words the PDF edition prints that are not the kit's:
 * the cover's field names, the contents' title, the running footer, the
 * document information. They live in templates/pdf/style.yaml's `labels`
 * section (loaded with the style, pdf_style.h), never in C, so a labels
 * table per language can replace them.
 *
 * A label is plain text with places for values: "page {page} of
 * {pages}". Each label may use only the places its key allows (the
 * style's key table says which); the style loader reports any other, with
 * its line and column, and so does an unclosed "{".
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
