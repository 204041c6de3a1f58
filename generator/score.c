/*
 * score.c - `kitgen score CARD...`: a debrief per candidate from the
 * panel's card files, in every format.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "cli.h"
#include "debrief.h"
#include "loop.h"
#include "report.h"

const char kg_score_usage[] =
	"Usage: kitgen score [--content DIR] [--templates DIR] [--out DIR]\n"
	"                   [--language LANG] [--anonymise] CARD...\n"
	"\n"
	"Read the panel's card files (see 'kitgen card') and filled panel\n"
	"packet PDFs (a card per round filled in the PDF's form), group them\n"
	"by candidate and write each candidate's debrief as Markdown, HTML and\n"
	"PDF: each round's rating (the mean of its interviewers' overall\n"
	"ratings), the weighted total with the profile's weights and the\n"
	"rating scale's points, each gate of the decision rule (kit.yaml's\n"
	"decision:), the dimensions not probed, the spread where two\n"
	"interviewers rated the same round, and every card's evidence.\n"
	"\n"
	"A card for another kit, edition or round, an unknown dimension, a\n"
	"rating that is not a band or not-probed, or a second card for a round\n"
	"by the same interviewer is an error, at its file and line, and\n"
	"nothing is written; in a PDF, at its file and field, and a round rated\n"
	"with no interviewer or a PDF that cannot be read is an error too. A\n"
	"card made with another version of the kit is a warning.\n"
	"\n"
	"Debriefs are personal data. They go to --out, by default the folder\n"
	"of the first card, never to the kit's output folder: a build may\n"
	"publish that one, and the cards already live where they are kept.\n"
	"The files are debrief-NAME.md, .html and .pdf.\n"
	"\n"
	"  -c, --content DIR   the content folder (default: content)\n"
	"  -o, --out DIR       where to write (default: the first card's folder)\n"
	"  -t, --templates DIR the templates folder (default: ./templates when\n"
	"                      it exists, else the installed ones)\n"
	"  -l, --language LANG in the translation DIR/translations/LANG, as\n"
	"                      'kitgen build --language' (and 'kitgen loop')\n"
	"                      wrote the panel's documents\n"
	"  -a, --anonymise     show candidates and interviewers as stable\n"
	"                      pseudonyms (\"Candidate 3f9a2c1b\")\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 debriefs written, 1 bad cards or content, 2 usage\n"
	"error, 3 I/O error.\n";

/* Load every card (a card file, or a filled PDF's cards); the ones that
 * load are in cards[0..*n). */
static kg_card *S_load(kg_card_kit *ck, char **files, size_t nfiles,
		       unsigned flags, size_t *n, kg_diags *d)
{
	kg_card *cards = NULL;
	size_t i, cap = 0;

	*n = 0;
	for (i = 0; i < nfiles; i++)
		kg_cards_load(ck, files[i], flags, &cards, n, &cap, d);
	return cards;
}

static void S_free_cards(kg_card *cards, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		kg_card_free(&cards[i]);
	free(cards);
}

static int S_write(const kg_card_kit *ck, const kg_panels *ps,
		   const char *out, const kg_loop_opts *o, kg_diags *d)
{
	kg_report rep;
	size_t i;

	if (kg_report_begin(&rep, ck->kit, out, o->templates, d) == 0)
		for (i = 0; i < ps->n; i++) {
			kg_doc *doc = kg_compose_debrief(ck, &ps->items[i], o->anonymise);
			char *who = kg_shown_name("candidate", ps->items[i].candidate,
						  o->anonymise);
			char *slug = kg_card_dim_id(who);
			kg_buf base = KG_BUF_INIT;

			kg_buf_printf(&base, "debrief-%s", *slug ? slug : "unnamed");
			kg_report_doc(&rep, doc, base.ptr, d);
			kg_buf_release(&base);
			free(slug);
			free(who);
			kg_doc_free(doc);
		}
	return kg_report_end(&rep, 0, d);
}

static void S_score(const kg_kit *kit, char **files, size_t nfiles,
		   const kg_loop_opts *o, kg_diags *d)
{
	kg_card_kit ck;
	kg_panels ps = {NULL, 0};
	kg_card *cards;
	size_t n;
	char *out = o->out ? kg_xstrdup(o->out) : kg_dir_of(files[0]);

	kg_card_kit_init(&ck, kit);
	cards = S_load(&ck, files, nfiles, KG_CARD_KEEP_EVIDENCE, &n, d);
	if (!kit->decision.node)
		kg_error(d, kit->decision_rule->mark, "kit.yaml has no "
			 "'decision' beside its decision_rule: score needs the "
			 "rule's numbers (content/README.md)");
	if (d->errors == 0 && kg_panels_of(&ck, cards, n, &ps, d) == 0)
		S_write(&ck, &ps, out, o, d);
	kg_panels_free(&ps);
	S_free_cards(cards, n);
	kg_card_kit_free(&ck);
	free(out);
}

int kg_cmd_score(int argc, char **argv)
{
	return kg_loop_cards("score", kg_score_usage, argc, argv, S_score);
}
