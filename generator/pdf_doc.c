/*
 * pdf_doc.c - the objects of the PDF file around its pages: the page
 * tree, the resources every page shares, the catalog and the document
 * information (/Info) and the same as XMP metadata, and what makes the
 * file a tagged PDF: the structure tree's root, /MarkInfo, /Lang and
 * /DisplayDocTitle. Dates only from SOURCE_DATE_EPOCH, so that two
 * builds give the same bytes.
 */
#include "pdf_writer.h"

#include "html_escape.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#ifndef KG_VERSION /* the Makefile defines it */
#define KG_VERSION "0.1.0"
#endif

/* The document's language (/Lang, dc:language): the content model has no
 * field for it yet, and every kit kitgen writes is in English. */
#define KG_PW_LANG "en"

/* ---- the PDF document ------------------------------------------------------------------- */

/* The /Info entry key, as a text string. */
static void S_info_entry(kg_buf *b, const char *key, const char *value)
{
	kg_buf_printf(b, "/%s ", key);
	kg_pdf_text(b, value, strlen(value));
	kg_buf_putc(b, '\n');
}

/* A label (pdf_labels.h) filled in v. */
static void S_label(kg_pw *c, const char *label, kg_buf *v)
{
	const kg_doc_meta *m = &c->doc->meta;
	const char *vars[] = {"edition", kg_pw_smart(c, m->edition_title),
			      "version", m->version, "digest", m->digest,
			      "build", m->build_digest ? m->build_digest : "",
			      "kit", m->kit_id, "kitgen", KG_VERSION, NULL};

	kg_buf_reset(v);
	kg_pdf_label_fill(v, label, vars);
}

/* The /Info entry key from a label, filled in v. */
static void S_info_label(kg_pw *c, kg_buf *b, const char *key,
			 const char *label, kg_buf *v)
{
	S_label(c, label, v);
	S_info_entry(b, key, v->ptr);
}

/* SOURCE_DATE_EPOCH, when set and valid, in tm (UTC); else 0. */
static int S_build_time(struct tm *tm)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *end;
	long long t;
	time_t tt;

	if (!sde || !*sde)
		return 0;
	t = strtoll(sde, &end, 10);
	tt = (time_t)t;
	return !*end && t >= 0 && gmtime_r(&tt, tm);
}

/* The document information: title, author, subject and keywords with the
 * version and the digests, the creator, and the two digests as entries of
 * their own (KitgenContentDigest, KitgenBuildDigest), and in a document
 * with a form the kit's id and version (KitgenKit, KitgenVersion: `kitgen
 * score` reads a filled card back against them); dates only from SOURCE_DATE_EPOCH, so
 * that two builds give the same bytes. */
void kg_pw_metadata(kg_pw *c, uint32_t info)
{
	const kg_doc_meta *m = &c->doc->meta;
	kg_buf b = KG_BUF_INIT, v = KG_BUF_INIT;
	struct tm tm;

	kg_buf_puts(&b, "<<\n");
	S_info_entry(&b, "Title",
		     kg_pw_smart(c, m->doc_title ? m->doc_title : m->title));
	S_info_entry(&b, "Author", kg_pw_smart(c, m->publisher));
	S_info_label(c, &b, "Subject", c->st->labels.subject, &v);
	S_info_label(c, &b, "Keywords", c->st->labels.keywords, &v);
	S_info_label(c, &b, "Creator", c->st->labels.creator, &v);
	/* the digests as values of their own, for scripts (pdfinfo -custom) */
	S_info_entry(&b, "KitgenContentDigest", m->digest);
	if (c->acroform) { /* what a filled form is read back against */
		S_info_entry(&b, "KitgenKit", m->kit_id);
		S_info_entry(&b, "KitgenVersion", m->version);
	}
	if (m->build_digest)
		S_info_entry(&b, "KitgenBuildDigest", m->build_digest);
	if (S_build_time(&tm)) {
		char date[64];

		snprintf(date, sizeof(date), "D:%04d%02d%02d%02d%02d%02dZ",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			 tm.tm_min, tm.tm_sec);
		S_info_entry(&b, "CreationDate", date);
		S_info_entry(&b, "ModDate", date);
	}
	kg_buf_puts(&b, ">>");
	kg_pdf_obj_begin(c->pdf, info);
	kg_pdf_put_buf(c->pdf, &b);
	kg_pdf_obj_end(c->pdf);
	kg_buf_release(&b);
	kg_buf_release(&v);
}

/* An XMP property: <name>value</name>, the value escaped; kind wraps
 * it in an rdf:Alt (a language alternative), rdf:Seq or rdf:Bag. */
static void S_xmp_prop(kg_buf *b, const char *name, const char *kind,
		       const char *value)
{
	kg_buf_printf(b, "   <%s>", name);
	if (kind)
		kg_buf_printf(b, "<rdf:%s><rdf:li%s>", kind,
			      !strcmp(kind, "Alt") ? " xml:lang=\"x-default\"" : "");
	kg_html_escape(b, value, strlen(value));
	if (kind)
		kg_buf_printf(b, "</rdf:li></rdf:%s>", kind);
	kg_buf_printf(b, "</%s>\n", name);
}

