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
