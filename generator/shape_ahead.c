/* shape_ahead.c - the kit's words shaped on a second core ahead of the
 * PDF's layout (shape_ahead.h). */
#include "shape_ahead.h"
#include "fonts.h"
#include "fonts_int.h"

#include <hb.h>
#include <pthread.h>
#include <stdatomic.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "kit.h"
#include "utf8.h"
#include "warm.h"

/* What the thread keeps at most: the words and their glyphs, allocated
 * whole before the thread shows anything (nothing is allocated while
 * the table is locked, so out of memory can leave no lock held), and
 * the table's slots. content/'s published kit keeps about 1.2 MB. */
#define S_MAX_BYTES ((size_t)2 << 20)
#define S_SLOTS ((size_t)1 << 15)
/* A word longer, or of more glyphs, is the layout's to shape. */
#define S_MAX_LEN 64
#define S_MAX_GLYPHS 64

/* A word kept: its bytes, then its glyphs, 4-byte aligned. */
typedef struct S_rec {
	uint32_t len, ng;
	uint32_t rtl;
	char s[];
} S_rec;

static struct {
	const kg_kit *kit;       /* kg_ahead_texts */
	kg_warm warm;
	pthread_mutex_t lock;    /* the table, while both threads use it */
	atomic_int stop;
	int on;                  /* a thread was started for this document */
	hb_font_t *hf;
	kg_quotes quotes;
	/* the thread's, shown to kg_ahead_find under the lock */
	char *arena;
	size_t used;
	uint32_t *slot_hash, *slot_at; /* at: offset in arena + 1; 0 empty */
	size_t n;
} S = {NULL, KG_WARM_INIT, PTHREAD_MUTEX_INITIALIZER, 0, 0, NULL,
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

static uint32_t S_hash(const char *s, size_t len)
{
	uint32_t h = 2166136261u;
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

/* The slot of s: where it is, or the empty one where it would go. */
static size_t S_slot(uint32_t h, const char *s, size_t len)
{
	size_t i = h & (S_SLOTS - 1);

	for (;; i = (i + 1) & (S_SLOTS - 1)) {
		const S_rec *r;

		if (!S.slot_at[i])
			return i;
		r = S_rec_at(S.slot_at[i]);
		if (S.slot_hash[i] == h && r->len == len && memcmp(r->s, s, len) == 0)
			return i;
	}
}

/* Shape the word s (len bytes) and keep it, unless it is kept already
 * or is not the thread's to shape (shape_ahead.h). */
static void S_word(S_work *w, const char *s, size_t len)
{
	const char *p = s, *end = s + len;
	uint32_t h;
	size_t n = 0, count, size, slot;
	int rtl;
	S_rec *r;

	if (len == 0 || len > S_MAX_LEN || w->full)
		return;
	h = S_hash(s, len);
	slot = S_slot(h, s, len); /* only this thread writes: no lock to read */
	if (S.slot_at[slot])
		return;
	while (p < end) {
		uint32_t c = kg_utf8_next(&p, end);
		hb_codepoint_t g;

		if (c < 0x20 || (c >= 0x7F && c < 0xA0) ||
		    !hb_font_get_nominal_glyph(S.hf, c, &g))
			return;
		w->cps[n++] = c;
	}
	if (kg_fonts_rtl_chunk(w->cps, n))
		return;
	count = kg_fonts_hb(w->buf, S.hf, 0, w->cps, n, 0, n, 0, &w->g, &w->cap_g,
			    &rtl);
	if (count > S_MAX_GLYPHS)
		return;
	size = ((offsetof(S_rec, s) + len + 3) & ~(size_t)3) +
	       count * sizeof(kg_hb_glyph);
	if (S.used + size > S_MAX_BYTES || 4 * (S.n + 1) > 3 * S_SLOTS) {
		w->full = 1;
		return;
	}
	pthread_mutex_lock(&S.lock);
	r = (S_rec *)(void *)(S.arena + S.used);
	r->len = (uint32_t)len;
	r->ng = (uint32_t)count;
	r->rtl = (uint32_t)rtl;
	memcpy(r->s, s, len);
	memcpy((void *)S_glyphs(r), w->g, count * sizeof(kg_hb_glyph));
	S.slot_hash[slot] = h;
	S.slot_at[slot] = (uint32_t)S.used + 1;
	S.used += size;
	S.n++;
	pthread_mutex_unlock(&S.lock);
}

/* A word as the text has it: Markdown's emphasis and code marks and a
 * link's brackets and target left out; then each piece after a hyphen
 * or a slash, where the layout may break it. */
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
		if (s[i] != '*' && s[i] != '`' && s[i] != '[' && s[i] != ']')
			kg_buf_putc(b, s[i]);
	S_word(w, b->ptr, b->len);
	for (i = 0; i + 1 < b->len; i++)
		if (b->ptr[i] == '-' || b->ptr[i] == '/') {
			S_word(w, b->ptr + from, i + 1 - from);
			from = i + 1;
		}
	if (from)
		S_word(w, b->ptr + from, b->len - from);
}

static int S_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

static void S_text(S_work *w, const char *text, size_t len)
{
	uint32_t prev = 0;
	const char *p, *end;

	kg_buf_reset(&w->smart);
	kg_smart_append(&w->smart, text, len, &prev);
	p = w->smart.ptr;
	end = p + w->smart.len;
	while (p < end && !w->full && !atomic_load(&S.stop)) {
		const char *t;

		while (p < end && S_space(*p))
			p++;
		for (t = p; p < end && !S_space(*p); p++)
			;
		S_token(w, t, (size_t)(p - t));
	}
}

static void S_walk(S_work *w, const kg_node *n)
{
	size_t i;

	if (!n || w->full || atomic_load(&S.stop))
		return;
	switch (n->kind) {
	case KG_NODE_SCALAR:
		S_text(w, n->text, n->len);
		break;
	case KG_NODE_SEQ:
		for (i = 0; i < n->n; i++)
			S_walk(w, n->items[i]);
		break;
	case KG_NODE_MAP:
		for (i = 0; i < n->npairs; i++)
			S_walk(w, n->pairs[i].value);
		break;
	}
}

static void *S_run(void *arg)
{
	const kg_kit *kit = arg;
	S_work w;
	size_t i;

	memset(&w, 0, sizeof(w));
	kg_buf_init(&w.smart);
	kg_buf_init(&w.word);
	kg_smart_use(&S.quotes);
	w.buf = hb_buffer_create();
	if (!hb_buffer_allocation_successful(w.buf))
		kg_oom(0);
	S_walk(&w, kit->root);
	for (i = 0; i < kit->ntopic_files; i++)
		S_walk(&w, kit->topic_roots[i]);
	S_walk(&w, kit->scenarios_root);
	S_walk(&w, kit->owned);
	hb_buffer_destroy(w.buf);
	free(w.g);
	kg_buf_release(&w.smart);
	kg_buf_release(&w.word);
	return NULL;
}

static void S_join(void)
{
	atomic_store(&S.stop, 1);
	kg_warm_join(&S.warm);
}

void kg_ahead_texts(const kg_kit *kit)
{
	kg_ahead_stop();
	S.kit = kit;
}

void kg_ahead_start(hb_font_t *hf, const kg_quotes *quotes)
{
	kg_ahead_stop();
	if (!S.kit || !hf)
		return;
	S.hf = hf;
	S.quotes = *quotes;
	/* allocated here, whole: the thread allocates nothing the table
	 * holds (shape_ahead.h) */
	S.arena = kg_xmalloc(S_MAX_BYTES);
	S.slot_hash = kg_xmalloc(S_SLOTS * sizeof(*S.slot_hash));
	S.slot_at = kg_xcalloc(S_SLOTS, sizeof(*S.slot_at));
	S.used = S.n = 0;
	atomic_store(&S.stop, 0);
	S.on = kg_warm_start(&S.warm, S_run, (void *)S.kit, S_join);
	if (!S.on)
		kg_ahead_stop();
}

int kg_ahead_find(hb_font_t *hf, const char *s, size_t len, kg_hb_glyph **out,
		  size_t *cap, size_t *n, int *rtl)
{
	uint32_t h;
	size_t slot;
	int found = 0;

	if (!S.on || hf != S.hf || len == 0 || len > S_MAX_LEN)
		return 0;
	KG_GROW(*out, *cap, S_MAX_GLYPHS); /* before the lock (above) */
	h = S_hash(s, len);
	pthread_mutex_lock(&S.lock);
	slot = S_slot(h, s, len);
	if (S.slot_at[slot]) {
		const S_rec *r = S_rec_at(S.slot_at[slot]);

		memcpy(*out, S_glyphs(r), r->ng * sizeof(kg_hb_glyph));
		*n = r->ng;
		*rtl = (int)r->rtl;
		found = 1;
	}
	pthread_mutex_unlock(&S.lock);
	return found;
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
	free(S.slot_at);
	S.arena = NULL;
	S.slot_hash = S.slot_at = NULL;
	S.used = S.n = 0;
	S.hf = NULL;
	if (oom) /* out of memory there is out of memory here (warm.h) */
		kg_oom(0);
}
