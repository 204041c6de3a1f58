/* replay.c - run a libFuzzer harness over saved inputs, without libFuzzer */
/*
 * Linked with one harness (tests/fuzz/fuzz_*.c) by any C compiler, this
 * calls LLVMFuzzerTestOneInput once per file named on the command line, so
 * `make test` replays the seed corpora and every input that once crashed
 * (tests/fuzz/regress/) in the plain and sanitizer builds, with no clang.
 * Exits 0 when every input ran; a crash ends the run (tests/t-fuzz.sh).
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "buf.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int main(int argc, char **argv)
{
	int i;

	for (i = 1; i < argc; i++) {
		FILE *f = fopen(argv[i], "rb");
		kg_buf b = KG_BUF_INIT;
		char chunk[65536];
		size_t got;

		if (!f) {
			fprintf(stderr, "%s: cannot open %s\n", argv[0], argv[i]);
			return 1;
		}
		while ((got = fread(chunk, 1, sizeof(chunk), f)) > 0)
			kg_buf_put(&b, chunk, got);
		fclose(f);
		/* a private copy of exactly the input's size, as libFuzzer
		 * gives it, so reading past the end is caught */
		{
			uint8_t *copy = malloc(b.len ? b.len : 1);

			memcpy(copy, b.ptr, b.len);
			LLVMFuzzerTestOneInput(copy, b.len);
			free(copy);
		}
		kg_buf_release(&b);
	}
	return 0;
}
