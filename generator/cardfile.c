/*
 * cardfile.c - loading and checking card files (cardfile.h).
 *
 * Every problem of a card is reported at its place, and loading goes on
 * after one, so a card's errors come in one run. A card that loads is
 * sound: its edition, round and dimensions exist and every rating is a
 * band or not-probed.
 */
#include "cardfile.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "node.h"
#include "yaml_load.h"

static const char *const S_keys[] = {"kit", "version", "digest", "edition",
	"round", "candidate", "interviewer", "date", "ratings", "overall", NULL};

void kg_card_kit_init(kg_card_kit *ck, const kg_kit *kit)
{
	ck->kit = kit;
	ck->eds = kg_editions_of(kit);
	ck->plans = kg_xcalloc(ck->eds.n ? ck->eds.n : 1, sizeof(*ck->plans));
	ck->old = NULL;
	ck->nold = ck->oldcap = 0;
	kg_kit_digest(kit, ck->digest);
}

const kg_plan *kg_card_kit_plan(kg_card_kit *ck, const kg_edition *ed)
{
	size_t i = (size_t)(ed - ck->eds.items);
	kg_diags quiet = KG_DIAGS_INIT; /* a checked kit plans cleanly */

	if (ed->kind != KG_EDITION_PACKET)
		return NULL;
	if (ck->plans[i].n == 0)
		kg_plan_loop(ck->kit, ed->profile, ed->level, &ck->plans[i],
			     &quiet);
	kg_diags_free(&quiet);
	return &ck->plans[i];
}

void kg_card_kit_free(kg_card_kit *ck)
{
	size_t i;

	for (i = 0; i < ck->eds.n; i++)
		kg_plan_free(&ck->plans[i]);
	free(ck->plans);
	kg_editions_free(&ck->eds);
	kg_card_versions_free(ck);
}

char *kg_card_dim_id(const char *name)
{
	kg_buf b = KG_BUF_INIT;
	int gap = 0;

	for (; *name; name++) {
		unsigned char c = (unsigned char)*name;

		if (isalnum(c) && c < 0x80) {
			if (gap && b.len)
				kg_buf_putc(&b, '-');
			kg_buf_putc(&b, tolower(c));
			gap = 0;
		} else {
			gap = 1;
		}
	}
	return kg_buf_detach(&b, NULL);
}

/* The question or scenario whose id is `id`, or NULL; *what says which. */
static const kg_node *S_rated_as(const kg_kit *kit, const char *id,
				 const char **what)
{
	size_t i, j;

	for (i = 0; i < kit->ntopics; i++)
		for (j = 0; j < kit->topics[i].nquestions; j++)
			if (kit->topics[i].questions[j].id &&
			    strcmp(kit->topics[i].questions[j].id->text, id) == 0) {
				*what = "question";
				return kit->topics[i].questions[j].id;
			}
	for (i = 0; i < kit->nscenarios; i++)
		if (kit->scenarios[i].id &&
		    strcmp(kit->scenarios[i].id->text, id) == 0) {
			*what = "scenario";
			return kit->scenarios[i].id;
		}
	return NULL;
}

/* Every id a card can rate: questions, scenarios, and each topic's
 * practical scenario as "<topic-id>-scenario". Ids are unique in the kit
 * (check.c), so only the made-up one can clash. */
size_t kg_check_dimensions(const kg_kit *kit, kg_diags *d)
{
	size_t t, errors = 0;

	for (t = 0; t < kit->ntopics; t++) {
		const kg_topic *tp = &kit->topics[t];
		kg_buf id = KG_BUF_INIT;
		const char *what = NULL;
		const kg_node *clash;

		if (!tp->id)
			continue;
		kg_buf_printf(&id, "%s-scenario", tp->id->text);
		if ((clash = S_rated_as(kit, id.ptr, &what))) {
			kg_error(d, clash->mark, "%s id '%s' is the id a card "
				 "rates the practical scenario of topic '%s' by: "
				 "cards could not tell them apart", what, id.ptr,
				 tp->id->text);
			kg_note(d, tp->id->mark, "topic '%s' is here",
				tp->id->text);
			errors++;
		}
		kg_buf_release(&id);
	}
	return errors;
}

const char *kg_rating_id(int rating)
{
	return rating == KG_NOT_PROBED ? KG_NOT_PROBED_ID : kg_band_keys[rating];
}

/* ---- fields ---------------------------------------------------------------- */

static int S_known(const char *key, const char *const *keys)
{
	for (; *keys; keys++)
		if (strcmp(*keys, key) == 0)
			return 1;
	return 0;
}

