#!/bin/sh
# t-rounds.sh - a panel packet's parts: the loop plan, a document per
# round and the debrief sheet, each a document of its own in every
# format, beside the whole packet. Each round's document holds its own
# round's questions and no other round's prompts or answer keys, checked
# against the plan `kitgen export --format json` gives
# (tests/round_leaks.py, which must also catch a round document that
# holds the whole packet); the lead's documents hold no prompt and no
# answer key; `kitgen list` and index.html list the parts under their
# packet; `build --edition` builds one part, or a packet with its parts;
# and the parts' output has its own byte budget (t-limits.sh checks the
# numbers).
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

for kit in fixture real; do
	case $kit in
	fixture) content=$FIXTURE ;;
	real) content=$ROOT/content ;;
	esac
	if "$KITGEN" build -q --content "$content" --templates "$ROOT/templates" \
		--out "$TMP/$kit" >/dev/null 2>"$TMP/err" &&
		"$KITGEN" export --content "$content" --format json >"$TMP/$kit.json" 2>>"$TMP/err"; then
		ok "$kit: builds and exports"
	else
		not_ok "$kit: builds and exports" "$(cat "$TMP/err")"
		continue
	fi
	if "$PY" "$ROOT/tests/round_leaks.py" "$content" "$TMP/$kit.json" "$TMP/$kit" \
		>"$TMP/leaks" 2>&1 && grep -Eq '^[1-9][0-9]* packets, [1-9][0-9]* checks, 0 problems$' "$TMP/leaks"; then
		ok "$kit: each round's document (md, html, pdf) holds its round's questions and no other round's prompts or answer keys; loop plan and debrief hold neither"
	else
		not_ok "$kit: each round's document holds its round and no other" "$(tail -20 "$TMP/leaks")"
	fi
done

# The checker catches a round document that holds the whole packet, and
# one that lacks its round's questions.
cp -R "$TMP/fixture" "$TMP/sabotage"
cp "$TMP/fixture/panels/balanced-expert.md" "$TMP/sabotage/panels/balanced-expert/round-1.md"
if ! "$PY" "$ROOT/tests/round_leaks.py" "$FIXTURE" "$TMP/fixture.json" "$TMP/sabotage" md \
	>"$TMP/leaks" 2>&1 && grep -q "round-1.md: holds round 2's prompt of question" "$TMP/leaks"; then
	ok "round_leaks.py catches a round document that holds every round"
else
	not_ok "round_leaks.py catches a round document that holds every round" "$(tail -5 "$TMP/leaks")"
fi
cp "$TMP/fixture/panels/balanced-expert/debrief.md" "$TMP/sabotage/panels/balanced-expert/round-1.md"
if ! "$PY" "$ROOT/tests/round_leaks.py" "$FIXTURE" "$TMP/fixture.json" "$TMP/sabotage" md \
	>"$TMP/leaks" 2>&1 && grep -q "round-1.md: lacks its question Q" "$TMP/leaks"; then
	ok "round_leaks.py catches a round document without its questions"
else
	not_ok "round_leaks.py catches a round document without its questions" "$(tail -5 "$TMP/leaks")"
fi

