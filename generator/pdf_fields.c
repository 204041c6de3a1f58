/*
 * pdf_fields.c - a form's blocks as fields of the PDF's form (pdf_form.h):
 * what compose named in the document (doc.h, "Forms") becomes a field
 * with a widget where the layout puts the box, line or cell.
 *
 * A scorecard (its id the card's name) gives per dimension line a group
 * of radio buttons, one per choice ("CARD:DIM:rating", each button's
 * value the choice's id), a check box per mark ("CARD:DIM:MARK") and a
 * text field of several lines for the evidence ("CARD:DIM:EVIDENCE");
 * a line that is only rated (the overall line) gives its choices alone,
 * named "CARD:DIM". A note with an id is a text field of that name.
 * Each widget is the content of a Form structure element in the element
 * of what it sits on.
 */
#include "pdf_writer.h"

#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "labels.h"

/* A widget of the field `name` (made on first use) in a new Form
 * element under parent (0: the open element). */
static int S_widget(kg_pw *c, kg_form_kind kind, const char *name,
		    const char *tip, const char *value, const char *state,
		    int parent)
{
	int field = kg_form_field(c->form, kind, name, tip, value);

	return kg_form_widget(c->form, field, state,
			      kg_pw_tag_add(c, parent, KG_ST_FORM));
}

int kg_pw_note_field(kg_pw *c, const kg_block *notes)
{
	if (!c->form || !notes->id)
		return 0;
	return S_widget(c, KG_FORM_TEXT, notes->id, notes->title,
			notes->text_copy, NULL, 0);
}

int kg_pw_card_field(kg_pw *c, const kg_block *card, size_t r, size_t k,
		     int tag)
{
	const kg_block *head, *dim, *col;
	size_t nchoice;
	kg_buf name = KG_BUF_INIT, tip = KG_BUF_INIT;
	kg_form_kind kind;
	int only, w;

	if (!c->form || !card->id || !card->n || r == 0 || r >= card->n)
		return 0;
	head = card->children[0];
	dim = card->children[r];
	if (k == 0 || k >= head->n || !dim->id || !head->children[k]->id)
		return 0;
	col = head->children[k];
	nchoice = card->level > 0 ? (size_t)card->level : head->n - 1;
	only = (dim->flags & KG_DIMENSION_RATING_ONLY) != 0;
	if (only && k > nchoice)
		return 0;
	kg_buf_printf(&name, "%s:%s", card->id, dim->id);
	kg_buf_puts(&tip, dim->title ? dim->title : dim->id);
	if (k <= nchoice) {
		kind = KG_FORM_RADIO;
		if (!only)
			kg_buf_puts(&name, ":rating");
	} else {
		kind = k + 1 == head->n ? KG_FORM_MULTILINE : KG_FORM_CHECK;
		kg_buf_printf(&name, ":%s", col->id);
		if (col->title) { /* "Q3: Caching: Strong", in the language */
			char *t = kg_buf_detach(&tip, NULL);

			kg_label_field(&tip, c->doc->labels, t, col->title);
			free(t);
		}
	}
	w = S_widget(c, kind, name.ptr, tip.ptr, NULL,
		     kind == KG_FORM_RADIO ? col->id : NULL, tag);
	kg_buf_release(&name);
	kg_buf_release(&tip);
	return w;
}
