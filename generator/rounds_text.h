/*
 * rounds_text.h - the words and names of a packet's parts (edition.h)
 * and of `kitgen loop` (loopdocs.c), in one place: what each part is
 * called, who it is for, its file name in the packet's folder, and what
 * its cover says. The labels table will take them over with the rest of
 * kitgen's English.
 */
#ifndef KG_ROUNDS_TEXT_H
#define KG_ROUNDS_TEXT_H

/* File names in panels/<profile>-<level>/ (ids: no dot, no slash). */
#define KG_PART_LOOP_PLAN_FILE "loop-plan"
#define KG_PART_ROUND_FILE "round-%zu" /* the round's number */
#define KG_PART_DEBRIEF_FILE "debrief"

/* What a part is called within its packet ("Round 2: <area title>"). */
#define KG_PART_LOOP_PLAN_TITLE "Loop plan"
#define KG_PART_ROUND_TITLE "Round %zu: %s"
#define KG_PART_DEBRIEF_TITLE "Debrief sheet"

/* Who a part is for (`kitgen list`, index.html). */
#define KG_PART_LOOP_PLAN_AUDIENCE \
	"for the hiring lead: the rounds and who runs them, no answer key"
#define KG_PART_ROUND_AUDIENCE \
	"for that round's interviewer: its questions, answer keys and scorecard only"
#define KG_PART_DEBRIEF_AUDIENCE \
	"for the hiring lead: the debrief sheet and its guidance"

/* A part's cover: "%s" the profile, then the level. */
#define KG_PART_LOOP_PLAN_SUBTITLE \
	"For the hiring lead of a %s loop at the %s level: the rounds, their " \
	"areas, time boxes and weights, and who interviews in each."
#define KG_PART_ROUND_SUBTITLE \
	"For the interviewer of one round of a %s loop at the %s level: the " \
	"round's guide and its scorecard, and no other round's material."
#define KG_PART_DEBRIEF_SUBTITLE \
	"For the hiring lead of a %s loop at the %s level: the debrief sheet " \
	"and what the panel reads before the debrief."

/* The loop plan's column of who interviews, and a cover's filled-in
 * lines (kitgen loop). */
#define KG_LOOP_INTERVIEWER_COLUMN "Interviewer"
#define KG_LOOP_CANDIDATE_LABEL "Candidate"
#define KG_LOOP_DATE_LABEL "Date"
#define KG_LOOP_INTERVIEWER_LABEL "Interviewer"
#define KG_LOOP_NOT_NAMED "\xE2\x80\x94" /* an em dash: no one named */

/* kitgen loop's usage errors (each after "kitgen loop: "; %s arguments
 * are printed escaped, printable.h). */
#define KG_LOOP_E_NO_EDITION "give the panel packet (see 'kitgen list')"
#define KG_LOOP_E_ONE_EDITION "give one panel packet, not also '%s'"
#define KG_LOOP_E_REQUIRED "%s is required"
#define KG_LOOP_E_EMPTY "option '%s' has an empty value"
#define KG_LOOP_E_CONTROL "%s '%s' holds a control character"
#define KG_LOOP_E_UTF8 "%s '%s' is not valid UTF-8"
#define KG_LOOP_E_LONG "%s '%s' is longer than %d bytes"
#define KG_LOOP_E_DATE "--date '%s' is not a date: give YYYY-MM-DD"
#define KG_LOOP_E_ASSIGN \
	"--interviewer '%s' should be ROUND=NAME (ROUND a round's number " \
	"or its area's id)"
#define KG_LOOP_E_NO_PACKET "no panel packet '%s' (%s%s%s'kitgen list')"
#define KG_LOOP_E_NOT_PACKET \
	"'%s' is not a panel packet: name one (see 'kitgen list')"
#define KG_LOOP_E_NO_ROUND \
	"--interviewer '%s': the loop of %s has no round '%s' (%s%s%s" \
	"rounds 1 to %zu, or their areas: %s)"
#define KG_LOOP_E_TWICE \
	"--interviewer '%s': round %zu already has an interviewer ('%s')"
#define KG_LOOP_E_IN_OUTPUT \
	"--out '%s' is inside the kit's output folder '%s', which a build " \
	"may publish, and a loop's documents hold names: write them " \
	"elsewhere, or give --force-output-dir"
#define KG_LOOP_E_OUT_EXISTS "--out '%s' is a file, not a folder"

#endif
