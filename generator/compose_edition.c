/*
 * compose_edition.c - composing one edition (compose.h): the public kit
 * (compose.c), a panel packet or one of its parts (packet.c) or a
 * candidate's guide (compose_candidate.c), as the edition's kind says.
 */
#include "compose.h"
#include "doc_toc.h"
#include "packet_forms.h"

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
	kg_doc_toc_build(doc); /* once, for every writer (doc.h) */
	return doc;
}
