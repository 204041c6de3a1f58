/*
 * fonts.c - typefaces for the PDF edition (see fonts.h).
 *
 * libharu reads the TrueType files (HPDF_LoadTTFontFromFile: cmap,
 * widths, metrics, glyph flags); the PDF font objects are ours, written
 * through pdf_file.c at the end of the document. The encoding:
 *
 *   - every character measured gets a two-byte code, in code point
 *     order (so the same text gives the same codes), made of bytes that
 *     need no escaping in a PDF string: 0x21..0x7E but for ( ) \ and
 *     0x80..0xFF; the codes are made once every character is measured
 *     (kg_fonts_prepare, after the writer's first layout pass) and are
 *     the same for every face;
 *   - each face is a Type0 font with Identity-H (CID = code) over a
 *     CIDFontType2 font whose CIDToGIDMap gives the glyph of each code
 *     (covering only the codes in use, not all 65,536 code units as
 *     libharu's own UTF-8 encoding would);
 *   - one ToUnicode map, code to character, serves every face, so text
 *     extraction and search work.
 *
 * Widths come from libharu's font definition, once per character and
 * face (HPDF_TTFontDef_GetCharWidth also marks the glyph as used), then
 * from a cache of 256-entry pages. A face is loaded when it is first
 * measured; the others never reach the PDF.
 *
 * Embedding: the font program is cut down by ttf_subset.c to the glyphs
 * marked, named with a six-letter subset tag.
 *
 * The font files fontconfig finds are remembered for the life of the
 * process: fontconfig's start-up is the slow part, and every document of
 * a build asks for the same faces.
 */
#include "fonts.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <hpdf.h>
#include <hpdf_fontdef.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "file.h"
#include "ttf_subset.h"
#include "utf8.h"

/* A font file larger than this is not read (the largest TrueType fonts
 * with the whole of Unicode's BMP are about 20 MiB). */
#define S_MAX_FONT_FILE ((size_t)64 << 20)

#define S_UNKNOWN INT16_MIN
#define S_NBYTES 219 /* bytes usable in a code */
#define S_MAX_CODES (S_NBYTES * S_NBYTES - 1)

struct kg_fonts {
	HPDF_Doc pdf;                 /* libharu, our TrueType reader only */
	HPDF_STATUS err[2];           /* libharu's first error and detail */
	const char *file[KG_NFACES];  /* the font files (fontconfig's cache) */
	kg_mark at[KG_NFACES];        /* where the style names the family */
	int failed[KG_NFACES];        /* the file would not load */
	const char *name[KG_NFACES];  /* libharu's font names */
	HPDF_FontDef def[KG_NFACES];
	int16_t *width[KG_NFACES][256];
	int measured[KG_NFACES];
	unsigned char used[65536 / 8]; /* characters measured, any face */
	uint16_t *code;                /* character -> code, after prepare */
	uint16_t *chars;               /* code number k -> character */
	size_t ncodes;
	int prepared;                  /* the codes are made */
	int late;                      /* a character was measured after */
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
	"regular", "bold", "oblique", "bold oblique", "regular",
	"regular", "bold", "oblique", "bold oblique"};

/* The family the style names for face (fonts.text, fonts.mono or
 * fonts.sans), where it names it, and the face's weight and slant. */
static const char *S_family(const kg_pdf_style *st, kg_face face, kg_mark *at)
{
	if (face == KG_FACE_MONO) {
		*at = st->mono_at;
		return st->mono;
	}
	if (KG_FACE_IS_SANS(face)) {
		*at = st->sans_at;
		return st->sans;
	}
	*at = st->font_text_at;
	return st->font_text;
}

static int S_bold(kg_face face)
{
	return face == KG_FACE_BOLD || face == KG_FACE_BOLD_ITALIC ||
	       face == KG_FACE_SANS_BOLD || face == KG_FACE_SANS_BOLD_ITALIC;
}

