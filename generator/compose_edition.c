/*
 * compose_edition.c - composing one edition (compose.h): the published
 * kit (compose.c), a panel packet or one of its parts (packet.c) or a
 * candidate's guide (compose_candidate.c), as the edition's kind says;
 * and who it is for, as every format marks it (edition.h).
 */
#include "compose.h"

#include "alloc.h"
#include "doc_toc.h"
#include "packet_forms.h"

/* The marking of the edition's kind, and kit.yaml's watermark on
 * interviewer material (doc.h). */
static void S_mark(kg_doc *doc, const kg_kit *kit, const kg_edition *ed)
{
	kg_doc_meta *m = &doc->meta;

	m->marking = ed->marking ? kg_xstrdup(ed->marking) : NULL;
	m->reader = ed->reader ? kg_xstrdup(ed->reader) : NULL;
	m->watermark = ed->confidential && kit->watermark
			       ? kg_one_line(kg_text(kit->watermark))
			       : NULL;
}

kg_doc *kg_compose(const kg_kit *kit, const kg_edition *ed, const char *digest)
{
	return kg_compose_cast(kit, ed, digest, NULL);
}

kg_doc *kg_compose_cast(const kg_kit *kit, const kg_edition *ed,
			const char *digest, const struct kg_loop_cast *cast)
{
	kg_doc *doc;

	switch (ed->kind) {
	case KG_EDITION_PACKET:
		doc = kg_compose_packet(kit, ed, digest);
		kg_packet_title(doc); /* a viewer names it for itself */
		break;
	case KG_EDITION_LOOP_PLAN:
	case KG_EDITION_ROUND:
	case KG_EDITION_DEBRIEF:
		doc = kg_compose_packet_part(kit, ed, digest, cast);
		kg_packet_title(doc);
		break;
	case KG_EDITION_CANDIDATE:
		doc = kg_compose_candidate(kit, ed, digest);
		break;
	default:
		doc = kg_compose_public(kit, ed, digest);
	}
	S_mark(doc, kit, ed);
	kg_doc_toc_build(doc); /* once, for every writer (doc.h) */
	return doc;
}
