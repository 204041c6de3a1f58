#!/bin/sh
# t-labels.sh - kitgen's own words come from the labels table (labels.h,
# templates/labels/): `kitgen labels` prints every key; every key set to a
# marker through kit.yaml's `labels:` shows its marker in the outputs
# where it is used, and then no English word is left in any output that
# the kit's own content does not hold; unknown keys and places that
# differ from English are errors at their place; `language:` picks a
# table (de, de-CH falling back to de, ar right to left), a bad tag is an
# error, and a language with no table keeps English with a warning.
. "$(dirname "$0")/lib.sh"
PY=/usr/bin/python3

# ---- kitgen labels ---------------------------------------------------------------
"$KITGEN" labels >"$TMP/en.yaml" 2>"$TMP/labels.err"
keys=$(grep -cE '^[a-z_]+\.[a-z_.]+: ' "$ROOT/templates/labels/en.yaml")
printed=$(grep -cE '^[a-z_]+\.[a-z_.]+: ' "$TMP/en.yaml")
if [ "$keys" -gt 200 ] && [ "$keys" = "$printed" ] && [ ! -s "$TMP/labels.err" ]; then
	ok "kitgen labels prints every key ($keys), each with where it shows"
else
	not_ok "kitgen labels prints every key" "en.yaml: $keys, printed: $printed" "$(cat "$TMP/labels.err")"
fi
bad=$(grep -E '^[a-z_]+\.[a-z_.]+: ' "$TMP/en.yaml" | grep -v '  # ' | head -3)
[ -z "$bad" ] && ok "every printed label says where it shows" ||
	not_ok "every printed label says where it shows" "$bad"
"$KITGEN" labels de >"$TMP/de.yaml"
if grep -q '^toc.title: "Inhalt"  # ' "$TMP/de.yaml" &&
	grep -q '^pdf.page: "Seite {page} von {pages}"' "$TMP/de.yaml"; then
	ok "kitgen labels de prints the German texts"
else
	not_ok "kitgen labels de prints the German texts" "$(grep -E '^(toc.title|pdf.page):' "$TMP/de.yaml")"
