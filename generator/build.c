/*
 * build.c - the build pipeline: load, check, compose and write every
 * edition into one atomic set of output files, then report.
 *
 * Each file is written to a temporary name as it is rendered, so memory
 * holds a chunk of one file at a time; the set is renamed into place only
 * when every file is written (or removed when any failed). All files
 * together stay within the output budget (KG_MAX_OUTPUT, or less with
 * KITGEN_MAX_OUTPUT); the packets' parts (edition.h), which hold the
 * packets' text again, have a budget of the same size of their own.
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include "alloc.h"
#include "build.h"
#include "buf.h"
#include "cli.h"
#include "compose.h"
#include "datadir.h"
#include "digest.h"
#include "edition.h"
#include "fields.h"
#include "fonts.h"
#include "glyphcheck.h"
#include "index.h"
#include "kit.h"
#include "labels.h"
#include "layout.h"
#include "pdf_style.h"
#include "leftovers.h"
#include "output.h"
#include "paper.h"
#include "since.h"
#include "translate.h"
#include "volume.h"
#include "printable.h"
#include "shape_ahead.h"

#ifndef KG_VERSION /* the Makefile defines it */
#define KG_VERSION "0.1.0"
#endif

/* The paths of the files a build writes, in order, for its summary. */
typedef struct S_files {
	char **paths;
	size_t n, cap;
} S_files;

/* A new file dir/base+ext at the end of the list; its path. */
static const char *S_add_file(S_files *files, const char *dir,
			      const char *base, const char *ext)
{
	kg_buf path = KG_BUF_INIT;

	KG_GROW(files->paths, files->cap, files->n + 1);
	kg_buf_printf(&path, "%s/%s%s", dir, base, ext);
	files->paths[files->n] = kg_buf_detach(&path, NULL);
	return files->paths[files->n++];
}

static void S_files_free(S_files *files)
{
	size_t i;

	for (i = 0; i < files->n; i++)
		free(files->paths[i]);
	free(files->paths);
}

/* The most bytes a build writes: KG_MAX_OUTPUT, or less when
 * KITGEN_MAX_OUTPUT (a decimal number of bytes) says so; it never raises
 * the limit. */
static size_t S_output_limit(void)
{
	const char *env = getenv("KITGEN_MAX_OUTPUT");
	unsigned long long n;
	char *end;

	if (!env || *env < '0' || *env > '9')
		return KG_MAX_OUTPUT;
	errno = 0;
	n = strtoull(env, &end, 10);
	if (errno || *end || n >= KG_MAX_OUTPUT)
		return KG_MAX_OUTPUT;
	return (size_t)n;
}

/* What a build has written so far, against its two budgets: the
 * editions and the index page, and the packets' parts. */
typedef struct S_budget {
	size_t editions, parts;
} S_budget;

/* The bytes written so far of the budget path's file counts against. */
static size_t *S_spent(S_budget *b, int part)
{
	return part ? &b->parts : &b->editions;
}

/* Would `more` bytes take the build past its output limit? Then say so. */
static int S_over_budget(const char *path, size_t *written, size_t more,
			 int part, kg_diags *d)
{
	size_t limit = S_output_limit();

	if (more <= limit - *written) {
		*written += more;
		return 0;
	}
	if (part && limit == KG_MAX_OUTPUT)
		kg_error(d, (kg_mark){path, 0, 0},
			 "the packets' per-round documents pass their limit of "
			 "%zu MiB for all of them together; build fewer "
			 "editions or formats at once (--edition, --format)",
			 KG_MAX_OUTPUT >> 20);
	else if (part)
		kg_error(d, (kg_mark){path, 0, 0},
			 "the packets' per-round documents pass their limit of "
			 "%zu bytes for all of them together (KITGEN_MAX_OUTPUT)",
			 limit);
	else if (limit == KG_MAX_OUTPUT)
		kg_error(d, (kg_mark){path, 0, 0},
			 "the build's output passes its limit of %zu MiB for "
			 "all files together; build fewer editions or formats "
			 "at once (--edition, --format)", KG_MAX_OUTPUT >> 20);
	else
		kg_error(d, (kg_mark){path, 0, 0},
			 "the build's output passes its limit of %zu bytes for "
			 "all files together (KITGEN_MAX_OUTPUT)", limit);
	return -1;
}

