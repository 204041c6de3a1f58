/*
 * template_parse.c - lexing a Mustache template into tokens, with the
 * spec's standalone-line rules (template_parse.h).
 */
#include "template_parse.h"

#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "utf8.h"

struct lexer {
	struct tpl *t;
	kg_diags *d;
	const char *src;
	size_t len;
	size_t pos;              /* where lexing goes on */
	const char *otag, *ctag; /* the current delimiters */
	size_t olen, clen;
	size_t at;               /* line and col are those of src[at] */
	unsigned line, col;
	size_t *open;            /* indices of the sections still open */
	size_t nopen, opencap;
	size_t max_depth;        /* of sections */
	bool too_deep;           /* the nesting error has been given */
};

/* ---- small helpers ---------------------------------------------------- */

static const char *S_find(const char *hay, size_t hlen, const char *needle,
			  size_t nlen)
{
	const char *p = hay, *end = hay + hlen;

	while ((size_t)(end - p) >= nlen) {
		p = memchr(p, needle[0], (size_t)(end - p) - nlen + 1);
		if (!p)
			return NULL;
		if (memcmp(p, needle, nlen) == 0)
			return p;
		p++;
	}
	return NULL;
}

static bool S_is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static void S_trim(const char **s, size_t *len)
{
	while (*len && S_is_space(**s)) {
		(*s)++;
		(*len)--;
	}
	while (*len && S_is_space((*s)[*len - 1]))
		(*len)--;
}

/* Only spaces and tabs. */
static bool S_blank(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if (s[i] != ' ' && s[i] != '\t')
			return false;
	return true;
}

/* Spaces and tabs, then "\n", "\r\n" or nothing. */
static bool S_blank_eol(const char *s, size_t len)
{
	if (len && s[len - 1] == '\n') {
		len--;
		if (len && s[len - 1] == '\r')
			len--;
	}
	return S_blank(s, len);
}

static bool S_same(const struct tok *a, const struct tok *b)
{
	return a->len == b->len && memcmp(a->s, b->s, a->len) == 0;
}

static struct tok *S_add_tok(struct tpl *t, enum tok_kind kind,
			     const char *s, size_t len)
{
	struct tok *k;

	KG_GROW(t->toks, t->cap, t->n + 1);
	k = &t->toks[t->n++];
	memset(k, 0, sizeof(*k));
	k->kind = kind;
	k->s = s;
	k->len = len;
	return k;
}

void kg_tpl_free(struct tpl *t)
{
	free(t->name);
	free(t->file);
	free(t->src);
	free(t->toks);
}

/* ---- lexing ----------------------------------------------------------- */

/* The place of src[p]; p never goes backwards, so this is linear. */
static kg_mark S_mark(struct lexer *lx, size_t p)
{
	kg_mark m;

	for (; lx->at < p; lx->at++) {
		unsigned char c = (unsigned char)lx->src[lx->at];

		if (c == '\n') {
			lx->line++;
			lx->col = 1;
		} else if (!kg_utf8_is_cont(c)) {
			lx->col++;
		}
	}
	m.file = lx->t->file;
	m.line = lx->line;
	m.col = lx->col;
	return m;
}

kg_mark kg_tpl_mark(const struct tpl *t, const struct tok *k)
{
	kg_mark m;

	m.file = t->file;
	m.line = k->line;
	m.col = k->col;
	return m;
}

/* Text from lx->pos up to stop, one TEXT per line, INDENT at line starts. */
static void S_lex_text(struct lexer *lx, size_t stop)
{
	size_t i = lx->pos, e;
	const char *nl;

	for (;;) {
		if (i < lx->len && (i == 0 || lx->src[i - 1] == '\n'))
			S_add_tok(lx->t, TOK_INDENT, lx->src + i, 0);
		if (i >= stop)
			break;
		nl = memchr(lx->src + i, '\n', stop - i);
		e = nl ? (size_t)(nl - lx->src) + 1 : stop;
		S_add_tok(lx->t, TOK_TEXT, lx->src + i, e - i);
		i = e;
	}
	lx->pos = stop;
}

/* Find c followed by the closing delimiter, at or after from. */
static bool S_find_close(struct lexer *lx, size_t from, char c, size_t *at)
{
	size_t i = from;
	const char *f;

	while ((f = S_find(lx->src + i, lx->len - i, lx->ctag, lx->clen))) {
		size_t k = (size_t)(f - lx->src);

		if (k > from && lx->src[k - 1] == c) {
			*at = k - 1;
			return true;
		}
		i = k + 1;
	}
	return false;
}

