/*
 * cli.c - what the commands share: option parsing, usage errors, the
 * report of diagnostics, exit statuses.
 *
 * The command being run is remembered (kg_cli_run) so kg_cli_parse can
 * print its usage for --help; the command line runs one command.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "cli.h"
#include "printable.h"
#include "writer.h"

static const kg_cli_cmd *S_running;

int kg_cli_run(const kg_cli_cmd *cmd, int argc, char **argv)
{
	S_running = cmd;
	return cmd->run(argc, argv);
}

unsigned kg_cli_diag_flags(void)
{
	unsigned flags = KG_DIAG_SOURCE;
	const char *nc = getenv("NO_COLOR");

	if (isatty(STDERR_FILENO) && !(nc && *nc))
		flags |= KG_DIAG_COLOR;
	return flags;
}

const char *kg_cli_s(size_t n)
{
	return n == 1 ? "" : "s";
}

int kg_cli_report(const kg_diags *d)
{
	kg_diags_print(d, stderr, kg_cli_diag_flags());
	if (d->errors || d->warnings)
		fprintf(stderr, "%zu error%s, %zu warning%s\n", d->errors,
			kg_cli_s(d->errors), d->warnings, kg_cli_s(d->warnings));
	if (d->io_errors)
		return KG_EXIT_IO;
	return d->errors ? KG_EXIT_CONTENT : 0;
}

int kg_cli_usage_error(const char *cmd, const char *fmt, const char *arg)
{
	kg_buf msg = KG_BUF_INIT;

	/* one write: the command, the message and the hint, all escaped */
	kg_printable_printf(&msg, "kitgen %s: ", cmd);
	kg_printable_printf(&msg, fmt, arg);
	kg_printable_printf(&msg, "\nTry 'kitgen %s --help'.\n", cmd);
	fputs(msg.ptr, stderr);
	kg_buf_release(&msg);
	return KG_EXIT_USAGE;
}

int kg_cli_empty_arg(const char *cmd, const char *what, const char *arg)
{
	return *arg ? 0 : kg_cli_usage_error(cmd, "%s is an empty path", what);
}

/* An option's value that is empty selects nothing: no path, no format,
 * no edition. Every option with a value refuses it. */
static int S_empty_value(int c, const char *value)
{
	return c != ':' && c != '?' && value && !*value;
}

/* The option as given: "--name" when getopt_long matched a long option
 * (its index in li), else "-c". Static storage. */
static const char *S_option_name(const struct option *longopts, int li, int c)
{
	static char name[64];

	if (li >= 0)
		snprintf(name, sizeof(name), "--%s", longopts[li].name);
	else
		snprintf(name, sizeof(name), "-%c", c);
	return name;
}

/* getopt's short options: the long ones' values that are letters. */
static void S_shorts(const struct option *longopts, char *shorts, size_t size)
{
	size_t n = 1;
	const struct option *lo;

	shorts[0] = ':';
	for (lo = longopts; lo->name && n + 2 < size; lo++) {
		if (lo->val >= 'a' && lo->val <= 'z') {
			shorts[n++] = (char)lo->val;
			if (lo->has_arg == required_argument)
				shorts[n++] = ':';
		}
	}
	shorts[n] = '\0';
}

/* Store option c's value in o; 0, or 1 when c is none of the options. */
static int S_store(int c, const char *value, kg_cli_opts *o)
{
	switch (c) {
	case KG_OPT_CONTENT: o->content = value; break;
	case KG_OPT_TEMPLATES: o->templates = value; break;
	case KG_OPT_OUT: o->out = value; break;
	case KG_OPT_FORMAT: o->formats = value; break;
	case KG_OPT_DATA: o->data = value; break;
	case KG_OPT_PARTIALS: o->partials = value; break;
	case KG_OPT_PAPER: o->paper = value; break;
	case KG_OPT_GIT: o->git = value; break;
	case KG_OPT_EDITION: o->edition = value; break;
	case KG_OPT_QUIET: o->quiet = 1; break;
	case KG_OPT_RELEASE: o->release = 1; break;
	case KG_OPT_BUILD: o->build = 1; break;
	case KG_OPT_CHANGES: o->changes_since = optarg; break;
	case KG_OPT_ROLE: o->role = value; break;
	case KG_OPT_LANGUAGE: o->language = value; break;
	case KG_OPT_STATUS: o->status = 1; break;
	case KG_OPT_STAMP: o->stamp = 1; break;
	case KG_OPT_TRANSLATIONS: o->translations = 1; break;
	default: return 1;
	}
	return 0;
}

