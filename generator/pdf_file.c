/*
 * pdf_file.c - the PDF file format: objects, streams, strings, the xref
 * table (see pdf_file.h).
 *
 * Invariants: offset[n] is never 0 for a written object (the header
 * comes first); it is set when object n begins, or, while a stream
 * before it is still being deflated (below), it is KG_PDF_HELD until its
 * bytes reach the sink. Every byte goes through the sink in the order
 * of the file, so kg_sink_tell is the true offset whether or not the
 * sink has drained it. A packed object's offset[n] has the top bit set
 * (KG_PDF_PACKED), its object stream's number in bits 8 to 30 and its
 * index in that stream in bits 0 to 7; an object written in place
 * begins before 2 GiB (the top bit clear: S_place).
 *
 * Streams deflated on a second thread: while the next page is laid out,
 * the one before it is deflated. kg_pdf_stream hands the data over to
 * a worker and the file keeps the streams handed over in a queue, in
 * order; whatever the caller writes meanwhile waits in the tail of the
 * newest one. When the oldest is deflated, its object and then its tail
 * go to the sink, and only then do they get their offsets: the file is
 * the same bytes as when each stream is deflated in place, however the
 * two threads run. When the caller needs a stream written that the
 * worker has not begun (the queue is full, or the file ends), it
 * deflates it itself rather than wait for the worker to get a core. At most S_PENDING streams wait, and a tail past
 * KG_SINK_CHUNK makes the caller wait for them all: the memory held
 * does not grow with the document. The worker only ever deflates into
 * buffers the caller made big enough (it allocates nothing, so it never
 * meets kg_oom) with compressors of its own; without a thread (none
 * could be made, or KITGEN_DEFLATE_THREAD=0) each stream is deflated in
 * place.
 */
#include "pdf_file.h"

#include <limits.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <libdeflate.h>

#include "alloc.h"
#include "utf8.h"

#define KG_PDF_PACKED ((uint32_t)1 << 31)
/* a placeholder, never read as a place: S_write_oldest replaces it
 * before the xref is made */
#define KG_PDF_HELD ((uint32_t)1 << 30)
/* object numbers below this fit a packed offset's 23 bits */
#define S_MAX_OBJS ((uint32_t)1 << 23)

_Static_assert(KG_PDF_STM_OBJS <= 256, "an index in an object stream fits 8 bits");

/* Streams handed to the worker and not yet written, at most. Two: one
 * being deflated while the caller draws the next. */
#define S_PENDING 2
/* The largest stream handed over (S_stream says why). */
#define S_HAND_MAX (4 * KG_SINK_CHUNK)
/* The worker's stack: libdeflate keeps its tables in the compressor. */
#define S_STACK ((size_t)256 << 10)

/* An object begun in a job's tail: where, from the tail's start. */
typedef struct S_fix {
	uint32_t num;
	size_t at;
} S_fix;

/* A stream handed over: whoever takes it reads in and writes z; the
 * rest is the caller's. */
typedef struct S_job {
	uint32_t num;
	int level;
	int done;         /* deflated by the worker (under lock) */
	int has_extra;    /* extra given (even empty) */
	kg_buf extra;
	kg_buf in;        /* the data, a copy */
	kg_buf z;         /* deflated, grown beforehand */
	kg_buf tail;      /* what the caller wrote after it */
	S_fix *fix;       /* the objects begun in tail */
	size_t nfix, fix_cap;
} S_job;

/* Job k is job[k % S_PENDING]; written <= taken <= handed. Jobs are
 * taken in order, by the worker, or by the caller when it needs the
 * oldest one written and the worker has not begun it (on a busy machine
 * the worker may wait long for a core: the caller does not wait for
 * it). handed and written change only on the caller's thread; taken,
 * done and stop change and are read under lock. */
struct kg_pdf_queue {
	pthread_t thread;
	pthread_mutex_t lock;
	pthread_cond_t work; /* a job handed over, or stop */
	pthread_cond_t done; /* a job deflated */
	S_job job[S_PENDING];
	size_t handed, taken, written;
	int stop;
	/* the worker's compressors, one per level, made by the caller (the
	 * caller's own are S_compressor's) */
	struct libdeflate_compressor *c[13];
};

/* Whether a stream waits to be written: then the caller's bytes go to
 * the newest one's tail. */
