/*
 * yaml_load.c - loading one YAML document into a kg_node tree, with marks
 * (yaml_load.h).
 *
 * The loader drives libyaml's event parser and builds the tree itself, so
 * it can refuse what is unsafe to walk before it is built: invalid UTF-8
 * and NUL bytes (checked over the raw bytes first), anchors and aliases,
 * tags other than !!str, nesting deeper than KG_NODE_MAX_DEPTH, duplicate
 * keys and more than one document, and scalars holding a NUL (however
 * written) or a control character. A UTF-8 byte order mark is skipped.
 * Places come from the file's line index (lines.h), not from libyaml's
 * line and column, which count U+0085, U+2028 and U+2029 as line breaks;
 * the index is handed to the diagnostics, which print source lines by it.
 *
 * A loaded file is an arena tree (node.h): one allocation for its root and
 * an arena for the rest, nodes, scalar text, and each collection's array,
 * copied there at its final size once the collection is complete.
 */
#include "yaml_load.h"

#include <stdlib.h>
#include <string.h>
#include <yaml.h>

#include "alloc.h"
#include "arena.h"
#include "buf.h"
#include "file.h"
#include "lines.h"
#include "utf8.h"

/* ---- raw byte checks ---------------------------------------------------- */

static int S_check_bytes(const kg_lines *lines, const char *src, size_t len,
			 kg_diags *d)
{
	const unsigned char *s = (const unsigned char *)src;
	size_t i = 0, step;
	unsigned cp;

	while (i < len) {
		if (s[i] == 0)
			return kg_error(d, kg_lines_at_byte(lines, src, i),
					"file contains a NUL byte");
		step = kg_utf8_decode(s + i, len - i, &cp);
		if (step == 0)
			return kg_error(d, kg_lines_at_byte(lines, src, i),
					"invalid UTF-8 (byte 0x%02X)", s[i]);
		if (cp == 0x85) /* C1: refused in texts; here it ends a comment */
			return kg_error(d, kg_lines_at_byte(lines, src, i),
					"file contains the control character "
					"U+0085 (next line), which YAML reads as "
					"a line break and editors do not");
		if (cp >= 0xFDD0 && cp <= 0xFDEF) /* see S_hide_separators */
			return kg_error(d, kg_lines_at_byte(lines, src, i),
					"file contains the noncharacter U+%04X, "
					"which is no text", cp);
		i += step;
	}
	return 0;
}

/* libyaml (YAML 1.1) reads a raw U+2028 LINE SEPARATOR or U+2029
 * PARAGRAPH SEPARATOR as a line break everywhere, where editors, grep -n
 * and YAML 1.2 see an ordinary character: in a comment, the text after
 * one became content. So the parser is given them as the noncharacters
 * U+FDD0 and U+FDD1 (three bytes long too, so every offset and mark
 * holds; Unicode keeps noncharacters for a program's own use, and a file
 * may not hold them, S_check_bytes), and a scalar's text gets them back
 * (S_show_separators). A copy of src with them replaced, or NULL when it
 * has none. */
static char *S_hide_separators(const char *src, size_t len)
{
	char *copy = NULL;
	size_t i;

	for (i = 0; i + 2 < len; i++) {
		if ((unsigned char)src[i] != 0xE2 || (unsigned char)src[i + 1] != 0x80 ||
		    ((unsigned char)src[i + 2] != 0xA8 && (unsigned char)src[i + 2] != 0xA9))
			continue;
		if (!copy) {
			copy = kg_xmalloc(len + 1);
			memcpy(copy, src, len);
			copy[len] = '\0';
		}
		copy[i] = (char)0xEF; /* U+2028 -> U+FDD0, U+2029 -> U+FDD1 */
		copy[i + 1] = (char)0xB7;
		copy[i + 2] = (char)(src[i + 2] == (char)0xA8 ? 0x90 : 0x91);
		i += 2;
	}
	return copy;
}

/* Give s (len bytes) back the separators S_hide_separators hid. */
static void S_show_separators(char *s, size_t len)
{
	size_t i;

	for (i = 0; i + 2 < len; i++)
		if ((unsigned char)s[i] == 0xEF && (unsigned char)s[i + 1] == 0xB7 &&
		    ((unsigned char)s[i + 2] == 0x90 || (unsigned char)s[i + 2] == 0x91)) {
			s[i] = (char)0xE2;
			s[i + 1] = (char)0x80;
			s[i + 2] = (char)(s[i + 2] == (char)0x90 ? 0xA8 : 0xA9);
			i += 2;
		}
}

