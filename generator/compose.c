/*
 * compose.c - what the public kit contains, and in what order, as a
 * document tree, and the pieces panel packets share with it (compose.h).
 * The writers decide only how each block looks.
 *
 * Order: contents; how to use the kit (introduction, levels, capability
 * areas, weighting profiles); the rating scale; running the loop; the
 * comparison table; one part per topic (each on a new page); scenario
 * challenges; the question index by level.
 */
#include "compose.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "labels.h"
#include "markdown.h"

/* ---- small helpers --------------------------------------------------------- */

/* The document's name for one of the kit's bands (KG_BAND_*). */
static kg_doc_band S_band(int band)
{
	switch (band) {
	case KG_BAND_STRONG: return KG_DOC_BAND_STRONG;
	case KG_BAND_ACCEPTABLE: return KG_DOC_BAND_ACCEPTABLE;
	default: return KG_DOC_BAND_WEAK;
	}
}

/* A section's anchor: prefix-suffix, or prefix alone. The caller frees it. */
static char *S_anchor(const char *prefix, const char *suffix)
{
	kg_buf buf = KG_BUF_INIT;

	kg_buf_puts(&buf, prefix);
	if (suffix)
		kg_buf_printf(&buf, "-%s", suffix);
	return kg_buf_detach(&buf, NULL);
}

kg_block *kg_c_section(kg_block *parent, int level, const char *prefix,
		       const char *suffix, const char *title, unsigned flags)
{
	char *id = S_anchor(prefix, suffix);
	kg_block *s = kg_add_section(parent, level, id, title, flags);

	free(id);
	return s;
}

void kg_c_list(kg_block *parent, const kg_list *items)
{
	kg_block *list;
	size_t i;

	if (items->n == 0)
		return;
	list = kg_add_list(parent, KG_LIST_BULLET);
	for (i = 0; i < items->n; i++)
		kg_add_item(list, kg_text(items->items[i]));
}

void kg_c_signals(kg_block *parent, const kg_signal *s, size_t n)
{
	kg_block *fields = kg_block_add(parent, kg_block_new(KG_BLOCK_FIELDS));
	size_t i;

	for (i = 0; i < n; i++)
		kg_add_field(fields, kg_text(s[i].name), kg_text(s[i].detail));
}

/* kitgen's own words (labels.h), in the kit's language. */
#define S_L(key) kg_label(kit->labels, key)

void kg_c_rubric(const kg_kit *kit, kg_block *parent, const kg_rubric *r)
{
	kg_block *rubric = kg_block_add(parent, kg_block_new(KG_BLOCK_RUBRIC));
	int b;

	for (b = 0; b < KG_NBANDS; b++)
		kg_add_band(rubric, S_band(b), kg_text(kit->bands[b].label),
			    kg_text(r->band[b]));
}

void kg_c_answer_key(const kg_kit *kit, kg_block *parent, const kg_topic *t)
{
	kg_block *fields = kg_block_add(parent, kg_block_new(KG_BLOCK_FIELDS));
	kg_block *box;

	kg_add_field(fields, S_L("public.key_contains"), kg_text(t->key_contains));
	kg_add_field(fields, S_L("public.key_tradeoffs"), kg_text(t->key_tradeoffs));
	kg_add_field(fields, S_L("public.key_push_on"), kg_text(t->key_push_on));
	box = kg_add_callout(parent, KG_CALLOUT_RED_FLAGS, S_L("common.red_flags"));
	kg_c_list(box, &t->red_flags);
}

void kg_c_put_line(kg_buf *md, const char *text)
{
	/* leading blanks would make an indented code block of a title that
	 * starts a paragraph or a table cell; a title is one line of text */
	text += strspn(text, " \t");
	kg_md_escape(md, text, strlen(text));
}

kg_block *kg_c_line_cell(kg_block *row, const char *text)
{
	kg_block *cell = kg_add_cell(row, NULL);
	kg_buf md = KG_BUF_INIT;

	kg_c_put_line(&md, text);
	kg_add_prose_copy(cell, md.ptr);
	kg_buf_release(&md);
	return cell;
}

