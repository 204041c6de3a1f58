/*
 * worddiff.c - a word-level diff of two texts (see worddiff.h).
 *
 * The common prefix and suffix of words are set aside first; the middle
 * is aligned by a longest common subsequence table when it has at most
 * S_MAX_CELLS cells (4 MiB), so a typical rewording costs little and a
 * rewrite of a long text cannot take much memory.
 */
#include "worddiff.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"

#define S_MAX_CELLS ((size_t)1 << 20)

typedef struct S_word {
	const char *s;
	size_t len;
} S_word;

typedef enum { S_SAME, S_DEL, S_INS } S_kind;

typedef struct S_op {
	S_kind kind;
	const S_word *w;
} S_op;

typedef struct S_ops {
	S_op *items;
	size_t n, cap;
} S_ops;

static void S_put_raw(kg_buf *out, const char *s, size_t len)
{
	kg_buf_put(out, s, len);
}

const kg_word_style kg_word_style_plain = {"[-", "-]", "{+", "+}", S_put_raw, 1};

static int S_space(char c)
{
	return c == ' ' || c == '\n' || c == '\t' || c == '\r';
}

/* The words of text; the caller frees *words. */
static size_t S_split(const char *text, S_word **words)
{
	size_t n = 0, cap = 0;

	*words = NULL;
	while (*text) {
		const char *start;

		while (S_space(*text))
			text++;
		if (!*text)
			break;
		start = text;
		while (*text && !S_space(*text))
			text++;
		KG_GROW(*words, cap, n + 1);
		(*words)[n].s = start;
		(*words)[n++].len = (size_t)(text - start);
	}
	return n;
}

static int S_eq(const S_word *a, const S_word *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static void S_push(S_ops *ops, S_kind kind, const S_word *w)
{
	KG_GROW(ops->items, ops->cap, ops->n + 1);
	ops->items[ops->n].kind = kind;
	ops->items[ops->n++].w = w;
}

/* Align a[0..n) with b[0..m): the longest common subsequence, walked
 * from the front. */
static void S_align(const S_word *a, size_t n, const S_word *b, size_t m,
		    S_ops *ops)
{
	unsigned *t;
	size_t i, j, w = m + 1;

	if ((n + 1) > S_MAX_CELLS / w) {
		for (i = 0; i < n; i++)
			S_push(ops, S_DEL, &a[i]);
		for (j = 0; j < m; j++)
			S_push(ops, S_INS, &b[j]);
		return;
	}
	t = kg_xcalloc((n + 1) * w, sizeof(*t));
	for (i = n; i-- > 0;)
		for (j = m; j-- > 0;)
			t[i * w + j] = S_eq(&a[i], &b[j]) ? t[(i + 1) * w + j + 1] + 1
				: t[(i + 1) * w + j] > t[i * w + j + 1]
				? t[(i + 1) * w + j] : t[i * w + j + 1];
	for (i = 0, j = 0; i < n || j < m;) {
		if (i < n && j < m && S_eq(&a[i], &b[j]))
			S_push(ops, S_SAME, &a[i++]), j++;
		else if (i < n && (j == m || t[(i + 1) * w + j] >= t[i * w + j + 1]))
			S_push(ops, S_DEL, &a[i++]);
		else
			S_push(ops, S_INS, &b[j++]);
	}
	free(t);
}

static void S_sep(kg_buf *out)
{
	if (out->len && out->ptr[out->len - 1] != ' ')
		kg_buf_putc(out, ' ');
}

/* Unchanged words ops[from..to): all, or the context at each end that
 * touches a change, with an ellipsis for what is left out. */
static void S_emit_same(const S_ops *ops, size_t from, size_t to,
			const kg_word_style *st, kg_buf *out)
{
	size_t head = from == 0 ? 0 : KG_WORDDIFF_CONTEXT;
	size_t tail = to == ops->n ? 0 : KG_WORDDIFF_CONTEXT, i;

	if (from == 0 && to == ops->n) /* no change at all: every word */
		head = to;

	for (i = from; i < to; i++) {
		if (i == from + head && i + tail < to) {
			S_sep(out);
			kg_buf_puts(out, "\xE2\x80\xA6");
			i = to - tail - 1;
			continue;
		}
		S_sep(out);
		st->put(out, ops->items[i].w->s, ops->items[i].w->len);
	}
}

/* The changed words ops[from..to) of one kind, in the style's marks;
 * glued to what precedes (no space) when glue is set. How many. */
static size_t S_emit_changed(const S_ops *ops, size_t from, size_t to,
			     S_kind kind, int glue, const kg_word_style *st,
			     kg_buf *out)
{
	size_t i, n = 0;

	for (i = from; i < to; i++) {
		if (ops->items[i].kind != kind)
			continue;
		if (n++ == 0) {
			if (!glue)
				S_sep(out);
			kg_buf_puts(out, kind == S_DEL ? st->del_open : st->ins_open);
		} else {
			kg_buf_putc(out, ' ');
		}
		st->put(out, ops->items[i].w->s, ops->items[i].w->len);
	}
	if (n)
		kg_buf_puts(out, kind == S_DEL ? st->del_close : st->ins_close);
	return n;
}

static void S_emit(const S_ops *ops, const kg_word_style *st, kg_buf *out)
{
	size_t i = 0, j;

	while (i < ops->n) {
		int same = ops->items[i].kind == S_SAME;

		for (j = i; j < ops->n && (ops->items[j].kind == S_SAME) == same; j++)
			;
		if (same) {
			S_emit_same(ops, i, j, st, out);
		} else {
			/* "[-a-]{+b+}": the added words follow at once */
			size_t del = S_emit_changed(ops, i, j, S_DEL, 0, st, out);

			S_emit_changed(ops, i, j, S_INS, del > 0 && st->glue, st,
				       out);
		}
		i = j;
	}
}

size_t kg_word_diff(const char *old_text, const char *new_text,
		    const kg_word_style *style, kg_buf *out)
{
	S_word *a, *b;
	size_t n = S_split(old_text, &a), m = S_split(new_text, &b);
	size_t p = 0, q = 0, i, changed;
	S_ops ops = {NULL, 0, 0};

	while (p < n && p < m && S_eq(&a[p], &b[p]))
		p++;
	while (q < n - p && q < m - p && S_eq(&a[n - 1 - q], &b[m - 1 - q]))
		q++;
	for (i = 0; i < p; i++)
		S_push(&ops, S_SAME, &a[i]);
	S_align(a + p, n - p - q, b + p, m - p - q, &ops);
	for (i = n - q; i < n; i++)
		S_push(&ops, S_SAME, &a[i]);
	S_emit(&ops, style, out);
	for (i = 0, changed = 0; i < ops.n; i++)
		changed += ops.items[i].kind != S_SAME;
	free(ops.items);
	free(a);
	free(b);
	return changed;
}
