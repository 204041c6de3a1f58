/*
 * template_parse.h - inside the Mustache engine (template.h): a template
 * lexed into tokens, shared by the parser (template_parse.c) and the
 * renderer (template.c). Not for use elsewhere.
 *
 * A template is lexed into one flat array of tokens. Literal text is split
 * so that no TEXT token spans a line end, and every source line (but an
 * empty last one) starts with an INDENT token: a standalone partial's
 * indentation is then "emit the current indent at each INDENT", and the
 * standalone rules are a look at a tag's two neighbours. Tokens removed by
 * those rules stay in the array, marked dead, so indices never move; a
 * section token holds the index of its closing tag, which makes the array
 * a tree.
 *
 * Tokens point into the source they were lexed from: the caller's src for
 * the main template, a source owned by the struct tpl for a partial.
 */
#ifndef KG_TEMPLATE_PARSE_H
#define KG_TEMPLATE_PARSE_H

#include <stdbool.h>
#include <stddef.h>

#include "diag.h"

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


/* Parse src into t->toks (t->file must be set), adding any syntax errors
 * to d; sections may nest max_depth deep. */
void kg_tpl_parse(struct tpl *t, const char *src, size_t len,
		  size_t max_depth, kg_diags *d);

/* The place of tag k of t, for diagnostics. */
kg_mark kg_tpl_mark(const struct tpl *t, const struct tok *k);

/* Free what t holds (not t itself). */
void kg_tpl_free(struct tpl *t);

#endif
