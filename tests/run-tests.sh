#!/bin/sh
# run-tests.sh - run every test of kitgen and print one summary line.
#
# Groups: the cmocka unit tests (build/tests/test_*, TAP output), the
# Mustache spec (build/tests/mustache_spec) and the shell groups
# tests/t-*.sh. Each group's output is shown; the run ends with
# "N passed, M failed" and exits non-zero on any failure.
#
# KG_BUILD (default build) is the folder of the unit tests and the spec
# runner, KITGEN the program: `make test-asan` points both at the
# sanitizer build.
set -u
ROOT=$(cd "$(dirname "$0")/.." && pwd)
cd "$ROOT" || exit 2
export KITGEN="${KITGEN:-$ROOT/kitgen}"
BUILD=${KG_BUILD:-build}
log=$(mktemp)
trap 'rm -f "$log"' EXIT
passed=0
failed=0

count() { # count the ok / not ok lines of $log
	p=$(grep -c '^ok ' "$log")
	f=$(grep -c '^not ok ' "$log")
	passed=$((passed + p))
	failed=$((failed + f))
}

group() { # group NAME COMMAND...
	name=$1
	shift
	printf '\n== %s\n' "$name"
	"$@" >"$log" 2>&1
	status=$?
	cat "$log"
	before=$failed
	count
	if [ "$status" -ne 0 ] && [ "$failed" -eq "$before" ]; then
		echo "not ok - $name exited with status $status"
		failed=$((failed + 1))
	fi
}

for t in "$BUILD"/tests/test_*; do
	[ -x "$t" ] || continue
	group "unit: ${t##*/}" env CMOCKA_MESSAGE_OUTPUT=TAP "$t"
done

printf '\n== mustache spec\n'
"$BUILD"/tests/mustache_spec tests/mustache-spec/*.yml >"$log" 2>&1
status=$?
cat "$log"
line=$(grep -E '^[0-9]+ passed, [0-9]+ failed$' "$log" | tail -1)
if [ -n "$line" ]; then
	passed=$((passed + ${line%% *}))
	f=${line#*, }
	failed=$((failed + ${f%% *}))
fi
if [ "$status" -ne 0 ] && [ -z "$line" ]; then
	echo "not ok - mustache spec exited with status $status"
	failed=$((failed + 1))
fi

for t in tests/t-*.sh; do
	[ -f "$t" ] || continue
	group "${t#tests/}" sh "$t"
done

echo
echo "$passed passed, $failed failed"
[ "$failed" -eq 0 ]
