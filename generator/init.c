/*
 * init.c - `kitgen init`: render the embedded skeleton for a role into a
 * new folder (see init.h).
 *
 * The role reaches YAML double-quoted scalars, YAML block scalars and
 * CommonMark text unescaped, so kg_init_bad_role admits only characters
 * that mean nothing special in any of them.
 */
#include "init.h"

#include <dirent.h>
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "embedded.h"
#include "node.h"
#include "output.h"
#include "template.h"

#define S_ROLE_MAX 60

/* Length of the UTF-8 sequence at p (a NUL-terminated string), or 0 when
 * it is not valid UTF-8 or is a character YAML does not take as it is: a
 * C1 control, a line or paragraph separator, a byte order mark, U+FFFE or
 * U+FFFF. */
static size_t S_utf8_len(const unsigned char *p)
{
	unsigned cp;
	size_t n = kg_utf8_decode(p, strnlen((const char *)p, 4), &cp);

	if (n == 0 || (cp >= 0x80 && cp <= 0x9F) || cp == 0x2028 ||
	    cp == 0x2029 || cp == 0xFEFF || cp == 0xFFFE || cp == 0xFFFF)
		return 0;
	return n;
}

static int S_alnum(unsigned char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
	       (c >= '0' && c <= '9');
}

const char *kg_init_bad_role(const char *role)
{
	const unsigned char *p = (const unsigned char *)role;
	size_t chars = 0, n;
	int alnum = 0;

	if (!*p)
		return "the role is empty";
	if (*p == ' ' || p[strlen(role) - 1] == ' ')
		return "the role starts or ends with a space";
	for (; *p; p += n, chars++) {
		if (!(n = S_utf8_len(p)))
			return "the role is not valid UTF-8 text";
		if (n > 1)
			continue;
		alnum |= S_alnum(*p);
		if (!S_alnum(*p) && !strchr(" -/&+.,()", *p))
			return "a role may hold only letters, digits, spaces "
			       "and - / & + . , ( )";
	}
	if (chars > S_ROLE_MAX)
		return "the role is longer than 60 characters";
	if (!alnum)
		return "the role needs an ASCII letter or digit for the kit id";
	return NULL;
}

void kg_init_kit_id(const char *role, kg_buf *out)
{
	const unsigned char *p;
	int gap = 0;

	for (p = (const unsigned char *)role; *p; p++) {
		if (!S_alnum(*p)) {
			gap = 1;
			continue;
		}
		if (gap && out->len && out->ptr[out->len - 1] != '-')
			kg_buf_putc(out, '-');
		gap = 0;
		kg_buf_putc(out, *p >= 'A' && *p <= 'Z' ? *p - 'A' + 'a' : *p);
	}
	kg_buf_puts(out, "-interview-kit");
}

const char *kg_init_bad_dir(const char *dir)
{
	struct stat st;
	struct dirent *e;
	DIR *dp;
	int empty = 1;

	if (stat(dir, &st) < 0)
		return errno == ENOENT ? NULL : strerror(errno);
	if (!S_ISDIR(st.st_mode))
		return "it is not a folder";
	if (!(dp = opendir(dir)))
		return strerror(errno);
	while (empty && (e = readdir(dp)))
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(dp);
	return empty ? NULL : "it is not empty";
}

/* The role as prose mid-sentence: a first word written Capitalised
 * ("Data engineering") is lowered; "DevOps" and "SRE" are kept. */
static char *S_prose(const char *role)
{
	char *s = kg_xstrdup(role);
	size_t i = 1;

	while (s[i] >= 'a' && s[i] <= 'z')
		i++;
	if (s[0] >= 'A' && s[0] <= 'Z' && i > 1 && (s[i] == ' ' || s[i] == '\0'))
		s[0] = (char)(s[0] - 'A' + 'a');
	return s;
}

/* The role at the start of a title: its first letter raised. */
static char *S_title(const char *role)
{
	kg_buf b = KG_BUF_INIT;

	kg_buf_puts(&b, role);
	if (b.ptr[0] >= 'a' && b.ptr[0] <= 'z')
		b.ptr[0] = (char)(b.ptr[0] - 'a' + 'A');
	kg_buf_puts(&b, " interview kit");
	return kg_buf_detach(&b, NULL);
}

/* {{x}} copies the value as it is: the role is vetted (kg_init_bad_role). */
static void S_raw(kg_buf *out, const char *s, size_t len)
{
	kg_buf_put(out, s, len);
}

int kg_init_write(const char *dir, const char *role, kg_diags *d)
{
	kg_node *data = kg_node_new_map();
	kg_template_opts opts = {S_raw, NULL, NULL, true};
	kg_buf id = KG_BUF_INIT, text = KG_BUF_INIT, path = KG_BUF_INIT;
	char *prose = S_prose(role), *title = S_title(role);
	const kg_embedded_file *f;
	int rc = 0;

	kg_init_kit_id(role, &id);
	kg_node_set_str(data, "id", id.ptr);
	kg_node_set_str(data, "title", title);
	kg_node_set_str(data, "role", prose);
	for (f = kg_embedded; f->path && rc == 0; f++) {
		kg_buf_reset(&text);
		kg_buf_reset(&path);
		kg_buf_printf(&path, "%s/%s", dir, f->path);
		rc = kg_template_render(f->path, f->bytes, f->len, data, &opts,
					&text, d);
		if (rc == 0)
			rc = kg_write_atomic(path.ptr, text.ptr, text.len, d);
	}
	kg_node_free(data);
	kg_buf_release(&id);
	kg_buf_release(&text);
	kg_buf_release(&path);
	free(prose);
	free(title);
	return rc;
}
