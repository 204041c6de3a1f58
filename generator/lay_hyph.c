/* lay_hyph.c - hyphenation of prose by the kit's language: libhyphen
 * with the Debian hyphen-* dictionaries in /usr/share/hyphen (README,
 * "How lines break"; layout_int.h).
 *
 * Only lay_lines.c asks, for a word of prose that does not fit the rest
 * of a line, and only where the caller allows it (kg_li_lines.hyph:
 * paragraphs, never headings, titles, tables or the furniture). A word
 * is hyphenated at least two letters from its start and three from its
 * end; a word of under five letters, a word with a digit or a capital
 * after its first letter (an acronym, a name like "PostgreSQL"), code,
 * a link, a word in bold or in the sans faces (titles, labels) never.
 * A language with no dictionary installed is simply not hyphenated.
 * Dictionaries, and the points found for each word, are kept for the
 * life of the process (layout_int.h): loading one takes longer than
 * laying out a topic, and a build writes many documents. */
#include "layout_int.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <hyphen.h>

#include "alloc.h"
#include "labels.h"
#include "utf8.h"
#include "warm.h"

#define S_DIR "/usr/share/hyphen"
#define S_LEFT_MIN 2   /* letters before a hyphen */
#define S_RIGHT_MIN 3  /* letters after it */
#define S_WORD_MIN 5   /* letters in a word hyphenated */
#define S_WORD_MAX 64  /* letters in a word looked up (longer: none) */
/* room a dictionary's load needs (the largest, German's, is 0.4 MiB of
 * patterns and takes about 4 MiB loaded), with a margin */
#define S_HEADROOM ((size_t)16 << 20)

typedef struct S_word {
	uint32_t hash;
	uint32_t off, len;   /* the word, lowercase, in store */
	uint32_t pts, npts;  /* its points in store: byte offsets, one byte
			      * each, where a hyphen may go */
} S_word;

/* A language asked for: its dictionary (NULL: none installed) and the
 * words looked up in it. */
struct kg_li_hyph_lang {
	char *tag;
	HyphenDict *dict;
	S_word *words;       /* open addressing, cap a power of two */
	size_t nwords, cap_words;
	kg_buf store;        /* the words and their points */
};

static kg_li_hyph_lang **S_langs;
static size_t S_nlangs, S_cap_langs;

/* ---- the dictionary ------------------------------------------------------------ */

static int S_try(HyphenDict **dict, const char *lang, const char *region)
{
	char path[256];
	FILE *f;

	snprintf(path, sizeof(path), S_DIR "/hyph_%s%s%s.dic", lang,
		 *region ? "_" : "", region);
	if (!(f = fopen(path, "r")))
		return 0;
	fclose(f);
	/* libhyphen's malloc exits with status 1 when it fails: out of
	 * memory must be kitgen's exit 3 instead (alloc.h) */
	kg_headroom(S_HEADROOM);
	*dict = hnj_hyphen_load(path);
	return *dict != NULL;
}

/* The dictionary of tag: its language and region ("de-CH": hyph_de_CH),
 * the language alone, or the language's home region (hyph_de_DE,
 * hyph_es_ES; English's is US). */
static HyphenDict *S_load(const char *tag)
{
	char lang[9], region[4] = "", home[4];
	HyphenDict *dict = NULL;
	const char *p = tag + strcspn(tag, "-");
	size_t i;

	kg_lang_primary(tag, lang, sizeof(lang));

	while (*p == '-') { /* a region is two letters */
		const char *sub = ++p;

		while (*p && *p != '-')
			p++;
		if (p - sub == 2 && sub[0] >= 'A' && sub[0] <= 'z') {
			region[0] = (char)(sub[0] & ~0x20);
			region[1] = (char)(sub[1] & ~0x20);
			region[2] = '\0';
			break;
		}
	}
	for (i = 0; lang[i] && i < 3; i++)
		home[i] = (char)(lang[i] & ~0x20);
	home[i] = '\0';
	if (strcmp(lang, "en") == 0)
		strcpy(home, "US");
	if (lang[0] == '\0')
		return NULL;
	if ((*region && S_try(&dict, lang, region)) || S_try(&dict, lang, "") ||
	    S_try(&dict, lang, home))
		return dict;
	return NULL;
}

/* The language tag's entry, made (its dictionary not yet loaded) when
 * there is none. */
static kg_li_hyph_lang *S_entry(const char *tag, int *made)
{
	kg_li_hyph_lang *l;
	size_t i;

	*made = 0;
	for (i = 0; i < S_nlangs; i++)
		if (strcmp(S_langs[i]->tag, tag) == 0)
			return S_langs[i];
	l = kg_xcalloc(1, sizeof(*l));
	l->tag = kg_xstrdup(tag);
	kg_buf_init(&l->store);
	KG_GROW(S_langs, S_cap_langs, S_nlangs + 1);
	S_langs[S_nlangs++] = l;
	*made = 1;
	return l;
}

/* ---- warming up ------------------------------------------------------------------ */

