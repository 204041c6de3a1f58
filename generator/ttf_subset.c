/*
 * ttf_subset.c - TrueType subsets for embedding (see ttf_subset.h).
 *
 * Why not libharu's own: it keeps every table of the file whole (glyph
 * names, cmap, name: about 140 KiB a face of DejaVu) and reads the file
 * two and four bytes at a time, which made saving the public kit take
 * longer than laying it out. This keeps what PDF 1.7, 9.9, asks of an
 * embedded TrueType program for a CIDFontType2 font, and nothing else.
 *
 * Invariants: every read of data is bounds-checked; glyph ids are kept,
 * so libharu's CIDToGIDMap and widths stay right; loca is written in the
 * long format; tables are 4-byte aligned and sorted by tag, and the
 * checksums (and head's checkSumAdjustment) are those of the new file.
 */
#include "ttf_subset.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "alloc.h"

typedef struct S_table {
	char tag[5];
	uint32_t off, len;
} S_table;

/* The tables written, in tag order. */
static const char *const S_keep[] = {"cvt ", "fpgm", "glyf", "head", "hhea",
				     "hmtx", "loca", "maxp", "prep"};
#define S_NKEEP (sizeof(S_keep) / sizeof(*S_keep))

static uint16_t S_u16(const unsigned char *p)
{
	return (uint16_t)(p[0] << 8 | p[1]);
}

