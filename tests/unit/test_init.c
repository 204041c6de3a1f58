/* test_init.c - `kitgen init`: role names and ids, folders it refuses,
 * the skeleton as written, and where a build finds its templates */
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

#include "buf.h"
#include "datadir.h"
#include "embedded.h"
#include "init.h"
#include "kit.h"

static void S_id(const char *role, const char *want)
{
	kg_buf b = KG_BUF_INIT;

	kg_init_kit_id(role, &b);
	assert_string_equal(b.ptr, want);
	kg_buf_release(&b);
}

static void test_kit_id(void **state)
{
	(void)state;
	S_id("Data engineering", "data-engineering-interview-kit");
	S_id("DevOps", "devops-interview-kit");
	S_id("R&D tools (C++), v2", "r-d-tools-c-v2-interview-kit");
	S_id("SRE / platform", "sre-platform-interview-kit");
	S_id("Données", "donn-es-interview-kit");
	S_id("(ML)", "ml-interview-kit");
}

static void test_good_roles(void **state)
{
	(void)state;
	assert_null(kg_init_bad_role("Data engineering"));
	assert_null(kg_init_bad_role("R&D tools (C++), v2"));
	assert_null(kg_init_bad_role("Données"));
	assert_null(kg_init_bad_role("x"));
	assert_null(kg_init_bad_role(KG_INIT_ROLE));
	/* 60 characters, the limit, counted as characters not bytes */
	assert_null(kg_init_bad_role("ééééééééééééééééééééééééééééééééééééééééééééééééééééééééééé1"));
}

static void test_bad_roles(void **state)
{
	static const char *const bad[] = {
		"", " lead", "trail ", "a\"b", "a:b", "a#b", "a\\b", "a\nb",
		"a\tb", "a*b", "a_b", "a`b", "a<b", "a'b", "--", "((",
		"caf\xe9", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xc2\x85",
		"a\xe2\x80\xa8" "b", "\xef\xbb\xbfx", "x\xef\xbf\xbf",
		"1234567890123456789012345678901234567890123456789012345678901",
		NULL};
	size_t i;

	(void)state;
	for (i = 0; bad[i]; i++)
		if (!kg_init_bad_role(bad[i]))
			fail_msg("role %zu ('%s') was accepted", i, bad[i]);
}

/* A fresh folder under TMPDIR; the caller removes it. */
static char *S_tmpdir(void)
{
	const char *base = getenv("TMPDIR");
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "%s/kg-init.XXXXXX", base && *base ? base : "/tmp");
	assert_non_null(mkdtemp(b.ptr));
	return kg_buf_detach(&b, NULL);
}

static void S_rm(const char *dir)
{
	kg_buf cmd = KG_BUF_INIT;

	kg_buf_printf(&cmd, "rm -rf '%s'", dir);
	assert_int_equal(system(cmd.ptr), 0);
	kg_buf_release(&cmd);
}

static void test_bad_dirs(void **state)
{
	char *dir = S_tmpdir();
	kg_buf p = KG_BUF_INIT;
	FILE *f;

	(void)state;
	assert_null(kg_init_bad_dir(dir)); /* empty */
	kg_buf_printf(&p, "%s/new", dir);
	assert_null(kg_init_bad_dir(p.ptr)); /* absent */
	kg_buf_reset(&p);
	kg_buf_printf(&p, "%s/.hidden", dir);
	f = fopen(p.ptr, "w");
	assert_non_null(f);
	fclose(f);
	assert_string_equal(kg_init_bad_dir(dir), "it is not empty");
	assert_string_equal(kg_init_bad_dir(p.ptr), "it is not a folder");
	kg_buf_puts(&p, "/below");
	assert_non_null(kg_init_bad_dir(p.ptr)); /* ENOTDIR */
	assert_string_equal(kg_init_bad_dir(""), "the path is empty");
	kg_buf_reset(&p);
	kg_buf_printf(&p, "%s/no/such", dir);
	assert_non_null(strstr(kg_init_bad_dir(p.ptr), "/no' does not exist"));
	kg_buf_puts(&p, "/..//");
	assert_non_null(kg_init_bad_dir(p.ptr)); /* below a missing folder */
	kg_buf_release(&p);
	S_rm(dir);
	free(dir);
}

