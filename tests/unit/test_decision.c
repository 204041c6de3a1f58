/* test_decision.c - the decision rule applied to hand-worked loops: the
 * weighted total, and each gate failing on its own */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdlib.h>
#include <string.h>

#include "decision.h"
#include "node.h"

/* The real kit's rule: threshold 2.25, borderline 2.00, Weak below
 * 2.00, at most one Weak area. Scores in hundredths, as schema.c reads. */
static kg_node S_threshold, S_borderline, S_weak_below, S_weak_limit;

static kg_decision S_rule(long threshold, long borderline, long weak_below,
			  long weak_limit)
{
	kg_decision r;

	S_threshold.kind = S_borderline.kind = KG_NODE_SCALAR;
	S_weak_below.kind = S_weak_limit.kind = KG_NODE_SCALAR;
	S_threshold.number = S_borderline.number = true;
	S_weak_below.number = S_weak_limit.number = true;
	S_threshold.num = threshold;
	S_borderline.num = borderline;
	S_weak_below.num = weak_below;
	S_weak_limit.num = weak_limit;
	r.node = &S_threshold;
	r.threshold = &S_threshold;
	r.borderline = &S_borderline;
	r.weak_below = &S_weak_below;
	r.weak_limit = &S_weak_limit;
	return r;
}

/* The platform-engineer profile: distributed 35 (must-have), production
 * 30 (must-have), coding 20, data 15; points as given. */
static kg_decided S_platform(double dist, double prod, double coding,
			     double data)
{
	kg_decision rule = S_rule(225, 200, 200, 1);
	kg_area_score a[4] = {{35, 1, 1, dist}, {30, 1, 1, prod},
			      {20, 0, 1, coding}, {15, 0, 1, data}};
	kg_decided out;

	kg_decide(&rule, a, 4, &out);
	return out;
}

static void test_hire(void **state)
{
	/* (35×3 + 30×2 + 20×2 + 15×2) / 100 = 2.35 */
	kg_decided d = S_platform(3, 2, 2, 2);

	(void)state;
	assert_true(d.total > 2.3499 && d.total < 2.3501);
	assert_int_equal(d.must_have, KG_GATE_PASS);
	assert_int_equal(d.weak_limit, KG_GATE_PASS);
	assert_int_equal(d.threshold, KG_GATE_PASS);
	assert_int_equal(d.verdict, KG_DECIDE_HIRE);
}

static void test_must_have_alone(void **state)
{
	/* (35×1 + 30×3 + 20×3 + 15×3) / 100 = 2.30, one Weak area */
	kg_decided d = S_platform(1, 3, 3, 3);

	(void)state;
	assert_true(d.total > 2.2999 && d.total < 2.3001);
	assert_int_equal(d.must_have, KG_GATE_FAIL);
	assert_int_equal(d.weak_limit, KG_GATE_PASS);
	assert_int_equal(d.threshold, KG_GATE_PASS);
	assert_int_equal(d.verdict, KG_DECIDE_NO_HIRE);
}

static void test_weak_limit_alone(void **state)
{
	/* (105 + 90 + 20 + 15) / 100 = 2.30, two Weak areas, no must-have */
	kg_decided d = S_platform(3, 3, 1, 1);

	(void)state;
	assert_int_equal(d.weak, 2);
	assert_int_equal(d.must_have, KG_GATE_PASS);
	assert_int_equal(d.weak_limit, KG_GATE_FAIL);
	assert_int_equal(d.threshold, KG_GATE_PASS);
	assert_int_equal(d.verdict, KG_DECIDE_NO_HIRE);
}

static void test_threshold_alone(void **state)
{
	/* (70 + 60 + 20 + 30) / 100 = 1.80 */
	kg_decided d = S_platform(2, 2, 1, 2);

	(void)state;
	assert_true(d.total > 1.7999 && d.total < 1.8001);
	assert_int_equal(d.must_have, KG_GATE_PASS);
	assert_int_equal(d.weak_limit, KG_GATE_PASS);
	assert_int_equal(d.threshold, KG_GATE_FAIL);
	assert_int_equal(d.verdict, KG_DECIDE_NO_HIRE);
}

