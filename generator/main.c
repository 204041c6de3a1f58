/*
 * main.c - kitgen's command line: one function per subcommand, found in a
 * table. Only main exits; everything else returns a status. What the
 * commands share (options, usage errors, the report, exit statuses) is in
 * cli.h; the build pipeline behind `kitgen build` is build.c.
 */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <sys/stat.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "build.h"
#include "cleanup.h"
#include "cli.h"
#include "diag.h"
#include "diff.h"
#include "digest.h"
#include "edition.h"
#include "embedded.h"
#include "export.h"
#include "file.h"
#include "git.h"
#include "glyphcheck.h"
#include "init.h"
#include "kit.h"
#include "labels.h"
#include "datadir.h"
#include "leftovers.h"
#include "loop.h"
#include "node.h"
#include "output.h"
#include "paper.h"
#include "printable.h"
#include "schema_json.h"
#include "serve.h"
#include "template.h"
#include "translate.h"
#include "translatecli.h"
#include "writer.h"
#include "yaml_load.h"

#ifndef KG_VERSION
#define KG_VERSION "0.1.0"
#endif

/* Whether kitgen was started with standard output closed (S_std_fds). */
static int S_stdout_closed;
/* Why a write to standard output failed, when S_put_stdout saw it fail:
 * a write larger than stdio's buffer fails at once, and the reason is
 * gone by S_close_stdout's flush. */
static int S_stdout_errno;

/* Write a command's whole output, remembering why it failed if it did
 * (S_close_stdout says so, exit 3). */
static void S_put_stdout(const kg_buf *out)
{
	if (fwrite(out->ptr, 1, out->len, stdout) != out->len && !S_stdout_errno)
		S_stdout_errno = errno;
}

/* kit.yaml's paper: names a paper of the templates a build would find
 * (none found: nothing to check, the build will say so). */
static void S_check_paper(const kg_kit *kit, kg_diags *d)
{
	kg_diags quiet = KG_DIAGS_INIT;
	char *templates;

	if (!kit->paper)
		return;
	templates = kg_default_templates(&quiet);
	kg_diags_free(&quiet);
	if (templates)
		kg_paper_check_kit(templates, kit, d);
	free(templates);
}

/* Characters no installed font has, at their places: with the labels
 * of the kit's language, as a build would draw them (not kitgen's own
 * English: an English kit of only ASCII loads no font). */
static void S_check_glyphs(const kg_kit *kit, kg_diags *d)
{
	kg_diags quiet = KG_DIAGS_INIT;
	char *templates = kg_default_templates(&quiet);
	const char *lang = kit->language ? kg_text(kit->language) : "en";
	kg_labels *labels = NULL;

	if (templates && (kit->labels_node || strcasecmp(lang, "en") != 0))
		labels = kg_labels_load(templates, lang, kit->labels_node,
					&quiet);
	if (templates && quiet.errors == 0)
		kg_check_glyphs(kit, labels, templates, d);
	kg_labels_free(labels);
	free(templates);
	kg_diags_free(&quiet);
}

/* Load and check the kit; *kit is set even when there are errors. */
static void S_load(const char *dir, kg_kit **kit, kg_diags *d)
{
	*kit = kg_kit_load(dir, d);
	kg_kit_check(*kit, d);
	S_check_paper(*kit, d);
	kg_kit_leftovers(*kit, 0, d);
}

/* ---- check -------------------------------------------------------------- */

/* What S_kit_command does besides loading and checking, on a clean kit. */
enum {
	S_ADVISE = 1 << 0, /* check's: warn where a panel's fields are missing,
			      when the version needs a bump, about characters
			      no font has */
	S_LABELS = 1 << 1  /* list's: the kit's labels, for words it prints */
};

/* The shape of check, list and digest: parse the options, take no
 * arguments, load and check the kit, report, then (on a clean kit) act;
 * flags: the S_ADVISE and S_LABELS above. */
static int S_kit_command(const char *cmd, int argc, char **argv,
			 const struct option *longopts,
			 void (*act)(const kg_kit *kit, const kg_cli_opts *o),
			 unsigned flags)
{
	kg_cli_opts o = {.content = "content"};
	kg_diags d = KG_DIAGS_INIT;
	kg_kit *kit;
	int rc = kg_cli_parse(cmd, argc, argv, longopts, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind < argc)
		return kg_cli_usage_error(cmd, "unexpected argument '%s'", argv[optind]);
	S_load(o.content, &kit, &d);
	if ((flags & S_ADVISE) && d.errors == 0) {
		kg_kit_readiness(kit, &d);
		kg_git_version_warning(kit, &d);
		kg_tr_check_all(kit, &d);
		S_check_glyphs(kit, &d);
	}
	if ((flags & S_LABELS) && d.errors == 0)
		kg_loop_language(kit, NULL, o.content, NULL, &d);
	rc = kg_cli_report(&d);
	if (rc == 0)
		act(kit, &o);
	kg_kit_free(kit);
	kg_diags_free(&d);
	return rc;
}

static void S_check_summary(const kg_kit *kit, const kg_cli_opts *o)
{
	size_t questions = 0, i;

	if (o->quiet)
		return;
	for (i = 0; i < kit->ntopics; i++)
		questions += kit->topics[i].nquestions;
	kg_fprintf_printable(stdout,
		"%s: ok: %zu topic%s, %zu question%s, %zu scenario%s, "
		"%zu profile%s\n", o->content, kit->ntopics,
		kg_cli_s(kit->ntopics), questions, kg_cli_s(questions),
		kit->nscenarios, kg_cli_s(kit->nscenarios), kit->nprofiles,
		kg_cli_s(kit->nprofiles));
}