/* ---- the event-driven builder ------------------------------------------- */

/* The children of the collections being built, innermost last: a
 * collection's items (or pairs) are pushed here while it is parsed, then
 * copied into the arena at their final size. */
typedef struct S_pending {
	kg_node **items;
	size_t n, cap;
	kg_pair *pairs;
	size_t npairs, pcap;
} S_pending;

typedef struct S_loader {
	const char *name;
	const char *src;   /* after the BOM, if any: what libyaml reads */
	size_t len;
	const kg_lines *lines; /* over the whole file, BOM included */
	kg_diags *d;
	yaml_parser_t parser;
	unsigned depth;
	kg_node *root;     /* an arena tree's: the first node made */
	kg_arena *arena;   /* root's */
	bool root_made;
	bool bad_text;     /* a scalar held a control: reported, file refused */
	bool controls_ok;  /* data, not content: only NUL is refused */
	char *hidden;      /* the file with its separators hidden, or NULL */
	S_pending pending;
} S_loader;

/* libyaml's line and column count U+0085, U+2028 and U+2029 as line
 * breaks; its index (in characters) is right, and the line index turns it
 * into the place an editor shows. */
static kg_mark S_mark(const S_loader *l, yaml_mark_t m)
{
	return kg_lines_at_char(l->lines, m.index);
}

/* The byte offset in l->src of mark m. */
static size_t S_offset(const S_loader *l, yaml_mark_t m)
{
	kg_mark at = S_mark(l, m);
	size_t off, col;

	kg_lines_offset(l->lines, at.line, &off);
	off -= l->lines->bom;
	for (col = 1; off < l->len && col < at.col; col++) {
		off++;
		while (off < l->len && kg_utf8_is_cont((unsigned char)l->src[off]))
			off++;
	}
	return off;
}

/* A node in the file's arena; the first one made is the file's root. */
static kg_node *S_node(S_loader *l, kg_node_kind kind, yaml_mark_t at)
{
	kg_node *n;

	if (!l->root_made) {
		n = l->root;
		l->root_made = true;
	} else {
		n = kg_node_arena_new(l->root);
	}
	n->kind = kind;
	n->mark = S_mark(l, at);
	return n;
}

/* A note after libyaml's complaint for the slips people make most: a
 * colon in unquoted text, a tab for indentation, a quote never closed. */
static void S_slip_hint(S_loader *l, const char *problem, int at_tab,
			kg_mark at)
{
	const yaml_parser_t *p = &l->parser;

	if (strstr(problem, "mapping values are not allowed"))
		kg_note(l->d, at, "a text that holds ': ' must be quoted "
			"(\"like: this\") or written as a block scalar (|)");
	else if (at_tab || strstr(problem, "tab"))
		kg_note(l->d, at, "indent with spaces: YAML does not allow tabs "
			"in indentation");
	else if (p->context && strstr(p->context, "quoted scalar") &&
		 strstr(problem, "end of stream"))
		kg_note(l->d, S_mark(l, p->context_mark),
			"the quote opened here is never closed");
}

static int S_parser_error(S_loader *l)
{
	yaml_parser_t *p = &l->parser;
	const char *problem = p->problem ? p->problem : "malformed YAML";
	kg_mark at = S_mark(l, p->problem_mark);
	size_t off = S_offset(l, p->problem_mark);

	/* libyaml's own allocation failed: the same exit as kitgen's */
	if (p->error == YAML_MEMORY_ERROR)
		kg_oom(0);
	if (p->error == YAML_READER_ERROR || p->error == YAML_MEMORY_ERROR) {
		at = kg_lines_at_byte(l->lines, l->src - l->lines->bom,
				      l->lines->bom + (p->problem_offset < l->len
						       ? p->problem_offset : l->len));
		/* the bytes are valid UTF-8 (checked first): the reader's
		 * complaint is about a character, which it names */
		if (p->error == YAML_READER_ERROR && p->problem_value >= 0)
			return kg_error(l->d, at, "%s (U+%04X)", problem,
					(unsigned)p->problem_value);
		return kg_error(l->d, at, "%s", problem);
	}
	if (off < l->len && l->src[off] == '\t' && !strstr(problem, "tab"))
		kg_error(l->d, at, "%s (tabs are not allowed in indentation)",
			 problem);
	else if (p->context)
		kg_error(l->d, at, "%s %s that starts at line %u", problem,
			 p->context, S_mark(l, p->context_mark).line);
	else
		kg_error(l->d, at, "%s", problem);
	S_slip_hint(l, problem, off < l->len && l->src[off] == '\t', at);
	return -1;
}

