/* test_cleanup.c - the registry of temporary files (cleanup.c) and the
 * output folder a build locks and sweeps (output.c: kg_out_begin) */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "alloc.h"
#include "buf.h"
#include "cleanup.h"
#include "diag.h"
#include "output.h"

static char *S_dir(void)
{
	char tmpl[] = "/tmp/kg-cleanup.XXXXXX";
	char *dir = mkdtemp(tmpl);

	assert_non_null(dir);
	return kg_xstrdup(dir);
}

static void S_touch(const char *dir, const char *name)
{
	kg_buf p = KG_BUF_INIT;
	FILE *f;

	kg_buf_printf(&p, "%s/%s", dir, name);
	assert_non_null(f = fopen(p.ptr, "w"));
	fputs("x", f);
	fclose(f);
	kg_buf_release(&p);
}

static int S_exists(const char *dir, const char *name)
{
	kg_buf p = KG_BUF_INIT;
	struct stat st;
	int there;

	kg_buf_printf(&p, "%s%s%s", dir, *name ? "/" : "", name);
	there = lstat(p.ptr, &st) == 0;
	kg_buf_release(&p);
	return there;
}

static void S_rmrf(char *dir)
{
	kg_remove_tree(dir);
	free(dir);
}

/* Files first, then folders (the last registered first), when empty. */
static void test_run_removes_files_then_empty_folders(void **state)
{
	char *dir = S_dir();
	kg_buf sub = KG_BUF_INIT, deep = KG_BUF_INIT, file = KG_BUF_INIT;

	(void)state;
	kg_buf_printf(&sub, "%s/a", dir);
	kg_buf_printf(&deep, "%s/a/b", dir);
	kg_buf_printf(&file, "%s/a/b/t", dir);
	assert_int_equal(mkdir(sub.ptr, 0777), 0);
	kg_cleanup_dir(sub.ptr);
	assert_int_equal(mkdir(deep.ptr, 0777), 0);
	kg_cleanup_dir(deep.ptr);
	S_touch(deep.ptr, "t");
	kg_cleanup_file(file.ptr);
	kg_cleanup_run();
	assert_false(S_exists(dir, "a"));
	kg_cleanup_forget(file.ptr);
	kg_cleanup_forget(deep.ptr);
	kg_cleanup_forget(sub.ptr);
	kg_buf_release(&sub);
	kg_buf_release(&deep);
	kg_buf_release(&file);
	S_rmrf(dir);
}

/* A forgotten path stays; a folder that still holds a file stays. */
static void test_forget_and_non_empty_folders_stay(void **state)
{
	char *dir = S_dir();
	kg_buf kept = KG_BUF_INIT;

	(void)state;
	S_touch(dir, "kept");
	kg_buf_printf(&kept, "%s/kept", dir);
	kg_cleanup_file(kept.ptr);
	kg_cleanup_forget(kept.ptr);
	kg_cleanup_dir(dir);
	kg_cleanup_run();
	assert_true(S_exists(dir, "kept"));
	kg_cleanup_forget(dir);
	kg_buf_release(&kept);
	S_rmrf(dir);
}

/* A registered tree goes with everything in it, however many entries
 * (more than one reading of the folder holds) and however deep; its
 * parent and a symbolic link's target stay. kg_remove_tree forgets it. */
