/*
 * paper.h - the paper sizes a kit can be printed on: a4 and letter.
 *
 * A size is named on the command line (--paper) or in kit.yaml (paper:),
 * in any case ("A4", "Letter"); the writers get the canonical lowercase
 * name.
 */
#ifndef KG_PAPER_H
#define KG_PAPER_H

/* The canonical name ("a4" or "letter", static storage) of the size name
 * spells in any case, or NULL when it names none. */
const char *kg_paper_name(const char *name);

#endif
