/*
 * build.h - the build pipeline behind `kitgen build`: find the templates,
 * load and check the kit, compose every edition and write it in every
 * format within the build's output budget, then the index page, all as
 * one atomic set of files (output.h); report, and print the summary.
 */
#ifndef KG_BUILD_H
#define KG_BUILD_H

#include "diag.h"
#include "digest.h"
#include "kit.h"
#include "writer.h"

typedef struct kg_build_opts {
	const char *content;   /* the content folder */
	const char *templates; /* NULL: ./templates, else the installed ones */
	const char *out;       /* the output folder */
	const char *paper;     /* a paper the PDF style lists, any case (paper.h);
				  NULL: the kit's paper, else the style's first */
	const char *edition;   /* NULL: every edition */
	const kg_writer *const *writers; /* the formats, NULL-terminated */
	int quiet;             /* print nothing but diagnostics */
	int release;           /* init's placeholders are errors, not warnings */
	const char *changes_since; /* NULL, or a git revision: the public kit
				      says what changed since (since.h) */
	const char *language;  /* NULL, or a translation under
				  content/translations (translate.h): its
				  texts over the source's */
} kg_build_opts;

/* Run a build: diagnostics and the list of files written go to stderr
 * and stdout. Returns the exit status (cli.h): 0, KG_EXIT_CONTENT,
 * KG_EXIT_USAGE (no such edition) or KG_EXIT_IO. A build that fails
 * leaves the output folder as it was. */
int kg_build(const kg_build_opts *o);

/* The build digest (digest.h) of a build of kit, which checks clean,
 * with the templates folder `templates` on paper `paper` (as --paper
 * takes it; NULL: kit.yaml's paper, else the style's first) by this
 * kitgen: what its outputs carry and `kitgen digest --build` prints.
 * A style whose papers cannot be read leaves the paper as asked for
 * (the writers that read the style report it). Returns 0, or -1 with an
 * error in d for a template file that cannot be read. */
int kg_build_digest_of(const kg_kit *kit, const char *templates,
		       const char *paper, char hex[KG_DIGEST_HEX], kg_diags *d);

/* Set kit->labels (labels.h) for language (NULL: kit.yaml's, else
 * English) from the templates folder (NULL: the built-in tables);
 * kit.yaml's `labels` apply when the language is the kit's own. A tag
 * that is not BCP 47 is an error in d. */
void kg_build_labels(kg_kit *kit, const char *templates,
		     const char *language, kg_diags *d);

/* The language of what is written from kit, which checked clean: with
 * language NULL, kg_build_labels' (kit.yaml's); else the translation
 * content/translations/language laid over kit (translate.h), and the
 * labels of language with the translation's `labels:` over them. Drift
 * is a warning in d, a translation's error an error; standard error
 * says how many texts fall back to the source, and whose. */
void kg_build_language(kg_kit *kit, const char *templates, const char *content,
		       const char *language, kg_diags *d);

#endif
