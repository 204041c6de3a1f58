/*
 * pdf_form.c - the PDF's interactive form: fields, their widgets and
 * appearance streams, the /AcroForm dictionary (see pdf_form.h).
 *
 * Every field is a dictionary of its own (/T, /FT, /V, /Kids) and every
 * widget an annotation whose /Parent it is: one shape for the three
 * kinds, and a text field shown on two cards is one field with two
 * widgets, filled once. Widgets are written as their page is drawn;
 * fields, which list them, at the end. The buttons' appearances depend
 * only on the widget's size and kind, so widgets of one size share them.
 */
#include "pdf_form.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

/* The text fields' font size (/DA), one line and several. */
#define S_TEXT_SIZE 10
#define S_NOTE_SIZE 9
/* Space between a text field's edge and its text. */
#define S_TEXT_INSET 2.0f
/* A ticked box's mark: a filled square this far in from the box's
 * edge (a share of its side); a check box's cross this wide. */
#define S_RADIO_INSET 0.2f
#define S_CROSS_WIDTH 1.4f
/* The same marks in ZapfDingbats (/MK /CA), for a viewer told to make
 * its own appearances (/NeedAppearances, which some fillers set). */
#define S_RADIO_CA "n"
#define S_CHECK_CA "8"

typedef struct S_field {
	kg_form_kind kind;
	int hidden;     /* read-only, not shown (kg_form_document's) */
	char *name, *tip, *value;
	uint32_t obj;
	uint32_t *kids; /* its widgets' objects, as they are written */
	size_t nkids, cap;
} S_field;

typedef struct S_widget {
	int field;
	char *state; /* a radio button's export value */
	int tag;
} S_widget;

/* A button's two appearances, for one size and kind. */
typedef struct S_look {
	int check;
	long w, h; /* in hundredths of a point */
	uint32_t on, off;
} S_look;

struct kg_form {
	kg_pdf_file *pdf;
	kg_tags *tags;
	S_field *fields;
	size_t nfields, cap_fields;
	S_widget *widgets;
	size_t nwidgets, cap_widgets;
	S_look *looks;
	size_t nlooks, cap_looks;
	uint32_t font; /* /Helv, reserved with the first field */
	uint32_t dingbats; /* /ZaDb, likewise: the buttons' marks (/MK /CA)
			    * for a viewer that makes its own appearances */
	char *doc[3];  /* kg_form_document's values */
	int placed;    /* a widget is written: so are the document's */
	kg_buf b, s;   /* a dictionary and a stream being made */
};

kg_form *kg_form_new(kg_pdf_file *pdf, kg_tags *tags)
{
	kg_form *f = kg_xcalloc(1, sizeof(*f));

	f->pdf = pdf;
	f->tags = tags;
	kg_buf_init(&f->b);
	kg_buf_init(&f->s);
	return f;
}

void kg_form_free(kg_form *f)
{
	size_t i;

	if (!f)
		return;
	for (i = 0; i < f->nfields; i++) {
		free(f->fields[i].name);
		free(f->fields[i].tip);
		free(f->fields[i].value);
		free(f->fields[i].kids);
	}
	for (i = 0; i < f->nwidgets; i++)
		free(f->widgets[i].state);
	for (i = 0; i < 3; i++)
		free(f->doc[i]);
	free(f->fields);
	free(f->widgets);
	free(f->looks);
	kg_buf_release(&f->b);
	kg_buf_release(&f->s);
	free(f);
}

void kg_form_document(kg_form *f, const char *kit, const char *version,
		      const char *digest)
{
	const char *v[3] = {kit, version, digest};
	int i;

	for (i = 0; i < 3; i++) {
		free(f->doc[i]);
		f->doc[i] = kg_xstrdup(v[i] ? v[i] : "");
	}
}

