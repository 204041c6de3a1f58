#!/bin/sh
# t-print.sh - the editions as a reader prints and navigates them. The
# public kit's HTML printed by headless Chromium on A4 (the default) and
# on Letter: the kit's paper, running heads and page numbers, no page
# ending in a heading, the contents' last entry never alone
# (tests/html_print.py). The PDF kit's contents and question index: every
# line one link from end to end, one leader style on one grid, each index
# entry a question's own words (tests/pdf_contents.py). The HTML at 390,
# 768 and 1280 px: the contents always in reach, the index page's
# download buttons on one row, rules of one width
# (tests/browser/check-nav.mjs; screenshots in build/screenshots/print/).
. "$(dirname "$0")/lib.sh"
CHROMIUM=${CHROMIUM:-/usr/bin/chromium}
export CHROMIUM
SHOTS="$ROOT/build/screenshots/print"
PY=/usr/bin/python3

# print HTML PDF: headless Chromium's print of a page, its own paper
print_page() {
	timeout 300 "$CHROMIUM" --headless --no-sandbox --disable-gpu --no-first-run \
		--disable-background-networking --disable-component-update \
		--disable-sync --no-pdf-header-footer --print-to-pdf="$2" \
		"file://$1" >/dev/null 2>&1
}

# checks PREFIX COMMAND...: a checker's lines, each name after PREFIX; a
# checker that stops without saying why fails too
checks() {
	prefix=$1
	shift
	"$@" >"$TMP/checks" 2>"$TMP/checks.err"
	status=$?
	sed "s/^\(\(not \)\{0,1\}ok - \)/\1$prefix/" "$TMP/checks"
	[ $status = 0 ] || grep -q '^not ok' "$TMP/checks" ||
		not_ok "${prefix}the checker runs (status $status)" "$(tail -5 "$TMP/checks.err")"
}

# the topics' titles, one a line: no index entry may read as one
titles=$(sed -n 's/^title: *"\{0,1\}\([^"]*\)"\{0,1\} *$/\1/p' "$ROOT"/content/topics/*.yaml)

for paper in a4 letter; do
	out="$TMP/$paper"
	"$KITGEN" build --content "$ROOT/content" --templates "$ROOT/templates" \
		--out "$out" $( [ $paper = a4 ] || echo --paper $paper ) >/dev/null 2>"$TMP/err"
	check "the kit builds on $paper" test -s "$out/backend-interview-kit.html"
	page="$out/backend-interview-kit.html"
	case $paper in
	a4) size='595.28pt 841.89pt' ;;
	letter) size='612.00pt 792.00pt' ;;
	esac
	check "the HTML's print style sheet sets the $paper page ($size)" \
		grep -q "^    size: $size;" "$page"

	if ! "$PY" -c 'import fitz' 2>/dev/null; then
		not_ok "PyMuPDF is installed (apt-get install python3-fitz)"
	else
		# shellcheck disable=SC2086 # one argument per title
		(IFS='
'; checks "$paper PDF: " "$PY" "$ROOT/tests/pdf_contents.py" \
			"$out/backend-interview-kit.pdf" $titles)
	fi

	if [ ! -x "$CHROMIUM" ]; then
		not_ok "Chromium is installed (apt-get install chromium)"
		continue
	fi
	print_page "$page" "$TMP/$paper-printed.pdf"
	if [ -s "$TMP/$paper-printed.pdf" ]; then
		ok "Chromium prints the $paper HTML"
		checks "$paper HTML printed: " "$PY" "$ROOT/tests/html_print.py" \
			"$page" "$TMP/$paper-printed.pdf" $paper
	else
		not_ok "Chromium prints the $paper HTML"
	fi
done

# The running head is the kit's title as a CSS string: markup, quotes and
# backslashes in it are hex escapes, so it can end neither the string nor
# the style element.
kit=$(fixture_copy hostile-title)
sed -i 's|^title: .*|title: "Kit </style><script>x</script> \\\\ \\" end"|' "$kit/kit.yaml"
"$KITGEN" build --content "$kit" --templates "$ROOT/templates" --out "$TMP/hostile" \
	--format html >/dev/null 2>&1
head=$(sed -n '/@top-left {/{n;p;}' "$TMP/hostile/fixture-kit.html")
if printf '%s\n' "$head" | grep -Eq '^ +content: "([^"<>\\]|\\[0-9a-f]+ )*";$' &&
	printf '%s\n' "$head" | grep -q '\\3c \\2f style\\3e'; then
	ok "a title with markup, quotes and backslashes is one escaped CSS string in the running head"
else
	not_ok "a title with markup, quotes and backslashes is one escaped CSS string in the running head" "$head"
fi

if [ ! -d "$ROOT/node_modules/playwright-core" ]; then
	not_ok "playwright-core is installed (npm ci)"
else
	rm -rf "$SHOTS"
	checks "" node "$ROOT/tests/browser/check-nav.mjs" --shots "$SHOTS" \
		"$TMP/a4/backend-interview-kit.html" "$TMP/a4/index.html"
fi
