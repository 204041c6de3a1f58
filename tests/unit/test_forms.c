/*
 * test_forms.c - the forms of a panel packet (packet_forms.c), on the
 * composed document: every scorecard and the debrief sheet is a form
 * with its lines; the debrief lists exactly the questions the loop has
 * not used, per area; its gates carry the kit's numbers, or its prose
 * rule when it has none; a packet is named for itself; a scorecard names
 * its form fields and takes prefilled people and date.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <cmocka.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "compose.h"
#include "digest.h"
#include "edition.h"
#include "kit.h"
#include "labels.h"
#include "packet_forms.h"
#include "plan.h"
#include "test_kit.h"

#define BOX "\xE2\x98\x90"

static const kg_block *S_find_id(const kg_block *b, const char *id)
{
	const kg_block *hit;
	size_t i;

	if (b->type == KG_BLOCK_SECTION && b->id && strcmp(b->id, id) == 0)
		return b;
	for (i = 0; i < b->n; i++)
		if ((hit = S_find_id(b->children[i], id)))
			return hit;
	return NULL;
}

/* All the PROSE text under b, each block's source on a line of its own. */
static void S_text(const kg_block *b, kg_buf *out)
{
	size_t i;

	if (b->type == KG_BLOCK_PROSE) {
		kg_buf_puts(out, b->text);
		kg_buf_putc(out, '\n');
	}
	if (b->title) {
		kg_buf_puts(out, b->title);
		kg_buf_putc(out, '\n');
	}
	for (i = 0; i < b->n; i++)
		S_text(b->children[i], out);
}

/* The NOTES titled label directly in b, or NULL. */
static const kg_block *S_notes(const kg_block *b, const char *label)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->children[i]->type == KG_BLOCK_NOTES &&
		    b->children[i]->title && strcmp(b->children[i]->title, label) == 0)
			return b->children[i];
	return NULL;
}

static const kg_block *S_child(const kg_block *b, kg_block_type t)
{
	size_t i;

	for (i = 0; i < b->n; i++)
		if (b->children[i]->type == t)
			return b->children[i];
	return NULL;
}

/* What the debrief must list for an area: the questions at the level
 * whose own area it is and that no round asks, worked out here. */
static void S_expected_unused(const kg_kit *kit, const kg_plan *plan,
			      const kg_level *l, const kg_area *a, kg_buf *out)
{
	size_t t, q, r, k, n = 0;

	for (t = 0; t < kit->ntopics; t++)
		for (q = 0; q < kit->topics[t].nquestions; q++) {
			const kg_question *qq = &kit->topics[t].questions[q];
			int used = 0;

			if (strcmp(kg_text(qq->level), kg_text(l->id)) ||
			    strcmp(kg_question_area(qq), kg_text(a->id)))
				continue;
			for (r = 0; r < plan->n; r++)
				for (k = 0; k < plan->rounds[r].nquestions; k++)
					used |= plan->rounds[r].questions[k] == qq;
			if (!used && n++ < kg_packet_unused_shown(plan->n))
				kg_buf_printf(out, "%sQ%zu", n > 1 ? ", " : "",
					      kg_question_number(kit, qq));
		}
	if (n > kg_packet_unused_shown(plan->n))
		kg_buf_printf(out, " and %zu more", n - kg_packet_unused_shown(plan->n));
	if (!n)
		kg_buf_puts(out, "none");
}

/* Every card of every round: a form on its own page, its lines in
 * order across the cards, none holding more than KG_CARD_LINES, the
 * overall line last; then the debrief. */
