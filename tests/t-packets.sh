#!/bin/sh
# t-packets.sh - panel packets are content, not code: a kit that declares
# a profile and a level of its own gets their packets from the next build,
# with no change to kitgen.
. "$(dirname "$0")/lib.sh"

kit=$(fixture_copy custom)
# a level of its own, with a question in each topic ...
sed -i 's/^  - id: expert$/  - id: staff\n    title: Staff\n    expects: Sets direction for several teams.\n  - id: expert/' "$kit/kit.yaml"
for f in 01-cache 02-queue; do
	t=${f#*-}
	cat >>"$kit/topics/$f.yaml" <<YAML
  - id: $t-staff
    level: staff
    prompt: How would you run $t for ten teams?
    recruiter_cues:
      - Talks about ownership.
    strong_answer: A shared platform with clear ownership and budgets.
    weak_answer: Each team builds its own.
    weak_because: It ignores the cost of duplication.
    follow_ups:
      - Who is on call?
YAML
done
# ... and a profile of its own, with a pinned round
sed -i 's/^decision_rule:/  - id: reliability\n    title: Reliability engineer\n    rationale: Failure handling first.\n    weights:\n      coding: 30\n      systems: 70\n    rounds:\n      - area: systems\n        topic: queue\n\ndecision_rule:/' "$kit/kit.yaml"

check "the extended kit checks clean" "$KITGEN" check --content "$kit"
"$KITGEN" list --content "$kit" >"$TMP/list"
for id in reliability-staff reliability-fresher balanced-staff; do
	check "list shows the packet panels/$id" grep -q "^panels/$id " "$TMP/list"
done
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/out" --format md \
	>/dev/null 2>"$TMP/err"
check "the extended kit builds" test -s "$TMP/out/panels/reliability-staff.md"
n=$(ls "$TMP/out/panels" | grep -c '\.md$')
[ "$n" = 6 ] && ok "a packet per profile and level (2 x 3)" || not_ok "a packet per profile and level (2 x 3)" "$(ls "$TMP/out/panels")"
md="$TMP/out/panels/reliability-staff.md"
check "the packet names its role and level" grep -q 'Panel packet: Reliability engineer, Staff' "$md"
check "the pinned round uses its topic" grep -q '^| \[1\](#round-1) | Systems | \[Q[0-9]*\](#q-queue-' "$md"
check "the staff packet asks the staff questions" grep -q 'id="q-queue-staff"' "$md"
if [ -s "$md" ] && ! grep -q 'id="q-cache-1"' "$md"; then
	ok "the staff packet asks no other level's questions"
else
	not_ok "the staff packet asks no other level's questions"
fi
check "the packet's weights are the profile's" grep -q '| 70% |$' "$md"

# One edition on its own
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/one" \
	--format md --edition reliability-staff >/dev/null 2>&1
check "build --edition writes that edition only (a packet with its parts)" test "$(cd "$TMP/one" && find . -type f ! -path './panels/reliability-staff/*')" = "./panels/reliability-staff.md"
"$KITGEN" build --content "$kit" --out "$TMP/none" --edition nobody >/dev/null 2>&1
[ $? = 2 ] && ok "an unknown edition is a usage error" || not_ok "an unknown edition is a usage error"

if [ -x "$ROOT/node_modules/.bin/markdownlint-cli2" ]; then
	check "markdownlint passes on every packet" sh -c \
		"test -s '$md' && cd '$ROOT' && node_modules/.bin/markdownlint-cli2 '$TMP/out/panels/*.md'"
fi
