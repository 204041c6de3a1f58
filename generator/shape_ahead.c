/* shape_ahead.c - the kit's words shaped on a second core ahead of the
 * PDF's layout (shape_ahead.h). */
#include "shape_ahead.h"

#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "layout.h"
#include "utf8.h"
#include "warm.h"

/* What the thread keeps at most: the words and their glyphs, allocated
 * whole before the thread starts (a word, once written, never moves),
 * and the table's slots. content/'s published kit keeps about 1.7 MB.
 *
 * Only the thread writes the table; the layout reads it as it grows,
 * without a lock: a word's slot is published (an atomic store,
 * release) after the word and its glyphs are written, and read with an
 * acquire load, so a slot seen filled has its word whole; a slot still
 * empty is a word not (yet) shaped ahead. */
#define S_MAX_BYTES ((size_t)2 << 20)
#define S_SLOTS ((size_t)1 << 15)
/* A word longer, or of more glyphs, is the layout's to shape. */
#define S_MAX_LEN 64
#define S_MAX_GLYPHS 64

/* The faces shaped ahead: the body's, and code's (no kerning, no
 * ligatures), which Markdown's code spans and a question's code are
 * set in. */
enum { S_BODY, S_CODE, S_NFONTS };

/* A word kept: its bytes, then its glyphs, 4-byte aligned. */
typedef struct S_rec {
	uint32_t len, ng;
	uint16_t rtl, font;
	char s[];
} S_rec;

static struct {
	/* kg_ahead_texts */
	void (*texts)(void *ctx, kg_ahead_text_fn text, void *arg);
	void *ctx;
	kg_warm warm;
	atomic_int stop;
	int on;                  /* a thread was started for this document */
	hb_font_t *hf[S_NFONTS];
	hb_language_t lang;      /* the document's */
	hb_font_t *faces[16];    /* kg_ahead_warm */
	size_t nfaces;
	kg_quotes quotes;
	/* written by the thread only (above) */
	char *arena;
	size_t used;
	uint32_t *slot_hash;
	_Atomic uint32_t *slot_at; /* offset in arena + 1; 0 empty */
	size_t n;
} S = {NULL, NULL, KG_WARM_INIT, 0, 0, {NULL, NULL}, NULL, {NULL}, 0,
       {NULL, NULL, NULL, NULL}, NULL, 0, NULL, NULL, 0};

/* The thread's own working state. */
typedef struct S_work {
	hb_buffer_t *buf;
	uint32_t cps[S_MAX_LEN];
	kg_hb_glyph *g;
	size_t cap_g;
	kg_buf smart, word;
	int full;
} S_work;

static uint32_t S_hash(int font, const char *s, size_t len)
{
	uint32_t h = 2166136261u ^ (uint32_t)font;
	size_t i;

	for (i = 0; i < len; i++)
		h = (h ^ (unsigned char)s[i]) * 16777619u;
	return h ? h : 1;
}

static const S_rec *S_rec_at(uint32_t at)
{
	return (const S_rec *)(void *)(S.arena + at - 1);
}

static const kg_hb_glyph *S_glyphs(const S_rec *r)
{
	size_t off = (offsetof(S_rec, s) + r->len + 3) & ~(size_t)3;

	return (const kg_hb_glyph *)(const void *)((const char *)r + off);
}

/* The word s of font: its record, or NULL, and *slot its slot or the
 * empty one where it would go. */
static const S_rec *S_lookup(uint32_t h, int font, const char *s, size_t len,
			     size_t *slot)
{
	size_t i = h & (S_SLOTS - 1);

	for (;; i = (i + 1) & (S_SLOTS - 1)) {
		uint32_t at = atomic_load_explicit(&S.slot_at[i],
						   memory_order_acquire);
		const S_rec *r;

		*slot = i;
		if (!at)
			return NULL;
		r = S_rec_at(at);
		if (S.slot_hash[i] == h && r->font == font && r->len == len &&
		    memcmp(r->s, s, len) == 0)
			return r;
	}
}

/* Shape the word s (len bytes) in font and keep it, unless it is kept
 * already or is not the thread's to shape (shape_ahead.h). */
