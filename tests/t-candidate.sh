#!/bin/sh
# t-candidate.sh - the candidate's guides are safe to send: built from the
# committed kit and from a `kitgen init` kit in every format, no guide
# (its Markdown, its HTML's text, its PDF's text) holds a distinctive
# eight-word run of any question, answer, hint, red flag, follow-up,
# recruiter cue, answer key, signal, rubric or scenario of its kit
# (tests/candidate_leaks.py). The checker is shown to catch a leak: a
# phrase of a question added to a guide, and every format of a panel
# packet, which holds the answers, must fail it. Also: one guide per
# profile and level, what each holds (the rounds with their minutes, the
# level's expectations, the bands), the index page says who each edition
# is for, and questions_phase is checked against the loop's phases.
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3
LEAKS="$ROOT/tests/candidate_leaks.py"
$PY -c 'import yaml' 2>/dev/null ||
	{ not_ok "python3-yaml is installed (tools/deps.sh --test)"; exit 0; }
command -v pdftotext >/dev/null ||
	{ not_ok "pdftotext is installed (apt-get install poppler-utils)"; exit 0; }

# build KIT OUT: every edition of KIT in every format
build() {
	"$KITGEN" build -q --content "$1" --templates "$ROOT/templates" --out "$2" \
		>"$TMP/build.err" 2>&1 ||
		not_ok "kitgen build $1" "$(cat "$TMP/build.err")"
}

# no_leak NAME CONTENT FILE...: the checker finds nothing in the files
no_leak() {
	name=$1 content=$2
	shift 2
	if $PY "$LEAKS" "$content" "$@" >"$TMP/leaks" 2>&1; then
		ok "$name: no secret of the kit in $# files ($(tail -1 "$TMP/leaks"))"
	else
		not_ok "$name: no secret of the kit in $# files" "$(head -20 "$TMP/leaks")"
	fi
}

# leaks NAME CONTENT FILE: the checker finds a leak in the file
leaks() {
	if $PY "$LEAKS" "$2" "$3" >"$TMP/leaks" 2>&1; then
		not_ok "$1" "$(cat "$TMP/leaks")"
	else
		grep -q ': leaks ' "$TMP/leaks" && ok "$1" || not_ok "$1" "$(cat "$TMP/leaks")"
	fi
}

# ---- the committed kit ----------------------------------------------------
build "$ROOT/content" "$TMP/kit"
want=$(( $("$KITGEN" list --content "$ROOT/content" | grep -Ec '^panels/[^/ ]+ ') * 3 ))
got=$(find "$TMP/kit/candidates" -type f 2>/dev/null | wc -l)
[ "$got" -gt 0 ] && [ "$got" = "$want" ] &&
	ok "a guide per packet, in every format ($got files)" ||
	not_ok "a guide per packet, in every format" "got $got files, want $want"