/* Unknown keys and missing ones of a mapping; errors added. */
static size_t S_fields(const kg_node *map, const char *const *keys,
		       size_t required, const char *what, kg_diags *d)
{
	size_t i, errors = 0;

	for (i = 0; i < map->npairs; i++)
		if (!S_known(map->pairs[i].key->text, keys))
			errors += !!kg_error(d, map->pairs[i].key->mark,
					     "unknown field '%s' in %s",
					     map->pairs[i].key->text, what);
	for (i = 0; i < required && keys[i]; i++)
		if (!kg_node_get(map, keys[i]))
			errors += !!kg_error(d, map->mark, "%s has no '%s'",
					     what, keys[i]);
	return errors;
}

/* A required single-line text; NULL (reported) when it is not one. */
static const kg_node *S_text(const kg_node *map, const char *key, kg_diags *d)
{
	const kg_node *v = kg_node_get(map, key);

	if (!v)
		return NULL;
	if (v->kind != KG_NODE_SCALAR) {
		kg_error(d, v->mark, "'%s' should be text", key);
		return NULL;
	}
	if (kg_node_scalar_type(v) == KG_SCALAR_NULL || !*v->text) {
		kg_error(d, v->mark, "'%s' is empty", key);
		return NULL;
	}
	if (strpbrk(v->text, "\n\t")) {
		kg_error(d, v->mark, "'%s' should be a single line", key);
		return NULL;
	}
	return v;
}

/* A rating: a band id or not-probed; -1 (reported) otherwise. */
static int S_rating(const kg_node *v, const char *what, kg_diags *d)
{
	int b;

	if (v->kind == KG_NODE_SCALAR && kg_node_scalar_type(v) != KG_SCALAR_NULL &&
	    *v->text) {
		for (b = 0; b <= KG_NOT_PROBED; b++)
			if (strcmp(v->text, kg_rating_id(b)) == 0)
				return b;
		kg_error(d, v->mark, "%s: '%s' is not one of strong, acceptable, "
			 "weak, not-probed", what, v->text);
		return -1;
	}
	kg_error(d, v->mark, "%s is empty: write strong, acceptable, weak or "
		 "not-probed", what);
	return -1;
}

static int S_date_valid(const char *s)
{
	int i;

	for (i = 0; i < 10; i++)
		if (i == 4 || i == 7 ? s[i] != '-' : !isdigit((unsigned char)s[i]))
			return 0;
	return s[10] == '\0' && strncmp(s + 5, "13", 2) < 0 &&
	       strncmp(s + 8, "32", 2) < 0 && strncmp(s + 5, "00", 2) != 0 &&
	       strncmp(s + 8, "00", 2) != 0;
}

/* ---- the kit, edition and round ------------------------------------------- */

static int S_kit(kg_card_kit *ck, const kg_node *root, kg_diags *d)
{
	const kg_node *v = S_text(root, "kit", d);
	const char *want = kg_text(ck->kit->id);

	if (!v)
		return -1;
	if (strcmp(v->text, want) != 0)
		return kg_error(d, v->mark, "card is for kit '%s', not '%s'",
				v->text, want);
	return 0;
}

static int S_edition(kg_card_kit *ck, const kg_node *root, kg_card *c,
		     kg_diags *d)
{
	const kg_node *v = S_text(root, "edition", d);

	if (!v)
		return -1;
	c->ed = kg_editions_find(&ck->eds, v->text);
	if (!c->ed)
		return kg_error(d, v->mark, "no edition '%s' in kit '%s' (see "
				"'kitgen list')", v->text, kg_text(ck->kit->id));
	if (KG_EDITION_IS_PART(c->ed)) {
		const char *packet = strchr(c->ed->packet->id, '/') + 1;

		c->ed = NULL;
		return kg_error(d, v->mark, "edition '%s' is a part of the panel "
				"packet '%s': a card names the packet", v->text,
				packet);
	}
	if (c->ed->kind != KG_EDITION_PACKET) {
		int published = c->ed->kind == KG_EDITION_PUBLIC;

		c->ed = NULL;
		return kg_error(d, v->mark, "edition '%s' is %s, which has no "
				"scorecards", v->text,
				published ? "the published kit" : "a candidate's guide");
	}
	return 0;
}

static int S_round(kg_card_kit *ck, const kg_node *root, kg_card *c,
		   kg_diags *d)
{
	const kg_node *v = kg_node_get(root, "round");
	const kg_plan *plan = kg_card_kit_plan(ck, c->ed);
	const char *s;
	char *end;
	long n;

	if (!v)
		return -1;
	s = v->kind == KG_NODE_SCALAR ? v->text : "";
	n = strtol(s, &end, 10);
	c->round_at = v->mark;
	if (!v->plain || !isdigit((unsigned char)*s) || *end || n < 1 ||
	    (size_t)n > plan->n)
		return kg_error(d, v->mark, "round should be a round of edition "
				"'%s', 1 to %zu, not '%s'",
				c->ed->id + strcspn(c->ed->id, "/") + 1, plan->n, s);
	c->round = (size_t)n - 1;
	c->r = &plan->rounds[c->round];
	return 0;
}

