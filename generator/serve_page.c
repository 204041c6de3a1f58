/*
 * serve_page.c - the live-reload script, the diagnostics box and the PDF
 * preview page that `kitgen serve` adds to what it sends.
 *
 * Everything here only builds bytes; the files on disk are never changed,
 * so a built page stays free of the script.
 */
#include "serve_page.h"

#include <string.h>
#include <strings.h>

/* The events: "reload" after the HTML is rebuilt (or breaks, or is
 * fixed), "pdf" after the PDF is. The stream names the page, whose own
 * file serve rebuilds first, and the reloads it was served after (seen:
 * one that comes before the stream opens still reaches it). A page
 * reloads itself; the preview page reloads its frame. Links to a PDF of
 * the site open its preview page. */
static const char S_script_open[] =
	"(function(){var s=new EventSource('/_kitgen/events?page='+"
	"encodeURIComponent(location.pathname)+'&seen=";
static const char S_script_rest[] =
	"');"
	"var f=document.getElementById('kitgen-pdf');"
	"s.addEventListener('reload',function(){location.reload();});"
	"s.addEventListener('pdf',function(){if(f)"
	"f.src=f.src.split('?')[0]+'?'+Date.now();});"
	"document.querySelectorAll('a[href$=\\'.pdf\\']').forEach(function(a){"
	"var u=new URL(a.href,location.href);if(u.origin===location.origin)"
	"a.href='/_kitgen/preview'+u.pathname;});})();";

static const char S_box_style[] =
	"position:fixed;top:0;inset-inline:0;max-height:70vh;overflow:auto;"
	"z-index:2147483647;margin:0;padding:1em;background:#fff0f0;"
	"color:#600;border-bottom:3px solid #c00;font:13px/1.4 monospace;"
	"white-space:pre-wrap";

static void S_escape(kg_buf *out, const char *s)
{
	for (; *s; s++) {
		switch (*s) {
		case '&': kg_buf_puts(out, "&amp;"); break;
		case '<': kg_buf_puts(out, "&lt;"); break;
		case '>': kg_buf_puts(out, "&gt;"); break;
		case '"': kg_buf_puts(out, "&quot;"); break;
		case '\'': kg_buf_puts(out, "&#39;"); break;
		default: kg_buf_putc(out, *s);
		}
	}
}

/* The diagnostics box (when diag) and the script. */
static void S_tail(kg_buf *out, const char *nonce, unsigned long seen,
		   const char *diag)
{
	if (diag) {
		/* diagnostics (file:line:col: ...) read left to right, on a
		 * right-to-left kit's page too */
		kg_buf_printf(out, "<pre id=\"kitgen-diagnostics\" role=\"alert\" dir=\"ltr\" "
			      "style=\"%s\">", S_box_style);
		S_escape(out, diag);
		kg_buf_puts(out, "</pre>\n");
	}
	kg_buf_printf(out, "<script nonce=\"%s\">%s%lu%s</script>\n", nonce,
		      S_script_open, seen, S_script_rest);
}

/* Where a case-insensitive needle is in the len bytes at hay, or NULL. */
static const char *S_find(const char *hay, size_t len, const char *needle,
			  int last)
{
	size_t n = strlen(needle), i;
	const char *found = NULL;

	for (i = 0; n <= len && i <= len - n; i++) {
		if (strncasecmp(hay + i, needle, n) == 0) {
			found = hay + i;
			if (!last)
				break;
		}
	}
	return found;
}

/* Where, inside the page's Content-Security-Policy meta element, its
 * policy starts (just after content="), or NULL when it has none. */
static const char *S_policy(const char *html, size_t len)
{
	const char *meta = S_find(html, len, "http-equiv=\"content-security-policy\"", 0);
	const char *end, *content;

	if (!meta)
		return NULL;
	end = memchr(meta, '>', len - (size_t)(meta - html));
	if (!end)
		return NULL;
	content = S_find(meta, (size_t)(end - meta), "content=\"", 0);
	return content ? content + strlen("content=\"") : NULL;
}