static void S_check_packet(const kg_kit *kit, const kg_edition *ed)
{
	char digest[KG_DIGEST_HEX], anchor[64];
	kg_diags d = KG_DIAGS_INIT;
	kg_buf text = KG_BUF_INIT, want = KG_BUF_INIT;
	const kg_block *deb;
	kg_plan plan;
	kg_doc *doc;
	size_t r, i, k;

	kg_kit_digest(kit, digest);
	kg_plan_loop(kit, ed->profile, ed->level, &plan, &d);
	doc = kg_compose(kit, ed, digest);
	for (r = 0; r < plan.n; r++) {
		const kg_round *round = &plan.rounds[r];
		size_t lines = round->ndims + 1, seen = 0;
		size_t ncards = kg_packet_cards(lines);

		for (k = 0; k < ncards; k++) {
			const kg_block *sec, *card;

			if (k)
				snprintf(anchor, sizeof(anchor), "round-%zu-scorecard-%zu",
					 r + 1, k + 1);
			else
				snprintf(anchor, sizeof(anchor), "round-%zu-scorecard", r + 1);
			sec = S_find_id(doc->root, anchor);
			assert_non_null(sec);
			assert_true(sec->flags & KG_SECTION_FORM);
			assert_true(sec->flags & KG_SECTION_NEW_PAGE);
			for (i = 0; i < 4; i++)
				assert_non_null(S_notes(sec, (const char *[]){
					"Candidate", "Interviewer", "Date", "Signature"}[i]));
			card = S_child(sec, KG_BLOCK_SCORECARD);
			assert_non_null(card);
			/* dimension, the bands, not probed, prompted, evidence */
			assert_int_equal(card->children[0]->n, KG_NBANDS + 4);
			assert_int_equal(card->level, KG_NBANDS + 1);
			assert_true(card->n - 1 <= KG_CARD_LINES);
			for (i = 1; i < card->n; i++, seen++) {
				char *label = seen < round->ndims
						      ? kg_dim_label(kit, &round->dims[seen])
						      : NULL;

				if (label)
					assert_string_equal(card->children[i]->title, label);
				else
					assert_non_null(strstr(card->children[i]->title,
							       "Overall: "));
				free(label);
			}
		}
		assert_int_equal(seen, lines);
		snprintf(anchor, sizeof(anchor), "round-%zu-scorecard-%zu", r + 1,
			 ncards + 1);
		assert_null(S_find_id(doc->root, anchor));
	}
	deb = S_find_id(doc->root, "debrief");
	assert_non_null(deb);
	assert_true(deb->flags & KG_SECTION_FORM);
	/* a header, a row per round, the sum and the total */
	assert_int_equal(S_child(deb, KG_BLOCK_TABLE)->n, 1 + plan.n + 2);
	S_text(deb, &text);
	for (r = 0; r < plan.n; r++) {
		kg_buf_reset(&want);
		kg_buf_printf(&want, "**%s**: ", kg_text(plan.rounds[r].area->title));
		S_expected_unused(kit, &plan, ed->level, plan.rounds[r].area, &want);
		if (!strstr(text.ptr, want.ptr))
			fail_msg("debrief of %s lacks '%s' in:\n%s", ed->id, want.ptr,
				 text.ptr);
	}
	assert_non_null(strstr(text.ptr, BOX " Hire"));
	assert_non_null(strstr(text.ptr, "Signature of the lead"));
	/* guidance is not on the form, but on the pages after it */
	assert_null(strstr(text.ptr, kg_text(kit->guidance.bias)));
	kg_buf_reset(&text);
	S_text(S_find_id(doc->root, "before-debrief"), &text);
	assert_non_null(strstr(text.ptr, kg_text(kit->guidance.scoring)));
	assert_non_null(strstr(text.ptr, kg_text(kit->guidance.bias)));
	/* the packet's name */
	kg_buf_reset(&want);
	kg_buf_printf(&want, "%s \xE2\x80\x94 %s", doc->meta.edition_title,
		      kg_text(kit->title));
	assert_string_equal(doc->meta.doc_title, want.ptr);
	assert_non_null(strstr(doc->meta.doc_title, kg_text(ed->profile->title)));
	kg_buf_release(&text);
	kg_buf_release(&want);
	kg_plan_free(&plan);
	kg_doc_free(doc);
	kg_diags_free(&d);
}

static void S_every_packet(const char *dir)
{
	kg_kit *kit = kg_test_load_kit(dir);
	kg_editions eds = kg_editions_of(kit);
	size_t e, n = 0;

	for (e = 0; e < eds.n; e++)
		if (eds.items[e].kind == KG_EDITION_PACKET) {
			S_check_packet(kit, &eds.items[e]);
			n++;
		} else if (KG_EDITION_IS_PART(&eds.items[e])) {
			kg_doc *doc = kg_compose(kit, &eds.items[e], "0");

			/* a packet's part is named for a viewer as its packet is */
			assert_non_null(doc->meta.doc_title);
			assert_int_equal(strncmp(doc->meta.doc_title,
						 eds.items[e].title,
						 strlen(eds.items[e].title)), 0);
			kg_doc_free(doc);
		} else {
			kg_doc *doc = kg_compose(kit, &eds.items[e], "0");

			assert_null(doc->meta.doc_title); /* the public kit's own */
			kg_doc_free(doc);
		}
	assert_true(n >= 1);
	kg_editions_free(&eds);
	kg_kit_free(kit);
}