int kg_form_field(kg_form *f, kg_form_kind kind, const char *name,
		  const char *tip, const char *value)
{
	S_field *fd;
	size_t i;

	for (i = 0; i < f->nfields; i++)
		if (strcmp(f->fields[i].name, name) == 0)
			return (int)i;
	if (!f->font) {
		f->font = kg_pdf_reserve(f->pdf);
		f->dingbats = kg_pdf_reserve(f->pdf);
	}
	KG_GROW(f->fields, f->cap_fields, f->nfields + 1);
	fd = &f->fields[f->nfields];
	memset(fd, 0, sizeof(*fd));
	fd->kind = kind;
	fd->name = kg_xstrdup(name);
	fd->tip = tip ? kg_xstrdup(tip) : NULL;
	fd->value = value && *value ? kg_xstrdup(value) : NULL;
	fd->obj = kg_pdf_reserve(f->pdf);
	return (int)f->nfields++;
}

int kg_form_widget(kg_form *f, int field, const char *state, int tag)
{
	S_widget *w;

	KG_GROW(f->widgets, f->cap_widgets, f->nwidgets + 1);
	w = &f->widgets[f->nwidgets];
	w->field = field;
	w->state = state ? kg_xstrdup(state) : NULL;
	w->tag = tag;
	return (int)++f->nwidgets;
}

/* ---- appearances ------------------------------------------------------------- */

/* A form XObject's dictionary entries for a w x h widget. */
static void S_xobject(kg_buf *b, float w, float h, int font, uint32_t helv)
{
	kg_buf_puts(b, "/Type /XObject /Subtype /Form /BBox [0 0 ");
	kg_pdf_num(b, w, 2);
	kg_pdf_num(b, h, 2);
	kg_buf_puts(b, "] /Resources <<");
	if (font)
		kg_buf_printf(b, " /Font << /Helv %lu 0 R >>", (unsigned long)helv);
	kg_buf_puts(b, " >>");
}

/* A button's look for its size: numbers reserved now, streams written
 * by kg_form_write. */
static const S_look *S_look_for(kg_form *f, int check, float w, float h)
{
	long lw = lrintf(w * 100), lh = lrintf(h * 100);
	S_look *l;
	size_t i;

	for (i = 0; i < f->nlooks; i++)
		if (f->looks[i].check == check && f->looks[i].w == lw &&
		    f->looks[i].h == lh)
			return &f->looks[i];
	KG_GROW(f->looks, f->cap_looks, f->nlooks + 1);
	l = &f->looks[f->nlooks++];
	l->check = check;
	l->w = lw;
	l->h = lh;
	l->on = kg_pdf_reserve(f->pdf);
	l->off = kg_pdf_reserve(f->pdf);
	return l;
}

/* The on state: a radio button's filled square, a check box's cross. */
static void S_look_write(kg_form *f, const S_look *l)
{
	float w = (float)l->w / 100, h = (float)l->h / 100;
	float side = w < h ? w : h, in = side * S_RADIO_INSET;

	kg_buf_reset(&f->b);
	S_xobject(&f->b, w, h, 0, 0);
	kg_buf_reset(&f->s);
	if (l->check) {
		kg_buf_puts(&f->s, "q 0 G ");
		kg_pdf_num(&f->s, S_CROSS_WIDTH, 2);
		kg_buf_puts(&f->s, "w 1 J ");
		kg_pdf_num(&f->s, in, 2);
		kg_pdf_num(&f->s, in, 2);
		kg_buf_puts(&f->s, "m ");
		kg_pdf_num(&f->s, w - in, 2);
		kg_pdf_num(&f->s, h - in, 2);
		kg_buf_puts(&f->s, "l ");
		kg_pdf_num(&f->s, in, 2);
		kg_pdf_num(&f->s, h - in, 2);
		kg_buf_puts(&f->s, "m ");
		kg_pdf_num(&f->s, w - in, 2);
		kg_pdf_num(&f->s, in, 2);
		kg_buf_puts(&f->s, "l S Q");
	} else {
		kg_buf_puts(&f->s, "q 0 g ");
		kg_pdf_num(&f->s, in, 2);
		kg_pdf_num(&f->s, in, 2);
		kg_pdf_num(&f->s, w - 2 * in, 2);
		kg_pdf_num(&f->s, h - 2 * in, 2);
		kg_buf_puts(&f->s, "re f Q");
	}
	kg_pdf_stream(f->pdf, l->on, f->b.ptr, f->s.ptr, f->s.len);
	/* off: nothing over the box the page draws */
	kg_pdf_stream(f->pdf, l->off, f->b.ptr, "", 0);
}

