/*
 * git.c - running git for `kitgen diff --git` and the version warning of
 * `kitgen check` (see git.h).
 *
 * A content folder may come with a .git folder nobody vetted, and git's
 * configuration can name commands (core.fsmonitor, core.pager,
 * diff.external, filter and textconv drivers, hooks). So git runs here
 * with a fixed environment (no system or global configuration, no GIT_*
 * variable of the caller, no pager, no prompt), with -c overrides for the
 * keys that run a command, and only plumbing that reads objects and refs
 * (rev-parse, ls-tree, cat-file, for-each-ref): none of them refreshes the
 * index, runs a filter or a diff driver, pages or fires a hook. Old
 * content is read as raw blobs and compared by kitgen, never by git diff.
 */
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "digest.h"
#include "node.h"
#include "output.h"
#include "schema.h"

extern char **environ;

/* What git may print for one export: the content's limit and the
 * listing's lines around it. More is refused rather than held. */
#define S_MAX_OUTPUT (KG_MAX_CONTENT + ((size_t)16 << 20))

/* How long one git command may take, in seconds, before it is stopped: a
 * FIFO or a device in a repository (.git/packed-refs, HEAD, an object)
 * makes git wait forever. KITGEN_GIT_TIMEOUT may shorten it (tests). */
#define S_TIMEOUT 30

/* Set when a git command was stopped for taking too long; the commands
 * that run git report it (kg_git_timed_out). */
static int S_timed_out;

static int S_timeout_ms(void)
{
	const char *env = getenv("KITGEN_GIT_TIMEOUT");
	int s = env && *env >= '1' && *env <= '9' ? atoi(env) : S_TIMEOUT;

	return (s > 0 && s < S_TIMEOUT ? s : S_TIMEOUT) * 1000;
}

static long long S_now_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (long long)ts.tv_sec * 1000 + ts.tv_nsec / 1000000;
}

/* Before the subcommand: no pager, no replace refs, and every key that
 * names a command a plumbing command could consult, neutralised. */
static const char *const S_safe_args[] = {
	"git", "--no-pager", "--no-replace-objects",
	"-c", "core.fsmonitor=false",
	"-c", "core.hooksPath=/dev/null",
	"-c", "core.pager=cat",
	"-c", "core.untrackedCache=false",
	"-c", "core.sshCommand=false",
	"-c", "core.askPass=",
	"-c", "credential.helper=",
	"-c", "diff.external=",
	"-c", "log.showSignature=false",
	"-c", "protocol.allow=never",
	"-c", "safe.bareRepository=explicit",
	NULL};

/* The environment git runs in: nothing of the caller's but PATH and HOME. */
static char **S_env(void)
{
	static char path[4096], home[4096];
	static char *env[] = {path, home, "LC_ALL=C",
		"GIT_CONFIG_NOSYSTEM=1", "GIT_CONFIG_SYSTEM=/dev/null",
		"GIT_CONFIG_GLOBAL=/dev/null", "GIT_ATTR_NOSYSTEM=1",
		"GIT_TERMINAL_PROMPT=0", "GIT_OPTIONAL_LOCKS=0",
		"GIT_NO_REPLACE_OBJECTS=1", "GIT_PAGER=cat", "PAGER=cat",
		"GIT_ADVICE=0", NULL};
	const char *p = getenv("PATH"), *h = getenv("HOME");

	snprintf(path, sizeof(path), "PATH=%s", p ? p : "/usr/bin:/bin");
	snprintf(home, sizeof(home), "HOME=%s", h ? h : "/");
	return env;
}

/* The full argument vector: S_safe_args, then args. The caller frees it. */
static char **S_argv(char *const args[])
{
	size_t n = 0, m = 0, i;
	char **argv;

	while (S_safe_args[n])
		n++;
	while (args[m])
		m++;
	argv = kg_xcalloc(n + m + 1, sizeof(*argv));
	for (i = 0; i < n; i++)
		argv[i] = (char *)S_safe_args[i];
	for (i = 0; i < m; i++)
		argv[n + i] = args[i];
	return argv;
}

/* In the child: stdin from in (or /dev/null), stdout to out_fd, stderr
 * nowhere, the environment env; exec git. Never returns. */
