#!/bin/sh
# t-digest.sh - the digest follows values, not key order: swapping the keys
# of mappings (at the top of kit.yaml, nested in it, in a profile's
# weights, in a topic, in a list item of scenarios.yaml) keeps `kitgen
# digest`, and `kitgen diff` agrees that nothing changed; changing a value
# changes both.
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
agree "$C" "content: profiles swapped" 'swap_blocks "$k/kit.yaml" 166 180 181 207' changed
agree "$C" "content: areas swapped" 'swap_blocks "$k/kit.yaml" 122 130 131 138' changed
