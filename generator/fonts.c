/*
 * fonts.c - typefaces for the PDF edition (see fonts.h, fonts_int.h).
 *
 * fontconfig finds the style's five faces, and for a character a face
 * lacks, the best installed face that has it (FcFontSort's list for the
 * kit's language, first with the character in its charset, TrueType
 * outlines, not colour, a collection's first face: asked once per
 * character and language for the life of the process). libharu reads
 * each file's descriptor metrics (ascent, descent, box, flags, name);
 * HarfBuzz reads the same file to shape (fonts_shape.c) and gives the
 * glyph advances.
 *
 * Codes: each font numbers the (glyph, text) pairs it draws as they are
 * first shaped; a code is two bytes that need no escaping in a PDF
 * string (0x21..0x7E but for ( ) \ and 0x80..0xFF). Each font is a
 * Type0 font with Identity-H (CID = code) over a CIDFontType2 font whose
 * CIDToGIDMap gives the glyph of each code, and its own ToUnicode map,
 * code to text: a ligature's code gives its characters, so copying and
 * search work.
 *
 * Embedding: the font program is cut down by ttf_subset.c to the glyphs
 * drawn, named with a six-letter subset tag.
 *
 * The font files fontconfig finds are remembered for the life of the
 * process: fontconfig's start-up is the slow part, and every document of
 * a build asks for the same faces. So are the faces read from them
 * (libharu's metrics, HarfBuzz's face and font) and the last few subsets
 * deflated for each: see "the face cache" below, and fonts.h's "Shared
 * faces" for what stays a document's own.
 */
#include "fonts.h"
#include "fonts_int.h"

#include <fontconfig/fontconfig.h>
#include <stdio.h>
#include <hpdf_fontdef.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "file.h"
#include "shape_ahead.h"
#include "ttf_subset.h"
#include "utf8.h"
#include "warm.h"

static void S_warm_join(void);

/* A font file larger than this is not read (the largest TrueType fonts
 * with the whole of Unicode's BMP are about 20 MiB). */
#define S_MAX_FONT_FILE ((size_t)64 << 20)

/* ---- fontconfig ----------------------------------------------------------- */

typedef struct S_found {
	char *family;
	int bold, italic;
	char *file;
} S_found;

static S_found *S_cache;
static size_t S_ncache, S_cache_cap;

/* fontconfig's configuration, loaded once (the faces' look-up and the
 * fallback's share it) and freed at exit */
static FcConfig *S_fc;
static void S_fb_free(void);

static FcConfig *S_config(void)
{
	if (!S_fc && (S_fc = FcInitLoadConfigAndFonts()))
		atexit(S_fb_free);
	return S_fc;
}

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

/* The face that is face but upright. */
static kg_face S_upright(kg_face face)
{
	switch (face) {
	case KG_FACE_ITALIC: return KG_FACE_REGULAR;
	case KG_FACE_BOLD_ITALIC: return KG_FACE_BOLD;
	case KG_FACE_SANS_ITALIC: return KG_FACE_SANS;
	case KG_FACE_SANS_BOLD_ITALIC: return KG_FACE_SANS_BOLD;
	default: return face;
	}
}

/* Is face drawn from an italic file? Not in a language without italics
 * (kg_pdf_style's upright): there its italic faces are the upright ones,
 * so emphasis is never a slanted fake. */
static int S_italic_in(const kg_pdf_style *st, kg_face face)
{
	return S_italic(face) && !st->upright;
}