/* The XMP metadata stream, what /Info says and what PDF/UA asks of it
 * (dc:title, pdfuaid:part), not deflated so that any program can read
 * it; returns its object number. The same bytes for the same build: no
 * date unless SOURCE_DATE_EPOCH, no instance ID. */
uint32_t kg_pw_xmp(kg_pw *c)
{
	const kg_doc_meta *m = &c->doc->meta;
	kg_buf b = KG_BUF_INIT, v = KG_BUF_INIT;
	uint32_t num = kg_pdf_reserve(c->pdf);
	struct tm tm;

	kg_buf_puts(&b, "<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
		    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
		    " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
		    "  <rdf:Description rdf:about=\"\"\n"
		    "    xmlns:dc=\"http://purl.org/dc/elements/1.1/\"\n"
		    "    xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"\n"
		    "    xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"\n"
		    "    xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n");
	S_xmp_prop(&b, "dc:format", NULL, "application/pdf");
	S_xmp_prop(&b, "dc:title", "Alt", kg_pw_smart(c, m->title));
	S_xmp_prop(&b, "dc:creator", "Seq", kg_pw_smart(c, m->publisher));
	S_label(c, c->st->labels.subject, &v);
	S_xmp_prop(&b, "dc:description", "Alt", v.ptr);
	S_xmp_prop(&b, "dc:language", "Bag", KG_PW_LANG);
	S_label(c, c->st->labels.keywords, &v);
	S_xmp_prop(&b, "pdf:Keywords", NULL, v.ptr);
	S_label(c, c->st->labels.creator, &v);
	S_xmp_prop(&b, "xmp:CreatorTool", NULL, v.ptr);
	if (S_build_time(&tm)) {
		char date[64];

		snprintf(date, sizeof(date), "%04d-%02d-%02dT%02d:%02d:%02dZ",
			 tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
			 tm.tm_min, tm.tm_sec);
		S_xmp_prop(&b, "xmp:CreateDate", NULL, date);
		S_xmp_prop(&b, "xmp:ModifyDate", NULL, date);
	}
	S_xmp_prop(&b, "pdfuaid:part", NULL, "1");
	kg_buf_puts(&b, "  </rdf:Description>\n </rdf:RDF>\n</x:xmpmeta>\n"
		    "<?xpacket end=\"r\"?>");
	kg_pdf_stream_plain(c->pdf, num, "/Type /Metadata /Subtype /XML", b.ptr, b.len);
	kg_buf_release(&b);
	kg_buf_release(&v);
	return num;
}

/* The page tree (one node: the pages are all its kids), the resources
 * every page shares and the catalog: a tagged PDF (its structure tree,
 * /MarkInfo), in a language, its title shown rather than the file's
 * name. */
void kg_pw_document(kg_pw *c, const uint32_t *fonts, uint32_t catalog,
		    uint32_t outline, uint32_t structure, uint32_t xmp)
{
	kg_pdf_file *pdf = c->pdf;
	size_t i;

	(void)fonts; /* the faces' numbers: kg_fonts_resources knows them */

	kg_pdf_obj_begin(pdf, c->po.parent);
	kg_pdf_puts(pdf, "<< /Type /Pages /Kids [");
	for (i = 0; i < c->total_pages; i++)
		kg_pdf_printf(pdf, "%s%lu 0 R", i % 10 ? " " : "\n",
			      (unsigned long)(c->po.page0 + i));
	kg_pdf_printf(pdf, "\n] /Count %zu >>", c->total_pages);
	kg_pdf_obj_end(pdf);

	kg_pdf_obj_begin(pdf, c->po.resources);
	kg_pdf_puts(pdf, "<< /ProcSet [/PDF /Text] /Font <<");
	kg_buf_reset(&c->tmp);
	kg_fonts_resources(c->fonts, &c->tmp);
	kg_pdf_put_buf(pdf, &c->tmp);
	kg_pdf_puts(pdf, " >>");
	if (c->po.watermark.text) { /* its opacity (render_pdf.h) */
		kg_buf a = KG_BUF_INIT;

		kg_pdf_num(&a, c->po.watermark.alpha, 2);
		kg_buf_rtrim(&a);
		kg_pdf_printf(pdf, " /ExtGState << /" KG_WATERMARK_GS
			      " << /Type /ExtGState /ca %s >> >>", a.ptr);
		kg_buf_release(&a);
	}
	kg_pdf_puts(pdf, " >>");
	kg_pdf_obj_end(pdf);

	kg_pdf_obj_begin(pdf, catalog);
	kg_pdf_printf(pdf, "<< /Type /Catalog /Pages %lu 0 R /Outlines %lu 0 R "
		      "/PageMode /UseOutlines\n/StructTreeRoot %lu 0 R "
		      "/MarkInfo << /Marked true >> /Lang (" KG_PW_LANG ")\n"
		      "/ViewerPreferences << /DisplayDocTitle true >> "
		      "/Metadata %lu 0 R", (unsigned long)c->po.parent,
		      (unsigned long)outline, (unsigned long)structure,
		      (unsigned long)xmp);
	if (c->acroform)
		kg_pdf_printf(pdf, "\n/AcroForm %lu 0 R", (unsigned long)c->acroform);
	kg_pdf_puts(pdf, " >>");
	kg_pdf_obj_end(pdf);
}