static int S_waiting(const kg_pdf_file *f)
{
	return f->queue && f->queue->written < f->queue->handed;
}

static S_job *S_newest(const kg_pdf_file *f)
{
	return &f->queue->job[(f->queue->handed - 1) % S_PENDING];
}

/* Where the caller's next bytes go. */
static kg_buf *S_out(const kg_pdf_file *f)
{
	return S_waiting(f) ? &S_newest(f)->tail : &f->out->buf;
}

static void S_flush_queue(kg_pdf_file *f);

/* After bytes went to S_out: drain the sink, or, when a tail passes a
 * chunk, wait for the streams before it and write them all. */
static void S_settle(kg_pdf_file *f)
{
	if (!S_waiting(f))
		kg_sink_drain(f->out);
	else if (S_newest(f)->tail.len > KG_SINK_CHUNK)
		S_flush_queue(f);
}

static void S_emit(kg_pdf_file *f, const void *data, size_t len)
{
	/* a large write (a font program) goes to the sink once the streams
	 * before it are written, not through a tail: no copy held twice */
	if (S_waiting(f) && S_newest(f)->tail.len + len > KG_SINK_CHUNK)
		S_flush_queue(f);
	kg_buf_put(S_out(f), data, len);
	S_settle(f);
}

static void S_start_worker(kg_pdf_file *f);
static void S_stop_worker(kg_pdf_file *f);

void kg_pdf_file_init(kg_pdf_file *f, kg_sink *out)
{
	memset(f, 0, sizeof(*f));
	kg_buf_init(&f->z);
	kg_buf_init(&f->stm);
	kg_buf_init(&f->stm_head);
	f->out = out;
	/* the second line's bytes above 127 say the file is binary */
	S_emit(f, "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", 15);
	S_start_worker(f);
}

void kg_pdf_file_free(kg_pdf_file *f)
{
	S_stop_worker(f);
	free(f->offset);
	kg_buf_release(&f->z);
	kg_buf_release(&f->stm);
	kg_buf_release(&f->stm_head);
	free(f->stm_nums);
	memset(f, 0, sizeof(*f));
}

size_t kg_pdf_tell(kg_pdf_file *f)
{
	S_flush_queue(f);
	return kg_sink_tell(f->out);
}

uint32_t kg_pdf_reserve_n(kg_pdf_file *f, uint32_t n)
{
	uint32_t first = f->nobjs + 1;

	if (n >= S_MAX_OBJS - f->nobjs) { /* finish reports it */
		f->failed = 1;
		return 1;
	}
	f->nobjs += n;
	KG_GROW(f->offset, f->cap, (size_t)f->nobjs + 1);
	memset(f->offset + first, 0, n * sizeof(*f->offset));
	return first;
}

uint32_t kg_pdf_reserve(kg_pdf_file *f)
{
	return kg_pdf_reserve_n(f, 1);
}

uint32_t kg_pdf_objects(const kg_pdf_file *f)
{
	return f->nobjs;
}

void kg_pdf_unreserve(kg_pdf_file *f, uint32_t n)
{
	uint32_t k;

	for (k = n + 1; k <= f->nobjs; k++)
		if (f->offset[k]) /* written: it stays, and so do those before */
			return;
	if (n < f->nobjs)
		f->nobjs = n;
}

void kg_pdf_put(kg_pdf_file *f, const void *data, size_t len)
{
	S_emit(f, data, len);
}

void kg_pdf_puts(kg_pdf_file *f, const char *s)
{
	S_emit(f, s, strlen(s));
}

void kg_pdf_put_buf(kg_pdf_file *f, const kg_buf *b)
{
	S_emit(f, b->ptr, b->len);
}

void kg_pdf_printf(kg_pdf_file *f, const char *fmt, ...)
{
	va_list ap;

	va_start(ap, fmt);
	kg_buf_vprintf(S_out(f), fmt, ap);
	va_end(ap);
	S_settle(f);
}

/* Whether num may be written now: a number given out, not written yet,
 * and no object open; else the caller's mistake, which finish reports. */
/* Object num begins at byte at; past 2 GiB, the file fails (offsets
 * are 32 bits, and a packed one has the top bit). */
static void S_place(kg_pdf_file *f, uint32_t num, size_t at)
{
	if (at >= KG_PDF_PACKED)
		f->failed = 1;
	f->offset[num] = at < KG_PDF_PACKED ? (uint32_t)at : KG_PDF_HELD;
}

