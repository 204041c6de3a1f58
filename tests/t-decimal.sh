#!/bin/sh
# t-decimal.sh - every fraction kitgen writes into a document is written
# with the language's decimal separator (label number.decimal: "," in
# German, French and Spanish): the decision rule's scores in the panel
# packet's scorecards and debrief sheet and in the candidate's guide, a
# debrief's weighted total, round scores, products and spread, the
# calibration report's agreement and leniency, the live totals of the
# packet page's card form; in Markdown, HTML and PDF alike. Percentages
# take the language's space before "%" (number.percent). English keeps
# the point, and so does the data written for programs (card files, CSV).
. "$(dirname "$0")/lib.sh"

# kit DIR LANG SEP: the fixture kit in LANG, its decision rule's scores
# set to numbers no other text of the kit holds (2.37, 1.83, 1.61), so
# that each one found in an output is kitgen's; its decision_rule states
# them as the language writes them, with SEP (which `kitgen check`
# accepts as stating them)
kit() {
	rm -rf "$1"
	mkdir -p "$1"
	cp -R "$FIXTURE" "$1/content"
	sed -i -e "s/^version: \(.*\)$/version: \1\nlanguage: $2/" \
		-e 's/^  threshold: 2.25$/  threshold: 2.37/' \
		-e 's/^  borderline: 2.25$/  borderline: 1.83/' \
		-e 's/^  weak_below: 2.00$/  weak_below: 1.61/' \
		-e "s/^decision_rule: .*/decision_rule: Hire at 2${3}37 or more, borderline from 1${3}83, with zero areas below 1${3}61./" \
		"$1/content/kit.yaml"
}

# card DIR CONTENT CANDIDATE ROUND INTERVIEWER RATING
card() {
	"$KITGEN" card balanced-expert --content "$2" --round "$4" |
		sed -e "s/^candidate: \"\"/candidate: $3/" \
		    -e "s/^interviewer: \"\"/interviewer: $5/" \
		    -e "s/^date: \"\".*/date: 2026-12-01/" \
		    -e "s/^    rating:\$/    rating: $6/" \
		    -e "s/^overall:.*/overall: $6/" >"$1/$3-$4-$5.yaml"
}

# text FILE: a Markdown file as is, an HTML page's text without its
# markup, style and scripts, a PDF's text (PyMuPDF's, which keeps a
# no-break space as drawn; pdftotext's does not)
text() {
	case $1 in
	*.pdf) /usr/bin/python3 -c 'import sys, fitz
for p in fitz.open(sys.argv[1]):
    sys.stdout.write(p.get_text())' "$1" ;;
	*.html) sed -e '/<style/,/<\/style>/d' -e '/<script/,/<\/script>/d' \
		-e 's/<[^>]*>//g' "$1" ;;
	*) cat "$1" ;;
	esac
}

