/*
 * export.c - a kit's panel packets as data: JSON or CSV (export.h).
 *
 * Both formats walk the same things in the same order (editions, their
 * rounds, the rounds' scorecard lines) and take each value from the same
 * helper, so a CSV record holds exactly the values of its JSON
 * dimension, round and edition. JSON is built compact, then laid out
 * (json.h); CSV is RFC 4180 (csv.h).
 */
#include "export.h"

#include <stdlib.h>
#include <string.h>

#include "csv.h"
#include "digest.h"
#include "json.h"
#include "plan.h"

/* ---- the values ------------------------------------------------------------ */

/* The edition's id as cards and `kitgen card` name it: its last part. */
static const char *S_edition_id(const kg_edition *ed)
{
	const char *slash = strrchr(ed->id, '/');

	return slash ? slash + 1 : ed->id;
}

static const char *S_kind_name(kg_item_kind k)
{
	return k == KG_ITEM_QUESTION ? "question" :
	       k == KG_ITEM_EXERCISE ? "exercise" : "scenario";
}

/* The rubric a scorecard line is rated on (see export.h). */
static const kg_rubric *S_rubric(const kg_dim *dim, const kg_level *level)
{
	const kg_item *it = dim->item;

	if (it->kind == KG_ITEM_SCENARIO)
		return &it->scenario->rubric;
	return kg_topic_rubric(it->topic, level);
}

/* A text without the line break (and blanks) at its end, in tmp. */
static const char *S_trimmed(kg_buf *tmp, const kg_node *n)
{
	kg_buf_reset(tmp);
	kg_buf_puts(tmp, kg_text(n));
	kg_buf_rtrim(tmp);
	return tmp->ptr;
}

/* The scores of `decision:`, in the order both formats give them. */
enum { S_NSCORES = 3 };
static const char *const S_score_names[S_NSCORES] = {
	"threshold", "borderline", "weak_below"};

static const kg_node *S_score_node(const kg_decision *dr, int i)
{
	return i == 0 ? dr->threshold : i == 1 ? dr->borderline : dr->weak_below;
}

/* Score i of `decision:` (hundredths) as written: 2.25, 2.00. */
static void S_score(kg_buf *out, const kg_decision *dr, int i)
{
	long v = kg_int(S_score_node(dr, i), 0);

	kg_buf_printf(out, "%ld.%02ld", v / 100, v % 100);
}

/* ---- JSON ------------------------------------------------------------------ */

/* "name":{"id":...,"title":...} */
static void S_jref(kg_buf *out, const char *name, const kg_node *id,
		   const kg_node *title)
{
	kg_json_key(out, name);
	kg_buf_putc(out, '{');
	kg_json_member_str(out, "id", kg_text(id));
	kg_json_member_str(out, "title", kg_text(title));
	kg_buf_putc(out, '}');
}

static void S_json_rubric(kg_buf *out, const kg_rubric *r, kg_buf *tmp)
{
	int b;

	kg_json_key(out, "rubric");
	kg_buf_putc(out, '{');
	for (b = 0; b < KG_NBANDS; b++)
		kg_json_member_str(out, kg_band_keys[b], S_trimmed(tmp, r->band[b]));
	kg_buf_putc(out, '}');
}

static void S_json_dim(const kg_kit *kit, const kg_dim *dim,
		       const kg_level *level, kg_buf *out, kg_buf *tmp)
{
	const kg_item *it = dim->item;
	char *label = kg_dim_label(kit, dim);

	kg_json_sep(out);
	kg_buf_putc(out, '{');
	kg_json_member_str(out, "id", dim->id);
	kg_json_member_str(out, "kind", S_kind_name(it->kind));
	kg_json_member_str(out, "label", label);
	kg_json_key(out, "question");
	if (it->question)
		kg_buf_printf(out, "%zu", kg_question_number(kit, it->question));
	else
		kg_buf_puts(out, "null");
	kg_json_key(out, "topic");
	if (it->topic)
		kg_json_str(out, kg_text(it->topic->id));
	else
		kg_buf_puts(out, "null");
	kg_json_member_long(out, "minutes", it->minutes);
	S_json_rubric(out, S_rubric(dim, level), tmp);
	kg_buf_putc(out, '}');
	free(label);
}

static void S_json_phases(const kg_round *r, kg_buf *out)
{
	size_t i;

	kg_json_key(out, "phases");
	kg_buf_putc(out, '[');
	for (i = 0; i < r->nphases; i++) {
		kg_json_sep(out);
		kg_buf_putc(out, '{');
		kg_json_member_str(out, "name", r->phases[i].name);
		kg_json_member_long(out, "minutes", r->phases[i].minutes);
		kg_json_member_bool(out, "main", r->phases[i].main);
		kg_json_member_str(out, "what", r->phases[i].what ? r->phases[i].what : "");
		kg_buf_putc(out, '}');
	}
	kg_buf_putc(out, ']');
}

