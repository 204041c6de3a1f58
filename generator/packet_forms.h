/*
 * packet_forms.h - the forms a panel packet hands out: the scorecard of
 * each round and the debrief sheet. packet.c composes the rest of the
 * packet (loop plan, interviewer guides) and calls these.
 */
#ifndef KG_PACKET_FORMS_H
#define KG_PACKET_FORMS_H

#include "compose.h"
#include "plan.h"

/* The most lines (dimensions and the overall line) one scorecard holds:
 * a round with more gets kg_packet_cards(lines) cards, so that each fits
 * one sheet with room to write. */
#define KG_CARD_LINES 6
size_t kg_packet_cards(size_t lines);

/* What a round's cards are prefilled with (`kitgen loop`); a NULL
 * member, or a NULL kg_card_prefill, leaves that line blank. */
typedef struct kg_card_prefill {
	const char *candidate, *interviewer, *date;
} kg_card_prefill;

/* Round r's scorecard(s), sections of `round` (anchor: the round's;
 * number: the round's in the loop, from 1): each a form
 * (KG_SECTION_FORM) with the instruction, candidate and interviewer
 * lines, a line per dimension and date and signature lines. The lines
 * are named as the fields of a fillable form (doc.h, "Forms";
 * kg_packet_field_prefix), prefilled from fill (may be NULL). */
void kg_packet_scorecard(const kg_kit *kit, const kg_edition *ed,
			 const kg_round *r, size_t number, kg_block *round,
			 const char *anchor, const kg_card_prefill *fill);
/* The first part of the names of round `number`'s fields in edition ed:
 * "EDITION:rNUMBER", EDITION the id's last part (a card file's
 * `edition`), in b. README.md, "Filling in the PDF", lists the names. */
void kg_packet_field_prefix(kg_buf *b, const kg_edition *ed, size_t number);
/* The debrief sheet of the loop, a part of root and a form (the
 * ratings, the weighted total worked out, the gates of the decision
 * rule, the decision, the questions left for one more round), then a
 * part with the guidance the panel reads before the debrief. fill (may
 * be NULL) gives the candidate and date its lines show (kitgen loop). */
void kg_packet_debrief(const kg_kit *kit, const kg_edition *ed,
		       const kg_plan *plan, kg_block *root,
		       const kg_card_prefill *fill);

/* Pieces of the debrief sheet, for it and its tests. The gates of the
 * decision rule as a list of boxes to tick, with the kit's numbers (the
 * must-have areas named); without `decision:` the rule's prose. */
void kg_packet_gates(const kg_kit *kit, const kg_plan *plan, kg_block *parent);
/* A paragraph: per round's area the questions at the level the loop
 * does not use whose own area it is, "Q3, Q17" (their number in the
 * public kit), the first kg_packet_unused_shown of them and "and N more",
 * or "none". */
void kg_packet_unused(const kg_kit *kit, const kg_edition *ed,
		      const kg_plan *plan, kg_block *parent);
/* How many unused questions the debrief shows per area of a loop of
 * `rounds` rounds: a share of KG_UNUSED_SHOWN, at least 2, so that the
 * list stays a few lines of the sheet. */
#define KG_UNUSED_SHOWN 24
size_t kg_packet_unused_shown(size_t rounds);

/* Name the packet for a viewer: doc's doc_title becomes "<edition
 * title> — <kit title>" (the PDF's title, the HTML's <title>). */
void kg_packet_title(kg_doc *doc);

#endif
