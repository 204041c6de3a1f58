/*
 * labels.c - the labels table: loading, checking, look-up, filling and
 * printing (labels.h).
 *
 * Every table holds exactly the English keys, sorted, so a look-up is a
 * binary search; the order of the English file is kept apart for
 * printing. A form's text is NULL where the label has no such plural
 * form (form[KG_PL_OTHER] is never NULL).
 */
#include "labels.h"

#include <ctype.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "alloc.h"
#include "embedded.h"
#include "suggest.h"
#include "yaml_load.h"

const char *const kg_plural_names[KG_PL_N] = {"zero", "one", "two", "few",
					      "many", "other"};

typedef struct S_entry {
	char *key;
	char *form[KG_PL_N];
	kg_mark at; /* where the text was written; its file is in files */
} S_entry;

struct kg_labels {
	char *lang;
	int rtl;
	int found; /* a table of lang's (or of its language) was there */
	S_entry *e; /* sorted by key */
	size_t n;
	char **files; /* the names the entries' marks point at (owned) */
	size_t nfiles;
};

/* ---- language tags -------------------------------------------------------- */

static int S_alpha(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isalpha((unsigned char)s[i]))
			return 0;
	return 1;
}

static int S_alnum(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isalnum((unsigned char)s[i]))
			return 0;
	return 1;
}

static int S_digits(const char *s, size_t n)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (!isdigit((unsigned char)s[i]))
			return 0;
	return 1;
}

int kg_lang_valid(const char *tag)
{
	const char *p = tag;
	size_t n = strcspn(p, "-");
	int stage = 0; /* 1: script allowed, 2: region, 3: variants */

	if (n < 2 || n > 8 || n == 4 || !S_alpha(p, n))
		return 0;
	for (p += n; *p; p += n) {
		p++; /* the hyphen */
		n = strcspn(p, "-");
		if (stage < 1 && n == 4 && S_alpha(p, n))
			stage = 1;
		else if (stage < 2 && ((n == 2 && S_alpha(p, n)) ||
				       (n == 3 && S_digits(p, n))))
			stage = 2;
		else if ((n >= 5 && n <= 8 && S_alnum(p, n)) ||
			 (n == 4 && isdigit((unsigned char)*p) && S_alnum(p, n)))
			stage = 3;
		else
			return 0;
	}
	return 1;
}

const char *kg_lang_primary(const char *tag, char *buf, size_t size)
{
	size_t i;

	for (i = 0; i + 1 < size && tag[i] && tag[i] != '-'; i++)
		buf[i] = (char)tolower((unsigned char)tag[i]);
	buf[i] = '\0';
	return buf;
}

/* Does tag have the subtag sub (any case)? */
static int S_has_subtag(const char *tag, const char *sub)
{
	size_t len = strlen(sub);
	const char *p;

	for (p = strchr(tag, '-'); p; p = strchr(p + 1, '-'))
		if (strncasecmp(p + 1, sub, len) == 0 &&
		    (p[1 + len] == '-' || p[1 + len] == '\0'))
			return 1;
	return 0;
}

/* Is tag's language one of langs (NULL-ended), its script not Latin or
 * Cyrillic (which a tag names when the language is written otherwise
 * than its custom: "az-Latn", "sd-Latn")? */
static int S_language_in(const char *tag, const char *const *langs)
{
	char lang[9];
	size_t i;

	if (S_has_subtag(tag, "Latn") || S_has_subtag(tag, "Cyrl"))
		return 0;
	kg_lang_primary(tag, lang, sizeof(lang));
	for (i = 0; langs[i]; i++)
		if (strcmp(lang, langs[i]) == 0)
			return 1;
	return 0;
}

int kg_lang_rtl(const char *tag)
{
	static const char *const rtl[] = {"ar", "he", "iw", "fa", "ur", "ps",
					  "sd", "ug", "yi", "dv", "ckb", NULL};

	if (!tag)
		return 0;
	if (S_has_subtag(tag, "Arab") || S_has_subtag(tag, "Hebr") ||
	    S_has_subtag(tag, "Thaa") || S_has_subtag(tag, "Syrc"))
		return 1;
	return S_language_in(tag, rtl);
}

int kg_lang_upright(const char *tag)
{
	static const char *const cjk[] = {"ja", "zh", "ko", "yue", NULL};

	if (!tag)
		return 0;
	if (kg_lang_rtl(tag) || S_has_subtag(tag, "Hans") ||
	    S_has_subtag(tag, "Hant") || S_has_subtag(tag, "Jpan") ||
	    S_has_subtag(tag, "Kore"))
		return 1;
	return S_language_in(tag, cjk);
}

