/*
 * cardpdf.c - cards read back from a filled panel packet PDF (cardfile.h),
 * with qpdf's C API: the form's fields, not the pages.
 *
 * The packet's form names its fields "EDITION:rN:PART" (README.md,
 * "Filling in the PDF"; pdf_fields.c writes them): per round candidate,
 * interviewer, date, overall, and per dimension DIM:rating, DIM:prompted,
 * DIM:evidence. The kit, its version and digest are the hidden fields
 * kitgen:kit, kitgen:version and kitgen:digest (pdf_form.h), or the
 * document information's KitgenKit, KitgenVersion and
 * KitgenContentDigest. Each
 * round with a rating, a tick or evidence filled in becomes the same tree
 * a card file is read into, checked by kg_card_check: the same rules and
 * messages, at "FILE: field 'NAME'" rather than at a line. A round left
 * untouched is no card; one rated without an interviewer is an error.
 * Fields that are not the packet's are left alone.
 *
 * A damaged or foreign PDF is an error, never a crash: qpdf reports what
 * it cannot read as an error of its own (never printed by it), and the
 * walk over the fields stops at a depth and a count no form of ours
 * reaches.
 */
#include "cardfile.h"

#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "buf.h"
#include "lazylib.h" /* libqpdf, loaded when first used */

/* Bounds on the walk over the fields: a packet's form is flat and holds a
 * few hundred; a damaged file's /Kids may loop. */
#define S_MAX_DEPTH 16
#define S_MAX_FIELDS 100000

/* A terminal field: its full name and value. */
typedef struct S_field {
	char *name;
	char *text; /* a text field's value, or a button's state ("" off) */
	int button;
} S_field;

typedef struct S_read {
	qpdf_data q;
	const char *path;
	S_field *f;
	size_t n, cap;
	char **marks; /* the marks' texts made while checking, freed after */
	size_t nmarks, cap_marks;
	int *seen;    /* the field objects walked: an open-addressed set of
		       * object numbers (0 empty) */
	size_t nseen, cap_seen;
} S_read;

/* ---- reading the form ------------------------------------------------------------ */

static qpdf_oh S_key(S_read *r, qpdf_oh oh, const char *key)
{
	if (!qpdf_oh_is_dictionary(r->q, oh) || !qpdf_oh_has_key(r->q, oh, key))
		return 0;
	return qpdf_oh_get_key(r->q, oh, key);
}

/* A value as text: a string's UTF-8, a name without its slash, "" else;
 * line ends as "\n". The caller frees it. */
static char *S_value(S_read *r, qpdf_oh v)
{
	kg_buf b = KG_BUF_INIT;
	const char *s = "";

	if (v && qpdf_oh_is_string(r->q, v))
		s = qpdf_oh_get_utf8_value(r->q, v);
	else if (v && qpdf_oh_is_name(r->q, v))
		s = qpdf_oh_get_name(r->q, v) + 1;
	for (; s && *s; s++) {
		if (*s == '\r') {
			kg_buf_putc(&b, '\n');
			if (s[1] == '\n')
				s++;
		} else {
			kg_buf_putc(&b, *s);
		}
	}
	return kg_buf_detach(&b, NULL);
}

/* A button's state: its /V, or, when a viewer set only its widgets' /AS,
 * the one that is not /Off. */
static char *S_button(S_read *r, qpdf_oh field, qpdf_oh v)
{
	qpdf_oh kids = S_key(r, field, "/Kids"), as = S_key(r, field, "/AS");
	char *s = S_value(r, v);
	int i, n;

	/* a name, or a string some fillers write (with its slash or not) */
	if (*s && strcmp(s, "Off") != 0 && strcmp(s, "/Off") != 0) {
		if (*s == '/')
			memmove(s, s + 1, strlen(s));
		return s;
	}
	free(s);
	n = kids && qpdf_oh_is_array(r->q, kids)
		    ? qpdf_oh_get_array_n_items(r->q, kids) : 0;
	/* its own /AS (a field that is its widget), then its widgets' */
	for (i = -1; i < n; i++) {
		if (i >= 0)
			as = S_key(r, qpdf_oh_get_array_item(r->q, kids, i), "/AS");
		if (as && qpdf_oh_is_name(r->q, as) &&
		    strcmp(qpdf_oh_get_name(r->q, as), "/Off") != 0)
			return S_value(r, as);
	}
	return kg_xstrdup("");
}

