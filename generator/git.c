/*
 * git.c - running git for `kitgen diff --git` and the version warning of
 * `kitgen check` (see git.h).
 */
#include "git.h"

#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "node.h"

/* Run argv in folder cwd; its standard output goes to out (when not
 * NULL), its standard error nowhere. Returns the exit status, or -1 when
 * it could not run. */
static int S_run(const char *cwd, char *const argv[], kg_buf *out)
{
	int pipefd[2], status;
	pid_t pid;
	char chunk[4096];
	ssize_t got;

	if (pipe(pipefd) < 0)
		return -1;
	pid = fork();
	if (pid < 0) {
		close(pipefd[0]);
		close(pipefd[1]);
		return -1;
	}
	if (pid == 0) {
		int null = open("/dev/null", O_RDWR);

		dup2(pipefd[1], STDOUT_FILENO);
		if (null >= 0) {
			dup2(null, STDERR_FILENO);
			dup2(null, STDIN_FILENO);
		}
		close(pipefd[0]);
		close(pipefd[1]);
		if (cwd && chdir(cwd) < 0)
			_exit(127);
		execvp(argv[0], argv);
		_exit(127);
	}
	close(pipefd[1]);
	while ((got = read(pipefd[0], chunk, sizeof(chunk))) != 0) {
		if (got < 0) {
			if (errno == EINTR)
				continue;
			break;
		}
		if (out)
			kg_buf_put(out, chunk, (size_t)got);
	}
	close(pipefd[0]);
	while (waitpid(pid, &status, 0) < 0)
		if (errno != EINTR)
			return -1;
	return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

/* The first line of what argv prints, run in cwd; "" when it fails. */
static int S_line(const char *cwd, char *const argv[], kg_buf *out)
{
	int rc = S_run(cwd, argv, out);
	char *nl = strchr(out->ptr, '\n');

	if (nl) {
		*nl = '\0';
		out->len = (size_t)(nl - out->ptr);
	}
	return rc == 0 && out->len ? 0 : -1;
}

int kg_git_export(const char *dir, const char *rev, const char *dest,
		  kg_diags *d)
{
	kg_buf spec = KG_BUF_INIT, tree = KG_BUF_INIT, top = KG_BUF_INIT,
	       tar = KG_BUF_INIT;
	char *abs_dest = realpath(dest, NULL);
	int rc = -1;

	if (!abs_dest)
		return kg_io_error(d, (kg_mark){dest, 0, 0}, "%s", strerror(errno));
	/* REV:./ is the folder `dir` at REV; archive that tree from the top
	 * of the work tree (git archive refuses a tree from a subfolder) */
	kg_buf_printf(&spec, "%s:./", rev);
	kg_buf_printf(&tar, "%s/old.tar", abs_dest);
	{
		char *resolve[] = {"git", "rev-parse", "--verify", "--quiet",
				   spec.ptr, NULL};
		char *toplevel[] = {"git", "rev-parse", "--show-toplevel", NULL};
		char *archive[] = {"git", "archive", "--format=tar", "-o",
				   tar.ptr, NULL, NULL};
		char *untar[] = {"tar", "-xf", tar.ptr, "-C", abs_dest, NULL};

		if (S_line(dir, toplevel, &top) < 0)
			kg_error(d, (kg_mark){dir, 0, 0},
				 "not inside a git work tree");
		else if (S_line(dir, resolve, &tree) < 0)
			kg_error(d, (kg_mark){dir, 0, 0},
				 "'%s' is not a revision of the git work tree "
				 "holding this folder", rev);
		else if ((archive[5] = tree.ptr, S_run(top.ptr, archive, NULL)) != 0)
			kg_io_error(d, (kg_mark){dir, 0, 0},
				    "git archive of '%s' failed", rev);
		else if (S_run(NULL, untar, NULL) != 0)
			kg_io_error(d, (kg_mark){dest, 0, 0},
				    "cannot unpack the content of '%s'", rev);
		else
			rc = 0;
	}
	unlink(tar.ptr);
	kg_buf_release(&spec);
	kg_buf_release(&tree);
	kg_buf_release(&top);
	kg_buf_release(&tar);
	free(abs_dest);
	return rc;
}

void kg_git_version_warning(const kg_kit *kit, kg_diags *d)
{
	kg_buf tag = KG_BUF_INIT, old = KG_BUF_INIT, spec = KG_BUF_INIT;
	kg_diags quiet = KG_DIAGS_INIT;
	kg_node *old_kit = NULL;
	const char *old_version;
	char *describe[] = {"git", "describe", "--tags", "--abbrev=0", NULL};

	if (!kit->version || !kit->root)
		return;
	if (S_run(kit->dir, describe, &tag) != 0 || tag.len == 0)
		goto out;
	kg_buf_rtrim(&tag);
	{
		/* exit 1 from diff --quiet: the folder differs from the tag */
		char *changed[] = {"git", "diff", "--quiet", tag.ptr, "--", ".", NULL};
		char *show[] = {"git", "show", NULL, NULL};

		if (S_run(kit->dir, changed, NULL) != 1)
			goto out;
		kg_buf_printf(&spec, "%s:./kit.yaml", tag.ptr);
		show[2] = spec.ptr;
		if (S_run(kit->dir, show, &old) != 0)
			goto out;
	}
	old_kit = kg_node_load_string("kit.yaml", old.ptr, old.len, &quiet);
	old_version = kg_node_str(old_kit, "version");
	if (old_version && strcmp(old_version, kit->version->text) == 0)
		kg_warning(d, kit->version->mark,
			   "content changed since tag '%s' but the version is "
			   "still %s", tag.ptr, old_version);
out:
	kg_node_free(old_kit);
	kg_diags_free(&quiet);
	kg_buf_release(&tag);
	kg_buf_release(&old);
	kg_buf_release(&spec);
}