fi
# Every language's file beside en.yaml (de, fr, es, ar, ja, he, ...) gives
# every key, each with English's places, only its language's plural forms
# (a form it lacks would never show) and "other"; `kitgen labels LANG`
# prints exactly the file's texts.
: >"$TMP/printed.err"
for f in "$ROOT"/templates/labels/*.yaml; do
	l=$(basename "$f" .yaml)
	[ "$l" = en ] && continue
	"$KITGEN" labels "$l" --templates "$ROOT/templates" >"$TMP/printed-$l.yaml" 2>>"$TMP/printed.err"
done
$PY - "$ROOT/templates/labels" "$TMP" >"$TMP/files.out" 2>&1 <<'EOF'
import glob, os, re, sys, yaml
folder, tmp = sys.argv[1:3]
# the CLDR plural categories of whole numbers (labels.c, kg_plural_category)
forms = {"ar": "zero one two few many other", "he": "one two other",
	 "ja": "other", "zh": "other", "ko": "other",
	 "ru": "one few many", "uk": "one few many", "pl": "one few many"}
en = yaml.safe_load(open(os.path.join(folder, "en.yaml"), encoding="utf-8"))
places = lambda t: sorted(set(re.findall(r"\{([^}]*)\}", t)))
bad = []
for path in sorted(glob.glob(os.path.join(folder, "*.yaml"))):
	lang = os.path.basename(path)[:-5]
	if lang == "en":
		continue
	t = yaml.safe_load(open(path, encoding="utf-8"))
	has = set(forms.get(lang.split("-")[0], "one other").split()) | {"other"}
	bad += ["%s: no %s" % (lang, k) for k in en if k not in t]
	bad += ["%s: %s is no English key" % (lang, k) for k in t if k not in en]
	for k, v in t.items():
		e = en.get(k)
		if e is None:
			continue
		want = places(e["other"] if isinstance(e, dict) else e)
		if isinstance(e, dict) != isinstance(v, dict):
			bad.append("%s: %s is%s a plural label" % (lang, k, "" if isinstance(e, dict) else " not"))
			continue
		for f, text in (v.items() if isinstance(v, dict) else [("", v)]):
			# punctuation may be a space, or nothing (Japanese
			# puts no space between sentences)
			if not isinstance(text, str) or (not text.strip() and not k.startswith("punct.")):
				bad.append("%s: %s %s is empty" % (lang, k, f))
			elif f and f not in has:
				bad.append("%s: %s has a form '%s' the language does not use" % (lang, k, f))
			elif not (set(places(text)) <= set(want) if f else places(text) == want):
				bad.append("%s: %s %s has %s, English %s" % (lang, k, f, places(text), want))
		if isinstance(v, dict) and "other" not in v:
			bad.append("%s: %s has no 'other' form" % (lang, k))
	printed = yaml.safe_load(open(os.path.join(tmp, "printed-%s.yaml" % lang), encoding="utf-8")) or {}
	if not printed:
		bad.append("%s: kitgen labels %s prints nothing" % (lang, lang))
	for k, v in t.items():
		if printed and printed.get(k) != v:
			bad.append("%s: kitgen labels %s prints %s as %r, the file has %r" % (lang, lang, k, printed.get(k), v))
	print(lang, len(t))
print("\n".join(bad[:30]))
sys.exit(1 if bad else 0)
EOF
st=$?
if [ "$st" = 0 ] && [ ! -s "$TMP/printed.err" ] && grep -q '^ja ' "$TMP/files.out" && grep -q '^he ' "$TMP/files.out"; then
	ok "every language's labels file has every key, English's places and its plural forms; kitgen labels prints it ($(grep -c '^[a-z-]* [0-9]' "$TMP/files.out") files)"
else
	not_ok "every language's labels file has every key, English's places and its plural forms" "$(cat "$TMP/files.out" "$TMP/printed.err")"
fi
"$KITGEN" labels en_US >/dev/null 2>"$TMP/err"
st=$?
if [ "$st" = 2 ] && grep -q "kitgen labels: 'en_US' is not a BCP 47 language tag" "$TMP/err"; then
	ok "kitgen labels refuses a malformed language tag (exit 2)"
else
	not_ok "kitgen labels refuses a malformed language tag (exit 2)" "status $st" "$(cat "$TMP/err")"
fi

# A copy of content/ with kit.yaml's `language:` set (or none) and the
# labels: mapping in file $2 (or none) appended.
kit() {
	rm -rf "$TMP/$1"
	mkdir -p "$TMP/$1"
	cp -R "$ROOT/content" "$TMP/$1/content"
	if [ -n "${3:-}" ]; then
		sed -i "s/^version: \(.*\)$/version: \1\nlanguage: $3/" "$TMP/$1/content/kit.yaml"
	fi
	[ -n "${2:-}" ] && cat "$2" >>"$TMP/$1/content/kit.yaml"
	echo "$TMP/$1/content"
}

# ---- every label replaced: its marker shows where the key is used -----------------
# Each key's text becomes "XQnnnQX" with the English text's places kept,
# every plural form too.
# (tests/trmarkers.py: t-translate-all.sh replaces them the same way)
$PY "$ROOT/tests/trmarkers.py" labels "$TMP/en.yaml" "$TMP/markers.yaml" "$TMP/markers.txt" --kit
M=$(kit markers "$TMP/markers.yaml")
if "$KITGEN" check -q --content "$M" >"$TMP/check.out" 2>&1 && [ ! -s "$TMP/check.out" ]; then
	ok "a kit.yaml setting every label checks clean"
else
	not_ok "a kit.yaml setting every label checks clean" "$(head -5 "$TMP/check.out")"
fi
if "$KITGEN" build -q --content "$M" --templates "$ROOT/templates" --out "$TMP/mout" >"$TMP/build.out" 2>&1; then
	ok "the kit with every label replaced builds in every format"
else
	not_ok "the kit with every label replaced builds in every format" "$(head -5 "$TMP/build.out")"
fi

# number.digits: the page numbers of the furniture in Arabic-Indic digits
# (the PDF's running footer and contents, the printed HTML's counters),
# and only they: the rest of the numbers stay 0-9
pdftotext "$TMP/mout/backend-interview-kit.pdf" "$TMP/digits.txt"
AI='[\x{660}-\x{669}]'
footers=$(LC_ALL=C.UTF-8 grep -cP "^XQ\\d{3}QX $AI+ $AI+\$" "$TMP/digits.txt")
pages=$(pdfinfo "$TMP/mout/backend-interview-kit.pdf" | awk '/^Pages:/ {print $2}')
# the contents' entries end in their page, a number of Arabic-Indic digits
toc=$(LC_ALL=C.UTF-8 grep -cP "^$AI+\$" "$TMP/digits.txt")
if [ "$footers" -ge $((pages - 1)) ] && [ "$toc" -gt 10 ] &&
   ! grep -qE '^XQ[0-9]{3}QX [0-9]+ [0-9]+$' "$TMP/digits.txt" &&
   grep -q 'counter(page, arabic-indic)' "$TMP/mout/backend-interview-kit.html" &&
   grep -q 'counter(pages, arabic-indic)' "$TMP/mout/backend-interview-kit.html"; then
	ok "number.digits sets the furniture's page numbers in its digits (PDF, printed HTML)"
else
	not_ok "number.digits sets the furniture's page numbers in its digits (PDF, printed HTML)" \
		"footers $footers of $pages pages, contents entries $toc"
fi

# The reports after the interviews, from cards of four candidates: Ada
# (two cards for round 1, one line not probed, one prompted: hire), Bo
# (all Weak: no hire), Cy (all Acceptable: borderline) and Di (round 5
# missing, an overall not probed: incomplete).
mkdir -p "$TMP/mcards"
# mcard CANDIDATE ROUND INTERVIEWER RATING: a card of the markers kit
mcard() {
	"$KITGEN" card platform-engineer-expert --content "$M" --round "$2" 2>/dev/null |
		sed -e "s/^candidate: \"\"/candidate: $1/" \
		    -e "s/^interviewer: \"\"/interviewer: $3/" \
		    -e 's/^date: "".*/date: 2026-12-01/' \
		    -e "s/^    rating:\$/    rating: $4/" \
		    -e "s/^overall:.*/overall: $4/" >"$TMP/mcards/$1-$2-$3.yaml"
}
for r in 1 2 3 4 5; do
	mcard ada $r a$r strong
	mcard bo $r b$r weak
	mcard cy $r c$r acceptable
	[ $r = 5 ] || mcard di $r d$r acceptable
