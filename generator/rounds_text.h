/*
 * rounds_text.h - the words and names of a packet's parts (edition.h)
 * and of `kitgen loop` (loopdocs.c), in one place: each part's file name
 * in the packet's folder, and the command's usage errors.
 */
#ifndef KG_ROUNDS_TEXT_H
#define KG_ROUNDS_TEXT_H

/* File names in panels/<profile>-<level>/ (ids: no dot, no slash). */
#define KG_PART_LOOP_PLAN_FILE "loop-plan"
#define KG_PART_ROUND_FILE "round-%zu" /* the round's number */
#define KG_PART_DEBRIEF_FILE "debrief"

/* What a part is called, who it is for and what its cover says are
 * labels (templates/labels/en.yaml: part.*). */

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
