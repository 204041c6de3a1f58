/*
 * decision.c - the decision rule as data: its check against the prose, and
 * the rule applied to area scores (decision.h).
 */
#include "decision.h"

#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

/* Does text hold word as a whole token (not inside a longer number or
 * word)? Case-insensitive for words. */
static int S_states(const char *text, const char *word)
{
	size_t n = strlen(word);
	const char *p;

	for (p = text; *p; p++) {
		int before;
		int after;

		if (strncasecmp(p, word, n) != 0)
			continue;
		before = p > text && (isalnum((unsigned char)p[-1]) ||
					  p[-1] == '.');
		after = isalnum((unsigned char)p[n]) ||
			    (p[n] == '.' && isdigit((unsigned char)p[n + 1]));

		if (!before && !after)
			return 1;
	}
	return 0;
}

/* Does text state the number num ("2.25")? With its point or with the
 * other decimal separators a kit's language may write (number.decimal:
 * "2,25" in German, "2٫25" in Arabic): the check runs before a language's
 * labels are loaded, and no language writes 2,25 for anything else. */
static int S_states_number(const char *text, const char *num)
{
	static const char *const seps[] = {",", "\xD9\xAB"};
	const char *dot = strchr(num, '.');
	char other[64];
	size_t i;

	if (S_states(text, num))
		return 1;
	if (!dot || strlen(num) + 2 >= sizeof(other))
		return 0;
	for (i = 0; i < sizeof(seps) / sizeof(*seps); i++) {
		snprintf(other, sizeof(other), "%.*s%s%s", (int)(dot - num), num,
			 seps[i], dot + 1);
		if (S_states(text, other))
			return 1;
	}
	return 0;
}

static size_t S_expect(const kg_kit *kit, const kg_node *value,
		       const char *what, const char *alt, kg_diags *d)
{
	const char *prose = kg_text(kit->decision_rule);

	if (!value || !value->number || !kit->decision_rule)
		return 0;
	if (S_states_number(prose, value->text) || (alt && S_states(prose, alt)))
		return 0;
	kg_error(d, kit->decision_rule->mark, "decision_rule does not state "
		 "the %s %s that 'decision' sets", what, value->text);
	kg_note(d, value->mark, "the %s is set here", what);
	return 1;
}

size_t kg_check_decision(const kg_kit *kit, kg_diags *d)
{
	static const char *const words[] = {"zero", "one", "two", "three",
		"four", "five", "six", "seven", "eight", "nine", "ten"};
	const kg_decision *r = &kit->decision;
	long limit = kg_int(r->weak_limit, -1);

	if (!r->node)
		return 0;
	return S_expect(kit, r->threshold, "threshold", NULL, d) +
	       S_expect(kit, r->borderline, "borderline", NULL, d) +
	       S_expect(kit, r->weak_below, "Weak score", NULL, d) +
	       S_expect(kit, r->weak_limit, "Weak limit",
			limit >= 0 && limit <= 10 ? words[limit] : NULL, d);
}

/* Does x (points) reach the hundredths h? With room for rounding. */
static int S_reaches(double x, long h)
{
	return x * 100.0 + 1e-6 >= (double)h;
}

void kg_decide(const kg_decision *rule, const kg_area_score *a, size_t n,
	       kg_decided *out)
{
	long weak_below = kg_int(rule->weak_below, 0);
	size_t i, unrated = 0;

	memset(out, 0, sizeof(*out));
	out->must_have = KG_GATE_PASS;
	for (i = 0; i < n; i++) {
		if (!a[i].rated) {
			unrated++;
			continue;
		}
		out->total += a[i].weight * a[i].score / 100.0;
		if (!S_reaches(a[i].score, weak_below)) {
			out->weak++;
			if (a[i].must_have)
				out->must_have = KG_GATE_FAIL;
		}
	}
	out->weak_limit = out->weak > (size_t)kg_int(rule->weak_limit, 0)
				  ? KG_GATE_FAIL : KG_GATE_PASS;
	if (unrated)
		out->threshold = KG_GATE_UNKNOWN;
	else if (S_reaches(out->total, kg_int(rule->threshold, 0)))
		out->threshold = KG_GATE_PASS;
	else if (S_reaches(out->total, kg_int(rule->borderline, 0)))
		out->threshold = KG_GATE_BORDERLINE;
	else
		out->threshold = KG_GATE_FAIL;
	if (out->must_have == KG_GATE_FAIL || out->weak_limit == KG_GATE_FAIL ||
	    out->threshold == KG_GATE_FAIL)
		out->verdict = KG_DECIDE_NO_HIRE;
	else if (unrated)
		out->verdict = KG_DECIDE_INCOMPLETE;
	else if (out->threshold == KG_GATE_BORDERLINE)
		out->verdict = KG_DECIDE_BORDERLINE;
	else
		out->verdict = KG_DECIDE_HIRE;
}

const char *kg_verdict_name(const kg_labels *labels, kg_verdict v)
{
	static const char *const keys[] = {"debrief.hire", "debrief.no_hire",
					   "debrief.borderline",
					   "debrief.incomplete"};

	return kg_label(labels, keys[v]);
}

const char *kg_gate_name(const kg_labels *labels, kg_gate g)
{
	static const char *const keys[] = {"debrief.passed", "debrief.failed",
					   "debrief.borderline",
					   "debrief.not_known"};

	return kg_label(labels, keys[g]);
}

const char *kg_rule_gate_name(const kg_labels *labels, kg_rule_gate g)
{
	static const char *const keys[] = {"debrief.gate_must_have",
					   "debrief.gate_weak_limit",
					   "debrief.gate_threshold"};

	return kg_label(labels, keys[g]);
}

void kg_rule_gate_text(const kg_labels *labels, const kg_decision *rule,
		       kg_rule_gate g, kg_buf *out)
{
	kg_buf a = KG_BUF_INIT, b = KG_BUF_INIT;

	switch (g) {
	case KG_RULE_MUST_HAVE:
		kg_label_hundredths(&a, labels, kg_int(rule->weak_below, 0));
		kg_label_put(out, labels, "debrief.rule_must_have", "weak",
			     a.ptr, NULL);
		break;
	case KG_RULE_WEAK_LIMIT:
		kg_label_hundredths(&a, labels, kg_int(rule->weak_below, 0));
		kg_label_putn(out, labels, "debrief.rule_weak_limit",
			      kg_int(rule->weak_limit, 0), "weak", a.ptr, NULL);
		break;
	default:
		kg_label_hundredths(&a, labels, kg_int(rule->threshold, 0));
		kg_label_hundredths(&b, labels, kg_int(rule->borderline, 0));
		kg_label_put(out, labels, "debrief.rule_threshold", "threshold",
			     a.ptr, "borderline", b.ptr, NULL);
		break;
	}
	kg_buf_release(&a);
	kg_buf_release(&b);
}