static int S_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"content", required_argument, NULL, KG_OPT_CONTENT},
		{"quiet", no_argument, NULL, KG_OPT_QUIET},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};

	return S_kit_command("check", argc, argv, longopts, S_check_summary,
			     S_ADVISE);
}

/* ---- build -------------------------------------------------------------- */

static int S_build(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"content", required_argument, NULL, KG_OPT_CONTENT},
		{"quiet", no_argument, NULL, KG_OPT_QUIET},
		{"templates", required_argument, NULL, KG_OPT_TEMPLATES},
		{"out", required_argument, NULL, KG_OPT_OUT},
		{"format", required_argument, NULL, KG_OPT_FORMAT},
		{"paper", required_argument, NULL, KG_OPT_PAPER},
		{"edition", required_argument, NULL, KG_OPT_EDITION},
		{"release", no_argument, NULL, KG_OPT_RELEASE},
		{"changes-since", required_argument, NULL, KG_OPT_CHANGES},
		{"language", required_argument, NULL, KG_OPT_LANGUAGE},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {.content = "content", .out = "output"};
	const kg_writer *writers[16];
	kg_build_opts bo;
	kg_buf out = KG_BUF_INIT;
	int rc;

	if ((rc = kg_cli_parse("build", argc, argv, longopts, &o)))
		return rc < 0 ? 0 : rc;
	if (optind < argc)
		return kg_cli_usage_error("build", "unexpected argument '%s'",
					  argv[optind]);
	if ((rc = kg_cli_formats("build", o.formats, writers, 16)))
		return rc;
	if (o.language) {
		/* a language's editions go to OUT/LANG */
		if ((rc = kg_translate_lang_ok("build", o.content, o.language)))
			return rc;
		kg_buf_printf(&out, "%s/%s", o.out, o.language);
		o.out = out.ptr;
	}
	bo = (kg_build_opts){o.content, o.templates, o.out, o.paper, o.edition,
			     writers, o.quiet, o.release, o.changes_since,
			     o.language};
	rc = kg_build(&bo);
	kg_buf_release(&out);
	return rc;
}

/* ---- list --------------------------------------------------------------- */

/* Every edition, who it is for and its files; a packet's parts (edition.h)
 * a line each under it, by their short title, their files named as the
 * id is, in every format. */
static void S_list_editions(const kg_kit *kit, const kg_cli_opts *o)
{
	kg_editions eds = kg_editions_of(kit);
	size_t e, w;
	int width = 0;

	(void)o;
	for (e = 0; e < eds.n; e++)
		if ((int)strlen(eds.items[e].id) > width)
			width = (int)strlen(eds.items[e].id);
	for (e = 0; e < eds.n; e++) {
		const kg_edition *ed = &eds.items[e];

		/* a part is marked as its packet is: its line says only what
		 * it is within the packet, and for whom */
		if (KG_EDITION_IS_PART(ed)) {
			kg_fprintf_printable(stdout, "%-*s    %s (%s)\n", width,
				ed->id, ed->part_title, ed->audience);
			continue;
		}
		kg_fprintf_printable(stdout, "%-*s  %s (%s)%s%s%s\n%-*s ", width,
			ed->id, ed->title, ed->audience,
			ed->marking ? " [" : "",
			ed->marking ? ed->marking : "",
			ed->marking ? "]" : "", width, "");
		for (w = 0; kg_writers[w]; w++)
			kg_fprintf_printable(stdout, " %s%s", ed->id,
				kg_writers[w]->format->extension);
		putchar('\n');
	}
	kg_editions_free(&eds);
}

static int S_list(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"content", required_argument, NULL, KG_OPT_CONTENT},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};

	return S_kit_command("list", argc, argv, longopts, S_list_editions,
			     S_LABELS);
}

/* ---- digest ------------------------------------------------------------- */

static void S_print_digest(const kg_kit *kit, const kg_cli_opts *o)
{
	char hex[KG_DIGEST_HEX];

	(void)o;
	kg_kit_digest(kit, hex);
	printf("%s\n", hex);
}

/* `digest --build`: the kit loaded and checked as a build would, with
 * its templates and paper, then the digest its outputs would carry. */
static int S_print_build_digest(const kg_cli_opts *o, const char *templates)
{
	kg_diags d = KG_DIAGS_INIT;
	char hex[KG_DIGEST_HEX];
	kg_kit *kit;
	int rc = kg_paper_check_given("digest", templates, o->paper, &d);

	if (rc) {
		rc = rc < 0 ? kg_cli_report(&d) : rc;
		kg_diags_free(&d);
		return rc;
	}
	kit = kg_kit_load(o->content, &d);
	kg_kit_check(kit, &d);
	kg_paper_check_kit(templates, kit, &d);
	kg_kit_leftovers(kit, 0, &d);
	if (d.errors == 0)
		kg_build_digest_of(kit, templates, o->paper, hex, &d);
	rc = kg_cli_report(&d);
	if (rc == 0)
		printf("%s\n", hex);
	kg_kit_free(kit);
	kg_diags_free(&d);
	return rc;
}

