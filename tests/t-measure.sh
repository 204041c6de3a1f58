#!/bin/sh
# t-measure.sh - the measure and the brand: body text at 60-75 characters
# a line on A4 and Letter (the median and the 90th percentile, counted by
# tests/measure.py), for content/ and for a fixture kit; the faces
# style.yaml names are the PDF's embedded fonts and the HTML's
# font-family lists, and a font or a colour changed there changes both
# formats; code never breaks at its hyphens, a break inside it is marked
# with a drawn hook, and a copy of the text gives the code as written;
# paper names in any case, from --paper and from kit.yaml.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3
BODY=$(sed -n 's/^  body: *\([0-9.]*\).*/\1/p' "$ROOT/templates/pdf/style.yaml")

# within NAME PDF: median and p90 of the body lines' characters in 60..75
within() {
	if out=$($PY "$ROOT/tests/measure.py" --json --size "$BODY" "$2" 2>&1) &&
		echo "$out" | $PY -c '
import json, sys
m = json.load(sys.stdin)
sys.exit(0 if m["lines"] >= 8 and 60 <= m["median"] <= 75 and 60 <= m["p90"] <= 75 else 1)'; then
		ok "$1 ($out)"
	else
		not_ok "$1" "$out"
	fi
}

# ---- a fixture with code in narrow places and enough prose to measure ---
kit=$(fixture_copy measure)
long='X-Request-Retry-After-Budget-Override-For-Every-Downstream-Dependency-Header'
para='A client that is throttled reads `Retry-After` before it retries, and a'
para="$para proxy passes \`Retry-After\` on unchanged; a gateway that adds"
para="$para \`Retry-After\` to every 503 lets clients back off together, while"
para="$para one that drops \`Retry-After\` leaves them to guess. Ask how the"
para="$para service sets \`Retry-After\` under load, what \`Retry-After\` means"
para="$para for a queue consumer, and whether \`Retry-After\` or \`If-None-Match\`"
para="$para matters more to a cache in front of the service. Some teams send a"
para="$para header as long as \`$long\` as well, which no line can hold."
$PY - "$kit/topics/01-cache.yaml" "$para" "$long" <<'EOF'
import sys
path, para, long = sys.argv[1:]
s = open(path).read()
s = s.replace("exposes: Whether the candidate thinks about **staleness**.",
              "exposes: >-\n  " + para + " " + para, 1)
s = s.replace("  fits: Read-heavy services",
              "  fits: Services that send `" + long + "`", 1)
open(path, "w").write(s)
EOF
check "the measure fixture checks clean" "$KITGEN" check -q --content "$kit"

