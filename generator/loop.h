/*
 * loop.h - the commands of a candidate's loop: `loop` (the loop's
 * documents, filled in, before the interviews), then the ones that close
 * it after them: `card` (blank card files), `score` (a candidate's
 * debrief from their cards) and `calibrate` (how questions and
 * interviewers perform across many cards).
 * Each is one entry function with main's signature (argv[0] is the
 * command's name) returning the exit status, and its --help text, which
 * main's command table shows.
 *
 * Cards and reports are personal data: none of these commands writes into
 * a kit's output folder unless told to with --out (see each usage).
 */
#ifndef KG_LOOP_H
#define KG_LOOP_H

#include "diag.h"
#include "kit.h"

int kg_cmd_card(int argc, char **argv);
int kg_cmd_score(int argc, char **argv);
int kg_cmd_calibrate(int argc, char **argv);
/* `loop` (loopdocs.c): one candidate's loop, a packet's parts filled in
 * with the candidate, the date and the interviewers. */
int kg_cmd_loop(int argc, char **argv);

extern const char kg_card_usage[];
extern const char kg_score_usage[];
extern const char kg_calibrate_usage[];
extern const char kg_loop_usage[];

/* ---- shared by the three (loopcli.c) ---- */

typedef struct kg_loop_opts {
	const char *content; /* default "content" */
	const char *out;     /* NULL: the command's default */
	const char *round;   /* card: --round N */
	const char *templates; /* score, calibrate: NULL finds them as a
				  build does */
	const char *language;  /* score, calibrate: NULL, or a translation
				  under content/translations (translate.h) */
	int anonymise;
} kg_loop_opts;

enum { KG_LOOP_CONTENT = 1, KG_LOOP_OUT = 2, KG_LOOP_ROUND = 4,
       KG_LOOP_ANON = 8, KG_LOOP_TEMPLATES = 16, KG_LOOP_LANGUAGE = 32 };

/* Parse the options `allowed` names; prints usage and returns -1 for
 * --help, returns 2 after a usage error (printed), else 0 with optind at
 * the first argument. */
int kg_loop_parse(const char *cmd, const char *usage, unsigned allowed,
		  int argc, char **argv, kg_loop_opts *o);
/* Load and check the kit, printing its diagnostics; NULL after errors
 * (the exit status is then in *rc). d keeps the kit's line indexes, which
 * its marks point into: free it after the kit. */
kg_kit *kg_loop_kit(const char *dir, kg_diags *d, int *rc);
/* The kit's words in its language, or language's (NULL: kit.yaml's)
 * with the translation content/translations/LANGUAGE over the source's
 * texts: kg_build_language with templates (NULL: the templates a build
 * would find, else the built-in tables). Problems go to d, which
 * outlives the kit (a translation's marks point into it). */
void kg_loop_language(kg_kit *kit, const char *templates, const char *content,
		      const char *language, kg_diags *d);
/* What score and calibrate do with the checked kit and the card files,
 * their diagnostics into d. */
typedef void (*kg_loop_fn)(const kg_kit *kit, char **files, size_t nfiles,
			   const kg_loop_opts *o, kg_diags *d);
/* The whole of such a command: its options (--content, --templates,
 * --out, --anonymise), the kit loaded and checked, run on the card files
 * the arguments name, the diagnostics printed. Its exit status. */
int kg_loop_cards(const char *cmd, const char *usage, int argc, char **argv,
		  kg_loop_fn run);
/* The folder a file is in ("." for a bare name): where score and
 * calibrate write by default. The caller frees it. */
char *kg_dir_of(const char *path);

#endif