kg_block *kg_c_line_field(kg_block *fields, const char *label, const char *text)
{
	kg_block *field = kg_add_field(fields, label, NULL);
	kg_buf md = KG_BUF_INIT;

	kg_c_put_line(&md, text);
	kg_add_prose_copy(field, md.ptr);
	kg_buf_release(&md);
	return field;
}

const char *kg_c_level_title(const kg_kit *kit, const char *id)
{
	const kg_level *lv = kg_kit_level(kit, id);

	return lv ? kg_text(lv->title) : id;
}

const char *kg_c_area_title(const kg_kit *kit, const char *id)
{
	const kg_area *a = kg_kit_area(kit, id);

	return a ? kg_text(a->title) : id;
}

/* ---- the front parts ------------------------------------------------------ */

static void S_how_to_use(const kg_kit *kit, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "how-to-use", NULL,
				   S_L("public.how_to_use"), KG_SECTION_IN_TOC |
				   KG_SECTION_NEW_PAGE);
	kg_block *sec, *fields;
	kg_buf buf = KG_BUF_INIT, line = KG_BUF_INIT, pct = KG_BUF_INIT;
	size_t i, j, k;

	kg_add_prose(part, kg_text(kit->introduction));

	sec = kg_c_section(part, 2, "levels", NULL, S_L("public.levels"),
			KG_SECTION_IN_TOC);
	fields = kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS));
	for (i = 0; i < kit->nlevels; i++)
		kg_add_field(fields, kg_text(kit->levels[i].title),
			     kg_text(kit->levels[i].expects));

	sec = kg_c_section(part, 2, "areas", NULL, S_L("public.areas"),
			KG_SECTION_IN_TOC);
	fields = kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS));
	for (i = 0; i < kit->nareas; i++) {
		const char *area = kg_text(kit->areas[i].id);
		const char *sep = "";

		kg_buf_reset(&buf);
		kg_buf_printf(&buf, "%s\n\n*%s*",
			      kg_text(kit->areas[i].description),
			      S_L("public.area_topics"));
		kg_label_gap(&buf);
		for (j = 0; j < kit->ntopics; j++)
			for (k = 0; k < kit->topics[j].areas.n; k++)
				if (strcmp(kit->topics[j].areas.items[k]->text,
					   area) == 0) {
					kg_buf_printf(&buf, "%s[", sep);
					kg_c_put_line(&buf, kg_text(kit->topics[j].title));
					kg_buf_printf(&buf, "](#topic-%s)",
						      kg_text(kit->topics[j].id));
					sep = S_L("common.list_sep");
				}
		kg_add_prose_copy(kg_add_field(fields, kg_text(kit->areas[i].title),
					       NULL), buf.ptr);
	}

	sec = kg_c_section(part, 2, "profiles", NULL, S_L("public.profiles"),
			KG_SECTION_IN_TOC);
	kg_add_prose(sec, S_L("public.profiles_intro"));
	for (i = 0; i < kit->nprofiles; i++) {
		const kg_profile *p = &kit->profiles[i];
		kg_block *psec = kg_c_section(sec, 3, "profile", kg_text(p->id),
					   kg_text(p->title), 0);
		kg_block *list;

		kg_add_prose(psec, kg_text(p->rationale));
		list = kg_add_list(psec, KG_LIST_BULLET);
		for (j = 0; j < p->nweights; j++) {
			const char *area = p->weights[j].area->text;
			int must = 0;

			for (k = 0; k < p->must_have.n; k++)
				must |= strcmp(p->must_have.items[k]->text, area) == 0;
			kg_buf_reset(&line);
			kg_c_put_line(&line, kg_c_area_title(kit, area));
			kg_buf_reset(&pct);
			kg_buf_puts(&pct, "**");
			kg_label_percent(&pct, kit->labels,
					 kg_int(p->weights[j].value, 0));
			kg_buf_puts(&pct, "**");
			kg_buf_reset(&buf);
			kg_label_field(&buf, kit->labels, line.ptr, pct.ptr);
			kg_buf_printf(&buf, "%s%s",
				      must ? S_L("punct.before_note") : "",
				      must ? S_L("common.must_have") : "");
			kg_add_prose_copy(kg_add_item(list, NULL), buf.ptr);
		}
	}
	kg_buf_release(&line);
	kg_buf_release(&pct);
	kg_buf_release(&buf);
}

