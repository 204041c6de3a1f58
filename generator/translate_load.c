/*
 * translate_load.c - translations keyed by id: the kit's texts as a table of
 * items (translate_int.h), a translation loaded and checked against it,
 * drift (a `from:` stamp against the source's digest now) and the
 * overlay a build with --language makes. translate_todo.c has the status
 * report and the stamps.
 */
#include "translate.h"

#include <dirent.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "fields.h"
#include "labels.h"
#include "schema.h"
#include "translate_int.h"
#include "yaml_load.h"

static const char *const S_sect[KG_TR_NSECT] = {
	KG_FIELD_KIT, KG_FIELD_LEVELS, KG_FIELD_AREAS, KG_FIELD_SCENARIO_KINDS,
	KG_FIELD_PROFILES, KG_FIELD_TOPICS, KG_FIELD_QUESTIONS,
	KG_FIELD_SCENARIOS};
const char *const kg_tr_what[KG_TR_NSECT] = {
	"kit", "level", "area", "scenario kind", "profile", "topic",
	"question", "scenario"};


/* ---- the items ------------------------------------------------------------- */

static kg_tr_item *S_item_new(kg_tr *tr, int sect, const char *id,
			  const kg_node *at, const kg_node *src, const char *file)
{
	kg_tr_item *it;

	tr->items = kg_xrealloc(tr->items, (tr->nitems + 1) * sizeof(*it));
	it = &tr->items[tr->nitems++];
	memset(it, 0, sizeof(*it));
	it->sect = sect;
	it->id = id;
	it->at = at;
	it->src = src;
	it->file = file ? file : "";
	return it;
}

/* "the kit", "question 'cache-1'": for messages (static storage, one
 * at a time per buffer). */
const char *kg_tr_name(const kg_tr_item *it, char *buf, size_t size)
{
	if (it->sect == KG_TR_KIT)
		return "the kit";
	snprintf(buf, size, "%s '%s'", kg_tr_what[it->sect], it->id);
	return buf;
}

/* A new, empty slot at path (NULL-ended). */
static kg_tr_slot *S_new_slot(kg_tr_item *it, const char *const *path)
{
	kg_tr_slot *s;
	size_t i;

	if (it->nslots == it->cap) {
		it->cap = it->cap ? 2 * it->cap : 16;
		it->slots = kg_xrealloc(it->slots, it->cap * sizeof(*s));
	}
	s = &it->slots[it->nslots++];
	memset(s, 0, sizeof(*s));
	for (i = 0; path[i] && i < KG_TR_DEPTH; i++)
		s->path[i] = path[i];
	s->depth = i;
	return s;
}

/* Add a slot at path (NULL-ended), when the source has the text. */
static void S_add(kg_tr_item *it, int line, const kg_node **one, kg_list *list,
		  const char *const *path)
{
	kg_tr_slot *s;

	if (one ? !*one : !list || list->n == 0)
		return;
	s = S_new_slot(it, path);
	s->line = line;
	s->one = one;
	s->list = one ? NULL : list;
}

/* A rows slot at path, of nrows rows of the fields: cells (taken) holds
 * the kit's pointers, row by row. */
static void S_add_rows(kg_tr_item *it, const kg_tr_row_field *fields,
		       size_t nfields, size_t nrows, const kg_node ***cells,
		       const char *const *path)
{
	kg_tr_slot *s;

	if (nrows == 0) {
		free(cells);
		return;
	}
	s = S_new_slot(it, path);
	s->fields = fields;
	s->nfields = nfields;
	s->nrows = nrows;
	s->cells = cells;
}

#define P(...) ((const char *const[]){__VA_ARGS__, NULL})
#define ONE(it, node, ...) S_add(it, 0, (const kg_node **)&(node), NULL, P(__VA_ARGS__))
#define LINE(it, node, ...) S_add(it, 1, (const kg_node **)&(node), NULL, P(__VA_ARGS__))
#define LIST(it, l, ...) S_add(it, 0, NULL, &(l), P(__VA_ARGS__))

/* The mapping of seq whose id is the node id. */
static const kg_node *S_map_of(const kg_node *seq, const kg_node *id)
{
	size_t i;

	if (!seq || seq->kind != KG_NODE_SEQ || !id)
		return NULL;
	for (i = 0; i < seq->n; i++)
		if (kg_node_get(seq->items[i], KG_FIELD_ID) == id)
			return seq->items[i];
	return NULL;
}

/* A phase's texts, and a signal's (kit.h): the rows of their lists. A
 * row has no id, so its position is its key; the digest covers the
 * rows in order, so a reorder in the source turns the stamp stale. */
static const kg_tr_row_field S_phase_fields[] = {
	{KG_FIELD_NAME, 1}, {KG_FIELD_WHAT, 0}};
static const kg_tr_row_field S_signal_fields[] = {
	{KG_FIELD_NAME, 1}, {KG_FIELD_DETAIL, 0}};