done
mcard ada 1 a9 weak
$PY - "$TMP/mcards/ada-1-a1.yaml" "$TMP/mcards/di-1-d1.yaml" <<'PYEOF'
import sys
ada, di = sys.argv[1:]
t = open(ada).read()
t = t.replace("    rating: strong", "    rating: not-probed", 1)
i = t.index("prompted: false", t.index("prompted: false") + 1)
t = t[:i] + "prompted: true" + t[i + len("prompted: false"):]
open(ada, "w").write(t)
t = open(di).read()
open(di, "w").write(t.replace("overall: acceptable", "overall: not-probed"))
PYEOF
"$KITGEN" score --content "$M" --templates "$ROOT/templates" --out "$TMP/mout/reports" \
	"$TMP/mcards"/*.yaml >"$TMP/score.out" 2>&1 &&
	"$KITGEN" calibrate --content "$M" --templates "$ROOT/templates" \
		--out "$TMP/mout/reports" "$TMP/mcards"/*.yaml >>"$TMP/score.out" 2>&1 &&
	rm -f "$TMP/mout/reports/calibration.csv" # data, in English by design
if [ $? = 0 ] && [ -s "$TMP/mout/reports/calibration.md" ]; then
	ok "kitgen score and calibrate report on the markers kit's cards"
else
	not_ok "kitgen score and calibrate report on the markers kit's cards" "$(head -20 "$TMP/score.out")"
fi

# One loop's documents (kitgen loop), filled in: in the kit's words too
if "$KITGEN" loop platform-engineer-expert --content "$M" --templates "$ROOT/templates" \
	--candidate ada --date 2026-12-01 --interviewer 1=bo --out "$TMP/mout/loop" \
	>"$TMP/loop.out" 2>&1; then
	ok "kitgen loop writes the markers kit's documents"
else
	not_ok "kitgen loop writes the markers kit's documents" "$(head -5 "$TMP/loop.out")"
fi

# The text a reader sees of every output: Markdown without its link
# targets and anchors, HTML's text, accessible names and the words of a
# packet page's form script (its JSON data block), the PDFs' text and
# document information (tests/trmarkers.py, shared with
# t-translate-all.sh).
$PY "$ROOT/tests/trmarkers.py" text "$TMP/mout" >"$TMP/all.txt"
# kitgen list's and kitgen card's words too: the list without its ids and
# file names, the card files' comments (their keys and values are the
# card format's, the same in every language)
{
	echo "==== kitgen list"
	"$KITGEN" list --content "$M" | sed 's/^[^ ]*  *//; s/[^ ]*\.\(md\|html\|pdf\)//g'
	echo "==== kitgen card"
	"$KITGEN" card platform-engineer-expert --content "$M" | sed -n 's/.*# //p'
} >>"$TMP/all.txt" 2>&1
# Keys no edition of content/ uses, each for a reason: the test below
# checks that they are indeed nowhere, so the list cannot go stale.
UNUSED='
form.gate_no_weak       content/ allows one Weak area (decision.weak_limit)
form.scorecard_card     every round of content/ fits one card
form.unused_more        no round of content/ leaves more questions unused than a sheet shows
guide.contact           content/ gives no contact
guide.must_have_none    every profile of content/ has a must-have area
guide.phase_range       every round of content/ has the same length
guide.rule_own_words    content/ gives the decision rule as values
guide.weak_any          content/ allows one Weak area
index.bytes             every file is over 1 KB
index.mb                ... and under 1 MB
packet.exercise         no topic of content/ is set as an exercise (scenario.minutes)
packet.exercise_item    ...
packet.to_spare         every round of content/ fills or overruns its main phase
punct.quote2_open       no text of content/ opens a quote within a quote
punct.quote2_close      ... so none closes one: its single quotes after a word are apostrophes
phase.main              content/ names its phases (loop.phases) ...
phase.main_what         ...
phase.opening           ...
phase.opening_what      ...
phase.questions         ...
phase.questions_what    ... so the default phases are not used
since.added             only with --changes-since (t-changes-since.sh)
since.changed           ...
since.changes           ...
since.nothing           ...
since.removed           ...
since.title             ...
translate.untranslated  only with --language (t-translate.sh)
cal.no_separation       with under 20 cards a question is never judged
cal.review_line         ... not to separate, nor ...
cal.separates           ... to separate

