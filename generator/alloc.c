/* alloc.c - allocation wrappers that die on out-of-memory */
#include "alloc.h"

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>

static void (*S_cleanup)(void);
/* what kg_oom waits for (kg_oom_wait): one per kind of warm-up */
#define S_MAX_WAITS 4
static void (*S_wait[S_MAX_WAITS])(void);
static _Thread_local int *S_leave;

void kg_oom_leave(int *flag)
{
	S_leave = flag;
}

void kg_oom_wait(void (*wait)(void))
{
	size_t i;

	for (i = 0; i < S_MAX_WAITS && S_wait[i] && S_wait[i] != wait; i++)
		;
	if (i < S_MAX_WAITS)
		S_wait[i] = wait;
}

void kg_oom_cleanup(void (*run)(void))
{
	S_cleanup = run;
}

void kg_oom(size_t size)
{
	size_t i;

	if (S_leave) { /* a helper thread: the main thread reports it */
		*S_leave = 1;
		pthread_exit(NULL);
	}
	for (i = 0; i < S_MAX_WAITS && S_wait[i]; i++)
		S_wait[i]();
	/* the registry first: the message may need memory of its own */
	if (S_cleanup)
		S_cleanup();
	if (size)
		fprintf(stderr, "kitgen: fatal: out of memory allocating %zu "
			"bytes\n", size);
	else
		fputs("kitgen: fatal: out of memory\n", stderr);
	exit(3);
}

void *kg_xmalloc(size_t size)
{
	void *p = malloc(size ? size : 1);
	if (!p)
		kg_oom(size);
	return p;
}

void *kg_xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);
	if (!p)
		kg_oom(n * size);
	return p;
}

void *kg_xrealloc(void *ptr, size_t size)
{
	void *p = realloc(ptr, size ? size : 1);
	if (!p)
		kg_oom(size);
	return p;
}

char *kg_xstrndup(const char *s, size_t n)
{
	char *p = kg_xmalloc(n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *kg_xstrdup(const char *s)
{
	return kg_xstrndup(s, strlen(s));
}

void kg_grow(void **items, size_t *cap, size_t need, size_t elem_size)
{
	size_t n;

	if (need <= *cap)
		return;
	n = *cap ? *cap : 8;
	while (n < need)
		n *= 2;
	*items = kg_xrealloc(*items, n * elem_size);
	*cap = n;
}

void kg_headroom(size_t size)
{
	/* address space, not pages: nothing is touched, so it costs nothing */
	void *p = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		kg_oom(size);
	munmap(p, size);
}

int kg_headroom_free(size_t size)
{
	void *p = mmap(NULL, size, PROT_NONE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);

	if (p == MAP_FAILED)
		return 0;
	munmap(p, size);
	return 1;
}
