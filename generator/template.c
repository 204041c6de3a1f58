/* template.c - the Mustache engine: render a parsed template (template.h) */
/*
 * kg_template_render parses the template and every partial it can reach
 * (each once, whatever the data; template_parse.c) before it renders, so
 * all syntax errors come before any output. Rendering walks the tokens
 * with a context stack; the only data-dependent errors are partials
 * nesting too deep and the limits on output and steps.
 */
#include "template.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "alloc.h"
#include "file.h"
#include "html_escape.h"
#include "template_parse.h"

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
	const kg_template_hook *hook; /* NULL: none */
	size_t written;        /* bytes the engine appended (not the hook) */
	size_t steps;          /* tokens rendered so far */
};

static size_t S_max_output = KG_TEMPLATE_MAX_OUTPUT;
static size_t S_max_steps = KG_TEMPLATE_MAX_STEPS;

/* ---- small helpers ---------------------------------------------------- */

static void S_truncate(kg_buf *b, size_t len)
{
	b->len = len;
	if (b->cap)
		b->ptr[len] = '\0';
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
	kg_tpl_parse(p, p->src, p->len, KG_TEMPLATE_MAX_SECTION_DEPTH,
		     r->d);
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
				kg_error(r->d, kg_tpl_mark(t, k),
					 "partial '%s' is larger than the %zu MiB "
					 "limit", p->name, KG_TEMPLATE_MAX_FILE >> 20);
			else if (p->reported)
				kg_note(r->d, kg_tpl_mark(t, k),
					"partial '%s' is included here", p->name);
			else if (p->missing && r->opts->strict)
				S_partial_not_found(r, kg_tpl_mark(t, k), p->name);
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

/* ---- what a value is worth: truthiness and text ---------------------- */

bool kg_template_truthy(const kg_node *n)
{
	if (!n)
		return false;
	switch (n->kind) {
	case KG_NODE_MAP:
		return true;
	case KG_NODE_SEQ:
		return n->n > 0;
	case KG_NODE_SCALAR:
		switch (kg_node_scalar_type(n)) {
		case KG_SCALAR_NULL:
			return false;
		case KG_SCALAR_BOOL:
			return n->text[0] == 't' || n->text[0] == 'T';
		default:
			return n->len > 0;
		}
	}
	return false;
}

void kg_template_scalar_text(const kg_node *n, kg_buf *out)
{
	size_t len;

	if (!n || n->kind != KG_NODE_SCALAR)
		return;
	switch (kg_node_scalar_type(n)) {
	case KG_SCALAR_NULL:
		return;
	case KG_SCALAR_FLOAT:
		len = n->len;
		/* 1.210 -> 1.21, 2.0 -> 2; exponents and specials as written */
		if (strchr(n->text, '.') && !strpbrk(n->text, "eEnN")) {
			while (len && n->text[len - 1] == '0')
				len--;
			if (len && n->text[len - 1] == '.')
				len--;
		}
		kg_buf_put(out, n->text, len);
		return;
	default:
		kg_buf_put(out, n->text, n->len);
	}
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
 * error ends the render) and cut the output back to the limit. The bytes
 * past it are the engine's last ones, at the end of out (a hook's output
 * is not counted, and out is checked before every token). */
static int S_over_limit(struct render *r, const struct tpl *t,
			const struct tok *k)
{
	char size[32];

	if (r->written > S_max_output) {
		size_t excess = r->written - S_max_output;

		S_truncate(r->out, excess < r->out->len ? r->out->len - excess : 0);
		r->written = S_max_output;
		S_size(size, sizeof(size), S_max_output);
		return kg_error(r->d, kg_tpl_mark(t, k),
				"output larger than %s (partials or sections "
				"repeat too often)", size);
	}
	if (r->steps > S_max_steps)
		return kg_error(r->d, kg_tpl_mark(t, k),
				"rendering takes more than %zu steps (partials "
				"or sections repeat too often)", S_max_steps);
	return 0;
}

static int S_render(struct render *r, const struct tpl *t, size_t from,
		    size_t to);

/* Append len bytes of s to out, as the engine's own output. */
static void S_put(struct render *r, const char *s, size_t len)
{
	kg_buf_put(r->out, s, len);
	r->written += len;
}

static void S_interpolate(struct render *r, const struct tok *k)
{
	const kg_node *v = S_lookup(r, k->s, k->len);
	size_t before;

	if (v && r->hook && v == r->hook->value) {
		r->hook->write(r->hook->ctx, k->kind != TOK_RAW, r->out);
		return;
	}
	if (!v || v->kind != KG_NODE_SCALAR)
		return;
	kg_buf_reset(&r->scratch);
	kg_template_scalar_text(v, &r->scratch);
	if (k->kind == TOK_RAW) {
		S_put(r, r->scratch.ptr, r->scratch.len);
		return;
	}
	before = r->out->len;
	if (r->opts->escape)
		r->opts->escape(r->out, r->scratch.ptr, r->scratch.len);
	else
		kg_html_escape(r->out, r->scratch.ptr, r->scratch.len);
	r->written += r->out->len - before;
}

/* Render the section opened at toks[i], once per item of a list, once
 * with the value on the stack for any other truthy value. */
static int S_section(struct render *r, const struct tpl *t, size_t i)
{
	const struct tok *k = &t->toks[i];
	const kg_node *v = S_lookup(r, k->s, k->len);
	size_t j, n = 1;
	int rc = 0;

	if (!kg_template_truthy(v))
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
		return kg_error(r->d, kg_tpl_mark(t, k),
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
			S_put(r, k->s, k->len);
			break;
		case TOK_INDENT:
			S_put(r, r->indent.ptr + r->indent_from,
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
			if (!kg_template_truthy(S_lookup(r, k->s, k->len)) &&
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
	return kg_template_render_hooked(file, src, len, data, opts, NULL, out,
					 d);
}

int kg_template_render_hooked(const char *file, const char *src, size_t len,
			      const kg_node *data, const kg_template_opts *opts,
			      const kg_template_hook *hook, kg_buf *out,
			      kg_diags *d)
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
	r.hook = hook;
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
	kg_tpl_parse(&top, src, len, KG_TEMPLATE_MAX_SECTION_DEPTH, d);
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
		kg_tpl_free(p);
		free(p);
	}
	kg_tpl_free(&top);
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

int kg_template_render_file(const char *templates, const char *format,
			    const char *name, const kg_node *data,
			    void (*escape)(kg_buf *, const char *, size_t),
			    const kg_template_hook *hook, kg_buf *out,
			    kg_diags *d)
{
	kg_buf path = KG_BUF_INIT, src = KG_BUF_INIT, partials = KG_BUF_INIT;
	kg_template_opts opts = {escape, kg_template_partial_from_dir, NULL, true,
				 NULL};
	kg_partial_dir pd = {NULL, d};
	int rc;

	kg_buf_printf(&path, "%s/%s/%s.mustache", templates, format, name);
	kg_buf_printf(&partials, "%s/%s", templates, format);
	pd.dir = partials.ptr;
	opts.partial_ctx = &pd;
	rc = kg_file_read(path.ptr, KG_TEMPLATE_MAX_FILE, &src, d);
	if (rc == 0)
		rc = kg_template_render_hooked(path.ptr, src.ptr, src.len, data,
					       &opts, hook, out, d);
	kg_buf_release(&src);
	kg_buf_release(&partials);
	kg_buf_release(&path);
	return rc;
}
