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
#include "labels.h"
#include "reportdoc.h"

/* kitgen's own words (labels.h), in the kit's language. */
#define S_L(key) kg_label(kit->labels, key)

/* A row's verdict: as the CSV writes it (data, in English), and its
 * label in the report. */
static const char *const S_flags[] = {"separates", "does not separate",
				      "too few cards to judge"};
static const char *const S_flag_labels[] = {"cal.separates",
					    "cal.no_separation", "cal.too_few"};

/* "0.42" ("0,42" in German: kg_label_number), or cal.not_available. */
static void S_num(const kg_kit *kit, char *s, size_t size, double v)
{
	kg_buf b = KG_BUF_INIT;
	char num[32];

	if (isnan(v)) {
		snprintf(s, size, "%s", S_L("cal.not_available"));
		return;
	}
	snprintf(num, sizeof(num), "%.2f", v);
	kg_label_number(&b, kit->labels, num);
	snprintf(s, size, "%s", b.ptr);
	kg_buf_release(&b);
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

/* A cell "text (note)" in the kit's language (punct.parenthetical). */
static void S_cell_paren(const kg_kit *kit, kg_block *row, const char *text,
			 const char *note)
{
	kg_buf b = KG_BUF_INIT;

	kg_label_paren(&b, kit->labels, text, note);
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

static void S_header(const kg_kit *kit, kg_block *table, const char *first)
{
	static const char *const h[] = {"form.not_probed", "cal.separation",
		"cal.agreement", "cal.verdict", NULL};
	kg_block *row = kg_add_row(table);
	const char *const *p;
	int b;

	kg_add_cell(row, first);
	for (b = 0; b < KG_NBANDS; b++)
		kg_c_line_cell(row, kg_text(kit->bands[b].label));
	for (p = h; *p; p++)
		kg_add_cell(row, S_L(*p));
}

static void S_row(const kg_kit *kit, kg_block *table, const kg_cal_row *r)
{
	kg_block *row = kg_add_row(table);
	char *id = S_row_id(r), rs[64], as[64], n[32];
	kg_buf pct = KG_BUF_INIT;
	size_t total = S_total(r);
	int b;

	S_cell(row, "`%s`", id);
	for (b = 0; b < KG_NBANDS; b++)
		S_cell(row, "%zu", r->count[b]);
	snprintf(n, sizeof(n), "%zu", r->count[KG_NOT_PROBED]);
	/* rounded half to even, as printf's "%.0f" */
	kg_label_percent(&pct, kit->labels, (long)nearbyint(100.0 *
			 (double)r->count[KG_NOT_PROBED] / (double)total));
	S_cell_paren(kit, row, n, pct.ptr);
	kg_buf_release(&pct);
	S_num(kit, rs, sizeof(rs), r->r);
	S_num(kit, as, sizeof(as), r->alpha);
	snprintf(n, sizeof(n), "%zu", r->rn);
	S_cell_paren(kit, row, rs, n);
	snprintf(n, sizeof(n), "%zu", r->pairs);
	S_cell_paren(kit, row, as, n);
	S_cell(row, "%s", S_L(S_flag_labels[r->flag]));
	free(id);
}

static kg_doc *S_document(const kg_card_kit *ck, const kg_calibration *c)
{
	const kg_kit *kit = ck->kit;
	kg_buf t = KG_BUF_INIT, sub = KG_BUF_INIT;
	char cards[32], candidates[32];

	snprintf(cards, sizeof(cards), "%zu", c->ncards);
	snprintf(candidates, sizeof(candidates), "%zu", c->ncandidates);
	kg_label_put(&t, kit->labels, "cal.title", "kit", kg_text(kit->title),
		     NULL);
	kg_label_put(&sub, kit->labels, "cal.subtitle", "cards", cards,
		     "candidates", candidates, NULL);
	return kg_report_document(kit, ck->digest, "calibration",
				  S_L("cal.name"), kg_buf_detach(&t, NULL),
				  kg_buf_detach(&sub, NULL));
}

static void S_summary(const kg_kit *kit, const kg_calibration *c,
		      kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "summary", NULL,
				     S_L("cal.summary"), 0);
	kg_block *f = kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS));
	kg_buf b = KG_BUF_INIT;
	char a[64], n[5][32];

	snprintf(n[0], sizeof(n[0]), "%zu", c->ncards);
	snprintf(n[1], sizeof(n[1]), "%zu", c->ncandidates);
	snprintf(n[2], sizeof(n[2]), "%zu", c->hires);
	snprintf(n[3], sizeof(n[3]), "%zu", c->no_hires);
	snprintf(n[4], sizeof(n[4]), "%zu",
		 c->ncandidates - c->hires - c->no_hires);
	kg_label_put(&b, kit->labels, "cal.decisions_line", "cards", n[0],
		     "candidates", n[1], "hire", n[2], "no_hire", n[3],
		     "other", n[4], NULL);
	kg_add_prose_copy(kg_add_field(f, S_L("cal.decisions"), NULL), b.ptr);
	kg_buf_reset(&b);
	S_num(kit, a, sizeof(a), c->alpha);
	snprintf(n[0], sizeof(n[0]), "%zu", c->pairs);
	kg_label_put(&b, kit->labels, "cal.agreement_line", "alpha", a,
		     "pairs", n[0], NULL);
	kg_add_prose_copy(kg_add_field(f, S_L("cal.agreement_overall"), NULL),
			  b.ptr);
	kg_buf_release(&b);
	kg_add_prose(sec, S_L("cal.explained"));
}