int kg_font_synthetic_bold(const kg_fonts *f, kg_face face, size_t i)
{
	return i >= KG_NFACES && S_bold(face) && !f->font[i].heavy;
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

/* Complete p as fontconfig would, but for lang, not the environment's
 * languages: FcDefaultSubstitute adds the locale's (LANG, LC_ALL) to
 * what a pattern asks, and a build's fonts, so its bytes, would change
 * with the machine's locale. Names are read in English. */
static void S_substitute(FcConfig *cfg, FcPattern *p, const char *lang)
{
	static const char *const names[] = {FC_NAMELANG, FC_FAMILYLANG,
					    FC_STYLELANG, FC_FULLNAMELANG};
	size_t i;

	FcPatternAddString(p, FC_LANG, (const FcChar8 *)lang);
	FcConfigSubstitute(cfg, p, FcMatchPattern);
	FcDefaultSubstitute(p);
	FcPatternDel(p, FC_LANG);
	FcPatternAddString(p, FC_LANG, (const FcChar8 *)lang);
	for (i = 0; i < sizeof(names) / sizeof(*names); i++) {
		FcPatternDel(p, names[i]);
		FcPatternAddString(p, names[i], (const FcChar8 *)"en");
	}
}

/* The TrueType file of family in the given weight and slant, or NULL;
 * *later is set when it is a later face of a collection (kitgen reads a
 * .ttc file's first face only). */
static char *S_match(FcConfig *cfg, const char *family, int bold, int italic,
		     int *later)
{
	FcPattern *p = FcPatternCreate(), *m;
	FcResult res;
	FcChar8 *file = NULL, *format = NULL;
	int weight = 0, slant = 0, index = 0, ours;
	char *out = NULL;

	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	FcPatternAddInteger(p, FC_WEIGHT, bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR);
	FcPatternAddInteger(p, FC_SLANT, italic ? FC_SLANT_OBLIQUE : FC_SLANT_ROMAN);
	S_substitute(cfg, p, "en");
	m = FcFontMatch(cfg, p, &res);
	FcPatternDestroy(p);
	if (!m)
		return NULL;
	FcPatternGetInteger(m, FC_WEIGHT, 0, &weight);
	FcPatternGetInteger(m, FC_SLANT, 0, &slant);
	FcPatternGetString(m, FC_FONTFORMAT, 0, &format);
	FcPatternGetInteger(m, FC_INDEX, 0, &index);
	ours = S_family_matches(m, family);
	*later = ours && index != 0;
	if (ours && index == 0 &&
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
		int italic = S_italic_in(st, (kg_face)face);
		char *file;
		int later = 0;

		if (S_cached(family, bold, italic))
			continue;
		if (!cfg && !(cfg = S_config()))
			return kg_error(d, at, "cannot start fontconfig");
		file = S_match(cfg, family, bold, italic, &later);
		if (!file && later) {
			rc = kg_error(d, at,
				      "font '%s' (%s) is a later face of a font "
				      "collection (.ttc), and kitgen reads only "
				      "a collection's first; name another family",
				      family, S_face_words[face]);
			continue;
		}
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
	return rc;
}

/* ---- fallback faces --------------------------------------------------------- */

/* Per family and language, fontconfig's list of every face best first
 * (FcFontSort), and the face chosen for each character the family lacks:
 * asked once per character for the life of the process. The language is
 * the kit's, never the environment's: a Japanese kit prefers the faces
 * made for Japanese, and a build's bytes do not depend on its locale. */
typedef struct S_fb_family {
	char *family;
	char *lang;
	FcFontSet *set;
	uint32_t *keys;     /* character + 1, 0 for an empty slot */
	const char **files; /* the chosen file, NULL for none */
	size_t n, cap;
} S_fb_family;

static S_fb_family *S_fb;
static size_t S_nfb, S_fb_cap;
static char **S_files; /* every fallback file named, kept */
static size_t S_nfiles, S_files_cap;

static const char *S_keep_file(const char *file)
{
	size_t i;

	for (i = 0; i < S_nfiles; i++)
		if (strcmp(S_files[i], file) == 0)
			return S_files[i];
	KG_GROW(S_files, S_files_cap, S_nfiles + 1);
	return S_files[S_nfiles++] = kg_xstrdup(file);
}

/* At exit: fontconfig's structures hold offsets that valgrind cannot
 * follow, so a live configuration would read as a leak. */
static void S_fb_free(void)
{
	size_t i;

	S_warm_join();

	for (i = 0; i < S_nfb; i++) {
		free(S_fb[i].family);
		free(S_fb[i].lang);
		if (S_fb[i].set)
			FcFontSetDestroy(S_fb[i].set);
		free(S_fb[i].keys);
		free(S_fb[i].files);
	}
	free(S_fb);
	for (i = 0; i < S_nfiles; i++)
		free(S_files[i]);
	free(S_files);
	if (S_fc)
		FcConfigDestroy(S_fc);
}

static S_fb_family *S_fb_family_of(const char *family, const char *lang)
{
	FcPattern *p;
	FcResult res;
	size_t i;

	for (i = 0; i < S_nfb; i++)
		if (strcmp(S_fb[i].family, family) == 0 &&
		    strcmp(S_fb[i].lang, lang) == 0)
			return &S_fb[i];
	if (!S_config())
		return NULL;
	KG_GROW(S_fb, S_fb_cap, S_nfb + 1);
	memset(&S_fb[S_nfb], 0, sizeof(S_fb[S_nfb]));
	S_fb[S_nfb].family = kg_xstrdup(family);
	S_fb[S_nfb].lang = kg_xstrdup(lang);
	p = FcPatternCreate();
	FcPatternAddString(p, FC_FAMILY, (const FcChar8 *)family);
	S_substitute(S_fc, p, lang);
	S_fb[S_nfb].set = FcFontSort(S_fc, p, FcFalse, NULL, &res);
	FcPatternDestroy(p);
	return &S_fb[S_nfb++];
}

static size_t S_fb_slot(const S_fb_family *fb, uint32_t c)
{
	size_t i = (c * 2654435761u) & (fb->cap - 1);

	while (fb->keys[i] && fb->keys[i] != c + 1)
		i = (i + 1) & (fb->cap - 1);
	return i;
}

static void S_fb_put(S_fb_family *fb, uint32_t c, const char *file)
{
	size_t i;

	if (2 * (fb->n + 1) > fb->cap) {
		uint32_t *keys = fb->keys;
		const char **files = fb->files;
		size_t old = fb->cap, j;

		fb->cap = old ? 2 * old : 64;
		fb->keys = kg_xcalloc(fb->cap, sizeof(*fb->keys));
		fb->files = kg_xcalloc(fb->cap, sizeof(*fb->files));
		for (j = 0; j < old; j++)
			if (keys[j]) {
				i = S_fb_slot(fb, keys[j] - 1);
				fb->keys[i] = keys[j];
				fb->files[i] = files[j];
			}
		free(keys);
		free(files);
	}
	i = S_fb_slot(fb, c);
	if (!fb->keys[i])
		fb->n++;
	fb->keys[i] = c + 1;
	fb->files[i] = file;
}

/* The index of the font of file in f's list, added when new, and
 * loaded (it may be one of the style's faces, which load when first
 * used); -1 when it does not load. */
static long S_font_of_file(kg_fonts *f, const char *file, kg_mark at)
{
	size_t i;

	for (i = 0; i < f->nfonts; i++)
		if (f->font[i].file && strcmp(f->font[i].file, file) == 0)
			return kg_font_load(f, i) < 0 ? -1 : (long)i;
	KG_GROW(f->font, f->cap_fonts, f->nfonts + 1);
	memset(&f->font[f->nfonts], 0, sizeof(f->font[0]));
	f->font[f->nfonts].file = file;
	f->font[f->nfonts].at = at;
	f->nfonts++;
	return kg_font_load(f, f->nfonts - 1) < 0 ? -1 : (long)(f->nfonts - 1);
}

long kg_font_fallback(kg_fonts *f, kg_face face, uint32_t c)
{
	S_fb_family *fb = S_fb_family_of(f->family[face], f->lang);
	const char *file = NULL;
	int k;

	if (!fb || !fb->set)
		return -1;
	if (fb->cap && fb->keys[S_fb_slot(fb, c)] == c + 1) {
		file = fb->files[S_fb_slot(fb, c)];
		return file ? S_font_of_file(f, file, f->font[face].at) : -1;
	}
	for (k = 0; k < fb->set->nfont; k++) {
		FcPattern *m = fb->set->fonts[k];
		FcCharSet *cs;
		FcChar8 *path, *format;
		FcBool color = FcFalse;
		int index = 0;
		long i;

		if (FcPatternGetCharSet(m, FC_CHARSET, 0, &cs) != FcResultMatch ||
		    !FcCharSetHasChar(cs, c) ||
		    FcPatternGetString(m, FC_FILE, 0, &path) != FcResultMatch ||
		    FcPatternGetString(m, FC_FONTFORMAT, 0, &format) != FcResultMatch ||
		    strcmp((const char *)format, "TrueType") != 0)
			continue;
		FcPatternGetBool(m, FC_COLOR, 0, &color);
		FcPatternGetInteger(m, FC_INDEX, 0, &index);
		if (color || index != 0)
			continue;
		i = S_font_of_file(f, S_keep_file((const char *)path), f->font[face].at);
		if (i >= 0 && kg_font_has(f, (size_t)i, c)) {
			file = f->font[i].file;
			break;
		}
	}
	S_fb_put(fb, c, file);
	return file ? S_font_of_file(f, file, f->font[face].at) : -1;
}

int kg_fonts_covers(kg_fonts *f, kg_face face, uint32_t c)
{
	return kg_font_has(f, face, c) || kg_font_fallback(f, face, c) >= 0;
}

/* ---- the face cache ---------------------------------------------------------- */

/* A font program as embedded: the face's subset for one set of glyphs,
 * deflated. The documents of a build often draw a face with the very
 * same glyphs (half of content/'s 500 font programs repeat one before
 * them), so each face keeps the last few it made (four: eight took as
 * long and 1.7 MiB more). */
#define S_NPROGS 4
typedef struct S_prog {
	uint32_t hash;          /* of the glyphs drawn */
	unsigned char *used;    /* the face's nglyphs flags; NULL: empty slot */
	size_t len;             /* the subset's bytes, for /Length1 */
	kg_buf z;               /* deflated */
	unsigned long stamp;    /* when last written: the oldest goes first */
} S_prog;

/* Every font file loaded, for the life of the process (fonts.h, "Shared
 * faces"): libharu's descriptor metrics and HarfBuzz's face and font of
 * a file are the same in every document of a build, and reading them
 * (libharu reads the whole file, several hundred KiB a face) was most of
 * what a small document cost. Each face is an allocation of its own, so
 * documents keep pointers to it while the list grows; each has its own
 * libharu document, so that two files with the same PostScript name
 * never meet in one (libharu refuses a second font of a name). */
typedef struct S_face {
	kg_face_file pub;       /* first: a kg_font's src points here */
	HPDF_Doc hpdf;          /* libharu, our TrueType reader only */
	S_prog prog[S_NPROGS];
} S_face;

static S_face **S_faces;
static size_t S_nfaces, S_faces_cap;

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

/* Does the face have a glyf table (outlines a CIDFontType2 can embed)? */
static int S_has_glyf(hb_face_t *face)
{
	hb_blob_t *b = hb_face_reference_table(face, HB_TAG('g', 'l', 'y', 'f'));
	int ok = hb_blob_get_length(b) > 0;

	hb_blob_destroy(b);
	return ok;
}

/* At exit, so that a run under valgrind ends with nothing held. */
static void S_faces_free(void)
{
	size_t i, j;

	S_warm_join();

	for (i = 0; i < S_nfaces; i++) {
		S_face *e = S_faces[i];

		hb_font_destroy(e->pub.hfont);
		hb_face_destroy(e->pub.hface);
		hb_blob_destroy(e->pub.blob);
		if (e->hpdf)
			HPDF_Free(e->hpdf);
		for (j = 0; j < S_NPROGS; j++) {
			free(e->prog[j].used);
			kg_buf_release(&e->prog[j].z);
		}
		free(e);
	}
	free(S_faces);
	S_faces = NULL;
	S_nfaces = S_faces_cap = 0;
}

/* Does file start as a font collection does ('ttcf')? */
static int S_is_collection(const char *file)
{
	char tag[4] = {0};
	FILE *fp = fopen(file, "rb");

	if (!fp)
		return 0;
	if (fread(tag, 1, 4, fp) != 4)
		tag[0] = 0;
	fclose(fp);
	return memcmp(tag, "ttcf", 4) == 0;
}

/* Read file as a face: pub.failed when libharu or HarfBuzz cannot. */
static void S_face_read(S_face *e)
{
	kg_face_file *ff = &e->pub;

	/* libharu opens the file itself: a FIFO would block it */
	if (kg_file_unreadable(ff->file))
		return;
	e->hpdf = HPDF_NewEx(S_error_handler, S_hpdf_alloc, S_hpdf_free, 0, ff->err);
	if (!e->hpdf)
		kg_oom(0);
	/* a collection (.ttc): its first font, as fontconfig's index 0 */
	ff->name = S_is_collection(ff->file) ?
		HPDF_LoadTTFontFromFile2(e->hpdf, ff->file, 0, HPDF_TRUE) :
		HPDF_LoadTTFontFromFile(e->hpdf, ff->file, HPDF_TRUE);
	ff->def = ff->name ? HPDF_GetFontDef(e->hpdf, ff->name) : NULL;
	if (!ff->err[0])
		ff->err[0] = HPDF_GetError(e->hpdf);
	if (!ff->def)
		return;
	/* libharu has read the file: HarfBuzz failing on it now is memory */
	ff->blob = hb_blob_create_from_file_or_fail(ff->file);
	if (!ff->blob)
		kg_oom(0);
	ff->hface = hb_face_create(ff->blob, 0);
	if (ff->hface == hb_face_get_empty())
		kg_oom(0);
	if (!S_has_glyf(ff->hface))
		return;
	ff->hfont = hb_font_create(ff->hface);
	if (ff->hfont == hb_font_get_empty())
		kg_oom(0);
	hb_font_set_scale(ff->hfont, 1000, 1000);
	ff->nglyphs = hb_face_get_glyph_count(ff->hface);
	ff->failed = 0;
}

/* The face of file if it has been read already, else NULL. */
static S_face *S_face_find(const char *file)
{
	size_t i;

	for (i = 0; i < S_nfaces; i++)
		if (strcmp(S_faces[i]->pub.file, file) == 0)
			return S_faces[i];
	return NULL;
}

/* The face of file, read the first time it is asked for. */
static const kg_face_file *S_face_file(const char *file)
{
	S_face *e = S_face_find(file);

	if (e)
		return &e->pub;
	if (!S_faces)
		atexit(S_faces_free);
	KG_GROW(S_faces, S_faces_cap, S_nfaces + 1);
	e = kg_xcalloc(1, sizeof(*e));
	S_faces[S_nfaces++] = e;
	e->pub.file = file;
	e->pub.failed = 1;
	S_face_read(e);
	return &e->pub;
}

/* ---- a document's fonts ---------------------------------------------------- */

/* ---- warming up ------------------------------------------------------------------ */

/* A build that writes a PDF reads the kit first (YAML and Markdown: tens
 * of milliseconds), and only then asks for its fonts, whose first use
 * costs a few more: fontconfig's start and libharu's and HarfBuzz's
 * reading of each face. kg_fonts_warm does that ahead (warm.h), into the
 * shared state above; the first kg_fonts_new joins it, the build before
 * it returns (kg_fonts_warm_wait), and the handlers that free the shared
 * faces. The thread reports nothing: a face it cannot find or read is
 * found missing again, and reported, by the document that asks for it. */
static kg_warm S_warm = KG_WARM_INIT;

static void *S_warm_run(void *arg)
{
	char *path = arg;
	kg_diags quiet = KG_DIAGS_INIT;
	kg_pdf_style st;
	size_t i;

	if (kg_pdf_style_load(path, &st, &quiet) == 0 &&
	    S_find_all(&st, &quiet) == 0)
		for (i = 0; i < S_ncache; i++)
			S_face_file(S_cache[i].file);
	kg_pdf_style_free(&st); /* also after a failure (pdf_style.h) */
	kg_diags_free(&quiet);
	free(path);
	return NULL;
}

/* Wait for the thread: 1 when it ran out of memory. */
static int S_warm_wait(void)
{
	return kg_warm_join(&S_warm);
}

static void S_warm_join(void)
{
	S_warm_wait();
}

void kg_fonts_warm_wait(void)
{
	S_warm_join();
}

void kg_fonts_warm(const char *style_path)
{
	static int once;
	char *path;

	if (once++)
		return;
	path = kg_xstrdup(style_path);
	if (!kg_warm_start(&S_warm, S_warm_run, path, S_warm_join))
		free(path); /* no thread: the first document loads its fonts */
}

int kg_font_load(kg_fonts *f, size_t i)
{
	kg_font *ft = &f->font[i];
	const kg_face_file *src;

	if (ft->hfont)
		return 0;
	if (ft->failed)
		return -1;
	ft->failed = 1;
	ft->src = src = S_face_file(ft->file);
	ft->name = src->name;
	ft->def = src->def;
	if (src->failed)
		return -1;
	ft->hfont = src->hfont;
	ft->nglyphs = src->nglyphs;
	/* a face that is bold in itself: no drawn bold (fonts_shape.c) */
	ft->heavy = hb_style_get_value(src->hfont, HB_STYLE_TAG_WEIGHT) >= 600;
	ft->used = kg_xcalloc(ft->nglyphs ? ft->nglyphs : 1, 1);
	ft->used[0] = 1;
	ft->failed = 0;
	return 0;
}

int kg_font_has(kg_fonts *f, size_t i, uint32_t c)
{
	hb_codepoint_t g;

	return kg_font_load(f, i) == 0 &&
	       hb_font_get_nominal_glyph(f->font[i].hfont, c, &g);
}

static int S_load_error(const kg_fonts *f, size_t i, kg_diags *d)
{
	const kg_font *ft = &f->font[i];
	const char *why = kg_file_unreadable(ft->file);

	if (why)
		return kg_io_error(d, ft->at, "cannot load font file '%s': %s",
				   ft->file, why);
	if (ft->def && !ft->hfont)
		return kg_error(d, ft->at, "cannot load font file '%s' (not a "
				"TrueType font with outlines, or HarfBuzz cannot "
				"read it)", ft->file);
	return kg_error(d, ft->at, "cannot load font file '%s' (libharu "
			"error 0x%04lX, detail %lu)", ft->file,
			(unsigned long)(ft->src ? ft->src->err[0] : 0),
			(unsigned long)(ft->src ? ft->src->err[1] : 0));
}

kg_fonts *kg_fonts_new(const kg_pdf_style *st, kg_diags *d)
{
	kg_fonts *f;
	int face;

	if (S_warm_wait()) /* out of memory there is out of memory here */
		kg_oom(0);
	if (S_find_all(st, d) < 0)
		return NULL;
	f = kg_xcalloc(1, sizeof(*f));
	f->d = d;
	f->lang = kg_xstrdup(st->lang ? st->lang : "en");
	f->hblang = hb_language_from_string(f->lang, -1);
	f->buf = hb_buffer_create();
	if (!hb_buffer_allocation_successful(f->buf))
		kg_oom(0);
	KG_GROW(f->font, f->cap_fonts, KG_NFACES);
	memset(f->font, 0, KG_NFACES * sizeof(*f->font));
	f->nfonts = KG_NFACES;
	for (face = 0; face < KG_NFACES; face++) {
		f->family[face] = S_family(st, (kg_face)face, &f->font[face].at);
		f->font[face].file = S_cached(f->family[face],
					      S_bold((kg_face)face),
					      S_italic_in(st, (kg_face)face));
		f->own[face] = (uint8_t)(S_italic((kg_face)face) &&
					 !S_italic_in(st, (kg_face)face) ?
					 S_upright((kg_face)face) : (kg_face)face);
	}
	/* the regular face gives the line metrics: load it now */
	if (kg_font_load(f, KG_FACE_REGULAR) < 0) {
		S_load_error(f, KG_FACE_REGULAR, d);
		kg_fonts_free(f);
		return NULL;
	}
	return f;
}

/* The HarfBuzz font of file if it has been read already (the fonts'
 * warm-up reads every face of the style), else NULL: nothing is read. */
static hb_font_t *S_face_read_already(const char *file)
{
	const S_face *e = S_face_find(file);

	return e && !e->pub.failed ? e->pub.hfont : NULL;
}

void kg_fonts_ahead(kg_fonts *f, const kg_quotes *quotes)
{
	hb_font_t *faces[KG_NFACES];
	int face;

	/* the faces the warm-up read (without which there is no thread
	 * either), not loaded into the document: a face that cannot be read
	 * is an error only when the document uses it */
	for (face = 0; face < KG_NFACES; face++)
		faces[face] = f->font[face].file
			      ? S_face_read_already(f->font[face].file) : NULL;
	kg_ahead_warm(faces, KG_NFACES);
	if (faces[KG_FACE_REGULAR] && faces[KG_FACE_MONO])
		kg_ahead_start(faces[KG_FACE_REGULAR], faces[KG_FACE_MONO],
			       f->hblang, quotes);
}

void kg_fonts_free(kg_fonts *f)
{
	size_t i;

	if (!f)
		return;
	kg_fonts_shape_free(f);
	for (i = 0; i < f->nfonts; i++) {
		kg_font *ft = &f->font[i];

		free(ft->used);
		free(ft->gid);
		free(ft->width);
		free(ft->text);
		free(ft->tlen);
		free(ft->tab);
		kg_buf_release(&ft->texts);
	}
	free(f->font);
	free(f->lang);
	if (f->buf)
		hb_buffer_destroy(f->buf);
	free(f);
}

/* ---- measuring ------------------------------------------------------------------- */

int kg_fonts_char_width(kg_fonts *f, kg_face face, uint32_t c)
{
	char s[4];
	size_t n;

	if (c < 0x80) {
		s[0] = (char)c;
		n = 1;
	} else if (c < 0x800) {
		s[0] = (char)(0xC0 | c >> 6);
		s[1] = (char)(0x80 | (c & 0x3F));
		n = 2;
	} else if (c < 0x10000) {
		s[0] = (char)(0xE0 | c >> 12);
		s[1] = (char)(0x80 | (c >> 6 & 0x3F));
		s[2] = (char)(0x80 | (c & 0x3F));
		n = 3;
	} else {
		s[0] = (char)(0xF0 | c >> 18);
		s[1] = (char)(0x80 | (c >> 12 & 0x3F));
		s[2] = (char)(0x80 | (c >> 6 & 0x3F));
		s[3] = (char)(0x80 | (c & 0x3F));
		n = 4;
	}
	return (int)kg_fonts_width(f, face, s, n);
}

int kg_fonts_ascent(const kg_fonts *f, kg_face face)
{
	size_t i = f->own[face];

	return f->font[f->font[i].def ? i : KG_FACE_REGULAR].def->ascent;
}

int kg_fonts_descent(const kg_fonts *f, kg_face face)
{
	size_t i = f->own[face];

	return -f->font[f->font[i].def ? i : KG_FACE_REGULAR].def->descent;
}

int kg_fonts_prepare(kg_fonts *f, kg_diags *d)
{
	size_t i;

	for (i = 0; i < KG_NFACES; i++)
		if (f->font[i].failed)
			return S_load_error(f, i, d);
	return 0;
}

int kg_fonts_used(const kg_fonts *f, kg_face face)
{
	return f->font[f->own[face]].measured;
}

int kg_fonts_shares(const kg_fonts *f, kg_face face)
{
	return f->own[face] != face;
}

/* ---- codes ------------------------------------------------------------------------- */

/* The byte of a code for digit i (0 <= i < KG_FONT_NBYTES). */
static unsigned S_byte(size_t i)
{
	static const char skip[] = "()\\";
	unsigned b = 0x21;

	for (; b < 0x7F; b++)
		if (!strchr(skip, (int)b) && i-- == 0)
			return b;
	return 0x80 + (unsigned)i;
}

uint16_t kg_font_code_bytes(size_t k)
{
	static unsigned char byte[KG_FONT_NBYTES];
	size_t i;

	if (!byte[0])
		for (i = 0; i < KG_FONT_NBYTES; i++)
			byte[i] = (unsigned char)S_byte(i);
	return (uint16_t)(byte[k / KG_FONT_NBYTES % KG_FONT_NBYTES] << 8 |
			  byte[k % KG_FONT_NBYTES]);
}

static uint32_t S_code_hash(unsigned gid, const char *text, size_t len)
{
	uint32_t h = 2166136261u ^ gid;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)text[i]) * 16777619u;
	return h * 2654435761u;
}