int kg_plural_category(const char *tag, long n)
{
	char lang[9];
	long m10 = n % 10, m100 = n % 100;

	kg_lang_primary(tag ? tag : "en", lang, sizeof(lang));
	if (n < 0)
		n = -n, m10 = -m10, m100 = -m100;
	if (strcmp(lang, "ar") == 0)
		return n == 0 ? KG_PL_ZERO : n == 1 ? KG_PL_ONE
		     : n == 2 ? KG_PL_TWO : m100 >= 3 && m100 <= 10 ? KG_PL_FEW
		     : m100 >= 11 ? KG_PL_MANY : KG_PL_OTHER;
	if (strcmp(lang, "he") == 0 || strcmp(lang, "iw") == 0)
		return n == 1 ? KG_PL_ONE : n == 2 ? KG_PL_TWO : KG_PL_OTHER;
	if (strcmp(lang, "fr") == 0 || strcmp(lang, "pt") == 0)
		return n <= 1 ? KG_PL_ONE : KG_PL_OTHER;
	if (strcmp(lang, "ru") == 0 || strcmp(lang, "uk") == 0)
		return m10 == 1 && m100 != 11 ? KG_PL_ONE
		     : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? KG_PL_FEW
		     : KG_PL_MANY;
	if (strcmp(lang, "pl") == 0)
		return n == 1 ? KG_PL_ONE
		     : m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14) ? KG_PL_FEW
		     : KG_PL_MANY;
	if (strcmp(lang, "ja") == 0 || strcmp(lang, "zh") == 0 ||
	    strcmp(lang, "ko") == 0 || strcmp(lang, "th") == 0 ||
	    strcmp(lang, "vi") == 0 || strcmp(lang, "id") == 0)
		return KG_PL_OTHER;
	return n == 1 ? KG_PL_ONE : KG_PL_OTHER;
}

/* tag in its usual case (de-CH, zh-Hant-TW, sr-Latn), in a new string. */
static char *S_canonical(const char *tag)
{
	char *c = kg_xstrdup(tag);
	char *p = c;
	int first = 1;

	while (*p) {
		size_t n = strcspn(p, "-"), i;

		for (i = 0; i < n; i++)
			p[i] = (char)tolower((unsigned char)p[i]);
		if (!first && n == 4 && S_alpha(p, n))
			p[0] = (char)toupper((unsigned char)p[0]);
		else if (!first && n == 2)
			for (i = 0; i < n; i++)
				p[i] = (char)toupper((unsigned char)p[i]);
		first = 0;
		p += n;
		if (*p)
			p++;
	}
	return c;
}

/* ---- numbering systems ------------------------------------------------------ */

/* CLDR's decimal numbering systems that are ten consecutive characters,
 * with their CSS counter style */
static const struct {
	const char *name, *css;
	uint32_t zero;
} S_systems[] = {
	{"latn", "decimal", '0'},        {"arab", "arabic-indic", 0x660},
	{"arabext", "persian", 0x6F0},   {"beng", "bengali", 0x9E6},
	{"deva", "devanagari", 0x966},   {"gujr", "gujarati", 0xAE6},
	{"guru", "gurmukhi", 0xA66},     {"khmr", "khmer", 0x17E0},
	{"knda", "kannada", 0xCE6},      {"laoo", "lao", 0xED0},
	{"mlym", "malayalam", 0xD66},    {"mymr", "myanmar", 0x1040},
	{"orya", "oriya", 0xB66},        {"tamldec", "tamil", 0xBE6},
	{"telu", "telugu", 0xC66},       {"thai", "thai", 0xE50},
	{"tibt", "tibetan", 0xF20},      {NULL, NULL, 0}};

static size_t S_system(const char *name)
{
	size_t i;

	for (i = 0; name && S_systems[i].name; i++)
		if (strcmp(S_systems[i].name, name) == 0)
			return i;
	return 0;
}

int kg_digits_known(const char *system)
{
	return system && (strcmp(system, "latn") == 0 || S_system(system) != 0);
}

const char *kg_digits_css(const char *system)
{
	return S_systems[S_system(system)].css;
}

void kg_digits_put(kg_buf *out, const char *system, unsigned long n)
{
	uint32_t zero = S_systems[S_system(system)].zero;
	char digits[24];
	size_t len = (size_t)snprintf(digits, sizeof(digits), "%lu", n), i;

	for (i = 0; i < len; i++) {
		uint32_t c = zero + (uint32_t)(digits[i] - '0');

		if (c < 0x80) {
			kg_buf_putc(out, (char)c);
		} else if (c < 0x800) {
			kg_buf_putc(out, (char)(0xC0 | c >> 6));
			kg_buf_putc(out, (char)(0x80 | (c & 0x3F)));
		} else {
			kg_buf_putc(out, (char)(0xE0 | c >> 12));
			kg_buf_putc(out, (char)(0x80 | (c >> 6 & 0x3F)));
			kg_buf_putc(out, (char)(0x80 | (c & 0x3F)));
		}
	}
}

