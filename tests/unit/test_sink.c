/* test_sink.c - unit tests of sink.c (a writer's bytes, drained into a file
 * a chunk at a time) and of output.c's streaming path (kg_out_open,
 * kg_out_close, kg_out_discard) */
#define _POSIX_C_SOURCE 200809L /* mkdtemp */

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cmocka.h>

#include "buf.h"
#include "diag.h"
#include "output.h"
#include "sink.h"

/* n bytes of a pattern that shows where a byte came from */
static void S_fill(kg_buf *b, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		kg_buf_putc(b, 'a' + (int)((b->len + i) % 26));
}

/* Everything f holds, from its start. */
static char *S_contents(FILE *f, size_t *len)
{
	kg_buf b = KG_BUF_INIT;
	char chunk[4096];
	size_t n;

	rewind(f);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		kg_buf_put(&b, chunk, n);
	return kg_buf_detach(&b, len);
}

static char *S_read(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	char *s;

	if (!f)
		return NULL;
	s = S_contents(f, len);
	fclose(f);
	return s;
}

static void test_no_file_keeps_everything(void **state)
{
	kg_sink s;

	(void)state;
	kg_sink_init(&s, NULL);
	S_fill(&s.buf, 3 * KG_SINK_CHUNK);
	kg_sink_drain(&s);
	assert_int_equal(s.buf.len, 3 * KG_SINK_CHUNK);
	assert_int_equal(kg_sink_tell(&s), 3 * KG_SINK_CHUNK);
	assert_int_equal(kg_sink_flush(&s), 0);
	assert_int_equal(s.buf.len, 3 * KG_SINK_CHUNK); /* still there */
	assert_int_equal(s.drained, 0);
	kg_sink_release(&s);
}

/* A limit: the file never gets more than it allows; the first drain past it
 * is an EFBIG error, and tell still counts every byte the writer gave. */
static void test_limit_stops_the_file(void **state)
{
	FILE *f = tmpfile();
	char *got;
	size_t len;
	kg_sink s;

	(void)state;
	kg_sink_init(&s, f);
	s.limit = KG_SINK_CHUNK + 10;
	S_fill(&s.buf, KG_SINK_CHUNK);
	kg_sink_drain(&s);
	assert_int_equal(s.error, 0); /* within the limit: written */
	S_fill(&s.buf, KG_SINK_CHUNK);
	kg_sink_drain(&s);
	assert_int_equal(s.error, EFBIG);
	S_fill(&s.buf, 5);
	assert_int_equal(kg_sink_flush(&s), -1);
	assert_int_equal(errno, EFBIG);
	assert_int_equal(kg_sink_tell(&s), 2 * KG_SINK_CHUNK + 5);
	got = S_contents(f, &len);
	assert_int_equal(len, KG_SINK_CHUNK); /* nothing past the limit */
	free(got);
	kg_sink_release(&s);
	fclose(f);
}

/* Exactly at the limit is within it. */
static void test_limit_is_inclusive(void **state)
{
	FILE *f = tmpfile();
	kg_sink s;

	(void)state;
	kg_sink_init(&s, f);
	s.limit = 100;
	S_fill(&s.buf, 100);
	assert_int_equal(kg_sink_flush(&s), 0);
	kg_sink_release(&s);
	fclose(f);
}

static void test_drain_waits_for_a_chunk(void **state)
{
	FILE *f = tmpfile();
	kg_buf all = KG_BUF_INIT;
	kg_sink s;
	char *got;
	size_t len;

	(void)state;
	assert_non_null(f);
	kg_sink_init(&s, f);
	S_fill(&s.buf, KG_SINK_CHUNK - 1);
	kg_sink_drain(&s); /* one byte short: nothing goes */
	assert_int_equal(s.drained, 0);
	assert_int_equal(s.buf.len, KG_SINK_CHUNK - 1);
	kg_buf_putc(&s.buf, '!');
	kg_buf_put(&all, s.buf.ptr, s.buf.len);
	kg_sink_drain(&s); /* a chunk: it all goes */
	assert_int_equal(s.drained, KG_SINK_CHUNK);
	assert_int_equal(s.buf.len, 0);
	assert_int_equal(kg_sink_tell(&s), KG_SINK_CHUNK);
	kg_buf_puts(&s.buf, "tail");
	kg_buf_puts(&all, "tail");
	assert_int_equal(kg_sink_tell(&s), KG_SINK_CHUNK + 4);
	assert_int_equal(kg_sink_flush(&s), 0);
	assert_int_equal(s.buf.len, 0);
	assert_int_equal(kg_sink_tell(&s), KG_SINK_CHUNK + 4);
	got = S_contents(f, &len);
	assert_int_equal(len, all.len);
	assert_memory_equal(got, all.ptr, len);
	free(got);
	kg_buf_release(&all);
	kg_sink_release(&s);
	fclose(f);
}

