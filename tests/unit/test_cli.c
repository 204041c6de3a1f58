/* test_cli.c - the command line's shared parsing (cli.h), as a table:
 * arguments, the status kg_cli_parse returns, and what it stored */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const struct option S_longopts[] = {
	{"content", required_argument, NULL, KG_OPT_CONTENT},
	{"paper", required_argument, NULL, KG_OPT_PAPER},
	{"quiet", no_argument, NULL, KG_OPT_QUIET},
	{"help", no_argument, NULL, KG_OPT_HELP},
	{NULL, 0, NULL, 0}};

static const struct {
	const char *args[4]; /* after the command's name; NULL-terminated */
	int status;
	const char *content, *paper; /* what was stored */
	int quiet, optind;
} S_cases[] = {
	{{NULL}, 0, "content", NULL, 0, 1},
	{{"-c", "kit", NULL}, 0, "kit", NULL, 0, 3},
	{{"--content=kit", "-q", NULL}, 0, "kit", NULL, 1, 3},
	{{"--paper", "letter", "extra", NULL}, 0, "content", "letter", 0, 3},
	{{"--content", "", NULL}, KG_EXIT_USAGE, NULL, NULL, 0, 0},
	{{"-c", NULL}, KG_EXIT_USAGE, NULL, NULL, 0, 0},
	{{"-x", NULL}, KG_EXIT_USAGE, NULL, NULL, 0, 0},
	{{"--nope", NULL}, KG_EXIT_USAGE, NULL, NULL, 0, 0},
	{{"-p", "a4", NULL}, KG_EXIT_USAGE, NULL, NULL, 0, 0}, /* long only */
	{{"--help", NULL}, -1, NULL, NULL, 0, 0},
};

/* The case being run. */
static size_t S_case;

/* The command: parse the case's arguments, check what was stored. */
static int S_parse(int argc, char **argv)
{
	kg_cli_opts o = {.content = "content"};
	size_t i = S_case;
	char *args[6] = {"test"};
	int n = 1, rc;

	(void)argc;
	(void)argv;
	while (n < 5 && S_cases[i].args[n - 1])
		args[n] = (char *)S_cases[i].args[n - 1], n++;
	rc = kg_cli_parse("test", n, args, S_longopts, &o);
	assert_int_equal(rc, S_cases[i].status);
	if (rc == 0) {
		assert_string_equal(o.content, S_cases[i].content);
		if (S_cases[i].paper)
			assert_string_equal(o.paper, S_cases[i].paper);
		else
			assert_null(o.paper);
		assert_int_equal(o.quiet, S_cases[i].quiet);
		assert_int_equal(optind, S_cases[i].optind);
	}
	return rc;
}

static void test_parse_table(void **state)
{
	static const kg_cli_cmd cmd = {"test", S_parse, "a test",
				       "Usage: kitgen test\n"};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(S_cases) / sizeof(S_cases[0]); i++) {
		print_message("case %zu\n", i);
		S_case = i;
		kg_cli_run(&cmd, 0, NULL);
	}
}

static void test_report_status(void **state)
{
	kg_diags d = KG_DIAGS_INIT;

	(void)state;
	assert_int_equal(kg_cli_report(&d), 0);
	kg_warning(&d, (kg_mark){"f", 1, 1}, "a warning");
	assert_int_equal(kg_cli_report(&d), 0);
	kg_error(&d, (kg_mark){"f", 1, 1}, "an error");
	assert_int_equal(kg_cli_report(&d), KG_EXIT_CONTENT);
	kg_io_error(&d, (kg_mark){"f", 0, 0}, "cannot read");
	assert_int_equal(kg_cli_report(&d), KG_EXIT_IO);
	kg_diags_free(&d);
	assert_int_equal(kg_cli_empty_arg("test", "DIR", "x"), 0);
	assert_int_equal(kg_cli_empty_arg("test", "DIR", ""), KG_EXIT_USAGE);
	assert_string_equal(kg_cli_s(1), "");
	assert_string_equal(kg_cli_s(2), "s");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_parse_table),
		cmocka_unit_test(test_report_status),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