/* ---- places --------------------------------------------------------------- */

/* The places of text, "{a} {b}" sorted and without repeats, in out. */
static void S_places(const char *text, kg_buf *out)
{
	const char *names[32];
	size_t lens[32], n = 0, i, j;
	const char *p = text;

	while (n < 32 && (p = strchr(p, '{')) != NULL) {
		const char *end = strchr(p, '}');
		size_t len;

		if (!end)
			break;
		len = (size_t)(end - p - 1);
		for (i = 0; i < n; i++)
			if (lens[i] == len && strncmp(names[i], p + 1, len) == 0)
				break;
		if (i == n) {
			names[n] = p + 1;
			lens[n++] = len;
		}
		p = end + 1;
	}
	for (i = 1; i < n; i++) /* insertion sort: a handful of names */
		for (j = i; j > 0; j--) {
			size_t l = lens[j] < lens[j - 1] ? lens[j] : lens[j - 1];
			int c = strncmp(names[j], names[j - 1], l);
			const char *tn;
			size_t tl;

			if (c > 0 || (c == 0 && lens[j] >= lens[j - 1]))
				break;
			tn = names[j], names[j] = names[j - 1], names[j - 1] = tn;
			tl = lens[j], lens[j] = lens[j - 1], lens[j - 1] = tl;
		}
	kg_buf_reset(out);
	for (i = 0; i < n; i++)
		kg_buf_printf(out, "%s{%.*s}", i ? " " : "", (int)lens[i],
			      names[i]);
}

/* Is every place of text one of the places in the list `all` (as
 * S_places writes it)? */
static int S_places_within(const char *text, const char *all)
{
	kg_buf mine = KG_BUF_INIT;
	const char *p;
	int ok = 1;

	S_places(text, &mine);
	for (p = mine.ptr; *p && ok;) {
		size_t n = strcspn(p, " ");
		const char *q;

		ok = 0;
		for (q = all; *q; q += strspn(q, " ")) {
			size_t m = strcspn(q, " ");

			if (m == n && strncmp(p, q, n) == 0)
				ok = 1;
			q += m;
		}
		p += n;
		p += strspn(p, " ");
	}
	kg_buf_release(&mine);
	return ok;
}

/* ---- tables ---------------------------------------------------------------- */

static int S_cmp_entry(const void *a, const void *b)
{
	return strcmp(((const S_entry *)a)->key, ((const S_entry *)b)->key);
}

static S_entry *S_find(const kg_labels *l, const char *key)
{
	S_entry probe = {(char *)key, {NULL}, {NULL, 0, 0}};

	return l ? bsearch(&probe, l->e, l->n, sizeof(*l->e), S_cmp_entry) : NULL;
}

static void S_entry_clear(S_entry *e)
{
	int f;

	for (f = 0; f < KG_PL_N; f++) {
		free(e->form[f]);
		e->form[f] = NULL;
	}
}

/* The table's own copy of the file name a mark holds (a loaded tree's
 * names go with the tree). */
static const char *S_file(kg_labels *l, const char *file)
{
	size_t i;

	if (!file)
		return NULL;
	for (i = 0; i < l->nfiles; i++)
		if (strcmp(l->files[i], file) == 0)
			return l->files[i];
	l->files = kg_xrealloc(l->files, (l->nfiles + 1) * sizeof(*l->files));
	return l->files[l->nfiles++] = kg_xstrdup(file);
}

void kg_labels_free(kg_labels *l)
{
	size_t i;

	if (!l)
		return;
	for (i = 0; i < l->n; i++) {
		S_entry_clear(&l->e[i]);
		free(l->e[i].key);
	}
	for (i = 0; i < l->nfiles; i++)
		free(l->files[i]);
	free(l->files);
	free(l->e);
	free(l->lang);
	free(l);
}

/* A copy of table `from`, with the language tag lang. */
static kg_labels *S_copy(const kg_labels *from, const char *lang)
{
	kg_labels *l = kg_xcalloc(1, sizeof(*l));
	size_t i;
	int f;

	l->lang = kg_xstrdup(lang);
	l->rtl = kg_lang_rtl(lang);
	l->n = from->n;
	l->e = kg_xcalloc(from->n ? from->n : 1, sizeof(*l->e));
	for (i = 0; i < from->n; i++) {
		l->e[i].key = kg_xstrdup(from->e[i].key);
		l->e[i].at = from->e[i].at;
		l->e[i].at.file = S_file(l, from->e[i].at.file);
		for (f = 0; f < KG_PL_N; f++)
			if (from->e[i].form[f])
				l->e[i].form[f] = kg_xstrdup(from->e[i].form[f]);
	}
	return l;
}