static void S_child(const char *cwd, char **argv, char **env, int in,
		    int out_fd)
{
	int null = open("/dev/null", O_RDWR);

	dup2(out_fd, STDOUT_FILENO);
	dup2(in >= 0 ? in : null, STDIN_FILENO);
	if (null >= 0)
		dup2(null, STDERR_FILENO);
	if (cwd && chdir(cwd) < 0)
		_exit(127);
	environ = env;
	execvp(argv[0], argv);
	_exit(127);
}

/* Read fd to its end into out (when not NULL), at most S_MAX_OUTPUT
 * bytes, by deadline (S_now_ms's clock); 0, or -1 when there was more,
 * or -2 when the time ran out. */
static int S_drain(int fd, kg_buf *out, long long deadline)
{
	char chunk[65536];
	size_t total = 0;
	struct pollfd p = {fd, POLLIN, 0};
	ssize_t got;
	int ready;

	for (;;) {
		long long left = deadline - S_now_ms();

		if (left <= 0)
			return -2;
		ready = poll(&p, 1, (int)left);
		if (ready < 0 && errno != EINTR)
			return -1;
		if (ready <= 0)
			continue;
		if ((got = read(fd, chunk, sizeof(chunk))) == 0)
			break;
		if (got < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		total += (size_t)got;
		if (total > S_MAX_OUTPUT)
			return -1;
		if (out)
			kg_buf_put(out, chunk, (size_t)got);
	}
	return 0;
}

/* Wait for pid by deadline; past it, stop it. Its status in *status:
 * 0, or -1 when it could not be waited for or was stopped. */
static int S_reap(pid_t pid, long long deadline, int *status)
{
	struct timespec pause = {0, 5 * 1000 * 1000};
	pid_t got;

	for (;;) {
		got = waitpid(pid, status, WNOHANG);
		if (got == pid)
			return 0;
		if (got < 0 && errno != EINTR)
			return -1;
		if (S_now_ms() >= deadline) { /* it waits on what never comes */
			kill(pid, SIGKILL);
			while (waitpid(pid, status, 0) < 0 && errno == EINTR)
				;
			S_timed_out = 1;
			return -1;
		}
		nanosleep(&pause, NULL);
	}
}

/* Run git with args in folder cwd, its standard input from the
 * descriptor in (or nothing, -1); its standard output goes to out (when
 * not NULL), its standard error nowhere. Returns git's exit status, or -1
 * when it could not run, was killed, printed too much or took longer than
 * the time limit (then kg_git_timed_out says so). */
static int S_git(const char *cwd, char *const args[], int in, kg_buf *out)
{
	char **argv = S_argv(args), **env = S_env();
	long long deadline = S_now_ms() + S_timeout_ms();
	int pipefd[2], status, over;
	pid_t pid;

	if (pipe(pipefd) < 0) {
		free(argv);
		return -1;
	}
	if ((pid = fork()) == 0)
		S_child(cwd, argv, env, in, pipefd[1]);
	free(argv);
	close(pipefd[1]);
	over = pid > 0 ? S_drain(pipefd[0], out, deadline) : -1;
	close(pipefd[0]);
	if (pid < 0)
		return -1;
	if (over == -2)
		deadline = 0; /* stop it now */
	if (S_reap(pid, deadline, &status) < 0 || over < 0 ||
	    !WIFEXITED(status))
		return -1;
	return WEXITSTATUS(status);
}

/* Was a git command stopped for taking too long since the last call? */
static int S_take_timeout(void)
{
	int was = S_timed_out;

	S_timed_out = 0;
	return was;
}

/* The first line of what git prints; 0, or -1 when it fails or is silent,
 * or 127 when git could not be run at all. */
static int S_line(const char *cwd, char *const args[], kg_buf *out)
{
	int rc = S_git(cwd, args, -1, out);
	char *nl = strchr(out->ptr, '\n');

	if (nl) {
		*nl = '\0';
		out->len = (size_t)(nl - out->ptr);
	}
	if (rc == 127)
		return 127;
	return rc == 0 && out->len ? 0 : -1;
}

/* ---- a content folder as it was at a revision ------------------------------ */

/* One blob of a tree listing that the export writes. */
typedef struct S_blob {
	char oid[80];
	char *path; /* relative to the content folder */
} S_blob;

typedef struct S_blobs {
	S_blob *items;
	size_t n, cap;
} S_blobs;

/* Whether path is a file the kit loader reads: kit.yaml, scenarios.yaml
 * or topics/NAME.yaml. Nothing else is written, so nothing can land
 * outside dest, whatever a tree holds. */
static int S_wanted(const char *path)
{
	size_t n = strlen(path);

	if (strcmp(path, "kit.yaml") == 0 || strcmp(path, "scenarios.yaml") == 0)
		return 1;
	return strncmp(path, "topics/", 7) == 0 && n > 12 &&
	       !strchr(path + 7, '/') && strcmp(path + n - 5, ".yaml") == 0;
}

/* Take the regular files of one `ls-tree -z` listing (prefixed with
 * prefix) into blobs; a subtree named "topics" sets topics_oid. */
static void S_take_listing(const kg_buf *list, const char *prefix,
			   S_blobs *blobs, char topics_oid[80])
{
	const char *p = list->ptr, *end = list->ptr + list->len;

	for (; p < end; p += strlen(p) + 1) {
		char mode[16], type[16], oid[80];
		const char *tab = strchr(p, '\t');
		kg_buf path = KG_BUF_INIT;

		if (!tab || sscanf(p, "%15s %15s %79s", mode, type, oid) != 3)
			continue;
		kg_buf_printf(&path, "%s%s", prefix, tab + 1);
		if (topics_oid && strcmp(type, "tree") == 0 &&
		    strcmp(tab + 1, "topics") == 0)
			snprintf(topics_oid, 80, "%s", oid);
		if ((strcmp(mode, "100644") == 0 || strcmp(mode, "100755") == 0) &&
		    S_wanted(path.ptr)) {
			KG_GROW(blobs->items, blobs->cap, blobs->n + 1);
			snprintf(blobs->items[blobs->n].oid, 80, "%s", oid);
			blobs->items[blobs->n++].path = kg_buf_detach(&path, NULL);
		}
		kg_buf_release(&path);
	}
}

/* The files kitgen reads in tree (an object id), and in its topics. */
static int S_list(const char *cwd, const char *tree, S_blobs *blobs)
{
	char topics[80] = "";
	kg_buf list = KG_BUF_INIT;
	char *ls[] = {"ls-tree", "-z", "--full-tree", "--end-of-options",
		      (char *)tree, NULL};
	int rc = S_git(cwd, ls, -1, &list);

	if (rc == 0)
		S_take_listing(&list, "", blobs, topics);
	if (rc == 0 && topics[0]) {
		ls[4] = topics;
		kg_buf_reset(&list);
		if ((rc = S_git(cwd, ls, -1, &list)) == 0)
			S_take_listing(&list, "topics/", blobs, NULL);
	}
	kg_buf_release(&list);
	return rc == 0 ? 0 : -1;
}

/* The raw bytes of every blob (`cat-file --batch`: no filter, no
 * textconv), in order, into out. 0 or -1. */
static int S_cat(const char *cwd, const S_blobs *blobs, kg_buf *out)
{
	char *batch[] = {"cat-file", "--batch", NULL};
	FILE *in = tmpfile();
	size_t i;
	int rc = -1;

	if (!in)
		return -1;
	for (i = 0; i < blobs->n; i++)
		fprintf(in, "%s\n", blobs->items[i].oid);
	if (fflush(in) == 0 && !ferror(in) && fseek(in, 0, SEEK_SET) == 0)
		rc = S_git(cwd, batch, fileno(in), out);
	fclose(in);
	return rc == 0 ? 0 : -1;
}

/* Write each blob of the batch output to dest/path. 0, or -1 (with a
 * diagnostic when a file could not be written). */
static int S_write_blobs(const S_blobs *blobs, const kg_buf *cat,
			 const char *dest, kg_diags *d)
{
	const char *p = cat->ptr, *end = cat->ptr + cat->len;
	kg_buf path = KG_BUF_INIT;
	size_t i;
	int rc = 0;

	for (i = 0; i < blobs->n && rc == 0; i++) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		unsigned long long size;
		char type[16];

		/* "OID blob SIZE\n", SIZE bytes, "\n" */
		if (!nl || sscanf(p, "%*s %15s %llu", type, &size) != 2 ||
		    strcmp(type, "blob") != 0 || size >= (size_t)(end - nl - 1))
			return kg_buf_release(&path), -1;
		kg_buf_reset(&path);
		kg_buf_printf(&path, "%s/%s", dest, blobs->items[i].path);
		rc = kg_write_atomic(path.ptr, nl + 1, (size_t)size, d);
		p = nl + 1 + size + 1;
	}
	kg_buf_release(&path);
	return rc;
}

