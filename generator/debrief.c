/*
 * debrief.c - what a candidate's debrief contains (debrief.h). Every
 * number is worked out in panel.c and decision.c; this file only says
 * where it goes.
 */
#include "debrief.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "compose.h"
#include "labels.h"
#include "reportdoc.h"

char *kg_shown_name(const char *role, const char *name, int anonymise)
{
	return anonymise ? kg_pseudonym(role, name) : kg_one_line(name);
}

static void S_cellf(kg_block *row, const char *fmt, const char *a,
		    const char *b)
{
	kg_buf t = KG_BUF_INIT;

	kg_buf_printf(&t, fmt, a, b);
	kg_add_prose_copy(kg_add_cell(row, NULL), t.ptr);
	kg_buf_release(&t);
}

/* v with two decimals, in the kit's language (kg_label_number). */
static void S_num(const kg_labels *labels, double v, kg_buf *out)
{
	char s[32];

	snprintf(s, sizeof(s), "%.2f", v);
	kg_label_number(out, labels, s);
}

static void S_cell_num(const kg_labels *labels, kg_block *row, double v)
{
	kg_buf b = KG_BUF_INIT;

	S_num(labels, v, &b);
	kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
	kg_buf_release(&b);
}

/* kitgen's own words (labels.h), in the kit's language. */
#define S_L(key) kg_label(kit->labels, key)

static const char *S_band_label(const kg_kit *kit, int band)
{
	return band == KG_NOT_PROBED ? S_L("form.not_probed")
				     : kg_text(kit->bands[band].label);
}

static kg_doc *S_document(const kg_card_kit *ck, const kg_panel *p,
			  const char *who)
{
	const kg_kit *kit = ck->kit;
	kg_buf t = KG_BUF_INIT, sub = KG_BUF_INIT;
	kg_doc *doc;

	kg_label_put(&t, kit->labels, "debrief.title", "candidate", who, NULL);
	kg_label_put(&sub, kit->labels, "debrief.subtitle", "profile",
		     kg_text(p->ed->profile->title), "level",
		     kg_text(p->ed->level->title), "kit", kg_text(kit->title),
		     "version", kg_text(kit->version), NULL);
	doc = kg_report_document(kit, ck->digest, "debrief", S_L("debrief.name"),
				 kg_buf_detach(&t, NULL), kg_buf_detach(&sub, NULL));
	free(doc->meta.profile);
	free(doc->meta.level);
	doc->meta.profile = kg_one_line(kg_text(p->ed->profile->title));
	doc->meta.level = kg_one_line(kg_text(p->ed->level->title));
	return doc;
}

static void S_decision(const kg_kit *kit, const kg_panel *p, kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "decision", NULL,
				     S_L("form.decision"), 0);
	kg_block *fields = kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS));
	kg_buf b = KG_BUF_INIT, total = KG_BUF_INIT, th = KG_BUF_INIT;
	kg_buf bo = KG_BUF_INIT;
	char cards[32];

	kg_buf_printf(&b, "**%s**", kg_verdict_name(kit->labels, p->decided.verdict));
	kg_add_prose_copy(kg_add_field(fields, S_L("debrief.by_rule"), NULL),
			  b.ptr);
	kg_buf_reset(&b);
	S_num(kit->labels, p->decided.total, &total);
	kg_label_hundredths(&th, kit->labels, kg_int(kit->decision.threshold, 0));
	kg_label_hundredths(&bo, kit->labels, kg_int(kit->decision.borderline, 0));
	if (p->decided.threshold == KG_GATE_UNKNOWN)
		kg_buf_puts(&b, kg_gate_name(kit->labels, KG_GATE_UNKNOWN));
	else
		kg_label_put(&b, kit->labels, "debrief.total", "total", total.ptr,
			     "threshold", th.ptr, "borderline", bo.ptr, NULL);
	kg_add_prose_copy(kg_add_field(fields, S_L("debrief.weighted_total"),
				       NULL), b.ptr);
	kg_buf_reset(&b);
	snprintf(cards, sizeof(cards), "%zu", p->ncards);
	kg_label_putn(&b, kit->labels, "debrief.cards_for", (long)p->plan->n,
		      "cards", cards, NULL);
	kg_add_prose_copy(kg_add_field(fields, S_L("debrief.cards"), NULL), b.ptr);
	kg_buf_release(&b);
	kg_buf_release(&total);
	kg_buf_release(&th);
	kg_buf_release(&bo);
}