static void test_content_packets(void **state)
{
	(void)state;
	S_every_packet("content");
}

static void test_fixture_packets(void **state)
{
	(void)state;
	S_every_packet("tests/fixture/kit");
}

/* Free a block tree made outside a document. */
static void S_free_root(kg_block *root)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));

	doc->root = root;
	kg_doc_free(doc);
}

static void test_cards(void **state)
{
	(void)state;
	assert_int_equal(kg_packet_cards(0), 1);
	assert_int_equal(kg_packet_cards(1), 1);
	assert_int_equal(kg_packet_cards(KG_CARD_LINES), 1);
	assert_int_equal(kg_packet_cards(KG_CARD_LINES + 1), 2);
	assert_int_equal(kg_packet_cards(2 * KG_CARD_LINES), 2);
	assert_int_equal(kg_packet_cards(2 * KG_CARD_LINES + 1), 3);
}

static void test_unused_shown(void **state)
{
	(void)state;
	assert_int_equal(kg_packet_unused_shown(4), 6);
	assert_int_equal(kg_packet_unused_shown(8), 3);
	assert_int_equal(kg_packet_unused_shown(20), 2);
	assert_int_equal(kg_packet_unused_shown(0), KG_UNUSED_SHOWN);
}

/* A score in hundredths as the kit's language writes it (labels.h):
 * English "2.25", German "2,25". */
static void test_score(void **state)
{
	kg_buf b = KG_BUF_INIT;
	kg_diags d = KG_DIAGS_INIT;
	kg_labels *de = kg_labels_load(NULL, "de", NULL, &d);

	(void)state;
	kg_label_hundredths(&b, NULL, 225);
	kg_buf_putc(&b, ' ');
	kg_label_hundredths(&b, NULL, 200);
	kg_buf_putc(&b, ' ');
	kg_label_hundredths(&b, NULL, 5);
	assert_string_equal(b.ptr, "2.25 2.00 0.05");
	kg_buf_reset(&b);
	kg_label_hundredths(&b, de, 225);
	kg_buf_putc(&b, ' ');
	kg_label_hundredths(&b, de, 5);
	assert_string_equal(b.ptr, "2,25 0,05");
	kg_labels_free(de);
	kg_diags_free(&d);
	kg_buf_release(&b);
}

/* The gates of the fixture (threshold 2.25, borderline 2.25, Weak below
 * 2.00, no Weak area allowed, coding a must-have); then without
 * `decision:` the prose rule. */
static void test_gates(void **state)
{
	kg_kit *kit = kg_test_load_kit("tests/fixture/kit");
	kg_diags d = KG_DIAGS_INIT;
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_buf text = KG_BUF_INIT;
	kg_plan plan;

	(void)state;
	kg_plan_loop(kit, &kit->profiles[0], &kit->levels[0], &plan, &d);
	kg_packet_gates(kit, &plan, root);
	S_text(root, &text);
	assert_string_equal(text.ptr,
			    BOX " No must-have area is Weak (must-have: Coding).\n"
			    BOX " No area is Weak (scores below 2.00).\n"
			    BOX " Weighted total at least **2.25**: hire. Below "
				"2.25: no hire.\n");
	kg_block_clear(root);
	kg_buf_reset(&text);
	kit->decision.node = NULL;
	kg_packet_gates(kit, &plan, root);
	S_text(root, &text);
	assert_string_equal(text.ptr, "Hire at 2.25 or more with zero areas "
				      "below 2.00\n");
	kg_buf_release(&text);
	S_free_root(root);
	kg_plan_free(&plan);
	kg_kit_free(kit);
	kg_diags_free(&d);
}

