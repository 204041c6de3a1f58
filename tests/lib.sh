# lib.sh - shared helpers for the shell test groups (tests/t-*.sh).
#
# A group prints one line per check: "ok - NAME" or "not ok - NAME", with
# the reason on the lines after a failure; run-tests.sh counts them.
# Source it from a group; it sets KITGEN, ROOT and a scratch folder TMP.

ROOT=$(cd "$(dirname "$0")/.." && pwd)
KITGEN=${KITGEN:-$ROOT/kitgen}
FIXTURE=$ROOT/tests/fixture/kit
TMP=$(mktemp -d "${TMPDIR:-/tmp}/kitgen-test.XXXXXX")
trap 'rm -rf "$TMP"' EXIT

ok() { echo "ok - $1"; }
not_ok() {
	echo "not ok - $1"
	shift
	[ $# -gt 0 ] && printf '%s\n' "$@" | sed 's/^/    /'
	return 0
}

# check NAME COMMAND...: ok when the command succeeds.
check() {
	name=$1
	shift
	if _out=$("$@" 2>&1); then ok "$name"; else not_ok "$name" "$_out"; fi
}

# same_text NAME EXPECTED_FILE ACTUAL_FILE: ok when identical, else a diff.
same_text() {
	if diff -u "$2" "$3" >"$TMP/diff" 2>&1; then
		ok "$1"
	else
		not_ok "$1" "$(head -40 "$TMP/diff")"
	fi
}

# A private copy of the fixture kit in $TMP/NAME; prints its path.
fixture_copy() {
	rm -rf "$TMP/$1"
	cp -R "$FIXTURE" "$TMP/$1"
	echo "$TMP/$1"
}

# A scratch git repository in DIR holding the fixture kit as content/ and
# whatever DIR already held, committed and tagged v0.3.1 (the fixture's
# version). Fails when git does.
fixture_repo() {
	mkdir -p "$1"
	mkdir -p "$1/content"
	cp -R "$FIXTURE/." "$1/content/"
	(cd "$1" && git init -q && git config user.email t@example.com &&
		git config user.name t && git add -A && git commit -qm one &&
		git tag v0.3.1) >/dev/null 2>&1
}

# mask_build_digest FILE...: the build digest in Markdown or in a PDF's
# text (pdftotext) replaced by "(build digest)", in place. It covers the
# templates and kitgen's version (digest.h), so golden files compare
# without it: t-digest.sh checks its value.
mask_build_digest() {
	for _f in "$@"; do
		sed -E 's/^(  - \*\*Build digest:\*\* `)[0-9a-f]{64}`$/\1(build digest)`/' "$_f" |
			awk 'want && /^[0-9a-f]+$/ && length($0) == 64 { print "(build digest)"; want = 0; next }
				$0 == "Build digest" { want = 1 } $0 != "" && $0 != "Build digest" { want = 0 }
				{ print }' >"$_f.masked" && mv "$_f.masked" "$_f"
	done
}
