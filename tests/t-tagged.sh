#!/bin/sh
# t-tagged.sh - the PDF is a tagged PDF (what PDF/UA-1 asks that a test
# can check; see README.md, "Accessibility of the PDF"): the catalog's
# entries (/MarkInfo, /Lang, /StructTreeRoot with a /ParentTree,
# DisplayDocTitle, XMP with dc:title and pdfuaid:part), every page's
# content marked (text and drawing inside marked content or an artifact),
# every MCID in its page's parent tree entry and in its element, headings
# H1-H3 as the outline's, P, lists as L/LI/Lbl/LBody, tables as
# Table/TR/TH/TD, link annotations in Link elements (OBJR, /StructParent,
# /Contents), the tree's reading order the pages' order; for the public
# kit, a panel packet and the fixture. The checks are tests/tagcheck.py.
# With MAIN_KITGEN=path-to-another-kitgen, the text (pdftotext) of each
# PDF is compared with that kitgen's: tagging must not change it.
. "$(dirname "$0")/lib.sh"
CHECK="python3 $ROOT/tests/tagcheck.py"

"$KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" \
	--out "$TMP/real" --format pdf >/dev/null 2>"$TMP/err" ||
	not_ok "the real kit builds as PDF" "$(cat "$TMP/err")"
"$KITGEN" build --content "$FIXTURE" --templates "$ROOT/templates" \
	--out "$TMP/fx" --format pdf >/dev/null 2>"$TMP/err" ||
	not_ok "the fixture builds as PDF" "$(cat "$TMP/err")"
packet=$(ls "$TMP/real/panels/"*.pdf 2>/dev/null | head -1)

for pdf in "$TMP/real/backend-interview-kit.pdf" "$packet" \
	"$TMP/fx/fixture-kit.pdf"; do
	case $pdf in
	"$TMP/real/backend-interview-kit.pdf") who="public kit" ;;
	"$TMP/fx/"*) who="fixture" ;;
	*) who="panel packet $(basename "$pdf" .pdf)" ;;
	esac
	if ! [ -s "$pdf" ]; then
		not_ok "$who: the PDF is written"
		continue
	fi
	check "$who: qpdf --check" qpdf --check "$pdf"
	for c in catalog marked headings kinds links order; do
		case $c in
		catalog) what="the catalog: Marked, Lang, StructTreeRoot, DisplayDocTitle, XMP" ;;
		marked) what="every page's content is marked, every MCID in the parent tree" ;;
		headings) what="H1-H3 are the outline's headings, in order" ;;
		kinds) what="P, L/LI/Lbl/LBody, Table/TR/TH/TD under a Document" ;;
		links) what="every link annotation is in a Link element" ;;
		order) what="the tree's reading order is the pages' order" ;;
		esac
		if out=$($CHECK "$c" "$pdf" 2>&1); then ok "$who: $what"
		else not_ok "$who: $what" "$out"; fi
	done
done

# Tagging changes no word of any page.
if [ -n "${MAIN_KITGEN:-}" ]; then
	"$MAIN_KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" \
		--out "$TMP/main" --format pdf >/dev/null 2>&1
	"$MAIN_KITGEN" build --content "$FIXTURE" --templates "$ROOT/templates" \
		--out "$TMP/main" --format pdf >/dev/null 2>&1
	bad=""
	for pdf in "$TMP/real/"*.pdf "$TMP/real/"*/*.pdf "$TMP/fx/"*.pdf; do
		rel=${pdf#"$TMP"/*/}
		pdftotext -enc UTF-8 "$pdf" "$TMP/new.txt"
		pdftotext -enc UTF-8 "$TMP/main/$rel" "$TMP/old.txt" 2>/dev/null
		mask_build_digest "$TMP/new.txt" "$TMP/old.txt"
		cmp -s "$TMP/new.txt" "$TMP/old.txt" || bad="$bad $rel"
	done
	[ -z "$bad" ] && ok "every PDF's text is $MAIN_KITGEN's" ||
		not_ok "every PDF's text is $MAIN_KITGEN's" "differs:$bad"
else
	ok "every PDF's text is as before tagging # SKIP set MAIN_KITGEN"
fi
