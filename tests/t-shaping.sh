#!/bin/sh
# t-shaping.sh - text shaped with HarfBuzz in the PDF: kerning and
# ligatures in prose and neither in code, ligatures copied as their
# letters, Chinese, Japanese, Korean and emoji drawn from fallback faces
# (one a TrueType collection's), the same under any locale, Arabic joined
# and right to left, no .notdef glyph, and a character no font has is a
# warning and a visible mark. The per-glyph checks are in
# tests/shapecheck.py (PyMuPDF); copying is pdftotext's.
. "$(dirname "$0")/lib.sh"
CHECK="/usr/bin/python3 $ROOT/tests/shapecheck.py"

build() { # build NAME CONTENT [TEMPLATES]: the kit as PDF into $TMP/NAME
	rm -rf "$TMP/$1"
	"$KITGEN" build --content "$2" --templates "${3:-$ROOT/templates}" \
		--out "$TMP/$1" --format pdf >/dev/null 2>"$TMP/$1.err"
}

cjk_copy() { # cjk_copy NAME: a fresh copy of the CJK fixture kit, its path
	rm -rf "${TMP:?}/$1"
	cp -R "$ROOT/tests/fixture/cjk" "$TMP/$1"
	echo "$TMP/$1"
}

shape_check() { # shape_check WHAT PDF CHECK
	if $CHECK "$3" "$2" >"$TMP/out" 2>&1; then ok "$1"
	else not_ok "$1" "$(cat "$TMP/out")"; fi
}

copies() { # copies WHAT PDF TEXT...: pdftotext gives every TEXT
	what=$1
	pdf=$2
	shift 2
	# Chinese and Japanese break between characters (UAX #14): a line
	# break between two of them is no space, so join it
	pdftotext "$pdf" - 2>/dev/null | perl -CSD -0pe \
		's/(?<=[\x{3000}-\x{9FFF}\x{FF00}-\x{FFEF}])\n(?=[\x{3000}-\x{9FFF}\x{FF00}-\x{FFEF}])//g' \
		>"$TMP/text"
	for t in "$@"; do
		if ! grep -qF "$t" "$TMP/text"; then
			not_ok "$what" "'$t' not in the text"
			return
		fi
	done
	ok "$what"
}

for kit in cjk arabic; do
	if out=$("$KITGEN" check --content "$ROOT/tests/fixture/$kit" 2>&1) &&
	   rm -rf "$TMP/all" &&
	   "$KITGEN" build --content "$ROOT/tests/fixture/$kit" \
		--templates "$ROOT/templates" --out "$TMP/all" >/dev/null 2>"$TMP/all.err" &&
	   [ ! -s "$TMP/all.err" ] && [ -s "$TMP/all/$kit-kit.md" ] &&
	   [ -s "$TMP/all/$kit-kit.html" ] && [ -s "$TMP/all/$kit-kit.pdf" ]; then
		ok "the $kit fixture passes check and builds in every format"
	else
		not_ok "the $kit fixture passes check and builds in every format" \
			"$out $(cat "$TMP/all.err")"
	fi
done

if build cjk "$ROOT/tests/fixture/cjk" && [ ! -s "$TMP/cjk.err" ]; then
	ok "the CJK kit builds with no warning"
else
	not_ok "the CJK kit builds with no warning" "$(cat "$TMP/cjk.err")"
fi
pdf=$TMP/cjk/cjk-kit.pdf
shape_check "prose is kerned (TJ numbers), code is not" "$pdf" kerning
shape_check "prose has fi/ffi ligatures, code has none" "$pdf" ligatures
copies "ligatures copy as their letters" "$pdf" "office staff find an" \
	"efficient first draft" "office = find_ffi(x)"
shape_check "CJK characters come from a fallback face" "$pdf" fallback
shape_check "no .notdef glyph in the CJK kit" "$pdf" notdef
copies "CJK text copies as written" "$pdf" "面接キット" \
	"本キットは面接官のための小さな見本です。每个问题都有评分标准。" \
	"缓存设计" "キャッシュは何のためにありますか？"