/* Say why folder path (NULL: cwd) has no tree at rev: rev is no
 * revision, or the revision has no such folder. */
static void S_no_tree(const char *cwd, const char *path, const char *rev,
		      kg_diags *d)
{
	kg_buf spec = KG_BUF_INIT, out = KG_BUF_INIT;
	char *commit[] = {"rev-parse", "--verify", "--quiet", "--end-of-options",
			  NULL, NULL};

	kg_buf_printf(&spec, "%s^{commit}", rev);
	commit[4] = spec.ptr;
	if (rev[0] != '-' && S_line(cwd, commit, &out) == 0)
		kg_error(d, (kg_mark){path ? path : cwd, 0, 0},
			 "revision '%s' has no folder '%s'", rev, path ? path : cwd);
	else
		kg_error(d, (kg_mark){path ? path : cwd, 0, 0},
			 "'%s' is not a revision of the git work tree "
			 "holding this folder", rev);
	kg_buf_release(&spec);
	kg_buf_release(&out);
}

/* Export tree (an object id, read in cwd) into dest. 0 or -1. */
static int S_export_tree(const char *cwd, const char *tree, const char *dest,
			 kg_diags *d)
{
	S_blobs blobs = {NULL, 0, 0};
	kg_buf cat = KG_BUF_INIT;
	size_t i;
	int rc = S_list(cwd, tree, &blobs);

	if (rc == 0 && (rc = S_cat(cwd, &blobs, &cat)) == 0)
		rc = S_write_blobs(&blobs, &cat, dest, d);
	for (i = 0; i < blobs.n; i++)
		free(blobs.items[i].path);
	free(blobs.items);
	kg_buf_release(&cat);
	return rc;
}

