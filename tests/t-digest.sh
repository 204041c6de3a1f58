#!/bin/sh
# t-digest.sh - the digest follows values, not key order: swapping the keys
# of mappings (at the top of kit.yaml, nested in it, in a profile's
# weights, in a topic, in a list item of scenarios.yaml) keeps `kitgen
# digest`, and `kitgen diff` agrees that nothing changed; changing a value
# changes both. The build digest (`kitgen digest --build`) changes with a
# template, the PDF style and the paper while the content digest does
# not, is the same from any folder, and is what every output shows: the
# PDF's cover and document information, the HTML's header, the index
# page, the Markdown's header block.
. "$(dirname "$0")/lib.sh"

swap() { # FILE A B: swap lines A and B (A < B, adjacent)
	sed -i "$2{h;d};$3{G}" "$1"
}

base=$("$KITGEN" digest --content "$FIXTURE")
kit=$(fixture_copy swapped)
swap "$kit/kit.yaml" 3 4              # id, title
swap "$kit/kit.yaml" 14 15            # rating_scale.strong: label, points
swap "$kit/kit.yaml" 51 52            # weights: coding, systems
swap "$kit/topics/01-cache.yaml" 1 2  # id, title
swap "$kit/scenarios.yaml" 3 4        # a scenario's kind, title
swap "$kit/scenarios.yaml" 10 11      # its rubric: strong, acceptable
if cmp -s "$kit/kit.yaml" "$FIXTURE/kit.yaml"; then
	not_ok "the keys were swapped" "kit.yaml is unchanged"
fi
got=$("$KITGEN" digest --content "$kit" 2>&1)
[ "$got" = "$base" ] && ok "swapping keys of mappings keeps the digest" ||
	not_ok "swapping keys of mappings keeps the digest" "$base / $got"
"$KITGEN" diff "$FIXTURE" "$kit" >"$TMP/diff" 2>&1
status=$?
[ "$status" = 0 ] && ok "diff says nothing changed when keys are swapped" ||
	not_ok "diff says nothing changed when keys are swapped" "status $status" "$(cat "$TMP/diff")"

sed -i 's/^      weak: Picks a side by seniority.$/      weak: Picks a side by rank./' "$kit/scenarios.yaml"
got=$("$KITGEN" digest --content "$kit" 2>&1)
[ "$got" != "$base" ] && ok "changing a value changes the digest" ||
	not_ok "changing a value changes the digest" "$got"
"$KITGEN" diff "$FIXTURE" "$kit" >"$TMP/diff" 2>&1
status=$?
[ "$status" = 1 ] && grep -q 'rubric.weak' "$TMP/diff" &&
	ok "diff reports the changed value" ||
	not_ok "diff reports the changed value" "status $status" "$(cat "$TMP/diff")"

# a list's order is a value: swapping two items changes the digest
kit2=$(fixture_copy reordered)
swap "$kit2/topics/01-cache.yaml" 6 7 # two clarifying questions
got=$("$KITGEN" digest --content "$kit2" 2>&1)
[ "$got" != "$base" ] && ok "reordering a list changes the digest" ||
	not_ok "reordering a list changes the digest" "$got"

# Digest and diff agree on every edit: the digest changes exactly when
# `kitgen diff` exits 1 (tests/unit/test_diff.c walks every list, key and
# value in memory; these are the same edits made to files, names and all).
swap_blocks() { # FILE A B C D: swap the adjacent line ranges A-B and C-D
	{ sed -n "1,$(($2 - 1))p" "$1"; sed -n "$4,$5p" "$1"; sed -n "$2,$3p" "$1"
	  sed -n "$(($5 + 1)),\$p" "$1"; } >"$1.new" && mv "$1.new" "$1"
}
# agree FROM NAME EDIT same|changed: run EDIT in a copy $k of FROM; both
# must say the content is the same, or both that it changed
agree() {
	rm -rf "$TMP/agree"
	cp -R "$1" "$TMP/agree"
	k=$TMP/agree
	eval "$3"
	a=$("$KITGEN" digest --content "$1" 2>&1)
	b=$("$KITGEN" digest --content "$k" 2>&1)
	"$KITGEN" diff "$1" "$k" >"$TMP/agree.out" 2>&1
	status=$?
	if [ "$status" -gt 1 ]; then
		not_ok "$2: digest and diff agree" "diff exit $status" "$(cat "$TMP/agree.out")"
	elif { [ "$a" != "$b" ] && [ "$status" = 1 ] && [ "$4" = changed ]; } ||
	     { [ "$a" = "$b" ] && [ "$status" = 0 ] && [ "$4" = same ]; }; then
		ok "$2: digest and diff agree"
	else
		not_ok "$2: digest and diff agree" "digest $a -> $b, diff exit $status, expected $4"
	fi
}
F=$FIXTURE
agree "$F" "topic file renamed past another" 'mv "$k/topics/01-cache.yaml" "$k/topics/03-cache.yaml"' changed
agree "$F" "topic files' names exchanged" 'mv "$k/topics/01-cache.yaml" "$k/c" &&
	mv "$k/topics/02-queue.yaml" "$k/topics/01-cache.yaml" && mv "$k/c" "$k/topics/02-queue.yaml"' changed
