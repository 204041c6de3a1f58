/*
 * pdf_file.c - the PDF file format: objects, streams, strings, the xref
 * table (see pdf_file.h).
 *
 * Invariants: offset[n] is set once, when object n begins, and is never
 * 0 for a written object (the header comes first); every byte goes
 * through the sink, so kg_pdf_tell (kg_sink_tell) is the true offset
 * whether or not the sink has drained it. A packed object's offset[n]
 * has the top bit set (KG_PDF_PACKED), its object stream's number in
 * bits 16 to 47 and its index in that stream in bits 0 to 15.
 */
#include "pdf_file.h"

#include <limits.h>
#include <math.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "alloc.h"
#include "utf8.h"

#define KG_PDF_PACKED ((size_t)1 << 63)

static void S_emit(kg_pdf_file *f, const void *data, size_t len)
{
	kg_buf_put(&f->out->buf, data, len);
	kg_sink_drain(f->out);
}

void kg_pdf_file_init(kg_pdf_file *f, kg_sink *out)
{
	memset(f, 0, sizeof(*f));
	kg_buf_init(&f->z);
	kg_buf_init(&f->stm);
	kg_buf_init(&f->stm_head);
	f->out = out;
	/* the second line's bytes above 127 say the file is binary */
	S_emit(f, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15);
}

void kg_pdf_file_free(kg_pdf_file *f)
{
	free(f->offset);
	kg_buf_release(&f->z);
	kg_buf_release(&f->stm);
	kg_buf_release(&f->stm_head);
	free(f->stm_nums);
	memset(f, 0, sizeof(*f));
}

size_t kg_pdf_tell(const kg_pdf_file *f)
{
	return kg_sink_tell(f->out);
}

uint32_t kg_pdf_reserve_n(kg_pdf_file *f, uint32_t n)
{
	uint32_t first = f->nobjs + 1;

	f->nobjs += n;
	KG_GROW(f->offset, f->cap, (size_t)f->nobjs + 1);
	memset(f->offset + first, 0, n * sizeof(*f->offset));
	return first;
}

uint32_t kg_pdf_reserve(kg_pdf_file *f)
{
	return kg_pdf_reserve_n(f, 1);
}

void kg_pdf_put(kg_pdf_file *f, const void *data, size_t len)
{
	S_emit(f, data, len);
}

void kg_pdf_puts(kg_pdf_file *f, const char *s)
{
	S_emit(f, s, strlen(s));
}

void kg_pdf_put_buf(kg_pdf_file *f, const kg_buf *b)
{
	S_emit(f, b->ptr, b->len);
}

void kg_pdf_printf(kg_pdf_file *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kg_buf_vprintf(&f->out->buf, fmt, ap);
	va_end(ap);
	kg_sink_drain(f->out);
}

void kg_pdf_obj_begin(kg_pdf_file *f, uint32_t num)
{
	if (num == 0 || num > f->nobjs || f->offset[num] || f->open) {
		f->failed = 1; /* a caller's mistake: finish reports it */
		return;
	}
	f->offset[num] = kg_pdf_tell(f);
	f->open = num;
	kg_pdf_printf(f, "%lu 0 obj\n", (unsigned long)num);
}

void kg_pdf_obj_end(kg_pdf_file *f)
{
	kg_pdf_puts(f, "\nendobj\n");
	f->open = 0;
}

/* One compressor per level, made the first time the level is asked
 * for and kept until exit: a libdeflate compressor is a few hundred
 * kilobytes of tables, and a build deflates thousands of streams. */
static struct libdeflate_compressor *S_compressors[13];

static void S_compressors_free(void)
{
	size_t i;

	for (i = 0; i < sizeof(S_compressors) / sizeof(*S_compressors); i++)
		libdeflate_free_compressor(S_compressors[i]);
}

static struct libdeflate_compressor *S_compressor(int level)
{
	static int registered;

