/*
 * calibrate.c - `kitgen calibrate CARD...`: the calibration report over
 * many candidates' cards, in every format and as CSV.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "calreport.h"
#include "cli.h"
#include "loop.h"
#include "report.h"

const char kg_calibrate_usage[] =
	"Usage: kitgen calibrate [--content DIR] [--templates DIR] [--out DIR]\n"
	"                       [--language LANG] [--anonymise] CARD...\n"
	"\n"
	"Read many candidates' card files and write the calibration report as\n"
	"Markdown, HTML (with charts) and PDF, and its figures as CSV: for each\n"
	"question and scenario the cards rated, the ratings by band, the share\n"
	"not probed, how well it separates the panel's decisions (point-biserial\n"
	"r, with the cards behind it) and how far interviewers who rated the\n"
	"same round agree (Krippendorff's ordinal alpha, with the pairs behind\n"
	"it); each interviewer's leniency against the rest of the panel; and\n"
	"the questions that do not separate, for the next version of the kit.\n"
	"\n"
	"The decision each candidate counts as is the kit's decision rule\n"
	"applied to their own cards (hire or no hire; borderline and\n"
	"incomplete candidates count for no correlation). A question does not\n"
	"separate when r is below 0.20 over at least 20 cards.\n"
	"\n"
	"Cards are checked as 'kitgen score' checks them; a bad card writes\n"
	"nothing. The report goes to --out, by default the folder of the first\n"
	"card, never to the kit's output folder (it names interviewers):\n"
	"calibration.md, .html, .pdf and .csv.\n"
	"\n"
	"  -c, --content DIR   the content folder (default: content)\n"
	"  -o, --out DIR       where to write (default: the first card's folder)\n"
	"  -t, --templates DIR the templates folder (default: ./templates when\n"
	"                      it exists, else the installed ones)\n"
	"  -l, --language LANG in the translation DIR/translations/LANG, as\n"
	"                      'kitgen build --language' (and 'kitgen loop')\n"
	"                      wrote the panel's documents\n"
	"  -a, --anonymise     show interviewers as stable pseudonyms\n"
	"  -h, --help          show this help\n"
	"\n"
	"Exit status: 0 report written, 1 bad cards or content, 2 usage error,\n"
	"3 I/O error.\n";

static void S_write(const kg_card_kit *ck, const kg_calibration *c,
		    const char *out, const kg_loop_opts *o, kg_diags *d)
{
	kg_report rep;
	kg_buf csv = KG_BUF_INIT;

	if (kg_report_begin(&rep, ck->kit, out, o->templates, d) == 0) {
		kg_doc *doc = kg_compose_calibration(ck, c, o->anonymise);

		kg_report_doc(&rep, doc, "calibration", d);
		kg_doc_free(doc);
		kg_calibration_csv(c, o->anonymise, &csv);
		kg_report_raw(&rep, "calibration.csv", csv.ptr, csv.len, d);
	}
	kg_report_end(&rep, 0, d);
	kg_buf_release(&csv);
}

static void S_calibrate(const kg_kit *kit, char **files, size_t nfiles,
			const kg_loop_opts *o, kg_diags *d)
{
	kg_card_kit ck;
	kg_calibration cal;
	kg_card *cards = NULL;
	char *out = o->out ? kg_xstrdup(o->out) : kg_dir_of(files[0]);
	size_t i, n = 0, cap = 0;

	kg_card_kit_init(&ck, kit);
	for (i = 0; i < nfiles; i++) /* card files and filled PDFs */
		kg_cards_load(&ck, files[i], 0, &cards, &n, &cap, d);
	if (!kit->decision.node)
		kg_error(d, kit->decision_rule->mark, "kit.yaml has no "
			 "'decision' beside its decision_rule: calibrate needs "
			 "the rule's numbers (content/README.md)");
	if (d->errors == 0 && kg_calibrate(&ck, cards, n, &cal, d) == 0) {
		S_write(&ck, &cal, out, o, d);
		kg_calibration_free(&cal);
	}
	for (i = 0; i < n; i++)
		kg_card_free(&cards[i]);
	free(cards);
	kg_card_kit_free(&ck);
	free(out);
}

int kg_cmd_calibrate(int argc, char **argv)
{
	return kg_loop_cards("calibrate", kg_calibrate_usage, argc, argv, S_calibrate);
}