static int S_digest(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"content", required_argument, NULL, KG_OPT_CONTENT},
		{"build", no_argument, NULL, KG_OPT_BUILD},
		{"templates", required_argument, NULL, KG_OPT_TEMPLATES},
		{"paper", required_argument, NULL, KG_OPT_PAPER},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {.content = "content"};
	kg_diags d = KG_DIAGS_INIT;
	char *found = NULL;
	int rc = kg_cli_parse("digest", argc, argv, longopts, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (!o.build)
		return o.templates || o.paper
		       ? kg_cli_usage_error("digest", "%s", "--templates and "
					    "--paper go with --build")
		       : S_kit_command("digest", argc, argv, longopts,
				       S_print_digest, 0);
	if (optind < argc)
		return kg_cli_usage_error("digest", "unexpected argument '%s'",
					  argv[optind]);
	if (!o.templates && !(o.templates = found = kg_default_templates(&d)))
		rc = kg_cli_report(&d);
	else
		rc = S_print_build_digest(&o, o.templates);
	free(found);
	kg_diags_free(&d);
	return rc;
}

/* ---- export ------------------------------------------------------------- */

/* The packet edition called name, or NULL after saying there is none:
 * the nearest packet's id, if one is close, and `kitgen list`. */
static const kg_edition *S_export_edition(const kg_editions *eds,
					  const char *name)
{
	const kg_edition *ed = kg_editions_find(eds, name);
	const kg_edition *near;

	if (ed && ed->kind == KG_EDITION_PACKET)
		return ed;
	near = ed ? NULL : kg_editions_closest(eds, name, 1);
	kg_fprintf_printable(stderr,
		"kitgen export: %s '%s' (%s%s%s'kitgen list')\n",
		!ed ? "no panel packet"
		: ed->kind == KG_EDITION_PUBLIC
			? "the published kit has no loop plan: name a panel packet, not"
		: KG_EDITION_IS_PART(ed)
			? "a packet's part is exported with its packet: name the "
			  "panel packet, not"
			: "a candidate's guide has no scorecards: name a panel "
			  "packet, not", name,
		near ? "did you mean '" : "see ",
		near ? strrchr(near->id, '/') + 1 : "", near ? "'? see " : "");
	return NULL;
}

/* Export the checked kit (only the edition named, unless NULL) to
 * standard output or o->out. */
static int S_export_kit(const kg_kit *kit, const char *name,
			kg_export_format format, const kg_cli_opts *o)
{
	kg_editions eds = kg_editions_of(kit);
	const kg_edition *only = NULL;
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	int rc = 0;

	if (name && !(only = S_export_edition(&eds, name))) {
		rc = KG_EXIT_USAGE;
	} else if (kg_export(kit, &eds, only, format, &out, &d) == 0) {
		if (o->out)
			kg_write_atomic(o->out, out.ptr, out.len, &d);
		else
			S_put_stdout(&out);
	}
	if (rc == 0)
		rc = kg_cli_report(&d);
	kg_buf_release(&out);
	kg_editions_free(&eds);
	kg_diags_free(&d);
	return rc;
}

static int S_export(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"content", required_argument, NULL, KG_OPT_CONTENT},
		{"format", required_argument, NULL, KG_OPT_FORMAT},
		{"out", required_argument, NULL, KG_OPT_OUT},
		{"language", required_argument, NULL, KG_OPT_LANGUAGE},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {.content = "content", .formats = "json"};
	kg_export_format format = KG_EXPORT_JSON;
	kg_diags d = KG_DIAGS_INIT;
	const char *name = NULL;
	kg_kit *kit;
	int rc = kg_cli_parse("export", argc, argv, longopts, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (strcasecmp(o.formats, "csv") == 0)
		format = KG_EXPORT_CSV;
	else if (strcasecmp(o.formats, "json") != 0)
		return kg_cli_usage_error("export", "unknown format '%s' (json "
					  "or csv)", o.formats);
	if (optind + 1 < argc)
		return kg_cli_usage_error("export", "unexpected argument '%s'",
					  argv[optind + 1]);
	if (optind < argc && (rc = kg_cli_empty_arg("export", "EDITION",
						    name = argv[optind])))
		return rc;
	if (o.language && (rc = kg_translate_lang_ok("export", o.content,
						     o.language)))
		return rc;
	S_load(o.content, &kit, &d);
	/* with --language, the translation's texts and the language's
	 * words, as `build --language` writes the packets */
	if (d.errors == 0 && o.language) {
		kg_diags quiet = KG_DIAGS_INIT;
		char *found = kg_default_templates(&quiet);

		kg_build_language(kit, found, o.content, o.language, &d);
		free(found);
		kg_diags_free(&quiet);
	}
	rc = kg_cli_report(&d);
	if (rc == 0)
		rc = S_export_kit(kit, name, format, &o);
	kg_kit_free(kit);
	kg_diags_free(&d);
	return rc;
}

/* ---- diff --------------------------------------------------------------- */

/* Load and check one side of a diff; problems are reported and mean 2. */
static kg_kit *S_diff_side(const char *dir, kg_diags *d)
{
	kg_kit *kit;

	S_load(dir, &kit, d);
	if (d->errors) {
		kg_kit_free(kit);
		return NULL;
	}
	return kit;
}

