/* template.c - the Mustache engine: parse a template to tokens, then render */
/*
 * A template is lexed into one flat array of tokens. Literal text is split
 * so that no TEXT token spans a line end, and every source line (but an
 * empty last one) starts with an INDENT token: a standalone partial's
 * indentation is then "emit the current indent at each INDENT", and the
 * standalone rules are a look at a tag's two neighbours. Tokens removed by those rules
 * stay in the array, marked dead, so indices never move; a section token
 * holds the index of its closing tag, which makes the array a tree.
 *
 * Tokens point into the source they were lexed from: the caller's src for
 * the main template, a source owned by the struct tpl for a partial.
 *
 * kg_template_render parses the template and every partial it can reach
 * (each once, whatever the data) before it renders, so all syntax errors
 * come before any output. Rendering walks the tokens with a context stack;
 * the only data-dependent error is partials nesting too deep.
 */
#include "template.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "file.h"

enum tok_kind {
	TOK_TEXT,     /* literal text; if it holds a '\n', that ends it */
	TOK_INDENT,   /* start of a source line: the current indentation */
	TOK_VAR,      /* {{name}}: escaped */
	TOK_RAW,      /* {{{name}}} or {{&name}} */
	TOK_SECTION,  /* {{#name}} */
	TOK_INVERTED, /* {{^name}} */
	TOK_CLOSE,    /* {{/name}} */
	TOK_PARTIAL,  /* {{>name}} */
	TOK_COMMENT,  /* {{!...}} */
	TOK_DELIM     /* {{=open close=}} */
};

struct tpl;

struct tok {
	enum tok_kind kind;
	bool dead;         /* removed by the standalone rules */
	bool standalone;   /* the tag was alone on its line */
	const char *s;     /* the text, or the tag's name */
	size_t len;
	unsigned line;     /* tags: where the opening delimiter is */
	unsigned col;
	size_t end;        /* sections: index of the closing tag */
	const char *indent; /* standalone partial: the whitespace before it */
	size_t indent_len;
	struct tpl *partial; /* partial: what it names; NULL when absent */
};

struct tpl {
	char *name;     /* partial name; NULL for the main template */
	size_t name_len; /* as written: a bad name may hold a NUL */
	char *file;     /* shown in diagnostics; NULL when unnamed */
	char *src;      /* a partial's source */
	size_t len;
	bool missing;   /* the partial callback did not find it */
	bool too_big;   /* found, but over KG_TEMPLATE_MAX_FILE */
	bool reported;  /* found but unreadable: the callback said why */
	struct tok *toks;
	size_t n, cap;
	struct tpl *next; /* every partial of one render, in load order */
};

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
	bool too_deep;           /* the nesting error has been given */
};

struct render {
	const kg_template_opts *opts;
	kg_buf *out;
	kg_diags *d;
	struct tpl *partials; /* list, in load order */
	struct tpl **tail;
	const kg_node **stack; /* the context stack; top at depth - 1 */
	size_t depth, cap;
	kg_buf scratch;        /* a value's text before escaping */
	kg_buf indent;         /* the indentation is indent.ptr[from..len) */
	size_t indent_from;
	unsigned nesting;      /* partials entered */
	size_t out_start;      /* out->len when the render began */
	size_t steps;          /* tokens rendered so far */
};

static size_t S_max_output = KG_TEMPLATE_MAX_OUTPUT;
static size_t S_max_steps = KG_TEMPLATE_MAX_STEPS;

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

static void S_truncate(kg_buf *b, size_t len)
{
	b->len = len;
	if (b->cap)
		b->ptr[len] = '\0';
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

static void S_free_tpl(struct tpl *t)
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
		} else if ((c & 0xC0) != 0x80) {
			lx->col++;
		}
	}
	m.file = lx->t->file;
	m.line = lx->line;
	m.col = lx->col;
	return m;
}

