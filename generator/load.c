/*
 * load.c - reading a content folder into a kg_kit.
 *
 * Each file is parsed (yaml_load.c), checked against its shape (schema.c), then
 * read into the model. Reading is defensive: a value of the wrong kind was
 * already reported by the shape check and simply reads as NULL or empty
 * here, so one run can report the problems of every file.
 */
#include "kit.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "fields.h"
#include "schema.h"
#include "yaml_load.h"

/* ---- defensive readers ---------------------------------------------------- */

static const kg_node *S_scalar(const kg_node *map, const char *key)
{
	const kg_node *v = kg_node_get(map, key);

	return v && v->kind == KG_NODE_SCALAR ? v : NULL;
}

static const kg_node *S_kind(const kg_node *map, const char *key,
			     kg_node_kind kind)
{
	const kg_node *v = kg_node_get(map, key);

	return v && v->kind == kind ? v : NULL;
}

/* Lists are read up to their limit (the shape check reported the rest). */
static size_t S_count(const kg_node *v, const char *key)
{
	size_t max = kg_schema_max_items(key);

	return v->n < max ? v->n : max;
}

static kg_list S_list(const kg_node *map, const char *key)
{
	const kg_node *v = S_kind(map, key, KG_NODE_SEQ);
	kg_list l = {NULL, 0};
	size_t i, n;

	if (!v)
		return l;
	n = S_count(v, key);
	l.items = kg_xcalloc(n, sizeof(*l.items));
	for (i = 0; i < n; i++)
		if (v->items[i]->kind == KG_NODE_SCALAR)
			l.items[l.n++] = v->items[i];
	return l;
}

/* The mapping items of the list at key; *n is their count. */
static const kg_node **S_maps(const kg_node *map, const char *key, size_t *n)
{
	const kg_node *v = S_kind(map, key, KG_NODE_SEQ);
	const kg_node **out;
	size_t i, max;

	*n = 0;
	if (!v)
		return NULL;
	max = S_count(v, key);
	out = kg_xcalloc(max, sizeof(*out));
	for (i = 0; i < max; i++)
		if (v->items[i]->kind == KG_NODE_MAP)
			out[(*n)++] = v->items[i];
	return out;
}

static void S_rubric(const kg_node *map, const kg_node **node, kg_rubric *r)
{
	int b;

	*node = kg_node_get(map, KG_FIELD_RUBRIC);
	for (b = 0; b < KG_NBANDS; b++)
		r->band[b] = S_scalar(*node, kg_band_keys[b]);
}

static kg_signal *S_signals(const kg_node *map, size_t *n)
{
	const kg_node **maps = S_maps(map, KG_FIELD_SIGNALS, n);
	kg_signal *s = kg_xcalloc(*n, sizeof(*s));
	size_t i;

	for (i = 0; i < *n; i++) {
		s[i].name = S_scalar(maps[i], KG_FIELD_NAME);
		s[i].detail = S_scalar(maps[i], KG_FIELD_DETAIL);
	}
	free(maps);
	return s;
}

/* ---- kit.yaml ----------------------------------------------------------- */

static void S_read_pins(kg_profile *p, const kg_node *profile)
{
	const kg_node **maps = S_maps(profile, KG_FIELD_ROUNDS, &p->npins);
	size_t i;

	p->pins = kg_xcalloc(p->npins, sizeof(*p->pins));
	for (i = 0; i < p->npins; i++) {
		p->pins[i].node = maps[i];
		p->pins[i].area = S_scalar(maps[i], KG_FIELD_AREA);
		p->pins[i].topic = S_scalar(maps[i], KG_FIELD_TOPIC);
		p->pins[i].minutes = S_scalar(maps[i], KG_FIELD_MINUTES);
		p->pins[i].questions = S_list(maps[i], KG_FIELD_QUESTIONS);
	}
	free(maps);
}

