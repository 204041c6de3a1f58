/* fuzz_translate.c - libFuzzer harness: a kit and a translation of it
 * through loading, the checks, drift, the status report, the stamps and
 * the overlay a build lays */
/*
 * The input is a kit as fuzz_kit.c takes it (files split at "~~~~"
 * lines), then a line "====" and the translation's files, split the same
 * way: the first is translations/xx/kit.yaml, the last
 * translations/xx/scenarios.yaml, those between
 * translations/xx/topics/NN-t.yaml. A kit that checks clean gets the
 * translation loaded and checked, its drift and its status (text and
 * Markdown); a translation with no error is stamped, loaded again, and
 * laid over the kit, whose published kit and first packet are composed
 * and written as Markdown, as `kitgen build --language` does.
 *
 * Invariants: stamping an error-free translation leaves it error-free,
 * with every translated item stamped and current; the overlay counts
 * no more fallbacks than texts; the translated kit composes and writes
 * without an error.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "buf.h"
#include "compose.h"
#include "diag.h"
#include "digest.h"
#include "edition.h"
#include "kit.h"
#include "output.h"
#include "translate.h"
#include "writer.h"

#ifndef KG_FUZZ_TEMPLATES
#define KG_FUZZ_TEMPLATES "templates"
#endif

#define SEP "\n~~~~\n"
#define HALF "\n====\n"
#define MAX_FILES 12
#define MAX_EDITIONS 2

static char S_dir[128];
static FILE *S_null;

static void S_write(const char *name, const char *s, size_t len)
{
	kg_buf path = KG_BUF_INIT;
	FILE *f;

	kg_buf_printf(&path, "%s/%s", S_dir, name);
	f = fopen(path.ptr, "wb");
	if (!f)
		abort();
	if (len && fwrite(s, 1, len, f) != len)
		abort();
	fclose(f);
	kg_buf_release(&path);
}

/* Write the files of s[0..len), split at SEP, under prefix: first
 * kit.yaml, last scenarios.yaml, between topics/NN-t.yaml. */
static void S_split(const char *prefix, const char *s, size_t len)
{
	const char *end = s + len, *f, *part[MAX_FILES];
	size_t plen[MAX_FILES], n = 0, i, seplen = strlen(SEP);
	kg_buf b = KG_BUF_INIT;

	while (n + 1 < MAX_FILES && (f = memmem(s, (size_t)(end - s), SEP, seplen))) {
		part[n] = s;
		plen[n++] = (size_t)(f - s);
		s = f + seplen;
	}
	part[n] = s;
	plen[n++] = (size_t)(end - s);
	kg_buf_printf(&b, "%skit.yaml", prefix);
	S_write(b.ptr, part[0], plen[0]);
	for (i = 1; i + 1 < n; i++) {
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%stopics/%02zu-t.yaml", prefix, i);
		S_write(b.ptr, part[i], plen[i]);
	}
	if (n > 1) {
		kg_buf_reset(&b);
		kg_buf_printf(&b, "%sscenarios.yaml", prefix);
		S_write(b.ptr, part[n - 1], plen[n - 1]);
	}
	kg_buf_release(&b);
}

/* Empty the scratch folder, then write the input's two halves. */
static void S_files(const char *s, size_t len)
{
	const char *half = memmem(s, len, HALF, strlen(HALF));
	size_t klen = half ? (size_t)(half - s) : len;
	kg_buf b = KG_BUF_INIT;

	kg_remove_tree(S_dir);
	if (mkdir(S_dir, 0700) < 0)
		abort();
	kg_buf_printf(&b, "%s/topics", S_dir);
	if (mkdir(b.ptr, 0700) < 0)
		abort();
	kg_buf_reset(&b);
	kg_buf_printf(&b, "%s/translations", S_dir);
	if (mkdir(b.ptr, 0700) < 0)
		abort();
	kg_buf_puts(&b, "/xx");
	if (mkdir(b.ptr, 0700) < 0)
		abort();
	kg_buf_puts(&b, "/topics");
	if (mkdir(b.ptr, 0700) < 0)
		abort();
	kg_buf_release(&b);
	S_split("", s, klen);
	if (half)
		S_split("translations/xx/", half + strlen(HALF),
			len - klen - strlen(HALF));
}

/* Compose and write the first editions as Markdown. */
static void S_build(const kg_kit *kit)
{
	kg_write_opts wo = {KG_FUZZ_TEMPLATES, "a4", NULL};
	kg_editions eds = kg_editions_of(kit);
	char digest[KG_DIGEST_HEX];
	kg_sink out;
	size_t e;

	kg_sink_init(&out, NULL); /* no file: every byte stays in out.buf */
	kg_kit_digest(kit, digest);
	for (e = 0; e < eds.n && e < MAX_EDITIONS; e++) {
		kg_doc *doc = kg_compose(kit, &eds.items[e], digest);
		kg_diags d = KG_DIAGS_INIT;

		kg_buf_reset(&out.buf);
		if (kg_writer_md.write(doc, &wo, &out, &d) < 0) {
			kg_diags_print(&d, stderr, 0);
			abort();
		}
		kg_diags_free(&d);
		kg_doc_free(doc);
	}
	kg_sink_release(&out);
	kg_editions_free(&eds);
}

/* The translation of the clean kit: checked, reported, stamped, laid. */
static void S_translate(kg_kit *kit, kg_diags *d)
{
	kg_tr *tr = kg_tr_load(kit, S_dir, "xx", d);
	kg_buf out = KG_BUF_INIT, ids = KG_BUF_INIT;
	size_t done, texts, fallbacks;

	if (!tr)
		abort(); /* the folder is there */
	kg_tr_drift(tr, d);
	kg_tr_status(tr, 0, &out);
	kg_tr_status(tr, 1, &out);
	kg_buf_release(&out);
	if (d->errors) {
		kg_tr_free(tr);
		return;
	}
	/* stamped, the translation stays clean, and no item is unstamped
	 * (stale items and orphans stay what they were) */
	if (kg_tr_stamp(tr, NULL, 0, &done, d) == 0) {
		kg_diags again = KG_DIAGS_INIT;
		size_t i;

		kg_tr_free(tr);
		tr = kg_tr_load(kit, S_dir, "xx", &again);
		if (!tr)
			abort();
		kg_tr_drift(tr, &again);
		for (i = 0; i < again.n; i++)
			if (again.items[i].sev == KG_SEV_ERROR ||
			    strstr(again.items[i].msg, "no 'from:' stamp")) {
				kg_diags_print(&again, stderr, 0);
				abort();
			}
		kg_diags_free(&again);
	}
	texts = kg_tr_overlay(kit, tr, &fallbacks, &ids);
	if (fallbacks > texts)
		abort();
	kg_buf_release(&ids);
	S_build(kit);
}

static void S_cleanup(void)
{
	kg_remove_tree(S_dir);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_kit *kit;

	if (!S_null) {
		const char *tmp = getenv("TMPDIR");

		snprintf(S_dir, sizeof(S_dir), "%.40s/kg-fuzz-tr.%ld",
			 tmp && *tmp ? tmp : "/tmp", (long)getpid());
		S_null = fopen("/dev/null", "w");
		atexit(S_cleanup);
	}
	S_files((const char *)data, size);
	kit = kg_kit_load(S_dir, &d);
	kg_kit_check(kit, &d);
	if (d.errors == 0)
		S_translate(kit, &d);
	kg_diags_print(&d, S_null, KG_DIAG_SOURCE);
	kg_kit_free(kit);
	kg_diags_free(&d);
	return 0;
}
