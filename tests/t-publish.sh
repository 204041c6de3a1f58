#!/bin/sh
# t-publish.sh - tools/publish.sh, the CI recipe for publishing a kit on a
# tag, against a scratch git repository: a first release, a second one
# with its changelog, and the refusals (a tag that does not match the
# version, a tag that is not the commit checked out, no tag).
. "$(dirname "$0")/lib.sh"

PUBLISH=$ROOT/tools/publish.sh
export KITGEN
repo=$TMP/repo
fixture_repo "$repo" || { not_ok "a scratch repository" "git failed"; exit 0; }
cd "$repo" || exit 1
# the fixture's content is tagged v0.3.1 by fixture_repo
publish() { sh "$PUBLISH" --templates "$ROOT/templates" "$@" >"$TMP/out" 2>"$TMP/err"; }

publish && [ -s release/fixture-kit-0.3.1.pdf ] && grep -q 'first release' release/CHANGES.md &&
	ok "a first release: the PDF, and a changelog that says so" ||
	not_ok "a first release: the PDF, and a changelog that says so" "$(cat "$TMP/err")"
head -c 5 release/fixture-kit-0.3.1.pdf | grep -q '^%PDF-' &&
	ok "the PDF is a PDF" || not_ok "the PDF is a PDF"

# a second release: a question reworded, the version bumped, tagged
sed -i 's/^version: .*/version: 0.4.0/' content/kit.yaml
sed -i 's/^title: Design a cache$/title: Design a shared cache/' content/topics/01-cache.yaml
git add -A && git commit -qm two && git tag v0.4.0
publish && [ -s release/fixture-kit-0.4.0.pdf ] && [ ! -e release/fixture-kit-0.3.1.pdf ] &&
	ok "a second release replaces the release folder" ||
	not_ok "a second release replaces the release folder" "$(cat "$TMP/err")"
"$KITGEN" diff --git v0.3.1 --format md content >"$TMP/want"
[ -s "$TMP/want" ] && same_text "its changelog is kitgen diff --git v0.3.1 --format md" "$TMP/want" release/CHANGES.md
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext release/fixture-kit-0.4.0.pdf - | grep -q 'What changed since 0.3.1' &&
		ok "the PDF says what changed since the previous release" ||
		not_ok "the PDF says what changed since the previous release"
fi
grep -q 'Design a shared cache' release/CHANGES.md &&
	ok "the changelog names the change" || not_ok "the changelog names the change" "$(cat release/CHANGES.md)"
grep -q 'v0.4.0: wrote release/fixture-kit-0.4.0.pdf and release/CHANGES.md (changes since v0.3.1)' "$TMP/out" &&
	ok "it says what it wrote" || not_ok "it says what it wrote" "$(cat "$TMP/out")"

# refusals: nothing written, exit 1, the reason
refused() { # NAME PATTERN ARGS...
	name=$1 pattern=$2
	shift 2
	before=$(ls -R release | cksum)
	publish "$@"
	status=$?
	if [ "$status" = 1 ] && grep -q "$pattern" "$TMP/err" && [ "$(ls -R release | cksum)" = "$before" ] &&
		[ -z "$(ls -A . | grep publish)" ]; then
		ok "$name"
	else
		not_ok "$name" "status $status" "$(cat "$TMP/err")"
	fi
}
echo "note" >>README.md 2>/dev/null || :
git add -A && git commit -qm three && git tag v0.5.0
refused "a tag that does not match kit.yaml's version is refused" \
	"tag 'v0.5.0' does not match version '0.4.0' in content/kit.yaml"
GITHUB_REF_NAME=v0.5.0 refused "so is one CI names (GITHUB_REF_NAME)" "does not match version '0.4.0'"
refused "a tag that is not the commit checked out is refused" \
	"tag 'v0.4.0' is not the commit checked out" --tag v0.4.0
refused "a tag that is not vX.Y.Z is refused" "tag 'release-1' is not vX.Y.Z" --tag release-1
git commit -qm four --allow-empty
refused "no tag at HEAD is refused" "HEAD has no vX.Y.Z tag"
