/* fuzz_kit.c - libFuzzer harness: a whole content folder through loading,
 * the checks, and (when it is clean) composing and the text writers */
/*
 * The input is split at each line "~~~~" into files: the first is
 * kit.yaml, the last scenarios.yaml, those between topics/01-t.yaml,
 * topics/02-t.yaml, ... (one part: kit.yaml alone). They are written to a
 * scratch folder and loaded with kg_kit_load, then checked as `kitgen
 * check` does. A kit that checks clean is digested, diffed against itself
 * (no change), and every edition is composed and written as Markdown and
 * HTML (the PDF has its own harness), as `kitgen build` does.
 *
 * Invariants: a clean kit composes and writes without an error; a kit
 * diffed against itself has no change.
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
#include "diff.h"
#include "digest.h"
#include "edition.h"
#include "kit.h"
#include "output.h"
#include "writer.h"

#ifndef KG_FUZZ_TEMPLATES
#define KG_FUZZ_TEMPLATES "templates"
#endif

#define SEP "\n~~~~\n"
#define MAX_FILES 12
#define MAX_EDITIONS 4

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

/* Empty the scratch folder, then write the input's files into it. */
static void S_files(const char *s, size_t len)
{
	const char *end = s + len, *f, *part[MAX_FILES];
	size_t plen[MAX_FILES], n = 0, i, seplen = strlen(SEP);
	kg_buf b = KG_BUF_INIT;

	kg_remove_tree(S_dir);
	kg_buf_printf(&b, "%s/topics", S_dir);
	if (mkdir(S_dir, 0700) < 0 || mkdir(b.ptr, 0700) < 0)
		abort();
	while (n + 1 < MAX_FILES && (f = memmem(s, (size_t)(end - s), SEP, seplen))) {
		part[n] = s;
		plen[n++] = (size_t)(f - s);
		s = f + seplen;
	}
	part[n] = s;
	plen[n++] = (size_t)(end - s);
	S_write("kit.yaml", part[0], plen[0]);
	for (i = 1; i + 1 < n; i++) {
		kg_buf_reset(&b);
		kg_buf_printf(&b, "topics/%02zu-t.yaml", i);
		S_write(b.ptr, part[i], plen[i]);
	}
	if (n > 1)
		S_write("scenarios.yaml", part[n - 1], plen[n - 1]);
	kg_buf_release(&b);
}

static void S_build(const kg_kit *kit)
{
	static const kg_writer *const writers[] = {&kg_writer_md, &kg_writer_html};
	kg_write_opts wo = {KG_FUZZ_TEMPLATES, "a4", NULL};
	kg_editions eds = kg_editions_of(kit);
	kg_changes changes = {NULL, 0, 0};
	char digest[KG_DIGEST_HEX];
	kg_sink out;
	size_t e, w;

	kg_sink_init(&out, NULL); /* no file: every byte stays in out.buf */
	kg_kit_digest(kit, digest);
	kg_kit_diff(kit, kit, &changes);
	if (changes.n)
		abort();
	kg_changes_free(&changes);
	for (e = 0; e < eds.n && e < MAX_EDITIONS; e++) {
		kg_doc *doc = kg_compose(kit, &eds.items[e], digest);

		for (w = 0; w < sizeof(writers) / sizeof(*writers); w++) {
			kg_diags d = KG_DIAGS_INIT;

			kg_buf_reset(&out.buf);
			if (writers[w]->write(doc, &wo, &out, &d) < 0) {
				kg_diags_print(&d, stderr, 0);
				abort();
			}
			kg_diags_free(&d);
		}
		kg_doc_free(doc);
	}
	kg_sink_release(&out);
	kg_editions_free(&eds);
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

		snprintf(S_dir, sizeof(S_dir), "%.40s/kg-fuzz-kit.%ld",
			 tmp && *tmp ? tmp : "/tmp", (long)getpid());
		S_null = fopen("/dev/null", "w");
		atexit(S_cleanup);
	}
	S_files((const char *)data, size);
	kit = kg_kit_load(S_dir, &d);
	kg_kit_check(kit, &d);
	kg_diags_print(&d, S_null, KG_DIAG_SOURCE);
	if (d.errors == 0)
		S_build(kit);
	kg_kit_free(kit);
	kg_diags_free(&d);
	return 0;
}
