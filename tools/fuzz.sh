#!/bin/sh
# fuzz.sh - run each libFuzzer harness for a while and say how it went.
#
#   tools/fuzz.sh SECONDS NAME...     (make fuzz / make fuzz-ci)
#
# Each build-fuzz/NAME runs for SECONDS, starting from the committed seeds
# in tests/fuzz/corpus/NAME/ (and tests/fuzz/regress/NAME/), keeping new
# inputs in build-fuzz/corpus/NAME/ and a crashing input in
# build-fuzz/crashes/. With tests/fuzz/NAME.dict it uses that dictionary.
# Prints one line per harness with the number of executions, and fails
# when any harness crashed, leaked, timed out or ran out of memory.
set -u
seconds=$1
shift
cd "$(dirname "$0")/.." || exit 2
mkdir -p build-fuzz/crashes
failed=0
for name in "$@"; do
	mkdir -p "build-fuzz/corpus/$name"
	set -- "build-fuzz/corpus/$name" "tests/fuzz/corpus/$name"
	[ -d "tests/fuzz/regress/$name" ] && set -- "$@" "tests/fuzz/regress/$name"
	dict=""
	[ -f "tests/fuzz/$name.dict" ] && dict="-dict=tests/fuzz/$name.dict"
	log="build-fuzz/$name.log"
	# libhyphen's own loss while loading a dictionary is not ours
	# shellcheck disable=SC2086
	ASAN_OPTIONS=detect_leaks=1 LSAN_OPTIONS=suppressions=tests/lsan.supp UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 \
	"build-fuzz/$name" -max_total_time="$seconds" -timeout=10 \
		-rss_limit_mb=2048 -malloc_limit_mb=1024 -max_len=65536 \
		-print_final_stats=1 -artifact_prefix="build-fuzz/crashes/$name-" \
		$dict "$@" >"$log" 2>&1
	status=$?
	runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
	if [ "$status" -eq 0 ]; then
		echo "ok - $name: ${runs:-?} executions in ${seconds} s, no crash"
	else
		failed=1
		echo "not ok - $name: status $status after ${runs:-?} executions"
		grep -E '^(==[0-9]+==ERROR|SUMMARY|.*runtime error)|artifact_prefix|Test unit written' "$log" |
			head -10 | sed 's/^/    /'
	fi
done
exit $failed