static int S_diff(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"format", required_argument, NULL, KG_OPT_FORMAT},
		{"git", required_argument, NULL, KG_OPT_GIT},
		{"content", required_argument, NULL, KG_OPT_CONTENT},
		{"translations", no_argument, NULL, KG_OPT_TRANSLATIONS},
		{"language", required_argument, NULL, KG_OPT_LANGUAGE},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {.formats = "text"};
	kg_diags d = KG_DIAGS_INIT;
	kg_changes changes = {NULL, 0, 0};
	kg_kit *old = NULL, *new_kit = NULL;
	kg_buf out = KG_BUF_INIT, tmp = KG_BUF_INIT, tmp2 = KG_BUF_INIT;
	const char *old_dir, *new_dir, *new_rev = NULL;
	struct stat st;
	int rc = kg_cli_parse("diff", argc, argv, longopts, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (strcasecmp(o.formats, "text") != 0 && strcasecmp(o.formats, "md") != 0)
		return kg_cli_usage_error("diff", "unknown format '%s' (text or md)",
				     o.formats);
	/* --translations: each translation against the source, as
	 * `translate --status` reports it */
	if (o.translations || o.language) {
		if (!o.translations)
			return kg_cli_usage_error("diff", "%s", "--language goes "
						  "with --translations");
		if (o.git || optind < argc)
			return kg_cli_usage_error("diff", "%s", "--translations "
				"takes no folder or revision: --content DIR");
		o.status = 1;
		return kg_translate_run("diff", &o, NULL, 0);
	}
	if (argc - optind != (o.git ? 1 : 2))
		return kg_cli_usage_error("diff", "%s", o.git ?
				     "give one folder or revision with --git REV" :
				     "give two content folders, OLD and NEW");
	if (o.content && !o.git)
		return kg_cli_usage_error("diff", "%s", "--content goes with --git REV REV");
	new_dir = argv[argc - 1];
	old_dir = o.git ? NULL : argv[optind];
	if ((old_dir && (rc = kg_cli_empty_arg("diff", "OLD", old_dir))) ||
	    (rc = kg_cli_empty_arg("diff", "NEW", new_dir)))
		return rc;
	/* --git A B: B is a revision when it is no folder; the content is
	 * --content's folder (default: content) at each */
	if (o.git && (o.content || stat(new_dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
		new_rev = new_dir;
		new_dir = o.content ? o.content : "content";
	}
	if (o.git && kg_git_export_temp(new_dir, o.git, &tmp, &d) == 0)
		old_dir = tmp.ptr;
	if (new_rev && old_dir)
		new_dir = kg_git_export_temp(new_dir, new_rev, &tmp2, &d) == 0 ? tmp2.ptr : NULL;
	if (old_dir && new_dir && (old = S_diff_side(old_dir, &d)) &&
	    (new_kit = S_diff_side(new_dir, &d))) {
		kg_kit_diff(old, new_kit, &changes);
		if (strcasecmp(o.formats, "md") == 0)
			kg_changes_markdown(&changes, old, new_kit, &out);
		else
			kg_changes_text(&changes, &out);
		S_put_stdout(&out);
	}
	/* like diff(1): 0 same, 1 different, 2 trouble */
	rc = d.errors ? (kg_cli_report(&d), KG_EXIT_USAGE) : changes.n ? 1 : 0;
	if (tmp.len)
		kg_remove_tree(tmp.ptr);
	if (tmp2.len)
		kg_remove_tree(tmp2.ptr);
	kg_changes_free(&changes);
	kg_kit_free(old);
	kg_kit_free(new_kit);
	kg_buf_release(&out);
	kg_buf_release(&tmp);
	kg_buf_release(&tmp2);
	kg_diags_free(&d);
	return rc;
}

/* ---- render ------------------------------------------------------------- */

static int S_render(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"data", required_argument, NULL, KG_OPT_DATA},
		{"partials", required_argument, NULL, KG_OPT_PARTIALS},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {0};
	kg_diags d = KG_DIAGS_INIT;
	kg_buf src = KG_BUF_INIT, out = KG_BUF_INIT;
	kg_template_opts topts = {NULL, NULL, NULL, true,
				  "no folder of partials was given: pass -p/--partials DIR"};
	kg_partial_dir pd = {NULL, &d};
	kg_node *data = NULL;
	const char *tpl;
	int rc = kg_cli_parse("render", argc, argv, longopts, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind >= argc)
		return kg_cli_usage_error("render", "%s", "missing TEMPLATE");
	if (optind + 1 < argc)
		return kg_cli_usage_error("render", "unexpected argument '%s'",
				     argv[optind + 1]);
	if (!o.data)
		return kg_cli_usage_error("render", "%s", "missing --data FILE.yaml");
	tpl = argv[optind];
	if ((rc = kg_cli_empty_arg("render", "TEMPLATE", tpl)))
		return rc;
	if (o.partials) {
		topts.partial_hint = NULL;
		topts.partial = kg_template_partial_from_dir;
		pd.dir = o.partials;
		topts.partial_ctx = &pd;
	}
	data = kg_node_load_data_file(o.data, &d);
	if (data && kg_file_read(tpl, KG_TEMPLATE_MAX_FILE, &src, &d) == 0 &&
	    kg_template_render(tpl, src.ptr, src.len, data, &topts, &out, &d) == 0)
		S_put_stdout(&out);
	rc = kg_cli_report(&d);
	kg_node_free(data);
	kg_buf_release(&src);
	kg_buf_release(&out);
	kg_diags_free(&d);
	return rc;
}

/* ---- labels ------------------------------------------------------------- */

/* kitgen labels [LANG]: every label with its text in LANG, as YAML. The
 * templates folder's labels/ files count when there is one (./templates,
 * --templates, else the installed), else the built-in ones. */
static int S_labels(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"templates", required_argument, NULL, KG_OPT_TEMPLATES},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {0};
	kg_diags d = KG_DIAGS_INIT, quiet = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	kg_labels *labels;
	const char *lang = "en";
	char *found = NULL;
	int rc = kg_cli_parse("labels", argc, argv, longopts, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind < argc)
		lang = argv[optind++];
	if (optind < argc)
		return kg_cli_usage_error("labels", "unexpected argument '%s'",
					  argv[optind]);
	if ((rc = kg_cli_empty_arg("labels", "LANG", lang)))
		return rc;
	if (!kg_lang_valid(lang))
		return kg_cli_usage_error("labels", "'%s' is not a BCP 47 "
					  "language tag (such as 'de', 'de-CH' "
					  "or 'ar')", lang);
	/* no templates folder: the built-in tables alone */
	if (!o.templates)
		o.templates = found = kg_default_templates(&quiet);
	labels = kg_labels_load(o.templates, lang, NULL, &d);
	/* only errors: a language without a file is what this is for */
	if (d.errors == 0) {
		kg_labels_print(labels, &out);
		S_put_stdout(&out);
	} else {
		rc = kg_cli_report(&d);
	}
	kg_labels_free(labels);
	kg_buf_release(&out);
	kg_diags_free(&d);
	kg_diags_free(&quiet);
	free(found);
	return rc;
}