static void S_rating_scale(const kg_kit *kit, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "rating-scale", NULL,
				   S_L("public.scale"),
				   KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	kg_block *rubric;
	kg_buf buf = KG_BUF_INIT, pts = KG_BUF_INIT;
	int b;

	kg_add_prose(part, S_L("public.scale_intro"));
	rubric = kg_block_add(part, kg_block_new(KG_BLOCK_RUBRIC));
	for (b = 0; b < KG_NBANDS; b++) {
		long points = kg_int(kit->bands[b].points, 0);

		kg_buf_reset(&pts);
		kg_label_putn(&pts, kit->labels, "public.points", points, NULL);
		kg_buf_reset(&buf);
		kg_label_paren(&buf, kit->labels, kg_text(kit->bands[b].label),
			       pts.ptr);
		kg_add_band(rubric, S_band(b), buf.ptr,
			    kg_text(kit->bands[b].definition));
	}
	kg_buf_release(&pts);
	kg_buf_release(&buf);
}

static void S_guidance(const kg_kit *kit, kg_block *root)
{
	const kg_guidance *g = &kit->guidance;
	kg_block *part = kg_c_section(root, 1, "running-the-loop", NULL,
				   S_L("public.loop"),
				   KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	kg_block *sec, *box;

	kg_add_prose(part, kg_text(g->running_a_loop));
	sec = kg_c_section(part, 2, "scoring", NULL, S_L("public.scoring"),
			KG_SECTION_IN_TOC);
	kg_add_prose(sec, kg_text(g->scoring));

	sec = kg_c_section(part, 2, "evidence", NULL, S_L("public.evidence"),
			KG_SECTION_IN_TOC);
	kg_add_prose(sec, kg_text(g->evidence_summary));
	box = kg_add_callout(sec, KG_CALLOUT_GOOD_NOTE, S_L("common.good_notes"));
	kg_c_list(box, &g->good_notes);
	box = kg_add_callout(sec, KG_CALLOUT_BAD_NOTE, S_L("common.bad_notes"));
	kg_c_list(box, &g->bad_notes);

	sec = kg_c_section(part, 2, "calibration", NULL, S_L("public.calibration"),
			KG_SECTION_IN_TOC);
	kg_add_prose(sec, kg_text(g->calibration_summary));
	box = kg_add_callout(sec, KG_CALLOUT_NOTE, S_L("common.borderline_examples"));
	kg_c_list(box, &g->borderline);

	sec = kg_c_section(part, 2, "bias", NULL, S_L("public.bias"), KG_SECTION_IN_TOC);
	kg_add_prose(sec, kg_text(g->bias));

	sec = kg_c_section(part, 2, "decision-rule", NULL, S_L("public.decision"),
			KG_SECTION_IN_TOC);
	kg_add_prose(sec, kg_text(kit->decision_rule));
}

/* The titles of the levels a topic suits, in the topic's order, as one
 * line of text in buf. */
static void S_level_titles(const kg_kit *kit, const kg_list *levels,
			   kg_buf *buf)
{
	size_t i;

	kg_buf_reset(buf);
	for (i = 0; i < levels->n; i++) {
		if (i)
			kg_buf_puts(buf, S_L("common.list_sep"));
		kg_c_put_line(buf, kg_c_level_title(kit, kg_text(levels->items[i])));
	}
}

static void S_comparison_row(const kg_kit *kit, kg_block *table,
			     const kg_topic *t, kg_buf *buf)
{
	kg_block *row = kg_add_row(table);

	kg_buf_reset(buf);
	kg_buf_putc(buf, '[');
	kg_c_put_line(buf, kg_text(t->title));
	kg_buf_printf(buf, "](#topic-%s)", kg_text(t->id));
	kg_add_prose_copy(kg_add_cell(row, NULL), buf->ptr);
	kg_add_cell(row, kg_text(t->cmp_reveals));
	S_level_titles(kit, &t->cmp_levels, buf);
	kg_add_prose_copy(kg_add_cell(row, NULL), buf->ptr);
	kg_buf_reset(buf);
	/* a no-break space: "40" and "min" never part at a narrow column */
	kg_label_putn(buf, kit->labels, "common.min", kg_int(t->cmp_minutes, 0),
		      NULL);
	kg_add_prose_copy(kg_add_cell(row, NULL), buf->ptr);
	kg_add_cell(row, kg_text(t->cmp_fits));
	kg_add_cell(row, kg_text(t->cmp_watch_for));
}

static void S_comparison(const kg_kit *kit, kg_block *root)
{
	static const char *const head[] = {
		"public.col_topic", "public.col_reveals", "public.col_suits",
		"common.time", "public.col_fits", "public.col_watch_for"};
	kg_block *part = kg_c_section(root, 1, "comparison", NULL,
				   S_L("public.comparison"),
				   KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	kg_block *table, *row;
	kg_buf buf = KG_BUF_INIT;
	size_t i;

	kg_add_prose(part, S_L("public.comparison_intro"));
	table = kg_block_add(part, kg_block_new(KG_BLOCK_TABLE));
	row = kg_add_row(table);
	for (i = 0; i < sizeof(head) / sizeof(*head); i++)
		kg_add_cell(row, S_L(head[i]));
	for (i = 0; i < kit->ntopics; i++)
		S_comparison_row(kit, table, &kit->topics[i], &buf);
	kg_buf_release(&buf);
}

/* ---- topics ------------------------------------------------------------------- */

/* The questions in presentation order, for the index: Q1 .. Q40 (the
 * numbers are kg_question_number's). */
typedef struct S_numbering {
	const kg_question **order;
	size_t n, cap;
} S_numbering;

void kg_c_code(const kg_kit *kit, kg_block *parent, const kg_question *q)
{
	if (!q->code_listing)
		return;
	kg_add_code(parent, kg_text(q->code_language), kg_text(q->code_listing));
	if (q->task)
		kg_add_field(kg_block_add(parent, kg_block_new(KG_BLOCK_FIELDS)),
			     S_L("public.task"), kg_text(q->task));
}

void kg_c_hints(kg_block *parent, const kg_question *q)
{
	kg_block *list;
	size_t i;

	if (q->hints.n == 0)
		return;
	list = kg_add_list(parent, KG_LIST_ORDERED);
	for (i = 0; i < q->hints.n; i++)
		kg_add_item(list, kg_text(q->hints.items[i]));
}

void kg_c_samples(const kg_kit *kit, kg_block *parent, const kg_question *q)
{
	kg_block *box;

	box = kg_add_callout(parent, KG_CALLOUT_STRONG, S_L("public.strong"));
	kg_add_prose(box, kg_text(q->strong_answer));
	if (q->acceptable_answer) {
		box = kg_add_callout(parent, KG_CALLOUT_ACCEPTABLE,
				     S_L("public.acceptable"));
		kg_add_prose(box, kg_text(q->acceptable_answer));
		if (q->acceptable_because)
			kg_add_field(kg_block_add(box, kg_block_new(KG_BLOCK_FIELDS)),
				     S_L("public.acceptable_because"),
				     kg_text(q->acceptable_because));
	}
	box = kg_add_callout(parent, KG_CALLOUT_WEAK, S_L("public.weak"));
	kg_add_prose(box, kg_text(q->weak_answer));
	kg_add_field(kg_block_add(box, kg_block_new(KG_BLOCK_FIELDS)),
		     S_L("public.weak_because"), kg_text(q->weak_because));
}

void kg_c_question(const kg_kit *kit, kg_block *parent, int level,
		   const kg_question *q, size_t number)
{
	char num[24], *title;
	kg_block *sec, *box;

	snprintf(num, sizeof(num), "%zu", number);
	title = kg_label_dup(kit->labels, "common.question_title", "number", num,
			     "level", kg_c_level_title(kit, kg_text(q->level)),
			     NULL);
	sec = kg_c_section(parent, level, "q", kg_text(q->id), title, 0);
	free(title);
	kg_add_prose(sec, kg_text(q->prompt));
	kg_c_code(kit, sec, q);
	box = kg_add_callout(sec, KG_CALLOUT_CUES, S_L("public.cues"));
	kg_c_list(box, &q->recruiter_cues);
	if (q->hints.n)
		kg_c_hints(kg_add_field(kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS)),
					S_L("public.hints"), NULL), q);
	kg_c_samples(kit, sec, q);
	box = kg_add_field(kg_block_add(sec, kg_block_new(KG_BLOCK_FIELDS)),
			   S_L("common.follow_ups"), NULL);
	kg_c_list(box, &q->follow_ups);
}

