#!/bin/sh
# t-cases.sh - the bad-input suite: every tests/cases/*.case runs kitgen on
# a copy of the fixture kit changed by the case's setup, and must give
# exactly the diagnostics (FILE:LINE:COL: SEVERITY: MESSAGE lines) and the
# exit status the case states. After a failure, the earlier output in out/
# must be as it was, with no temporary file left beside it.
#
# A case file:
#   # what it tests
#   status 1                      expected exit status
#   args check --content content  optional; this is the default
#   ulimit -f 8                   optional: a limit kitgen runs under (a
#                                 file-size limit stands for a full disk)
#   --- setup                     shell commands run in the case folder,
#   sed -i ... content/kit.yaml   which holds content/ (a fixture copy),
#                                 templates/ (a copy) and out/
#   --- expect                    the diagnostic lines, exactly
#   content/kit.yaml:5:10: error: ...
#   --- after                     optional: shell commands run in the case
#   test -d out2/panels           folder after kitgen, that must succeed
#
# With UPDATE=1, a case's expect section is rewritten from what kitgen
# prints (review the diff before committing it).
. "$(dirname "$0")/lib.sh"

section() { # section NAME FILE: the lines of one '--- NAME' section
	awk -v want="--- $1" '
		/^--- / { on = ($0 == want); next }
		on { print }' "$2"
}

for case in "$ROOT"/tests/cases/*.case; do
	name=$(basename "$case" .case)
	dir="$TMP/$name"
	mkdir -p "$dir/out"
	cp -R "$FIXTURE" "$dir/content"
	cp -R "$ROOT/templates" "$dir/templates"
	printf 'earlier output\n' >"$dir/out/fixture-kit.md"
	status=$(sed -n 's/^status //p' "$case")
	args=$(sed -n 's/^args //p' "$case")
	limit=$(sed -n 's/^ulimit //p' "$case")
	[ -n "$args" ] || args="check --content content"
	section setup "$case" >"$dir/setup.sh"
	section expect "$case" >"$dir/expect"
	section after "$case" >"$dir/after.sh"
	(cd "$dir" && ROOT="$ROOT" sh ./setup.sh) >"$dir/setup.log" 2>&1 || {
		not_ok "$name: setup failed" "$(cat "$dir/setup.log")"
		continue
	}
	# Memory is capped (no case may grow without bound), but not under
	# AddressSanitizer, which reserves terabytes of address space.
	# shellcheck disable=SC2086
	(cd "$dir" && { [ -n "${KG_SANITIZED:-}" ] || ulimit -v 2000000; } &&
		{ [ -z "$limit" ] || ulimit $limit; } &&
		exec timeout 20 "$KITGEN" $args) >"$dir/stdout" 2>"$dir/stderr"
	got=$?
	grep -E '^[^ ].*: (error|warning|note): ' "$dir/stderr" >"$dir/got"
	if [ "${UPDATE:-}" = 1 ]; then
		# everything before the expect section but the after section,
		# which is written again at the end
		awk '/^--- expect$/ { print; exit }
			/^--- / { skip = ($0 == "--- after") }
			!skip { print }' "$case" >"$dir/new"
		cat "$dir/got" >>"$dir/new"
		if [ -s "$dir/after.sh" ]; then
			echo "--- after" >>"$dir/new"
			cat "$dir/after.sh" >>"$dir/new"
		fi
		cp "$dir/new" "$case"
	fi
	problems=""
	[ "$got" = "$status" ] || problems="exit status $got, expected $status"
	if ! diff -u "$dir/expect" "$dir/got" >"$dir/diff"; then
		problems="$problems
$(cat "$dir/diff")"
	fi
	if [ "$got" != 0 ]; then
		[ "$(cat "$dir/out/fixture-kit.md" 2>/dev/null)" = "earlier output" ] ||
			problems="$problems
earlier output in out/ was changed"
		[ "$(ls -A "$dir/out")" = "fixture-kit.md" ] ||
			problems="$problems
out/ holds: $(ls -A "$dir/out" | tr '\n' ' ')"
	fi
	if [ -s "$dir/after.sh" ] &&
		! (cd "$dir" && sh ./after.sh) >"$dir/after.log" 2>&1; then
		problems="$problems
the after section failed: $(cat "$dir/after.log")"
	fi
	if [ -z "$problems" ]; then
		ok "$name"
	else
		not_ok "$name" "$problems" "stderr:" "$(head -20 "$dir/stderr")"
	fi
done