static int S_italic(kg_face face)
{
	return face == KG_FACE_ITALIC || face == KG_FACE_BOLD_ITALIC ||
	       face == KG_FACE_SANS_ITALIC || face == KG_FACE_SANS_BOLD_ITALIC;
}

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
		kg_mark at;
		const char *family = S_family(st, (kg_face)face, &at);
		int bold = S_bold((kg_face)face);
		int italic = S_italic((kg_face)face);
		char *file;

		if (S_cached(family, bold, italic))
			continue;
		if (!cfg && !(cfg = FcInitLoadConfigAndFonts()))
			return kg_error(d, at, "cannot start fontconfig");
		file = S_match(cfg, family, bold, italic);
		if (!file) {
			rc = kg_error(d, at,
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

/* libharu allocates through kitgen's wrappers: out of memory in it is
 * kitgen's exit 3, not a libharu error that reads like a bad font. */
static void *S_hpdf_alloc(HPDF_UINT size)
{
	return kg_xmalloc(size);
}

static void S_hpdf_free(void *p)
{
	free(p);
}

/* libharu's error handler: keep the first error and its detail, which
 * S_load_error reports. */
static void S_error_handler(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	HPDF_STATUS *first = data;

	if (!first[0]) {
		first[0] = error;
		first[1] = detail;
	}
}

/* Load a face into the document; 0 or -1. */
static int S_load(kg_fonts *f, kg_face face)
{
	/* libharu opens the file itself: a FIFO would block it */
	if (kg_file_unreadable(f->file[face])) {
		f->failed[face] = 1;
		return -1;
	}
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
	const char *why = kg_file_unreadable(f->file[face]);

	if (why)
		return kg_io_error(d, f->at[face], "cannot load font file '%s': "
				   "%s", f->file[face], why);
	return kg_error(d, f->at[face], "cannot load font file '%s' (libharu "
			"error 0x%04lX, detail %lu)", f->file[face],
			(unsigned long)(f->err[0] ? f->err[0] : HPDF_GetError(f->pdf)),
			(unsigned long)f->err[1]);
}

kg_fonts *kg_fonts_new(const kg_pdf_style *st, kg_diags *d)
{
	kg_fonts *f;
	int face;

	if (S_find_all(st, d) < 0)
		return NULL;
	f = kg_xcalloc(1, sizeof(*f));
	f->pdf = HPDF_NewEx(S_error_handler, S_hpdf_alloc, S_hpdf_free, 0, f->err);
	if (!f->pdf) {
		kg_error(d, (kg_mark){NULL, 0, 0}, "cannot start libharu");
		kg_fonts_free(f);
		return NULL;
	}
	for (face = 0; face < KG_NFACES; face++)
		f->file[face] = S_cached(S_family(st, (kg_face)face, &f->at[face]),
					 S_bold((kg_face)face),
					 S_italic((kg_face)face));
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
	if (f->pdf)
		HPDF_Free(f->pdf);
	free(f);
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
		if (f->prepared && !(f->used[c >> 3] & (1u << (c & 7))))
			f->late = 1; /* it has no code: kg_fonts_write fails */
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
		w += kg_fonts_char_width(f, face, kg_utf8_next_bmp(&s, end));
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

/* Codes for every character measured, in code point order. */
static void S_assign_codes(kg_fonts *f)
{
	uint32_t c;

	free(f->code);
	free(f->chars);
	f->ncodes = 0;
	f->code = kg_xcalloc(65536, sizeof(*f->code));
	f->chars = kg_xmalloc(65536 * sizeof(*f->chars));
	for (c = 0; c < 65536; c++)
		if (f->used[c >> 3] & (1u << (c & 7)) && f->ncodes < S_MAX_CODES) {
			f->code[c] = S_code(f->ncodes);
			f->chars[f->ncodes++] = (uint16_t)c;
		}
}

int kg_fonts_prepare(kg_fonts *f, kg_diags *d)
{
	int face;

	for (face = 0; face < KG_NFACES; face++)
		if (f->failed[face])
			return S_load_error(f, (kg_face)face, d);
	S_assign_codes(f);
	if (f->ncodes >= S_MAX_CODES)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "cannot make the PDF "
				"font encoding (%zu characters)", f->ncodes);
	f->prepared = 1;
	return 0;
}

int kg_fonts_used(const kg_fonts *f, kg_face face)
{
	return f->measured[face];
}

void kg_fonts_encode(const kg_fonts *f, const char *s, size_t len, kg_buf *out)
{
	const char *end = s + len;
	char *p;

	kg_buf_grow(out, 2 * len + 2);
	p = out->ptr + out->len;
	*p++ = '(';
	while (s < end) {
		unsigned code = f->code[kg_utf8_next_bmp(&s, end)];

		*p++ = (char)(code >> 8);
		*p++ = (char)(code & 0xFF);
	}
	*p++ = ')';
	out->len = (size_t)(p - out->ptr);
	out->ptr[out->len] = '\0';
}

/* ---- the font objects ------------------------------------------------------------ */

/* One map from code to character for every face: the codes are shared. */
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

/* The width of character c in face, when the face measured it, or -1. */
static int S_known_width(const kg_fonts *f, kg_face face, uint32_t c)
{
	const int16_t *page = f->width[face][c >> 8];

	return page && page[c & 0xFF] != S_UNKNOWN ? page[c & 0xFF] : -1;
}

/* /W: the width of every code whose character the face measured, in
 * runs of consecutive codes. */
static void S_widths(const kg_fonts *f, kg_face face, kg_buf *b)
{
	long prev = -2;
	size_t k;

	kg_buf_puts(b, "/W [");
	for (k = 0; k < f->ncodes; k++) {
		int w = S_known_width(f, face, f->chars[k]);
		long code = S_code(k);

		if (w < 0)
			continue;
		if (code != prev + 1)
			kg_buf_printf(b, "%s%ld [", prev >= 0 ? "]\n" : "", code);
		kg_buf_printf(b, " %d", w);
		prev = code;
	}
	kg_buf_puts(b, prev >= 0 ? "] ]" : "]");
}

/* The CIDToGIDMap: for every code up to the last, its glyph (2 bytes,
 * big-endian); 0 for codes the face does not draw. */
static void S_gid_map(const kg_fonts *f, kg_face face, kg_buf *map)
{
	size_t k, last = f->ncodes ? S_code(f->ncodes - 1) : 0;

	kg_buf_grow(map, 2 * (last + 1));
	memset(map->ptr, 0, 2 * (last + 1));
	map->len = 2 * (last + 1);
	for (k = 0; k < f->ncodes; k++) {
		unsigned code = S_code(k), gid;

		if (S_known_width(f, face, f->chars[k]) < 0)
			continue;
		gid = HPDF_TTFontDef_GetGlyphid(f->def[face], f->chars[k]);
		map->ptr[2 * code] = (char)(gid >> 8);
		map->ptr[2 * code + 1] = (char)(gid & 0xFF);
	}
}

/* The subset's tag: six capitals from a hash of the face and its glyphs,
 * so that two different subsets get different names. */
static void S_tag(const kg_fonts *f, kg_face face, char tag[7])
{
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)f->def[face]->attr;
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; f->def[face]->base_font[i]; i++)
		h = (h ^ (unsigned char)f->def[face]->base_font[i]) * 16777619u;
	for (i = 0; i < da->num_glyphs; i++)
		if (da->glyph_tbl.flgs[i])
			h = (h ^ (uint32_t)i) * 16777619u;
	for (i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h = h / 26 + (uint32_t)i * 7919u;
	}
	tag[6] = '\0';
}
/* The bytes of a font file (a regular file, at most S_MAX_FONT_FILE);
 * 0 or -1: the caller reports that the font cannot be embedded. */
