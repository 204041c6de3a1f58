/*
 * datadir.h - where kitgen finds the files installed beside it: the
 * default templates folder (page shells and the PDF style).
 */
#ifndef KG_DATADIR_H
#define KG_DATADIR_H

#include "diag.h"

/* The compiled-in data folder, $(PREFIX)/share/kitgen (the Makefile
 * passes -DKG_DATADIR). */
extern const char kg_datadir[];

/* The templates folder a build uses when --templates is not given, the
 * first that is a folder of:
 *   1. templates             (a source tree, or a kit with its own copy)
 *   2. BIN/../share/kitgen/templates, BIN the folder of the running
 *      binary               (an install, also one staged with DESTDIR)
 *   3. kg_datadir/templates
 * Returns a string the caller frees, or NULL after an I/O error that lists
 * every place it looked. */
char *kg_default_templates(kg_diags *d);

#endif
