/*
 * reportdoc.c - what the reports of score and calibrate are made of: a
 * report document with its metadata, and the stable pseudonyms of
 * --anonymise (reportdoc.h). Writing them is report.c's.
 */
#include "reportdoc.h"

#include <nettle/sha2.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "kit.h"
#include "labels.h"

kg_doc *kg_report_document(const kg_kit *kit, const char *digest,
			   const char *edition_id, const char *edition_title,
			   char *title, char *subtitle)
{
	kg_doc *doc = kg_xcalloc(1, sizeof(*doc));
	kg_doc_meta *m = &doc->meta;
	char key[64];

	m->kit_id = kg_one_line(kg_text(kit->id));
	m->title = title;
	m->subtitle = subtitle;
	m->edition_id = kg_xstrdup(edition_id);
	m->edition_title = kg_xstrdup(edition_title);
	m->profile = kg_xstrdup("");
	m->level = kg_xstrdup("");
	m->version = kg_one_line(kg_text(kit->version));
	m->publisher = kg_one_line(kg_text(kit->publisher));
	m->licence = kg_xstrdup("");
	m->digest = kg_xstrdup(digest);
	/* a report holds people's names and ratings: marked so on its cover
	 * and every page (report.<id>_marking, report.<id>_reader) */
	snprintf(key, sizeof(key), "report.%s_marking", edition_id);
	m->marking = kg_xstrdup(kg_label(kit->labels, key));
	snprintf(key, sizeof(key), "report.%s_reader", edition_id);
	m->reader = kg_xstrdup(kg_label(kit->labels, key));
	doc->labels = kit->labels;
	doc->source_lang = kit->language ? kg_text(kit->language) : NULL;
	doc->root = kg_block_new(KG_BLOCK_DOCUMENT);
	return doc;
}

char *kg_pseudonym(const char *prefix, const char *name)
{
	struct sha256_ctx ctx;
	uint8_t sum[SHA256_DIGEST_SIZE];
	kg_buf b = KG_BUF_INIT;
	int i;

	sha256_init(&ctx);
	sha256_update(&ctx, strlen(name), (const uint8_t *)name);
	sha256_digest(&ctx, sizeof(sum), sum);
	kg_buf_printf(&b, "%s ", prefix);
	for (i = 0; i < 4; i++)
		kg_buf_printf(&b, "%02x", sum[i]);
	return kg_buf_detach(&b, NULL);
}
