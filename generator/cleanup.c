/* cleanup.c - the registry of temporary files, and the handlers that
 * remove them when kitgen must stop early (see cleanup.h)
 *
 * Invariant: S_items[0..S_n) are whole entries whenever a signal can
 * arrive; every change is made with the signals held back. Allocation
 * happens before a change, so when it fails (and the out-of-memory
 * handler runs kg_cleanup_run) the registry is still the old, whole one. */
#include "cleanup.h"

#include <fcntl.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <sys/syscall.h>
#include <unistd.h>

#include "alloc.h"

enum { S_FILE, S_DIR, S_TREE };

typedef struct S_entry {
	char *path;
	int kind; /* S_FILE: unlink; S_DIR: rmdir when empty; S_TREE: all */
} S_entry;

/* How deep a registered tree is emptied: kitgen's own temporary trees are
 * a kit (content/topics/...), far shallower. */
#define S_TREE_DEPTH 8

static S_entry *S_items;
static size_t S_n, S_cap;

static const int S_signals[] = {SIGINT, SIGTERM, SIGHUP};
#define S_NSIGNALS (sizeof(S_signals) / sizeof(*S_signals))

void kg_cleanup_hold(sigset_t *old)
{
	sigset_t set;
	size_t i;

	sigemptyset(&set);
	for (i = 0; i < S_NSIGNALS; i++)
		sigaddset(&set, S_signals[i]);
	sigprocmask(SIG_BLOCK, &set, old);
}

void kg_cleanup_release(const sigset_t *old)
{
	sigprocmask(SIG_SETMASK, old, NULL);
}

static void S_add(const char *path, int kind)
{
	char *copy;
	S_entry *items = S_items;
	size_t cap = S_cap;
	sigset_t old;

	kg_oom_cleanup(kg_cleanup_run); /* so running out of memory cleans up */
	copy = kg_xstrdup(path);
	/* a bigger array is made aside and swapped in whole */
	if (S_n == cap) {
		cap = cap ? 2 * cap : 16;
		items = kg_xcalloc(cap, sizeof(*items));
		if (S_n)
			memcpy(items, S_items, S_n * sizeof(*items));
	}
	kg_cleanup_hold(&old);
	if (items != S_items) {
		free(S_items);
		S_items = items;
		S_cap = cap;
	}
	S_items[S_n].path = copy;
	S_items[S_n].kind = kind;
	S_n++;
	kg_cleanup_release(&old);
}

void kg_cleanup_file(const char *path)
{
	S_add(path, S_FILE);
}

void kg_cleanup_dir(const char *path)
{
	S_add(path, S_DIR);
}

void kg_cleanup_tree(const char *path)
{
	S_add(path, S_TREE);
}

/* A directory entry as the getdents64 system call returns it. */
struct S_dirent64 {
	uint64_t ino;
	int64_t off;
	unsigned short reclen;
	unsigned char type;
	char name[];
};

/* Remove what the folder open as fd holds, depth folders deep, with
 * system calls only (no allocation, no stdio: async-signal-safe). Entries
 * removed while the folder is read may hide others from that reading, so
 * it is read again until a reading removes nothing. */
static void S_empty(int fd, int depth)
{
	char buf[2048] __attribute__((aligned(8)));
	int removed;
	long n, at;

	do {
		removed = 0;
		if (lseek(fd, 0, SEEK_SET) < 0)
			return;
		while ((n = syscall(SYS_getdents64, fd, buf, sizeof(buf))) > 0) {
			for (at = 0; at < n; at += ((struct S_dirent64 *)(buf + at))->reclen) {
				const char *name = ((struct S_dirent64 *)(buf + at))->name;
				int sub;

				if (strcmp(name, ".") == 0 || strcmp(name, "..") == 0)
					continue;
				if (unlinkat(fd, name, 0) == 0) {
					removed = 1;
					continue;
				}
				if (depth == 0 || (sub = openat(fd, name, O_RDONLY |
						O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC)) < 0)
					continue;
				S_empty(sub, depth - 1);
				close(sub);
				if (unlinkat(fd, name, AT_REMOVEDIR) == 0)
					removed = 1;
			}
		}
	} while (removed);
}

static void S_remove_tree(const char *path)
{
	int fd = open(path, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);

	if (fd < 0)
		return;
	S_empty(fd, S_TREE_DEPTH);
	close(fd);
	rmdir(path);
}

void kg_cleanup_forget(const char *path)
{
	char *gone = NULL;
	sigset_t old;
	size_t i;

	kg_cleanup_hold(&old);
	for (i = S_n; i-- > 0;)
		if (strcmp(S_items[i].path, path) == 0) {
			gone = S_items[i].path;
			memmove(&S_items[i], &S_items[i + 1],
				(S_n - i - 1) * sizeof(*S_items));
			S_n--;
			break;
		}
	kg_cleanup_release(&old);
	free(gone);
}

void kg_cleanup_run(void)
{
	sigset_t old;
	size_t i;

	kg_cleanup_hold(&old);
	for (i = 0; i < S_n; i++)
		if (S_items[i].kind == S_FILE)
			unlink(S_items[i].path);
	for (i = S_n; i-- > 0;)
		if (S_items[i].kind == S_TREE)
			S_remove_tree(S_items[i].path);
		else if (S_items[i].kind == S_DIR)
			rmdir(S_items[i].path); /* only when empty */
	kg_cleanup_release(&old);
}

static void S_on_signal(int sig)
{
	sigset_t set;

	kg_cleanup_run();
	signal(sig, SIG_DFL);
	sigemptyset(&set);
	sigaddset(&set, sig);
	sigprocmask(SIG_UNBLOCK, &set, NULL);
	raise(sig);
	_exit(128 + sig);
}

/* Crashes (a library that dereferences the NULL of a failed allocation,
 * a stack overflow, an abort): the temporary files go too, then the
 * process dies of the signal as it would have. On a stack of its own, so
 * a stack overflow can still run it. */
static const int S_crashes[] = {SIGSEGV, SIGBUS, SIGABRT, SIGFPE, SIGILL};

/* Install sa for sig unless sig is ignored, or, for a crash, unless
 * someone else handles it already (a sanitizer's report comes first). */
static void S_install(int sig, const struct sigaction *sa, int crash)
{
	struct sigaction was;

	if (sigaction(sig, NULL, &was) < 0 || was.sa_handler == SIG_IGN)
		return;
	if (crash && ((was.sa_flags & SA_SIGINFO) || was.sa_handler != SIG_DFL))
		return;
	sigaction(sig, sa, NULL);
}

void kg_cleanup_signals(void)
{
	static char altstack[64 * 1024];
	stack_t ss;
	struct sigaction sa;
	size_t i;

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = S_on_signal;
	sigemptyset(&sa.sa_mask);
	for (i = 0; i < S_NSIGNALS; i++) /* one handler at a time */
		sigaddset(&sa.sa_mask, S_signals[i]);
	for (i = 0; i < S_NSIGNALS; i++)
		S_install(S_signals[i], &sa, 0);
	ss.ss_sp = altstack;
	ss.ss_size = sizeof(altstack);
	ss.ss_flags = 0;
	sa.sa_flags = sigaltstack(&ss, NULL) == 0 ? SA_ONSTACK : 0;
	for (i = 0; i < sizeof(S_crashes) / sizeof(*S_crashes); i++)
		S_install(S_crashes[i], &sa, 1);
}