/* Next event into *e; -1 (with a diagnostic) on a parse error. */
static int S_next(S_loader *l, yaml_event_t *e)
{
	if (!yaml_parser_parse(&l->parser, e))
		return S_parser_error(l);
	return 0;
}

static int S_check_props(S_loader *l, const yaml_event_t *e,
			 yaml_char_t *anchor, yaml_char_t *tag)
{
	if (anchor)
		return kg_error(l->d, S_mark(l, e->start_mark),
				"anchors and aliases are not supported ('&%s')",
				(char *)anchor);
	if (tag && strcmp((char *)tag, YAML_STR_TAG) != 0) {
		/* tag:yaml.org,2002:int was written !!int */
		static const char core[] = "tag:yaml.org,2002:";
		const char *t = (const char *)tag;
		int short_form = strncmp(t, core, sizeof(core) - 1) == 0;

		return kg_error(l->d, S_mark(l, e->start_mark),
				"tag '%s%s' is not supported",
				short_form ? "!!" : "",
				short_form ? t + sizeof(core) - 1 : t);
	}
	return 0;
}

static kg_node *S_parse_node(S_loader *l, yaml_event_t *e);

/* A NUL however it was written (raw NUL bytes were refused already, but
 * the escapes "\0", "\x00", "\u0000" make one, and C would cut the text
 * there), C0 controls other than tab and line feed, DEL and C1 controls
 * (U+0080 to U+009F): no output can show them, and a terminal obeys them.
 * Refused in every scalar, key or value, at the scalar's place; loading
 * goes on, so every such scalar of the file is reported, and then the
 * file is refused. */
static void S_check_text(S_loader *l, const yaml_event_t *e)
{
	const unsigned char *s = e->data.scalar.value;
	size_t len = e->data.scalar.length, i, step;
	unsigned cp;

	for (i = 0; i < len; i += step) {
		step = kg_utf8_decode(s + i, len - i, &cp);
		if (step == 0) /* libyaml writes only UTF-8: not reached */
			step = 1, cp = s[i];
		if (cp == 0) {
			kg_error(l->d, S_mark(l, e->start_mark),
				 "text holds a NUL character ('\\0')");
			l->bad_text = true;
			return;
		}
		if (!l->controls_ok &&
		    ((cp < 0x20 && cp != '\t' && cp != '\n') || cp == 0x7F ||
		     (cp >= 0x80 && cp <= 0x9F))) {
			kg_error(l->d, S_mark(l, e->start_mark),
				 "text holds control character U+%04X; only tab "
				 "and line feed are allowed", cp);
			l->bad_text = true;
			return;
		}
	}
}

static int S_key_cmp(const void *a, const void *b)
{
	const kg_pair *x = *(const kg_pair *const *)a;
	const kg_pair *y = *(const kg_pair *const *)b;
	int c = strcmp(x->key->text, y->key->text);

	if (c)
		return c;
	/* equal keys keep document order, so the first one stays first */
	return x < y ? -1 : x > y;
}

/* Duplicate keys in O(n log n): sort pointers, compare neighbours. */
static int S_check_duplicates(S_loader *l, kg_node *map)
{
	kg_pair **sorted;
	const kg_pair *first;
	size_t i;
	int rc = 0;

	if (map->npairs < 2)
		return 0;
	sorted = kg_xmalloc(map->npairs * sizeof(*sorted));
	for (i = 0; i < map->npairs; i++)
		sorted[i] = &map->pairs[i];
	qsort(sorted, map->npairs, sizeof(*sorted), S_key_cmp);
	first = sorted[0];
	for (i = 1; i < map->npairs; i++) {
		if (strcmp(sorted[i - 1]->key->text, sorted[i]->key->text) != 0) {
			first = sorted[i];
			continue;
		}
		rc = kg_error(l->d, sorted[i]->key->mark,
			      "duplicate key '%s' (first at line %u)",
			      sorted[i]->key->text, first->key->mark.line);
	}
	free(sorted);
	return rc;
}