static int S_writable(kg_pdf_file *f, uint32_t num)
{
	if (num == 0 || num > f->nobjs || f->offset[num] || f->open) {
		f->failed = 1;
		return 0;
	}
	return 1;
}

void kg_pdf_obj_begin(kg_pdf_file *f, uint32_t num)
{
	if (!S_writable(f, num))
		return;
	if (S_waiting(f)) { /* its place is known when the tail is written */
		S_job *j = S_newest(f);

		KG_GROW(j->fix, j->fix_cap, j->nfix + 1);
		j->fix[j->nfix].num = num;
		j->fix[j->nfix++].at = j->tail.len;
		f->offset[num] = KG_PDF_HELD;
	} else {
		S_place(f, num, kg_sink_tell(f->out));
	}
	f->open = num;
	kg_pdf_printf(f, "%lu 0 obj\n", (unsigned long)num);
}

void kg_pdf_obj_end(kg_pdf_file *f)
{
	kg_pdf_puts(f, "\nendobj\n");
	f->open = 0;
}

/* One compressor per level, made the first time the level is asked
 * for and kept until exit: a libdeflate compressor is a few hundred
 * kilobytes of tables, and a build deflates thousands of streams. */
static struct libdeflate_compressor *S_compressors[13];

static void S_compressors_free(void)
{
	size_t i;

	for (i = 0; i < sizeof(S_compressors) / sizeof(*S_compressors); i++)
		libdeflate_free_compressor(S_compressors[i]);
}

static struct libdeflate_compressor *S_compressor(int level)
{
	static int registered;

	if (!S_compressors[level]) {
		if (!registered++)
			atexit(S_compressors_free);
		/* its only failure is running out of memory */
		if (!(S_compressors[level] = libdeflate_alloc_compressor(level)))
			kg_oom(0);
	}
	return S_compressors[level];
}

/* The most bytes len bytes deflate to: the same for every level, so that
 * a stream deflates to the same bytes on either thread. */
static size_t S_bound(size_t len)
{
	return libdeflate_zlib_compress_bound(NULL, len);
}

/* Deflate data with c into out, grown beforehand to hold S_bound(len):
 * nothing is allocated here. out is empty when deflating failed. */
static void S_deflate_into(struct libdeflate_compressor *c, const void *data,
			   size_t len, kg_buf *out)
{
	/* 0 only when the output does not fit, which the bound rules out */
	out->len = libdeflate_zlib_compress(c, data, len, out->ptr, S_bound(len));
	out->ptr[out->len] = '\0';
}

/* Deflate data at a level into out, with the zlib wrapper FlateDecode
 * reads: 0 or -1. */
static int S_deflate(const void *data, size_t len, kg_buf *out, int level)
{
	kg_buf_reset(out);
	kg_buf_grow(out, S_bound(len));
	S_deflate_into(S_compressor(level), data, len, out);
	return out->len ? 0 : -1;
}

int kg_pdf_deflate(const void *data, size_t len, kg_buf *out)
{
	return S_deflate(data, len, out, KG_PDF_PROGRAM_ZLEVEL);
}

/* A deflated stream's dictionary, up to its data. */
static void S_stream_dict(kg_buf *b, size_t zlen, const char *extra)
{
	kg_buf_printf(b, "<< /Length %lu /Filter /FlateDecode%s%s >>\nstream\n",
		      (unsigned long)zlen, extra ? " " : "", extra ? extra : "");
}

void kg_pdf_stream_deflated(kg_pdf_file *f, uint32_t num, const char *extra,
			    const void *z, size_t zlen)
{
	kg_pdf_obj_begin(f, num);
	S_stream_dict(S_out(f), zlen, extra);
	S_emit(f, z, zlen);
	kg_pdf_puts(f, "\nendstream");
	kg_pdf_obj_end(f);
}

/* ---- the second thread ------------------------------------------------------ */

/* The worker: deflate each job handed over and not taken yet, in order,
 * until told to stop (a job being deflated is finished first). */