static void test_drain_keep_holds_back_the_tail(void **state)
{
	FILE *f = tmpfile();
	kg_sink s;
	char *got;
	size_t len;

	(void)state;
	assert_non_null(f);
	kg_sink_init(&s, f);
	S_fill(&s.buf, KG_SINK_CHUNK);
	kg_buf_puts(&s.buf, "\n\n  ");
	kg_sink_drain_keep(&s, 4);
	assert_int_equal(s.drained, KG_SINK_CHUNK);
	assert_string_equal(s.buf.ptr, "\n\n  "); /* the tail stays buffered */
	/* what is left to go after the tail is less than a chunk: nothing goes */
	S_fill(&s.buf, KG_SINK_CHUNK);
	kg_sink_drain_keep(&s, 5);
	assert_int_equal(s.drained, KG_SINK_CHUNK);
	kg_sink_drain_keep(&s, 2 * KG_SINK_CHUNK);
	assert_int_equal(s.drained, KG_SINK_CHUNK);
	assert_int_equal(kg_sink_tell(&s), 2 * KG_SINK_CHUNK + 4);
	assert_int_equal(kg_sink_flush(&s), 0);
	got = S_contents(f, &len);
	assert_int_equal(len, 2 * KG_SINK_CHUNK + 4);
	assert_memory_equal(got + KG_SINK_CHUNK, "\n\n  ", 4);
	free(got);
	kg_sink_release(&s);
	fclose(f);
}

/* /dev/full takes no byte: ENOSPC on the drain, kept, reported by flush;
 * what comes after is dropped, so memory stays bounded. */
static void test_write_error_is_kept_and_reported(void **state)
{
	FILE *f = fopen("/dev/full", "wb");
	kg_sink s;

	(void)state;
	if (!f)
		skip();
	kg_sink_init(&s, f);
	S_fill(&s.buf, KG_SINK_CHUNK);
	kg_sink_drain(&s);
	assert_int_equal(s.error, ENOSPC);
	assert_int_equal(s.buf.len, 0);
	S_fill(&s.buf, KG_SINK_CHUNK);
	kg_sink_drain(&s);
	assert_int_equal(s.buf.len, 0);
	assert_int_equal(kg_sink_tell(&s), 2 * KG_SINK_CHUNK);
	errno = 0;
	assert_int_equal(kg_sink_flush(&s), -1);
	assert_int_equal(errno, ENOSPC);
	kg_sink_release(&s);
	fclose(f);
}

/* A few bytes sit in stdio's buffer until the flush: its fflush fails. */
static void test_error_at_the_final_flush(void **state)
{
	FILE *f = fopen("/dev/full", "wb");
	kg_sink s;

	(void)state;
	if (!f)
		skip();
	kg_sink_init(&s, f);
	kg_buf_puts(&s.buf, "short");
	kg_sink_drain(&s);
	assert_int_equal(s.error, 0);
	errno = 0;
	assert_int_equal(kg_sink_flush(&s), -1);
	assert_int_equal(errno, ENOSPC);
	kg_sink_release(&s);
	fclose(f);
}

/* How many entries dir holds (its temporary files included). */
static int S_entries(const char *dir)
{
	kg_buf cmd = KG_BUF_INIT;
	FILE *p;
	int n = -1;

	kg_buf_printf(&cmd, "ls -A '%s' | wc -l", dir);
	p = popen(cmd.ptr, "r");
	if (p && fscanf(p, "%d", &n) != 1)
		n = -1;
	if (p)
		pclose(p);
	kg_buf_release(&cmd);
	return n;
}

static void test_out_open_streams_then_commit(void **state)
{
	char dir[] = "/tmp/kitgen-sink.XXXXXX";
	kg_buf path = KG_BUF_INIT, all = KG_BUF_INIT;
	kg_out_set set = KG_OUT_SET_INIT;
	kg_diags d = KG_DIAGS_INIT;
	struct stat st;
	kg_sink out;
	char *got;
	size_t len, i;

	(void)state;
	assert_non_null(mkdtemp(dir));
	kg_buf_printf(&path, "%s/panels/a.md", dir);
	assert_int_equal(kg_out_open(&set, path.ptr, &out, &d), 0);
	for (i = 0; i < 5; i++) { /* more than a chunk: drained on the way */
		S_fill(&out.buf, KG_SINK_CHUNK / 2 + 7);
		kg_buf_put(&all, out.buf.ptr + out.buf.len - (KG_SINK_CHUNK / 2 + 7),
			   KG_SINK_CHUNK / 2 + 7);
		kg_sink_drain(&out);
		assert_true(out.buf.len < KG_SINK_CHUNK);
	}
	assert_int_equal(kg_sink_tell(&out), all.len);
	assert_int_equal(kg_out_close(&set, &out, &d), 0);
	assert_int_equal(access(path.ptr, F_OK), -1); /* not before the commit */
	assert_int_equal(kg_out_commit(&set, &d), 0);
	got = S_read(path.ptr, &len);
	assert_non_null(got);
	assert_int_equal(len, all.len);
	assert_memory_equal(got, all.ptr, len);
	assert_int_equal(stat(path.ptr, &st), 0);
	assert_int_equal(st.st_mode & 0777, 0644);
	free(got);
	assert_int_equal(d.n, 0);
	kg_remove_tree(dir);
	kg_buf_release(&path);
	kg_buf_release(&all);
	kg_diags_free(&d);
}

