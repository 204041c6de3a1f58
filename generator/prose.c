/* prose.c - parsing a PROSE block's CommonMark (prose.h) */
#include "prose.h"

#include <cmark.h>

#include "markdown.h"

cmark_node *kg_prose_parse(const kg_block *prose)
{
	return kg_md_parse(prose->text ? prose->text : "");
}

int kg_prose_starts_with_paragraph(const kg_block *prose)
{
	cmark_node *md;
	int para;

	if (!prose || prose->type != KG_BLOCK_PROSE)
		return 0;
	md = kg_prose_parse(prose);
	para = cmark_node_get_type(cmark_node_first_child(md)) ==
	       CMARK_NODE_PARAGRAPH;
	cmark_node_free(md);
	return para;
}