static size_t S_code_slot(const kg_font *ft, unsigned gid, const char *text,
			  size_t len)
{
	size_t i = S_code_hash(gid, text, len) & (ft->tabcap - 1);

	for (;; i = (i + 1) & (ft->tabcap - 1)) {
		uint32_t k = ft->tab[i];

		if (!k || (ft->gid[k - 1] == gid && ft->tlen[k - 1] == len &&
			   memcmp(ft->texts.ptr + ft->text[k - 1], text, len) == 0))
			return i;
	}
}

uint32_t kg_font_code(kg_fonts *f, size_t i, unsigned gid, const char *text,
		      size_t len)
{
	kg_font *ft = &f->font[i];
	size_t slot;
	uint32_t k;

	if (2 * (ft->ncodes + 1) > ft->tabcap) {
		size_t j;

		free(ft->tab);
		ft->tabcap = ft->tabcap ? 2 * ft->tabcap : 256;
		ft->tab = kg_xcalloc(ft->tabcap, sizeof(*ft->tab));
		for (j = 0; j < ft->ncodes; j++)
			ft->tab[S_code_slot(ft, ft->gid[j], ft->texts.ptr + ft->text[j],
					    ft->tlen[j])] = (uint32_t)j + 1;
	}
	slot = S_code_slot(ft, gid, text, len);
	if (ft->tab[slot])
		return ft->tab[slot] - 1;
	if (ft->ncodes >= KG_FONT_MAX_CODES) /* reported by kg_fonts_write */
		return KG_FONT_MAX_CODES;
	k = (uint32_t)ft->ncodes++;
	if (ft->ncodes > ft->cap) {
		ft->cap = ft->cap ? 2 * ft->cap : 256;
		ft->gid = kg_xrealloc(ft->gid, ft->cap * sizeof(*ft->gid));
		ft->width = kg_xrealloc(ft->width, ft->cap * sizeof(*ft->width));
		ft->text = kg_xrealloc(ft->text, ft->cap * sizeof(*ft->text));
		ft->tlen = kg_xrealloc(ft->tlen, ft->cap * sizeof(*ft->tlen));
	}
	ft->gid[k] = (uint16_t)gid;
	ft->width[k] = hb_font_get_glyph_h_advance(ft->hfont, gid);
	ft->text[k] = (uint32_t)ft->texts.len;
	ft->tlen[k] = (uint32_t)len;
	kg_buf_put(&ft->texts, text, len);
	ft->tab[slot] = k + 1;
	if (gid < ft->nglyphs)
		ft->used[gid] = 1;
	return k;
}

