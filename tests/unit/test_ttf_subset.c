/* test_ttf_subset.c - unit tests of ttf_subset.c: a font collection
 * (.ttc) gives the same subset as its first font would alone, and a
 * collection whose header points outside the file is refused. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "ttf_subset.h"

#define S_FONT "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"

static unsigned char *S_read(const char *path, size_t *len)
{
	FILE *fp = fopen(path, "rb");
	unsigned char *data;
	long n;

	assert_non_null(fp);
	assert_int_equal(fseek(fp, 0, SEEK_END), 0);
	n = ftell(fp);
	assert_true(n > 12);
	rewind(fp);
	data = malloc((size_t)n);
	assert_non_null(data);
	assert_int_equal(fread(data, 1, (size_t)n, fp), (size_t)n);
	fclose(fp);
	*len = (size_t)n;
	return data;
}

static uint32_t S_get32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void S_set32(unsigned char *p, uint32_t v)
{
	p[0] = (unsigned char)(v >> 24);
	p[1] = (unsigned char)(v >> 16);
	p[2] = (unsigned char)(v >> 8);
	p[3] = (unsigned char)v;
}

/* The font in ttf as the only font of a collection: a 16-byte header,
 * then the font, its tables' offsets moved by 16 (they count from the
 * start of the file). */
static unsigned char *S_collection(const unsigned char *ttf, size_t len,
				   size_t *out_len)
{
	unsigned char *ttc = malloc(len + 16);
	size_t i, count = (size_t)(ttf[4] << 8 | ttf[5]);

	assert_non_null(ttc);
	memcpy(ttc, "ttcf", 4);
	S_set32(ttc + 4, 0x00010000);
	S_set32(ttc + 8, 1);
	S_set32(ttc + 12, 16);
	memcpy(ttc + 16, ttf, len);
	for (i = 0; i < count; i++) {
		unsigned char *r = ttc + 16 + 12 + 16 * i;

		S_set32(r + 8, S_get32(r + 8) + 16);
	}
	*out_len = len + 16;
	return ttc;
}

/* Glyphs 0, 36..60 and 1000 drawn. */
static unsigned char *S_used(size_t n)
{
	unsigned char *used = calloc(n, 1);
	size_t g;

	assert_non_null(used);
	used[0] = 1;
	for (g = 36; g <= 60 && g < n; g++)
		used[g] = 1;
	if (n > 1000)
		used[1000] = 1;
	return used;
}

static void test_a_collection_gives_its_first_font(void **state)
{
	size_t len, clen, n = 6000;
	unsigned char *ttf = S_read(S_FONT, &len);
	unsigned char *ttc = S_collection(ttf, len, &clen);
	unsigned char *used = S_used(n);
	kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT;

	(void)state;
	assert_int_equal(kg_ttf_subset(ttf, len, used, n, &a), 0);
	assert_int_equal(kg_ttf_subset(ttc, clen, used, n, &b), 0);
	assert_true(a.len > 1000 && a.len < len);
	assert_int_equal(S_get32((const unsigned char *)b.ptr), 0x00010000);
	assert_int_equal(a.len, b.len);
	assert_memory_equal(a.ptr, b.ptr, a.len);
	kg_buf_release(&a);
	kg_buf_release(&b);
	free(used);
	free(ttc);
	free(ttf);
}

/* A header that names no font, a font past the end, or a directory that
 * runs past it: refused, nothing read out of bounds (ASan), nothing
 * written. */
static void test_a_broken_collection_is_refused(void **state)
{
	size_t len, clen, n = 6000;
	unsigned char *ttf = S_read(S_FONT, &len);
	unsigned char *ttc = S_collection(ttf, len, &clen);
	unsigned char *used = S_used(n);
	kg_buf out = KG_BUF_INIT;

	(void)state;
	S_set32(ttc + 8, 0); /* no font */
	assert_int_equal(kg_ttf_subset(ttc, clen, used, n, &out), -1);
	S_set32(ttc + 8, 1);
	S_set32(ttc + 12, (uint32_t)clen - 4); /* the directory past the end */
	assert_int_equal(kg_ttf_subset(ttc, clen, used, n, &out), -1);
	S_set32(ttc + 12, 0xFFFFFFFFu);
	assert_int_equal(kg_ttf_subset(ttc, clen, used, n, &out), -1);
	S_set32(ttc + 12, 16);
	assert_int_equal(kg_ttf_subset(ttc, 16 + 12 + 16 * 3, used, n, &out), -1);
	assert_int_equal(kg_ttf_subset(ttc, 14, used, n, &out), -1);
	assert_int_equal(out.len, 0);
	kg_buf_release(&out);
	free(used);
	free(ttc);
	free(ttf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_a_collection_gives_its_first_font),
		cmocka_unit_test(test_a_broken_collection_is_refused),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
