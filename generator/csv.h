/*
 * csv.h - writing CSV as RFC 4180 has it: fields separated by commas,
 * records ended by CR LF, a field quoted when it holds a comma, a double
 * quote, a CR or a LF, its quotes doubled. Text goes out as it is (UTF-8,
 * no byte-order mark): a field is never changed, so a CSV reader gets
 * back exactly the text that was written.
 */
#ifndef KG_CSV_H
#define KG_CSV_H

#include "buf.h"

/* Append s as one field (NULL: an empty field), quoted when it must be. */
void kg_csv_field(kg_buf *out, const char *s);

/* Append s as one field, always quoted (for readers that take a quoted
 * field as text, never as a number). */
void kg_csv_quoted(kg_buf *out, const char *s);

/* The same as kg_csv_field, after a comma: a field that is not its record's first. */
void kg_csv_next(kg_buf *out, const char *s);

/* End the record. */
void kg_csv_end(kg_buf *out);

#endif