agree "$F" "topic file renamed in place" 'mv "$k/topics/01-cache.yaml" "$k/topics/00-x.yaml"' same
agree "$F" "levels swapped" 'swap_blocks "$k/kit.yaml" 27 29 30 32' changed
agree "$F" "areas swapped" 'swap_blocks "$k/kit.yaml" 35 37 38 40' changed
agree "$F" "questions swapped" 'swap_blocks "$k/topics/01-cache.yaml" 42 57 58 84' changed
agree "$F" "signals swapped" 'swap_blocks "$k/topics/01-cache.yaml" 9 10 11 12' changed
agree "$F" "red flags swapped" 'swap "$k/topics/01-cache.yaml" 27 28' changed
agree "$F" "a topic's areas swapped" 'sed -i "s/^areas: \[coding, systems\]$/areas: [systems, coding]/" "$k/topics/01-cache.yaml"' changed
agree "$F" "a scenario's red flags swapped" 'swap "$k/scenarios.yaml" 14 15' changed
agree "$F" "keys swapped" 'swap "$k/kit.yaml" 3 4' same
agree "$F" "a value changed" 'sed -i "s/^      coding: 50$/      coding: 40/; s/^      systems: 50$/      systems: 60/" "$k/kit.yaml"' changed
C=$ROOT/content
agree "$C" "content: topic file renamed past another" \
	'mv "$k/topics/01-url-shortener.yaml" "$k/topics/11-url-shortener.yaml"' changed
# the first two blocks of a list in content/kit.yaml, found by their ids
at() { grep -n "^  - id: $1\$" "$C/kit.yaml" | cut -d: -f1; }
p1=$(at generalist) p2=$(at platform-engineer) p3=$(at api-product-engineer)
a1=$(at coding-debugging) a2=$(at data-persistence) a3=$(at distributed-systems)
agree "$C" "content: profiles swapped" \
	"swap_blocks \"\$k/kit.yaml\" $p1 $((p2 - 1)) $p2 $((p3 - 1))" changed
agree "$C" "content: areas swapped" \
	"swap_blocks \"\$k/kit.yaml\" $a1 $((a2 - 1)) $a2 $((a3 - 1))" changed

# ---- the build digest ------------------------------------------------------
# It covers the content digest, every file of the templates folder a build
# reads (by relative path), the paper and kitgen's version: a template or
# the style changes it and not the content digest; the same inputs give
# the same digest from any folder; every output carries it.
bdigest() { # bdigest ARGS...: kitgen digest --build ARGS
	"$KITGEN" digest --build "$@" 2>&1
}
cp -R "$ROOT/templates" "$TMP/tpl"
base_build=$(bdigest --content "$FIXTURE" --templates "$TMP/tpl")
base_content=$("$KITGEN" digest --content "$FIXTURE")
echo "$base_build" | grep -Eqx '[0-9a-f]{64}' && [ "$base_build" != "$base_content" ] &&
	ok "digest --build prints a digest of its own" ||
	not_ok "digest --build prints a digest of its own" "$base_build"

cp -R "$ROOT/templates" "$TMP/tpl2"
cp -R "$FIXTURE" "$TMP/kit2"
other=$(cd "$TMP/kit2" && "$KITGEN" digest --build --content . --templates ../tpl2 2>&1)
again=$(bdigest --content "$FIXTURE" --templates "$TMP/tpl")
same=$(bdigest --content "$FIXTURE" --templates "$ROOT/templates")
[ "$other" = "$base_build" ] && [ "$again" = "$base_build" ] && [ "$same" = "$base_build" ] &&
	ok "the build digest is the same every run, and from other folders (no path in it)" ||
	not_ok "the build digest is the same every run, and from other folders (no path in it)" \
		"$base_build / $again / $other / $same"

