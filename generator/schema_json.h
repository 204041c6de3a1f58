/*
 * schema_json.h - `kitgen schema`: the content model as a JSON Schema
 * (draft 2020-12), generated from the same field tables `kitgen check`
 * applies (schema.h), with each field's description from content/README.md
 * (fielddoc.h), so editors check as you type what check would report.
 *
 * What JSON Schema cannot say is left to check: its limits are in bytes
 * (the schema's maxLength counts characters, so it only refuses what
 * check refuses too), ids unique across files, references to declared
 * levels, areas and kinds, weights summing to 100, rounds that fit.
 */
#ifndef KG_SCHEMA_JSON_H
#define KG_SCHEMA_JSON_H

#include "buf.h"
#include "diag.h"

/* The --help text of `kitgen schema`. */
extern const char kg_schema_usage[];

/* Append the schema of one file, which is "kit", "topic" or "scenarios",
 * or of all three ($defs, any of them) when which is NULL, to out, as
 * indented JSON ending in a line feed. Returns 0; or -1 when which names
 * no file, or after adding an error to d for every field that
 * content/README.md does not describe. */
int kg_schema_json(const char *which, kg_buf *out, kg_diags *d);

/* Run `kitgen schema` with argv[0] "schema"; returns the exit status. */
int kg_schema_main(int argc, char **argv);

#endif
