/* pdf_labels.c - filling and checking the PDF edition's labels (pdf_labels.h) */
#include "pdf_labels.h"

#include <string.h>

#include "alloc.h"

/* Is the name of len bytes at p one of the words of list? */
static int S_listed(const char *list, const char *p, size_t len)
{
	while (*list) {
		size_t n = strcspn(list, " ");

		if (n == len && strncmp(list, p, len) == 0)
			return 1;
		list += n;
		list += strspn(list, " ");
	}
	return 0;
}

int kg_pdf_label_check(const char *label, const char *allowed, char **bad)
{
	const char *p = label;

	*bad = NULL;
	while ((p = strchr(p, '{')) != NULL) {
		const char *end = strchr(p, '}');

		if (!end) {
			*bad = kg_xstrdup("{");
			return -1;
		}
		if (!S_listed(allowed, p + 1, (size_t)(end - p - 1))) {
			*bad = kg_xstrndup(p + 1, (size_t)(end - p - 1));
			return -1;
		}
		p = end + 1;
	}
	return 0;
}

static const char *S_value(const char *const *vars, const char *p, size_t len)
{
	for (; vars[0] && vars[1]; vars += 2)
		if (strlen(vars[0]) == len && strncmp(vars[0], p, len) == 0)
			return vars[1];
	return "";
}

void kg_pdf_label_fill(kg_buf *out, const char *label,
		       const char *const *vars)
{
	const char *p = label;

	while (*p) {
		const char *open = strchr(p, '{');
		const char *end = open ? strchr(open, '}') : NULL;

		if (!open || !end) {
			kg_buf_puts(out, p);
			return;
		}
		kg_buf_put(out, p, (size_t)(open - p));
		kg_buf_puts(out, S_value(vars, open + 1, (size_t)(end - open - 1)));
		p = end + 1;
	}
}