# Droid Sans Fallback has no bold: a bold CJK run is drawn filled and
# stroked (render mode 2, which MuPDF reports as a fill and a stroke),
# the regular text after it only filled, and every 2 Tr is ended by 0 Tr
# in the same text object
if /usr/bin/python3 - "$pdf" >"$TMP/out" 2>&1 <<'PY'
import fitz, re, sys
d = fitz.open(sys.argv[1])
filled, stroked = "", ""
for page in d:
    for s in page.get_texttrace():
        t = "".join(chr(c[0]) for c in s["chars"])
        if s["type"] == 0:
            filled += t + "|"
        elif s["type"] == 1:
            stroked += t + "|"
    c = page.read_contents().decode("latin-1")
    for bt in re.findall(r"BT\n(.*?)\nET", c, re.S):
        modes = re.findall(r"^([02]) Tr$", bt, re.M)
        if modes and modes[-1] != "0":
            sys.exit("a text object ends in render mode 2")
    # the stroke is size/30 wide (PDF's initial width is 1)
    w, size = 1.0, 0.0
    for m in re.finditer(r"([\d.]+) w\n|/F\d+ ([\d.]+) Tf\n|2 Tr\n", c):
        if m.group(1):
            w = float(m.group(1))
        elif m.group(2):
            size = float(m.group(2))
        elif abs(w - size / 30) > 0.01:
            sys.exit("stroke %g wide for size %g" % (w, size))
ok = ("太字の注意点" in stroked and "太字の注意点" in filled and
      "と普通の文" in filled and "と普通の文" not in stroked and
      "本キット" not in stroked and "efficient" not in stroked)
sys.exit(0 if ok else "stroked: " + stroked[:300])
PY
then ok "bold CJK from a face with no bold is drawn bold (2 Tr), regular is not"
else not_ok "bold CJK from a face with no bold is drawn bold (2 Tr), regular is not" "$(cat "$TMP/out")"
fi

# DejaVu Sans Mono has neither kerning nor ligatures: set code in DejaVu
# Sans, which has both, and code must still get neither
cp -R "$ROOT/templates" "$TMP/tpl"
sed -i 's/^  mono: .*/  mono: DejaVu Sans/' "$TMP/tpl/pdf/style.yaml"
if build cjk-sans "$ROOT/tests/fixture/cjk" "$TMP/tpl"; then
	pdf=$TMP/cjk-sans/cjk-kit.pdf
	shape_check "code in a face with kerning is not kerned" "$pdf" kerning
	shape_check "code in a face with ligatures has none" "$pdf" ligatures
	copies "code copies as written" "$pdf" "office = find_ffi(x)"
else
	not_ok "the CJK kit builds with code in DejaVu Sans" "$(cat "$TMP/cjk-sans.err")"
fi

if build arabic "$ROOT/tests/fixture/arabic" && [ ! -s "$TMP/arabic.err" ]; then
	ok "the Arabic kit builds with no warning"
else
	not_ok "the Arabic kit builds with no warning" "$(cat "$TMP/arabic.err")"
fi
pdf=$TMP/arabic/arabic-kit.pdf
shape_check "Arabic is joined and right to left" "$pdf" arabic
shape_check "no .notdef glyph in the Arabic kit" "$pdf" notdef
# a line of only right-to-left words copies in logical order (a line that
# mixes directions waits for the bidi algorithm); للاختبار holds the
# lam-alef ligature
copies "Arabic copies in logical order" "$pdf" "دليل المقابلة" \
	"مجموعة صغيرة للاختبار" "تصميم ذاكرة مؤقتة"

# a character no installed font has (a private-use one): a warning that
# names it, and a visible mark in its place, never a .notdef box
kit=$(cjk_copy pua-kit)
sed -i 's/^title: Today.*/title: Odd \xee\x80\x80 mark/' "$kit/kit.yaml"
# ... at its place, the column on the character, once a run (not once a
# document), in check as in build; exit status 0 as for other warnings
want="$kit/kit.yaml:4:12: warning: character U+E000 is in no installed font"
if build pua "$kit" && grep -qF "$want" "$TMP/pua.err" &&
   [ "$(grep -c 'U+E000' "$TMP/pua.err")" = 1 ]; then
	ok "a character no font has is a warning at its place, once"
else
	not_ok "a character no font has is a warning at its place, once" \
		"$(cat "$TMP/pua.err")"
fi
if "$KITGEN" check --content "$kit" >/dev/null 2>"$TMP/check.err" &&
   grep -qF "$want" "$TMP/check.err" &&
   [ "$(grep -c 'U+E000' "$TMP/check.err")" = 1 ]; then
	ok "check warns about a character no font has at its place"
else
	not_ok "check warns about a character no font has at its place" \
		"$(cat "$TMP/check.err")"
