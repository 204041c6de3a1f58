/*
 * paper.h - the paper a build prints on: --paper, else kit.yaml's paper:,
 * else the first paper templates/pdf/style.yaml lists (a4 in the style
 * kitgen ships).
 *
 * The names are the style file's `papers` table (pdf_style.h), which a
 * user may extend; they are compared in any case ("A4", "Letter"). The
 * build vets them before any writer runs, so that a wrong name is said
 * where it was written: the command line's as a usage error, kit.yaml's
 * at its line and column. The writers get the name as given and look it
 * up in the style again.
 */
#ifndef KG_PAPER_H
#define KG_PAPER_H

#include "diag.h"
#include "kit.h"

/* given (--paper) names a paper of the style under templates. Returns 0
 * (also when given is NULL, without reading the style), KG_EXIT_USAGE
 * when it names none (said on stderr, with the names the style lists, as
 * cmd's other usage errors are), or -1 with the style file's errors in d. */
int kg_paper_check_given(const char *cmd, const char *templates,
			 const char *given, kg_diags *d);

/* kit.yaml's paper: (if any) names a paper of the style under templates.
 * Returns 0, or -1 with an error at its place (or the style's) in d. */
int kg_paper_check_kit(const char *templates, const kg_kit *kit, kg_diags *d);

/* The name of the paper a build prints on, as the style under templates
 * lists it: given's (--paper, any case), else kit.yaml's paper:, else the
 * style's first. Malloc'd; "" when none is asked for and there is no PDF
 * style (a build that writes no PDF); NULL with the style's errors, or
 * an error for a name it does not list, in d. */
char *kg_paper_name(const char *templates, const kg_kit *kit,
		    const char *given, kg_diags *d);

#endif
