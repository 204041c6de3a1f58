/*
 * cli.h - what every command of kitgen's command line shares: the exit
 * statuses, the command table's entry, option parsing with getopt_long,
 * usage errors, and the report of diagnostics that ends a command.
 *
 * A command is a function run(argc, argv) (argv[0] is the command's name)
 * that returns its exit status and never exits; main.c holds the table.
 * Messages go to stderr, a command's output to stdout.
 */
#ifndef KG_CLI_H
#define KG_CLI_H

#include <getopt.h>
#include <stddef.h>

#include "diag.h"

/* Exit statuses: 0 success; 128+N stopped by signal N (cleanup.h). */
enum { KG_EXIT_CONTENT = 1, KG_EXIT_USAGE = 2, KG_EXIT_IO = 3 };

/* One entry of the command table. */
typedef struct kg_cli_cmd {
	const char *name;
	int (*run)(int argc, char **argv);
	const char *summary;
	const char *usage; /* the full --help text */
} kg_cli_cmd;

/* Run cmd with its arguments (argv[0] is its name): the command whose
 * usage kg_cli_parse prints for --help. Returns cmd's exit status. */
int kg_cli_run(const kg_cli_cmd *cmd, int argc, char **argv);

/* The options the commands share; a command's long options (getopt's
 * struct option, val one of KG_OPT_*) say which of them it takes. A
 * value is NULL when not given (set a default before kg_cli_parse). */
typedef struct kg_cli_opts {
	const char *content;
	const char *templates;
	const char *out;
	const char *formats;
	const char *data;
	const char *partials;
	const char *paper;
	const char *git;
	const char *edition;
	const char *role;
	int quiet;   /* -q: print nothing but diagnostics */
	int release; /* --release: init's placeholders are errors */
	const char *changes_since; /* --changes-since REV of build */
	int build;   /* --build: digest's build digest */
	const char *language; /* --language LANG: a translation (translate.h) */
	int status;  /* --status: translate's report */
	int stamp;   /* --stamp: translate writes from: stamps */
	int translations; /* diff --translations: translate --status */
} kg_cli_opts;

/* Letters are also the short options; other values are long-only. */
enum { KG_OPT_HELP = 'h', KG_OPT_CONTENT = 'c', KG_OPT_TEMPLATES = 't',
       KG_OPT_OUT = 'o', KG_OPT_FORMAT = 'f', KG_OPT_DATA = 'd',
       KG_OPT_PARTIALS = 'p', KG_OPT_PAPER = 256, KG_OPT_GIT = 257,
       KG_OPT_EDITION = 'e', KG_OPT_QUIET = 'q', KG_OPT_ROLE = 'r',
       KG_OPT_RELEASE = 258, KG_OPT_CHANGES = 259, KG_OPT_BUILD = 260,
       KG_OPT_LANGUAGE = 'l', KG_OPT_STATUS = 262, KG_OPT_STAMP = 263,
       KG_OPT_TRANSLATIONS = 264 };

/* Parse argv with the given long options (ending with a zeroed entry)
 * into o. Returns -1 after printing the running command's usage for
 * --help; KG_EXIT_USAGE after saying what is wrong (an unknown option, a
 * missing or empty value); 0 otherwise, with optind at the first
 * argument. */
int kg_cli_parse(const char *cmd, int argc, char **argv,
		 const struct option *longopts, kg_cli_opts *o);

/* "kitgen CMD: " fmt (with arg), a line pointing at CMD --help, on
 * stderr. Returns KG_EXIT_USAGE. */
int kg_cli_usage_error(const char *cmd, const char *fmt, const char *arg);

/* An empty path as the argument `what` is a usage error, like an empty
 * option value: "" is no folder and no file. Returns 0 or KG_EXIT_USAGE. */
int kg_cli_empty_arg(const char *cmd, const char *what, const char *arg);

/* How diagnostics print: with the source line and a caret, in colour on
 * a terminal unless NO_COLOR is set (diag.h's flags). */
unsigned kg_cli_diag_flags(void);

/* Print the diagnostics and a count of them; return the exit status they
 * mean (0, KG_EXIT_CONTENT, or KG_EXIT_IO after an I/O error). */
int kg_cli_report(const kg_diags *d);

/* --format LIST (comma-separated, any case; NULL: every format) as the
 * writers to run, NULL-terminated in out (room for max). Returns 0, or
 * KG_EXIT_USAGE after saying on stderr, as cmd, what is wrong (an empty
 * item, an unknown format with the ones there are). */
struct kg_writer;
int kg_cli_formats(const char *cmd, const char *list,
		   const struct kg_writer **out, size_t max);

/* "s" unless n is 1: "1 file", "2 files". */
const char *kg_cli_s(size_t n);

#endif