# changed_by NAME EDIT [same]: EDIT in a fresh copy $t of the templates
# changes the build digest (or, with same, keeps it) and never the
# content digest
changed_by() {
	rm -rf "$TMP/tplx"
	cp -R "$ROOT/templates" "$TMP/tplx"
	t=$TMP/tplx
	eval "$2"
	b=$(bdigest --content "$FIXTURE" --templates "$t")
	c=$("$KITGEN" digest --content "$FIXTURE")
	if [ "$c" != "$base_content" ]; then
		not_ok "$1: the content digest stays" "$c"
	elif { [ "${3:-}" = same ] && [ "$b" = "$base_build" ]; } ||
	     { [ "${3:-}" != same ] && [ "$b" != "$base_build" ] && echo "$b" | grep -Eqx '[0-9a-f]{64}'; }; then
		ok "$1"
	else
		not_ok "$1" "$base_build -> $b"
	fi
}
changed_by "a changed HTML template changes the build digest, not the content digest" \
	'printf "<!-- x -->\n" >>"$t/html/document.mustache"'
changed_by "a changed Markdown template changes the build digest" \
	'printf "\n" >>"$t/md/document.mustache"'
changed_by "a changed PDF style changes the build digest, not the content digest" \
	'sed -i "s/^  accent: .*/  accent: \"#7a1f3d\"/" "$t/pdf/style.yaml"'
changed_by "a new partial changes the build digest" \
	'printf "x\n" >"$t/html/extra.mustache"'
changed_by "a renamed template file changes the build digest" \
	'mv "$t/html/style.mustache" "$t/html/style2.mustache"'
changed_by "a hidden file (an editor's) leaves the build digest" \
	'printf "x\n" >"$t/html/.document.mustache.swp"' same
changed_by "a file outside the format folders leaves the build digest" \
	'printf "x\n" >"$t/NOTES.txt"' same

letter=$(bdigest --content "$FIXTURE" --templates "$TMP/tpl" --paper letter)
a4=$(bdigest --content "$FIXTURE" --templates "$TMP/tpl" --paper A4)
[ "$letter" != "$base_build" ] && [ "$a4" = "$base_build" ] &&
	ok "--paper letter changes the build digest; --paper A4 is the default's (a4)" ||
	not_ok "--paper letter changes the build digest; --paper A4 is the default's (a4)" \
		"default $base_build, letter $letter, A4 $a4"
kitp=$(fixture_copy letter)
sed -i 's/^version: \(.*\)$/version: \1\npaper: letter/' "$kitp/kit.yaml"
kl=$(bdigest --content "$kitp" --templates "$TMP/tpl")
klc=$("$KITGEN" digest --content "$kitp")
kll=$(bdigest --content "$kitp" --templates "$TMP/tpl" --paper letter)
[ "$kl" = "$kll" ] && [ "$kl" != "$(bdigest --content "$kitp" --templates "$TMP/tpl" --paper a4)" ] &&
	ok "kit.yaml's paper is the build digest's paper unless --paper says otherwise" ||
	not_ok "kit.yaml's paper is the build digest's paper unless --paper says otherwise" "$kl / $kll"

"$KITGEN" digest --content "$FIXTURE" --templates "$TMP/tpl" >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" = 2 ] && [ ! -s "$TMP/out" ] && grep -q -- "--templates and --paper go with --build" "$TMP/err" &&
	ok "--templates without --build is a usage error" ||
	not_ok "--templates without --build is a usage error" "status $status" "$(cat "$TMP/err")"
"$KITGEN" digest --build --content "$FIXTURE" --templates "$TMP/tpl" --paper b5 >"$TMP/out" 2>"$TMP/err"
status=$?
[ "$status" = 2 ] && [ ! -s "$TMP/out" ] && grep -q "unknown paper 'b5' (a4, letter)" "$TMP/err" &&
	ok "digest --build --paper with a paper the style lacks is a usage error" ||
	not_ok "digest --build --paper with a paper the style lacks is a usage error" "status $status" "$(cat "$TMP/err")"

# Every output carries both digests: the PDF's cover (pdftotext) and
# document information (pdfinfo), the HTML's header and the index page,
# the Markdown's header block.
"$KITGEN" build --content "$FIXTURE" --templates "$TMP/tpl" --out "$TMP/built" -q 2>"$TMP/err" ||
	not_ok "the fixture builds" "$(cat "$TMP/err")"
pdftotext -enc UTF-8 "$TMP/built/fixture-kit.pdf" - 2>/dev/null | sed -n '1,/^Content digest$/d; /./{p;q}' >"$TMP/cover.content"
pdftotext -enc UTF-8 "$TMP/built/fixture-kit.pdf" - 2>/dev/null | sed -n '1,/^Build digest$/d; /./{p;q}' >"$TMP/cover.build"
[ "$(cat "$TMP/cover.build")" = "$base_build" ] && [ "$(cat "$TMP/cover.content")" = "$base_content" ] &&
	ok "the PDF's cover shows the content digest and the build digest digest --build prints" ||
	not_ok "the PDF's cover shows the content digest and the build digest digest --build prints" \
		"cover: $(cat "$TMP/cover.content") / $(cat "$TMP/cover.build")" "want: $base_content / $base_build"