/* The content's rule: a Weak limit of one, a borderline band. */
static void test_content_gates(void **state)
{
	kg_kit *kit = kg_test_load_kit("content");
	kg_diags d = KG_DIAGS_INIT;
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	kg_buf text = KG_BUF_INIT, want = KG_BUF_INIT;
	kg_plan plan;

	(void)state;
	kg_plan_loop(kit, &kit->profiles[0], &kit->levels[0], &plan, &d);
	kg_packet_gates(kit, &plan, root);
	S_text(root, &text);
	kg_buf_printf(&want, "At most %ld area", kg_int(kit->decision.weak_limit, 0));
	assert_non_null(strstr(text.ptr, want.ptr));
	kg_buf_reset(&want);
	kg_buf_puts(&want, "From ");
	kg_label_hundredths(&want, kit->labels, kg_int(kit->decision.borderline, 0));
	kg_buf_puts(&want, " up to ");
	kg_label_hundredths(&want, kit->labels, kg_int(kit->decision.threshold, 0));
	assert_non_null(strstr(text.ptr, want.ptr));
	kg_buf_release(&text);
	kg_buf_release(&want);
	S_free_root(root);
	kg_plan_free(&plan);
	kg_kit_free(kit);
	kg_diags_free(&d);
}

/* A scorecard names its fields (doc.h, "Forms"): the card, its choices'
 * values, its marks and evidence, each line's dimension (the overall line
 * rated only), the people and the date, prefilled from kg_card_prefill. */
static void test_field_names(void **state)
{
	kg_kit *kit = kg_test_load_kit("content");
	kg_editions eds = kg_editions_of(kit);
	kg_diags d = KG_DIAGS_INIT;
	kg_block *root = kg_block_new(KG_BLOCK_DOCUMENT);
	const kg_card_prefill fill = {"Ada Example", "Grace Example", "2026-12-01"};
	const kg_edition *ed = NULL;
	const kg_block *sec, *card, *head;
	kg_buf want = KG_BUF_INIT;
	const char *slash;
	kg_plan plan;
	size_t e, i;
	int band;

	(void)state;
	for (e = 0; e < eds.n && !ed; e++)
		if (eds.items[e].kind == KG_EDITION_PACKET)
			ed = &eds.items[e];
	assert_non_null(ed);
	kg_plan_loop(kit, ed->profile, ed->level, &plan, &d);
	kg_packet_scorecard(kit, ed, &plan.rounds[1], 2, root, "round-2", &fill);
	slash = strrchr(ed->id, '/');
	kg_buf_printf(&want, "%s:r2", slash ? slash + 1 : ed->id);
	sec = root->children[0];
	card = S_child(sec, KG_BLOCK_SCORECARD);
	assert_string_equal(card->id, want.ptr);
	head = card->children[0];
	assert_null(head->children[0]->id);
	for (band = 0; band < KG_NBANDS; band++)
		assert_string_equal(head->children[1 + band]->id, kg_band_keys[band]);
	assert_string_equal(head->children[KG_NBANDS + 1]->id, "not-probed");
	assert_string_equal(head->children[KG_NBANDS + 2]->id, "prompted");
	assert_string_equal(head->children[KG_NBANDS + 3]->id, "evidence");
	for (i = 1; i < card->n; i++) {
		const kg_block *dim = card->children[i];

		if (i - 1 < plan.rounds[1].ndims) {
			assert_string_equal(dim->id, plan.rounds[1].dims[i - 1].id);
			assert_false(dim->flags & KG_DIMENSION_RATING_ONLY);
		} else {
			assert_string_equal(dim->id, "overall");
			assert_true(dim->flags & KG_DIMENSION_RATING_ONLY);
		}
	}
	kg_buf_puts(&want, ":candidate");
	assert_string_equal(S_notes(sec, "Candidate")->id, want.ptr);
	assert_string_equal(S_notes(sec, "Candidate")->text_copy, "Ada Example");
	assert_string_equal(S_notes(sec, "Interviewer")->text_copy, "Grace Example");
	assert_string_equal(S_notes(sec, "Date")->text_copy, "2026-12-01");
	assert_null(S_notes(sec, "Signature")->id); /* signed by hand */
	kg_buf_release(&want);
	S_free_root(root);
	kg_plan_free(&plan);
	kg_editions_free(&eds);
	kg_kit_free(kit);
	kg_diags_free(&d);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_cards),
		cmocka_unit_test(test_field_names),
		cmocka_unit_test(test_score),
		cmocka_unit_test(test_unused_shown),
		cmocka_unit_test(test_gates),
		cmocka_unit_test(test_content_gates),
		cmocka_unit_test(test_fixture_packets),
		cmocka_unit_test(test_content_packets),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
