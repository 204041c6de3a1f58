/*
 * mark.h - a place in a file: FILE:LINE:COL, as every diagnostic (diag.h)
 * and every loaded value (node.h) carries it, and as a file's line index
 * (lines.h) finds it.
 */
#ifndef KG_MARK_H
#define KG_MARK_H

typedef struct kg_mark {
	const char *file; /* as given on the command line; not owned */
	unsigned line;    /* 1-based; 0 = no position */
	unsigned col;     /* 1-based, in characters */
} kg_mark;

#endif