static void *S_worker(void *arg)
{
	struct kg_pdf_queue *q = arg;
	S_job *j;

	pthread_mutex_lock(&q->lock);
	for (;;) {
		while (!q->stop && q->taken == q->handed)
			pthread_cond_wait(&q->work, &q->lock);
		if (q->stop)
			break;
		j = &q->job[q->taken++ % S_PENDING];
		pthread_mutex_unlock(&q->lock);
		S_deflate_into(q->c[j->level], j->in.ptr, j->in.len, &j->z);
		pthread_mutex_lock(&q->lock);
		j->done = 1;
		pthread_cond_signal(&q->done);
	}
	pthread_mutex_unlock(&q->lock);
	return NULL;
}

static void S_queue_free(struct kg_pdf_queue *q)
{
	size_t i;

	for (i = 0; i < S_PENDING; i++) {
		kg_buf_release(&q->job[i].extra);
		kg_buf_release(&q->job[i].in);
		kg_buf_release(&q->job[i].z);
		kg_buf_release(&q->job[i].tail);
		free(q->job[i].fix);
	}
	for (i = 0; i < sizeof(q->c) / sizeof(*q->c); i++)
		libdeflate_free_compressor(q->c[i]);
	pthread_mutex_destroy(&q->lock);
	pthread_cond_destroy(&q->work);
	pthread_cond_destroy(&q->done);
	free(q);
}

/* Start f's worker; without one (it could not be made, or
 * KITGEN_DEFLATE_THREAD=0, for the tests that compare the two) streams
 * are deflated in place. */
static void S_start_worker(kg_pdf_file *f)
{
	const char *env = getenv("KITGEN_DEFLATE_THREAD");
	struct kg_pdf_queue *q;
	pthread_attr_t attr;
	sigset_t all, was;
	size_t i;
	int rc;

	if (env && strcmp(env, "0") == 0)
		return;
	q = kg_xcalloc(1, sizeof(*q));
	for (i = 0; i < S_PENDING; i++) {
		kg_buf_init(&q->job[i].extra);
		kg_buf_init(&q->job[i].in);
		kg_buf_init(&q->job[i].z);
		kg_buf_init(&q->job[i].tail);
	}
	pthread_mutex_init(&q->lock, NULL);
	pthread_cond_init(&q->work, NULL);
	pthread_cond_init(&q->done, NULL);
	pthread_attr_init(&attr);
	pthread_attr_setstacksize(&attr, S_STACK);
	/* signals are the main thread's: cleanup.c's handlers remove the
	 * build's temporary files there */
	sigfillset(&all);
	pthread_sigmask(SIG_SETMASK, &all, &was);
	rc = pthread_create(&q->thread, &attr, S_worker, q);
	pthread_sigmask(SIG_SETMASK, &was, NULL);
	pthread_attr_destroy(&attr);
	if (rc != 0) {
		S_queue_free(q);
		return;
	}
	f->queue = q;
}

/* Stop and join the worker, dropping what it had not written (a file
 * given up), and free the queue. */
static void S_stop_worker(kg_pdf_file *f)
{
	struct kg_pdf_queue *q = f->queue;

	if (!q)
		return;
	pthread_mutex_lock(&q->lock);
	q->stop = 1;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->lock);
	pthread_join(q->thread, NULL);
	S_queue_free(q);
	f->queue = NULL;
}

/* Write the oldest stream waiting and its tail to the sink, giving
 * their objects their offsets: deflated by the worker (waited for, if
 * it is at it), or here if the worker has not begun it. */
static void S_write_oldest(kg_pdf_file *f)
{
	struct kg_pdf_queue *q = f->queue;
	S_job *j = &q->job[q->written % S_PENDING];
	kg_buf *b = &f->out->buf;
	size_t i, at;
	int mine;

	pthread_mutex_lock(&q->lock);
	if ((mine = q->taken == q->written))
		q->taken++;
	else
		while (!j->done)
			pthread_cond_wait(&q->done, &q->lock);
	pthread_mutex_unlock(&q->lock);
	if (mine)
		S_deflate_into(S_compressor(j->level), j->in.ptr, j->in.len, &j->z);
	if (!j->z.len)
		f->failed = 1;
	S_place(f, j->num, kg_sink_tell(f->out));
	kg_buf_putu(b, j->num);
	kg_buf_puts(b, " 0 obj\n");
	S_stream_dict(b, j->z.len, j->has_extra ? j->extra.ptr : NULL);
	kg_buf_put(b, j->z.ptr, j->z.len);
	kg_buf_puts(b, "\nendstream\nendobj\n");
	at = kg_sink_tell(f->out);
	for (i = 0; i < j->nfix; i++)
		S_place(f, j->fix[i].num, at + j->fix[i].at);
	kg_buf_put(b, j->tail.ptr, j->tail.len);
	q->written++;
	j->nfix = 0;
	kg_buf_reset(&j->tail);
	if (j->in.cap > KG_SINK_CHUNK) { /* a large stream: do not keep its size */
		kg_buf_release(&j->in);
		kg_buf_release(&j->z);
	}
	if (j->tail.cap > KG_SINK_CHUNK)
		kg_buf_release(&j->tail);
	kg_sink_drain(f->out);
}