static uint32_t S_u32(const unsigned char *p)
{
	return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void S_put16(kg_buf *b, unsigned v)
{
	kg_buf_putc(b, (int)(v >> 8 & 0xff));
	kg_buf_putc(b, (int)(v & 0xff));
}

static void S_put32(kg_buf *b, uint32_t v)
{
	S_put16(b, v >> 16);
	S_put16(b, v & 0xffff);
}

static void S_set32(char *p, uint32_t v)
{
	p[0] = (char)(v >> 24);
	p[1] = (char)(v >> 16);
	p[2] = (char)(v >> 8);
	p[3] = (char)v;
}

static uint32_t S_checksum(const char *p, size_t len)
{
	const unsigned char *u = (const unsigned char *)p;
	uint32_t sum = 0;
	size_t i;

	for (i = 0; i + 4 <= len; i += 4)
		sum += S_u32(u + i);
	if (i < len) {
		unsigned char last[4] = {0, 0, 0, 0};

		memcpy(last, u + i, len - i);
		sum += S_u32(last);
	}
	return sum;
}

static const S_table *S_find(const S_table *t, size_t n, const char *tag)
{
	size_t i;

	for (i = 0; i < n; i++)
		if (memcmp(t[i].tag, tag, 4) == 0)
			return &t[i];
	return NULL;
}

/* Glyph g's extent in glyf, from loca; 0 when g is out of range. */
static int S_glyph(const unsigned char *loca, int long_loca, size_t nglyphs,
		   size_t g, uint32_t glyf_len, uint32_t *start, uint32_t *end)
{
	if (g >= nglyphs)
		return 0;
	if (long_loca) {
		*start = S_u32(loca + 4 * g);
		*end = S_u32(loca + 4 * g + 4);
	} else {
		*start = 2u * S_u16(loca + 2 * g);
		*end = 2u * S_u16(loca + 2 * g + 2);
	}
	return *start <= *end && *end <= glyf_len;
}

/* Mark the components of every marked composite glyph, to any depth. */
static void S_close_composites(const unsigned char *glyf, uint32_t glyf_len,
			       const unsigned char *loca, int long_loca,
			       size_t nglyphs, unsigned char *keep)
{
	int changed = 1, rounds = 0;
	size_t g;

	while (changed && rounds++ < 16) {
		changed = 0;
		for (g = 0; g < nglyphs; g++) {
			uint32_t s, e, p;
			uint16_t flags;

			if (!keep[g] || !S_glyph(loca, long_loca, nglyphs, g, glyf_len, &s, &e) ||
			    e - s < 10 || (int16_t)S_u16(glyf + s) >= 0)
				continue;
			p = s + 10;
			do {
				uint16_t comp;

				if (p + 4 > e)
					break;
				flags = S_u16(glyf + p);
				comp = S_u16(glyf + p + 2);
				if (comp < nglyphs && !keep[comp])
					keep[comp] = 1, changed = 1;
				p += 4 + ((flags & 0x0001) ? 4 : 2);
				if (flags & 0x0008)
					p += 2;
				else if (flags & 0x0040)
					p += 4;
				else if (flags & 0x0080)
					p += 8;
			} while (flags & 0x0020);
		}
	}
}

/* The tables of data's font, or of the first font of a collection (a
 * .ttc file: a header, then each font's directory; the tables' offsets
 * count from the start of the file in both). */
static int S_tables(const unsigned char *data, size_t len, S_table *t, size_t *n)
{
	size_t i, count, dir = 0;
	uint32_t version;

	if (len < 12)
		return -1;
	if (S_u32(data) == 0x74746366) { /* 'ttcf' */
		if (len < 16 || S_u32(data + 8) < 1)
			return -1;
		dir = S_u32(data + 12);
		if (dir > len - 12)
			return -1;
	}
	version = S_u32(data + dir);
	if (version != 0x00010000 && version != 0x74727565) /* 'true' */
		return -1;
	count = S_u16(data + dir + 4);
	if (12 + 16 * count > len - dir)
		return -1;
	*n = 0;
	for (i = 0; i < count; i++) {
		const unsigned char *r = data + dir + 12 + 16 * i;
		S_table *x = &t[*n];
		size_t k;

		for (k = 0; k < S_NKEEP; k++)
			if (memcmp(r, S_keep[k], 4) == 0)
				break;
		if (k == S_NKEEP)
			continue;
		memcpy(x->tag, r, 4);
		x->tag[4] = '\0';
		x->off = S_u32(r + 8);
		x->len = S_u32(r + 12);
		if (x->off > len || x->len > len - x->off)
			return -1;
		(*n)++;
	}
	return 0;
}

int kg_ttf_subset(const unsigned char *data, size_t len,
		  const unsigned char *used, size_t nused, kg_buf *out)
{
	S_table t[S_NKEEP];
	const S_table *head, *maxp, *loca, *glyf, *hhea, *hmtx;
	size_t n = 0, nglyphs, g, i, start = out->len, dir;
	unsigned char *keep;
	kg_buf newglyf = KG_BUF_INIT, newloca = KG_BUF_INIT;
	int long_loca;

	if (S_tables(data, len, t, &n) < 0)
		return -1;
	head = S_find(t, n, "head");
	maxp = S_find(t, n, "maxp");
	loca = S_find(t, n, "loca");
	glyf = S_find(t, n, "glyf");
	hhea = S_find(t, n, "hhea");
	hmtx = S_find(t, n, "hmtx");
	if (!head || !maxp || !loca || !glyf || !hhea || !hmtx ||
	    head->len < 54 || maxp->len < 6)
		return -1;
	nglyphs = S_u16(data + maxp->off + 4);
	long_loca = S_u16(data + head->off + 50) != 0;
	if (loca->len < (nglyphs + 1) * (long_loca ? 4u : 2u) || nglyphs == 0)
		return -1;

	keep = kg_xcalloc(nglyphs, 1);
	keep[0] = 1;
	for (g = 0; g < nglyphs && g < nused; g++)
		keep[g] |= used[g] ? 1 : 0;
	S_close_composites(data + glyf->off, glyf->len, data + loca->off, long_loca,
			   nglyphs, keep);
	for (g = 0; g < nglyphs; g++) {
		uint32_t s, e;

		S_put32(&newloca, (uint32_t)newglyf.len);
		if (keep[g] && S_glyph(data + loca->off, long_loca, nglyphs, g,
				       glyf->len, &s, &e)) {
			kg_buf_put(&newglyf, data + glyf->off + s, e - s);
			while (newglyf.len % 4)
				kg_buf_putc(&newglyf, 0);
		}
	}
	S_put32(&newloca, (uint32_t)newglyf.len);
	free(keep);

	/* offset table and directory */
	{
		unsigned sel = 0, range;

		while ((2u << sel) <= n)
			sel++;
		range = 16u << sel;
		S_put32(out, 0x00010000);
		S_put16(out, (unsigned)n);
		S_put16(out, range);
		S_put16(out, sel);
		S_put16(out, (unsigned)(n * 16 - range));
	}
	dir = out->len;
	for (i = 0; i < n; i++) { /* filled in below */
		S_put32(out, 0);
		S_put32(out, 0);
		S_put32(out, 0);
		S_put32(out, 0);
	}
	for (i = 0; i < S_NKEEP; i++) {
		const S_table *x = S_find(t, n, S_keep[i]);
		size_t at = out->len, tlen;
		char *rec;

		if (!x)
			continue;
		if (strcmp(S_keep[i], "glyf") == 0)
			kg_buf_put(out, newglyf.ptr, newglyf.len);
		else if (strcmp(S_keep[i], "loca") == 0)
			kg_buf_put(out, newloca.ptr, newloca.len);
		else
			kg_buf_put(out, data + x->off, x->len);
		tlen = out->len - at;
		if (strcmp(S_keep[i], "head") == 0) {
			S_set32(out->ptr + at + 8, 0);       /* checkSumAdjustment */
			out->ptr[at + 50] = 0;               /* indexToLocFormat: */
			out->ptr[at + 51] = 1;               /* long */
		}
		while ((out->len - start) % 4)
			kg_buf_putc(out, 0);
		rec = out->ptr + dir;
		memcpy(rec, S_keep[i], 4);
		S_set32(rec + 4, S_checksum(out->ptr + at, tlen));
		S_set32(rec + 8, (uint32_t)(at - start));
		S_set32(rec + 12, (uint32_t)tlen);
		dir += 16;
	}
	/* head's checkSumAdjustment makes the whole file sum to B1B0AFBA */
	{
		const char *h = NULL;
		size_t k;

		for (k = 0; k < n; k++) {
			const char *rec = out->ptr + start + 12 + 16 * k;

			if (memcmp(rec, "head", 4) == 0)
				h = out->ptr + start + S_u32((const unsigned char *)rec + 8);
		}
		if (h)
			S_set32((char *)h + 8, 0xB1B0AFBAu -
				S_checksum(out->ptr + start, out->len - start));
	}
	kg_buf_release(&newglyf);
	kg_buf_release(&newloca);
	return 0;
}
