#!/bin/sh
# t-score.sh - kitgen card and kitgen score: blank cards, hand-worked
# debriefs (the weighted total and every gate of the decision rule, each
# failing on its own), the spread between interviewers, --anonymise, a
# kit made with `kitgen init`, and usage errors. Bad cards are
# tests/cases/card-*.case.
. "$(dirname "$0")/lib.sh"

# The real kit's platform-engineer-expert loop: rounds 1-5 are
# distributed-systems (30, must-have), production-readiness (30,
# must-have), coding-debugging (15), collaboration (15, the behavioural
# round), data-persistence (10); the rule is threshold 2.25, borderline
# 2.00, Weak below 2.00, at most 1 Weak area.
ED=platform-engineer-expert

# card DIR CANDIDATE ROUND INTERVIEWER OVERALL [CONTENT [EDITION]]: a
# filled card, every dimension rated as the overall (not-probed for a
# missing one)
card() {
	"$KITGEN" card "${7:-$ED}" --content "${6:-$ROOT/content}" --round "$3" 2>>"$TMP/card.err" |
		sed -e "s/^candidate: \"\"/candidate: $2/" \
		    -e "s/^interviewer: \"\"/interviewer: $4/" \
		    -e "s/^date: \"\".*/date: 2026-12-01/" \
		    -e "s/^    rating:\$/    rating: $5/" \
		    -e "s/^overall:.*/overall: $5/" >"$1/$2-$3-$4.yaml"
}