/* ---- the font objects ------------------------------------------------------------ */

/* UTF-8 text as UTF-16BE in hex digits. */
void kg_font_utf16_hex(const char *s, size_t len, kg_buf *out)
{
	const char *end = s + len;

	while (s < end) {
		uint32_t c = kg_utf8_next(&s, end);

		if (c >= 0x10000) {
			c -= 0x10000;
			kg_buf_printf(out, "%04X%04X", 0xD800 + (unsigned)(c >> 10),
				      0xDC00 + (unsigned)(c & 0x3FF));
		} else {
			kg_buf_printf(out, "%04X", (unsigned)c);
		}
	}
}

/* The font's map from code to text: a ligature's code gives its several
 * characters. Codes with no text of their own (the second glyph of a
 * character drawn with two) are left out. */
static void S_to_unicode(const kg_font *ft, kg_buf *out)
{
	size_t i, j, n;

	kg_buf_puts(out, "/CIDInit /ProcSet findresource begin\n"
			 "12 dict begin\nbegincmap\n"
			 "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) "
			 "/Supplement 0 >> def\n"
			 "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
			 "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (i = 0; i < ft->ncodes; i = j) {
		for (n = 0, j = i; j < ft->ncodes && n < 100; j++)
			n += ft->tlen[j] > 0;
		if (!n)
			continue;
		kg_buf_printf(out, "%zu beginbfchar\n", n);
		for (n = i; n < j; n++) {
			if (!ft->tlen[n])
				continue;
			kg_buf_printf(out, "<%04X> <", (unsigned)kg_font_code_bytes(n));
			kg_font_utf16_hex(ft->texts.ptr + ft->text[n], ft->tlen[n], out);
			kg_buf_puts(out, ">\n");
		}
		kg_buf_puts(out, "endbfchar\n");
	}
	kg_buf_puts(out, "endcmap\nCMapName currentdict /CMap defineresource pop\n"
			 "end\nend\n");
}

