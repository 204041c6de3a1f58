/* fault_preload.c - an LD_PRELOAD library for the commit tests
 * (tests/t-interrupt.sh): it makes the Nth rename() or link() of a build
 * fail, or every rename slow, so a test can reach the moments a real disk
 * rarely offers.
 *
 *   KG_FAULT_RENAME=N    the Nth rename() fails with EIO
 *   KG_FAULT_LINK=N      the Nth link() fails with EIO
 *   KG_FAULT_SLOW_MS=M   every rename() first sleeps M milliseconds (a
 *                        commit long enough to be interrupted)
 *   KG_FAULT_MARK=PATH   the first rename() creates PATH first: the test
 *                        knows the commit has begun
 *   KG_FAULT_THREAD=PATH every pthread_create() fails with EAGAIN, the
 *                        first creating PATH (tests/t-threads.sh: the PDF
 *                        writer without its deflating thread)
 *   KG_FAULT_SLOW_DEFLATE_US=U  every libdeflate_zlib_compress() first
 *                        sleeps U microseconds (a deflating thread that
 *                        falls behind the pages it is given)
 *   KG_FAULT_DEFLATE_MARK=PATH  libdeflate_zlib_compress() creates PATH:
 *                        the test knows it was slowed
 *
 * Build: cc -shared -fPIC -o fault.so tests/fault_preload.c -ldl */
#define _GNU_SOURCE
#include <dlfcn.h>
#include <errno.h>
#include <fcntl.h>
#include <libdeflate.h>
#include <pthread.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static long S_calls(const char *var, long *count)
{
	const char *v = getenv(var);

	++*count;
	return v && *count == atol(v);
}

int rename(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	static long count;
	const char *slow = getenv("KG_FAULT_SLOW_MS");
	const char *mark = getenv("KG_FAULT_MARK");

	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "rename");
	if (mark && count == 0)
		close(open(mark, O_WRONLY | O_CREAT, 0644));
	if (slow) {
		struct timespec ts = {0, atol(slow) * 1000000L};

		nanosleep(&ts, NULL);
	}
	if (S_calls("KG_FAULT_RENAME", &count)) {
		errno = EIO;
		return -1;
	}
	return real(from, to);
}

int link(const char *from, const char *to)
{
	static int (*real)(const char *, const char *);
	static long count;

	if (!real)
		real = (int (*)(const char *, const char *))dlsym(RTLD_NEXT, "link");
	if (S_calls("KG_FAULT_LINK", &count)) {
		errno = EIO;
		return -1;
	}
	return real(from, to);
}

int pthread_create(pthread_t *thread, const pthread_attr_t *attr,
		   void *(*start)(void *), void *arg)
{
	static int (*real)(pthread_t *, const pthread_attr_t *,
			   void *(*)(void *), void *);
	const char *fail = getenv("KG_FAULT_THREAD");

	if (fail) {
		close(open(fail, O_WRONLY | O_CREAT, 0644));
		return EAGAIN;
	}
	if (!real)
		real = (int (*)(pthread_t *, const pthread_attr_t *,
				void *(*)(void *), void *))dlsym(RTLD_NEXT, "pthread_create");
	return real(thread, attr, start, arg);
}

size_t libdeflate_zlib_compress(struct libdeflate_compressor *c, const void *in,
				size_t in_nbytes, void *out, size_t avail)
{
	/* looked up on every call: two threads call it */
	size_t (*real)(struct libdeflate_compressor *, const void *, size_t,
		       void *, size_t) =
		(size_t (*)(struct libdeflate_compressor *, const void *, size_t,
			    void *, size_t))dlsym(RTLD_NEXT, "libdeflate_zlib_compress");
	const char *slow = getenv("KG_FAULT_SLOW_DEFLATE_US");
	const char *mark = getenv("KG_FAULT_DEFLATE_MARK");

	if (mark)
		close(open(mark, O_WRONLY | O_CREAT, 0644));
	if (slow) {
		struct timespec ts = {0, atol(slow) * 1000L};

		nanosleep(&ts, NULL);
	}
	return real(c, in, in_nbytes, out, avail);
}