/* ---- init --------------------------------------------------------------- */

static int S_init(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"role", required_argument, NULL, KG_OPT_ROLE},
		{"quiet", no_argument, NULL, KG_OPT_QUIET},
		{"help", no_argument, NULL, KG_OPT_HELP},
		{NULL, 0, NULL, 0}};
	kg_cli_opts o = {.role = KG_INIT_ROLE};
	kg_diags d = KG_DIAGS_INIT;
	const kg_embedded_file *f;
	const char *dir, *why;
	int rc = kg_cli_parse("init", argc, argv, longopts, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind >= argc)
		return kg_cli_usage_error("init", "%s", "missing DIR");
	if (optind + 1 < argc)
		return kg_cli_usage_error("init", "unexpected argument '%s'",
				     argv[optind + 1]);
	dir = argv[optind];
	if ((rc = kg_cli_empty_arg("init", "DIR", dir)))
		return rc;
	if ((why = kg_init_bad_role(o.role)))
		return kg_cli_usage_error("init", "bad --role: %s", why);
	if ((why = kg_init_bad_dir(dir))) {
		kg_fprintf_printable(stderr,
			"kitgen init: cannot write a kit into '%s': %s\n",
			dir, why);
		return KG_EXIT_USAGE;
	}
	kg_init_write(dir, o.role, &d);
	rc = kg_cli_report(&d);
	if (rc == 0 && !o.quiet) {
		for (f = kg_embedded; f->path; f++)
			kg_fprintf_printable(stdout,
				"wrote %s/%s\n", dir, f->path);
		kg_fprintf_printable(stdout,
			"next: cd %s && kitgen build\n", dir);
	}
	kg_diags_free(&d);
	return rc;
}

/* ---- the table ------------------------------------------------------------ */