	if (!S_compressors[level]) {
		if (!registered++)
			atexit(S_compressors_free);
		/* its only failure is running out of memory */
		if (!(S_compressors[level] = libdeflate_alloc_compressor(level)))
			kg_oom(0);
	}
	return S_compressors[level];
}

/* Deflate data at a level into out, with the zlib wrapper FlateDecode
 * reads: 0 or -1. */
static int S_deflate(const void *data, size_t len, kg_buf *out, int level)
{
	struct libdeflate_compressor *c = S_compressor(level);
	size_t bound = libdeflate_zlib_compress_bound(c, len);

	kg_buf_reset(out);
	kg_buf_grow(out, bound);
	/* 0 only when the output does not fit, which the bound rules out */
	out->len = libdeflate_zlib_compress(c, data, len, out->ptr, bound);
	out->ptr[out->len] = '\0';
	return out->len ? 0 : -1;
}

int kg_pdf_deflate(const void *data, size_t len, kg_buf *out)
{
	return S_deflate(data, len, out, KG_PDF_PROGRAM_ZLEVEL);
}

void kg_pdf_stream_deflated(kg_pdf_file *f, uint32_t num, const char *extra,
			    const void *z, size_t zlen)
{
	kg_pdf_obj_begin(f, num);
	kg_pdf_printf(f, "<< /Length %lu /Filter /FlateDecode%s%s >>\nstream\n",
		      (unsigned long)zlen, extra ? " " : "", extra ? extra : "");
	S_emit(f, z, zlen);
	kg_pdf_puts(f, "\nendstream");
	kg_pdf_obj_end(f);
}

/* kg_pdf_stream at a deflate level. */
static void S_stream(kg_pdf_file *f, uint32_t num, const char *extra,
		     const void *data, size_t len, int level)
{
	if (S_deflate(data, len, &f->z, level) < 0)
		f->failed = 1;
	kg_pdf_stream_deflated(f, num, extra, f->z.ptr, f->z.len);
	if (f->z.cap > KG_SINK_CHUNK) /* a font program: do not keep its size */
		kg_buf_release(&f->z);
}

void kg_pdf_stream_plain(kg_pdf_file *f, uint32_t num, const char *extra,
			 const void *data, size_t len)
{
	kg_pdf_obj_begin(f, num);
	kg_pdf_printf(f, "<< /Length %lu%s%s >>\nstream\n", (unsigned long)len,
		      extra ? " " : "", extra ? extra : "");
	S_emit(f, data, len);
	kg_pdf_puts(f, "\nendstream");
	kg_pdf_obj_end(f);
}

void kg_pdf_stream(kg_pdf_file *f, uint32_t num, const char *extra,
		   const void *data, size_t len)
{
	S_stream(f, num, extra, data, len, KG_PDF_ZLEVEL);
}

/* ---- object streams ------------------------------------------------------------ */

/* Write the object stream being filled, and give its objects their place. */
static void S_stm_flush(kg_pdf_file *f)
{
	uint32_t num;
	char extra[64];
	size_t i;

	if (!f->stm_n)
		return;
	num = kg_pdf_reserve(f);
	for (i = 0; i < f->stm_n; i++)
		f->offset[f->stm_nums[i]] = KG_PDF_PACKED | ((size_t)num << 16) | i;
	snprintf(extra, sizeof(extra), "/Type /ObjStm /N %zu /First %zu", f->stm_n,
		 f->stm_head.len);
	kg_buf_put(&f->stm_head, f->stm.ptr, f->stm.len);
	S_stream(f, num, extra, f->stm_head.ptr, f->stm_head.len, KG_PDF_STM_ZLEVEL);
	kg_buf_reset(&f->stm);
	kg_buf_reset(&f->stm_head);
	f->stm_n = 0;
}