/* One character as Windows-1252 (the font's /WinAnsiEncoding), or '?'. */
static unsigned char S_winansi(unsigned cp)
{
	static const unsigned short hi[32] = {
		0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
		0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0, 0x017D, 0,
		0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
		0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178};
	int i;

	if ((cp >= 0x20 && cp < 0x7F) || (cp >= 0xA0 && cp <= 0xFF))
		return (unsigned char)cp;
	for (i = 0; i < 32; i++)
		if (hi[i] && hi[i] == cp)
			return (unsigned char)(0x80 + i);
	return '?';
}

/* Line [s, end) of a value as a literal string in WinAnsi. */
static void S_winansi_literal(kg_buf *b, const char *s, const char *end)
{
	kg_buf tmp = KG_BUF_INIT;
	const unsigned char *p = (const unsigned char *)s;

	while (p < (const unsigned char *)end) {
		unsigned cp;
		size_t n = kg_utf8_decode(p, (size_t)((const unsigned char *)end - p),
					  &cp);

		if (n == 0)
			n = 1, cp = '?';
		p += n;
		kg_buf_putc(&tmp, (char)S_winansi(cp));
	}
	kg_pdf_literal(b, tmp.ptr ? tmp.ptr : "", tmp.len);
	kg_buf_release(&tmp);
}

/* A text widget's appearance: its value in Helvetica from the top left
 * (several lines) or centred on its height (one line); empty without, or
 * when hidden. */
static void S_text_look(kg_form *f, const S_field *fd, uint32_t num, float w,
			float h)
{
	int multi = fd->kind == KG_FORM_MULTILINE;
	int text = fd->value && !fd->hidden; /* a hidden field shows nothing */
	float size = multi ? S_NOTE_SIZE : S_TEXT_SIZE;
	float y = multi ? h - S_TEXT_INSET - size * 0.8f
			: (h - size * 0.7f) / 2;

	/* the font only with text to set: a blank form uses none of its own
	 * (every font it shows is embedded) */
	kg_buf_reset(&f->b);
	S_xobject(&f->b, w, h, text, f->font);
	kg_buf_reset(&f->s);
	kg_buf_puts(&f->s, "/Tx BMC\n");
	if (text) {
		const char *s = fd->value, *nl;

		kg_buf_puts(&f->s, "q BT /Helv ");
		kg_pdf_num(&f->s, size, 2);
		kg_buf_puts(&f->s, "Tf 0 g ");
		kg_pdf_num(&f->s, size * 1.15f, 2);
		kg_buf_puts(&f->s, "TL ");
		kg_pdf_num(&f->s, S_TEXT_INSET, 2);
		kg_pdf_num(&f->s, y, 2);
		kg_buf_puts(&f->s, "Td\n");
		for (;;) {
			nl = strchr(s, '\n');
			S_winansi_literal(&f->s, s, nl ? nl : s + strlen(s));
			kg_buf_puts(&f->s, "Tj\n");
			if (!nl || !multi)
				break;
			kg_buf_puts(&f->s, "T*\n");
			s = nl + 1;
		}
		kg_buf_puts(&f->s, "ET Q\n");
	}
	kg_buf_puts(&f->s, "EMC");
	kg_pdf_stream(f->pdf, num, f->b.ptr, f->s.ptr, f->s.len);
}

