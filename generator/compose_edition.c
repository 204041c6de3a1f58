/*
 * compose_edition.c - composing one edition (compose.h): the public kit
 * (compose.c) or a panel packet (packet.c), as the edition's kind says.
 */
#include "compose.h"

kg_doc *kg_compose(const kg_kit *kit, const kg_edition *ed, const char *digest)
{
	if (ed->kind == KG_EDITION_PACKET)
		return kg_compose_packet(kit, ed, digest);
	return kg_compose_public(kit, ed, digest);
}
