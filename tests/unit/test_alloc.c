/* test_alloc.c - out of memory on a helper thread (alloc.h: kg_oom_leave,
 * kg_oom_wait): the thread ends and says so; the process goes on. */
#define _POSIX_C_SOURCE 200809L

#include <pthread.h>
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cmocka.h>

#include "alloc.h"

static int S_after; /* the thread went on past kg_oom */

static void *S_helper(void *arg)
{
	kg_oom_leave(arg);
	kg_oom(12);
	S_after = 1; /* never: kg_oom does not return */
	return NULL;
}

/* A helper thread's kg_oom ends the thread, sets its flag, and leaves
 * the process running (a kg_oom that exited would end this test). */
static void test_helper_oom_ends_the_thread(void **state)
{
	pthread_t t;
	int flag = 0;

	(void)state;
	assert_int_equal(pthread_create(&t, NULL, S_helper, &flag), 0);
	assert_int_equal(pthread_join(t, NULL), 0);
	assert_int_equal(flag, 1);
	assert_int_equal(S_after, 0);
}

/* the wait hook, in a child: its own status shows it ran */
static void S_wait(void)
{
	_exit(7);
}

/* kg_oom on the main thread runs the wait hook before anything else
 * (here the hook ends the child with 7, so 3 would mean it never ran). */
static void test_main_oom_waits_first(void **state)
{
	pid_t pid;
	int st;

	(void)state;
	pid = fork();
	assert_true(pid >= 0);
	if (pid == 0) {
		kg_oom_wait(S_wait);
		kg_oom(1);
	}
	assert_int_equal(waitpid(pid, &st, 0), pid);
	assert_true(WIFEXITED(st));
	assert_int_equal(WEXITSTATUS(st), 7);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_helper_oom_ends_the_thread),
		cmocka_unit_test(test_main_oom_waits_first),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