static void S_read_profiles(kg_kit *kit, const kg_node *root)
{
	const kg_node **maps = S_maps(root, KG_FIELD_PROFILES, &kit->nprofiles);
	size_t i, j;

	kit->profiles = kg_xcalloc(kit->nprofiles, sizeof(*kit->profiles));
	for (i = 0; i < kit->nprofiles; i++) {
		kg_profile *p = &kit->profiles[i];
		const kg_node *w = S_kind(maps[i], KG_FIELD_WEIGHTS, KG_NODE_MAP);

		p->id = S_scalar(maps[i], KG_FIELD_ID);
		p->title = S_scalar(maps[i], KG_FIELD_TITLE);
		p->rationale = S_scalar(maps[i], KG_FIELD_RATIONALE);
		p->must_have = S_list(maps[i], KG_FIELD_MUST_HAVE);
		p->weights_node = kg_node_get(maps[i], KG_FIELD_WEIGHTS);
		S_read_pins(p, maps[i]);
		if (!w)
			continue;
		p->nweights = w->npairs < KG_MAX_AREAS ? w->npairs : KG_MAX_AREAS;
		p->weights = kg_xcalloc(p->nweights, sizeof(*p->weights));
		for (j = 0; j < p->nweights; j++) {
			p->weights[j].area = w->pairs[j].key;
			p->weights[j].value = w->pairs[j].value;
		}
	}
	free(maps);
}

static void S_read_guidance(kg_kit *kit, const kg_node *root)
{
	const kg_node *g = kg_node_get(root, KG_FIELD_GUIDANCE);
	const kg_node *ev = kg_node_get(g, KG_FIELD_EVIDENCE);
	const kg_node *cal = kg_node_get(g, KG_FIELD_CALIBRATION);
	kg_guidance *out = &kit->guidance;

	out->running_a_loop = S_scalar(g, KG_FIELD_RUNNING_A_LOOP);
	out->scoring = S_scalar(g, KG_FIELD_SCORING);
	out->evidence_summary = S_scalar(ev, KG_FIELD_SUMMARY);
	out->good_notes = S_list(ev, KG_FIELD_GOOD_NOTES);
	out->bad_notes = S_list(ev, KG_FIELD_BAD_NOTES);
	out->calibration_summary = S_scalar(cal, KG_FIELD_SUMMARY);
	out->borderline = S_list(cal, KG_FIELD_BORDERLINE);
	out->bias = S_scalar(g, KG_FIELD_BIAS);
}

static void S_read_candidate_guide(kg_kit *kit, const kg_node *root)
{
	const kg_node *g = S_kind(root, KG_FIELD_CANDIDATE_GUIDE, KG_NODE_MAP);
	kg_candidate_guide *out = &kit->candidate_guide;

	out->node = g;
	out->welcome = S_scalar(g, KG_FIELD_WELCOME);
	out->preparing = S_scalar(g, KG_FIELD_PREPARING);
	out->adjustments = S_scalar(g, KG_FIELD_ADJUSTMENTS);
	out->after_the_loop = S_scalar(g, KG_FIELD_AFTER_THE_LOOP);
	out->contact = S_scalar(g, KG_FIELD_CONTACT);
	out->questions_phase = S_scalar(g, KG_FIELD_QUESTIONS_PHASE);
}

static void S_read_loop(kg_kit *kit, const kg_node *loop)
{
	const kg_node **maps = S_maps(loop, KG_FIELD_PHASES, &kit->nphases);
	size_t i;

	kit->round_minutes = S_scalar(loop, KG_FIELD_ROUND_MINUTES);
	kit->opening_script = S_scalar(loop, KG_FIELD_OPENING_SCRIPT);
	kit->behavioural_area = S_scalar(loop, KG_FIELD_BEHAVIOURAL_AREA);
	kit->phases = kg_xcalloc(kit->nphases, sizeof(*kit->phases));
	for (i = 0; i < kit->nphases; i++) {
		kit->phases[i].name = S_scalar(maps[i], KG_FIELD_NAME);
		kit->phases[i].minutes = S_scalar(maps[i], KG_FIELD_MINUTES);
		kit->phases[i].what = S_scalar(maps[i], KG_FIELD_WHAT);
	}
	free(maps);
}