static void S_word(S_work *w, int font, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	uint32_t h;
	size_t n = 0, count, size, slot;
	int rtl;
	S_rec *r;

	if (len == 0 || len > S_MAX_LEN || w->full)
		return;
	h = S_hash(font, s, len);
	if (S_lookup(h, font, s, len, &slot))
		return;
	while (p < end) {
		uint32_t c = kg_utf8_next(&p, end);
		hb_codepoint_t g;

		if (c < 0x20 || (c >= 0x7F && c < 0xA0) ||
		    !hb_font_get_nominal_glyph(S.hf[font], c, &g))
			return;
		w->cps[n++] = c;
	}
	if (kg_hb_rtl_chunk(w->cps, n))
		return;
	count = kg_hb_shape(w->buf, S.hf[font], S.lang, font == S_CODE, w->cps, n, 0, n,
			    0, &w->g, &w->cap_g, &rtl);
	if (count > S_MAX_GLYPHS)
		return;
	size = ((offsetof(S_rec, s) + len + 3) & ~(size_t)3) +
	       count * sizeof(kg_hb_glyph);
	if (S.used + size > S_MAX_BYTES || 4 * (S.n + 1) > 3 * S_SLOTS) {
		w->full = 1;
		return;
	}
	r = (S_rec *)(void *)(S.arena + S.used);
	r->len = (uint32_t)len;
	r->ng = (uint32_t)count;
	r->rtl = (uint16_t)rtl;
	r->font = (uint16_t)font;
	memcpy(r->s, s, len);
	memcpy((void *)S_glyphs(r), w->g, count * sizeof(kg_hb_glyph));
	S.slot_hash[slot] = h;
	atomic_store_explicit(&S.slot_at[slot], (uint32_t)S.used + 1,
			      memory_order_release);
	S.used += size;
	S.n++;
}

/* A word of prose as the text has it: Markdown's emphasis marks and a
 * link's brackets and target left out (its code spans are gone, to
 * S_code_token); then each piece after a hyphen or a slash, where the
 * layout may break it. */
static void S_token(S_work *w, const char *s, size_t len)
{
	const char *link = NULL;
	size_t i, from = 0;
	kg_buf *b = &w->word;

	for (i = 0; i + 1 < len && !link; i++)
		if (s[i] == ']' && s[i + 1] == '(')
			link = s + i;
	if (link)
		len = (size_t)(link - s);
	kg_buf_reset(b);
	for (i = 0; i < len; i++)
		if (s[i] != '*' && s[i] != '[' && s[i] != ']')
			kg_buf_putc(b, s[i]);
	S_word(w, S_BODY, b->ptr, b->len);
	for (i = 0; i + 1 < b->len; i++)
		if (b->ptr[i] == '-' || b->ptr[i] == '/') {
			S_word(w, S_BODY, b->ptr + from, i + 1 - from);
			from = i + 1;
		}
	if (from)
		S_word(w, S_BODY, b->ptr + from, b->len - from);
}

/* A word of code: whole, as a line of it draws it, and cut where the
 * layout may break code (kg_lay_code_break_after), as it measures it. */
static void S_code_token(S_work *w, const char *s, size_t len)
{
	const char *p = s, *end = s + len, *from = s;

	S_word(w, S_CODE, s, len);
	while (p < end) {
		uint32_t c = kg_utf8_next(&p, end), next = 0;
		const char *after = p;

		if (p < end)
			next = kg_utf8_next(&after, end);
		if (kg_lay_code_break_after(c, next)) {
			S_word(w, S_CODE, from, (size_t)(p - from));
			from = p;
		}
	}
	if (from != s)
		S_word(w, S_CODE, from, (size_t)(end - from));
}

static int S_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* Each word of s (len bytes), to word. */
static void S_words(S_work *w, const char *s, size_t len,
		    void (*word)(S_work *, const char *, size_t))
{
	const char *p = s, *end = s + len;

	while (p < end && !w->full && !atomic_load(&S.stop)) {
		const char *t;

		while (p < end && S_space(*p))
			p++;
		for (t = p; p < end && !S_space(*p); p++)
			;
		word(w, t, (size_t)(p - t));
	}
}

/* A text of prose: its code spans (`...`, ``...``) in code's face, the
 * rest as the layout sets it, with typographic punctuation. */
static void S_text(S_work *w, const char *text, size_t len)
{
	const char *p = text, *end = text + len, *from = text;
	uint32_t prev = 0;

	kg_buf_reset(&w->smart);
	while (p < end) {
		const char *open = memchr(p, '`', (size_t)(end - p)), *q, *close;
		size_t ticks;

		if (!open)
			break;
		for (q = open; q < end && *q == '`'; q++)
			;
		ticks = (size_t)(q - open);
		for (close = q; close < end;) { /* a run of as many ticks */
			size_t k = 0;

			if (*close != '`') {
				close++;
				continue;
			}
			while (close + k < end && close[k] == '`')
				k++;
			if (k == ticks)
				break;
			close += k;
		}
		if (close >= end) {
			p = q;
			continue;
		}
		kg_smart_append(&w->smart, from, (size_t)(open - from), &prev);
		kg_buf_putc(&w->smart, ' ');
		S_words(w, q, (size_t)(close - q), S_code_token);
		p = from = close + ticks;
	}
	kg_smart_append(&w->smart, from, (size_t)(end - from), &prev);
	S_words(w, w->smart.ptr, w->smart.len, S_token);
}

