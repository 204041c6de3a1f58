/*
 * card_form.h - what a panel packet's page needs to let its scorecards be
 * filled in on screen: one JSON object the HTML writer embeds beside the
 * form script (card_form.js), and the script itself.
 *
 * The JSON holds the card file's identity (kit, version, digest,
 * edition: cardfile.h), the rating scale (id, label, points of each
 * band, the id of "not probed"), each round of the loop (its number,
 * area, weight, must-have, dimension ids), the decision rule's values
 * (hundredths, as kit.yaml's `decision:` reads: decision.h; null without
 * one), the section where the live results go, and every word the
 * script shows (the words a debrief uses for the same things, from
 * decision.h, and the form's own: S_words in card_form.c). The script
 * works out what panel.c and decision.c work out, for one card per
 * round: the numbers a debrief shows.
 */
#ifndef KG_CARD_FORM_H
#define KG_CARD_FORM_H

#include <stddef.h>

#include "buf.h"
#include "edition.h"
#include "kit.h"
#include "plan.h"

/* The JSON of the packet edition ed with its loop plan, made with the
 * kit's content digest; `panel` is the id of the section the live
 * results go in (NULL: after the last card). Malloc'd. */
char *kg_card_form_json(const kg_kit *kit, const kg_edition *ed,
			const kg_plan *plan, const char *digest,
			const char *panel);

/* The form script (generator/card_form.js, built into the binary). */
extern const char kg_card_form_script[];
extern const size_t kg_card_form_script_len;
/* The script as the page holds it: without the line feeds at its end
 * (the Nu checker hashes a script without them). Its length in *len. */
const char *kg_card_form_js(size_t *len);

/* The JSON as the text of a data block: '<', '>' and '&' as \u escapes,
 * so nothing in it can end the block. Appended to out. */
void kg_card_form_data(const char *json, kg_buf *out);

/* The page's script-src for the script and the data block of json (as
 * kg_card_form_data writes it): "'sha256-<base64>' 'sha256-<base64>'",
 * into out. Browsers run no data block, but a validator checks it too. */
void kg_card_form_csp(const char *json, kg_buf *out);

#endif
