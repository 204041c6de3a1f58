/*
 * packet_forms.c - the forms of a panel packet: a scorecard per round and
 * the debrief sheet (packet_forms.h), and the guidance that goes with
 * them.
 *
 * A form is a section flagged KG_SECTION_FORM: every format prints it on
 * one sheet. So a form holds only what an interviewer fills in and the
 * one instruction needed to fill it in; longer guidance goes on pages of
 * its own after the debrief sheet. A scorecard holds at most
 * KG_CARD_LINES lines: a round with more gets more cards, the overall
 * line on the last. Boxes to tick are U+2610 in the text (doc.h): every
 * writer draws them.
 */
#include "packet_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "labels.h"

#define BOX "\xE2\x98\x90" /* U+2610 BALLOT BOX: a box to tick (doc.h) */
#define EM "\xE2\x80\x83" /* an em space: between the choices of a line */

/* kitgen's own words (labels.h), in the kit's language. */
#define S_L(key) kg_label(kit->labels, key)

/* ---- the scorecard ---------------------------------------------------------------- */

size_t kg_packet_cards(size_t lines)
{
	return lines ? (lines + KG_CARD_LINES - 1) / KG_CARD_LINES : 1;
}

/* The values and names of a card's fields (doc.h, "Forms"); a rating's
 * value is its id in a card file (cardfile.h: kg_band_keys and
 * KG_NOT_PROBED_ID). */
#define KG_FIELD_NOT_PROBED "not-probed"
#define KG_FIELD_PROMPTED "prompted"
#define KG_FIELD_EVIDENCE "evidence"
#define KG_FIELD_OVERALL "overall"

/* A header cell named as a field's part, titled as a reader hears it. */
static void S_head_cell(kg_block *cell, const char *id, const char *title)
{
	cell->id = kg_xstrdup(id);
	if (title)
		cell->title = kg_xstrdup(title);
}

/* The column labels: the dimension, a choice per band and "not probed",
 * the "prompted" mark, the evidence. */
static void S_card_head(const kg_kit *kit, kg_block *card)
{
	kg_block *row = kg_add_row(card);
	int band;

	kg_add_cell(row, S_L("form.dimension"));
	for (band = 0; band < KG_NBANDS; band++)
		S_head_cell(kg_c_line_cell(row, kg_text(kit->bands[band].label)),
			    kg_band_keys[band], NULL);
	S_head_cell(kg_add_cell(row, S_L("form.not_probed")), KG_FIELD_NOT_PROBED,
		    NULL);
	S_head_cell(kg_add_cell(row, S_L("form.prompted")), KG_FIELD_PROMPTED,
		    S_L("form.prompted"));
	S_head_cell(kg_add_cell(row, S_L("form.evidence")), KG_FIELD_EVIDENCE,
		    S_L("form.evidence"));
	card->level = KG_NBANDS + 1; /* the choices; then the mark */
}

void kg_packet_field_prefix(kg_buf *b, const kg_edition *ed, size_t number)
{
	/* a part's fields are its packet's: a card names the packet */
	const char *id = ed->packet ? ed->packet->id : ed->id;
	const char *slash = strrchr(id, '/');

	kg_buf_printf(b, "%s:r%zu", slash ? slash + 1 : id, number);
}

/* A line to write on that is field `part` of the card named prefix. */
static void S_note_field(kg_block *sec, const char *label, const char *prefix,
			 const char *part, const char *value)
{
	kg_buf name = KG_BUF_INIT;

	kg_buf_printf(&name, "%s:%s", prefix, part);
	kg_add_note_field(sec, label, name.ptr, value);
	kg_buf_release(&name);
}