/* Hand stream num over to the worker; first write the oldest stream
 * waiting when S_PENDING do. */
static void S_hand_over(kg_pdf_file *f, uint32_t num, const char *extra,
			const void *data, size_t len, int level)
{
	struct kg_pdf_queue *q = f->queue;
	S_job *j;

	if (!S_writable(f, num))
		return;
	f->offset[num] = KG_PDF_HELD;
	if (q->handed - q->written == S_PENDING)
		S_write_oldest(f);
	j = &q->job[q->handed % S_PENDING];
	j->num = num;
	j->level = level;
	j->done = 0;
	j->has_extra = extra != NULL;
	kg_buf_reset(&j->extra);
	if (extra)
		kg_buf_puts(&j->extra, extra);
	kg_buf_reset(&j->in);
	kg_buf_put(&j->in, data, len);
	kg_buf_reset(&j->z);
	kg_buf_grow(&j->z, S_bound(len));
	/* made here, not by the worker, which must never reach kg_oom */
	if (!q->c[level] && !(q->c[level] = libdeflate_alloc_compressor(level)))
		kg_oom(0);
	pthread_mutex_lock(&q->lock);
	q->handed++;
	pthread_cond_signal(&q->work);
	pthread_mutex_unlock(&q->lock);
}

/* Write every stream waiting, and the tails after them. */
static void S_flush_queue(kg_pdf_file *f)
{
	while (S_waiting(f))
		S_write_oldest(f);
}

/* kg_pdf_stream at a deflate level: handed to the worker, or deflated
 * in place when there is none, or when the stream is larger than
 * S_HAND_MAX: the copy the worker needs would cost more memory than the
 * overlap saves time (a 1,000-topic kit's cross-reference stream, the
 * last object, is 4 MB). */
static void S_stream(kg_pdf_file *f, uint32_t num, const char *extra,
		     const void *data, size_t len, int level)
{
	if (f->queue && len <= S_HAND_MAX) {
		S_hand_over(f, num, extra, data, len, level);
		return;
	}
	if (S_deflate(data, len, &f->z, level) < 0)
		f->failed = 1;
	kg_pdf_stream_deflated(f, num, extra, f->z.ptr, f->z.len);
	if (f->z.cap > KG_SINK_CHUNK) /* a large stream: do not keep its size */
		kg_buf_release(&f->z);
}

void kg_pdf_stream_plain(kg_pdf_file *f, uint32_t num, const char *extra,
			 const void *data, size_t len)
{
	kg_pdf_obj_begin(f, num);
	kg_pdf_printf(f, "<< /Length %lu%s%s >>\nstream\n", (unsigned long)len,
		      extra ? " " : "", extra ? extra : "");
	S_emit(f, data, len);
	kg_pdf_puts(f, "\nendstream");
	kg_pdf_obj_end(f);
}

void kg_pdf_stream(kg_pdf_file *f, uint32_t num, const char *extra,
		   const void *data, size_t len)
{
	S_stream(f, num, extra, data, len, KG_PDF_ZLEVEL);
}

/* ---- object streams ------------------------------------------------------------ */

/* Write the object stream being filled, and give its objects their place. */
static void S_stm_flush(kg_pdf_file *f)
{
	uint32_t num;
	char extra[64];
	size_t i;

	if (!f->stm_n)
		return;
	num = kg_pdf_reserve(f);
	for (i = 0; i < f->stm_n; i++)
		f->offset[f->stm_nums[i]] = KG_PDF_PACKED | num << 8 | (uint32_t)i;
	snprintf(extra, sizeof(extra), "/Type /ObjStm /N %zu /First %zu", f->stm_n,
		 f->stm_head.len);
	kg_buf_put(&f->stm_head, f->stm.ptr, f->stm.len);
	S_stream(f, num, extra, f->stm_head.ptr, f->stm_head.len, KG_PDF_STM_ZLEVEL);
	kg_buf_reset(&f->stm);
	kg_buf_reset(&f->stm_head);
	f->stm_n = 0;
}

