/*
 * calreport.c - the calibration report as a document and as CSV
 * (calreport.h).
 */
#include "calreport.h"

#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compose.h"
#include "csv.h"
#include "debrief.h"
#include "reportdoc.h"

static const char *const S_flags[] = {"separates", "does not separate",
				      "too few cards to judge"};

/* "0.42" or "n/a". */
static void S_num(char *s, size_t size, double v)
{
	if (isnan(v))
		snprintf(s, size, "n/a");
	else
		snprintf(s, size, "%.2f", v);
}

static void S_cell(kg_block *row, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));
static void S_cell(kg_block *row, const char *fmt, ...)
{
	kg_buf b = KG_BUF_INIT;
	va_list ap;

	va_start(ap, fmt);
	kg_buf_vprintf(&b, fmt, ap);
	va_end(ap);
	kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	kg_buf_release(&b);
}

static size_t S_total(const kg_cal_row *r)
{
	size_t b, n = 0;

	for (b = 0; b <= KG_NBANDS; b++)
		n += r->count[b];
	return n;
}

/* A row's name: the id a card rates it by (plan.h's kg_dim). */
static char *S_row_id(const kg_cal_row *r)
{
	kg_buf b = KG_BUF_INIT;

	if (r->question)
		return kg_xstrdup(kg_text(r->question->id));
	if (r->scenario)
		return kg_xstrdup(kg_text(r->scenario->id));
	kg_buf_printf(&b, "%s-scenario", kg_text(r->topic->id));
	return kg_buf_detach(&b, NULL);
}

static void S_header(kg_block *table, const char *first)
{
	static const char *const h[] = {"Strong", "Acceptable", "Weak",
		"Not probed", "Separation r (n)", "Agreement α (pairs)", "Verdict",
		NULL};
	kg_block *row = kg_add_row(table);
	const char *const *p;

	kg_add_cell(row, first);
	for (p = h; *p; p++)
		kg_add_cell(row, *p);
}

static void S_row(const kg_kit *kit, kg_block *table, const kg_cal_row *r)
{
	kg_block *row = kg_add_row(table);
	char *id = S_row_id(r), rs[16], as[16];
	size_t total = S_total(r);
	int b;

	(void)kit;
	S_cell(row, "`%s`", id);
	for (b = 0; b < KG_NBANDS; b++)
		S_cell(row, "%zu", r->count[b]);
	S_cell(row, "%zu (%.0f%%)", r->count[KG_NOT_PROBED],
	       100.0 * (double)r->count[KG_NOT_PROBED] / (double)total);
	S_num(rs, sizeof(rs), r->r);
	S_num(as, sizeof(as), r->alpha);
	S_cell(row, "%s (%zu)", rs, r->rn);
	S_cell(row, "%s (%zu)", as, r->pairs);
	S_cell(row, "%s", S_flags[r->flag]);
	free(id);
}

static kg_doc *S_document(const kg_card_kit *ck, const kg_calibration *c)
{
	kg_buf t = KG_BUF_INIT, sub = KG_BUF_INIT;

	kg_buf_printf(&t, "Calibration: %s", kg_text(ck->kit->title));
	kg_buf_printf(&sub, "How each question and scenario separated the "
		      "panel's decisions, and how far interviewers agreed, over "
		      "%zu cards of %zu candidates.", c->ncards, c->ncandidates);
	return kg_report_document(ck->kit, ck->digest, "calibration",
				  "Calibration report", kg_buf_detach(&t, NULL),
				  kg_buf_detach(&sub, NULL));
}