static void S_phases(kg_tr_item *it, kg_kit *k)
{
	const kg_node ***cells = kg_xcalloc(2 * k->nphases + 1, sizeof(*cells));
	size_t i;

	for (i = 0; i < k->nphases; i++) {
		cells[2 * i] = &k->phases[i].name;
		cells[2 * i + 1] = &k->phases[i].what;
	}
	S_add_rows(it, S_phase_fields, 2, k->nphases, cells,
		   P(KG_FIELD_LOOP, KG_FIELD_PHASES));
}

static void S_signals(kg_tr_item *it, kg_signal *sig, size_t n)
{
	const kg_node ***cells = kg_xcalloc(2 * n + 1, sizeof(*cells));
	size_t i;

	for (i = 0; i < n; i++) {
		cells[2 * i] = &sig[i].name;
		cells[2 * i + 1] = &sig[i].detail;
	}
	S_add_rows(it, S_signal_fields, 2, n, cells, P(KG_FIELD_SIGNALS));
}

static void S_rubric(kg_tr_item *it, kg_rubric *r)
{
	int b;

	for (b = 0; b < KG_NBANDS; b++)
		ONE(it, r->band[b], KG_FIELD_RUBRIC, kg_band_keys[b]);
}

static void S_kit_items(kg_tr *tr, kg_kit *k)
{
	const kg_node *root = k->root;
	kg_tr_item *it = S_item_new(tr, KG_TR_KIT, KG_FIELD_KIT, k->title, root,
				k->kit_file);
	kg_guidance *g = &k->guidance;
	kg_candidate_guide *c = &k->candidate_guide;
	size_t i;

	int b;

	LINE(it, k->title, KG_FIELD_TITLE);
	LINE(it, k->subtitle, KG_FIELD_SUBTITLE);
	for (b = 0; b < KG_NBANDS; b++) {
		LINE(it, k->bands[b].label, KG_FIELD_RATING_SCALE,
		     kg_band_keys[b], KG_FIELD_LABEL);
		ONE(it, k->bands[b].definition, KG_FIELD_RATING_SCALE,
		    kg_band_keys[b], KG_FIELD_DEFINITION);
	}
	ONE(it, k->introduction, KG_FIELD_INTRODUCTION);
	ONE(it, k->decision_rule, KG_FIELD_DECISION_RULE);
	LINE(it, k->watermark, KG_FIELD_WATERMARK);
	S_phases(it, k);
	ONE(it, k->opening_script, KG_FIELD_LOOP, KG_FIELD_OPENING_SCRIPT);
	ONE(it, g->running_a_loop, KG_FIELD_GUIDANCE, KG_FIELD_RUNNING_A_LOOP);
	ONE(it, g->scoring, KG_FIELD_GUIDANCE, KG_FIELD_SCORING);
	ONE(it, g->evidence_summary, KG_FIELD_GUIDANCE, KG_FIELD_EVIDENCE,
	    KG_FIELD_SUMMARY);
	LIST(it, g->good_notes, KG_FIELD_GUIDANCE, KG_FIELD_EVIDENCE,
	     KG_FIELD_GOOD_NOTES);
	LIST(it, g->bad_notes, KG_FIELD_GUIDANCE, KG_FIELD_EVIDENCE,
	     KG_FIELD_BAD_NOTES);
	ONE(it, g->calibration_summary, KG_FIELD_GUIDANCE,
	    KG_FIELD_CALIBRATION, KG_FIELD_SUMMARY);
	LIST(it, g->borderline, KG_FIELD_GUIDANCE, KG_FIELD_CALIBRATION,
	     KG_FIELD_BORDERLINE);
	ONE(it, g->bias, KG_FIELD_GUIDANCE, KG_FIELD_BIAS);
	ONE(it, c->welcome, KG_FIELD_CANDIDATE_GUIDE, KG_FIELD_WELCOME);
	ONE(it, c->preparing, KG_FIELD_CANDIDATE_GUIDE, KG_FIELD_PREPARING);
	ONE(it, c->adjustments, KG_FIELD_CANDIDATE_GUIDE, KG_FIELD_ADJUSTMENTS);
	ONE(it, c->after_the_loop, KG_FIELD_CANDIDATE_GUIDE,
	    KG_FIELD_AFTER_THE_LOOP);
	LINE(it, c->contact, KG_FIELD_CANDIDATE_GUIDE, KG_FIELD_CONTACT);
	for (i = 0; i < k->nlevels; i++) {
		kg_level *l = &k->levels[i];

		it = S_item_new(tr, KG_TR_LEVEL, kg_text(l->id), l->id,
			S_map_of(kg_node_get(root, KG_FIELD_LEVELS), l->id),
			k->kit_file);
		LINE(it, l->title, KG_FIELD_TITLE);
		ONE(it, l->expects, KG_FIELD_EXPECTS);
	}
	for (i = 0; i < k->nareas; i++) {
		kg_area *a = &k->areas[i];

		it = S_item_new(tr, KG_TR_AREA, kg_text(a->id), a->id,
			S_map_of(kg_node_get(root, KG_FIELD_AREAS), a->id),
			k->kit_file);
		LINE(it, a->title, KG_FIELD_TITLE);
		ONE(it, a->description, KG_FIELD_DESCRIPTION);
	}
	for (i = 0; i < k->nkinds; i++) {
		kg_scenario_kind *sk = &k->kinds[i];

		it = S_item_new(tr, KG_TR_KIND, kg_text(sk->id), sk->id,
			S_map_of(kg_node_get(root, KG_FIELD_SCENARIO_KINDS),
				 sk->id), k->kit_file);
		LINE(it, sk->title, KG_FIELD_TITLE);
	}
	for (i = 0; i < k->nprofiles; i++) {
		kg_profile *p = &k->profiles[i];

		it = S_item_new(tr, KG_TR_PROFILE, kg_text(p->id), p->id,
			S_map_of(kg_node_get(root, KG_FIELD_PROFILES), p->id),
			k->kit_file);
		LINE(it, p->title, KG_FIELD_TITLE);
		ONE(it, p->rationale, KG_FIELD_RATIONALE);
	}
}

