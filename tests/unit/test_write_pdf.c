/* test_write_pdf.c - unit tests of the PDF writer as a whole (write_pdf.c
 * and its parts): the contents are laid out where compose put the TOC
 * block, and only there; a document without one has no contents page */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <cmocka.h>

#include "alloc.h"
#include "doc.h"
#include "doc_toc.h"
#include "sink.h"
#include "writer.h"

/* A document with every metadata string set, and a part with prose. */
static kg_doc *S_doc(int toc)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));
	char **field = (char **)(void *)&doc->meta;
	size_t i;
	kg_block *part;

	for (i = 0; i < sizeof(doc->meta) / sizeof(char *); i++)
		field[i] = kg_xstrdup("x");
	doc->root = kg_block_new(KG_BLOCK_DOCUMENT);
	if (toc)
		kg_block_add(doc->root, kg_block_new(KG_BLOCK_TOC));
	part = kg_add_section(doc->root, 1, "part", "The part",
			      KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	kg_add_prose(part, "Some prose.");
	kg_doc_toc_build(doc);
	return doc;
}

/* needle in the len bytes at hay, which may hold NUL bytes (the PDF's
 * binary streams); NULL when it is not there. */
static const char *S_find(const char *hay, size_t len, const char *needle)
{
	size_t n = strlen(needle), i;

	for (i = 0; i + n <= len; i++)
		if (memcmp(hay + i, needle, n) == 0)
			return hay + i;
	return NULL;
}

/* The number of pages of the PDF the writer makes of doc. */
static long S_pages(kg_doc *doc)
{
	kg_write_opts o = {"templates", "a4", NULL};
	kg_diags d = KG_DIAGS_INIT;
	kg_sink out;
	const char *count;
	long n;

	kg_sink_init(&out, NULL); /* no file: the bytes stay in out.buf */
	assert_int_equal(kg_writer_pdf.write(doc, &o, &out, &d), 0);
	count = S_find(out.buf.ptr, out.buf.len, "/Type /Pages");
	assert_non_null(count);
	count = S_find(count, out.buf.len - (size_t)(count - out.buf.ptr),
		       "/Count ");
	assert_non_null(count);
	n = strtol(count + 7, NULL, 10);
	kg_sink_release(&out);
	kg_diags_free(&d);
	kg_doc_free(doc);
	return n;
}

static void test_contents_where_compose_put_them(void **state)
{
	(void)state;
	/* the cover, the contents, the part */
	assert_int_equal(S_pages(S_doc(1)), 3);
	/* no TOC block (a debrief, a calibration report): no contents page */
	assert_int_equal(S_pages(S_doc(0)), 2);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_contents_where_compose_put_them),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
