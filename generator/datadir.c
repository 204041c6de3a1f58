/*
 * datadir.c - finding the installed templates (see datadir.h).
 *
 * The binary's own folder comes from /proc/self/exe; where that cannot be
 * read (not Linux, no /proc) the second place is skipped.
 */
#include "datadir.h"

#include <limits.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "alloc.h"
#include "buf.h"

#ifndef KG_DATADIR
#define KG_DATADIR "/usr/local/share/kitgen"
#endif

const char kg_datadir[] = KG_DATADIR;

static int S_is_dir(const char *path)
{
	struct stat st;

	return stat(path, &st) == 0 && S_ISDIR(st.st_mode);
}

/* BIN/../share/kitgen/templates for the running binary, into out; 0 when
 * the binary's path cannot be read. */
static int S_beside_binary(kg_buf *out)
{
	char exe[PATH_MAX];
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);
	char *slash;

	if (n <= 0)
		return 0;
	exe[n] = '\0';
	if (!(slash = strrchr(exe, '/')))
		return 0;
	*slash = '\0'; /* BIN */
	if ((slash = strrchr(exe, '/')))
		*slash = '\0'; /* BIN/.. */
	kg_buf_printf(out, "%s/share/kitgen/templates", exe);
	return 1;
}

char *kg_default_templates(kg_diags *d)
{
	kg_buf places[3] = {KG_BUF_INIT, KG_BUF_INIT, KG_BUF_INIT};
	kg_buf looked = KG_BUF_INIT;
	char *found = NULL;
	size_t n = 0, i;

	kg_buf_puts(&places[n++], "templates");
	n += S_beside_binary(&places[n]);
	kg_buf_printf(&places[n], "%s/templates", kg_datadir);
	/* an install in its own prefix: the last two are the same place */
	if (strcmp(places[n].ptr, places[n - 1].ptr) != 0)
		n++;
	else
		kg_buf_release(&places[n]);
	for (i = 0; i < n && !found; i++)
		if (S_is_dir(places[i].ptr))
			found = kg_buf_detach(&places[i], NULL);
	if (!found) {
		for (i = 0; i < n; i++)
			kg_buf_printf(&looked, "%s%s", i ? ", " : "",
				      i ? places[i].ptr : "./templates");
		kg_io_error(d, (kg_mark){NULL, 0, 0},
			    "no templates folder: looked in %s; give one with "
			    "--templates DIR", looked.ptr);
	}
	for (i = 0; i < n; i++)
		kg_buf_release(&places[i]);
	kg_buf_release(&looked);
	return found;
}
