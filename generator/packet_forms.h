/*
 * packet_forms.h - the forms a panel packet hands out: the scorecard of
 * each round and the debrief sheet. packet.c composes the rest of the
 * packet (loop plan, interviewer guides) and calls these.
 */
#ifndef KG_PACKET_FORMS_H
#define KG_PACKET_FORMS_H

#include "compose.h"
#include "plan.h"

/* Round r's scorecard, a section of `round` (anchor: the round's). */
void kg_packet_scorecard(const kg_kit *kit, const kg_edition *ed,
			 const kg_round *r, kg_block *round, const char *anchor);
/* The debrief sheet of the loop, a part of root. */
void kg_packet_debrief(const kg_kit *kit, const kg_edition *ed,
		       const kg_plan *plan, kg_block *root);

#endif