# loop NAME R1 R2 R3 R4 R5: one candidate's five cards, then score them
loop() {
	mkdir -p "$TMP/$1"
	card "$TMP/$1" "$1" 1 ia "$2"
	card "$TMP/$1" "$1" 2 ib "$3"
	card "$TMP/$1" "$1" 3 ic "$4"
	card "$TMP/$1" "$1" 4 id "$5"
	card "$TMP/$1" "$1" 5 ie "$6"
	"$KITGEN" score --content "$ROOT/content" "$TMP/$1"/*.yaml >"$TMP/$1.out" 2>&1
}

# debrief NAME NAME TEXT...: the debrief holds each line of TEXT exactly
debrief() {
	name=$1 who=$2
	md=$TMP/$2/debrief-$2.md
	shift 2
	for line in "$@"; do
		if ! grep -qxF -- "$line" "$md" 2>/dev/null; then
			not_ok "$name" "missing: $line" "$(cat "$TMP/$who.out" 2>&1)" \
				"$(sed -n '/id="decision"/,/id="spread"/p' "$md" 2>&1 | head -30)"
			return
		fi
	done
	ok "$name"
}

# (30×3 + 30×2 + 15×2 + 15×2 + 10×2) / 100 = 2.30
loop hire strong acceptable acceptable acceptable acceptable
debrief "a hire: 2.30, every gate passed" hire \
	'**By the decision rule:** **hire**' \
	'**Weighted total:** 2.30 (threshold 2.25, borderline from 2.00)' \
	'| 1 | Distributed-systems judgement (must-have) | 30 | ia: Strong | 3.00 | 90.00 |' \
	'| Must-have areas | No must-have area scores below 2.00 | passed |' \
	'| Weak limit | At most 1 Weak area (below 2.00) | 0 Weak: passed |' \
	'| Threshold | Hire at 2.25 or above; from 2.00, borderline; below, no hire | 2.30: passed |'

# must-have distributed-systems Weak, total (30 + 90 + 45 + 45 + 30) /
# 100 = 2.40, one Weak area: only the must-have gate fails
loop musthave weak strong strong strong strong
debrief "the must-have gate fails on its own" musthave \
	'**By the decision rule:** **no hire**' \
	'| Must-have areas | No must-have area scores below 2.00 | failed |' \
	'| Weak limit | At most 1 Weak area (below 2.00) | 1 Weak: passed |' \
	'| Threshold | Hire at 2.25 or above; from 2.00, borderline; below, no hire | 2.40: passed |'

# coding and collaboration Weak: (90 + 90 + 15 + 15 + 30) / 100 = 2.40,
# must-haves strong: only the Weak limit fails
loop weaklimit strong strong weak weak strong
debrief "the Weak limit fails on its own" weaklimit \
	'**By the decision rule:** **no hire**' \
	'| Must-have areas | No must-have area scores below 2.00 | passed |' \
	'| Weak limit | At most 1 Weak area (below 2.00) | 2 Weak: failed |' \
	'| Threshold | Hire at 2.25 or above; from 2.00, borderline; below, no hire | 2.40: passed |'

# coding Weak only: (60 + 60 + 15 + 30 + 20) / 100 = 1.85: only the
# threshold fails
loop threshold acceptable acceptable weak acceptable acceptable
debrief "the threshold fails on its own" threshold \
	'**By the decision rule:** **no hire**' \
	'| Must-have areas | No must-have area scores below 2.00 | passed |' \
	'| Weak limit | At most 1 Weak area (below 2.00) | 1 Weak: passed |' \
	'| Threshold | Hire at 2.25 or above; from 2.00, borderline; below, no hire | 1.85: failed |'

# all Acceptable: 2.00, borderline
loop borderline acceptable acceptable acceptable acceptable acceptable
debrief "2.00 is borderline" borderline \
	'**By the decision rule:** **borderline**' \
	'| Threshold | Hire at 2.25 or above; from 2.00, borderline; below, no hire | 2.00: borderline |'

# two interviewers on round 1, Strong and Weak: the round scores 2.00,
# spread 2.00; (60 + 60 + 30 + 30 + 20) / 100 = 2.00
loop spread strong acceptable acceptable acceptable acceptable
card "$TMP/spread" spread 1 if weak
"$KITGEN" score --content "$ROOT/content" "$TMP/spread"/*.yaml >"$TMP/spread.out" 2>&1
debrief "two interviewers on a round: the mean, and the spread" spread \
	'| 1 | Distributed-systems judgement (must-have) | 30 | ia: Strong; if: Weak | 2.00 | 60.00 |' \
	'| 1 | ia: Strong; if: Weak | 2.00 |' \
	'**Weighted total:** 2.00 (threshold 2.25, borderline from 2.00)'

# a round rated not-probed overall has no rating: no decision, and it is listed
loop unrated strong strong strong strong not-probed
debrief "a round without a rating: incomplete, listed as not probed" unrated \
	'**By the decision rule:** **incomplete**' \
	'**Weighted total:** not known: a round has no rating' \
	'| 5 | Data and persistence | 10 | ie: Not probed | not rated | |' \
	'  - Round 5: the overall rating'

# --anonymise: no name in any file, the same pseudonym every time
mkdir -p "$TMP/anon"
card "$TMP/anon" Ada 1 Grace strong
card "$TMP/anon" Ada 2 Alan strong
card "$TMP/anon" Ada 3 Linus strong
card "$TMP/anon" Ada 4 Edsger strong
card "$TMP/anon" Ada 5 Barbara strong
"$KITGEN" score --anonymise --out "$TMP/anon/out" "$TMP/anon"/*.yaml >/dev/null 2>&1
set -- "$TMP"/anon/out/debrief-candidate-*.md
if [ -f "$1" ] && ! grep -rqE 'Ada|Grace|Alan|Linus|Edsger|Barbara' "$TMP/anon/out" &&
	[ -z "$(ls "$TMP"/anon/out/ | grep -i ada)" ]; then
	ok "--anonymise leaves no name in any report"
else
	not_ok "--anonymise leaves no name in any report" "$(ls "$TMP/anon/out")"
fi
"$KITGEN" score --anonymise --out "$TMP/anon/out2" "$TMP/anon"/*.yaml >/dev/null 2>&1
check "--anonymise gives the same pseudonyms every run" \
	cmp "$TMP/anon/out/$(basename "$1")" "$TMP/anon/out2/$(basename "$1")"

# the default folder is the first card's, never the kit's output/
check "debriefs go beside the cards by default" test -s "$TMP/hire/debrief-hire.pdf"

# a kit made with kitgen init and its own profile scores too: two rounds,
# craft and judgement, 50 each, judgement must-have
"$KITGEN" init "$TMP/new" -q
mkdir -p "$TMP/initkit"
ied=$("$KITGEN" list --content "$TMP/new/content" 2>/dev/null | sed -n 's/^panels\/\([^ ]*\).*/\1/p' | head -1)
card "$TMP/initkit" initkit 1 ia strong "$TMP/new/content" "$ied"
card "$TMP/initkit" initkit 2 ib acceptable "$TMP/new/content" "$ied"
"$KITGEN" score --content "$TMP/new/content" "$TMP/initkit"/*.yaml >"$TMP/initkit.out" 2>&1
debrief "a kit made with kitgen init scores: (50×3 + 50×2) / 100 = 2.50" initkit \
	'**By the decision rule:** **hire**' \
	'**Weighted total:** 2.50 (threshold 2.25, borderline from 2.00)'

# blank cards and usage
"$KITGEN" card "$ED" >"$TMP/blank.yaml"
check "card prints one document per round" test "$(grep -c '^round: ' "$TMP/blank.yaml")" = 5
"$KITGEN" card "$ED" --round 9 >/dev/null 2>"$TMP/err"; rc=$?
check "card --round past the plan is a usage error" test "$rc" = 2
"$KITGEN" card nope >/dev/null 2>&1; rc=$?
check "card of an unknown edition is a usage error" test "$rc" = 2
"$KITGEN" score >/dev/null 2>&1; rc=$?
check "score without cards is a usage error" test "$rc" = 2
"$KITGEN" score --round 1 x.yaml >/dev/null 2>&1; rc=$?
check "score refuses an option it does not take" test "$rc" = 2
"$KITGEN" card "$ED" --round 1 >"$TMP/blank1.yaml"
"$KITGEN" score --out "$TMP/blankout" "$TMP/blank1.yaml" >/dev/null 2>"$TMP/err"; rc=$?
check "a blank card is refused with exit 1 and nothing written" \
	test "$rc" = 1 -a ! -e "$TMP/blankout/debrief-.md"
"$KITGEN" score --help >"$TMP/help"
check "score --help says where debriefs go" grep -q "never to the kit's output folder" "$TMP/help"

# a debrief holds a candidate's name and ratings: marked confidential on
# the cover and every page, in every format
d=$TMP/hire/debrief-hire
marked=1
grep -qE "Confidential — a candidate(’|')s personal data" "$d.md" || marked=0
grep -qE "Confidential — a candidate(’|'|&#39;|&rsquo;)s personal data" "$d.html" || marked=0
pages=$(pdfinfo "$d.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
for p in $(seq 1 "${pages:-0}"); do
	pdftotext -f "$p" -l "$p" "$d.pdf" - | tr '\n' ' ' | sed "s/’/'/g" |
		grep -qF "Confidential — a candidate's personal data" || marked=0
done
check "a debrief is marked confidential personal data in every format, on every page (of $pages)" \
	test "$marked" = 1 -a "${pages:-0}" -gt 0

# the reports pass the same checkers as every kit (markdownlint when
# installed)
nu_check "the Nu Html Checker passes the HTML reports" \
	"$TMP/hire/debrief-hire.html" "$TMP/spread/debrief-spread.html"
if [ -x "$ROOT/node_modules/.bin/markdownlint-cli2" ]; then
	check "markdownlint passes the Markdown reports" \
		"$ROOT/node_modules/.bin/markdownlint-cli2" "$TMP/hire/debrief-hire.md" "$TMP/spread/debrief-spread.md"
fi

# a card made with an older version: a warning, and what changed since
# then in the round's topic, from the kit at that version's git tag (here
# the question the card rates, round 1's cache-2)
repo=$TMP/repo
fixture_repo "$repo"
mkdir -p "$TMP/old"
card "$TMP/old" Ada 1 Grace strong "$repo/content" balanced-expert
grep -q '^  cache-2:' "$TMP/old/Ada-1-Grace.yaml" || not_ok "round 1 of balanced-expert rates cache-2"
sed -i 's/^version: 0.3.1$/version: 0.4.0/' "$repo/content/kit.yaml"
sed -i '/^  - id: cache-2$/,/^    prompt: /s/^    prompt: .*/    prompt: How would you warm a cold cache?/' "$repo/content/topics/01-cache.yaml"
"$KITGEN" score --content "$repo/content" --out "$TMP/old/out" "$TMP/old"/*.yaml \
	>/dev/null 2>"$TMP/old.err"
grep -E '^[^ ].*: (warning|note): ' "$TMP/old.err" | sed "s|$TMP/||" >"$TMP/old.got"
cat >"$TMP/old.want" <<EOW
old/Ada-1-Grace.yaml:4:10: warning: card was made with version 0.3.1 of the kit, not 0.4.0: it is scored against 0.4.0
old/Ada-1-Grace.yaml:4:10: note: since 0.3.1: changed question cache-2: prompt: "How do you stop a cache stampede?" → "How would you warm a cold cache?"
EOW
same_text "an older card: a warning and the changes to its topic since its version" \
	"$TMP/old.want" "$TMP/old.got"

# From a folder with no ./templates, --templates names them (the default
# would be the installed ones)
mkdir -p "$TMP/away"
(cd "$TMP/away" && "$KITGEN" score --content "$FIXTURE" --templates "$ROOT/templates" \
	--out "$TMP/away/out" "$ROOT"/tests/fixture/cards/*.yaml) >/dev/null 2>"$TMP/away.err" &&
	[ -s "$TMP/away/out/debrief-ada-example.pdf" ] &&
	ok "score --templates DIR writes the debrief from any folder" ||
	not_ok "score --templates DIR writes the debrief from any folder" "$(cat "$TMP/away.err")"
