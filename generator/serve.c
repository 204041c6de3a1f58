/*
 * serve.c - `kitgen serve`: the command, its temporary output folder, the
 * rebuilds and the watch on content and templates.
 *
 * Each rebuild is this binary's own `kitgen build` run as a child process
 * into the temporary folder, so a served page is byte for byte a built
 * one, a failed build keeps the last good pages (a build is all or
 * nothing), and its diagnostics are exactly the text `kitgen check`
 * prints. The HTML comes first (tens of milliseconds: pages reload as
 * soon as it is there), the edition of the page opened last ahead of
 * the rest (its page reloads first), then Markdown and PDF in the
 * background; a new change stops that second build and starts over.
 *
 * SIGINT, SIGTERM and SIGHUP are blocked in every thread and read from a
 * signalfd by the main loop, which then stops the children, the daemon,
 * and removes the temporary folder.
 */
#define _GNU_SOURCE
#include "serve.h"

#include <arpa/inet.h>
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"
#include "datadir.h"
#include "diag.h"
#include "output.h"
#include "serve_http.h"
#include "serve_watch.h"
#include "printable.h"
#include "translatecli.h"

enum { S_EXIT_USAGE = 2, S_EXIT_IO = 3 };

const char kg_serve_usage[] =
	"Usage: kitgen serve [--port N] [--bind ADDR] [--content DIR]\n"
	"                    [--templates DIR] [--language LANG]\n"
	"\n"
	"Build every edition into a private temporary folder and serve it over\n"
	"HTTP; rebuild whenever a file of the content or templates folder is\n"
	"saved, added, removed or renamed, and make open pages reload (HTML at\n"
	"once, the PDF preview when its build is done; a change to the md or\n"
	"pdf templates rebuilds that format only). When the content has\n"
	"errors, every page shows them, as 'kitgen check' prints them, over the\n"
	"last good build, until they are fixed. /_kitgen/preview/FILE.pdf shows\n"
	"a PDF that reloads. The built files never carry the reload script.\n"
	"\n"
	"  -p, --port N          the port (default: 8000; 0 picks a free one)\n"
	"  -b, --bind ADDR       the address to listen on (default: 127.0.0.1,\n"
	"                        this machine only); 0.0.0.0 serves the network\n"
	"  -c, --content DIR     the content folder (default: content)\n"
	"  -t, --templates DIR   the templates folder (default: as kitgen build)\n"
	"  -l, --language LANG   serve the build in the translation\n"
	"                        DIR/translations/LANG (kitgen build --language)\n"
	"  -h, --help            show this help\n"
	"\n"
	"The first line on standard output is 'serving http://ADDR:PORT/'.\n"
	"SIGINT (Ctrl-C), SIGTERM or SIGHUP stops it and removes its folder.\n"
	"\n"
	"Exit status: 0 stopped by a signal, 2 usage error, 3 cannot listen or\n"
	"watch.\n";

typedef struct S_opts {
	const char *content, *templates, *bind;
	unsigned port;
	const char *language; /* NULL, or a translation's */
} S_opts;

/* A build running as a child: its pid and the read end of its stderr. */
typedef struct S_child {
	pid_t pid; /* 0: none */
	int err;
	kg_buf text;
	struct timespec t0; /* when it started */
} S_child;

typedef struct S_serve {
	S_opts o;
	char *dir;       /* the temporary folder */
	char *root;      /* what is served: dir, or dir/LANG */
	kg_httpd *httpd;
	kg_watch *watch;
	int sigfd;
	S_child full;    /* the Markdown and PDF build, when running */
	unsigned full_parts; /* its formats: KG_WATCH_MD, KG_WATCH_PDF */
} S_serve;

static int S_usage(const char *fmt, const char *arg)
{
	kg_buf msg = KG_BUF_INIT;

	kg_buf_puts(&msg, "kitgen serve: ");
	kg_printable_printf(&msg, fmt, arg);
	kg_buf_puts(&msg, "\nTry 'kitgen serve --help'.\n");
	fputs(msg.ptr, stderr);
	kg_buf_release(&msg);
	return S_EXIT_USAGE;
}

static int S_port(const char *arg, unsigned *port)
{
	char *end;
	unsigned long n;

	errno = 0;
	n = strtoul(arg, &end, 10);
	if (!*arg || *end || errno || n > 65535 || arg[0] == '-' || arg[0] == '+')
		return S_usage("bad --port '%s' (a number from 0 to 65535)", arg);
	*port = (unsigned)n;
	return 0;
}

