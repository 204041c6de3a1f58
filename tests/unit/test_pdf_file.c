/* test_pdf_file.c - the PDF file format (pdf_file.c): objects written out
 * of order and found again through the xref table, deflated streams,
 * numbers, strings, and a file drained as it is written */
#include <limits.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <libdeflate.h>

#include "buf.h"
#include "pdf_file.h"

/* The last place of needle in the file (which holds NUL bytes: the
 * deflated streams), or NULL. */
static const char *S_find(const kg_buf *file, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = file->len >= n ? file->len - n + 1 : 0; i-- > 0;)
		if (memcmp(file->ptr + i, needle, n) == 0)
			return file->ptr + i;
	return NULL;
}

/* Inflate a FlateDecode stream (zlib's wrapper) of len bytes into back,
 * of *blen bytes at most; *blen becomes its length. */
static void S_inflate(const char *data, size_t len, unsigned char *back,
		      size_t *blen)
{
	struct libdeflate_decompressor *d = libdeflate_alloc_decompressor();

	assert_non_null(d);
	assert_int_equal(libdeflate_zlib_decompress(d, data, len, back, *blen,
						    blen), LIBDEFLATE_SUCCESS);
	libdeflate_free_decompressor(d);
}

/* The offset the xref table gives object n, read back from the file. */
static size_t S_xref_offset(const kg_buf *file, unsigned n, unsigned *size)
{
	const char *sx = S_find(file, "startxref\n");
	const char *xref;
	unsigned first, count;

	assert_non_null(sx);
	xref = file->ptr + strtoul(sx + 10, NULL, 10);
	assert_memory_equal(xref, "xref\n", 5);
	assert_int_equal(sscanf(xref + 5, "%u %u", &first, &count), 2);
	assert_int_equal(first, 0);
	*size = count;
	xref = strchr(xref + 5, '\n') + 1;
	/* every entry is 20 bytes: "oooooooooo ggggg n\r\n" */
	assert_true(n < count);
	assert_memory_equal(xref + 20 * n + 17, n ? "n\r\n" : "f\r\n", 3);
	return strtoul(xref + 20 * n, NULL, 10);
}

/* Objects in any order, a forward reference: the xref finds each. */
static void test_xref_offsets(void **state)
{
	kg_sink out;
	kg_pdf_file f;
	uint32_t cat, pages, info;
	unsigned n, size;
	char want[32];

	(void)state;
	kg_sink_init(&out, NULL);
	kg_pdf_file_init(&f, &out);
	cat = kg_pdf_reserve(&f);
	pages = kg_pdf_reserve_n(&f, 2);
	info = kg_pdf_reserve(&f);
	assert_int_equal(cat, 1);
	assert_int_equal(pages, 2);
	assert_int_equal(info, 4);
	kg_pdf_obj_begin(&f, info); /* written before the ones it follows */
	kg_pdf_puts(&f, "<< /Title (t) >>");
	kg_pdf_obj_end(&f);
	kg_pdf_obj_begin(&f, cat);
	kg_pdf_printf(&f, "<< /Type /Catalog /Pages %u 0 R >>", (unsigned)pages);
	kg_pdf_obj_end(&f);
	kg_pdf_stream(&f, pages + 1, NULL, "BT ET", 5);
	kg_pdf_obj_begin(&f, pages);
	kg_pdf_puts(&f, "<< /Type /Pages /Kids [] /Count 0 >>");
	kg_pdf_obj_end(&f);
	assert_int_equal(kg_pdf_file_finish(&f, cat, info), 0);

	assert_memory_equal(out.buf.ptr, "%PDF-1.7\n", 9);
	for (n = 1; n <= 4; n++) {
		size_t at = S_xref_offset(&out.buf, n, &size);

		snprintf(want, sizeof(want), "%u 0 obj\n", n);
		assert_memory_equal(out.buf.ptr + at, want, strlen(want));
	}
	assert_int_equal(size, 5);
	assert_non_null(S_find(&out.buf, "trailer\n<< /Size 5 /Root 1 0 R /Info 4 0 R >>"));
	assert_string_equal(out.buf.ptr + out.buf.len - 6, "%%EOF\n");
	kg_pdf_file_free(&f);
	kg_sink_release(&out);
}

