/* edition.c - which editions a kit has (see edition.h) */
#include "edition.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "doc.h" /* kg_one_line */
#include "suggest.h"

/* What each kind is called, where it goes, who it is for and how it is
 * marked (edition.h): every word an edition says of itself is here. */
static const struct {
	const char *folder, *title, *audience, *marking, *reader;
	int confidential;
} S_kinds[] = {
	[KG_EDITION_PUBLIC] = {"", "Published kit",
			       "for hiring teams and recruiters: every question "
			       "and answer key",
			       "Contains answer keys \xE2\x80\x94 not for candidates",
			       "For hiring teams and recruiters.", 0},
	[KG_EDITION_PACKET] = {"panels/", "Panel packet",
			       "for the interview panel: its rounds' questions "
			       "and answer keys",
			       "Confidential \xE2\x80\x94 interviewer material",
			       "For the interview panel only.", 1},
	[KG_EDITION_CANDIDATE] = {"candidates/", "Candidate's guide",
				  "for candidates \xE2\x80\x94 safe to send",
				  NULL, NULL, 0}};

/* ed's kind and what the kind says of it. */
static void S_kind(kg_edition *ed, kg_edition_kind kind)
{
	ed->kind = kind;
	ed->audience = S_kinds[kind].audience;
	ed->marking = S_kinds[kind].marking;
	ed->reader = S_kinds[kind].reader;
	ed->confidential = S_kinds[kind].confidential;
}

/* One edition of kind for every profile and level, in kit.yaml's order. */
static void S_per_pair(kg_editions *e, const kg_kit *kit, kg_edition_kind kind)
{
	kg_buf b = KG_BUF_INIT;
	size_t p, l;

	for (p = 0; p < kit->nprofiles; p++)
		for (l = 0; l < kit->nlevels; l++) {
			kg_edition *ed = &e->items[e->n++];

			S_kind(ed, kind);
			ed->profile = &kit->profiles[p];
			ed->level = &kit->levels[l];
			kg_buf_reset(&b);
			kg_buf_printf(&b, "%s%s-%s", S_kinds[kind].folder,
				      kg_text(ed->profile->id),
				      kg_text(ed->level->id));
			ed->id = kg_xstrdup(b.ptr);
			kg_buf_reset(&b);
			kg_buf_printf(&b, "%s: %s, %s", S_kinds[kind].title,
				      kg_text(ed->profile->title),
				      kg_text(ed->level->title));
			ed->title = kg_one_line(b.ptr);
		}
	kg_buf_release(&b);
}

kg_editions kg_editions_of(const kg_kit *kit)
{
	kg_editions e;

	e.n = 0;
	e.items = kg_xcalloc(1 + 2 * kit->nprofiles * kit->nlevels,
			     sizeof(*e.items));
	S_kind(&e.items[0], KG_EDITION_PUBLIC);
	e.items[0].id = kg_xstrdup(kg_text(kit->id));
	e.items[0].title = kg_xstrdup(S_kinds[KG_EDITION_PUBLIC].title);
	e.n = 1;
	S_per_pair(&e, kit, KG_EDITION_PACKET);
	S_per_pair(&e, kit, KG_EDITION_CANDIDATE);
	return e;
}

const kg_edition *kg_editions_find(const kg_editions *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		const char *slash = strrchr(e->items[i].id, '/');

		if (strcmp(e->items[i].id, name) == 0 ||
		    (slash && strcmp(slash + 1, name) == 0))
			return &e->items[i];
	}
	return NULL;
}

const kg_edition *kg_editions_closest(const kg_editions *e, const char *name,
				      int packets)
{
	kg_names names = KG_NAMES_INIT;
	const char *near;
	size_t i;

	for (i = 0; i < e->n; i++) {
		const char *slash = strrchr(e->items[i].id, '/');

		if (packets && e->items[i].kind != KG_EDITION_PACKET)
			continue;
		kg_names_add(&names, e->items[i].id);
		if (slash)
			kg_names_add(&names, slash + 1);
	}
	near = kg_names_closest(&names, name);
	kg_names_free(&names);
	return near ? kg_editions_find(e, near) : NULL;
}

void kg_editions_free(kg_editions *e)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		free(e->items[i].id);
		free(e->items[i].title);
	}
	free(e->items);
	e->items = NULL;
	e->n = 0;
}