static void S_json_round(const kg_kit *kit, const kg_round *r, size_t number,
			 const kg_level *level, kg_buf *out, kg_buf *tmp)
{
	size_t i;

	kg_json_sep(out);
	kg_buf_putc(out, '{');
	kg_json_member_long(out, "number", (long)number);
	S_jref(out, "area", r->area->id, r->area->title);
	kg_json_member_long(out, "weight", r->weight);
	kg_json_member_bool(out, "must_have", r->must_have);
	kg_json_member_bool(out, "behavioural", r->behavioural);
	kg_json_member_long(out, "minutes", r->minutes);
	S_json_phases(r, out);
	kg_json_key(out, "dimensions");
	kg_buf_putc(out, '[');
	for (i = 0; i < r->ndims; i++)
		S_json_dim(kit, &r->dims[i], level, out, tmp);
	kg_buf_puts(out, "]}");
}

static void S_json_edition(const kg_kit *kit, const kg_edition *ed,
			   const kg_plan *plan, kg_buf *out, kg_buf *tmp)
{
	const kg_profile *p = ed->profile;
	size_t i;

	kg_json_sep(out);
	kg_buf_putc(out, '{');
	kg_json_member_str(out, "id", S_edition_id(ed));
	kg_json_member_str(out, "title", ed->title);
	S_jref(out, "profile", p->id, p->title);
	S_jref(out, "level", ed->level->id, ed->level->title);
	kg_json_key(out, "must_have");
	kg_buf_putc(out, '[');
	for (i = 0; i < p->must_have.n; i++) {
		kg_json_sep(out);
		kg_json_str(out, kg_text(p->must_have.items[i]));
	}
	kg_buf_putc(out, ']');
	kg_json_key(out, "rounds");
	kg_buf_putc(out, '[');
	for (i = 0; i < plan->n; i++)
		S_json_round(kit, &plan->rounds[i], i + 1, ed->level, out, tmp);
	kg_buf_puts(out, "]}");
}

static void S_json_scale(const kg_kit *kit, kg_buf *out)
{
	int b;

	kg_json_key(out, "rating_scale");
	kg_buf_putc(out, '[');
	for (b = 0; b < KG_NBANDS; b++) {
		kg_json_sep(out);
		kg_buf_putc(out, '{');
		kg_json_member_str(out, "id", kg_band_keys[b]);
		kg_json_member_str(out, "label", kg_text(kit->bands[b].label));
		kg_json_member_long(out, "points", kg_int(kit->bands[b].points, 0));
		kg_buf_putc(out, '}');
	}
	kg_buf_putc(out, ']');
}

static void S_json_decision(const kg_decision *dr, kg_buf *out)
{
	int i;

	kg_json_key(out, "decision");
	if (!dr->node) {
		kg_buf_puts(out, "null");
		return;
	}
	kg_buf_putc(out, '{');
	for (i = 0; i < S_NSCORES; i++) {
		kg_json_key(out, S_score_names[i]);
		S_score(out, dr, i);
	}
	kg_json_member_long(out, "weak_limit", kg_int(dr->weak_limit, 0));
	kg_buf_putc(out, '}');
}

/* The members before the editions: the layout, the kit, its rating
 * scale and its decision rule. */
static void S_json_kit(const kg_kit *kit, kg_buf *out)
{
	char digest[KG_DIGEST_HEX];

	kg_kit_digest(kit, digest);
	kg_json_member_str(out, "schema", KG_EXPORT_SCHEMA);
	kg_json_key(out, "kit");
	kg_buf_putc(out, '{');
	kg_json_member_str(out, "id", kg_text(kit->id));
	kg_json_member_str(out, "title", kg_text(kit->title));
	kg_json_member_str(out, "version", kg_text(kit->version));
	kg_json_member_str(out, "digest", digest);
	kg_buf_putc(out, '}');
	S_json_scale(kit, out);
	S_json_decision(&kit->decision, out);
}

/* ---- CSV ------------------------------------------------------------------- */

static const char *const S_columns[] = {
	"kit", "version", "edition", "profile", "profile_title", "level",
	"level_title", "threshold", "borderline", "weak_below", "weak_limit",
	"round", "area", "area_title", "weight", "must_have", "behavioural",
	"round_minutes", "dimension", "kind", "label", "question", "topic",
	"minutes", "strong", "acceptable", "weak", NULL};

