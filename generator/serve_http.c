/*
 * serve_http.c - the HTTP daemon of `kitgen serve` (libmicrohttpd, one
 * thread per connection): files of one folder, read-only, plus the event
 * stream that tells open pages to reload.
 *
 * Invariants: every path served resolves (realpath) inside the root; the
 * shared state (diagnostics, event counters, the open streams, stopping)
 * is read and written under h->lock only; an event stream blocks its own
 * connection's thread on h->changed, and ends when the daemon stops.
 *
 * Reloads are counted: a stream tells its page to reload when the count
 * passes what it has told. An early reload (kg_httpd_notify_early) counts
 * one ahead, h->reloads + 1, for the streams of h->early_page only, and
 * the reload of the whole rebuild then reaches that count: those pages
 * reload once. If the rebuild fails after all, it counts past it, so
 * they show why.
 */
#include "serve_http.h"

#include <arpa/inet.h>
#include <limits.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

#include "alloc.h"
#include "buf.h"
#include "diag.h"
#include "file.h"
#include "lazylib.h" /* libmicrohttpd, loaded when first used */
#include "serve_page.h"

/* A served file is read whole; built files are far smaller. */
#define S_MAX_FILE ((size_t)256 << 20)
#define S_EVENTS "/_kitgen/events"
#define S_PREVIEW "/_kitgen/preview"

struct kg_httpd {
	struct MHD_Daemon *daemon;
	char *root; /* realpath of the folder served */
	char nonce[33];
	pthread_mutex_t lock;
	pthread_cond_t changed;
	char *diag;            /* NULL when the last build was clean */
	unsigned long reloads; /* "reload" events sent so far */
	unsigned long pdfs;    /* "pdf" events sent so far */
	char *early_page;      /* told of reload reloads + 1 early, or NULL */
	struct S_stream *streams; /* open, the newest first */
	int stopping;
};

/* One event stream: its page (the path it was opened from, or NULL) and
 * what it has told it so far. */
typedef struct S_stream {
	kg_httpd *h;
	char *page;
	unsigned long reloads, pdfs;
	int greeted;
	struct S_stream *next, **prev; /* in h->streams */
} S_stream;

/* Is page the one told early of the coming reload? (under h->lock) */
static int S_is_early(const kg_httpd *h, const char *page)
{
	return h->early_page && page && strcmp(page, h->early_page) == 0;
}

/* What a page at path is served with, read before its file: a copy of
 * the diagnostics to show (or NULL; the caller frees it), and in *seen
 * the reloads it comes after (its early one too, when its own file was
 * rebuilt ahead): a later one reaches its stream even if it comes before
 * the stream opens. */
static char *S_shown(kg_httpd *h, const char *path, unsigned long *seen)
{
	char *d;

	pthread_mutex_lock(&h->lock);
	d = h->diag ? kg_xstrdup(h->diag) : NULL;
	*seen = h->reloads + S_is_early(h, path);
	pthread_mutex_unlock(&h->lock);
	return d;
}

static enum MHD_Result S_send(struct MHD_Connection *c, unsigned status,
			      const char *type, kg_buf *body, const char *csp)
{
	size_t len = body->len;
	char *bytes = kg_buf_detach(body, NULL);
	struct MHD_Response *r = MHD_create_response_from_buffer(
		len, bytes, MHD_RESPMEM_MUST_FREE);
	enum MHD_Result ret;

	MHD_add_response_header(r, "Content-Type", type);
	MHD_add_response_header(r, "Cache-Control", "no-store");
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	if (csp)
		MHD_add_response_header(r, "Content-Security-Policy", csp);
	ret = MHD_queue_response(c, status, r);
	MHD_destroy_response(r);
	return ret;
}

static enum MHD_Result S_status(struct MHD_Connection *c, unsigned status,
				const char *text)
{
	kg_buf body = KG_BUF_INIT;

	kg_buf_printf(&body, "%u %s\n", status, text);
	return S_send(c, status, "text/plain; charset=utf-8", &body, NULL);
}

/* ---- the event stream --------------------------------------------------- */

/* Has s's page an early reload it has not told? (under h->lock) */
static int S_early(const S_stream *s)
{
	const kg_httpd *h = s->h;

	return s->reloads <= h->reloads && S_is_early(h, s->page);
}

