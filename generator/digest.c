/*
 * digest.c - SHA-256 (nettle) over the canonical form of the content
 * trees (canon.h), the same form diff compares.
 */
#include "digest.h"

#include <nettle/sha2.h>
#include <stdio.h>
#include <string.h>

#include "canon.h"

static void S_u64(struct sha256_ctx *ctx, size_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)((unsigned long long)v >> (56 - 8 * i));
	sha256_update(ctx, sizeof(b), b);
}

static void S_put(void *ctx, const void *bytes, size_t len)
{
	sha256_update(ctx, len, bytes);
}

static void S_node(struct sha256_ctx *ctx, const kg_node *n)
{
	kg_canon_write(n, S_put, ctx);
}

void kg_kit_digest(const kg_kit *kit, char hex[KG_DIGEST_HEX])
{
	struct sha256_ctx ctx;
	uint8_t sum[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_init(&ctx);
	/* v2: mappings in key order (v1 hashed them in document order) */
	sha256_update(&ctx, 10, (const uint8_t *)"kitgen-v2\n");
	S_node(&ctx, kit->root);
	S_u64(&ctx, kit->ntopic_files);
	for (i = 0; i < kit->ntopic_files; i++)
		S_node(&ctx, kit->topic_roots[i]);
	S_node(&ctx, kit->scenarios_root);
	sha256_digest(&ctx, sizeof(sum), sum);
	for (i = 0; i < sizeof(sum); i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
}