'
printf '%s\n' "$UNUSED" | awk 'NF {print $1}' | sort >"$TMP/unused"
missing=""
stale=""
while read -r mark key; do
	if grep -q "$mark" "$TMP/all.txt"; then
		grep -qx "$key" "$TMP/unused" && stale="$stale $key"
	else
		grep -qx "$key" "$TMP/unused" || missing="$missing $key"
	fi
done <"$TMP/markers.txt"
[ -z "$missing" ] && ok "every label's marker shows in the outputs where its key is used" ||
	not_ok "every label's marker shows in the outputs where its key is used" "missing:$missing"
[ -z "$stale" ] && ok "the keys listed as unused by content/ are unused" ||
	not_ok "the keys listed as unused by content/ are unused" "used after all:$stale"
if grep -q '^Subject: .*XQ' "$TMP/all.txt" && grep -q '^Keywords: .*XQ' "$TMP/all.txt" &&
	grep -q '^Creator: .*XQ' "$TMP/all.txt"; then
	ok "the PDF's document information comes from the labels"
else
	not_ok "the PDF's document information comes from the labels" "$(grep -E '^(Subject|Keywords|Creator):' "$TMP/all.txt" | head -3)"
fi

# Punctuation kitgen joins items with is the language's too: a round's
# ratings in the debrief (Ada's round 1, rated by a1 and a9), a main
# phase's questions in a run of show, each "Q (n min)" by
# punct.parenthetical; and a chart's alternative text in the PDF says
# its title and each row's counts in the labels' words.
sep=$(awk '$2 == "punct.item_sep" {print $1}' "$TMP/markers.txt")
paren=$(awk '$2 == "punct.parenthetical" {print $1}' "$TMP/markers.txt")
count=$(awk '$2 == "chart.alt_count" {print $1}' "$TMP/markers.txt")
row=$(grep -E '^\| 1 \|' "$TMP/mout/reports/debrief-ada.md" | head -1)
show=$(grep -hE '\]\(#q-[^)]*\)' "$TMP"/mout/panels/platform-engineer-expert.md |
	grep -F "$sep" | head -1)
