#!/bin/sh
# t-pdfform.sh - the panel packet's PDF scorecards are a fillable form
# (README.md, "Filling in the PDF"): qpdf sees the AcroForm and every
# field with its name, type and appearance streams; pypdf fills two
# interviewers' copies and `kitgen score` reads them back to the same
# debrief (and `kitgen calibrate` to the same figures) as the same cards
# written as YAML; a rated round without an interviewer, an empty
# rating, a blank form and damaged PDFs are errors with their message,
# never a crash; poppler shows a ticked box dark and
# an unticked one light, and a blank form prints as it did without the
# form. The checks outside kitgen are tests/pdfform.py.
. "$(dirname "$0")/lib.sh"
PY="/usr/bin/python3 $ROOT/tests/pdfform.py"
ED=platform-engineer-expert

"$KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" \
	--out "$TMP/out" --edition "$ED" --format pdf >/dev/null 2>"$TMP/err" ||
	not_ok "the packet builds as PDF" "$(cat "$TMP/err")"
PDF=$TMP/out/panels/$ED.pdf
cd "$TMP" || exit 1

# ---- the form as qpdf sees it -----------------------------------------------

check "qpdf --check: the form is a sound PDF" qpdf --check "$PDF"
qpdf --json --json-key=acroform "$PDF" >form.json 2>"$TMP/err" ||
	not_ok "qpdf --json reads the form" "$(cat "$TMP/err")"

# the expected fields, from the blank cards: per round its people, date
# and overall rating, per dimension its rating, prompted and evidence;
# and the document's kit, version and digest
"$KITGEN" card "$ED" --content "$ROOT/content" >blank.yaml 2>"$TMP/err" ||
	not_ok "kitgen card prints the blank cards" "$(cat "$TMP/err")"
awk -v ed="$ED" '
	/^round: / { r = ed ":r" $2
		print r ":candidate text"; print r ":interviewer text"
		print r ":date text"; print r ":overall radio" }
	/^  [a-z0-9-]+:/ { d = $1; sub(":$", "", d)
		print r ":" d ":rating radio"; print r ":" d ":prompted checkbox"
		print r ":" d ":evidence text" }
	END { print "kitgen:kit text"; print "kitgen:version text"
		print "kitgen:digest text" }' blank.yaml >expected.txt
if $PY check form.json "$PDF" expected.txt >"$TMP/check.out" 2>&1; then
	ok "qpdf --json: the AcroForm holds every field ($(tail -1 "$TMP/check.out")), each widget with /AP, tagged as a Form"
else
	not_ok "qpdf --json: the AcroForm holds every field, each widget with /AP, tagged as a Form" \
		"$(head -30 "$TMP/check.out")"
fi
kit=$(sed -n 's/^kit: //p' blank.yaml | head -1)
ver=$(sed -n 's/^version: //p' blank.yaml | head -1)
dig=$(sed -n 's/^digest: //p' blank.yaml | head -1)
/usr/bin/python3 - form.json "$kit" "$ver" "$dig" >"$TMP/doc.out" 2>&1 <<'EOF'
import json, sys
form = json.load(open(sys.argv[1]))["acroform"]
fields = {f["fullname"]: f for f in form["fields"]}
for key, want in zip(("kit", "version", "digest"), sys.argv[2:]):
    f = fields.get("kitgen:" + key)
    value = f and f["value"]
    if value and value.startswith("u:"):  # qpdf's JSON v2: a text string
        value = value[2:]
    if value != want or not f["fieldflags"] & 1:
        print("kitgen:%s is %r, not read-only %r" % (key, value, want))
        sys.exit(1)
EOF
check "the hidden read-only fields say the kit, its version and digest" \
	test ! -s "$TMP/doc.out" -a -n "$dig"

# ---- filled with pypdf, read back -----------------------------------------

