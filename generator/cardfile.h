/*
 * cardfile.h - filled scorecards as card files: plain YAML, one card (one
 * interviewer's round of one candidate) per file.
 *
 *   kit: backend-interview-kit        the kit's id
 *   version: 1.0.0                    the kit's version the card was made with
 *   digest: 5f0c...                   the kit's content digest then
 *   edition: platform-engineer-expert the panel packet (its id's last part)
 *   round: 1                          the round's number in the loop plan
 *   candidate: Ada Example
 *   interviewer: Grace Example
 *   date: 2026-12-03                  YYYY-MM-DD
 *   ratings:                          per dimension id of the round
 *     rate-limiter-2:
 *       rating: strong                a rating-scale id, or not-probed
 *       prompted: false               optional: needed a prompt
 *       evidence: Said ...            optional: what was said or done
 *   overall: acceptable               the round's rating
 *
 * A round's dimensions are the scorecard lines its packet prints, one per
 * piece of the round's material (plan.h's kg_dim): a question's id, a
 * topic's practical scenario as "<topic-id>-scenario", a behavioural
 * scenario's id.
 *
 * Loading checks a card against the kit and reports every problem at its
 * place; a card keeps copies of what scoring needs, not the YAML tree, so
 * thousands of cards fit in little memory.
 */
#ifndef KG_CARDFILE_H
#define KG_CARDFILE_H

#include <stddef.h>

#include "diag.h"
#include "digest.h"
#include "edition.h"
#include "kit.h"
#include "node.h"
#include "plan.h"

/* A rating is a band (KG_BAND_*) or this. */
#define KG_NOT_PROBED KG_NBANDS
#define KG_NOT_PROBED_ID "not-probed"

/* The kit cards are checked against: its editions and their loop plans
 * (planned on first use), its digest. */
typedef struct kg_card_kit {
	const kg_kit *kit;
	kg_editions eds;
	kg_plan *plans;   /* eds.n; a plan with n == 0 is not made yet */
	char digest[KG_DIGEST_HEX];
	struct kg_card_old *old; /* older versions of the kit, from git
				    (cardver.c) */
	size_t nold, oldcap;
} kg_card_kit;

void kg_card_kit_init(kg_card_kit *ck, const kg_kit *kit);
/* The loop plan of a packet edition (NULL for the public kit). */
const kg_plan *kg_card_kit_plan(kg_card_kit *ck, const kg_edition *ed);
void kg_card_kit_free(kg_card_kit *ck);

/* For a card made with version `version` of the kit: a note at `at` for
 * each change since then to topic t or its questions, from the kit as
 * it was at git tag vVERSION (cardver.c). Returns -1, adding nothing,
 * when that kit cannot be had (no git, repository or tag). */
int kg_card_version_notes(kg_card_kit *ck, const char *version,
			  const kg_topic *t, kg_mark at, kg_diags *d);
void kg_card_versions_free(kg_card_kit *ck);

typedef struct kg_card {
	const char *file;     /* as given; borrowed, like a kg_mark's */
	char *place;          /* a filled PDF's card: what its marks name
			       * ("FILE: card 'NAME'"), owned; else NULL */
	kg_mark at;           /* the card's root, for diagnostics */
	kg_mark round_at, version_at;
	const kg_edition *ed; /* in the card kit's editions */
	size_t round;         /* 0-based index into the plan */
	const kg_round *r;
	char *candidate, *interviewer, *date, *version, *digest;
	int overall;          /* KG_BAND_* or KG_NOT_PROBED */
	size_t ndims;         /* r->ndims: one per scorecard line */
	int *rating;          /* per dimension */
	int *prompted;        /* per dimension: 0 or 1 */
	char **evidence;      /* per dimension, NULL without; only when kept */
} kg_card;

enum { KG_CARD_KEEP_EVIDENCE = 1 };

/* Load the card at path and check it against ck's kit. Returns 0 with *c
 * filled, or -1 with errors in d (then *c holds nothing to free). A card
 * made with another version of the kit loads with a warning. */
int kg_card_load(kg_card_kit *ck, const char *path, unsigned flags,
		 kg_card *c, kg_diags *d);
void kg_card_free(kg_card *c);
/* Check a card read as a tree (root: a mapping with a card file's keys)
 * against ck's kit into *c, whose file and at the caller set: what
 * kg_card_load does after reading the YAML. */
int kg_card_check(kg_card_kit *ck, const kg_node *root, unsigned flags,
		  kg_card *c, kg_diags *d);

/* The cards of the file at path, appended to (*cards)[*n], growing
 * *cap: a card file, or a filled panel packet PDF (its header says so;
 * cardpdf.c), which holds a card per round filled in. Returns 0, or -1
 * with errors in d (then nothing of the file is appended). */
int kg_cards_load(kg_card_kit *ck, const char *path, unsigned flags,
		  kg_card **cards, size_t *n, size_t *cap, kg_diags *d);
/* Whether the file at path is a PDF (starts with "%PDF-"). */
int kg_card_is_pdf(const char *path);
/* The cards a filled PDF's form holds, appended as kg_cards_load does. */
int kg_card_load_pdf(kg_card_kit *ck, const char *path, unsigned flags,
		     kg_card **cards, size_t *n, size_t *cap, kg_diags *d);

/* A name as an id: lowercase ASCII letters and digits, every run of
 * other characters one hyphen, none at either end; "" when it has no
 * ASCII letter or digit. The caller frees it. */
char *kg_card_dim_id(const char *name);
/* Check rule: the scorecard line of a topic's practical scenario,
 * "<topic-id>-scenario", is no question's or scenario's id (else a card
 * could not say which it rates). Returns the number of errors. */
size_t kg_check_dimensions(const kg_kit *kit, kg_diags *d);
/* The id of a rating: "strong", ..., "not-probed". */
const char *kg_rating_id(int rating);

#endif