static void S_read_kit(kg_kit *kit, const kg_node *root)
{
	const kg_node *scale = kg_node_get(root, KG_FIELD_RATING_SCALE);
	const kg_node **maps;
	size_t i;
	int b;

	kit->id = S_scalar(root, KG_FIELD_ID);
	kit->title = S_scalar(root, KG_FIELD_TITLE);
	kit->subtitle = S_scalar(root, KG_FIELD_SUBTITLE);
	kit->version = S_scalar(root, KG_FIELD_VERSION);
	kit->publisher = S_scalar(root, KG_FIELD_PUBLISHER);
	kit->licence = S_scalar(root, KG_FIELD_LICENCE);
	kit->introduction = S_scalar(root, KG_FIELD_INTRODUCTION);
	kit->decision_rule = S_scalar(root, KG_FIELD_DECISION_RULE);
	S_read_loop(kit, kg_node_get(root, KG_FIELD_LOOP));
	kit->decision.node = kg_node_get(root, KG_FIELD_DECISION);
	kit->decision.threshold = S_scalar(kit->decision.node, KG_FIELD_THRESHOLD);
	kit->decision.borderline = S_scalar(kit->decision.node, KG_FIELD_BORDERLINE);
	kit->decision.weak_below = S_scalar(kit->decision.node, KG_FIELD_WEAK_BELOW);
	kit->decision.weak_limit = S_scalar(kit->decision.node, KG_FIELD_WEAK_LIMIT);
	kit->paper = S_scalar(root, KG_FIELD_PAPER);
	kit->watermark = S_scalar(root, KG_FIELD_WATERMARK);
	kit->language = S_scalar(root, KG_FIELD_LANGUAGE);
	kit->labels_node = S_kind(root, KG_FIELD_LABELS, KG_NODE_MAP);
	for (b = 0; b < KG_NBANDS; b++) {
		const kg_node *band = kg_node_get(scale, kg_band_keys[b]);

		kit->bands[b].label = S_scalar(band, KG_FIELD_LABEL);
		kit->bands[b].points = S_scalar(band, KG_FIELD_POINTS);
		kit->bands[b].definition = S_scalar(band, KG_FIELD_DEFINITION);
	}

	maps = S_maps(root, KG_FIELD_LEVELS, &kit->nlevels);
	kit->levels = kg_xcalloc(kit->nlevels, sizeof(*kit->levels));
	for (i = 0; i < kit->nlevels; i++) {
		kit->levels[i].id = S_scalar(maps[i], KG_FIELD_ID);
		kit->levels[i].title = S_scalar(maps[i], KG_FIELD_TITLE);
		kit->levels[i].expects = S_scalar(maps[i], KG_FIELD_EXPECTS);
	}
	free(maps);

	maps = S_maps(root, KG_FIELD_AREAS, &kit->nareas);
	kit->areas = kg_xcalloc(kit->nareas, sizeof(*kit->areas));
	for (i = 0; i < kit->nareas; i++) {
		kit->areas[i].id = S_scalar(maps[i], KG_FIELD_ID);
		kit->areas[i].title = S_scalar(maps[i], KG_FIELD_TITLE);
		kit->areas[i].description = S_scalar(maps[i], KG_FIELD_DESCRIPTION);
		kit->areas[i].behavioural = S_scalar(maps[i], KG_FIELD_BEHAVIOURAL);
	}
	free(maps);

	maps = S_maps(root, KG_FIELD_SCENARIO_KINDS, &kit->nkinds);
	kit->kinds = kg_xcalloc(kit->nkinds, sizeof(*kit->kinds));
	for (i = 0; i < kit->nkinds; i++) {
		kit->kinds[i].id = S_scalar(maps[i], KG_FIELD_ID);
		kit->kinds[i].title = S_scalar(maps[i], KG_FIELD_TITLE);
	}
	free(maps);

	S_read_profiles(kit, root);
	S_read_guidance(kit, root);
	S_read_candidate_guide(kit, root);
}

/* ---- topics and scenarios ---------------------------------------------- */

