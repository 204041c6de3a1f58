#!/bin/sh
# t-pdf.sh - the PDF editions: a valid file (qpdf), fonts embedded, every
# heading and question prompt in order, no word outside the margins, the
# contents and the outline right, the fixture's text as in the golden file,
# stable bytes, metadata, paper sizes, tables and words that do not fit,
# UTF-8, and errors in the style file. The checks on text and layout are
# in tests/pdfcheck.py.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $ROOT/tests/pdfcheck.py"
STYLE="$ROOT/templates/pdf/style.yaml"

build() { # build OUT [ARGS...]: the fixture, or --content ..., as md and pdf
	out=$1
	shift
	"$KITGEN" build --templates "$ROOT/templates" --out "$out" --format md,pdf \
		"$@" >/dev/null 2>"$TMP/err"
}

pdf_valid() { # NAME PDF: qpdf finds no damage, every font is embedded
	if out=$(qpdf --check "$2" 2>&1); then ok "$1: qpdf --check"; else
		not_ok "$1: qpdf --check" "$out"; fi
	fonts=$(pdffonts "$2" 2>&1 | tail -n +3)
	if [ -n "$fonts" ] && ! printf '%s\n' "$fonts" | awk '$(NF-4) != "yes" { bad = 1 } END { exit !bad }'
	then ok "$1: every font is embedded"
	else not_ok "$1: every font is embedded" "$fonts"; fi
	if printf '%s\n' "$fonts" | awk '$(NF-3) != "yes" || $(NF-2) != "yes" { bad = 1 } END { exit !bad }'
	then not_ok "$1: every font is a subset with a ToUnicode map" "$fonts"
	else ok "$1: every font is a subset with a ToUnicode map"; fi
}

layout_checks() { # NAME BASE (BASE.pdf and BASE.md)
	for c in order margins contents outline; do
		arg="$2.md"
		[ "$c" = margins ] && arg=$STYLE
		case $c in
		order) what="every heading and question prompt, in order" ;;
		margins) what="no word outside the margins" ;;
		contents) what="the contents give the pages where topics start" ;;
		outline) what="the outline has an entry per topic" ;;
		esac
		if out=$($CHECK "$c" "$2.pdf" "$arg" 2>&1); then ok "$1: $what"
		else not_ok "$1: $what" "$out"; fi
	done
}

# ---- the fixture and the real kit ---------------------------------------

build "$TMP/fx" --content "$FIXTURE"
fx=$TMP/fx/fixture-kit
check "the fixture kit builds as PDF" test -s "$fx.pdf"
pdftotext -enc UTF-8 "$fx.pdf" "$TMP/fx.txt"
cp "$ROOT/tests/golden/fixture-kit.pdf.txt" "$TMP/golden.txt"
mask_build_digest "$TMP/golden.txt" "$TMP/fx.txt"
same_text "the fixture's text matches tests/golden/fixture-kit.pdf.txt (but the build digest)" \
	"$TMP/golden.txt" "$TMP/fx.txt"
pdf_valid "fixture" "$fx.pdf"
layout_checks "fixture" "$fx"

build "$TMP/real" --content "$ROOT/content"
real=$TMP/real/backend-interview-kit
check "the real kit builds as PDF" test -s "$real.pdf"
pdf_valid "real kit" "$real.pdf"
layout_checks "real kit" "$real"
packet=$(ls "$TMP/real/panels/"*.pdf 2>/dev/null | head -1)
if [ -n "$packet" ]; then
	pdf_valid "a panel packet" "$packet"
	check "a panel packet: no word outside the margins" $CHECK margins "$packet" "$STYLE"
	n=$(ls "$TMP/real/panels/"*.pdf | wc -l)
	m=$(ls "$TMP/real/panels/"*.md | wc -l)
	[ "$n" = "$m" ] && ok "every panel packet is written as PDF" ||
		not_ok "every panel packet is written as PDF" "$n PDF, $m Markdown"
fi
guide=$TMP/real/candidates/platform-engineer-expert.pdf
check "a candidate's guide is written as PDF" test -s "$guide"
if [ -s "$guide" ]; then
	pdf_valid "a candidate's guide" "$guide"
	check "a candidate's guide: no word outside the margins" $CHECK margins "$guide" "$STYLE"
	check "a candidate's guide: its rounds, with their minutes" sh -c \
		"pdftotext '$guide' - | grep -q 'Distributed-systems judgement'"
	n=$(ls "$TMP/real/candidates/"*.pdf | wc -l)
	m=$(ls "$TMP/real/candidates/"*.md | wc -l)
	[ "$n" = "$m" ] && ok "every candidate's guide is written as PDF" ||
		not_ok "every candidate's guide is written as PDF" "$n PDF, $m Markdown"