static void S_review(const kg_kit *kit, const kg_calibration *c,
		     kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "review", NULL,
				     S_L("cal.review"), 0);
	kg_block *list = NULL;
	size_t i;

	for (i = 0; i < c->nquestions; i++) {
		const kg_cal_row *r = &c->rows[i];
		kg_buf b = KG_BUF_INIT, id = KG_BUF_INIT, which = KG_BUF_INIT;
		kg_buf line = KG_BUF_INIT;
		char rs[64], cards[32];

		if (r->flag != KG_CAL_NO_SEPARATION)
			continue;
		if (!list)
			list = kg_add_list(sec, KG_LIST_BULLET);
		S_num(kit, rs, sizeof(rs), r->r);
		snprintf(cards, sizeof(cards), "%zu", r->rn);
		kg_label_put(&line, kit->labels, "cal.review_line", "r", rs,
			     "cards", cards, NULL);
		kg_buf_printf(&id, "`%s`", kg_text(r->question->id));
		kg_label_paren(&which, kit->labels, id.ptr,
			       kg_text(r->topic->title));
		kg_label_field(&b, kit->labels, which.ptr, line.ptr);
		kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
		kg_buf_release(&b);
		kg_buf_release(&id);
		kg_buf_release(&which);
		kg_buf_release(&line);
	}
	if (!list)
		kg_add_prose(sec, S_L("cal.review_none"));
}

static kg_block *S_chart_cell(kg_block *row, const char *title, long count)
{
	kg_block *cell = kg_block_add(row, kg_block_new(KG_BLOCK_CELL));

	cell->title = title ? kg_xstrdup(title) : NULL;
	cell->level = (int)count;
	return cell;
}

/* The ratings by band of rows from..to as a chart (HTML draws it). */
static void S_chart(const kg_kit *kit, const kg_calibration *c, size_t from,
		    size_t to, const char *title, kg_block *sec)
{
	kg_block *chart = kg_block_add(sec, kg_block_new(KG_BLOCK_CHART));
	kg_block *row = kg_add_row(chart);
	size_t i;
	int b;

	chart->title = kg_xstrdup(title);
	/* the series: the kit's bands, then "not probed" */
	for (b = 0; b <= KG_NBANDS; b++)
		S_chart_cell(row, b < KG_NBANDS ? kg_text(kit->bands[b].label)
						: S_L("form.not_probed"), 0);
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

	S_header(kit, table, first);
	for (i = from; i < to; i++)
		S_row(kit, table, &c->rows[i]);
}

static void S_interviewers(const kg_kit *kit, const kg_calibration *c,
			   int anonymise, kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "interviewers", NULL,
				     S_L("cal.interviewers"), 0);
	kg_block *table, *row;
	size_t i;

	kg_add_prose(sec, S_L("cal.leniency_explained"));
	table = kg_block_add(sec, kg_block_new(KG_BLOCK_TABLE));
	row = kg_add_row(table);
	kg_add_cell(row, S_L("form.interviewer"));
	kg_add_cell(row, S_L("debrief.cards"));
	kg_add_cell(row, S_L("cal.leniency"));
	for (i = 0; i < c->nraters; i++) {
		char *who = kg_shown_name(S_L("form.interviewer"),
					  c->raters[i].name, anonymise);
		char ls[64], sign[80], n[32];

		row = kg_add_row(table);
		kg_add_prose_copy(kg_add_cell(row, NULL), who);
		S_cell(row, "%zu", c->raters[i].cards);
		S_num(kit, ls, sizeof(ls), c->raters[i].lean);
		snprintf(sign, sizeof(sign), "%s%s", !isnan(c->raters[i].lean) &&
			 c->raters[i].lean > 0 ? "+" : "", ls);
		snprintf(n, sizeof(n), "%zu", c->raters[i].n);
		S_cell_paren(kit, row, sign, n);
		free(who);
	}
}

kg_doc *kg_compose_calibration(const kg_card_kit *ck,
			       const kg_calibration *c, int anonymise)
{
	const kg_kit *kit = ck->kit;
	kg_doc *doc = S_document(ck, c);
	kg_block *sec;

	S_summary(kit, c, doc->root);
	S_review(kit, c, doc->root);
	sec = kg_c_section(doc->root, 1, "questions", NULL,
			   S_L("public.questions"), 0);
	S_chart(kit, c, 0, c->nquestions, S_L("cal.chart_questions"), sec);
	S_table(kit, c, 0, c->nquestions, S_L("cal.question"), sec);
	sec = kg_c_section(doc->root, 1, "scenarios", NULL,
			   S_L("cal.scenarios"), 0);
	S_chart(kit, c, c->nquestions, c->nrows, S_L("cal.chart_scenarios"),
		sec);
	S_table(kit, c, c->nquestions, c->nrows, S_L("cal.scenario"), sec);
	S_interviewers(kit, c, anonymise, doc->root);
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
