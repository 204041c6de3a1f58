/*
 * digest.c - SHA-256 (nettle) over the canonical form of the content
 * trees (canon.h), the same form diff compares; and the build digest over
 * the content digest, the templates, the paper and kitgen's version
 * (digest.h).
 *
 * Every part hashed is framed by its length (a path, a file's bytes, a
 * name), so no two different inputs hash the same stream.
 */
#include "digest.h"

#include <dirent.h>
#include <errno.h>
#include <nettle/sha2.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "buf.h"
#include "canon.h"
#include "file.h"
#include "formats.h"
#include "template.h"

static void S_u64(struct sha256_ctx *ctx, size_t v)
{
	unsigned char b[8];
	int i;

	for (i = 0; i < 8; i++)
		b[i] = (unsigned char)((unsigned long long)v >> (56 - 8 * i));
	sha256_update(ctx, sizeof(b), b);
}

static void S_put(void *ctx, const void *bytes, size_t len)
{
	sha256_update(ctx, len, bytes);
}

static void S_node(struct sha256_ctx *ctx, const kg_node *n)
{
	kg_canon_write(n, S_put, ctx);
}

static void S_hex(struct sha256_ctx *ctx, char hex[KG_DIGEST_HEX])
{
	uint8_t sum[SHA256_DIGEST_SIZE];
	size_t i;

	sha256_digest(ctx, sizeof(sum), sum);
	for (i = 0; i < sizeof(sum); i++)
		snprintf(hex + 2 * i, 3, "%02x", sum[i]);
}

void kg_kit_digest(const kg_kit *kit, char hex[KG_DIGEST_HEX])
{
	struct sha256_ctx ctx;
	size_t i;

	sha256_init(&ctx);
	/* v2: mappings in key order (v1 hashed them in document order) */
	sha256_update(&ctx, 10, (const uint8_t *)"kitgen-v2\n");
	S_node(&ctx, kit->root);
	S_u64(&ctx, kit->ntopic_files);
	for (i = 0; i < kit->ntopic_files; i++)
		S_node(&ctx, kit->topic_roots[i]);
	S_node(&ctx, kit->scenarios_root);
	/* a translated kit (translate.h): its translation's trees and the
	 * fallback texts too, so a language's editions carry a digest of
	 * their own; the source's digest is as it was */
	if (kit->owned)
		S_node(&ctx, kit->owned);
	S_hex(&ctx, hex);
}

/* ---- the build digest ------------------------------------------------------ */

/* A string, framed by its length. */
static void S_str(struct sha256_ctx *ctx, const char *s)
{
	S_u64(ctx, strlen(s));
	sha256_update(ctx, strlen(s), (const uint8_t *)s);
}

static int S_cmp(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The regular files (or links to them) of dir that are not hidden,
 * appended to *names as "FORMAT/NAME" (malloc'd). A folder that is not
 * there adds none; one that cannot be read is an I/O error. */
static int S_list(const char *templates, const char *format, char ***names,
		  size_t *n, size_t *cap, kg_diags *d)
{
	kg_buf dir = KG_BUF_INIT, path = KG_BUF_INIT;
	struct dirent *e;
	struct stat st;
	DIR *dp;

	kg_buf_printf(&dir, "%s/%s", templates, format);
	if (!(dp = opendir(dir.ptr))) {
		int rc = errno == ENOENT ? 0 : -1;

		if (rc)
			kg_io_error(d, (kg_mark){dir.ptr, 0, 0},
				    "cannot read folder: %s", strerror(errno));
		kg_buf_release(&dir);
		return rc;
	}
	while ((e = readdir(dp))) {
		if (e->d_name[0] == '.')
			continue;
		kg_buf_reset(&path);
		kg_buf_printf(&path, "%s/%s", dir.ptr, e->d_name);
		if (stat(path.ptr, &st) < 0 || !S_ISREG(st.st_mode))
			continue;
		KG_GROW(*names, *cap, *n + 1);
		kg_buf_reset(&path);
		kg_buf_printf(&path, "%s/%s", format, e->d_name);
		(*names)[(*n)++] = kg_buf_detach(&path, NULL);
	}
	closedir(dp);
	kg_buf_release(&dir);
	kg_buf_release(&path);
	return 0;
}

/* Hash every file of the templates folder a build may read: its path
 * relative to the folder, then its bytes. */
static int S_templates(struct sha256_ctx *ctx, const char *templates,
		       kg_diags *d)
{
	char **names = NULL;
	size_t n = 0, cap = 0, i;
	kg_buf path = KG_BUF_INIT, bytes = KG_BUF_INIT;
	int rc = 0;

	for (i = 0; kg_formats[i] && rc == 0; i++)
		rc = S_list(templates, kg_formats[i]->name, &names, &n, &cap, d);
	/* the labels tables: kitgen's own words (labels.h) */
	if (rc == 0)
		rc = S_list(templates, "labels", &names, &n, &cap, d);
	if (n)
		qsort(names, n, sizeof(*names), S_cmp);
	S_u64(ctx, n);
	for (i = 0; i < n; i++) {
		kg_buf_reset(&path);
		kg_buf_reset(&bytes);
		kg_buf_printf(&path, "%s/%s", templates, names[i]);
		if (rc == 0 &&
		    kg_file_read(path.ptr, KG_TEMPLATE_MAX_FILE, &bytes, d) < 0)
			rc = -1;
		S_str(ctx, names[i]);
		S_u64(ctx, bytes.len);
		sha256_update(ctx, bytes.len, (const uint8_t *)bytes.ptr);
		free(names[i]);
	}
	free(names);
	kg_buf_release(&path);
	kg_buf_release(&bytes);
	return rc;
}

int kg_build_digest(const char *content, const char *templates,
		    const char *paper, const char *version,
		    char hex[KG_DIGEST_HEX], kg_diags *d)
{
	struct sha256_ctx ctx;

	sha256_init(&ctx);
	sha256_update(&ctx, 16, (const uint8_t *)"kitgen-build-v1\n");
	S_str(&ctx, content);
	if (S_templates(&ctx, templates, d) < 0)
		return -1;
	S_str(&ctx, paper);
	S_str(&ctx, version);
	S_hex(&ctx, hex);
	return 0;
}
