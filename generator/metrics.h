/*
 * metrics.h - what the layout engine needs to know of a typeface, and no
 * more: the faces it may ask for, and each character's advance width and
 * the face's ascent and descent, in 1/1000 em. The engine measures
 * through this interface and so compiles without the fonts' reader and
 * the PDF serializer (fonts.c gives one, kg_fonts_metrics; a test may
 * give its own).
 */
#ifndef KG_METRICS_H
#define KG_METRICS_H

#include <stddef.h>
#include <stdint.h>

/* The text family (style.yaml's fonts.text: body text, tables), the mono
 * family (code) and the sans family (fonts.sans: headings, labels, the
 * running heads, the cover), each face of a family at the same offset
 * from its first: KG_FACE_SANS + (f - KG_FACE_REGULAR) is text face f's
 * sans counterpart. */
typedef enum {
	KG_FACE_REGULAR,
	KG_FACE_BOLD,
	KG_FACE_ITALIC,
	KG_FACE_BOLD_ITALIC,
	KG_FACE_MONO,
	KG_FACE_SANS,
	KG_FACE_SANS_BOLD,
	KG_FACE_SANS_ITALIC,
	KG_FACE_SANS_BOLD_ITALIC,
	KG_NFACES
} kg_face;

/* Is face one of the sans family's? */
#define KG_FACE_IS_SANS(face) ((face) >= KG_FACE_SANS)

/* A face's measures. The functions may remember what they were asked
 * (the fonts embed exactly the characters measured), so ctx is not
 * const; it belongs to whoever made the interface and outlives its use. */
typedef struct kg_metrics {
	void *ctx;
	/* advance width of one character, and of UTF-8 text */
	int (*char_width)(void *ctx, kg_face face, uint32_t c);
	long (*width)(void *ctx, kg_face face, const char *s, size_t len);
	/* ascent and descent (positive, below the baseline) */
	int (*ascent)(const void *ctx, kg_face face);
	int (*descent)(const void *ctx, kg_face face);
	/* the width of text of an odd bidi level, shaped right to left
	 * (mirrored brackets); NULL: width's */
	long (*rtl_width)(void *ctx, kg_face face, const char *s, size_t len);
} kg_metrics;

#endif