packet=$TMP/built/panels/balanced-expert.pdf
pdftotext -enc UTF-8 "$packet" - 2>/dev/null | sed -n '1,/^Build digest$/d; /./{p;q}' >"$TMP/cover.packet"
[ "$(cat "$TMP/cover.packet")" = "$base_build" ] && ok "a panel packet's cover shows the build digest" ||
	not_ok "a panel packet's cover shows the build digest" "$(cat "$TMP/cover.packet")"
info=$(pdfinfo -custom "$TMP/built/fixture-kit.pdf" 2>&1)
printf '%s\n' "$info" | grep -q "^KitgenBuildDigest: *$base_build$" &&
	printf '%s\n' "$info" | grep -q "^KitgenContentDigest: *$base_content$" &&
	printf '%s\n' "$info" | grep -q "^Keywords: .*digest $base_content; build $base_build" &&
	printf '%s\n' "$info" | grep -q "^Subject: .*build digest $base_build" &&
	ok "the PDF's document information holds both digests (pdfinfo)" ||
	not_ok "the PDF's document information holds both digests (pdfinfo)" "$info"
for f in fixture-kit.html panels/balanced-fresher.html index.html; do
	head=$(sed -n '/<header class="cover">/,/<\/header>/p' "$TMP/built/$f")
	printf '%s\n' "$head" | grep -q "<dt>Content digest</dt><dd><code class=\"digest\" dir=\"ltr\">$base_content</code>" &&
		printf '%s\n' "$head" | grep -q "<dt>Build digest</dt><dd><code class=\"digest\" dir=\"ltr\">$base_build</code>" &&
		ok "$f shows both digests in its header" ||
		not_ok "$f shows both digests in its header" "$head"
done
grep -qx "  - \*\*Build digest:\*\* \`$base_build\`" "$TMP/built/fixture-kit.md" &&
	grep -qx "  - \*\*Content digest:\*\* \`$base_content\`" "$TMP/built/fixture-kit.md" &&
	ok "the Markdown's header block shows both digests" ||
	not_ok "the Markdown's header block shows both digests" "$(head -12 "$TMP/built/fixture-kit.md")"

# Two builds of the same content in other styles: one content digest on
# both covers, two build digests.
rm -rf "$TMP/tplx" && cp -R "$ROOT/templates" "$TMP/tplx"
sed -i 's/^  accent: .*/  accent: "#7a1f3d"/' "$TMP/tplx/pdf/style.yaml"
"$KITGEN" build --content "$FIXTURE" --templates "$TMP/tplx" --out "$TMP/styled" --format pdf -q 2>"$TMP/err"
s_build=$(pdftotext -enc UTF-8 "$TMP/styled/fixture-kit.pdf" - 2>/dev/null | sed -n '1,/^Build digest$/d; /./{p;q}')
s_content=$(pdftotext -enc UTF-8 "$TMP/styled/fixture-kit.pdf" - 2>/dev/null | sed -n '1,/^Content digest$/d; /./{p;q}')
[ "$s_content" = "$base_content" ] && [ -n "$s_build" ] && [ "$s_build" != "$base_build" ] &&
	[ "$s_build" = "$(bdigest --content "$FIXTURE" --templates "$TMP/tplx")" ] &&
	ok "differently styled PDFs of the same content: one content digest, two build digests" ||
	not_ok "differently styled PDFs of the same content: one content digest, two build digests" \
		"$s_content / $s_build"

# The reports of score carry both digests too (cards from kitgen card).
mkdir -p "$TMP/cards"
for r in 1 2; do
	"$KITGEN" card balanced-expert --content "$FIXTURE" --round $r |
		sed 's/^candidate: ""/candidate: Ada/; s/^interviewer: ""/interviewer: Grace/;
		     s/^date: ""/date: 2026-12-01/; s/^    rating:$/    rating: strong/;
		     s/^overall: .*/overall: strong/' >"$TMP/cards/c$r.yaml"
done
"$KITGEN" score --content "$FIXTURE" --templates "$TMP/tpl" "$TMP/cards/c1.yaml" \
	"$TMP/cards/c2.yaml" >/dev/null 2>"$TMP/err"
grep -qx "  - \*\*Build digest:\*\* \`$base_build\`" "$TMP/cards/debrief-ada.md" 2>/dev/null &&
	pdfinfo -custom "$TMP/cards/debrief-ada.pdf" 2>/dev/null | grep -q "^KitgenBuildDigest: *$base_build$" &&
	ok "a debrief that score writes carries the build digest" ||
	not_ok "a debrief that score writes carries the build digest" "$(cat "$TMP/err")"