/* A stream says its deflated length, and inflates to what was given. */
static void test_stream_deflated(void **state)
{
	kg_sink out;
	kg_pdf_file f;
	const char *text = "0 0 1 rg 10 10 100 100 re f\n0 0 1 rg 10 10 100 100 re f\n";
	const char *p, *data;
	unsigned long len;
	unsigned char back[256];
	size_t blen = sizeof(back);

	(void)state;
	kg_sink_init(&out, NULL);
	kg_pdf_file_init(&f, &out);
	kg_pdf_stream(&f, kg_pdf_reserve(&f), "/Length1 9", text, strlen(text));
	assert_int_equal(kg_pdf_file_finish(&f, 0, 0), 0);
	p = strstr(out.buf.ptr, "<< /Length ");
	assert_non_null(p);
	len = strtoul(p + 11, NULL, 10);
	assert_non_null(strstr(p, "/Filter /FlateDecode /Length1 9 >>\nstream\n"));
	data = strstr(p, "stream\n") + 7;
	assert_memory_equal(data + len, "\nendstream\nendobj\n", 18);
	S_inflate(data, len, back, &blen);
	assert_int_equal(blen, strlen(text));
	assert_memory_equal(back, text, blen);
	kg_pdf_file_free(&f);
	kg_sink_release(&out);
}

/* Packed objects go into an object stream ("number offset" pairs, then
 * the bodies), and the file ends with a cross-reference stream: a type 2
 * entry (stream, index) per packed object, type 1 (offset) for the rest. */
static void test_packed_objects(void **state)
{
	kg_sink out;
	kg_pdf_file f;
	uint32_t a, b, cat;
	const char *p, *data;
	unsigned long len;
	unsigned char back[512];
	size_t blen = sizeof(back), n;

	(void)state;
	kg_sink_init(&out, NULL);
	kg_pdf_file_init(&f, &out);
	cat = kg_pdf_reserve(&f);
	a = kg_pdf_reserve(&f);
	b = kg_pdf_reserve(&f);
	kg_pdf_obj_packed(&f, b, "<< /B 2 >>", 10);
	kg_pdf_obj_packed(&f, a, "[1 2]", 5);
	kg_pdf_obj_begin(&f, cat);
	kg_pdf_puts(&f, "<< /Type /Catalog >>");
	kg_pdf_obj_end(&f);
	assert_int_equal(kg_pdf_file_finish(&f, cat, 0), 0);
	assert_null(S_find(&out.buf, "trailer"));
	p = S_find(&out.buf, "/Type /ObjStm /N 2 /First 9 >>\nstream\n");
	assert_non_null(p);
	len = strtoul(S_find(&out.buf, "4 0 obj\n<< /Length ") + 19, NULL, 10);
	data = p + strlen("/Type /ObjStm /N 2 /First 9 >>\nstream\n");
	S_inflate(data, len, back, &blen);
	assert_memory_equal(back, "3 0 2 11 << /B 2 >>\n[1 2]\n", blen);
	p = S_find(&out.buf, "/Type /XRef /Size 6 /W [1 5 1] /DecodeParms << "
		   "/Columns 7 /Predictor 12 >> /Root 1 0 R >>\nstream\n");
	assert_non_null(p);
	data = strstr(p, ">>\nstream\n") + 10;
	len = strtoul(S_find(&out.buf, "5 0 obj\n<< /Length ") + 19, NULL, 10);
	blen = sizeof(back);
	S_inflate(data, len, back, &blen);
	assert_int_equal(blen, 6 * 8); /* a PNG tag byte, then 7 */
	for (n = 8; n < blen; n++) /* undo the Up predictor */
		if (n % 8)
			back[n] = (unsigned char)(back[n] + back[n - 8]);
	assert_int_equal(back[0 * 8], 2);                    /* PNG Up */
	assert_int_equal(back[0 * 8 + 1], 0);                /* 0: free */
	assert_int_equal(back[1 * 8 + 1], 1);                /* 1: the catalog */
	assert_int_equal(back[2 * 8 + 1], 2);                /* 2: packed, */
	assert_int_equal(back[2 * 8 + 6], 4);                /* in stream 4, */
	assert_int_equal(back[2 * 8 + 7], 1);                /* second */
	assert_int_equal(back[3 * 8 + 7], 0);                /* 3: first */
	assert_int_equal(back[5 * 8 + 1], 1);                /* 5: itself */
	assert_non_null(S_find(&out.buf, "\nendobj\nstartxref\n"));
	assert_string_equal(out.buf.ptr + out.buf.len - 6, "%%EOF\n");
	kg_pdf_file_free(&f);
	kg_sink_release(&out);
}

