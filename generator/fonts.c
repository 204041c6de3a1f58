/*
 * fonts.c - typefaces for the PDF edition (see fonts.h).
 *
 * Why not libharu's own UTF-8 encoding: making a font with it looks up a
 * glyph for all 65,536 code units through a linear scan of the font's
 * cmap (several milliseconds a face), writes a 128 KiB CIDToGIDMap per
 * face, and libharu 2.3.0 writes its ToUnicode map with an operator that
 * is invalid there (poppler warns on every page). So the fonts use an
 * encoding of our own, registered through libharu's CMap encoder API:
 *
 *   - every character measured gets a two-byte code, in code point
 *     order (so the same text gives the same codes), made of bytes that
 *     need no escaping in a PDF string: 0x21..0x7E but for ( ) \ and
 *     0x80..0xFF;
 *   - the fonts are Type0 / CIDFontType2 with Identity-H, CID = code, so
 *     libharu's CIDToGIDMap covers only the codes in use;
 *   - kg_fonts_finish rewrites each font's ToUnicode stream as a valid
 *     bfchar map, so text extraction and search work.
 *
 * Widths come from libharu's font definition, once per character and
 * face (HPDF_TTFontDef_GetCharWidth also marks the glyph as used), then
 * from a cache of 256-entry pages. A face is loaded when it is first
 * measured; the others never reach the PDF.
 *
 * Embedding: kg_fonts_finish gives each font its descriptor before
 * libharu would make one, with a font program cut down by ttf_subset.c
 * to the glyphs marked, and deflates it and the font's maps itself
 * (pdf_deflate.c).
 *
 * The font files fontconfig finds are remembered for the life of the
 * process: fontconfig's start-up is the slow part, and every document of
 * a build asks for the same faces.
 */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <hpdf_doc.h>
#include <hpdf_encoder.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "pdf_deflate.h"
#include "ttf_subset.h"

#define S_ENCODING "KG-Identity-H"
#define S_UNKNOWN INT16_MIN
#define S_NBYTES 219 /* bytes usable in a code */
#define S_MAX_CODES (S_NBYTES * S_NBYTES - 1)

struct kg_fonts {
	HPDF_Doc pdf;
	const char *file[KG_NFACES];  /* the font files (fontconfig's cache) */
	kg_mark at[KG_NFACES];        /* where the style names the family */
	int failed[KG_NFACES];        /* the file would not load */
	const char *name[KG_NFACES];  /* libharu's font names */
	HPDF_FontDef def[KG_NFACES];
	HPDF_Font font[KG_NFACES];    /* after prepare; NULL when unused */
	int16_t *width[KG_NFACES][256];
	int measured[KG_NFACES];
	unsigned char used[65536 / 8]; /* characters measured, any face */
	uint16_t *code;                /* character -> code, after prepare */
	uint16_t *chars;               /* code number k -> character */
	size_t ncodes;
};

/* ---- fontconfig ----------------------------------------------------------- */

typedef struct S_found {
	char *family;
	int bold, italic;
	char *file;
} S_found;

static S_found *S_cache;
static size_t S_ncache, S_cache_cap;

static const char *const S_face_words[KG_NFACES] = {
	"regular", "bold", "oblique", "bold oblique", "regular"};

static const char *S_cached(const char *family, int bold, int italic)
{
	size_t i;

	for (i = 0; i < S_ncache; i++)
		if (strcmp(S_cache[i].family, family) == 0 &&
		    S_cache[i].bold == bold && S_cache[i].italic == italic)
			return S_cache[i].file;
	return NULL;
}

static int S_family_matches(FcPattern *m, const char *family)
{
	FcChar8 *fam;
	int i;

	for (i = 0; FcPatternGetString(m, FC_FAMILY, i, &fam) == FcResultMatch; i++)
		if (FcStrCmpIgnoreCase(fam, (const FcChar8 *)family) == 0)
			return 1;
	return 0;
}