/* What the public kit's deferred parts need: the kit and the numbering. */
typedef struct S_public {
	const kg_kit *kit;
	S_numbering num;
} S_public;

static void S_public_free(void *state)
{
	S_public *p = state;

	free(p->num.order);
	free(p);
}

/* The body of topic number index (a deferred part: see doc.h). */
static void S_topic(kg_block *part, const void *ctx, size_t index)
{
	const S_public *pub = ctx;
	const kg_kit *kit = pub->kit;
	const kg_topic *t = &kit->topics[index];
	const char *id = part->id; /* topic-<id>: its parts are topic-<id>-... */
	kg_block *sec, *box;
	kg_buf buf = KG_BUF_INIT;
	size_t i, l;

	kg_buf_printf(&buf, "*%s*", S_L("public.topic_areas"));
	kg_label_gap(&buf);
	for (i = 0; i < t->areas.n; i++) {
		kg_buf_puts(&buf, i ? S_L("common.list_sep") : "");
		kg_c_put_line(&buf, kg_c_area_title(kit, t->areas.items[i]->text));
	}
	kg_add_prose_copy(part, buf.ptr);
	kg_add_prose(part, kg_text(t->exposes));

	sec = kg_c_section(part, 2, id, "clarifying",
			S_L("public.clarifying"), 0);
	kg_c_list(sec, &t->clarifying_questions);
	sec = kg_c_section(part, 2, id, "signals", S_L("public.signals"), 0);
	kg_c_signals(sec, t->signals, t->nsignals);
	sec = kg_c_section(part, 2, id, "rubric", S_L("public.rubric"), 0);
	kg_c_rubric(kit, sec, &t->rubric);

	sec = kg_c_section(part, 2, id, "answer-key", S_L("common.answer_key"), 0);
	kg_c_answer_key(kit, sec, t);

	sec = kg_c_section(part, 2, id, "follow-ups", S_L("common.follow_ups_change"), 0);
	kg_c_list(sec, &t->follow_ups);
	sec = kg_c_section(part, 2, id, "scenario", S_L("public.scenario"), 0);
	box = kg_add_callout(sec, KG_CALLOUT_NOTE, kg_text(t->scenario_title));
	kg_add_prose(box, kg_text(t->scenario_prompt));

	sec = kg_c_section(part, 2, id, "questions", S_L("public.questions"), 0);
	/* grouped by level, in the order kit.yaml declares the levels */
	for (l = 0; l < kit->nlevels; l++)
		for (i = 0; i < t->nquestions; i++) {
			const kg_question *q = &t->questions[i];

			if (strcmp(kg_text(q->level), kg_text(kit->levels[l].id)))
				continue;
			kg_c_question(kit, sec, 3, q, kg_question_number(kit, q));
		}
	kg_buf_release(&buf);
}

