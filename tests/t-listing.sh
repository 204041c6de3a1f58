#!/bin/sh
# t-listing.sh - a question's code listing in every format, on a hostile
# listing (a 300-character token, a line longer than the page, tabs,
# non-ASCII, Mustache tags, </pre> and <script>, Markdown fences, 160
# lines): Markdown keeps it verbatim and copy-pasteable in a fence no line
# of it closes; HTML escapes it, numbers every line from 1 and never wraps
# it; the PDF numbers every line, wraps a long one only after a hook drawn
# as lines (no "↪" character: the wrapped line copies as written, in
# PyMuPDF and pdftotext), and heads a later page's part with "(continued)". And the PDF's notes
# fill the rest of their page. PDF positions through tests/listingcheck.py.
. "$(dirname "$0")/lib.sh"
CHECK="/usr/bin/python3 $ROOT/tests/listingcheck.py"

kit=$(fixture_copy hostile)
listing="$TMP/listing.txt"
/usr/bin/python3 - "$kit/topics/01-cache.yaml" "$listing" <<'PY'
import re, sys
lines = ["x = '" + "a" * 300 + "'",
         "\tif value:\t# tabs",
         "s = 'naïve café — ü ß'",
         "t = '{{mustache}} </pre> <script>alert(1)</script>'",
         "```",
         "~~~ fence",
         "result = compute(alpha, beta, gamma, delta, epsilon, zeta, eta, "
         "theta, iota, kappa, lambda_, mu, nu, xi, omicron, pi, rho)",
         ""]
lines += [f"v{i} = {i}" for i in range(len(lines) + 1, 161)]
text = "\n".join(lines) + "\n"
open(sys.argv[2], "w", encoding="utf-8").write(text)
block = "      listing: |\n" + "".join(
    ("        " + l if l else "") + "\n" for l in lines)
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
s = re.sub(r"      listing: \|\n(        .*\n)+", lambda m: block, s)
open(p, "w", encoding="utf-8").write(s)
PY
check "the hostile listing checks clean" "$KITGEN" check --content "$kit"
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/out" \
	>/dev/null 2>"$TMP/err" || not_ok "the hostile kit builds" "$(cat "$TMP/err")"

for ed in fixture-kit panels/balanced-expert; do
	md="$TMP/out/$ed.md"
	html="$TMP/out/$ed.html"
	pdf="$TMP/out/$ed.pdf"

	# ---- Markdown: verbatim in a fence longer than any inside ----
	/usr/bin/python3 - "$md" "$listing" >"$TMP/md-check" 2>&1 <<'PY'
import sys
md = open(sys.argv[1], encoding="utf-8").read()
want = open(sys.argv[2], encoding="utf-8").read()
opener = "````python\n"
at = md.find(opener)
if at < 0:
    sys.exit("no fence of four backticks with the language")
body = md[at + len(opener):]
end = body.find("\n````\n")
if body[:end + 1] != want:
    sys.exit("the fenced listing is not the listing, verbatim")
if "lines 1\u2013160" not in md[:at]:
    sys.exit("no caption giving the lines 1-160")
PY
	check "$ed.md: the listing verbatim in a fence no line closes" test ! -s "$TMP/md-check"
	[ -s "$TMP/md-check" ] && cat "$TMP/md-check"

	# ---- HTML: escaped, numbered, never wrapped ----
	# a packet page carries kitgen's form script and its data, and no
	# other script; a kit's page none
	case $ed in
	panels/*) want_scripts='<script type="application/json" id="kg-card-data">|<script>|' ;;
	*) want_scripts='' ;;
	esac
	check "$ed.html: no <script> from the listing" sh -c \
		"[ \"\$(grep -o '<script[^>]*>' '$html' | tr '\n' '|')\" = '$want_scripts' ]"
	check "$ed.html: </pre> and <script> escaped" \
		grep -q "&lt;/pre&gt; &lt;script&gt;alert(1)&lt;/script&gt;" "$html"
	check "$ed.html: Mustache tags left as text" grep -q "{{mustache}}" "$html"
	n=$(grep -o '<span class="ln" data-n="[0-9]*">' "$html" | sed 's/[^0-9]//g' | tr '\n' ' ')
	want=$(seq 1 160 | tr '\n' ' ')
	if [ "$n" = "$want" ]; then ok "$ed.html: lines numbered 1 to 160"; else
		not_ok "$ed.html: lines numbered 1 to 160" "$(echo "$n" | head -c 200)"; fi
	check "$ed.html: a listing never wraps (it scrolls)" \
		grep -q 'pre.code { white-space: pre; overflow-wrap: normal; overflow-x: auto;' "$html"
	check "$ed.html: a tab stays a tab" grep -q "$(printf '\tif value:\t')" "$html"

	# ---- PDF: numbered, wrapped after a drawn hook, continued ----
	check "$ed.pdf: numbered, wrapped after a drawn hook, copied as written, continued" \
		$CHECK code "$pdf" "$listing"
done

# ---- the notes fill the rest of their page ----
fx="$TMP/fx"
"$KITGEN" build --content "$FIXTURE" --templates "$ROOT/templates" --out "$fx" \
	--format pdf >/dev/null 2>"$TMP/err"
check "the notes of round 1 rule their page down to its foot" \
	$CHECK notes "$fx/panels/balanced-expert.pdf" Notes
