/* test_build_digest.c - unit tests of kg_build_digest (digest.h): each
 * thing it covers (the content digest, a template's bytes and name, the
 * paper, kitgen's version) changes it; the folder's own path, hidden
 * files and files outside the format folders do not; a format folder
 * that is not there is no error, one that cannot be read is. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "digest.h"

#define C1 "1111111111111111111111111111111111111111111111111111111111111111"
#define C2 "2222222222222222222222222222222222222222222222222222222222222222"

static void S_write(const char *dir, const char *name, const char *text)
{
	char path[512];
	FILE *f;

	snprintf(path, sizeof(path), "%s/%s", dir, name);
	assert_non_null(f = fopen(path, "w"));
	fputs(text, f);
	fclose(f);
}

/* A templates folder at dir: md/document.mustache, pdf/style.yaml. */
static void S_folder(const char *dir)
{
	char path[512];

	mkdir(dir, 0777);
	snprintf(path, sizeof(path), "%s/md", dir);
	mkdir(path, 0777);
	snprintf(path, sizeof(path), "%s/pdf", dir);
	mkdir(path, 0777);
	S_write(dir, "md/document.mustache", "# {{title}}\n");
	S_write(dir, "pdf/style.yaml", "papers: {a4: {width: 1, height: 2}}\n");
}

static void S_digest(const char *content, const char *dir, const char *paper,
		     const char *version, char hex[KG_DIGEST_HEX])
{
	kg_diags d = KG_DIAGS_INIT;

	assert_int_equal(kg_build_digest(content, dir, paper, version, hex, &d), 0);
	assert_int_equal(d.errors, 0);
	kg_diags_free(&d);
}

static void test_covers(void **state)
{
	char base[KG_DIGEST_HEX], h[KG_DIGEST_HEX];
	const char *a = "build/test_build_digest-a", *b = "build/test_build_digest-b";

	(void)state;
	system("rm -rf build/test_build_digest-a build/test_build_digest-b");
	S_folder(a);
	S_folder(b);
	S_digest(C1, a, "a4", "1.0.0", base);
	assert_int_equal(strlen(base), 64);
	S_digest(C1, b, "a4", "1.0.0", h);
	assert_string_equal(h, base); /* another folder, the same files */
	S_digest(C2, a, "a4", "1.0.0", h);
	assert_string_not_equal(h, base);
	S_digest(C1, a, "letter", "1.0.0", h);
	assert_string_not_equal(h, base);
	S_digest(C1, a, "a4", "1.0.1", h);
	assert_string_not_equal(h, base);

	S_write(b, "md/.swap", "x");
	S_write(b, "README", "x");
	S_digest(C1, b, "a4", "1.0.0", h);
	assert_string_equal(h, base); /* hidden, outside the formats' folders */
	S_write(b, "md/document.mustache", "# {{title}}!\n");
	S_digest(C1, b, "a4", "1.0.0", h);
	assert_string_not_equal(h, base);
	S_write(b, "md/document.mustache", "# {{title}}\n");
	rename("build/test_build_digest-b/md/document.mustache",
	       "build/test_build_digest-b/md/page.mustache");
	S_digest(C1, b, "a4", "1.0.0", h);
	assert_string_not_equal(h, base); /* the same bytes, another name */
	system("rm -rf build/test_build_digest-a build/test_build_digest-b");
}

static void test_unreadable(void **state)
{
	char h[KG_DIGEST_HEX];
	kg_diags d = KG_DIAGS_INIT;
	const char *a = "build/test_build_digest-c";

	(void)state;
	system("rm -rf build/test_build_digest-c");
	S_folder(a);
	if (geteuid() != 0) { /* root reads it anyway */
		chmod("build/test_build_digest-c/md", 0);
		assert_int_equal(kg_build_digest(C1, a, "a4", "1", h, &d), -1);
		assert_int_equal(d.io_errors, 1);
		chmod("build/test_build_digest-c/md", 0755);
	}
	kg_diags_free(&d);
	system("rm -rf build/test_build_digest-c");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_covers),
		cmocka_unit_test(test_unreadable),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
