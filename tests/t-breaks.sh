#!/bin/sh
# t-breaks.sh - the page-break rules of the PDF's layout engine (README,
# "How pages break"): no table row or rubric band split unless taller
# than a page; a box or list split over pages keeps two lines or items on
# each side and heads its later part with its label and "(continued)"; no
# page ends on a hyphenation break; no heading at a page's foot; no body
# page but a section's last under a fifth full; a section's short tail
# pulled back; titles balanced. Checked page by page from the layout
# engine's record (KITGEN_LAYOUT_RECORD) and the PDF's text
# (tests/breakcheck.py), over content/ (the public kit and a packet), the
# fixture kits and a kit made to meet every rule (tests/breakkit.py), in
# A4 and Letter. Each rule is shown to matter: with it turned off
# (KITGEN_BREAKS_OFF) the stress kit breaks it.
. "$(dirname "$0")/lib.sh"
CHECK="/usr/bin/python3 $ROOT/tests/breakcheck.py"

# record NAME PAPER CONTENT [OFF]: build CONTENT on PAPER into $TMP/NAME,
# recording the layout into $TMP/NAME.rec, with the rules OFF names off.
record() {
	rm -rf "$TMP/$1" "$TMP/$1.rec"
	mkdir -p "$TMP/$1.rec"
	KITGEN_BREAKS_OFF=${4:-} KITGEN_LAYOUT_RECORD="$TMP/$1.rec" \
		"$KITGEN" build --content "$3" --templates "$ROOT/templates" --format pdf \
		--paper "$2" --out "$TMP/$1" >/dev/null 2>"$TMP/err" ||
		not_ok "$1 builds" "$(cat "$TMP/err")"
}

# rec NAME PDF: the record of $TMP/NAME/PDF
rec() {
	echo "$TMP/$1.rec/$(echo "$TMP/$1/$2" | tr / _).layout.jsonl"
}

# rules NAME PDF [ARGS]: every rule holds in $TMP/NAME/PDF
rules() {
	if $CHECK "$(rec "$1" "$2")" "$TMP/$1/$2" ${3:-} >"$TMP/out" 2>&1; then
		ok "$1: $2 keeps every page-break rule"
	else
		not_ok "$1: $2 keeps every page-break rule" "$(head -20 "$TMP/out")"
	fi
}

stress=$(fixture_copy stress)
/usr/bin/python3 "$ROOT/tests/breakkit.py" "$stress" ||
	not_ok "the stress kit is made"
check "the stress kit checks clean" "$KITGEN" check --content "$stress"

for paper in a4 letter; do
	record "content-$paper" "$paper" "$ROOT/content"
	rules "content-$paper" backend-interview-kit.pdf
	rules "content-$paper" panels/generalist-intermediate.pdf
	rules "content-$paper" candidates/platform-engineer-expert.pdf
	record "fixture-$paper" "$paper" "$FIXTURE"
	rules "fixture-$paper" fixture-kit.pdf
	rules "fixture-$paper" panels/balanced-expert.pdf
	record "stress-$paper" "$paper" "$stress"
	rules "stress-$paper" fixture-kit.pdf --tails
	rules "stress-$paper" panels/balanced-expert.pdf
done

# the record is the PDF's: one line per page, and the PDF the same bytes
# with or without it
pages=$(pdfinfo "$TMP/content-a4/backend-interview-kit.pdf" | sed -n 's/^Pages: *//p')
n=$(grep -c '"items"' "$(rec content-a4 backend-interview-kit.pdf)")
if [ "$pages" = "$n" ]; then
	ok "the record has a line for each of the public kit's $pages pages"
else
	not_ok "the record has a line per page" "$n lines, $pages pages"
fi
"$KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" \
	--format pdf --out "$TMP/plain" >/dev/null 2>&1
check "recording the layout leaves the PDF's bytes alone" \
	cmp "$TMP/plain/backend-interview-kit.pdf" "$TMP/content-a4/backend-interview-kit.pdf"

# the stress kit meets each rule: a band taller than a page (split, its
# label continued), a list and a callout at a page's foot, a heading, a
# hyphenated line, a short tail, a title with a short last word
grep -q '"t":"rowpart"\|"kind":"band"' "$(rec stress-a4 fixture-kit.pdf)" &&
	ok "the stress kit has rubric bands" || not_ok "the stress kit has rubric bands"
if pdftotext "$TMP/stress-a4/fixture-kit.pdf" - | tr '\n' ' ' | grep -q "Weak (continued)"; then
	ok "a band taller than a page repeats its label, continued"
else
	not_ok "a band taller than a page repeats its label, continued"
fi

# each rule matters: turned off, the stress kit breaks it (on A4 or on
# Letter: where a page ends differs)
for rule in rows widows continued hyphen headings tails balance; do
	: >"$TMP/out"
	for paper in a4 letter; do
		record "off-$rule-$paper" "$paper" "$stress" "$rule"
		$CHECK "$(rec "off-$rule-$paper" fixture-kit.pdf)" \
			"$TMP/off-$rule-$paper/fixture-kit.pdf" --tails >>"$TMP/out" 2>&1
	done
	if grep -q "^$rule: " "$TMP/out"; then
		ok "without the $rule rule the stress kit breaks it"
	else
		not_ok "without the $rule rule the stress kit breaks it" \
			"$(head -5 "$TMP/out")"
	fi
done

# a rule's name that is not one is an error, and nothing is written
rm -rf "$TMP/bad"
if KITGEN_BREAKS_OFF=widows,nosuch "$KITGEN" build --content "$FIXTURE" \
	--templates "$ROOT/templates" --format pdf --out "$TMP/bad" \
	>/dev/null 2>"$TMP/err"; then
	not_ok "an unknown rule in KITGEN_BREAKS_OFF fails the build"
elif grep -q "no page-break rule 'nosuch'" "$TMP/err" &&
	! [ -e "$TMP/bad/fixture-kit.pdf" ]; then
	ok "an unknown rule in KITGEN_BREAKS_OFF fails the build, writing nothing"
else
	not_ok "an unknown rule in KITGEN_BREAKS_OFF fails the build, writing nothing" \
		"$(cat "$TMP/err")"
fi