static void S_summary(const kg_calibration *c, kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "summary", NULL, "Summary", 0);
	kg_block *f = kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS));
	kg_buf b = KG_BUF_INIT;
	char a[16];

	kg_buf_printf(&b, "%zu cards of %zu candidates: %zu hire, %zu no hire, "
		      "%zu borderline or incomplete", c->ncards, c->ncandidates,
		      c->hires, c->no_hires,
		      c->ncandidates - c->hires - c->no_hires);
	kg_add_prose_copy(kg_add_field(f, "Decisions", NULL), b.ptr);
	kg_buf_reset(&b);
	S_num(a, sizeof(a), c->alpha);
	kg_buf_printf(&b, "α = %s over %zu pairs of interviewers who rated the "
		      "same candidate's same round", a, c->pairs);
	kg_add_prose_copy(kg_add_field(f, "Agreement on overall ratings", NULL),
			  b.ptr);
	kg_buf_release(&b);
	kg_add_prose(sec,
		"**Separation** is the point-biserial correlation of a rating's "
		"points with the decision the kit's rule gives the candidate "
		"(hire 1, no hire 0; borderline and incomplete candidates left "
		"out), over *n* cards. A question or scenario **does not "
		"separate** when *r* is below 0.20 over at least 20 cards; with "
		"fewer, there are too few cards to judge. **Agreement** is "
		"Krippendorff's α for ordinal data over the interviewers who "
		"rated the same candidate's same round: 1 is full agreement, 0 "
		"no better than chance. A question or scenario is rated by its "
		"own line of the scorecard.");
}

static void S_review(const kg_calibration *c, kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "review", NULL,
				     "Questions to review for the next version", 0);
	kg_block *list = NULL;
	size_t i;

	for (i = 0; i < c->nquestions; i++) {
		const kg_cal_row *r = &c->rows[i];
		kg_buf b = KG_BUF_INIT;
		char rs[16];

		if (r->flag != KG_CAL_NO_SEPARATION)
			continue;
		if (!list)
			list = kg_add_list(sec, KG_LIST_BULLET);
		S_num(rs, sizeof(rs), r->r);
		kg_buf_printf(&b, "`%s` (%s): does not separate, r = %s over %zu "
			      "cards", kg_text(r->question->id),
			      kg_text(r->topic->title), rs, r->rn);
		kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
		kg_buf_release(&b);
	}
	if (!list)
		kg_add_prose(sec, "No question with enough cards fails to "
				  "separate the panel's decisions.");
}

static kg_block *S_chart_cell(kg_block *row, const char *title, long count)
{
	kg_block *cell = kg_block_add(row, kg_block_new(KG_BLOCK_CELL));

	cell->title = title ? kg_xstrdup(title) : NULL;
	cell->level = (int)count;
	return cell;
}

/* The ratings by band of rows from..to as a chart (HTML draws it). */
static void S_chart(const kg_calibration *c, size_t from, size_t to,
		    const char *title, kg_block *sec)
{
	static const char *const series[] = {"Strong", "Acceptable", "Weak",
					     "Not probed"};
	kg_block *chart = kg_block_add(sec, kg_block_new(KG_BLOCK_CHART));
	kg_block *row = kg_add_row(chart);
	size_t i;
	int b;

	chart->title = kg_xstrdup(title);
	for (b = 0; b <= KG_NBANDS; b++)
		S_chart_cell(row, series[b], 0);
	for (i = from; i < to; i++) {
		row = kg_add_row(chart);
		row->title = S_row_id(&c->rows[i]);
		for (b = 0; b <= KG_NBANDS; b++)
			S_chart_cell(row, NULL, (long)c->rows[i].count[b]);
	}
}

static void S_table(const kg_kit *kit, const kg_calibration *c, size_t from,
		    size_t to, const char *first, kg_block *sec)
{
	kg_block *table = kg_block_add(sec, kg_block_new(KG_BLOCK_TABLE));
	size_t i;

	S_header(table, first);
	for (i = from; i < to; i++)
		S_row(kit, table, &c->rows[i]);
}

