#!/bin/sh
# t-layouts.sh - the PDF writer lays a document out once, keeping its runs
# to draw them at the end, when they fit their budget; else twice,
# drawing each run of the second layout as it ends (write_pdf.c). Both
# give the same pages: the same text and the same layout record, page by
# page, for every PDF of every edition; and a document whose kept runs
# outgrow the budget part way (KITGEN_PDF_KEEP=1: after its first run)
# goes on as the first of two layouts and gives, byte for byte, the file
# of two layouts from the start (KITGEN_PDF_KEEP=0). The one layout is
# what a default build does: its files are not those bytes (the objects
# come in another order), and they are sound (qpdf --check).
. "$(dirname "$0")/lib.sh"

# build NAME KEEP: every edition's PDF into $TMP/NAME, with its layout
# record in $TMP/NAME.rec (KEEP empty: the default budget)
build() {
	mkdir -p "$TMP/$1.rec"
	env ${2:+KITGEN_PDF_KEEP=$2} KITGEN_LAYOUT_RECORD="$TMP/$1.rec" \
		"$KITGEN" build -q --content "$ROOT/content" --templates "$ROOT/templates" \
		--format pdf --out "$TMP/$1" >/dev/null 2>"$TMP/$1.err" ||
		not_ok "the build ($1)" "$(head -5 "$TMP/$1.err")"
	# the records' names hold the output folder's
	for f in "$TMP/$1.rec"/*; do
		mv "$f" "$TMP/$1.rec/$(basename "$f" | sed "s|.*_$1_||")"
	done
}

build one ""
build two 0
build over 1

n=$(find "$TMP/one" -name '*.pdf' | wc -l)
[ "$n" -ge 20 ] && ok "every PDF of every edition is compared ($n)" ||
	not_ok "every PDF of every edition is compared" "only $n"

bad="" texts=0
for f in $(cd "$TMP/one" && find . -name '*.pdf' | sort); do
	pdftotext -layout "$TMP/one/$f" "$TMP/a.txt" 2>/dev/null
	pdftotext -layout "$TMP/two/$f" "$TMP/b.txt" 2>/dev/null
	if [ -s "$TMP/a.txt" ] && cmp -s "$TMP/a.txt" "$TMP/b.txt"; then
		texts=$((texts + 1))
	else
		bad="$bad $f"
	fi
done
[ -z "$bad" ] && [ "$texts" = "$n" ] &&
	ok "one layout or two: the same text on the same pages ($texts PDFs)" ||
	not_ok "one layout or two: the same text on the same pages" "differ:$bad"

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