/* Offsets are 32 bits: a packed object's stream number takes 23 of
 * them (one past 16 bits comes back whole from the xref stream), and a
 * file of 2^23 objects or more fails instead of writing wrong places. */
static void test_offsets_32_bits(void **state)
{
	kg_sink out;
	kg_pdf_file f;
	uint32_t a, stm;
	const char *p, *data;
	unsigned long len;
	static unsigned char back[70010 * 8];
	size_t blen = sizeof(back), n;
	char head[32];

	(void)state;
	kg_sink_init(&out, NULL);
	kg_pdf_file_init(&f, &out);
	kg_pdf_reserve_n(&f, 70000); /* never written: finish fails, but writes */
	a = kg_pdf_reserve(&f);
	kg_pdf_obj_packed(&f, a, "[1]", 3);
	assert_int_equal(kg_pdf_file_finish(&f, 0, 0), -1);
	stm = a + 1; /* the object stream, then the xref stream */
	p = S_find(&out.buf, "/Type /XRef /Size 70004 ");
	assert_non_null(p);
	data = strstr(p, ">>\nstream\n") + 10;
	snprintf(head, sizeof(head), "%lu 0 obj\n<< /Length ", (unsigned long)stm + 1);
	len = strtoul(S_find(&out.buf, head) + strlen(head), NULL, 10);
	S_inflate(data, len, back, &blen);
	assert_int_equal(blen, 70004 * 8);
	for (n = 8; n < blen; n++) /* undo the Up predictor */
		if (n % 8)
			back[n] = (unsigned char)(back[n] + back[n - 8]);
	assert_int_equal(back[a * 8 + 1], 2); /* packed */
	assert_int_equal(((unsigned long)back[a * 8 + 4] << 16) |
			 ((unsigned long)back[a * 8 + 5] << 8) | back[a * 8 + 6], stm);
	assert_int_equal(back[a * 8 + 7], 0);
	kg_pdf_file_free(&f);
	kg_sink_release(&out);

	kg_sink_init(&out, NULL);
	kg_pdf_file_init(&f, &out);
	a = kg_pdf_reserve(&f);
	kg_pdf_reserve_n(&f, (uint32_t)1 << 23); /* one too many */
	assert_int_equal(f.nobjs, 1);
	assert_true(f.failed);
	kg_pdf_obj_begin(&f, a);
	kg_pdf_obj_end(&f);
	assert_int_equal(kg_pdf_file_finish(&f, a, 0), -1);
	kg_pdf_file_free(&f);
	kg_sink_release(&out);
}

/* A number reserved and never written, or written twice, fails. */
static void test_missing_object_fails(void **state)
{
	kg_sink out;
	kg_pdf_file f;
	uint32_t a;

	(void)state;
	kg_sink_init(&out, NULL);
	kg_pdf_file_init(&f, &out);
	kg_pdf_reserve(&f);
	assert_int_equal(kg_pdf_file_finish(&f, 1, 0), -1);
	kg_pdf_file_free(&f);
	kg_sink_release(&out);
	kg_sink_init(&out, NULL);

	kg_pdf_file_init(&f, &out);
	a = kg_pdf_reserve(&f);
	kg_pdf_obj_begin(&f, a);
	kg_pdf_obj_end(&f);
	kg_pdf_obj_begin(&f, a);
	kg_pdf_obj_end(&f);
	assert_int_equal(kg_pdf_file_finish(&f, a, 0), -1);
	kg_pdf_file_free(&f);
	kg_sink_release(&out);
}