static void test_tree_goes_whole(void **state)
{
	char *dir = S_dir(), *outside = S_dir();
	kg_buf tree = KG_BUF_INIT, p = KG_BUF_INIT;
	int i;

	(void)state;
	kg_buf_printf(&tree, "%s/tree", dir);
	assert_int_equal(mkdir(tree.ptr, 0777), 0);
	kg_cleanup_tree(tree.ptr);
	kg_buf_printf(&p, "%s/content", tree.ptr);
	assert_int_equal(mkdir(p.ptr, 0777), 0);
	kg_buf_puts(&p, "/topics");
	assert_int_equal(mkdir(p.ptr, 0777), 0);
	for (i = 0; i < 300; i++) {
		char name[64];

		snprintf(name, sizeof(name), "%03d-a-topic-with-a-longish-name.yaml", i);
		S_touch(p.ptr, name);
	}
	S_touch(outside, "keep");
	kg_buf_reset(&p);
	kg_buf_printf(&p, "%s/link", tree.ptr);
	assert_int_equal(symlink(outside, p.ptr), 0);
	kg_cleanup_run();
	assert_false(S_exists(dir, "tree"));
	assert_true(S_exists(dir, ""));
	assert_true(S_exists(outside, "keep"));
	/* once removed by kg_remove_tree, a new folder of that name stays */
	assert_int_equal(mkdir(tree.ptr, 0777), 0);
	kg_remove_tree(tree.ptr);
	assert_int_equal(mkdir(tree.ptr, 0777), 0);
	kg_cleanup_run();
	assert_true(S_exists(dir, "tree"));
	kg_buf_release(&tree);
	kg_buf_release(&p);
	S_rmrf(outside);
	S_rmrf(dir);
}

/* kg_out_begin removes what killed builds left, and nothing else; the
 * lock file goes with the set. */
static void test_begin_sweeps_leftovers_only(void **state)
{
	char *dir = S_dir();
	kg_out_set s = KG_OUT_SET_INIT;
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	S_touch(dir, ".kitgen-new.a.md.123.1");
	S_touch(dir, ".kitgen-old.a.md.123.1");
	S_touch(dir, "a.md");
	S_touch(dir, ".kitgen-notes");
	assert_int_equal(kg_out_begin(&s, dir, &d), 0);
	assert_false(S_exists(dir, ".kitgen-new.a.md.123.1"));
	assert_false(S_exists(dir, ".kitgen-old.a.md.123.1"));
	assert_true(S_exists(dir, "a.md"));
	assert_true(S_exists(dir, ".kitgen-notes"));
	assert_true(S_exists(dir, KG_OUT_LOCK_NAME));
	kg_out_abort(&s);
	assert_false(S_exists(dir, KG_OUT_LOCK_NAME));
	assert_true(S_exists(dir, "a.md"));
	kg_diags_free(&d);
	S_rmrf(dir);
}

/* A folder kg_out_begin made goes again when the set is aborted, and the
 * registry forgets it when the set is committed. */
static void test_begin_makes_the_folder(void **state)
{
	char *dir = S_dir();
	kg_buf out = KG_BUF_INIT, file = KG_BUF_INIT;
	kg_out_set s = KG_OUT_SET_INIT;
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	kg_buf_printf(&out, "%s/new/out", dir);
	kg_buf_printf(&file, "%s/new/out/x.md", dir);
	assert_int_equal(kg_out_begin(&s, out.ptr, &d), 0);
	assert_int_equal(kg_out_add(&s, file.ptr, "x", 1, &d), 0);
	kg_out_abort(&s);
	assert_false(S_exists(dir, "new"));

	assert_int_equal(kg_out_begin(&s, out.ptr, &d), 0);
	assert_int_equal(kg_out_add(&s, file.ptr, "x", 1, &d), 0);
	assert_int_equal(kg_out_commit(&s, &d), 0);
	kg_cleanup_run(); /* nothing of the committed set is registered */
	assert_true(S_exists(file.ptr, ""));
	assert_false(S_exists(out.ptr, KG_OUT_LOCK_NAME));
	kg_buf_release(&out);
	kg_buf_release(&file);
	kg_diags_free(&d);
	S_rmrf(dir);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_run_removes_files_then_empty_folders),
		cmocka_unit_test(test_forget_and_non_empty_folders_stay),
		cmocka_unit_test(test_tree_goes_whole),
		cmocka_unit_test(test_begin_sweeps_leftovers_only),
		cmocka_unit_test(test_begin_makes_the_folder),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