static void S_read_question(kg_question *q, const kg_node *m, kg_topic *t)
{
	q->topic = t;
	q->id = S_scalar(m, KG_FIELD_ID);
	q->level = S_scalar(m, KG_FIELD_LEVEL);
	q->prompt = S_scalar(m, KG_FIELD_PROMPT);
	q->recruiter_cues = S_list(m, KG_FIELD_RECRUITER_CUES);
	q->strong_answer = S_scalar(m, KG_FIELD_STRONG_ANSWER);
	q->weak_answer = S_scalar(m, KG_FIELD_WEAK_ANSWER);
	q->weak_because = S_scalar(m, KG_FIELD_WEAK_BECAUSE);
	q->follow_ups = S_list(m, KG_FIELD_FOLLOW_UPS);
	q->minutes = S_scalar(m, KG_FIELD_MINUTES);
	q->hints = S_list(m, KG_FIELD_HINTS);
	q->acceptable_answer = S_scalar(m, KG_FIELD_ACCEPTABLE_ANSWER);
	q->acceptable_because = S_scalar(m, KG_FIELD_ACCEPTABLE_BECAUSE);
	q->areas = S_list(m, KG_FIELD_AREAS);
	q->code_node = S_kind(m, KG_FIELD_CODE, KG_NODE_MAP);
	q->code_language = S_scalar(q->code_node, KG_FIELD_LANGUAGE);
	q->code_listing = S_scalar(q->code_node, KG_FIELD_LISTING);
	q->task = S_scalar(m, KG_FIELD_TASK);
}

/* A topic rubric's by_level: each level's own three bands. */
static void S_read_by_level(kg_topic *t)
{
	const kg_node *v = S_kind(t->rubric_node, KG_FIELD_BY_LEVEL, KG_NODE_MAP);
	size_t i, n;
	int b;

	t->by_level_node = v;
	if (!v)
		return;
	n = kg_schema_max_items(KG_FIELD_BY_LEVEL);
	n = v->npairs < n ? v->npairs : n;
	t->by_level = kg_xcalloc(n, sizeof(*t->by_level));
	for (i = 0; i < n; i++) {
		kg_level_rubric *r = &t->by_level[t->nby_level++];

		r->level = v->pairs[i].key;
		for (b = 0; b < KG_NBANDS; b++)
			r->rubric.band[b] = S_scalar(v->pairs[i].value,
						     kg_band_keys[b]);
	}
}

static void S_read_topic(kg_topic *t, const kg_node *root, const char *file)
{
	const kg_node *key = kg_node_get(root, KG_FIELD_ANSWER_KEY);
	const kg_node *sc = kg_node_get(root, KG_FIELD_SCENARIO);
	const kg_node *cmp = kg_node_get(root, KG_FIELD_COMPARISON);
	const kg_node **maps;
	size_t i;

	t->file = file;
	t->id = S_scalar(root, KG_FIELD_ID);
	t->title = S_scalar(root, KG_FIELD_TITLE);
	t->areas = S_list(root, KG_FIELD_AREAS);
	t->exposes = S_scalar(root, KG_FIELD_EXPOSES);
	t->clarifying_questions = S_list(root, KG_FIELD_CLARIFYING_QUESTIONS);
	t->signals = S_signals(root, &t->nsignals);
	S_rubric(root, &t->rubric_node, &t->rubric);
	S_read_by_level(t);
	t->key_contains = S_scalar(key, KG_FIELD_CONTAINS);
	t->key_tradeoffs = S_scalar(key, KG_FIELD_TRADEOFFS);
	t->key_push_on = S_scalar(key, KG_FIELD_PUSH_ON);
	t->red_flags_node = kg_node_get(root, KG_FIELD_RED_FLAGS);
	t->red_flags = S_list(root, KG_FIELD_RED_FLAGS);
	t->follow_ups = S_list(root, KG_FIELD_FOLLOW_UPS);
	t->scenario_title = S_scalar(sc, KG_FIELD_TITLE);
	t->scenario_prompt = S_scalar(sc, KG_FIELD_PROMPT);
	t->scenario_minutes = S_scalar(sc, KG_FIELD_MINUTES);
	t->cmp_reveals = S_scalar(cmp, KG_FIELD_REVEALS);
	t->cmp_levels = S_list(cmp, KG_FIELD_LEVELS);
	t->cmp_minutes = S_scalar(cmp, KG_FIELD_MINUTES);
	t->cmp_fits = S_scalar(cmp, KG_FIELD_FITS);
	t->cmp_watch_for = S_scalar(cmp, KG_FIELD_WATCH_FOR);
	maps = S_maps(root, KG_FIELD_QUESTIONS, &t->nquestions);
	t->questions = kg_xcalloc(t->nquestions, sizeof(*t->questions));
	for (i = 0; i < t->nquestions; i++)
		S_read_question(&t->questions[i], maps[i], t);
	free(maps);
}

