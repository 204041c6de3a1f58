#!/bin/sh
# t-limits.sh - content at the limits (content/README.md, "Limits") checks
# clean: a kit of 1,000 topics of 4 questions each, and one with exactly
# the most questions in a topic, levels, areas, profiles and items in a
# list, and a text of exactly 4,000 bytes. tests/cases/ has each limit passed
# by one, refused. Then the limit on a build's output: a build that would
# write one byte more than it allows fails, says so and writes nothing; one
# that fits it exactly writes everything; the packets' parts count against
# a budget of their own. Kits are made in /dev/shm when
# there is one (making hundreds of files takes seconds on some disks).
. "$(dirname "$0")/lib.sh"

scratch=$(mktemp -d /dev/shm/kitgen-limits.XXXXXX 2>/dev/null) || scratch="$TMP"
trap 'rm -rf "$TMP"; [ "$scratch" = "$TMP" ] || rm -rf "$scratch"' EXIT

# gen.py OUT TOPICS QUESTIONS LEVELS PROFILES AREAS ITEMS TEXT_BYTES: a kit
# from the fixture, every topic in every area, questions cycling through
# the levels, every list of texts ITEMS long, one text TEXT_BYTES long
cat >"$TMP/gen.py" <<'PY'
import os, sys
out, T, Q, L, P, A, N, TEXT = sys.argv[1], *map(int, sys.argv[2:])
fx = os.environ["FIXTURE"]
os.makedirs(out + "/topics")
kit = open(fx + "/kit.yaml").read()
areas = ["a%d" % i for i in range(A)]
levels = "levels:\n" + "".join(
    "  - id: l%d\n    title: Level %d\n    expects: Things.\n" % (i, i) for i in range(L))
adecl = "areas:\n" + "".join(
    "  - id: %s\n    title: Area %s\n    description: Things.\n" % (a, a) for a in areas)