void kg_pdf_obj_packed(kg_pdf_file *f, uint32_t num, const char *body,
		       size_t len)
{
	if (num == 0 || num > f->nobjs || f->offset[num] || f->open) {
		f->failed = 1;
		return;
	}
	if (!f->stm_nums)
		f->stm_nums = kg_xcalloc(KG_PDF_STM_OBJS, sizeof(*f->stm_nums));
	f->packed = 1;
	f->offset[num] = KG_PDF_PACKED; /* written: its place comes at the flush */
	kg_buf_printf(&f->stm_head, "%lu %zu ", (unsigned long)num, f->stm.len);
	kg_buf_put(&f->stm, body, len);
	kg_buf_putc(&f->stm, '\n');
	f->stm_nums[f->stm_n++] = num;
	if (f->stm_n == KG_PDF_STM_OBJS || f->stm.len >= KG_PDF_STM_BYTES)
		S_stm_flush(f);
}

/* An entry of a cross-reference stream: type, 5 bytes, 1 byte (a
 * generation, 0, or an index in an object stream, < KG_PDF_STM_OBJS),
 * after the PNG "Up" predictor's tag byte: each byte is sent as its
 * difference from the byte above it (prev, the entry before), which
 * leaves mostly zeros in a run of packed objects, for deflate to squeeze. */
static void S_xref_entry(kg_buf *b, unsigned char *prev, int type, uint64_t v,
			 unsigned w)
{
	unsigned char e[8];
	int i;

	e[1] = (unsigned char)type;
	for (i = 0; i < 5; i++)
		e[2 + i] = (unsigned char)(v >> (8 * (4 - i)));
	e[7] = (unsigned char)w;
	for (i = 1; i < 8; i++) {
		unsigned char raw = e[i];

		e[i] = (unsigned char)(raw - prev[i]);
		prev[i] = raw;
	}
	e[0] = 2; /* PNG filter type: Up */
	kg_buf_put(b, e, 8);
}

/* The cross-reference stream (PDF 1.5, 7.5.8), the trailer's entries in
 * its dictionary: for a file with packed objects. */
static int S_xref_stream(kg_pdf_file *f, uint32_t root, uint32_t info)
{
	uint32_t num, n;
	size_t xref;
	kg_buf b = KG_BUF_INIT;
	char extra[160];
	unsigned char prev[8] = {0};
	int rc = f->failed || f->open ? -1 : 0;

	S_stm_flush(f);
	num = kg_pdf_reserve(f);
	xref = kg_pdf_tell(f);
	S_xref_entry(&b, prev, 0, 0, 255); /* object 0: free, generation 255 */
	for (n = 1; n <= f->nobjs; n++) {
		size_t o = n == num ? xref : f->offset[n];

		if (!o || o == KG_PDF_PACKED)
			rc = -1;
		if (o & KG_PDF_PACKED)
			S_xref_entry(&b, prev, 2, (o & ~KG_PDF_PACKED) >> 16,
				     (unsigned)(o & 0xFFFF));
		else
			S_xref_entry(&b, prev, 1, o, 0);
	}
	snprintf(extra, sizeof(extra), "/Type /XRef /Size %lu /W [1 5 1] "
		 "/DecodeParms << /Columns 7 /Predictor 12 >>",
		 (unsigned long)f->nobjs + 1);
	if (root)
		snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra),
			 " /Root %lu 0 R", (unsigned long)root);
	if (info)
		snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra),
			 " /Info %lu 0 R", (unsigned long)info);
	kg_pdf_stream(f, num, extra, b.ptr, b.len);
	kg_buf_release(&b);
	kg_pdf_printf(f, "startxref\n%lu\n%%%%EOF\n", (unsigned long)xref);
	return f->failed ? -1 : rc;
}

