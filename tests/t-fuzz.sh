#!/bin/sh
# t-fuzz.sh - every fuzzer's seeds (tests/fuzz/corpus/NAME/) and every input
# that once made one crash (tests/fuzz/regress/NAME/) run through the
# harness again, in this build ($KG_BUILD/tests/replay_NAME: the harness
# without libFuzzer). Each harness checks its own invariants and aborts
# when one fails; under `make test-asan` the sanitizers watch too.
. "$(dirname "$0")/lib.sh"

BUILD=${KG_BUILD:-build}
for src in "$ROOT"/tests/fuzz/fuzz_*.c; do
	name=$(basename "$src" .c)
	bin="$ROOT/$BUILD/tests/replay_$name"
	if [ ! -x "$bin" ]; then
		not_ok "$name: no $BUILD/tests/replay_$name (make test builds it)"
		continue
	fi
	for set in corpus regress; do
		dir="$ROOT/tests/fuzz/$set/$name"
		[ -d "$dir" ] || continue
		n=$(find "$dir" -type f | wc -l)
		[ "$n" -gt 0 ] || continue
		if out=$(cd "$TMP" && find "$dir" -type f | LC_ALL=C sort |
			xargs "$bin" 2>&1); then
			ok "$name: the $n inputs of tests/fuzz/$set/$name"
		else
			not_ok "$name: tests/fuzz/$set/$name" "$(printf '%s\n' "$out" | head -30)"
		fi
	done
done