void kg_serve_inject(const char *html, size_t len, const char *nonce,
		     unsigned long seen, const char *diag, kg_buf *out)
{
	const char *policy = S_policy(html, len);
	const char *body = S_find(html, len, "</body>", 1);
	size_t at = 0;

	if (policy) {
		/* a page with a script of its own (a packet's form script)
		 * names it in its script-src: the nonce joins that one, since
		 * a policy heeds only the first of two */
		const char *end = memchr(policy, '"', len - (size_t)(policy - html));
		const char *own = end ? S_find(policy, (size_t)(end - policy),
					       "script-src ", 0) : NULL;

		at = (size_t)(policy - html);
		kg_buf_put(out, html, at);
		if (own) {
			kg_buf_puts(out, "connect-src 'self'; frame-src 'self'; ");
			own += strlen("script-src ");
			kg_buf_put(out, html + at, (size_t)(own - html) - at);
			kg_buf_printf(out, "'nonce-%s' ", nonce);
			at = (size_t)(own - html);
		} else {
			kg_buf_printf(out, "script-src 'nonce-%s'; connect-src "
				      "'self'; frame-src 'self'; ", nonce);
		}
	}
	if (body && body >= html + at) {
		kg_buf_put(out, html + at, (size_t)(body - html) - at);
		at = (size_t)(body - html);
	} else {
		kg_buf_put(out, html + at, len - at);
		at = len;
	}
	S_tail(out, nonce, seen, diag);
	kg_buf_put(out, html + at, len - at);
}

const char *kg_serve_own_csp(const char *nonce, kg_buf *out)
{
	kg_buf_printf(out, "default-src 'none'; style-src 'unsafe-inline'; "
		      "script-src 'nonce-%s'; connect-src 'self'; "
		      "frame-src 'self'; object-src 'self'; base-uri 'none'",
		      nonce);
	return out->ptr;
}

void kg_serve_own_page(const char *url, const char *nonce, unsigned long seen,
		       const char *diag, kg_buf *out)
{
	kg_buf_puts(out, "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n"
		    "<meta charset=\"utf-8\">\n<title>");
	S_escape(out, url ? url : "kitgen serve");
	kg_buf_puts(out, "</title>\n<style>html,body{margin:0;height:100%}"
		    "iframe{border:0;width:100%;height:100%}</style>\n"
		    "</head>\n<body>\n");
	if (url) {
		kg_buf_puts(out, "<iframe id=\"kitgen-pdf\" title=\"PDF preview\" src=\"");
		S_escape(out, url);
		kg_buf_puts(out, "\"></iframe>\n");
	} else if (!diag) {
		kg_buf_puts(out, "<p>Building…</p>\n");
	}
	S_tail(out, nonce, seen, diag);
	kg_buf_puts(out, "</body>\n</html>\n");
}

int kg_serve_path_ok(const char *path)
{
	const char *seg = path;

	if (path[0] != '/' || strchr(path, '\\'))
		return 0;
	while (seg) {
		const char *next = strchr(seg + 1, '/');
		size_t n = next ? (size_t)(next - seg - 1) : strlen(seg + 1);

		if (n == 2 && strncmp(seg + 1, "..", 2) == 0)
			return 0;
		seg = next;
	}
	return 1;
}

const char *kg_serve_content_type(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"},
		{".md", "text/markdown; charset=utf-8"},
		{".pdf", "application/pdf"},
		{".css", "text/css; charset=utf-8"},
		{".js", "text/javascript; charset=utf-8"},
		{".json", "application/json"},
		{".txt", "text/plain; charset=utf-8"},
		{".png", "image/png"},
		{".svg", "image/svg+xml"}};
	size_t n = strlen(name), i;

	for (i = 0; i < sizeof(types) / sizeof(*types); i++) {
		size_t e = strlen(types[i].ext);

		if (n >= e && strcasecmp(name + n - e, types[i].ext) == 0)
			return types[i].type;
	}
	return "application/octet-stream";
}
