/*
 * pdf_doc.c - the objects of the PDF file around its pages: the page
 * tree, the resources every page shares, the catalog and the document
 * information (/Info). Dates only from SOURCE_DATE_EPOCH, so that two
 * builds give the same bytes.
 */
#include "pdf_writer.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef KG_VERSION /* the Makefile defines it */
#define KG_VERSION "0.1.0"
#endif

/* ---- the PDF document ------------------------------------------------------------------- */

/* The /Info entry key, as a text string. */
static void S_info_entry(kg_buf *b, const char *key, const char *value)
{
	kg_buf_printf(b, "/%s ", key);
	kg_pdf_text(b, value, strlen(value));
	kg_buf_putc(b, '\n');
}

/* The /Info entry key from a label (pdf_labels.h), filled in v. */
static void S_info_label(kg_pw *c, kg_buf *b, const char *key,
			 const char *label, kg_buf *v)
{
	const kg_doc_meta *m = &c->doc->meta;
	const char *vars[] = {"edition", kg_pw_smart(c, m->edition_title),
			      "version", m->version, "digest", m->digest,
			      "build", m->build_digest ? m->build_digest : "",
			      "kit", m->kit_id, "kitgen", KG_VERSION, NULL};

	kg_buf_reset(v);
	kg_pdf_label_fill(v, label, vars);
	S_info_entry(b, key, v->ptr);
}

/* The document information: title, author, subject and keywords with the
 * version and the digests, the creator, and the two digests as entries of
 * their own (KitgenContentDigest, KitgenBuildDigest); dates only from SOURCE_DATE_EPOCH, so
 * that two builds give the same bytes. */
void kg_pw_metadata(kg_pw *c, uint32_t info)
{
	const kg_doc_meta *m = &c->doc->meta;
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	kg_buf b = KG_BUF_INIT, v = KG_BUF_INIT;

	kg_buf_puts(&b, "<<\n");
	S_info_entry(&b, "Title",
		     kg_pw_smart(c, m->doc_title ? m->doc_title : m->title));
	S_info_entry(&b, "Author", kg_pw_smart(c, m->publisher));
	S_info_label(c, &b, "Subject", c->st->labels.subject, &v);
	S_info_label(c, &b, "Keywords", c->st->labels.keywords, &v);
	S_info_label(c, &b, "Creator", c->st->labels.creator, &v);
	/* the digests as values of their own, for scripts (pdfinfo -custom) */
	S_info_entry(&b, "KitgenContentDigest", m->digest);
	if (m->build_digest)
		S_info_entry(&b, "KitgenBuildDigest", m->build_digest);
	if (sde && *sde) {
		char *end;
		long long t = strtoll(sde, &end, 10);
		time_t tt = (time_t)t;
		struct tm tm;

		if (!*end && t >= 0 && gmtime_r(&tt, &tm)) {
			char date[64];

			snprintf(date, sizeof(date), "D:%04d%02d%02d%02d%02d%02dZ",
				 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday,
				 tm.tm_hour, tm.tm_min, tm.tm_sec);
			S_info_entry(&b, "CreationDate", date);
			S_info_entry(&b, "ModDate", date);
		}
	}
	kg_buf_puts(&b, ">>");
	kg_pdf_obj_begin(c->pdf, info);
	kg_pdf_put_buf(c->pdf, &b);
	kg_pdf_obj_end(c->pdf);
	kg_buf_release(&b);
	kg_buf_release(&v);
}

/* The page tree (one node: the pages are all its kids), the resources
 * every page shares and the catalog. */
void kg_pw_document(kg_pw *c, const uint32_t *fonts, uint32_t catalog,
		       uint32_t outline)
{
	kg_pdf_file *pdf = c->pdf;
	size_t i;
	int face;

	kg_pdf_obj_begin(pdf, c->po.parent);
	kg_pdf_puts(pdf, "<< /Type /Pages /Kids [");
	for (i = 0; i < c->total_pages; i++)
		kg_pdf_printf(pdf, "%s%lu 0 R", i % 10 ? " " : "\n",
			      (unsigned long)(c->po.page0 + i));
	kg_pdf_printf(pdf, "\n] /Count %zu >>", c->total_pages);
	kg_pdf_obj_end(pdf);

	kg_pdf_obj_begin(pdf, c->po.resources);
	kg_pdf_puts(pdf, "<< /ProcSet [/PDF /Text] /Font <<");
	for (face = 0; face < KG_NFACES; face++)
		if (fonts[face])
			kg_pdf_printf(pdf, " /%s %lu 0 R", kg_render_font_name(face),
				      (unsigned long)fonts[face]);
	kg_pdf_puts(pdf, " >> >>");
	kg_pdf_obj_end(pdf);

	kg_pdf_obj_begin(pdf, catalog);
	kg_pdf_printf(pdf, "<< /Type /Catalog /Pages %lu 0 R /Outlines %lu 0 R "
		      "/PageMode /UseOutlines >>", (unsigned long)c->po.parent,
		      (unsigned long)outline);
	kg_pdf_obj_end(pdf);
}