/* The stream's connection has ended. */
static void S_stream_free(void *cls)
{
	S_stream *s = cls;

	pthread_mutex_lock(&s->h->lock);
	if ((*s->prev = s->next))
		s->next->prev = s->prev;
	pthread_mutex_unlock(&s->h->lock);
	free(s->page);
	free(s);
}

/* Write the next event into buf, waiting for one; a comment every 15 s
 * finds connections that have gone. */
static ssize_t S_stream_read(void *cls, uint64_t pos, char *buf, size_t max)
{
	S_stream *s = cls;
	kg_httpd *h = s->h;
	struct timespec until;
	int n = 0;

	(void)pos;
	if (!s->greeted) {
		s->greeted = 1;
		return snprintf(buf, max, "retry: 500\n: ready\n\n");
	}
	clock_gettime(CLOCK_REALTIME, &until);
	until.tv_sec += 15;
	pthread_mutex_lock(&h->lock);
	while (!h->stopping && s->reloads >= h->reloads && !S_early(s) &&
	       s->pdfs == h->pdfs &&
	       pthread_cond_timedwait(&h->changed, &h->lock, &until) == 0)
		;
	if (h->stopping)
		n = -1;
	else if (s->reloads < h->reloads)
		n = snprintf(buf, max, "event: reload\ndata: %lu\n\n",
			     s->reloads = h->reloads);
	else if (S_early(s))
		n = snprintf(buf, max, "event: reload\ndata: %lu\n\n",
			     s->reloads = h->reloads + 1);
	else if (s->pdfs != h->pdfs)
		n = snprintf(buf, max, "event: pdf\ndata: %lu\n\n",
			     s->pdfs = h->pdfs);
	else
		n = snprintf(buf, max, ": ping\n\n");
	pthread_mutex_unlock(&h->lock);
	return n < 0 ? MHD_CONTENT_READER_END_OF_STREAM : n;
}

/* An event stream; ?page=PATH names the page it was opened from (the
 * script sends location.pathname), so that page can reload early. */
static enum MHD_Result S_events(kg_httpd *h, struct MHD_Connection *c)
{
	S_stream *s = kg_xcalloc(1, sizeof(*s));
	const char *page = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
						       "page");
	const char *seen = MHD_lookup_connection_value(c, MHD_GET_ARGUMENT_KIND,
						       "seen");
	struct MHD_Response *r;
	enum MHD_Result ret;
	unsigned long n = 0;
	char *end = NULL;

	s->h = h;
	if (page && page[0] == '/' && strlen(page) < PATH_MAX &&
	    kg_serve_path_ok(page))
		s->page = kg_xstrdup(page);
	if (seen && *seen >= '0' && *seen <= '9')
		n = strtoul(seen, &end, 10);
	pthread_mutex_lock(&h->lock);
	/* a stream starts where its page was served (seen), else up to date */
	s->reloads = h->reloads;
	if (S_early(s))
		s->reloads = h->reloads + 1;
	if (end && !*end && n < s->reloads)
		s->reloads = n;
	s->pdfs = h->pdfs;
	if ((s->next = h->streams))
		s->next->prev = &s->next;
	s->prev = &h->streams;
	h->streams = s;
	pthread_mutex_unlock(&h->lock);
	r = MHD_create_response_from_callback(MHD_SIZE_UNKNOWN, 256,
					      S_stream_read, s, S_stream_free);
	MHD_add_response_header(r, "Content-Type", "text/event-stream");
	MHD_add_response_header(r, "Cache-Control", "no-store");
	ret = MHD_queue_response(c, MHD_HTTP_OK, r);
	MHD_destroy_response(r);
	return ret;
}

/* ---- files -------------------------------------------------------------- */

/* The file under the root that path names (index.html for a folder), as
 * a real path inside the root, or NULL. The caller frees it. */
static char *S_resolve(const kg_httpd *h, const char *path)
{
	kg_buf want = KG_BUF_INIT;
	char real[PATH_MAX];
	struct stat st;
	size_t n = strlen(h->root);
	char *found = NULL;

	kg_buf_printf(&want, "%s%s", h->root, path);
	if (stat(want.ptr, &st) == 0 && S_ISDIR(st.st_mode))
		kg_buf_puts(&want, "/index.html");
	if (realpath(want.ptr, real) && strncmp(real, h->root, n) == 0 &&
	    real[n] == '/' && stat(real, &st) == 0 && S_ISREG(st.st_mode))
		found = kg_xstrdup(real);
	kg_buf_release(&want);
	return found;
}

