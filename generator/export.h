/*
 * export.h - `kitgen export`: the structure of a kit's panel packets as
 * data for other systems (an ATS set-up script, a spreadsheet), as JSON
 * or CSV.
 *
 * For each packet edition (profile x level, kit.yaml's order): its
 * profile and level, the decision rule's values and must-have areas, and
 * its loop plan (plan.h): each round's area, weight, must-have and
 * behavioural flags, time box and phases, and each scorecard line (kg_dim:
 * its stable id, which a card file rates, its kind, label, question
 * number in the public kit, topic, minutes, and the rubric bands it is
 * rated on: for a question or a topic's exercise the topic's by_level
 * bands for the edition's level, else the topic's rubric; for a
 * behavioural scenario the scenario's rubric). Also the kit's id,
 * version and content digest and its rating scale.
 *
 * The JSON names its schema, KG_EXPORT_SCHEMA, which
 * docs/export.schema.json describes; the CSV is one record per scorecard
 * line with its edition's and round's fields repeated, under a header
 * record (README.md, "kitgen export"). Texts are as the content gives
 * them (CommonMark), without their final line break. The same kit always
 * gives the same bytes.
 */
#ifndef KG_EXPORT_H
#define KG_EXPORT_H

#include "buf.h"
#include "diag.h"
#include "edition.h"
#include "kit.h"

/* The name and version of the export's layout, in the JSON's "schema"
 * member and docs/export.schema.json. A change to the layout (a field
 * added, removed, renamed or meaning something else; a CSV column)
 * is a new version. */
#define KG_EXPORT_SCHEMA "kitgen-export/1"

typedef enum { KG_EXPORT_JSON, KG_EXPORT_CSV } kg_export_format;

/* Append the export of kit, which checks clean, to out: every packet
 * edition of eds, or only `only` (one of eds' packets) when it is not
 * NULL. Returns 0, or -1 with the planner's errors in d. */
int kg_export(const kg_kit *kit, const kg_editions *eds,
	      const kg_edition *only, kg_export_format format, kg_buf *out,
	      kg_diags *d);

#endif
