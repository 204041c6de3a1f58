/*
 * card_form.c - the data of a packet page's fillable scorecards, as JSON
 * (card_form.h), and the hash that lets the page's policy run the form
 * script.
 */
#include "card_form.h"

#include <nettle/base64.h>
#include <nettle/sha2.h>
#include <stdint.h>
#include <string.h>

#include "cardfile.h"
#include "decision.h"
#include "json.h"
#include "labels.h"
#include "panel.h"

/* Every word the form script shows that is the form's own: the key the
 * script looks it up with, and its label (labels.h; {name} is a value
 * the script fills in). */
static const char *const S_words[][2] = {
	{"save", "cardform.save"},
	{"saved", "cardform.saved"},
	{"missing", "cardform.missing"},
	{"listSep", "cardform.list_sep"},
	{"listAnd", "cardform.list_and"},
	{"candidate", "cardform.candidate"},
	{"interviewer", "cardform.interviewer"},
	{"date", "cardform.date"},
	{"rating", "cardform.rating"},
	{"overall", "cardform.overall"},
	{"live", "cardform.live"},
	{"round", "cardform.round"},
	{"ratingHead", "cardform.rating_head"},
	{"points", "cardform.points"},
	{"weight", "cardform.weight"},
	{"product", "cardform.product"},
	{"mustHave", "cardform.must_have"},
	{"notRated", "cardform.not_rated"},
	{"notProbed", "cardform.not_probed"},
	{"gate", "cardform.gate"},
	{"rule", "cardform.rule"},
	{"result", "cardform.result"},
	{"weakResult", "cardform.weak_result"},
	{"totalResult", "cardform.total_result"},
	{"weightedTotal", "cardform.weighted_total"},
	{"verdict", "cardform.verdict"},
	{"cardRound", "cardform.card_round"},
	{"cardUnrated", "cardform.card_unrated"},
	{"decimal", "number.decimal"},
	{"field", "punct.field"},
	{"fullStop", "punct.full_stop"},
	{"sentenceSep", "punct.sentence_sep"},
};

static void S_bands(const kg_kit *kit, kg_buf *b)
{
	int band;

	kg_json_key(b, "bands");
	kg_buf_putc(b, '[');
	for (band = 0; band < KG_NBANDS; band++) {
		kg_json_sep(b);
		kg_buf_putc(b, '{');
		kg_json_member_str(b, "id", kg_rating_id(band));
		kg_json_member_str(b, "label", kg_text(kit->bands[band].label));
		kg_json_member_long(b, "points", kg_band_points(kit, band));
		kg_buf_putc(b, '}');
	}
	kg_buf_putc(b, ']');
	kg_json_member_str(b, "notProbed", kg_rating_id(KG_NOT_PROBED));
}

static void S_rounds(const kg_plan *plan, kg_buf *b)
{
	size_t i, k;

	kg_json_key(b, "rounds");
	kg_buf_putc(b, '[');
	for (i = 0; i < plan->n; i++) {
		const kg_round *r = &plan->rounds[i];

		kg_json_sep(b);
		kg_buf_putc(b, '{');
		kg_json_member_long(b, "round", (long)i + 1);
		kg_json_member_str(b, "area", kg_text(r->area->title));
		kg_json_member_long(b, "weight", r->weight);
		kg_json_member_bool(b, "mustHave", r->must_have);
		kg_json_key(b, "dims");
		kg_buf_putc(b, '[');
		for (k = 0; k < r->ndims; k++) {
			kg_json_sep(b);
			kg_json_str(b, r->dims[k].id);
		}
		kg_buf_puts(b, "]}");
	}
	kg_buf_putc(b, ']');
}

/* The rule's values, and its gates' names and rules as a debrief words
 * them. */
static void S_rule(const kg_kit *kit, kg_buf *b)
{
	const kg_decision *rule = &kit->decision;
	kg_buf text = KG_BUF_INIT;
	int g;

	kg_json_key(b, "rule");
	if (!rule->node) {
		kg_buf_puts(b, "null");
		return;
	}
	kg_buf_putc(b, '{');
	kg_json_member_long(b, "threshold", kg_int(rule->threshold, 0));
	kg_json_member_long(b, "borderline", kg_int(rule->borderline, 0));
	kg_json_member_long(b, "weakBelow", kg_int(rule->weak_below, 0));
	kg_json_member_long(b, "weakLimit", kg_int(rule->weak_limit, 0));
	kg_json_key(b, "gates");
	kg_buf_putc(b, '[');
	for (g = 0; g < KG_NRULES; g++) {
		kg_json_sep(b);
		kg_buf_putc(b, '{');
		kg_json_member_str(b, "name", kg_rule_gate_name(kit->labels, (kg_rule_gate)g));
		kg_buf_reset(&text);
		kg_rule_gate_text(kit->labels, rule, (kg_rule_gate)g, &text);
		kg_json_member_str(b, "rule", text.ptr);
		kg_buf_putc(b, '}');
	}
	kg_buf_puts(b, "]}");
	kg_buf_release(&text);
}

