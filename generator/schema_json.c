/*
 * schema_json.c - the content model (schema.c's shapes) as a JSON Schema,
 * and the `kitgen schema` command that prints it.
 *
 * A field's description is looked up by its path (kit/levels/title); a
 * shape used at several places (a rating band, a topic's and a scenario's
 * signals) takes the description of the place content/README.md describes
 * when this one has none. The JSON is written compact, then indented.
 */
#include "schema_json.h"

#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"
#include "fielddoc.h"
#include "json.h"
#include "schema.h"
#include "printable.h"

/* Forbidden in ids, single lines and versions: control characters
 * (tab and line feed among them) and the Unicode line separators. */
#define S_NOT_LINE "[\\u0000-\\u001f\\u007f-\\u009f\\u2028\\u2029]"
/* Forbidden in texts that may span lines: control characters but tab and
 * line feed. */
#define S_NOT_TEXT "[\\u0000-\\u0008\\u000b-\\u001f\\u007f-\\u009f]"
#define S_BLANK "^[ \\t\\r\\n]*$"
#define S_ID "^[a-z0-9][a-z0-9-]*$"
#define S_VERSION "^[0-9]+\\.[0-9]+\\.[0-9]+$"

const char kg_schema_usage[] =
	"Usage: kitgen schema [kit|topic|scenarios]\n"
	"\n"
	"Print the JSON Schema (draft 2020-12) of the content model: of\n"
	"kit.yaml, a topic file or scenarios.yaml, or of all three (in $defs)\n"
	"when no file is named. It is made from the rules 'kitgen check'\n"
	"applies, with each field's description from content/README.md; the\n"
	"rules across files (unique ids, declared levels and areas, weights\n"
	"that sum to 100) stay check's. 'kitgen init' writes it beside a new\n"
	"kit, and each YAML file it writes names it on its first line, so\n"
	"editors with the YAML language server check as you type.\n"
	"\n"
	"  -h, --help   show this help\n"
	"\n"
	"Example: kitgen schema topic > schema/topic.schema.json\n";

typedef struct S_gen {
	kg_buf *out;
	kg_diags *d;
	int missing, quiet;
	/* every place a shape is used: its path (owned) */
	struct {
		const kg_shape *shape;
		char *path;
	} seen[128];
	size_t nseen;
} S_gen;

/* Does the documented path doc match path, where a "*" key of path (a
 * value of an id-keyed mapping) matches whatever key the example uses? */
static int S_path_match(const char *doc, const char *path)
{
	for (;;) {
		size_t n = strcspn(doc, "/"), m = strcspn(path, "/");

		if (!(m == 1 && *path == '*') && (n != m || strncmp(doc, path, n)))
			return 0;
		doc += n;
		path += m;
		if (!*doc || !*path)
			return !*doc && !*path;
		doc++;
		path++;
	}
}

static const char *S_doc_of(const char *path)
{
	const kg_field_doc *f;

	for (f = kg_field_docs; f->path; f++)
		if (S_path_match(f->path, path))
			return f->text;
	return NULL;
}

/* The description of the field at path (prefix/name), of shape's fields. */
static const char *S_doc(S_gen *g, const kg_shape *shape, const char *prefix,
			 const char *name)
{
	kg_buf alt = KG_BUF_INIT, path = KG_BUF_INIT;
	const char *text;
	size_t i;

	kg_buf_printf(&path, "%s/%s", prefix, name);
	text = S_doc_of(path.ptr);
	for (i = 0; !text && i < g->nseen; i++) {
		if (g->seen[i].shape != shape)
			continue;
		kg_buf_printf(&alt, "%s/%s", g->seen[i].path, name);
		text = S_doc_of(alt.ptr);
	}
	if (!text && !g->quiet) {
		kg_mark at = {"content/README.md", 0, 0};

		kg_error(g->d, at, "field '%s' has no description", path.ptr);
		g->missing = 1;
	}
	kg_buf_release(&alt);
	kg_buf_release(&path);
	return text ? text : "";
}

static void S_shape(S_gen *g, const kg_shape *shape, const char *path);

/* Remember that shape is used at path. */
static void S_seen(S_gen *g, const kg_shape *shape, const char *path)
{
	size_t i;

	for (i = 0; i < g->nseen; i++)
		if (g->seen[i].shape == shape && strcmp(g->seen[i].path, path) == 0)
			return;
	if (g->nseen < sizeof(g->seen) / sizeof(*g->seen)) {
		g->seen[g->nseen].shape = shape;
		g->seen[g->nseen++].path = kg_xstrdup(path);
	}
}