static bool S_set_delims(struct lexer *lx, const char *s, size_t len)
{
	size_t i = 0, a, alen, b, blen;

	while (i < len && S_is_space(s[i]))
		i++;
	for (a = i; i < len && !S_is_space(s[i]); i++)
		;
	alen = i - a;
	while (i < len && S_is_space(s[i]))
		i++;
	for (b = i; i < len && !S_is_space(s[i]); i++)
		;
	blen = i - b;
	while (i < len && S_is_space(s[i]))
		i++;
	if (!alen || !blen || i != len)
		return false;
	lx->otag = s + a;
	lx->olen = alen;
	lx->ctag = s + b;
	lx->clen = blen;
	return true;
}

/* A name is "." or non-empty parts joined by dots, without whitespace or
 * NUL; a partial's name only needs to be non-empty without those. */
static int S_check_name(struct lexer *lx, kg_mark at, const struct tok *k)
{
	bool dotted = k->kind != TOK_PARTIAL;
	size_t i;

	if (k->len == 0)
		return kg_error(lx->d, at, "empty tag name");
	for (i = 0; i < k->len; i++)
		if (S_is_space(k->s[i]) || k->s[i] == '\0')
			break;
	if (i == k->len && dotted && !(k->len == 1 && k->s[0] == '.'))
		for (i = 0; i < k->len; i++)
			if (k->s[i] == '.' &&
			    (i == 0 || i + 1 == k->len || k->s[i + 1] == '.'))
				break;
	if (i < k->len)
		return kg_error(lx->d, at, "bad tag name '%.*s'", (int)k->len,
				k->s);
	return 0;
}

static void S_open_section(struct lexer *lx, kg_mark at)
{
	if (lx->nopen == lx->max_depth && !lx->too_deep) {
		kg_error(lx->d, at, "sections nest deeper than %zu",
			 lx->max_depth);
		lx->too_deep = true;
	}
	KG_GROW(lx->open, lx->opencap, lx->nopen + 1);
	lx->open[lx->nopen++] = lx->t->n - 1;
}

/* Match the closing tag just added with the sections still open. */
static void S_close_section(struct lexer *lx, kg_mark at)
{
	struct tok *toks = lx->t->toks;
	size_t k = lx->t->n - 1, j;
	struct tok *top;

	if (lx->nopen == 0) {
		kg_error(lx->d, at, "section '%.*s' closed but never opened",
			 (int)toks[k].len, toks[k].s);
		return;
	}
	top = &toks[lx->open[lx->nopen - 1]];
	if (!S_same(top, &toks[k]))
		kg_error(lx->d, at, "section '%.*s' closed by '%.*s'",
			 (int)top->len, top->s, (int)toks[k].len, toks[k].s);
	/* Recover: close up to the section of that name, if one is open. */
	for (j = lx->nopen; j-- > 0;)
		if (S_same(&toks[lx->open[j]], &toks[k]))
			break;
	if (j == (size_t)-1)
		return;
	while (lx->nopen > j)
		toks[lx->open[--lx->nopen]].end = k;
}

static void S_unclosed_sections(struct lexer *lx)
{
	struct tpl *t = lx->t;
	size_t i;

	for (i = 0; i < lx->nopen; i++) {
		struct tok *k = &t->toks[lx->open[i]];

		kg_error(lx->d, kg_tpl_mark(t, k), "unclosed section '%.*s'",
			 (int)k->len, k->s);
		k->end = t->n;
	}
	lx->nopen = 0;
}

static enum tok_kind S_kind_of(char sigil)
{
	switch (sigil) {
	case '&':
		return TOK_RAW;
	case '#':
		return TOK_SECTION;
	case '^':
		return TOK_INVERTED;
	case '/':
		return TOK_CLOSE;
	case '>':
		return TOK_PARTIAL;
	case '!':
		return TOK_COMMENT;
	default:
		return TOK_VAR;
	}
}

static int S_bad_delims(struct lexer *lx, kg_mark at)
{
	return kg_error(lx->d, at,
			"bad set-delimiter tag (want '%.*s=OPEN CLOSE=%.*s')",
			(int)lx->olen, lx->otag, (int)lx->clen, lx->ctag);
}

/* Find the extent of the tag whose opening delimiter is at p: its kind and
 * content (untrimmed) in *tag, the position after it in *end. */
static int S_scan_tag(struct lexer *lx, size_t p, kg_mark at,
		      struct tok *tag, size_t *end)
{
	size_t q = p + lx->olen, close;
	char sigil = q < lx->len ? lx->src[q] : '\0';
	const char *f;