/* The TrueType file of family in the given weight and slant, or NULL. */
static char *S_match(FcConfig *cfg, const char *family, int bold, int italic)
{
	FcPattern *p = FcPatternCreate(), *m;
	FcResult res;
	FcChar8 *file = NULL, *format = NULL;
	int weight = 0, slant = 0;
	char *out = NULL;

	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(p, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT, italic ? FC_SLANT_OBLIQUE : FC_SLANT_ROMAN);
	FcConfigSubstitute(cfg, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	m = FcFontMatch(cfg, p, &res);
	FcPatternDestroy(p);
	if (!m)
		return NULL;
	FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
	FcPatternGetInteger(m, FC_SLANT, 0, &slant);
	FcPatternGetString(m, FC_FONTFORMAT, 0, &format);
	if (S_family_matches(m, family) &&
	    FcPatternGetString(m, FC_FILE, 0, &file) == FcResultMatch &&
	    format && strcmp((const char *)format, "TrueType") == 0 &&
	    (weight >= FC_WEIGHT_DEMIBOLD) == !!bold &&
	    (slant != FC_SLANT_ROMAN) == !!italic)
		out = kg_xstrdup((const char *)file);
	FcPatternDestroy(m);
	return out;
}

/* Look up the faces not yet cached; 0, or -1 with a diagnostic per
 * missing face. */
static int S_find_all(const kg_pdf_style *st, kg_diags *d)
{
	FcConfig *cfg = NULL;
	int face, rc = 0;

	for (face = 0; face < KG_NFACES; face++) {
		const char *family = face == KG_FACE_MONO ? st->mono : st->sans;
		int bold = face == KG_FACE_BOLD || face == KG_FACE_BOLD_ITALIC;
		int italic = face == KG_FACE_ITALIC || face == KG_FACE_BOLD_ITALIC;
		char *file;

		if (S_cached(family, bold, italic))
			continue;
		if (!cfg && !(cfg = FcInitLoadConfigAndFonts()))
			return kg_error(d, st->sans_at, "cannot start fontconfig");
		file = S_match(cfg, family, bold, italic);
		if (!file) {
			rc = kg_error(d, face == KG_FACE_MONO ? st->mono_at : st->sans_at,
				      "font '%s' (%s, TrueType) not found by "
				      "fontconfig; install it or name another "
				      "family", family, S_face_words[face]);
			continue;
		}
		KG_GROW(S_cache, S_cache_cap, S_ncache + 1);
		S_cache[S_ncache].family = kg_xstrdup(family);
		S_cache[S_ncache].bold = bold;
		S_cache[S_ncache].italic = italic;
		S_cache[S_ncache].file = file;
		S_ncache++;
	}
	if (cfg)
		FcConfigDestroy(cfg);
	return rc;
}

/* ---- loading and measuring ------------------------------------------------ */

/* Load a face into the document; 0 or -1. */
static int S_load(kg_fonts *f, kg_face face)
{
	f->name[face] = HPDF_LoadTTFontFromFile(f->pdf, f->file[face], HPDF_TRUE);
	f->def[face] = f->name[face] ? HPDF_GetFontDef(f->pdf, f->name[face]) : NULL;
	if (!f->def[face]) {
		f->failed[face] = 1;
		return -1;
	}
	return 0;
}

static int S_load_error(const kg_fonts *f, kg_face face, kg_diags *d)
{
	return kg_error(d, f->at[face], "cannot load font file '%s' (libharu "
			"error 0x%04lX)", f->file[face],
			(unsigned long)HPDF_GetError(f->pdf));
}

kg_fonts *kg_fonts_new(HPDF_Doc pdf, const kg_pdf_style *st, kg_diags *d)
{
	kg_fonts *f;
	int face;

	if (S_find_all(st, d) < 0)
		return NULL;
	f = kg_xcalloc(1, sizeof(*f));
	f->pdf = pdf;
	for (face = 0; face < KG_NFACES; face++) {
		int mono = face == KG_FACE_MONO;

		f->file[face] = S_cached(mono ? st->mono : st->sans,
					 face == KG_FACE_BOLD || face == KG_FACE_BOLD_ITALIC,
					 face == KG_FACE_ITALIC || face == KG_FACE_BOLD_ITALIC);
		f->at[face] = mono ? st->mono_at : st->sans_at;
	}
	/* the regular face gives the line metrics: load it now */
	if (S_load(f, KG_FACE_REGULAR) < 0) {
		S_load_error(f, KG_FACE_REGULAR, d);
		kg_fonts_free(f);
		return NULL;
	}
	return f;
}

void kg_fonts_free(kg_fonts *f)
{
	int face, i;

	if (!f)
		return;
	for (face = 0; face < KG_NFACES; face++)
		for (i = 0; i < 256; i++)
			free(f->width[face][i]);
	free(f->code);
	free(f->chars);
	free(f);
}

uint32_t kg_utf8_next(const char **p, const char *end)
{
	const unsigned char *s = (const unsigned char *)*p;
	uint32_t c = *s, min;
	int n, i;

	if (c < 0x80) {
		*p += 1;
		return c;
	}
	if (c >= 0xC2 && c <= 0xDF)
		n = 1, c &= 0x1F, min = 0x80;
	else if (c >= 0xE0 && c <= 0xEF)
		n = 2, c &= 0x0F, min = 0x800;
	else if (c >= 0xF0 && c <= 0xF4)
		n = 3, c &= 0x07, min = 0x10000;
	else {
		*p += 1;
		return 0xFFFD;
	}
	for (i = 1; i <= n; i++) {
		if ((const char *)s + i >= end || (s[i] & 0xC0) != 0x80) {
			*p += i;
			return 0xFFFD;
		}
		c = c << 6 | (s[i] & 0x3F);
	}
	*p += n + 1;
	if (c < min || c > 0xFFFF || (c >= 0xD800 && c <= 0xDFFF))
		return 0xFFFD; /* overlong, outside the BMP, or a surrogate */
	return c;
}

int kg_fonts_char_width(kg_fonts *f, kg_face face, uint32_t c)
{
	int16_t *page;

	if (c > 0xFFFF)
		c = 0xFFFD;
	page = f->width[face][c >> 8];
	if (!page) {
		int i;

		page = f->width[face][c >> 8] = kg_xmalloc(256 * sizeof(*page));
		for (i = 0; i < 256; i++)
			page[i] = S_UNKNOWN;
	}
	if (page[c & 0xFF] == S_UNKNOWN) {
		if (!f->def[face] && (f->failed[face] || S_load(f, face) < 0))
			return f->def[KG_FACE_REGULAR]->missing_width;
		page[c & 0xFF] = HPDF_TTFontDef_GetCharWidth(f->def[face],
							     (HPDF_UINT16)c);
		f->used[c >> 3] |= (unsigned char)(1u << (c & 7));
		f->measured[face] = 1;
	}
	return page[c & 0xFF];
}

long kg_fonts_width(kg_fonts *f, kg_face face, const char *s, size_t len)
{
	const char *end = s + len;
	long w = 0;

	while (s < end)
		w += kg_fonts_char_width(f, face, kg_utf8_next(&s, end));
	return w;
}

int kg_fonts_ascent(const kg_fonts *f, kg_face face)
{
	return f->def[face]->ascent;
}

int kg_fonts_descent(const kg_fonts *f, kg_face face)
{
	return -f->def[face]->descent;
}

/* ---- the encoding ----------------------------------------------------------- */

static HPDF_BOOL S_always(HPDF_Encoder e, HPDF_BYTE b)
{
	(void)e;
	(void)b;
	return HPDF_TRUE;
}

/* Called by libharu when the encoding is first asked for: a two-byte
 * CMap encoder with no codes yet (kg_fonts_prepare adds them). */
static HPDF_STATUS S_encoder_init(HPDF_Encoder enc)
{
	HPDF_CMapEncoderAttr a;
	HPDF_CidRange_Rec space = {0x2121, 0xFFFF, 0};
	HPDF_STATUS rc = HPDF_CMapEncoder_InitAttr(enc);

	if (rc != HPDF_OK)
		return rc;
	a = (HPDF_CMapEncoderAttr)enc->attr;
	if ((rc = HPDF_CMapEncoder_AddCodeSpaceRange(enc, space)) != HPDF_OK)
		return rc;
	a->is_lead_byte_fn = S_always;
	a->is_trial_byte_fn = S_always;
	/* "Identity-H" makes libharu give the font /Encoding /Identity-H and
	 * put this map under /ToUnicode, which kg_fonts_finish rewrites */
	strcpy(a->registry, "Adobe");
	strcpy(a->ordering, "Identity-H");
	a->suppliment = 0;
	a->writing_mode = HPDF_WMODE_HORIZONTAL;
	enc->type = HPDF_ENCODER_TYPE_DOUBLE_BYTE;
	return HPDF_OK;
}

/* The byte of a code for digit i (0 <= i < S_NBYTES). */
static unsigned S_byte(size_t i)
{
	static const char skip[] = "()\\";
	unsigned b = 0x21;

	for (; b < 0x7F; b++)
		if (!strchr(skip, (int)b) && i-- == 0)
			return b;
	return 0x80 + (unsigned)i;
}

/* The k-th code. */
static uint16_t S_code(size_t k)
{
	return (uint16_t)(S_byte(k / S_NBYTES) << 8 | S_byte(k % S_NBYTES));
}

/* Codes for every character measured, in code point order. One extra
 * code past the last maps to a space: libharu's CIDToGIDMap and widths
 * stop one short of the highest CID. */
static void S_assign_codes(kg_fonts *f)
{
	uint32_t c;

	f->code = kg_xcalloc(65536, sizeof(*f->code));
	f->chars = kg_xmalloc(65536 * sizeof(*f->chars));
	for (c = 0; c < 65536; c++)
		if (f->used[c >> 3] & (1u << (c & 7)) && f->ncodes < S_MAX_CODES) {
			f->code[c] = S_code(f->ncodes);
			f->chars[f->ncodes++] = (uint16_t)c;
		}
	f->chars[f->ncodes] = ' ';
}

static int S_register_encoding(kg_fonts *f)
{
	char name[] = S_ENCODING;
	HPDF_Encoder enc = HPDF_CMapEncoder_New(f->pdf->mmgr, name, S_encoder_init);
	HPDF_CidRange_Rec *range;
	HPDF_UnicodeMap_Rec *map;
	size_t i;
	int rc = 0;

	if (!enc || HPDF_Doc_RegisterEncoder(f->pdf, enc) != HPDF_OK)
		return -1;
	enc = HPDF_GetEncoder(f->pdf, S_ENCODING);
	if (!enc)
		return -1;
	range = kg_xmalloc((f->ncodes + 2) * sizeof(*range));
	map = kg_xmalloc((f->ncodes + 2) * sizeof(*map));
	for (i = 0; i <= f->ncodes; i++) {
		range[i].from = range[i].to = range[i].cid = S_code(i);
		map[i].code = S_code(i);
		map[i].unicode = f->chars[i];
	}
	range[i].from = range[i].to = 0xFFFF;
	range[i].cid = 0;
	map[i].code = 0xFFFF;
	map[i].unicode = 0xFFFF;
	if (HPDF_CMapEncoder_AddCMap(enc, range) != HPDF_OK)
		rc = -1;
	else
		HPDF_CMapEncoder_SetUnicodeArray(enc, map);
	free(range);
	free(map);
	return rc;
}

int kg_fonts_prepare(kg_fonts *f, kg_diags *d)
{
	int face;

	for (face = 0; face < KG_NFACES; face++)
		if (f->failed[face])
			return S_load_error(f, (kg_face)face, d);
	S_assign_codes(f);
	if (f->ncodes >= S_MAX_CODES || S_register_encoding(f) < 0)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "cannot make the PDF "
				"font encoding (%zu characters; libharu error 0x%04lX)",
				f->ncodes, (unsigned long)HPDF_GetError(f->pdf));
	for (face = 0; face < KG_NFACES; face++) {
		if (!f->measured[face])
			continue;
		f->font[face] = HPDF_GetFont(f->pdf, f->name[face], S_ENCODING);
		if (!f->font[face])
			return kg_error(d, (kg_mark){NULL, 0, 0}, "cannot make PDF "
					"font '%s' (libharu error 0x%04lX)",
					f->name[face],
					(unsigned long)HPDF_GetError(f->pdf));
	}
	return 0;
}

