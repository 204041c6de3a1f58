/*
 * warm.h - warm-ups: work the main thread would do itself when it first
 * needs it (finding and reading the fonts, loading the hyphenation
 * dictionary), started ahead on a thread of its own while the build
 * does other work, and joined before its result is first used.
 *
 * What the thread fills in, nothing else touches until it is joined.
 * Nothing may exit while it runs, as exit frees libraries' state it may
 * be using: kg_oom and exit's handlers join it (kg_oom_wait, atexit), and
 * it is never joined from itself (a library that calls exit there).
 * Out of memory on the thread ends the thread, not the process
 * (kg_oom_leave): kg_warm_join then says so, and the caller exits as
 * out of memory itself. The libraries involved crash or exit when an
 * allocation fails (fontconfig, libhyphen), and a check for room at the
 * thread's start cannot protect them while the main thread eats into
 * the same room, so a warm-up starts only when the address space is far
 * from any limit (ulimit -v): a gibibyte to spare, above any build's
 * peak. Under a tighter limit, or with KITGEN_NO_WARM set, or when no
 * thread can be made, there is none, and the work is done where it is
 * first needed: the same result.
 */
#ifndef KG_WARM_H
#define KG_WARM_H

#include <pthread.h>

typedef struct kg_warm {
	pthread_mutex_t lock;
	pthread_t tid;
	int running;           /* started and not yet joined */
	int oom;               /* it ran out of memory (kg_oom_leave) */
	int hooked;            /* its join is kg_oom's and exit's */
	void *(*run)(void *);
	void *arg;
} kg_warm;

#define KG_WARM_INIT {PTHREAD_MUTEX_INITIALIZER, 0, 0, 0, 0, NULL, NULL}

/* Start run(arg) on a thread for w, unless a warm-up is not to be had
 * (above). join is the caller's function that joins w (kg_warm_join):
 * kg_oom and exit's handlers call it. Returns 1 when the thread runs,
 * else 0 (the caller keeps arg). Again once joined: one thread at a
 * time for each w, and always the same join. */
int kg_warm_start(kg_warm *w, void *(*run)(void *), void *arg,
		  void (*join)(void));

/* Wait for w's thread, once (from any thread but itself); 1 when it ran
 * out of memory, else 0. */
int kg_warm_join(kg_warm *w);

#endif