/* "Grace: Strong; Alan: Acceptable" for round r. */
static void S_ratings_of(const kg_kit *kit, const kg_panel *p, size_t r,
			 int anonymise, kg_buf *out)
{
	size_t i, n = 0;

	for (i = 0; i < p->ncards; i++) {
		char *by;

		if (p->cards[i]->round != r)
			continue;
		by = kg_shown_name(S_L("form.interviewer"),
				   p->cards[i]->interviewer, anonymise);
		kg_buf_puts(out, n++ ? S_L("punct.item_sep") : "");
		kg_label_field(out, kit->labels, by,
			       S_band_label(kit, p->cards[i]->overall));
		free(by);
	}
	if (!n)
		kg_buf_puts(out, S_L("debrief.no_card"));
}

static void S_rounds(const kg_kit *kit, const kg_panel *p, int anonymise,
		     kg_block *root)
{
	kg_block *sec = kg_c_section(root, 1, "rounds", NULL,
				     S_L("debrief.rounds"), 0);
	kg_block *table = kg_block_add(sec, kg_block_new(KG_BLOCK_TABLE));
	kg_block *row = kg_add_row(table);
	static const char *const head[] = {"common.round", "common.area",
		"common.weight", "debrief.ratings", "debrief.round_rating",
		"form.col_product", NULL};
	const char *const *h;
	size_t r;

	for (h = head; *h; h++)
		kg_add_cell(row, S_L(*h));
	for (r = 0; r < p->plan->n; r++) {
		const kg_round *rd = &p->plan->rounds[r];
		kg_buf b = KG_BUF_INIT;
		char n[32];

		row = kg_add_row(table);
		snprintf(n, sizeof(n), "%zu", r + 1);
		kg_add_prose_copy(kg_add_cell(row, NULL), n);
		kg_buf_reset(&b);
		kg_buf_puts(&b, rd->must_have ? " " : "");
		kg_buf_puts(&b, rd->must_have ? S_L("common.must_have") : "");
		S_cellf(row, "%s%s", kg_text(rd->area->title), b.ptr);
		kg_buf_reset(&b);
		snprintf(n, sizeof(n), "%d", rd->weight);
		kg_add_prose_copy(kg_add_cell(row, NULL), n);
		S_ratings_of(kit, p, r, anonymise, &b);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		kg_buf_release(&b);
		if (p->areas[r].rated) {
			S_cell_num(kit->labels, row, p->areas[r].score);
			S_cell_num(kit->labels, row,
				   p->areas[r].score * rd->weight);
		} else {
			kg_add_cell(row, S_L("debrief.not_rated"));
			kg_add_cell(row, "");
		}
	}
}

static void S_gate_row(kg_block *table, const char *gate, const char *rule,
		       const char *result)
{
	kg_block *row = kg_add_row(table);

	kg_add_prose_copy(kg_add_cell(row, NULL), gate);
	kg_add_prose_copy(kg_add_cell(row, NULL), rule);
	kg_add_prose_copy(kg_add_cell(row, NULL), result);
}

