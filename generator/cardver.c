/*
 * cardver.c - what changed for a card made with another version of the
 * kit: the kit as it was at that version's git tag (vVERSION), compared
 * with today's by the diff machinery (diff.h), keeping the changes to the
 * round's topic and its questions. Each old version is read from git once
 * per run. Nothing is said when git, the repository or the tag is
 * missing: the caller then points at `kitgen diff`.
 */
#include "cardfile.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "diff.h"
#include "git.h"
#include "output.h"

struct kg_card_old {
	char *version;
	kg_kit *kit;      /* NULL when it could not be had */
	kg_diags diags;   /* the old kit's line indexes live here */
};

static kg_kit *S_export(const kg_kit *kit, const char *version, kg_diags *d)
{
	kg_buf tmp = KG_BUF_INIT, rev = KG_BUF_INIT;
	kg_kit *old = NULL;

	kg_buf_printf(&rev, "v%s", version);
	/* the export's folder goes on a signal, and after a SIGKILL */
	if (kg_git_export_temp(kit->dir, rev.ptr, &tmp, d) == 0 &&
	    (old = kg_kit_load(tmp.ptr, d)) &&
	    (kg_kit_check(old, d), d->errors)) {
		kg_kit_free(old);
		old = NULL;
	}
	if (tmp.len)
		kg_remove_tree(tmp.ptr);
	kg_buf_release(&tmp);
	kg_buf_release(&rev);
	return old;
}

static struct kg_card_old *S_old(kg_card_kit *ck, const char *version)
{
	struct kg_card_old *o;
	size_t i;

	for (i = 0; i < ck->nold; i++)
		if (strcmp(ck->old[i].version, version) == 0)
			return &ck->old[i];
	KG_GROW(ck->old, ck->oldcap, ck->nold + 1);
	o = &ck->old[ck->nold++];
	memset(o, 0, sizeof(*o));
	o->version = kg_xstrdup(version);
	o->kit = S_export(ck->kit, version, &o->diags);
	return o;
}

/* Is the change about topic t or one of its questions? */
static int S_about(const kg_change *ch, const kg_topic *t)
{
	const char *id = kg_text(t->id);
	size_t n = strlen(id), i;

	if (strncmp(ch->entity, "topic ", 6) == 0 &&
	    strncmp(ch->entity + 6, id, n) == 0 &&
	    (ch->entity[6 + n] == '\0' || ch->entity[6 + n] == ':'))
		return 1;
	if (ch->parent && strncmp(ch->parent, "topic ", 6) == 0 &&
	    strcmp(ch->parent + 6, id) == 0)
		return 1;
	for (i = 0; i < t->nquestions; i++)
		if (strncmp(ch->entity, "question ", 9) == 0 &&
		    strcmp(ch->entity + 9, kg_text(t->questions[i].id)) == 0)
			return 1;
	return 0;
}

static const char *S_kind(kg_change_kind k)
{
	return k == KG_ADDED ? "added" : k == KG_REMOVED ? "removed" : "changed";
}

int kg_card_version_notes(kg_card_kit *ck, const char *version,
			  const kg_topic *t, kg_mark at, kg_diags *d)
{
	struct kg_card_old *o = S_old(ck, version);
	kg_changes changes = {NULL, 0, 0};
	size_t i, said = 0;

	if (!o->kit)
		return -1;
	kg_kit_diff(o->kit, ck->kit, &changes);
	for (i = 0; i < changes.n; i++) {
		const kg_change *ch = &changes.items[i];

		if (!S_about(ch, t))
			continue;
		kg_note(d, at, "since %s: %s %s%s%s%s%s", version, S_kind(ch->kind),
			ch->entity, ch->field ? ": " : "", ch->field ? ch->field : "",
			ch->detail ? ": " : "", ch->detail ? ch->detail : "");
		said++;
	}
	if (!said)
		kg_note(d, at, "since %s, nothing changed in topic '%s' or its "
			"questions", version, kg_text(t->id));
	kg_changes_free(&changes);
	return 0;
}

void kg_card_versions_free(kg_card_kit *ck)
{
	size_t i;

	for (i = 0; i < ck->nold; i++) {
		kg_kit_free(ck->old[i].kit);
		kg_diags_free(&ck->old[i].diags);
		free(ck->old[i].version);
	}
	free(ck->old);
}