/* The one instruction a card needs. */
static void S_card_instruction(const kg_kit *kit, const kg_edition *ed,
			       const kg_round *r, kg_block *sec)
{
	kg_buf b = KG_BUF_INIT, bands = KG_BUF_INIT, level = KG_BUF_INIT;
	char weight[24];
	int band;

	for (band = 0; band < KG_NBANDS; band++) {
		kg_c_put_line(&bands, kg_text(kit->bands[band].label));
		if (band + 1 < KG_NBANDS)
			kg_buf_puts(&bands, S_L("common.list_sep"));
	}
	kg_c_put_line(&level, kg_text(ed->level->title));
	kg_label_put(&b, kit->labels, "form.tick_one", "bands", bands.ptr,
		     "not_probed", S_L("form.not_probed"), "level", level.ptr,
		     "prompted", S_L("form.prompted"), NULL);
	snprintf(weight, sizeof(weight), "%d", r->weight);
	kg_label_sentence_sep(&b, kit->labels);
	kg_label_put(&b, kit->labels, r->must_have ? "form.round_weight_must"
		     : "form.round_weight", "weight", weight, NULL);
	kg_label_sentence_sep(&b, kit->labels);
	kg_buf_puts(&b, S_L("form.hand_in"));
	kg_buf_release(&bands);
	kg_buf_release(&level);
	kg_add_prose_copy(sec, b.ptr);
	kg_buf_release(&b);
}

/* Card `card` of `ncards` of round r: lines [first, last) of the round's
 * dimensions and its overall line (number r->ndims); its fields' names
 * begin with prefix. */
static void S_card(const kg_kit *kit, const kg_edition *ed, const kg_round *r,
		   kg_block *round, const char *anchor, const char *prefix,
		   const kg_card_prefill *fill, size_t card, size_t ncards,
		   size_t first, size_t last)
{
	char suffix[48], n[24], of[24], *title;
	kg_block *sec, *form;
	kg_buf b = KG_BUF_INIT;
	size_t i;

	snprintf(suffix, sizeof(suffix), card ? "scorecard-%zu" : "scorecard",
		 card + 1);
	snprintf(n, sizeof(n), "%zu", card + 1);
	snprintf(of, sizeof(of), "%zu", ncards);
	title = ncards > 1 ? kg_label_dup(kit->labels, "form.scorecard_card",
					  "card", n, "cards", of, NULL)
			   : kg_label_dup(kit->labels, "form.scorecard", NULL);
	sec = kg_c_section(round, 2, anchor, suffix, title,
			   KG_SECTION_NEW_PAGE | KG_SECTION_FORM);
	free(title);
	S_card_instruction(kit, ed, r, sec);
	S_note_field(sec, S_L("form.candidate"), prefix, "candidate",
		     fill ? fill->candidate : NULL);
	S_note_field(sec, S_L("form.interviewer"), prefix, "interviewer",
		     fill ? fill->interviewer : NULL);
	form = kg_block_add(sec, kg_block_new(KG_BLOCK_SCORECARD));
	form->id = kg_xstrdup(prefix);
	S_card_head(kit, form);
	for (i = first; i < last; i++) {
		kg_block *dim;

		if (i < r->ndims) {
			char *label = kg_dim_label(kit, &r->dims[i]);

			dim = kg_add_dimension(form, label, NULL);
			dim->id = kg_xstrdup(r->dims[i].id);
			free(label);
			continue;
		}
		kg_buf_reset(&b);
		kg_label_put(&b, kit->labels, "form.overall", "area",
			     kg_text(r->area->title), NULL);
		dim = kg_add_dimension(form, b.ptr, S_L("form.overall_hint"));
		dim->id = kg_xstrdup(KG_FIELD_OVERALL);
		dim->flags |= KG_DIMENSION_RATING_ONLY;
	}
	S_note_field(sec, S_L("form.date"), prefix, "date", fill ? fill->date : NULL);
	kg_add_notes(sec, S_L("form.signature"), 1);
	kg_buf_release(&b);
}

void kg_packet_scorecard(const kg_kit *kit, const kg_edition *ed,
			 const kg_round *r, size_t number, kg_block *round,
			 const char *anchor, const kg_card_prefill *fill)
{
	size_t lines = r->ndims + 1; /* and the overall line */
	size_t ncards = kg_packet_cards(lines);
	size_t per = (lines + ncards - 1) / ncards, k;
	kg_buf prefix = KG_BUF_INIT;

	kg_packet_field_prefix(&prefix, ed, number);
	for (k = 0; k < ncards; k++) {
		size_t first = k * per;
		size_t last = first + per < lines ? first + per : lines;

		S_card(kit, ed, r, round, anchor, prefix.ptr, fill, k, ncards,
		       first, last);
	}
	kg_buf_release(&prefix);
}

