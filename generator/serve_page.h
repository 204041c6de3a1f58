/*
 * serve_page.h - what `kitgen serve` adds to the pages it sends, and the
 * pages of its own: the live-reload script, the diagnostics box, the PDF
 * preview page; plus the checks on a requested path and its content type.
 * Pure functions of their arguments: no I/O.
 *
 * The script listens to /_kitgen/events, naming its page and the reloads
 * (seen) it was served after. Built pages carry a
 * Content-Security-Policy meta element that allows no script; the served
 * copy's policy gains "script-src 'nonce-N'; connect-src 'self'" so that
 * only serve's own script runs, and nothing else of the policy changes.
 */
#ifndef KG_SERVE_PAGE_H
#define KG_SERVE_PAGE_H

#include <stddef.h>

#include "buf.h"

/* Append to out the page html (len bytes, a built page) as served: with
 * the policy opened for the nonce, and before its last </body> (or at its
 * end) the diagnostics box (diag HTML-escaped; none when diag is NULL)
 * and the script, for a page served after seen reloads. */
void kg_serve_inject(const char *html, size_t len, const char *nonce,
		     unsigned long seen, const char *diag, kg_buf *out);

/* Append to out a page of serve's own: the PDF at url (an absolute path,
 * escaped here) in a frame that reloads when the PDF is rebuilt; or, when
 * url is NULL, a page that only shows diag (no build has succeeded yet). */
void kg_serve_own_page(const char *url, const char *nonce, unsigned long seen,
		       const char *diag, kg_buf *out);

/* Append the Content-Security-Policy header of serve's own pages to out;
 * returns out->ptr. */
const char *kg_serve_own_csp(const char *nonce, kg_buf *out);

/* Is the URL path (as decoded) absolute and free of ".." segments and
 * backslashes? */
int kg_serve_path_ok(const char *path);

/* The Content-Type for a file name, by its extension. Static text. */
const char *kg_serve_content_type(const char *name);

#endif