static void S_topic_items(kg_tr *tr, kg_kit *k)
{
	size_t i, j;

	for (i = 0; i < k->ntopics; i++) {
		kg_topic *t = &k->topics[i];
		const kg_node *src = NULL;
		kg_tr_item *it;

		for (j = 0; j < k->ntopic_files && !src; j++)
			if (kg_node_get(k->topic_roots[j], KG_FIELD_ID) == t->id)
				src = k->topic_roots[j];
		it = S_item_new(tr, KG_TR_TOPIC, kg_text(t->id), t->id, src, t->file);
		LINE(it, t->title, KG_FIELD_TITLE);
		ONE(it, t->exposes, KG_FIELD_EXPOSES);
		LIST(it, t->clarifying_questions, KG_FIELD_CLARIFYING_QUESTIONS);
		S_signals(it, t->signals, t->nsignals);
		S_rubric(it, &t->rubric);
		for (j = 0; j < t->nby_level; j++) {
			int b;

			for (b = 0; b < KG_NBANDS; b++)
				ONE(it, t->by_level[j].rubric.band[b],
				    KG_FIELD_RUBRIC, KG_FIELD_BY_LEVEL,
				    kg_text(t->by_level[j].level),
				    kg_band_keys[b]);
		}
		ONE(it, t->key_contains, KG_FIELD_ANSWER_KEY, KG_FIELD_CONTAINS);
		ONE(it, t->key_tradeoffs, KG_FIELD_ANSWER_KEY, KG_FIELD_TRADEOFFS);
		ONE(it, t->key_push_on, KG_FIELD_ANSWER_KEY, KG_FIELD_PUSH_ON);
		LIST(it, t->red_flags, KG_FIELD_RED_FLAGS);
		LIST(it, t->follow_ups, KG_FIELD_FOLLOW_UPS);
		LINE(it, t->scenario_title, KG_FIELD_SCENARIO, KG_FIELD_TITLE);
		ONE(it, t->scenario_prompt, KG_FIELD_SCENARIO, KG_FIELD_PROMPT);
		ONE(it, t->cmp_reveals, KG_FIELD_COMPARISON, KG_FIELD_REVEALS);
		ONE(it, t->cmp_fits, KG_FIELD_COMPARISON, KG_FIELD_FITS);
		ONE(it, t->cmp_watch_for, KG_FIELD_COMPARISON, KG_FIELD_WATCH_FOR);
		for (j = 0; j < t->nquestions; j++) {
			kg_question *q = &t->questions[j];

			it = S_item_new(tr, KG_TR_QUESTION, kg_text(q->id), q->id,
				S_map_of(kg_node_get(src, KG_FIELD_QUESTIONS),
					 q->id), t->file);
			ONE(it, q->prompt, KG_FIELD_PROMPT);
			LIST(it, q->recruiter_cues, KG_FIELD_RECRUITER_CUES);
			ONE(it, q->strong_answer, KG_FIELD_STRONG_ANSWER);
			ONE(it, q->acceptable_answer, KG_FIELD_ACCEPTABLE_ANSWER);
			ONE(it, q->acceptable_because, KG_FIELD_ACCEPTABLE_BECAUSE);
			ONE(it, q->weak_answer, KG_FIELD_WEAK_ANSWER);
			ONE(it, q->weak_because, KG_FIELD_WEAK_BECAUSE);
			LIST(it, q->follow_ups, KG_FIELD_FOLLOW_UPS);
			LIST(it, q->hints, KG_FIELD_HINTS);
			ONE(it, q->task, KG_FIELD_TASK);
		}
	}
}

static void S_scenario_items(kg_tr *tr, kg_kit *k)
{
	const kg_node *seq = kg_node_get(k->scenarios_root, KG_FIELD_SCENARIOS);
	size_t i;

	for (i = 0; i < k->nscenarios; i++) {
		kg_scenario *s = &k->scenarios[i];
		kg_tr_item *it = S_item_new(tr, KG_TR_SCENARIO, kg_text(s->id), s->id,
					S_map_of(seq, s->id), k->scenarios_file);

		LINE(it, s->title, KG_FIELD_TITLE);
		ONE(it, s->prompt, KG_FIELD_PROMPT);
		S_signals(it, s->signals, s->nsignals);
		S_rubric(it, &s->rubric);
		LIST(it, s->red_flags, KG_FIELD_RED_FLAGS);
		ONE(it, s->past_behaviour, KG_FIELD_PAST_BEHAVIOUR);
	}
}

