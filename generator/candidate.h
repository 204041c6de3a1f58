/*
 * candidate.h - the rules of the candidate's guide (kit.yaml
 * `candidate_guide:`, kit.h) that span fields: which phase of a round is
 * the candidate's own time for questions.
 *
 * A guide tells every candidate how long they will have for their own
 * questions. With the built-in phases (plan.h) that is the last phase;
 * with loop.phases it is the phase candidate_guide.questions_phase
 * names, and none when it names none. questions_phase is a reference,
 * not a text: a translation's overlay (translate.h) points it at its
 * phase's translated name, and a built-in phase may be named in English
 * (as `kitgen check` knows it) in a build of any language.
 */
#ifndef KG_CANDIDATE_H
#define KG_CANDIDATE_H

#include <stddef.h>

#include "diag.h"
#include "kit.h"
#include "plan.h"

/* The index of the round's phase that is the candidate's questions, or
 * -1 when the kit names none (see above). */
int kg_candidate_questions_phase(const kg_kit *kit, const kg_round *r);

/* For check, on a kit whose plans fill: an error at questions_phase when
 * it names no phase of a round, with a note listing the phases. Returns
 * the number of errors added. */
size_t kg_check_candidate_guide(const kg_kit *kit, kg_diags *d);

#endif
