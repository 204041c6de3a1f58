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

# nu_check NAME [--no-langdetect] PAGE...: ok when the Nu Html Checker
# (npm's vnu-jar, on Java) finds no error or warning in the pages, else
# its first messages; not ok too when Java or the checker is missing, so
# the check never passes by not running.
VNU_JAR=$ROOT/node_modules/vnu-jar/build/dist/vnu.jar
nu_check() {
	_name=$1
	shift
	_opts=
	if [ "${1:-}" = --no-langdetect ]; then
		_opts=$1
		shift
	fi
	if ! command -v java >/dev/null 2>&1; then
		not_ok "$_name" "Java is not installed for the Nu Html Checker (apt-get install default-jre-headless)"
	elif [ ! -f "$VNU_JAR" ]; then
		not_ok "$_name" "vnu-jar is not installed (npm ci)"
	elif java -jar "$VNU_JAR" --Werror $_opts --format gnu "$@" >"$TMP/vnu" 2>&1; then
		ok "$_name"
	else
		not_ok "$_name" "$(sed "s|$TMP/||g" "$TMP/vnu" | head -20)"
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
