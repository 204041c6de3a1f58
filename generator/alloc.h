/*
 * alloc.h - allocation that never returns NULL.
 *
 * Every allocation in kitgen goes through these wrappers, libcmark's too
 * (markdown.c hands them to cmark as its allocator). On out-of-memory they
 * call kg_oom; callers never check for NULL.
 */
#ifndef KG_ALLOC_H
#define KG_ALLOC_H

#include <stddef.h>

/* Out of memory (size: what was asked for, 0 when not known, as when a
 * library reports it): run the cleanup set with kg_oom_cleanup (the
 * temporary files of the run, cleanup.h), print a message and exit with
 * status 3. Never returns. */
_Noreturn void kg_oom(size_t size);

/* What kg_oom runs before it exits: async-signal-safe, allocating
 * nothing. The registry of temporary files (cleanup.c) sets itself here
 * when a path is first registered, so the wrappers need not know it. */
void kg_oom_cleanup(void (*run)(void));

/* Helper threads. A thread that runs work the main thread could do
 * itself (a warm-up) marks itself with kg_oom_leave: out of memory there
 * sets *flag and ends the thread (pthread_exit) instead of exiting the
 * process under the main thread's feet; the main thread, when it joins
 * it and finds the flag, calls kg_oom. And kg_oom_wait names what kg_oom
 * waits for before it exits (joining such a thread; up to four, each
 * named once): exit must not free a library's state while a thread still
 * uses it. */
void kg_oom_leave(int *flag);
void kg_oom_wait(void (*wait)(void));

/* Before a library that does not survive running out of memory (fontconfig
 * crashes, or quietly loses its configuration and writes an empty font
 * cache): make sure size more bytes could be had, or kg_oom. */
void kg_headroom(size_t size);
/* The same test without the exit: 1 when size bytes of address space
 * are free now, else 0 (work that may be skipped, such as a warm-up on
 * another thread, asks this first). */
int kg_headroom_free(size_t size);

void *kg_xmalloc(size_t size);
void *kg_xcalloc(size_t n, size_t size);
void *kg_xrealloc(void *ptr, size_t size);
char *kg_xstrdup(const char *s);
char *kg_xstrndup(const char *s, size_t n);

/* Grow *items (of *cap elements of elem_size) so that it holds at least
 * need elements. Doubles, so appends are amortised O(1). */
void kg_grow(void **items, size_t *cap, size_t need, size_t elem_size);
#define KG_GROW(items, cap, need) \
	kg_grow((void **)&(items), &(cap), (need), sizeof(*(items)))

#endif
