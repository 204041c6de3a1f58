/*
 * loopfill.h - what `kitgen loop` fills in on a loop's documents: the
 * candidate, the date and who interviews in each round. It is data for
 * the composition only (packet.c, packet_forms.c): each value is printed
 * where the form has its line (a scorecard's Candidate, Interviewer and
 * Date, the debrief sheet's Candidate and Date) and on the cover. A
 * build fills in nothing: every pointer here may be NULL, which leaves
 * the line blank, to be written by hand.
 *
 * The strings are borrowed: the caller keeps them until the documents
 * composed with them are freed. They are single lines of printable text
 * (loopdocs.c refuses anything else).
 */
#ifndef KG_LOOPFILL_H
#define KG_LOOPFILL_H

#include <stddef.h>

/* One form's values: a scorecard's, or the debrief sheet's (whose
 * interviewer is NULL). */
typedef struct kg_loop_fill {
	const char *candidate;
	const char *interviewer;
	const char *date; /* YYYY-MM-DD */
} kg_loop_fill;

/* A whole loop: the candidate, the date, and the interviewer of each
 * round (interviewers[k] is round k+1's, NULL when none is named). */
typedef struct kg_loop_cast {
	const char *candidate;
	const char *date;
	const char *const *interviewers;
	size_t nrounds;
} kg_loop_cast;

/* Round `round`'s form values (from 1) out of a cast; all NULL for a NULL
 * cast; a round beyond nrounds has no interviewer. */
static inline kg_loop_fill kg_loop_fill_of(const kg_loop_cast *cast,
					   size_t round)
{
	kg_loop_fill f = {NULL, NULL, NULL};

	if (!cast)
		return f;
	f.candidate = cast->candidate;
	f.date = cast->date;
	if (round >= 1 && round <= cast->nrounds)
		f.interviewer = cast->interviewers[round - 1];
	return f;
}

#endif