static int S_read_file(const char *path, kg_buf *out)
{
	kg_diags quiet = KG_DIAGS_INIT;
	int rc = kg_file_read(path, S_MAX_FONT_FILE, out, &quiet);

	kg_diags_free(&quiet);
	return rc;
}

/* One face: the Type0 font at obj, its CIDFontType2 descendant, the
 * descriptor with the metrics, the subset font program, the glyph map. */
static int S_write_face(kg_fonts *f, kg_face face, kg_pdf_file *pdf,
			uint32_t obj, uint32_t to_unicode)
{
	HPDF_FontDef def = f->def[face];
	HPDF_TTFontDefAttr da = (HPDF_TTFontDefAttr)def->attr;
	uint32_t cid = kg_pdf_reserve(pdf), desc = kg_pdf_reserve(pdf);
	uint32_t prog = kg_pdf_reserve(pdf), map = kg_pdf_reserve(pdf);
	kg_buf file = KG_BUF_INIT, sub = KG_BUF_INIT, b = KG_BUF_INIT;
	char tag[7], extra[64];
	/* "/TAG+Name": the subset tag and libharu's name of the face (its
	 * PostScript name and style, "DejaVuSans,Bold"), as a PDF name */
	kg_buf name = KG_BUF_INIT;
	int rc = -1;

	if (S_read_file(f->file[face], &file) < 0 ||
	    kg_ttf_subset((const unsigned char *)file.ptr, file.len,
			  da->glyph_tbl.flgs, da->num_glyphs, &sub) < 0)
		goto out;
	S_tag(f, face, tag);
	/* any family fontconfig finds may name the font: escape the name */
	kg_buf_printf(&b, "%s+%s", tag, def->base_font);
	kg_pdf_name(&name, b.ptr);
	kg_buf_reset(&b);

	kg_pdf_obj_begin(pdf, obj);
	kg_buf_puts(&b, "<< /Type /Font /Subtype /Type0 /BaseFont ");
	kg_buf_puts(&b, name.ptr);
	kg_buf_printf(&b, " /Encoding /Identity-H /DescendantFonts [%lu 0 R]"
		      " /ToUnicode %lu 0 R >>", (unsigned long)cid,
		      (unsigned long)to_unicode);
	kg_pdf_put_buf(pdf, &b);
	kg_pdf_obj_end(pdf);

	kg_buf_reset(&b);
	kg_pdf_obj_begin(pdf, cid);
	kg_buf_printf(&b, "<< /Type /Font /Subtype /CIDFontType2 /BaseFont "
		      "%s /CIDSystemInfo << /Registry (Adobe) /Ordering "
		      "(Identity) /Supplement 0 >> /FontDescriptor %lu 0 R "
		      "/DW %d /CIDToGIDMap %lu 0 R\n", name.ptr,
		      (unsigned long)desc, def->missing_width, (unsigned long)map);
	S_widths(f, face, &b);
	kg_buf_puts(&b, " >>");
	kg_pdf_put_buf(pdf, &b);
	kg_pdf_obj_end(pdf);

	kg_buf_reset(&b);
	kg_pdf_obj_begin(pdf, desc);
	kg_buf_printf(&b, "<< /Type /FontDescriptor /FontName %s /Flags %u "
		      "/FontBBox [%ld %ld %ld %ld] /ItalicAngle %d /Ascent %d "
		      "/Descent %d /CapHeight %d /XHeight %u /StemV %u "
		      "/FontFile2 %lu 0 R >>", name.ptr, def->flags,
		      lrintf(def->font_bbox.left), lrintf(def->font_bbox.bottom),
		      lrintf(def->font_bbox.right), lrintf(def->font_bbox.top),
		      def->italic_angle, def->ascent, def->descent,
		      def->cap_height ? def->cap_height : def->ascent,
		      def->x_height, def->stemv, (unsigned long)prog);
	kg_pdf_put_buf(pdf, &b);
	kg_pdf_obj_end(pdf);

	snprintf(extra, sizeof(extra), "/Length1 %lu", (unsigned long)sub.len);
	kg_pdf_stream(pdf, prog, extra, sub.ptr, sub.len);
	kg_buf_reset(&b);
	S_gid_map(f, face, &b);
	kg_pdf_stream(pdf, map, NULL, b.ptr, b.len);
	rc = 0;
out:
	kg_buf_release(&file);
	kg_buf_release(&sub);
	kg_buf_release(&b);
	kg_buf_release(&name);
	return rc;
}