/* ---- ratings ------------------------------------------------------------- */

static const char *const S_rating_keys[] = {"rating", "prompted", "evidence",
					    NULL};

static size_t S_dim_index(const kg_card *c, const char *id)
{
	size_t i;

	for (i = 0; i < c->ndims; i++)
		if (strcmp(c->r->dims[i].id, id) == 0)
			return i;
	return c->ndims;
}

static int S_unknown_dim(const kg_card *c, const kg_node *key, kg_diags *d)
{
	kg_buf all = KG_BUF_INIT;
	size_t i;

	for (i = 0; i < c->ndims; i++)
		kg_buf_printf(&all, "%s%s", i ? ", " : "", c->r->dims[i].id);
	kg_error(d, key->mark, "unknown dimension '%s': round %zu (%s) "
		 "rates %s", key->text, c->round + 1, kg_text(c->r->area->title),
		 all.ptr);
	kg_buf_release(&all);
	return -1;
}

/* One dimension's mapping: rating, prompted, evidence. */
static int S_dim(const kg_node *v, const char *id, size_t i, unsigned flags,
		 kg_card *c, kg_diags *d)
{
	const kg_node *p, *e;
	char what[128];

	if (v->kind != KG_NODE_MAP)
		return kg_error(d, v->mark, "dimension '%s' should be a mapping "
				"with rating, prompted and evidence", id);
	if (S_fields(v, S_rating_keys, 1, "a rating", d))
		return -1;
	snprintf(what, sizeof(what), "rating of '%s'", id);
	if ((c->rating[i] = S_rating(kg_node_get(v, "rating"), what, d)) < 0)
		return -1;
	if ((p = kg_node_get(v, "prompted"))) {
		if (kg_node_scalar_type(p) != KG_SCALAR_BOOL)
			return kg_error(d, p->mark, "'prompted' should be true "
					"or false, not '%s'",
					p->kind == KG_NODE_SCALAR ? p->text : "a list");
		c->prompted[i] = p->text[0] == 't' || p->text[0] == 'T';
	}
	e = kg_node_get(v, "evidence");
	if (e && e->kind != KG_NODE_SCALAR)
		return kg_error(d, e->mark, "'evidence' should be text");
	if (e && (flags & KG_CARD_KEEP_EVIDENCE) &&
	    kg_node_scalar_type(e) != KG_SCALAR_NULL && *e->text)
		c->evidence[i] = kg_xstrdup(e->text);
	return 0;
}

static int S_ratings(const kg_node *root, unsigned flags, kg_card *c,
		     kg_diags *d)
{
	const kg_node *map = kg_node_get(root, "ratings");
	char *seen;
	size_t i, k;
	int rc = 0;

	c->ndims = c->r->ndims;
	c->rating = kg_xcalloc(c->ndims + 1, sizeof(*c->rating));
	c->prompted = kg_xcalloc(c->ndims + 1, sizeof(*c->prompted));
	c->evidence = kg_xcalloc(c->ndims + 1, sizeof(*c->evidence));
	if (!map)
		return -1;
	if (map->kind != KG_NODE_MAP)
		return kg_error(d, map->mark, "'ratings' should be a mapping of "
				"dimension ids");
	seen = kg_xcalloc(c->ndims + 1, 1);
	for (k = 0; k < map->npairs; k++) {
		const kg_node *key = map->pairs[k].key;

		if ((i = S_dim_index(c, key->text)) == c->ndims)
			rc = S_unknown_dim(c, key, d);
		else if (S_dim(map->pairs[k].value, key->text, i, flags, c, d) < 0)
			rc = -1;
		else
			seen[i] = 1;
	}
	for (i = 0; i < c->ndims && rc == 0; i++)
		if (!seen[i])
			rc = kg_error(d, map->mark, "dimension '%s' has no rating "
				      "(write not-probed when it was not asked)",
				      c->r->dims[i].id);
	free(seen);
	return rc;
}

/* ---- the rest ---------------------------------------------------------- */

/* What changed since `v` in the topics of the card's round. */
static void S_version_notes(kg_card_kit *ck, const kg_node *v,
			    const kg_card *c, kg_diags *d)
{
	size_t i, j;

	for (i = 0; i < c->r->nitems; i++) {
		const kg_topic *t = c->r->items[i].topic;

		for (j = 0; j < i && t; j++)
			if (c->r->items[j].topic == t)
				t = NULL;
		if (!t)
			continue;
		if (kg_card_version_notes(ck, v->text, t, v->mark, d) < 0) {
			kg_note(d, v->mark, "what changed for round %zu: kitgen "
				"diff --git v%s %s", c->round + 1, v->text,
				ck->kit->dir);
			return;
		}
	}
}