fi
# a question's heading, "Q1 · Fresher" (the index's entries read "Q1 · " and
# the question's own words)
n=$(pdftotext "$real.pdf" - | grep -cE '^Q[0-9]+ · (Fresher|Intermediate|Expert)$')
[ "$n" = 40 ] && ok "the real kit has its 40 questions" ||
	not_ok "the real kit has its 40 questions" "found $n"
check "the comparison table is there" sh -c \
	"pdftotext '$real.pdf' - | grep -A2 -x 'What it reveals' | grep -qx 'Suits best'"

# ---- links and the outline: written by kitgen's own PDF writer, two passes -------

for name in fixture "real kit"; do
	pdf=$fx.pdf
	[ "$name" = fixture ] || pdf=$real.pdf
	# the contents link forward to pages drawn later, the index back
	if out=$($CHECK links "$pdf" later,earlier 2>&1); then
		ok "$name: links go to later and earlier pages, each to the page its line names"
	else not_ok "$name: links go to later and earlier pages, each to the page its line names" "$out"; fi
	if out=$($CHECK nesting "$pdf" - 2>&1); then
		ok "$name: the outline nests, closed, each entry at its heading's page"
	else not_ok "$name: the outline nests, closed, each entry at its heading's page" "$out"; fi
done

# ---- metadata and stable bytes ----------------------------------------------

digest=$("$KITGEN" digest --content "$ROOT/content")
pdfinfo "$real.pdf" >"$TMP/info"
check "the title is the kit's" grep -q '^Title: *Backend Engineering Interview Kit$' "$TMP/info"
check "the author is the publisher" grep -q '^Author: *kitgen contributors$' "$TMP/info"
check "the subject has the version and the digest" \
	grep -q "^Subject: .*version 1\.0\.0.*$digest" "$TMP/info"
check "the keywords have the digest" grep -q "^Keywords: .*$digest" "$TMP/info"
check "the creator is kitgen and its version" \
	grep -Eq '^Creator: *kitgen [0-9]+\.[0-9]+\.[0-9]+$' "$TMP/info"
if grep -q 'CreationDate' "$TMP/info"; then
	not_ok "no date without SOURCE_DATE_EPOCH" "$(grep Date "$TMP/info")"
else ok "no date without SOURCE_DATE_EPOCH"; fi
check "the contents come first, after the cover" sh -c \
	"pdftotext -f 2 -l 2 '$real.pdf' - | grep -qx Contents"

mkdir -p "$TMP/elsewhere"
(cd "$TMP/elsewhere" && TZ=Pacific/Kiritimati LC_ALL=C.UTF-8 "$KITGEN" build \
	--content "$ROOT/content" --templates "$ROOT/templates" --out again \
	--format pdf >/dev/null 2>&1)
check "two builds give identical bytes" \
	cmp "$real.pdf" "$TMP/elsewhere/again/backend-interview-kit.pdf"
SOURCE_DATE_EPOCH=1700000000 "$KITGEN" build --content "$FIXTURE" \
	--templates "$ROOT/templates" --out "$TMP/sde" --format pdf >/dev/null 2>&1
check "SOURCE_DATE_EPOCH is the creation date" sh -c \
	"pdfinfo '$TMP/sde/fixture-kit.pdf' | grep -q '^CreationDate: .*2023'"
SOURCE_DATE_EPOCH=1700000000 "$KITGEN" build --content "$FIXTURE" \
	--templates "$ROOT/templates" --out "$TMP/sde2" --format pdf >/dev/null 2>&1
check "with SOURCE_DATE_EPOCH, two builds give identical bytes" \
	cmp "$TMP/sde/fixture-kit.pdf" "$TMP/sde2/fixture-kit.pdf"

# ---- paper ----------------------------------------------------------------------

check "A4 by default" sh -c "pdfinfo '$fx.pdf' | grep -q '^Page size: *595.276 x 841.89'"
build "$TMP/letter" --content "$FIXTURE" --paper letter
check "--paper letter gives US Letter pages" sh -c \
	"pdfinfo '$TMP/letter/fixture-kit.pdf' | grep -q '^Page size: *612 x 792'"
check "US Letter: no word outside the margins" \
	$CHECK margins "$TMP/letter/fixture-kit.pdf" "$STYLE"
build "$TMP/letter-uc" --content "$FIXTURE" --paper LETTER --format PDF
check "--paper and --format take any case (LETTER, PDF)" sh -c \
	"pdfinfo '$TMP/letter-uc/fixture-kit.pdf' | grep -q '^Page size: *612 x 792'"