for lang in de fr es en; do
	K=$TMP/$lang
	if [ "$lang" = en ]; then sep=. other=, ; else sep=, other=. ; fi
	kit "$K" "$lang" "$sep"
	want=$(printf '2%s37' "$sep")
	"$KITGEN" build -q --content "$K/content" --templates "$ROOT/templates" \
		--out "$K/out" >"$K/build.err" 2>&1 ||
		not_ok "$lang: the kit builds" "$(head -5 "$K/build.err")"
	mkdir -p "$K/cards"
	card "$K/cards" "$K/content" A 1 Grace strong
	card "$K/cards" "$K/content" A 1 Alan acceptable
	card "$K/cards" "$K/content" A 2 Linus acceptable
	card "$K/cards" "$K/content" B 1 Grace acceptable
	card "$K/cards" "$K/content" B 2 Linus weak
	"$KITGEN" score --content "$K/content" --out "$K/debriefs" "$K/cards"/*.yaml \
		>"$K/score.err" 2>&1 || not_ok "$lang: kitgen score" "$(cat "$K/score.err")"
	"$KITGEN" calibrate --content "$K/content" --out "$K/cal" "$K/cards"/*.yaml \
		>"$K/cal.err" 2>&1 || not_ok "$lang: kitgen calibrate" "$(cat "$K/cal.err")"

	# The rule's scores: written with the separator in every format of
	# every document that states the rule, and never with the other one.
	bad=
	for f in "$K"/out/panels/balanced-expert.md "$K"/out/panels/balanced-expert.html \
		"$K"/out/panels/balanced-expert.pdf "$K"/out/candidates/balanced-expert.md \
		"$K"/out/candidates/balanced-expert.html "$K"/out/candidates/balanced-expert.pdf \
		"$K"/debriefs/debrief-a.md "$K"/debriefs/debrief-a.html \
		"$K"/debriefs/debrief-a.pdf; do
		t=$(text "$f")
		for n in 2.37 1.83 1.61; do
			w=$(printf '%s' "$n" | tr . "$sep")
			printf '%s' "$t" | grep -qF "$w" ||
				bad="$bad
${f#"$K"/}: no $w"
		done
		if printf '%s' "$t" | grep -qE "(2|1)[$other](37|83|61)([^0-9]|$)"; then
			bad="$bad
${f#"$K"/}: $(printf '%s' "$t" | grep -oE ".{20}(2|1)[$other](37|83|61)([^0-9]|$)" | head -2)"
		fi
	done
	[ -z "$bad" ] && ok "$lang: the decision rule's scores read $want in the packet, the guide and the debrief, every format" ||
		not_ok "$lang: the decision rule's scores read $want in the packet, the guide and the debrief, every format" "$bad"

	# The debrief's own figures: candidate A's round 1 is (3 + 2) / 2 =
	# 2.50, its product 125.00, its spread 1.00; the total 2.25.
	bad=
	for f in "$K"/debriefs/debrief-a.md "$K"/debriefs/debrief-a.html "$K"/debriefs/debrief-a.pdf; do
		t=$(text "$f")
		for n in 2.50 125.00 1.00 2.25; do
			w=$(printf '%s' "$n" | tr . "$sep")
			printf '%s' "$t" | grep -qF "$w" || bad="$bad
${f#"$K"/}: no $w"
		done
		# every number with two decimals there is kitgen's or in the
		# language's own form
		stray=$(printf '%s' "$t" | grep -oE "[0-9]+[$other][0-9]{2}([^0-9]|$)" | grep -v '^1[.,]0[.,]' | head -3)
		[ -n "$stray" ] && [ "$lang" != en ] && bad="$bad
${f#"$K"/}: $stray"
	done
	[ -z "$bad" ] && ok "$lang: a debrief's total, round scores, products and spread use $sep" ||
		not_ok "$lang: a debrief's total, round scores, products and spread use $sep" "$bad"

	# The calibration report: its agreement and leniency figures.
	bad=
	for f in "$K"/cal/calibration.md "$K"/cal/calibration.html "$K"/cal/calibration.pdf; do
		t=$(text "$f")
		printf '%s' "$t" | grep -qE "[0-9][$sep][0-9]{2}" || bad="$bad
${f#"$K"/}: no figure with $sep"
		[ "$lang" != en ] && printf '%s' "$t" | grep -qE "(^|[^0-9.])[0-9][.][0-9]{2}([^0-9]|$)" &&
			bad="$bad
${f#"$K"/}: $(printf '%s' "$t" | grep -oE ".{20}[0-9][.][0-9]{2}([^0-9]|$)" | head -2)"
	done
	[ -z "$bad" ] && ok "$lang: the calibration report's figures use $sep" ||
		not_ok "$lang: the calibration report's figures use $sep" "$bad"

	# Percentages (number.percent): the loop plan's and the guide's
	# weights, the public kit's profiles, the calibration report's share
	# of lines not probed and its chart's axis; German and Spanish set a
	# no-break space before "%", French a narrow one, English none. The
	# fixture's own text has no "%".
	case $lang in
	en) pc='[0-9]%' ;;
	fr) pc="[0-9]$(printf '\342\200\257')%" ;;
	*) pc="[0-9]$(printf '\302\240')%" ;;
	esac
	bad=
	for f in "$K"/out/panels/balanced-expert.md "$K"/out/panels/balanced-expert.html \
		"$K"/out/panels/balanced-expert.pdf "$K"/out/candidates/balanced-expert.md \
		"$K"/out/candidates/balanced-expert.pdf "$K"/out/fixture-kit.md \
		"$K"/out/fixture-kit.pdf "$K"/cal/calibration.md "$K"/cal/calibration.pdf; do
		t=$(text "$f")
		printf '%s' "$t" | grep -q "$pc" || bad="$bad
${f#"$K"/}: no percentage in the form $pc"
		# every "%" follows the language's form
		n_all=$(printf '%s' "$t" | grep -o '%' | wc -l)
		n_ok=$(printf '%s' "$t" | grep -o "$pc" | wc -l)
		[ "$n_all" = "$n_ok" ] || bad="$bad
${f#"$K"/}: $n_ok of $n_all percentages in the form $pc: $(printf '%s' "$t" | grep -o '.\{12\}%' | grep -v "$pc" | head -2)"
	done
	[ -z "$bad" ] && ok "$lang: every percentage is written as the language writes it" ||
		not_ok "$lang: every percentage is written as the language writes it" "$bad"

	# The card form's live totals: the page gives its script the
	# separator; the data the script writes keeps the point.
	if grep -qF "\"decimal\":\"$sep\"" "$K/out/panels/balanced-expert.html" &&
		grep -q "replace('.', W.decimal)" "$K/out/panels/balanced-expert.html" &&
		grep -q "setAttribute('data-total', fixed2(" "$K/out/panels/balanced-expert.html"; then
		ok "$lang: the card form shows its live totals with $sep"
	else
		not_ok "$lang: the card form shows its live totals with $sep" \
			"$(grep -o '"decimal":"[^"]*"' "$K/out/panels/balanced-expert.html")"
	fi
done

# Data for programs keep the point whatever the language.
if grep -q '^overall: strong' "$TMP/de/cards/A-1-Grace.yaml" &&
	grep -qE ',0\.[0-9]{4},' "$TMP/de/cal/calibration.csv"; then
	ok "de: the calibration CSV keeps the point"
else
	not_ok "de: the calibration CSV keeps the point" "$(head -3 "$TMP/de/cal/calibration.csv")"
fi