no_leak "committed kit" "$ROOT/content" "$TMP"/kit/candidates/*

# ---- a kitgen init kit -------------------------------------------------------
"$KITGEN" init -q "$TMP/new" --role "Site reliability" >/dev/null 2>&1 ||
	not_ok "kitgen init"
build "$TMP/new/content" "$TMP/newout"
got=$(find "$TMP/newout/candidates" -type f 2>/dev/null | wc -l)
[ "$got" = 9 ] && ok "an init kit has its guides (1 profile x 3 levels x 3 formats)" ||
	not_ok "an init kit has its guides (1 profile x 3 levels x 3 formats)" "$got files"
no_leak "init kit" "$TMP/new/content" "$TMP"/newout/candidates/*
md="$TMP/newout/candidates/generalist-expert.md"
grep -qi 'Thank you for applying. Every candidate for this Site reliability role' "$md" &&
	ok "the init kit's guide has the skeleton's welcome, with the role" ||
	not_ok "the init kit's guide has the skeleton's welcome, with the role"

# ---- the checker can fail ------------------------------------------------------
phrase=$($PY -c 'import sys, yaml
t = yaml.safe_load(open(sys.argv[1]))
print(" ".join(t["questions"][0]["prompt"].split()[:12]))' "$ROOT"/content/topics/01-*.yaml)
for ext in md html; do
	cp "$TMP/kit/candidates/generalist-fresher.$ext" "$TMP/leaky.$ext"
	printf '\n%s\n' "$phrase" >>"$TMP/leaky.$ext"
	leaks "self-test: a question's words added to a guide ($ext) are caught" \
		"$ROOT/content" "$TMP/leaky.$ext"
done
# the same words, differently cased and wrapped, are still caught
printf '\n%s\n' "$phrase" | tr 'a-z' 'A-Z' | fold -s -w 17 >"$TMP/leaky-wrapped.md"
leaks "self-test: case and line breaks do not hide a leak" "$ROOT/content" "$TMP/leaky-wrapped.md"
for ext in md html pdf; do
	leaks "self-test: a panel packet ($ext), which holds the answers, is caught" \
		"$ROOT/content" "$TMP/kit/panels/generalist-expert.$ext"
done

# ---- what a guide holds ----------------------------------------------------------
md="$TMP/kit/candidates/platform-engineer-expert.md"
check "the guide names its role and level" grep -q "Candidate's guide: Platform engineer, Expert" "$md"
check "the guide lists the rounds with their minutes and weights" \
	grep -q '^| \[1\](#your-round-1) | Distributed-systems judgement | 45 minutes | 30% (must-have) |$' "$md"
check "the guide holds the level's expectations" grep -q 'Does capacity arithmetic unprompted' "$md"
if grep -q 'Does capacity arithmetic unprompted' "$TMP/kit/candidates/platform-engineer-fresher.md"; then
	not_ok "a fresher's guide holds no other level's expectations"
else
	ok "a fresher's guide holds no other level's expectations"
fi
check "the guide holds the rating bands" grep -q '^  - \*\*Acceptable (2):\*\* The candidate reaches a design' "$md"
check "the guide says how long the candidate's own questions take" \
	grep -q 'So every round leaves you 7 minutes for your own questions' "$md"
check "the guide states the decision from its values" grep -q 'At 2.25 or above, the panel recommends an offer' "$md"
check "the guide has the kit's words on adjustments" grep -q '^## <a id="adjustments"></a>What you can ask for$' "$md"
check "the index page says a guide is safe to send" \
	grep -q '<p class="audience safe">for candidates — safe to send</p>' "$TMP/kit/index.html"
check "the index page says a packet is for the panel" \
	grep -q "<p class=\"audience\">for the interview panel: its rounds&#39; questions and answer keys</p>" "$TMP/kit/index.html"

# ---- the fixture: no candidate_guide, no decision values ---------------------------
kit=$(fixture_copy nodecision)
sed -i '/^decision:/,/^  weak_limit:/d' "$kit/kit.yaml"
"$KITGEN" build -q --content "$kit" --out "$TMP/fix" --format md --edition candidates/balanced-fresher >/dev/null 2>&1
md="$TMP/fix/candidates/balanced-fresher.md"
check "without decision values, the guide quotes the decision rule" grep -q 'Hire at 2.25 or more with zero areas below 2.00' "$md"
if [ -s "$md" ] && ! grep -q 'id="preparing"' "$md"; then
	ok "without candidate_guide, the guide has no part in the kit's own words"
else
	not_ok "without candidate_guide, the guide has no part in the kit's own words"
fi
check "with loop.phases and no questions_phase, no time is promised" \
	sh -c "! grep -q 'leaves you' '$md'"

# ---- questions_phase names a phase ---------------------------------------------------
kit=$(fixture_copy phase)
cat >>"$kit/kit.yaml" <<'EOF'
candidate_guide:
  welcome: Welcome.
  preparing: Sleep well.
  adjustments: Ask for anything.
  after_the_loop: We write within a week.
  questions_phase: Candidate's questions
EOF
"$KITGEN" check --content "$kit" >"$TMP/out" 2>&1 &&
	ok "questions_phase naming a phase checks clean" ||
	not_ok "questions_phase naming a phase checks clean" "$(cat "$TMP/out")"
line=$(grep -n 'questions_phase' "$kit/kit.yaml" | cut -d: -f1)
sed -i "s/^  questions_phase: .*/  questions_phase: Candidate questions/" "$kit/kit.yaml"
"$KITGEN" check --content "$kit" >"$TMP/out" 2>&1
rc=$?
[ $rc = 1 ] &&
	grep -q "kit.yaml:$line:20: error: 'questions_phase' names no phase of a round: 'Candidate questions' (did you mean 'Candidate's questions'?)" "$TMP/out" &&
	grep -q "kit.yaml:$line:20: note: a round's phases: Opening, Main material, Candidate's questions" "$TMP/out" &&
	ok "questions_phase naming no phase is an error at it, with the phases" ||
	not_ok "questions_phase naming no phase is an error at it, with the phases" "rc $rc" "$(cat "$TMP/out")"