static void S_number_questions(const kg_kit *kit, S_numbering *num)
{
	size_t t, l, i;

	for (t = 0; t < kit->ntopics; t++)
		for (l = 0; l < kit->nlevels; l++)
			for (i = 0; i < kit->topics[t].nquestions; i++) {
				const kg_question *q = &kit->topics[t].questions[i];

				if (strcmp(kg_text(q->level),
					   kg_text(kit->levels[l].id)))
					continue;
				KG_GROW(num->order, num->cap, num->n + 1);
				num->order[num->n++] = q;
			}
}

/* ---- the back parts --------------------------------------------------------- */

static void S_scenarios(const kg_kit *kit, kg_block *root)
{
	kg_block *part = kg_c_section(root, 1, "scenarios", NULL,
				   S_L("public.scenarios"),
				   KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE);
	size_t k, i;

	kg_add_prose(part, S_L("public.scenarios_intro"));
	for (k = 0; k < kit->nkinds; k++) {
		const char *kind = kg_text(kit->kinds[k].id);
		kg_block *group = kg_c_section(part, 2, "kind", kind,
					    kg_text(kit->kinds[k].title),
					    KG_SECTION_IN_TOC);

		for (i = 0; i < kit->nscenarios; i++) {
			const kg_scenario *s = &kit->scenarios[i];
			kg_block *sec, *box;

			if (strcmp(kg_text(s->kind), kind))
				continue;
			sec = kg_c_section(group, 3, "scenario", kg_text(s->id),
					kg_text(s->title), 0);
			kg_add_prose(sec, kg_text(s->prompt));
			kg_c_signals(sec, s->signals, s->nsignals);
			kg_c_rubric(kit, sec, &s->rubric);
			box = kg_add_callout(sec, KG_CALLOUT_RED_FLAGS,
					     S_L("common.red_flags"));
			kg_c_list(box, &s->red_flags);
		}
	}
}