kit=$(fixture_copy paper)
printf 'paper: Letter\n' >>"$kit/kit.yaml"
build "$TMP/kit-letter" --content "$kit"
check "kit.yaml's 'paper: Letter' gives US Letter pages" sh -c \
	"pdfinfo '$TMP/kit-letter/fixture-kit.pdf' | grep -q '^Page size: *612 x 792'"
build "$TMP/kit-a4" --content "$kit" --paper a4
check "--paper a4 overrides kit.yaml's paper" sh -c \
	"pdfinfo '$TMP/kit-a4/fixture-kit.pdf' | grep -q '^Page size: *595.276 x 841.89'"
# the papers are the style file's table: one added there is a paper like
# the others, for --paper and for kit.yaml; an unknown one names the list
rm -rf "$TMP/tpl-a5"
cp -R "$ROOT/templates" "$TMP/tpl-a5"
printf '  A5: {width: 148mm, height: 210mm}\n' >>"$TMP/tpl-a5/pdf/style.yaml"
"$KITGEN" build --content "$FIXTURE" --templates "$TMP/tpl-a5" --out "$TMP/a5" \
	--paper a5 --format pdf >/dev/null 2>"$TMP/err"
check "a paper added to style.yaml's papers works with --paper (A5)" sh -c \
	"pdfinfo '$TMP/a5/fixture-kit.pdf' | grep -q '^Page size: *419.528 x 595.276'"
check "A5: no word outside the margins" \
	$CHECK margins "$TMP/a5/fixture-kit.pdf" "$TMP/tpl-a5/pdf/style.yaml"
kit=$(fixture_copy paper-a5)
printf 'paper: a5\n' >>"$kit/kit.yaml"
"$KITGEN" build --content "$kit" --templates "$TMP/tpl-a5" --out "$TMP/kit-a5" \
	--format pdf >/dev/null 2>"$TMP/err"
check "... and with kit.yaml's paper:" sh -c \
	"pdfinfo '$TMP/kit-a5/fixture-kit.pdf' | grep -q '^Page size: *419.528 x 595.276'"
"$KITGEN" build --content "$FIXTURE" --templates "$ROOT/templates" --out "$TMP/no-a5" \
	--paper a5 --format pdf >/dev/null 2>"$TMP/err"
status=$?
[ "$status" = 2 ] && grep -q "^kitgen build: unknown paper 'a5' (a4, letter)$" "$TMP/err" &&
	ok "--paper naming no paper of the style is a usage error that lists them" ||
	not_ok "--paper naming no paper of the style is a usage error that lists them" \
		"status $status" "$(cat "$TMP/err")"
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/no-a5" \
	--format md >/dev/null 2>"$TMP/err"
status=$?
line=$(grep -n '^paper: a5' "$kit/kit.yaml" | cut -d: -f1)
[ "$status" = 1 ] && grep -q "kit.yaml:$line:8: error: unknown paper 'a5' (a4, letter)$" "$TMP/err" &&
	ok "kit.yaml's paper: naming none is an error at its place" ||
	not_ok "kit.yaml's paper: naming none is an error at its place" \
		"status $status" "$(cat "$TMP/err")"

# ---- what does not fit: long cells, long words, UTF-8 ------------------------------

kit=$(fixture_copy long)
long=$(printf 'Horizontal scaling across regions with many moving parts %.0s' $(seq 17))
word=$(printf 'x%.0s' $(seq 300))
sed -i "s/^  \(reveals\|fits\|watch_for\): .*/  \1: $long/" "$kit/topics/01-cache.yaml" "$kit/topics/02-queue.yaml"
sed -i "s/^    prompt: What is a cache for?/    prompt: What is a cache for? $word and ₹ 1,200 → café, \"quoted\" -- done.../" \
	"$kit/topics/01-cache.yaml"
build "$TMP/long" --content "$kit"
lp=$TMP/long/fixture-kit
check "a kit with a table taller than a page builds" test -s "$lp.pdf"
layout_checks "long cells and words" "$lp"
pages=$(pdftotext -layout "$lp.pdf" - | awk 'BEGIN { RS = "\f" } /What it reveals/ { n++ } END { print n + 0 }')
[ "$pages" -ge 2 ] && ok "the table's header row is repeated on every page it spans" ||
	not_ok "the table's header row is repeated on every page it spans" "on $pages page(s)"
pdftotext -enc UTF-8 "$lp.pdf" "$TMP/long.txt"
for s in '₹ 1,200' '→' 'café' '“quoted”' '– done…'; do
	check "UTF-8 and smart punctuation: '$s'" grep -qF "$s" "$TMP/long.txt"