/* The tree of folder path (NULL: cwd itself) at rev, as an object id,
 * into tree; git runs in cwd. 0, or -1 with a diagnostic. */
static int S_resolve(const char *cwd, const char *path, const char *rev,
		     kg_buf *tree, kg_diags *d)
{
	kg_buf spec = KG_BUF_INIT, top = KG_BUF_INIT;
	char *toplevel[] = {"rev-parse", "--show-toplevel", NULL};
	char *resolve[] = {"rev-parse", "--verify", "--quiet", "--end-of-options",
			   NULL, NULL};
	kg_mark at = {path ? path : cwd, 0, 0};
	int rc = S_line(cwd, toplevel, &top);

	/* REV:./ is the folder cwd at REV; REV:./PATH/ the folder PATH */
	kg_buf_printf(&spec, "%s:./%s%s", rev, path ? path : "", path ? "/" : "");
	resolve[4] = spec.ptr;
	if (rc == 127)
		kg_io_error(d, at, "cannot run git");
	else if (rc != 0) /* git also refuses a work tree another user owns */
		kg_error(d, at, "not inside a git work tree "
			 "(or in one owned by another user)");
	else if ((rev[0] == '-' || (rc = S_line(cwd, resolve, tree)) != 0) &&
		 !S_timed_out) /* (a git that did not answer is said later) */
		S_no_tree(cwd, path, rev, d);
	if (rev[0] == '-')
		rc = -1;
	kg_buf_release(&spec);
	kg_buf_release(&top);
	return rc == 0 ? 0 : -1;
}

int kg_git_export_path(const char *cwd, const char *path, const char *rev,
		       const char *dest, kg_diags *d)
{
	kg_buf tree = KG_BUF_INIT;
	size_t errors = d->errors;
	kg_mark at = {path ? path : cwd, 0, 0};
	int rc;

	S_take_timeout();
	rc = S_resolve(cwd, path, rev, &tree, d);
	if (rc == 0)
		rc = S_export_tree(cwd, tree.ptr, dest, d);
	if (S_take_timeout())
		kg_io_error(d, at, "git did not answer within %d s (does the "
			    "repository hold a FIFO or a device?)",
			    S_timeout_ms() / 1000);
	else if (rc < 0 && d->errors == errors)
		kg_io_error(d, at, "cannot read the content of '%s' from git", rev);
	kg_buf_release(&tree);
	return rc;
}

