/* edition.c - which editions a kit has (see edition.h) */
#include "edition.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "doc.h" /* kg_one_line */
#include "labels.h"
#include "plan.h"
#include "rounds_text.h"
#include "suggest.h"

/* What each kind is called, where it goes, who it is for and how it is
 * marked (edition.h): the keys of every word an edition says of itself,
 * in the labels table (labels.h). */
static const struct {
	const char *folder, *title, *audience, *marking, *reader;
	int confidential;
} S_kinds[] = {
	[KG_EDITION_PUBLIC] = {"", "edition.public", "edition.public_for",
			       "edition.public_marking", "edition.public_reader",
			       0},
	[KG_EDITION_PACKET] = {"panels/", "edition.packet", "edition.packet_for",
			       "edition.packet_marking", "edition.packet_reader",
			       1},
	[KG_EDITION_CANDIDATE] = {"candidates/", "edition.candidate",
				  "edition.candidate_for", NULL, NULL, 0}};

/* ed's kind and what the kind says of it, in the kit's labels. */
static void S_kind(const kg_kit *kit, kg_edition *ed, kg_edition_kind kind)
{
	ed->kind = kind;
	ed->audience = kg_label(kit->labels, S_kinds[kind].audience);
	ed->marking = S_kinds[kind].marking
		      ? kg_label(kit->labels, S_kinds[kind].marking) : NULL;
	ed->reader = S_kinds[kind].reader
		     ? kg_label(kit->labels, S_kinds[kind].reader) : NULL;
	ed->confidential = S_kinds[kind].confidential;
}

/* A part of the packet at e->items[packet]: its id and titles. */
static kg_edition *S_part(kg_editions *e, const kg_labels *labels,
			  size_t packet, kg_edition_kind kind,
			  const char *file, const char *title,
			  const char *audience)
{
	const kg_edition *pk = &e->items[packet];
	kg_edition *ed = &e->items[e->n++];
	kg_buf b = KG_BUF_INIT;

	ed->kind = kind;
	ed->audience = audience;
	/* interviewer material, as its packet: marked so, and watermarked */
	ed->marking = pk->marking;
	ed->reader = pk->reader;
	ed->confidential = pk->confidential;
	ed->profile = pk->profile;
	ed->level = pk->level;
	ed->packet = pk;
	ed->part_title = kg_one_line(title);
	kg_buf_printf(&b, "%s/%s", pk->id, file);
	ed->id = kg_buf_detach(&b, NULL);
	kg_label_put(&b, labels, "edition.name", "kind", ed->part_title,
		     "profile", kg_text(pk->profile->title),
		     "level", kg_text(pk->level->title), NULL);
	ed->title = kg_one_line(b.ptr);
	kg_buf_release(&b);
	return ed;
}

/* The parts of the packet at e->items[packet], after it: the loop plan,
 * a document per round, the debrief sheet. */
static void S_parts(kg_editions *e, const kg_kit *kit, size_t packet,
		    const kg_area **areas)
{
	size_t n = kg_plan_round_areas(kit, e->items[packet].profile, areas), r;
	kg_buf file = KG_BUF_INIT, title = KG_BUF_INIT;

	S_part(e, kit->labels, packet, KG_EDITION_LOOP_PLAN,
	       KG_PART_LOOP_PLAN_FILE, kg_label(kit->labels, "part.loop_plan"),
	       kg_label(kit->labels, "part.loop_plan_for"));
	for (r = 0; r < n; r++) {
		char num[24];
		kg_edition *ed;

		kg_buf_reset(&file);
		kg_buf_reset(&title);
		kg_buf_printf(&file, KG_PART_ROUND_FILE, r + 1);
		snprintf(num, sizeof(num), "%zu", r + 1);
		kg_label_put(&title, kit->labels, "packet.round_title",
			     "number", num, "area", kg_text(areas[r]->title),
			     NULL);
		ed = S_part(e, kit->labels, packet, KG_EDITION_ROUND, file.ptr,
			    title.ptr, kg_label(kit->labels, "part.round_for"));
		ed->round = r + 1;
		ed->area = areas[r];
	}
	S_part(e, kit->labels, packet, KG_EDITION_DEBRIEF, KG_PART_DEBRIEF_FILE,
	       kg_label(kit->labels, "form.debrief"),
	       kg_label(kit->labels, "part.debrief_for"));
	kg_buf_release(&file);
	kg_buf_release(&title);
}

/* One edition of kind for every profile and level, in kit.yaml's order;
 * a packet followed by its parts. */
static void S_per_pair(kg_editions *e, const kg_kit *kit, kg_edition_kind kind)
{
	const kg_area **areas = kg_xcalloc(kit->nareas + 1, sizeof(*areas));
	kg_buf b = KG_BUF_INIT;
	size_t p, l;

	for (p = 0; p < kit->nprofiles; p++)
		for (l = 0; l < kit->nlevels; l++) {
			kg_edition *ed = &e->items[e->n++];

			S_kind(kit, ed, kind);
			ed->profile = &kit->profiles[p];
			ed->level = &kit->levels[l];
			kg_buf_reset(&b);
			kg_buf_printf(&b, "%s%s-%s", S_kinds[kind].folder,
				      kg_text(ed->profile->id),
				      kg_text(ed->level->id));
			ed->id = kg_xstrdup(b.ptr);
			kg_buf_reset(&b);
			kg_label_put(&b, kit->labels, "edition.name", "kind",
				     kg_label(kit->labels, S_kinds[kind].title),
				     "profile", kg_text(ed->profile->title),
				     "level", kg_text(ed->level->title), NULL);
			ed->title = kg_one_line(b.ptr);
			if (kind == KG_EDITION_PACKET)
				S_parts(e, kit, e->n - 1, areas);
		}
	kg_buf_release(&b);
	free(areas);
}

kg_editions kg_editions_of(const kg_kit *kit)
{
	kg_editions e;

	/* a packet has at most an area's round each, and two parts more */
	e.n = 0;
	e.items = kg_xcalloc(1 + (4 + kit->nareas) * kit->nprofiles * kit->nlevels,
			     sizeof(*e.items));
	S_kind(kit, &e.items[0], KG_EDITION_PUBLIC);
	e.items[0].id = kg_xstrdup(kg_text(kit->id));
	e.items[0].title = kg_xstrdup(kg_label(kit->labels,
					       S_kinds[KG_EDITION_PUBLIC].title));
	e.n = 1;
	S_per_pair(&e, kit, KG_EDITION_PACKET);
	S_per_pair(&e, kit, KG_EDITION_CANDIDATE);
	return e;
}

const kg_edition *kg_editions_find(const kg_editions *e, const char *name)
{
	size_t i;

	for (i = 0; i < e->n; i++) {
		const char *slash = strchr(e->items[i].id, '/');

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
		const char *slash = strchr(e->items[i].id, '/');

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
		free(e->items[i].part_title);
	}
	free(e->items);
	e->items = NULL;
	e->n = 0;
}
