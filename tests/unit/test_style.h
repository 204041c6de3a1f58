/* test_style.h - for unit tests that write pages from a templates folder
 * of their own: copy the real templates/pdf/style.yaml into it, since the
 * HTML shell takes the brand's colours from the style file. The tests run
 * from the repository's root (tests/run-tests.sh). Header-only. */
#ifndef KG_TEST_STYLE_H
#define KG_TEST_STYLE_H

#include <stdio.h>
#include <sys/stat.h>

/* dir/pdf/style.yaml, a copy of templates/pdf/style.yaml; 0 or -1. */
static inline int kg_test_copy_style(const char *dir)
{
	char path[256];
	FILE *in, *out;
	int c, rc = 0;

	snprintf(path, sizeof(path), "%s/pdf", dir);
	if (mkdir(path, 0777) < 0)
		return -1;
	snprintf(path, sizeof(path), "%s/pdf/style.yaml", dir);
	in = fopen("templates/pdf/style.yaml", "r");
	out = fopen(path, "w");
	if (!in || !out)
		rc = -1;
	while (rc == 0 && (c = getc(in)) != EOF)
		putc(c, out);
	if (in && ferror(in))
		rc = -1;
	if (in)
		fclose(in);
	if (out && fclose(out) != 0)
		rc = -1;
	return rc;
}

#endif
