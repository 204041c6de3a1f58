/* fuzz_cardpdf.c - libFuzzer harness: a filled panel packet PDF read back
 * as cards (cardpdf.c, with qpdf), against the fixture kit */
/*
 * The input is written to a scratch file and read with kg_card_load_pdf,
 * as `kitgen score` reads a PDF. The seeds (tests/fuzz/corpus/
 * fuzz_cardpdf/) are small forms with the fixture's field names, filled,
 * blank, nested and looping.
 *
 * Invariants: a PDF that loads gives at least one card, each of a round
 * of a packet edition; one that does not adds an error and no card.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cardfile.h"
#include "diag.h"
#include "kit.h"

#ifndef KG_FUZZ_TEMPLATES
#define KG_FUZZ_TEMPLATES "templates"
#endif

static kg_kit *S_kit;
static kg_card_kit S_ck;
static char S_path[64];

static void S_cleanup(void)
{
	unlink(S_path);
}

static void S_setup(void)
{
	kg_diags d = KG_DIAGS_INIT;
	int fd;

	S_kit = kg_kit_load(KG_FUZZ_TEMPLATES "/../tests/fixture/kit", &d);
	if (!S_kit || d.errors)
		abort();
	kg_diags_free(&d);
	kg_card_kit_init(&S_ck, S_kit);
	snprintf(S_path, sizeof(S_path), "/tmp/kg-fuzz-cardpdf.XXXXXX");
	if ((fd = mkstemp(S_path)) < 0)
		abort();
	close(fd);
	atexit(S_cleanup);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	kg_diags d = KG_DIAGS_INIT;
	kg_card *cards = NULL;
	size_t n = 0, cap = 0, i;
	FILE *f;
	int rc;

	if (!S_kit)
		S_setup();
	if (!(f = fopen(S_path, "wb")) || fwrite(data, 1, size, f) != size)
		abort();
	fclose(f);
	rc = kg_card_load_pdf(&S_ck, S_path, KG_CARD_KEEP_EVIDENCE, &cards, &n,
			      &cap, &d);
	if (rc == 0 && n == 0)
		abort();
	if (rc < 0 && (n != 0 || d.errors == 0))
		abort();
	for (i = 0; i < n; i++) {
		if (!cards[i].ed || !cards[i].r || !cards[i].interviewer)
			abort();
		kg_card_free(&cards[i]);
	}
	free(cards);
	kg_diags_free(&d);
	return 0;
}