/* ---- the debrief sheet ------------------------------------------------------------- */

static void S_cell(kg_block *row, const char *md)
{
	kg_add_prose_copy(kg_add_cell(row, NULL), md);
}

/* An empty row but for its label, in the area's column. */
static void S_sum_row(kg_block *table, const char *label)
{
	kg_block *row = kg_add_row(table);
	int k;

	kg_add_cell(row, label);
	for (k = 1; k < 5; k++)
		kg_add_cell(row, "");
}

/* The rounds: area, a box per band, points, weight and their product,
 * with rows to add them up and divide. */
static void S_rounds_table(const kg_kit *kit, const kg_plan *plan,
			   kg_block *part)
{
	kg_block *table = kg_block_add(part, kg_block_new(KG_BLOCK_TABLE));
	kg_block *row = kg_add_row(table);
	kg_buf b = KG_BUF_INIT;
	size_t i;
	int band;

	kg_add_cell(row, S_L("form.col_round_area"));
	kg_add_cell(row, S_L("form.col_overall"));
	kg_add_cell(row, S_L("form.col_points"));
	kg_add_cell(row, S_L("common.weight"));
	kg_add_cell(row, S_L("form.col_product"));
	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];

		row = kg_add_row(table);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%zu: ", i + 1);
		kg_c_put_line(&b, kg_text(r->area->title));
		if (r->must_have)
			kg_buf_printf(&b, "%s%s", S_L("punct.before_note"),
			      S_L("common.must_have"));
		S_cell(row, b.ptr);
		kg_buf_reset(&b);
		for (band = 0; band < KG_NBANDS; band++) {
			kg_buf_puts(&b, band ? " " BOX " " : BOX " ");
			kg_c_put_line(&b, kg_text(kit->bands[band].label));
		}
		S_cell(row, b.ptr);
		kg_add_cell(row, "");
		kg_buf_reset(&b);
		kg_buf_printf(&b, "× %d", r->weight);
		S_cell(row, b.ptr);
		kg_add_cell(row, "");
	}
	S_sum_row(table, S_L("form.sum"));
	S_sum_row(table, S_L("form.weighted_total"));
	kg_buf_release(&b);
}

/* The must-have areas of the loop, "A and B", or "" for none. */
static void S_must_haves(const kg_kit *kit, const kg_plan *plan, kg_buf *b)
{
	size_t i, n = 0, k = 0;

	for (i = 0; i < plan->n; i++)
		n += plan->rounds[i].must_have ? 1 : 0;
	for (i = 0; i < plan->n; i++) {
		if (!plan->rounds[i].must_have)
			continue;
		if (k++)
			kg_buf_puts(b, k == n ? S_L("common.list_and")
					      : S_L("common.list_sep"));
		kg_c_put_line(b, kg_text(plan->rounds[i].area->title));
	}
}

/* The threshold gate: hire at or above it, the borderline band under it
 * (when there is one), no hire below. */
static void S_threshold(const kg_kit *kit, const kg_decision *dr, kg_buf *b)
{
	long hire = kg_int(dr->threshold, 0), border = kg_int(dr->borderline, 0);
	kg_buf h = KG_BUF_INIT, bo = KG_BUF_INIT;

	kg_label_hundredths(&h, kit->labels, hire);
	kg_label_hundredths(&bo, kit->labels, border < hire ? border : hire);
	kg_buf_puts(b, BOX " ");
	kg_label_put(b, kit->labels, "form.gate_hire", "threshold", h.ptr, NULL);
	kg_label_sentence_sep(b, kit->labels);
	if (border < hire) {
		kg_label_put(b, kit->labels, "form.gate_borderline", "borderline",
			     bo.ptr, "below", h.ptr, NULL);
		kg_label_sentence_sep(b, kit->labels);
	}
	kg_label_put(b, kit->labels, "form.gate_below", "borderline", bo.ptr,
		     NULL);
	kg_buf_release(&h);
	kg_buf_release(&bo);
}