/* A writer that failed: its temporary file goes, the rest of the set
 * stays, and the commit writes only the others. */
static void test_out_discard(void **state)
{
	char dir[] = "/tmp/kitgen-sink.XXXXXX";
	kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT;
	kg_out_set set = KG_OUT_SET_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_sink out;
	char *got;

	(void)state;
	assert_non_null(mkdtemp(dir));
	kg_buf_printf(&a, "%s/a.md", dir);
	kg_buf_printf(&b, "%s/b.md", dir);
	assert_int_equal(kg_out_add(&set, a.ptr, "a", 1, &d), 0);
	assert_int_equal(kg_out_open(&set, b.ptr, &out, &d), 0);
	kg_buf_puts(&out.buf, "half a file");
	kg_out_discard(&set, &out);
	assert_int_equal(S_entries(dir), 1); /* a's temporary file alone */
	assert_int_equal(kg_out_commit(&set, &d), 0);
	got = S_read(a.ptr, NULL);
	assert_string_equal(got, "a");
	free(got);
	assert_int_equal(access(b.ptr, F_OK), -1);
	kg_remove_tree(dir);
	kg_buf_release(&a);
	kg_buf_release(&b);
	kg_diags_free(&d);
}

/* A full disk (a file-size limit, as tests/cases uses): close reports it
 * with the target's name and leaves no temporary file. */
static void test_out_close_reports_a_full_disk(void **state)
{
	char dir[] = "/tmp/kitgen-sink.XXXXXX";
	kg_buf path = KG_BUF_INIT, want = KG_BUF_INIT;
	kg_out_set set = KG_OUT_SET_INIT;
	kg_diags d = KG_DIAGS_INIT;
	struct rlimit old, low;
	void (*was)(int);
	kg_sink out;
	int rc;

	(void)state;
	assert_non_null(mkdtemp(dir));
	kg_buf_printf(&path, "%s/kit.html", dir);
	assert_int_equal(kg_out_open(&set, path.ptr, &out, &d), 0);
	S_fill(&out.buf, 3 * KG_SINK_CHUNK);
	assert_int_equal(getrlimit(RLIMIT_FSIZE, &old), 0);
	low = old;
	low.rlim_cur = 4096;
	was = signal(SIGXFSZ, SIG_IGN);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &low), 0);
	kg_sink_drain(&out);
	rc = kg_out_close(&set, &out, &d);
	assert_int_equal(setrlimit(RLIMIT_FSIZE, &old), 0);
	signal(SIGXFSZ, was);
	assert_int_equal(rc, -1);
	assert_int_equal(d.io_errors, 1);
	assert_int_equal(d.n, 1);
	assert_string_equal(d.items[0].file, path.ptr);
	kg_buf_printf(&want, "cannot write file: %s", strerror(EFBIG));
	assert_string_equal(d.items[0].msg, want.ptr);
	assert_int_equal(S_entries(dir), 0);
	kg_out_abort(&set);
	assert_int_equal(access(path.ptr, F_OK), -1);
	kg_remove_tree(dir);
	kg_buf_release(&path);
	kg_buf_release(&want);
	kg_diags_free(&d);
}

/* An abort while a file is still open closes and removes it. */
static void test_out_abort_with_a_file_open(void **state)
{
	char dir[] = "/tmp/kitgen-sink.XXXXXX";
	kg_buf path = KG_BUF_INIT;
	kg_out_set set = KG_OUT_SET_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_sink out;

	(void)state;
	assert_non_null(mkdtemp(dir));
	kg_buf_printf(&path, "%s/new/kit.md", dir);
	assert_int_equal(kg_out_open(&set, path.ptr, &out, &d), 0);
	kg_buf_puts(&out.buf, "never written");
	kg_sink_release(&out);
	kg_out_abort(&set);
	assert_int_equal(S_entries(dir), 0); /* no file, and new/ went too */
	kg_remove_tree(dir);
	kg_buf_release(&path);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_no_file_keeps_everything),
		cmocka_unit_test(test_limit_stops_the_file),
		cmocka_unit_test(test_limit_is_inclusive),
		cmocka_unit_test(test_drain_waits_for_a_chunk),
		cmocka_unit_test(test_drain_keep_holds_back_the_tail),
		cmocka_unit_test(test_write_error_is_kept_and_reported),
		cmocka_unit_test(test_error_at_the_final_flush),
		cmocka_unit_test(test_out_open_streams_then_commit),
		cmocka_unit_test(test_out_discard),
		cmocka_unit_test(test_out_close_reports_a_full_disk),
		cmocka_unit_test(test_out_abort_with_a_file_open),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