/* ---- widgets ---------------------------------------------------------------------- */

static void S_put(kg_form *f, int wn, size_t page, uint32_t page_obj,
		  const float rect[4], kg_buf *annots);

/* The document's hidden fields (kg_form_document), on page. */
static void S_document(kg_form *f, size_t page, uint32_t page_obj,
		       kg_buf *annots)
{
	static const char *const names[3] = {"kitgen:kit", "kitgen:version",
					      "kitgen:digest"};
	static const float none[4] = {0, 0, 0, 0};
	int i;

	for (i = 0; i < 3 && f->doc[i]; i++) {
		int field = kg_form_field(f, KG_FORM_TEXT, names[i], NULL, f->doc[i]);

		f->fields[field].hidden = 1;
		S_put(f, kg_form_widget(f, field, NULL, 0), page, page_obj, none,
		      annots);
	}
}

void kg_form_put(kg_form *f, int wn, size_t page, uint32_t page_obj,
		 const float rect[4], kg_buf *annots)
{
	if (wn < 1 || (size_t)wn > f->nwidgets)
		return;
	if (!f->placed++)
		S_document(f, page, page_obj, annots);
	S_put(f, wn, page, page_obj, rect, annots);
}

static void S_put(kg_form *f, int wn, size_t page, uint32_t page_obj,
		  const float rect[4], kg_buf *annots)
{
	const S_widget *w;
	S_field *fd;
	uint32_t num, ap = 0;
	const S_look *l = NULL;
	float ww = rect[2] - rect[0], wh = rect[3] - rect[1];
	int i;

	w = &f->widgets[wn - 1];
	fd = &f->fields[w->field];
	num = kg_pdf_reserve(f->pdf);
	if (fd->kind == KG_FORM_TEXT || fd->kind == KG_FORM_MULTILINE)
		ap = kg_pdf_reserve(f->pdf);
	else
		l = S_look_for(f, fd->kind == KG_FORM_CHECK, ww, wh);
	kg_buf_reset(&f->b);
	kg_buf_puts(&f->b, "<< /Type /Annot /Subtype /Widget /Rect [");
	for (i = 0; i < 4; i++)
		kg_pdf_num(&f->b, rect[i], 3);
	/* Print: a filled form prints as it shows; Hidden */
	kg_buf_printf(&f->b, "] /F %d /P %lu 0 R /Parent %lu 0 R",
		      fd->hidden ? 2 : 4, (unsigned long)page_obj,
		      (unsigned long)fd->obj);
	if (l) {
		const char *on = fd->kind == KG_FORM_CHECK ? KG_FORM_CHECK_ON
							   : w->state;

		kg_buf_puts(&f->b, " /AS /Off /AP << /N << ");
		kg_pdf_name(&f->b, on ? on : KG_FORM_CHECK_ON);
		kg_buf_printf(&f->b, " %lu 0 R /Off %lu 0 R >> >>",
			      (unsigned long)l->on, (unsigned long)l->off);
		/* the same marks in ZapfDingbats: a filled square, a cross */
		kg_buf_printf(&f->b, " /MK << /CA (%s) >>",
			      fd->kind == KG_FORM_CHECK ? S_CHECK_CA : S_RADIO_CA);
	} else {
		kg_buf_printf(&f->b, " /AP << /N %lu 0 R >>", (unsigned long)ap);
	}
	if (f->tags && w->tag > 0 && !fd->hidden)
		kg_buf_printf(&f->b, " /StructParent %ld",
			      kg_tags_annot(f->tags, w->tag, page, num));
	kg_buf_puts(&f->b, " >>");
	kg_pdf_obj_packed(f->pdf, num, f->b.ptr, f->b.len);
	if (ap)
		S_text_look(f, fd, ap, ww, wh);
	KG_GROW(fd->kids, fd->cap, fd->nkids + 1);
	fd->kids[fd->nkids++] = num;
	kg_buf_printf(annots, "%lu 0 R ", (unsigned long)num);
}

