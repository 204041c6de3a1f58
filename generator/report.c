/*
 * report.c - the reports of score and calibrate written in every format,
 * all or nothing (report.h).
 */
#include "report.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "build.h"
#include "datadir.h"
#include "kit.h"
#include "paper.h"
#include "writer.h"
#include "printable.h"

int kg_report_begin(kg_report *r, const kg_kit *kit, const char *dir,
		    const char *templates, kg_diags *d)
{
	return kg_report_begin_with(r, kit, dir, templates, NULL, NULL, d);
}

int kg_report_begin_with(kg_report *r, const kg_kit *kit, const char *dir,
			 const char *templates, const char *paper,
			 const kg_writer *const *writers, kg_diags *d)
{
	kg_out_set init = KG_OUT_SET_INIT;

	memset(r, 0, sizeof(*r));
	r->set = init;
	/* NULL: the style's first */
	r->paper = paper ? paper : kit->paper ? kit->paper->text : NULL;
	r->writers = writers ? writers : kg_writers;
	r->dir = kg_xstrdup(dir);
	r->templates = templates ? kg_xstrdup(templates) : kg_default_templates(d);
	if (!r->templates || kg_paper_check_kit(r->templates, kit, d) < 0 ||
	    kg_build_digest_of(kit, r->templates, paper, r->build_digest, d) < 0 ||
	    kg_out_begin(&r->set, dir, d) < 0)
		r->failed = 1;
	return r->failed ? -1 : 0;
}

static char *S_path(kg_report *r, const char *name, const char *ext)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "%s/%s%s", r->dir, name, ext);
	KG_GROW(r->paths, r->cap, r->npaths + 1);
	return r->paths[r->npaths++] = kg_buf_detach(&b, NULL);
}

int kg_report_doc(kg_report *r, const kg_doc *doc, const char *base,
		  kg_diags *d)
{
	kg_write_opts wo = {r->templates, r->paper, NULL};
	kg_doc stamped = *doc; /* a view of doc with the build digest: the
				  same blocks, freed with doc */
	size_t i;

	stamped.meta.build_digest = r->build_digest;
	doc = &stamped;
	for (i = 0; r->writers[i] && !r->failed; i++) {
		const char *path =
			S_path(r, base, r->writers[i]->format->extension);
		kg_sink out;

		if (kg_out_open(&r->set, path, &out, d) < 0) {
			r->failed = 1;
		} else if (r->writers[i]->write(doc, &wo, &out, d) < 0) {
			kg_out_discard(&r->set, &out);
			r->failed = 1;
		} else if (kg_out_close(&r->set, &out, d) < 0) {
			r->failed = 1;
		}
	}
	return r->failed ? -1 : 0;
}

int kg_report_raw(kg_report *r, const char *name, const char *data,
		  size_t len, kg_diags *d)
{
	if (!r->failed && kg_out_add(&r->set, S_path(r, name, ""), data, len, d) < 0)
		r->failed = 1;
	return r->failed ? -1 : 0;
}

int kg_report_end(kg_report *r, int quiet, kg_diags *d)
{
	size_t i;
	int rc = 0;

	if (r->failed || kg_out_commit(&r->set, d) < 0) {
		kg_out_abort(&r->set);
		rc = -1;
	}
	for (i = 0; i < r->npaths; i++) {
		if (rc == 0 && !quiet)
			kg_fprintf_printable(stdout, "wrote %s\n", r->paths[i]);
		free(r->paths[i]);
	}
	free(r->paths);
	free(r->templates);
	free(r->dir);
	return rc;
}
