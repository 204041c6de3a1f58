#!/bin/sh
# t-linebreak.sh - line breaking and hyphenation in the PDF (README, "How
# lines break"), over real PDFs (tests/linebreakcheck.py): the CJK fixture
# breaks Chinese and Japanese between characters, its lines filling the
# column, none starting with closing punctuation nor ending with opening
# punctuation; the German translation of the fixture kit (--language de)
# and the public kit in English are hyphenated, in prose only (never a
# heading, a table row, code), never on a page's last line, never three
# lines in a row, each word copying whole; a kit whose language has no
# dictionary is not hyphenated and builds with no word about it.
. "$(dirname "$0")/lib.sh"
CHECK="/usr/bin/python3 $ROOT/tests/linebreakcheck.py"

# build NAME CONTENT [ARGS]: a PDF build into $TMP/NAME, its layout
# recorded into $TMP/NAME.rec
build() {
	name=$1
	content=$2
	shift 2
	rm -rf "$TMP/$name" "$TMP/$name.rec"
	mkdir -p "$TMP/$name.rec"
	KITGEN_LAYOUT_RECORD="$TMP/$name.rec" "$KITGEN" build -q --content "$content" \
		--templates "$ROOT/templates" --format pdf --out "$TMP/$name" "$@" \
		>/dev/null 2>"$TMP/$name.err"
}

# rec NAME PDF: the record of $TMP/NAME/PDF
rec() {
	echo "$TMP/$1.rec/$(echo "$TMP/$1/$2" | tr / _).layout.jsonl"
}

# ---- Chinese and Japanese ---------------------------------------------------
if build cjk "$ROOT/tests/fixture/cjk" && $CHECK cjk "$TMP/cjk/cjk-kit.pdf" >"$TMP/out" 2>&1; then
	ok "CJK breaks between characters, fills its lines, no line starts with closing punctuation"
else
	not_ok "CJK breaks between characters, fills its lines, no line starts with closing punctuation" \
		"$(cat "$TMP/cjk.err" "$TMP/out" | head -20)"
fi

# ---- hyphenation --------------------------------------------------------------
# hyphens NAME PDF LEAST: the hyphenation rules hold in $TMP/NAME/PDF, with
# at least LEAST hyphenated lines
hyphens() {
	if $CHECK hyphens "$(rec "$1" "$2")" "$TMP/$1/$2" "$3" >"$TMP/out" 2>&1; then
		ok "$1: $2 is hyphenated in prose only, two lines in a row at most, no page ending on one, words copying whole"
	else
		not_ok "$1: $2 is hyphenated in prose only, two lines in a row at most, no page ending on one, words copying whole" \
			"$(head -20 "$TMP/out")"
	fi
}

de=$(fixture_copy de-kit)
cp -R "$ROOT/tests/fixture/translations" "$de/"
build de "$de" --language de || not_ok "the German translation builds" "$(cat "$TMP/de.err")"
hyphens de de/fixture-kit.pdf 3
build en "$ROOT/content" || not_ok "the public kit builds" "$(cat "$TMP/en.err")"
hyphens en backend-interview-kit.pdf 20

# a language with no dictionary installed: no hyphen, no word about it
nl=$(fixture_copy nl-kit)
sed -i '/^language:/d; 1i language: nl' "$nl/kit.yaml"
build nl "$nl"
if ! grep -qi hyphen "$TMP/nl.err" && [ -s "$TMP/nl/fixture-kit.pdf" ] &&
   ! grep -q '"hy":2' "$(rec nl fixture-kit.pdf)"; then
	ok "a kit in a language with no dictionary is not hyphenated, and no error"
else
	not_ok "a kit in a language with no dictionary is not hyphenated, and no error" \
		"$(head -5 "$TMP/nl.err")"
fi