static void S_interviewers(const kg_calibration *c, int anonymise,
			   kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "interviewers", NULL,
				     "Interviewers", 0);
	kg_block *table, *row;
	size_t i;

	kg_add_prose(sec, "**Leniency** is the mean of an interviewer's overall "
			  "points less the mean of the rest of the candidate's "
			  "panel, over the cards where the rest of the panel "
			  "rated the candidate too: above 0 rates higher than "
			  "the panel.");
	table = kg_block_add(sec, kg_block_new(KG_BLOCK_TABLE));
	row = kg_add_row(table);
	kg_add_cell(row, "Interviewer");
	kg_add_cell(row, "Cards");
	kg_add_cell(row, "Leniency (n)");
	for (i = 0; i < c->nraters; i++) {
		char *who = kg_shown_name("Interviewer", c->raters[i].name, anonymise);
		char ls[16];

		row = kg_add_row(table);
		kg_add_prose_copy(kg_add_cell(row, NULL), who);
		S_cell(row, "%zu", c->raters[i].cards);
		S_num(ls, sizeof(ls), c->raters[i].lean);
		S_cell(row, "%s%s (%zu)", !isnan(c->raters[i].lean) &&
		       c->raters[i].lean > 0 ? "+" : "", ls, c->raters[i].n);
		free(who);
	}
}

kg_doc *kg_compose_calibration(const kg_card_kit *ck,
			       const kg_calibration *c, int anonymise)
{
	kg_doc *doc = S_document(ck, c);
	kg_block *sec;

	S_summary(c, doc->root);
	S_review(c, doc->root);
	sec = kg_c_section(doc->root, 1, "questions", NULL, "Questions", 0);
	S_chart(c, 0, c->nquestions, "Ratings by band, per question", sec);
	S_table(ck->kit, c, 0, c->nquestions, "Question", sec);
	sec = kg_c_section(doc->root, 1, "scenarios", NULL, "Scenarios", 0);
	S_chart(c, c->nquestions, c->nrows, "Ratings by band, per scenario",
		sec);
	S_table(ck->kit, c, c->nquestions, c->nrows, "Scenario", sec);
	S_interviewers(c, anonymise, doc->root);
	return doc;
}

/* ---- CSV ---------------------------------------------------------------- */

static void S_csv_num(kg_buf *out, double v)
{
	if (!isnan(v))
		kg_buf_printf(out, "%.4f", v);
}

static void S_csv_row(const kg_cal_row *r, kg_buf *out)
{
	char *id = S_row_id(r);
	size_t total = S_total(r);
	int b;

	kg_buf_puts(out, r->question ? "question," : r->scenario ? "scenario,"
							      : "exercise,");
	kg_csv_quoted(out, id);
	kg_buf_putc(out, ',');
	kg_csv_quoted(out, r->topic ? kg_text(r->topic->id) : ""); /* none for a
								   behavioural scenario */
	for (b = 0; b <= KG_NBANDS; b++)
		kg_buf_printf(out, ",%zu", r->count[b]);
	kg_buf_printf(out, ",%.4f,", (double)r->count[KG_NOT_PROBED] / (double)total);
	S_csv_num(out, r->r);
	kg_buf_printf(out, ",%zu,", r->rn);
	S_csv_num(out, r->alpha);
	kg_buf_printf(out, ",%zu,%s,,,\r\n", r->pairs, S_flags[r->flag]);
	free(id);
}

void kg_calibration_csv(const kg_calibration *c, int anonymise, kg_buf *out)
{
	size_t i;

	kg_buf_puts(out, "kind,id,topic,strong,acceptable,weak,not_probed,"
			 "share_not_probed,point_biserial,n,alpha,pairs,verdict,"
			 "cards,leniency,leniency_n\r\n");
	kg_buf_puts(out, "overall,,,,,,,,,,");
	S_csv_num(out, c->alpha);
	kg_buf_printf(out, ",%zu,,%zu,,\r\n", c->pairs, c->ncards);
	for (i = 0; i < c->nrows; i++)
		S_csv_row(&c->rows[i], out);
	for (i = 0; i < c->nraters; i++) {
		char *who = kg_shown_name("Interviewer", c->raters[i].name, anonymise);

		kg_buf_puts(out, "interviewer,");
		kg_csv_quoted(out, who);
		kg_buf_printf(out, ",,,,,,,,,,,,%zu,", c->raters[i].cards);
		S_csv_num(out, c->raters[i].lean);
		kg_buf_printf(out, ",%zu\r\n", c->raters[i].n);
		free(who);
	}
}