static void S_read_scenarios(kg_kit *kit, const kg_node *root)
{
	const kg_node **maps = S_maps(root, KG_FIELD_SCENARIOS, &kit->nscenarios);
	size_t i;

	kit->scenarios = kg_xcalloc(kit->nscenarios, sizeof(*kit->scenarios));
	for (i = 0; i < kit->nscenarios; i++) {
		kg_scenario *s = &kit->scenarios[i];

		s->id = S_scalar(maps[i], KG_FIELD_ID);
		s->kind = S_scalar(maps[i], KG_FIELD_KIND);
		s->title = S_scalar(maps[i], KG_FIELD_TITLE);
		s->prompt = S_scalar(maps[i], KG_FIELD_PROMPT);
		s->signals = S_signals(maps[i], &s->nsignals);
		S_rubric(maps[i], &s->rubric_node, &s->rubric);
		s->red_flags_node = kg_node_get(maps[i], KG_FIELD_RED_FLAGS);
		s->red_flags = S_list(maps[i], KG_FIELD_RED_FLAGS);
		s->levels = S_list(maps[i], KG_FIELD_LEVELS);
		s->past_behaviour = S_scalar(maps[i], KG_FIELD_PAST_BEHAVIOUR);
		s->minutes = S_scalar(maps[i], KG_FIELD_MINUTES);
	}
	free(maps);
}

/* ---- files ---------------------------------------------------------------- */

static char *S_join(const char *dir, const char *name)
{
	kg_buf b = KG_BUF_INIT;
	size_t len = strlen(dir);

	kg_buf_puts(&b, dir);
	if (len && dir[len - 1] != '/')
		kg_buf_putc(&b, '/');
	kg_buf_puts(&b, name);
	return kg_buf_detach(&b, NULL);
}

/* A topic file is NN-name.yaml: two digits, a hyphen, ".yaml". */
static int S_is_topic_file(const char *name)
{
	size_t len = strlen(name);

	return len > 8 && name[0] >= '0' && name[0] <= '9' && name[1] >= '0' &&
	       name[1] <= '9' && name[2] == '-' &&
	       strcmp(name + len - 5, ".yaml") == 0;
}

static int S_name_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The topic file names under dir/topics, sorted (so the order never depends
 * on the file system). Warns about .yaml files that do not fit the pattern. */
static char **S_topic_names(const char *topics_dir, size_t *n, kg_diags *d)
{
	DIR *dp = opendir(topics_dir);
	struct dirent *e;
	char **names = NULL;
	size_t cap = 0;

	*n = 0;
	if (!dp) {
		kg_io_error(d, (kg_mark){topics_dir, 0, 0}, "cannot open folder: %s",
			    strerror(errno));
		return NULL;
	}
	while ((e = readdir(dp))) {
		size_t len = strlen(e->d_name);

		if (S_is_topic_file(e->d_name)) {
			KG_GROW(names, cap, *n + 1);
			names[(*n)++] = kg_xstrdup(e->d_name);
		} else if (len > 5 && strcmp(e->d_name + len - 5, ".yaml") == 0) {
			char *path = S_join(topics_dir, e->d_name);
			kg_warning(d, (kg_mark){path, 0, 0},
				   "not read: topic files are named NN-name.yaml");
			free(path);
		}
	}
	closedir(dp);
	if (*n)
		qsort(names, *n, sizeof(*names), S_name_cmp);
	return names;
}