/* The digest of an item's source texts: SHA-256 over each slot's path
 * and texts (a row's: each field's name and text, row by row),
 * NUL-separated; its first KG_TR_STAMP_LEN hex digits. */
static void S_digest(kg_tr_item *it)
{
	static const char hex[] = "0123456789abcdef";
	struct sha256_ctx ctx;
	unsigned char sum[SHA256_DIGEST_SIZE];
	size_t i, j;

	sha256_init(&ctx);
	for (i = 0; i < it->nslots; i++) {
		kg_tr_slot *s = &it->slots[i];

		for (j = 0; j < s->depth; j++)
			sha256_update(&ctx, strlen(s->path[j]) + 1,
				      (const unsigned char *)s->path[j]);
		if (s->one)
			sha256_update(&ctx, (*s->one)->len + 1,
				      (const unsigned char *)(*s->one)->text);
		else if (s->cells)
			for (j = 0; j < s->nrows * s->nfields; j++) {
				const kg_node *c = *s->cells[j];
				const char *f = s->fields[j % s->nfields].name;

				sha256_update(&ctx, strlen(f) + 1,
					      (const unsigned char *)f);
				sha256_update(&ctx, (c ? c->len : 0) + 1,
					(const unsigned char *)(c ? c->text : ""));
			}
		else
			for (j = 0; j < s->list->n; j++)
				sha256_update(&ctx, s->list->items[j]->len + 1,
					(const unsigned char *)s->list->items[j]->text);
		sha256_update(&ctx, 1, (const unsigned char *)"\n");
	}
	sha256_digest(&ctx, sizeof(sum), sum);
	for (i = 0; i < KG_TR_STAMP_LEN / 2; i++) {
		it->digest[2 * i] = hex[sum[i] >> 4];
		it->digest[2 * i + 1] = hex[sum[i] & 15];
	}
	it->digest[KG_TR_STAMP_LEN] = '\0';
}

/* ---- languages ----------------------------------------------------------- */

static int S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static char *S_join(const char *a, const char *b)
{
	kg_buf p = KG_BUF_INIT;

	kg_buf_printf(&p, "%s/%s", a, b);
	return kg_buf_detach(&p, NULL);
}

char **kg_tr_langs(const char *dir)
{
	char *top = S_join(dir, KG_FIELD_TRANSLATIONS);
	DIR *dh = opendir(top);
	char **out = kg_xcalloc(1, sizeof(*out));
	size_t n = 0;
	struct dirent *e;

	while (dh && (e = readdir(dh))) {
		char *p;
		struct stat st;

		if (e->d_name[0] == '.')
			continue;
		p = S_join(top, e->d_name);
		if (stat(p, &st) == 0 && S_ISDIR(st.st_mode)) {
			out = kg_xrealloc(out, (n + 2) * sizeof(*out));
			out[n++] = kg_xstrdup(e->d_name);
			out[n] = NULL;
		}
		free(p);
	}
	if (dh)
		closedir(dh);
	qsort(out, n, sizeof(*out), S_cmp);
	free(top);
	return out;
}

void kg_tr_langs_free(char **langs)
{
	size_t i;

	for (i = 0; langs && langs[i]; i++)
		free(langs[i]);
	free(langs);
}

/* ---- loading --------------------------------------------------------------- */

static kg_tr_item *S_find(kg_tr *tr, int sect, const char *id)
{
	size_t i;

	for (i = 0; i < tr->nitems; i++)
		if (tr->items[i].sect == sect && strcmp(tr->items[i].id, id) == 0)
			return &tr->items[i];
	return NULL;
}

/* The slot at the path prefix[0..depth) exactly; *under is set when
 * some slot lies below it. */
static kg_tr_slot *S_slot_at(kg_tr_item *it, const char **prefix, size_t depth,
			 int *under)
{
	size_t i, j;

	*under = 0;
	for (i = 0; i < it->nslots; i++) {
		kg_tr_slot *s = &it->slots[i];

		if (s->depth < depth)
			continue;
		for (j = 0; j < depth && strcmp(s->path[j], prefix[j]) == 0; j++)
			;
		if (j < depth)
			continue;
		if (s->depth == depth)
			return s;
		*under = 1;
	}
	return NULL;
}

/* The source's node at the path, or NULL. */
static const kg_node *S_src_at(const kg_node *src, const char *const *path,
			       size_t depth)
{
	size_t i;

	for (i = 0; i < depth && src; i++)
		src = kg_node_get(src, path[i]);
	return src;
}

/* A translated text: a non-empty string within the limits of its kind
 * (content/README.md, "Limits"): a line, a list's item, or prose. */
