#!/bin/sh
# docs.sh - the README's pictures, made from a real build (`make docs`):
#
#   tools/docs.sh KIT DOCS     KIT: the built kit without extension
#                              (output/backend-interview-kit), DOCS: where
#                              the pictures go
#
# DOCS/kit-page.png is the first page of KIT.pdf that shows a rubric
# (pdftoppm, poppler-utils); DOCS/kit-html.png is the top of KIT.html as
# headless Chromium shows it (CHROMIUM= names the browser).
set -eu
kit=$1
docs=$2
for f in "$kit.pdf" "$kit.html"; do
	[ -f "$f" ] || { echo "docs.sh: no $f: build the kit first (make)" >&2; exit 1; }
done
mkdir -p "$docs"

pages=$(pdfinfo "$kit.pdf" | awk '/^Pages:/ { print $2 }')
page=1
p=1
while [ "$p" -le "$pages" ]; do
	if pdftotext -f "$p" -l "$p" "$kit.pdf" - | grep -qx Rubric; then
		page=$p
		break
	fi
	p=$((p + 1))
done
pdftoppm -png -r 72 -f "$page" -l "$page" -singlefile "$kit.pdf" "$docs/kit-page"
echo "docs.sh: $docs/kit-page.png is page $page of $kit.pdf"

browser=${CHROMIUM:-}
if [ -z "$browser" ]; then
	for b in chromium chromium-browser google-chrome; do
		command -v "$b" >/dev/null 2>&1 && { browser=$b; break; }
	done
fi
[ -n "$browser" ] || { echo "docs.sh: no Chromium (apt-get install chromium)" >&2; exit 1; }
abs=$(cd "$(dirname "$kit.html")" && pwd)/$(basename "$kit.html")
out=$(cd "$docs" && pwd)/kit-html.png
rm -f "$out"
"$browser" --headless --no-sandbox --disable-gpu --hide-scrollbars \
	--window-size=1100,800 --screenshot="$out" "file://$abs" >/dev/null 2>&1 || true
[ -s "$out" ] || { echo "docs.sh: $browser made no screenshot" >&2; exit 1; }
echo "docs.sh: $docs/kit-html.png is $kit.html"
