#!/bin/sh
# t-loop.sh - `kitgen loop`: one candidate's loop, the packet's parts
# with the candidate, the date and each round's interviewer filled in on
# the cover and on the forms' lines, in every format; every usage error
# with its exact message, exit 2 and nothing written; --out inside the
# kit's output folder refused unless --force-output-dir; all files or
# none when a write fails.
. "$(dirname "$0")/lib.sh"

CAND="Zoë Example-Candidate"
I1="Grace Q. Interviewer"
I2="Alan Second"
DATE=2026-12-01
L="$KITGEN loop --content $FIXTURE --templates $ROOT/templates"

$L balanced-expert --candidate "$CAND" --date "$DATE" --interviewer 1="$I1" \
	--interviewer systems="$I2" --out "$TMP/loop" >"$TMP/out" 2>"$TMP/err"
status=$?
want="debrief.html debrief.md debrief.pdf loop-plan.html loop-plan.md loop-plan.pdf round-1.html round-1.md round-1.pdf round-2.html round-2.md round-2.pdf "
got=$(cd "$TMP/loop" 2>/dev/null && ls | LC_ALL=C sort | tr '\n' ' ')
[ "$status" = 0 ] && [ "$got" = "$want" ] && [ ! -s "$TMP/err" ] &&
	ok "loop writes the loop plan, each round and the debrief sheet in every format" ||
	not_ok "loop writes the loop plan, each round and the debrief sheet in every format" "exit $status" "$got" "$(cat "$TMP/err")"
check "... and says so, a line a file" test "$(grep -c "^wrote $TMP/loop/" "$TMP/out")" = 12

# The text of each file, for every format: Markdown as written, HTML's
# text, the PDF's (pdftotext keeps a filled line's label and value on one
# line with -layout).
text() {
	case $1 in
	*.pdf) pdftotext -layout "$1" - ;;
	*.html) sed -e 's/<[^>]*>/ /g' -e 's/&amp;/\&/g' -e "s/&#39;/'/g" "$1" ;;
	*) cat "$1" ;;
	esac
}

bad=""
for f in "$TMP/loop"/*; do
	t=$(text "$f")
	for v in "$CAND" "$DATE"; do
		printf '%s' "$t" | grep -qF "$v" || bad="$bad
${f##*/} lacks '$v'"
	done
	case ${f##*/} in
	round-1.* | loop-plan.*) printf '%s' "$t" | grep -qF "$I1" || bad="$bad