/* Move a collection's children, pending from index `from` on, into the
 * arena: arrays sized to fit, with cap 0 (not the node's own). */
static void S_settle(S_loader *l, kg_node *n, size_t from)
{
	S_pending *p = &l->pending;
	kg_arena *a = l->arena;

	if (n->kind == KG_NODE_MAP) {
		n->npairs = p->npairs - from;
		n->pairs = n->npairs ? kg_arena_memdup(a, p->pairs + from,
						       n->npairs * sizeof(*p->pairs))
				     : NULL;
		p->npairs = from;
	} else {
		n->n = p->n - from;
		n->items = n->n ? kg_arena_memdup(a, p->items + from,
						  n->n * sizeof(*p->items))
				: NULL;
		p->n = from;
	}
}

/* On failure the caller gives up on the whole file, whose arena holds
 * what was built so far: nothing here is freed one node at a time. */
static kg_node *S_parse_collection(S_loader *l, yaml_event_t *e, bool is_map)
{
	kg_node *n = S_node(l, is_map ? KG_NODE_MAP : KG_NODE_SEQ, e->start_mark);
	yaml_event_type_t end = is_map ? YAML_MAPPING_END_EVENT
				       : YAML_SEQUENCE_END_EVENT;
	S_pending *p = &l->pending;
	size_t from = is_map ? p->npairs : p->n;
	int failed = 0;

	yaml_event_delete(e);
	if (++l->depth > KG_NODE_MAX_DEPTH) {
		kg_error(l->d, n->mark, "nesting deeper than %d levels",
			 KG_NODE_MAX_DEPTH);
		return NULL;
	}
	for (;;) {
		yaml_event_t ev;
		kg_node *key, *value;

		if (S_next(l, &ev) < 0)
			return NULL;
		if (ev.type == end) {
			yaml_event_delete(&ev);
			break;
		}
		key = S_parse_node(l, &ev);
		if (!key)
			return NULL;
		if (!is_map) {
			KG_GROW(p->items, p->cap, p->n + 1);
			p->items[p->n++] = key;
			continue;
		}
		if (key->kind != KG_NODE_SCALAR) {
			kg_error(l->d, key->mark, "a mapping key must be text");
			failed = 1;
		}
		if (S_next(l, &ev) < 0 || !(value = S_parse_node(l, &ev)))
			return NULL;
		if (key->kind != KG_NODE_SCALAR) /* reported: drop the pair */
			continue;
		KG_GROW(p->pairs, p->pcap, p->npairs + 1);
		p->pairs[p->npairs].key = key;
		p->pairs[p->npairs].value = value;
		p->npairs++;
	}
	l->depth--;
	S_settle(l, n, from);
	if (is_map && S_check_duplicates(l, n) < 0)
		failed = 1;
	return failed ? NULL : n;
}

/* Build the node that starts with event e (which this consumes). */
static kg_node *S_parse_node(S_loader *l, yaml_event_t *e)
{
	kg_node *n;

	switch (e->type) {
	case YAML_SCALAR_EVENT:
		if (S_check_props(l, e, e->data.scalar.anchor,
				  e->data.scalar.tag) < 0)
			break;
		S_check_text(l, e);
		n = S_node(l, KG_NODE_SCALAR, e->start_mark);
		n->text = kg_arena_strndup(l->arena,
					   (char *)e->data.scalar.value,
					   e->data.scalar.length);
		if (l->hidden)
			S_show_separators(n->text, e->data.scalar.length);
		n->len = e->data.scalar.length;
		n->plain = e->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
			   !e->data.scalar.tag;
		yaml_event_delete(e);
		return n;
	case YAML_SEQUENCE_START_EVENT:
		if (S_check_props(l, e, e->data.sequence_start.anchor,
				  e->data.sequence_start.tag) < 0)
			break;
		return S_parse_collection(l, e, false);
	case YAML_MAPPING_START_EVENT:
		if (S_check_props(l, e, e->data.mapping_start.anchor,
				  e->data.mapping_start.tag) < 0)
			break;
		return S_parse_collection(l, e, true);
	case YAML_ALIAS_EVENT:
		kg_error(l->d, S_mark(l, e->start_mark),
			 "anchors and aliases are not supported ('*%s')",
			 (char *)e->data.alias.anchor);
		break;
	default:
		kg_error(l->d, S_mark(l, e->start_mark), "unexpected YAML event");
		break;
	}
	yaml_event_delete(e);
	return NULL;
}