/* Write doc with w straight to path's temporary name, within what is left
 * of the build's output budget (*written bytes used), and say how many
 * bytes that was. */
static int S_write_file(kg_out_set *set, const char *path, const kg_writer *w,
			const kg_doc *doc, const kg_write_opts *wo,
			size_t *size, size_t *written, int part, kg_diags *d)
{
	kg_sink out;
	kg_write_opts named = *wo;

	named.path = path;
	if (kg_out_open(set, path, &out, d) < 0)
		return -1;
	out.limit = S_output_limit() - *written;
	if (w->write(doc, &named, &out, d) < 0 ||
	    S_over_budget(path, written, kg_sink_tell(&out), part, d) < 0) {
		kg_out_discard(set, &out);
		return -1;
	}
	*size = kg_sink_tell(&out);
	return kg_out_close(set, &out, d);
}

/* Write edition ed, composed, in every format of the build; the public
 * kit with what changed since, when since holds a version. */
static int S_write_edition(const kg_kit *kit, const kg_edition *ed,
			   const char *digest, const char *build_digest,
			   const kg_build_opts *o,
			   const kg_since *since, S_files *files,
			   S_budget *budget, kg_index *idx, kg_out_set *set,
			   kg_diags *d)
{
	int part = KG_EDITION_IS_PART(ed);
	kg_write_opts wo = {o->templates, o->paper, NULL};
	kg_doc *doc = kg_compose(kit, ed, digest);
	size_t w;
	int rc = 0;

	doc->meta.build_digest = kg_xstrdup(build_digest);

	if (since->version && ed->kind == KG_EDITION_PUBLIC)
		kg_since_compose(doc, since);

	for (w = 0; o->writers[w] && rc == 0; w++) {
		const char *path = S_add_file(files, o->out, ed->id,
					      o->writers[w]->format->extension);
		size_t size = 0;

		rc = S_write_file(set, path, o->writers[w], doc, &wo, &size,
				  S_spent(budget, part), part, d);
		kg_index_add(idx, ed, o->writers[w], size);
	}
	kg_doc_free(doc);
	return rc;
}

/* The index page that links the build's files: small, so rendered whole,
 * then written. */
static int S_write_index(const kg_index *idx, const kg_kit *kit,
			 const char *digest, const char *build_digest,
			 const kg_build_opts *o,
			 S_files *files, S_budget *budget, kg_out_set *set,
			 kg_diags *d)
{
	const char *path = S_add_file(files, o->out, KG_INDEX_NAME, "");
	kg_buf page = KG_BUF_INIT;
	int rc = kg_index_render(idx, kit, digest, build_digest, o->templates,
				 &page, d);

	if (rc == 0)
		rc = S_over_budget(path, S_spent(budget, 0), page.len, 0, d);
	if (rc == 0)
		rc = kg_out_add(set, path, page.ptr, page.len, d);
	kg_buf_release(&page);
	return rc;
}

/* Does a build of `only` (NULL: every edition) write ed? A packet brings
 * its parts. */
static int S_selected(const kg_edition *ed, const kg_edition *only)
{
	return !only || ed == only ||
	       (only->kind == KG_EDITION_PACKET && ed->packet == only);
}

static int S_build_digest(const kg_kit *kit, const char *content,
			  const char *templates, const char *paper,
			  char hex[KG_DIGEST_HEX], kg_diags *d);

/* Render every edition in every format, then the index page that links
 * them, each to its temporary name in set; the caller commits or aborts. */
