/*
 * readiness.c - what a panel needs that the content lacks: `kitgen
 * check`'s warnings (never errors) for the optional fields a round is run
 * with (a question's minutes, hints and acceptable sample, a topic's
 * by_level bands, a scenario's levels and past-behaviour form), and a
 * round of some profile and level that its material does not fill
 * (plan.h's kg_plan_shortfalls).
 *
 * They are summed up, one warning per topic file and one for
 * scenarios.yaml, so a kit whose content is still being written gets a
 * short list of what is left, not a line per question.
 */
#include "kit.h"
#include "plan.h"

#include "buf.h"
#include "fields.h"

/* Add "N of M <things> have no '<field>'" to msg when n is not 0; after
 * the first count, "N of M no '<field>'". */
static void S_tally(kg_buf *msg, size_t n, size_t of, const char *things,
		    const char *field)
{
	if (!n)
		return;
	if (msg->len)
		kg_buf_printf(msg, ", %zu of %zu no '%s'", n, of, field);
	else
		kg_buf_printf(msg, "%zu of %zu %s have no '%s'", n, of, things,
			      field);
}

static void S_topic(const kg_topic *t, kg_diags *d)
{
	size_t minutes = 0, hints = 0, acceptable = 0, i;
	kg_buf msg = KG_BUF_INIT;

	for (i = 0; i < t->nquestions; i++) {
		const kg_question *q = &t->questions[i];

		minutes += !q->minutes;
		hints += !q->hints.n;
		acceptable += !q->acceptable_answer;
	}
	S_tally(&msg, minutes, t->nquestions, "questions", KG_FIELD_MINUTES);
	S_tally(&msg, hints, t->nquestions, "questions", KG_FIELD_HINTS);
	S_tally(&msg, acceptable, t->nquestions, "questions",
		KG_FIELD_ACCEPTABLE_ANSWER);
	if (!t->by_level_node)
		kg_buf_printf(&msg, "%sno '" KG_FIELD_BY_LEVEL "' in the rubric",
			      msg.len ? "; " : "");
	if (msg.len && t->id)
		kg_warning(d, t->id->mark, "topic '%s' lacks what a panel needs: %s",
			   t->id->text, msg.ptr);
	kg_buf_release(&msg);
}

static void S_scenarios(const kg_kit *kit, kg_diags *d)
{
	const kg_node *list = kg_node_get(kit->scenarios_root, KG_FIELD_SCENARIOS);
	size_t levels = 0, past = 0, i;
	kg_buf msg = KG_BUF_INIT;

	for (i = 0; i < kit->nscenarios; i++) {
		levels += !kit->scenarios[i].levels.n;
		past += !kit->scenarios[i].past_behaviour;
	}
	S_tally(&msg, levels, kit->nscenarios, "scenarios", KG_FIELD_LEVELS);
	S_tally(&msg, past, kit->nscenarios, "scenarios",
		KG_FIELD_PAST_BEHAVIOUR);
	if (msg.len && list)
		kg_warning(d, list->mark, "scenarios lack what a panel needs: %s",
			   msg.ptr);
	kg_buf_release(&msg);
}

void kg_kit_readiness(const kg_kit *kit, kg_diags *d)
{
	size_t i;

	for (i = 0; i < kit->ntopics; i++)
		S_topic(&kit->topics[i], d);
	S_scenarios(kit, d);
	kg_plan_shortfalls(kit, d);
}
