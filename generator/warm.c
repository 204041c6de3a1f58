/* warm.c - warm-ups on a thread of their own (warm.h). */
#include "warm.h"

#include <stdlib.h>

#include "alloc.h"

/* A gibibyte of address space to spare, or no warm-up (warm.h). */
#define S_HEADROOM ((size_t)1 << 30)

/* the warm-up this thread runs, if it is one */
static _Thread_local kg_warm *S_self;

static void *S_trampoline(void *arg)
{
	kg_warm *w = arg;

	S_self = w;
	kg_oom_leave(&w->oom);
	return w->run(w->arg);
}

int kg_warm_start(kg_warm *w, void *(*run)(void *), void *arg,
		  void (*join)(void))
{
	int started;

	if (getenv("KITGEN_NO_WARM") || !kg_headroom_free(S_HEADROOM))
		return 0;
	pthread_mutex_lock(&w->lock);
	if (!w->hooked) {
		kg_oom_wait(join);
		atexit(join);
		w->hooked = 1;
	}
	started = 0;
	if (!w->running) {
		w->oom = 0;
		w->run = run;
		w->arg = arg;
		started = pthread_create(&w->tid, NULL, S_trampoline, w) == 0;
	}
	if (started)
		w->running = 1;
	pthread_mutex_unlock(&w->lock);
	return started;
}

int kg_warm_join(kg_warm *w)
{
	if (S_self == w)
		return 0; /* a library's exit on the warm-up itself */
	pthread_mutex_lock(&w->lock);
	if (w->running) {
		pthread_join(w->tid, NULL);
		w->running = 0;
	}
	pthread_mutex_unlock(&w->lock);
	return w->oom;
}