/* Whether object number id was walked already; if not, it is now. A
 * form's fields are a tree, each object met once: a damaged file's /Kids
 * that name an object again (itself, a parent, a sibling twice) would
 * make the walk loop or grow without end. */
static int S_seen(S_read *r, int id)
{
	size_t i;

	if (2 * (r->nseen + 1) > r->cap_seen) {
		size_t cap = r->cap_seen ? 2 * r->cap_seen : 256, j;
		int *old = r->seen;

		r->seen = kg_xcalloc(cap, sizeof(*r->seen));
		for (j = 0; j < r->cap_seen; j++)
			if (old[j]) {
				i = (size_t)old[j] * 2654435761u % cap;
				while (r->seen[i])
					i = (i + 1) % cap;
				r->seen[i] = old[j];
			}
		free(old);
		r->cap_seen = cap;
	}
	i = (size_t)id * 2654435761u % r->cap_seen;
	while (r->seen[i]) {
		if (r->seen[i] == id)
			return 1;
		i = (i + 1) % r->cap_seen;
	}
	r->seen[i] = id;
	r->nseen++;
	return 0;
}

/* Whether a field's /Kids are fields (they have names) rather than its
 * widgets. */
static int S_has_child_fields(S_read *r, qpdf_oh kids)
{
	int i, n = qpdf_oh_get_array_n_items(r->q, kids);

	for (i = 0; i < n; i++)
		if (S_key(r, qpdf_oh_get_array_item(r->q, kids, i), "/T"))
			return 1;
	return 0;
}

/* The terminal fields under oh, whose parent's full name is parent (NULL
 * at the top), with the inherited type ft and value v. */
static void S_walk(S_read *r, qpdf_oh oh, const char *parent, const char *ft,
		   qpdf_oh v, int depth)
{
	qpdf_oh t = S_key(r, oh, "/T"), kids = S_key(r, oh, "/Kids");
	qpdf_oh own_ft = S_key(r, oh, "/FT"), own_v = S_key(r, oh, "/V");
	kg_buf name = KG_BUF_INIT;
	char *ft_here = NULL;
	S_field *f;

	if (depth > S_MAX_DEPTH || r->n >= S_MAX_FIELDS ||
	    !qpdf_oh_is_dictionary(r->q, oh))
		return;
	if (qpdf_oh_is_indirect(r->q, oh) &&
	    S_seen(r, qpdf_oh_get_object_id(r->q, oh)))
		return;
	if (parent)
		kg_buf_puts(&name, parent);
	if (t && qpdf_oh_is_string(r->q, t)) {
		if (parent)
			kg_buf_putc(&name, '.');
		kg_buf_puts(&name, qpdf_oh_get_utf8_value(r->q, t));
	}
	if (own_ft && qpdf_oh_is_name(r->q, own_ft))
		ft = ft_here = kg_xstrdup(qpdf_oh_get_name(r->q, own_ft));
	if (own_v)
		v = own_v;
	if (kids && qpdf_oh_is_array(r->q, kids) && S_has_child_fields(r, kids)) {
		int i, n = qpdf_oh_get_array_n_items(r->q, kids);

		for (i = 0; i < n; i++)
			S_walk(r, qpdf_oh_get_array_item(r->q, kids, i),
			       name.len ? name.ptr : NULL, ft, v, depth + 1);
	} else if (name.len && ft) {
		KG_GROW(r->f, r->cap, r->n + 1);
		f = &r->f[r->n++];
		f->name = kg_buf_detach(&name, NULL);
		f->button = strcmp(ft, "/Btn") == 0;
		f->text = f->button ? S_button(r, oh, v) : S_value(r, v);
	}
	free(ft_here);
	kg_buf_release(&name);
}

/* The document information's entry key, or NULL. */
static const char *S_info(S_read *r, const char *key)
{
	const char *s = qpdf_get_info_key(r->q, key);

	return s && *s ? s : NULL;
}

/* ---- fields to cards ------------------------------------------------------------- */

