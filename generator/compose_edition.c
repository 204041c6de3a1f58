/*
 * compose_edition.c - composing one edition (compose.h): the public kit
 * (compose.c) or a panel packet (packet.c), as the edition's kind says.
 */
#include "compose.h"
#include "doc_toc.h"
#include "packet_forms.h"

kg_doc *kg_compose(const kg_kit *kit, const kg_edition *ed, const char *digest)
{
	kg_doc *doc = ed->kind == KG_EDITION_PACKET
			      ? kg_compose_packet(kit, ed, digest)
			      : kg_compose_public(kit, ed, digest);

	if (ed->kind == KG_EDITION_PACKET)
		kg_packet_title(doc);
	kg_doc_toc_build(doc); /* once, for every writer (doc.h) */
	return doc;
}
