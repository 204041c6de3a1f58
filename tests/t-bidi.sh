#!/bin/sh
# t-bidi.sh - bidirectional text in the PDF (layout.h, "Bidi"): the
# Arabic fixture (language ar) is set right to left and mirrored, its
# mixed sentence (an English word, a number, a code span in Arabic prose)
# in bidi order; an Arabic phrase inside an English kit's paragraph is
# reordered in place; copying gives the logical text; no .notdef glyph.
# The per-glyph checks are in tests/bidicheck.py (PyMuPDF).
. "$(dirname "$0")/lib.sh"
CHECK="/usr/bin/python3 $ROOT/tests/bidicheck.py"

build() { # build NAME CONTENT: the kit as PDF into $TMP/NAME
	rm -rf "$TMP/$1"
	"$KITGEN" build --content "$2" --templates "$ROOT/templates" \
		--out "$TMP/$1" --format pdf >/dev/null 2>"$TMP/$1.err"
}

bidi_check() { # bidi_check WHAT PDF CHECK
	if $CHECK "$3" "$2" >"$TMP/out" 2>&1; then ok "$1"
	else not_ok "$1" "$(cat "$TMP/out")"; fi
}

# copies WHAT PDF TEXT: pdftotext gives TEXT, in logical order; the bidi
# marks it adds and every space are taken out of both (it moves the
# spaces at the edges of an embedded run to the run's other side)
copies() {
	squeeze='import sys, unicodedata as u
print("".join(c for c in sys.stdin.read()
	      if not c.isspace() and u.category(c) != "Cf"))'
	pdftotext -enc UTF-8 "$2" - 2>/dev/null |
		/usr/bin/python3 -c "$squeeze" >"$TMP/text"
	want=$(printf '%s' "$3" | /usr/bin/python3 -c "$squeeze")
	if grep -qF "$want" "$TMP/text"; then ok "$1"
	else not_ok "$1" "'$3' not in the text"; fi
}

if build ar "$ROOT/tests/fixture/arabic" && [ ! -s "$TMP/ar.err" ]; then
	ok "the Arabic kit builds with no warning"
else
	not_ok "the Arabic kit builds with no warning" "$(cat "$TMP/ar.err")"
fi
pdf=$TMP/ar/arabic-kit.pdf
bidi_check "a mixed Arabic sentence is in bidi order" "$pdf" order
bidi_check "a right-to-left paragraph is right-aligned, ragged left" "$pdf" align
bidi_check "list bullets stand right of their items" "$pdf" list
bidi_check "every list item, English or Arabic, ends at its bullet on the kit's side, in its own order" "$pdf" listside
bidi_check "a table's first column is its rightmost" "$pdf" table
bidi_check "the running header, footer and contents are mirrored" "$pdf" furniture
copies "the mixed sentence copies in logical order" "$pdf" \
	"يستخدم الفريق Redis لتخزين 429 طلبا في الثانية ثم يشغل"
if /usr/bin/python3 "$ROOT/tests/shapecheck.py" notdef "$pdf" >"$TMP/out" 2>&1
then ok "no .notdef glyph in the right-to-left kit"
else not_ok "no .notdef glyph in the right-to-left kit" "$(cat "$TMP/out")"; fi

if build cjk "$ROOT/tests/fixture/cjk" && [ ! -s "$TMP/cjk.err" ]; then
	ok "the English kit with an Arabic phrase builds with no warning"
else
	not_ok "the English kit with an Arabic phrase builds with no warning" \
		"$(cat "$TMP/cjk.err")"
fi
bidi_check "an Arabic phrase in English prose is reordered in place" \
	"$TMP/cjk/cjk-kit.pdf" ltr
copies "the phrase copies in logical order" "$TMP/cjk/cjk-kit.pdf" \
	"مرحبا بكم في الفريق"

# a watermark mixing scripts is one line in bidi order (kg_bidi_runs):
# in the English kit, "DRAFT", then the Arabic words right to left, then
# "v2"; a panel packet's PDF draws it
rm -rf "$TMP/wmkit"
cp -R "$ROOT/tests/fixture/cjk" "$TMP/wmkit"
printf 'watermark: "DRAFT مسودة أولى v2"\n' >>"$TMP/wmkit/kit.yaml"
if build wm "$TMP/wmkit" && [ ! -s "$TMP/wm.err" ]; then
	pdf=$(ls "$TMP"/wm/panels/*.pdf 2>/dev/null | head -1)
	if [ -n "$pdf" ]; then
		bidi_check "a watermark that mixes scripts is drawn in bidi order" \
			"$pdf" watermark
	else
		not_ok "a watermark that mixes scripts is drawn in bidi order" \
			"no panel packet PDF in $TMP/wm"
	fi
else
	not_ok "the kit with a mixed watermark builds" "$(cat "$TMP/wm.err")"
fi