/* kg_ahead_text_fn: a text of the kit; nonzero once there is no more
 * to do. */
static int S_one_text(void *arg, const char *s, size_t len, int code)
{
	S_work *w = arg;

	if (code)
		S_words(w, s, len, S_code_token);
	else
		S_text(w, s, len);
	return w->full || atomic_load(&S.stop);
}

static void *S_run(void *arg)
{
	S_work w;
	size_t i;

	memset(&w, 0, sizeof(w));
	kg_buf_init(&w.smart);
	kg_buf_init(&w.word);
	kg_smart_use(&S.quotes);
	w.buf = hb_buffer_create();
	if (!hb_buffer_allocation_successful(w.buf))
		kg_oom(0);
	for (i = 0; i < S.nfaces; i++) { /* kg_ahead_warm */
		static const uint32_t word[] = {'T', 'y', 'p', 'e'};
		int rtl;

		kg_hb_shape(w.buf, S.faces[i], S.lang, 0, word, 4, 0, 4, 0, &w.g, &w.cap_g,
			    &rtl);
	}
	kg_hb_shape(w.buf, S.hf[S_CODE], S.lang, 1, (const uint32_t[]){'i', 'd'}, 2, 0, 2,
		    0, &w.g, &w.cap_g, &(int){0});
	S.texts(S.ctx, S_one_text, &w);
	hb_buffer_destroy(w.buf);
	free(w.g);
	kg_buf_release(&w.smart);
	kg_buf_release(&w.word);
	(void)arg;
	return NULL;
}

static void S_join(void)
{
	atomic_store(&S.stop, 1);
	kg_warm_join(&S.warm);
}

void kg_ahead_texts(void (*texts)(void *ctx, kg_ahead_text_fn text, void *arg),
		    void *ctx)
{
	kg_ahead_stop();
	S.texts = texts;
	S.ctx = ctx;
}

void kg_ahead_warm(hb_font_t *const *faces, size_t n)
{
	size_t i;

	S.nfaces = 0;
	for (i = 0; i < n && S.nfaces < sizeof(S.faces) / sizeof(S.faces[0]); i++)
		if (faces[i])
			S.faces[S.nfaces++] = faces[i];
}

void kg_ahead_start(hb_font_t *body, hb_font_t *code, hb_language_t lang,
		    const kg_quotes *quotes)
{
	kg_ahead_stop();
	if (!S.texts || !body || !code)
		return;
	S.hf[S_BODY] = body;
	S.hf[S_CODE] = code;
	S.lang = lang;
	S.quotes = *quotes;
	/* allocated here, whole: the thread allocates nothing the table
	 * holds (shape_ahead.h) */
	S.arena = kg_xmalloc(S_MAX_BYTES);
	S.slot_hash = kg_xmalloc(S_SLOTS * sizeof(*S.slot_hash));
	S.slot_at = kg_xcalloc(S_SLOTS, sizeof(*S.slot_at)); /* zero: empty */
	S.used = S.n = 0;
	atomic_store(&S.stop, 0);
	S.on = kg_warm_start(&S.warm, S_run, NULL, S_join);
	if (!S.on)
		kg_ahead_stop();
}

int kg_ahead_find(hb_font_t *hf, int mono, const char *s, size_t len,
		  kg_hb_glyph **out, size_t *cap, size_t *n, int *rtl)
{
	int font = mono ? S_CODE : S_BODY;
	const S_rec *r;
	size_t slot;

	if (!S.on || hf != S.hf[font] || len == 0 || len > S_MAX_LEN)
		return 0;
	r = S_lookup(S_hash(font, s, len), font, s, len, &slot);
	if (!r)
		return 0;
	KG_GROW(*out, *cap, r->ng);
	memcpy(*out, S_glyphs(r), r->ng * sizeof(kg_hb_glyph));
	*n = r->ng;
	*rtl = (int)r->rtl;
	return 1;
}

void kg_ahead_wait(void)
{
	if (S.on && kg_warm_join(&S.warm))
		kg_oom(0);
}

void kg_ahead_stop(void)
{
	int oom = 0;

	if (S.on) {
		atomic_store(&S.stop, 1);
		oom = kg_warm_join(&S.warm);
		S.on = 0;
	}
	free(S.arena);
	free(S.slot_hash);
	free((void *)S.slot_at);
	S.arena = NULL;
	S.slot_hash = NULL;
	S.slot_at = NULL;
	S.used = S.n = 0;
	S.hf[S_BODY] = S.hf[S_CODE] = NULL;
	if (oom) /* out of memory there is out of memory here (warm.h) */
		kg_oom(0);
}