/* Drained into a FILE * as it goes: the same bytes, the same offsets. */
static void test_drained_file(void **state)
{
	kg_sink mem, tail;
	kg_buf back = KG_BUF_INIT;
	kg_pdf_file a, b;
	FILE *fp = tmpfile();
	char chunk[4096];
	size_t got;
	int i;

	(void)state;
	assert_non_null(fp);
	kg_sink_init(&mem, NULL);
	kg_sink_init(&tail, fp);
	kg_pdf_file_init(&a, &mem);
	kg_pdf_file_init(&b, &tail);
	for (i = 0; i < 2000; i++) { /* well past the drain threshold */
		uint32_t na = kg_pdf_reserve(&a), nb = kg_pdf_reserve(&b);
		char body[200];

		memset(body, 'a' + i % 26, sizeof(body));
		kg_pdf_obj_begin(&a, na);
		kg_pdf_put(&a, body, sizeof(body));
		kg_pdf_obj_end(&a);
		kg_pdf_obj_begin(&b, nb);
		kg_pdf_put(&b, body, sizeof(body));
		kg_pdf_obj_end(&b);
		assert_int_equal(kg_pdf_tell(&a), kg_pdf_tell(&b));
	}
	assert_true(tail.drained > 0);
	assert_int_equal(kg_pdf_file_finish(&a, 1, 0), 0);
	assert_int_equal(kg_pdf_file_finish(&b, 1, 0), 0);
	assert_int_equal(kg_sink_flush(&tail), 0);
	assert_int_equal(tail.buf.len, 0);
	rewind(fp);
	while ((got = fread(chunk, 1, sizeof(chunk), fp)) > 0)
		kg_buf_put(&back, chunk, got);
	assert_int_equal(back.len, mem.buf.len);
	assert_memory_equal(back.ptr, mem.buf.ptr, mem.buf.len);
	fclose(fp);
	kg_pdf_file_free(&a);
	kg_pdf_file_free(&b);
	kg_sink_release(&mem);
	kg_sink_release(&tail);
	kg_buf_release(&back);
}

/* A file of streams among plain objects, packed objects and a font
 * program big enough to pass a chunk, written into out: the stream
 * data buffer is reused at once, as the page drawer does. */
static void S_mixed_file(kg_sink *out, int *threaded)
{
	kg_pdf_file f;
	kg_buf data = KG_BUF_INIT, big = KG_BUF_INIT;
	uint32_t first, n;
	int i, k;

	kg_sink_init(out, NULL);
	kg_pdf_file_init(&f, out);
	*threaded = f.queue != NULL;
	first = kg_pdf_reserve_n(&f, 600);
	for (k = 0; k < 3000; k++) /* incompressible enough: 60 KB and more */
		kg_buf_printf(&big, "%08x", (unsigned)k * 2654435761u);
	for (i = 0, n = first; i < 100; i++) {
		kg_buf_reset(&data);
		for (k = 0; k < 50 + i * 7; k++)
			kg_buf_printf(&data, "%d %d m %d %d l S\n", i, k, k * 3, i + k);
		kg_pdf_stream(&f, n++, i % 3 ? NULL : "/Type /XObject", data.ptr,
			      data.len);
		kg_buf_reset(&data); /* the caller's buffer, reused at once */
		kg_pdf_obj_begin(&f, n++);
		kg_pdf_printf(&f, "<< /Type /Page /Contents %u 0 R >>", n - 2);
		kg_pdf_obj_end(&f);
		kg_pdf_obj_packed(&f, n++, "<< /S /P >>", 11);
		if (i % 25 == 24) /* a font program: a tail past the chunk */
			kg_pdf_stream_deflated(&f, n++, "/Length1 9", big.ptr,
					       big.len);
		else
			kg_pdf_stream_plain(&f, n++, NULL, "x", 1);
		kg_pdf_stream(&f, n++, "", "", 0);
	}
	while (n < first + 600)
		kg_pdf_obj_packed(&f, n++, "null", 4);
	assert_int_equal(kg_pdf_file_finish(&f, first + 1, 0), 0);
	kg_pdf_file_free(&f);
	kg_buf_release(&data);
	kg_buf_release(&big);
}

