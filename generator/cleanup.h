/*
 * cleanup.h - what to remove when kitgen must stop early: the registry of
 * temporary files and new folders, shared by the signal handlers and the
 * out-of-memory handler.
 *
 * Whoever creates a temporary file registers its path and forgets it once
 * the file is renamed into place or removed; a folder registered is
 * removed when it is empty. When SIGINT, SIGTERM or SIGHUP arrives, or an
 * allocation fails, kg_cleanup_run removes every registered file, then
 * every registered folder (the last registered first), and the process
 * ends: by the same signal (status 128 + signo in a shell) or with exit
 * status 3.
 *
 * The registry keeps its own copies of the paths. Changes to it are made
 * with the signals blocked, so a handler always sees a whole registry;
 * kg_cleanup_run itself calls only async-signal-safe functions.
 */
#ifndef KG_CLEANUP_H
#define KG_CLEANUP_H

#include <signal.h>

/* Install the handlers for SIGINT, SIGTERM and SIGHUP, and for the
 * crashes (SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL: a library that does
 * not survive running out of memory): each runs kg_cleanup_run, then ends
 * the process by the same signal. A signal that was ignored when kitgen
 * started (nohup, a background job) stays ignored. */
void kg_cleanup_signals(void);

/* Register a file to unlink, or a folder to rmdir, when kitgen stops
 * early. */
void kg_cleanup_file(const char *path);
void kg_cleanup_dir(const char *path);

/* Register a temporary folder to remove with everything in it (a kit
 * exported from git, say), however it was filled. */
void kg_cleanup_tree(const char *path);

/* Forget path (registered as file or folder): it is no longer removed.
 * No-op when it is not registered. */
void kg_cleanup_forget(const char *path);

/* Remove everything registered. Async-signal-safe (so it frees nothing:
 * the registry stays as it was, and the process is about to end); also
 * what the out-of-memory handler runs before it exits. */
void kg_cleanup_run(void);

/* Hold SIGINT, SIGTERM and SIGHUP back (they stay pending) while a step
 * that must not be cut in two runs, such as renaming a build's files into
 * place; kg_cleanup_release delivers what arrived meanwhile. old is where
 * the earlier signal mask is kept. Both are async-signal-safe. */
void kg_cleanup_hold(sigset_t *old);
void kg_cleanup_release(const sigset_t *old);

#endif
