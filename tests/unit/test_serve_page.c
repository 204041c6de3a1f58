/* test_serve_page.c - unit tests of what `kitgen serve` adds to a page it
 * sends (the script, the opened policy, the diagnostics box) and of its
 * checks on a requested path, as tables of input and expected output. */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <string.h>

#include <cmocka.h>

#include "buf.h"
#include "serve_page.h"

static void test_paths(void **state)
{
	static const struct {
		const char *path;
		int ok;
	} cases[] = {
		{"/", 1}, {"/index.html", 1}, {"/panels/a-b.pdf", 1},
		{"/..", 0}, {"/../etc/passwd", 0}, {"/panels/../../x", 0},
		{"/a/..", 0}, {"/a\\..\\b", 0}, {"relative", 0}, {"", 0},
		{"/..x", 1}, {"/x..", 1}, {"/.hidden", 1}, {"//a", 1}};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		if (kg_serve_path_ok(cases[i].path) != cases[i].ok)
			fail_msg("path '%s': expected %d", cases[i].path, cases[i].ok);
	}
}

static void test_content_types(void **state)
{
	static const char *const cases[][2] = {
		{"/a.html", "text/html; charset=utf-8"},
		{"/A.HTML", "text/html; charset=utf-8"},
		{"/a.md", "text/markdown; charset=utf-8"},
		{"/a.pdf", "application/pdf"},
		{"/a.css", "text/css; charset=utf-8"},
		{"/.kitgen.lock", "application/octet-stream"},
		{"/pdf", "application/octet-stream"}};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++)
		assert_string_equal(kg_serve_content_type(cases[i][0]), cases[i][1]);
}

/* The page as served, with the script itself cut out (it is one line). */
static void S_inject(const char *html, const char *diag, kg_buf *out)
{
	kg_buf b = KG_BUF_INIT;
	char *s, *e;

	kg_serve_inject(html, strlen(html), "N", 7, diag, &b);
	s = strstr(b.ptr, "<script nonce=\"N\">");
	assert_non_null(s);
	/* the stream names the page and the reloads it was served after */
	assert_non_null(strstr(s, "new EventSource('/_kitgen/events?page='+"
				  "encodeURIComponent(location.pathname)+'&seen=7');"));
	e = strstr(s, "</script>\n");
	assert_non_null(e);
	kg_buf_put(out, b.ptr, (size_t)(s - b.ptr));
	kg_buf_puts(out, "<script/>");
	kg_buf_puts(out, e + strlen("</script>\n"));
	kg_buf_release(&b);
}

static void test_inject(void **state)
{
	static const char *const cases[][3] = {
		/* page, diagnostics, page as served (script cut out) */
		{"<html><body>x</body></html>", NULL,
		 "<html><body>x<script/></body></html>"},
		{"<p>no body end", NULL, "<p>no body end<script/>"},
		{"<body>a</body><!-- </body> --></body>", NULL,
		 "<body>a</body><!-- </body> --><script/></body>"},
		{"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><body></body>",
		 NULL,
		 "<meta http-equiv=\"Content-Security-Policy\" content=\"script-src 'nonce-N'; "
		 "connect-src 'self'; frame-src 'self'; default-src 'none'\"><body><script/></body>"},
		/* a page with its own script: the nonce joins its script-src */
		{"<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
		 "script-src 'sha256-A'; base-uri 'none'\"><body></body>",
		 NULL,
		 "<meta http-equiv=\"Content-Security-Policy\" content=\"connect-src 'self'; "
		 "frame-src 'self'; default-src 'none'; script-src 'nonce-N' 'sha256-A'; "
		 "base-uri 'none'\"><body><script/></body>"},
		{"<body></body>", "f.yaml:1:2: error: 'x' <b> & \"y\"\n",
		 "<body><pre id=\"kitgen-diagnostics\" role=\"alert\" dir=\"ltr\" style=\"" },
	};
	size_t i;

	(void)state;
	for (i = 0; i < sizeof(cases) / sizeof(*cases); i++) {
		kg_buf got = KG_BUF_INIT;

		S_inject(cases[i][0], cases[i][1], &got);
		if (cases[i][1])
			assert_true(strncmp(got.ptr, cases[i][2], strlen(cases[i][2])) == 0);
		else
			assert_string_equal(got.ptr, cases[i][2]);
		kg_buf_release(&got);
	}
}

static void test_diagnostics_are_escaped(void **state)
{
	kg_buf got = KG_BUF_INIT;

	(void)state;
	S_inject("<body></body>", "f.yaml:1:2: error: 'x' <b> & \"y\"\n", &got);
	assert_non_null(strstr(got.ptr, ">f.yaml:1:2: error: &#39;x&#39; &lt;b&gt; "
				      "&amp; &quot;y&quot;\n</pre>\n<script/></body>"));
	kg_buf_release(&got);
}

static void test_preview_page(void **state)
{
	kg_buf page = KG_BUF_INIT, csp = KG_BUF_INIT;

	(void)state;
	kg_serve_own_page("/a\"b.pdf", "N", 12, NULL, &page);
	assert_non_null(strstr(page.ptr, "+'&seen=12');"));
	assert_non_null(strstr(page.ptr, "<iframe id=\"kitgen-pdf\" title=\"PDF preview\" "
				       "src=\"/a&quot;b.pdf\"></iframe>"));
	assert_non_null(strstr(kg_serve_own_csp("N", &csp), "script-src 'nonce-N'"));
	kg_buf_release(&page);
	kg_buf_release(&csp);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_paths),
		cmocka_unit_test(test_content_types),
		cmocka_unit_test(test_inject),
		cmocka_unit_test(test_diagnostics_are_escaped),
		cmocka_unit_test(test_preview_page),
	};

	return cmocka_run_group_tests(tests, NULL, NULL);
}