int kg_git_export(const char *dir, const char *rev, const char *dest,
		  kg_diags *d)
{
	return kg_git_export_path(dir, NULL, rev, dest, d);
}

int kg_git_export_temp(const char *content, const char *rev, kg_buf *tmp,
		       kg_diags *d)
{
	struct stat st;

	if (kg_temp_dir("kitgen-git", tmp) < 0) {
		kg_io_error(d, (kg_mark){tmp->ptr, 0, 0},
			    "cannot create a temporary folder: %s", strerror(errno));
		kg_buf_reset(tmp);
		return -1;
	}
	if (stat(content, &st) == 0 && S_ISDIR(st.st_mode))
		return kg_git_export(content, rev, tmp->ptr, d);
	return kg_git_export_path(".", content, rev, tmp->ptr, d);
}

/* ---- the version warning --------------------------------------------------- */

/* The newest tag reachable from HEAD, as a full ref name, into out; 0, or
 * -1 when there is none (or no git, no work tree). */
static int S_last_tag(const char *dir, kg_buf *out)
{
	char *refs[] = {"for-each-ref", "--merged=HEAD", "--sort=-creatordate",
			"--count=1", "--format=%(refname)", "refs/tags/", NULL};

	return S_line(dir, refs, out);
}

/* A new temporary folder (the caller removes it and frees the name), or
 * NULL. */
static char *S_temp_dir(void)
{
	kg_buf tmp = KG_BUF_INIT;

	if (kg_temp_dir("kitgen-git", &tmp) < 0) {
		kg_buf_release(&tmp);
		return NULL;
	}
	return kg_buf_detach(&tmp, NULL);
}

/* The version of the kit at tag, into version, and whether its content
 * differs from kit's (by digest: values, not layout). 0, or -1 when the
 * content at tag cannot be read. */
static int S_at_tag(const kg_kit *kit, const char *tag, kg_buf *version,
		    int *changed)
{
	kg_diags quiet = KG_DIAGS_INIT;
	char *tmp = S_temp_dir();
	kg_kit *old = NULL;
	int rc = -1;

	if (tmp && kg_git_export(kit->dir, tag, tmp, &quiet) == 0) {
		char a[KG_DIGEST_HEX], b[KG_DIGEST_HEX];

		old = kg_kit_load(tmp, &quiet);
		kg_kit_check(old, &quiet);
		kg_buf_puts(version, kg_text(old->version));
		/* a kit with errors differs from this one, which has none */
		*changed = quiet.errors != 0;
		if (!*changed) {
			kg_kit_digest(old, a);
			kg_kit_digest(kit, b);
			*changed = strcmp(a, b) != 0;
		}
		rc = 0;
	}
	kg_kit_free(old);
	if (tmp)
		kg_remove_tree(tmp);
	free(tmp);
	kg_diags_free(&quiet);
	return rc;
}

void kg_git_version_warning(const kg_kit *kit, kg_diags *d)
{
	kg_buf tag = KG_BUF_INIT, old_version = KG_BUF_INIT;
	const char *name;
	int changed = 0;

	S_take_timeout();
	if (!kit->version || !kit->root || S_last_tag(kit->dir, &tag) < 0)
		goto out;
	name = strncmp(tag.ptr, "refs/tags/", 10) == 0 ? tag.ptr + 10 : tag.ptr;
	if (S_at_tag(kit, tag.ptr, &old_version, &changed) == 0 && changed &&
	    strcmp(old_version.ptr, kg_text(kit->version)) == 0)
		kg_warning(d, kit->version->mark,
			   "content changed since tag '%s' but the version is "
			   "still %s", name, old_version.ptr);
out:
	if (kit->version && S_take_timeout())
		kg_warning(d, kit->version->mark, "git did not answer within %d s "
			   "(does the repository hold a FIFO or a device?): the "
			   "content was not compared with the last tag",
			   S_timeout_ms() / 1000);
	kg_buf_release(&tag);
	kg_buf_release(&old_version);
}