done

# ---- rich prose: every kind of CommonMark a text field may hold ----------------------

kit=$(fixture_copy rich)
python3 - "$kit/topics/01-cache.yaml" <<'PY'
import sys
p = sys.argv[1]
s = open(p, encoding="utf-8").read()
rich = """exposes: |
  Whether the candidate thinks about **staleness**, with *emphasis*, ***both***,
  `inline code`, a [link](https://example.com/a/very/long/path/that/keeps/going/and/going)
  and a hard\\
  break.

  1. First ordered item
  2. Second, with a nested list:
     - nested bullet one
       - third level
  3. Third

  > A block quote with **bold** text that runs on long enough to wrap onto a
  > second line of the quote.

  ```
  def lookup(key):
      if key in cache:    # a comment long enough to need wrapping somewhere along its length
          return cache[key]
  ```
"""
s = s.replace("exposes: Whether the candidate thinks about **staleness**.\n", rich)
open(p, "w", encoding="utf-8").write(s)
PY
build "$TMP/rich" --content "$kit"
rp=$TMP/rich/fixture-kit
layout_checks "rich prose" "$rp"
pdftotext -enc UTF-8 "$rp.pdf" "$TMP/rich.txt"
for s in 'def lookup(key):' 'nested bullet one' 'A block quote with bold' 'inline code'; do
	check "rich prose: '$s' is set" grep -qF "$s" "$TMP/rich.txt"
done
check "rich prose: the hard break ends a line" sh -c "grep -q 'and a hard\$' '$TMP/rich.txt'"
check "rich prose: links are clickable" sh -c \
	"qpdf --json '$rp.pdf' | grep -q '\"/URI\": \"u:https://example.com/a/very/long'"

# ---- the style file -------------------------------------------------------------------

styled() { # NAME SED-EXPRESSION: a templates copy with style.yaml edited
	rm -rf "$TMP/tpl"
	cp -R "$ROOT/templates" "$TMP/tpl"
	sed -i "$2" "$TMP/tpl/pdf/style.yaml"
	"$KITGEN" build --content "$FIXTURE" --templates "$TMP/tpl" --out "$TMP/styled" \
		--format pdf >/dev/null 2>"$TMP/err"
	status=$?
}
styled missing 's/^  sans: DejaVu Sans$/  sans: No Such Sans/'
line=$(grep -n '^  sans: ' "$TMP/tpl/pdf/style.yaml" | cut -d: -f1)
[ "$status" = 1 ] && grep -q "^$TMP/tpl/pdf/style.yaml:$line:9: error: font 'No Such Sans' (regular, TrueType) not found" "$TMP/err" &&
	ok "a missing font is an error that names it" ||
	not_ok "a missing font is an error that names it" "status $status" "$(cat "$TMP/err")"
styled negative 's/^  margin_top: .*/  margin_top: -3/'
line=$(grep -n '^  margin_top: ' "$TMP/tpl/pdf/style.yaml" | cut -d: -f1)
[ "$status" = 1 ] && grep -q "^$TMP/tpl/pdf/style.yaml:$line:15: error: 'page.margin_top' must be a length" "$TMP/err" &&
	ok "a bad length is an error at its place" ||
	not_ok "a bad length is an error at its place" "status $status" "$(cat "$TMP/err")"
styled colour 's/^  accent: .*/  accent: blue/'
[ "$status" = 1 ] && grep -q "error: 'colours.accent' must be a colour \"#rrggbb\", not 'blue'" "$TMP/err" &&
	ok "a bad colour is an error" || not_ok "a bad colour is an error" "$(cat "$TMP/err")"
styled unknown 's/^  body: \(.*\)/  body: \1\n  bodyy: 3/'
[ "$status" = 1 ] && grep -q "error: unknown key 'sizes.bodyy'" "$TMP/err" &&
	ok "an unknown key is an error" || not_ok "an unknown key is an error" "$(cat "$TMP/err")"
styled gone '/^  tint: /d'
[ "$status" = 1 ] && grep -q "error: missing 'colours.tint'" "$TMP/err" &&
	ok "a missing key is an error" || not_ok "a missing key is an error" "$(cat "$TMP/err")"
styled letterspaced 's/^  margin_left: .*/  margin_left: 1in/'
[ "$status" = 0 ] && $CHECK margins "$TMP/styled/fixture-kit.pdf" "$TMP/tpl/pdf/style.yaml" >"$TMP/out" 2>&1 &&
	ok "margins follow the style file" || not_ok "margins follow the style file" "$(cat "$TMP/err" "$TMP/out")"
