/*
 * translatecli.c - `kitgen translate --status` and `--stamp` (translate.h
 * does the work; this is the command line).
 */
#include "translatecli.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "alloc.h"
#include "buf.h"
#include "cli.h"
#include "kit.h"
#include "printable.h"
#include "translate.h"

const char kg_translate_usage[] =
	"Usage: kitgen translate --status [--language LANG] [--format text|md]\n"
	"                        [--content DIR]\n"
	"       kitgen translate --stamp --language LANG [--content DIR] [ID...]\n"
	"\n"
	"Translations live in DIR/translations/LANG/ (content/README.md,\n"
	"\"Translations\"); each translated item records in 'from:' the digest of\n"
	"the source texts it was translated from. Every text of an item is\n"
	"translatable but names (publisher, licence), settings, code and\n"
	"references; loop.phases and signals, which have no ids, go by position.\n"
	"\n"
	"  --status            per language (or only LANG), the items that are\n"
	"                      stale (the source changed since), missing,\n"
	"                      incomplete, unstamped or orphaned (no source);\n"
	"                      --format md: a translator's to-do list by file,\n"
	"                      source and translation side by side\n"
	"  --stamp             write the 'from:' stamps of LANG's items that have\n"
	"                      none, or of the items ID... (the translation is\n"
	"                      current again); only 'from:' lines change\n"
	"  -l, --language LANG a folder of DIR/translations\n"
	"  -f, --format FMT    text (default) or md, for --status\n"
	"  -c, --content DIR   the content folder (default: content)\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: --status 0 nothing to do, 1 work to do; --stamp 0 done;\n"
	"1 content errors, 2 usage error, 3 I/O error.\n";

int kg_translate_lang_ok(const char *cmd, const char *dir, const char *lang)
{
	char **langs = kg_tr_langs(dir);
	kg_buf list = KG_BUF_INIT;
	size_t i;
	int found = 0;

	for (i = 0; langs[i]; i++) {
		found |= strcmp(langs[i], lang) == 0;
		kg_buf_printf(&list, "%s%s", i ? ", " : "", langs[i]);
	}
	if (!found)
		kg_fprintf_printable(stderr, "kitgen %s: no translation '%s' in "
			"%s/translations (%s%s)\nTry 'kitgen %s --help'.\n", cmd,
			lang, dir, i ? "present: " : "there is none",
			list.len ? list.ptr : "", cmd);
	kg_buf_release(&list);
	kg_tr_langs_free(langs);
	return found ? 0 : KG_EXIT_USAGE;
}

int kg_cmd_translate(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"content", required_argument, NULL, KG_OPT_CONTENT},
		{"language", required_argument, NULL, KG_OPT_LANGUAGE},
		{"format", required_argument, NULL, KG_OPT_FORMAT},
		{"status", no_argument, NULL, KG_OPT_STATUS},
		{"stamp", no_argument, NULL, KG_OPT_STAMP},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {.content = "content"};
	int rc;

	if ((rc = kg_cli_parse("translate", argc, argv, longopts, &o)))
		return rc < 0 ? 0 : rc;
	if (o.status == o.stamp)
		return kg_cli_usage_error("translate", "give one of --status "
					  "and --stamp%s", "");
	if (o.status && optind < argc)
		return kg_cli_usage_error("translate", "unexpected argument "
					  "'%s'", argv[optind]);
	if (o.stamp && !o.language)
		return kg_cli_usage_error("translate", "--stamp needs "
					  "--language%s", "");
	return kg_translate_run("translate", &o, argv + optind,
				(size_t)(argc - optind));
}

int kg_translate_run(const char *cmd, const kg_cli_opts *opts, char **ids,
		     size_t nids)
{
	kg_cli_opts o = *opts;
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	char **langs = NULL;
	size_t work = 0, i;
	int md = 0, rc = 0;
	kg_kit *kit;

	if (!o.content)
		o.content = "content";
	if (o.formats && strcasecmp(o.formats, "md") &&
	    strcasecmp(o.formats, "text"))
		return kg_cli_usage_error(cmd, "unknown format '%s' "
					  "(text or md)", o.formats);
	md = o.formats && strcasecmp(o.formats, "md") == 0;
	if (o.language && (rc = kg_translate_lang_ok(cmd, o.content,
						     o.language)))
		return rc;
	kit = kg_kit_load(o.content, &d);
	kg_kit_check(kit, &d);
	if (d.errors) {
		rc = kg_cli_report(&d);
		kg_kit_free(kit);
		kg_diags_free(&d);
		return rc;
	}
	if (o.language) {
		langs = kg_xcalloc(2, sizeof(*langs));
		langs[0] = kg_xstrdup(o.language);
	} else {
		langs = kg_tr_langs(o.content);
	}
	for (i = 0; langs && langs[i] && rc == 0; i++) {
		kg_tr *tr = kg_tr_load(kit, o.content, langs[i], &d);
		size_t done = 0;

		if (!tr)
			continue;
		if (o.status) {
			if (i)
				kg_buf_puts(&out, "\n");
			work += kg_tr_status(tr, md, &out);
		} else if (d.errors == 0 &&
			   kg_tr_stamp(tr, ids, nids, &done, &d) == 0) {
			kg_buf_printf(&out, "%s: wrote %zu stamp%s\n", langs[i],
				      done, kg_cli_s(done));
		}
		kg_tr_free(tr);
	}
	if (o.status && !o.language && (!langs || !langs[0]))
		kg_buf_printf(&out, "%s: no translations (in %s/translations)\n",
			      o.content, o.content);
	kg_tr_langs_free(langs);
	rc = d.errors ? kg_cli_report(&d) : 0;
	if (!d.errors && d.warnings && o.stamp)
		rc = kg_cli_report(&d);
	if (rc == 0 && out.len) {
		char *line = out.ptr, *nl;

		/* line by line: the printable check keeps a line feed only
		 * between lines */
		for (; (nl = strchr(line, '\n')); line = nl + 1) {
			*nl = '\0';
			kg_fprintf_printable(stdout, "%s\n", line);
		}
	}
	if (rc == 0 && o.status && work)
		rc = 1;
	kg_buf_release(&out);
	kg_kit_free(kit);
	kg_diags_free(&d);
	return rc;
}
