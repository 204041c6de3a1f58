/*
 * lazylib.c - libqpdf and libmicrohttpd loaded on first use (lazylib.h).
 *
 * The sonames come from the Makefile (the ones the linker would have
 * recorded, read from the libraries found at build time), so the library
 * loaded is the one the headers were, as when it was linked.
 */
#define KG_LAZYLIB_IMPL
#include "lazylib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <string.h>

#ifndef KG_QPDF_SONAME
#define KG_QPDF_SONAME "libqpdf.so"
#endif
#ifndef KG_MHD_SONAME
#define KG_MHD_SONAME "libmicrohttpd.so"
#endif

kg_qpdf_fns kg_qpdf;
kg_mhd_fns kg_mhd;

static char S_why[512];

/* Open soname and fill n function pointers at fns from names: NULL or
 * why not. loaded: set once it all worked. */
static const char *S_load(const char *soname, const char *const *names,
			  void *fns, size_t n, int *loaded)
{
	void *h;
	size_t i;

	if (*loaded)
		return NULL;
	if (!(h = dlopen(soname, RTLD_NOW | RTLD_LOCAL))) {
		snprintf(S_why, sizeof(S_why), "cannot load %s: %s", soname, dlerror());
		return S_why;
	}
	for (i = 0; i < n; i++) {
		void *f = dlsym(h, names[i]);

		if (!f) {
			snprintf(S_why, sizeof(S_why), "%s has no %s", soname, names[i]);
			dlclose(h);
			return S_why;
		}
		/* a function pointer from dlsym's void * (POSIX's way) */
		memcpy((char *)fns + i * sizeof(f), &f, sizeof(f));
	}
	*loaded = 1; /* kept open for the rest of the run */
	return NULL;
}

#define KG_LAZY_NAME(f) #f,

const char *kg_lazy_qpdf(void)
{
	static const char *const names[] = {KG_QPDF_FUNCS(KG_LAZY_NAME)};
	static int loaded;

	_Static_assert(sizeof(kg_qpdf) == sizeof(names), "one pointer a name");
	return S_load(KG_QPDF_SONAME, names, &kg_qpdf,
		      sizeof(names) / sizeof(*names), &loaded);
}

const char *kg_lazy_mhd(void)
{
	static const char *const names[] = {KG_MHD_FUNCS(KG_LAZY_NAME)};
	static int loaded;

	_Static_assert(sizeof(kg_mhd) == sizeof(names), "one pointer a name");
	return S_load(KG_MHD_SONAME, names, &kg_mhd,
		      sizeof(names) / sizeof(*names), &loaded);
}