/* Field `name`'s value, or NULL when the form has no such field. */
static const S_field *S_find(const S_read *r, const char *name)
{
	size_t i;

	for (i = 0; i < r->n; i++)
		if (strcmp(r->f[i].name, name) == 0)
			return &r->f[i];
	return NULL;
}

/* A mark naming what; its text lives until the cards are checked. */
static kg_mark S_mark(S_read *r, const char *fmt, const char *what)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_printf(&b, "%s: ", r->path);
	kg_buf_printf(&b, fmt, what);
	KG_GROW(r->marks, r->cap_marks, r->nmarks + 1);
	r->marks[r->nmarks++] = kg_buf_detach(&b, NULL);
	return (kg_mark){r->marks[r->nmarks - 1], 0, 0};
}

/* Set map's key to value, both marked at m. */
static kg_node *S_set(kg_node *map, const char *key, kg_node *value, kg_mark m)
{
	kg_node_set(map, key, value);
	map->pairs[map->npairs - 1].key->mark = m;
	value->mark = m;
	return value;
}

/* A text value: trimmed of spaces at either end (a one-line field's). */
static kg_node *S_str(const char *s, int trim)
{
	size_t len = strlen(s);

	if (trim) {
		while (len && isspace((unsigned char)s[len - 1]))
			len--;
		while (len && isspace((unsigned char)*s))
			s++, len--;
	}
	return kg_node_new_strn(s, len);
}

/* Set key to the one-line text field prefix:key. */
static void S_text_key(S_read *r, kg_node *card, const char *prefix,
		       const char *key)
{
	kg_buf name = KG_BUF_INIT;
	const S_field *f;

	kg_buf_printf(&name, "%s:%s", prefix, key);
	f = S_find(r, name.ptr);
	S_set(card, key, S_str(f ? f->text : "", 1),
	      S_mark(r, "field '%s'", name.ptr));
	kg_buf_release(&name);
}

/* Whether the field's value says something was filled in. */
static int S_filled(const S_field *f)
{
	const char *s;

	for (s = f->text; *s; s++)
		if (!isspace((unsigned char)*s))
			return 1;
	return 0;
}

/* The part of a field's name after "PREFIX:", or NULL. */
static const char *S_part(const S_field *f, const char *prefix)
{
	size_t len = strlen(prefix);

	if (strncmp(f->name, prefix, len) != 0 || f->name[len] != ':')
		return NULL;
	return f->name + len + 1;
}

/* Whether the round's card has a rating, a tick or evidence: the round
 * was interviewed. Names and a date alone may be prefilled. */
static int S_touched(const S_read *r, const char *prefix)
{
	size_t i;

	for (i = 0; i < r->n; i++) {
		const char *part = S_part(&r->f[i], prefix);

		if (part && strcmp(part, "candidate") &&
		    strcmp(part, "interviewer") && strcmp(part, "date") &&
		    S_filled(&r->f[i]))
			return 1;
	}
	return 0;
}

/* The ratings: per DIM:rating field, its rating, prompted and evidence. */
static kg_node *S_ratings(S_read *r, const char *prefix, kg_mark at)
{
	kg_node *map = kg_node_new_map();
	kg_buf name = KG_BUF_INIT;
	size_t i;

	map->mark = at;
	for (i = 0; i < r->n; i++) {
		const char *part = S_part(&r->f[i], prefix), *end;
		const S_field *p, *e;
		kg_node *dim;
		char *id;
		kg_mark m;

		if (!part || !(end = strchr(part, ':')) || strcmp(end, ":rating"))
			continue;
		id = kg_xstrndup(part, (size_t)(end - part));
		m = S_mark(r, "field '%s'", r->f[i].name);
		dim = S_set(map, id, kg_node_new_map(), m);
		S_set(dim, "rating", S_str(r->f[i].text, 1), m);
		kg_buf_reset(&name);
		kg_buf_printf(&name, "%s:%s:prompted", prefix, id);
		if ((p = S_find(r, name.ptr)))
			S_set(dim, "prompted", kg_node_new_bool(S_filled(p)),
			      S_mark(r, "field '%s'", name.ptr));
		kg_buf_reset(&name);
		kg_buf_printf(&name, "%s:%s:evidence", prefix, id);
		if ((e = S_find(r, name.ptr)) && S_filled(e))
			S_set(dim, "evidence", S_str(e->text, 0),
			      S_mark(r, "field '%s'", name.ptr));
		free(id);
	}
	kg_buf_release(&name);
	return map;
}