static const kg_cli_cmd S_cmds[] = {
	{"check", S_check, "load and validate the content",
	 "Usage: kitgen check [--content DIR]\n"
	 "\n"
	 "Load the kit in DIR (default: content) and check it against the\n"
	 "content model (content/README.md). Every problem is printed as\n"
	 "FILE:LINE:COL: error: MESSAGE, with the source line and a caret.\n"
	 "Each translation in DIR/translations is checked too: structure in it\n"
	 "is an error; a stale, unstamped or orphaned item a warning.\n"
	 "\n"
	 "  -c, --content DIR   the content folder (default: content)\n"
	 "  -q, --quiet         print nothing but errors and warnings\n"
	 "  -h, --help          show this help\n"
	 "\n"
	 "Exit status: 0 clean, 1 content errors, 2 usage error, 3 I/O error.\n"},
	{"build", S_build, "check, then write every edition",
	 "Usage: kitgen build [--content DIR] [--templates DIR] [--out DIR]\n"
	 "                    [--edition ID] [--format LIST] [--paper SIZE]\n"
	 "                    [--release] [--changes-since REV]\n"
	 "                    [--language LANG]\n"
	 "\n"
	 "Check the kit, then write every edition (see 'kitgen list') in every\n"
	 "format. A kit with any error writes nothing. The output folder changes\n"
	 "all at once or not at all: after a failure, out of memory, SIGINT,\n"
	 "SIGTERM or SIGHUP it holds exactly the files it held before, and no\n"
	 "temporary file. A build locks the folder; a second one waits. A build\n"
	 "writes at most 128 MiB in all (less with KITGEN_MAX_OUTPUT=BYTES); one\n"
	 "that would write more writes nothing.\n"
	 "\n"
	 "  -c, --content DIR     the content folder (default: content)\n"
	 "  -t, --templates DIR   the templates folder (default: ./templates when\n"
	 "                        it exists, else the installed ones)\n"
	 "  -o, --out DIR         where to write (default: output)\n"
	 "  -e, --edition ID      build only this edition (see 'kitgen list')\n"
	 "  -f, --format LIST     comma-separated formats (default: all): md, html,\n"
	 "                        pdf; an empty item is a usage error\n"
	 "      --paper SIZE      page size of paged formats: a paper the PDF style\n"
	 "                        lists, a4 or letter unless you add one (default:\n"
	 "                        kit.yaml's paper, else the style's first, a4);\n"
	 "                        any case\n"
	 "      --release         refuse a kit that still holds a placeholder\n"
	 "                        'kitgen init' wrote ('(replace me)'): errors,\n"
	 "                        not warnings\n"
	 "      --changes-since REV\n"
	 "                        add \"What changed since VERSION\" to the\n"
	 "                        published kit, after its contents: the content\n"
	 "                        folder at git revision REV (a tag) against\n"
	 "                        this one, as 'kitgen diff --git REV' compares\n"
	 "                        them\n"
	 "  -l, --language LANG   build from the translation in\n"
	 "                        DIR/translations/LANG into OUT/LANG; each text\n"
	 "                        it lacks falls back to the source, marked\n"
	 "                        '[untranslated]' and listed on stderr\n"
	 "  -q, --quiet           print nothing but errors and warnings (no list\n"
	 "                        of files, no summary)\n"
	 "  -h, --help            show this help\n"
	 "\n"
	 "Exit status: 0 built, 1 content errors, 2 usage error, 3 I/O error or\n"
	 "out of memory, 128+N stopped by signal N.\n"},
	{"list", S_list, "list the editions a build writes",
	 "Usage: kitgen list [--content DIR]\n"
	 "\n"
	 "Print each edition a build writes: its id, title, who it is for and,\n"
	 "in brackets, how its pages are marked, then its files (relative to\n"
	 "the output folder). The editions are the published kit (for hiring\n"
	 "teams and recruiters: it holds every answer key, not for candidates),\n"
	 "and for every profile and level kit.yaml declares a panel packet\n"
	 "(confidential interviewer material) and a candidate's guide (safe to\n"
	 "send).\n"
	 "\n"
	 "  -c, --content DIR   the content folder (default: content)\n"
	 "  -h, --help          show this help\n"},
	{"digest", S_digest, "print the content digest or the build digest",
	 "Usage: kitgen digest [--content DIR]\n"
	 "       kitgen digest --build [--content DIR] [--templates DIR] [--paper P]\n"
	 "\n"
	 "Print the SHA-256 digest of the kit's content: it changes when any\n"
	 "value changes, and not when the YAML is only reformatted.\n"
	 "\n"
	 "With --build, print the build digest instead: over the content\n"
	 "digest, every file of the templates folder a build reads (the page\n"
	 "shells, their partials and the PDF style, by their paths relative to\n"
	 "the folder), the paper and kitgen's version. Outputs of the same\n"
	 "content with another style, template, paper or kitgen carry another\n"
	 "one; the same inputs give the same one from any folder. Every output\n"
	 "shows both digests: the PDF on its cover and in its document\n"
	 "information, the HTML and the index page at the top, the Markdown in\n"
	 "its header.\n"
	 "\n"
	 "  -c, --content DIR     the content folder (default: content)\n"
	 "      --build           print the build digest\n"
	 "  -t, --templates DIR   with --build: the templates folder (default: as\n"
	 "                        kitgen build finds it)\n"
	 "      --paper SIZE      with --build: the paper, as kitgen build takes it\n"
	 "                        (default: kit.yaml's paper, else the style's\n"
	 "                        first)\n"
	 "  -h, --help            show this help\n"
	 "\n"
	 "Exit status: 0 printed, 1 content errors, 2 usage error, 3 I/O error.\n"
	 "\n"
	 "Example: kitgen digest --build --paper letter\n"},
	{"diff", S_diff, "what changed between two versions of the content",
	 "Usage: kitgen diff [--format text|md] OLD NEW\n"
	 "       kitgen diff [--format text|md] --git REV NEW\n"
	 "       kitgen diff [--format text|md] --git REV REV2 [--content DIR]\n"
	 "       kitgen diff --translations [--language LANG] [--format text|md]\n"
	 "                   [--content DIR]\n"
	 "\n"
	 "Compare two content folders by id: topics, questions, rubric bands,\n"
	 "red flags, scenarios, levels, areas, profiles and weights added,\n"
	 "removed, changed or reordered: a change exactly when the digests\n"
	 "differ. File names do not matter, except that topics come in\n"
	 "file-name order. With --git REV, OLD is the folder NEW as it was at\n"
	 "git revision REV (a tag, a commit). With --git REV REV2 (REV2 is no\n"
	 "folder), both sides come from git: the content folder (--content,\n"
	 "default: content) at REV and at REV2, neither of which need be\n"
	 "checked out.\n"
	 "\n"
	 "  -f, --format FMT   text (default: one line per change) or md (a\n"
	 "                     Markdown changelog)\n"
	 "      --git REV      read the old content from git\n"
	 "  -c, --content DIR  with --git REV REV2 or --translations: the content\n"
	 "                     folder, relative to the current one (default:\n"
	 "                     content)\n"
	 "      --translations each translation against the source, as 'kitgen\n"
	 "                     translate --status' reports it: stale, missing,\n"
	 "                     incomplete, unstamped, orphaned items (md: a\n"
	 "                     translator's to-do list)\n"
	 "  -l, --language LANG with --translations: only this language\n"
	 "  -h, --help         show this help\n"
	 "\n"
	 "git runs with no system or global configuration, no pager and only\n"
	 "plumbing commands, so a repository's configuration runs nothing.\n"
	 "\n"
	 "Exit status, as diff(1): 0 no change, 1 changes, 2 trouble; 3 when\n"
	 "standard output cannot be written.\n"
	 "\n"
	 "Examples: kitgen diff --git v1.0.0 content\n"
	 "          kitgen diff --git v1.0.0 v1.1.0 --format md\n"},
	{"render", S_render, "render one Mustache template against YAML data",
	 "Usage: kitgen render TEMPLATE --data FILE.yaml [--partials DIR]\n"
	 "\n"
	 "Render the Mustache template TEMPLATE against the YAML in FILE.yaml\n"
	 "and print the result. {{x}} is HTML-escaped; {{{x}}} is not. YAML\n"
	 "scalars follow the core schema: false, null, ~ and an empty list are\n"
	 "falsey. Partial {{> x}} is read from DIR/x.mustache.\n"
	 "\n"
	 "  -d, --data FILE       the data (one YAML document)\n"
	 "  -p, --partials DIR    the folder of partials\n"
	 "  -h, --help            show this help\n"},
	{"labels", S_labels, "print kitgen's own words in a language, to translate",
	 "Usage: kitgen labels [LANG] [--templates DIR]\n"
	 "\n"
	 "Print every label -- each word kitgen itself puts into a kit: the\n"
	 "contents' heading, the cover's fields, page N of M, table heads, the\n"
	 "packets' and guides' fixed sentences -- with its text in LANG (a BCP\n"
	 "47 tag: de, de-CH, fr, es, ar; default: en), as YAML with a comment\n"
	 "saying where each shows. Save it as templates/labels/LANG.yaml and\n"
	 "translate it, or copy single entries under 'labels:' in kit.yaml. A\n"
	 "language with no file prints the English texts. A {name} is a place\n"
	 "for a value; keep it.\n"
	 "\n"
	 "  -t, --templates DIR   the templates folder whose labels/ to read\n"
	 "                        (default: ./templates when it exists, else the\n"
	 "                        installed ones, else the built-in labels)\n"
	 "  -h, --help            show this help\n"
	 "\n"
	 "Exit status: 0 printed, 1 a labels file with errors, 2 usage error\n"
	 "(not a language tag), 3 I/O error.\n"
	 "\n"
	 "Example: kitgen labels de > templates/labels/de.yaml\n"},
	{"init", S_init, "start a new kit for a role",
	 "Usage: kitgen init DIR [--role NAME]\n"
	 "\n"
	 "Write a new kit into DIR, an empty folder or a new one in a folder\n"
	 "that exists: README.md, content/kit.yaml, content/scenarios.yaml and\n"
	 "two example topics to replace with your own, and schema/*.schema.json\n"
	 "(see 'kitgen schema') that each YAML file names on its first line, for\n"
	 "editors. It passes 'kitgen check' as written and 'kitgen build' turns\n"
	 "it into every format. All or nothing: the kit is made in a temporary\n"
	 "folder and moved into place, so a failure (a full disk) leaves DIR as\n"
	 "it was.\n"
	 "\n"
	 "  -r, --role NAME   the role the kit hires for (default: software\n"
	 "                    engineering); --role 'Data engineering' makes the\n"
	 "                    \"Data engineering interview kit\", id\n"
	 "                    data-engineering-interview-kit\n"
	 "  -q, --quiet       print nothing but errors\n"
	 "  -h, --help        show this help\n"
	 "\n"
	 "Exit status: 0 written, 2 usage error (DIR not empty, no parent\n"
	 "folder, bad role), 3 I/O error.\n"
	 "\n"
	 "Example: kitgen init devops-kit --role DevOps && cd devops-kit && kitgen build\n"},
	{"export", S_export, "write the panel packets' structure as JSON or CSV",
	 "Usage: kitgen export [--format json|csv] [--content DIR] [--out FILE]\n"
	 "                     [--language LANG] [EDITION]\n"
	 "\n"
	 "Write the structure of every panel packet (or of EDITION, a packet\n"
	 "'kitgen list' shows) as data for other systems: an ATS set-up script\n"
	 "(Greenhouse, Lever, Ashby) or a spreadsheet. For each packet: its\n"
	 "profile and level, its must-have areas and the rounds of its loop\n"
	 "plan (number, area, weight, must-have, behavioural, minutes, phases);\n"
	 "for each round its scorecard's dimensions (the ids card files rate,\n"
	 "kind, label, question number in the published kit, topic, minutes and\n"
	 "the rubric bands each is rated on); and the kit's rating scale and\n"
	 "decision rule as values.\n"
	 "\n"
	 "JSON names its layout, \"schema\": \"" KG_EXPORT_SCHEMA "\", which the JSON\n"
	 "Schema docs/export.schema.json describes (installed as\n"
	 "share/doc/kitgen/export.schema.json). CSV (RFC 4180, UTF-8) has a\n"
	 "header record, then one record per dimension with its round's and\n"
	 "edition's fields repeated; README.md lists the columns. The same\n"
	 "content always gives the same bytes.\n"
	 "\n"
	 "  -f, --format FMT    json (default) or csv; any case\n"
	 "  -c, --content DIR   the content folder (default: content)\n"
	 "  -o, --out FILE      write FILE (all at once, or not at all) instead of\n"
	 "                      standard output\n"
	 "  -l, --language LANG in the translation DIR/translations/LANG, as\n"
	 "                      'kitgen build --language' writes the packets\n"
	 "  -h, --help          show this help\n"
	 "\n"
	 "Exit status: 0 written, 1 content errors, 2 usage error (no such\n"
	 "packet, an unknown format), 3 I/O error.\n"
	 "\n"
	 "Examples: kitgen export --format csv > kit.csv\n"
	 "          kitgen export platform-engineer-expert | jq '.editions[0].rounds'\n"},
	{"translate", kg_cmd_translate, "a translation's status and its stamps", kg_translate_usage},
	{"loop", kg_cmd_loop, "write one candidate's loop: its per-round documents, filled in", kg_loop_usage},
	{"card", kg_cmd_card, "print the blank card files of a panel packet", kg_card_usage},
	{"score", kg_cmd_score, "write a candidate's debrief from the card files", kg_score_usage},
	{"calibrate", kg_cmd_calibrate, "report how questions and interviewers perform across cards", kg_calibrate_usage},
	{"schema", kg_schema_main, "print the JSON Schema of the content", kg_schema_usage},
	{"serve", kg_serve_main, "serve the kit, rebuilt on every save", kg_serve_usage},
	{NULL, NULL, NULL, NULL}};

