/*
 * pdf_form.h - an interactive form (AcroForm) in the PDF: fields a reader
 * fills in any PDF viewer, each with one or more widgets (the boxes and
 * areas on the pages that show it).
 *
 * Three kinds of field: a text field (one line, or several), a check box
 * and a group of radio buttons (one widget per choice, its export value
 * the choice's name). Every widget carries its own appearance streams
 * (/AP: a button's on and /Off states, a text field's text), so that a
 * viewer shows and prints the form as written without regenerating
 * anything (no /NeedAppearances); the page's content already draws the
 * boxes and rules, so an empty widget draws nothing and a blank form
 * prints as it did before it was a form. Text is set in the standard
 * Helvetica (/Helv in the form's /DR), which every viewer has and fills
 * in with.
 *
 * Names: a field's name is its whole name (/T), written as given; a '.'
 * would make it a child of another field, so callers give none.
 *
 * Use: in the pass that writes the file, the layout walk registers each
 * field (kg_form_field) and each of its widgets (kg_form_widget), whose
 * number goes into the layout (kg_tstyle.field, a KG_OP_FIELD); the
 * renderer writes a widget where the layout placed it (kg_form_put); at
 * the end kg_form_write writes the fields and the /AcroForm dictionary
 * for the catalog. In a tagged PDF every widget is the content of a Form
 * structure element (an OBJR to it, /StructParent in it).
 *
 * Memory: a few words per field and widget, kept to the end (a field is
 * written after its last widget). kg_form_free frees it all.
 */
#ifndef KG_PDF_FORM_H
#define KG_PDF_FORM_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "pdf_file.h"
#include "pdf_tags.h"

typedef enum {
	KG_FORM_TEXT,      /* one line of text */
	KG_FORM_MULTILINE, /* several lines of text */
	KG_FORM_CHECK,     /* a check box: on state /Yes */
	KG_FORM_RADIO      /* radio buttons: one widget per choice */
} kg_form_kind;

/* A check box's on state (its export value). */
#define KG_FORM_CHECK_ON "Yes"

typedef struct kg_form kg_form;

/* A form written into pdf; its widgets tagged in tags (may be NULL). */
kg_form *kg_form_new(kg_pdf_file *pdf, kg_tags *tags);
void kg_form_free(kg_form *f);

/* What the form says of the document it belongs to, as hidden
 * read-only text fields "kitgen:kit", "kitgen:version" and
 * "kitgen:digest" (a filled form is read back against them: a viewer
 * that saves a copy may drop the document information, never the form's
 * fields). They are made with the first widget written, on its page, so
 * a document without a form has none. The strings are copied. */
void kg_form_document(kg_form *f, const char *kit, const char *version,
		      const char *digest);

/* The field called name, made the first time (kind, tip and value then
 * count): tip is what a screen reader says of it (/TU), value a text
 * field's text (NULL: empty; a prefilled card). Returns its number. */
int kg_form_field(kg_form *f, kg_form_kind kind, const char *name,
		  const char *tip, const char *value);
/* A widget of field: state is a radio button's export value (a name);
 * tag the Form structure element it is the content of (0: none). Returns
 * its number, from 1, for the layout (kg_tstyle.field). */
int kg_form_widget(kg_form *f, int field, const char *state, int tag);

/* Write widget w of page (from 0 in the document, object page_obj) over
 * rect (x0 y0 x1 y1 in the page's coordinates) and append "N 0 R " to
 * annots. */
void kg_form_put(kg_form *f, int w, size_t page, uint32_t page_obj,
		 const float rect[4], kg_buf *annots);

/* Write the fields, the buttons' appearances and the /AcroForm
 * dictionary; returns its object number, or 0 when the form has no
 * field (the catalog then names none). */
uint32_t kg_form_write(kg_form *f);

#endif