alt=$($PY -c '
import sys, fitz
d = fitz.open(sys.argv[1])
for x in range(1, d.xref_length()):
    k, v = d.xref_get_key(x, "Alt")
    if k == "string":
        print(v)' "$TMP/mout/reports/calibration.pdf")
if [ -n "$sep" ] && printf '%s' "$row" | grep -qF "$sep" && ! printf '%s' "$row" | grep -qF '; ' &&
	[ -n "$show" ] && ! printf '%s' "$show" | grep -qE '; | \(' && printf '%s' "$show" | grep -qF "$paren" &&
	printf '%s' "$alt" | grep -qF "$count" && ! printf '%s' "$alt" | grep -qE ': |in proportion'; then
	ok "a debrief's ratings, a run of show's questions and a chart's alternative text are joined in the labels' punctuation"
else
	not_ok "a debrief's ratings, a run of show's questions and a chart's alternative text are joined in the labels' punctuation" \
		"ratings: $row" "run of show: $show" "alt: $(printf '%s' "$alt" | head -c 300)"
fi

# ---- then no English word is left but the kit's own --------------------------------
# The words of content/ and the markers may show; so may these, for the
# reason given: they are names, not words kitgen writes in English.
ALLOW='
html markdown pdf   the formats index.html lists files in: names of file formats
kb mb               units of a file size, the same in every language we ship
kitgen              the program named in the PDF document information
ada bo cy di        the candidates named on the cards of this test (the reports show them)
not probed          a rating value of the card format (not-probed) that kitgen card names, the same in every language
'
$PY - "$M" "$TMP/all.txt" "$ALLOW" >"$TMP/english" <<'EOF'
import os, re, sys
content, text, allow = sys.argv[1:]
words = set()
for dp, dn, fn in os.walk(content):
    for f in fn:
        src = open(os.path.join(dp, f)).read()
        words |= {w.lower() for w in re.findall(r"[A-Za-z]+", src)}
        # a compound the PDF hyphenates at a line's end comes out of
        # pdftotext joined: "at-least-once" as "Atleast" and "leastonce"
        for c in re.findall(r"[A-Za-z]+(?:-[A-Za-z]+)+", src):
            parts = c.lower().split("-")
            for i in range(len(parts)):
                for j in range(i + 2, len(parts) + 1):
                    words.add("".join(parts[i:j]))
for line in allow.splitlines():
    words |= {w for w in line.split("  ")[0].split()}
t = open(text).read()
t = re.sub(r"^==== .*$", "", t, flags=re.M)
# pdfinfo's own field names and values, not the document's words
t = re.sub(r"^(Title|Subject|Keywords|Author|Creator|Producer|CreationDate|ModDate|Custom Metadata|Metadata Stream|Tagged|UserProperties|Suspects|Form|JavaScript|Pages|Encrypted|Page size|Page rot|File size|Optimized|PDF version):", "", t, flags=re.M)
t = re.sub(r"\b(none|no|yes|AcroForm|pts|bytes|A4|letter|rot)\b", " ", t)
t = re.sub(r"[0-9a-f]{16,}", " ", t)   # digests
t = re.sub(r"XQ[0-9]{3}QX", " ", t)     # the markers
t = re.sub(r"\{[a-z_]+\}", " ", t)      # a form script's places
# a running head too long for its band ends in a word cut short, "Gener…"
t = re.sub(r"([A-Za-z]+)…", lambda m: " " if any(w.startswith(m.group(1).lower())
           for w in words) else m.group(0), t)
# a word hyphenated at a line's end that pdftotext does not join (the
# next line falls in another of its blocks) keeps its drawn hyphen
t = re.sub(r"([A-Za-z]+)-\n+([a-z]+)", lambda m: m.group(1) + m.group(2)
           if (m.group(1) + m.group(2)).lower() in words else m.group(0), t)
# code (an id) too long for its table cell is broken between two
# characters, marked by a drawn hook: pdftotext gives its two parts
t = re.sub(r"([A-Za-z]+)\n([A-Za-z]+)", lambda m: m.group(1) + m.group(2)
           if (m.group(1) + m.group(2)).lower() in words else m.group(0), t)
left = sorted({w for w in re.findall(r"[A-Za-z]+", t) if w.lower() not in words})
if left:
    print("\n".join(left))
EOF
if [ ! -s "$TMP/english" ]; then
	ok "with every label replaced, no English word is left that the kit's content lacks"
else
	not_ok "with every label replaced, no English word is left that the kit's content lacks" \
		"$(tr '\n' ' ' <"$TMP/english" | cut -c1-400)"
fi

# ---- diagnostics ---------------------------------------------------------------------
printf 'labels:\n  toc.titel: Inhalt\n  pdf.page: "Seite {page}"\n  common.min: {one: "{n} Min.", many: "{n} Min."}\n  number.digits: roman\n' >"$TMP/bad.yaml"
B=$(kit bad "$TMP/bad.yaml")
n=$(wc -l <"$ROOT/content/kit.yaml")
"$KITGEN" check --content "$B" >"$TMP/out" 2>"$TMP/err"
st=$?
cat >"$TMP/want" <<EOF
$B/kit.yaml:$((n + 2)):3: error: unknown label 'toc.titel' (did you mean 'toc.title'?)
$B/kit.yaml:$((n + 3)):13: error: label 'pdf.page' has the places {page}; the English label has {page} {pages}
$B/kit.yaml:$((n + 4)):15: error: plural label 'common.min' has no 'other' form
$B/kit.yaml:$((n + 5)):18: error: label 'number.digits' is 'roman', not a numbering system kitgen knows (latn, arab, arabext, beng, deva, gujr, guru, khmr, knda, laoo, mlym, mymr, orya, tamldec, telu, thai, tibt)
EOF
grep ': error: ' "$TMP/err" >"$TMP/got"
if [ "$st" = 1 ]; then
	same_text "an unknown label, other places and a plural without 'other' are errors at their place" "$TMP/want" "$TMP/got"
else
	not_ok "an unknown label, other places and a plural without 'other' are errors at their place" "status $st" "$(cat "$TMP/err")"
fi
if "$KITGEN" build --content "$B" --out "$TMP/bout" >/dev/null 2>&1 || [ -e "$TMP/bout" ]; then
	not_ok "a kit with a bad label builds nothing"
else
	ok "a kit with a bad label builds nothing"
fi

L=$(kit badlang "" en_US)
"$KITGEN" check --content "$L" >/dev/null 2>"$TMP/err"
st=$?
line=$(grep -n '^language:' "$L/kit.yaml" | cut -d: -f1)
want="$L/kit.yaml:$line:11: error: 'en_US' is not a BCP 47 language tag (such as 'de', 'de-CH' or 'ar'): use '-', not '_'"
if [ "$st" = 1 ] && grep -qxF "$want" "$TMP/err"; then
	ok "a malformed language tag is an error at its place"
else
	not_ok "a malformed language tag is an error at its place" "status $st" "$(cat "$TMP/err")"
fi

# a language file of the templates with a place English lacks
cp -R "$ROOT/templates" "$TMP/tpl"
printf 'toc.title: "Inhalt {page}"\n' >"$TMP/tpl/labels/xx.yaml"
X=$(kit xx "" xx)
"$KITGEN" build -q --content "$X" --templates "$TMP/tpl" --out "$TMP/xout" >/dev/null 2>"$TMP/err"
st=$?
if [ "$st" = 1 ] && grep -qxF "$TMP/tpl/labels/xx.yaml:1:12: error: label 'toc.title' has the places {page}; the English label has none" "$TMP/err"; then
	ok "a labels file's place that English lacks is an error at its place"
else
	not_ok "a labels file's place that English lacks is an error at its place" "status $st" "$(cat "$TMP/err")"
fi

# ---- language: picks the table --------------------------------------------------------
D=$(kit de "" de)
"$KITGEN" build -q --content "$D" --templates "$ROOT/templates" --out "$TMP/de" 2>"$TMP/err"
if grep -q '^## <a id="contents"></a>Inhalt$' "$TMP/de/backend-interview-kit.md" &&
	grep -q '^  - \*\*Herausgeber:\*\*' "$TMP/de/backend-interview-kit.md" &&
	grep -q '<html lang="de">' "$TMP/de/backend-interview-kit.html" &&
	grep -q 'Bewertungsbogen' "$TMP/de/panels/generalist-fresher.md" &&
	pdftotext "$TMP/de/backend-interview-kit.pdf" - | grep -q '^Seite 2 von [0-9]*$'; then
	ok "language: de gives German furniture in every format"
else
	not_ok "language: de gives German furniture in every format" "$(cat "$TMP/err")"
fi
lang=$($PY -c 'import sys, fitz; d = fitz.open(sys.argv[1]); print(d.xref_get_key(d.pdf_catalog(), "Lang")[1])' \
	"$TMP/de/backend-interview-kit.pdf" 2>&1)
[ "$lang" = de ] && ok "the German PDF's /Lang is de" || not_ok "the German PDF's /Lang is de" "$lang"

printf 'labels:\n  toc.title: Übersicht\n' >"$TMP/own.yaml"
C=$(kit dech "$TMP/own.yaml" de-CH)
"$KITGEN" build -q --content "$C" --templates "$ROOT/templates" --out "$TMP/dech" --format md,html 2>"$TMP/err"
if grep -q '<html lang="de-CH">' "$TMP/dech/backend-interview-kit.html" &&
	grep -q '^## <a id="contents"></a>Übersicht$' "$TMP/dech/backend-interview-kit.md" &&
	grep -q '^  - \*\*Herausgeber:\*\*' "$TMP/dech/backend-interview-kit.md"; then
	ok "de-CH falls back to de, and kit.yaml's labels override single entries"
else
	not_ok "de-CH falls back to de, and kit.yaml's labels override single entries" "$(cat "$TMP/err")"
fi

A=$(kit ar "" ar)
"$KITGEN" build -q --content "$A" --templates "$ROOT/templates" --out "$TMP/ar" --format md,html 2>"$TMP/err"
if grep -q '<html lang="ar" dir="rtl">' "$TMP/ar/backend-interview-kit.html" &&
	grep -q '<html lang="ar" dir="rtl">' "$TMP/ar/index.html" &&
	grep -q 'المحتويات' "$TMP/ar/backend-interview-kit.md"; then
	ok "language: ar gives Arabic furniture and a right-to-left HTML"
else
	not_ok "language: ar gives Arabic furniture and a right-to-left HTML" "$(cat "$TMP/err")"
fi

H=$(kit he "" he)
"$KITGEN" build -q --content "$H" --templates "$ROOT/templates" --out "$TMP/he" --format md,html 2>"$TMP/err"
st=$?
if [ "$st" = 0 ] && [ ! -s "$TMP/err" ] &&
	grep -q '<html lang="he" dir="rtl">' "$TMP/he/backend-interview-kit.html" &&
	grep -q '<html lang="he" dir="rtl">' "$TMP/he/index.html" &&
	grep -q '^## <a id="contents"></a>תוכן העניינים$' "$TMP/he/backend-interview-kit.md" &&
	grep -q 'טופס הערכה' "$TMP/he/panels/generalist-fresher.md"; then
	ok "language: he gives Hebrew furniture and a right-to-left HTML"
else
	not_ok "language: he gives Hebrew furniture and a right-to-left HTML" "status $st" "$(cat "$TMP/err")"
fi

J=$(kit ja "" ja)
"$KITGEN" check --content "$J" >"$TMP/check.out" 2>&1
st=$?
"$KITGEN" build -q --content "$J" --templates "$ROOT/templates" --out "$TMP/ja" --format md,html 2>"$TMP/err"
if [ "$st" = 0 ] && [ ! -s "$TMP/err" ] && ! grep -q 'warning' "$TMP/check.out" &&
	grep -q '^## <a id="contents"></a>目次$' "$TMP/ja/backend-interview-kit.md" &&
	grep -q '<html lang="ja">' "$TMP/ja/backend-interview-kit.html" &&
	grep -q '評価シート' "$TMP/ja/panels/generalist-fresher.md"; then
	ok "language: ja checks clean and gives Japanese furniture, left to right"
else
	not_ok "language: ja checks clean and gives Japanese furniture" "status $st" "$(cat "$TMP/check.out" "$TMP/err")"
fi

S=$(kit sw "" sw)
"$KITGEN" build -q --content "$S" --templates "$ROOT/templates" --out "$TMP/sw" --format md 2>"$TMP/err"
st=$?
line=$(grep -n '^language:' "$S/kit.yaml" | cut -d: -f1)
if [ "$st" = 0 ] && grep -q "^$S/kit.yaml:$line:11: warning: no labels for language 'sw' (no labels/sw.yaml)" "$TMP/err" &&
	grep -q '^## <a id="contents"></a>Contents$' "$TMP/sw/backend-interview-kit.md"; then
	ok "a language with no labels file keeps English, with a warning at kit.yaml's language"
else
	not_ok "a language with no labels file keeps English, with a warning" "status $st" "$(cat "$TMP/err")"
fi

# ---- the language's punctuation and emphasis (labels punct.*) -------------------------
# French sets a narrow no-break space before a colon, Japanese a full-width
# colon with no space and full-width parentheses, and no space between
# sentences; straight quotes become the language's; Japanese has no
# italic, in the PDF (no oblique face) or the HTML (its CSS); the cover's
# label column widens for a longer label.
F=$(kit frp "" fr)
"$KITGEN" build -q --content "$F" --templates "$ROOT/templates" --out "$TMP/frp" --format pdf,html \
	--edition panels/generalist-fresher/round-1 2>"$TMP/err"
# (PyMuPDF's text: pdftotext makes a narrow no-break space a space)
$PY -c 'import sys, fitz; print("".join(p.get_text() for p in fitz.open(sys.argv[1])))' \
	"$TMP/frp/panels/generalist-fresher/round-1.pdf" >"$TMP/frp.txt" 2>>"$TMP/err"
if grep -q "^Signature$(printf '\342\200\257'):\$" "$TMP/frp.txt" &&
	grep -q "^Question$(printf '\342\200\257'): " "$TMP/frp.txt" &&
	grep -q "«$(printf '\342\200\257')" "$TMP/frp.txt" &&
	grep -q "«$(printf '\342\200\257')" "$TMP/frp/panels/generalist-fresher/round-1.html"; then
	ok "French: a narrow no-break space before a form label's colon, « » quotes in PDF and HTML"
else
	not_ok "French: a narrow no-break space before a form label's colon, « » quotes" "$(grep -n 'Signature\|^Question' "$TMP/frp.txt" | head -3)" "$(cat "$TMP/err")"
fi
printf 'labels:\n  cover.version: "バージョン番号とその日付"\n' >"$TMP/jalong.yaml"
JP=$(kit jap "$TMP/jalong.yaml" ja)
"$KITGEN" build -q --content "$JP" --templates "$ROOT/templates" --out "$TMP/jap" --format pdf \
	--edition panels/generalist-fresher/round-1 2>"$TMP/err"
"$KITGEN" build -q --content "$JP" --templates "$ROOT/templates" --out "$TMP/jap" --format md \
	--edition candidates/generalist-fresher 2>>"$TMP/err"
pdftotext "$TMP/jap/panels/generalist-fresher/round-1.pdf" "$TMP/jap.txt" 2>>"$TMP/err"
cover=$($PY - "$TMP/jap/panels/generalist-fresher/round-1.pdf" <<'PYEOF' 2>&1
import sys, fitz
d = fitz.open(sys.argv[1])
w = {x[4]: x for x in d[0].get_text("words")}
lab, val = w.get("バージョン番号とその日付"), w.get("1.0.0")
print("ok" if lab and val and val[0] > lab[2] and abs(val[3] - lab[3]) < 3 else "label %s value %s" % (lab, val))
PYEOF
)
g="$TMP/jap/candidates/generalist-fresher.md"
if grep -q '^署名：$' "$TMP/jap.txt" && grep -q '^Q[0-9]*：' "$TMP/jap.txt" &&
	! pdffonts "$TMP/jap/panels/generalist-fresher/round-1.pdf" | grep -qi 'oblique\|italic' &&
	[ "$cover" = ok ] &&
	grep -q '（[0-9]*分）' "$g" && ! grep -q '。 [^ ]' "$g" && grep -q '^  - \*\*[^*]*（[0-9]*）：\*\*[^ ]' "$g" &&
	grep -q ':is(em, i, cite, dfn, var, address):lang(ja)' "$ROOT/templates/html/style.mustache"; then
	ok "Japanese: full-width colon and parentheses, no space after 。, no oblique face, the cover's column widens"
else
	not_ok "Japanese punctuation, upright emphasis and the cover's column" "cover: $cover" \
		"$(grep -n '署名\|^Q[0-9]' "$TMP/jap.txt" | head -3)" "$(grep -n '。 [^ ]' "$g" | head -2)" "$(cat "$TMP/err")"
fi

# ---- kitgen labels round-trips: its output as a labels file builds the same ------------
cp -R "$ROOT/templates" "$TMP/tpl2"
"$KITGEN" labels de --templates "$ROOT/templates" >"$TMP/tpl2/labels/de.yaml"
"$KITGEN" build -q --content "$D" --templates "$TMP/tpl2" --out "$TMP/de2" --format md 2>"$TMP/err"
# (the build digest differs: the templates folder does)
sed 's/[0-9a-f]\{64\}/D/g' "$TMP/de/backend-interview-kit.md" >"$TMP/de.md"
sed 's/[0-9a-f]\{64\}/D/g' "$TMP/de2/backend-interview-kit.md" >"$TMP/de2.md"
if [ -s "$TMP/de.md" ] && cmp -s "$TMP/de.md" "$TMP/de2.md"; then
	ok "kitgen labels de, saved as labels/de.yaml, builds the same kit"
else
	not_ok "kitgen labels de, saved as labels/de.yaml, builds the same kit" "$(cat "$TMP/err")"
fi

# ---- the reports after the interviews speak the kit's language too ------------------
mkdir -p "$TMP/cards"
for r in 1 2 3 4 5; do
	"$KITGEN" card platform-engineer-expert --content "$D" --round $r 2>/dev/null |
		sed -e 's/^candidate: ""/candidate: Ada/' \
		    -e "s/^interviewer: \"\"/interviewer: i$r/" \
		    -e 's/^date: "".*/date: 2026-12-01/' \
		    -e 's/^    rating:$/    rating: strong/' \
		    -e 's/^overall:.*/overall: strong/' >"$TMP/cards/ada-$r.yaml"
done
"$KITGEN" score --content "$D" --templates "$ROOT/templates" --out "$TMP/score" \
	"$TMP/cards"/*.yaml >/dev/null 2>"$TMP/err"
"$KITGEN" calibrate --content "$D" --templates "$ROOT/templates" --out "$TMP/cal" \
	"$TMP/cards"/*.yaml >/dev/null 2>>"$TMP/err"
f=$(ls "$TMP/score"/*.md 2>/dev/null | head -1)
if [ -n "$f" ] && grep -q '^# Auswertung: Ada' "$f" &&
	grep -q 'Nach der Entscheidungsregel' "$f" &&
	grep -q 'Kalibrierung' "$TMP/cal/calibration.md" &&
	grep -q 'Interviewende' "$TMP/cal/calibration.md"; then
	ok "kitgen score and calibrate write their reports in the kit's language"
else
	not_ok "kitgen score and calibrate write their reports in the kit's language" \
		"$(cat "$TMP/err")" "$(head -5 "$f" 2>/dev/null)"
fi