/* The most characters of a question's words in its index entry: with its
 * number, one line of the PDF's index (its page number at the right) in
 * the text column of the shipped style (templates/pdf/style.yaml's
 * columns.text, a measure of 60-75 characters). */
#define S_INDEX_WORDS 46

/* An index entry, in buf: the question's number and its own words (its
 * prompt, shortened to one line), all one link to the question. */
static void S_index_entry(const kg_kit *kit, const kg_question *q,
			  size_t number, kg_buf *buf)
{
	kg_buf words = KG_BUF_INIT;
	char num[24];

	kg_md_summary(kg_text(q->prompt), S_INDEX_WORDS, &words);
	kg_buf_reset(buf);
	snprintf(num, sizeof(num), "%zu", number);
	kg_buf_putc(buf, '[');
	kg_label_put(buf, kit->labels, "common.question_number", "number", num,
		     NULL);
	kg_buf_puts(buf, " \xC2\xB7 ");
	kg_c_put_line(buf, words.ptr);
	kg_buf_printf(buf, "](#q-%s)", kg_text(q->id));
	kg_buf_release(&words);
}

/* The body of the question index (a deferred part): by level, each
 * question's number and own words, a link to it. */
static void S_index(kg_block *part, const void *ctx, size_t index)
{
	const S_public *pub = ctx;
	const kg_kit *kit = pub->kit;
	const S_numbering *num = &pub->num;
	kg_buf buf = KG_BUF_INIT;
	size_t l, i;

	(void)index;
	for (l = 0; l < kit->nlevels; l++) {
		const kg_level *lv = &kit->levels[l];
		kg_block *sec = kg_c_section(part, 2, "index", kg_text(lv->id),
					  kg_text(lv->title), 0);
		kg_block *list = kg_add_list(sec, KG_LIST_INDEX);

		for (i = 0; i < num->n; i++) {
			const kg_question *q = num->order[i];
			kg_block *item;
			char *target;

			if (strcmp(kg_text(q->level), kg_text(lv->id)))
				continue;
			target = S_anchor("q", kg_text(q->id)); /* as kg_c_question */
			item = kg_add_index_item(list, target, NULL);
			free(target);
			S_index_entry(kit, q, i + 1, &buf);
			kg_add_prose_copy(item, buf.ptr);
		}
	}
	kg_buf_release(&buf);
}

