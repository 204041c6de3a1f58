/* fuzz_template.c - libFuzzer harness: the Mustache engine on any template,
 * partials and data */
/*
 * The input is split at each line "~~~~" into parts: the data (YAML), the
 * template, then partials. Partial "0" is the first partial, "1" the
 * second, ...; partial "t" is the template itself (so recursion is one
 * tag away); any other name is missing. Inputs of even length render in
 * strict mode (a missing partial is an error), odd ones as the spec says.
 *
 * Invariants checked: a render that fails has reported an error, one that
 * succeeds has not; the output never exceeds the limit it was given.
 */
#define _GNU_SOURCE /* memmem */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"
#include "diag.h"
#include "node.h"
#include "template.h"
#include "yaml_load.h"

#define SEP "\n~~~~\n"
#define MAX_PARTS 16
#define MAX_OUTPUT (1u << 20)
#define MAX_STEPS (1u << 20)

typedef struct part {
	const char *s;
	size_t len;
} part;

typedef struct parts {
	part p[MAX_PARTS];
	size_t n;
} parts;

static void S_split(const char *s, size_t len, parts *ps)
{
	const char *end = s + len, *f;
	size_t seplen = strlen(SEP);

	ps->n = 0;
	while (ps->n + 1 < MAX_PARTS &&
	       (f = memmem(s, (size_t)(end - s), SEP, seplen))) {
		ps->p[ps->n].s = s;
		ps->p[ps->n++].len = (size_t)(f - s);
		s = f + seplen;
	}
	ps->p[ps->n].s = s;
	ps->p[ps->n++].len = (size_t)(end - s);
}

/* parts: [0] data, [1] template, [2..] partials "0", "1", ... */
static int S_partial(void *ctx, const char *name, kg_buf *out,
		     const char **file)
{
	const parts *ps = ctx;
	char *end;
	unsigned long k;

	if (strcmp(name, "t") == 0) {
		kg_buf_put(out, ps->p[1].s, ps->p[1].len);
		*file = "template";
		return 0;
	}
	if (name[0] < '0' || name[0] > '9')
		return -1;
	k = strtoul(name, &end, 10);
	if (*end || k + 2 >= ps->n)
		return -1;
	kg_buf_put(out, ps->p[k + 2].s, ps->p[k + 2].len);
	*file = name;
	return 0;
}

static void S_escape_upper(kg_buf *out, const char *s, size_t len)
{
	size_t i;

	for (i = 0; i < len; i++)
		kg_buf_putc(out, s[i] >= 'a' && s[i] <= 'z' ? s[i] - 32 : s[i]);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static FILE *null;
	kg_diags d = KG_DIAGS_INIT, dd = KG_DIAGS_INIT;
	kg_buf out = KG_BUF_INIT;
	kg_template_opts o;
	kg_node *yaml = NULL;
	parts ps;
	int rc;

	if (!null) {
		null = fopen("/dev/null", "w");
		kg_template_set_limits(MAX_OUTPUT, MAX_STEPS);
	}
	S_split((const char *)data, size, &ps);
	if (ps.n < 2)
		return 0;
	yaml = kg_node_load_string("data", ps.p[0].s, ps.p[0].len, &dd);
	memset(&o, 0, sizeof(o));
	o.partial = S_partial;
	o.partial_ctx = &ps;
	o.strict = size % 2 == 0;
	o.escape = size % 3 == 0 ? S_escape_upper : NULL;
	rc = kg_template_render("template", ps.p[1].s, ps.p[1].len, yaml, &o,
				&out, &d);
	if ((rc < 0) != (d.errors > 0))
		abort();
	if (out.len > MAX_OUTPUT)
		abort();
	kg_diags_print(&d, null, 0);
	kg_node_free(yaml);
	kg_buf_release(&out);
	kg_diags_free(&d);
	kg_diags_free(&dd);
	return 0;
}
