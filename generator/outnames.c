/* outnames.c - output paths that collide (see outnames.h)
 *
 * Every path of every edition in every format (a packet's parts as the
 * packet's own), and every file the build names itself, goes into one
 * list with its owner; sorted by path, a run
 * of equal paths is a collision. The build's own files come first, so an
 * edition that meets one of them is the one reported. */
#include "outnames.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "edition.h"
#include "formats.h"
#include "output.h"
#include "schema.h"

/* Who writes a path: an edition (with the id that names it) or the build. */
typedef struct S_owner {
	const kg_node *at; /* the id to point at; NULL: a file of the build */
	char *what;        /* "the packet of profile 'a' and level 'b-c'" */
	char *name;        /* what `at` is: "profile 'a'" */
} S_owner;

typedef struct S_path {
	char *path;
	size_t owner; /* index into the owners */
} S_path;

typedef struct S_names {
	S_owner *owners;
	size_t nowners, ocap;
	S_path *paths;
	size_t npaths, pcap;
} S_names;

/* The files a build writes that no id names. */
static const struct {
	const char *path, *what;
} S_fixed[] = {{KG_INDEX_NAME, "the build's index page"},
	       {KG_OUT_LOCK_NAME, "the build's lock file"}};

/* A new owner (takes what); at is a kind's id, or NULL. */
static size_t S_owner_add(S_names *s, const char *kind, const kg_node *at,
			  char *what)
{
	kg_buf name = KG_BUF_INIT;

	if (at)
		kg_buf_printf(&name, "%s '%s'", kind, at->text);
	KG_GROW(s->owners, s->ocap, s->nowners + 1);
	s->owners[s->nowners].at = at;
	s->owners[s->nowners].what = what;
	s->owners[s->nowners].name = kg_buf_detach(&name, NULL);
	return s->nowners++;
}

static void S_path_add(S_names *s, size_t owner, const char *stem,
		       const char *ext)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "%s%s", stem, ext);
	KG_GROW(s->paths, s->pcap, s->npaths + 1);
	s->paths[s->npaths].path = kg_buf_detach(&b, NULL);
	s->paths[s->npaths].owner = owner;
	s->npaths++;
}

static int S_valid(const kg_node *id)
{
	return id && kg_id_valid(id->text);
}

/* An edition's owner, or (size_t)-1 when its ids are not sound. */
static size_t S_edition_owner(S_names *s, const kg_kit *kit,
			      const kg_edition *ed)
{
	kg_buf b = KG_BUF_INIT;

	if (ed->kind == KG_EDITION_PUBLIC) {
		if (!S_valid(kit->id))
			return (size_t)-1;
		kg_buf_printf(&b, "the published kit '%s'", kit->id->text);
		return S_owner_add(s, "kit id", kit->id, kg_buf_detach(&b, NULL));
	}
	if (!S_valid(ed->profile->id) || !S_valid(ed->level->id))
		return (size_t)-1;
	kg_buf_printf(&b, "the packet of profile '%s' and level '%s'",
		      ed->profile->id->text, ed->level->id->text);
	return S_owner_add(s, "profile", ed->profile->id, kg_buf_detach(&b, NULL));
}

static void S_collect(S_names *s, const kg_kit *kit)
{
	kg_editions eds = kg_editions_of(kit);
	size_t i, w, owner;

	for (i = 0; i < sizeof(S_fixed) / sizeof(*S_fixed); i++)
		S_path_add(s, S_owner_add(s, NULL, NULL,
					  kg_xstrdup(S_fixed[i].what)),
			   S_fixed[i].path, "");
	for (i = 0, owner = (size_t)-1; i < eds.n; i++) {
		/* a candidate's guide is named as its packet is, in a folder
		 * of its own: two guides meet exactly when their packets do,
		 * and the packets' error says it once */
		if (eds.items[i].kind == KG_EDITION_CANDIDATE)
			continue;
		/* a packet's parts are its own (they follow it): in its
		 * folder, they meet another's when the packets meet, and the
		 * error is the packets' */
		if (!KG_EDITION_IS_PART(&eds.items[i]))
			owner = S_edition_owner(s, kit, &eds.items[i]);

		for (w = 0; owner != (size_t)-1 && kg_formats[w]; w++)
			S_path_add(s, owner, eds.items[i].id,
				   kg_formats[w]->extension);
	}
	kg_editions_free(&eds);
}

/* By path, then by owner: the first of a run is the earliest owner. */
static int S_path_cmp(const void *a, const void *b)
{
	const S_path *x = a, *y = b;
	int c = strcmp(x->path, y->path);

	if (c)
		return c;
	return x->owner < y->owner ? -1 : x->owner > y->owner;
}

/* The pairs of owners reported so far: a collision is reported once per
 * pair, not once per format. Collisions are rare: a list will do. */
typedef struct S_pairs {
	size_t (*items)[2];
	size_t n, cap;
} S_pairs;

static int S_seen(S_pairs *p, size_t a, size_t b)
{
	size_t i;

	for (i = 0; i < p->n; i++)
		if (p->items[i][0] == a && p->items[i][1] == b)
			return 1;
	KG_GROW(p->items, p->cap, p->n + 1);
	p->items[p->n][0] = a;
	p->items[p->n][1] = b;
	p->n++;
	return 0;
}

/* Report that owners a (the earlier) and b meet at path, once per pair. */
static size_t S_report(const S_names *s, size_t a, size_t b, const char *path,
		       S_pairs *seen, kg_diags *d)
{
	const S_owner *x = &s->owners[a], *y = &s->owners[b];

	if (S_seen(seen, a, b))
		return 0;
	kg_error(d, y->at->mark, "%s would be written to '%s', as would %s",
		 y->what, path, x->what);
	if (x->at)
		kg_note(d, x->at->mark, "%s is declared here", x->name);
	return 1;
}

static size_t S_collisions(S_names *s, kg_diags *d)
{
	S_pairs seen = {NULL, 0, 0};
	size_t i, first = 0, errors = 0;

	qsort(s->paths, s->npaths, sizeof(*s->paths), S_path_cmp);
	for (i = 1; i < s->npaths; i++) {
		if (strcmp(s->paths[first].path, s->paths[i].path) != 0) {
			first = i;
			continue;
		}
		errors += S_report(s, s->paths[first].owner, s->paths[i].owner,
				   s->paths[i].path, &seen, d);
	}
	free(seen.items);
	return errors;
}

size_t kg_check_output_names(const kg_kit *kit, kg_diags *d)
{
	S_names s = {NULL, 0, 0, NULL, 0, 0};
	size_t errors, i;

	S_collect(&s, kit);
	errors = S_collisions(&s, d);
	for (i = 0; i < s.npaths; i++)
		free(s.paths[i].path);
	for (i = 0; i < s.nowners; i++) {
		free(s.owners[i].what);
		free(s.owners[i].name);
	}
	free(s.paths);
	free(s.owners);
	return errors;
}
