#!/bin/sh
# t-markdown.sh - the Markdown kit: golden output on the fixture, lint on
# every Markdown file a build writes, stable bytes, and builds that fail
# leaving earlier outputs as they were.
. "$(dirname "$0")/lib.sh"
LINT="$ROOT/node_modules/.bin/markdownlint-cli2"

"$KITGEN" build --content "$FIXTURE" --templates "$ROOT/templates" \
	--out "$TMP/fx" --format md >/dev/null 2>"$TMP/err"
(cd "$ROOT/tests/golden" && find . -name '*.md' | sort) >"$TMP/golden.list"
(cd "$TMP/fx" && find . -name '*.md' | sort) >"$TMP/built.list"
same_text "the fixture builds the editions in tests/golden" "$TMP/golden.list" "$TMP/built.list"
mkdir -p "$TMP/golden"
while read -r f; do
	mkdir -p "$(dirname "$TMP/golden/$f")"
	cp "$ROOT/tests/golden/$f" "$TMP/golden/$f"
	cp "$TMP/fx/$f" "$TMP/golden/$f.built"
	mask_build_digest "$TMP/golden/$f" "$TMP/golden/$f.built"
	same_text "fixture ${f#./} matches tests/golden (but the build digest)" \
		"$TMP/golden/$f" "$TMP/golden/$f.built"
done <"$TMP/golden.list"

"$KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" \
	--out "$TMP/real" --format md >/dev/null 2>"$TMP/err"
check "the real kit builds as Markdown" test -s "$TMP/real/backend-interview-kit.md"

if [ -x "$LINT" ]; then
	for f in "$TMP/fx/fixture-kit.md" "$TMP/fx/panels/balanced-expert.md" \
		"$TMP/fx/candidates/balanced-expert.md" \
		"$TMP/real/backend-interview-kit.md" \
		"$TMP/real/candidates/platform-engineer-expert.md"; do
		check "markdownlint passes on ${f#"$TMP"/}" \
			sh -c "cd '$ROOT' && '$LINT' '$f'"
	done
else
	not_ok "markdownlint-cli2 is installed (run npm ci)"
fi

md="$TMP/real/backend-interview-kit.md"
n=$(grep -c '^#### <a id="q-' "$md")
[ "$n" = 40 ] && ok "the real kit has 40 question sections" ||
	not_ok "the real kit has 40 question sections" "found $n"
n=$(grep -c '^## <a id="topic-' "$md")
[ "$n" = 10 ] && ok "the real kit has 10 topic parts" ||
	not_ok "the real kit has 10 topic parts" "found $n"
n=$(grep -c '^| \[' "$md")
[ "$n" = 10 ] && ok "the comparison table has 10 rows" ||
	not_ok "the comparison table has 10 rows" "found $n"

# Every in-page link points at an anchor the file defines.
grep -o '](#[a-z0-9-]*)' "$md" | sed 's/](#\(.*\))/\1/' | sort -u >"$TMP/links"
grep -o '<a id="[a-z0-9-]*">' "$md" | sed 's/<a id="\(.*\)">/\1/' | sort -u >"$TMP/anchors"
missing=$(comm -23 "$TMP/links" "$TMP/anchors")
[ -z "$missing" ] && ok "every in-page link has its anchor" ||
	not_ok "every in-page link has its anchor" "$missing"

# No section is empty: a heading is never followed directly by another
# heading of the same or a higher level.
awk '/^#+ / { lvl = index($0, " ") - 1
	if (prev && lvl <= prev) { print "empty section before line " NR; bad = 1 }
	prev = lvl; next }
	/[^ ]/ { prev = 0 }
	END { exit bad }' "$md" >"$TMP/empty" &&
	ok "no empty section" || not_ok "no empty section" "$(cat "$TMP/empty")"

# The same content gives the same bytes, wherever it is built from and
# whatever the clock, time zone and locale.
mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 \
	SOURCE_DATE_EPOCH=86400 "$KITGEN" build --content "$ROOT/content" \
	--templates "$ROOT/templates" --out again --format md >/dev/null 2>&1)
check "two builds give identical bytes" \
	cmp "$TMP/real/backend-interview-kit.md" "$TMP/elsewhere/again/backend-interview-kit.md"

# The Markdown says which content it was made from.
digest=$("$KITGEN" digest --content "$ROOT/content")
check "the kit shows its version and content digest" \
	grep -q "Version:\*\* 1.0.0" "$md"
check "the digest on the kit is 'kitgen digest'" grep -q "$digest" "$md"

# A build that fails leaves the earlier output byte for byte as it was.
kit=$(fixture_copy broken)
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/keep" >/dev/null 2>&1
cp "$TMP/keep/fixture-kit.md" "$TMP/before.md"
sed -i 's/^title: Design a cache$/title: Design a changed cache/; s/^    level: expert$/    level: guru/' "$kit/topics/01-cache.yaml"
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/keep" >/dev/null 2>&1
status=$?
[ "$status" = 1 ] && ok "a build with a content error exits 1" ||
	not_ok "a build with a content error exits 1" "status $status"
check "a failed build leaves the earlier output unchanged" cmp "$TMP/before.md" "$TMP/keep/fixture-kit.md"
check "a failed build leaves no temporary file" \
	test -z "$(find "$TMP/keep" -name '.*' -type f)"

# A template error is a build error too, and writes nothing.
mkdir -p "$TMP/badtpl/md"
printf '# {{title}}\n{{#body}}\n' >"$TMP/badtpl/md/document.mustache"
"$KITGEN" build --content "$FIXTURE" --templates "$TMP/badtpl" --out "$TMP/keep" \
	>/dev/null 2>"$TMP/err"
status=$?
[ "$status" = 1 ] && ok "a broken template fails the build" ||
	not_ok "a broken template fails the build" "status $status" "$(cat "$TMP/err")"
check "the broken template's error has its place" \
	grep -q "^$TMP/badtpl/md/document.mustache:2:1: error: " "$TMP/err"
check "a broken template leaves the earlier output unchanged" \
	cmp "$TMP/before.md" "$TMP/keep/fixture-kit.md"

# Hostile prose stays inert in Markdown: raw HTML is shown as text and
# unsafe links lose their target.
kit=$(fixture_copy hostile)
sed -i 's/^exposes: Whether retries are safe.$/exposes: |\n  <script>alert(1)<\/script> and <img src=x onerror="alert(2)">\n  [click](javascript:alert(3)) [data](data:text\/html,hi) ![pic](http:\/\/x.example\/p.png)\n  <!-- hidden --> {{title}}/' "$kit/topics/02-queue.yaml"
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/hostile" >/dev/null 2>"$TMP/err"
out="$TMP/hostile/fixture-kit.md"
# (an escaped \<script\> is literal text to every CommonMark reader)
if grep -n -E -e '(^|[^\\])<(script|img|!--)' -e '\]\((javascript|data):' \
	-e 'x\.example' "$out" >"$TMP/found"; then
	not_ok "hostile prose is inert in Markdown" "$(cat "$TMP/found")"
else
	ok "hostile prose is inert in Markdown"
fi
check "hostile prose keeps its text" grep -q 'click data pic' "$out"
check "mustache tags in content are not expanded" grep -q '{{title}}' "$out"

# The kit's words are our own: no run of eight words from the seed article,
# nor of five from its comparison table (the tool lives beside the
# repository, in ../shared, where CI has it).
overlap="$ROOT/../shared/tools/seed-overlap"
if [ -x "$overlap" ]; then
	check "seed-overlap finds no copied passage in content/ and templates/" \
		sh -c "cd '$ROOT' && '$overlap' content templates"
fi