static void S_doc_key(S_read *r, kg_node *card, const char *key,
		      const char *info_key, kg_mark info);

/* The card of the round whose fields begin with prefix ("EDITION:rN"),
 * as a card file's tree. */
static kg_node *S_card_tree(S_read *r, const char *prefix, kg_mark at)
{
	kg_node *card = kg_node_new_map(), *round;
	const char *colon = strrchr(prefix, ':');
	char *edition = kg_xstrndup(prefix, (size_t)(colon - prefix));
	kg_mark info = S_mark(r, "%s", "document information");
	const char *v;
	kg_buf name = KG_BUF_INIT;

	card->mark = at;
	S_doc_key(r, card, "kit", "/KitgenKit", info);
	S_doc_key(r, card, "version", "/KitgenVersion", info);
	S_doc_key(r, card, "digest", "/KitgenContentDigest", info);
	S_set(card, "edition", kg_node_new_str(edition), at);
	round = S_set(card, "round", kg_node_new_str(colon + 2), at);
	round->plain = true;
	S_text_key(r, card, prefix, "candidate");
	S_text_key(r, card, prefix, "interviewer");
	S_text_key(r, card, prefix, "date");
	S_set(card, "ratings", S_ratings(r, prefix, at), at);
	kg_buf_printf(&name, "%s:overall", prefix);
	v = S_find(r, name.ptr) ? S_find(r, name.ptr)->text : "";
	S_set(card, "overall", S_str(v, 1), S_mark(r, "field '%s'", name.ptr));
	kg_buf_release(&name);
	free(edition);
	return card;
}

/* What the document is: kg_form_document's hidden field kitgen:KEY, or
 * else (a form filled before they were written) the document
 * information's entry; the key is left out when neither has it. */
static void S_doc_key(S_read *r, kg_node *card, const char *key,
		      const char *info_key, kg_mark info)
{
	kg_buf name = KG_BUF_INIT;
	const S_field *f;
	const char *v;

	kg_buf_printf(&name, "kitgen:%s", key);
	if ((f = S_find(r, name.ptr)) && *f->text)
		S_set(card, key, kg_node_new_str(f->text),
		      S_mark(r, "field '%s'", name.ptr));
	else if ((v = S_info(r, info_key)))
		S_set(card, key, kg_node_new_str(v), info);
	kg_buf_release(&name);
}

/* Whether name is a round's prefix "EDITION:rN" followed by ':'; its
 * length in *len. */
static int S_prefix(const char *name, size_t *len)
{
	const char *colon = strchr(name, ':'), *p;

	if (!colon || colon == name || colon[1] != 'r' ||
	    !isdigit((unsigned char)colon[2]))
		return 0;
	for (p = colon + 2; isdigit((unsigned char)*p); p++)
		;
	*len = (size_t)(p - name);
	return *p == ':';
}

/* One round's card: checked, appended. */
static int S_round_card(S_read *r, kg_card_kit *ck, const char *prefix,
			unsigned flags, kg_card **cards, size_t *n, size_t *cap,
			kg_diags *d)
{
	kg_buf place = KG_BUF_INIT, name = KG_BUF_INIT;
	const S_field *who;
	kg_node *tree;
	kg_card *c;
	int rc;

	kg_buf_printf(&place, "%s: card '%s'", r->path, prefix);
	kg_buf_printf(&name, "%s:interviewer", prefix);
	who = S_find(r, name.ptr);
	if (!who || !S_filled(who)) {
		rc = kg_error(d, (kg_mark){place.ptr, 0, 0}, "the card is "
			      "rated but has no interviewer: fill in field '%s'",
			      name.ptr);
		kg_buf_release(&place);
		kg_buf_release(&name);
		return rc;
	}
	KG_GROW(*cards, *cap, *n + 1);
	c = &(*cards)[*n];
	memset(c, 0, sizeof(*c));
	c->file = r->path;
	c->place = kg_buf_detach(&place, NULL);
	c->at = (kg_mark){c->place, 0, 0};
	tree = S_card_tree(r, prefix, c->at);
	rc = kg_card_check(ck, tree, flags, c, d);
	kg_node_free(tree);
	kg_buf_release(&name);
	if (rc < 0) {
		kg_card_free(c);
		return -1;
	}
	/* the version's mark names the document information, freed below */
	c->version_at = c->at;
	++*n;
	return 0;
}

