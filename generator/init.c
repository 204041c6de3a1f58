/*
 * init.c - `kitgen init`: render the embedded skeleton for a role into a
 * new folder (see init.h).
 *
 * All or nothing: the kit is written and checked in a temporary folder,
 * then moved into place. A new folder is made beside the target (same
 * parent, so one rename puts it there); an existing empty folder keeps
 * its identity (a shell inside it stays there), so the kit is made inside
 * it, in a hidden folder, and its entries renamed up, or back on failure.
 *
 * The role reaches YAML double-quoted scalars, YAML block scalars and
 * CommonMark text unescaped, so kg_init_bad_role admits only characters
 * that mean nothing special in any of them.
 */
#define _GNU_SOURCE /* renameat2 */
#include "init.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "alloc.h"
#include "cleanup.h"
#include "embedded.h"
#include "kit.h"
#include "node.h"
#include "output.h"
#include "schema_json.h"
#include "template.h"
#include "utf8.h"

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

/* The folder that holds path (path without its last component and any
 * slashes before it): "." for "kit", "/" for "/kit". The caller frees it. */
static char *S_parent(const char *path)
{
	size_t n = strlen(path);

	while (n > 1 && path[n - 1] == '/')
		n--;
	while (n > 0 && path[n - 1] != '/')
		n--;
	while (n > 1 && path[n - 1] == '/')
		n--;
	return n == 0 ? kg_xstrdup(".") : kg_xstrndup(path, n);
}

/* Whether dir, an existing folder, is empty; -1 when it cannot be read. */
static int S_is_empty(const char *dir)
{
	struct dirent *e;
	DIR *dp = opendir(dir);
	int empty = 1;

	if (!dp)
		return -1;
	while (empty && (e = readdir(dp)))
		empty = strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0;
	closedir(dp);
	return empty;
}

/* Why a dir that does not exist cannot be made: its parent folder is
 * missing or no folder. */
static const char *S_bad_parent(const char *dir)
{
	static char why[256];
	char *parent = S_parent(dir);
	struct stat st;
	const char *rc = NULL;

	if (stat(parent, &st) < 0 || !S_ISDIR(st.st_mode)) {
		snprintf(why, sizeof(why), "its folder '%.200s' does not exist",
			 parent);
		rc = why;
	}
	free(parent);
	return rc;
}