static int S_render_all(const kg_kit *kit, const kg_build_opts *o,
			const kg_since *since, S_files *files, kg_out_set *set,
			kg_diags *d)
{
	kg_editions eds = kg_editions_of(kit);
	kg_index idx = KG_INDEX_INIT;
	char digest[KG_DIGEST_HEX], build[KG_DIGEST_HEX];
	const kg_edition *only = o->edition ? kg_editions_find(&eds, o->edition)
					    : NULL;
	S_budget budget = {0, 0};
	size_t e;
	int rc;

	kg_kit_digest(kit, digest);
	rc = S_build_digest(kit, digest, o->templates, o->paper, build, d);
	/* the folder (made when missing), its lock, no leftovers of killed builds */
	if (rc == 0)
		rc = kg_out_begin(set, o->out, d);
	/* the kit's texts rendered once for all the editions' HTML, the
	 * style read once for all their pages */
	kg_html_cache_begin();
	kg_pdf_style_cache_begin();
	for (e = 0; e < eds.n && rc == 0; e++)
		if (S_selected(&eds.items[e], only))
			rc = S_write_edition(kit, &eds.items[e], digest, build,
					     o, since, files, &budget, &idx,
					     set, d);
	kg_pdf_style_cache_end();
	kg_html_cache_end();
	/* (a one-edition build would list only that edition: it writes none) */
	if (rc == 0 && !o->edition && kg_index_wanted(o->writers))
		rc = S_write_index(&idx, kit, digest, build, o, files, &budget,
				   set, d);
	kg_index_free(&idx);
	kg_editions_free(&eds);
	return rc;
}

int kg_build_digest_of(const kg_kit *kit, const char *templates,
		       const char *paper, char hex[KG_DIGEST_HEX], kg_diags *d)
{
	char content[KG_DIGEST_HEX];

	kg_kit_digest(kit, content);
	return S_build_digest(kit, content, templates, paper, hex, d);
}

/* The build digest of the kit whose content digest is known. */
static int S_build_digest(const kg_kit *kit, const char *content,
			  const char *templates, const char *paper,
			  char hex[KG_DIGEST_HEX], kg_diags *d)
{
	kg_diags quiet = KG_DIAGS_INIT;
	char *name = kg_paper_name(templates, kit, paper, &quiet);
	int rc;

	/* a style that cannot be read is for the writers that read it to
	 * report (a Markdown build reads none): the paper as asked for */
	if (!name)
		name = kg_xstrdup(paper ? paper : kit->paper ? kit->paper->text : "");
	kg_diags_free(&quiet);
	rc = kg_build_digest(content, templates, name, KG_VERSION, hex, d);
	free(name);
	return rc;
}

/* Say that there is no edition called name: the nearest one, if any,
 * and `kitgen list`. */
static void S_say_no_edition(const kg_editions *eds, const char *name)
{
	const kg_edition *near = kg_editions_closest(eds, name, 0);

	kg_fprintf_printable(stderr,
		"kitgen build: no edition '%s' (%s%s%s'kitgen list')\n",
		name, near ? "did you mean '" : "see ", near ? near->id : "",
		near ? "'? see " : "");
}

/* Is there no edition called name? Then say so. */
static int S_no_edition(const kg_kit *kit, const char *name)
{
	kg_editions eds = kg_editions_of(kit);
	int missing = kg_editions_find(&eds, name) == NULL;

	if (missing)
		S_say_no_edition(&eds, name);
	kg_editions_free(&eds);
	return missing;
}

/* Seconds since *t0 on the monotonic clock. */
static double S_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e9;
}

/* The list of files written and a summary line with the time taken (the
 * time goes to the terminal only, never into a file). */
static void S_summary(const S_files *files, const char *out,
		      const struct timespec *t0)
{
	size_t i;

	for (i = 0; i < files->n; i++)
		kg_fprintf_printable(stdout, "wrote %s\n", files->paths[i]);
	kg_fprintf_printable(stdout,
		"wrote %zu file%s to %s in %.2f s\n", files->n,
		kg_cli_s(files->n), out, S_since(t0));
}

/* kit->labels for language (NULL: kit.yaml's, else English), with the
 * overrides: a translation's labels, else kit.yaml's when the language
 * is the kit's own. */
