/* test_file.c - unit tests of the one whole-file reader, kg_file_read: it
 * reads regular files whole, refuses every other kind of file before it
 * can block, and keeps to its size limit. */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "file.h"
#include "output.h"

static char S_dir[] = "/tmp/kitgen-test-file.XXXXXX";

static int S_setup(void **state)
{
	(void)state;
	return mkdtemp(S_dir) ? 0 : -1;
}

static int S_teardown(void **state)
{
	(void)state;
	kg_remove_tree(S_dir);
	return 0;
}

/* S_dir/name, in a static buffer. */
static const char *S_path(const char *name)
{
	static char path[256];

	snprintf(path, sizeof(path), "%s/%s", S_dir, name);
	return path;
}

static void S_write(const char *name, const char *text)
{
	FILE *f = fopen(S_path(name), "wb");

	assert_non_null(f);
	fputs(text, f);
	assert_int_equal(fclose(f), 0);
}

/* Read path with max; expect failure with exactly one diagnostic whose
 * message is msg, of I/O kind when io, and out left as it was. */
static void S_refused(const char *path, size_t max, const char *msg, int io)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;

	kg_buf_puts(&out, "kept");
	assert_int_equal(kg_file_read(path, max, &out, &d), -1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].msg, msg);
	assert_string_equal(d.items[0].file, path);
	assert_int_equal(d.io_errors, io ? 1 : 0);
	assert_string_equal(out.ptr, "kept");
	assert_int_equal(out.len, 4);
	kg_buf_release(&out);
	kg_diags_free(&d);
}

static void test_reads_a_regular_file_and_appends(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;

	(void)state;
	S_write("a.txt", "hello\n");
	kg_buf_puts(&out, ">");
	assert_int_equal(kg_file_read(S_path("a.txt"), 100, &out, &d), 0);
	assert_string_equal(out.ptr, ">hello\n");
	assert_int_equal(d.n, 0);
	kg_buf_release(&out);
}

static void test_reads_through_a_symlink(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	char target[256];

	(void)state;
	S_write("b.txt", "via link");
	snprintf(target, sizeof(target), "%s", S_path("b.txt"));
	assert_int_equal(symlink(target, S_path("b.link")), 0);
	assert_int_equal(kg_file_read(S_path("b.link"), 100, &out, &d), 0);
	assert_string_equal(out.ptr, "via link");
	kg_buf_release(&out);
}

static void test_an_empty_file_is_fine(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;

	(void)state;
	S_write("empty", "");
	assert_int_equal(kg_file_read(S_path("empty"), 100, &out, &d), 0);
	assert_int_equal(out.len, 0);
	assert_int_equal(d.n, 0);
	kg_buf_release(&out);
}

static void test_a_fifo_is_refused_at_once(void **state)
{
	time_t t0 = time(NULL);

	(void)state;
	assert_int_equal(mkfifo(S_path("fifo"), 0600), 0);
	S_refused(S_path("fifo"), 100, "is a FIFO, not a regular file", 1);
	assert_true(time(NULL) - t0 < 5);
	assert_string_equal(kg_file_unreadable(S_path("fifo")),
			    "is a FIFO, not a regular file");
}

static void test_a_device_is_refused(void **state)
{
	(void)state;
	S_refused("/dev/zero", 100, "is a character device, not a regular file", 1);
	S_refused("/dev/null", 100, "is a character device, not a regular file", 1);
}

static void test_a_folder_is_refused(void **state)
{
	(void)state;
	S_refused(S_dir, 100, "is a folder, not a file", 1);
}

static void test_a_missing_file_says_why(void **state)
{
	(void)state;
	S_refused(S_path("nowhere"), 100, "cannot open: No such file or directory", 1);
	assert_null(kg_file_unreadable(S_path("a.txt")));
}

static void test_over_the_limit_is_a_content_error(void **state)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	size_t size = (size_t)3 << 20;
	char *big = malloc(size + 1);

	(void)state;
	assert_non_null(big);
	memset(big, 'x', size);
	big[size] = '\0';
	S_write("big", big);
	free(big);
	S_refused(S_path("big"), (size_t)2 << 20,
		  "file is larger than the 2 MiB limit", 0);
	/* exactly at the limit is fine */
	assert_int_equal(kg_file_read(S_path("big"), size, &out, &d), 0);
	assert_int_equal(out.len, size);
	kg_buf_release(&out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_reads_a_regular_file_and_appends),
		cmocka_unit_test(test_reads_through_a_symlink),
		cmocka_unit_test(test_an_empty_file_is_fine),
		cmocka_unit_test(test_a_fifo_is_refused_at_once),
		cmocka_unit_test(test_a_device_is_refused),
		cmocka_unit_test(test_a_folder_is_refused),
		cmocka_unit_test(test_a_missing_file_says_why),
		cmocka_unit_test(test_over_the_limit_is_a_content_error),
	};

	return cmocka_run_group_tests(tests, S_setup, S_teardown);
}
