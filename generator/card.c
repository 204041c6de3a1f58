/*
 * card.c - `kitgen card EDITION`: the blank card files of a panel packet,
 * one YAML document per round, to fill in an editor (cardfile.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "buf.h"
#include "cardfile.h"
#include "cli.h"
#include "labels.h"
#include "loop.h"
#include "printable.h"
#include "translatecli.h"

const char kg_card_usage[] =
	"Usage: kitgen card EDITION [--content DIR] [--round N] [--language LANG]\n"
	"\n"
	"Print the blank card files of a panel packet (see 'kitgen list'): one\n"
	"YAML document per round, with every dimension its scorecard rates.\n"
	"Save each document as a file of its own (--round N prints one), fill\n"
	"it in, and give the files to 'kitgen score'. A rating is strong,\n"
	"acceptable, weak or not-probed. Cards hold personal data: keep them\n"
	"out of the kit's repository and its output folder.\n"
	"\n"
	"  -c, --content DIR   the content folder (default: content)\n"
	"  -r, --round N       print only round N of the loop plan\n"
	"  -l, --language LANG for the documents of a build in the translation\n"
	"                      DIR/translations/LANG: its titles, and its\n"
	"                      content digest, which 'kitgen score -l LANG'\n"
	"                      expects\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 printed, 1 content errors, 2 usage error (no such\n"
	"edition or round), 3 I/O error.\n"
	"\n"
	"Example: kitgen card platform-engineer-expert --round 1 >ada-round-1.yaml\n";

/* Print a comment: "# " (after a value: "   # "), text on one line, so a
 * line break in a label or a title cannot end the comment. */
static void S_comment(const char *before, kg_buf *text)
{
	size_t i;

	for (i = 0; i < text->len; i++)
		if (text->ptr[i] == '\n' || text->ptr[i] == '\r')
			text->ptr[i] = ' ';
	kg_fprintf_printable(stdout, "%s# %s\n", before, text->ptr);
	kg_buf_reset(text);
}

static void S_print_round(const kg_card_kit *ck, const kg_edition *ed,
			  const kg_plan *plan, size_t i)
{
	const kg_labels *l = ck->kit->labels;
	const kg_round *r = &plan->rounds[i];
	kg_buf text = KG_BUF_INIT;
	char round[24], rounds[24];
	size_t k;

	snprintf(round, sizeof(round), "%zu", i + 1);
	snprintf(rounds, sizeof(rounds), "%zu", plan->n);
	kg_label_put(&text, l, "cardfile.heading", "edition", ed->title, "round",
		     round, "rounds", rounds, "area", kg_text(r->area->title),
		     NULL);
	S_comment("", &text);
	/* the values are the card format's, in every language */
	kg_label_put(&text, l, "cardfile.rate", "strong", "strong", "acceptable",
		     "acceptable", "weak", "weak", "not_probed", "not-probed",
		     NULL);
	S_comment("", &text);
	kg_fprintf_printable(stdout,
		"kit: %s\nversion: %s\ndigest: %s\n", kg_text(ck->kit->id),
		kg_text(ck->kit->version), ck->digest);
	kg_fprintf_printable(stdout,
		"edition: %s\nround: %zu\n", ed->id + strcspn(ed->id, "/") + 1,
		i + 1);
	printf("candidate: \"\"\ninterviewer: \"\"\ndate: \"\"");
	kg_buf_puts(&text, kg_label(l, "cardfile.date"));
	S_comment("   ", &text);
	printf("ratings:\n");
	for (k = 0; k < r->ndims; k++) {
		char *label = kg_dim_label(ck->kit, &r->dims[k]);

		kg_fprintf_printable(stdout,
			"  %s:   # %s\n    rating:\n    prompted: false\n"
			"    evidence: \"\"\n", r->dims[k].id, label);
		free(label);
	}
	printf("overall:");
	kg_label_put(&text, l, "cardfile.overall", "area",
		     kg_text(r->area->title), NULL);
	S_comment("   ", &text);
	kg_buf_release(&text);
}

/* The round --round names (1-based), or 0 after a usage error. */
static size_t S_round(const char *s, size_t n)
{
	char *end;
	long v = strtol(s, &end, 10);

	if (*s < '1' || *s > '9' || *end || v < 1 || (size_t)v > n) {
		kg_fprintf_printable(stderr,
			"kitgen card: --round '%s' should be a round of "
			"the loop plan, 1 to %zu\n", s, n);
		return 0;
	}
	return (size_t)v;
}

static int S_print(kg_card_kit *ck, const char *name, const char *round)
{
	const kg_edition *ed = kg_editions_find(&ck->eds, name);
	const kg_plan *plan;
	size_t i, only = 0;

	if (!ed || ed->kind != KG_EDITION_PACKET) {
		kg_fprintf_printable(stderr,
			"kitgen card: no panel packet '%s' (see 'kitgen "
			"list')\n", name);
		return 2;
	}
	plan = kg_card_kit_plan(ck, ed);
	if (round && !(only = S_round(round, plan->n)))
		return 2;
	for (i = 0; i < plan->n; i++) {
		if (only && i + 1 != only)
			continue;
		if (!only && i)
			printf("---\n");
		S_print_round(ck, ed, plan, i);
	}
	return 0;
}

int kg_cmd_card(int argc, char **argv)
{
	kg_loop_opts o = {0};
	kg_card_kit ck;
	kg_diags kd = KG_DIAGS_INIT, ld = KG_DIAGS_INIT;
	kg_kit *kit;
	int rc = kg_loop_parse("card", kg_card_usage, KG_LOOP_CONTENT |
			       KG_LOOP_ROUND | KG_LOOP_LANGUAGE, argc, argv, &o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (optind != argc - 1) {
		fprintf(stderr, "kitgen card: %s\nTry 'kitgen card --help'.\n",
			optind >= argc ? "give the edition (see 'kitgen list')"
				       : "give one edition");
		return 2;
	}
	if (o.language && (rc = kg_translate_lang_ok("card", o.content,
						     o.language)))
		return rc;
	if (!(kit = kg_loop_kit(o.content, &kd, &rc))) {
		kg_diags_free(&kd);
		return rc;
	}
	/* the comments and the packet's name in the kit's language, or
	 * --language's with the translation's texts (and so its digest);
	 * the file's keys and values are the card format's, in every one */
	kg_loop_language(kit, NULL, o.content, o.language, &ld);
	if ((rc = kg_cli_report(&ld)) == 0) {
		kg_card_kit_init(&ck, kit);
		rc = S_print(&ck, argv[optind], o.round);
		kg_card_kit_free(&ck);
	}
	kg_kit_free(kit);
	kg_diags_free(&kd);
	kg_diags_free(&ld);
	return rc;
}