static void S_labels(kg_kit *kit, const char *templates, const char *language,
		     const kg_node *tr_labels, kg_diags *d)
{
	const char *own = kit->language ? kg_text(kit->language) : "en";
	const char *lang = language ? language : own;
	int same = strcasecmp(lang, own) == 0;
	const kg_node *over = tr_labels ? tr_labels
				: same ? kit->labels_node : NULL;

	if (!kg_lang_valid(lang)) {
		kg_error(d, (kg_mark){NULL, 0, 0}, "--language '%s' is not a "
			 "BCP 47 language tag (such as 'de', 'de-CH' or 'ar')",
			 lang);
		return;
	}
	kg_labels_free(kit->labels);
	kit->labels = kg_labels_load(templates, lang, over, d);
	/* at kit.yaml's language: when --language names one, no place */
	if (!kg_labels_found(kit->labels) && !over)
		kg_warning(d, same && kit->language ? kit->language->mark
			   : (kg_mark){NULL, 0, 0}, "no labels for language "
			   "'%s' (no labels/%s.yaml): kitgen's own words stay "
			   "English; `kitgen labels %s` prints them to translate",
			   kg_labels_lang(kit->labels), kg_labels_lang(kit->labels),
			   kg_labels_lang(kit->labels));
}

void kg_build_language(kg_kit *kit, const char *templates, const char *content,
		       const char *language, kg_diags *d)
{
	kg_tr *tr;
	size_t texts, fallbacks;
	kg_buf ids = KG_BUF_INIT;

	if (!language) {
		S_labels(kit, templates, NULL, NULL, d);
		return;
	}
	if (!(tr = kg_tr_load(kit, content, language, d))) {
		kg_mark none = {NULL, 0, 0};

		kg_error(d, none, "no translation '%s' in %s/translations",
			 language, content);
		return;
	}
	/* the marker of a fallback is a label: the labels come first */
	S_labels(kit, templates, language, kg_tr_labels(tr), d);
	kg_tr_drift(tr, d);
	if (d->errors) {
		kg_tr_free(tr);
		return;
	}
	texts = kg_tr_overlay(kit, tr, &fallbacks, &ids);
	/* longer texts: the build's bound holds for the translated kit */
	kg_check_volume(kit, d);
	if (fallbacks)
		kg_fprintf_printable(stderr, "%s: %zu of %zu texts fall back "
			"to the source (marked '%s'): %s\n", language,
			fallbacks, texts,
			kg_label(kit->labels, "translate.untranslated"), ids.ptr);
	kg_buf_release(&ids);
}

void kg_build_labels(kg_kit *kit, const char *templates,
		     const char *language, kg_diags *d)
{
	S_labels(kit, templates, language, NULL, d);
}

static int S_has_pdf(const kg_writer *const *writers)
{
	size_t i;

	for (i = 0; writers[i]; i++)
		if (writers[i] == &kg_writer_pdf)
			return 1;
	return 0;
}

/* kit.yaml is read (kg_kit_load_with): the build's language is
 * --language or kit.yaml's (as S_labels finds it), so its hyphenation
 * dictionary is read on a second core while the topics load. */
static void S_kit_head(const kg_kit *kit, void *ctx)
{
	const kg_build_opts *o = ctx;

	kg_lay_hyph_warm(o->language ? o->language
			 : kit->language ? kg_text(kit->language) : "en");
}

/* The kit's texts, read on the thread that shapes the PDFs' words ahead
 * (shape_ahead.h): kit.yaml's, the topics', the scenarios' and a
 * translation's, in the order the documents have them; a question's code
 * is code. */
typedef struct S_ahead_read {
	kg_ahead_text_fn text;
	void *arg;
} S_ahead_read;

static int S_ahead_scalar(void *ctx, const kg_node *key, const kg_node *v)
{
	const S_ahead_read *r = ctx;
	int code = key && key->len == strlen(KG_FIELD_CODE) &&
		   memcmp(key->text, KG_FIELD_CODE, key->len) == 0;

	return r->text(r->arg, v->text, v->len, code);
}