HPDF_Font kg_fonts_pdf_font(const kg_fonts *f, kg_face face)
{
	return f->font[face];
}

void kg_fonts_encode(const kg_fonts *f, const char *s, size_t len, kg_buf *out)
{
	const char *end = s + len;
	char *p;

	kg_buf_grow(out, 2 * len + 2);
	p = out->ptr + out->len;
	*p++ = '(';
	while (s < end) {
		unsigned code = f->code[kg_utf8_next(&s, end)];

		*p++ = (char)(code >> 8);
		*p++ = (char)(code & 0xFF);
	}
	*p++ = ')';
	out->len = (size_t)(p - out->ptr);
	out->ptr[out->len] = '\0';
}

/* ---- ToUnicode ---------------------------------------------------------------- */

static void S_to_unicode(const kg_fonts *f, kg_buf *out)
{
	size_t i, j;

	kg_buf_puts(out, "/CIDInit /ProcSet findresource begin\n"
			 "12 dict begin\nbegincmap\n"
			 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
			 "/Supplement 0 >> def\n"
			 "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
			 "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (i = 0; i < f->ncodes; i += 100) {
		size_t n = f->ncodes - i < 100 ? f->ncodes - i : 100;

		kg_buf_printf(out, "%zu beginbfchar\n", n);
		for (j = i; j < i + n; j++)
			kg_buf_printf(out, "<%04X> <%04X>\n", (unsigned)S_code(j),
				      f->chars[j]);
		kg_buf_puts(out, "endbfchar\n");
	}
	kg_buf_puts(out, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
			 "end\nend\n");
}