	if (sigil == '{' || sigil == '=') {
		char c = sigil == '{' ? '}' : '=';

		if (!S_find_close(lx, q + 1, c, &close)) {
			if (sigil == '=' && S_find(lx->src + q, lx->len - q,
						   lx->ctag, lx->clen))
				return S_bad_delims(lx, at);
			return kg_error(lx->d, at,
					"unclosed tag (no '%c%.*s' after it)",
					c, (int)lx->clen, lx->ctag);
		}
		tag->kind = sigil == '{' ? TOK_RAW : TOK_DELIM;
		tag->s = lx->src + q + 1;
		tag->len = close - q - 1;
		*end = close + 1 + lx->clen;
		return 0;
	}
	f = S_find(lx->src + q, lx->len - q, lx->ctag, lx->clen);
	if (!f)
		return kg_error(lx->d, at, "unclosed tag (no '%.*s' after it)",
				(int)lx->clen, lx->ctag);
	tag->kind = S_kind_of(sigil);
	tag->s = lx->src + q + (tag->kind != TOK_VAR);
	tag->len = (size_t)(f - tag->s);
	*end = (size_t)(f - lx->src) + lx->clen;
	return 0;
}

/* Lex the tag whose opening delimiter is at p. Returns -1 when lexing
 * cannot go on (the tag does not end, or the delimiters are unknown). */
static int S_lex_tag(struct lexer *lx, size_t p)
{
	kg_mark at = S_mark(lx, p);
	struct tok tag, *k;
	size_t end = 0;

	memset(&tag, 0, sizeof(tag));
	if (S_scan_tag(lx, p, at, &tag, &end) < 0)
		return -1;
	if (tag.kind == TOK_DELIM) {
		if (!S_set_delims(lx, tag.s, tag.len))
			return S_bad_delims(lx, at);
	} else if (tag.kind != TOK_COMMENT) {
		S_trim(&tag.s, &tag.len);
	}
	k = S_add_tok(lx->t, tag.kind, tag.s, tag.len);
	k->line = at.line;
	k->col = at.col;
	if (k->kind != TOK_COMMENT && k->kind != TOK_DELIM)
		S_check_name(lx, at, k);
	if (k->kind == TOK_SECTION || k->kind == TOK_INVERTED)
		S_open_section(lx, at);
	else if (k->kind == TOK_CLOSE)
		S_close_section(lx, at);
	lx->pos = end;
	return 0;
}

/* Can this tag stand alone on a line (and take the line with it)? */
static bool S_can_stand(enum tok_kind kind)
{
	return kind != TOK_TEXT && kind != TOK_INDENT && kind != TOK_VAR &&
	       kind != TOK_RAW;
}

/* Apply the standalone rules: a tag that may stand alone and is the only
 * thing on its line but for spaces and tabs takes the whole line with it.
 * A standalone partial keeps the spaces before it as its indentation. */
static void S_standalone(struct tpl *t)
{
	size_t k, j;

	for (k = 0; k < t->n; k++) {
		struct tok *tk = &t->toks[k], *prev = NULL, *next = NULL;

		if (!S_can_stand(tk->kind))
			continue;
		j = k;
		if (j > 0 && t->toks[j - 1].kind == TOK_TEXT &&
		    S_blank(t->toks[j - 1].s, t->toks[j - 1].len))
			prev = &t->toks[--j];
		if (j == 0 || t->toks[j - 1].kind != TOK_INDENT)
			continue;
		if (k + 1 < t->n) {
			next = &t->toks[k + 1];
			if (next->kind != TOK_TEXT ||
			    !S_blank_eol(next->s, next->len))
				continue;
			if (next->s[next->len - 1] != '\n' && k + 2 < t->n)
				continue;
			next->dead = true;
		}
		t->toks[j - 1].dead = true;
		tk->standalone = true;
		if (prev) {
			prev->dead = true;
			tk->indent = prev->s;
			tk->indent_len = prev->len;
		}
	}
}

void kg_tpl_parse(struct tpl *t, const char *src, size_t len,
		  size_t max_depth, kg_diags *d)
{
	struct lexer lx;
	const char *f;

	memset(&lx, 0, sizeof(lx));
	lx.t = t;
	lx.d = d;
	lx.src = src;
	lx.len = len;
	lx.otag = "{{";
	lx.ctag = "}}";
	lx.olen = lx.clen = 2;
	lx.line = lx.col = 1;
	lx.max_depth = max_depth;
	while (lx.pos < len) {
		f = S_find(src + lx.pos, len - lx.pos, lx.otag, lx.olen);
		S_lex_text(&lx, f ? (size_t)(f - src) : len);
		if (!f || S_lex_tag(&lx, lx.pos) < 0)
			break;
	}
	S_unclosed_sections(&lx);
	free(lx.open);
	S_standalone(t);
}