static void S_ahead_texts(void *ctx, kg_ahead_text_fn text, void *arg)
{
	const kg_kit *kit = ctx;
	S_ahead_read r = {text, arg};
	size_t i;

	if (kg_node_each_scalar(kit->root, S_ahead_scalar, &r))
		return;
	for (i = 0; i < kit->ntopic_files; i++)
		if (kg_node_each_scalar(kit->topic_roots[i], S_ahead_scalar, &r))
			return;
	if (!kg_node_each_scalar(kit->scenarios_root, S_ahead_scalar, &r))
		kg_node_each_scalar(kit->owned, S_ahead_scalar, &r);
}

/* Load, check, write: the build with the templates folder known. */
static int S_build(kg_build_opts *o, const struct timespec *t0, kg_diags *d)
{
	kg_kit *kit;
	S_files files = {NULL, 0, 0};
	kg_out_set set = KG_OUT_SET_INIT;
	kg_since since = KG_SINCE_INIT;
	int rc;

	/* the fonts are read on a second core while the kit loads */
	if (S_has_pdf(o->writers)) {
		kg_buf style = KG_BUF_INIT;

		kg_buf_printf(&style, "%s/pdf/style.yaml", o->templates);
		kg_fonts_warm(style.ptr);
		kg_buf_release(&style);
	}
	kit = kg_kit_load_with(o->content, d,
			       S_has_pdf(o->writers) ? S_kit_head : NULL, o);

	kg_kit_check(kit, d);
	kg_paper_check_kit(o->templates, kit, d);
	kg_kit_leftovers(kit, o->release, d);
	if (d->errors == 0 && o->changes_since)
		kg_since_load(o->content, o->changes_since, kit, &since, d);
	/* after the changes are found: they compare the source's texts */
	if (d->errors == 0)
		kg_build_language(kit, o->templates, o->content, o->language, d);
	if (d->errors == 0 && S_has_pdf(o->writers)) {
		/* the language known for sure (S_kit_head started on it
		 * already, unless the labels say otherwise): its
		 * hyphenation dictionary read on a second core */
		kg_lay_hyph_warm(kg_labels_lang(kit->labels));
		/* the texts as the PDF will draw them, while they have their
		 * places */
		kg_check_glyphs(kit, kit->labels, o->templates, d);
	}
	if (d->errors == 0 && o->edition && S_no_edition(kit, o->edition)) {
		kg_since_free(&since);
		kg_kit_free(kit);
		return KG_EXIT_USAGE;
	}
	/* --paper wins over the kit's paper (both vetted), else the style's
	 * first */
	if (!o->paper && kit->paper)
		o->paper = kit->paper->text;
	/* the PDFs' words shaped ahead from the kit's texts (translated) */
	if (d->errors == 0 && S_has_pdf(o->writers))
		kg_ahead_texts(S_ahead_texts, kit);
	/* all files or none: a failure leaves every earlier output */
	if (d->errors || S_render_all(kit, o, &since, &files, &set, d) != 0 ||
	    kg_out_commit(&set, d) != 0)
		kg_out_abort(&set);
	kg_ahead_texts(NULL, NULL);
	rc = kg_cli_report(d);
	if (rc == 0 && !o->quiet)
		S_summary(&files, o->out, t0);
	S_files_free(&files);
	kg_since_free(&since);
	kg_kit_free(kit);
	return rc;
}

int kg_build(const kg_build_opts *o)
{
	kg_build_opts with = *o;
	kg_diags d = KG_DIAGS_INIT;
	char *found = NULL;
	struct timespec t0;
	int rc;

	clock_gettime(CLOCK_MONOTONIC, &t0);
	if (!with.templates && !(with.templates = found = kg_default_templates(&d)))
		rc = kg_cli_report(&d);
	else if ((rc = kg_paper_check_given("build", with.templates, with.paper,
					    &d)) != 0)
		rc = rc < 0 ? kg_cli_report(&d) : rc;
	else
		rc = S_build(&with, &t0, &d);
	kg_fonts_warm_wait(); /* a build that stopped before its first PDF */
	free(found);
	kg_diags_free(&d);
	return rc;
}