/* The bytes read so far, against KG_MAX_CONTENT: the file that would pass
 * the limit is an error, and neither it nor any later file is read. */
typedef struct S_budget {
	size_t used;
	int over;
} S_budget;

static kg_node *S_load_checked(const char *path, const kg_shape *shape,
			       S_budget *b, kg_diags *d)
{
	struct stat st;
	kg_node *root;

	if (b->over)
		return NULL;
	if (stat(path, &st) == 0 && S_ISREG(st.st_mode)) {
		if ((size_t)st.st_size > KG_MAX_CONTENT - b->used) {
			b->over = 1;
			kg_error(d, (kg_mark){path, 0, 0},
				 "the content passes the %zu MiB limit for all "
				 "files together here", KG_MAX_CONTENT >> 20);
			return NULL;
		}
		b->used += (size_t)st.st_size;
	}
	root = kg_node_load_file(path, d);
	if (root)
		kg_schema_check(root, shape, d);
	return root;
}

kg_kit *kg_kit_load(const char *dir, kg_diags *d)
{
	return kg_kit_load_with(dir, d, NULL, NULL);
}

kg_kit *kg_kit_load_with(const char *dir, kg_diags *d,
			 void (*head)(const kg_kit *kit, void *ctx), void *ctx)
{
	kg_kit *kit = kg_xcalloc(1, sizeof(*kit));
	char *topics_dir = S_join(dir, "topics");
	struct stat st;
	S_budget budget = {0, 0};
	char **names;
	size_t i, n;
	int too_many;

	errno = 0;
	kit->dir = dir;
	if (stat(dir, &st) < 0 || !S_ISDIR(st.st_mode)) {
		kg_io_error(d, (kg_mark){dir, 0, 0}, "cannot open content folder: %s",
			    errno ? strerror(errno) : "not a folder");
		free(topics_dir);
		return kit;
	}
	kit->kit_file = S_join(dir, "kit.yaml");
	kit->root = S_load_checked(kit->kit_file, &kg_shape_kit, &budget, d);
	if (kit->root && kit->root->kind == KG_NODE_MAP)
		S_read_kit(kit, kit->root);
	if (head)
		head(kit, ctx);

	names = S_topic_names(topics_dir, &n, d);
	too_many = n > KG_MAX_TOPICS;
	if (too_many) {
		kg_error(d, (kg_mark){topics_dir, 0, 0},
			 "%zu topic files; at most %d are allowed", n,
			 KG_MAX_TOPICS);
		for (i = 0; i < n; i++)
			free(names[i]);
		n = 0;
	}
	kit->topic_files = kg_xcalloc(n, sizeof(char *));
	kit->topic_roots = kg_xcalloc(n, sizeof(kg_node *));
	kit->topics = kg_xcalloc(n, sizeof(kg_topic));
	kit->ntopic_files = n;
	for (i = 0; i < n; i++) {
		kg_node *root;

		kit->topic_files[i] = S_join(topics_dir, names[i]);
		free(names[i]);
		root = S_load_checked(kit->topic_files[i], &kg_shape_topic,
				      &budget, d);
		kit->topic_roots[i] = root;
		if (root && root->kind == KG_NODE_MAP)
			S_read_topic(&kit->topics[kit->ntopics++], root,
				     kit->topic_files[i]);
	}
	free(names);
	free(topics_dir);
	if (n == 0 && !d->io_errors && !too_many)
		kg_error(d, (kg_mark){dir, 0, 0},
			 "no topics: add topics/NN-name.yaml files");

	kit->scenarios_file = S_join(dir, "scenarios.yaml");
	kit->scenarios_root =
		S_load_checked(kit->scenarios_file, &kg_shape_scenarios, &budget, d);
	if (kit->scenarios_root && kit->scenarios_root->kind == KG_NODE_MAP)
		S_read_scenarios(kit, kit->scenarios_root);
	return kit;
}