/* ---- the end ----------------------------------------------------------------------- */

/* Field fd's dictionary. */
static void S_field_write(kg_form *f, const S_field *fd)
{
	kg_buf *b = &f->b;
	size_t k;

	kg_buf_reset(b);
	kg_buf_puts(b, "<< /T ");
	kg_pdf_text(b, fd->name, strlen(fd->name));
	if (fd->hidden) /* Ff 1: read-only */
		kg_buf_puts(b, " /Ff 1");
	if (fd->tip) {
		kg_buf_puts(b, " /TU ");
		kg_pdf_text(b, fd->tip, strlen(fd->tip));
	}
	switch (fd->kind) {
	case KG_FORM_TEXT:
	case KG_FORM_MULTILINE:
		/* Ff 4096: multiline */
		kg_buf_printf(b, " /FT /Tx%s /DA (/Helv %d Tf 0 g)",
			      fd->kind == KG_FORM_MULTILINE ? " /Ff 4096" : "",
			      fd->kind == KG_FORM_MULTILINE ? S_NOTE_SIZE
							    : S_TEXT_SIZE);
		if (fd->value) {
			kg_buf_puts(b, " /V ");
			kg_pdf_text(b, fd->value, strlen(fd->value));
		}
		break;
	case KG_FORM_CHECK:
		kg_buf_puts(b, " /FT /Btn /DA (/ZaDb 0 Tf 0 g) /V /Off");
		break;
	case KG_FORM_RADIO: /* Ff: Radio (bit 16) and NoToggleToOff (15) */
		kg_buf_puts(b, " /FT /Btn /Ff 49152 /DA (/ZaDb 0 Tf 0 g) /V /Off");
		break;
	}
	kg_buf_puts(b, " /Kids [");
	for (k = 0; k < fd->nkids; k++)
		kg_buf_printf(b, "%s%lu 0 R", k ? " " : "",
			      (unsigned long)fd->kids[k]);
	kg_buf_puts(b, "] >>");
	kg_pdf_obj_packed(f->pdf, fd->obj, b->ptr, b->len);
}

uint32_t kg_form_write(kg_form *f)
{
	uint32_t num;
	size_t i;

	if (!f || !f->nfields)
		return 0;
	for (i = 0; i < f->nlooks; i++)
		S_look_write(f, &f->looks[i]);
	for (i = 0; i < f->nfields; i++)
		S_field_write(f, &f->fields[i]);
	kg_buf_reset(&f->b);
	kg_buf_puts(&f->b, "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica "
		    "/Encoding /WinAnsiEncoding >>");
	kg_pdf_obj_packed(f->pdf, f->font, f->b.ptr, f->b.len);
	kg_buf_reset(&f->b);
	kg_buf_puts(&f->b, "<< /Type /Font /Subtype /Type1 "
		    "/BaseFont /ZapfDingbats >>");
	kg_pdf_obj_packed(f->pdf, f->dingbats, f->b.ptr, f->b.len);
	num = kg_pdf_reserve(f->pdf);
	kg_buf_reset(&f->b);
	kg_buf_puts(&f->b, "<< /Fields [");
	for (i = 0; i < f->nfields; i++)
		kg_buf_printf(&f->b, "%s%lu 0 R", i % 10 ? " " : "\n",
			      (unsigned long)f->fields[i].obj);
	kg_buf_printf(&f->b, "\n] /DR << /Font << /Helv %lu 0 R /ZaDb %lu 0 R "
		      ">> >> /DA (/Helv 0 Tf 0 g) >>", (unsigned long)f->font,
		      (unsigned long)f->dingbats);
	kg_pdf_obj_packed(f->pdf, num, f->b.ptr, f->b.len);
	return num;
}