const char *kg_init_bad_dir(const char *dir)
{
	struct stat st;
	int empty;

	if (!*dir)
		return "the path is empty";
	if (stat(dir, &st) < 0) {
		if (errno != ENOENT)
			return strerror(errno);
		if (lstat(dir, &st) == 0)
			return "it is a symbolic link to nothing";
		return S_bad_parent(dir);
	}
	if (!S_ISDIR(st.st_mode))
		return "it is not a folder";
	if ((empty = S_is_empty(dir)) < 0)
		return strerror(errno);
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

/* The schemas the skeleton's YAML files name on their first line, for
 * editors with the YAML language server: `kitgen schema NAME`. */
static const struct {
	const char *name, *path;
} S_schema_files[] = {
	{"kit", "schema/kit.schema.json"},
	{"topic", "schema/topic.schema.json"},
	{"scenarios", "schema/scenarios.schema.json"}};
#define S_NSCHEMAS (sizeof(S_schema_files) / sizeof(*S_schema_files))

/* Write the schemas into dir. 0 or -1. */
static int S_schemas(const char *dir, kg_diags *d)
{
	kg_buf path = KG_BUF_INIT, json = KG_BUF_INIT;
	size_t i;
	int rc = 0;

	kg_buf_printf(&path, "%s/schema", dir);
	if (mkdir(path.ptr, 0777) < 0)
		rc = kg_io_error(d, (kg_mark){path.ptr, 0, 0},
				 "cannot create folder: %s", strerror(errno));
	for (i = 0; i < S_NSCHEMAS && rc == 0; i++) {
		kg_buf_reset(&path);
		kg_buf_reset(&json);
		kg_buf_printf(&path, "%s/%s", dir, S_schema_files[i].path);
		rc = kg_schema_json(S_schema_files[i].name, &json, d);
		if (rc == 0)
			rc = kg_write_atomic(path.ptr, json.ptr, json.len, d);
	}
	kg_buf_release(&path);
	kg_buf_release(&json);
	return rc;
}

/* Render the skeleton for role into the existing folder dir. 0 or -1. */
static int S_fill(const char *dir, const char *role, kg_diags *d)
{
	kg_node *data = kg_node_new_map();
	kg_template_opts opts = {S_raw, NULL, NULL, true, NULL};
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

/* The kit in dir/content loads and checks clean, as `kitgen check` would
 * have it. 0, or -1 with the diagnostics. */
static int S_check_kit(const char *dir, kg_diags *d)
{
	kg_buf content = KG_BUF_INIT;
	size_t errors = d->errors;
	kg_kit *kit;

	kg_buf_printf(&content, "%s/content", dir);
	kit = kg_kit_load(content.ptr, d);
	kg_kit_check(kit, d);
	kg_kit_free(kit);
	kg_buf_release(&content);
	return d->errors == errors ? 0 : -1;
}

/* dir without the slashes at its end ("/" stays). The caller frees it. */
static char *S_trim(const char *dir)
{
	size_t n = strlen(dir);

	while (n > 1 && dir[n - 1] == '/')
		n--;
	return kg_xstrndup(dir, n);
}

/* A new, empty temporary folder for the kit: inside dir when dir is an
 * existing (empty) folder, else beside it, in the same parent folder, so
 * that a rename moves it into place. The caller removes and frees it;
 * NULL with a diagnostic when it cannot be made. */
static char *S_stage(const char *dir, int inside, kg_diags *d)
{
	kg_buf b = KG_BUF_INIT;
	char *parent = S_parent(dir);
	const char *base = strrchr(dir, '/') ? strrchr(dir, '/') + 1 : dir;

	if (inside)
		kg_buf_printf(&b, "%s/.kitgen-init-XXXXXX", dir);
	else if (base == dir) /* in the working folder: no "./" */
		kg_buf_printf(&b, ".%s.kitgen-init-XXXXXX", base);
	else
		kg_buf_printf(&b, "%s/.%s.kitgen-init-XXXXXX", parent, base);
	free(parent);
	if (!mkdtemp(b.ptr)) {
		kg_io_error(d, (kg_mark){dir, 0, 0},
			    "cannot create a temporary folder for the kit: %s",
			    strerror(errno));
		kg_buf_release(&b);
		return NULL;
	}
	return kg_buf_detach(&b, NULL);
}

/* rename(2) that never replaces: to must not exist (a file or folder made
 * there since dir was found empty is kept, and this fails with EEXIST). */
static int S_rename_new(const char *from, const char *to)
{
	struct stat st;

#ifdef RENAME_NOREPLACE
	if (renameat2(AT_FDCWD, from, AT_FDCWD, to, RENAME_NOREPLACE) == 0)
		return 0;
	if (errno != EINVAL && errno != ENOSYS)
		return -1;
#endif
	/* a file system without RENAME_NOREPLACE: look, then rename */
	if (lstat(to, &st) == 0) {
		errno = EEXIST;
		return -1;
	}
	return rename(from, to);
}

/* Move every entry of stage into dir; on a failure, move back those that
 * went. 0, or -1 with a diagnostic. */
static int S_move_entries(const char *stage, const char *dir, kg_diags *d)
{
	DIR *dp = opendir(stage);
	struct dirent *e;
	kg_buf from = KG_BUF_INIT, to = KG_BUF_INIT;
	char **moved = NULL;
	size_t n = 0, cap = 0, i;
	int rc = 0;

	if (!dp)
		return kg_io_error(d, (kg_mark){stage, 0, 0}, "cannot open folder: %s",
				   strerror(errno));
	while (rc == 0 && (e = readdir(dp))) {
		if (strcmp(e->d_name, ".") == 0 || strcmp(e->d_name, "..") == 0)
			continue;
		kg_buf_reset(&from);
		kg_buf_reset(&to);
		kg_buf_printf(&from, "%s/%s", stage, e->d_name);
		kg_buf_printf(&to, "%s/%s", dir, e->d_name);
		if (S_rename_new(from.ptr, to.ptr) < 0) {
			rc = kg_io_error(d, (kg_mark){to.ptr, 0, 0},
					 "cannot create: %s", strerror(errno));
			break;
		}
		KG_GROW(moved, cap, n + 1);
		moved[n++] = kg_xstrdup(e->d_name);
	}
	closedir(dp);
	for (i = 0; i < n; i++) {
		if (rc < 0) { /* undo: the folder is as empty as it was */
			kg_buf_reset(&from);
			kg_buf_reset(&to);
			kg_buf_printf(&from, "%s/%s", stage, moved[i]);
			kg_buf_printf(&to, "%s/%s", dir, moved[i]);
			rename(to.ptr, from.ptr);
		}
		free(moved[i]);
	}
	free(moved);
	kg_buf_release(&from);
	kg_buf_release(&to);
	return rc;
}

/* Give the staged folder the mode a new folder gets, and rename it to dir.
 * 0, or -1 with a diagnostic. */
static int S_rename_into_place(const char *stage, const char *dir, kg_diags *d)
{
	mode_t mask = umask(0);

	umask(mask);
	if (chmod(stage, 0777 & ~mask) < 0 || S_rename_new(stage, dir) < 0)
		return kg_io_error(d, (kg_mark){dir, 0, 0},
				   "cannot create folder: %s", strerror(errno));
	return 0;
}

/* Register (or forget) stage/rel and the folders it is in. */
static void S_register_path(const char *stage, const char *rel,
			    void (*file)(const char *), void (*dir)(const char *))
{
	kg_buf path = KG_BUF_INIT;
	const char *slash;

	for (slash = strchr(rel, '/'); slash; slash = strchr(slash + 1, '/')) {
		kg_buf_reset(&path);
		kg_buf_printf(&path, "%s/%.*s", stage, (int)(slash - rel), rel);
		dir(path.ptr);
	}
	kg_buf_reset(&path);
	kg_buf_printf(&path, "%s/%s", stage, rel);
	file(path.ptr);
	kg_buf_release(&path);
}

/* Register (on) or forget (!on) everything the staged kit holds with the
 * cleanup registry, so that SIGINT, SIGTERM, SIGHUP or running out of
 * memory while it is written removes it all: each skeleton file and
 * schema, then their folders, the deepest first (the registry removes files before folders,
 * and folders in the reverse order of registration). A path registered
 * before it exists is no harm: removing it then fails quietly. */
static void S_register(const char *stage, int on)
{
	void (*file)(const char *) = on ? kg_cleanup_file : kg_cleanup_forget;
	void (*dir)(const char *) = on ? kg_cleanup_dir : kg_cleanup_forget;
	const kg_embedded_file *f;
	size_t i;

	dir(stage);
	for (f = kg_embedded; f->path; f++)
		S_register_path(stage, f->path, file, dir);
	for (i = 0; i < S_NSCHEMAS; i++)
		S_register_path(stage, S_schema_files[i].path, file, dir);
}

/* Move the checked kit from stage into place and remove what is left of
 * stage, with the signals held: an interruption comes before (the stage
 * is removed) or after (the kit is in place), never halfway. */
static int S_publish(const char *stage, const char *target, int inside,
		     int rc, kg_diags *d)
{
	sigset_t old;

	kg_cleanup_hold(&old);
	if (rc == 0)
		rc = inside ? S_move_entries(stage, target, d)
			    : S_rename_into_place(stage, target, d);
	if (rc < 0 || inside)
		kg_remove_tree(stage); /* all of it, or what is left: empty */
	S_register(stage, 0);
	kg_cleanup_release(&old);
	return rc;
}

int kg_init_write(const char *dir, const char *role, kg_diags *d)
{
	char *target = S_trim(dir), *stage;
	struct stat st;
	int inside = stat(target, &st) == 0, rc = -1;
	sigset_t old;

	kg_cleanup_hold(&old); /* no moment with a stage that is not listed */
	if ((stage = S_stage(target, inside, d)))
		S_register(stage, 1);
	kg_cleanup_release(&old);
	if (stage) {
		rc = S_fill(stage, role, d);
		if (rc == 0)
			rc = S_schemas(stage, d);
		if (rc == 0)
			rc = S_check_kit(stage, d);
		rc = S_publish(stage, target, inside, rc, d);
	}
	free(stage);
	free(target);
	return rc;
}
