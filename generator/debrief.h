/*
 * debrief.h - the debrief of one candidate as a document: the decision,
 * each round's rating and weighted points, each gate of the decision
 * rule, where interviewers disagree, what was not probed, and the
 * evidence of every card. The same writers as every kit print it.
 */
#ifndef KG_DEBRIEF_H
#define KG_DEBRIEF_H

#include "doc.h"
#include "panel.h"

/* Compose p's debrief (the caller frees it with kg_doc_free). With
 * anonymise, candidate and interviewers appear as kg_pseudonym's. */
kg_doc *kg_compose_debrief(const kg_card_kit *ck, const kg_panel *p,
			   int anonymise);
/* The name a report shows for a person (a pseudonym when anonymise). The
 * caller frees it. */
char *kg_shown_name(const char *role, const char *name, int anonymise);

#endif
