/* sink.c - a writer's output, drained into a file in chunks (see sink.h) */
#include "sink.h"

#include <errno.h>
#include <stdint.h>
#include <string.h>

void kg_sink_init(kg_sink *s, FILE *file)
{
	kg_buf_init(&s->buf);
	s->file = file;
	s->drained = 0;
	s->limit = SIZE_MAX;
	s->error = 0;
}

/* Hand the first n buffered bytes to the file and move the rest to the
 * front. After an error the bytes are dropped: the output is lost anyway,
 * and memory must stay bounded while the writer runs to its end. */
static void S_write(kg_sink *s, size_t n)
{
	if (n == 0)
		return;
	/* without an error so far, drained <= limit */
	if (!s->error && n > s->limit - s->drained)
		s->error = EFBIG;
	if (!s->error) {
		errno = 0;
		if (fwrite(s->buf.ptr, 1, n, s->file) != n)
			s->error = errno ? errno : EIO;
	}
	s->drained += n;
	memmove(s->buf.ptr, s->buf.ptr + n, s->buf.len - n);
	s->buf.len -= n;
	s->buf.ptr[s->buf.len] = '\0';
}

void kg_sink_drain_keep(kg_sink *s, size_t keep)
{
	if (!s->file || s->buf.len <= keep || s->buf.len - keep < KG_SINK_CHUNK)
		return;
	S_write(s, s->buf.len - keep);
}

void kg_sink_drain(kg_sink *s)
{
	kg_sink_drain_keep(s, 0);
}

int kg_sink_flush(kg_sink *s)
{
	if (!s->file)
		return 0;
	S_write(s, s->buf.len);
	if (!s->error && fflush(s->file) != 0)
		s->error = errno ? errno : EIO;
	if (!s->error && ferror(s->file))
		s->error = EIO;
	if (s->error) {
		errno = s->error;
		return -1;
	}
	return 0;
}

size_t kg_sink_tell(const kg_sink *s)
{
	return s->drained + s->buf.len;
}

void kg_sink_release(kg_sink *s)
{
	kg_buf_release(&s->buf);
}