${f##*/} lacks round 1's interviewer" ;;
	esac
	case ${f##*/} in
	round-2.* | loop-plan.*) printf '%s' "$t" | grep -qF "$I2" || bad="$bad
${f##*/} lacks round 2's interviewer" ;;
	esac
	case ${f##*/} in
	round-2.* | debrief.*) printf '%s' "$t" | grep -qF "$I1" && bad="$bad
${f##*/} names round 1's interviewer" ;;
	esac
done
[ -z "$bad" ] && ok "the candidate and the date are in every document in every format; each round's interviewer in its round and the loop plan only" ||
	not_ok "the candidate and the date are in every document in every format; each round's interviewer in its round and the loop plan only" "$bad"

# On the forms' lines, not only on the cover.
check "Markdown: the scorecard's Candidate, Interviewer and Date lines are filled in" sh -c \
	"grep -qxF '**Candidate:** $CAND' '$TMP/loop/round-1.md' &&
	 grep -qxF '**Interviewer:** $I1' '$TMP/loop/round-1.md' &&
	 grep -qxF '**Date:** $DATE' '$TMP/loop/round-1.md'"
check "HTML: the scorecard's lines hold the values" sh -c \
	"grep -Eq '<input type=\"text\" class=\"line\" id=\"round-1-scorecard.interviewer\"[^>]* value=\"$I1\">' '$TMP/loop/round-1.html' &&
	 grep -Eq '<input type=\"text\" class=\"line\" id=\"round-1-scorecard.candidate\"[^>]* value=\"$CAND\">' '$TMP/loop/round-1.html'"
check "PDF: the values are on the scorecard's lines, beside their labels" sh -c \
	"pdftotext -layout '$TMP/loop/round-1.pdf' - | grep -Eq 'Candidate: +$CAND' &&
	 pdftotext -layout '$TMP/loop/round-1.pdf' - | grep -Eq 'Interviewer: +$I1' &&
	 pdftotext -layout '$TMP/loop/round-1.pdf' - | grep -Eq 'Date: +$DATE'"
check "the debrief sheet's Candidate and Date lines are filled in" sh -c \
	"grep -qxF '**Candidate:** $CAND' '$TMP/loop/debrief.md' && grep -qxF '**Date:** $DATE' '$TMP/loop/debrief.md'"
check "the loop plan says who interviews in each round" sh -c \
	"grep -qF '| 1 | Coding (must-have) | Q3 | 20 min | 60% | $I1 |' '$TMP/loop/loop-plan.md' ||
	 grep -qE '^\\| 1 \\|.*\\| $I1 \\|\$' '$TMP/loop/loop-plan.md'"
check "the cover names the candidate, the date and the round's interviewer" \
	grep -qF "Candidate: $CAND · Date: $DATE · Interviewer: $I1. For the interviewer of one round" "$TMP/loop/round-1.md"
check "a round's document holds that round only (round_leaks.py)" sh -c \
	"'$KITGEN' export --content '$FIXTURE' balanced-expert >'$TMP/plan.json' &&
	 /usr/bin/python3 '$ROOT/tests/round_leaks.py' --loop '$FIXTURE' '$TMP/plan.json' '$TMP/loop'"

# A round nobody was named for keeps its blank line; the same loop gives
# the same bytes.
$L balanced-expert --candidate "$CAND" --date "$DATE" --out "$TMP/blank" --format md >/dev/null 2>&1
check "without --interviewer a round's Interviewer line stays blank" \
	grep -q '^\*\*Interviewer:\*\* \\_\\_\\_' "$TMP/blank/round-2.md"
check "--format md writes Markdown only" test "$(ls "$TMP/blank" | wc -l)" = 4
$L balanced-expert --candidate "$CAND" --date "$DATE" --interviewer 1="$I1" \
	--interviewer systems="$I2" --out "$TMP/again" >/dev/null 2>&1
check "the same loop gives the same bytes" diff -r "$TMP/loop" "$TMP/again"
$L panels/balanced-fresher --candidate "$CAND" --date "$DATE" --paper LETTER \
	--format pdf --out "$TMP/letter" >/dev/null 2>&1
check "--paper letter (any case) prints the PDFs on Letter" sh -c \
	"pdfinfo '$TMP/letter/round-1.pdf' | grep -q 'Page size: *612 x 792'"

# Usage errors: the exact message, exit 2, nothing written.
usage() { # NAME MESSAGE ARGS...: want "kitgen loop: MESSAGE", the hint, exit 2
	name=$1
	msg=$2
	shift 2
	rm -rf "$TMP/u"
	"$@" >"$TMP/uout" 2>"$TMP/uerr"
	status=$?
	printf 'kitgen loop: %s\nTry '\''kitgen loop --help'\''.\n' "$msg" >"$TMP/uwant"
	if [ "$status" = 2 ] && cmp -s "$TMP/uwant" "$TMP/uerr" && [ ! -e "$TMP/u" ] && [ ! -s "$TMP/uout" ]; then
		ok "usage error: $name"
	else
		not_ok "usage error: $name" "exit $status; wrote: $(ls "$TMP/u" 2>/dev/null | tr '\n' ' ')" "$(cat "$TMP/uerr")"
	fi
}
A="--candidate Ada --date $DATE --out $TMP/u"
usage "no edition" "give the panel packet (see 'kitgen list')" $L $A
usage "two editions" "give one panel packet, not also 'balanced-fresher'" $L balanced-expert balanced-fresher $A
usage "an unknown packet, did you mean" "no panel packet 'balanced-expret' (did you mean 'balanced-expert'? see 'kitgen list')" $L balanced-expret $A
usage "an unknown packet, none close" "no panel packet 'zzz' (see 'kitgen list')" $L zzz $A
usage "a candidate's guide is not a packet" "'candidates/balanced-expert' is not a panel packet: name one (see 'kitgen list')" $L candidates/balanced-expert $A
usage "a part is not a packet" "'balanced-expert/round-1' is not a panel packet: name one (see 'kitgen list')" $L balanced-expert/round-1 $A
usage "no --candidate" "--candidate NAME is required" $L balanced-expert --date $DATE --out "$TMP/u"
usage "no --date" "--date YYYY-MM-DD is required" $L balanced-expert --candidate Ada --out "$TMP/u"
usage "no --out" "--out DIR is required" $L balanced-expert --candidate Ada --date $DATE
usage "an empty name" "option '--candidate' has an empty value" $L balanced-expert --candidate "" --date $DATE --out "$TMP/u"
usage "a name with a control character" "--candidate 'Ada\\x1b[2J' holds a control character" \
	$L balanced-expert --candidate "$(printf 'Ada\033[2J')" --date $DATE --out "$TMP/u"
usage "a name with a line break" "--candidate 'Ada\\x0aLovelace' holds a control character" \
	$L balanced-expert --candidate "$(printf 'Ada\nLovelace')" --date $DATE --out "$TMP/u"
usage "a name that is not UTF-8" "--candidate 'Ada\\xff' is not valid UTF-8" \
	$L balanced-expert --candidate "$(printf 'Ada\377')" --date $DATE --out "$TMP/u"
long=$(printf '%0201d' 0)
usage "a name over 200 bytes" "--candidate '$long' is longer than 200 bytes" \
	$L balanced-expert --candidate "$long" --date $DATE --out "$TMP/u"
usage "a date that does not exist" "--date '2026-02-29' is not a date: give YYYY-MM-DD" \
	$L balanced-expert --candidate Ada --date 2026-02-29 --out "$TMP/u"
usage "a date in another form" "--date '12/01/2026' is not a date: give YYYY-MM-DD" \
	$L balanced-expert --candidate Ada --date 12/01/2026 --out "$TMP/u"
usage "--interviewer without ROUND=" "--interviewer 'Grace' should be ROUND=NAME (ROUND a round's number or its area's id)" \
	$L balanced-expert $A --interviewer Grace
usage "--interviewer with an empty name" "option '--interviewer' has an empty value" \
	$L balanced-expert $A --interviewer 1=
usage "--interviewer with a control character" "--interviewer 'Gr\\x07ace' holds a control character" \
	$L balanced-expert $A --interviewer "1=$(printf 'Gr\007ace')"
usage "a round the loop does not have" "--interviewer '3=Grace': the loop of balanced-expert has no round '3' (rounds 1 to 2, or their areas: coding, systems)" \
	$L balanced-expert $A --interviewer 3=Grace
usage "round 0" "--interviewer '0=Grace': the loop of balanced-expert has no round '0' (rounds 1 to 2, or their areas: coding, systems)" \
	$L balanced-expert $A --interviewer 0=Grace
usage "an area the loop does not have, did you mean" "--interviewer 'sytems=Grace': the loop of balanced-expert has no round 'sytems' (did you mean 'systems'? rounds 1 to 2, or their areas: coding, systems)" \
	$L balanced-expert $A --interviewer sytems=Grace
usage "the same round twice, by number and by area" "--interviewer 'systems=Alan': round 2 already has an interviewer ('2=Grace')" \
	$L balanced-expert $A --interviewer 2=Grace --interviewer systems=Alan
$L balanced-expert $A --format docx >"$TMP/uout" 2>"$TMP/uerr"
status=$?
[ "$status" = 2 ] && [ "$(cat "$TMP/uerr")" = "kitgen loop: unknown format 'docx' (available: md, html, pdf)" ] && [ ! -e "$TMP/u" ] &&
	ok "usage error: an unknown format (as build says it)" ||
	not_ok "usage error: an unknown format (as build says it)" "exit $status" "$(cat "$TMP/uerr")"
usage "an unknown option" "unknown option '--candiate'" $L balanced-expert --candiate Ada --date $DATE --out "$TMP/u"
"$KITGEN" loop --help >"$TMP/help" 2>&1
check "--help says which ROUND it takes and why output/ is refused" sh -c \
	"grep -q 'round.s number in the loop plan' '$TMP/help' && grep -q \"capability area's id\" '$TMP/help' &&
	 grep -q 'Names are personal data' '$TMP/help' && grep -q -- '--force-output-dir' '$TMP/help'"

# --out inside the kit's output folder: ./output, and output/ beside the
# content folder, however the path is spelt; --force-output-dir allows it.
mkdir -p "$TMP/kit/output" "$TMP/elsewhere"
cp -R "$FIXTURE" "$TMP/kit/content"
(cd "$TMP/kit" && "$KITGEN" loop balanced-expert --templates "$ROOT/templates" --candidate Ada \
	--date $DATE --out output/loops/ada) >"$TMP/uout" 2>"$TMP/uerr"
status=$?
msg="kitgen loop: --out 'output/loops/ada' is inside the kit's output folder 'output', which a build may publish, and a loop's documents hold names: write them elsewhere, or give --force-output-dir"
[ "$status" = 2 ] && [ "$(head -1 "$TMP/uerr")" = "$msg" ] && [ -z "$(ls -A "$TMP/kit/output")" ] &&
	ok "--out inside ./output is refused, nothing written" ||
	not_ok "--out inside ./output is refused, nothing written" "exit $status" "$(cat "$TMP/uerr")"
(cd "$TMP/elsewhere" && "$KITGEN" loop balanced-expert --content ../kit/content --templates "$ROOT/templates" \
	--candidate Ada --date $DATE --out ../kit/content/../output) >"$TMP/uout" 2>"$TMP/uerr"
status=$?
msg="kitgen loop: --out '../kit/content/../output' is inside the kit's output folder '../kit/output', which a build may publish, and a loop's documents hold names: write them elsewhere, or give --force-output-dir"
[ "$status" = 2 ] && [ "$(head -1 "$TMP/uerr")" = "$msg" ] && [ -z "$(ls -A "$TMP/kit/output")" ] &&
	ok "--out that is the output folder beside the content folder is refused" ||
	not_ok "--out that is the output folder beside the content folder is refused" "exit $status" "$(cat "$TMP/uerr")"
ln -s "$TMP/kit/output" "$TMP/elsewhere/link"
(cd "$TMP/elsewhere" && "$KITGEN" loop balanced-expert --content ../kit/content --templates "$ROOT/templates" \
	--candidate Ada --date $DATE --out link/ada) >"$TMP/uout" 2>"$TMP/uerr"
[ $? = 2 ] && [ -z "$(ls -A "$TMP/kit/output")" ] && ok "... also through a symbolic link" ||
	not_ok "... also through a symbolic link" "$(cat "$TMP/uerr")"
(cd "$TMP/kit" && "$KITGEN" loop balanced-expert --templates "$ROOT/templates" --candidate Ada \
	--date $DATE --out output/loops/ada --force-output-dir) >"$TMP/uout" 2>"$TMP/uerr"
[ $? = 0 ] && [ -s "$TMP/kit/output/loops/ada/round-1.pdf" ] && ok "--force-output-dir writes there" ||
	not_ok "--force-output-dir writes there" "$(cat "$TMP/uerr")"

# All or nothing: a template that fails leaves the folder as it was.
mkdir -p "$TMP/keep"
printf 'old\n' >"$TMP/keep/round-1.md"
cp -R "$ROOT/templates" "$TMP/tpl"
printf '{{#body}}unclosed\n' >"$TMP/tpl/pdf/../html/document.mustache"
"$KITGEN" loop balanced-expert --content "$FIXTURE" --templates "$TMP/tpl" --candidate Ada \
	--date $DATE --out "$TMP/keep" >"$TMP/uout" 2>"$TMP/uerr"
status=$?
[ "$status" != 0 ] && [ "$(ls -A "$TMP/keep")" = round-1.md ] && [ "$(cat "$TMP/keep/round-1.md")" = old ] &&
	ok "a loop that fails half way writes nothing and leaves the folder as it was" ||
	not_ok "a loop that fails half way writes nothing and leaves the folder as it was" "exit $status: $(ls -A "$TMP/keep" | tr '\n' ' ')" "$(cat "$TMP/uerr")"