/* Loading a dictionary takes several milliseconds (German's, 0.4 MiB of
 * patterns), spent in the first paragraph a build hyphenates. A build
 * that writes a PDF knows its language once the kit is read, before it
 * composes anything: kg_lay_hyph_warm loads that language's dictionary
 * ahead (warm.h), into S_langs, which nothing else touches until S_lang
 * joins it. */
static kg_warm S_warm = KG_WARM_INIT;

static void *S_warm_run(void *arg)
{
	char *tag = arg;
	kg_li_hyph_lang *l;
	int made;

	l = S_entry(tag, &made);
	if (made)
		l->dict = S_load(tag);
	free(tag);
	return NULL;
}

static void S_warm_join(void)
{
	kg_warm_join(&S_warm);
}

void kg_lay_hyph_warm(const char *tag)
{
	static char *warmed; /* the language asked for, once */
	char *arg;

	if (!tag || !*tag || (warmed && strcasecmp(warmed, tag) == 0))
		return;
	free(warmed);
	warmed = kg_xstrdup(tag);
	arg = kg_xstrdup(tag);
	if (!kg_warm_start(&S_warm, S_warm_run, arg, S_warm_join))
		free(arg); /* no thread: the first paragraph loads it */
}

/* The language of ts with a dictionary, or NULL. */
static kg_li_hyph_lang *S_lang(kg_li_typeset *ts)
{
	kg_li_hyph_lang *l;
	int made;

	if (ts->hyph_tried)
		return ts->hyph;
	ts->hyph_tried = 1;
	if (!ts->lang)
		return NULL;
	if (kg_warm_join(&S_warm)) /* out of memory there is out of memory here */
		kg_oom(0);
	l = S_entry(ts->lang, &made);
	if (made)
		l->dict = S_load(ts->lang);
	return ts->hyph = l->dict ? l : NULL;
}

/* ---- words ---------------------------------------------------------------------- */

/* A letter of the scripts the dictionaries cover (Latin, Greek,
 * Cyrillic), and whether it is a capital. */
static int S_letter(uint32_t c, int *upper)
{
	*upper = (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7);
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
	       (c >= 0x370 && c <= 0x52F);
}

/* Punctuation that may stand before a word, or after it, and leave it
 * a word to hyphenate (anything else around letters, "<%title%>", is
 * not prose). */
static int S_around(uint32_t c, int after)
{
	if (after)
		return c == '.' || c == ',' || c == ';' || c == ':' || c == '!' ||
		       c == '?' || c == ')' || c == ']' || c == '"' || c == '\'' ||
		       c == 0x2019 || c == 0x201D || c == 0xBB || c == 0x203A ||
		       c == 0x2026 || c == 0x201C; /* German closes with “ */
	return c == '(' || c == '[' || c == '"' || c == '\'' || c == 0x2018 ||
	       c == 0x201C || c == 0x201E || c == 0x201A || c == 0xAB ||
	       c == 0x2039 || c == 0xBF || c == 0xA1;
}

/* The word in text [s, s + len): its letters [*a, *b) with only
 * punctuation around them; 0 when it is no word to hyphenate. */
static int S_core(const char *s, size_t len, size_t *a, size_t *b)
{
	const char *p = s, *end = s + len, *first = NULL, *last = NULL;
	size_t letters = 0;
	int upper, caps = 0;

	while (p < end) {
		const char *at = p;
		uint32_t c = kg_utf8_next_bmp(&p, end);

		if (S_letter(c, &upper)) {
			if (last && last != at)
				return 0; /* punctuation inside: "don't" */
			if (!first)
				first = at;
			else if (upper)
				caps = 1;
			last = p;
			letters++;
		} else if (!S_around(c, first != NULL)) {
			return 0; /* a number, markup, CJK beside the word */
		}
	}
	if (!first || caps || letters < S_WORD_MIN || letters > S_WORD_MAX)
		return 0;
	*a = (size_t)(first - s);
	*b = (size_t)(last - s);
	return 1;
}

/* Lowercase the capitals S_letter knows, in place (same byte length). */
static void S_lower(char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c >= 'A' && c <= 'Z')
			s[i] = (char)(c + 32);
		else if (c == 0xC3 && i + 1 < len &&
			 (unsigned char)s[i + 1] >= 0x80 && (unsigned char)s[i + 1] <= 0x9E &&
			 (unsigned char)s[i + 1] != 0x97)
			s[++i] += 0x20;
	}
}

static uint32_t S_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;

	while (len--)
		h = (h ^ (unsigned char)*s++) * 16777619u;
	return h;
}

/* The points of word w (lowercase UTF-8, n bytes) from the dictionary:
 * byte offsets after which a hyphen may go, into pts; returns how
 * many. A Latin-1 dictionary (German's) is given the word in Latin-1. */