static void S_cnum(kg_buf *out, long v)
{
	kg_buf_printf(out, ",%ld", v);
}

/* The kit's and the edition's fields of a record. */
static void S_csv_edition(const kg_kit *kit, const kg_edition *ed, kg_buf *out)
{
	const kg_decision *dr = &kit->decision;
	int i;

	kg_csv_field(out, kg_text(kit->id));
	kg_csv_next(out, kg_text(kit->version));
	kg_csv_next(out, S_edition_id(ed));
	kg_csv_next(out, kg_text(ed->profile->id));
	kg_csv_next(out, kg_text(ed->profile->title));
	kg_csv_next(out, kg_text(ed->level->id));
	kg_csv_next(out, kg_text(ed->level->title));
	if (!dr->node) {
		kg_buf_puts(out, ",,,,");
		return;
	}
	for (i = 0; i < S_NSCORES; i++) {
		kg_buf_putc(out, ',');
		S_score(out, dr, i);
	}
	S_cnum(out, kg_int(dr->weak_limit, 0));
}

/* The round's and the dimension's fields of a record. */
static void S_csv_dim(const kg_kit *kit, const kg_round *r, size_t number,
		      const kg_dim *dim, const kg_level *level, kg_buf *out,
		      kg_buf *tmp)
{
	const kg_item *it = dim->item;
	const kg_rubric *rub = S_rubric(dim, level);
	char *label = kg_dim_label(kit, dim);
	int b;

	S_cnum(out, (long)number);
	kg_csv_next(out, kg_text(r->area->id));
	kg_csv_next(out, kg_text(r->area->title));
	S_cnum(out, r->weight);
	kg_csv_next(out, r->must_have ? "true" : "false");
	kg_csv_next(out, r->behavioural ? "true" : "false");
	S_cnum(out, r->minutes);
	kg_csv_next(out, dim->id);
	kg_csv_next(out, S_kind_name(it->kind));
	kg_csv_next(out, label);
	kg_buf_putc(out, ',');
	if (it->question)
		kg_buf_printf(out, "%zu", kg_question_number(kit, it->question));
	kg_csv_next(out, it->topic ? kg_text(it->topic->id) : NULL);
	S_cnum(out, it->minutes);
	for (b = 0; b < KG_NBANDS; b++)
		kg_csv_next(out, S_trimmed(tmp, rub->band[b]));
	free(label);
}

static void S_csv_rows(const kg_kit *kit, const kg_edition *ed,
		       const kg_plan *plan, kg_buf *out, kg_buf *tmp)
{
	size_t i, k;

	for (i = 0; i < plan->n; i++) {
		for (k = 0; k < plan->rounds[i].ndims; k++) {
			S_csv_edition(kit, ed, out);
			S_csv_dim(kit, &plan->rounds[i], i + 1,
				  &plan->rounds[i].dims[k], ed->level, out, tmp);
			kg_csv_end(out);
		}
	}
}

static void S_csv_header(kg_buf *out)
{
	size_t i;

	for (i = 0; S_columns[i]; i++) {
		if (i)
			kg_buf_putc(out, ',');
		kg_buf_puts(out, S_columns[i]);
	}
	kg_csv_end(out);
}

/* ---- the export ------------------------------------------------------------- */

int kg_export(const kg_kit *kit, const kg_editions *eds,
	      const kg_edition *only, kg_export_format format, kg_buf *out,
	      kg_diags *d)
{
	kg_buf body = KG_BUF_INIT, tmp = KG_BUF_INIT;
	size_t e;
	int rc = 0;

	if (format == KG_EXPORT_CSV) {
		S_csv_header(out);
	} else {
		kg_buf_putc(&body, '{');
		S_json_kit(kit, &body);
		kg_json_key(&body, "editions");
		kg_buf_putc(&body, '[');
	}
	for (e = 0; e < eds->n && rc == 0; e++) {
		const kg_edition *ed = &eds->items[e];
		kg_plan plan;

		if (ed->kind != KG_EDITION_PACKET || (only && ed != only))
			continue;
		rc = kg_plan_loop(kit, ed->profile, ed->level, &plan, d);
		if (rc == 0 && format == KG_EXPORT_CSV)
			S_csv_rows(kit, ed, &plan, out, &tmp);
		else if (rc == 0)
			S_json_edition(kit, ed, &plan, &body, &tmp);
		kg_plan_free(&plan);
	}
	if (format == KG_EXPORT_JSON && rc == 0) {
		kg_buf_puts(&body, "]}");
		kg_json_indent(body.ptr, out);
	}
	kg_buf_release(&body);
	kg_buf_release(&tmp);
	return rc;
}
