/*
 * report.h - writing the reports of score and calibrate: each document in
 * every format (the same writers as every kit) into one folder, all files
 * or none. reportdoc.h makes the documents.
 */
#ifndef KG_REPORT_H
#define KG_REPORT_H

#include <stddef.h>

#include "diag.h"
#include "digest.h"
#include "doc.h"
#include "output.h"
#include "writer.h"

typedef struct kg_report {
	kg_out_set set;
	char *templates; /* found as a build finds them */
	char *dir;
	const char *paper;
	const kg_writer *const *writers; /* the formats, NULL-terminated */
	char build_digest[KG_DIGEST_HEX]; /* every document carries it */
	char **paths;    /* written, for the list printed at the end */
	size_t npaths, cap;
	int failed;
} kg_report;

/* Start writing into dir (made when missing, locked as a build's output
 * folder is), PDFs on the kit's paper (kit.yaml's paper:, else the PDF style's first),
 * with the page shells of templates (NULL: found as a build finds them),
 * each document stamped with the build digest of those (digest.h).
 * Returns 0 or -1 (diagnostics in d; call kg_report_end). */
struct kg_kit;
int kg_report_begin(kg_report *r, const struct kg_kit *kit, const char *dir,
		    const char *templates, kg_diags *d);
/* The same on paper (as --paper takes it; NULL: as above), in the
 * formats of writers (NULL-terminated; NULL: every format), which must
 * outlive r. */
int kg_report_begin_with(kg_report *r, const struct kg_kit *kit,
			 const char *dir, const char *templates,
			 const char *paper, const kg_writer *const *writers,
			 kg_diags *d);
/* dir/base.md, .html and .pdf from doc (in r's formats). */
int kg_report_doc(kg_report *r, const kg_doc *doc, const char *base,
		  kg_diags *d);
/* dir/name with the given bytes (a CSV). */
int kg_report_raw(kg_report *r, const char *name, const char *data,
		  size_t len, kg_diags *d);
/* Commit every file when nothing failed (else remove them all), print
 * "wrote PATH" for each unless quiet, and free r. Returns 0 or -1. */
int kg_report_end(kg_report *r, int quiet, kg_diags *d);

#endif