/* /W: the width of every code, in runs of consecutive codes. */
static void S_widths(const kg_font *ft, kg_buf *b)
{
	long prev = -2;
	size_t k;

	kg_buf_puts(b, "/W [");
	for (k = 0; k < ft->ncodes; k++) {
		long code = kg_font_code_bytes(k);

		if (code != prev + 1)
			kg_buf_printf(b, "%s%ld [", prev >= 0 ? "]\n" : "", code);
		kg_buf_printf(b, " %d", (int)ft->width[k]);
		prev = code;
	}
	kg_buf_puts(b, prev >= 0 ? "] ]" : "]");
}

/* The CIDToGIDMap: for every code up to the last, its glyph (2 bytes,
 * big-endian); 0 for the codes between. */
static void S_gid_map(const kg_font *ft, kg_buf *map)
{
	size_t k, last = ft->ncodes ? kg_font_code_bytes(ft->ncodes - 1) : 0;

	kg_buf_grow(map, 2 * (last + 1));
	memset(map->ptr, 0, 2 * (last + 1));
	map->len = 2 * (last + 1);
	for (k = 0; k < ft->ncodes; k++) {
		unsigned code = kg_font_code_bytes(k), gid = ft->gid[k];

		map->ptr[2 * code] = (char)(gid >> 8);
		map->ptr[2 * code + 1] = (char)(gid & 0xFF);
	}
}