/* The English key list, for "did you mean". */
static void S_key_names(const kg_labels *en, kg_names *names)
{
	size_t i;

	for (i = 0; i < en->n; i++)
		kg_names_add(names, en->e[i].key);
}

/* Report key, which the English table lacks. */
static void S_unknown_key(const kg_labels *en, const kg_node *key, kg_diags *d)
{
	kg_names names = KG_NAMES_INIT;
	const char *near;

	S_key_names(en, &names);
	near = kg_names_closest(&names, key->text);
	if (near)
		kg_error(d, key->mark, "unknown label '%s' (did you mean '%s'?)",
			 key->text, near);
	else
		kg_error(d, key->mark, "unknown label '%s' (`kitgen labels` "
			 "lists them all)", key->text);
	kg_names_free(&names);
}

/* Do the places of text (a form of key) agree with English's? */
static int S_places_ok(const S_entry *en, const kg_node *text, int plural,
		       kg_diags *d)
{
	kg_buf want = KG_BUF_INIT, got = KG_BUF_INIT;
	int ok;

	S_places(en->form[KG_PL_OTHER], &want);
	S_places(text->text, &got);
	ok = plural ? S_places_within(text->text, want.ptr)
		    : strcmp(want.ptr, got.ptr) == 0;
	if (!ok)
		kg_error(d, text->mark, "label '%s' has the places %s; the "
			 "English label has %s", en->key,
			 got.len ? got.ptr : "none", want.len ? want.ptr : "none");
	kg_buf_release(&want);
	kg_buf_release(&got);
	return ok;
}

/* The forms of a plural label's mapping v, checked, into forms. */
static int S_plural_forms(const S_entry *en, const kg_node *v,
			  char *forms[KG_PL_N], kg_diags *d)
{
	size_t i;
	int f, ok = 1;

	for (i = 0; i < v->npairs; i++) {
		const kg_node *k = v->pairs[i].key, *t = v->pairs[i].value;

		for (f = 0; f < KG_PL_N; f++)
			if (strcmp(k->text, kg_plural_names[f]) == 0)
				break;
		if (f == KG_PL_N) {
			kg_error(d, k->mark, "'%s' is not a plural form of label "
				 "'%s' (zero, one, two, few, many or other)",
				 k->text, en->key);
			ok = 0;
		} else if (t->kind != KG_NODE_SCALAR) {
			kg_error(d, t->mark, "form '%s' of label '%s' should be "
				 "text", k->text, en->key);
			ok = 0;
		} else if (S_places_ok(en, t, 1, d)) {
			free(forms[f]);
			forms[f] = kg_xstrdup(t->text);
		} else {
			ok = 0;
		}
	}
	if (ok && !forms[KG_PL_OTHER]) {
		kg_error(d, v->mark, "plural label '%s' has no 'other' form",
			 en->key);
		ok = 0;
	}
	return ok;
}

/* Lay one key's value v over table l (en: the English table, for its
 * keys, places and kinds). */
static void S_apply_one(kg_labels *l, const kg_labels *en, const kg_node *key,
			const kg_node *v, kg_diags *d)
{
	const S_entry *e = S_find(en, key->text);
	S_entry *dst = S_find(l, key->text);
	char *forms[KG_PL_N] = {NULL};
	int plural, f;

	if (!e || !dst) {
		S_unknown_key(en, key, d);
		return;
	}
	plural = e->form[KG_PL_ONE] != NULL;
	if (v->kind == KG_NODE_SCALAR) {
		if (!S_places_ok(e, v, plural, d))
			return;
		if (strcmp(e->key, "number.digits") == 0 &&
		    !kg_digits_known(v->text)) {
			kg_error(d, v->mark, "label 'number.digits' is '%s', not "
				 "a numbering system kitgen knows (latn, arab, "
				 "arabext, beng, deva, gujr, guru, khmr, knda, "
				 "laoo, mlym, mymr, orya, tamldec, telu, thai, "
				 "tibt)", v->text);
			return;
		}
		forms[KG_PL_OTHER] = kg_xstrdup(v->text);
	} else if (v->kind == KG_NODE_MAP && plural) {
		if (!S_plural_forms(e, v, forms, d)) {
			for (f = 0; f < KG_PL_N; f++)
				free(forms[f]);
			return;
		}
	} else {
		kg_error(d, v->mark, plural ? "label '%s' should be text or a "
			 "mapping of plural forms (one, other, ...)"
			 : "label '%s' should be one text", e->key);
		return;
	}
	S_entry_clear(dst);
	memcpy(dst->form, forms, sizeof(forms));
	dst->at = v->mark;
	dst->at.file = S_file(l, v->mark.file);
}