sed -i "s/^  questions_phase: .*/  questions_phase: Candidate's questions/" "$kit/kit.yaml"
"$KITGEN" build -q --content "$kit" --out "$TMP/phase" --format md --edition candidates/balanced-expert >/dev/null 2>&1
check "questions_phase gives the candidate's time for questions" \
	grep -q 'So every round leaves you 5 minutes for your own questions' "$TMP/phase/candidates/balanced-expert.md"
sed -i "s/^  after_the_loop: .*/  after_the_loop: [a, list]/" "$kit/kit.yaml"
"$KITGEN" check --content "$kit" >"$TMP/out" 2>&1
line=$(grep -n 'after_the_loop' "$kit/kit.yaml" | cut -d: -f1)
grep -q "kit.yaml:$line:19: error: 'after_the_loop' should be text, not a list" "$TMP/out" &&
	ok "candidate_guide's fields are shape-checked at their place" ||
	not_ok "candidate_guide's fields are shape-checked at their place" "$(cat "$TMP/out")"

# ---- bash completion knows the guides --------------------------------------------------
if command -v bash >/dev/null 2>&1; then
	cat >"$TMP/comp.bash" <<'SH'
. "$1"
shift
COMP_WORDS=("$@")
COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
_kitgen
printf '%s\n' "${COMPREPLY[@]}" | LC_ALL=C sort | tr '\n' ' ' | sed 's/ $//'
SH
	got=$(bash "$TMP/comp.bash" "$ROOT/completion/kitgen.bash" "$KITGEN" build \
		--content "$FIXTURE" --edition cand)
	[ "$got" = "candidates/balanced-expert candidates/balanced-fresher" ] &&
		ok "completion: --edition cand -> the candidate's guides" ||
		not_ok "completion: --edition cand -> the candidate's guides" "got: $got"
	got=$(bash "$TMP/comp.bash" "$ROOT/completion/kitgen.bash" "$KITGEN" card \
		--content "$FIXTURE" "")
	[ "$got" = "balanced-expert balanced-fresher" ] &&
		ok "completion: card offers packets, never a guide" ||
		not_ok "completion: card offers packets, never a guide" "got: $got"
else
	not_ok "bash is installed"
fi

# a guide has no scorecard: card refuses it
got=$("$KITGEN" card candidates/balanced-expert --content "$FIXTURE" 2>&1)
[ $? = 2 ] && [ "$got" = "kitgen card: no panel packet 'candidates/balanced-expert' (see 'kitgen list')" ] &&
	ok "kitgen card refuses a candidate's guide" ||
	not_ok "kitgen card refuses a candidate's guide" "$got"

# a pinned round of its own length: the guide gives its time, and the
# main phase's range
kit=$(fixture_copy pinned)
sed -i 's/^    must_have: \[coding\]$/    must_have: [coding]\n    rounds:\n      - area: systems\n        topic: queue\n        minutes: 40/' "$kit/kit.yaml"
"$KITGEN" build -q --content "$kit" --templates "$ROOT/templates" --out "$TMP/pinned" --format md \
	--edition candidates/balanced-expert >/dev/null 2>&1
md="$TMP/pinned/candidates/balanced-expert.md"
check "a pinned round's own length is in the guide" grep -q '^| \[2\](#your-round-2) | Systems | 40 minutes | 50% |$' "$md"
check "the main phase's minutes run from the shortest round's to the longest's" \
	grep -q '^2\.  \*\*Main material\*\* (15 to 30 minutes, by the round.s length): ' "$md"