/* The subset's tag: six capitals from a hash of the face and its glyphs,
 * so that two different subsets get different names. */
static void S_tag(const kg_font *ft, char tag[7])
{
	uint32_t h = 2166136261u;
	size_t i;

	for (i = 0; ft->def->base_font[i]; i++)
		h = (h ^ (unsigned char)ft->def->base_font[i]) * 16777619u;
	for (i = 0; i < ft->nglyphs; i++)
		if (ft->used[i])
			h = (h ^ (uint32_t)i) * 16777619u;
	for (i = 0; i < 6; i++) {
		tag[i] = (char)('A' + h % 26);
		h = h / 26 + (uint32_t)i * 7919u;
	}
	tag[6] = '\0';
}

/* The deflated font program of ft: the subset of its face for the
 * glyphs it drew, made and kept, or found among those kept; NULL when
 * it cannot be made. *len is the subset's length. */
static const kg_buf *S_program(const kg_font *ft, size_t *len)
{
	static unsigned long tick; /* orders the programs by their last use */
	/* the shared face ft->src is the first member of its S_face, the
	 * cache's own, which this document may add to */
	S_face *e = (S_face *)(void *)(uintptr_t)ft->src;
	S_prog *p, *oldest = &e->prog[0];
	uint32_t h = 2166136261u;
	kg_buf sub = KG_BUF_INIT;
	const char *file;
	unsigned flen;
	size_t i;

	for (i = 0; i < ft->nglyphs; i++)
		h = (h ^ ft->used[i]) * 16777619u;
	for (i = 0; i < S_NPROGS; i++) {
		p = &e->prog[i];
		if (p->used && p->hash == h &&
		    memcmp(p->used, ft->used, ft->nglyphs) == 0) {
			p->stamp = ++tick;
			*len = p->len;
			return &p->z;
		}
		if (!p->used || (oldest->used && p->stamp < oldest->stamp))
			oldest = p;
	}
	/* the file libharu and HarfBuzz read, as HarfBuzz mapped it */
	file = hb_blob_get_data(ft->src->blob, &flen);
	if (flen > S_MAX_FONT_FILE ||
	    kg_ttf_subset((const unsigned char *)file, flen, ft->used,
			  ft->nglyphs, &sub) < 0) {
		kg_buf_release(&sub);
		return NULL;
	}
	p = oldest;
	if (kg_pdf_deflate(sub.ptr, sub.len, &p->z) < 0) {
		free(p->used);
		p->used = NULL;
		kg_buf_release(&sub);
		return NULL;
	}
	if (!p->used)
		p->used = kg_xmalloc(ft->nglyphs ? ft->nglyphs : 1);
	memcpy(p->used, ft->used, ft->nglyphs);
	p->hash = h;
	p->len = sub.len;
	p->stamp = ++tick;
	*len = sub.len;
	kg_buf_release(&sub);
	return &p->z;
}