static int S_text_ok(const kg_node *v, int line, int item, kg_diags *d)
{
	size_t max = line ? KG_MAX_LINE : item ? KG_MAX_ITEM : KG_MAX_PROSE;
	kg_md_measure m;

	if (v->kind != KG_NODE_SCALAR || kg_node_scalar_type(v) != KG_SCALAR_STR ||
	    v->len == 0)
		return kg_error(d, v->mark, "a translated text must be a "
				"non-empty text"), 0;
	if (line && (strchr(v->text, '\n') || strchr(v->text, '\r')))
		return kg_error(d, v->mark, "this text is one line in the "
				"source: it holds no line break"), 0;
	if (v->len > max)
		return kg_error(d, v->mark, "this text holds %zu bytes, more "
				"than the %zu its kind may hold", (size_t)v->len, max), 0;
	m = kg_md_measure_text(v->text);
	if (m.depth > KG_MAX_MD_DEPTH || m.list_items > KG_MAX_MD_LIST_ITEMS)
		return kg_error(d, v->mark, "this text nests deeper than %d "
				"or holds a list of more than %d items",
				KG_MAX_MD_DEPTH, KG_MAX_MD_LIST_ITEMS), 0;
	return 1;
}

/* A translated list of another length than the source's (n, of what):
 * the translator's mistake, an error; but when the source changed
 * since the stamp, drift: a warning, and the list falls back to the
 * source (kg_tr_overlay) until it is translated again. */
static void S_count_off(const kg_tr_item *it, const kg_node *key,
			const kg_node *v, size_t n, const char *what,
			const char *how, kg_diags *d)
{
	if (it->drifted && v->kind == KG_NODE_SEQ)
		kg_warning(d, v->mark, "'%s' translates a list of %zu %s%s, "
			   "but the source now has %zu: it falls back to the "
			   "source until translated again", key->text, (size_t)v->n,
			   what, v->n == 1 ? "" : "s", n);
	else
		kg_error(d, v->mark, "'%s' translates a list of %zu %s%s%s: "
			 "give as many, in the source's order", key->text, n,
			 what, n == 1 ? "" : "s", how);
}

/* Check a translated list of mappings without ids against the source's
 * rows: as many, in order, each a mapping of the row's texts (a text
 * left out falls back). */
static void S_check_rows(kg_tr_item *it, const kg_tr_slot *s,
			 const kg_node *key, const kg_node *v, kg_diags *d)
{
	const kg_node *src = S_src_at(it->src, s->path, s->depth);
	size_t r, i, f;

	if (v->kind != KG_NODE_SEQ || v->n != s->nrows) {
		S_count_off(it, key, v, s->nrows, "mapping", " (by position)", d);
		return;
	}
	for (r = 0; r < v->n; r++) {
		const kg_node *row = v->items[r];

		if (row->kind != KG_NODE_MAP) {
			kg_error(d, row->mark, "item %zu of '%s' is a mapping "
				 "of texts, as in the source", r + 1, key->text);
			continue;
		}
		for (i = 0; i < row->npairs; i++) {
			const kg_node *k = row->pairs[i].key;

			for (f = 0; f < s->nfields &&
			     strcmp(k->text, s->fields[f].name); f++)
				;
			if (f < s->nfields)
				S_text_ok(row->pairs[i].value, s->fields[f].line,
					  !s->fields[f].line, d);
			else if (src && src->kind == KG_NODE_SEQ && r < src->n &&
				 kg_node_get(src->items[r], k->text))
				kg_error(d, k->mark, "'%s' is structure, not "
					 "text: a translation keeps the "
					 "source's ids, levels, weights and "
					 "numbers (remove it)", k->text);
			else
				kg_error(d, k->mark, "'%s' is not a text of "
					 "'%s' in the source", k->text, key->text);
		}
	}
}

/* Is the field one that stays as written (translate.h): text in the
 * source, but a name, a setting or a reference? */
static int S_as_written(const char *field)
{
	static const char *const kept[] = {
		KG_FIELD_PUBLISHER, KG_FIELD_LICENCE, KG_FIELD_PAPER,
		KG_FIELD_LANGUAGE, KG_FIELD_QUESTIONS_PHASE, NULL};
	size_t i;

	for (i = 0; kept[i]; i++)
		if (strcmp(field, kept[i]) == 0)
			return 1;
	return 0;
}

/* Check the translated item's fields below path against the item's
 * slots (see translate.h). */
static void S_check_map(kg_tr_item *it, const kg_node *map, const char **path,
			size_t depth, kg_diags *d)
{
	size_t i, j;

	for (i = 0; i < map->npairs; i++) {
		const kg_node *k = map->pairs[i].key, *v = map->pairs[i].value;
		kg_tr_slot *s;
		int under;

		if (depth == 0 && strcmp(k->text, KG_FIELD_FROM) == 0) {
			if (v->kind != KG_NODE_SCALAR)
				kg_error(d, v->mark, "'from' is a digest: "
					 "'kitgen translate --stamp' writes it");
			else if (v->len == 0 ||
				 kg_node_scalar_type(v) == KG_SCALAR_NULL)
				it->from_empty = v; /* `from:`, `from: ~` */
			else
				it->from = v;
			continue;
		}
		if (depth == KG_TR_DEPTH) {
			char b[160];

			kg_error(d, k->mark, "'%s' is not a text of %s",
				 k->text, kg_tr_name(it, b, sizeof(b)));
			continue;
		}
		path[depth] = k->text;
		s = S_slot_at(it, path, depth + 1, &under);
		if (s && s->cells) {
			S_check_rows(it, s, k, v, d);
		} else if (s && s->one) {
			S_text_ok(v, s->line, 0, d);
		} else if (s) {
			if (v->kind != KG_NODE_SEQ || v->n != s->list->n) {
				S_count_off(it, k, v, s->list->n, "text", "", d);
				continue;
			}
			for (j = 0; j < v->n; j++)
				S_text_ok(v->items[j], 0, 1, d);
		} else if (under && v->kind == KG_NODE_MAP) {
			S_check_map(it, v, path, depth + 1, d);
		} else if (under) {
			kg_error(d, v->mark, "'%s' is a mapping of texts, as in "
				 "the source", k->text);
		} else if (S_src_at(it->src, path, depth + 1) &&
			   S_as_written(k->text)) {
			kg_error(d, k->mark, "'%s' stays as written in every "
				 "language (a name, a setting or a reference, "
				 "not a text): remove it", k->text);
		} else if (S_src_at(it->src, path, depth + 1)) {
			kg_error(d, k->mark, "'%s' is structure, not text: a "
				 "translation keeps the source's ids, levels, "
				 "weights and numbers (remove it)", k->text);
		} else {
			char b[160];

			kg_error(d, k->mark, "'%s' is not a text of %s in "
				 "the source", k->text, kg_tr_name(it, b, sizeof(b)));
		}
	}
}