# Every part in every format, and exactly the plan's rounds: the number
# of round files of each packet is the export's number of rounds.
bad=""
for ed in $("$PY" -c 'import json,sys; [print(e["id"], len(e["rounds"])) for e in json.load(open(sys.argv[1]))["editions"]]' "$TMP/real.json" | tr ' ' ':'); do
	id=${ed%%:*}
	n=${ed#*:}
	for ext in md html pdf; do
		for part in loop-plan debrief $(seq -f 'round-%g' 1 "$n"); do
			[ -s "$TMP/real/panels/$id/$part.$ext" ] || bad="$bad panels/$id/$part.$ext"
		done
		got=$(ls "$TMP/real/panels/$id"/round-*."$ext" | wc -l)
		[ "$got" = "$n" ] || bad="$bad panels/$id: $got round files .$ext for $n rounds"
	done
done
[ -z "$bad" ] && ok "every packet of content/ has its loop plan, its rounds and its debrief sheet in md, html and pdf" ||
	not_ok "every packet of content/ has its loop plan, its rounds and its debrief sheet in md, html and pdf" "$bad"

# A round's document names itself and its round on the cover, and its
# scorecard is that round's; the whole packet stays whole.
f=$TMP/fixture/panels/balanced-expert
check "a round's document is titled for its round" grep -q '^# Fixture Kit$' "$f/round-2.md"
check "... its edition line names the round" grep -q 'Round 2: Systems: Balanced, Expert' "$f/round-2.md"
check "... it has the round's scorecard" grep -q '^### <a id="round-2-scorecard"></a>Scorecard$' "$f/round-2.md"
check "... and no other round's" sh -c "! grep -q 'round-1-scorecard' '$f/round-2.md'"
check "the loop plan lists every round, with a column for who interviews" \
	grep -q '^| Round | Capability area | Material | Time | Weight | Interviewer |$' "$f/loop-plan.md"
check "the debrief sheet is the packet's" grep -q '^## <a id="debrief"></a>Debrief sheet$' "$f/debrief.md"
check "the whole packet still holds every round" sh -c \
	"grep -q 'round-1-scorecard' '$TMP/fixture/panels/balanced-expert.md' && grep -q 'round-2-scorecard' '$TMP/fixture/panels/balanced-expert.md'"
check "the PDF of a round has the round's scorecard" sh -c \
	"pdftotext '$f/round-1.pdf' - | grep -q 'Scorecard'"

# kitgen list: the parts right under their packet, a line each.
"$KITGEN" list --content "$FIXTURE" >"$TMP/list" 2>&1
sed -n '/^panels\/balanced-expert  /,/^candidates/p' "$TMP/list" | sed 's/  */ /g' >"$TMP/group"
cat >"$TMP/want" <<'EOF'
panels/balanced-expert Panel packet: Balanced, Expert (for the interview panel: its rounds' questions and answer keys) [Confidential — interviewer material]
 panels/balanced-expert.md panels/balanced-expert.html panels/balanced-expert.pdf
panels/balanced-expert/loop-plan Loop plan (for the hiring lead: the rounds and who runs them, no answer key)
panels/balanced-expert/round-1 Round 1: Coding (for that round's interviewer: its questions, answer keys and scorecard only)
panels/balanced-expert/round-2 Round 2: Systems (for that round's interviewer: its questions, answer keys and scorecard only)
panels/balanced-expert/debrief Debrief sheet (for the hiring lead: the debrief sheet and its guidance)
candidates/balanced-fresher Candidate's guide: Balanced, Fresher (for candidates — safe to send)
EOF
same_text "kitgen list shows a packet's parts under it, a line each" "$TMP/want" "$TMP/group"

# index.html: each packet's section lists its parts, each with its files.
if "$PY" - "$TMP/fixture/index.html" >"$TMP/idx" 2>&1 <<'PY'
import re, sys
page = open(sys.argv[1], encoding="utf-8").read()
for packet in ("balanced-fresher", "balanced-expert"):
    sec = re.search(r'<section id="edition-panels/%s" class="edition">(.*?)</section>' % packet,
                    page, re.S)
    assert sec, "no section for " + packet
    body = sec.group(1)
    parts = re.findall(r'<li id="edition-panels/%s/([a-z0-9-]+)">' % packet, body)
    assert parts == ["loop-plan", "round-1", "round-2", "debrief"], parts
    for part in parts:
        for ext in ("md", "html", "pdf"):
            href = 'href="panels/%s/%s.%s"' % (packet, part, ext)
            assert href in body, href
# no part is a section of its own: 1 public kit, 2 packets, 2 guides
assert len(re.findall(r'<section id="edition-', page)) == 5, "flat list"
PY
then
	ok "index.html lists each packet's parts, with their files, in the packet's section"
else
	not_ok "index.html lists each packet's parts, with their files, in the packet's section" "$(cat "$TMP/idx")"
fi

# build --edition: a part alone, by its id or without panels/; a packet
# with its parts; a round the plan lacks, with did-you-mean.
"$KITGEN" build -q --content "$FIXTURE" --out "$TMP/one" --edition balanced-expert/round-2 >/dev/null 2>&1
check "build --edition PACKET/round-2 writes that round only, in every format" \
	test "$(cd "$TMP/one" && find . -type f | LC_ALL=C sort | tr '\n' ' ')" = \
	"./panels/balanced-expert/round-2.html ./panels/balanced-expert/round-2.md ./panels/balanced-expert/round-2.pdf "
"$KITGEN" build -q --content "$FIXTURE" --out "$TMP/lead" --format md --edition panels/balanced-fresher/loop-plan >/dev/null 2>&1
check "build --edition panels/PACKET/loop-plan writes the loop plan" \
	test "$(cd "$TMP/lead" && find . -type f)" = "./panels/balanced-fresher/loop-plan.md"
got=$("$KITGEN" build -q --content "$FIXTURE" --out "$TMP/none" --edition balanced-expert/round-3 2>&1)
status=$?
[ "$status" = 2 ] && [ "$got" = "kitgen build: no edition 'balanced-expert/round-3' (did you mean 'panels/balanced-expert/round-1'? see 'kitgen list')" ] &&
	[ ! -e "$TMP/none" ] && ok "build --edition with a round the plan lacks: exit 2, did you mean, nothing written" ||
	not_ok "build --edition with a round the plan lacks: exit 2, did you mean, nothing written" "exit $status: $got"

# markdownlint passes on the parts
LINT="$ROOT/node_modules/.bin/markdownlint-cli2"
if [ -x "$LINT" ]; then
	check "markdownlint passes on every part's Markdown" sh -c \
		"cd '$ROOT' && '$LINT' '$TMP/real/panels/generalist-fresher/'*.md"
fi

# The same content builds the same parts, byte for byte.
"$KITGEN" build -q --content "$FIXTURE" --templates "$ROOT/templates" --out "$TMP/again" >/dev/null 2>&1
check "the parts are byte-identical build to build" diff -r "$TMP/fixture/panels" "$TMP/again/panels"

# Tab completion: --edition completes the parts' ids; loop, card and
# export complete packets only.
comp() { # the completions of the words given, the last one being completed
	bash -c 'source "$1/completion/kitgen.bash"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _kitgen; printf "%s\n" "${COMPREPLY[@]}"' \
		sh "$ROOT" "$@" | LC_ALL=C sort | tr '\n' ' '
}
got=$(comp "$KITGEN" build --content "$FIXTURE" --edition panels/balanced-expert/)
[ "$got" = "panels/balanced-expert/debrief panels/balanced-expert/loop-plan panels/balanced-expert/round-1 panels/balanced-expert/round-2 " ] &&
	ok "completion: --edition completes a packet's parts" ||
	not_ok "completion: --edition completes a packet's parts" "got: $got"
got=$(comp "$KITGEN" loop --content "$FIXTURE" bal)
[ "$got" = "balanced-expert balanced-fresher " ] && ok "completion: loop EDITION completes packets, not their parts" ||
	not_ok "completion: loop EDITION completes packets, not their parts" "got: $got"

# A part is not a packet where a packet is meant: export and a card file.
got=$("$KITGEN" export --content "$FIXTURE" balanced-expert/round-1 2>&1)
status=$?
[ "$status" = 2 ] && [ "$got" = "kitgen export: a packet's part is exported with its packet: name the panel packet, not 'balanced-expert/round-1' (see 'kitgen list')" ] &&
	ok "export of a packet's part: exit 2, name the packet" ||
	not_ok "export of a packet's part: exit 2, name the packet" "exit $status: $got"
"$KITGEN" card --content "$FIXTURE" balanced-expert --round 1 |
	sed 's/^edition: .*/edition: balanced-expert\/round-1/' >"$TMP/card.yaml"
"$KITGEN" score --content "$FIXTURE" --templates "$ROOT/templates" --out "$TMP/score" "$TMP/card.yaml" >/dev/null 2>"$TMP/err"
status=$?
[ "$status" = 1 ] && grep -q "card.yaml:6:10: error: edition 'balanced-expert/round-1' is a part of the panel packet 'balanced-expert': a card names the packet" "$TMP/err" &&
	[ ! -e "$TMP/score" ] && ok "a card naming a packet's part is refused at its edition" ||
	not_ok "a card naming a packet's part is refused at its edition" "exit $status" "$(head -3 "$TMP/err")"
