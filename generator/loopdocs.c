/*
 * loopdocs.c - `kitgen loop EDITION --candidate NAME --date DATE ...`: one
 * candidate's loop, its documents filled in. A panel packet's parts
 * (edition.h: the loop plan, a document per round, the debrief sheet) are
 * composed with the candidate, the date and each round's interviewer on
 * their covers and forms (loopfill.h) and written into one folder in
 * every format asked for, all files or none (report.h), as a build
 * writes its output.
 *
 * Everything the command line gives is checked before anything is
 * written: a usage error (exit 2) leaves no file and no folder. The
 * names are personal data, so the folder may not be inside the kit's
 * output folder, which a build may publish, unless --force-output-dir
 * says so. The words of the messages are rounds_text.h's.
 */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "build.h"
#include "cli.h"
#include "compose.h"
#include "datadir.h"
#include "digest.h"
#include "edition.h"
#include "glyphcheck.h"
#include "loop.h"
#include "loopfill.h"
#include "paper.h"
#include "printable.h"
#include "report.h"
#include "rounds_text.h"
#include "suggest.h"
#include "translatecli.h"
#include "utf8.h"
#include "writer.h"

#define S_MAX_NAME 200 /* bytes: a name is a single-line field (schema.h) */

const char kg_loop_usage[] =
	"Usage: kitgen loop EDITION --candidate NAME --date YYYY-MM-DD\n"
	"                   [--interviewer ROUND=NAME ...] --out DIR\n"
	"                   [--content DIR] [--templates DIR] [--format LIST]\n"
	"                   [--paper NAME] [--language LANG] [--force-output-dir]\n"
	"\n"
	"Write the documents of one candidate's loop for the panel packet\n"
	"EDITION (see 'kitgen list'; 'platform-engineer-expert' or\n"
	"'panels/platform-engineer-expert'): the loop plan and the debrief\n"
	"sheet for the hiring lead, and for each round its interviewer guide\n"
	"and scorecard, no other round's (round-1, round-2, ...), with the\n"
	"candidate's name, the date and the round's interviewer on the cover\n"
	"and on the forms' lines. The files are DIR/loop-plan, DIR/round-N and\n"
	"DIR/debrief, each .md, .html and .pdf; all are written, or none.\n"
	"\n"
	"  -C, --candidate NAME         the candidate\n"
	"  -D, --date YYYY-MM-DD        the day of the loop\n"
	"  -i, --interviewer ROUND=NAME who interviews in a round: ROUND is the\n"
	"                               round's number in the loop plan (1, 2,\n"
	"                               ...) or its capability area's id\n"
	"                               (2=Grace or data-persistence=Grace);\n"
	"                               once per round; a round not named keeps\n"
	"                               a blank line\n"
	"  -o, --out DIR                where to write (made when missing)\n"
	"      --force-output-dir       allow a DIR inside the kit's output\n"
	"                               folder\n"
	"  -c, --content DIR            the content folder (default: content)\n"
	"  -t, --templates DIR          the templates folder (default:\n"
	"                               ./templates when it exists, else the\n"
	"                               installed ones)\n"
	"  -f, --format LIST            md, html, pdf, comma-separated, any case\n"
	"                               (default: all three)\n"
	"      --paper NAME             the PDF's paper (default: kit.yaml's,\n"
	"                               else the style's first)\n"
	"  -l, --language LANG          in the translation DIR/translations/LANG\n"
	"                               (as 'kitgen build --language'): its\n"
	"                               texts, and kitgen's words in LANG\n"
	"                               (default: the kit's own language)\n"
	"  -h, --help                   show this help\n"
	"\n"
	"Names are personal data. A loop's documents are refused inside the\n"
	"kit's output folder (./output, and output/ beside the content\n"
	"folder), which a build may publish, unless --force-output-dir is\n"
	"given. Names and the date must be one line of printable UTF-8, a name\n"
	"at most 200 bytes.\n"
	"\n"
	"Exit status: 0 written, 1 content errors, 2 usage error (no such\n"
	"packet or round, a bad date or name, a round given twice, DIR inside\n"
	"the output folder), 3 I/O error.\n"
	"\n"
	"Example: kitgen loop platform-engineer-expert --candidate 'Ada Example' \\\n"
	"           --date 2026-12-01 --interviewer 1='Grace Example' --out ~/loops/ada\n";

enum { S_OPT_FORCE = 300, S_OPT_PAPER };

typedef struct S_args {
	const char *edition, *candidate, *date, *out;
	const char *content, *templates, *formats, *paper;
	const char *language; /* NULL: the kit's own */
	const char **assigns; /* the --interviewer values, ROUND=NAME */
	size_t nassigns;
	int force;
} S_args;

