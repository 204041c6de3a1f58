/*
 * translatecli.h - `kitgen translate`: the status of a translation and
 * its `from:` stamps (translate.h), and the check that a --language
 * names a translation present.
 */
#ifndef KG_TRANSLATECLI_H
#define KG_TRANSLATECLI_H

#include <stddef.h>

#include "cli.h"

int kg_cmd_translate(int argc, char **argv);
/* Run translate as o says (o->status or o->stamp; o->language,
 * o->formats, o->content), as command cmd (`kitgen diff --translations`
 * runs the status). ids: the items to stamp. Returns the exit status. */
int kg_translate_run(const char *cmd, const kg_cli_opts *o, char **ids,
		     size_t nids);
extern const char kg_translate_usage[];

/* Is lang a translation of the content in dir? 0, or KG_EXIT_USAGE after
 * saying (as command cmd) which languages there are. */
int kg_translate_lang_ok(const char *cmd, const char *dir, const char *lang);

#endif
