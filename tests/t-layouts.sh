#!/bin/sh
# t-layouts.sh - the PDF writer lays a document out once, keeping its runs
# to draw them at the end, when they fit their budget; else twice,
# drawing each run of the second layout as it ends (write_pdf.c). Both
# give the same pages: every word in the same place (PyMuPDF) and the
# same layout record, page by page, for every PDF of every edition, of
# content/ and of kits in Arabic, Chinese and Japanese; and a document whose kept runs
# outgrow the budget part way (KITGEN_PDF_KEEP=1: after its first run)
# goes on as the first of two layouts and gives, byte for byte, the file
# of two layouts from the start (KITGEN_PDF_KEEP=0). The one layout is
# what a default build does: its files are not those bytes (the objects
# come in another order), and they are sound (qpdf --check).
. "$(dirname "$0")/lib.sh"

PY=/usr/bin/python3

# build NAME KEEP [CONTENT]: every edition's PDF of CONTENT (content/)
# into $TMP/NAME, with its layout record in $TMP/NAME.rec (KEEP empty:
# the default budget)
build() {
	mkdir -p "$TMP/$1.rec"
	env ${2:+KITGEN_PDF_KEEP=$2} KITGEN_LAYOUT_RECORD="$TMP/$1.rec" \
		"$KITGEN" build -q --content "${3:-$ROOT/content}" --templates "$ROOT/templates" \
		--format pdf --out "$TMP/$1" >/dev/null 2>"$TMP/$1.err" ||
		not_ok "the build ($1)" "$(head -5 "$TMP/$1.err")"
	# the records' names hold the output folder's
	for f in "$TMP/$1.rec"/*; do
		mv "$f" "$TMP/$1.rec/$(basename "$f" | sed "s|.*_$1_||")"
	done
}

# words A B: every word of every page of the PDFs A and B, with its box,
# is the same (PyMuPDF); else the first that differ
words() {
	$PY - "$1" "$2" <<'PYEOF'
import sys, fitz
a, b = fitz.open(sys.argv[1]), fitz.open(sys.argv[2])
if len(a) != len(b):
    sys.exit("%d pages, then %d" % (len(a), len(b)))
for i in range(len(a)):
    wa = [tuple(round(v, 2) if isinstance(v, float) else v for v in w[:5])
          for w in a[i].get_text("words")]
    wb = [tuple(round(v, 2) if isinstance(v, float) else v for v in w[:5])
          for w in b[i].get_text("words")]
    if wa != wb:
        d = [(x, y) for x, y in zip(wa, wb) if x != y][:2]
        sys.exit("page %d: %s" % (i + 1, d or (len(wa), len(wb))))
PYEOF
}

build one ""
build two 0
build over 1

n=$(find "$TMP/one" -name '*.pdf' | wc -l)
[ "$n" -ge 20 ] && ok "every PDF of every edition is compared ($n)" ||
	not_ok "every PDF of every edition is compared" "only $n"

bad="" texts=0
for f in $(cd "$TMP/one" && find . -name '*.pdf' | sort); do
	if why=$(words "$TMP/one/$f" "$TMP/two/$f" 2>&1); then
		texts=$((texts + 1))
	else
		bad="$bad
$f: $why"
	fi
done
[ -z "$bad" ] && [ "$texts" = "$n" ] &&
	ok "one layout or two: every word in the same place on the same page ($texts PDFs)" ||
	not_ok "one layout or two: every word in the same place on the same page" "$bad"

# kits that set other labels, scripts and directions: Arabic (right to
# left), Chinese and Japanese in English, content/ in Japanese with a
# cover label wider than the column's default (the cover sizes its
# labels' column from the text column's width)
JA=$TMP/ja
cp -R "$ROOT/content" "$JA"
sed -i 's/^version: \(.*\)$/version: \1\nlanguage: ja\nlabels:\n  cover.version: "バージョン番号とその日付"/' "$JA/kit.yaml"
bad="" m=0
for kit in "$ROOT/tests/fixture/arabic" "$ROOT/tests/fixture/cjk" "$JA"; do
	name=$(basename "$kit")
	build "$name-one" "" "$kit"
	build "$name-two" 0 "$kit"
	for f in $(cd "$TMP/$name-one" && find . -name '*.pdf' | sort); do
		m=$((m + 1))
		why=$(words "$TMP/$name-one/$f" "$TMP/$name-two/$f" 2>&1) ||
			bad="$bad
$name/$f: $why"
	done
done
[ -z "$bad" ] && [ "$m" -ge 20 ] &&
	ok "Arabic, CJK and Japanese kits: one layout or two, every word in the same place ($m PDFs)" ||
	not_ok "Arabic, CJK and Japanese kits: one layout or two, every word in the same place" "$m PDFs$bad"

nrec=$(find "$TMP/one.rec" -type f | wc -l)
if [ "$nrec" = "$n" ] && diff -r "$TMP/one.rec" "$TMP/two.rec" >"$TMP/diff" 2>&1; then
	ok "one layout or two: the same layout record, page by page ($nrec)"
else
	not_ok "one layout or two: the same layout record, page by page" \
		"$nrec records" "$(head -5 "$TMP/diff")"
fi

if diff -r "$TMP/over" "$TMP/two" >"$TMP/diff" 2>&1; then
	ok "kept runs over their budget: the two layouts' files, byte for byte"
else
	not_ok "kept runs over their budget: the two layouts' files, byte for byte" \
		"$(head -5 "$TMP/diff")"
fi

pub=$("$KITGEN" list --content "$ROOT/content" | awk 'NR == 1 { print $1 }')
if ! cmp -s "$TMP/one/$pub.pdf" "$TMP/two/$pub.pdf"; then
	ok "the published kit is laid out once by default (its objects in another order)"
else
	not_ok "the published kit is laid out once by default (its objects in another order)"
fi

bad=""
for f in $(cd "$TMP/one" && find . -name '*.pdf' | sort); do
	qpdf --check "$TMP/one/$f" >"$TMP/qpdf" 2>&1 || bad="$bad $f: $(tail -2 "$TMP/qpdf")"
done
[ -z "$bad" ] && ok "every PDF of one layout is sound (qpdf --check)" ||
	not_ok "every PDF of one layout is sound (qpdf --check)" "$bad"