static size_t S_points(HyphenDict *dict, const char *w, size_t n, unsigned char *pts)
{
	char in[S_WORD_MAX * 4 + 1], hy[S_WORD_MAX * 4 + 5];
	size_t ends[S_WORD_MAX * 4], m = 0, k, npts = 0, chars;
	const char *p = w, *end = w + n;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL;

	while (p < end) { /* in[m]: a unit of the dictionary's encoding */
		const char *at = p;
		uint32_t c = kg_utf8_next_bmp(&p, end);

		if (dict->utf8) {
			for (; at < p; at++) {
				ends[m] = (size_t)(at - w) + 1;
				in[m++] = *at;
			}
		} else if (c > 0xFF) {
			return 0;
		} else {
			ends[m] = (size_t)(p - w);
			in[m++] = (char)c;
		}
	}
	in[m] = '\0';
	memset(hy, 0, sizeof(hy));
	if (hnj_hyphen_hyphenate3(dict, in, (int)m, hy, NULL, &rep, &pos, &cut,
				  S_LEFT_MIN, S_RIGHT_MIN, S_LEFT_MIN, S_RIGHT_MIN) == 0) {
		for (k = 0; k + 1 < m; k++) {
			/* a point after a whole character, with no change of
			 * spelling (the old "Schiff-fahrt"), far enough from
			 * both ends */
			if (!(hy[k] & 1) || (rep && rep[k]) ||
			    (k + 1 < m && dict->utf8 && kg_utf8_is_cont((unsigned char)in[k + 1])))
				continue;
			chars = kg_utf8_chars(w, ends[k]);
			if (chars >= S_LEFT_MIN && kg_utf8_chars(w + ends[k], n - ends[k]) >= S_RIGHT_MIN)
				pts[npts++] = (unsigned char)ends[k];
		}
	}
	if (rep) {
		for (k = 0; k < m; k++)
			free(rep[k]);
		free(rep);
	}
	free(pos);
	free(cut);
	return npts;
}

static void S_rehash(kg_li_hyph_lang *ts)
{
	size_t cap = ts->cap_words ? ts->cap_words * 2 : 256, i;
	S_word *w = kg_xcalloc(cap, sizeof(*w));

	for (i = 0; i < ts->cap_words; i++) {
		size_t j = ts->words[i].hash & (cap - 1);

		if (!ts->words[i].len)
			continue;
		while (w[j].len)
			j = (j + 1) & (cap - 1);
		w[j] = ts->words[i];
	}
	free(ts->words);
	ts->words = w;
	ts->cap_words = cap;
}

/* The cached entry of lowercase word w, looked up in the dictionary the
 * first time. */
static const S_word *S_lookup(kg_li_hyph_lang *ts, const char *w, size_t n)
{
	uint32_t h = S_hash(w, n);
	unsigned char pts[S_WORD_MAX * 4];
	S_word *e;
	size_t j;

	if (ts->nwords * 2 >= ts->cap_words)
		S_rehash(ts);
	for (j = h & (ts->cap_words - 1); ts->words[j].len;
	     j = (j + 1) & (ts->cap_words - 1)) {
		e = &ts->words[j];
		if (e->hash == h && e->len == n && memcmp(ts->store.ptr + e->off, w, n) == 0)
			return e;
	}
	e = &ts->words[j];
	e->hash = h;
	e->off = (uint32_t)ts->store.len;
	e->len = (uint32_t)n;
	kg_buf_put(&ts->store, w, n);
	e->npts = (uint32_t)S_points(ts->dict, w, n, pts);
	e->pts = (uint32_t)ts->store.len;
	kg_buf_put(&ts->store, (const char *)pts, e->npts);
	ts->nwords++;
	return e;
}

/* ---- fitting a head of a word -------------------------------------------------- */

/* Body text only: its regular and italic faces. The sans family sets
 * headings, titles, labels and the furniture, bold the names of
 * signals and terms; code, links and decoration never. */
static int S_may_hyphenate(const kg_piece *p)
{
	return p->kind == KG_PIECE_WORD && !p->st.code && !p->st.verbatim &&
	       !p->st.box && p->st.link < 0 && p->st.tag != KG_TAG_ARTIFACT &&
	       (p->st.face == KG_FACE_REGULAR || p->st.face == KG_FACE_ITALIC);
}

uint32_t kg_li_hyph_fit(kg_lay *lay, const kg_piece *p, float room, float *w)
{
	const char *s = lay->run.text.ptr + p->str;
	char low[S_WORD_MAX * 4];
	kg_li_hyph_lang *l;
	const S_word *e;
	size_t a, b, k;

	if (!lay->ts || !S_may_hyphenate(p) || !(l = S_lang(lay->ts)) ||
	    !S_core(s, p->len, &a, &b) || b - a > sizeof(low))
		return 0;
	memcpy(low, s + a, b - a);
	S_lower(low, b - a);
	e = S_lookup(l, low, b - a);
	for (k = e->npts; k-- > 0;) {
		uint32_t head = (uint32_t)a + (unsigned char)l->store.ptr[e->pts + k];

		*w = kg_li_width(lay, &p->st, s, head);
		if (*w <= room)
			return head;
	}
	return 0;
}

void kg_li_typeset_free(kg_lay *lay)
{
	kg_li_typeset *ts = lay->ts;

	if (!ts)
		return;
	free(ts->lang);
	free(ts->brks);
	free(ts);
	lay->ts = NULL;
}