/* Lay the mapping map (a labels file, or kit.yaml's labels:) over l. */
static void S_apply(kg_labels *l, const kg_labels *en, const kg_node *map,
		    kg_diags *d)
{
	size_t i;

	if (!map)
		return;
	if (map->kind != KG_NODE_MAP) {
		kg_error(d, map->mark, "labels should be a mapping of label "
			 "keys to texts");
		return;
	}
	for (i = 0; i < map->npairs; i++)
		S_apply_one(l, en, map->pairs[i].key, map->pairs[i].value, d);
}

/* ---- the English table ------------------------------------------------------- */

extern const kg_embedded_file kg_embedded_labels[];

static const kg_embedded_file *S_builtin(const char *name)
{
	const kg_embedded_file *f;

	for (f = kg_embedded_labels; f->path; f++)
		if (strcmp(f->path, name) == 0)
			return f;
	return NULL;
}

/* The English table from the English file's tree. */
static kg_labels *S_english(const kg_node *root)
{
	kg_labels *l = kg_xcalloc(1, sizeof(*l));
	size_t i;
	int f;

	l->lang = kg_xstrdup("en");
	l->e = kg_xcalloc(root->npairs ? root->npairs : 1, sizeof(*l->e));
	for (i = 0; i < root->npairs; i++) {
		const kg_node *v = root->pairs[i].value;
		S_entry *e = &l->e[l->n++];

		e->key = kg_xstrdup(root->pairs[i].key->text);
		e->at = v->mark;
		e->at.file = S_file(l, v->mark.file);
		if (v->kind == KG_NODE_SCALAR) {
			e->form[KG_PL_OTHER] = kg_xstrdup(v->text);
			continue;
		}
		for (f = 0; f < KG_PL_N; f++) {
			const char *t = kg_node_str(v, kg_plural_names[f]);

			if (t)
				e->form[f] = kg_xstrdup(t);
		}
		if (!e->form[KG_PL_OTHER])
			e->form[KG_PL_OTHER] = kg_xstrdup("");
	}
	qsort(l->e, l->n, sizeof(*l->e), S_cmp_entry);
	return l;
}

static kg_labels *S_default;
static pthread_once_t S_default_once = PTHREAD_ONCE_INIT;

static void S_default_init(void)
{
	const kg_embedded_file *f = S_builtin("en.yaml");
	kg_diags d = KG_DIAGS_INIT;
	kg_node *root = f ? kg_node_load_string("templates/labels/en.yaml",
						f->bytes, f->len, &d)
			  : NULL;

	if (!root || root->kind != KG_NODE_MAP) {
		/* the Makefile embeds a file that tests check: never here */
		kg_diags_print(&d, stderr, 0);
		fputs("kitgen: the built-in English labels cannot be read\n",
		      stderr);
		abort();
	}
	S_default = S_english(root);
	kg_node_free(root);
	kg_diags_free(&d);
}

const kg_labels *kg_labels_default(void)
{
	pthread_once(&S_default_once, S_default_init);
	return S_default;
}

/* ---- loading ------------------------------------------------------------------- */

/* Lay labels file NAME (en.yaml, de-CH.yaml) over l: the templates
 * folder's copy, else the built-in one. Returns whether there was one. */
static int S_layer(kg_labels *l, const char *templates, const char *name,
		   kg_diags *d)
{
	const kg_labels *en = kg_labels_default();
	const kg_embedded_file *f = S_builtin(name);
	kg_node *root = NULL;
	kg_buf path = KG_BUF_INIT;
	struct stat st;
	int there;

	if (templates) {
		kg_buf_printf(&path, "%s/labels/%s", templates, name);
		if (stat(path.ptr, &st) == 0)
			root = kg_node_load_file(path.ptr, d);
		else
			kg_buf_reset(&path);
	}
	if (!path.len && f) {
		kg_buf_printf(&path, "templates/labels/%s", name);
		root = kg_node_load_string(path.ptr, f->bytes, f->len, d);
	}
	/* asked before the release, which empties path */
	there = path.len != 0 || f != NULL;
	if (root)
		S_apply(l, en, root, d);
	kg_node_free(root);
	kg_buf_release(&path);
	return there;
}

kg_labels *kg_labels_load(const char *templates, const char *lang,
			  const kg_node *overrides, kg_diags *d)
{
	char *tag = S_canonical(lang && *lang ? lang : "en");
	kg_labels *l = S_copy(kg_labels_default(), tag);
	kg_buf name = KG_BUF_INIT;
	int found = strcmp(tag, "en") == 0;
	char *p;

	S_layer(l, templates, "en.yaml", d);
	/* de, then de-CH: each less specific tag first */
	for (p = tag;; p++) {
		if (*p == '-' || *p == '\0') {
			kg_buf_reset(&name);
			kg_buf_printf(&name, "%.*s.yaml", (int)(p - tag), tag);
			if (strcmp(name.ptr, "en.yaml") != 0)
				found |= S_layer(l, templates, name.ptr, d);
		}
		if (!*p)
			break;
	}
	l->found = found;
	S_apply(l, kg_labels_default(), overrides, d);
	kg_buf_release(&name);
	free(tag);
	return l;
}

