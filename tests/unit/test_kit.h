/* test_kit.h - for unit tests that need a kit that checks clean: load
 * and check the kit in dir, failing the test on any error (printed).
 * Header-only; the includer has cmocka.h and kit.h. The diagnostics are
 * freed here, so the kit's marks must not be printed afterwards. */
#ifndef KG_TEST_KIT_H
#define KG_TEST_KIT_H

#include <stdio.h>

#include "kit.h"

static inline kg_kit *kg_test_load_kit(const char *dir)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_kit *kit = kg_kit_load(dir, &d);

	kg_kit_check(kit, &d);
	if (d.errors)
		kg_diags_print(&d, stderr, 0);
	assert_int_equal(d.errors, 0);
	kg_diags_free(&d);
	return kit;
}

#endif