static void S_take(kg_tr *tr, kg_tr_item *it, const kg_node *key,
		   const kg_node *v, size_t file, kg_diags *d)
{
	const char *path[KG_TR_DEPTH];
	const kg_node *from;

	if (it->tr) {
		char b[160];

		kg_error(d, key->mark, "%s is translated twice",
			 kg_tr_name(it, b, sizeof(b)));
		kg_note(d, it->key->mark, "first translated here");
		return;
	}
	if (v->kind != KG_NODE_MAP) {
		kg_error(d, v->mark, "a translated %s is a mapping of its "
			 "texts", kg_tr_what[it->sect]);
		return;
	}
	it->tr = v;
	it->key = key;
	it->tr_file = file;
	from = kg_node_get(v, KG_FIELD_FROM);
	it->drifted = from && from->kind == KG_NODE_SCALAR && from->len &&
		      strcmp(from->text, it->digest) != 0;
	S_check_map(it, v, path, 0, d);
	(void)tr;
}

static void S_read_file(kg_tr *tr, size_t file, kg_diags *d)
{
	const kg_node *root = tr->roots[file];
	size_t i, j;
	int s;

	if (root->kind != KG_NODE_MAP) {
		kg_error(d, root->mark, "a translation file is a mapping of "
			 "sections: labels, kit, levels, areas, scenario_kinds, "
			 "profiles, topics, questions, scenarios");
		return;
	}
	for (i = 0; i < root->npairs; i++) {
		const kg_node *k = root->pairs[i].key, *v = root->pairs[i].value;

		/* kitgen's own words in the language: checked as kit.yaml's */
		if (strcmp(k->text, KG_FIELD_LABELS) == 0) {
			if (tr->labels) {
				kg_error(d, k->mark, "the labels are given twice");
				kg_note(d, tr->labels->mark, "first given here");
			} else if (v->kind != KG_NODE_MAP) {
				kg_error(d, v->mark, "'labels' maps a label's "
					 "key to its text (kitgen labels)");
			} else if (kg_labels_check(NULL, v, d) == 0) {
				tr->labels = v;
			}
			continue;
		}
		for (s = 0; s < KG_TR_NSECT && strcmp(k->text, S_sect[s]); s++)
			;
		if (s == KG_TR_NSECT) {
			kg_error(d, k->mark, "unknown section '%s' (sections: "
				 "labels, kit, levels, areas, scenario_kinds, "
				 "profiles, topics, questions, scenarios)", k->text);
			continue;
		}
		if (s == KG_TR_KIT) {
			S_take(tr, S_find(tr, KG_TR_KIT, KG_FIELD_KIT), k, v, file, d);
			continue;
		}
		if (v->kind != KG_NODE_MAP) {
			kg_error(d, v->mark, "'%s' maps each id to its "
				 "translation", k->text);
			continue;
		}
		for (j = 0; j < v->npairs; j++) {
			const kg_node *id = v->pairs[j].key;
			kg_tr_item *it = S_find(tr, s, id->text);

			if (it) {
				S_take(tr, it, id, v->pairs[j].value, file, d);
				continue;
			}
			kg_warning(d, id->mark, "translated %s '%s' has no "
				   "source: it was removed or renamed (an "
				   "orphan)", kg_tr_what[s], id->text);
			tr->orphans = kg_xrealloc(tr->orphans,
				(tr->norphans + 1) * sizeof(*tr->orphans));
			tr->orphans[tr->norphans].sect = s;
			tr->orphans[tr->norphans++].key = id;
		}
	}
}