/* The skeleton, written for each role, loads and checks with no
 * diagnostic at all: every profile and level has a full loop plan. */
static void test_skeleton_checks_clean(void **state)
{
	static const char *const roles[] = {KG_INIT_ROLE, "Data engineering",
					    "DevOps", "R&D tools (C++), v2", NULL};
	size_t i;

	(void)state;
	for (i = 0; roles[i]; i++) {
		char *dir = S_tmpdir();
		kg_diags d = KG_DIAGS_INIT;
		kg_buf content = KG_BUF_INIT;
		kg_kit *kit;

		assert_int_equal(kg_init_write(dir, roles[i], &d), 0);
		kg_buf_printf(&content, "%s/content", dir);
		kit = kg_kit_load(content.ptr, &d);
		kg_kit_check(kit, &d);
		if (d.n)
			fail_msg("role '%s': %s", roles[i], d.items[0].msg);
		assert_int_equal(kit->ntopics, 2);
		assert_int_equal(kit->nlevels, 3);
		assert_int_equal(kit->nprofiles, 1);
		kg_kit_free(kit);
		kg_diags_free(&d);
		kg_buf_release(&content);
		S_rm(dir);
		free(dir);
	}
}

static void test_skeleton_files(void **state)
{
	const kg_embedded_file *f;
	size_t n = 0;

	(void)state;
	for (f = kg_embedded; f->path; f++, n++) {
		assert_int_equal(strlen(f->bytes), f->len); /* NUL-terminated, no NUL inside */
		assert_true(f->len > 100);
	}
	assert_int_equal(n, 6);
	assert_string_equal(kg_embedded[0].path, ".gitignore");
	assert_string_equal(kg_embedded[1].path, "README.md");
}

/* ./templates first; else the installed ones; else say where it looked. */
static void test_default_templates(void **state)
{
	char *dir = S_tmpdir(), *got, cwd[4096];
	kg_diags d = KG_DIAGS_INIT;
	kg_buf p = KG_BUF_INIT, want = KG_BUF_INIT;
	struct stat st;

	(void)state;
	assert_non_null(getcwd(cwd, sizeof(cwd)));
	assert_int_equal(chdir(dir), 0);
	got = kg_default_templates(&d);
	kg_buf_printf(&want, "%s/templates", kg_datadir);
	if (stat(want.ptr, &st) == 0) {
		/* kitgen is installed on this machine: that is what it finds */
		assert_non_null(got);
	} else {
		assert_null(got);
		assert_int_equal(d.io_errors, 1);
		assert_non_null(strstr(d.items[0].msg, "looked in ./templates, "));
		assert_non_null(strstr(d.items[0].msg, want.ptr));
	}
	free(got);
	kg_diags_free(&d);
	kg_buf_printf(&p, "%s/templates", dir);
	assert_int_equal(mkdir(p.ptr, 0755), 0);
	got = kg_default_templates(&d);
	assert_string_equal(got, "templates");
	assert_int_equal(d.n, 0);
	free(got);
	assert_int_equal(chdir(cwd), 0);
	kg_buf_release(&p);
	kg_buf_release(&want);
	S_rm(dir);
	free(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_kit_id),
		cmocka_unit_test(test_good_roles),
		cmocka_unit_test(test_bad_roles),
		cmocka_unit_test(test_bad_dirs),
		cmocka_unit_test(test_skeleton_checks_clean),
		cmocka_unit_test(test_skeleton_files),
		cmocka_unit_test(test_default_templates),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