/* A string of a text kind (or an id, a version). */
static void S_string(kg_buf *out, kg_field_kind kind)
{
	size_t max = kg_field_max_bytes(kind);
	int line = kind == KG_F_ID || kind == KG_F_LINE || kind == KG_F_VERSION;

	kg_buf_puts(out, "\"type\":\"string\",\"minLength\":1");
	if (max)
		kg_buf_printf(out, ",\"maxLength\":%zu", max);
	if (kind == KG_F_ID || kind == KG_F_VERSION) {
		kg_buf_puts(out, ",\"pattern\":");
		kg_json_str(out, kind == KG_F_ID ? S_ID : S_VERSION);
	}
	kg_buf_puts(out, ",\"not\":{\"anyOf\":[{\"pattern\":");
	kg_json_str(out, S_BLANK);
	kg_buf_puts(out, "},{\"pattern\":");
	kg_json_str(out, line ? S_NOT_LINE : S_NOT_TEXT);
	kg_buf_puts(out, "}]}");
}

static void S_int(kg_buf *out, const kg_field *f)
{
	kg_buf_printf(out, "\"type\":\"integer\",\"minimum\":%ld,\"maximum\":%ld",
		      f->min, f->max);
}

/* "type": "array" with the list's bounds, "items": { ... */
static void S_array(kg_buf *out, const kg_field *f)
{
	kg_buf_puts(out, "\"type\":\"array\"");
	if (f->min_items)
		kg_buf_printf(out, ",\"minItems\":%zu", f->min_items);
	kg_buf_printf(out, ",\"maxItems\":%zu,\"items\":{",
		      kg_schema_max_items(f->name));
}

/* The schema of field f's value (without braces); path is the field's. */
static void S_value(S_gen *g, const kg_field *f, const char *path)
{
	kg_buf sub = KG_BUF_INIT;

	switch (f->kind) {
	case KG_F_INT: S_int(g->out, f); break;
	case KG_F_SCORE:
		/* YAML reads 2.25 as a number; "exactly two decimals" is
		 * check's (2.0 and 2.250 are numbers alike here) */
		kg_buf_printf(g->out, "\"type\":\"number\",\"minimum\":%ld.%02ld,"
			      "\"maximum\":%ld.%02ld", f->min / 100, f->min % 100,
			      f->max / 100, f->max % 100);
		break;
	case KG_F_TEXT_LIST:
	case KG_F_ID_LIST:
		S_array(g->out, f);
		S_string(g->out, f->kind == KG_F_ID_LIST ? KG_F_ID : KG_F_ITEM);
		kg_buf_putc(g->out, '}');
		break;
	case KG_F_MAP: S_shape(g, f->shape, path); break;
	case KG_F_MAP_LIST:
		S_array(g->out, f);
		S_shape(g, f->shape, path);
		kg_buf_putc(g->out, '}');
		break;
	case KG_F_INT_MAP:
		kg_buf_printf(g->out, "\"type\":\"object\",\"maxProperties\":%zu,"
			      "\"propertyNames\":{", kg_schema_max_items(f->name));
		S_string(g->out, KG_F_ID);
		kg_buf_puts(g->out, "},\"additionalProperties\":{");
		S_int(g->out, f);
		kg_buf_putc(g->out, '}');
		break;
	case KG_F_BOOL: kg_buf_puts(g->out, "\"type\":\"boolean\""); break;
	case KG_F_LABELS:
		/* a text, or a text per plural form (labels.h) */
		kg_buf_puts(g->out, "\"type\":\"object\",\"additionalProperties\":"
			    "{\"anyOf\":[{\"type\":\"string\"},{\"type\":\"object\","
			    "\"additionalProperties\":{\"type\":\"string\"}}]}");
		break;
	case KG_F_ID_MAP:
		kg_buf_printf(g->out, "\"type\":\"object\",\"minProperties\":%zu,"
			      "\"maxProperties\":%zu,\"propertyNames\":{",
			      f->min_items, kg_schema_max_items(f->name));
		S_string(g->out, KG_F_ID);
		kg_buf_puts(g->out, "},\"additionalProperties\":{");
		kg_buf_printf(&sub, "%s/*", path);
		S_shape(g, f->shape, sub.ptr);
		kg_buf_putc(g->out, '}');
		break;
	case KG_F_ID:
	case KG_F_LINE:
	case KG_F_ITEM:
	case KG_F_TEXT:
	case KG_F_PROSE:
	case KG_F_VERSION: S_string(g->out, f->kind); break;
	}
	kg_buf_release(&sub);
}

/* The properties of a shape at path. */
static void S_properties(S_gen *g, const kg_shape *shape, const char *path)
{
	const kg_field *f;
	kg_buf sub = KG_BUF_INIT;

	kg_buf_puts(g->out, "\"properties\":{");
	for (f = shape->fields; f->name; f++) {
		kg_buf_reset(&sub);
		kg_buf_printf(&sub, "%s/%s", path, f->name);
		if (f != shape->fields)
			kg_buf_putc(g->out, ',');
		kg_json_str(g->out, f->name);
		kg_buf_puts(g->out, ":{\"description\":");
		kg_json_str(g->out, S_doc(g, shape, path, f->name));
		kg_buf_putc(g->out, ',');
		S_value(g, f, sub.ptr);
		kg_buf_putc(g->out, '}');
	}
	kg_buf_putc(g->out, '}');
	kg_buf_release(&sub);
}