/* What getopt_long could not parse (c is '?' or ':'), as a usage error. */
static int S_bad_option(const char *cmd, int c, char **argv)
{
	if (c == ':')
		return kg_cli_usage_error(cmd, "option '%s' needs a value",
					  argv[optind - 1]);
	if (optopt && optopt != '?') {
		char opt[3] = {'-', (char)optopt, '\0'};
		return kg_cli_usage_error(cmd, "unknown option '%s'", opt);
	}
	return kg_cli_usage_error(cmd, "unknown option '%s'", argv[optind - 1]);
}

int kg_cli_parse(const char *cmd, int argc, char **argv,
		 const struct option *longopts, kg_cli_opts *o)
{
	char shorts[64];
	int c, li = -1;

	S_shorts(longopts, shorts, sizeof(shorts));
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, shorts, longopts, &li)) != -1) {
		if (S_empty_value(c, optarg))
			return kg_cli_usage_error(cmd, "option '%s' has an empty value",
						  S_option_name(longopts, li, c));
		li = -1;
		if (c == KG_OPT_HELP) {
			if (S_running)
				fputs(S_running->usage, stdout);
			return -1;
		}
		if (S_store(c, optarg, o))
			return S_bad_option(cmd, c, argv);
	}
	return 0;
}

/* ---- --format ---------------------------------------------------------- */

/* Whether a comma-separated list has an empty item: "", ",", "md,",
 * "md,,pdf". strtok_r would skip them, and "," would select nothing. */
static int S_empty_item(const char *list)
{
	size_t n = strlen(list);

	return n == 0 || list[0] == ',' || list[n - 1] == ',' ||
	       strstr(list, ",,") != NULL;
}

int kg_cli_formats(const char *cmd, const char *list, const kg_writer **out,
		   size_t max)
{
	size_t n = 0, i;
	char *copy, *tok, *save = NULL;
	int rc = 0;

	if (!list) {
		for (i = 0; kg_writers[i] && n + 1 < max; i++)
			out[n++] = kg_writers[i];
		out[n] = NULL;
		return 0;
	}
	if (S_empty_item(list)) {
		kg_fprintf_printable(stderr,
			"kitgen %s: --format '%s' names an empty format "
			"(give a comma-separated list: md, html, pdf)\n", cmd, list);
		return KG_EXIT_USAGE;
	}
	copy = kg_xstrdup(list);
	for (tok = strtok_r(copy, ",", &save); tok; tok = strtok_r(NULL, ",", &save)) {
		const kg_writer *w = NULL;

		for (i = 0; kg_writers[i]; i++)
			if (strcasecmp(kg_writers[i]->format->name, tok) == 0)
				w = kg_writers[i];
		if (!w) {
			kg_buf avail = KG_BUF_INIT;

			for (i = 0; kg_writers[i]; i++)
				kg_buf_printf(&avail, "%s%s", i ? ", " : "",
					      kg_writers[i]->format->name);
			kg_fprintf_printable(stderr,
				"kitgen %s: unknown format '%s' "
				"(available: %s)\n", cmd, tok, avail.ptr);
			kg_buf_release(&avail);
			rc = KG_EXIT_USAGE;
			break;
		}
		for (i = 0; i < n && out[i] != w; i++)
			;
		if (i == n && n + 1 < max)
			out[n++] = w;
	}
	out[n] = NULL;
	free(copy);
	return rc;
}