static void test_borderline_edges(void **state)
{
	(void)state;
	/* exactly 2.00 is borderline; exactly 2.25 is hire */
	assert_int_equal(S_platform(2, 2, 2, 2).verdict, KG_DECIDE_BORDERLINE);
	/* (35×2.5 + 30×2 + 20×2 + 15×2) / 100 = 2.175: borderline */
	assert_int_equal(S_platform(2.5, 2, 2, 2).verdict, KG_DECIDE_BORDERLINE);
	/* (70 + 60 + 20×2.75 + 15×3) / 100 = 2.30 */
	assert_int_equal(S_platform(2, 2, 2.75, 3).verdict, KG_DECIDE_HIRE);
	/* 2.25 exactly: dist 2, prod 2.5, coding 2.5, data 2 ->
	 * (70 + 75 + 50 + 30) / 100 = 2.25 */
	assert_int_equal(S_platform(2, 2.5, 2.5, 2).verdict, KG_DECIDE_HIRE);
	/* an area of 1.50 (Weak and Acceptable averaged) is Weak */
	assert_int_equal(S_platform(3, 3, 1.5, 3).weak, 1);
}

/* A gate's rule in words, with the kit's numbers as written: what a
 * debrief and a packet page's live results (card_form.c) both show. */
static void test_gate_words(void **state)
{
	kg_decision rule = S_rule(225, 200, 200, 1);
	kg_buf b = KG_BUF_INIT;

	(void)state;
	S_threshold.text = "2.25";
	S_borderline.text = "2.00";
	S_weak_below.text = "2.00";
	S_weak_limit.text = "1";
	kg_rule_gate_text(NULL, &rule, KG_RULE_MUST_HAVE, &b);
	assert_string_equal(b.ptr, "No must-have area scores below 2.00");
	kg_buf_reset(&b);
	kg_rule_gate_text(NULL, &rule, KG_RULE_WEAK_LIMIT, &b);
	assert_string_equal(b.ptr, "At most 1 Weak area (below 2.00)");
	kg_buf_reset(&b);
	S_weak_limit.text = "0";
	S_weak_limit.num = 0;
	kg_rule_gate_text(NULL, &rule, KG_RULE_WEAK_LIMIT, &b);
	assert_string_equal(b.ptr, "At most 0 Weak areas (below 2.00)");
	kg_buf_reset(&b);
	kg_rule_gate_text(NULL, &rule, KG_RULE_THRESHOLD, &b);
	assert_string_equal(b.ptr, "Hire at 2.25 or above; from 2.00, "
			    "borderline; below, no hire");
	assert_string_equal(kg_rule_gate_name(NULL, KG_RULE_THRESHOLD), "Threshold");
	assert_string_equal(kg_gate_name(NULL, KG_GATE_UNKNOWN),
			    "not known: a round has no rating");
	kg_buf_release(&b);
}

static void test_unrated(void **state)
{
	kg_decision rule = S_rule(225, 200, 200, 1);
	kg_area_score a[2] = {{50, 0, 1, 3}, {50, 1, 0, 0}};
	kg_decided d;

	(void)state;
	kg_decide(&rule, a, 2, &d);
	assert_int_equal(d.threshold, KG_GATE_UNKNOWN);
	assert_int_equal(d.verdict, KG_DECIDE_INCOMPLETE);
	/* a failed gate decides even with a round missing */
	a[0].score = 1;
	a[0].must_have = 1;
	kg_decide(&rule, a, 2, &d);
	assert_int_equal(d.verdict, KG_DECIDE_NO_HIRE);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_hire),
		cmocka_unit_test(test_must_have_alone),
		cmocka_unit_test(test_weak_limit_alone),
		cmocka_unit_test(test_threshold_alone),
		cmocka_unit_test(test_borderline_edges),
		cmocka_unit_test(test_unrated),
		cmocka_unit_test(test_gate_words),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