/* A mapping with shape's fields, no others (without braces). */
static void S_shape(S_gen *g, const kg_shape *shape, const char *path)
{
	const kg_field *f;
	int first = 1;

	S_seen(g, shape, path);
	kg_buf_puts(g->out, "\"type\":\"object\",");
	S_properties(g, shape, path);
	kg_buf_puts(g->out, ",\"required\":[");
	for (f = shape->fields; f->name; f++) {
		if (!f->required)
			continue;
		if (!first)
			kg_buf_putc(g->out, ',');
		kg_json_str(g->out, f->name);
		first = 0;
	}
	kg_buf_puts(g->out, "],\"additionalProperties\":false");
}

/* ---- the files ---------------------------------------------------------- */

static const struct {
	const char *name, *title;
	const kg_shape *shape;
} S_files[] = {
	{"kit", "kitgen kit.yaml", &kg_shape_kit},
	{"topic", "kitgen topic (topics/NN-name.yaml)", &kg_shape_topic},
	{"scenarios", "kitgen scenarios.yaml", &kg_shape_scenarios}};
#define S_NFILES (sizeof(S_files) / sizeof(*S_files))

/* The index of the file called name in S_files, or S_NFILES. */
static size_t S_find(const char *name)
{
	size_t i;

	for (i = 0; i < S_NFILES; i++)
		if (strcmp(S_files[i].name, name) == 0)
			break;
	return i;
}

static void S_file(S_gen *g, size_t i)
{
	kg_buf_puts(g->out, "\"title\":");
	kg_json_str(g->out, S_files[i].title);
	kg_buf_putc(g->out, ',');
	S_shape(g, S_files[i].shape, S_files[i].name);
}

/* The schema of file i, or of all (i == S_NFILES), compact, into g->out. */
static void S_root(S_gen *g, size_t which)
{
	size_t i;

	kg_buf_puts(g->out, "{\"$schema\":\"https://json-schema.org/draft/2020-12/schema\",");
	if (which < S_NFILES) {
		S_file(g, which);
	} else {
		kg_buf_puts(g->out, "\"title\":\"kitgen content\",\"$defs\":{");
		for (i = 0; i < S_NFILES; i++) {
			kg_buf_printf(g->out, "%s\"%s\":{", i ? "," : "", S_files[i].name);
			S_file(g, i);
			kg_buf_putc(g->out, '}');
		}
		kg_buf_puts(g->out, "},\"anyOf\":[");
		for (i = 0; i < S_NFILES; i++)
			kg_buf_printf(g->out, "%s{\"$ref\":\"#/$defs/%s\"}",
				      i ? "," : "", S_files[i].name);
		kg_buf_putc(g->out, ']');
	}
	kg_buf_putc(g->out, '}');
}

int kg_schema_json(const char *which, kg_buf *out, kg_diags *d)
{
	kg_buf compact = KG_BUF_INIT;
	S_gen g = {&compact, d, 0, 1, {{NULL, NULL}}, 0};
	size_t i, n = S_NFILES;

	if (which && (n = S_find(which)) == S_NFILES)
		return -1;
	/* first every place each shape is used, so a description is found
	 * in any of them, whichever file is asked for */
	S_root(&g, S_NFILES);
	kg_buf_reset(&compact);
	g.quiet = 0;
	S_root(&g, n);
	if (!g.missing)
		kg_json_indent(compact.ptr, out);
	for (i = 0; i < g.nseen; i++)
		free(g.seen[i].path);
	kg_buf_release(&compact);
	return g.missing ? -1 : 0;
}

int kg_schema_main(int argc, char **argv)
{
	static const struct option longopts[] = {
		{"help", no_argument, NULL, 'h'}, {NULL, 0, NULL, 0}};
	kg_diags d = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	const char *which;
	int c, rc = 0;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, "h", longopts, NULL)) != -1) {
		if (c == 'h') {
			fputs(kg_schema_usage, stdout);
			return 0;
		}
		kg_fprintf_printable(stderr,
			"kitgen schema: unknown option '%s'\n"
			"Try 'kitgen schema --help'.\n", argv[optind - 1]);
		return 2;
	}
	which = optind < argc ? argv[optind] : NULL;
	if (optind + 1 < argc || (which && S_find(which) == S_NFILES)) {
		kg_fprintf_printable(stderr,
			"kitgen schema: %s '%s' (kit, topic or scenarios)\n"
			"Try 'kitgen schema --help'.\n", optind + 1 < argc ?
			"unexpected argument" : "no schema for",
			optind + 1 < argc ? argv[optind + 1] : which);
		return 2;
	}
	kg_schema_json(which, &out, &d);
	kg_diags_print(&d, stderr, 0);
	if (d.errors)
		rc = 1;
	else
		fwrite(out.ptr, 1, out.len, stdout);
	kg_buf_release(&out);
	kg_diags_free(&d);
	return rc;
}