static void S_gates(const kg_kit *kit, const kg_panel *p, kg_block *root)
{
	const kg_decision *rule = &kit->decision;
	const kg_decided *dd = &p->decided;
	kg_block *sec = kg_c_section(root, 1, "gates", NULL,
				     S_L("debrief.gates"), 0);
	kg_block *table = kg_block_add(sec, kg_block_new(KG_BLOCK_TABLE));
	kg_block *row = kg_add_row(table);
	kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT;
	char weak[32];

	kg_add_cell(row, S_L("debrief.gate"));
	kg_add_cell(row, S_L("debrief.rule"));
	kg_add_cell(row, S_L("debrief.result"));
	kg_rule_gate_text(kit->labels, rule, KG_RULE_MUST_HAVE, &a);
	S_gate_row(table, kg_rule_gate_name(kit->labels, KG_RULE_MUST_HAVE),
		   a.ptr, kg_gate_name(kit->labels, dd->must_have));
	kg_buf_reset(&a);
	kg_rule_gate_text(kit->labels, rule, KG_RULE_WEAK_LIMIT, &a);
	snprintf(weak, sizeof(weak), "%zu", dd->weak);
	kg_label_put(&b, kit->labels, "debrief.weak_count", "weak", weak,
		     "result", kg_gate_name(kit->labels, dd->weak_limit), NULL);
	S_gate_row(table, kg_rule_gate_name(kit->labels, KG_RULE_WEAK_LIMIT),
		   a.ptr, b.ptr);
	kg_buf_reset(&a);
	kg_buf_reset(&b);
	kg_rule_gate_text(kit->labels, rule, KG_RULE_THRESHOLD, &a);
	if (dd->threshold == KG_GATE_UNKNOWN)
		kg_buf_puts(&b, kg_gate_name(kit->labels, dd->threshold));
	else {
		kg_buf n = KG_BUF_INIT;

		S_num(kit->labels, dd->total, &n);
		kg_label_field(&b, kit->labels, n.ptr,
			       kg_gate_name(kit->labels, dd->threshold));
		kg_buf_release(&n);
	}
	S_gate_row(table, kg_rule_gate_name(kit->labels, KG_RULE_THRESHOLD),
		   a.ptr, b.ptr);
	kg_buf_release(&a);
	kg_buf_release(&b);
	kg_add_prose(sec, kg_text(kit->decision_rule));
}

/* Rounds that two or more interviewers rated, with their spread. */
static void S_spread(const kg_kit *kit, const kg_panel *p, int anonymise,
		     kg_block *root)
{
	kg_block *sec = NULL, *table = NULL, *row;
	size_t r;

	for (r = 0; r < p->plan->n; r++) {
		kg_buf b = KG_BUF_INIT;
		char n[32];

		if (p->rounds[r].nrated < 2)
			continue;
		if (!sec) {
			sec = kg_c_section(root, 1, "spread", NULL,
					   S_L("debrief.spread"), 0);
			table = kg_block_add(sec, kg_block_new(KG_BLOCK_TABLE));
			row = kg_add_row(table);
			kg_add_cell(row, S_L("common.round"));
			kg_add_cell(row, S_L("debrief.ratings"));
			kg_add_cell(row, S_L("debrief.spread_points"));
		}
		row = kg_add_row(table);
		snprintf(n, sizeof(n), "%zu", r + 1);
		kg_add_prose_copy(kg_add_cell(row, NULL), n);
		S_ratings_of(kit, p, r, anonymise, &b);
		kg_add_prose_copy(kg_add_cell(row, NULL), b.ptr);
		S_cell_num(kit->labels, row, p->rounds[r].spread);
		kg_buf_release(&b);
	}
}