int kg_pdf_file_finish(kg_pdf_file *f, uint32_t root, uint32_t info)
{
	size_t xref;
	uint32_t n;
	int rc = f->failed || f->open ? -1 : 0;

	if (f->packed)
		return S_xref_stream(f, root, info);
	xref = kg_pdf_tell(f);
	kg_pdf_printf(f, "xref\n0 %lu\n0000000000 65535 f\r\n",
		      (unsigned long)f->nobjs + 1);
	for (n = 1; n <= f->nobjs; n++) {
		/* unwritten, or past the 10 digits an xref entry has */
		if (!f->offset[n] || f->offset[n] > 9999999999ULL)
			rc = -1;
		kg_pdf_printf(f, "%010lu 00000 n\r\n", (unsigned long)f->offset[n]);
	}
	kg_pdf_printf(f, "trailer\n<< /Size %lu", (unsigned long)f->nobjs + 1);
	if (root)
		kg_pdf_printf(f, " /Root %lu 0 R", (unsigned long)root);
	if (info)
		kg_pdf_printf(f, " /Info %lu 0 R", (unsigned long)info);
	kg_pdf_printf(f, " >>\nstartxref\n%lu\n%%%%EOF\n", (unsigned long)xref);
	return f->failed ? -1 : rc;
}

/* ---- values ------------------------------------------------------------------ */

void kg_pdf_fixed(kg_buf *b, long long n, int decimals)
{
	char tmp[48], *p = tmp + sizeof(tmp);
	int neg = n < 0, d = decimals < 0 ? 0 : decimals > 5 ? 5 : decimals, i;

	/* llround of a NaN or an infinity is LLONG_MIN, which has no
	 * negation: no PDF number is that big, so write 0 */
	if (n == LLONG_MIN)
		n = 0, neg = 0;
	if (neg)
		n = -n;
	/* the fraction, without its trailing zeros */
	while (d > 0 && n % 10 == 0 && n != 0)
		n /= 10, d--;
	if (n == 0)
		d = 0, neg = 0;
	for (i = 0; i < d; i++) {
		*--p = (char)('0' + n % 10);
		n /= 10;
	}
	if (d)
		*--p = '.';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	if (neg)
		*--p = '-';
	kg_buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
	kg_buf_putc(b, ' ');
}

void kg_pdf_num(kg_buf *b, double v, int decimals)
{
	static const double scale[] = {1, 10, 100, 1000, 10000, 100000};
	int d = decimals < 0 ? 0 : decimals > 5 ? 5 : decimals;

	kg_pdf_fixed(b, llround(v * scale[d]), d);
}

void kg_pdf_literal(kg_buf *b, const char *s, size_t len)
{
	size_t i;

	kg_buf_putc(b, '(');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '(' || c == ')' || c == '\\') {
			kg_buf_putc(b, '\\');
			kg_buf_putc(b, c);
		} else if (c < 0x20 || c == 0x7F) {
			kg_buf_printf(b, "\\%03o", c);
		} else {
			kg_buf_putc(b, c);
		}
	}
	kg_buf_putc(b, ')');
}

static int S_plain_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E)
			return 0;
	return 1;
}

void kg_pdf_text(kg_buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	if (S_plain_ascii(s, len)) {
		kg_pdf_literal(b, s, len);
		return;
	}
	kg_buf_puts(b, "<FEFF");
	while (p < end) {
		unsigned cp;
		size_t n = kg_utf8_decode(p, (size_t)(end - p), &cp);

		if (n == 0) { /* not UTF-8: the replacement character */
			cp = 0xFFFD;
			n = 1;
		}
		p += n;
		if (cp > 0xFFFF) { /* a surrogate pair */
			cp -= 0x10000;
			kg_buf_printf(b, "%04X%04X", 0xD800 + (cp >> 10),
				      0xDC00 + (cp & 0x3FF));
		} else {
			kg_buf_printf(b, "%04X", cp);
		}
	}
	kg_buf_putc(b, '>');
}

void kg_pdf_name(kg_buf *b, const char *s)
{
	kg_buf_putc(b, '/');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < '!' || c > '~' || strchr("#()<>[]{}/%", c))
			kg_buf_printf(b, "#%02X", c);
		else
			kg_buf_putc(b, c);
	}
}
