/*
 * pdf_file.h - the PDF file format: numbered objects written one after
 * the other as they are ready, streams deflated, strings encoded, and the
 * cross-reference table and trailer at the end.
 *
 * Why our own and not libharu's: libharu holds the whole document as an
 * object graph (every page, annotation and outline item a dictionary of
 * 128-byte keys) and can only write it at the end, all at once. Here an
 * object is written the moment it is complete and forgotten; all that is
 * kept is its byte offset (4 bytes an object), for the xref table.
 *
 * Use: kg_pdf_file_init (writes the header); kg_pdf_reserve a number for
 * every object that is referred to before it is written (forward
 * references: a page's parent, a link's target page); write each object
 * once, in any order, with kg_pdf_obj_begin ... kg_pdf_obj_end or
 * kg_pdf_stream; kg_pdf_file_finish writes the xref table and the trailer
 * and fails if a reserved object was never written.
 *
 * Small objects written many at a time (the structure tree's elements)
 * may be packed instead (kg_pdf_obj_packed): gathered into object
 * streams (PDF 1.5), deflated together, a hundred-odd to a stream; a file
 * with any packed object ends with a cross-reference stream instead of
 * the table.
 *
 * Streams are deflated on a second thread, while the caller goes on
 * (the next page is laid out as the last one is deflated): the file
 * holds back the objects written after a stream until the stream is
 * deflated (two streams and a chunk of bytes at most), then writes them
 * all in order. Without a thread (none could be made, or
 * KITGEN_DEFLATE_THREAD=0, for the tests) each stream is deflated in
 * place, to the same bytes.
 *
 * The output: bytes go to a kg_sink (sink.h), drained into its file as it
 * fills (the offsets count every byte, drained or not); a sink without a
 * file holds the whole PDF in its buffer. A failed write is the sink's to
 * report (kg_sink_flush), not finish's. The file is the same bytes for
 * the same calls, whichever thread deflates and however fast: no /ID, no
 * date unless the caller writes one. Until kg_pdf_file_finish the last
 * objects written may still be held back, not yet in the sink.
 */
#ifndef KG_PDF_FILE_H
#define KG_PDF_FILE_H

#include <stddef.h>
#include <stdint.h>

#include "buf.h"
#include "sink.h"

/* libdeflate's levels (1 fastest .. 12 smallest), chosen by measuring
 * the published kit's PDF: milliseconds deflating, and kilobytes out.
 *
 *                    zlib, as was   libdeflate at 1, 2, 5 and 6
 *   content streams   2: 12.9/450    6.4/443  9.2/429  12.6/409  14.0/407
 *   object streams    6:  5.5/82     1.2/90   1.9/88    2.7/77    3.5/75
 *   font programs     2:  2.9/119    1.2/119  1.8/115   2.1/113   2.2/113
 *
 * Page content streams are most of the work: the fastest level, already
 * smaller than zlib's 2. Object streams are mostly numbers, which 5
 * (lazy matching) packs a tenth smaller than 4 and below do. A font
 * program is deflated once and sent in every document of the build that
 * draws the same glyphs: 2, past which it hardly shrinks. */
#define KG_PDF_ZLEVEL 1
#define KG_PDF_STM_ZLEVEL 5
#define KG_PDF_PROGRAM_ZLEVEL 2

/* Objects an object stream holds at most, and bytes of their bodies. */
#define KG_PDF_STM_OBJS 200
#define KG_PDF_STM_BYTES 65536

typedef struct kg_pdf_file {
	kg_sink *out;     /* where the bytes go (the caller's) */
	uint32_t *offset; /* of object n at offset[n]; 0: not written yet;
			   * a packed one: KG_PDF_PACKED, its stream's number
			   * and its index in it (pdf_file.c). 32 bits: the
			   * largest kit has half a million objects, and a
			   * file past 2 GiB (16 times the output cap) fails */
	uint32_t nobjs;   /* the highest object number given out */
	size_t cap;
	uint32_t open;    /* the object being written, or 0 */
	int failed;       /* a caller's mistake (a number written twice, an
			   * object left open) or deflating failed; the sink
			   * keeps write errors */
	kg_buf z;         /* deflated stream data, reused (no worker) */
	struct kg_pdf_queue *queue; /* the worker and the streams handed to
			   * it, in order (pdf_file.c); NULL: no worker */
	kg_buf stm;       /* the object stream being filled: its objects */
	kg_buf stm_head;  /* its "number offset" pairs */
	uint32_t *stm_nums; /* its objects' numbers */
	size_t stm_n;
	int packed;       /* some object is packed: end with an xref stream */
} kg_pdf_file;