size_t kg_labels_check(const kg_node *language, const kg_node *labels,
		       kg_diags *d)
{
	size_t before = d->errors;

	if (language && language->kind == KG_NODE_SCALAR &&
	    !kg_lang_valid(language->text))
		kg_error(d, language->mark, "'%s' is not a BCP 47 language tag "
			 "(such as 'de', 'de-CH' or 'ar')%s", language->text,
			 strchr(language->text, '_') ? ": use '-', not '_'" : "");
	if (labels) {
		kg_labels *scratch = S_copy(kg_labels_default(), "en");

		S_apply(scratch, kg_labels_default(), labels, d);
		kg_labels_free(scratch);
	}
	return d->errors - before;
}

/* ---- look-up and filling ----------------------------------------------------------- */

void kg_labels_each(const kg_labels *l,
		    void (*fn)(void *ctx, const char *text, kg_mark at),
		    void *ctx)
{
	size_t i;
	int f;

	for (i = 0; i < l->n; i++)
		for (f = 0; f < KG_PL_N; f++)
			if (l->e[i].form[f])
				fn(ctx, l->e[i].form[f], l->e[i].at);
}

const char *kg_labels_lang(const kg_labels *l)
{
	return l ? l->lang : "en";
}

int kg_labels_rtl(const kg_labels *l)
{
	return l ? l->rtl : 0;
}

int kg_labels_found(const kg_labels *l)
{
	return l ? l->found : 1;
}

const char *kg_label(const kg_labels *l, const char *key)
{
	const S_entry *e = S_find(l ? l : kg_labels_default(), key);

	return e ? e->form[KG_PL_OTHER] : key;
}

const char *kg_label_n(const kg_labels *l, const char *key, long n)
{
	const kg_labels *t = l ? l : kg_labels_default();
	const S_entry *e = S_find(t, key);
	int f;

	if (!e)
		return key;
	f = kg_plural_category(t->lang, n);
	return e->form[f] ? e->form[f] : e->form[KG_PL_OTHER];
}

static const char *S_value(const char *const *vars, const char *p, size_t len)
{
	for (; vars[0] && vars[1]; vars += 2)
		if (strlen(vars[0]) == len && strncmp(vars[0], p, len) == 0)
			return vars[1];
	return NULL;
}

void kg_label_fill(kg_buf *out, const char *text, const char *const *vars)
{
	const char *p = text;

	while (*p) {
		const char *open = strchr(p, '{');
		const char *end = open ? strchr(open, '}') : NULL;
		const char *v;

		if (!open || !end) {
			kg_buf_puts(out, p);
			return;
		}
		kg_buf_put(out, p, (size_t)(open - p));
		v = S_value(vars, open + 1, (size_t)(end - open - 1));
		if (v)
			kg_buf_puts(out, v);
		else
			kg_buf_put(out, open, (size_t)(end + 1 - open));
		p = end + 1;
	}
}

#define S_MAX_VARS 16

/* The name, value pairs of ap, NULL-ended, into vars (room for
 * 2 * S_MAX_VARS + 3), after `first` pairs already there. */
static void S_vars(va_list ap, const char **vars, size_t first)
{
	size_t n = first;
	const char *name;

	while (n < 2 * S_MAX_VARS && (name = va_arg(ap, const char *)) != NULL) {
		vars[n++] = name;
		vars[n++] = va_arg(ap, const char *);
	}
	vars[n] = NULL;
}

void kg_label_put(kg_buf *out, const kg_labels *l, const char *key, ...)
{
	const char *vars[2 * S_MAX_VARS + 3];
	va_list ap;

	va_start(ap, key);
	S_vars(ap, vars, 0);
	va_end(ap);
	kg_label_fill(out, kg_label(l, key), vars);
}

void kg_label_putn(kg_buf *out, const kg_labels *l, const char *key, long n,
		   ...)
{
	const char *vars[2 * S_MAX_VARS + 3];
	char num[32];
	va_list ap;

	snprintf(num, sizeof(num), "%ld", n);
	vars[0] = "n";
	vars[1] = num;
	va_start(ap, n);
	S_vars(ap, vars, 2);
	va_end(ap);
	kg_label_fill(out, kg_label_n(l, key, n), vars);
}