static int S_is_html(const char *path)
{
	return strncmp(kg_serve_content_type(path), "text/html", 9) == 0;
}

/* Nothing built yet (the first build failed): "/" shows the diagnostics. */
static enum MHD_Result S_no_site(kg_httpd *h, struct MHD_Connection *c)
{
	kg_buf page = KG_BUF_INIT, csp = KG_BUF_INIT;
	unsigned long seen;
	char *diag = S_shown(h, "/", &seen);
	enum MHD_Result ret;

	kg_serve_own_page(NULL, h->nonce, seen, diag, &page);
	ret = S_send(c, MHD_HTTP_OK, "text/html; charset=utf-8", &page,
		     kg_serve_own_csp(h->nonce, &csp));
	kg_buf_release(&csp);
	free(diag);
	return ret;
}

static enum MHD_Result S_file(kg_httpd *h, struct MHD_Connection *c,
			      const char *path)
{
	char *real = S_resolve(h, path);
	kg_diags d = KG_DIAGS_INIT;
	kg_buf bytes = KG_BUF_INIT, page = KG_BUF_INIT;
	enum MHD_Result ret;
	unsigned long seen;
	char *diag;

	if (!real)
		return strcmp(path, "/") == 0 ? S_no_site(h, c)
					      : S_status(c, MHD_HTTP_NOT_FOUND, "Not Found");
	diag = S_shown(h, path, &seen); /* before the file: never newer */
	if (kg_file_read(real, S_MAX_FILE, &bytes, &d) < 0) {
		ret = S_status(c, MHD_HTTP_NOT_FOUND, "Not Found");
	} else if (S_is_html(real)) {
		kg_serve_inject(bytes.ptr, bytes.len, h->nonce, seen, diag, &page);
		ret = S_send(c, MHD_HTTP_OK, kg_serve_content_type(real), &page, NULL);
	} else {
		ret = S_send(c, MHD_HTTP_OK, kg_serve_content_type(real), &bytes, NULL);
	}
	free(diag);
	kg_buf_release(&bytes);
	kg_buf_release(&page);
	kg_diags_free(&d);
	free(real);
	return ret;
}

static enum MHD_Result S_preview(kg_httpd *h, struct MHD_Connection *c,
				 const char *path)
{
	kg_buf page = KG_BUF_INIT, csp = KG_BUF_INIT;
	char *real = S_resolve(h, path), *diag;
	unsigned long seen;
	enum MHD_Result ret;

	if (!real || strcmp(kg_serve_content_type(real), "application/pdf") != 0) {
		free(real);
		return S_status(c, MHD_HTTP_NOT_FOUND, "Not Found");
	}
	diag = S_shown(h, path, &seen);
	kg_serve_own_page(path, h->nonce, seen, diag, &page);
	ret = S_send(c, MHD_HTTP_OK, "text/html; charset=utf-8", &page,
		     kg_serve_own_csp(h->nonce, &csp));
	kg_buf_release(&csp);
	free(diag);
	free(real);
	return ret;
}

static enum MHD_Result S_answer(void *cls, struct MHD_Connection *c,
				const char *url, const char *method,
				const char *version, const char *upload,
				size_t *upload_size, void **req)
{
	kg_httpd *h = cls;
	size_t np = strlen(S_PREVIEW);

	(void)version, (void)upload, (void)upload_size, (void)req;
	if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0)
		return S_status(c, MHD_HTTP_METHOD_NOT_ALLOWED, "Method Not Allowed");
	if (!kg_serve_path_ok(url))
		return S_status(c, MHD_HTTP_FORBIDDEN, "Forbidden");
	if (strcmp(url, S_EVENTS) == 0)
		return S_events(h, c);
	if (strncmp(url, S_PREVIEW, np) == 0 && url[np] == '/')
		return S_preview(h, c, url + np);
	return S_file(h, c, url);
}

/* ---- the daemon --------------------------------------------------------- */

/* A nonce for the script: not guessable by content in the page. */
static void S_nonce(char *out, size_t size)
{
	FILE *f = fopen("/dev/urandom", "rb");
	unsigned char raw[16] = {0};
	size_t i;

	if (f) {
		if (fread(raw, 1, sizeof(raw), f) != sizeof(raw))
			raw[0] ^= (unsigned char)time(NULL);
		fclose(f);
	}
	for (i = 0; i < sizeof(raw) && 2 * i + 2 < size; i++)
		snprintf(out + 2 * i, 3, "%02x", raw[i]);
}

