/*
 * serve_http.h - the HTTP side of `kitgen serve`: a libmicrohttpd daemon
 * that serves one folder read-only, adds the live-reload script (and the
 * diagnostics of a broken build) to the HTML pages it serves, and pushes
 * server-sent events to open pages.
 *
 * Routes: /_kitgen/events[?page=PATH&seen=N] (text/event-stream: "event:
 * reload" after each build of the HTML, or of PATH's own edition ahead of
 * it, and when N reloads have come since PATH was served; "event: pdf"
 * after each build of the PDF),
 * /_kitgen/preview/PATH.pdf (a page that shows PATH.pdf and reloads it),
 * anything else a file under the root ("/" and folders: index.html). A
 * path with a ".." segment is refused with 403; one that resolves (through
 * symbolic links) outside the root, or to nothing, with 404. The files on
 * disk are never changed: the script is added to the bytes sent.
 *
 * The daemon runs its own threads; the functions below may be called from
 * the main thread while it runs.
 */
#ifndef KG_SERVE_HTTP_H
#define KG_SERVE_HTTP_H

typedef struct kg_httpd kg_httpd;

/* Serve root (an existing folder) on addr:port (addr an IPv4 or IPv6
 * address; port 0 picks a free one). NULL on failure, with *why set to a
 * static description. The caller stops it with kg_httpd_stop. */
kg_httpd *kg_httpd_start(const char *root, const char *addr, unsigned port,
			 const char **why);

/* The port it listens on (the one picked when 0 was asked). */
unsigned kg_httpd_port(const kg_httpd *h);

/* Set the diagnostics that served pages show over the last good page
 * (copied), or clear them with NULL. */
void kg_httpd_set_diagnostics(kg_httpd *h, const char *text);

/* Tell every open page: event is "reload" (HTML rebuilt or diagnostics
 * changed) or "pdf" (the PDF files rebuilt). A page told of this rebuild
 * early (below) is not told again, unless the rebuild failed (the
 * diagnostics are set). */
void kg_httpd_notify(kg_httpd *h, const char *event);

/* Tell the pages open at path page (as their event stream named it) to
 * reload now: their own file is rebuilt, ahead of the rest. */
void kg_httpd_notify_early(kg_httpd *h, const char *page);

/* The path of the page whose event stream opened last, of those that
 * named one, or NULL. The caller frees it. */
char *kg_httpd_open_page(kg_httpd *h);

/* End every event stream, stop the daemon and free h. */
void kg_httpd_stop(kg_httpd *h);

#endif