w = [100 // A] * A
w[0] += 100 - sum(w)
weights = "".join("      %s: %d\n" % (a, w[i]) for i, a in enumerate(areas))
profiles = "profiles:\n" + "".join(
    "  - id: p%d\n    title: Profile %d\n    rationale: Because.\n    weights:\n%s" % (i, i, weights)
    for i in range(P))
kit = (kit[:kit.index("levels:")] + levels + "\n" + adecl +
       "\nscenario_kinds:\n  - id: conflict\n    title: Team conflict\n\n" + profiles + "\n" +
       kit[kit.index("decision_rule:"):]).replace(
           "behavioural_area: systems", "behavioural_area: a0")
open(out + "/kit.yaml", "w").write(kit)
open(out + "/scenarios.yaml", "w").write(open(fx + "/scenarios.yaml").read().replace(
    "levels: [expert]", "levels: [l0]"))
topic = open(fx + "/topics/02-queue.yaml").read()
head = topic[:topic.index("\nquestions:") + 1]
head = head.replace("areas: [systems]", "areas: [%s]" % ", ".join(areas))
head = head.replace("  levels: [expert]", "  levels: [%s]" % ", ".join(
    "l%d" % i for i in range(L)))
head = head.replace("  by_level:\n    expert:\n", "  by_level:\n    l0:\n")
flags = "red_flags:\n" + "".join("  - Flag %d.\n" % i for i in range(N))
head = head[:head.index("red_flags:")] + flags + head[head.index("follow_ups:"):]
q = topic[topic.index("  - id: queue-1"):topic.index("  - id: queue-2")]
for t in range(T):
    body = head.replace("id: queue\n", "id: t%d\n" % t)
    if t == 0:
        body = body.replace("exposes: Whether retries are safe.",
                            "exposes: " + "x" * (TEXT - 1) + ".")
    body += "questions:\n" + "".join(
        q.replace("id: queue-1", "id: t%d-q%d" % (t, j)).replace(
            "level: fresher", "level: l%d" % ((t + j) % L)) for j in range(Q))
    open(out + "/topics/%02d-t%05d.yaml" % (t * 100 // T, t), "w").write(body)
PY

limits_kit() { # NAME WANT ARGS...: make the kit, check it, want WANT on stdout
	name=$1
	want=$2
	shift 2
	rm -rf "$scratch/kit"
	if ! FIXTURE="$FIXTURE" python3 "$TMP/gen.py" "$scratch/kit" "$@" 2>"$TMP/err"; then
		not_ok "$name" "cannot make the kit: $(cat "$TMP/err")"
		return
	fi
	if got=$("$KITGEN" check --content "$scratch/kit" 2>"$TMP/err") &&
		[ "$got" = "$scratch/kit: ok: $want" ]; then
		ok "$name"
	else
		not_ok "$name" "$got" "$(head -10 "$TMP/err")"
	fi
}

limits_kit "1,000 topics of 4 questions check clean" \
	"1000 topics, 4000 questions, 1 scenario, 3 profiles" 1000 4 3 3 2 3 100
limits_kit "every count at its limit but the levels (5 of 8) checks clean" \
	"20 topics, 400 questions, 1 scenario, 12 profiles" 20 20 5 12 8 20 100
# with 8 levels, the 96 packets' 960 per-round documents pass the budget
# on the editions' text (volume.h: each costs as much as 16 KiB of text)
rm -rf "$scratch/kit"
FIXTURE="$FIXTURE" python3 "$TMP/gen.py" "$scratch/kit" 20 20 8 12 8 20 100 2>"$TMP/err"
"$KITGEN" check -q --content "$scratch/kit" >"$TMP/volume" 2>&1
if grep -q "error: the editions hold [0-9.]* MiB of text together (the published kit and 96 panel packets, each repeating its rounds' topics, whole and in per-round documents); at most 12 MiB" "$TMP/volume"; then
	ok "every count at its limit passes the budget on the editions' text, counting the per-round documents"
else
	not_ok "every count at its limit passes the budget on the editions' text, counting the per-round documents" "$(tail -3 "$TMP/out")"
fi
limits_kit "a text of exactly 4,000 bytes checks clean" \
	"1 topic, 4 questions, 1 scenario, 1 profile" 1 4 2 1 1 3 4000

# The output limit, lowered with KITGEN_MAX_OUTPUT to what a full build of
# the fixture writes (the limit itself is 128 MiB: too slow for a test).
# The packets' parts (panels/<packet>/*: loop plan, rounds, debrief) have
# a budget of the same size of their own: the limit is the larger of the
# two sums.
bytes() { # the bytes of the files find(1) lists with the given tests
	find "$out" -type f "$@" -exec cat {} + | wc -c
}
out="$TMP/out"
"$KITGEN" build -q --content "$FIXTURE" --out "$out" >/dev/null 2>&1
editions=$(bytes ! -path "$out/panels/*/*")
parts=$(bytes -path "$out/panels/*/*")
total=$editions
what="the build's output passes its limit of"
if [ "$parts" -gt "$editions" ]; then
	total=$parts
	what="the packets' per-round documents pass their limit of"
fi
rm -rf "$out"
mkdir -p "$out"
printf 'earlier output\n' >"$out/fixture-kit.md"
KITGEN_MAX_OUTPUT=$((total - 1)) "$KITGEN" build -q --content "$FIXTURE" \
	--out "$out" >"$TMP/stdout" 2>"$TMP/stderr"
status=$?
if [ "$status" = 1 ] && [ "$(ls -A "$out")" = fixture-kit.md ] &&
	[ "$(cat "$out/fixture-kit.md")" = "earlier output" ] &&
	grep -q "error: $what $((total - 1)) bytes for all" "$TMP/stderr"; then
	ok "a build one byte over its output limit fails and writes nothing"
else
	not_ok "a build one byte over its output limit fails and writes nothing" \
		"exit $status; out/ holds: $(ls -A "$out" | tr '\n' ' ')" "$(cat "$TMP/stderr")"
fi
if KITGEN_MAX_OUTPUT=$total "$KITGEN" build -q --content "$FIXTURE" \
	--out "$out" 2>"$TMP/stderr" &&
	[ "$(bytes)" = "$((editions + parts))" ] && [ "$((editions + parts))" -gt "$total" ]; then
	ok "a build that fits its output limit exactly writes every file (the parts counted apart)"
else
	not_ok "a build that fits its output limit exactly writes every file (the parts counted apart)" "$(cat "$TMP/stderr")"
fi

# The parts' own budget: one packet, whose parts outweigh it, with the
# limit one byte under its parts' sum and above the packet.
out="$TMP/one"
"$KITGEN" build -q --content "$FIXTURE" --out "$out" --edition balanced-expert >/dev/null 2>&1
packet=$(bytes ! -path "$out/panels/*/*")
parts=$(bytes -path "$out/panels/*/*")
rm -rf "$out"
if [ "$parts" -le "$packet" ]; then
	not_ok "the packets' parts have an output budget of their own" \
		"the fixture's parts ($parts bytes) no longer outweigh its packet ($packet): pick another case"
elif KITGEN_MAX_OUTPUT=$((parts - 1)) "$KITGEN" build -q --content "$FIXTURE" \
	--out "$out" --edition balanced-expert >/dev/null 2>"$TMP/stderr"; then
	not_ok "the packets' parts have an output budget of their own" "the build passed"
elif grep -q "error: the packets' per-round documents pass their limit of $((parts - 1)) bytes for all of them together (KITGEN_MAX_OUTPUT)" "$TMP/stderr" &&
	[ ! -e "$out" ]; then
	ok "the packets' parts have an output budget of their own"
else
	not_ok "the packets' parts have an output budget of their own" "$(cat "$TMP/stderr")"
fi

# A Markdown list of exactly KG_MAX_MD_LIST_ITEMS (50) items in one text
# checks clean and builds (tests/cases/markdown-list-too-long.case has 51)
kit=$(fixture_copy list50)
for i in $(seq 1 50); do printf '  %d. step\n' "$i"; done >"$TMP/items"
printf 'exposes: |\n' | cat - "$TMP/items" >"$TMP/exposes.yaml"
sed -i "/^exposes: Whether retries are safe.\$/{
r $TMP/exposes.yaml
d
}" "$kit/topics/02-queue.yaml"
if "$KITGEN" build -q --content "$kit" --templates "$ROOT/templates" --out "$TMP/list50" \
	--format md >/dev/null 2>"$TMP/stderr" && grep -q '^50\. step' "$TMP/list50/fixture-kit.md"; then
	ok "a list of 50 items in a text checks clean and builds"
else
	not_ok "a list of 50 items in a text checks clean and builds" "$(cat "$TMP/stderr")"
fi
