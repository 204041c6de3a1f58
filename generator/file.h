/*
 * file.h - reading a whole input file: the one reader every file kitgen
 * reads goes through (content, templates and partials, the PDF style,
 * fonts, render's data and template).
 *
 * Only a regular file, or a symbolic link to one, is read. The check is
 * made on the open descriptor before the first read, and the open itself
 * does not wait, so a FIFO, a device, a socket or a folder is refused at
 * once instead of blocking kitgen or feeding it without end.
 */
#ifndef KG_FILE_H
#define KG_FILE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"

/* Append the bytes of the file at path to out (which stays
 * NUL-terminated). A file of more than max bytes is refused without
 * reading past max + 1 bytes. Returns 0, or -1 after adding one
 * diagnostic at path, with out as it was:
 *   "cannot open: REASON", "is a folder, not a file",
 *   "is a FIFO, not a regular file" (a device, a socket likewise),
 *   "cannot read: REASON"                      I/O errors (exit status 3);
 *   "file is larger than the N MiB limit"      an error in the content.
 * The caller owns out, as before. */
int kg_file_read(const char *path, size_t max, kg_buf *out, kg_diags *d);

/* Why the file at path cannot be read as kg_file_read would read it
 * ("is a FIFO, not a regular file", strerror's text), or NULL when it is
 * a regular file: for callers that only look (a font file found by
 * fontconfig, before handing its path to a library). Static text, valid
 * until the next strerror. */
const char *kg_file_unreadable(const char *path);

#endif