void kg_pdf_obj_packed(kg_pdf_file *f, uint32_t num, const char *body,
		       size_t len)
{
	if (!S_writable(f, num))
		return;
	if (!f->stm_nums)
		f->stm_nums = kg_xcalloc(KG_PDF_STM_OBJS, sizeof(*f->stm_nums));
	f->packed = 1;
	f->offset[num] = KG_PDF_PACKED; /* written: its place comes at the flush */
	kg_buf_putu(&f->stm_head, num);
	kg_buf_putc(&f->stm_head, ' ');
	kg_buf_putu(&f->stm_head, f->stm.len);
	kg_buf_putc(&f->stm_head, ' ');
	kg_buf_put(&f->stm, body, len);
	kg_buf_putc(&f->stm, '\n');
	f->stm_nums[f->stm_n++] = num;
	if (f->stm_n == KG_PDF_STM_OBJS || f->stm.len >= KG_PDF_STM_BYTES)
		S_stm_flush(f);
}

/* An entry of a cross-reference stream: type, 5 bytes, 1 byte (a
 * generation, 0, or an index in an object stream, < KG_PDF_STM_OBJS),
 * after the PNG "Up" predictor's tag byte: each byte is sent as its
 * difference from the byte above it (prev, the entry before), which
 * leaves mostly zeros in a run of packed objects, for deflate to squeeze. */
static void S_xref_entry(kg_buf *b, unsigned char *prev, int type, uint64_t v,
			 unsigned w)
{
	unsigned char e[8];
	int i;

	e[1] = (unsigned char)type;
	for (i = 0; i < 5; i++)
		e[2 + i] = (unsigned char)(v >> (8 * (4 - i)));
	e[7] = (unsigned char)w;
	for (i = 1; i < 8; i++) {
		unsigned char raw = e[i];

		e[i] = (unsigned char)(raw - prev[i]);
		prev[i] = raw;
	}
	e[0] = 2; /* PNG filter type: Up */
	kg_buf_put(b, e, 8);
}

/* The cross-reference stream (PDF 1.5, 7.5.8), the trailer's entries in
 * its dictionary: for a file with packed objects. */
static int S_xref_stream(kg_pdf_file *f, uint32_t root, uint32_t info)
{
	uint32_t num, n;
	size_t xref;
	kg_buf b = KG_BUF_INIT;
	char extra[160];
	unsigned char prev[8] = {0};
	int rc = f->failed || f->open ? -1 : 0;

	S_stm_flush(f);
	num = kg_pdf_reserve(f);
	xref = kg_pdf_tell(f);
	S_xref_entry(&b, prev, 0, 0, 255); /* object 0: free, generation 255 */
	for (n = 1; n <= f->nobjs; n++) {
		size_t o = n == num ? xref : f->offset[n];

		if (!o || o == KG_PDF_PACKED)
			rc = -1;
		if (n != num && (o & KG_PDF_PACKED))
			S_xref_entry(&b, prev, 2, (o & ~KG_PDF_PACKED) >> 8,
				     (unsigned)(o & 0xFF));
		else
			S_xref_entry(&b, prev, 1, o, 0);
	}
	snprintf(extra, sizeof(extra), "/Type /XRef /Size %lu /W [1 5 1] "
		 "/DecodeParms << /Columns 7 /Predictor 12 >>",
		 (unsigned long)f->nobjs + 1);
	if (root)
		snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra),
			 " /Root %lu 0 R", (unsigned long)root);
	if (info)
		snprintf(extra + strlen(extra), sizeof(extra) - strlen(extra),
			 " /Info %lu 0 R", (unsigned long)info);
	kg_pdf_stream(f, num, extra, b.ptr, b.len);
	kg_buf_release(&b);
	kg_pdf_printf(f, "startxref\n%lu\n%%%%EOF\n", (unsigned long)xref);
	S_flush_queue(f);
	return f->failed ? -1 : rc;
}