/* One font: the Type0 font at obj, its CIDFontType2 descendant, the
 * descriptor with the metrics, the subset font program, the glyph map,
 * the ToUnicode map. */
static int S_write_font(kg_font *ft, kg_pdf_file *pdf, uint32_t obj)
{
	HPDF_FontDef def = ft->def;
	uint32_t cid = kg_pdf_reserve(pdf), desc = kg_pdf_reserve(pdf);
	uint32_t prog = kg_pdf_reserve(pdf), map = kg_pdf_reserve(pdf);
	uint32_t to_unicode = kg_pdf_reserve(pdf);
	kg_buf b = KG_BUF_INIT;
	const kg_buf *prog_z;
	size_t sublen;
	char tag[7], extra[64];
	/* "/TAG+Name": the subset tag and libharu's name of the face (its
	 * PostScript name and style, "DejaVuSans,Bold"), as a PDF name */
	kg_buf name = KG_BUF_INIT;
	int rc = -1;

	if (!(prog_z = S_program(ft, &sublen)))
		goto out;
	S_tag(ft, tag);
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
	S_widths(ft, &b);
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

	snprintf(extra, sizeof(extra), "/Length1 %lu", (unsigned long)sublen);
	kg_pdf_stream_deflated(pdf, prog, extra, prog_z->ptr, prog_z->len);
	kg_buf_reset(&b);
	S_gid_map(ft, &b);
	kg_pdf_stream(pdf, map, NULL, b.ptr, b.len);
	kg_buf_reset(&b);
	S_to_unicode(ft, &b);
	kg_pdf_stream(pdf, to_unicode, NULL, b.ptr, b.len);
	rc = 0;
out:
	kg_buf_release(&b);
	kg_buf_release(&name);
	return rc;
}

