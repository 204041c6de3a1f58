/*
 * loopcli.c - what the card, score and calibrate commands share on the
 * command line: their options, loading the kit, printing diagnostics.
 */
#include "loop.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "build.h"
#include "datadir.h"
#include "cli.h"
#include "translatecli.h"

/* The kg_loop_opts flag of an option character; 0 for none. */
static unsigned S_flag(int c)
{
	switch (c) {
	case 'c': return KG_LOOP_CONTENT;
	case 'o': return KG_LOOP_OUT;
	case 'r': return KG_LOOP_ROUND;
	case 'a': return KG_LOOP_ANON;
	case 't': return KG_LOOP_TEMPLATES;
	case 'l': return KG_LOOP_LANGUAGE;
	default: return 0;
	}
}

int kg_loop_parse(const char *cmd, const char *usage, unsigned allowed,
		  int argc, char **argv, kg_loop_opts *o)
{
	static const struct option all[] = {
		{"content", required_argument, NULL, 'c'},
		{"out", required_argument, NULL, 'o'},
		{"round", required_argument, NULL, 'r'},
		{"anonymise", no_argument, NULL, 'a'},
		{"templates", required_argument, NULL, 't'},
		{"language", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int c;

	o->content = "content";
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":c:o:r:at:l:h", all, NULL)) != -1) {
		const char *name = argv[optind - 1];

		if (c == 'h') {
			fputs(usage, stdout);
			return -1;
		}
		if (c == ':')
			return kg_cli_usage_error(cmd, "option '%s' needs a value", name);
		if (!(allowed & S_flag(c)))
			return kg_cli_usage_error(cmd, "unknown option '%s'", name);
		if (optarg && !*optarg)
			return kg_cli_usage_error(cmd, "option '%s' has an empty value", name);
		switch (c) {
		case 'c': o->content = optarg; break;
		case 'o': o->out = optarg; break;
		case 'r': o->round = optarg; break;
		case 'a': o->anonymise = 1; break;
		case 't': o->templates = optarg; break;
		case 'l': o->language = optarg; break;
		}
	}
	return 0;
}

kg_kit *kg_loop_kit(const char *dir, kg_diags *d, int *rc)
{
	kg_kit *kit = kg_kit_load(dir, d);

	if (kit)
		kg_kit_check(kit, d);
	*rc = kg_cli_report(d);
	if (!kit && *rc == 0)
		*rc = 3;
	if (*rc) {
		kg_kit_free(kit);
		return NULL;
	}
	return kit;
}

void kg_loop_language(kg_kit *kit, const char *templates, const char *content,
		      const char *language, kg_diags *d)
{
	kg_diags quiet = KG_DIAGS_INIT;
	char *found = templates ? NULL : kg_default_templates(&quiet);

	kg_build_language(kit, templates ? templates : found, content,
			  language, d);
	free(found);
	kg_diags_free(&quiet);
}

/* The folder a file is in ("." for a bare name). The caller frees it. */
char *kg_dir_of(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (!slash)
		return kg_xstrdup(".");
	return slash == path ? kg_xstrdup("/")
			     : kg_xstrndup(path, (size_t)(slash - path));
}

int kg_loop_cards(const char *cmd, const char *usage, int argc, char **argv,
		  kg_loop_fn run)
{
	kg_loop_opts o = {0};
	kg_diags d = KG_DIAGS_INIT, kd = KG_DIAGS_INIT;
	kg_kit *kit;
	int rc = kg_loop_parse(cmd, usage, KG_LOOP_CONTENT | KG_LOOP_OUT |
			       KG_LOOP_ANON | KG_LOOP_TEMPLATES | KG_LOOP_LANGUAGE,
			       argc, argv, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind >= argc)
		return kg_cli_usage_error(cmd, "give the card files%s", "");
	if (o.language && (rc = kg_translate_lang_ok(cmd, o.content, o.language)))
		return rc;
	if (!(kit = kg_loop_kit(o.content, &kd, &rc))) {
		kg_diags_free(&kd);
		return rc;
	}
	/* the reports' words in the kit's language, or --language's with
	 * the translation's texts */
	kg_loop_language(kit, o.templates, o.content, o.language, &d);
	if (d.errors == 0)
		run(kit, argv + optind, (size_t)(argc - optind), &o, &d);
	rc = kg_cli_report(&d);
	kg_kit_free(kit);
	/* after the kit: its marks point into these (the translation's
	 * into d) */
	kg_diags_free(&d);
	kg_diags_free(&kd);
	return rc;
}