/* "kitgen loop: " and the message, its %s arguments escaped, and the
 * hint; KG_EXIT_USAGE. */
static int S_usage(const char *fmt, ...)
{
	kg_buf msg = KG_BUF_INIT;
	va_list ap;

	kg_buf_puts(&msg, "kitgen loop: ");
	va_start(ap, fmt);
	kg_printable_vprintf(&msg, fmt, ap);
	va_end(ap);
	kg_buf_puts(&msg, "\nTry 'kitgen loop --help'.\n");
	fputs(msg.ptr, stderr);
	kg_buf_release(&msg);
	return KG_EXIT_USAGE;
}

/* ---- the command line -------------------------------------------------------- */

static int S_parse(int argc, char **argv, S_args *a)
{
	static const struct option opts[] = {
		{"candidate", required_argument, NULL, 'C'},
		{"date", required_argument, NULL, 'D'},
		{"interviewer", required_argument, NULL, 'i'},
		{"out", required_argument, NULL, 'o'},
		{"force-output-dir", no_argument, NULL, S_OPT_FORCE},
		{"content", required_argument, NULL, 'c'},
		{"templates", required_argument, NULL, 't'},
		{"format", required_argument, NULL, 'f'},
		{"paper", required_argument, NULL, S_OPT_PAPER},
		{"language", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int c, li = -1;

	a->content = "content";
	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":C:D:i:o:c:t:f:l:h", opts, &li)) != -1) {
		char name[32];

		/* the option as given, without its value */
		if (li >= 0)
			snprintf(name, sizeof(name), "--%s", opts[li].name);
		else
			snprintf(name, sizeof(name), "-%c", c);
		if (c == '?' || c == ':')
			snprintf(name, sizeof(name), "%s", argv[optind - 1]);
		li = -1;

		if (c == 'h') {
			fputs(kg_loop_usage, stdout);
			return -1;
		}
		if (c == ':')
			return S_usage("option '%s' needs a value", name);
		if (c == '?')
			return S_usage("unknown option '%s'", name);
		if (optarg && !*optarg)
			return S_usage(KG_LOOP_E_EMPTY, name);
		switch (c) {
		case 'C': a->candidate = optarg; break;
		case 'D': a->date = optarg; break;
		case 'o': a->out = optarg; break;
		case 'c': a->content = optarg; break;
		case 't': a->templates = optarg; break;
		case 'f': a->formats = optarg; break;
		case S_OPT_PAPER: a->paper = optarg; break;
		case 'l': a->language = optarg; break;
		case S_OPT_FORCE: a->force = 1; break;
		case 'i':
			a->assigns = kg_xrealloc(a->assigns, (a->nassigns + 1) *
						 sizeof(*a->assigns));
			a->assigns[a->nassigns++] = optarg;
			break;
		}
	}
	if (optind >= argc)
		return S_usage(KG_LOOP_E_NO_EDITION, "");
	if (optind + 1 < argc)
		return S_usage(KG_LOOP_E_ONE_EDITION, argv[optind + 1]);
	a->edition = argv[optind];
	return 0;
}

/* Does s hold a control character (C0, DEL or C1)? s is valid UTF-8. */
static int S_has_control(const char *s)
{
	const char *p = s, *end = s + strlen(s);

	while (p < end) {
		uint32_t c = kg_utf8_next(&p, end);

		if (c < 0x20 || (c >= 0x7F && c <= 0x9F))
			return 1;
	}
	return 0;
}

/* A name (what: the option, for the message) is one line of printable
 * UTF-8 of at most S_MAX_NAME bytes; 0 or KG_EXIT_USAGE. */
static int S_name_ok(const char *what, const char *name)
{
	size_t n = strlen(name);

	if (n == 0)
		return S_usage(KG_LOOP_E_EMPTY, what);
	if (kg_utf8_valid(name, n) != n)
		return S_usage(KG_LOOP_E_UTF8, what, name);
	if (S_has_control(name))
		return S_usage(KG_LOOP_E_CONTROL, what, name);
	if (n > S_MAX_NAME)
		return S_usage(KG_LOOP_E_LONG, what, name, S_MAX_NAME);
	return 0;
}