char *kg_label_dup(const kg_labels *l, const char *key, ...)
{
	const char *vars[2 * S_MAX_VARS + 3];
	kg_buf out = KG_BUF_INIT;
	va_list ap;

	va_start(ap, key);
	S_vars(ap, vars, 0);
	va_end(ap);
	kg_label_fill(&out, kg_label(l, key), vars);
	return kg_buf_detach(&out, NULL);
}

/* The last code point of s[0..len), or 0; emphasis marks at the end
 * ("**", "_") are looked through when skip_marks. */
static unsigned long S_last_cp(const char *s, size_t len, int skip_marks)
{
	size_t i;
	unsigned long cp;
	int k;

	while (skip_marks && len && (s[len - 1] == '*' || s[len - 1] == '_'))
		len--;
	if (!len)
		return 0;
	for (i = len - 1; i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80; i--)
		;
	cp = (unsigned char)s[i];
	k = cp >= 0xF0 ? 3 : cp >= 0xE0 ? 2 : cp >= 0xC0 ? 1 : 0;
	cp &= k == 3 ? 0x07 : k == 2 ? 0x0F : k == 1 ? 0x1F : 0x7F;
	while (k-- > 0 && ++i < len)
		cp = (cp << 6) | ((unsigned char)s[i] & 0x3F);
	return cp;
}

/* Full-width punctuation: CJK symbols and punctuation (U+3000-303F:
 * "。", "、", "」"), and the full-width forms' punctuation (U+FF01-FF0F,
 * U+FF1A-FF20, U+FF3B-FF40, U+FF5B-FF65: "！", "）", "：", "？") - not
 * their letters and digits. */
static int S_wide_punct(unsigned long cp)
{
	return (cp >= 0x3000 && cp <= 0x303F) || (cp >= 0xFF01 && cp <= 0xFF0F) ||
	       (cp >= 0xFF1A && cp <= 0xFF20) || (cp >= 0xFF3B && cp <= 0xFF40) ||
	       (cp >= 0xFF5B && cp <= 0xFF65);
}

int kg_text_ends_colon(const char *s)
{
	unsigned long cp = S_last_cp(s, strlen(s), 0);

	/* ":", full-width "：", presentation forms "︓" and "﹕" */
	return cp == ':' || cp == 0xFF1A || cp == 0xFE13 || cp == 0xFE55;
}

void kg_label_colon(kg_buf *out, const kg_labels *l, const char *label)
{
	if (!kg_text_ends_colon(label))
		kg_buf_puts(out, kg_label(l, "punct.colon"));
}

void kg_label_gap(kg_buf *out)
{
	if (!S_wide_punct(S_last_cp(out->ptr ? out->ptr : "", out->len, 1)))
		kg_buf_putc(out, ' ');
}

void kg_label_field(kg_buf *out, const kg_labels *l, const char *label,
		    const char *value)
{
	if (kg_text_ends_colon(label)) {
		kg_buf_puts(out, label);
		kg_label_gap(out);
		kg_buf_puts(out, value);
		return;
	}
	kg_label_put(out, l, "punct.field", "label", label, "value", value,
		     NULL);
}

void kg_label_paren(kg_buf *out, const kg_labels *l, const char *text,
		    const char *note)
{
	kg_label_put(out, l, "punct.parenthetical", "text", text, "note", note,
		     NULL);
}

void kg_label_sentence_sep(kg_buf *out, const kg_labels *l)
{
	kg_buf_puts(out, kg_label(l, "punct.sentence_sep"));
}

void kg_label_number(kg_buf *out, const kg_labels *l, const char *num)
{
	const char *dot = strchr(num, '.');

	if (!dot) {
		kg_buf_puts(out, num);
		return;
	}
	kg_buf_put(out, num, (size_t)(dot - num));
	kg_buf_puts(out, kg_label(l, "number.decimal"));
	kg_buf_puts(out, dot + 1);
}

void kg_label_percent(kg_buf *out, const kg_labels *l, long n)
{
	char num[24];

	snprintf(num, sizeof(num), "%ld", n);
	kg_label_put(out, l, "number.percent", "n", num, NULL);
}

void kg_label_hundredths(kg_buf *out, const kg_labels *l, long h)
{
	char num[48];

	snprintf(num, sizeof(num), "%s%ld.%02ld", h < 0 ? "-" : "",
		 labs(h) / 100, labs(h) % 100);
	kg_label_number(out, l, num);
}

/* ---- template data and printing ---------------------------------------------------------- */

kg_node *kg_labels_data(const kg_labels *l)
{
	const kg_labels *t = l ? l : kg_labels_default();
	kg_node *root = kg_node_new_map();
	size_t i;

	for (i = 0; i < t->n; i++) {
		kg_node *map = root;
		const char *p = t->e[i].key;
		size_t n;

		while (p[n = strcspn(p, ".")] == '.') {
			char *part = kg_xstrndup(p, n);
			kg_node *sub = (kg_node *)kg_node_get(map, part);

			if (!sub || sub->kind != KG_NODE_MAP) {
				sub = kg_node_new_map();
				kg_node_set(map, part, sub);
			}
			free(part);
			map = sub;
			p += n + 1;
		}
		kg_node_set_str(map, p, t->e[i].form[KG_PL_OTHER]);
	}
	return root;
}