int kg_fonts_write(kg_fonts *f, kg_pdf_file *pdf, const uint32_t *objs,
		   kg_diags *d)
{
	size_t i;
	int rc = 0;

	for (i = 0; i < f->nfonts && rc == 0; i++) {
		kg_font *ft = &f->font[i];

		if (!ft->measured)
			continue;
		if (i < KG_NFACES && !objs[i]) /* first measured after the numbers were given */
			return kg_error(d, ft->at, "internal error: font face "
					"'%s' was first used in the second layout "
					"pass", ft->file);
		if (ft->ncodes >= KG_FONT_MAX_CODES)
			return kg_error(d, ft->at, "cannot make the PDF font "
					"encoding of '%s' (more than %d glyphs)",
					ft->file, KG_FONT_MAX_CODES - 1);
		ft->obj = i < KG_NFACES ? objs[i] : kg_pdf_reserve(pdf);
		if (S_write_font(ft, pdf, ft->obj) < 0)
			rc = kg_error(d, ft->at, "cannot embed font file '%s'",
				      ft->file);
	}
	return rc;
}

void kg_fonts_resources(const kg_fonts *f, kg_buf *out)
{
	size_t i;

	for (i = 0; i < f->nfonts; i++)
		if (f->font[i].measured && f->font[i].obj)
			kg_buf_printf(out, " /F%zu %lu 0 R", i,
				      (unsigned long)f->font[i].obj);
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

static long S_m_rtl_width(void *ctx, kg_face face, const char *s, size_t len)
{
	return kg_fonts_width_dir(ctx, face, 1, s, len);
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
	m.rtl_width = S_m_rtl_width;
	m.ascent = S_m_ascent;
	m.descent = S_m_descent;
	return m;
}
