#!/bin/sh
# t-changes-since.sh - `kitgen build --changes-since REV`: the public kit
# gains "What changed since VERSION" (kitgen diff against the content at
# REV) in every format; the panel packets do not; a bad REV writes nothing.
. "$(dirname "$0")/lib.sh"

repo=$TMP/repo
fixture_repo "$repo" || { not_ok "a scratch repository" "git failed"; exit 0; }
cd "$repo" || exit 1
build() { "$KITGEN" build -q --templates "$ROOT/templates" "$@" >"$TMP/out" 2>"$TMP/err"; }

# at the tag itself: nothing changed
build --changes-since v0.3.1 --out same --format md &&
	grep -q '^## <a id="changes-since"></a>What changed since 0.3.1$' same/fixture-kit.md &&
	grep -q '^Nothing has changed since version 0.3.1\.$' same/fixture-kit.md &&
	ok "at the tag itself: the section says nothing changed" ||
	not_ok "at the tag itself: the section says nothing changed" "$(cat "$TMP/err")"

sed -i 's/^version: .*/version: 0.4.0/' content/kit.yaml
sed -i 's/^title: Design a cache$/title: Design a shared cache/' content/topics/01-cache.yaml
build --changes-since v0.3.1 --out out
status=$?
[ "$status" = 0 ] && ok "build --changes-since v0.3.1 succeeds" ||
	not_ok "build --changes-since v0.3.1 succeeds" "status $status" "$(cat "$TMP/err")"
sed -n '/^## <a id="changes-since">/,/^## <a id="how-to-use">/p' out/fixture-kit.md | sed '$d' >"$TMP/got"
cat >"$TMP/want" <<'WANT'
## <a id="changes-since"></a>What changed since 0.3.1

Version 0.4.0 has 2 changes since version 0.3.1: questions, topics, scenarios, levels, areas and profiles added, removed or changed, by id.

### <a id="changes-changed"></a>Changed

  - kit: `version`: "0.3.1" → "0.4.0"
  - topic cache: `title`: "Design a cache" → "Design a shared cache"

WANT
same_text "the Markdown kit lists each change after its contents" "$TMP/want" "$TMP/got"
grep -q '^  - \[What changed since 0.3.1\](#changes-since)$' out/fixture-kit.md &&
	ok "the contents list the section first" || not_ok "the contents list the section first"
grep -q 'id="changes-since"' out/fixture-kit.html && grep -q 'Design a shared cache' out/fixture-kit.html &&
	ok "the HTML kit has it" || not_ok "the HTML kit has it"
if command -v pdftotext >/dev/null 2>&1; then
	pdftotext out/fixture-kit.pdf - | grep -q 'What changed since 0.3.1' &&
		ok "the PDF kit has it" || not_ok "the PDF kit has it"
fi
! grep -l 'What changed since' out/panels/* >/dev/null 2>&1 &&
	ok "the panel packets do not" || not_ok "the panel packets do not" "$(grep -l 'What changed since' out/panels/*)"
build --out plain --format md && ! grep -q 'What changed' plain/fixture-kit.md &&
	ok "without the option, no section" || not_ok "without the option, no section"

# a reworded text: the kit has the new words, the part says "reworded"
# (a word diff's ~~strikethrough~~ is not CommonMark)
sed -i 's/^exposes: Whether the candidate thinks about \*\*staleness\*\*\.$/exposes: |\n  Whether the candidate thinks hard about **staleness**\n  and eviction./' content/topics/01-cache.yaml
build --changes-since v0.3.1 --out reworded --format md &&
	grep -qx '  - topic cache: `exposes`: reworded' reworded/fixture-kit.md &&
	! grep -q '~~' reworded/fixture-kit.md &&
	ok "a reworded text is listed as reworded" ||
	not_ok "a reworded text is listed as reworded" "$(grep 'topic cache' reworded/fixture-kit.md)"

# a revision that is not there: nothing written, the reason given
before=$(ls -lR out | cksum)
build --changes-since v9.9.9 --out out
status=$?
[ "$status" != 0 ] && grep -q "v9.9.9" "$TMP/err" && [ "$(ls -lR out | cksum)" = "$before" ] &&
	ok "an unknown revision writes nothing and says so (status $status)" ||
	not_ok "an unknown revision writes nothing and says so" "status $status" "$(cat "$TMP/err")"