/* ---- the document -------------------------------------------------------------- */

kg_doc *kg_c_document(const kg_kit *kit, const kg_edition *ed,
		      const char *digest)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));
	kg_doc_meta *m = &doc->meta;

	m->kit_id = kg_one_line(kg_text(kit->id));
	m->edition_id = kg_one_line(ed->id);
	m->edition_title = kg_one_line(ed->title);
	m->profile = kg_one_line(ed->profile ? kg_text(ed->profile->title) : "");
	m->level = kg_one_line(ed->level ? kg_text(ed->level->title) : "");
	m->title = kg_one_line(kg_text(kit->title));
	/* a packet has a profile and a level (edition.h): its subtitle names
	 * them, as m->profile and m->level hold them; the kit's subtitle is
	 * the public kit's */
	if (ed->kind == KG_EDITION_PACKET) {
		kg_buf sub = KG_BUF_INIT;

		kg_label_put(&sub, kit->labels, "edition.packet_subtitle",
			     "profile", m->profile, "level", m->level, NULL);
		m->subtitle = kg_buf_detach(&sub, NULL);
	} else if (ed->kind == KG_EDITION_CANDIDATE) {
		kg_buf sub = KG_BUF_INIT;

		kg_label_put(&sub, kit->labels, "edition.candidate_subtitle",
			     "profile", m->profile, "level", m->level, NULL);
		m->subtitle = kg_buf_detach(&sub, NULL);
	} else {
		m->subtitle = kg_one_line(kg_text(kit->subtitle));
	}
	m->version = kg_one_line(kg_text(kit->version));
	m->publisher = kg_one_line(kg_text(kit->publisher));
	m->licence = kg_one_line(kg_text(kit->licence));
	m->digest = kg_xstrdup(digest);
	doc->labels = kit->labels;
	doc->source_lang = kit->language ? kg_text(kit->language) : NULL;
	doc->root = kg_block_new(KG_BLOCK_DOCUMENT);
	return doc;
}

kg_doc *kg_compose_public(const kg_kit *kit, const kg_edition *ed,
			  const char *digest)
{
	kg_doc *doc = kg_c_document(kit, ed, digest);
	S_public *pub = kg_xcalloc(1, sizeof(*pub));
	size_t i;

	/* the topics and the index grow with the kit: each is composed when a
	 * writer reaches it, so one at a time is in memory (doc.h) */
	pub->kit = kit;
	S_number_questions(kit, &pub->num);
	doc->state = pub;
	doc->free_state = S_public_free;
	kg_block_add(doc->root, kg_block_new(KG_BLOCK_TOC));
	S_how_to_use(kit, doc->root);
	S_rating_scale(kit, doc->root);
	S_guidance(kit, doc->root);
	S_comparison(kit, doc->root);
	for (i = 0; i < kit->ntopics; i++) {
		const kg_topic *t = &kit->topics[i];
		char *id = S_anchor("topic", kg_text(t->id));

		kg_add_deferred_section(doc->root, 1, id, kg_text(t->title),
					KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE,
					S_topic, pub, i);
		free(id);
	}
	S_scenarios(kit, doc->root);
	kg_add_deferred_section(doc->root, 1, "question-index",
				S_L("public.index"),
				KG_SECTION_IN_TOC | KG_SECTION_NEW_PAGE, S_index,
				pub, 0);
	return doc;
}