kg_node *kg_labels_cover_data(const kg_labels *l)
{
	const kg_labels *t = l ? l : kg_labels_default();
	kg_node *root = kg_node_new_map();
	kg_buf b = KG_BUF_INIT;
	size_t i;

	for (i = 0; i < t->n; i++) {
		const char *key = t->e[i].key, *label = t->e[i].form[KG_PL_OTHER];
		kg_node *field;

		if (strncmp(key, "cover.", 6) != 0 || strchr(key + 6, '.'))
			continue;
		field = kg_node_new_map();
		kg_buf_reset(&b);
		kg_buf_puts(&b, label);
		if (kg_text_ends_colon(label)) { /* its own colon: its gap */
			kg_node_set_str(field, "label", b.ptr);
			kg_buf_reset(&b);
			if (!S_wide_punct(S_last_cp(label, strlen(label), 1)))
				kg_buf_putc(&b, ' ');
			kg_node_set_str(field, "gap", b.ptr ? b.ptr : "");
		} else { /* the language's colon and gap */
			kg_label_colon(&b, t, label);
			kg_node_set_str(field, "label", b.ptr);
			kg_node_set_str(field, "gap", kg_label(t, "punct.after_colon"));
		}
		kg_node_set(root, key + 6, field);
	}
	kg_buf_release(&b);
	return root;
}

/* text as a YAML double-quoted scalar. */
static void S_yaml_quoted(kg_buf *out, const char *text)
{
	kg_buf_putc(out, '"');
	for (; *text; text++) {
		if (*text == '"' || *text == '\\')
			kg_buf_putc(out, '\\');
		if (*text == '\n')
			kg_buf_puts(out, "\\n");
		else
			kg_buf_putc(out, *text);
	}
	kg_buf_putc(out, '"');
}

/* One key's line: key, its text(s) and the English file's comment. */
static void S_print_entry(const kg_labels *t, const char *key,
			  const char *comment, kg_buf *out)
{
	const S_entry *e = S_find(t, key);
	const S_entry *en = S_find(kg_labels_default(), key);
	int f, first = 1;

	kg_buf_printf(out, "%s: ", key);
	if (en && en->form[KG_PL_ONE]) {
		kg_buf_putc(out, '{');
		for (f = 0; f < KG_PL_N; f++) {
			if (!e->form[f])
				continue;
			kg_buf_printf(out, "%s%s: ", first ? "" : ", ",
				      kg_plural_names[f]);
			S_yaml_quoted(out, e->form[f]);
			first = 0;
		}
		kg_buf_putc(out, '}');
	} else {
		S_yaml_quoted(out, e ? e->form[KG_PL_OTHER] : "");
	}
	if (comment)
		kg_buf_printf(out, "  %s", comment);
	kg_buf_putc(out, '\n');
}

void kg_labels_print(const kg_labels *l, kg_buf *out)
{
	const kg_labels *t = l ? l : kg_labels_default();
	const kg_embedded_file *f = S_builtin("en.yaml");
	const char *p = f->bytes, *end = f->bytes + f->len;

	kg_buf_printf(out, "# kitgen's labels for language '%s': save as "
		      "templates/labels/%s.yaml, or put single\n# entries under "
		      "`labels:` in kit.yaml. A {name} is a place for a value.\n",
		      t->lang, t->lang);
	/* the English file's own opening comment is not the copy's */
	while (p < end && *p == '#')
		p = (p = memchr(p, '\n', (size_t)(end - p))) ? p + 1 : end;
	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		size_t len = nl ? (size_t)(nl - p) : (size_t)(end - p);
		size_t klen = strcspn(p, ":\n");

		if (len == 0 || *p == '#' || *p == ' ' || klen >= len) {
			kg_buf_put(out, p, len);
			kg_buf_putc(out, '\n');
		} else {
			char *key = kg_xstrndup(p, klen);
			const char *c = p + klen;
			const char *hash = NULL;

			for (; c + 2 < p + len; c++)
				if (c[0] == ' ' && c[1] == '#' && c[2] == ' ') {
					hash = c + 1;
					break;
				}
			if (hash) {
				char *comment = kg_xstrndup(hash,
					(size_t)(p + len - hash));
				S_print_entry(t, key, comment, out);
				free(comment);
			} else {
				S_print_entry(t, key, NULL, out);
			}
			free(key);
		}
		p += len + (nl != NULL);
	}
}
