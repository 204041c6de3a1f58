/*
 * packet_forms.c - the forms of a panel packet: a scorecard per round and
 * the debrief sheet (packet_forms.h).
 */
#include "packet_forms.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"

#define BOX "\xE2\x98\x90" /* U+2610 BALLOT BOX */

void kg_packet_scorecard(const kg_kit *kit, const kg_edition *ed,
			 const kg_round *r, kg_block *round, const char *anchor)
{
	kg_block *sec = kg_c_section(round, 2, anchor, "scorecard", "Scorecard",
				     KG_SECTION_NEW_PAGE);
	kg_block *card, *row, *box;
	kg_buf b = KG_BUF_INIT;
	size_t i;
	int band;

	kg_add_notes(sec, "Candidate", 1);
	kg_add_notes(sec, "Interviewer", 1);
	kg_buf_puts(&b, "Rate each dimension against what the **");
	kg_c_put_line(&b, kg_text(ed->level->title));
	kg_buf_puts(&b, "** level expects. Tick one box a line, and write down "
		    "the evidence: what the candidate said or did.");
	kg_add_prose_copy(sec, b.ptr);
	card = kg_block_add(sec, kg_block_new(KG_BLOCK_SCORECARD));
	row = kg_add_row(card);
	kg_add_cell(row, "Dimension");
	for (band = 0; band < KG_NBANDS; band++)
		kg_c_line_cell(row, kg_text(kit->bands[band].label));
	kg_add_cell(row, "Evidence");
	for (i = 0; i < r->ndims; i++) {
		char *label = kg_dim_label(kit, &r->dims[i]);

		kg_add_dimension(card, label, NULL);
		free(label);
	}
	kg_buf_reset(&b);
	kg_buf_printf(&b, "Overall: %s", kg_text(r->area->title));
	kg_add_dimension(card, b.ptr, "One rating for the round, from the lines above.");

	kg_buf_reset(&b);
	kg_buf_printf(&b, "This round carries **%d%%** of the weighted total.",
		      r->weight);
	if (r->must_have)
		kg_buf_puts(&b, " It is a **must-have** area for this role: an "
				"overall Weak here decides the loop on its own.");
	kg_add_prose_copy(sec, b.ptr);
	box = kg_add_callout(sec, KG_CALLOUT_NOTE, "Score before the debrief");
	kg_add_prose(box, "Finish this card, ratings and evidence, and hand it "
			  "in before the debrief starts. If the discussion "
			  "changes your mind, add a note; do not rewrite the "
			  "rating.");
	kg_buf_release(&b);
}

void kg_packet_debrief(const kg_kit *kit, const kg_edition *ed,
		       const kg_plan *plan, kg_block *root)
{
	const kg_guidance *g = &kit->guidance;
	kg_block *part = kg_c_section(root, 1, "debrief", NULL, "Debrief sheet",
				      KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	kg_block *sec, *table, *row, *box;
	kg_buf b = KG_BUF_INIT;
	size_t i;
	int band;

	(void)ed; /* the debrief sheet names the level and role next */
	kg_buf_puts(&b, "Each round's overall rating earns points: ");
	for (band = 0; band < KG_NBANDS; band++) {
		kg_c_put_line(&b, kg_text(kit->bands[band].label));
		kg_buf_printf(&b, " = %ld%s", kg_int(kit->bands[band].points, 0),
			      band + 1 < KG_NBANDS ? ", " : "");
	}
	kg_buf_puts(&b, ". Multiply each round's points by its weight, add the "
		    "products and divide by 100: the weighted score lies "
		    "between the lowest and the highest number of points.");
	kg_add_prose_copy(part, b.ptr);
	kg_add_notes(part, "Candidate", 1);
	table = kg_block_add(part, kg_block_new(KG_BLOCK_TABLE));
	row = kg_add_row(table);
	kg_add_cell(row, "Round");
	kg_add_cell(row, "Capability area");
	kg_add_cell(row, "Weight");
	kg_add_cell(row, "Rating");
	kg_add_cell(row, "Points");
	kg_add_cell(row, "Points × weight");
	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];

		row = kg_add_row(table);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%zu", i + 1);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_c_put_line(&b, kg_text(r->area->title));
		kg_buf_puts(&b, r->must_have ? " (must-have)" : "");
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%d", r->weight);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_reset(&b);
		for (band = 0; band < KG_NBANDS; band++) {
			kg_buf_puts(&b, band ? " " BOX " " : BOX " ");
			kg_c_put_line(&b, kg_text(kit->bands[band].label));
		}
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_add_cell(row, "");
		kg_add_cell(row, "");
	}
	kg_add_notes(part, "Sum of points × weight, divided by 100", 1);

	sec = kg_c_section(part, 2, "debrief-rule", NULL, "The decision rule", 0);
	kg_add_prose(sec, kg_text(kit->decision_rule));
	kg_buf_reset(&b);
	kg_buf_printf(&b, BOX " Hire    " BOX " No hire    " BOX
		      " One more round on: ______________");
	kg_add_prose_copy(sec, b.ptr);
	kg_add_notes(sec, "Reasons, citing evidence", 6);

	sec = kg_c_section(part, 2, "debrief-calibration", NULL,
			   "Calibration reminders", 0);
	kg_add_prose(sec, kg_text(g->calibration_summary));
	box = kg_add_callout(sec, KG_CALLOUT_NOTE, "Borderline examples");
	kg_c_list(box, &g->borderline);

	sec = kg_c_section(part, 2, "debrief-evidence", NULL,
			   "Evidence, not impressions", 0);
	kg_add_prose(sec, kg_text(g->evidence_summary));
	box = kg_add_callout(sec, KG_CALLOUT_GOOD_NOTE, "Notes that cite evidence");
	kg_c_list(box, &g->good_notes);
	box = kg_add_callout(sec, KG_CALLOUT_BAD_NOTE, "Notes that do not");
	kg_c_list(box, &g->bad_notes);
	kg_buf_release(&b);
}