static int S_is_address(const char *s)
{
	unsigned char buf[sizeof(struct in6_addr)];

	return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

/* Parse argv into o; -1 after --help, else 0 or an exit status. */
static int S_parse(int argc, char **argv, S_opts *o)
{
	static const struct option longopts[] = {
		{"port", required_argument, NULL, 'p'},
		{"bind", required_argument, NULL, 'b'},
		{"content", required_argument, NULL, 'c'},
		{"templates", required_argument, NULL, 't'},
		{"language", required_argument, NULL, 'l'},
		{"help", no_argument, NULL, 'h'},
		{NULL, 0, NULL, 0}};
	int c;

	optind = 1;
	opterr = 0;
	while ((c = getopt_long(argc, argv, ":p:b:c:t:l:h", longopts, NULL)) != -1) {
		if (c != ':' && c != '?' && optarg && !*optarg)
			return S_usage("option '%s' has an empty value", argv[optind - 1]);
		switch (c) {
		case 'p': if (S_port(optarg, &o->port)) return S_EXIT_USAGE; break;
		case 'b': o->bind = optarg; break;
		case 'c': o->content = optarg; break;
		case 't': o->templates = optarg; break;
		case 'l': o->language = optarg; break;
		case 'h': fputs(kg_serve_usage, stdout); return -1;
		case ':': return S_usage("option '%s' needs a value", argv[optind - 1]);
		default: return S_usage("unknown option '%s'", argv[optind - 1]);
		}
	}
	if (optind < argc)
		return S_usage("unexpected argument '%s'", argv[optind]);
	if (!S_is_address(o->bind))
		return S_usage("bad --bind '%s' (an IPv4 or IPv6 address, such as "
			       "127.0.0.1 or ::1)", o->bind);
	return 0;
}

/* ---- builds ------------------------------------------------------------- */

static double S_ms_since(const struct timespec *t0)
{
	struct timespec t;

	clock_gettime(CLOCK_MONOTONIC, &t);
	return (double)(t.tv_sec - t0->tv_sec) * 1e3 +
	       (double)(t.tv_nsec - t0->tv_nsec) / 1e6;
}

/* The environment of a build: this one, with NO_COLOR=1 (diagnostics
 * become a page, not a terminal). The caller frees the array only. */
static char **S_build_env(void)
{
	extern char **environ;
	static char no_color[] = "NO_COLOR=1";
	size_t n = 0, i, k = 0;
	char **env;

	while (environ[n])
		n++;
	env = kg_xcalloc(n + 2, sizeof(*env));
	for (i = 0; i < n; i++)
		if (strncmp(environ[i], "NO_COLOR=", 9) != 0)
			env[k++] = environ[i];
	env[k] = no_color;
	return env;
}

/* Start `kitgen build` of formats (of one edition, or all when edition
 * is NULL) into s->dir; its stderr goes to c->err. Everything is made
 * before fork: the daemon's threads run, so the child calls only
 * async-signal-safe functions before exec. */
static int S_spawn(const S_serve *s, const char *formats, const char *edition,
		   S_child *c)
{
	char *argv[16] = {"kitgen", "build", "--quiet", "--content",
			  (char *)s->o.content, "--templates",
			  (char *)s->o.templates, "--out", s->dir, "--format",
			  (char *)formats};
	size_t n = 11;
	char **env = S_build_env();
	int fds[2], null = open("/dev/null", O_WRONLY | O_CLOEXEC);
	sigset_t none;

	if (edition) {
		argv[n++] = "--edition";
		argv[n++] = (char *)edition;
	}
	if (s->o.language) {
		argv[n++] = "--language";
		argv[n++] = (char *)s->o.language;
	}
	argv[n] = NULL;
	sigemptyset(&none);
	if (null < 0 || pipe2(fds, O_CLOEXEC) < 0) {
		if (null >= 0)
			close(null);
		free(env);
		return -1;
	}
	clock_gettime(CLOCK_MONOTONIC, &c->t0);
	c->pid = fork();
	if (c->pid == 0) {
		sigprocmask(SIG_SETMASK, &none, NULL);
		if (dup2(fds[1], STDERR_FILENO) < 0 || dup2(null, STDOUT_FILENO) < 0)
			_exit(127);
		execve("/proc/self/exe", argv, env);
		_exit(127);
	}
	close(fds[1]);
	close(null);
	free(env);
	if (c->pid < 0) {
		close(fds[0]);
		c->pid = 0;
		return -1;
	}
	c->err = fds[0];
	kg_buf_reset(&c->text);
	return 0;
}

/* Read what the child wrote; 1 at its end, 0 when more may come. */
static int S_drain(S_child *c)
{
	char chunk[4096];
	ssize_t n = read(c->err, chunk, sizeof(chunk));

	if (n > 0) {
		kg_buf_put(&c->text, chunk, (size_t)n);
		return 0;
	}
	return !(n < 0 && errno == EINTR);
}

/* Wait for the child's end; its exit status (128 + N for signal N). */
static int S_reap(S_child *c)
{
	int status = 0;

	while (!S_drain(c))
		;
	close(c->err);
	while (waitpid(c->pid, &status, 0) < 0 && errno == EINTR)
		;
	c->pid = 0;
	return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

/* Stop the background build, if any (a build stopped keeps the folder as
 * it was: all or nothing). */
static void S_stop_full(S_serve *s)
{
	if (!s->full.pid)
		return;
	kill(s->full.pid, SIGTERM);
	S_reap(&s->full);
}

/* Show the outcome of a build: diagnostics when it failed, none when not. */
static void S_outcome(S_serve *s, int rc, const S_child *c, const char *what)
{
	if (rc == 0) {
		kg_httpd_set_diagnostics(s->httpd, NULL);
		kg_fprintf_printable(stderr,
			"kitgen serve: built %s in %.0f ms\n", what,
			S_ms_since(&c->t0));
		return;
	}
	kg_httpd_set_diagnostics(s->httpd, c->text.len ? c->text.ptr :
				 "kitgen build failed and said nothing\n");
	fputs(c->text.ptr, stderr);
}

/* Start the background build of the formats in parts (KG_WATCH_MD,
 * KG_WATCH_PDF). */
static void S_start_full(S_serve *s, unsigned parts)
{
	parts &= KG_WATCH_MD | KG_WATCH_PDF;
	if (!parts)
		return;
	s->full_parts = parts;
	if (S_spawn(s, parts == KG_WATCH_MD ? "md" : parts == KG_WATCH_PDF ?
		    "pdf" : "md,pdf", NULL, &s->full) < 0)
		fprintf(stderr, "kitgen serve: cannot start a build: %s\n",
			strerror(errno));
}

/* The edition whose HTML page is at path (as served: "/ID.html"), or
 * NULL for the index and what is not a page. The caller frees it. */
static char *S_edition_of(const char *path)
{
	size_t n = strlen(path);

	if (path[0] != '/' || n < 7 || strcmp(path + n - 5, ".html") != 0 ||
	    strncmp(path, "/_kitgen/", 9) == 0 ||
	    (n >= 11 && strcmp(path + n - 11, "/index.html") == 0))
		return NULL;
	return kg_xstrndup(path + 1, n - 6);
}

/* Rebuild the HTML of the edition of the page opened last, alone, and
 * reload it: a few tens of milliseconds before the whole HTML is. Its
 * file is the same as the whole build's; a failure here is left for
 * that build to report. */
static void S_rebuild_open_page(S_serve *s)
{
	S_child one = {0, -1, KG_BUF_INIT, {0, 0}};
	char *page = kg_httpd_open_page(s->httpd);
	char *edition = page ? S_edition_of(page) : NULL;

	if (edition && S_spawn(s, "html", edition, &one) == 0 &&
	    S_reap(&one) == 0) {
		kg_httpd_set_diagnostics(s->httpd, NULL);
		kg_httpd_notify_early(s->httpd, page);
		kg_fprintf_printable(stderr, "kitgen serve: built %s in %.0f ms\n",
				     page, S_ms_since(&one.t0));
	}
	kg_buf_release(&one.text);
	free(edition);
	free(page);
}

/* Rebuild what the parts that changed touch: for content or the HTML
 * templates, the open page's HTML, then all of it (then pages reload)
 * and the rest in the background; for the Markdown or PDF templates,
 * only that format (and what a background build stopped here had still
 * to write). */
static void S_rebuild(S_serve *s, unsigned parts)
{
	S_child html = {0, -1, KG_BUF_INIT, {0, 0}};
	int rc;

	if (s->full.pid)
		parts |= s->full_parts;
	S_stop_full(s);
	if (!(parts & (KG_WATCH_CONTENT | KG_WATCH_HTML | KG_WATCH_OTHER))) {
		S_start_full(s, parts);
		return;
	}
	S_rebuild_open_page(s);
	rc = S_spawn(s, "html", NULL, &html) < 0 ? S_EXIT_IO : S_reap(&html);
	S_outcome(s, rc, &html, "the HTML");
	kg_httpd_notify(s->httpd, "reload");
	if (rc == 0)
		S_start_full(s, KG_WATCH_MD | KG_WATCH_PDF);
	kg_buf_release(&html.text);
}

/* The background build has ended: the PDF pages may reload, or every
 * page shows why it failed. */
static void S_full_done(S_serve *s)
{
	int rc = S_reap(&s->full);

	S_outcome(s, rc, &s->full, "the other formats");
	kg_httpd_notify(s->httpd, rc == 0 ? "pdf" : "reload");
}

/* ---- the loop ----------------------------------------------------------- */

/* Wait for a change, a signal or the background build; 1 to go on. */
static int S_step(S_serve *s)
{
	struct pollfd p[3] = {{s->sigfd, POLLIN, 0},
			      {kg_watch_fd(s->watch), POLLIN, 0},
			      {s->full.pid ? s->full.err : -1, POLLIN, 0}};
	unsigned parts;

	if (poll(p, 3, -1) < 0)
		return errno == EINTR;
	if (p[0].revents)
		return 0;
	if (p[1].revents && (parts = kg_watch_changed(s->watch)))
		S_rebuild(s, parts);
	else if (p[2].revents && S_drain(&s->full))
		S_full_done(s);
	return 1;
}

/* Block the stopping signals in every thread to come; read them from fd. */
static int S_signals(void)
{
	sigset_t set;

	sigemptyset(&set);
	sigaddset(&set, SIGINT);
	sigaddset(&set, SIGTERM);
	sigaddset(&set, SIGHUP);
	sigprocmask(SIG_BLOCK, &set, NULL);
	return signalfd(-1, &set, SFD_CLOEXEC);
}

static int S_start(S_serve *s)
{
	const char *why = NULL;
	kg_buf dir = KG_BUF_INIT;

	/* a signal, out of memory or a crash removes it too */
	if (kg_temp_dir("kitgen-serve", &dir) < 0) {
		fprintf(stderr, "kitgen serve: cannot create a temporary folder: %s\n",
			strerror(errno));
		kg_buf_release(&dir);
		return S_EXIT_IO;
	}
	s->dir = kg_buf_detach(&dir, NULL);
	/* a build with --language writes into dir/LANG: serve that */
	if (s->o.language) {
		kg_buf_printf(&dir, "%s/%s", s->dir, s->o.language);
		if (mkdir(dir.ptr, 0700) < 0) {
			fprintf(stderr, "kitgen serve: cannot create a temporary "
				"folder: %s\n", strerror(errno));
			kg_buf_release(&dir);
			return S_EXIT_IO;
		}
	} else {
		kg_buf_puts(&dir, s->dir);
	}
	s->root = kg_buf_detach(&dir, NULL);
	if (!(s->watch = kg_watch_new(s->o.content, s->o.templates, &why))) {
		kg_fprintf_printable(stderr,
			"kitgen serve: cannot watch '%s' and '%s': %s\n",
			s->o.content, s->o.templates, why);
		return S_EXIT_IO;
	}
	if (!(s->httpd = kg_httpd_start(s->root, s->o.bind, s->o.port, &why))) {
		kg_fprintf_printable(stderr,
			"kitgen serve: cannot serve on %s port %u: %s\n",
			s->o.bind, s->o.port, why);
		return S_EXIT_IO;
	}
	kg_fprintf_printable(stdout,
		"serving http://%s%s%s:%u/\n", strchr(s->o.bind, ':') ? "[" : "",
		s->o.bind, strchr(s->o.bind, ':') ? "]" : "",
		kg_httpd_port(s->httpd));
	fflush(stdout);
	return 0;
}

static void S_finish(S_serve *s)
{
	S_stop_full(s);
	kg_buf_release(&s->full.text);
	kg_httpd_stop(s->httpd);
	kg_watch_free(s->watch);
	if (s->dir)
		kg_remove_tree(s->dir);
	free(s->dir);
	free(s->root);
	if (s->sigfd >= 0)
		close(s->sigfd);
}

/* A folder that does not exist is a usage error, caught before listening. */
static int S_folder(const char *what, const char *dir)
{
	struct stat st;

	if (stat(dir, &st) == 0 && S_ISDIR(st.st_mode))
		return 0;
	kg_fprintf_printable(stderr,
		"kitgen serve: %s '%s' is not a folder\n", what, dir);
	return S_EXIT_USAGE;
}

int kg_serve_main(int argc, char **argv)
{
	S_serve s = {{"content", NULL, "127.0.0.1", 8000, NULL}, NULL, NULL,
		     NULL, NULL, -1, {0, -1, KG_BUF_INIT, {0, 0}}, 0};
	kg_diags d = KG_DIAGS_INIT;
	char *found = NULL;
	int rc = S_parse(argc, argv, &s.o);

	if (rc)
		return rc < 0 ? 0 : rc;
	if (!s.o.templates && !(s.o.templates = found = kg_default_templates(&d))) {
		kg_diags_print(&d, stderr, 0);
		kg_diags_free(&d);
		return S_EXIT_IO;
	}
	if (!(rc = S_folder("content", s.o.content)) &&
	    !(rc = S_folder("templates", s.o.templates)) &&
	    !(rc = s.o.language ? kg_translate_lang_ok("serve", s.o.content,
						       s.o.language) : 0) &&
	    (s.sigfd = S_signals()) >= 0 && !(rc = S_start(&s))) {
		S_rebuild(&s, KG_WATCH_ALL);
		while (S_step(&s))
			;
	}
	S_finish(&s);
	free(found);
	kg_diags_free(&d);
	return rc;
}