static int S_read_file(const char *path, kg_buf *out)
{
	FILE *in = fopen(path, "rb");
	size_t got;

	if (!in)
		return -1;
	do {
		kg_buf_grow(out, 65536);
		got = fread(out->ptr + out->len, 1, 65536, in);
		out->len += got;
	} while (got > 0);
	out->ptr[out->len] = '\0';
	got = (size_t)ferror(in);
	fclose(in);
	return got ? -1 : 0;
}

/* The font descriptor with the font program, made before libharu would
 * make its own when the document is saved (it then keeps this one). */
static int S_embed(kg_fonts *f, kg_face face)
{
	HPDF_FontDef def = f->def[face];
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
	HPDF_MMgr mmgr = f->pdf->mmgr;
	HPDF_Dict desc, prog;
	kg_buf file = KG_BUF_INIT, sub = KG_BUF_INIT;
	HPDF_STATUS ret = HPDF_OK;
	int rc = -1;

	if (def->descriptor)
		return 0;
	if (S_read_file(f->file[face], &file) < 0 ||
	    kg_ttf_subset((const unsigned char *)file.ptr, file.len,
			  da->glyph_tbl.flgs, da->num_glyphs, &sub) < 0)
		goto out;
	desc = HPDF_Dict_New(mmgr);
	prog = HPDF_DictStream_New(mmgr, f->pdf->xref);
	if (!desc || !prog || HPDF_Xref_Add(f->pdf->xref, desc) != HPDF_OK)
		goto out;
	ret += HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
	ret += HPDF_Dict_AddName(desc, "FontName", da->base_font);
	ret += HPDF_Dict_AddNumber(desc, "Flags", (HPDF_INT32)def->flags);
	ret += HPDF_Dict_Add(desc, "FontBBox", HPDF_Box_Array_New(mmgr, def->font_bbox));
	ret += HPDF_Dict_AddNumber(desc, "ItalicAngle", def->italic_angle);
	ret += HPDF_Dict_AddNumber(desc, "Ascent", def->ascent);
	ret += HPDF_Dict_AddNumber(desc, "Descent", def->descent);
	ret += HPDF_Dict_AddNumber(desc, "CapHeight", def->cap_height ?
				   def->cap_height : def->ascent);
	ret += HPDF_Dict_AddNumber(desc, "XHeight", def->x_height);
	ret += HPDF_Dict_AddNumber(desc, "StemV", def->stemv);
	ret += HPDF_Dict_Add(desc, "FontFile2", prog);
	ret += HPDF_Dict_AddNumber(prog, "Length1", (HPDF_INT32)sub.len);
	if (ret == HPDF_OK && kg_pdf_deflate(prog, sub.ptr, sub.len) == 0) {
		def->descriptor = desc;
		rc = 0;
	}
out:
	kg_buf_release(&file);
	kg_buf_release(&sub);
	return rc;
}