/* Every round with something filled in, in the form's order. */
static int S_cards(S_read *r, kg_card_kit *ck, unsigned flags,
		   kg_card **cards, size_t *n, size_t *cap, kg_diags *d)
{
	size_t i, k, len, first = *n, made = 0;
	int rc = 0;

	for (i = 0; i < r->n; i++) {
		char *prefix;
		int seen = 0;

		if (!S_prefix(r->f[i].name, &len))
			continue;
		for (k = 0; k < i && !seen; k++)
			seen = strncmp(r->f[k].name, r->f[i].name, len) == 0 &&
			       r->f[k].name[len] == ':';
		prefix = kg_xstrndup(r->f[i].name, len);
		if (!seen && S_touched(r, prefix)) {
			made++;
			if (S_round_card(r, ck, prefix, flags, cards, n, cap, d) < 0)
				rc = -1;
		}
		free(prefix);
	}
	if (rc == 0 && made == 0)
		rc = kg_error(d, (kg_mark){r->path, 0, 0}, "no round's card is "
			      "filled in: nothing to score (a card needs its "
			      "ratings and overall rating)");
	if (rc < 0) { /* nothing of the file */
		for (k = first; k < *n; k++)
			kg_card_free(&(*cards)[k]);
		*n = first;
	}
	return rc;
}

int kg_card_load_pdf(kg_card_kit *ck, const char *path, unsigned flags,
		     kg_card **cards, size_t *n, size_t *cap, kg_diags *d)
{
	S_read r;
	qpdf_oh fields;
	size_t i;
	int rc = 0, k, nf;
	const char *why = kg_lazy_qpdf();

	if (why)
		return kg_error(d, (kg_mark){path, 0, 0}, "cannot read the PDF: %s",
				why);
	memset(&r, 0, sizeof(r));
	r.path = path;
	r.q = qpdf_init();
	qpdf_silence_errors(r.q);
	qpdf_set_suppress_warnings(r.q, QPDF_TRUE);
	if (qpdf_read(r.q, path, NULL) & QPDF_ERRORS) {
		qpdf_error e = qpdf_get_error(r.q);

		rc = kg_error(d, (kg_mark){path, 0, 0}, "cannot read the PDF: %s",
			      e ? qpdf_get_error_message_detail(r.q, e)
				: "not a PDF file qpdf can read");
		goto out;
	}
	fields = S_key(&r, S_key(&r, qpdf_get_root(r.q), "/AcroForm"), "/Fields");
	nf = fields && qpdf_oh_is_array(r.q, fields)
		     ? qpdf_oh_get_array_n_items(r.q, fields) : 0;
	for (k = 0; k < nf; k++)
		S_walk(&r, qpdf_oh_get_array_item(r.q, fields, k), NULL, NULL, 0, 0);
	if (qpdf_has_error(r.q)) {
		qpdf_error e = qpdf_get_error(r.q);

		rc = kg_error(d, (kg_mark){path, 0, 0}, "the PDF is damaged: %s",
			      qpdf_get_error_message_detail(r.q, e));
		goto out;
	}
	if (!r.n) {
		rc = kg_error(d, (kg_mark){path, 0, 0}, "the PDF has no form "
			      "fields: not a panel packet's fillable scorecards");
		goto out;
	}
	if (!S_find(&r, "kitgen:kit") && !S_info(&r, "/KitgenKit"))
		rc = kg_error(d, (kg_mark){path, 0, 0}, "the PDF's form has no "
			      "field 'kitgen:kit': not a panel packet kitgen "
			      "wrote");
	else
		rc = S_cards(&r, ck, flags, cards, n, cap, d);
out:
	for (i = 0; i < r.n; i++) {
		free(r.f[i].name);
		free(r.f[i].text);
	}
	free(r.f);
	for (i = 0; i < r.nmarks; i++)
		free(r.marks[i]);
	free(r.marks);
	free(r.seen);
	qpdf_cleanup(&r.q);
	return rc;
}