static void S_word_lists(const kg_kit *kit, kg_buf *b)
{
	int i;

	kg_json_key(b, "gateResults");
	kg_buf_putc(b, '[');
	for (i = KG_GATE_PASS; i <= KG_GATE_UNKNOWN; i++) {
		kg_json_sep(b);
		kg_json_str(b, kg_gate_name(kit->labels, (kg_gate)i));
	}
	kg_buf_putc(b, ']');
	kg_json_key(b, "verdicts");
	kg_buf_putc(b, '[');
	for (i = KG_DECIDE_HIRE; i <= KG_DECIDE_INCOMPLETE; i++) {
		kg_json_sep(b);
		kg_json_str(b, kg_verdict_name(kit->labels, (kg_verdict)i));
	}
	kg_buf_putc(b, ']');
}

static void S_words_of(const kg_kit *kit, kg_buf *b)
{
	size_t i;

	kg_json_key(b, "words");
	kg_buf_putc(b, '{');
	for (i = 0; i < sizeof(S_words) / sizeof(*S_words); i++)
		kg_json_member_str(b, S_words[i][0], kg_label(kit->labels, S_words[i][1]));
	S_word_lists(kit, b);
	kg_buf_putc(b, '}');
}

char *kg_card_form_json(const kg_kit *kit, const kg_edition *ed,
			const kg_plan *plan, const char *digest,
			const char *panel)
{
	/* a part's cards are its packet's */
	const char *id = ed->packet ? ed->packet->id : ed->id;
	const char *slash = strrchr(id, '/');
	kg_buf b = KG_BUF_INIT;

	kg_buf_putc(&b, '{');
	kg_json_member_str(&b, "kit", kg_text(kit->id));
	kg_json_member_str(&b, "version", kg_text(kit->version));
	kg_json_member_str(&b, "digest", digest);
	kg_json_member_str(&b, "edition", slash ? slash + 1 : id);
	kg_json_key(&b, "panel");
	if (panel)
		kg_json_str(&b, panel);
	else
		kg_buf_puts(&b, "null");
	S_bands(kit, &b);
	S_rounds(plan, &b);
	S_rule(kit, &b);
	S_words_of(kit, &b);
	kg_buf_putc(&b, '}');
	return kg_buf_detach(&b, NULL);
}

void kg_card_form_data(const char *json, kg_buf *out)
{
	for (; *json; json++)
		if (*json == '<' || *json == '>' || *json == '&')
			kg_buf_printf(out, "\\u%04x", (unsigned)*json);
		else
			kg_buf_putc(out, *json);
}

/* "'sha256-<base64 of the bytes>'" appended to out. */
static void S_hash(const char *bytes, size_t len, kg_buf *out)
{
	struct sha256_ctx ctx;
	uint8_t sum[SHA256_DIGEST_SIZE];
	char b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE) + 1];

	sha256_init(&ctx);
	sha256_update(&ctx, len, (const uint8_t *)bytes);
	sha256_digest(&ctx, sizeof(sum), sum);
	base64_encode_raw(b64, sizeof(sum), sum);
	b64[BASE64_ENCODE_RAW_LENGTH(SHA256_DIGEST_SIZE)] = '\0';
	kg_buf_printf(out, "'sha256-%s'", b64);
}

const char *kg_card_form_js(size_t *len)
{
	size_t n = kg_card_form_script_len;

	while (n && kg_card_form_script[n - 1] == '\n')
		n--;
	*len = n;
	return kg_card_form_script;
}

void kg_card_form_csp(const char *json, kg_buf *out)
{
	kg_buf data = KG_BUF_INIT;
	size_t len;
	const char *js = kg_card_form_js(&len);

	kg_card_form_data(json, &data);
	S_hash(js, len, out);
	kg_buf_putc(out, ' ');
	S_hash(data.ptr, data.len, out);
	kg_buf_release(&data);
}