static kg_mark S_tok_mark(const struct tpl *t, const struct tok *k)
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
	if (lx->nopen == KG_TEMPLATE_MAX_SECTION_DEPTH && !lx->too_deep) {
		kg_error(lx->d, at, "sections nest deeper than %d",
			 KG_TEMPLATE_MAX_SECTION_DEPTH);
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

		kg_error(lx->d, S_tok_mark(t, k), "unclosed section '%.*s'",
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

/* Parse src into t->toks (t->file must be set), adding any syntax errors
 * to d. */
static void S_parse(struct tpl *t, const char *src, size_t len, kg_diags *d)
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

/* ---- partials --------------------------------------------------------- */

static struct tpl *S_load_partial(struct render *r, const char *name,
				  size_t len)
{
	struct tpl *p = kg_xcalloc(1, sizeof(*p));
	kg_buf src = KG_BUF_INIT;
	const char *file = NULL;
	const kg_template_opts *o = r->opts;
	int rc = -1;

	p->name = kg_xstrndup(name, len);
	p->name_len = len;
	*r->tail = p;
	r->tail = &p->next;
	if (!o->partial || (rc = o->partial(o->partial_ctx, p->name, &src,
					     &file)) != 0) {
		kg_buf_release(&src);
		p->missing = true;
		p->reported = o->partial && rc == -2;
		return p;
	}
	if (src.len > KG_TEMPLATE_MAX_FILE) {
		kg_buf_release(&src);
		p->missing = p->too_big = true;
		return p;
	}
	p->file = kg_xstrdup(file ? file : p->name);
	p->src = kg_buf_detach(&src, &p->len);
	S_parse(p, p->src, p->len, r->d);
	return p;
}

static void S_partial_not_found(struct render *r, kg_mark at, const char *name)
{
	kg_error(r->d, at, "partial '%s' not found", name);
	if (r->opts->partial_hint)
		kg_note(r->d, at, "%s", r->opts->partial_hint);
}

/* Point t's partial tags at their partials, loading what is new. */
static void S_link_partials(struct render *r, struct tpl *t)
{
	size_t i;

	for (i = 0; i < t->n; i++) {
		struct tok *k = &t->toks[i];
		struct tpl *p;

		if (k->kind != TOK_PARTIAL)
			continue;
		for (p = r->partials; p; p = p->next)
			if (p->name_len == k->len &&
			    memcmp(p->name, k->s, k->len) == 0)
				break;
		if (!p) {
			p = S_load_partial(r, k->s, k->len);
			if (p->too_big)
				kg_error(r->d, S_tok_mark(t, k),
					 "partial '%s' is larger than the %zu MiB "
					 "limit", p->name, KG_TEMPLATE_MAX_FILE >> 20);
			else if (p->reported)
				kg_note(r->d, S_tok_mark(t, k),
					"partial '%s' is included here", p->name);
			else if (p->missing && r->opts->strict)
				S_partial_not_found(r, S_tok_mark(t, k), p->name);
		}
		k->partial = p->missing ? NULL : p;
	}
}

/* ---- rendering -------------------------------------------------------- */

static void S_push(struct render *r, const kg_node *n)
{
	KG_GROW(r->stack, r->cap, r->depth + 1);
	r->stack[r->depth++] = n;
}

static const kg_node *S_get(const kg_node *map, const char *key, size_t len)
{
	size_t i;

	if (!map || map->kind != KG_NODE_MAP)
		return NULL;
	for (i = 0; i < map->npairs; i++) {
		const kg_node *k = map->pairs[i].key;

		if (k->len == len && memcmp(k->text, key, len) == 0)
			return map->pairs[i].value;
	}
	return NULL;
}

/* Resolve a name: "." is the top of the stack; otherwise the first part is
 * looked up from the top of the stack down, the rest in what it found. */
static const kg_node *S_lookup(const struct render *r, const char *name,
			       size_t len)
{
	const char *end = name + len, *dot;
	const kg_node *v = NULL;
	size_t i;

	if (len == 1 && name[0] == '.')
		return r->depth ? r->stack[r->depth - 1] : NULL;
	dot = memchr(name, '.', len);
	if (!dot)
		dot = end;
	for (i = r->depth; i-- > 0 && !v;)
		v = S_get(r->stack[i], name, (size_t)(dot - name));
	while (v && dot < end) {
		name = dot + 1;
		dot = memchr(name, '.', (size_t)(end - name));
		if (!dot)
			dot = end;
		v = S_get(v, name, (size_t)(dot - name));
	}
	return v;
}

static bool S_truthy(const kg_node *v)
{
	return v && kg_node_truthy(v);
}

/* "256 MiB", or a byte count when it is not whole MiB. */
static void S_size(char *s, size_t n, size_t bytes)
{
	if (bytes >= (1u << 20) && bytes % (1u << 20) == 0)
		snprintf(s, n, "%zu MiB", bytes >> 20);
	else
		snprintf(s, n, "%zu bytes", bytes);
}

/* Has the render outgrown its limits at token k? Then say so (once: the
 * error ends the render) and cut the output back to the limit. */
static int S_over_limit(struct render *r, const struct tpl *t,
			const struct tok *k)
{
	char size[32];

	if (r->out->len - r->out_start > S_max_output) {
		S_truncate(r->out, r->out_start + S_max_output);
		S_size(size, sizeof(size), S_max_output);
		return kg_error(r->d, S_tok_mark(t, k),
				"output larger than %s (partials or sections "
				"repeat too often)", size);
	}
	if (r->steps > S_max_steps)
		return kg_error(r->d, S_tok_mark(t, k),
				"rendering takes more than %zu steps (partials "
				"or sections repeat too often)", S_max_steps);
	return 0;
}

static int S_render(struct render *r, const struct tpl *t, size_t from,
		    size_t to);

static void S_interpolate(struct render *r, const struct tok *k)
{
	const kg_node *v = S_lookup(r, k->s, k->len);

	if (!v || v->kind != KG_NODE_SCALAR)
		return;
	if (k->kind == TOK_RAW) {
		kg_node_scalar_text(v, r->out);
		return;
	}
	kg_buf_reset(&r->scratch);
	kg_node_scalar_text(v, &r->scratch);
	if (r->opts->escape)
		r->opts->escape(r->out, r->scratch.ptr, r->scratch.len);
	else
		kg_template_escape_html(r->out, r->scratch.ptr, r->scratch.len);
}

/* Render the section opened at toks[i], once per item of a list, once
 * with the value on the stack for any other truthy value. */
static int S_section(struct render *r, const struct tpl *t, size_t i)
{
	const struct tok *k = &t->toks[i];
	const kg_node *v = S_lookup(r, k->s, k->len);
	size_t j, n = 1;
	int rc = 0;

	if (!S_truthy(v))
		return 0;
	if (v->kind == KG_NODE_SEQ)
		n = v->n;
	for (j = 0; j < n && rc == 0; j++) {
		/* an iteration is work even when its body is empty */
		r->steps++;
		if (S_over_limit(r, t, k) < 0)
			return -1;
		S_push(r, v->kind == KG_NODE_SEQ ? v->items[j] : v);
		rc = S_render(r, t, i + 1, k->end);
		r->depth--;
	}
	return rc;
}

static int S_partial(struct render *r, const struct tpl *t,
		     const struct tok *k)
{
	size_t len = r->indent.len, from = r->indent_from;
	int rc;

	if (!k->partial)
		return 0;
	if (r->nesting == KG_TEMPLATE_MAX_PARTIAL_DEPTH)
		return kg_error(r->d, S_tok_mark(t, k),
				"partials nest deeper than %d (partial '%s')",
				KG_TEMPLATE_MAX_PARTIAL_DEPTH,
				k->partial->name);
	/* A standalone partial adds its indentation to the current one; one
	 * inside a line is not indented at all. */
	if (k->standalone)
		kg_buf_put(&r->indent, k->indent, k->indent_len);
	else
		r->indent_from = r->indent.len;
	r->nesting++;
	rc = S_render(r, k->partial, 0, k->partial->n);
	r->nesting--;
	S_truncate(&r->indent, len);
	r->indent_from = from;
	return rc;
}

static int S_render(struct render *r, const struct tpl *t, size_t from,
		    size_t to)
{
	size_t i;

	for (i = from; i < to; i++) {
		const struct tok *k = &t->toks[i];

		if (k->dead)
			continue;
		r->steps++;
		if (S_over_limit(r, t, k) < 0)
			return -1;
		switch (k->kind) {
		case TOK_TEXT:
			kg_buf_put(r->out, k->s, k->len);
			break;
		case TOK_INDENT:
			kg_buf_put(r->out, r->indent.ptr + r->indent_from,
				   r->indent.len - r->indent_from);
			break;
		case TOK_VAR:
		case TOK_RAW:
			S_interpolate(r, k);
			break;
		case TOK_SECTION:
			if (S_section(r, t, i) < 0)
				return -1;
			i = k->end;
			break;
		case TOK_INVERTED:
			if (!S_truthy(S_lookup(r, k->s, k->len)) &&
			    S_render(r, t, i + 1, k->end) < 0)
				return -1;
			i = k->end;
			break;
		case TOK_PARTIAL:
			if (S_partial(r, t, k) < 0)
				return -1;
			break;
		case TOK_CLOSE:
		case TOK_COMMENT:
		case TOK_DELIM:
			break;
		}
	}
	return 0;
}

/* ---- the API ---------------------------------------------------------- */

int kg_template_render(const char *file, const char *src, size_t len,
		       const kg_node *data, const kg_template_opts *opts,
		       kg_buf *out, kg_diags *d)
{
	static const kg_template_opts defaults;
	struct tpl top;
	struct render r;
	struct tpl *p, *next;
	size_t errors = d->errors;
	int rc = -1;

	memset(&top, 0, sizeof(top));
	memset(&r, 0, sizeof(r));
	r.opts = opts ? opts : &defaults;
	r.out = out;
	r.out_start = out->len;
	r.d = d;
	r.tail = &r.partials;
	kg_buf_init(&r.scratch);
	kg_buf_init(&r.indent);

	top.file = file ? kg_xstrdup(file) : NULL;
	if (len > KG_TEMPLATE_MAX_FILE) {
		kg_error(d, (kg_mark){file, 0, 0}, "template is larger than the "
			 "%zu MiB limit", KG_TEMPLATE_MAX_FILE >> 20);
		free(top.file);
		return -1;
	}
	S_parse(&top, src, len, d);
	S_link_partials(&r, &top);
	for (p = r.partials; p; p = p->next)
		S_link_partials(&r, p);

	if (d->errors == errors) {
		if (data)
			S_push(&r, data);
		rc = S_render(&r, &top, 0, top.n);
		if (rc == 0 && top.n && S_over_limit(&r, &top, &top.toks[top.n - 1]) < 0)
			rc = -1;
	}

	for (p = r.partials; p; p = next) {
		next = p->next;
		S_free_tpl(p);
		free(p);
	}
	S_free_tpl(&top);
	free(r.stack);
	kg_buf_release(&r.scratch);
	kg_buf_release(&r.indent);
	return rc;
}

void kg_template_set_limits(size_t max_output, size_t max_steps)
{
	S_max_output = max_output ? max_output : KG_TEMPLATE_MAX_OUTPUT;
	S_max_steps = max_steps ? max_steps : KG_TEMPLATE_MAX_STEPS;
}

void kg_template_escape_html(kg_buf *out, const char *s, size_t len)
{
	size_t i, start = 0;
	const char *ent;

	for (i = 0; i < len; i++) {
		switch (s[i]) {
		case '&':
			ent = "&amp;";
			break;
		case '<':
			ent = "&lt;";
			break;
		case '>':
			ent = "&gt;";
			break;
		case '"':
			ent = "&quot;";
			break;
		case '\'':
			ent = "&#39;";
			break;
		default:
			continue;
		}
		kg_buf_put(out, s + start, i - start);
		kg_buf_puts(out, ent);
		start = i + 1;
	}
	kg_buf_put(out, s + start, len - start);
}

int kg_template_partial_from_dir(void *ctx, const char *name, kg_buf *out,
				 const char **file)
{
	static _Thread_local char shown[4096];
	const kg_partial_dir *pd = ctx;
	kg_buf path = KG_BUF_INIT;
	int rc = 0;

	if (!name[0] || name[0] == '.' || strchr(name, '/'))
		return -1;
	kg_buf_printf(&path, "%s/%s.mustache", pd->dir, name);
	if (access(path.ptr, F_OK) < 0 && errno == ENOENT)
		rc = -1; /* not there: the engine says "not found" when strict */
	else if (kg_file_read(path.ptr, KG_TEMPLATE_MAX_FILE, out, pd->d) < 0)
		rc = -2;
	else if (path.len < sizeof(shown)) {
		memcpy(shown, path.ptr, path.len + 1);
		*file = shown;
	}
	kg_buf_release(&path);
	return rc;
}