# spec FILE INTERVIEWER ROUND:RATING...: a JSON fill of those rounds,
# every dimension rated as the overall (not-probed on a missing one),
# candidate Ada, the date 2026-12-01
spec() {
	out=$1 who=$2
	shift 2
	{
		echo '{'
		for rr in "$@"; do
			n=${rr%%:*} rating=${rr#*:} p=$ED:r${rr%%:*}
			"$KITGEN" card "$ED" --content "$ROOT/content" --round "$n" |
				awk -v p="$p" -v rt="$rating" '
				/^  [a-z0-9-]+:/ { d = $1; sub(":$", "", d)
					printf "\"%s:%s:rating\": \"%s\",\n", p, d, rt }'
			printf '"%s:candidate": "Ada",\n"%s:interviewer": "%s",\n' "$p" "$p" "$who"
			printf '"%s:date": "2026-12-01",\n"%s:overall": "%s",\n' "$p" "$p" "$rating"
		done
		echo '"kitgen:kit": "'"$kit"'"'
		echo '}'
	} >"$out"
}
# the same as YAML cards
yaml_card() {
	"$KITGEN" card "$ED" --content "$ROOT/content" --round "$2" |
		sed -e "s/^candidate: \"\"/candidate: Ada/" \
		    -e "s/^interviewer: \"\"/interviewer: $1/" \
		    -e "s/^date: \"\".*/date: 2026-12-01/" \
		    -e "s/^    rating:\$/    rating: $3/" \
		    -e "s/^overall:.*/overall: $3/" >"yaml/$1-$2.yaml"
}

# Grace's copy: rounds 1 to 3 (4 and 5 left blank); Alan's: round 1
# again and rounds 4 and 5. (30×(3+1)/2 + 30×2 + 15×2 + 15×2 + 10×1) / 100
spec grace.json Grace 1:strong 2:acceptable 3:acceptable
spec alan.json Alan 1:weak 4:acceptable 5:weak
/usr/bin/python3 - grace.json <<'EOF'
import json, sys
# Grace also ticks "prompted" and writes evidence on round 1's first line
spec = json.load(open(sys.argv[1]))
first = next(k for k in spec if k.endswith(":rating"))
spec[first[:-len("rating")] + "prompted"] = True
spec[first[:-len("rating")] + "evidence"] = "Sharded the keys by hash;\nsaid why."
json.dump(spec, open(sys.argv[1], "w"))
EOF
$PY fill "$PDF" grace.pdf grace.json >"$TMP/fill.out" 2>&1 &&
	$PY fill "$PDF" alan.pdf alan.json >>"$TMP/fill.out" 2>&1
check "pypdf fills two interviewers' copies" test ! -s "$TMP/fill.out"
mkdir -p yaml
yaml_card Grace 1 strong
yaml_card Grace 2 acceptable
yaml_card Grace 3 acceptable
yaml_card Alan 1 weak
yaml_card Alan 4 acceptable
yaml_card Alan 5 weak
"$KITGEN" score --content "$ROOT/content" --templates "$ROOT/templates" \
	--out pdfout grace.pdf alan.pdf >score.out 2>&1
rc=$?
check "kitgen score reads the filled PDFs (exit 0)" test "$rc" = 0
"$KITGEN" score --content "$ROOT/content" --templates "$ROOT/templates" \
	--out yamlout yaml/Grace-*.yaml yaml/Alan-*.yaml >yscore.out 2>&1 ||
	not_ok "kitgen score reads the YAML cards" "$(cat yscore.out)"
decision() { sed -n '/id="decision"/,/id="spread"/p' "$1"; }
decision pdfout/debrief-ada.md >pdf.decision
decision yamlout/debrief-ada.md >yaml.decision
if [ -s pdf.decision ] && cmp -s pdf.decision yaml.decision; then
	ok "the PDFs' debrief has the YAML cards' ratings, weighted total and gates"
else
	not_ok "the PDFs' debrief has the YAML cards' ratings, weighted total and gates" \
		"$(cat score.out)" "$(diff yaml.decision pdf.decision | head -20)"
fi
check "the weighted total is worked out: (60 + 60 + 30 + 30 + 10) / 100 = 1.90" \
	grep -qxF '**Weighted total:** 1.90 (threshold 2.25, borderline from 2.00)' \
	pdfout/debrief-ada.md
check "two interviewers on round 1: Grace Strong, Alan Weak" \
	grep -qF '| 1 | Grace: Strong; Alan: Weak | 2.00 |' pdfout/debrief-ada.md
check "the prompted tick and the evidence are read back" \
	grep -qF '| Strong (prompted) | Sharded the keys by hash; said why. |' \
	pdfout/debrief-ada.md

# A round's own document (panels/ED/round-N.pdf) has the packet's fields:
# Alan's rounds filled on round-1, round-4 and round-5 score as his copy
spec alan1.json Alan 1:weak
spec alan4.json Alan 4:acceptable
spec alan5.json Alan 5:weak
for n in 1 4 5; do
	$PY fill "$TMP/out/panels/$ED/round-$n.pdf" "alan-r$n.pdf" "alan$n.json" >>"$TMP/fill.out" 2>&1
done
"$KITGEN" score --content "$ROOT/content" --templates "$ROOT/templates" \
	--out partout grace.pdf alan-r1.pdf alan-r4.pdf alan-r5.pdf >part.out 2>&1
decision partout/debrief-ada.md >part.decision
if [ -s part.decision ] && cmp -s part.decision yaml.decision; then
	ok "a round's own document fills and scores as the packet does"
else
	not_ok "a round's own document fills and scores as the packet does" \
		"$(cat part.out)" "$(diff yaml.decision part.decision | head -20)"
fi

# calibrate takes them too: the same figures as from the YAML cards
"$KITGEN" calibrate --content "$ROOT/content" --templates "$ROOT/templates" \
	--out pdfcal grace.pdf alan.pdf >/dev/null 2>&1
"$KITGEN" calibrate --content "$ROOT/content" --templates "$ROOT/templates" \
	--out yamlcal yaml/Grace-*.yaml yaml/Alan-*.yaml >/dev/null 2>&1
check "kitgen calibrate reads the filled PDFs to the YAML cards' figures" \
	cmp pdfcal/calibration.csv yamlcal/calibration.csv

# ---- bad forms: exit 1, the message at the file and field ----------------

# expect NAME STATUS TEXT PDF...: kitgen score exits STATUS and says TEXT
expect() {
	name=$1 want=$2 text=$3
	shift 3
	"$KITGEN" score --content "$ROOT/content" --templates "$ROOT/templates" \
		--out badout "$@" >bad.out 2>&1
	rc=$?
	if [ "$rc" = "$want" ] && grep -qF -- "$text" bad.out && [ ! -d badout ]; then
		ok "$name"
	else
		not_ok "$name" "exit $rc, not $want; wanted: $text" "$(cat bad.out)"
	fi
	rm -rf badout
}
# a rated round, nobody's
/usr/bin/python3 -c '
import json, sys
s = json.load(open("grace.json"))
s = {k: v for k, v in s.items() if not k.endswith(":interviewer") or ":r2:" not in k}
json.dump(s, open("nobody.json", "w"))'
$PY fill "$PDF" nobody.pdf nobody.json >/dev/null 2>&1
expect "a round rated with no interviewer is an error" 1 \
	"nobody.pdf: card '$ED:r2': error: the card is rated but has no interviewer: fill in field '$ED:r2:interviewer'" \
	nobody.pdf
# a line left unrated on a rated round
first=$(sed -n 's/^  \([a-z0-9-]*\):.*/\1/p' blank.yaml | head -1)
/usr/bin/python3 -c '
import json, sys
s = json.load(open("grace.json"))
del s[sys.argv[1]]
json.dump(s, open("unrated.json", "w"))' "$ED:r1:$first:rating"
$PY fill "$PDF" unrated.pdf unrated.json >/dev/null 2>&1
expect "an unrated line is an error at its field" 1 \
	"unrated.pdf: field '$ED:r1:$first:rating': error: rating of '$first' is empty: write strong, acceptable, weak or not-probed" \
	unrated.pdf
expect "a blank form is an error: nothing to score" 1 \
	"$ED.pdf: error: no round's card is filled in" "$PDF"
# the same interviewer twice on a round, in two PDFs
expect "one interviewer's round in two PDFs is an error" 1 \
	"grace.pdf: card '$ED:r1': error: a second card for round 1 of 'Ada' by 'Grace'" \
	grace.pdf grace.pdf
head -c 20000 grace.pdf >cut.pdf
expect "a cut-off PDF is an error, not a crash" 1 \
	"cut.pdf: error: cannot read the PDF: " cut.pdf
printf '%%PDF-1.7\n1 0 obj\n<< /Type /Catalog /AcroForm << /Fields [2 0 R] >> >>\nendobj\n2 0 obj\n<< /T (a) /FT /Tx /Kids [2 0 R] >>\nendobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >loop.pdf
expect "a PDF whose form field is its own kid is an error, not a crash" 1 \
	"loop.pdf: error: the PDF has no form fields" loop.pdf
# a field that names itself four times among its kids: walked as a tree,
# that is 4^16 visits; each field object is walked once
printf '%%PDF-1.7\n1 0 obj\n<< /Type /Catalog /AcroForm << /Fields [2 0 R] >> >>\nendobj\n2 0 obj\n<< /T (a) /FT /Tx /Kids [2 0 R 2 0 R 2 0 R 2 0 R] >>\nendobj\ntrailer << /Root 1 0 R >>\n%%%%EOF\n' >fan.pdf
timeout 20 "$KITGEN" score --content "$ROOT/content" --out badout fan.pdf >fan.out 2>&1
rc=$?
rm -rf badout
check "a PDF whose field names itself among its kids many times is an error at once (exit $rc)" \
	test "$rc" = 1
printf '%%PDF-1.4\n' >bare.pdf
expect "a PDF with nothing in it is an error" 1 \
	"bare.pdf: error: cannot read the PDF: " bare.pdf
cp "$ROOT/tests/fixture/kit/kit.yaml" notes.pdf 2>/dev/null
expect "a file named .pdf that is YAML is read as a card file" 1 \
	"notes.pdf:" notes.pdf

# ---- what poppler shows --------------------------------------------------

# the page of round 1's first line
page=$(/usr/bin/python3 -c '
import sys
from pypdf import PdfReader
for i, p in enumerate(PdfReader(sys.argv[1]).pages):
    for a in p.get("/Annots", []) or []:
        a = a.get_object()
        if "/Parent" in a and a["/Parent"].get("/T") == sys.argv[2]:
            print(i + 1); sys.exit(0)' "$PDF" "$ED:r1:$first:rating")
# a viewer writes each field's appearance itself: the form as saved
# without pypdf's /NeedAppearances shows the buttons' own /AP
/usr/bin/python3 -c '
import sys
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject, BooleanObject
w = PdfWriter()
w.clone_document_from_reader(PdfReader(sys.argv[1]))
w._root_object["/AcroForm"][NameObject("/NeedAppearances")] = BooleanObject(False)
w.write(sys.argv[2])' grace.pdf own.pdf
pdftoppm -gray -r 100 -f "$page" -l "$page" own.pdf own 2>/dev/null
pgm=$(ls own*.pgm 2>/dev/null | head -1)
ticked=$($PY dark own.pdf "$pgm" 100 "$ED:r1:$first:rating" strong 2>&1)
unticked=$($PY dark own.pdf "$pgm" 100 "$ED:r1:$first:rating" weak 2>&1)
prompted=$($PY dark own.pdf "$pgm" 100 "$ED:r1:$first:prompted" - 2>&1)
check "a ticked radio button is dark ($ticked), an unticked one light ($unticked)" \
	test "${ticked:-255}" -lt 120 -a "${unticked:-0}" -gt 230
check "a ticked check box is dark where it is ($prompted)" \
	test "${prompted:-255}" -lt 200
# blank, the form prints as the page did without it: every widget taken
# away, the same pixels
pdftoppm -gray -r 100 -f "$page" -l "$page" "$PDF" blank 2>/dev/null
/usr/bin/python3 -c '
import sys
from pypdf import PdfReader, PdfWriter
from pypdf.generic import NameObject
w = PdfWriter()
w.clone_document_from_reader(PdfReader(sys.argv[1]))
for p in w.pages:
    if "/Annots" in p:
        del p[NameObject("/Annots")]
w.write(sys.argv[2])' "$PDF" bare-page.pdf
pdftoppm -gray -r 100 -f "$page" -l "$page" bare-page.pdf nowidgets 2>/dev/null
b1=$(ls blank*.pgm 2>/dev/null | head -1)
b2=$(ls nowidgets*.pgm 2>/dev/null | head -1)
check "a blank form prints as the page without its widgets" \
	cmp -s "${b1:-none}" "${b2:-none2}"