for paper in a4 letter; do
	"$KITGEN" build -q --content content -e backend-interview-kit -f pdf \
		--paper "$paper" -o "$TMP/kit-$paper" >"$TMP/err" 2>&1 ||
		not_ok "build content/ on $paper" "$(cat "$TMP/err")"
	within "content/ on $paper: body lines hold 60-75 characters" \
		"$TMP/kit-$paper/backend-interview-kit.pdf"
	"$KITGEN" build -q --content "$kit" -f pdf,html --paper "$paper" \
		-o "$TMP/fix-$paper" >"$TMP/err" 2>&1 ||
		not_ok "build the fixture on $paper" "$(cat "$TMP/err")"
	pub=$(ls "$TMP/fix-$paper"/*.pdf | head -1)
	within "the fixture on $paper: body lines hold 60-75 characters" "$pub"
done

# ---- code: no break at a hyphen, a drawn mark, a copy as written ---------
pub=$(ls "$TMP/fix-a4"/*.pdf | head -1)
if out=$($PY - "$pub" "$long" <<'EOF' 2>&1
import re, subprocess, sys
import fitz
pdf, long = sys.argv[1:]
bad = []
raw = subprocess.run(["pdftotext", "-raw", pdf, "-"], capture_output=True,
                     text=True, check=True).stdout
if "\u21aa" in raw:
    bad.append("the mark is in pdftotext's text")
for m in re.finditer(r"Retry-\s*\n", raw):
    bad.append("pdftotext: a line ends in 'Retry-'")
if "RetryAfter" in raw:
    bad.append("pdftotext: 'RetryAfter' (a hyphen lost at a line's end)")
doc = fitz.open(pdf)
marks = 0
found = 0
muted = None
for page in doc:
    text = page.get_text()
    if "\u21aa" in text:
        bad.append("the mark is in PyMuPDF's text, page %d" % (page.number + 1))
    for line in text.split("\n"):
        if re.search(r"Retry-$", line.strip()):
            bad.append("page %d: a line ends with 'Retry-'" % (page.number + 1))
    # the long header: cut over lines, joined back with nothing between
    joined = re.sub(r"\s*\n\s*", "", text)
    if long in joined:
        found += 1
        if long not in text.replace("\n", "\n"):
            # it was broken: the hook is drawn on this page, as lines
            for d in page.get_drawings():
                if d.get("color") and d["items"] and all(i[0] == "l" for i in d["items"]):
                    w = d["rect"].width
                    if 2 < w < 9 and d["rect"].height < 9:
                        marks += 1
if found < 2:
    bad.append("the long header was not found whole in %d places (joined lines)" % found)
if marks == 0:
    bad.append("no continuation hook drawn where the long header breaks")
if "Retry-After" not in raw or raw.count("Retry-After") < 14:
    bad.append("pdftotext gives 'Retry-After' %d times, not 14+" % raw.count("Retry-After"))
print("\n".join(bad))
sys.exit(1 if bad else 0)
EOF
); then
	ok "inline code never breaks at its hyphen; a break inside it is a drawn hook; a copy holds the code"
else
	not_ok "inline code never breaks at its hyphen; a break inside it is a drawn hook; a copy holds the code" "$out"
fi

# ---- the faces: style.yaml's, in the PDF and in the HTML -----------------
pdffonts "$TMP/kit-a4/backend-interview-kit.pdf" >"$TMP/fonts" 2>&1
text_face=$(sed -n '/^fonts:/,/^[a-z]/s/^  text: *\(.*[^ ]\) *$/\1/p' "$ROOT/templates/pdf/style.yaml")
sans_face=$(sed -n '/^fonts:/,/^[a-z]/s/^  sans: *\(.*[^ ]\) *$/\1/p' "$ROOT/templates/pdf/style.yaml")
nospace() { echo "$1" | tr -d ' '; }
if grep -q "+$(nospace "$text_face")[,-]" "$TMP/fonts" &&
	grep -q "+$(nospace "$sans_face")[,-]" "$TMP/fonts"; then
	ok "the PDF embeds style.yaml's text face ($text_face) and sans ($sans_face)"
else
	not_ok "the PDF embeds style.yaml's text face ($text_face) and sans ($sans_face)" "$(cat "$TMP/fonts")"
fi
html=$(ls "$TMP/fix-a4"/*.html | grep -v index.html | head -1)
if grep -q -- "--text-face: \"$text_face\", serif;" "$html" &&
	grep -q -- "--sans-face: \"$sans_face\", sans-serif;" "$html" &&
	grep -q -- "--measure: [0-9.]*ch;" "$html" &&
	grep -q -- "--text-face: \"$text_face\"" "$TMP/fix-a4/index.html"; then
	ok "the HTML's font-family lists and measure come from style.yaml"
else
	not_ok "the HTML's font-family lists and measure come from style.yaml" \
		"$(grep -o -- '--[a-z-]*face: [^;]*;' "$html")"
fi

# ---- one brand: a font and a colour changed once change both formats ---
cp -R "$ROOT/templates" "$TMP/tpl"
sed -i 's/^  text: DejaVu Serif$/  text: Liberation Serif/; s/^  link: "#[0-9a-f]*"/  link: "#7a2e8f"/' \
	"$TMP/tpl/pdf/style.yaml"
if "$KITGEN" build -q --content "$kit" --templates "$TMP/tpl" -f pdf,html \
	-o "$TMP/brand" >"$TMP/err" 2>&1; then
	bpdf=$(ls "$TMP/brand"/*.pdf | head -1)
	bhtml=$(ls "$TMP/brand"/*.html | grep -v index.html | head -1)
	if pdffonts "$bpdf" | grep -q "+LiberationSerif" &&
		! pdffonts "$bpdf" | grep -q "+DejaVuSerif" &&
		grep -q -- '--text-face: "Liberation Serif", serif;' "$bhtml" &&
		grep -q -- '#7a2e8f' "$bhtml" &&
		$PY -c '
import sys, fitz
def near(c, want=0x7a2e8f):  # the PDF keeps three decimals a channel
    return all(abs((c >> k & 255) - (want >> k & 255)) <= 2 for k in (0, 8, 16))
hit = any(near(s["color"]) for p in fitz.open(sys.argv[1])
          for b in p.get_text("dict")["blocks"] for l in b.get("lines", [])
          for s in l["spans"])
sys.exit(0 if hit else 1)' "$bpdf"; then
		ok "a font and a colour changed in style.yaml change the PDF and the HTML"
	else
		not_ok "a font and a colour changed in style.yaml change the PDF and the HTML" \
			"$(pdffonts "$bpdf")" "$(grep -o -- '--text-face: [^;]*;' "$bhtml")"
	fi
else
	not_ok "a font and a colour changed in style.yaml change the PDF and the HTML" "$(cat "$TMP/err")"
fi

# a family name cannot break out of the style sheet
sed -i 's/^  text: Liberation Serif/  text: "Bad<\/style>\\"Face"/' "$TMP/tpl/pdf/style.yaml"
"$KITGEN" build -q --content "$kit" --templates "$TMP/tpl" -f html -o "$TMP/bad" >/dev/null 2>&1
bhtml=$(ls "$TMP/bad"/*.html 2>/dev/null | grep -v index.html | head -1)
if [ -n "$bhtml" ] && ! grep -q 'Bad</style>' "$bhtml" &&
	grep -q -- '--text-face: "Bad\\3c \\2f style\\3e \\22 Face", serif;' "$bhtml"; then
	ok "a family name is escaped in the HTML's style sheet"
else
	not_ok "a family name is escaped in the HTML's style sheet" "$(grep -o -- '--text-face: [^;]*;' "$bhtml" 2>&1)"
fi

# ---- paper names in any case ------------------------------------------------
size() { pdfinfo "$1" | sed -n 's/^Page size: *\([0-9.]*\) x \([0-9.]*\).*/\1x\2/p'; }
"$KITGEN" build -q --content "$kit" -f pdf --paper A4 -o "$TMP/pA4" >"$TMP/err" 2>&1
"$KITGEN" build -q --content "$kit" -f pdf --paper LETTER -o "$TMP/pLT" >>"$TMP/err" 2>&1
kitl=$(fixture_copy letter)
sed -i 's/^version: \(.*\)$/version: \1\npaper: Letter/' "$kitl/kit.yaml"
"$KITGEN" build -q --content "$kitl" -f pdf -o "$TMP/pKY" >>"$TMP/err" 2>&1
a=$(size "$(ls "$TMP/pA4"/*.pdf | head -1)")
l=$(size "$(ls "$TMP/pLT"/*.pdf | head -1)")
k=$(size "$(ls "$TMP/pKY"/*.pdf | head -1)")
if [ "$a" = "595.276x841.89" ] && [ "$l" = "612x792" ] && [ "$k" = "612x792" ]; then
	ok "--paper A4, --paper LETTER and kit.yaml's 'paper: Letter' are taken in any case"
else
	not_ok "--paper A4, --paper LETTER and kit.yaml's 'paper: Letter' are taken in any case" \
		"A4: $a, LETTER: $l, kit.yaml Letter: $k" "$(cat "$TMP/err")"
fi

# ---- the HTML's measure, as a browser sets it -----------------------------
if [ ! -d "$ROOT/node_modules/playwright-core" ]; then
	not_ok "playwright-core is installed (npm ci)"
else
	"$KITGEN" build -q --content content -e backend-interview-kit -f html \
		-o "$TMP/html" >"$TMP/err" 2>&1
	if out=$(timeout 300 node "$ROOT/tests/browser/measure-html.mjs" \
		"$TMP/html/backend-interview-kit.html" 2>&1) &&
		echo "$out" | $PY -c '
import json, sys
m = json.load(sys.stdin)
sys.exit(0 if m["lines"] >= 50 and 60 <= m["median"] <= 75 and 60 <= m["p90"] <= 75 else 1)'; then
		ok "the HTML's body lines hold 60-75 characters ($out)"
	else
		not_ok "the HTML's body lines hold 60-75 characters" "$out"
	fi
fi
