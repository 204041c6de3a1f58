/*
 * sink.h - where a writer's bytes go: a buffer the writer appends to,
 * drained into a file a chunk at a time, so a file of any size passes
 * through a bounded amount of memory.
 *
 * The writer appends to buf (with the kg_buf functions) and calls
 * kg_sink_drain at points where it will not look back at what it wrote;
 * the drain writes the buffer to the file once it holds at least
 * KG_SINK_CHUNK bytes. With no file the sink is just its buffer: every
 * byte stays in buf (unit tests, fuzzers, anything that wants the bytes).
 *
 * A write error does not stop the writer: the sink remembers the first one
 * (its errno), drops what it is given from then on, and kg_sink_flush
 * reports it. The sink never opens, closes or owns the FILE.
 *
 * A sink may have a limit: it never writes more than `limit` bytes to its
 * file. The first drain that would pass it is an error (EFBIG), and from
 * then on bytes are dropped as after a write error; kg_sink_tell still
 * counts them, so the caller can tell by how much the limit was passed.
 */
#ifndef KG_SINK_H
#define KG_SINK_H

#include <stdio.h>

#include "buf.h"

/* A drain writes once the buffer holds this many bytes. */
#define KG_SINK_CHUNK ((size_t)64 << 10)

typedef struct kg_sink {
	kg_buf buf;     /* bytes not yet written: the writer appends here */
	FILE *file;     /* where they go; NULL: they stay in buf */
	size_t drained; /* bytes handed to file so far (or dropped after an error) */
	size_t limit;   /* the most bytes the file may get; SIZE_MAX: no limit */
	int error;      /* errno of the first failed write, 0 while none */
} kg_sink;

/* A sink into file, or, with file NULL, one that keeps every byte in buf;
 * without a limit (set s->limit after init to have one). */
void kg_sink_init(kg_sink *s, FILE *file);

/* Write the buffer to the file when it holds at least KG_SINK_CHUNK bytes
 * (no-op without a file). */
void kg_sink_drain(kg_sink *s);

/* The same, but hold back the buffer's last `keep` bytes (or all of it, when
 * it holds fewer): for a writer that may still take back its tail. */
void kg_sink_drain_keep(kg_sink *s, size_t keep);

/* Write everything buffered and fflush the file. Returns 0, or -1 with
 * errno set to the first write error the sink met. Without a file: 0, and
 * the bytes stay in buf. */
int kg_sink_flush(kg_sink *s);

/* The offset of the next byte the writer appends: bytes drained plus bytes
 * buffered. */
size_t kg_sink_tell(const kg_sink *s);

/* Free the buffer; the file is the caller's to close. */
void kg_sink_release(kg_sink *s);

#endif
