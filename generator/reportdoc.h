/*
 * reportdoc.h - the documents of score and calibrate (report.h writes
 * them): a report's metadata, and the stable pseudonyms of --anonymise.
 */
#ifndef KG_REPORTDOC_H
#define KG_REPORTDOC_H

#include "doc.h"

struct kg_kit;

/* A new report document of kit (digest its content digest): its
 * metadata filled in, profile and level "", licence "" (a report is not
 * the kit's to license); title and subtitle are taken over (allocated).
 * The caller frees it with kg_doc_free. */
kg_doc *kg_report_document(const struct kg_kit *kit, const char *digest,
			   const char *edition_id, const char *edition_title,
			   char *title, char *subtitle);

/* A stable pseudonym: prefix, a space and the first 8 hex digits of the
 * SHA-256 of name ("Candidate 3f9a2c1b"); the same name gives the same
 * pseudonym in every report and run. The caller frees it. */
char *kg_pseudonym(const char *prefix, const char *name);

#endif
