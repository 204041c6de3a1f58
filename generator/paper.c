/*
 * paper.c - the paper a build prints on, vetted against the papers the
 * PDF style lists (see paper.h).
 */
#include "paper.h"

#include <errno.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "cli.h"
#include "pdf_style.h"

/* The papers of the style under templates; freed with kg_pdf_style_free. */
static int S_load(const char *templates, kg_pdf_style *st, kg_diags *d)
{
	kg_buf path = KG_BUF_INIT;
	int rc;

	kg_buf_printf(&path, "%s/pdf/style.yaml", templates);
	rc = kg_pdf_style_load_papers(path.ptr, st, d);
	kg_buf_release(&path);
	return rc;
}

int kg_paper_check_given(const char *cmd, const char *templates,
			 const char *given, kg_diags *d)
{
	kg_pdf_style st;
	kg_buf msg = KG_BUF_INIT;
	int rc = 0;

	if (!given)
		return 0;
	if (S_load(templates, &st, d) < 0) {
		rc = -1;
	} else if (!kg_pdf_style_paper(&st, given)) {
		/* a format: the names hold no '%' (letters, digits, - and _) */
		kg_buf_puts(&msg, "unknown paper '%s' (");
		kg_pdf_style_paper_names(&st, &msg);
		kg_buf_putc(&msg, ')');
		rc = kg_cli_usage_error(cmd, msg.ptr, given);
	}
	kg_buf_release(&msg);
	kg_pdf_style_free(&st);
	return rc;
}

int kg_paper_check_kit(const char *templates, const kg_kit *kit, kg_diags *d)
{
	kg_pdf_style st;
	kg_buf names = KG_BUF_INIT;
	int rc = 0;

	if (!kit->paper)
		return 0;
	if (S_load(templates, &st, d) < 0) {
		rc = -1;
	} else if (!kg_pdf_style_paper(&st, kit->paper->text)) {
		kg_pdf_style_paper_names(&st, &names);
		rc = kg_error(d, kit->paper->mark, "unknown paper '%s' (%s)",
			      kit->paper->text, names.ptr);
	}
	kg_buf_release(&names);
	kg_pdf_style_free(&st);
	return rc;
}

char *kg_paper_name(const char *templates, const kg_kit *kit,
		    const char *given, kg_diags *d)
{
	const kg_pdf_paper *p;
	kg_pdf_style st;
	kg_buf path = KG_BUF_INIT;
	struct stat sb;
	char *name = NULL;

	if (!given && kit->paper)
		given = kit->paper->text;
	kg_buf_printf(&path, "%s/pdf/style.yaml", templates);
	if (!given && stat(path.ptr, &sb) < 0 && errno == ENOENT) {
		kg_buf_release(&path);
		return kg_xstrdup("");
	}
	kg_buf_release(&path);
	if (S_load(templates, &st, d) < 0) {
		kg_pdf_style_free(&st);
		return NULL;
	}
	p = given ? kg_pdf_style_paper(&st, given)
		  : st.npapers ? &st.papers[0] : NULL;
	if (p)
		name = kg_xstrdup(p->name);
	else
		kg_error(d, (kg_mark){NULL, 0, 0}, "unknown paper '%s'",
			 given ? given : "");
	kg_pdf_style_free(&st);
	return name;
}