static void S_load(kg_tr *tr, char *path, kg_diags *d)
{
	kg_node *root;
	struct stat st;
	kg_mark at = {path, 0, 0};

	if (tr->nfiles >= KG_MAX_TOPICS + 2) {
		kg_error(d, at, "a translation holds at most %d files",
			 KG_MAX_TOPICS + 2);
		free(path);
		return;
	}
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode))
		tr->bytes += (size_t)st.st_size;
	if (tr->bytes > KG_MAX_CONTENT) {
		kg_error(d, at, "the translation's files hold more than the "
			 "%zu MiB all content files may hold", KG_MAX_CONTENT >> 20);
		free(path);
		return;
	}

	tr->files = kg_xrealloc(tr->files, (tr->nfiles + 1) * sizeof(char *));
	tr->roots = kg_xrealloc(tr->roots, (tr->nfiles + 1) * sizeof(kg_node *));
	tr->files[tr->nfiles] = path;
	root = kg_node_load_file(path, d);
	tr->roots[tr->nfiles++] = root;
	if (root)
		S_read_file(tr, tr->nfiles - 1, d);
}

static int S_is_file(const char *p)
{
	struct stat st;

	return lstat(p, &st) == 0;
}

kg_tr *kg_tr_load(const kg_kit *kit, const char *dir, const char *lang,
		  kg_diags *d)
{
	char *top = S_join(dir, KG_FIELD_TRANSLATIONS);
	char *base = S_join(top, lang);
	char *p, *topics;
	struct stat st;
	kg_tr *tr;
	size_t i;
	DIR *dh;

	free(top);
	if (stat(base, &st) != 0 || !S_ISDIR(st.st_mode)) {
		free(base);
		return NULL;
	}
	tr = kg_xcalloc(1, sizeof(*tr));
	tr->kit = kit;
	tr->lang = kg_xstrdup(lang);
	S_kit_items(tr, (kg_kit *)kit);
	S_topic_items(tr, (kg_kit *)kit);
	S_scenario_items(tr, (kg_kit *)kit);
	for (i = 0; i < tr->nitems; i++)
		S_digest(&tr->items[i]);
	p = S_join(base, "kit.yaml");
	if (S_is_file(p))
		S_load(tr, p, d);
	else
		free(p);
	p = S_join(base, "scenarios.yaml");
	if (S_is_file(p))
		S_load(tr, p, d);
	else
		free(p);
	topics = S_join(base, KG_FIELD_TOPICS);
	if ((dh = opendir(topics))) {
		char **names = NULL;
		size_t n = 0;
		struct dirent *e;

		while ((e = readdir(dh))) {
			size_t len = strlen(e->d_name);

			if (e->d_name[0] == '.' || len < 6 ||
			    strcmp(e->d_name + len - 5, ".yaml"))
				continue;
			names = kg_xrealloc(names, (n + 1) * sizeof(*names));
			names[n++] = kg_xstrdup(e->d_name);
		}
		closedir(dh);
		if (n) /* (qsort of NULL is undefined, even of nothing) */
			qsort(names, n, sizeof(*names), S_cmp);
		for (i = 0; i < n; i++) {
			S_load(tr, S_join(topics, names[i]), d);
			free(names[i]);
		}
		free(names);
	}
	free(topics);
	free(base);
	return tr;
}

void kg_tr_free(kg_tr *tr)
{
	size_t i;

	if (!tr)
		return;
	for (i = 0; i < tr->nfiles; i++) {
		kg_node_free(tr->roots[i]);
		free(tr->files[i]);
	}
	free(tr->roots);
	free(tr->files);
	for (i = 0; i < tr->nitems; i++) {
		size_t j;

		for (j = 0; j < tr->items[i].nslots; j++)
			free(tr->items[i].slots[j].cells);
		free(tr->items[i].slots);
	}
	free(tr->items);
	free(tr->orphans);
	free(tr->lang);
	free(tr);
}

const kg_node *kg_tr_labels(const kg_tr *tr)
{
	return tr->labels;
}

/* ---- drift ------------------------------------------------------------------- */

int kg_tr_stale(const kg_tr_item *it)
{
	return it->tr && it->from && strcmp(it->from->text, it->digest) != 0;
}

void kg_tr_drift(const kg_tr *tr, kg_diags *d)
{
	size_t i;

	for (i = 0; i < tr->nitems; i++) {
		const kg_tr_item *it = &tr->items[i];
		char buf[160];
		const char *name;

		if (!it->tr)
			continue;
		name = kg_tr_name(it, buf, sizeof(buf));
		if (!it->from) {
			kg_warning(d, it->key->mark, "the translation of %s "
				   "has no 'from:' stamp: 'kitgen translate "
				   "--stamp --language %s' writes it", name,
				   tr->lang);
		} else if (kg_tr_stale(it)) {
			kg_warning(d, it->from->mark, "the source of %s "
				   "changed since it was translated (from %s, "
				   "now %s): the translation is stale", name,
				   it->from->text, it->digest);
			kg_note(d, it->at ? it->at->mark : it->src->mark,
				"the source of %s is here", name);
		}
	}
}

void kg_tr_check_all(const kg_kit *kit, kg_diags *d)
{
	char **langs = kg_tr_langs(kit->dir);
	size_t i;

	for (i = 0; langs[i]; i++) {
		kg_tr *tr = kg_tr_load(kit, kit->dir, langs[i], d);

		if (tr)
			kg_tr_drift(tr, d);
		kg_tr_free(tr);
	}
	kg_tr_langs_free(langs);
}

/* ---- the overlay ------------------------------------------------------------ */

