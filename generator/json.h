/*
 * json.h - writing JSON text: strings escaped, and compact JSON laid out
 * with an indent of two spaces per level, as `kitgen schema` and `kitgen
 * export` print it.
 *
 * The input is UTF-8 that kitgen has already vetted (no NUL); it is
 * copied as it is but for '"', '\\' and the control characters, which
 * are escaped, so the output is valid JSON for any such text.
 */
#ifndef KG_JSON_H
#define KG_JSON_H

#include "buf.h"

/* Append s as a JSON string, quotes and all, to out. */
void kg_json_str(kg_buf *out, const char *s);

/* Append, before a member or an element of a container: a comma unless
 * out ends at the container's opening '{' or '['. For writers that build
 * compact JSON in order. */
void kg_json_sep(kg_buf *out);

/* Append a member of an object being built in order: the separator,
 * "name": and then, but for kg_json_key, its value. */
void kg_json_key(kg_buf *out, const char *name);
void kg_json_member_str(kg_buf *out, const char *name, const char *value);
void kg_json_member_long(kg_buf *out, const char *name, long value);
void kg_json_member_bool(kg_buf *out, const char *name, int value);

/* Append the compact JSON text json to out laid out: a line per member
 * and element, two spaces per level, "key": value, an empty container
 * as {} or [], and a line feed at the end. */
void kg_json_indent(const char *json, kg_buf *out);

#endif
