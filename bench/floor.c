/*
 * floor.c - the floor for kitgen's PDF writer: libharu writing the same
 * text at the same places in the same TrueType faces, embedded and
 * compressed, with no layout at all (make bench).
 *
 *   floor FRAGMENTS OUT.pdf
 *
 * FRAGMENTS (written by bench/fragments.py from kitgen's own PDF) is
 * UTF-8 text, one item a line:
 *
 *   F PATH                     a face: a TrueType file (faces count from 0)
 *   P WIDTH HEIGHT             a new page, in points
 *   T FACE SIZE X Y TEXT       TEXT in face FACE at SIZE points, baseline
 *                              at (X, Y) from the page's bottom left
 *
 * It is what a program that already knows where every word goes still has
 * to do: load and embed the fonts (libharu's UTF-8 encoding, as its
 * manual says to use TrueType with Unicode), put the text on the pages,
 * deflate and save. Anything kitgen takes beyond this is its layout.
 */
#include <hpdf.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define MAX_FACES 16

static void on_error(HPDF_STATUS error, HPDF_STATUS detail, void *data)
{
	(void)data;
	fprintf(stderr, "floor: libharu error %#04x (detail %u)\n",
		(unsigned)error, (unsigned)detail);
	exit(1);
}

static char *read_all(const char *path)
{
	FILE *f = fopen(path, "rb");
	char *buf;
	long n;

	if (!f || fseek(f, 0, SEEK_END) != 0 || (n = ftell(f)) < 0 ||
	    fseek(f, 0, SEEK_SET) != 0) {
		perror(path);
		exit(1);
	}
	buf = malloc((size_t)n + 1);
	if (!buf || fread(buf, 1, (size_t)n, f) != (size_t)n) {
		perror(path);
		exit(1);
	}
	buf[n] = '\0';
	fclose(f);
	return buf;
}

int main(int argc, char **argv)
{
	const char *paths[MAX_FACES];
	HPDF_Font fonts[MAX_FACES] = {NULL};
	HPDF_Page page = NULL;
	HPDF_Doc pdf;
	int nfaces = 0, face = -1;
	float size = 0;
	char *src, *line, *next;

	if (argc != 3) {
		fprintf(stderr, "usage: floor FRAGMENTS OUT.pdf\n");
		return 2;
	}
	src = read_all(argv[1]);
	pdf = HPDF_New(on_error, NULL);
	HPDF_SetCompressionMode(pdf, HPDF_COMP_ALL);
	HPDF_UseUTFEncodings(pdf);
	for (line = src; *line; line = next) {
		char *end = strchr(line, '\n');
		int f, used;
		float w, h, s, x, y;

		next = end ? end + 1 : line + strlen(line);
		if (end)
			*end = '\0';
		if (line[0] == 'F' && line[1] == ' ' && nfaces < MAX_FACES) {
			paths[nfaces++] = line + 2;
		} else if (sscanf(line, "P %f %f", &w, &h) == 2) {
			if (page)
				HPDF_Page_EndText(page);
			page = HPDF_AddPage(pdf);
			HPDF_Page_SetWidth(page, w);
			HPDF_Page_SetHeight(page, h);
			HPDF_Page_BeginText(page);
			face = -1;
		} else if (page && sscanf(line, "T %d %f %f %f %n", &f, &s, &x, &y,
					  &used) == 4 && f >= 0 && f < nfaces) {
			if (!fonts[f]) /* a face is loaded when first used */
				fonts[f] = HPDF_GetFont(pdf,
					HPDF_LoadTTFontFromFile(pdf, paths[f], HPDF_TRUE),
					"UTF-8");
			if (f != face || s != size) {
				HPDF_Page_SetFontAndSize(page, fonts[f], s);
				face = f;
				size = s;
			}
			HPDF_Page_TextOut(page, x, y, line + used);
		}
	}
	if (page)
		HPDF_Page_EndText(page);
	if (HPDF_SaveToFile(pdf, argv[2]) != HPDF_OK)
		return 1;
	HPDF_Free(pdf);
	free(src);
	return 0;
}