fi
pdf=$(ls "$TMP"/pua/*.pdf 2>/dev/null | head -1)
shape_check "no .notdef glyph for a character no font has" "$pdf" notdef
if /usr/bin/python3 -c '
import fitz, sys
d = fitz.open(sys.argv[1])
for s in d[0].get_texttrace():
    for c in s["chars"]:
        if c[0] == 0xE000 and c[1] > 0 and "DejaVu" in s["font"]:
            sys.exit(0)
sys.exit(1)' "$pdf"; then
	ok "a character no font has is drawn as a replacement mark"
else
	not_ok "a character no font has is drawn as a replacement mark"
fi

# places inside a block scalar (its second line, a second character on
# it), in a quoted text after an escape that writes another (that one at
# the text's start), in a topic file, and in kit.yaml's labels
kit=$(cjk_copy pua-places)
/usr/bin/python3 - "$kit" <<'PY'
import sys
k = sys.argv[1]
p = k + '/topics/01-cache.yaml'
s = open(p).read()
# a block scalar's line (the fixture's may be either form), a quoted text
for old, new in (('exposes: Whether the candidate thinks about **staleness**.',
		  'exposes: |\n  Whether the candidate\n  thinks \ue000 about \ue001 **staleness**.'),
		 ('  Whether the candidate thinks about **staleness**.',
		  '  Whether the candidate\n  thinks \ue000 about \ue001 **staleness**.'),
		 ('  - "No fallback: a cache outage takes reads down."',
		  '  - "No fallback: \\ue002 a \ue003 cache outage takes reads down."')):
	if old in s and ('\ue000' not in s or 'ue002' in new):
		s = s.replace(old, new, 1)
if s.count('\ue000') != 1 or s.count('\ue003') != 1:
	sys.exit("the fixture's texts moved: t-shaping's edit no longer applies")
open(p, 'w').write(s)
open(k + '/kit.yaml', 'a').write('labels:\n  toc.title: "Inhalt \ue004"\n')
PY
line=$(grep -n '^labels:' "$kit/kit.yaml" | cut -d: -f1)
t=$(grep -n 'thinks .* about' "$kit/topics/01-cache.yaml" | cut -d: -f1)
q=$(grep -n 'No fallback' "$kit/topics/01-cache.yaml" | cut -d: -f1)
cat >"$TMP/want" <<EOF
$kit/kit.yaml:$((line + 1)):22: warning: character U+E004
$kit/topics/01-cache.yaml:$q:28: warning: character U+E003
$kit/topics/01-cache.yaml:$q:5: warning: character U+E002
$kit/topics/01-cache.yaml:$t:10: warning: character U+E000
$kit/topics/01-cache.yaml:$t:18: warning: character U+E001
EOF
for cmd in check build; do
	if [ $cmd = check ]; then
		"$KITGEN" check --content "$kit" >/dev/null 2>"$TMP/places.err"
	else
		build places "$kit"
	fi
	status=$?
	grep -o '^.*warning: character U+[0-9A-F]*' "$TMP/places.err" |
		LC_ALL=C sort >"$TMP/got"
	if [ $status = 0 ] && diff -u "$TMP/want" "$TMP/got" >"$TMP/diff"; then
		ok "$cmd: each character no font has at its own place"
	else
		not_ok "$cmd: each character no font has at its own place" \
			"status $status" "$(cat "$TMP/diff")"
	fi
done

# a label of the templates' labels file, in the kit's language
cp -R "$ROOT/templates" "$TMP/tpl-pua"
sed -i 's/^toc.title: .*/toc.title: "Inhalt \xee\x80\x85"/' "$TMP/tpl-pua/labels/de.yaml"
line=$(grep -n '^toc.title:' "$TMP/tpl-pua/labels/de.yaml" | cut -d: -f1)
kit=$(cjk_copy pua-de-kit)
echo 'language: de' >>"$kit/kit.yaml"
if build pua-de "$kit" "$TMP/tpl-pua" &&
   grep -qF "$TMP/tpl-pua/labels/de.yaml:$line:20: warning: character U+E005" \
	"$TMP/pua-de.err" && [ "$(grep -c 'U+E005' "$TMP/pua-de.err")" = 1 ]; then
	ok "a label's character no font has is a warning at its place"
else
	not_ok "a label's character no font has is a warning at its place" \
		"$(cat "$TMP/pua-de.err")"
fi

# kitgen loop too: the content's character at its place, once, and a
# name given on the command line (no place) once, from the layout
kit=$TMP/pua-places
"$KITGEN" loop balanced-expert --content "$kit" --templates "$ROOT/templates" \
	--candidate "Odd $(printf '\356\200\206')" --date 2026-12-01 \
	--out "$TMP/pua-loop" --format pdf >/dev/null 2>"$TMP/loop.err"
status=$?
if [ $status = 0 ] &&
   grep -qF "$kit/topics/01-cache.yaml:$t:10: warning: character U+E000" "$TMP/loop.err" &&
   [ "$(grep -c 'U+E000' "$TMP/loop.err")" = 1 ] &&
   [ "$(grep -c '^kitgen: warning: character U+E006 is in no installed font' "$TMP/loop.err")" = 1 ] &&
   [ "$(grep -c 'warning: character' "$TMP/loop.err")" = 6 ]; then
	ok "kitgen loop warns about each character no font has once, at its place if it has one"
else
	not_ok "kitgen loop warns about each character no font has once, at its place if it has one" \
		"status $status" "$(grep -v '^ ' "$TMP/loop.err")"
fi

# Korean and emoji: Hangul from a fallback face that has it (WenQuanYi
# Micro Hei, a TrueType collection: its first face, embedded as a
# standalone subset), an emoji from Symbola; none from the style's
# faces, none as .notdef, and both copy as written
kit=$(cjk_copy ko-kit)
sed -i 's/^subtitle: .*/subtitle: 한국어 면접 키트 🚀 with English/' "$kit/kit.yaml"
if build ko "$kit" && [ ! -s "$TMP/ko.err" ]; then
	ok "a kit with Korean and an emoji builds with no warning"
else
	not_ok "a kit with Korean and an emoji builds with no warning" "$(cat "$TMP/ko.err")"
fi
pdf=$TMP/ko/cjk-kit.pdf
if /usr/bin/python3 - "$pdf" >"$TMP/out" 2>&1 <<'PY'
import fitz, sys
d = fitz.open(sys.argv[1])
seen, bad = set(), []
for page in d:
    for s in page.get_texttrace():
        for c in s["chars"]:
            if 0xAC00 <= c[0] <= 0xD7A3 or c[0] == 0x1F680:
                seen.add(c[0])
                if c[1] <= 0 or "DejaVu" in s["font"]:
                    bad.append("U+%04X as glyph %d of %s" % (c[0], c[1], s["font"]))
want = set(map(ord, "한국어면접키트🚀"))
if want - seen:
    bad.append("not drawn: " + " ".join("U+%04X" % c for c in sorted(want - seen)))
sys.exit("; ".join(bad[:10]) if bad else 0)
PY
then ok "Hangul and the emoji are drawn from fallback faces that have them"
else not_ok "Hangul and the emoji are drawn from fallback faces that have them" "$(cat "$TMP/out")"
fi
qpdf --check "$pdf" >"$TMP/out" 2>&1 &&
	ok "the PDF with a collection's subset passes qpdf --check" ||
	not_ok "the PDF with a collection's subset passes qpdf --check" "$(tail -5 "$TMP/out")"
copies "Korean and the emoji copy as written" "$pdf" "한국어 면접 키트 🚀"

# the fallback faces are ranked for the kit's language, not the
# machine's locale (fontconfig adds LANG's languages to what is asked):
# the same kit gives the same bytes under any LANG
for l in C.UTF-8 zh_CN.UTF-8 ko_KR.UTF-8; do
	rm -rf "$TMP/loc-$l"
	LANG=$l LC_ALL=$l "$KITGEN" build --content "$kit" --templates "$ROOT/templates" \
		--out "$TMP/loc-$l" --format pdf >/dev/null 2>&1
done
if [ -s "$TMP/loc-C.UTF-8/cjk-kit.pdf" ] &&
   cmp "$TMP/loc-C.UTF-8/cjk-kit.pdf" "$TMP/loc-zh_CN.UTF-8/cjk-kit.pdf" &&
   cmp "$TMP/loc-C.UTF-8/cjk-kit.pdf" "$TMP/loc-ko_KR.UTF-8/cjk-kit.pdf"; then
	ok "the PDF is the same under LANG=C, zh_CN and ko_KR"
else
	not_ok "the PDF is the same under LANG=C, zh_CN and ko_KR"
fi

# a collection's first face as a style face, which is also the fallback
# of the other faces: a later document finds the cached fallback is that
# face, not loaded yet in it (this crashed), and loads it
cp -R "$ROOT/templates" "$TMP/tpl-ttc"
sed -i 's/^  mono: .*/  mono: WenQuanYi Micro Hei/' "$TMP/tpl-ttc/pdf/style.yaml"
build ttc "$ROOT/tests/fixture/cjk" "$TMP/tpl-ttc"
status=$?
if [ $status = 0 ] && [ ! -s "$TMP/ttc.err" ] &&
   pdffonts "$TMP/ttc/panels/balanced-expert.pdf" | grep -q WenQuanYiMicroHei; then
	ok "a collection's first face serves as the style's mono face and as a fallback"
else
	not_ok "a collection's first face serves as the style's mono face and as a fallback" \
		"status $status" "$(cat "$TMP/ttc.err")"
fi
# a later face of a collection is refused at the style's line, not read
# as the first
sed -i 's/^  mono: .*/  mono: WenQuanYi Micro Hei Mono/' "$TMP/tpl-ttc/pdf/style.yaml"
line=$(grep -n '^  mono:' "$TMP/tpl-ttc/pdf/style.yaml" | cut -d: -f1)
build ttc "$ROOT/tests/fixture/cjk" "$TMP/tpl-ttc"
status=$?
if [ $status = 1 ] && [ ! -e "$TMP/ttc" ] &&
   grep -qF "$TMP/tpl-ttc/pdf/style.yaml:$line:9: error: font 'WenQuanYi Micro Hei Mono' (regular) is a later face of a font collection" "$TMP/ttc.err"; then
	ok "a later face of a collection is an error at the style's line"
else
	not_ok "a later face of a collection is an error at the style's line" \
		"status $status" "$(cat "$TMP/ttc.err")"
fi

# a language without italics draws its italic faces upright, from the
# upright faces' files: each file is embedded once, the emphasis in the
# upright face's font (it was a second copy of the same face)
kit=$(cjk_copy ja-kit)
echo 'language: ja' >>"$kit/kit.yaml"
if build ja "$kit" && pdffonts "$TMP/ja/cjk-kit.pdf" >"$TMP/fonts" &&
   [ -z "$(tail -n +3 "$TMP/fonts" | awk '{sub(/^[A-Z]+\+/, "", $1); print $1}' | sort | uniq -d)" ] &&
   /usr/bin/python3 - "$TMP/ja/cjk-kit.pdf" <<'PY'
import fitz, sys
d = fitz.open(sys.argv[1])
# the emphasis is one span with the words around it: one font
for page in d:
    for s in page.get_texttrace():
        if "to test kitgen in" in "".join(chr(c[0]) for c in s["chars"]):
            sys.exit(0 if "Italic" not in s["font"] and "Oblique" not in s["font"] else s["font"])
sys.exit("'to test *kitgen* in' is not drawn in one font")
PY
then
	ok "a language without italics embeds each face's file once, emphasis upright"
else
	not_ok "a language without italics embeds each face's file once, emphasis upright" \
		"$(cat "$TMP/fonts" "$TMP/ja.err")"
fi

# text is shaped in the kit's language: DejaVu Serif's Turkish forms
# keep f and i apart (no fi or ffi ligature, whose i would lose its
# dot's meaning) but still join ff and fl; in English it joins fi
kit=$(cjk_copy tr-kit)
echo 'language: tr' >>"$kit/kit.yaml"
ligs() { # ligs PDF: the texts of DejaVu Serif's glyphs that draw more than one letter, sorted
	/usr/bin/python3 -c '
import sys
sys.path.insert(0, sys.argv[2])
import fitz, shapecheck as s
out = set()
for name, base, cmap in s.fonts(fitz.open(sys.argv[1])):
    if base.endswith("+DejaVuSerif,Book"):
        out.update(t for t in s.cmap_texts(cmap) if len(t) > 1)
print(" ".join(sorted(out)))' "$1" "$ROOT/tests"
}
if build tr "$kit" && [ "$(ligs "$TMP/tr/cjk-kit.pdf")" = "ff fl" ] &&
   [ "$(ligs "$TMP/cjk/cjk-kit.pdf")" = "ff fi fl" ]; then
	ok "text is shaped in the kit's language: Turkish has no fi ligature, English has"
else
	not_ok "text is shaped in the kit's language: Turkish has no fi ligature, English has" \
		"tr: $(ligs "$TMP/tr/cjk-kit.pdf"), en: $(ligs "$TMP/cjk/cjk-kit.pdf")"
fi
