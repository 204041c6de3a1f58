#!/bin/sh
# t-punct.sh - the punctuation kitgen puts around its labels follows the
# label: no space after full-width punctuation, which carries its own
# room (a Japanese kit's "日付：", "トピック：", "点数：", a sentence's
# "。", a note's "（続き）"), in Markdown, HTML and PDF; and a label that
# ends in a colon of its own takes no second one (labels.h,
# kg_label_colon, kg_label_field, kg_label_gap).
. "$(dirname "$0")/lib.sh"

# kit NAME LANG [LABELS-FILE]: content/ in LANG, LABELS-FILE appended to
# its kit.yaml
kit() {
	rm -rf "$TMP/$1"
	mkdir -p "$TMP/$1"
	cp -R "$ROOT/content" "$TMP/$1/content"
	sed -i "s/^version: \(.*\)$/version: \1\nlanguage: $2/" "$TMP/$1/content/kit.yaml"
	[ -n "${3:-}" ] && cat "$3" >>"$TMP/$1/content/kit.yaml"
	echo "$TMP/$1/content"
}

# text DIR: the text of every output under DIR, "==== FILE" before each
# (tests/trmarkers.py)
text() {
	/usr/bin/python3 "$ROOT/tests/trmarkers.py" text "$1"
}

# ---- Japanese: no space after full-width punctuation ------------------------------
J=$(kit ja ja)
"$KITGEN" build -q --content "$J" --templates "$ROOT/templates" --out "$TMP/ja/out" \
	>"$TMP/ja.err" 2>&1 || not_ok "the Japanese kit builds" "$(head -5 "$TMP/ja.err")"
text "$TMP/ja/out" >"$TMP/ja.txt"
# Full-width punctuation (U+3000-303F but the corner brackets 「」『』 that
# smart quotes make of the English content's quotes, U+FF01-FF0F,
# U+FF1A-FF20), then a space and a character that is not a Markdown table's
# cell border: a space kitgen put there.
bad=$(LC_ALL=C.UTF-8 grep -noP '.{0,12}[\x{3000}-\x{300B}\x{3010}-\x{303F}\x{FF01}-\x{FF0F}\x{FF1A}-\x{FF20}][*_]* (?![|])\S.{0,8}' \
	"$TMP/ja.txt" | head -8)
if [ -s "$TMP/ja.txt" ] && grep -q '点数：' "$TMP/ja.txt" && grep -q 'トピック：' "$TMP/ja.txt" &&
	[ -z "$bad" ]; then
	ok "ja: no space after full-width punctuation in Markdown, HTML or PDF"
else
	not_ok "ja: no space after full-width punctuation in Markdown, HTML or PDF" "$bad"
fi

# A sentence kitgen composes ends in the language's full stop: the debrief
# sheet's unused questions and its points (punct.full_stop, "。"), never
# an English "." after Japanese words.
bad=$(LC_ALL=C.UTF-8 grep -noP '.{0,12}[\x{3040}-\x{30FF}\x{4E00}-\x{9FFF}]\.(\s|$)' "$TMP/ja.txt" | head -5)
[ -z "$bad" ] && ok "ja: no English full stop after Japanese words" ||
	not_ok "ja: no English full stop after Japanese words" "$bad"

# ---- labels that end in their own colon ------------------------------------------------
# Each goes through another path: a field run into its value
# (public.key_contains), a box's label (common.red_flags, public.cues), a
# line to write on (form.date, form.candidate); a label before a list
# (public.area_topics) already ends in one in English; the cover's labels
# (cover.version, cover.publisher) are the Markdown template's
# (cover_labels: the label with its colon, or its own, and the gap after
# it; none after a full-width colon).
cat >"$TMP/colon.yaml" <<'EOF'
labels:
  public.key_contains: "A strong answer contains:"
  common.red_flags: "Red flags:"
  public.cues: "Recruiter cues:"
  form.date: "Date:"
  form.candidate: "Candidate:"
  cover.version: "Version:"
  cover.publisher: "Publisher："
EOF
C=$(kit colon en "$TMP/colon.yaml")
"$KITGEN" build -q --content "$C" --templates "$ROOT/templates" --out "$TMP/colon/out" \
	>"$TMP/colon.err" 2>&1 || not_ok "the kit with colon labels builds" "$(head -5 "$TMP/colon.err")"
text "$TMP/colon/out" >"$TMP/colon.txt"
bad=$(grep -noE '.{0,30}[[:alpha:]](::|：：).{0,10}' "$TMP/colon.txt" | head -8)
missing=
for w in 'A strong answer contains:' 'Red flags:' 'Recruiter cues:' 'Date:' 'Candidate:'; do
	grep -qF "$w" "$TMP/colon.txt" || missing="$missing '$w'"
done
for w in '**Version:** 1.' '**Publisher：**kitgen contributors'; do
	grep -qF "$w" "$TMP/colon/out/backend-interview-kit.md" || missing="$missing '$w'"
done
if [ -s "$TMP/colon.txt" ] && [ -z "$bad" ] && [ -z "$missing" ]; then
	ok "a label that ends in a colon takes no second one, in every format"
else
	not_ok "a label that ends in a colon takes no second one, in every format" "$bad" "missing:$missing"
fi