const kg_node *kg_tr_at(const kg_tr_item *it, const kg_tr_slot *s)
{
	const kg_node *n = it->tr;
	size_t i;

	for (i = 0; i < s->depth && n; i++)
		n = kg_node_get(n, s->path[i]);
	return n;
}

const kg_node *kg_tr_cell(const kg_tr_item *it, const kg_tr_slot *s,
			  size_t r, size_t f)
{
	const kg_node *t = it->tr ? kg_tr_at(it, s) : NULL, *c;

	if (!t || t->kind != KG_NODE_SEQ || t->n != s->nrows || r >= t->n ||
	    t->items[r]->kind != KG_NODE_MAP)
		return NULL;
	c = kg_node_get(t->items[r], s->fields[f].name);
	return c && c->kind == KG_NODE_SCALAR ? c : NULL;
}

/* Does a CommonMark text open with a block's syntax (a list, a heading,
 * a quote, a fence, a table)? A marker in front would undo it. */
static int S_block_start(const char *t)
{
	int i;

	for (i = 0; i < 3 && t[i] == ' '; i++)
		;
	t += i;
	if (*t && strchr("-*+#>|`~", *t))
		return 1;
	for (i = 0; t[i] >= '0' && t[i] <= '9'; i++)
		;
	return i > 0 && (t[i] == '.' || t[i] == ')');
}

/* The source's text with the marker: in front of it, or as a paragraph
 * of its own above a text that opens with a block. */
static const kg_node *S_marked(kg_kit *kit, const kg_node *src, int line)
{
	/* the marker in the build's language (labels.h) */
	const char *marker = kg_label(kit->labels, "translate.untranslated");
	kg_buf b = KG_BUF_INIT;
	kg_node *n;

	if (!line && S_block_start(src->text))
		kg_buf_printf(&b, "%s\n\n%s", marker, src->text);
	else
		kg_buf_printf(&b, "%s %s", marker, src->text);
	n = kg_node_new_strn(b.ptr, b.len);
	kg_buf_release(&b);
	n->mark = src->mark;
	n->plain = false;
	if (!kit->owned)
		kit->owned = kg_node_new_seq();
	kg_node_push(kit->owned, n);
	return n;
}

/* The phase candidate_guide.questions_phase names (a reference, not a
 * text): its index in loop.phases, or -1. */
static long S_questions_phase(const kg_kit *kit)
{
	const kg_node *want = kit->candidate_guide.questions_phase;
	size_t i;

	for (i = 0; want && i < kit->nphases; i++)
		if (strcmp(kg_text(kit->phases[i].name), want->text) == 0)
			return (long)i;
	return -1;
}

size_t kg_tr_overlay(kg_kit *kit, kg_tr *tr, size_t *fallbacks, kg_buf *ids)
{
	long qp = S_questions_phase(kit);
	size_t i, j, k, texts = 0;

	*fallbacks = 0;
	for (i = 0; i < tr->nitems; i++) {
		kg_tr_item *it = &tr->items[i];
		int fell = 0;

		for (j = 0; j < it->nslots; j++) {
			kg_tr_slot *s = &it->slots[j];
			const kg_node *t = it->tr ? kg_tr_at(it, s) : NULL;

			if (s->cells) {
				size_t c;

				for (c = 0; c < s->nrows * s->nfields; c++) {
					const kg_node *x = kg_tr_cell(it, s,
						c / s->nfields, c % s->nfields);

					texts++;
					if (x) {
						*s->cells[c] = x;
						continue;
					}
					(*fallbacks)++;
					fell = 1;
					*s->cells[c] = S_marked(kit, *s->cells[c],
						s->fields[c % s->nfields].line);
				}
				continue;
			}
			texts++;
			if (s->one && t && t->kind == KG_NODE_SCALAR) {
				*s->one = t;
				continue;
			}
			if (s->list && t && t->kind == KG_NODE_SEQ &&
			    t->n == s->list->n) {
				for (k = 0; k < t->n; k++)
					s->list->items[k] = t->items[k];
				continue;
			}
			(*fallbacks)++;
			fell = 1;
			if (s->one)
				*s->one = S_marked(kit, *s->one, s->line);
			else
				for (k = 0; k < s->list->n; k++)
					s->list->items[k] =
						S_marked(kit, s->list->items[k], 0);
		}
		if (fell && ids)
			kg_buf_printf(ids, "%s%s", ids->len ? ", " : "", it->id);
	}
	/* the reference follows its phase's name into the translation */
	if (qp >= 0)
		kit->candidate_guide.questions_phase = kit->phases[qp].name;
	/* the kit keeps the translation's trees: its nodes now point there */
	if (!kit->owned)
		kit->owned = kg_node_new_seq();
	kit->owned_files = kg_xrealloc(kit->owned_files,
		(kit->nowned_files + tr->nfiles) * sizeof(char *));
	for (i = 0; i < tr->nfiles; i++) {
		if (tr->roots[i])
			kg_node_push(kit->owned, tr->roots[i]);
		kit->owned_files[kit->nowned_files++] = tr->files[i];
	}
	tr->nfiles = 0;
	kg_tr_free(tr);
	return texts;
}