/* The Weak-count gate: at most the kit's limit of Weak areas. */
static void S_weak_gate(const kg_kit *kit, const kg_decision *dr, kg_buf *b)
{
	long limit = kg_int(dr->weak_limit, 0);
	kg_buf weak = KG_BUF_INIT;

	kg_label_hundredths(&weak, kit->labels, kg_int(dr->weak_below, 0));
	kg_buf_puts(b, BOX " ");
	if (limit == 0)
		kg_label_put(b, kit->labels, "form.gate_no_weak", "weak",
			     weak.ptr, NULL);
	else
		kg_label_putn(b, kit->labels, "form.gate_weak_limit", limit,
			      "weak", weak.ptr, NULL);
	kg_buf_release(&weak);
}

void kg_packet_gates(const kg_kit *kit, const kg_plan *plan, kg_block *parent)
{
	kg_buf names = KG_BUF_INIT, b = KG_BUF_INIT;

	if (!kit->decision.node) { /* no values: the rule as the kit words it */
		kg_add_prose(parent, kg_text(kit->decision_rule));
		return;
	}
	S_must_haves(kit, plan, &names);
	if (names.len) {
		kg_buf_puts(&b, BOX " ");
		kg_label_put(&b, kit->labels, "form.gate_must_have", "areas",
			     names.ptr, NULL);
		kg_add_prose_copy(parent, b.ptr);
	}
	kg_buf_reset(&b);
	S_weak_gate(kit, &kit->decision, &b);
	kg_add_prose_copy(parent, b.ptr);
	kg_buf_reset(&b);
	S_threshold(kit, &kit->decision, &b);
	kg_add_prose_copy(parent, b.ptr);
	kg_buf_release(&names);
	kg_buf_release(&b);
}

size_t kg_packet_unused_shown(size_t rounds)
{
	size_t per = rounds ? KG_UNUSED_SHOWN / rounds : KG_UNUSED_SHOWN;

	return per > 2 ? per : 2;
}

void kg_packet_unused(const kg_kit *kit, const kg_edition *ed,
		      const kg_plan *plan, kg_block *parent)
{
	kg_buf b = KG_BUF_INIT;
	size_t i, k, n, shown = kg_packet_unused_shown(plan->n);

	kg_buf_puts(&b, S_L("form.unused"));
	kg_label_gap(&b);
	for (i = 0; i < plan->n; i++) {
		const kg_question **qs = kg_plan_unused(kit, plan, ed->level,
							plan->rounds[i].area, &n);

		kg_buf_puts(&b, i ? S_L("punct.item_sep") : "");
		kg_buf_puts(&b, "**");
		kg_c_put_line(&b, kg_text(plan->rounds[i].area->title));
		kg_buf_puts(&b, "**");
		kg_label_colon(&b, kit->labels, kg_text(plan->rounds[i].area->title));
		kg_label_gap(&b);
		for (k = 0; k < n && k < shown; k++) {
			char num[24];

			snprintf(num, sizeof(num), "%zu",
				 kg_question_number(kit, qs[k]));
			kg_buf_puts(&b, k ? S_L("common.list_sep") : "");
			kg_label_put(&b, kit->labels, "common.question_number",
				     "number", num, NULL);
		}
		if (n > shown) { /* the form stays one sheet */
			kg_buf_putc(&b, ' ');
			kg_label_putn(&b, kit->labels, "form.unused_more",
				      (long)(n - shown), NULL);
		}
		if (!n)
			kg_buf_puts(&b, S_L("form.none"));
		free(qs);
	}
	kg_buf_puts(&b, S_L("punct.full_stop"));
	kg_add_prose_copy(parent, b.ptr);
	kg_buf_release(&b);
}

/* The form: one sheet. */
/* A one-line note prefilled with value (NULL: blank) that is no form
 * field: the debrief sheet's lines for kitgen loop (loopfill.h). */
static void S_note_value(kg_block *sec, const char *label, const char *value)
{
	kg_block *b = kg_add_notes(sec, label, 1);

	if (value && *value)
		b->text_copy = kg_xstrdup(value);
}