/* Fill sa with addr:port; its length, or 0 when addr is no address. */
static socklen_t S_address(const char *addr, unsigned port,
			   struct sockaddr_in6 *sa, unsigned *flags)
{
	struct sockaddr_in *v4 = (struct sockaddr_in *)sa;

	memset(sa, 0, sizeof(*sa));
	if (inet_pton(AF_INET, addr, &v4->sin_addr) == 1) {
		v4->sin_family = AF_INET;
		v4->sin_port = htons((uint16_t)port);
		return sizeof(*v4);
	}
	if (inet_pton(AF_INET6, addr, &sa->sin6_addr) == 1) {
		sa->sin6_family = AF_INET6;
		sa->sin6_port = htons((uint16_t)port);
		*flags |= MHD_USE_IPv6;
		return sizeof(*sa);
	}
	return 0;
}

kg_httpd *kg_httpd_start(const char *root, const char *addr, unsigned port,
			 const char **why)
{
	struct sockaddr_in6 sa;
	unsigned flags = MHD_USE_THREAD_PER_CONNECTION |
			 MHD_USE_INTERNAL_POLLING_THREAD;
	char real[PATH_MAX];
	kg_httpd *h;

	if ((*why = kg_lazy_mhd()))
		return NULL;
	if (!S_address(addr, port, &sa, &flags)) {
		*why = "not an IPv4 or IPv6 address";
		return NULL;
	}
	if (!realpath(root, real)) {
		*why = "the output folder is gone";
		return NULL;
	}
	h = kg_xcalloc(1, sizeof(*h));
	h->root = kg_xstrdup(real);
	S_nonce(h->nonce, sizeof(h->nonce));
	pthread_mutex_init(&h->lock, NULL);
	pthread_cond_init(&h->changed, NULL);
	h->daemon = MHD_start_daemon(flags, 0, NULL, NULL, S_answer, h,
				     MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&sa,
				     MHD_OPTION_END);
	if (!h->daemon) {
		*why = "cannot listen there (address in use, or not this machine's)";
		kg_httpd_stop(h);
		return NULL;
	}
	return h;
}

unsigned kg_httpd_port(const kg_httpd *h)
{
	const union MHD_DaemonInfo *info =
		MHD_get_daemon_info(h->daemon, MHD_DAEMON_INFO_BIND_PORT);

	return info ? info->port : 0;
}

void kg_httpd_set_diagnostics(kg_httpd *h, const char *text)
{
	pthread_mutex_lock(&h->lock);
	free(h->diag);
	h->diag = text ? kg_xstrdup(text) : NULL;
	pthread_mutex_unlock(&h->lock);
}

void kg_httpd_notify(kg_httpd *h, const char *event)
{
	pthread_mutex_lock(&h->lock);
	if (strcmp(event, "pdf") == 0) {
		h->pdfs++;
	} else {
		/* the early page is up to date, unless the rebuild broke */
		h->reloads += 1 + (h->early_page && h->diag);
		free(h->early_page);
		h->early_page = NULL;
	}
	pthread_cond_broadcast(&h->changed);
	pthread_mutex_unlock(&h->lock);
}

void kg_httpd_notify_early(kg_httpd *h, const char *page)
{
	pthread_mutex_lock(&h->lock);
	free(h->early_page);
	h->early_page = kg_xstrdup(page);
	pthread_cond_broadcast(&h->changed);
	pthread_mutex_unlock(&h->lock);
}

char *kg_httpd_open_page(kg_httpd *h)
{
	const S_stream *s;
	char *page = NULL;

	pthread_mutex_lock(&h->lock);
	for (s = h->streams; s && !page; s = s->next)
		if (s->page)
			page = kg_xstrdup(s->page);
	pthread_mutex_unlock(&h->lock);
	return page;
}

void kg_httpd_stop(kg_httpd *h)
{
	if (!h)
		return;
	pthread_mutex_lock(&h->lock);
	h->stopping = 1;
	pthread_cond_broadcast(&h->changed);
	pthread_mutex_unlock(&h->lock);
	if (h->daemon)
		MHD_stop_daemon(h->daemon);
	pthread_cond_destroy(&h->changed);
	pthread_mutex_destroy(&h->lock);
	free(h->diag);
	free(h->early_page);
	free(h->root);
	free(h);
}