int kg_pdf_file_finish(kg_pdf_file *f, uint32_t root, uint32_t info)
{
	size_t xref;
	uint32_t n;
	int rc = f->failed || f->open ? -1 : 0;

	if (f->packed)
		return S_xref_stream(f, root, info);
	xref = kg_pdf_tell(f);
	kg_pdf_printf(f, "xref\n0 %lu\n0000000000 65535 f\r\n",
		      (unsigned long)f->nobjs + 1);
	for (n = 1; n <= f->nobjs; n++) {
		/* unwritten (one past 2 GiB failed when it began) */
		if (!f->offset[n])
			rc = -1;
		kg_pdf_printf(f, "%010lu 00000 n\r\n", (unsigned long)f->offset[n]);
	}
	kg_pdf_printf(f, "trailer\n<< /Size %lu", (unsigned long)f->nobjs + 1);
	if (root)
		kg_pdf_printf(f, " /Root %lu 0 R", (unsigned long)root);
	if (info)
		kg_pdf_printf(f, " /Info %lu 0 R", (unsigned long)info);
	kg_pdf_printf(f, " >>\nstartxref\n%lu\n%%%%EOF\n", (unsigned long)xref);
	return f->failed ? -1 : rc;
}

/* ---- values ------------------------------------------------------------------ */

void kg_pdf_fixed(kg_buf *b, long long n, int decimals)
{
	char tmp[48], *p = tmp + sizeof(tmp);
	int neg = n < 0, d = decimals < 0 ? 0 : decimals > 5 ? 5 : decimals, i;

	/* llround of a NaN or an infinity is LLONG_MIN, which has no
	 * negation: no PDF number is that big, so write 0 */
	if (n == LLONG_MIN)
		n = 0, neg = 0;
	if (neg)
		n = -n;
	/* the fraction, without its trailing zeros */
	while (d > 0 && n % 10 == 0 && n != 0)
		n /= 10, d--;
	if (n == 0)
		d = 0, neg = 0;
	for (i = 0; i < d; i++) {
		*--p = (char)('0' + n % 10);
		n /= 10;
	}
	if (d)
		*--p = '.';
	do {
		*--p = (char)('0' + n % 10);
		n /= 10;
	} while (n);
	if (neg)
		*--p = '-';
	kg_buf_put(b, p, (size_t)(tmp + sizeof(tmp) - p));
	kg_buf_putc(b, ' ');
}

void kg_pdf_num(kg_buf *b, double v, int decimals)
{
	static const double scale[] = {1, 10, 100, 1000, 10000, 100000};
	int d = decimals < 0 ? 0 : decimals > 5 ? 5 : decimals;

	kg_pdf_fixed(b, llround(v * scale[d]), d);
}

void kg_pdf_literal(kg_buf *b, const char *s, size_t len)
{
	size_t i;

	kg_buf_putc(b, '(');
	for (i = 0; i < len; i++) {
		unsigned char c = (unsigned char)s[i];

		if (c == '(' || c == ')' || c == '\\') {
			kg_buf_putc(b, '\\');
			kg_buf_putc(b, c);
		} else if (c < 0x20 || c == 0x7F) {
			kg_buf_printf(b, "\\%03o", c);
		} else {
			kg_buf_putc(b, c);
		}
	}
	kg_buf_putc(b, ')');
}

static int S_plain_ascii(const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		if ((unsigned char)s[i] < 0x20 || (unsigned char)s[i] > 0x7E)
			return 0;
	return 1;
}

void kg_pdf_text(kg_buf *b, const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;

	if (S_plain_ascii(s, len)) {
		kg_pdf_literal(b, s, len);
		return;
	}
	kg_buf_puts(b, "<FEFF");
	while (p < end) {
		unsigned cp;
		size_t n = kg_utf8_decode(p, (size_t)(end - p), &cp);

		if (n == 0) { /* not UTF-8: the replacement character */
			cp = 0xFFFD;
			n = 1;
		}
		p += n;
		if (cp > 0xFFFF) { /* a surrogate pair */
			cp -= 0x10000;
			kg_buf_printf(b, "%04X%04X", 0xD800 + (cp >> 10),
				      0xDC00 + (cp & 0x3FF));
		} else {
			kg_buf_printf(b, "%04X", cp);
		}
	}
	kg_buf_putc(b, '>');
}

void kg_pdf_name(kg_buf *b, const char *s)
{
	kg_buf_putc(b, '/');
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;

		if (c < '!' || c > '~' || strchr("#()<>[]{}/%", c))
			kg_buf_printf(b, "#%02X", c);
		else
			kg_buf_putc(b, c);
	}
}
