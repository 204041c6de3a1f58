/*
 * pdf_deflate.h - compressing libharu stream objects ourselves.
 *
 * libharu deflates streams at zlib's default level when the document is
 * saved, which on this kind of content is several times slower than a
 * low level for a file only a tenth larger. So the PDF writer sets no
 * compression mode and deflates each stream here instead: the stream's
 * bytes are replaced by their deflated form, and the dictionary says
 * /Filter /FlateDecode through its write hook (libharu drops a /Filter
 * entry from a stream it did not compress itself).
 */
#ifndef KG_PDF_DEFLATE_H
#define KG_PDF_DEFLATE_H

#include <hpdf.h>
#include <stddef.h>

/* zlib's level for every stream of the PDF edition */
#define KG_PDF_ZLEVEL 2

/* Deflate the stream of dict (a libharu stream dictionary) in place,
 * appending extra (len bytes; may be NULL) to its content first. Returns
 * 0, or -1 when libharu or zlib fail. */
int kg_pdf_deflate(HPDF_Dict dict, const char *extra, size_t len);

#endif
