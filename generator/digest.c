/*
 * digest.c - SHA-256 (nettle) over a canonical serialisation of the
 * content trees: each node as a type byte, then length-prefixed bytes.
 */
#include "digest.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

static void S_u64(struct sha256_ctx *ctx, size_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)(v >> (56 - 8 * i));
	sha256_update(ctx, sizeof(b), b);
}

static void S_node(struct sha256_ctx *ctx, const kg_node *n)
{
	size_t i;

	if (!n) {
		sha256_update(ctx, 1, (const uint8_t *)"-");
		return;
	}
	switch (n->kind) {
	case KG_NODE_SCALAR:
		sha256_update(ctx, 1, (const uint8_t *)"s");
		S_u64(ctx, n->len);
		sha256_update(ctx, n->len, (const uint8_t *)n->text);
		break;
	case KG_NODE_SEQ:
		sha256_update(ctx, 1, (const uint8_t *)"l");
		S_u64(ctx, n->n);
		for (i = 0; i < n->n; i++)
			S_node(ctx, n->items[i]);
		break;
	case KG_NODE_MAP:
		sha256_update(ctx, 1, (const uint8_t *)"m");
		S_u64(ctx, n->npairs);
		for (i = 0; i < n->npairs; i++) {
			S_node(ctx, n->pairs[i].key);
			S_node(ctx, n->pairs[i].value);
		}
		break;
	}
}

void kg_kit_digest(const kg_kit *kit, char hex[KG_DIGEST_HEX])
{
	struct sha256_ctx ctx;
	uint8_t sum[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_init(&ctx);
	sha256_update(&ctx, 10, (const uint8_t *)"kitgen-v1\n");
	S_node(&ctx, kit->root);
	S_u64(&ctx, kit->ntopic_files);
	for (i = 0; i < kit->ntopic_files; i++)
		S_node(&ctx, kit->topic_roots[i]);
	S_node(&ctx, kit->scenarios_root);
	sha256_digest(&ctx, sizeof(sum), sum);
	for (i = 0; i < sizeof(sum); i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
}