/* Streams deflated on the second thread, objects written while they are:
 * the same bytes as with every stream deflated in place. */
static void test_threaded_same_bytes(void **state)
{
	kg_sink a, b;
	int threaded;

	(void)state;
	unsetenv("KITGEN_DEFLATE_THREAD");
	S_mixed_file(&a, &threaded);
	assert_true(threaded);
	setenv("KITGEN_DEFLATE_THREAD", "0", 1);
	S_mixed_file(&b, &threaded);
	unsetenv("KITGEN_DEFLATE_THREAD");
	assert_false(threaded);
	assert_int_equal(a.buf.len, b.buf.len);
	assert_memory_equal(a.buf.ptr, b.buf.ptr, a.buf.len);
	kg_sink_release(&a);
	kg_sink_release(&b);
}

static void S_is(void (*fn)(kg_buf *, const char *, size_t), const char *in,
		 const char *want)
{
	kg_buf b = KG_BUF_INIT;

	fn(&b, in, strlen(in));
	assert_string_equal(b.ptr, want);
	kg_buf_release(&b);
}

static void test_values(void **state)
{
	kg_buf b = KG_BUF_INIT;

	(void)state;
	kg_pdf_num(&b, 12, 2);
	kg_pdf_num(&b, 12.5, 2);
	kg_pdf_num(&b, -0.25, 2);
	kg_pdf_num(&b, 0.004, 2);
	kg_pdf_num(&b, 841.8900146484375, 5);
	kg_pdf_num(&b, 595.2760009765625, 5);
	assert_string_equal(b.ptr, "12 12.5 -0.25 0 841.89001 595.276 ");
	kg_buf_reset(&b);
	/* llround's answer for a NaN or an infinity: no negation, 0 */
	kg_pdf_fixed(&b, LLONG_MIN, 2);
	kg_pdf_fixed(&b, -LLONG_MAX, 0);
	assert_string_equal(b.ptr, "0 -9223372036854775807 ");
	kg_buf_reset(&b);
	/* a font's name from its file: delimiters and spaces escaped */
	kg_pdf_name(&b, "ABCDEF+My Font(Bold)/#1");
	assert_string_equal(b.ptr, "/ABCDEF+My#20Font#28Bold#29#2F#231");
	kg_buf_release(&b);

	S_is(kg_pdf_literal, "a (b) \\ c\n", "(a \\(b\\) \\\\ c\\012)");
	/* text strings: plain ASCII as it is, else UTF-16BE with a BOM */
	S_is(kg_pdf_text, "Backend Kit", "(Backend Kit)");
	S_is(kg_pdf_text, "caf\xC3\xA9 \xE2\x80\x93", "<FEFF00630061006600E900202013>");
	S_is(kg_pdf_text, "\xF0\x9F\x98\x80", "<FEFFD83DDE00>");
	b = (kg_buf)KG_BUF_INIT;
	kg_pdf_name(&b, "DejaVuSans,Book");
	kg_pdf_name(&b, "a b/c");
	assert_string_equal(b.ptr, "/DejaVuSans,Book/a#20b#2Fc");
	kg_buf_release(&b);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_xref_offsets),
		cmocka_unit_test(test_stream_deflated),
		cmocka_unit_test(test_packed_objects),
		cmocka_unit_test(test_offsets_32_bits),
		cmocka_unit_test(test_missing_object_fails),
		cmocka_unit_test(test_drained_file),
		cmocka_unit_test(test_threaded_same_bytes),
		cmocka_unit_test(test_values),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