int kg_fonts_write(kg_fonts *f, kg_pdf_file *pdf, const uint32_t *objs,
		   kg_diags *d)
{
	kg_buf map = KG_BUF_INIT;
	uint32_t to_unicode = 0;
	int face, rc = 0;

	if (f->late)
		return kg_error(d, (kg_mark){NULL, 0, 0}, "a character was measured "
				"after the PDF fonts were made");
	for (face = 0; face < KG_NFACES && rc == 0; face++) {
		if (!f->measured[face])
			continue;
		if (!objs[face]) /* first measured after the numbers were given */
			return kg_error(d, f->at[face], "internal error: font "
					"face '%s' was first used in the second "
					"layout pass", f->file[face]);
		if (!to_unicode) {
			to_unicode = kg_pdf_reserve(pdf);
			S_to_unicode(f, &map);
			kg_pdf_stream(pdf, to_unicode, NULL, map.ptr, map.len);
		}
		if (S_write_face(f, (kg_face)face, pdf, objs[face], to_unicode) < 0)
			rc = kg_error(d, f->at[face], "cannot embed font file '%s'",
				      f->file[face]);
	}
	kg_buf_release(&map);
	return rc;
}

/* ---- the layout engine's interface (metrics.h) ------------------------------ */

static int S_m_char_width(void *ctx, kg_face face, uint32_t c)
{
	return kg_fonts_char_width(ctx, face, c);
}

static long S_m_width(void *ctx, kg_face face, const char *s, size_t len)
{
	return kg_fonts_width(ctx, face, s, len);
}

static int S_m_ascent(const void *ctx, kg_face face)
{
	return kg_fonts_ascent(ctx, face);
}

static int S_m_descent(const void *ctx, kg_face face)
{
	return kg_fonts_descent(ctx, face);
}

kg_metrics kg_fonts_metrics(kg_fonts *f)
{
	kg_metrics m;

	m.ctx = f;
	m.char_width = S_m_char_width;
	m.width = S_m_width;
	m.ascent = S_m_ascent;
	m.descent = S_m_descent;
	return m;
}