/* A calendar date YYYY-MM-DD (Gregorian, years 1000 to 9999). */
static int S_date_ok(const char *s)
{
	static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int y, m, d, i, leap;

	if (strlen(s) != 10 || s[4] != '-' || s[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (s[i] < '0' || s[i] > '9'))
			return 0;
	y = atoi(s);
	m = atoi(s + 5);
	d = atoi(s + 8);
	leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < 1000 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= days[m - 1] + (m == 2 && leap);
}

/* Everything that needs no kit: the required options, the names, the
 * date, the form of each --interviewer. */
static int S_check_args(const S_args *a)
{
	size_t i;
	int rc;

	if (!a->candidate)
		return S_usage(KG_LOOP_E_REQUIRED, "--candidate NAME");
	if (!a->date)
		return S_usage(KG_LOOP_E_REQUIRED, "--date YYYY-MM-DD");
	if (!a->out)
		return S_usage(KG_LOOP_E_REQUIRED, "--out DIR");
	if ((rc = S_name_ok("--candidate", a->candidate)))
		return rc;
	if (S_has_control(a->date) || !S_date_ok(a->date))
		return S_usage(KG_LOOP_E_DATE, a->date);
	for (i = 0; i < a->nassigns; i++) {
		const char *eq = strchr(a->assigns[i], '=');

		if (!eq || eq == a->assigns[i])
			return S_usage(KG_LOOP_E_ASSIGN, a->assigns[i]);
		if (!eq[1])
			return S_usage(KG_LOOP_E_EMPTY, "--interviewer");
		if ((rc = S_name_ok("--interviewer", eq + 1)))
			return rc;
	}
	return 0;
}

/* ---- the output folder ----------------------------------------------------- */

/* path made absolute, its dots resolved by name ("a/./b/../c" is "a/c"). */
static void S_lexical(const char *path, kg_buf *out)
{
	char cwd[PATH_MAX];
	char *copy, *tok, *save = NULL;
	kg_buf in = KG_BUF_INIT;

	if (path[0] != '/' && getcwd(cwd, sizeof(cwd)))
		kg_buf_printf(&in, "%s/", cwd);
	kg_buf_puts(&in, path);
	copy = kg_buf_detach(&in, NULL);
	kg_buf_reset(out);
	for (tok = strtok_r(copy, "/", &save); tok; tok = strtok_r(NULL, "/", &save)) {
		if (strcmp(tok, ".") == 0)
			continue;
		if (strcmp(tok, "..") == 0) {
			char *slash = strrchr(out->ptr, '/');

			if (slash) {
				out->len = (size_t)(slash - out->ptr);
				out->ptr[out->len] = '\0';
			}
			continue;
		}
		kg_buf_printf(out, "/%s", tok);
	}
	if (out->len == 0)
		kg_buf_puts(out, "/");
	free(copy);
}

/* Where path is on disk: its longest part that exists with the links
 * followed (realpath), the rest after it by name. Malloc'd. */
static char *S_where(const char *path)
{
	kg_buf abs = KG_BUF_INIT, res = KG_BUF_INIT;
	char real[PATH_MAX];
	size_t cut;

	S_lexical(path, &abs);
	for (cut = abs.len; cut > 0; cut--) {
		char keep;

		if (cut != abs.len && abs.ptr[cut] != '/')
			continue;
		keep = abs.ptr[cut];
		abs.ptr[cut] = '\0';
		if (realpath(abs.ptr, real)) {
			abs.ptr[cut] = keep;
			kg_buf_puts(&res, strcmp(real, "/") ? real : "");
			kg_buf_puts(&res, abs.ptr + cut);
			break;
		}
		abs.ptr[cut] = keep;
	}
	if (cut == 0)
		kg_buf_puts(&res, abs.ptr);
	kg_buf_release(&abs);
	return kg_buf_detach(&res, NULL);
}

/* Is `inner` the folder `outer` or inside it? Both as S_where gives them. */
static int S_inside(const char *inner, const char *outer)
{
	size_t n = strlen(outer);

	return strncmp(inner, outer, n) == 0 &&
	       (inner[n] == '\0' || inner[n] == '/' || strcmp(outer, "/") == 0);
}

/* The kit's output folders: ./output (a build's default) and output/
 * beside the content folder. --out inside either is refused without
 * --force-output-dir; one that is a file is refused always. */
static int S_out_ok(const S_args *a)
{
	kg_buf beside = KG_BUF_INIT;
	const char *outputs[2];
	char *where = S_where(a->out), *slash;
	struct stat st;
	size_t i;
	int rc = 0;

	if (stat(a->out, &st) == 0 && !S_ISDIR(st.st_mode)) {
		free(where);
		return S_usage(KG_LOOP_E_OUT_EXISTS, a->out);
	}
	kg_buf_puts(&beside, a->content);
	while (beside.len > 1 && beside.ptr[beside.len - 1] == '/')
		beside.ptr[--beside.len] = '\0';
	slash = strrchr(beside.ptr, '/');
	beside.len = slash ? (size_t)(slash - beside.ptr) + 1 : 0;
	beside.ptr[beside.len] = '\0';
	kg_buf_puts(&beside, "output");
	outputs[0] = "output";
	outputs[1] = beside.ptr;
	for (i = 0; i < 2 && !rc && !a->force; i++) {
		char *o = S_where(outputs[i]);

		if (S_inside(where, o))
			rc = S_usage(KG_LOOP_E_IN_OUTPUT, a->out, outputs[i]);
		free(o);
	}
	kg_buf_release(&beside);
	free(where);
	return rc;
}

/* ---- the kit: the packet and its rounds -------------------------------------- */

/* The packet edition called name, or NULL after saying why not. */
static const kg_edition *S_packet(const kg_editions *eds, const char *name)
{
	const kg_edition *ed = kg_editions_find(eds, name);
	const kg_edition *near;

	if (ed && ed->kind == KG_EDITION_PACKET)
		return ed;
	if (ed) {
		S_usage(KG_LOOP_E_NOT_PACKET, name);
		return NULL;
	}
	near = kg_editions_closest(eds, name, 1);
	S_usage(KG_LOOP_E_NO_PACKET, name, near ? "did you mean '" : "see ",
		near ? strchr(near->id, '/') + 1 : "", near ? "'? see " : "");
	return NULL;
}

/* The parts of packet pk, in order (they follow it in eds); how many
 * rounds it has in *nrounds. */
static const kg_edition *S_parts(const kg_editions *eds, const kg_edition *pk,
				 size_t *nparts, size_t *nrounds)
{
	const kg_edition *first = pk + 1;
	size_t n = 0;

	*nrounds = 0;
	while (first + n < eds->items + eds->n && first[n].packet == pk) {
		*nrounds += first[n].kind == KG_EDITION_ROUND;
		n++;
	}
	*nparts = n;
	return first;
}

/* The round ROUND names (a number from 1, or an area's id) among the
 * parts; 0 after saying there is none. */
static size_t S_round_of(const kg_edition *parts, size_t nparts,
			 size_t nrounds, const kg_edition *pk,
			 const char *assign, const char *round)
{
	kg_names areas = KG_NAMES_INIT;
	kg_buf list = KG_BUF_INIT;
	const char *near;
	size_t i, found = 0;
	char *end;
	long v;

	if (round[0] >= '1' && round[0] <= '9') {
		errno = 0;
		v = strtol(round, &end, 10);
		if (!*end && !errno && v >= 1 && (size_t)v <= nrounds)
			return (size_t)v;
	}
	for (i = 0; i < nparts; i++) {
		if (parts[i].kind != KG_EDITION_ROUND)
			continue;
		if (strcmp(kg_text(parts[i].area->id), round) == 0)
			found = parts[i].round;
		kg_names_add(&areas, kg_text(parts[i].area->id));
	}
	if (!found) {
		near = kg_names_closest(&areas, round);
		kg_names_join(&areas, 20, &list);
		S_usage(KG_LOOP_E_NO_ROUND, assign, strchr(pk->id, '/') + 1,
			round, near ? "did you mean '" : "", near ? near : "",
			near ? "'? " : "", nrounds, list.ptr);
	}
	kg_names_free(&areas);
	kg_buf_release(&list);
	return found;
}

/* Each --interviewer's name into names[round - 1]; a round named twice is
 * a usage error. 0 or KG_EXIT_USAGE. */
static int S_cast(const S_args *a, const kg_edition *parts, size_t nparts,
		  size_t nrounds, const kg_edition *pk, const char **names,
		  const char **given)
{
	size_t i, r;
	int rc = 0;

	for (i = 0; i < a->nassigns && !rc; i++) {
		const char *eq = strchr(a->assigns[i], '=');
		char *round = kg_xstrndup(a->assigns[i],
					  (size_t)(eq - a->assigns[i]));

		r = S_round_of(parts, nparts, nrounds, pk, a->assigns[i], round);
		if (!r)
			rc = KG_EXIT_USAGE;
		else if (names[r - 1])
			rc = S_usage(KG_LOOP_E_TWICE, a->assigns[i], r, given[r - 1]);
		else {
			names[r - 1] = eq + 1;
			given[r - 1] = a->assigns[i];
		}
		free(round);
	}
	return rc;
}

/* ---- writing ------------------------------------------------------------------ */

/* Every part of the packet, filled in with cast, into a->out. */
static int S_write(const kg_kit *kit, const S_args *a, const kg_edition *parts,
		   size_t nparts, const kg_loop_cast *cast,
		   const kg_writer *const *writers, kg_diags *d)
{
	char digest[KG_DIGEST_HEX];
	kg_report rep;
	size_t i;

	kg_kit_digest(kit, digest);
	if (kg_report_begin_with(&rep, kit, a->out, a->templates, a->paper,
				 writers, d) == 0)
		for (i = 0; i < nparts; i++) {
			kg_doc *doc = kg_compose_cast(kit, &parts[i], digest, cast);

			kg_report_doc(&rep, doc, strrchr(parts[i].id, '/') + 1, d);
			kg_doc_free(doc);
		}
	return kg_report_end(&rep, 0, d);
}

/* With the kit loaded and checked: the packet, the cast, the files;
 * d holds what was found before (reported with the files' problems). */
static int S_loop(const kg_kit *kit, const S_args *a,
		  const kg_writer *const *writers, kg_diags *d)
{
	kg_editions eds = kg_editions_of(kit);
	const kg_edition *pk = S_packet(&eds, a->edition), *parts = NULL;
	const char **names = NULL, **given = NULL;
	size_t nparts = 0, nrounds = 0;
	int rc = KG_EXIT_USAGE;

	if (pk) {
		parts = S_parts(&eds, pk, &nparts, &nrounds);
		names = kg_xcalloc(nrounds + 1, sizeof(*names));
		given = kg_xcalloc(nrounds + 1, sizeof(*given));
		rc = S_cast(a, parts, nparts, nrounds, pk, names, given);
	}
	if (rc == 0) {
		kg_loop_cast cast = {a->candidate, a->date, names, nrounds};

		S_write(kit, a, parts, nparts, &cast, writers, d);
		rc = kg_cli_report(d);
	}
	free(names);
	free(given);
	kg_editions_free(&eds);
	return rc;
}

/* --paper names one of the style's papers (found as a build finds the
 * templates). 0 or an exit status. */
static int S_paper_ok(const S_args *a)
{
	kg_diags d = KG_DIAGS_INIT;
	char *found = NULL;
	const char *templates = a->templates;
	int rc = 0;

	if (!a->paper)
		return 0;
	if (!templates && !(templates = found = kg_default_templates(&d)))
		rc = kg_cli_report(&d);
	else if ((rc = kg_paper_check_given("loop", templates, a->paper, &d)) < 0)
		rc = kg_cli_report(&d);
	free(found);
	kg_diags_free(&d);
	return rc;
}

/* Before a PDF is laid out: kg_check_glyphs over the kit and its labels,
 * with the templates the loop uses. */
static void S_check_glyphs(const kg_kit *kit, const S_args *a,
			   const kg_writer *const *writers, kg_diags *d)
{
	kg_diags quiet = KG_DIAGS_INIT;
	char *found = NULL;
	const char *templates = a->templates;
	size_t i;

	for (i = 0; writers[i] && writers[i] != &kg_writer_pdf; i++)
		;
	if (writers[i] &&
	    (templates || (templates = found = kg_default_templates(&quiet))))
		kg_check_glyphs(kit, kit->labels, templates, d);
	free(found);
	kg_diags_free(&quiet);
}

int kg_cmd_loop(int argc, char **argv)
{
	S_args a;
	const kg_writer *writers[8];
	kg_diags kd = KG_DIAGS_INIT, ld = KG_DIAGS_INIT;
	kg_kit *kit;
	int rc;

	memset(&a, 0, sizeof(a));
	rc = S_parse(argc, argv, &a);
	if (rc == 0)
		rc = S_check_args(&a);
	if (rc == 0)
		rc = kg_cli_formats("loop", a.formats, writers, 8);
	if (rc == 0)
		rc = S_out_ok(&a);
	if (rc == 0)
		rc = S_paper_ok(&a);
	if (rc == 0 && a.language)
		rc = kg_translate_lang_ok("loop", a.content, a.language);
	if (rc == 0 && (kit = kg_loop_kit(a.content, &kd, &rc)) != NULL) {
		/* the documents' words in the loop's language (as the build's
		 * of that language), and the characters no font has at their
		 * places before the PDFs are laid out */
		kg_loop_language(kit, a.templates, a.content, a.language, &ld);
		if (ld.errors == 0)
			S_check_glyphs(kit, &a, writers, &ld);
		rc = ld.errors ? kg_cli_report(&ld) : S_loop(kit, &a, writers, &ld);
		kg_kit_free(kit);
	}
	kg_diags_free(&kd); /* after the kit: its marks point into these */
	kg_diags_free(&ld);
	free(a.assigns);
	return rc < 0 ? 0 : rc;
}
