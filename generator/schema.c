/*
 * schema.c - the content model (which fields, of which kind) and the
 * generic check of a YAML tree against it.
 *
 * The fields' names are fields.h's. content/README.md documents the same
 * model for people; keep them in step.
 */
#include "schema.h"

#include <cmark.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fields.h"
#include "markdown.h"
#include "suggest.h"

/* ---- the model ---------------------------------------------------------- */

#define REQ 1
#define OPT 0

static const kg_field S_band_fields[] = {
	{KG_FIELD_LABEL, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_POINTS, KG_F_INT, REQ, NULL, 0, 0, 100},
	{KG_FIELD_DEFINITION, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_band = {"rating band", NULL, S_band_fields};

static const kg_field S_scale_fields[] = {
	{KG_FIELD_STRONG, KG_F_MAP, REQ, &S_band, 0, 0, 0},
	{KG_FIELD_ACCEPTABLE, KG_F_MAP, REQ, &S_band, 0, 0, 0},
	{KG_FIELD_WEAK, KG_F_MAP, REQ, &S_band, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_scale = {"rating scale",
				 "rating scale has no '%s' band", S_scale_fields};

static const kg_field S_level_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_EXPECTS, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_level = {"level", NULL, S_level_fields};

static const kg_field S_area_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_DESCRIPTION, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_BEHAVIOURAL, KG_F_BOOL, OPT, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_area = {"area", NULL, S_area_fields};

static const kg_field S_kind_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_kind = {"scenario kind", NULL, S_kind_fields};

static const kg_field S_round_fields[] = {
	{KG_FIELD_AREA, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TOPIC, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_QUESTIONS, KG_F_ID_LIST, OPT, NULL, 1, 0, 0},
	{KG_FIELD_MINUTES, KG_F_INT, OPT, NULL, 0, 5, 240},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_round = {"round", NULL, S_round_fields};

static const kg_field S_profile_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_RATIONALE, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_WEIGHTS, KG_F_INT_MAP, REQ, NULL, 0, 0, 100},
	{KG_FIELD_MUST_HAVE, KG_F_ID_LIST, OPT, NULL, 0, 0, 0},
	{KG_FIELD_ROUNDS, KG_F_MAP_LIST, OPT, &S_round, 1, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_profile = {"profile", NULL, S_profile_fields};

static const kg_field S_evidence_fields[] = {
	{KG_FIELD_SUMMARY, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_GOOD_NOTES, KG_F_TEXT_LIST, REQ, NULL, 1, 0, 0},
	{KG_FIELD_BAD_NOTES, KG_F_TEXT_LIST, REQ, NULL, 1, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_evidence = {"evidence", NULL, S_evidence_fields};

static const kg_field S_calibration_fields[] = {
	{KG_FIELD_SUMMARY, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_BORDERLINE, KG_F_TEXT_LIST, REQ, NULL, 1, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_calibration = {"calibration", NULL,
				       S_calibration_fields};

static const kg_field S_guidance_fields[] = {
	{KG_FIELD_RUNNING_A_LOOP, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_SCORING, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_EVIDENCE, KG_F_MAP, REQ, &S_evidence, 0, 0, 0},
	{KG_FIELD_CALIBRATION, KG_F_MAP, REQ, &S_calibration, 0, 0, 0},
	{KG_FIELD_BIAS, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_guidance = {"guidance", NULL, S_guidance_fields};

static const kg_field S_phase_fields[] = {
	{KG_FIELD_NAME, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_MINUTES, KG_F_INT, REQ, NULL, 0, 1, 120},
	{KG_FIELD_WHAT, KG_F_ITEM, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_phase = {"phase", NULL, S_phase_fields};

static const kg_field S_loop_fields[] = {
	{KG_FIELD_ROUND_MINUTES, KG_F_INT, OPT, NULL, 0, 5, 240},
	{KG_FIELD_PHASES, KG_F_MAP_LIST, OPT, &S_phase, 1, 0, 0},
	{KG_FIELD_OPENING_SCRIPT, KG_F_TEXT, OPT, NULL, 0, 0, 0},
	{KG_FIELD_BEHAVIOURAL_AREA, KG_F_ID, OPT, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_loop = {"loop", NULL, S_loop_fields};

/* The decision rule as values (the prose decision_rule states them). */
static const kg_field S_decision_fields[] = {
	{KG_FIELD_THRESHOLD, KG_F_SCORE, REQ, NULL, 0, 0, 10000},
	{KG_FIELD_BORDERLINE, KG_F_SCORE, REQ, NULL, 0, 0, 10000},
	{KG_FIELD_WEAK_BELOW, KG_F_SCORE, REQ, NULL, 0, 0, 10000},
	{KG_FIELD_WEAK_LIMIT, KG_F_INT, REQ, NULL, 0, 0, 20},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_decision = {"decision", NULL, S_decision_fields};

/* What a kit tells its candidates (the candidate's guides, edition.h),
 * beside what the guides take from the loop, the levels and the scale. */
static const kg_field S_candidate_guide_fields[] = {
	{KG_FIELD_WELCOME, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_PREPARING, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_ADJUSTMENTS, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_AFTER_THE_LOOP, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_CONTACT, KG_F_LINE, OPT, NULL, 0, 0, 0},
	{KG_FIELD_QUESTIONS_PHASE, KG_F_LINE, OPT, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_candidate_guide = {"candidate guide", NULL,
					   S_candidate_guide_fields};

static const kg_field S_kit_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_SUBTITLE, KG_F_ITEM, OPT, NULL, 0, 0, 0},
	{KG_FIELD_VERSION, KG_F_VERSION, REQ, NULL, 0, 0, 0},
	{KG_FIELD_PUBLISHER, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_LICENCE, KG_F_LINE, OPT, NULL, 0, 0, 0},
	{KG_FIELD_INTRODUCTION, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_RATING_SCALE, KG_F_MAP, REQ, &S_scale, 0, 0, 0},
	{KG_FIELD_LEVELS, KG_F_MAP_LIST, REQ, &S_level, 1, 0, 0},
	{KG_FIELD_AREAS, KG_F_MAP_LIST, REQ, &S_area, 1, 0, 0},
	{KG_FIELD_SCENARIO_KINDS, KG_F_MAP_LIST, REQ, &S_kind, 1, 0, 0},
	{KG_FIELD_PROFILES, KG_F_MAP_LIST, REQ, &S_profile, 1, 0, 0},
	{KG_FIELD_DECISION_RULE, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_LOOP, KG_F_MAP, OPT, &S_loop, 0, 0, 0},
	{KG_FIELD_GUIDANCE, KG_F_MAP, REQ, &S_guidance, 0, 0, 0},
	{KG_FIELD_DECISION, KG_F_MAP, OPT, &S_decision, 0, 0, 0},
	{KG_FIELD_PAPER, KG_F_LINE, OPT, NULL, 0, 0, 0},
	{KG_FIELD_WATERMARK, KG_F_LINE, OPT, NULL, 0, 0, 0},
	{KG_FIELD_LANGUAGE, KG_F_LINE, OPT, NULL, 0, 0, 0},
	{KG_FIELD_LABELS, KG_F_LABELS, OPT, NULL, 0, 0, 0},
	{KG_FIELD_CANDIDATE_GUIDE, KG_F_MAP, OPT, &S_candidate_guide, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
const kg_shape kg_shape_kit = {"kit", NULL, S_kit_fields};

static const kg_field S_signal_fields[] = {
	{KG_FIELD_NAME, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_DETAIL, KG_F_ITEM, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_signal = {"signal", NULL, S_signal_fields};

static const kg_field S_rubric_fields[] = {
	{KG_FIELD_STRONG, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_ACCEPTABLE, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_WEAK, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_rubric = {"rubric", "rubric has no '%s' band",
				  S_rubric_fields};

/* A topic's rubric: the bands, and optionally a level's own bands. */
static const kg_field S_topic_rubric_fields[] = {
	{KG_FIELD_STRONG, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_ACCEPTABLE, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_WEAK, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_BY_LEVEL, KG_F_ID_MAP, OPT, &S_rubric, 1, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_topic_rubric = {"rubric", "rubric has no '%s' band",
					S_topic_rubric_fields};

static const kg_field S_key_fields[] = {
	{KG_FIELD_CONTAINS, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TRADEOFFS, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_PUSH_ON, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_key = {"answer key", NULL, S_key_fields};

static const kg_field S_practical_fields[] = {
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_PROMPT, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_MINUTES, KG_F_INT, OPT, NULL, 0, 5, 60},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_practical = {"scenario", NULL, S_practical_fields};

static const kg_field S_cmp_fields[] = {
	{KG_FIELD_REVEALS, KG_F_ITEM, REQ, NULL, 0, 0, 0},
	{KG_FIELD_LEVELS, KG_F_ID_LIST, REQ, NULL, 1, 0, 0},
	{KG_FIELD_MINUTES, KG_F_INT, REQ, NULL, 0, 5, 120},
	{KG_FIELD_FITS, KG_F_ITEM, REQ, NULL, 0, 0, 0},
	{KG_FIELD_WATCH_FOR, KG_F_ITEM, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_cmp = {"comparison", NULL, S_cmp_fields};

/* A code listing; its language is one of kg_code_languages (check.c). */
static const kg_field S_code_fields[] = {
	{KG_FIELD_LANGUAGE, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_LISTING, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_code = {"code", NULL, S_code_fields};

static const kg_field S_question_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_LEVEL, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_PROMPT, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_RECRUITER_CUES, KG_F_TEXT_LIST, REQ, NULL, 1, 0, 0},
	{KG_FIELD_STRONG_ANSWER, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_WEAK_ANSWER, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_WEAK_BECAUSE, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_FOLLOW_UPS, KG_F_TEXT_LIST, REQ, NULL, 1, 0, 0},
	{KG_FIELD_MINUTES, KG_F_INT, OPT, NULL, 0, 1, 60},
	{KG_FIELD_HINTS, KG_F_TEXT_LIST, OPT, NULL, 2, 0, 0},
	{KG_FIELD_ACCEPTABLE_ANSWER, KG_F_TEXT, OPT, NULL, 0, 0, 0},
	{KG_FIELD_ACCEPTABLE_BECAUSE, KG_F_TEXT, OPT, NULL, 0, 0, 0},
	{KG_FIELD_AREAS, KG_F_ID_LIST, OPT, NULL, 1, 0, 0},
	{KG_FIELD_CODE, KG_F_MAP, OPT, &S_code, 0, 0, 0},
	{KG_FIELD_TASK, KG_F_TEXT, OPT, NULL, 0, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_question = {"question", NULL, S_question_fields};

static const kg_field S_topic_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_AREAS, KG_F_ID_LIST, REQ, NULL, 1, 0, 0},
	{KG_FIELD_EXPOSES, KG_F_TEXT, REQ, NULL, 0, 0, 0},
	{KG_FIELD_CLARIFYING_QUESTIONS, KG_F_TEXT_LIST, REQ, NULL, 1, 0, 0},
	{KG_FIELD_SIGNALS, KG_F_MAP_LIST, REQ, &S_signal, 1, 0, 0},
	{KG_FIELD_RUBRIC, KG_F_MAP, REQ, &S_topic_rubric, 0, 0, 0},
	{KG_FIELD_ANSWER_KEY, KG_F_MAP, REQ, &S_key, 0, 0, 0},
	{KG_FIELD_RED_FLAGS, KG_F_TEXT_LIST, REQ, NULL, 3, 0, 0},
	{KG_FIELD_FOLLOW_UPS, KG_F_TEXT_LIST, REQ, NULL, 1, 0, 0},
	{KG_FIELD_SCENARIO, KG_F_MAP, REQ, &S_practical, 0, 0, 0},
	{KG_FIELD_COMPARISON, KG_F_MAP, REQ, &S_cmp, 0, 0, 0},
	{KG_FIELD_QUESTIONS, KG_F_MAP_LIST, REQ, &S_question, 1, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
const kg_shape kg_shape_topic = {"topic", NULL, S_topic_fields};

static const kg_field S_scenario_fields[] = {
	{KG_FIELD_ID, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_KIND, KG_F_ID, REQ, NULL, 0, 0, 0},
	{KG_FIELD_TITLE, KG_F_LINE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_PROMPT, KG_F_PROSE, REQ, NULL, 0, 0, 0},
	{KG_FIELD_SIGNALS, KG_F_MAP_LIST, REQ, &S_signal, 1, 0, 0},
	{KG_FIELD_RUBRIC, KG_F_MAP, REQ, &S_rubric, 0, 0, 0},
	{KG_FIELD_RED_FLAGS, KG_F_TEXT_LIST, REQ, NULL, 3, 0, 0},
	{KG_FIELD_LEVELS, KG_F_ID_LIST, OPT, NULL, 1, 0, 0},
	{KG_FIELD_PAST_BEHAVIOUR, KG_F_TEXT, OPT, NULL, 0, 0, 0},
	{KG_FIELD_MINUTES, KG_F_INT, OPT, NULL, 0, 5, 60},
	{NULL, 0, 0, NULL, 0, 0, 0}};
static const kg_shape S_scenario = {"scenario", NULL, S_scenario_fields};

static const kg_field S_scenarios_fields[] = {
	{KG_FIELD_SCENARIOS, KG_F_MAP_LIST, REQ, &S_scenario, 1, 0, 0},
	{NULL, 0, 0, NULL, 0, 0, 0}};
const kg_shape kg_shape_scenarios = {"scenarios file", NULL,
				     S_scenarios_fields};

/* ---- the check ---------------------------------------------------------- */

size_t kg_schema_max_items(const char *field)
{
	static const struct {
		const char *field;
		size_t max;
	} limits[] = {
		{KG_FIELD_QUESTIONS, KG_MAX_QUESTIONS},
		{KG_FIELD_LEVELS, KG_MAX_LEVELS},
		{KG_FIELD_AREAS, KG_MAX_AREAS},
		{KG_FIELD_WEIGHTS, KG_MAX_AREAS},
		{KG_FIELD_PROFILES, KG_MAX_PROFILES},
		{KG_FIELD_SCENARIO_KINDS, KG_MAX_KINDS},
		{KG_FIELD_SCENARIOS, KG_MAX_SCENARIOS},
		{KG_FIELD_HINTS, KG_MAX_HINTS},
		{KG_FIELD_BY_LEVEL, KG_MAX_LEVELS},
		{KG_FIELD_LABELS, KG_MAX_LABELS}};
	size_t i;

	for (i = 0; i < sizeof(limits) / sizeof(*limits); i++)
		if (strcmp(limits[i].field, field) == 0)
			return limits[i].max;
	return KG_MAX_ITEMS;
}

kg_md_measure kg_md_measure_text(const char *text)
{
	cmark_node *doc = kg_md_parse_raw(text);
	cmark_iter *it = cmark_iter_new(doc);
	cmark_event_type ev;
	kg_md_measure m = {0, 0};
	size_t depth = 0, items;

	/* containers give ENTER and EXIT, leaves (text, code...) ENTER only */
	while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
		cmark_node *n = cmark_iter_get_node(it);

		if (ev == CMARK_EVENT_ENTER &&
		    cmark_node_get_type(n) == CMARK_NODE_LIST) {
			cmark_node *c;

			for (items = 0, c = cmark_node_first_child(n); c;
			     c = cmark_node_next(c))
				items++;
			if (items > m.list_items)
				m.list_items = items;
		}
		switch (cmark_node_get_type(n)) {
		case CMARK_NODE_TEXT:
		case CMARK_NODE_SOFTBREAK:
		case CMARK_NODE_LINEBREAK:
		case CMARK_NODE_CODE:
		case CMARK_NODE_HTML_INLINE:
		case CMARK_NODE_CODE_BLOCK:
		case CMARK_NODE_HTML_BLOCK:
		case CMARK_NODE_THEMATIC_BREAK:
			if (depth + 1 > m.depth)
				m.depth = depth + 1;
			break;
		default:
			if (ev == CMARK_EVENT_EXIT)
				depth--;
			else if (++depth > m.depth)
				m.depth = depth;
		}
	}
	cmark_iter_free(it);
	cmark_node_free(doc);
	return m;
}

size_t kg_md_depth(const char *text)
{
	return kg_md_measure_text(text).depth;
}

/* More items than the field may hold? Then say so. */
static size_t S_check_count(const kg_node *v, const char *name, size_t n,
			    kg_diags *d)
{
	size_t max = kg_schema_max_items(name);

	if (n <= max)
		return 0;
	kg_error(d, v->mark, "'%s' has %zu items; at most %zu are allowed",
		 name, n, max);
	return 1;
}

static const char *S_kind_name(const kg_node *n)
{
	if (n->kind == KG_NODE_MAP)
		return "a mapping";
	if (n->kind == KG_NODE_SEQ)
		return "a list";
	return "text";
}

int kg_id_valid(const char *s)
{
	const char *p;

	if (!*s || *s == '-' || strlen(s) > KG_MAX_ID)
		return 0;
	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		      *p == '-'))
			return 0;
	return 1;
}

static int S_blank(const char *s)
{
	for (; *s; s++)
		if (!strchr(" \t\r\n", *s))
			return 0;
	return 1;
}

static size_t S_check_value(kg_node *v, const kg_field *f, kg_diags *d);

size_t kg_field_max_bytes(kg_field_kind kind)
{
	switch (kind) {
	case KG_F_ID: return KG_MAX_ID;
	case KG_F_LINE: return KG_MAX_LINE;
	case KG_F_ITEM: return KG_MAX_ITEM;
	case KG_F_TEXT: return KG_MAX_TEXT;
	case KG_F_PROSE: return KG_MAX_PROSE;
	default: return 0;
	}
}

static int S_is_prose(kg_field_kind kind)
{
	return kind == KG_F_LINE || kind == KG_F_ITEM || kind == KG_F_TEXT ||
	       kind == KG_F_PROSE;
}

/* What breaks a single line: a line break of any kind, or a tab. NULL
 * when s holds none. */
static const char *S_line_breaker(const char *s)
{
	for (; *s; s++) {
		if (*s == '\n' || *s == '\r')
			return "a line break";
		if (*s == '\t')
			return "a tab";
		if (strncmp(s, "\xC2\x85", 2) == 0 || strncmp(s, "\xE2\x80\xA8", 3) == 0 ||
		    strncmp(s, "\xE2\x80\xA9", 3) == 0)
			return "a line break";
	}
	return NULL;
}

/* Read a whole number once, into v->num: plain decimal digits, no sign,
 * no leading zero, within [f->min, f->max]. */
static size_t S_check_int(kg_node *v, const char *name, const kg_field *f,
			  kg_diags *d)
{
	const char *s = v->text;
	size_t digits = strspn(s, "0123456789");
	long n = 0;

	if (!v->plain) {
		kg_error(d, v->mark, "'%s' should be a whole number from %ld to %ld, "
			 "not quoted text ('%s')", name, f->min, f->max, s);
		return 1;
	}
	if (digits == 0 || s[digits] || (s[0] == '0' && digits > 1)) {
		kg_error(d, v->mark, "'%s' should be a whole number from %ld to %ld "
			 "(decimal digits, no sign or leading zero), not '%s'",
			 name, f->min, f->max, s);
		return 1;
	}
	for (; *s && n <= f->max; s++)
		n = n * 10 + (*s - '0');
	if (*s || n < f->min || n > f->max) {
		kg_error(d, v->mark, "'%s' is %s; it should be from %ld to %ld",
			 name, v->text, f->min, f->max);
		return 1;
	}
	v->num = n;
	v->number = true;
	return 0;
}

/* Read a score once, into v->num in hundredths: D.DD, plain, exactly two
 * decimals, within [f->min, f->max] hundredths. */
static size_t S_check_score(kg_node *v, const char *name, const kg_field *f,
			    kg_diags *d)
{
	const char *s = v->text;
	size_t digits = strspn(s, "0123456789");
	long n;

	if (!v->plain || digits == 0 || digits > 3 || s[digits] != '.' ||
	    strspn(s + digits + 1, "0123456789") != 2 || s[digits + 3] ||
	    (s[0] == '0' && digits > 1)) {
		kg_error(d, v->mark, "'%s' should be a score with two decimals, "
			 "like 2.25, not '%s'", name, s);
		return 1;
	}
	n = strtol(s, NULL, 10) * 100 + strtol(s + digits + 1, NULL, 10);
	if (n < f->min || n > f->max) {
		kg_error(d, v->mark, "'%s' is %s; it should be from %ld.%02ld to "
			 "%ld.%02ld", name, s, f->min / 100, f->min % 100,
			 f->max / 100, f->max % 100);
		return 1;
	}
	v->num = n;
	v->number = true;
	return 0;
}

static size_t S_check_version(const kg_node *v, kg_diags *d)
{
	const char *s = v->text;
	unsigned a, b, c;
	char end;

	if (sscanf(s, "%u.%u.%u%c", &a, &b, &c, &end) != 3 ||
	    strspn(s, "0123456789.") != strlen(s)) {
		kg_error(d, v->mark, "version '%s' should be MAJOR.MINOR.PATCH, "
			 "like 1.0.0", s);
		return 1;
	}
	return 0;
}

/* A text kind's size, line and Markdown nesting. */
/* Is text within the Markdown limits without parsing it? Every node
 * below the document and its first paragraph (a list and its item, a
 * quote, an emphasis, a link, a heading's level) needs a character of
 * its own that can open it, one of "*_>[-+`<!#" or a digit (an ordered
 * list's number), and adds at most two levels (a list and its item); a
 * list's items each start a line. So few such characters and few lines
 * say the depth and the list are within their limits, and most texts
 * need no parse here. */
static int S_md_within_limits(const char *text)
{
	size_t openers = 0, lines = 1;
	const char *p;

	for (p = text; *p; p++)
		if (*p == '\n')
			lines++;
		else if (strchr("*_>[-+`<!#", *p) || (*p >= '0' && *p <= '9'))
			openers++;
	return 3 + 2 * openers <= KG_MAX_MD_DEPTH &&
	       lines <= KG_MAX_MD_LIST_ITEMS;
}

static size_t S_check_prose(const kg_node *v, const char *name,
			    kg_field_kind kind, kg_diags *d)
{
	static const char *const nouns[] = {
		[KG_F_LINE] = "single line (title, name, label)",
		[KG_F_ITEM] = "short text (list item, detail, cell)",
		[KG_F_TEXT] = "text", [KG_F_PROSE] = "long text"};
	size_t max = kg_field_max_bytes(kind);
	const char *breaker;
	kg_md_measure md;

	if (v->len > max) {
		kg_error(d, v->mark, "'%s' is %zu bytes long; a %s may be at "
			 "most %zu bytes", name, (size_t)v->len, nouns[kind], max);
		return 1;
	}
	if (kind == KG_F_LINE && (breaker = S_line_breaker(v->text))) {
		kg_error(d, v->mark, "'%s' should be a single line, but it holds %s",
			 name, breaker);
		return 1;
	}
	if (S_md_within_limits(v->text))
		return 0;
	md = kg_md_measure_text(v->text);
	if (md.depth > KG_MAX_MD_DEPTH) {
		kg_error(d, v->mark, "'%s' nests Markdown %zu deep (quotes, "
			 "lists, emphasis, links); at most %d", name, md.depth,
			 KG_MAX_MD_DEPTH);
		return 1;
	}
	if (md.list_items > KG_MAX_MD_LIST_ITEMS) {
		kg_error(d, v->mark, "'%s' holds a Markdown list of %zu items; "
			 "a list in a text may have at most %d (split it, or make "
			 "it a list field)", name, md.list_items,
			 KG_MAX_MD_LIST_ITEMS);
		return 1;
	}
	return 0;
}

/* Read true or false once, into v->num (1 or 0). */
static size_t S_check_bool(kg_node *v, const char *name, kg_diags *d)
{
	if (!v->plain || (strcmp(v->text, "true") && strcmp(v->text, "false"))) {
		kg_error(d, v->mark, "'%s' should be true or false, not '%s'",
			 name, v->text);
		return 1;
	}
	v->num = strcmp(v->text, "true") == 0;
	v->number = true;
	return 0;
}

/* A scalar of the field's kind: text, id, integer, boolean or version. */
static size_t S_check_scalar(kg_node *v, const char *name, const kg_field *f,
			     kg_diags *d)
{
	if (v->kind != KG_NODE_SCALAR) {
		kg_error(d, v->mark, "'%s' should be %s, not %s", name,
			 f->kind == KG_F_INT ? "a whole number" :
			 f->kind == KG_F_SCORE ? "a score" :
			 f->kind == KG_F_BOOL ? "true or false" : "text",
			 S_kind_name(v));
		return 1;
	}
	if (kg_node_scalar_type(v) == KG_SCALAR_NULL || S_blank(v->text)) {
		kg_error(d, v->mark, "'%s' is empty", name);
		return 1;
	}
	if (S_is_prose(f->kind))
		return S_check_prose(v, name, f->kind, d);
	switch (f->kind) {
	case KG_F_ID:
		if (!kg_id_valid(v->text)) {
			kg_error(d, v->mark,
				 "'%s' is not a valid id: use lowercase letters, "
				 "digits and hyphens (at most %d)", v->text, KG_MAX_ID);
			return 1;
		}
		return 0;
	case KG_F_INT:
		return S_check_int(v, name, f, d);
	case KG_F_SCORE:
		return S_check_score(v, name, f, d);
	case KG_F_BOOL:
		return S_check_bool(v, name, d);
	case KG_F_VERSION:
		return S_check_version(v, d);
	default:
		return 0;
	}
}

static size_t S_check_list(kg_node *v, const kg_field *f, kg_diags *d)
{
	kg_field item = *f;
	size_t errors = 0, i;

	if (v->kind != KG_NODE_SEQ) {
		kg_error(d, v->mark, "'%s' should be a list, not %s", f->name,
			 S_kind_name(v));
		return 1;
	}
	if (v->n < f->min_items) {
		kg_error(d, v->mark, "'%s' has %zu item%s; at least %zu needed",
			 f->name, (size_t)v->n, v->n == 1 ? "" : "s", f->min_items);
		errors++;
	}
	errors += S_check_count(v, f->name, v->n, d);
	item.kind = f->kind == KG_F_TEXT_LIST ? KG_F_ITEM
		  : f->kind == KG_F_ID_LIST  ? KG_F_ID
					     : KG_F_MAP;
	for (i = 0; i < v->n; i++) {
		kg_node *it = v->items[i];

		if (item.kind != KG_F_MAP && it->kind == KG_NODE_MAP) {
			/* the classic YAML slip: "- text with: a colon" */
			kg_error(d, it->mark,
				 "item %zu of '%s' should be text, not a mapping "
				 "(quote text that contains ': ')", i + 1, f->name);
			errors++;
			continue;
		}
		errors += S_check_value(it, &item, d);
	}
	return errors;
}

static size_t S_check_map(kg_node *v, const char *name,
			  const kg_shape *shape, kg_diags *d);

/* A mapping keyed by ids: of whole numbers (KG_F_INT_MAP: weights) or of
 * mappings of f->shape (KG_F_ID_MAP: a rubric's by_level); at least
 * f->min_items pairs. */
static size_t S_check_keyed_map(kg_node *v, const kg_field *f, kg_diags *d)
{
	static const kg_field id = {NULL, KG_F_ID, REQ, NULL, 0, 0, 0};
	kg_field number = *f;
	size_t errors = 0, i;

	if (v->kind != KG_NODE_MAP) {
		kg_error(d, v->mark, "'%s' should be a mapping, not %s", f->name,
			 S_kind_name(v));
		return 1;
	}
	if (v->npairs < f->min_items) {
		kg_error(d, v->mark, "'%s' has %zu items; at least %zu needed",
			 f->name, (size_t)v->npairs, f->min_items);
		errors++;
	}
	errors += S_check_count(v, f->name, v->npairs, d);
	number.kind = KG_F_INT;
	for (i = 0; i < v->npairs; i++) {
		kg_node *key = v->pairs[i].key, *value = v->pairs[i].value;

		errors += S_check_scalar(key, f->name, &id, d);
		if (f->kind == KG_F_ID_MAP)
			errors += S_check_map(value, key->text, f->shape, d);
		else
			errors += S_check_scalar(value, key->text, &number, d);
	}
	return errors;
}

/* kit.yaml's labels: a mapping of keys to a short text each, or to a
 * mapping of plural forms to short texts (the keys and places are labels.c's
 * to check). */
static size_t S_check_labels(kg_node *v, const kg_field *f, kg_diags *d)
{
	/* a label may be a sentence: a short text, one line or more */
	static const kg_field line = {NULL, KG_F_ITEM, REQ, NULL, 0, 0, 0};
	size_t errors = 0, i, j;

	if (v->kind != KG_NODE_MAP) {
		kg_error(d, v->mark, "'%s' should be a mapping, not %s", f->name,
			 S_kind_name(v));
		return 1;
	}
	errors += S_check_count(v, f->name, v->npairs, d);
	for (i = 0; i < v->npairs; i++) {
		kg_node *key = v->pairs[i].key, *value = v->pairs[i].value;

		if (value->kind != KG_NODE_MAP) {
			errors += S_check_scalar(value, key->text, &line, d);
			continue;
		}
		for (j = 0; j < value->npairs; j++)
			errors += S_check_scalar(value->pairs[j].value,
						 key->text, &line, d);
	}
	return errors;
}

static size_t S_check_value(kg_node *v, const kg_field *f, kg_diags *d)
{
	switch (f->kind) {
	case KG_F_ID:
	case KG_F_LINE:
	case KG_F_ITEM:
	case KG_F_TEXT:
	case KG_F_PROSE:
	case KG_F_INT:
	case KG_F_SCORE:
	case KG_F_BOOL:
	case KG_F_VERSION:
		return S_check_scalar(v, f->name, f, d);
	case KG_F_TEXT_LIST:
	case KG_F_ID_LIST:
	case KG_F_MAP_LIST:
		return S_check_list(v, f, d);
	case KG_F_MAP:
		return S_check_map(v, f->name, f->shape, d);
	case KG_F_INT_MAP:
	case KG_F_ID_MAP:
		return S_check_keyed_map(v, f, d);
	case KG_F_LABELS:
		return S_check_labels(v, f, d);
	}
	return 0;
}

static const kg_field *S_field(const kg_shape *shape, const char *name)
{
	const kg_field *f;

	for (f = shape->fields; f->name; f++)
		if (strcmp(f->name, name) == 0)
			return f;
	return NULL;
}

/* Report an unknown key; returns the field it was probably meant to be. */
static const kg_field *S_unknown(const kg_node *key, const kg_shape *shape,
				 kg_diags *d)
{
	const kg_field *f, *best = NULL;
	size_t dist, best_dist = 3;

	for (f = shape->fields; f->name; f++) {
		dist = kg_edit_distance(key->text, f->name);
		if (dist < best_dist) {
			best = f;
			best_dist = dist;
		}
	}
	if (best)
		kg_error(d, key->mark, "unknown field '%s' in %s (did you mean '%s'?)",
			 key->text, shape->what, best->name);
	else
		kg_error(d, key->mark, "unknown field '%s' in %s", key->text,
			 shape->what);
	return best;
}

static size_t S_check_map(kg_node *v, const char *name,
			  const kg_shape *shape, kg_diags *d)
{
	const kg_field *f, *hinted[8];
	size_t errors = 0, nhinted = 0, i;

	if (v->kind != KG_NODE_MAP) {
		kg_error(d, v->mark, "'%s' should be a mapping, not %s", name,
			 S_kind_name(v));
		return 1;
	}
	for (i = 0; i < v->npairs; i++) {
		kg_pair *p = &v->pairs[i];

		if (!(f = S_field(shape, p->key->text))) {
			f = S_unknown(p->key, shape, d);
			if (f && nhinted < sizeof(hinted) / sizeof(*hinted))
				hinted[nhinted++] = f;
			errors++;
			continue;
		}
		errors += S_check_value(p->value, f, d);
	}
	for (f = shape->fields; f->name; f++) {
		int was_hinted = 0;

		for (i = 0; i < nhinted; i++)
			was_hinted |= hinted[i] == f;
		/* "did you mean 'title'?" already said what is missing */
		if (!f->required || was_hinted || kg_node_get(v, f->name))
			continue;
		if (shape->missing_fmt)
			kg_error(d, v->mark, shape->missing_fmt, f->name);
		else
			kg_error(d, v->mark, "%s has no '%s' field", shape->what,
				 f->name);
		errors++;
	}
	return errors;
}

size_t kg_schema_check(kg_node *node, const kg_shape *shape, kg_diags *d)
{
	if (node->kind != KG_NODE_MAP) {
		kg_error(d, node->mark,
			 "the document should be a mapping of fields, not %s",
			 S_kind_name(node));
		return 1;
	}
	return S_check_map(node, shape->what, shape, d);
}
