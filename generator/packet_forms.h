/*
 * packet_forms.h - the forms a panel packet hands out: the scorecard of
 * each round and the debrief sheet. packet.c composes the rest of the
 * packet (loop plan, interviewer guides) and calls these.
 */
#ifndef KG_PACKET_FORMS_H
#define KG_PACKET_FORMS_H

#include "compose.h"
#include "loopfill.h"
#include "plan.h"

/* The most lines (dimensions and the overall line) one scorecard holds:
 * a round with more gets kg_packet_cards(lines) cards, so that each fits
 * one sheet with room to write. */
#define KG_CARD_LINES 6
size_t kg_packet_cards(size_t lines);

/* Round r's scorecard(s), sections of `round` (anchor: the round's):
 * each a form (KG_SECTION_FORM) with the instruction, candidate and
 * interviewer lines, a line per dimension and date and signature lines.
 * fill (may be NULL: all blank) holds the candidate, interviewer and date
 * written on their lines (loopfill.h). */
void kg_packet_scorecard(const kg_kit *kit, const kg_edition *ed,
			 const kg_round *r, kg_block *round, const char *anchor,
			 const kg_loop_fill *fill);
/* The debrief sheet of the loop, a part of root and a form (the
 * ratings, the weighted total worked out, the gates of the decision
 * rule, the decision, the questions left for one more round), then a
 * part with the guidance the panel reads before the debrief. fill (may
 * be NULL) gives the candidate and date written on their lines. */
void kg_packet_debrief(const kg_kit *kit, const kg_edition *ed,
		       const kg_plan *plan, kg_block *root,
		       const kg_loop_fill *fill);

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
/* A score in hundredths as a kit writes it: 225 is "2.25". */
void kg_packet_score(kg_buf *b, long hundredths);

/* Name the packet for a viewer: doc's doc_title becomes "<edition
 * title> — <kit title>" (the PDF's title, the HTML's <title>). */
void kg_packet_title(kg_doc *doc);

#endif