/* Expect an event of type t, consuming it. */
static int S_expect(S_loader *l, yaml_event_type_t t, yaml_event_t *e)
{
	if (S_next(l, e) < 0)
		return -1;
	if (e->type != t) {
		yaml_event_delete(e);
		return -1;
	}
	return 0;
}

static kg_node *S_load(const char *name, const char *src, size_t len,
			bool controls_ok, kg_diags *d)
{
	kg_lines *lines = kg_lines_new(name, src, len);
	S_loader l = {name, src + lines->bom, len - lines->bom, lines, d, {0},
		      0, NULL, NULL, false, false, controls_ok, NULL, {0}};
	yaml_event_t e;
	kg_node *root = NULL;

	kg_diags_keep_lines(d, lines);
	if (S_check_bytes(lines, src, len, d) < 0)
		return NULL;
	if ((l.hidden = S_hide_separators(src, len)))
		l.src = l.hidden + lines->bom;
	if (!yaml_parser_initialize(&l.parser)) /* it only fails for memory */
		kg_oom(0);
	l.root = kg_node_arena_root();
	l.arena = kg_node_arena(l.root);
	yaml_parser_set_input_string(&l.parser, (const unsigned char *)l.src,
				     l.len);
	yaml_parser_set_encoding(&l.parser, YAML_UTF8_ENCODING);
	if (S_expect(&l, YAML_STREAM_START_EVENT, &e) < 0)
		goto out;
	yaml_event_delete(&e);
	if (S_next(&l, &e) < 0)
		goto out;
	if (e.type == YAML_STREAM_END_EVENT) {
		kg_error(d, (kg_mark){name, 1, 1}, "file is empty");
		yaml_event_delete(&e);
		goto out;
	}
	yaml_event_delete(&e); /* document start */
	if (S_next(&l, &e) < 0 || !(root = S_parse_node(&l, &e)))
		goto out;
	if (S_expect(&l, YAML_DOCUMENT_END_EVENT, &e) < 0)
		goto fail;
	yaml_event_delete(&e);
	if (S_next(&l, &e) < 0)
		goto fail;
	if (e.type == YAML_DOCUMENT_START_EVENT) {
		kg_error(d, S_mark(&l, e.start_mark),
			 "more than one YAML document in the file");
		yaml_event_delete(&e);
		goto fail;
	}
	yaml_event_delete(&e);
	if (l.bad_text)
		goto fail;
	kg_node_arena_pack(root);
	goto out;
fail:
	root = NULL;
out:
	kg_lines_settle(lines); /* every mark is made */
	yaml_parser_delete(&l.parser);
	free(l.hidden);
	free(l.pending.items);
	free(l.pending.pairs);
	if (!root) /* all that was built is in the root's arena */
		kg_node_free(l.root);
	return root;
}

kg_node *kg_node_load_string(const char *name, const char *src, size_t len,
			     kg_diags *d)
{
	return S_load(name, src, len, false, d);
}

static kg_node *S_load_file(const char *path, bool controls_ok, kg_diags *d)
{
	kg_buf text = KG_BUF_INIT;
	kg_node *root = NULL;

	if (kg_file_read(path, KG_NODE_MAX_FILE, &text, d) == 0)
		root = S_load(path, text.ptr, text.len, controls_ok, d);
	kg_buf_release(&text);
	return root;
}

kg_node *kg_node_load_file(const char *path, kg_diags *d)
{
	return S_load_file(path, false, d);
}

kg_node *kg_node_load_data_file(const char *path, kg_diags *d)
{
	return S_load_file(path, true, d);
}