/* A card made with other content of the kit: a warning, and where to see
 * what changed. */
static void S_version(kg_card_kit *ck, const kg_node *root, kg_card *c,
		      kg_diags *d)
{
	const kg_node *v = S_text(root, "version", d);
	const kg_node *g = S_text(root, "digest", d);

	if (!v || !g)
		return;
	c->version = kg_xstrdup(v->text);
	c->digest = kg_xstrdup(g->text);
	c->version_at = v->mark;
	if (strcmp(g->text, ck->digest) == 0)
		return;
	if (strcmp(v->text, kg_text(ck->kit->version)) == 0) {
		kg_warning(d, g->mark, "card was made with other content of "
			   "version %s (digest %.12s, now %.12s)", v->text,
			   g->text, ck->digest);
		return;
	}
	kg_warning(d, v->mark, "card was made with version %s of the kit, not "
		   "%s: it is scored against %s", v->text,
		   kg_text(ck->kit->version), kg_text(ck->kit->version));
	S_version_notes(ck, v, c, d);
}

static int S_people(const kg_node *root, kg_card *c, kg_diags *d)
{
	const kg_node *who = S_text(root, "candidate", d);
	const kg_node *by = S_text(root, "interviewer", d);
	const kg_node *date = S_text(root, "date", d);

	if (date && !S_date_valid(date->text))
		return kg_error(d, date->mark, "date '%s' should be YYYY-MM-DD",
				date->text);
	if (!who || !by || !date)
		return -1;
	c->candidate = kg_xstrdup(who->text);
	c->interviewer = kg_xstrdup(by->text);
	c->date = kg_xstrdup(date->text);
	return 0;
}

int kg_card_check(kg_card_kit *ck, const kg_node *root, unsigned flags,
		  kg_card *c, kg_diags *d)
{
	const kg_node *overall;
	int rc = 0;

	if (root->kind != KG_NODE_MAP)
		return kg_error(d, root->mark, "a card should be a mapping (kit, "
				"version, digest, edition, round, ...)");
	if (S_fields(root, S_keys, 10, "card", d))
		rc = -1;
	if (S_kit(ck, root, d) < 0 || S_edition(ck, root, c, d) < 0)
		return -1; /* another kit's or edition's rounds mean nothing */
	if (S_round(ck, root, c, d) < 0)
		return -1;
	if (S_people(root, c, d) < 0)
		rc = -1;
	if (S_ratings(root, flags, c, d) < 0)
		rc = -1;
	if ((overall = kg_node_get(root, "overall")) &&
	    (c->overall = S_rating(overall, "overall rating", d)) < 0)
		rc = -1;
	if (rc == 0)
		S_version(ck, root, c, d);
	return rc;
}

int kg_card_load(kg_card_kit *ck, const char *path, unsigned flags,
		 kg_card *c, kg_diags *d)
{
	kg_node *root;
	int rc;

	memset(c, 0, sizeof(*c));
	c->file = path;
	if (!(root = kg_node_load_file(path, d)))
		return -1;
	c->at = root->mark;
	rc = kg_card_check(ck, root, flags, c, d);
	kg_node_free(root);
	if (rc < 0)
		kg_card_free(c);
	return rc;
}

void kg_card_free(kg_card *c)
{
	size_t i;

	if (c->evidence)
		for (i = 0; i < c->ndims; i++)
			free(c->evidence[i]);
	free(c->evidence);
	free(c->rating);
	free(c->prompted);
	free(c->candidate);
	free(c->interviewer);
	free(c->date);
	free(c->version);
	free(c->digest);
	free(c->place);
	memset(c, 0, sizeof(*c));
}

int kg_card_is_pdf(const char *path)
{
	char head[5];
	FILE *f = fopen(path, "rb");
	int pdf;

	if (!f)
		return 0; /* the YAML loader says why it cannot be read */
	pdf = fread(head, 1, sizeof(head), f) == sizeof(head) &&
	      memcmp(head, "%PDF-", sizeof(head)) == 0;
	fclose(f);
	return pdf;
}

int kg_cards_load(kg_card_kit *ck, const char *path, unsigned flags,
		  kg_card **cards, size_t *n, size_t *cap, kg_diags *d)
{
	if (kg_card_is_pdf(path))
		return kg_card_load_pdf(ck, path, flags, cards, n, cap, d);
	KG_GROW(*cards, *cap, *n + 1);
	if (kg_card_load(ck, path, flags, &(*cards)[*n], d) < 0)
		return -1;
	++*n;
	return 0;
}
