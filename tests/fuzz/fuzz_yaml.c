/* fuzz_yaml.c - libFuzzer harness: one YAML file through the loader and the
 * content model's shape checks */
/*
 * The input is the bytes of one file. It is loaded as yaml_load.c loads any
 * content file (raw byte checks, libyaml events, duplicate keys, depth),
 * then checked against each of the three file shapes (kit.yaml, a topic,
 * scenarios.yaml), and its diagnostics are printed, as `kitgen check`
 * does. Whatever the bytes, this must not crash, leak or read out of
 * bounds; a loaded tree must be well formed.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

#include "buf.h"
#include "diag.h"
#include "node.h"
#include "schema.h"
#include "template.h"
#include "yaml_load.h"

static FILE *S_null;

/* Every scalar has text of its stated length; every container's count
 * fits its capacity. Walked with an explicit depth bound (the loader's). */
static void S_walk(const kg_node *n, unsigned depth)
{
	kg_buf b = KG_BUF_INIT;
	size_t i;

	if (depth > KG_NODE_MAX_DEPTH + 1)
		abort();
	switch (n->kind) {
	case KG_NODE_SCALAR:
		if (!n->text || n->text[n->len] != '\0')
			abort();
		kg_template_scalar_text(n, &b);
		(void)kg_template_truthy(n);
		kg_buf_release(&b);
		break;
	case KG_NODE_SEQ:
		for (i = 0; i < n->n; i++)
			S_walk(n->items[i], depth + 1);
		break;
	case KG_NODE_MAP:
		for (i = 0; i < n->npairs; i++) {
			if (n->pairs[i].key->kind != KG_NODE_SCALAR)
				abort();
			S_walk(n->pairs[i].key, depth + 1);
			S_walk(n->pairs[i].value, depth + 1);
		}
		break;
	}
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static const kg_shape *const shapes[] = {&kg_shape_kit, &kg_shape_topic,
						 &kg_shape_scenarios};
	kg_diags d = KG_DIAGS_INIT;
	kg_node *root;
	size_t i;

	if (!S_null)
		S_null = fopen("/dev/null", "w");
	root = kg_node_load_string("fuzz.yaml", (const char *)data, size, &d);
	if (root) {
		if (d.errors)
			abort(); /* a tree only comes with a clean load */
		S_walk(root, 0);
		for (i = 0; i < sizeof(shapes) / sizeof(*shapes); i++)
			kg_schema_check(root, shapes[i], &d);
		kg_node_free(root);
	} else if (d.errors == 0) {
		abort(); /* no tree means an error was reported */
	}
	kg_diags_print(&d, S_null, 0);
	kg_diags_free(&d);
	return 0;
}