int kg_fonts_finish(kg_fonts *f, kg_diags *d)
{
	kg_buf map = KG_BUF_INIT;
	int face, rc = 0;

	S_to_unicode(f, &map);
	for (face = 0; face < KG_NFACES && rc == 0; face++) {
		HPDF_FontAttr attr;
		HPDF_Dict cmap;

		if (!f->font[face])
			continue;
		attr = (HPDF_FontAttr)f->font[face]->attr;
		cmap = attr->cmap_stream;
		if (!cmap || HPDF_Dict_GetItem(f->font[face], "ToUnicode",
					       HPDF_OCLASS_DICT) != cmap) {
			rc = kg_error(d, (kg_mark){NULL, 0, 0}, "libharu made font "
				      "'%s' without a ToUnicode map", f->name[face]);
			break;
		}
		HPDF_MemStream_FreeData(cmap->stream);
		if (kg_pdf_deflate(cmap, map.ptr, map.len) < 0 ||
		    kg_pdf_deflate(attr->map_stream, NULL, 0) < 0)
			rc = kg_error(d, (kg_mark){NULL, 0, 0}, "cannot write the "
				      "maps of font '%s'", f->name[face]);
		else if (S_embed(f, (kg_face)face) < 0)
			rc = kg_error(d, f->at[face], "cannot embed font file '%s'",
				      f->file[face]);
	}
	kg_buf_release(&map);
	return rc;
}