static const kg_cli_cmd *S_find(const char *name)
{
	const kg_cli_cmd *c;

	for (c = S_cmds; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static void S_help(FILE *out)
{
	const kg_cli_cmd *c;
	int width = 0;

	for (c = S_cmds; c->name; c++) /* the summaries in one column */
		if ((int)strlen(c->name) > width)
			width = (int)strlen(c->name);
	fputs("Usage: kitgen COMMAND [OPTIONS]\n"
	      "\n"
	      "kitgen turns a structured interview kit, kept as YAML, into\n"
	      "Markdown, HTML and PDF documents.\n"
	      "\n"
	      "Commands:\n", out);
	for (c = S_cmds; c->name; c++)
		fprintf(out, "  %-*s  %s\n", width, c->name, c->summary);
	fputs("\n"
	      "Run 'kitgen COMMAND --help' (or 'kitgen help COMMAND') for a\n"
	      "command's options.\n"
	      "  -h, --help      show this help\n"
	      "  -V, --version   show the version\n"
	      "\n"
	      "Exit status: 0 success, 1 content errors, 2 usage error, 3 I/O error\n"
	      "(also when standard output cannot be written).\n",
	      out);
}

/* Run the command argv[1] names; its exit status. */
static int S_run(int argc, char **argv)
{
	const kg_cli_cmd *c;

	/* a file-size limit must fail a write, not kill the process */
	signal(SIGXFSZ, SIG_IGN);
	/* SIGINT, SIGTERM, SIGHUP: no temporary file is left behind */
	kg_cleanup_signals();
	if (argc < 2) {
		S_help(stderr);
		return KG_EXIT_USAGE;
	}
	if (strcmp(argv[1], "help") == 0 && argc > 2) {
		/* kitgen help CMD: CMD's --help */
		if (!(c = S_find(argv[2]))) {
			kg_fprintf_printable(stderr, "kitgen: unknown command "
				"'%s'\nTry 'kitgen --help'.\n", argv[2]);
			return KG_EXIT_USAGE;
		}
		fputs(c->usage, stdout);
		return 0;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		S_help(stdout);
		return 0;
	}
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("kitgen %s\n", KG_VERSION);
		return 0;
	}
	if (!(c = S_find(argv[1]))) {
		kg_fprintf_printable(stderr, "kitgen: unknown command '%s'\n"
			"Try 'kitgen --help'.\n", argv[1]);
		return KG_EXIT_USAGE;
	}
	return kg_cli_run(c, argc - 1, argv + 1);
}


/* Make descriptors 0, 1 and 2 open before anything else is: a closed one
 * would be taken by the next open() or pipe(), so that a message meant
 * for stderr lands in an output file, or git's pipe becomes "standard
 * output" and is closed under it. Input and error that were closed read
 * and write /dev/null; output that was closed writes /dev/full, so that
 * what a command prints fails as on a full disk and S_close_stdout says
 * so. Returns -1 when no such file can be opened. */
static int S_std_fds(void)
{
	int fd, got;

	for (fd = 0; fd <= 2; fd++) {
		if (fcntl(fd, F_GETFD) >= 0 || errno != EBADF)
			continue;
		if (fd == STDOUT_FILENO)
			S_stdout_closed = 1;
		/* the lowest free descriptor, which is fd: 0..fd-1 are open */
		got = open(fd == STDOUT_FILENO ? "/dev/full" : "/dev/null",
			   fd == STDIN_FILENO ? O_RDONLY : O_WRONLY);
		if (got != fd) {
			if (got >= 0)
				close(got);
			return -1;
		}
	}
	return 0;
}

/* Flush and close standard output, the one place every command's output
 * is checked (as gnulib's close_stdout): what could not be written (a full
 * disk, a closed or broken descriptor) is an I/O error, exit 3, whatever
 * the command returned. A command that printed nothing (check -q) does
 * not fail, whatever standard output is. */
static int S_close_stdout(int rc)
{
	int err = 0, pending = ferror(stdout);

	if (fflush(stdout) != 0)
		err = errno;
	if (!err && pending)
		err = S_stdout_errno;
	if (fclose(stdout) != 0 && !err && (pending || errno != EBADF))
		err = errno;
	if (!err && !pending)
		return rc;
	if (S_stdout_closed)
		fputs("kitgen: cannot write standard output: it is closed\n", stderr);
	else if (err)
		fprintf(stderr, "kitgen: cannot write standard output: %s\n",
			strerror(err));
	else
		fputs("kitgen: cannot write standard output\n", stderr);
	return KG_EXIT_IO;
}

int main(int argc, char **argv)
{
	if (S_std_fds() < 0)
		return KG_EXIT_IO; /* no /dev/null: nowhere to say so */
	/* a file-size limit must fail a write, not kill the process */
	signal(SIGXFSZ, SIG_IGN);
	return S_close_stdout(S_run(argc, argv));
}