/* Start a PDF file in out: the header; and the thread that deflates its
 * streams. */
void kg_pdf_file_init(kg_pdf_file *f, kg_sink *out);
/* Free what f holds (not out), stopping its thread; streams not yet
 * written are dropped (a file given up). */
void kg_pdf_file_free(kg_pdf_file *f);

/* The number of bytes written so far: the offset of the next byte. It
 * waits for the streams being deflated and writes them. */
size_t kg_pdf_tell(kg_pdf_file *f);

/* A new object number (from 1), to write later; n consecutive ones, the
 * first returned. */
uint32_t kg_pdf_reserve(kg_pdf_file *f);
uint32_t kg_pdf_reserve_n(kg_pdf_file *f, uint32_t n);
/* The objects reserved so far: the next is this plus one. */
uint32_t kg_pdf_objects(const kg_pdf_file *f);
/* Give back every object reserved after the first n, none of them
 * written yet (work given up): the next reserved is n + 1 again. */
void kg_pdf_unreserve(kg_pdf_file *f, uint32_t n);

/* Begin object num ("num 0 obj"), recording where it starts; write its
 * body with kg_pdf_puts and friends; end it. */
void kg_pdf_obj_begin(kg_pdf_file *f, uint32_t num);
void kg_pdf_obj_end(kg_pdf_file *f);
void kg_pdf_put(kg_pdf_file *f, const void *data, size_t len);
void kg_pdf_puts(kg_pdf_file *f, const char *s);
void kg_pdf_printf(kg_pdf_file *f, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
/* Append a whole kg_buf (a dictionary built elsewhere). */
void kg_pdf_put_buf(kg_pdf_file *f, const kg_buf *b);

/* Write object num, whose body (a dictionary, an array, a number; not a
 * stream) is the len bytes at body, into an object stream. Its stream
 * is written when full, or by kg_pdf_file_finish. */
void kg_pdf_obj_packed(kg_pdf_file *f, uint32_t num, const char *body,
		       size_t len);

/* Write object num as a stream of data, deflated: its dictionary holds
 * /Length and /Filter and then extra (more entries, e.g. "/Length1 123";
 * may be NULL). data and extra are copied: the caller may reuse them at
 * once. */
void kg_pdf_stream(kg_pdf_file *f, uint32_t num, const char *extra,
		   const void *data, size_t len);
/* The same for data deflated beforehand by kg_pdf_deflate: a stream
 * written again in several files is deflated once (fonts.c's font
 * programs). */
void kg_pdf_stream_deflated(kg_pdf_file *f, uint32_t num, const char *extra,
			    const void *z, size_t zlen);
/* Deflate len bytes at data into out (replaced), at the font programs'
 * level: 0, or -1 when deflating fails (exit 3 when it runs out of
 * memory). */
int kg_pdf_deflate(const void *data, size_t len, kg_buf *out);
/* The same, not deflated: for a stream other programs read as it is
 * (XMP metadata). */
void kg_pdf_stream_plain(kg_pdf_file *f, uint32_t num, const char *extra,
			 const void *data, size_t len);

/* Write the xref table and the trailer naming root and info (0: none);
 * with packed objects, the last object stream and a cross-reference
 * stream naming them.
 * Returns 0, or -1 when a reserved object was never written, one was
 * still open, one begins past 2 GiB or there are 2^23 objects or more
 * (the offsets' 32 bits), or writing failed. */
int kg_pdf_file_finish(kg_pdf_file *f, uint32_t root, uint32_t info);

/* ---- values, appended to a kg_buf ---------------------------------------- */

/* A number with at most `decimals` decimals (0..5), trailing zeros
 * dropped, then a space: "12 ", "12.5 ", "-0.25 ". No locale. */
void kg_pdf_num(kg_buf *b, double v, int decimals);
/* The same for n / 10^decimals, n already rounded by the caller (the
 * content streams round floats their own way, and track where that
 * puts the pen). */
void kg_pdf_fixed(kg_buf *b, long long n, int decimals);
/* A byte string as a literal "(...)", with ( ) \ and control bytes
 * escaped. */
void kg_pdf_literal(kg_buf *b, const char *s, size_t len);
/* A text string (PDF 1.7, 7.9.2.2) from UTF-8: a literal when it is
 * printable ASCII, else UTF-16BE with a byte-order mark, in hex. */
void kg_pdf_text(kg_buf *b, const char *s, size_t len);
/* A name, "/Name", with bytes outside ! to ~ and delimiters as #xx. */
void kg_pdf_name(kg_buf *b, const char *s);

#endif