static void S_not_probed(const kg_kit *kit, const kg_panel *p,
			 kg_block *root)
{
	kg_block *list = NULL;
	size_t i, k;

	for (i = 0; i < p->ncards; i++) {
		const kg_card *c = p->cards[i];

		for (k = 0; k <= c->ndims; k++) {
			kg_buf b = KG_BUF_INIT;
			char n[32];
			int rating = k < c->ndims ? c->rating[k] : c->overall;

			if (rating != KG_NOT_PROBED)
				continue;
			if (!list)
				list = kg_add_list(kg_c_section(root, 1, "not-probed",
					NULL, S_L("form.not_probed"), 0),
					KG_LIST_BULLET);
			snprintf(n, sizeof(n), "%zu", c->round + 1);
			if (k < c->ndims) {
				char *label = kg_dim_label(kit, &c->r->dims[k]);
				kg_buf md = KG_BUF_INIT;

				kg_c_put_line(&md, label);
				kg_label_put(&b, kit->labels, "debrief.round_line",
					     "number", n, "line", md.ptr, NULL);
				kg_buf_release(&md);
				free(label);
			} else {
				kg_label_put(&b, kit->labels,
					     "debrief.round_overall", "number", n,
					     NULL);
			}
			kg_add_prose_copy(kg_add_item(list, NULL), b.ptr);
			kg_buf_release(&b);
		}
	}
}

static void S_card(const kg_kit *kit, const kg_card *c, size_t index,
		   int anonymise, kg_block *parent)
{
	char anchor[32];
	char *by = kg_shown_name(S_L("form.interviewer"), c->interviewer,
				 anonymise);
	kg_block *table, *row;
	kg_buf t = KG_BUF_INIT;
	char n[32];
	size_t k;

	snprintf(n, sizeof(n), "%zu", c->round + 1);
	kg_label_put(&t, kit->labels, "debrief.card_title", "number", n, "area",
		     kg_text(c->r->area->title), "interviewer", by, "date",
		     c->date, NULL);
	snprintf(anchor, sizeof(anchor), "card-%zu", index + 1);
	table = kg_block_add(kg_add_section(parent, 2, anchor, t.ptr, 0),
			     kg_block_new(KG_BLOCK_TABLE));
	row = kg_add_row(table);
	kg_add_cell(row, S_L("form.dimension"));
	kg_add_cell(row, S_L("debrief.rating"));
	kg_add_cell(row, S_L("form.evidence"));
	for (k = 0; k <= c->ndims; k++) {
		int rating = k < c->ndims ? c->rating[k] : c->overall;

		row = kg_add_row(table);
		if (k < c->ndims) {
			char *label = kg_dim_label(kit, &c->r->dims[k]);

			kg_c_line_cell(row, label);
			free(label);
		} else {
			kg_add_cell(row, S_L("debrief.overall"));
		}
		kg_buf_reset(&t);
		kg_buf_puts(&t, S_band_label(kit, rating));
		if (k < c->ndims && c->prompted[k])
			kg_buf_printf(&t, " (%s)", S_L("debrief.prompted"));
		kg_add_prose_copy(kg_add_cell(row, NULL), t.ptr);
		if (k < c->ndims && c->evidence[k])
			kg_add_prose_copy(kg_add_cell(row, NULL), c->evidence[k]);
		else
			kg_add_cell(row, "");
	}
	kg_buf_release(&t);
	free(by);
}

kg_doc *kg_compose_debrief(const kg_card_kit *ck, const kg_panel *p,
			   int anonymise)
{
	const kg_kit *kit = ck->kit;
	char *who = kg_shown_name(S_L("form.candidate"), p->candidate, anonymise);
	kg_doc *doc = S_document(ck, p, who);
	kg_block *sec;
	size_t i;

	S_decision(ck->kit, p, doc->root);
	S_rounds(ck->kit, p, anonymise, doc->root);
	S_gates(ck->kit, p, doc->root);
	S_spread(ck->kit, p, anonymise, doc->root);
	S_not_probed(ck->kit, p, doc->root);
	sec = kg_c_section(doc->root, 1, "evidence", NULL, S_L("form.evidence"),
			   0);
	for (i = 0; i < p->ncards; i++)
		S_card(ck->kit, p->cards[i], i, anonymise, sec);
	free(who);
	return doc;
}
