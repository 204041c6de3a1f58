/* candidate.c - the candidate's guide's rules across fields (see candidate.h) */
#include "candidate.h"

#include <string.h>

#include "buf.h"
#include "fields.h"
#include "labels.h"
#include "suggest.h"

/* The built-in phases' labels, in plan.c's order. */
static const char *const S_builtin[] = {
	"phase.opening", "phase.main", "phase.questions"};

int kg_candidate_questions_phase(const kg_kit *kit, const kg_round *r)
{
	const kg_node *want = kit->candidate_guide.questions_phase;
	size_t i;

	if (!want)
		return kit->nphases == 0 && r->nphases > 0 ? (int)r->nphases - 1
							   : -1;
	for (i = 0; i < r->nphases; i++)
		if (strcmp(r->phases[i].name, want->text) == 0)
			return (int)i;
	/* a built-in phase is named as `kitgen check` knows it, in English,
	 * while a build in another language names it in that one */
	for (i = 0; kit->nphases == 0 && r->nphases == 3 && i < 3; i++)
		if (strcmp(kg_label(NULL, S_builtin[i]), want->text) == 0)
			return (int)i;
	return -1;
}

size_t kg_check_candidate_guide(const kg_kit *kit, kg_diags *d)
{
	const kg_node *want = kit->candidate_guide.questions_phase;
	kg_diags quiet = KG_DIAGS_INIT; /* plans are check.c's to report */
	kg_names names = KG_NAMES_INIT;
	kg_buf list = KG_BUF_INIT;
	const char *near;
	kg_plan plan;
	size_t i;

	if (!want || kit->nprofiles == 0 || kit->nlevels == 0)
		return 0;
	/* every round has the same phases: the first one tells */
	kg_plan_loop(kit, &kit->profiles[0], &kit->levels[0], &plan, &quiet);
	kg_diags_free(&quiet);
	if (plan.n == 0 || kg_candidate_questions_phase(kit, &plan.rounds[0]) >= 0) {
		kg_plan_free(&plan);
		return 0;
	}
	for (i = 0; i < plan.rounds[0].nphases; i++)
		kg_names_add(&names, plan.rounds[0].phases[i].name);
	near = kg_names_closest(&names, want->text);
	if (near)
		kg_error(d, want->mark, "'%s' names no phase of a round: '%s' "
			 "(did you mean '%s'?)", KG_FIELD_QUESTIONS_PHASE,
			 want->text, near);
	else
		kg_error(d, want->mark, "'%s' names no phase of a round: '%s'",
			 KG_FIELD_QUESTIONS_PHASE, want->text);
	kg_names_join(&names, 10, &list);
	kg_note(d, want->mark, "a round's phases: %s%s", list.ptr,
		kit->nphases ? "" : " (built in: kit.yaml gives no loop.phases)");
	kg_buf_release(&list);
	kg_names_free(&names);
	kg_plan_free(&plan);
	return 1;
}