static void S_debrief_form(const kg_kit *kit, const kg_edition *ed,
			   const kg_plan *plan, kg_block *root,
			   const kg_card_prefill *fill)
{
	kg_block *part = kg_c_section(root, 1, "debrief", NULL, S_L("form.debrief"),
				      KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE |
				      KG_SECTION_FORM);
	kg_block *sec;
	kg_buf b = KG_BUF_INIT;
	int band;

	kg_buf_puts(&b, S_L("form.points"));
	kg_label_gap(&b);
	for (band = 0; band < KG_NBANDS; band++) {
		kg_c_put_line(&b, kg_text(kit->bands[band].label));
		kg_buf_printf(&b, " = %ld%s", kg_int(kit->bands[band].points, 0),
			      band + 1 < KG_NBANDS ? S_L("common.list_sep") : "");
	}
	kg_buf_puts(&b, S_L("punct.full_stop"));
	kg_label_sentence_sep(&b, kit->labels);
	kg_buf_puts(&b, S_L("form.rule_follows"));
	kg_add_prose_copy(part, b.ptr);
	S_note_value(part, S_L("form.candidate"), fill ? fill->candidate : NULL);
	S_rounds_table(kit, plan, part);

	sec = kg_c_section(part, 2, "debrief", "gates", S_L("form.rule"), 0);
	kg_packet_gates(kit, plan, sec);
	sec = kg_c_section(part, 2, "debrief", "decision", S_L("form.decision"), 0);
	kg_buf_reset(&b);
	kg_buf_printf(&b, BOX " %s" EM EM BOX " %s" EM EM BOX " %s",
		      S_L("form.hire"), S_L("form.no_hire"), S_L("form.one_more"));
	kg_add_prose_copy(sec, b.ptr);
	kg_add_notes(sec, S_L("form.one_more_on"), 1);
	kg_packet_unused(kit, ed, plan, sec);
	/* fewer lines for reasons as the rounds take the sheet's room */
	kg_add_notes(sec, S_L("form.reasons"),
		     plan->n <= 5 ? 3 : plan->n <= 6 ? 2 : 1);
	S_note_value(sec, S_L("form.date"), fill ? fill->date : NULL);
	kg_add_notes(sec, S_L("form.lead_signature"), 1);
	kg_buf_release(&b);
}

/* After the form: what the panel reads before the debrief. */
static void S_guidance(const kg_kit *kit, kg_block *root)
{
	const kg_guidance *g = &kit->guidance;
	kg_block *part = kg_c_section(root, 1, "before-debrief", NULL,
				      S_L("form.before_debrief"),
				      KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	kg_block *sec, *box;

	sec = kg_c_section(part, 2, "before-debrief", "scoring",
			   S_L("form.how_to_score"), 0);
	kg_add_prose(sec, kg_text(g->scoring));
	sec = kg_c_section(part, 2, "before-debrief", "bias", S_L("form.bias"), 0);
	kg_add_prose(sec, kg_text(g->bias));
	sec = kg_c_section(part, 2, "debrief", "rule", S_L("form.rule"), 0);
	kg_add_prose(sec, kg_text(kit->decision_rule));
	sec = kg_c_section(part, 2, "debrief", "calibration",
			   S_L("form.calibration"), 0);
	kg_add_prose(sec, kg_text(g->calibration_summary));
	box = kg_add_callout(sec, KG_CALLOUT_NOTE, S_L("common.borderline_examples"));
	kg_c_list(box, &g->borderline);
	sec = kg_c_section(part, 2, "debrief", "evidence",
			   S_L("form.evidence_section"), 0);
	kg_add_prose(sec, kg_text(g->evidence_summary));
	box = kg_add_callout(sec, KG_CALLOUT_GOOD_NOTE, S_L("common.good_notes"));
	kg_c_list(box, &g->good_notes);
	box = kg_add_callout(sec, KG_CALLOUT_BAD_NOTE, S_L("common.bad_notes"));
	kg_c_list(box, &g->bad_notes);
}

void kg_packet_debrief(const kg_kit *kit, const kg_edition *ed,
		       const kg_plan *plan, kg_block *root,
		       const kg_card_prefill *fill)
{
	S_debrief_form(kit, ed, plan, root, fill);
	S_guidance(kit, root);
}

/* ---- the packet's name -------------------------------------------------------------- */

void kg_packet_title(kg_doc *doc)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "%s \xE2\x80\x94 %s", doc->meta.edition_title,
		      doc->meta.title);
	free(doc->meta.doc_title);
	doc->meta.doc_title = kg_buf_detach(&b, NULL);
}
