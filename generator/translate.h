/*
 * translate.h - translations as content, keyed by id (content/README.md,
 * "Translations").
 *
 * A kit may hold CONTENT/translations/LANG/ with files that mirror the
 * source's: kit.yaml, scenarios.yaml, topics/NAME.yaml. A translation
 * file is a mapping of sections -- `labels` (kitgen's own words in the
 * language, as kit.yaml's `labels:`: no item, no stamp), `kit` (the
 * kit's own texts), `levels`,
 * `areas`, `scenario_kinds`, `profiles`, `topics`, `questions`,
 * `scenarios` -- each (but `kit`) a mapping from a source item's id to
 * its translated item: the item's text fields, nested as in the source
 * (a list of mappings without ids, loop.phases or signals, as a list of
 * as many mappings, keyed by position), and `from:`, the digest of the source item's texts when it was
 * translated (SHA-256 over each text's field path and text, its first
 * KG_TR_STAMP_LEN hex digits).
 * A translation holds texts only: ids, levels, weights, minutes and the
 * other structure stay the source's, and a field that is structure is an
 * error at its place; so are names (publisher, licence), settings
 * (paper, language), code listings and references
 * (candidate_guide.questions_phase, which the overlay points at its
 * phase's translated name). A list of another length than the source's
 * is an error, or drift (a warning, the list falling back) when the
 * source changed since the stamp.
 *
 * The overlay (kg_tr_overlay) replaces the kit's text nodes with the
 * translation's, so marks point into the translation; every text the
 * translation lacks falls back to the source's text with the marker (the
 * label "translate.untranslated", KG_TR_MARKER in English) in front of it.
 */
#ifndef KG_TRANSLATE_H
#define KG_TRANSLATE_H

#include <stddef.h>

#include "buf.h"
#include "diag.h"
#include "kit.h"

/* What a fallback text starts with, so a reviewer can find it, in
 * English: the outputs show the build's language's label
 * "translate.untranslated" (labels.h) and a space. */
#define KG_TR_MARKER "[untranslated] "
/* Hex digits of a `from:` stamp. */
#define KG_TR_STAMP_LEN 16

typedef struct kg_tr kg_tr;

/* The languages present (folder names under dir/translations), sorted;
 * NULL-ended, free with kg_tr_langs_free. None: an empty list. */
char **kg_tr_langs(const char *dir);
void kg_tr_langs_free(char **langs);

/* Load dir/translations/lang/ against kit (which checked clean): shape
 * errors (unknown fields, structure fields, texts of the wrong kind,
 * ids of no source item are warnings: orphans) go to d. NULL when the
 * folder does not exist. */
kg_tr *kg_tr_load(const kg_kit *kit, const char *dir, const char *lang,
		  kg_diags *d);
void kg_tr_free(kg_tr *tr);

/* The translation's `labels:` (labels.h: kitgen's own words in its
 * language, over the labels table's), or NULL. */
const kg_node *kg_tr_labels(const kg_tr *tr);

/* Drift: a warning at each `from:` that differs from the source item's
 * digest now (a note at the source item), and at each translated item
 * without a stamp. */
void kg_tr_drift(const kg_tr *tr, kg_diags *d);

/* Check every language present (kitgen check). */
void kg_tr_check_all(const kg_kit *kit, kg_diags *d);

/* Replace kit's texts by tr's; texts tr lacks get KG_TR_MARKER. The kit
 * takes tr's trees (tr is freed). Returns the number of texts in all;
 * *fallbacks the number that fell back, and ids (when not NULL) gets
 * their items' ids, comma-separated. */
size_t kg_tr_overlay(kg_kit *kit, kg_tr *tr, size_t *fallbacks, kg_buf *ids);

/* The translation's status: stale, missing and orphaned items, as text
 * lines or (md) a translator's to-do list. Returns how many items need
 * work. */
size_t kg_tr_status(const kg_tr *tr, int md, kg_buf *out);

/* Write the `from:` stamps: of the ids given (n > 0), else of every
 * translated item without one. Rewrites only the `from:` lines of the
 * translation files, atomically. Returns 0, or -1 with d told why. *done
 * is the number of stamps written. */
int kg_tr_stamp(const kg_tr *tr, char **ids, size_t n, size_t *done,
		kg_diags *d);

#endif
